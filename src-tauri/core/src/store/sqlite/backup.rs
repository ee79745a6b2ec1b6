//! Backups with SQLite's online backup API: daily (7 kept) and weekly (4 kept) automatic copies, one before
//! every migration, import and restore, and on demand. Restoring validates the file first and keeps the
//! current database as a backup, so a restore can itself be undone.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Datelike, Utc};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use crate::db::{Db, APPLICATION_ID};
use crate::error::{CoreError, Result};
use crate::i18n::Msg;
use crate::private::with_suffix;

/// Daily backups kept.
pub const KEEP_DAILY: usize = 7;
/// Weekly backups kept.
pub const KEEP_WEEKLY: usize = 4;

/// A backup file and what it holds.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupInfo {
    pub file: String,
    pub path: String,
    /// `daily`, `weekly`, `pre-migration`, `pre-import`, `pre-restore`, `manual`.
    pub kind: String,
    pub created_at: String,
    pub bytes: u64,
    /// Whether it passes the integrity check and is a Cadence database this version can open.
    pub ok: bool,
    pub actions: Option<i64>,
}

fn io(context: Msg) -> impl FnOnce(std::io::Error) -> CoreError {
    move |source| CoreError::Io { context, source }
}

/// Copies `src` into a new file at `target` with the online backup API.
fn copy_db(src: &Connection, target: &Path) -> Result<()> {
    let tmp = target.with_extension("partial");
    let _ = fs::remove_file(&tmp);
    crate::private::create_file(&tmp).map_err(io(Msg::new("io.write").arg("path", tmp.display())))?;
    let copied = (|| -> Result<()> {
        let mut dst = Connection::open(&tmp)?;
        let backup = rusqlite::backup::Backup::new(src, &mut dst)?;
        backup.run_to_completion(512, Duration::from_millis(0), None)?;
        crate::failpoint::check("copy").map_err(io(Msg::new("io.write").arg("path", target.display())))?;
        crate::private::restrict_db(&tmp).map_err(io(Msg::new("io.write").arg("path", tmp.display())))
    })();
    if let Err(e) = copied {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    fs::rename(&tmp, target).map_err(io(Msg::new("io.write").arg("path", target.display())))
}

/// Keeps the newest `keep` backups whose names start with `prefix` (names sort by their timestamp).
fn prune(dir: &Path, prefix: &str, keep: usize) -> Result<()> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(io(Msg::new("io.read").arg("path", dir.display())))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(prefix) && n.to_string_lossy().ends_with(".sqlite3")))
        .collect();
    files.sort();
    let excess = files.len().saturating_sub(keep);
    for old in files.into_iter().take(excess) {
        let _ = fs::remove_file(old);
    }
    Ok(())
}

/// Checks a backup file without writing to it: a Cadence database, not too new, intact. Returns its action count.
pub fn validate(path: &Path) -> Result<i64> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|e| CoreError::Unreadable { path: path.to_path_buf(), reason: Msg::external(e) })?;
    let bad = |reason: Msg| CoreError::NotCadence { path: path.to_path_buf(), reason };
    let app_id: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).map_err(|e| bad(Msg::external(e)))?;
    if app_id != APPLICATION_ID {
        return Err(bad(Msg::new("db.not_cadence")));
    }
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version > crate::db::schema_version() {
        return Err(CoreError::TooNew { path: path.to_path_buf(), found: version, supported: crate::db::schema_version() });
    }
    let check: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| CoreError::Corrupt { path: path.to_path_buf(), reason: Msg::external(e) })?;
    if check != "ok" {
        return Err(CoreError::Corrupt { path: path.to_path_buf(), reason: Msg::external(check) });
    }
    Ok(conn.query_row("SELECT count(*) FROM actions", [], |r| r.get(0))?)
}

/// Lists the backups in a data folder, newest first, checking each.
pub fn list_in(data_dir: &Path) -> Result<Vec<BackupInfo>> {
    let dir = data_dir.join("backups");
    let Ok(entries) = fs::read_dir(&dir) else { return Ok(Vec::new()) };
    let mut out = Vec::new();
    let mut order = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        if !name.ends_with(".sqlite3") {
            continue;
        }
        let meta = entry.metadata().map_err(io(Msg::new("io.read").arg("path", path.display())))?;
        let modified: DateTime<Utc> = meta.modified().map(DateTime::from).unwrap_or_default();
        let kind = ["daily", "weekly", "pre-migration", "pre-import", "pre-restore", "pre-recovery"]
            .into_iter()
            .find(|k| name.starts_with(k))
            .unwrap_or("manual");
        let checked = validate(&path);
        order.push(meta.modified().ok());
        out.push(BackupInfo {
            file: name,
            path: path.display().to_string(),
            kind: kind.into(),
            created_at: modified.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            bytes: meta.len(),
            ok: checked.is_ok(),
            actions: checked.ok(),
        });
    }
    let mut paired: Vec<_> = order.into_iter().zip(out).collect();
    paired.sort_by(|(ta, a), (tb, b)| tb.cmp(ta).then(b.file.cmp(&a.file)));
    Ok(paired.into_iter().map(|(_, b)| b).collect())
}

/// The newest backup in a data folder that passes the check (for the recovery screen).
pub fn newest_good(data_dir: &Path) -> Result<Option<BackupInfo>> {
    Ok(list_in(data_dir)?.into_iter().find(|b| b.ok))
}

/// Replaces a damaged or unreadable database with a backup, so that at every moment the data folder holds
/// a database (the old one or the new one) and the damaged file is kept:
/// 1. the backup is copied to `cadence.sqlite3.recovering` and checked there (a failure leaves all as it was);
/// 2. the damaged file gets a second name, `cadence.sqlite3.broken-<stamp>` (a hard link: its bytes are not
///    copied, so a full disk cannot stop it), and its `-wal` and `-shm` move to that name with their suffix:
///    they belong to it, and must never be replayed into the backup;
/// 3. the checked copy is renamed over `cadence.sqlite3`, which replaces the file atomically.
///
/// Returns the name the damaged file is kept under (or, when there was none, the restored file).
pub fn recover(data_dir: &Path, backup: &Path) -> Result<PathBuf> {
    validate(backup)?;
    let db = data_dir.join(crate::db::DB_FILE);
    let fresh = data_dir.join("cadence.sqlite3.recovering");
    let src = Connection::open_with_flags(backup, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let copied = copy_db(&src, &fresh).and_then(|()| validate(&fresh).map(|_| ()));
    drop(src);
    if let Err(e) = copied {
        let _ = fs::remove_file(&fresh);
        return Err(e);
    }
    // A name no earlier recovery used (two within a second get -2, -3, ...): a kept file is never overwritten.
    let stamp = Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
    let kept = (1..)
        .map(|n| data_dir.join(if n == 1 { format!("cadence.sqlite3.broken-{stamp}") } else { format!("cadence.sqlite3.broken-{stamp}-{n}") }))
        .find(|p| !p.exists() && !with_suffix(p, "-wal").exists())
        .unwrap_or_else(|| data_dir.join(format!("cadence.sqlite3.broken-{stamp}")));
    let aside = |from: &Path, to: &Path| -> Result<()> {
        crate::failpoint::check("recover.aside").map_err(io(Msg::new("io.move_aside").arg("path", from.display())))?;
        fs::rename(from, to).map_err(io(Msg::new("io.move_aside").arg("path", from.display())))
    };
    let mut moved: Vec<(PathBuf, PathBuf)> = Vec::new();
    let mut linked = false;
    let result = (|| -> Result<()> {
        if db.exists() {
            crate::failpoint::check("recover.keep").map_err(io(Msg::new("io.move_aside").arg("path", db.display())))?;
            fs::hard_link(&db, &kept)
                .or_else(|e| if e.kind() == std::io::ErrorKind::AlreadyExists { Err(e) } else { fs::copy(&db, &kept).map(|_| ()) })
                .map_err(io(Msg::new("io.move_aside").arg("path", db.display())))?;
            linked = true;
        }
        // A rollback journal belongs to the damaged file as much as a WAL does: neither may be replayed.
        for suffix in ["-wal", "-shm", "-journal"] {
            let (side, to) = (with_suffix(&db, suffix), with_suffix(&kept, suffix));
            if side.exists() {
                aside(&side, &to)?;
                moved.push((to, side));
            }
        }
        crate::failpoint::check("recover.swap").map_err(io(Msg::new("io.write").arg("path", db.display())))?;
        fs::rename(&fresh, &db).map_err(io(Msg::new("io.write").arg("path", db.display())))
    })();
    if let Err(e) = result {
        // Put back what moved: the damaged file stays where it was, whole, with its own WAL.
        for (from, to) in moved.into_iter().rev() {
            let _ = fs::rename(from, to);
        }
        if linked {
            let _ = fs::remove_file(&kept);
        }
        let _ = fs::remove_file(&fresh);
        return Err(e);
    }
    Ok(if kept.exists() { kept } else { db })
}


impl Db {
    fn backups_dir(&self) -> Result<PathBuf> {
        let dir = self.path().parent().unwrap_or(Path::new(".")).join("backups");
        crate::private::create_dir(&dir).map_err(io(Msg::new("io.create").arg("path", dir.display())))?;
        Ok(dir)
    }

    /// Writes a backup to `path`.
    pub fn backup_to(&self, path: &Path) -> Result<PathBuf> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent).map_err(io(Msg::new("io.create").arg("path", parent.display())))?;
        }
        copy_db(&self.conn, path)?;
        Ok(path.to_path_buf())
    }

    /// Writes `backups/<kind>-<UTC timestamp>.sqlite3`. Those taken before an import, a restore or a
    /// migration rotate as daily ones do (the newest 7 of each kind kept); one the user asked for is kept.
    pub fn backup_named(&self, kind: &str) -> Result<PathBuf> {
        let stamp = self.clock.now().format("%Y%m%dT%H%M%S%.3fZ");
        let dir = self.backups_dir()?;
        let path = dir.join(format!("{kind}-{stamp}.sqlite3"));
        self.backup_to(&path)?;
        if kind != "manual" {
            prune(&dir, &format!("{kind}-"), KEEP_DAILY)?;
        }
        Ok(path)
    }

    /// Takes today's daily backup if there is none yet (and this week's weekly one), then prunes to
    /// 7 daily and 4 weekly. Returns the new backup, if one was taken.
    pub fn daily_backup(&self) -> Result<Option<PathBuf>> {
        let now = self.clock.now();
        let dir = self.backups_dir()?;
        let daily = self.daily_path(&dir);
        if daily.exists() {
            return Ok(None);
        }
        self.backup_to(&daily)?;
        let week = now.iso_week();
        let weekly = dir.join(format!("weekly-{}-W{:02}.sqlite3", week.year(), week.week()));
        if !weekly.exists() {
            fs::copy(&daily, &weekly).map_err(io(Msg::new("io.write").arg("path", weekly.display())))?;
        }
        for (prefix, keep) in [("daily-", KEEP_DAILY), ("weekly-", KEEP_WEEKLY)] {
            prune(&dir, prefix, keep)?;
        }
        Ok(Some(daily))
    }

    /// Whether today's daily backup is still to be taken (cheap: one look at the folder), so a caller can
    /// take it on a connection of its own only when it is due.
    pub fn daily_backup_due(&self) -> Result<bool> {
        Ok(!self.daily_path(&self.backups_dir()?).exists())
    }

    fn daily_path(&self, dir: &Path) -> PathBuf {
        dir.join(format!("daily-{}.sqlite3", self.clock.now().format("%Y-%m-%d")))
    }

    /// Backups next to this database, newest first.
    pub fn backups(&self) -> Result<Vec<BackupInfo>> {
        list_in(self.path().parent().unwrap_or(Path::new(".")))
    }

    /// Restores `file` into this database after checking it; the current content is backed up first.
    /// Returns that safety backup.
    ///
    /// The backup is copied to a temporary file and brought to the current schema there; only a copy that
    /// migrated and passes the check is written into the open database, by the online backup API in one
    /// transaction. A failure at any step (copy, disk full, migration, the final write) leaves the database
    /// as it was.
    pub fn restore(&mut self, file: &Path) -> Result<PathBuf> {
        /// The device settings a restore keeps from the live file.
        const KEPT_ON_RESTORE: &str = "('locale', 'quicklog_shortcut', 'device_id')";
        validate(file)?;
        // This device's language, shortcut and id stay this device's: the backup may come from another machine
        // or from before v7 (whose migration would make a new id). Who "me" is comes with the restored data.
        let mine: Option<Vec<(String, String)>> = self
            .conn
            .prepare(&format!("SELECT key, value FROM device_settings WHERE key IN {KEPT_ON_RESTORE}"))
            .and_then(|mut q| q.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
            .ok();
        let safety = self.backup_named("pre-restore")?;
        let staged = with_suffix(self.path(), ".restoring");
        let result = (|| -> Result<()> {
            {
                let src = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
                crate::failpoint::check("restore.stage").map_err(io(Msg::new("io.write").arg("path", staged.display())))?;
                copy_db(&src, &staged)?;
            }
            {
                // An older backup may predate the current schema: it is brought up to date here, not live.
                let mut conn = Connection::open(&staged)?;
                crate::failpoint::check("restore.migrate").map_err(|e| CoreError::Io { context: Msg::new("io.write").arg("path", staged.display()), source: e })?;
                crate::db::migrate(&mut conn)?;
                let tx = conn.transaction()?;
                if mine.is_some() {
                    tx.execute(&format!("DELETE FROM device_settings WHERE key IN {KEPT_ON_RESTORE}"), [])?;
                }
                for (key, value) in mine.iter().flatten() {
                    crate::db::put_device_setting(&tx, key, value)?;
                }
                tx.commit()?;
            }
            validate(&staged)?;
            let src = Connection::open_with_flags(&staged, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
            crate::failpoint::check("restore.write").map_err(|e| CoreError::Io { context: Msg::new("io.write").arg("path", self.path().display()), source: e })?;
            let backup = rusqlite::backup::Backup::new(&src, &mut self.conn)?;
            backup.run_to_completion(512, Duration::from_millis(0), None)?;
            Ok(())
        })();
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let _ = fs::remove_file(with_suffix(&staged, suffix));
        }
        result?;
        // The restored file's revisions say nothing about what was cached from the one it replaced, here or in
        // another process that has the file open: a random settings revision makes every cached summary stale.
        self.conn.execute(
            "INSERT INTO stats_revisions (scope, rev) VALUES (0, 1000000 + abs(random() % 1000000000))
             ON CONFLICT(scope) DO UPDATE SET rev = excluded.rev",
            [],
        )?;
        if let Ok(mut cache) = self.score_cache.lock() {
            cache.clear();
        }
        Ok(safety)
    }
}
