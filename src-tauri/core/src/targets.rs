//! Targets ("N per week" or "N per working day" per person and category) and planned absences.
//!
//! A category without a stored target uses its default: open communication 3 per week, visible
//! participation 2, follow-up 2, anything else 1 per week.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::params;
use serde::{Deserialize, Serialize};

use crate::catalog::{clean_label, id_for_key, Table};
use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::i18n::Msg;
use crate::people::resolve_person;
use crate::time::parse_date;

/// The period a target counts over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Per {
    Week,
    Day,
}

impl Per {
    pub fn parse(text: &str) -> Result<Per> {
        match text.trim().to_ascii_lowercase().as_str() {
            "week" | "weekly" | "w" => Ok(Per::Week),
            "day" | "daily" | "d" | "working-day" => Ok(Per::Day),
            other => Err(CoreError::invalid("per", Msg::new("target.per.unknown").arg("per", other))),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Per::Week => "week",
            Per::Day => "day",
        }
    }
}

/// "times per week" or "times per working day".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Target {
    pub times: u32,
    pub per: Per,
}

/// A category's target for a person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct CategoryTarget {
    pub category: String,
    pub label: String,
    pub colour: String,
    pub target: Target,
    /// True when no target was set and the default applies.
    pub is_default: bool,
}

/// The default target of a category key.
pub fn default_target(key: &str) -> Target {
    let times = match key {
        "open-communication" => 3,
        "visible-participation" | "follow-up" => 2,
        _ => 1,
    };
    Target { times, per: Per::Week }
}

/// A planned absence over inclusive local dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Absence {
    pub id: i64,
    pub person_id: i64,
    pub person_name: String,
    pub from: String,
    pub to: String,
    pub reason: String,
}

/// The from-date of the rhythm or target that applied before the first change: all of the past.
const HISTORY_START: &str = "0001-01-01";

/// Targets over time per category key: `(from, target)` by date, `None` for the default.
pub(crate) type TargetHistory = HashMap<String, Vec<(NaiveDate, Option<Target>)>>;

/// A stored from-date; HISTORY_START lies outside the range people may type, so it is not parsed as input.
fn history_date(text: &str) -> Result<NaiveDate> {
    text.parse::<NaiveDate>().or_else(|_| parse_date("from", text))
}

/// Longest absence accepted, in days (a sabbatical, not a typo spanning decades).
const MAX_ABSENCE_DAYS: i64 = 366;

impl Db {
    /// Sets a person's target for a category.
    pub fn set_target(&mut self, person: &str, category: &str, times: u32, per: Per) -> Result<CategoryTarget> {
        if !(1..=100).contains(&times) {
            return Err(CoreError::invalid("times", Msg::new("range").arg("min", 1).arg("max", 100)));
        }
        let (person_id, category_id) = (resolve_person(&self.conn, person)?, id_for_key(&self.conn, Table::Category, category)?);
        let today = self.change_from(person_id)?;
        self.write(|tx| {
            // What applied until now keeps applying to the past (the default, when none was set).
            tx.execute(
                "INSERT OR IGNORE INTO target_history (person_id, category_id, from_date, times, per)
                 SELECT ?1, ?2, ?3, t.times, t.per FROM (SELECT 1) LEFT JOIN targets t ON t.person_id = ?1 AND t.category_id = ?2",
                params![person_id, category_id, HISTORY_START],
            )?;
            tx.execute(
                "INSERT OR REPLACE INTO target_history (person_id, category_id, from_date, times, per) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![person_id, category_id, today, times, per.as_str()],
            )?;
            tx.execute(
                "INSERT INTO targets (person_id, category_id, times, per) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(person_id, category_id) DO UPDATE SET times = excluded.times, per = excluded.per",
                params![person_id, category_id, times, per.as_str()],
            )?;
            Ok(())
        })?;
        self.targets(person_id)?
            .into_iter()
            .find(|t| t.category == category.trim())
            .ok_or_else(|| CoreError::not_found("category", category))
    }

    /// A person's target for every active category, defaults filled in.
    pub fn targets(&self, person_id: i64) -> Result<Vec<CategoryTarget>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.key, c.label, c.colour, t.times, t.per FROM categories c
             LEFT JOIN targets t ON t.category_id = c.id AND t.person_id = ?1
             WHERE c.archived = 0 ORDER BY c.rank, c.id",
        )?;
        let rows = stmt.query_map([person_id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, Option<u32>>(3)?, r.get::<_, Option<String>>(4)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (category, label, colour, times, per) = row?;
            let (target, is_default) = match (times, per) {
                (Some(times), Some(per)) => (Target { times, per: Per::parse(&per)? }, false),
                _ => (default_target(&category), true),
            };
            out.push(CategoryTarget { category, label, colour, target, is_default });
        }
        Ok(out)
    }

    /// Records a planned absence.
    pub fn add_absence(&mut self, person: &str, from: &str, to: &str, reason: &str) -> Result<Absence> {
        let person_id = resolve_person(&self.conn, person)?;
        let (from, to) = (parse_date("from", from)?, parse_date("to", to)?);
        if to < from {
            return Err(CoreError::invalid("to", Msg::new("date.before").arg("to", to).arg("from", from)));
        }
        if (to - from).num_days() >= MAX_ABSENCE_DAYS {
            return Err(CoreError::invalid("to", Msg::new("absence.too_long").arg("max", MAX_ABSENCE_DAYS)));
        }
        let reason = if reason.trim().is_empty() { String::new() } else { clean_label("reason", reason)? };
        let id = self.write(|tx| {
            tx.execute(
                "INSERT INTO absences (person_id, from_date, to_date, reason, uid) VALUES (?1, ?2, ?3, ?4, lower(hex(randomblob(16))))",
                params![person_id, from.to_string(), to.to_string(), reason],
            )?;
            Ok(tx.last_insert_rowid())
        })?;
        self.absences(Some(&person_id.to_string()))?
            .into_iter()
            .find(|a| a.id == id)
            .ok_or_else(|| CoreError::not_found("absence", id.to_string()))
    }

    /// Removes an absence.
    pub fn delete_absence(&mut self, id: i64) -> Result<()> {
        let removed = self.write(|tx| Ok(tx.execute("DELETE FROM absences WHERE id = ?1", [id])?))?;
        if removed == 0 {
            return Err(CoreError::not_found("absence", id.to_string()));
        }
        Ok(())
    }

    /// Absences of one person (id or name) or of everyone, by start date.
    pub fn absences(&self, person: Option<&str>) -> Result<Vec<Absence>> {
        let person_id = person.filter(|p| !p.trim().is_empty()).map(|p| resolve_person(&self.conn, p)).transpose()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.person_id, p.name, a.from_date, a.to_date, a.reason FROM absences a
             JOIN people p ON p.id = a.person_id
             WHERE ?1 IS NULL OR a.person_id = ?1 ORDER BY a.from_date, a.id",
        )?;
        let rows = stmt.query_map([person_id], |r| {
            Ok(Absence { id: r.get(0)?, person_id: r.get(1)?, person_name: r.get(2)?, from: r.get(3)?, to: r.get(4)?, reason: r.get(5)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Absence date ranges of a person overlapping `[from, to]`.
    pub(crate) fn absence_ranges(&self, person_id: i64, from: NaiveDate, to: NaiveDate) -> Result<Vec<(NaiveDate, NaiveDate)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT from_date, to_date FROM absences WHERE person_id = ?1 AND to_date >= ?2 AND from_date <= ?3",
        )?;
        let rows = stmt.query_map(params![person_id, from.to_string(), to.to_string()], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (a, b) = row?;
            out.push((parse_date("from", &a)?, parse_date("to", &b)?));
        }
        Ok(out)
    }

    /// Updates a person's working days and day start.
    pub fn set_schedule(&mut self, person: &str, working_days: Option<&[String]>, day_start: Option<&str>) -> Result<crate::Person> {
        let person_id = resolve_person(&self.conn, person)?;
        let days = working_days.map(|d| crate::time::WorkingDays::parse(&d.join(","))).transpose()?;
        let start = day_start.map(crate::time::parse_day_start).transpose()?;
        let today = self.change_from(person_id)?;
        self.write(|tx| {
            // The rhythm so far keeps applying to the past; the new one applies from today.
            tx.execute(
                "INSERT OR IGNORE INTO rhythm_history (person_id, from_date, working_days, day_start)
                 SELECT id, ?2, working_days, day_start FROM people WHERE id = ?1",
                params![person_id, HISTORY_START],
            )?;
            if let Some(days) = days {
                tx.execute("UPDATE people SET working_days = ?2 WHERE id = ?1", params![person_id, days.0])?;
            }
            if let Some(start) = start {
                tx.execute("UPDATE people SET day_start = ?2 WHERE id = ?1", params![person_id, start])?;
            }
            tx.execute(
                "INSERT OR REPLACE INTO rhythm_history (person_id, from_date, working_days, day_start)
                 SELECT id, ?2, working_days, day_start FROM people WHERE id = ?1",
                params![person_id, today],
            )?;
            Ok(())
        })?;
        self.person(person_id)
    }

    /// The date from which a change of rhythm or target applies: the person's local today, by the day start
    /// in force now. On the day a person is added, a change is still setting them up and applies to all of
    /// their (back-logged) history.
    fn change_from(&self, person_id: i64) -> Result<String> {
        let clock = crate::people::person_clock(&self.conn, person_id)?;
        let today = crate::time::local_date(self.clock.now(), &clock.zone, clock.day_start);
        let created: i64 = self.conn.query_row("SELECT created_at FROM people WHERE id = ?1", [person_id], |r| r.get(0))?;
        let first_day = chrono::DateTime::from_timestamp_millis(created).map(|t| crate::time::local_date(t, &clock.zone, clock.day_start));
        Ok(if first_day.is_some_and(|d| d >= today) { HISTORY_START.to_string() } else { today.to_string() })
    }

    /// The working days a person had over time, `(from, days)` by date; empty when they never changed.
    pub(crate) fn rhythm_history(&self, person_id: i64) -> Result<Vec<(NaiveDate, crate::time::WorkingDays)>> {
        let mut stmt =
            self.conn.prepare_cached("SELECT from_date, working_days FROM rhythm_history WHERE person_id = ?1 ORDER BY from_date")?;
        let rows = stmt.query_map([person_id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (from, bits) = row?;
            out.push((history_date(&from)?, crate::time::WorkingDays::from_bits(bits)));
        }
        Ok(out)
    }

    /// Each category's targets over time, by category key: `(from, target)` by date, `None` for the default.
    pub(crate) fn target_history(&self, person_id: i64) -> Result<TargetHistory> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.key, h.from_date, h.times, h.per FROM target_history h JOIN categories c ON c.id = h.category_id
             WHERE h.person_id = ?1 ORDER BY c.key, h.from_date",
        )?;
        let rows = stmt.query_map([person_id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<u32>>(2)?, r.get::<_, Option<String>>(3)?))
        })?;
        let mut out: HashMap<String, Vec<(NaiveDate, Option<Target>)>> = HashMap::new();
        for row in rows {
            let (key, from, times, per) = row?;
            let target = match (times, per) {
                (Some(times), Some(per)) => Some(Target { times, per: Per::parse(&per)? }),
                _ => None,
            };
            out.entry(key).or_default().push((history_date(&from)?, target));
        }
        Ok(out)
    }
}
