//! Which IANA zone this machine is in, as a person at it means it: the `TZ` environment variable first, then
//! the system setting (`/etc/localtime` on Linux, read by the `iana-time-zone` crate, which ignores `TZ`).
//!
//! This is the one answer Cadence gives to "where is here": onboarding proposes it, a person added without a
//! zone gets it, and the window formats machine times (backups) in it instead of asking WebKit, so the window
//! and the core cannot disagree. A person's own zone, once stored, is what their days are counted in.
//!
//! `TZ` is honoured when it names an IANA zone, in any of the forms the C library accepts for one:
//! `Europe/Amsterdam`, `:Europe/Amsterdam`, or a path into a zoneinfo folder
//! (`/usr/share/zoneinfo/Europe/Amsterdam`, also under `posix/` or `right/`). Anything else falls back to the
//! system setting: an empty `TZ`, a path outside a zoneinfo folder (`/etc/localtime`), a name Cadence's zone
//! database does not know, and a POSIX rule such as `CET-1CEST,M3.5.0,M10.5.0/3`. A POSIX rule has no IANA name
//! (it carries no history, so old dates would be counted in the wrong offset), and Cadence stores zones by name.

use chrono_tz::Tz;

/// The zone when neither `TZ` nor the system names a known one.
const FALLBACK: &str = "UTC";

/// The machine's IANA zone: `TZ` when it names one (Unix), else the system setting, else `UTC`.
pub fn detect_os_zone() -> String {
    let tz = if cfg!(unix) { std::env::var("TZ").ok() } else { None };
    zone_from(tz.as_deref(), || iana_time_zone::get_timezone().ok())
}

/// The zone named by a `TZ` value, or else by `system` (called only when needed), or else `UTC`.
/// Pure apart from `system`, so tests give both sources.
pub fn zone_from(tz: Option<&str>, system: impl FnOnce() -> Option<String>) -> String {
    tz.and_then(zone_in_tz)
        .or_else(|| system().and_then(|name| known(name.trim())))
        .unwrap_or_else(|| FALLBACK.to_string())
}

/// The IANA name a `TZ` value stands for, if it stands for one.
pub fn zone_in_tz(value: &str) -> Option<String> {
    let value = value.trim();
    let value = value.strip_prefix(':').unwrap_or(value);
    let name = if value.starts_with('/') {
        // A file: only one inside a zoneinfo folder says which zone it is by its path.
        let (_, rest) = value.rsplit_once("/zoneinfo/")?;
        rest
    } else {
        value
    };
    let name = name.strip_prefix("posix/").or_else(|| name.strip_prefix("right/")).unwrap_or(name);
    known(name)
}

/// `name` as the zone database spells it, when it is a zone there.
fn known(name: &str) -> Option<String> {
    if name.is_empty() {
        return None;
    }
    name.parse::<Tz>().ok().map(|tz| tz.name().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc_machine() -> Option<String> {
        Some("Etc/UTC".into())
    }

    #[test]
    fn tz_names_the_zone_before_etc_localtime() {
        assert_eq!(zone_from(Some("Europe/Amsterdam"), utc_machine), "Europe/Amsterdam");
        assert_eq!(zone_from(Some(":Europe/Amsterdam"), utc_machine), "Europe/Amsterdam");
        assert_eq!(zone_from(Some("/usr/share/zoneinfo/Europe/Amsterdam"), utc_machine), "Europe/Amsterdam");
        assert_eq!(zone_from(Some(":/usr/share/zoneinfo/America/New_York"), utc_machine), "America/New_York");
        assert_eq!(zone_from(Some("/usr/share/zoneinfo/posix/Asia/Tokyo"), utc_machine), "Asia/Tokyo");
        assert_eq!(zone_from(Some("right/Europe/Paris"), utc_machine), "Europe/Paris");
        assert_eq!(zone_from(Some("/etc/zoneinfo/Europe/Berlin"), utc_machine), "Europe/Berlin");
    }

    #[test]
    fn an_unusable_tz_falls_back_to_the_system_zone() {
        let amsterdam = || Some("Europe/Amsterdam".to_string());
        for tz in ["", "  ", ":", "CET-1CEST,M3.5.0,M10.5.0/3", "<+0330>-3:30", "/etc/localtime", "Mars/Olympus", "/tmp/zone"] {
            assert_eq!(zone_from(Some(tz), amsterdam), "Europe/Amsterdam", "TZ={tz:?}");
        }
        assert_eq!(zone_from(None, amsterdam), "Europe/Amsterdam");
    }

    #[test]
    fn the_system_is_asked_only_when_tz_does_not_answer() {
        let asked = std::cell::Cell::new(false);
        let system = || {
            asked.set(true);
            utc_machine()
        };
        assert_eq!(zone_from(Some("Europe/Amsterdam"), system), "Europe/Amsterdam");
        assert!(!asked.get());
    }

    #[test]
    fn nothing_known_means_utc() {
        assert_eq!(zone_from(None, || None), "UTC");
        assert_eq!(zone_from(Some("nonsense"), || Some("Nowhere/Land".into())), "UTC");
        assert_eq!(zone_from(None, utc_machine), "Etc/UTC");
    }
}
