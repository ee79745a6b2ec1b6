//! The demo-data generator behind `cadence demo-data`: realistic, reproducible leadership history.
//!
//! Weekday rhythms, summer and Christmas holidays, slumps and recoveries, every category, channel,
//! audience and value. The same seed gives the same data, so benchmarks and screenshots are repeatable.
//! It writes through the services and the actions port, one unit of work per person (50 people x 5 years is
//! millions of rows), so it fills any store; [`Db::demo_data`] gives SQLite a larger page cache meanwhile.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};

use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::i18n::Msg;
use crate::model::NewPerson;
use crate::service::{catalogue, people};
use crate::store::{ActionRecord, ActionsRepo, Store};
use crate::time::{local_date, Zone};

/// Mean actions on an ordinary working day: with weekends, holidays, slumps and days off this averages
/// about 15 actions per calendar day, the scale the benchmarks are specified at.
pub const DEFAULT_PER_DAY: f64 = 24.0;

/// What to generate.
#[derive(Debug, Clone)]
pub struct DemoSpec {
    pub people: u32,
    pub years: u32,
    pub seed: u64,
    /// Mean actions on an ordinary working day.
    pub per_day: f64,
}

impl Default for DemoSpec {
    fn default() -> Self {
        DemoSpec { people: 1, years: 1, seed: 42, per_day: DEFAULT_PER_DAY }
    }
}

/// What was generated.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DemoSummary {
    pub people: Vec<i64>,
    pub actions: u64,
    pub from: String,
    pub to: String,
}

const FIRST: [&str; 20] = [
    "Anna", "Bram", "Carla", "Daan", "Eva", "Femke", "Gerrit", "Hanna", "Iris", "Joost", "Karin", "Lars", "Maud",
    "Niels", "Olga", "Pieter", "Ruth", "Sander", "Tessa", "Wouter",
];
const LAST: [&str; 10] =
    ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos", "Peters"];
const ROLES: [&str; 5] = ["CEO", "Director of Operations", "CFO", "Head of Sales", "HR Director"];
const ZONES: [&str; 4] = ["Europe/Amsterdam", "Europe/Amsterdam", "Europe/London", "America/New_York"];
const UNITS: [&str; 5] = ["Sales", "Operations", "R&D", "Finance", "HR"];
const VALUES: [&str; 5] = ["Openness", "Customer focus", "Ownership", "Craftsmanship", "Sustainability"];
const THEMES: [&str; 2] = ["Social business", "Digital workplace"];
const NOTES: [[&str; 6]; 3] = [
    [
        "Shared the quarterly numbers and what they mean for us",
        "Explained the reorganisation plan openly in the team meeting",
        "Answered every question in the internal network thread",
        "Wrote a blog post on why we changed the bonus scheme",
        "Told the team honestly where the project stands",
        "Shared my notes from the board meeting",
    ],
    [
        "Walked the warehouse floor and talked with the night shift",
        "Joined the sales kick-off as a participant",
        "Had lunch in the canteen with the new hires",
        "Visited a customer with the account team",
        "Sat in on the sprint review",
        "Opened the innovation day and stayed all afternoon",
    ],
    [
        "Sent the promised answer on the training budget",
        "Closed the loop on the parking complaint",
        "Followed up on the ideas from last week's town hall",
        "Checked in on the onboarding issues I promised to fix",
        "Reported back on the office move decision",
        "Delivered the promised intro to the partner",
    ],
];

impl Db {
    /// Generates `spec.people` people with `spec.years` years of history up to today. A fresh demo database
    /// opens on the first generated leader's Today view instead of onboarding.
    pub fn demo_data(&mut self, spec: &DemoSpec) -> Result<DemoSummary> {
        let now = self.clock.now();
        let summary = self.with_bulk_cache(|db| generate(db, now, spec))?;
        if self.self_person()?.is_none() {
            if let Some(first) = summary.people.first() {
                self.set_self(*first)?;
            }
        }
        Ok(summary)
    }
}

/// Generates `spec.people` people with `spec.years` years of history up to `now`, into any store.
pub fn generate<S: Store>(store: &mut S, now: DateTime<Utc>, spec: &DemoSpec) -> Result<DemoSummary> {
    if spec.people == 0 || spec.people > 1000 {
        return Err(CoreError::invalid("people", Msg::new("range").arg("min", 1).arg("max", 1000)));
    }
    if spec.years == 0 || spec.years > 20 {
        return Err(CoreError::invalid("years", Msg::new("range").arg("min", 1).arg("max", 20)));
    }
    if !(0.0..=100.0).contains(&spec.per_day) {
        return Err(CoreError::invalid("perDay", Msg::new("range").arg("min", 0).arg("max", 100)));
    }
    let mut rng = fastrand::Rng::with_seed(spec.seed);
    for unit in UNITS {
        catalogue::add_unit(store, unit)?;
    }
    for v in VALUES {
        catalogue::add_value(store, v, "value")?;
    }
    for t in THEMES {
        catalogue::add_value(store, t, "theme")?;
    }
    let catalog = catalogue::catalog(&store.reader())?;
    let ids = |v: &[crate::model::Audience]| v.iter().map(|a| a.id).collect::<Vec<_>>();
    let (layers, units) = (ids(&catalog.layers), ids(&catalog.units));
    let values: Vec<i64> = catalog.values.iter().map(|v| v.id).collect();
    let categories: Vec<i64> = catalog.categories.iter().map(|c| c.id).collect();
    let channels: Vec<(i64, bool)> = catalog.channels.iter().map(|c| (c.id, c.external)).collect();
    // Distinguishes this run's uids from an earlier run's, even at the same instant with the same seed.
    let run = fastrand::u32(..);
    let mut summary = DemoSummary { people: Vec::new(), actions: 0, from: String::new(), to: String::new() };

    for p in 0..spec.people {
        let zone_name = ZONES[rng.usize(..ZONES.len())];
        let input = NewPerson {
            name: free_name(store, &mut rng)?,
            role: Some(ROLES[p as usize % ROLES.len()].to_string()),
            layer: Some(if p == 0 { "board" } else { "senior-management" }.to_string()),
            unit: catalog.units.get(rng.usize(..catalog.units.len())).map(|u| u.key.clone()),
            tz: Some(zone_name.to_string()),
            ..NewPerson::default()
        };
        let person = people::add(store, now, &input)?;
        summary.people.push(person.id);
        let zone = Zone::parse(zone_name)?;
        let today = local_date(now, &zone, 0);
        let start = today - Duration::days(i64::from(spec.years) * 365);
        summary.from = start.to_string();
        summary.to = today.to_string();
        let slumps = plan_slumps(&mut rng, start, today);
        // Leaders differ: some log a lot, some little.
        let mix_factor = 0.6 + 0.8 * rng.f64();
        let stamp = now.timestamp_millis();
        let mut count_so_far = summary.actions;
        let mut batch: Vec<ActionRecord> = Vec::new();
        let mut day = start;
        {
            while day <= today {
                // Now and then a day off sick or on the road: nothing logged at all.
                let off = rng.u32(..100) < 6;
                let mean = if off { 0.0 } else { spec.per_day * rhythm(day) * slump_factor(&slumps, day) * mix_factor };
                let count = sample_count(&mut rng, mean);
                let mut minutes: Vec<u32> = (0..count).map(|_| 7 * 60 + 30 + rng.u32(..(11 * 60))).collect();
                minutes.sort_unstable();
                for m in minutes {
                    let wall = NaiveTime::from_hms_opt(m / 60, m % 60, 0).unwrap_or(NaiveTime::MIN);
                    let instant = zone.resolve(day, wall);
                    if instant > now {
                        continue;
                    }
                    let kind = match rng.u32(..10) {
                        0..=4 => 0,
                        5..=7 => 1,
                        _ => 2,
                    };
                    let category = categories[kind.min(categories.len() - 1)];
                    let (channel, external) = channels[rng.usize(..channels.len())];
                    let note = NOTES[kind][rng.usize(..NOTES[kind].len())];
                    let mut action = ActionRecord {
                        person_id: person.id,
                        category_id: category,
                        occurred_at: instant.timestamp_millis(),
                        local_date: day.to_string(),
                        tz: zone_name.to_string(),
                        note: note.to_string(),
                        channel_id: Some(channel),
                        logged_by: None,
                        created_at: stamp,
                        updated_at: stamp,
                        // Time-ordered uids (run, person, sequence): unique, and appended at the end of the uid
                        // index instead of scattered through it, which keeps millions of rows fast.
                        uid: Some(format!("d{:012x}{:08x}{:011x}", stamp, run ^ p, count_so_far)),
                        layers: Vec::new(),
                        units: Vec::new(),
                        values: Vec::new(),
                    };
                    if !external {
                        action.layers.push(layers[weighted_layer(&mut rng, layers.len())]);
                    }
                    if rng.u32(..3) == 0 {
                        action.units.push(units[rng.usize(..units.len())]);
                    }
                    if rng.u32(..2) == 0 {
                        action.values.push(values[rng.usize(..values.len())]);
                    }
                    batch.push(action);
                    count_so_far += 1;
                }
                day += Duration::days(1);
            }
        }
        store.act(|repos| repos.insert_actions(&batch))?;
        summary.actions = count_so_far;
    }
    Ok(summary)
}

/// A name no one has yet (ignoring case).
fn free_name<S: Store>(store: &S, rng: &mut fastrand::Rng) -> Result<String> {
    let taken: Vec<String> = people::people(&store.reader(), true)?.into_iter().map(|p| p.name.to_lowercase()).collect();
    let base = format!("{} {}", FIRST[rng.usize(..FIRST.len())], LAST[rng.usize(..LAST.len())]);
    let mut name = base.clone();
    let mut n = 2;
    while taken.contains(&name.to_lowercase()) {
        name = format!("{base} {n}");
        n += 1;
    }
    Ok(name)
}

/// Busier mid-week, quiet Fridays, next to nothing at weekends.
fn rhythm(day: NaiveDate) -> f64 {
    let week = match day.weekday() {
        Weekday::Mon => 0.9,
        Weekday::Tue | Weekday::Wed => 1.15,
        Weekday::Thu => 1.05,
        Weekday::Fri => 0.75,
        Weekday::Sat => 0.06,
        Weekday::Sun => 0.03,
    };
    // Summer holiday (three weeks from mid July) and the Christmas week are nearly empty.
    let (m, d) = (day.month(), day.day());
    let holiday = (m == 7 && d >= 20) || (m == 8 && d <= 7) || (m == 12 && d >= 24) || (m == 1 && d <= 1);
    if holiday {
        week * 0.05
    } else {
        week
    }
}

/// A slump: attention fades over `len` days, then recovers.
struct Slump {
    start: NaiveDate,
    len: i64,
}

fn plan_slumps(rng: &mut fastrand::Rng, start: NaiveDate, end: NaiveDate) -> Vec<Slump> {
    let days = (end - start).num_days().max(1);
    let count = (days / 120).max(1);
    (0..count)
        .map(|_| Slump { start: start + Duration::days(rng.i64(0..days)), len: 10 + rng.i64(0..25) })
        .collect()
}

fn slump_factor(slumps: &[Slump], day: NaiveDate) -> f64 {
    slumps
        .iter()
        .filter_map(|s| {
            let into = (day - s.start).num_days();
            (0..s.len).contains(&into).then(|| {
                // Deepest in the middle: a dip and a recovery.
                let x = into as f64 / s.len as f64;
                (2.0 * x - 1.0).abs()
            })
        })
        .fold(1.0, f64::min)
}

/// A count with mean `mean` (Poisson by inversion; small means are common).
fn sample_count(rng: &mut fastrand::Rng, mean: f64) -> u32 {
    if mean <= 0.0 {
        return 0;
    }
    let limit = (-mean).exp();
    let mut k = 0;
    let mut p = rng.f64();
    while p > limit && k < 200 {
        k += 1;
        p *= rng.f64();
    }
    k
}

/// Leaders mostly reach staff and team leads, sometimes the layers nearer the top.
fn weighted_layer(rng: &mut fastrand::Rng, len: usize) -> usize {
    let pick = match rng.u32(..10) {
        0 => 0,
        1 => 1,
        2 | 3 => 2,
        4..=6 => 3,
        _ => 4,
    };
    pick.min(len.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::memory::MemoryStore;
    use chrono::TimeZone;

    /// The generator writes through the ports only: the same seed gives the same history in any store.
    #[test]
    fn the_same_seed_gives_the_same_history_in_memory_and_in_sqlite() {
        let now = Utc.with_ymd_and_hms(2026, 3, 4, 18, 0, 0).unwrap();
        let spec = DemoSpec { people: 2, years: 1, seed: 7, per_day: 5.0 };
        let mut memory = MemoryStore::new();
        catalogue::seed(&mut memory).unwrap();
        let in_memory = generate(&mut memory, now, &spec).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mut db = Db::open_dir(dir.path()).unwrap();
        let in_sqlite = generate(&mut db, now, &spec).unwrap();
        assert!(in_memory.actions > 500, "a year of a leader's days: {}", in_memory.actions);
        assert_eq!((in_memory.actions, &in_memory.from, &in_memory.to), (in_sqlite.actions, &in_sqlite.from, &in_sqlite.to));
        let query = crate::model::ActionQuery::default();
        let counts = |days: Vec<crate::model::DayCount>| days.into_iter().map(|d| (d.date, d.count)).collect::<Vec<_>>();
        let m = counts(crate::service::actions::day_counts(&memory.reader(), &query).unwrap());
        let s = counts(crate::service::actions::day_counts(&db.reader(), &query).unwrap());
        assert_eq!(m, s);
        assert_eq!(m.iter().map(|(_, n)| *n as u64).sum::<u64>(), in_memory.actions);
        assert!(matches!(generate(&mut memory, now, &DemoSpec { people: 0, ..spec }), Err(CoreError::Invalid { .. })));
    }
}
