//! Criterion benchmark of one reminder-engine pass: 50 people with 10 rules each (500 rules), every kind,
//! at an instant where many are due. Target: under 5 ms.

use std::collections::HashMap;
use std::hint::black_box;

use cadence_core::reminders::engine::{due, Facts, Kind, Rule};
use cadence_core::stats::series::Calendar;
use cadence_core::time::{WorkingDays, Zone};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use criterion::{criterion_group, criterion_main, Criterion};

fn setup() -> (Vec<Rule>, HashMap<i64, Facts>, DateTime<Utc>) {
    let now = DateTime::parse_from_rfc3339("2026-11-25T16:30:00Z").map(|d| d.with_timezone(&Utc)).unwrap_or_default();
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default();
    let zones = ["Europe/Amsterdam", "America/New_York", "Europe/London", "Asia/Tokyo"];
    let kinds = [Kind::Checkin, Kind::Silence, Kind::ScoreDrop, Kind::StreakRisk, Kind::FollowupDue];
    let categories = ["open-communication", "visible-participation", "follow-up"];
    let mut rules = Vec::new();
    let mut facts = HashMap::new();
    for p in 0..50i64 {
        let zone = Zone::parse(zones[p as usize % zones.len()]).unwrap_or(Zone::Iana(chrono_tz::UTC));
        let mut last = HashMap::new();
        let mut scores = HashMap::new();
        for (i, c) in categories.iter().enumerate() {
            last.insert(c.to_string(), today - Duration::days((p + i as i64) % 9));
            scores.insert(c.to_string(), (0.4 + 0.01 * (p % 40) as f64, 0.6));
        }
        facts.insert(
            p,
            Facts {
                name: format!("Leader {p}"),
                name_in_title: p != 0,
                zone,
                day_start: 0,
                calendar: Calendar::new(WorkingDays::default(), vec![(today + Duration::days(10), today + Duration::days(20))]),
                counts: HashMap::from([(today, (p % 3) as u32)]),
                last,
                scores,
                streak: (p % 20) as u32,
                since: today - Duration::days(400),
                followups: (0..3).map(|f| (p * 10 + f, format!("Promise {f}"), today - Duration::days(f))).collect(),
                locale: cadence_core::Locale::En,
            },
        );
        for r in 0..10i64 {
            let kind = kinds[r as usize % kinds.len()];
            rules.push(Rule {
                id: p * 10 + r,
                person_id: p,
                kind,
                at: NaiveTime::from_hms_opt(8 + (r % 9) as u32, 30, 0).unwrap_or_default(),
                weekdays: None,
                category: Some((categories[r as usize % 3].to_string(), "Open communication".to_string())),
                after_days: 3,
                threshold: Some(0.5),
                drop_points: Some(0.1),
                min_streak: 2,
                quiet: (r % 4 == 0).then(|| (NaiveTime::from_hms_opt(22, 0, 0).unwrap_or_default(), NaiveTime::from_hms_opt(7, 0, 0).unwrap_or_default())),
                paused: false,
                created: now - Duration::days(30),
            });
        }
    }
    (rules, facts, now)
}

fn engine(c: &mut Criterion) {
    let (rules, facts, now) = setup();
    let found = due(&rules, &facts, now);
    println!("engine pass: {} rules for {} people, {} occurrences due", rules.len(), facts.len(), found.len());
    c.bench_function("engine/50-people-10-rules", |b| b.iter(|| black_box(due(&rules, &facts, now))));
}

criterion_group!(benches, engine);
criterion_main!(benches);
