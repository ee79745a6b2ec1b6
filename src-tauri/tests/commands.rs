//! The app's commands through Tauri's mock runtime: the real invoke handler, ACL and serialisation,
//! on a real database file, without a window system.

mod common;

use std::path::Path;

use serde_json::{json, Value};

struct Harness(common::MockApp);

impl Harness {
    fn new(dir: &Path) -> Harness {
        Harness(common::MockApp::new(dir))
    }

    fn invoke(&self, cmd: &str, body: Value) -> Result<Value, Value> {
        self.0.invoke(cmd, body)
    }

    fn ok(&self, cmd: &str, body: Value) -> Value {
        self.invoke(cmd, body).unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }

    fn err(&self, cmd: &str, body: Value) -> Value {
        match self.invoke(cmd, body) {
            Ok(v) => panic!("{cmd} should fail, returned {v}"),
            Err(e) => e,
        }
    }
}

#[test]
fn onboarding_logging_and_typed_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let h = Harness::new(dir.path());

    let status = h.ok("app_status", json!({}));
    assert_eq!(status["me"], Value::Null);
    assert_eq!(status["error"], Value::Null);
    assert!(status["osZone"].as_str().is_some_and(|z| !z.is_empty()));

    // A bad time zone is reported at its field and onboarding writes nothing.
    let e = h.err("onboard", json!({"person": {"name": "Anna", "tz": "Mars/Olympus"}, "values": []}));
    assert_eq!((e["kind"].as_str(), e["field"].as_str()), (Some("invalid"), Some("tz")));
    assert_eq!(h.ok("people", json!({})), json!([]));

    let me = h.ok(
        "onboard",
        json!({"person": {"name": "Anna", "role": "CEO", "tz": "Europe/Amsterdam", "unit": "Operations",
                          "workingDays": ["mon", "tue", "wed", "thu"], "dayStart": "04:00"},
               "values": ["Openness", "Customer focus"]}),
    );
    assert_eq!(me["isSelf"], json!(true));
    assert_eq!(me["workingDays"], json!(["mon", "tue", "wed", "thu"]));
    assert_eq!(me["unit"], json!("operations"));
    let status = h.ok("app_status", json!({}));
    assert_eq!(status["me"]["name"], json!("Anna"));
    assert!(status["today"].as_str().is_some());
    let catalog = h.ok("catalog", json!({}));
    assert_eq!(catalog["values"].as_array().map(Vec::len), Some(2));
    assert_eq!(catalog["categories"][0]["key"], json!("open-communication"));

    let id = me["id"].as_i64().expect("id").to_string();
    let e = h.err("log_action", json!({"input": {"person": id, "category": "gossip"}}));
    assert_eq!(e, json!({"kind": "notFound", "message": "category not found: gossip", "field": "category"}));
    let e = h.err("log_action", json!({"input": {"person": id, "category": "follow-up", "note": "x".repeat(4001)}}));
    assert_eq!((e["kind"].as_str(), e["field"].as_str()), (Some("invalid"), Some("note")));
    assert_eq!(h.ok("list_actions", json!({"query": {}})), json!([]));

    let logged = h.ok(
        "log_action",
        json!({"input": {"person": id, "category": "follow-up", "note": "Sent the figures", "channel": "email",
                         "audiences": ["staff"], "values": ["openness"], "date": "2026-11-02", "time": "09:30"}}),
    );
    assert_eq!(logged["localDate"], json!("2026-11-02"));
    assert_eq!(logged["occurredAt"], json!("2026-11-02T09:30:00+01:00"));
    let action_id = logged["id"].clone();
    let day = h.ok("list_actions", json!({"query": {"person": id, "from": "2026-11-02", "to": "2026-11-02"}}));
    assert_eq!(day.as_array().map(Vec::len), Some(1));
    let counts = h.ok("day_counts", json!({"query": {"person": id}}));
    assert_eq!(counts, json!([{"date": "2026-11-02", "count": 1}]));

    let edited = h.ok("update_action", json!({"id": action_id, "input": {"category": "open-communication", "note": "Shared the figures"}}));
    assert_eq!(edited["category"], json!("open-communication"));
    h.ok("delete_action", json!({"id": action_id}));
    assert_eq!(h.ok("list_actions", json!({"query": {}})), json!([]));
    h.ok("restore_action", json!({"id": action_id}));
    assert_eq!(h.ok("list_actions", json!({"query": {}}))[0]["note"], json!("Shared the figures"));
}

#[test]
fn unusable_database_reports_its_error_and_stays_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("cadence.sqlite3");
    let garbage = b"definitely not sqlite".repeat(50);
    std::fs::write(&file, &garbage).expect("write");
    let h = Harness::new(dir.path());
    let status = h.ok("app_status", json!({}));
    assert_eq!(status["error"]["kind"], json!("notCadence"));
    let e = h.err("people", json!({}));
    assert_eq!(e["kind"], json!("notCadence"));
    assert_eq!(std::fs::read(&file).expect("read"), garbage);
}

#[test]
fn commands_outside_the_list_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let h = Harness::new(dir.path());
    assert!(h.invoke("drop_everything", json!({})).is_err());
    assert!(h.invoke("plugin:fs|read_file", json!({"path": "/etc/passwd"})).is_err());
}

/// The quick-log window's capability grants what logging needs and nothing more: a registered command it
/// does not grant is refused there by the ACL (and works from the main window), while logging works.
#[test]
fn the_quick_log_window_may_log_but_not_call_commands_outside_its_capability() {
    let dir = tempfile::tempdir().expect("tempdir");
    let h = Harness::new(dir.path());
    h.ok("onboard", json!({"person": {"name": "Anna", "tz": "Europe/Amsterdam"}, "values": []}));
    let quick = h.0.window("quicklog");
    let call = |cmd: &str, body: Value| common::invoke_in(&quick, cmd, body);

    let logged = call("log_action", json!({"input": {"person": "Anna", "category": "follow-up", "note": "quick"}}))
        .unwrap_or_else(|e| panic!("log_action from the quick log: {e}"));
    assert_eq!(logged["note"], json!("quick"));
    call("catalog", json!({})).unwrap_or_else(|e| panic!("catalog from the quick log: {e}"));

    let id = logged["id"].clone();
    for (cmd, body) in [
        ("delete_action", json!({"id": id})),
        ("update_action", json!({"id": id, "input": {"category": "open-communication", "note": "changed"}})),
        ("list_actions", json!({"query": {}})),
        ("export_data", json!({"format": "json"})),
    ] {
        let refused = call(cmd, body).expect_err(cmd);
        // The ACL's refusal, not an error of the command itself: the command never ran.
        let text = refused.as_str().unwrap_or_default();
        assert!(text.contains("not allowed"), "{cmd} from the quick log: {refused}");
    }
    let listed = h.ok("list_actions", json!({"query": {}}));
    assert_eq!((listed.as_array().map(Vec::len), &listed[0]["note"]), (Some(1), &json!("quick")), "nothing changed");
    // The same commands are registered: the main window may call them.
    h.ok("update_action", json!({"id": id, "input": {"category": "open-communication", "note": "changed"}}));
    h.ok("delete_action", json!({"id": id}));
}

#[test]
fn every_declared_command_is_allowed_to_the_main_window_and_nothing_else() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let build = std::fs::read_to_string(root.join("build.rs")).expect("build.rs");
    let declared: std::collections::BTreeSet<String> = build
        .split("const COMMANDS")
        .nth(1)
        .and_then(|s| s.split("];").next())
        .expect("COMMANDS list")
        .split('"')
        .skip(1)
        .step_by(2)
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    let caps: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("capabilities/default.json")).expect("capability")).expect("json");
    assert_eq!(caps["windows"], json!(["main"]));
    let allowed: std::collections::BTreeSet<String> = caps["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .filter_map(|p| p.as_str())
        .filter(|p| *p != "core:event:default")
        .map(String::from)
        .collect();
    assert_eq!(allowed, declared);
    let conf: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("tauri.conf.json")).expect("conf")).expect("json");
    let csp = conf["app"]["security"]["csp"].as_str().expect("csp");
    // The only URL allowed is Tauri's local IPC endpoint; no remote source anywhere.
    let without_ipc = csp.replace("http://ipc.localhost", "");
    assert!(csp.contains("script-src 'self';") && csp.contains("default-src 'self'") && !without_ipc.contains("http"), "{csp}");
}

#[test]
fn the_background_check_finds_damage_the_open_did_not_see_and_writing_stops() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("cadence.sqlite3");
    {
        let mut db = cadence_core::Db::open(&path).expect("open");
        db.demo_data(&cadence_core::demo::DemoSpec { people: 1, years: 2, seed: 9, per_day: 6.0 }).expect("demo");
    }
    // Damage pages near the end of the file: the header and the schema are fine, so the open's cheap checks
    // pass; only reading all of it finds the damage.
    let mut bytes = std::fs::read(&path).expect("read");
    let pages = bytes.len() / 4096;
    assert!(pages > 100, "{pages} pages");
    for b in bytes.iter_mut().skip((pages - 8) * 4096).take(4 * 4096) {
        *b = 0x55;
    }
    std::fs::write(&path, &bytes).expect("damage");
    let h = Harness::new(dir.path());
    assert_eq!(h.ok("app_status", json!({}))["error"], Value::Null, "the open's cheap checks pass");

    assert!(!cadence_app::health::check_now(h.0.handle()), "the full check finds the damage");
    let status = h.ok("app_status", json!({}));
    assert_eq!(status["error"]["kind"], json!("corrupt"), "{status}");
    let e = h.err("log_action", json!({"input": {"person": "1", "category": "follow-up", "note": "after the damage"}}));
    assert_eq!(e["kind"], json!("corrupt"), "every command answers with the damage: {e}");
    drop(h);
    assert_eq!(std::fs::read(&path).expect("read"), bytes, "nothing was written to the damaged file");
    let wal = dir.path().join("cadence.sqlite3-wal");
    assert!(!wal.exists() || std::fs::metadata(&wal).expect("wal").len() == 0, "nor to its WAL");
}

#[test]
fn a_damaged_backup_refused_by_restore_leaves_the_database_in_use() {
    let dir = tempfile::tempdir().expect("tempdir");
    {
        let mut db = cadence_core::Db::open(&dir.path().join("cadence.sqlite3")).expect("open");
        db.demo_data(&cadence_core::demo::DemoSpec { people: 1, years: 2, seed: 9, per_day: 6.0 }).expect("demo");
    }
    let h = Harness::new(dir.path());
    let backup = h.ok("backup_now", json!({}));
    let backup = backup.as_str().expect("the backup's path").to_string();
    // The backup is damaged on disk (a bad sector, a copy cut short): pages near its end overwritten.
    let mut bytes = std::fs::read(&backup).expect("read backup");
    let pages = bytes.len() / 4096;
    for b in bytes.iter_mut().skip((pages - 8) * 4096).take(4 * 4096) {
        *b = 0x55;
    }
    std::fs::write(&backup, &bytes).expect("damage the backup");

    let e = h.err("restore_backup", json!({"path": backup}));
    assert_eq!(e["kind"], json!("corrupt"), "the backup is refused as damaged: {e}");
    let status = h.ok("app_status", json!({}));
    assert_eq!(status["error"], Value::Null, "the database in use is intact and stays in use: {status}");
    h.ok("log_action", json!({"input": {"person": "1", "category": "follow-up", "note": "after the refused restore"}}));
}
