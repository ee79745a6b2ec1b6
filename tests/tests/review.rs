//! The monthly review: the month's numbers, and the PDF an assistant sends, read back from the file.

mod common;

use cadence_core::review::pdf::{file_name, render, shown_text};
use cadence_core::time::FixedClock;
use cadence_core::{Db, NewAction, NewFollowup, NewPerson};
use chrono::NaiveDate;
use common::at;

/// Anna de Vries in Amsterdam. In October 2026: 5 open communication, 2 visible participation, 1 follow-up;
/// one action in September and one in November that must not count. A promise made on 10 October, due the
/// 20th, kept late on 2 November; another made on 10 November. "Now" is 10 November 2026.
fn anna(locale: &str) -> (tempfile::TempDir, Db, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut db = Db::open_with_clock(&dir.path().join("c.sqlite3"), Box::new(FixedClock(at("2026-09-01T08:00:00Z")))).expect("open");
    db.set_locale_pref(locale).expect("locale");
    let me = NewPerson { name: "Anna de Vries".into(), tz: Some("Europe/Amsterdam".into()), ..Default::default() };
    let id = db.onboard(&me, &["Courage".into(), "Care".into()]).expect("onboard").id.to_string();
    db.set_clock(Box::new(FixedClock(at("2026-10-10T12:00:00Z"))));
    let late = db
        .add_followup(&NewFollowup { person: id.clone(), text: "Training plan".into(), due: "2026-10-20".into(), from_action: None })
        .expect("followup");
    db.set_clock(Box::new(FixedClock(at("2026-11-02T15:00:00Z"))));
    db.close_followup(late.id, Some("Sent the training plan")).expect("close");
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
    // As October ended: the training plan was overdue, the budget promise not yet made.
    let f = &r.follow_through;
    assert_eq!((f.open, f.overdue, f.done, f.rate), (0, 1, 0, Some(0.0)), "{f:?}");
    assert!(!r.running);
    assert!(r.trend.len() >= 5 && r.trend.iter().all(|p| p.week_start.as_str() <= "2026-10-31"), "{:?}", r.trend);
    // Without a month: the previous one, what an assistant prepares at the start of a month.
    assert_eq!(db.monthly_review("Anna de Vries", None).expect("default").month, "2026-10");
    // The running month is reviewed up to today: the plan kept (late), the budget promise open.
    let now = db.monthly_review(&id, Some("2026-11")).expect("running");
    assert_eq!((now.as_of.as_str(), now.running), ("2026-11-10", true));
    let f = &now.follow_through;
    assert_eq!((f.open, f.overdue, f.done, f.rate), (1, 0, 1, Some(0.0)), "{f:?}");
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
    // A row is written left to right: the label, its count, then the target.
    let row = |cells: &[&str]| assert!(text.windows(cells.len()).any(|w| w == cells), "{cells:?} not in {text:#?}");
    has("Anna de Vries - October 2026");
    has("Leadership review as of 31 October 2026");
    row(&["Open communication", "5", "target 3 per week"]);
    row(&["Visible participation", "2", "target 2 per week"]);
    row(&["Follow-up", "1", "target 2 per week"]);
    row(&["Total", "8"]);
    has("0% of promises kept by their due date. 0 open, 1 overdue.");
    has("• Care (never yet)");
    has("Made with Cadence on 10 November 2026");
    let score = format!("Score at month end: {:.0}%", r.score * 100.0);
    has(&score);
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

#[test]
fn a_long_review_flows_onto_more_pages_with_numbered_footers() {
    let (_dir, mut db, id) = anna("en");
    for i in 0..40 {
        db.add_catalog_entry("values", &format!("Value number {i:02}"), &Default::default()).expect("value");
    }
    let r = db.monthly_review(&id, Some("2026-10")).expect("review");
    assert_eq!(r.neglected_values.len(), 41, "Care and the 40 new ones");
    let pdf = render(&r, db.locale(), NaiveDate::from_ymd_opt(2026, 11, 10).expect("date"));
    let text = shown_text(&pdf);
    assert!(text.contains(&"page 1 of 2".to_string()) && text.contains(&"page 2 of 2".to_string()), "{text:#?}");
    assert_eq!(text.iter().filter(|t| t.starts_with("Made with Cadence")).count(), 2);
    assert!(text.contains(&"• Value number 39 (never yet)".to_string()), "the last value is on the page");
    assert!(String::from_utf8_lossy(&pdf).contains("/Count 2"), "the page tree holds two pages");
}
