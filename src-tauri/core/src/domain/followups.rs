//! Follow-ups as plain types: a promise ("I promised to ..." with a due date), an edit of one, and the
//! follow-through figures of the dashboard.

use serde::{Deserialize, Serialize};

/// Longest promise text accepted.
pub const MAX_FOLLOWUP: usize = 500;

/// A commitment and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Followup {
    pub id: i64,
    /// The promise's uid: random, made once, the same in every copy.
    #[serde(default)]
    pub uid: String,
    pub person_id: i64,
    pub person_name: String,
    pub text: String,
    pub due: String,
    pub from_action_id: Option<i64>,
    /// `open`, `overdue` (open past its due date, as of the person's today) or `done`.
    #[ts(type = r#""open" | "overdue" | "done""#)]
    pub status: String,
    pub created_date: String,
    pub closed_date: Option<String>,
    pub closing_action_id: Option<i64>,
}

/// An edit of a follow-up: the fields given change, the others stay.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(optional_fields = nullable)]
pub struct FollowupEdit {
    pub text: Option<String>,
    pub due: Option<String>,
}

/// Input for a new follow-up.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(optional_fields = nullable)]
pub struct NewFollowup {
    pub person: String,
    pub text: String,
    pub due: String,
    pub from_action: Option<i64>,
}

/// Follow-through figures for the dashboard.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct FollowThrough {
    pub open: u32,
    pub overdue: u32,
    pub done: u32,
    /// Of the follow-ups that are done or overdue, the share done by their due date (0..1); `None` without any.
    pub rate: Option<f64>,
    /// Median calendar days from promise to done.
    pub median_days_to_close: Option<f64>,
}
