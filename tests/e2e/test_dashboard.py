"""Issue 3 end to end: a seeded database shows the expected streak and score numbers in the real window."""
import datetime as dt
import json
from zoneinfo import ZoneInfo


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
