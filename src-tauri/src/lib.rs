//! cadence-app: the desktop window and the headless CLI over cadence-core.
//!
//! This crate only adapts: it parses arguments, opens the database, registers state and commands, and
//! turns core errors into `{ kind, message, field? }`. Rules, SQL and statistics stay in cadence-core.

pub mod cli;
pub mod clock;
pub mod commands;
pub mod desktop;
pub mod error;
pub mod health;
pub mod quicklog;
pub mod scheduler;
pub mod state;
pub mod timeline;
mod tray;

use std::path::PathBuf;

use cadence_core::Db;
use tauri::Manager;
use state::AppState;

/// Builds the state the window runs on: the data folder and the database opened in it (or the error).
pub fn open_state(data_dir: Option<PathBuf>) -> AppState {
    let clock = clock::app_clock();
    let state = match cadence_core::paths::data_dir(data_dir) {
        Ok(dir) => AppState::new(Db::open_dir_with_clock(&dir, Box::new(clock::Shared(clock.clone()))), Some(dir), clock),
        Err(e) => AppState::new(Err(e), None, clock),
    };
    timeline::mark("db-open");
    state
}

/// Registers what every Cadence app has on `base`: the real runtime's builder, or the mock one in tests.
pub fn builder<R: tauri::Runtime>(base: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    base.manage(state).invoke_handler(commands::handler())
}

/// Opens the window (and with `quick_log`, the quick log too). Returns when the app quits.
///
/// Single-instance is registered first, so a second launch only focuses this window and one scheduler
/// runs; a second launch as `cadence quick-log` opens this one's quick log (the key to bind where global
/// shortcuts do not work). Closing the window hides it to the tray when a tray host is there to show the
/// app, so reminders keep firing; without one the window asks whether to keep running or to quit.
pub fn run_gui(data_dir: Option<PathBuf>, quick_log: bool) -> tauri::Result<()> {
    timeline::mark("gui");
    let session_end = desktop::end_with_the_session();
    let base = tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, args, _cwd| {
            // The second launch's own arguments, read as it read them: `quick-log` the subcommand, not a
            // folder of that name given to --data-dir.
            let second = <cli::Cli as clap::Parser>::try_parse_from(&args).ok();
            if matches!(second.and_then(|c| c.command), Some(cli::Command::QuickLog)) {
                quicklog::open(app)
            } else {
                tray::show_main(app)
            }
        }))
        .plugin(tauri_plugin_notification::init())
        // Remembers the main window's size and position between runs. Not the quick log's: it is built hidden
        // and always opens centred at its own size (restoring "visible" would show it uninvited).
        .plugin(tauri_plugin_window_state::Builder::default().with_denylist(&[quicklog::LABEL]).build())
        .plugin(tauri_plugin_autostart::init(tauri_plugin_autostart::MacosLauncher::LaunchAgent, None));
    builder(base, open_state(data_dir))
        .setup(move |app| {
            timeline::mark("setup");
            let _ = session_end.set(app.handle().clone());
            match app.handle().plugin(quicklog::shortcut_plugin()) {
                Ok(()) => quicklog::register_stored(app.handle()),
                Err(e) => {
                    eprintln!("cadence: global shortcut unavailable: {e}");
                    app.state::<AppState>().shortcut_problem_is(Some(("refused", Some(e.to_string()))));
                }
            }
            if quick_log {
                quicklog::open(app.handle());
            }
            // The quick-log window is built hidden a moment after start-up (not slowing the first paint), so
            // the first shortcut shows a page that is already there.
            let handle = app.handle().clone();
            std::thread::spawn(move || {
                std::thread::sleep(std::time::Duration::from_secs(2));
                let ready = handle.clone();
                let _ = handle.run_on_main_thread(move || {
                    if ready.get_webview_window(quicklog::LABEL).is_none() {
                        quicklog::create(&ready, false);
                    }
                });
            });
            if let Err(e) = tray::create(app.handle()) {
                // No tray host (a bare X server, some desktops): the window still works.
                eprintln!("cadence: no tray icon: {e}");
            }
            scheduler::start(app.handle().clone());
            timeline::mark("setup-done");
            Ok(())
        })
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                if window.label() == quicklog::LABEL {
                    // The quick log is hidden, not destroyed, so the next shortcut opens it at once.
                    api.prevent_close();
                    let _ = window.hide();
                } else if window.label() == "main" && std::env::var_os("CADENCE_QUIT_ON_CLOSE").is_none() {
                    api.prevent_close();
                    let app = window.app_handle();
                    let tray = app.try_state::<tray::TrayItems<tauri::Wry>>().is_some();
                    if tray && desktop::tray_host_present() {
                        commands::setup::hide_to_background(app);
                    } else {
                        // No tray would show Cadence: hidden, it could only be found by starting it again.
                        // The window asks (keep reminders running in the background, or quit).
                        use tauri::Emitter;
                        let _ = app.emit_to("main", "close-asked", ());
                    }
                }
            }
        })
        .run(tauri::generate_context!())
}
