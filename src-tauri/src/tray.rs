//! The tray icon: Open, Quick log, Snooze all 1 h, Quit. Cadence lives here while its window is closed.

use tauri::menu::{Menu, MenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use cadence_core::i18n::Texts;
use cadence_core::Locale;

use crate::state::AppState;

/// Shows and focuses the main window.
pub fn show_main<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.show();
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
}

/// Picks an item's label out of the texts of a language.
type LabelOf = fn(&Texts) -> &'static str;

/// The menu's items, kept so a change of language can relabel them.
pub struct TrayItems<R: Runtime>(Vec<(MenuItem<R>, LabelOf)>);

/// Gives the tray's items the texts of `locale`.
pub fn relabel<R: Runtime>(app: &AppHandle<R>, locale: Locale) {
    if let Some(items) = app.try_state::<TrayItems<R>>() {
        for (item, text) in &items.0 {
            let _ = item.set_text(text(locale.texts()));
        }
    }
}

pub fn create<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let t = app.state::<AppState>().locale().texts();
    let open = MenuItem::with_id(app, "open", t.tray_open, true, None::<&str>)?;
    let quick = MenuItem::with_id(app, "quick-log", t.tray_quick, true, None::<&str>)?;
    let snooze = MenuItem::with_id(app, "snooze-all", t.tray_snooze, true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", t.tray_quit, true, None::<&str>)?;
    let menu = Menu::with_items(app, &[&open, &quick, &snooze, &quit])?;
    app.manage(TrayItems(vec![
        (open, |t: &Texts| t.tray_open),
        (quick, |t: &Texts| t.tray_quick),
        (snooze, |t: &Texts| t.tray_snooze),
        (quit, |t: &Texts| t.tray_quit),
    ]));
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
        "quit" => {
            app.state::<crate::state::AppState>().close();
            app.exit(0)
        }
        _ => {}
    })
    .build(app)?;
    Ok(())
}
