//! The small quick-log window: opened from anywhere by a global shortcut (default Ctrl+Alt+Space,
//! `CADENCE_SHORTCUT` overrides it) or the tray's "Quick log"; choose the category with one key, type the
//! note, Enter saves and closes it. The shortcut can be changed in the app (Reminders → Always there).

use tauri::{AppHandle, Manager, Runtime, WebviewUrl, WebviewWindowBuilder};
use tauri_plugin_global_shortcut::ShortcutState;

/// The window's label; its capability (capabilities/quicklog.json) allows only what logging needs.
pub const LABEL: &str = "quicklog";

/// The shortcut that opens the quick log: `CADENCE_SHORTCUT`, else the one chosen in the app, else Ctrl+Alt+Space.
pub fn shortcut(state: &crate::state::AppState) -> String {
    std::env::var("CADENCE_SHORTCUT")
        .ok()
        .filter(|s| !s.trim().is_empty())
        .or_else(|| state.with_db(|db| db.quicklog_shortcut()).ok().flatten())
        .unwrap_or_else(|| "ctrl+alt+space".into())
}

/// Replaces the registered shortcut with `new` after checking that it parses; stores it.
pub fn change<R: Runtime>(app: &AppHandle<R>, new: &str) -> Result<String, crate::error::ApiError> {
    use tauri_plugin_global_shortcut::{GlobalShortcutExt, Shortcut};
    let state = app.state::<crate::state::AppState>();
    let parsed: Shortcut = new.trim().parse().map_err(|e| {
        let reason = cadence_core::Msg::new("shortcut.unparsable").arg("text", new).arg("reason", e);
        state.error(cadence_core::CoreError::Invalid { field: "shortcut", reason })
    })?;
    let shortcuts = app.global_shortcut();
    let _ = shortcuts.unregister_all();
    shortcuts
        .register(parsed)
        .map_err(|e| {
            let mut error = state.error(cadence_core::CoreError::Conflict(
                cadence_core::Msg::new("app.shortcut_register").arg("shortcut", new).arg("error", e),
            ));
            error.kind = "internal".into();
            error
        })?;
    state.with_db(|db| db.set_quicklog_shortcut(new))?;
    Ok(new.trim().to_string())
}

/// Shows the quick-log window, creating it the first time.
pub fn open<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window(LABEL) {
        let _ = window.show();
        let _ = window.set_focus();
        return;
    }
    let locale = app.state::<crate::state::AppState>().with_db(|db| Ok(db.locale())).unwrap_or_else(|_| cadence_core::Locale::os());
    let built = WebviewWindowBuilder::new(app, LABEL, WebviewUrl::App("index.html#quicklog".into()))
        .title(locale.texts().quicklog_title)
        .inner_size(560.0, 330.0)
        .resizable(false)
        .always_on_top(true)
        .center()
        .focused(true)
        .build();
    match built {
        Ok(window) => {
            let _ = window.set_focus();
        }
        Err(e) => eprintln!("cadence: cannot open the quick log: {e}"),
    }
}

/// The global-shortcut plugin, opening the quick log on key press.
pub fn shortcut_plugin<R: Runtime>(shortcut: &str) -> Option<tauri::plugin::TauriPlugin<R>> {
    let builder = tauri_plugin_global_shortcut::Builder::new().with_shortcuts([shortcut]);
    match builder {
        Ok(b) => Some(
            b.with_handler(|app, _shortcut, event| {
                if event.state == ShortcutState::Pressed {
                    open(app);
                }
            })
            .build(),
        ),
        Err(e) => {
            eprintln!("cadence: cannot use the shortcut {shortcut}: {e}");
            None
        }
    }
}
