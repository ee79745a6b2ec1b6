//! The organisation's catalogue: categories, channels, layers, units, values and themes.
//!
//! Seeded with sensible defaults when a database is created (the seed's three action kinds, common
//! channels, the usual organisational layers), looked up by stable kebab-case key everywhere else.

use rusqlite::{params, Connection, OptionalExtension};

use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::i18n::Msg;
use crate::model::{Audience, Catalog, Category, Channel, ValueItem};

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

/// Longest label accepted for any catalogue entry.
pub const MAX_LABEL: usize = 80;

impl Db {
    /// Inserts the default catalogue once, when the database is new.
    pub(crate) fn seed_defaults(&self) -> Result<()> {
        if self.setting("seeded")?.is_some() {
            return Ok(());
        }
        let tx = self.conn.unchecked_transaction()?;
        for (rank, (key, label, colour)) in DEFAULT_CATEGORIES.iter().enumerate() {
            tx.execute(
                "INSERT OR IGNORE INTO categories (key, label, colour, rank) VALUES (?1, ?2, ?3, ?4)",
                params![key, label, colour, rank as i64],
            )?;
        }
        for (key, label, external) in DEFAULT_CHANNELS {
            tx.execute(
                "INSERT OR IGNORE INTO channels (key, label, external) VALUES (?1, ?2, ?3)",
                params![key, label, external],
            )?;
        }
        for (rank, (key, label)) in DEFAULT_LAYERS.iter().enumerate() {
            tx.execute(
                "INSERT OR IGNORE INTO layers (key, label, rank) VALUES (?1, ?2, ?3)",
                params![key, label, rank as i64],
            )?;
        }
        // The default follow-up category is where closed promises are logged (see followups::FOLLOW_UP_ROLE).
        tx.execute(
            "UPDATE categories SET role = 'follow-up' WHERE key = 'follow-up' AND NOT EXISTS (SELECT 1 FROM categories WHERE role = 'follow-up')",
            [],
        )?;
        tx.execute("INSERT INTO settings (key, value) VALUES ('seeded', '1')", [])?;
        tx.commit()?;
        Ok(())
    }

    /// Gives the default categories, channels and layers the labels of `locale`, where the user has not
    /// renamed them (their label is still a default in some language). Keys, and so history, do not change.
    pub(crate) fn localise_defaults(&mut self, locale: crate::Locale) -> Result<()> {
        let t = locale.texts();
        let all = [crate::Locale::En, crate::Locale::Nl];
        let keys = |table: &'static str, keys: Vec<&'static str>, labels: fn(&'static crate::i18n::Texts) -> Vec<&'static str>| {
            keys.into_iter().enumerate().map(move |(i, k)| (table, k, i, labels))
        };
        let rows = keys("categories", DEFAULT_CATEGORIES.iter().map(|c| c.0).collect(), |t| t.category_labels.to_vec())
            .chain(keys("channels", DEFAULT_CHANNELS.iter().map(|c| c.0).collect(), |t| t.channel_labels.to_vec()))
            .chain(keys("layers", DEFAULT_LAYERS.iter().map(|c| c.0).collect(), |t| t.layer_labels.to_vec()));
        let rows: Vec<_> = rows.collect();
        self.write(|tx| {
            for (table, key, i, labels) in rows {
                let target = labels(t)[i];
                for other in all {
                    tx.execute(&format!("UPDATE {table} SET label = ?1 WHERE key = ?2 AND label = ?3"), params![target, key, labels(other.texts())[i]])?;
                }
            }
            Ok(())
        })
    }

    /// What can be chosen when logging for `person`: the catalogue with only the channels meant for them
    /// (those for everyone, and those scoped to their unit). A channel scoped to units is the right means
    /// for those units; it is offered there and nowhere else, though an action may still name it.
    pub fn catalog_for(&self, person: &str) -> Result<Catalog> {
        let who = self.find_person(person)?;
        let mut catalog = self.catalog()?;
        catalog.channels.retain(|c| c.units.is_empty() || who.unit.as_ref().is_some_and(|u| c.units.contains(u)));
        Ok(catalog)
    }

    /// Everything that can be chosen when logging (archived entries excluded).
    pub fn catalog(&self) -> Result<Catalog> {
        let categories = self
            .conn
            .prepare_cached("SELECT id, key, label, colour, archived FROM categories WHERE archived = 0 ORDER BY rank, id")?
            .query_map([], |r| {
                Ok(Category { id: r.get(0)?, key: r.get(1)?, label: r.get(2)?, colour: r.get(3)?, archived: r.get(4)? })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let channels = self
            .conn
            .prepare_cached(
                "SELECT c.id, c.key, c.label, c.external, c.archived, (SELECT group_concat(u.key, ',') FROM channel_units cu
                     JOIN units u ON u.id = cu.unit_id WHERE cu.channel_id = c.id)
                 FROM channels c WHERE c.archived = 0 ORDER BY c.external, c.id",
            )?
            .query_map([], |r| {
                Ok(Channel {
                    id: r.get(0)?,
                    key: r.get(1)?,
                    label: r.get(2)?,
                    external: r.get(3)?,
                    archived: r.get(4)?,
                    units: unit_keys(r.get(5)?),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let audiences = |sql: &str, kind: &str| -> Result<Vec<Audience>> {
            Ok(self
                .conn
                .prepare_cached(sql)?
                .query_map([], |r| Ok(Audience { id: r.get(0)?, key: r.get(1)?, label: r.get(2)?, kind: kind.to_string(), archived: false }))?
                .collect::<rusqlite::Result<Vec<_>>>()?)
        };
        let layers = audiences("SELECT id, key, label FROM layers WHERE archived = 0 ORDER BY rank, id", "layer")?;
        let units = audiences("SELECT id, key, label FROM units WHERE archived = 0 ORDER BY label, id", "unit")?;
        let values = self
            .conn
            .prepare_cached("SELECT id, key, label, kind FROM value_items WHERE archived = 0 ORDER BY kind DESC, id")?
            .query_map([], |r| Ok(ValueItem { id: r.get(0)?, key: r.get(1)?, label: r.get(2)?, kind: r.get(3)?, archived: false }))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Catalog { categories, channels, layers, units, values })
    }

    /// Adds a core value (`kind = "value"`) or strategic theme (`"theme"`); returns the stored entry.
    /// Adding a label that already exists returns the existing entry.
    pub fn add_value(&mut self, label: &str, kind: &str) -> Result<ValueItem> {
        let label = clean_label("value", label)?;
        if kind != "value" && kind != "theme" {
            return Err(CoreError::invalid("kind", Msg::new("value.kind.unknown").arg("kind", kind)));
        }
        let key = key_from_label(&label);
        self.write(|tx| {
            tx.execute(
                "INSERT INTO value_items (key, label, kind) VALUES (?1, ?2, ?3) ON CONFLICT(key) DO NOTHING",
                params![key, label, kind],
            )?;
            Ok(tx.query_row("SELECT id, key, label, kind FROM value_items WHERE key = ?1", [&key], |r| {
                Ok(ValueItem { id: r.get(0)?, key: r.get(1)?, label: r.get(2)?, kind: r.get(3)?, archived: false })
            })?)
        })
    }

    /// Adds an organisational unit (or returns the existing one with that key).
    pub fn add_unit(&mut self, label: &str) -> Result<Audience> {
        let label = clean_label("unit", label)?;
        let key = key_from_label(&label);
        self.write(|tx| {
            tx.execute("INSERT INTO units (key, label) VALUES (?1, ?2) ON CONFLICT(key) DO NOTHING", params![key, label])?;
            Ok(tx.query_row("SELECT id, key, label FROM units WHERE key = ?1", [&key], |r| {
                Ok(Audience { id: r.get(0)?, key: r.get(1)?, label: r.get(2)?, kind: "unit".into(), archived: false })
            })?)
        })
    }
}

/// A channel's unit keys from `group_concat(u.key, ',')` (NULL: none), sorted.
pub(crate) fn unit_keys(text: Option<String>) -> Vec<String> {
    let mut keys: Vec<String> = text.map(|t| t.split(',').map(String::from).collect()).unwrap_or_default();
    keys.sort();
    keys
}

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

/// Looks up the id of a catalogue entry by key in `table`; `entity` names it in the error.
pub(crate) fn id_for_key(conn: &Connection, table: Table, key: &str) -> Result<i64> {
    let key = key.trim();
    if key.is_empty() {
        return Err(CoreError::invalid(table.entity(), table.choose()));
    }
    conn.prepare_cached(table.lookup_sql())?
        .query_row([key], |r| r.get(0))
        .optional()?
        .ok_or_else(|| CoreError::not_found(table.entity(), key))
}

/// The id of a live `key` in `table`; or, when the record being edited already names it (`already`), of an
/// archived one: archiving an entry stops its new use, it must not make old actions or people uneditable.
pub(crate) fn id_for_key_keeping(conn: &Connection, table: Table, key: &str, already: bool) -> Result<i64> {
    match id_for_key(conn, table, key) {
        Err(CoreError::NotFound { .. }) if already => {
            let sql = table.lookup_sql().replace(" AND archived = 0", "");
            conn.prepare_cached(&sql)?
                .query_row([key.trim()], |r| r.get(0))
                .optional()?
                .ok_or_else(|| CoreError::not_found(table.entity(), key.trim()))
        }
        other => other,
    }
}

/// The catalogue tables that are looked up by key.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Table {
    Category,
    Channel,
    Layer,
    Unit,
    Value,
}

impl Table {
    fn entity(self) -> &'static str {
        match self {
            Table::Category => "category",
            Table::Channel => "channel",
            Table::Layer => "layer",
            Table::Unit => "unit",
            Table::Value => "value",
        }
    }

    /// "choose a category", asked when no key was given.
    fn choose(self) -> Msg {
        match self {
            Table::Category => Msg::new("catalog.choose.category"),
            Table::Channel => Msg::new("catalog.choose.channel"),
            Table::Layer => Msg::new("catalog.choose.layer"),
            Table::Unit => Msg::new("catalog.choose.unit"),
            Table::Value => Msg::new("catalog.choose.value"),
        }
    }

    fn lookup_sql(self) -> &'static str {
        match self {
            Table::Category => "SELECT id FROM categories WHERE key = ?1 AND archived = 0",
            Table::Channel => "SELECT id FROM channels WHERE key = ?1 AND archived = 0",
            Table::Layer => "SELECT id FROM layers WHERE key = ?1 AND archived = 0",
            Table::Unit => "SELECT id FROM units WHERE key = ?1 AND archived = 0",
            Table::Value => "SELECT id FROM value_items WHERE key = ?1 AND archived = 0",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_kebab_case() {
        assert_eq!(key_from_label("  Customer focus! "), "customer-focus");
        assert_eq!(key_from_label("Eerlijk & open"), "eerlijk-open");
    }

    #[test]
    fn new_database_has_defaults() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut db = Db::open_dir(dir.path()).expect("open");
        let catalog = db.catalog().expect("catalog");
        let keys: Vec<_> = catalog.categories.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(keys, vec!["open-communication", "visible-participation", "follow-up"]);
        assert_eq!(catalog.layers.len(), DEFAULT_LAYERS.len());
        assert!(catalog.channels.iter().any(|c| c.key == "customer-visit" && c.external));
        let v = db.add_value("Customer focus", "value").expect("value");
        assert_eq!(v.key, "customer-focus");
        let again = db.add_value("Customer focus", "value").expect("same value");
        assert_eq!(again.id, v.id);
        assert!(db.add_value("  ", "value").is_err());
        drop(db);
        // Reopening does not seed twice.
        let db = Db::open_dir(dir.path()).expect("reopen");
        assert_eq!(db.catalog().expect("catalog").categories.len(), 3);
    }
}
