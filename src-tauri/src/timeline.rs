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

/// The file's text: `first-paint <µs>`, then one `mark <name> <µs>` line per step, the app's and the page's
/// (given in epoch milliseconds), in time order.
pub fn report(painted_us: i64, page: &[(String, f64)]) -> String {
    let mut marks = MARKS.lock().map(|m| m.clone()).unwrap_or_default();
    marks.extend(page.iter().map(|(name, ms)| (format!("page.{name}"), (ms * 1000.0) as i64)));
    marks.sort_by_key(|(_, at)| *at);
    let mut text = format!("first-paint {painted_us}\n");
    for (name, at) in marks {
        let name: String = name.chars().map(|c| if c.is_whitespace() { '_' } else { c }).collect();
        text.push_str(&format!("mark {name} {at}\n"));
    }
    text
}
