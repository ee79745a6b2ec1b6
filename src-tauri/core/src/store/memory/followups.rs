//! Follow-ups in the in-memory store: a delete is a mark kept for undo; deleting an action forgets it here.

use super::*;

impl Mem<'_> {
    fn followup(state: &State, id: i64, f: &StoredFollowup) -> Option<FollowupRow> {
        let person = state.people.get(&f.new.person_id)?;
        Some(FollowupRow {
            id,
            uid: f.uid.clone(),
            person_id: f.new.person_id,
            person_name: person.new.name.clone(),
            text: f.new.text.clone(),
            due: f.new.due.clone(),
            from_action_id: f.new.from_action_id,
            closed_date: f.closed_date.clone(),
            closing_action_id: f.closing_action_id,
            created_at: f.new.created_at,
            tz: person.new.tz.clone(),
            day_start: person.new.day_start,
        })
    }
}

impl FollowupsRepo for Mem<'_> {
    fn insert_followup(&mut self, followup: &NewFollowupRecord) -> Result<i64> {
        let mut state = self.0.borrow_mut();
        state.last_followup_id = state.last_followup_id.max(state.followups.keys().next_back().copied().unwrap_or(0)) + 1;
        let id = state.last_followup_id;
        let stored = StoredFollowup {
            new: followup.clone(),
            uid: new_uid(),
            closed_at: None,
            closed_date: None,
            closing_action_id: None,
            deleted_at: None,
        };
        state.followups.insert(id, stored);
        Ok(id)
    }

    fn followup_by_uid(&self, uid: &str) -> Result<Option<i64>> {
        Ok(self.0.borrow().followups.iter().find(|(_, f)| f.uid == uid).map(|(id, _)| *id))
    }

    fn followup_records(&self) -> Result<Vec<FollowupRecord>> {
        Ok(self
            .0
            .borrow()
            .followups
            .iter()
            .filter(|(_, f)| f.deleted_at.is_none())
            .map(|(&id, f)| FollowupRecord {
                id,
                uid: f.uid.clone(),
                person_id: f.new.person_id,
                text: f.new.text.clone(),
                due: f.new.due.clone(),
                from_action_id: f.new.from_action_id,
                created_at: f.new.created_at,
                closed_at: f.closed_at,
                closed_date: f.closed_date.clone(),
                closing_action_id: f.closing_action_id,
            })
            .collect())
    }

    fn put_followup(&mut self, f: &FollowupRecord) -> Result<bool> {
        let mut state = self.0.borrow_mut();
        if state.followups.values().any(|x| x.uid == f.uid) {
            return Ok(false);
        }
        state.last_followup_id = state.last_followup_id.max(state.followups.keys().next_back().copied().unwrap_or(0)) + 1;
        let id = state.last_followup_id;
        let new = NewFollowupRecord { person_id: f.person_id, text: f.text.clone(), due: f.due.clone(), from_action_id: f.from_action_id, created_at: f.created_at };
        let stored = StoredFollowup {
            new,
            uid: f.uid.clone(),
            closed_at: f.closed_at,
            closed_date: f.closed_date.clone(),
            closing_action_id: f.closing_action_id,
            deleted_at: None,
        };
        state.followups.insert(id, stored);
        Ok(true)
    }

    fn followup_row(&self, id: i64) -> Result<Option<FollowupRow>> {
        let state = self.0.borrow();
        Ok(state.followups.get(&id).filter(|f| f.deleted_at.is_none()).and_then(|f| Mem::followup(&state, id, f)))
    }

    fn followup_rows(&self, person_id: Option<i64>) -> Result<Vec<FollowupRow>> {
        let state = self.0.borrow();
        let mut rows: Vec<FollowupRow> = state
            .followups
            .iter()
            .filter(|(_, f)| f.deleted_at.is_none())
            .filter(|(_, f)| match person_id {
                Some(p) => f.new.person_id == p,
                None => state.people.get(&f.new.person_id).is_some_and(|p| p.archived_at.is_none()),
            })
            .filter_map(|(id, f)| Mem::followup(&state, *id, f))
            .collect();
        rows.sort_by(|a, b| (a.closed_date.is_some(), &a.due, a.id).cmp(&(b.closed_date.is_some(), &b.due, b.id)));
        Ok(rows)
    }

    fn edit_followup(&mut self, id: i64, text: &str, due: &str) -> Result<()> {
        if let Some(f) = self.0.borrow_mut().followups.get_mut(&id) {
            f.new.text = text.to_string();
            f.new.due = due.to_string();
        }
        Ok(())
    }

    fn delete_followup(&mut self, id: i64, at: i64) -> Result<()> {
        if let Some(f) = self.0.borrow_mut().followups.get_mut(&id) {
            f.deleted_at = Some(at);
        }
        Ok(())
    }

    fn undelete_followup(&mut self, id: i64) -> Result<bool> {
        Ok(match self.0.borrow_mut().followups.get_mut(&id) {
            Some(f) if f.deleted_at.is_some() => {
                f.deleted_at = None;
                true
            }
            _ => false,
        })
    }

    fn close_followup(&mut self, id: i64, at: i64, date: &str, action_id: i64) -> Result<()> {
        if let Some(f) = self.0.borrow_mut().followups.get_mut(&id) {
            (f.closed_at, f.closed_date, f.closing_action_id) = (Some(at), Some(date.to_string()), Some(action_id));
        }
        Ok(())
    }
}
