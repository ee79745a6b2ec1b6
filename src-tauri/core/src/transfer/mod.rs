//! Export and import: a versioned, lossless JSON document of everything; CSV of actions for spreadsheets;
//! iCalendar of open follow-ups for an assistant's calendar.
//!
//! Records refer to each other by what survives a move between databases: catalogue keys, people's
//! names and random `uid`s, never row ids. That is what makes "export, import into an empty folder,
//! export again" give the same document, and importing the same file twice add nothing the second time.

pub(crate) mod changes;
pub mod csv;
pub mod ics;
pub mod import;
pub(crate) mod locate;
pub mod sheet;
pub mod words;
mod types;

pub use changes::Change;
pub use types::*;

use std::path::Path;

use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::i18n::Msg;
use crate::store::Store;

/// The `format` field of Cadence's JSON export.
pub const FORMAT: &str = "cadence-export";
/// The version of the JSON document (not the database schema). Version 2 adds each person's rhythm and target
/// history, a rule's `activeFrom` and an occurrence's `missed`; version 3 the uids of people, catalogue entries
/// and targets; version 4 what a fired reminder says, as data (`notice`), and its own uid. Older documents
/// still import.
pub const FORMAT_VERSION: u32 = 4;

impl Db {
    /// Everything, as one versioned document.
    pub fn export_doc(&self) -> Result<ExportDoc> {
        crate::service::transfer::export(&self.reader(), self.clock.now())
    }

    /// The JSON export as text.
    pub fn export_json(&self) -> Result<String> {
        serde_json::to_string_pretty(&self.export_doc()?)
            .map_err(|e| CoreError::Io { context: Msg::new("io.write_json"), source: e.into() })
    }

    /// Writes an export (`json`, `csv` or `ics`) to `path`, via a temporary file renamed into place.
    pub fn export_to(&self, format: &str, path: &Path) -> Result<usize> {
        let text = match format.trim().to_ascii_lowercase().as_str() {
            "json" => self.export_json()?,
            "csv" => self.export_csv()?,
            "ics" | "ical" | "icalendar" => self.export_ics()?,
            other => return Err(CoreError::invalid("format", Msg::new("transfer.format.unknown").arg("format", other))),
        };
        let tmp = path.with_extension("partial");
        let io = |source| CoreError::Io { context: Msg::new("io.write").arg("path", path.display()), source };
        crate::private::write_atomically(&tmp, path, text.as_bytes()).map_err(io)?;
        Ok(text.len())
    }
}
