//! Reminder rules in SQLite: `reminder_rules` (their occurrences go with them, ON DELETE CASCADE).

use rusqlite::params;

use crate::error::Result;
use crate::store::sqlite::Sql;
use crate::store::{RuleRecord, RulesRepo};

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
}
