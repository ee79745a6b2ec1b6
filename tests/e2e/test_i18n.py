"""Issue 6, Dutch and English: a leader whose OS speaks Dutch gets Cadence in Dutch from the first screen
(dates, plurals, default categories, notifications), switches to English in one choice, and the choice
outlives a restart."""
import time

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from test_foundation import onboard
from test_reminders import NotifyLog


def chosen(app, css):
    return app.driver.execute_script(f"return document.querySelector('{css}').selectedOptions[0].text")


def choose(app, css, value):
    # WebKitWebDriver cannot click <option>s; set the value and fire "change" as a person's choice does.
    app.driver.execute_script(
        f"const s = document.querySelector('{css}'); s.value = '{value}'; s.dispatchEvent(new Event('change', {{bubbles: true}}));")


def lang(app):
    return app.driver.execute_script("return document.documentElement.lang")


def test_dutch_by_default_switchable_and_remembered(app, tmp_path):
    app.extra_env["LANG"] = "nl_NL.UTF-8"
    # Friday 27 November 2026, 10:00 in Amsterdam.
    app.set_clock("2026-11-27T10:00:00+01:00")
    app.start()
    app.wait("[data-testid=onboarding]")
    assert lang(app) == "nl"
    assert chosen(app, "[data-testid=language]") == "Systeem (Nederlands)"
    assert "Welkom" in app.driver.execute_script("return document.querySelector('[data-testid=onboarding]').innerText")
    onboard(app)

    assert app.find("[data-nav=today]").text == "Vandaag"
    assert app.find("[data-nav=review]").text == "Maandoverzicht"
    assert app.find("[data-testid=day-title]").text == "vrijdag 27 november 2026"
    assert "Open communicatie" in app.find("[data-category=open-communication]").text
    ActionChains(app.driver).send_keys("1").perform()
    app.find("[data-testid=note]").send_keys("Het nieuwe rooster toegelicht", Keys.ENTER)
    app.wait_text("[data-testid=timeline]", "Het nieuwe rooster toegelicht")
    assert app.find("[data-testid=day-count]").text == "1 actie"
    app.screenshot("dutch-today")

    # Errors from the core arrive in Dutch, next to their field.
    app.find("[data-nav=organisation]").click()
    form = app.wait("[data-testid=add-person]")
    form.find_element("css selector", "input[name=personName]").send_keys("Piet Jansen")
    tz = form.find_element("css selector", "input[name=personTz]")
    tz.clear()
    tz.send_keys("Mars/Olympus")
    form.find_element("css selector", "button[type=submit]").click()
    app.wait_text("[data-testid=add-person] .field-error", "onbekende tijdzone 'Mars/Olympus'")
    app.find("[data-nav=today]").click()
    app.wait("[data-testid=today-view]")

    # One choice switches every word, the default categories included; the logged action is untouched.
    choose(app, "nav [data-testid=language]", "en")
    app.wait_text("[data-nav=today]", "Today")
    assert lang(app) == "en"
    app.wait_text("[data-category=open-communication]", "Open communication")
    # (WebKit's ICU writes "Friday, 27 November 2026"; Node's leaves out the comma.)
    assert app.find("[data-testid=day-title]").text.replace(",", "") == "Friday 27 November 2026"
    assert app.find("[data-testid=day-count]").text == "1 action"
    assert "Het nieuwe rooster toegelicht" in app.find("[data-testid=timeline]").text

    # The choice beats the Dutch OS locale after a restart, for the window and the CLI.
    app.restart()
    app.wait("[data-testid=today-view]")
    assert app.find("[data-nav=today]").text == "Today"
    assert app.cli("language") == "en"

    # Back to Dutch: a reminder fires as a Dutch notification.
    choose(app, "nav [data-testid=language]", "nl")
    app.wait_text("[data-nav=today]", "Vandaag")
    notify = NotifyLog(tmp_path / "notify.log")
    try:
        app.cli("reminder", "add", "--person", "Anna de Vries", "--kind", "followup-due", "--at", "10:30")
        app.cli("followup", "add", "--person", "Anna de Vries", "--text", "Budget naar Piet sturen", "--due", "2026-11-27")
        app.set_clock("2026-11-27T10:30:30+01:00")
        notify.wait_for('string "Een toezegging moet af"')
        assert 'string "Vandaag afronden: Budget naar Piet sturen"' in notify.text()
        time.sleep(0.8)
        app.screenshot("dutch-notification", notifications=True)
    finally:
        notify.stop()
