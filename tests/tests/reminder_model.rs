//! A slow, obviously-correct model of when a check-in reminder fires, compared with the real engine
//! (`engine::due` + `engine::select`, driven as `Db::run_reminders` drives them) over a year of ticks, for
//! random rules, zones (Europe/Amsterdam, America/New_York, Australia/Lord_Howe with its 30-minute shift,
//! Asia/Kathmandu), day starts, quiet hours, absences, days logged, restarts and forward clock jumps.
//!
//! The model knows nothing of the engine's arithmetic: it finds an occurrence's fire time by walking UTC minute
//! by minute until the local wall clock (chrono-tz) reaches the rule's time, moved to the end of its quiet
//! period (an occurrence is for its own time: one before the rule was made never fires); a time that does not exist (DST gap) fires at the first minute after it, a time that happens twice at
//! the first. At each tick of a running app it delivers, of the occurrences of today and yesterday that are due,
//! eligible (not before the rule was made) and not yet decided, the newest when it is newer than every one
//! decided, and counts the others missed; nothing is delivered while quiet hours last.

use std::collections::{HashMap, HashSet};

use cadence_core::reminders::engine::{self, Due, Facts, Kind, Rule};
use cadence_core::stats::series::Calendar;
use cadence_core::time::{WorkingDays, Zone};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use proptest::prelude::*;

const ZONES: [&str; 4] = ["Europe/Amsterdam", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu"];
const TICK_MINUTES: i64 = 5;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).single().expect("t0")
}

#[derive(Debug, Clone)]
struct Case {
    zone: &'static str,
    day_start: u32,
    at: NaiveTime,
    weekdays: u8,
    quiet: Option<(NaiveTime, NaiveTime)>,
    created_after_minutes: i64,
    logged: HashSet<i64>,
    absent: Option<(i64, i64)>,
    /// Periods the app is closed (or the machine asleep): (start minute, length in minutes).
    closed: Vec<(i64, i64)>,
    days: i64,
}

fn hhmm(m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(m / 60, m % 60, 0).expect("time")
}

fn base_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 12, 31).expect("date")
}

impl Case {
    fn tz(&self) -> Tz {
        self.zone.parse().expect("zone")
    }
    fn local(&self, t: DateTime<Utc>) -> NaiveDateTime {
        t.with_timezone(&self.tz()).naive_local()
    }
    fn in_quiet(&self, time: NaiveTime) -> bool {
        match self.quiet {
            Some((f, to)) if f <= to => time >= f && time < to,
            Some((f, to)) => time >= f || time < to,
            None => false,
        }
    }
    fn date_index(&self, d: NaiveDate) -> i64 {
        (d - base_date()).num_days()
    }
    /// The person's day of instant `t`: the local date, shifted by the day start.
    fn day_of(&self, t: DateTime<Utc>) -> NaiveDate {
        (self.local(t) - Duration::minutes(i64::from(self.day_start))).date()
    }
    fn created(&self) -> DateTime<Utc> {
        t0() + Duration::minutes(self.created_after_minutes)
    }
    fn occurs(&self, d: NaiveDate) -> bool {
        let i = self.date_index(d);
        self.weekdays & (1 << d.weekday().num_days_from_monday()) != 0
            && !self.absent.is_some_and(|(a, len)| a <= i && i <= a + len)
            && !self.logged.contains(&i)
    }
    /// The local wall time an occurrence of day `d` is due at, quiet hours applied.
    fn wall(&self, d: NaiveDate) -> NaiveDateTime {
        let start = hhmm(self.day_start);
        let cal = if self.at < start { d + Duration::days(1) } else { d };
        match self.quiet {
            Some((f, to)) if self.in_quiet(self.at) => {
                let next = f > to && self.at >= f;
                (if next { cal + Duration::days(1) } else { cal }).and_time(to)
            }
            _ => cal.and_time(self.at),
        }
    }
    /// The local wall time the occurrence of day `d` is for, before quiet hours.
    fn own_wall(&self, d: NaiveDate) -> NaiveDateTime {
        let cal = if self.at < hhmm(self.day_start) { d + Duration::days(1) } else { d };
        cal.and_time(self.at)
    }
    fn fire(&self, d: NaiveDate) -> DateTime<Utc> {
        self.first_at(self.wall(d))
    }
    /// Walks minute by minute to the first instant whose wall clock shows `wall` or later.
    fn first_at(&self, wall: NaiveDateTime) -> DateTime<Utc> {
        let mut t = Utc.from_utc_datetime(&(wall - Duration::hours(16)));
        while self.local(t) < wall {
            t += Duration::minutes(1);
        }
        t
    }
    fn running(&self, minute: i64) -> bool {
        !self.closed.iter().any(|(s, len)| *s <= minute && minute < s + len)
    }
    fn ticks(&self) -> impl Iterator<Item = DateTime<Utc>> + '_ {
        (0..self.days * 24 * 60 / TICK_MINUTES)
            .map(|k| k * TICK_MINUTES)
            .filter(|m| *m >= self.created_after_minutes && self.running(*m))
            .map(|m| t0() + Duration::minutes(m))
    }
}

/// What fired: (occurrence date, tick it was delivered at, late).
type Fired = Vec<(String, DateTime<Utc>, bool)>;

fn model(c: &Case) -> Fired {
    let mut decided: HashMap<NaiveDate, DateTime<Utc>> = HashMap::new();
    let mut fire_cache: HashMap<NaiveDate, DateTime<Utc>> = HashMap::new();
    let mut out = Vec::new();
    for t in c.ticks() {
        if c.in_quiet(c.local(t).time()) {
            continue;
        }
        let today = c.day_of(t);
        let mut pending: Vec<(NaiveDate, DateTime<Utc>)> = Vec::new();
        for d in [today - Duration::days(1), today] {
            if !c.occurs(d) || decided.contains_key(&d) {
                continue;
            }
            let f = *fire_cache.entry(d).or_insert_with(|| c.fire(d));
            if f <= t && c.first_at(c.own_wall(d)) >= c.created() {
                pending.push((d, f));
            }
        }
        pending.sort_by_key(|p| p.1);
        let newest_decided = decided.values().max().copied();
        if let Some(&(d, f)) = pending.last() {
            if newest_decided.is_none_or(|n| f > n) {
                out.push((d.to_string(), t, t - f > Duration::minutes(5)));
            }
        }
        for (d, f) in pending {
            decided.insert(d, f);
        }
    }
    out
}

fn engine_run(c: &Case) -> Fired {
    let zone = Zone::parse(c.zone).expect("zone");
    let absences = c.absent.map(|(a, len)| (base_date() + Duration::days(a), base_date() + Duration::days(a + len))).into_iter().collect();
    let counts: HashMap<NaiveDate, u32> = c.logged.iter().map(|i| (base_date() + Duration::days(*i), 1)).collect();
    let facts = Facts {
        name: "Lea".into(),
        name_in_title: false,
        zone,
        day_start: c.day_start,
        calendar: Calendar::new(WorkingDays(0x7f), absences),
        counts,
        last: HashMap::new(),
        scores: HashMap::new(),
        streak: 0,
        since: base_date(),
        followups: Vec::new(),
        locale: cadence_core::Locale::En,
    };
    let rule = Rule {
        id: 1,
        person_id: 1,
        kind: Kind::Checkin,
        at: c.at,
        weekdays: Some(WorkingDays(c.weekdays)),
        category: None,
        after_days: 1,
        threshold: None,
        drop_points: None,
        min_streak: 1,
        quiet: c.quiet,
        paused: false,
        created: c.created(),
    };
    let facts = HashMap::from([(1, facts)]);
    // The store, as Db::run_reminders keeps it: every stored key, and the newest stored fire time per group.
    let mut stored: HashSet<String> = HashSet::new();
    let mut newest: HashMap<engine::Group, DateTime<Utc>> = HashMap::new();
    let mut out = Vec::new();
    for t in c.ticks() {
        let found = engine::due(std::slice::from_ref(&rule), &facts, t);
        let (deliver, missed) = engine::select(found, |d: &Due| stored.contains(&d.key), &newest);
        for d in deliver.iter().chain(&missed) {
            assert!(stored.insert(d.key.clone()), "{} decided twice", d.key);
            let e = newest.entry(d.group()).or_insert(d.fire_instant);
            *e = (*e).max(d.fire_instant);
        }
        out.extend(deliver.into_iter().map(|d| (d.key, t, d.late)));
    }
    out
}

fn case() -> impl Strategy<Value = Case> {
    (
        (0usize..4, prop_oneof![Just(0u32), Just(240)], 0u32..1440, 1u8..128),
        prop::option::of((0u32..96, 0u32..96)),
        (0i64..(20 * 24 * 60), prop::collection::hash_set(0i64..370, 0..150), prop::option::of((0i64..360, 0i64..14))),
        prop::collection::vec((0i64..(365 * 24 * 60), prop_oneof![1i64..120, 120i64..(4 * 24 * 60)]), 0..25),
    )
        .prop_map(|((z, day_start, at, weekdays), quiet, (created, logged, absent), closed)| Case {
            zone: ZONES[z],
            day_start,
            at: hhmm(at),
            weekdays,
            quiet: quiet.map(|(a, b)| (hhmm(a * 15), hhmm(b * 15))),
            created_after_minutes: created,
            logged,
            absent,
            closed,
            days: 365,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn the_engine_fires_what_the_minute_model_fires(c in case()) {
        let (want, got) = (model(&c), engine_run(&c));
        prop_assert_eq!(&got, &want, "zone {} at {} quiet {:?} day start {}", c.zone, c.at, c.quiet, c.day_start);
    }
}

/// The zones' hard days, each checked on its own: Lord Howe's 30-minute shift (02:00 -> 02:30 on
/// 2026-10-04) and Amsterdam's fold, with an app that never closes.
#[test]
fn lord_howe_and_a_fold_fire_once_at_the_first_minute() {
    for (zone, at) in [("Australia/Lord_Howe", 2 * 60 + 10), ("Europe/Amsterdam", 2 * 60 + 30), ("Asia/Kathmandu", 0)] {
        let c = Case {
            zone,
            day_start: 0,
            at: hhmm(at),
            weekdays: 0x7f,
            quiet: None,
            created_after_minutes: 0,
            logged: HashSet::new(),
            absent: None,
            closed: Vec::new(),
            days: 365,
        };
        let (want, got) = (model(&c), engine_run(&c));
        assert_eq!(got, want, "{zone}");
        assert!(got.len() >= 364, "{zone}: {}", got.len());
        let keys: HashSet<_> = got.iter().map(|g| &g.0).collect();
        assert_eq!(keys.len(), got.len(), "{zone}: an occurrence fired twice");
    }
}
