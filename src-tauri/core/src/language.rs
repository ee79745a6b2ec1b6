//! The language setting: which language the person chose (or "as the system"), where it is stored, and
//! what changes when it does. Here and not in `i18n`, so that the catalogues import nothing of the store or
//! of the error type (`i18n` is a leaf: `error`, `time` and `db` use it, it uses none of them).

use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::i18n::{Locale, Msg};

/// What the user chose: follow the OS, or a fixed language.
pub fn parse_pref(pref: &str) -> Result<Option<Locale>> {
    match pref.trim() {
        "system" | "" => Ok(None),
        "en" => Ok(Some(Locale::En)),
        "nl" => Ok(Some(Locale::Nl)),
        other => Err(CoreError::invalid("locale", Msg::new("locale.unknown").arg("pref", other))),
    }
}

/// The language stored in a database file, read without opening it for writing (the CLI lists backups
/// before, or without, opening the database). `None` when there is no readable choice.
pub fn stored_locale(db_file: &std::path::Path) -> Option<Locale> {
    use rusqlite::{Connection, OpenFlags};
    let conn = Connection::open_with_flags(db_file, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX).ok()?;
    // Schema v7 keeps it with this device's settings; an older file (a backup) in the shared ones.
    let read = |table: &str| conn.query_row(&format!("SELECT value FROM {table} WHERE key = 'locale'"), [], |r| r.get::<_, String>(0)).ok();
    let pref = read("device_settings").or_else(|| read("settings"))?;
    parse_pref(&pref).ok().flatten()
}

impl Db {
    /// The stored language choice: `None` means "as the system".
    pub fn locale_pref(&self) -> Result<Option<Locale>> {
        Ok(self.device_setting("locale")?.and_then(|v| parse_pref(&v).ok().flatten()))
    }

    /// The language in use: the choice, or the OS locale.
    pub fn locale(&self) -> Locale {
        self.locale_pref().ok().flatten().unwrap_or_else(Locale::os)
    }

    /// Stores `system`, `en` or `nl` and returns the language now in use.
    pub fn set_locale_pref(&mut self, pref: &str) -> Result<Locale> {
        let choice = parse_pref(pref)?;
        self.write(|tx| {
            match choice {
                Some(l) => crate::db::put_device_setting(tx, "locale", l.tag()),
                None => Ok(tx.execute("DELETE FROM device_settings WHERE key = 'locale'", []).map(drop)?),
            }
        })?;
        let now = self.locale();
        self.localise_defaults(now)?;
        Ok(now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_choice_is_system_english_or_dutch() {
        assert_eq!(parse_pref("system").unwrap(), None);
        assert_eq!(parse_pref(" ").unwrap(), None);
        assert_eq!(parse_pref("en").unwrap(), Some(Locale::En));
        assert_eq!(parse_pref("nl").unwrap(), Some(Locale::Nl));
        assert!(parse_pref("fr").is_err());
    }
}
