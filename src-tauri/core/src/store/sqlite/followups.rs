//! Follow-ups in SQLite: `followups`, a delete being `deleted_at` (kept for undo until purged).

use rusqlite::{params, OptionalExtension, Row};

use crate::error::Result;
use crate::store::sqlite::Sql;
use crate::store::{FollowupRecord, FollowupRow, FollowupsRepo, NewFollowupRecord};

const ROW_SQL: &str = "SELECT f.id, f.person_id, p.name, f.text, f.due_date, f.from_action_id, f.closed_date,
        f.closing_action_id, f.created_at, p.tz, p.day_start, f.uid
     FROM followups f JOIN people p ON p.id = f.person_id WHERE f.deleted_at IS NULL";

fn row(r: &Row<'_>) -> rusqlite::Result<FollowupRow> {
    Ok(FollowupRow {
        id: r.get(0)?,
        person_id: r.get(1)?,
        person_name: r.get(2)?,
        text: r.get(3)?,
        due: r.get(4)?,
        from_action_id: r.get(5)?,
        closed_date: r.get(6)?,
        closing_action_id: r.get(7)?,
        created_at: r.get(8)?,
        tz: r.get(9)?,
        day_start: r.get(10)?,
        uid: r.get::<_, Option<String>>(11)?.unwrap_or_default(),
    })
}

impl FollowupsRepo for Sql<'_> {
    fn insert_followup(&mut self, f: &NewFollowupRecord) -> Result<i64> {
        self.0.execute(
            "INSERT INTO followups (person_id, text, due_date, from_action_id, created_at, uid)
             VALUES (?1, ?2, ?3, ?4, ?5, lower(hex(randomblob(16))))",
            params![f.person_id, f.text, f.due, f.from_action_id, f.created_at],
        )?;
        Ok(self.0.last_insert_rowid())
    }

    fn followup_row(&self, id: i64) -> Result<Option<FollowupRow>> {
        Ok(self.0.prepare_cached(&format!("{ROW_SQL} AND f.id = ?1"))?.query_row([id], row).optional()?)
    }

    fn followup_rows(&self, person_id: Option<i64>) -> Result<Vec<FollowupRow>> {
        let sql = format!(
            "{ROW_SQL} AND ((?1 IS NULL AND p.archived_at IS NULL) OR f.person_id = ?1)
             ORDER BY f.closed_at IS NOT NULL, f.due_date, f.id"
        );
        Ok(self.0.prepare_cached(&sql)?.query_map([person_id], row)?.collect::<rusqlite::Result<_>>()?)
    }

    fn edit_followup(&mut self, id: i64, text: &str, due: &str) -> Result<()> {
        self.0.execute("UPDATE followups SET text = ?2, due_date = ?3 WHERE id = ?1", params![id, text, due])?;
        Ok(())
    }

    fn delete_followup(&mut self, id: i64, at: i64) -> Result<()> {
        self.0.execute("UPDATE followups SET deleted_at = ?2 WHERE id = ?1", params![id, at])?;
        Ok(())
    }

    fn undelete_followup(&mut self, id: i64) -> Result<bool> {
        Ok(self.0.execute("UPDATE followups SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL", [id])? > 0)
    }

    fn close_followup(&mut self, id: i64, at: i64, date: &str, action_id: i64) -> Result<()> {
        self.0.execute(
            "UPDATE followups SET closed_at = ?2, closed_date = ?3, closing_action_id = ?4 WHERE id = ?1",
            params![id, at, date, action_id],
        )?;
        Ok(())
    }

    fn followup_by_uid(&self, uid: &str) -> Result<Option<i64>> {
        Ok(self.0.prepare_cached("SELECT id FROM followups WHERE uid = ?1")?.query_row([uid], |r| r.get(0)).optional()?)
    }

    fn followup_records(&self) -> Result<Vec<FollowupRecord>> {
        let mut stmt = self.0.prepare_cached(
            "SELECT id, uid, person_id, text, due_date, from_action_id, created_at, closed_at, closed_date, closing_action_id
             FROM followups WHERE deleted_at IS NULL ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(FollowupRecord {
                id: r.get(0)?,
                uid: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                person_id: r.get(2)?,
                text: r.get(3)?,
                due: r.get(4)?,
                from_action_id: r.get(5)?,
                created_at: r.get(6)?,
                closed_at: r.get(7)?,
                closed_date: r.get(8)?,
                closing_action_id: r.get(9)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn put_followup(&mut self, f: &FollowupRecord) -> Result<bool> {
        Ok(self.0.prepare_cached(
            "INSERT INTO followups (person_id, text, due_date, from_action_id, created_at, closed_at, closed_date,
                                    closing_action_id, uid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING",
        )?
        .execute(params![f.person_id, f.text, f.due, f.from_action_id, f.created_at, f.closed_at, f.closed_date, f.closing_action_id, f.uid])?
            == 1)
    }
}
