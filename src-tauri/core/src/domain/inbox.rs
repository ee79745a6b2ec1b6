//! An inbox entry: a reminder occurrence that fired, as the window and `--json` show it.

use serde::Serialize;

/// An inbox entry: a fired occurrence and what was done with it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct InboxItem {
    pub id: i64,
    /// Created once, never reused.
    pub uid: String,
    pub rule_id: i64,
    pub person_id: i64,
    pub person_name: String,
    #[ts(as = "crate::reminders::engine::Kind")]
    pub kind: String,
    pub category: Option<String>,
    pub followup_id: Option<i64>,
    pub key: String,
    pub fire_at: String,
    pub fired_at: String,
    pub late: bool,
    /// `fired`, `snoozed`, `dismissed` or `acted`.
    #[ts(type = r#""fired" | "snoozed" | "dismissed" | "acted""#)]
    pub state: String,
    pub snoozed_until: Option<String>,
    pub seen: bool,
    pub title: String,
    pub body: String,
}
