//! The statistics' serde types: what `cadence stats --json`, `cadence team --json` and the dashboard get.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::targets::Target;

/// What to compute.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(optional_fields = nullable)]
pub struct StatsQuery {
    /// Person id or name.
    pub person: String,
    /// The day to compute for (`YYYY-MM-DD`); today in the person's zone when absent.
    pub as_of: Option<String>,
    /// Days covered by channel mix, audience and value counts (default 90).
    pub range_days: Option<u32>,
}

/// Everything the dashboard shows for one person.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    pub as_of: String,
    pub person_id: i64,
    pub person_name: String,
    pub range: Range,
    pub total_actions: u64,
    pub overall: Overall,
    pub categories: Vec<CategoryStats>,
    /// The 365 days up to as-of, oldest first.
    pub heatmap: Vec<DayTotal>,
    /// The 52 ISO weeks up to as-of, oldest first.
    pub weekly: Vec<PeriodCounts>,
    /// The 12 months up to as-of, oldest first.
    pub monthly: Vec<PeriodCounts>,
    /// Overall and per-category score at the end of each of the 52 weeks.
    pub score_trend: Vec<ScorePoint>,
    pub channels: Vec<ChannelShare>,
    /// Share of actions with a channel that used an internal / external one, in range.
    pub internal_share: f64,
    pub external_share: f64,
    pub audiences: Vec<Coverage>,
    pub values: Vec<Coverage>,
    /// Follow-ups: open, overdue, done, follow-through rate and median days to close.
    pub follow_through: crate::followups::FollowThrough,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Range {
    pub from: String,
    pub to: String,
    pub days: u32,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Overall {
    pub current_streak_days: u32,
    pub best_streak_days: u32,
    /// Today is a working day without an action yet while a streak is running.
    pub at_risk: bool,
    /// The mean of the category scores (0..1).
    pub score: f64,
    pub score_7d_ago: f64,
    pub slipping: bool,
    pub logged_today: u32,
}

/// Why a score is what it is, in numbers the UI turns into words.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Explanation {
    /// Counted days in the last 30 calendar days, and how many of them met the target.
    pub counted_days_30: u32,
    pub met_days_30: u32,
    /// Counted days over which a missed day's effect halves.
    pub half_life_days: f64,
    /// Change over the last 7 days, in score points (0..1 scale).
    pub change_7d: f64,
    /// The target frequency per counted day used by the formula.
    pub frequency: f64,
    /// Loop's window for the day's fulfilment: the actions needed in the last `window_days` counted days
    /// (twice the target over two weeks' working days for "N per week").
    pub window_actions: u32,
    pub window_days: u32,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct CategoryStats {
    pub key: String,
    pub label: String,
    pub colour: String,
    pub target: Target,
    pub target_is_default: bool,
    pub current_streak: u32,
    pub best_streak: u32,
    pub streak_at_risk: bool,
    /// `weeks` for "N per week" targets, `days` for "N per working day".
    #[ts(type = r#""weeks" | "days""#)]
    pub streak_unit: String,
    pub score: f64,
    pub score_7d_ago: f64,
    pub last_date: Option<String>,
    pub days_since: Option<i64>,
    /// Counted days since the last action (today excluded while it is running).
    pub counted_days_since: Option<i64>,
    pub slipping: bool,
    /// `silence` (longer than the target interval without one) or `scoreDrop`.
    #[ts(type = r#""silence" | "scoreDrop" | null"#)]
    pub slipping_reason: Option<String>,
    /// What the card says: `slipping`, `onTrack` (not slipping, and the score at least half: the habit holds)
    /// or `building` (not slipping, but the score still low: a 2% score is not "on track").
    #[ts(type = r#""slipping" | "onTrack" | "building""#)]
    pub status: String,
    /// The target interval in counted days.
    pub interval_days: u32,
    pub count_in_range: u32,
    pub explanation: Explanation,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct DayTotal {
    pub date: String,
    pub count: u32,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PeriodCounts {
    /// `weekStart` (Monday) for weeks, `month` (`YYYY-MM`) for months.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub week_start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub month: Option<String>,
    pub counts: BTreeMap<String, u32>,
    pub total: u32,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ScorePoint {
    pub week_start: String,
    pub overall: f64,
    pub scores: BTreeMap<String, f64>,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ChannelShare {
    pub key: String,
    pub label: String,
    pub external: bool,
    pub count: u32,
    pub share: f64,
}

/// Coverage of an audience (layer or unit) or a value: how often and how recently.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Coverage {
    pub key: String,
    pub label: String,
    /// `layer`, `unit`, `value` or `theme`.
    pub kind: String,
    pub count: u32,
    pub last_date: Option<String>,
    pub days_since: Option<i64>,
}

/// One row of the team overview.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct TeamRow {
    pub person_id: i64,
    pub name: String,
    pub role: String,
    pub is_self: bool,
    pub as_of: String,
    pub score: f64,
    pub current_streak_days: u32,
    pub at_risk: bool,
    pub days_since_open_communication: Option<i64>,
    pub slipping: bool,
    /// Keys of the categories that are slipping.
    pub slipping_categories: Vec<String>,
    /// Their labels, in the same order (what people read).
    pub slipping_labels: Vec<String>,
    /// `slipping`, `onTrack` or `building`, by the overall score (see `CategoryStats::status`).
    #[ts(type = r#""slipping" | "onTrack" | "building""#)]
    pub status: String,
}

