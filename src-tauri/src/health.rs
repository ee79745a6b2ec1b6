//! The app's full check of its database file, away from the window: `PRAGMA quick_check` reads the whole
//! file, so it runs on the scheduler's thread with a connection of its own, once the first Today view is
//! painted (or ten seconds after start-up, whichever comes first) and then once a day. The scheduler's first
//! pass waits for it, and each day's check comes before the daily backup: reminders never write to, and a
//! backup never copies (rotating a good one out), a file not yet checked. A damaged file closes without a
//! checkpoint, the window is told (`database-damaged`) and shows the recovery screen; nothing more is
//! written to it.

use std::sync::atomic::Ordering;

use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::state::AppState;

/// Seconds after start-up at which the first check runs when no Today view was painted to start it.
const FIRST_CHECK_AFTER_SECONDS: u64 = 10;

/// Whether a check is due now: none yet today, and for the first, the window painted (or the start-up delay).
pub fn due<R: Runtime>(app: &AppHandle<R>) -> bool {
    let state = app.state::<AppState>();
    let today = state.clock.now().date_naive();
    match checked_on(&state) {
        Some(day) => day < today,
        None => state.painted.load(Ordering::Relaxed) || state.started.elapsed().as_secs() >= FIRST_CHECK_AFTER_SECONDS,
    }
}

/// Whether the file was checked since start-up.
pub fn checked<R: Runtime>(app: &AppHandle<R>) -> bool {
    checked_on(&app.state::<AppState>()).is_some()
}

fn checked_on(state: &AppState) -> Option<chrono::NaiveDate> {
    state.checked_on.lock().ok().and_then(|g| *g)
}

/// Checks the file now; returns whether it is usable (intact, or no database open to check).
pub fn check_now<R: Runtime>(app: &AppHandle<R>) -> bool {
    let state = app.state::<AppState>();
    if let Ok(mut g) = state.checked_on.lock() {
        *g = Some(state.clock.now().date_naive());
    }
    let Ok(path) = state.with_db(|db| Ok(db.path().to_path_buf())) else { return false };
    match cadence_core::health::quick_check(&path) {
        Ok(()) => true,
        Err(e) if e.is_damage() => {
            eprintln!("cadence: the database is damaged: {e}");
            state.mark_damaged(e);
            let _ = app.emit("database-damaged", ());
            false
        }
        Err(e) => {
            // Not a finding about the file (it could not be read just now): the next day's check tries again.
            eprintln!("cadence: the database check did not run: {e}");
            true
        }
    }
}
