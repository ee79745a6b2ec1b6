//! Where in a JSON export a bad record is: the line of its `uid`, `key` or `name`, so an import error says
//! "line 212, reminderRules[2].at" and a person finds it in an editor.

use super::ExportDoc;
use crate::error::CoreError;

/// A record's error with the line the record is on: the line of its `uid`, `key` or `name`, as a person
/// opening the file in an editor finds it (`reminderRules[2].at` alone sends them counting).
pub(crate) fn at_line(e: CoreError, text: &str, doc: &ExportDoc) -> CoreError {
    let CoreError::Import { line: None, field, reason } = e else { return e };
    let record = field.split_once('[').and_then(|(list, rest)| Some((list, rest.split_once(']')?.0.parse::<usize>().ok()?)));
    let needle = record.and_then(|(list, i)| {
        let pick = |v: Option<&String>, name: &str| v.map(|v| (name.to_string(), v.clone()));
        match list {
            "actions" => pick(doc.actions.get(i).map(|a| &a.uid), "uid"),
            "followups" => pick(doc.followups.get(i).map(|f| &f.uid), "uid"),
            "reminderRules" => pick(doc.reminder_rules.get(i).map(|r| &r.uid), "uid"),
            "absences" => pick(doc.absences.get(i).map(|a| &a.uid), "uid"),
            "people" => pick(doc.people.get(i).map(|p| &p.name), "name"),
            "categories" => pick(doc.categories.get(i).map(|c| &c.key), "key"),
            "channels" => pick(doc.channels.get(i).map(|c| &c.key), "key"),
            "layers" => pick(doc.layers.get(i).map(|c| &c.key), "key"),
            "units" => pick(doc.units.get(i).map(|c| &c.key), "key"),
            "values" => pick(doc.values.get(i).map(|c| &c.key), "key"),
            _ => None,
        }
    });
    let line = needle.and_then(|(name, value)| line_of_member(text, &name, &value));
    CoreError::Import { line, field, reason }
}

/// The line of the first `"name": "value"` member in JSON text (any whitespace around the colon).
fn line_of_member(text: &str, name: &str, value: &str) -> Option<usize> {
    let quoted = serde_json::to_string(value).ok()?;
    let key = format!("\"{name}\"");
    let mut from = 0;
    while let Some(at) = text[from..].find(&quoted).map(|i| i + from) {
        let before = text[..at].trim_end();
        if let Some(b) = before.strip_suffix(':') {
            if b.trim_end().ends_with(&key) {
                return Some(text[..at].matches('\n').count() + 1);
            }
        }
        from = at + quoted.len();
    }
    None
}

