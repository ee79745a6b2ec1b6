//! Reminder rules, the inbox, follow-ups and the start-at-login setting.

use cadence_core::{Action, Followup, FollowupEdit, InboxItem, NewFollowup, NewRule, ReminderRule};
use tauri::{AppHandle, Emitter, Runtime, State};
use tauri_plugin_autostart::ManagerExt;

use crate::error::ApiError;
use crate::state::AppState;

#[tauri::command]
pub fn rules(state: State<'_, AppState>, person: Option<String>) -> Result<Vec<ReminderRule>, ApiError> {
    state.with_db(|db| db.rules(person.as_deref()))
}

#[tauri::command]
pub fn add_rule(state: State<'_, AppState>, input: NewRule) -> Result<ReminderRule, ApiError> {
    state.with_db(|db| db.add_rule(&input))
}

#[tauri::command]
pub fn update_rule(state: State<'_, AppState>, id: i64, input: NewRule) -> Result<ReminderRule, ApiError> {
    state.with_db(|db| db.update_rule(id, &input))
}

#[tauri::command]
pub fn set_rule_paused(state: State<'_, AppState>, id: i64, paused: bool) -> Result<ReminderRule, ApiError> {
    state.with_db(|db| db.set_rule_paused(id, paused))
}

#[tauri::command]
pub fn delete_rule(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    state.with_db(|db| db.delete_rule(id))
}

#[tauri::command]
pub fn inbox(state: State<'_, AppState>, all: bool) -> Result<Vec<InboxItem>, ApiError> {
    state.with_db(|db| db.inbox(all))
}

#[tauri::command]
pub fn unread_count(state: State<'_, AppState>) -> Result<u32, ApiError> {
    state.with_db(|db| db.unread_count())
}

fn changed<R: Runtime>(app: &AppHandle<R>, state: &AppState) {
    let _ = app.emit("inbox-changed", state.with_db(|db| db.unread_count()).unwrap_or(0));
}

/// Changes an inbox entry: `snooze` (with `how`: 15m, 1h, tomorrow), `dismiss` or `acted`.
#[tauri::command]
pub fn inbox_action<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
    action: String,
    how: Option<String>,
) -> Result<InboxItem, ApiError> {
    let item = state.with_db(|db| match action.as_str() {
        "snooze" => db.snooze(id, how.as_deref().unwrap_or("15m")),
        "dismiss" => db.dismiss(id),
        "acted" => db.acted(id),
        other => Err(cadence_core::CoreError::Invalid {
            field: "action",
            reason: cadence_core::Msg::new("reminder.action.unknown").arg("action", other),
        }),
    })?;
    changed(&app, &state);
    Ok(item)
}

#[tauri::command]
pub fn mark_seen<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<(), ApiError> {
    state.with_db(|db| db.mark_seen())?;
    changed(&app, &state);
    Ok(())
}

/// Runs the engine now (the UI calls it after changing rules, so a rule due already fires at once).
#[tauri::command]
pub fn run_reminders<R: Runtime>(app: AppHandle<R>) {
    crate::scheduler::run_once(&app);
}

#[tauri::command]
pub fn followups(state: State<'_, AppState>, person: Option<String>, status: Option<String>) -> Result<Vec<Followup>, ApiError> {
    state.with_db(|db| db.followups(person.as_deref(), status.as_deref()))
}

#[tauri::command]
pub fn add_followup(state: State<'_, AppState>, input: NewFollowup) -> Result<Followup, ApiError> {
    state.with_db(|db| db.add_followup(&input))
}

/// A closed promise: the follow-up, done, and the action that closed it.
#[derive(serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "ClosedFollowup")]
pub struct Closed {
    followup: Followup,
    action: Action,
}

#[tauri::command]
pub fn close_followup(state: State<'_, AppState>, id: i64, note: Option<String>) -> Result<Closed, ApiError> {
    state.with_db(|db| db.close_followup(id, note.as_deref())).map(|(followup, action)| Closed { followup, action })
}

#[tauri::command]
pub fn autostart<R: Runtime>(app: AppHandle<R>, enable: Option<bool>) -> Result<bool, ApiError> {
    let launcher = app.autolaunch();
    let result = match enable {
        Some(true) => launcher.enable(),
        Some(false) => launcher.disable(),
        None => Ok(()),
    };
    let state = tauri::Manager::state::<AppState>(&app);
    result.map_err(|e| state.internal(cadence_core::Msg::new("app.autostart").arg("error", e)))?;
    launcher.is_enabled().map_err(|e| state.internal(cadence_core::Msg::new("app.autostart_read").arg("error", e)))
}

#[tauri::command]
pub fn update_followup(state: State<'_, AppState>, id: i64, edit: FollowupEdit) -> Result<Followup, ApiError> {
    state.with_db(|db| db.update_followup(id, &edit))
}

#[tauri::command]
pub fn delete_followup(state: State<'_, AppState>, id: i64) -> Result<Followup, ApiError> {
    state.with_db(|db| db.delete_followup(id))
}

#[tauri::command]
pub fn restore_followup(state: State<'_, AppState>, id: i64) -> Result<Followup, ApiError> {
    state.with_db(|db| db.restore_followup(id))
}
