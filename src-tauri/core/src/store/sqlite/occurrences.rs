//! Fired reminder occurrences in SQLite: `reminder_occurrences`, one row per rule and occurrence key.

use rusqlite::{params, OptionalExtension, Row};

use crate::error::Result;
use crate::store::sqlite::Sql;
use crate::store::{OccurrenceKey, OccurrenceRecord, OccurrenceRow, OccurrencesRepo};

const ROW_SQL: &str = "SELECT o.id, o.rule_id, o.person_id, p.name, o.kind, o.category, o.followup_id, o.occurrence,
        o.fire_at, o.fired_at, o.late, o.state, o.snoozed_until, o.seen, o.title, o.body, p.tz, o.notice, o.uid
     FROM reminder_occurrences o JOIN people p ON p.id = o.person_id";

/// An occurrence still worth showing: its person is not archived and its promise (if any) not deleted. The
/// others rest, kept, and come back when the person is restored or the delete undone.
const LIVE: &str = "o.person_id NOT IN (SELECT id FROM people WHERE archived_at IS NOT NULL)
     AND (o.followup_id IS NULL OR o.followup_id NOT IN (SELECT id FROM followups WHERE deleted_at IS NOT NULL))";

fn row(r: &Row<'_>) -> rusqlite::Result<OccurrenceRow> {
    Ok(OccurrenceRow {
        id: r.get(0)?,
        rule_id: r.get(1)?,
        person_id: r.get(2)?,
        person_name: r.get(3)?,
        kind: r.get(4)?,
        category: r.get(5)?,
        followup_id: r.get(6)?,
        key: r.get(7)?,
        fire_at: r.get(8)?,
        fired_at: r.get(9)?,
        late: r.get(10)?,
        state: r.get(11)?,
        snoozed_until: r.get(12)?,
        seen: r.get(13)?,
        title: r.get(14)?,
        body: r.get(15)?,
        tz: r.get(16)?,
        notice: r.get(17)?,
        uid: r.get::<_, Option<String>>(18)?.unwrap_or_default(),
    })
}

impl OccurrencesRepo for Sql<'_> {
    fn occurrence(&self, id: i64) -> Result<Option<OccurrenceRow>> {
        Ok(self.0.prepare_cached(&format!("{ROW_SQL} WHERE o.id = ?1"))?.query_row([id], row).optional()?)
    }

    fn inbox_rows(&self, all: bool, limit: usize) -> Result<Vec<OccurrenceRow>> {
        let waiting = if all { "" } else { "AND o.state IN ('fired', 'snoozed')" };
        let sql = format!(
            "{ROW_SQL} WHERE o.missed = 0 {waiting} AND {LIVE} ORDER BY coalesce(o.refired_at, o.fired_at) DESC, o.id DESC LIMIT ?1"
        );
        Ok(self.0.prepare_cached(&sql)?.query_map([limit as i64], row)?.collect::<rusqlite::Result<_>>()?)
    }

    fn unread(&self) -> Result<u32> {
        let sql = format!("SELECT count(*) FROM reminder_occurrences o WHERE o.state = 'fired' AND o.seen = 0 AND {LIVE}");
        Ok(self.0.query_row(&sql, [], |r| r.get(0))?)
    }

    fn set_occurrence_state(&mut self, id: i64, state: &str, snoozed_until: Option<i64>) -> Result<()> {
        self.0.execute(
            "UPDATE reminder_occurrences SET state = ?2, snoozed_until = ?3, seen = 1 WHERE id = ?1",
            params![id, state, snoozed_until],
        )?;
        Ok(())
    }

    fn snooze_fired(&mut self, until: i64) -> Result<u32> {
        Ok(self.0.execute("UPDATE reminder_occurrences SET state = 'snoozed', snoozed_until = ?1, seen = 1 WHERE state = 'fired'", [until])?
            as u32)
    }

    fn mark_fired_seen(&mut self) -> Result<()> {
        self.0.execute("UPDATE reminder_occurrences SET seen = 1 WHERE state = 'fired' AND seen = 0", [])?;
        Ok(())
    }

    fn occurrence_keys(&self, rule_id: Option<i64>) -> Result<Vec<OccurrenceKey>> {
        let mut stmt = self.0.prepare_cached(
            "SELECT rule_id, occurrence, followup_id, fire_at FROM reminder_occurrences WHERE ?1 IS NULL OR rule_id = ?1",
        )?;
        let rows = stmt.query_map([rule_id], |r| Ok(OccurrenceKey { rule_id: r.get(0)?, key: r.get(1)?, followup_id: r.get(2)?, fire_at: r.get(3)? }))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn occurrence_records(&self) -> Result<Vec<OccurrenceRecord>> {
        let mut stmt = self.0.prepare_cached(
            "SELECT rule_id, occurrence, person_id, kind, category, followup_id, fire_at, fired_at, late, state, snoozed_until,
                    refired_at, seen, title, body, missed, notice, uid FROM reminder_occurrences ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(OccurrenceRecord {
                rule_id: r.get(0)?,
                key: r.get(1)?,
                person_id: r.get(2)?,
                kind: r.get(3)?,
                category: r.get(4)?,
                followup_id: r.get(5)?,
                fire_at: r.get(6)?,
                fired_at: r.get(7)?,
                late: r.get(8)?,
                state: r.get(9)?,
                snoozed_until: r.get(10)?,
                refired_at: r.get(11)?,
                seen: r.get(12)?,
                title: r.get(13)?,
                body: r.get(14)?,
                missed: r.get(15)?,
                notice: r.get(16)?,
                uid: r.get::<_, Option<String>>(17)?.unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn put_occurrence(&mut self, o: &OccurrenceRecord) -> Result<Option<i64>> {
        let n = self.0.prepare_cached(
            "INSERT INTO reminder_occurrences (rule_id, occurrence, person_id, kind, category, followup_id, fire_at,
                 fired_at, late, state, snoozed_until, refired_at, seen, title, body, missed, notice, uid)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, nullif(?18, '')) ON CONFLICT DO NOTHING",
        )?
        .execute(params![o.rule_id, o.key, o.person_id, o.kind, o.category, o.followup_id, o.fire_at, o.fired_at, o.late, o.state,
                         o.snoozed_until, o.refired_at, o.seen, o.title, o.body, o.missed, o.notice, o.uid])?;
        Ok((n == 1).then(|| self.0.last_insert_rowid()))
    }

    fn refire_snoozed(&mut self, now: i64) -> Result<Vec<i64>> {
        let sql = format!(
            "UPDATE reminder_occurrences AS o SET state = 'fired', refired_at = ?1, seen = 0, snoozed_until = NULL
             WHERE o.state = 'snoozed' AND o.snoozed_until <= ?1 AND {LIVE} RETURNING id"
        );
        Ok(self.0.prepare_cached(&sql)?.query_map([now], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?)
    }
}
