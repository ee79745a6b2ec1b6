//! The headless CLI: the same binary without a window, for scripts, tests, seeding and benchmarks.
//!
//! Each subcommand is a call into cadence-core plus output: plain text by default, camelCase JSON with
//! `--json`. Any error prints one readable line on stderr and exits with status 1.

use std::path::PathBuf;
use std::process::ExitCode;

use cadence_core::demo::DemoSpec;
use cadence_core::i18n::fill;
use cadence_core::{ActionQuery, CoreError, Db, FollowupEdit, Locale, NewAction, NewFollowup, NewPerson, NewRule, Per, StatsQuery};
mod args;
mod output;

pub use args::*;
use serde::Serialize;

/// Runs one subcommand and returns the process exit status.
pub fn run(command: Command, data_dir: Option<PathBuf>, json: bool) -> ExitCode {
    let mut locale = Locale::os();
    match execute(command, data_dir, json, &mut locale) {
        Ok(text) => {
            if !text.is_empty() {
                println!("{text}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", fill(locale.texts().cli_error, &[("message", &one_line(&e, locale))]));
            ExitCode::FAILURE
        }
    }
}

fn one_line(e: &CoreError, locale: Locale) -> String {
    e.message(locale).replace('\n', " ")
}

fn to_json<T: Serialize>(value: &T) -> Result<String, CoreError> {
    serde_json::to_string_pretty(value).map_err(|e| CoreError::Io { context: cadence_core::Msg::new("io.write_json"), source: e.into() })
}

/// Runs a subcommand and returns what to print. Messages are in the app's language (the setting, else the
/// OS locale); `locale` is updated once the database says which, for the caller's error line.
pub fn execute(command: Command, data_dir: Option<PathBuf>, json: bool, locale: &mut Locale) -> Result<String, CoreError> {
    let dir = cadence_core::paths::data_dir(data_dir)?;
    if let Command::Backups = command {
        // Listing backups must work even when the database itself cannot be opened.
        if let Some(stored) = cadence_core::language::stored_locale(&dir.join(cadence_core::db::DB_FILE)) {
            *locale = stored;
        }
        let list = cadence_core::backup::list_in(&dir)?;
        return if json { to_json(&list) } else { Ok(output::backups_text(&list, *locale)) };
    }
    if let Command::Check = command {
        // Checks the file as it is, without opening it for writing: a damaged file stays as it was.
        let path = dir.join(cadence_core::db::DB_FILE);
        if let Some(stored) = cadence_core::language::stored_locale(&path) {
            *locale = stored;
        }
        if !path.exists() {
            return Err(CoreError::NotFound { entity: "database", key: path.display().to_string() });
        }
        cadence_core::health::quick_check(&path)?;
        return Ok(if json {
            to_json(&serde_json::json!({ "path": path, "ok": true }))?
        } else {
            fill(locale.texts().cli_check_ok, &[("file", &path.display())])
        });
    }
    if let Command::Recover { file } = &command {
        let path = dir.join(cadence_core::db::DB_FILE);
        // Never under a running Cadence: it would go on writing to the file moved aside.
        if cadence_core::health::open_elsewhere(&path) {
            return Err(CoreError::Conflict(cadence_core::Msg::new("database.in_use")));
        }
        // Read-only first: a damaged file is not opened for writing to find out. Only a file that is damaged,
        // unreadable or not a database is replaced; one from a newer Cadence is refused as it is.
        if path.exists() && cadence_core::health::quick_check(&path).is_ok() {
            match Db::open_dir(&dir) {
                Ok(_) => return Err(CoreError::Conflict(cadence_core::Msg::new("database.fine"))),
                Err(e @ CoreError::TooNew { .. }) => return Err(e),
                Err(_) => {}
            }
        }
        let backup = match file {
            Some(f) => f.clone(),
            None => match cadence_core::backup::newest_good(&dir)? {
                Some(b) => PathBuf::from(b.path),
                None => return Err(CoreError::Conflict(cadence_core::Msg::new("backup.none_good").arg("folder", dir.join("backups").display()))),
            },
        };
        let kept = cadence_core::backup::recover(&dir, &backup)?;
        return Ok(if json {
            to_json(&serde_json::json!({ "recoveredFrom": backup, "kept": kept }))?
        } else {
            fill(locale.texts().cli_recovered, &[("file", &backup.display()), ("kept", &kept.display())])
        });
    }
    // The same clock as the window: CADENCE_NOW_FILE lets tests run the CLI at a chosen instant.
    let mut db = Db::open_dir_with_clock(&dir, Box::new(crate::clock::Shared(crate::clock::app_clock())))?;
    *locale = db.locale();
    let l = *locale;
    let t = l.texts();
    match command {
        Command::Person(PersonCommand::Add(args)) => {
            let person = db.add_person(&NewPerson {
                name: args.name,
                role: args.role,
                layer: args.layer,
                unit: args.unit,
                tz: args.tz,
                working_days: args.working_days.map(|d| d.split(',').map(String::from).collect()),
                day_start: args.day_start,
            })?;
            let person = if args.me {
                db.set_self(person.id)?;
                db.person(person.id)?
            } else {
                person
            };
            if json { to_json(&person) } else { Ok(person.id.to_string()) }
        }
        Command::Person(PersonCommand::List { all }) => {
            let people = if all { db.people_all()? } else { db.people()? };
            if json {
                return to_json(&people);
            }
            Ok(people
                .iter()
                .map(|p| {
                    format!(
                        "{:>4}  {:<24} {:<24} {:<18} {:<20} {}",
                        p.id,
                        p.name,
                        p.role,
                        p.layer.as_deref().unwrap_or("-"),
                        p.tz,
                        p.working_days.join(",")
                    ) + if p.archived { t.cli_archived_mark } else { "" }
                })
                .collect::<Vec<_>>()
                .join("\n"))
        }
        Command::Person(PersonCommand::Archive { person }) => {
            let id = db.find_person(&person)?.id;
            let p = db.archive_person(id)?;
            if json { to_json(&p) } else { Ok(fill(t.cli_archived, &[("name", &p.name)])) }
        }
        Command::Person(PersonCommand::Unarchive { person }) => {
            let id = db.find_person(&person)?.id;
            let p = db.restore_person(id)?;
            if json { to_json(&p) } else { Ok(fill(t.cli_unarchived, &[("name", &p.name)])) }
        }
        Command::Log(args) => {
            let action = db.log_action(&NewAction {
                person: args.person,
                category: args.category,
                note: args.note,
                channel: args.channel,
                audiences: args.audiences,
                values: args.values,
                at: args.at,
                date: args.date,
                time: args.time,
                tz: args.tz,
                logged_by: None,
            })?;
            if json { to_json(&action) } else { Ok(action.id.to_string()) }
        }
        Command::List(args) => {
            let actions = db.list_actions(&ActionQuery { person: args.person, from: args.from, to: args.to })?;
            if json {
                return to_json(&actions);
            }
            Ok(actions
                .iter()
                .map(|a| {
                    let channel = a.channel.as_deref().map(|c| fill(t.cli_via, &[("channel", &c)])).unwrap_or_default();
                    format!(
                        "{:>6}  {} {}  {:<22} {:<20} {}{}",
                        a.id, a.local_date, a.local_time, a.category, a.person_name, a.note, channel
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"))
        }
        Command::DemoData(args) => {
            let summary = db.demo_data(&DemoSpec {
                people: args.people,
                years: args.years,
                seed: args.seed,
                per_day: args.per_day,
            })?;
            if json {
                return to_json(&summary);
            }
            Ok(fill(
                t.cli_demo,
                &[("actions", &l.number(summary.actions as i64)), ("people", &summary.people.len()), ("from", &summary.from), ("to", &summary.to)],
            ))
        }
        Command::Target(TargetCommand::Set { person, category, times, per }) => {
            let target = db.set_target(&person, &category, times, Per::parse(&per)?)?;
            if json { to_json(&target) } else { Ok(format!("{}: {}", target.category, output::target(&target.target, l))) }
        }
        Command::Target(TargetCommand::List { person }) => {
            let targets = db.targets(db.find_person(&person)?.id)?;
            if json {
                return to_json(&targets);
            }
            Ok(targets
                .iter()
                .map(|c| {
                    let default = if c.is_default { t.cli_default } else { "" };
                    format!("{:<24} {}{default}", c.category, output::target(&c.target, l))
                })
                .collect::<Vec<_>>()
                .join("\n"))
        }
        Command::Absence(AbsenceCommand::Add { person, from, to, reason }) => {
            let absence = db.add_absence(&person, &from, &to, &reason)?;
            if json { to_json(&absence) } else { Ok(absence.id.to_string()) }
        }
        Command::Absence(AbsenceCommand::List { person }) => {
            let absences = db.absences(person.as_deref())?;
            if json {
                return to_json(&absences);
            }
            Ok(absences
                .iter()
                .map(|a| format!("{:>4}  {:<20} {} .. {}  {}", a.id, a.person_name, a.from, a.to, a.reason))
                .collect::<Vec<_>>()
                .join("\n"))
        }
        Command::Absence(AbsenceCommand::Remove { id }) => {
            db.delete_absence(id)?;
            Ok(String::new())
        }
        Command::Stats(args) => {
            let stats = db.stats(&StatsQuery { person: args.person, as_of: args.as_of, range_days: Some(args.range_days) })?;
            if json { to_json(&stats) } else { Ok(output::stats_text(&stats, l)) }
        }
        Command::Team(args) => {
            let team = db.team(args.as_of.as_deref())?;
            if json { to_json(&team) } else { Ok(output::team_text(&team, l)) }
        }
        Command::Followup(FollowupCommand::Add { person, text, due, from_action }) => {
            let f = db.add_followup(&NewFollowup { person, text, due, from_action })?;
            if json { to_json(&f) } else { Ok(f.id.to_string()) }
        }
        Command::Followup(FollowupCommand::List { person, status }) => {
            let list = db.followups(person.as_deref(), status.as_deref())?;
            if json { to_json(&list) } else { Ok(output::followups_text(&list, l)) }
        }
        Command::Followup(FollowupCommand::Close { id, note }) => {
            let (f, action) = db.close_followup(id, note.as_deref())?;
            if json {
                to_json(&serde_json::json!({ "followup": f, "action": action }))
            } else {
                Ok(fill(t.cli_closed, &[("id", &f.id), ("action", &action.id)]))
            }
        }
        Command::Followup(FollowupCommand::Edit { id, text, due }) => {
            let f = db.update_followup(id, &FollowupEdit { text, due })?;
            if json { to_json(&f) } else { Ok(output::followups_text(std::slice::from_ref(&f), l)) }
        }
        Command::Followup(FollowupCommand::Delete { id }) => {
            let f = db.delete_followup(id)?;
            if json { to_json(&f) } else { Ok(fill(t.cli_followup_deleted, &[("id", &f.id)])) }
        }
        Command::Followup(FollowupCommand::Undo { id }) => {
            let f = db.restore_followup(id)?;
            if json { to_json(&f) } else { Ok(fill(t.cli_followup_restored, &[("id", &f.id)])) }
        }
        Command::Reminder(ReminderCommand::Add(a)) => {
            let created_by = match a.created_by {
                Some(p) => Some(db.find_person(&p)?.id),
                None => None,
            };
            let rule = db.add_rule(&NewRule {
                person: a.person,
                kind: a.kind,
                at: a.at,
                days: a.days.map(|d| d.split(',').map(String::from).collect()),
                category: a.category,
                after_days: a.after_days,
                threshold: a.threshold,
                drop_points: a.drop_points,
                min_streak: a.min_streak,
                quiet_from: a.quiet_from,
                quiet_to: a.quiet_to,
                created_by,
            })?;
            if json { to_json(&rule) } else { Ok(rule.id.to_string()) }
        }
        Command::Reminder(ReminderCommand::List { person }) => {
            let rules = db.rules(person.as_deref())?;
            if json { to_json(&rules) } else { Ok(output::rules_text(&rules, l)) }
        }
        Command::Reminder(ReminderCommand::Pause { id }) => db.set_rule_paused(id, true).map(|_| String::new()),
        Command::Reminder(ReminderCommand::Resume { id }) => db.set_rule_paused(id, false).map(|_| String::new()),
        Command::Reminder(ReminderCommand::Delete { id }) => db.delete_rule(id).map(|_| String::new()),
        Command::Export { format, out } => {
            let bytes = db.export_to(&format, &out)?;
            Ok(if json { to_json(&serde_json::json!({ "file": out, "bytes": bytes }))? } else { fill(t.cli_wrote, &[("file", &out.display()), ("bytes", &l.number(bytes as i64))]) })
        }
        Command::Import { file, dry_run } => {
            let report = db.import_file(&file, dry_run)?;
            if json {
                return to_json(&report);
            }
            let mut added: Vec<String> = report.added.iter().map(|(k, n)| format!("{n} {k}")).collect();
            added.sort();
            let added = if added.is_empty() { t.cli_nothing.to_string() } else { added.join(", ") };
            Ok(format!(
                "{}{}{}",
                if dry_run { t.cli_dry_run } else { "" },
                fill(t.cli_import, &[("format", &report.format), ("file", &file.display()), ("added", &added), ("skipped", &report.skipped)]),
                report.backup.map(|b| fill(t.cli_backup_suffix, &[("file", &b)])).unwrap_or_default()
            ))
        }
        Command::Backup { out } => {
            let path = match out {
                Some(p) => db.backup_to(&p)?,
                None => db.backup_named("manual")?,
            };
            Ok(if json { to_json(&serde_json::json!({ "file": path }))? } else { path.display().to_string() })
        }
        // Answered above, before the database is opened.
        Command::Backups | Command::Check | Command::Recover { .. } => Ok(String::new()),
        Command::Restore { file } => {
            let safety = db.restore(&file)?;
            Ok(if json {
                to_json(&serde_json::json!({ "restored": file, "previous": safety }))?
            } else {
                fill(t.cli_restored, &[("file", &file.display()), ("previous", &safety.display())])
            })
        }
        Command::Review { person, month, out: Some(out) } => {
            let path = db.save_review_pdf(&person, month.as_deref(), &out)?;
            if json { to_json(&serde_json::json!({ "file": path })) } else { Ok(path.display().to_string()) }
        }
        Command::Review { person, month, out: None } => {
            let review = db.monthly_review(&person, month.as_deref())?;
            if json {
                return to_json(&review);
            }
            Ok(cadence_core::review::text::text(&review, l))
        }
        // main.rs opens the window for it; reached only when a caller runs it as a headless command.
        Command::QuickLog => Err(CoreError::Conflict(cadence_core::Msg::new("app.quicklog_window"))),
        Command::Language { pref } => {
            if let Some(p) = pref {
                *locale = db.set_locale_pref(&p)?;
            }
            let pref = db.locale_pref()?.map_or("system", Locale::tag);
            if json { to_json(&serde_json::json!({ "locale": *locale, "pref": pref })) } else { Ok(locale.tag().to_string()) }
        }
        Command::Reminders(RemindersCommand::Due { at }) => {
            let at = match at {
                Some(text) => cadence_core::time::parse_instant("at", &text)?.with_timezone(&chrono::Utc),
                None => chrono::Utc::now(),
            };
            let due = db.reminders_due(at)?;
            if json {
                let entries: Vec<_> = due
                    .iter()
                    .map(|(d, fired)| {
                        serde_json::json!({
                            "ruleId": d.rule_id, "personId": d.person_id, "personName": d.person_name,
                            "kind": d.kind, "occurrence": d.occurrence, "fireAt": d.fire_at, "late": d.late,
                            "reason": d.reason, "title": d.title, "alreadyFired": fired,
                        })
                    })
                    .collect();
                return to_json(&entries);
            }
            Ok(due
                .iter()
                .map(|(d, fired)| {
                    format!("{}  {:<13} {:<20} {}  {}{}{}", fill(t.cli_rule, &[("id", &format!("{:>3}", d.rule_id))]), d.kind.as_str(), d.person_name, d.fire_at, d.reason,
                        if d.late { t.cli_late } else { "" }, if *fired { t.cli_already_fired } else { "" })
                })
                .collect::<Vec<_>>()
                .join("\n"))
        }
    }
}
