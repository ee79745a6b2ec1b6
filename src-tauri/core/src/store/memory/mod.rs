//! The in-memory adapter of the storage ports: plain maps, no file. The services' unit tests run on it as on
//! SQLite, which keeps the services honest about their ports: a second store (Cadence Team's) needs no service
//! change. Its unit of work keeps a copy of the state and puts it back when the work fails. The ports are
//! implemented one aggregate per file beside this one.

mod actions;
mod catalogue;
mod followups;
mod occurrences;
mod people;
mod rhythm;
mod rules;
mod stats;

use std::cell::RefCell;
use std::collections::BTreeMap;

use crate::domain::catalogue::Table;
use crate::domain::targets::{Absence, Target};
use crate::error::Result;
use crate::store::{
    ActionFilter, ActionRecord, ActionRow, ActionsRepo, CatalogRepo, FollowupRow, FollowupsRepo, NewFollowupRecord, OccurrenceRow,
    OccurrencesRepo, OccurrenceKey, OccurrenceRecord, FollowupRecord, TargetRow, RuleRecord, RuleRow, StatsRepo, CategoryTargetRecord, DeviceSettingsRepo, EntryChange, EntryRecord, NewEntry, NewPersonRecord, OnSameDay, PeopleRepo,
    PersonEdit, PersonRecord, RhythmRepo, RulesRepo, SettingsRepo, Store,
};
use crate::time::WorkingDays;

#[derive(Debug, Clone)]
struct StoredPerson {
    new: NewPersonRecord,
    uid: String,
    archived_at: Option<i64>,
}

#[derive(Debug, Clone)]
struct Entry {
    kind: Table,
    record: EntryRecord,
    role: Option<String>,
    /// A channel's units, by id.
    unit_ids: Vec<i64>,
}

#[derive(Debug, Clone)]
struct Rule {
    person_id: i64,
    uid: String,
    created_at: i64,
    /// Set when the rule was edited or resumed (or its person's rules restarted).
    active_from: Option<i64>,
    /// Set by the rules service (absent for the rules tests add directly).
    record: Option<RuleRecord>,
    paused: bool,
}

#[derive(Debug, Clone, Default)]
struct State {
    people: BTreeMap<i64, StoredPerson>,
    catalogue: BTreeMap<i64, Entry>,
    rules: BTreeMap<i64, Rule>,
    device: BTreeMap<String, String>,
    settings: BTreeMap<String, String>,
    /// (person, category) -> target.
    targets: BTreeMap<(i64, i64), Target>,
    /// (person, category, from) -> target.
    target_history: BTreeMap<(i64, i64, String), Option<Target>>,
    /// (person, from) -> (days, day start).
    rhythm_history: BTreeMap<(i64, String), (WorkingDays, u32)>,
    /// id -> (person, from, to, reason).
    absences: BTreeMap<i64, StoredAbsence>,
    /// (person, category) -> the target's uid.
    target_uids: BTreeMap<(i64, i64), String>,
    actions: BTreeMap<i64, ActionRecord>,
    /// Ids are never reused, as with SQLite's AUTOINCREMENT.
    last_action_id: i64,
    /// id -> (person, payload, deleted at).
    trash: BTreeMap<i64, (i64, String, i64)>,
    followups: BTreeMap<i64, StoredFollowup>,
    /// Moves on with every unit of work that commits: the statistics' change stamp.
    revision: i64,
    /// Follow-up ids are never reused either (SQLite's AUTOINCREMENT).
    last_followup_id: i64,
    /// id -> (occurrence, missed, fired again at).
    occurrences: BTreeMap<i64, (OccurrenceRow, bool, Option<i64>)>,
}

#[derive(Debug, Clone)]
struct StoredAbsence {
    person_id: i64,
    from: String,
    to: String,
    reason: String,
    uid: String,
}

#[derive(Debug, Clone)]
struct StoredFollowup {
    new: NewFollowupRecord,
    uid: String,
    /// When, on which day and by which action it was closed; each apart, as SQLite keeps them (deleting the
    /// closing action forgets only the action).
    closed_at: Option<i64>,
    closed_date: Option<String>,
    closing_action_id: Option<i64>,
    deleted_at: Option<i64>,
}

/// A store held in memory.
#[derive(Debug, Default)]
pub struct MemoryStore {
    state: RefCell<State>,
}

/// The ports over a [`MemoryStore`].
pub struct Mem<'a>(&'a RefCell<State>);

/// SQLite's NOCASE: ASCII letters only.
fn nocase(text: &str) -> String {
    text.to_ascii_lowercase()
}

fn next_id<T>(map: &BTreeMap<i64, T>) -> i64 {
    map.keys().next_back().map_or(1, |last| last + 1)
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// Adds a catalogue entry of `kind` labelled with its key, last in its list; its id.
    pub fn add_catalogue_entry(&mut self, kind: Table, key: &str) -> i64 {
        let entry = NewEntry { key: key.into(), label: key.into(), colour: "#64748b".into(), value_kind: "value".into(), ..NewEntry::default() };
        Mem(&self.state).insert_entry(kind, &entry).expect("memory never fails")
    }

    /// Archives a catalogue entry.
    pub fn archive_catalogue_entry(&mut self, id: i64) {
        if let Some(entry) = self.state.borrow_mut().catalogue.get_mut(&id) {
            entry.record.archived = true;
        }
    }

    /// Adds a reminder rule of `person_id` counting from `active_from`; its id.
    pub fn add_rule(&mut self, person_id: i64, active_from: i64) -> i64 {
        let mut state = self.state.borrow_mut();
        let id = next_id(&state.rules);
        state.rules.insert(id, Rule { person_id, uid: new_uid(), created_at: active_from, active_from: None, record: None, paused: false });
        id
    }

    /// Stores a fired occurrence as the engine's pass does (`missed`: passed over, never delivered;
    /// `refired_at`: a snooze ended and it fired again); its id. Its person's name and zone come from the person.
    pub fn add_occurrence(&mut self, occurrence: OccurrenceRow, missed: bool, refired_at: Option<i64>) -> i64 {
        let mut state = self.state.borrow_mut();
        let id = next_id(&state.occurrences);
        let uid = if occurrence.uid.is_empty() { new_uid() } else { occurrence.uid.clone() };
        state.occurrences.insert(id, (OccurrenceRow { id, uid, ..occurrence }, missed, refired_at));
        id
    }

    /// When rule `id` counts from.
    pub fn rule_active_from(&self, id: i64) -> Option<i64> {
        self.state.borrow().rules.get(&id).map(|r| r.active_from.unwrap_or(r.created_at))
    }

    /// Rule `id`'s settings and whether it is paused, as stored.
    pub fn rule_record(&self, id: i64) -> Option<(RuleRecord, bool)> {
        self.state.borrow().rules.get(&id).and_then(|r| r.record.clone().map(|rec| (rec, r.paused)))
    }
}

impl Store for MemoryStore {
    type Repos<'a> = Mem<'a>;

    fn reader(&self) -> Mem<'_> {
        Mem(&self.state)
    }

    fn trial<T>(&mut self, f: impl FnOnce(&mut Mem<'_>) -> Result<T>) -> Result<T> {
        let before = self.state.borrow().clone();
        let out = f(&mut Mem(&self.state));
        *self.state.borrow_mut() = before;
        out
    }

    fn act<T>(&mut self, f: impl FnOnce(&mut Mem<'_>) -> Result<T>) -> Result<T> {
        let before = self.state.borrow().clone();
        let out = f(&mut Mem(&self.state));
        if out.is_err() {
            *self.state.borrow_mut() = before;
        } else {
            self.state.borrow_mut().revision += 1;
        }
        out
    }
}

impl Mem<'_> {
    fn key_of(state: &State, id: Option<i64>) -> Option<String> {
        id.and_then(|id| state.catalogue.get(&id)).map(|e| e.record.key.clone())
    }

    fn record(state: &State, id: i64, p: &StoredPerson) -> PersonRecord {
        PersonRecord {
            id,
            uid: p.uid.clone(),
            name: p.new.name.clone(),
            role: p.new.role.clone(),
            layer: Mem::key_of(state, p.new.layer_id),
            unit: Mem::key_of(state, p.new.unit_id),
            tz: p.new.tz.clone(),
            working_days: p.new.working_days,
            day_start: p.new.day_start,
            archived: p.archived_at.is_some(),
            archived_at: p.archived_at,
            created_at: p.new.created_at,
        }
    }
}

impl SettingsRepo for Mem<'_> {
    fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self.0.borrow().settings.get(key).cloned())
    }

    fn put_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.0.borrow_mut().settings.insert(key.to_string(), value.to_string());
        Ok(())
    }
}

impl DeviceSettingsRepo for Mem<'_> {
    fn device_setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self.0.borrow().device.get(key).cloned())
    }

    fn put_device_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.0.borrow_mut().device.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn clear_device_setting(&mut self, key: &str) -> Result<()> {
        self.0.borrow_mut().device.remove(key);
        Ok(())
    }
}


/// A random uid of 32 hex characters, as the SQLite store makes them.
fn new_uid() -> String {
    format!("{:032x}", fastrand::u128(..))
}
