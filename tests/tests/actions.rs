//! Logging, validation, back-logging, editing and undoable deletes, on a real database file.

mod common;

use cadence_core::{ActionQuery, CoreError, NewAction};
use common::{count, open_at, person};

fn action(person: i64, category: &str) -> NewAction {
    NewAction { person: person.to_string(), category: category.into(), ..NewAction::default() }
}

#[test]
fn logs_now_with_local_date_of_the_persons_zone() {
    // 23:30 UTC on 27 Nov is 00:30 on 28 Nov in Amsterdam and 18:30 on 27 Nov in New York.
    let (_dir, mut db) = open_at("2026-11-27T23:30:00Z");
    let ams = person(&mut db, "Anna", "Europe/Amsterdam");
    let ny = person(&mut db, "Noah", "America/New_York");
    let a = db.log_action(&action(ams, "open-communication")).expect("log");
    let b = db.log_action(&action(ny, "follow-up")).expect("log");
    assert_eq!((a.local_date.as_str(), a.tz.as_str(), a.local_time.as_str()), ("2026-11-28", "Europe/Amsterdam", "00:30"));
    assert_eq!((b.local_date.as_str(), b.local_time.as_str()), ("2026-11-27", "18:30"));
    assert_eq!(a.occurred_at, "2026-11-28T00:30:00+01:00");
}

#[test]
fn at_with_offset_fixes_the_date_in_that_offset() {
    let (_dir, mut db) = open_at("2026-11-27T12:00:00Z");
    let p = person(&mut db, "Anna", "Europe/Amsterdam");
    // 21:00 in New York on 26 Nov is 03:00 on 27 Nov in Amsterdam: the offset the user wrote wins.
    let mut input = action(p, "visible-participation");
    input.at = Some("2026-11-26T21:00:00-05:00".into());
    let a = db.log_action(&input).expect("log");
    assert_eq!(a.local_date, "2026-11-26");
    assert_eq!(a.tz, "-05:00");
    assert_eq!(a.local_time, "21:00");
    // An offset that matches the person's zone keeps the zone's name.
    input.at = Some("2026-11-26T21:00:00+01:00".into());
    let b = db.log_action(&input).expect("log");
    assert_eq!((b.local_date.as_str(), b.tz.as_str()), ("2026-11-26", "Europe/Amsterdam"));
}

#[test]
fn travel_zone_keeps_each_actions_own_local_date() {
    let (_dir, mut db) = open_at("2026-11-27T04:00:00Z");
    let p = person(&mut db, "Anna", "Europe/Amsterdam");
    let mut input = action(p, "open-communication");
    input.tz = Some("America/New_York".into());
    let a = db.log_action(&input).expect("log while travelling");
    // 04:00 UTC is 23:00 on 26 Nov in New York, although it is already 27 Nov at home.
    assert_eq!((a.local_date.as_str(), a.tz.as_str()), ("2026-11-26", "America/New_York"));
}

#[test]
fn back_logging_to_a_date_and_time() {
    let (_dir, mut db) = open_at("2026-11-27T12:00:00Z");
    let p = person(&mut db, "Anna", "Europe/Amsterdam");
    let mut input = action(p, "follow-up");
    input.date = Some("2026-11-26".into());
    input.time = Some("16:45".into());
    let a = db.log_action(&input).expect("back-log");
    assert_eq!((a.local_date.as_str(), a.local_time.as_str()), ("2026-11-26", "16:45"));
    assert_eq!(a.occurred_at, "2026-11-26T16:45:00+01:00");
    let yesterday = db
        .list_actions(&ActionQuery { person: Some("anna".into()), from: Some("2026-11-26".into()), to: Some("2026-11-26".into()) })
        .expect("list");
    assert_eq!(yesterday.len(), 1);
    let today = db
        .list_actions(&ActionQuery { person: Some(p.to_string()), from: Some("2026-11-27".into()), to: None })
        .expect("list");
    assert!(today.is_empty());
}

#[test]
fn day_start_hour_counts_small_hours_for_the_day_before() {
    let (_dir, mut db) = open_at("2026-11-27T01:30:00Z");
    let p = db
        .add_person(&cadence_core::NewPerson {
            name: "Owl".into(),
            tz: Some("Europe/Amsterdam".into()),
            day_start: Some("04:00".into()),
            ..Default::default()
        })
        .expect("person")
        .id;
    // 02:30 local on 27 Nov, before the 04:00 day start: it counts for 26 Nov.
    let a = db.log_action(&action(p, "open-communication")).expect("log");
    assert_eq!(a.local_date, "2026-11-26");
    assert_eq!(db.today(&p.to_string()).expect("today").to_string(), "2026-11-26");
    // Back-logging 01:00 on "26 Nov" means the small hours after the 26th's evening.
    let mut input = action(p, "follow-up");
    input.date = Some("2026-11-25".into());
    input.time = Some("01:00".into());
    let b = db.log_action(&input).expect("log");
    assert_eq!(b.local_date, "2026-11-25");
    assert_eq!(b.occurred_at, "2026-11-26T01:00:00+01:00");
}

#[test]
fn bad_input_is_rejected_with_its_field_and_writes_nothing() {
    let (_dir, mut db) = open_at("2026-11-27T12:00:00Z");
    let p = person(&mut db, "Anna", "Europe/Amsterdam");
    db.add_value("Openness", "value").expect("value");
    let ok = || NewAction {
        person: p.to_string(),
        category: "open-communication".into(),
        note: Some("fine".into()),
        channel: Some("town-hall".into()),
        audiences: vec!["staff".into()],
        values: vec!["openness".into()],
        ..NewAction::default()
    };
    let cases: Vec<(&str, NewAction, &str, &str)> = vec![
        ("unknown person", NewAction { person: "Nobody".into(), ..ok() }, "notFound", "person"),
        ("unknown category", NewAction { category: "gossip".into(), ..ok() }, "notFound", "category"),
        ("empty category", NewAction { category: " ".into(), ..ok() }, "invalid", "category"),
        ("unknown channel", NewAction { channel: Some("carrier-pigeon".into()), ..ok() }, "notFound", "channel"),
        ("unknown audience", NewAction { audiences: vec!["martians".into()], ..ok() }, "notFound", "audience"),
        ("unknown value", NewAction { values: vec!["greed".into()], ..ok() }, "notFound", "value"),
        ("note too long", NewAction { note: Some("x".repeat(4001)), ..ok() }, "invalid", "note"),
        ("future at", NewAction { at: Some("2026-11-29T12:00:00Z".into()), ..ok() }, "invalid", "at"),
        ("future date", NewAction { date: Some("2026-11-30".into()), ..ok() }, "invalid", "date"),
        ("bad time zone", NewAction { tz: Some("Mars/Olympus".into()), ..ok() }, "invalid", "tz"),
        ("bad date", NewAction { date: Some("2026-02-30".into()), ..ok() }, "invalid", "date"),
        ("bad instant", NewAction { at: Some("yesterday".into()), ..ok() }, "invalid", "at"),
        ("bad time", NewAction { date: Some("2026-11-26".into()), time: Some("25:00".into()), ..ok() }, "invalid", "time"),
        ("both at and date", NewAction { at: Some("2026-11-26T10:00:00Z".into()), date: Some("2026-11-26".into()), ..ok() }, "invalid", "at"),
    ];
    for (name, input, kind, field) in cases {
        let err = db.log_action(&input).expect_err(name);
        assert_eq!((err.kind(), err.field()), (kind, Some(field)), "{name}: {err}");
        assert!(!err.to_string().contains('\n'), "{name}: one line");
    }
    for table in ["actions", "action_layers", "action_units", "action_values"] {
        assert_eq!(count(&db, table), 0, "{table} stays empty");
    }
    // Exactly 4,000 characters is fine, and the valid input is accepted.
    db.log_action(&NewAction { note: Some("é".repeat(4000)), ..ok() }).expect("4000 chars");
    let a = db.log_action(&ok()).expect("valid");
    assert_eq!(a.audiences, vec!["layer:staff"]);
    assert_eq!(a.values, vec!["openness"]);
    assert_eq!(a.channel.as_deref(), Some("town-hall"));
}

#[test]
fn edit_delete_and_undo() {
    let (_dir, mut db) = open_at("2026-11-27T12:00:00Z");
    let p = person(&mut db, "Anna", "Europe/Amsterdam");
    let a = db.log_action(&action(p, "open-communication")).expect("log");
    let edited = db
        .update_action(
            a.id,
            &NewAction { category: "follow-up".into(), note: Some("Sent the promised figures".into()), ..NewAction::default() },
        )
        .expect("edit");
    assert_eq!(edited.category, "follow-up");
    assert_eq!(edited.note, "Sent the promised figures");
    assert_eq!(edited.occurred_at, a.occurred_at, "time kept when not named");
    assert_eq!(edited.person_id, p);
    // A bad edit changes nothing.
    assert!(db.update_action(a.id, &NewAction { category: "nope".into(), ..NewAction::default() }).is_err());
    assert_eq!(db.action(a.id).expect("still there").category, "follow-up");

    let deleted = db.delete_action(a.id).expect("delete");
    assert_eq!(deleted.id, a.id);
    assert!(matches!(db.action(a.id), Err(CoreError::NotFound { .. })));
    assert!(db.list_actions(&ActionQuery::default()).expect("list").is_empty());
    let restored = db.restore_action(a.id).expect("undo");
    assert_eq!(restored.note, "Sent the promised figures");
    assert_eq!(db.list_actions(&ActionQuery::default()).expect("list").len(), 1);
    assert!(db.restore_action(a.id).is_err(), "nothing to undo twice");
}

#[test]
fn list_filters_and_orders_by_local_day() {
    let (_dir, mut db) = open_at("2026-11-27T12:00:00Z");
    let p = person(&mut db, "Anna", "Europe/Amsterdam");
    for (date, time) in [("2026-11-26", "15:00"), ("2026-11-20", "09:00"), ("2026-11-26", "08:00")] {
        let mut input = action(p, "open-communication");
        input.date = Some(date.into());
        input.time = Some(time.into());
        db.log_action(&input).expect("log");
    }
    let all = db.list_actions(&ActionQuery::default()).expect("list");
    let order: Vec<_> = all.iter().map(|a| format!("{} {}", a.local_date, a.local_time)).collect();
    assert_eq!(order, vec!["2026-11-20 09:00", "2026-11-26 08:00", "2026-11-26 15:00"]);
    let counts = db.day_counts(&ActionQuery { person: Some("Anna".into()), ..Default::default() }).expect("counts");
    assert_eq!(counts.iter().map(|c| (c.date.as_str(), c.count)).collect::<Vec<_>>(), vec![("2026-11-20", 1), ("2026-11-26", 2)]);
    let err = db
        .list_actions(&ActionQuery { from: Some("2026-11-27".into()), to: Some("2026-11-01".into()), ..Default::default() })
        .expect_err("reversed range");
    assert_eq!(err.field(), Some("to"));
}

#[test]
fn undo_restores_the_whole_action_under_its_own_id() {
    let (_dir, mut db) = open_at("2026-11-27T12:00:00Z");
    let p = person(&mut db, "Anna", "Europe/Amsterdam");
    db.add_value("Openness", "value").expect("value");
    db.add_unit("Sales").expect("unit");
    let mut input = action(p, "visible-participation");
    input.note = Some("Joined the sales kick-off".into());
    input.channel = Some("team-meeting".into());
    input.audiences = vec!["staff".into(), "sales".into()];
    input.values = vec!["openness".into()];
    let original = db.log_action(&input).expect("log");
    db.delete_action(original.id).expect("delete");
    assert_eq!(count(&db, "action_layers") + count(&db, "action_units") + count(&db, "action_values"), 0);
    // A new action logged meanwhile never takes the deleted one's id.
    let newer = db.log_action(&action(p, "follow-up")).expect("log");
    assert_ne!(newer.id, original.id);
    let restored = db.restore_action(original.id).expect("undo");
    assert_eq!(restored, original);
    assert_eq!(count(&db, "deleted_actions"), 0);
}

/// Issue #10 (4): an action logged in New York by someone living in Amsterdam stays where it happened when
/// only its note (or category, channel, audiences, values) is edited, also when the form sends the stored date
/// and time back; only an explicit change of date, time or zone moves it.
#[test]
fn edits_keep_an_action_where_it_happened() {
    let (_dir, mut db) = open_at("2026-11-27T12:00:00Z");
    let p = person(&mut db, "Anna", "Europe/Amsterdam");
    // 21:15:30 in New York on 26 Nov is 03:15 on 27 Nov in Amsterdam.
    let mut input = action(p, "open-communication");
    input.at = Some("2026-11-26T21:15:30.250-05:00".into());
    input.tz = Some("America/New_York".into());
    let a = db.log_action(&input).expect("log in New York");
    assert_eq!((a.tz.as_str(), a.local_date.as_str(), a.local_time.as_str()), ("America/New_York", "2026-11-26", "21:15"));
    let place = |x: &cadence_core::Action| (x.tz.clone(), x.occurred_at.clone(), x.local_date.clone(), x.local_time.clone());

    let note_only = NewAction { category: "open-communication".into(), note: Some("Met the NY team".into()), ..NewAction::default() };
    let edited = db.update_action(a.id, &note_only).expect("edit the note");
    assert_eq!(edited.note, "Met the NY team");
    assert_eq!(place(&edited), place(&a), "a note edit keeps zone, instant and local date");
    let millis = |db: &cadence_core::Db| {
        let conn = rusqlite::Connection::open(db.path()).expect("second connection");
        conn.query_row("SELECT occurred_at FROM actions WHERE id = ?1", [a.id], |r| r.get::<_, i64>(0)).expect("instant")
    };
    assert_eq!(millis(&db) % 1000, 250, "the instant is kept to the millisecond");

    // What the edit form sends: every field as loaded, the stored date and wall time among them.
    let mut form = NewAction {
        person: p.to_string(),
        category: "follow-up".into(),
        note: Some("Met the New York team".into()),
        channel: Some("email".into()),
        audiences: vec!["staff".into()],
        date: Some(a.local_date.clone()),
        time: Some(a.local_time.clone()),
        ..NewAction::default()
    };
    let edited = db.update_action(a.id, &form).expect("edit as the form does");
    assert_eq!((edited.category.as_str(), edited.channel.as_deref()), ("follow-up", Some("email")));
    assert_eq!(place(&edited), place(&a), "the stored date and time sent back are no change");
    // Naming the zone it already has is no change either.
    form.tz = Some("America/New_York".into());
    assert_eq!(place(&db.update_action(a.id, &form).expect("same zone")), place(&a));
    form.tz = None;

    // An explicit new date moves it to that date, at the same wall time in the same zone.
    form.date = Some("2026-11-25".into());
    let moved = db.update_action(a.id, &form).expect("new date");
    assert_eq!((moved.tz.as_str(), moved.local_date.as_str(), moved.local_time.as_str()), ("America/New_York", "2026-11-25", "21:15"));
    assert_eq!(moved.occurred_at, "2026-11-25T21:15:00-05:00");
    // A new time alone keeps the date and the zone.
    let moved = db
        .update_action(a.id, &NewAction { category: "follow-up".into(), time: Some("08:30".into()), ..NewAction::default() })
        .expect("new time");
    assert_eq!(moved.occurred_at, "2026-11-25T08:30:00-05:00");
    assert_eq!(moved.local_date, "2026-11-25");
    // A new zone alone keeps the wall clock's date and time, now read in that zone.
    let moved = db
        .update_action(a.id, &NewAction { category: "follow-up".into(), tz: Some("Europe/Amsterdam".into()), ..NewAction::default() })
        .expect("new zone");
    assert_eq!((moved.tz.as_str(), moved.occurred_at.as_str()), ("Europe/Amsterdam", "2026-11-25T08:30:00+01:00"));
    assert_eq!(moved.local_date, "2026-11-25");
}

#[test]
fn a_delete_can_be_undone_for_30_days_then_it_is_gone_for_good() {
    let (_d, mut db) = common::open_at("2026-11-02T09:00:00Z");
    let p = common::person(&mut db, "Anna", "Europe/Amsterdam").to_string();
    let log = |db: &mut cadence_core::Db, note: &str| {
        db.log_action(&NewAction { person: p.clone(), category: "follow-up".into(), note: Some(note.into()), ..Default::default() }).expect("log").id
    };
    let (old, recent) = (log(&mut db, "deleted first"), log(&mut db, "deleted later"));
    db.delete_action(old).expect("delete");
    db.set_clock(Box::new(cadence_core::time::FixedClock(common::at("2026-11-25T09:00:00Z"))));
    db.delete_action(recent).expect("delete");
    // 29 days after the first delete both can still come back; on day 31 the first is gone.
    db.set_clock(Box::new(cadence_core::time::FixedClock(common::at("2026-12-01T09:00:00Z"))));
    assert_eq!(db.purge_undo().expect("purge"), 0);
    db.set_clock(Box::new(cadence_core::time::FixedClock(common::at("2026-12-03T09:00:00Z"))));
    assert_eq!(db.purge_undo().expect("purge"), 1);
    assert_eq!(db.restore_action(old).expect_err("purged").kind(), "notFound");
    assert_eq!(db.restore_action(recent).expect("still within 30 days").note, "deleted later");
}
