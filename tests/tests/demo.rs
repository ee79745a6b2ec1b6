//! The demo-data generator: reproducible, realistic, and complete enough to exercise every feature.

mod common;

use std::collections::{HashMap, HashSet};

use cadence_core::demo::DemoSpec;
use cadence_core::ActionQuery;
use chrono::{Datelike, NaiveDate, Weekday};
use common::open_at;

#[test]
fn demo_data_is_reproducible_and_realistic() {
    let spec = DemoSpec { people: 2, years: 1, seed: 7, per_day: 6.0 };
    let (_d1, mut a) = open_at("2026-11-27T17:00:00Z");
    let (_d2, mut b) = open_at("2026-11-27T17:00:00Z");
    let sa = a.demo_data(&spec).expect("demo a");
    let sb = b.demo_data(&spec).expect("demo b");
    assert_eq!(sa.actions, sb.actions);
    assert_eq!(a.self_person().expect("self").map(|p| p.id), Some(sa.people[0]), "opens on the first leader");
    assert!(sa.actions > 2 * 200 * 3, "a year of history: {}", sa.actions);
    let la = a.list_actions(&ActionQuery::default()).expect("list a");
    let lb = b.list_actions(&ActionQuery::default()).expect("list b");
    assert_eq!(la.len() as u64, sa.actions);
    assert_eq!(
        la.iter().map(|x| (&x.local_date, &x.note, &x.category)).collect::<Vec<_>>(),
        lb.iter().map(|x| (&x.local_date, &x.note, &x.category)).collect::<Vec<_>>()
    );

    let categories: HashSet<_> = la.iter().map(|x| x.category.as_str()).collect();
    assert_eq!(categories.len(), 3, "all categories");
    let channels: HashSet<_> = la.iter().filter_map(|x| x.channel.as_deref()).collect();
    assert!(channels.len() >= 8, "most channels: {channels:?}");
    assert!(la.iter().any(|x| !x.audiences.is_empty()) && la.iter().any(|x| !x.values.is_empty()));

    // Weekday rhythm: weekends are far quieter than mid-week.
    let mut per_weekday: HashMap<Weekday, usize> = HashMap::new();
    for x in &la {
        let d = NaiveDate::parse_from_str(&x.local_date, "%Y-%m-%d").expect("date");
        *per_weekday.entry(d.weekday()).or_default() += 1;
    }
    assert!(per_weekday[&Weekday::Wed] > 5 * per_weekday.get(&Weekday::Sun).copied().unwrap_or(0));
    // Nothing in the future, and every day is the actions's own local date.
    assert!(la.iter().all(|x| x.local_date.as_str() <= "2026-11-27"));
}

#[test]
fn demo_data_rejects_silly_sizes() {
    let (_d, mut db) = open_at("2026-11-27T17:00:00Z");
    assert!(db.demo_data(&DemoSpec { people: 0, ..DemoSpec::default() }).is_err());
    assert!(db.demo_data(&DemoSpec { years: 0, ..DemoSpec::default() }).is_err());
}

#[test]
fn demo_data_twice_at_the_same_instant_adds_more() {
    let (_d, mut db) = open_at("2026-11-27T17:00:00Z");
    let spec = DemoSpec { people: 1, years: 1, seed: 1, per_day: 2.0 };
    let first = db.demo_data(&spec).expect("first");
    let second = db.demo_data(&spec).expect("second run, same seed, same clock");
    assert_eq!(first.actions, second.actions);
    assert_eq!(db.people().expect("people").len(), 2, "names do not clash either");
}
