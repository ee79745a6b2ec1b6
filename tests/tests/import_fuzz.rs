//! The importers under hostile files: malformed, truncated, huge and wrongly encoded. Each import either
//! succeeds or fails with an error, never panics, and a failed import writes nothing.

mod common;

use cadence_core::demo::DemoSpec;
use cadence_core::transfer::import::{decode, MAX_IMPORT_BYTES};
use cadence_core::{CoreError, Db};
use proptest::prelude::*;

fn snapshot(db: &Db) -> String {
    db.export_json().expect("export").lines().filter(|l| !l.contains("exportedAt")).collect::<Vec<_>>().join("\n")
}

fn seeded() -> (tempfile::TempDir, Db, String, String) {
    let (dir, mut db) = common::open_at("2026-11-27T10:00:00Z");
    db.demo_data(&DemoSpec { people: 1, years: 1, seed: 3, per_day: 1.0 }).expect("demo");
    let json = db.export_json().expect("json");
    let csv = db.export_csv().expect("csv");
    (dir, db, json, csv)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn truncated_and_mangled_exports_fail_cleanly(cut in 0.0f64..1.0, flip in any::<usize>(), byte in any::<u8>(), csv in any::<bool>()) {
        let (_dir, mut db, json, csv_text) = seeded();
        let before = snapshot(&db);
        let source = if csv { csv_text } else { json };
        let mut bytes = source.into_bytes();
        bytes.truncate(((bytes.len() as f64) * cut) as usize);
        if !bytes.is_empty() {
            let i = flip % bytes.len();
            bytes[i] = byte;
        }
        // Into another, empty database: a failure must leave it as it was.
        let (_d2, mut other) = common::open_at("2026-11-27T10:00:00Z");
        let empty = snapshot(&other);
        match decode(bytes).and_then(|text| other.import_text(&text, None, false)) {
            Ok(_) => {}
            Err(e) => {
                prop_assert!(matches!(e, CoreError::Import { .. }) || e.kind() == "notFound" || e.kind() == "invalid", "{e}");
                prop_assert_eq!(snapshot(&other), empty);
            }
        }
        // And the source database never changes by importing into another.
        prop_assert_eq!(snapshot(&db), before);
        let _ = &mut db;
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let (_d, mut db) = common::open_at("2026-11-27T10:00:00Z");
        let before = snapshot(&db);
        if let Err(e) = db.import_text(&text, None, false) {
            // A bad file is refused by validation, never by SQLite's constraints.
            prop_assert_ne!(e.kind(), "storage", "{}", e);
            prop_assert_eq!(snapshot(&db), before);
        }
    }
}

#[test]
fn huge_files_are_refused_before_reading() {
    let (dir, mut db) = common::open_at("2026-11-27T10:00:00Z");
    let path = dir.path().join("huge.json");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(MAX_IMPORT_BYTES + 1).expect("sparse file");
    let e = db.import_file(&path, false).expect_err("too big");
    assert!(e.to_string().contains("the limit is 256 MB"), "{e}");
}

fn note_on(db: &cadence_core::Db, date: &str) -> String {
    let day = cadence_core::ActionQuery { person: None, from: Some(date.into()), to: Some(date.into()) };
    db.list_actions(&day).expect("list").pop().expect("one action").note
}

#[test]
fn western_european_text_imports_and_workbooks_are_refused() {
    let (dir, mut db) = common::open_at("2026-11-27T10:00:00Z");
    db.add_person(&cadence_core::NewPerson { name: "Anna".into(), tz: Some("UTC".into()), ..Default::default() }).expect("p");
    // What a plain "CSV" save writes on a Western European desktop: Windows-1252, `é` as the byte 0xE9, `€` as 0x80.
    let path = dir.path().join("latin1.csv");
    std::fs::write(&path, b"Date,Person,Category,Note\n2026-11-02,Anna,follow-up,caf\xe9 \x80 5\n").expect("write");
    let report = db.import_file(&path, false).expect("windows-1252");
    assert_eq!(report.added.get("actions"), Some(&1));
    assert_eq!(note_on(&db, "2026-11-02"), "caf\u{e9} \u{20ac} 5");
    // Excel's "Unicode text": UTF-16 little-endian with its byte-order mark, tab separated.
    let path = dir.path().join("utf16.txt");
    let text = "Date\tPerson\tCategory\tNote\r\n2026-11-03\tAnna\tfollow-up\tZo\u{eb}\r\n";
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&path, bytes).expect("write");
    db.import_file(&path, false).expect("utf-16");
    assert_eq!(note_on(&db, "2026-11-03"), "Zo\u{eb}");
    // A workbook is no CSV: its first NUL byte names the line, and nothing is imported.
    let path = dir.path().join("book.xlsx");
    std::fs::write(&path, b"PK\x03\x04\x14\x00\x06\x00").expect("write");
    let e = db.import_file(&path, false).expect_err("a zip");
    assert_eq!(e.to_string(), "line 1, file: is no text file: save the sheet as CSV; nothing was imported");
    let path = dir.path().join("bom.csv");
    std::fs::write(&path, "\u{feff}Date,Person,Category\n2026-11-04,Anna,follow-up\n").expect("write");
    let report = db.import_file(&path, false).expect("a UTF-8 byte-order mark is fine");
    assert_eq!(report.added.get("actions"), Some(&1));
}
