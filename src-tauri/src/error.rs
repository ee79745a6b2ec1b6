//! The error the UI receives: `{ kind, message, field? }`, built from cadence-core's typed error.

use cadence_core::{CoreError, Locale};
use serde::Serialize;

/// A serialisable error; `kind` mirrors [`CoreError::kind`], `field` names the input at fault.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "ApiErrorBody")]
pub struct ApiError {
    pub kind: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
}

impl From<CoreError> for ApiError {
    /// In the OS's language: used where no database says which language the user chose.
    fn from(e: CoreError) -> Self {
        ApiError::localized(e, Locale::os())
    }
}

impl ApiError {
    /// The error in the user's language.
    pub fn localized(e: CoreError, locale: Locale) -> Self {
        let message = match &e {
            // The field is shown next to the input; the message reads on its own there.
            CoreError::Invalid { reason, .. } => reason.text(locale),
            other => other.message(locale),
        };
        ApiError { kind: e.kind().to_string(), message, field: e.field().map(String::from) }
    }

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
