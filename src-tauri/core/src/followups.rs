//! Follow-ups: "I promised to ..." with a due date, usually born from an action. Closing one logs a
//! `follow-up` action linked to where it came from, which is how promises become visible follow-through.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::i18n::Msg;
use crate::model::{Action, NewAction};
use crate::people::resolve_person;
use crate::time::parse_date;

/// Longest promise text accepted.
pub const MAX_FOLLOWUP: usize = 500;

/// A commitment and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Followup {
    pub id: i64,
    /// The promise's uid: random, made once, the same in every copy.
    #[serde(default)]
    pub uid: String,
    pub person_id: i64,
    pub person_name: String,
    pub text: String,
    pub due: String,
    pub from_action_id: Option<i64>,
    /// `open`, `overdue` (open past its due date, as of the person's today) or `done`.
    #[ts(type = r#""open" | "overdue" | "done""#)]
    pub status: String,
    pub created_date: String,
    pub closed_date: Option<String>,
    pub closing_action_id: Option<i64>,
}

/// An edit of a follow-up: the fields given change, the others stay.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(optional_fields = nullable)]
pub struct FollowupEdit {
    pub text: Option<String>,
    pub due: Option<String>,
}

/// Input for a new follow-up.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(optional_fields = nullable)]
pub struct NewFollowup {
    pub person: String,
    pub text: String,
    pub due: String,
    pub from_action: Option<i64>,
}

/// Follow-through figures for the dashboard.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct FollowThrough {
    pub open: u32,
    pub overdue: u32,
    pub done: u32,
    /// Of the follow-ups that are done or overdue, the share done by their due date (0..1); `None` without any.
    pub rate: Option<f64>,
    /// Median calendar days from promise to done.
    pub median_days_to_close: Option<f64>,
}

const FOLLOWUP_SQL: &str = "SELECT f.id, f.person_id, p.name, f.text, f.due_date, f.from_action_id, f.closed_date,
        f.closing_action_id, f.created_at, p.tz, p.day_start, f.uid
     FROM followups f JOIN people p ON p.id = f.person_id WHERE f.deleted_at IS NULL";

pub use crate::domain::catalogue::FOLLOW_UP_ROLE;

impl Db {
    /// Records a promise.
    pub fn add_followup(&mut self, input: &NewFollowup) -> Result<Followup> {
        let person_id = resolve_person(&self.conn, &input.person)?;
        crate::people::refuse_archived(&self.conn, person_id)?;
        let text = promise_text(&input.text)?;
        let due = parse_date("due", &input.due)?;
        if let Some(action) = input.from_action {
            let owner: Option<i64> =
                self.conn.query_row("SELECT person_id FROM actions WHERE id = ?1", [action], |r| r.get(0)).optional()?;
            match owner {
                None => return Err(CoreError::not_found("fromAction", action.to_string())),
                Some(p) if p != person_id => {
                    return Err(CoreError::invalid("fromAction", Msg::new("followup.from_action.other_person")))
                }
                Some(_) => {}
            }
        }
        let now = self.clock.now().timestamp_millis();
        let id = self.write(|tx| {
            tx.execute(
                "INSERT INTO followups (person_id, text, due_date, from_action_id, created_at, uid)
                 VALUES (?1, ?2, ?3, ?4, ?5, lower(hex(randomblob(16))))",
                params![person_id, text, due.to_string(), input.from_action, now],
            )?;
            Ok(tx.last_insert_rowid())
        })?;
        self.followup(id)
    }

    /// One follow-up.
    pub fn followup(&self, id: i64) -> Result<Followup> {
        let sql = format!("{FOLLOWUP_SQL} AND f.id = ?1");
        let row = self.conn.prepare_cached(&sql)?.query_row([id], raw).optional()?;
        let raw = row.ok_or_else(|| CoreError::not_found("followup", id.to_string()))?;
        self.finish(raw)
    }

    /// Follow-ups of one person (or everyone), open and overdue first by due date, then done.
    /// `status` filters to `open` (includes overdue), `overdue` or `done`.
    pub fn followups(&self, person: Option<&str>, status: Option<&str>) -> Result<Vec<Followup>> {
        let person_id = person.filter(|p| !p.trim().is_empty()).map(|p| resolve_person(&self.conn, p)).transpose()?;
        let status = status.map(str::trim).filter(|s| !s.is_empty() && *s != "all");
        if let Some(s) = status {
            if !["open", "overdue", "done"].contains(&s) {
                return Err(CoreError::invalid("status", Msg::new("followup.status.unknown").arg("status", s)));
            }
        }
        // Everyone's list leaves out the archived; asked for by name, an archived person's promises are there.
        let sql = format!(
            "{FOLLOWUP_SQL} AND ((?1 IS NULL AND p.archived_at IS NULL) OR f.person_id = ?1)
             ORDER BY f.closed_at IS NOT NULL, f.due_date, f.id"
        );
        let raws: Vec<RawFollowup> =
            self.conn.prepare_cached(&sql)?.query_map([person_id], raw)?.collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::new();
        for r in raws {
            let f = self.finish(r)?;
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
    pub fn update_followup(&mut self, id: i64, edit: &FollowupEdit) -> Result<Followup> {
        let current = self.followup(id)?;
        let text = match &edit.text {
            Some(t) => promise_text(t)?,
            None => current.text,
        };
        let due = match &edit.due {
            Some(d) => parse_date("due", d)?.to_string(),
            None => current.due,
        };
        self.write(|tx| {
            tx.execute("UPDATE followups SET text = ?2, due_date = ?3 WHERE id = ?1", params![id, text, due])?;
            Ok(())
        })?;
        self.followup(id)
    }

    /// Deletes a promise, kept aside for [`Db::restore_followup`] (undo) for
    /// [`crate::actions::UNDO_DAYS`] days. A closed promise's action stays: it happened. Returns what was deleted.
    pub fn delete_followup(&mut self, id: i64) -> Result<Followup> {
        let f = self.followup(id)?;
        let now = self.clock.now().timestamp_millis();
        self.write(|tx| {
            tx.execute("UPDATE followups SET deleted_at = ?2 WHERE id = ?1", params![id, now])?;
            Ok(())
        })?;
        Ok(f)
    }

    /// Undoes [`Db::delete_followup`].
    pub fn restore_followup(&mut self, id: i64) -> Result<Followup> {
        let changed = self.write(|tx| Ok(tx.execute("UPDATE followups SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL", [id])?))?;
        if changed == 0 {
            return Err(CoreError::not_found("deleted follow-up", id.to_string()));
        }
        self.followup(id)
    }

    /// Closes a promise and logs the `follow-up` action that keeps it. Returns both.
    pub fn close_followup(&mut self, id: i64, note: Option<&str>) -> Result<(Followup, Action)> {
        let f = self.followup(id)?;
        if f.status == "done" {
            return Err(CoreError::Conflict(Msg::new("followup.already_done").arg("id", id)));
        }
        let note = note.map(str::trim).filter(|n| !n.is_empty()).map(String::from).unwrap_or_else(|| {
            crate::i18n::fill(self.locale().texts().kept_promise, &[("text", &f.text)])
        });
        let input = NewAction { person: f.person_id.to_string(), note: Some(note), ..NewAction::default() };
        let now = self.clock.now();
        // One act, one transaction: the follow-up action and the closing are written together or not at all.
        let action_id = self.write(|tx| {
            let a = crate::actions::validate::validate_for_role(tx, &input, now, FOLLOW_UP_ROLE)?;
            let action_id = crate::actions::insert_valid(tx, &a, now)?;
            crate::failpoint::check("followup.close").map_err(|source| CoreError::Io { context: Msg::new("io.write").arg("path", "followups"), source })?;
            tx.execute(
                "UPDATE followups SET closed_at = ?2, closed_date = ?3, closing_action_id = ?4 WHERE id = ?1",
                params![id, now.timestamp_millis(), a.local_date.to_string(), action_id],
            )?;
            Ok(action_id)
        })?;
        Ok((self.followup(id)?, self.action(action_id)?))
    }

    /// Follow-through of a person's promises as they stood at the end of `as_of`: a promise made later
    /// does not exist yet, and one closed later was still open (or overdue) then.
    pub fn follow_through(&self, person_id: i64, as_of: NaiveDate) -> Result<FollowThrough> {
        let all = self.followups(Some(&person_id.to_string()), None)?;
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

    fn finish(&self, r: RawFollowup) -> Result<Followup> {
        let zone = crate::time::Zone::parse(&r.tz)?;
        let now = self.clock.now();
        let today = crate::time::local_date(now, &zone, r.day_start);
        let created = chrono::DateTime::<chrono::Utc>::from_timestamp_millis(r.created_at).unwrap_or(now);
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
            created_date: crate::time::local_date(created, &zone, r.day_start).to_string(),
            closed_date: r.closed_date,
            closing_action_id: r.closing_action_id,
        })
    }
}

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

struct RawFollowup {
    id: i64,
    person_id: i64,
    person_name: String,
    text: String,
    due: String,
    from_action_id: Option<i64>,
    closed_date: Option<String>,
    closing_action_id: Option<i64>,
    created_at: i64,
    tz: String,
    day_start: u32,
    uid: String,
}

fn raw(r: &Row<'_>) -> rusqlite::Result<RawFollowup> {
    Ok(RawFollowup {
        id: r.get(0)?,
        person_id: r.get(1)?,
        person_name: r.get(2)?,
        text: r.get(3)?,
        due: r.get(4)?,
        from_action_id: r.get(5)?,
        closed_date: r.get(6)?,
        closing_action_id: r.get(7)?,
        created_at: r.get(8)?,
        tz: r.get(9)?,
        day_start: r.get(10)?,
        uid: r.get::<_, Option<String>>(11)?.unwrap_or_default(),
    })
}
