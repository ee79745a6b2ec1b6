//! The reminder engine and inbox with a fake clock: exactly once across restarts, sleeps and clock jumps,
//! DST days, quiet hours, absence, silence that resets, follow-ups, assistants.

mod common;

use cadence_core::time::FixedClock;
use cadence_core::{Db, NewAction, NewFollowup, NewPerson, NewRule};
use chrono::{DateTime, Duration, Utc};
use common::at;

fn open(path: &std::path::Path, now: &str) -> Db {
    Db::open_with_clock(path, Box::new(FixedClock(at(now)))).expect("open")
}

fn set(db: &mut Db, now: DateTime<Utc>) {
    db.set_clock(Box::new(FixedClock(now)));
}

struct World {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
    db: Db,
    anna: String,
}

/// Anna in Amsterdam, Monday to Friday, the app's user. "Now" is Monday 23 Nov 2026, 07:00 local.
fn world(days: &[&str]) -> World {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("cadence.sqlite3");
    let mut db = open(&path, "2026-11-16T06:00:00Z");
    // The texts are asserted in English whatever the machine's locale (tests/tests/i18n.rs covers Dutch).
    db.set_locale_pref("en").expect("locale");
    let p = db
        .onboard(
            &NewPerson {
                name: "Anna".into(),
                tz: Some("Europe/Amsterdam".into()),
                working_days: Some(days.iter().map(|d| d.to_string()).collect()),
                ..Default::default()
            },
            &[],
        )
        .expect("onboard");
    set(&mut db, at("2026-11-23T06:00:00Z"));
    World { _dir: dir, path, db, anna: p.id.to_string() }
}

fn rule(w: &mut World, kind: &str, f: impl FnOnce(&mut NewRule)) -> i64 {
    let mut r = NewRule { person: w.anna.clone(), kind: kind.into(), ..Default::default() };
    f(&mut r);
    w.db.add_rule(&r).expect("rule").id
}

fn run_at(db: &mut Db, when: &str) -> Vec<cadence_core::InboxItem> {
    set(db, at(when));
    db.run_reminders().expect("run")
}

const WEEK: [&str; 5] = ["mon", "tue", "wed", "thu", "fri"];

#[test]
fn checkin_fires_once_across_restarts_sleeps_and_clock_jumps() {
    let mut w = world(&WEEK);
    rule(&mut w, "checkin", |r| r.at = Some("09:00".into()));
    assert!(run_at(&mut w.db, "2026-11-23T07:59:00Z").is_empty(), "08:59 local: not yet");
    let fired = run_at(&mut w.db, "2026-11-23T08:00:10Z");
    assert_eq!(fired.len(), 1);
    assert_eq!((fired[0].key.as_str(), fired[0].late), ("2026-11-23", false));
    assert_eq!(fired[0].fire_at, "2026-11-23T09:00:00+01:00");
    assert_eq!(fired[0].title, "Time to log today's leadership", "the user's own reminder does not name them");
    assert!(run_at(&mut w.db, "2026-11-23T08:00:40Z").is_empty(), "the next tick");
    // A restart: a new process opens the same file.
    drop(std::mem::replace(&mut w.db, open(&w.path, "2026-11-23T08:05:00Z")));
    assert!(w.db.run_reminders().expect("run").is_empty());
    // The wall clock jumps back an hour and forward again (NTP, a suspended laptop).
    assert!(run_at(&mut w.db, "2026-11-23T07:00:00Z").is_empty());
    assert!(run_at(&mut w.db, "2026-11-23T08:30:00Z").is_empty());
    assert_eq!(w.db.inbox(false).expect("inbox").len(), 1);
    assert_eq!(w.db.unread_count().expect("unread"), 1);

    // Logging before 09:00 the next day means no check-in that day.
    set(&mut w.db, at("2026-11-24T07:30:00Z"));
    w.db.log_action(&NewAction { person: w.anna.clone(), category: "follow-up".into(), ..Default::default() }).expect("log");
    assert!(run_at(&mut w.db, "2026-11-24T08:01:00Z").is_empty());
    // Friday's fires; Saturday is not a working day.
    assert_eq!(run_at(&mut w.db, "2026-11-27T08:30:00Z").len(), 1);
    assert!(run_at(&mut w.db, "2026-11-28T10:00:00Z").is_empty());
}

#[test]
fn what_fell_due_while_closed_comes_once_and_late() {
    let mut w = world(&WEEK);
    rule(&mut w, "checkin", |r| r.at = Some("09:00".into()));
    // Closed from Monday morning until Wednesday 11:00 local: one check-in, marked late.
    let fired = run_at(&mut w.db, "2026-11-25T10:00:00Z");
    assert_eq!(fired.len(), 1);
    assert!(fired[0].late);
    assert_eq!(fired[0].key, "2026-11-25");
    assert!(run_at(&mut w.db, "2026-11-25T10:00:30Z").is_empty());
}

#[test]
fn dst_gap_and_fold_fire_once() {
    let all = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let mut w = world(&all);
    // The rule exists from March on: a rule never fires for a time before it was made.
    set(&mut w.db, at("2026-03-01T12:00:00Z"));
    rule(&mut w, "checkin", |r| r.at = Some("02:30".into()));
    // Spring forward, Sunday 29 March 2026: 02:30 does not exist; it fires once at 03:00 CEST.
    let mut fired = Vec::new();
    let mut t = at("2026-03-28T23:00:00Z");
    while t < at("2026-03-29T05:00:00Z") {
        set(&mut w.db, t);
        fired.extend(w.db.run_reminders().expect("run"));
        t += Duration::minutes(5);
    }
    let spring: Vec<_> = fired.iter().filter(|f| f.key == "2026-03-29").collect();
    assert_eq!(spring.len(), 1, "{fired:?}");
    assert_eq!(spring[0].fire_at, "2026-03-29T03:00:00+02:00");
    // Fall back, Sunday 25 October 2026: 02:30 happens twice; it fires once, at the first.
    fired.clear();
    let mut t = at("2026-10-24T22:00:00Z");
    while t < at("2026-10-25T04:00:00Z") {
        set(&mut w.db, t);
        fired.extend(w.db.run_reminders().expect("run"));
        t += Duration::minutes(5);
    }
    let fall: Vec<_> = fired.iter().filter(|f| f.key == "2026-10-25").collect();
    assert_eq!(fall.len(), 1, "{fired:?}");
    assert_eq!(fall[0].fire_at, "2026-10-25T02:30:00+02:00");
}

#[test]
fn quiet_hours_and_absence_suppress() {
    let mut w = world(&WEEK);
    rule(&mut w, "checkin", |r| {
        r.at = Some("07:00".into());
        r.quiet_from = Some("22:00".into());
        r.quiet_to = Some("08:00".into());
    });
    assert!(run_at(&mut w.db, "2026-11-23T06:30:00Z").is_empty(), "07:30 local is inside quiet hours");
    let fired = run_at(&mut w.db, "2026-11-23T07:00:00Z");
    assert_eq!(fired.len(), 1);
    assert_eq!(fired[0].fire_at, "2026-11-23T08:00:00+01:00");
    w.db.add_absence(&w.anna, "2026-11-24", "2026-11-26", "travel").expect("absence");
    for day in ["2026-11-24T12:00:00Z", "2026-11-25T12:00:00Z", "2026-11-26T12:00:00Z"] {
        assert!(run_at(&mut w.db, day).is_empty(), "absent on {day}");
    }
    assert_eq!(run_at(&mut w.db, "2026-11-27T12:00:00Z").len(), 1);
}

#[test]
fn silence_fires_once_and_resets_after_a_log() {
    let mut w = world(&WEEK);
    let id = rule(&mut w, "silence", |r| {
        r.category = Some("open-communication".into());
        r.after_days = Some(3);
        r.at = Some("09:00".into());
    });
    let log_in = |db: &mut Db, who: &str, category: &str, date: &str| {
        db.log_action(&NewAction { person: who.into(), category: category.into(), date: Some(date.into()), ..Default::default() })
            .expect("log");
    };
    let log = |db: &mut Db, who: &str, date: &str| log_in(db, who, "open-communication", date);
    let anna = w.anna.clone();
    set(&mut w.db, at("2026-11-23T12:00:00Z"));
    log(&mut w.db, &anna, "2026-11-23");
    assert!(run_at(&mut w.db, "2026-11-25T12:00:00Z").is_empty(), "two days");
    let fired = run_at(&mut w.db, "2026-11-26T08:00:00Z");
    assert_eq!(fired.len(), 1, "three days after Monday: Thursday 09:00");
    assert_eq!(fired[0].rule_id, id);
    assert_eq!(fired[0].body, "No open communication for 3 days (last on 23 November 2026).");
    assert!(run_at(&mut w.db, "2026-11-27T12:00:00Z").is_empty(), "the same silence does not fire again");
    // Any action of the category resets the clock: three days after Friday is Monday.
    log(&mut w.db, &anna, "2026-11-27");
    assert!(run_at(&mut w.db, "2026-11-29T12:00:00Z").is_empty());
    // Other categories do not reset it: a follow-up logged on Sunday leaves the silence counted from Friday.
    log_in(&mut w.db, &anna, "follow-up", "2026-11-29");
    log_in(&mut w.db, &anna, "visible-participation", "2026-11-29");
    let fired = run_at(&mut w.db, "2026-11-30T08:00:00Z");
    assert_eq!(fired.len(), 1, "three days after Friday, whatever else was logged since");
    assert_eq!(fired[0].body, "No open communication for 3 days (last on 27 November 2026).");
    assert!(w.db.reminders_due(at("2026-11-30T09:00:00Z")).expect("due").iter().all(|(_, fired)| *fired));
}

#[test]
fn followups_come_back_daily_until_done() {
    let mut w = world(&WEEK);
    rule(&mut w, "followup-due", |r| r.at = Some("10:00".into()));
    let f = w
        .db
        .add_followup(&NewFollowup { person: w.anna.clone(), text: "Send the training budget".into(), due: "2026-11-24".into(), from_action: None })
        .expect("followup");
    assert!(run_at(&mut w.db, "2026-11-23T12:00:00Z").is_empty(), "not due yet");
    let due = run_at(&mut w.db, "2026-11-24T09:00:00Z");
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].body, "Due today: Send the training budget");
    let overdue = run_at(&mut w.db, "2026-11-25T09:00:00Z");
    assert_eq!(overdue.len(), 1);
    assert_eq!(overdue[0].body, "Overdue since 24 November 2026: Send the training budget");
    assert_eq!(w.db.followups(None, Some("overdue")).expect("list").len(), 1);
    let (closed, action) = w.db.close_followup(f.id, None).expect("close");
    assert_eq!(closed.status, "done");
    assert_eq!(action.category, "follow-up");
    assert_eq!(closed.closing_action_id, Some(action.id));
    assert!(run_at(&mut w.db, "2026-11-26T09:00:00Z").is_empty());
    assert!(w.db.close_followup(f.id, None).is_err(), "already done");
}

#[test]
fn assistants_see_leaders_by_name_and_snooze_brings_it_back() {
    let mut w = world(&WEEK);
    let bram = w.db.add_person(&NewPerson { name: "Bram".into(), tz: Some("Europe/Amsterdam".into()), ..Default::default() }).expect("bram");
    w.db.add_rule(&NewRule {
        person: bram.id.to_string(),
        kind: "streak-risk".into(),
        at: Some("17:00".into()),
        min_streak: Some(2),
        ..Default::default()
    })
    .expect("rule");
    for date in ["2026-11-19", "2026-11-20"] {
        w.db.log_action(&NewAction { person: "Bram".into(), category: "follow-up".into(), date: Some(date.into()), ..Default::default() })
            .expect("log");
    }
    let fired = run_at(&mut w.db, "2026-11-23T16:00:00Z");
    assert_eq!(fired.len(), 1);
    assert_eq!(fired[0].title, "Bram: Your streak is at risk");
    let item = w.db.snooze(fired[0].id, "15m").expect("snooze");
    assert_eq!(item.state, "snoozed");
    assert!(run_at(&mut w.db, "2026-11-23T16:10:00Z").is_empty());
    let back = run_at(&mut w.db, "2026-11-23T16:15:00Z");
    assert_eq!(back.len(), 1);
    assert_eq!((back[0].id, back[0].state.as_str()), (fired[0].id, "fired"));
    assert_eq!(w.db.dismiss(back[0].id).expect("dismiss").state, "dismissed");
    assert!(w.db.inbox(false).expect("inbox").is_empty());
    assert_eq!(w.db.inbox(true).expect("all").len(), 1);
    assert!(w.db.snooze(back[0].id, "next year").is_err());
}

#[test]
fn rules_validate_and_preview_and_due_changes_nothing() {
    let mut w = world(&WEEK);
    let bad = |kind: &str, f: fn(&mut NewRule)| {
        let mut r = NewRule { person: "Anna".into(), kind: kind.into(), ..Default::default() };
        f(&mut r);
        r
    };
    for (input, field) in [
        (bad("nag", |_| {}), "kind"),
        (bad("silence", |_| {}), "category"),
        (bad("silence", |r| r.category = Some("follow-up".into())), "afterDays"),
        (bad("score-drop", |r| r.category = Some("follow-up".into())), "threshold"),
        (bad("checkin", |r| r.at = Some("25:00".into())), "at"),
        (bad("checkin", |r| r.days = Some(vec!["someday".into()])), "days"),
        (bad("checkin", |r| r.quiet_from = Some("22:00".into())), "quietTo"),
        (bad("streak-risk", |r| r.min_streak = Some(0)), "minStreak"),
    ] {
        let e = w.db.add_rule(&input).expect_err(field);
        assert_eq!(e.field(), Some(field), "{e}");
    }
    assert!(w.db.rules(None).expect("rules").is_empty());
    let r = w.db.add_rule(&NewRule { person: "Anna".into(), kind: "checkin".into(), at: Some("09:00".into()), days: Some(vec!["wed".into()]), ..Default::default() }).expect("rule");
    assert_eq!(r.next_fire.as_deref(), Some("2026-11-25T09:00:00+01:00"));
    assert_eq!(r.created_by_name.as_deref(), Some("Anna"));
    let due = w.db.reminders_due(at("2026-11-25T08:30:00Z")).expect("due");
    assert_eq!(due.len(), 1);
    assert!(!due[0].1);
    assert!(w.db.inbox(true).expect("inbox").is_empty(), "due changes nothing");
    assert!(w.db.set_rule_paused(r.id, true).expect("pause").paused);
    assert!(w.db.reminders_due(at("2026-11-25T08:30:00Z")).expect("due").is_empty());
    w.db.delete_rule(r.id).expect("delete");
    assert!(w.db.delete_rule(r.id).is_err());
}
