//! Logging, editing, deleting (with undo) and listing leadership actions. Every write validates its whole
//! input before it writes, inside the unit of work, so bad input changes nothing; the local date is fixed
//! here, once, when the action is logged. A delete keeps the action aside so undo restores it under its id.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

use crate::domain::catalogue::Table;
use crate::domain::people::PersonClock;
use crate::domain::when::{resolve_edit, resolve_when, When};
use crate::error::{CoreError, Result};
use crate::i18n::Msg;
use crate::model::{Action, ActionQuery, DayCount, NewAction};
use crate::service::{catalogue, people};
use crate::store::{ActionFilter, ActionRecord, ActionRow, ActionsRepo, PeopleRepo, Repos, Store};
use crate::time::{local_date, parse_date, parse_hhmm, Zone};

/// Longest note accepted, in characters.
pub const MAX_NOTE: usize = 4000;

/// How long a deleted action (or follow-up) can be restored.
pub const UNDO_DAYS: i64 = 30;

/// A person's clock, from the store.
pub(crate) fn person_clock(repos: &impl PeopleRepo, id: i64) -> Result<PersonClock> {
    let p = repos.person(id)?.ok_or_else(|| CoreError::not_found("person", id.to_string()))?;
    Ok(PersonClock { id, zone: Zone::parse(&p.tz)?, day_start: p.day_start, working_days: p.working_days })
}

/// Checks an action; `keep` (with its local wall time) and `current` are the stored action when it is
/// edited; `category` gives the category by id instead of `input.category` (a closed promise's).
pub(crate) fn validate(
    repos: &impl Repos,
    input: &NewAction,
    now: DateTime<Utc>,
    keep: Option<(&When, NaiveTime)>,
    current: Option<&Action>,
    category: Option<i64>,
) -> Result<ActionRecord> {
    let person_id = people::find(repos, &input.person)?.id;
    // A new action (or one moved to another person) is never for someone archived; their own stay editable.
    if current.map(|a| a.person_id) != Some(person_id) {
        people::refuse_archived(repos, person_id)?;
    }
    let person = person_clock(repos, person_id)?;
    let has = |f: &dyn Fn(&Action) -> bool| current.is_some_and(f);
    let category_id = match category {
        Some(id) => id,
        None => catalogue::entry_id(repos, Table::Category, &input.category, has(&|a| a.category == input.category.trim()))?,
    };
    let note = input.note.as_deref().unwrap_or("").trim().to_string();
    let length = note.chars().count();
    if length > MAX_NOTE {
        return Err(CoreError::invalid("note", Msg::new("action.note.too_long").arg("length", length).arg("max", MAX_NOTE)));
    }
    let channel_id = match input.channel.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        Some(key) => Some(catalogue::entry_id(repos, Table::Channel, key, has(&|a| a.channel.as_deref() == Some(key)))?),
        None => None,
    };
    let (mut layers, mut units) = (Vec::new(), Vec::new());
    for key in input.audiences.iter().map(|k| k.trim()).filter(|k| !k.is_empty()) {
        // `layer:KEY` and `unit:KEY` say which kind is meant (a layer and a unit may share a name, Staff or
        // Board); a bare key is the layer's, else the unit's.
        let kinded = key.strip_prefix("layer:").map(|k| (Table::Layer, k)).or_else(|| key.strip_prefix("unit:").map(|k| (Table::Unit, k)));
        if let Some((kind, bare)) = kinded {
            let already = has(&|a| a.audiences.iter().any(|k| k == key));
            let id = catalogue::entry_id(repos, kind, bare, already).map_err(|e| match e {
                CoreError::NotFound { .. } => CoreError::not_found("audience", key),
                e => e,
            })?;
            if kind == Table::Layer { layers.push(id) } else { units.push(id) }
            continue;
        }
        let had = |kind: &str| has(&|a| a.audiences.iter().any(|k| k.strip_prefix(kind) == Some(key)));
        match catalogue::entry_id(repos, Table::Layer, key, had("layer:")) {
            Ok(id) => layers.push(id),
            Err(CoreError::NotFound { .. }) => match catalogue::entry_id(repos, Table::Unit, key, had("unit:")) {
                Ok(id) => units.push(id),
                Err(CoreError::NotFound { .. }) => return Err(CoreError::not_found("audience", key)),
                Err(e) => return Err(e),
            },
            Err(e) => return Err(e),
        }
    }
    let mut values = Vec::new();
    for key in input.values.iter().map(|k| k.trim()).filter(|k| !k.is_empty()) {
        values.push(catalogue::entry_id(repos, Table::Value, key, has(&|a| a.values.iter().any(|k| k == key)))?);
    }
    for ids in [&mut layers, &mut units, &mut values] {
        ids.sort_unstable();
        ids.dedup();
    }
    if let Some(by) = input.logged_by {
        if by != person_id && repos.person(by)?.is_none() {
            return Err(CoreError::not_found("loggedBy", by.to_string()));
        }
    }
    let when = match keep {
        Some((stored, wall)) => resolve_edit(input, stored, wall, &person, now)?,
        None => match resolve_when(input, &person, now)? {
            Some(w) => w,
            None => When { instant: now, date: local_date(now, &person.zone, person.day_start), zone: person.zone },
        },
    };
    let stamp = now.timestamp_millis();
    Ok(ActionRecord {
        person_id,
        category_id,
        occurred_at: when.instant.timestamp_millis(),
        local_date: when.date.to_string(),
        tz: when.zone.name(),
        note,
        channel_id,
        logged_by: input.logged_by,
        created_at: stamp,
        updated_at: stamp,
        uid: None,
        layers,
        units,
        values,
    })
}

/// Checks a new action of the category that plays `role` (the follow-up category, when a promise is
/// closed): the category is found by its role, not its key, and may be archived (closing a promise still
/// works).
pub(crate) fn validate_for_role(repos: &impl Repos, input: &NewAction, now: DateTime<Utc>, role: &str) -> Result<ActionRecord> {
    let category = repos
        .category_with_role(role)?
        .ok_or_else(|| CoreError::Conflict(Msg::new("category.role.missing").arg("role", role)))?;
    validate(repos, input, now, None, None, Some(category))
}

/// Validates and stores a new action; returns it as stored.
pub fn log<S: Store>(store: &mut S, now: DateTime<Utc>, input: &NewAction) -> Result<Action> {
    store.act(|repos| {
        let a = validate(repos, input, now, None, None, None)?;
        let id = repos.insert_action(&a)?;
        action(repos, id)
    })
}

/// Replaces an action's fields. Its instant, local date and zone stay as stored unless the input changes its
/// date, time, zone or instant (naming them as stored is no change); an empty `person` keeps the person.
pub fn update<S: Store>(store: &mut S, now: DateTime<Utc>, id: i64, input: &NewAction) -> Result<Action> {
    store.act(|repos| {
        let current = action(repos, id)?;
        let stored = repos.action_record(id)?.ok_or_else(|| CoreError::not_found("action", id.to_string()))?;
        let keep = When {
            // From the record, not from `occurred_at` (whole seconds): an edit keeps the instant to the millisecond.
            instant: DateTime::<Utc>::from_timestamp_millis(stored.occurred_at).unwrap_or(now),
            date: parse_date("date", &current.local_date)?,
            zone: Zone::parse(&current.tz)?,
        };
        let wall = parse_hhmm("time", &current.local_time)?;
        let mut input = input.clone();
        if input.person.trim().is_empty() {
            input.person = current.person_id.to_string();
        }
        if input.logged_by.is_none() {
            input.logged_by = current.logged_by;
        }
        let a = validate(repos, &input, now, Some((&keep, wall)), Some(&current), None)?;
        repos.replace_action(id, &ActionRecord { created_at: stored.created_at, uid: stored.uid, ..a })?;
        action(repos, id)
    })
}

/// Deletes an action, keeping it aside so that [`restore`] can bring it back (undo); forgets what was
/// deleted longer than [`UNDO_DAYS`] ago. Returns what was deleted.
pub fn delete<S: Store>(store: &mut S, now: DateTime<Utc>, id: i64) -> Result<Action> {
    store.act(|repos| {
        let shown = action(repos, id)?;
        let record = repos.action_record(id)?.ok_or_else(|| CoreError::not_found("action", id.to_string()))?;
        let payload = serde_json::to_string(&record).map_err(trash_json)?;
        repos.put_trash(id, record.person_id, &payload, now.timestamp_millis())?;
        repos.remove_action(id)?;
        purge_in(repos, now)?;
        Ok(shown)
    })
}

/// Undoes a delete: the action comes back under its own id.
pub fn restore<S: Store>(store: &mut S, id: i64) -> Result<Action> {
    store.act(|repos| {
        let payload = repos.trash(id)?.ok_or_else(|| CoreError::not_found("deleted action", id.to_string()))?;
        let record: ActionRecord = serde_json::from_str(&payload).map_err(trash_json)?;
        repos.reinsert_action(id, &record)?;
        repos.drop_trash(id)?;
        action(repos, id)
    })
}

/// Forgets deleted actions and follow-ups older than [`UNDO_DAYS`]: a delete can be undone for a month, and
/// then it is gone for good (also from the file). How many were forgotten.
pub fn purge<S: Store>(store: &mut S, now: DateTime<Utc>) -> Result<usize> {
    store.act(|repos| purge_in(repos, now))
}

fn purge_in(repos: &mut impl ActionsRepo, now: DateTime<Utc>) -> Result<usize> {
    repos.purge_deleted_before((now - Duration::days(UNDO_DAYS)).timestamp_millis())
}

fn trash_json(e: serde_json::Error) -> CoreError {
    CoreError::Conflict(Msg::new("action.trash.unreadable").arg("error", e))
}

fn millis_to_rfc3339(ms: i64) -> String {
    DateTime::<Utc>::from_timestamp_millis(ms).unwrap_or_default().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// An action as the window and `--json` show it: its instant with the offset of the zone it was logged in,
/// its wall time there, audiences by kind.
pub(crate) fn shown(r: ActionRow) -> Action {
    let instant = DateTime::<Utc>::from_timestamp_millis(r.occurred_at).unwrap_or_default();
    let zone = Zone::parse(&r.tz).unwrap_or(Zone::Iana(chrono_tz::UTC));
    let mut audiences: Vec<String> = r.layers.into_iter().map(|k| format!("layer:{k}")).collect();
    audiences.extend(r.units.into_iter().map(|k| format!("unit:{k}")));
    Action {
        id: r.id,
        uid: r.uid,
        person_id: r.person_id,
        person_name: r.person_name,
        category: r.category,
        occurred_at: zone.at(instant).to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        local_date: r.local_date,
        tz: r.tz,
        local_time: zone.local(instant).format("%H:%M").to_string(),
        note: r.note,
        channel: r.channel,
        audiences,
        values: r.values,
        logged_by: r.logged_by,
        created_at: millis_to_rfc3339(r.created_at),
        updated_at: millis_to_rfc3339(r.updated_at),
    }
}

/// One (not deleted) action.
pub fn action(repos: &impl ActionsRepo, id: i64) -> Result<Action> {
    repos.action_row(id)?.map(shown).ok_or_else(|| CoreError::not_found("action", id.to_string()))
}

/// The filter a query stands for: a person by id or name, dates checked and in order.
fn filter(repos: &impl Repos, query: &ActionQuery) -> Result<ActionFilter> {
    let person_id = match query.person.as_deref().filter(|p| !p.trim().is_empty()) {
        Some(person) => Some(people::find(repos, person)?.id),
        None => None,
    };
    let from = query.from.as_deref().filter(|d| !d.trim().is_empty()).map(|d| parse_date("from", d)).transpose()?;
    let to = query.to.as_deref().filter(|d| !d.trim().is_empty()).map(|d| parse_date("to", d)).transpose()?;
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            return Err(CoreError::invalid("to", Msg::new("date.before").arg("to", t).arg("from", f)));
        }
    }
    Ok(ActionFilter { person_id, from: from.map(|d| d.to_string()), to: to.map(|d| d.to_string()) })
}

/// Actions matching `query`, oldest first.
pub fn list(repos: &impl Repos, query: &ActionQuery) -> Result<Vec<Action>> {
    Ok(repos.action_rows(&filter(repos, query)?)?.into_iter().map(shown).collect())
}

/// Number of actions per local date matching `query` (dates without actions are left out).
pub fn day_counts(repos: &impl Repos, query: &ActionQuery) -> Result<Vec<DayCount>> {
    Ok(repos.day_counts(&filter(repos, query)?)?.into_iter().map(|(date, count)| DayCount { date, count }).collect())
}

/// "Today" for a person: the local date now in their zone, after their day start.
pub fn today(repos: &impl Repos, now: DateTime<Utc>, person: &str) -> Result<NaiveDate> {
    let clock = person_clock(repos, people::find(repos, person)?.id)?;
    Ok(local_date(now, &clock.zone, clock.day_start))
}

/// Today for every person, the archived too (their zone and day start), by id.
pub fn todays(repos: &impl PeopleRepo, now: DateTime<Utc>) -> Result<Vec<(i64, NaiveDate)>> {
    let mut everyone = repos.people(true)?;
    everyone.sort_by_key(|p| p.id);
    everyone.into_iter().map(|p| Ok((p.id, local_date(now, &Zone::parse(&p.tz)?, p.day_start)))).collect()
}

#[cfg(test)]
mod tests {
    //! Every scenario runs on the in-memory store and on a real SQLite file; the expected dates and times are
    //! worked out by hand (Amsterdam is UTC+1 in early March).
    use super::*;
    use crate::domain::catalogue::CatalogPatch;
    use crate::model::NewPerson;
    use crate::service::catalogue;
    use crate::store::memory::MemoryStore;
    use chrono::TimeZone;

    fn utc(day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, day, hour, minute, 0).unwrap()
    }

    /// Ann (Amsterdam), Bob (archived later in some tests), the unit `staff` beside the layer `staff`, a value.
    fn setup<S: Store>(store: &mut S) -> (i64, i64) {
        catalogue::seed(store).unwrap();
        catalogue::add_unit(store, "Staff").unwrap();
        catalogue::add_unit(store, "Sales").unwrap();
        catalogue::add_value(store, "Honesty", "value").unwrap();
        let person = |name: &str| NewPerson { name: name.into(), tz: Some("Europe/Amsterdam".into()), ..NewPerson::default() };
        let ann = people::add(store, utc(1, 9, 0), &person("Ann")).unwrap().id;
        let bob = people::add(store, utc(1, 9, 0), &person("Bob")).unwrap().id;
        (ann, bob)
    }

    fn memory() -> MemoryStore {
        MemoryStore::new()
    }

    fn sqlite() -> (tempfile::TempDir, crate::Db) {
        let dir = tempfile::tempdir().unwrap();
        let db = crate::Db::open_dir(dir.path()).unwrap();
        (dir, db)
    }

    fn new(person: &str, category: &str) -> NewAction {
        NewAction { person: person.into(), category: category.into(), ..NewAction::default() }
    }

    fn logging<S: Store>(store: &mut S) {
        let (ann, bob) = setup(store);
        let now = utc(2, 23, 30);
        let input = NewAction {
            note: Some("  Town hall on the plan  ".into()),
            channel: Some("town-hall".into()),
            audiences: vec!["staff".into(), "unit:staff".into(), "sales".into(), "staff".into()],
            values: vec!["honesty".into(), " honesty ".into()],
            ..new("ann", "open-communication")
        };
        let a = log(store, now, &input).unwrap();
        assert_eq!((a.person_id, a.person_name.as_str(), a.category.as_str()), (ann, "Ann", "open-communication"));
        assert_eq!((a.local_date.as_str(), a.local_time.as_str(), a.occurred_at.as_str()), ("2026-03-03", "00:30", "2026-03-03T00:30:00+01:00"));
        assert_eq!((a.tz.as_str(), a.note.as_str(), a.channel.as_deref()), ("Europe/Amsterdam", "Town hall on the plan", Some("town-hall")));
        let mut audiences = a.audiences.clone();
        audiences.sort();
        assert_eq!(audiences, ["layer:staff", "unit:sales", "unit:staff"], "a bare key is the layer's, else the unit's");
        assert_eq!((a.values, a.created_at.as_str()), (vec!["honesty".to_string()], "2026-03-02T23:30:00Z"));
        assert_eq!(a.uid.len(), 32);

        let dated = log(store, now, &NewAction { date: Some("2026-03-01".into()), time: Some("08:15".into()), ..new("Ann", "follow-up") }).unwrap();
        assert_eq!((dated.local_date.as_str(), dated.occurred_at.as_str()), ("2026-03-01", "2026-03-01T08:15:00+01:00"));
        let at = log(store, now, &NewAction { at: Some("2026-03-02T10:00:00-05:00".into()), ..new("Ann", "follow-up") }).unwrap();
        assert_eq!((at.local_date.as_str(), at.tz.as_str()), ("2026-03-02", "-05:00"), "the offset written fixes the date");

        let refused = |store: &mut S, input: NewAction| log(store, now, &input).unwrap_err();
        let field = |e: CoreError| match e {
            CoreError::Invalid { field, .. } => field.to_string(),
            CoreError::NotFound { entity, .. } => format!("no {entity}"),
            other => format!("{other:?}"),
        };
        assert_eq!(field(refused(store, new("Zed", "follow-up"))), "no person");
        assert_eq!(field(refused(store, new("Ann", "nope"))), "no category");
        assert_eq!(field(refused(store, new("Ann", " "))), "category");
        assert_eq!(field(refused(store, NewAction { audiences: vec!["nobody".into()], ..new("Ann", "follow-up") })), "no audience");
        assert_eq!(field(refused(store, NewAction { audiences: vec!["unit:board".into()], ..new("Ann", "follow-up") })), "no audience");
        assert_eq!(field(refused(store, NewAction { channel: Some("pigeon".into()), ..new("Ann", "follow-up") })), "no channel");
        assert_eq!(field(refused(store, NewAction { values: vec!["greed".into()], ..new("Ann", "follow-up") })), "no value");
        assert_eq!(field(refused(store, NewAction { note: Some("n".repeat(MAX_NOTE + 1)), ..new("Ann", "follow-up") })), "note");
        assert_eq!(log(store, now, &NewAction { note: Some("n".repeat(MAX_NOTE)), ..new("Ann", "follow-up") }).unwrap().note.len(), MAX_NOTE);
        assert_eq!(field(refused(store, NewAction { at: Some("2026-03-04T00:31:00+01:00".into()), ..new("Ann", "follow-up") })), "at", "more than a day ahead");
        assert!(log(store, now, &NewAction { at: Some("2026-03-03T23:29:00Z".into()), ..new("Ann", "follow-up") }).is_ok(), "within a day ahead");
        assert_eq!(field(refused(store, NewAction { at: Some("2026-03-01T10:00:00Z".into()), date: Some("2026-03-01".into()), ..new("Ann", "follow-up") })), "at");
        assert_eq!(field(refused(store, NewAction { time: Some("10:00".into()), ..new("Ann", "follow-up") })), "date");
        assert_eq!(field(refused(store, NewAction { logged_by: Some(999), ..new("Ann", "follow-up") })), "no loggedBy");
        assert_eq!(log(store, now, &NewAction { logged_by: Some(bob), ..new("Ann", "follow-up") }).unwrap().logged_by, Some(bob));

        people::archive(store, now, bob).unwrap();
        assert_eq!(field(refused(store, new("Bob", "follow-up"))), "person", "nothing new for someone archived");
        let all = list(&store.reader(), &ActionQuery::default()).unwrap();
        assert_eq!(all.len(), 6, "nothing refused was written");
    }

    fn editing<S: Store>(store: &mut S) {
        let (ann, bob) = setup(store);
        let logged = log(store, utc(2, 10, 0) + Duration::milliseconds(123), &NewAction { channel: Some("blog".into()), ..new("Ann", "follow-up") }).unwrap();
        let stored = |store: &S| store.reader().action_record(logged.id).unwrap().unwrap();
        // The form sends back what it loaded: no change of instant, to the millisecond.
        let same = NewAction {
            date: Some(logged.local_date.clone()),
            time: Some(logged.local_time.clone()),
            tz: Some(logged.tz.clone()),
            note: Some("With notes".into()),
            channel: Some("blog".into()),
            ..new("", "follow-up")
        };
        let edited = update(store, utc(3, 8, 0), logged.id, &same).unwrap();
        assert_eq!((edited.note.as_str(), edited.person_id, edited.uid.as_str()), ("With notes", ann, logged.uid.as_str()));
        assert_eq!((stored(store).occurred_at, stored(store).created_at), (utc(2, 10, 0).timestamp_millis() + 123, utc(2, 10, 0).timestamp_millis() + 123));
        assert_eq!(edited.updated_at, "2026-03-03T08:00:00Z");
        // An archived channel the action already has stays; a new one may not be archived.
        catalogue::update_entry(store, "channels", "blog", &CatalogPatch { archived: Some(true), ..CatalogPatch::default() }).unwrap();
        assert!(update(store, utc(3, 9, 0), logged.id, &same).is_ok());
        assert!(matches!(log(store, utc(3, 9, 0), &NewAction { channel: Some("blog".into()), ..new("Ann", "follow-up") }), Err(CoreError::NotFound { .. })));
        let moved = update(store, utc(3, 9, 0), logged.id, &NewAction { time: Some("07:00".into()), ..same.clone() }).unwrap();
        assert_eq!((moved.local_date.as_str(), moved.local_time.as_str()), ("2026-03-02", "07:00"));
        let other = update(store, utc(3, 9, 0), logged.id, &NewAction { person: "Bob".into(), ..same.clone() }).unwrap();
        assert_eq!(other.person_id, bob);
        assert!(matches!(update(store, utc(3, 9, 0), 999, &same), Err(CoreError::NotFound { .. })));
    }

    fn deleting_and_undo<S: Store>(store: &mut S) {
        setup(store);
        let now = utc(2, 10, 0);
        let input = NewAction { audiences: vec!["unit:sales".into()], values: vec!["honesty".into()], ..new("Ann", "follow-up") };
        let a = log(store, now, &input).unwrap();
        let b = log(store, now, &new("Ann", "follow-up")).unwrap();
        assert_eq!(delete(store, now, a.id).unwrap(), a);
        assert!(matches!(action(&store.reader(), a.id), Err(CoreError::NotFound { .. })));
        assert_eq!(list(&store.reader(), &ActionQuery::default()).unwrap(), [b.clone()]);
        assert_eq!(restore(store, a.id).unwrap(), a, "back under its id, uid and links");
        assert!(matches!(restore(store, a.id), Err(CoreError::NotFound { .. })));
        let c = log(store, now, &new("Ann", "follow-up")).unwrap();
        assert!(c.id > b.id && c.id != a.id);
        // A delete can be undone for UNDO_DAYS days.
        delete(store, now, a.id).unwrap();
        delete(store, now + Duration::days(UNDO_DAYS), b.id).unwrap();
        assert!(store.reader().trash(a.id).unwrap().is_some(), "exactly UNDO_DAYS days: still there");
        assert_eq!(purge(store, now + Duration::days(UNDO_DAYS) + Duration::milliseconds(1)).unwrap(), 1);
        assert!(store.reader().trash(a.id).unwrap().is_none() && store.reader().trash(b.id).unwrap().is_some());
        let d = log(store, now, &new("Ann", "follow-up")).unwrap();
        assert!(d.id > c.id, "ids are never reused");
    }

    fn listing<S: Store>(store: &mut S) {
        setup(store);
        let now = utc(5, 12, 0);
        let on = |date: &str, time: &str, who: &str| NewAction { date: Some(date.into()), time: Some(time.into()), ..new(who, "follow-up") };
        for (date, time, who) in [("2026-03-03", "09:00", "Ann"), ("2026-03-01", "18:00", "Ann"), ("2026-03-03", "08:00", "Bob"), ("2026-03-04", "10:00", "Ann")] {
            log(store, now, &on(date, time, who)).unwrap();
        }
        let q = |person: Option<&str>, from: Option<&str>, to: Option<&str>| ActionQuery { person: person.map(Into::into), from: from.map(Into::into), to: to.map(Into::into) };
        let shown = |store: &S, q: ActionQuery| list(&store.reader(), &q).unwrap().into_iter().map(|a| format!("{} {} {}", a.local_date, a.local_time, a.person_name)).collect::<Vec<_>>();
        assert_eq!(shown(store, q(None, None, None)), ["2026-03-01 18:00 Ann", "2026-03-03 08:00 Bob", "2026-03-03 09:00 Ann", "2026-03-04 10:00 Ann"]);
        assert_eq!(shown(store, q(Some("ann"), Some("2026-03-02"), Some("2026-03-03"))), ["2026-03-03 09:00 Ann"]);
        assert_eq!(shown(store, q(None, Some("2026-03-03"), Some("2026-03-03"))).len(), 2, "inclusive");
        let counts: Vec<(String, i64)> = day_counts(&store.reader(), &q(None, None, None)).unwrap().into_iter().map(|c| (c.date, c.count)).collect();
        assert_eq!(counts, [("2026-03-01".to_string(), 1), ("2026-03-03".into(), 2), ("2026-03-04".into(), 1)]);
        assert!(matches!(list(&store.reader(), &q(None, Some("2026-03-04"), Some("2026-03-03"))), Err(CoreError::Invalid { field: "to", .. })));
        assert!(matches!(list(&store.reader(), &q(Some("Zed"), None, None)), Err(CoreError::NotFound { .. })));
        // 23:30 UTC is 00:30 the next day in Amsterdam.
        assert_eq!(today(&store.reader(), utc(5, 23, 30), "Ann").unwrap(), "2026-03-06".parse::<NaiveDate>().unwrap());
    }

    #[test]
    fn logging_on_both_stores() {
        logging(&mut memory());
        logging(&mut sqlite().1);
    }

    #[test]
    fn editing_on_both_stores() {
        editing(&mut memory());
        editing(&mut sqlite().1);
    }

    #[test]
    fn deleting_and_undo_on_both_stores() {
        deleting_and_undo(&mut memory());
        deleting_and_undo(&mut sqlite().1);
    }

    #[test]
    fn listing_on_both_stores() {
        listing(&mut memory());
        listing(&mut sqlite().1);
    }
}

#[cfg(test)]
mod trash_tests {
    use crate::model::NewPerson;

    /// A delete kept by an earlier Cadence (its payload as that version wrote it, without a uid) is restored
    /// whole: the undo store on disk outlives the code that wrote it.
    #[test]
    fn a_delete_kept_by_an_earlier_cadence_is_restored() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = crate::Db::open_dir(dir.path()).unwrap();
        let ann = db.add_person(&NewPerson { name: "Ann".into(), tz: Some("UTC".into()), ..NewPerson::default() }).unwrap().id;
        let category: i64 = db.conn.query_row("SELECT id FROM categories WHERE key = 'follow-up'", [], |r| r.get(0)).unwrap();
        let layer: i64 = db.conn.query_row("SELECT id FROM layers WHERE key = 'board'", [], |r| r.get(0)).unwrap();
        let payload = format!(
            r#"{{"person_id":{ann},"category_id":{category},"occurred_at":1764064800000,"local_date":"2025-11-25","tz":"UTC","note":"kept","channel_id":null,"logged_by":null,"created_at":1764064800000,"updated_at":1764064900000,"layers":[{layer}],"units":[],"values":[]}}"#
        );
        db.conn
            .execute("INSERT INTO deleted_actions (id, person_id, payload, deleted_at) VALUES (41, ?1, ?2, 1764064900000)", rusqlite::params![ann, payload])
            .unwrap();
        let back = db.restore_action(41).unwrap();
        assert_eq!((back.id, back.note.as_str(), back.local_date.as_str(), back.category.as_str()), (41, "kept", "2025-11-25", "follow-up"));
        assert_eq!((back.audiences.clone(), back.created_at.as_str(), back.updated_at.as_str()), (vec!["layer:board".to_string()], "2025-11-25T10:00:00Z", "2025-11-25T10:01:40Z"));
        assert_eq!(back.uid.len(), 32, "a uid made on the way back");
    }
}
