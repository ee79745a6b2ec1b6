//! Reminder rules in SQLite: `reminder_rules` (their occurrences go with them, ON DELETE CASCADE).

use rusqlite::{params, OptionalExtension, Row};

use crate::error::Result;
use crate::store::sqlite::Sql;
use crate::store::{RuleRecord, RuleRow, RulesRepo};

const ROW_SQL: &str = "SELECT r.id, r.person_id, p.name, r.created_by, c2.name, r.kind, r.at_time, r.weekdays, c.key,
        r.after_days, r.threshold, r.drop_pts, r.min_streak, r.quiet_from, r.quiet_to, r.paused, r.active_from,
        p.archived_at IS NOT NULL, r.uid, r.created_at
     FROM reminder_rules r JOIN people p ON p.id = r.person_id
     LEFT JOIN people c2 ON c2.id = r.created_by LEFT JOIN categories c ON c.id = r.category_id";

fn row(r: &Row<'_>) -> rusqlite::Result<RuleRow> {
    Ok(RuleRow {
        id: r.get(0)?,
        person_id: r.get(1)?,
        person_name: r.get(2)?,
        created_by: r.get(3)?,
        created_by_name: r.get(4)?,
        kind: r.get(5)?,
        at: r.get(6)?,
        weekdays: r.get(7)?,
        category: r.get(8)?,
        after_days: r.get(9)?,
        threshold: r.get(10)?,
        drop_points: r.get(11)?,
        min_streak: r.get(12)?,
        quiet_from: r.get(13)?,
        quiet_to: r.get(14)?,
        paused: r.get(15)?,
        active_from: r.get(16)?,
        person_archived: r.get(17)?,
        uid: r.get::<_, Option<String>>(18)?.unwrap_or_default(),
        created_at: r.get(19)?,
    })
}

impl RulesRepo for Sql<'_> {
    fn restart_rules_of(&mut self, person_id: i64, from: i64) -> Result<()> {
        self.0.execute("UPDATE reminder_rules SET active_from = ?2 WHERE person_id = ?1", [person_id, from])?;
        Ok(())
    }

    fn insert_rule(&mut self, v: &RuleRecord, created_at: i64) -> Result<i64> {
        self.0.execute(
            "INSERT INTO reminder_rules (person_id, created_by, kind, at_time, weekdays, category_id, after_days,
                 threshold, drop_pts, min_streak, quiet_from, quiet_to, created_at, uid)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, lower(hex(randomblob(16))))",
            params![v.person_id, v.created_by, v.kind.as_str(), v.at, v.weekdays, v.category_id, v.after_days,
                    v.threshold, v.drop_points, v.min_streak, v.quiet_from, v.quiet_to, created_at],
        )?;
        Ok(self.0.last_insert_rowid())
    }

    fn replace_rule(&mut self, id: i64, v: &RuleRecord, active_from: i64) -> Result<bool> {
        Ok(self.0.execute(
            "UPDATE reminder_rules SET person_id = ?2, created_by = coalesce(?3, created_by), kind = ?4, at_time = ?5,
                 weekdays = ?6, category_id = ?7, after_days = ?8, threshold = ?9, drop_pts = ?10, min_streak = ?11,
                 quiet_from = ?12, quiet_to = ?13, active_from = ?14 WHERE id = ?1",
            params![id, v.person_id, v.created_by, v.kind.as_str(), v.at, v.weekdays, v.category_id, v.after_days,
                    v.threshold, v.drop_points, v.min_streak, v.quiet_from, v.quiet_to, active_from],
        )? > 0)
    }

    fn set_rule_paused(&mut self, id: i64, paused: bool, now: i64) -> Result<bool> {
        Ok(self.0.execute(
            "UPDATE reminder_rules SET paused = ?2, active_from = CASE WHEN ?2 THEN active_from ELSE ?3 END WHERE id = ?1",
            params![id, paused, now],
        )? > 0)
    }

    fn delete_rule(&mut self, id: i64) -> Result<bool> {
        Ok(self.0.execute("DELETE FROM reminder_rules WHERE id = ?1", [id])? > 0)
    }

    fn has_rule(&self, id: i64) -> Result<bool> {
        Ok(self.0.prepare_cached("SELECT 1 FROM reminder_rules WHERE id = ?1")?.exists([id])?)
    }

    fn put_rule(&mut self, uid: &str, v: &RuleRecord, paused: bool, created_at: i64, active_from: Option<i64>) -> Result<bool> {
        Ok(self.0.prepare_cached(
            "INSERT INTO reminder_rules (person_id, created_by, kind, at_time, weekdays, category_id, after_days,
                 threshold, drop_pts, min_streak, quiet_from, quiet_to, paused, created_at, uid, active_from)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) ON CONFLICT DO NOTHING",
        )?
        .execute(params![v.person_id, v.created_by, v.kind.as_str(), v.at, v.weekdays, v.category_id, v.after_days, v.threshold,
                         v.drop_points, v.min_streak, v.quiet_from, v.quiet_to, paused, created_at, uid, active_from])?
            == 1)
    }

    fn rule_row(&self, id: i64) -> Result<Option<RuleRow>> {
        Ok(self.0.prepare_cached(&format!("{ROW_SQL} WHERE r.id = ?1"))?.query_row([id], row).optional()?)
    }

    fn rule_rows(&self, person_id: Option<i64>) -> Result<Vec<RuleRow>> {
        let sql = format!("{ROW_SQL} WHERE ?1 IS NULL OR r.person_id = ?1 ORDER BY p.name, r.id");
        Ok(self.0.prepare_cached(&sql)?.query_map([person_id], row)?.collect::<rusqlite::Result<_>>()?)
    }
}
