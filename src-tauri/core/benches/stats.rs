//! Criterion benchmarks of the statistics on `demo-data` histories (release build):
//! - `stats/one-person-5y`: the full dashboard statistics for one leader with 5 years at ~15 actions a day;
//! - `sql/per-day-counts`: the fastest plain SQL computing the same per-day, per-category counts;
//! - `team/50-people-5y`: the team overview over 50 such leaders.
//! After criterion's runs, the two single-person figures are timed again interleaved in the same process
//! and their median ratio is printed, as the README quotes it.

use std::hint::black_box;
use std::time::{Duration, Instant};

use cadence_core::demo::{DemoSpec, DEFAULT_PER_DAY};
use cadence_core::time::FixedClock;
use cadence_core::{Db, StatsQuery};
use chrono::{DateTime, Utc};
use criterion::{criterion_group, criterion_main, Criterion};

const AS_OF: &str = "2026-11-27";

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-27T17:00:00Z").map(|d| d.with_timezone(&Utc)).unwrap_or_default()
}

fn demo(people: u32) -> (tempfile::TempDir, Db, Duration) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut db = Db::open_with_clock(&dir.path().join("cadence.sqlite3"), Box::new(FixedClock(now()))).expect("open");
    let started = Instant::now();
    let summary = db.demo_data(&DemoSpec { people, years: 5, seed: 42, per_day: DEFAULT_PER_DAY }).expect("demo data");
    let took = started.elapsed();
    let days = 5.0 * 365.0 * f64::from(people);
    println!(
        "demo data: {people} people x 5 years = {} actions ({:.1} per person per day), generated in {:.2} s",
        summary.actions,
        summary.actions as f64 / days,
        took.as_secs_f64()
    );
    (dir, db, took)
}

fn query() -> StatsQuery {
    StatsQuery { person: "1".into(), as_of: Some(AS_OF.into()), range_days: Some(90) }
}

/// The baseline: one grouped query over the covering index, rows collected.
fn sql_per_day_counts(db: &Db) -> Vec<(String, i64, i64)> {
    let conn = rusqlite::Connection::open(db.path()).expect("second connection");
    sql_with(&conn)
}

fn sql_with(conn: &rusqlite::Connection) -> Vec<(String, i64, i64)> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT local_date, category_id, count(*) FROM actions WHERE person_id = 1 AND local_date <= ?1
             GROUP BY local_date, category_id",
        )
        .expect("prepare");
    stmt.query_map([AS_OF], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("query")
        .collect::<rusqlite::Result<Vec<_>>>()
        .expect("rows")
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn single_person(c: &mut Criterion) {
    let (_dir, db, _) = demo(1);
    assert!(!sql_per_day_counts(&db).is_empty());
    let conn = rusqlite::Connection::open(db.path()).expect("second connection");
    let mut group = c.benchmark_group("one-person-5y");
    group.sample_size(30).measurement_time(Duration::from_secs(5));
    group.bench_function("stats", |b| b.iter(|| black_box(db.stats(&query()).expect("stats"))));
    group.bench_function("sql-per-day-counts", |b| b.iter(|| black_box(sql_with(&conn))));
    group.finish();

    let (mut ours, mut base) = (Vec::new(), Vec::new());
    for _ in 0..60 {
        let t = Instant::now();
        black_box(db.stats(&query()).expect("stats"));
        ours.push(t.elapsed().as_secs_f64());
        let t = Instant::now();
        black_box(sql_with(&conn));
        base.push(t.elapsed().as_secs_f64());
    }
    let (o, b) = (median(ours), median(base));
    println!(
        "interleaved medians: stats {:.2} ms, plain SQL per-day counts {:.2} ms, ratio {:.2}x (target: stats < 30 ms, ratio < 3x)",
        o * 1e3,
        b * 1e3,
        o / b
    );
}

fn team(c: &mut Criterion) {
    let (_dir, db, took) = demo(50);
    println!("demo data for 50 people x 5 years took {:.2} s in-process (target for the CLI: < 15 s)", took.as_secs_f64());
    let mut group = c.benchmark_group("team-50-people-5y");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    group.bench_function("team", |b| b.iter(|| black_box(db.team(Some(AS_OF)).expect("team"))));
    group.finish();
}

criterion_group!(benches, single_person, team);
criterion_main!(benches);
