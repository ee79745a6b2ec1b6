//! Crash safety: a process logging actions in a loop is killed with SIGKILL at random moments, 24 times;
//! every action it reported as committed must be there afterwards, and the database must pass
//! `PRAGMA integrity_check`.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use cadence_core::{ActionQuery, Db};

#[test]
fn sigkill_never_loses_a_committed_action() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut rng_state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        rng_state ^= rng_state << 13;
        rng_state ^= rng_state >> 7;
        rng_state ^= rng_state << 17;
        rng_state
    };
    let mut reported: Vec<i64> = Vec::new();
    for round in 0..24 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_log_loop"))
            .arg(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start the logging process");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Ok(id) = line.trim().parse::<i64>() {
                    if tx.send(id).is_err() {
                        break;
                    }
                }
            }
        });
        // Wait for the first commit, then a random 5..300 ms, then SIGKILL mid-write.
        let first = rx.recv_timeout(Duration::from_secs(20)).expect("the process logs");
        reported.push(first);
        std::thread::sleep(Duration::from_millis(5 + next() % 295));
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");
        reader.join().expect("reader");
        reported.extend(rx.try_iter());
        let db = Db::open_dir(dir.path()).unwrap_or_else(|e| panic!("round {round}: reopen failed: {e}"));
        let conn = rusqlite::Connection::open(db.path()).expect("raw");
        let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).expect("check");
        assert_eq!(check, "ok", "round {round}");
        let stored: std::collections::HashSet<i64> =
            db.list_actions(&ActionQuery::default()).expect("list").into_iter().map(|a| a.id).collect();
        let missing: Vec<_> = reported.iter().filter(|id| !stored.contains(id)).collect();
        assert!(missing.is_empty(), "round {round}: reported but lost: {missing:?}");
    }
    assert!(reported.len() > 24, "the loop committed {} actions", reported.len());
}
