//! Plain-text renderings of the CLI's larger results (the JSON forms are the serde types themselves).

use cadence_core::{Stats, TeamRow};

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

fn since(days: Option<i64>) -> String {
    days.map(|d| format!("{d} d ago")).unwrap_or_else(|| "never".into())
}

/// The dashboard as text: overall line, one line per category, neglected audiences and values.
pub fn stats_text(s: &Stats) -> String {
    let o = &s.overall;
    let mut out = vec![format!(
        "{} as of {}: score {}, streak {} days (best {}){}{}",
        s.person_name,
        s.as_of,
        pct(o.score),
        o.current_streak_days,
        o.best_streak_days,
        if o.at_risk { ", at risk today" } else { "" },
        if o.slipping { ", SLIPPING" } else { "" },
    )];
    for c in &s.categories {
        out.push(format!(
            "  {:<22} {:>4}  target {} per {:<4}  streak {} {} (best {})  last {}{}",
            c.key,
            pct(c.score),
            c.target.times,
            c.target.per.as_str(),
            c.current_streak,
            c.streak_unit,
            c.best_streak,
            since(c.days_since),
            if c.slipping { "  SLIPPING" } else { "" },
        ));
    }
    let mut quiet: Vec<_> = s.audiences.iter().collect();
    quiet.sort_by_key(|a| std::cmp::Reverse(a.days_since.unwrap_or(i64::MAX)));
    let names: Vec<String> = quiet.iter().take(3).map(|a| format!("{} ({})", a.label, since(a.days_since))).collect();
    out.push(format!("  longest without hearing from you: {}", names.join(", ")));
    let neglected: Vec<String> =
        s.values.iter().filter(|v| v.count == 0).map(|v| format!("{} ({})", v.label, since(v.days_since))).collect();
    if !neglected.is_empty() {
        out.push(format!("  values not served in the last {} days: {}", s.range.days, neglected.join(", ")));
    }
    out.join("\n")
}

/// The team overview as a table.
pub fn team_text(rows: &[TeamRow]) -> String {
    rows.iter()
        .map(|r| {
            format!(
                "{:>4}  {:<24} score {:>4}  streak {:>3} d{}  open communication {}{}",
                r.person_id,
                r.name,
                pct(r.score),
                r.current_streak_days,
                if r.at_risk { " (at risk)" } else { "" },
                since(r.days_since_open_communication),
                if r.slipping { format!("  SLIPPING: {}", r.slipping_categories.join(", ")) } else { String::new() },
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Follow-ups as a table.
pub fn followups_text(list: &[cadence_core::Followup]) -> String {
    list.iter()
        .map(|f| format!("{:>4}  {:<8} due {}  {:<20} {}", f.id, f.status, f.due, f.person_name, f.text))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reminder rules as a table.
pub fn rules_text(rules: &[cadence_core::ReminderRule]) -> String {
    rules
        .iter()
        .map(|r| {
            format!(
                "{:>4}  {:<13} {:<20} at {}{}{}  next {}",
                r.id,
                r.kind,
                r.person_name,
                r.at,
                r.category.as_deref().map(|c| format!(" [{c}]")).unwrap_or_default(),
                if r.paused { " (paused)" } else { "" },
                r.next_fire.as_deref().unwrap_or("-"),
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Backups as a table.
pub fn backups_text(list: &[cadence_core::backup::BackupInfo]) -> String {
    list.iter()
        .map(|b| {
            format!(
                "{}  {:<13} {:>9} bytes  {}  {}",
                b.created_at,
                b.kind,
                b.bytes,
                if b.ok { format!("ok, {} actions", b.actions.unwrap_or(0)) } else { "FAILS THE CHECK".into() },
                b.path
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}
