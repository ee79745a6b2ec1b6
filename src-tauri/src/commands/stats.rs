//! The dashboard's statistics and the team overview.

use cadence_core::{Stats, StatsQuery, TeamRow};
use tauri::State;

use crate::error::ApiError;
use crate::state::AppState;

#[tauri::command]
pub fn stats(state: State<'_, AppState>, query: StatsQuery) -> Result<Stats, ApiError> {
    state.with_db(|db| db.stats(&query))
}

#[tauri::command]
pub fn team(state: State<'_, AppState>, as_of: Option<String>) -> Result<Vec<TeamRow>, ApiError> {
    state.with_db(|db| db.team(as_of.as_deref()))
}
