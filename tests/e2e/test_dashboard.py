"""Issue 3 end to end: a seeded database shows the expected streak and score numbers in the real window."""
import datetime as dt
import json
from zoneinfo import ZoneInfo

from conftest import until


def seed_thirty_days(app):
    app.cli("person", "add", "--name", "Anna de Vries", "--role", "CEO", "--tz", "Europe/Amsterdam",
            "--working-days", "mon,tue,wed,thu,fri,sat,sun", "--me")
    app.cli("person", "add", "--name", "Bram Jansen", "--role", "CFO", "--tz", "Europe/Amsterdam")
    app.cli("target", "set", "--person", "Anna de Vries", "--category", "open-communication", "--times", "1", "--per", "day")
    today = dt.datetime.now(ZoneInfo("Europe/Amsterdam")).date()
    for back in range(30):
        day = (today - dt.timedelta(days=back)).isoformat()
        app.cli("log", "--person", "Anna de Vries", "--category", "open-communication", "--date", day, "--time", "08:00",
                "--channel", "town-hall", "--audience", "staff")
    return today


def test_dashboard_shows_seeded_streak_and_score(app):
    seed_thirty_days(app)
    stats = json.loads(app.cli("--json", "stats", "--person", "Anna de Vries"))
    oc = stats["categories"][0]
    # 30 days of a perfect daily habit: Loop's 80%, a 30-day streak.
    assert round(oc["score"] * 100) == 80
    assert stats["overall"]["currentStreakDays"] == 30

    app.start()
    app.wait("[data-testid=today-view]")
    app.find("[data-nav=dashboard]").click()
    app.wait("[data-testid=dashboard] [data-testid=overall]")
    assert app.find("[data-testid=current-streak]").text.startswith("30")
    assert app.find("[data-testid=best-streak]").text == "30"
    card = app.find("[data-testid=score-card][data-category=open-communication]")
    assert card.find_element("css selector", "[data-testid=category-score]").text == "80%"
    assert card.find_element("css selector", ".pill").get_attribute("data-status") == "onTrack"
    assert "every working day" in card.text, "the target reads as a sentence"
    # The overview's first row lines up: its cards share their top and their height.
    row = app.driver.execute_script(
        "const cards = [...document.querySelectorAll('.overview > .card')].map(c => c.getBoundingClientRect());"
        "return cards.filter(r => Math.abs(r.top - cards[0].top) < 40).map(r => [r.top, r.bottom]);")
    assert len(row) >= 3, row
    assert max(t for t, _ in row) - min(t for t, _ in row) < 1 and max(b for _, b in row) - min(b for _, b in row) < 1, row
    card = app.find("[data-testid=score-card][data-category=open-communication]")
    assert card.find_element("css selector", "[data-testid=category-streak]").text.startswith("30 days")
    overall = round(stats["overall"]["score"] * 100)
    assert app.find("[data-testid=overall-score]").text == f"{overall}%"
    # The explanation is there on demand.
    card.find_element("css selector", "button.link").click()
    why = app.wait("[data-testid=why]")
    assert "30 of 30 working days met the target" in why.text
    assert app.find_all(".plot svg"), "charts rendered"
    heat_cells = app.driver.execute_script("return document.querySelectorAll('.plot svg rect').length")
    assert heat_cells >= 365
    assert "Staff" in app.find("[data-testid=audiences]").text
    app.screenshot("dashboard")
    # Follow-up was never logged: slipping. Visible participation, logged once today: not slipping, but a score
    # of a few percent is "building up", never "on track".
    app.cli("log", "--person", "Anna de Vries", "--category", "visible-participation", "--note", "Sat in on the review")
    app.find("[data-nav=team]").click()
    app.find("[data-nav=dashboard]").click()
    app.wait("[data-testid=score-card][data-category=visible-participation]")
    assert until(lambda: app.find("[data-testid=score-card][data-category=visible-participation] .pill").text == "Building up", 10)
    assert "2 times a week (default)" in app.find("[data-testid=score-card][data-category=visible-participation]").text
    assert app.find("[data-testid=score-card][data-category=follow-up] .pill").get_attribute("data-status") == "slipping"

    # The team overview lists both leaders, the one slipping first, and clicks through.
    app.find("[data-nav=team]").click()
    rows = app.wait_all("[data-testid=team-row]")
    assert [r.get_attribute("data-person-id") for r in rows][0] == "2", "Bram, who logged nothing, first"
    assert "Slipping" in rows[0].text
    app.screenshot("team")
    rows[1].find_element("css selector", "button.name").click()
    app.wait_text("[data-testid=dashboard] h1", "Anna de Vries")


def test_dashboard_empty_state(app):
    app.cli("person", "add", "--name", "New Leader", "--tz", "Europe/Amsterdam", "--me")
    app.start()
    app.wait("[data-testid=today-view]")
    app.find("[data-nav=dashboard]").click()
    app.wait("[data-testid=dashboard-empty]")
    app.find("[data-testid=dashboard-empty] button").click()
    app.wait("[data-testid=today-view]")


def test_rhythm_edits_targets_and_absence(app):
    app.cli("person", "add", "--name", "Anna de Vries", "--tz", "Europe/Amsterdam", "--me")
    app.start()
    app.wait("[data-testid=today-view]")
    app.find("[data-nav=rhythm]").click()
    app.wait("[data-testid=rhythm] .target-row")
    times = app.find("input[aria-label='Open communication: times']")
    times.clear()
    times.send_keys("5")
    app.find("[data-testid=rhythm] .target-row button").click()
    app.wait_text("[data-testid=rhythm] [role=status]", "saved")
    targets = app.cli("target", "list", "--person", "Anna de Vries")
    assert "open-communication       5 per week" in targets

    dates = app.find_all("[data-testid=rhythm] form [data-date-field]")
    app.driver.execute_script(
        "arguments[0].value = '2026-12-21'; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
        "arguments[1].value = '2027-01-01'; arguments[1].dispatchEvent(new Event('input', {bubbles: true}));",
        dates[0], dates[1])
    app.find("[data-testid=rhythm] form input[placeholder='holiday, travel, sick']").send_keys("Christmas")
    app.find("[data-testid=rhythm] form button[type=submit]").click()
    app.wait_text("[data-testid=rhythm] .absences", "21 Dec 2026")
    assert "Christmas" in app.cli("absence", "list")

    # A reversed range is refused with the core's message, and nothing is added.
    app.driver.execute_script(
        "arguments[0].value = '2027-02-10'; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
        "arguments[1].value = '2027-02-01'; arguments[1].dispatchEvent(new Event('input', {bubbles: true}));",
        dates[0], dates[1])
    app.find("[data-testid=rhythm] form button[type=submit]").click()
    err = app.wait("[data-testid=rhythm] .field-error")
    assert "before" in err.text
    assert app.cli("absence", "list").count("\n") == 0
