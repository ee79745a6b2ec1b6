"""The app as a resident: a second launch only focuses the first (single instance), which keeps working."""
import subprocess
import time

from conftest import APP


def test_second_launch_hands_over_to_the_first(app):
    app.cli("person", "add", "--name", "Anna de Vries", "--tz", "Europe/Amsterdam", "--me")
    app.start()
    app.wait("[data-testid=today-view]")
    second = subprocess.Popen([str(APP)], env=app.env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        code = second.wait(15)
    except subprocess.TimeoutExpired:
        second.kill()
        raise AssertionError("the second instance kept running next to the first")
    assert code == 0
    # The first window is still alive and usable.
    app.find("[data-nav=dashboard]").click()
    app.wait("[data-testid=dashboard]")
    time.sleep(0.2)
    alive = subprocess.run(["pgrep", "-f", f"^{APP}$"], capture_output=True, text=True).stdout.split()
    assert len(alive) == 1, alive


def _cadence_window(display):
    """The app's top-level X window, found by its title."""
    from Xlib import X

    def walk(win):
        try:
            name = win.get_wm_name()
        except Exception:
            name = None
        if name == "Cadence":
            return win
        for child in win.query_tree().children:
            found = walk(child)
            if found:
                return found
        return None

    return walk(display.screen().root), X


def _map_state(display, deadline=10.0):
    win, X = _cadence_window(display)
    return None if win is None else win.get_attributes().map_state


def test_closing_the_window_keeps_cadence_in_the_tray(app):
    """A person's close (WM_DELETE_WINDOW) hides the window; the app keeps running for its reminders, and
    launching Cadence again brings the same window back."""
    from Xlib import X, display as xdisplay, protocol

    app.cli("person", "add", "--name", "Anna de Vries", "--tz", "Europe/Amsterdam", "--me")
    env = app.env()
    env.pop("CADENCE_QUIT_ON_CLOSE", None)
    first = subprocess.Popen([str(APP)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        d = xdisplay.Display()
        deadline = time.time() + 20
        while _map_state(d) != X.IsViewable and time.time() < deadline:
            time.sleep(0.2)
        assert _map_state(d) == X.IsViewable, "the window appears"
        win, _ = _cadence_window(d)
        delete = d.intern_atom("WM_DELETE_WINDOW")
        protocols = d.intern_atom("WM_PROTOCOLS")
        win.send_event(protocol.event.ClientMessage(window=win, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0])))
        d.flush()
        deadline = time.time() + 10
        while _map_state(d) == X.IsViewable and time.time() < deadline:
            time.sleep(0.2)
        assert _map_state(d) != X.IsViewable, "closing hides the window"
        time.sleep(1)
        assert first.poll() is None, "Cadence keeps running in the tray"
        # Starting Cadence again hands over to the running one, which shows its window again.
        second = subprocess.run([str(APP)], env=env, timeout=20)
        assert second.returncode == 0
        deadline = time.time() + 10
        while _map_state(d) != X.IsViewable and time.time() < deadline:
            time.sleep(0.2)
        assert _map_state(d) == X.IsViewable, "the second launch brought the window back"
        assert first.poll() is None
    finally:
        first.terminate()
        try:
            first.wait(10)
        except subprocess.TimeoutExpired:
            first.kill()
