//! The export document's record types: what a Cadence JSON export holds, one struct per kind of record.
//! Fields name records by key, name or `uid` (never row ids), so a document moves between databases.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExportDoc {
    pub format: String,
    pub version: u32,
    #[serde(default)]
    pub exported_at: String,
    #[serde(default)]
    pub me: Option<String>,
    #[serde(default)]
    pub layers: Vec<Entry>,
    #[serde(default)]
    pub units: Vec<Entry>,
    #[serde(default)]
    pub categories: Vec<Entry>,
    #[serde(default)]
    pub channels: Vec<Entry>,
    #[serde(default)]
    pub values: Vec<Entry>,
    #[serde(default)]
    pub people: Vec<PersonEntry>,
    #[serde(default)]
    pub targets: Vec<TargetEntry>,
    #[serde(default)]
    pub absences: Vec<AbsenceEntry>,
    #[serde(default)]
    pub actions: Vec<ActionEntry>,
    #[serde(default)]
    pub followups: Vec<FollowupEntry>,
    #[serde(default)]
    pub reminder_rules: Vec<RuleEntry>,
    #[serde(default)]
    pub reminder_occurrences: Vec<OccurrenceEntry>,
}

/// A catalogue entry; `colour` for categories, `external` and `units` for channels, `kind` for values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Entry {
    /// The record's uid (version 3; absent in older documents, which are matched by key or name).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub uid: String,
    pub key: String,
    pub label: String,
    #[serde(default)]
    pub rank: i64,
    #[serde(default)]
    pub archived: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub units: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PersonEntry {
    /// The record's uid (version 3; absent in older documents, which are matched by key or name).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub uid: String,
    pub name: String,
    #[serde(default)]
    pub role: String,
    pub layer: Option<String>,
    pub unit: Option<String>,
    pub tz: String,
    pub working_days: Vec<String>,
    pub day_start: String,
    pub created_at: i64,
    /// When the person was archived (milliseconds); absent for everyone still here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived_at: Option<i64>,
    /// The working days and day start over time (empty: they never changed). Version 2.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rhythm: Vec<RhythmEntry>,
    /// Each category's target over time (empty: no target ever changed). Version 2.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target_history: Vec<TargetHistoryEntry>,
}

/// The rhythm in force from a date (`0001-01-01`: all of the past before the first change).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RhythmEntry {
    pub from: String,
    pub working_days: Vec<String>,
    pub day_start: String,
}

/// A category's target in force from a date; no `times` and `per`: the default (no target set then).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TargetHistoryEntry {
    pub category: String,
    pub from: String,
    pub times: Option<u32>,
    pub per: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TargetEntry {
    /// The record's uid (version 3; absent in older documents, which are matched by key or name).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub uid: String,
    pub person: String,
    pub category: String,
    pub times: u32,
    pub per: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AbsenceEntry {
    pub uid: String,
    pub person: String,
    pub from: String,
    pub to: String,
    #[serde(default)]
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ActionEntry {
    pub uid: String,
    pub person: String,
    pub category: String,
    /// UTC milliseconds since the epoch.
    pub occurred_at: i64,
    pub local_date: String,
    pub tz: String,
    #[serde(default)]
    pub note: String,
    pub channel: Option<String>,
    #[serde(default)]
    pub layers: Vec<String>,
    #[serde(default)]
    pub units: Vec<String>,
    #[serde(default)]
    pub values: Vec<String>,
    pub logged_by: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FollowupEntry {
    pub uid: String,
    pub person: String,
    pub text: String,
    pub due: String,
    pub from_action: Option<String>,
    pub created_at: i64,
    pub closed_at: Option<i64>,
    pub closed_date: Option<String>,
    pub closing_action: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RuleEntry {
    pub uid: String,
    pub person: String,
    pub created_by: Option<String>,
    pub kind: String,
    pub at: String,
    pub weekdays: Option<i64>,
    pub category: Option<String>,
    pub after_days: Option<u32>,
    pub threshold: Option<f64>,
    pub drop_points: Option<f64>,
    pub min_streak: Option<u32>,
    pub quiet_from: Option<String>,
    pub quiet_to: Option<String>,
    pub paused: bool,
    pub created_at: i64,
    /// When the rule was last edited or resumed: it never fires for an earlier time. Version 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_from: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OccurrenceEntry {
    /// Its own uid (version 4); absent in older documents, where its rule and key name it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub uid: String,
    pub rule: String,
    pub occurrence: String,
    pub person: String,
    pub kind: String,
    pub category: Option<String>,
    pub followup: Option<String>,
    pub fire_at: i64,
    pub fired_at: i64,
    pub late: bool,
    pub state: String,
    pub snoozed_until: Option<i64>,
    pub refired_at: Option<i64>,
    pub seen: bool,
    pub title: String,
    pub body: String,
    /// What it says, as data (version 4); absent for what fired before Cadence kept it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<crate::reminders::notice::Notice>,
    /// Found while the app was closed and not delivered (a newer one was). Version 2.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub missed: bool,
}
