//! Whether the database file is intact, at a cost that does not grow with the file on every open.
//!
//! Every open makes the cheap, decisive checks (`db::inspect`: the header, `application_id`, `user_version`,
//! that the schema reads). The full `PRAGMA quick_check` reads the whole file, so it runs only where it pays:
//! on demand (`cadence check`), in the app's background after the first paint and once a day, and at open
//! after an unclean shutdown. An unclean shutdown is seen through session markers: each open `Db` keeps a
//! `<file>.session-<pid>-<n>` beside the database and removes it when dropped; a marker whose process is gone
//! means that process ended without closing (a crash, SIGKILL, power loss).

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use rusqlite::{Connection, OpenFlags};

use crate::error::{CoreError, Result};
use crate::i18n::Msg;

/// Runs `PRAGMA quick_check` on `path` over a read-only connection of its own (so it can run beside the
/// app's connection, on another thread). A damaged file is a `Corrupt` error naming the first problem.
pub fn quick_check(path: &Path) -> Result<()> {
    let unreadable = |e: rusqlite::Error| CoreError::Unreadable { path: path.to_path_buf(), reason: Msg::external(e) };
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX).map_err(unreadable)?;
    let corrupt = |detail: String| CoreError::Corrupt { path: path.to_path_buf(), reason: Msg::new("db.integrity").arg("detail", detail) };
    let mut stmt = conn.prepare("PRAGMA quick_check").map_err(|e| corrupt_or(e, path))?;
    let lines: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(|e| corrupt_or(e, path))?;
    match lines.first().map(String::as_str) {
        Some("ok") => Ok(()),
        _ => {
            let first = lines
                .iter()
                .flat_map(|l| l.split(['\n', '*']))
                .map(str::trim)
                .find(|l| !l.is_empty() && !l.starts_with("in database"))
                .unwrap_or("")
                .chars()
                .take(120)
                .collect();
            Err(corrupt(first))
        }
    }
}

/// SQLite's "corrupt" or "not a database" as `Corrupt`; anything else as unreadable.
fn corrupt_or(e: rusqlite::Error, path: &Path) -> CoreError {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase) => {
            CoreError::Corrupt { path: path.to_path_buf(), reason: Msg::external(e) }
        }
        _ => CoreError::Unreadable { path: path.to_path_buf(), reason: Msg::external(e) },
    }
}

/// This process's marker that it has the database open; removed when dropped.
#[derive(Debug)]
pub(crate) struct Session(PathBuf);

static SESSIONS: AtomicU64 = AtomicU64::new(0);

impl Session {
    /// Starts a session on `db`: returns it, and whether an earlier session ended uncleanly (its marker left
    /// by a process that is gone). The caller checks the file in that case, and then calls [`Session::clear_stale`].
    pub(crate) fn start(db: &Path) -> (Session, bool) {
        let unclean = !stale_markers(db).is_empty();
        let n = SESSIONS.fetch_add(1, Ordering::Relaxed);
        let marker = crate::private::with_suffix(db, &format!(".session-{}-{n}", std::process::id()));
        // Best effort: a read-only folder only costs the unclean-shutdown check.
        let _ = crate::private::create_file(&marker);
        (Session(marker), unclean)
    }

    /// Removes the markers of sessions that ended uncleanly, once the file has been found intact.
    pub(crate) fn clear_stale(db: &Path) {
        for marker in stale_markers(db) {
            let _ = fs::remove_file(marker);
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
    }
}

/// Whether another running process has `db` open (its session marker is there and its process alive).
pub fn open_elsewhere(db: &Path) -> bool {
    markers(db).into_iter().any(|(pid, _)| pid != std::process::id() && alive(pid))
}

/// Markers beside `db` whose process is no longer running.
fn stale_markers(db: &Path) -> Vec<PathBuf> {
    markers(db).into_iter().filter(|(pid, _)| !alive(*pid)).map(|(_, p)| p).collect()
}

/// Every session marker beside `db`, with its process id.
fn markers(db: &Path) -> Vec<(u32, PathBuf)> {
    let (Some(dir), Some(file)) = (db.parent(), db.file_name()) else { return Vec::new() };
    let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
    let prefix = format!("{}.session-", file.to_string_lossy());
    let Ok(entries) = fs::read_dir(dir) else { return Vec::new() };
    entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let pid: u32 = name.strip_prefix(&prefix)?.split('-').next()?.parse().ok()?;
            Some((pid, e.path()))
        })
        .collect()
}

/// Whether process `pid` is running (this process always is).
fn alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    #[cfg(target_os = "linux")]
    {
        Path::new("/proc").join(pid.to_string()).exists()
    }
    #[cfg(all(unix, not(target_os = "linux")))]
    {
        // No /proc: `kill -0` tells whether the process exists (no unsafe code in this project).
        std::process::Command::new("kill").args(["-0", &pid.to_string()]).stderr(std::process::Stdio::null()).status().is_ok_and(|s| s.success())
    }
    #[cfg(not(unix))]
    {
        // No cheap, dependable test here: treat the marker as live, so only `cadence check` and the app's
        // background check look at the file.
        let _ = pid;
        true
    }
}
