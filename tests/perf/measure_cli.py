"""Whole-process CLI timings on a small and a large database, release build: what opening costs as the file
grows (issue 11: open + `person list` on the 50 people x 5 years file within 1.2x of a small file), and
`stats` and `team` on the large file. The floor is the same binary printing its version (process start,
no database). Prints medians; writes only temporary folders.

    .venv/bin/python tests/perf/measure_cli.py [path/to/cadence]
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "target" / "release" / "cadence"
RUNS = int(os.environ.get("MEASURE_CLI_RUNS", "11"))


def run(data: Path, *args: str) -> float:
    start = time.perf_counter()
    out = subprocess.run([str(APP), "--data-dir", str(data), *args], capture_output=True, text=True)
    took = time.perf_counter() - start
    if out.returncode != 0:
        raise SystemExit(f"{args} failed: {out.stderr}")
    return took


def median_ms(data: Path, *args: str) -> tuple[float, float]:
    run(data, *args)  # warm the page cache: every figure is a warm start
    times = [run(data, *args) for _ in range(RUNS)]
    return statistics.median(times) * 1000, min(times) * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        small, large = Path(tmp) / "small", Path(tmp) / "large"
        t = time.perf_counter()
        run(small, "demo-data", "--people", "1", "--years", "1")
        run(large, "demo-data", "--people", "50", "--years", "5")
        size = lambda d: (d / "cadence.sqlite3").stat().st_size / 1e6
        print(f"files: small {size(small):.1f} MB, large {size(large):.1f} MB (made in {time.perf_counter() - t:.1f} s)")
        floor = median_ms(small, "--version")
        print(f"floor, `cadence --version` (process start): median {floor[0]:.1f} ms (min {floor[1]:.1f})")
        s = median_ms(small, "person", "list")
        l = median_ms(large, "person", "list")
        print(f"open + person list, small file: median {s[0]:.1f} ms (min {s[1]:.1f})")
        print(f"open + person list, large file: median {l[0]:.1f} ms (min {l[1]:.1f}); ratio {l[0] / s[0]:.2f}x")
        st = median_ms(large, "stats", "--person", "1")
        print(f"stats for one leader, large file: median {st[0]:.1f} ms (min {st[1]:.1f})")
        tm = median_ms(large, "team")
        print(f"team, large file: median {tm[0]:.1f} ms (min {tm[1]:.1f})")
        ck = median_ms(large, "check")
        print(f"check (the full quick_check, on demand), large file: median {ck[0]:.1f} ms (min {ck[1]:.1f})")


if __name__ == "__main__":
    main()
