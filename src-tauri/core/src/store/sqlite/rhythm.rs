//! Targets, rhythm and absences in SQLite: `targets`, `target_history`, `rhythm_history`, `absences`.

use rusqlite::{params, OptionalExtension};

use crate::domain::targets::{Absence, Per, Target};
use crate::error::Result;
use crate::store::sqlite::Sql;
use crate::store::{CategoryTargetRecord, OnSameDay, RhythmRepo, TargetRow};
use crate::time::WorkingDays;

fn target(times: Option<u32>, per: Option<String>) -> Result<Option<Target>> {
    Ok(match (times, per) {
        (Some(times), Some(per)) => Some(Target { times, per: Per::parse(&per)? }),
        _ => None,
    })
}

fn verb(same: OnSameDay) -> &'static str {
    match same {
        OnSameDay::Replace => "INSERT OR REPLACE",
        OnSameDay::Keep => "INSERT OR IGNORE",
    }
}

impl RhythmRepo for Sql<'_> {
    fn category_targets(&self, person_id: i64) -> Result<Vec<CategoryTargetRecord>> {
        let mut stmt = self.0.prepare_cached(
            "SELECT c.key, c.label, c.colour, t.times, t.per FROM categories c
             LEFT JOIN targets t ON t.category_id = c.id AND t.person_id = ?1
             WHERE c.archived = 0 ORDER BY c.rank, c.id",
        )?;
        let rows = stmt.query_map([person_id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, Option<u32>>(3)?, r.get::<_, Option<String>>(4)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (key, label, colour, times, per) = row?;
            out.push(CategoryTargetRecord { key, label, colour, target: target(times, per)? });
        }
        Ok(out)
    }

    fn stored_target(&self, person_id: i64, category_id: i64) -> Result<Option<Target>> {
        use rusqlite::OptionalExtension;
        let row = self
            .0
            .prepare_cached("SELECT times, per FROM targets WHERE person_id = ?1 AND category_id = ?2")?
            .query_row([person_id, category_id], |r| Ok((r.get::<_, u32>(0)?, r.get::<_, String>(1)?)))
            .optional()?;
        row.map(|(times, per)| target(Some(times), Some(per))).transpose().map(Option::flatten)
    }

    fn put_target(&mut self, person_id: i64, category_id: i64, t: Target) -> Result<()> {
        self.0.execute(
            "INSERT INTO targets (person_id, category_id, times, per) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(person_id, category_id) DO UPDATE SET times = excluded.times, per = excluded.per",
            params![person_id, category_id, t.times, t.per.as_str()],
        )?;
        Ok(())
    }

    fn put_target_history(&mut self, person_id: i64, category_id: i64, from: &str, t: Option<Target>, same: OnSameDay) -> Result<()> {
        self.0.execute(
            &format!("{} INTO target_history (person_id, category_id, from_date, times, per) VALUES (?1, ?2, ?3, ?4, ?5)", verb(same)),
            params![person_id, category_id, from, t.map(|t| t.times), t.map(|t| t.per.as_str())],
        )?;
        Ok(())
    }

    fn target_history(&self, person_id: i64) -> Result<Vec<(String, String, Option<Target>)>> {
        let mut stmt = self.0.prepare_cached(
            "SELECT c.key, h.from_date, h.times, h.per FROM target_history h JOIN categories c ON c.id = h.category_id
             WHERE h.person_id = ?1 ORDER BY c.key, h.from_date",
        )?;
        let rows = stmt.query_map([person_id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<u32>>(2)?, r.get::<_, Option<String>>(3)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (key, from, times, per) = row?;
            out.push((key, from, target(times, per)?));
        }
        Ok(out)
    }

    fn put_rhythm(&mut self, person_id: i64, days: WorkingDays, day_start: u32) -> Result<()> {
        self.0.execute("UPDATE people SET working_days = ?2, day_start = ?3 WHERE id = ?1", params![person_id, days.0, day_start])?;
        Ok(())
    }

    fn put_rhythm_history(&mut self, person_id: i64, from: &str, days: WorkingDays, day_start: u32, same: OnSameDay) -> Result<()> {
        self.0.execute(
            &format!("{} INTO rhythm_history (person_id, from_date, working_days, day_start) VALUES (?1, ?2, ?3, ?4)", verb(same)),
            params![person_id, from, days.0, day_start],
        )?;
        Ok(())
    }

    fn rhythm_history(&self, person_id: i64) -> Result<Vec<(String, WorkingDays, u32)>> {
        let mut stmt = self
            .0
            .prepare_cached("SELECT from_date, working_days, day_start FROM rhythm_history WHERE person_id = ?1 ORDER BY from_date")?;
        let rows = stmt.query_map([person_id], |r| Ok((r.get::<_, String>(0)?, WorkingDays::from_bits(r.get(1)?), r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn all_targets(&self) -> Result<Vec<TargetRow>> {
        let mut stmt =
            self.0.prepare_cached("SELECT person_id, category_id, times, per, uid FROM targets ORDER BY person_id, category_id")?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get::<_, u32>(2)?, r.get::<_, String>(3)?, r.get::<_, Option<String>>(4)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (person_id, category_id, times, per, uid) = row?;
            if let Some(target) = target(Some(times), Some(per))? {
                out.push(TargetRow { person_id, category_id, target, uid: uid.unwrap_or_default() });
            }
        }
        Ok(out)
    }

    fn target_row(&self, person_id: i64, category_id: i64) -> Result<Option<TargetRow>> {
        let row: Option<(u32, String, Option<String>)> = self
            .0
            .prepare_cached("SELECT times, per, uid FROM targets WHERE person_id = ?1 AND category_id = ?2")?
            .query_row(params![person_id, category_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let Some((times, per, uid)) = row else { return Ok(None) };
        Ok(target(Some(times), Some(per))?.map(|target| TargetRow { person_id, category_id, target, uid: uid.unwrap_or_default() }))
    }

    fn set_target_uid(&mut self, person_id: i64, category_id: i64, uid: &str) -> Result<()> {
        self.0.execute("UPDATE targets SET uid = ?3 WHERE person_id = ?1 AND category_id = ?2", params![person_id, category_id, uid])?;
        Ok(())
    }

    fn clear_target_history(&mut self, person_id: i64, category_id: i64) -> Result<()> {
        self.0.execute("DELETE FROM target_history WHERE person_id = ?1 AND category_id = ?2", params![person_id, category_id])?;
        Ok(())
    }

    fn put_absence(&mut self, uid: &str, person_id: i64, from: &str, to: &str, reason: &str) -> Result<bool> {
        Ok(self.0.execute(
            "INSERT INTO absences (person_id, from_date, to_date, reason, uid) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
            params![person_id, from, to, reason, uid],
        )? == 1)
    }

    fn insert_absence(&mut self, person_id: i64, from: &str, to: &str, reason: &str) -> Result<i64> {
        self.0.execute(
            "INSERT INTO absences (person_id, from_date, to_date, reason, uid) VALUES (?1, ?2, ?3, ?4, lower(hex(randomblob(16))))",
            params![person_id, from, to, reason],
        )?;
        Ok(self.0.last_insert_rowid())
    }

    fn delete_absence(&mut self, id: i64) -> Result<bool> {
        Ok(self.0.execute("DELETE FROM absences WHERE id = ?1", [id])? > 0)
    }

    fn absences(&self, person_id: Option<i64>) -> Result<Vec<Absence>> {
        let mut stmt = self.0.prepare_cached(
            "SELECT a.id, a.person_id, p.name, a.from_date, a.to_date, a.reason, a.uid FROM absences a
             JOIN people p ON p.id = a.person_id
             WHERE ?1 IS NULL OR a.person_id = ?1 ORDER BY a.from_date, a.id",
        )?;
        let rows = stmt.query_map([person_id], |r| {
            Ok(Absence {
                id: r.get(0)?,
                person_id: r.get(1)?,
                person_name: r.get(2)?,
                from: r.get(3)?,
                to: r.get(4)?,
                reason: r.get(5)?,
                uid: r.get::<_, Option<String>>(6)?.unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn absence_ranges(&self, person_id: i64, from: &str, to: &str) -> Result<Vec<(String, String)>> {
        let mut stmt = self.0.prepare_cached(
            "SELECT from_date, to_date FROM absences WHERE person_id = ?1 AND to_date >= ?2 AND from_date <= ?3",
        )?;
        let rows = stmt.query_map(params![person_id, from, to], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
