//! When an action happened: the instant, the local date it counts for and the zone it was in, worked out
//! from `--at` with its offset, a date and time, a travel zone, or now; and what an edit changes of it. Pure
//! rules over a person's clock.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

use crate::domain::people::PersonClock;
use crate::error::{CoreError, Result};
use crate::i18n::Msg;
use crate::model::NewAction;
use crate::time::{local_date, parse_date, parse_hhmm, parse_instant, Zone};

/// How far into the future an action may be logged (clock skew, a different zone).
pub const FUTURE_SLACK_HOURS: i64 = 24;

/// When an action happened: the instant, the local date it counts for and the zone it was in.
#[derive(Debug, Clone, Copy)]
pub struct When {
    pub instant: DateTime<Utc>,
    pub date: NaiveDate,
    pub zone: Zone,
}

/// Works out when an action happened from the input's `at`, `date`, `time` and `tz`, or `None` when the
/// input names no time at all.
pub fn resolve_when(input: &NewAction, person: &PersonClock, now: DateTime<Utc>) -> Result<Option<When>> {
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
pub fn resolve_edit(
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

