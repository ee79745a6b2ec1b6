//! Storage ports: what the services (`crate::service`) need from a store, as traits per aggregate plus a unit
//! of work (one transaction), with no SQL and no storage type in sight.
//!
//! Two adapters implement them: `sqlite` (the one place SQL lives, over the desktop's file; [`crate::Db`] is
//! that store) and `memory` (plain maps; the services' unit tests run on it and on SQLite alike, which shows a
//! service does not depend on its store). Areas move behind these ports one by one (#12); the layout test
//! (`tests/tests/layout.rs`) lists the files that still hold SQL outside `store/sqlite/`.

pub mod memory;
pub mod sqlite;

use crate::domain::catalogue::Table;
use crate::domain::targets::{Absence, Target};
use crate::error::Result;
use crate::time::WorkingDays;

/// A person as stored: catalogue references as keys, the working days as a set, the day start in minutes.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonRecord {
    pub id: i64,
    pub uid: String,
    pub name: String,
    pub role: String,
    pub layer: Option<String>,
    pub unit: Option<String>,
    pub tz: String,
    pub working_days: WorkingDays,
    pub day_start: u32,
    pub archived: bool,
    /// When they were archived (milliseconds).
    pub archived_at: Option<i64>,
    /// Milliseconds since the epoch.
    pub created_at: i64,
}

/// A new person, validated, its catalogue references resolved to ids.
#[derive(Debug, Clone)]
pub struct NewPersonRecord {
    pub name: String,
    pub role: String,
    pub layer_id: Option<i64>,
    pub unit_id: Option<i64>,
    pub tz: String,
    pub working_days: WorkingDays,
    pub day_start: u32,
    /// Milliseconds since the epoch.
    pub created_at: i64,
    /// `None`: a new random one.
    pub uid: Option<String>,
}

/// An edit of a person, validated, its catalogue references resolved.
#[derive(Debug, Clone)]
pub struct PersonEdit {
    pub name: String,
    pub role: String,
    pub layer_id: Option<i64>,
    pub unit_id: Option<i64>,
    pub tz: Option<String>,
}

/// The people of the organisation.
pub trait PeopleRepo {
    /// One person, archived or not.
    fn person(&self, id: i64) -> Result<Option<PersonRecord>>;
    /// Everyone (the archived too when `archived_too`), by name, ignoring case.
    fn people(&self, archived_too: bool) -> Result<Vec<PersonRecord>>;
    /// The id of the person with this name, ignoring case.
    fn person_named(&self, name: &str) -> Result<Option<i64>>;
    /// Stores a new person; returns their id.
    fn insert_person(&mut self, person: &NewPersonRecord) -> Result<i64>;
    /// Archives (`Some(when)`, milliseconds) or restores (`None`) a person.
    fn set_person_archived(&mut self, id: i64, at: Option<i64>) -> Result<()>;
    /// Changes a person's name, role, layer, unit and zone (`None`: the zone stays).
    fn update_person(&mut self, id: i64, edit: &PersonEdit) -> Result<()>;
    /// The id of the person with this uid.
    fn person_by_uid(&self, uid: &str) -> Result<Option<i64>>;
    /// Gives person `id` another uid (one no other person has).
    fn set_person_uid(&mut self, id: i64, uid: &str) -> Result<()>;
}

/// A catalogue entry as stored. Fields its kind does not have hold their defaults: a colour and a rank for
/// categories (layers have a rank too), `external` and units for channels, `value_kind` for values.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EntryRecord {
    pub id: i64,
    pub uid: String,
    pub key: String,
    pub label: String,
    pub archived: bool,
    pub colour: String,
    pub external: bool,
    /// `value` or `theme`.
    pub value_kind: String,
    pub rank: i64,
    /// The unit keys a channel is meant for, sorted.
    pub units: Vec<String>,
}

/// A new catalogue entry; `rank: None` ranks it after the last (categories and layers).
#[derive(Debug, Clone, Default)]
pub struct NewEntry {
    /// `None`: a new random one.
    pub uid: Option<String>,
    pub key: String,
    pub label: String,
    pub colour: String,
    pub external: bool,
    pub value_kind: String,
    pub rank: Option<i64>,
}

/// A change to an entry: the fields given change.
#[derive(Debug, Clone, Default)]
pub struct EntryChange {
    pub label: Option<String>,
    pub colour: Option<String>,
    pub value_kind: Option<String>,
    pub external: Option<bool>,
    pub archived: Option<bool>,
    /// Categories and layers only.
    pub rank: Option<i64>,
    /// Another uid (one no other entry of its kind has).
    pub uid: Option<String>,
}

/// The organisation's catalogue (categories, channels, layers, units, values).
pub trait CatalogRepo {
    /// The id of the live (not archived) entry `key` of `kind`.
    fn live_key(&self, kind: Table, key: &str) -> Result<Option<i64>>;
    /// The id of entry `key` of `kind`, archived or not.
    fn entry_id(&self, kind: Table, key: &str) -> Result<Option<i64>>;
    /// Every entry of `kind`, archived too, by id.
    fn entries(&self, kind: Table) -> Result<Vec<EntryRecord>>;
    /// Stores a new entry; its id.
    fn insert_entry(&mut self, kind: Table, entry: &NewEntry) -> Result<i64>;
    /// Changes entry `id` of `kind`.
    fn change_entry(&mut self, kind: Table, id: i64, change: &EntryChange) -> Result<()>;
    /// Scopes a channel to a unit as well (nothing changes when it already is).
    fn add_channel_unit(&mut self, channel_id: i64, unit_id: i64) -> Result<()>;
    /// Makes a channel meant for everyone again.
    fn clear_channel_units(&mut self, channel_id: i64) -> Result<()>;
    /// The category marked with `role` (such as where closed promises are logged), archived or not.
    fn category_with_role(&self, role: &str) -> Result<Option<i64>>;
    /// Marks category `id` with `role`.
    fn set_category_role(&mut self, id: i64, role: &str) -> Result<()>;
}

/// Settings of the shared data (not this device's: see [`DeviceSettingsRepo`]).
pub trait SettingsRepo {
    fn setting(&self, key: &str) -> Result<Option<String>>;
    fn put_setting(&mut self, key: &str, value: &str) -> Result<()>;
}

/// A reminder rule's settings, validated: references by id, times as `HH:MM`, weekdays as bits.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleRecord {
    pub person_id: i64,
    pub created_by: Option<i64>,
    pub kind: crate::reminders::engine::Kind,
    pub at: String,
    pub weekdays: Option<i64>,
    pub category_id: Option<i64>,
    pub after_days: Option<u32>,
    pub threshold: Option<f64>,
    pub drop_points: Option<f64>,
    pub min_streak: Option<u32>,
    pub quiet_from: Option<String>,
    pub quiet_to: Option<String>,
}

/// Reminder rules (their occurrences: [`OccurrencesRepo`]).
pub trait RulesRepo {
    /// The person's reminder rules count from `from` (milliseconds) on: what fell due before is not caught up.
    fn restart_rules_of(&mut self, person_id: i64, from: i64) -> Result<()>;
    /// Stores a new rule made at `created_at` (milliseconds), with a new uid; its id.
    fn insert_rule(&mut self, rule: &RuleRecord, created_at: i64) -> Result<i64>;
    /// Replaces rule `id`'s settings (its maker only when given); it counts from `active_from` on. False when
    /// there is no such rule.
    fn replace_rule(&mut self, id: i64, rule: &RuleRecord, active_from: i64) -> Result<bool>;
    /// Pauses or resumes rule `id`; a resumed rule counts from `now` on. False when there is no such rule.
    fn set_rule_paused(&mut self, id: i64, paused: bool, now: i64) -> Result<bool>;
    /// Deletes rule `id` and its occurrences. False when there was none.
    fn delete_rule(&mut self, id: i64) -> Result<bool>;
    /// Whether rule `id` exists.
    fn has_rule(&self, id: i64) -> Result<bool>;
    /// Stores a rule under its uid as it travels (paused or not, made and counting from when it says); false
    /// when a rule with this uid is here already.
    fn put_rule(&mut self, uid: &str, rule: &RuleRecord, paused: bool, created_at: i64, active_from: Option<i64>) -> Result<bool>;
    /// Rule `id` as read.
    fn rule_row(&self, id: i64) -> Result<Option<RuleRow>>;
    /// The rules of one person or everyone, by the person's name (as written, byte by byte), then id.
    fn rule_rows(&self, person_id: Option<i64>) -> Result<Vec<RuleRow>>;
}

/// A reminder rule as read, with its person's and its maker's names; its category by key.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleRow {
    pub id: i64,
    pub uid: String,
    pub person_id: i64,
    pub person_name: String,
    pub person_archived: bool,
    pub created_by: Option<i64>,
    pub created_by_name: Option<String>,
    /// As stored: an unknown kind is refused when the rule is read.
    pub kind: String,
    pub at: String,
    pub weekdays: Option<i64>,
    pub category: Option<String>,
    pub after_days: Option<u32>,
    pub threshold: Option<f64>,
    pub drop_points: Option<f64>,
    pub min_streak: Option<u32>,
    pub quiet_from: Option<String>,
    pub quiet_to: Option<String>,
    pub paused: bool,
    /// Milliseconds since the epoch.
    pub created_at: i64,
    /// When it was last edited or resumed (milliseconds), if ever: it counts from then, else from its creation.
    pub active_from: Option<i64>,
}

/// This device's own settings (language, shortcut, who "I" am, the device id): never shared.
pub trait DeviceSettingsRepo {
    fn device_setting(&self, key: &str) -> Result<Option<String>>;
    fn put_device_setting(&mut self, key: &str, value: &str) -> Result<()>;
    fn clear_device_setting(&mut self, key: &str) -> Result<()>;
}

/// A live category and the person's stored target in it, when one is set.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryTargetRecord {
    pub key: String,
    pub label: String,
    pub colour: String,
    pub target: Option<Target>,
}

/// A stored target, with its uid.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetRow {
    pub person_id: i64,
    pub category_id: i64,
    pub target: Target,
    pub uid: String,
}

/// Whether a history entry for a day that already has one replaces it or is left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnSameDay {
    Replace,
    Keep,
}

/// A person's rhythm over time: targets, working days and day start (each with its history), and absences.
pub trait RhythmRepo {
    /// Every live category, by rank, with the person's stored target in it.
    fn category_targets(&self, person_id: i64) -> Result<Vec<CategoryTargetRecord>>;
    /// The person's stored target in a category.
    fn stored_target(&self, person_id: i64, category_id: i64) -> Result<Option<Target>>;
    /// Sets the person's current target in a category.
    fn put_target(&mut self, person_id: i64, category_id: i64, target: Target) -> Result<()>;
    /// Records that from `from` (a date, or the start of history) the target was `target` (`None`: default).
    fn put_target_history(&mut self, person_id: i64, category_id: i64, from: &str, target: Option<Target>, same: OnSameDay) -> Result<()>;
    /// `(category key, from, target)`, by key then date.
    fn target_history(&self, person_id: i64) -> Result<Vec<(String, String, Option<Target>)>>;
    /// Sets the person's current working days and day start.
    fn put_rhythm(&mut self, person_id: i64, days: WorkingDays, day_start: u32) -> Result<()>;
    /// Records that from `from` the person's rhythm was `days` and `day_start`.
    fn put_rhythm_history(&mut self, person_id: i64, from: &str, days: WorkingDays, day_start: u32, same: OnSameDay) -> Result<()>;
    /// `(from, working days, day start)`, by date.
    fn rhythm_history(&self, person_id: i64) -> Result<Vec<(String, WorkingDays, u32)>>;
    /// The person's stored target in a category, with its uid.
    fn target_row(&self, person_id: i64, category_id: i64) -> Result<Option<TargetRow>>;
    /// Every stored target of everyone, by person id then category id.
    fn all_targets(&self) -> Result<Vec<TargetRow>>;
    /// Gives the person's target in a category another uid (one no other target has).
    fn set_target_uid(&mut self, person_id: i64, category_id: i64, uid: &str) -> Result<()>;
    /// Forgets the person's target history in a category.
    fn clear_target_history(&mut self, person_id: i64, category_id: i64) -> Result<()>;
    /// Stores an absence under its uid as it travels; false when one with this uid is here already.
    fn put_absence(&mut self, uid: &str, person_id: i64, from: &str, to: &str, reason: &str) -> Result<bool>;
    /// Stores an absence (dates as `YYYY-MM-DD`); its id.
    fn insert_absence(&mut self, person_id: i64, from: &str, to: &str, reason: &str) -> Result<i64>;
    /// Removes an absence; false when there was none.
    fn delete_absence(&mut self, id: i64) -> Result<bool>;
    /// The absences of one person or everyone, by start date then id.
    fn absences(&self, person_id: Option<i64>) -> Result<Vec<Absence>>;
    /// `(from, to)` of the person's absences overlapping `[from, to]` (dates as `YYYY-MM-DD`).
    fn absence_ranges(&self, person_id: i64, from: &str, to: &str) -> Result<Vec<(String, String)>>;
}

/// An action as stored: references by id, instants in milliseconds, the local date as `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ActionRecord {
    pub person_id: i64,
    pub category_id: i64,
    pub occurred_at: i64,
    pub local_date: String,
    pub tz: String,
    pub note: String,
    pub channel_id: Option<i64>,
    pub logged_by: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    /// Empty in a trash entry written before uids; the store then makes one.
    #[serde(default)]
    pub uid: Option<String>,
    pub layers: Vec<i64>,
    pub units: Vec<i64>,
    pub values: Vec<i64>,
}

/// An action as read for showing: references by key and name.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionRow {
    pub id: i64,
    pub uid: String,
    pub person_id: i64,
    pub person_name: String,
    pub category: String,
    pub occurred_at: i64,
    pub local_date: String,
    pub tz: String,
    pub note: String,
    pub channel: Option<String>,
    pub logged_by: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    pub layers: Vec<String>,
    pub units: Vec<String>,
    pub values: Vec<String>,
}

/// Which actions: one person's or everyone's, between two local dates (inclusive, `YYYY-MM-DD`).
#[derive(Debug, Clone, Default)]
pub struct ActionFilter {
    pub person_id: Option<i64>,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// Leadership actions, and the deleted ones kept for undo.
pub trait ActionsRepo {
    /// Stores a new action with its links (a new uid when it has none); its id.
    fn insert_action(&mut self, action: &ActionRecord) -> Result<i64>;
    /// Stores many new actions at once (demo data, millions of rows): as [`ActionsRepo::insert_action`] each,
    /// which a store may do faster together.
    fn insert_actions(&mut self, actions: &[ActionRecord]) -> Result<()> {
        for action in actions {
            self.insert_action(action)?;
        }
        Ok(())
    }
    /// Stores an action under the id it had (undo of a delete).
    fn reinsert_action(&mut self, id: i64, action: &ActionRecord) -> Result<()>;
    /// Replaces action `id`'s fields and links; its uid and creation stay.
    fn replace_action(&mut self, id: i64, action: &ActionRecord) -> Result<()>;
    /// Removes action `id` and its links.
    fn remove_action(&mut self, id: i64) -> Result<()>;
    /// Action `id` as stored.
    fn action_record(&self, id: i64) -> Result<Option<ActionRecord>>;
    /// The id of the action with this uid.
    fn action_by_uid(&self, uid: &str) -> Result<Option<i64>>;
    /// Action `id` for showing.
    fn action_row(&self, id: i64) -> Result<Option<ActionRow>>;
    /// The actions `filter` selects, by local date, instant, then id.
    fn action_rows(&self, filter: &ActionFilter) -> Result<Vec<ActionRow>>;
    /// `(local date, number of actions)` of the dates `filter` selects that have actions, by date.
    fn day_counts(&self, filter: &ActionFilter) -> Result<Vec<(String, i64)>>;
    /// Keeps a deleted action (as `payload`) for undo.
    fn put_trash(&mut self, id: i64, person_id: i64, payload: &str, deleted_at: i64) -> Result<()>;
    /// The kept payload of deleted action `id`.
    fn trash(&self, id: i64) -> Result<Option<String>>;
    /// Forgets deleted action `id`.
    fn drop_trash(&mut self, id: i64) -> Result<()>;
    /// Forgets deleted actions and follow-ups deleted before `cutoff` (milliseconds); how many.
    fn purge_deleted_before(&mut self, cutoff: i64) -> Result<usize>;
}

/// A new follow-up (a promise), validated.
#[derive(Debug, Clone)]
pub struct NewFollowupRecord {
    pub person_id: i64,
    pub text: String,
    /// `YYYY-MM-DD`.
    pub due: String,
    pub from_action_id: Option<i64>,
    /// Milliseconds since the epoch.
    pub created_at: i64,
}

/// A follow-up as read, with its person's name, zone and day start (which fix its dates and status).
#[derive(Debug, Clone, PartialEq)]
pub struct FollowupRow {
    pub id: i64,
    pub uid: String,
    pub person_id: i64,
    pub person_name: String,
    pub text: String,
    pub due: String,
    pub from_action_id: Option<i64>,
    pub closed_date: Option<String>,
    pub closing_action_id: Option<i64>,
    pub created_at: i64,
    pub tz: String,
    pub day_start: u32,
}

/// Follow-ups, and the deleted ones kept for undo.
pub trait FollowupsRepo {
    /// Stores a new follow-up with a new uid; its id.
    fn insert_followup(&mut self, followup: &NewFollowupRecord) -> Result<i64>;
    /// Follow-up `id`, unless deleted.
    fn followup_row(&self, id: i64) -> Result<Option<FollowupRow>>;
    /// The follow-ups (not deleted) of one person, or of everyone not archived; open ones first by due date,
    /// then closed ones by due date, then by id.
    fn followup_rows(&self, person_id: Option<i64>) -> Result<Vec<FollowupRow>>;
    /// Sets a follow-up's text and due date.
    fn edit_followup(&mut self, id: i64, text: &str, due: &str) -> Result<()>;
    /// Marks follow-up `id` deleted at `at` (milliseconds).
    fn delete_followup(&mut self, id: i64, at: i64) -> Result<()>;
    /// Brings deleted follow-up `id` back; false when it was not deleted.
    fn undelete_followup(&mut self, id: i64) -> Result<bool>;
    /// Closes follow-up `id` at `at` (milliseconds) on local `date`, kept by action `action_id`.
    fn close_followup(&mut self, id: i64, at: i64, date: &str, action_id: i64) -> Result<()>;
    /// The id of the follow-up with this uid, deleted or not.
    fn followup_by_uid(&self, uid: &str) -> Result<Option<i64>>;
    /// Every follow-up not deleted, of everyone (archived too), by id.
    fn followup_records(&self) -> Result<Vec<FollowupRecord>>;
    /// Stores a follow-up under its uid as it travels (`id` is not read); false when one with this uid is here.
    fn put_followup(&mut self, followup: &FollowupRecord) -> Result<bool>;
}

/// A follow-up whole, as it travels: references by id, instants in milliseconds.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowupRecord {
    pub id: i64,
    pub uid: String,
    pub person_id: i64,
    pub text: String,
    pub due: String,
    pub from_action_id: Option<i64>,
    pub created_at: i64,
    pub closed_at: Option<i64>,
    pub closed_date: Option<String>,
    pub closing_action_id: Option<i64>,
}

/// A fired reminder occurrence as read, with its person's name and zone. Instants in milliseconds.
#[derive(Debug, Clone, PartialEq)]
pub struct OccurrenceRow {
    pub id: i64,
    pub uid: String,
    pub rule_id: i64,
    pub person_id: i64,
    pub person_name: String,
    pub tz: String,
    pub kind: String,
    pub category: Option<String>,
    pub followup_id: Option<i64>,
    pub key: String,
    pub fire_at: i64,
    pub fired_at: i64,
    pub late: bool,
    pub state: String,
    pub snoozed_until: Option<i64>,
    pub seen: bool,
    pub title: String,
    pub body: String,
    /// What it says, as data (JSON); absent for what fired before schema 9.
    pub notice: Option<String>,
}

/// The reminder occurrences that fired: the inbox behind the notifications.
pub trait OccurrencesRepo {
    /// Occurrence `id`, whatever its state.
    fn occurrence(&self, id: i64) -> Result<Option<OccurrenceRow>>;
    /// The delivered (not missed), live occurrences (person not archived, promise not deleted): waiting ones
    /// (`fired`, `snoozed`) or, with `all`, every state; the newest (fired or fired again) first, at most `limit`.
    fn inbox_rows(&self, all: bool, limit: usize) -> Result<Vec<OccurrenceRow>>;
    /// How many live occurrences are `fired` and not seen.
    fn unread(&self) -> Result<u32>;
    /// Sets an occurrence's state (and when a snooze ends), marking it seen.
    fn set_occurrence_state(&mut self, id: i64, state: &str, snoozed_until: Option<i64>) -> Result<()>;
    /// Snoozes every `fired` occurrence until `until`, marking them seen; how many.
    fn snooze_fired(&mut self, until: i64) -> Result<u32>;
    /// Marks every `fired` occurrence seen.
    fn mark_fired_seen(&mut self) -> Result<()>;
    /// Every stored occurrence (of one rule, or all), missed ones too.
    fn occurrence_keys(&self, rule_id: Option<i64>) -> Result<Vec<OccurrenceKey>>;
    /// Fires again, unseen, every live `snoozed` occurrence whose snooze ended by `now`; their ids.
    fn refire_snoozed(&mut self, now: i64) -> Result<Vec<i64>>;
    /// Every stored occurrence whole, by id.
    fn occurrence_records(&self) -> Result<Vec<OccurrenceRecord>>;
    /// Stores an occurrence (what a pass found, or one as it travels); its id, `None` when one with its uid is
    /// here already or its rule has one with its key.
    fn put_occurrence(&mut self, occurrence: &OccurrenceRecord) -> Result<Option<i64>>;
}

/// An occurrence whole, as it travels: references by id, instants in milliseconds.
#[derive(Debug, Clone, PartialEq)]
pub struct OccurrenceRecord {
    /// Empty in a document without occurrence uids: the store then makes one.
    pub uid: String,
    pub rule_id: i64,
    pub key: String,
    pub person_id: i64,
    pub kind: String,
    pub category: Option<String>,
    pub followup_id: Option<i64>,
    pub fire_at: i64,
    pub fired_at: i64,
    pub late: bool,
    pub state: String,
    pub snoozed_until: Option<i64>,
    pub refired_at: Option<i64>,
    pub seen: bool,
    pub title: String,
    pub body: String,
    /// What it says, as data (JSON); absent for what fired before schema 9.
    pub notice: Option<String>,
    pub missed: bool,
}

/// What identifies a stored occurrence, and when it was due (milliseconds).
#[derive(Debug, Clone, PartialEq)]
pub struct OccurrenceKey {
    pub rule_id: i64,
    pub key: String,
    pub followup_id: Option<i64>,
    pub fire_at: i64,
}

/// What the statistics read of a person's actions, grouped as a hand-written report would.
pub trait StatsRepo {
    /// `(local date, category id, count)` of the person's actions up to `as_of`, grouped by date and category.
    fn day_category_counts(&self, person_id: i64, as_of: chrono::NaiveDate) -> Result<Vec<(chrono::NaiveDate, i64, u32)>>;
    /// A stamp that changes whenever the person's actions, or the settings behind a score (targets, rhythm,
    /// absences, people, categories), change: `(the person's revision, the shared revision)`.
    fn stats_stamp(&self, person_id: i64) -> Result<(i64, i64)>;
    /// `(channel id, count)` of the person's actions with a channel between two dates (inclusive, `YYYY-MM-DD`).
    fn channel_counts(&self, person_id: i64, from: &str, to: &str) -> Result<Vec<(i64, u32)>>;
    /// For a layer, unit or value (`kind`, id): the last local date up to `as_of` the person's actions reached
    /// it, and how many of them did between `from` and `as_of`.
    fn link_use(&self, kind: Table, person_id: i64, target_id: i64, from: &str, as_of: &str) -> Result<(Option<String>, u32)>;
    /// `(category key, local date)`: the last date up to `as_of` the person logged in each category that has one.
    fn last_action_dates(&self, person_id: i64, as_of: &str) -> Result<Vec<(String, String)>>;
    /// How many records of each kind are stored (`people`, `actions`, ..., as an import reports them).
    fn record_counts(&self) -> Result<Vec<(&'static str, i64)>>;
}

/// The kinds of record [`StatsRepo::record_counts`] counts, in the order an import report lists them.
pub const RECORD_KINDS: [&str; 12] =
    ["people", "actions", "followups", "absences", "targets", "reminderRules", "reminderOccurrences", "values", "categories", "channels", "units", "layers"];

/// Every port, for services that need several.
pub trait Repos:
    PeopleRepo
    + CatalogRepo
    + SettingsRepo
    + RulesRepo
    + DeviceSettingsRepo
    + RhythmRepo
    + ActionsRepo
    + FollowupsRepo
    + OccurrencesRepo
    + StatsRepo
{
}
impl<T> Repos for T where
    T: PeopleRepo
        + CatalogRepo
        + SettingsRepo
        + RulesRepo
        + DeviceSettingsRepo
        + RhythmRepo
        + ActionsRepo
        + FollowupsRepo
        + OccurrencesRepo
        + StatsRepo
{
}

/// A store: its ports to read, and a unit of work in which a service's writes happen as one (all of them, or
/// none, also when the service fails half-way).
pub trait Store {
    type Repos<'a>: Repos
    where
        Self: 'a;
    /// The ports, to read.
    fn reader(&self) -> Self::Repos<'_>;
    /// Runs `f` as one transaction: committed when it returns `Ok`, rolled back entirely when it fails.
    fn act<T>(&mut self, f: impl FnOnce(&mut Self::Repos<'_>) -> Result<T>) -> Result<T>;
    /// Runs `f` as one transaction and rolls it back whatever it returns: a dry run of writes.
    fn trial<T>(&mut self, f: impl FnOnce(&mut Self::Repos<'_>) -> Result<T>) -> Result<T>;
}
