//! What an import changes in records already there (a label, a colour, a target), found before it writes them,
//! so the preview can say "would change" beside "would add".

use serde::Serialize;


/// One field of a record already here that an import changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    /// `category`, `channel`, `layer`, `unit`, `value` or `target`.
    pub kind: String,
    /// The record: a catalogue key, or for a target `person / category`.
    pub key: String,
    /// `label`, `colour`, `external`, `kind`, `archived` or `target` (`3/week`).
    pub field: String,
    pub from: String,
    pub to: String,
}

/// The changes writing `new` over the `current` values of `key`'s fields (in the order of `new`) would make;
/// none for a new record (`current` is `None`).
pub(crate) fn diff(kind: &str, key: &str, current: Option<Vec<String>>, new: &[(&str, String)], out: &mut Vec<Change>) {
    for (old, (field, to)) in current.iter().flatten().zip(new) {
        if old != to {
            out.push(Change { kind: kind.into(), key: key.into(), field: (*field).into(), from: old.clone(), to: to.clone() });
        }
    }
}
