//! `Input`: everything a handler needs for one request.

use serde_json::Value;

use super::{RequestAttributes, SessionAttributes};
use crate::Result;
use crate::i18n::Localizer;
use crate::lambda::Invocation;
use crate::model::{DialogState, Intent, Request, RequestEnvelope, ResolvedValue, Slot};
use crate::response::ResponseBuilder;

/// One request as a handler sees it: the parsed envelope, the user's
/// localizer, session and request attributes, and the Lambda invocation.
///
/// ```
/// use alexa_kit::prelude::*;
/// use alexa_kit::testing;
///
/// let skill = Skill::builder()
///     .intent("OrderIntent", async |cx: &mut Input| {
///         let drink = cx.slot_value("drink").unwrap_or("water").to_owned();
///         cx.session_mut().set("last", &drink)?;
///         Ok(cx.say(format!("One {}, coming up.", alexa_kit::response::ssml::escape(&drink))).end_session())
///     })
///     .build()?;
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let response = skill
///     .handle(testing::intent("OrderIntent").slot("drink", "tea").locale("en-GB").build())
///     .await?;
/// assert_eq!(response.response.output_speech.unwrap().text(), "<speak>One tea, coming up.</speak>");
/// # Ok::<(), alexa_kit::Error>(())
/// # }).unwrap();
/// # Ok::<(), alexa_kit::Error>(())
/// ```
#[derive(Debug)]
pub struct Input {
    envelope: RequestEnvelope,
    raw: Option<Vec<u8>>,
    localizer: Localizer,
    session: SessionAttributes,
    attributes: RequestAttributes,
    invocation: Invocation,
}

impl Input {
    pub(crate) fn new(
        envelope: RequestEnvelope,
        raw: Option<Vec<u8>>,
        localizer: Localizer,
        invocation: Invocation,
    ) -> Self {
        let session = SessionAttributes::from_request(
            envelope.session.is_some(),
            envelope.session_attributes(),
        );
        Input {
            envelope,
            raw,
            localizer,
            session,
            attributes: RequestAttributes::default(),
            invocation,
        }
    }

    /// The whole request envelope.
    pub fn envelope(&self) -> &RequestEnvelope {
        &self.envelope
    }

    /// The request (`envelope().request`).
    pub fn request(&self) -> &Request {
        &self.envelope.request
    }

    /// The request's JSON exactly as received, for fields alexa-kit does not
    /// model yet (parsed on demand; re-serialized from the model when the
    /// request did not come as bytes).
    pub fn raw_json(&self) -> Result<Value> {
        match &self.raw {
            Some(bytes) => Ok(serde_json::from_slice(bytes)?),
            None => Ok(serde_json::to_value(&self.envelope)?),
        }
    }

    /// The locale negotiated for this request, e.g. `"de-DE"` → `"de"` when
    /// the skill has German messages but no German-for-Germany ones.
    pub fn locale(&self) -> &str {
        self.localizer.locale()
    }

    /// The locale exactly as Alexa sent it, if it did.
    pub fn request_locale(&self) -> Option<&str> {
        self.envelope.locale()
    }

    /// The localizer for this request's locale.
    pub fn localizer(&self) -> &Localizer {
        &self.localizer
    }

    /// Formats message `id` in the user's language (SSML-safe).
    pub fn t(&self, id: &str) -> String {
        self.localizer.t(id)
    }

    /// Starts a response that says `ssml` (trusted markup: escape user data
    /// with [`ssml::escape`](crate::response::ssml::escape)).
    pub fn say(&self, ssml: impl Into<String>) -> ResponseBuilder {
        ResponseBuilder::new().speak(ssml)
    }

    /// Starts a response that says `ssml` and waits for an answer, repeating
    /// `reprompt` if the user is silent.
    pub fn ask(&self, ssml: impl Into<String>, reprompt: impl Into<String>) -> ResponseBuilder {
        ResponseBuilder::new().speak(ssml).reprompt(reprompt)
    }

    /// An empty response to build on.
    pub fn response(&self) -> ResponseBuilder {
        ResponseBuilder::new()
    }

    /// The intent, for `IntentRequest` and `CanFulfillIntentRequest`.
    pub fn intent(&self) -> Option<&Intent> {
        self.envelope.request.intent()
    }

    /// The intent's name, for `IntentRequest` and `CanFulfillIntentRequest`.
    pub fn intent_name(&self) -> Option<&str> {
        self.intent().map(|i| i.name.as_str())
    }

    /// A slot of the intent.
    pub fn slot(&self, name: &str) -> Option<&Slot> {
        self.intent().and_then(|i| i.slot(name))
    }

    /// What the user said for a slot, if it was filled.
    pub fn slot_value(&self, name: &str) -> Option<&str> {
        self.intent().and_then(|i| i.slot_value(name))
    }

    /// The first entity-resolution match of a slot: canonical name and id.
    pub fn resolved(&self, slot: &str) -> Option<&ResolvedValue> {
        self.intent().and_then(|i| i.resolved(slot))
    }

    /// The dialog state of an `IntentRequest`, if the skill has a dialog model.
    pub fn dialog_state(&self) -> Option<DialogState> {
        self.envelope.request.dialog_state()
    }

    /// Whether this request starts a session.
    pub fn is_new_session(&self) -> bool {
        self.envelope.is_new_session()
    }

    /// Session attributes (empty and read-only outside a session).
    pub fn session(&self) -> &SessionAttributes {
        &self.session
    }

    /// Session attributes, to change what the next turn will see.
    pub fn session_mut(&mut self) -> &mut SessionAttributes {
        &mut self.session
    }

    /// Values that live for this request only.
    pub fn attributes(&self) -> &RequestAttributes {
        &self.attributes
    }

    /// Values that live for this request only, mutably.
    pub fn attributes_mut(&mut self) -> &mut RequestAttributes {
        &mut self.attributes
    }

    /// The Lambda invocation: request id, deadline, trace id. Empty when the
    /// skill runs locally.
    pub fn invocation(&self) -> &Invocation {
        &self.invocation
    }

    pub(crate) fn replace_session(&mut self, session: SessionAttributes) {
        self.session = session;
    }
}
