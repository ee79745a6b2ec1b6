//! Opening the one SQLite file safely: validate read-only first, back up, migrate, then write.
//!
//! A file that is not a Cadence database, is unreadable or was written by a newer Cadence is only ever
//! opened read-only, so it is left byte-for-byte untouched. Migrations are numbered SQL files applied by
//! rusqlite_migration on `user_version`; before any migration of an existing file, a copy is taken with
//! SQLite's online backup API into `backups/`.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::{Migrations, M};

use crate::error::{CoreError, Result};
use crate::i18n::Msg;
use crate::time::{Clock, SystemClock};

/// `PRAGMA application_id` of every Cadence database ("CDNC").
pub const APPLICATION_ID: i64 = 0x4344_4E43;

/// The file name of the database inside the data folder.
pub const DB_FILE: &str = "cadence.sqlite3";

static MIGRATIONS: LazyLock<Migrations<'static>> =
    LazyLock::new(|| Migrations::new(MIGRATION_SQL.iter().map(|sql| M::up(sql)).collect()));

/// The numbered migrations, in order; version N is the state after the N-th.
const MIGRATION_SQL: [&str; 10] = [
    include_str!("../../../migrations/001_init.sql"),
    include_str!("../../../migrations/002_reminders.sql"),
    include_str!("../../../migrations/003_uids.sql"),
    include_str!("../../../migrations/004_history_and_reminders.sql"),
    include_str!("../../../migrations/005_category_roles.sql"),
    include_str!("../../../migrations/006_archive_and_trash.sql"),
    include_str!("../../../migrations/007_device_settings.sql"),
    include_str!("../../../migrations/008_uids_everywhere.sql"),
    include_str!("../../../migrations/009_notices.sql"),
    include_str!("../../../migrations/010_occurrence_uids.sql"),
];

/// The schema version this build writes.
pub fn schema_version() -> i64 {
    MIGRATION_SQL.len() as i64
}

/// An open, migrated Cadence database. All SQL of Cadence runs through this type.
pub struct Db {
    pub(crate) conn: Connection,
    path: PathBuf,
    pub(crate) clock: Box<dyn Clock>,
    /// The reminder engine's score summaries, valid while the file is unchanged (see `Db::score_summary`).
    pub(crate) score_cache: std::sync::Mutex<crate::stats::ScoreCache>,
    /// This process's marker that the file is open (see `health`); dropped after the connection.
    _session: crate::health::Session,
    /// Inside [`Db::atomically`]: writes join its transaction.
    pub(crate) in_act: bool,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db").field("path", &self.path).finish()
    }
}

impl Db {
    /// Opens (creating if needed) `cadence.sqlite3` inside `data_dir`.
    pub fn open_dir(data_dir: &Path) -> Result<Db> {
        Db::open_dir_with_clock(data_dir, Box::new(SystemClock))
    }

    /// Opens `cadence.sqlite3` inside `data_dir`, answering "now" from `clock`.
    pub fn open_dir_with_clock(data_dir: &Path, clock: Box<dyn Clock>) -> Result<Db> {
        crate::private::create_dir(data_dir).map_err(|source| CoreError::Io {
            context: Msg::new("io.create_data_folder").arg("path", data_dir.display()),
            source,
        })?;
        Db::open_with_clock(&data_dir.join(DB_FILE), clock)
    }

    /// Opens (creating if needed) the database file at `path` with the system clock.
    pub fn open(path: &Path) -> Result<Db> {
        Db::open_with_clock(path, Box::new(SystemClock))
    }

    /// Opens the database at `path`, answering "now" from `clock`. A damaged page SQLite meets while opening
    /// (the cheap checks passed) is a `Corrupt` error like the full check's, so the recovery screen offers a
    /// backup.
    pub fn open_with_clock(path: &Path, clock: Box<dyn Clock>) -> Result<Db> {
        Db::open_checked(path, clock).map_err(|e| match e {
            CoreError::Storage(s) | CoreError::Migration(s) if s.damage => {
                CoreError::Corrupt { path: path.to_path_buf(), reason: Msg::new("db.integrity").arg("detail", s) }
            }
            other => other,
        })
    }

    fn open_checked(path: &Path, clock: Box<dyn Clock>) -> Result<Db> {
        let existing = inspect(path)?;
        let (session, unclean) = crate::health::Session::start(path);
        if existing.is_some() && unclean {
            // A process ended without closing the file: read all of it before anything is written.
            crate::health::quick_check(path)?;
            crate::health::Session::clear_stale(path);
        }
        if let Some(version) = existing {
            if version < schema_version() && version > 0 {
                backup_before_migration(path, version, clock.as_ref())?;
            }
        }
        if existing.is_none() && !path.exists() {
            // A new database is owner-only from its first byte.
            crate::private::create_file(path).map_err(|e| unreadable(path, e))?;
        }
        let mut conn = Connection::open(path).map_err(|e| unreadable(path, e))?;
        configure(&conn)?;
        // The WAL and shared memory files exist now; an older, wider file is tightened too.
        crate::private::restrict_db(path).map_err(|source| CoreError::Io { context: Msg::new("io.write").arg("path", path.display()), source })?;
        MIGRATIONS.to_latest(&mut conn)?;
        let mut db = Db { conn, path: path.to_path_buf(), clock, score_cache: Default::default(), _session: session, in_act: false };
        db.seed_defaults()?;
        Ok(db)
    }

    /// The database file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the whole file for damage (`PRAGMA quick_check`, on a connection of its own): what `cadence check`
    /// runs. Its cost grows with the file, so opening does not do it (see `health`).
    pub fn check(&self) -> Result<()> {
        crate::health::quick_check(&self.path)
    }

    /// Closes the connection without the checkpoint SQLite makes on close: for a file found damaged, which
    /// must not be written to. Its WAL stays beside it, and recovery keeps the two aside together.
    pub fn abandon(self) {
        let _ = self.conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true);
        drop(self);
    }

    /// Replaces the clock (tests, `--as-of`).
    pub fn set_clock(&mut self, clock: Box<dyn Clock>) {
        self.clock = clock;
    }

    /// Runs `f` in an IMMEDIATE transaction: read-then-write code takes the write lock up front. Inside
    /// [`Db::atomically`] it joins that act's transaction instead, so the act commits or fails as one.
    pub(crate) fn write<T>(&mut self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        if self.in_act {
            return f(&self.conn);
        }
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// Runs `f` with a larger page cache (about 256 MB at most) for a bulk insert, set back afterwards.
    pub(crate) fn with_bulk_cache<T>(&mut self, f: impl FnOnce(&mut Db) -> Result<T>) -> Result<T> {
        self.conn.pragma_update(None, "cache_size", -262_144)?;
        let out = f(self);
        self.conn.pragma_update(None, "cache_size", -2_000)?;
        out
    }

    /// Runs a whole act (several writes a person sees as one, such as onboarding) in one transaction: every
    /// [`Db::write`] inside it joins, and an error anywhere rolls all of it back.
    pub(crate) fn atomically<T>(&mut self, f: impl FnOnce(&mut Db) -> Result<T>) -> Result<T> {
        if self.in_act {
            return f(self);
        }
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        self.in_act = true;
        let result = f(self).and_then(|out| self.conn.execute_batch("COMMIT").map(|()| out).map_err(CoreError::from));
        self.in_act = false;
        if result.is_err() && !self.conn.is_autocommit() {
            // Nothing of the act stays, also when COMMIT itself failed (busy, disk full): no later write may
            // join a transaction left open.
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        result
    }

    /// The app's keyboard shortcut for the quick log, when the user chose one.
    pub fn quicklog_shortcut(&self) -> Result<Option<String>> {
        self.device_setting("quicklog_shortcut")
    }

    /// Stores the quick-log shortcut (the app checks that it parses before calling this).
    pub fn set_quicklog_shortcut(&mut self, shortcut: &str) -> Result<()> {
        let shortcut = shortcut.trim();
        if shortcut.is_empty() || shortcut.len() > 60 {
            return Err(CoreError::invalid("shortcut", Msg::new("shortcut.invalid")));
        }
        self.write(|tx| put_device_setting(tx, "quicklog_shortcut", shortcut))
    }

    /// This device's id (schema v7 makes it), the third part of the versions of the changes made here
    /// (`crate::sync`). A file whose id is missing or unreadable gets a new one.
    pub fn device_id(&mut self) -> Result<crate::sync::DeviceId> {
        fn read(conn: &Connection) -> Result<Option<crate::sync::DeviceId>> {
            let hex = device_setting_in(conn, "device_id")?;
            Ok(hex.and_then(|h| u64::from_str_radix(&h, 16).ok()).filter(|id| *id != 0).map(crate::sync::DeviceId))
        }
        if let Some(id) = read(&self.conn)? {
            return Ok(id);
        }
        // Read again inside the write: of two processes that both found none, the second takes the first's.
        self.write(|tx| {
            if let Some(id) = read(tx)? {
                return Ok(id);
            }
            let id = crate::sync::DeviceId::random();
            put_device_setting(tx, "device_id", &format!("{:016x}", id.0))?;
            Ok(id)
        })
    }

    /// Reads a setting of this device (language, shortcut, who "I" am, the device id): never shared.
    pub(crate) fn device_setting(&self, key: &str) -> Result<Option<String>> {
        device_setting_in(&self.conn, key)
    }
}

/// This device's setting `key` on `conn` (a transaction too).
pub(crate) fn device_setting_in(conn: &Connection, key: &str) -> Result<Option<String>> {
    use rusqlite::OptionalExtension;
    Ok(conn.query_row("SELECT value FROM device_settings WHERE key = ?1", [key], |r| r.get(0)).optional()?)
}

/// Sets this device's setting `key` to `value` (inside the caller's transaction).
pub(crate) fn put_device_setting(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO device_settings (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, value],
    )?;
    Ok(())
}

/// Brings an open connection to the current schema (after a restore of an older backup).
pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    MIGRATIONS.to_latest(conn)?;
    Ok(())
}

/// Per-connection settings of DESIGN.md.
fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

/// The file cannot be read; `e` is the OS's or SQLite's own words.
fn unreadable(path: &Path, e: impl std::fmt::Display) -> CoreError {
    CoreError::Unreadable { path: path.to_path_buf(), reason: Msg::external(e) }
}

fn not_cadence(path: &Path, reason: Msg) -> CoreError {
    CoreError::NotCadence { path: path.to_path_buf(), reason }
}

/// Checks an existing file without writing to it. Returns its schema version, or `None` when there is
/// no file yet (or an empty one, which SQLite treats as a new database).
fn inspect(path: &Path) -> Result<Option<i64>> {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(unreadable(path, e)),
    };
    if meta.is_dir() {
        return Err(CoreError::Unreadable { path: path.to_path_buf(), reason: Msg::new("db.folder") });
    }
    if meta.len() == 0 {
        return Ok(None);
    }
    let mut header = [0u8; 16];
    let mut file = fs::File::open(path).map_err(|e| unreadable(path, e))?;
    let read = file.read(&mut header).map_err(|e| unreadable(path, e))?;
    if read < 16 || &header != b"SQLite format 3\0" {
        return Err(not_cadence(path, Msg::new("db.not_sqlite")));
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|e| unreadable(path, e))?;
    let read_header = |conn: &Connection| -> rusqlite::Result<(i64, i64, i64)> {
        let app_id: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        Ok((app_id, version, tables))
    };
    let (app_id, version, tables) = read_header(&conn).map_err(|e| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => not_cadence(path, Msg::new("db.not_sqlite")),
        Some(rusqlite::ErrorCode::DatabaseCorrupt) => CoreError::Corrupt { path: path.to_path_buf(), reason: Msg::external(e) },
        _ => unreadable(path, e),
    })?;
    if app_id != APPLICATION_ID {
        if app_id == 0 && tables == 0 {
            return Ok(None);
        }
        return Err(not_cadence(path, Msg::new("db.other_program")));
    }
    if version > schema_version() {
        return Err(CoreError::TooNew { path: path.to_path_buf(), found: version, supported: schema_version() });
    }
    Ok(Some(version))
}

/// Copies the database into `backups/` next to it with the online backup API.
fn backup_before_migration(path: &Path, version: i64, clock: &dyn Clock) -> Result<PathBuf> {
    let dir = path.parent().unwrap_or(Path::new(".")).join("backups");
    crate::private::create_dir(&dir)
        .map_err(|source| CoreError::Io { context: Msg::new("io.create").arg("path", dir.display()), source })?;
    let stamp = clock.now().format("%Y%m%dT%H%M%SZ");
    let target = dir.join(format!("pre-migration-v{version}-{stamp}.sqlite3"));
    let src = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|e| unreadable(path, e))?;
    crate::private::create_file(&target).map_err(|source| CoreError::Io { context: Msg::new("io.write").arg("path", target.display()), source })?;
    let mut dst = Connection::open(&target)?;
    let backup = rusqlite::backup::Backup::new(&src, &mut dst)?;
    backup.run_to_completion(256, Duration::from_millis(0), None)?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(MIGRATIONS.validate().is_ok());
    }

    #[test]
    fn schema_version_matches_migration_count() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = Db::open_dir(dir.path()).expect("open");
        let version: i64 = db.conn.pragma_query_value(None, "user_version", |r| r.get(0)).expect("version");
        assert_eq!(version, schema_version());
        let app_id: i64 = db.conn.pragma_query_value(None, "application_id", |r| r.get(0)).expect("app id");
        assert_eq!(app_id, APPLICATION_ID);
        let mode: String = db.conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).expect("mode");
        assert_eq!(mode, "wal");
        let fk: i64 = db.conn.pragma_query_value(None, "foreign_keys", |r| r.get(0)).expect("fk");
        assert_eq!(fk, 1);
    }
}
