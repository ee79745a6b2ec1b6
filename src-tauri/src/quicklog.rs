//! The small quick-log window: opened from anywhere by a global shortcut (default Ctrl+Alt+Space,
//! `CADENCE_SHORTCUT` overrides it) or the tray's "Quick log"; choose the category with one key, type the
//! note, Enter saves and closes it.

use tauri::{AppHandle, Manager, Runtime, WebviewUrl, WebviewWindowBuilder};
use tauri_plugin_global_shortcut::ShortcutState;

/// The window's label; its capability (capabilities/quicklog.json) allows only what logging needs.
pub const LABEL: &str = "quicklog";

/// The shortcut that opens the quick log.
pub fn shortcut() -> String {
    std::env::var("CADENCE_SHORTCUT").ok().filter(|s| !s.trim().is_empty()).unwrap_or_else(|| "ctrl+alt+space".into())
}

/// Shows the quick-log window, creating it the first time.
pub fn open<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window(LABEL) {
        let _ = window.show();
        let _ = window.set_focus();
        return;
    }
    let built = WebviewWindowBuilder::new(app, LABEL, WebviewUrl::App("index.html#quicklog".into()))
        .title("Cadence quick log")
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
pub fn shortcut_plugin<R: Runtime>() -> Option<tauri::plugin::TauriPlugin<R>> {
    let builder = tauri_plugin_global_shortcut::Builder::new().with_shortcuts([shortcut().as_str()]);
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
            eprintln!("cadence: cannot use the shortcut {}: {e}", shortcut());
            None
        }
    }
}
