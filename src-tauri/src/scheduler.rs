//! Runs the reminder engine in the background: every ~30 s, at once after a jump of the wall clock (wake
//! from sleep), and at start-up (which delivers what fell due while the app was closed, once, marked late).
//! Each new occurrence becomes a desktop notification and an `inbox-changed` event for the window; a day that
//! began for anyone (midnight or a day start passed, on the app's clock) becomes a `day-changed` event, so a
//! window left open shows the new day without a restart.

use std::time::{Duration, Instant};

use cadence_core::days::DayWatch;
use cadence_core::InboxItem;
use tauri::{AppHandle, Emitter, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;

use crate::state::AppState;

/// Seconds between engine passes (`CADENCE_TICK_SECONDS` overrides it for tests).
fn tick_seconds() -> u64 {
    std::env::var("CADENCE_TICK_SECONDS").ok().and_then(|s| s.parse().ok()).filter(|s| *s > 0).unwrap_or(30)
}

/// Starts the scheduler thread.
pub fn start<R: Runtime>(app: AppHandle<R>) {
    std::thread::spawn(move || {
        let every = Duration::from_secs(tick_seconds());
        let clock = app.state::<AppState>().clock.clone();
        let (mut wall, mut mono) = (clock.now(), Instant::now());
        let mut next = Instant::now();
        let mut days = DayWatch::new();
        // The days as the window reads them when it opens, taken now: waiting for the first tick (after the
        // full check of the file) could take the baseline after a midnight the window never saw, and that day
        // change would never be told.
        watch_days(&app, &mut days);
        loop {
            // The full check of the file first (after the first paint, then daily): nothing is backed up or
            // stored before it, and nothing after it found damage.
            if crate::health::due(&app) {
                crate::health::check_now(&app);
            }
            if !crate::health::checked(&app) || app.state::<AppState>().open_error().is_some() {
                std::thread::sleep(Duration::from_millis(500));
                continue;
            }
            let (now_wall, now_mono) = (clock.now(), Instant::now());
            let elapsed_wall = (now_wall - wall).num_milliseconds();
            let elapsed_mono = now_mono.duration_since(mono).as_millis() as i64;
            // The wall clock moved far more (or less) than the monotonic one: a wake from sleep or a clock change.
            let jumped = (elapsed_wall - elapsed_mono).abs() > 60_000;
            if jumped || now_mono >= next {
                run_once(&app);
                watch_days(&app, &mut days);
                next = Instant::now() + every;
            }
            (wall, mono) = (now_wall, now_mono);
            std::thread::sleep(Duration::from_millis(500));
        }
    });
}

/// One pass: today's automatic backup (once a day), then store what is due and tell the user. The backup
/// copies the whole file: it runs on a connection of its own, so the window's commands never wait for it.
pub fn run_once<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    let due = state.with_db(|db| db.daily_backup_due()).unwrap_or(false);
    let backup = if due {
        state.on_own_connection(|db| db.daily_backup().and_then(|taken| if taken.is_some() { db.purge_undo().map(|_| taken) } else { Ok(taken) }))
    } else {
        Ok(None)
    };
    if let Err(e) = backup {
        if state.open_error().is_none() {
            eprintln!("cadence: daily backup failed: {}", e.message);
        }
    }
    match state.with_db(|db| db.run_reminders()) {
        Ok(items) if !items.is_empty() => {
            for item in &items {
                notify(app, item);
            }
            let unread = state.with_db(|db| db.unread_count()).unwrap_or(0);
            let _ = app.emit("inbox-changed", unread);
        }
        Ok(_) => {}
        Err(e) if state.open_error().is_none() => eprintln!("cadence: reminders: {}", e.message),
        Err(_) => {}
    }
}

/// Tells the windows when a day began; they ask the core again for what they show.
fn watch_days<R: Runtime>(app: &AppHandle<R>, days: &mut DayWatch) {
    match app.state::<AppState>().with_db(|db| days.observe(db)) {
        Ok(Some(change)) => {
            let _ = app.emit("day-changed", change);
        }
        Ok(None) => {}
        // No database (the error screen shows why) or a passing read error: the next tick looks again.
        Err(_) => {}
    }
}

fn notify<R: Runtime>(app: &AppHandle<R>, item: &InboxItem) {
    let locale = app.state::<AppState>().locale();
    let body = if item.late {
        cadence_core::i18n::fill(locale.texts().while_closed, &[("body", &item.body)])
    } else {
        item.body.clone()
    };
    // The inbox is the source of truth; a failed notification is reported, never fatal.
    if let Err(e) = app.notification().builder().title(&item.title).body(body).show() {
        eprintln!("cadence: notification failed: {e}");
    }
}
