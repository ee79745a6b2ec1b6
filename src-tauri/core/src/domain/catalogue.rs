//! The organisation's catalogue as plain rules: the defaults a new database starts with, the kinds of entry,
//! and how a label is checked and becomes a key. No storage.

use serde::{Deserialize, Serialize};

use crate::error::{CoreError, Result};
use crate::i18n::Msg;

/// The default categories: key, label, colour.
pub const DEFAULT_CATEGORIES: [(&str, &str, &str); 3] = [
    ("open-communication", "Open communication", "#2563eb"),
    ("visible-participation", "Visible participation", "#16a34a"),
    ("follow-up", "Follow-up", "#d97706"),
];

/// The default channels: key, label, external.
pub const DEFAULT_CHANNELS: [(&str, &str, bool); 9] = [
    ("town-hall", "Town hall", false),
    ("internal-social", "Internal social network", false),
    ("blog", "Blog / vlog", false),
    ("walk-around", "Walk-around", false),
    ("team-meeting", "Team meeting", false),
    ("one-on-one", "1:1", false),
    ("email", "E-mail", false),
    ("customer-visit", "Customer / partner visit", true),
    ("social-media", "Public social media", true),
];

/// The default organisational layers, top down: key, label.
pub const DEFAULT_LAYERS: [(&str, &str); 5] = [
    ("board", "Board"),
    ("senior-management", "Senior management"),
    ("middle-management", "Middle management"),
    ("team-lead", "Team leads"),
    ("staff", "Staff"),
];

/// The role of the category a closed promise is logged in (`categories.role`): a marked category, whatever
/// its key or label, archived or not.
pub const FOLLOW_UP_ROLE: &str = "follow-up";

/// Longest label accepted for any catalogue entry.
pub const MAX_LABEL: usize = 80;

/// Trims a label and checks its length.
pub(crate) fn clean_label(field: &'static str, label: &str) -> Result<String> {
    let label = label.trim();
    if label.is_empty() {
        return Err(CoreError::invalid(field, Msg::new("text.empty")));
    }
    if label.chars().count() > MAX_LABEL {
        return Err(CoreError::invalid(field, Msg::new("text.too_long").arg("max", MAX_LABEL)));
    }
    Ok(label.to_string())
}

/// A stable kebab-case key for a label: `Customer focus` -> `customer-focus`.
pub fn key_from_label(label: &str) -> String {
    let mut key = String::new();
    for c in label.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            key.push(c);
        } else if !key.ends_with('-') && !key.is_empty() {
            key.push('-');
        }
    }
    key.trim_end_matches('-').to_string()
}

/// The catalogue tables that are looked up by key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Table {
    Category,
    Channel,
    Layer,
    Unit,
    Value,
}

impl Table {
    pub(crate) fn entity(self) -> &'static str {
        match self {
            Table::Category => "category",
            Table::Channel => "channel",
            Table::Layer => "layer",
            Table::Unit => "unit",
            Table::Value => "value",
        }
    }

    /// "choose a category", asked when no key was given.
    pub(crate) fn choose(self) -> Msg {
        match self {
            Table::Category => Msg::new("catalog.choose.category"),
            Table::Channel => Msg::new("catalog.choose.channel"),
            Table::Layer => Msg::new("catalog.choose.layer"),
            Table::Unit => Msg::new("catalog.choose.unit"),
            Table::Value => Msg::new("catalog.choose.value"),
        }
    }
}

/// The uid of a default entry: the same in every database (the defaults are the same records everywhere), the
/// first 32 hex characters of SHA-256 of `cadence:default:KIND:KEY` (migration 008 gives it to older rows).
pub fn default_uid(kind: Table, key: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("cadence:default:{}:{key}", kind.entity()).as_bytes());
    digest.iter().take(16).map(|b| format!("{b:02x}")).collect()
}

impl Table {
    /// The list a name in the organisation settings and the CLI stands for: `categories`, `channels`,
    /// `layers`, `units` or `values`.
    pub fn from_list(text: &str) -> Result<Table> {
        Ok(match text {
            "categories" => Table::Category,
            "channels" => Table::Channel,
            "layers" => Table::Layer,
            "units" => Table::Unit,
            "values" => Table::Value,
            other => return Err(CoreError::invalid("list", Msg::new("organisation.list.unknown").arg("list", other))),
        })
    }
}

/// Changes to a catalogue entry; absent fields stay as they are.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(optional_fields = nullable)]
pub struct CatalogPatch {
    pub label: Option<String>,
    /// Categories: `#rrggbb`.
    pub colour: Option<String>,
    /// Channels: external (customers, partners, the public) or internal.
    pub external: Option<bool>,
    /// Values: `value` or `theme`.
    pub kind: Option<String>,
    pub archived: Option<bool>,
    /// Channels: the unit keys it is meant for (empty: everyone).
    pub units: Option<Vec<String>>,
}
