//! The small quick-log window: opened from anywhere by a global shortcut (default Ctrl+Alt+Space,
//! `CADENCE_SHORTCUT` overrides it) or the tray's "Quick log"; choose the category with one key, type the
//! note, Enter saves and closes it. The shortcut can be changed in the app (Reminders → Always there).

use tauri::{AppHandle, Emitter, Manager, Runtime, WebviewUrl, WebviewWindowBuilder};
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

/// Replaces the registered shortcut with `new` after checking that it parses; stores it. The new one is
/// registered before the old one is let go, so a refused change leaves the old shortcut working.
pub fn change<R: Runtime>(app: &AppHandle<R>, new: &str) -> Result<String, crate::error::ApiError> {
    use tauri_plugin_global_shortcut::{GlobalShortcut, Shortcut};
    let state = app.state::<crate::state::AppState>();
    let parsed: Shortcut = new.trim().parse().map_err(|e| {
        let reason = cadence_core::Msg::new("shortcut.unparsable").arg("text", new).arg("reason", e);
        state.error(cadence_core::CoreError::Invalid { field: "shortcut", reason })
    })?;
    let refused = |e: &dyn std::fmt::Display| state.internal(cadence_core::Msg::new("app.shortcut_register").arg("shortcut", new).arg("error", e));
    // No plugin (it failed to start): say so instead of panicking.
    let Some(shortcuts) = app.try_state::<GlobalShortcut<R>>() else { return Err(refused(&"no global shortcuts on this desktop")) };
    let old: Option<Shortcut> = shortcut(&state).parse().ok();
    if old != Some(parsed) {
        shortcuts.register(parsed).map_err(|e| refused(&e))?;
        if let Some(old) = old {
            let _ = shortcuts.unregister(old);
        }
    }
    state.with_db(|db| db.set_quicklog_shortcut(new))?;
    state.shortcut_problem_is(None);
    Ok(new.trim().to_string())
}

/// Registers the stored shortcut at start-up (the plugin is registered without one, so a shortcut another
/// program holds only costs the shortcut, never the plugin, and can be changed in the app).
pub fn register_stored<R: Runtime>(app: &AppHandle<R>) {
    use tauri_plugin_global_shortcut::{GlobalShortcutExt, Shortcut};
    let state = app.state::<crate::state::AppState>();
    let wanted = shortcut(&state);
    let refused = |e: &dyn std::fmt::Display| {
        eprintln!("cadence: cannot use the shortcut {wanted}: {e}");
        state.shortcut_problem_is(Some(("refused", Some(e.to_string()))));
    };
    match wanted.parse::<Shortcut>() {
        Ok(s) => match app.global_shortcut().register(s) {
            Ok(()) => state.shortcut_problem_is(None),
            Err(e) => refused(&e),
        },
        Err(e) => refused(&e),
    }
}

/// Shows the quick-log window (creating it if it does not exist yet) and tells its page to start afresh.
pub fn open<R: Runtime>(app: &AppHandle<R>) {
    let window = match app.get_webview_window(LABEL) {
        Some(w) => w,
        None => match create(app, true) {
            Some(w) => w,
            None => return,
        },
    };
    let _ = window.emit("quicklog-shown", ());
    let _ = window.show();
    let _ = window.set_focus();
    // A window shown again is mapped asynchronously; focusing it once more when it is on screen makes sure
    // the keys go to it (without a window manager the first request can come too early).
    let again = window.clone();
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(60));
        let _ = again.set_focus();
    });
}

/// Builds the quick-log window; hidden, it waits for the first shortcut with its page already loaded.
pub fn create<R: Runtime>(app: &AppHandle<R>, visible: bool) -> Option<tauri::WebviewWindow<R>> {
    let locale = app.state::<crate::state::AppState>().locale();
    let built = WebviewWindowBuilder::new(app, LABEL, WebviewUrl::App("index.html#quicklog".into()))
        .title(locale.texts().quicklog_title)
        .inner_size(580.0, 540.0)
        .resizable(false)
        .always_on_top(true)
        .center()
        .visible(visible)
        .focused(visible)
        .build();
    built.map_err(|e| eprintln!("cadence: cannot open the quick log: {e}")).ok()
}

/// The global-shortcut plugin, opening the quick log on key press; shortcuts are registered afterwards.
pub fn shortcut_plugin<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_global_shortcut::Builder::new()
        .with_handler(|app, _shortcut, event| {
            if event.state == ShortcutState::Pressed {
                open(app);
            }
        })
        .build()
}
