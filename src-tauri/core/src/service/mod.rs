//! Services: each area's input validation and rules, written against the storage ports (`crate::store`) and
//! never against a store. [`crate::Db`]'s methods call them with the SQLite store; their unit tests run them
//! on the in-memory store and on SQLite and expect the same answers. Areas move here one by one (#12).

pub mod people;
pub mod rhythm;
pub mod catalogue;
pub mod actions;
pub mod followups;
pub mod inbox;
pub mod rules;
pub mod reminders;
pub mod language;
pub mod stats;
pub mod transfer;
