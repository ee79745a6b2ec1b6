//! What the statistics read in SQLite: one grouped query over the covering index
//! `actions(person_id, local_date, category_id, channel_id)`, the link tables (which repeat the person and the
//! date), and `stats_revisions`, kept by triggers so that writes by any process count.

use chrono::NaiveDate;
use rusqlite::params;

use crate::domain::catalogue::Table;
use crate::error::Result;
use crate::store::sqlite::Sql;
use crate::store::StatsRepo;

impl StatsRepo for Sql<'_> {
    fn day_category_counts(&self, person_id: i64, as_of: NaiveDate) -> Result<Vec<(NaiveDate, i64, u32)>> {
        let mut stmt = self.0.prepare_cached(
            "SELECT local_date, category_id, count(*) FROM actions
             WHERE person_id = ?1 AND local_date <= ?2
             GROUP BY local_date, category_id",
        )?;
        let mut out = Vec::new();
        let mut rows = stmt.query(params![person_id, as_of.to_string()])?;
        // Dates are parsed once per day, not per row.
        let mut last: Option<(Vec<u8>, NaiveDate)> = None;
        while let Some(r) = rows.next()? {
            let text = r.get_ref(0)?.as_bytes().map_err(rusqlite::Error::from)?;
            let date = match &last {
                Some((bytes, date)) if bytes.as_slice() == text => *date,
                _ => {
                    let date = crate::time::parse_date("localDate", std::str::from_utf8(text).unwrap_or(""))?;
                    last = Some((text.to_vec(), date));
                    date
                }
            };
            out.push((date, r.get(1)?, r.get(2)?));
        }
        Ok(out)
    }

    fn stats_stamp(&self, person_id: i64) -> Result<(i64, i64)> {
        Ok(self
            .0
            .prepare_cached(
                "SELECT coalesce((SELECT rev FROM stats_revisions WHERE scope = ?1), 0),
                        coalesce((SELECT rev FROM stats_revisions WHERE scope = 0), 0)",
            )?
            .query_row([person_id], |r| Ok((r.get(0)?, r.get(1)?)))?)
    }

    fn channel_counts(&self, person_id: i64, from: &str, to: &str) -> Result<Vec<(i64, u32)>> {
        Ok(self
            .0
            .prepare_cached(
                "SELECT channel_id, count(*) FROM actions
                 WHERE person_id = ?1 AND local_date BETWEEN ?2 AND ?3 AND channel_id IS NOT NULL GROUP BY channel_id",
            )?
            .query_map(params![person_id, from, to], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?)
    }

    fn link_use(&self, kind: Table, person_id: i64, target_id: i64, from: &str, as_of: &str) -> Result<(Option<String>, u32)> {
        let (table, column) = match kind {
            Table::Layer => ("action_layers", "layer_id"),
            Table::Unit => ("action_units", "unit_id"),
            Table::Value => ("action_values", "value_id"),
            Table::Category | Table::Channel => return Ok((None, 0)),
        };
        let last: Option<String> = self
            .0
            .prepare_cached(&format!("SELECT max(local_date) FROM {table} WHERE person_id = ?1 AND {column} = ?2 AND local_date <= ?3"))?
            .query_row(params![person_id, target_id, as_of], |r| r.get(0))?;
        let count: u32 = self
            .0
            .prepare_cached(&format!(
                "SELECT count(*) FROM {table} WHERE person_id = ?1 AND {column} = ?2 AND local_date BETWEEN ?3 AND ?4"
            ))?
            .query_row(params![person_id, target_id, from, as_of], |r| r.get(0))?;
        Ok((last, count))
    }

    fn last_action_dates(&self, person_id: i64, as_of: &str) -> Result<Vec<(String, String)>> {
        let mut stmt = self.0.prepare_cached(
            "SELECT c.key, (SELECT max(a.local_date) FROM actions a WHERE a.person_id = ?1 AND a.category_id = c.id
                            AND a.local_date <= ?2) FROM categories c",
        )?;
        let rows = stmt.query_map(rusqlite::params![person_id, as_of], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            if let (key, Some(date)) = row? {
                out.push((key, date));
            }
        }
        Ok(out)
    }

    fn record_counts(&self) -> Result<Vec<(&'static str, i64)>> {
        let tables = ["people", "actions", "followups", "absences", "targets", "reminder_rules", "reminder_occurrences", "value_items",
                      "categories", "channels", "units", "layers"];
        crate::store::RECORD_KINDS
            .iter()
            .zip(tables)
            .map(|(kind, table)| Ok((*kind, self.0.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)))
            .collect()
    }
}
