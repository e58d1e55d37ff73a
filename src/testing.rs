//! Helpers for testing skills: request builders and a conversation tester.
//!
//! ```
//! use alexa_kit::prelude::*;
//! use alexa_kit::testing::Conversation;
//!
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let skill = Skill::builder()
//!     .intent("CountIntent", async |cx: &mut Input| {
//!         let n = cx.session().get::<u32>("n")?.unwrap_or(0) + 1;
//!         cx.session_mut().set("n", n)?;
//!         Ok(cx.ask(format!("{n}"), "Again?"))
//!     })
//!     .build()?;
//! let mut talk = Conversation::new(&skill).locale("en-GB");
//! talk.launch().await?.assert_open();
//! assert_eq!(talk.intent("CountIntent").await?.speech(), "1");
//! assert_eq!(talk.intent("CountIntent").await?.speech(), "2");
//! talk.intent("AMAZON.StopIntent").await?.assert_ended();
//! # Ok::<(), alexa_kit::Error>(())
//! # }).unwrap();
//! ```

use serde_json::{Map, Value};

use crate::Result;
use crate::model::{
    Application, Card, ConfirmationStatus, Context, DialogState, Directive, Intent, IntentRequest,
    LaunchRequest, Permissions, Person, Request, RequestEnvelope, ResponseEnvelope, ScopeStatus,
    Session, SessionEndedRequest, ShouldEndSession, Slot, SystemState, Timestamp, User,
};
use crate::skill::Skill;

/// The skill id the builders put in requests unless told otherwise.
///
/// ```
/// let env = alexa_kit::testing::launch().build();
/// assert_eq!(env.application_id(), Some(alexa_kit::testing::TEST_SKILL_ID));
/// ```
pub const TEST_SKILL_ID: &str = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000";

/// A request envelope for a `LaunchRequest`, in a new session.
///
/// ```
/// let env = alexa_kit::testing::launch().locale("de-DE").build();
/// assert_eq!(env.locale(), Some("de-DE"));
/// assert!(env.is_new_session());
/// ```
pub fn launch() -> RequestBuilder {
    RequestBuilder::new(Request::Launch(LaunchRequest::default()))
}

/// A request envelope for an `IntentRequest` of intent `name`.
///
/// ```
/// let env = alexa_kit::testing::intent("OrderIntent").slot("drink", "tea").build();
/// assert_eq!(env.intent_name(), Some("OrderIntent"));
/// ```
pub fn intent(name: &str) -> RequestBuilder {
    RequestBuilder::new(Request::Intent(IntentRequest {
        intent: Intent::new(name),
        ..Default::default()
    }))
}

/// A request envelope for a `SessionEndedRequest` with `reason`
/// (`USER_INITIATED`, `ERROR`, `EXCEEDED_MAX_REPROMPTS`).
///
/// ```
/// let env = alexa_kit::testing::session_ended("USER_INITIATED").build();
/// assert_eq!(env.request.type_name(), "SessionEndedRequest");
/// ```
pub fn session_ended(reason: &str) -> RequestBuilder {
    RequestBuilder::new(Request::SessionEnded(SessionEndedRequest {
        reason: Some(reason.to_owned()),
        ..Default::default()
    }))
}

/// A request envelope around any request.
///
/// ```
/// use alexa_kit::model::Request;
/// let r: Request = serde_json::from_str(r#"{"type":"Custom.Event"}"#).unwrap();
/// let env = alexa_kit::testing::request(r).without_session().build();
/// assert!(env.session.is_none());
/// ```
pub fn request(request: Request) -> RequestBuilder {
    RequestBuilder::new(request)
}

/// Builds request envelopes for tests. Defaults: locale `en-US`, a new
/// session, the skill id [`TEST_SKILL_ID`].
///
/// ```
/// use alexa_kit::model::DialogState;
/// let env = alexa_kit::testing::intent("Book")
///     .slot("city", "Rome")
///     .dialog_state(DialogState::InProgress)
///     .session_attribute("step", 2)
///     .build();
/// assert_eq!(env.request.intent().unwrap().slot_value("city"), Some("Rome"));
/// assert_eq!(env.session_attributes().unwrap()["step"], 2);
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct RequestBuilder {
    request: Request,
    locale: Option<String>,
    session: Option<Session>,
    skill_id: Option<String>,
    device: Device,
}

impl RequestBuilder {
    fn new(request: Request) -> Self {
        let session = Session {
            new: true,
            session_id: Some("amzn1.echo-api.session.test".to_owned()),
            attributes: Some(Map::new()),
            ..Default::default()
        };
        RequestBuilder {
            request,
            locale: Some("en-US".to_owned()),
            session: Some(session),
            skill_id: Some(TEST_SKILL_ID.to_owned()),
            device: Device::default(),
        }
    }

    /// Sends the request from `device`: user, device and person ids, the
    /// service API endpoint and token, granted permissions, supported
    /// interfaces and the timestamp.
    ///
    /// ```
    /// use alexa_kit::testing::{self, Device};
    /// let env = testing::launch()
    ///     .device(Device::new().user_id("amzn1.ask.account.ada").interface("Alexa.Presentation.APL"))
    ///     .build();
    /// assert_eq!(env.user_id(), Some("amzn1.ask.account.ada"));
    /// assert!(env.supports_interface("Alexa.Presentation.APL"));
    /// ```
    pub fn device(mut self, device: Device) -> Self {
        self.device = device;
        self
    }

    /// Sets `request.locale` (`None`-like requests: see [`without_locale`](Self::without_locale)).
    ///
    /// ```
    /// assert_eq!(alexa_kit::testing::launch().locale("ja-JP").build().locale(), Some("ja-JP"));
    /// ```
    pub fn locale(mut self, locale: &str) -> Self {
        self.locale = Some(locale.to_owned());
        self
    }

    /// Sends no locale, as some old requests do.
    ///
    /// ```
    /// assert_eq!(alexa_kit::testing::launch().without_locale().build().locale(), None);
    /// ```
    pub fn without_locale(mut self) -> Self {
        self.locale = None;
        self
    }

    /// Adds a filled slot (intent requests only; ignored otherwise).
    ///
    /// ```
    /// let env = alexa_kit::testing::intent("I").slot("s", "v").build();
    /// assert_eq!(env.request.intent().unwrap().slot_value("s"), Some("v"));
    /// ```
    pub fn slot(mut self, name: &str, value: &str) -> Self {
        if let Request::Intent(r) = &mut self.request {
            r.intent
                .slots
                .insert(name.to_owned(), Slot::new(name, value));
        }
        self
    }

    /// Sets the dialog state (intent requests only).
    ///
    /// ```
    /// use alexa_kit::model::DialogState;
    /// let env = alexa_kit::testing::intent("I").dialog_state(DialogState::Started).build();
    /// assert_eq!(env.request.dialog_state(), Some(DialogState::Started));
    /// ```
    pub fn dialog_state(mut self, state: DialogState) -> Self {
        if let Request::Intent(r) = &mut self.request {
            r.dialog_state = Some(state);
        }
        self
    }

    /// Sets the intent's confirmation status (intent requests only).
    ///
    /// ```
    /// use alexa_kit::model::ConfirmationStatus;
    /// let env = alexa_kit::testing::intent("I").confirmation(ConfirmationStatus::Denied).build();
    /// assert_eq!(env.request.intent().unwrap().confirmation_status, ConfirmationStatus::Denied);
    /// ```
    pub fn confirmation(mut self, status: ConfirmationStatus) -> Self {
        if let Request::Intent(r) = &mut self.request {
            r.intent.confirmation_status = status;
        }
        self
    }

    /// Sets one session attribute (and keeps the session).
    ///
    /// ```
    /// let env = alexa_kit::testing::launch().session_attribute("a", true).build();
    /// assert_eq!(env.session_attributes().unwrap()["a"], true);
    /// ```
    pub fn session_attribute(mut self, key: &str, value: impl Into<Value>) -> Self {
        let session = self.session.get_or_insert_with(Session::default);
        session
            .attributes
            .get_or_insert_with(Map::new)
            .insert(key.to_owned(), value.into());
        self
    }

    /// Continues an existing session (`session.new` = false) with these attributes.
    ///
    /// ```
    /// let env = alexa_kit::testing::launch().continuing_session(serde_json::Map::new()).build();
    /// assert!(!env.is_new_session());
    /// ```
    pub fn continuing_session(mut self, attributes: Map<String, Value>) -> Self {
        let session = self.session.get_or_insert_with(Session::default);
        session.new = false;
        session.attributes = Some(attributes);
        self
    }

    /// Sends no session, as AudioPlayer events and skill events do.
    ///
    /// ```
    /// assert!(alexa_kit::testing::launch().without_session().build().session.is_none());
    /// ```
    pub fn without_session(mut self) -> Self {
        self.session = None;
        self
    }

    /// Sets the skill id (in `context.System.application` and `session.application`).
    ///
    /// ```
    /// let env = alexa_kit::testing::launch().skill_id("amzn1.ask.skill.x").build();
    /// assert_eq!(env.application_id(), Some("amzn1.ask.skill.x"));
    /// ```
    pub fn skill_id(mut self, id: &str) -> Self {
        self.skill_id = Some(id.to_owned());
        self
    }

    /// The request envelope.
    ///
    /// ```
    /// let env = alexa_kit::testing::launch().build();
    /// assert_eq!(env.version, "1.0");
    /// ```
    pub fn build(self) -> RequestEnvelope {
        let RequestBuilder {
            mut request,
            locale,
            mut session,
            skill_id,
            device,
        } = self;
        request.set_common(
            Some("amzn1.echo-api.request.test".to_owned()),
            Some(Timestamp::Iso(device.timestamp.clone())),
            locale,
        );
        let application = skill_id.map(|id| Application {
            application_id: Some(id),
        });
        let mut user = User {
            user_id: Some(device.user_id.clone()),
            ..Default::default()
        };
        if !device.permissions.is_empty() {
            let mut permissions = Permissions {
                consent_token: device.api_access_token.clone(),
                ..Default::default()
            };
            for scope in &device.permissions {
                let granted = ScopeStatus {
                    status: Some("GRANTED".to_owned()),
                };
                permissions.scopes.insert(scope.clone(), granted);
            }
            user.permissions = Some(permissions);
        }
        if let Some(s) = session.as_mut() {
            s.application = application.clone();
            s.user = Some(user.clone());
        }
        let mut model_device = crate::model::Device {
            device_id: Some(device.device_id.clone()),
            ..Default::default()
        };
        for name in &device.interfaces {
            model_device
                .supported_interfaces
                .insert(name.clone(), Value::Object(Map::new()));
        }
        let person = device.person_id.as_ref().map(|id| Person {
            person_id: Some(id.clone()),
            ..Default::default()
        });
        let system = SystemState {
            application,
            user: Some(user),
            device: Some(model_device),
            person,
            api_endpoint: Some(device.api_endpoint.clone()),
            api_access_token: device.api_access_token.clone(),
            ..Default::default()
        };
        let context = Context {
            system: Some(Box::new(system)),
            ..Default::default()
        };
        let mut envelope = RequestEnvelope::new(request);
        envelope.session = session;
        envelope.set_context(Some(context));
        envelope
    }
}

/// Who and what sends a test request: the user, device and person ids, the
/// service API endpoint and token, the permissions the user granted, the
/// interfaces the device supports, and the request timestamp.
///
/// Give one to [`RequestBuilder::device`] or [`Conversation::device`]; the
/// defaults are a plain Echo of the user `amzn1.ask.account.test` with no
/// permissions, at `2026-01-01T00:00:00Z`.
///
/// ```
/// use alexa_kit::testing::{self, Device};
///
/// let show = Device::new()
///     .user_id("amzn1.ask.account.ada")
///     .device_id("amzn1.ask.device.kitchen")
///     .person_id("amzn1.ask.person.ada")
///     .api_endpoint("http://127.0.0.1:9999")
///     .api_access_token("token-1")
///     .permission("alexa::profile:given_name:read")
///     .interface("Alexa.Presentation.APL")
///     .timestamp("2026-11-29T21:00:00Z");
/// let env = testing::launch().device(show).build();
/// assert_eq!(env.device_id(), Some("amzn1.ask.device.kitchen"));
/// assert_eq!(env.person_id(), Some("amzn1.ask.person.ada"));
/// assert_eq!(env.api_endpoint(), Some("http://127.0.0.1:9999"));
/// assert_eq!(env.api_access_token(), Some("token-1"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub struct Device {
    user_id: String,
    device_id: String,
    person_id: Option<String>,
    api_endpoint: String,
    api_access_token: Option<String>,
    permissions: Vec<String>,
    interfaces: Vec<String>,
    timestamp: String,
}

impl Default for Device {
    fn default() -> Self {
        Device {
            user_id: "amzn1.ask.account.test".to_owned(),
            device_id: "amzn1.ask.device.test".to_owned(),
            person_id: None,
            api_endpoint: "https://api.amazonalexa.com".to_owned(),
            api_access_token: Some("test-api-access-token".to_owned()),
            permissions: Vec::new(),
            interfaces: Vec::new(),
            timestamp: "2026-01-01T00:00:00Z".to_owned(),
        }
    }
}

impl Device {
    /// The default device (see [`Device`]).
    ///
    /// ```
    /// let env = alexa_kit::testing::launch().device(alexa_kit::testing::Device::new()).build();
    /// assert_eq!(env.user_id(), Some("amzn1.ask.account.test"));
    /// ```
    pub fn new() -> Self {
        Device::default()
    }

    /// `context.System.user.userId` (and `session.user.userId`).
    ///
    /// ```
    /// let d = alexa_kit::testing::Device::new().user_id("amzn1.ask.account.bob");
    /// assert_eq!(alexa_kit::testing::launch().device(d).build().user_id(), Some("amzn1.ask.account.bob"));
    /// ```
    pub fn user_id(mut self, id: impl Into<String>) -> Self {
        self.user_id = id.into();
        self
    }

    /// `context.System.device.deviceId`.
    ///
    /// ```
    /// let d = alexa_kit::testing::Device::new().device_id("amzn1.ask.device.2");
    /// assert_eq!(alexa_kit::testing::launch().device(d).build().device_id(), Some("amzn1.ask.device.2"));
    /// ```
    pub fn device_id(mut self, id: impl Into<String>) -> Self {
        self.device_id = id.into();
        self
    }

    /// `context.System.person.personId`: a recognised speaker.
    ///
    /// ```
    /// let d = alexa_kit::testing::Device::new().person_id("amzn1.ask.person.1");
    /// assert_eq!(alexa_kit::testing::launch().device(d).build().person_id(), Some("amzn1.ask.person.1"));
    /// ```
    pub fn person_id(mut self, id: impl Into<String>) -> Self {
        self.person_id = Some(id.into());
        self
    }

    /// `context.System.apiEndpoint`, where the service APIs are (point it at
    /// a stand-in on loopback in tests).
    ///
    /// ```
    /// let d = alexa_kit::testing::Device::new().api_endpoint("https://api.eu.amazonalexa.com");
    /// assert_eq!(
    ///     alexa_kit::testing::launch().device(d).build().api_endpoint(),
    ///     Some("https://api.eu.amazonalexa.com")
    /// );
    /// ```
    pub fn api_endpoint(mut self, url: impl Into<String>) -> Self {
        self.api_endpoint = url.into();
        self
    }

    /// `context.System.apiAccessToken`.
    ///
    /// ```
    /// let d = alexa_kit::testing::Device::new().api_access_token("t");
    /// assert_eq!(alexa_kit::testing::launch().device(d).build().api_access_token(), Some("t"));
    /// ```
    pub fn api_access_token(mut self, token: impl Into<String>) -> Self {
        self.api_access_token = Some(token.into());
        self
    }

    /// Grants a permission scope, e.g. `alexa::profile:name:read` (listed
    /// in `context.System.user.permissions.scopes` as `GRANTED`).
    ///
    /// ```
    /// let d = alexa_kit::testing::Device::new().permission("alexa::profile:email:read");
    /// let env = alexa_kit::testing::launch().device(d).build();
    /// assert!(env.has_permission("alexa::profile:email:read"));
    /// ```
    pub fn permission(mut self, scope: impl Into<String>) -> Self {
        self.permissions.push(scope.into());
        self
    }

    /// Declares a supported interface, e.g. `Alexa.Presentation.APL` or
    /// `AudioPlayer`.
    ///
    /// ```
    /// let d = alexa_kit::testing::Device::new().interface("AudioPlayer");
    /// assert!(alexa_kit::testing::launch().device(d).build().supports_interface("AudioPlayer"));
    /// ```
    pub fn interface(mut self, name: impl Into<String>) -> Self {
        self.interfaces.push(name.into());
        self
    }

    /// `request.timestamp`, ISO 8601 in UTC, e.g. `2026-02-28T23:30:00Z`.
    ///
    /// ```
    /// let d = alexa_kit::testing::Device::new().timestamp("2026-02-28T23:30:00Z");
    /// let env = alexa_kit::testing::launch().device(d).build();
    /// assert_eq!(serde_json::to_value(&env)?["request"]["timestamp"], "2026-02-28T23:30:00Z");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn timestamp(mut self, iso: impl Into<String>) -> Self {
        self.timestamp = iso.into();
        self
    }
}

/// A multi-turn conversation with a skill: carries the session (and its
/// attributes) from one turn to the next, and starts a new session after the
/// skill ends one.
///
/// ```
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let skill = alexa_kit::Skill::builder().build()?;
/// let mut talk = alexa_kit::testing::Conversation::new(&skill).locale("es-MX");
/// let turn = talk.intent("AMAZON.HelpIntent").await?;
/// turn.assert_open();
/// assert!(turn.reprompt().is_some());
/// # Ok::<(), alexa_kit::Error>(())
/// # }).unwrap();
/// ```
#[derive(Debug)]
pub struct Conversation {
    skill: Skill,
    locale: String,
    device: Device,
    attributes: Option<Map<String, Value>>,
    sessions: u32,
    #[cfg(feature = "services")]
    stand_in: Option<crate::local::StandIn>,
}

impl Conversation {
    /// Starts a conversation in `en-US`.
    ///
    /// ```
    /// let skill = alexa_kit::Skill::builder().build()?;
    /// let talk = alexa_kit::testing::Conversation::new(&skill);
    /// assert!(talk.session_attributes().is_none());
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn new(skill: &Skill) -> Self {
        Conversation {
            skill: skill.clone(),
            locale: "en-US".to_owned(),
            device: Device::default(),
            attributes: None,
            sessions: 0,
            #[cfg(feature = "services")]
            stand_in: None,
        }
    }

    /// Talks from `device` from now on: the same user, device, permissions
    /// and timestamp in every request (see [`Device`]).
    ///
    /// ```
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// use alexa_kit::prelude::*;
    /// use alexa_kit::testing::{Conversation, Device};
    /// let skill = Skill::builder()
    ///     .intent("WhoIntent", async |cx: &mut Input| {
    ///         let user = cx.envelope().user_id().unwrap_or("nobody").to_owned();
    ///         Ok(cx.say(alexa_kit::response::ssml::escape(&user)))
    ///     })
    ///     .build()?;
    /// let mut talk = Conversation::new(&skill).device(Device::new().user_id("amzn1.ask.account.ada"));
    /// assert_eq!(talk.intent("WhoIntent").await?.speech(), "amzn1.ask.account.ada");
    /// # Ok::<(), alexa_kit::Error>(())
    /// # }).unwrap();
    /// ```
    pub fn device(mut self, device: Device) -> Self {
        self.device = device;
        self
    }

    /// Ends the current session as a user would by walking away: sends a
    /// `SessionEndedRequest` (`USER_INITIATED`) if a session is open. The
    /// next turn starts a new session for the same user and device, which is
    /// how a test checks what a skill remembers between sessions.
    ///
    /// ```
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let skill = alexa_kit::Skill::builder().build()?;
    /// let mut talk = alexa_kit::testing::Conversation::new(&skill);
    /// talk.launch().await?.assert_open();
    /// assert!(talk.session_attributes().is_some());
    /// talk.end_session().await?;
    /// assert!(talk.session_attributes().is_none());
    /// talk.launch().await?.assert_open(); // a new session, the same user
    /// # Ok::<(), alexa_kit::Error>(())
    /// # }).unwrap();
    /// ```
    pub async fn end_session(&mut self) -> Result<()> {
        if self.attributes.is_some() {
            self.send(session_ended("USER_INITIATED")).await?;
        }
        self.attributes = None;
        Ok(())
    }

    /// Serves Alexa's service APIs from `stand_in` (feature `services`):
    /// every request of this conversation carries its endpoint, token and a
    /// device id, and each [`Turn`] lists the progressive responses spoken
    /// before it.
    ///
    /// ```
    /// let skill = alexa_kit::Skill::builder().build()?;
    /// let stand_in = alexa_kit::local::StandIn::new().time_zone("Europe/Rome");
    /// let _talk = alexa_kit::testing::Conversation::new(&skill).services(stand_in);
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    #[cfg(feature = "services")]
    pub fn services(mut self, stand_in: crate::local::StandIn) -> Self {
        self.stand_in = Some(stand_in);
        self
    }

    /// Talks in `locale` from now on.
    ///
    /// ```
    /// let skill = alexa_kit::Skill::builder().build()?;
    /// let _talk = alexa_kit::testing::Conversation::new(&skill).locale("it-IT");
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn locale(mut self, locale: &str) -> Self {
        self.locale = locale.to_owned();
        self
    }

    /// The session attributes the skill returned last (`None` between sessions).
    ///
    /// ```
    /// let skill = alexa_kit::Skill::builder().build()?;
    /// assert!(alexa_kit::testing::Conversation::new(&skill).session_attributes().is_none());
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn session_attributes(&self) -> Option<&Map<String, Value>> {
        self.attributes.as_ref()
    }

    /// Opens the skill.
    ///
    /// ```
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let skill = alexa_kit::Skill::builder().build()?;
    /// alexa_kit::testing::Conversation::new(&skill).launch().await?.assert_open();
    /// # Ok::<(), alexa_kit::Error>(())
    /// # }).unwrap();
    /// ```
    pub async fn launch(&mut self) -> Result<Turn> {
        self.send(launch()).await
    }

    /// Says something that matched intent `name`.
    ///
    /// ```
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let skill = alexa_kit::Skill::builder().build()?;
    /// alexa_kit::testing::Conversation::new(&skill).intent("AMAZON.StopIntent").await?.assert_ended();
    /// # Ok::<(), alexa_kit::Error>(())
    /// # }).unwrap();
    /// ```
    pub async fn intent(&mut self, name: &str) -> Result<Turn> {
        self.send(intent(name)).await
    }

    /// Sends any request, in this conversation's locale and session.
    ///
    /// ```
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let skill = alexa_kit::Skill::builder().build()?;
    /// let mut talk = alexa_kit::testing::Conversation::new(&skill);
    /// talk.send(alexa_kit::testing::intent("AMAZON.HelpIntent").slot("x", "y")).await?.assert_open();
    /// # Ok::<(), alexa_kit::Error>(())
    /// # }).unwrap();
    /// ```
    pub async fn send(&mut self, request: RequestBuilder) -> Result<Turn> {
        let mut request = request.locale(&self.locale).device(self.device.clone());
        if let Some(attributes) = self.attributes.take() {
            request = request.continuing_session(attributes);
        } else {
            self.sessions += 1;
        }
        if let Some(session) = request.session.as_mut() {
            session.session_id = Some(format!("amzn1.echo-api.session.test-{}", self.sessions));
        }
        #[allow(unused_mut)]
        let mut envelope = request.build();
        #[cfg(feature = "services")]
        if let Some(stand_in) = &self.stand_in {
            stand_in.attach(&mut envelope).await?;
        }
        let envelope = self.skill.handle(envelope).await?;
        #[allow(unused_mut)]
        let mut turn = Turn {
            envelope,
            #[cfg(feature = "services")]
            progressive: Vec::new(),
        };
        #[cfg(feature = "services")]
        if let Some(stand_in) = &self.stand_in {
            turn.progressive = stand_in.take_spoken();
        }
        self.attributes = if !turn.ends_session() {
            Some(turn.envelope.session_attributes.clone().unwrap_or_default())
        } else {
            None
        };
        Ok(turn)
    }
}

/// One answer of the skill, with assertions for tests.
///
/// ```
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let skill = alexa_kit::Skill::builder().build()?;
/// let turn = alexa_kit::testing::Conversation::new(&skill).launch().await?;
/// assert!(turn.speech().contains("help"));
/// assert!(turn.card().is_none());
/// assert!(turn.directives().is_empty());
/// # Ok::<(), alexa_kit::Error>(())
/// # }).unwrap();
/// ```
#[derive(Debug, Clone)]
pub struct Turn {
    /// The whole response envelope.
    pub envelope: ResponseEnvelope,
    #[cfg(feature = "services")]
    progressive: Vec<String>,
}

impl Turn {
    /// The progressive responses the skill spoke before this answer, as
    /// plain text (served by a [`Conversation::services`] stand-in; empty
    /// without one). Feature `services`.
    ///
    /// ```
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let skill = alexa_kit::Skill::builder().build()?;
    /// let turn = alexa_kit::testing::Conversation::new(&skill).launch().await?;
    /// assert!(turn.progressive().is_empty());
    /// # Ok::<(), alexa_kit::Error>(())
    /// # }).unwrap();
    /// ```
    #[cfg(feature = "services")]
    pub fn progressive(&self) -> &[String] {
        &self.progressive
    }

    /// What Alexa says, as plain text (SSML tags removed; empty if nothing).
    ///
    /// ```
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let skill = alexa_kit::Skill::builder().build()?;
    /// let turn = alexa_kit::testing::Conversation::new(&skill).intent("AMAZON.StopIntent").await?;
    /// assert_eq!(turn.speech(), "Goodbye!");
    /// # Ok::<(), alexa_kit::Error>(())
    /// # }).unwrap();
    /// ```
    pub fn speech(&self) -> String {
        self.envelope
            .response
            .output_speech
            .as_ref()
            .map(|s| crate::response::ssml::to_plain_text(s.text()))
            .unwrap_or_default()
    }

    /// The speech exactly as sent (SSML markup or plain text).
    ///
    /// ```
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let skill = alexa_kit::Skill::builder().build()?;
    /// let turn = alexa_kit::testing::Conversation::new(&skill).intent("AMAZON.StopIntent").await?;
    /// assert!(turn.speech_markup().unwrap().starts_with("<speak>"));
    /// # Ok::<(), alexa_kit::Error>(())
    /// # }).unwrap();
    /// ```
    pub fn speech_markup(&self) -> Option<&str> {
        self.envelope
            .response
            .output_speech
            .as_ref()
            .map(|s| s.text())
    }

    /// The reprompt, as plain text.
    ///
    /// ```
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let skill = alexa_kit::Skill::builder().build()?;
    /// let turn = alexa_kit::testing::Conversation::new(&skill).launch().await?;
    /// assert!(turn.reprompt().is_some());
    /// # Ok::<(), alexa_kit::Error>(())
    /// # }).unwrap();
    /// ```
    pub fn reprompt(&self) -> Option<String> {
        self.envelope
            .response
            .reprompt
            .as_ref()
            .and_then(|r| r.output_speech.as_ref())
            .map(|s| crate::response::ssml::to_plain_text(s.text()))
    }

    /// The card, if any.
    ///
    /// ```
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let skill = alexa_kit::Skill::builder().build()?;
    /// assert!(alexa_kit::testing::Conversation::new(&skill).launch().await?.card().is_none());
    /// # Ok::<(), alexa_kit::Error>(())
    /// # }).unwrap();
    /// ```
    pub fn card(&self) -> Option<&Card> {
        self.envelope.response.card.as_ref()
    }

    /// The directives.
    ///
    /// ```
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let skill = alexa_kit::Skill::builder().build()?;
    /// assert!(alexa_kit::testing::Conversation::new(&skill).launch().await?.directives().is_empty());
    /// # Ok::<(), alexa_kit::Error>(())
    /// # }).unwrap();
    /// ```
    pub fn directives(&self) -> &[Directive] {
        &self.envelope.response.directives
    }

    /// Whether the response ends the session (`shouldEndSession: true`).
    ///
    /// ```
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let skill = alexa_kit::Skill::builder().build()?;
    /// assert!(!alexa_kit::testing::Conversation::new(&skill).launch().await?.ends_session());
    /// # Ok::<(), alexa_kit::Error>(())
    /// # }).unwrap();
    /// ```
    pub fn ends_session(&self) -> bool {
        self.envelope.response.should_end_session == ShouldEndSession::End
    }

    /// Panics unless the session ends.
    ///
    /// ```
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let skill = alexa_kit::Skill::builder().build()?;
    /// alexa_kit::testing::Conversation::new(&skill).intent("AMAZON.CancelIntent").await?.assert_ended();
    /// # Ok::<(), alexa_kit::Error>(())
    /// # }).unwrap();
    /// ```
    #[track_caller]
    pub fn assert_ended(&self) -> &Self {
        assert!(
            self.ends_session(),
            "expected the session to end, but the skill answered {:?}",
            self.envelope.response
        );
        self
    }

    /// Panics unless the session stays open with the microphone on (`shouldEndSession: false`).
    ///
    /// ```
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let skill = alexa_kit::Skill::builder().build()?;
    /// alexa_kit::testing::Conversation::new(&skill).launch().await?.assert_open();
    /// # Ok::<(), alexa_kit::Error>(())
    /// # }).unwrap();
    /// ```
    #[track_caller]
    pub fn assert_open(&self) -> &Self {
        assert_eq!(
            self.envelope.response.should_end_session,
            ShouldEndSession::KeepOpen,
            "expected the session to stay open, but the skill answered {:?}",
            self.envelope.response
        );
        self
    }

    /// Panics unless the speech contains `text`.
    ///
    /// ```
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let skill = alexa_kit::Skill::builder().build()?;
    /// alexa_kit::testing::Conversation::new(&skill).intent("AMAZON.StopIntent").await?.assert_says("Goodbye");
    /// # Ok::<(), alexa_kit::Error>(())
    /// # }).unwrap();
    /// ```
    #[track_caller]
    pub fn assert_says(&self, text: &str) -> &Self {
        let speech = self.speech();
        assert!(
            speech.contains(text),
            "expected the skill to say {text:?}, but it said {speech:?}"
        );
        self
    }
}
