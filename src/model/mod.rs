//! Serde types for the Alexa Custom Skill wire format.
//!
//! The request side is tolerant: unknown fields are ignored, almost every
//! field is optional, and an unknown `request.type` or directive `type`
//! parses into an `Unknown` variant that keeps the raw JSON. A *known* type
//! with a malformed field reports the real error, with the path to it.
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

mod context;
mod directive;
mod envelope;
mod intent;
mod lenient;
mod request;
mod response;
mod tagged;

pub use context::*;
pub use directive::*;
pub use envelope::*;
pub use intent::*;
pub use request::*;
pub use response::*;
