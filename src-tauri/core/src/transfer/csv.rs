//! CSV of actions (RFC 4180, UTF-8, one row per action, ISO dates, readable column names), and importing
//! such a file, or a spreadsheet's own, through a column mapping the UI previews first.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::i18n::Msg;
use crate::model::NewAction;

/// The columns Cadence writes, in order; also the names it recognises when importing.
pub const COLUMNS: [&str; 12] =
    ["Date", "Time", "Time zone", "Person", "Category", "Note", "Channel", "Audiences", "Values", "Logged by", "Occurred at (UTC)", "Action ID"];

/// Which CSV column (0-based) holds each field. `date`, `person` and `category` are required.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(optional_fields = nullable)]
pub struct Mapping {
    pub date: Option<usize>,
    pub time: Option<usize>,
    pub tz: Option<usize>,
    pub person: Option<usize>,
    pub category: Option<usize>,
    pub note: Option<usize>,
    pub channel: Option<usize>,
    pub audiences: Option<usize>,
    pub values: Option<usize>,
    pub uid: Option<usize>,
    /// How to read dates like `03/11/2026`; when absent, the file's own dates decide (a day above 12), and
    /// else the OS locale (`sheet::os_order`).
    pub date_order: Option<super::sheet::DateOrder>,
}

/// What the UI shows before importing a CSV: its columns, a few rows and the mapping Cadence suggests.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvPreview {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub total_rows: usize,
    pub mapping: Mapping,
    /// The order dates will be read in, and whether the file leaves it open (its dates read both ways, so the
    /// preview asks; the default is the OS locale's).
    pub date_order: super::sheet::DateOrder,
    pub date_order_open: bool,
}

fn csv_error(line: Option<usize>, e: impl std::fmt::Display) -> CoreError {
    CoreError::Import { line, field: "csv".into(), reason: Msg::external(e) }
}

/// Suggests a mapping from header names (Cadence's own, and common synonyms, in English and Dutch).
pub fn suggest(headers: &[String]) -> Mapping {
    let find = |names: &[&str]| {
        headers.iter().position(|h| {
            let h = h.trim().to_lowercase();
            names.iter().any(|n| h == *n)
        })
    };
    Mapping {
        date: find(&["date", "datum", "day", "local date"]),
        time: find(&["time", "tijd"]),
        tz: find(&["time zone", "timezone", "tz", "tijdzone"]),
        person: find(&["person", "persoon", "leader", "name", "naam"]),
        category: find(&["category", "categorie", "kind", "type"]),
        note: find(&["note", "notitie", "notes", "description", "omschrijving"]),
        channel: find(&["channel", "kanaal", "means"]),
        audiences: find(&["audiences", "audience", "doelgroepen"]),
        values: find(&["values", "waarden", "value"]),
        uid: find(&["action id", "uid", "id"]),
        date_order: None,
    }
}

/// A reader for the sheet's own dialect: its separator (comma, semicolon or tab), no byte-order mark.
fn reader(text: &str) -> ::csv::Reader<&[u8]> {
    let text = super::sheet::strip_bom(text);
    ::csv::ReaderBuilder::new()
        .delimiter(super::sheet::sniff_delimiter(text))
        .flexible(false)
        .trim(::csv::Trim::Fields)
        .from_reader(text.as_bytes())
}

/// The order the file's dates show (the first date with a day above 12), if any, and whether some date needs
/// an order to be read.
fn dates_order(text: &str, date_col: Option<usize>) -> (Option<super::sheet::DateOrder>, bool) {
    let Some(col) = date_col else { return (None, false) };
    let (mut shown, mut open) = (None, false);
    for rec in reader(text).records().flatten() {
        let Some(t) = rec.get(col) else { continue };
        shown = shown.or(super::sheet::order_shown(t));
        open |= super::sheet::is_ambiguous(t);
    }
    (shown, open && shown.is_none())
}

/// Reads the headers and the first rows.
pub fn preview(text: &str) -> Result<CsvPreview> {
    let mut rdr = reader(text);
    let headers: Vec<String> = rdr.headers().map_err(|e| csv_error(Some(1), e))?.iter().map(String::from).collect();
    let mut rows = Vec::new();
    let mut total = 0;
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| csv_error(Some(i + 2), e))?;
        if rows.len() < 5 {
            rows.push(rec.iter().map(String::from).collect());
        }
        total += 1;
    }
    let mapping = suggest(&headers);
    let (shown, open) = dates_order(text, mapping.date);
    Ok(CsvPreview { mapping, headers, rows, total_rows: total, date_order: shown.unwrap_or_else(super::sheet::os_order), date_order_open: open })
}

impl Db {
    /// All actions as CSV, oldest first.
    pub fn export_csv(&self) -> Result<String> {
        let mut out = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(Vec::new());
        let write_err = |e: ::csv::Error| CoreError::Io { context: Msg::new("io.write_csv"), source: std::io::Error::other(e) };
        out.write_record(COLUMNS).map_err(write_err)?;
        let doc = self.export_doc()?;
        // Units are written `unit:KEY`: read back, a bare word is a layer's key or label first (in either
        // language), so a unit named like a layer (Staff, Medewerkers) would come back as that layer.
        for a in &doc.actions {
            let instant = DateTime::<Utc>::from_timestamp_millis(a.occurred_at).unwrap_or_default();
            let zone = crate::time::Zone::parse(&a.tz).unwrap_or(crate::time::Zone::Iana(chrono_tz::UTC));
            let mut audiences = a.layers.clone();
            audiences.extend(a.units.iter().map(|u| format!("unit:{u}")));
            out.write_record([
                a.local_date.clone(),
                zone.local(instant).format("%H:%M").to_string(),
                a.tz.clone(),
                a.person.clone(),
                a.category.clone(),
                a.note.clone(),
                a.channel.clone().unwrap_or_default(),
                audiences.join(";"),
                a.values.join(";"),
                a.logged_by.clone().unwrap_or_default(),
                instant.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                a.uid.clone(),
            ])
            .map_err(write_err)?;
        }
        let bytes = out.into_inner().map_err(|e| CoreError::Io { context: Msg::new("io.write_csv"), source: std::io::Error::other(e.to_string()) })?;
        String::from_utf8(bytes).map_err(|e| CoreError::Io { context: Msg::new("io.csv_not_utf8"), source: std::io::Error::other(e) })
    }

    /// Shows a CSV's columns and the mapping Cadence would use.
    pub fn csv_preview(&self, text: &str) -> Result<CsvPreview> {
        preview(text)
    }
}

/// Imports CSV rows as actions inside `tx`, each validated like a logged action. Returns the rows skipped
/// because they were imported before (same Action ID, or the same content when the file has none).
pub(crate) fn import_csv(repos: &mut impl crate::store::Repos, text: &str, mapping: Option<&Mapping>, now: DateTime<Utc>) -> Result<u64> {
    let mut rdr = reader(text);
    let headers: Vec<String> = rdr.headers().map_err(|e| csv_error(Some(1), e))?.iter().map(String::from).collect();
    let m = mapping.cloned().unwrap_or_else(|| suggest(&headers));
    let need = |col: Option<usize>, name: &str| {
        col.filter(|c| *c < headers.len()).ok_or_else(|| CoreError::Import {
            line: Some(1),
            field: name.into(),
            reason: Msg::new("import.unmapped"),
        })
    };
    let (date_col, person_col, category_col) = (need(m.date, "date")?, need(m.person, "person")?, need(m.category, "category")?);
    let order = m.date_order.or_else(|| dates_order(text, Some(date_col)).0).unwrap_or_else(super::sheet::os_order);
    // Rows without an Action ID are told apart by their content and how many identical rows came before:
    // two identical rows are two actions, and the same file imported again is recognised row by row.
    let mut seen: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    let mut skipped = 0;
    let words = super::words::Words::load(repos)?;
    use super::words::Kind;
    for (i, rec) in rdr.records().enumerate() {
        let line = i + 2;
        let rec = rec.map_err(|e| csv_error(Some(line), e))?;
        let get = |col: Option<usize>| col.and_then(|c| rec.get(c)).map(str::trim).filter(|s| !s.is_empty()).map(String::from);
        let list = |col: Option<usize>| -> Vec<String> { get(col).map(|s| s.split([';', ',']).map(|x| x.trim().to_string()).filter(|x| !x.is_empty()).collect()).unwrap_or_default() };
        // Catalogue entries by key or by label, in English or Dutch (`words`).
        let input = NewAction {
            person: get(Some(person_col)).unwrap_or_default(),
            category: get(Some(category_col)).map(|c| words.key(Kind::Category, &c)).unwrap_or_default(),
            note: get(m.note),
            channel: get(m.channel).map(|c| words.key(Kind::Channel, &c)),
            audiences: list(m.audiences).iter().map(|a| words.audience(a)).collect(),
            values: list(m.values).iter().map(|v| words.key(Kind::Value, v)).collect(),
            at: None,
            // A sheet's date in any of its shapes becomes ISO; text that is no date goes on as it is, so the
            // validation names its line and field.
            date: Some(get(Some(date_col)).map(|t| super::sheet::parse_date(&t, order).map_or(t, |d| d.to_string())).unwrap_or_default()),
            // Likewise a sheet's time (`09:15:00`, `2:00:00 PM`) becomes `HH:MM`.
            time: get(m.time).map(|t| super::sheet::parse_time(&t).map_or(t, |t| t.format("%H:%M").to_string())),
            tz: get(m.tz),
            logged_by: None,
        };
        let uid = get(m.uid).unwrap_or_else(|| {
            let base = content_uid(&input);
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            if *n == 1 { base } else { format!("{base}-{n}") }
        });
        if repos.action_by_uid(&uid)?.is_some() {
            skipped += 1;
            continue;
        }
        let at_line = |e: CoreError| match e {
            CoreError::Invalid { field, reason } => CoreError::Import { line: Some(line), field: field.into(), reason },
            CoreError::NotFound { entity, key } => CoreError::Import { line: Some(line), field: entity.into(), reason: Msg::new("import.not_found").arg("key", key) },
            other => other,
        };
        let valid = crate::service::actions::validate(repos, &input, now, None, None, None).map_err(at_line)?;
        repos.insert_action(&crate::store::ActionRecord { uid: Some(uid), ..valid })?;
    }
    Ok(skipped)
}

/// A stable id for a CSV row without an Action ID, so the same row imported twice is recognised.
fn content_uid(a: &NewAction) -> String {
    let mut h = Sha256::new();
    for part in [&a.person, &a.category, a.date.as_deref().unwrap_or(""), a.time.as_deref().unwrap_or(""), a.note.as_deref().unwrap_or("")] {
        h.update(part.to_lowercase().as_bytes());
        h.update([0u8]);
    }
    let digest = h.finalize();
    format!("csv-{}", digest.iter().take(12).map(|b| format!("{b:02x}")).collect::<String>())
}

