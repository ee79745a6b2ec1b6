//! People: adding (every field checked before anything is written), finding, archiving and restoring the
//! organisation's leaders, and which of them is "me" on this device.

use chrono::{DateTime, Utc};

use crate::domain::catalogue::{clean_label, Table};
use crate::error::{CoreError, Result};
use crate::i18n::Msg;
use crate::model::{NewPerson, Person};
use crate::service::catalogue;
use crate::store::{CatalogRepo, DeviceSettingsRepo, NewPersonRecord, PeopleRepo, PersonEdit, PersonRecord, Repos, RulesRepo, Store};
use crate::time::{detect_os_zone, format_minutes, parse_day_start, WorkingDays, Zone};

/// Longest role/title accepted.
pub const MAX_ROLE: usize = 120;

/// The device setting naming the person who uses the app here.
pub(crate) const SELF_KEY: &str = "self_person_id";

/// A person's input after validation; catalogue keys not yet resolved.
#[derive(Debug, Clone)]
pub(crate) struct ValidPerson {
    name: String,
    role: String,
    tz: String,
    working_days: WorkingDays,
    day_start: u32,
    layer: Option<String>,
    unit: Option<String>,
}

/// Checks a new person completely, without writing: name (free, not a number), role, zone, days, day start,
/// and the layer.
pub(crate) fn validate(repos: &(impl PeopleRepo + CatalogRepo), input: &NewPerson) -> Result<ValidPerson> {
    let name = clean_label("name", &input.name)?;
    let role = input.role.as_deref().unwrap_or("").trim().to_string();
    if role.chars().count() > MAX_ROLE {
        return Err(CoreError::invalid("role", Msg::new("text.too_long").arg("max", MAX_ROLE)));
    }
    if name.parse::<i64>().is_ok() {
        return Err(CoreError::invalid("name", Msg::new("person.name.number")));
    }
    let tz = match input.tz.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(text) => match Zone::parse(text)? {
            Zone::Iana(tz) => tz.name().to_string(),
            Zone::Fixed(_) => return Err(CoreError::invalid("tz", Msg::new("tz.not_iana"))),
        },
        None => detect_os_zone(),
    };
    let working_days = match &input.working_days {
        Some(days) => WorkingDays::parse(&days.join(","))?,
        None => WorkingDays::default(),
    };
    let day_start = match input.day_start.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(text) => parse_day_start(text)?,
        None => 0,
    };
    optional_key(repos, Table::Layer, input.layer.as_deref())?;
    if repos.person_named(&name)?.is_some() {
        return Err(CoreError::Conflict(Msg::new("person.exists").arg("name", &name)));
    }
    Ok(ValidPerson { name, role, tz, working_days, day_start, layer: input.layer.clone(), unit: input.unit.clone() })
}

/// Validates and stores a new person, in one transaction (the name is free when it is written); returns them.
pub fn add<S: Store>(store: &mut S, now: DateTime<Utc>, input: &NewPerson) -> Result<Person> {
    store.act(|repos| {
        let v = validate(repos, input)?;
        let layer_id = optional_key(repos, Table::Layer, v.layer.as_deref())?;
        let unit_id = optional_key(repos, Table::Unit, v.unit.as_deref())?;
        let id = repos.insert_person(&NewPersonRecord {
            name: v.name,
            role: v.role,
            layer_id,
            unit_id,
            tz: v.tz,
            working_days: v.working_days,
            day_start: v.day_start,
            created_at: now.timestamp_millis(),
            uid: None,
        })?;
        person(repos, id)
    })
}

/// Edits a person: name, role, layer, unit and zone (no zone given: it stays). Working days and day start
/// change through `service::rhythm::set_schedule`, which keeps their history.
pub fn update<S: Store>(store: &mut S, who: &str, input: &NewPerson) -> Result<Person> {
    store.act(|repos| {
        let current = find(repos, who)?;
        let name = clean_label("name", &input.name)?;
        if name.parse::<i64>().is_ok() {
            return Err(CoreError::invalid("name", Msg::new("person.name.number")));
        }
        if repos.person_named(&name)?.is_some_and(|other| other != current.id) {
            return Err(CoreError::Conflict(Msg::new("person.exists").arg("name", &name)));
        }
        let role = input.role.as_deref().unwrap_or("").trim().to_string();
        if role.chars().count() > MAX_ROLE {
            return Err(CoreError::invalid("role", Msg::new("person.role.too_long")));
        }
        let tz = match input.tz.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) => match Zone::parse(t)? {
                Zone::Iana(z) => Some(z.name().to_string()),
                Zone::Fixed(_) => return Err(CoreError::invalid("tz", Msg::new("tz.not_iana"))),
            },
            None => None,
        };
        // A live layer or unit, or the archived one the person already has (editing their role must not force
        // a move out of a unit that was archived since).
        let layer_id = key_keeping(repos, Table::Layer, input.layer.as_deref(), current.layer.as_deref())?;
        let unit_id = key_keeping(repos, Table::Unit, input.unit.as_deref(), current.unit.as_deref())?;
        repos.update_person(current.id, &PersonEdit { name, role, layer_id, unit_id, tz })?;
        person(repos, current.id)
    })
}

/// The id of entry `key` of `kind` when one is named: a live one, or the archived one the record already has.
fn key_keeping(repos: &impl CatalogRepo, kind: Table, key: Option<&str>, had: Option<&str>) -> Result<Option<i64>> {
    let Some(key) = key.map(str::trim).filter(|k| !k.is_empty()) else { return Ok(None) };
    catalogue::entry_id(repos, kind, key, had == Some(key)).map(Some)
}

/// One person by id.
pub fn person(repos: &impl Repos, id: i64) -> Result<Person> {
    let record = repos.person(id)?.ok_or_else(|| CoreError::not_found("person", id.to_string()))?;
    Ok(shown(record, self_id(repos)?))
}

/// Everyone (the archived too when `archived_too`), by name.
pub fn people(repos: &impl Repos, archived_too: bool) -> Result<Vec<Person>> {
    let me = self_id(repos)?;
    Ok(repos.people(archived_too)?.into_iter().map(|p| shown(p, me)).collect())
}

/// The person using the app on this device, once onboarding is done.
pub fn self_person(repos: &impl Repos) -> Result<Option<Person>> {
    let Some(id) = self_id(repos)? else { return Ok(None) };
    Ok(repos.person(id)?.map(|p| shown(p, Some(id))))
}

/// Makes `id` the person using the app on this device.
pub fn set_self<S: Store>(store: &mut S, id: i64) -> Result<()> {
    store.act(|repos| {
        person(repos, id)?;
        repos.put_device_setting(SELF_KEY, &id.to_string())
    })
}

/// Resolves a person given as id or (case-insensitive) name.
pub fn find(repos: &impl Repos, id_or_name: &str) -> Result<Person> {
    let text = id_or_name.trim();
    if text.is_empty() {
        return Err(CoreError::invalid("person", Msg::new("person.choose")));
    }
    let id = match text.parse::<i64>() {
        Ok(id) => repos.person(id)?.map(|p| p.id),
        Err(_) => repos.person_named(text)?,
    };
    person(repos, id.ok_or_else(|| CoreError::not_found("person", text))?)
}

/// Archives a person who left (or was a test): they leave the pickers, the team and reminders (their rules
/// pause), and no new action can be logged for them; everything they did stays and counts in old reviews.
/// The app's own user cannot be archived. Archiving an archived person is a conflict, not a silent no-op.
pub fn archive<S: Store>(store: &mut S, now: DateTime<Utc>, id: i64) -> Result<Person> {
    store.act(|repos| {
        let p = person(repos, id)?;
        if p.is_self {
            return Err(CoreError::Conflict(Msg::new("person.archive_self")));
        }
        if p.archived {
            return Err(CoreError::Conflict(Msg::new("person.already_archived").arg("name", &p.name)));
        }
        repos.set_person_archived(id, Some(now.timestamp_millis()))?;
        person(repos, id)
    })
}

/// Brings an archived person back. Their reminder rules start afresh from now: what fell due while they
/// were archived is not caught up on (as with a paused rule that resumes).
pub fn restore<S: Store>(store: &mut S, now: DateTime<Utc>, id: i64) -> Result<Person> {
    store.act(|repos| {
        let p = person(repos, id)?;
        if !p.archived {
            return Err(CoreError::Conflict(Msg::new("person.not_archived").arg("name", &p.name)));
        }
        repos.set_person_archived(id, None)?;
        repos.restart_rules_of(id, now.timestamp_millis())?;
        person(repos, id)
    })
}

/// Someone archived gets nothing new (they left): no action, promise or rule, by the window, the CLI or an
/// import. What they did stays and can be edited; restoring them lifts this.
pub(crate) fn refuse_archived(repos: &impl PeopleRepo, person_id: i64) -> Result<()> {
    match repos.person(person_id)? {
        Some(p) if p.archived => Err(CoreError::invalid("person", Msg::new("person.archived").arg("name", p.name))),
        _ => Ok(()),
    }
}

fn self_id(repos: &impl DeviceSettingsRepo) -> Result<Option<i64>> {
    Ok(repos.device_setting(SELF_KEY)?.and_then(|id| id.parse::<i64>().ok()))
}

fn shown(p: PersonRecord, me: Option<i64>) -> Person {
    Person {
        id: p.id,
        uid: p.uid,
        name: p.name,
        role: p.role,
        layer: p.layer,
        unit: p.unit,
        tz: p.tz,
        working_days: p.working_days.names().into_iter().map(String::from).collect(),
        day_start: format_minutes(p.day_start),
        is_self: me == Some(p.id),
        archived: p.archived,
    }
}

/// The id of catalogue entry `key` of `kind`, when one is named; a named entry that does not exist (or is
/// archived) is an error.
fn optional_key(repos: &impl CatalogRepo, kind: Table, key: Option<&str>) -> Result<Option<i64>> {
    match key.map(str::trim).filter(|k| !k.is_empty()) {
        Some(key) => catalogue::entry_id(repos, kind, key, false).map(Some),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    //! Every scenario runs on the in-memory store and on a real SQLite file and must answer the same.
    use super::*;
    use crate::store::memory::MemoryStore;
    use chrono::TimeZone;

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, hour, 0, 0).unwrap()
    }

    fn input(name: &str) -> NewPerson {
        NewPerson { name: name.into(), tz: Some("Europe/Amsterdam".into()), ..NewPerson::default() }
    }

    fn memory() -> MemoryStore {
        let mut store = MemoryStore::new();
        store.add_catalogue_entry(Table::Layer, "board");
        store.add_catalogue_entry(Table::Unit, "sales");
        let old = store.add_catalogue_entry(Table::Layer, "retired");
        store.archive_catalogue_entry(old);
        store
    }

    fn sqlite() -> (tempfile::TempDir, crate::Db) {
        let dir = tempfile::tempdir().unwrap();
        let mut db = crate::Db::open_dir(dir.path()).unwrap();
        db.add_unit("Sales").unwrap();
        let patch = crate::organisation::CatalogPatch::default();
        db.add_catalog_entry("layers", "Retired", &patch).unwrap();
        let archived = crate::organisation::CatalogPatch { archived: Some(true), ..patch };
        db.update_catalog_entry("layers", "retired", &archived).unwrap();
        (dir, db)
    }

    fn adds_and_refuses<S: Store>(store: &mut S) {
        let full = NewPerson {
            name: "  Ann de Vries ".into(),
            role: Some(" Director ".into()),
            layer: Some("board".into()),
            unit: Some("sales".into()),
            tz: Some("Asia/Kolkata".into()),
            working_days: Some(vec!["mon".into(), "wed".into()]),
            day_start: Some("04:30".into()),
        };
        let ann = add(store, at(9), &full).unwrap();
        assert_eq!(
            (ann.name.as_str(), ann.role.as_str(), ann.layer.as_deref(), ann.unit.as_deref(), ann.tz.as_str()),
            ("Ann de Vries", "Director", Some("board"), Some("sales"), "Asia/Kolkata")
        );
        assert_eq!((ann.working_days, ann.day_start.as_str(), ann.is_self, ann.archived), (vec!["mon".to_string(), "wed".into()], "04:30", false, false));
        let plain = add(store, at(9), &input("bob")).unwrap();
        assert_eq!((plain.working_days.len(), plain.day_start.as_str(), plain.role.as_str(), plain.layer), (5, "00:00", "", None));

        let refused = |store: &mut S, person: NewPerson| add(store, at(9), &person).unwrap_err();
        assert!(matches!(refused(store, input("ANN DE VRIES")), CoreError::Conflict(_)));
        assert!(matches!(refused(store, input("  ")), CoreError::Invalid { field: "name", .. }));
        assert!(matches!(refused(store, input("42")), CoreError::Invalid { field: "name", .. }));
        let long_role = NewPerson { role: Some("r".repeat(MAX_ROLE + 1)), ..input("Cas") };
        assert!(matches!(refused(store, long_role), CoreError::Invalid { field: "role", .. }));
        let role_at_limit = NewPerson { role: Some("r".repeat(MAX_ROLE)), ..input("Cas") };
        assert_eq!(add(store, at(9), &role_at_limit).unwrap().role.len(), MAX_ROLE);
        let fixed = NewPerson { tz: Some("+02:00".into()), ..input("Dee") };
        assert!(matches!(refused(store, fixed), CoreError::Invalid { field: "tz", .. }));
        let bad_days = NewPerson { working_days: Some(vec!["funday".into()]), ..input("Dee") };
        assert!(matches!(refused(store, bad_days), CoreError::Invalid { .. }));
        let bad_start = NewPerson { day_start: Some("25:00".into()), ..input("Dee") };
        assert!(matches!(refused(store, bad_start), CoreError::Invalid { .. }));
        for (layer, unit) in [(Some("nope"), None), (Some("retired"), None), (None, Some("nope"))] {
            let person = NewPerson { layer: layer.map(Into::into), unit: unit.map(Into::into), ..input("Dee") };
            assert!(matches!(refused(store, person), CoreError::NotFound { .. }), "{layer:?} {unit:?}");
        }
        // Nothing refused was written.
        let names: Vec<String> = people(&store.reader(), true).unwrap().into_iter().map(|p| p.name).collect();
        assert_eq!(names, ["Ann de Vries", "bob", "Cas"]);
    }

    fn finds_and_lists<S: Store>(store: &mut S) {
        let zoe = add(store, at(9), &input("zoë")).unwrap();
        let ann = add(store, at(9), &input("Ann")).unwrap();
        let bob = add(store, at(9), &input("bob")).unwrap();
        let r = store.reader();
        assert_eq!(find(&r, &bob.id.to_string()).unwrap().name, "bob");
        assert_eq!(find(&r, " ANN ").unwrap().id, ann.id);
        assert_eq!(find(&r, "ZOë").unwrap().id, zoe.id);
        assert!(matches!(find(&r, "ZOË"), Err(CoreError::NotFound { .. })), "NOCASE folds ASCII only");
        assert!(matches!(find(&r, "999"), Err(CoreError::NotFound { .. })));
        assert!(matches!(find(&r, "  "), Err(CoreError::Invalid { field: "person", .. })));
        assert!(matches!(person(&r, 999), Err(CoreError::NotFound { .. })));
        drop(r);
        archive(store, at(10), bob.id).unwrap();
        let names = |all| people(&store.reader(), all).unwrap().into_iter().map(|p| p.name).collect::<Vec<_>>();
        assert_eq!(names(false), ["Ann", "zoë"]);
        assert_eq!(names(true), ["Ann", "bob", "zoë"]);
    }

    fn me_and_archiving<S: Store>(store: &mut S) {
        let me = add(store, at(9), &input("Me")).unwrap();
        let other = add(store, at(9), &input("Other")).unwrap();
        assert!(self_person(&store.reader()).unwrap().is_none());
        assert!(matches!(set_self(store, 999), Err(CoreError::NotFound { .. })));
        set_self(store, me.id).unwrap();
        assert_eq!(self_person(&store.reader()).unwrap().map(|p| p.id), Some(me.id));
        let flags: Vec<bool> = people(&store.reader(), false).unwrap().iter().map(|p| p.is_self).collect();
        assert_eq!(flags, [true, false]);
        assert!(matches!(archive(store, at(10), me.id), Err(CoreError::Conflict(_))));
        assert!(matches!(restore(store, at(10), other.id), Err(CoreError::Conflict(_))));
        assert!(archive(store, at(10), other.id).unwrap().archived);
        assert!(matches!(archive(store, at(11), other.id), Err(CoreError::Conflict(_))));
        assert!(!restore(store, at(12), other.id).unwrap().archived);
        assert!(matches!(archive(store, at(10), 999), Err(CoreError::NotFound { .. })));
    }

    /// A unit of work that fails leaves nothing of what it wrote.
    fn failed_work_leaves_nothing<S: Store>(store: &mut S) {
        let failed: Result<()> = store.act(|repos| {
            let id = repos.insert_person(&NewPersonRecord {
                name: "Ghost".into(),
                role: String::new(),
                layer_id: None,
                unit_id: None,
                tz: "UTC".into(),
                working_days: WorkingDays::default(),
                day_start: 0,
                created_at: 0,
                uid: None,
            })?;
            repos.put_device_setting(SELF_KEY, &id.to_string())?;
            assert!(repos.person(id)?.is_some(), "the work sees its own write");
            Err(CoreError::Conflict(Msg::new("person.exists")))
        });
        assert!(failed.is_err());
        assert!(people(&store.reader(), true).unwrap().is_empty());
        assert!(self_person(&store.reader()).unwrap().is_none());
        assert_eq!(store.reader().device_setting(SELF_KEY).unwrap(), None);
    }

    #[test]
    fn adds_and_refuses_on_both_stores() {
        adds_and_refuses(&mut memory());
        adds_and_refuses(&mut sqlite().1);
    }

    #[test]
    fn finds_and_lists_on_both_stores() {
        finds_and_lists(&mut memory());
        finds_and_lists(&mut sqlite().1);
    }

    #[test]
    fn me_and_archiving_on_both_stores() {
        me_and_archiving(&mut memory());
        me_and_archiving(&mut sqlite().1);
    }

    #[test]
    fn failed_work_leaves_nothing_on_both_stores() {
        failed_work_leaves_nothing(&mut memory());
        failed_work_leaves_nothing(&mut sqlite().1);
    }

    #[test]
    fn restoring_restarts_the_rules_in_memory() {
        let mut store = memory();
        let p = add(&mut store, at(9), &input("Ann")).unwrap();
        let q = add(&mut store, at(9), &input("Bob")).unwrap();
        let (mine, theirs) = (store.add_rule(p.id, 1), store.add_rule(q.id, 1));
        archive(&mut store, at(10), p.id).unwrap();
        assert_eq!(store.rule_active_from(mine), Some(1), "archiving pauses, it does not move the start");
        restore(&mut store, at(12), p.id).unwrap();
        assert_eq!(store.rule_active_from(mine), Some(at(12).timestamp_millis()));
        assert_eq!(store.rule_active_from(theirs), Some(1));
    }
}
