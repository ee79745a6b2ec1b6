//! What an import changes in records already there (a label, a colour, a target), found before it writes them,
//! so the preview can say "would change" beside "would add".

use rusqlite::OptionalExtension;
use serde::Serialize;

use crate::error::Result;

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

/// The changes writing `new` over the current `(field, value)`s of `key` would make (none for a new record).
pub(super) fn diff(tx: &rusqlite::Connection, kind: &str, sql: &str, key: &str, new: &[(&str, String)], out: &mut Vec<Change>) -> Result<()> {
    let current: Option<Vec<String>> = tx
        .prepare_cached(sql)?
        .query_row([key], |r| (0..new.len()).map(|i| r.get::<_, rusqlite::types::Value>(i).map(|v| show(&v))).collect())
        .optional()?;
    for (old, (field, to)) in current.iter().flatten().zip(new) {
        if old != to {
            out.push(Change { kind: kind.into(), key: key.into(), field: (*field).into(), from: old.clone(), to: to.clone() });
        }
    }
    Ok(())
}

/// A stored value as the change list shows it (SQLite keeps booleans as 0 and 1).
fn show(v: &rusqlite::types::Value) -> String {
    use rusqlite::types::Value as V;
    match v {
        V::Null => String::new(),
        V::Integer(i) => i.to_string(),
        V::Real(f) => f.to_string(),
        V::Text(t) => t.clone(),
        V::Blob(_) => "…".into(),
    }
}

