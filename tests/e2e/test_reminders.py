"""Issue 4 end to end: a silence rule falls due, the desktop notification is really sent (observed on the
session bus with dbus-monitor, shown by dunst), the inbox shows it, snooze brings it back after the snooze
time, and "log now" opens the quick log prefilled with the leader and category."""
import subprocess
import time

import pytest
from selenium.webdriver.common.keys import Keys


class NotifyLog:
    """Records every org.freedesktop.Notifications.Notify call on the session bus."""

    def __init__(self, path):
        self.path = path
        self.proc = subprocess.Popen(
            ["dbus-monitor", "--session", "type='method_call',interface='org.freedesktop.Notifications',member='Notify'"],
            stdout=open(path, "w"), stderr=subprocess.DEVNULL,
        )
        time.sleep(0.5)

    def text(self):
        return self.path.read_text()

    def count(self, needle):
        return self.text().count(needle)

    def wait_for(self, needle, n=1, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.count(needle) >= n:
                return
            time.sleep(0.2)
        raise AssertionError(f"{needle!r} seen {self.count(needle)} times, wanted {n}:\n{self.text()[-3000:]}")

    def stop(self):
        self.proc.terminate()


@pytest.fixture
def notify(tmp_path):
    log = NotifyLog(tmp_path / "notify.log")
    yield log
    log.stop()


TITLE = 'string "Bram Jansen: Time for open communication"'
BODY = 'string "No open communication for 3 days (last on 20 November 2026)."'


def test_silence_notifies_once_snoozes_and_logs_now(app, notify):
    # Monday 23 November 2026, 08:50 in Amsterdam.
    app.set_clock("2026-11-23T08:50:00+01:00")
    app.cli("person", "add", "--name", "Eva Assistant", "--tz", "Europe/Amsterdam", "--me")
    app.cli("person", "add", "--name", "Bram Jansen", "--tz", "Europe/Amsterdam")
    app.cli("log", "--person", "Bram Jansen", "--category", "open-communication", "--date", "2026-11-20")
    app.cli("reminder", "add", "--person", "Bram Jansen", "--kind", "silence", "--category", "open-communication",
            "--after-days", "2", "--at", "09:00")
    due = app.cli("--json", "reminders", "due", "--at", "2026-11-23T09:00:00+01:00")
    assert '"kind": "silence"' in due and '"fireAt": "2026-11-23T09:00:00+01:00"' in due

    app.start()
    app.wait("[data-testid=today-view]")
    time.sleep(2)
    assert notify.count("member=Notify") == 0, "nothing is due at 08:50"

    # 09:00:30: the rule falls due; exactly one notification, titled with the leader's name.
    app.set_clock("2026-11-23T09:00:30+01:00")
    notify.wait_for(TITLE)
    assert BODY in notify.text()
    app.wait("[data-testid=unread]")
    assert app.find("[data-testid=unread]").text == "1"
    time.sleep(0.8)
    app.screenshot("reminder-notification", notifications=True)
    time.sleep(3)
    assert notify.count("member=Notify") == 1, "fires once, not on every tick"

    app.find("[data-nav=inbox]").click()
    item = app.wait("[data-testid=inbox-item]")
    assert "Bram Jansen: Time for open communication" in item.text
    app.screenshot("inbox")
    app.find("[data-testid=snooze-15m]").click()
    app.wait("[data-testid=inbox-item][data-state=snoozed]")

    # Ten minutes later: still snoozed. Sixteen: back, and notified again.
    app.set_clock("2026-11-23T09:10:30+01:00")
    time.sleep(3)
    assert notify.count(TITLE) == 1
    app.set_clock("2026-11-23T09:16:00+01:00")
    notify.wait_for(TITLE, n=2)
    app.wait("[data-testid=inbox-item][data-state=fired]")

    # "Log now": the quick log opens for Bram with open communication chosen.
    app.find("[data-testid=log-now]").click()
    app.wait("[data-testid=today-view]")
    app.wait_text("[data-testid=today-view]", "Logging for")
    assert app.driver.execute_script("return document.querySelector('[data-testid=who]').selectedOptions[0].text") == "Bram Jansen"
    chosen = app.find("[data-category=open-communication]")
    assert chosen.get_attribute("aria-checked") == "true"
    app.find("[data-testid=note]").send_keys("Called the team about the new planning", Keys.ENTER)
    app.wait_text("[data-testid=timeline]", "Called the team")
    listed = app.cli("list", "--person", "Bram Jansen", "--from", "2026-11-23")
    assert "Called the team about the new planning" in listed
    app.find("[data-nav=inbox]").click()
    app.wait("[data-testid=inbox] .empty-state")
