//! Leadership actions on the desktop's database: [`Db`]'s methods, which call `service::actions` with the
//! SQLite store.

use chrono::NaiveDate;

use crate::db::Db;
use crate::error::Result;
use crate::model::{Action, ActionQuery, DayCount, NewAction};
use crate::service::actions as service;
use crate::store::Store;

pub use crate::service::actions::{MAX_NOTE, UNDO_DAYS};

impl Db {
    /// Validates and stores a new action; returns it as stored.
    pub fn log_action(&mut self, input: &NewAction) -> Result<Action> {
        let now = self.clock.now();
        service::log(self, now, input)
    }

    /// Replaces an action's fields (see [`service::update`]).
    pub fn update_action(&mut self, id: i64, input: &NewAction) -> Result<Action> {
        let now = self.clock.now();
        service::update(self, now, id, input)
    }

    /// Deletes an action, keeping it aside so that [`Db::restore_action`] can bring it back (undo).
    /// Returns what was deleted.
    pub fn delete_action(&mut self, id: i64) -> Result<Action> {
        let now = self.clock.now();
        service::delete(self, now, id)
    }

    /// Forgets deleted actions and follow-ups older than [`UNDO_DAYS`]. Called on every delete and by the
    /// daily maintenance.
    pub fn purge_undo(&mut self) -> Result<usize> {
        let now = self.clock.now();
        service::purge(self, now)
    }

    /// Undoes a delete: the action comes back under its own id.
    pub fn restore_action(&mut self, id: i64) -> Result<Action> {
        service::restore(self, id)
    }

    /// One (not deleted) action.
    pub fn action(&self, id: i64) -> Result<Action> {
        service::action(&self.reader(), id)
    }

    /// Actions matching `query`, oldest first.
    pub fn list_actions(&self, query: &ActionQuery) -> Result<Vec<Action>> {
        service::list(&self.reader(), query)
    }

    /// Number of actions per local date matching `query` (dates without actions are left out).
    pub fn day_counts(&self, query: &ActionQuery) -> Result<Vec<DayCount>> {
        service::day_counts(&self.reader(), query)
    }

    /// "Today" for a person: the local date now in their zone, after their day start.
    pub fn today(&self, person: &str) -> Result<NaiveDate> {
        service::today(&self.reader(), self.clock.now(), person)
    }
}
