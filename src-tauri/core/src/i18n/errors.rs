//! Error messages in English and Dutch: a [`Msg`] names a catalogue text by key and carries its values,
//! so an error can be told in the language of whoever reads it. The texts are in `error_texts.rs`.

use super::error_texts::{EN, NL};
use super::Locale;

/// A message of the catalogue: its key and the values of its `{placeholders}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Msg {
    /// The message with this key; add its values with [`Msg::arg`].
    pub fn new(key: &'static str) -> Msg {
        Msg { key, args: Vec::new() }
    }

    /// Sets the value of `{name}`.
    pub fn arg(mut self, name: &'static str, value: impl std::fmt::Display) -> Msg {
        self.args.push((name, value.to_string()));
        self
    }

    /// Text that Cadence does not write itself (from SQLite, the OS or a parser), shown as it comes.
    pub fn external(text: impl std::fmt::Display) -> Msg {
        Msg::new("external").arg("text", text)
    }

    /// The message in `locale`; a key missing there falls back to English, then to the key itself.
    pub fn text(&self, locale: Locale) -> String {
        let template = template(locale, self.key).or_else(|| template(Locale::En, self.key)).unwrap_or(self.key);
        let args: Vec<(&str, &str)> = self.args.iter().map(|(n, v)| (*n, v.as_str())).collect();
        fill_once(template, &args)
    }
}

/// The template of `key` in `locale`, if the catalogue has it.
pub(crate) fn template(locale: Locale, key: &str) -> Option<&'static str> {
    let table = match locale {
        Locale::En => EN,
        Locale::Nl => NL,
    };
    table.iter().find(|(k, _)| *k == key).map(|(_, t)| *t)
}

/// The name of a field or a kind of record (`person`, `workingDays`) in `locale`; a name the catalogue
/// does not know (an import path such as `people[3].tz`) is shown as it is.
pub fn field_name(locale: Locale, name: &str) -> String {
    template(locale, &format!("name.{name}")).unwrap_or(name).to_string()
}

/// Fills `{name}` placeholders in one pass, so a value that itself contains `{...}` is left as written.
pub(crate) fn fill_once(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::Path;

    fn placeholders(s: &str) -> BTreeSet<&str> {
        s.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(n, _)| n)).collect()
    }

    #[test]
    fn english_and_dutch_have_the_same_keys_and_placeholders() {
        let en: Vec<&str> = EN.iter().map(|(k, _)| *k).collect();
        let nl: Vec<&str> = NL.iter().map(|(k, _)| *k).collect();
        let unique: BTreeSet<&str> = en.iter().copied().collect();
        assert_eq!(unique.len(), en.len(), "a key is listed twice in English");
        assert_eq!(nl.iter().copied().collect::<BTreeSet<_>>().len(), nl.len(), "a key is listed twice in Dutch");
        assert_eq!(unique, nl.iter().copied().collect::<BTreeSet<_>>(), "English and Dutch have different keys");
        for (key, e) in EN {
            let n = template(Locale::Nl, key).unwrap_or_default();
            assert!(!n.trim().is_empty(), "{key} is empty in Dutch");
            assert!(!e.trim().is_empty(), "{key} is empty in English");
            assert_eq!(placeholders(e), placeholders(n), "{key} has other placeholders in Dutch");
        }
    }

    /// The English name of a field or record kind is the identifier itself: that is what errors said before
    /// they could be translated, and what the UI matches `field` on.
    #[test]
    fn english_names_are_the_identifiers() {
        for (key, text) in EN {
            if let Some(name) = key.strip_prefix("name.") {
                assert_eq!(*text, name, "{key}");
            }
        }
    }

    fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                // Only the code that runs: tests may name keys that do not exist on purpose.
                let code = text.split(concat!("#[cfg(", "test)]")).next().unwrap_or_default().to_string();
                out.push((path.display().to_string(), code));
            }
        }
    }

    /// The first string literal after each occurrence of `call` (e.g. `Msg::new(`), with its file.
    fn literals_after<'a>(files: &'a [(String, String)], call: &str) -> Vec<(&'a str, &'a str)> {
        let mut found = Vec::new();
        for (file, text) in files {
            for (at, _) in text.match_indices(call) {
                let rest = text[at + call.len()..].trim_start();
                if let Some(lit) = rest.strip_prefix('"').and_then(|r| r.split_once('"')).map(|(l, _)| l) {
                    found.push((file.as_str(), lit));
                }
            }
        }
        found
    }

    fn all_sources() -> Vec<(String, String)> {
        let core = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        sources(&core.join("src"), &mut files);
        // The app crate builds some core errors too (src-tauri/src, next to the core).
        sources(&core.join("../src"), &mut files);
        files
    }

    /// Every text of the core's other catalogue (texts.rs) is used by some code: none is left behind.
    #[test]
    fn every_core_text_is_used() {
        let files: Vec<_> = all_sources().into_iter().filter(|(f, _)| !f.ends_with("texts.rs") && !f.contains("error_texts")).collect();
        let texts = serde_json::to_value(crate::Locale::En.texts()).expect("json");
        let unused: Vec<&String> = texts
            .as_object()
            .expect("object")
            .keys()
            .filter(|field| {
                let needle = format!(".{field}");
                // A whole name: `.review_score` is not used by `.review_score_today`.
                !files.iter().any(|(_, code)| {
                    code.match_indices(&needle).any(|(at, _)| {
                        code[at + needle.len()..].chars().next().is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
                    })
                })
            })
            .collect();
        assert!(unused.is_empty(), "texts no code uses: {unused:?}");
    }

    /// Every key written in the source exists in the catalogue: a message added without its texts fails here.
    #[test]
    fn every_key_in_the_source_is_in_the_catalogue() {
        let files = all_sources();
        let used = literals_after(&files, concat!("Msg::", "new("));
        assert!(used.len() > 50, "the scan found only {} keys", used.len());
        let missing: Vec<_> = used.iter().filter(|(_, key)| template(Locale::En, key).is_none()).collect();
        assert!(missing.is_empty(), "keys missing from the catalogue: {missing:?}");
        // And the other way round: no text is left behind when its message goes (names are looked up by field).
        let unused: Vec<_> =
            EN.iter().map(|(k, _)| *k).filter(|k| !k.starts_with("name.") && !used.iter().any(|(_, u)| u == k)).collect();
        assert!(unused.is_empty(), "keys no code uses: {unused:?}");
    }

    /// Every field and record name that errors are raised with has a Dutch name.
    #[test]
    fn every_field_name_in_the_source_is_in_the_catalogue() {
        let files = all_sources();
        let mut names: Vec<(&str, &str)> = Vec::new();
        for call in ["invalid(", "not_found(", "parse_date(", "parse_hhmm(", "parse_instant(", "clean_label(", "Invalid { field: "] {
            names.extend(literals_after(&files, call));
        }
        // The catalogue tables of catalog::Table, named through a match.
        names.extend(["category", "channel", "layer", "unit", "value"].map(|n| ("catalog.rs", n)));
        let missing: Vec<_> = names.iter().filter(|(_, n)| template(Locale::Nl, &format!("name.{n}")).is_none()).collect();
        assert!(missing.is_empty(), "field names missing from the catalogue: {missing:?}");
    }

    #[test]
    fn values_are_filled_once_and_unknown_keys_fall_back() {
        let m = Msg::new("date.before").arg("to", "{from}").arg("from", "2026-01-02");
        assert_eq!(m.text(Locale::En), "{from} is before 2026-01-02");
        assert_eq!(m.text(Locale::Nl), "{from} ligt vóór 2026-01-02");
        assert_eq!(Msg::new("no.such.key").text(Locale::Nl), "no.such.key");
        assert_eq!(fill_once("{a} {b} {", &[("a", "1")]), "1 {b} {");
        assert_eq!(Msg::external("disk I/O error").text(Locale::Nl), "disk I/O error");
        assert_eq!(field_name(Locale::Nl, "workingDays"), "werkdagen");
        assert_eq!(field_name(Locale::Nl, "people[3].tz"), "people[3].tz");
        assert_eq!(field_name(Locale::En, "workingDays"), "workingDays");
    }
}
