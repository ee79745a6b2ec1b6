//! Statistics: the pure rules (`score`, `streaks`, `series`) and their result types, and [`Db`]'s methods, which
//! call `service::stats` with the SQLite store ([`Db::score_summary`] keeps the engine's answers until the
//! file's stats stamp moves).

pub mod score;
pub mod series;
pub mod streaks;
pub(crate) mod numbers;
pub(crate) mod types;

pub use types::*;

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};

use crate::db::Db;
use crate::error::Result;
use crate::service::stats as service;
use crate::store::{StatsRepo, Store};

/// Per category key the score now and 7 days earlier, and the daily streak.
pub(crate) type ScoreSummary = (HashMap<String, (f64, f64)>, u32);

/// Score summaries per (person, as-of date), each with the file's change stamp when it was computed.
pub(crate) type ScoreCache = HashMap<(i64, NaiveDate), ((i64, i64), ScoreSummary)>;

/// A score that fell by this much over 7 days counts as slipping attention.
pub const SCORE_DROP: f64 = 0.10;

impl Db {
    /// The dashboard's statistics for one person.
    pub fn stats(&self, query: &StatsQuery) -> Result<Stats> {
        service::stats(&self.reader(), self.clock.now(), query)
    }

    /// The team overview: everyone, those slipping first, then by score.
    pub fn team(&self, as_of: Option<&str>) -> Result<Vec<TeamRow>> {
        service::team(&self.reader(), self.clock.now(), as_of)
    }

    /// Per category key: the score now and 7 days before `as_of`; and the daily streak. For the reminder engine.
    ///
    /// The scheduler asks every 30 seconds for everyone with a score rule; a person's answer only changes when
    /// their actions or the settings behind a score do, so it is kept until then: `stats_revisions`, kept by
    /// triggers in the file itself (so writes by any process count), has a revision per person's actions and
    /// one (scope 0) for targets, rhythm, absences, people and categories.
    pub(crate) fn score_summary(&self, person_id: i64, as_of: NaiveDate) -> Result<ScoreSummary> {
        let stamp = self.reader().stats_stamp(person_id)?;
        let key = (person_id, as_of);
        if let Ok(cache) = self.score_cache.lock() {
            if let Some((_, summary)) = cache.get(&key).filter(|(at, _)| *at == stamp) {
                return Ok(summary.clone());
            }
        }
        let summary = service::score_summary(&self.reader(), person_id, as_of)?;
        if let Ok(mut cache) = self.score_cache.lock() {
            // Yesterday's entries are of no more use once a day rolls over.
            cache.retain(|(_, day), _| *day >= as_of - Duration::days(1));
            cache.insert(key, (stamp, summary.clone()));
        }
        Ok(summary)
    }
}

/// The score from which a category that is not slipping is "on track": half of the strength a habit can reach.
/// Below it the habit is still being built (or was let go of long ago), whatever the last few days say.
pub const ON_TRACK_SCORE: f64 = 0.5;

/// What a card or a team row says: slipping comes first; otherwise on track or building up, by the score.
pub fn status(slipping: bool, score: f64) -> &'static str {
    if slipping {
        "slipping"
    } else if score >= ON_TRACK_SCORE {
        "onTrack"
    } else {
        "building"
    }
}
