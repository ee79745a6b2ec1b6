//! The inbox: every occurrence that fired, the source of truth behind the desktop notifications. Entries are
//! snoozed (15 minutes, an hour, tomorrow 09:00 in the leader's zone), dismissed or acted on. What an entry
//! says is rendered here, in the language in use and with the category's label and the person's name as they
//! are now (`reminders::notice`); an entry fired before Cadence kept its notice shows the words it was given.

use chrono::{DateTime, Duration, NaiveTime, Utc};

use crate::domain::inbox::InboxItem;
use crate::error::{CoreError, Result};
use crate::i18n::Msg;
use crate::service::actions::person_clock;
use crate::i18n::Locale;
use crate::reminders::notice::Notice;
use crate::service::language;
use crate::store::{OccurrenceRow, OccurrencesRepo, Repos, Store};
use crate::time::{local_date, Zone};

/// The most entries the inbox lists.
pub const INBOX_LIMIT: usize = 200;

/// An instant (milliseconds) in RFC 3339 with the offset of zone `tz` at that instant.
pub(crate) fn rfc3339(ms: i64, tz: &str) -> String {
    let instant = DateTime::<Utc>::from_timestamp_millis(ms).unwrap_or_default();
    let zone = Zone::parse(tz).unwrap_or(Zone::Iana(chrono_tz::UTC));
    zone.at(instant).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// How entries are worded: in the language in use, with the categories' labels as they are now.
struct Wording {
    locale: Locale,
    labels: std::collections::HashMap<String, String>,
}

impl Wording {
    fn of(repos: &impl Repos) -> Result<Wording> {
        let labels = repos.entries(crate::domain::catalogue::Table::Category)?.into_iter().map(|e| (e.key, e.label)).collect();
        Ok(Wording { locale: language::in_use(repos, Locale::os), labels })
    }

    fn shown(&self, o: OccurrenceRow) -> InboxItem {
        let words = o.notice.as_deref().and_then(Notice::from_json).map(|n| n.render(self.locale, &o.person_name, |k| self.labels.get(k).cloned()));
        let (title, body) = words.unwrap_or_else(|| (o.title.clone(), o.body.clone()));
        InboxItem { title, body, ..shown(o) }
    }
}

fn shown(o: OccurrenceRow) -> InboxItem {
    InboxItem {
        id: o.id,
        uid: o.uid,
        rule_id: o.rule_id,
        person_id: o.person_id,
        person_name: o.person_name,
        kind: o.kind,
        category: o.category,
        followup_id: o.followup_id,
        key: o.key,
        fire_at: rfc3339(o.fire_at, &o.tz),
        fired_at: rfc3339(o.fired_at, &o.tz),
        late: o.late,
        state: o.state,
        snoozed_until: o.snoozed_until.map(|ms| rfc3339(ms, &o.tz)),
        seen: o.seen,
        title: o.title,
        body: o.body,
    }
}

/// The inbox: entries waiting (fired or snoozed), newest first; with `all`, handled ones too. Occurrences a
/// catch-up passed over (missed) were never delivered and are not shown; nor are those of someone archived
/// or of a deleted promise, which rest until restored.
pub fn inbox(repos: &impl Repos, all: bool) -> Result<Vec<InboxItem>> {
    let wording = Wording::of(repos)?;
    Ok(repos.inbox_rows(all, INBOX_LIMIT)?.into_iter().map(|o| wording.shown(o)).collect())
}

/// Entries fired and not yet seen.
pub fn unread(repos: &impl Repos) -> Result<u32> {
    repos.unread()
}

/// One entry, whatever its state.
pub fn item(repos: &impl Repos, id: i64) -> Result<InboxItem> {
    items(repos, &[id]).map(|mut found| found.remove(0))
}

/// Several entries, whatever their state, worded once (a reminder pass notifies about several at a time).
pub fn items(repos: &impl Repos, ids: &[i64]) -> Result<Vec<InboxItem>> {
    let wording = Wording::of(repos)?;
    ids.iter()
        .map(|&id| {
            let row = repos.occurrence(id)?.ok_or_else(|| CoreError::not_found("reminder", id.to_string()))?;
            Ok(wording.shown(row))
        })
        .collect()
}

/// When a snooze given as `15m`, `1h` or `tomorrow` (09:00 the next local day of the entry's person) ends.
fn snooze_until(repos: &impl Repos, now: DateTime<Utc>, person_id: i64, how: &str) -> Result<DateTime<Utc>> {
    Ok(match how.trim() {
        "15m" => now + Duration::minutes(15),
        "1h" => now + Duration::hours(1),
        "tomorrow" => {
            let clock = person_clock(repos, person_id)?;
            let tomorrow = local_date(now, &clock.zone, clock.day_start) + Duration::days(1);
            clock.zone.resolve(tomorrow, NaiveTime::from_hms_opt(9, 0, 0).unwrap_or(NaiveTime::MIN))
        }
        other => return Err(CoreError::invalid("snooze", Msg::new("reminder.snooze.unknown").arg("how", other))),
    })
}

/// Snoozes an entry.
pub fn snooze<S: Store>(store: &mut S, now: DateTime<Utc>, id: i64, how: &str) -> Result<InboxItem> {
    store.act(|repos| {
        let entry = item(repos, id)?;
        let until = snooze_until(repos, now, entry.person_id, how)?;
        repos.set_occurrence_state(id, "snoozed", Some(until.timestamp_millis()))?;
        item(repos, id)
    })
}

/// Snoozes every waiting entry by `minutes` (the tray's "Snooze all 1 h"); how many.
pub fn snooze_all<S: Store>(store: &mut S, now: DateTime<Utc>, minutes: i64) -> Result<u32> {
    store.act(|repos| repos.snooze_fired((now + Duration::minutes(minutes)).timestamp_millis()))
}

/// Sets an entry's state: `dismissed` or `acted` (the user logged from it).
pub fn set_state<S: Store>(store: &mut S, id: i64, state: &str) -> Result<InboxItem> {
    store.act(|repos| {
        item(repos, id)?;
        repos.set_occurrence_state(id, state, None)?;
        item(repos, id)
    })
}

/// Marks every fired entry as seen (the inbox was opened).
pub fn mark_seen<S: Store>(store: &mut S) -> Result<()> {
    store.act(|repos| repos.mark_fired_seen())
}

#[cfg(test)]
mod tests {
    //! The same inbox on the in-memory store and on a real SQLite file (occurrences stored as the engine's pass
    //! stores them); times worked out by hand (Amsterdam is UTC+1 in early March).
    use super::*;
    use crate::domain::followups::NewFollowup;
    use crate::model::NewPerson;
    use crate::service::{catalogue, followups, people};
    use crate::store::memory::MemoryStore;
    use chrono::TimeZone;

    fn utc(day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, day, hour, minute, 0).unwrap()
    }

    /// A store the engine's pass can store occurrences in.
    trait Fires: Store {
        fn rule(&mut self, person: i64) -> i64;
        fn fire(&mut self, rule: i64, person: i64, key: &str, fired_at: DateTime<Utc>, followup: Option<i64>, missed: bool) -> i64;
    }

    fn occurrence(rule: i64, person: i64, key: &str, fired_at: DateTime<Utc>, followup: Option<i64>) -> OccurrenceRow {
        OccurrenceRow {
            id: 0,
            rule_id: rule,
            person_id: person,
            person_name: String::new(),
            tz: String::new(),
            kind: "checkin".into(),
            category: None,
            followup_id: followup,
            key: key.into(),
            fire_at: fired_at.timestamp_millis(),
            fired_at: fired_at.timestamp_millis(),
            late: false,
            state: "fired".into(),
            snoozed_until: None,
            seen: false,
            title: format!("title {key}"),
            body: format!("body {key}"),
            notice: None,
            uid: String::new(),
        }
    }

    impl Fires for MemoryStore {
        fn rule(&mut self, person: i64) -> i64 {
            self.add_rule(person, 0)
        }

        fn fire(&mut self, rule: i64, person: i64, key: &str, fired_at: DateTime<Utc>, followup: Option<i64>, missed: bool) -> i64 {
            let mut o = occurrence(rule, person, key, fired_at, followup);
            if missed {
                o.state = "dismissed".into();
            }
            self.add_occurrence(o, missed, None)
        }
    }

    impl Fires for crate::Db {
        fn rule(&mut self, person: i64) -> i64 {
            let input = crate::NewRule { person: person.to_string(), kind: "checkin".into(), at: Some("09:00".into()), ..Default::default() };
            self.add_rule(&input).unwrap().id
        }

        fn fire(&mut self, rule: i64, person: i64, key: &str, fired_at: DateTime<Utc>, followup: Option<i64>, missed: bool) -> i64 {
            let o = occurrence(rule, person, key, fired_at, followup);
            self.conn
                .execute(
                    "INSERT INTO reminder_occurrences (rule_id, occurrence, person_id, kind, followup_id, fire_at, fired_at, title, body, state, missed)
                     VALUES (?1, ?2, ?3, 'checkin', ?4, ?5, ?5, ?6, ?7, ?8, ?9)",
                    rusqlite::params![rule, key, person, followup, o.fired_at, o.title, o.body, if missed { "dismissed" } else { "fired" }, missed],
                )
                .unwrap();
            self.conn.last_insert_rowid()
        }
    }

    fn the_inbox<S: Fires>(store: &mut S) {
        catalogue::seed(store).unwrap();
        let person = |name: &str| NewPerson { name: name.into(), tz: Some("Europe/Amsterdam".into()), ..NewPerson::default() };
        let ann = people::add(store, utc(1, 9, 0), &person("Ann")).unwrap().id;
        let bob = people::add(store, utc(1, 9, 0), &person("Bob")).unwrap().id;
        let promise = followups::add(store, utc(1, 9, 0), &NewFollowup { person: "Ann".into(), text: "Call".into(), due: "2026-03-05".into(), from_action: None }).unwrap();
        let (ra, rb) = (store.rule(ann), store.rule(bob));
        let o1 = store.fire(ra, ann, "one", utc(2, 10, 0), None, false);
        let o2 = store.fire(rb, bob, "two", utc(2, 11, 0), None, false);
        store.fire(ra, ann, "missed", utc(2, 13, 0), None, true);
        let o4 = store.fire(ra, ann, "four", utc(2, 12, 0), Some(promise.id), false);
        let ids = |store: &S, all: bool| inbox(&store.reader(), all).unwrap().into_iter().map(|i| i.id).collect::<Vec<_>>();
        assert_eq!(ids(store, false), [o4, o2, o1], "newest first, the missed one never shown");
        assert_eq!(unread(&store.reader()).unwrap(), 3);
        let first = item(&store.reader(), o1).unwrap();
        assert_eq!((first.person_name.as_str(), first.fired_at.as_str(), first.title.as_str()), ("Ann", "2026-03-02T11:00:00+01:00", "title one"));

        let now = utc(2, 22, 30); // 23:30 in Amsterdam
        let later = snooze(store, now, o1, "15m").unwrap();
        assert_eq!((later.state.as_str(), later.snoozed_until.as_deref(), later.seen), ("snoozed", Some("2026-03-02T23:45:00+01:00"), true));
        let tomorrow = snooze(store, now, o1, " tomorrow ").unwrap();
        assert_eq!(tomorrow.snoozed_until.as_deref(), Some("2026-03-03T09:00:00+01:00"), "09:00 on her next day");
        assert_eq!(snooze(store, now, o1, "1h").unwrap().snoozed_until.as_deref(), Some("2026-03-03T00:30:00+01:00"));
        assert!(matches!(snooze(store, now, o1, "forever"), Err(CoreError::Invalid { field: "snooze", .. })));
        assert!(matches!(snooze(store, now, 999, "15m"), Err(CoreError::NotFound { .. })));
        assert_eq!(set_state(store, o2, "dismissed").unwrap().state, "dismissed");
        assert_eq!(ids(store, false), [o4, o1], "a snoozed entry waits, a dismissed one does not");
        assert_eq!(ids(store, true), [o4, o2, o1]);
        assert_eq!(unread(&store.reader()).unwrap(), 1);

        // A deleted promise's and an archived person's entries rest, and come back.
        followups::delete(store, now, promise.id).unwrap();
        assert_eq!((ids(store, true), unread(&store.reader()).unwrap()), (vec![o2, o1], 0));
        followups::restore(store, now, promise.id).unwrap();
        people::archive(store, now, bob).unwrap();
        assert_eq!(ids(store, true), [o4, o1]);
        people::restore(store, now, bob).unwrap();

        assert_eq!(snooze_all(store, now, 60).unwrap(), 1, "only fired entries");
        let four = item(&store.reader(), o4).unwrap();
        assert_eq!((four.state.as_str(), four.snoozed_until.as_deref()), ("snoozed", Some("2026-03-03T00:30:00+01:00")));
        assert_eq!(set_state(store, o4, "acted").unwrap().state, "acted");
        store.fire(ra, ann, "five", utc(2, 14, 0), None, false);
        assert_eq!(unread(&store.reader()).unwrap(), 1);
        mark_seen(store).unwrap();
        assert_eq!(unread(&store.reader()).unwrap(), 0);
    }

    #[test]
    fn the_inbox_on_both_stores() {
        the_inbox(&mut MemoryStore::new());
        let dir = tempfile::tempdir().unwrap();
        the_inbox(&mut crate::Db::open_dir(dir.path()).unwrap());
    }
}
