//! What the statistics read, computed from the in-memory store's actions; its stamp is the store's revision.

use std::collections::BTreeMap;

use super::*;

impl StatsRepo for Mem<'_> {
    fn day_category_counts(&self, person_id: i64, as_of: chrono::NaiveDate) -> Result<Vec<(chrono::NaiveDate, i64, u32)>> {
        let state = self.0.borrow();
        let mut counts: BTreeMap<(String, i64), u32> = BTreeMap::new();
        for a in state.actions.values().filter(|a| a.person_id == person_id && a.local_date <= as_of.to_string()) {
            *counts.entry((a.local_date.clone(), a.category_id)).or_default() += 1;
        }
        counts
            .into_iter()
            .map(|((date, category), n)| Ok((crate::time::parse_date("localDate", &date)?, category, n)))
            .collect()
    }

    fn stats_stamp(&self, _person_id: i64) -> Result<(i64, i64)> {
        let revision = self.0.borrow().revision;
        Ok((revision, revision))
    }

    fn channel_counts(&self, person_id: i64, from: &str, to: &str) -> Result<Vec<(i64, u32)>> {
        let state = self.0.borrow();
        let mut counts: BTreeMap<i64, u32> = BTreeMap::new();
        for a in state.actions.values().filter(|a| a.person_id == person_id && a.local_date.as_str() >= from && a.local_date.as_str() <= to) {
            if let Some(channel) = a.channel_id {
                *counts.entry(channel).or_default() += 1;
            }
        }
        Ok(counts.into_iter().collect())
    }

    fn link_use(&self, kind: Table, person_id: i64, target_id: i64, from: &str, as_of: &str) -> Result<(Option<String>, u32)> {
        let state = self.0.borrow();
        let links = |a: &ActionRecord| -> bool {
            match kind {
                Table::Layer => a.layers.contains(&target_id),
                Table::Unit => a.units.contains(&target_id),
                Table::Value => a.values.contains(&target_id),
                Table::Category | Table::Channel => false,
            }
        };
        let reached: Vec<&ActionRecord> = state.actions.values().filter(|a| a.person_id == person_id && a.local_date.as_str() <= as_of && links(a)).collect();
        let last = reached.iter().map(|a| a.local_date.clone()).max();
        let count = reached.iter().filter(|a| a.local_date.as_str() >= from).count() as u32;
        Ok((last, count))
    }

    fn last_action_dates(&self, person_id: i64, as_of: &str) -> Result<Vec<(String, String)>> {
        let state = self.0.borrow();
        let mut last: BTreeMap<i64, String> = BTreeMap::new();
        for a in state.actions.values().filter(|a| a.person_id == person_id && a.local_date.as_str() <= as_of) {
            let e = last.entry(a.category_id).or_default();
            if a.local_date > *e {
                *e = a.local_date.clone();
            }
        }
        Ok(last.into_iter().filter_map(|(c, d)| Mem::key_of(&state, Some(c)).map(|k| (k, d))).collect())
    }

    fn record_counts(&self) -> Result<Vec<(&'static str, i64)>> {
        let state = self.0.borrow();
        let entries = |kind: Table| state.catalogue.values().filter(|e| e.kind == kind).count();
        let counts = [
            state.people.len(),
            state.actions.len(),
            state.followups.len(),
            state.absences.len(),
            state.targets.len(),
            state.rules.len(),
            state.occurrences.len(),
            entries(Table::Value),
            entries(Table::Category),
            entries(Table::Channel),
            entries(Table::Unit),
            entries(Table::Layer),
        ];
        Ok(crate::store::RECORD_KINDS.iter().zip(counts).map(|(kind, n)| (*kind, n as i64)).collect())
    }
}
