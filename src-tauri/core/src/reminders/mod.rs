//! Reminder rules, their occurrences and the in-app inbox. The engine itself is pure ([`engine`]); the pass
//! that gathers its inputs, stores what fired (each key once, also across restarts) and answers the rules'
//! previews is `service::reminders`; here are [`Db`]'s methods, which call it with the SQLite store.

pub mod engine;
mod inbox;
pub mod notice;
pub(crate) mod preview;
pub(crate) mod validate;

pub use inbox::InboxItem;
pub use crate::domain::rules::{NewRule, ReminderRule};
pub use preview::next_fire;

use chrono::{DateTime, Utc};

use crate::db::Db;
use crate::error::Result;
use crate::service::reminders as service;
use crate::store::Store;
use engine::Due;

impl Db {
    /// Validates and stores a rule; returns it with its next fire time.
    pub fn add_rule(&mut self, input: &NewRule) -> Result<ReminderRule> {
        let now = self.clock.now();
        let id = crate::service::rules::add(self, now, input)?;
        self.rule(id)
    }

    /// Replaces a rule's settings (its occurrences so far stay).
    pub fn update_rule(&mut self, id: i64, input: &NewRule) -> Result<ReminderRule> {
        let now = self.clock.now();
        crate::service::rules::update(self, now, id, input)?;
        self.rule(id)
    }

    /// Pauses or resumes a rule.
    pub fn set_rule_paused(&mut self, id: i64, paused: bool) -> Result<ReminderRule> {
        let now = self.clock.now();
        crate::service::rules::set_paused(self, now, id, paused)?;
        self.rule(id)
    }

    /// Deletes a rule and its occurrences.
    pub fn delete_rule(&mut self, id: i64) -> Result<()> {
        crate::service::rules::delete(self, id)
    }

    /// One rule, with its next fire time.
    pub fn rule(&self, id: i64) -> Result<ReminderRule> {
        service::rule(&self.reader(), self.clock.now(), id, &|p, d| self.score_summary(p, d))
    }

    /// Every rule (for one person when given), with its next fire time.
    pub fn rules(&self, person: Option<&str>) -> Result<Vec<ReminderRule>> {
        service::rules(&self.reader(), self.clock.now(), person, &|p, d| self.score_summary(p, d))
    }

    /// What is due at `at` and why, without changing anything. `fired` tells whether it was already delivered
    /// (or passed over as missed); of the rest, only what a pass would deliver is listed.
    pub fn reminders_due(&self, at: DateTime<Utc>) -> Result<Vec<(Due, bool)>> {
        service::due(&self.reader(), at, &|p, d| self.score_summary(p, d))
    }

    /// One engine pass at the clock's now: stores new occurrences (each key once; the ones a catch-up passes
    /// over as missed), brings back snoozed ones whose time has come, and returns the entries to notify about.
    pub fn run_reminders(&mut self) -> Result<Vec<InboxItem>> {
        let now = self.clock.now();
        let found = service::found_at(&self.reader(), now, &|p, d| self.score_summary(p, d))?;
        service::run(self, now, found)
    }
}
