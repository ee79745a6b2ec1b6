//! Actions in SQLite: `actions`, its link tables (which repeat the person and the date, so statistics read
//! one index), and `deleted_actions`, the kept deletes.

use rusqlite::{params, Connection, OptionalExtension, Row, ToSql};

use crate::error::Result;
use crate::store::sqlite::catalog::KEY_SEPARATOR;
use crate::store::sqlite::Sql;
use crate::store::{ActionFilter, ActionRecord, ActionRow, ActionsRepo};

/// The statements that link an action to its layers, units and values.
const LINK_SQL: [&str; 3] = [
    "INSERT INTO action_layers (action_id, layer_id, person_id, local_date) VALUES (?1, ?2, ?3, ?4)",
    "INSERT INTO action_units (action_id, unit_id, person_id, local_date) VALUES (?1, ?2, ?3, ?4)",
    "INSERT INTO action_values (action_id, value_id, person_id, local_date) VALUES (?1, ?2, ?3, ?4)",
];

fn insert_links(conn: &Connection, id: i64, a: &ActionRecord) -> Result<()> {
    for (sql, ids) in LINK_SQL.iter().zip([&a.layers, &a.units, &a.values]).filter(|(_, ids)| !ids.is_empty()) {
        let mut stmt = conn.prepare_cached(sql)?;
        for target in ids {
            stmt.execute(params![id, target, a.person_id, a.local_date])?;
        }
    }
    Ok(())
}

fn ids(conn: &Connection, sql: &str, id: i64) -> Result<Vec<i64>> {
    Ok(conn.prepare_cached(sql)?.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<Vec<_>>>()?)
}

const ROW_SQL: &str = "SELECT a.id, a.person_id, p.name, c.key, a.occurred_at, a.local_date, a.tz, a.note, ch.key,
        a.logged_by, a.created_at, a.updated_at,
        (SELECT group_concat(l.key, char(31)) FROM action_layers x JOIN layers l ON l.id = x.layer_id WHERE x.action_id = a.id),
        (SELECT group_concat(u.key, char(31)) FROM action_units x JOIN units u ON u.id = x.unit_id WHERE x.action_id = a.id),
        (SELECT group_concat(v.key, char(31)) FROM action_values x JOIN value_items v ON v.id = x.value_id WHERE x.action_id = a.id),
        a.uid
     FROM actions a
     JOIN people p ON p.id = a.person_id
     JOIN categories c ON c.id = a.category_id
     LEFT JOIN channels ch ON ch.id = a.channel_id";

fn split_keys(text: Option<String>) -> Vec<String> {
    text.map(|t| t.split(KEY_SEPARATOR).map(String::from).collect()).unwrap_or_default()
}

fn row(r: &Row<'_>) -> rusqlite::Result<ActionRow> {
    Ok(ActionRow {
        id: r.get(0)?,
        person_id: r.get(1)?,
        person_name: r.get(2)?,
        category: r.get(3)?,
        occurred_at: r.get(4)?,
        local_date: r.get(5)?,
        tz: r.get(6)?,
        note: r.get(7)?,
        channel: r.get(8)?,
        logged_by: r.get(9)?,
        created_at: r.get(10)?,
        updated_at: r.get(11)?,
        layers: split_keys(r.get(12)?),
        units: split_keys(r.get(13)?),
        values: split_keys(r.get(14)?),
        uid: r.get::<_, Option<String>>(15)?.unwrap_or_default(),
    })
}

/// The `WHERE` conditions (after `1 = 1`) and arguments of a filter.
fn filter(f: &ActionFilter) -> (String, Vec<rusqlite::types::Value>) {
    use rusqlite::types::Value;
    let (mut sql, mut args) = (String::new(), Vec::new());
    if let Some(person) = f.person_id {
        args.push(Value::Integer(person));
        sql.push_str(&format!(" AND a.person_id = ?{}", args.len()));
    }
    if let Some(from) = &f.from {
        args.push(Value::Text(from.clone()));
        sql.push_str(&format!(" AND a.local_date >= ?{}", args.len()));
    }
    if let Some(to) = &f.to {
        args.push(Value::Text(to.clone()));
        sql.push_str(&format!(" AND a.local_date <= ?{}", args.len()));
    }
    (sql, args)
}

impl ActionsRepo for Sql<'_> {
    fn insert_action(&mut self, a: &ActionRecord) -> Result<i64> {
        self.0
            .prepare_cached(
                "INSERT INTO actions (person_id, category_id, occurred_at, local_date, tz, note, channel_id,
                                      logged_by, created_at, updated_at, uid)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, coalesce(?11, lower(hex(randomblob(16)))))",
            )?
            .execute(params![
                a.person_id, a.category_id, a.occurred_at, a.local_date, a.tz, a.note, a.channel_id, a.logged_by, a.created_at,
                a.updated_at, a.uid
            ])?;
        let id = self.0.last_insert_rowid();
        insert_links(self.0, id, a)?;
        Ok(id)
    }

    fn reinsert_action(&mut self, id: i64, a: &ActionRecord) -> Result<()> {
        self.0.execute(
            "INSERT INTO actions (id, person_id, category_id, occurred_at, local_date, tz, note, channel_id,
                                  logged_by, created_at, updated_at, uid)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, coalesce(?12, lower(hex(randomblob(16)))))",
            params![id, a.person_id, a.category_id, a.occurred_at, a.local_date, a.tz, a.note, a.channel_id, a.logged_by,
                    a.created_at, a.updated_at, a.uid],
        )?;
        insert_links(self.0, id, a)
    }

    fn replace_action(&mut self, id: i64, a: &ActionRecord) -> Result<()> {
        self.0.execute(
            "UPDATE actions SET person_id = ?2, category_id = ?3, occurred_at = ?4, local_date = ?5, tz = ?6,
                    note = ?7, channel_id = ?8, logged_by = ?9, updated_at = ?10
             WHERE id = ?1",
            params![id, a.person_id, a.category_id, a.occurred_at, a.local_date, a.tz, a.note, a.channel_id, a.logged_by, a.updated_at],
        )?;
        for table in ["action_layers", "action_units", "action_values"] {
            self.0.execute(&format!("DELETE FROM {table} WHERE action_id = ?1"), [id])?;
        }
        insert_links(self.0, id, a)
    }

    fn remove_action(&mut self, id: i64) -> Result<()> {
        // The links go with it (ON DELETE CASCADE).
        self.0.execute("DELETE FROM actions WHERE id = ?1", [id])?;
        Ok(())
    }

    fn insert_actions(&mut self, actions: &[ActionRecord]) -> Result<()> {
        // The statements prepared once for all rows: at a million rows their look-up in the cache shows.
        let mut insert = self.0.prepare(
            "INSERT INTO actions (person_id, category_id, occurred_at, local_date, tz, note, channel_id,
                                  logged_by, created_at, updated_at, uid)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, coalesce(?11, lower(hex(randomblob(16)))))",
        )?;
        let mut links = [self.0.prepare(LINK_SQL[0])?, self.0.prepare(LINK_SQL[1])?, self.0.prepare(LINK_SQL[2])?];
        for a in actions {
            insert.execute(params![
                a.person_id, a.category_id, a.occurred_at, a.local_date, a.tz, a.note, a.channel_id, a.logged_by, a.created_at,
                a.updated_at, a.uid
            ])?;
            let id = self.0.last_insert_rowid();
            for (stmt, ids) in links.iter_mut().zip([&a.layers, &a.units, &a.values]) {
                for target in ids {
                    stmt.execute(params![id, target, a.person_id, a.local_date])?;
                }
            }
        }
        Ok(())
    }

    fn action_by_uid(&self, uid: &str) -> Result<Option<i64>> {
        Ok(self.0.prepare_cached("SELECT id FROM actions WHERE uid = ?1")?.query_row([uid], |r| r.get(0)).optional()?)
    }

    fn action_record(&self, id: i64) -> Result<Option<ActionRecord>> {
        let found = self
            .0
            .prepare_cached(
                "SELECT person_id, category_id, occurred_at, local_date, tz, note, channel_id, logged_by, created_at,
                        updated_at, uid FROM actions WHERE id = ?1",
            )?
            .query_row([id], |r| {
                Ok(ActionRecord {
                    person_id: r.get(0)?,
                    category_id: r.get(1)?,
                    occurred_at: r.get(2)?,
                    local_date: r.get(3)?,
                    tz: r.get(4)?,
                    note: r.get(5)?,
                    channel_id: r.get(6)?,
                    logged_by: r.get(7)?,
                    created_at: r.get(8)?,
                    updated_at: r.get(9)?,
                    uid: r.get(10)?,
                    layers: Vec::new(),
                    units: Vec::new(),
                    values: Vec::new(),
                })
            })
            .optional()?;
        let Some(mut a) = found else { return Ok(None) };
        a.layers = ids(self.0, "SELECT layer_id FROM action_layers WHERE action_id = ?1", id)?;
        a.units = ids(self.0, "SELECT unit_id FROM action_units WHERE action_id = ?1", id)?;
        a.values = ids(self.0, "SELECT value_id FROM action_values WHERE action_id = ?1", id)?;
        Ok(Some(a))
    }

    fn action_row(&self, id: i64) -> Result<Option<ActionRow>> {
        Ok(self.0.prepare_cached(&format!("{ROW_SQL} WHERE a.id = ?1"))?.query_row([id], row).optional()?)
    }

    fn action_rows(&self, f: &ActionFilter) -> Result<Vec<ActionRow>> {
        let (conditions, args) = filter(f);
        let sql = format!("{ROW_SQL} WHERE 1 = 1{conditions} ORDER BY a.local_date, a.occurred_at, a.id");
        let params: Vec<&dyn ToSql> = args.iter().map(|a| a as &dyn ToSql).collect();
        Ok(self.0.prepare_cached(&sql)?.query_map(params.as_slice(), row)?.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn day_counts(&self, f: &ActionFilter) -> Result<Vec<(String, i64)>> {
        let (conditions, args) = filter(f);
        let sql = format!("SELECT a.local_date, count(*) FROM actions a WHERE 1 = 1{conditions} GROUP BY a.local_date ORDER BY a.local_date");
        let params: Vec<&dyn ToSql> = args.iter().map(|a| a as &dyn ToSql).collect();
        Ok(self
            .0
            .prepare_cached(&sql)?
            .query_map(params.as_slice(), |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn put_trash(&mut self, id: i64, person_id: i64, payload: &str, deleted_at: i64) -> Result<()> {
        self.0.execute(
            "INSERT OR REPLACE INTO deleted_actions (id, person_id, payload, deleted_at) VALUES (?1, ?2, ?3, ?4)",
            params![id, person_id, payload, deleted_at],
        )?;
        Ok(())
    }

    fn trash(&self, id: i64) -> Result<Option<String>> {
        Ok(self.0.query_row("SELECT payload FROM deleted_actions WHERE id = ?1", [id], |r| r.get(0)).optional()?)
    }

    fn drop_trash(&mut self, id: i64) -> Result<()> {
        self.0.execute("DELETE FROM deleted_actions WHERE id = ?1", [id])?;
        Ok(())
    }

    fn purge_deleted_before(&mut self, cutoff: i64) -> Result<usize> {
        let actions = self.0.execute("DELETE FROM deleted_actions WHERE deleted_at < ?1", [cutoff])?;
        Ok(actions + self.0.execute("DELETE FROM followups WHERE deleted_at < ?1", [cutoff])?)
    }
}
