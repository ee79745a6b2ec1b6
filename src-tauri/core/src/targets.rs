//! Targets ("N per week" or "N per working day" per person and category) and planned absences.
//!
//! A category without a stored target uses its default: open communication 3 per week, visible
//! participation 2, follow-up 2, anything else 1 per week.

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Target {
    pub times: u32,
    pub per: Per,
}

/// A category's target for a person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Absence {
    pub id: i64,
    pub person_id: i64,
    pub person_name: String,
    pub from: String,
    pub to: String,
    pub reason: String,
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
        self.write(|tx| {
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
        self.write(|tx| {
            if let Some(days) = days {
                tx.execute("UPDATE people SET working_days = ?2 WHERE id = ?1", params![person_id, days.0])?;
            }
            if let Some(start) = start {
                tx.execute("UPDATE people SET day_start = ?2 WHERE id = ?1", params![person_id, start])?;
            }
            Ok(())
        })?;
        self.person(person_id)
    }
}
