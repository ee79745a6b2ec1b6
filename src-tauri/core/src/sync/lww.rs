//! A replica's records and how a change lands on it: last writer wins per record, by version. A delete is a
//! tombstone that keeps its version, so a delete and an edit made apart are ordered like two edits, and an
//! undo is a new write above the delete. A change whose version the replica already holds (or a later one) is
//! stale: applying a change twice changes nothing.
//!
//! "What changed since" is asked by the replica's own sequence, not by version: a replica that relays changes
//! from others can take in, late, a change whose version is below one it already handed out (its device's
//! clock was behind), and a reader that remembered that version would never see it. Each record a replica
//! takes gets the next number of the replica's sequence; a reader remembers the last number it read.

use std::collections::BTreeMap;

use super::hlc::{Hlc, Version};

/// One record's new state: its body, or `None` when it was deleted.
#[derive(Debug, Clone, PartialEq)]
pub struct Change<T> {
    /// The record's uid: made once, never reused.
    pub uid: String,
    pub version: Version,
    pub body: Option<T>,
}

/// What applying a change did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applied {
    /// The change is the record's state now.
    Taken,
    /// The replica holds this version, or a later one, of the record: nothing changed.
    Stale,
}

#[derive(Debug, Clone, PartialEq)]
struct Record<T> {
    version: Version,
    body: Option<T>,
    /// The replica's sequence number when it took this state.
    seq: u64,
}

/// Every record a replica holds, live or deleted, with its version.
#[derive(Debug, Clone, PartialEq)]
pub struct Replica<T> {
    records: BTreeMap<String, Record<T>>,
    /// The last sequence number given.
    seq: u64,
}

impl<T> Default for Replica<T> {
    fn default() -> Self {
        Replica { records: BTreeMap::new(), seq: 0 }
    }
}

impl<T: Clone> Replica<T> {
    pub fn new() -> Replica<T> {
        Replica::default()
    }

    /// Applies a change from anywhere: it wins when its version is above the record's. A clock never gives
    /// one version twice, so an equal version is this very change again.
    pub fn apply(&mut self, change: Change<T>) -> Applied {
        match self.records.get(&change.uid) {
            Some(held) if held.version >= change.version => Applied::Stale,
            _ => {
                self.seq += 1;
                self.records.insert(change.uid, Record { version: change.version, body: change.body, seq: self.seq });
                Applied::Taken
            }
        }
    }

    /// A change made here (a create, an edit, with `None` a delete, or an undo that writes the body back):
    /// versioned by this device's clock, applied, and returned to be sent.
    pub fn write(&mut self, clock: &mut Hlc, wall_millis: i64, uid: &str, body: Option<T>) -> Change<T> {
        let change = Change { uid: uid.to_string(), version: clock.tick(wall_millis), body };
        self.apply(change.clone());
        change
    }

    /// The record's body while it is live.
    pub fn get(&self, uid: &str) -> Option<&T> {
        self.records.get(uid).and_then(|r| r.body.as_ref())
    }

    /// The live records, by uid.
    pub fn live(&self) -> impl Iterator<Item = (&str, &T)> {
        self.records.iter().filter_map(|(uid, r)| r.body.as_ref().map(|b| (uid.as_str(), b)))
    }

    /// The highest version held, for a clock to start above.
    pub fn latest(&self) -> Option<Version> {
        self.records.values().map(|r| r.version).max()
    }

    /// Every record this replica took after its sequence number `after` (tombstones included), in the order
    /// it took them, each with its number: a reader applies them and asks "after the last number" next time.
    /// `after = 0` is everything.
    pub fn changes_since(&self, after: u64) -> Vec<(u64, Change<T>)> {
        let mut out: Vec<(u64, Change<T>)> = self
            .records
            .iter()
            .filter(|(_, r)| r.seq > after)
            .map(|(uid, r)| (r.seq, Change { uid: uid.clone(), version: r.version, body: r.body.clone() }))
            .collect();
        out.sort_by_key(|(seq, _)| *seq);
        out
    }

    /// Every record, live or deleted, by uid: what two replicas must agree on.
    pub fn content(&self) -> BTreeMap<String, (Version, Option<T>)> {
        self.records.iter().map(|(uid, r)| (uid.clone(), (r.version, r.body.clone()))).collect()
    }

    /// Forgets tombstones whose version is older than `before_millis` (30 days, in the stores); returns how
    /// many. A replica that comes back with an older change of such a record brings the record back: losing
    /// a delete is the safer failure than losing a leader's record.
    pub fn purge_tombstones(&mut self, before_millis: i64) -> usize {
        let before = self.records.len();
        self.records.retain(|_, r| r.body.is_some() || r.version.millis >= before_millis);
        before - self.records.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::hlc::DeviceId;

    #[test]
    fn the_later_version_wins_whatever_order_the_changes_come_in() {
        let (mut laptop, mut desktop) = (Hlc::new(DeviceId(1), None), Hlc::new(DeviceId(2), None));
        let mut here = Replica::new();
        let first = here.write(&mut laptop, 1_000, "a", Some("draft"));
        let later = Change { uid: "a".into(), version: desktop.tick(2_000), body: Some("final") };
        let mut there = Replica::new();
        assert_eq!(there.apply(later.clone()), Applied::Taken);
        assert_eq!(there.apply(first.clone()), Applied::Stale);
        assert_eq!(here.apply(later), Applied::Taken);
        assert_eq!(here.content(), there.content());
        assert_eq!(here.get("a"), Some(&"final"));
    }

    #[test]
    fn a_delete_is_a_versioned_tombstone_and_an_undo_a_later_write() {
        let mut clock = Hlc::new(DeviceId(1), None);
        let mut r = Replica::new();
        r.write(&mut clock, 1, "a", Some(1));
        let deleted = r.write(&mut clock, 2, "a", None);
        assert_eq!(r.get("a"), None);
        assert_eq!(r.changes_since(0), vec![(2, deleted.clone())], "the tombstone travels");
        let undone = r.write(&mut clock, 3, "a", Some(1));
        assert!(undone.version > deleted.version);
        assert_eq!(r.get("a"), Some(&1));
        assert_eq!(r.apply(deleted), Applied::Stale, "the old delete does not win again");
    }

    #[test]
    fn changes_since_follow_the_replicas_own_sequence_also_for_a_late_lower_version() {
        let (mut behind, mut ahead) = (Hlc::new(DeviceId(1), None), Hlc::new(DeviceId(2), None));
        let mut hub = Replica::new();
        let y = Change { uid: "y".into(), version: ahead.tick(5_000), body: Some(1) };
        hub.apply(y.clone());
        let read = hub.changes_since(0);
        assert_eq!(read, vec![(1, y.clone())]);
        // A change from a device whose clock is behind arrives later, with a lower version.
        let x = Change { uid: "x".into(), version: behind.tick(1_000), body: Some(2) };
        hub.apply(x.clone());
        assert!(x.version < y.version);
        assert_eq!(hub.changes_since(1), vec![(2, x)], "the reader that had y still gets x");
        let replaced = Change { uid: "y".into(), version: ahead.tick(6_000), body: Some(3) };
        hub.apply(replaced.clone());
        assert_eq!(hub.changes_since(2), vec![(3, replaced)]);
        assert_eq!(hub.changes_since(3), vec![]);
        assert_eq!(hub.changes_since(0).len(), 2, "one state per record");
    }

    #[test]
    fn old_tombstones_are_purged_and_live_records_kept() {
        let mut clock = Hlc::new(DeviceId(1), None);
        let mut r = Replica::new();
        r.write(&mut clock, 1_000, "old", Some(1));
        r.write(&mut clock, 1_001, "old", None);
        r.write(&mut clock, 1_002, "kept", Some(2));
        r.write(&mut clock, 9_000, "recent", None);
        assert_eq!(r.purge_tombstones(5_000), 1);
        let uids: Vec<String> = r.content().into_keys().collect();
        assert_eq!(uids, ["kept", "recent"]);
    }
}
