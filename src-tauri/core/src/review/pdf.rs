//! The monthly review as a one-page A4 PDF, written directly (pdf-writer, the standard Helvetica fonts):
//! no print dialog, no browser, the same file from the window and the CLI. Text uses WinAnsi encoding,
//! which covers Dutch and the other Western European languages; a character outside it prints as "?".

use chrono::{Datelike, NaiveDate};
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use super::winansi::encode;
pub use super::winansi::shown_text;
use super::text::{follow_through, month_label, pct, since, target};
use super::MonthlyReview;
use crate::i18n::{fill, Locale};

const WIDTH: f32 = 595.0;
const HEIGHT: f32 = 842.0;
const MARGIN: f32 = 48.0;
const REGULAR: Name<'static> = Name(b"F1");
const BOLD: Name<'static> = Name(b"F2");
const INK: (f32, f32, f32) = (0.09, 0.11, 0.16);
const MUTED: (f32, f32, f32) = (0.36, 0.39, 0.45);
const ACCENT: (f32, f32, f32) = (0.12, 0.23, 0.54);
const LINE: (f32, f32, f32) = (0.85, 0.87, 0.9);

/// Approximate width of Helvetica text, for fitting and wrapping (average glyph ~0.52 em).
fn approx_width(text: &str, size: f32) -> f32 {
    text.chars().count() as f32 * size * 0.52
}

fn wrap(text: &str, size: f32, width: f32) -> Vec<String> {
    let (mut lines, mut current) = (Vec::new(), String::new());
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() { word.to_string() } else { format!("{current} {word}") };
        if approx_width(&candidate, size) > width && !current.is_empty() {
            lines.push(std::mem::replace(&mut current, word.to_string()));
        } else {
            current = candidate;
        }
    }
    lines.push(current);
    lines
}

fn hex(colour: &str) -> (f32, f32, f32) {
    let c = |i: usize| u8::from_str_radix(colour.get(i..i + 2).unwrap_or("80"), 16).unwrap_or(128) as f32 / 255.0;
    (c(1), c(3), c(5))
}

/// Lowest text line above the footer.
const BOTTOM: f32 = MARGIN + 14.0;

/// The document being written, top down; a new page starts when the next block would not fit.
struct Page {
    c: Content,
    y: f32,
    done: Vec<Content>,
}

impl Page {
    /// Makes room for `height` points, starting a new page when the current one is full.
    fn need(&mut self, height: f32) {
        if self.y - height < BOTTOM {
            self.done.push(std::mem::replace(&mut self.c, Content::new()));
            self.y = HEIGHT - MARGIN;
        }
    }

    fn text(&mut self, x: f32, y: f32, font: Name<'_>, size: f32, colour: (f32, f32, f32), text: &str) {
        self.c.set_fill_rgb(colour.0, colour.1, colour.2);
        self.c.begin_text();
        self.c.set_font(font, size);
        self.c.next_line(x, y);
        self.c.show(Str(&encode(text)));
        self.c.end_text();
    }

    /// A line of text at the cursor, which then moves down.
    fn line(&mut self, font: Name<'_>, size: f32, colour: (f32, f32, f32), text: &str) {
        for l in wrap(text, size, WIDTH - 2.0 * MARGIN) {
            self.need(size * 1.45);
            self.text(MARGIN, self.y, font, size, colour, &l);
            self.y -= size * 1.45;
        }
    }

    /// A section heading, kept on the same page as the section's first lines.
    fn heading(&mut self, text: &str) {
        self.need(64.0);
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

/// The file name an assistant sees: "Leadership review Anna de Vries 2026-10.pdf".
pub fn file_name(review: &MonthlyReview, locale: Locale) -> String {
    let name: String = review.person_name.chars().map(|c| if c.is_alphanumeric() || c == ' ' || c == '-' { c } else { '_' }).collect();
    format!("{}.pdf", fill(locale.texts().review_file, &[("name", &name.trim()), ("month", &review.month)]))
}

/// Writes the review as a PDF; `made_on` is the day it is produced (for the footer).
pub fn render(review: &MonthlyReview, locale: Locale, made_on: NaiveDate) -> Vec<u8> {
    let t = locale.texts();
    let mut p = Page { c: Content::new(), y: HEIGHT - MARGIN, done: Vec::new() };
    let title = format!("{} - {}", review.person_name, month_label(t, &review.month));
    let doc_title = format!("{}: {title}", t.review_title);
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
        p.need(18.0);
        let colour = hex(&c.colour);
        p.fill_rect(MARGIN, p.y - 1.0, 9.0, 9.0, colour);
        p.text(MARGIN + 16.0, p.y, REGULAR, 11.0, INK, &fit(&c.label, 11.0, 176.0));
        p.text(MARGIN + 200.0, p.y, BOLD, 11.0, INK, &c.count.to_string());
        if c.count > 0 {
            p.fill_rect(MARGIN + 232.0, p.y - 1.0, 150.0 * c.count as f32 / most, 9.0, colour);
        }
        let target = target(&c.target, locale);
        p.text(MARGIN + 392.0, p.y, REGULAR, 9.5, MUTED, &target);
        p.y -= 18.0;
    }
    p.need(18.0);
    p.text(MARGIN + 16.0, p.y, BOLD, 11.0, INK, t.review_total);
    p.text(MARGIN + 200.0, p.y, BOLD, 11.0, INK, &review.total.to_string());
    p.y -= 14.0;

    // Score and streaks.
    p.heading(t.review_engagement);
    let score = if review.running { t.review_score_today } else { t.review_score };
    p.line(BOLD, 11.0, INK, &fill(score, &[("score", &pct(review.score))]));
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
        p.need(170.0);
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
                let label = format!("{} {}", d.day(), t.months_short[d.month0() as usize]);
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
            let text = match v.days_since {
                Some(_) => fill(t.review_value_last, &[("value", &v.label), ("since", &since(t, locale, v.days_since))]),
                None => fill(t.review_value_never, &[("value", &v.label)]),
            };
            p.line(REGULAR, 10.5, INK, &format!("\u{2022} {text}"));
        }
    }

    // Promises kept.
    p.heading(t.review_follow);
    let text = follow_through(review, locale);
    p.line(REGULAR, 10.5, INK, &text);

    // Every page ends with the same footer and its number.
    let mut pages = std::mem::take(&mut p.done);
    pages.push(p.c);
    let count = pages.len();
    let footer = fill(t.review_footer, &[("date", &locale.date(made_on))]);
    let finished: Vec<Vec<u8>> = pages
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let mut page = Page { c, y: 0.0, done: Vec::new() };
            page.rule(MARGIN - 4.0);
            page.text(MARGIN, MARGIN - 18.0, REGULAR, 8.5, MUTED, &footer);
            if count > 1 {
                let number = fill(t.review_page, &[("n", &(i + 1)), ("count", &count)]);
                page.text(WIDTH - MARGIN - approx_width(&number, 8.5), MARGIN - 18.0, REGULAR, 8.5, MUTED, &number);
            }
            page.c.finish().to_vec()
        })
        .collect();
    write(&finished, &doc_title)
}

/// Shortens `text` with an ellipsis to fit `width` points.
fn fit(text: &str, size: f32, width: f32) -> String {
    if approx_width(text, size) <= width {
        return text.to_string();
    }
    let keep = (width / (size * 0.52)) as usize;
    format!("{}…", text.chars().take(keep.saturating_sub(1)).collect::<String>())
}

fn write(pages: &[Vec<u8>], title: &str) -> Vec<u8> {
    let (catalog, tree, regular, bold, info) = (Ref::new(1), Ref::new(2), Ref::new(3), Ref::new(4), Ref::new(5));
    // Page i is object 10 + 2i, its content stream the one after.
    let page_ref = |i: usize| Ref::new(10 + 2 * i as i32);
    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids((0..pages.len()).map(page_ref)).count(pages.len() as i32);
    for (i, content) in pages.iter().enumerate() {
        let contents = Ref::new(11 + 2 * i as i32);
        let mut pg = pdf.page(page_ref(i));
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
        pdf.stream(contents, content);
    }
    for (id, base) in [(regular, Name(b"Helvetica")), (bold, Name(b"Helvetica-Bold"))] {
        pdf.type1_font(id).base_font(base).encoding_predefined(Name(b"WinAnsiEncoding"));
    }
    pdf.document_info(info).title(TextStr(title)).creator(TextStr("Cadence"));
    pdf.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_wraps_within_the_page() {
        let lines = wrap(&"word ".repeat(60), 10.0, 200.0);
        assert!(lines.len() > 5);
        assert!(lines.iter().all(|l| approx_width(l, 10.0) <= 200.0));
    }
}
