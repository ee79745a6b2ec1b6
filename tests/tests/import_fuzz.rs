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

#[test]
fn wrongly_encoded_files_name_the_line() {
    let (dir, mut db) = common::open_at("2026-11-27T10:00:00Z");
    let path = dir.path().join("latin1.csv");
    std::fs::write(&path, b"Date,Person,Category,Note\n2026-11-02,Anna,follow-up,caf\xe9\n").expect("write");
    let e = db.import_file(&path, false).expect_err("latin-1");
    assert_eq!(e.to_string(), "line 2, file: is not UTF-8 text; nothing was imported");
    let path = dir.path().join("bom.csv");
    db.add_person(&cadence_core::NewPerson { name: "Anna".into(), tz: Some("UTC".into()), ..Default::default() }).expect("p");
    std::fs::write(&path, "\u{feff}Date,Person,Category\n2026-11-02,Anna,follow-up\n").expect("write");
    let report = db.import_file(&path, false).expect("a UTF-8 byte-order mark is fine");
    assert_eq!(report.added.get("actions"), Some(&1));
}
