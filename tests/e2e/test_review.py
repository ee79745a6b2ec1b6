"""Issue 6 (part): the monthly leadership review for a chosen person and month, ready to print."""
import re
import subprocess

from conftest import SHOTS


def test_monthly_review_shows_the_month(app):
    app.cli("person", "add", "--name", "Eva Assistant", "--tz", "Europe/Amsterdam", "--me")
    app.cli("person", "add", "--name", "Anna de Vries", "--tz", "Europe/Amsterdam")
    for day in ("2026-10-05", "2026-10-06", "2026-10-07", "2026-10-12", "2026-10-13"):
        app.cli("log", "--person", "Anna de Vries", "--category", "open-communication", "--date", day)
    for day in ("2026-10-08", "2026-10-15", "2026-10-29"):
        app.cli("log", "--person", "Anna de Vries", "--category", "follow-up", "--date", day)
    app.cli("log", "--person", "Anna de Vries", "--category", "follow-up", "--date", "2026-11-02")
    app.start()
    app.wait("[data-testid=today-view]")
    app.find("[data-nav=review]").click()
    app.wait("[data-testid=review]")
    app.driver.execute_script(
        "const s = document.querySelector('[data-testid=review-person]');"
        "s.value = [...s.options].find(o => o.text === 'Anna de Vries').value; s.dispatchEvent(new Event('change', {bubbles: true}));")
    app.set_value("[data-testid=review-month]", "2026-10")
    app.wait_text("[data-testid=review-sheet] h2", "Anna de Vries — October 2026")
    assert app.find("[data-testid=review-total]").text == "8"
    rows = app.driver.execute_script(
        "return [...document.querySelectorAll('[data-testid=review-counts] tr')].map(r => [...r.cells].map(c => c.textContent.trim()))")
    counts = {r[0]: r[1] for r in rows}
    assert counts["Open communication"] == "5" and counts["Follow-up"] == "3" and counts["Visible participation"] == "0"
    assert app.find("[data-testid=print]").is_displayed()
    app.screenshot("monthly-review")


def test_assistant_saves_last_months_review_as_pdf_in_one_click(app):
    """The assistant opens the review page and clicks the leader's name: the PDF of last month is written
    into Downloads by the app itself (no print dialog), and holds the month's numbers."""
    downloads = app.xdg / "Downloads"
    downloads.mkdir()
    app.extra_env["XDG_DOWNLOAD_DIR"] = str(downloads)
    app.set_clock("2026-11-10T10:00:00+01:00")
    app.cli("person", "add", "--name", "Eva Assistant", "--tz", "Europe/Amsterdam", "--me")
    app.cli("person", "add", "--name", "Anna de Vries", "--tz", "Europe/Amsterdam")
    for day in ("2026-10-05", "2026-10-06", "2026-10-07", "2026-10-12", "2026-10-13"):
        app.cli("log", "--person", "Anna de Vries", "--category", "open-communication", "--date", day)
    for day in ("2026-10-08", "2026-10-15", "2026-10-29", "2026-11-02"):
        app.cli("log", "--person", "Anna de Vries", "--category", "follow-up", "--date", day)
    app.start()
    app.wait("[data-testid=today-view]")
    app.find("[data-nav=review]").click()
    button = app.wait("[data-testid=quick-review][data-person='Anna de Vries']")
    assert "October 2026" in app.find(".quick-reviews h2").text
    button.click()

    saved = app.wait("[data-testid=pdf-saved]")
    pdf = downloads / "Leadership review Anna de Vries 2026-10.pdf"
    assert str(pdf) in saved.text
    assert pdf.read_bytes().startswith(b"%PDF-")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Anna de Vries - October 2026" in text
    assert re.search(r"Open communication\s+5\b", text), text
    assert re.search(r"Follow-up\s+3\b", text), text
    assert re.search(r"Total\s+8\b", text), text
    assert "Leadership review as of 31 October 2026" in text
    # What the assistant sends: the PDF's page as an image beside the other screenshots.
    SHOTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-singlefile", str(pdf), str(SHOTS / "review-pdf")], check=True)
    app.screenshot("review-pdf-saved")
