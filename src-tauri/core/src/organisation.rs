//! Editing the organisation: add, rename, recolour and archive catalogue entries, and edit people.
//!
//! Keys never change and entries are archived, never deleted, so every old action keeps its category,
//! channel, audiences and values: archiving only hides an entry from the choices for new actions.

use rusqlite::params;
use serde::{Deserialize, Serialize};

use crate::catalog::{clean_label, key_from_label};
use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::i18n::Msg;
use crate::model::{NewPerson, Person};
use crate::people::resolve_person;

/// The catalogue lists that can be edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum List {
    Categories,
    Channels,
    Layers,
    Units,
    Values,
}

impl List {
    fn parse(text: &str) -> Result<List> {
        Ok(match text {
            "categories" => List::Categories,
            "channels" => List::Channels,
            "layers" => List::Layers,
            "units" => List::Units,
            "values" => List::Values,
            other => return Err(CoreError::invalid("list", Msg::new("organisation.list.unknown").arg("list", other))),
        })
    }

    fn table(self) -> &'static str {
        match self {
            List::Categories => "categories",
            List::Channels => "channels",
            List::Layers => "layers",
            List::Units => "units",
            List::Values => "value_items",
        }
    }
}

/// Changes to a catalogue entry; absent fields stay as they are.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(optional_fields = nullable)]
pub struct CatalogPatch {
    pub label: Option<String>,
    /// Categories: `#rrggbb`.
    pub colour: Option<String>,
    /// Channels: external (customers, partners, the public) or internal.
    pub external: Option<bool>,
    /// Values: `value` or `theme`.
    pub kind: Option<String>,
    pub archived: Option<bool>,
    /// Channels: the unit keys it is meant for (empty: everyone).
    pub units: Option<Vec<String>>,
}

fn check_colour(colour: &str) -> Result<String> {
    let c = colour.trim();
    let ok = c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|ch| ch.is_ascii_hexdigit());
    if !ok {
        return Err(CoreError::invalid("colour", Msg::new("organisation.colour.invalid").arg("colour", c)));
    }
    Ok(c.to_ascii_lowercase())
}

impl Db {
    /// Adds an entry to a catalogue list; returns its key (derived from the label).
    pub fn add_catalog_entry(&mut self, list: &str, label: &str, patch: &CatalogPatch) -> Result<String> {
        let list = List::parse(list)?;
        let label = clean_label("label", label)?;
        let key = key_from_label(&label);
        if key.is_empty() {
            return Err(CoreError::invalid("label", Msg::new("organisation.label.no_key")));
        }
        let exists: bool = self.conn.prepare(&format!("SELECT 1 FROM {} WHERE key = ?1", list.table()))?.exists([&key])?;
        if exists {
            return Err(CoreError::Conflict(Msg::new("catalog.exists").arg("label", &label).arg("key", &key)));
        }
        let colour = patch.colour.as_deref().map(check_colour).transpose()?.unwrap_or_else(|| "#64748b".into());
        let kind = patch.kind.clone().unwrap_or_else(|| "value".into());
        if list == List::Values && kind != "value" && kind != "theme" {
            return Err(CoreError::invalid("kind", Msg::new("value.kind.needed")));
        }
        // The units are checked before anything is written, and stored with the channel in one transaction.
        let units: Vec<i64> = match &patch.units {
            Some(_) if list != List::Channels => return Err(CoreError::invalid("units", Msg::new("organisation.units.only_channels"))),
            Some(keys) => keys.iter().map(|k| crate::catalog::id_for_key(&self.conn, crate::catalog::Table::Unit, k)).collect::<Result<_>>()?,
            None => Vec::new(),
        };
        self.write(|tx| {
            match list {
                List::Categories => tx.execute(
                    "INSERT INTO categories (key, label, colour, rank) VALUES (?1, ?2, ?3, (SELECT coalesce(max(rank), 0) + 1 FROM categories))",
                    params![key, label, colour],
                )?,
                List::Channels => tx.execute(
                    "INSERT INTO channels (key, label, external) VALUES (?1, ?2, ?3)",
                    params![key, label, patch.external.unwrap_or(false)],
                )?,
                List::Layers => tx.execute(
                    "INSERT INTO layers (key, label, rank) VALUES (?1, ?2, (SELECT coalesce(max(rank), 0) + 1 FROM layers))",
                    params![key, label],
                )?,
                List::Units => tx.execute("INSERT INTO units (key, label) VALUES (?1, ?2)", params![key, label])?,
                List::Values => tx.execute("INSERT INTO value_items (key, label, kind) VALUES (?1, ?2, ?3)", params![key, label, kind])?,
            };
            let id = tx.last_insert_rowid();
            for (i, unit) in units.iter().enumerate() {
                if i > 0 {
                    crate::failpoint::check("channel.units")
                        .map_err(|source| CoreError::Io { context: Msg::new("io.write").arg("path", "channel_units"), source })?;
                }
                tx.execute("INSERT INTO channel_units (channel_id, unit_id) VALUES (?1, ?2)", params![id, unit])?;
            }
            Ok(())
        })?;
        Ok(key)
    }

    /// Renames, recolours, (un)archives or rescopes an entry. Its key, and so its history, stay.
    pub fn update_catalog_entry(&mut self, list: &str, key: &str, patch: &CatalogPatch) -> Result<()> {
        let list = List::parse(list)?;
        let table = list.table();
        let id: i64 = self
            .conn
            .query_row(&format!("SELECT id FROM {table} WHERE key = ?1"), [key], |r| r.get(0))
            .map_err(|_| CoreError::not_found("entry", key))?;
        let label = patch.label.as_deref().map(|l| clean_label("label", l)).transpose()?;
        let colour = match (list, &patch.colour) {
            (List::Categories, Some(c)) => Some(check_colour(c)?),
            (_, Some(_)) => return Err(CoreError::invalid("colour", Msg::new("organisation.colour.only_categories"))),
            _ => None,
        };
        if let Some(kind) = &patch.kind {
            if list != List::Values || (kind != "value" && kind != "theme") {
                return Err(CoreError::invalid("kind", Msg::new("organisation.kind.only_values")));
            }
        }
        if patch.external.is_some() && list != List::Channels {
            return Err(CoreError::invalid("external", Msg::new("organisation.external.only_channels")));
        }
        let units: Option<Vec<i64>> = match &patch.units {
            Some(_) if list != List::Channels => return Err(CoreError::invalid("units", Msg::new("organisation.units.only_channels"))),
            Some(keys) => Some(
                keys.iter()
                    .map(|k| crate::catalog::id_for_key(&self.conn, crate::catalog::Table::Unit, k))
                    .collect::<Result<Vec<_>>>()?,
            ),
            None => None,
        };
        if list == List::Categories && patch.archived == Some(true) {
            let active: i64 = self.conn.query_row("SELECT count(*) FROM categories WHERE archived = 0 AND id != ?1", [id], |r| r.get(0))?;
            if active == 0 {
                return Err(CoreError::invalid("archived", Msg::new("organisation.keep_category")));
            }
        }
        self.write(|tx| {
            if let Some(label) = &label {
                tx.execute(&format!("UPDATE {table} SET label = ?2 WHERE id = ?1"), params![id, label])?;
            }
            if let Some(colour) = &colour {
                tx.execute("UPDATE categories SET colour = ?2 WHERE id = ?1", params![id, colour])?;
            }
            if let Some(kind) = &patch.kind {
                tx.execute("UPDATE value_items SET kind = ?2 WHERE id = ?1", params![id, kind])?;
            }
            if let Some(external) = patch.external {
                tx.execute("UPDATE channels SET external = ?2 WHERE id = ?1", params![id, external])?;
            }
            if let Some(archived) = patch.archived {
                tx.execute(&format!("UPDATE {table} SET archived = ?2 WHERE id = ?1"), params![id, archived])?;
            }
            if let Some(units) = &units {
                tx.execute("DELETE FROM channel_units WHERE channel_id = ?1", [id])?;
                for unit in units {
                    tx.execute("INSERT INTO channel_units (channel_id, unit_id) VALUES (?1, ?2)", params![id, unit])?;
                }
            }
            Ok(())
        })
    }

    /// Edits a person: name, role, layer, unit and time zone (working days and day start: `set_schedule`).
    pub fn update_person(&mut self, person: &str, input: &NewPerson) -> Result<Person> {
        let id = resolve_person(&self.conn, person)?;
        let name = clean_label("name", &input.name)?;
        if name.parse::<i64>().is_ok() {
            return Err(CoreError::invalid("name", Msg::new("person.name.number")));
        }
        let taken: bool =
            self.conn.prepare("SELECT 1 FROM people WHERE name = ?1 COLLATE NOCASE AND id != ?2")?.exists(params![name, id])?;
        if taken {
            return Err(CoreError::Conflict(Msg::new("person.exists").arg("name", &name)));
        }
        let role = input.role.as_deref().unwrap_or("").trim().to_string();
        if role.chars().count() > crate::people::MAX_ROLE {
            return Err(CoreError::invalid("role", Msg::new("person.role.too_long")));
        }
        let tz = match input.tz.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) => match crate::time::Zone::parse(t)? {
                crate::time::Zone::Iana(z) => Some(z.name().to_string()),
                crate::time::Zone::Fixed(_) => return Err(CoreError::invalid("tz", Msg::new("tz.not_iana"))),
            },
            None => None,
        };
        // A live layer or unit, or the archived one the person already has (editing their role must not
        // force a move out of a unit that was archived since).
        let current = self.person(id)?;
        let key = |t, k: &Option<String>, had: &Option<String>| -> Result<Option<i64>> {
            let Some(k) = k.as_deref().map(str::trim).filter(|k| !k.is_empty()) else { return Ok(None) };
            crate::catalog::id_for_key_keeping(&self.conn, t, k, had.as_deref() == Some(k)).map(Some)
        };
        let layer = key(crate::catalog::Table::Layer, &input.layer, &current.layer)?;
        let unit = key(crate::catalog::Table::Unit, &input.unit, &current.unit)?;
        self.write(|tx| {
            tx.execute(
                "UPDATE people SET name = ?2, role = ?3, layer_id = ?4, unit_id = ?5, tz = coalesce(?6, tz) WHERE id = ?1",
                params![id, name, role, layer, unit, tz],
            )?;
            Ok(())
        })?;
        self.person(id)
    }

    /// The whole catalogue, archived entries included (for the organisation settings and history labels).
    pub fn catalog_all(&self) -> Result<crate::model::Catalog> {
        let mut c = self.catalog()?;
        let extra = |sql: &str| -> Result<Vec<(i64, String, String, bool)>> {
            Ok(self.conn.prepare(sql)?.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?.collect::<rusqlite::Result<_>>()?)
        };
        for (id, key, label, external) in extra("SELECT id, key, label, external FROM channels WHERE archived = 1")? {
            let units: Option<String> = self.conn.query_row(
                "SELECT group_concat(u.key, ',') FROM channel_units cu JOIN units u ON u.id = cu.unit_id WHERE cu.channel_id = ?1",
                [id],
                |r| r.get(0),
            )?;
            c.channels.push(crate::model::Channel { id, key, label, external, archived: true, units: crate::catalog::unit_keys(units) });
        }
        for (id, key, label, _) in extra("SELECT id, key, label, 0 FROM categories WHERE archived = 1")? {
            let colour: String = self.conn.query_row("SELECT colour FROM categories WHERE id = ?1", [id], |r| r.get(0))?;
            c.categories.push(crate::model::Category { id, key, label, colour, archived: true });
        }
        for (table, list) in [("layers", &mut c.layers), ("units", &mut c.units)] {
            let kind = &table[..table.len() - 1];
            for (id, key, label, _) in extra(&format!("SELECT id, key, label, 0 FROM {table} WHERE archived = 1"))? {
                list.push(crate::model::Audience { id, key, label, kind: kind.to_string(), archived: true });
            }
        }
        let archived_values = self
            .conn
            .prepare("SELECT id, key, label, kind FROM value_items WHERE archived = 1 ORDER BY label")?
            .query_map([], |r| {
                Ok(crate::model::ValueItem { id: r.get(0)?, key: r.get(1)?, label: r.get(2)?, kind: r.get(3)?, archived: true })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        c.values.extend(archived_values);
        Ok(c)
    }
}
