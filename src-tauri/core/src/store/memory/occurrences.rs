//! Fired reminder occurrences in the in-memory store: each rule's key once, snoozes, the live inbox.

use super::*;

impl Mem<'_> {
    fn occurrence_row(state: &State, o: &OccurrenceRow) -> Option<OccurrenceRow> {
        let person = state.people.get(&o.person_id)?;
        Some(OccurrenceRow { person_name: person.new.name.clone(), tz: person.new.tz.clone(), ..o.clone() })
    }

    fn live(state: &State, o: &OccurrenceRow) -> bool {
        let person_here = state.people.get(&o.person_id).is_some_and(|p| p.archived_at.is_none());
        let promise_here = o.followup_id.is_none_or(|f| state.followups.get(&f).is_none_or(|f| f.deleted_at.is_none()));
        person_here && promise_here
    }
}

impl OccurrencesRepo for Mem<'_> {
    fn occurrence(&self, id: i64) -> Result<Option<OccurrenceRow>> {
        let state = self.0.borrow();
        Ok(state.occurrences.get(&id).and_then(|(o, _, _)| Mem::occurrence_row(&state, o)))
    }

    fn inbox_rows(&self, all: bool, limit: usize) -> Result<Vec<OccurrenceRow>> {
        let state = self.0.borrow();
        let mut rows: Vec<(i64, OccurrenceRow)> = state
            .occurrences
            .values()
            .filter(|(o, missed, _)| !missed && (all || o.state == "fired" || o.state == "snoozed") && Mem::live(&state, o))
            .filter_map(|(o, _, refired)| Mem::occurrence_row(&state, o).map(|row| (refired.unwrap_or(o.fired_at), row)))
            .collect();
        rows.sort_by(|a, b| (b.0, b.1.id).cmp(&(a.0, a.1.id)));
        Ok(rows.into_iter().take(limit).map(|(_, row)| row).collect())
    }

    fn unread(&self) -> Result<u32> {
        let state = self.0.borrow();
        Ok(state.occurrences.values().filter(|(o, _, _)| o.state == "fired" && !o.seen && Mem::live(&state, o)).count() as u32)
    }

    fn set_occurrence_state(&mut self, id: i64, to: &str, snoozed_until: Option<i64>) -> Result<()> {
        if let Some((o, _, _)) = self.0.borrow_mut().occurrences.get_mut(&id) {
            o.state = to.to_string();
            o.snoozed_until = snoozed_until;
            o.seen = true;
        }
        Ok(())
    }

    fn snooze_fired(&mut self, until: i64) -> Result<u32> {
        let mut n = 0;
        for (o, _, _) in self.0.borrow_mut().occurrences.values_mut().filter(|(o, _, _)| o.state == "fired") {
            o.state = "snoozed".into();
            o.snoozed_until = Some(until);
            o.seen = true;
            n += 1;
        }
        Ok(n)
    }

    fn mark_fired_seen(&mut self) -> Result<()> {
        for (o, _, _) in self.0.borrow_mut().occurrences.values_mut().filter(|(o, _, _)| o.state == "fired") {
            o.seen = true;
        }
        Ok(())
    }

    fn occurrence_keys(&self, rule_id: Option<i64>) -> Result<Vec<OccurrenceKey>> {
        Ok(self
            .0
            .borrow()
            .occurrences
            .values()
            .filter(|(o, _, _)| rule_id.is_none_or(|r| o.rule_id == r))
            .map(|(o, _, _)| OccurrenceKey { rule_id: o.rule_id, key: o.key.clone(), followup_id: o.followup_id, fire_at: o.fire_at })
            .collect())
    }

    fn occurrence_records(&self) -> Result<Vec<OccurrenceRecord>> {
        Ok(self
            .0
            .borrow()
            .occurrences
            .values()
            .map(|(o, missed, refired_at)| OccurrenceRecord {
                uid: o.uid.clone(),
                rule_id: o.rule_id,
                key: o.key.clone(),
                person_id: o.person_id,
                kind: o.kind.clone(),
                category: o.category.clone(),
                followup_id: o.followup_id,
                fire_at: o.fire_at,
                fired_at: o.fired_at,
                late: o.late,
                state: o.state.clone(),
                snoozed_until: o.snoozed_until,
                refired_at: *refired_at,
                seen: o.seen,
                title: o.title.clone(),
                body: o.body.clone(),
                notice: o.notice.clone(),
                missed: *missed,
            })
            .collect())
    }

    fn put_occurrence(&mut self, n: &OccurrenceRecord) -> Result<Option<i64>> {
        let mut state = self.0.borrow_mut();
        let taken = |o: &OccurrenceRow| (o.rule_id == n.rule_id && o.key == n.key) || (!n.uid.is_empty() && o.uid == n.uid);
        if state.occurrences.values().any(|(o, _, _)| taken(o)) {
            return Ok(None);
        }
        let id = next_id(&state.occurrences);
        let row = OccurrenceRow {
            id,
            uid: if n.uid.is_empty() { new_uid() } else { n.uid.clone() },
            rule_id: n.rule_id,
            person_id: n.person_id,
            person_name: String::new(),
            tz: String::new(),
            kind: n.kind.clone(),
            category: n.category.clone(),
            followup_id: n.followup_id,
            key: n.key.clone(),
            fire_at: n.fire_at,
            fired_at: n.fired_at,
            late: n.late,
            state: n.state.clone(),
            snoozed_until: n.snoozed_until,
            seen: n.seen,
            title: n.title.clone(),
            body: n.body.clone(),
            notice: n.notice.clone(),
        };
        state.occurrences.insert(id, (row, n.missed, n.refired_at));
        Ok(Some(id))
    }

    fn refire_snoozed(&mut self, now: i64) -> Result<Vec<i64>> {
        let mut state = self.0.borrow_mut();
        let due: Vec<i64> = state
            .occurrences
            .iter()
            .filter(|(_, (o, _, _))| o.state == "snoozed" && o.snoozed_until.is_some_and(|u| u <= now) && Mem::live(&state, o))
            .map(|(&id, _)| id)
            .collect();
        for id in &due {
            if let Some((o, _, refired)) = state.occurrences.get_mut(id) {
                o.state = "fired".into();
                o.seen = false;
                o.snoozed_until = None;
                *refired = Some(now);
            }
        }
        Ok(due)
    }
}
