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
//!
//! The messages are [`BUILTIN_MESSAGE_IDS`](crate::i18n::BUILTIN_MESSAGE_IDS),
//! shipped in all 17 Alexa locales; a skill's `.ftl` files override any of
//! them by defining the same id.

use async_trait::async_trait;

use super::Input;
use super::handler::{ErrorHandler, Handler};
use crate::model::{CanFulfill, CanFulfillIntent, Request};
use crate::response::ResponseBuilder;
use crate::{Error, Result};

pub(crate) const HELP: &str = "AMAZON.HelpIntent";
pub(crate) const STOP: &str = "AMAZON.StopIntent";
pub(crate) const CANCEL: &str = "AMAZON.CancelIntent";
pub(crate) const FALLBACK: &str = "AMAZON.FallbackIntent";
pub(crate) const NAVIGATE_HOME: &str = "AMAZON.NavigateHomeIntent";

pub(crate) struct Welcome;
#[async_trait(?Send)]
impl Handler for Welcome {
    async fn handle(&self, cx: &mut Input) -> Result<ResponseBuilder> {
        Ok(cx.ask(cx.t("welcome"), cx.t("welcome-reprompt")))
    }
}

pub(crate) struct Help;
#[async_trait(?Send)]
impl Handler for Help {
    async fn handle(&self, cx: &mut Input) -> Result<ResponseBuilder> {
        Ok(cx.ask(cx.t("help"), cx.t("help-reprompt")))
    }
}

pub(crate) struct Goodbye;
#[async_trait(?Send)]
impl Handler for Goodbye {
    async fn handle(&self, cx: &mut Input) -> Result<ResponseBuilder> {
        Ok(cx.say(cx.t("goodbye")).end_session())
    }
}

pub(crate) struct NavigateHome;
#[async_trait(?Send)]
impl Handler for NavigateHome {
    async fn handle(&self, cx: &mut Input) -> Result<ResponseBuilder> {
        Ok(cx.say(cx.t("navigate-home")).end_session())
    }
}

pub(crate) struct Fallback;
#[async_trait(?Send)]
impl Handler for Fallback {
    async fn handle(&self, cx: &mut Input) -> Result<ResponseBuilder> {
        Ok(cx.ask(cx.t("fallback"), cx.t("fallback-reprompt")))
    }
}

/// Unknown request types: a fallback inside a session, nothing outside one.
pub(crate) struct UnknownRequest;
#[async_trait(?Send)]
impl Handler for UnknownRequest {
    async fn handle(&self, cx: &mut Input) -> Result<ResponseBuilder> {
        tracing::warn!(
            request_type = cx.request().type_name(),
            "no handler for this request type"
        );
        if cx.session().in_session() {
            Fallback.handle(cx).await
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
            request_type = cx.request().type_name(),
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
                    reason,
                    error_type = %e.error_type,
                    error_message = e.message.as_deref().unwrap_or(""),
                    "session ended with an error"
                ),
                None => tracing::info!(reason, "session ended"),
            }
        }
        Ok(ResponseBuilder::new())
    }
}

/// Answers `CanFulfillIntentRequest` from the intents the skill routes.
pub(crate) struct CanFulfillFromRoutes {
    pub(crate) intents: std::collections::HashSet<String>,
}
#[async_trait(?Send)]
impl Handler for CanFulfillFromRoutes {
    async fn handle(&self, cx: &mut Input) -> Result<ResponseBuilder> {
        let can = match cx.intent_name() {
            Some(name) if self.intents.contains(name) => CanFulfill::Yes,
            _ => CanFulfill::No,
        };
        Ok(ResponseBuilder::from(crate::model::Response {
            can_fulfill_intent: Some(CanFulfillIntent::new(can)),
            ..Default::default()
        }))
    }
}

/// The last error handler: an apology in the user's language.
pub(crate) struct Apology;
#[async_trait(?Send)]
impl ErrorHandler for Apology {
    fn can_handle(&self, _cx: &Input, _error: &Error) -> bool {
        true
    }
    async fn handle(&self, cx: &mut Input, _error: &Error) -> Result<ResponseBuilder> {
        Ok(cx.ask(cx.t("error"), cx.t("help-reprompt")))
    }
}
