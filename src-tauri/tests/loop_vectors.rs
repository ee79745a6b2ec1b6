//! Loop Habit Tracker's own score test vectors, replayed through `cadence stats` (the real binary).
//!
//! The expected numbers are copied from uhabits-core's `YesNoScoreListTest` (ScoreListTest.kt:
//! `test_getValue`, `test_getValueWithSkip`, `test_getValueNonDailyWithSkip`, `test_imperfectNonDaily`,
//! `test_irregularNonDaily`), newest day first. A Loop habit maps to a person whose working days are all seven
//! days, a Loop check to an action, a Loop skip to a one-day absence, and Loop's `Frequency(N, 7)` to a target
//! of N per week (`Frequency(1, 1)` to one per day).

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use chrono::{Duration, NaiveDate};
use serde_json::Value;

/// Loop's "today" in these tests; any date works, the vectors count back from it.
const TODAY: &str = "2026-11-30";
const CATEGORY: &str = "open-communication";

fn today() -> NaiveDate {
    TODAY.parse().expect("date")
}

fn cadence(dir: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_cadence"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("CADENCE_DATA_DIR")
        .env("CADENCE_NOW_FILE", dir.join("now"))
        .env("LC_ALL", "C.UTF-8")
        .output()
        .expect("run cadence");
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

/// A habit in Loop's terms: checks and skips as days before today, and its frequency.
struct Habit {
    dir: tempfile::TempDir,
}

impl Habit {
    fn new(checks: &[i64], skips: &[i64], target: (&str, &str)) -> Habit {
        let dir = tempfile::tempdir().expect("tempdir");
        let d = dir.path().to_path_buf();
        let d = d.as_path();
        std::fs::write(d.join("now"), format!("{TODAY}T20:00:00Z")).expect("now file");
        cadence(d, &["person", "add", "--name", "Loop", "--tz", "UTC", "--working-days", "mon,tue,wed,thu,fri,sat,sun"]);
        let habit = Habit { dir };
        habit.target(target);
        // A skip replaces a check on the same day, as in Loop.
        let mut csv = String::from("Date,Person,Category,Note\n");
        for &k in checks.iter().filter(|k| !skips.contains(k)) {
            writeln!(csv, "{},Loop,{CATEGORY},check {k}", today() - Duration::days(k)).expect("write");
        }
        std::fs::write(d.join("checks.csv"), csv).expect("csv");
        cadence(d, &["import", d.join("checks.csv").to_str().expect("path")]);
        for &k in skips {
            let day = (today() - Duration::days(k)).to_string();
            cadence(d, &["absence", "add", "--person", "Loop", "--from", &day, "--to", &day, "--reason", "skip"]);
        }
        habit
    }

    fn target(&self, (times, per): (&str, &str)) {
        cadence(self.dir.path(), &["target", "set", "--person", "Loop", "--category", CATEGORY, "--times", times, "--per", per]);
    }

    /// The category's score `days_back` days before today, as `cadence stats --json` reports it.
    fn score(&self, days_back: i64) -> f64 {
        let as_of = (today() - Duration::days(days_back)).to_string();
        let out = cadence(self.dir.path(), &["--json", "stats", "--person", "Loop", "--as-of", &as_of]);
        let stats: Value = serde_json::from_str(&out).expect("json");
        let category = stats["categories"].as_array().expect("categories").iter().find(|c| c["key"] == CATEGORY).expect("category");
        category["score"].as_f64().expect("score")
    }

    fn check(&self, expected: &[f64]) {
        for (k, want) in expected.iter().enumerate() {
            let got = self.score(k as i64);
            assert!((got - want).abs() < 1e-4, "{k} days back: Cadence {got}, Loop {want}");
        }
    }
}

fn range(from: i64, to: i64) -> Vec<i64> {
    (from..to).collect()
}

const DAILY: (&str, &str) = ("1", "day");

#[test]
fn loop_test_get_value() {
    let habit = Habit::new(&range(0, 20), &[], DAILY);
    habit.check(&[
        0.655747, 0.636894, 0.617008, 0.596033, 0.573910, 0.550574, 0.525961, 0.500000, 0.472617, 0.443734, 0.413270,
        0.381137, 0.347244, 0.311495, 0.273788, 0.234017, 0.192067, 0.147820, 0.101149, 0.051922, 0.000000, 0.000000,
        0.000000,
    ]);
}

#[test]
fn loop_test_get_value_with_skip() {
    let habit = Habit::new(&range(0, 20), &[5, 10, 11], DAILY);
    habit.check(&[
        0.596033, 0.573910, 0.550574, 0.525961, 0.500000, 0.472617, 0.472617, 0.443734, 0.413270, 0.381137, 0.347244,
        0.347244, 0.347244, 0.311495, 0.273788, 0.234017, 0.192067, 0.147820, 0.101149, 0.051922, 0.000000, 0.000000,
        0.000000,
    ]);
}

#[test]
fn loop_test_get_value_non_daily_with_skip() {
    let habit = Habit::new(&range(0, 18), &[10, 11, 12], ("6", "week"));
    habit.check(&[
        0.365222, 0.333100, 0.299354, 0.263899, 0.226651, 0.191734, 0.159268, 0.129375, 0.102187, 0.077839, 0.056477,
        0.056477, 0.056477, 0.056477, 0.038251, 0.023319, 0.011848, 0.004014, 0.000000, 0.000000, 0.000000,
    ]);
}

#[test]
fn loop_test_imperfect_non_daily() {
    // Two of three a week, every week for 100 weeks: 2/3. The same history against four a week: 1/2.
    let checks: Vec<i64> = (0..100).flat_map(|k| [7 * k, 7 * k + 1]).collect();
    let habit = Habit::new(&checks, &[], ("3", "week"));
    assert!((habit.score(0) - 2.0 / 3.0).abs() < 1e-4, "{}", habit.score(0));
    habit.target(("4", "week"));
    assert!((habit.score(0) - 0.5).abs() < 1e-4, "{}", habit.score(0));
}

#[test]
fn loop_test_irregular_non_daily() {
    // Once a week, on a different weekday each week (day 0 and day 13 of every fortnight): still 100%.
    let checks: Vec<i64> = (0..100).flat_map(|k| [14 * k, 14 * k + 13]).collect();
    let habit = Habit::new(&checks, &[], ("1", "week"));
    assert!((habit.score(0) - 1.0).abs() < 1e-3, "{}", habit.score(0));
}
