//! The CLI's arguments (clap). Each subcommand maps to one cadence-core call in `mod.rs`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

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
    /// Add, list or close follow-ups (promises with a due date).
    #[command(subcommand)]
    Followup(FollowupCommand),
    /// Add, list, pause, resume or delete reminder rules.
    #[command(subcommand)]
    Reminder(ReminderCommand),
    /// What reminders are due, without changing anything.
    #[command(subcommand)]
    Reminders(RemindersCommand),
    /// Export everything (json), actions (csv) or open follow-ups (ics).
    Export {
        #[arg(long, default_value = "json")]
        format: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// Import a Cadence JSON export or a CSV of actions; all or nothing.
    Import {
        file: PathBuf,
        /// Check and report without writing anything.
        #[arg(long)]
        dry_run: bool,
    },
    /// Take a backup now (default: into the data folder's backups/).
    Backup {
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// List backups, newest first, with whether each passes the integrity check.
    Backups,
    /// Read the whole database for damage (PRAGMA quick_check), writing nothing; fails when it is damaged.
    Check,
    /// Replace a damaged database with a backup (default: the newest that passes the check); the damaged
    /// file is kept beside it.
    Recover { file: Option<PathBuf> },
    /// Restore a backup (checked first; the current database is kept as a backup).
    Restore { file: PathBuf },
    /// A month's leadership review of a person: text, JSON, or a PDF with --out (a file or a folder).
    Review {
        #[arg(long)]
        person: String,
        /// `YYYY-MM`; the previous month when absent.
        #[arg(long)]
        month: Option<String>,
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Show the language of the app and the CLI; with a value (system, en, nl), change it.
    Language { pref: Option<String> },
    /// Open the quick-log window of the running Cadence (starting it when it is not running). Bind this to a
    /// key in the desktop's keyboard settings where global shortcuts do not work, as on Wayland.
    QuickLog,
}

#[derive(Debug, Subcommand)]
pub enum FollowupCommand {
    /// Record a promise; prints its id.
    Add {
        #[arg(long)]
        person: String,
        #[arg(long)]
        text: String,
        /// Due date, YYYY-MM-DD.
        #[arg(long)]
        due: String,
        /// The action it was born from.
        #[arg(long)]
        from_action: Option<i64>,
    },
    /// Follow-ups, open and overdue first.
    List {
        #[arg(long)]
        person: Option<String>,
        /// open (includes overdue), overdue, done or all
        #[arg(long)]
        status: Option<String>,
    },
    /// Close a follow-up: logs a follow-up action linked to it.
    Close {
        id: i64,
        #[arg(long)]
        note: Option<String>,
    },
    /// Change a follow-up's text or due date.
    Edit {
        id: i64,
        #[arg(long)]
        text: Option<String>,
        /// Due date, YYYY-MM-DD.
        #[arg(long)]
        due: Option<String>,
    },
    /// Delete a follow-up (undo brings it back for 30 days).
    Delete { id: i64 },
    /// Undo the delete of a follow-up.
    Undo { id: i64 },
}

#[derive(Debug, Subcommand)]
pub enum ReminderCommand {
    /// Add a rule; prints its id.
    Add(RuleArgs),
    /// Every rule with its next fire time.
    List {
        #[arg(long)]
        person: Option<String>,
    },
    Pause { id: i64 },
    Resume { id: i64 },
    Delete { id: i64 },
}

#[derive(Debug, Args)]
pub struct RuleArgs {
    /// The leader the rule is for (id or name).
    #[arg(long)]
    pub person: String,
    /// checkin, silence, score-drop, streak-risk or followup-due
    #[arg(long)]
    pub kind: String,
    /// Local time HH:MM in the person's zone.
    #[arg(long)]
    pub at: Option<String>,
    /// Weekdays, e.g. mon,tue,wed (default: the person's working days).
    #[arg(long)]
    pub days: Option<String>,
    #[arg(long)]
    pub category: Option<String>,
    /// silence: days without an action of the category.
    #[arg(long)]
    pub after_days: Option<u32>,
    /// score-drop: fire when the score is below this (0..1, or a percentage).
    #[arg(long)]
    pub threshold: Option<f64>,
    /// score-drop: fire when the score fell this many points over 7 days.
    #[arg(long = "drop")]
    pub drop_points: Option<f64>,
    /// streak-risk: only when the daily streak is at least this long.
    #[arg(long)]
    pub min_streak: Option<u32>,
    /// Quiet hours start, HH:MM.
    #[arg(long)]
    pub quiet_from: Option<String>,
    /// Quiet hours end, HH:MM.
    #[arg(long)]
    pub quiet_to: Option<String>,
    /// Who made the rule (id or name); the app's user by default.
    #[arg(long)]
    pub created_by: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum RemindersCommand {
    /// What is due at an instant (default now) and why; changes nothing.
    Due {
        /// RFC 3339 instant, e.g. 2026-11-27T09:00:00+01:00.
        #[arg(long)]
        at: Option<String>,
    },
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
    /// List everyone who is not archived (with --all, the archived too).
    List {
        #[arg(long)]
        all: bool,
    },
    /// Archive a person who left: hidden from pickers, the team and reminders; their history stays.
    Archive { person: String },
    /// Bring an archived person back.
    Unarchive { person: String },
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

