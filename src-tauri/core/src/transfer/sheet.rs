//! CSV as spreadsheets write it: Excel, LibreOffice and Google Sheets in the Netherlands and elsewhere save
//! comma, semicolon or tab separated files, with or without a byte-order mark, and write dates as
//! `2026-11-03`, `03-11-2026`, `3-11-2026`, `03/11/2026` or (in the US) `11/03/2026`. This module finds the
//! separator and reads those dates; an order that the file leaves open (no day above 12) is the caller's to
//! choose, by default the OS locale's.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// The order of day and month in a date like `03/11/2026`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    /// Day first: 3 November (the Netherlands, most of Europe, the UK).
    Dmy,
    /// Month first: 11 March (the US).
    Mdy,
}

/// Removes a UTF-8 byte-order mark (Excel's "CSV UTF-8" starts with one).
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The separator of a sheet: of comma, semicolon and tab, the one found most often outside quotes on the
/// header line (a Dutch Excel writes `;`, since `,` is its decimal comma).
pub fn sniff_delimiter(text: &str) -> u8 {
    let header = strip_bom(text).lines().next().unwrap_or("");
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for c in header.bytes() {
        if c == b'"' {
            quoted = !quoted;
        } else if !quoted {
            if let Some(entry) = counts.iter_mut().find(|(d, _)| *d == c) {
                entry.1 += 1;
            }
        }
    }
    // Ties (a one-column file) keep the comma, the standard's separator.
    counts.iter().fold((b',', 0), |best, &(d, n)| if n > best.1 { (d, n) } else { best }).0
}

/// What a date's text says about the order: `Some(order)` when its numbers decide it (a day above 12), `None`
/// when it is ISO (year first) or could be either.
pub fn order_shown(text: &str) -> Option<DateOrder> {
    let (a, b, _) = parts(text)?;
    match (a > 12, b > 12) {
        (true, false) => Some(DateOrder::Dmy),
        (false, true) => Some(DateOrder::Mdy),
        _ => None,
    }
}

/// Whether a date's text needs an order to be read (`03/11/2026`, not `2026-11-03` or `13/11/2026`).
pub fn is_ambiguous(text: &str) -> bool {
    parts(text).is_some_and(|(a, b, _)| a <= 12 && b <= 12 && a != b)
}

/// Reads a sheet's date: ISO `YYYY-MM-DD` as it is; `D-M-YYYY`, `D/M/YYYY` and `D.M.YYYY` (one or two digits)
/// in `order`. `None` when it is no date.
pub fn parse_date(text: &str, order: DateOrder) -> Option<NaiveDate> {
    let t = text.trim();
    // ISO only with a four-digit year first (chrono would read `3-11-26` as the year 3).
    if t.split('-').next().is_some_and(|y| y.len() == 4) {
        return NaiveDate::parse_from_str(t, "%Y-%m-%d").ok();
    }
    let (a, b, year) = parts(t)?;
    let (day, month) = match order {
        DateOrder::Dmy => (a, b),
        DateOrder::Mdy => (b, a),
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Reads a sheet's time of day: `9:15`, `09:15`, `09:15:00` (LibreOffice in Dutch), `9.15`, and the 12-hour
/// `9:15 AM`, `02:00:00 PM` (LibreOffice and Excel in US English). Seconds are dropped (an action has a minute).
/// `None` when it is no time.
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let t = text.trim().to_ascii_uppercase();
    let (clock, pm) = match (t.strip_suffix("AM"), t.strip_suffix("PM")) {
        (Some(c), _) => (c.trim_end(), Some(false)),
        (_, Some(c)) => (c.trim_end(), Some(true)),
        _ => (t.as_str(), None),
    };
    let mut it = clock.split([':', '.']);
    let (h, m) = (it.next()?, it.next()?);
    let s = it.next();
    if it.next().is_some() || !(1..=2).contains(&h.len()) || m.len() != 2 || s.is_some_and(|s| s.len() != 2) {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    if let Some(s) = s {
        s.parse::<u32>().ok().filter(|s| *s < 60)?;
    }
    let h = match pm {
        None => h,
        Some(_) if !(1..=12).contains(&h) => return None,
        Some(false) => h % 12,
        Some(true) => h % 12 + 12,
    };
    NaiveTime::from_hms_opt(h, m, 0)
}

/// The three numbers of `D-M-YYYY`-like text (separators `-`, `/` or `.`, a four-digit year last).
fn parts(text: &str) -> Option<(u32, u32, i32)> {
    let t = text.trim();
    let sep = t.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let mut it = t.split(sep);
    let (a, b, y) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() || y.len() != 4 || !(1..=2).contains(&a.len()) || !(1..=2).contains(&b.len()) {
        return None;
    }
    Some((a.parse().ok()?, b.parse().ok()?, y.parse().ok()?))
}

/// The order a person on this machine expects: month first only for US English (`en_US`), day first for
/// everyone else Cadence speaks to (nl, en_GB, ...).
pub fn os_order() -> DateOrder {
    match sys_locale::get_locale() {
        Some(l) if l.replace('_', "-").eq_ignore_ascii_case("en-US") => DateOrder::Mdy,
        _ => DateOrder::Dmy,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn every_shape_a_spreadsheet_writes_for_3_november() {
        for t in ["2026-11-03", "03-11-2026", "3-11-2026", "03/11/2026", "3/11/2026", "03.11.2026"] {
            assert_eq!(parse_date(t, DateOrder::Dmy), d(2026, 11, 3), "{t}");
        }
        assert_eq!(parse_date("11/03/2026", DateOrder::Mdy), d(2026, 11, 3));
        assert_eq!(parse_date("2026-11-03", DateOrder::Mdy), d(2026, 11, 3), "ISO needs no order");
        assert_eq!(parse_date("31/02/2026", DateOrder::Dmy), None);
        assert_eq!(parse_date("3-11-26", DateOrder::Dmy), None, "a two-digit year is not guessed");
        assert_eq!(parse_date("yesterday", DateOrder::Dmy), None);
    }

    #[test]
    fn every_shape_a_spreadsheet_writes_for_a_quarter_past_two() {
        let at = NaiveTime::from_hms_opt(14, 15, 0);
        for t in ["14:15", "14:15:00", "14.15", "2:15 PM", "02:15:00 PM", "2:15 pm", "02:15PM"] {
            assert_eq!(parse_time(t), at, "{t}");
        }
        assert_eq!(parse_time("12:05 AM"), NaiveTime::from_hms_opt(0, 5, 0), "midnight's hour is 12 AM");
        assert_eq!(parse_time("12:05 PM"), NaiveTime::from_hms_opt(12, 5, 0), "noon's is 12 PM");
        assert_eq!(parse_time("9:05"), NaiveTime::from_hms_opt(9, 5, 0));
        for t in ["13:15 PM", "0:15 AM", "24:00", "9:5", "9:15:7", "9:15:61", "noon", "9", "9:15:00:00"] {
            assert_eq!(parse_time(t), None, "{t}");
        }
    }

    #[test]
    fn the_numbers_decide_the_order_when_they_can() {
        assert_eq!(order_shown("13/11/2026"), Some(DateOrder::Dmy));
        assert_eq!(order_shown("11/13/2026"), Some(DateOrder::Mdy));
        assert_eq!(order_shown("03/11/2026"), None);
        assert!(is_ambiguous("03/11/2026") && !is_ambiguous("13/11/2026") && !is_ambiguous("2026-11-03"));
        assert!(!is_ambiguous("05/05/2026"), "the same either way");
    }

    #[test]
    fn separators_and_the_byte_order_mark() {
        assert_eq!(sniff_delimiter("Datum;Naam;Categorie\r\n1;2;3"), b';');
        assert_eq!(sniff_delimiter("Date,Person,Category"), b',');
        assert_eq!(sniff_delimiter("Date\tPerson\tCategory"), b'\t');
        assert_eq!(sniff_delimiter("\u{feff}\"Note, with comma\";Datum;Naam"), b';', "commas inside quotes do not count");
        assert_eq!(strip_bom("\u{feff}Datum"), "Datum");
    }
}
