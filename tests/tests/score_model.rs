//! A slow, obviously-correct model of Loop's score and of the daily streak, written from their definitions
//! (DESIGN.md; uhabits-core `ScoreList.recompute`), compared with `Db::stats` on random histories in a real
//! file: random working days, targets, absences, and a change of rhythm and target part-way through that
//! must not move the days before it.

mod common;

use std::collections::HashMap;

use cadence_core::time::FixedClock;
use cadence_core::{Db, NewAction, NewPerson, Per, StatsQuery};
use chrono::{Datelike, Duration, NaiveDate};
use proptest::prelude::*;

const CATEGORY: &str = "visible-participation";
const DAYS: i64 = 150;
const NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).expect("date")
}

#[derive(Debug, Clone, Copy)]
struct Rules {
    working: u8,
    times: u32,
    per_day: bool,
}

impl Rules {
    fn works_on(&self, d: NaiveDate) -> bool {
        self.working & (1 << d.weekday().num_days_from_monday()) != 0
    }
}

/// The model: walks the calendar one day at a time, as the definition reads.
fn model(counts: &HashMap<NaiveDate, u32>, absent: &dyn Fn(NaiveDate) -> bool, rules_on: &dyn Fn(NaiveDate) -> Rules, as_of: NaiveDate) -> (f64, u32) {
    let counted = |d: NaiveDate| rules_on(d).works_on(d) && !absent(d);
    let n = |d: NaiveDate| counts.get(&d).copied().unwrap_or(0);
    let mut score = 0.0;
    let mut day = start();
    while day <= as_of {
        if counted(day) {
            let r = rules_on(day);
            let w = r.working.count_ones();
            // Loop's frequency and window: N per W counted days; a non-daily one doubled; N == W is daily.
            let (freq, need, span) = if r.per_day {
                (1.0, r.times, 1)
            } else if r.times < w {
                (f64::from(r.times) / f64::from(w), 2 * r.times, 2 * w)
            } else if r.times == w {
                (1.0, 1, 1)
            } else {
                (1.0, r.times, w)
            };
            // Walk back until the window holds `span` counted days; skipped days inside it are passed over.
            let (mut seen, mut sum, mut d) = (0, 0, day);
            while seen < span && d >= start() {
                sum += n(d);
                if counted(d) {
                    seen += 1;
                }
                d -= Duration::days(1);
            }
            let v = (f64::from(sum) / f64::from(need)).min(1.0);
            let m = 0.5f64.powf(freq.sqrt() / 13.0);
            let next = score * m + v * (1.0 - m);
            // The as-of day is not over: it can only raise the score.
            if day < as_of || next > score {
                score = next;
            }
        }
        day += Duration::days(1);
    }
    // Daily streak: back from the as-of day; an empty as-of day is pending, empty non-counted days bridge.
    let mut streak = 0;
    let mut d = as_of;
    while d >= start() {
        if n(d) > 0 {
            streak += 1;
        } else if d != as_of && counted(d) {
            break;
        }
        d -= Duration::days(1);
    }
    (score, streak)
}

fn open(path: &std::path::Path, day: NaiveDate) -> Db {
    let now = day.and_hms_opt(20, 0, 0).expect("time").and_utc();
    Db::open_with_clock(path, Box::new(FixedClock(now))).expect("open")
}

fn days_of(bits: u8) -> Vec<String> {
    (0..7).filter(|i| bits & (1 << i) != 0).map(|i| NAMES[i].to_string()).collect()
}

fn apply(db: &mut Db, r: Rules) {
    db.set_schedule("Lea", Some(&days_of(r.working)), None).expect("schedule");
    db.set_target("Lea", CATEGORY, r.times, if r.per_day { Per::Day } else { Per::Week }).expect("target");
}

fn rules() -> impl Strategy<Value = Rules> {
    (1u8..128, 1u32..8, prop::bool::weighted(0.25)).prop_map(|(working, times, per_day)| Rules { working, times, per_day })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn stats_agree_with_the_model(
        actions in prop::collection::vec((0..DAYS, 1u32..3), 0..90),
        absence in prop::option::of((0..DAYS, 0i64..12)),
        first in rules(),
        second in rules(),
        change in 20..DAYS,
        probes in prop::collection::vec(0..DAYS, 3),
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("cadence.sqlite3");
        let change_day = start() + Duration::days(change);
        let end = start() + Duration::days(DAYS);
        {
            let mut db = open(&path, start());
            db.add_person(&NewPerson { name: "Lea".into(), tz: Some("UTC".into()), ..NewPerson::default() }).expect("person");
            apply(&mut db, first);
        }
        {
            let mut db = open(&path, change_day);
            apply(&mut db, second);
        }
        let mut db = open(&path, end);
        let mut counts = HashMap::new();
        for (i, (day, n)) in actions.iter().enumerate() {
            let date = start() + Duration::days(*day);
            for j in 0..*n {
                db.log_action(&NewAction {
                    person: "Lea".into(),
                    category: CATEGORY.into(),
                    date: Some(date.to_string()),
                    time: Some("10:00".into()),
                    note: Some(format!("{i}-{j}")),
                    ..NewAction::default()
                }).expect("log");
                *counts.entry(date).or_insert(0) += 1;
            }
        }
        let away = absence.map(|(from, len)| (start() + Duration::days(from), start() + Duration::days(from + len)));
        if let Some((a, b)) = away {
            db.add_absence("Lea", &a.to_string(), &b.to_string(), "").expect("absence");
        }
        let absent = |d: NaiveDate| away.is_some_and(|(a, b)| a <= d && d <= b);
        let rules_on = |d: NaiveDate| if d < change_day { first } else { second };
        for p in probes.into_iter().chain([DAYS]) {
            let as_of = start() + Duration::days(p);
            let s = db.stats(&StatsQuery { person: "Lea".into(), as_of: Some(as_of.to_string()), range_days: None }).expect("stats");
            let c = s.categories.iter().find(|c| c.key == CATEGORY).expect("category");
            let (want, streak) = model(&counts, &absent, &rules_on, as_of);
            prop_assert!((c.score - want).abs() < 1e-4, "as of {as_of}: stats {} model {want}", c.score);
            prop_assert_eq!(s.overall.current_streak_days, streak, "streak as of {}", as_of);
        }
    }
}
