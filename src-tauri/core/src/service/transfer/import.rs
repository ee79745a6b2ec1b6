//! The import of a document: each record checked as the window checks it and written through the ports,
//! matched as `super` describes; an error names the record's field.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::err;
use crate::domain::catalogue::Table;
use crate::domain::targets::{Per, Target};
use crate::error::{CoreError, Result};
use crate::i18n::Msg;
use crate::service::people::SELF_KEY;
use crate::store::{
    ActionRecord, EntryChange, EntryRecord, FollowupRecord, NewEntry, NewPersonRecord, OccurrenceRecord, OnSameDay, Repos, RuleRecord,
};
use crate::time::{parse_day_start, WorkingDays, Zone};
use crate::transfer::changes::{diff, Change};
use crate::transfer::{Entry, ExportDoc, PersonEntry};

fn flag(b: bool) -> String {
    i64::from(b).to_string()
}

/// The entry's fields an import may change, as the change list shows them, in the order of `fields`.
fn shown(e: &EntryRecord, kind: Table) -> Vec<String> {
    match kind {
        Table::Category => vec![e.label.clone(), e.colour.clone(), flag(e.archived)],
        Table::Channel => vec![e.label.clone(), flag(e.external), flag(e.archived)],
        Table::Value => vec![e.label.clone(), e.value_kind.clone(), flag(e.archived)],
        Table::Layer | Table::Unit => vec![e.label.clone(), flag(e.archived)],
    }
}

/// The catalogue of one kind: its entries by key and the uids in use.
struct Catalogue {
    by_key: HashMap<String, EntryRecord>,
    uids: HashSet<String>,
}

impl Catalogue {
    fn load(repos: &impl Repos, kind: Table) -> Result<Catalogue> {
        let entries = repos.entries(kind)?;
        Ok(Catalogue { uids: entries.iter().map(|e| e.uid.clone()).collect(), by_key: entries.into_iter().map(|e| (e.key.clone(), e)).collect() })
    }
}

/// Writes one catalogue entry of the document: a new one keeps the file's uid (unless another entry has it);
/// one here takes the file's label, colour, rank and archived state, and the lesser of the two uids.
fn put_entry(repos: &mut impl Repos, kind: Table, list: &str, i: usize, e: &Entry, changed: &mut Vec<Change>) -> Result<i64> {
    check_key(&e.key, format!("{list}[{i}].key"))?;
    let colour = e.colour.clone().unwrap_or_else(|| "#64748b".into());
    let external = e.external.unwrap_or(false);
    let value_kind = e.kind.clone().unwrap_or_else(|| "value".into());
    if kind == Table::Value && value_kind != "value" && value_kind != "theme" {
        return Err(err(format!("{list}[{i}].kind"), Msg::new("value.kind.needed")));
    }
    if !e.uid.is_empty() {
        check_uid(&e.uid, format!("{list}[{i}].uid"))?;
    }
    let fields: Vec<(&str, String)> = match kind {
        Table::Category => vec![("label", e.label.clone()), ("colour", colour.clone()), ("archived", flag(e.archived))],
        Table::Channel => vec![("label", e.label.clone()), ("external", flag(external)), ("archived", flag(e.archived))],
        Table::Value => vec![("label", e.label.clone()), ("kind", value_kind.clone()), ("archived", flag(e.archived))],
        Table::Layer | Table::Unit => vec![("label", e.label.clone()), ("archived", flag(e.archived))],
    };
    let here = Catalogue::load(repos, kind)?;
    let free_uid = (!e.uid.is_empty() && !here.uids.contains(&e.uid)).then(|| e.uid.clone());
    let ranked = matches!(kind, Table::Category | Table::Layer);
    let change = EntryChange {
        label: Some(e.label.clone()),
        colour: Some(colour.clone()),
        value_kind: Some(value_kind.clone()),
        external: Some(external),
        archived: Some(e.archived),
        rank: ranked.then_some(e.rank),
        uid: None,
    };
    match here.by_key.get(&e.key) {
        Some(current) => {
            diff(kind.entity(), &e.key, Some(shown(current, kind)), &fields, changed);
            let uid = free_uid.filter(|u| *u < current.uid);
            repos.change_entry(kind, current.id, &EntryChange { uid, ..change })?;
            Ok(current.id)
        }
        None => {
            let new = NewEntry {
                uid: free_uid,
                key: e.key.clone(),
                label: e.label.clone(),
                colour,
                external,
                value_kind,
                rank: ranked.then_some(e.rank),
            };
            let id = repos.insert_entry(kind, &new)?;
            if e.archived {
                repos.change_entry(kind, id, &EntryChange { archived: Some(true), ..EntryChange::default() })?;
            }
            Ok(id)
        }
    }
}

/// The ids here of one kind's entries, by key (archived too: an import may refer to them).
fn ids(repos: &impl Repos, kind: Table) -> Result<HashMap<String, i64>> {
    Ok(repos.entries(kind)?.into_iter().map(|e| (e.key, e.id)).collect())
}

fn id_of(map: &HashMap<String, i64>, key: &str, field: String) -> Result<i64> {
    map.get(key).copied().ok_or_else(|| err(field, Msg::new("import.unknown_ref").arg("key", key)))
}

fn opt_id(map: &HashMap<String, i64>, key: Option<&str>, field: String) -> Result<Option<i64>> {
    key.map(|k| id_of(map, k, field)).transpose()
}

/// A record named by uid (an action, a promise, a rule), found here.
fn by_uid(found: Option<i64>, uid: &str, field: String) -> Result<i64> {
    found.ok_or_else(|| err(field, Msg::new("import.unknown_ref").arg("key", uid)))
}

/// The document's people as matched or made here: the document's name (ignoring case) -> the id here.
struct Known(HashMap<String, i64>);

impl Known {
    /// The id here of the document's person `name`: the one matched by uid, else the one of that name.
    fn id(&self, repos: &impl Repos, name: &str, field: String) -> Result<i64> {
        match self.0.get(&nocase(name)) {
            Some(id) => Ok(*id),
            None => repos.person_named(name)?.ok_or_else(|| err(field, Msg::new("import.unknown_ref").arg("key", name))),
        }
    }

    fn opt_id(&self, repos: &impl Repos, name: Option<&str>, field: String) -> Result<Option<i64>> {
        name.map(|n| self.id(repos, n, field)).transpose()
    }
}

/// Writes a document into the unit of work; returns how many of its records were here already.
pub(super) fn import_doc(repos: &mut impl Repos, doc: &ExportDoc, changed: &mut Vec<Change>) -> Result<u64> {
    let mut skipped = 0u64;
    let none = |added: bool| u64::from(!added);
    // The catalogue takes the file's labels, colours and ranks: they are the organisation's own words.
    for (i, e) in doc.layers.iter().enumerate() {
        put_entry(repos, Table::Layer, "layers", i, e, changed)?;
    }
    for (i, e) in doc.units.iter().enumerate() {
        put_entry(repos, Table::Unit, "units", i, e, changed)?;
    }
    for (i, e) in doc.categories.iter().enumerate() {
        put_entry(repos, Table::Category, "categories", i, e, changed)?;
    }
    let units = ids(repos, Table::Unit)?;
    for (i, e) in doc.channels.iter().enumerate() {
        let channel = put_entry(repos, Table::Channel, "channels", i, e, changed)?;
        let mut linked: BTreeSet<String> =
            repos.entries(Table::Channel)?.into_iter().find(|c| c.id == channel).map(|c| c.units.into_iter().collect()).unwrap_or_default();
        for unit in e.units.iter().flatten() {
            let unit_id = id_of(&units, unit, format!("channels[{i}].units"))?;
            if linked.insert(unit.clone()) {
                repos.add_channel_unit(channel, unit_id)?;
            }
        }
    }
    for (i, e) in doc.values.iter().enumerate() {
        put_entry(repos, Table::Value, "values", i, e, changed)?;
    }
    let (layers, categories, channels, values) =
        (ids(repos, Table::Layer)?, ids(repos, Table::Category)?, ids(repos, Table::Channel)?, ids(repos, Table::Value)?);

    // People this import adds bring their rhythm and target history; people already here keep theirs.
    let mut new_people: Vec<(usize, i64)> = Vec::new();
    let mut known = Known(HashMap::new());
    // The row here each of the file's people was matched to or made as: id -> index in the file.
    let mut claimed: HashMap<i64, usize> = HashMap::new();
    for (i, p) in doc.people.iter().enumerate() {
        let field = |f: &str| format!("people[{i}].{f}");
        if p.name.trim().is_empty() || p.name.trim().parse::<i64>().is_ok() {
            return Err(err(field("name"), Msg::new("import.name")));
        }
        Zone::parse(&p.tz).map_err(|_| err(field("tz"), Msg::new("import.tz.unknown").arg("tz", &p.tz)))?;
        let days = WorkingDays::parse(&p.working_days.join(",")).map_err(|_| err(field("workingDays"), Msg::new("import.weekdays")))?;
        let start = parse_day_start(&p.day_start).map_err(|_| err(field("dayStart"), Msg::new("import.day_start")))?;
        let layer = opt_id(&layers, p.layer.as_deref(), field("layer"))?;
        let unit = opt_id(&units, p.unit.as_deref(), field("unit"))?;
        // The same person, by uid, is already here, whatever their name is now; a document without uids (before
        // version 3), or one whose person was made apart here, names them (and the two copies then keep the
        // lesser uid, as for the catalogue). Two of the file's people are never one person here.
        if !p.uid.is_empty() {
            check_uid(&p.uid, field("uid"))?;
        }
        let found_by_uid = if p.uid.is_empty() { None } else { repos.person_by_uid(&p.uid)? };
        let here = match found_by_uid {
            Some(id) => Some(id),
            None => repos.person_named(p.name.trim())?,
        };
        if let Some(id) = here {
            if let Some(other) = claimed.insert(id, i) {
                return Err(err(field("name"), Msg::new("import.person.twice").arg("other", other)));
            }
            if found_by_uid.is_none() && !p.uid.is_empty() {
                let current = repos.person(id)?.map(|p| p.uid).unwrap_or_default();
                if p.uid < current && repos.person_by_uid(&p.uid)?.is_none() {
                    repos.set_person_uid(id, &p.uid)?;
                }
            }
            known.0.insert(nocase(&p.name), id);
            skipped += 1;
            continue;
        }
        let id = repos.insert_person(&NewPersonRecord {
            name: p.name.trim().to_string(),
            role: p.role.clone(),
            layer_id: layer,
            unit_id: unit,
            tz: p.tz.clone(),
            working_days: days,
            day_start: start,
            created_at: p.created_at,
            uid: (!p.uid.is_empty()).then(|| p.uid.clone()),
        })?;
        if p.archived_at.is_some() {
            repos.set_person_archived(id, p.archived_at)?;
        }
        claimed.insert(id, i);
        known.0.insert(nocase(&p.name), id);
        new_people.push((i, id));
    }
    if let Some(me) = &doc.me {
        let id = known.id(repos, me, "me".into())?;
        if repos.device_setting(SELF_KEY)?.is_none() {
            repos.put_device_setting(SELF_KEY, &id.to_string())?;
        }
    }

    // The targets here, kept up to date as the import writes them (read once: there may be thousands).
    let mut targets: HashMap<(i64, i64), crate::store::TargetRow> =
        repos.all_targets()?.into_iter().map(|t| ((t.person_id, t.category_id), t)).collect();
    let mut target_uids: HashSet<String> = targets.values().map(|t| t.uid.clone()).collect();
    for (i, t) in doc.targets.iter().enumerate() {
        let person = known.id(repos, &t.person, format!("targets[{i}].person"))?;
        let category = id_of(&categories, &t.category, format!("targets[{i}].category"))?;
        let per = Per::parse(&t.per).map_err(|_| err(format!("targets[{i}].per"), Msg::new("import.per")))?;
        if !(1..=100).contains(&t.times) {
            return Err(err(format!("targets[{i}].times"), Msg::new("range").arg("min", 1).arg("max", 100)));
        }
        let current = targets.get(&(person, category)).cloned();
        if current.as_ref().is_some_and(|c| c.target.times == t.times && c.target.per == per) {
            continue; // the same target: its history stays as it is
        }
        if let Some(c) = &current {
            changed.push(Change {
                kind: "target".into(),
                key: format!("{} / {}", t.person, t.category),
                field: "target".into(),
                from: format!("{}/{}", c.target.times, c.target.per.as_str()),
                to: format!("{}/{}", t.times, per.as_str()),
            });
        }
        if !t.uid.is_empty() {
            check_uid(&t.uid, format!("targets[{i}].uid"))?;
        }
        let target = Target { times: t.times, per };
        repos.put_target(person, category, target)?;
        let free = !t.uid.is_empty() && !target_uids.contains(&t.uid);
        let uid = if free && current.as_ref().is_none_or(|c| t.uid < c.uid) {
            repos.set_target_uid(person, category, &t.uid)?;
            t.uid.clone()
        } else {
            // A new target without a usable uid got one from the store.
            match &current {
                Some(c) => c.uid.clone(),
                None => repos.target_row(person, category)?.map(|x| x.uid).unwrap_or_default(),
            }
        };
        if let Some(c) = &current {
            if c.uid != uid {
                target_uids.remove(&c.uid);
            }
        }
        target_uids.insert(uid.clone());
        targets.insert((person, category), crate::store::TargetRow { person_id: person, category_id: category, target, uid });
        // A target an import changes applies to all of the past; a person the import adds gets the history the
        // document carries just below.
        repos.clear_target_history(person, category)?;
    }
    for (i, person) in new_people {
        import_history(repos, &doc.people[i], i, person, &categories)?;
    }
    for (i, a) in doc.absences.iter().enumerate() {
        let person = known.id(repos, &a.person, format!("absences[{i}].person"))?;
        let (from, to) = (date(&a.from, format!("absences[{i}].from"))?, date(&a.to, format!("absences[{i}].to"))?);
        if to < from {
            return Err(err(format!("absences[{i}].to"), Msg::new("import.before_from")));
        }
        if !a.reason.trim().is_empty() {
            crate::catalog::clean_label("reason", &a.reason)
                .map_err(|_| err(format!("absences[{i}].reason"), Msg::new("text.too_long").arg("max", crate::catalog::MAX_LABEL)))?;
        }
        skipped += none(repos.put_absence(&a.uid, person, &a.from, &a.to, &a.reason)?);
    }
    for (i, a) in doc.actions.iter().enumerate() {
        let field = |f: &str| format!("actions[{i}].{f}");
        check_uid(&a.uid, field("uid"))?;
        if repos.action_by_uid(&a.uid)?.is_some() {
            skipped += 1;
            continue;
        }
        let person = known.id(repos, &a.person, field("person"))?;
        let category = id_of(&categories, &a.category, field("category"))?;
        let channel = opt_id(&channels, a.channel.as_deref(), field("channel"))?;
        let logged_by = known.opt_id(repos, a.logged_by.as_deref(), field("loggedBy"))?;
        date(&a.local_date, field("localDate"))?;
        Zone::parse(&a.tz).map_err(|_| err(field("tz"), Msg::new("import.tz.unknown").arg("tz", &a.tz)))?;
        if a.note.chars().count() > crate::actions::MAX_NOTE {
            return Err(err(field("note"), Msg::new("import.note.too_long").arg("max", crate::actions::MAX_NOTE)));
        }
        // Each entry linked once, however often the file names it.
        let links = |keys: &[String], map: &HashMap<String, i64>| -> Result<Vec<i64>> {
            let mut out: Vec<i64> = keys.iter().map(|k| id_of(map, k, field("links"))).collect::<Result<_>>()?;
            out.sort_unstable();
            out.dedup();
            Ok(out)
        };
        let record = ActionRecord {
            person_id: person,
            category_id: category,
            occurred_at: a.occurred_at,
            local_date: a.local_date.clone(),
            tz: a.tz.clone(),
            note: a.note.clone(),
            channel_id: channel,
            logged_by,
            created_at: a.created_at,
            updated_at: a.updated_at,
            uid: Some(a.uid.clone()),
            layers: links(&a.layers, &layers)?,
            units: links(&a.units, &units)?,
            values: links(&a.values, &values)?,
        };
        repos.insert_action(&record)?;
    }
    for (i, f) in doc.followups.iter().enumerate() {
        let field = |x: &str| format!("followups[{i}].{x}");
        check_uid(&f.uid, field("uid"))?;
        let person = known.id(repos, &f.person, field("person"))?;
        date(&f.due, field("due"))?;
        let length = f.text.trim().chars().count();
        if length == 0 || length > crate::followups::MAX_FOLLOWUP {
            let reason = if length == 0 { Msg::new("followup.text.empty") } else { Msg::new("text.too_long").arg("max", crate::followups::MAX_FOLLOWUP) };
            return Err(err(field("text"), reason));
        }
        let from = f.from_action.as_deref().map(|u| by_uid(repos.action_by_uid(u)?, u, field("fromAction"))).transpose()?;
        let closing = f.closing_action.as_deref().map(|u| by_uid(repos.action_by_uid(u)?, u, field("closingAction"))).transpose()?;
        let record = FollowupRecord {
            id: 0,
            uid: f.uid.clone(),
            person_id: person,
            text: f.text.clone(),
            due: f.due.clone(),
            from_action_id: from,
            created_at: f.created_at,
            closed_at: f.closed_at,
            closed_date: f.closed_date.clone(),
            closing_action_id: closing,
        };
        skipped += none(repos.put_followup(&record)?);
    }
    for (i, r) in doc.reminder_rules.iter().enumerate() {
        let field = |x: &str| format!("reminderRules[{i}].{x}");
        check_uid(&r.uid, field("uid"))?;
        if crate::reminders::engine::Kind::parse(&r.kind).is_none() {
            return Err(err(field("kind"), Msg::new("import.kind.unknown").arg("kind", &r.kind)));
        }
        let person = known.id(repos, &r.person, field("person"))?;
        let created_by = known.opt_id(repos, r.created_by.as_deref(), field("createdBy"))?;
        opt_id(&categories, r.category.as_deref(), field("category"))?;
        if r.weekdays.is_some_and(|w| !(1..=127).contains(&w)) {
            return Err(err(field("weekdays"), Msg::new("import.weekdays")));
        }
        // Every field as the window's form checks it: a rule that would break the scheduler later (`"at": "9am"`,
        // a silence without its days) is refused here, by name.
        let input = crate::reminders::NewRule {
            person: person.to_string(),
            kind: r.kind.clone(),
            at: Some(r.at.clone()),
            days: None,
            category: r.category.clone(),
            after_days: r.after_days,
            threshold: r.threshold,
            drop_points: r.drop_points,
            min_streak: r.min_streak,
            quiet_from: r.quiet_from.clone(),
            quiet_to: r.quiet_to.clone(),
            created_by,
        };
        let valid = crate::service::rules::validate(repos, &input, None).map_err(|e| match e {
            CoreError::Invalid { field: f, reason } => err(field(f), reason),
            other => other,
        })?;
        let record = RuleRecord { weekdays: r.weekdays, ..valid };
        skipped += none(repos.put_rule(&r.uid, &record, r.paused, r.created_at, r.active_from)?);
    }
    let rules: HashMap<String, i64> = repos.rule_rows(None)?.into_iter().map(|r| (r.uid, r.id)).collect();
    for (i, o) in doc.reminder_occurrences.iter().enumerate() {
        let field = |x: &str| format!("reminderOccurrences[{i}].{x}");
        let rule = id_of(&rules, &o.rule, field("rule"))?;
        let person = known.id(repos, &o.person, field("person"))?;
        let followup = o.followup.as_deref().map(|u| by_uid(repos.followup_by_uid(u)?, u, field("followup"))).transpose()?;
        // The kind is shown and typed as a rule kind (the UI's RuleKind): one that is not one is refused.
        if crate::reminders::engine::Kind::parse(&o.kind).is_none() {
            return Err(err(field("kind"), Msg::new("import.kind.unknown").arg("kind", &o.kind)));
        }
        if !["fired", "snoozed", "dismissed", "acted"].contains(&o.state.as_str()) {
            return Err(err(field("state"), Msg::new("import.state.unknown").arg("state", &o.state)));
        }
        if !o.uid.is_empty() {
            check_uid(&o.uid, field("uid"))?;
        }
        let record = OccurrenceRecord {
            uid: o.uid.clone(),
            rule_id: rule,
            key: o.occurrence.clone(),
            person_id: person,
            kind: o.kind.clone(),
            category: o.category.clone(),
            followup_id: followup,
            fire_at: o.fire_at,
            fired_at: o.fired_at,
            late: o.late,
            state: o.state.clone(),
            snoozed_until: o.snoozed_until,
            refired_at: o.refired_at,
            seen: o.seen,
            title: o.title.clone(),
            body: o.body.clone(),
            notice: o.notice.as_ref().map(|n| n.to_json()),
            missed: o.missed,
        };
        skipped += none(repos.put_occurrence(&record)?.is_some());
    }
    Ok(skipped)
}

/// The rhythm and target history of a person this import adds (`person` here), each row checked.
fn import_history(repos: &mut impl Repos, p: &PersonEntry, i: usize, person: i64, categories: &HashMap<String, i64>) -> Result<()> {
    for (k, h) in p.rhythm.iter().enumerate() {
        let field = |f: &str| format!("people[{i}].rhythm[{k}].{f}");
        let from = history_from(&h.from, field("from"))?;
        let days = WorkingDays::parse(&h.working_days.join(",")).map_err(|_| err(field("workingDays"), Msg::new("import.weekdays")))?;
        let start = parse_day_start(&h.day_start).map_err(|_| err(field("dayStart"), Msg::new("import.day_start")))?;
        repos.put_rhythm_history(person, &from, days, start, OnSameDay::Replace)?;
    }
    for (k, h) in p.target_history.iter().enumerate() {
        let field = |f: &str| format!("people[{i}].targetHistory[{k}].{f}");
        let from = history_from(&h.from, field("from"))?;
        let category = id_of(categories, &h.category, field("category"))?;
        let target = match (&h.times, &h.per) {
            (Some(times), Some(per)) => {
                if !(1..=100).contains(times) {
                    return Err(err(field("times"), Msg::new("range").arg("min", 1).arg("max", 100)));
                }
                Some(Target { times: *times, per: Per::parse(per).map_err(|_| err(field("per"), Msg::new("import.per")))? })
            }
            (None, None) => None,
            _ => return Err(err(field("per"), Msg::new("import.per"))),
        };
        repos.put_target_history(person, category, &from, target, OnSameDay::Replace)?;
    }
    Ok(())
}

/// A history row's from-date: a date, or `0001-01-01` (all of the past).
fn history_from(text: &str, field: String) -> Result<String> {
    if text == "0001-01-01" {
        return Ok(text.to_string());
    }
    Ok(date(text, field)?.to_string())
}

/// SQLite's NOCASE, which names are unique under: ASCII letters only.
fn nocase(name: &str) -> String {
    name.trim().to_ascii_lowercase()
}

fn check_key(key: &str, field: String) -> Result<()> {
    if key.trim().is_empty() || key.len() > 80 || key.chars().any(char::is_control) {
        return Err(err(field, Msg::new("import.key")));
    }
    Ok(())
}

/// A uid as Cadence writes them (32 hex characters) or another program might: 1 to 64 characters, none of
/// them blank or a control character (a uid is matched byte for byte, so invisible ones would never match).
fn check_uid(uid: &str, field: String) -> Result<()> {
    if uid.is_empty() || uid.len() > 64 || uid.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(err(field, Msg::new("import.uid")));
    }
    Ok(())
}

fn date(text: &str, field: String) -> Result<chrono::NaiveDate> {
    crate::time::parse_date("date", text).map_err(|_| err(field, Msg::new("import.date").arg("text", text)))
}
