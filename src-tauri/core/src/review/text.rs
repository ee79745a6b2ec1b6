//! The review in words: the sentences the PDF and `cadence review` share, and the review as plain text.

use super::MonthlyReview;
use crate::i18n::{fill, Locale, Texts};
use crate::{Per, Target};

/// A share 0..1 as a whole percentage.
pub(super) fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// "October 2026" / "oktober 2026".
pub(super) fn month_label(t: &Texts, month: &str) -> String {
    let (y, m) = month.split_once('-').unwrap_or((month, "01"));
    let m = m.parse::<usize>().unwrap_or(1).clamp(1, 12);
    fill(t.review_month, &[("month", &t.months[m - 1]), ("year", &y)])
}

/// "today", "yesterday", "12 days ago", "never".
pub(super) fn since(t: &Texts, l: Locale, days: Option<i64>) -> String {
    match days {
        None => t.never.to_string(),
        Some(0) => t.since_today.to_string(),
        Some(1) => t.since_yesterday.to_string(),
        Some(n) => fill(t.since_days, &[("n", &l.number(n))]),
    }
}

/// "target 3 per week" / "doel 1 per werkdag".
pub(super) fn target(target: &Target, l: Locale) -> String {
    let t = l.texts();
    match target.per {
        Per::Week => fill(t.review_target_week, &[("n", &target.times)]),
        Per::Day => fill(t.review_target_day, &[("n", &target.times)]),
    }
}

/// The follow-through sentence: the share kept on time (or none due yet), the median time to close, what is open.
pub(super) fn follow_through(r: &MonthlyReview, l: Locale) -> String {
    let (t, f) = (l.texts(), &r.follow_through);
    let mut text = match f.rate {
        Some(rate) => fill(t.review_follow_rate, &[("rate", &pct(rate))]),
        None => t.review_no_promises.to_string(),
    };
    if let Some(days) = f.median_days_to_close {
        text.push_str(&fill(t.review_median, &[("days", &format!("{days:.0}"))]));
    }
    text.push_str(". ");
    text.push_str(&fill(t.review_open, &[("open", &f.open), ("overdue", &f.overdue)]));
    text
}

/// The review as plain text (`cadence review`): the same sections as its PDF.
pub fn text(r: &MonthlyReview, l: Locale) -> String {
    let t = l.texts();
    let as_of = crate::time::parse_date("asOf", &r.as_of).map_or(r.as_of.clone(), |d| l.date(d));
    let mut out = vec![
        format!("{} - {}", r.person_name, month_label(t, &r.month)),
        fill(t.review_as_of, &[("date", &as_of)]),
        String::new(),
        t.review_actions.to_string(),
    ];
    for c in &r.categories {
        out.push(format!("  {:<26} {:>4}  {}", c.label, c.count, target(&c.target, l)));
    }
    out.push(format!("  {:<26} {:>4}", t.review_total, r.total));
    out.push(String::new());
    let score = if r.running { t.review_score_today } else { t.review_score };
    out.push(fill(score, &[("score", &pct(r.score))]));
    out.push(fill(t.review_streak, &[("streak", &r.current_streak_days), ("best", &r.best_streak_days)]));
    let trend: Vec<String> = r
        .trend
        .iter()
        .map(|p| {
            let week = crate::time::parse_date("weekStart", &p.week_start).map_or(p.week_start.clone(), |d| l.date(d));
            format!("{week} {}", pct(p.score))
        })
        .collect();
    out.push(format!("{}: {}", t.review_trend, trend.join(", ")));
    let quiet: Vec<String> = r.quiet.iter().map(|a| format!("{} ({})", a.label, since(t, l, a.days_since))).collect();
    out.push(format!("{}: {}", t.review_quiet, quiet.join(", ")));
    let values: Vec<String> = r.neglected_values.iter().map(|v| v.label.clone()).collect();
    let values = match (r.values_set, values.is_empty()) {
        (0, _) => t.review_no_values.to_string(),
        (_, true) => t.review_all_values.to_string(),
        _ => values.join(", "),
    };
    out.push(format!("{}: {values}", t.review_values));
    out.push(format!("{}: {}", t.review_follow, follow_through(r, l)));
    out.join("\n")
}
