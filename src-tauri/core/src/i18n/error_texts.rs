//! The error catalogue: key → text with `{placeholders}`, in English and in Dutch (informal "je").
//! The English texts are the messages Cadence has always shown; tests and scripts match on them, so change
//! them only on purpose. Tests check that both tables hold the same keys and placeholders, and that every
//! key used in the source is here. `name.*` are field and record names; in English they are the identifiers.
//! The tables are `error_texts/en.rs` and `error_texts/nl.rs`.

mod en;
mod nl;

pub(crate) use en::EN;
pub(crate) use nl::NL;
