//! The monthly review: the month's numbers, and the PDF an assistant sends, read back from the file.

mod common;

use cadence_core::review::pdf::{file_name, render, shown_text};
use cadence_core::time::FixedClock;
use cadence_core::{Db, NewAction, NewFollowup, NewPerson};
use chrono::NaiveDate;
use common::at;

/// Anna de Vries in Amsterdam. In October 2026: 5 open communication, 2 visible participation, 1 follow-up;
/// one action in September and one in November that must not count. "Now" is 10 November 2026.
fn anna(locale: &str) -> (tempfile::TempDir, Db, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut db = Db::open_with_clock(&dir.path().join("c.sqlite3"), Box::new(FixedClock(at("2026-09-01T08:00:00Z")))).expect("open");
    db.set_locale_pref(locale).expect("locale");
    let me = NewPerson { name: "Anna de Vries".into(), tz: Some("Europe/Amsterdam".into()), ..Default::default() };
    let id = db.onboard(&me, &["Courage".into(), "Care".into()]).expect("onboard").id.to_string();
    db.set_clock(Box::new(FixedClock(at("2026-11-10T12:00:00Z"))));
    let log = |db: &mut Db, category: &str, date: &str, values: Vec<String>| {
        db.log_action(&NewAction {
            person: id.clone(),
            category: category.into(),
            date: Some(date.into()),
            time: Some("10:00".into()),
            values,
            ..Default::default()
        })
        .expect("log");
    };
    log(&mut db, "open-communication", "2026-09-30", vec![]);
    for d in ["2026-10-01", "2026-10-05", "2026-10-12", "2026-10-19", "2026-10-31"] {
        log(&mut db, "open-communication", d, vec!["courage".into()]);
    }
    log(&mut db, "visible-participation", "2026-10-07", vec![]);
    log(&mut db, "visible-participation", "2026-10-21", vec![]);
    log(&mut db, "follow-up", "2026-10-22", vec![]);
    log(&mut db, "open-communication", "2026-11-02", vec![]);
    db.add_followup(&NewFollowup { person: id.clone(), text: "Budget".into(), due: "2026-11-20".into(), from_action: None }).expect("followup");
    (dir, db, id)
}

#[test]
fn the_review_counts_the_chosen_month_only() {
    let (_dir, db, id) = anna("en");
    let r = db.monthly_review(&id, Some("2026-10")).expect("review");
    assert_eq!((r.month.as_str(), r.as_of.as_str(), r.person_name.as_str()), ("2026-10", "2026-10-31", "Anna de Vries"));
    let counts: Vec<(&str, u32)> = r.categories.iter().map(|c| (c.key.as_str(), c.count)).collect();
    assert_eq!(counts, [("open-communication", 5), ("visible-participation", 2), ("follow-up", 1)]);
    assert_eq!(r.total, 8);
    assert_eq!(r.values_set, 2);
    assert_eq!(r.neglected_values.iter().map(|v| v.label.as_str()).collect::<Vec<_>>(), ["Care"]);
    assert_eq!(r.follow_through.open, 1);
    assert!(r.trend.len() >= 5 && r.trend.iter().all(|p| p.week_start.as_str() <= "2026-10-31"), "{:?}", r.trend);
    // Without a month: the previous one, what an assistant prepares at the start of a month.
    assert_eq!(db.monthly_review("Anna de Vries", None).expect("default").month, "2026-10");
    // The running month is reviewed up to today.
    assert_eq!(db.monthly_review(&id, Some("2026-11")).expect("running").as_of, "2026-11-10");
}

#[test]
fn bad_months_are_refused_with_the_field() {
    let (_dir, db, id) = anna("en");
    for bad in ["2026-13", "oct", "2026-1", "2026-12"] {
        let err = db.monthly_review(&id, Some(bad)).expect_err(bad);
        assert_eq!(err.field(), Some("month"), "{bad}: {err}");
    }
    assert_eq!(db.monthly_review("Nobody", Some("2026-10")).expect_err("nobody").kind(), "notFound");
}

#[test]
fn the_pdf_holds_the_months_numbers() {
    let (_dir, db, id) = anna("en");
    let r = db.monthly_review(&id, Some("2026-10")).expect("review");
    let pdf = render(&r, db.locale(), NaiveDate::from_ymd_opt(2026, 11, 10).expect("date"));
    assert!(pdf.starts_with(b"%PDF-"));
    let text = shown_text(&pdf);
    let has = |s: &str| assert!(text.iter().any(|t| t == s), "{s:?} not in {text:#?}");
    has("Anna de Vries - October 2026");
    has("Leadership review as of 31 October 2026");
    has("Open communication");
    has("5");
    has("Total");
    has("8");
    has("target 3 per week");
    has("• Care (last never)");
    has("Made with Cadence on 10 November 2026");
    assert!(text.iter().any(|t| t.starts_with("Score at month end: ")), "{text:#?}");
    assert_eq!(file_name(&r, db.locale()), "Leadership review Anna de Vries 2026-10.pdf");
}

#[test]
fn a_dutch_review_is_written_in_dutch() {
    let (_dir, db, id) = anna("nl");
    let r = db.monthly_review(&id, Some("2026-10")).expect("review");
    let text = shown_text(&render(&r, db.locale(), NaiveDate::from_ymd_opt(2026, 11, 10).expect("date")));
    for s in ["Anna de Vries - oktober 2026", "Acties deze maand", "Open communicatie", "Totaal", "doel 3 per week", "Nakoming"] {
        assert!(text.iter().any(|t| t == s), "{s:?} not in {text:#?}");
    }
    assert_eq!(file_name(&r, db.locale()), "Leiderschapsoverzicht Anna de Vries 2026-10.pdf");
}
