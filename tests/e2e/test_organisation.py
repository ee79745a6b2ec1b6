"""Issue 6 (part): the organisation's own words in the window: add a value and a person, rename and recolour a
category, archive a channel; the quick log follows and old actions keep their category."""
import json

from selenium.webdriver.support.ui import WebDriverWait

from conftest import until


def test_edit_the_organisation(app):
    app.cli("person", "add", "--name", "Eva Assistant", "--tz", "Europe/Amsterdam", "--me")
    app.cli("log", "--person", "Eva Assistant", "--category", "follow-up", "--note", "Before the rename", "--date", "2026-11-02")
    app.start()
    app.wait("[data-testid=today-view]")
    app.find("[data-nav=organisation]").click()
    app.wait("[data-testid=organisation]")

    values = app.find("[data-testid=list-values] form input")
    values.send_keys("Courage")
    app.find("[data-testid=list-values] form button").click()
    WebDriverWait(app.driver, 10).until(lambda d: d.execute_script(
        "return [...document.querySelectorAll('[data-testid=list-values] .org-list input.grow')].some(i => i.value === 'Courage')"))
    label = app.find("[data-testid=list-categories] input[aria-label='Name of follow-up']")
    label.clear()
    label.send_keys("Follow-through")
    app.driver.execute_script("arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", label)
    # The rename is saved and the list redrawn before the colour is set: its label then names the new name.
    colour = "[data-testid=list-categories] input[type=color][aria-label='Colour of Follow-through']"
    app.wait(colour)
    app.driver.execute_script(
        "const c = document.querySelector(\"" + colour + "\");"
        "c.value = '#aa00ff'; c.dispatchEvent(new Event('change', {bubbles: true}));")
    app.wait_text("[data-testid=organisation] [role=status]", "Saved")
    assert not app.find_all("[data-testid=colour-warning-follow-up]"), "#aa00ff reads well in both modes"
    # A pale yellow is saved (the user decides) but the view says it will be hard to read as text.
    app.driver.execute_script(
        "const c = document.querySelector(\"[data-testid=list-categories] input[type=color][aria-label='Colour of Follow-through']\");"
        "c.value = '#ffff00'; c.dispatchEvent(new Event('input', {bubbles: true})); c.dispatchEvent(new Event('change', {bubbles: true}));")
    app.wait_text("[data-testid=colour-warning-follow-up]", "Hard to read as text in light mode")
    app.cli("export", "--format", "json", "--out", str(app.xdg / "e.json"))
    assert '"colour": "#ffff00"' in (app.xdg / "e.json").read_text(), "saved all the same"
    channels = app.find_all("[data-testid=list-channels] .org-list li")
    blog = [li for li in channels if li.find_element("css selector", "input").get_attribute("value") == "Blog / vlog"][0]
    blog.find_element("css selector", "button").click()
    app.wait("[data-testid=list-channels] .org-list li.archived")

    app.find("[data-testid=add-person] input[name=personName]").send_keys("Bram Jansen")
    app.find("[data-testid=add-person] button[type=submit]").click()
    app.wait_text("[data-testid=organisation] table", "Bram Jansen")

    # People are edited in their row; a bad zone is refused next to its field, nothing changes.
    app.find("[data-testid=people] tr[data-person='Bram Jansen'] button").click()
    row = app.wait("[data-testid=person-edit]")
    role = row.find_element("css selector", "input[name=editRole]")
    role.clear()
    role.send_keys("CFO")
    tz = row.find_element("css selector", "input[name=editTz]")
    tz.clear()
    tz.send_keys("Nowhere/Else")
    row.find_element("css selector", "button[type=submit]").click()
    app.wait_text("[data-testid=person-edit] .field-error", "unknown time zone")
    before = next(p for p in json.loads(app.cli("--json", "person", "list")) if p["name"] == "Bram Jansen")
    assert (before["role"], before["tz"]) == ("", "Europe/Amsterdam"), "a refused edit changes nothing"
    tz = app.find("[data-testid=person-edit] input[name=editTz]")
    tz.clear()
    tz.send_keys("Europe/London")
    app.driver.execute_script(
        "const s = document.querySelector('[data-testid=person-edit] select[name=editLayer]');"
        "s.value = 'board'; s.dispatchEvent(new Event('change', {bubbles: true}));")
    app.find("[data-testid=person-edit] button[type=submit]").click()
    app.wait("[data-testid=people] tr[data-person='Bram Jansen']")
    bram = next(p for p in json.loads(app.cli("--json", "person", "list")) if p["name"] == "Bram Jansen")
    assert (bram["role"], bram["tz"], bram["layer"]) == ("CFO", "Europe/London", "board"), bram
    assert "Board" in app.find("[data-testid=people] tr[data-person='Bram Jansen']").text
    app.screenshot("organisation")

    catalog = app.cli("--json", "person", "list")
    assert "Bram Jansen" in catalog
    app.find("[data-nav=today]").click()
    app.wait("[data-testid=quicklog]")
    assert "Follow-through" in app.find("[data-category=follow-up]").text
    options = app.driver.execute_script("return [...document.querySelectorAll('select[name=channel] option')].map(o => o.text)")
    assert "Blog / vlog" not in options, "archived channels are not offered"
    values_text = app.find("[data-testid=quicklog]").text
    assert "Courage" in values_text
    listed = app.cli("list", "--person", "Eva Assistant")
    assert "follow-up" in listed and "Before the rename" in listed, "old actions keep their category key"


def channel_options(app):
    """The channel keys the quick log offers (WebKitWebDriver cannot click an <option>: read them by script)."""
    return app.driver.execute_script("return [...document.querySelectorAll('select[name=channel] option')].map(o => o.value)")


def test_scope_a_channel_to_a_unit(app, tmp_path):
    """A channel meant for one unit: chosen in the Organisation view, kept after a restart and in the export, and
    offered in the quick log to a person of that unit only; channels without units stay offered to everyone."""
    # Two units (the CLI has no command for units: a minimal Cadence export brings them in), a person in each.
    units = tmp_path / "units.json"
    units.write_text(json.dumps({"format": "cadence-export", "version": 1, "units": [
        {"key": "sales", "label": "Sales"}, {"key": "support", "label": "Support"}]}), encoding="utf-8")
    app.cli("import", str(units))
    eva = app.cli("person", "add", "--name", "Eva Sales", "--unit", "sales", "--tz", "Europe/Amsterdam", "--me")
    sam = app.cli("person", "add", "--name", "Sam Support", "--unit", "support", "--tz", "Europe/Amsterdam")

    def exported_units():
        out = tmp_path / "export.json"
        app.cli("export", "--format", "json", "--out", str(out))
        return {c["key"]: c.get("units") or [] for c in json.loads(out.read_text(encoding="utf-8"))["channels"]}

    def scope_text(channel):
        return app.driver.execute_script(
            "const e = document.querySelector(arguments[0]); return e ? e.innerText : null",
            f"[data-testid=channel-scope-{channel}]")

    def open_organisation():
        app.find("[data-nav=organisation]").click()
        app.wait("[data-testid=list-channels] .org-list li")
        assert app.find_all("[data-testid=channel-units-walk-around]"), \
            "each channel offers its units (the core's catalogue must report a channel's units)"
        return app.wait("[data-testid=channel-units-walk-around] input[type=checkbox][value=sales]")

    app.start()
    app.wait("[data-testid=today-view]")
    sales = open_organisation()
    support = app.find("[data-testid=channel-units-walk-around] input[type=checkbox][value=support]")
    assert not sales.is_selected() and not support.is_selected()
    assert scope_text("walk-around") == "Meant for: Everyone"
    legend = app.driver.execute_script(
        "return document.querySelector('[data-testid=channel-units-walk-around] legend').textContent")
    assert "Walk-around" in legend, "the group's legend names the channel"

    sales.click()
    assert until(lambda: exported_units().get("walk-around") == ["sales"], 10), exported_units()
    assert until(lambda: scope_text("walk-around") == "Meant for: Sales", 10), scope_text("walk-around")
    assert exported_units().get("team-meeting") == [], "other channels stay for everyone"
    assert scope_text("team-meeting") == "Meant for: Everyone"
    app.screenshot("organisation-channel-units")

    # Saved: a fresh start shows the same choice.
    app.restart()
    # Cadence reopens on the view it was left on: the Organisation view.
    app.wait("[data-nav=organisation][aria-current=page]")
    sales = open_organisation()
    assert sales.is_selected(), "the unit stays chosen after a restart"
    assert not app.find("[data-testid=channel-units-walk-around] input[type=checkbox][value=support]").is_selected()
    assert scope_text("walk-around") == "Meant for: Sales"

    # The quick log: Eva (sales) is offered the walk-around, Sam (support) is not; the team meeting is for both.
    app.find("[data-nav=today]").click()
    app.wait("[data-testid=quicklog]")
    app.wait("[data-testid=who]")
    assert app.driver.execute_script("return document.querySelector('[data-testid=who]').value") == eva
    offered = channel_options(app)
    assert "walk-around" in offered and "team-meeting" in offered, offered
    app.set_value("[data-testid=who]", sam)
    WebDriverWait(app.driver, 10).until(lambda d: "walk-around" not in channel_options(app))
    assert "team-meeting" in channel_options(app)
    app.set_value("[data-testid=who]", eva)
    WebDriverWait(app.driver, 10).until(lambda d: "walk-around" in channel_options(app))



def test_every_list_is_edited_in_the_window(app, tmp_path):
    """Units and layers are added, renamed, archived and restored; a value becomes a theme; a channel turns
    external. The export (what the core stored) shows each change; an action logged before keeps its meaning."""
    app.cli("person", "add", "--name", "Anna de Vries", "--tz", "Europe/Amsterdam", "--me")
    app.cli("log", "--person", "Anna de Vries", "--category", "open-communication", "--audience", "board", "--date", "2026-11-20")
    app.start()
    app.wait("[data-testid=today-view]")
    app.find("[data-nav=organisation]").click()
    app.wait("[data-testid=list-units]")

    def exported():
        out = tmp_path / "export.json"
        app.cli("export", "--format", "json", "--out", str(out))
        return json.loads(out.read_text(encoding="utf-8"))

    def entry(list_name, key):
        return next((e for e in exported()[list_name] if e["key"] == key), None)

    def row_input(list_id, key):
        return app.find(f"[data-testid=list-{list_id}] input[aria-label='Name of {key}']")

    def rename(list_id, key, label):
        field = row_input(list_id, key)
        field.clear()
        field.send_keys(label)
        app.driver.execute_script("arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", field)

    def archive_button(list_id, key):
        return row_input(list_id, key).find_element("xpath", "./ancestor::li//button[last()]")

    # A unit: added, renamed, archived, restored.
    app.find("[data-testid=list-units] form input").send_keys("Logistics")
    app.find("[data-testid=list-units] form button").click()
    app.wait("[data-testid=list-units] input[aria-label='Name of logistics']")
    rename("units", "logistics", "Logistics & Transport")
    assert until(lambda: (entry("units", "logistics") or {}).get("label") == "Logistics & Transport", 10), entry("units", "logistics")
    archive_button("units", "logistics").click()
    assert until(lambda: (entry("units", "logistics") or {}).get("archived") is True, 10), entry("units", "logistics")
    app.wait("[data-testid=list-units] li.archived")
    archive_button("units", "logistics").click()
    assert until(lambda: (entry("units", "logistics") or {}).get("archived") is False, 10), entry("units", "logistics")

    # A layer renamed and archived: the action logged for the board keeps it, under the new name.
    rename("layers", "board", "Executive board")
    archive_button("layers", "board").click()
    assert until(lambda: (entry("layers", "board") or {}).get("archived") is True, 10), entry("layers", "board")
    assert exported()["actions"][0]["layers"] == ["board"]
    assert json.loads(app.cli("--json", "list"))[0]["audiences"] == ["layer:board"]

    # A value becomes a strategic theme; a channel turns external.
    app.find("[data-testid=list-values] form input").send_keys("Sustainability")
    app.find("[data-testid=list-values] form button").click()
    app.wait("[data-testid=list-values] select[aria-label='Kind of Sustainability']")
    app.driver.execute_script(
        "const s = document.querySelector(\"[data-testid=list-values] select[aria-label='Kind of Sustainability']\");"
        "s.value = 'theme'; s.dispatchEvent(new Event('change', {bubbles: true}));")
    assert until(lambda: (entry("values", "sustainability") or {}).get("kind") == "theme", 10), entry("values", "sustainability")
    box = row_input("channels", "blog").find_element("xpath", "./ancestor::li//input[@type='checkbox']")
    box.click()
    assert until(lambda: (entry("channels", "blog") or {}).get("external") is True, 10), entry("channels", "blog")
    app.screenshot("organisation-lists")
