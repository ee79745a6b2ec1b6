//! Export, import, backups and recovery. Paths chosen by the webview are limited to the data folder's
//! own backups: the window cannot make Cadence read or overwrite arbitrary files.

use std::path::{Path, PathBuf};

use cadence_core::backup::{self, BackupInfo};
use cadence_core::transfer::csv::{CsvPreview, Mapping};
use cadence_core::transfer::import::ImportReport;
use cadence_core::{CoreError, Db, Msg};
use serde::Serialize;
use tauri::State;

use crate::error::ApiError;
use crate::state::AppState;

fn data_dir(state: &AppState) -> Result<PathBuf, ApiError> {
    state.data_dir.clone().ok_or_else(|| state.error(CoreError::Conflict(Msg::new("app.no_data_folder"))))
}

/// A backup path given by the window must be one of the listed backups.
fn listed_backup(state: &AppState, path: &str) -> Result<PathBuf, ApiError> {
    let dir = data_dir(state)?;
    let list = backup::list_in(&dir)?;
    list.iter()
        .find(|b| b.path == path)
        .map(|b| PathBuf::from(&b.path))
        .ok_or_else(|| state.error(CoreError::Invalid { field: "path", reason: Msg::new("backup.not_listed") }))
}

/// Writes an export into the user's Downloads folder (or the data folder's `exports/`); returns its path.
#[tauri::command]
pub fn export_data(state: State<'_, AppState>, format: String) -> Result<String, ApiError> {
    let folder = match dirs_downloads() {
        Some(d) => d,
        None => data_dir(&state)?.join("exports"),
    };
    std::fs::create_dir_all(&folder)
        .map_err(|source| state.error(CoreError::Io { context: Msg::new("io.create").arg("path", folder.display()), source }))?;
    let ext = match format.as_str() {
        "csv" => "csv",
        "ics" => "ics",
        _ => "json",
    };
    let name = format!("cadence-{}.{ext}", chrono::Local::now().format("%Y-%m-%d-%H%M%S"));
    let path = folder.join(name);
    state.with_db(|db| db.export_to(&format, &path))?;
    Ok(path.display().to_string())
}

/// A month's review of a person (`month` `YYYY-MM`; the previous month when absent).
#[tauri::command]
pub fn monthly_review(state: State<'_, AppState>, person: String, month: Option<String>) -> Result<cadence_core::review::MonthlyReview, ApiError> {
    state.with_db(|db| db.monthly_review(&person, month.as_deref()))
}

/// Writes the month's review as a PDF into Downloads (or the data folder's `exports/`); returns its path.
/// One call, no dialog: the assistant's one click.
#[tauri::command]
pub async fn review_pdf(state: State<'_, AppState>, person: String, month: Option<String>) -> Result<String, ApiError> {
    let folder = match dirs_downloads() {
        Some(d) => d,
        None => data_dir(&state)?.join("exports"),
    };
    std::fs::create_dir_all(&folder)
        .map_err(|source| state.error(CoreError::Io { context: Msg::new("io.create").arg("path", folder.display()), source }))?;
    state.on_worker(move |db| db.save_review_pdf(&person, month.as_deref(), &folder)).await.map(|p| p.display().to_string())
}

/// The user's Downloads folder (`XDG_DOWNLOAD_DIR` first, as tests set it; then the OS's own), if it exists.
fn dirs_downloads() -> Option<PathBuf> {
    std::env::var_os("XDG_DOWNLOAD_DIR")
        .map(PathBuf::from)
        .or_else(dirs::download_dir)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join("Downloads")))
        .filter(|p| p.is_dir())
}

/// What an import would do: for CSV the columns and suggested mapping, how the file's bytes were read
/// (`utf-8`, `windows-1252`, ...), and always a dry run.
#[derive(Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    csv: Option<CsvPreview>,
    encoding: String,
    report: Result<ImportReport, ApiError>,
}

/// The file's bytes, as the window sends them (base64: the core decides how to read them, not WebKit).
fn file_bytes(state: &AppState, data: &str) -> Result<Vec<u8>, ApiError> {
    use base64::Engine as _;
    // Checked before decoding: base64 carries three bytes in four characters.
    cadence_core::transfer::import::check_size(data.len() as u64 / 4 * 3).map_err(|e| state.error(e))?;
    base64::engine::general_purpose::STANDARD
        .decode(data.trim())
        .map_err(|_| state.error(CoreError::Invalid { field: "data", reason: Msg::new("import.not_base64") }))
}

#[tauri::command]
pub async fn import_preview(state: State<'_, AppState>, data: String, mapping: Option<Mapping>) -> Result<ImportPreview, ApiError> {
    let bytes = file_bytes(&state, &data)?;
    let locale = state.locale();
    let (csv, encoding, report) = state
        .on_worker(move |db| {
            let (text, encoding) = cadence_core::transfer::import::decode_named(&bytes)?;
            let csv = if text.trim_start().starts_with('{') { None } else { Some(db.csv_preview(&text)?) };
            let mapping = mapping.or_else(|| csv.as_ref().map(|c| c.mapping.clone()));
            let report = db.import_text(&text, mapping.as_ref(), true);
            Ok((csv, encoding, report))
        })
        .await?;
    Ok(ImportPreview { csv, encoding: encoding.into(), report: report.map_err(|e| ApiError::localized(e, locale)) })
}

#[tauri::command]
pub async fn import_data(state: State<'_, AppState>, data: String, mapping: Option<Mapping>) -> Result<ImportReport, ApiError> {
    let bytes = file_bytes(&state, &data)?;
    state
        .on_worker(move |db| {
            let text = cadence_core::transfer::import::decode(bytes)?;
            db.import_text(&text, mapping.as_ref(), false)
        })
        .await
}

#[tauri::command]
pub fn backups(state: State<'_, AppState>) -> Result<Vec<BackupInfo>, ApiError> {
    Ok(backup::list_in(&data_dir(&state)?)?)
}

#[tauri::command]
pub async fn backup_now(state: State<'_, AppState>) -> Result<String, ApiError> {
    state.on_worker(|db| db.backup_named("manual")).await.map(|p| p.display().to_string())
}

#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>, path: String) -> Result<String, ApiError> {
    let file = listed_backup(&state, &path)?;
    let kept = state.on_worker(move |db| db.restore(&file)).await?;
    // The window's connection starts afresh on the restored content (nothing it remembered of the old one stays).
    let dir = data_dir(&state)?;
    state.replace(Db::open_dir_with_clock(&dir, Box::new(crate::clock::Shared(state.clock.clone()))))?;
    Ok(kept.display().to_string())
}

/// When the database did not open: the newest backup that passes the check, if any.
#[tauri::command]
pub fn recovery_info(state: State<'_, AppState>) -> Result<Option<BackupInfo>, ApiError> {
    Ok(backup::newest_good(&data_dir(&state)?)?)
}

/// Replaces the unusable database with a backup (the broken file is kept aside) and opens it.
#[tauri::command]
pub fn recover_backup(state: State<'_, AppState>, path: String) -> Result<String, ApiError> {
    if state.open_error().is_none() {
        return Err(state.error(CoreError::Conflict(Msg::new("database.fine"))));
    }
    let file = listed_backup(&state, &path)?;
    let dir = data_dir(&state)?;
    let kept = backup::recover(&dir, &file)?;
    state.replace(Db::open_dir_with_clock(&dir, Box::new(crate::clock::Shared(state.clock.clone()))))?;
    Ok(kept.display().to_string())
}
