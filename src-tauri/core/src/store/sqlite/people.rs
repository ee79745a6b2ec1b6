//! People in SQLite: the `people` table, its catalogue joins, and the lookups other areas still make on a
//! connection of their own (by id or name, a person's clock, "archived?").

use rusqlite::{params, OptionalExtension, Row};

use crate::error::Result;
use crate::store::sqlite::Sql;
use crate::store::{NewPersonRecord, PeopleRepo, PersonEdit, PersonRecord};
use crate::time::WorkingDays;

const PERSON_SQL: &str = "SELECT p.id, p.name, p.role, l.key, u.key, p.tz, p.working_days, p.day_start,
        p.archived_at IS NOT NULL, p.created_at, p.uid, p.archived_at
     FROM people p LEFT JOIN layers l ON l.id = p.layer_id LEFT JOIN units u ON u.id = p.unit_id";

fn person_from_row(r: &Row<'_>) -> rusqlite::Result<PersonRecord> {
    Ok(PersonRecord {
        id: r.get(0)?,
        name: r.get(1)?,
        role: r.get(2)?,
        layer: r.get(3)?,
        unit: r.get(4)?,
        tz: r.get(5)?,
        working_days: WorkingDays::from_bits(r.get(6)?),
        day_start: r.get(7)?,
        archived: r.get(8)?,
        created_at: r.get(9)?,
        uid: r.get::<_, Option<String>>(10)?.unwrap_or_default(),
        archived_at: r.get(11)?,
    })
}

impl PeopleRepo for Sql<'_> {
    fn person(&self, id: i64) -> Result<Option<PersonRecord>> {
        Ok(self.0.prepare_cached(&format!("{PERSON_SQL} WHERE p.id = ?1"))?.query_row([id], person_from_row).optional()?)
    }

    fn people(&self, archived_too: bool) -> Result<Vec<PersonRecord>> {
        let filter = if archived_too { "" } else { "WHERE p.archived_at IS NULL" };
        Ok(self
            .0
            .prepare_cached(&format!("{PERSON_SQL} {filter} ORDER BY p.name COLLATE NOCASE"))?
            .query_map([], person_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn person_named(&self, name: &str) -> Result<Option<i64>> {
        Ok(self
            .0
            .prepare_cached("SELECT id FROM people WHERE name = ?1 COLLATE NOCASE")?
            .query_row([name], |r| r.get(0))
            .optional()?)
    }

    fn insert_person(&mut self, p: &NewPersonRecord) -> Result<i64> {
        self.0.execute(
            "INSERT INTO people (name, role, layer_id, unit_id, tz, working_days, day_start, created_at, uid)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![p.name, p.role, p.layer_id, p.unit_id, p.tz, p.working_days.0, p.day_start, p.created_at, p.uid],
        )?;
        Ok(self.0.last_insert_rowid())
    }

    fn set_person_archived(&mut self, id: i64, at: Option<i64>) -> Result<()> {
        self.0.execute("UPDATE people SET archived_at = ?2 WHERE id = ?1", params![id, at])?;
        Ok(())
    }

    fn update_person(&mut self, id: i64, e: &PersonEdit) -> Result<()> {
        self.0.execute(
            "UPDATE people SET name = ?2, role = ?3, layer_id = ?4, unit_id = ?5, tz = coalesce(?6, tz) WHERE id = ?1",
            params![id, e.name, e.role, e.layer_id, e.unit_id, e.tz],
        )?;
        Ok(())
    }

    fn person_by_uid(&self, uid: &str) -> Result<Option<i64>> {
        Ok(self.0.prepare_cached("SELECT id FROM people WHERE uid = ?1")?.query_row([uid], |r| r.get(0)).optional()?)
    }

    fn set_person_uid(&mut self, id: i64, uid: &str) -> Result<()> {
        self.0.execute("UPDATE people SET uid = ?2 WHERE id = ?1", params![id, uid])?;
        Ok(())
    }
}

pub use crate::domain::people::PersonClock;

