//! "Never without a database", and "one act, one write": recovery and restore with a failure injected at
//! each step (`CADENCE_FAILPOINT`) find the old database or the new one, never neither, and the damaged file
//! kept; an act a person sees as one (closing a promise, adding a channel with its units, onboarding) with
//! its second half made to fail leaves nothing written. One test function: the failure point is
//! process-wide, so nothing else in this binary may run beside it.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use cadence_core::organisation::CatalogPatch;
use cadence_core::{backup, ActionQuery, Db, NewAction, NewFollowup, NewPerson};
use common::person;

fn set_failpoint(step: Option<&str>) {
    match step {
        Some(s) => std::env::set_var("CADENCE_FAILPOINT", s),
        None => std::env::remove_var("CADENCE_FAILPOINT"),
    }
}

fn actions(db: &Db) -> Vec<String> {
    db.list_actions(&ActionQuery::default()).expect("list").into_iter().map(|a| a.note).collect()
}

fn log(db: &mut Db, p: i64, note: &str) {
    db.log_action(&NewAction { person: p.to_string(), category: "follow-up".into(), note: Some(note.into()), ..Default::default() }).expect("log");
}

/// A data folder with a good backup ("in the backup"), then a damaged database with its own real WAL beside
/// it: frames that hold an action the backup does not have ("only in the old WAL"). Returns the file, its
/// bytes, the WAL's bytes and the backup.
fn damaged(dir: &Path) -> (PathBuf, Vec<u8>, Vec<u8>, PathBuf) {
    let file = dir.join("cadence.sqlite3");
    let good;
    {
        let mut db = Db::open(&file).expect("open");
        let p = person(&mut db, "Anna", "Europe/Amsterdam");
        log(&mut db, p, "in the backup");
        good = db.backup_named("manual").expect("backup");
    }
    // A second connection that never checkpoints writes its action into the WAL only; the WAL is saved while
    // it is open (closing would fold it into the file and delete it).
    let wal_path = dir.join("cadence.sqlite3-wal");
    let wal = {
        let raw = rusqlite::Connection::open(&file).expect("raw");
        raw.pragma_update(None, "wal_autocheckpoint", 0).expect("no checkpoint");
        raw.execute(
            "INSERT INTO actions (person_id, category_id, occurred_at, local_date, tz, note, created_at, updated_at, uid)
             VALUES (1, 1, 1764064800000, '2025-11-25', 'Europe/Amsterdam', 'only in the old WAL', 0, 0, 'feedfeedfeedfeedfeedfeedfeedfeed')",
            [],
        )
        .expect("insert");
        let wal = fs::read(&wal_path).expect("the WAL holds the insert");
        let _ = raw.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true);
        wal
    };
    assert!(wal.len() > 32, "a real WAL: {} bytes", wal.len());
    let mut bytes = fs::read(&file).expect("read");
    for b in bytes.iter_mut().skip(4096).take(3 * 4096) {
        *b = 0x55;
    }
    fs::write(&file, &bytes).expect("damage");
    fs::write(&wal_path, &wal).expect("its WAL back beside it");
    (file, bytes, wal, good)
}

fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .expect("ls")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".recovering") || n.ends_with(".partial") || n.contains(".restoring") || n.contains(".broken-"))
        .collect()
}

#[test]
fn a_failure_at_any_step_leaves_the_old_database_or_the_new_one() {
    // Recovery: each step fails in turn; the damaged file stays in place, whole, with its own WAL.
    for step in ["copy", "recover.keep", "recover.aside", "recover.swap"] {
        let dir = tempfile::tempdir().expect("tempdir");
        let (file, bytes, wal, good) = damaged(dir.path());
        set_failpoint(Some(step));
        let result = backup::recover(dir.path(), &good);
        set_failpoint(None);
        assert!(result.is_err(), "{step}: the injected failure is reported");
        assert_eq!(fs::read(&file).expect("a database is there"), bytes, "{step}: the old database, unchanged");
        assert_eq!(fs::read(dir.path().join("cadence.sqlite3-wal")).expect("wal"), wal, "{step}: with its own WAL");
        assert!(leftovers(dir.path()).is_empty(), "{step}: {:?}", leftovers(dir.path()));
    }
    // Without a failure: the backup is the database, the damaged file and its WAL are kept under one name.
    let dir = tempfile::tempdir().expect("tempdir");
    let (file, bytes, wal, good) = damaged(dir.path());
    let kept = backup::recover(dir.path(), &good).expect("recover");
    assert_eq!(fs::read(&kept).expect("kept"), bytes, "the damaged file is kept as it was");
    let mut kept_wal = kept.clone().into_os_string();
    kept_wal.push("-wal");
    assert_eq!(fs::read(&kept_wal).expect("its WAL kept beside it"), wal);
    // Had the old WAL stayed beside the file, its frames would be replayed into the backup on open.
    assert_eq!(actions(&Db::open(&file).expect("opens")), ["in the backup"], "the backup, and nothing of the old WAL");

    // Restore over a working database: a failure while copying, migrating or writing changes nothing.
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/schema-v1.sqlite3");
    for step in ["copy", "restore.stage", "restore.migrate", "restore.write"] {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut db = Db::open(&dir.path().join("cadence.sqlite3")).expect("open");
        let p = person(&mut db, "Bram", "Europe/Amsterdam");
        log(&mut db, p, "kept");
        set_failpoint(Some(step));
        let result = db.restore(&fixture);
        set_failpoint(None);
        assert!(result.is_err(), "{step}: the injected failure is reported");
        assert_eq!(actions(&db), ["kept"], "{step}: the database as it was");
        drop(db);
        assert_eq!(actions(&Db::open(&dir.path().join("cadence.sqlite3")).expect("reopens")), ["kept"], "{step}");
        assert!(leftovers(dir.path()).is_empty(), "{step}: {:?}", leftovers(dir.path()));
    }
    // Without a failure the older backup is migrated on its copy and restored whole.
    let dir = tempfile::tempdir().expect("tempdir");
    let mut db = Db::open(&dir.path().join("cadence.sqlite3")).expect("open");
    person(&mut db, "Bram", "Europe/Amsterdam");
    let expected = actions(&Db::open(&copy_of(&fixture, dir.path())).expect("the fixture, migrated on a copy"));
    db.restore(&fixture).expect("restore");
    assert_eq!(actions(&db), expected);
    assert!(!expected.is_empty());

    // Closing a promise: the follow-up action and the closing are one write.
    let dir = tempfile::tempdir().expect("tempdir");
    let mut db = Db::open(&dir.path().join("cadence.sqlite3")).expect("open");
    let p = person(&mut db, "Anna", "Europe/Amsterdam");
    let f = db.add_followup(&NewFollowup { person: p.to_string(), text: "Budget".into(), due: "2026-12-01".into(), from_action: None }).expect("f");
    set_failpoint(Some("followup.close"));
    let result = db.close_followup(f.id, None);
    set_failpoint(None);
    assert!(result.is_err());
    assert!(actions(&db).is_empty(), "no follow-up action without its closing");
    assert_ne!(db.followup(f.id).expect("f").status, "done", "still open");
    let (closed, action) = db.close_followup(f.id, None).expect("closes");
    assert_eq!((closed.status.as_str(), actions(&db)), ("done", vec![action.note]));

    // A channel and its units.
    for unit in ["Sales", "Finance"] {
        db.add_catalog_entry("units", unit, &CatalogPatch::default()).expect("unit");
    }
    let with_units = CatalogPatch { units: Some(vec!["sales".into(), "finance".into()]), ..CatalogPatch::default() };
    set_failpoint(Some("channel.units"));
    let result = db.add_catalog_entry("channels", "Sales floor", &with_units);
    set_failpoint(None);
    assert!(result.is_err());
    assert!(db.catalog().expect("catalog").channels.iter().all(|c| c.key != "sales-floor"), "no channel without its units");
    let bad = CatalogPatch { units: Some(vec!["sales".into(), "nowhere".into()]), ..CatalogPatch::default() };
    assert!(db.add_catalog_entry("channels", "Sales floor", &bad).is_err(), "an unknown unit is refused");
    assert!(db.catalog().expect("catalog").channels.iter().all(|c| c.key != "sales-floor"), "and nothing is half-added");
    db.add_catalog_entry("channels", "Sales floor", &with_units).expect("channel");

    // Onboarding: the person, the values and "this is me", or nothing (the form can be sent again).
    let dir = tempfile::tempdir().expect("tempdir");
    let mut db = Db::open(&dir.path().join("cadence.sqlite3")).expect("open");
    let me = NewPerson { name: "Eva".into(), tz: Some("Europe/Amsterdam".into()), unit: Some("Operations".into()), ..Default::default() };
    let values = ["Openness".to_string(), "Courage".to_string()];
    set_failpoint(Some("onboard.values"));
    let result = db.onboard(&me, &values);
    set_failpoint(None);
    assert!(result.is_err());
    assert!(db.people().expect("people").is_empty() && db.self_person().expect("me").is_none(), "nothing of it stayed");
    assert!(db.catalog().expect("catalog").values.iter().all(|v| v.label != "Openness"));
    let eva = db.onboard(&me, &values).expect("the same form again works");
    assert_eq!(db.self_person().expect("me").map(|p| p.id), Some(eva.id));
}

fn copy_of(file: &Path, dir: &Path) -> PathBuf {
    let sub = dir.join("copy");
    fs::create_dir_all(&sub).expect("mkdir");
    let to = sub.join("cadence.sqlite3");
    fs::copy(file, &to).expect("copy");
    to
}
