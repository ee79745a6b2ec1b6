//! Reminders a leader can trust (issue #10): never for a time before the rule existed, one late notice per
//! rule after a closed app (the rest missed for good), quiet hours across midnight, score-drop by points, and
//! a preview that says when each kind will really fire.

mod common;

use cadence_core::time::FixedClock;
use cadence_core::{Db, NewAction, NewFollowup, NewPerson, NewRule};
use chrono::{DateTime, Utc};
use common::at;

fn set(db: &mut Db, now: DateTime<Utc>) {
    db.set_clock(Box::new(FixedClock(now)));
}

fn run_at(db: &mut Db, when: &str) -> Vec<cadence_core::InboxItem> {
    set(db, at(when));
    db.run_reminders().expect("run")
}

/// Anna in Amsterdam (UTC+1 in November), working every day, onboarded on Monday 16 November 2026.
fn anna() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut db = Db::open_with_clock(&dir.path().join("cadence.sqlite3"), Box::new(FixedClock(at("2026-11-16T06:00:00Z")))).expect("open");
    db.set_locale_pref("en").expect("locale");
    let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map(String::from).to_vec();
    db.onboard(&NewPerson { name: "Anna".into(), tz: Some("Europe/Amsterdam".into()), working_days: Some(days), ..Default::default() }, &[])
        .expect("onboard");
    (dir, db)
}

fn checkin(db: &mut Db, at_time: &str) -> i64 {
    db.add_rule(&NewRule { person: "Anna".into(), kind: "checkin".into(), at: Some(at_time.into()), ..Default::default() }).expect("rule").id
}

#[test]
fn a_rule_never_fires_for_a_time_before_it_was_made() {
    let (_d, mut db) = anna();
    // Made at 10:00 local on Monday 23 November, for 09:00: today's 09:00 is before it existed.
    set(&mut db, at("2026-11-23T09:00:00Z"));
    let r = checkin(&mut db, "09:00");
    assert_eq!(db.rule(r).expect("rule").next_fire.as_deref(), Some("2026-11-24T09:00:00+01:00"));
    assert!(run_at(&mut db, "2026-11-23T09:00:30Z").is_empty());
    assert!(run_at(&mut db, "2026-11-23T22:00:00Z").is_empty(), "not later that day either");
    let fired = run_at(&mut db, "2026-11-24T08:00:10Z");
    assert_eq!(fired.iter().map(|f| f.key.as_str()).collect::<Vec<_>>(), ["2026-11-24"]);

    // A silence rule made during a silence fires at its next time after it was made, not for the past.
    let s = db
        .add_rule(&NewRule {
            person: "Anna".into(),
            kind: "silence".into(),
            category: Some("open-communication".into()),
            after_days: Some(3),
            at: Some("09:00".into()),
            ..Default::default()
        })
        .expect("silence")
        .id;
    assert_eq!(db.rule(s).expect("rule").next_fire.as_deref(), Some("2026-11-25T09:00:00+01:00"));
    assert!(run_at(&mut db, "2026-11-24T12:00:00Z").is_empty());
    let fired = run_at(&mut db, "2026-11-25T08:00:05Z");
    assert_eq!(fired.len(), 2, "the silence and Wednesday's check-in: {fired:?}");
}

#[test]
fn a_catch_up_delivers_one_late_notice_and_the_rest_are_missed_for_good() {
    let (_d, mut db) = anna();
    set(&mut db, at("2026-11-20T12:00:00Z"));
    let r = checkin(&mut db, "09:00");
    // The app is closed from Friday noon until Tuesday 24 November 10:30 local: Saturday to Tuesday fell due.
    let fired = run_at(&mut db, "2026-11-24T09:30:00Z");
    assert_eq!(fired.len(), 1, "{fired:?}");
    assert_eq!((fired[0].key.as_str(), fired[0].late), ("2026-11-24", true));
    // Today gets logged (and so today's condition is false), yesterday's stays true: it still never fires.
    db.log_action(&NewAction { person: "Anna".into(), category: "follow-up".into(), ..Default::default() }).expect("log");
    for t in ["2026-11-24T09:31:00Z", "2026-11-24T12:00:00Z", "2026-11-24T22:59:00Z"] {
        assert!(run_at(&mut db, t).is_empty(), "at {t}");
    }
    assert!(db.reminders_due(at("2026-11-24T12:00:00Z")).expect("due").iter().all(|(_, stored)| *stored));
    assert_eq!(db.inbox(true).expect("inbox").len(), 1, "missed occurrences are not shown as delivered");
    assert_eq!(db.rule(r).expect("rule").next_fire.as_deref(), Some("2026-11-25T09:00:00+01:00"));
}

#[test]
fn quiet_hours_across_midnight_move_a_reminder_to_the_next_morning() {
    let (_d, mut db) = anna();
    set(&mut db, at("2026-11-22T11:00:00Z"));
    let r = db
        .add_rule(&NewRule {
            person: "Anna".into(),
            kind: "checkin".into(),
            at: Some("23:00".into()),
            quiet_from: Some("22:00".into()),
            quiet_to: Some("07:00".into()),
            ..Default::default()
        })
        .expect("rule");
    // Sunday's 23:00 falls in Sunday night's quiet hours: it waits until Monday 07:00.
    assert_eq!(r.next_fire.as_deref(), Some("2026-11-23T07:00:00+01:00"));
    let fired = run_at(&mut db, "2026-11-23T06:00:30Z");
    assert_eq!(fired.iter().map(|f| (f.key.as_str(), f.fire_at.as_str())).collect::<Vec<_>>(), [("2026-11-22", "2026-11-23T07:00:00+01:00")]);
    // Monday's own 23:00 waits for Tuesday 07:00: not Monday 07:00, and not at 23:00 either.
    assert!(run_at(&mut db, "2026-11-23T22:00:00Z").is_empty(), "23:00 is quiet");
    let fired = run_at(&mut db, "2026-11-24T06:00:10Z");
    assert_eq!(fired.iter().map(|f| (f.key.as_str(), f.fire_at.as_str())).collect::<Vec<_>>(), [("2026-11-23", "2026-11-24T07:00:00+01:00")]);
}

#[test]
fn late_deliveries_wait_for_quiet_hours_to_end() {
    let (_d, mut db) = anna();
    set(&mut db, at("2026-11-23T06:00:00Z"));
    db.add_rule(&NewRule {
        person: "Anna".into(),
        kind: "checkin".into(),
        at: Some("18:00".into()),
        quiet_from: Some("21:00".into()),
        quiet_to: Some("07:30".into()),
        ..Default::default()
    })
    .expect("rule");
    // The laptop opens at 23:00 local, after Monday's 18:00 was missed: quiet, so nothing yet.
    assert!(run_at(&mut db, "2026-11-23T22:00:00Z").is_empty());
    assert!(run_at(&mut db, "2026-11-24T06:29:00Z").is_empty(), "07:29 is still quiet");
    let fired = run_at(&mut db, "2026-11-24T06:30:00Z");
    assert_eq!(fired.len(), 1);
    assert!(fired[0].late);
}

#[test]
fn score_drop_by_points_is_stored_and_fires() {
    let (_d, mut db) = anna();
    set(&mut db, at("2026-11-23T06:00:00Z"));
    let r = db
        .add_rule(&NewRule {
            person: "Anna".into(),
            kind: "score-drop".into(),
            category: Some("open-communication".into()),
            drop_points: Some(10.0),
            ..Default::default()
        })
        .expect("a fall of 10 points can be saved");
    assert_eq!(r.drop_points, Some(10.0));
    assert_eq!(r.next_fire, None, "no fall yet: it will not fire");
    for p in [0.5, 99.0, 100.0] {
        let mut input = NewRule { person: "Anna".into(), kind: "score-drop".into(), category: Some("follow-up".into()), ..Default::default() };
        input.drop_points = Some(p);
        assert_eq!(db.add_rule(&input).expect("stored").drop_points, Some(p));
    }
}

#[test]
fn the_preview_is_the_next_real_fire_for_every_kind() {
    let (_d, mut db) = anna();
    set(&mut db, at("2026-11-23T06:00:00Z"));
    let followup = db.add_rule(&NewRule { person: "Anna".into(), kind: "followup-due".into(), at: Some("10:00".into()), ..Default::default() }).expect("rule");
    assert_eq!(followup.next_fire, None, "no promise is due");
    db.add_followup(&NewFollowup { person: "Anna".into(), text: "Budget".into(), due: "2026-11-26".into(), from_action: None }).expect("followup");
    assert_eq!(db.rule(followup.id).expect("rule").next_fire.as_deref(), Some("2026-11-26T10:00:00+01:00"));
    // Logged today: today's check-in will not fire, tomorrow's will.
    db.log_action(&NewAction { person: "Anna".into(), category: "follow-up".into(), ..Default::default() }).expect("log");
    let c = checkin(&mut db, "09:00");
    assert_eq!(db.rule(c).expect("rule").next_fire.as_deref(), Some("2026-11-24T09:00:00+01:00"));
    let streak = db.add_rule(&NewRule { person: "Anna".into(), kind: "streak-risk".into(), min_streak: Some(1), ..Default::default() }).expect("rule");
    assert_eq!(db.rule(streak.id).expect("rule").next_fire.as_deref(), Some("2026-11-24T17:00:00+01:00"));
    // The preview and the firing agree.
    let fired = run_at(&mut db, "2026-11-24T08:00:00Z");
    assert_eq!(fired.len(), 1);
}

#[test]
fn a_fall_by_points_survives_export_and_import() {
    let (dir, mut db) = anna();
    set(&mut db, at("2026-11-23T06:00:00Z"));
    db.add_rule(&NewRule { person: "Anna".into(), kind: "score-drop".into(), category: Some("open-communication".into()), drop_points: Some(12.5), ..Default::default() })
        .expect("rule");
    let file = dir.path().join("export.json");
    db.export_to("json", &file).expect("export");
    let (_d2, mut fresh) = common::open_at("2026-11-23T06:00:00Z");
    fresh.import_file(&file, false).expect("import");
    let rules = fresh.rules(None).expect("rules");
    assert_eq!(rules.iter().map(|r| (r.kind.as_str(), r.drop_points)).collect::<Vec<_>>(), [("score-drop", Some(12.5))]);
}

#[test]
fn the_scores_behind_score_drop_rules_follow_every_change() {
    let (_d, mut db) = anna();
    set(&mut db, at("2026-11-23T06:00:00Z"));
    let r = db
        .add_rule(&NewRule { person: "Anna".into(), kind: "score-drop".into(), category: Some("open-communication".into()), threshold: Some(0.5), ..Default::default() })
        .expect("rule")
        .id;
    assert!(db.rule(r).expect("rule").next_fire.is_some(), "a score of 0 is below 50%");
    // A change of the settings behind a score (scope 0): with the category archived it has no score to watch.
    let archive = |db: &mut Db, archived: bool| {
        let patch = cadence_core::organisation::CatalogPatch { archived: Some(archived), ..Default::default() };
        db.update_catalog_entry("categories", "open-communication", &patch).expect("archive");
    };
    archive(&mut db, true);
    assert_eq!(db.rule(r).expect("rule").next_fire, None, "an archived category is not watched");
    archive(&mut db, false);
    assert!(db.rule(r).expect("rule").next_fire.is_some());
    // Ninety days of open communication lift the score above the threshold: the summary is computed again.
    for k in 1..=90 {
        let date = (chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("date") - chrono::Duration::days(k)).to_string();
        db.log_action(&NewAction { person: "Anna".into(), category: "open-communication".into(), date: Some(date), ..Default::default() }).expect("log");
    }
    assert_eq!(db.rule(r).expect("rule").next_fire, None, "the score is above 50% now");
}

#[test]
fn an_occurrence_for_a_time_before_the_rule_never_fires_even_when_quiet_hours_move_it_later() {
    let (_d, mut db) = anna();
    // Made on Monday at 07:30 local: Sunday's 23:00 (moved by quiet hours to Monday 08:00) is for before then.
    set(&mut db, at("2026-11-23T06:30:00Z"));
    db.add_rule(&NewRule {
        person: "Anna".into(),
        kind: "checkin".into(),
        at: Some("23:00".into()),
        quiet_from: Some("22:00".into()),
        quiet_to: Some("08:00".into()),
        ..Default::default()
    })
    .expect("rule");
    assert!(run_at(&mut db, "2026-11-23T07:00:10Z").is_empty(), "Sunday's occurrence is older than the rule");
    let fired = run_at(&mut db, "2026-11-24T07:00:10Z");
    assert_eq!(fired.iter().map(|f| f.key.as_str()).collect::<Vec<_>>(), ["2026-11-23"]);
}

#[test]
fn a_resumed_or_edited_rule_does_not_catch_up_on_what_passed_meanwhile() {
    let (_d, mut db) = anna();
    set(&mut db, at("2026-11-22T12:00:00Z"));
    let r = checkin(&mut db, "09:00");
    db.set_rule_paused(r, true).expect("pause");
    // Resumed on Monday at 16:00 local: Monday's 09:00 passed while it was paused.
    set(&mut db, at("2026-11-23T15:00:00Z"));
    db.set_rule_paused(r, false).expect("resume");
    assert!(run_at(&mut db, "2026-11-23T15:00:30Z").is_empty());
    // Edited on Tuesday at 10:00 from 17:00 to 08:00: today's 08:00 was never promised.
    set(&mut db, at("2026-11-24T09:00:00Z"));
    db.update_rule(r, &NewRule { person: "Anna".into(), kind: "checkin".into(), at: Some("08:00".into()), ..Default::default() }).expect("edit");
    assert!(run_at(&mut db, "2026-11-24T09:00:30Z").is_empty());
    assert_eq!(db.rule(r).expect("rule").next_fire.as_deref(), Some("2026-11-25T08:00:00+01:00"));
}

#[test]
fn the_preview_knows_absences_ahead_and_quiet_hours_holding_a_late_notice() {
    let (_d, mut db) = anna();
    set(&mut db, at("2026-11-23T06:00:00Z"));
    let r = db
        .add_rule(&NewRule { person: "Anna".into(), kind: "checkin".into(), at: Some("09:00".into()), days: Some(vec!["wed".into()]), ..Default::default() })
        .expect("rule")
        .id;
    db.add_absence("Anna", "2026-11-25", "2026-11-25", "travel").expect("absence");
    assert_eq!(db.rule(r).expect("rule").next_fire.as_deref(), Some("2026-12-02T09:00:00+01:00"));
    // A check-in at 21:00 with quiet hours from 21:30, the app closed from 20:00 to 23:00: the late notice waits
    // for 07:00, and the preview says so.
    let q = db
        .add_rule(&NewRule {
            person: "Anna".into(),
            kind: "checkin".into(),
            at: Some("21:00".into()),
            quiet_from: Some("21:30".into()),
            quiet_to: Some("07:00".into()),
            ..Default::default()
        })
        .expect("rule")
        .id;
    set(&mut db, at("2026-11-23T22:00:00Z"));
    assert_eq!(db.rule(q).expect("rule").next_fire.as_deref(), Some("2026-11-24T07:00:00+01:00"));
    let fired = run_at(&mut db, "2026-11-24T06:00:00Z");
    assert_eq!(fired.iter().map(|f| (f.key.as_str(), f.late)).collect::<Vec<_>>(), [("2026-11-23", true)]);
}

#[test]
fn a_streak_risk_that_quiet_hours_would_push_into_tomorrow_is_refused() {
    let (_d, mut db) = anna();
    let rule = |at: &str| NewRule {
        person: "Anna".into(),
        kind: "streak-risk".into(),
        at: Some(at.into()),
        quiet_from: Some("20:00".into()),
        quiet_to: Some("07:00".into()),
        ..Default::default()
    };
    // At 07:00 tomorrow the streak is already lost: a reminder that can never help is not stored.
    match db.add_rule(&rule("21:00")) {
        Err(cadence_core::CoreError::Invalid { field, .. }) => assert_eq!(field, "at"),
        other => panic!("expected a refusal of the time, got {other:?}"),
    }
    assert!(db.rules(None).expect("rules").is_empty(), "nothing stored");
    // Before quiet hours it is kept: with today logged, it next warns tomorrow evening.
    db.log_action(&NewAction { person: "Anna".into(), category: "follow-up".into(), ..Default::default() }).expect("log");
    let kept = db.add_rule(&rule("19:30")).expect("a time before quiet hours is fine");
    assert_eq!(kept.next_fire.as_deref(), Some("2026-11-17T19:30:00+01:00"));
}

#[test]
fn a_fall_by_points_fires_when_the_score_fell_that_far_in_a_week() {
    let (_d, mut db) = anna();
    // Open communication every day from 1 October to Sunday 8 November, then nothing. Its target is 3 times a
    // week, judged over two weeks (Loop's doubled window): the score holds while the window still counts those
    // days, and in the empty week to Monday 30 November it falls by some 15 points.
    let mut d = chrono::NaiveDate::from_ymd_opt(2026, 10, 1).expect("date");
    while d <= chrono::NaiveDate::from_ymd_opt(2026, 11, 8).expect("date") {
        let action = NewAction {
            person: "Anna".into(),
            category: "open-communication".into(),
            date: Some(d.to_string()),
            time: Some("10:00".into()),
            ..Default::default()
        };
        db.log_action(&action).expect("log");
        d += chrono::Duration::days(1);
    }
    set(&mut db, at("2026-11-29T12:00:00Z"));
    let rule = |db: &mut Db, points: f64| {
        let input = NewRule {
            person: "Anna".into(),
            kind: "score-drop".into(),
            category: Some("open-communication".into()),
            drop_points: Some(points),
            ..Default::default()
        };
        db.add_rule(&input).expect("rule").id
    };
    let (ten, ninety) = (rule(&mut db, 10.0), rule(&mut db, 90.0));
    // Monday 09:05: the empty week has cost more than 10 points, far less than 90.
    let fired = run_at(&mut db, "2026-11-30T08:05:00Z");
    assert_eq!(fired.iter().map(|f| f.rule_id).collect::<Vec<_>>(), [ten], "{fired:?}");
    // The text names the fall in whole points, from the scores the dashboard shows (now, and a week ago:
    // the score after Monday 23 November, today's not yet counted against her).
    let s = db.stats(&cadence_core::StatsQuery { person: "Anna".into(), as_of: Some("2026-11-30".into()), range_days: None }).expect("stats");
    let c = s.categories.iter().find(|c| c.key == "open-communication").expect("category");
    assert!(c.score_7d_ago - c.score > 0.1, "{} -> {}", c.score_7d_ago, c.score);
    let text = format!("fell {:.0} points in 7 days, to {:.0}%", (c.score_7d_ago - c.score) * 100.0, c.score * 100.0);
    assert!(fired[0].body.contains(&text), "{} / {text}", fired[0].body);
    assert!(db.rule(ninety).expect("rule").next_fire.is_none(), "90 points will not be reached while the score stays");
}

#[test]
fn the_rule_list_for_one_person_shows_only_theirs() {
    let (_d, mut db) = anna();
    db.add_person(&NewPerson { name: "Bram".into(), tz: Some("Europe/Amsterdam".into()), ..Default::default() }).expect("person");
    let a = checkin(&mut db, "09:00");
    let b = db.add_rule(&NewRule { person: "Bram".into(), kind: "checkin".into(), ..Default::default() }).expect("rule").id;
    let ids = |db: &Db, p: Option<&str>| db.rules(p).expect("rules").into_iter().map(|r| r.id).collect::<Vec<_>>();
    assert_eq!(ids(&db, Some("Anna")), [a]);
    assert_eq!(ids(&db, Some("Bram")), [b]);
    assert_eq!(ids(&db, None), [a, b], "everyone's, by name");
    assert_eq!(ids(&db, Some("  ")), [a, b], "a blank filter is no filter");
}

#[test]
fn the_preview_looks_through_absences_to_its_last_day() {
    let (_d, mut db) = anna();
    // Monday 23 November, 10:00: today's check-in is logged; Anna is away from tomorrow for 59 days and then
    // from the 60th day for another ten. Nothing can fire within the preview's 60 days.
    set(&mut db, at("2026-11-23T09:00:00Z"));
    db.log_action(&NewAction { person: "Anna".into(), category: "follow-up".into(), ..Default::default() }).expect("log");
    let r = checkin(&mut db, "09:00");
    db.add_absence("Anna", "2026-11-24", "2027-01-21", "sabbatical").expect("absence");
    let travel = db.add_absence("Anna", "2027-01-22", "2027-01-31", "travel").expect("absence");
    assert_eq!(db.rule(r).expect("rule").next_fire, None, "every day of the next 60 is away");
    // Without the second absence, the 60th day (22 January) is the next check-in.
    db.delete_absence(travel.id).expect("delete");
    assert_eq!(db.rule(r).expect("rule").next_fire.as_deref(), Some("2027-01-22T09:00:00+01:00"));
}

#[test]
fn late_means_more_than_five_minutes_after_the_fire_time() {
    let (_d, mut db) = anna();
    set(&mut db, at("2026-11-22T12:00:00Z"));
    checkin(&mut db, "09:00");
    // Monday 09:05:00 (five minutes after): on time. Tuesday 09:05:01: late.
    let on_time = run_at(&mut db, "2026-11-23T08:05:00Z");
    assert_eq!(on_time.iter().map(|f| (f.key.as_str(), f.late)).collect::<Vec<_>>(), [("2026-11-23", false)]);
    let late = run_at(&mut db, "2026-11-24T08:05:01Z");
    assert_eq!(late.iter().map(|f| (f.key.as_str(), f.late)).collect::<Vec<_>>(), [("2026-11-24", true)]);
}

#[test]
fn an_occurrence_at_the_very_instant_a_rule_was_made_fires() {
    // "Never for a time before the rule existed": the same instant is not before.
    let (_d, mut db) = anna();
    set(&mut db, at("2026-11-23T08:00:00Z"));
    checkin(&mut db, "09:00");
    db.add_rule(&NewRule { person: "Anna".into(), kind: "silence".into(), category: Some("follow-up".into()), after_days: Some(3), at: Some("09:00".into()), ..Default::default() })
        .expect("silence");
    let fired = run_at(&mut db, "2026-11-23T08:00:00Z");
    let mut kinds: Vec<_> = fired.iter().map(|f| (f.kind.as_str(), f.late)).collect();
    kinds.sort();
    assert_eq!(kinds, [("checkin", false), ("silence", false)], "{fired:?}");
}

#[test]
fn the_inbox_counts_marks_seen_and_snoozes_forward() {
    let (_d, mut db) = anna();
    set(&mut db, at("2026-11-22T12:00:00Z"));
    checkin(&mut db, "09:00");
    db.add_rule(&NewRule { person: "Anna".into(), kind: "checkin".into(), at: Some("09:30".into()), ..Default::default() }).expect("rule");
    let fired = run_at(&mut db, "2026-11-23T08:40:00Z");
    assert_eq!(fired.len(), 2);
    assert_eq!(db.unread_count().expect("unread"), 2, "two fired, none seen");
    db.mark_seen().expect("seen");
    assert_eq!(db.unread_count().expect("unread"), 0, "the inbox was opened");
    // Snoozing moves forward in time from now (09:40 in Amsterdam): 15 minutes, an hour, tomorrow 09:00.
    let until = |item: &cadence_core::InboxItem| item.snoozed_until.clone().expect("snoozed");
    assert_eq!(until(&db.snooze(fired[0].id, "15m").expect("snooze")), "2026-11-23T09:55:00+01:00");
    assert_eq!(until(&db.snooze(fired[0].id, "1h").expect("snooze")), "2026-11-23T10:40:00+01:00");
    assert_eq!(until(&db.snooze(fired[0].id, "tomorrow").expect("snooze")), "2026-11-24T09:00:00+01:00");
    // Snooze all for an hour: the one still waiting is moved, and counted.
    assert_eq!(db.snooze_all(60).expect("snooze all"), 1);
    let second = db.inbox_item(fired[1].id).expect("item");
    assert_eq!((second.state.as_str(), until(&second).as_str()), ("snoozed", "2026-11-23T10:40:00+01:00"));
    assert_eq!(db.snooze_all(60).expect("again"), 0, "nothing left waiting");
}

#[test]
fn rule_fields_are_checked_at_their_edges() {
    let (_d, mut db) = anna();
    let silence = |n: u32| NewRule { person: "Anna".into(), kind: "silence".into(), category: Some("follow-up".into()), after_days: Some(n), ..Default::default() };
    for n in [1, 365] {
        assert_eq!(db.add_rule(&silence(n)).expect("in range").after_days, Some(n));
    }
    for n in [0, 366] {
        match db.add_rule(&silence(n)) {
            Err(cadence_core::CoreError::Invalid { field, .. }) => assert_eq!(field, "afterDays", "{n}"),
            other => panic!("{n} days: {other:?}"),
        }
    }
    // A threshold is a score (0..1) or a percentage (above 1, up to 100).
    let drop = |t: f64| NewRule { person: "Anna".into(), kind: "score-drop".into(), category: Some("follow-up".into()), threshold: Some(t), ..Default::default() };
    assert_eq!(db.add_rule(&drop(40.0)).expect("40%").threshold, Some(0.4));
    assert_eq!(db.add_rule(&drop(0.4)).expect("0.4").threshold, Some(0.4));
    assert_eq!(db.add_rule(&drop(100.0)).expect("100%").threshold, Some(1.0));
    assert!(matches!(db.add_rule(&drop(100.5)), Err(cadence_core::CoreError::Invalid { field: "threshold", .. })));
    assert_eq!(db.add_rule(&drop(1.0)).expect("1 is a score").threshold, Some(1.0), "1 means 100%, not 1%");
    assert_eq!(db.add_rule(&drop(1.5)).expect("1.5%").threshold, Some(0.015));
    // A fall is more than 0 and at most 100 points.
    let fall = |p: f64| NewRule { person: "Anna".into(), kind: "score-drop".into(), category: Some("follow-up".into()), drop_points: Some(p), ..Default::default() };
    assert!(matches!(db.add_rule(&fall(0.0)), Err(cadence_core::CoreError::Invalid { field: "dropPoints", .. })));
    assert!(matches!(db.add_rule(&fall(100.5)), Err(cadence_core::CoreError::Invalid { field: "dropPoints", .. })));
    // A streak-risk rule without a minimum warns from a streak of 1.
    let streak = db.add_rule(&NewRule { person: "Anna".into(), kind: "streak-risk".into(), ..Default::default() }).expect("streak");
    assert_eq!((streak.min_streak, streak.at.as_str()), (Some(1), "17:00"));
    // Days given are the rule's own; none given means the person's working days.
    let days = db.add_rule(&NewRule { person: "Anna".into(), kind: "checkin".into(), days: Some(vec!["mon".into(), "wed".into()]), ..Default::default() }).expect("days");
    assert_eq!(days.days, Some(vec!["mon".to_string(), "wed".to_string()]));
    let empty = db.add_rule(&NewRule { person: "Anna".into(), kind: "checkin".into(), days: Some(Vec::new()), ..Default::default() }).expect("no days");
    assert_eq!(empty.days, None, "an empty list is the person's working days");
}
