//! The one error type of cadence-core.
//!
//! Every fallible core function returns [`CoreError`]. Its variants are what a caller can act on
//! (show a message next to a field, offer a recovery screen, retry); the app crate serialises it to
//! `{ kind, message, field? }` for the UI and the CLI prints its `Display` as one line.

use std::path::PathBuf;

/// Errors of the core, typed so the UI can branch on them.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// A referenced record does not exist (unknown person, category, channel, ...).
    #[error("{entity} not found: {key}")]
    NotFound { entity: &'static str, key: String },

    /// Input failed validation; `field` names the input that is wrong.
    #[error("{field}: {reason}")]
    Invalid { field: &'static str, reason: String },

    /// The request clashes with existing data (a duplicate name or key, a state that forbids it).
    #[error("{0}")]
    Conflict(String),

    /// The data file exists but is not a Cadence database; it has been left untouched.
    #[error("{} is not a Cadence database ({reason}); the file was left untouched", path.display())]
    NotCadence { path: PathBuf, reason: String },

    /// The data file was written by a newer Cadence; it has been left untouched.
    #[error(
        "{} has schema version {found}, newer than this Cadence supports ({supported}); \
         the file was left untouched, update Cadence to open it",
        path.display()
    )]
    TooNew { path: PathBuf, found: i64, supported: i64 },

    /// The data file cannot be opened or read at all.
    #[error("cannot read {}: {reason}; the file was left untouched", path.display())]
    Unreadable { path: PathBuf, reason: String },

    /// A file being imported is wrong at a line (and field); nothing was imported.
    #[error("{}{field}: {reason}; nothing was imported", line.map(|l| format!("line {l}, ")).unwrap_or_default())]
    Import { line: Option<usize>, field: String, reason: String },

    /// The database file fails SQLite's integrity check; it has been left untouched.
    #[error("{} is damaged ({reason}); it was left untouched, restore a backup", path.display())]
    Corrupt { path: PathBuf, reason: String },

    /// SQLite failed while working on a database that did open.
    #[error("storage error: {0}")]
    Storage(#[from] rusqlite::Error),

    /// A schema migration failed; the backup taken before it is named.
    #[error("migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),

    /// File-system trouble outside SQLite (data folder, backups).
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
}

impl CoreError {
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

    pub(crate) fn invalid(field: &'static str, reason: impl Into<String>) -> Self {
        CoreError::Invalid { field, reason: reason.into() }
    }

    pub(crate) fn not_found(entity: &'static str, key: impl Into<String>) -> Self {
        CoreError::NotFound { entity, key: key.into() }
    }
}

/// Result alias used throughout the core.
pub type Result<T, E = CoreError> = std::result::Result<T, E>;
