//! Cadence speaks English and Dutch: which language is in use, and the texts the core writes itself.
//!
//! The UI has its own catalogue (ui/src/lib/i18n); this one holds what Rust produces for people to read:
//! reminder notifications, the tray menu, the CLI's messages and the default catalogue labels seeded at
//! onboarding, and every error message ([`Msg`], see `errors.rs`). The language is the `locale` setting
//! when the user chose one, otherwise the OS locale.

mod error_texts;
mod errors;
mod texts;

use serde::{Deserialize, Serialize};

pub use errors::{field_name, Msg};
pub use texts::Texts;

/// A language Cadence speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    Nl,
}

impl Locale {
    /// The language of a BCP 47 or POSIX tag ("nl-NL", "nl_BE.UTF-8", "en"); anything not Dutch is English.
    pub fn from_tag(tag: &str) -> Locale {
        let lang = tag.trim().split(['-', '_', '.', '@']).next().unwrap_or("").to_ascii_lowercase();
        if lang == "nl" {
            Locale::Nl
        } else {
            Locale::En
        }
    }

    /// The OS's language (on Linux: LC_ALL, LC_MESSAGES, LANG), English when unknown.
    pub fn os() -> Locale {
        sys_locale::get_locale().map(|t| Locale::from_tag(&t)).unwrap_or_default()
    }

    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Nl => "nl",
        }
    }

    /// Every text the core writes, in this language.
    pub fn texts(self) -> &'static Texts {
        match self {
            Locale::En => &texts::EN,
            Locale::Nl => &texts::NL,
        }
    }

    /// A calendar date for a sentence: "25 November 2026" / "25 november 2026".
    pub fn date(self, day: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let t = self.texts();
        fill(t.date, &[("day", &day.day()), ("month", &t.months[day.month0() as usize]), ("year", &day.year())])
    }

    /// A whole number with this language's thousands separator: 1,234 / 1.234.
    pub fn number(self, n: i64) -> String {
        let digits = n.unsigned_abs().to_string();
        let sep = match self {
            Locale::En => ',',
            Locale::Nl => '.',
        };
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(sep);
            }
            out.push(c);
        }
        if n < 0 {
            out.insert(0, '-');
        }
        out
    }
}

/// Fills `{name}` placeholders of a catalogue text in one pass: a value that itself holds `{text}` (a
/// leader named "{text}", say) is written as it is, never filled again.
pub fn fill(template: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let values: Vec<(&str, String)> = args.iter().map(|(n, v)| (*n, v.to_string())).collect();
    let pairs: Vec<(&str, &str)> = values.iter().map(|(n, v)| (*n, v.as_str())).collect();
    errors::fill_once(template, &pairs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn placeholders(s: &str) -> BTreeSet<String> {
        s.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string())).collect()
    }

    /// Both languages hold the same texts with the same placeholders: a sentence that lost its `{name}`
    /// in translation, or a list with a missing entry, fails here (a missing field fails to compile).
    #[test]
    fn english_and_dutch_have_the_same_texts_and_placeholders() {
        let en = serde_json::to_value(Locale::En.texts()).unwrap();
        let nl = serde_json::to_value(Locale::Nl.texts()).unwrap();
        let (en, nl) = (en.as_object().unwrap(), nl.as_object().unwrap());
        assert_eq!(en.keys().collect::<Vec<_>>(), nl.keys().collect::<Vec<_>>());
        for (key, e) in en {
            let n = &nl[key];
            match (e, n) {
                (serde_json::Value::String(e), serde_json::Value::String(n)) => {
                    assert_eq!(placeholders(e), placeholders(n), "{key}");
                    assert!(!n.trim().is_empty(), "{key} is empty in Dutch");
                }
                (serde_json::Value::Array(e), serde_json::Value::Array(n)) => assert_eq!(e.len(), n.len(), "{key}"),
                _ => panic!("{key} has different shapes"),
            }
        }
    }

    #[test]
    fn values_are_never_filled_twice() {
        assert_eq!(fill("{name}: {text}", &[("name", &"{text}"), ("text", &"due")]), "{text}: due");
        assert_eq!(fill("{a} and {b}", &[("a", &1)]), "1 and {b}");
    }

    #[test]
    fn tags_map_to_languages() {
        assert_eq!(Locale::from_tag("nl-NL"), Locale::Nl);
        assert_eq!(Locale::from_tag("nl_BE.UTF-8"), Locale::Nl);
        assert_eq!(Locale::from_tag("en-US"), Locale::En);
        assert_eq!(Locale::from_tag("C"), Locale::En);
        assert_eq!(Locale::from_tag(""), Locale::En);
    }

    #[test]
    fn dates_and_numbers_follow_the_language() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        assert_eq!(Locale::En.date(d), "5 March 2026");
        assert_eq!(Locale::Nl.date(d), "5 maart 2026");
        assert_eq!(Locale::En.number(1234567), "1,234,567");
        assert_eq!(Locale::Nl.number(-1234), "-1.234");
        assert_eq!(Locale::Nl.number(999), "999");
    }
}
