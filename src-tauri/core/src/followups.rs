//! Follow-ups on the desktop's database: [`Db`]'s methods, which call `service::followups` with the SQLite
//! store. The types are `domain::followups`'s.

use chrono::NaiveDate;

use crate::db::Db;
use crate::error::Result;
use crate::model::Action;
use crate::service::followups as service;
use crate::store::Store;

pub use crate::domain::catalogue::FOLLOW_UP_ROLE;
pub use crate::domain::followups::{FollowThrough, Followup, FollowupEdit, NewFollowup, MAX_FOLLOWUP};

impl Db {
    /// Records a promise.
    pub fn add_followup(&mut self, input: &NewFollowup) -> Result<Followup> {
        let now = self.clock.now();
        service::add(self, now, input)
    }

    /// One follow-up.
    pub fn followup(&self, id: i64) -> Result<Followup> {
        service::followup(&self.reader(), self.clock.now(), id)
    }

    /// Follow-ups of one person (or everyone), open and overdue first by due date, then done.
    /// `status` filters to `open` (includes overdue), `overdue` or `done`.
    pub fn followups(&self, person: Option<&str>, status: Option<&str>) -> Result<Vec<Followup>> {
        service::list(&self.reader(), self.clock.now(), person, status)
    }

    /// Changes a promise's text or due date (checked as a new one is).
    pub fn update_followup(&mut self, id: i64, edit: &FollowupEdit) -> Result<Followup> {
        let now = self.clock.now();
        service::update(self, now, id, edit)
    }

    /// Deletes a promise, kept aside for [`Db::restore_followup`] (undo) for
    /// [`crate::actions::UNDO_DAYS`] days. A closed promise's action stays: it happened. Returns what was deleted.
    pub fn delete_followup(&mut self, id: i64) -> Result<Followup> {
        let now = self.clock.now();
        service::delete(self, now, id)
    }

    /// Undoes [`Db::delete_followup`].
    pub fn restore_followup(&mut self, id: i64) -> Result<Followup> {
        let now = self.clock.now();
        service::restore(self, now, id)
    }

    /// Closes a promise and logs the `follow-up` action that keeps it. Returns both.
    pub fn close_followup(&mut self, id: i64, note: Option<&str>) -> Result<(Followup, Action)> {
        let (now, locale) = (self.clock.now(), self.locale());
        service::close(self, now, locale, id, note)
    }

    /// Follow-through of a person's promises as they stood at the end of `as_of`.
    pub fn follow_through(&self, person_id: i64, as_of: NaiveDate) -> Result<FollowThrough> {
        service::follow_through(&self.reader(), self.clock.now(), person_id, as_of)
    }
}
