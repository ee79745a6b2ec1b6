//! Targets, their history, a person's rhythm history and absences in the in-memory store.

use std::collections::BTreeMap;

use super::*;

fn put<K: Ord, V>(map: &mut BTreeMap<K, V>, key: K, value: V, same: OnSameDay) {
    if same == OnSameDay::Replace || !map.contains_key(&key) {
        map.insert(key, value);
    }
}

impl RhythmRepo for Mem<'_> {
    fn category_targets(&self, person_id: i64) -> Result<Vec<CategoryTargetRecord>> {
        let state = self.0.borrow();
        let mut live: Vec<(i64, i64, &Entry)> = state
            .catalogue
            .iter()
            .filter(|(_, e)| e.kind == Table::Category && !e.record.archived)
            .map(|(id, e)| (e.record.rank, *id, e))
            .collect();
        // By rank, then id.
        live.sort_by_key(|(rank, id, _)| (*rank, *id));
        Ok(live
            .into_iter()
            .map(|(_, id, e)| CategoryTargetRecord {
                key: e.record.key.clone(),
                label: e.record.label.clone(),
                colour: e.record.colour.clone(),
                target: state.targets.get(&(person_id, id)).copied(),
            })
            .collect())
    }

    fn stored_target(&self, person_id: i64, category_id: i64) -> Result<Option<Target>> {
        Ok(self.0.borrow().targets.get(&(person_id, category_id)).copied())
    }

    fn put_target(&mut self, person_id: i64, category_id: i64, target: Target) -> Result<()> {
        let mut state = self.0.borrow_mut();
        state.targets.insert((person_id, category_id), target);
        state.target_uids.entry((person_id, category_id)).or_insert_with(new_uid);
        Ok(())
    }

    fn put_target_history(&mut self, person_id: i64, category_id: i64, from: &str, target: Option<Target>, same: OnSameDay) -> Result<()> {
        put(&mut self.0.borrow_mut().target_history, (person_id, category_id, from.to_string()), target, same);
        Ok(())
    }

    fn target_history(&self, person_id: i64) -> Result<Vec<(String, String, Option<Target>)>> {
        let state = self.0.borrow();
        let mut out: Vec<(String, String, Option<Target>)> = state
            .target_history
            .iter()
            .filter(|((p, _, _), _)| *p == person_id)
            .filter_map(|((_, c, from), t)| state.catalogue.get(c).map(|e| (e.record.key.clone(), from.clone(), *t)))
            .collect();
        out.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
        Ok(out)
    }

    fn put_rhythm(&mut self, person_id: i64, days: WorkingDays, day_start: u32) -> Result<()> {
        if let Some(p) = self.0.borrow_mut().people.get_mut(&person_id) {
            p.new.working_days = days;
            p.new.day_start = day_start;
        }
        Ok(())
    }

    fn put_rhythm_history(&mut self, person_id: i64, from: &str, days: WorkingDays, day_start: u32, same: OnSameDay) -> Result<()> {
        put(&mut self.0.borrow_mut().rhythm_history, (person_id, from.to_string()), (days, day_start), same);
        Ok(())
    }

    fn rhythm_history(&self, person_id: i64) -> Result<Vec<(String, WorkingDays, u32)>> {
        let state = self.0.borrow();
        Ok(state
            .rhythm_history
            .iter()
            .filter(|((p, _), _)| *p == person_id)
            .map(|((_, from), (days, start))| (from.clone(), *days, *start))
            .collect())
    }

    fn all_targets(&self) -> Result<Vec<TargetRow>> {
        let state = self.0.borrow();
        Ok(state
            .targets
            .iter()
            .map(|(&(person_id, category_id), &target)| TargetRow {
                person_id,
                category_id,
                target,
                uid: state.target_uids.get(&(person_id, category_id)).cloned().unwrap_or_default(),
            })
            .collect())
    }

    fn target_row(&self, person_id: i64, category_id: i64) -> Result<Option<TargetRow>> {
        let state = self.0.borrow();
        Ok(state.targets.get(&(person_id, category_id)).map(|&target| TargetRow {
            person_id,
            category_id,
            target,
            uid: state.target_uids.get(&(person_id, category_id)).cloned().unwrap_or_default(),
        }))
    }

    fn set_target_uid(&mut self, person_id: i64, category_id: i64, uid: &str) -> Result<()> {
        let mut state = self.0.borrow_mut();
        if state.targets.contains_key(&(person_id, category_id)) {
            state.target_uids.insert((person_id, category_id), uid.to_string());
        }
        Ok(())
    }

    fn clear_target_history(&mut self, person_id: i64, category_id: i64) -> Result<()> {
        self.0.borrow_mut().target_history.retain(|(p, c, _), _| (*p, *c) != (person_id, category_id));
        Ok(())
    }

    fn put_absence(&mut self, uid: &str, person_id: i64, from: &str, to: &str, reason: &str) -> Result<bool> {
        let mut state = self.0.borrow_mut();
        if state.absences.values().any(|a| a.uid == uid) {
            return Ok(false);
        }
        let id = next_id(&state.absences);
        let absence = StoredAbsence { person_id, from: from.into(), to: to.into(), reason: reason.into(), uid: uid.into() };
        state.absences.insert(id, absence);
        Ok(true)
    }

    fn insert_absence(&mut self, person_id: i64, from: &str, to: &str, reason: &str) -> Result<i64> {
        let mut state = self.0.borrow_mut();
        let id = next_id(&state.absences);
        let absence = StoredAbsence { person_id, from: from.into(), to: to.into(), reason: reason.into(), uid: new_uid() };
        state.absences.insert(id, absence);
        Ok(id)
    }

    fn delete_absence(&mut self, id: i64) -> Result<bool> {
        Ok(self.0.borrow_mut().absences.remove(&id).is_some())
    }

    fn absences(&self, person_id: Option<i64>) -> Result<Vec<Absence>> {
        let state = self.0.borrow();
        let mut out: Vec<Absence> = state
            .absences
            .iter()
            .filter(|(_, a)| person_id.is_none_or(|want| want == a.person_id))
            .filter_map(|(id, a)| {
                state.people.get(&a.person_id).map(|person| Absence {
                    id: *id,
                    uid: a.uid.clone(),
                    person_id: a.person_id,
                    person_name: person.new.name.clone(),
                    from: a.from.clone(),
                    to: a.to.clone(),
                    reason: a.reason.clone(),
                })
            })
            .collect();
        out.sort_by(|a, b| (&a.from, a.id).cmp(&(&b.from, b.id)));
        Ok(out)
    }

    fn absence_ranges(&self, person_id: i64, from: &str, to: &str) -> Result<Vec<(String, String)>> {
        let state = self.0.borrow();
        Ok(state
            .absences
            .values()
            .filter(|a| a.person_id == person_id && a.to.as_str() >= from && a.from.as_str() <= to)
            .map(|a| (a.from.clone(), a.to.clone()))
            .collect())
    }
}
