"""Issues 11.4 and 11.9 in the window: the import preview asks the date order a sheet leaves open and lists what
an import would change; and a 100,000-action import runs off the window's thread, so switching views while it
runs still renders at once."""
import json
import sqlite3

from conftest import until


def actions_in(app) -> int:
    """Actions committed to the file, read as a second reader would (WAL: never blocked by the import)."""
    with sqlite3.connect(f"file:{app.db_file}?mode=ro", uri=True) as conn:
        return conn.execute("SELECT count(*) FROM actions").fetchone()[0]


def choose(app, css, value):
    """Sets a <select> as a person would (WebKitWebDriver cannot click an <option>)."""
    app.driver.execute_script(
        "const s = document.querySelector(arguments[0]); s.value = arguments[1];"
        "s.dispatchEvent(new Event('change', {bubbles: true}));", css, value)


def test_the_preview_asks_the_date_order_and_lists_changes(app, tmp_path):
    app.cli("person", "add", "--name", "Anna de Vries", "--tz", "Europe/Amsterdam", "--me")
    sheet = tmp_path / "sheet.csv"
    # Every day is 12 or less: 03/11/2026 is 3 November or 11 March; the file does not say.
    sheet.write_text("Datum;Naam;Categorie;Notitie\r\n03/11/2026;Anna de Vries;Open communicatie;Kwartaalcijfers\r\n"
                     "04/11/2026;Anna de Vries;follow-up;Notulen gestuurd\r\n", encoding="utf-8-sig")
    app.start()
    app.wait("[data-testid=today-view]")
    app.find("[data-nav=data]").click()
    app.find("[data-testid=import-file]").send_keys(str(sheet))
    app.wait("[data-testid=date-order]")
    assert "Would add 2 actions" in app.wait("[data-testid=import-dry]").text
    choose(app, "[data-testid=date-order] select", "mdy")
    assert until(lambda: app.driver.execute_script("return document.querySelector('[data-testid=date-order] select').value") == "mdy", 5)
    choose(app, "[data-testid=date-order] select", "dmy")
    app.screenshot("import-date-order")
    app.wait("[data-testid=import-dry]")
    app.find("[data-testid=import-go]").click()
    assert "Imported: 2 actions" in app.wait("[data-testid=import-done]").text
    dates = [a["localDate"] for a in json.loads(app.cli("--json", "list"))]
    assert dates == ["2026-11-03", "2026-11-04"], f"day first, as chosen: {dates}"

    # A file that renames a category and recolours it: the preview says so before anything is written.
    doc = tmp_path / "renames.json"
    doc.write_text(json.dumps({"format": "cadence-export", "version": 1, "categories": [
        {"key": "open-communication", "label": "Talking openly", "colour": "#7c3aed"}]}), encoding="utf-8")
    app.find("[data-testid=import-file]").send_keys(str(doc))
    changes = app.wait("[data-testid=import-changes]").text
    assert "open-communication: name Open communication → Talking openly" in changes, changes
    assert "colour" in changes and "#7c3aed" in changes, changes
    out = tmp_path / "before.json"
    app.cli("export", "--format", "json", "--out", str(out))
    labels = {c["key"]: c["label"] for c in json.loads(out.read_text(encoding="utf-8"))["categories"]}
    assert labels["open-communication"] == "Open communication", "the preview wrote nothing"


def test_a_large_import_leaves_the_window_answering(app, tmp_path):
    app.cli("person", "add", "--name", "Anna de Vries", "--tz", "Europe/Amsterdam", "--me")
    sheet = tmp_path / "big.csv"
    rows = ["Date,Person,Category,Note"]
    for i in range(100_000):
        day = 1 + i % 28
        rows.append(f"2025-{1 + (i // 28) % 12:02d}-{day:02d},Anna de Vries,open-communication,Row {i}")
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    app.start()
    app.wait("[data-testid=today-view]")
    app.find("[data-nav=data]").click()
    app.find("[data-testid=import-file]").send_keys(str(sheet))
    assert "Would add 100000 actions" in app.wait("[data-testid=import-dry]", timeout=240).text.replace(",", "").replace("\u202f", "")
    app.find("[data-testid=import-go]").click()

    # While it runs: each click on another view renders that view; measured in the page, click to painted frame.
    switch = """
        const [nav, view, done] = arguments;
        const start = performance.now();
        document.querySelector(`[data-nav=${nav}]`).click();
        const wait = () => document.querySelector(`[data-testid=${view}]`)
            ? requestAnimationFrame(() => done(performance.now() - start)) : requestAnimationFrame(wait);
        wait();
    """
    took = {}
    for nav, view in [("followups", "followups"), ("organisation", "organisation"), ("reminders", "reminders"),
                      ("today", "today-view"), ("followups", "followups")]:
        took.setdefault(nav, []).append(app.driver.execute_async_script(switch, nav, view))
    committed = actions_in(app)
    print("view switches during the import (ms):", took)
    assert committed == 0, "measured while the import ran (it commits all at once, at its end)"
    slowest = max(ms for all_ms in took.values() for ms in all_ms)
    assert slowest < 200, f"a view switch took {slowest:.0f} ms during the import: {took}"
    assert until(lambda: actions_in(app) == 100_000, 600), "the import finished"
