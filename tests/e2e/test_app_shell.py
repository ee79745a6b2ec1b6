"""The app as a resident: a second launch only focuses the first (single instance), which keeps working."""
import subprocess
import time

from conftest import APP, until, x_viewable, x_window


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


def test_closing_the_window_keeps_cadence_in_the_tray(app, tray_host):
    """A person's close (WM_DELETE_WINDOW) hides the window; the app keeps running for its reminders, and
    launching Cadence again brings the same window back."""
    from Xlib import X, display as xdisplay, protocol

    app.cli("person", "add", "--name", "Anna de Vries", "--tz", "Europe/Amsterdam", "--me")
    env = app.env()
    env.pop("CADENCE_QUIT_ON_CLOSE", None)
    first = subprocess.Popen([str(APP)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        d = xdisplay.Display()
        assert until(lambda: x_viewable(d, "Cadence")), "the window appears"
        win = x_window(d, "Cadence")
        delete = d.intern_atom("WM_DELETE_WINDOW")
        protocols = d.intern_atom("WM_PROTOCOLS")
        win.send_event(protocol.event.ClientMessage(window=win, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0])))
        d.flush()
        assert until(lambda: not x_viewable(d, "Cadence"), 10), "closing hides the window"
        time.sleep(1)
        assert first.poll() is None, "Cadence keeps running in the tray"
        # Starting Cadence again hands over to the running one, which shows its window again.
        second = subprocess.run([str(APP)], env=env, timeout=20)
        assert second.returncode == 0
        assert until(lambda: x_viewable(d, "Cadence"), 10), "the second launch brought the window back"
        assert first.poll() is None
    finally:
        first.terminate()
        try:
            first.wait(10)
        except subprocess.TimeoutExpired:
            first.kill()
