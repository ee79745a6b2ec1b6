//! Organisation settings: catalogue entries and people.

use cadence_core::organisation::CatalogPatch;
use cadence_core::{Catalog, NewPerson, Person};
use tauri::State;

use crate::error::ApiError;
use crate::state::AppState;

#[tauri::command]
pub fn catalog_all(state: State<'_, AppState>) -> Result<Catalog, ApiError> {
    state.with_db(|db| db.catalog_all())
}

#[tauri::command]
pub fn add_catalog_entry(state: State<'_, AppState>, list: String, label: String, patch: CatalogPatch) -> Result<String, ApiError> {
    state.with_db(|db| db.add_catalog_entry(&list, &label, &patch))
}

#[tauri::command]
pub fn update_catalog_entry(state: State<'_, AppState>, list: String, key: String, patch: CatalogPatch) -> Result<(), ApiError> {
    state.with_db(|db| db.update_catalog_entry(&list, &key, &patch))
}

#[tauri::command]
pub fn add_person(state: State<'_, AppState>, person: NewPerson) -> Result<Person, ApiError> {
    state.with_db(|db| db.add_person(&person))
}

#[tauri::command]
pub fn update_person(state: State<'_, AppState>, person: String, input: NewPerson) -> Result<Person, ApiError> {
    state.with_db(|db| db.update_person(&person, &input))
}

/// Everyone, the archived too: the organisation's list, where a person is archived and restored.
#[tauri::command]
pub fn people_all(state: State<'_, AppState>) -> Result<Vec<Person>, ApiError> {
    state.with_db(|db| db.people_all())
}

#[tauri::command]
pub fn archive_person(state: State<'_, AppState>, id: i64) -> Result<Person, ApiError> {
    state.with_db(|db| db.archive_person(id))
}

#[tauri::command]
pub fn restore_person(state: State<'_, AppState>, id: i64) -> Result<Person, ApiError> {
    state.with_db(|db| db.restore_person(id))
}
