"""Issue 11.6 in the real window: a person who left is archived (after a question) and leaves the pickers and
reminders, then comes back; a promise is reworded, moved, deleted and the delete undone; deleting a rule asks."""
import json

from conftest import until


def active(app):
    return app.driver.execute_script("return document.activeElement.dataset")


def test_archive_a_person_edit_and_delete_a_promise_and_confirm_a_rule_delete(app):
    app.cli("person", "add", "--name", "Eva Assistant", "--tz", "Europe/Amsterdam", "--me")
    app.cli("person", "add", "--name", "Bram Jansen", "--tz", "Europe/Amsterdam")
    app.cli("log", "--person", "Bram Jansen", "--category", "open-communication", "--note", "Kick-off", "--date", "2026-11-02")
    app.cli("reminder", "add", "--person", "Bram Jansen", "--kind", "checkin", "--at", "09:00")
    app.cli("followup", "add", "--person", "Eva Assistant", "--text", "Send the slides", "--due", "2030-01-10")
    app.start()
    app.wait("[data-testid=today-view]")
    assert app.find_all("[data-testid=who]"), "with two people, Today asks who the action is for"

    # Archive asks first; Cancel puts the focus back on the button that asked, and nothing changes.
    app.find("[data-nav=organisation]").click()
    app.wait("[data-testid=people] tr[data-person='Bram Jansen']")
    app.find("[data-testid=people] button[aria-label='Archive Bram Jansen']").click()
    app.wait("[data-testid=archive-confirm]")
    assert active(app).get("testid") == "archive-yes", "the question has the focus"
    assert "Bram Jansen" in app.find("[data-testid=archive-confirm]").text
    app.find("[data-testid=archive-cancel]").click()
    assert until(lambda: not app.find_all("[data-testid=archive-confirm]"), 5)
    assert active(app).get("archive"), "the focus is back on the Archive button"
    assert [p["name"] for p in json.loads(app.cli("--json", "person", "list"))] == ["Bram Jansen", "Eva Assistant"]
    assert not app.find_all("[data-testid=people] button[aria-label='Archive Eva Assistant']"), "the user cannot archive herself"

    app.find("[data-testid=people] button[aria-label='Archive Bram Jansen']").click()
    app.wait("[data-testid=archive-yes]").click()
    app.wait("[data-testid=people] tr[data-person='Bram Jansen'][data-archived=true]")
    app.wait_text("[data-testid=organisation] [role=status]", "Bram Jansen is archived.")
    app.screenshot("person-archived")
    listed = json.loads(app.cli("--json", "person", "list"))
    assert [p["name"] for p in listed] == ["Eva Assistant"], listed
    everyone = {p["name"]: p["archived"] for p in json.loads(app.cli("--json", "person", "list", "--all"))}
    assert everyone == {"Bram Jansen": True, "Eva Assistant": False}
    assert "Kick-off" in app.cli("list", "--person", "Bram Jansen"), "what he did stays"

    app.find("[data-nav=today]").click()
    app.wait("[data-testid=quicklog]")
    assert not app.find_all("[data-testid=who]"), "only Eva is left to log for"
    app.find("[data-nav=reminders]").click()
    app.wait_text("[data-testid=rules]", "resting: Bram Jansen is archived")
    rule = json.loads(app.cli("--json", "reminder", "list"))[0]
    assert rule["personArchived"] and rule["nextFire"] is None, rule

    # Restored, he is back in the pickers and his rule has a next time again.
    app.find("[data-nav=organisation]").click()
    app.wait("[data-testid=people] button[aria-label='Restore Bram Jansen']").click()
    app.wait_text("[data-testid=organisation] [role=status]", "Bram Jansen is back.")
    app.wait("[data-testid=people] tr[data-person='Bram Jansen']:not([data-archived])")
    assert json.loads(app.cli("--json", "reminder", "list"))[0]["nextFire"] is not None

    # Deleting a rule asks too; Escape cancels, Yes deletes.
    app.find("[data-nav=reminders]").click()
    app.wait("[data-testid=rule-row] [data-delete-rule]").click()
    app.wait("[data-testid=delete-rule-confirm]")
    assert active(app).get("testid") == "delete-rule-yes"
    app.driver.execute_script(
        "document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}))")
    assert until(lambda: not app.find_all("[data-testid=delete-rule-confirm]"), 5)
    assert len(json.loads(app.cli("--json", "reminder", "list"))) == 1, "cancelled: the rule is still there"
    app.find("[data-testid=rule-row] [data-delete-rule]").click()
    app.wait("[data-testid=delete-rule-yes]").click()
    assert until(lambda: not app.find_all("[data-testid=rule-row]"), 5)
    assert json.loads(app.cli("--json", "reminder", "list")) == []

    # A promise is reworded and moved in place; a refused edit names its field and changes nothing.
    app.find("[data-nav=followups]").click()
    app.wait("[data-testid=followup]")
    app.find("[data-testid=followup] [data-edit]").click()
    form = app.wait("[data-testid=followup-edit]")
    text = form.find_element("css selector", "input[name=editText]")
    text.clear()
    text.send_keys("   ")
    form.find_element("css selector", "button[type=submit]").click()
    app.wait_text("[data-testid=followup-edit] .field-error", "say what you promised")
    assert json.loads(app.cli("--json", "followup", "list"))[0]["text"] == "Send the slides"
    text = app.find("[data-testid=followup-edit] input[name=editText]")
    text.clear()
    text.send_keys("Send the slides and the notes")
    app.set_value("[data-testid=followup-edit] input[name=editDue]", "2030-01-17")
    app.find("[data-testid=followup-edit] button[type=submit]").click()
    app.wait_text("[data-testid=followup]", "Send the slides and the notes")
    stored = json.loads(app.cli("--json", "followup", "list"))[0]
    assert (stored["text"], stored["due"]) == ("Send the slides and the notes", "2030-01-17"), stored

    # Deleted, it is gone; Undo in the toast brings it back.
    app.find("[data-testid=followup] [data-delete]").click()
    app.wait("[data-testid=followup-undo-toast]")
    assert until(lambda: not app.find_all("[data-testid=followup]"), 5)
    assert json.loads(app.cli("--json", "followup", "list")) == []
    app.screenshot("followup-deleted")
    app.find("[data-testid=followup-undo]").click()
    app.wait_text("[data-testid=followup]", "Send the slides and the notes")
    assert len(json.loads(app.cli("--json", "followup", "list"))) == 1


def test_a_layer_and_a_unit_named_alike_are_two_audiences(app):
    """Staff the layer and Staff the unit: two chips that say their kind, and the one chosen is the one stored."""
    app.cli("person", "add", "--name", "Eva Assistant", "--tz", "Europe/Amsterdam", "--me")
    app.start()
    app.wait("[data-testid=today-view]")
    app.find("[data-nav=organisation]").click()
    app.wait("[data-testid=list-units] form input").send_keys("Staff")
    app.find("[data-testid=list-units] form button").click()
    app.wait("[data-testid=list-units] input[aria-label='Name of staff']")

    app.find("[data-nav=today]").click()
    layer = app.wait("[data-audience='layer:staff']")
    unit = app.find("[data-audience='unit:staff']")
    assert (layer.text, unit.text) == ("Staff · layer", "Staff · unit")
    assert app.find("[data-audience='layer:board']").text == "Board", "a name only one kind has needs no hint"
    app.find("[data-category=open-communication]").click()
    unit.click()
    app.find("[data-testid=note]").send_keys("Spoke to the staff unit")
    app.find("[data-testid=save]").click()
    assert until(lambda: len(json.loads(app.cli("--json", "list"))) == 1, 10)
    assert json.loads(app.cli("--json", "list"))[0]["audiences"] == ["unit:staff"]
    app.wait_text("[data-testid=timeline]", "Spoke to the staff unit")
    assert "Staff" in app.find("[data-testid=timeline] .tag").text
