//! iCalendar (RFC 5545) of open follow-ups: one all-day event on each due date, so an assistant can add
//! the leader's promises to the calendar they already use. Built with the `icalendar` crate, which
//! handles escaping and line folding.

use icalendar::{Calendar, Component, Event, EventLike};

use crate::db::Db;
use crate::error::Result;
use crate::time::parse_date;

impl Db {
    /// Open (and overdue) follow-ups as an iCalendar document.
    pub fn export_ics(&self) -> Result<String> {
        let stamp = self.clock.now();
        let mut cal = Calendar::new();
        let locale = self.locale();
        let t = locale.texts();
        cal.name(t.ics_calendar);
        for f in self.followups(None, Some("open"))? {
            let due = parse_date("due", &f.due)?;
            // A promise's uid, or (in a file from before uids) its id.
            let uid = if f.uid.is_empty() { f.id.to_string() } else { f.uid.clone() };
            let event = Event::new()
                .uid(&format!("{uid}@cadence"))
                .timestamp(stamp)
                .summary(&format!("{}: {}", f.person_name, f.text))
                .description(&crate::i18n::fill(t.ics_description, &[("name", &f.person_name), ("due", &locale.date(due))]))
                .all_day(due)
                .done();
            cal.push(event);
        }
        Ok(cal.done().to_string())
    }
}
