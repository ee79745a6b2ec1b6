//! People in the in-memory store: names unique ignoring case (as SQLite's NOCASE), uids, archiving.

use super::*;

impl PeopleRepo for Mem<'_> {
    fn person(&self, id: i64) -> Result<Option<PersonRecord>> {
        let state = self.0.borrow();
        Ok(state.people.get(&id).map(|p| Mem::record(&state, id, p)))
    }

    fn people(&self, archived_too: bool) -> Result<Vec<PersonRecord>> {
        let state = self.0.borrow();
        let mut out: Vec<PersonRecord> = state
            .people
            .iter()
            .filter(|(_, p)| archived_too || p.archived_at.is_none())
            .map(|(id, p)| Mem::record(&state, *id, p))
            .collect();
        out.sort_by_key(|p| nocase(&p.name));
        Ok(out)
    }

    fn person_named(&self, name: &str) -> Result<Option<i64>> {
        let state = self.0.borrow();
        Ok(state.people.iter().find(|(_, p)| nocase(&p.new.name) == nocase(name)).map(|(id, _)| *id))
    }

    fn insert_person(&mut self, person: &NewPersonRecord) -> Result<i64> {
        debug_assert!(self.person_named(&person.name)?.is_none(), "names are unique, ignoring case");
        let mut state = self.0.borrow_mut();
        let id = next_id(&state.people);
        let uid = person.uid.clone().unwrap_or_else(new_uid);
        state.people.insert(id, StoredPerson { new: person.clone(), uid, archived_at: None });
        Ok(id)
    }

    fn set_person_archived(&mut self, id: i64, at: Option<i64>) -> Result<()> {
        if let Some(p) = self.0.borrow_mut().people.get_mut(&id) {
            p.archived_at = at;
        }
        Ok(())
    }

    fn update_person(&mut self, id: i64, edit: &PersonEdit) -> Result<()> {
        if let Some(p) = self.0.borrow_mut().people.get_mut(&id) {
            p.new.name = edit.name.clone();
            p.new.role = edit.role.clone();
            p.new.layer_id = edit.layer_id;
            p.new.unit_id = edit.unit_id;
            if let Some(tz) = &edit.tz {
                p.new.tz = tz.clone();
            }
        }
        Ok(())
    }

    fn person_by_uid(&self, uid: &str) -> Result<Option<i64>> {
        Ok(self.0.borrow().people.iter().find(|(_, p)| p.uid == uid).map(|(id, _)| *id))
    }

    fn set_person_uid(&mut self, id: i64, uid: &str) -> Result<()> {
        if let Some(p) = self.0.borrow_mut().people.get_mut(&id) {
            p.uid = uid.to_string();
        }
        Ok(())
    }
}
