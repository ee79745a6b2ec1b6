//! Helpers shared by the integration tests: a real database file in a temporary folder at a fixed "now".
#![allow(dead_code)]

use cadence_core::time::FixedClock;
use cadence_core::{Db, NewPerson};
use chrono::{DateTime, Utc};

pub fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).expect("test instant").with_timezone(&Utc)
}

/// A fresh database file at `now`, with the temp folder kept alive by the caller.
pub fn open_at(now: &str) -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = Db::open_with_clock(&dir.path().join("cadence.sqlite3"), Box::new(FixedClock(at(now)))).expect("open");
    (dir, db)
}

pub fn person(db: &mut Db, name: &str, tz: &str) -> i64 {
    db.add_person(&NewPerson { name: name.into(), tz: Some(tz.into()), ..NewPerson::default() }).expect("person").id
}

/// Rows in a table, to prove that failed writes wrote nothing.
pub fn count(db: &Db, table: &str) -> i64 {
    let conn = rusqlite::Connection::open(db.path()).expect("second connection");
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).expect("count")
}
