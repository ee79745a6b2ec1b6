//! Every committed schema fixture (tests/fixtures/schema-vN.sqlite3) upgrades to the current schema with its
//! data intact, a backup taken first, and no foreign-key problem.

use std::fs;
use std::path::PathBuf;

use cadence_core::{ActionQuery, Db};

fn fixtures() -> Vec<(i64, PathBuf)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut out: Vec<(i64, PathBuf)> = fs::read_dir(&dir)
        .expect("fixtures folder")
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            let v = name.strip_prefix("schema-v")?.strip_suffix(".sqlite3")?.parse().ok()?;
            Some((v, e.path()))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn there_is_a_fixture_for_every_schema_version() {
    let versions: Vec<i64> = fixtures().into_iter().map(|(v, _)| v).collect();
    assert_eq!(versions, (1..=cadence_core::db::schema_version()).collect::<Vec<_>>());
}

#[test]
fn every_fixture_upgrades_with_its_data() {
    for (version, fixture) in fixtures() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("cadence.sqlite3");
        fs::copy(&fixture, &path).expect("copy fixture");
        // Read before opening (the CLI does, for its messages): v6 kept it with the shared settings.
        let before = cadence_core::language::stored_locale(&path);
        assert_eq!(before, (version >= 6).then_some(cadence_core::Locale::En), "v{version}");
        let mut db = Db::open(&path).unwrap_or_else(|e| panic!("v{version}: {e}"));
        let actions = db.list_actions(&ActionQuery::default()).expect("list");
        assert_eq!(actions.len(), 2, "v{version}");
        assert_eq!(actions[0].note, "Town hall Q&A");
        assert_eq!(actions[0].audiences, vec!["layer:staff", "unit:sales"]);
        assert_eq!(actions[0].values, vec!["openness"]);
        let me = db.self_person().expect("me").expect("self person");
        assert_eq!((me.name.as_str(), me.day_start.as_str()), ("Anna de Vries", "04:00"));
        assert_eq!(db.absences(None).expect("absences").len(), 1);
        // v6: a person who left is archived (kept, not listed), a withdrawn promise is in the undo store only.
        assert_eq!(db.people().expect("people").len(), 1, "v{version}");
        assert_eq!(db.people_all().expect("all").len(), if version >= 6 { 2 } else { 1 }, "v{version}");
        if version >= 2 {
            assert_eq!(db.followups(None, None).expect("followups").len(), 1, "v{version}");
            let rules = db.rules(None).expect("rules");
            assert_eq!(rules.len(), if version >= 4 { 2 } else { 1 }, "v{version}");
            if version >= 4 {
                // A fall of 15 points was refused by the v2 schema's check; v4 stores it.
                assert_eq!(rules.iter().find(|r| r.kind == "score-drop").and_then(|r| r.drop_points), Some(15.0));
                // Saturday was added as a working day from 1 December 2025: the week before still has five.
                let clock = db.person_clock(me.id).expect("clock");
                assert_eq!(clock.working_days.0, 63);
            }
            assert_eq!(db.inbox(true).expect("inbox").len(), if version >= 9 { 2 } else { 1 }, "v{version}");
            if version >= 9 {
                // v9: what a reminder says is data, read in the language in use (with the default category's
                // Dutch label, as the catalogue now has it); what fired before keeps its words.
                db.set_locale_pref("nl").expect("dutch");
                let inbox = db.inbox(true).expect("inbox");
                let kept = inbox.iter().find(|i| i.key == "silence-since-2025-12-01").expect("v9's entry");
                assert_eq!(kept.body, "Al 4 dagen geen open communicatie (laatst op 1 december 2025).");
                let older = inbox.iter().find(|i| i.key == "silence-since-2025-11-25").expect("v2's entry");
                assert_eq!(older.body, "No open communication for 3 days.");
                db.set_locale_pref("en").expect("english");
                let again = db.inbox(true).expect("inbox");
                assert_eq!(again.iter().find(|i| i.key == "silence-since-2025-12-01").map(|i| i.title.as_str()), Some("Time for open communication"));
            }
            // The promise closes into the category marked as the follow-up one, also when it was renamed and
            // archived (v5).
            let open = db.followups(None, None).expect("followups")[0].id;
            let (closed, action) = db.close_followup(open, None).unwrap_or_else(|e| panic!("v{version}: {e}"));
            assert_eq!((closed.status.as_str(), action.category.as_str()), ("done", "follow-up"), "v{version}");
        }
        // v7: this device's choices live apart from the shared data, and the file has a device id.
        if version >= 6 {
            assert_eq!(db.locale_pref().expect("locale"), Some(cadence_core::Locale::En), "v{version}");
            assert_eq!(db.quicklog_shortcut().expect("shortcut").as_deref(), Some("CommandOrControl+Alt+K"), "v{version}");
        }
        // Export works on the upgraded data (every record has its uid now).
        let doc = db.export_doc().expect("export");
        assert!(doc.actions.iter().all(|a| a.uid.len() == 32), "v{version}");
        let conn = rusqlite::Connection::open(&path).expect("raw");
        let v: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).expect("version");
        assert_eq!(v, cadence_core::db::schema_version());
        let shared: Vec<String> = conn
            .prepare("SELECT key FROM settings ORDER BY key")
            .expect("settings")
            .query_map([], |r| r.get(0))
            .expect("keys")
            .collect::<Result<_, _>>()
            .expect("keys");
        assert_eq!(shared, ["seeded"], "v{version}: only shared settings stay shared");
        // The migration made the id (read raw, before `device_id`, which would make one if none were there).
        let stored: String = conn
            .query_row("SELECT value FROM device_settings WHERE key = 'device_id'", [], |r| r.get(0))
            .expect("device id row");
        assert!(stored.len() == 16 && stored.chars().all(|c| c.is_ascii_hexdigit()) && stored != "0000000000000000", "{stored}");
        let device = db.device_id().expect("device id");
        assert_eq!(format!("{:016x}", device.0), stored, "v{version}");
        // v8: every person, catalogue entry and target has a uid of its own, 32 hex characters; a uid a v8 user
        // gave (the fixture's Marketing unit) is kept, and a record added later gets one of its own.
        db.add_unit("Finance").expect("a unit after the upgrade");
        let mut uids: Vec<String> = Vec::new();
        // v10: a fired reminder too (the v1 fixture has none).
        let occurrences = if version >= 2 { &["reminder_occurrences"][..] } else { &[][..] };
        for table in ["people", "categories", "channels", "layers", "units", "value_items", "targets"].iter().chain(occurrences) {
            let found: Vec<Option<String>> = conn
                .prepare(&format!("SELECT uid FROM {table}"))
                .expect("uids")
                .query_map([], |r| r.get(0))
                .expect("uids")
                .collect::<Result<_, _>>()
                .expect("uids");
            assert!(!found.is_empty(), "v{version}: {table} has rows");
            for uid in found {
                let uid = uid.unwrap_or_else(|| panic!("v{version}: a row of {table} without a uid"));
                assert!(uid.len() == 32 && uid.chars().all(|c| c.is_ascii_hexdigit()), "v{version} {table}: {uid}");
                uids.push(uid);
            }
        }
        let distinct: std::collections::BTreeSet<&String> = uids.iter().collect();
        assert_eq!(distinct.len(), uids.len(), "v{version}: uids are never shared");
        let units = db.catalog().expect("catalog").units;
        assert!(units.iter().all(|u| u.uid.len() == 32), "v{version}: the window sees them");
        if version >= 2 {
            let inbox = db.inbox(true).expect("inbox");
            assert!(inbox.iter().all(|i| i.uid.len() == 32), "v{version}: an inbox entry's uid reaches the window");
            if version >= 10 {
                let kept = inbox.iter().find(|i| i.key == "silence-since-2025-12-01").expect("v9's entry");
                assert_eq!(kept.uid, "a0c0ffee00000000000000000000000a", "a uid given is kept");
            }
        }
        if version >= 8 {
            let marketing = units.iter().find(|u| u.key == "marketing").expect("v8's unit");
            assert_eq!(marketing.uid, "a0c0ffee000000000000000000000008");
        }
        assert_eq!(me.uid.len(), 32, "v{version}: a person's uid reaches the window");
        let fk: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).expect("fk");
        assert_eq!(fk, 0, "v{version}");
        let backups = fs::read_dir(dir.path().join("backups")).map(|d| d.count()).unwrap_or(0);
        let expected = usize::from(version < cadence_core::db::schema_version());
        assert_eq!(backups, expected, "v{version}: a backup before migrating");
    }
}

#[test]
fn every_new_file_has_a_device_id_of_its_own_and_keeps_its_choices_apart() {
    let (a, b) = (tempfile::tempdir().expect("tempdir"), tempfile::tempdir().expect("tempdir"));
    let mut one = Db::open(&a.path().join("cadence.sqlite3")).expect("open");
    let mut two = Db::open(&b.path().join("cadence.sqlite3")).expect("open");
    let id = one.device_id().expect("id");
    assert_ne!(id, two.device_id().expect("id"), "two files, two devices");
    assert_eq!(one.device_id().expect("id"), id, "made once, kept");
    one.set_locale_pref("nl").expect("locale");
    one.set_quicklog_shortcut("CommandOrControl+Shift+L").expect("shortcut");
    let conn = rusqlite::Connection::open(a.path().join("cadence.sqlite3")).expect("raw");
    let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).expect("count");
    assert_eq!(count("SELECT count(*) FROM settings WHERE key IN ('locale', 'quicklog_shortcut', 'device_id')"), 0);
    assert_eq!(count("SELECT count(*) FROM device_settings WHERE key IN ('locale', 'quicklog_shortcut', 'device_id')"), 3);
    assert_eq!(cadence_core::language::stored_locale(&a.path().join("cadence.sqlite3")), Some(cadence_core::Locale::Nl));
    // A file whose id was lost gets a new one, not an error.
    conn.execute("DELETE FROM device_settings WHERE key = 'device_id'", []).expect("delete");
    let new = one.device_id().expect("a new id");
    assert_ne!(new.0, 0);
    let stored: String = conn.query_row("SELECT value FROM device_settings WHERE key = 'device_id'", [], |r| r.get(0)).expect("stored");
    assert_eq!(stored, format!("{:016x}", new.0), "the new id is stored");
    assert_eq!(one.device_id().expect("again"), new, "and kept");
}

#[test]
fn a_restored_backup_keeps_this_devices_language_shortcut_and_id() {
    let (a, b) = (tempfile::tempdir().expect("tempdir"), tempfile::tempdir().expect("tempdir"));
    let mut here = Db::open(&a.path().join("cadence.sqlite3")).expect("open");
    here.set_locale_pref("nl").expect("locale");
    here.set_quicklog_shortcut("CommandOrControl+Shift+L").expect("shortcut");
    let id = here.device_id().expect("id");
    // A backup from another machine, with its own choices and id.
    let mut there = Db::open(&b.path().join("cadence.sqlite3")).expect("open");
    there.set_locale_pref("en").expect("locale");
    there.set_quicklog_shortcut("Alt+K").expect("shortcut");
    let other = there.device_id().expect("id");
    let file = there.backup_to(&b.path().join("theirs.sqlite3")).expect("backup");
    here.restore(&file).expect("restore");
    assert_eq!(here.device_id().expect("id"), id);
    assert_ne!(id, other);
    assert_eq!(here.locale_pref().expect("locale"), Some(cadence_core::Locale::Nl));
    assert_eq!(here.quicklog_shortcut().expect("shortcut").as_deref(), Some("CommandOrControl+Shift+L"));
    // A device that follows the system keeps following it, whatever the backup chose.
    let c = tempfile::tempdir().expect("tempdir");
    let mut plain = Db::open(&c.path().join("cadence.sqlite3")).expect("open");
    plain.restore(&file).expect("restore");
    assert_eq!(plain.locale_pref().expect("locale"), None, "the backup's 'en' does not come along");
    assert_eq!(plain.quicklog_shortcut().expect("shortcut"), None);
}
