"""Issue 11 (part): quitting is always in reach, also on a desktop without a tray: Ctrl+Q and the window's
Quit item end the app (its process is gone), whatever closing the window does."""
import subprocess
import time

from selenium.common.exceptions import WebDriverException

from conftest import APP, until


def running() -> list[str]:
    return subprocess.run(["pgrep", "-f", str(APP)], capture_output=True, text=True).stdout.split()


def test_ctrl_q_quits(app):
    app.cli("person", "add", "--name", "Anna de Vries", "--tz", "Europe/Amsterdam", "--me")
    app.start()
    app.wait("[data-testid=today-view]")
    assert running(), "the app runs"
    quit_item = app.find("[data-testid=quit]")
    assert quit_item.text == "Quit Cadence" and quit_item.is_displayed()
    try:
        app.driver.execute_script(
            "window.dispatchEvent(new KeyboardEvent('keydown', {key: 'q', ctrlKey: true, bubbles: true}))")
    except WebDriverException:
        pass  # the app may be gone before WebDriver answers: that is the point
    assert until(lambda: not running(), 10), "Ctrl+Q ended the process"
    # A quit is a clean end: the database was closed, so the next start does not take it for a crash.
    assert not list(app.data.glob("cadence.sqlite3.session-*")), list(app.data.glob("cadence.sqlite3.session-*"))


def test_the_quit_item_quits(app):
    app.cli("person", "add", "--name", "Anna de Vries", "--tz", "Europe/Amsterdam", "--me")
    app.start()
    app.wait("[data-testid=today-view]")
    assert running(), "the app runs"
    try:
        app.find("[data-testid=quit]").click()
    except WebDriverException:
        pass  # the app may be gone before WebDriver answers
    assert until(lambda: not running(), 10), "Quit ended the process"
    assert not list(app.data.glob("cadence.sqlite3.session-*")), "closed cleanly"


def test_the_session_ending_closes_cleanly(app):
    """Logout sends SIGTERM: Cadence closes its database as Quit does, so the next start is not taken for a crash
    (which would read the whole file before the window shows)."""
    import signal

    from Xlib import display as xdisplay

    from conftest import x_viewable

    app.cli("person", "add", "--name", "Anna de Vries", "--tz", "Europe/Amsterdam", "--me")
    proc = subprocess.Popen([str(APP)], env=app.env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        d = xdisplay.Display()
        assert until(lambda: x_viewable(d, "Cadence")), "the window is up"
        assert until(lambda: list(app.data.glob("cadence.sqlite3.session-*")), 5), "open: its session marker is there"
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(10) == 0, "a clean exit"
        assert not list(app.data.glob("cadence.sqlite3.session-*")), "closed cleanly: no marker left"
    finally:
        if proc.poll() is None:
            proc.kill()
