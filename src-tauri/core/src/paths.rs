//! Where the data lives: `--data-dir`, else `CADENCE_DATA_DIR`, else the OS app-data folder.

use std::path::PathBuf;

use crate::error::{CoreError, Result};
use crate::i18n::Msg;

/// The environment variable that overrides the data folder.
pub const DATA_DIR_ENV: &str = "CADENCE_DATA_DIR";

/// Resolves the data folder: an explicit folder wins, then `CADENCE_DATA_DIR`, then the OS default
/// (`$XDG_DATA_HOME/cadence`, i.e. `~/.local/share/cadence`, on Linux).
pub fn data_dir(explicit: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(dir) = explicit.filter(|d| !d.as_os_str().is_empty()) {
        return Ok(dir);
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    dirs::data_dir().map(|d| d.join("cadence")).ok_or_else(|| CoreError::Io {
        context: Msg::new("io.no_data_dir"),
        source: std::io::Error::from(std::io::ErrorKind::NotFound),
    })
}
