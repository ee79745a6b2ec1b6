"""Issue 6, "remembers where it was": the window's size and position survive closing it to the tray and the
session ending while Cadence sits there (no normal exit), and the last used channel is offered again."""
import signal
import subprocess
import time

from conftest import APP, close_request, until, x_viewable, x_window


def geometry(display, win):
    g = win.get_geometry()
    at = win.translate_coords(display.screen().root, 0, 0)
    return (-at.x, -at.y, g.width, g.height)


def test_size_and_position_survive_the_tray_and_the_session_ending(app, tray_host):
    from Xlib import display as xdisplay

    app.cli("person", "add", "--name", "Anna de Vries", "--tz", "Europe/Amsterdam", "--me")
    # A person's close hides Cadence to the tray (no WebDriver here to need closing to quit).
    app.extra_env["CADENCE_QUIT_ON_CLOSE"] = None
    d = xdisplay.Display()
    proc = subprocess.Popen([str(APP)], env=app.env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert until(lambda: x_viewable(d, "Cadence")), "the window is up"
        # The quick-log window is built hidden two seconds after start-up; it must stay hidden.
        time.sleep(3.5)
        assert not x_viewable(d, "Cadence quick log"), "the quick log appears only on the shortcut or the tray"
        win = x_window(d, "Cadence")
        subprocess.run(["xdotool", "windowsize", str(win.id), "900", "620"], check=True, env=app.env())
        subprocess.run(["xdotool", "windowmove", str(win.id), "70", "45"], check=True, env=app.env())
        assert until(lambda: geometry(d, x_window(d, "Cadence"))[2:] == (900, 620), 5), geometry(d, win)
        time.sleep(0.5)
        close_request(d, win)
        assert until(lambda: not x_viewable(d, "Cadence"), 10), "closing hides the window to the tray"
        assert proc.poll() is None, "Cadence still runs in the tray"
        # The session ends: the process is terminated, not quit through the tray.
        proc.send_signal(signal.SIGTERM)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()

    proc = subprocess.Popen([str(APP)], env=app.env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert until(lambda: x_viewable(d, "Cadence")), "the window is up again"
        time.sleep(1.0)
        x, y, w, h = geometry(d, x_window(d, "Cadence"))
        assert (w, h) == (900, 620), (x, y, w, h)
        assert abs(x - 70) <= 2 and abs(y - 45) <= 2, (x, y, w, h)
    finally:
        proc.terminate()
        proc.wait(10)


def test_the_last_used_channel_is_offered_again_after_a_restart(app):
    app.cli("person", "add", "--name", "Anna de Vries", "--tz", "Europe/Amsterdam", "--me")
    app.start()
    app.wait("[data-testid=today-view]")
    channel = "return document.querySelector('[data-testid=quicklog] select[name=channel]').value"
    assert app.driver.execute_script(channel) == "", "no channel chosen yet"
    app.find("[data-category=visible-participation]").click()
    app.find("[data-testid=note]").send_keys("Visited the Rotterdam site")
    app.driver.execute_script(
        "const s = document.querySelector('[data-testid=quicklog] select[name=channel]');"
        "s.value = 'walk-around'; s.dispatchEvent(new Event('change', {bubbles: true}));")
    app.find("[data-testid=save]").click()
    app.wait_text("[data-testid=timeline]", "Visited the Rotterdam site")
    assert "walk-around" in app.cli("list")

    app.restart()
    app.wait("[data-testid=today-view]")
    assert app.driver.execute_script(channel) == "walk-around", "the last channel is preselected"
