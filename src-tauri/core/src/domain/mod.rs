//! Plain types and pure rules of the domain: no SQL, no I/O. Areas move their types here as they move
//! behind the storage ports (#12); `time`, `days`, `stats` and the reminder engine are the rules already pure.

pub mod targets;
pub mod catalogue;
pub mod followups;
pub mod inbox;
pub mod people;
pub mod rules;
pub mod when;
