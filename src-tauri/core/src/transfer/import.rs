//! Importing: all or nothing, in one transaction, matching on keys, names and uids so that the same file
//! imported twice adds nothing the second time. A backup is taken first; `dry_run` rolls back and reports.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::changes::{diff, Change};
use super::locate::at_line;
use super::{ExportDoc, PersonEntry, FORMAT, FORMAT_VERSION};
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

    /// Imports text: JSON when it starts with `{`, CSV otherwise (with `mapping` for the CSV columns).
    pub fn import_text(&mut self, text: &str, mapping: Option<&super::csv::Mapping>, dry_run: bool) -> Result<ImportReport> {
        let json = text.trim_start().starts_with('{');
        // Parse and check everything that needs no database first.
        let doc = if json { Some(parse_doc(text)?) } else { None };
        let before: HashMap<&str, i64> = self.counts()?.into_iter().collect();
        let backup = if dry_run { None } else { Some(self.backup_named("pre-import")?) };
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut changed = Vec::new();
        let skipped = match &doc {
            Some(doc) => import_doc(&tx, doc, &mut changed).map_err(|e| at_line(e, text, doc))?,
            None => super::csv::import_csv(&tx, text, mapping, self.clock.now())?,
        };
        let after: Vec<(&str, i64)> = crate::transfer::count_in(&tx)?;
        if dry_run {
            tx.rollback()?;
        } else {
            tx.commit()?;
        }
        let added = after
            .into_iter()
            .map(|(k, n)| (k.to_string(), n - before.get(k).copied().unwrap_or(0)))
            .filter(|(_, n)| *n != 0)
            .collect();
        Ok(ImportReport {
            format: if json { "json" } else { "csv" }.into(),
            dry_run,
            added,
            skipped,
            backup: backup.map(|p| p.display().to_string()),
            changed,
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

fn id_of(tx: &rusqlite::Connection, sql: &str, key: &str, field: String) -> Result<i64> {
    tx.prepare_cached(sql)?
        .query_row([key], |r| r.get(0))
        .optional()?
        .ok_or_else(|| err(field, Msg::new("import.unknown_ref").arg("key", key)))
}

fn opt_id(tx: &rusqlite::Connection, sql: &str, key: Option<&str>, field: String) -> Result<Option<i64>> {
    key.map(|k| id_of(tx, sql, k, field)).transpose()
}

const PERSON: &str = "SELECT id FROM people WHERE name = ?1 COLLATE NOCASE";
const CATEGORY: &str = "SELECT id FROM categories WHERE key = ?1";
const CHANNEL: &str = "SELECT id FROM channels WHERE key = ?1";
const LAYER: &str = "SELECT id FROM layers WHERE key = ?1";
const UNIT: &str = "SELECT id FROM units WHERE key = ?1";
const VALUE: &str = "SELECT id FROM value_items WHERE key = ?1";
const ACTION: &str = "SELECT id FROM actions WHERE uid = ?1";

/// Writes a document into the open transaction; returns how many records were already there.
fn import_doc(tx: &rusqlite::Connection, doc: &ExportDoc, changed: &mut Vec<Change>) -> Result<u64> {
    let flag = |b: bool| i64::from(b).to_string();
    let mut skipped = 0u64;
    let none = |n: usize| u64::from(n == 0);
    // People this import adds: they bring their rhythm and target history; people already here keep theirs.
    let mut new_people: Vec<(usize, i64)> = Vec::new();
    // The document's people found here by uid under another name: the document's name -> the id here.
    let mut known: HashMap<String, i64> = HashMap::new();
    // The row here each of the file's people was matched to or made as: id -> index in the file.
    let mut claimed: HashMap<i64, usize> = HashMap::new();
    // The catalogue takes the file's labels, colours and ranks: they are the organisation's own words. An entry
    // is matched by its key (the handle, unique per kind). A new one keeps the file's uid; one found here with
    // another uid (both copies made it apart) keeps the lesser of the two, unless another entry has it, so two
    // copies agree whichever imports the other's file, and a uid changes at most once per pair of copies.
    for (i, e) in doc.layers.iter().enumerate() {
        check_key(&e.key, format!("layers[{i}].key"))?;
        diff(tx, "layer", "SELECT label, archived FROM layers WHERE key = ?1", &e.key, &[("label", e.label.clone()), ("archived", flag(e.archived))], changed)?;
        tx.execute(
            "INSERT INTO layers (key, label, rank, archived, uid) VALUES (?1, ?2, ?3, ?4, (SELECT CASE WHEN EXISTS
                 (SELECT 1 FROM layers WHERE uid = ?5) THEN NULL ELSE nullif(?5, '') END))
             ON CONFLICT(key) DO UPDATE SET label = excluded.label, rank = excluded.rank, archived = excluded.archived,
                 uid = CASE WHEN excluded.uid < uid THEN excluded.uid ELSE uid END",
            params![e.key, e.label, e.rank, e.archived, entry_uid(e, format!("layers[{i}].uid"))?],
        )?;
    }
    for (i, e) in doc.units.iter().enumerate() {
        check_key(&e.key, format!("units[{i}].key"))?;
        diff(tx, "unit", "SELECT label, archived FROM units WHERE key = ?1", &e.key, &[("label", e.label.clone()), ("archived", flag(e.archived))], changed)?;
        tx.execute(
            "INSERT INTO units (key, label, archived, uid) VALUES (?1, ?2, ?3, (SELECT CASE WHEN EXISTS
                 (SELECT 1 FROM units WHERE uid = ?4) THEN NULL ELSE nullif(?4, '') END))
             ON CONFLICT(key) DO UPDATE SET label = excluded.label, archived = excluded.archived,
                 uid = CASE WHEN excluded.uid < uid THEN excluded.uid ELSE uid END",
            params![e.key, e.label, e.archived, entry_uid(e, format!("units[{i}].uid"))?],
        )?;
    }
    for (i, e) in doc.categories.iter().enumerate() {
        check_key(&e.key, format!("categories[{i}].key"))?;
        let colour = e.colour.clone().unwrap_or_else(|| "#64748b".into());
        let fields = [("label", e.label.clone()), ("colour", colour.clone()), ("archived", flag(e.archived))];
        diff(tx, "category", "SELECT label, colour, archived FROM categories WHERE key = ?1", &e.key, &fields, changed)?;
        tx.execute(
            "INSERT INTO categories (key, label, colour, rank, archived, uid) VALUES (?1, ?2, ?3, ?4, ?5, (SELECT CASE WHEN
                 EXISTS (SELECT 1 FROM categories WHERE uid = ?6) THEN NULL ELSE nullif(?6, '') END))
             ON CONFLICT(key) DO UPDATE SET label = excluded.label, colour = excluded.colour, rank = excluded.rank,
                 archived = excluded.archived,
                 uid = CASE WHEN excluded.uid < uid THEN excluded.uid ELSE uid END",
            params![e.key, e.label, colour, e.rank, e.archived, entry_uid(e, format!("categories[{i}].uid"))?],
        )?;
    }
    for (i, e) in doc.channels.iter().enumerate() {
        check_key(&e.key, format!("channels[{i}].key"))?;
        let fields = [("label", e.label.clone()), ("external", flag(e.external.unwrap_or(false))), ("archived", flag(e.archived))];
        diff(tx, "channel", "SELECT label, external, archived FROM channels WHERE key = ?1", &e.key, &fields, changed)?;
        tx.execute(
            "INSERT INTO channels (key, label, external, archived, uid) VALUES (?1, ?2, ?3, ?4, (SELECT CASE WHEN EXISTS
                 (SELECT 1 FROM channels WHERE uid = ?5) THEN NULL ELSE nullif(?5, '') END))
             ON CONFLICT(key) DO UPDATE SET label = excluded.label, external = excluded.external, archived = excluded.archived,
                 uid = CASE WHEN excluded.uid < uid THEN excluded.uid ELSE uid END",
            params![e.key, e.label, e.external.unwrap_or(false), e.archived, entry_uid(e, format!("channels[{i}].uid"))?],
        )?;
        let channel = id_of(tx, CHANNEL, &e.key, format!("channels[{i}]"))?;
        for unit in e.units.iter().flatten() {
            let unit = id_of(tx, UNIT, unit, format!("channels[{i}].units"))?;
            tx.execute("INSERT OR IGNORE INTO channel_units (channel_id, unit_id) VALUES (?1, ?2)", params![channel, unit])?;
        }
    }
    for (i, e) in doc.values.iter().enumerate() {
        check_key(&e.key, format!("values[{i}].key"))?;
        let kind = e.kind.clone().unwrap_or_else(|| "value".into());
        if kind != "value" && kind != "theme" {
            return Err(err(format!("values[{i}].kind"), Msg::new("value.kind.needed")));
        }
        let fields = [("label", e.label.clone()), ("kind", kind.clone()), ("archived", flag(e.archived))];
        diff(tx, "value", "SELECT label, kind, archived FROM value_items WHERE key = ?1", &e.key, &fields, changed)?;
        tx.execute(
            "INSERT INTO value_items (key, label, kind, archived, uid) VALUES (?1, ?2, ?3, ?4, (SELECT CASE WHEN EXISTS
                 (SELECT 1 FROM value_items WHERE uid = ?5) THEN NULL ELSE nullif(?5, '') END))
             ON CONFLICT(key) DO UPDATE SET label = excluded.label, kind = excluded.kind, archived = excluded.archived,
                 uid = CASE WHEN excluded.uid < uid THEN excluded.uid ELSE uid END",
            params![e.key, e.label, kind, e.archived, entry_uid(e, format!("values[{i}].uid"))?],
        )?;
    }
    for (i, p) in doc.people.iter().enumerate() {
        let field = |f: &str| format!("people[{i}].{f}");
        if p.name.trim().is_empty() || p.name.trim().parse::<i64>().is_ok() {
            return Err(err(field("name"), Msg::new("import.name")));
        }
        crate::time::Zone::parse(&p.tz).map_err(|_| err(field("tz"), Msg::new("import.tz.unknown").arg("tz", &p.tz)))?;
        let days = crate::time::WorkingDays::parse(&p.working_days.join(",")).map_err(|_| err(field("workingDays"), Msg::new("import.weekdays")))?;
        let start = crate::time::parse_day_start(&p.day_start).map_err(|_| err(field("dayStart"), Msg::new("import.day_start")))?;
        let layer = opt_id(tx, LAYER, p.layer.as_deref(), field("layer"))?;
        let unit = opt_id(tx, UNIT, p.unit.as_deref(), field("unit"))?;
        // The same person, by uid, is already here, whatever their name is now; a document without uids (before
        // version 3), or one whose person was made apart here, names them (and the two copies then keep the
        // lesser uid, as for the catalogue). Two of the file's people are never one person here.
        if !p.uid.is_empty() {
            check_uid(&p.uid, field("uid"))?;
        }
        let by_uid = match p.uid.is_empty() {
            true => None,
            false => tx.query_row("SELECT id FROM people WHERE uid = ?1", [&p.uid], |r| r.get::<_, i64>(0)).optional()?,
        };
        let here = match by_uid {
            Some(id) => Some(id),
            None => tx.query_row(PERSON, [p.name.trim()], |r| r.get::<_, i64>(0)).optional()?,
        };
        if let Some(id) = here {
            if let Some(other) = claimed.insert(id, i) {
                return Err(err(field("name"), Msg::new("import.person.twice").arg("other", other)));
            }
            if by_uid.is_none() && !p.uid.is_empty() {
                tx.execute(
                    "UPDATE people SET uid = ?2 WHERE id = ?1 AND ?2 < uid AND NOT EXISTS (SELECT 1 FROM people WHERE uid = ?2)",
                    params![id, p.uid],
                )?;
            }
            known.insert(nocase(&p.name), id);
            skipped += 1;
            continue;
        }
        tx.execute(
            "INSERT INTO people (name, role, layer_id, unit_id, tz, working_days, day_start, created_at, archived_at, uid)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, nullif(?10, ''))",
            params![p.name.trim(), p.role, layer, unit, p.tz, days.0, start, p.created_at, p.archived_at, p.uid],
        )?;
        let id = tx.last_insert_rowid();
        claimed.insert(id, i);
        known.insert(nocase(&p.name), id);
        new_people.push((i, id));
    }
    if let Some(me) = &doc.me {
        let id = person_id(tx, &known, me, "me".into())?;
        tx.execute("INSERT OR IGNORE INTO device_settings (key, value) VALUES ('self_person_id', ?1)", [id.to_string()])?;
    }
    for (i, t) in doc.targets.iter().enumerate() {
        let person = person_id(tx, &known, &t.person, format!("targets[{i}].person"))?;
        let category = id_of(tx, CATEGORY, &t.category, format!("targets[{i}].category"))?;
        let per = crate::targets::Per::parse(&t.per).map_err(|_| err(format!("targets[{i}].per"), Msg::new("import.per")))?;
        if !(1..=100).contains(&t.times) {
            return Err(err(format!("targets[{i}].times"), Msg::new("range").arg("min", 1).arg("max", 100)));
        }
        let current: Option<(u32, String)> = tx
            .query_row("SELECT times, per FROM targets WHERE person_id = ?1 AND category_id = ?2", params![person, category], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        if current.as_ref().is_some_and(|(times, p)| *times == t.times && p == per.as_str()) {
            continue; // the same target: its history stays as it is
        }
        if let Some((times, p)) = &current {
            changed.push(Change {
                kind: "target".into(),
                key: format!("{} / {}", t.person, t.category),
                field: "target".into(),
                from: format!("{times}/{p}"),
                to: format!("{}/{}", t.times, per.as_str()),
            });
        }
        if !t.uid.is_empty() {
            check_uid(&t.uid, format!("targets[{i}].uid"))?;
        }
        tx.execute(
            "INSERT INTO targets (person_id, category_id, times, per, uid) VALUES (?1, ?2, ?3, ?4, (SELECT CASE WHEN EXISTS
                 (SELECT 1 FROM targets WHERE uid = ?5) THEN NULL ELSE nullif(?5, '') END))
             ON CONFLICT(person_id, category_id) DO UPDATE SET times = excluded.times, per = excluded.per,
                 uid = CASE WHEN excluded.uid < uid THEN excluded.uid ELSE uid END",
            params![person, category, t.times, per.as_str(), t.uid],
        )?;
        // A target an import changes applies to all of the past; a person the import adds gets the history the
        // document carries just below.
        tx.execute("DELETE FROM target_history WHERE person_id = ?1 AND category_id = ?2", params![person, category])?;
    }
    for (i, person) in new_people {
        import_history(tx, &doc.people[i], i, person)?;
    }
    for (i, a) in doc.absences.iter().enumerate() {
        let person = person_id(tx, &known, &a.person, format!("absences[{i}].person"))?;
        let (from, to) = (date(&a.from, format!("absences[{i}].from"))?, date(&a.to, format!("absences[{i}].to"))?);
        if to < from {
            return Err(err(format!("absences[{i}].to"), Msg::new("import.before_from")));
        }
        if !a.reason.trim().is_empty() {
            crate::catalog::clean_label("reason", &a.reason).map_err(|_| err(format!("absences[{i}].reason"), Msg::new("text.too_long").arg("max", crate::catalog::MAX_LABEL)))?;
        }
        skipped += none(tx.execute(
            "INSERT INTO absences (person_id, from_date, to_date, reason, uid) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
            params![person, a.from, a.to, a.reason, a.uid],
        )?);
    }
    for (i, a) in doc.actions.iter().enumerate() {
        let field = |f: &str| format!("actions[{i}].{f}");
        check_uid(&a.uid, field("uid"))?;
        if tx.prepare_cached(ACTION)?.query_row([&a.uid], |_| Ok(())).optional()?.is_some() {
            skipped += 1;
            continue;
        }
        let person = person_id(tx, &known, &a.person, field("person"))?;
        let category = id_of(tx, CATEGORY, &a.category, field("category"))?;
        let channel = opt_id(tx, CHANNEL, a.channel.as_deref(), field("channel"))?;
        let logged_by = opt_person_id(tx, &known, a.logged_by.as_deref(), field("loggedBy"))?;
        date(&a.local_date, field("localDate"))?;
        crate::time::Zone::parse(&a.tz).map_err(|_| err(field("tz"), Msg::new("import.tz.unknown").arg("tz", &a.tz)))?;
        if a.note.chars().count() > crate::actions::MAX_NOTE {
            return Err(err(field("note"), Msg::new("import.note.too_long").arg("max", crate::actions::MAX_NOTE)));
        }
        tx.prepare_cached(
            "INSERT INTO actions (person_id, category_id, occurred_at, local_date, tz, note, channel_id, logged_by,
                                  created_at, updated_at, uid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?
        .execute(params![person, category, a.occurred_at, a.local_date, a.tz, a.note, channel, logged_by, a.created_at, a.updated_at, a.uid])?;
        let id = tx.last_insert_rowid();
        let links: [(&[String], &str, &str); 3] = [
            (&a.layers, LAYER, crate::actions::LINK_SQL[0]),
            (&a.units, UNIT, crate::actions::LINK_SQL[1]),
            (&a.values, VALUE, crate::actions::LINK_SQL[2]),
        ];
        for (list, lookup, insert) in links {
            for key in list {
                let target = id_of(tx, lookup, key, field("links"))?;
                tx.prepare_cached(&insert.replace("INSERT", "INSERT OR IGNORE"))?.execute(params![id, target, person, a.local_date])?;
            }
        }
    }
    for (i, f) in doc.followups.iter().enumerate() {
        let field = |x: &str| format!("followups[{i}].{x}");
        check_uid(&f.uid, field("uid"))?;
        let person = person_id(tx, &known, &f.person, field("person"))?;
        date(&f.due, field("due"))?;
        let length = f.text.trim().chars().count();
        if length == 0 || length > crate::followups::MAX_FOLLOWUP {
            return Err(err(field("text"), if length == 0 { Msg::new("followup.text.empty") } else { Msg::new("text.too_long").arg("max", crate::followups::MAX_FOLLOWUP) }));
        }
        let from = opt_id(tx, ACTION, f.from_action.as_deref(), field("fromAction"))?;
        let closing = opt_id(tx, ACTION, f.closing_action.as_deref(), field("closingAction"))?;
        skipped += none(tx.execute(
            "INSERT INTO followups (person_id, text, due_date, from_action_id, created_at, closed_at, closed_date,
                                    closing_action_id, uid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING",
            params![person, f.text, f.due, from, f.created_at, f.closed_at, f.closed_date, closing, f.uid],
        )?);
    }
    for (i, r) in doc.reminder_rules.iter().enumerate() {
        let field = |x: &str| format!("reminderRules[{i}].{x}");
        check_uid(&r.uid, field("uid"))?;
        if crate::reminders::engine::Kind::parse(&r.kind).is_none() {
            return Err(err(field("kind"), Msg::new("import.kind.unknown").arg("kind", &r.kind)));
        }
        let person = person_id(tx, &known, &r.person, field("person"))?;
        let created_by = opt_person_id(tx, &known, r.created_by.as_deref(), field("createdBy"))?;
        opt_id(tx, CATEGORY, r.category.as_deref(), field("category"))?;
        if r.weekdays.is_some_and(|w| !(1..=127).contains(&w)) {
            return Err(err(field("weekdays"), Msg::new("import.weekdays")));
        }
        // Every field as the window's form checks it: a rule that would break the scheduler later (`"at": "9am"`,
        // a silence without its days) is refused here, by name.
        let input = crate::reminders::NewRule {
            person: person.to_string(),
            kind: r.kind.clone(),
            at: Some(r.at.clone()),
            days: None,
            category: r.category.clone(),
            after_days: r.after_days,
            threshold: r.threshold,
            drop_points: r.drop_points,
            min_streak: r.min_streak,
            quiet_from: r.quiet_from.clone(),
            quiet_to: r.quiet_to.clone(),
            created_by,
        };
        let v = crate::service::rules::validate(&crate::store::sqlite::Sql(tx), &input, None).map_err(|e| match e {
            CoreError::Invalid { field: f, reason } => err(field(f), reason),
            other => other,
        })?;
        skipped += none(tx.execute(
            "INSERT INTO reminder_rules (person_id, created_by, kind, at_time, weekdays, category_id, after_days,
                 threshold, drop_pts, min_streak, quiet_from, quiet_to, paused, created_at, uid, active_from)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) ON CONFLICT DO NOTHING",
            params![v.person_id, v.created_by, v.kind.as_str(), v.at, r.weekdays, v.category_id, v.after_days, v.threshold,
                    v.drop_points, v.min_streak, v.quiet_from, v.quiet_to, r.paused, r.created_at, r.uid, r.active_from],
        )?);
    }
    for (i, o) in doc.reminder_occurrences.iter().enumerate() {
        let field = |x: &str| format!("reminderOccurrences[{i}].{x}");
        let rule = id_of(tx, "SELECT id FROM reminder_rules WHERE uid = ?1", &o.rule, field("rule"))?;
        let person = person_id(tx, &known, &o.person, field("person"))?;
        let followup = opt_id(tx, "SELECT id FROM followups WHERE uid = ?1", o.followup.as_deref(), field("followup"))?;
        // The kind is shown and typed as a rule kind (the UI's RuleKind): one that is not one is refused.
        if crate::reminders::engine::Kind::parse(&o.kind).is_none() {
            return Err(err(field("kind"), Msg::new("import.kind.unknown").arg("kind", &o.kind)));
        }
        if !["fired", "snoozed", "dismissed", "acted"].contains(&o.state.as_str()) {
            return Err(err(field("state"), Msg::new("import.state.unknown").arg("state", &o.state)));
        }
        skipped += none(tx.execute(
            "INSERT INTO reminder_occurrences (rule_id, occurrence, person_id, kind, category, followup_id, fire_at,
                 fired_at, late, state, snoozed_until, refired_at, seen, title, body, missed)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) ON CONFLICT DO NOTHING",
            params![rule, o.occurrence, person, o.kind, o.category, followup, o.fire_at, o.fired_at, o.late, o.state,
                    o.snoozed_until, o.refired_at, o.seen, o.title, o.body, o.missed],
        )?);
    }
    Ok(skipped)
}

/// The rhythm and target history of a person this import adds (row `person`), each row checked.
fn import_history(tx: &rusqlite::Connection, p: &PersonEntry, i: usize, person: i64) -> Result<()> {
    for (k, h) in p.rhythm.iter().enumerate() {
        let field = |f: &str| format!("people[{i}].rhythm[{k}].{f}");
        let from = history_from(&h.from, field("from"))?;
        let days = crate::time::WorkingDays::parse(&h.working_days.join(",")).map_err(|_| err(field("workingDays"), Msg::new("import.weekdays")))?;
        let start = crate::time::parse_day_start(&h.day_start).map_err(|_| err(field("dayStart"), Msg::new("import.day_start")))?;
        tx.execute(
            "INSERT OR REPLACE INTO rhythm_history (person_id, from_date, working_days, day_start) VALUES (?1, ?2, ?3, ?4)",
            params![person, from, days.0, start],
        )?;
    }
    for (k, h) in p.target_history.iter().enumerate() {
        let field = |f: &str| format!("people[{i}].targetHistory[{k}].{f}");
        let from = history_from(&h.from, field("from"))?;
        let category = id_of(tx, CATEGORY, &h.category, field("category"))?;
        let per = match (&h.times, &h.per) {
            (Some(times), Some(per)) => {
                if !(1..=100).contains(times) {
                    return Err(err(field("times"), Msg::new("range").arg("min", 1).arg("max", 100)));
                }
                Some(crate::targets::Per::parse(per).map_err(|_| err(field("per"), Msg::new("import.per")))?.as_str())
            }
            (None, None) => None,
            _ => return Err(err(field("per"), Msg::new("import.per"))),
        };
        tx.execute(
            "INSERT OR REPLACE INTO target_history (person_id, category_id, from_date, times, per) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![person, category, from, h.times, per],
        )?;
    }
    Ok(())
}

/// A history row's from-date: a date, or `0001-01-01` (all of the past).
fn history_from(text: &str, field: String) -> Result<String> {
    if text == "0001-01-01" {
        return Ok(text.to_string());
    }
    Ok(date(text, field)?.to_string())
}

/// SQLite's NOCASE: ASCII letters only.
fn nocase(name: &str) -> String {
    name.trim().to_ascii_lowercase()
}

/// The id here of the document's person `name`: the one matched by uid, else the one of that name.
fn person_id(tx: &rusqlite::Connection, known: &HashMap<String, i64>, name: &str, field: String) -> Result<i64> {
    match known.get(&nocase(name)) {
        Some(id) => Ok(*id),
        None => id_of(tx, PERSON, name, field),
    }
}

fn opt_person_id(tx: &rusqlite::Connection, known: &HashMap<String, i64>, name: Option<&str>, field: String) -> Result<Option<i64>> {
    name.map(|n| person_id(tx, known, n, field)).transpose()
}

/// A catalogue entry's uid as given (checked), or empty.
fn entry_uid(e: &super::Entry, field: String) -> Result<&str> {
    if !e.uid.is_empty() {
        check_uid(&e.uid, field)?;
    }
    Ok(&e.uid)
}

fn check_key(key: &str, field: String) -> Result<()> {
    if key.trim().is_empty() || key.len() > 80 {
        return Err(err(field, Msg::new("import.key")));
    }
    Ok(())
}

fn check_uid(uid: &str, field: String) -> Result<()> {
    if uid.is_empty() || uid.len() > 64 {
        return Err(err(field, Msg::new("import.uid")));
    }
    Ok(())
}

fn date(text: &str, field: String) -> Result<chrono::NaiveDate> {
    crate::time::parse_date("date", text).map_err(|_| err(field, Msg::new("import.date").arg("text", text)))
}
