"""Issue 6 (part): the organisation's own words in the window: add a value and a person, rename and recolour a
category, archive a channel; the quick log follows and old actions keep their category."""
from selenium.webdriver.support.ui import WebDriverWait


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
    app.driver.execute_script(
        "const c = document.querySelector(\"[data-testid=list-categories] input[type=color][aria-label='Colour of Follow-up']\");"
        "c.value = '#aa00ff'; c.dispatchEvent(new Event('change', {bubbles: true}));")
    app.wait_text("[data-testid=organisation] [role=status]", "Saved")
    channels = app.find_all("[data-testid=list-channels] .org-list li")
    blog = [li for li in channels if li.find_element("css selector", "input").get_attribute("value") == "Blog / vlog"][0]
    blog.find_element("css selector", "button").click()
    app.wait("[data-testid=list-channels] .org-list li.archived")

    app.find("[data-testid=add-person] input[name=personName]").send_keys("Bram Jansen")
    app.find("[data-testid=add-person] button[type=submit]").click()
    app.wait_text("[data-testid=organisation] table", "Bram Jansen")
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
