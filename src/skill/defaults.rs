//! The built-in handlers: what a skill does until the developer says otherwise.
//!
//! | request | answer | message ids |
//! | --- | --- | --- |
//! | `LaunchRequest` | welcome, session stays open | `welcome`, `welcome-reprompt` |
//! | `AMAZON.HelpIntent` | help, session stays open | `help`, `help-reprompt` |
//! | `AMAZON.StopIntent`, `AMAZON.CancelIntent` | goodbye, session ends | `goodbye` |
//! | `AMAZON.NavigateHomeIntent` | short goodbye, session ends | `navigate-home` |
//! | `AMAZON.FallbackIntent`, an intent with no handler | fallback, session stays open | `fallback`, `fallback-reprompt` |
//! | `SessionEndedRequest` | logs reason and error; no speech (Alexa allows none) | – |
//! | `CanFulfillIntentRequest` | `YES` for intents the skill routes, else `NO` | – |
//! | an unknown request type | in a session: fallback, session stays open; outside one: an empty answer | `fallback`, `fallback-reprompt` |
//! | AudioPlayer, PlaybackController, skill events, messages, `System.ExceptionEncountered`, APL runtime errors | an empty answer, logged (speech is not allowed or not expected there) | – |
//! | any error | apology, session stays open | `error`, `help-reprompt` |
//! | a service call the user has not granted (feature `services`) | `AskForPermissionsConsent` card with the scopes, session ends | `permission-consent` |
//!
//! The messages are [`BUILTIN_MESSAGE_IDS`](crate::i18n::BUILTIN_MESSAGE_IDS),
//! shipped in all 17 Alexa locales; a skill's `.ftl` files override any of
//! them by defining the same id.

use async_trait::async_trait;

use super::Input;
use super::handler::{ErrorHandler, Handler};
use crate::bounded::field;
use crate::model::{CanFulfill, CanFulfillIntent, Request};
use crate::response::ResponseBuilder;
use crate::{Error, Result};

pub(crate) const HELP: &str = "AMAZON.HelpIntent";
pub(crate) const STOP: &str = "AMAZON.StopIntent";
pub(crate) const CANCEL: &str = "AMAZON.CancelIntent";
pub(crate) const FALLBACK: &str = "AMAZON.FallbackIntent";
pub(crate) const NAVIGATE_HOME: &str = "AMAZON.NavigateHomeIntent";

/// A built-in answer: a message, then either a reprompt (the session stays
/// open) or the end of the session.
pub(crate) struct Say {
    message: &'static str,
    reprompt: Option<&'static str>,
}

pub(crate) const WELCOME: Say = Say::asking("welcome", "welcome-reprompt");
pub(crate) const HELP_ANSWER: Say = Say::asking("help", "help-reprompt");
pub(crate) const FALLBACK_ANSWER: Say = Say::asking("fallback", "fallback-reprompt");
pub(crate) const GOODBYE: Say = Say::ending("goodbye");
pub(crate) const NAVIGATE_HOME_ANSWER: Say = Say::ending("navigate-home");
const APOLOGY: Say = Say::asking("error", "help-reprompt");

impl Say {
    const fn asking(message: &'static str, reprompt: &'static str) -> Say {
        Say {
            message,
            reprompt: Some(reprompt),
        }
    }

    const fn ending(message: &'static str) -> Say {
        Say {
            message,
            reprompt: None,
        }
    }

    fn answer(&self, cx: &Input) -> ResponseBuilder {
        match self.reprompt {
            Some(reprompt) => cx.ask(cx.t(self.message), cx.t(reprompt)),
            None => cx.say(cx.t(self.message)).end_session(),
        }
    }
}

#[async_trait(?Send)]
impl Handler for Say {
    async fn handle(&self, cx: &mut Input) -> Result<ResponseBuilder> {
        Ok(self.answer(cx))
    }
}

/// Unknown request types: a fallback inside a session, nothing outside one.
pub(crate) struct UnknownRequest;
#[async_trait(?Send)]
impl Handler for UnknownRequest {
    async fn handle(&self, cx: &mut Input) -> Result<ResponseBuilder> {
        tracing::warn!(
            request_type = %field(cx.request().type_name()),
            "no handler for this request type"
        );
        if cx.session().in_session() {
            Ok(FALLBACK_ANSWER.answer(cx))
        } else {
            Ok(ResponseBuilder::new())
        }
    }
}

/// Requests whose answer may not contain speech: answer with nothing.
pub(crate) struct Silent;
#[async_trait(?Send)]
impl Handler for Silent {
    async fn handle(&self, cx: &mut Input) -> Result<ResponseBuilder> {
        tracing::debug!(
            request_type = %field(cx.request().type_name()),
            "answered with an empty response"
        );
        Ok(ResponseBuilder::new())
    }
}

pub(crate) struct SessionEnded;
#[async_trait(?Send)]
impl Handler for SessionEnded {
    async fn handle(&self, cx: &mut Input) -> Result<ResponseBuilder> {
        if let Request::SessionEnded(r) = cx.request() {
            let reason = r.reason.as_deref().unwrap_or("UNKNOWN");
            match &r.error {
                Some(e) => tracing::warn!(
                    reason = %field(reason),
                    error_type = %field(&e.error_type),
                    error_message = %field(e.message.as_deref().unwrap_or("")),
                    "session ended with an error"
                ),
                None => tracing::info!(reason = %field(reason), "session ended"),
            }
        }
        Ok(ResponseBuilder::new())
    }
}

/// Answers `CanFulfillIntentRequest` from the intents the skill routes.
pub(crate) struct CanFulfillFromRoutes;
#[async_trait(?Send)]
impl Handler for CanFulfillFromRoutes {
    async fn handle(&self, cx: &mut Input) -> Result<ResponseBuilder> {
        let can = match cx.intent_name() {
            Some(name) if cx.skill().routes(name) => CanFulfill::Yes,
            _ => CanFulfill::No,
        };
        Ok(ResponseBuilder::from(crate::model::Response {
            can_fulfill_intent: Some(CanFulfillIntent::new(can)),
            ..Default::default()
        }))
    }
}

/// The built-in apology, for when everything else failed.
pub(crate) fn apology(cx: &Input) -> ResponseBuilder {
    APOLOGY.answer(cx)
}

/// The last error handler: an apology in the user's language; with feature
/// `services`, a missing permission is answered with the consent card instead.
pub(crate) struct Apology;
#[async_trait(?Send)]
impl ErrorHandler for Apology {
    fn can_handle(&self, _cx: &Input, _error: &Error) -> bool {
        true
    }
    async fn handle(&self, cx: &mut Input, _error: &Error) -> Result<ResponseBuilder> {
        #[cfg(feature = "services")]
        if let Some(missing) =
            crate::services::PermissionRequired::of(_error).filter(|p| !p.scopes.is_empty())
        {
            return Ok(missing.answer(cx));
        }
        Ok(APOLOGY.answer(cx))
    }
}
