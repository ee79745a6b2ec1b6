//! The data Cadence exchanges with its callers (UI, CLI, export): plain serde types, camelCase on the wire.
//!
//! Records carry keys (`open-communication`), not row ids, wherever a person or a file reads them; inputs are
//! the raw text the user typed, validated by the core functions that take them.

use serde::{Deserialize, Serialize};

/// A leader (or the assistant using the app).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub id: i64,
    /// Random, made once, the same in every copy (export, import, another device).
    #[serde(default)]
    pub uid: String,
    pub name: String,
    pub role: String,
    pub layer: Option<String>,
    pub unit: Option<String>,
    pub tz: String,
    pub working_days: Vec<String>,
    pub day_start: String,
    /// True for the person using this app (set by onboarding).
    pub is_self: bool,
    /// Archived: left the organisation (or a test person). Hidden from pickers, the team and reminders;
    /// their history stays. See [`crate::Db::archive_person`].
    pub archived: bool,
}

/// Input for creating a person. Text as typed; validated by [`crate::Db::add_person`].
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(optional_fields = nullable)]
pub struct NewPerson {
    pub name: String,
    pub role: Option<String>,
    pub layer: Option<String>,
    pub unit: Option<String>,
    /// IANA zone; the OS zone when absent.
    pub tz: Option<String>,
    /// Weekday names (`mon`, `tue`, ...); Monday to Friday when absent.
    pub working_days: Option<Vec<String>>,
    /// `HH:MM`; midnight when absent.
    pub day_start: Option<String>,
}

/// An action kind, such as open communication.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Category {
    pub id: i64,
    /// Random, made once, the same in every copy (export, import, another device).
    #[serde(default)]
    pub uid: String,
    pub key: String,
    pub label: String,
    pub colour: String,
    pub archived: bool,
}

/// A means of reaching people, internal or external.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Channel {
    pub id: i64,
    /// Random, made once, the same in every copy (export, import, another device).
    #[serde(default)]
    pub uid: String,
    pub key: String,
    pub label: String,
    pub external: bool,
    pub archived: bool,
    /// The unit keys it is meant for, sorted; empty: everyone.
    #[serde(default)]
    pub units: Vec<String>,
}

/// An organisational layer (board, senior management, ...) or a unit; both are audiences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Audience {
    pub id: i64,
    /// Random, made once, the same in every copy (export, import, another device).
    #[serde(default)]
    pub uid: String,
    pub key: String,
    pub label: String,
    /// `layer` or `unit`.
    #[ts(type = r#""layer" | "unit""#)]
    pub kind: String,
    /// Archived: no longer offered, still named in the history (only `catalog_all` lists these).
    #[serde(default)]
    pub archived: bool,
}

/// A core value or strategic theme of the organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ValueItem {
    pub id: i64,
    /// Random, made once, the same in every copy (export, import, another device).
    #[serde(default)]
    pub uid: String,
    pub key: String,
    pub label: String,
    /// `value` or `theme`.
    #[ts(type = r#""value" | "theme""#)]
    pub kind: String,
    /// Archived: no longer offered, still named in the history (only `catalog_all` lists these).
    #[serde(default)]
    pub archived: bool,
}

/// Everything the quick-log panel offers to choose from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Catalog {
    pub categories: Vec<Category>,
    pub channels: Vec<Channel>,
    pub layers: Vec<Audience>,
    pub units: Vec<Audience>,
    pub values: Vec<ValueItem>,
}

/// A logged leadership action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Action {
    pub id: i64,
    /// The action's uid: random, made once, the same in every copy (export, import, a second device).
    #[serde(default)]
    pub uid: String,
    pub person_id: i64,
    pub person_name: String,
    pub category: String,
    /// RFC 3339 with the offset of the zone it was logged in.
    pub occurred_at: String,
    /// The local calendar date it counts for (`YYYY-MM-DD`).
    pub local_date: String,
    /// The zone it was logged in (IANA name or `+HH:MM`).
    pub tz: String,
    /// Wall-clock time in that zone, `HH:MM`.
    pub local_time: String,
    pub note: String,
    pub channel: Option<String>,
    /// The audiences reached, by kind: `layer:KEY` and `unit:KEY` (a layer and a unit may share a name, Staff
    /// or Board, and stay two audiences). Input may also give a bare key: the layer's, else the unit's.
    pub audiences: Vec<String>,
    pub values: Vec<String>,
    pub logged_by: Option<i64>,
    pub created_at: String,
    pub updated_at: String,
}

/// Input for logging or editing an action. At most one of `at` and `date` is given; `time` goes with `date`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(optional_fields = nullable)]
pub struct NewAction {
    /// Person id or name.
    pub person: String,
    /// Category key.
    pub category: String,
    pub note: Option<String>,
    /// Channel key.
    pub channel: Option<String>,
    /// Layer or unit keys.
    #[ts(as = "Option<Vec<String>>", optional)]
    pub audiences: Vec<String>,
    /// Value or theme keys.
    #[ts(as = "Option<Vec<String>>", optional)]
    pub values: Vec<String>,
    /// An RFC 3339 instant; its offset fixes the local date.
    pub at: Option<String>,
    /// A local calendar date `YYYY-MM-DD` (back-logging).
    pub date: Option<String>,
    /// A local wall time `HH:MM` on `date` (defaults to 12:00).
    pub time: Option<String>,
    /// The zone the action happened in, when not the person's own (travel).
    pub tz: Option<String>,
    /// The person who logged it, when not the leader themself (an assistant).
    pub logged_by: Option<i64>,
}

/// Which actions to list.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(optional_fields = nullable)]
pub struct ActionQuery {
    /// Person id or name; everyone when absent.
    pub person: Option<String>,
    /// First local date, inclusive.
    pub from: Option<String>,
    /// Last local date, inclusive.
    pub to: Option<String>,
}

/// Number of actions on one local date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct DayCount {
    pub date: String,
    pub count: i64,
}
