//! Which clock the app runs on: the system clock, or `CADENCE_NOW_FILE` (an RFC 3339 instant in a file)
//! so the end-to-end tests can move time forward and watch reminders fall due.

use std::sync::Arc;

use cadence_core::time::{Clock, FileClock, SystemClock};

/// The environment variable naming the test clock's file.
pub const NOW_FILE_ENV: &str = "CADENCE_NOW_FILE";

/// The app's clock, shared by the database and the scheduler.
pub fn app_clock() -> Arc<dyn Clock> {
    match std::env::var_os(NOW_FILE_ENV) {
        Some(path) if !path.is_empty() => Arc::new(FileClock(path.into())),
        _ => Arc::new(SystemClock),
    }
}

/// Adapts a shared clock to the boxed clock the database takes.
pub struct Shared(pub Arc<dyn Clock>);

impl Clock for Shared {
    fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.0.now()
    }
}
