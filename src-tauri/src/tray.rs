//! The tray icon: Open, Quick log, Snooze all 1 h, Quit. Cadence lives here while its window is closed.

use tauri::menu::{Menu, MenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::state::AppState;

/// Shows and focuses the main window.
pub fn show_main<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.show();
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
}

pub fn create<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let open = MenuItem::with_id(app, "open", "Open Cadence", true, None::<&str>)?;
    let quick = MenuItem::with_id(app, "quick-log", "Quick log", true, None::<&str>)?;
    let snooze = MenuItem::with_id(app, "snooze-all", "Snooze all 1 h", true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", "Quit", true, None::<&str>)?;
    let menu = Menu::with_items(app, &[&open, &quick, &snooze, &quit])?;
    let mut tray = TrayIconBuilder::with_id("cadence").menu(&menu).tooltip("Cadence");
    if let Some(icon) = app.default_window_icon() {
        tray = tray.icon(icon.clone());
    }
    tray.on_menu_event(|app, event| match event.id().as_ref() {
        "open" => show_main(app),
        "quick-log" => crate::quicklog::open(app),
        "snooze-all" => {
            let state = app.state::<AppState>();
            let _ = state.with_db(|db| db.snooze_all(60));
            let _ = app.emit("inbox-changed", state.with_db(|db| db.unread_count()).unwrap_or(0));
        }
        "quit" => app.exit(0),
        _ => {}
    })
    .build(app)?;
    Ok(())
}
