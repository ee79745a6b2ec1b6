//! People on the desktop's database: [`Db`]'s person methods, which call `service::people` with the SQLite
//! store, and onboarding (the first person, the unit and the values as one act).

use crate::domain::catalogue::clean_label;
use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::i18n::Msg;
use crate::model::{NewPerson, Person};
use crate::service::people as service;
use crate::store::Store;

pub use crate::service::people::MAX_ROLE;
pub use crate::store::sqlite::people::PersonClock;

impl Db {
    /// Validates and stores a new person; returns them.
    pub fn add_person(&mut self, input: &NewPerson) -> Result<Person> {
        let now = self.clock.now();
        service::add(self, now, input)
    }

    /// Creates the app's own user and the organisation's values in one step (first run).
    pub fn onboard(&mut self, input: &NewPerson, values: &[String]) -> Result<Person> {
        if self.self_person()?.is_some() {
            return Err(CoreError::Conflict(Msg::new("onboarding.done")));
        }
        for v in values {
            clean_label("values", v)?;
        }
        // Everything is checked before the first write, so a bad form changes nothing; and the unit, the person,
        // the values and "this is me" are written as one act: all of them, or none.
        self.atomically(|db| db.onboard_checked(input, values))
    }

    fn onboard_checked(&mut self, input: &NewPerson, values: &[String]) -> Result<Person> {
        service::validate(&self.reader(), &NewPerson { unit: None, ..input.clone() })?;
        if let Some(unit) = input.unit.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
            clean_label("unit", unit)?;
            // Onboarding names the unit in words; make sure it exists.
            let key = self.add_unit(unit)?.key;
            let mut input = input.clone();
            input.unit = Some(key);
            return self.finish_onboarding(&input, values);
        }
        self.finish_onboarding(input, values)
    }

    fn finish_onboarding(&mut self, input: &NewPerson, values: &[String]) -> Result<Person> {
        let person = self.add_person(input)?;
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                crate::failpoint::check("onboard.values")
                    .map_err(|source| CoreError::Io { context: Msg::new("io.write").arg("path", "value_items"), source })?;
            }
            self.add_value(v, "value")?;
        }
        self.set_self(person.id)?;
        self.person(person.id)
    }

    /// Makes `id` the person using the app. Default category, channel and layer names not renamed yet
    /// take the app's language: a Dutch leader starts with Dutch names, however the app was set up.
    pub fn set_self(&mut self, id: i64) -> Result<()> {
        service::set_self(self, id)?;
        self.localise_defaults(self.locale())
    }

    /// The person using the app, once onboarding is done.
    pub fn self_person(&self) -> Result<Option<Person>> {
        service::self_person(&self.reader())
    }

    /// One person by id.
    pub fn person(&self, id: i64) -> Result<Person> {
        service::person(&self.reader(), id)
    }

    /// Everyone who has not been archived, by name: who the pickers, the team and reminders know.
    pub fn people(&self) -> Result<Vec<Person>> {
        service::people(&self.reader(), false)
    }

    /// Everyone, the archived too, by name (the organisation's list, where they can be restored).
    pub fn people_all(&self) -> Result<Vec<Person>> {
        service::people(&self.reader(), true)
    }

    /// Archives a person who left; see [`service::archive`].
    pub fn archive_person(&mut self, id: i64) -> Result<Person> {
        let now = self.clock.now();
        service::archive(self, now, id)
    }

    /// Brings an archived person back; see [`service::restore`].
    pub fn restore_person(&mut self, id: i64) -> Result<Person> {
        let now = self.clock.now();
        service::restore(self, now, id)
    }

    /// Resolves a person given as id or (case-insensitive) name.
    pub fn find_person(&self, id_or_name: &str) -> Result<Person> {
        service::find(&self.reader(), id_or_name)
    }

    /// The zone, day start and working days of a person.
    pub fn person_clock(&self, id: i64) -> Result<PersonClock> {
        crate::service::actions::person_clock(&self.reader(), id)
    }
}
