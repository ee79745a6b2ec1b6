//! The preview of a rule: when it will next deliver, worked out by the engine itself, so that the time the
//! Reminders view and `cadence reminder list` show is the time it fires.

use std::collections::{HashMap, HashSet};


use chrono::{DateTime, Duration, Utc};

use super::engine::{self, Facts, Rule};
use crate::time::local_date;

/// How far ahead the preview looks.
pub(crate) const PREVIEW_DAYS: u32 = 60;

/// When the rule will next deliver, if nothing more is logged and scores stay as they are: the engine itself
/// ([`engine::due`] and [`engine::select`]) asked at each candidate fire time of the next 60 days, so the
/// preview is what will fire, for every kind. `None` when its condition will not hold (a score-drop rule with
/// the score where it is), or it is paused.
pub fn next_fire(
    rule: &Rule,
    f: &Facts,
    now: DateTime<Utc>,
    stored: &HashSet<(i64, String)>,
    newest: &HashMap<engine::Group, DateTime<Utc>>,
) -> Option<DateTime<Utc>> {
    let today = local_date(now, &f.zone, f.day_start);
    let facts = HashMap::from([(rule.person_id, f.clone())]);
    let rules = std::slice::from_ref(rule);
    // Each day's fire time, and the end of each quiet period (when a held late notice goes out).
    let quiet_ends = rule.quiet.map(|(_, to)| to);
    let mut candidates: Vec<DateTime<Utc>> = (-1..=i64::from(PREVIEW_DAYS))
        .flat_map(|d| {
            let day = today + Duration::days(d);
            [Some(engine::fire_instant(rule, f, day)), quiet_ends.map(|to| f.zone.resolve(day, to))]
        })
        .flatten()
        .filter(|t| *t >= now)
        .collect();
    candidates.sort();
    candidates.insert(0, now);
    candidates.into_iter().find(|&t| {
        let (deliver, _) = engine::select(engine::due(rules, &facts, t), |d| is_stored(stored, d), newest);
        !deliver.is_empty()
    }).map(|t| t.max(now))
}

/// Whether an occurrence is stored already, by its rule and key.
///
/// Mutation testing: `is_stored -> false` survives, and is equivalent here. A stored occurrence's fire time is
/// never later than its group's newest stored one, so [`engine::select`] never delivers it again either way,
/// and storing it twice is ignored (the store keeps each rule's key once). The check keeps a stored
/// occurrence out of the comparison of a pass's own new ones, which is clearer than relying on that.
pub(crate) fn is_stored(stored: &HashSet<(i64, String)>, d: &engine::Due) -> bool {
    stored.contains(&(d.rule_id, d.key.clone()))
}
