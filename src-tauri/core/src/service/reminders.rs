//! The reminder pass over the ports: gathering what the pure engine (`crate::reminders::engine`) needs to know
//! about each person now (clock, calendar, counts, last actions, open promises, scores), storing what fired
//! under its unique key (so nothing fires twice, also across restarts), bringing back snoozed entries, and the
//! rules as the Reminders view shows them, each with its next fire time.
//!
//! Scores are asked of the caller (`scores`): the SQLite store keeps them until its stats stamp moves, the
//! in-memory store computes them each time.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::domain::inbox::InboxItem;
use crate::domain::rules::ReminderRule;
use crate::error::{CoreError, Result};
use crate::i18n::{Locale, Msg};
use crate::reminders::engine::{self, Due, Facts, Kind, Rule};
use crate::reminders::preview::{is_stored, next_fire, PREVIEW_DAYS};
use crate::service::{actions::person_clock, followups, inbox, language, people, rhythm};
use crate::stats::series::Calendar;
use crate::stats::ScoreSummary;
use crate::store::{ActionFilter, OccurrenceRecord, OccurrencesRepo, Repos, RuleRow, Store};
use crate::time::{local_date, parse_date, parse_hhmm, WorkingDays};

/// The fire time of each group's newest stored occurrence.
type Newest = HashMap<engine::Group, DateTime<Utc>>;

/// A rule's view for the Reminders view, and the engine's rule.
fn rule_of(row: RuleRow, labels: &HashMap<String, String>) -> Result<(ReminderRule, Rule)> {
    let kind = Kind::parse(&row.kind).ok_or_else(|| CoreError::invalid("kind", Msg::new("reminder.kind.stored").arg("kind", &row.kind)))?;
    let quiet = match (&row.quiet_from, &row.quiet_to) {
        (Some(a), Some(b)) => Some((parse_hhmm("quietFrom", a)?, parse_hhmm("quietTo", b)?)),
        _ => None,
    };
    let rule = Rule {
        id: row.id,
        person_id: row.person_id,
        kind,
        at: parse_hhmm("at", &row.at)?,
        weekdays: row.weekdays.map(WorkingDays::from_bits),
        category: row.category.as_ref().map(|k| (k.clone(), labels.get(k).cloned().unwrap_or_else(|| k.clone()))),
        after_days: row.after_days.unwrap_or(1),
        threshold: row.threshold,
        drop_points: row.drop_points.map(|p| p / 100.0),
        min_streak: row.min_streak.unwrap_or(1),
        quiet,
        // An archived person's rules rest like paused ones.
        paused: row.paused || row.person_archived,
        created: DateTime::<Utc>::from_timestamp_millis(row.active_from.unwrap_or(row.created_at)).unwrap_or_default(),
    };
    let view = ReminderRule {
        id: row.id,
        person_id: row.person_id,
        person_name: row.person_name,
        created_by: row.created_by,
        created_by_name: row.created_by_name,
        kind: row.kind,
        at: row.at,
        days: row.weekdays.map(|w| WorkingDays::from_bits(w).names().into_iter().map(String::from).collect()),
        category: row.category,
        after_days: row.after_days,
        threshold: row.threshold,
        drop_points: row.drop_points,
        min_streak: row.min_streak,
        quiet_from: row.quiet_from,
        quiet_to: row.quiet_to,
        paused: row.paused,
        person_archived: row.person_archived,
        next_fire: None,
    };
    Ok((view, rule))
}

/// Category labels by key, for the texts.
fn labels(repos: &impl Repos) -> Result<HashMap<String, String>> {
    Ok(repos.entries(crate::domain::catalogue::Table::Category)?.into_iter().map(|e| (e.key, e.label)).collect())
}

/// The rules' views, each with its next fire time.
fn views(repos: &impl Repos, now: DateTime<Utc>, rows: Vec<RuleRow>, scores: &impl Fn(i64, NaiveDate) -> Result<ScoreSummary>) -> Result<Vec<ReminderRule>> {
    let labels = labels(repos)?;
    let mut out = Vec::new();
    for row in rows {
        let (mut view, rule) = rule_of(row, &labels)?;
        let with_scores = matches!(rule.kind, Kind::ScoreDrop | Kind::StreakRisk);
        let facts = facts(repos, &[rule.person_id], with_scores, now, scores)?;
        if let (Some(f), false) = (facts.get(&rule.person_id), rule.paused) {
            let (stored, newest) = stored_occurrences(repos, Some(rule.id))?;
            view.next_fire = next_fire(&rule, f, now, &stored, &newest).map(|t| f.zone.at(t).to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
        }
        out.push(view);
    }
    Ok(out)
}

/// One rule, with its next fire time.
pub fn rule(repos: &impl Repos, now: DateTime<Utc>, id: i64, scores: &impl Fn(i64, NaiveDate) -> Result<ScoreSummary>) -> Result<ReminderRule> {
    let row = repos.rule_row(id)?.ok_or_else(|| CoreError::not_found("rule", id.to_string()))?;
    views(repos, now, vec![row], scores)?.into_iter().next().ok_or_else(|| CoreError::not_found("rule", id.to_string()))
}

/// Every rule (for one person, by id or name, when given), with its next fire time.
pub fn rules(
    repos: &impl Repos,
    now: DateTime<Utc>,
    person: Option<&str>,
    scores: &impl Fn(i64, NaiveDate) -> Result<ScoreSummary>,
) -> Result<Vec<ReminderRule>> {
    let person_id = person.filter(|p| !p.trim().is_empty()).map(|p| people::find(repos, p).map(|p| p.id)).transpose()?;
    let rows = repos.rule_rows(person_id)?;
    views(repos, now, rows, scores)
}

/// What the engine needs to know about these people now. Scores only when a rule needs them.
fn facts(
    repos: &impl Repos,
    people: &[i64],
    with_scores: bool,
    now: DateTime<Utc>,
    scores: &impl Fn(i64, NaiveDate) -> Result<ScoreSummary>,
) -> Result<HashMap<i64, Facts>> {
    let me = people::self_person(repos)?.map(|p| p.id);
    let locale: Locale = language::in_use(repos, Locale::os);
    let mut out = HashMap::new();
    for &id in people {
        if out.contains_key(&id) {
            continue;
        }
        let person = repos.person(id)?.ok_or_else(|| CoreError::not_found("person", id.to_string()))?;
        let clock = person_clock(repos, id)?;
        let today = local_date(now, &clock.zone, clock.day_start);
        let yesterday = today - Duration::days(1);
        let filter = ActionFilter { person_id: Some(id), from: Some(yesterday.to_string()), to: Some(today.to_string()) };
        let mut counts: HashMap<NaiveDate, u32> = HashMap::new();
        // A stored date that is no calendar day (written outside Cadence) is passed over, not a reason to stop
        // every reminder.
        for (d, n) in repos.day_counts(&filter)? {
            if let Ok(d) = parse_date("localDate", &d) {
                counts.insert(d, n as u32);
            }
        }
        let mut last: HashMap<String, NaiveDate> = HashMap::new();
        for (k, d) in repos.last_action_dates(id, &today.to_string())? {
            if let Ok(d) = parse_date("localDate", &d) {
                last.insert(k, d);
            }
        }
        let (scores, streak) = if with_scores { scores(id, today)? } else { (HashMap::new(), 0) };
        let followups = followups::list(repos, now, Some(&id.to_string()), Some("open"))?
            .into_iter()
            .filter_map(|f| parse_date("due", &f.due).ok().map(|d| (f.id, f.text, d)))
            .collect();
        let since = DateTime::<Utc>::from_timestamp_millis(person.created_at).map(|t| local_date(t, &clock.zone, clock.day_start)).unwrap_or(today);
        // Absences matter back to where a silence's first day may lie (after_days is at most 365) and ahead over
        // the preview's days (the last it asks about is day PREVIEW_DAYS: a quiet end on day 61 only finds
        // occurrences of days 60 and 61, and day 61's fire time lies after it).
        let absences = rhythm::absence_ranges(repos, id, today - Duration::days(400), today + Duration::days(i64::from(PREVIEW_DAYS)))?;
        out.insert(
            id,
            Facts {
                name: person.name,
                name_in_title: me.is_some_and(|m| m != id),
                zone: clock.zone,
                day_start: clock.day_start,
                calendar: Calendar::new(clock.working_days, absences),
                counts,
                last,
                scores,
                streak,
                since,
                followups,
                locale,
            },
        );
    }
    Ok(out)
}

/// The stored occurrences' keys, and the fire time of each group's newest (of one rule, or all).
fn stored_occurrences(repos: &impl OccurrencesRepo, rule: Option<i64>) -> Result<(HashSet<(i64, String)>, Newest)> {
    let (mut keys, mut newest) = (HashSet::new(), HashMap::new());
    for o in repos.occurrence_keys(rule)? {
        let t = DateTime::<Utc>::from_timestamp_millis(o.fire_at).unwrap_or_default();
        let e = newest.entry((o.rule_id, o.followup_id)).or_insert(t);
        *e = (*e).max(t);
        keys.insert((o.rule_id, o.key));
    }
    Ok((keys, newest))
}

/// Everything the engine finds due at `at`, stored or not: the rules that are neither paused nor of someone
/// archived, in the order they were made.
pub fn found_at(repos: &impl Repos, at: DateTime<Utc>, scores: &impl Fn(i64, NaiveDate) -> Result<ScoreSummary>) -> Result<Vec<Due>> {
    let labels = labels(repos)?;
    let mut rows: Vec<RuleRow> = repos.rule_rows(None)?.into_iter().filter(|r| !r.paused && !r.person_archived).collect();
    rows.sort_by_key(|r| r.id);
    let rules: Vec<Rule> = rows.into_iter().map(|r| rule_of(r, &labels).map(|(_, rule)| rule)).collect::<Result<_>>()?;
    let people: Vec<i64> = rules.iter().map(|r| r.person_id).collect();
    let with_scores = rules.iter().any(|r| matches!(r.kind, Kind::ScoreDrop | Kind::StreakRisk));
    let facts = facts(repos, &people, with_scores, at, scores)?;
    Ok(engine::due(&rules, &facts, at))
}

/// What is due at `at` and why, without changing anything. `fired` tells whether it was already delivered
/// (or passed over as missed); of the rest, only what a pass would deliver is listed.
pub fn due(repos: &impl Repos, at: DateTime<Utc>, scores: &impl Fn(i64, NaiveDate) -> Result<ScoreSummary>) -> Result<Vec<(Due, bool)>> {
    let found = found_at(repos, at, scores)?;
    let (stored, newest) = stored_occurrences(repos, None)?;
    let already: Vec<(Due, bool)> = found.iter().filter(|d| is_stored(&stored, d)).map(|d| (d.clone(), true)).collect();
    let (deliver, _) = engine::select(found, |d| is_stored(&stored, d), &newest);
    let mut out: Vec<(Due, bool)> = already.into_iter().chain(deliver.into_iter().map(|d| (d, false))).collect();
    out.sort_by(|a, b| a.0.fire_instant.cmp(&b.0.fire_instant).then(a.0.rule_id.cmp(&b.0.rule_id)));
    Ok(out)
}

/// One engine pass at `now` over what [`found_at`] found then: stores the new occurrences (each key once; the
/// ones a catch-up passes over as missed), brings back snoozed ones whose time has come, and returns the
/// entries to notify about.
pub fn run<S: Store>(store: &mut S, now: DateTime<Utc>, found: Vec<Due>) -> Result<Vec<InboxItem>> {
    let (stored, newest) = stored_occurrences(&store.reader(), None)?;
    let (deliver, missed) = engine::select(found, |d| is_stored(&stored, d), &newest);
    let stamp = now.timestamp_millis();
    let ids = store.act(|repos| {
        let mut ids = Vec::new();
        let all = deliver.iter().map(|d| (d, false)).chain(missed.iter().map(|d| (d, true)));
        for (d, missed) in all {
            let new = OccurrenceRecord {
                uid: String::new(),
                rule_id: d.rule_id,
                key: d.key.clone(),
                person_id: d.person_id,
                kind: d.kind.as_str().to_string(),
                category: d.category.clone(),
                followup_id: d.followup_id,
                fire_at: d.fire_instant.timestamp_millis(),
                fired_at: stamp,
                late: d.late,
                state: if missed { "dismissed" } else { "fired" }.into(),
                snoozed_until: None,
                refired_at: None,
                seen: false,
                title: d.title.clone(),
                body: d.body.clone(),
                notice: Some(d.notice.to_json()),
                missed,
            };
            if let (Some(id), false) = (repos.put_occurrence(&new)?, missed) {
                ids.push(id);
            }
        }
        ids.extend(repos.refire_snoozed(stamp)?);
        Ok(ids)
    })?;
    inbox::items(&store.reader(), &ids)
}

#[cfg(test)]
mod tests {
    //! One leader's day on the in-memory store and on a real SQLite file; the expected times and texts are
    //! worked out by hand (Amsterdam is UTC+1 in early March; 2 March 2026 is a Monday).
    use super::*;
    use crate::domain::followups::NewFollowup;
    use crate::domain::rules::NewRule;
    use crate::model::{NewAction, NewPerson};
    use crate::service::{actions, catalogue, rules as rule_service};
    use crate::store::memory::MemoryStore;
    use chrono::TimeZone;

    fn utc(day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, day, hour, minute, 0).unwrap()
    }

    fn scores<S: Store>(store: &S) -> impl Fn(i64, NaiveDate) -> Result<ScoreSummary> + '_ {
        move |p, d| crate::service::stats::score_summary(&store.reader(), p, d)
    }

    fn pass<S: Store>(store: &mut S, now: DateTime<Utc>) -> Vec<(String, String, Option<i64>)> {
        let found = found_at(&store.reader(), now, &scores(store)).unwrap();
        let mut out: Vec<_> = run(store, now, found).unwrap().into_iter().map(|i| (i.kind, i.title, i.followup_id)).collect();
        out.sort();
        out
    }

    fn a_day_of_reminders<S: Store>(store: &mut S) {
        catalogue::seed(store).unwrap();
        language::set_pref(store, "en", Locale::En).unwrap();
        let person = NewPerson { name: "Ann".into(), tz: Some("Europe/Amsterdam".into()), ..NewPerson::default() };
        let ann = people::add(store, utc(1, 9, 0), &person).unwrap().id;
        people::set_self(store, ann).unwrap();
        let new_rule = |kind: &str| NewRule { person: "Ann".into(), kind: kind.into(), ..NewRule::default() };
        let checkin = rule_service::add(store, utc(2, 7, 0), &new_rule("checkin")).unwrap();
        let promises = rule_service::add(store, utc(2, 7, 0), &new_rule("followup-due")).unwrap();
        let promise = NewFollowup { person: "Ann".into(), text: "Call the works council".into(), due: "2026-03-02".into(), from_action: None };
        let promise = followups::add(store, utc(2, 7, 0), &promise).unwrap().id;

        assert!(pass(store, utc(2, 7, 59)).is_empty(), "08:59 in Amsterdam: nothing is due yet");
        let fired = pass(store, utc(2, 8, 30));
        assert_eq!(
            fired,
            vec![
                ("checkin".into(), "Time to log today's leadership".into(), None),
                ("followup-due".into(), "A promise is due".into(), Some(promise)),
            ]
        );
        assert!(pass(store, utc(2, 8, 31)).is_empty(), "each occurrence fires once");
        // What fired is kept as data: read after switching to Dutch, it speaks Dutch.
        language::set_pref(store, "nl", Locale::Nl).unwrap();
        let dutch: Vec<String> = inbox::inbox(&store.reader(), false).unwrap().into_iter().map(|i| i.title).collect();
        assert!(dutch.contains(&"Tijd om je leiderschap van vandaag vast te leggen".to_string()), "{dutch:?}");
        language::set_pref(store, "en", Locale::En).unwrap();
        let due_now = due(&store.reader(), utc(2, 8, 31), &scores(store)).unwrap();
        assert_eq!(due_now.iter().map(|(d, fired)| (d.rule_id, *fired)).collect::<Vec<_>>(), vec![(checkin, true), (promises, true)]);

        // Snoozed for 15 minutes at 09:31: it comes back at 09:46, unseen, and only then.
        let item = inbox::inbox(&store.reader(), false).unwrap().into_iter().find(|i| i.rule_id == checkin).unwrap();
        inbox::snooze(store, utc(2, 8, 31), item.id, "15m").unwrap();
        assert!(pass(store, utc(2, 8, 45)).is_empty());
        let back = pass(store, utc(2, 8, 46));
        assert_eq!(back, vec![("checkin".into(), "Time to log today's leadership".into(), None)]);
        assert_eq!(inbox::item(&store.reader(), item.id).unwrap().state, "fired");

        // Tuesday: Ann logs at 08:30 local, before the check-in; the promise is still open, so overdue.
        let action = NewAction { person: "Ann".into(), category: "open-communication".into(), ..NewAction::default() };
        actions::log(store, utc(3, 7, 30), &action).unwrap();
        let views = rules(&store.reader(), utc(3, 7, 45), Some("ann"), &scores(store)).unwrap();
        let next: Vec<(i64, Option<String>)> = views.iter().map(|v| (v.id, v.next_fire.clone())).collect();
        assert_eq!(
            next,
            vec![(checkin, Some("2026-03-04T09:00:00+01:00".into())), (promises, Some("2026-03-03T09:00:00+01:00".into()))],
            "logged today: the check-in waits for Wednesday; the overdue promise is due at nine"
        );
        assert_eq!(pass(store, utc(3, 8, 5)), vec![("followup-due".into(), "A promise is due".into(), Some(promise))]);
        assert_eq!(rule(&store.reader(), utc(3, 8, 5), checkin, &scores(store)).unwrap().person_name, "Ann");
        assert!(matches!(rule(&store.reader(), utc(3, 8, 5), 999, &scores(store)), Err(CoreError::NotFound { .. })));

        // Paused, a rule is found by no pass.
        rule_service::set_paused(store, utc(3, 9, 0), promises, true).unwrap();
        assert!(pass(store, utc(4, 8, 5)).iter().all(|(kind, _, _)| kind == "checkin"));
        assert_eq!(pass(store, utc(4, 8, 6)), vec![]);
    }

    #[test]
    fn a_day_of_reminders_in_memory() {
        a_day_of_reminders(&mut MemoryStore::new());
    }

    #[test]
    fn a_day_of_reminders_in_sqlite() {
        let dir = tempfile::tempdir().unwrap();
        a_day_of_reminders(&mut crate::Db::open_dir(dir.path()).unwrap());
    }
}
