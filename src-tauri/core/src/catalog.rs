//! The catalogue on the desktop's database: [`Db`]'s methods, which call `service::catalogue` with the SQLite
//! store. The defaults, the kinds and the label rules are `domain::catalogue`'s.

use crate::db::Db;
use crate::error::Result;
use crate::model::{Audience, Catalog, ValueItem};
use crate::service::catalogue as service;
use crate::store::Store;

pub use crate::domain::catalogue::{key_from_label, Table, DEFAULT_CATEGORIES, DEFAULT_CHANNELS, DEFAULT_LAYERS, MAX_LABEL};
pub(crate) use crate::domain::catalogue::clean_label;

impl Db {
    /// Inserts the default catalogue once, when the database is new.
    pub(crate) fn seed_defaults(&mut self) -> Result<()> {
        service::seed(self)
    }

    /// Gives the default entries the labels of `locale` where the user has not renamed them.
    pub(crate) fn localise_defaults(&mut self, locale: crate::Locale) -> Result<()> {
        service::localise(self, locale)
    }

    /// What can be chosen when logging for `person` (see [`service::catalog_for`]).
    pub fn catalog_for(&self, person: &str) -> Result<Catalog> {
        service::catalog_for(&self.reader(), person)
    }

    /// Everything that can be chosen when logging (archived entries excluded).
    pub fn catalog(&self) -> Result<Catalog> {
        service::catalog(&self.reader())
    }

    /// Adds a core value (`kind = "value"`) or strategic theme (`"theme"`); returns the stored entry.
    /// Adding a label that already exists returns the existing entry.
    pub fn add_value(&mut self, label: &str, kind: &str) -> Result<ValueItem> {
        service::add_value(self, label, kind)
    }

    /// Adds an organisational unit (or returns the existing one with that key).
    pub fn add_unit(&mut self, label: &str) -> Result<Audience> {
        service::add_unit(self, label)
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
