//! What the reminder engine needs to know about each person now, read from the database: their clock and
//! calendar (working days, absences), today's and yesterday's counts, each category's last action, open
//! promises and, when a rule needs them, score summaries. The engine itself ([`super::engine`]) stays pure.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::params;

use super::engine::Facts;
use super::preview::PREVIEW_DAYS;
use crate::db::Db;
use crate::error::Result;
use crate::people::person_clock;
use crate::stats::series::Calendar;
use crate::time::local_date;

impl Db {
    /// What the engine needs to know about these people now. Scores only when a rule needs them.
    pub(super) fn facts(&self, people: &[i64], with_scores: bool, now: DateTime<Utc>) -> Result<HashMap<i64, Facts>> {
        let me = self.self_person()?.map(|p| p.id);
        let locale = self.locale();
        let mut out = HashMap::new();
        for &id in people {
            if out.contains_key(&id) {
                continue;
            }
            let clock = person_clock(&self.conn, id)?;
            let today = local_date(now, &clock.zone, clock.day_start);
            let yesterday = today - Duration::days(1);
            let (name, created): (String, i64) =
                self.conn.query_row("SELECT name, created_at FROM people WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            let counts: HashMap<NaiveDate, u32> = self
                .conn
                .prepare_cached(
                    "SELECT local_date, count(*) FROM actions WHERE person_id = ?1 AND local_date BETWEEN ?2 AND ?3 GROUP BY local_date",
                )?
                .query_map(params![id, yesterday.to_string(), today.to_string()], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))?
                .filter_map(|r| r.ok())
                .filter_map(|(d, n)| crate::time::parse_date("localDate", &d).ok().map(|d| (d, n)))
                .collect();
            let last: HashMap<String, NaiveDate> = self
                .conn
                .prepare_cached(
                    "SELECT c.key, (SELECT max(a.local_date) FROM actions a WHERE a.person_id = ?1 AND a.category_id = c.id
                                    AND a.local_date <= ?2) FROM categories c",
                )?
                .query_map(params![id, today.to_string()], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?)))?
                .filter_map(|r| r.ok())
                .filter_map(|(k, d)| d.and_then(|d| crate::time::parse_date("localDate", &d).ok()).map(|d| (k, d)))
                .collect();
            let (scores, streak) = if with_scores { self.score_summary(id, today)? } else { (HashMap::new(), 0) };
            let followups = self
                .followups(Some(&id.to_string()), Some("open"))?
                .into_iter()
                .filter_map(|f| crate::time::parse_date("due", &f.due).ok().map(|d| (f.id, f.text, d)))
                .collect();
            let since = DateTime::<Utc>::from_timestamp_millis(created).map(|t| local_date(t, &clock.zone, clock.day_start)).unwrap_or(today);
            out.insert(
                id,
                Facts {
                    name,
                    name_in_title: me.is_some_and(|m| m != id),
                    zone: clock.zone,
                    day_start: clock.day_start,
                    // Absences matter back to where a silence's first day may lie (after_days is at most 365) and
                    // ahead over the preview's days (the last it asks about is day PREVIEW_DAYS: a quiet end on
                    // day 61 only finds occurrences of days 60 and 61, and day 61's fire time lies after it).
                    calendar: Calendar::new(clock.working_days, self.absence_ranges(id, today - Duration::days(400), today + Duration::days(i64::from(PREVIEW_DAYS)))?),
                    counts,
                    last,
                    scores,
                    streak,
                    since,
                    followups,
                    locale,
                },
            );
        }
        Ok(out)
    }

}
