//! cadence-core: everything Cadence knows, with no window attached.
//!
//! `domain/` holds plain types and pure rules, `service/` each area's validation and rules over the storage
//! ports of `store/`, whose `store/sqlite/` adapter holds the SQL (a second, in-memory adapter runs the
//! services' tests). [`Db`] opens and migrates the desktop's SQLite file and is the store the app uses; its
//! methods call the services. Areas not moved behind the ports yet (reminders, statistics queries, transfer)
//! still reach SQLite from their own modules. The desktop app and its CLI are thin adapters over [`Db`];
//! nothing in this crate depends on Tauri.

pub mod actions;
pub mod catalog;
pub mod days;
pub mod domain;
pub mod demo;
pub mod error;
mod failpoint;
pub mod followups;
pub mod i18n;
pub mod language;
pub mod model;
pub mod organisation;
pub mod os_zone;
pub mod paths;
pub mod people;
pub mod private;
pub mod reminders;
pub mod review;
pub mod service;
pub mod stats;
pub mod store;
pub mod sync;
pub mod targets;
pub mod time;
pub mod transfer;

// Opening the file, its health and its backups are the SQLite adapter's; their old paths stay.
pub use store::sqlite::backup;
pub use store::sqlite::db;
pub use store::sqlite::health;
pub use db::Db;
pub use error::{CoreError, Result, StoreFailure};
pub use i18n::{Locale, Msg};
pub use followups::{FollowThrough, Followup, FollowupEdit, NewFollowup};
pub use model::*;
pub use reminders::{InboxItem, NewRule, ReminderRule};
pub use stats::{Stats, StatsQuery, TeamRow};
pub use targets::{Absence, CategoryTarget, Per, Target};
