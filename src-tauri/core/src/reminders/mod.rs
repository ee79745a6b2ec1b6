//! Reminder rules, their occurrences and the in-app inbox. The engine itself is pure ([`engine`]); this
//! module gathers its inputs from the database, stores what fired under a unique key (so nothing fires
//! twice, also across restarts) and answers the inbox: snooze, dismiss, acted on.

pub mod engine;
mod facts;
mod inbox;
mod preview;
pub(crate) mod validate;

pub use inbox::InboxItem;
pub use crate::domain::rules::{NewRule, ReminderRule};
pub use preview::next_fire;

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use rusqlite::{params, Row};

use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::i18n::Msg;
use crate::people::resolve_person;
use crate::time::{parse_hhmm, WorkingDays};
use engine::{Due, Kind, Rule};

const RULE_SQL: &str = "SELECT r.id, r.person_id, p.name, r.created_by, c2.name, r.kind, r.at_time, r.weekdays, c.key,
        r.after_days, r.threshold, r.drop_pts, r.min_streak, r.quiet_from, r.quiet_to, r.paused, coalesce(r.active_from, r.created_at),
        p.archived_at IS NOT NULL
     FROM reminder_rules r JOIN people p ON p.id = r.person_id
     LEFT JOIN people c2 ON c2.id = r.created_by LEFT JOIN categories c ON c.id = r.category_id";


/// The fire time of each group's newest stored occurrence.
type Newest = HashMap<engine::Group, DateTime<Utc>>;

struct StoredRule {
    view: ReminderRule,
    rule: Rule,
}

fn stored_rule(r: &Row<'_>) -> rusqlite::Result<(ReminderRule, Option<i64>, i64)> {
    let weekdays: Option<i64> = r.get(7)?;
    let view = ReminderRule {
        id: r.get(0)?,
        person_id: r.get(1)?,
        person_name: r.get(2)?,
        created_by: r.get(3)?,
        created_by_name: r.get(4)?,
        kind: r.get(5)?,
        at: r.get(6)?,
        days: weekdays.map(|w| WorkingDays::from_bits(w).names().into_iter().map(String::from).collect()),
        category: r.get(8)?,
        after_days: r.get(9)?,
        threshold: r.get(10)?,
        drop_points: r.get(11)?,
        min_streak: r.get(12)?,
        quiet_from: r.get(13)?,
        quiet_to: r.get(14)?,
        paused: r.get(15)?,
        person_archived: r.get(17)?,
        next_fire: None,
    };
    Ok((view, weekdays, r.get(16)?))
}

impl StoredRule {
    fn from_view(view: ReminderRule, weekdays: Option<i64>, created: i64, labels: &HashMap<String, String>) -> Result<StoredRule> {
        let kind = Kind::parse(&view.kind).ok_or_else(|| CoreError::invalid("kind", Msg::new("reminder.kind.stored").arg("kind", &view.kind)))?;
        let quiet = match (&view.quiet_from, &view.quiet_to) {
            (Some(a), Some(b)) => Some((parse_hhmm("quietFrom", a)?, parse_hhmm("quietTo", b)?)),
            _ => None,
        };
        let rule = Rule {
            id: view.id,
            person_id: view.person_id,
            kind,
            at: parse_hhmm("at", &view.at)?,
            weekdays: weekdays.map(WorkingDays::from_bits),
            category: view.category.as_ref().map(|k| (k.clone(), labels.get(k).cloned().unwrap_or_else(|| k.clone()))),
            after_days: view.after_days.unwrap_or(1),
            threshold: view.threshold,
            drop_points: view.drop_points.map(|p| p / 100.0),
            min_streak: view.min_streak.unwrap_or(1),
            quiet,
            // An archived person's rules rest like paused ones.
            paused: view.paused || view.person_archived,
            created: DateTime::<Utc>::from_timestamp_millis(created).unwrap_or_default(),
        };
        Ok(StoredRule { view, rule })
    }
}

impl Db {
    /// Validates and stores a rule; returns it with its next fire time.
    pub fn add_rule(&mut self, input: &NewRule) -> Result<ReminderRule> {
        let now = self.clock.now();
        let id = crate::service::rules::add(self, now, input)?;
        self.rule(id)
    }

    /// Replaces a rule's settings (its occurrences so far stay).
    pub fn update_rule(&mut self, id: i64, input: &NewRule) -> Result<ReminderRule> {
        let now = self.clock.now();
        crate::service::rules::update(self, now, id, input)?;
        self.rule(id)
    }

    /// Pauses or resumes a rule.
    pub fn set_rule_paused(&mut self, id: i64, paused: bool) -> Result<ReminderRule> {
        let now = self.clock.now();
        crate::service::rules::set_paused(self, now, id, paused)?;
        self.rule(id)
    }

    /// Deletes a rule and its occurrences.
    pub fn delete_rule(&mut self, id: i64) -> Result<()> {
        crate::service::rules::delete(self, id)
    }

    /// One rule, with its next fire time.
    pub fn rule(&self, id: i64) -> Result<ReminderRule> {
        self.rules_where("WHERE r.id = ?1", Some(id))?.into_iter().next().ok_or_else(|| CoreError::not_found("rule", id.to_string()))
    }

    /// Every rule (for one person when given), with its next fire time.
    pub fn rules(&self, person: Option<&str>) -> Result<Vec<ReminderRule>> {
        let person_id = person.filter(|p| !p.trim().is_empty()).map(|p| resolve_person(&self.conn, p)).transpose()?;
        self.rules_where("WHERE ?1 IS NULL OR r.person_id = ?1 ORDER BY p.name, r.id", person_id)
    }

    fn rules_where(&self, filter: &str, arg: Option<i64>) -> Result<Vec<ReminderRule>> {
        let stored = self.stored_rules(filter, arg)?;
        let now = self.clock.now();
        let mut out = Vec::new();
        for s in stored {
            let mut view = s.view;
            let with_scores = matches!(s.rule.kind, Kind::ScoreDrop | Kind::StreakRisk);
            let facts = self.facts(&[s.rule.person_id], with_scores, now)?;
            if let (Some(f), false) = (facts.get(&s.rule.person_id), s.rule.paused) {
                let (stored, newest) = self.stored_occurrences(Some(s.rule.id))?;
                view.next_fire = next_fire(&s.rule, f, now, &stored, &newest)
                    .map(|t| f.zone.at(t).to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
            }
            out.push(view);
        }
        Ok(out)
    }

    fn stored_rules(&self, filter: &str, arg: Option<i64>) -> Result<Vec<StoredRule>> {
        let labels: HashMap<String, String> = self
            .conn
            .prepare_cached("SELECT key, label FROM categories")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let rows: Vec<_> = self
            .conn
            .prepare_cached(&format!("{RULE_SQL} {filter}"))?
            .query_map([arg], stored_rule)?
            .collect::<rusqlite::Result<_>>()?;
        rows.into_iter().map(|(view, weekdays, created)| StoredRule::from_view(view, weekdays, created, &labels)).collect()
    }

    /// What is due at `at` and why, without changing anything. `fired` tells whether it was already delivered
    /// (or passed over as missed); of the rest, only what a pass would deliver is listed.
    pub fn reminders_due(&self, at: DateTime<Utc>) -> Result<Vec<(Due, bool)>> {
        let found = self.found_at(at)?;
        let (stored, newest) = self.stored_occurrences(None)?;
        let already: Vec<(Due, bool)> = found.iter().filter(|d| is_stored(&stored, d)).map(|d| (d.clone(), true)).collect();
        let (deliver, _) = engine::select(found, |d| is_stored(&stored, d), &newest);
        let mut out: Vec<(Due, bool)> = already.into_iter().chain(deliver.into_iter().map(|d| (d, false))).collect();
        out.sort_by(|a, b| a.0.fire_instant.cmp(&b.0.fire_instant).then(a.0.rule_id.cmp(&b.0.rule_id)));
        Ok(out)
    }

    /// Everything the engine finds due at `at`, stored or not.
    fn found_at(&self, at: DateTime<Utc>) -> Result<Vec<Due>> {
        let stored = self.stored_rules("WHERE r.paused = 0 AND p.archived_at IS NULL AND ?1 IS NULL", None)?;
        let rules: Vec<Rule> = stored.into_iter().map(|s| s.rule).collect();
        let people: Vec<i64> = rules.iter().map(|r| r.person_id).collect();
        let with_scores = rules.iter().any(|r| matches!(r.kind, Kind::ScoreDrop | Kind::StreakRisk));
        let facts = self.facts(&people, with_scores, at)?;
        Ok(engine::due(&rules, &facts, at))
    }

    /// The stored occurrences' keys, and the fire time of each group's newest (of one rule, or all).
    fn stored_occurrences(&self, rule: Option<i64>) -> Result<(HashSet<(i64, String)>, Newest)> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT rule_id, occurrence, followup_id, fire_at FROM reminder_occurrences WHERE ?1 IS NULL OR rule_id = ?1",
        )?;
        let rows = stmt.query_map([rule], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<i64>>(2)?, r.get::<_, i64>(3)?)))?;
        let (mut keys, mut newest) = (HashSet::new(), HashMap::new());
        for row in rows {
            let (rule_id, key, followup, fire_at) = row?;
            let t = DateTime::<Utc>::from_timestamp_millis(fire_at).unwrap_or_default();
            let e = newest.entry((rule_id, followup)).or_insert(t);
            *e = (*e).max(t);
            keys.insert((rule_id, key));
        }
        Ok((keys, newest))
    }

    /// One engine pass at the clock's now: stores new occurrences (each key once; the ones a catch-up passes
    /// over as missed), brings back snoozed ones whose time has come, and returns the entries to notify about.
    pub fn run_reminders(&mut self) -> Result<Vec<InboxItem>> {
        let now = self.clock.now();
        let found = self.found_at(now)?;
        let (stored, newest) = self.stored_occurrences(None)?;
        let (deliver, missed) = engine::select(found, |d| is_stored(&stored, d), &newest);
        let stamp = now.timestamp_millis();
        let ids = self.write(|tx| {
            let mut ids = Vec::new();
            let mut insert = tx.prepare_cached(
                "INSERT OR IGNORE INTO reminder_occurrences (rule_id, occurrence, person_id, kind, category, followup_id,
                     fire_at, fired_at, late, title, body, state, missed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?;
            let all = deliver.iter().map(|d| (d, false)).chain(missed.iter().map(|d| (d, true)));
            for (d, was_missed) in all {
                let state = if was_missed { "dismissed" } else { "fired" };
                let n = insert.execute(params![d.rule_id, d.key, d.person_id, d.kind.as_str(), d.category, d.followup_id,
                    d.fire_instant.timestamp_millis(), stamp, d.late, d.title, d.body, state, was_missed])?;
                if n == 1 && !was_missed {
                    ids.push(tx.last_insert_rowid());
                }
            }
            let refire = format!(
                "UPDATE reminder_occurrences AS o SET state = 'fired', refired_at = ?1, seen = 0, snoozed_until = NULL
                 WHERE o.state = 'snoozed' AND o.snoozed_until <= ?1 AND {} RETURNING id",
                crate::store::sqlite::occurrences::LIVE
            );
            let mut back = tx.prepare_cached(&refire)?;
            let returned: Vec<i64> = back.query_map([stamp], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
            ids.extend(returned);
            Ok(ids)
        })?;
        ids.into_iter().map(|id| self.inbox_item(id)).collect()
    }
}

/// Whether an occurrence is stored already, by its rule and key.
///
/// Mutation testing: `is_stored -> false` survives, and is equivalent here. A stored occurrence's fire time is
/// never later than its group's newest stored one, so [`engine::select`] never delivers it again either way,
/// and storing it twice is ignored (`INSERT OR IGNORE`). The check keeps a stored occurrence out of the
/// comparison of a pass's own new ones, which is clearer than relying on that.
fn is_stored(stored: &HashSet<(i64, String)>, d: &Due) -> bool {
    stored.contains(&(d.rule_id, d.key.clone()))
}
