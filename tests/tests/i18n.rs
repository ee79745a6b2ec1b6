//! Dutch and English in the core: the language setting, reminders written in the app's language, and the
//! default catalogue named in the leader's language without touching history or the user's own names.

mod common;

use cadence_core::time::FixedClock;
use cadence_core::organisation::CatalogPatch;
use cadence_core::{Db, Locale, NewAction, NewPerson, NewRule};
use common::at;

fn onboarded(pref: &str) -> (tempfile::TempDir, Db, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut db = Db::open_with_clock(&dir.path().join("c.sqlite3"), Box::new(FixedClock(at("2026-11-16T06:00:00Z")))).expect("open");
    assert_eq!(db.set_locale_pref(pref).expect("pref"), Locale::from_tag(pref));
    let me = NewPerson { name: "Anna".into(), tz: Some("Europe/Amsterdam".into()), ..Default::default() };
    let id = db.onboard(&me, &[]).expect("onboard").id.to_string();
    (dir, db, id)
}

fn category_labels(db: &Db) -> Vec<String> {
    db.catalog().expect("catalog").categories.into_iter().map(|c| c.label).collect()
}

#[test]
fn the_setting_is_stored_and_unknown_languages_are_refused() {
    let (_dir, mut db, _) = onboarded("nl");
    assert_eq!(db.locale_pref().expect("pref"), Some(Locale::Nl));
    assert_eq!(db.locale(), Locale::Nl);
    let err = db.set_locale_pref("fr").expect_err("fr");
    assert_eq!(err.field(), Some("locale"));
    assert_eq!(db.locale(), Locale::Nl, "a refused choice changes nothing");
    db.set_locale_pref("system").expect("system");
    assert_eq!(db.locale_pref().expect("pref"), None);
    assert_eq!(db.locale(), Locale::os());
}

#[test]
fn a_dutch_leader_starts_with_dutch_defaults_and_history_survives_switching() {
    let (_dir, mut db, anna) = onboarded("nl");
    assert_eq!(category_labels(&db), ["Open communicatie", "Zichtbaar aanwezig", "Opvolging"]);
    let channels: Vec<String> = db.catalog().expect("catalog").channels.into_iter().map(|c| c.label).collect();
    assert!(channels.contains(&"Teamoverleg".to_string()), "{channels:?}");

    let logged = db
        .log_action(&NewAction { person: anna.clone(), category: "follow-up".into(), note: Some("Belde Piet terug".into()), ..Default::default() })
        .expect("log");
    // The user renames one category: their own name is kept through every switch.
    let key = db.catalog().expect("catalog").categories[0].key.clone();
    db.update_catalog_entry("categories", &key, &CatalogPatch { label: Some("Luisteren".into()), ..Default::default() }).expect("rename");

    db.set_locale_pref("en").expect("en");
    assert_eq!(category_labels(&db), ["Luisteren", "Visible participation", "Follow-up"]);
    db.set_locale_pref("nl").expect("nl");
    assert_eq!(category_labels(&db), ["Luisteren", "Zichtbaar aanwezig", "Opvolging"]);

    let list = db.list_actions(&cadence_core::ActionQuery { person: Some(anna), from: None, to: None }).expect("list");
    assert_eq!(list.len(), 1);
    assert_eq!((list[0].id, list[0].category.as_str(), list[0].note.as_str()), (logged.id, "follow-up", "Belde Piet terug"));
}

#[test]
fn reminders_are_written_in_the_apps_language() {
    for (pref, title, body) in [
        ("nl", "Tijd om je leiderschap van vandaag vast te leggen", "Vandaag is nog niets vastgelegd."),
        ("en", "Time to log today's leadership", "Nothing logged yet today."),
    ] {
        let (_dir, mut db, anna) = onboarded(pref);
        db.add_rule(&NewRule { person: anna.clone(), kind: "checkin".into(), at: Some("09:00".into()), ..Default::default() })
            .expect("rule");
        db.add_rule(&NewRule { person: anna, kind: "silence".into(), category: Some("open-communication".into()), after_days: Some(3), ..Default::default() })
            .expect("rule");
        // Monday 23 Nov 2026, 10:00 in Amsterdam: the check-in is due, and a week without open communication.
        db.set_clock(Box::new(FixedClock(at("2026-11-23T09:00:00Z"))));
        let fired = db.run_reminders().expect("run");
        let checkin = fired.iter().find(|i| i.title == title).unwrap_or_else(|| panic!("{pref}: {fired:#?}"));
        assert!(checkin.body.starts_with(body), "{}", checkin.body);
        let silence = fired.iter().find(|i| i.title != title).expect("silence");
        let expected = if pref == "nl" { "Tijd voor open communicatie" } else { "Time for open communication" };
        assert_eq!(silence.title, expected);
    }
}

#[test]
fn dates_in_reminder_texts_follow_the_language() {
    let (_dir, mut db, anna) = onboarded("nl");
    db.set_clock(Box::new(FixedClock(at("2026-11-17T12:00:00Z"))));
    db.log_action(&NewAction {
        person: anna.clone(),
        category: "open-communication".into(),
        note: Some("Teamoverleg".into()),
        date: Some("2026-11-17".into()),
        time: Some("10:00".into()),
        ..Default::default()
    })
    .expect("log");
    db.add_rule(&NewRule { person: anna, kind: "silence".into(), category: Some("open-communication".into()), after_days: Some(4), ..Default::default() })
        .expect("rule");
    db.set_clock(Box::new(FixedClock(at("2026-11-23T09:00:00Z"))));
    let fired = db.run_reminders().expect("run");
    assert_eq!(fired.len(), 1, "{fired:#?}");
    assert_eq!(fired[0].body, "Al 6 dagen geen open communicatie (laatst op 17 november 2026).");
}

#[test]
fn a_validation_error_reads_in_dutch_and_stays_english_in_display() {
    let (_dir, mut db, anna) = onboarded("nl");
    let long = NewAction { person: anna.clone(), category: "follow-up".into(), note: Some("x".repeat(4001)), ..Default::default() };
    let err = db.log_action(&long).expect_err("too long");
    assert_eq!(err.field(), Some("note"));
    assert_eq!(err.message(db.locale()), "notitie: is 4001 tekens; de limiet is 4000");
    assert_eq!(err.to_string(), "note: is 4001 characters; the limit is 4000");
    assert_eq!(err.message(Locale::En), err.to_string());

    let bad_date = NewAction { person: anna, category: "follow-up".into(), date: Some("31-12-2026".into()), ..Default::default() };
    let err = db.log_action(&bad_date).expect_err("bad date");
    assert_eq!((err.kind(), err.field()), ("invalid", Some("date")));
    assert_eq!(err.message(Locale::Nl), "datum: '31-12-2026' is geen geldige datum (gebruik JJJJ-MM-DD)");
    assert!(err.to_string().contains("not a valid date"), "{err}");

    let err = db.log_action(&NewAction { person: "Nobody".into(), category: "follow-up".into(), ..Default::default() }).expect_err("who");
    assert_eq!(err.message(Locale::Nl), "persoon niet gevonden: Nobody");
    assert_eq!(err.to_string(), "person not found: Nobody");
}
