//! The skill: handlers, routing, interceptors, error handlers and attributes.
//!
//! # Dispatch order
//!
//! The same for every transport (Lambda, the local simulator, tests):
//!
//! 1. Parse the envelope. An event that is not an Alexa request envelope is an
//!    invocation error ([`ErrorKind::InvalidRequest`]), not an apology.
//! 2. Check the skill id, if configured. A mismatch is an invocation error
//!    ([`ErrorKind::SkillIdMismatch`]).
//! 3. Negotiate the locale and build the [`Input`].
//! 4. Request interceptors, in registration order.
//! 5. Route, first match wins:
//!    1. predicate handlers ([`RequestHandler`]), in registration order;
//!    2. for an `IntentRequest`, the handler registered for the intent name
//!       (one map lookup), including the built-in Help, Stop, Cancel, Fallback
//!       and NavigateHome handlers unless overridden;
//!    3. the handler for the request's [`RequestKind`] (built-ins: welcome on
//!       launch, fallback for unrouted intents, logging on session end, …).
//! 6. Response interceptors, in registration order.
//! 7. Check Alexa's limits, add session attributes, serialize.
//! 8. With [`SkillBuilder::save_persistent_attributes_on_success`], save the
//!    persistent attributes if they changed. Never after an apology.
//!
//! Any error in 4–8 (a handler's `Err`, a panic in any piece of skill code, an
//! interceptor's `Err`, a response Alexa would reject, a failed save) goes to
//! the error handlers, in
//! registration order and then the built-in apology. Session attributes are
//! reset to what the request carried and unsaved persistent attributes are
//! dropped, so nothing half-done is kept; if the session attributes alone
//! leave no room for the apology within Alexa's 24 KB, it is sent without
//! them, so that the user always hears it. The
//! response interceptors then run on the error handler's response too (unlike
//! the official SDKs, so that logging and auditing interceptors see every
//! answer); if an error handler or those interceptors fail again, the
//! built-in apology goes out without them.

mod attributes;
mod builder;
mod defaults;
mod handler;
mod input;
mod kind;
mod persistent;

use std::rc::Rc;

pub use attributes::{RequestAttributes, SessionAttributes};
pub use builder::{LocalesSource, SKILL_ID_ENV, SkillBuilder};
pub use handler::{
    ErrorHandler, Handler, RequestHandler, RequestInterceptor, ResponseInterceptor, When, when,
};
pub use input::Input;
pub use kind::RequestKind;
pub use persistent::{PersistenceKey, PersistentAttributes};

use crate::Invocation;
use crate::bounded::field;
use crate::i18n::Locales;
use crate::model::{RequestEnvelope, Response, ResponseEnvelope};
use crate::panic::guarded;
use crate::response::ResponseBuilder;
use crate::{Error, ErrorKind, Result};

/// The user agent alexa-kit puts in every response envelope.
///
/// ```
/// assert!(alexa_kit::skill::USER_AGENT.starts_with("alexa-kit/"));
/// ```
pub const USER_AGENT: &str = concat!("alexa-kit/", env!("CARGO_PKG_VERSION"), " Rust");

/// An Alexa skill: the handlers and configuration, ready to answer requests.
///
/// Build one with [`Skill::builder`]; answer requests with [`Skill::handle`]
/// (typed) or [`Skill::handle_bytes`] (JSON in, JSON out); run it on Lambda
/// or locally with [`Skill::run`]. Cloning is cheap.
///
/// ```
/// use alexa_kit::prelude::*;
/// use alexa_kit::testing;
///
/// let skill = Skill::builder()
///     .intent("HelloWorldIntent", async |cx: &mut Input| Ok(cx.say("Hello!").end_session()))
///     .build()?;
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let answer = skill.handle(testing::intent("HelloWorldIntent").build()).await?;
/// assert_eq!(answer.response.output_speech.unwrap().text(), "<speak>Hello!</speak>");
/// # Ok::<(), alexa_kit::Error>(())
/// # }).unwrap();
/// # Ok::<(), alexa_kit::Error>(())
/// ```
#[derive(Clone)]
pub struct Skill {
    inner: Rc<SkillInner>,
}

struct SkillInner {
    locales: Locales,
    /// Looked up on every intent request: FxHash (its keys are the skill's own intents).
    intents: rustc_hash::FxHashMap<String, Box<dyn Handler>>,
    by_kind: Vec<Box<dyn Handler>>,
    predicates: Vec<Box<dyn RequestHandler>>,
    request_interceptors: Vec<Box<dyn RequestInterceptor>>,
    response_interceptors: Vec<Box<dyn ResponseInterceptor>>,
    error_handlers: Vec<Box<dyn ErrorHandler>>,
    skill_id: Option<String>,
    /// App state registered with [`SkillBuilder::state`], keyed by type.
    state: RequestAttributes,
    persistence: persistent::Persistence,
    /// Every routed intent name, sorted: by name, built-ins and those
    /// predicate handlers declare.
    routed: Vec<String>,
}

impl std::fmt::Debug for Skill {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut intents: Vec<&str> = self.inner.intents.keys().map(String::as_str).collect();
        intents.sort_unstable();
        f.debug_struct("Skill")
            .field("intents", &intents)
            .field("skill_id", &self.inner.skill_id)
            .finish_non_exhaustive()
    }
}

impl Skill {
    /// Starts building a skill.
    ///
    /// ```
    /// let skill = alexa_kit::Skill::builder().build()?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn builder() -> SkillBuilder {
        SkillBuilder::new()
    }

    /// The skill's messages.
    ///
    /// ```
    /// let skill = alexa_kit::Skill::builder().build()?;
    /// assert!(!skill.locales().localizer(Some("de-DE")).t("help").is_empty());
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn locales(&self) -> &Locales {
        &self.inner.locales
    }

    /// The app state of type `T` registered with [`SkillBuilder::state`].
    ///
    /// ```
    /// let skill = alexa_kit::Skill::builder().state(7u8).build()?;
    /// assert_eq!(*skill.state::<u8>()?, 7);
    /// assert_eq!(skill.state::<u16>().unwrap_err().kind(), alexa_kit::ErrorKind::Config);
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn state<T: 'static>(&self) -> Result<&T> {
        self.inner.state.get::<T>().ok_or_else(|| {
            Error::new(
                ErrorKind::Config,
                format!(
                    "no app state of type `{}`; register it with `Skill::builder().state(…)`",
                    std::any::type_name::<T>()
                ),
            )
        })
    }

    /// The intent names the skill routes, built-ins and those declared by
    /// predicate handlers included, sorted.
    ///
    /// ```
    /// let skill = alexa_kit::Skill::builder().build()?;
    /// assert!(skill.intent_names().contains(&"AMAZON.HelpIntent"));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn intent_names(&self) -> Vec<&str> {
        self.inner.routed.iter().map(String::as_str).collect()
    }

    /// Whether the skill serves intent `name`, by name or through a predicate
    /// handler that declares it ([`RequestHandler::intents`]).
    ///
    /// ```
    /// let skill = alexa_kit::Skill::builder().build()?;
    /// assert!(skill.routes("AMAZON.StopIntent"));
    /// assert!(!skill.routes("OrderPizzaIntent"));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn routes(&self, name: &str) -> bool {
        self.inner
            .routed
            .binary_search_by(|n| n.as_str().cmp(name))
            .is_ok()
    }

    /// Answers one request envelope.
    ///
    /// Errors are invocation errors only: an unexpected skill id, or error
    /// handling that itself failed. Handler errors become apologies.
    ///
    /// ```
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let skill = alexa_kit::Skill::builder().build()?;
    /// let answer = skill.handle(alexa_kit::testing::launch().locale("fr-FR").build()).await?;
    /// assert!(answer.response.output_speech.is_some());
    /// # Ok::<(), alexa_kit::Error>(())
    /// # }).unwrap();
    /// ```
    pub async fn handle(&self, envelope: RequestEnvelope) -> Result<ResponseEnvelope> {
        self.handle_from(envelope, Invocation::new(crate::Transport::Test))
            .await
    }

    /// [`Skill::handle`] for a transport that brings its own invocation context.
    pub(crate) async fn handle_from(
        &self,
        mut envelope: RequestEnvelope,
        invocation: Invocation,
    ) -> Result<ResponseEnvelope> {
        // Typed: its caller may have changed it since it was parsed, so
        // `Input::raw_json` serializes the model instead.
        envelope.forget_source();
        let mut input = self.prepare(Box::new(envelope), invocation)?;
        let answer = self.respond(&mut input).await?;
        let mut envelope = ResponseEnvelope::new(*answer.response);
        envelope.user_agent = Some(USER_AGENT.to_owned());
        if answer.with_attributes {
            envelope.session_attributes = input.session().raw().cloned();
        }
        Ok(envelope)
    }

    /// Answers one request given as JSON bytes, returning the response's JSON.
    /// This is what every transport calls.
    ///
    /// ```
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// use alexa_kit::{ErrorKind, Skill};
    /// let skill = Skill::builder().build()?;
    /// let inv = alexa_kit::Invocation::default();
    /// let err = skill.handle_bytes(b"{\"not\":\"alexa\"}", &inv).await.unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::InvalidRequest);
    /// let ok = skill.handle_bytes(br#"{"version":"1.0","request":{"type":"LaunchRequest"}}"#, &inv).await?;
    /// assert!(ok.starts_with(b"{"));
    /// # Ok::<(), alexa_kit::Error>(())
    /// # }).unwrap();
    /// ```
    pub async fn handle_bytes(&self, event: &[u8], invocation: &Invocation) -> Result<Vec<u8>> {
        let envelope = RequestEnvelope::from_slice_boxed(event)?;
        let mut input = self.prepare(envelope, invocation.clone())?;
        Ok(self.respond(&mut input).await?.json)
    }

    /// The synchronous first steps of every transport: skill id check and
    /// locale negotiation. Kept out of the async state machine, which then
    /// holds one `Input` instead of its parts as well.
    fn prepare(&self, envelope: Box<RequestEnvelope>, invocation: Invocation) -> Result<Input> {
        self.check_skill_id(&envelope)?;
        let localizer = self.inner.locales.localizer(envelope.locale());
        Ok(Input::new(self.clone(), envelope, localizer, invocation))
    }

    async fn respond(&self, input: &mut Input) -> Result<Answer> {
        let envelope = input.envelope();
        let span = tracing::info_span!(
            "alexa_request",
            request_id = %field(envelope.request.request_id()),
            request_type = %field(envelope.request.type_name()),
            intent = %field(envelope.intent_name().unwrap_or("")),
            locale = %field(input.locale()),
        );
        let _entered = span.enter();
        let in_session = envelope.session.is_some();

        let error = match self.answer(input).await {
            Ok(response) => match assemble(input, response, in_session) {
                // Persistent attributes are saved only once the answer is sure.
                Ok(done) => match input.save_on_success().await {
                    Ok(()) => return Ok(done),
                    Err(error) => {
                        tracing::error!(kind = %error.kind(), error = %error, "saving the persistent attributes failed; asking the error handlers");
                        error
                    }
                },
                Err(error) => {
                    // Usually session attributes that grew past Alexa's 24 KB.
                    tracing::error!(error = %error, "the response envelope is invalid; asking the error handlers");
                    error
                }
            },
            Err(error) => {
                tracing::error!(kind = %error.kind(), error = %error, "request failed; asking the error handlers");
                error
            }
        };
        input.reset_session();
        // Boxed: the error path's futures stay out of every request's state machine.
        let response = Box::pin(self.recover(input, error)).await?;
        assemble_apology(input, response, in_session)
    }

    /// Interceptors, routing, handler, response interceptors, limits. Every
    /// piece of skill code runs under [`guarded`], so a panic anywhere takes
    /// the same path as a handler's `Err`.
    async fn answer(&self, input: &mut Input) -> Result<Box<Response>> {
        for interceptor in &self.inner.request_interceptors {
            guarded(|| interceptor.process(input)).await?;
        }
        let builder = guarded(|| self.route(input)).await?;
        self.finish(input, builder).await
    }

    /// Response interceptors and limit checks, shared by the normal and the error path.
    /// The response is checked once, after the interceptors had their say.
    async fn finish(
        &self,
        input: &mut Input,
        mut builder: ResponseBuilder,
    ) -> Result<Box<Response>> {
        for interceptor in &self.inner.response_interceptors {
            guarded(|| interceptor.process(input, builder.response_mut())).await?;
        }
        builder.build_boxed()
    }

    async fn route(&self, input: &mut Input) -> Result<ResponseBuilder> {
        let inner = &*self.inner;
        if let Some(handler) = inner.predicates.iter().find(|h| h.can_handle(input)) {
            return handler.handle(input).await;
        }
        if let crate::model::Request::Intent(r) = input.request() {
            if let Some(handler) = inner.intents.get(r.intent.name.as_str()) {
                return handler.handle(input).await;
            }
            tracing::warn!(intent = %field(&r.intent.name), "no handler for this intent; using the fallback");
        }
        let kind = RequestKind::of(input.request());
        inner.by_kind[kind.index()].handle(input).await
    }

    /// Asks the error handlers, in order (the built-in apology is the last),
    /// and runs the response interceptors on the answer. When the chosen
    /// handler or the interceptors fail too, the user still hears the
    /// built-in apology, sent without interceptors: skill code never turns an
    /// error into an invocation error.
    async fn recover(&self, input: &mut Input, error: Error) -> Result<Box<Response>> {
        let handler = self.inner.error_handlers.iter().find(|h| {
            // A panicking `can_handle` counts as "not mine": the apology at the
            // end of the list always takes the error.
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| h.can_handle(input, &error)))
                .unwrap_or_else(|_| {
                    tracing::error!("an error handler's can_handle panicked; skipping it");
                    false
                })
        });
        let answered = match handler {
            Some(handler) => match guarded(|| handler.handle(input, &error)).await {
                Ok(builder) => self.finish(input, builder).await,
                Err(second) => Err(second),
            },
            None => Err(Error::new(ErrorKind::Config, "no error handler")),
        };
        match answered {
            Ok(response) => Ok(response),
            Err(second) => {
                tracing::error!(
                    error = %second,
                    "handling the error failed too; answering with the built-in apology"
                );
                defaults::apology(input).build_boxed().map_err(|third| {
                    error.context(format!("the built-in apology is invalid ({third})"))
                })
            }
        }
    }

    fn check_skill_id(&self, envelope: &RequestEnvelope) -> Result<()> {
        let Some(expected) = &self.inner.skill_id else {
            return Ok(());
        };
        match envelope.application_id() {
            Some(id) if id == expected => Ok(()),
            Some(id) => Err(Error::new(
                ErrorKind::SkillIdMismatch,
                format!("request is for skill `{id}`, but this skill is `{expected}`"),
            )),
            None => Err(Error::new(
                ErrorKind::SkillIdMismatch,
                format!("request carries no skill id; this skill is `{expected}`"),
            )),
        }
    }
}

/// A response and the JSON of its envelope, as sent.
struct Answer {
    response: Box<Response>,
    /// Whether the envelope carries the session attributes.
    with_attributes: bool,
    json: Vec<u8>,
}

/// The response envelope's JSON, checked against Alexa's size limit.
fn assemble(input: &Input, response: Box<Response>, in_session: bool) -> Result<Answer> {
    let json = outgoing(input, &response, in_session)?;
    Ok(Answer {
        response,
        with_attributes: in_session,
        json,
    })
}

/// [`assemble`] for the error handlers' answer, which must always be spoken:
/// when the session attributes the request carried (near 24 KB themselves)
/// leave no room for it, it goes without them, and the session goes on with
/// none rather than ending in an invocation error; an answer too big even
/// so gives way to the built-in apology. Cold: only errors come here.
#[cold]
#[inline(never)]
fn assemble_apology(input: &Input, response: Box<Response>, in_session: bool) -> Result<Answer> {
    if let Ok(json) = outgoing(input, &response, in_session) {
        return Ok(Answer {
            response,
            with_attributes: in_session,
            json,
        });
    }
    if in_session {
        tracing::warn!("no room for the session attributes beside the apology; sent without them");
        if let Ok(json) = outgoing(input, &response, false) {
            return Ok(Answer {
                response,
                with_attributes: false,
                json,
            });
        }
    }
    tracing::error!("the error handler's answer is too big; answering with the built-in apology");
    assemble(input, defaults::apology(input).build_boxed()?, false)
}

/// The JSON of the response envelope around `response`, written from
/// borrowed parts (the same JSON as [`ResponseEnvelope`]'s), so that the
/// session attributes are not copied to be sent.
fn outgoing(input: &Input, response: &Response, with_attributes: bool) -> Result<Vec<u8>> {
    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Outgoing<'a> {
        version: &'static str,
        #[serde(skip_serializing_if = "Option::is_none")]
        session_attributes: Option<&'a serde_json::Map<String, serde_json::Value>>,
        user_agent: &'static str,
        response: &'a Response,
    }
    crate::response::to_json(&Outgoing {
        version: "1.0",
        session_attributes: input.session().raw().filter(|_| with_attributes),
        user_agent: USER_AGENT,
        response,
    })
}
