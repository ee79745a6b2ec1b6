"""Measures the two UI figures of the README on the real release window (run through script/measure).

1. Start to first painted Today view, on a 5-year single-person demo database: the time from launching the
   process to the moment the UI reports (after two animation frames) that Today with its data is painted;
   and the floor, a minimal Tauri window (src-tauri/examples/floor.rs) timed the same way, interleaved.
   MEASURE_ONLY=startup measures only this.
2. Round trip of logging one action from the UI: from Enter in the quick log to the updated list in the DOM
   (the command's answer applied and rendered), and to the next animation frame after it, measured inside the
   page for actions typed through WebDriver. Under Xvfb WebKit paints in software, so the frame figure is
   mostly the virtual display's paint time.

3. Logging from anywhere: with the app in the background, the global shortcut (sent with xdotool, as a
   keyboard would), the category key, a 30-character note typed by xdotool, Enter; from the
   shortcut to the action stored in the database, and the part of it the app itself takes (shortcut to the
   quick-log window on screen; Enter to stored). A person's typing speed comes on top of the app's part.

Prints medians and ranges; changes nothing outside a temporary folder.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))
os.environ.setdefault("CADENCE_BIN", str(Path(__file__).resolve().parents[2] / "target" / "release" / "cadence"))

from conftest import APP, App  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

STARTS = int(os.environ.get("MEASURE_STARTS", "9"))
LOGS = int(os.environ.get("MEASURE_LOGS", "40"))


# The floor: a minimal Tauri window (src-tauri/examples/floor.rs) started and timed the same way.
FLOOR = APP.parent / "examples" / "floor"
ONLY_STARTUP = os.environ.get("MEASURE_ONLY") == "startup"


# Per step of Cadence's start-up (src-tauri/src/timeline.rs and ui/src/lib/marks.ts): ms after the launch.
BREAKDOWN: dict[str, list[float]] = {}


def first_paint(app: App, measure_file: Path, binary: Path = APP) -> float:
    measure_file.unlink(missing_ok=True)
    env = app.env()
    env["CADENCE_MEASURE_FILE"] = str(measure_file)
    started = time.time()
    proc = subprocess.Popen([str(binary)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = started + 30
        while time.time() < deadline:
            if measure_file.exists() and measure_file.read_text().strip():
                lines = measure_file.read_text().splitlines()
                painted_us = int(lines[0].split()[1])
                if binary == APP:
                    for line in lines[1:]:
                        if line.startswith("mark "):
                            _, name, at_us = line.split()
                            BREAKDOWN.setdefault(name, []).append(int(at_us) / 1e3 - started * 1e3)
                return painted_us / 1e6 - started
            time.sleep(0.005)
        raise RuntimeError("the Today view never reported a paint")
    finally:
        proc.terminate()
        proc.wait(10)


def demo_data_50_people(runs: int = 3) -> None:
    took = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            started = time.time()
            subprocess.run([str(APP), "--data-dir", tmp, "demo-data", "--people", "50", "--years", "5"], check=True,
                           stdout=subprocess.DEVNULL)
            took.append(time.time() - started)
    print(f"cadence demo-data --people 50 --years 5: median {statistics.median(took):.2f} s "
          f"(min {min(took):.2f}, max {max(took):.2f}, n={runs})")


IDLE_SECONDS = int(os.environ.get("MEASURE_IDLE_SECONDS", "300"))


def tree_cpu_seconds(root: int) -> float:
    """utime + stime of a process and all its descendants (WebKit's web and network processes)."""
    ticks = os.sysconf("SC_CLK_TCK")
    stats = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                stats[int(entry)] = (int(fields[1]), int(fields[11]) + int(fields[12]))
            except (OSError, IndexError, ValueError):
                pass
    pids, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, (ppid, _) in stats.items():
            if ppid == parent and pid not in pids:
                pids.add(pid)
                frontier.append(pid)
    return sum(stats[p][1] for p in pids if p in stats) / ticks


def idle_cpu() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        app = App(Path(tmp))
        app.cli("demo-data", "--people", "2", "--years", "1")
        kinds = [("checkin", ["--at", "09:00"]), ("silence", ["--category", "open-communication", "--after-days", "3"]),
                 ("score-drop", ["--category", "follow-up", "--threshold", "0.5"]), ("streak-risk", ["--at", "17:00"]),
                 ("followup-due", ["--at", "10:00"])]
        for person in ("1", "2"):
            for i in range(10):
                kind, extra = kinds[i % len(kinds)]
                app.cli("reminder", "add", "--person", person, "--kind", kind, *extra)
        proc = subprocess.Popen([str(APP)], env=app.env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(10)
            before, t0 = tree_cpu_seconds(proc.pid), time.time()
            time.sleep(IDLE_SECONDS)
            used, wall = tree_cpu_seconds(proc.pid) - before, time.time() - t0
        finally:
            proc.terminate()
            proc.wait(10)
        print(f"idle app with 20 reminder rules: {100 * used / wall:.2f}% of one core over {wall:.0f} s "
              f"(app and WebKit processes, CPU {used:.2f} s)")


def stored(db: Path, note: str) -> bool:
    import sqlite3
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
        return c.execute("SELECT count(*) FROM actions WHERE note = ?", (note,)).fetchone()[0] > 0


def quick_log_from_anywhere(runs: int = 10) -> None:
    from Xlib import display as xdisplay

    from conftest import x_viewable

    with tempfile.TemporaryDirectory() as tmp:
        app = App(Path(tmp))
        app.cli("person", "add", "--name", "Anna de Vries", "--tz", "Europe/Amsterdam", "--me")
        proc = subprocess.Popen([str(APP)], env=app.env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        d = xdisplay.Display()
        key = lambda *k: subprocess.run(["xdotool", "key", "--clearmodifiers", *k], check=True, env=app.env())  # noqa: E731

        def poll(check, timeout=10.0):
            deadline = time.perf_counter() + timeout
            while not check():
                if time.perf_counter() > deadline:
                    raise RuntimeError("timed out")
                time.sleep(0.005)
            return time.perf_counter()

        try:
            poll(lambda: x_viewable(d, "Cadence"), 30)
            # The quick-log window is built hidden two seconds after start-up; the leader is at work by then.
            time.sleep(4)
            opened, saved, total, typed = [], [], [], []
            for i in range(runs + 1):
                note = f"Thanked the night shift, {i:03d}."[:30].ljust(30, ".")
                t0 = time.perf_counter()
                key("ctrl+alt+space")
                t1 = poll(lambda: x_viewable(d, "Cadence quick log"))
                # The window is on screen with its page loaded (built hidden after start-up): type at once.
                time.sleep(0.05)
                key("1")
                t_type = time.perf_counter()
                subprocess.run(["xdotool", "type", "--delay", "20", note], check=True, env=app.env())
                t2 = time.perf_counter()
                key("Return")
                t3 = poll(lambda: stored(app.db_file, note))
                poll(lambda: not x_viewable(d, "Cadence quick log"))
                if i == 0:
                    print(f"quick log, first use: shortcut to window on screen {(t1 - t0) * 1000:.0f} ms, "
                          f"whole sequence {t3 - t0:.2f} s")
                    continue
                opened.append(t1 - t0)
                saved.append(t3 - t2)
                total.append(t3 - t0)
                typed.append(t2 - t_type)
                time.sleep(0.3)
        finally:
            proc.terminate()
            proc.wait(10)
        ms = lambda xs: f"median {statistics.median(xs) * 1000:.0f} ms (max {max(xs) * 1000:.0f})"  # noqa: E731
        print(f"quick log from anywhere: shortcut to window on screen {ms(opened)}; Enter to stored {ms(saved)}; "
              f"shortcut, key, 30-character note (typed in {statistics.median(typed):.2f} s), Enter to stored: "
              f"median {statistics.median(total):.2f} s (max {max(total):.2f} s, n={len(total)})")


def main():
    if not ONLY_STARTUP:
        quick_log_from_anywhere()
        demo_data_50_people()
        idle_cpu()
    with tempfile.TemporaryDirectory() as tmp:
        app = App(Path(tmp))
        summary = json.loads(app.cli("--json", "demo-data", "--people", "1", "--years", "5"))
        print(f"database: 1 person, 5 years, {summary['actions']} actions, {app.db_file.stat().st_size / 1e6:.1f} MB")

        # Interleaved with the floor, so both meet the same machine.
        starts, floors = [], []
        for _ in range(STARTS):
            starts.append(first_paint(app, Path(tmp) / "paint.txt"))
            floors.append(first_paint(app, Path(tmp) / "floor.txt", FLOOR))
        print(f"start to first painted Today view: median {statistics.median(starts) * 1000:.0f} ms "
              f"(min {min(starts) * 1000:.0f}, max {max(starts) * 1000:.0f}, n={len(starts)}; first run {starts[0] * 1000:.0f} ms)")
        print(f"floor, a minimal Tauri window to its first painted page: median {statistics.median(floors) * 1000:.0f} ms "
              f"(min {min(floors) * 1000:.0f}, max {max(floors) * 1000:.0f}, n={len(floors)})")
        print("where Cadence's start-up goes (median ms after launch, in order):")
        for name, xs in sorted(BREAKDOWN.items(), key=lambda kv: statistics.median(kv[1])):
            print(f"  {statistics.median(xs):7.0f}  {name}")
        if ONLY_STARTUP:
            return

        app.start()
        app.wait("[data-testid=today-view] [data-testid=quicklog]")
        for i in range(LOGS):
            before = len(app.find_all("[data-testid=entry]"))
            ActionChains(app.driver).send_keys(str(1 + i % 3)).perform()
            app.find("[data-testid=note]").send_keys(f"Measured action {i}", Keys.ENTER)
            deadline = time.time() + 10
            while len(app.find_all("[data-testid=entry]")) == before and time.time() < deadline:
                time.sleep(0.01)
        time.sleep(0.2)
        timings = app.driver.execute_script("return window.__cadenceTimings")
        frames = app.driver.execute_script("return window.__cadenceFrames")
        app.stop()
        if len(timings) != LOGS:
            raise RuntimeError(f"expected {LOGS} timings, got {len(timings)}")
        for name, xs in (("Enter to updated list in the DOM", timings), ("Enter to the next frame after it", frames)):
            xs = sorted(xs)
            p90 = xs[int(len(xs) * 0.9) - 1]
            print(f"log one action, {name}: median {statistics.median(xs):.1f} ms "
                  f"(p90 {p90:.1f}, max {max(xs):.1f}, n={len(xs)})")


if __name__ == "__main__":
    main()
