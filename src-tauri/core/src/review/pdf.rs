//! The monthly review as a one-page A4 PDF, written directly (pdf-writer, the standard Helvetica fonts):
//! no print dialog, no browser, the same file from the window and the CLI. Text uses WinAnsi encoding,
//! which covers Dutch and the other Western European languages; a character outside it prints as "?".

use chrono::{Datelike, NaiveDate};
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use super::MonthlyReview;
use crate::i18n::{fill, Locale, Texts};

const WIDTH: f32 = 595.0;
const HEIGHT: f32 = 842.0;
const MARGIN: f32 = 48.0;
const REGULAR: Name<'static> = Name(b"F1");
const BOLD: Name<'static> = Name(b"F2");
const INK: (f32, f32, f32) = (0.09, 0.11, 0.16);
const MUTED: (f32, f32, f32) = (0.36, 0.39, 0.45);
const ACCENT: (f32, f32, f32) = (0.12, 0.23, 0.54);
const LINE: (f32, f32, f32) = (0.85, 0.87, 0.9);

/// Unicode to WinAnsi (Windows-1252), the encoding of the standard fonts.
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c as u32 {
            0x20..=0x7e | 0xa0..=0xff => c as u32 as u8,
            0x20ac => 0x80,
            0x2026 => 0x85,
            0x2013 => 0x96,
            0x2014 => 0x97,
            0x2018 => 0x91,
            0x2019 => 0x92,
            0x201c => 0x93,
            0x201d => 0x94,
            0x2022 => 0x95,
            _ => b'?',
        })
        .collect()
}

/// Approximate width of Helvetica text, for fitting and wrapping (average glyph ~0.52 em).
fn approx_width(text: &str, size: f32) -> f32 {
    text.chars().count() as f32 * size * 0.52
}

fn wrap(text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let current = lines.last_mut().expect("one line");
        let candidate = if current.is_empty() { word.to_string() } else { format!("{current} {word}") };
        if approx_width(&candidate, size) > width && !current.is_empty() {
            lines.push(word.to_string());
        } else {
            *current = candidate;
        }
    }
    lines
}

fn hex(colour: &str) -> (f32, f32, f32) {
    let c = |i: usize| u8::from_str_radix(colour.get(i..i + 2).unwrap_or("80"), 16).unwrap_or(128) as f32 / 255.0;
    (c(1), c(3), c(5))
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// The page being written, top down.
struct Page {
    c: Content,
    y: f32,
}

impl Page {
    fn text(&mut self, x: f32, y: f32, font: Name<'_>, size: f32, colour: (f32, f32, f32), text: &str) {
        self.c.set_fill_rgb(colour.0, colour.1, colour.2);
        self.c.begin_text();
        self.c.set_font(font, size);
        self.c.next_line(x, y);
        self.c.show(Str(&win_ansi(text)));
        self.c.end_text();
    }

    /// A line of text at the cursor, which then moves down.
    fn line(&mut self, font: Name<'_>, size: f32, colour: (f32, f32, f32), text: &str) {
        for l in wrap(text, size, WIDTH - 2.0 * MARGIN) {
            self.text(MARGIN, self.y, font, size, colour, &l);
            self.y -= size * 1.45;
        }
    }

    fn heading(&mut self, text: &str) {
        self.y -= 10.0;
        self.text(MARGIN, self.y, BOLD, 12.5, ACCENT, text);
        self.y -= 6.0;
        self.rule(self.y);
        self.y -= 16.0;
    }

    fn rule(&mut self, y: f32) {
        self.c.set_stroke_rgb(LINE.0, LINE.1, LINE.2);
        self.c.set_line_width(0.7);
        self.c.move_to(MARGIN, y);
        self.c.line_to(WIDTH - MARGIN, y);
        self.c.stroke();
    }

    fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32, colour: (f32, f32, f32)) {
        self.c.set_fill_rgb(colour.0, colour.1, colour.2);
        self.c.rect(x, y, w, h);
        self.c.fill_nonzero();
    }
}

fn month_label(t: &Texts, month: &str) -> String {
    let (y, m) = month.split_once('-').unwrap_or((month, "01"));
    let m = m.parse::<usize>().unwrap_or(1).clamp(1, 12);
    fill(t.review_month, &[("month", &t.months[m - 1]), ("year", &y)])
}

fn since(t: &Texts, l: Locale, days: Option<i64>) -> String {
    match days {
        None => t.never.to_string(),
        Some(0) => t.since_today.to_string(),
        Some(1) => t.since_yesterday.to_string(),
        Some(n) => fill(t.since_days, &[("n", &l.number(n))]),
    }
}

/// The file name an assistant sees: "Leadership review Anna de Vries 2026-10.pdf".
pub fn file_name(review: &MonthlyReview, locale: Locale) -> String {
    let name: String = review.person_name.chars().map(|c| if c.is_alphanumeric() || c == ' ' || c == '-' { c } else { '_' }).collect();
    format!("{}.pdf", fill(locale.texts().review_file, &[("name", &name.trim()), ("month", &review.month)]))
}

/// Writes the review as a PDF; `made_on` is the day it is produced (for the footer).
pub fn render(review: &MonthlyReview, locale: Locale, made_on: NaiveDate) -> Vec<u8> {
    let t = locale.texts();
    let mut p = Page { c: Content::new(), y: HEIGHT - MARGIN };
    let title = format!("{} - {}", review.person_name, month_label(t, &review.month));
    let as_of = crate::time::parse_date("asOf", &review.as_of).map(|d| locale.date(d)).unwrap_or_else(|_| review.as_of.clone());

    // Header: the brand, whose month this is, and as of when.
    p.fill_rect(0.0, HEIGHT - 8.0, WIDTH, 8.0, ACCENT);
    p.text(MARGIN, p.y - 4.0, BOLD, 10.0, ACCENT, "CADENCE");
    p.y -= 30.0;
    p.line(BOLD, 20.0, INK, &title);
    p.line(REGULAR, 10.5, MUTED, &fill(t.review_as_of, &[("date", &as_of)]));

    // Actions per category against the target, with a bar each.
    p.heading(t.review_actions);
    let most = review.categories.iter().map(|c| c.count).max().unwrap_or(0).max(1) as f32;
    for c in &review.categories {
        let colour = hex(&c.colour);
        p.fill_rect(MARGIN, p.y - 1.0, 9.0, 9.0, colour);
        p.text(MARGIN + 16.0, p.y, REGULAR, 11.0, INK, &c.label);
        p.text(MARGIN + 200.0, p.y, BOLD, 11.0, INK, &c.count.to_string());
        if c.count > 0 {
            p.fill_rect(MARGIN + 232.0, p.y - 1.0, 150.0 * c.count as f32 / most, 9.0, colour);
        }
        let target = match c.target.per {
            crate::Per::Week => fill(t.review_target_week, &[("n", &c.target.times)]),
            crate::Per::Day => fill(t.review_target_day, &[("n", &c.target.times)]),
        };
        p.text(MARGIN + 392.0, p.y, REGULAR, 9.5, MUTED, &target);
        p.y -= 18.0;
    }
    p.text(MARGIN + 16.0, p.y, BOLD, 11.0, INK, t.review_total);
    p.text(MARGIN + 200.0, p.y, BOLD, 11.0, INK, &review.total.to_string());
    p.y -= 14.0;

    // Score and streaks.
    p.heading(t.review_engagement);
    p.line(BOLD, 11.0, INK, &fill(t.review_score, &[("score", &pct(review.score))]));
    p.line(
        REGULAR,
        11.0,
        INK,
        &fill(t.review_streak, &[("streak", &review.current_streak_days), ("best", &review.best_streak_days)]),
    );
    for c in &review.categories {
        let unit = if c.streak_unit == "weeks" { t.unit_weeks } else { t.unit_days };
        let mut text = fill(t.review_category, &[("category", &c.label), ("score", &pct(c.score)), ("streak", &c.current_streak), ("unit", &unit)]);
        if c.slipping {
            text.push_str(t.review_slipping);
        }
        p.line(REGULAR, 10.0, if c.slipping { (0.6, 0.2, 0.05) } else { MUTED }, &text);
    }

    // The score week by week: a small line chart, 0-100 %.
    if review.trend.len() > 1 {
        p.heading(t.review_trend);
        let (x0, h, w) = (MARGIN + 30.0, 90.0, WIDTH - 2.0 * MARGIN - 40.0);
        let y0 = p.y - h;
        for (i, label) in ["0%", "50%", "100%"].iter().enumerate() {
            let y = y0 + h * i as f32 / 2.0;
            p.c.set_stroke_rgb(LINE.0, LINE.1, LINE.2);
            p.c.set_line_width(0.5);
            p.c.move_to(x0, y);
            p.c.line_to(x0 + w, y);
            p.c.stroke();
            p.text(MARGIN, y - 3.0, REGULAR, 8.0, MUTED, label);
        }
        let step = w / (review.trend.len() - 1) as f32;
        let point = |i: usize, s: f64| (x0 + step * i as f32, y0 + h * s.clamp(0.0, 1.0) as f32);
        p.c.set_stroke_rgb(ACCENT.0, ACCENT.1, ACCENT.2);
        p.c.set_line_width(2.0);
        for (i, pt) in review.trend.iter().enumerate() {
            let (x, y) = point(i, pt.score);
            if i == 0 {
                p.c.move_to(x, y);
            } else {
                p.c.line_to(x, y);
            }
        }
        p.c.stroke();
        for (i, pt) in review.trend.iter().enumerate() {
            let (x, y) = point(i, pt.score);
            p.fill_rect(x - 2.5, y - 2.5, 5.0, 5.0, ACCENT);
            // Labels sit above the point, or below it near the top of the chart.
            let label_y = if pt.score > 0.8 { y - 13.0 } else { y + 6.0 };
            p.text(x - 4.0, label_y, BOLD, 8.0, INK, &pct(pt.score));
            if let Ok(d) = crate::time::parse_date("weekStart", &pt.week_start) {
                let label = format!("{} {}", d.day(), t.months[d.month0() as usize].chars().take(3).collect::<String>());
                p.text(x - 10.0, y0 - 12.0, REGULAR, 8.0, MUTED, &label);
            }
        }
        p.y = y0 - 26.0;
    }

    // Who has not heard from the leader, and which values went unserved.
    p.heading(t.review_quiet);
    for a in &review.quiet {
        p.line(REGULAR, 10.5, INK, &format!("\u{2022} {}: {}", a.label, since(t, locale, a.days_since)));
    }
    p.heading(t.review_values);
    if review.values_set == 0 {
        p.line(REGULAR, 10.5, MUTED, t.review_no_values);
    } else if review.neglected_values.is_empty() {
        p.line(REGULAR, 10.5, INK, t.review_all_values);
    } else {
        for v in &review.neglected_values {
            p.line(REGULAR, 10.5, INK, &format!("\u{2022} {}", fill(t.review_value_last, &[("value", &v.label), ("since", &since(t, locale, v.days_since))])));
        }
    }

    // Promises kept.
    p.heading(t.review_follow);
    let f = &review.follow_through;
    let mut text = match f.rate {
        Some(rate) => fill(t.review_follow_rate, &[("rate", &pct(rate))]),
        None => t.review_no_promises.to_string(),
    };
    if let Some(days) = f.median_days_to_close {
        text.push_str(&fill(t.review_median, &[("days", &format!("{days:.0}"))]));
    }
    text.push_str(". ");
    text.push_str(&fill(t.review_open, &[("open", &f.open), ("overdue", &f.overdue)]));
    p.line(REGULAR, 10.5, INK, &text);

    p.rule(MARGIN - 4.0);
    p.text(MARGIN, MARGIN - 18.0, REGULAR, 8.5, MUTED, &fill(t.review_footer, &[("date", &locale.date(made_on))]));

    write(&p.c.finish(), &title)
}

fn write(content: &[u8], title: &str) -> Vec<u8> {
    let (catalog, tree, page, regular, bold, contents, info) =
        (Ref::new(1), Ref::new(2), Ref::new(3), Ref::new(4), Ref::new(5), Ref::new(6), Ref::new(7));
    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids([page]).count(1);
    let mut pg = pdf.page(page);
    pg.media_box(Rect::new(0.0, 0.0, WIDTH, HEIGHT));
    pg.parent(tree);
    pg.contents(contents);
    let mut resources = pg.resources();
    let mut fonts = resources.fonts();
    fonts.pair(REGULAR, regular);
    fonts.pair(BOLD, bold);
    fonts.finish();
    resources.finish();
    pg.finish();
    for (id, base) in [(regular, Name(b"Helvetica")), (bold, Name(b"Helvetica-Bold"))] {
        pdf.type1_font(id).base_font(base).encoding_predefined(Name(b"WinAnsiEncoding"));
    }
    pdf.stream(contents, content);
    pdf.document_info(info).title(TextStr(title)).creator(TextStr("Cadence"));
    pdf.finish()
}

/// The strings shown on the page, in order: the operands of the content stream's `Tj` operators,
/// decoded from WinAnsi. Lets tests (and anyone checking a file) read the numbers without a PDF library.
pub fn shown_text(pdf: &[u8]) -> Vec<String> {
    let decode = |bytes: &[u8]| -> String {
        bytes
            .iter()
            .map(|&b| match b {
                0x80 => '€',
                0x85 => '…',
                0x91 => '‘',
                0x92 => '’',
                0x93 => '“',
                0x94 => '”',
                0x95 => '•',
                0x96 => '–',
                0x97 => '—',
                _ => b as char,
            })
            .collect()
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < pdf.len() {
        let (bytes, end) = match pdf[i] {
            b'(' => {
                let (mut depth, mut j, mut bytes) = (1, i + 1, Vec::new());
                while j < pdf.len() && depth > 0 {
                    match pdf[j] {
                        b'\\' if j + 1 < pdf.len() => {
                            j += 1;
                            bytes.push(match pdf[j] {
                                b'n' => b'\n',
                                b'r' => b'\r',
                                b't' => b'\t',
                                other => other,
                            });
                        }
                        b'(' => {
                            depth += 1;
                            bytes.push(b'(');
                        }
                        b')' => {
                            depth -= 1;
                            if depth > 0 {
                                bytes.push(b')');
                            }
                        }
                        other => bytes.push(other),
                    }
                    j += 1;
                }
                (bytes, j)
            }
            b'<' if pdf.get(i + 1) != Some(&b'<') => {
                let end = pdf[i..].iter().position(|&b| b == b'>').map_or(pdf.len(), |p| i + p);
                let hex: Vec<u8> = pdf[i + 1..end].iter().copied().filter(u8::is_ascii_hexdigit).collect();
                let bytes = hex.chunks(2).filter_map(|c| u8::from_str_radix(std::str::from_utf8(c).ok()?, 16).ok()).collect();
                (bytes, end + 1)
            }
            b'<' => {
                i += 2;
                continue;
            }
            _ => {
                i += 1;
                continue;
            }
        };
        if pdf.get(end..end + 3) == Some(b" Tj") {
            out.push(decode(&bytes));
        }
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_and_western_letters_are_encoded_for_the_standard_fonts() {
        assert_eq!(win_ansi("Zoë café – €5"), b"Zo\xeb caf\xe9 \x96 \x805".to_vec());
        assert_eq!(win_ansi("Łódź"), b"?\xf3d?".to_vec());
    }

    #[test]
    fn shown_text_reads_back_what_was_written() {
        let mut c = Content::new();
        for text in ["Daily streak: 6 days (best 9)", "Zoë (laatst gisteren) – 3", "a) b( \\ c"] {
            c.begin_text();
            c.set_font(REGULAR, 10.0);
            c.show(Str(&win_ansi(text)));
            c.end_text();
        }
        let pdf = write(&c.finish(), "t");
        assert_eq!(shown_text(&pdf), ["Daily streak: 6 days (best 9)", "Zoë (laatst gisteren) – 3", "a) b( \\ c"]);
    }

    #[test]
    fn long_text_wraps_within_the_page() {
        let lines = wrap(&"word ".repeat(60), 10.0, 200.0);
        assert!(lines.len() > 5);
        assert!(lines.iter().all(|l| approx_width(l, 10.0) <= 200.0));
    }
}
