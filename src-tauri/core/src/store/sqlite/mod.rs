//! The SQLite adapter of the storage ports: the one place Cadence's SQL is meant to live (#12 moves each area
//! here in turn). [`Sql`] is the ports over a connection or an open transaction; [`crate::Db`] is the store, whose
//! unit of work is an IMMEDIATE transaction (joining an act's transaction when one is open).

pub mod actions;
pub mod backup;
pub mod catalog;
pub mod db;
pub mod followups;
pub mod health;
pub mod occurrences;
pub mod peek;
pub mod people;
pub mod rhythm;
pub mod rules;
pub mod stats;

use rusqlite::{Connection, OptionalExtension};

use crate::db::Db;
use crate::error::{CoreError, Result, StoreFailure};
use crate::store::{DeviceSettingsRepo, SettingsRepo, Store};

/// Whether SQLite's error says the file is damaged.
pub(crate) fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase))
}

impl From<rusqlite::Error> for CoreError {
    fn from(e: rusqlite::Error) -> CoreError {
        CoreError::Storage(StoreFailure { message: e.to_string(), damage: is_damage(&e) })
    }
}

impl From<rusqlite_migration::Error> for CoreError {
    fn from(e: rusqlite_migration::Error) -> CoreError {
        let damage = match &e {
            rusqlite_migration::Error::RusqliteError { err, .. } => is_damage(err),
            _ => false,
        };
        CoreError::Migration(StoreFailure { message: e.to_string(), damage })
    }
}

/// The ports over one SQLite connection (inside a transaction when writing).
pub struct Sql<'c>(pub(crate) &'c Connection);

impl Store for Db {
    type Repos<'a> = Sql<'a>;

    fn reader(&self) -> Sql<'_> {
        Sql(&self.conn)
    }

    fn act<T>(&mut self, f: impl FnOnce(&mut Sql<'_>) -> Result<T>) -> Result<T> {
        self.write(|tx| f(&mut Sql(tx)))
    }

    fn trial<T>(&mut self, f: impl FnOnce(&mut Sql<'_>) -> Result<T>) -> Result<T> {
        if self.in_act {
            // Inside a whole act: a savepoint, rolled back, leaves the act's own writes.
            let sp = self.conn.savepoint()?;
            let out = f(&mut Sql(&sp));
            sp.finish()?;
            return out;
        }
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let out = f(&mut Sql(&tx));
        tx.rollback()?;
        out
    }
}


impl DeviceSettingsRepo for Sql<'_> {
    fn device_setting(&self, key: &str) -> Result<Option<String>> {
        crate::db::device_setting_in(self.0, key)
    }

    fn put_device_setting(&mut self, key: &str, value: &str) -> Result<()> {
        crate::db::put_device_setting(self.0, key, value)
    }

    fn clear_device_setting(&mut self, key: &str) -> Result<()> {
        self.0.execute("DELETE FROM device_settings WHERE key = ?1", [key])?;
        Ok(())
    }
}

impl SettingsRepo for Sql<'_> {
    fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self.0.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?)
    }

    fn put_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.0.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_errors_become_store_failures_that_know_damage() {
        let corrupt = rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT), None);
        let e = CoreError::from(corrupt);
        assert!(e.is_damage() && e.kind() == "storage", "{e:?}");
        let not_db = rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_NOTADB), None);
        assert!(CoreError::from(not_db).is_damage());
        let busy = rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY), None);
        let e = CoreError::from(busy);
        assert!(!e.is_damage());
        assert_eq!(e.to_string(), "storage error: Error code 5: database is locked", "SQLite's own words, as rusqlite tells them");
        assert!(!CoreError::from(rusqlite::Error::QueryReturnedNoRows).is_damage());
    }
}
