//! The data file: persistence across reopen, and files Cadence must refuse while leaving them untouched.

mod common;

use std::fs;

use cadence_core::{ActionQuery, Db, NewAction};
use common::person;

fn assert_untouched(path: &std::path::Path, before: &[u8], err: cadence_core::CoreError, kind: &str) {
    assert_eq!(err.kind(), kind, "{err}");
    assert!(err.is_open_failure());
    assert!(err.to_string().contains("untouched"), "{err}");
    assert_eq!(fs::read(path).expect("read back"), before, "file changed");
    let wal = path.with_extension("sqlite3-wal");
    assert!(!wal.exists(), "no WAL file was created");
}

#[test]
fn data_survives_reopening_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    {
        let mut db = Db::open_dir(dir.path()).expect("open");
        let p = person(&mut db, "Anna", "Europe/Amsterdam");
        db.log_action(&NewAction { person: p.to_string(), category: "follow-up".into(), note: Some("kept".into()), ..Default::default() })
            .expect("log");
    }
    let db = Db::open_dir(dir.path()).expect("reopen");
    let all = db.list_actions(&ActionQuery::default()).expect("list");
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].note, "kept");
    assert!(dir.path().join("cadence.sqlite3").exists());
}

#[test]
fn garbage_file_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("cadence.sqlite3");
    let bytes = b"this is my shopping list, not a database\n".repeat(200);
    fs::write(&path, &bytes).expect("write");
    let err = Db::open(&path).expect_err("garbage");
    assert_untouched(&path, &bytes, err, "notCadence");
}

#[test]
fn another_programs_sqlite_file_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("cadence.sqlite3");
    {
        let conn = rusqlite::Connection::open(&path).expect("other db");
        conn.execute_batch("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');").expect("fill");
    }
    let before = fs::read(&path).expect("read");
    let err = Db::open(&path).expect_err("foreign");
    assert_untouched(&path, &before, err, "notCadence");
}

#[test]
fn newer_schema_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("cadence.sqlite3");
    drop(Db::open(&path).expect("create"));
    {
        let conn = rusqlite::Connection::open(&path).expect("raw");
        conn.pragma_update(None, "journal_mode", "DELETE").expect("leave WAL");
        conn.pragma_update(None, "user_version", 999).expect("bump");
    }
    let before = fs::read(&path).expect("read");
    let err = Db::open(&path).expect_err("too new");
    assert!(err.to_string().contains("999"), "{err}");
    assert_untouched(&path, &before, err, "tooNew");
}

#[test]
fn truncated_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("cadence.sqlite3");
    {
        let mut db = Db::open(&path).expect("create");
        let p = person(&mut db, "Anna", "Europe/Amsterdam");
        for _ in 0..200 {
            db.log_action(&NewAction { person: p.to_string(), category: "follow-up".into(), note: Some("x".repeat(500)), ..Default::default() })
                .expect("log");
        }
    }
    // Checkpointed on close: the main file holds everything. Cut it in half.
    let full = fs::read(&path).expect("read");
    let half = &full[..full.len() / 2];
    fs::write(&path, half).expect("truncate");
    let _ = fs::remove_file(path.with_extension("sqlite3-wal"));
    let _ = fs::remove_file(path.with_extension("sqlite3-shm"));
    let err = Db::open(&path).expect_err("truncated");
    assert_eq!(fs::read(&path).expect("read back"), half);
    assert!(err.is_open_failure(), "{err}");
}

#[test]
fn empty_file_becomes_a_new_database() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("cadence.sqlite3");
    fs::write(&path, b"").expect("empty");
    let db = Db::open(&path).expect("empty file is a new database");
    assert_eq!(db.catalog().expect("catalog").categories.len(), 3);
}

#[test]
fn data_dir_prefers_explicit_then_environment() {
    let explicit = cadence_core::paths::data_dir(Some("/tmp/explicit".into())).expect("explicit");
    assert_eq!(explicit, std::path::PathBuf::from("/tmp/explicit"));
    let default = cadence_core::paths::data_dir(None).expect("default");
    assert!(default.ends_with("cadence") || std::env::var_os("CADENCE_DATA_DIR").is_some());
}

#[test]
fn a_version_1_database_is_backed_up_and_migrated() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("cadence.sqlite3");
    {
        let conn = rusqlite::Connection::open(&path).expect("raw");
        conn.execute_batch(include_str!("../../src-tauri/core/migrations/001_init.sql")).expect("v1 schema");
        conn.execute_batch(
            "PRAGMA user_version = 1;
             INSERT INTO settings (key, value) VALUES ('seeded', '1');
             INSERT INTO categories (key, label, colour) VALUES ('follow-up', 'Follow-up', '#d97706');
             INSERT INTO people (name, tz, created_at) VALUES ('Anna', 'Europe/Amsterdam', 0);
             INSERT INTO actions (person_id, category_id, occurred_at, local_date, tz, note, created_at, updated_at)
                 VALUES (1, 1, 0, '2026-01-05', 'Europe/Amsterdam', 'from v1', 0, 0);",
        )
        .expect("v1 data");
    }
    let db = Db::open(&path).expect("migrate");
    let all = db.list_actions(&ActionQuery::default()).expect("list");
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].note, "from v1");
    let backups: Vec<_> = fs::read_dir(dir.path().join("backups")).expect("backups").filter_map(|e| e.ok()).collect();
    assert_eq!(backups.len(), 1);
    assert!(backups[0].file_name().to_string_lossy().starts_with("pre-migration-v1-"));
    let conn = rusqlite::Connection::open(&path).expect("raw");
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).expect("version");
    assert_eq!(version, cadence_core::db::schema_version());
    let problems: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).expect("fk check");
    assert_eq!(problems, 0);
    // The backup is the untouched version-1 database.
    let old = rusqlite::Connection::open(backups[0].path()).expect("backup");
    let v: i64 = old.pragma_query_value(None, "user_version", |r| r.get(0)).expect("v");
    assert_eq!(v, 1);
}

/// The mode bits of a file or folder.
#[cfg(unix)]
fn mode(p: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())).permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn the_data_folder_and_every_file_cadence_writes_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().expect("tempdir");
    let data = home.path().join("cadence");
    let mut db = Db::open_dir(&data).expect("open");
    let p = person(&mut db, "Anna", "Europe/Amsterdam");
    db.log_action(&NewAction { person: p.to_string(), category: "follow-up".into(), date: Some("2026-10-05".into()), ..Default::default() })
        .expect("log");
    let file = data.join("cadence.sqlite3");
    assert_eq!(mode(&data), 0o700, "data folder");
    for f in [file.clone(), data.join("cadence.sqlite3-wal"), data.join("cadence.sqlite3-shm")] {
        assert_eq!(mode(&f), 0o600, "{}", f.display());
    }
    let backup = db.daily_backup().expect("backup").expect("taken");
    assert_eq!((mode(backup.parent().expect("dir")), mode(&backup)), (0o700, 0o600), "backups");
    let out = home.path().join("downloads");
    fs::create_dir(&out).expect("downloads");
    fs::set_permissions(&out, fs::Permissions::from_mode(0o755)).expect("chmod");
    for format in ["json", "csv", "ics"] {
        let export = out.join(format!("export.{format}"));
        db.export_to(format, &export).expect("export");
        assert_eq!(mode(&export), 0o600, "{format} export");
    }
    let pdf = db.save_review_pdf(&p.to_string(), Some("2026-10"), &out).expect("pdf");
    assert_eq!(mode(&pdf), 0o600, "review PDF");
    assert_eq!(mode(&out), 0o755, "the user's own folder keeps its mode");
    drop(db);

    // A file an earlier version left readable to all is tightened when it opens; so is its folder.
    fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).expect("chmod");
    fs::set_permissions(&data, fs::Permissions::from_mode(0o755)).expect("chmod");
    let _db = Db::open_dir(&data).expect("reopen");
    assert_eq!((mode(&data), mode(&file)), (0o700, 0o600));
}

#[cfg(unix)]
#[test]
fn the_backup_before_a_migration_is_private() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("cadence.sqlite3");
    fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/schema-v1.sqlite3"), &file).expect("fixture");
    let _db = Db::open(&file).expect("migrates");
    let backups: Vec<_> = fs::read_dir(dir.path().join("backups")).expect("backups").flatten().map(|e| e.path()).collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!((mode(&dir.path().join("backups")), mode(&backups[0])), (0o700, 0o600));
}

/// A database with one person whose data pages (not the schema) are overwritten; returns its bytes.
fn damaged_db(dir: &std::path::Path) -> (std::path::PathBuf, Vec<u8>) {
    let path = dir.join("cadence.sqlite3");
    {
        let mut db = Db::open(&path).expect("open");
        person(&mut db, "Anna", "Europe/Amsterdam");
        db.demo_data(&cadence_core::demo::DemoSpec { people: 1, years: 1, seed: 3, per_day: 3.0 }).expect("demo");
    }
    let mut bytes = fs::read(&path).expect("read");
    for b in bytes.iter_mut().skip(8 * 4096).take(4 * 4096) {
        *b = 0x55;
    }
    fs::write(&path, &bytes).expect("damage");
    (path, bytes)
}

/// The id of a process that has ended.
fn dead_pid() -> u32 {
    let mut child = std::process::Command::new("true").spawn().expect("spawn");
    child.wait().expect("wait");
    child.id()
}

#[test]
fn after_an_unclean_shutdown_the_open_reads_the_whole_file_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, bytes) = damaged_db(dir.path());
    // A clean history: opening costs the cheap checks only, and the damage is for the full check to find.
    drop(Db::open(&path).expect("the cheap checks pass"));
    fs::write(&path, &bytes).expect("as damaged");
    assert_eq!(cadence_core::health::quick_check(&path).expect_err("damaged").kind(), "corrupt");

    // A process that had the file open ended without closing it (its marker is left): the open checks all of it.
    let marker = dir.path().join(format!("cadence.sqlite3.session-{}-0", dead_pid()));
    fs::write(&marker, b"").expect("marker");
    let e = Db::open(&path).expect_err("refused after the crash");
    assert!(e.kind() == "corrupt" && e.is_open_failure(), "{e}");
    assert_eq!(fs::read(&path).expect("read back"), bytes, "file changed");
    // Reading a WAL database may create its (empty) -wal and -shm; nothing is written into either.
    let wal = path.with_extension("sqlite3-wal");
    assert!(!wal.exists() || fs::metadata(&wal).expect("wal").len() == 0, "nothing written to the WAL");
    assert!(marker.exists(), "still unchecked: the next open checks again");

    // The marker of a process still running is no reason to check.
    let mut live = std::process::Command::new("sleep").arg("30").spawn().expect("spawn");
    fs::remove_file(&marker).expect("rm");
    let live_marker = dir.path().join(format!("cadence.sqlite3.session-{}-0", live.id()));
    fs::write(&live_marker, b"").expect("marker");
    let opened = Db::open(&path);
    live.kill().expect("kill");
    live.wait().expect("wait");
    assert!(opened.is_ok(), "{:?}", opened.err());
}

#[test]
fn an_intact_file_after_an_unclean_shutdown_opens_and_its_markers_go() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("cadence.sqlite3");
    {
        let mut db = Db::open(&path).expect("open");
        person(&mut db, "Anna", "Europe/Amsterdam");
        let own: Vec<_> = fs::read_dir(dir.path()).expect("ls").flatten().filter(|e| e.file_name().to_string_lossy().contains(".session-")).collect();
        assert_eq!(own.len(), 1, "an open database has its marker");
    }
    let marker = dir.path().join(format!("cadence.sqlite3.session-{}-7", dead_pid()));
    fs::write(&marker, b"").expect("marker");
    let db = Db::open(&path).expect("intact");
    assert_eq!(db.people().expect("people").len(), 1);
    assert!(!marker.exists(), "checked: the stale marker is gone");
    drop(db);
    let left: Vec<_> = fs::read_dir(dir.path()).expect("ls").flatten().filter(|e| e.file_name().to_string_lossy().contains(".session-")).collect();
    assert!(left.is_empty(), "a closed database leaves no marker: {left:?}");
}
