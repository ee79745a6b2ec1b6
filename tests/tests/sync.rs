//! The change model (#12.3) against a small model of it, on random histories: several devices whose clocks
//! disagree and jump back write, delete and undo the same few records and sync now and then. Whatever order
//! the same changes arrive in, two empty replicas end identical, each record the state of its highest
//! version (the model: a max over a list), and applying it all again changes nothing.

use std::collections::{BTreeMap, BTreeSet};

use cadence_core::sync::{Applied, Change, DeviceId, Hlc, Replica, Version};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Step {
    /// Device `device` writes record `uid` (`None`: deletes it), its wall clock moved by `moved` ms (backwards too).
    Write { device: usize, uid: u8, body: Option<u8>, moved: i64 },
    /// Device `to` receives everything `from` took since it last asked.
    Sync { from: usize, to: usize },
    /// The hub (a store every device talks to, as Cadence Team's PostgreSQL) takes what `device` took since
    /// the hub last asked; with `pull`, the device then takes what the hub took since it last asked.
    Hub { device: usize, pull: bool },
}

fn step(devices: usize) -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0..devices, 0u8..4, proptest::option::of(0u8..5), -50i64..200)
            .prop_map(|(device, uid, body, moved)| Step::Write { device, uid, body, moved }),
        1 => (0..devices, 0..devices).prop_map(|(from, to)| Step::Sync { from, to }),
        1 => (0..devices, any::<bool>()).prop_map(|(device, pull)| Step::Hub { device, pull }),
    ]
}

fn history() -> impl Strategy<Value = (Vec<i64>, Vec<Step>)> {
    (2usize..5).prop_flat_map(|n| (proptest::collection::vec(-100_000i64..100_000, n), proptest::collection::vec(step(n), 1..60)))
}

struct Device {
    clock: Hlc,
    wall: i64,
    replica: Replica<u8>,
    /// Per other device, the last of its sequence numbers read (usize::MAX: the hub).
    seen: BTreeMap<usize, u64>,
}

const HUB: usize = usize::MAX;

/// `to` takes what `from` took after the cursor, and moves the cursor; its clock sees every version.
fn pull(from: &Replica<u8>, to: &mut Replica<u8>, cursor: &mut u64, clock: Option<(&mut Hlc, i64)>) {
    let mut clock = clock;
    for (seq, change) in from.changes_since(*cursor) {
        *cursor = seq;
        if let Some((clock, wall)) = clock.as_mut() {
            clock.observe(change.version, *wall).expect("skews under a day are taken");
        }
        to.apply(change);
    }
}

/// Runs the history; returns every change written, in the order written, what each device holds then, and
/// what the hub holds.
fn run(skews: &[i64], steps: &[Step]) -> (Vec<Change<u8>>, Vec<Content>, Content) {
    let mut hub: Replica<u8> = Replica::new();
    let mut hub_seen: BTreeMap<usize, u64> = BTreeMap::new();
    let mut devices: Vec<Device> = skews
        .iter()
        .enumerate()
        .map(|(i, skew)| Device {
            clock: Hlc::new(DeviceId(i as u64 + 1), None),
            wall: 1_764_000_000_000 + skew,
            replica: Replica::new(),
            seen: BTreeMap::new(),
        })
        .collect();
    let mut written = Vec::new();
    for step in steps {
        match *step {
            Step::Write { device, uid, body, moved } => {
                let d = &mut devices[device];
                d.wall += moved;
                let uid = format!("r{uid}");
                let before = d.replica.content().get(&uid).map(|(version, _)| *version);
                let change = d.replica.write(&mut d.clock, d.wall, &uid, body);
                if let Some(before) = before {
                    assert!(change.version > before, "a write is above what its device held");
                }
                assert_eq!(d.replica.get(&uid), body.as_ref());
                written.push(change);
            }
            Step::Sync { from, to } if from != to => {
                let source = devices[from].replica.clone();
                let d = &mut devices[to];
                let mut cursor = d.seen.get(&from).copied().unwrap_or(0);
                pull(&source, &mut d.replica, &mut cursor, Some((&mut d.clock, d.wall)));
                d.seen.insert(from, cursor);
            }
            Step::Sync { .. } => {}
            Step::Hub { device, pull: back } => {
                let d = &mut devices[device];
                let cursor = hub_seen.entry(device).or_insert(0);
                pull(&d.replica, &mut hub, cursor, None);
                if back {
                    let mut cursor = d.seen.get(&HUB).copied().unwrap_or(0);
                    pull(&hub, &mut d.replica, &mut cursor, Some((&mut d.clock, d.wall)));
                    d.seen.insert(HUB, cursor);
                }
            }
        }
    }
    let held = devices.iter().map(|d| d.replica.content()).collect();
    (written, held, hub.content())
}

type Content = BTreeMap<String, (Version, Option<u8>)>;

/// The model: per uid, the body of its highest version.
fn model(changes: &[Change<u8>]) -> Content {
    let mut out: BTreeMap<String, (Version, Option<u8>)> = BTreeMap::new();
    for c in changes {
        let e = out.entry(c.uid.clone()).or_insert((c.version, c.body));
        if c.version > e.0 {
            *e = (c.version, c.body);
        }
    }
    out
}

fn content(r: &Replica<u8>) -> Content {
    r.content()
}

/// The items in an order drawn from `seed` (Fisher-Yates over splitmix64).
fn shuffled<T: Clone>(items: &[T], mut seed: u64) -> Vec<T> {
    let mut next = move || {
        seed = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = seed;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    let mut v = items.to_vec();
    for i in (1..v.len()).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
    v
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_interleaving_of_the_same_changes_gives_identical_content((skews, steps) in history(), a in any::<u64>(), b in any::<u64>()) {
        let (changes, _, _) = run(&skews, &steps);
        let versions: BTreeSet<Version> = changes.iter().map(|c| c.version).collect();
        prop_assert_eq!(versions.len(), changes.len(), "no two changes share a version");

        let (mut one, mut two) = (Replica::new(), Replica::new());
        for c in shuffled(&changes, a) { one.apply(c); }
        for c in shuffled(&changes, b) { two.apply(c); }
        prop_assert_eq!(content(&one), content(&two));
        prop_assert_eq!(content(&one), model(&changes));

        // The same changes again, in yet another order: all stale, nothing changes.
        let before = one.content();
        for c in shuffled(&changes, a ^ b) {
            prop_assert_eq!(one.apply(c), Applied::Stale);
        }
        prop_assert_eq!(one.content(), before);
    }

    #[test]
    fn devices_that_sync_everything_both_ways_hold_the_model((skews, mut steps) in history()) {
        let n = skews.len();
        // After the history, everyone sends everything to everyone, twice round.
        for _ in 0..2 { for from in 0..n { for to in 0..n { steps.push(Step::Sync { from, to }); } } }
        let (changes, held, _) = run(&skews, &steps);
        let expected = model(&changes);
        for (i, content) in held.iter().enumerate() {
            prop_assert_eq!(content, &expected, "device {} after the full sync", i);
        }
    }

    #[test]
    fn devices_that_only_talk_to_a_hub_end_with_the_model((skews, mut steps) in history()) {
        let n = skews.len();
        // Only hub steps: the relayed changes include late ones with versions below what the hub gave out.
        steps.retain(|s| !matches!(s, Step::Sync { .. }));
        for device in 0..n { steps.push(Step::Hub { device, pull: false }); }
        for device in 0..n { steps.push(Step::Hub { device, pull: true }); }
        let (changes, held, hub) = run(&skews, &steps);
        let expected = model(&changes);
        prop_assert_eq!(&hub, &expected);
        for (i, content) in held.iter().enumerate() {
            prop_assert_eq!(content, &expected, "device {} after pulling from the hub", i);
        }
    }
}
