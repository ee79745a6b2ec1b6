//! Start-up marks for `script/measure`: where the time to the first painted Today view goes.
//!
//! Only when `CADENCE_MEASURE_FILE` is set (the measuring script sets it): the app notes the moment of a few
//! steps (process start, database open, setup), the page adds its own (navigation, script, data, frames), and
//! `ui_painted` writes them all after the `first-paint` line. Without the variable nothing is kept.

use std::sync::Mutex;

static MARKS: Mutex<Vec<(String, i64)>> = Mutex::new(Vec::new());

fn measuring() -> bool {
    std::env::var_os("CADENCE_MEASURE_FILE").is_some()
}

/// Notes that the step `name` happened now (wall clock, microseconds since the epoch).
pub fn mark(name: &str) {
    if measuring() {
        let now = chrono::Utc::now().timestamp_micros();
        if let Ok(mut marks) = MARKS.lock() {
            marks.push((name.to_string(), now));
        }
    }
}

/// The page's marks out of what it sent, read leniently (whatever else the page sends, the paint is taken):
/// pairs of a name and finite epoch milliseconds; names keep only `[A-Za-z0-9._:-]`, at most 80 of them.
pub fn page_marks(sent: Option<serde_json::Value>) -> Vec<(String, f64)> {
    let Some(serde_json::Value::Array(items)) = sent else { return Vec::new() };
    items
        .iter()
        .take(200)
        .filter_map(|item| {
            let pair = item.as_array()?;
            let (name, ms) = (pair.first()?.as_str()?, pair.get(1)?.as_f64()?);
            let name: String = name
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | ':' | '-'))
                .take(80)
                .collect();
            (ms.is_finite() && !name.is_empty()).then_some((name, ms))
        })
        .collect()
}

/// The file's text: `first-paint <µs>`, then one `mark <name> <µs>` line per step, the app's and the page's
/// (given in epoch milliseconds), in time order.
pub fn report(painted_us: i64, page: &[(String, f64)]) -> String {
    let mut marks = MARKS.lock().map(|m| m.clone()).unwrap_or_default();
    marks.extend(page.iter().map(|(name, ms)| (format!("page.{name}"), (ms * 1000.0) as i64)));
    marks.sort_by_key(|(_, at)| *at);
    let mut text = format!("first-paint {painted_us}\n");
    for (name, at) in marks {
        text.push_str(&format!("mark {name} {at}\n"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_pages_marks_are_read_leniently() {
        let sent = json!([["script", 1.5], ["two words\n", 2.0], ["nan", null], [3, 4.0], "x", ["", 5.0], ["ok"]]);
        assert_eq!(page_marks(Some(sent)), vec![("script".to_string(), 1.5), ("twowords".to_string(), 2.0)]);
        assert_eq!(page_marks(Some(json!({"a": 1}))), vec![]);
        assert_eq!(page_marks(None), vec![]);
        let many: Vec<serde_json::Value> = (0..500).map(|i| json!([format!("m{i}"), i])).collect();
        assert_eq!(page_marks(Some(json!(many))).len(), 200);
    }

    #[test]
    fn the_report_is_the_paint_then_one_line_per_mark_in_time_order() {
        let text = report(3_000_000, &[("b".into(), 2_000.0), ("a".into(), 1_000.0)]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "first-paint 3000000");
        let page: Vec<&str> = lines[1..].iter().copied().filter(|l| l.contains("page.")).collect();
        assert_eq!(page, ["mark page.a 1000000", "mark page.b 2000000"]);
    }
}
