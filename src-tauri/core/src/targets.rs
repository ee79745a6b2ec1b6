//! Targets, rhythm and absences on the desktop's database: [`Db`]'s methods, which call `service::rhythm`
//! with the SQLite store. The types are `domain::targets`'s.


use crate::db::Db;
use crate::error::Result;
use crate::service::rhythm as service;
use crate::store::Store;

pub use crate::domain::targets::{default_target, Absence, CategoryTarget, Per, Target};

impl Db {
    /// Sets a person's target for a category, from their today on.
    pub fn set_target(&mut self, person: &str, category: &str, times: u32, per: Per) -> Result<CategoryTarget> {
        let now = self.clock.now();
        service::set_target(self, now, person, category, times, per)
    }

    /// A person's target for every active category, defaults filled in.
    pub fn targets(&self, person_id: i64) -> Result<Vec<CategoryTarget>> {
        service::targets(&self.reader(), person_id)
    }

    /// Records a planned absence.
    pub fn add_absence(&mut self, person: &str, from: &str, to: &str, reason: &str) -> Result<Absence> {
        service::add_absence(self, person, from, to, reason)
    }

    /// Removes an absence.
    pub fn delete_absence(&mut self, id: i64) -> Result<()> {
        service::delete_absence(self, id)
    }

    /// Absences of one person (id or name) or of everyone, by start date.
    pub fn absences(&self, person: Option<&str>) -> Result<Vec<Absence>> {
        service::absences(&self.reader(), person)
    }

    /// Updates a person's working days and day start.
    pub fn set_schedule(&mut self, person: &str, working_days: Option<&[String]>, day_start: Option<&str>) -> Result<crate::Person> {
        let now = self.clock.now();
        service::set_schedule(self, now, person, working_days, day_start)
    }
}
