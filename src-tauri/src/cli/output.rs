//! Plain-text renderings of the CLI's larger results, in the app's language (the JSON forms are the serde
//! types themselves and never translated: scripts read them).

use cadence_core::i18n::fill;
use cadence_core::{Locale, Per, Stats, Target, TeamRow};

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

fn since(days: Option<i64>, l: Locale) -> String {
    days.map(|d| fill(l.texts().days_ago, &[("n", &l.number(d))])).unwrap_or_else(|| l.texts().never.into())
}

/// "3 per week", "1 per dag".
pub fn target(t: &Target, l: Locale) -> String {
    let per = match t.per {
        Per::Week => l.texts().per_week,
        Per::Day => l.texts().per_day,
    };
    fill(l.texts().cli_target, &[("times", &t.times), ("per", &per)])
}

/// The dashboard as text: overall line, one line per category, neglected audiences and values.
pub fn stats_text(s: &Stats, l: Locale) -> String {
    let t = l.texts();
    let o = &s.overall;
    let head = fill(
        t.stats_head,
        &[("name", &s.person_name), ("date", &s.as_of), ("score", &pct(o.score)), ("streak", &o.current_streak_days), ("best", &o.best_streak_days)],
    );
    let mut out = vec![format!(
        "{head}{}{}",
        if o.at_risk { t.stats_at_risk } else { "" },
        if o.slipping { format!(", {}", t.slipping) } else { String::new() },
    )];
    for c in &s.categories {
        let unit = if c.streak_unit == "weeks" { t.unit_weeks } else { t.unit_days };
        let detail = fill(
            t.stats_category,
            &[("target", &target(&c.target, l)), ("streak", &c.current_streak), ("unit", &unit), ("best", &c.best_streak), ("last", &since(c.days_since, l))],
        );
        out.push(format!("  {:<22} {:>4}  {detail}{}", c.key, pct(c.score), if c.slipping { format!("  {}", t.slipping) } else { String::new() }));
    }
    let mut quiet: Vec<_> = s.audiences.iter().collect();
    quiet.sort_by_key(|a| std::cmp::Reverse(a.days_since.unwrap_or(i64::MAX)));
    let names: Vec<String> = quiet.iter().take(3).map(|a| format!("{} ({})", a.label, since(a.days_since, l))).collect();
    out.push(format!("  {}", fill(t.stats_quiet, &[("names", &names.join(", "))])));
    let neglected: Vec<String> =
        s.values.iter().filter(|v| v.count == 0).map(|v| format!("{} ({})", v.label, since(v.days_since, l))).collect();
    if !neglected.is_empty() {
        out.push(format!("  {}", fill(t.stats_values, &[("days", &s.range.days), ("names", &neglected.join(", "))])));
    }
    out.join("\n")
}

/// The team overview as a table.
pub fn team_text(rows: &[TeamRow], l: Locale) -> String {
    let t = l.texts();
    rows.iter()
        .map(|r| {
            let risk = if r.at_risk { t.team_at_risk } else { "" };
            let row = fill(
                t.team_row,
                &[("score", &format!("{:>4}", pct(r.score))), ("streak", &format!("{:>3}", r.current_streak_days)), ("risk", &risk), ("since", &since(r.days_since_open_communication, l))],
            );
            let slipping = if r.slipping { format!("  {}: {}", t.slipping, r.slipping_labels.join(", ")) } else { String::new() };
            format!("{:>4}  {:<24} {row}{slipping}", r.person_id, r.name)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn status(s: &str, l: Locale) -> &'static str {
    let t = l.texts();
    match s {
        "overdue" => t.status_overdue,
        "done" => t.status_done,
        _ => t.status_open,
    }
}

/// Follow-ups as a table.
pub fn followups_text(list: &[cadence_core::Followup], l: Locale) -> String {
    list.iter()
        .map(|f| {
            let row = fill(l.texts().followup_row, &[("status", &format!("{:<8}", status(&f.status, l))), ("due", &f.due)]);
            format!("{:>4}  {row}  {:<20} {}", f.id, f.person_name, f.text)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reminder rules as a table.
pub fn rules_text(rules: &[cadence_core::ReminderRule], l: Locale) -> String {
    let t = l.texts();
    rules
        .iter()
        .map(|r| {
            format!(
                "{:>4}  {:<13} {:<20} {}{}{}  {}",
                r.id,
                r.kind,
                r.person_name,
                fill(t.rule_row, &[("at", &r.at)]),
                r.category.as_deref().map(|c| format!(" [{c}]")).unwrap_or_default(),
                if r.paused { t.rule_paused } else { "" },
                fill(t.rule_next, &[("next", &r.next_fire.as_deref().unwrap_or("-"))]),
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Backups as a table.
pub fn backups_text(list: &[cadence_core::backup::BackupInfo], l: Locale) -> String {
    let t = l.texts();
    list.iter()
        .map(|b| {
            format!(
                "{}  {:<13} {:>9} {}  {}  {}",
                b.created_at,
                b.kind,
                b.bytes,
                t.bytes,
                if b.ok { fill(t.backup_ok, &[("n", &b.actions.unwrap_or(0))]) } else { t.backup_fails.into() },
                b.path
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}
