"""Issue 11.8: date fields follow the app's language, not WebKit's process locale (LANG=C.UTF-8 here, whose
native date input is month first): 1 December 2026 reads `01/12/2026` in English and `1-12-2026` in Dutch, and
what is typed day first is stored as that day."""
import json

from selenium.webdriver.common.keys import Keys

from conftest import until


def iso(app, css):
    return app.driver.execute_script("return document.querySelector(arguments[0]).dataset.iso", css)


def shown(app, css):
    return app.driver.execute_script("return document.querySelector(arguments[0]).value", css)


def invalid(app, css):
    return app.driver.execute_script("return document.querySelector(arguments[0]).getAttribute('aria-invalid')", css)


def type_into(app, css, text):
    field = app.find(css)
    field.clear()
    field.send_keys(text)


def test_date_fields_are_day_first_in_english_and_dutch(app):
    app.set_clock("2026-12-01T09:00:00+01:00")
    app.cli("person", "add", "--name", "Anna de Vries", "--tz", "Europe/Amsterdam", "--me")
    app.start()
    app.wait("[data-testid=today-view]")
    assert app.env()["LANG"] == "C.UTF-8"
    assert shown(app, "[data-testid=goto-date]") == "01/12/2026", "1 December, day first"
    # Text that is no date, then the Today button: the field shows the day again, not the stale text.
    type_into(app, "[data-testid=goto-date]", "abc")
    assert invalid(app, "[data-testid=goto-date]") == "true"
    app.find("[data-testid=prev-day]").click()
    assert until(lambda: shown(app, "[data-testid=goto-date]") == "30/11/2026", 5), shown(app, "[data-testid=goto-date]")
    type_into(app, "[data-testid=goto-date]", "01/12/2026" + Keys.ENTER)
    assert until(lambda: app.find("[data-testid=today-view]").get_attribute("data-day") == "2026-12-01", 5), "Enter goes to the day typed"

    app.find("[data-nav=followups]").click()
    app.wait("[data-testid=followups]")
    assert (shown(app, "input[name=due]"), iso(app, "input[name=due]")) == ("01/12/2026", "2026-12-01")
    type_into(app, "input[name=due]", "03/12/2026")
    assert iso(app, "input[name=due]") == "2026-12-03", "03/12 is the third of December, not the twelfth of March"
    type_into(app, "input[name=due]", "31/02/2027")
    assert invalid(app, "input[name=due]") == "true", "no 31 February"
    # Submitted as it is, the core refuses it at the field; nothing is stored with some earlier date.
    app.find("input[name=text]").send_keys("Never stored")
    app.find("[data-testid=followups] form button[type=submit]").click()
    assert app.wait("[data-testid=followups] form .field-error").text
    assert json.loads(app.cli("--json", "followup", "list")) == []
    app.find("input[name=text]").clear()
    type_into(app, "input[name=due]", "12/01/2027")
    app.find("input[name=text]").send_keys("Answer the works council")
    app.find("[data-testid=followups] form button[type=submit]").click()
    app.wait_text("[data-testid=followup]", "Answer the works council")
    assert json.loads(app.cli("--json", "followup", "list"))[0]["due"] == "2027-01-12", "day first: 12 January"
    app.screenshot("dates-english")

    app.stop()
    app.cli("language", "nl")
    app.start()
    app.wait("[data-nav=today]").click()  # it reopens on the view it was left on
    app.wait("[data-testid=today-view]")
    assert shown(app, "[data-testid=goto-date]") == "1-12-2026"
    app.find("[data-nav=followups]").click()
    app.wait("[data-testid=followups]")
    assert shown(app, "input[name=due]") == "1-12-2026"
    assert app.find("input[name=due]").get_attribute("placeholder") == "d-m-jjjj"
    type_into(app, "input[name=due]", "5-1-2027")
    app.find("input[name=text]").send_keys("Notulen rondsturen")
    app.find("[data-testid=followups] form button[type=submit]").click()
    app.wait_text("[data-testid=followups]", "Notulen rondsturen")
    dues = sorted(f["due"] for f in json.loads(app.cli("--json", "followup", "list")))
    assert dues == ["2027-01-05", "2027-01-12"], dues
    app.screenshot("dates-dutch")
