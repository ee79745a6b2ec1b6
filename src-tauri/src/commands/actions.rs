//! Logging, editing, deleting (and undoing) and listing actions.

use cadence_core::{Action, ActionQuery, DayCount, NewAction};
use tauri::State;

use crate::error::ApiError;
use crate::state::AppState;

#[tauri::command]
pub fn log_action(state: State<'_, AppState>, input: NewAction) -> Result<Action, ApiError> {
    state.with_db(|db| db.log_action(&input))
}

#[tauri::command]
pub fn update_action(state: State<'_, AppState>, id: i64, input: NewAction) -> Result<Action, ApiError> {
    state.with_db(|db| db.update_action(id, &input))
}

#[tauri::command]
pub fn delete_action(state: State<'_, AppState>, id: i64) -> Result<Action, ApiError> {
    state.with_db(|db| db.delete_action(id))
}

#[tauri::command]
pub fn restore_action(state: State<'_, AppState>, id: i64) -> Result<Action, ApiError> {
    state.with_db(|db| db.restore_action(id))
}

#[tauri::command]
pub fn list_actions(state: State<'_, AppState>, query: ActionQuery) -> Result<Vec<Action>, ApiError> {
    state.with_db(|db| db.list_actions(&query))
}

#[tauri::command]
pub fn day_counts(state: State<'_, AppState>, query: ActionQuery) -> Result<Vec<DayCount>, ApiError> {
    state.with_db(|db| db.day_counts(&query))
}
