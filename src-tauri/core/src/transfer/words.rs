//! The words a spreadsheet uses for the catalogue. A person typing a sheet writes "Town hall" or "Opvolging",
//! not `town-hall` or `follow-up`: a cell is read as a key, or as the entry's label (as the organisation named
//! it), or as the label Cadence ships in English or Dutch for its default entries, in that order and without
//! regard to case. A word that names nothing goes on as it is, so the validation reports it with line and field.

use std::collections::HashMap;

use crate::domain::catalogue::Table;
use crate::error::Result;
use crate::store::CatalogRepo;

/// The kinds of catalogue entry a sheet names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Category,
    Channel,
    Layer,
    Unit,
    Value,
}

impl Kind {
    fn table(self) -> Table {
        match self {
            Kind::Category => Table::Category,
            Kind::Channel => Table::Channel,
            Kind::Layer => Table::Layer,
            Kind::Unit => Table::Unit,
            Kind::Value => Table::Value,
        }
    }

    /// The default entries' keys and their labels in each language Cadence speaks.
    fn defaults(self) -> Vec<(&'static str, Vec<&'static str>)> {
        let langs = [crate::Locale::En, crate::Locale::Nl];
        let with = |keys: Vec<&'static str>, labels: fn(&'static crate::i18n::Texts) -> Vec<&'static str>| {
            keys.into_iter().enumerate().map(|(i, k)| (k, langs.iter().map(|l| labels(l.texts())[i]).collect())).collect()
        };
        use crate::catalog::{DEFAULT_CATEGORIES, DEFAULT_CHANNELS, DEFAULT_LAYERS};
        match self {
            Kind::Category => with(DEFAULT_CATEGORIES.iter().map(|c| c.0).collect(), |t| t.category_labels.to_vec()),
            Kind::Channel => with(DEFAULT_CHANNELS.iter().map(|c| c.0).collect(), |t| t.channel_labels.to_vec()),
            Kind::Layer => with(DEFAULT_LAYERS.iter().map(|c| c.0).collect(), |t| t.layer_labels.to_vec()),
            Kind::Unit | Kind::Value => Vec::new(),
        }
    }
}

/// For each kind, the key each word stands for; built once per import from the database it imports into.
pub struct Words {
    keys: HashMap<Kind, HashMap<String, String>>,
    labels: HashMap<Kind, HashMap<String, String>>,
    shipped: HashMap<Kind, HashMap<String, String>>,
}

fn fold(word: &str) -> String {
    word.trim().to_lowercase()
}

impl Words {
    /// Reads the catalogue's keys and labels (archived entries too: an old sheet may name them).
    pub fn load(repos: &impl CatalogRepo) -> Result<Words> {
        let (mut keys, mut labels, mut shipped) = (HashMap::new(), HashMap::new(), HashMap::new());
        for kind in [Kind::Category, Kind::Channel, Kind::Layer, Kind::Unit, Kind::Value] {
            let mut entries = repos.entries(kind.table())?;
            // Live entries last, so that where an archived and a live entry share a label, the live one wins.
            entries.sort_by_key(|e| (std::cmp::Reverse(e.archived), std::cmp::Reverse(e.id)));
            let rows: Vec<(String, String)> = entries.into_iter().map(|e| (e.key, e.label)).collect();
            let k: &mut HashMap<String, String> = keys.entry(kind).or_default();
            let l: &mut HashMap<String, String> = labels.entry(kind).or_default();
            for (key, label) in &rows {
                k.insert(fold(key), key.clone());
                l.insert(fold(label), key.clone());
            }
            let s: &mut HashMap<String, String> = shipped.entry(kind).or_default();
            for (key, names) in kind.defaults() {
                if rows.iter().any(|(k, _)| k == key) {
                    for name in names {
                        s.insert(fold(name), key.to_string());
                    }
                }
            }
        }
        Ok(Words { keys, labels, shipped })
    }

    /// The key `word` stands for in `kind`, if it names an entry.
    pub fn find(&self, kind: Kind, word: &str) -> Option<&str> {
        let w = fold(word);
        [&self.keys, &self.labels, &self.shipped].into_iter().find_map(|m| m.get(&kind).and_then(|m| m.get(&w))).map(String::as_str)
    }

    /// The key of `word` in `kind`, or the word itself when it names nothing (validation then says so).
    pub fn key(&self, kind: Kind, word: &str) -> String {
        self.find(kind, word).map_or_else(|| word.trim().to_string(), String::from)
    }

    /// An audience: a layer or a unit, by key or label. A word that is both a layer's and a unit's is the
    /// layer, unless it says `unit:` (as `layer:` and `unit:` may always say which).
    pub fn audience(&self, word: &str) -> String {
        let w = word.trim();
        if let Some(rest) = w.strip_prefix("unit:") {
            return format!("unit:{}", self.key(Kind::Unit, rest));
        }
        if let Some(rest) = w.strip_prefix("layer:") {
            return format!("layer:{}", self.key(Kind::Layer, rest));
        }
        match (self.find(Kind::Layer, w), self.find(Kind::Unit, w)) {
            (Some(layer), _) => layer.to_string(),
            (None, Some(unit)) => unit.to_string(),
            (None, None) => w.to_string(),
        }
    }
}
