//! People come and go, promises change (issue #11.6): an archived person leaves the pickers, the team and
//! reminders, keeps their history and comes back; a follow-up can be edited, deleted and the delete undone.

mod common;

use cadence_core::time::FixedClock;
use cadence_core::{CoreError, Db, FollowupEdit, NewAction, NewFollowup, NewPerson, NewRule};
use chrono::{DateTime, Utc};
use common::at;

fn set(db: &mut Db, now: DateTime<Utc>) {
    db.set_clock(Box::new(FixedClock(now)));
}

/// Anna (the app's user) and Ben, both in Amsterdam, working every day; set up on Monday 16 November 2026.
fn office() -> (tempfile::TempDir, Db, i64) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut db = Db::open_with_clock(&dir.path().join("cadence.sqlite3"), Box::new(FixedClock(at("2026-11-16T06:00:00Z")))).expect("open");
    db.set_locale_pref("en").expect("locale");
    let days: Vec<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map(String::from).to_vec();
    db.onboard(&NewPerson { name: "Anna".into(), tz: Some("Europe/Amsterdam".into()), working_days: Some(days.clone()), ..Default::default() }, &[])
        .expect("onboard");
    let ben = db
        .add_person(&NewPerson { name: "Ben".into(), tz: Some("Europe/Amsterdam".into()), working_days: Some(days), ..Default::default() })
        .expect("ben")
        .id;
    (dir, db, ben)
}

fn log(db: &mut Db, who: &str, date: &str) -> Result<cadence_core::Action, CoreError> {
    db.log_action(&NewAction {
        person: who.into(),
        category: "open-communication".into(),
        date: Some(date.into()),
        time: Some("10:00".into()),
        ..Default::default()
    })
}

fn names(people: &[cadence_core::Person]) -> Vec<&str> {
    people.iter().map(|p| p.name.as_str()).collect()
}

#[test]
fn an_archived_person_leaves_pickers_team_and_logging_but_keeps_history() {
    let (_d, mut db, ben) = office();
    let old = log(&mut db, "Ben", "2026-11-16").expect("Ben's action");
    set(&mut db, at("2026-11-20T12:00:00Z"));
    let before = db.monthly_review("Ben", Some("2026-11")).expect("review before");

    let archived = db.archive_person(ben).expect("archive");
    assert!(archived.archived);
    assert_eq!(names(&db.people().expect("people")), ["Anna"], "pickers no longer offer Ben");
    let all = db.people_all().expect("all");
    assert_eq!(names(&all), ["Anna", "Ben"]);
    assert_eq!(all.iter().map(|p| p.archived).collect::<Vec<_>>(), [false, true]);
    assert_eq!(db.team(None).expect("team").iter().map(|r| r.name.as_str()).collect::<Vec<_>>(), ["Anna"]);

    match log(&mut db, "Ben", "2026-11-20") {
        Err(CoreError::Invalid { field, .. }) => assert_eq!(field, "person"),
        other => panic!("logging for an archived person must be refused, got {other:?}"),
    }
    // What Ben did stays: listed, editable, and counted in his review of that month.
    let edited = db.update_action(old.id, &NewAction { category: "open-communication".into(), note: Some("kick-off".into()), ..Default::default() }).expect("edit old action");
    assert_eq!(edited.note, "kick-off");
    let after = db.monthly_review("Ben", Some("2026-11")).expect("review after");
    assert_eq!((after.total, after.score), (before.total, before.score), "an old review does not change");
    assert_eq!(after.total, 1);

    // Anna cannot archive herself; archiving twice is a conflict; restoring brings Ben back.
    let anna = db.self_person().expect("self").expect("onboarded").id;
    assert!(matches!(db.archive_person(anna), Err(CoreError::Conflict(_))));
    assert!(matches!(db.archive_person(ben), Err(CoreError::Conflict(_))));
    db.restore_person(ben).expect("restore");
    assert!(matches!(db.restore_person(ben), Err(CoreError::Conflict(_))));
    assert_eq!(names(&db.people().expect("people")), ["Anna", "Ben"]);
    log(&mut db, "Ben", "2026-11-20").expect("Ben logs again");
}

#[test]
fn an_archived_persons_rules_rest_and_restart_from_the_restore() {
    let (_d, mut db, ben) = office();
    let rule = db
        .add_rule(&NewRule { person: "Ben".into(), kind: "checkin".into(), at: Some("09:00".into()), ..Default::default() })
        .expect("rule")
        .id;
    // Tuesday 17 November, 09:00 Amsterdam: the check-in fires.
    set(&mut db, at("2026-11-17T08:00:30Z"));
    assert_eq!(db.run_reminders().expect("run").len(), 1);
    assert_eq!((db.inbox(false).expect("inbox").len(), db.unread_count().expect("unread")), (1, 1));

    set(&mut db, at("2026-11-17T12:00:00Z"));
    db.archive_person(ben).expect("archive");
    // What waited for him leaves the inbox (nothing to "log now" for someone who left).
    assert_eq!((db.inbox(false).expect("inbox").len(), db.unread_count().expect("unread")), (0, 0));
    let view = db.rule(rule).expect("rule view");
    assert!(view.person_archived && view.next_fire.is_none(), "an archived person's rule rests: {view:?}");
    set(&mut db, at("2026-11-18T08:00:30Z"));
    assert!(db.run_reminders().expect("run").is_empty(), "no reminder for someone who left");
    assert!(db.reminders_due(at("2026-11-18T08:00:30Z")).expect("due").is_empty());

    // Restored on Thursday at noon: Wednesday and Thursday morning are not caught up on; Friday fires.
    set(&mut db, at("2026-11-19T12:00:00Z"));
    db.restore_person(ben).expect("restore");
    assert_eq!(db.inbox(false).expect("inbox").len(), 1, "back with him");
    assert_eq!(db.rule(rule).expect("rule").next_fire.as_deref(), Some("2026-11-20T09:00:00+01:00"));
    assert!(db.run_reminders().expect("run").is_empty(), "nothing missed while archived is delivered late");
    set(&mut db, at("2026-11-20T08:00:30Z"));
    assert_eq!(db.run_reminders().expect("run").len(), 1);
}

#[test]
fn a_followup_is_edited_deleted_and_the_delete_undone() {
    let (_d, mut db, _ben) = office();
    let f = db
        .add_followup(&NewFollowup { person: "Anna".into(), text: "Send the slides".into(), due: "2026-11-20".into(), from_action: None })
        .expect("followup");

    let edited = db.update_followup(f.id, &FollowupEdit { text: Some("  Send the slides and notes ".into()), due: Some("2026-11-23".into()) }).expect("edit");
    assert_eq!((edited.text.as_str(), edited.due.as_str()), ("Send the slides and notes", "2026-11-23"));
    let due_only = db.update_followup(f.id, &FollowupEdit { text: None, due: Some("2026-11-24".into()) }).expect("due only");
    assert_eq!((due_only.text.as_str(), due_only.due.as_str()), ("Send the slides and notes", "2026-11-24"));
    for (edit, field) in [
        (FollowupEdit { text: Some("   ".into()), due: None }, "text"),
        (FollowupEdit { text: None, due: Some("24-13-2026".into()) }, "due"),
        (FollowupEdit { text: Some("x".repeat(501)), due: None }, "text"),
    ] {
        match db.update_followup(f.id, &edit) {
            Err(CoreError::Invalid { field: got, .. }) => assert_eq!(got, field),
            other => panic!("{edit:?} must be refused on {field}, got {other:?}"),
        }
    }
    assert_eq!(db.followup(f.id).expect("unchanged").due, "2026-11-24", "a refused edit changes nothing");
    let longest = "x".repeat(500);
    assert_eq!(db.update_followup(f.id, &FollowupEdit { text: Some(longest.clone()), due: None }).expect("500 characters are allowed").text, longest);
    db.update_followup(f.id, &FollowupEdit { text: Some("Send the slides and notes".into()), due: None }).expect("back");

    // A due-date reminder would fire for it on the 24th; deleted, it is gone everywhere, and does not fire.
    db.add_rule(&NewRule { person: "Anna".into(), kind: "followup-due".into(), at: Some("09:00".into()), ..Default::default() }).expect("rule");
    set(&mut db, at("2026-11-23T12:00:00Z"));
    let due = db.reminders_due(at("2026-11-24T08:00:30Z")).expect("due");
    assert_eq!(due.iter().filter(|(d, _)| d.followup_id == Some(f.id)).count(), 1, "before the delete it would fire: {due:?}");
    db.delete_followup(f.id).expect("delete");
    assert!(db.followups(None, None).expect("list").is_empty());
    assert!(matches!(db.followup(f.id), Err(CoreError::NotFound { .. })));
    set(&mut db, at("2026-11-24T08:00:30Z"));
    assert!(db.run_reminders().expect("run").is_empty(), "a deleted promise is not reminded of");

    let back = db.restore_followup(f.id).expect("undo");
    assert_eq!((back.id, back.text.as_str()), (f.id, "Send the slides and notes"));
    assert_eq!(db.followups(None, None).expect("list").len(), 1);
    assert!(matches!(db.restore_followup(f.id), Err(CoreError::NotFound { .. })), "undo of what is not deleted");

    // Deleted again and left for more than 30 days: purged, undo no longer possible.
    db.delete_followup(f.id).expect("delete again");
    set(&mut db, at("2026-12-25T12:00:00Z"));
    assert!(db.purge_undo().expect("purge") >= 1);
    assert!(matches!(db.restore_followup(f.id), Err(CoreError::NotFound { .. })));
    assert_eq!(common::count(&db, "followups"), 0);
}

#[test]
fn nothing_new_is_made_for_an_archived_person_by_any_path() {
    let (_d, mut db, ben) = office();
    let promise = db
        .add_followup(&NewFollowup { person: "Ben".into(), text: "Call the supplier".into(), due: "2026-11-20".into(), from_action: None })
        .expect("promise");
    let anna_action = log(&mut db, "Anna", "2026-11-16").expect("Anna's action");
    db.archive_person(ben).expect("archive");
    let refused = |r: Result<(), CoreError>, what: &str| match r {
        Err(CoreError::Invalid { field, .. }) => assert_eq!(field, "person", "{what}"),
        other => panic!("{what} must be refused on person, got {other:?}"),
    };
    refused(db.close_followup(promise.id, None).map(|_| ()), "closing his promise logs a new action");
    refused(
        db.add_followup(&NewFollowup { person: "Ben".into(), text: "x".into(), due: "2026-11-20".into(), from_action: None }).map(|_| ()),
        "a new promise",
    );
    refused(db.add_rule(&NewRule { person: "Ben".into(), kind: "checkin".into(), at: Some("09:00".into()), ..Default::default() }).map(|_| ()), "a rule");
    refused(
        db.update_action(anna_action.id, &NewAction { person: "Ben".into(), category: "open-communication".into(), ..Default::default() }).map(|_| ()),
        "moving an action to him",
    );
    let csv = "Date,Person,Category\n2026-11-18,Ben,open-communication\n";
    assert!(matches!(db.import_text(csv, None, false), Err(CoreError::Import { .. }) | Err(CoreError::Invalid { .. })), "a sheet's row for him");
    assert_eq!(common::count(&db, "actions"), 1, "nothing was written");
}

#[test]
fn a_deleted_promise_that_was_reminded_of_leaves_the_inbox_and_still_exports_and_imports() {
    let (_d, mut db, _ben) = office();
    let f = db
        .add_followup(&NewFollowup { person: "Anna".into(), text: "Send the slides".into(), due: "2026-11-17".into(), from_action: None })
        .expect("followup");
    db.add_rule(&NewRule { person: "Anna".into(), kind: "followup-due".into(), at: Some("09:00".into()), ..Default::default() }).expect("rule");
    set(&mut db, at("2026-11-17T08:00:30Z"));
    let fired = db.run_reminders().expect("run");
    assert_eq!(fired.iter().filter(|i| i.followup_id == Some(f.id)).count(), 1, "{fired:?}");
    db.delete_followup(f.id).expect("delete");
    assert!(db.inbox(true).expect("inbox").iter().all(|i| i.followup_id != Some(f.id)), "gone from the inbox");

    let json = db.export_json().expect("export");
    let (_d2, mut fresh) = common::open_at("2026-11-17T09:00:00Z");
    fresh.import_text(&json, None, false).expect("an export with a deleted promise's reminder imports");
    db.restore_followup(f.id).expect("undo");
    assert!(db.inbox(true).expect("inbox").iter().any(|i| i.followup_id == Some(f.id)), "back with the undo");
}
