//! Building responses: [`ResponseBuilder`], the [`ssml`] helpers and Alexa's limits.
//!
//! ```
//! use alexa_kit::response::{ResponseBuilder, ssml};
//!
//! let name = "Ben & Jerry"; // from a slot: user data, so escape it
//! let response = ResponseBuilder::new()
//!     .speak(format!("Hello {}! What next?", ssml::escape(name)))
//!     .reprompt("What next?")
//!     .simple_card("Hello", format!("Hello {name}!"))
//!     .build()?;
//! assert_eq!(response.output_speech.unwrap().text(), "<speak>Hello Ben &amp; Jerry! What next?</speak>");
//! # Ok::<(), alexa_kit::Error>(())
//! ```
//!
//! # Limits
//!
//! [`ResponseBuilder::build`] rejects, with an [`ErrorKind::InvalidResponse`](crate::ErrorKind)
//! error, what Alexa would reject: speech or reprompt over
//! [`ssml::MAX_SPEECH_CHARS`] characters, malformed SSML or tags Alexa does not
//! support, a card whose title and text exceed [`MAX_CARD_CHARS`], an
//! `ENQUEUE` without `expectedPreviousToken`, a dialog directive in a response
//! that ends the session. The whole envelope (with session attributes) must
//! fit in [`MAX_RESPONSE_BYTES`]: the skill framework serializes it with
//! [`to_vec`], which checks that.

pub mod ssml;

mod builder;
mod json;
mod limits;
mod parts;

pub use builder::ResponseBuilder;
pub(crate) use limits::to_json;
pub use limits::{MAX_CARD_CHARS, MAX_RESPONSE_BYTES, check_envelope_size, to_vec};
pub use parts::{AudioPlay, EntityType, OnCompletion};
