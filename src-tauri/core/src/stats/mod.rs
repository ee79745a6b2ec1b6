//! Statistics for the dashboard and the team overview: pure functions of the data and an as-of date.
//!
//! [`Db::stats`] loads one person's history with a single grouped query over a covering index (plus a few
//! index look-ups for audiences and values) and computes everything else in memory: streaks, the Loop
//! score and its explanation, slipping attention, heatmap, weekly and monthly counts, channel mix and
//! coverage. [`Db::team`] does the same, lighter, for everyone.

pub mod score;
pub mod series;
pub mod streaks;
mod coverage;
mod numbers;
mod types;

use coverage::CoverageKind;
use numbers::{mean, round};

pub use types::*;

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::params;

use crate::db::Db;
use crate::error::Result;
use crate::people::{person_clock, resolve_person};
use crate::targets::{CategoryTarget, Per, Target};
use crate::time::local_date;
use series::{Calendar, DaySeries};

/// Per category key the score now and 7 days earlier, and the daily streak.
pub(crate) type ScoreSummary = (HashMap<String, (f64, f64)>, u32);

/// Score summaries per (person, as-of date), each with the file's change stamp when it was computed.
pub(crate) type ScoreCache = HashMap<(i64, NaiveDate), ((i64, i64), ScoreSummary)>;

/// A score that fell by this much over 7 days counts as slipping attention.
pub const SCORE_DROP: f64 = 0.10;

/// Days of history always loaded before the as-of date (a year of heatmap plus a week).
const MIN_DAYS: i64 = 371;

/// The per-category result of the shared computation behind `stats` and `team`.
struct Computed {
    series: DaySeries,
    targets: Vec<CategoryTarget>,
    scores: Vec<Vec<f64>>,
    categories: Vec<CategoryStats>,
    overall: Overall,
}

impl Db {
    /// The dashboard's statistics for one person.
    pub fn stats(&self, query: &StatsQuery) -> Result<Stats> {
        let person_id = resolve_person(&self.conn, &query.person)?;
        let as_of = self.as_of(person_id, query.as_of.as_deref())?;
        let range_days = query.range_days.unwrap_or(90).clamp(1, 3660);
        let range_from = as_of - Duration::days(i64::from(range_days) - 1);
        let rows = self.load_rows(person_id, as_of)?;
        let c = self.compute(person_id, as_of, &rows, Some(range_from))?;
        let s = &c.series;
        let keys: Vec<&str> = c.targets.iter().map(|t| t.category.as_str()).collect();

        let heat_from = s.len().saturating_sub(365);
        let heatmap = (heat_from..s.len()).map(|i| DayTotal { date: s.date(i).to_string(), count: s.totals[i] }).collect();

        let first_week = streaks::week_start(as_of) - Duration::days(7 * 51);
        let weeks: Vec<NaiveDate> = (0..52).map(|w| first_week + Duration::days(7 * w)).collect();
        let weekly = weeks
            .iter()
            .map(|&w| {
                let days: Vec<usize> = (0..7).filter_map(|d| s.index(w + Duration::days(d))).collect();
                period(&keys, &s.by_category, &days, Some(w.to_string()), None)
            })
            .collect();
        let score_trend = weeks
            .iter()
            .filter_map(|&w| {
                let end = (w + Duration::days(6)).min(as_of);
                let i = s.index(end)?;
                let scores: BTreeMap<String, f64> = keys.iter().zip(&c.scores).map(|(k, v)| (k.to_string(), round(v[i]))).collect();
                let overall = mean(c.scores.iter().map(|v| v[i]));
                Some(ScorePoint { week_start: w.to_string(), overall: round(overall), scores })
            })
            .collect();
        let monthly = (0..12)
            .rev()
            .map(|back| {
                let first = month_start(as_of, back);
                let days: Vec<usize> = (0..31)
                    .map(|d| first + Duration::days(d))
                    .take_while(|d| d.month() == first.month())
                    .filter_map(|d| s.index(d))
                    .collect();
                period(&keys, &s.by_category, &days, None, Some(first.format("%Y-%m").to_string()))
            })
            .collect();

        let (channels, internal_share, external_share) = self.channel_mix(person_id, range_from, as_of)?;
        let audiences = self.coverage(person_id, as_of, range_from, CoverageKind::Audiences)?;
        let values = self.coverage(person_id, as_of, range_from, CoverageKind::Values)?;
        let name: String = self.conn.query_row("SELECT name FROM people WHERE id = ?1", [person_id], |r| r.get(0))?;
        Ok(Stats {
            as_of: as_of.to_string(),
            person_id,
            person_name: name,
            range: Range { from: range_from.to_string(), to: as_of.to_string(), days: range_days },
            total_actions: rows.iter().map(|r| u64::from(r.count)).sum(),
            overall: c.overall,
            categories: c.categories,
            heatmap,
            weekly,
            monthly,
            score_trend,
            channels,
            internal_share,
            external_share,
            audiences,
            values,
            follow_through: self.follow_through(person_id, as_of)?,
        })
    }

    /// The team overview: everyone, those slipping first, then by score.
    pub fn team(&self, as_of: Option<&str>) -> Result<Vec<TeamRow>> {
        let people = self.people()?;
        let mut rows = Vec::with_capacity(people.len());
        for p in people {
            let day = self.as_of(p.id, as_of)?;
            let counts = self.load_rows(p.id, day)?;
            let c = self.compute(p.id, day, &counts, None)?;
            let slipping: Vec<_> = c.categories.iter().filter(|k| k.slipping).collect();
            let slipping_labels: Vec<String> = slipping.iter().map(|k| k.label.clone()).collect();
            let slipping_categories: Vec<String> = slipping.iter().map(|k| k.key.clone()).collect();
            rows.push(TeamRow {
                person_id: p.id,
                name: p.name,
                role: p.role,
                is_self: p.is_self,
                as_of: day.to_string(),
                score: c.overall.score,
                current_streak_days: c.overall.current_streak_days,
                at_risk: c.overall.at_risk,
                days_since_open_communication: c
                    .categories
                    .iter()
                    .find(|k| k.key == "open-communication")
                    .and_then(|k| k.days_since),
                slipping: !slipping_categories.is_empty(),
                status: status(!slipping_categories.is_empty(), c.overall.score).into(),
                slipping_categories,
                slipping_labels,
            });
        }
        rows.sort_by(|a, b| b.slipping.cmp(&a.slipping).then(a.score.total_cmp(&b.score)).then(a.name.cmp(&b.name)));
        Ok(rows)
    }

    /// Per category key: the score now and 7 days before `as_of`; and the daily streak. For the reminder engine.
    ///
    /// The scheduler asks every 30 seconds for everyone with a score rule; a person's answer only changes when
    /// their actions or the settings behind a score do, so it is kept until then: `stats_revisions`, kept by
    /// triggers in the file itself (so writes by any process count), has a revision per person's actions and
    /// one (scope 0) for targets, rhythm, absences, people and categories.
    pub(crate) fn score_summary(&self, person_id: i64, as_of: NaiveDate) -> Result<ScoreSummary> {
        let stamp: (i64, i64) = self.conn.prepare_cached(
            "SELECT coalesce((SELECT rev FROM stats_revisions WHERE scope = ?1), 0),
                    coalesce((SELECT rev FROM stats_revisions WHERE scope = 0), 0)",
        )?.query_row([person_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let key = (person_id, as_of);
        if let Ok(cache) = self.score_cache.lock() {
            if let Some((_, summary)) = cache.get(&key).filter(|(at, _)| *at == stamp) {
                return Ok(summary.clone());
            }
        }
        let rows = self.load_rows(person_id, as_of)?;
        let c = self.compute(person_id, as_of, &rows, None)?;
        let scores = c.categories.iter().map(|k| (k.key.clone(), (k.score, k.score_7d_ago))).collect();
        let summary = (scores, c.overall.current_streak_days);
        if let Ok(mut cache) = self.score_cache.lock() {
            // Yesterday's entries are of no more use once a day rolls over.
            cache.retain(|(_, day), _| *day >= as_of - Duration::days(1));
            cache.insert(key, (stamp, summary.clone()));
        }
        Ok(summary)
    }

    fn as_of(&self, person_id: i64, as_of: Option<&str>) -> Result<NaiveDate> {
        match as_of.map(str::trim).filter(|t| !t.is_empty()) {
            Some(text) => crate::time::parse_date("asOf", text),
            None => {
                let clock = person_clock(&self.conn, person_id)?;
                Ok(local_date(self.clock.now(), &clock.zone, clock.day_start))
            }
        }
    }

    /// Per (day, category) counts up to `as_of`, oldest first: the same grouped query a hand-written
    /// report would run, over the covering index. Dates are parsed once per day, not per row.
    fn load_rows(&self, person_id: i64, as_of: NaiveDate) -> Result<Vec<Row>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT local_date, category_id, count(*) FROM actions
             WHERE person_id = ?1 AND local_date <= ?2
             GROUP BY local_date, category_id",
        )?;
        let mut out = Vec::new();
        let mut rows = stmt.query(params![person_id, as_of.to_string()])?;
        let mut last: Option<(Vec<u8>, NaiveDate)> = None;
        while let Some(r) = rows.next()? {
            let text = r.get_ref(0)?.as_bytes().map_err(rusqlite::Error::from)?;
            let date = match &last {
                Some((bytes, date)) if bytes.as_slice() == text => *date,
                _ => {
                    let date = crate::time::parse_date("localDate", std::str::from_utf8(text).unwrap_or(""))?;
                    last = Some((text.to_vec(), date));
                    date
                }
            };
            out.push(Row { date, category: r.get(1)?, count: r.get(2)? });
        }
        Ok(out)
    }

    fn compute(&self, person_id: i64, as_of: NaiveDate, rows: &[Row], range_from: Option<NaiveDate>) -> Result<Computed> {
        let clock = person_clock(&self.conn, person_id)?;
        let targets = self.targets(person_id)?;
        let category_ids: HashMap<i64, usize> = self
            .conn
            .prepare_cached("SELECT id, key FROM categories")?
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
            .filter_map(|r| r.ok())
            .filter_map(|(id, key)| targets.iter().position(|t| t.category == key).map(|i| (id, i)))
            .collect();
        let first = rows.iter().map(|r| r.date).min().unwrap_or(as_of);
        let days = ((as_of - first).num_days() + 1).max(MIN_DAYS) as usize;
        let start = as_of - Duration::days(days as i64 - 1);
        let calendar = Calendar {
            working: clock.working_days,
            absences: self.absence_ranges(person_id, start, as_of + Duration::days(7))?,
            history: self.rhythm_history(person_id)?,
        };
        let mut series = DaySeries::empty(as_of, days, targets.len(), calendar);
        for r in rows {
            series.add(r.date, category_ids.get(&r.category).copied(), r.count);
        }
        let target_history = self.target_history(person_id)?;
        // As they were on the as-of date: a review of a past month judges by that month's rules.
        let per_week = series.calendar.working_per_week_on(as_of);
        let last = series.len() - 1;
        let range_start = range_from.and_then(|d| series.index(d)).unwrap_or(0);
        let month_ago = series.len().saturating_sub(30);
        let mut scores = Vec::with_capacity(targets.len());
        let mut categories = Vec::with_capacity(targets.len());
        for (c, t) in targets.iter().enumerate() {
            let counts = &series.by_category[c];
            let history = target_history.get(&t.category).map(Vec::as_slice).unwrap_or(&[]);
            let in_force = in_force(&series, t, history);
            let sc = score::scores_in_force(counts, &in_force);
            let target = in_force[last].target;
            let streak = streaks::category_streak_in_force(counts, &series, &in_force, target);
            let last_index = counts.iter().rposition(|&n| n > 0);
            let counted_since = last_index.map(|i| {
                series.counted[i + 1..].iter().enumerate().filter(|(j, &k)| k && i + 1 + j != last).count() as i64
            });
            let interval = match target.per {
                Per::Day => 1,
                Per::Week => per_week.div_ceil(target.times.max(1)).max(1),
            };
            let now = sc[last];
            let week_ago = sc[last.saturating_sub(7)];
            let reason = if counted_since.unwrap_or_else(|| series.counted.iter().filter(|&&k| k).count() as i64) > i64::from(interval) {
                Some("silence")
            } else if week_ago - now >= SCORE_DROP {
                Some("scoreDrop")
            } else {
                None
            };
            let (met, counted) = score::met_days(counts, &in_force, month_ago);
            let f = score::frequency(target, per_week);
            let (window_actions, window_days) = score::window(target, per_week);
            categories.push(CategoryStats {
                key: t.category.clone(),
                label: t.label.clone(),
                colour: t.colour.clone(),
                target,
                target_is_default: target_on(t, history, as_of).1,
                current_streak: streak.current,
                best_streak: streak.best,
                streak_at_risk: streak.at_risk,
                streak_unit: match target.per {
                    Per::Week => "weeks",
                    Per::Day => "days",
                }
                .into(),
                score: round(now),
                score_7d_ago: round(week_ago),
                last_date: last_index.map(|i| series.date(i).to_string()),
                days_since: last_index.map(|i| (last - i) as i64),
                counted_days_since: counted_since,
                slipping: reason.is_some(),
                status: status(reason.is_some(), round(now)).into(),
                slipping_reason: reason.map(String::from),
                interval_days: interval,
                count_in_range: counts[range_start..].iter().sum(),
                explanation: Explanation {
                    counted_days_30: counted,
                    met_days_30: met,
                    half_life_days: round(score::half_life_days(f)),
                    change_7d: round(now - week_ago),
                    frequency: round(f),
                    window_actions,
                    window_days,
                },
            });
            scores.push(sc);
        }
        let daily = streaks::daily_streak(&series.totals, &series.counted);
        let overall = Overall {
            current_streak_days: daily.current,
            best_streak_days: daily.best,
            at_risk: daily.at_risk,
            score: round(mean(scores.iter().map(|v| v[last]))),
            score_7d_ago: round(mean(scores.iter().map(|v| v[last.saturating_sub(7)]))),
            slipping: categories.iter().any(|c| c.slipping),
            logged_today: series.totals[last],
        };
        Ok(Computed { series, targets, scores, categories, overall })
    }
}

#[derive(Debug, Clone)]
struct Row {
    date: NaiveDate,
    category: i64,
    count: u32,
}

fn period(keys: &[&str], by_category: &[Vec<u32>], days: &[usize], week_start: Option<String>, month: Option<String>) -> PeriodCounts {
    let counts: BTreeMap<String, u32> =
        keys.iter().zip(by_category).map(|(k, v)| (k.to_string(), days.iter().map(|&i| v[i]).sum())).collect();
    let total = counts.values().sum();
    PeriodCounts { week_start, month, counts, total }
}

/// What applied to category `t` on every day of the series: the counted days as they were, and the target
/// and working days in force on each day (`history` by date; `None` entries are the category's default).
fn in_force(series: &DaySeries, t: &CategoryTarget, history: &[(NaiveDate, Option<Target>)]) -> Vec<score::InForce> {
    (0..series.len())
        .map(|i| {
            let date = series.date(i);
            let (target, _) = target_on(t, history, date);
            score::InForce { counted: series.counted[i], target, working_per_week: series.calendar.working_per_week_on(date) }
        })
        .collect()
}

/// The target of category `t` in force on `date`, and whether it was the category's default then.
fn target_on(t: &CategoryTarget, history: &[(NaiveDate, Option<Target>)], date: NaiveDate) -> (Target, bool) {
    let entry = match history.partition_point(|(from, _)| *from <= date) {
        _ if history.is_empty() => return (t.target, t.is_default),
        0 => history[0].1,
        n => history[n - 1].1,
    };
    entry.map_or((crate::targets::default_target(&t.category), true), |target| (target, false))
}

fn month_start(date: NaiveDate, months_back: i32) -> NaiveDate {
    let index = date.year() * 12 + date.month0() as i32 - months_back;
    NaiveDate::from_ymd_opt(index.div_euclid(12), index.rem_euclid(12) as u32 + 1, 1).unwrap_or(date)
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
