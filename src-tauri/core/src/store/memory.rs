//! The in-memory adapter of the storage ports: plain maps, no file. The services' unit tests run on it as on
//! SQLite, which keeps the services honest about their ports: a second store (Cadence Team's) needs no service
//! change. Its unit of work keeps a copy of the state and puts it back when the work fails.

use std::cell::RefCell;
use std::collections::BTreeMap;

use crate::domain::catalogue::Table;
use crate::domain::targets::{Absence, Target};
use crate::error::Result;
use crate::store::{
    ActionFilter, ActionRecord, ActionRow, ActionsRepo, CatalogRepo, FollowupRow, FollowupsRepo, NewFollowupRecord, OccurrenceRow,
    OccurrencesRepo, NewOccurrence, OccurrenceKey, OccurrenceRecord, FollowupRecord, TargetRow, RuleRecord, RuleRow, StatsRepo, CategoryTargetRecord, DeviceSettingsRepo, EntryChange, EntryRecord, NewEntry, NewPersonRecord, OnSameDay, PeopleRepo,
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
        state.occurrences.insert(id, (OccurrenceRow { id, ..occurrence }, missed, refired_at));
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

impl SettingsRepo for Mem<'_> {
    fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self.0.borrow().settings.get(key).cloned())
    }

    fn put_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.0.borrow_mut().settings.insert(key.to_string(), value.to_string());
        Ok(())
    }
}

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

/// A random uid of 32 hex characters, as the SQLite store makes them.
fn new_uid() -> String {
    format!("{:032x}", fastrand::u128(..))
}

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

    fn insert_occurrence(&mut self, n: &NewOccurrence) -> Result<Option<i64>> {
        let mut state = self.0.borrow_mut();
        if state.occurrences.values().any(|(o, _, _)| o.rule_id == n.rule_id && o.key == n.key) {
            return Ok(None);
        }
        let id = next_id(&state.occurrences);
        let row = OccurrenceRow {
            id,
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
            state: if n.missed { "dismissed" } else { "fired" }.into(),
            snoozed_until: None,
            seen: false,
            title: n.title.clone(),
            body: n.body.clone(),
            notice: n.notice.clone(),
        };
        state.occurrences.insert(id, (row, n.missed, None));
        Ok(Some(id))
    }

    fn occurrence_records(&self) -> Result<Vec<OccurrenceRecord>> {
        Ok(self
            .0
            .borrow()
            .occurrences
            .values()
            .map(|(o, missed, refired_at)| OccurrenceRecord {
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

    fn put_occurrence(&mut self, n: &OccurrenceRecord) -> Result<bool> {
        let mut state = self.0.borrow_mut();
        if state.occurrences.values().any(|(o, _, _)| o.rule_id == n.rule_id && o.key == n.key) {
            return Ok(false);
        }
        let id = next_id(&state.occurrences);
        let row = OccurrenceRow {
            id,
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
        Ok(true)
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
