"""Drives the real Cadence window through WebDriver (tauri-driver + WebKitWebDriver).

Run under a virtual display and a private session bus, as script/test does:
    xvfb-run -a dbus-run-session -- .venv/bin/pytest tests/e2e
Each test gets its own data folder and XDG folders; screenshots go to target/e2e/.
"""
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.file_detector import UselessFileDetector
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
APP = Path(os.environ.get("CADENCE_BIN", ROOT / "target" / "debug" / "cadence"))
SHOTS = ROOT / "target" / "e2e"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class App:
    """One Cadence data folder; `start()` launches the real app window on it through tauri-driver."""

    def __init__(self, base: Path):
        self.data = base / "data"
        self.xdg = base / "xdg"
        self.data.mkdir(parents=True)
        self.xdg.mkdir()
        self.driver = None
        self.proc = None
        self.extra_env = {}

    @property
    def db_file(self) -> Path:
        return self.data / "cadence.sqlite3"

    def env(self):
        env = dict(os.environ)
        env.update(
            CADENCE_DATA_DIR=str(self.data),
            XDG_DATA_HOME=str(self.xdg / "data"),
            XDG_CONFIG_HOME=str(self.xdg / "config"),
            XDG_CACHE_HOME=str(self.xdg / "cache"),
            NO_AT_BRIDGE="1",
            # WebDriver's "close" must end the app; a person's close hides it to the tray instead.
            CADENCE_QUIT_ON_CLOSE="1",
            TZ=env.get("CADENCE_E2E_TZ", "Europe/Amsterdam"),
            # English unless a test sets LANG: the default language follows the OS locale.
            LANG="C.UTF-8",
        )
        for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
            env.pop(name, None)
        env.update(self.extra_env)
        # A test removes a variable by setting it to None in extra_env.
        env = {k: v for k, v in env.items() if v is not None}
        # Software painting straight to the X screen, so screenshots of Xvfb show the current frame. Measuring
        # runs set CADENCE_COMPOSITING=1 to keep WebKit's normal (composited) rendering, as on a desktop.
        if env.get("CADENCE_COMPOSITING") != "1":
            env["WEBKIT_DISABLE_COMPOSITING_MODE"] = "1"
        return env

    def cli(self, *args: str) -> str:
        out = subprocess.run([str(APP), "--data-dir", str(self.data), *args], capture_output=True, text=True, env=self.env())
        assert out.returncode == 0, out.stderr
        return out.stdout.strip()

    def start(self):
        port, native = free_port(), free_port()
        log = open(self.xdg / "tauri-driver.log", "ab")
        self.proc = subprocess.Popen(
            ["tauri-driver", "--port", str(port), "--native-port", str(native)],
            env=self.env(), stdout=log, stderr=subprocess.STDOUT,
        )
        deadline = time.time() + 20
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        options = webdriver.common.options.ArgOptions()
        options.set_capability("browserName", "wry")
        options.set_capability("tauri:options", {"application": str(APP)})
        # tauri-driver accepts connections a moment before WebKitWebDriver behind it is ready: retry the
        # new-session request briefly instead of failing on that start-up race.
        for attempt in range(5):
            try:
                self.driver = webdriver.Remote(command_executor=f"http://127.0.0.1:{port}", options=options)
                # The app runs on this machine: file inputs take local paths as typed, no upload endpoint.
                self.driver.file_detector = UselessFileDetector()
                return self.driver
            except Exception:
                if attempt == 4:
                    raise
                time.sleep(0.5)

    def stop(self):
        if self.driver:
            try:
                self.driver.quit()
            except Exception:
                pass
            self.driver = None
        if self.proc:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
            self.proc = None
        # Single-instance: no window of this test may outlive it and swallow the next test's launch.
        subprocess.run(["pkill", "-f", f"^{APP}$"], check=False)
        time.sleep(0.3)

    def restart(self):
        self.stop()
        return self.start()

    # Helpers over the driver -------------------------------------------------------------
    def wait(self, css: str, timeout: float = 15):
        return WebDriverWait(self.driver, timeout).until(EC.visibility_of_element_located((By.CSS_SELECTOR, css)))

    def wait_all(self, css: str, timeout: float = 15):
        WebDriverWait(self.driver, timeout).until(EC.visibility_of_element_located((By.CSS_SELECTOR, css)))
        return self.find_all(css)

    def wait_text(self, css: str, text: str, timeout: float = 15):
        WebDriverWait(self.driver, timeout).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, css), text))

    def find(self, css: str):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def find_all(self, css: str):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def set_value(self, css: str, value: str):
        """Sets an input's value as a user would and lets Svelte's binding see it."""
        self.driver.execute_script(
            "const el = document.querySelector(arguments[0]); el.value = arguments[1];"
            "el.dispatchEvent(new Event('input', {bubbles: true})); el.dispatchEvent(new Event('change', {bubbles: true}));",
            css, value,
        )

    def set_clock(self, rfc3339: str):
        """Moves the app's (and the CLI's) clock: they read CADENCE_NOW_FILE on every tick."""
        clock = self.xdg / "now.txt"
        clock.write_text(rfc3339)
        self.extra_env["CADENCE_NOW_FILE"] = str(clock)
        self.extra_env["CADENCE_TICK_SECONDS"] = "1"

    def screenshot(self, name: str, notifications: bool = False) -> Path:
        """Captures the real X display (what a person would see), not WebDriver's render of the page.
        Notifications that earlier tests left on screen (dunst) are closed unless asked for."""
        SHOTS.mkdir(parents=True, exist_ok=True)
        if not notifications:
            subprocess.run(["dunstctl", "close-all"], check=False, capture_output=True, env=self.env())
        path = SHOTS / f"{name}.png"
        time.sleep(0.6)  # let the last frame reach the screen
        subprocess.run(["import", "-window", "root", str(path)], check=True, env=self.env())
        return path


def x_window(display, title: str):
    """The top-level X window with this title (the real window, as the X server sees it), or None."""

    def walk(win):
        try:
            if win.get_wm_name() == title:
                return win
        except Exception:
            pass
        try:
            children = win.query_tree().children
        except Exception:
            # The window went away while the tree was walked (a window being created or destroyed).
            return None
        for child in children:
            found = walk(child)
            if found:
                return found
        return None

    return walk(display.screen().root)


def close_request(display, win):
    """What a window manager sends when the close button is pressed: WM_DELETE_WINDOW."""
    from Xlib import X
    from Xlib.protocol import event

    protocols, delete = display.intern_atom("WM_PROTOCOLS"), display.intern_atom("WM_DELETE_WINDOW")
    message = event.ClientMessage(window=win, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0]))
    win.send_event(message, event_mask=X.NoEventMask)
    display.flush()


def x_viewable(display, title: str) -> bool:
    """Whether that window exists and is shown (mapped and viewable)."""
    from Xlib import X

    win = x_window(display, title)
    try:
        return win is not None and win.get_attributes().map_state == X.IsViewable
    except Exception:
        return False


def until(check, timeout: float = 20) -> bool:
    """Polls `check` until it holds or `timeout` seconds pass; returns whether it held."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException

    def holds() -> bool:
        # The view re-renders while it is polled: an element found a moment ago may be replaced before its
        # attribute is read. That is "not yet", not a failure.
        try:
            return bool(check())
        except (StaleElementReferenceException, NoSuchElementException):
            return False

    deadline = time.time() + timeout
    while time.time() < deadline:
        if holds():
            return True
        time.sleep(0.2)
    return holds()


@pytest.fixture
def app(tmp_path):
    assert APP.exists(), f"build the app first: {APP}"
    a = App(tmp_path)
    yield a
    a.stop()


@pytest.fixture
def tray_host(tmp_path):
    """A tray on the session bus (fake_tray.py) for the length of one test; yields the file listing the items
    that registered with it. Without this fixture there is no tray host, as on a bare X server."""
    items = tmp_path / "tray-items.txt"
    items.write_text("")
    proc = subprocess.Popen([sys.executable, str(Path(__file__).with_name("fake_tray.py")), str(items)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready", "the fake tray owns its name"
    yield items
    proc.terminate()
    proc.wait(10)
