//! The headless CLI: the same binary without a window, for scripts, tests, seeding and benchmarks.
//!
//! Each subcommand is a call into cadence-core plus output: plain text by default, camelCase JSON with
//! `--json`. Any error prints one readable line on stderr and exits with status 1.

use std::path::PathBuf;
use std::process::ExitCode;

use cadence_core::demo::DemoSpec;
use cadence_core::{ActionQuery, CoreError, Db, NewAction, NewPerson, Per, StatsQuery};
use clap::{Args, Parser, Subcommand};

mod output;
use serde::Serialize;

#[derive(Debug, Parser)]
#[command(name = "cadence", version, about = "Cadence: log and keep up your daily leadership actions.")]
pub struct Cli {
    /// Data folder (default: $XDG_DATA_HOME/cadence); also CADENCE_DATA_DIR.
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Print JSON instead of text.
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add or list people.
    #[command(subcommand)]
    Person(PersonCommand),
    /// Log an action; prints its id.
    Log(LogArgs),
    /// List actions, oldest first.
    List(ListArgs),
    /// Generate realistic demo history.
    DemoData(DemoArgs),
    /// Set or list targets.
    #[command(subcommand)]
    Target(TargetCommand),
    /// Add, list or remove planned absences.
    #[command(subcommand)]
    Absence(AbsenceCommand),
    /// A person's dashboard: streaks, scores, trends, coverage.
    Stats(StatsArgs),
    /// Everyone's score, streak and slipping flag, slipping first.
    Team(TeamArgs),
}

#[derive(Debug, Subcommand)]
pub enum TargetCommand {
    /// Set a target: N per week or N per working day.
    Set {
        #[arg(long)]
        person: String,
        #[arg(long)]
        category: String,
        #[arg(long)]
        times: u32,
        /// week or day
        #[arg(long, default_value = "week")]
        per: String,
    },
    /// A person's targets (defaults included).
    List {
        #[arg(long)]
        person: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum AbsenceCommand {
    /// Plan an absence (holiday, travel, sick) over inclusive dates.
    Add {
        #[arg(long)]
        person: String,
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Absences of one person or everyone.
    List {
        #[arg(long)]
        person: Option<String>,
    },
    /// Remove an absence by id.
    Remove { id: i64 },
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Person id or name.
    #[arg(long)]
    pub person: String,
    /// Compute as of this local date (default: today in the person's zone).
    #[arg(long)]
    pub as_of: Option<String>,
    /// Days covered by the channel mix and coverage counts.
    #[arg(long, default_value_t = 90)]
    pub range_days: u32,
}

#[derive(Debug, Args)]
pub struct TeamArgs {
    #[arg(long)]
    pub as_of: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum PersonCommand {
    /// Add a person; prints the new id.
    Add(PersonArgs),
    /// List everyone.
    List,
}

#[derive(Debug, Args)]
pub struct PersonArgs {
    #[arg(long)]
    pub name: String,
    #[arg(long)]
    pub role: Option<String>,
    /// Layer key (board, senior-management, middle-management, team-lead, staff).
    #[arg(long)]
    pub layer: Option<String>,
    /// Unit key.
    #[arg(long)]
    pub unit: Option<String>,
    /// IANA time zone (default: the OS zone).
    #[arg(long)]
    pub tz: Option<String>,
    /// Comma-separated weekdays, e.g. mon,tue,wed,thu,fri.
    #[arg(long, value_name = "DAYS")]
    pub working_days: Option<String>,
    /// When this person's day starts, HH:MM (default 00:00).
    #[arg(long, value_name = "HH:MM")]
    pub day_start: Option<String>,
    /// This is the person using the app (the window then opens on their Today view).
    #[arg(long)]
    pub me: bool,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// Person id or name.
    #[arg(long)]
    pub person: String,
    /// Category key (open-communication, visible-participation, follow-up, ...).
    #[arg(long)]
    pub category: String,
    #[arg(long)]
    pub note: Option<String>,
    /// Channel key.
    #[arg(long)]
    pub channel: Option<String>,
    /// Layer or unit key reached; repeat for several.
    #[arg(long = "audience")]
    pub audiences: Vec<String>,
    /// Value or theme key served; repeat for several.
    #[arg(long = "value")]
    pub values: Vec<String>,
    /// When it happened, RFC 3339 with offset; the offset fixes the local date.
    #[arg(long, conflicts_with = "date")]
    pub at: Option<String>,
    /// The local date it counts for (back-logging), YYYY-MM-DD.
    #[arg(long)]
    pub date: Option<String>,
    /// Local time HH:MM on --date.
    #[arg(long, requires = "date")]
    pub time: Option<String>,
    /// The zone it happened in, when travelling (default: the person's zone).
    #[arg(long)]
    pub tz: Option<String>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Person id or name.
    #[arg(long)]
    pub person: Option<String>,
    /// First local date, YYYY-MM-DD.
    #[arg(long)]
    pub from: Option<String>,
    /// Last local date, YYYY-MM-DD.
    #[arg(long)]
    pub to: Option<String>,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    #[arg(long, default_value_t = 1)]
    pub people: u32,
    #[arg(long, default_value_t = 1)]
    pub years: u32,
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Mean actions on an ordinary working day (24 averages about 15 per calendar day).
    #[arg(long, default_value_t = cadence_core::demo::DEFAULT_PER_DAY)]
    pub per_day: f64,
}

/// Runs one subcommand and returns the process exit status.
pub fn run(command: Command, data_dir: Option<PathBuf>, json: bool) -> ExitCode {
    match execute(command, data_dir, json) {
        Ok(text) => {
            if !text.is_empty() {
                println!("{text}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cadence: error: {}", one_line(&e));
            ExitCode::FAILURE
        }
    }
}

fn one_line(e: &CoreError) -> String {
    e.to_string().replace('\n', " ")
}

fn to_json<T: Serialize>(value: &T) -> Result<String, CoreError> {
    serde_json::to_string_pretty(value).map_err(|e| CoreError::Io { context: "cannot write JSON".into(), source: e.into() })
}

/// Runs a subcommand and returns what to print.
pub fn execute(command: Command, data_dir: Option<PathBuf>, json: bool) -> Result<String, CoreError> {
    let dir = cadence_core::paths::data_dir(data_dir)?;
    let mut db = Db::open_dir(&dir)?;
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
        Command::Person(PersonCommand::List) => {
            let people = db.people()?;
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
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"))
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
                    let channel = a.channel.as_deref().map(|c| format!(" via {c}")).unwrap_or_default();
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
            Ok(format!(
                "generated {} actions for {} people from {} to {}",
                summary.actions,
                summary.people.len(),
                summary.from,
                summary.to
            ))
        }
        Command::Target(TargetCommand::Set { person, category, times, per }) => {
            let target = db.set_target(&person, &category, times, Per::parse(&per)?)?;
            if json { to_json(&target) } else { Ok(format!("{}: {} per {}", target.category, target.target.times, target.target.per.as_str())) }
        }
        Command::Target(TargetCommand::List { person }) => {
            let targets = db.targets(db.find_person(&person)?.id)?;
            if json {
                return to_json(&targets);
            }
            Ok(targets
                .iter()
                .map(|t| {
                    let default = if t.is_default { " (default)" } else { "" };
                    format!("{:<24} {} per {}{default}", t.category, t.target.times, t.target.per.as_str())
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
            if json { to_json(&stats) } else { Ok(output::stats_text(&stats)) }
        }
        Command::Team(args) => {
            let team = db.team(args.as_of.as_deref())?;
            if json { to_json(&team) } else { Ok(output::team_text(&team)) }
        }
    }
}
