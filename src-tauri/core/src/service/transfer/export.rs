//! The export: the whole store as one document, in a stable order (entries by key, people by name, records by
//! uid), records naming each other by key, name and uid.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use crate::domain::catalogue::Table;
use crate::error::Result;
use crate::service::people;
use crate::store::{ActionFilter, Repos};
use crate::time::{format_minutes, WorkingDays};
use crate::transfer::{
    AbsenceEntry, ActionEntry, Entry, ExportDoc, FollowupEntry, OccurrenceEntry, PersonEntry, RhythmEntry, RuleEntry, TargetEntry,
    TargetHistoryEntry, FORMAT, FORMAT_VERSION,
};

fn names(days: WorkingDays) -> Vec<String> {
    days.names().into_iter().map(String::from).collect()
}

/// Everything in the store, as one document.
pub fn export(repos: &impl Repos, now: DateTime<Utc>) -> Result<ExportDoc> {
    let entries = |kind: Table| -> Result<Vec<Entry>> {
        let mut out: Vec<Entry> = repos
            .entries(kind)?
            .into_iter()
            .map(|e| Entry {
                uid: e.uid,
                key: e.key,
                label: e.label,
                rank: if matches!(kind, Table::Category | Table::Layer) { e.rank } else { 0 },
                archived: e.archived,
                colour: (kind == Table::Category).then_some(e.colour),
                external: (kind == Table::Channel).then_some(e.external),
                units: (kind == Table::Channel).then_some(e.units),
                kind: (kind == Table::Value).then_some(e.value_kind),
            })
            .collect();
        out.sort_by(|a, b| a.key.cmp(&b.key));
        Ok(out)
    };
    let all_people = repos.people(true)?;
    let name_of: HashMap<i64, String> = all_people.iter().map(|p| (p.id, p.name.clone())).collect();
    let category_key: HashMap<i64, String> = repos.entries(Table::Category)?.into_iter().map(|e| (e.id, e.key)).collect();
    let mut people = Vec::new();
    for p in all_people {
        let rhythm = repos
            .rhythm_history(p.id)?
            .into_iter()
            .map(|(from, days, start)| RhythmEntry { from, working_days: names(days), day_start: format_minutes(start) })
            .collect();
        let target_history = repos
            .target_history(p.id)?
            .into_iter()
            .map(|(category, from, t)| TargetHistoryEntry { category, from, times: t.map(|t| t.times), per: t.map(|t| t.per.as_str().to_string()) })
            .collect();
        people.push(PersonEntry {
            uid: p.uid,
            name: p.name,
            role: p.role,
            layer: p.layer,
            unit: p.unit,
            tz: p.tz,
            working_days: names(p.working_days),
            day_start: format_minutes(p.day_start),
            created_at: p.created_at,
            archived_at: p.archived_at,
            rhythm,
            target_history,
        });
    }
    people.sort_by(|a, b| a.name.cmp(&b.name));
    let mut targets: Vec<TargetEntry> = repos
        .all_targets()?
        .into_iter()
        .filter_map(|t| {
            Some(TargetEntry {
                uid: t.uid,
                person: name_of.get(&t.person_id)?.clone(),
                category: category_key.get(&t.category_id)?.clone(),
                times: t.target.times,
                per: t.target.per.as_str().to_string(),
            })
        })
        .collect();
    targets.sort_by(|a, b| (&a.person, &a.category).cmp(&(&b.person, &b.category)));
    let mut absences: Vec<AbsenceEntry> = repos
        .absences(None)?
        .into_iter()
        .map(|a| AbsenceEntry { uid: a.uid, person: a.person_name, from: a.from, to: a.to, reason: a.reason })
        .collect();
    absences.sort_by(|a, b| a.uid.cmp(&b.uid));
    let rows = repos.action_rows(&ActionFilter::default())?;
    let sorted = |mut keys: Vec<String>| {
        keys.sort();
        keys
    };
    let mut actions: Vec<ActionEntry> = rows
        .into_iter()
        .map(|a| ActionEntry {
            uid: a.uid,
            person: a.person_name,
            category: a.category,
            occurred_at: a.occurred_at,
            local_date: a.local_date,
            tz: a.tz,
            note: a.note,
            channel: a.channel,
            layers: sorted(a.layers),
            units: sorted(a.units),
            values: sorted(a.values),
            logged_by: a.logged_by.and_then(|id| name_of.get(&id).cloned()),
            created_at: a.created_at,
            updated_at: a.updated_at,
        })
        .collect();
    actions.sort_by(|a, b| (a.occurred_at, &a.uid).cmp(&(b.occurred_at, &b.uid)));
    let records = repos.followup_records()?;
    // The actions a promise came from or was kept by, looked up one by one: promises are few, actions millions.
    let action_uid = |id: i64| -> Result<Option<String>> { Ok(repos.action_row(id)?.map(|a| a.uid)) };
    let followup_uid: HashMap<i64, String> = records.iter().map(|f| (f.id, f.uid.clone())).collect();
    let mut followups: Vec<FollowupEntry> = Vec::new();
    for f in records {
        let Some(person) = name_of.get(&f.person_id) else { continue };
        followups.push(FollowupEntry {
            person: person.clone(),
            uid: f.uid,
            text: f.text,
            due: f.due,
            from_action: f.from_action_id.map(action_uid).transpose()?.flatten(),
            created_at: f.created_at,
            closed_at: f.closed_at,
            closed_date: f.closed_date,
            closing_action: f.closing_action_id.map(action_uid).transpose()?.flatten(),
        });
    }
    followups.sort_by(|a, b| a.uid.cmp(&b.uid));
    let rule_rows = repos.rule_rows(None)?;
    let rule_uid: HashMap<i64, String> = rule_rows.iter().map(|r| (r.id, r.uid.clone())).collect();
    let mut reminder_rules: Vec<RuleEntry> = rule_rows
        .into_iter()
        .map(|r| RuleEntry {
            uid: r.uid,
            person: r.person_name,
            created_by: r.created_by_name,
            kind: r.kind,
            at: r.at,
            weekdays: r.weekdays,
            category: r.category,
            after_days: r.after_days,
            threshold: r.threshold,
            drop_points: r.drop_points,
            min_streak: r.min_streak,
            quiet_from: r.quiet_from,
            quiet_to: r.quiet_to,
            paused: r.paused,
            created_at: r.created_at,
            active_from: r.active_from,
        })
        .collect();
    reminder_rules.sort_by(|a, b| a.uid.cmp(&b.uid));
    let mut reminder_occurrences: Vec<OccurrenceEntry> = repos
        .occurrence_records()?
        .into_iter()
        .filter_map(|o| {
            Some(OccurrenceEntry {
                uid: o.uid,
                rule: rule_uid.get(&o.rule_id)?.clone(),
                person: name_of.get(&o.person_id)?.clone(),
                occurrence: o.key,
                kind: o.kind,
                category: o.category,
                // A promise deleted here (kept for undo) is not in the document: its occurrence names none.
                followup: o.followup_id.and_then(|id| followup_uid.get(&id).cloned()),
                fire_at: o.fire_at,
                fired_at: o.fired_at,
                late: o.late,
                state: o.state,
                snoozed_until: o.snoozed_until,
                refired_at: o.refired_at,
                seen: o.seen,
                title: o.title,
                body: o.body,
                notice: o.notice.as_deref().and_then(crate::reminders::notice::Notice::from_json),
                missed: o.missed,
            })
        })
        .collect();
    reminder_occurrences.sort_by(|a, b| (&a.rule, &a.occurrence).cmp(&(&b.rule, &b.occurrence)));
    Ok(ExportDoc {
        format: FORMAT.into(),
        version: FORMAT_VERSION,
        exported_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        me: people::self_person(repos)?.map(|p| p.name),
        layers: entries(Table::Layer)?,
        units: entries(Table::Unit)?,
        categories: entries(Table::Category)?,
        channels: entries(Table::Channel)?,
        values: entries(Table::Value)?,
        people,
        targets,
        absences,
        actions,
        followups,
        reminder_rules,
        reminder_occurrences,
    })
}
