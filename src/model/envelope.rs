//! The request envelope and its session.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{Context, DialogState, Geolocation, Intent, Request, ResolvedValue, Slot, Viewport};
use crate::{Error, ErrorKind, Result};

/// What Alexa sends to a skill: `version`, `session`, `context` and `request`.
///
/// Parse one with [`RequestEnvelope::from_slice`], which reports a malformed
/// envelope as an [`ErrorKind::InvalidRequest`] error naming the path of the
/// bad field.
///
/// ```
/// use alexa_kit::model::RequestEnvelope;
/// let json = br#"{"version":"1.0","session":{"new":true,"sessionId":"s1",
///   "application":{"applicationId":"amzn1.ask.skill.1"},"user":{"userId":"u1"}},
///   "request":{"type":"IntentRequest","requestId":"r1","locale":"en-GB",
///   "intent":{"name":"HelloWorldIntent","confirmationStatus":"NONE"}}}"#;
/// let env = RequestEnvelope::from_slice(json)?;
/// assert_eq!(env.intent_name(), Some("HelloWorldIntent"));
/// assert!(env.is_new_session());
/// assert_eq!(env.application_id(), Some("amzn1.ask.skill.1"));
/// # Ok::<(), alexa_kit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RequestEnvelope {
    /// Always `"1.0"`.
    #[serde(default)]
    pub version: String,
    /// Absent for AudioPlayer, PlaybackController, skill events and messaging requests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<Session>,
    /// The device, user and interface state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Context>,
    /// The request itself, tagged by `type`.
    pub request: Request,
}

impl RequestEnvelope {
    /// Builds an envelope around `request` with no session and no context.
    ///
    /// ```
    /// use alexa_kit::model::{LaunchRequest, Request, RequestEnvelope};
    /// let env = RequestEnvelope::new(Request::Launch(LaunchRequest::default()));
    /// assert_eq!(env.version, "1.0");
    /// ```
    pub fn new(request: Request) -> Self {
        RequestEnvelope {
            version: "1.0".to_owned(),
            session: None,
            context: None,
            request,
        }
    }

    /// Parses an envelope from JSON bytes.
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// let err = RequestEnvelope::from_slice(br#"{"request":{"type":"IntentRequest","intent":{"name":7}}}"#)
    ///     .unwrap_err();
    /// assert_eq!(err.kind(), alexa_kit::ErrorKind::InvalidRequest);
    /// assert!(err.to_string().contains("intent.name"), "{err}");
    /// ```
    ///
    /// # Duplicate keys
    ///
    /// One rule for the whole envelope: a key the typed model reads appears at
    /// most once per object, and a repeat is an [`ErrorKind::InvalidRequest`]
    /// error naming the key and where it is. That is serde's rule for every
    /// struct field, and it holds for the `type` tag of a request, a slot
    /// value or a viewport too (a second `type` could otherwise route the
    /// request differently from what a reader of the JSON expects). JSON the
    /// model keeps as it is (session attributes, fields alexa-kit does not
    /// model, an unknown request type's other keys) follows serde_json: the
    /// last value wins.
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// let err = RequestEnvelope::from_json(
    ///     r#"{"request":{"type":"LaunchRequest","type":"IntentRequest"}}"#,
    /// ).unwrap_err();
    /// assert!(err.to_string().contains("at `request`: duplicate field `type`"), "{err}");
    /// let env = RequestEnvelope::from_json(
    ///     r#"{"session":{"attributes":{"n":1,"n":2}},"request":{"type":"LaunchRequest"}}"#,
    /// )?;
    /// assert_eq!(env.session.unwrap().attributes.unwrap()["n"], 2);
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn from_slice(bytes: &[u8]) -> Result<Self> {
        // Validate UTF-8 once for the whole input (cheaper than string by
        // string), then plain serde_json. Only when that fails, parse again
        // while tracking the path (which allocates per key) to say where.
        // Both passes read a `&str`, so the model's deserializer is compiled
        // for one reader only, which keeps the Lambda package small.
        let text = std::str::from_utf8(bytes).map_err(|e| {
            Error::new(
                ErrorKind::InvalidRequest,
                format!(
                    "not an Alexa request envelope: not UTF-8 (invalid byte at offset {})",
                    e.valid_up_to()
                ),
            )
        })?;
        match serde_json::from_str(text) {
            Ok(env) => Ok(env),
            Err(err) => Err(invalid(text, err)),
        }
    }

    /// Parses an envelope from a JSON string.
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// assert!(RequestEnvelope::from_json(r#"{"request":{"type":"LaunchRequest"}}"#).is_ok());
    /// assert!(RequestEnvelope::from_json(r#"{"version":"1.0"}"#).is_err());
    /// ```
    pub fn from_json(json: &str) -> Result<Self> {
        Self::from_slice(json.as_bytes())
    }

    /// The request's locale, such as `"en-US"`, if Alexa sent one.
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// let env = RequestEnvelope::from_json(r#"{"request":{"type":"LaunchRequest","locale":"ja-JP"}}"#)?;
    /// assert_eq!(env.locale(), Some("ja-JP"));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn locale(&self) -> Option<&str> {
        self.request.locale()
    }

    /// The intent name of an `IntentRequest` or `CanFulfillIntentRequest`.
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// let env = RequestEnvelope::from_json(r#"{"request":{"type":"LaunchRequest"}}"#)?;
    /// assert_eq!(env.intent_name(), None);
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn intent_name(&self) -> Option<&str> {
        self.request.intent().map(|i| i.name.as_str())
    }

    /// Whether this request starts a new session (`false` without a session).
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// let env = RequestEnvelope::from_json(r#"{"session":{"new":true},"request":{"type":"LaunchRequest"}}"#)?;
    /// assert!(env.is_new_session());
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn is_new_session(&self) -> bool {
        self.session.as_ref().is_some_and(|s| s.new)
    }

    /// The skill id, from `context.System.application` first, then `session.application`.
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// let env = RequestEnvelope::from_json(r#"{"session":{"application":{"applicationId":"amzn1.ask.skill.9"}},
    ///     "request":{"type":"LaunchRequest"}}"#)?;
    /// assert_eq!(env.application_id(), Some("amzn1.ask.skill.9"));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn application_id(&self) -> Option<&str> {
        self.system()
            .and_then(|s| s.application.as_ref())
            .and_then(|a| a.application_id.as_deref())
            .or_else(|| {
                self.session
                    .as_ref()
                    .and_then(|s| s.application.as_ref())
                    .and_then(|a| a.application_id.as_deref())
            })
    }

    /// The user id, from `context.System.user` first, then `session.user`.
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// let env = RequestEnvelope::from_json(r#"{"session":{"user":{"userId":"amzn1.ask.account.A"}},
    ///     "request":{"type":"LaunchRequest"}}"#)?;
    /// assert_eq!(env.user_id(), Some("amzn1.ask.account.A"));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn user_id(&self) -> Option<&str> {
        self.system()
            .and_then(|s| s.user.as_ref())
            .and_then(|u| u.user_id.as_deref())
            .or_else(|| {
                self.session
                    .as_ref()
                    .and_then(|s| s.user.as_ref())
                    .and_then(|u| u.user_id.as_deref())
            })
    }

    /// The device id from `context.System.device`.
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// let env = RequestEnvelope::from_json(r#"{"context":{"System":{"device":{"deviceId":"d1"}}},
    ///     "request":{"type":"LaunchRequest"}}"#)?;
    /// assert_eq!(env.device_id(), Some("d1"));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn device_id(&self) -> Option<&str> {
        self.system()
            .and_then(|s| s.device.as_ref())
            .and_then(|d| d.device_id.as_deref())
    }

    /// The recognised speaker's id from `context.System.person`.
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// let env = RequestEnvelope::from_json(r#"{"context":{"System":{"person":{"personId":"p1"}}},
    ///     "request":{"type":"LaunchRequest"}}"#)?;
    /// assert_eq!(env.person_id(), Some("p1"));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn person_id(&self) -> Option<&str> {
        self.system()
            .and_then(|s| s.person.as_ref())
            .and_then(|p| p.person_id.as_deref())
    }

    /// Whether the device supports an interface, e.g. `"AudioPlayer"` or
    /// `"Alexa.Presentation.APL"` (the key's presence is what counts).
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// let env = RequestEnvelope::from_json(r#"{"context":{"System":{"device":{
    ///     "supportedInterfaces":{"AudioPlayer":{}}}}},"request":{"type":"LaunchRequest"}}"#)?;
    /// assert!(env.supports_interface("AudioPlayer"));
    /// assert!(!env.supports_interface("Alexa.Presentation.APL"));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn supports_interface(&self, name: &str) -> bool {
        self.system()
            .and_then(|s| s.device.as_ref())
            .is_some_and(|d| d.supported_interfaces.contains_key(name))
    }

    /// Whether the user granted a permission scope, e.g.
    /// `alexa::profile:given_name:read` (`context.System.user.permissions.scopes`).
    /// Scopes that the request does not list count as not granted; the
    /// service APIs are the final word (they answer 403).
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// let env = RequestEnvelope::from_json(r#"{"context":{"System":{"user":{"permissions":{"scopes":{
    ///     "alexa::alerts:reminders:skill:readwrite":{"status":"GRANTED"}}}}}},
    ///     "request":{"type":"LaunchRequest"}}"#)?;
    /// assert!(env.has_permission("alexa::alerts:reminders:skill:readwrite"));
    /// assert!(!env.has_permission("alexa::profile:email:read"));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn has_permission(&self, scope: &str) -> bool {
        self.system()
            .and_then(|s| s.user.as_ref())
            .and_then(|u| u.permissions.as_ref())
            .and_then(|p| p.scopes.get(scope))
            .is_some_and(|s| s.status.as_deref() == Some("GRANTED"))
    }

    /// The session attributes the skill returned on the previous turn.
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// let env = RequestEnvelope::from_json(r#"{"session":{"attributes":{"count":2}},
    ///     "request":{"type":"LaunchRequest"}}"#)?;
    /// assert_eq!(env.session_attributes().unwrap()["count"], 2);
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn session_attributes(&self) -> Option<&Map<String, Value>> {
        self.session.as_ref().and_then(|s| s.attributes.as_ref())
    }

    /// `request.requestId` (empty if absent).
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// let env = RequestEnvelope::from_json(r#"{"request":{"type":"LaunchRequest","requestId":"amzn1.r"}}"#)?;
    /// assert_eq!(env.request_id(), "amzn1.r");
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn request_id(&self) -> &str {
        self.request.request_id()
    }

    /// `request.type`, e.g. `"IntentRequest"`.
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// let env = RequestEnvelope::from_json(r#"{"request":{"type":"Reminders.ReminderCreated"}}"#)?;
    /// assert_eq!(env.request_type(), "Reminders.ReminderCreated");
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn request_type(&self) -> &str {
        self.request.type_name()
    }

    /// `session.sessionId`, if there is a session.
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// let env = RequestEnvelope::from_json(r#"{"session":{"sessionId":"s1"},"request":{"type":"LaunchRequest"}}"#)?;
    /// assert_eq!(env.session_id(), Some("s1"));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn session_id(&self) -> Option<&str> {
        self.session.as_ref().and_then(|s| s.session_id.as_deref())
    }

    /// The intent of an `IntentRequest` or `CanFulfillIntentRequest`.
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// let env = RequestEnvelope::from_json(r#"{"request":{"type":"IntentRequest","intent":{"name":"X"}}}"#)?;
    /// assert_eq!(env.intent().map(|i| i.name.as_str()), Some("X"));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn intent(&self) -> Option<&Intent> {
        self.request.intent()
    }

    /// A slot of the intent, by name.
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// let env = RequestEnvelope::from_json(r#"{"request":{"type":"IntentRequest",
    ///     "intent":{"name":"X","slots":{"city":{"name":"city"}}}}}"#)?;
    /// assert!(env.slot("city").is_some());
    /// assert!(env.slot("date").is_none());
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn slot(&self, name: &str) -> Option<&Slot> {
        self.intent().and_then(|i| i.slot(name))
    }

    /// What the user said for a slot (`None` if the slot is absent or unfilled).
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// let env = RequestEnvelope::from_json(r#"{"request":{"type":"IntentRequest",
    ///     "intent":{"name":"X","slots":{"city":{"name":"city","value":"München"},"date":{"name":"date"}}}}}"#)?;
    /// assert_eq!(env.slot_value("city"), Some("München"));
    /// assert_eq!(env.slot_value("date"), None);
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn slot_value(&self, name: &str) -> Option<&str> {
        self.slot(name).and_then(Slot::value)
    }

    /// Every value of a slot: several for a multi-value slot, one or none otherwise.
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// let env = RequestEnvelope::from_json(r#"{"request":{"type":"IntentRequest","intent":{"name":"X",
    ///     "slots":{"toppings":{"name":"toppings","slotValue":{"type":"List","values":[
    ///     {"type":"Simple","value":"ham"},{"type":"Simple","value":"olives"}]}}}}}}"#)?;
    /// assert_eq!(env.slot_values("toppings"), ["ham", "olives"]);
    /// assert!(env.slot_values("size").is_empty());
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn slot_values(&self, name: &str) -> Vec<&str> {
        self.slot(name).map(Slot::values).unwrap_or_default()
    }

    /// The first entity-resolution match of a slot (`ER_SUCCESS_MATCH`).
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// let env = RequestEnvelope::from_json(r#"{"request":{"type":"IntentRequest","intent":{"name":"X",
    ///     "slots":{"pet":{"name":"pet","value":"doggo","resolutions":{"resolutionsPerAuthority":[
    ///     {"authority":"a","status":{"code":"ER_SUCCESS_MATCH"},"values":[{"value":{"name":"dog","id":"DOG"}}]}]}}}}}}"#)?;
    /// assert_eq!(env.resolved("pet").map(|v| v.name.as_str()), Some("dog"));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn resolved(&self, slot: &str) -> Option<&ResolvedValue> {
        self.slot(slot).and_then(Slot::resolved)
    }

    /// The canonical value a slot resolved to (e.g. `"dog"` for "doggo").
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// let env = RequestEnvelope::from_json(r#"{"request":{"type":"IntentRequest","intent":{"name":"X",
    ///     "slots":{"pet":{"name":"pet","value":"doggo","resolutions":{"resolutionsPerAuthority":[
    ///     {"authority":"a","status":{"code":"ER_SUCCESS_NO_MATCH"}}]}}}}}}"#)?;
    /// assert_eq!(env.resolved_value("pet"), None);
    /// assert_eq!(env.slot_value("pet"), Some("doggo"));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn resolved_value(&self, slot: &str) -> Option<&str> {
        self.resolved(slot).map(|v| v.name.as_str())
    }

    /// The id of the entity a slot resolved to (e.g. `"LGA"`), if the slot type defines ids.
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// let env = RequestEnvelope::from_json(r#"{"request":{"type":"IntentRequest","intent":{"name":"X",
    ///     "slots":{"airport":{"name":"airport","value":"la guardia","resolutions":{"resolutionsPerAuthority":[
    ///     {"authority":"a","status":{"code":"ER_SUCCESS_MATCH"},"values":[{"value":{"name":"LaGuardia","id":"LGA"}}]}]}}}}}}"#)?;
    /// assert_eq!(env.resolved_id("airport"), Some("LGA"));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn resolved_id(&self, slot: &str) -> Option<&str> {
        self.resolved(slot).and_then(|v| v.id.as_deref())
    }

    /// The dialog state, if the skill has a dialog model.
    ///
    /// ```
    /// use alexa_kit::model::{DialogState, RequestEnvelope};
    /// let env = RequestEnvelope::from_json(r#"{"request":{"type":"IntentRequest","dialogState":"STARTED",
    ///     "intent":{"name":"X"}}}"#)?;
    /// assert_eq!(env.dialog_state(), Some(DialogState::Started));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn dialog_state(&self) -> Option<DialogState> {
        self.request.dialog_state()
    }

    /// `context.System.apiAccessToken`: the bearer token for the Alexa service APIs.
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// let env = RequestEnvelope::from_json(r#"{"context":{"System":{"apiAccessToken":"eyJ0",
    ///     "apiEndpoint":"https://api.eu.amazonalexa.com"}},"request":{"type":"LaunchRequest"}}"#)?;
    /// assert_eq!(env.api_access_token(), Some("eyJ0"));
    /// assert_eq!(env.api_endpoint(), Some("https://api.eu.amazonalexa.com"));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn api_access_token(&self) -> Option<&str> {
        self.system().and_then(|s| s.api_access_token.as_deref())
    }

    /// `context.System.apiEndpoint`, e.g. `https://api.amazonalexa.com`
    /// (as sent; it may end with a slash).
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// let env = RequestEnvelope::from_json(r#"{"request":{"type":"LaunchRequest"}}"#)?;
    /// assert_eq!(env.api_endpoint(), None);
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn api_endpoint(&self) -> Option<&str> {
        self.system().and_then(|s| s.api_endpoint.as_deref())
    }

    /// The account-linking token, from `context.System.user` first, then `session.user`.
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// let env = RequestEnvelope::from_json(r#"{"session":{"user":{"userId":"u","accessToken":"linked"}},
    ///     "request":{"type":"LaunchRequest"}}"#)?;
    /// assert_eq!(env.user_access_token(), Some("linked"));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn user_access_token(&self) -> Option<&str> {
        self.system()
            .and_then(|s| s.user.as_ref())
            .and_then(|u| u.access_token.as_deref())
            .or_else(|| {
                self.session
                    .as_ref()
                    .and_then(|s| s.user.as_ref())
                    .and_then(|u| u.access_token.as_deref())
            })
    }

    /// `context.Viewport`: the screen, on devices that have one.
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// let env = RequestEnvelope::from_json(r#"{"context":{"Viewport":{"pixelWidth":960,"pixelHeight":480}},
    ///     "request":{"type":"LaunchRequest"}}"#)?;
    /// assert_eq!(env.viewport().and_then(|v| v.pixel_width), Some(960));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn viewport(&self) -> Option<&Viewport> {
        self.context.as_ref().and_then(|c| c.viewport.as_deref())
    }

    /// `context.Geolocation`, if the user granted location access.
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// let env = RequestEnvelope::from_json(r#"{"context":{"Geolocation":{"coordinate":
    ///     {"latitudeInDegrees":52.5,"longitudeInDegrees":13.4}}},"request":{"type":"LaunchRequest"}}"#)?;
    /// let c = env.geolocation().and_then(|g| g.coordinate.as_ref()).unwrap();
    /// assert_eq!(c.latitude_in_degrees, 52.5);
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn geolocation(&self) -> Option<&Geolocation> {
        self.context.as_ref().and_then(|c| c.geolocation.as_deref())
    }

    /// Whether the device can show APL (`Alexa.Presentation.APL` is a supported interface).
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// let env = RequestEnvelope::from_json(r#"{"context":{"System":{"device":{"supportedInterfaces":
    ///     {"Alexa.Presentation.APL":{"runtime":{"maxVersion":"2024.1"}}}}}},"request":{"type":"LaunchRequest"}}"#)?;
    /// assert!(env.supports_apl());
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn supports_apl(&self) -> bool {
        self.supports_interface("Alexa.Presentation.APL")
    }

    /// `context.System`, if present.
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// let env = RequestEnvelope::from_json(r#"{"request":{"type":"LaunchRequest"}}"#)?;
    /// assert!(env.system().is_none());
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn system(&self) -> Option<&super::SystemState> {
        self.context.as_ref().and_then(|c| c.system.as_deref())
    }
}

fn invalid(text: &str, err: serde_json::Error) -> Error {
    let mut path = super::json_path::path_at(text, err.line(), err.column());
    let mut message = err.to_string();
    // An error from a replayed value (see `tagged`) already names its path
    // inside the object being read: join the two.
    if let Some(rest) = message.strip_prefix("at `")
        && let Some((inner, tail)) = rest.split_once('`')
    {
        let parent = super::json_path::container_at(text, err.line(), err.column());
        path = if parent == "." {
            inner.to_owned()
        } else {
            format!("{parent}.{inner}")
        };
        message = tail.trim_start_matches(':').trim_start().to_owned();
    }
    if path == "." || err.line() == 0 {
        Error::new(
            ErrorKind::InvalidRequest,
            format!("not an Alexa request envelope: {message}"),
        )
    } else {
        Error::new(
            ErrorKind::InvalidRequest,
            format!("not an Alexa request envelope: at `{path}`: {message}"),
        )
    }
}

/// The skill session: present for requests that are part of a conversation.
///
/// ```
/// use alexa_kit::model::Session;
/// let s: Session = serde_json::from_str(r#"{"new":false,"sessionId":"s","attributes":null}"#)?;
/// assert!(!s.new);
/// assert!(s.attributes.is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Session {
    /// `true` on the first request of a session.
    #[serde(default)]
    pub new: bool,
    /// `amzn1.echo-api.session.<uuid>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    /// The skill that owns the session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application: Option<Application>,
    /// What the skill returned in `sessionAttributes` on the previous turn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributes: Option<Map<String, Value>>,
    /// The Amazon account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<User>,
}

/// `{"applicationId": "amzn1.ask.skill.<uuid>"}`.
///
/// ```
/// let a: alexa_kit::model::Application = serde_json::from_str(r#"{"applicationId":"x"}"#)?;
/// assert_eq!(a.application_id.as_deref(), Some("x"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Application {
    /// The skill id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_id: Option<String>,
}

/// The Amazon account using the skill.
///
/// ```
/// let u: alexa_kit::model::User = serde_json::from_str(r#"{"userId":"u","accessToken":null}"#)?;
/// assert_eq!(u.user_id.as_deref(), Some("u"));
/// assert!(u.access_token.is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct User {
    /// `amzn1.ask.account.<...>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// The account-linking token, if the user linked an account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_token: Option<String>,
    /// Granted permissions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions: Option<Permissions>,
}

/// The permissions the user granted to the skill.
///
/// ```
/// let p: alexa_kit::model::Permissions = serde_json::from_str(
///     r#"{"scopes":{"alexa::devices:all:geolocation:read":{"status":"GRANTED"}}}"#)?;
/// assert_eq!(p.scopes["alexa::devices:all:geolocation:read"].status.as_deref(), Some("GRANTED"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Permissions {
    /// Deprecated: use `context.System.apiAccessToken`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent_token: Option<String>,
    /// Scope name → its status.
    #[serde(default, skip_serializing_if = "HashMap::is_empty")]
    pub scopes: HashMap<String, ScopeStatus>,
}

/// `{"status": "GRANTED" | "DENIED"}`.
///
/// ```
/// let s: alexa_kit::model::ScopeStatus = serde_json::from_str(r#"{"status":"DENIED"}"#)?;
/// assert_eq!(s.status.as_deref(), Some("DENIED"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ScopeStatus {
    /// `GRANTED` or `DENIED`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}
