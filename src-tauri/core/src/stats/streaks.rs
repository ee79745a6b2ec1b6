//! Streaks, following DESIGN.md: consecutive counted days (or weeks) up to the as-of date.
//!
//! Non-counted days (non-working days, absence) neither break nor extend a streak when empty; one with an
//! action still extends it, because the leader did show up. The as-of day (today) and the current week
//! never break a streak while they are still running: an empty today is only "at risk".

use chrono::{Datelike, Duration, NaiveDate};

use super::score::InForce;
use super::series::{Calendar, DaySeries};
use crate::targets::{Per, Target};

/// A streak's current and best length, and whether today still needs an action to keep it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Streak {
    pub current: u32,
    pub best: u32,
    pub at_risk: bool,
}

/// Daily streak over any category: a day with at least one action extends it.
pub fn daily_streak(totals: &[u32], counted: &[bool]) -> Streak {
    day_streak(totals, counted, |_| 1)
}

/// Days in a row meeting `need(day)` actions; empty non-counted days bridge, the last day is pending.
fn day_streak(counts: &[u32], counted: &[bool], need: impl Fn(usize) -> u32) -> Streak {
    let (mut run, mut best) = (0u32, 0u32);
    let last = counts.len().saturating_sub(1);
    for (i, (&n, &is_counted)) in counts.iter().zip(counted).enumerate() {
        if n >= need(i) {
            run += 1;
        } else if is_counted && i != last {
            run = 0;
        }
        best = best.max(run);
    }
    let at_risk = counts.last().is_some_and(|&n| n < need(last)) && counted.last() == Some(&true) && run > 0;
    Streak { current: run, best, at_risk }
}

/// The actions a week needs: the target, prorated to the week's counted days (absence), at least 1.
/// `None` when the week has no counted day at all: it bridges.
pub fn weekly_need(target: u32, week_start: NaiveDate, calendar: &Calendar) -> Option<u32> {
    let counted = (0..7).filter(|d| calendar.is_counted(week_start + Duration::days(*d))).count() as u32;
    if counted == 0 {
        return None;
    }
    let full = calendar.working_per_week_on(week_start + Duration::days(6));
    Some(((target * counted).div_ceil(full)).clamp(1, target))
}

/// Monday of the ISO week of `date`.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

/// A category's streak in its target's unit: weeks that met "N per week", or days that met "N per day".
/// The same target on every day of the series.
pub fn category_streak(counts: &[u32], series: &DaySeries, target: Target) -> Streak {
    let days = super::score::constant(&series.counted, target, series.calendar.working_per_week());
    category_streak_in_force(counts, series, &days, target)
}

/// A category's streak in the unit of its current target (`now_target`), each day or week judged by the target in force
/// then (when it had the same unit).
pub fn category_streak_in_force(counts: &[u32], series: &DaySeries, days: &[InForce], now_target: Target) -> Streak {
    let times_on = |i: usize| match days.get(i) {
        Some(d) if d.target.per == now_target.per => d.target.times,
        _ => now_target.times,
    };
    match now_target.per {
        Per::Day => day_streak(counts, &series.counted, times_on),
        Per::Week => {
            let (mut run, mut best, mut at_risk) = (0u32, 0u32, false);
            let mut week = week_start(series.start);
            let as_of = series.as_of();
            while week <= as_of {
                let sum: u32 = (0..7).filter_map(|d| series.index(week + Duration::days(d))).map(|i| counts[i]).sum();
                let current = week + Duration::days(6) >= as_of;
                let times = series.index((week + Duration::days(6)).min(as_of)).map_or(now_target.times, times_on);
                match weekly_need(times, week, &series.calendar) {
                    Some(need) if sum >= need => run += 1,
                    None if sum >= times => run += 1,
                    None => {}
                    Some(_) if current => at_risk = run > 0,
                    Some(_) => run = 0,
                }
                best = best.max(run);
                week += Duration::days(7);
            }
            Streak { current: run, best, at_risk }
        }
    }
}
