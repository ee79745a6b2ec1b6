//! The engagement score: Loop Habit Tracker's habit strength, as DESIGN.md defines it.
//!
//! `m = 0.5^(sqrt(f)/13)`, `S_t = S_{t-1}·m + v_t·(1−m)` on counted days; non-counted days (non-working
//! days, absence) are Loop's skips and leave `S` unchanged. `f` is the target frequency per counted day.
//! `v_t` is Loop's fulfilment (uhabits-core `ScoreList.recompute`): a target of N per W counted days is
//! judged over the last W counted days against N, and a non-daily one (N < W) over the last 2W counted
//! days against 2N, so a weekly town hall held on Monday one week and on Friday the next keeps a full score.
//! Skips inside the window extend it, "as if they never existed": the window reaches back over as many
//! calendar days as it takes to hold W (or 2W) counted days. Actions logged on a non-counted day inside
//! the window still count. N == W is Loop's daily habit: one action a counted day.
//!
//! Everything is computed with the target and the working days in force on each day, so changing them
//! today never rewrites the past. The as-of day can only raise the score: it is not over yet.

use crate::targets::{Per, Target};

/// What applies to one category on one day: whether the day counts, the target in force, and the person's
/// working days per week then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InForce {
    pub counted: bool,
    pub target: Target,
    pub working_per_week: u32,
}

/// Target frequency per counted day.
pub fn frequency(target: Target, working_per_week: u32) -> f64 {
    match target.per {
        Per::Day => 1.0,
        Per::Week => (f64::from(target.times) / f64::from(working_per_week.max(1))).min(1.0),
    }
}

/// Loop's multiplier for frequency `f`.
pub fn multiplier(f: f64) -> f64 {
    0.5f64.powf(f.sqrt() / 13.0)
}

/// Counted days over which the effect of one day halves: `13 / sqrt(f)`.
pub fn half_life_days(f: f64) -> f64 {
    13.0 / f.sqrt()
}

/// Loop's window: (actions needed, counted days it spans). Non-daily targets are doubled.
pub fn window(target: Target, working_per_week: u32) -> (u32, u32) {
    let need = target.times.max(1);
    match target.per {
        Per::Day => (need, 1),
        Per::Week => {
            let w = working_per_week.max(1);
            match need.cmp(&w) {
                std::cmp::Ordering::Less => (2 * need, 2 * w),
                std::cmp::Ordering::Equal => (1, 1),
                std::cmp::Ordering::Greater => (need, w),
            }
        }
    }
}

/// Loop's fulfilment `v_t` of every counted day (capped at 1); `None` on non-counted days.
pub fn fulfilment(counts: &[u32], days: &[InForce]) -> Vec<Option<f64>> {
    let mut prefix = Vec::with_capacity(counts.len() + 1);
    prefix.push(0u64);
    for &n in counts {
        prefix.push(prefix[prefix.len() - 1] + u64::from(n));
    }
    // The indices of counted days so far, to find where a window of k counted days begins.
    let mut counted_at: Vec<usize> = Vec::new();
    days.iter()
        .enumerate()
        .map(|(i, day)| {
            if !day.counted {
                return None;
            }
            counted_at.push(i);
            let (need, span) = window(day.target, day.working_per_week);
            let span = span as usize;
            let start = if counted_at.len() >= span { counted_at[counted_at.len() - span] } else { 0 };
            let sum = prefix[i + 1] - prefix[start];
            Some((sum as f64 / f64::from(need)).min(1.0))
        })
        .collect()
}

/// The score after every day of the series (0..=1).
pub fn scores_in_force(counts: &[u32], days: &[InForce]) -> Vec<f64> {
    let last = counts.len().saturating_sub(1);
    let mut score = 0.0;
    fulfilment(counts, days)
        .into_iter()
        .zip(days)
        .enumerate()
        .map(|(i, (v, day))| {
            if let Some(v) = v {
                let m = multiplier(frequency(day.target, day.working_per_week));
                let next = score * m + v * (1.0 - m);
                // (`>=` would do the same: when `next == score` keeping either is one value. cargo-mutants'
                // surviving mutant here is this equivalence.)
                if i != last || next > score {
                    score = next;
                }
            }
            score
        })
        .collect()
}

/// The same rule in force on every day: the score after every day of the series.
pub fn scores(counts: &[u32], counted: &[bool], target: Target, working_per_week: u32) -> Vec<f64> {
    scores_in_force(counts, &constant(counted, target, working_per_week))
}

/// One rule for every day, with the given counted days.
pub fn constant(counted: &[bool], target: Target, working_per_week: u32) -> Vec<InForce> {
    counted.iter().map(|&counted| InForce { counted, target, working_per_week }).collect()
}

/// Counted days from `from` on that met the target (Loop's fulfilment reached 1), and how many there were.
pub fn met_days(counts: &[u32], days: &[InForce], from: usize) -> (u32, u32) {
    fulfilment(counts, days).into_iter().skip(from).flatten().fold((0, 0), |(met, total), v| {
        (met + u32::from(v >= 1.0), total + 1)
    })
}
