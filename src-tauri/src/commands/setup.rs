//! Start-up and onboarding: what the UI needs before it can show Today, and the first-run form.

use cadence_core::{Catalog, Locale, NewPerson, Person};
use serde::Serialize;
use tauri::State;

use crate::error::ApiError;
use crate::state::AppState;

/// What the UI needs to decide which screen to show.
#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    pub version: String,
    pub data_dir: Option<String>,
    /// Why the database could not be opened: the UI shows the error screen.
    pub error: Option<ApiError>,
    /// The app's user; `None` until onboarding is done.
    pub me: Option<Person>,
    /// The OS time zone, proposed by onboarding.
    pub os_zone: String,
    /// Today in the user's own zone and day start.
    pub today: Option<String>,
    /// The language in use (`en` or `nl`): the setting, or the OS locale.
    pub locale: Locale,
    /// `system`, `en` or `nl`.
    #[ts(type = r#""system" | "en" | "nl""#)]
    pub locale_pref: String,
    /// The OS locale's language, named by the "as the system" choice.
    pub os_locale: Locale,
}

#[tauri::command]
pub fn app_status(state: State<'_, AppState>) -> AppStatus {
    crate::timeline::mark("app-status");
    let data_dir = state.data_dir.as_ref().map(|d| d.display().to_string());
    let os_zone = cadence_core::time::detect_os_zone();
    let version = env!("CARGO_PKG_VERSION").to_string();
    let os_locale = Locale::os();
    if let Some(error) = state.open_error() {
        let locale_pref = "system".into();
        return AppStatus { version, data_dir, error: Some(error), me: None, os_zone, today: None, locale: os_locale, locale_pref, os_locale };
    }
    let pref = state.with_db(|db| db.locale_pref()).ok().flatten();
    let locale = pref.unwrap_or(os_locale);
    let locale_pref = pref.map_or("system", Locale::tag).to_string();
    let me = state.with_db(|db| db.self_person());
    let (me, error) = match me {
        Ok(me) => (me, None),
        Err(e) => (None, Some(e)),
    };
    let today = me.as_ref().and_then(|p| state.with_db(|db| db.today(&p.id.to_string())).ok()).map(|d| d.to_string());
    AppStatus { version, data_dir, error, me, os_zone, today, locale, locale_pref, os_locale }
}

/// Stores the language choice (`system`, `en`, `nl`); every window, the tray and later notifications follow.
#[tauri::command]
pub fn set_locale<R: tauri::Runtime>(app: tauri::AppHandle<R>, state: State<'_, AppState>, pref: String) -> Result<Locale, ApiError> {
    use tauri::Emitter;
    let locale = state.with_db(|db| db.set_locale_pref(&pref))?;
    crate::tray::relabel(&app, locale);
    if let Some(w) = tauri::Manager::get_webview_window(&app, crate::quicklog::LABEL) {
        let _ = w.set_title(locale.texts().quicklog_title);
    }
    let _ = app.emit("locale-changed", locale);
    Ok(locale)
}

#[tauri::command]
pub fn onboard(state: State<'_, AppState>, person: NewPerson, values: Vec<String>) -> Result<Person, ApiError> {
    state.with_db(|db| db.onboard(&person, &values))
}

/// The catalogue for logging; with `person`, only the channels meant for that person's unit.
#[tauri::command]
pub fn catalog(state: State<'_, AppState>, person: Option<String>) -> Result<Catalog, ApiError> {
    state.with_db(|db| match person.as_deref() {
        Some(p) => db.catalog_for(p),
        None => db.catalog(),
    })
}

#[tauri::command]
pub fn people(state: State<'_, AppState>) -> Result<Vec<Person>, ApiError> {
    state.with_db(|db| db.people())
}

/// Called by the UI once the first Today view is painted; `script/measure` reads the time it records.
#[tauri::command]
/// `marks` are the page's own steps (name, epoch milliseconds), written after it for the breakdown.
pub fn ui_painted(state: State<'_, AppState>, marks: Option<serde_json::Value>) -> Result<(), ApiError> {
    // The window is up: now the scheduler may read the whole file for damage (crate::health).
    state.painted.store(true, std::sync::atomic::Ordering::Relaxed);
    let Some(file) = &state.measure_file else { return Ok(()) };
    let now = chrono::Utc::now().timestamp_micros();
    if file.exists() {
        return Ok(()); // the first paint is the one measured
    }
    let text = crate::timeline::report(now, &crate::timeline::page_marks(marks));
    // Written whole, then renamed: the measuring script never reads half a report.
    let part = file.with_extension("part");
    std::fs::write(&part, text)
        .and_then(|()| std::fs::rename(&part, file))
        .map_err(|e| ApiError::internal(format!("cannot write {}: {e}", file.display())))
}

/// "Today" for a person (their zone and day start), e.g. when an assistant logs for a leader abroad.
#[tauri::command]
pub fn person_today(state: State<'_, AppState>, person: String) -> Result<String, ApiError> {
    state.with_db(|db| db.today(&person)).map(|d| d.to_string())
}

/// Closes the quick-log window after a save (it is hidden, ready for the next shortcut).
#[tauri::command]
pub fn close_quicklog<R: tauri::Runtime>(window: tauri::WebviewWindow<R>) {
    if window.label() == crate::quicklog::LABEL {
        let _ = window.hide();
    }
}

/// The quick-log shortcut; with `value`, changes it first.
#[tauri::command]
pub fn quicklog_shortcut<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    value: Option<String>,
) -> Result<String, ApiError> {
    match value {
        Some(v) => crate::quicklog::change(&app, &v),
        None => Ok(crate::quicklog::shortcut(&state)),
    }
}

/// Hides the main window; Cadence keeps running (in the tray when there is one) so reminders keep firing.
/// Hidden, the app may end with the session, never with a normal exit: the window's size and position are
/// kept now (the window-state plugin itself saves them only on exit).
pub fn hide_to_background<R: tauri::Runtime>(app: &tauri::AppHandle<R>) {
    use tauri::Manager;
    use tauri_plugin_window_state::{AppHandleExt, StateFlags};
    let _ = app.save_window_state(StateFlags::all());
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.hide();
    }
}

/// "Keep reminders running in the background", chosen where closing the window asks (no tray host).
#[tauri::command]
pub fn run_in_background<R: tauri::Runtime>(app: tauri::AppHandle<R>) {
    hide_to_background(&app);
}

/// Whether the quick log's global shortcut works on this desktop, and what to bind instead.
#[tauri::command]
pub fn shortcut_status(state: State<'_, AppState>) -> crate::desktop::ShortcutStatus {
    state.shortcut_status()
}

/// Quits Cadence (its reminders stop until it is started again): the window's Quit item and Ctrl+Q, which
/// work on every desktop, with or without a tray.
#[tauri::command]
pub fn quit_app<R: tauri::Runtime>(app: tauri::AppHandle<R>) {
    use tauri_plugin_window_state::{AppHandleExt, StateFlags};
    let _ = app.save_window_state(StateFlags::all());
    tauri::Manager::state::<AppState>(&app).close();
    app.exit(0);
}
