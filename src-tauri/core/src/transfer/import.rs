//! Importing: all or nothing, in one transaction, matching on keys, names and uids so that the same file
//! imported twice adds nothing the second time. A backup is taken first; `dry_run` rolls back and reports.

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use super::changes::Change;
use super::{ExportDoc, FORMAT, FORMAT_VERSION};
use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::i18n::Msg;

/// The largest file Cadence will import.
pub const MAX_IMPORT_BYTES: u64 = 256 * 1024 * 1024;

/// What an import did (or, with `dry_run`, would do).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    /// `json` or `csv`.
    pub format: String,
    pub dry_run: bool,
    /// Rows added per kind of record.
    pub added: HashMap<String, i64>,
    /// Records in the file that were already there.
    pub skipped: u64,
    /// The backup taken before importing (absent for a dry run).
    pub backup: Option<String>,
    /// What the import changes in records already here (a label, a colour, a target), so the preview says it.
    pub changed: Vec<Change>,
}

fn err(field: impl Into<String>, reason: Msg) -> CoreError {
    CoreError::Import { line: None, field: field.into(), reason }
}

fn cannot_read(path: &Path) -> impl FnOnce(std::io::Error) -> CoreError + '_ {
    move |source| CoreError::Io { context: Msg::new("io.read").arg("path", path.display()), source }
}

/// Refuses an import of `size` bytes above [`MAX_IMPORT_BYTES`], whether read from a path or sent by the window.
pub fn check_size(size: u64) -> Result<()> {
    if size > MAX_IMPORT_BYTES {
        return Err(err("file", Msg::new("import.too_big").arg("size", size >> 20).arg("max", MAX_IMPORT_BYTES >> 20)));
    }
    Ok(())
}

/// Reads a file for import: size-limited, decoded by [`decode`].
pub fn read_text(path: &Path) -> Result<String> {
    check_size(std::fs::metadata(path).map_err(cannot_read(path))?.len())?;
    let bytes = std::fs::read(path).map_err(cannot_read(path))?;
    decode(bytes)
}

/// Bytes to text; see [`decode_named`].
pub fn decode(bytes: Vec<u8>) -> Result<String> {
    decode_named(&bytes).map(|(text, _)| text)
}

/// Bytes to text, and the encoding they were read in (`utf-8`, `utf-16le`, `utf-16be` or `windows-1252`):
/// UTF-8 with or without a byte-order mark; UTF-16 with its mark (Excel's "Unicode text"); and otherwise
/// Windows-1252, what LibreOffice's and Excel's plain "CSV" write on a Western European desktop (a Dutch
/// LibreOffice saves `Zoë` with the single byte 0xEB), where every byte is a character. A file with a NUL byte
/// that is not UTF-16 is no text but a workbook (`.xlsx`, `.ods`) and is refused, naming its line.
pub fn decode_named(bytes: &[u8]) -> Result<(String, &'static str)> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return Ok((text.into_owned(), if enc == encoding_rs::UTF_8 { "utf-8" } else if enc == encoding_rs::UTF_16LE { "utf-16le" } else { "utf-16be" }));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        return Err(CoreError::Import { line: Some(line), field: "file".into(), reason: Msg::new("import.not_text") });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_string(), "utf-8")),
        Err(_) => Ok((encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(), "windows-1252")),
    }
}

impl Db {
    /// Imports a Cadence JSON export or a CSV of actions, chosen by the file's content.
    pub fn import_file(&mut self, path: &Path, dry_run: bool) -> Result<ImportReport> {
        let text = read_text(path)?;
        self.import_text(&text, None, dry_run)
    }

    /// Imports text: JSON when it starts with `{`, CSV otherwise (with `mapping` for the CSV columns). A backup
    /// of the file is taken first (not for a dry run).
    pub fn import_text(&mut self, text: &str, mapping: Option<&super::csv::Mapping>, dry_run: bool) -> Result<ImportReport> {
        let json = text.trim_start().starts_with('{');
        // Parse and check everything that needs no database first.
        let doc = if json { Some(parse_doc(text)?) } else { None };
        let backup = if dry_run { None } else { Some(self.backup_named("pre-import")?) };
        let now = self.clock.now();
        let done = crate::service::transfer::import(self, text, doc.as_ref(), mapping, now, dry_run)?;
        Ok(ImportReport {
            format: if json { "json" } else { "csv" }.into(),
            dry_run,
            added: done.added,
            skipped: done.skipped,
            backup: backup.map(|p| p.display().to_string()),
            changed: done.changed,
        })
    }
}

/// Parses and checks a JSON export, naming the line of a syntax or shape error.
pub fn parse_doc(text: &str) -> Result<ExportDoc> {
    // The format and version first: a document from a newer Cadence is "too new", not an unknown field.
    #[derive(serde::Deserialize)]
    struct Head {
        format: Option<String>,
        version: Option<u32>,
    }
    if let Ok(Head { format: Some(format), version: Some(version) }) = serde_json::from_str::<Head>(text) {
        if format == FORMAT && version > FORMAT_VERSION {
            return Err(err("version", Msg::new("import.too_new").arg("version", version).arg("supported", FORMAT_VERSION)));
        }
    }
    let doc: ExportDoc = serde_json::from_str(text).map_err(|e| CoreError::Import {
        line: Some(e.line()),
        field: "json".into(),
        // serde_json's own words, without the position it also gives as `line`.
        reason: Msg::external(e.to_string().split(" at line").next().unwrap_or_default()),
    })?;
    if doc.format != FORMAT {
        return Err(err("format", Msg::new("import.not_export").arg("format", &doc.format)));
    }
    if doc.version > FORMAT_VERSION {
        return Err(err("version", Msg::new("import.too_new").arg("version", doc.version).arg("supported", FORMAT_VERSION)));
    }
    Ok(doc)
}

