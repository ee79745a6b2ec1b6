//! A slow, obviously-correct model of when reminders fire, compared with the real engine (`engine::due` +
//! `engine::select`, driven as `Db::run_reminders` drives them) over a year of ticks, for random rules of every
//! kind (check-in, silence, streak-risk, score-drop, follow-up due), zones (Europe/Amsterdam, America/New_York,
//! Australia/Lord_Howe with its 30-minute shift, Asia/Kathmandu), day starts, quiet hours, absences, days
//! logged, scores, follow-ups opened and closed, restarts and forward clock jumps.
//!
//! The model knows nothing of the engine's arithmetic: it finds an occurrence's fire time by walking UTC minute
//! by minute until the local wall clock (chrono-tz) reaches the rule's time, moved to the end of its quiet
//! period (an occurrence is for its own time: one before the rule was made never fires); a time that does not
//! exist (DST gap) fires at the first minute after it, a time that happens twice at the first. Each kind says,
//! from the words, which occurrences exist on a day (`Case::candidates`). At each tick of a running app
//! the model delivers, per reminder (a rule; a rule and a follow-up for `followup-due`), of the occurrences
//! that are due, eligible (not before the rule was made) and not yet decided, the newest when it is newer than
//! every one decided, and counts the others missed; nothing is delivered while quiet hours last.
//!
//! The facts a tick sees (last action, streak, scores, open follow-ups) are those of the person's day at that
//! tick, the same for model and engine: an action of a day counts from that day's first minute.

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

/// A rule's kind with what that kind needs.
#[derive(Debug, Clone)]
enum What {
    Checkin,
    /// No action for this many days.
    Silence(u32),
    /// A streak at least this long, not yet extended today.
    StreakRisk(u32),
    /// A score below the threshold, or fallen by this many points over 7 days (fractions of 1).
    ScoreDrop(Option<f64>, Option<f64>),
    FollowupDue,
}

#[derive(Debug, Clone)]
struct Case {
    zone: &'static str,
    day_start: u32,
    what: What,
    at: NaiveTime,
    weekdays: u8,
    quiet: Option<(NaiveTime, NaiveTime)>,
    created_after_minutes: i64,
    /// Day indices (days after `base_date`) with an action.
    logged: HashSet<i64>,
    absent: Option<(i64, i64)>,
    /// The score of each day index, in hundredths.
    scores: Vec<u8>,
    /// Follow-ups: (due day index, day index it is closed on, if it is).
    followups: Vec<(i64, Option<i64>)>,
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

fn day(i: i64) -> NaiveDate {
    base_date() + Duration::days(i)
}

/// One occurrence a day offers: its reminder (the follow-up, for `followup-due`), key and local day.
struct Candidate {
    group: Option<i64>,
    key: String,
    day: NaiveDate,
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
    fn index(&self, d: NaiveDate) -> i64 {
        (d - base_date()).num_days()
    }
    /// The person's day of instant `t`: the local date, shifted by the day start.
    fn day_of(&self, t: DateTime<Utc>) -> NaiveDate {
        (self.local(t) - Duration::minutes(i64::from(self.day_start))).date()
    }
    fn created(&self) -> DateTime<Utc> {
        t0() + Duration::minutes(self.created_after_minutes)
    }
    /// The rule may fire on day `d`: one of its weekdays, and the person is not away.
    fn fires_on(&self, d: NaiveDate) -> bool {
        let i = self.index(d);
        self.weekdays & (1 << d.weekday().num_days_from_monday()) != 0 && !self.absent.is_some_and(|(a, len)| a <= i && i <= a + len)
    }
    fn logged_on(&self, d: NaiveDate) -> bool {
        self.logged.contains(&self.index(d))
    }
    /// The last day with an action, up to `today`.
    fn last(&self, today: NaiveDate) -> Option<NaiveDate> {
        (0..=self.index(today)).rev().find(|i| self.logged.contains(i)).map(day)
    }
    /// Consecutive days with an action, ending today (when logged) or yesterday.
    fn streak(&self, today: NaiveDate) -> u32 {
        let mut d = if self.logged_on(today) { today } else { today - Duration::days(1) };
        let mut n = 0;
        while self.logged_on(d) {
            n += 1;
            d -= Duration::days(1);
        }
        n
    }
    fn score(&self, d: NaiveDate) -> f64 {
        let i = self.index(d).clamp(0, self.scores.len() as i64 - 1);
        f64::from(self.scores[i as usize]) / 100.0
    }
    /// Follow-ups still open on `today`: (id, due day).
    fn open_followups(&self, today: NaiveDate) -> Vec<(i64, NaiveDate)> {
        let i = self.index(today);
        self.followups.iter().enumerate().filter(|(_, (_, closed))| closed.is_none_or(|c| c > i)).map(|(id, (due, _))| (id as i64 + 1, day(*due))).collect()
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
    fn own(&self, d: NaiveDate) -> DateTime<Utc> {
        self.first_at(self.own_wall(d))
    }
    /// Walks minute by minute to the first instant whose wall clock shows `wall` or later.
    fn first_at(&self, wall: NaiveDateTime) -> DateTime<Utc> {
        let mut t = Utc.from_utc_datetime(&(wall - Duration::hours(16)));
        while self.local(t) < wall {
            t += Duration::minutes(1);
        }
        t
    }
    /// Whether the occurrence of day `d` is for a time after the rule was made. Days two or more away from the
    /// day it was made are decided by their date alone (the minute walk is slow).
    fn after_created(&self, d: NaiveDate) -> bool {
        let made = self.day_of(self.created());
        if d >= made + Duration::days(2) {
            return true;
        }
        d > made - Duration::days(2) && self.own(d) >= self.created()
    }
    /// The occurrences that exist as seen on `today`, from the description of each kind.
    fn candidates(&self, today: NaiveDate) -> Vec<Candidate> {
        let yesterday = today - Duration::days(1);
        let one = |d: NaiveDate, key: String| Candidate { group: None, key, day: d };
        match &self.what {
            // Each working day on which nothing was logged.
            What::Checkin => [yesterday, today].into_iter().filter(|d| self.fires_on(*d) && !self.logged_on(*d)).map(|d| one(d, d.to_string())).collect(),
            // Today only: tomorrow the streak is lost already.
            What::StreakRisk(min) => {
                let at_risk = self.fires_on(today) && !self.logged_on(today) && self.streak(today) >= *min;
                if at_risk { vec![one(today, today.to_string())] } else { Vec::new() }
            }
            // Judged with today's scores; once per ISO week.
            What::ScoreDrop(threshold, points) => {
                let (now, week_ago) = (self.score(today), self.score(today - Duration::days(7)));
                let below = threshold.is_some_and(|t| now < t);
                let fell = points.is_some_and(|p| ((week_ago - now) * 100.0).round() >= (p * 100.0).round());
                [yesterday, today]
                    .into_iter()
                    .filter(|d| (below || fell) && self.fires_on(*d))
                    .map(|d| one(d, format!("{}-W{:02}", d.iso_week().year(), d.iso_week().week())))
                    .collect()
            }
            // One per silence: on the first day it may fire once the silence has lasted N days and the rule
            // exists (an occurrence for a time before the rule is not one).
            What::Silence(n) => {
                let since = self.last(today).unwrap_or(base_date());
                let first = (0..)
                    .map(|k| since + Duration::days(i64::from(*n) + k))
                    .find(|d| *d > today || (self.fires_on(*d) && self.after_created(*d)))
                    .expect("a day");
                if first <= today { vec![one(first, format!("silence-since-{since}"))] } else { Vec::new() }
            }
            // Each open follow-up due by that day, each its own reminder, once a day.
            What::FollowupDue => [yesterday, today]
                .into_iter()
                .filter(|d| self.fires_on(*d))
                .flat_map(|d| {
                    self.open_followups(today)
                        .into_iter()
                        .filter(move |(_, due)| *due <= d)
                        .map(move |(id, _)| Candidate { group: Some(id), key: format!("followup-{id}-{d}"), day: d })
                })
                .collect(),
        }
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

/// What fired: (occurrence key, tick it was delivered at, late).
type Fired = Vec<(String, DateTime<Utc>, bool)>;

fn model(c: &Case) -> Fired {
    let mut decided: HashSet<String> = HashSet::new();
    let mut newest_decided: HashMap<Option<i64>, DateTime<Utc>> = HashMap::new();
    let mut fire_cache: HashMap<NaiveDate, (DateTime<Utc>, DateTime<Utc>)> = HashMap::new();
    let mut out = Vec::new();
    for t in c.ticks() {
        if c.in_quiet(c.local(t).time()) {
            continue;
        }
        let mut pending: Vec<(Option<i64>, String, DateTime<Utc>)> = Vec::new();
        for cand in c.candidates(c.day_of(t)) {
            let (fire, own) = *fire_cache.entry(cand.day).or_insert_with(|| (c.fire(cand.day), c.own(cand.day)));
            if !decided.contains(&cand.key) && fire <= t && own >= c.created() {
                pending.push((cand.group, cand.key, fire));
            }
        }
        let groups: HashSet<Option<i64>> = pending.iter().map(|p| p.0).collect();
        let mut groups: Vec<_> = groups.into_iter().collect();
        groups.sort();
        for g in groups {
            let newest = pending.iter().filter(|p| p.0 == g).max_by_key(|p| p.2).expect("one");
            if newest_decided.get(&g).is_none_or(|n| newest.2 > *n) {
                out.push((newest.1.clone(), t, t - newest.2 > Duration::minutes(5)));
            }
        }
        for (g, key, fire) in pending {
            decided.insert(key);
            let e = newest_decided.entry(g).or_insert(fire);
            *e = (*e).max(fire);
        }
    }
    out.sort();
    out
}

fn rule_of(c: &Case) -> Rule {
    let (mut after_days, mut min_streak, mut threshold, mut drop_points) = (1, 1, None, None);
    let kind = match c.what {
        What::Checkin => Kind::Checkin,
        What::Silence(n) => {
            after_days = n;
            Kind::Silence
        }
        What::StreakRisk(n) => {
            min_streak = n;
            Kind::StreakRisk
        }
        What::ScoreDrop(t, p) => {
            (threshold, drop_points) = (t, p);
            Kind::ScoreDrop
        }
        What::FollowupDue => Kind::FollowupDue,
    };
    Rule {
        id: 1,
        person_id: 1,
        kind,
        at: c.at,
        weekdays: Some(WorkingDays(c.weekdays)),
        category: Some(("care".into(), "Care".into())),
        after_days,
        threshold,
        drop_points,
        min_streak,
        quiet: c.quiet,
        paused: false,
        created: c.created(),
    }
}

/// What the store knows of the person on their day `today`, as `Db::run_reminders` gathers it.
fn facts_on(c: &Case, today: NaiveDate) -> Facts {
    let absences = c.absent.map(|(a, len)| (day(a), day(a + len))).into_iter().collect();
    let scores = HashMap::from([("care".to_string(), (c.score(today), c.score(today - Duration::days(7))))]);
    Facts {
        name: "Lea".into(),
        name_in_title: false,
        zone: Zone::parse(c.zone).expect("zone"),
        day_start: c.day_start,
        calendar: Calendar::new(WorkingDays(0x7f), absences),
        counts: c.logged.iter().map(|i| (day(*i), 1)).collect(),
        last: c.last(today).map(|d| ("care".to_string(), d)).into_iter().collect(),
        scores,
        streak: c.streak(today),
        since: base_date(),
        followups: c.open_followups(today).into_iter().map(|(id, due)| (id, format!("F{id}"), due)).collect(),
        locale: cadence_core::Locale::En,
    }
}

fn engine_run(c: &Case) -> Fired {
    let rule = rule_of(c);
    // The store, as Db::run_reminders keeps it: every stored key (delivered first, a missed one with the same
    // key is then ignored, as INSERT OR IGNORE does), and the newest stored fire time per reminder.
    let mut stored: HashSet<String> = HashSet::new();
    let mut newest: HashMap<engine::Group, DateTime<Utc>> = HashMap::new();
    let mut facts: Option<(NaiveDate, HashMap<i64, Facts>)> = None;
    let mut out = Vec::new();
    for t in c.ticks() {
        let today = c.day_of(t);
        if facts.as_ref().is_none_or(|(d, _)| *d != today) {
            facts = Some((today, HashMap::from([(1, facts_on(c, today))])));
        }
        let found = engine::due(std::slice::from_ref(&rule), &facts.as_ref().expect("facts").1, t);
        let (deliver, missed) = engine::select(found, |d: &Due| stored.contains(&d.key), &newest);
        for d in &deliver {
            assert!(stored.insert(d.key.clone()), "{} delivered twice", d.key);
        }
        for d in deliver.iter().chain(&missed) {
            stored.insert(d.key.clone());
            let e = newest.entry(d.group()).or_insert(d.fire_instant);
            *e = (*e).max(d.fire_instant);
        }
        out.extend(deliver.into_iter().map(|d| (d.key, t, d.late)));
    }
    out.sort();
    out
}

fn what() -> impl Strategy<Value = What> {
    let fraction = (0u8..=100).prop_map(|p| f64::from(p) / 100.0);
    prop_oneof![
        2 => Just(What::Checkin),
        1 => (1u32..12).prop_map(What::Silence),
        1 => (1u32..6).prop_map(What::StreakRisk),
        1 => (prop::option::of(fraction.clone()), prop::option::of(fraction))
            .prop_filter("a threshold or a fall", |(t, p)| t.is_some() || p.is_some())
            .prop_map(|(t, p)| What::ScoreDrop(t, p)),
        1 => Just(What::FollowupDue),
    ]
}

fn case() -> impl Strategy<Value = Case> {
    (
        (0usize..4, prop_oneof![Just(0u32), Just(240)], 0u32..1440, 1u8..128, what()),
        prop::option::of((0u32..96, 0u32..96)),
        (0i64..(20 * 24 * 60), prop::collection::hash_set(0i64..370, 0..150), prop::option::of((0i64..360, 0i64..14))),
        prop::collection::vec((0i64..(365 * 24 * 60), prop_oneof![1i64..120, 120i64..(4 * 24 * 60)]), 0..25),
        // Scores drift by a few points a day, so that thresholds and falls are crossed now and then.
        prop::collection::vec(-6i8..=6, 380).prop_map(|steps| {
            let mut s = 50i32;
            steps.into_iter().map(|d| {
                s = (s + i32::from(d)).clamp(0, 100);
                s as u8
            }).collect::<Vec<u8>>()
        }),
        prop::collection::vec((0i64..365, prop::option::of(0i64..30)), 0..4),
    )
        .prop_map(|((z, day_start, at, weekdays, what), quiet, (created, logged, absent), closed, scores, followups)| Case {
            zone: ZONES[z],
            day_start,
            what,
            at: hhmm(at),
            weekdays,
            quiet: quiet.map(|(a, b)| (hhmm(a * 15), hhmm(b * 15))),
            created_after_minutes: created,
            logged,
            absent,
            scores,
            followups: followups.into_iter().map(|(due, open_for)| (due, open_for.map(|n| due + n))).collect(),
            closed,
            days: 365,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn the_engine_fires_what_the_minute_model_fires(c in case()) {
        let (want, got) = (model(&c), engine_run(&c));
        prop_assert_eq!(&got, &want, "{:?} zone {} at {} quiet {:?} day start {}", c.what, c.zone, c.at, c.quiet, c.day_start);
    }
}

fn plain(zone: &'static str, what: What, at: u32) -> Case {
    Case {
        zone,
        day_start: 0,
        what,
        at: hhmm(at),
        weekdays: 0x7f,
        quiet: None,
        created_after_minutes: 0,
        logged: HashSet::new(),
        absent: None,
        scores: vec![50; 380],
        followups: Vec::new(),
        closed: Vec::new(),
        days: 365,
    }
}

/// The zones' hard days, each checked on its own: Lord Howe's 30-minute shift (02:00 -> 02:30 on
/// 2026-10-04) and Amsterdam's fold, with an app that never closes.
#[test]
fn lord_howe_and_a_fold_fire_once_at_the_first_minute() {
    for (zone, at) in [("Australia/Lord_Howe", 2 * 60 + 10), ("Europe/Amsterdam", 2 * 60 + 30), ("Asia/Kathmandu", 0)] {
        let c = plain(zone, What::Checkin, at);
        let (want, got) = (model(&c), engine_run(&c));
        assert_eq!(got, want, "{zone}");
        assert!(got.len() >= 364, "{zone}: {}", got.len());
        let keys: HashSet<_> = got.iter().map(|g| &g.0).collect();
        assert_eq!(keys.len(), got.len(), "{zone}: an occurrence fired twice");
    }
}

/// Each kind fires in a plain year, so the random cases compare something: a silence after each gap, a
/// streak at risk, a score under its threshold once a week, and a follow-up every day it is overdue.
#[test]
fn every_kind_fires_in_a_plain_year() {
    let mut c = plain("Europe/Amsterdam", What::Silence(3), 9 * 60);
    c.logged = (0..370).filter(|i| i % 10 == 0).collect();
    let fired = engine_run(&c);
    assert_eq!(fired, model(&c));
    assert_eq!(fired.len(), 37, "one silence per ten-day gap: {fired:?}");
    assert!(fired.iter().all(|f| f.0.starts_with("silence-since-")));

    c.what = What::StreakRisk(2);
    c.logged = HashSet::from([9, 10]);
    let fired = engine_run(&c);
    assert_eq!(fired, model(&c));
    assert_eq!(fired.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(), ["2026-01-11"], "two days logged before the 11th, none after");

    let mut c = plain("America/New_York", What::ScoreDrop(Some(0.6), None), 9 * 60);
    let fired = engine_run(&c);
    assert_eq!(fired, model(&c));
    assert_eq!(fired.len(), 53, "once per ISO week under 60%: {}", fired.len());

    c.what = What::FollowupDue;
    c.followups = vec![(10, Some(15))];
    let fired: Vec<_> = engine_run(&c).into_iter().map(|f| f.0).collect();
    assert_eq!(fired, ["followup-1-2026-01-10", "followup-1-2026-01-11", "followup-1-2026-01-12", "followup-1-2026-01-13", "followup-1-2026-01-14"]);
}
