//! Targets and absences as plain types: "N per week" or "N per working day" per person and category, the
//! default of a category without one, and a planned absence. No storage, no I/O.
//!
//! A category without a stored target uses its default: open communication 3 per week, visible
//! participation 2, follow-up 2, anything else 1 per week.

use serde::{Deserialize, Serialize};

use crate::error::{CoreError, Result};
use crate::i18n::Msg;

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
    /// Created once, never reused: what an import matches on.
    #[serde(default)]
    pub uid: String,
    pub person_id: i64,
    pub person_name: String,
    pub from: String,
    pub to: String,
    pub reason: String,
}

