//! Noticing that a day has begun. A window left open past midnight (or past a person's day start) must show
//! the new day without a restart, and what "today" is for a person is the core's answer (their zone and day
//! start, on the injected clock), never the webview's clock. The app asks [`DayWatch::observe`] on each
//! scheduler tick and tells the window when the answer changed; the window then asks again what it shows.

use chrono::NaiveDate;
use serde::Serialize;

use crate::error::Result;
use crate::Db;

/// One person's local date now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonDay {
    pub person_id: i64,
    /// `YYYY-MM-DD`.
    pub date: String,
}

/// What the window is told when a day began for someone: today for the app's user, and for everyone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct DayChange {
    /// Today for the app's user (`YYYY-MM-DD`); `None` before onboarding.
    pub me: Option<String>,
    pub people: Vec<PersonDay>,
}

impl Db {
    /// Today for every person (their zone and day start), by id.
    pub fn todays(&self) -> Result<Vec<(i64, NaiveDate)>> {
        crate::service::actions::todays(&crate::store::Store::reader(self), self.clock.now())
    }
}

/// Remembers the dates last seen, to tell when one of them moved on.
#[derive(Debug, Default)]
pub struct DayWatch {
    last: Option<Vec<(i64, NaiveDate)>>,
}

impl DayWatch {
    pub fn new() -> DayWatch {
        DayWatch::default()
    }

    /// Reads today for everyone; returns the change when a date differs from the last observation (a day
    /// began, the clock was set back, a person was added or their zone edited). The first observation only
    /// records: the window read today itself when it opened.
    pub fn observe(&mut self, db: &Db) -> Result<Option<DayChange>> {
        let now = db.todays()?;
        let me = db.self_person()?.map(|p| p.id);
        Ok(self.record(now, me))
    }

    fn record(&mut self, now: Vec<(i64, NaiveDate)>, me: Option<i64>) -> Option<DayChange> {
        let changed = self.last.as_ref().is_some_and(|last| *last != now);
        let change = changed.then(|| DayChange {
            me: me.and_then(|id| now.iter().find(|(p, _)| *p == id)).map(|(_, d)| d.to_string()),
            people: now.iter().map(|(id, d)| PersonDay { person_id: *id, date: d.to_string() }).collect(),
        });
        self.last = Some(now);
        change
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::FixedClock;
    use crate::NewPerson;
    use chrono::{DateTime, Utc};

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).expect("instant").with_timezone(&Utc)
    }

    fn db_at(dir: &tempfile::TempDir, now: &str) -> Db {
        Db::open_dir_with_clock(dir.path(), Box::new(FixedClock(at(now)))).expect("db")
    }

    fn person(db: &mut Db, name: &str, tz: &str, day_start: Option<&str>) -> i64 {
        let input = NewPerson {
            name: name.into(),
            tz: Some(tz.into()),
            day_start: day_start.map(String::from),
            ..NewPerson::default()
        };
        db.add_person(&input).expect("person").id
    }

    #[test]
    fn todays_follow_each_persons_zone_and_day_start() {
        // 23:30 UTC on 1 December: 00:30 on the 2nd in Amsterdam, still the 1st in New York, and the 1st for
        // an Amsterdam leader whose day starts at 04:00.
        let dir = tempfile::tempdir().expect("tempdir");
        let mut db = db_at(&dir, "2026-12-01T23:30:00Z");
        let ams = person(&mut db, "Anna", "Europe/Amsterdam", None);
        let ny = person(&mut db, "Noah", "America/New_York", None);
        let late = person(&mut db, "Lotte", "Europe/Amsterdam", Some("04:00"));
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
        assert_eq!(
            db.todays().expect("todays"),
            vec![(ams, day("2026-12-02")), (ny, day("2026-12-01")), (late, day("2026-12-01"))]
        );
    }

    #[test]
    fn the_watch_tells_only_when_a_date_moved() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
        let mut watch = DayWatch::new();
        assert_eq!(watch.record(vec![(1, d("2026-12-01")), (2, d("2026-12-01"))], Some(1)), None, "first look records");
        assert_eq!(watch.record(vec![(1, d("2026-12-01")), (2, d("2026-12-01"))], Some(1)), None, "same day");
        let change = watch.record(vec![(1, d("2026-12-01")), (2, d("2026-12-02"))], Some(1)).expect("a day began for 2");
        assert_eq!(change.me.as_deref(), Some("2026-12-01"));
        assert_eq!(change.people[1], PersonDay { person_id: 2, date: "2026-12-02".into() });
        let change = watch.record(vec![(1, d("2026-12-02")), (2, d("2026-12-02"))], Some(1)).expect("and for 1");
        assert_eq!(change.me.as_deref(), Some("2026-12-02"));
        assert_eq!(watch.record(vec![(1, d("2026-12-02")), (2, d("2026-12-02"))], None), None);
    }

    #[test]
    fn observe_reads_the_database_on_its_clock() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut db = db_at(&dir, "2026-12-01T22:59:00Z");
        let me = person(&mut db, "Anna", "Europe/Amsterdam", None);
        db.set_self(me).expect("me");
        let mut watch = DayWatch::new();
        assert_eq!(watch.observe(&db).expect("observe"), None);
        db.clock = Box::new(FixedClock(at("2026-12-01T23:01:00Z")));
        let change = watch.observe(&db).expect("observe").expect("midnight in Amsterdam");
        assert_eq!(change.me.as_deref(), Some("2026-12-02"));
    }
}
