//! Reminder rules in the in-memory store; deleting one deletes its occurrences, as SQLite's cascade does.

use super::*;

impl RulesRepo for Mem<'_> {
    fn restart_rules_of(&mut self, person_id: i64, from: i64) -> Result<()> {
        for rule in self.0.borrow_mut().rules.values_mut().filter(|r| r.person_id == person_id) {
            rule.active_from = Some(from);
        }
        Ok(())
    }

    fn insert_rule(&mut self, rule: &RuleRecord, created_at: i64) -> Result<i64> {
        let mut state = self.0.borrow_mut();
        let id = next_id(&state.rules);
        let stored = Rule { person_id: rule.person_id, uid: new_uid(), created_at, active_from: None, record: Some(rule.clone()), paused: false };
        state.rules.insert(id, stored);
        Ok(id)
    }

    fn replace_rule(&mut self, id: i64, rule: &RuleRecord, active_from: i64) -> Result<bool> {
        let mut state = self.0.borrow_mut();
        let Some(stored) = state.rules.get_mut(&id) else { return Ok(false) };
        let created_by = rule.created_by.or(stored.record.as_ref().and_then(|r| r.created_by));
        stored.person_id = rule.person_id;
        stored.active_from = Some(active_from);
        stored.record = Some(RuleRecord { created_by, ..rule.clone() });
        Ok(true)
    }

    fn set_rule_paused(&mut self, id: i64, paused: bool, now: i64) -> Result<bool> {
        let mut state = self.0.borrow_mut();
        let Some(stored) = state.rules.get_mut(&id) else { return Ok(false) };
        stored.paused = paused;
        if !paused {
            stored.active_from = Some(now);
        }
        Ok(true)
    }

    fn delete_rule(&mut self, id: i64) -> Result<bool> {
        let mut state = self.0.borrow_mut();
        let found = state.rules.remove(&id).is_some();
        state.occurrences.retain(|_, (o, _, _)| o.rule_id != id);
        Ok(found)
    }

    fn has_rule(&self, id: i64) -> Result<bool> {
        Ok(self.0.borrow().rules.contains_key(&id))
    }

    fn put_rule(&mut self, uid: &str, rule: &RuleRecord, paused: bool, created_at: i64, active_from: Option<i64>) -> Result<bool> {
        let mut state = self.0.borrow_mut();
        if state.rules.values().any(|r| r.uid == uid) {
            return Ok(false);
        }
        let id = next_id(&state.rules);
        let stored = Rule { person_id: rule.person_id, uid: uid.to_string(), created_at, active_from, record: Some(rule.clone()), paused };
        state.rules.insert(id, stored);
        Ok(true)
    }

    fn rule_row(&self, id: i64) -> Result<Option<RuleRow>> {
        let state = self.0.borrow();
        Ok(state.rules.get(&id).and_then(|r| Mem::rule_row(&state, id, r)))
    }

    fn rule_rows(&self, person_id: Option<i64>) -> Result<Vec<RuleRow>> {
        let state = self.0.borrow();
        let mut rows: Vec<RuleRow> = state
            .rules
            .iter()
            .filter(|(_, r)| person_id.is_none_or(|p| r.person_id == p))
            .filter_map(|(&id, r)| Mem::rule_row(&state, id, r))
            .collect();
        rows.sort_by(|a, b| (&a.person_name, a.id).cmp(&(&b.person_name, b.id)));
        Ok(rows)
    }
}

impl Mem<'_> {
    /// A rule the rules service stored (the bare ones tests add have no settings to read).
    fn rule_row(state: &State, id: i64, r: &Rule) -> Option<RuleRow> {
        let record = r.record.as_ref()?;
        let person = state.people.get(&r.person_id)?;
        Some(RuleRow {
            id,
            person_id: r.person_id,
            person_name: person.new.name.clone(),
            person_archived: person.archived_at.is_some(),
            created_by: record.created_by,
            created_by_name: record.created_by.and_then(|m| state.people.get(&m)).map(|m| m.new.name.clone()),
            kind: record.kind.as_str().to_string(),
            at: record.at.clone(),
            weekdays: record.weekdays,
            category: Mem::key_of(state, record.category_id),
            after_days: record.after_days,
            threshold: record.threshold,
            drop_points: record.drop_points,
            min_streak: record.min_streak,
            quiet_from: record.quiet_from.clone(),
            quiet_to: record.quiet_to.clone(),
            paused: r.paused,
            active_from: r.active_from,
            uid: r.uid.clone(),
            created_at: r.created_at,
        })
    }
}
