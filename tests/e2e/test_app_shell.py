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
