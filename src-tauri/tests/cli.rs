//! The headless CLI as a user runs it: the real binary, no display, a real data folder.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

/// The CLI as a user whose OS locale is `locale` runs it: no display, only the data folder given.
fn cadence_in(locale: &str, dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cadence"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("CADENCE_DATA_DIR")
        // The messages follow the OS locale (LANGUAGE comes first).
        .env("LC_ALL", locale)
        .env_remove("LANGUAGE")
        .output()
        .expect("run cadence")
}

/// English, unless a test asks for Dutch.
fn cadence(dir: &Path, args: &[&str]) -> Output {
    cadence_in("C.UTF-8", dir, args)
}

/// The CLI as a user with a Dutch system locale runs it.
fn cadence_nl(dir: &Path, args: &[&str]) -> Output {
    cadence_in("nl_NL.UTF-8", dir, args)
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = cadence(dir, args);
    assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8").trim().to_string()
}

/// Runs a command that must fail; returns its one-line error.
fn fails(dir: &Path, args: &[&str]) -> String {
    let out = cadence(dir, args);
    assert!(!out.status.success(), "{args:?} should fail");
    assert!(out.stdout.is_empty(), "nothing on stdout");
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    err.trim().to_string()
}

fn json(dir: &Path, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    serde_json::from_str(&ok(dir, &all)).expect("valid JSON")
}

#[test]
fn people_log_and_list() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let id = ok(d, &["person", "add", "--name", "Anna de Vries", "--role", "CEO", "--layer", "board", "--tz", "Europe/Amsterdam",
        "--working-days", "mon,tue,wed,thu", "--day-start", "04:00"]);
    assert_eq!(id, "1");
    assert_eq!(ok(d, &["person", "add", "--name", "Noah", "--tz", "America/New_York"]), "2");
    let people = json(d, &["person", "list"]);
    assert_eq!(people[0]["name"], "Anna de Vries");
    assert_eq!(people[0]["workingDays"], serde_json::json!(["mon", "tue", "wed", "thu"]));
    assert_eq!(people[0]["dayStart"], "04:00");
    assert!(ok(d, &["person", "list"]).contains("Anna de Vries"));

    // --at with an offset: 21:00 in New York counts for the 26th even for an Amsterdam leader.
    let a = ok(d, &["log", "--person", "anna de vries", "--category", "open-communication", "--note", "Town hall",
        "--channel", "town-hall", "--audience", "staff", "--audience", "team-lead", "--at", "2026-11-26T21:00:00-05:00"]);
    assert_eq!(a, "1");
    ok(d, &["log", "--person", "2", "--category", "follow-up", "--date", "2026-11-20"]);
    let listed = json(d, &["list", "--person", "Anna de Vries"]);
    assert_eq!(listed.as_array().map(Vec::len), Some(1));
    let first = &listed[0];
    assert_eq!(first["localDate"], "2026-11-26");
    assert_eq!(first["occurredAt"], "2026-11-26T21:00:00-05:00");
    assert_eq!(first["audiences"], serde_json::json!(["layer:team-lead", "layer:staff"]), "audiences by kind");
    let ranged = json(d, &["list", "--from", "2026-11-01", "--to", "2026-11-21"]);
    assert_eq!(ranged.as_array().map(Vec::len), Some(1));
    assert_eq!(ranged[0]["personName"], "Noah");
    assert!(ok(d, &["list"]).contains("Town hall via town-hall"));
}

#[test]
fn bad_input_fails_with_one_line_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    ok(d, &["person", "add", "--name", "Anna", "--tz", "Europe/Amsterdam"]);
    let cases: [(&[&str], &str); 8] = [
        (&["log", "--person", "Bob", "--category", "follow-up"], "person not found: Bob"),
        (&["log", "--person", "Anna", "--category", "gossip"], "category not found: gossip"),
        (&["log", "--person", "Anna", "--category", ""], "category"),
        (&["log", "--person", "Anna", "--category", "follow-up", "--channel", "fax"], "channel not found: fax"),
        (&["log", "--person", "Anna", "--category", "follow-up", "--at", "2099-01-01T10:00:00Z"], "future"),
        (&["log", "--person", "Anna", "--category", "follow-up", "--tz", "Nowhere/City"], "unknown time zone"),
        (&["log", "--person", "Anna", "--category", "follow-up", "--date", "2026-13-01"], "not a valid date"),
        (&["person", "add", "--name", "Eve", "--tz", "Europe/Atlantis"], "unknown time zone"),
    ];
    for (args, expected) in cases {
        let err = fails(d, args);
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(err.starts_with("cadence: error:"), "{err}");
    }
    let long = "x".repeat(4001);
    assert!(fails(d, &["log", "--person", "Anna", "--category", "follow-up", "--note", &long]).contains("4000"));
    assert_eq!(json(d, &["list"]), serde_json::json!([]));
    assert_eq!(json(d, &["person", "list"]).as_array().map(Vec::len), Some(1));
}

#[test]
fn files_cadence_cannot_use_are_left_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let file = d.join("cadence.sqlite3");
    let garbage = b"PK\x03\x04 a zip file, not a database".repeat(30);
    std::fs::write(&file, &garbage).expect("write");
    let err = fails(d, &["person", "list"]);
    assert!(err.contains("is not a Cadence database"), "{err}");
    assert_eq!(std::fs::read(&file).expect("read"), garbage);

    // A database from a newer Cadence.
    let other = tempfile::tempdir().expect("tempdir");
    ok(other.path(), &["person", "add", "--name", "Anna", "--tz", "UTC"]);
    let db = other.path().join("cadence.sqlite3");
    {
        let conn = rusqlite::Connection::open(&db).expect("open raw");
        conn.pragma_update(None, "journal_mode", "DELETE").expect("wal off");
        conn.pragma_update(None, "user_version", 42).expect("bump");
    }
    let before = std::fs::read(&db).expect("read");
    let err = fails(other.path(), &["list"]);
    assert!(err.contains("newer"), "{err}");
    assert_eq!(std::fs::read(&db).expect("read"), before);
}

#[test]
fn demo_data_generates_history() {
    let dir = tempfile::tempdir().expect("tempdir");
    let summary = json(dir.path(), &["demo-data", "--people", "2", "--years", "1", "--seed", "3"]);
    assert_eq!(summary["people"].as_array().map(Vec::len), Some(2));
    assert!(summary["actions"].as_u64().unwrap_or(0) > 2000, "{summary}");
    let people = json(dir.path(), &["person", "list"]);
    assert_eq!(people.as_array().map(Vec::len), Some(2));
}

#[test]
fn targets_absences_stats_and_team() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    ok(d, &["person", "add", "--name", "Anna", "--tz", "Europe/Amsterdam"]);
    ok(d, &["person", "add", "--name", "Bram", "--tz", "Europe/Amsterdam"]);
    let t = json(d, &["target", "set", "--person", "Anna", "--category", "follow-up", "--times", "1", "--per", "day"]);
    assert_eq!(t["target"], serde_json::json!({"times": 1, "per": "day"}));
    assert!(fails(d, &["target", "set", "--person", "Anna", "--category", "follow-up", "--times", "0"]).contains("times"));
    assert!(fails(d, &["target", "set", "--person", "Anna", "--category", "follow-up", "--times", "2", "--per", "month"]).contains("per"));
    assert!(ok(d, &["target", "list", "--person", "Anna"]).contains("open-communication       3 per week (default)"));

    assert_eq!(ok(d, &["absence", "add", "--person", "Anna", "--from", "2026-11-16", "--to", "2026-11-20", "--reason", "holiday"]), "1");
    assert!(fails(d, &["absence", "add", "--person", "Anna", "--from", "2026-11-20", "--to", "2026-11-16"]).contains("before"));
    let absences = json(d, &["absence", "list"]);
    assert_eq!(absences[0]["from"], "2026-11-16");
    assert_eq!(absences[0]["personName"], "Anna");

    for date in ["2026-11-12", "2026-11-13", "2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26"] {
        ok(d, &["log", "--person", "Anna", "--category", "open-communication", "--date", date]);
    }
    let s = json(d, &["stats", "--person", "Anna", "--as-of", "2026-11-26"]);
    assert_eq!(s["asOf"], "2026-11-26");
    // Thu 12 .. Fri 13, absent the week after, Mon 23 .. Thu 26: six days in a row.
    assert_eq!(s["overall"]["currentStreakDays"], 6);
    assert_eq!(s["overall"]["bestStreakDays"], 6);
    assert_eq!(s["overall"]["atRisk"], false);
    assert!(s["overall"]["score"].as_f64().is_some_and(|x| (0.0..=1.0).contains(&x)));
    let cats = s["categories"].as_array().expect("categories");
    assert_eq!(cats.len(), 3);
    let oc = &cats[0];
    for field in ["key", "target", "currentStreak", "bestStreak", "streakUnit", "score", "lastDate", "daysSince", "slipping"] {
        assert!(oc.get(field).is_some(), "categories[].{field}");
    }
    assert_eq!((oc["key"].as_str(), oc["streakUnit"].as_str(), oc["lastDate"].as_str(), oc["daysSince"].as_i64()),
        (Some("open-communication"), Some("weeks"), Some("2026-11-26"), Some(0)));
    assert_eq!(cats[2]["streakUnit"], "days");
    assert_eq!(cats[2]["slipping"], true, "follow-up never logged");
    let heat = s["heatmap"].as_array().expect("heatmap");
    assert_eq!(heat.len(), 365);
    assert_eq!(heat[364], serde_json::json!({"date": "2026-11-26", "count": 1}));
    let weekly = s["weekly"].as_array().expect("weekly");
    assert_eq!(weekly.len(), 52);
    assert_eq!(weekly[51]["weekStart"], "2026-11-23");
    assert_eq!(weekly[51]["counts"]["open-communication"], 4);
    assert!(ok(d, &["stats", "--person", "Anna", "--as-of", "2026-11-26"]).contains("streak 6 days"));

    let team = json(d, &["team", "--as-of", "2026-11-26"]);
    let rows = team.as_array().expect("team");
    assert_eq!(rows.len(), 2);
    // Both slip (Anna: never a visible participation or follow-up; Bram: nothing at all); the lower score comes first.
    assert_eq!((rows[0]["name"].as_str(), rows[0]["score"].as_f64()), (Some("Bram"), Some(0.0)));
    assert_eq!(rows[0]["daysSinceOpenCommunication"], serde_json::Value::Null);
    assert_eq!(rows[1]["name"], "Anna");
    assert_eq!(rows[1]["slipping"], true);
    assert_eq!(rows[1]["slippingCategories"], serde_json::json!(["visible-participation", "follow-up"]));
    assert_eq!(rows[1]["daysSinceOpenCommunication"], 0);
    assert!(fails(d, &["stats", "--person", "Nobody"]).contains("person not found"));
    assert!(fails(d, &["stats", "--person", "Anna", "--as-of", "26/11/2026"]).contains("not a valid date"));
}

#[test]
fn messages_follow_the_os_locale_and_the_language_setting() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let text = |out: Output| String::from_utf8(if out.status.success() { out.stdout } else { out.stderr }).expect("utf-8");
    ok(d, &["person", "add", "--name", "Anna", "--tz", "Europe/Amsterdam", "--me"]);
    // No choice stored: the OS locale decides.
    assert_eq!(text(cadence_nl(d, &["language"])).trim(), "nl");
    assert_eq!(ok(d, &["language"]), "en");
    let listed = text(cadence_nl(d, &["target", "list", "--person", "Anna"]));
    assert!(listed.contains("open-communication       3 per week (standaard)"), "{listed}");
    ok(d, &["target", "set", "--person", "Anna", "--category", "follow-up", "--times", "1", "--per", "day"]);
    assert_eq!(text(cadence_nl(d, &["target", "set", "--person", "Anna", "--category", "follow-up", "--times", "1", "--per", "day"])).trim(), "follow-up: 1 per dag");
    let err = text(cadence_nl(d, &["stats", "--person", "Anna", "--as-of", "26/11/2026"]));
    assert!(err.starts_with("cadence: fout: peildatum: '26/11/2026' is geen geldige datum"), "{err}");
    let ics = d.join("open.ics");
    let wrote = text(cadence_nl(d, &["export", "--format", "ics", "--out", ics.to_str().expect("path")]));
    assert!(wrote.contains("geschreven (") && wrote.contains(" bytes)"), "{wrote}");

    // A stored choice beats the OS locale, for the CLI as for the window.
    assert_eq!(ok(d, &["language", "nl"]), "nl");
    assert!(ok(d, &["stats", "--person", "Anna"]).contains(": score 0%, reeks 0 dagen (beste 0)"));
    assert_eq!(json(d, &["language"]), serde_json::json!({ "locale": "nl", "pref": "nl" }));
    // The choice is Dutch now, so the refusal is too.
    let refused = fails(d, &["language", "fr"]);
    assert!(refused.starts_with("cadence: fout: taal: 'fr'"), "{refused}");
    assert_eq!(ok(d, &["language", "system"]), "en");
    assert!(ok(d, &["stats", "--person", "Anna"]).contains(": score 0%, streak 0 days (best 0)"));
}

#[test]
fn review_as_text_json_and_pdf() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    ok(d, &["person", "add", "--name", "Anna", "--tz", "Europe/Amsterdam", "--me"]);
    for date in ["2026-10-05", "2026-10-06", "2026-10-07"] {
        ok(d, &["log", "--person", "Anna", "--category", "open-communication", "--date", date]);
    }
    ok(d, &["log", "--person", "Anna", "--category", "follow-up", "--date", "2026-10-08"]);
    ok(d, &["log", "--person", "Anna", "--category", "follow-up", "--date", "2026-11-02"]);

    let text = ok(d, &["review", "--person", "Anna", "--month", "2026-10"]);
    assert!(text.starts_with("Anna - October 2026\nLeadership review as of 31 October 2026"), "{text}");
    assert!(text.contains("  Open communication            3  target 3 per week"), "{text}");
    assert!(text.contains("  Total                         4"), "{text}");
    assert!(text.contains("Score at month end: "), "{text}");

    let r = json(d, &["review", "--person", "Anna", "--month", "2026-10"]);
    assert_eq!((r["month"].as_str(), r["total"].as_u64(), r["running"].as_bool()), (Some("2026-10"), Some(4), Some(false)));
    assert_eq!(r["categories"][2]["count"], 1);

    // --out a folder: the PDF under its own name; --out a file: that file.
    let folder = d.join("out");
    std::fs::create_dir(&folder).expect("mkdir");
    let written = ok(d, &["review", "--person", "Anna", "--month", "2026-10", "--out", folder.to_str().expect("path")]);
    let expected = folder.join("Leadership review Anna 2026-10.pdf");
    assert_eq!(Path::new(&written), expected);
    let pdf = std::fs::read(&expected).expect("pdf");
    assert!(pdf.starts_with(b"%PDF-"));
    let shown = cadence_core::review::pdf::shown_text(&pdf);
    assert!(shown.windows(2).any(|w| w == ["Total", "4"]), "{shown:?}");
    let file = d.join("anna.pdf");
    ok(d, &["review", "--person", "Anna", "--month", "2026-10", "--out", file.to_str().expect("path")]);
    assert!(std::fs::read(&file).expect("file").starts_with(b"%PDF-"));
    assert!(std::fs::read_dir(&folder).expect("ls").all(|e| !e.expect("entry").file_name().to_string_lossy().ends_with(".partial")));

    assert!(fails(d, &["review", "--person", "Anna", "--month", "2026-13"]).contains("month"));
    assert!(fails(d, &["review", "--person", "Nobody", "--month", "2026-10"]).contains("person not found"));
    let missing = d.join("no-such-folder").join("x.pdf");
    assert!(fails(d, &["review", "--person", "Anna", "--month", "2026-10", "--out", missing.to_str().expect("path")]).contains("cannot write"));
    assert!(!missing.with_extension("pdf.partial").exists());
}

/// The CLI run with `TZ` set to `tz` (or without it), as on a machine whose /etc/localtime may say otherwise.
fn json_with_tz(dir: &Path, tz: Option<&str>, args: &[&str]) -> Value {
    let mut command = Command::new(env!("CARGO_BIN_EXE_cadence"));
    command.arg("--data-dir").arg(dir).arg("--json").args(args).env_remove("DISPLAY").env("LC_ALL", "C.UTF-8");
    match tz {
        Some(tz) => command.env("TZ", tz),
        None => command.env_remove("TZ"),
    };
    let out = command.output().expect("run cadence");
    assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

#[test]
fn tz_names_the_zone_of_a_new_person_and_of_now() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    for (name, tz) in [("Anna", "Europe/Amsterdam"), ("Bram", ":Europe/Amsterdam"), ("Cas", "/usr/share/zoneinfo/Europe/Amsterdam")] {
        json_with_tz(d, Some(tz), &["person", "add", "--name", name]);
    }
    // A POSIX rule names no IANA zone: the system's zone is used, as if TZ were not set.
    json_with_tz(d, Some("CET-1CEST,M3.5.0,M10.5.0/3"), &["person", "add", "--name", "Dirk"]);
    json_with_tz(d, None, &["person", "add", "--name", "Eva"]);
    let people = json_with_tz(d, None, &["person", "list"]);
    let zone = |name: &str| people.as_array().and_then(|p| p.iter().find(|p| p["name"] == name)).map(|p| p["tz"].clone());
    for name in ["Anna", "Bram", "Cas"] {
        assert_eq!(zone(name), Some(Value::from("Europe/Amsterdam")), "{name}");
    }
    assert_eq!(zone("Dirk"), zone("Eva"));
    // An action logged now, without a time, is stamped in the person's zone.
    json_with_tz(d, Some("Europe/Amsterdam"), &["log", "--person", "Anna", "--category", "follow-up"]);
    let listed = json_with_tz(d, Some("Europe/Amsterdam"), &["list", "--person", "Anna"]);
    assert_eq!(listed[0]["tz"], "Europe/Amsterdam");
}

#[test]
fn check_reads_the_whole_file_and_fails_on_damage_writing_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    ok(dir.path(), &["demo-data", "--people", "1", "--years", "1"]);
    let out = ok(dir.path(), &["check"]);
    assert!(out.contains("is intact") && out.contains("cadence.sqlite3"), "{out}");
    let file = dir.path().join("cadence.sqlite3");
    let mut bytes = std::fs::read(&file).expect("read");
    let pages = bytes.len() / 4096;
    for b in bytes.iter_mut().skip((pages - 6) * 4096).take(3 * 4096) {
        *b = 0x55;
    }
    std::fs::write(&file, &bytes).expect("damage");
    let err = fails(dir.path(), &["check"]);
    assert!(err.contains("damaged") && err.contains("untouched"), "{err}");
    assert_eq!(std::fs::read(&file).expect("read"), bytes, "check writes nothing");
    assert!(json(dir.path(), &["person", "list"]).is_array(), "the open's cheap checks still pass: commands run");
}

/// Runs the CLI under a file-size limit (`ulimit -f`, in KiB): writing past it kills the process with SIGXFSZ,
/// as a full disk stops a write, at whatever step it has reached.
fn cadence_limited(dir: &Path, limit_kib: u64, args: &[&str]) -> Output {
    let mut cmd = Command::new("bash");
    cmd.arg("-c").arg(format!("ulimit -f {limit_kib}; exec \"$0\" \"$@\"")).arg(env!("CARGO_BIN_EXE_cadence")).arg("--data-dir").arg(dir);
    cmd.args(args).env("LC_ALL", "C.UTF-8").env_remove("CADENCE_DATA_DIR").output().expect("run cadence")
}

#[test]
fn recover_killed_at_any_point_by_a_full_disk_leaves_the_old_database_or_the_new_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    ok(dir.path(), &["demo-data", "--people", "1", "--years", "1"]);
    ok(dir.path(), &["backup"]);
    let actions_in_backup = json(dir.path(), &["list"]).as_array().map(Vec::len).expect("actions");
    let file = dir.path().join("cadence.sqlite3");
    let good = std::fs::read(&file).expect("read");
    assert!(good.len() > 1_000_000, "{} bytes", good.len());
    let mut damaged = good.clone();
    for b in damaged.iter_mut().skip(4096).take(4 * 4096) {
        *b = 0x55;
    }
    let mut outcomes = Vec::new();
    for limit in [4u64, 64, 512, 1024, (good.len() as u64 / 1024) + 64] {
        std::fs::write(&file, &damaged).expect("damage");
        let out = cadence_limited(dir.path(), limit, &["recover"]);
        let now = std::fs::read(&file).expect("there is always a database");
        if now == damaged {
            outcomes.push("old");
            assert!(!out.status.success(), "limit {limit} KiB: it stopped, and said so");
        } else {
            outcomes.push("new");
            assert!(out.status.success(), "limit {limit} KiB: {}", String::from_utf8_lossy(&out.stderr));
            let list = json(dir.path(), &["list"]);
            assert_eq!(list.as_array().map(Vec::len), Some(actions_in_backup), "limit {limit} KiB: the backup, whole");
        }
    }
    // A killed process cannot clean up its partial copy; the run that succeeded leaves none.
    let left: Vec<_> = std::fs::read_dir(dir.path()).expect("ls").flatten().map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".recovering")).collect();
    assert!(left.is_empty(), "{left:?}");
    assert_eq!(outcomes.first(), Some(&"old"), "a tiny limit stops it before the swap: {outcomes:?}");
    assert_eq!(outcomes.last(), Some(&"new"), "room enough: it recovers: {outcomes:?}");
    // The fine database now refuses a recovery.
    let err = fails(dir.path(), &["recover"]);
    assert!(err.contains("database is fine"), "{err}");
}
