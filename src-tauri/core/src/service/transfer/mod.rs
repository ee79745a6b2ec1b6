//! Export and import over the ports: the whole store as one versioned document (records naming each other by
//! key, name and uid, never by row id), and a document (or a CSV of actions) written back, all or nothing.
//!
//! Matching: catalogue entries by key (the handle, unique per kind), people by uid and then by name, every
//! other record by its uid; importing the same file twice adds nothing the second time. Where two copies made
//! the same entry (or person, or target) apart, both keep the lesser of the two uids, so they agree whichever
//! imports the other's file, and a uid changes at most once per pair of copies. Every field is checked as the
//! window checks it, and an error names the record (`reminderRules[2].at`).

//!
//! `export.rs` builds the document; `import.rs` checks and writes one; here is the unit of work around it.

mod export;
mod import;

pub use export::export;

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use crate::error::{CoreError, Result};
use crate::i18n::Msg;
use crate::store::{StatsRepo, Store};
use crate::transfer::changes::Change;
use crate::transfer::ExportDoc;

/// What an import wrote (or, in a dry run, would write).
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// Records of the file that were here already.
    pub skipped: u64,
    /// What it changes in records already here.
    pub changed: Vec<Change>,
    /// Records added per kind (only kinds that changed).
    pub added: HashMap<String, i64>,
}

fn err(field: impl Into<String>, reason: Msg) -> CoreError {
    CoreError::Import { line: None, field: field.into(), reason }
}

/// Imports a checked document (`doc`, parsed from `text`) or, without one, `text` as a CSV of actions, as one
/// unit of work: all of it or nothing. A dry run writes it and rolls it back, to report what it would do.
pub fn import<S: Store>(
    store: &mut S,
    text: &str,
    doc: Option<&ExportDoc>,
    mapping: Option<&crate::transfer::csv::Mapping>,
    now: DateTime<Utc>,
    dry_run: bool,
) -> Result<Imported> {
    let before: HashMap<&str, i64> = store.reader().record_counts()?.into_iter().collect();
    let work = |repos: &mut S::Repos<'_>| -> Result<(u64, Vec<Change>, Vec<(&'static str, i64)>)> {
        let mut changed = Vec::new();
        let skipped = match doc {
            Some(doc) => import::import_doc(repos, doc, &mut changed).map_err(|e| crate::transfer::locate::at_line(e, text, doc))?,
            None => crate::transfer::csv::import_csv(repos, text, mapping, now)?,
        };
        Ok((skipped, changed, repos.record_counts()?))
    };
    let (skipped, changed, after) = if dry_run { store.trial(work)? } else { store.act(work)? };
    let added = after
        .into_iter()
        .map(|(k, n)| (k.to_string(), n - before.get(k).copied().unwrap_or(0)))
        .filter(|(_, n)| *n != 0)
        .collect();
    Ok(Imported { skipped, changed, added })
}

#[cfg(test)]
mod tests {
    //! A document written by hand (not by an export) goes into the in-memory store and into SQLite and comes
    //! back out the same; what one store exports, the other imports and exports again unchanged.
    use super::*;
    use crate::store::memory::MemoryStore;
    use crate::transfer::import::parse_doc;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 4, 12, 0, 0).unwrap()
    }

    /// In the order an export writes (entries by key, people by name, records by uid), every kind of record.
    const DOC: &str = r##"{
      "format": "cadence-export", "version": 4, "exportedAt": "2026-03-04T12:00:00Z", "me": "Ann",
      "layers": [{"uid": "l1", "key": "staff", "label": "Staff", "rank": 1, "archived": false}],
      "units": [{"uid": "u2", "key": "old", "label": "Old unit", "rank": 0, "archived": true},
                {"uid": "u3", "key": "r,d", "label": "R, D", "rank": 0, "archived": false},
                {"uid": "u1", "key": "sales", "label": "Sales", "rank": 0, "archived": false}],
      "categories": [{"uid": "c2", "key": "follow-up", "label": "Follow-up", "rank": 2, "archived": false, "colour": "#16a34a"},
                     {"uid": "c1", "key": "open-communication", "label": "Open communication", "rank": 1, "archived": false, "colour": "#2563eb"}],
      "channels": [{"uid": "h1", "key": "town-hall", "label": "Town hall", "rank": 0, "archived": false, "external": false, "units": ["old", "r,d", "sales"]}],
      "values": [{"uid": "v1", "key": "honesty", "label": "Honesty", "rank": 0, "archived": false, "kind": "value"}],
      "people": [
        {"uid": "p1", "name": "Ann", "role": "CEO", "layer": "staff", "unit": "sales", "tz": "Europe/Amsterdam",
         "workingDays": ["mon", "tue", "wed", "thu", "fri"], "dayStart": "04:00", "createdAt": 1767225600000, "archivedAt": null,
         "rhythm": [{"from": "0001-01-01", "workingDays": ["mon", "tue", "wed", "thu", "fri"], "dayStart": "00:00"},
                    {"from": "2026-02-02", "workingDays": ["mon", "tue", "wed", "thu", "fri"], "dayStart": "04:00"}],
         "targetHistory": [{"category": "follow-up", "from": "0001-01-01", "times": null, "per": null},
                           {"category": "follow-up", "from": "2026-02-02", "times": 2, "per": "week"}]},
        {"uid": "p2", "name": "Bob", "role": "", "layer": null, "unit": null, "tz": "UTC",
         "workingDays": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "dayStart": "00:00", "createdAt": 1767225600000,
         "archivedAt": 1772000000000, "rhythm": [], "targetHistory": []}],
      "targets": [{"uid": "t1", "person": "Ann", "category": "follow-up", "times": 2, "per": "week"}],
      "absences": [{"uid": "b1", "person": "Ann", "from": "2026-08-03", "to": "2026-08-14", "reason": "summer"}],
      "actions": [
        {"uid": "a1", "person": "Ann", "category": "open-communication", "occurredAt": 1772611200000, "localDate": "2026-03-04",
         "tz": "Europe/Amsterdam", "note": "Town hall on the plan", "channel": "town-hall", "layers": ["staff"], "units": ["sales"],
         "values": ["honesty"], "loggedBy": "Bob", "createdAt": 1772611200000, "updatedAt": 1772611300000},
        {"uid": "a2", "person": "Ann", "category": "follow-up", "occurredAt": 1772614800000, "localDate": "2026-03-04",
         "tz": "Europe/Amsterdam", "note": "", "channel": null, "layers": [], "units": [], "values": [], "loggedBy": null,
         "createdAt": 1772614800000, "updatedAt": 1772614800000}],
      "followups": [
        {"uid": "f1", "person": "Ann", "text": "Send the slides", "due": "2026-03-04", "fromAction": "a1", "createdAt": 1772611200000,
         "closedAt": 1772614800000, "closedDate": "2026-03-04", "closingAction": "a2"},
        {"uid": "f2", "person": "Ann", "text": "Budget answer", "due": "2026-03-01", "fromAction": null, "createdAt": 1772611200000,
         "closedAt": null, "closedDate": null, "closingAction": null},
        {"uid": "f3", "person": "Ann", "text": "Kept, its action since deleted", "due": "2026-03-02", "fromAction": null,
         "createdAt": 1772611200000, "closedAt": 1772614800000, "closedDate": "2026-03-04", "closingAction": null}],
      "reminderRules": [
        {"uid": "r1", "person": "Ann", "createdBy": "Bob", "kind": "followup-due", "at": "09:00", "weekdays": 31, "category": null,
         "afterDays": null, "threshold": null, "dropPoints": null, "minStreak": null, "quietFrom": "20:00", "quietTo": "07:00",
         "paused": false, "createdAt": 1767225600000, "activeFrom": 1772000000000},
        {"uid": "r2", "person": "Ann", "createdBy": null, "kind": "silence", "at": "10:00", "weekdays": null, "category": "follow-up",
         "afterDays": 5, "threshold": null, "dropPoints": null, "minStreak": null, "quietFrom": null, "quietTo": null,
         "paused": true, "createdAt": 1767225600000, "activeFrom": null}],
      "reminderOccurrences": [
        {"uid": "o1", "rule": "r1", "occurrence": "followup-f2-2026-03-02", "person": "Ann", "kind": "followup-due", "category": null, "followup": "f2",
         "fireAt": 1772438400000, "firedAt": 1772438400000, "late": false, "state": "snoozed", "snoozedUntil": 1772442000000,
         "refiredAt": null, "seen": true, "title": "A promise is due", "body": "Overdue since 1 March: Budget answer", "missed": false}]
    }"##;

    fn export_of<S: Store>(store: &S) -> ExportDoc {
        export(&store.reader(), now()).unwrap()
    }

    #[test]
    fn a_document_written_by_hand_comes_back_the_same_from_the_memory_store() {
        let doc = parse_doc(DOC).unwrap();
        let mut memory = MemoryStore::new();
        let dry = import(&mut memory, DOC, Some(&doc), None, now(), true).unwrap();
        assert_eq!(dry.added.get("actions"), Some(&2), "a dry run reports what it would add");
        assert_eq!(export_of(&memory).people, vec![], "and writes nothing");

        let done = import(&mut memory, DOC, Some(&doc), None, now(), false).unwrap();
        let expected: HashMap<String, i64> = [
            ("layers", 1), ("units", 3), ("categories", 2), ("channels", 1), ("values", 1), ("people", 2), ("targets", 1),
            ("absences", 1), ("actions", 2), ("followups", 3), ("reminderRules", 2), ("reminderOccurrences", 1),
        ]
        .into_iter()
        .map(|(k, n)| (k.to_string(), n))
        .collect();
        assert_eq!((done.added, done.skipped, done.changed), (expected, 0, vec![]));
        assert_eq!(export_of(&memory), doc, "every field of every record, in the export's order");

        let again = import(&mut memory, DOC, Some(&doc), None, now(), false).unwrap();
        // People 2, absences 1, actions 2, follow-ups 3, rules 2, occurrences 1; catalogue entries (a unit key
        // with a comma too) and the same target are updated in place, not counted.
        assert_eq!((again.added, again.skipped), (HashMap::new(), 11));
        assert_eq!(export_of(&memory), doc);
    }

    #[test]
    fn what_sqlite_exports_the_memory_store_imports_and_exports_unchanged() {
        let doc = parse_doc(DOC).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mut db = crate::Db::open_dir(dir.path()).unwrap();
        let done = import(&mut db, DOC, Some(&doc), None, now(), false).unwrap();
        // A new file holds Cadence's default catalogue: the document's keys that match take its words.
        assert!(done.changed.iter().any(|c| c.kind == "category" && c.key == "follow-up" && c.field == "colour" && c.to == "#16a34a"), "{:?}", done.changed);
        let from_sqlite = export_of(&db);
        assert_eq!(from_sqlite.people, doc.people);
        assert_eq!((&from_sqlite.actions, &from_sqlite.followups), (&doc.actions, &doc.followups));
        assert_eq!((&from_sqlite.reminder_rules, &from_sqlite.reminder_occurrences), (&doc.reminder_rules, &doc.reminder_occurrences));

        let text = serde_json::to_string(&from_sqlite).unwrap();
        let mut memory = MemoryStore::new();
        import(&mut memory, &text, Some(&from_sqlite), None, now(), false).unwrap();
        assert_eq!(export_of(&memory), from_sqlite);
    }

    /// Copies made apart keep the lesser uid; a uid one target gives up is free for another in the same file.
    fn targets_trade_uids<S: Store>(store: &mut S) {
        let doc = |targets: &str| {
            format!(
                r##"{{"format": "cadence-export", "version": 4, "exportedAt": "2026-03-04T12:00:00Z",
                  "categories": [{{"uid": "c1", "key": "open-communication", "label": "Open communication", "rank": 1, "archived": false, "colour": "#2563eb"}},
                                 {{"uid": "c2", "key": "follow-up", "label": "Follow-up", "rank": 2, "archived": false, "colour": "#d97706"}}],
                  "people": [{{"uid": "p1", "name": "Ann", "role": "", "tz": "UTC", "workingDays": ["mon"], "dayStart": "00:00", "createdAt": 0}}],
                  "targets": [{targets}]}}"##
            )
        };
        let first = doc(r#"{"uid": "b", "person": "Ann", "category": "follow-up", "times": 2, "per": "week"}"#);
        import(store, &first, Some(&parse_doc(&first).unwrap()), None, now(), false).unwrap();
        let second = doc(
            r#"{"uid": "a", "person": "Ann", "category": "follow-up", "times": 3, "per": "week"},
               {"uid": "b", "person": "Ann", "category": "open-communication", "times": 4, "per": "week"}"#,
        );
        let done = import(store, &second, Some(&parse_doc(&second).unwrap()), None, now(), false).unwrap();
        assert_eq!(done.changed.iter().map(|c| (c.key.as_str(), c.from.as_str(), c.to.as_str())).collect::<Vec<_>>(), [("Ann / follow-up", "2/week", "3/week")]);
        let targets: Vec<(String, String, u32)> = export_of(store).targets.into_iter().map(|t| (t.category, t.uid, t.times)).collect();
        assert_eq!(targets, [("follow-up".to_string(), "a".to_string(), 3), ("open-communication".to_string(), "b".to_string(), 4)]);
    }

    #[test]
    fn targets_trade_uids_in_memory_and_in_sqlite() {
        targets_trade_uids(&mut MemoryStore::new());
        let dir = tempfile::tempdir().unwrap();
        targets_trade_uids(&mut crate::Db::open_dir(dir.path()).unwrap());
    }

    #[test]
    fn a_bad_record_is_named_and_nothing_is_written() {
        let mut memory = MemoryStore::new();
        let bad = DOC.replace(r#""at": "10:00""#, r#""at": "10am""#);
        let doc = parse_doc(&bad).unwrap();
        match import(&mut memory, &bad, Some(&doc), None, now(), false) {
            Err(CoreError::Import { field, line, .. }) => assert_eq!((field.as_str(), line.is_some()), ("reminderRules[1].at", true)),
            other => panic!("{other:?}"),
        }
        assert_eq!(export_of(&memory).people, vec![], "all or nothing");
        for uid in ["a 1", "a\\u00091", ""] {
            let bad = DOC.replace(r#""uid": "a1""#, &format!(r#""uid": "{uid}""#));
            let doc = parse_doc(&bad).unwrap();
            let refused = import(&mut memory, &bad, Some(&doc), None, now(), false);
            assert!(matches!(&refused, Err(CoreError::Import { field, .. }) if field == "actions[0].uid"), "{uid:?}: {refused:?}");
        }
        let unknown = DOC.replace(r#""fromAction": "a1""#, r#""fromAction": "a9""#);
        let doc = parse_doc(&unknown).unwrap();
        assert!(matches!(import(&mut memory, &unknown, Some(&doc), None, now(), false), Err(CoreError::Import { field, .. }) if field == "followups[0].fromAction"));
    }
}
