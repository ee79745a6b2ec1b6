//! Reminder rules: checking a rule's input per kind before it is stored (what each kind needs, sensible
//! defaults: 09:00, 17:00 for streak-risk; thresholds as scores or percentages), and adding, editing, pausing
//! and deleting rules. An edited or resumed rule is a new promise: it never catches up on times that passed.

use chrono::{DateTime, NaiveTime, Utc};

use crate::domain::catalogue::Table;
use crate::error::{CoreError, Result};
use crate::i18n::Msg;
use crate::reminders::engine::Kind;
use crate::reminders::validate::streak_risk_after_day_end;
use crate::domain::rules::NewRule;
use crate::service::people;
use crate::store::{Repos, RuleRecord, RulesRepo, Store};
use crate::time::{format_minutes, parse_hhmm, WorkingDays};

/// Checks a rule as the window's form and the CLI do (and an import); `me` is who made it when the input does
/// not say.
pub(crate) fn validate(repos: &impl Repos, input: &NewRule, me: Option<i64>) -> Result<RuleRecord> {
    {
        let person_id = people::find(repos, &input.person)?.id;
        let kind = Kind::parse(&input.kind).ok_or_else(|| {
            CoreError::invalid("kind", Msg::new("reminder.kind.unknown").arg("kind", &input.kind))
        })?;
        let default_at = match kind {
            Kind::StreakRisk => "17:00",
            _ => "09:00",
        };
        let at = parse_hhmm("at", input.at.as_deref().filter(|a| !a.trim().is_empty()).unwrap_or(default_at))?;
        let weekdays = match &input.days {
            Some(days) if !days.is_empty() => Some(i64::from(WorkingDays::parse(&days.join(",")).map_err(|e| match e {
                CoreError::Invalid { reason, .. } => CoreError::invalid("days", reason),
                other => other,
            })?.0)),
            _ => None,
        };
        let category_id = match input.category.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            Some(key) => Some(crate::service::catalogue::entry_id(repos, Table::Category, key, false)?),
            None => None,
        };
        let needs_category = matches!(kind, Kind::Silence | Kind::ScoreDrop);
        if needs_category && category_id.is_none() {
            return Err(CoreError::invalid("category", Msg::new("reminder.category.needed").arg("kind", kind.as_str())));
        }
        let after_days = match kind {
            Kind::Silence => Some(match input.after_days {
                Some(n) if (1..=365).contains(&n) => n,
                Some(_) => return Err(CoreError::invalid("afterDays", Msg::new("range.days").arg("min", 1).arg("max", 365))),
                None => return Err(CoreError::invalid("afterDays", Msg::new("reminder.after_days.missing"))),
            }),
            _ => None,
        };
        let threshold = match input.threshold.filter(|_| kind == Kind::ScoreDrop) {
            Some(t) if t > 1.0 && t <= 100.0 => Some(t / 100.0),
            Some(t) if (0.0..=1.0).contains(&t) => Some(t),
            Some(_) => return Err(CoreError::invalid("threshold", Msg::new("reminder.threshold.range"))),
            None => None,
        };
        // Only a score-drop rule keeps a threshold or a fall; other kinds ignore them.
        let drop_points = match input.drop_points.filter(|_| kind == Kind::ScoreDrop) {
            Some(p) if p > 0.0 && p <= 100.0 => Some(p),
            Some(_) => return Err(CoreError::invalid("dropPoints", Msg::new("range.points").arg("min", 0).arg("max", 100))),
            None => None,
        };
        if kind == Kind::ScoreDrop && threshold.is_none() && drop_points.is_none() {
            return Err(CoreError::invalid("threshold", Msg::new("reminder.score_drop.needs")));
        }
        let min_streak = match (kind, input.min_streak) {
            (Kind::StreakRisk, Some(0)) => return Err(CoreError::invalid("minStreak", Msg::new("at_least").arg("min", 1))),
            (Kind::StreakRisk, k) => Some(k.unwrap_or(1).min(10_000)),
            _ => None,
        };
        let quiet = |field: &'static str, v: &Option<String>| -> Result<Option<String>> {
            v.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(|t| parse_hhmm(field, t).map(|_| t.to_string())).transpose()
        };
        let (quiet_from, quiet_to) = (quiet("quietFrom", &input.quiet_from)?, quiet("quietTo", &input.quiet_to)?);
        if quiet_from.is_some() != quiet_to.is_some() {
            return Err(CoreError::invalid("quietTo", Msg::new("reminder.quiet.both")));
        }
        if let (Kind::StreakRisk, Some(from), Some(to)) = (kind, &quiet_from, &quiet_to) {
            let day_start = repos.person(person_id)?.map_or(0, |p| p.day_start);
            let (from, to) = (parse_hhmm("quietFrom", from)?, parse_hhmm("quietTo", to)?);
            if streak_risk_after_day_end(at, from, to, day_start) {
                return Err(CoreError::invalid(
                    "at",
                    Msg::new("reminder.streak_risk.quiet").arg("from", from.format("%H:%M")).arg("to", to.format("%H:%M")),
                ));
            }
        }
        let created_by = match input.created_by {
            Some(id) => Some(people::find(repos, &id.to_string())?.id),
            None => me,
        };
        Ok(RuleRecord {
            person_id,
            created_by,
            kind,
            at: format_minutes(at.signed_duration_since(NaiveTime::MIN).num_minutes() as u32),
            weekdays,
            category_id,
            after_days,
            threshold,
            drop_points,
            min_streak,
            quiet_from,
            quiet_to,
        })
    }
}


/// Who made a rule whose input does not say: the app's user on this device.
fn maker(repos: &impl Repos, input: &NewRule) -> Result<Option<i64>> {
    match input.created_by {
        Some(_) => Ok(None),
        None => Ok(people::self_person(repos)?.map(|p| p.id)),
    }
}

/// Validates and stores a rule; its id.
pub fn add<S: Store>(store: &mut S, now: DateTime<Utc>, input: &NewRule) -> Result<i64> {
    store.act(|repos| {
        let me = maker(repos, input)?;
        let v = validate(repos, input, me)?;
        people::refuse_archived(repos, v.person_id)?;
        repos.insert_rule(&v, now.timestamp_millis())
    })
}

/// Replaces rule `id`'s settings (its occurrences so far stay); it counts from `now` on.
pub fn update<S: Store>(store: &mut S, now: DateTime<Utc>, id: i64, input: &NewRule) -> Result<()> {
    store.act(|repos| {
        if !repos.has_rule(id)? {
            return Err(CoreError::not_found("rule", id.to_string()));
        }
        let me = maker(repos, input)?;
        let v = validate(repos, input, me)?;
        people::refuse_archived(repos, v.person_id)?;
        if !repos.replace_rule(id, &v, now.timestamp_millis())? {
            return Err(CoreError::not_found("rule", id.to_string()));
        }
        Ok(())
    })
}

/// Pauses or resumes a rule; a resumed rule starts afresh: what fell due while it was paused is not caught up.
pub fn set_paused<S: Store>(store: &mut S, now: DateTime<Utc>, id: i64, paused: bool) -> Result<()> {
    if !store.act(|repos| repos.set_rule_paused(id, paused, now.timestamp_millis()))? {
        return Err(CoreError::not_found("rule", id.to_string()));
    }
    Ok(())
}

/// Deletes a rule and its occurrences.
pub fn delete<S: Store>(store: &mut S, id: i64) -> Result<()> {
    if !store.act(|repos| repos.delete_rule(id))? {
        return Err(CoreError::not_found("rule", id.to_string()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    //! The rules of each kind on the in-memory store and on a real SQLite file; expected values from the rules
    //! above, by hand.
    use super::*;
    use crate::model::NewPerson;
    use crate::service::catalogue;
    use crate::store::memory::MemoryStore;
    use chrono::TimeZone;

    /// A store whose rules the test can read back: (kind, at, after days, threshold, drop, min streak, paused, maker).
    type Seen = (String, String, Option<u32>, Option<f64>, Option<f64>, Option<u32>, bool, Option<i64>);

    trait Reads: Store {
        fn seen(&self, id: i64) -> Option<Seen>;
    }

    impl Reads for MemoryStore {
        fn seen(&self, id: i64) -> Option<Seen> {
            self.rule_record(id).map(|(r, paused)| {
                (r.kind.as_str().to_string(), r.at, r.after_days, r.threshold, r.drop_points, r.min_streak, paused, r.created_by)
            })
        }
    }

    impl Reads for crate::Db {
        fn seen(&self, id: i64) -> Option<Seen> {
            self.rule(id).ok().map(|r| {
                // The view shows a score threshold as stored (0..1).
                (r.kind, r.at, r.after_days, r.threshold, r.drop_points, r.min_streak, r.paused, r.created_by)
            })
        }
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
    }

    fn rule(kind: &str) -> NewRule {
        NewRule { person: "Ann".into(), kind: kind.into(), ..NewRule::default() }
    }

    fn kinds_and_their_checks<S: Reads>(store: &mut S) {
        catalogue::seed(store).unwrap();
        let person = |name: &str| NewPerson { name: name.into(), tz: Some("Europe/Amsterdam".into()), ..NewPerson::default() };
        let ann = people::add(store, now(), &person("Ann")).unwrap().id;
        let bob = people::add(store, now(), &person("Bob")).unwrap().id;
        people::set_self(store, bob).unwrap();

        let checkin = add(store, now(), &rule("checkin")).unwrap();
        assert_eq!(store.seen(checkin), Some(("checkin".into(), "09:00".into(), None, None, None, None, false, Some(bob))), "made by me");
        let streak = add(store, now(), &NewRule { created_by: Some(ann), ..rule("streak-risk") }).unwrap();
        assert_eq!(store.seen(streak).map(|s| (s.1, s.5, s.7)), Some(("17:00".into(), Some(1), Some(ann))));
        let silence = NewRule { category: Some("follow-up".into()), after_days: Some(365), at: Some("8:05".into()), ..rule("silence") };
        let silence = add(store, now(), &silence).unwrap();
        assert_eq!(store.seen(silence).map(|s| (s.1, s.2)), Some(("08:05".into(), Some(365))));
        let drop = NewRule { category: Some("follow-up".into()), threshold: Some(60.0), drop_points: Some(15.0), min_streak: Some(3), ..rule("score-drop") };
        let drop = add(store, now(), &drop).unwrap();
        assert_eq!(store.seen(drop).map(|s| (s.3, s.4, s.5)), Some((Some(0.6), Some(15.0), None)), "a percentage is a score; other kinds' fields are dropped");

        let field = |store: &mut S, input: NewRule| match add(store, now(), &input) {
            Err(CoreError::Invalid { field, .. }) => field.to_string(),
            Err(CoreError::NotFound { entity, .. }) => format!("no {entity}"),
            other => format!("{other:?}"),
        };
        assert_eq!(field(store, rule("nagging")), "kind");
        assert_eq!(field(store, NewRule { after_days: Some(3), ..rule("silence") }), "category");
        assert_eq!(field(store, NewRule { category: Some("follow-up".into()), ..rule("silence") }), "afterDays");
        for days in [0, 366] {
            assert_eq!(field(store, NewRule { category: Some("follow-up".into()), after_days: Some(days), ..rule("silence") }), "afterDays");
        }
        assert_eq!(field(store, NewRule { category: Some("nope".into()), after_days: Some(3), ..rule("silence") }), "no category");
        let scored = |threshold, drop_points| NewRule { category: Some("follow-up".into()), threshold, drop_points, ..rule("score-drop") };
        assert_eq!(field(store, scored(None, None)), "threshold");
        assert_eq!(field(store, scored(Some(101.0), None)), "threshold");
        assert_eq!(field(store, scored(Some(-0.1), None)), "threshold");
        assert_eq!(field(store, scored(None, Some(0.0))), "dropPoints");
        assert!(add(store, now(), &scored(Some(1.0), None)).is_ok(), "1.0 is a score, not 1 %");
        assert_eq!(field(store, NewRule { min_streak: Some(0), ..rule("streak-risk") }), "minStreak");
        assert_eq!(field(store, NewRule { quiet_from: Some("20:00".into()), ..rule("checkin") }), "quietTo");
        let quiet = |at: &str| NewRule { at: Some(at.into()), quiet_from: Some("20:00".into()), quiet_to: Some("07:00".into()), ..rule("streak-risk") };
        assert_eq!(field(store, quiet("21:00")), "at", "it would wait until tomorrow");
        assert!(add(store, now(), &quiet("19:59")).is_ok());
        assert_eq!(field(store, NewRule { days: Some(vec!["funday".into()]), ..rule("checkin") }), "days");
        assert_eq!(field(store, NewRule { at: Some("25:00".into()), ..rule("checkin") }), "at");
        assert_eq!(field(store, NewRule { created_by: Some(999), ..rule("checkin") }), "no person");
        assert_eq!(field(store, NewRule { person: "Zed".into(), ..rule("checkin") }), "no person");

        // Edits, pauses and deletes; an unknown rule is not found before its input is read.
        update(store, now(), checkin, &NewRule { at: Some("10:30".into()), ..rule("checkin") }).unwrap();
        assert_eq!(store.seen(checkin).map(|s| (s.1, s.7)), Some(("10:30".into(), Some(bob))), "the maker stays");
        assert!(matches!(update(store, now(), 999, &rule("nagging")), Err(CoreError::NotFound { .. })));
        set_paused(store, now(), checkin, true).unwrap();
        assert_eq!(store.seen(checkin).map(|s| s.6), Some(true));
        set_paused(store, now(), checkin, false).unwrap();
        assert_eq!(store.seen(checkin).map(|s| s.6), Some(false));
        assert!(matches!(set_paused(store, now(), 999, true), Err(CoreError::NotFound { .. })));
        delete(store, checkin).unwrap();
        assert!(store.seen(checkin).is_none());
        assert!(matches!(delete(store, checkin), Err(CoreError::NotFound { .. })));

        people::archive(store, now(), ann).unwrap();
        assert_eq!(field(store, rule("checkin")), "person", "nothing new for someone archived");
        assert!(matches!(update(store, now(), streak, &rule("checkin")), Err(CoreError::Invalid { field: "person", .. })));
    }

    #[test]
    fn kinds_and_their_checks_on_both_stores() {
        kinds_and_their_checks(&mut MemoryStore::new());
        let dir = tempfile::tempdir().unwrap();
        kinds_and_their_checks(&mut crate::Db::open_dir(dir.path()).unwrap());
    }
}
