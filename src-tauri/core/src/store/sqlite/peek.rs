//! Reading a database file without opening it as a store: what the CLI needs before, or without, opening
//! the database (the language to speak in while it lists backups).

use rusqlite::{Connection, OpenFlags};

use crate::i18n::Locale;

/// The language stored in a database file, read without opening it for writing. `None` when there is no
/// readable choice.
pub fn stored_locale(db_file: &std::path::Path) -> Option<Locale> {
    let conn = Connection::open_with_flags(db_file, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX).ok()?;
    // Schema v7 keeps it with this device's settings; an older file (a backup) in the shared ones.
    let read = |table: &str| conn.query_row(&format!("SELECT value FROM {table} WHERE key = 'locale'"), [], |r| r.get::<_, String>(0)).ok();
    let pref = read("device_settings").or_else(|| read("settings"))?;
    crate::service::language::parse_pref(&pref).ok().flatten()
}
