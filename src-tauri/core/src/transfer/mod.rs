//! Export and import: a versioned, lossless JSON document of everything; CSV of actions for spreadsheets;
//! iCalendar of open follow-ups for an assistant's calendar.
//!
//! Records refer to each other by what survives a move between databases: catalogue keys, people's
//! names and random `uid`s, never row ids. That is what makes "export, import into an empty folder,
//! export again" give the same document, and importing the same file twice add nothing the second time.

mod changes;
pub mod csv;
pub mod ics;
pub mod import;
mod locate;
pub mod sheet;
pub mod words;
mod types;

pub use changes::Change;
pub use types::*;

use std::path::Path;

use rusqlite::params;

use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::i18n::Msg;

/// The `format` field of Cadence's JSON export.
pub const FORMAT: &str = "cadence-export";
/// The version of the JSON document (not the database schema). Version 2 adds each person's rhythm and target
/// history, a rule's `activeFrom` and an occurrence's `missed`; version 3 the uids of people, catalogue entries
/// and targets. Older documents still import.
pub const FORMAT_VERSION: u32 = 3;

fn all<T>(db: &Db, sql: &str, f: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>) -> Result<Vec<T>> {
    Ok(db.conn.prepare(sql)?.query_map([], f)?.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The rows of `sql` for one parameter (`?1`).
fn all_for<T>(db: &Db, sql: &str, param: &str, f: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>) -> Result<Vec<T>> {
    Ok(db.conn.prepare_cached(sql)?.query_map([param], f)?.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn keys(text: Option<String>) -> Vec<String> {
    let mut v: Vec<String> = text.map(|t| t.split(',').map(String::from).collect()).unwrap_or_default();
    v.sort();
    v
}

impl Db {
    /// Everything, as one versioned document.
    pub fn export_doc(&self) -> Result<ExportDoc> {
        let entry = |r: &rusqlite::Row<'_>| -> rusqlite::Result<Entry> {
            Ok(Entry {
                uid: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
                key: r.get(0)?,
                label: r.get(1)?,
                rank: r.get(2)?,
                archived: r.get(3)?,
                colour: None,
                external: None,
                units: None,
                kind: None,
            })
        };
        let layers = all(self, "SELECT key, label, rank, archived, uid FROM layers ORDER BY key", entry)?;
        let units = all(self, "SELECT key, label, 0, archived, uid FROM units ORDER BY key", entry)?;
        let categories = all(self, "SELECT key, label, rank, archived, uid, colour FROM categories ORDER BY key", |r| {
            Ok(Entry { colour: Some(r.get(5)?), ..entry(r)? })
        })?;
        let channels = all(
            self,
            "SELECT c.key, c.label, 0, c.archived, c.uid, c.external,
                    (SELECT group_concat(u.key, ',') FROM channel_units cu JOIN units u ON u.id = cu.unit_id WHERE cu.channel_id = c.id)
             FROM channels c ORDER BY c.key",
            |r| Ok(Entry { external: Some(r.get(5)?), units: Some(keys(r.get(6)?)), ..entry(r)? }),
        )?;
        let values = all(self, "SELECT key, label, 0, archived, uid, kind FROM value_items ORDER BY key", |r| {
            Ok(Entry { kind: Some(r.get(5)?), ..entry(r)? })
        })?;
        let mut people = all(
            self,
            "SELECT p.name, p.role, l.key, u.key, p.tz, p.working_days, p.day_start, p.created_at, p.archived_at, p.uid FROM people p
             LEFT JOIN layers l ON l.id = p.layer_id LEFT JOIN units u ON u.id = p.unit_id ORDER BY p.name",
            |r| {
                Ok(PersonEntry {
                    uid: r.get::<_, Option<String>>(9)?.unwrap_or_default(),
                    name: r.get(0)?,
                    role: r.get(1)?,
                    layer: r.get(2)?,
                    unit: r.get(3)?,
                    tz: r.get(4)?,
                    working_days: crate::time::WorkingDays::from_bits(r.get(5)?).names().into_iter().map(String::from).collect(),
                    day_start: crate::time::format_minutes(r.get(6)?),
                    created_at: r.get(7)?,
                    archived_at: r.get(8)?,
                    rhythm: Vec::new(),
                    target_history: Vec::new(),
                })
            },
        )?;
        for p in &mut people {
            p.rhythm = all_for(
                self,
                "SELECT h.from_date, h.working_days, h.day_start FROM rhythm_history h JOIN people p ON p.id = h.person_id
                 WHERE p.name = ?1 ORDER BY h.from_date",
                &p.name,
                |r| {
                    Ok(RhythmEntry {
                        from: r.get(0)?,
                        working_days: crate::time::WorkingDays::from_bits(r.get(1)?).names().into_iter().map(String::from).collect(),
                        day_start: crate::time::format_minutes(r.get(2)?),
                    })
                },
            )?;
            p.target_history = all_for(
                self,
                "SELECT c.key, h.from_date, h.times, h.per FROM target_history h JOIN people p ON p.id = h.person_id
                 JOIN categories c ON c.id = h.category_id WHERE p.name = ?1 ORDER BY c.key, h.from_date",
                &p.name,
                |r| Ok(TargetHistoryEntry { category: r.get(0)?, from: r.get(1)?, times: r.get(2)?, per: r.get(3)? }),
            )?;
        }
        let targets = all(
            self,
            "SELECT p.name, c.key, t.times, t.per, t.uid FROM targets t JOIN people p ON p.id = t.person_id
             JOIN categories c ON c.id = t.category_id ORDER BY p.name, c.key",
            |r| {
                Ok(TargetEntry {
                    uid: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
                    person: r.get(0)?,
                    category: r.get(1)?,
                    times: r.get(2)?,
                    per: r.get(3)?,
                })
            },
        )?;
        let absences = all(
            self,
            "SELECT a.uid, p.name, a.from_date, a.to_date, a.reason FROM absences a JOIN people p ON p.id = a.person_id ORDER BY a.uid",
            |r| Ok(AbsenceEntry { uid: r.get(0)?, person: r.get(1)?, from: r.get(2)?, to: r.get(3)?, reason: r.get(4)? }),
        )?;
        let actions = all(
            self,
            "SELECT a.uid, p.name, c.key, a.occurred_at, a.local_date, a.tz, a.note, ch.key, lb.name, a.created_at, a.updated_at,
                (SELECT group_concat(l.key, ',') FROM action_layers x JOIN layers l ON l.id = x.layer_id WHERE x.action_id = a.id),
                (SELECT group_concat(u.key, ',') FROM action_units x JOIN units u ON u.id = x.unit_id WHERE x.action_id = a.id),
                (SELECT group_concat(v.key, ',') FROM action_values x JOIN value_items v ON v.id = x.value_id WHERE x.action_id = a.id)
             FROM actions a JOIN people p ON p.id = a.person_id JOIN categories c ON c.id = a.category_id
             LEFT JOIN channels ch ON ch.id = a.channel_id LEFT JOIN people lb ON lb.id = a.logged_by
             ORDER BY a.occurred_at, a.uid",
            |r| {
                Ok(ActionEntry {
                    uid: r.get(0)?,
                    person: r.get(1)?,
                    category: r.get(2)?,
                    occurred_at: r.get(3)?,
                    local_date: r.get(4)?,
                    tz: r.get(5)?,
                    note: r.get(6)?,
                    channel: r.get(7)?,
                    logged_by: r.get(8)?,
                    created_at: r.get(9)?,
                    updated_at: r.get(10)?,
                    layers: keys(r.get(11)?),
                    units: keys(r.get(12)?),
                    values: keys(r.get(13)?),
                })
            },
        )?;
        let followups = all(
            self,
            "SELECT f.uid, p.name, f.text, f.due_date, fa.uid, f.created_at, f.closed_at, f.closed_date, ca.uid
             FROM followups f JOIN people p ON p.id = f.person_id
             LEFT JOIN actions fa ON fa.id = f.from_action_id LEFT JOIN actions ca ON ca.id = f.closing_action_id
             WHERE f.deleted_at IS NULL ORDER BY f.uid",
            |r| {
                Ok(FollowupEntry {
                    uid: r.get(0)?,
                    person: r.get(1)?,
                    text: r.get(2)?,
                    due: r.get(3)?,
                    from_action: r.get(4)?,
                    created_at: r.get(5)?,
                    closed_at: r.get(6)?,
                    closed_date: r.get(7)?,
                    closing_action: r.get(8)?,
                })
            },
        )?;
        let reminder_rules = all(
            self,
            "SELECT r.uid, p.name, cb.name, r.kind, r.at_time, r.weekdays, c.key, r.after_days, r.threshold, r.drop_pts,
                    r.min_streak, r.quiet_from, r.quiet_to, r.paused, r.created_at, r.active_from
             FROM reminder_rules r JOIN people p ON p.id = r.person_id LEFT JOIN people cb ON cb.id = r.created_by
             LEFT JOIN categories c ON c.id = r.category_id ORDER BY r.uid",
            |r| {
                Ok(RuleEntry {
                    uid: r.get(0)?,
                    person: r.get(1)?,
                    created_by: r.get(2)?,
                    kind: r.get(3)?,
                    at: r.get(4)?,
                    weekdays: r.get(5)?,
                    category: r.get(6)?,
                    after_days: r.get(7)?,
                    threshold: r.get(8)?,
                    drop_points: r.get(9)?,
                    min_streak: r.get(10)?,
                    quiet_from: r.get(11)?,
                    quiet_to: r.get(12)?,
                    paused: r.get(13)?,
                    created_at: r.get(14)?,
                    active_from: r.get(15)?,
                })
            },
        )?;
        let reminder_occurrences = all(
            self,
            "SELECT r.uid, o.occurrence, p.name, o.kind, o.category, f.uid, o.fire_at, o.fired_at, o.late, o.state,
                    o.snoozed_until, o.refired_at, o.seen, o.title, o.body, o.missed
             FROM reminder_occurrences o JOIN reminder_rules r ON r.id = o.rule_id JOIN people p ON p.id = o.person_id
             LEFT JOIN followups f ON f.id = o.followup_id AND f.deleted_at IS NULL ORDER BY r.uid, o.occurrence",
            |r| {
                Ok(OccurrenceEntry {
                    rule: r.get(0)?,
                    occurrence: r.get(1)?,
                    person: r.get(2)?,
                    kind: r.get(3)?,
                    category: r.get(4)?,
                    followup: r.get(5)?,
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
                })
            },
        )?;
        Ok(ExportDoc {
            format: FORMAT.into(),
            version: FORMAT_VERSION,
            exported_at: self.clock.now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            me: self.self_person()?.map(|p| p.name),
            layers,
            units,
            categories,
            channels,
            values,
            people,
            targets,
            absences,
            actions,
            followups,
            reminder_rules,
            reminder_occurrences,
        })
    }

    /// The JSON export as text.
    pub fn export_json(&self) -> Result<String> {
        serde_json::to_string_pretty(&self.export_doc()?)
            .map_err(|e| CoreError::Io { context: Msg::new("io.write_json"), source: e.into() })
    }

    /// Writes an export (`json`, `csv` or `ics`) to `path`, via a temporary file renamed into place.
    pub fn export_to(&self, format: &str, path: &Path) -> Result<usize> {
        let text = match format.trim().to_ascii_lowercase().as_str() {
            "json" => self.export_json()?,
            "csv" => self.export_csv()?,
            "ics" | "ical" | "icalendar" => self.export_ics()?,
            other => return Err(CoreError::invalid("format", Msg::new("transfer.format.unknown").arg("format", other))),
        };
        let tmp = path.with_extension("partial");
        let io = |source| CoreError::Io { context: Msg::new("io.write").arg("path", path.display()), source };
        crate::private::write_atomically(&tmp, path, text.as_bytes()).map_err(io)?;
        Ok(text.len())
    }

    /// Rows per table, to report what an import added.
    pub(crate) fn counts(&self) -> Result<Vec<(&'static str, i64)>> {
        count_in(&self.conn)
    }
}

/// Rows per table on any connection (also inside a transaction).
pub(crate) fn count_in(conn: &rusqlite::Connection) -> Result<Vec<(&'static str, i64)>> {
        let tables = [
            ("people", "people"),
            ("actions", "actions"),
            ("followups", "followups"),
            ("absences", "absences"),
            ("targets", "targets"),
            ("reminderRules", "reminder_rules"),
            ("reminderOccurrences", "reminder_occurrences"),
            ("values", "value_items"),
            ("categories", "categories"),
            ("channels", "channels"),
            ("units", "units"),
            ("layers", "layers"),
        ];
        tables
            .iter()
            .map(|(name, table)| Ok((*name, conn.query_row(&format!("SELECT count(*) FROM {table}"), params![], |r| r.get(0))?)))
            .collect()
}
