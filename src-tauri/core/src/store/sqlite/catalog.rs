//! The catalogue in SQLite: `categories`, `channels` (with `channel_units`), `layers`, `units` and
//! `value_items`, one table per kind; and the key lookups other areas still make on a connection.

use rusqlite::{params, OptionalExtension};

use crate::domain::catalogue::Table;
use crate::error::Result;
use crate::store::sqlite::Sql;
use crate::store::{CatalogRepo, EntryChange, EntryRecord, NewEntry};

/// The table of a catalogue kind.
pub(crate) fn table(kind: Table) -> &'static str {
    match kind {
        Table::Category => "categories",
        Table::Channel => "channels",
        Table::Layer => "layers",
        Table::Unit => "units",
        Table::Value => "value_items",
    }
}

/// The columns of [`EntryRecord`] for `kind`, constants where the kind has no such column.
fn columns(kind: Table) -> &'static str {
    match kind {
        Table::Category => "id, key, label, archived, colour, 0, '', rank, NULL, uid",
        Table::Channel => {
            "id, key, label, archived, '', external, '', 0, (SELECT group_concat(u.key, char(31)) FROM channel_units cu
                 JOIN units u ON u.id = cu.unit_id WHERE cu.channel_id = channels.id), uid"
        }
        Table::Layer => "id, key, label, archived, '', 0, '', rank, NULL, uid",
        Table::Unit => "id, key, label, archived, '', 0, '', 0, NULL, uid",
        Table::Value => "id, key, label, archived, '', 0, kind, 0, NULL, uid",
    }
}

/// What `group_concat` puts between keys: the ASCII unit separator, which no key holds (a comma may).
pub(crate) const KEY_SEPARATOR: char = '\u{1f}';

/// A channel's unit keys from `group_concat(u.key, char(31))` (NULL: none), sorted.
pub(crate) fn unit_keys(text: Option<String>) -> Vec<String> {
    let mut keys: Vec<String> = text.map(|t| t.split(KEY_SEPARATOR).map(String::from).collect()).unwrap_or_default();
    keys.sort();
    keys
}

impl CatalogRepo for Sql<'_> {
    fn live_key(&self, kind: Table, key: &str) -> Result<Option<i64>> {
        let sql = format!("SELECT id FROM {} WHERE key = ?1 AND archived = 0", table(kind));
        Ok(self.0.prepare_cached(&sql)?.query_row([key], |r| r.get(0)).optional()?)
    }

    fn entry_id(&self, kind: Table, key: &str) -> Result<Option<i64>> {
        let sql = format!("SELECT id FROM {} WHERE key = ?1", table(kind));
        Ok(self.0.prepare_cached(&sql)?.query_row([key], |r| r.get(0)).optional()?)
    }

    fn entries(&self, kind: Table) -> Result<Vec<EntryRecord>> {
        let sql = format!("SELECT {} FROM {} ORDER BY id", columns(kind), table(kind));
        let mut stmt = self.0.prepare_cached(&sql)?;
        let rows = stmt.query_map([], |r| {
            Ok(EntryRecord {
                id: r.get(0)?,
                key: r.get(1)?,
                label: r.get(2)?,
                archived: r.get(3)?,
                colour: r.get(4)?,
                external: r.get(5)?,
                value_kind: r.get(6)?,
                rank: r.get(7)?,
                units: unit_keys(r.get(8)?),
                uid: r.get::<_, Option<String>>(9)?.unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn insert_entry(&mut self, kind: Table, e: &NewEntry) -> Result<i64> {
        let next = |t: &str| format!("(SELECT coalesce(max(rank), 0) + 1 FROM {t})");
        match kind {
            Table::Category => self.0.execute(
                &format!("INSERT INTO categories (key, label, colour, rank, uid) VALUES (?1, ?2, ?3, coalesce(?4, {}), ?5)", next("categories")),
                params![e.key, e.label, e.colour, e.rank, e.uid],
            )?,
            Table::Channel => self.0.execute(
                "INSERT INTO channels (key, label, external, uid) VALUES (?1, ?2, ?3, ?4)",
                params![e.key, e.label, e.external, e.uid],
            )?,
            Table::Layer => self.0.execute(
                &format!("INSERT INTO layers (key, label, rank, uid) VALUES (?1, ?2, coalesce(?3, {}), ?4)", next("layers")),
                params![e.key, e.label, e.rank, e.uid],
            )?,
            Table::Unit => self.0.execute("INSERT INTO units (key, label, uid) VALUES (?1, ?2, ?3)", params![e.key, e.label, e.uid])?,
            Table::Value => self.0.execute(
                "INSERT INTO value_items (key, label, kind, uid) VALUES (?1, ?2, ?3, ?4)",
                params![e.key, e.label, e.value_kind, e.uid],
            )?,
        };
        Ok(self.0.last_insert_rowid())
    }

    fn change_entry(&mut self, kind: Table, id: i64, c: &EntryChange) -> Result<()> {
        let t = table(kind);
        if let Some(label) = &c.label {
            self.0.execute(&format!("UPDATE {t} SET label = ?2 WHERE id = ?1"), params![id, label])?;
        }
        // A field its kind does not have is left alone (the id names a row of this kind's table only).
        if let Some(colour) = c.colour.as_ref().filter(|_| kind == Table::Category) {
            self.0.execute("UPDATE categories SET colour = ?2 WHERE id = ?1", params![id, colour])?;
        }
        if let Some(value_kind) = c.value_kind.as_ref().filter(|_| kind == Table::Value) {
            self.0.execute("UPDATE value_items SET kind = ?2 WHERE id = ?1", params![id, value_kind])?;
        }
        if let Some(external) = c.external.filter(|_| kind == Table::Channel) {
            self.0.execute("UPDATE channels SET external = ?2 WHERE id = ?1", params![id, external])?;
        }
        if let Some(archived) = c.archived {
            self.0.execute(&format!("UPDATE {t} SET archived = ?2 WHERE id = ?1"), params![id, archived])?;
        }
        if let Some(rank) = c.rank.filter(|_| matches!(kind, Table::Category | Table::Layer)) {
            self.0.execute(&format!("UPDATE {t} SET rank = ?2 WHERE id = ?1"), params![id, rank])?;
        }
        if let Some(uid) = &c.uid {
            self.0.execute(&format!("UPDATE {t} SET uid = ?2 WHERE id = ?1"), params![id, uid])?;
        }
        Ok(())
    }

    fn add_channel_unit(&mut self, channel_id: i64, unit_id: i64) -> Result<()> {
        self.0.execute("INSERT OR IGNORE INTO channel_units (channel_id, unit_id) VALUES (?1, ?2)", params![channel_id, unit_id])?;
        Ok(())
    }

    fn clear_channel_units(&mut self, channel_id: i64) -> Result<()> {
        self.0.execute("DELETE FROM channel_units WHERE channel_id = ?1", [channel_id])?;
        Ok(())
    }

    fn category_with_role(&self, role: &str) -> Result<Option<i64>> {
        Ok(self.0.prepare_cached("SELECT id FROM categories WHERE role = ?1")?.query_row([role], |r| r.get(0)).optional()?)
    }

    fn set_category_role(&mut self, id: i64, role: &str) -> Result<()> {
        self.0.execute("UPDATE categories SET role = ?2 WHERE id = ?1", params![id, role])?;
        Ok(())
    }
}
