//! The engagement score: Loop Habit Tracker's habit strength, as DESIGN.md defines it.
//!
//! `m = 0.5^(sqrt(f)/13)`, `S_t = S_{t-1}·m + v_t·(1−m)` on counted days; skip days leave `S` unchanged.
//! `f` is the target frequency per counted day; `v_t` is Loop's fulfilment for x-per-period habits: the
//! actions in the period ending today over the target, capped at 1. A perfect daily habit reaches 80%, 96%
//! and 99% after 30, 60 and 90 days. The as-of day can only raise the score: it is not over yet.

use crate::targets::{Per, Target};

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

/// The score after every day of the series (0..=1).
pub fn scores(counts: &[u32], counted: &[bool], target: Target, working_per_week: u32) -> Vec<f64> {
    let m = multiplier(frequency(target, working_per_week));
    let need = f64::from(target.times.max(1));
    let window = match target.per {
        Per::Day => 1,
        Per::Week => 7,
    };
    let mut rolling = 0u32;
    let mut score = 0.0;
    let last = counts.len().saturating_sub(1);
    counts
        .iter()
        .enumerate()
        .map(|(i, &n)| {
            rolling += n;
            if i >= window {
                rolling -= counts[i - window];
            }
            if counted[i] {
                let v = (f64::from(rolling) / need).min(1.0);
                let next = score * m + v * (1.0 - m);
                if i != last || next > score {
                    score = next;
                }
            }
            score
        })
        .collect()
}

/// Whether a counted day met the target (the period ending that day holds enough actions).
pub fn met_days(counts: &[u32], counted: &[bool], target: Target, from: usize) -> (u32, u32) {
    let window = match target.per {
        Per::Day => 1,
        Per::Week => 7,
    };
    let (mut met, mut total) = (0, 0);
    for i in from..counts.len() {
        if !counted[i] {
            continue;
        }
        let sum: u32 = counts[i.saturating_sub(window - 1)..=i].iter().sum();
        total += 1;
        if sum >= target.times {
            met += 1;
        }
    }
    (met, total)
}
