//! Statistics for the dashboard and the team overview: one person's history read with a single grouped query
//! (through the stats port, plus look-ups for audiences and values), and everything else computed in memory:
//! streaks, the Loop score and its explanation, slipping attention, heatmap, weekly and monthly counts, channel
//! mix and coverage. The rules themselves (`stats::score`, `streaks`, `series`) are pure.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

use crate::domain::catalogue::Table;
use crate::domain::targets::{CategoryTarget, Per, Target};
use crate::error::Result;
use crate::service::actions::person_clock;
use crate::service::{catalogue, followups, people, rhythm};
use crate::stats::numbers::{mean, ratio, round};
use crate::stats::series::{Calendar, DaySeries};
use crate::stats::types::*;
use crate::stats::{score, status, streaks, ScoreSummary, SCORE_DROP};
use crate::store::Repos;
use crate::time::local_date;

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

/// The dashboard's statistics for one person.
pub fn stats(repos: &impl Repos, now: DateTime<Utc>, query: &StatsQuery) -> Result<Stats> {
    let person_id = people::find(repos, &query.person)?.id;
    let as_of = as_of(repos, now, person_id, query.as_of.as_deref())?;
    let range_days = query.range_days.unwrap_or(90).clamp(1, 3660);
    let range_from = as_of - Duration::days(i64::from(range_days) - 1);
    let rows = load_rows(repos, person_id, as_of)?;
    let c = compute(repos, person_id, as_of, &rows, Some(range_from))?;
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

    let (channels, internal_share, external_share) = channel_mix(repos, person_id, range_from, as_of)?;
    let audiences = coverage(repos, person_id, as_of, range_from, CoverageKind::Audiences)?;
    let values = coverage(repos, person_id, as_of, range_from, CoverageKind::Values)?;
    let name = people::person(repos, person_id)?.name;
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
        follow_through: followups::follow_through(repos, now, person_id, as_of)?,
    })
}

/// The team overview: everyone, those slipping first, then by score.
pub fn team(repos: &impl Repos, now: DateTime<Utc>, as_of_text: Option<&str>) -> Result<Vec<TeamRow>> {
    let everyone = people::people(repos, false)?;
    let mut rows = Vec::with_capacity(everyone.len());
    for p in everyone {
        let day = as_of(repos, now, p.id, as_of_text)?;
        let counts = load_rows(repos, p.id, day)?;
        let c = compute(repos, p.id, day, &counts, None)?;
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

/// Per category key: the score now and 7 days before `as_of`; and the daily streak. For the reminder engine
/// (`Db::score_summary` keeps the answers until the store's stats stamp moves).
pub fn score_summary(repos: &impl Repos, person_id: i64, as_of: NaiveDate) -> Result<ScoreSummary> {
    let rows = load_rows(repos, person_id, as_of)?;
    let c = compute(repos, person_id, as_of, &rows, None)?;
    let scores = c.categories.iter().map(|k| (k.key.clone(), (k.score, k.score_7d_ago))).collect();
    Ok((scores, c.overall.current_streak_days))
}

fn as_of(repos: &impl Repos, now: DateTime<Utc>, person_id: i64, as_of: Option<&str>) -> Result<NaiveDate> {
    match as_of.map(str::trim).filter(|t| !t.is_empty()) {
        Some(text) => crate::time::parse_date("asOf", text),
        None => {
            let clock = person_clock(repos, person_id)?;
            Ok(local_date(now, &clock.zone, clock.day_start))
        }
    }
}

/// Per (day, category) counts up to `as_of`: the same grouped query a hand-written report would run.
fn load_rows(repos: &impl Repos, person_id: i64, as_of: NaiveDate) -> Result<Vec<Row>> {
    Ok(repos.day_category_counts(person_id, as_of)?.into_iter().map(|(date, category, count)| Row { date, category, count }).collect())
}

fn compute(repos: &impl Repos, person_id: i64, as_of: NaiveDate, rows: &[Row], range_from: Option<NaiveDate>) -> Result<Computed> {
    let clock = person_clock(repos, person_id)?;
    let targets = rhythm::targets(repos, person_id)?;
    let category_ids: HashMap<i64, usize> = repos
        .entries(Table::Category)?
        .into_iter()
        .filter_map(|e| targets.iter().position(|t| t.category == e.key).map(|i| (e.id, i)))
        .collect();
    let first = rows.iter().map(|r| r.date).min().unwrap_or(as_of);
    let days = ((as_of - first).num_days() + 1).max(MIN_DAYS) as usize;
    let start = as_of - Duration::days(days as i64 - 1);
    let calendar = Calendar {
        working: clock.working_days,
        absences: rhythm::absence_ranges(repos, person_id, start, as_of + Duration::days(7))?,
        history: rhythm::rhythm_history(repos, person_id)?,
    };
    let mut series = DaySeries::empty(as_of, days, targets.len(), calendar);
    for r in rows {
        series.add(r.date, category_ids.get(&r.category).copied(), r.count);
    }
    let target_history = rhythm::target_history(repos, person_id)?;
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
    entry.map_or((crate::domain::targets::default_target(&t.category), true), |target| (target, false))
}

fn month_start(date: NaiveDate, months_back: i32) -> NaiveDate {
    let index = date.year() * 12 + date.month0() as i32 - months_back;
    NaiveDate::from_ymd_opt(index.div_euclid(12), index.rem_euclid(12) as u32 + 1, 1).unwrap_or(date)
}

/// Which coverage: the audiences (layers by rank, then units by label) or the values (before themes).
#[derive(Debug, Clone, Copy)]
enum CoverageKind {
    Audiences,
    Values,
}

/// The channel mix from `from` to `to`: each channel's count and share (archived ones only when used), most
/// used first, and the internal and external shares.
fn channel_mix(repos: &impl Repos, person_id: i64, from: NaiveDate, to: NaiveDate) -> Result<(Vec<ChannelShare>, f64, f64)> {
    let per: HashMap<i64, u32> = repos.channel_counts(person_id, &from.to_string(), &to.to_string())?.into_iter().collect();
    let total: u32 = per.values().sum();
    let mut out = Vec::new();
    let mut external = 0;
    for ch in repos.entries(Table::Channel)? {
        let count = per.get(&ch.id).copied().unwrap_or(0);
        if ch.archived && count == 0 {
            continue;
        }
        if ch.external {
            external += count;
        }
        out.push(ChannelShare { key: ch.key, label: ch.label, external: ch.external, count, share: ratio(count, total) });
    }
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
    let ext = ratio(external, total);
    Ok((out, if total == 0 { 0.0 } else { round(1.0 - ext) }, ext))
}

/// The live audiences or values a person's actions reached from `from` to `as_of`, with the last date each was
/// reached (up to `as_of`).
fn coverage(repos: &impl Repos, person_id: i64, as_of: NaiveDate, from: NaiveDate, kind: CoverageKind) -> Result<Vec<Coverage>> {
    let c = catalogue::catalog(repos)?;
    let items: Vec<(Table, i64, String, String, String)> = match kind {
        CoverageKind::Audiences => c
            .layers
            .into_iter()
            .map(|l| (Table::Layer, l.id, l.key, l.label, "layer".to_string()))
            .chain(c.units.into_iter().map(|u| (Table::Unit, u.id, u.key, u.label, "unit".to_string())))
            .collect(),
        CoverageKind::Values => c.values.into_iter().map(|v| (Table::Value, v.id, v.key, v.label, v.kind)).collect(),
    };
    let (as_of_text, from_text) = (as_of.to_string(), from.to_string());
    let mut out = Vec::new();
    for (table, id, key, label, kind) in items {
        let (last, count) = repos.link_use(table, person_id, id, &from_text, &as_of_text)?;
        let days_since = match &last {
            Some(d) => Some((as_of - crate::time::parse_date("localDate", d)?).num_days()),
            None => None,
        };
        out.push(Coverage { key, label, kind, count, last_date: last, days_since });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    //! The same history on the in-memory store and on a real SQLite file gives the same dashboard, team row and
    //! score summary: the statistics depend on their port only.
    use super::*;
    use crate::domain::catalogue::CatalogPatch;
    use crate::model::{NewAction, NewPerson};
    use crate::service::actions;
    use crate::store::memory::MemoryStore;
    use crate::store::Store;
    use chrono::TimeZone;

    fn history<S: Store>(store: &mut S) -> i64 {
        catalogue::seed(store).unwrap();
        catalogue::add_unit(store, "Sales").unwrap();
        catalogue::add_value(store, "Honesty", "value").unwrap();
        catalogue::add_value(store, "Vision", "theme").unwrap();
        let made = Utc.with_ymd_and_hms(2026, 1, 5, 8, 0, 0).unwrap();
        let ann = NewPerson { name: "Ann".into(), tz: Some("Europe/Amsterdam".into()), ..NewPerson::default() };
        let id = people::add(store, made, &ann).unwrap().id;
        people::add(store, made, &NewPerson { name: "Bob".into(), tz: Some("America/New_York".into()), ..NewPerson::default() }).unwrap();
        rhythm::set_target(store, made, "Ann", "follow-up", 1, Per::Day).unwrap();
        rhythm::add_absence(store, "Ann", "2026-02-09", "2026-02-13", "Ski").unwrap();
        let now = Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap();
        let categories = ["open-communication", "visible-participation", "follow-up"];
        let channels = [Some("town-hall"), None, Some("customer-visit"), Some("email")];
        for day in 0..56u32 {
            if day % 7 == 5 || day % 3 == 1 {
                continue;
            }
            let date = made.date_naive() + Duration::days(i64::from(day));
            let input = NewAction {
                person: if day % 5 == 0 { "Bob".into() } else { "Ann".into() },
                category: categories[(day % 3) as usize].into(),
                date: Some(date.to_string()),
                time: Some("10:15".into()),
                channel: channels[(day % 4) as usize].map(Into::into),
                audiences: if day % 2 == 0 { vec!["staff".into(), "unit:sales".into()] } else { vec![] },
                values: if day % 4 == 0 { vec!["honesty".into()] } else { vec!["vision".into()] },
                ..NewAction::default()
            };
            actions::log(store, now, &input).unwrap();
        }
        catalogue::update_entry(store, "channels", "email", &CatalogPatch { archived: Some(true), ..CatalogPatch::default() }).unwrap();
        id
    }

    #[test]
    fn the_same_history_gives_the_same_statistics_on_both_stores() {
        let now = Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap();
        let mut memory = MemoryStore::new();
        let dir = tempfile::tempdir().unwrap();
        let mut sqlite = crate::Db::open_dir(dir.path()).unwrap();
        let (a, b) = (history(&mut memory), history(&mut sqlite));
        assert_eq!(a, b);
        // 30 days: the range starts inside the history, so what counts "in range" is tested too.
        let query = StatsQuery { person: "Ann".into(), as_of: None, range_days: Some(30) };
        let (m, s) = (stats(&memory.reader(), now, &query).unwrap(), stats(&sqlite.reader(), now, &query).unwrap());
        assert!(m.total_actions > 20 && !m.audiences.is_empty() && !m.channels.is_empty(), "{m:?}");
        assert!(m.channels.iter().any(|c| c.key == "email"), "an archived channel that was used is listed");
        assert_eq!(m, s);
        assert_eq!(team(&memory.reader(), now, None).unwrap(), team(&sqlite.reader(), now, None).unwrap());
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        assert_eq!(score_summary(&memory.reader(), a, day).unwrap(), score_summary(&sqlite.reader(), b, day).unwrap());
    }
}
