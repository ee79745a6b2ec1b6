"""Issue 2 end to end: onboarding, logging (now and back-logged), days, edit/delete/undo, restart, bad files."""
import datetime as dt
import json

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys


def onboard(app, name="Anna de Vries"):
    app.wait("[data-testid=onboarding]")
    app.find("input[name=name]").send_keys(name)
    app.find("input[name=role]").send_keys("Director of Operations")
    app.find("input[name=unit]").send_keys("Operations")
    app.set_value("input[name=tz]", "Europe/Amsterdam")
    app.find("textarea[name=values]").send_keys("Openness, Customer focus")
    app.find("[data-testid=onboard-submit]").click()
    return app.wait("[data-testid=today-view]")


def entries(app):
    return [e.text for e in app.find_all("[data-testid=entry]")]


def test_onboard_log_backlog_and_restart(app):
    app.start()
    today_view = onboard(app)
    today = today_view.get_attribute("data-today")
    yesterday = (dt.date.fromisoformat(today) - dt.timedelta(days=1)).isoformat()
    app.wait("[data-testid=timeline-empty]")

    # Log with the keyboard only: 1 chooses the category, the note has focus, Enter saves.
    ActionChains(app.driver).send_keys("1").perform()
    note = app.find("[data-testid=note]")
    assert app.driver.switch_to.active_element == note
    note.send_keys("Explained the new shift plan at the town hall", Keys.ENTER)
    app.wait_text("[data-testid=timeline]", "Explained the new shift plan")
    assert "Open communication" in entries(app)[0]

    # Back-log a visible-participation action to yesterday 10:30.
    app.find("[data-category=visible-participation]").click()
    app.find("[data-testid=note]").send_keys("Walked the warehouse floor with the night shift")
    app.find("[data-testid=when-earlier]").click()
    app.set_value("[data-testid=date]", yesterday)
    app.set_value("[data-testid=time]", "10:30")
    app.find("[data-testid=save]").click()
    app.wait("[data-testid=notice]")
    assert len(entries(app)) == 1, "yesterday's action is not on today's timeline"
    assert app.find("[data-testid=day-count]").text == "1 action"

    app.find("[data-testid=prev-day]").click()
    app.wait_text("[data-testid=timeline]", "Walked the warehouse floor")
    assert app.find("[data-testid=today-view]").get_attribute("data-day") == yesterday
    assert "10:30" in entries(app)[0]
    app.screenshot("foundation-yesterday")
    app.find("[data-testid=go-today]").click()
    app.wait_text("[data-testid=timeline]", "Explained the new shift plan")
    app.screenshot("foundation-today")

    # The CLI sees the same two actions on their own days.
    listed = app.cli("list", "--person", "Anna de Vries")
    assert f"{today}" in listed and f"{yesterday} 10:30" in listed

    # Restart: everything is still there.
    app.restart()
    app.wait("[data-testid=today-view]")
    app.wait_text("[data-testid=timeline]", "Explained the new shift plan")
    app.find("[data-testid=prev-day]").click()
    app.wait_text("[data-testid=timeline]", "Walked the warehouse floor")


def test_field_errors_edit_delete_and_undo(app):
    app.cli("person", "add", "--name", "Placeholder")  # another person exists; onboarding still runs
    app.start()
    onboard(app, "Bram Jansen")

    # Saving without a category: the message appears at the category buttons and nothing is logged.
    app.find("[data-testid=note]").send_keys("No category yet", Keys.ENTER)
    err = app.wait("[data-field=category]")
    assert "category" in err.text.lower()
    assert app.find_all("[data-testid=entry]") == []

    # A note over 4,000 characters: the core's message is shown at the note.
    app.find("[data-category=follow-up]").click()
    app.set_value("[data-testid=note]", "x" * 4001)
    app.find("[data-testid=save]").click()
    err = app.wait("[data-field=note]")
    assert "4000" in err.text or "4,000" in err.text
    assert app.find_all("[data-testid=entry]") == []

    # A fine note is logged, edited, deleted and brought back with undo.
    app.set_value("[data-testid=note]", "Promised the team an answer on training budgets")
    app.find("[data-testid=save]").click()
    app.wait_text("[data-testid=timeline]", "Promised the team")
    app.find("[aria-label='Edit action']").click()
    note = app.find("[data-testid=note]")
    note.send_keys(Keys.CONTROL, "a")
    note.send_keys("Answered the team on training budgets", Keys.ENTER)
    app.wait_text("[data-testid=timeline]", "Answered the team on training budgets")
    assert len(entries(app)) == 1

    app.find("[data-testid=delete]").click()
    app.wait("[data-testid=undo-toast]")
    app.wait("[data-testid=timeline-empty]")
    app.find("[data-testid=undo]").click()
    app.wait_text("[data-testid=timeline]", "Answered the team on training budgets")
    assert "Answered the team on training budgets" in app.cli("list")


def test_unreadable_database_shows_error_screen_and_is_untouched(app):
    garbage = b"not a database at all\n" * 100
    app.db_file.write_bytes(garbage)
    app.start()
    screen = app.wait("[data-testid=error-screen]")
    assert "not a Cadence database" in screen.text
    assert "untouched" in screen.text
    app.screenshot("error-screen")
    app.stop()
    assert app.db_file.read_bytes() == garbage


def test_editing_the_note_keeps_an_action_where_it_happened(app):
    """Issue 10: an action logged in New York by someone living in Amsterdam keeps its zone, instant and
    local date when its note is edited in the form (which loads its date and time)."""
    app.start()
    today = onboard(app).get_attribute("data-today")
    yesterday = (dt.date.fromisoformat(today) - dt.timedelta(days=1)).isoformat()
    # 21:15 in New York yesterday: already today, 03:15, in Amsterdam.
    app.cli("log", "--person", "Anna de Vries", "--category", "follow-up", "--note", "Met the New York team",
            "--date", yesterday, "--time", "21:15", "--tz", "America/New_York")
    [before] = json.loads(app.cli("--json", "list"))
    assert (before["tz"], before["localDate"], before["localTime"]) == ("America/New_York", yesterday, "21:15")

    app.find("[data-testid=prev-day]").click()
    app.wait_text("[data-testid=timeline]", "Met the New York team")
    app.find("[aria-label='Edit action']").click()
    note = app.find("[data-testid=note]")
    note.send_keys(Keys.CONTROL, "a")
    note.send_keys("Met the New York sales team", Keys.ENTER)
    app.wait_text("[data-testid=timeline]", "Met the New York sales team")
    assert "America/New_York" in entries(app)[0] and "21:15" in entries(app)[0]

    [after] = json.loads(app.cli("--json", "list"))
    assert after["note"] == "Met the New York sales team"
    place = lambda a: (a["tz"], a["occurredAt"], a["localDate"], a["localTime"])  # noqa: E731
    assert place(after) == place(before), "editing the note moved the action"


def test_onboardings_finish_button_is_in_view_at_the_default_size(app):
    """Issue 11.8: at the default window size (1180 x 800) the first screen's button shows without scrolling, in
    English and in Dutch (the longer texts)."""
    fits = ("const r = document.querySelector('[data-testid=onboard-submit]').getBoundingClientRect();"
            "return [r.top, r.bottom, window.innerHeight, document.scrollingElement.scrollTop, window.innerWidth];")
    for lang in ("en", "nl"):
        app.cli("language", lang)
        app.start()
        app.wait("[data-testid=onboarding]")
        top, bottom, height, scrolled, width = app.driver.execute_script(fits)
        assert (width, height) == (1180, 800), "the default size"
        assert scrolled == 0 and 0 <= top and bottom <= height, f"{lang}: the button spans {top}-{bottom} of {height}"
        app.screenshot(f"onboarding-{lang}")
        app.stop()
