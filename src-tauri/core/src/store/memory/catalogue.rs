//! The catalogue in the in-memory store: one map for all kinds (ids shared by the kinds), channel units.

use super::*;

impl CatalogRepo for Mem<'_> {
    fn live_key(&self, kind: Table, key: &str) -> Result<Option<i64>> {
        let state = self.0.borrow();
        Ok(state.catalogue.values().find(|e| e.kind == kind && e.record.key == key && !e.record.archived).map(|e| e.record.id))
    }

    fn entry_id(&self, kind: Table, key: &str) -> Result<Option<i64>> {
        let state = self.0.borrow();
        Ok(state.catalogue.values().find(|e| e.kind == kind && e.record.key == key).map(|e| e.record.id))
    }

    fn entries(&self, kind: Table) -> Result<Vec<EntryRecord>> {
        let state = self.0.borrow();
        Ok(state
            .catalogue
            .values()
            .filter(|e| e.kind == kind)
            .map(|e| {
                let mut record = e.record.clone();
                record.units = e.unit_ids.iter().filter_map(|u| Mem::key_of(&state, Some(*u))).collect();
                record.units.sort();
                record
            })
            .collect())
    }

    fn insert_entry(&mut self, kind: Table, e: &NewEntry) -> Result<i64> {
        let mut state = self.0.borrow_mut();
        assert!(!state.catalogue.values().any(|x| x.kind == kind && x.record.key == e.key), "keys are unique per kind");
        // Ids are shared by all kinds here (SQLite numbers each table apart); nothing relies on either.
        let id = next_id(&state.catalogue);
        let last = state.catalogue.values().filter(|x| x.kind == kind).map(|x| x.record.rank).max().unwrap_or(0);
        let ranked = matches!(kind, Table::Category | Table::Layer);
        let record = EntryRecord {
            id,
            uid: e.uid.clone().unwrap_or_else(new_uid),
            key: e.key.clone(),
            label: e.label.clone(),
            archived: false,
            colour: if kind == Table::Category { e.colour.clone() } else { String::new() },
            external: kind == Table::Channel && e.external,
            value_kind: if kind == Table::Value { e.value_kind.clone() } else { String::new() },
            rank: if ranked { e.rank.unwrap_or(last + 1) } else { 0 },
            units: Vec::new(),
        };
        state.catalogue.insert(id, Entry { kind, record, role: None, unit_ids: Vec::new() });
        Ok(id)
    }

    fn change_entry(&mut self, kind: Table, id: i64, c: &EntryChange) -> Result<()> {
        let mut state = self.0.borrow_mut();
        let Some(entry) = state.catalogue.get_mut(&id).filter(|e| e.kind == kind) else { return Ok(()) };
        let r = &mut entry.record;
        if let Some(label) = &c.label {
            r.label = label.clone();
        }
        if let Some(colour) = c.colour.as_ref().filter(|_| kind == Table::Category) {
            r.colour = colour.clone();
        }
        if let Some(value_kind) = c.value_kind.as_ref().filter(|_| kind == Table::Value) {
            r.value_kind = value_kind.clone();
        }
        if let Some(external) = c.external.filter(|_| kind == Table::Channel) {
            r.external = external;
        }
        if let Some(archived) = c.archived {
            r.archived = archived;
        }
        if let Some(rank) = c.rank.filter(|_| matches!(kind, Table::Category | Table::Layer)) {
            r.rank = rank;
        }
        if let Some(uid) = &c.uid {
            r.uid = uid.clone();
        }
        Ok(())
    }

    fn add_channel_unit(&mut self, channel_id: i64, unit_id: i64) -> Result<()> {
        if let Some(channel) = self.0.borrow_mut().catalogue.get_mut(&channel_id).filter(|c| !c.unit_ids.contains(&unit_id)) {
            channel.unit_ids.push(unit_id);
        }
        Ok(())
    }

    fn clear_channel_units(&mut self, channel_id: i64) -> Result<()> {
        if let Some(channel) = self.0.borrow_mut().catalogue.get_mut(&channel_id) {
            channel.unit_ids.clear();
        }
        Ok(())
    }

    fn category_with_role(&self, role: &str) -> Result<Option<i64>> {
        let state = self.0.borrow();
        Ok(state.catalogue.values().find(|e| e.kind == Table::Category && e.role.as_deref() == Some(role)).map(|e| e.record.id))
    }

    fn set_category_role(&mut self, id: i64, role: &str) -> Result<()> {
        if let Some(entry) = self.0.borrow_mut().catalogue.get_mut(&id) {
            entry.role = Some(role.to_string());
        }
        Ok(())
    }
}
