//! A person's rhythm: targets per category, working days and day start (each change applies from the
//! person's today, what applied before keeps applying to the past), and planned absences.

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::catalogue::{clean_label, Table};
use crate::domain::targets::{default_target, Absence, CategoryTarget, Per, Target};
use crate::error::{CoreError, Result};
use crate::i18n::Msg;
use crate::model::Person;
use crate::service::people;
use crate::store::{OnSameDay, PeopleRepo, Repos, RhythmRepo, Store};
use crate::time::{local_date, parse_date, parse_day_start, WorkingDays, Zone};

/// The from-date of the rhythm or target that applied before the first change: all of the past. It lies
/// outside the range people may type, so it is never parsed as input.
pub const HISTORY_START: &str = "0001-01-01";

/// Longest absence accepted, in days (a sabbatical, not a typo spanning decades).
pub const MAX_ABSENCE_DAYS: i64 = 366;

/// Targets over time per category key: `(from, target)` by date, `None` for the default.
pub type TargetHistory = std::collections::HashMap<String, Vec<(NaiveDate, Option<Target>)>>;

/// A stored from-date.
fn history_date(text: &str) -> Result<NaiveDate> {
    text.parse::<NaiveDate>().or_else(|_| parse_date("from", text))
}

/// Sets a person's target for a category, from their today on.
pub fn set_target<S: Store>(store: &mut S, now: DateTime<Utc>, person: &str, category: &str, times: u32, per: Per) -> Result<CategoryTarget> {
    if !(1..=100).contains(&times) {
        return Err(CoreError::invalid("times", Msg::new("range").arg("min", 1).arg("max", 100)));
    }
    store.act(|repos| {
        let person_id = people::find(repos, person)?.id;
        let key = category.trim();
        let category_id = crate::service::catalogue::entry_id(repos, Table::Category, key, false)?;
        let from = change_from(repos, now, person_id)?;
        // What applied until now keeps applying to the past (the default, when none was set).
        let before = repos.stored_target(person_id, category_id)?;
        repos.put_target_history(person_id, category_id, HISTORY_START, before, OnSameDay::Keep)?;
        let target = Target { times, per };
        repos.put_target_history(person_id, category_id, &from, Some(target), OnSameDay::Replace)?;
        repos.put_target(person_id, category_id, target)?;
        targets(repos, person_id)?.into_iter().find(|t| t.category == key).ok_or_else(|| CoreError::not_found("category", key))
    })
}

/// A person's target for every active category, defaults filled in.
pub fn targets(repos: &impl RhythmRepo, person_id: i64) -> Result<Vec<CategoryTarget>> {
    Ok(repos
        .category_targets(person_id)?
        .into_iter()
        .map(|c| {
            let (target, is_default) = match c.target {
                Some(t) => (t, false),
                None => (default_target(&c.key), true),
            };
            CategoryTarget { category: c.key, label: c.label, colour: c.colour, target, is_default }
        })
        .collect())
}

/// Each category's targets over time, by category key.
pub fn target_history(repos: &impl RhythmRepo, person_id: i64) -> Result<TargetHistory> {
    let mut out = TargetHistory::new();
    for (key, from, target) in repos.target_history(person_id)? {
        out.entry(key).or_default().push((history_date(&from)?, target));
    }
    Ok(out)
}

/// The working days a person had over time, `(from, days)` by date; empty when they never changed.
pub fn rhythm_history(repos: &impl RhythmRepo, person_id: i64) -> Result<Vec<(NaiveDate, WorkingDays)>> {
    repos.rhythm_history(person_id)?.into_iter().map(|(from, days, _)| Ok((history_date(&from)?, days))).collect()
}

/// Changes a person's working days and day start (the ones given), from their today on.
pub fn set_schedule<S: Store>(store: &mut S, now: DateTime<Utc>, person: &str, working_days: Option<&[String]>, day_start: Option<&str>) -> Result<Person> {
    store.act(|repos| {
        let person_id = people::find(repos, person)?.id;
        let days = working_days.map(|d| WorkingDays::parse(&d.join(","))).transpose()?;
        let start = day_start.map(parse_day_start).transpose()?;
        let from = change_from(repos, now, person_id)?;
        let current = repos.person(person_id)?.ok_or_else(|| CoreError::not_found("person", person_id.to_string()))?;
        // The rhythm so far keeps applying to the past; the new one applies from today.
        repos.put_rhythm_history(person_id, HISTORY_START, current.working_days, current.day_start, OnSameDay::Keep)?;
        let (days, start) = (days.unwrap_or(current.working_days), start.unwrap_or(current.day_start));
        repos.put_rhythm(person_id, days, start)?;
        repos.put_rhythm_history(person_id, &from, days, start, OnSameDay::Replace)?;
        people::person(repos, person_id)
    })
}

/// The date from which a change of rhythm or target applies: the person's local today, by the day start in
/// force now. On the day a person is added, a change is still setting them up and applies to all of their
/// (back-logged) history.
fn change_from(repos: &impl PeopleRepo, now: DateTime<Utc>, person_id: i64) -> Result<String> {
    let p = repos.person(person_id)?.ok_or_else(|| CoreError::not_found("person", person_id.to_string()))?;
    let zone = Zone::parse(&p.tz)?;
    let today = local_date(now, &zone, p.day_start);
    let first_day = DateTime::from_timestamp_millis(p.created_at).map(|t| local_date(t, &zone, p.day_start));
    Ok(if first_day.is_some_and(|d| d >= today) { HISTORY_START.to_string() } else { today.to_string() })
}

/// Records a planned absence over inclusive dates.
pub fn add_absence<S: Store>(store: &mut S, person: &str, from: &str, to: &str, reason: &str) -> Result<Absence> {
    store.act(|repos| {
        let person_id = people::find(repos, person)?.id;
        let (from, to) = (parse_date("from", from)?, parse_date("to", to)?);
        if to < from {
            return Err(CoreError::invalid("to", Msg::new("date.before").arg("to", to).arg("from", from)));
        }
        if (to - from).num_days() >= MAX_ABSENCE_DAYS {
            return Err(CoreError::invalid("to", Msg::new("absence.too_long").arg("max", MAX_ABSENCE_DAYS)));
        }
        let reason = if reason.trim().is_empty() { String::new() } else { clean_label("reason", reason)? };
        let id = repos.insert_absence(person_id, &from.to_string(), &to.to_string(), &reason)?;
        repos.absences(Some(person_id))?.into_iter().find(|a| a.id == id).ok_or_else(|| CoreError::not_found("absence", id.to_string()))
    })
}

/// Removes an absence.
pub fn delete_absence<S: Store>(store: &mut S, id: i64) -> Result<()> {
    if !store.act(|repos| repos.delete_absence(id))? {
        return Err(CoreError::not_found("absence", id.to_string()));
    }
    Ok(())
}

/// Absences of one person (id or name) or of everyone, by start date.
pub fn absences(repos: &impl Repos, person: Option<&str>) -> Result<Vec<Absence>> {
    let person_id = person.filter(|p| !p.trim().is_empty()).map(|p| people::find(repos, p).map(|p| p.id)).transpose()?;
    repos.absences(person_id)
}

/// Absence date ranges of a person overlapping `[from, to]`.
pub fn absence_ranges(repos: &impl RhythmRepo, person_id: i64, from: NaiveDate, to: NaiveDate) -> Result<Vec<(NaiveDate, NaiveDate)>> {
    repos
        .absence_ranges(person_id, &from.to_string(), &to.to_string())?
        .into_iter()
        .map(|(a, b)| Ok((parse_date("from", &a)?, parse_date("to", &b)?)))
        .collect()
}

#[cfg(test)]
mod tests {
    //! Every scenario runs on the in-memory store and on a real SQLite file; the expected values are worked
    //! out by hand from the rules above.
    use super::*;
    use crate::model::NewPerson;
    use crate::store::memory::MemoryStore;
    use chrono::TimeZone;

    fn utc(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, day, hour, 0, 0).unwrap()
    }

    fn memory() -> MemoryStore {
        let mut store = MemoryStore::new();
        // The three default categories of a new database, in their order.
        for key in ["open-communication", "visible-participation", "follow-up"] {
            store.add_catalogue_entry(Table::Category, key);
        }
        let old = store.add_catalogue_entry(Table::Category, "retired");
        store.archive_catalogue_entry(old);
        store
    }

    fn sqlite() -> (tempfile::TempDir, crate::Db) {
        let dir = tempfile::tempdir().unwrap();
        let mut db = crate::Db::open_dir(dir.path()).unwrap();
        let patch = crate::organisation::CatalogPatch::default();
        db.add_catalog_entry("categories", "Retired", &patch).unwrap();
        let archived = crate::organisation::CatalogPatch { archived: Some(true), ..patch };
        db.update_catalog_entry("categories", "retired", &archived).unwrap();
        (dir, db)
    }

    /// Ann in Amsterdam, added on 2 March at 09:00 UTC.
    fn ann<S: Store>(store: &mut S) -> i64 {
        let input = NewPerson { name: "Ann".into(), tz: Some("Europe/Amsterdam".into()), ..NewPerson::default() };
        people::add(store, utc(2, 9), &input).unwrap().id
    }

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn targets_and_their_history<S: Store>(store: &mut S) {
        let id = ann(store);
        let shown = |store: &S| -> Vec<(String, u32, Per, bool)> {
            targets(&store.reader(), id).unwrap().into_iter().map(|t| (t.category, t.target.times, t.target.per, t.is_default)).collect()
        };
        let row = |key: &str, times, per, default| (key.to_string(), times, per, default);
        assert_eq!(
            shown(store),
            [row("open-communication", 3, Per::Week, true), row("visible-participation", 2, Per::Week, true), row("follow-up", 2, Per::Week, true)]
        );
        // On the day she was added, a target is part of setting her up: it applies to all of her history.
        let set = set_target(store, utc(2, 15), "ann", "follow-up", 4, Per::Day).unwrap();
        assert_eq!((set.category.as_str(), set.target, set.is_default), ("follow-up", Target { times: 4, per: Per::Day }, false));
        let history = |store: &S| target_history(&store.reader(), id).unwrap();
        assert_eq!(history(store)["follow-up"], [(d(HISTORY_START), Some(Target { times: 4, per: Per::Day }))]);
        // Later changes apply from her today; two on one day leave the last.
        set_target(store, utc(5, 10), &id.to_string(), "follow-up", 5, Per::Week).unwrap();
        set_target(store, utc(5, 11), "Ann", "follow-up", 6, Per::Week).unwrap();
        let week = |times| Some(Target { times, per: Per::Week });
        assert_eq!(history(store)["follow-up"], [(d(HISTORY_START), Some(Target { times: 4, per: Per::Day })), (d("2026-03-05"), week(6))]);
        // A first target set later keeps the default for the past; 23:30 UTC is already the next day in Amsterdam.
        set_target(store, utc(6, 23) + chrono::Duration::minutes(30), "Ann", "open-communication", 1, Per::Week).unwrap();
        assert_eq!(history(store)["open-communication"], [(d(HISTORY_START), None), (d("2026-03-07"), week(1))]);
        assert!(!history(store).contains_key("visible-participation"));
        assert_eq!(shown(store)[0], row("open-communication", 1, Per::Week, false));
        assert_eq!(shown(store)[2], row("follow-up", 6, Per::Week, false));

        for times in [0, 101] {
            assert!(matches!(set_target(store, utc(8, 9), "Ann", "follow-up", times, Per::Week), Err(CoreError::Invalid { field: "times", .. })));
        }
        assert_eq!(set_target(store, utc(8, 9), "Ann", "follow-up", 100, Per::Week).unwrap().target.times, 100);
        for category in ["nope", "retired"] {
            assert!(matches!(set_target(store, utc(8, 9), "Ann", category, 2, Per::Week), Err(CoreError::NotFound { .. })), "{category}");
        }
        assert!(matches!(set_target(store, utc(8, 9), "Ann", " ", 2, Per::Week), Err(CoreError::Invalid { field: "category", .. })));
        assert!(matches!(set_target(store, utc(8, 9), "Bob", "nope", 2, Per::Week), Err(CoreError::NotFound { entity: "person", .. })));
    }

    fn schedule_and_its_history<S: Store>(store: &mut S) {
        let id = ann(store);
        let days = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
        let p = set_schedule(store, utc(4, 12), "Ann", Some(&days(&["mon", "tue"])), None).unwrap();
        assert_eq!((p.working_days, p.day_start.as_str()), (days(&["mon", "tue"]), "00:00"));
        let p = set_schedule(store, utc(4, 13), "Ann", None, Some("05:00")).unwrap();
        assert_eq!((p.working_days.len(), p.day_start.as_str()), (2, "05:00"));
        let weekdays = WorkingDays::parse("mon,tue,wed,thu,fri").unwrap();
        let two = WorkingDays::parse("mon,tue").unwrap();
        assert_eq!(rhythm_history(&store.reader(), id).unwrap(), [(d(HISTORY_START), weekdays), (d("2026-03-04"), two)]);
        // 02:00 UTC on the 6th is 03:00 in Amsterdam: before her 05:00 day start, still the 5th.
        set_schedule(store, utc(6, 2), "Ann", Some(&days(&["fri"])), None).unwrap();
        let history = rhythm_history(&store.reader(), id).unwrap();
        assert_eq!(history.last(), Some(&(d("2026-03-05"), WorkingDays::parse("fri").unwrap())));
        assert!(matches!(set_schedule(store, utc(6, 9), "Bob", Some(&days(&["funday"])), None), Err(CoreError::NotFound { .. })));
        assert!(set_schedule(store, utc(6, 9), "Ann", Some(&days(&["funday"])), None).is_err());
        assert!(set_schedule(store, utc(6, 9), "Ann", None, Some("13:00")).is_err());
        assert_eq!(rhythm_history(&store.reader(), id).unwrap().len(), 3, "a refused change records nothing");
    }

    fn absences_in_order<S: Store>(store: &mut S) {
        let id = ann(store);
        let bob = people::add(store, utc(2, 9), &NewPerson { name: "Bob".into(), tz: Some("UTC".into()), ..NewPerson::default() }).unwrap().id;
        let late = add_absence(store, "Ann", "2026-05-01", "2026-05-03", "  Holiday ").unwrap();
        assert_eq!((late.person_id, late.person_name.as_str(), late.from.as_str(), late.to.as_str(), late.reason.as_str()), (id, "Ann", "2026-05-01", "2026-05-03", "Holiday"));
        let early = add_absence(store, &id.to_string(), "2026-04-01", "2026-04-01", " ").unwrap();
        assert_eq!(early.reason, "");
        add_absence(store, "Bob", "2026-04-15", "2027-04-15", "Sabbatical").unwrap();
        assert!(matches!(add_absence(store, "Bob", "2026-04-15", "2027-04-16", ""), Err(CoreError::Invalid { field: "to", .. })), "366 days on");
        assert!(matches!(add_absence(store, "Ann", "2026-04-02", "2026-04-01", ""), Err(CoreError::Invalid { field: "to", .. })));
        assert!(matches!(add_absence(store, "Ann", "someday", "2026-04-01", ""), Err(CoreError::Invalid { field: "from", .. })));
        assert!(matches!(add_absence(store, "Zed", "someday", "2026-04-01", ""), Err(CoreError::NotFound { .. })), "the person first");

        let listed = |store: &S, who: Option<&str>| absences(&store.reader(), who).unwrap().into_iter().map(|a| a.from).collect::<Vec<_>>();
        assert_eq!(listed(store, None), ["2026-04-01", "2026-04-15", "2026-05-01"]);
        assert_eq!(listed(store, Some("Ann")), ["2026-04-01", "2026-05-01"]);
        assert_eq!(listed(store, Some(" ")), listed(store, None));
        let mut ranges = absence_ranges(&store.reader(), id, d("2026-04-01"), d("2026-05-01")).unwrap();
        ranges.sort();
        assert_eq!(ranges, [(d("2026-04-01"), d("2026-04-01")), (d("2026-05-01"), d("2026-05-03"))], "inclusive at both ends");
        assert!(absence_ranges(&store.reader(), id, d("2026-04-02"), d("2026-04-30")).unwrap().is_empty());
        assert_eq!(absence_ranges(&store.reader(), bob, d("2027-04-14"), d("2027-12-31")).unwrap().len(), 1);

        delete_absence(store, early.id).unwrap();
        assert!(matches!(delete_absence(store, early.id), Err(CoreError::NotFound { .. })));
        assert_eq!(listed(store, Some("Ann")), ["2026-05-01"]);
    }

    #[test]
    fn targets_and_their_history_on_both_stores() {
        targets_and_their_history(&mut memory());
        targets_and_their_history(&mut sqlite().1);
    }

    #[test]
    fn schedule_and_its_history_on_both_stores() {
        schedule_and_its_history(&mut memory());
        schedule_and_its_history(&mut sqlite().1);
    }

    #[test]
    fn absences_in_order_on_both_stores() {
        absences_in_order(&mut memory());
        absences_in_order(&mut sqlite().1);
    }
}
