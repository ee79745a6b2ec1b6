"""Issue 6 (part): log from anywhere. The global shortcut opens the small quick-log window over whatever
the leader is doing; one key chooses the category, the note is typed, Enter saves and closes. Keys are sent
with xdotool to the X server, exactly as a keyboard would, and counted."""
import subprocess
import time

from conftest import APP, until, x_viewable


def test_shortcut_quick_log_in_at_most_four_keystrokes(app):
    from Xlib import display as xdisplay

    app.cli("person", "add", "--name", "Anna de Vries", "--tz", "Europe/Amsterdam", "--me")
    proc = subprocess.Popen([str(APP)], env=app.env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    keystrokes = 0

    def key(*keys):
        nonlocal keystrokes
        keystrokes += 1
        subprocess.run(["xdotool", "key", "--clearmodifiers", *keys], check=True, env=app.env())

    try:
        d = xdisplay.Display()
        assert until(lambda: x_viewable(d, "Cadence")), "the main window is up"
        time.sleep(1.5)
        key("ctrl+alt+space")
        assert until(lambda: x_viewable(d, "Cadence quick log")), "the shortcut opens the quick log"
        time.sleep(1.0)
        key("1")
        note = "Thanked the night shift in person"
        subprocess.run(["xdotool", "type", "--delay", "20", note], check=True, env=app.env())
        # Enter held as long as a person holds it: the save lands while the key is still down.
        keystrokes += 1
        subprocess.run(["xdotool", "keydown", "Return"], check=True, env=app.env())
        time.sleep(0.15)
        subprocess.run(["xdotool", "keyup", "Return"], check=True, env=app.env())
        assert until(lambda: note in app.cli("list")), "Enter saved the action"
        assert until(lambda: not x_viewable(d, "Cadence quick log")), "and closed the quick log"
        assert "open-communication" in app.cli("list")
        assert keystrokes <= 4, f"{keystrokes} keystrokes besides the note"

        # Escape closes without saving; the next opening starts with an empty form, so its first key is
        # a category again, not text left in the note.
        key("ctrl+alt+space")
        assert until(lambda: x_viewable(d, "Cadence quick log"))
        time.sleep(0.5)
        key("2")
        subprocess.run(["xdotool", "type", "--delay", "20", "half a thought"], check=True, env=app.env())
        key("Escape")
        assert until(lambda: not x_viewable(d, "Cadence quick log")), "Escape closes"
        key("ctrl+alt+space")
        assert until(lambda: x_viewable(d, "Cadence quick log"))
        time.sleep(0.5)
        key("3")
        subprocess.run(["xdotool", "type", "--delay", "20", "Sent the minutes"], check=True, env=app.env())
        key("Return")
        assert until(lambda: "Sent the minutes" in app.cli("list")), "saved from a fresh form"
        listed = app.cli("list")
        assert "half a thought" not in listed, "nothing was saved on Escape"
        line = next(l for l in listed.splitlines() if "Sent the minutes" in l)
        assert "follow-up" in line and "half a thought" not in line, line
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_the_shortcut_can_be_changed_in_the_app(app):
    from Xlib import display as xdisplay

    app.cli("person", "add", "--name", "Anna de Vries", "--tz", "Europe/Amsterdam", "--me")
    app.start()
    app.wait("[data-testid=today-view]")
    app.find("[data-nav=reminders]").click()
    field = app.wait("[data-testid=shortcut-form] input[name=shortcut]")
    assert app.driver.execute_script("return arguments[0].value", field) == "ctrl+alt+space"
    field.clear()
    field.send_keys("ctrl+alt+nonsense")
    app.find("[data-testid=shortcut-form] button").click()
    assert "not a key combination" in app.wait("[data-testid=reminders] .field-error").text
    field.clear()
    field.send_keys("ctrl+alt+k")
    app.find("[data-testid=shortcut-form] button").click()
    app.wait_text("[data-testid=reminders] [role=status]", "ctrl+alt+k")
    d = xdisplay.Display()
    subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+alt+k"], check=True, env=app.env())
    assert until(lambda: x_viewable(d, "Cadence quick log")), "the new shortcut opens the quick log"
