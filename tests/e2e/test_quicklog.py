"""Issue 6 (part): log from anywhere. The global shortcut opens the small quick-log window over whatever
the leader is doing; one key chooses the category, the note is typed, Enter saves and closes. Keys are sent
with xdotool to the X server, exactly as a keyboard would, and counted."""
import subprocess
import time

from conftest import APP
from test_app_shell import _cadence_window


def _window(display, title):
    from Xlib import X

    def walk(win):
        try:
            if win.get_wm_name() == title:
                return win
        except Exception:
            pass
        for child in win.query_tree().children:
            found = walk(child)
            if found:
                return found
        return None

    win = walk(display.screen().root)
    return win, (win.get_attributes().map_state == X.IsViewable if win else False)


def _until(check, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return False


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
        assert _until(lambda: _cadence_window(d)[0] is not None), "the main window is up"
        time.sleep(1.5)
        key("ctrl+alt+space")
        assert _until(lambda: _window(d, "Cadence quick log")[1]), "the shortcut opens the quick log"
        time.sleep(1.0)
        key("1")
        note = "Thanked the night shift in person"
        subprocess.run(["xdotool", "type", "--delay", "20", note], check=True, env=app.env())
        key("Return")
        assert _until(lambda: note in app.cli("list")), "Enter saved the action"
        assert _until(lambda: not _window(d, "Cadence quick log")[1]), "and closed the quick log"
        assert "open-communication" in app.cli("list")
        assert keystrokes <= 4, f"{keystrokes} keystrokes besides the note"
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
    assert _until(lambda: _window(d, "Cadence quick log")[1]), "the new shortcut opens the quick log"
