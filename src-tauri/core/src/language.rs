//! The language setting on the desktop's database: [`Db`]'s methods, which call `service::language` with the
//! SQLite store; `stored_locale` reads a file without opening it (`store::sqlite::peek`).

use crate::db::Db;
use crate::error::Result;
use crate::i18n::Locale;
use crate::service::language as service;
use crate::store::Store;

pub use crate::service::language::parse_pref;
pub use crate::store::sqlite::peek::stored_locale;

impl Db {
    /// The stored language choice: `None` means "as the system".
    pub fn locale_pref(&self) -> Result<Option<Locale>> {
        service::pref(&self.reader())
    }

    /// The language in use: the choice, or the OS locale.
    pub fn locale(&self) -> Locale {
        service::in_use(&self.reader(), Locale::os)
    }

    /// Stores `system`, `en` or `nl` and returns the language now in use.
    pub fn set_locale_pref(&mut self, pref: &str) -> Result<Locale> {
        service::set_pref(self, pref, Locale::os())
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
