//! A person's rhythm: targets per category, working days, day start and planned absences.

use cadence_core::{Absence, CategoryTarget, Per, Person};
use tauri::State;

use crate::error::ApiError;
use crate::state::AppState;

#[tauri::command]
pub fn targets(state: State<'_, AppState>, person: String) -> Result<Vec<CategoryTarget>, ApiError> {
    state.with_db(|db| {
        let id = db.find_person(&person)?.id;
        db.targets(id)
    })
}

#[tauri::command]
pub fn set_target(
    state: State<'_, AppState>,
    person: String,
    category: String,
    times: u32,
    per: String,
) -> Result<CategoryTarget, ApiError> {
    state.with_db(|db| db.set_target(&person, &category, times, Per::parse(&per)?))
}

#[tauri::command]
pub fn set_schedule(
    state: State<'_, AppState>,
    person: String,
    working_days: Option<Vec<String>>,
    day_start: Option<String>,
) -> Result<Person, ApiError> {
    state.with_db(|db| db.set_schedule(&person, working_days.as_deref(), day_start.as_deref()))
}

#[tauri::command]
pub fn absences(state: State<'_, AppState>, person: Option<String>) -> Result<Vec<Absence>, ApiError> {
    state.with_db(|db| db.absences(person.as_deref()))
}

#[tauri::command]
pub fn add_absence(
    state: State<'_, AppState>,
    person: String,
    from: String,
    to: String,
    reason: String,
) -> Result<Absence, ApiError> {
    state.with_db(|db| db.add_absence(&person, &from, &to, &reason))
}

#[tauri::command]
pub fn delete_absence(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    state.with_db(|db| db.delete_absence(id))
}
