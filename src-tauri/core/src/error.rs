//! The one error type of cadence-core.
//!
//! Every fallible core function returns [`CoreError`]. Its variants are what a caller can act on
//! (show a message next to a field, offer a recovery screen, retry); the app crate serialises it to
//! `{ kind, message, field? }` for the UI and the CLI prints its `Display` as one line. Messages are
//! catalogue texts (crate::i18n::Msg): [`CoreError::message`] tells them in English or Dutch.

use std::path::{Path, PathBuf};

use crate::i18n::{field_name, Locale, Msg};

/// What a store reported when it failed: its own words, and whether it found the file damaged. The store
/// adapter makes it (`store::sqlite` from SQLite's errors), so no storage type reaches the public error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreFailure {
    pub message: String,
    /// The file is damaged ("database disk image is malformed", "not a database").
    pub damage: bool,
}

impl std::fmt::Display for StoreFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for StoreFailure {}

/// Errors of the core, typed so the UI can branch on them. Every message is a catalogue text ([`Msg`]),
/// so it can be shown in English or Dutch with [`CoreError::message`]; `Display` is the English one.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// A referenced record does not exist (unknown person, category, channel, ...).
    NotFound { entity: &'static str, key: String },

    /// Input failed validation; `field` names the input that is wrong.
    Invalid { field: &'static str, reason: Msg },

    /// The request clashes with existing data (a duplicate name or key, a state that forbids it).
    Conflict(Msg),

    /// The data file exists but is not a Cadence database; it has been left untouched.
    NotCadence { path: PathBuf, reason: Msg },

    /// The data file was written by a newer Cadence; it has been left untouched.
    TooNew { path: PathBuf, found: i64, supported: i64 },

    /// The data file cannot be opened or read at all.
    Unreadable { path: PathBuf, reason: Msg },

    /// A file being imported is wrong at a line (and field); nothing was imported.
    Import { line: Option<usize>, field: String, reason: Msg },

    /// The database file fails SQLite's integrity check; it has been left untouched.
    Corrupt { path: PathBuf, reason: Msg },

    /// The store failed while working on a database that did open.
    Storage(#[source] StoreFailure),

    /// A schema migration failed; the backup taken before it is named.
    Migration(#[source] StoreFailure),

    /// File-system trouble outside SQLite (data folder, backups).
    Io {
        context: Msg,
        #[source]
        source: std::io::Error,
    },
}

impl std::fmt::Display for CoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl CoreError {
    /// SQLite found the file damaged while working on it ("database disk image is malformed", "not a
    /// database"): the caller stops writing to it and offers recovery, as for a file that failed to open.
    pub fn is_damage(&self) -> bool {
        match self {
            CoreError::Corrupt { .. } => true,
            CoreError::Storage(e) | CoreError::Migration(e) => e.damage,
            _ => false,
        }
    }

    /// Whether this error says the database at `path` is damaged: SQLite's own finding on a connection to it,
    /// or a failed check naming that file (not a backup or an import being read).
    pub fn is_damage_of(&self, path: &Path) -> bool {
        match self {
            CoreError::Corrupt { path: p, .. } => p == path,
            CoreError::Storage(e) | CoreError::Migration(e) => e.damage,
            _ => false,
        }
    }

    /// A stable, machine-readable name of the variant, used by the UI to branch.
    pub fn kind(&self) -> &'static str {
        match self {
            CoreError::NotFound { .. } => "notFound",
            CoreError::Invalid { .. } => "invalid",
            CoreError::Conflict(_) => "conflict",
            CoreError::NotCadence { .. } => "notCadence",
            CoreError::TooNew { .. } => "tooNew",
            CoreError::Unreadable { .. } => "unreadable",
            CoreError::Import { .. } => "import",
            CoreError::Corrupt { .. } => "corrupt",
            CoreError::Storage(_) => "storage",
            CoreError::Migration(_) => "migration",
            CoreError::Io { .. } => "io",
        }
    }

    /// The input field an `Invalid` or `NotFound` error belongs to, if any.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            CoreError::Invalid { field, .. } => Some(field),
            CoreError::NotFound { entity, .. } => Some(entity),
            _ => None,
        }
    }

    /// True when the database could not be opened and the app must show its error screen.
    pub fn is_open_failure(&self) -> bool {
        matches!(
            self,
            CoreError::NotCadence { .. } | CoreError::TooNew { .. } | CoreError::Unreadable { .. } | CoreError::Corrupt { .. }
        )
    }

    /// The whole one-line message in `locale`. The text of SQLite, the OS or a parser inside it stays as
    /// they give it; names of fields and records are translated.
    pub fn message(&self, locale: Locale) -> String {
        let path = |p: &Path| p.display().to_string();
        let msg = match self {
            CoreError::NotFound { entity, key } => {
                Msg::new("error.not_found").arg("entity", field_name(locale, entity)).arg("key", key)
            }
            CoreError::Invalid { field, reason } => {
                Msg::new("error.invalid").arg("field", field_name(locale, field)).arg("reason", reason.text(locale))
            }
            CoreError::Conflict(reason) => return reason.text(locale),
            CoreError::NotCadence { path: p, reason } => {
                Msg::new("error.not_cadence").arg("path", path(p)).arg("reason", reason.text(locale))
            }
            CoreError::TooNew { path: p, found, supported } => {
                Msg::new("error.too_new").arg("path", path(p)).arg("found", found).arg("supported", supported)
            }
            CoreError::Unreadable { path: p, reason } => {
                Msg::new("error.unreadable").arg("path", path(p)).arg("reason", reason.text(locale))
            }
            CoreError::Import { line, field, reason } => {
                let msg = match line {
                    Some(line) => Msg::new("error.import_line").arg("line", line),
                    None => Msg::new("error.import"),
                };
                msg.arg("field", field_name(locale, field)).arg("reason", reason.text(locale))
            }
            CoreError::Corrupt { path: p, reason } => {
                Msg::new("error.corrupt").arg("path", path(p)).arg("reason", reason.text(locale))
            }
            CoreError::Storage(e) => Msg::new("error.storage").arg("error", e),
            CoreError::Migration(e) => Msg::new("error.migration").arg("error", e),
            CoreError::Io { context, source } => Msg::new("error.io").arg("context", context.text(locale)).arg("error", source),
        };
        msg.text(locale)
    }

    pub(crate) fn invalid(field: &'static str, reason: Msg) -> Self {
        CoreError::Invalid { field, reason }
    }

    /// `entity` is also the field the error belongs to; it is translated as a name (`name.person`).
    pub(crate) fn not_found(entity: &'static str, key: impl Into<String>) -> Self {
        CoreError::NotFound { entity, key: key.into() }
    }
}

/// Result alias used throughout the core.
pub type Result<T, E = CoreError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    fn io_error() -> std::io::Error {
        std::io::Error::new(std::io::ErrorKind::PermissionDenied, "permission denied")
    }

    /// `Display` is the English message, word for word what Cadence said before messages had keys.
    #[test]
    fn english_messages_are_unchanged() {
        let p = PathBuf::from("/data/cadence.sqlite3");
        let cases: Vec<(CoreError, &str)> = vec![
            (CoreError::not_found("person", "Piet"), "person not found: Piet"),
            (CoreError::not_found("deleted action", "7"), "deleted action not found: 7"),
            (
                CoreError::invalid("note", Msg::new("action.note.too_long").arg("length", 4100).arg("max", 4000)),
                "note: is 4100 characters; the limit is 4000",
            ),
            (CoreError::Conflict(Msg::new("person.exists").arg("name", "Anna")), "a person named 'Anna' already exists"),
            (
                CoreError::NotCadence { path: p.clone(), reason: Msg::new("db.other_program") },
                "/data/cadence.sqlite3 is not a Cadence database (it belongs to another program); the file was left untouched",
            ),
            (
                CoreError::TooNew { path: p.clone(), found: 999, supported: 9 },
                "/data/cadence.sqlite3 has schema version 999, newer than this Cadence supports (9); the file was left \
                 untouched, update Cadence to open it",
            ),
            (
                CoreError::Unreadable { path: p.clone(), reason: Msg::new("db.folder") },
                "cannot read /data/cadence.sqlite3: it is a folder; the file was left untouched",
            ),
            (
                CoreError::Import { line: Some(3), field: "date".into(), reason: Msg::new("date.invalid").arg("text", "13/01") },
                "line 3, date: '13/01' is not a valid date (use YYYY-MM-DD); nothing was imported",
            ),
            (
                CoreError::Import { line: None, field: "people[0].tz".into(), reason: Msg::new("import.tz.unknown").arg("tz", "Mars") },
                "people[0].tz: unknown time zone 'Mars'; nothing was imported",
            ),
            (
                CoreError::Corrupt { path: p.clone(), reason: Msg::new("db.integrity").arg("detail", "row 3 missing") },
                "/data/cadence.sqlite3 is damaged (integrity check failed: row 3 missing); it was left untouched, restore a backup",
            ),
            (
                CoreError::Io { context: Msg::new("io.create").arg("path", "/data/backups"), source: io_error() },
                "cannot create /data/backups: permission denied",
            ),
            (CoreError::Storage(StoreFailure { message: "disk I/O error".into(), damage: false }), "storage error: disk I/O error"),
        ];
        for (e, english) in cases {
            assert_eq!(e.to_string(), english);
            assert_eq!(e.message(Locale::En), english);
        }
    }

    #[test]
    fn dutch_messages_translate_names_and_keep_outside_text() {
        let e = CoreError::invalid("workingDays", Msg::new("working_days.none"));
        assert_eq!(e.message(Locale::Nl), "werkdagen: kies minstens één werkdag");
        assert_eq!(e.field(), Some("workingDays"));
        assert_eq!(CoreError::not_found("person", "Piet").message(Locale::Nl), "persoon niet gevonden: Piet");
        let e = CoreError::Import { line: Some(2), field: "person".into(), reason: Msg::new("import.not_found").arg("key", "Piet") };
        assert_eq!(e.message(Locale::Nl), "regel 2, persoon: 'Piet' niet gevonden; er is niets geïmporteerd");
        let e = CoreError::Io { context: Msg::new("io.write_csv"), source: io_error() };
        assert_eq!(e.message(Locale::Nl), "kan de CSV niet schrijven: permission denied");
        let e = CoreError::Unreadable { path: PathBuf::from("/x"), reason: Msg::external("disk I/O error") };
        assert_eq!(e.message(Locale::Nl), "kan /x niet lezen: disk I/O error; het bestand is niet aangeraakt");
    }
}
