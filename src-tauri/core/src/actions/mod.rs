//! Logging, editing, deleting (with undo) and listing leadership actions.
//!
//! Every write validates its whole input before touching the database and runs in one IMMEDIATE
//! transaction, so bad input changes nothing. The local date is fixed here, once, at logging time.
//! A delete moves the action aside (`deleted_actions`) so undo can restore it under its own id.

pub(crate) mod validate;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, ToSql};

pub(crate) use validate::{validate_in, ValidAction, When};
pub use validate::MAX_NOTE;
use validate::validate;

use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::i18n::Msg;
use crate::model::{Action, ActionQuery, DayCount, NewAction};
use crate::people::{person_clock, resolve_person};
use crate::time::{local_date, parse_date, parse_hhmm, Zone};

/// The statements that link an action to its layers, units and values.
pub(crate) const LINK_SQL: [&str; 3] = [
    "INSERT INTO action_layers (action_id, layer_id, person_id, local_date) VALUES (?1, ?2, ?3, ?4)",
    "INSERT INTO action_units (action_id, unit_id, person_id, local_date) VALUES (?1, ?2, ?3, ?4)",
    "INSERT INTO action_values (action_id, value_id, person_id, local_date) VALUES (?1, ?2, ?3, ?4)",
];

fn insert_links(conn: &Connection, id: i64, person: i64, date: &str, links: [&[i64]; 3]) -> Result<()> {
    for (sql, ids) in LINK_SQL.iter().zip(links) {
        let mut stmt = conn.prepare_cached(sql)?;
        for target in ids {
            stmt.execute(params![id, target, person, date])?;
        }
    }
    Ok(())
}

/// Stores a validated action with its links; returns its id.
pub(crate) fn insert_valid(conn: &Connection, a: &ValidAction, now: DateTime<Utc>) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO actions (person_id, category_id, occurred_at, local_date, tz, note, channel_id,
                              logged_by, created_at, updated_at, uid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, lower(hex(randomblob(16))))",
    )?
    .execute(params![
        a.person_id,
        a.category_id,
        a.occurred_at.timestamp_millis(),
        a.local_date.to_string(),
        a.zone.name(),
        a.note,
        a.channel_id,
        a.logged_by,
        now.timestamp_millis()
    ])?;
    let id = conn.last_insert_rowid();
    write_links(conn, id, a)?;
    Ok(id)
}

fn write_links(conn: &Connection, id: i64, a: &ValidAction) -> Result<()> {
    insert_links(conn, id, a.person_id, &a.local_date.to_string(), [&a.layer_ids, &a.unit_ids, &a.value_ids])
}

/// A deleted action as kept for undo: its row and links by id.
#[derive(serde::Serialize, serde::Deserialize)]
struct Trashed {
    person_id: i64,
    category_id: i64,
    occurred_at: i64,
    local_date: String,
    tz: String,
    note: String,
    channel_id: Option<i64>,
    logged_by: Option<i64>,
    created_at: i64,
    updated_at: i64,
    #[serde(default)]
    uid: Option<String>,
    layers: Vec<i64>,
    units: Vec<i64>,
    values: Vec<i64>,
}

fn ids(conn: &Connection, sql: &str, id: i64) -> Result<Vec<i64>> {
    Ok(conn.prepare_cached(sql)?.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn trash_json(e: serde_json::Error) -> CoreError {
    CoreError::Conflict(Msg::new("action.trash.unreadable").arg("error", e))
}

const ACTION_SQL: &str = "SELECT a.id, a.person_id, p.name, c.key, a.occurred_at, a.local_date, a.tz, a.note, ch.key,
        a.logged_by, a.created_at, a.updated_at,
        (SELECT group_concat(l.key, ',') FROM action_layers x JOIN layers l ON l.id = x.layer_id WHERE x.action_id = a.id),
        (SELECT group_concat(u.key, ',') FROM action_units x JOIN units u ON u.id = x.unit_id WHERE x.action_id = a.id),
        (SELECT group_concat(v.key, ',') FROM action_values x JOIN value_items v ON v.id = x.value_id WHERE x.action_id = a.id),
        a.uid
     FROM actions a
     JOIN people p ON p.id = a.person_id
     JOIN categories c ON c.id = a.category_id
     LEFT JOIN channels ch ON ch.id = a.channel_id";

fn millis_to_rfc3339(ms: i64) -> String {
    DateTime::<Utc>::from_timestamp_millis(ms).unwrap_or_default().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn split_keys(text: Option<String>) -> Vec<String> {
    text.map(|t| t.split(',').map(String::from).collect()).unwrap_or_default()
}

fn action_from_row(r: &Row<'_>) -> rusqlite::Result<Action> {
    let occurred: i64 = r.get(4)?;
    let tz: String = r.get(6)?;
    let instant = DateTime::<Utc>::from_timestamp_millis(occurred).unwrap_or_default();
    let zone = Zone::parse(&tz).unwrap_or(Zone::Iana(chrono_tz::UTC));
    let mut audiences: Vec<String> = split_keys(r.get(12)?).into_iter().map(|k| format!("layer:{k}")).collect();
    audiences.extend(split_keys(r.get(13)?).into_iter().map(|k| format!("unit:{k}")));
    Ok(Action {
        id: r.get(0)?,
        uid: r.get::<_, Option<String>>(15)?.unwrap_or_default(),
        person_id: r.get(1)?,
        person_name: r.get(2)?,
        category: r.get(3)?,
        occurred_at: zone.at(instant).to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        local_date: r.get(5)?,
        tz,
        local_time: zone.local(instant).format("%H:%M").to_string(),
        note: r.get(7)?,
        channel: r.get(8)?,
        audiences,
        values: split_keys(r.get(14)?),
        logged_by: r.get(9)?,
        created_at: millis_to_rfc3339(r.get(10)?),
        updated_at: millis_to_rfc3339(r.get(11)?),
    })
}

impl Db {
    /// Validates and stores a new action; returns it as stored.
    pub fn log_action(&mut self, input: &NewAction) -> Result<Action> {
        let now = self.clock.now();
        let id = self.write(|tx| {
            let a = validate(tx, input, now, None, None)?;
            insert_valid(tx, &a, now)
        })?;
        self.action(id)
    }

    /// Replaces an action's fields. Its instant, local date and zone stay as stored unless the input changes
    /// its date, time, zone or instant (naming them as stored is no change); an empty `person` keeps the person.
    pub fn update_action(&mut self, id: i64, input: &NewAction) -> Result<Action> {
        let now = self.clock.now();
        let current = self.action(id)?;
        let keep = When {
            // From the row, not from `occurred_at` (whole seconds): an edit keeps the instant to the millisecond.
            instant: self
                .conn
                .prepare_cached("SELECT occurred_at FROM actions WHERE id = ?1")?
                .query_row([id], |r| r.get::<_, i64>(0))
                .map(|ms| DateTime::<Utc>::from_timestamp_millis(ms).unwrap_or(now))?,
            date: parse_date("date", &current.local_date)?,
            zone: Zone::parse(&current.tz)?,
        };
        let wall = parse_hhmm("time", &current.local_time)?;
        let mut input = input.clone();
        if input.person.trim().is_empty() {
            input.person = current.person_id.to_string();
        }
        if input.logged_by.is_none() {
            input.logged_by = current.logged_by;
        }
        self.write(|tx| {
            let a = validate(tx, &input, now, Some((&keep, wall)), Some(&current))?;
            tx.execute(
                "UPDATE actions SET person_id = ?2, category_id = ?3, occurred_at = ?4, local_date = ?5, tz = ?6,
                        note = ?7, channel_id = ?8, logged_by = ?9, updated_at = ?10
                 WHERE id = ?1",
                params![
                    id,
                    a.person_id,
                    a.category_id,
                    a.occurred_at.timestamp_millis(),
                    a.local_date.to_string(),
                    a.zone.name(),
                    a.note,
                    a.channel_id,
                    a.logged_by,
                    now.timestamp_millis()
                ],
            )?;
            for table in ["action_layers", "action_units", "action_values"] {
                tx.execute(&format!("DELETE FROM {table} WHERE action_id = ?1"), [id])?;
            }
            write_links(tx, id, &a)
        })?;
        self.action(id)
    }

    /// Deletes an action, keeping it aside so that [`Db::restore_action`] can bring it back (undo).
    /// Returns what was deleted.
    pub fn delete_action(&mut self, id: i64) -> Result<Action> {
        let action = self.action(id)?;
        let now = self.clock.now().timestamp_millis();
        self.write(|tx| {
            let mut trashed = tx.query_row(
                "SELECT person_id, category_id, occurred_at, local_date, tz, note, channel_id, logged_by, created_at,
                        updated_at, uid FROM actions WHERE id = ?1",
                [id],
                |r| {
                    Ok(Trashed {
                        person_id: r.get(0)?,
                        category_id: r.get(1)?,
                        occurred_at: r.get(2)?,
                        local_date: r.get(3)?,
                        tz: r.get(4)?,
                        note: r.get(5)?,
                        channel_id: r.get(6)?,
                        logged_by: r.get(7)?,
                        created_at: r.get(8)?,
                        updated_at: r.get(9)?,
                        uid: r.get(10)?,
                        layers: Vec::new(),
                        units: Vec::new(),
                        values: Vec::new(),
                    })
                },
            )?;
            trashed.layers = ids(tx, "SELECT layer_id FROM action_layers WHERE action_id = ?1", id)?;
            trashed.units = ids(tx, "SELECT unit_id FROM action_units WHERE action_id = ?1", id)?;
            trashed.values = ids(tx, "SELECT value_id FROM action_values WHERE action_id = ?1", id)?;
            let payload = serde_json::to_string(&trashed).map_err(trash_json)?;
            tx.execute(
                "INSERT OR REPLACE INTO deleted_actions (id, person_id, payload, deleted_at) VALUES (?1, ?2, ?3, ?4)",
                params![id, trashed.person_id, payload, now],
            )?;
            tx.execute("DELETE FROM actions WHERE id = ?1", [id])?;
            purge_undo_in(tx, now)?;
            Ok(())
        })?;
        Ok(action)
    }

    /// Forgets deleted actions older than [`UNDO_DAYS`]: a delete can be undone for a month, and then the
    /// action is gone for good (also from the file). Called on every delete and by the daily maintenance.
    pub fn purge_undo(&mut self) -> Result<usize> {
        let now = self.clock.now().timestamp_millis();
        self.write(|tx| purge_undo_in(tx, now))
    }

    /// Undoes a delete: the action comes back under its own id.
    pub fn restore_action(&mut self, id: i64) -> Result<Action> {
        self.write(|tx| {
            let payload: String = tx
                .query_row("SELECT payload FROM deleted_actions WHERE id = ?1", [id], |r| r.get(0))
                .optional()?
                .ok_or_else(|| CoreError::not_found("deleted action", id.to_string()))?;
            let t: Trashed = serde_json::from_str(&payload).map_err(trash_json)?;
            tx.execute(
                "INSERT INTO actions (id, person_id, category_id, occurred_at, local_date, tz, note, channel_id,
                                      logged_by, created_at, updated_at, uid)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, coalesce(?12, lower(hex(randomblob(16)))))",
                params![id, t.person_id, t.category_id, t.occurred_at, t.local_date, t.tz, t.note, t.channel_id,
                        t.logged_by, t.created_at, t.updated_at, t.uid],
            )?;
            insert_links(tx, id, t.person_id, &t.local_date, [&t.layers, &t.units, &t.values])?;
            tx.execute("DELETE FROM deleted_actions WHERE id = ?1", [id])?;
            Ok(())
        })?;
        self.action(id)
    }

    /// One (not deleted) action.
    pub fn action(&self, id: i64) -> Result<Action> {
        self.conn
            .prepare_cached(&format!("{ACTION_SQL} WHERE a.id = ?1"))?
            .query_row([id], action_from_row)
            .optional()?
            .ok_or_else(|| CoreError::not_found("action", id.to_string()))
    }

    /// Actions matching `query`, oldest first.
    pub fn list_actions(&self, query: &ActionQuery) -> Result<Vec<Action>> {
        let (filter, args) = self.filter(query)?;
        let sql = format!("{ACTION_SQL} WHERE 1 = 1{filter} ORDER BY a.local_date, a.occurred_at, a.id");
        let params: Vec<&dyn ToSql> = args.iter().map(|a| a as &dyn ToSql).collect();
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_map(params.as_slice(), action_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Number of actions per local date matching `query` (dates without actions are left out).
    pub fn day_counts(&self, query: &ActionQuery) -> Result<Vec<DayCount>> {
        let (filter, args) = self.filter(query)?;
        let sql = format!(
            "SELECT a.local_date, count(*) FROM actions a WHERE 1 = 1{filter} GROUP BY a.local_date ORDER BY a.local_date"
        );
        let params: Vec<&dyn ToSql> = args.iter().map(|a| a as &dyn ToSql).collect();
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_map(params.as_slice(), |r| Ok(DayCount { date: r.get(0)?, count: r.get(1)? }))?
            .collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// "Today" for a person: the local date now in their zone, after their day start.
    pub fn today(&self, person: &str) -> Result<NaiveDate> {
        let id = resolve_person(&self.conn, person)?;
        today_of(&self.conn, id, self.clock.now())
    }

    fn filter(&self, query: &ActionQuery) -> Result<(String, Vec<rusqlite::types::Value>)> {
        use rusqlite::types::Value;
        let mut sql = String::new();
        let mut args = Vec::new();
        if let Some(person) = query.person.as_deref().filter(|p| !p.trim().is_empty()) {
            args.push(Value::Integer(resolve_person(&self.conn, person)?));
            sql.push_str(&format!(" AND a.person_id = ?{}", args.len()));
        }
        let from = query.from.as_deref().filter(|d| !d.trim().is_empty()).map(|d| parse_date("from", d)).transpose()?;
        let to = query.to.as_deref().filter(|d| !d.trim().is_empty()).map(|d| parse_date("to", d)).transpose()?;
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return Err(CoreError::invalid("to", Msg::new("date.before").arg("to", t).arg("from", f)));
            }
        }
        if let Some(f) = from {
            args.push(Value::Text(f.to_string()));
            sql.push_str(&format!(" AND a.local_date >= ?{}", args.len()));
        }
        if let Some(t) = to {
            args.push(Value::Text(t.to_string()));
            sql.push_str(&format!(" AND a.local_date <= ?{}", args.len()));
        }
        Ok((sql, args))
    }
}

/// The local date `now` belongs to for person `id` (their zone, after their day start).
pub(crate) fn today_of(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<NaiveDate> {
    let clock = person_clock(conn, id)?;
    Ok(local_date(now, &clock.zone, clock.day_start))
}

/// How long a deleted action can be restored.
pub const UNDO_DAYS: i64 = 30;

fn purge_undo_in(tx: &rusqlite::Connection, now_ms: i64) -> Result<usize> {
    let cutoff = now_ms - UNDO_DAYS * 86_400_000;
    let actions = tx.execute("DELETE FROM deleted_actions WHERE deleted_at < ?1", [cutoff])?;
    Ok(actions + tx.execute("DELETE FROM followups WHERE deleted_at < ?1", [cutoff])?)
}
