//! The core's layout, read from its source: which top-level modules a module refers to. The language
//! catalogues (`i18n`) are a leaf, the error type uses only them, and `db`, `error`, `time` and `i18n` no
//! longer import each other in a circle (#12). References are `crate::module` paths and the names the crate
//! root re-exports (`crate::Db` is `db`'s).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn core_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../src-tauri/core/src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read core/src").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without its comments (line comments and doc comments; the core has no block comments
/// that name modules) and without its `#[cfg(test)]` tail, which may use anything.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    text.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

/// Identifiers following `crate::` in `code`, and the first identifier of each item of a `crate::{a::X, b}`
/// group.
fn crate_paths(code: &str) -> Vec<String> {
    let ident = |s: &str| -> String { s.trim_start().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect() };
    let mut out = Vec::new();
    for (i, m) in code.match_indices("crate::") {
        let rest = &code[i + m.len()..];
        let Some(group) = rest.strip_prefix('{') else {
            out.push(ident(rest));
            continue;
        };
        // Split the group at its top-level commas.
        let (mut depth, mut start) = (0usize, 0usize);
        for (j, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    out.push(ident(&group[start..j]));
                    break;
                }
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    out.push(ident(&group[start..j]));
                    start = j + 1;
                }
                _ => {}
            }
        }
    }
    out
}

#[test]
fn paths_and_groups_are_read() {
    let code = "use crate::db::Db;\nuse crate::{error::{CoreError, Result}, i18n::Msg,\n    time};\nx(crate::Locale)";
    assert_eq!(crate_paths(code), ["db", "error", "i18n", "time", "Locale"]);
}

/// Top-level module -> the top-level modules it refers to.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = core_src();
    let lib = std::fs::read_to_string(src.join("lib.rs")).expect("lib.rs");
    let modules: BTreeSet<String> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod ").or_else(|| l.trim().strip_prefix("mod ")))
        .map(|m| m.trim_end_matches(';').to_string())
        .collect();
    // `pub use db::Db;`, `pub use i18n::{Locale, Msg};`: which module each re-exported name comes from.
    let mut reexported: BTreeMap<String, String> = BTreeMap::new();
    for line in lib.lines().filter_map(|l| l.trim().strip_prefix("pub use ")) {
        let Some((module, names)) = line.trim_end_matches(';').split_once("::") else { continue };
        for name in names.trim_matches(|c| c == '{' || c == '}').split(',') {
            // `pub use store::sqlite::db;`: the name is the path's last segment.
            let name = name.trim().rsplit("::").next().unwrap_or("").trim();
            reexported.insert(name.to_string(), module.to_string());
        }
    }
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let rel = file.strip_prefix(&src).expect("under src");
        let first = rel.components().next().expect("a component").as_os_str().to_string_lossy().to_string();
        let module = first.trim_end_matches(".rs").to_string();
        if !modules.contains(&module) {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("read a source file");
        let uses = graph.entry(module.clone()).or_default();
        for name in crate_paths(&code(&text)) {
            let target = if modules.contains(&name) { Some(name) } else { reexported.get(&name).cloned() };
            if let Some(target) = target.filter(|t| *t != module) {
                uses.insert(target);
            }
        }
    }
    graph
}

fn reaches(graph: &BTreeMap<String, BTreeSet<String>>, from: &str, to: &str) -> bool {
    let mut seen = BTreeSet::new();
    let mut todo = vec![from.to_string()];
    while let Some(m) = todo.pop() {
        for next in graph.get(&m).into_iter().flatten() {
            if next == to {
                return true;
            }
            if seen.insert(next.clone()) {
                todo.push(next.clone());
            }
        }
    }
    false
}

#[test]
fn the_graph_is_read_from_the_source() {
    let graph = graph();
    // What the reader must see for the assertions below to mean anything.
    assert!(graph["store"].contains("error"), "the store uses the error type: {:?}", graph["store"]);
    assert!(graph["time"].contains("error") && graph["time"].contains("i18n"), "{:?}", graph["time"]);
    assert!(graph["language"].contains("store"), "Db is the SQLite store: {:?}", graph["language"]);
}

#[test]
fn the_catalogues_are_a_leaf_and_the_error_uses_only_them() {
    let graph = graph();
    assert_eq!(graph["i18n"], BTreeSet::new(), "i18n imports nothing of the crate");
    assert_eq!(graph["error"], BTreeSet::from(["i18n".to_string()]), "error imports only the catalogues");
    // Through any module: the catalogues and the error type never reach the store.
    for m in ["i18n", "error", "time"] {
        assert!(!reaches(&graph, m, "store"), "{m} reaches the store");
    }
}

#[test]
fn db_error_time_and_i18n_import_each_other_in_no_circle() {
    // Among these four (and the language setting): `db` still meets the rest of the crate through the
    // modules that add methods to `Db`, which the store redesign (#12.1) takes apart.
    let four = ["store", "error", "time", "i18n", "language"];
    let graph: BTreeMap<String, BTreeSet<String>> = graph()
        .into_iter()
        .filter(|(m, _)| four.contains(&m.as_str()))
        .map(|(m, uses)| (m, uses.into_iter().filter(|u| four.contains(&u.as_str())).collect()))
        .collect();
    assert!(graph["store"].contains("time") && graph["language"].contains("store"), "{graph:?}");
    for m in four {
        assert!(!reaches(&graph, m, m), "{m} reaches itself through {:?}", graph[m]);
    }
}

/// The files of `core/src` (relative, `/`-separated) whose code holds SQL or names rusqlite.
fn files_with_sql() -> BTreeSet<String> {
    let src = core_src();
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut out = BTreeSet::new();
    for file in files {
        let text = code(&std::fs::read_to_string(&file).expect("read a source file"));
        let sql = ["SELECT ", "INSERT INTO", "INSERT OR", "DELETE FROM", "CREATE TABLE", "rusqlite"]
            .iter()
            .any(|k| text.contains(k))
            || text.lines().any(|l| l.contains("UPDATE ") && l.contains(" SET "));
        if sql {
            out.insert(file.strip_prefix(&src).expect("under src").to_string_lossy().replace('\\', "/"));
        }
    }
    out
}

#[test]
fn sql_is_found_where_it_is() {
    let found = files_with_sql();
    assert!(found.contains("store/sqlite/people.rs") && found.contains("store/sqlite/db.rs"), "{found:?}");
    assert!(!found.contains("service/people.rs") && !found.contains("time.rs"), "{found:?}");
}

#[test]
fn services_and_ports_hold_no_sql_and_name_no_store() {
    for file in files_with_sql() {
        let outside = file.starts_with("service/") || (file.starts_with("store/") && !file.starts_with("store/sqlite/"));
        assert!(!outside, "{file} holds SQL: it belongs in store/sqlite/");
    }
    let mut files = Vec::new();
    rust_files(&core_src().join("service"), &mut files);
    assert!(!files.is_empty());
    for file in files {
        let text = code(&std::fs::read_to_string(&file).expect("read a service"));
        for name in ["store::sqlite", "store::memory", "crate::db", "crate::Db", "Connection"] {
            assert!(!text.contains(name), "{} names {name}: a service sees the ports only", file.display());
        }
    }
}

/// Every line of SQL is the SQLite adapter's (#12.1): a file elsewhere that gains SQL fails here.
#[test]
fn no_sql_stands_outside_the_sqlite_adapter() {
    let outside: BTreeSet<String> = files_with_sql().into_iter().filter(|f| !f.starts_with("store/sqlite/")).collect();
    assert_eq!(outside, BTreeSet::new());
    assert!(files_with_sql().len() >= 10, "the detection finds the adapter's own files");
}

#[test]
fn the_public_error_names_no_storage_type() {
    let text = code(&std::fs::read_to_string(core_src().join("error.rs")).expect("error.rs"));
    for name in ["rusqlite", "Connection", "postgres"] {
        assert!(!text.contains(name), "error.rs names {name}");
    }
    assert!(text.contains("Storage(#[source] StoreFailure)"), "the reader saw the variant");
}

/// The file a `crate::a::b::...` path is defined in: the deepest of `a/b.rs`, `a/b/mod.rs`, `a.rs`, `a/mod.rs`
/// that exists (relative to `core/src`), or `None` for a name the crate root re-exports.
fn file_of(path: &[&str]) -> Option<String> {
    let src = core_src();
    for depth in (1..=path.len().min(2)).rev() {
        let parts = &path[..depth];
        for candidate in [format!("{}.rs", parts.join("/")), format!("{}/mod.rs", parts.join("/"))] {
            if src.join(&candidate).exists() {
                return Some(candidate);
            }
        }
    }
    None
}

/// The `crate::` paths of `code`, as segments (groups `crate::{a::X, b}` give each item).
fn full_paths(code: &str) -> Vec<Vec<String>> {
    // Segments up to the first that does not end in `::` (the path's last name).
    let segments = |s: &str| -> Vec<String> {
        let mut out = Vec::new();
        for part in s.split("::") {
            let part = part.trim_start();
            let ident: String = part.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            let whole = ident.len() == part.len();
            if !ident.is_empty() {
                out.push(ident);
            }
            if !whole || out.is_empty() {
                break;
            }
        }
        out
    };
    let mut out = Vec::new();
    for (i, m) in code.match_indices("crate::") {
        let rest = &code[i + m.len()..];
        match rest.strip_prefix('{') {
            Some(group) => {
                let end = group.find('}').unwrap_or(group.len());
                out.extend(group[..end].split(',').map(segments));
            }
            None => out.push(segments(rest)),
        }
    }
    out.into_iter().filter(|p| !p.is_empty()).collect()
}

#[test]
fn paths_are_resolved_to_their_files() {
    assert_eq!(file_of(&["store", "sqlite", "Sql"]).as_deref(), Some("store/sqlite/mod.rs"));
    assert_eq!(file_of(&["domain", "catalogue", "Table"]).as_deref(), Some("domain/catalogue.rs"));
    assert_eq!(file_of(&["time", "Zone"]).as_deref(), Some("time.rs"));
    assert_eq!(file_of(&["Db"]), None);
    assert_eq!(full_paths("use crate::{a::B, c::d::E};\nx(crate::f::G)"), [vec!["a", "B"], vec!["c", "d", "E"], vec!["f", "G"]]);
}

#[test]
fn a_service_imports_no_module_that_holds_sql() {
    let sql = files_with_sql();
    let mut files = Vec::new();
    rust_files(&core_src().join("service"), &mut files);
    let mut checked = 0;
    for file in files {
        let text = code(&std::fs::read_to_string(&file).expect("read a service"));
        for path in full_paths(&text) {
            let segments: Vec<&str> = path.iter().map(String::as_str).collect();
            if let Some(target) = file_of(&segments) {
                checked += 1;
                assert!(!sql.contains(&target), "{} uses crate::{}, defined in {target}, which holds SQL", file.display(), path.join("::"));
            }
        }
    }
    assert!(checked > 20, "the reader found the services' imports ({checked})");
}
