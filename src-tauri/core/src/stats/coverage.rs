//! Who and what a leader's actions reached over a range: the channel mix (internal and external shares) and
//! the coverage of audiences (layers, units) and values, with the last date each was served.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::params;

use super::numbers::{ratio, round};
use super::types::{ChannelShare, Coverage};
use crate::db::Db;
use crate::error::Result;

impl Db {
    pub(super) fn channel_mix(&self, person_id: i64, from: NaiveDate, to: NaiveDate) -> Result<(Vec<ChannelShare>, f64, f64)> {
        let per: HashMap<i64, u32> = self
            .conn
            .prepare_cached(
                "SELECT channel_id, count(*) FROM actions
                 WHERE person_id = ?1 AND local_date BETWEEN ?2 AND ?3 AND channel_id IS NOT NULL GROUP BY channel_id",
            )?
            .query_map(params![person_id, from.to_string(), to.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let total: u32 = per.values().sum();
        let mut out = Vec::new();
        let mut stmt = self.conn.prepare_cached("SELECT id, key, label, external, archived FROM channels ORDER BY id")?;
        let channels = stmt.query_map([], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, bool>(3)?, r.get::<_, bool>(4)?))
        })?;
        let mut external = 0;
        for ch in channels {
            let (id, key, label, is_external, archived) = ch?;
            let count = per.get(&id).copied().unwrap_or(0);
            if archived && count == 0 {
                continue;
            }
            if is_external {
                external += count;
            }
            out.push(ChannelShare { key, label, external: is_external, count, share: ratio(count, total) });
        }
        out.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
        let ext = ratio(external, total);
        Ok((out, if total == 0 { 0.0 } else { round(1.0 - ext) }, ext))
    }

    pub(super) fn coverage(&self, person_id: i64, as_of: NaiveDate, from: NaiveDate, kind: CoverageKind) -> Result<Vec<Coverage>> {
        let sources: &[(&str, &str, &str)] = match kind {
            CoverageKind::Audiences => &[
                ("SELECT id, key, label, 'layer' FROM layers WHERE archived = 0 ORDER BY rank, id", "action_layers", "layer_id"),
                ("SELECT id, key, label, 'unit' FROM units WHERE archived = 0 ORDER BY label, id", "action_units", "unit_id"),
            ],
            CoverageKind::Values => {
                &[("SELECT id, key, label, kind FROM value_items WHERE archived = 0 ORDER BY kind DESC, id", "action_values", "value_id")]
            }
        };
        let mut out = Vec::new();
        let (as_of_text, from_text) = (as_of.to_string(), from.to_string());
        for (list, table, column) in sources {
            let items: Vec<(i64, String, String, String)> = self
                .conn
                .prepare_cached(list)?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let mut last_stmt = self.conn.prepare_cached(&format!(
                "SELECT max(local_date) FROM {table} WHERE person_id = ?1 AND {column} = ?2 AND local_date <= ?3"
            ))?;
            let mut count_stmt = self.conn.prepare_cached(&format!(
                "SELECT count(*) FROM {table} WHERE person_id = ?1 AND {column} = ?2 AND local_date BETWEEN ?3 AND ?4"
            ))?;
            for (id, key, label, kind) in items {
                let last: Option<String> = last_stmt.query_row(params![person_id, id, as_of_text], |r| r.get(0))?;
                let count: u32 = count_stmt.query_row(params![person_id, id, from_text, as_of_text], |r| r.get(0))?;
                let days_since = match &last {
                    Some(d) => Some((as_of - crate::time::parse_date("localDate", d)?).num_days()),
                    None => None,
                };
                out.push(Coverage { key, label, kind, count, last_date: last, days_since });
            }
        }
        Ok(out)
    }
}

#[derive(Debug, Clone, Copy)]
pub(super) enum CoverageKind {
    Audiences,
    Values,
}
