//! People: the leaders whose actions are logged, and the app's own user (set by onboarding).

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::catalog::{clean_label, id_for_key, Table};
use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::i18n::Msg;
use crate::model::{NewPerson, Person};
use crate::time::{detect_os_zone, format_minutes, parse_day_start, WorkingDays, Zone};

/// Longest role/title accepted.
pub const MAX_ROLE: usize = 120;

const PERSON_SQL: &str = "SELECT p.id, p.name, p.role, l.key, u.key, p.tz, p.working_days, p.day_start,
        p.id = (SELECT CAST(value AS INTEGER) FROM device_settings WHERE key = 'self_person_id'), p.archived_at IS NOT NULL
     FROM people p LEFT JOIN layers l ON l.id = p.layer_id LEFT JOIN units u ON u.id = p.unit_id";

fn person_from_row(r: &Row<'_>) -> rusqlite::Result<Person> {
    Ok(Person {
        id: r.get(0)?,
        name: r.get(1)?,
        role: r.get(2)?,
        layer: r.get(3)?,
        unit: r.get(4)?,
        tz: r.get(5)?,
        working_days: WorkingDays::from_bits(r.get(6)?).names().into_iter().map(String::from).collect(),
        day_start: format_minutes(r.get(7)?),
        is_self: r.get::<_, Option<bool>>(8)?.unwrap_or(false),
        archived: r.get(9)?,
    })
}

/// A person's input after validation.
struct ValidPerson {
    name: String,
    role: String,
    tz: String,
    working_days: WorkingDays,
    day_start: u32,
    layer: Option<String>,
    unit: Option<String>,
}

/// The facts about a person that day and streak computations need.
#[derive(Debug, Clone)]
pub struct PersonClock {
    pub id: i64,
    pub zone: Zone,
    pub day_start: u32,
    pub working_days: WorkingDays,
}

impl Db {
    /// Validates and stores a new person; returns them.
    pub fn add_person(&mut self, input: &NewPerson) -> Result<Person> {
        let v = self.validate_person(input)?;
        let now = self.clock.now().timestamp_millis();
        let id = self.write(|tx| {
            let layer_id = optional_key(tx, Table::Layer, v.layer.as_deref())?;
            let unit_id = optional_key(tx, Table::Unit, v.unit.as_deref())?;
            tx.execute(
                "INSERT INTO people (name, role, layer_id, unit_id, tz, working_days, day_start, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![v.name, v.role, layer_id, unit_id, v.tz, v.working_days.0, v.day_start, now],
            )?;
            Ok(tx.last_insert_rowid())
        })?;
        self.person(id)
    }

    /// Checks a new person completely, without writing: name (free), role, zone, days, day start, layer and unit.
    fn validate_person(&self, input: &NewPerson) -> Result<ValidPerson> {
        let name = clean_label("name", &input.name)?;
        let role = input.role.as_deref().unwrap_or("").trim().to_string();
        if role.chars().count() > MAX_ROLE {
            return Err(CoreError::invalid("role", Msg::new("text.too_long").arg("max", MAX_ROLE)));
        }
        if name.parse::<i64>().is_ok() {
            return Err(CoreError::invalid("name", Msg::new("person.name.number")));
        }
        let tz = match input.tz.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            Some(text) => match Zone::parse(text)? {
                Zone::Iana(tz) => tz.name().to_string(),
                Zone::Fixed(_) => return Err(CoreError::invalid("tz", Msg::new("tz.not_iana"))),
            },
            None => detect_os_zone(),
        };
        let working_days = match &input.working_days {
            Some(days) => WorkingDays::parse(&days.join(","))?,
            None => WorkingDays::default(),
        };
        let day_start = match input.day_start.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            Some(text) => parse_day_start(text)?,
            None => 0,
        };
        optional_key(&self.conn, Table::Layer, input.layer.as_deref())?;
        let taken: Option<i64> = self
            .conn
            .query_row("SELECT id FROM people WHERE name = ?1 COLLATE NOCASE", [&name], |r| r.get(0))
            .optional()?;
        if taken.is_some() {
            return Err(CoreError::Conflict(Msg::new("person.exists").arg("name", &name)));
        }
        Ok(ValidPerson { name, role, tz, working_days, day_start, layer: input.layer.clone(), unit: input.unit.clone() })
    }

    /// Creates the app's own user and the organisation's values in one step (first run).
    pub fn onboard(&mut self, input: &NewPerson, values: &[String]) -> Result<Person> {
        if self.self_person()?.is_some() {
            return Err(CoreError::Conflict(Msg::new("onboarding.done")));
        }
        for v in values {
            clean_label("values", v)?;
        }
        // Everything is checked before the first write, so a bad form changes nothing; and the unit, the person,
        // the values and "this is me" are written as one act: all of them, or none.
        self.atomically(|db| db.onboard_checked(input, values))
    }

    fn onboard_checked(&mut self, input: &NewPerson, values: &[String]) -> Result<Person> {
        self.validate_person(&NewPerson { unit: None, ..input.clone() })?;
        if let Some(unit) = input.unit.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
            clean_label("unit", unit)?;
            // Onboarding names the unit in words; make sure it exists.
            let key = self.add_unit(unit)?.key;
            let mut input = input.clone();
            input.unit = Some(key);
            return self.finish_onboarding(&input, values);
        }
        self.finish_onboarding(input, values)
    }

    fn finish_onboarding(&mut self, input: &NewPerson, values: &[String]) -> Result<Person> {
        let person = self.add_person(input)?;
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                crate::failpoint::check("onboard.values")
                    .map_err(|source| CoreError::Io { context: Msg::new("io.write").arg("path", "value_items"), source })?;
            }
            self.add_value(v, "value")?;
        }
        self.set_self(person.id)?;
        self.person(person.id)
    }

    /// Makes `id` the person using the app. Default category, channel and layer names not renamed yet
    /// take the app's language: a Dutch leader starts with Dutch names, however the app was set up.
    pub fn set_self(&mut self, id: i64) -> Result<()> {
        self.person(id)?;
        self.write(|tx| crate::db::put_device_setting(tx, "self_person_id", &id.to_string()))?;
        self.localise_defaults(self.locale())
    }

    /// The person using the app, once onboarding is done.
    pub fn self_person(&self) -> Result<Option<Person>> {
        let Some(id) = self.device_setting("self_person_id")? else { return Ok(None) };
        let Ok(id) = id.parse::<i64>() else { return Ok(None) };
        self.conn
            .prepare_cached(&format!("{PERSON_SQL} WHERE p.id = ?1"))?
            .query_row([id], person_from_row)
            .optional()
            .map_err(Into::into)
    }

    /// One person by id.
    pub fn person(&self, id: i64) -> Result<Person> {
        self.conn
            .prepare_cached(&format!("{PERSON_SQL} WHERE p.id = ?1"))?
            .query_row([id], person_from_row)
            .optional()?
            .ok_or_else(|| CoreError::not_found("person", id.to_string()))
    }

    /// Everyone who has not been archived, by name: who the pickers, the team and reminders know.
    pub fn people(&self) -> Result<Vec<Person>> {
        self.people_where("WHERE p.archived_at IS NULL")
    }

    /// Everyone, the archived too, by name (the organisation's list, where they can be restored).
    pub fn people_all(&self) -> Result<Vec<Person>> {
        self.people_where("")
    }

    fn people_where(&self, filter: &str) -> Result<Vec<Person>> {
        Ok(self
            .conn
            .prepare_cached(&format!("{PERSON_SQL} {filter} ORDER BY p.name COLLATE NOCASE"))?
            .query_map([], person_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Archives a person who left (or was a test): they leave the pickers, the team and reminders (their rules
    /// pause), and no new action can be logged for them; everything they did stays and counts in old reviews.
    /// The app's own user cannot be archived. Archiving an archived person is a conflict, not a silent no-op.
    pub fn archive_person(&mut self, id: i64) -> Result<Person> {
        let person = self.person(id)?;
        if person.is_self {
            return Err(CoreError::Conflict(Msg::new("person.archive_self")));
        }
        if person.archived {
            return Err(CoreError::Conflict(Msg::new("person.already_archived").arg("name", &person.name)));
        }
        let now = self.clock.now().timestamp_millis();
        self.write(|tx| {
            tx.execute("UPDATE people SET archived_at = ?2 WHERE id = ?1", params![id, now])?;
            Ok(())
        })?;
        self.person(id)
    }

    /// Brings an archived person back. Their reminder rules start afresh from now: what fell due while they
    /// were archived is not caught up on (as with a paused rule that resumes).
    pub fn restore_person(&mut self, id: i64) -> Result<Person> {
        let person = self.person(id)?;
        if !person.archived {
            return Err(CoreError::Conflict(Msg::new("person.not_archived").arg("name", &person.name)));
        }
        let now = self.clock.now().timestamp_millis();
        self.write(|tx| {
            tx.execute("UPDATE people SET archived_at = NULL WHERE id = ?1", [id])?;
            tx.execute("UPDATE reminder_rules SET active_from = ?2 WHERE person_id = ?1", params![id, now])?;
            Ok(())
        })?;
        self.person(id)
    }

    /// Resolves a person given as id or (case-insensitive) name.
    pub fn find_person(&self, id_or_name: &str) -> Result<Person> {
        let id = resolve_person(&self.conn, id_or_name)?;
        self.person(id)
    }

    /// The zone, day start and working days of a person.
    pub fn person_clock(&self, id: i64) -> Result<PersonClock> {
        person_clock(&self.conn, id)
    }
}

pub(crate) fn person_clock(conn: &Connection, id: i64) -> Result<PersonClock> {
    let (tz, working, day_start): (String, i64, u32) = conn
        .prepare_cached("SELECT tz, working_days, day_start FROM people WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?
        .ok_or_else(|| CoreError::not_found("person", id.to_string()))?;
    Ok(PersonClock { id, zone: Zone::parse(&tz)?, day_start, working_days: WorkingDays::from_bits(working) })
}

/// Resolves a person id or name to an id.
pub(crate) fn resolve_person(conn: &Connection, id_or_name: &str) -> Result<i64> {
    let text = id_or_name.trim();
    if text.is_empty() {
        return Err(CoreError::invalid("person", Msg::new("person.choose")));
    }
    let found: Option<i64> = match text.parse::<i64>() {
        Ok(id) => conn.prepare_cached("SELECT id FROM people WHERE id = ?1")?.query_row([id], |r| r.get(0)).optional()?,
        Err(_) => conn
            .prepare_cached("SELECT id FROM people WHERE name = ?1 COLLATE NOCASE")?
            .query_row([text], |r| r.get(0))
            .optional()?,
    };
    found.ok_or_else(|| CoreError::not_found("person", text))
}

/// Someone archived gets nothing new (they left): no action, promise or rule, by the window, the CLI or an
/// import. What they did stays and can be edited; restoring them lifts this.
pub(crate) fn refuse_archived(conn: &Connection, person_id: i64) -> Result<()> {
    let name: Option<String> = conn
        .prepare_cached("SELECT name FROM people WHERE id = ?1 AND archived_at IS NOT NULL")?
        .query_row([person_id], |r| r.get(0))
        .optional()?;
    match name {
        Some(name) => Err(CoreError::invalid("person", Msg::new("person.archived").arg("name", name))),
        None => Ok(()),
    }
}

fn optional_key(conn: &Connection, table: Table, key: Option<&str>) -> Result<Option<i64>> {
    match key.map(str::trim).filter(|k| !k.is_empty()) {
        Some(key) => Ok(Some(id_for_key(conn, table, key)?)),
        None => Ok(None),
    }
}
