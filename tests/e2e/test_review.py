"""Issue 6 (part): the monthly leadership review for a chosen person and month, ready to print."""


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
