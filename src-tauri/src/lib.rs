//! cadence-app: the desktop window and the headless CLI over cadence-core.
//!
//! This crate only adapts: it parses arguments, opens the database, registers state and commands, and
//! turns core errors into `{ kind, message, field? }`. Rules, SQL and statistics stay in cadence-core.

pub mod cli;
pub mod commands;
pub mod error;
pub mod state;

use std::path::PathBuf;

use cadence_core::Db;
use state::AppState;

/// Builds the state the window runs on: the data folder and the database opened in it (or the error).
pub fn open_state(data_dir: Option<PathBuf>) -> AppState {
    match cadence_core::paths::data_dir(data_dir) {
        Ok(dir) => AppState::new(Db::open_dir(&dir), Some(dir)),
        Err(e) => AppState::new(Err(e), None),
    }
}

/// Registers what every Cadence app has on `base`: the real runtime's builder, or the mock one in tests.
pub fn builder<R: tauri::Runtime>(base: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    base.manage(state).invoke_handler(commands::handler())
}

/// Opens the window. Returns when the app quits.
pub fn run_gui(data_dir: Option<PathBuf>) -> tauri::Result<()> {
    builder(tauri::Builder::default(), open_state(data_dir))
        .plugin(tauri_plugin_notification::init())
        .run(tauri::generate_context!())
}
