//! The inbox on the desktop's database: [`Db`]'s methods, which call `service::inbox` with the SQLite store.

use crate::db::Db;
use crate::error::Result;
use crate::service::inbox as service;
use crate::store::Store;

pub use crate::domain::inbox::InboxItem;

impl Db {
    /// The inbox: entries waiting (fired or snoozed), newest first; with `all`, handled ones too.
    pub fn inbox(&self, all: bool) -> Result<Vec<InboxItem>> {
        service::inbox(&self.reader(), all)
    }

    /// Entries fired and not yet seen.
    pub fn unread_count(&self) -> Result<u32> {
        service::unread(&self.reader())
    }

    pub fn inbox_item(&self, id: i64) -> Result<InboxItem> {
        service::item(&self.reader(), id)
    }

    /// Snoozes an entry: `15m`, `1h` or `tomorrow` (09:00 the next local day of its person).
    pub fn snooze(&mut self, id: i64, how: &str) -> Result<InboxItem> {
        let now = self.clock.now();
        service::snooze(self, now, id, how)
    }

    /// Snoozes every waiting entry by `minutes` (the tray's "Snooze all 1 h").
    pub fn snooze_all(&mut self, minutes: i64) -> Result<u32> {
        let now = self.clock.now();
        service::snooze_all(self, now, minutes)
    }

    pub fn dismiss(&mut self, id: i64) -> Result<InboxItem> {
        service::set_state(self, id, "dismissed")
    }

    /// Marks an entry acted on (the user logged from it).
    pub fn acted(&mut self, id: i64) -> Result<InboxItem> {
        service::set_state(self, id, "acted")
    }

    /// Marks every fired entry as seen (the inbox was opened).
    pub fn mark_seen(&mut self) -> Result<()> {
        service::mark_seen(self)
    }
}
