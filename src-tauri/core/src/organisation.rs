//! Editing the organisation on the desktop's database: catalogue entries (`service::catalogue`) and people
//! (`service::people`), through [`Db`] with the SQLite store.

use crate::db::Db;
use crate::error::Result;
use crate::model::{NewPerson, Person};
use crate::service::{catalogue, people};
use crate::store::Store;

pub use crate::domain::catalogue::CatalogPatch;

impl Db {
    /// Adds an entry to a catalogue list; returns its key (derived from the label).
    pub fn add_catalog_entry(&mut self, list: &str, label: &str, patch: &CatalogPatch) -> Result<String> {
        catalogue::add_entry(self, list, label, patch)
    }

    /// Renames, recolours, (un)archives or rescopes an entry. Its key, and so its history, stay.
    pub fn update_catalog_entry(&mut self, list: &str, key: &str, patch: &CatalogPatch) -> Result<()> {
        catalogue::update_entry(self, list, key, patch)
    }

    /// Edits a person: name, role, layer, unit and time zone (working days and day start: `set_schedule`).
    pub fn update_person(&mut self, person: &str, input: &NewPerson) -> Result<Person> {
        people::update(self, person, input)
    }

    /// The whole catalogue, archived entries included (for the organisation settings and history labels).
    pub fn catalog_all(&self) -> Result<crate::model::Catalog> {
        catalogue::catalog_all(&self.reader())
    }
}
