//! Follow-ups: a promise with a due date, usually born from an action. Closing one logs a `follow-up`
//! action in the same unit of work, which is how promises become visible follow-through.

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::catalogue::FOLLOW_UP_ROLE;
use crate::domain::followups::{FollowThrough, Followup, FollowupEdit, NewFollowup, MAX_FOLLOWUP};
use crate::error::{CoreError, Result};
use crate::i18n::{Locale, Msg};
use crate::model::{Action, NewAction};
use crate::service::{actions, people};
use crate::store::{ActionsRepo, FollowupRow, FollowupsRepo, NewFollowupRecord, Repos, Store};
use crate::time::{local_date, parse_date, Zone};

/// A promise's text, trimmed: not empty, not longer than [`MAX_FOLLOWUP`].
fn promise_text(text: &str) -> Result<String> {
    let text = text.trim().to_string();
    if text.is_empty() {
        return Err(CoreError::invalid("text", Msg::new("followup.text.empty")));
    }
    if text.chars().count() > MAX_FOLLOWUP {
        return Err(CoreError::invalid("text", Msg::new("text.too_long").arg("max", MAX_FOLLOWUP)));
    }
    Ok(text)
}

/// Records a promise.
pub fn add<S: Store>(store: &mut S, now: DateTime<Utc>, input: &NewFollowup) -> Result<Followup> {
    store.act(|repos| {
        let person_id = people::find(repos, &input.person)?.id;
        people::refuse_archived(repos, person_id)?;
        let text = promise_text(&input.text)?;
        let due = parse_date("due", &input.due)?;
        if let Some(action) = input.from_action {
            match repos.action_record(action)?.map(|a| a.person_id) {
                None => return Err(CoreError::not_found("fromAction", action.to_string())),
                Some(p) if p != person_id => return Err(CoreError::invalid("fromAction", Msg::new("followup.from_action.other_person"))),
                Some(_) => {}
            }
        }
        let record = NewFollowupRecord { person_id, text, due: due.to_string(), from_action_id: input.from_action, created_at: now.timestamp_millis() };
        let id = repos.insert_followup(&record)?;
        followup(repos, now, id)
    })
}

/// One follow-up, its status as of `now`.
pub fn followup(repos: &impl FollowupsRepo, now: DateTime<Utc>, id: i64) -> Result<Followup> {
    let row = repos.followup_row(id)?.ok_or_else(|| CoreError::not_found("followup", id.to_string()))?;
    shown(row, now)
}

/// Follow-ups of one person (or everyone not archived), open and overdue first by due date, then done.
/// `status` filters to `open` (includes overdue), `overdue` or `done`.
pub fn list(repos: &impl Repos, now: DateTime<Utc>, person: Option<&str>, status: Option<&str>) -> Result<Vec<Followup>> {
    let person_id = match person.filter(|p| !p.trim().is_empty()) {
        Some(p) => Some(people::find(repos, p)?.id),
        None => None,
    };
    let status = status.map(str::trim).filter(|s| !s.is_empty() && *s != "all");
    if let Some(s) = status {
        if !["open", "overdue", "done"].contains(&s) {
            return Err(CoreError::invalid("status", Msg::new("followup.status.unknown").arg("status", s)));
        }
    }
    let mut out = Vec::new();
    for row in repos.followup_rows(person_id)? {
        let f = shown(row, now)?;
        let keep = match status {
            None => true,
            Some("open") => f.status != "done",
            Some(s) => f.status == s,
        };
        if keep {
            out.push(f);
        }
    }
    Ok(out)
}

/// Changes a promise's text or due date (checked as a new one is).
pub fn update<S: Store>(store: &mut S, now: DateTime<Utc>, id: i64, edit: &FollowupEdit) -> Result<Followup> {
    store.act(|repos| {
        let current = followup(repos, now, id)?;
        let text = match &edit.text {
            Some(t) => promise_text(t)?,
            None => current.text,
        };
        let due = match &edit.due {
            Some(d) => parse_date("due", d)?.to_string(),
            None => current.due,
        };
        repos.edit_followup(id, &text, &due)?;
        followup(repos, now, id)
    })
}

/// Deletes a promise, kept aside for [`restore`] (undo) for [`actions::UNDO_DAYS`] days. A closed promise's
/// action stays: it happened. Returns what was deleted.
pub fn delete<S: Store>(store: &mut S, now: DateTime<Utc>, id: i64) -> Result<Followup> {
    store.act(|repos| {
        let f = followup(repos, now, id)?;
        repos.delete_followup(id, now.timestamp_millis())?;
        Ok(f)
    })
}

/// Undoes [`delete`].
pub fn restore<S: Store>(store: &mut S, now: DateTime<Utc>, id: i64) -> Result<Followup> {
    store.act(|repos| {
        if !repos.undelete_followup(id)? {
            return Err(CoreError::not_found("deleted follow-up", id.to_string()));
        }
        followup(repos, now, id)
    })
}

/// Closes a promise and logs the `follow-up` action that keeps it (its note, or "Kept: ..." in `locale`),
/// both in one unit of work. Returns both.
pub fn close<S: Store>(store: &mut S, now: DateTime<Utc>, locale: Locale, id: i64, note: Option<&str>) -> Result<(Followup, Action)> {
    store.act(|repos| {
        let f = followup(repos, now, id)?;
        if f.status == "done" {
            return Err(CoreError::Conflict(Msg::new("followup.already_done").arg("id", id)));
        }
        let note = note
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(String::from)
            .unwrap_or_else(|| crate::i18n::fill(locale.texts().kept_promise, &[("text", &f.text)]));
        let input = NewAction { person: f.person_id.to_string(), note: Some(note), ..NewAction::default() };
        let a = actions::validate_for_role(repos, &input, now, FOLLOW_UP_ROLE)?;
        let action_id = repos.insert_action(&a)?;
        crate::failpoint::check("followup.close")
            .map_err(|source| CoreError::Io { context: Msg::new("io.write").arg("path", "followups"), source })?;
        repos.close_followup(id, now.timestamp_millis(), &a.local_date, action_id)?;
        Ok((followup(repos, now, id)?, actions::action(repos, action_id)?))
    })
}

/// Follow-through of a person's promises as they stood at the end of `as_of`: a promise made later does not
/// exist yet, and one closed later was still open (or overdue) then.
pub fn follow_through(repos: &impl Repos, now: DateTime<Utc>, person_id: i64, as_of: NaiveDate) -> Result<FollowThrough> {
    let all = list(repos, now, Some(&person_id.to_string()), None)?;
    let (mut open, mut overdue, mut done, mut on_time) = (0, 0, 0, 0);
    let mut days = Vec::new();
    for f in &all {
        if parse_date("createdDate", &f.created_date)? > as_of {
            continue;
        }
        let due = parse_date("due", &f.due)?;
        let closed = f.closed_date.as_deref().map(|c| parse_date("closedDate", c)).transpose()?.filter(|c| *c <= as_of);
        match closed {
            Some(closed) => {
                done += 1;
                if closed <= due {
                    on_time += 1;
                }
                days.push((closed - parse_date("createdDate", &f.created_date)?).num_days().max(0) as f64);
            }
            None if due < as_of => overdue += 1,
            None => open += 1,
        }
    }
    days.sort_by(f64::total_cmp);
    let median = match days.len() {
        0 => None,
        n if n % 2 == 1 => Some(days[n / 2]),
        n => Some((days[n / 2 - 1] + days[n / 2]) / 2.0),
    };
    let judged = done + overdue;
    Ok(FollowThrough {
        open,
        overdue,
        done,
        rate: (judged > 0).then(|| f64::from(on_time) / f64::from(judged)),
        median_days_to_close: median,
    })
}

/// A follow-up as shown: `open`, `overdue` (open past its due date, as of the person's today) or `done`,
/// and the local date it was made.
fn shown(r: FollowupRow, now: DateTime<Utc>) -> Result<Followup> {
    let zone = Zone::parse(&r.tz)?;
    let today = local_date(now, &zone, r.day_start);
    let created = DateTime::<Utc>::from_timestamp_millis(r.created_at).unwrap_or(now);
    let due = parse_date("due", &r.due)?;
    let status = match (&r.closed_date, due < today) {
        (Some(_), _) => "done",
        (None, true) => "overdue",
        (None, false) => "open",
    };
    Ok(Followup {
        id: r.id,
        uid: r.uid,
        person_id: r.person_id,
        person_name: r.person_name,
        text: r.text,
        due: r.due,
        from_action_id: r.from_action_id,
        status: status.into(),
        created_date: local_date(created, &zone, r.day_start).to_string(),
        closed_date: r.closed_date,
        closing_action_id: r.closing_action_id,
    })
}

#[cfg(test)]
mod tests {
    //! Every scenario runs on the in-memory store and on a real SQLite file; dates worked out by hand
    //! (Amsterdam is UTC+1 in early March).
    use super::*;
    use crate::model::NewPerson;
    use crate::service::catalogue;
    use crate::store::memory::MemoryStore;
    use chrono::{Duration, TimeZone};

    fn utc(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, day, hour, 0, 0).unwrap()
    }

    fn setup<S: Store>(store: &mut S) -> (i64, i64) {
        catalogue::seed(store).unwrap();
        let person = |name: &str| NewPerson { name: name.into(), tz: Some("Europe/Amsterdam".into()), ..NewPerson::default() };
        (people::add(store, utc(1, 9), &person("Ann")).unwrap().id, people::add(store, utc(1, 9), &person("Bob")).unwrap().id)
    }

    fn sqlite() -> (tempfile::TempDir, crate::Db) {
        let dir = tempfile::tempdir().unwrap();
        let db = crate::Db::open_dir(dir.path()).unwrap();
        (dir, db)
    }

    fn promise(person: &str, text: &str, due: &str) -> NewFollowup {
        NewFollowup { person: person.into(), text: text.into(), due: due.into(), from_action: None }
    }

    fn promises_and_their_status<S: Store>(store: &mut S) {
        let (ann, bob) = setup(store);
        let now = utc(2, 23); // 00:00 on the 3rd in Amsterdam
        let f = add(store, now, &promise("Ann", "  Send the plan ", "2026-03-05")).unwrap();
        assert_eq!((f.person_id, f.text.as_str(), f.status.as_str(), f.created_date.as_str()), (ann, "Send the plan", "open", "2026-03-03"));
        assert_eq!(f.uid.len(), 32);
        assert_eq!(followup(&store.reader(), utc(5, 22), f.id).unwrap().status, "open", "due today is not overdue");
        assert_eq!(followup(&store.reader(), utc(5, 23), f.id).unwrap().status, "overdue", "the 6th in Amsterdam");

        let bobs = actions::log(store, now, &NewAction { person: "Bob".into(), category: "open-communication".into(), ..NewAction::default() }).unwrap();
        let refused = |store: &mut S, input: NewFollowup| add(store, now, &input).unwrap_err();
        assert!(matches!(refused(store, NewFollowup { from_action: Some(bobs.id), ..promise("Ann", "x", "2026-03-05") }), CoreError::Invalid { field: "fromAction", .. }));
        assert!(matches!(refused(store, NewFollowup { from_action: Some(999), ..promise("Ann", "x", "2026-03-05") }), CoreError::NotFound { .. }));
        assert!(matches!(refused(store, promise("Ann", " ", "2026-03-05")), CoreError::Invalid { field: "text", .. }));
        assert!(matches!(refused(store, promise("Ann", &"x".repeat(MAX_FOLLOWUP + 1), "2026-03-05")), CoreError::Invalid { field: "text", .. }));
        assert!(matches!(refused(store, promise("Ann", "x", "soon")), CoreError::Invalid { field: "due", .. }));
        let from = add(store, now, &NewFollowup { from_action: Some(bobs.id), ..promise("Bob", "Reply", "2026-03-01") }).unwrap();
        assert_eq!((from.from_action_id, from.status.as_str()), (Some(bobs.id), "overdue"));

        let edited = update(store, now, f.id, &FollowupEdit { due: Some("2026-03-02".into()), text: None }).unwrap();
        assert_eq!((edited.text.as_str(), edited.due.as_str(), edited.status.as_str()), ("Send the plan", "2026-03-02", "overdue"));
        assert!(update(store, now, f.id, &FollowupEdit { text: Some(" ".into()), due: None }).is_err());

        let shown = |store: &S, person: Option<&str>, status: Option<&str>| {
            list(&store.reader(), now, person, status).unwrap().into_iter().map(|f| f.text).collect::<Vec<_>>()
        };
        add(store, now, &promise("Ann", "Later", "2026-03-20")).unwrap();
        assert_eq!(shown(store, None, None), ["Reply", "Send the plan", "Later"], "by due date");
        assert_eq!(shown(store, Some("ann"), Some("overdue")), ["Send the plan"]);
        assert_eq!(shown(store, Some("ann"), Some("open")), ["Send the plan", "Later"], "open includes overdue");
        assert!(matches!(list(&store.reader(), now, None, Some("lost")), Err(CoreError::Invalid { field: "status", .. })));
        people::archive(store, now, bob).unwrap();
        assert_eq!(shown(store, None, None), ["Send the plan", "Later"], "everyone's list leaves out the archived");
        assert_eq!(shown(store, Some("Bob"), None), ["Reply"], "asked for by name, they are there");
        assert!(matches!(refused(store, promise("Bob", "x", "2026-03-05")), CoreError::Invalid { field: "person", .. }));
    }

    fn closing_and_deleting<S: Store>(store: &mut S) {
        setup(store);
        let now = utc(4, 10);
        let f = add(store, utc(2, 10), &promise("Ann", "Call Sam", "2026-03-03")).unwrap();
        let (closed, action) = close(store, now, Locale::En, f.id, None).unwrap();
        assert_eq!((closed.status.as_str(), closed.closed_date.as_deref(), closed.closing_action_id), ("done", Some("2026-03-04"), Some(action.id)));
        assert_eq!((action.category.as_str(), action.local_date.as_str()), ("follow-up", "2026-03-04"));
        assert!(action.note.contains("Call Sam"), "{}", action.note);
        assert!(matches!(close(store, now, Locale::En, f.id, None), Err(CoreError::Conflict(_))));

        let g = add(store, utc(2, 10), &promise("Ann", "Visit", "2026-03-10")).unwrap();
        let h = add(store, utc(3, 10), &promise("Ann", "Thank", "2026-03-03")).unwrap();
        close(store, utc(6, 10), Locale::En, g.id, Some(" Visited ")).unwrap();
        let ann = people::find(&store.reader(), "Ann").unwrap().id;
        // As of the 4th: Call Sam done a day late, Visit still open, Thank overdue.
        let t = follow_through(&store.reader(), now, ann, "2026-03-04".parse().unwrap()).unwrap();
        assert_eq!((t.open, t.overdue, t.done, t.rate, t.median_days_to_close), (1, 1, 1, Some(0.0), Some(2.0)));
        // As of the 6th: Visit done on time after 4 days: median of 2 and 4.
        let t = follow_through(&store.reader(), now, ann, "2026-03-06".parse().unwrap()).unwrap();
        assert_eq!((t.open, t.overdue, t.done, t.rate, t.median_days_to_close), (0, 1, 2, Some(1.0 / 3.0), Some(3.0)));
        assert_eq!(follow_through(&store.reader(), now, ann, "2026-03-01".parse().unwrap()).unwrap().rate, None, "nothing promised yet");

        assert_eq!(delete(store, now, h.id).unwrap().text, "Thank");
        assert!(matches!(followup(&store.reader(), now, h.id), Err(CoreError::NotFound { .. })));
        assert!(matches!(delete(store, now, h.id), Err(CoreError::NotFound { .. })));
        assert_eq!(restore(store, now, h.id).unwrap().text, "Thank");
        assert!(matches!(restore(store, now, h.id), Err(CoreError::NotFound { .. })));
        delete(store, now, h.id).unwrap();
        assert_eq!(actions::purge(store, now + Duration::days(actions::UNDO_DAYS) + Duration::seconds(1)).unwrap(), 1);
        assert!(matches!(restore(store, now, h.id), Err(CoreError::NotFound { .. })), "purged for good");
        assert_eq!(actions::action(&store.reader(), action.id).unwrap().id, action.id, "a deleted promise's action stays");
    }

    #[test]
    fn promises_and_their_status_on_both_stores() {
        promises_and_their_status(&mut MemoryStore::new());
        promises_and_their_status(&mut sqlite().1);
    }

    #[test]
    fn closing_and_deleting_on_both_stores() {
        closing_and_deleting(&mut MemoryStore::new());
        closing_and_deleting(&mut sqlite().1);
    }
}
