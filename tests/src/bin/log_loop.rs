//! Crash-safety helper: logs actions into the data folder given as the first argument, forever, printing
//! each action's id after its transaction has committed. The crash test kills it with SIGKILL.

use std::io::Write;

use cadence_core::{Db, NewAction, NewPerson};

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: log_loop DATA_DIR");
        std::process::exit(2);
    };
    let mut db = match Db::open_dir(std::path::Path::new(&dir)) {
        Ok(db) => db,
        Err(e) => {
            eprintln!("log_loop: {e}");
            std::process::exit(1);
        }
    };
    let person = match db.find_person("Looper") {
        Ok(p) => p,
        Err(_) => match db.add_person(&NewPerson { name: "Looper".into(), tz: Some("UTC".into()), ..Default::default() }) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("log_loop: {e}");
                std::process::exit(1);
            }
        },
    };
    let mut out = std::io::stdout().lock();
    for n in 0u64.. {
        let input = NewAction {
            person: person.id.to_string(),
            category: "follow-up".into(),
            note: Some(format!("crash test {n} {}", "x".repeat((n % 50) as usize))),
            audiences: vec!["staff".into()],
            ..Default::default()
        };
        match db.log_action(&input) {
            Ok(a) => {
                if writeln!(out, "{}", a.id).and_then(|_| out.flush()).is_err() {
                    return;
                }
            }
            Err(e) => {
                eprintln!("log_loop: {e}");
                std::process::exit(1);
            }
        }
    }
}
