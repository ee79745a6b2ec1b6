"""Issue 11.7: desktops without a tray, and Wayland. With no tray host on the session bus, closing the window asks
(keep reminders running, or quit) instead of hiding Cadence where nobody could find it; with one, the icon
registers and closing hides to it. `cadence quick-log` opens the running app's quick log (the command to bind
where global shortcuts do not work, and the desktop entry's action), and on Wayland the Reminders view says so and shows that command."""
import configparser
import shlex
import subprocess
from pathlib import Path

from Xlib import display as xdisplay

from conftest import APP, close_request, until, x_viewable, x_window


def running() -> list[str]:
    return subprocess.run(["pgrep", "-f", f"^{APP}$"], capture_output=True, text=True).stdout.split()


def focused(app):
    return app.driver.execute_script("return document.activeElement.dataset.testid")


def test_without_a_tray_closing_asks_to_keep_running_or_quit(app):
    app.cli("person", "add", "--name", "Anna de Vries", "--tz", "Europe/Amsterdam", "--me")
    app.extra_env["CADENCE_QUIT_ON_CLOSE"] = None  # a person's close, not WebDriver's
    app.start()
    app.wait("[data-testid=today-view]")
    d = xdisplay.Display()
    assert until(lambda: x_viewable(d, "Cadence"))

    close_request(d, x_window(d, "Cadence"))
    app.wait("[data-testid=close-choice][open]")
    assert "no tray" in app.find("[data-testid=close-choice]").text
    assert focused(app) == "close-background", "the safe answer has the focus"
    app.screenshot("close-without-tray")
    app.find("[data-testid=close-cancel]").click()
    assert until(lambda: not app.find_all("[data-testid=close-choice][open]"), 5)
    assert x_viewable(d, "Cadence") and running(), "Cancel keeps the window"

    # Keep running: the window goes, the app stays (its reminders fire); starting Cadence again brings it back.
    close_request(d, x_window(d, "Cadence"))
    app.wait("[data-testid=close-background]")
    # Clicked from a timer: WebKitWebDriver waits for a frame after a native click, which a hidden window
    # never paints.
    app.driver.execute_script("setTimeout(() => document.querySelector('[data-testid=close-background]').click(), 100)")
    assert until(lambda: not x_viewable(d, "Cadence"), 10), "the window is hidden"
    assert running(), "Cadence keeps running in the background"
    again = subprocess.run([str(APP)], env=app.env(), timeout=30)
    assert again.returncode == 0
    assert until(lambda: x_viewable(d, "Cadence"), 10), "a second start shows the running app's window"

    # Quit, remembered: the process ends, and the next close quits without asking.
    close_request(d, x_window(d, "Cadence"))
    app.wait("[data-testid=close-remember]").click()
    app.driver.execute_script("setTimeout(() => document.querySelector('[data-testid=close-quit]').click(), 100)")
    assert until(lambda: not running(), 10), "Quit ended the process"
    app.stop()
    app.start()
    app.wait("[data-testid=today-view]")
    app.find("[data-nav=reminders]").click()
    assert app.driver.execute_script("return document.querySelector('[data-testid=on-close]').value") == "quit"
    close_request(d, x_window(d, "Cadence"))
    assert until(lambda: not running(), 10), "the remembered choice: closing quits"


def test_with_a_tray_the_icon_registers_and_closing_hides_to_it(app, tray_host):
    app.cli("person", "add", "--name", "Anna de Vries", "--tz", "Europe/Amsterdam", "--me")
    app.extra_env["CADENCE_QUIT_ON_CLOSE"] = None
    app.start()
    app.wait("[data-testid=today-view]")
    assert until(lambda: tray_host.read_text().strip(), 10), "Cadence's icon registered with the tray"
    d = xdisplay.Display()
    close_request(d, x_window(d, "Cadence"))
    assert until(lambda: not x_viewable(d, "Cadence"), 10), "closing hides the window to the tray"
    assert running(), "Cadence runs on in the tray"
    assert not app.find_all("[data-testid=close-choice][open]"), "nothing is asked when the tray is there"


def test_cadence_quick_log_opens_the_running_apps_quick_log(app):
    app.cli("person", "add", "--name", "Anna de Vries", "--tz", "Europe/Amsterdam", "--me")
    app.start()
    app.wait("[data-testid=today-view]")
    d = xdisplay.Display()
    assert not x_viewable(d, "Cadence quick log")
    second = subprocess.run([str(APP), "quick-log"], env=app.env(), timeout=30)
    assert second.returncode == 0, "the second process hands over and ends"
    assert until(lambda: x_viewable(d, "Cadence quick log"), 10), "the running app shows its quick log"
    assert len(running()) == 1, "one Cadence, still"


DESKTOP_TEMPLATE = Path(__file__).resolve().parents[2] / "src-tauri" / "linux" / "cadence.desktop"


def rendered_desktop_entry(tmp_path: Path) -> Path:
    """The bundler's desktop entry (tauri.conf.json's desktopTemplate) with its Handlebars fields filled in as the
    bundler fills them for an installed app, the executable named by its full path here."""
    text = DESKTOP_TEMPLATE.read_text()
    for field, value in {"name": "Cadence", "exec": str(APP), "icon": "cadence"}.items():
        text = text.replace("{{" + field + "}}", value)
    assert "{{" not in text, "every field of the template is one the bundler fills"
    entry = tmp_path / "cadence.desktop"
    entry.write_text(text)
    return entry


def test_the_desktop_entry_is_valid_and_its_quick_log_action_opens_the_running_apps_quick_log(app, tmp_path):
    entry = rendered_desktop_entry(tmp_path)
    # freedesktop's own validator (desktop-file-utils), not a check of ours.
    check = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert check.returncode == 0 and not check.stdout.strip(), check.stdout + check.stderr
    parsed = configparser.ConfigParser(interpolation=None)
    parsed.optionxform = str
    parsed.read(entry)
    assert "quick-log" in parsed["Desktop Entry"]["Actions"].split(";")
    action = shlex.split(parsed["Desktop Action quick-log"]["Exec"])
    assert action == [str(APP), "quick-log"]

    app.cli("person", "add", "--name", "Anna de Vries", "--tz", "Europe/Amsterdam", "--me")
    app.start()
    app.wait("[data-testid=today-view]")
    d = xdisplay.Display()
    assert not x_viewable(d, "Cadence quick log")
    launched = subprocess.run(action, env=app.env(), timeout=30)
    assert launched.returncode == 0
    assert until(lambda: x_viewable(d, "Cadence quick log"), 10), "the launcher's action shows the quick log"
    assert len(running()) == 1


def test_on_wayland_the_reminders_view_offers_the_command_to_bind(app):
    app.cli("person", "add", "--name", "Anna de Vries", "--tz", "Europe/Amsterdam", "--me")
    app.extra_env["XDG_SESSION_TYPE"] = "wayland"
    app.start()
    app.wait("[data-testid=today-view]")
    app.find("[data-nav=reminders]").click()
    notice = app.wait("[data-testid=shortcut-instead]")
    assert "Wayland" in notice.text
    assert app.find("[data-testid=quick-log-command]").text == f"{APP} quick-log"
    notice.location_once_scrolled_into_view
    app.screenshot("shortcut-on-wayland")


def test_on_x11_with_the_shortcut_free_no_notice(app):
    app.cli("person", "add", "--name", "Anna de Vries", "--tz", "Europe/Amsterdam", "--me")
    app.extra_env["XDG_SESSION_TYPE"] = "x11"
    app.start()
    app.wait("[data-testid=today-view]")
    app.find("[data-nav=reminders]").click()
    app.wait("[data-testid=shortcut-form]")
    status = app.driver.execute_async_script(
        "const done = arguments[0]; window.__TAURI_INTERNALS__.invoke('shortcut_status').then(done, (e) => done(String(e)));")
    assert status["available"] is True, status
    assert not app.find_all("[data-testid=shortcut-instead]")


def environ_of(pid: str) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    return dict(item.decode(errors="replace").split("=", 1) for item in raw if b"=" in item)


def test_without_a_gpu_webkit_paints_with_the_cpu_and_a_persons_choice_stands(app):
    """No DRM render node here (a VM, Xvfb): the page's painter, WebKit's web process, gets
    WEBKIT_SKIA_ENABLE_CPU_RENDERING=1 from Cadence; a value the person set is passed on unchanged."""
    dri = Path("/dev/dri")
    has_gpu = dri.is_dir() and any(p.name.startswith("renderD") for p in dri.iterdir())
    app.cli("person", "add", "--name", "Anna de Vries", "--tz", "Europe/Amsterdam", "--me")
    for chosen, expected in ((None, None if has_gpu else "1"), ("0", "0")):
        app.extra_env["WEBKIT_SKIA_ENABLE_CPU_RENDERING"] = chosen
        app.start()
        app.wait("[data-testid=today-view]")
        [pid] = running()
        web = subprocess.run(["pgrep", "-P", pid, "-f", "WebKitWebProcess"], capture_output=True, text=True).stdout.split()
        assert web, "the window's page runs in a WebKit web process of Cadence's"
        assert environ_of(web[0]).get("WEBKIT_SKIA_ENABLE_CPU_RENDERING") == expected
        app.stop()
