//! The request envelope and its session.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::read::Reader;
use super::scan::{self, MAX_DEPTH, MAX_VALUES, ScanError, Scanner};
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
    /// The device, user and interface state: read it with
    /// [`context`](Self::context), set it with [`set_context`](Self::set_context).
    #[serde(default, skip_serializing_if = "LazyContext::is_absent")]
    context: LazyContext,
    /// The request itself, tagged by `type`.
    pub request: Request,
    /// The event's JSON as received, shared with `context` (see [`Source`]).
    #[serde(skip)]
    source: Source,
}

/// The JSON text an envelope was parsed from: one copy of the event, which
/// unparsed `context` points into and [`Input::raw_json`] reads. Not part of
/// the envelope's value: envelopes compare equal whatever their source.
///
/// [`Input::raw_json`]: crate::skill::Input::raw_json
#[derive(Clone, Default)]
struct Source(Option<Arc<str>>);

impl PartialEq for Source {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            Some(text) => write!(f, "{} bytes of JSON", text.len()),
            None => f.write_str("built in code"),
        }
    }
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
            context: LazyContext::default(),
            request,
            source: Source::default(),
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
    /// last value wins. `context` is parsed when first read (see
    /// [`context`](Self::context)): a repeat there makes it read as `None`,
    /// and [`try_context`](Self::try_context) names it.
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
        Self::from_slice_boxed(bytes).map(|envelope| *envelope)
    }

    /// [`from_slice`](Self::from_slice), boxed as it is built: the envelope
    /// is some 500 bytes, and a skill keeps it boxed (see `Input`).
    pub(crate) fn from_slice_boxed(bytes: &[u8]) -> Result<Box<Self>> {
        // Validate UTF-8 once for the whole input (cheaper than string by
        // string), then read a `&str`: one pass of alexa-kit's reader, or,
        // when it refuses the event, a scan and serde_json, whose error says
        // what and where (see `scan`).
        let text = super::utf8(bytes).map_err(|at| {
            Error::new(
                ErrorKind::InvalidRequest,
                format!("not an Alexa request envelope: not UTF-8 (invalid byte at offset {at})"),
            )
        })?;
        Self::scan(text)
    }

    /// The JSON this envelope was parsed from, exactly as received; `None`
    /// for an envelope built in code.
    pub(crate) fn source(&self) -> Option<&str> {
        self.source.0.as_deref()
    }

    /// Forgets the JSON this envelope was parsed from: for an envelope that
    /// reached the skill typed, which its caller may have changed since.
    pub(crate) fn forget_source(&mut self) {
        self.source = Source::default();
    }

    /// Reads the envelope in one pass: `version`, `session` and `request`
    /// parsed, `context` kept as text until it is read. Anything that pass
    /// does not take goes the careful way, [`scan_then_parse`](Self::scan_then_parse).
    fn scan(text: &str) -> Result<Box<Self>> {
        match Self::read_once(text) {
            Some(envelope) => Ok(envelope),
            None => Self::scan_then_parse(text),
        }
    }

    /// The envelope in one pass of alexa-kit's reader (see `model/read.rs`):
    /// `version`, `session` and an `IntentRequest` read by it as it reaches
    /// them, other requests by serde_json, the others matched with the envelope scanner, and the
    /// values counted (never fewer than the scan counts). `None` for anything else
    /// (an error, a repeated part, a limit reached, a shape the reader
    /// leaves to serde_json): the scan-then-parse path decides those, with
    /// its messages.
    fn read_once(text: &str) -> Option<Box<Self>> {
        let (mut version, mut session, mut context, mut request) = (None, None, None, None);
        let mut reader = Reader::new(text);
        reader.begin_object().ok()?;
        while let Some(key) = reader.next_member().ok()? {
            match &*key {
                "version" if version.is_none() => version = Some(reader.value().ok()?),
                "session" if session.is_none() => session = Some(reader.value().ok()?),
                // The reader reads an `IntentRequest` that starts with its
                // `type`, as Alexa sends it on every turn of a conversation;
                // serde_json the rest (the other request types compiled for
                // the reader too would add about 90 KB to the package).
                "request" if request.is_none() => {
                    let intent =
                        reader.tagged("IntentRequest", |rest| rest.parse().map(Request::Intent));
                    request = Some(match intent.ok()? {
                        Some(intent) => intent,
                        None => serde_json::from_str(reader.skip().ok()?).ok()?,
                    });
                }
                "context" if context.is_none() => context = Some(reader.skip().ok()?),
                "version" | "session" | "request" | "context" => return None,
                _ => {
                    reader.skip().ok()?;
                }
            }
        }
        reader.end().ok()?;
        Some(Self::from_parts(
            text,
            version,
            session.flatten(),
            context,
            request?,
        ))
    }

    /// Scans the whole envelope once (structure, size and depth limits), then
    /// parses `version`, `session` and `request` with serde_json (which reads
    /// whatever the one pass left to it) and keeps `context` as text until it
    /// is read. On any error, a full parse says what and where.
    fn scan_then_parse(text: &str) -> Result<Box<Self>> {
        let (mut version, mut session, mut context, mut request) = (None, None, None, None);
        let mut duplicate = false;
        let mut scanner = Scanner::new(text);
        let scanned = scanner
            .members(0, |key, value| {
                let part = match &*key {
                    "version" => &mut version,
                    "session" => &mut session,
                    "context" => &mut context,
                    "request" => &mut request,
                    _ => return true,
                };
                duplicate |= part.replace(value).is_some();
                true
            })
            .and_then(|()| scanner.end());
        let refuse = |why: String| {
            Err(Error::new(
                ErrorKind::InvalidRequest,
                format!("not an Alexa request envelope: {why}"),
            ))
        };
        match scanned {
            Err(ScanError::TooManyValues) => {
                return refuse(format!("more than {MAX_VALUES} JSON values"));
            }
            Err(ScanError::TooDeep) => return refuse(format!("nested deeper than {MAX_DEPTH}")),
            Err(ScanError::Syntax(_)) => return Err(full_parse_error(text)),
            Ok(()) if duplicate => return Err(full_parse_error(text)),
            Ok(()) => {}
        }
        let Some(request) = request else {
            return Err(full_parse_error(text));
        };
        let parts = || -> serde_json::Result<Box<Self>> {
            let version = version.map(serde_json::from_str).transpose()?;
            let session = session.map(serde_json::from_str).transpose()?.flatten();
            let request = serde_json::from_str(request)?;
            Ok(Self::from_parts(text, version, session, context, request))
        };
        parts().map_err(|_| full_parse_error(text))
    }

    /// The envelope of `text` from its parts, `context` (a slice of `text`)
    /// kept as text: one copy of the event, shared by `context` and
    /// `Input::raw_json`.
    fn from_parts(
        text: &str,
        version: Option<String>,
        session: Option<Session>,
        context: Option<&str>,
        request: Request,
    ) -> Box<Self> {
        let source: Arc<str> = Arc::from(text);
        Box::new(RequestEnvelope {
            version: version.unwrap_or_default(),
            session,
            context: match context {
                None | Some("null") => LazyContext::default(),
                Some(raw) => LazyContext::unparsed(source.clone(), offset(text, raw)),
            },
            request,
            source: Source(Some(source)),
        })
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
        self.system_str(&["System", "application", "applicationId"], |s| {
            s.application.as_ref()?.application_id.as_deref()
        })
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
        self.system_str(&["System", "user", "userId"], |s| {
            s.user.as_ref()?.user_id.as_deref()
        })
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
        self.system_str(&["System", "device", "deviceId"], |s| {
            s.device.as_ref()?.device_id.as_deref()
        })
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
        self.system_str(&["System", "person", "personId"], |s| {
            s.person.as_ref()?.person_id.as_deref()
        })
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
        if let Some(raw) = self.context.text() {
            let path = ["System", "device", "supportedInterfaces", name];
            return scan::find(raw, &path).is_some_and(|v| v != "null");
        }
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
        self.system_str(&["System", "apiAccessToken"], |s| {
            s.api_access_token.as_deref()
        })
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
        self.system_str(&["System", "apiEndpoint"], |s| s.api_endpoint.as_deref())
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
        self.system_str(&["System", "user", "accessToken"], |s| {
            s.user.as_ref()?.access_token.as_deref()
        })
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
        self.context().and_then(|c| c.viewport.as_deref())
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
        self.context().and_then(|c| c.geolocation.as_deref())
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
        self.context().and_then(|c| c.system.as_deref())
    }

    /// `context`: the device, user and interface state, if Alexa sent it.
    ///
    /// [`RequestEnvelope::from_slice`] keeps `context` as JSON text and parses
    /// it on the first call of this method (or of an accessor that needs more
    /// than one string of `context.System`), once. Most handlers never read
    /// the visual context a screen device sends, and do not pay for it. A
    /// `context` that does not fit the model is logged as a warning and
    /// reads as `None`.
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// let env = RequestEnvelope::from_json(r#"{"context":{"Viewport":{"pixelWidth":960}},
    ///     "request":{"type":"LaunchRequest"}}"#)?;
    /// let viewport = env.context().and_then(|c| c.viewport.as_ref()).unwrap();
    /// assert_eq!(viewport.pixel_width, Some(960));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn context(&self) -> Option<&Context> {
        self.context.get()
    }

    /// [`context`](Self::context), or the error that made it read as `None`:
    /// the path of the field that does not fit the model.
    ///
    /// ```
    /// use alexa_kit::model::RequestEnvelope;
    /// let env = RequestEnvelope::from_json(r#"{"context":{"Viewport":{"pixelWidth":"wide"}},
    ///     "request":{"type":"LaunchRequest"}}"#)?;
    /// assert!(env.context().is_none());
    /// let err = env.try_context().unwrap_err();
    /// assert!(err.to_string().contains("at `context.Viewport.pixelWidth`"), "{err}");
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn try_context(&self) -> Result<Option<&Context>> {
        match (self.context.get(), self.context.raw()) {
            (None, Some(raw)) => Err(LazyContext::parse(raw).unwrap_err()),
            (context, _) => Ok(context),
        }
    }

    /// Replaces `context` (`None` removes it).
    ///
    /// ```
    /// use alexa_kit::model::{Context, LaunchRequest, Request, RequestEnvelope};
    /// let mut env = RequestEnvelope::new(Request::Launch(LaunchRequest::default()));
    /// env.set_context(Some(Context::default()));
    /// assert!(env.context().is_some());
    /// env.set_context(None);
    /// assert!(env.context().is_none());
    /// ```
    pub fn set_context(&mut self, context: Option<Context>) {
        self.context = LazyContext::parsed(context);
    }

    /// A string of `context.System` at `path` (starting with `"System"`):
    /// while `context` is unparsed, found by scanning its text, so that the
    /// skill-id check and the ids do not parse the rest; else from the model.
    /// A key repeated along the path is read first-wins here, where parsing
    /// would refuse the repeat and fall back to `session`.
    fn system_str(
        &self,
        path: &[&str],
        parsed: impl FnOnce(&super::SystemState) -> Option<&str>,
    ) -> Option<&str> {
        if let Some(found) = self
            .context
            .text()
            .and_then(|raw| scan::find_plain_str(raw, path).ok())
        {
            return found;
        }
        self.system().and_then(parsed)
    }
}

/// The error of a full, eager parse of `text`, which names the bad field's path.
fn full_parse_error(text: &str) -> Error {
    match serde_json::from_str::<RequestEnvelope>(text) {
        Err(err) => parse_error::<RequestEnvelope>(text, err),
        Ok(_) => Error::new(
            ErrorKind::InvalidRequest,
            "not an Alexa request envelope: duplicate key",
        ),
    }
}

/// Where `part` (a slice of `text`) is in `text`.
fn offset(text: &str, part: &str) -> Range<usize> {
    let start = part.as_ptr() as usize - text.as_ptr() as usize;
    start..start + part.len()
}

/// `context`, kept as JSON text until first read, then parsed once (boxed:
/// most requests never parse it, and the envelope moves several times).
#[derive(Clone, Default)]
struct LazyContext {
    /// The event's text and where `context` is in it (`None` when built in code).
    raw: Option<(Arc<str>, Range<usize>)>,
    parsed: OnceLock<Option<Box<Context>>>,
}

impl LazyContext {
    fn unparsed(source: Arc<str>, at: Range<usize>) -> Self {
        LazyContext {
            raw: Some((source, at)),
            parsed: OnceLock::new(),
        }
    }

    fn parsed(context: Option<Context>) -> Self {
        LazyContext {
            raw: None,
            parsed: OnceLock::from(context.map(Box::new)),
        }
    }

    /// The JSON text of `context`, if it came as text.
    fn raw(&self) -> Option<&str> {
        self.raw.as_ref().map(|(text, at)| &text[at.clone()])
    }

    /// The text while it is not parsed yet.
    fn text(&self) -> Option<&str> {
        match self.parsed.get() {
            None => self.raw(),
            Some(_) => None,
        }
    }

    fn get(&self) -> Option<&Context> {
        self.parsed
            .get_or_init(|| {
                LazyContext::parse(self.raw()?)
                    .map(Box::new)
                    .map_err(|err| {
                        tracing::warn!(error = %err, "`context` does not fit the model; ignored");
                    })
                    .ok()
            })
            .as_deref()
    }

    /// Parses `context` alone; an error names its path from the envelope.
    fn parse(raw: &str) -> Result<Context> {
        #[derive(Deserialize)]
        struct Wrapped {
            context: Context,
        }
        // Parsing `{"context":…}` lets `invalid` name the full path; the
        // wrapper costs two small copies on a path taken once per request.
        serde_json::from_str(raw).or_else(|_| {
            let wrapped = format!("{{\"context\":{raw}}}");
            match serde_json::from_str::<Wrapped>(&wrapped) {
                Ok(w) => Ok(w.context),
                Err(err) => Err(parse_error::<Wrapped>(&wrapped, err)),
            }
        })
    }

    fn is_absent(&self) -> bool {
        self.get().is_none()
    }
}

impl std::fmt::Debug for LazyContext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.get().fmt(f)
    }
}

impl PartialEq for LazyContext {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl Serialize for LazyContext {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        self.get().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for LazyContext {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        Option::<Context>::deserialize(deserializer).map(LazyContext::parsed)
    }
}

/// [`invalid`], the path found even inside a value read before its
/// object's `type` (a buffered value, see `tagged`): then `text` is read
/// again as `T` with every `type` first (see [`json_path::type_first`]),
/// and that error, the same one, has a position in the text.
///
/// [`json_path::type_first`]: super::json_path::type_first
fn parse_error<T: serde::de::DeserializeOwned>(text: &str, err: serde_json::Error) -> Error {
    if err.is_data()
        && err.to_string().starts_with("at `")
        && let Some(reordered) = super::json_path::type_first(text)
        && let Err(again) = serde_json::from_str::<T>(&reordered)
    {
        return invalid(&reordered, again);
    }
    invalid(text, err)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The one-pass reader takes only what the careful path reads the same.
    #[test]
    fn one_pass_reads_what_scan_then_parse_reads() {
        use crate::model::read::tests::mutated;
        use crate::model::scan::tests::{Rng, fixtures};
        let mut rng = Rng(0x1234_5678_9abc_def1);
        let (mut files, mut read, mut intents) = (0, 0, 0);
        let mut check = |text: &str| {
            if let Some(fast) = RequestEnvelope::read_once(text) {
                // Read by the reader itself (see `Reader::tagged`).
                intents += usize::from(matches!(fast.request, Request::Intent(_)));
                let careful =
                    RequestEnvelope::scan_then_parse(text).expect("the careful path reads it");
                assert_eq!(fast, careful, "{text}");
                assert_eq!(fast.context(), careful.context(), "{text}");
                read += 1;
            }
        };
        for text in fixtures("alexa-requests") {
            if !text.contains("\"request\"") {
                continue;
            }
            files += 1;
            check(&text);
            for _ in 0..300 {
                check(&mutated(&mut rng, &text));
            }
        }
        assert!(
            files > 10 && read > files * 50 && intents > read / 4,
            "{files} files, {read} read in one pass, {intents} of them intent requests"
        );
    }

    /// Past the limits, the one pass stops and the careful path refuses
    /// with its message; just inside them, both read the event.
    #[test]
    fn one_pass_stops_at_the_limits() {
        let event = |attributes: &str| {
            format!(
                r#"{{"session":{{"attributes":{{"a":{attributes}}}}},"request":{{"type":"LaunchRequest"}}}}"#
            )
        };
        let many = event(&format!("[{}0]", "0,".repeat(MAX_VALUES)));
        assert!(RequestEnvelope::read_once(&many).is_none());
        let err = RequestEnvelope::from_json(&many).unwrap_err();
        assert!(
            err.to_string().contains("more than 50000 JSON values"),
            "{err}"
        );
        let deep = event(&format!(
            "{}{}",
            "[".repeat(MAX_DEPTH),
            "]".repeat(MAX_DEPTH)
        ));
        assert!(RequestEnvelope::read_once(&deep).is_none());
        let err = RequestEnvelope::from_json(&deep).unwrap_err();
        assert!(err.to_string().contains("nested deeper than 128"), "{err}");
        let fine = event(&format!("[{}0]", "0,".repeat(MAX_VALUES / 2 - 10)));
        assert!(RequestEnvelope::read_once(&fine).is_some());
        let fine = event(&format!(
            "{}{}",
            "[".repeat(MAX_DEPTH - 4),
            "]".repeat(MAX_DEPTH - 4)
        ));
        assert_eq!(
            RequestEnvelope::read_once(&fine),
            RequestEnvelope::scan_then_parse(&fine).ok()
        );
        assert!(RequestEnvelope::read_once(&fine).is_some());
    }

    const EVENT: &str = r#"{"version":"1.0","context":{"Viewport":{"pixelWidth":960},
        "System":{"application":{"applicationId":"amzn1.ask.skill.1"},"user":{"userId":"u\u0031"},
        "device":{"deviceId":"d1","supportedInterfaces":{"AudioPlayer":{}}},"apiAccessToken":"t"}},
        "request":{"type":"LaunchRequest"}}"#;

    #[test]
    fn system_strings_are_read_without_parsing_context() {
        let env = RequestEnvelope::from_json(EVENT).expect("parses");
        assert_eq!(env.application_id(), Some("amzn1.ask.skill.1"));
        assert_eq!(env.device_id(), Some("d1"));
        assert_eq!(env.api_access_token(), Some("t"));
        assert_eq!(env.person_id(), None);
        assert!(env.supports_interface("AudioPlayer"));
        assert!(!env.supports_interface("Alexa.Presentation.APL"));
        assert!(env.context.text().is_some(), "context was parsed");
        // An escaped string needs serde: the context is parsed, once.
        assert_eq!(env.user_id(), Some("u1"));
        assert!(env.context.text().is_none());
        assert_eq!(env.viewport().and_then(|v| v.pixel_width), Some(960));
        assert_eq!(env.application_id(), Some("amzn1.ask.skill.1"));
        assert!(env.supports_interface("AudioPlayer"));
    }

    #[test]
    fn a_lazy_context_compares_and_serializes_like_a_parsed_one() {
        let lazy = RequestEnvelope::from_json(EVENT).expect("parses");
        let eager: RequestEnvelope = serde_json::from_str(EVENT).expect("parses");
        assert!(lazy.context.text().is_some() && eager.context.text().is_none());
        assert_eq!(lazy, eager);
        let json = serde_json::to_value(&lazy).expect("serializes");
        assert_eq!(json["context"]["Viewport"]["pixelWidth"], 960);
        let mut cleared = lazy.clone();
        cleared.set_context(None);
        assert!(cleared.context().is_none() && cleared.try_context().is_ok());
        assert!(
            serde_json::to_value(&cleared)
                .expect("serializes")
                .get("context")
                .is_none()
        );
    }

    #[test]
    fn errors_in_eager_parts_name_their_path() {
        for (json, path) in [
            (
                r#"{"session":{"new":"yes"},"request":{"type":"LaunchRequest"}}"#,
                "session.new",
            ),
            (
                r#"{"request":{"type":"IntentRequest","intent":{"name":7}}}"#,
                "request.intent.name",
            ),
            (
                r#"{"version":1,"request":{"type":"LaunchRequest"}}"#,
                "version",
            ),
        ] {
            let err = RequestEnvelope::from_json(json).unwrap_err();
            assert!(err.to_string().contains(&format!("at `{path}`")), "{err}");
        }
        for json in [
            r#"{"request":{"type":"LaunchRequest"},"request":{"type":"LaunchRequest"}}"#,
            r#"{"version":"1.0"}"#,
            r#"{"request":{"type":"LaunchRequest"}"#,
            r#"[]"#,
        ] {
            let err = RequestEnvelope::from_json(json).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidRequest, "{json}");
        }
    }
}
