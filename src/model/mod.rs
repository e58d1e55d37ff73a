//! Serde types for the Alexa Custom Skill wire format.
//!
//! The request side is tolerant: unknown fields are ignored, almost every
//! field is optional, and an unknown `request.type` or directive `type`
//! parses into an `Unknown` variant that keeps the raw JSON. A *known* type
//! with a malformed field reports the real error, with the path to it.
//!
//! Parsing is on the hot path, so [`RequestEnvelope::from_slice`] reads only
//! what every request needs. One pass over the text matches its brackets and
//! strings, finds `version`, `session`, `context` and `request`, and bounds
//! what parsing can cost (at most 50,000 values, 128 levels deep: any event
//! up to Lambda's 6 MB is parsed in a few tens of MB at most, or refused).
//! serde then reads `version`, `session` and `request`; `context`, which on a
//! screen device is most of the event, stays JSON text until
//! [`RequestEnvelope::context`] is first called, and the ids and token of
//! `context.System` are read from that text without parsing the rest.
//! Tagged unions read `type` first and stream the remaining keys into the
//! matching struct, without an intermediate `serde_json::Value`. The path of a
//! bad field is worked out only when parsing failed.
//!
//! # Re-serializing a parsed request
//!
//! Serializing a parsed envelope writes every field the model knows and drops
//! the ones it does not (unknown request and directive *types* are kept whole).
//! A few values come back in a normal form:
//!
//! * `null` and absent optional fields are left out; empty lists and maps too;
//! * a missing `confirmationStatus` is written as `"NONE"`, and other missing
//!   fields with a plain default (`version`, `requestId`, `session.new`) as
//!   that default (`""`, `false`);
//! * numbers sent as numeric strings (`"arcMinuteWidth": "246"`) are written as
//!   numbers, and lenient numbers as the model's number type (`246.0`);
//! * `context.experimentation` is written as `Experimentation`, and an APLT
//!   viewport's `format` as `characterFormat`.
//!
//! Response types round-trip exactly, apart from `null`s.
//!
//! ```
//! use alexa_kit::model::{Request, RequestEnvelope};
//!
//! let json = r#"{"version":"1.0","request":{"type":"LaunchRequest",
//!     "requestId":"amzn1.echo-api.request.1","timestamp":"2024-01-01T00:00:00Z","locale":"de-DE"}}"#;
//! let envelope = RequestEnvelope::from_slice(json.as_bytes())?;
//! assert!(matches!(envelope.request, Request::Launch(_)));
//! assert_eq!(envelope.locale(), Some("de-DE"));
//! # Ok::<(), alexa_kit::Error>(())
//! ```

#[macro_use]
mod open_enum;

mod context;
mod directive;
mod envelope;
mod intent;
mod json_path;
mod lenient;
mod read;
mod request;
pub(crate) use read::{control_or, plain_end, utf8};
/// The scanner's random JSON, for other modules' tests.
#[cfg(test)]
pub(crate) use scan::tests as scan_tests;
mod response;
mod scan;
mod tagged;

pub use context::*;
pub use directive::*;
pub use envelope::*;
pub use intent::*;
pub use request::*;
pub use response::*;

/// A short description of a JSON value's kind, for error messages ("an object", "a string"…).
///
/// ```
/// assert_eq!(alexa_kit::model::json_kind(&serde_json::json!([1])), "an array");
/// ```
pub fn json_kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}
