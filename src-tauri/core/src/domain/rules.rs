//! Reminder rules as plain types: a rule as the window and the CLI show it, and the input for a new or edited
//! one (numbers as typed, checked per kind by `service::rules`).

use serde::{Deserialize, Serialize};

/// A stored rule, as the UI and CLI show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ReminderRule {
    pub id: i64,
    pub person_id: i64,
    pub person_name: String,
    pub created_by: Option<i64>,
    pub created_by_name: Option<String>,
    #[ts(as = "crate::reminders::engine::Kind")]
    pub kind: String,
    pub at: String,
    /// Weekdays it may fire on; `None` = the person's working days.
    pub days: Option<Vec<String>>,
    pub category: Option<String>,
    pub after_days: Option<u32>,
    pub threshold: Option<f64>,
    pub drop_points: Option<f64>,
    pub min_streak: Option<u32>,
    pub quiet_from: Option<String>,
    pub quiet_to: Option<String>,
    pub paused: bool,
    /// The person it is for has been archived: the rule rests until they are restored.
    pub person_archived: bool,
    /// When it would next fire if its condition holds (RFC 3339), for the preview.
    pub next_fire: Option<String>,
}

/// Input for a new or edited rule. Numbers as typed; validated per kind.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(optional_fields = nullable)]
pub struct NewRule {
    pub person: String,
    pub kind: String,
    pub at: Option<String>,
    pub days: Option<Vec<String>>,
    pub category: Option<String>,
    pub after_days: Option<u32>,
    /// A score threshold, 0..1 (or a percentage above 1).
    pub threshold: Option<f64>,
    /// A fall in points over 7 days (0..100).
    pub drop_points: Option<f64>,
    pub min_streak: Option<u32>,
    pub quiet_from: Option<String>,
    pub quiet_to: Option<String>,
    /// The person who made it (the leader or their assistant); the app's user when absent.
    pub created_by: Option<i64>,
}
