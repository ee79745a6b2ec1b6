"""Issue 10: a score-drop rule "by points" is saved from the Reminders view (it was refused by a storage
check for any fall above 1 point), and the rule list shows it as the CLI stores it."""
import json


def test_a_fall_of_ten_points_is_saved_from_the_window(app):
    app.set_clock("2026-11-23T08:50:00+01:00")
    app.cli("person", "add", "--name", "Anna de Vries", "--tz", "Europe/Amsterdam", "--me")
    app.start()
    app.wait("[data-testid=today-view]")
    app.find("[data-nav=reminders]").click()
    app.wait("select[name=kind]")
    app.set_value("select[name=kind]", "score-drop")
    app.wait("input[name=dropPoints]")
    app.set_value("input[name=dropPoints]", "10")
    app.find("[data-testid=save-rule]").click()
    app.wait_text("main", "10 points")
    assert not app.find_all(".field-error"), [e.text for e in app.find_all(".field-error")]
    rules = json.loads(app.cli("--json", "reminder", "list"))
    assert [(r["kind"], r["dropPoints"]) for r in rules] == [("score-drop", 10.0)]
    app.screenshot("score-drop-rule")


def test_the_cli_stores_a_fall_by_points(app):
    app.set_clock("2026-11-23T08:50:00+01:00")
    app.cli("person", "add", "--name", "Anna de Vries", "--tz", "Europe/Amsterdam", "--me")
    out = json.loads(app.cli("--json", "reminder", "add", "--person", "Anna de Vries", "--kind", "score-drop",
                             "--category", "open-communication", "--drop", "10"))
    assert out["dropPoints"] == 10.0
