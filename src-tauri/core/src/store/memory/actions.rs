//! Actions in the in-memory store, and the deleted ones kept for undo (ids never reused).

use std::collections::BTreeMap;

use super::*;

impl Mem<'_> {
    fn row(state: &State, id: i64, a: &ActionRecord) -> ActionRow {
        let keys = |ids: &[i64]| ids.iter().filter_map(|i| Mem::key_of(state, Some(*i))).collect::<Vec<_>>();
        ActionRow {
            id,
            uid: a.uid.clone().unwrap_or_default(),
            person_id: a.person_id,
            person_name: state.people.get(&a.person_id).map(|p| p.new.name.clone()).unwrap_or_default(),
            category: Mem::key_of(state, Some(a.category_id)).unwrap_or_default(),
            occurred_at: a.occurred_at,
            local_date: a.local_date.clone(),
            tz: a.tz.clone(),
            note: a.note.clone(),
            channel: Mem::key_of(state, a.channel_id),
            logged_by: a.logged_by,
            created_at: a.created_at,
            updated_at: a.updated_at,
            layers: keys(&a.layers),
            units: keys(&a.units),
            values: keys(&a.values),
        }
    }

    fn selected<'s>(state: &'s State, f: &'s ActionFilter) -> impl Iterator<Item = (&'s i64, &'s ActionRecord)> + 's {
        state.actions.iter().filter(move |(_, a)| {
            f.person_id.is_none_or(|p| p == a.person_id)
                && f.from.as_ref().is_none_or(|from| a.local_date >= *from)
                && f.to.as_ref().is_none_or(|to| a.local_date <= *to)
        })
    }
}

impl ActionsRepo for Mem<'_> {
    fn insert_action(&mut self, action: &ActionRecord) -> Result<i64> {
        let mut state = self.0.borrow_mut();
        state.last_action_id = state.last_action_id.max(state.actions.keys().next_back().copied().unwrap_or(0)) + 1;
        let id = state.last_action_id;
        let uid = action.uid.clone().unwrap_or_else(new_uid);
        state.actions.insert(id, ActionRecord { uid: Some(uid), ..action.clone() });
        Ok(id)
    }

    fn reinsert_action(&mut self, id: i64, action: &ActionRecord) -> Result<()> {
        let mut state = self.0.borrow_mut();
        assert!(!state.actions.contains_key(&id), "an id is never taken twice");
        let uid = action.uid.clone().unwrap_or_else(new_uid);
        state.actions.insert(id, ActionRecord { uid: Some(uid), ..action.clone() });
        Ok(())
    }

    fn replace_action(&mut self, id: i64, action: &ActionRecord) -> Result<()> {
        if let Some(stored) = self.0.borrow_mut().actions.get_mut(&id) {
            *stored = ActionRecord { uid: stored.uid.clone(), created_at: stored.created_at, ..action.clone() };
        }
        Ok(())
    }

    fn remove_action(&mut self, id: i64) -> Result<()> {
        let mut state = self.0.borrow_mut();
        state.actions.remove(&id);
        // As SQLite's ON DELETE SET NULL: a promise forgets the action it came from or was kept by.
        for f in state.followups.values_mut() {
            if f.new.from_action_id == Some(id) {
                f.new.from_action_id = None;
            }
            if f.closing_action_id == Some(id) {
                f.closing_action_id = None;
            }
        }
        Ok(())
    }

    fn action_by_uid(&self, uid: &str) -> Result<Option<i64>> {
        Ok(self.0.borrow().actions.iter().find(|(_, a)| a.uid.as_deref() == Some(uid)).map(|(id, _)| *id))
    }

    fn action_record(&self, id: i64) -> Result<Option<ActionRecord>> {
        Ok(self.0.borrow().actions.get(&id).cloned())
    }

    fn action_row(&self, id: i64) -> Result<Option<ActionRow>> {
        let state = self.0.borrow();
        Ok(state.actions.get(&id).map(|a| Mem::row(&state, id, a)))
    }

    fn action_rows(&self, filter: &ActionFilter) -> Result<Vec<ActionRow>> {
        let state = self.0.borrow();
        let mut rows: Vec<ActionRow> = Mem::selected(&state, filter).map(|(id, a)| Mem::row(&state, *id, a)).collect();
        rows.sort_by(|a, b| (&a.local_date, a.occurred_at, a.id).cmp(&(&b.local_date, b.occurred_at, b.id)));
        Ok(rows)
    }

    fn day_counts(&self, filter: &ActionFilter) -> Result<Vec<(String, i64)>> {
        let state = self.0.borrow();
        let mut counts: BTreeMap<String, i64> = BTreeMap::new();
        for (_, a) in Mem::selected(&state, filter) {
            *counts.entry(a.local_date.clone()).or_default() += 1;
        }
        Ok(counts.into_iter().collect())
    }

    fn put_trash(&mut self, id: i64, person_id: i64, payload: &str, deleted_at: i64) -> Result<()> {
        self.0.borrow_mut().trash.insert(id, (person_id, payload.to_string(), deleted_at));
        Ok(())
    }

    fn trash(&self, id: i64) -> Result<Option<String>> {
        Ok(self.0.borrow().trash.get(&id).map(|(_, payload, _)| payload.clone()))
    }

    fn drop_trash(&mut self, id: i64) -> Result<()> {
        self.0.borrow_mut().trash.remove(&id);
        Ok(())
    }

    fn purge_deleted_before(&mut self, cutoff: i64) -> Result<usize> {
        let mut state = self.0.borrow_mut();
        let before = state.trash.len() + state.followups.len();
        state.trash.retain(|_, (_, _, at)| *at >= cutoff);
        state.followups.retain(|_, f| f.deleted_at.is_none_or(|at| at >= cutoff));
        Ok(before - state.trash.len() - state.followups.len())
    }
}
