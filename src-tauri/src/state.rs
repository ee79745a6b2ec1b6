//! The one piece of app state, registered with `app.manage` and reached through `State<AppState>`.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use cadence_core::time::Clock;
use cadence_core::{Db, Result as CoreResult};

use crate::error::ApiError;

/// The open database (or why it could not be opened) and where it lives.
pub struct AppState {
    db: Mutex<Result<Db, ApiError>>,
    pub data_dir: Option<PathBuf>,
    /// Where `ui_painted` appends the first-paint time, for `script/measure`.
    pub measure_file: Option<PathBuf>,
    /// The clock the database and the scheduler share.
    pub clock: Arc<dyn Clock>,
    /// The (UTC) day of the last full check of the file, and when this state was made: see `crate::health`.
    pub checked_on: Mutex<Option<chrono::NaiveDate>>,
    pub started: std::time::Instant,
    /// The first Today view was painted (the first full check may start).
    pub painted: std::sync::atomic::AtomicBool,
    /// Why the global shortcut does not work here (`wayland`, or the desktop's refusal), if it does not.
    pub shortcut_problem: Mutex<Option<(String, Option<String>)>>,
}

impl AppState {
    /// State over a database that opened, or over the error that stopped it.
    pub fn new(db: CoreResult<Db>, data_dir: Option<PathBuf>, clock: Arc<dyn Clock>) -> AppState {
        AppState {
            db: Mutex::new(db.map_err(ApiError::from)),
            data_dir,
            measure_file: std::env::var_os("CADENCE_MEASURE_FILE").map(PathBuf::from),
            clock,
            checked_on: Mutex::new(None),
            started: std::time::Instant::now(),
            painted: std::sync::atomic::AtomicBool::new(false),
            shortcut_problem: Mutex::new(None),
        }
    }

    /// Runs `f` on the open database, or returns the open error.
    pub fn with_db<T>(&self, f: impl FnOnce(&mut Db) -> CoreResult<T>) -> Result<T, ApiError> {
        let mut guard: MutexGuard<'_, Result<Db, ApiError>> =
            self.db.lock().map_err(|_| ApiError::internal("the database lock was poisoned; restart Cadence"))?;
        let (error, locale, path) = match guard.as_mut() {
            Ok(db) => match f(db) {
                Ok(value) => return Ok(value),
                // Damage of this database (SQLite met a bad page in it), not of a backup being restored.
                Err(e) if e.is_damage_of(db.path()) => (e, db.locale(), db.path().to_path_buf()),
                Err(e) => return Err(ApiError::localized(e, db.locale())),
            },
            Err(e) => return Err(e.clone()),
        };
        // Decided with the lock held: no other command writes to a file found damaged.
        match damage_of(&path, error) {
            Ok(other) => Err(ApiError::localized(other, locale)),
            Err(found) => {
                let api = ApiError::localized(found, locale);
                if let Ok(db) = std::mem::replace(&mut *guard, Err(api.clone())) {
                    db.abandon();
                }
                Err(api)
            }
        }
    }

    /// Runs `f` on a connection of its own, on a blocking thread: an import, a restore, a backup or a PDF takes
    /// as long as it takes without holding the main thread (the window keeps painting) or the window's
    /// connection (other views keep reading; SQLite's WAL lets them while this one writes). A damaged page met
    /// here is handled as in [`AppState::with_db`]: confirmed by the full check, then the recovery screen.
    pub async fn on_worker<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Db) -> CoreResult<T> + Send + 'static,
    ) -> Result<T, ApiError> {
        let (path, locale) = self.with_db(|db| Ok((db.path().to_path_buf(), db.locale())))?;
        let clock = self.clock.clone();
        let at = path.clone();
        let result = tauri::async_runtime::spawn_blocking(move || own_connection(&at, clock, f))
            .await
            .map_err(|e| ApiError::internal(format!("background work stopped: {e}")))?;
        self.settle(result, &path, locale)
    }

    /// [`AppState::on_worker`] for a thread that may block (the scheduler's daily backup): the work runs on a
    /// connection of its own, so the window's commands never wait for it.
    pub fn on_own_connection<T>(&self, f: impl FnOnce(&mut Db) -> CoreResult<T>) -> Result<T, ApiError> {
        let (path, locale) = self.with_db(|db| Ok((db.path().to_path_buf(), db.locale())))?;
        let result = own_connection(&path, self.clock.clone(), f);
        self.settle(result, &path, locale)
    }

    /// The answer of work done on a connection of its own; damage it met sends the window to recovery.
    fn settle<T>(&self, result: CoreResult<T>, path: &std::path::Path, locale: cadence_core::Locale) -> Result<T, ApiError> {
        match result {
            Ok(value) => Ok(value),
            // Only damage of this file: a damaged backup being restored is the backup's problem, said as such.
            Err(e) if e.is_damage_of(path) => match damage_of(path, e) {
                Ok(other) => Err(ApiError::localized(other, locale)),
                Err(found) => Err(self.mark_damaged(found)),
            },
            Err(e) => Err(ApiError::localized(e, locale)),
        }
    }

    /// The user's language: the stored choice, else the OS's (also when no database is open).
    pub fn locale(&self) -> cadence_core::Locale {
        self.with_db(|db| Ok(db.locale())).unwrap_or_else(|_| cadence_core::Locale::os())
    }

    /// A core error in the user's language.
    pub fn error(&self, e: cadence_core::CoreError) -> ApiError {
        ApiError::localized(e, self.locale())
    }

    /// Something outside Cadence refused (the OS, a desktop service): an internal error, in the user's language.
    pub fn internal(&self, msg: cadence_core::Msg) -> ApiError {
        let mut error = self.error(cadence_core::CoreError::Conflict(msg));
        error.kind = "internal".into();
        error
    }

    /// Replaces the database (after a recovery from backup).
    pub fn replace(&self, db: CoreResult<Db>) -> Result<(), ApiError> {
        let mut guard = self.db.lock().map_err(|_| ApiError::internal("the database lock was poisoned; restart Cadence"))?;
        *guard = db.map_err(ApiError::from);
        guard.as_ref().map(|_| ()).map_err(Clone::clone)
    }

    /// The file was found damaged while open: the connection is closed without writing (no checkpoint), and
    /// from now on every command answers with `error`, as if the file had failed to open, so the window shows
    /// the recovery screen and nothing more is written to it.
    pub fn mark_damaged(&self, error: cadence_core::CoreError) -> ApiError {
        let Ok(mut guard) = self.db.lock() else { return ApiError::internal("the database lock was poisoned; restart Cadence") };
        let locale = guard.as_ref().map(|db| db.locale()).unwrap_or_else(|_| cadence_core::Locale::os());
        let api = ApiError::localized(error, locale);
        if let Ok(db) = std::mem::replace(&mut *guard, Err(api.clone())) {
            db.abandon();
        }
        api
    }

    /// Records why the global shortcut does not work (`None`: it does). On Wayland it never does.
    pub fn shortcut_problem_is(&self, problem: Option<(&str, Option<String>)>) {
        let problem = if crate::desktop::is_wayland() { Some(("wayland", None)) } else { problem };
        if let Ok(mut slot) = self.shortcut_problem.lock() {
            *slot = problem.map(|(reason, detail)| (reason.to_string(), detail));
        }
    }

    /// Whether the quick log's global shortcut works here, and what to bind instead.
    pub fn shortcut_status(&self) -> crate::desktop::ShortcutStatus {
        let problem = self.shortcut_problem.lock().ok().and_then(|p| p.clone());
        crate::desktop::ShortcutStatus {
            available: problem.is_none(),
            reason: problem.as_ref().map(|p| p.0.clone()),
            detail: problem.and_then(|p| p.1),
            command: crate::desktop::quick_log_command(),
        }
    }

    /// Closes the database before the app exits (Quit, Ctrl+Q, the tray): Tauri does not drop managed state
    /// at exit, and a database never dropped leaves its session marker, which the next start would take for a
    /// crash (and read the whole file before showing the window).
    pub fn close(&self) {
        if let Ok(mut guard) = self.db.lock() {
            let closed = std::mem::replace(&mut *guard, Err(ApiError::internal("Cadence is quitting")));
            drop(closed);
        }
    }

    /// The open error, if the database did not open.
    pub fn open_error(&self) -> Option<ApiError> {
        match self.db.lock() {
            Ok(guard) => guard.as_ref().err().cloned(),
            Err(_) => Some(ApiError::internal("the database lock was poisoned; restart Cadence")),
        }
    }
}

/// Opens a connection of its own to the file at `path` and runs `f` on it.
fn own_connection<T>(path: &std::path::Path, clock: Arc<dyn Clock>, f: impl FnOnce(&mut Db) -> CoreResult<T>) -> CoreResult<T> {
    let mut db = Db::open_with_clock(path, Box::new(crate::clock::Shared(clock)))?;
    f(&mut db)
}

/// Whether `error`, met while working on the file at `path`, means the file is damaged: the full check finds
/// damage (`Err` with what it found), or SQLite itself said this file is corrupt (`Err` with that). `Ok` gives
/// the error back when the file is intact: it was about something else (a backup being restored, say).
fn damage_of(path: &std::path::Path, error: cadence_core::CoreError) -> Result<cadence_core::CoreError, cadence_core::CoreError> {
    match cadence_core::health::quick_check(path) {
        Err(found) if found.is_damage() => Err(found),
        _ if matches!(&error, cadence_core::CoreError::Corrupt { path: p, .. } if p == path) => Err(error),
        _ => Ok(error),
    }
}
