//! The monthly leadership review: one person, one month — actions per category against targets, the
//! score week by week, streaks, quiet audiences, values not served, follow-through — as data (for the
//! window and `cadence review --json`) and as a PDF written by [`pdf::render`], so an assistant gets a
//! file to send without a print dialog.

pub mod pdf;
pub mod text;
mod winansi;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::i18n::Msg;
use crate::stats::{CategoryStats, Coverage};
use crate::{FollowThrough, StatsQuery};

/// One month's review of one person.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct MonthlyReview {
    pub person_id: i64,
    pub person_name: String,
    /// `YYYY-MM`.
    pub month: String,
    /// The month's last day, or today while the month runs.
    pub as_of: String,
    /// The month is still running: the figures are as of today.
    pub running: bool,
    pub categories: Vec<ReviewCategory>,
    /// Actions in the month, all categories.
    pub total: u32,
    pub score: f64,
    pub current_streak_days: u32,
    pub best_streak_days: u32,
    /// Overall score at the end of each of the (up to) six weeks ending in the month.
    pub trend: Vec<TrendPoint>,
    /// The four audiences (layers, units) longest without an action, longest first.
    pub quiet: Vec<Coverage>,
    /// Values and themes set up, and those not served in the month.
    pub values_set: usize,
    pub neglected_values: Vec<Coverage>,
    pub follow_through: FollowThrough,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewCategory {
    pub key: String,
    pub label: String,
    pub colour: String,
    /// Actions in the month.
    pub count: u32,
    pub target: crate::Target,
    pub score: f64,
    pub current_streak: u32,
    pub best_streak: u32,
    /// `days` or `weeks`.
    #[ts(type = r#""weeks" | "days""#)]
    pub streak_unit: String,
    pub slipping: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct TrendPoint {
    pub week_start: String,
    pub score: f64,
}

/// `YYYY-MM` to the month's first day.
pub fn parse_month(text: &str) -> Result<NaiveDate> {
    let bad = || CoreError::invalid("month", Msg::new("review.month.invalid").arg("text", text));
    let (y, m) = text.trim().split_once('-').ok_or_else(bad)?;
    if y.len() != 4 || m.len() != 2 || !y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let (y, m) = (y.parse::<i32>().map_err(|_| bad())?, m.parse::<u32>().map_err(|_| bad())?);
    NaiveDate::from_ymd_opt(y, m, 1).ok_or_else(bad)
}

fn month_end(first: NaiveDate) -> NaiveDate {
    let next = if first.month() == 12 {
        NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)
    };
    next.and_then(|d| d.pred_opt()).unwrap_or(first)
}

/// The month an assistant most likely wants: the one before `today`'s.
pub fn previous_month(today: NaiveDate) -> String {
    let first = today.with_day(1).and_then(|d| d.pred_opt()).unwrap_or(today);
    format!("{:04}-{:02}", first.year(), first.month())
}

impl Db {
    /// The review of `person` (id or name) for `month` (`YYYY-MM`; the previous month when absent).
    pub fn monthly_review(&self, person: &str, month: Option<&str>) -> Result<MonthlyReview> {
        let who = self.find_person(person)?;
        let today = self.today(&who.id.to_string())?;
        let month = match month {
            Some(m) if !m.trim().is_empty() => m.trim().to_string(),
            _ => previous_month(today),
        };
        let first = parse_month(&month)?;
        if first > today {
            return Err(CoreError::invalid("month", Msg::new("review.month.future").arg("month", month)));
        }
        let as_of = month_end(first).min(today);
        let days = (as_of - first).num_days() as u32 + 1;
        let stats = self.stats(&StatsQuery { person: who.id.to_string(), as_of: Some(as_of.to_string()), range_days: Some(days) })?;
        let period = stats.monthly.iter().find(|p| p.month.as_deref() == Some(month.as_str()));
        let count = |key: &str| period.and_then(|p| p.counts.get(key).copied()).unwrap_or(0);
        let categories = stats.categories.iter().map(|c: &CategoryStats| ReviewCategory {
            key: c.key.clone(),
            label: c.label.clone(),
            colour: c.colour.clone(),
            count: count(&c.key),
            target: c.target,
            score: c.score,
            current_streak: c.current_streak,
            best_streak: c.best_streak,
            streak_unit: c.streak_unit.clone(),
            slipping: c.slipping,
        });
        let trend: Vec<TrendPoint> = stats
            .score_trend
            .iter()
            .filter(|p| p.week_start.as_str() <= as_of.to_string().as_str())
            .map(|p| TrendPoint { week_start: p.week_start.clone(), score: p.overall })
            .collect();
        let trend = trend[trend.len().saturating_sub(6)..].to_vec();
        let mut quiet = stats.audiences.clone();
        quiet.sort_by_key(|a| std::cmp::Reverse(a.days_since.unwrap_or(i64::MAX)));
        quiet.truncate(4);
        Ok(MonthlyReview {
            person_id: who.id,
            person_name: stats.person_name.clone(),
            month,
            as_of: as_of.to_string(),
            running: as_of == today,
            categories: categories.collect(),
            total: period.map_or(0, |p| p.total),
            score: stats.overall.score,
            current_streak_days: stats.overall.current_streak_days,
            best_streak_days: stats.overall.best_streak_days,
            trend,
            quiet,
            values_set: stats.values.len(),
            neglected_values: stats.values.iter().filter(|v| v.count == 0).cloned().collect(),
            follow_through: stats.follow_through.clone(),
        })
    }
}

impl Db {
    /// Writes the review as a PDF: into `out` under its own name when `out` is a folder, else to `out`.
    /// Written to `<name>.partial` and renamed, so a half-written PDF never carries the name and the
    /// temporary file never survives a failure. An earlier PDF of the same review is replaced: preparing a
    /// month again is how an assistant brings it up to date. Returns the path.
    pub fn save_review_pdf(&self, person: &str, month: Option<&str>, out: &std::path::Path) -> Result<std::path::PathBuf> {
        let review = self.monthly_review(person, month)?;
        let locale = self.locale();
        let made_on = self.today(&review.person_id.to_string())?;
        let path = if out.is_dir() { out.join(pdf::file_name(&review, locale)) } else { out.to_path_buf() };
        let tmp = crate::private::with_suffix(&path, ".partial");
        if let Err(source) = crate::private::write_atomically(&tmp, &path, &pdf::render(&review, locale, made_on)) {
            return Err(CoreError::Io { context: Msg::new("io.write").arg("path", path.display()), source });
        }
        Ok(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_parse_strictly() {
        assert_eq!(parse_month("2026-02").ok(), NaiveDate::from_ymd_opt(2026, 2, 1));
        for bad in ["2026-13", "2026-2", "26-02", "2026/02", "", "2026-00", "+202-10", "2026-+1"] {
            assert!(parse_month(bad).is_err(), "{bad}");
        }
        assert_eq!(month_end(NaiveDate::from_ymd_opt(2028, 2, 1).unwrap()).day(), 29);
        assert_eq!(month_end(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()).to_string(), "2026-12-31");
        assert_eq!(previous_month(NaiveDate::from_ymd_opt(2027, 1, 15).unwrap()), "2026-12");
    }
}
