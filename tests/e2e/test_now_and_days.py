"""Issue 10, points 5 and 6: "now means now, here" and "the day rolls over".

The machine's /etc/localtime says UTC; conftest runs the app with TZ=Europe/Amsterdam. Cadence must take the zone
from TZ (the core decides it, and the window shows the core's answer), an "Earlier" chosen for one action must
not stick to the next, and a window left open past midnight must show the new day without a restart."""
import json
import time

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from conftest import until

ZONE = "Europe/Amsterdam"


def logged(app):
    return json.loads(app.cli("--json", "list"))


def test_the_zone_of_a_new_person_and_of_now_comes_from_tz(app):
    assert app.env()["TZ"] == ZONE
    app.start()
    app.wait("[data-testid=onboarding]")
    tz = app.wait("input[name=tz]")
    assert until(lambda: app.driver.execute_script("return arguments[0].value", tz) == ZONE, 10), \
        f"onboarding proposes the zone TZ names, not /etc/localtime's: {tz.get_attribute('value')!r}"
    app.find("input[name=name]").send_keys("Anna de Vries")
    app.find("[data-testid=onboard-submit]").click()
    app.wait("[data-testid=today-view]")
    ActionChains(app.driver).send_keys("1").perform()
    app.find("[data-testid=note]").send_keys("Explained the plan", Keys.ENTER)
    app.wait_text("[data-testid=timeline]", "Explained the plan")
    action = logged(app)[0]
    assert action["tz"] == ZONE, action
    assert action["occurredAt"][-6:] in ("+01:00", "+02:00"), action
    people = json.loads(app.cli("--json", "person", "list"))
    assert people[0]["tz"] == ZONE


def test_after_an_earlier_action_the_form_is_back_on_now(app):
    app.set_clock("2026-12-02T10:00:00+01:00")
    app.cli("person", "add", "--name", "Anna de Vries", "--tz", ZONE, "--me")
    app.start()
    view = app.wait("[data-testid=today-view]")
    assert view.get_attribute("data-today") == "2026-12-02"
    # Back-log to Monday at 09:15 from today's page.
    ActionChains(app.driver).send_keys("2").perform()
    app.find("[data-testid=note]").send_keys("Walked the warehouse floor")
    app.find("[data-testid=when-earlier]").click()
    app.set_value("[data-testid=date]", "2026-11-30")
    app.set_value("[data-testid=time]", "09:15")
    app.find("[data-testid=save]").click()
    app.wait("[data-testid=notice]")
    assert until(lambda: app.find("[data-testid=when-now]").get_attribute("aria-pressed") == "true", 5), \
        "the form is back on Now"
    assert not app.find_all("[data-testid=date]"), "no earlier date is left in the form"
    # The next keyboard-only action is logged now, on today.
    ActionChains(app.driver).send_keys("1").perform()
    app.find("[data-testid=note]").send_keys("Thanked the night shift", Keys.ENTER)
    app.wait_text("[data-testid=timeline]", "Thanked the night shift")
    app.screenshot("now-after-earlier")
    by_note = {a["note"]: a for a in logged(app)}
    assert by_note["Walked the warehouse floor"]["localDate"] == "2026-11-30"
    assert by_note["Thanked the night shift"]["localDate"] == "2026-12-02", by_note["Thanked the night shift"]
    assert by_note["Thanked the night shift"]["occurredAt"].startswith("2026-12-02T10:00"), by_note


def roll(app, instant: str):
    """Moves the app's clock on, as midnight passing would, without touching the window."""
    app.set_clock(instant)
    time.sleep(0.2)


def test_a_window_left_open_shows_the_new_day(app):
    app.set_clock("2026-12-02T23:59:00+01:00")
    app.cli("person", "add", "--name", "Anna de Vries", "--tz", ZONE, "--me")
    app.cli("log", "--person", "Anna de Vries", "--category", "open-communication", "--note", "Late town hall")
    app.start()
    view = app.wait("[data-testid=today-view]")
    app.wait_text("[data-testid=timeline]", "Late town hall")
    assert view.get_attribute("data-today") == "2026-12-02"
    assert "Wednesday" in app.find("[data-testid=day-title]").text

    # Midnight in Amsterdam (23:00 UTC): Today moves to Thursday within a minute, with its empty timeline.
    roll(app, "2026-12-03T00:00:30+01:00")
    assert until(lambda: view.get_attribute("data-today") == "2026-12-03", 60), "Today follows the new day"
    assert until(lambda: view.get_attribute("data-day") == "2026-12-03", 5)
    assert "Thursday" in app.find("[data-testid=day-title]").text
    app.wait("[data-testid=timeline-empty]")
    assert app.find("[data-date='2026-12-03']").get_attribute("class").split().count("is-today") == 1
    app.screenshot("day-rolled-today")

    # Follow-ups open at night: a promise due today becomes overdue when the next day begins.
    app.find("[data-nav=followups]").click()
    app.wait("[data-testid=followups]")
    app.find("input[name=text]").send_keys("Send the town hall slides", Keys.ENTER)
    item = "[data-testid=followup]"
    assert until(lambda: app.find_all(item) and app.find(item).get_attribute("data-status") == "open", 10)
    assert app.driver.execute_script("return document.querySelector('input[name=due]').value") == "03/12/2026", "day first"
    roll(app, "2026-12-04T00:00:30+01:00")
    assert until(lambda: app.find(item).get_attribute("data-status") == "overdue", 60), "the promise is overdue now"
    assert until(lambda: app.driver.execute_script("return document.querySelector('input[name=due]').dataset.iso") == "2026-12-04", 5)
    app.screenshot("day-rolled-followups")

    # The Dashboard is as of the new day too.
    app.find("[data-nav=dashboard]").click()
    as_of = app.wait("[data-testid=as-of]")
    assert as_of.get_attribute("data-as-of") == "2026-12-04"
    roll(app, "2026-12-05T00:00:30+01:00")
    assert until(lambda: app.find("[data-testid=as-of]").get_attribute("data-as-of") == "2026-12-05", 60), \
        "the Dashboard follows the new day"
    app.screenshot("day-rolled-dashboard")
