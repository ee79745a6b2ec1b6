//! Time as data: instants, zones, local calendar days and the injected clock.
//!
//! Cadence stores every action twice over: the UTC instant it happened and the local calendar date it
//! belongs to, computed once at logging time in the zone where it happened and shifted by the person's
//! day-start hour. Everything that needs "today" asks a [`Clock`], so tests control time. Nothing here
//! divides hours by 24: days come from the calendar of a zone.

use chrono::{DateTime, Datelike, Duration, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc, Weekday};
use chrono_tz::Tz;

use crate::error::{CoreError, Result};
use crate::i18n::Msg;

/// The source of "now". The app uses [`SystemClock`]; tests use [`FixedClock`].
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

/// The machine's wall clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that always answers the same instant (tests, `--as-of`).
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<Utc>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

/// A clock read from a file holding an RFC 3339 instant, for end-to-end tests that move time (the app uses
/// it when `CADENCE_NOW_FILE` is set). Falls back to the system clock when the file is missing or unreadable.
#[derive(Debug, Clone)]
pub struct FileClock(pub std::path::PathBuf);

impl Clock for FileClock {
    fn now(&self) -> DateTime<Utc> {
        std::fs::read_to_string(&self.0)
            .ok()
            .and_then(|t| DateTime::parse_from_rfc3339(t.trim()).ok())
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_else(Utc::now)
    }
}

/// A time zone as Cadence records it: an IANA zone, or a fixed UTC offset when an instant was given
/// with an offset that does not match the person's zone (e.g. back-logged while travelling).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Zone {
    Iana(Tz),
    Fixed(FixedOffset),
}

impl Zone {
    /// Parses an IANA name (`Europe/Amsterdam`, `UTC`) or a fixed offset (`+05:30`, `-04:00`).
    pub fn parse(text: &str) -> Result<Zone> {
        let text = text.trim();
        if text.is_empty() {
            return Err(CoreError::invalid("tz", Msg::new("tz.empty")));
        }
        if let Ok(tz) = text.parse::<Tz>() {
            return Ok(Zone::Iana(tz));
        }
        if let Some(offset) = parse_offset(text) {
            return Ok(Zone::Fixed(offset));
        }
        Err(CoreError::invalid("tz", Msg::new("tz.unknown").arg("tz", text)))
    }

    /// The name stored with an action: the IANA name, or the offset as `+HH:MM`.
    pub fn name(&self) -> String {
        match self {
            Zone::Iana(tz) => tz.name().to_string(),
            Zone::Fixed(offset) => offset.to_string(),
        }
    }

    /// The UTC offset in force at `instant`.
    pub fn offset_at(&self, instant: DateTime<Utc>) -> FixedOffset {
        match self {
            Zone::Iana(tz) => tz.offset_from_utc_datetime(&instant.naive_utc()).fix(),
            Zone::Fixed(offset) => *offset,
        }
    }

    /// The local wall-clock time of `instant` in this zone.
    pub fn local(&self, instant: DateTime<Utc>) -> NaiveDateTime {
        instant.with_timezone(&self.offset_at(instant)).naive_local()
    }

    /// `instant` with this zone's offset, for RFC 3339 output.
    pub fn at(&self, instant: DateTime<Utc>) -> DateTime<FixedOffset> {
        instant.with_timezone(&self.offset_at(instant))
    }

    /// The instant at which the wall clock in this zone shows `date` `time`.
    ///
    /// In a DST gap (the time does not exist that day) this is the first valid minute after the gap,
    /// shifted by the gap's length; in a fold (the time happens twice) it is the earlier one.
    pub fn resolve(&self, date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
        let naive = date.and_time(time);
        match self {
            Zone::Fixed(offset) => offset
                .from_local_datetime(&naive)
                .single()
                .map(|d| d.with_timezone(&Utc))
                .unwrap_or_else(|| naive.and_utc()),
            Zone::Iana(tz) => match tz.from_local_datetime(&naive) {
                LocalResult::Single(d) => d.with_timezone(&Utc),
                LocalResult::Ambiguous(earlier, _) => earlier.with_timezone(&Utc),
                LocalResult::None => {
                    // Walk forward minute by minute to the first wall time that exists; gaps are at
                    // most a few hours, so this terminates quickly.
                    let mut probe = naive;
                    for _ in 0..(24 * 60) {
                        probe += Duration::minutes(1);
                        if let Some(d) = tz.from_local_datetime(&probe).earliest() {
                            return d.with_timezone(&Utc);
                        }
                    }
                    naive.and_utc()
                }
            },
        }
    }
}

fn parse_offset(text: &str) -> Option<FixedOffset> {
    let (sign, rest) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    let (h, m) = rest.split_once(':').unwrap_or((rest, "0"));
    let h: i32 = h.parse().ok()?;
    let m: i32 = m.parse().ok()?;
    if !(0..=14).contains(&h) || !(0..60).contains(&m) {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

/// The local calendar date an instant belongs to for someone in `zone` whose day starts
/// `day_start_minutes` after midnight (a 04:00 day start puts 01:30 on the previous date).
pub fn local_date(instant: DateTime<Utc>, zone: &Zone, day_start_minutes: u32) -> NaiveDate {
    (zone.local(instant) - Duration::minutes(i64::from(day_start_minutes))).date()
}

/// Parses an ISO date `YYYY-MM-DD`, naming `field` in the error.
pub fn parse_date(field: &'static str, text: &str) -> Result<NaiveDate> {
    let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| CoreError::invalid(field, Msg::new("date.invalid").arg("text", text)))?;
    if date.year() < 1900 || date.year() > 9999 {
        return Err(CoreError::invalid(field, Msg::new("date.out_of_range").arg("date", date)));
    }
    Ok(date)
}

/// Parses an RFC 3339 timestamp with offset (`2026-03-29T09:15:00+02:00`).
pub fn parse_instant(field: &'static str, text: &str) -> Result<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(text.trim()).map_err(|_| {
        CoreError::invalid(field, Msg::new("time.not_rfc3339").arg("text", text))
    })
}

/// Parses a wall-clock time `HH:MM`.
pub fn parse_hhmm(field: &'static str, text: &str) -> Result<NaiveTime> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M")
        .map_err(|_| CoreError::invalid(field, Msg::new("time.invalid").arg("text", text)))
}

/// The machine's IANA zone (`TZ` first, then the system setting): see [`crate::os_zone`].
pub use crate::os_zone::detect_os_zone;

/// A person's working days as a set of weekdays (bit 0 = Monday).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkingDays(pub u8);

impl Default for WorkingDays {
    /// Monday to Friday.
    fn default() -> Self {
        WorkingDays(0b001_1111)
    }
}

const DAY_NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

impl WorkingDays {
    /// Parses `mon,tue,wed` (case-insensitive, any order, duplicates allowed).
    pub fn parse(text: &str) -> Result<WorkingDays> {
        let mut bits = 0u8;
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let lower = part.to_ascii_lowercase();
            let index = DAY_NAMES
                .iter()
                .position(|d| lower.starts_with(d) && d.len() <= lower.len())
                .ok_or_else(|| {
                    CoreError::invalid("workingDays", Msg::new("weekday.invalid").arg("day", part))
                })?;
            bits |= 1 << index;
        }
        if bits == 0 {
            return Err(CoreError::invalid("workingDays", Msg::new("working_days.none")));
        }
        Ok(WorkingDays(bits))
    }

    pub fn from_bits(bits: i64) -> WorkingDays {
        WorkingDays((bits & 0x7f) as u8)
    }

    pub fn contains(&self, day: Weekday) -> bool {
        self.0 & (1 << day.num_days_from_monday()) != 0
    }

    /// The days as `["mon", "tue", ...]`.
    pub fn names(&self) -> Vec<&'static str> {
        DAY_NAMES
            .iter()
            .enumerate()
            .filter(|(i, _)| self.0 & (1 << i) != 0)
            .map(|(_, d)| *d)
            .collect()
    }
}

/// Parses a day-start `HH:MM` into minutes after midnight (at most 12:00).
pub fn parse_day_start(text: &str) -> Result<u32> {
    let time = parse_hhmm("dayStart", text)?;
    let minutes = time.signed_duration_since(NaiveTime::MIN).num_minutes() as u32;
    if minutes > 12 * 60 {
        return Err(CoreError::invalid("dayStart", Msg::new("day_start.late")));
    }
    Ok(minutes)
}

/// Formats minutes after midnight as `HH:MM`.
pub fn format_minutes(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).expect("test instant").with_timezone(&Utc)
    }

    #[test]
    fn local_date_uses_zone_calendar_not_utc() {
        let ams = Zone::parse("Europe/Amsterdam").expect("zone");
        // 23:30 UTC on 28 March is 00:30 on 29 March in Amsterdam (CET, +01:00).
        assert_eq!(local_date(utc("2026-03-28T23:30:00Z"), &ams, 0).to_string(), "2026-03-29");
        let ny = Zone::parse("America/New_York").expect("zone");
        assert_eq!(local_date(utc("2026-03-29T03:30:00Z"), &ny, 0).to_string(), "2026-03-28");
    }

    #[test]
    fn day_start_moves_late_evening_to_previous_day() {
        let ams = Zone::parse("Europe/Amsterdam").expect("zone");
        // 01:30 local on 12 June (CEST) with a 04:00 day start belongs to 11 June.
        let instant = utc("2026-06-11T23:30:00Z");
        assert_eq!(local_date(instant, &ams, 0).to_string(), "2026-06-12");
        assert_eq!(local_date(instant, &ams, 240).to_string(), "2026-06-11");
    }

    #[test]
    fn resolve_handles_dst_gap_and_fold() {
        let ams = Zone::parse("Europe/Amsterdam").expect("zone");
        let day = NaiveDate::from_ymd_opt(2026, 3, 29).expect("date");
        let t = NaiveTime::from_hms_opt(2, 30, 0).expect("time");
        // 02:30 does not exist on 29 March 2026: the first valid minute is 03:00 CEST = 01:00 UTC.
        assert_eq!(ams.resolve(day, t), utc("2026-03-29T01:00:00Z"));
        let fold = NaiveDate::from_ymd_opt(2026, 10, 25).expect("date");
        // 02:30 happens twice on 25 October 2026: the earlier one is CEST, 00:30 UTC.
        assert_eq!(ams.resolve(fold, t), utc("2026-10-25T00:30:00Z"));
    }

    #[test]
    fn zones_parse_and_reject() {
        assert_eq!(Zone::parse("+05:30").expect("offset").name(), "+05:30");
        assert_eq!(Zone::parse("UTC").expect("utc").name(), "UTC");
        let err = Zone::parse("Mars/Olympus").expect_err("invalid zone");
        assert_eq!(err.field(), Some("tz"));
    }

    #[test]
    fn working_days_round_trip() {
        let days = WorkingDays::parse("mon, Tue,fri").expect("days");
        assert_eq!(days.names(), vec!["mon", "tue", "fri"]);
        assert!(days.contains(Weekday::Fri));
        assert!(!days.contains(Weekday::Wed));
        assert!(WorkingDays::parse("funday").is_err());
        assert!(WorkingDays::parse("").is_err());
    }

    #[test]
    fn day_start_parses() {
        assert_eq!(parse_day_start("04:00").expect("04:00"), 240);
        assert!(parse_day_start("13:00").is_err());
        assert!(parse_day_start("4am").is_err());
    }
}
