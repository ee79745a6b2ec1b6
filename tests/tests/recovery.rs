//! "Never without a database": recovery and restore with a failure injected at each step
//! (`CADENCE_FAILPOINT`) find the old database or the new one, never neither, and the damaged file kept.
//! One test function: the failure point is process-wide, so nothing else in this binary may run beside it.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use cadence_core::{backup, ActionQuery, Db, NewAction};
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

/// A data folder with a good backup ("in the backup") and then a damaged database with a WAL beside it.
fn damaged(dir: &Path) -> (PathBuf, Vec<u8>, PathBuf) {
    let file = dir.join("cadence.sqlite3");
    let good;
    {
        let mut db = Db::open(&file).expect("open");
        let p = person(&mut db, "Anna", "Europe/Amsterdam");
        log(&mut db, p, "in the backup");
        good = db.backup_named("manual").expect("backup");
        log(&mut db, p, "after the backup");
    }
    let mut bytes = fs::read(&file).expect("read");
    for b in bytes.iter_mut().skip(4096).take(3 * 4096) {
        *b = 0x55;
    }
    fs::write(&file, &bytes).expect("damage");
    fs::write(dir.join("cadence.sqlite3-wal"), b"the damaged file's own WAL").expect("wal");
    (file, bytes, good)
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
        let (file, bytes, good) = damaged(dir.path());
        set_failpoint(Some(step));
        let result = backup::recover(dir.path(), &good);
        set_failpoint(None);
        assert!(result.is_err(), "{step}: the injected failure is reported");
        assert_eq!(fs::read(&file).expect("a database is there"), bytes, "{step}: the old database, unchanged");
        assert_eq!(fs::read(dir.path().join("cadence.sqlite3-wal")).expect("wal"), b"the damaged file's own WAL", "{step}");
        assert!(leftovers(dir.path()).is_empty(), "{step}: {:?}", leftovers(dir.path()));
    }
    // Without a failure: the backup is the database, the damaged file and its WAL are kept under one name.
    let dir = tempfile::tempdir().expect("tempdir");
    let (file, bytes, good) = damaged(dir.path());
    let kept = backup::recover(dir.path(), &good).expect("recover");
    assert_eq!(fs::read(&kept).expect("kept"), bytes, "the damaged file is kept as it was");
    let mut wal = kept.clone().into_os_string();
    wal.push("-wal");
    assert_eq!(fs::read(&wal).expect("its WAL kept beside it"), b"the damaged file's own WAL");
    assert!(!dir.path().join("cadence.sqlite3-wal").exists(), "the old WAL is not replayed into the backup");
    assert_eq!(actions(&Db::open(&file).expect("opens")), ["in the backup"]);

    // Restore over a working database: a failure while copying, migrating or writing changes nothing.
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/schema-v1.sqlite3");
    for step in ["copy", "restore.migrate", "restore.write"] {
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
}

fn copy_of(file: &Path, dir: &Path) -> PathBuf {
    let sub = dir.join("copy");
    fs::create_dir_all(&sub).expect("mkdir");
    let to = sub.join("cadence.sqlite3");
    fs::copy(file, &to).expect("copy");
    to
}
