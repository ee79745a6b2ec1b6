//! The UI's TypeScript types (`ui/src/lib/bindings.ts`) are generated from the Rust types that cross IPC, never
//! copied by hand: this test renders them with ts-rs and fails when the checked-in file differs (CI runs it).
//! `script/bindings` writes the file (this test with `UPDATE_BINDINGS=1`).

use std::any::TypeId;
use std::collections::BTreeSet;
use std::path::Path;

use ts_rs::TS;

struct Declared {
    id: TypeId,
    name: String,
    decl: String,
    deps: Vec<(TypeId, String)>,
}

fn declared<T: TS + 'static>() -> Declared {
    Declared {
        id: TypeId::of::<T>(),
        name: T::name(),
        decl: T::decl(),
        deps: T::dependencies().into_iter().map(|d| (d.type_id, d.ts_name)).collect(),
    }
}

macro_rules! all {
    ($($t:ty),* $(,)?) => { vec![$(declared::<$t>()),*] };
}

/// Every type the commands take or give, and the error; what they refer to is listed too (checked below).
fn types() -> Vec<Declared> {
    use cadence_app::commands::data::ImportPreview;
    use cadence_app::commands::setup::AppStatus;
    use cadence_app::desktop::ShortcutStatus;
    use cadence_app::error::ApiError;
    use cadence_core::backup::BackupInfo;
    use cadence_core::days::{DayChange, PersonDay};
    use cadence_core::review::{MonthlyReview, ReviewCategory, TrendPoint};
    use cadence_core::stats::{
        CategoryStats, ChannelShare, Coverage, DayTotal, Explanation, Overall, PeriodCounts, Range, ScorePoint,
    };
    use cadence_core::transfer::Change;
    use cadence_core::transfer::csv::{CsvPreview, Mapping};
    use cadence_core::transfer::sheet::DateOrder;
    use cadence_core::transfer::import::ImportReport;
    use cadence_core::*;
    all![
        ApiError, AppStatus, Locale, ShortcutStatus, Person, NewPerson, Category, Channel, Audience, ValueItem, Catalog,
        Action, NewAction, ActionQuery, DayCount, DayChange, PersonDay, Per, Target, CategoryTarget, Absence,
        StatsQuery, Stats, Range, Overall, DayTotal, ScorePoint, ChannelShare, Explanation, CategoryStats,
        PeriodCounts, Coverage, TeamRow, MonthlyReview, ReviewCategory, TrendPoint, Followup, NewFollowup,
        FollowupEdit, FollowThrough, cadence_core::reminders::engine::Kind, ReminderRule, NewRule, InboxItem, BackupInfo, Mapping, DateOrder, CsvPreview,
        Change, ImportReport, ImportPreview, cadence_core::organisation::CatalogPatch,
        cadence_app::commands::reminders::Closed,
    ]
}

/// The file's text. Integers are `number`: serde_json writes every i64 as a JSON number, and ids and counts
/// stay far below 2^53 (ts-rs would say `bigint`, which `JSON.parse` never gives).
fn rendered() -> String {
    let mut text = String::from(
        "// Generated from the Rust types by `script/bindings` (src-tauri/tests/bindings.rs): do not edit.\n\
         // The wire is camelCase JSON; `api.ts` is the one wrapper that sends and receives these.\n",
    );
    for t in types() {
        let decl = t.decl.replace("bigint", "number");
        text.push('\n');
        text.push_str(&format!("export {decl}\n"));
    }
    text
}

#[test]
fn every_type_a_listed_type_refers_to_is_listed() {
    let types = types();
    let listed: BTreeSet<TypeId> = types.iter().map(|t| t.id).collect();
    let names: BTreeSet<&str> = types.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names.len(), types.len(), "two types render under one name");
    for t in &types {
        for (id, name) in &t.deps {
            assert!(listed.contains(id), "{} refers to {name}, which is not listed in types()", t.name);
        }
    }
}

#[test]
fn the_checked_in_bindings_are_the_generated_ones() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings.ts");
    let text = rendered();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&file, &text).expect("write ui/src/lib/bindings.ts");
        return;
    }
    let checked_in = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        checked_in == text,
        "ui/src/lib/bindings.ts is not what the Rust types give: run script/bindings and commit the file"
    );
}
