//! Export and import (JSON, CSV, iCalendar) and backups, on real files.

mod common;

use std::fs;

use cadence_core::demo::DemoSpec;
use cadence_core::time::FixedClock;
use cadence_core::{backup, ActionQuery, CoreError, Db, NewAction, NewFollowup, NewRule, Per};
use common::{at, open_at};
use serde_json::json;

fn rich(db: &mut Db) {
    db.demo_data(&DemoSpec { people: 2, years: 1, seed: 5, per_day: 4.0 }).expect("demo");
    let people = db.people().expect("people");
    let anna = people[0].id.to_string();
    db.set_target(&anna, "follow-up", 1, Per::Day).expect("target");
    db.add_absence(&anna, "2026-08-03", "2026-08-14", "summer").expect("absence");
    let a = db.log_action(&NewAction { person: anna.clone(), category: "open-communication".into(), note: Some("Town hall, \"Q&A\", part 1\nand 2".into()), ..Default::default() }).expect("log");
    let f = db.add_followup(&NewFollowup { person: anna.clone(), text: "Send the slides".into(), due: "2026-11-30".into(), from_action: Some(a.id) }).expect("followup");
    db.add_followup(&NewFollowup { person: anna.clone(), text: "Budget answer".into(), due: "2026-11-20".into(), from_action: None }).expect("followup");
    db.close_followup(f.id, None).expect("close");
    db.add_rule(&NewRule { person: anna.clone(), kind: "checkin".into(), at: Some("09:00".into()), ..Default::default() }).expect("rule");
    let due = db.add_rule(&NewRule { person: anna.clone(), kind: "followup-due".into(), ..Default::default() }).expect("rule");
    // A rule never fires for a time before it was made; opened on Tuesday, the app delivers Tuesday's
    // follow-up reminder and records Monday's as missed.
    let made = at("2026-11-27T10:00:00Z");
    db.set_clock(Box::new(FixedClock(made + chrono::Duration::days(4))));
    db.run_reminders().expect("run");
    // On Tuesday Anna's rhythm and a target change (from that day on), and a rule is paused and resumed.
    let days = ["mon", "tue", "wed", "thu", "fri", "sat"].map(String::from);
    db.set_schedule(&anna, Some(&days), Some("04:00")).expect("schedule");
    db.set_target(&anna, "open-communication", 4, Per::Week).expect("target");
    db.set_rule_paused(due.id, true).expect("pause");
    db.set_rule_paused(due.id, false).expect("resume");
    // Someone left (archived, history kept), and a promise was withdrawn (deleted, in the undo store only).
    let leaver = people.iter().find(|p| p.id != people[0].id && !p.is_self).expect("a second person").id;
    db.archive_person(leaver).expect("archive");
    let withdrawn = db.add_followup(&NewFollowup { person: anna.clone(), text: "Withdrawn".into(), due: "2026-12-20".into(), from_action: None }).expect("followup");
    db.delete_followup(withdrawn.id).expect("delete");
    db.set_clock(Box::new(FixedClock(made)));
}

#[test]
fn json_round_trip_is_lossless_and_idempotent() {
    let (dir, mut db) = open_at("2026-11-27T10:00:00Z");
    rich(&mut db);
    let file = dir.path().join("export.json");
    db.export_to("json", &file).expect("export");
    let original = db.export_doc().expect("doc");
    assert!(original.actions.len() > 500 && !original.reminder_occurrences.is_empty() && original.followups.len() == 2);
    // What history and reminders need is in the document: a rhythm and targets that changed, a resumed rule,
    // missed occurrences.
    let anna = &original.people.iter().find(|p| p.rhythm.len() == 2).expect("a person whose rhythm changed");
    assert_eq!(anna.rhythm[1].day_start, "04:00");
    assert!(anna.target_history.iter().any(|h| h.category == "open-communication" && h.times == Some(4)), "{:?}", anna.target_history);
    assert!(original.reminder_rules.iter().any(|r| r.active_from.is_some()), "a resumed rule");
    assert!(original.reminder_occurrences.iter().any(|o| o.missed) && original.reminder_occurrences.iter().any(|o| !o.missed));
    assert_eq!(original.people.iter().filter(|p| p.archived_at.is_some()).count(), 1, "who left travels as archived");
    assert!(original.followups.iter().all(|f| f.text != "Withdrawn"), "a deleted promise is not exported");

    let (_d2, mut fresh) = open_at("2026-11-27T10:00:00Z");
    let report = fresh.import_file(&file, false).expect("import");
    assert_eq!(report.added.get("actions").copied(), Some(original.actions.len() as i64));
    assert!(report.backup.is_some(), "a backup before every import");
    let again = fresh.export_doc().expect("doc");
    assert_eq!(again.people, original.people, "people and their history");
    assert_eq!(again, original, "export -> import -> export gives the same content");
    // The past is judged by the rules in force then, in the imported file too.
    for as_of in ["2026-06-30", "2026-11-29", "2026-12-05"] {
        let q = |db: &Db| db.stats(&cadence_core::StatsQuery { person: anna.name.clone(), as_of: Some(as_of.into()), range_days: None }).expect("stats");
        assert_eq!(q(&fresh).overall, q(&db).overall, "as of {as_of}");
        assert_eq!(q(&fresh).categories, q(&db).categories, "as of {as_of}");
    }

    // The same file twice adds nothing the second time.
    let second = fresh.import_file(&file, false).expect("again");
    assert!(second.added.is_empty(), "{:?}", second.added);
    assert!(second.skipped as usize >= original.actions.len());
    assert_eq!(fresh.export_doc().expect("doc"), original);
}

#[test]
fn bad_json_names_the_line_or_record_and_imports_nothing() {
    let (dir, mut db) = open_at("2026-11-27T10:00:00Z");
    rich(&mut db);
    let text = db.export_json().expect("json");
    let (_d2, mut fresh) = open_at("2026-11-27T10:00:00Z");
    let before = fresh.export_doc().expect("doc");

    let truncated = &text[..text.len() / 2];
    let e = fresh.import_text(truncated, None, false).expect_err("truncated");
    assert!(matches!(e, CoreError::Import { line: Some(_), .. }), "{e}");
    let split = text.find("\"actions\"").expect("actions");
    let broken = format!("{}{}", &text[..split], text[split..].replacen("\"category\": \"follow-up\"", "\"category\": \"gossip\"", 1));
    let e = fresh.import_text(&broken, None, false).expect_err("unknown category");
    let msg = e.to_string();
    assert!(msg.contains("actions[") && msg.contains("].category") && msg.contains("gossip") && msg.contains("nothing was imported"), "{msg}");
    // A fired reminder of a kind no rule has (the UI types it as a rule kind) is refused, by its record.
    let mut doc = db.export_doc().expect("doc");
    doc.reminder_occurrences[0].kind = "gossip".into();
    let e = fresh.import_text(&serde_json::to_string(&doc).expect("json"), None, false).expect_err("unknown kind");
    let msg = e.to_string();
    assert!(msg.contains("reminderOccurrences[0].kind") && msg.contains("gossip"), "{msg}");
    let e = fresh.import_text("{\"format\": \"other\", \"version\": 1}", None, false).expect_err("format");
    assert!(e.to_string().contains("not a Cadence export"));
    // Not UTF-8 is read as Windows-1252 (a Western European "CSV" save); a NUL byte is no text at all.
    let text1252 = cadence_core::transfer::import::decode(b"Date,Person\n2026-01-01,Ann\xe9\n".to_vec()).expect("latin-1");
    assert_eq!(text1252, "Date,Person\n2026-01-01,Ann\u{e9}\n");
    let e = cadence_core::transfer::import::decode(b"Date,Person\n2026-01-01,Ann\x00\n".to_vec()).expect_err("NUL");
    assert!(e.to_string().starts_with("line 2"), "{e}");
    assert_eq!(fresh.export_doc().expect("doc"), before, "nothing was written");
    let dry = fresh.import_text(&text, None, true).expect("dry run");
    assert!(dry.dry_run && dry.added["actions"] > 0 && dry.backup.is_none());
    assert_eq!(fresh.export_doc().expect("doc"), before, "a dry run writes nothing");
    drop(dir);
}

#[test]
fn csv_export_and_import_with_mapping() {
    let (dir, mut db) = open_at("2026-11-27T10:00:00Z");
    rich(&mut db);
    let csv = db.export_csv().expect("csv");
    let mut lines = csv.split("\r\n");
    assert_eq!(lines.next(), Some("Date,Time,Time zone,Person,Category,Note,Channel,Audiences,Values,Logged by,Occurred at (UTC),Action ID"));
    assert!(csv.contains("\"Town hall, \"\"Q&A\"\", part 1\nand 2\""), "RFC 4180 quoting");
    let rows = csv.trim_end().split("\r\n").count() - 1;
    assert_eq!(rows, db.list_actions(&ActionQuery::default()).expect("list").len());

    // A spreadsheet of its own, columns in another order and names, imported into a database with the people.
    let (_d2, mut other) = open_at("2026-11-27T10:00:00Z");
    other.add_person(&cadence_core::NewPerson { name: "Anna".into(), tz: Some("Europe/Amsterdam".into()), ..Default::default() }).expect("p");
    let sheet = "Naam;Datum;Categorie;Notitie\nAnna;2026-11-02;open-communication;Kick-off\nAnna;2026-11-03;follow-up;\"Sent; the notes\"\n"
        .replace(';', ",")
        .replace("\"Sent, the notes\"", "\"Sent; the notes\"");
    let preview = other.csv_preview(&sheet).expect("preview");
    assert_eq!(preview.headers, vec!["Naam", "Datum", "Categorie", "Notitie"]);
    assert_eq!((preview.mapping.person, preview.mapping.date, preview.mapping.category, preview.mapping.note), (Some(0), Some(1), Some(2), Some(3)));
    assert_eq!(preview.total_rows, 2);
    let report = other.import_text(&sheet, Some(&preview.mapping), false).expect("import");
    assert_eq!(report.added.get("actions"), Some(&2));
    let again = other.import_text(&sheet, Some(&preview.mapping), false).expect("again");
    assert!(again.added.is_empty() && again.skipped == 2, "{again:?}");
    // 04-11-2026 is a date as a Dutch sheet writes it (4 November); "next week" is none.
    let bad = "Naam,Datum,Categorie\nAnna,04-11-2026,follow-up\nAnna,next week,follow-up\n";
    let e = other.import_text(bad, None, false).expect_err("bad date");
    assert!(e.to_string().starts_with("line 3, date:"), "{e}");
    let e = other.import_text("Naam,Datum,Categorie\nBob,2026-11-04,follow-up\n", None, false).expect_err("unknown person");
    assert!(e.to_string().starts_with("line 2, person:"), "{e}");
    assert_eq!(other.list_actions(&ActionQuery::default()).expect("list").len(), 2, "all or nothing");
    let e = other.import_text("Wat,Anders\n1,2\n", None, false).expect_err("no mapping");
    assert!(e.to_string().contains("no column is mapped"), "{e}");
    drop(dir);
}

#[test]
fn ics_lists_open_followups_as_all_day_events() {
    let (_dir, mut db) = open_at("2026-11-27T10:00:00Z");
    rich(&mut db);
    let ics = db.export_ics().expect("ics");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(ics.contains("BEGIN:VEVENT\r\n"));
    assert!(ics.contains("DTSTART;VALUE=DATE:20261120"), "{ics}");
    assert!(ics.contains(": Budget answer"));
    assert!(!ics.contains("Send the slides"), "done follow-ups are left out");
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
    assert!(ics.trim_end().ends_with("END:VCALENDAR"));
}

#[test]
fn backups_rotate_restore_and_recover() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("cadence.sqlite3");
    let mut db = Db::open_with_clock(&path, Box::new(FixedClock(at("2026-11-01T10:00:00Z")))).expect("open");
    let p = db.add_person(&cadence_core::NewPerson { name: "Anna".into(), tz: Some("UTC".into()), ..Default::default() }).expect("p").id.to_string();
    for day in 0..12 {
        db.set_clock(Box::new(FixedClock(at("2026-11-01T10:00:00Z") + chrono::Duration::days(day))));
        assert!(db.daily_backup_due().expect("due"), "day {day}: today's backup is still to be taken");
        assert!(db.daily_backup().expect("daily").is_some());
        assert!(!db.daily_backup_due().expect("due"), "day {day}: taken");
        assert!(db.daily_backup().expect("daily").is_none(), "once a day");
    }
    let list = db.backups().expect("list");
    assert_eq!(list.iter().filter(|b| b.kind == "daily").count(), 7);
    assert!(list.iter().filter(|b| b.kind == "weekly").count() <= 4);
    assert!(list.iter().all(|b| b.ok));

    let manual = dir.path().join("manual.sqlite3");
    db.backup_to(&manual).expect("backup");
    db.log_action(&NewAction { person: p.clone(), category: "follow-up".into(), ..Default::default() }).expect("log");
    assert_eq!(db.list_actions(&ActionQuery::default()).expect("list").len(), 1);
    let safety = db.restore(&manual).expect("restore");
    assert!(db.list_actions(&ActionQuery::default()).expect("list").is_empty(), "restored to before the log");
    assert_eq!(backup::validate(&safety).expect("safety backup"), 1, "the restored-over state is kept");

    let garbage = dir.path().join("garbage.sqlite3");
    fs::write(&garbage, b"nope").expect("write");
    assert!(db.restore(&garbage).is_err());
    assert!(db.person(1).is_ok(), "a failed restore changes nothing");
    drop(db);

    // Damage the database: opening refuses, the newest good backup recovers it.
    let mut bytes = fs::read(&path).expect("read");
    let _ = fs::remove_file(path.with_extension("sqlite3-wal"));
    for b in bytes.iter_mut().skip(4096).take(8192) {
        *b = 0x55;
    }
    fs::write(&path, &bytes).expect("damage");
    // The check (`cadence check`, the app's background check) finds it, reading without writing.
    let e = cadence_core::health::quick_check(&path).expect_err("damaged");
    assert!(e.is_open_failure() && e.kind() == "corrupt", "{e}");
    assert_eq!(fs::read(&path).expect("read"), bytes, "left untouched");
    let good = backup::newest_good(dir.path()).expect("list").expect("a good backup");
    let kept = backup::recover(dir.path(), std::path::Path::new(&good.path)).expect("recover");
    assert!(kept.exists(), "the damaged file is kept aside");
    let db = Db::open(&path).expect("opens again");
    assert_eq!(db.people().expect("people").len(), 1);
}

#[test]
fn a_version_1_document_without_history_still_imports() {
    let (_dir, mut db) = open_at("2026-11-27T10:00:00Z");
    rich(&mut db);
    let mut doc: serde_json::Value = serde_json::from_str(&db.export_json().expect("json")).expect("parse");
    doc["version"] = 1.into();
    for p in doc["people"].as_array_mut().expect("people") {
        let p = p.as_object_mut().expect("person");
        p.remove("rhythm");
        p.remove("targetHistory");
    }
    for r in doc["reminderRules"].as_array_mut().expect("rules") {
        r.as_object_mut().expect("rule").remove("activeFrom");
    }
    for o in doc["reminderOccurrences"].as_array_mut().expect("occurrences") {
        o.as_object_mut().expect("occurrence").remove("missed");
    }
    let text = doc.to_string();
    assert!(!text.contains("\"rhythm\"") && !text.contains("\"missed\""));
    let (dir2, mut fresh) = open_at("2026-11-27T10:00:00Z");
    let file = dir2.path().join("v1.json");
    fs::write(&file, text).expect("write");
    fresh.import_file(&file, false).expect("a version 1 document imports");
    let again = fresh.export_doc().expect("doc");
    assert_eq!(again.actions, db.export_doc().expect("doc").actions);
    assert!(again.people.iter().all(|p| p.rhythm.is_empty()), "no history given: today's rhythm applies to all of the past");
}

#[test]
fn sheets_as_spreadsheets_save_them_import_semicolons_bom_crlf_and_day_first_dates() {
    let (_d, mut db) = open_at("2026-11-27T10:00:00Z");
    common::person(&mut db, "Anna de Vries", "Europe/Amsterdam");
    let count = |db: &Db| db.list_actions(&ActionQuery::default()).expect("list").len();
    // Excel's "CSV UTF-8" in the Netherlands: a byte-order mark, semicolons (the comma is the decimal sign),
    // CRLF line ends, dates day first with and without leading zeros; two identical rows are two actions.
    let dutch = "\u{feff}Datum;Naam;Categorie;Notitie\r\n03-11-2026;Anna de Vries;open-communication;\"Town hall; Q&A\"\r\n\
                 4-11-2026;Anna de Vries;follow-up;Notulen gestuurd\r\n4-11-2026;Anna de Vries;follow-up;Notulen gestuurd\r\n";
    let preview = db.csv_preview(dutch).expect("preview");
    assert_eq!(preview.headers, ["Datum", "Naam", "Categorie", "Notitie"], "no BOM in the first header");
    assert_eq!(preview.rows[0][3], "Town hall; Q&A", "a quoted separator stays in its field");
    let report = db.import_text(dutch, None, false).expect("import");
    assert_eq!(report.added.get("actions").copied(), Some(3), "{report:?}");
    let listed = db.list_actions(&ActionQuery::default()).expect("list");
    let dates: Vec<_> = listed.iter().map(|a| a.local_date.as_str()).collect();
    assert_eq!(dates, ["2026-11-03", "2026-11-04", "2026-11-04"], "3 and 4 November, day first");
    assert_eq!(db.import_text(dutch, None, false).expect("again").added.get("actions"), None, "the same file again adds nothing");
    assert_eq!(count(&db), 3);

    // A US sheet, tab separated: one date with a day above 12 shows the order for all of them.
    let us = "Date\tPerson\tCategory\n11/05/2026\tAnna de Vries\tvisible-participation\n11/13/2026\tAnna de Vries\tvisible-participation\n";
    let preview = db.csv_preview(us).expect("preview");
    assert_eq!((preview.date_order, preview.date_order_open), (cadence_core::transfer::sheet::DateOrder::Mdy, false));
    db.import_text(us, None, false).expect("import");
    let vp: Vec<_> = db.list_actions(&ActionQuery::default()).expect("list").into_iter().filter(|a| a.category == "visible-participation").map(|a| a.local_date).collect();
    assert_eq!(vp, ["2026-11-05", "2026-11-13"]);

    // Dates that read both ways are left to the person: the preview says so, and a chosen order is used.
    let open = "Date,Person,Category\n02/11/2026,Anna de Vries,follow-up\n";
    assert!(db.csv_preview(open).expect("preview").date_order_open);
    let m = cadence_core::transfer::csv::Mapping { date: Some(0), person: Some(1), category: Some(2), date_order: Some(cadence_core::transfer::sheet::DateOrder::Mdy), ..Default::default() };
    db.import_text(open, Some(&m), false).expect("import");
    assert!(db.list_actions(&ActionQuery::default()).expect("list").iter().any(|a| a.local_date == "2026-02-11"), "February 11, as chosen");
    // Text that is no date is refused with its line and field.
    let bad = "Datum;Naam;Categorie\n31-02-2026;Anna de Vries;follow-up\n";
    match db.import_text(bad, None, false) {
        Err(cadence_core::CoreError::Import { line, field, .. }) => assert_eq!((line, field.as_str()), (Some(2), "date")),
        other => panic!("{other:?}"),
    }

}

#[test]
fn the_preview_lists_what_an_import_would_change_not_only_what_it_adds() {
    use cadence_core::organisation::CatalogPatch;
    let anna = || cadence_core::NewPerson { name: "Anna".into(), tz: Some("UTC".into()), ..Default::default() };
    // Where the file comes from: the follow-up category renamed and recoloured, a channel made external, a
    // target of 3 a week.
    let (_a, mut from) = common::open_at("2026-11-27T10:00:00Z");
    from.add_person(&anna()).expect("anna");
    let patch = CatalogPatch { label: Some("Follow-through".into()), colour: Some("#aa00ff".into()), ..Default::default() };
    from.update_catalog_entry("categories", "follow-up", &patch).expect("rename");
    from.update_catalog_entry("channels", "blog", &CatalogPatch { external: Some(true), ..Default::default() }).expect("external");
    from.set_target("Anna", "follow-up", 3, cadence_core::Per::Week).expect("target");
    let text = from.export_json().expect("export");
    // Where it goes: the defaults, and a target of 2 a week.
    let (_b, mut to) = common::open_at("2026-11-27T10:00:00Z");
    to.add_person(&anna()).expect("anna");
    to.set_target("Anna", "follow-up", 2, cadence_core::Per::Week).expect("target");
    let before = to.export_doc().expect("doc");
    let dry = to.import_text(&text, None, true).expect("dry run");
    let mut got: Vec<(&str, &str, &str, &str, &str)> =
        dry.changed.iter().map(|c| (c.kind.as_str(), c.key.as_str(), c.field.as_str(), c.from.as_str(), c.to.as_str())).collect();
    got.sort();
    assert_eq!(
        got,
        [
            ("category", "follow-up", "colour", "#d97706", "#aa00ff"),
            ("category", "follow-up", "label", "Follow-up", "Follow-through"),
            ("channel", "blog", "external", "0", "1"),
            ("target", "Anna / follow-up", "target", "2/week", "3/week"),
        ]
    );
    assert_eq!(to.export_doc().expect("doc"), before, "a dry run writes nothing");
    // Once imported, the same file changes nothing more.
    to.import_text(&text, None, false).expect("import");
    assert_eq!(to.import_text(&text, None, true).expect("again").changed, []);
}

#[test]
fn an_imported_rule_is_checked_as_the_form_checks_it_and_named_by_line_and_field() {
    let (_a, mut from) = common::open_at("2026-11-27T10:00:00Z");
    from.add_person(&cadence_core::NewPerson { name: "Anna".into(), tz: Some("UTC".into()), ..Default::default() }).expect("anna");
    let rule = |kind: &str| cadence_core::NewRule { person: "Anna".into(), kind: kind.into(), ..Default::default() };
    from.add_rule(&rule("checkin")).expect("checkin");
    from.add_rule(&cadence_core::NewRule { category: Some("follow-up".into()), after_days: Some(3), ..rule("silence") }).expect("silence");
    let good = from.export_json().expect("export");
    let doc: serde_json::Value = serde_json::from_str(&good).expect("json");
    let index = |kind: &str| doc["reminderRules"].as_array().expect("rules").iter().position(|r| r["kind"] == kind).expect("rule");
    let (checkin, silence) = (index("checkin"), index("silence"));
    let cases = [
        (checkin, "at", json!("9am"), "'9am' is not a time of day"),
        (silence, "afterDays", json!(0), "1"),
        (silence, "afterDays", json!(null), ""),
        (checkin, "kind", json!("sometimes"), "sometimes"),
        (silence, "quietFrom", json!("22:00"), ""),
    ];
    for (rule, name, value, says) in cases {
        let mut bad = doc.clone();
        bad["reminderRules"][rule][name] = value.clone();
        let bad = serde_json::to_string_pretty(&bad).expect("json");
        let now = format!("{name} = {value}");
        let (_b, mut into) = common::open_at("2026-11-27T10:00:00Z");
        let e = into.import_text(&bad, None, false).expect_err(&now);
        let cadence_core::CoreError::Import { line: Some(line), field, .. } = &e else { panic!("{now}: {e:?}") };
        let want = if name == "quietFrom" { "quietTo" } else { name };
        assert_eq!(field, &format!("reminderRules[{rule}].{want}"), "{now}");
        // The line is the rule's own: within the record the bad value is in.
        let uid = doc["reminderRules"][rule]["uid"].as_str().expect("uid");
        let at = bad.find(&format!("\"uid\": \"{uid}\"")).expect("uid in the file");
        let start = bad[..at].rfind('{').expect("record");
        let end = at + bad[at..].find('}').expect("end");
        let lines = bad[..start].matches('\n').count() + 1..=bad[..end].matches('\n').count() + 1;
        assert!(lines.contains(line), "{now}: line {line} is not within the record's lines {lines:?}");
        assert!(e.to_string().contains(says), "{e}");
        assert!(into.rules(None).expect("rules").is_empty(), "{now}: nothing was imported");
    }
}

#[test]
fn an_import_above_the_size_limit_is_refused_with_both_sizes() {
    use cadence_core::transfer::import::{check_size, MAX_IMPORT_BYTES};
    assert!(check_size(MAX_IMPORT_BYTES).is_ok(), "the limit itself is allowed");
    assert!(check_size(0).is_ok());
    let e = check_size(MAX_IMPORT_BYTES + 1).expect_err("one byte over");
    assert!(matches!(&e, CoreError::Import { field, .. } if field == "file"), "{e:?}");
    let e = check_size(300 << 20).expect_err("300 MB");
    let text = e.message(cadence_core::Locale::En);
    assert!(text.contains("is 300 MB") && text.contains("the limit is 256 MB"), "{text}");
}

/// What the window and `--json` show of an action or a promise carries its uid (#12.2): the one in the export,
/// and the same after an import into another database (which matched on it).
#[test]
fn actions_and_promises_show_their_uid_and_keep_it_across_an_import() {
    let (dir, mut db) = open_at("2026-11-27T10:00:00Z");
    rich(&mut db);
    let doc = db.export_doc().expect("doc");
    let shown: Vec<String> = db.list_actions(&ActionQuery::default()).expect("list").into_iter().map(|a| a.uid).collect();
    assert!(shown.iter().all(|u| u.len() == 32 && u.chars().all(|c| c.is_ascii_hexdigit())), "{:?}", &shown[..3]);
    let mut exported: Vec<String> = doc.actions.iter().map(|a| a.uid.clone()).collect();
    let mut listed = shown.clone();
    exported.sort();
    listed.sort();
    assert_eq!(listed, exported);
    let promises: Vec<String> = db.followups(None, None).expect("followups").into_iter().map(|f| f.uid).collect();
    let mut exported_promises: Vec<String> = doc.followups.iter().map(|f| f.uid.clone()).collect();
    let mut promises_sorted = promises.clone();
    exported_promises.sort();
    promises_sorted.sort();
    assert_eq!(promises_sorted, exported_promises);
    assert!(!promises.is_empty());

    let file = dir.path().join("export.json");
    db.export_to("json", &file).expect("export");
    let (_d2, mut fresh) = open_at("2026-11-27T10:00:00Z");
    fresh.import_file(&file, false).expect("import");
    let again: Vec<String> = fresh.list_actions(&ActionQuery::default()).expect("list").into_iter().map(|a| a.uid).collect();
    let mut again_sorted = again;
    again_sorted.sort();
    assert_eq!(again_sorted, listed, "the same uids in the other database");
    // One action, read alone, edited: its uid stays.
    let first = db.list_actions(&ActionQuery::default()).expect("list")[0].clone();
    let input = NewAction { person: first.person_id.to_string(), category: first.category.clone(), note: Some("Edited".into()), ..Default::default() };
    let edited = db.update_action(first.id, &input).expect("edit");
    assert_eq!(edited.uid, first.uid);
}

#[test]
fn people_and_the_catalogue_travel_by_uid() {
    let (_dir, mut a) = open_at("2026-11-27T10:00:00Z");
    let ann = a.add_person(&cadence_core::NewPerson { name: "Ann".into(), tz: Some("Europe/Amsterdam".into()), ..Default::default() }).expect("ann");
    a.log_action(&NewAction { person: "Ann".into(), category: "follow-up".into(), ..Default::default() }).expect("log");
    let doc = a.export_doc().expect("export");
    assert_eq!(doc.version, 4);
    assert_eq!(doc.people[0].uid, ann.uid);
    let catalog = a.catalog().expect("catalog");
    let follow_up = catalog.categories.iter().find(|c| c.key == "follow-up").expect("follow-up");
    assert_eq!(doc.categories.iter().find(|c| c.key == "follow-up").map(|c| c.uid.clone()), Some(follow_up.uid.clone()));

    // Renamed here since the export: the file's "Ann" is the same person, by uid; a new action the file names
    // her in lands on her, and no second person appears.
    let renamed = a.update_person("Ann", &cadence_core::NewPerson { name: "Anna".into(), ..Default::default() }).expect("rename");
    assert_eq!(renamed.uid, ann.uid, "a uid never changes");
    let mut value = serde_json::to_value(&doc).expect("json");
    let mut extra = value["actions"][0].clone();
    extra["uid"] = json!("0123456789abcdef0123456789abcdef");
    value["actions"].as_array_mut().expect("actions").push(extra);
    a.import_text(&value.to_string(), None, false).expect("import");
    let people = a.people_all().expect("people");
    assert_eq!(people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Anna"], "matched by uid, not by name");
    let mine = a.list_actions(&ActionQuery { person: Some("Anna".into()), ..Default::default() }).expect("list");
    assert_eq!(mine.len(), 2);

    // Into another database: the defaults are the same records there (the same uids), people keep theirs.
    let (_other, mut b) = open_at("2026-11-27T10:00:00Z");
    b.import_text(&serde_json::to_string(&doc).expect("json"), None, false).expect("import");
    let b_catalog = b.catalog().expect("catalog");
    assert_eq!(catalog.categories.len(), b_catalog.categories.len());
    for (here, there) in catalog.categories.iter().zip(&b_catalog.categories) {
        assert_eq!((&here.key, &here.uid), (&there.key, &there.uid));
    }
    assert_eq!(b.find_person("Ann").expect("ann").uid, ann.uid);

    // A file whose uid another entry of the kind here has already does not take it: uids are never shared.
    let sales = b.add_unit("Sales").expect("unit").uid;
    let mut forged = serde_json::to_value(&doc).expect("json");
    forged["units"].as_array_mut().expect("units").push(json!({ "key": "legal", "label": "Legal", "uid": sales }));
    b.import_text(&forged.to_string(), None, false).expect("import");
    let units = b.catalog().expect("catalog").units;
    let legal = units.iter().find(|u| u.key == "legal").expect("legal");
    assert!(legal.uid.len() == 32 && legal.uid != sales, "{}", legal.uid);
    assert_eq!(units.iter().find(|u| u.key == "sales").map(|u| u.uid.clone()), Some(sales));
    // A malformed uid is an error naming the record.
    let mut bad = serde_json::to_value(&doc).expect("json");
    bad["people"][0]["uid"] = json!("x".repeat(65));
    match b.import_text(&bad.to_string(), None, false) {
        Err(CoreError::Import { field, .. }) => assert_eq!(field, "people[0].uid"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn defaults_are_the_same_records_everywhere_and_copies_made_apart_converge() {
    let (_a_dir, mut a) = open_at("2026-11-27T10:00:00Z");
    let (_b_dir, mut b) = open_at("2026-11-27T10:00:00Z");
    // The first 32 hex characters of SHA-256 of "cadence:default:KIND:KEY", computed with Python's hashlib.
    let uid_of = |db: &Db, key: &str| db.catalog().expect("catalog").categories.into_iter().find(|c| c.key == key).map(|c| c.uid);
    assert_eq!(uid_of(&a, "open-communication").as_deref(), Some("ab473396f4fe433c26d45edb99f25a18"));
    assert_eq!(b.catalog().expect("catalog").layers.iter().find(|l| l.key == "board").map(|l| l.uid.as_str()), Some("575b54feffcbd4ebab00ed43161019f2"));
    assert_eq!(a.catalog().expect("catalog"), b.catalog().expect("catalog"), "two new databases, the same defaults");

    // Ann and the Legal unit, made apart on both: each import keeps the lesser uid, so after one import each
    // way both copies agree, and they stay put when it happens again.
    let person = |name: &str| cadence_core::NewPerson { name: name.into(), tz: Some("UTC".into()), ..Default::default() };
    let (ann_a, ann_b) = (a.add_person(&person("Ann")).expect("ann").uid, b.add_person(&person("ann")).expect("ann").uid);
    let (legal_a, legal_b) = (a.add_unit("Legal").expect("unit").uid, b.add_unit("Legal").expect("unit").uid);
    assert_ne!(ann_a, ann_b);
    let trade = |from: &Db, to: &mut Db| to.import_text(&from.export_json().expect("export"), None, false).expect("import");
    trade(&a, &mut b);
    trade(&b, &mut a);
    let lesser = |x: &String, y: &String| x.min(y).clone();
    for db in [&a, &b] {
        assert_eq!(db.find_person("Ann").expect("ann").uid, lesser(&ann_a, &ann_b));
        let legal = db.catalog().expect("catalog").units.into_iter().find(|u| u.key == "legal").expect("legal");
        assert_eq!(legal.uid, lesser(&legal_a, &legal_b));
        assert_eq!(db.people_all().expect("people").len(), 1);
    }
    trade(&a, &mut b);
    assert_eq!(b.find_person("Ann").expect("ann").uid, lesser(&ann_a, &ann_b), "stable");
    // Now one person: renamed in one copy, the other's import finds her by uid and makes no second one.
    a.update_person("Ann", &person("Ann de Vries")).expect("rename");
    trade(&a, &mut b);
    assert_eq!(b.people_all().expect("people").len(), 1);

    // Two people of a file who are one person here (by uid and by name): refused, naming both.
    let mut doc = serde_json::to_value(a.export_doc().expect("export")).expect("json");
    let mut twin = doc["people"][0].clone();
    twin["name"] = json!("Ann");
    twin["uid"] = json!("ffffffffffffffffffffffffffffffff");
    doc["people"].as_array_mut().expect("people").push(twin);
    match b.import_text(&doc.to_string(), None, false) {
        Err(CoreError::Import { field, reason, .. }) => {
            assert_eq!(field, "people[1].name");
            let text = reason.text(cadence_core::Locale::En);
            assert!(text.contains("people[0]"), "{text}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(b.people_all().expect("people").len(), 1, "nothing was imported");
}

#[test]
fn a_document_from_a_newer_cadence_is_too_new_not_an_unknown_field() {
    let (_dir, mut db) = open_at("2026-11-27T10:00:00Z");
    let text = json!({ "format": "cadence-export", "version": 99, "exportedAt": "2030-01-01T00:00:00Z", "futureField": [1] }).to_string();
    match db.import_text(&text, None, false) {
        Err(CoreError::Import { field, .. }) => assert_eq!(field, "version"),
        other => panic!("{other:?}"),
    }
}
