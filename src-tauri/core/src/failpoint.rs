//! Failure injection for the tests of "never without a database": each step of a recovery, a restore or a
//! backup copy may be made to fail by naming it in `CADENCE_FAILPOINT` (`copy`, `restore.migrate`,
//! `restore.write`, `recover.keep`, `recover.aside`, `recover.swap`). Unset, as in normal use, it costs one
//! environment lookup per step.

/// Fails with an injected I/O error when `CADENCE_FAILPOINT` names `step`.
pub(crate) fn check(step: &str) -> std::io::Result<()> {
    match std::env::var("CADENCE_FAILPOINT") {
        Ok(named) if named.split(',').any(|n| n.trim() == step) => Err(std::io::Error::other(format!("failure injected at {step}"))),
        _ => Ok(()),
    }
}
