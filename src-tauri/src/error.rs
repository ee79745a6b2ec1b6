//! The error the UI receives: `{ kind, message, field? }`, built from cadence-core's typed error.

use cadence_core::{CoreError, Locale};
use serde::Serialize;

/// A serialisable error; `kind` mirrors [`CoreError::kind`], `field` names the input at fault.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ApiError {
    pub kind: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl From<CoreError> for ApiError {
    fn from(e: CoreError) -> Self {
        let message = match &e {
            // The field is shown next to the input; the message reads on its own there.
            CoreError::Invalid { reason, .. } => reason.text(Locale::En),
            other => other.to_string(),
        };
        ApiError { kind: e.kind().to_string(), message, field: e.field().map(String::from) }
    }
}

impl ApiError {
    /// An error of the app itself, not of the core (a poisoned lock, a missing database).
    pub fn internal(message: impl Into<String>) -> Self {
        ApiError { kind: "internal".into(), message: message.into(), field: None }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}
