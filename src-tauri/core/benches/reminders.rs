//! The real reminder tick: `Db::run_reminders` as the scheduler calls it (facts from SQL, score summaries per
//! person) for 50 people x 10 rules on 5 years of `demo-data` history (release build). Target: under 20 ms.
//!
//! Printed: the first pass (nothing cached: every person's statistics computed, occurrences written), then
//! criterion's figure for the steady tick the scheduler runs every 30 s (the file unchanged since the last
//! pass), a tick right after an action was logged (only that leader's summary recomputed), and the floor: the plain SQL
//! that reads the same rules and today's counts.

use std::hint::black_box;
use std::time::{Duration, Instant};

use cadence_core::demo::{DemoSpec, DEFAULT_PER_DAY};
use cadence_core::time::FixedClock;
use cadence_core::{Db, NewAction, NewRule};
use chrono::{DateTime, Utc};
use criterion::{criterion_group, criterion_main, Criterion};

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-27T17:00:00Z").map(|d| d.with_timezone(&Utc)).unwrap_or_default()
}

fn world() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().expect("tempdir");
    let made = now() - chrono::Duration::days(30);
    let mut db = Db::open_with_clock(&dir.path().join("cadence.sqlite3"), Box::new(FixedClock(made))).expect("open");
    db.demo_data(&DemoSpec { people: 50, years: 5, seed: 42, per_day: DEFAULT_PER_DAY }).expect("demo data");
    let kinds = ["checkin", "silence", "score-drop", "streak-risk", "followup-due"];
    for p in db.people().expect("people") {
        for r in 0..10 {
            let kind = kinds[r % kinds.len()];
            let mut rule = NewRule { person: p.id.to_string(), kind: kind.into(), at: Some(format!("{:02}:30", 8 + r)), ..Default::default() };
            match kind {
                "silence" => (rule.category, rule.after_days) = (Some("open-communication".into()), Some(3)),
                "score-drop" => (rule.category, rule.threshold, rule.drop_points) = (Some("follow-up".into()), Some(0.5), Some(10.0)),
                _ => {}
            }
            db.add_rule(&rule).expect("rule");
        }
    }
    db.set_clock(Box::new(FixedClock(now())));
    (dir, db)
}

fn floor(conn: &rusqlite::Connection) -> usize {
    let mut stmt = conn
        .prepare_cached(
            "SELECT r.id, r.kind, r.at_time, (SELECT count(*) FROM actions a WHERE a.person_id = r.person_id AND a.local_date = '2026-11-27')
             FROM reminder_rules r WHERE r.paused = 0",
        )
        .expect("prepare");
    stmt.query_map([], |r| r.get::<_, i64>(0)).expect("query").count()
}

fn tick(c: &mut Criterion) {
    let (_dir, mut db) = world();
    let t = Instant::now();
    let fired = db.run_reminders().expect("first pass");
    println!("reminder tick, first pass (50 people x 10 rules, 5 years, nothing cached): {:.1} ms, {} delivered", t.elapsed().as_secs_f64() * 1e3, fired.len());
    let conn = rusqlite::Connection::open(db.path()).expect("second connection");
    let mut group = c.benchmark_group("reminders-50x10-5y");
    group.sample_size(20).measurement_time(Duration::from_secs(8));
    group.bench_function("steady-tick", |b| b.iter(|| black_box(db.run_reminders().expect("tick"))));
    group.bench_function("floor-plain-sql", |b| b.iter(|| black_box(floor(&conn))));
    group.finish();
    let mut after_log = Vec::new();
    for i in 0..5 {
        db.log_action(&NewAction { person: "1".into(), category: "follow-up".into(), note: Some(format!("bench {i}")), ..Default::default() }).expect("log");
        let t = Instant::now();
        black_box(db.run_reminders().expect("tick"));
        after_log.push(t.elapsed().as_secs_f64() * 1e3);
    }
    after_log.sort_by(f64::total_cmp);
    println!("reminder tick right after an action was logged (that person's summary recomputed): median {:.1} ms", after_log[2]);
}

criterion_group!(benches, tick);
criterion_main!(benches);
