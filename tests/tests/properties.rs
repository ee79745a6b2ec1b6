//! Property tests of the statistics: order of insertion never matters, more actions never hurt,
//! non-counted days only ever bridge.

mod common;

use cadence_core::stats::series::{Calendar, DaySeries};
use cadence_core::stats::{score, streaks};
use cadence_core::time::WorkingDays;
use cadence_core::{NewAction, NewPerson, Per, StatsQuery, Target};
use chrono::{Duration, NaiveDate};
use proptest::prelude::*;

const DAYS: usize = 120;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).expect("date")
}

fn series(actions: &[(usize, usize)], working: u8, absences: Vec<(NaiveDate, NaiveDate)>) -> DaySeries {
    let calendar = Calendar::new(WorkingDays(working), absences);
    let mut s = DaySeries::empty(as_of(), DAYS, 3, calendar);
    for &(day, cat) in actions {
        s.add(s.date(day), Some(cat), 1);
    }
    s
}

fn targets() -> impl Strategy<Value = Target> {
    (1u32..5, prop_oneof![Just(Per::Week), Just(Per::Day)]).prop_map(|(times, per)| Target { times, per })
}

fn actions() -> impl Strategy<Value = Vec<(usize, usize)>> {
    prop::collection::vec((0..DAYS, 0usize..3), 0..200)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn adding_an_action_never_shortens_a_streak_or_lowers_a_score(
        base in actions(), extra in (0..DAYS, 0usize..3), target in targets(), working in 1u8..128,
    ) {
        let before = series(&base, working, vec![]);
        let mut more = base.clone();
        more.push(extra);
        let after = series(&more, working, vec![]);
        let (d0, d1) = (streaks::daily_streak(&before.totals, &before.counted), streaks::daily_streak(&after.totals, &after.counted));
        prop_assert!(d1.current >= d0.current && d1.best >= d0.best);
        for c in 0..3 {
            let s0 = streaks::category_streak(&before.by_category[c], &before, target);
            let s1 = streaks::category_streak(&after.by_category[c], &after, target);
            prop_assert!(s1.current >= s0.current && s1.best >= s0.best, "{s0:?} -> {s1:?}");
            let per_week = before.calendar.working_per_week();
            let sc0 = score::scores(&before.by_category[c], &before.counted, target, per_week);
            let sc1 = score::scores(&after.by_category[c], &after.counted, target, per_week);
            for (a, b) in sc0.iter().zip(&sc1) {
                prop_assert!(b + 1e-12 >= *a, "score fell from {a} to {b}");
            }
        }
    }

    #[test]
    fn absence_only_bridges(base in actions(), from in 0..DAYS, len in 0usize..20, working in 1u8..128) {
        let plain = series(&base, working, vec![]);
        let start = plain.date(from);
        let away = series(&base, working, vec![(start, start + Duration::days(len as i64))]);
        let (a, b) = (streaks::daily_streak(&plain.totals, &plain.counted), streaks::daily_streak(&away.totals, &away.counted));
        prop_assert!(b.current >= a.current && b.best >= a.best, "{a:?} -> {b:?}");
    }

    #[test]
    fn fewer_working_days_only_bridge(base in actions(), working in 1u8..128, drop in 0u32..7) {
        let fewer = working & !(1 << drop);
        prop_assume!(fewer != 0);
        let (a, b) = (series(&base, working, vec![]), series(&base, fewer, vec![]));
        let (sa, sb) = (streaks::daily_streak(&a.totals, &a.counted), streaks::daily_streak(&b.totals, &b.counted));
        prop_assert!(sb.current >= sa.current && sb.best >= sa.best);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// The same actions logged in any order give the same statistics.
    #[test]
    fn insertion_order_never_changes_results(
        entries in prop::collection::vec((0i64..60, 0usize..3, 0u32..24), 1..40),
        seed in any::<u64>(),
    ) {
        let keys = ["open-communication", "visible-participation", "follow-up"];
        let mut shuffled = entries.clone();
        fastrand_shuffle(&mut shuffled, seed);
        let mut results = Vec::new();
        for list in [&entries, &shuffled] {
            let (_dir, mut db) = common::open_at("2026-11-27T18:00:00Z");
            let p = db.add_person(&NewPerson { name: "Anna".into(), tz: Some("Europe/Amsterdam".into()), ..Default::default() })
                .expect("person").id.to_string();
            for &(back, cat, hour) in list.iter() {
                db.log_action(&NewAction {
                    person: p.clone(),
                    category: keys[cat].into(),
                    date: Some((as_of() - Duration::days(back)).to_string()),
                    time: Some(format!("{hour:02}:00")),
                    ..Default::default()
                }).expect("log");
            }
            let stats = db.stats(&StatsQuery { person: p.clone(), as_of: Some("2026-11-27".into()), range_days: Some(30) }).expect("stats");
            let team = db.team(Some("2026-11-27")).expect("team");
            results.push((stats, team));
        }
        prop_assert_eq!(&results[0], &results[1]);
    }
}

/// A deterministic shuffle (Fisher-Yates with an xorshift), so failures reproduce from the seed.
fn fastrand_shuffle<T>(items: &mut [T], seed: u64) {
    let mut x = seed | 1;
    for i in (1..items.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        items.swap(i, (x % (i as u64 + 1)) as usize);
    }
}
