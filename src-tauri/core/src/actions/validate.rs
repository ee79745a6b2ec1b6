//! Validating an action before anything is written: who, which category, channel, audiences and values,
//! the note's length, and when it happened — the instant, the local date it counts for and the zone it was
//! in, from `--at` with its offset, a date and time, a travel zone, or now.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use rusqlite::{Connection, OptionalExtension};

use crate::catalog::{id_for_key_keeping as key_id, Table};
use crate::error::{CoreError, Result};
use crate::i18n::Msg;
use crate::model::{Action, NewAction};
use crate::people::{person_clock, resolve_person, PersonClock};
use crate::time::{local_date, parse_date, parse_hhmm, parse_instant, Zone};

/// Longest note accepted, in characters.
pub const MAX_NOTE: usize = 4000;

/// How far into the future an action may be logged (clock skew, a different zone).
const FUTURE_SLACK_HOURS: i64 = 24;

/// A fully validated action, ready to store.
pub(crate) struct ValidAction {
    pub(crate) person_id: i64,
    pub(crate) category_id: i64,
    pub(crate) occurred_at: DateTime<Utc>,
    pub(crate) local_date: NaiveDate,
    pub(crate) zone: Zone,
    pub(crate) note: String,
    pub(crate) channel_id: Option<i64>,
    pub(crate) layer_ids: Vec<i64>,
    pub(crate) unit_ids: Vec<i64>,
    pub(crate) value_ids: Vec<i64>,
    pub(crate) logged_by: Option<i64>,
}

/// When an action happened: the instant, the local date it counts for and the zone it was in.
#[derive(Debug, Clone, Copy)]
pub(crate) struct When {
    pub instant: DateTime<Utc>,
    pub date: NaiveDate,
    pub zone: Zone,
}

/// Works out when an action happened from the input's `at`, `date`, `time` and `tz`, or `None` when the
/// input names no time at all.
pub(crate) fn resolve_when(input: &NewAction, person: &PersonClock, now: DateTime<Utc>) -> Result<Option<When>> {
    let at = input.at.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let date = input.date.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let time = input.time.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let explicit_zone = match input.tz.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(text) => Some(Zone::parse(text)?),
        None => None,
    };
    let zone = explicit_zone.unwrap_or(person.zone);
    let when = match (at, date) {
        (Some(_), Some(_)) => return Err(CoreError::invalid("at", Msg::new("action.at_and_date"))),
        (Some(at), None) => {
            let given = parse_instant("at", at)?;
            let instant = given.with_timezone(&Utc);
            // The offset the user wrote fixes the local date: keep the person's zone only when it agrees.
            let zone = match explicit_zone {
                Some(z) => z,
                None if person.zone.offset_at(instant) == *given.offset() => person.zone,
                None => Zone::Fixed(*given.offset()),
            };
            When { instant, date: local_date(instant, &zone, person.day_start), zone }
        }
        (None, Some(date)) => {
            let date = parse_date("date", date)?;
            let wall = match time {
                Some(t) => parse_hhmm("time", t)?,
                None => NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN),
            };
            // A wall time before the day start belongs to the next calendar date's small hours.
            let start = NaiveTime::MIN + Duration::minutes(i64::from(person.day_start));
            let calendar = if wall < start { date + Duration::days(1) } else { date };
            When { instant: zone.resolve(calendar, wall), date, zone }
        }
        (None, None) if time.is_some() => return Err(CoreError::invalid("date", Msg::new("action.time_needs_date"))),
        (None, None) if explicit_zone.is_some() => {
            When { instant: now, date: local_date(now, &zone, person.day_start), zone }
        }
        (None, None) => return Ok(None),
    };
    if when.instant > now + Duration::hours(FUTURE_SLACK_HOURS) {
        let field = if at.is_some() { "at" } else { "date" };
        return Err(CoreError::invalid(field, Msg::new("action.future")));
    }
    Ok(Some(when))
}

/// When an edited action happened. What the input leaves out, or names exactly as stored (an edit form sends
/// the loaded date, wall time and zone back), is no change: then the stored instant, date and zone stay as they
/// were, to the second. An explicit change of date, time or zone moves the action, the parts not changed taken
/// from the stored wall clock in the stored zone (a new zone alone reads the same wall time in that zone).
/// `stored_wall` is the stored local time `HH:MM`.
pub(crate) fn resolve_edit(
    input: &NewAction,
    stored: &When,
    stored_wall: NaiveTime,
    person: &PersonClock,
    now: DateTime<Utc>,
) -> Result<When> {
    let given = |t: &Option<String>| t.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_string);
    let (at, date, time, tz) = (given(&input.at), given(&input.date), given(&input.time), given(&input.tz));
    let zone = tz.as_deref().map(Zone::parse).transpose()?;
    let new_zone = zone.filter(|z| z.name() != stored.zone.name());
    if let Some(at) = at.as_deref() {
        if date.is_some() {
            return Err(CoreError::invalid("at", Msg::new("action.at_and_date")));
        }
        let instant = parse_instant("at", at)?;
        let offset_as_stored = *instant.offset() == stored.zone.offset_at(instant.with_timezone(&Utc));
        if instant.with_timezone(&Utc) == stored.instant && offset_as_stored && new_zone.is_none() {
            return Ok(*stored);
        }
        // An offset that agrees with the stored zone keeps that zone's name, as the person's zone does when logging.
        let keep_zone = new_zone.or_else(|| offset_as_stored.then_some(stored.zone));
        let input = NewAction { tz: keep_zone.map(|z| z.name()), ..input.clone() };
        return Ok(resolve_when(&input, person, now)?.unwrap_or(*stored));
    }
    let date = date.as_deref().map(|d| parse_date("date", d)).transpose()?;
    let time = time.as_deref().map(|t| parse_hhmm("time", t)).transpose()?;
    let moved_date = date.filter(|d| *d != stored.date);
    let moved_time = time.filter(|t| *t != stored_wall);
    if moved_date.is_none() && moved_time.is_none() && new_zone.is_none() {
        return Ok(*stored);
    }
    let filled = NewAction {
        date: Some(date.unwrap_or(stored.date).to_string()),
        time: Some(time.unwrap_or(stored_wall).format("%H:%M").to_string()),
        tz: Some(new_zone.unwrap_or(stored.zone).name()),
        ..input.clone()
    };
    Ok(resolve_when(&filled, person, now)?.unwrap_or(*stored))
}

/// Checks an action; `keep` (with its local wall time) and `current` are the stored action when it is edited.
pub(crate) fn validate(
    conn: &Connection,
    input: &NewAction,
    now: DateTime<Utc>,
    keep: Option<(&When, NaiveTime)>,
    current: Option<&Action>,
) -> Result<ValidAction> {
    validate_with(conn, input, now, keep, current, None)
}

/// [`validate`], with the category given by id (`category`) instead of `input.category` when set.
fn validate_with(
    conn: &Connection,
    input: &NewAction,
    now: DateTime<Utc>,
    keep: Option<(&When, NaiveTime)>,
    current: Option<&Action>,
    category: Option<i64>,
) -> Result<ValidAction> {
    let person_id = resolve_person(conn, &input.person)?;
    // A new action (or one moved to another person) is never for someone archived; their own stay editable.
    if current.map(|a| a.person_id) != Some(person_id) {
        crate::people::refuse_archived(conn, person_id)?;
    }
    let person = person_clock(conn, person_id)?;
    let has = |f: &dyn Fn(&Action) -> bool| current.is_some_and(f);
    let category_id = match category {
        Some(id) => id,
        None => key_id(conn, Table::Category, &input.category, has(&|a| a.category == input.category.trim()))?,
    };
    let note = input.note.as_deref().unwrap_or("").trim().to_string();
    let length = note.chars().count();
    if length > MAX_NOTE {
        return Err(CoreError::invalid("note", Msg::new("action.note.too_long").arg("length", length).arg("max", MAX_NOTE)));
    }
    let channel_id = match input.channel.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        Some(key) => Some(key_id(conn, Table::Channel, key, has(&|a| a.channel.as_deref() == Some(key)))?),
        None => None,
    };
    let (mut layer_ids, mut unit_ids) = (Vec::new(), Vec::new());
    for key in input.audiences.iter().map(|k| k.trim()).filter(|k| !k.is_empty()) {
        // `layer:KEY` and `unit:KEY` say which kind is meant (a layer and a unit may share a name, Staff or
        // Board); a bare key is the layer's, else the unit's.
        if let Some((table, bare)) = key.strip_prefix("layer:").map(|k| (Table::Layer, k)).or_else(|| key.strip_prefix("unit:").map(|k| (Table::Unit, k))) {
            let already = has(&|a| a.audiences.iter().any(|k| k == key));
            let id = key_id(conn, table, bare, already).map_err(|e| match e {
                CoreError::NotFound { .. } => CoreError::not_found("audience", key),
                e => e,
            })?;
            if matches!(table, Table::Layer) { layer_ids.push(id) } else { unit_ids.push(id) }
            continue;
        }
        let had = |kind: &str| has(&|a| a.audiences.iter().any(|k| k.strip_prefix(kind) == Some(key)));
        match key_id(conn, Table::Layer, key, had("layer:")) {
            Ok(id) => layer_ids.push(id),
            Err(CoreError::NotFound { .. }) => match key_id(conn, Table::Unit, key, had("unit:")) {
                Ok(id) => unit_ids.push(id),
                Err(CoreError::NotFound { .. }) => return Err(CoreError::not_found("audience", key)),
                Err(e) => return Err(e),
            },
            Err(e) => return Err(e),
        }
    }
    let mut value_ids = Vec::new();
    for key in input.values.iter().map(|k| k.trim()).filter(|k| !k.is_empty()) {
        value_ids.push(key_id(conn, Table::Value, key, has(&|a| a.values.iter().any(|k| k == key)))?);
    }
    for ids in [&mut layer_ids, &mut unit_ids, &mut value_ids] {
        ids.sort_unstable();
        ids.dedup();
    }
    if let Some(by) = input.logged_by {
        if by != person_id {
            conn.prepare_cached("SELECT id FROM people WHERE id = ?1")?
                .query_row([by], |r| r.get::<_, i64>(0))
                .optional()?
                .ok_or_else(|| CoreError::not_found("loggedBy", by.to_string()))?;
        }
    }
    let when = match keep {
        Some((stored, wall)) => resolve_edit(input, stored, wall, &person, now)?,
        None => match resolve_when(input, &person, now)? {
            Some(w) => w,
            None => When { instant: now, date: local_date(now, &person.zone, person.day_start), zone: person.zone },
        },
    };
    Ok(ValidAction {
        person_id,
        category_id,
        occurred_at: when.instant,
        local_date: when.date,
        zone: when.zone,
        note,
        channel_id,
        layer_ids,
        unit_ids,
        value_ids,
        logged_by: input.logged_by,
    })
}

/// Validates a new action inside a caller's transaction (the CSV importer).
pub(crate) fn validate_in(conn: &Connection, input: &NewAction, now: DateTime<Utc>) -> Result<ValidAction> {
    validate(conn, input, now, None, None)
}

/// Checks an action of the category that plays `role` (the follow-up category, when a promise is closed):
/// the category is found by its role, not its key, and may be archived (closing a promise still works).
pub(crate) fn validate_for_role(conn: &Connection, input: &NewAction, now: DateTime<Utc>, role: &str) -> Result<ValidAction> {
    let category_id: i64 = conn
        .query_row("SELECT id FROM categories WHERE role = ?1", [role], |r| r.get(0))
        .optional()?
        .ok_or_else(|| CoreError::Conflict(Msg::new("category.role.missing").arg("role", role)))?;
    validate_with(conn, input, now, None, None, Some(category_id))
}
