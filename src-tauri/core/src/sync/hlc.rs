//! Hybrid logical clock (Kulkarni et al., "Logical Physical Clocks", 2014): versions that follow the wall
//! clock while it behaves and stay ordered when it does not (set back, or another machine's ahead).

use std::fmt;
use std::str::FromStr;

/// The highest milliseconds a version may hold: 13 digits (the year 2286), so the text stays in order.
pub const MAX_MILLIS: i64 = 9_999_999_999_999;

/// How far ahead of this device's clock (or its last version) a received version may be: one day. A machine
/// whose clock is further ahead would drag every device's versions along with it for good, so its change is
/// refused (the sync reports it) instead.
pub const MAX_AHEAD_MILLIS: i64 = 24 * 60 * 60 * 1000;

/// A received version too far ahead: see [`MAX_AHEAD_MILLIS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooFarAhead {
    pub version: Version,
    pub wall_millis: i64,
}

/// A device's id: random, made once per device and never reused (64 bits: two devices of one organisation
/// share one with a chance of about 1 in 10^16 for a thousand devices).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DeviceId(pub u64);

impl DeviceId {
    /// A fresh random id, never zero (zero is the least device, used by [`Version::floor`]).
    pub fn random() -> DeviceId {
        loop {
            let id = fastrand::u64(..);
            if id != 0 {
                return DeviceId(id);
            }
        }
    }
}

/// A version: compared by milliseconds, then counter, then device, so two devices never tie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Version {
    /// Milliseconds since the Unix epoch, as the clock saw it (never below an earlier version's).
    pub millis: i64,
    /// Orders versions within one millisecond.
    pub counter: u32,
    pub device: DeviceId,
}

impl Version {
    /// Below every version a clock gives: "changes since the floor" is every change.
    pub const fn floor() -> Version {
        Version { millis: 0, counter: 0, device: DeviceId(0) }
    }
}

/// Written as `<millis:13>-<counter:8 hex>-<device:16 hex>`: fixed width, so text order is version order (a
/// store can compare them as strings, `ORDER BY version`) until the year 2286.
impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:013}-{:08x}-{:016x}", self.millis, self.counter, self.device.0)
    }
}

/// Why a text is not a version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadVersion(pub String);

impl fmt::Display for BadVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a version: {:?} (expected 13 digits, 8 and 16 hex digits, joined by '-')", self.0)
    }
}

impl std::error::Error for BadVersion {}

impl FromStr for Version {
    type Err = BadVersion;

    fn from_str(text: &str) -> Result<Version, BadVersion> {
        let bad = || BadVersion(text.to_string());
        let mut parts = text.split('-');
        let (Some(m), Some(c), Some(d), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        let digits = |s: &str, n: usize, hex: bool| {
            s.len() == n && s.chars().all(|ch| if hex { ch.is_ascii_hexdigit() && !ch.is_ascii_uppercase() } else { ch.is_ascii_digit() })
        };
        if !digits(m, 13, false) || !digits(c, 8, true) || !digits(d, 16, true) {
            return Err(bad());
        }
        Ok(Version {
            millis: m.parse().map_err(|_| bad())?,
            counter: u32::from_str_radix(c, 16).map_err(|_| bad())?,
            device: DeviceId(u64::from_str_radix(d, 16).map_err(|_| bad())?),
        })
    }
}

/// One device's clock. It is given the wall clock's reading at each call (the caller owns time), and
/// remembers the highest version it has given or seen.
#[derive(Debug, Clone)]
pub struct Hlc {
    device: DeviceId,
    last: Version,
}

impl Hlc {
    /// A clock for `device` that has given nothing yet; `last` is the highest version the device's store
    /// holds (so a restart never gives a version below one already written).
    pub fn new(device: DeviceId, last: Option<Version>) -> Hlc {
        Hlc { device, last: last.unwrap_or(Version::floor()) }
    }

    pub fn device(&self) -> DeviceId {
        self.device
    }

    /// The highest version given or seen.
    pub fn last(&self) -> Version {
        self.last
    }

    /// The version of a change made now, `wall_millis` being the wall clock: above every version given or
    /// seen before, at the wall clock's millisecond when that is later.
    pub fn tick(&mut self, wall_millis: i64) -> Version {
        // A clock before 1970 or past 2286 is read as the nearest end (the counter keeps the order).
        let wall_millis = wall_millis.clamp(0, MAX_MILLIS);
        let next = if wall_millis > self.last.millis {
            Version { millis: wall_millis, counter: 0, device: self.device }
        } else {
            self.after(self.last.millis, self.last.counter)
        };
        self.last = next;
        next
    }

    /// Takes in a version received from another device: the next [`Hlc::tick`] is above it (seeing a
    /// version never moves this clock back). Refused, the clock unmoved, when it is more than a day ahead of
    /// both this device's wall clock and its last version, or past [`MAX_MILLIS`].
    pub fn observe(&mut self, remote: Version, wall_millis: i64) -> Result<(), TooFarAhead> {
        let here = wall_millis.max(self.last.millis);
        if remote.millis > here.saturating_add(MAX_AHEAD_MILLIS) || remote.millis > MAX_MILLIS || remote.millis < 0 {
            return Err(TooFarAhead { version: remote, wall_millis });
        }
        self.last = self.last.max(remote);
        Ok(())
    }

    /// The least version of this device above (millis, counter).
    fn after(&self, millis: i64, counter: u32) -> Version {
        match counter.checked_add(1) {
            Some(counter) => Version { millis, counter, device: self.device },
            // Four billion changes in one millisecond: borrow the next millisecond.
            // (At MAX_MILLIS itself this goes past it: four billion changes in the last millisecond of 2286.)
            None => Version { millis: millis + 1, counter: 0, device: self.device },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: DeviceId = DeviceId(0xa);
    const B: DeviceId = DeviceId(0xb);

    #[test]
    fn versions_follow_the_wall_clock_while_it_moves_on() {
        let mut clock = Hlc::new(A, None);
        assert_eq!(clock.tick(1_000), Version { millis: 1_000, counter: 0, device: A });
        assert_eq!(clock.tick(1_005), Version { millis: 1_005, counter: 0, device: A });
    }

    #[test]
    fn a_clock_set_back_or_standing_still_still_gives_higher_versions() {
        let mut clock = Hlc::new(A, None);
        let first = clock.tick(5_000);
        let same_ms = clock.tick(5_000);
        let set_back = clock.tick(1_000);
        assert_eq!(same_ms, Version { millis: 5_000, counter: 1, device: A });
        assert_eq!(set_back, Version { millis: 5_000, counter: 2, device: A });
        assert!(first < same_ms && same_ms < set_back);
    }

    #[test]
    fn a_restarted_clock_starts_above_what_its_store_holds() {
        let mut clock = Hlc::new(A, Some(Version { millis: 9_000, counter: 3, device: A }));
        assert_eq!(clock.tick(2_000), Version { millis: 9_000, counter: 4, device: A });
    }

    #[test]
    fn after_seeing_a_change_from_a_clock_ahead_the_next_version_is_above_it() {
        let mut behind = Hlc::new(A, None);
        behind.tick(1_000);
        let ahead = Version { millis: 60_000, counter: 7, device: B };
        behind.observe(ahead, 1_001).expect("a minute ahead is taken");
        let next = behind.tick(1_002);
        assert!(next > ahead, "{next} after {ahead}");
        assert_eq!(next, Version { millis: 60_000, counter: 8, device: A });
        // Seeing an older version changes nothing.
        behind.observe(Version { millis: 10, counter: 0, device: B }, 1_003).expect("older");
        assert_eq!(behind.tick(1_003), Version { millis: 60_000, counter: 9, device: A });
    }

    #[test]
    fn a_version_more_than_a_day_ahead_is_refused_and_the_clock_stays() {
        let mut clock = Hlc::new(A, None);
        let now = 1_764_000_000_000;
        let week_ahead = Version { millis: now + 7 * MAX_AHEAD_MILLIS, counter: 0, device: B };
        assert_eq!(clock.observe(week_ahead, now), Err(TooFarAhead { version: week_ahead, wall_millis: now }));
        assert_eq!(clock.tick(now), Version { millis: now, counter: 0, device: A });
        let hour_ahead = Version { millis: now + 3_600_000, counter: 0, device: B };
        assert_eq!(clock.observe(hour_ahead, now), Ok(()));
        assert!(clock.tick(now) > hour_ahead);
    }

    #[test]
    fn the_text_stays_in_order_at_the_ends_of_time() {
        let mut clock = Hlc::new(A, None);
        let before_1970 = clock.tick(-5);
        assert_eq!(before_1970.millis, 0);
        let far = clock.tick(i64::MAX);
        assert_eq!(far.millis, MAX_MILLIS);
        let after = clock.tick(i64::MAX);
        assert!(after > far && after.to_string() > far.to_string());
        assert_eq!(after.to_string().parse::<Version>(), Ok(after));
    }

    #[test]
    fn the_counter_never_overflows() {
        let mut clock = Hlc::new(A, Some(Version { millis: 7, counter: u32::MAX, device: A }));
        assert_eq!(clock.tick(0), Version { millis: 8, counter: 0, device: A });
    }

    #[test]
    fn text_round_trips_and_bad_text_is_refused() {
        let v = Version { millis: 1_764_000_000_123, counter: 0x1f, device: DeviceId(0xdead_beef) };
        assert_eq!(v.to_string(), "1764000000123-0000001f-00000000deadbeef");
        assert_eq!(v.to_string().parse::<Version>(), Ok(v));
        for bad in ["", "1-2-3", "1764000000123-0000001f", "1764000000123-0000001F-00000000deadbeef",
            "1764000000123-0000001f-00000000deadbeef-1", "17640000001x3-0000001f-00000000deadbeef"] {
            assert!(bad.parse::<Version>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_random_device_is_never_the_floors() {
        assert!((0..1000).all(|_| DeviceId::random() != DeviceId(0)));
    }
}
