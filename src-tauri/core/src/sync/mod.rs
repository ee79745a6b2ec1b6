//! The change model the stores share (#12.3), as pure rules: no SQL, no I/O, no clock of its own.
//!
//! - [`hlc`]: a version for every create, update and delete, from a hybrid logical clock (wall-clock
//!   milliseconds, a counter, the device's id): later on one device is always higher, and a device that has
//!   seen a change always versions its next one above it, whatever the machines' clocks say.
//! - [`lww`]: how a replica applies a change (last writer wins per record, deletes as tombstones with a
//!   version) and answers "what changed since this version", in one stable order.
//!
//! The SQLite and PostgreSQL stores follow these rules; the property tests (`tests/tests/sync.rs`) hold them:
//! any interleaving of the same changes, applied to two empty replicas, gives identical content.

pub mod hlc;
pub mod lww;

pub use hlc::{DeviceId, Hlc, TooFarAhead, Version, MAX_AHEAD_MILLIS, MAX_MILLIS};
pub use lww::{Applied, Change, Replica};
