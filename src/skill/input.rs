//! `Input`: everything a handler needs for one request.

use serde_json::Value;

use super::{PersistentAttributes, RequestAttributes, SessionAttributes, Skill};
use crate::Invocation;
use crate::Result;
use crate::i18n::Localizer;
use crate::model::{DialogState, Intent, Request, RequestEnvelope, ResolvedValue, Slot};
use crate::response::ResponseBuilder;

/// One request as a handler sees it: the parsed envelope, the user's
/// localizer, session and request attributes, the app state, and the
/// transport-neutral request context ([`Invocation`]).
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
    skill: Skill,
    /// Boxed, as the `Input` moves into the request's state machine.
    envelope: Box<RequestEnvelope>,
    localizer: Localizer,
    session: SessionAttributes,
    attributes: RequestAttributes,
    invocation: Invocation,
    /// Loaded on first use; boxed so that requests without them stay small.
    persistent: Option<Box<PersistentAttributes>>,
    /// How many progressive responses this request has sent.
    #[cfg(feature = "services")]
    pub(crate) progressive_sent: std::cell::Cell<u8>,
}

impl Input {
    pub(crate) fn new(
        skill: Skill,
        envelope: Box<RequestEnvelope>,
        localizer: Localizer,
        invocation: Invocation,
    ) -> Self {
        let session = session_of(&envelope);
        Input {
            skill,
            envelope,
            localizer,
            session,
            attributes: RequestAttributes::default(),
            invocation,
            persistent: None,
            #[cfg(feature = "services")]
            progressive_sent: std::cell::Cell::new(0),
        }
    }

    /// The whole request envelope.
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     assert_eq!(cx.envelope().version, "1.0");
    ///     Ok(cx.response())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").locale("de-DE").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn envelope(&self) -> &RequestEnvelope {
        &self.envelope
    }

    /// The request (`envelope().request`).
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     assert_eq!(cx.request().type_name(), "IntentRequest");
    ///     Ok(cx.response())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").locale("de-DE").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn request(&self) -> &Request {
        &self.envelope.request
    }

    /// What kind of request this is, for `can_handle` predicates
    /// (`RequestKind::Intent`, `RequestKind::Launch`…).
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     assert_eq!(cx.request_kind(), RequestKind::Intent);
    ///     Ok(cx.response())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn request_kind(&self) -> super::RequestKind {
        super::RequestKind::of(self.request())
    }

    /// The request's JSON exactly as received, for fields alexa-kit does not
    /// model yet (parsed on demand; re-serialized from the model when the
    /// request did not come as bytes).
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     let raw = cx.raw_json()?;
    ///     assert_eq!(raw["request"]["intent"]["name"], "I");
    ///     Ok(cx.response())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").locale("de-DE").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn raw_json(&self) -> Result<Value> {
        match self.envelope.source() {
            Some(text) => Ok(serde_json::from_str(text)?),
            None => Ok(serde_json::to_value(&self.envelope)?),
        }
    }

    /// The locale negotiated for this request, e.g. `"de-DE"` → `"de"` when
    /// the skill has German messages but no German-for-Germany ones.
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     assert_eq!(cx.locale(), "de-DE");
    ///     Ok(cx.response())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").locale("de-DE").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn locale(&self) -> &str {
        self.localizer.locale()
    }

    /// The locale exactly as Alexa sent it, if it did.
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     assert_eq!(cx.request_locale(), Some("de-DE"));
    ///     Ok(cx.response())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").locale("de-DE").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn request_locale(&self) -> Option<&str> {
        self.envelope.locale()
    }

    /// The localizer for this request's locale.
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     assert!(cx.localizer().has("help"));
    ///     Ok(cx.response())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").locale("de-DE").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn localizer(&self) -> &Localizer {
        &self.localizer
    }

    /// Formats message `id` in the user's language (SSML-safe).
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     assert_eq!(cx.t("goodbye"), cx.localizer().t("goodbye"));
    ///     Ok(cx.say(cx.t("goodbye")).end_session())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").locale("de-DE").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn t(&self, id: &str) -> String {
        self.localizer.t(id)
    }

    /// Formats message `id` with arguments in the user's language; the
    /// arguments are user data and are escaped for SSML.
    /// ```
    /// # use alexa_kit::prelude::*;
    /// use alexa_kit::args;
    /// let locales = alexa_kit::i18n::Locales::builder()
    ///     .resource("en", "skill.ftl", "hello-name = Hello, { $name }!")
    ///     .build();
    /// let skill = Skill::builder().locales(locales).intent("I", async |cx: &mut Input| {
    ///     Ok(cx.say(cx.t_args("hello-name", &args!["name" => "Ada & Bob"])))
    /// }).build()?;
    /// # let r = tokio::runtime::Builder::new_current_thread().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").build()))?;
    /// # assert_eq!(r.response.output_speech.unwrap().text(), "<speak>Hello, Ada &amp; Bob!</speak>");
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn t_args(&self, id: &str, args: &crate::i18n::FluentArgs<'_>) -> String {
        self.localizer.t_args(id, args)
    }

    /// Starts a response that says `ssml` (trusted markup: escape user data
    /// with [`ssml::escape`](crate::response::ssml::escape)).
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     Ok(cx.say("Hello <break time=\"300ms\"/> there!").end_session())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").locale("de-DE").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn say(&self, ssml: impl Into<String>) -> ResponseBuilder {
        ResponseBuilder::new().speak(ssml)
    }

    /// Starts a response that says `ssml` and waits for an answer, repeating
    /// `reprompt` if the user is silent.
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     Ok(cx.ask("Which color?", "Red or blue?"))
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").locale("de-DE").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn ask(&self, ssml: impl Into<String>, reprompt: impl Into<String>) -> ResponseBuilder {
        ResponseBuilder::new().speak(ssml).reprompt(reprompt)
    }

    /// An empty response to build on.
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     // Only a directive, no speech.
    ///     Ok(cx.response().stop_audio())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").locale("de-DE").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn response(&self) -> ResponseBuilder {
        ResponseBuilder::new()
    }

    /// The intent, for `IntentRequest` and `CanFulfillIntentRequest`.
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     assert_eq!(cx.intent().map(|i| i.name.as_str()), Some("I"));
    ///     Ok(cx.response())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").locale("de-DE").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn intent(&self) -> Option<&Intent> {
        self.envelope.request.intent()
    }

    /// The intent's name, for `IntentRequest` and `CanFulfillIntentRequest`.
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     assert_eq!(cx.intent_name(), Some("I"));
    ///     Ok(cx.response())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").locale("de-DE").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn intent_name(&self) -> Option<&str> {
        self.intent().map(|i| i.name.as_str())
    }

    /// A slot of the intent.
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     assert!(cx.slot("city").is_some());
    ///     Ok(cx.response())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").slot("city", "Rome").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn slot(&self, name: &str) -> Option<&Slot> {
        self.intent().and_then(|i| i.slot(name))
    }

    /// What the user said for a slot, if it was filled.
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     let city = cx.slot_value("city").unwrap_or("nowhere");
    ///     Ok(cx.say(alexa_kit::response::ssml::escape(city)))
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").slot("city", "Rome").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn slot_value(&self, name: &str) -> Option<&str> {
        self.intent().and_then(|i| i.slot_value(name))
    }

    /// A slot's value parsed as `T`: a type of [`crate::slots`] (`Date`,
    /// `Time`, `Duration`, `Number`, `Ordinal`, `Month`) or anything else that
    /// implements [`std::str::FromStr`] (`u32`, `String`…).
    ///
    /// `Ok(None)` when the slot is missing or empty; an
    /// [`ErrorKind::InvalidRequest`](crate::ErrorKind::InvalidRequest) error
    /// naming the slot when the value does not fit `T` (its source is the
    /// parse error), so a handler can answer it, e.g. by asking again.
    /// ```
    /// # use alexa_kit::prelude::*;
    /// use alexa_kit::slots::Duration;
    /// let skill = Skill::builder().intent("TimerIntent", async |cx: &mut Input| {
    ///     match cx.slot_as::<Duration>("length") {
    ///         Ok(Some(d)) => Ok(cx.say(format!("{} minutes.", d.minutes))),
    ///         Ok(None) => Ok(cx.say("For how long?").keep_session_open()),
    ///         Err(e) if e.kind() == ErrorKind::InvalidRequest => Ok(cx.say("I did not get that length.")),
    ///         Err(e) => Err(e),
    ///     }
    /// }).build()?;
    /// # let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
    /// let ok = rt.block_on(skill.handle(alexa_kit::testing::intent("TimerIntent").slot("length", "PT5M").build()))?;
    /// assert!(serde_json::to_string(&ok)?.contains("5 minutes."));
    /// let bad = rt.block_on(skill.handle(alexa_kit::testing::intent("TimerIntent").slot("length", "?").build()))?;
    /// assert!(serde_json::to_string(&bad)?.contains("I did not get that length."));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn slot_as<T>(&self, name: &str) -> Result<Option<T>>
    where
        T: std::str::FromStr,
        T::Err: std::error::Error + Send + Sync + 'static,
    {
        let Some(value) = self.slot_value(name).filter(|v| !v.is_empty()) else {
            return Ok(None);
        };
        value.parse().map(Some).map_err(|e: T::Err| {
            let message = format!("slot `{name}`: {e}");
            crate::Error::new(crate::ErrorKind::InvalidRequest, message).with_source(e)
        })
    }

    /// The first entity-resolution match of a slot: canonical name and id.
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     // Canonical value and id, when entity resolution matched.
    ///     let id = cx.resolved("city").and_then(|v| v.id.clone());
    ///     assert!(id.is_none());
    ///     Ok(cx.response())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").slot("city", "Rome").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn resolved(&self, slot: &str) -> Option<&ResolvedValue> {
        self.intent().and_then(|i| i.resolved(slot))
    }

    /// The dialog state of an `IntentRequest`, if the skill has a dialog model.
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     use alexa_kit::model::DialogState;
    ///     if cx.dialog_state() != Some(DialogState::Completed) {
    ///         return Ok(cx.response().delegate_dialog(None));
    ///     }
    ///     Ok(cx.say("Booked."))
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").locale("de-DE").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn dialog_state(&self) -> Option<DialogState> {
        self.envelope.request.dialog_state()
    }

    /// Whether this request starts a session.
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     assert!(cx.is_new_session());
    ///     Ok(cx.response())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").locale("de-DE").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn is_new_session(&self) -> bool {
        self.envelope.is_new_session()
    }

    /// Session attributes (empty and read-only outside a session).
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     let visits: u32 = cx.session().get("visits")?.unwrap_or(0);
    ///     assert_eq!(visits, 0);
    ///     Ok(cx.response())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").locale("de-DE").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn session(&self) -> &SessionAttributes {
        &self.session
    }

    /// Session attributes, to change what the next turn will see.
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     cx.session_mut().set("last-intent", "I")?;
    ///     Ok(cx.ask("Next?", "What next?"))
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").locale("de-DE").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn session_mut(&mut self) -> &mut SessionAttributes {
        &mut self.session
    }

    /// The persistent attributes of this user: what the skill remembers
    /// between sessions. Loaded from the skill's store on the first call in a
    /// request, then cached (the ASK SDK's `getPersistentAttributes`).
    ///
    /// Stored under the user id by default (see
    /// [`SkillBuilder::persistence_key`](super::SkillBuilder::persistence_key));
    /// saved by [`PersistentAttributes::save`] or, with
    /// [`SkillBuilder::save_persistent_attributes_on_success`](super::SkillBuilder::save_persistent_attributes_on_success),
    /// when the request succeeds.
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     let p = cx.persistent().await?;
    ///     let visits = p.get::<u32>("visits")?.unwrap_or(0) + 1;
    ///     p.set("visits", visits)?;
    ///     p.save().await?;
    ///     Ok(cx.say(format!("Visit number {visits}.")))
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub async fn persistent(&mut self) -> Result<&mut PersistentAttributes> {
        let loaded = match self.persistent.take() {
            Some(loaded) => loaded,
            None => Box::new(
                self.skill
                    .inner
                    .persistence
                    .load(&self.envelope, &self.invocation)
                    .await?,
            ),
        };
        Ok(self.persistent.insert(loaded))
    }

    /// Saves changed persistent attributes if the skill asked for saves on success.
    pub(crate) async fn save_on_success(&mut self) -> Result<()> {
        match self.persistent.as_deref_mut() {
            Some(p) if self.skill.inner.persistence.save_on_success => p.save().await,
            _ => Ok(()),
        }
    }

    /// Values that live for this request only.
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     assert!(cx.attributes().get::<u32>().is_none());
    ///     Ok(cx.response())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").locale("de-DE").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn attributes(&self) -> &RequestAttributes {
        &self.attributes
    }

    /// Values that live for this request only, mutably.
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     cx.attributes_mut().insert(42u32);
    ///     assert_eq!(cx.attributes().get::<u32>(), Some(&42));
    ///     Ok(cx.response())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").locale("de-DE").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn attributes_mut(&mut self) -> &mut RequestAttributes {
        &mut self.attributes
    }

    /// The request context, whatever the transport: request id, deadline and
    /// time left, X-Ray trace id, and which [`Transport`](crate::Transport)
    /// delivered the request. Lambda's extras are in
    /// [`Invocation::lambda`].
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     // Give slow work only the time that is left (none in tests).
    ///     let budget = cx.invocation().remaining().unwrap_or(std::time::Duration::from_secs(3));
    ///     assert_eq!(cx.invocation().transport(), alexa_kit::Transport::Test);
    ///     assert!(budget > std::time::Duration::ZERO);
    ///     Ok(cx.response())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").locale("de-DE").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn invocation(&self) -> &Invocation {
        &self.invocation
    }

    /// The app state of type `T`, registered with
    /// [`SkillBuilder::state`](super::SkillBuilder::state). Asking for a type
    /// that was never registered is an [`ErrorKind::Config`](crate::ErrorKind::Config)
    /// error naming the type.
    /// ```
    /// # use alexa_kit::prelude::*;
    /// struct Prices { coffee_cents: u32 }
    /// let skill = Skill::builder()
    ///     .state(Prices { coffee_cents: 250 })
    ///     .intent("I", async |cx: &mut Input| {
    ///         let cents = cx.state::<Prices>()?.coffee_cents;
    ///         Ok(cx.say(format!("That is {cents} cents.")))
    ///     })
    ///     .build()?;
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn state<T: 'static>(&self) -> Result<&T> {
        self.skill.state::<T>()
    }

    /// The skill answering this request.
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     assert!(cx.skill().intent_names().contains(&"I"));
    ///     Ok(cx.response())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn skill(&self) -> &Skill {
        &self.skill
    }

    /// Puts the session attributes back to what the request carried and drops
    /// unsaved persistent attributes, undoing whatever a failed handler wrote.
    pub(crate) fn reset_session(&mut self) {
        self.session = session_of(&self.envelope);
        self.persistent = None;
    }
}

fn session_of(envelope: &RequestEnvelope) -> SessionAttributes {
    SessionAttributes::from_request(envelope.session.is_some(), envelope.session_attributes())
}
