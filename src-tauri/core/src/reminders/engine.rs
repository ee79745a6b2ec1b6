//! The reminder engine: a pure function of (rules, facts about each person, now) -> due occurrences.
//!
//! No I/O and no clock of its own: the caller passes "now" (from a [`crate::time::Clock`]) and what it knows
//! about each person, so tests can replay restarts, sleeps, clock jumps and DST days exactly. Each occurrence
//! has a key that is unique per rule (a local date, the start of a silence, a follow-up and day), and the
//! store inserts it at most once: that is what makes "nothing fires twice" hold across restarts.
//!
//! The rules of firing, all decided here: an occurrence never fires for a time before its rule existed; a
//! time inside quiet hours moves to the end of that quiet period (the next morning, for quiet hours across
//! midnight); nothing is delivered while the person's quiet hours last, late deliveries included; and of the
//! occurrences of one rule (one follow-up, for `followup-due`) that a pass finds due and not yet stored, only
//! the newest is delivered: the older ones are missed ([`select`]), and so is any occurrence older than one
//! already stored.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use serde::Serialize;

use crate::stats::series::Calendar;
use crate::time::{WorkingDays, Zone};
use crate::i18n::Locale;
use super::notice::{Notice, Say};

/// How late a delivery must be (after its fire time) to be marked late, e.g. after the app was closed.
pub const LATE_AFTER_MINUTES: i64 = 5;

/// The kinds of reminder rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
#[ts(rename = "RuleKind")]
pub enum Kind {
    Checkin,
    Silence,
    ScoreDrop,
    StreakRisk,
    FollowupDue,
}

impl Kind {
    pub fn parse(text: &str) -> Option<Kind> {
        Some(match text.trim() {
            "checkin" => Kind::Checkin,
            "silence" => Kind::Silence,
            "score-drop" => Kind::ScoreDrop,
            "streak-risk" => Kind::StreakRisk,
            "followup-due" => Kind::FollowupDue,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Checkin => "checkin",
            Kind::Silence => "silence",
            Kind::ScoreDrop => "score-drop",
            Kind::StreakRisk => "streak-risk",
            Kind::FollowupDue => "followup-due",
        }
    }
}

/// A rule as the engine sees it.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: i64,
    pub person_id: i64,
    pub kind: Kind,
    pub at: NaiveTime,
    /// The days it may fire; `None` means the person's working days.
    pub weekdays: Option<WorkingDays>,
    /// Category key and label (silence, score-drop).
    pub category: Option<(String, String)>,
    pub after_days: u32,
    pub threshold: Option<f64>,
    pub drop_points: Option<f64>,
    pub min_streak: u32,
    pub quiet: Option<(NaiveTime, NaiveTime)>,
    pub paused: bool,
    /// When the rule was made, last edited or resumed: it never fires for an earlier time.
    pub created: DateTime<Utc>,
}

impl Rule {
    /// Whether local wall time `t` lies inside the quiet hours (from inclusive, to exclusive).
    fn quiet_at(&self, t: NaiveTime) -> bool {
        match self.quiet {
            Some((from, to)) if from <= to => t >= from && t < to,
            Some((from, to)) => t >= from || t < to,
            None => false,
        }
    }
}

/// What the engine needs to know about a person, as of now.
#[derive(Debug, Clone)]
pub struct Facts {
    pub name: String,
    /// True when the person is not the app's user (an assistant's leader): titles then name them.
    pub name_in_title: bool,
    pub zone: Zone,
    pub day_start: u32,
    pub calendar: Calendar,
    /// Actions per local date, for yesterday and today at least.
    pub counts: HashMap<NaiveDate, u32>,
    /// Last local date with an action, per category key.
    pub last: HashMap<String, NaiveDate>,
    /// Score now and 7 days ago, per category key.
    pub scores: HashMap<String, (f64, f64)>,
    /// The current daily streak.
    pub streak: u32,
    /// When the person was added: the start of "silence" for a category never logged.
    pub since: NaiveDate,
    /// Open follow-ups: id, text, due date.
    pub followups: Vec<(i64, String, NaiveDate)>,
    /// The language the notification texts are written in (the app's, not the person's).
    pub locale: Locale,
}

/// One occurrence that is due.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Due {
    pub rule_id: i64,
    pub person_id: i64,
    pub person_name: String,
    pub kind: Kind,
    /// The local date the occurrence belongs to.
    pub occurrence: String,
    /// The unique key under which it is stored (rule id + key never fire twice).
    pub key: String,
    /// When it was due, RFC 3339 with the person's offset.
    pub fire_at: String,
    #[serde(skip)]
    pub fire_instant: DateTime<Utc>,
    /// The time the occurrence is for (its fire time before quiet hours moved it).
    #[serde(skip)]
    pub for_instant: DateTime<Utc>,
    pub late: bool,
    /// The body, in the facts' language.
    pub reason: String,
    pub title: String,
    pub body: String,
    /// What it says, as data: what is stored, rendered again in the reader's language.
    #[serde(skip)]
    pub notice: Notice,
    pub category: Option<String>,
    pub followup_id: Option<i64>,
}

/// Every occurrence due at `now` and not held: fire time reached, condition holding, not suppressed, and the
/// person outside the rule's quiet hours now. Looks at today and yesterday (local), so what fell due while the
/// app was closed is found; [`select`] then delivers only the newest of each rule.
pub fn due(rules: &[Rule], facts: &HashMap<i64, Facts>, now: DateTime<Utc>) -> Vec<Due> {
    let mut out = Vec::new();
    for rule in rules.iter().filter(|r| !r.paused) {
        let Some(f) = facts.get(&rule.person_id) else { continue };
        if rule.quiet_at(f.zone.at(now).time()) {
            continue;
        }
        let today = crate::time::local_date(now, &f.zone, f.day_start);
        let mut found = match rule.kind {
            Kind::Silence => silence(rule, f, today),
            Kind::FollowupDue => [today - Duration::days(1), today].iter().flat_map(|&d| followups(rule, f, d)).collect(),
            _ => [today - Duration::days(1), today].iter().filter_map(|&d| daily(rule, f, d, today)).collect(),
        };
        found.retain(|d| d.fire_instant <= now && d.for_instant >= rule.created);
        for mut d in found {
            d.late = now - d.fire_instant > Duration::minutes(LATE_AFTER_MINUTES);
            d.fire_at = f.zone.at(d.fire_instant).to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
            out.push(d);
        }
    }
    out.sort_by(|a, b| a.fire_instant.cmp(&b.fire_instant).then(a.rule_id.cmp(&b.rule_id)));
    out
}

/// What one reminder is about: a rule, and for `followup-due` the follow-up (each promise its own reminder).
pub type Group = (i64, Option<i64>);

/// Splits what [`due`] found into what to deliver and what was missed. `stored(due)` tells whether that
/// occurrence is stored already; `newest` is the fire time of each group's newest stored occurrence. Of a
/// group's new occurrences only the newest is delivered, and only when it is newer than every stored one;
/// the rest are missed (stored as such, so they never fire later).
pub fn select(found: Vec<Due>, stored: impl Fn(&Due) -> bool, newest: &HashMap<Group, DateTime<Utc>>) -> (Vec<Due>, Vec<Due>) {
    let mut latest: HashMap<Group, DateTime<Utc>> = HashMap::new();
    let fresh: Vec<Due> = found.into_iter().filter(|d| !stored(d)).collect();
    for d in &fresh {
        let e = latest.entry(d.group()).or_insert(d.fire_instant);
        *e = (*e).max(d.fire_instant);
    }
    let (mut deliver, mut missed) = (Vec::new(), Vec::new());
    let mut taken: std::collections::HashSet<Group> = std::collections::HashSet::new();
    for d in fresh {
        let g = d.group();
        let newest_of_group = latest.get(&g) == Some(&d.fire_instant);
        // Mutation testing: `>` -> `>=` survives and is equivalent: two occurrences of one group never share
        // a fire instant (one per day, per silence or per promise and day, each at its own day's time).
        let after_stored = newest.get(&g).is_none_or(|t| d.fire_instant > *t);
        if newest_of_group && after_stored && taken.insert(g) {
            deliver.push(d);
        } else {
            missed.push(d);
        }
    }
    (deliver, missed)
}

impl Due {
    pub fn group(&self) -> Group {
        (self.rule_id, self.followup_id)
    }
}

/// Whether `rule` may fire for `person` on `day`: its weekdays (or the person's working days), no absence.
fn fires_on(rule: &Rule, f: &Facts, day: NaiveDate) -> bool {
    let days = rule.weekdays.unwrap_or(f.calendar.working);
    days.contains(day.weekday()) && !f.calendar.is_absent(day)
}

/// The instant an occurrence of local `day` is for: the rule's time in the person's zone, before quiet hours
/// move its delivery. An occurrence whose own time lies before the rule was made never fires.
pub fn nominal_instant(rule: &Rule, f: &Facts, day: NaiveDate) -> DateTime<Utc> {
    f.zone.resolve(calendar_day(rule, f, day), rule.at)
}

/// The calendar date the rule's time falls on for local `day`: a time before the day start is the next date.
fn calendar_day(rule: &Rule, f: &Facts, day: NaiveDate) -> NaiveDate {
    let start = NaiveTime::MIN + Duration::minutes(i64::from(f.day_start));
    if rule.at < start { day + Duration::days(1) } else { day }
}

/// The instant `rule` fires on local `day`: its time in the person's zone (a time before the person's day
/// start belongs to the next calendar date), moved to the end of the quiet period it falls inside: for quiet
/// hours across midnight, a time after their start waits until the next morning.
pub fn fire_instant(rule: &Rule, f: &Facts, day: NaiveDate) -> DateTime<Utc> {
    let calendar_day = calendar_day(rule, f, day);
    match rule.quiet {
        Some((from, to)) if rule.quiet_at(rule.at) => {
            // Mutation testing: `from > to` -> `from >= to` survives and is equivalent: with from == to there
            // are no quiet hours (`quiet_at` is never true), so this arm is not reached.
            let ends_next_day = from > to && rule.at >= from;
            f.zone.resolve(if ends_next_day { calendar_day + Duration::days(1) } else { calendar_day }, to)
        }
        _ => f.zone.resolve(calendar_day, rule.at),
    }
}

fn make(rule: &Rule, f: &Facts, day: NaiveDate, key: String, say: Say) -> Due {
    let notice = Notice { say, named: f.name_in_title };
    // The rule's own category label; any other key is the category's key.
    let label = |k: &str| rule.category.as_ref().filter(|(key, _)| key == k).map(|(_, label)| label.clone());
    let (title, reason) = notice.render(f.locale, &f.name, label);
    let fire_instant = fire_instant(rule, f, day);
    let for_instant = nominal_instant(rule, f, day);
    Due {
        rule_id: rule.id,
        person_id: rule.person_id,
        person_name: f.name.clone(),
        kind: rule.kind,
        occurrence: day.to_string(),
        key,
        fire_at: String::new(),
        fire_instant,
        for_instant,
        late: false,
        title,
        body: reason.clone(),
        reason,
        notice,
        category: rule.category.as_ref().map(|c| c.0.clone()),
        followup_id: None,
    }
}

/// Check-in, score-drop and streak-risk: at most one occurrence per local day.
fn daily(rule: &Rule, f: &Facts, day: NaiveDate, today: NaiveDate) -> Option<Due> {
    if !fires_on(rule, f, day) {
        return None;
    }
    let logged = f.counts.get(&day).copied().unwrap_or(0);
    match rule.kind {
        Kind::Checkin if logged == 0 => Some(make(rule, f, day, day.to_string(), Say::Checkin)),
        Kind::StreakRisk if day == today && logged == 0 && f.streak >= rule.min_streak => {
            Some(make(rule, f, day, day.to_string(), Say::StreakRisk { streak: f.streak }))
        }
        // Judged on its own day: quiet hours may deliver it the next morning. The scores are today's.
        Kind::ScoreDrop => {
            let (key, _) = rule.category.as_ref()?;
            let (now, week_ago) = f.scores.get(key).copied()?;
            let below = rule.threshold.is_some_and(|t| now < t);
            // In whole hundredths: a fall from 30% to 20% is 10 points, though 0.3 - 0.2 < 0.1 in floating point.
            let fell = rule.drop_points.is_some_and(|p| week_ago - now >= p - 1e-9);
            if !(below || fell) {
                return None;
            }
            // In whole hundredths, rounded as a percentage is written (half to even).
            let whole = |x: f64| (x * 100.0).round_ties_even() as i64;
            let category = key.clone();
            let say = if fell {
                Say::ScoreFell { category, points: whole(week_ago - now), score: whole(now) }
            } else {
                Say::ScoreBelow { category, score: whole(now), threshold: whole(rule.threshold.unwrap_or(0.0)) }
            };
            // Once per ISO week at most: a falling score is a weekly conversation, not a daily nag.
            let week = day.iso_week();
            Some(make(rule, f, day, format!("{}-W{:02}", week.year(), week.week()), say))
        }
        _ => None,
    }
}

/// No action of a category for N days: one occurrence per silence, keyed by the last action's date.
fn silence(rule: &Rule, f: &Facts, today: NaiveDate) -> Vec<Due> {
    let Some((key, _)) = rule.category.as_ref() else { return Vec::new() };
    let last = f.last.get(key).copied();
    let since = last.unwrap_or(f.since);
    // The first day it may fire on, once the silence is long enough and the rule exists.
    let mut day = since + Duration::days(i64::from(rule.after_days.max(1)));
    while day <= today && (!fires_on(rule, f, day) || nominal_instant(rule, f, day) < rule.created) {
        day += Duration::days(1);
    }
    if day > today {
        return Vec::new();
    }
    let days = (today - since).num_days();
    let say = match last {
        Some(last) => Say::Silence { category: key.clone(), days, last },
        None => Say::SilenceNever { category: key.clone() },
    };
    vec![make(rule, f, day, format!("silence-since-{since}"), say)]
}

/// Follow-ups due on `today` or overdue then: one occurrence per follow-up per day.
fn followups(rule: &Rule, f: &Facts, today: NaiveDate) -> Vec<Due> {
    if !fires_on(rule, f, today) {
        return Vec::new();
    }
    f.followups
        .iter()
        .filter(|(_, _, due)| *due <= today)
        .map(|(id, text, due)| {
            let say = if *due == today {
                Say::FollowupToday { text: text.clone() }
            } else {
                Say::FollowupOverdue { text: text.clone(), due: *due }
            };
            let mut d = make(rule, f, today, format!("followup-{id}-{today}"), say);
            d.followup_id = Some(*id);
            d
        })
        .collect()
}
