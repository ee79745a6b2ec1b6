//! The inbox: every occurrence that fired, the source of truth behind the desktop notifications.
//! Entries are snoozed (15 minutes, an hour, tomorrow 09:00 in the leader's zone), dismissed or acted on.

use chrono::{DateTime, Duration, NaiveTime, Utc};
use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;

use super::rfc3339;
use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::i18n::Msg;
use crate::people::person_clock;
use crate::time::local_date;

/// An inbox entry: a fired occurrence and what was done with it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct InboxItem {
    pub id: i64,
    pub rule_id: i64,
    pub person_id: i64,
    pub person_name: String,
    #[ts(as = "super::engine::Kind")]
    pub kind: String,
    pub category: Option<String>,
    pub followup_id: Option<i64>,
    pub key: String,
    pub fire_at: String,
    pub fired_at: String,
    pub late: bool,
    /// `fired`, `snoozed`, `dismissed` or `acted`.
    #[ts(type = r#""fired" | "snoozed" | "dismissed" | "acted""#)]
    pub state: String,
    pub snoozed_until: Option<String>,
    pub seen: bool,
    pub title: String,
    pub body: String,
}

const INBOX_SQL: &str = "SELECT o.id, o.rule_id, o.person_id, p.name, o.kind, o.category, o.followup_id, o.occurrence,
        o.fire_at, o.fired_at, o.late, o.state, o.snoozed_until, o.seen, o.title, o.body, p.tz
     FROM reminder_occurrences o JOIN people p ON p.id = o.person_id";

/// An occurrence still worth showing: its person is not archived and its promise (if any) not deleted. The
/// others rest, kept, and come back when the person is restored or the delete undone.
pub(crate) const LIVE: &str = "o.person_id NOT IN (SELECT id FROM people WHERE archived_at IS NOT NULL)
     AND (o.followup_id IS NULL OR o.followup_id NOT IN (SELECT id FROM followups WHERE deleted_at IS NOT NULL))";

fn inbox_item(r: &Row<'_>) -> rusqlite::Result<InboxItem> {
    let tz: String = r.get(16)?;
    Ok(InboxItem {
        id: r.get(0)?,
        rule_id: r.get(1)?,
        person_id: r.get(2)?,
        person_name: r.get(3)?,
        kind: r.get(4)?,
        category: r.get(5)?,
        followup_id: r.get(6)?,
        key: r.get(7)?,
        fire_at: rfc3339(r.get(8)?, &tz),
        fired_at: rfc3339(r.get(9)?, &tz),
        late: r.get(10)?,
        state: r.get(11)?,
        snoozed_until: r.get::<_, Option<i64>>(12)?.map(|ms| rfc3339(ms, &tz)),
        seen: r.get(13)?,
        title: r.get(14)?,
        body: r.get(15)?,
    })
}

impl Db {
    /// The inbox: entries waiting (fired or snoozed), newest first; with `all`, handled ones too. Occurrences
    /// a catch-up passed over (missed) were never delivered and are not shown.
    pub fn inbox(&self, all: bool) -> Result<Vec<InboxItem>> {
        let filter = if all { format!("WHERE o.missed = 0 AND {LIVE}") } else { format!("WHERE o.missed = 0 AND o.state IN ('fired', 'snoozed') AND {LIVE}") };
        Ok(self
            .conn
            .prepare_cached(&format!("{INBOX_SQL} {filter} ORDER BY coalesce(o.refired_at, o.fired_at) DESC, o.id DESC LIMIT 200"))?
            .query_map([], inbox_item)?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Entries fired and not yet seen.
    pub fn unread_count(&self) -> Result<u32> {
        let sql = format!("SELECT count(*) FROM reminder_occurrences o WHERE o.state = 'fired' AND o.seen = 0 AND {LIVE}");
        Ok(self.conn.query_row(&sql, [], |r| r.get(0))?)
    }

    pub fn inbox_item(&self, id: i64) -> Result<InboxItem> {
        self.conn
            .prepare_cached(&format!("{INBOX_SQL} WHERE o.id = ?1"))?
            .query_row([id], inbox_item)
            .optional()?
            .ok_or_else(|| CoreError::not_found("reminder", id.to_string()))
    }

    /// Snoozes an entry: `15m`, `1h` or `tomorrow` (09:00 the next local day of its person).
    pub fn snooze(&mut self, id: i64, how: &str) -> Result<InboxItem> {
        let item = self.inbox_item(id)?;
        let until = self.snooze_until(item.person_id, how)?;
        self.set_state(id, "snoozed", Some(until))
    }

    /// Snoozes every waiting entry by `minutes` (the tray's "Snooze all 1 h").
    pub fn snooze_all(&mut self, minutes: i64) -> Result<u32> {
        let until = (self.clock.now() + Duration::minutes(minutes)).timestamp_millis();
        self.write(|tx| {
            Ok(tx.execute(
                "UPDATE reminder_occurrences SET state = 'snoozed', snoozed_until = ?1, seen = 1 WHERE state = 'fired'",
                [until],
            )? as u32)
        })
    }

    pub fn dismiss(&mut self, id: i64) -> Result<InboxItem> {
        self.set_state(id, "dismissed", None)
    }

    /// Marks an entry acted on (the user logged from it).
    pub fn acted(&mut self, id: i64) -> Result<InboxItem> {
        self.set_state(id, "acted", None)
    }

    /// Marks every fired entry as seen (the inbox was opened).
    pub fn mark_seen(&mut self) -> Result<()> {
        self.write(|tx| {
            tx.execute("UPDATE reminder_occurrences SET seen = 1 WHERE state = 'fired' AND seen = 0", [])?;
            Ok(())
        })
    }

    fn set_state(&mut self, id: i64, state: &str, until: Option<DateTime<Utc>>) -> Result<InboxItem> {
        self.inbox_item(id)?;
        self.write(|tx| {
            tx.execute(
                "UPDATE reminder_occurrences SET state = ?2, snoozed_until = ?3, seen = 1 WHERE id = ?1",
                params![id, state, until.map(|t| t.timestamp_millis())],
            )?;
            Ok(())
        })?;
        self.inbox_item(id)
    }

    fn snooze_until(&self, person_id: i64, how: &str) -> Result<DateTime<Utc>> {
        let now = self.clock.now();
        Ok(match how.trim() {
            "15m" => now + Duration::minutes(15),
            "1h" => now + Duration::hours(1),
            "tomorrow" => {
                let clock = person_clock(&self.conn, person_id)?;
                let tomorrow = local_date(now, &clock.zone, clock.day_start) + Duration::days(1);
                clock.zone.resolve(tomorrow, NaiveTime::from_hms_opt(9, 0, 0).unwrap_or(NaiveTime::MIN))
            }
            other => return Err(CoreError::invalid("snooze", Msg::new("reminder.snooze.unknown").arg("how", other))),
        })
    }

}
