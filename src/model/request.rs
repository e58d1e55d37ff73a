//! `request`: every request type, tagged by `type`, with an unknown fallback.

use serde::de::MapAccess;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use super::tagged::{Rest, Tagged, deserialize_tagged, with_type};
use super::{DialogState, Intent};

/// `request.timestamp`: ISO-8601 as Alexa sends it, or the epoch milliseconds
/// the 2017 simulator sent. Kept as sent, so that it re-serializes unchanged.
///
/// ```
/// use alexa_kit::model::Timestamp;
/// let t: Timestamp = serde_json::from_str("1500000000000")?;
/// assert_eq!(t, Timestamp::EpochMillis(1_500_000_000_000));
/// let t: Timestamp = serde_json::from_str(r#""2019-07-15T22:44:23Z""#)?;
/// assert_eq!(t.to_string(), "2019-07-15T22:44:23Z");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Timestamp {
    /// An ISO-8601 string such as `2019-07-15T22:44:23Z`.
    Iso(String),
    /// Milliseconds since the Unix epoch.
    EpochMillis(i64),
}

// Hand-written rather than `#[serde(untagged)]`, which buffers the value first.
impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TimestampVisitor;
        impl serde::de::Visitor<'_> for TimestampVisitor {
            type Value = Timestamp;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an ISO-8601 string or epoch milliseconds")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Timestamp, E> {
                Ok(Timestamp::Iso(v.to_owned()))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Timestamp, E> {
                Ok(Timestamp::Iso(v))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Timestamp, E> {
                Ok(Timestamp::EpochMillis(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Timestamp, E> {
                i64::try_from(v)
                    .map(Timestamp::EpochMillis)
                    .map_err(|_| E::custom(format_args!("timestamp {v} is out of range")))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Timestamp, E> {
                // Some tools write epoch milliseconds as `1.5e12`.
                if v.is_finite() && v.fract() == 0.0 && v.abs() < 9.0e15 {
                    Ok(Timestamp::EpochMillis(v as i64))
                } else {
                    Err(E::custom(format_args!(
                        "timestamp {v} is not whole milliseconds"
                    )))
                }
            }
        }
        deserializer.deserialize_any(TimestampVisitor)
    }
}

impl std::fmt::Display for Timestamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Timestamp::Iso(s) => f.write_str(s),
            Timestamp::EpochMillis(ms) => write!(f, "{ms}"),
        }
    }
}

/// Declares a request struct with the fields every request shares.
macro_rules! request_struct {
    (
        $(#[$meta:meta])*
        pub struct $name:ident { $( $(#[$fmeta:meta])* $vis:vis $field:ident : $ty:ty, )* }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        #[serde(rename_all = "camelCase")]
        #[non_exhaustive]
        pub struct $name {
            /// `amzn1.echo-api.request.<uuid>`.
            #[serde(default)]
            pub request_id: String,
            /// When Alexa sent the request.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub timestamp: Option<Timestamp>,
            /// The user's locale, such as `en-US` (absent in some old requests).
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub locale: Option<String>,
            $( $(#[$fmeta])* $vis $field: $ty, )*
        }
    };
}

request_struct! {
    /// `LaunchRequest`: the user opened the skill without an intent.
    ///
    /// ```
    /// let r: alexa_kit::model::LaunchRequest = serde_json::from_str(r#"{"requestId":"r","locale":"en-US"}"#)?;
    /// assert_eq!(r.locale.as_deref(), Some("en-US"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct LaunchRequest {
        /// Present when launched as a Skill Connections / Quick Links task.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub task: Option<Task>,
    }
}

/// A task the skill was launched to perform (`LaunchRequest.task`).
///
/// ```
/// let t: alexa_kit::model::Task = serde_json::from_str(r#"{"name":"AMAZON.PrintPDF","version":"1"}"#)?;
/// assert_eq!(t.name, "AMAZON.PrintPDF");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Task {
    /// The task name.
    #[serde(default)]
    pub name: String,
    /// The task version.
    #[serde(default)]
    pub version: String,
    /// The task's input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<Value>,
}

request_struct! {
    /// `IntentRequest`: the user said something that matched an intent.
    ///
    /// ```
    /// let r: alexa_kit::model::IntentRequest = serde_json::from_str(
    ///     r#"{"requestId":"r","dialogState":"STARTED","intent":{"name":"PlanTrip"}}"#)?;
    /// assert_eq!(r.intent.name, "PlanTrip");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct IntentRequest {
        /// Where a dialog-model conversation is, if the skill has a dialog model.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub dialog_state: Option<DialogState>,
        /// The matched intent.
        pub intent: Intent,
    }
}

request_struct! {
    /// `SessionEndedRequest`: the session ended. Alexa ignores any speech in the answer.
    ///
    /// ```
    /// let r: alexa_kit::model::SessionEndedRequest = serde_json::from_str(
    ///     r#"{"requestId":"r","reason":"ERROR","error":{"type":"INVALID_RESPONSE","message":"m"}}"#)?;
    /// assert_eq!(r.reason.as_deref(), Some("ERROR"));
    /// assert_eq!(r.error.unwrap().error_type, "INVALID_RESPONSE");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct SessionEndedRequest {
        /// `USER_INITIATED`, `ERROR` or `EXCEEDED_MAX_REPROMPTS`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub reason: Option<String>,
        /// What went wrong, when `reason` is `ERROR`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub error: Option<RequestError>,
    }
}

/// `{"type", "message"}`: an error Alexa reports to the skill.
///
/// ```
/// let e: alexa_kit::model::RequestError = serde_json::from_str(r#"{"type":"INTERNAL_SERVICE_ERROR"}"#)?;
/// assert_eq!(e.error_type, "INTERNAL_SERVICE_ERROR");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RequestError {
    /// The error type, e.g. `INVALID_RESPONSE`.
    #[serde(rename = "type", default)]
    pub error_type: String,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

request_struct! {
    /// `CanFulfillIntentRequest`: could the skill handle this intent? (Do not act on it.)
    ///
    /// ```
    /// let r: alexa_kit::model::CanFulfillIntentRequest = serde_json::from_str(
    ///     r#"{"requestId":"r","intent":{"name":"PlaySound","slots":{}}}"#)?;
    /// assert_eq!(r.intent.name, "PlaySound");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct CanFulfillIntentRequest {
        /// The dialog state, rarely present.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub dialog_state: Option<DialogState>,
        /// The intent Alexa is asking about.
        pub intent: Intent,
    }
}

/// `{"code", "message"}` where `code` arrives as a string (`"200"`) or a number (`200`).
///
/// ```
/// use alexa_kit::model::Status;
/// let a: Status = serde_json::from_str(r#"{"code":"200"}"#)?;
/// let b: Status = serde_json::from_str(r#"{"code":200}"#)?;
/// assert_eq!(a.code_number(), Some(200));
/// assert_eq!(b.code_number(), Some(200));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Status {
    /// The status code, as sent.
    #[serde(default)]
    pub code: Value,
    /// A message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

impl Status {
    /// The code as a number, whichever way it was sent.
    ///
    /// ```
    /// assert_eq!(alexa_kit::model::Status::default().code_number(), None);
    /// ```
    pub fn code_number(&self) -> Option<u16> {
        match &self.code {
            Value::Number(n) => n.as_u64().and_then(|n| u16::try_from(n).ok()),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }
}

request_struct! {
    /// `SessionResumedRequest`: the session continues after a Connections task.
    ///
    /// ```
    /// let r: alexa_kit::model::SessionResumedRequest = serde_json::from_str(
    ///     r#"{"requestId":"r","cause":{"type":"ConnectionCompleted","token":"t","status":{"code":200}}}"#)?;
    /// assert_eq!(r.cause.unwrap().token.as_deref(), Some("t"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct SessionResumedRequest {
        /// Why the session resumed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub cause: Option<Cause>,
    }
}

/// `SessionResumedRequest.cause`.
///
/// ```
/// let c: alexa_kit::model::Cause = serde_json::from_str(r#"{"type":"ConnectionCompleted"}"#)?;
/// assert_eq!(c.cause_type, "ConnectionCompleted");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Cause {
    /// `ConnectionCompleted`.
    #[serde(rename = "type", default)]
    pub cause_type: String,
    /// The token the skill sent with the connection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// The task's status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// The task's result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<Value>,
}

request_struct! {
    /// `System.ExceptionEncountered`: the skill's answer to an AudioPlayer or
    /// PlaybackController event was invalid. Any response is ignored.
    ///
    /// ```
    /// let r: alexa_kit::model::ExceptionEncounteredRequest = serde_json::from_str(
    ///     r#"{"requestId":"r","error":{"type":"INVALID_RESPONSE"},"cause":{"requestId":"r0"}}"#)?;
    /// assert_eq!(r.cause.unwrap().request_id.as_deref(), Some("r0"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct ExceptionEncounteredRequest {
        /// What went wrong.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub error: Option<RequestError>,
        /// The request whose answer failed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub cause: Option<ExceptionCause>,
    }
}

/// `System.ExceptionEncountered.cause`: `{"requestId"}`.
///
/// ```
/// let c: alexa_kit::model::ExceptionCause = serde_json::from_str(r#"{"requestId":"r"}"#)?;
/// assert_eq!(c.request_id.as_deref(), Some("r"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ExceptionCause {
    /// The id of the request whose answer failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// Which `AudioPlayer.*` event an [`AudioPlayerRequest`] is.
///
/// ```
/// use alexa_kit::model::AudioPlayerEvent;
/// assert_eq!(AudioPlayerEvent::PlaybackStarted.type_name(), "AudioPlayer.PlaybackStarted");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AudioPlayerEvent {
    /// `AudioPlayer.PlaybackStarted`.
    #[default]
    PlaybackStarted,
    /// `AudioPlayer.PlaybackFinished`.
    PlaybackFinished,
    /// `AudioPlayer.PlaybackStopped`.
    PlaybackStopped,
    /// `AudioPlayer.PlaybackNearlyFinished`.
    PlaybackNearlyFinished,
    /// `AudioPlayer.PlaybackFailed`.
    PlaybackFailed,
}

impl AudioPlayerEvent {
    const ALL: [AudioPlayerEvent; 5] = [
        AudioPlayerEvent::PlaybackStarted,
        AudioPlayerEvent::PlaybackFinished,
        AudioPlayerEvent::PlaybackStopped,
        AudioPlayerEvent::PlaybackNearlyFinished,
        AudioPlayerEvent::PlaybackFailed,
    ];

    /// The `request.type` of this event.
    ///
    /// ```
    /// use alexa_kit::model::AudioPlayerEvent;
    /// assert_eq!(AudioPlayerEvent::PlaybackFailed.type_name(), "AudioPlayer.PlaybackFailed");
    /// ```
    pub fn type_name(self) -> &'static str {
        match self {
            AudioPlayerEvent::PlaybackStarted => "AudioPlayer.PlaybackStarted",
            AudioPlayerEvent::PlaybackFinished => "AudioPlayer.PlaybackFinished",
            AudioPlayerEvent::PlaybackStopped => "AudioPlayer.PlaybackStopped",
            AudioPlayerEvent::PlaybackNearlyFinished => "AudioPlayer.PlaybackNearlyFinished",
            AudioPlayerEvent::PlaybackFailed => "AudioPlayer.PlaybackFailed",
        }
    }

    fn from_type_name(ty: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.type_name() == ty)
    }
}

request_struct! {
    /// An `AudioPlayer.*` event: playback started, finished, stopped, nearly finished or failed.
    ///
    /// ```
    /// use alexa_kit::model::{AudioPlayerEvent, Request, RequestEnvelope};
    /// let env = RequestEnvelope::from_json(r#"{"request":{"type":"AudioPlayer.PlaybackNearlyFinished",
    ///     "requestId":"r","token":"t","offsetInMilliseconds":100}}"#)?;
    /// let Request::AudioPlayer(r) = &env.request else { panic!() };
    /// assert_eq!(r.event, AudioPlayerEvent::PlaybackNearlyFinished);
    /// assert_eq!(r.token.as_deref(), Some("t"));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub struct AudioPlayerRequest {
        /// Which event (taken from `type`).
        #[serde(skip)]
        pub event: AudioPlayerEvent,
        /// The stream's token.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub token: Option<String>,
        /// The playback position.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub offset_in_milliseconds: Option<i64>,
        /// For `PlaybackFailed`: what went wrong.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub error: Option<RequestError>,
        /// For `PlaybackFailed`: the player's state when it failed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub current_playback_state: Option<super::AudioPlayerState>,
    }
}

/// Which `PlaybackController.*` command a [`PlaybackControllerRequest`] is.
///
/// ```
/// use alexa_kit::model::PlaybackCommand;
/// assert_eq!(PlaybackCommand::Next.type_name(), "PlaybackController.NextCommandIssued");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PlaybackCommand {
    /// `PlaybackController.PlayCommandIssued`.
    #[default]
    Play,
    /// `PlaybackController.PauseCommandIssued`.
    Pause,
    /// `PlaybackController.NextCommandIssued`.
    Next,
    /// `PlaybackController.PreviousCommandIssued`.
    Previous,
}

impl PlaybackCommand {
    const ALL: [PlaybackCommand; 4] = [
        PlaybackCommand::Play,
        PlaybackCommand::Pause,
        PlaybackCommand::Next,
        PlaybackCommand::Previous,
    ];

    /// The `request.type` of this command.
    ///
    /// ```
    /// use alexa_kit::model::PlaybackCommand;
    /// assert_eq!(PlaybackCommand::Play.type_name(), "PlaybackController.PlayCommandIssued");
    /// ```
    pub fn type_name(self) -> &'static str {
        match self {
            PlaybackCommand::Play => "PlaybackController.PlayCommandIssued",
            PlaybackCommand::Pause => "PlaybackController.PauseCommandIssued",
            PlaybackCommand::Next => "PlaybackController.NextCommandIssued",
            PlaybackCommand::Previous => "PlaybackController.PreviousCommandIssued",
        }
    }

    fn from_type_name(ty: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.type_name() == ty)
    }
}

request_struct! {
    /// A `PlaybackController.*` command from a button on the device or the app.
    ///
    /// ```
    /// use alexa_kit::model::{PlaybackCommand, Request, RequestEnvelope};
    /// let env = RequestEnvelope::from_json(
    ///     r#"{"request":{"type":"PlaybackController.PauseCommandIssued","requestId":"r"}}"#)?;
    /// let Request::PlaybackController(r) = &env.request else { panic!() };
    /// assert_eq!(r.command, PlaybackCommand::Pause);
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub struct PlaybackControllerRequest {
        /// Which command (taken from `type`).
        #[serde(skip)]
        pub command: PlaybackCommand,
    }
}

request_struct! {
    /// `Alexa.Presentation.APL.UserEvent`: the user touched an APL component.
    ///
    /// ```
    /// let r: alexa_kit::model::AplUserEventRequest = serde_json::from_str(
    ///     r#"{"requestId":"r","token":"t","arguments":["go",1],"source":{"type":"TouchWrapper"}}"#)?;
    /// assert_eq!(r.arguments.len(), 2);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct AplUserEventRequest {
        /// The document's token.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub token: Option<String>,
        /// The `SendEvent` command's arguments.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub arguments: Vec<Value>,
        /// The component that sent the event.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub source: Option<Value>,
        /// The values of components named in the `SendEvent` command.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub components: Option<Value>,
    }
}

request_struct! {
    /// `Alexa.Presentation.APL.LoadIndexListData`: a dynamic list wants more items.
    ///
    /// ```
    /// let r: alexa_kit::model::AplLoadIndexListDataRequest = serde_json::from_str(
    ///     r#"{"requestId":"r","listId":"l","startIndex":"10","count":5}"#)?;
    /// assert_eq!(r.start_index(), Some(10));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct AplLoadIndexListDataRequest {
        /// The document's token.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub token: Option<String>,
        /// Echo this back in `SendIndexListData`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub correlation_token: Option<String>,
        /// The list.
        #[serde(default)]
        pub list_id: String,
        /// The first index wanted (a number, or a numeric string in some captures).
        #[serde(default)]
        pub start_index: Value,
        /// How many items are wanted.
        #[serde(default)]
        pub count: Value,
    }
}

impl AplLoadIndexListDataRequest {
    /// `startIndex` as a number, whichever way it was sent.
    ///
    /// ```
    /// let r = alexa_kit::model::AplLoadIndexListDataRequest::default();
    /// assert_eq!(r.start_index(), None);
    /// ```
    pub fn start_index(&self) -> Option<i64> {
        number_or_string(&self.start_index)
    }

    /// `count` as a number, whichever way it was sent.
    ///
    /// ```
    /// let r = alexa_kit::model::AplLoadIndexListDataRequest::default();
    /// assert_eq!(r.count(), None);
    /// ```
    pub fn count(&self) -> Option<i64> {
        number_or_string(&self.count)
    }
}

fn number_or_string(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

request_struct! {
    /// `Display.ElementSelected`: the user selected an item of a legacy display template.
    ///
    /// ```
    /// let r: alexa_kit::model::DisplayElementSelectedRequest =
    ///     serde_json::from_str(r#"{"requestId":"r","token":"item-1"}"#)?;
    /// assert_eq!(r.token, "item-1");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct DisplayElementSelectedRequest {
        /// The selected element's token.
        #[serde(default)]
        pub token: String,
    }
}

request_struct! {
    /// `Connections.Response`: the result of a `Connections.SendRequest` (purchase, AskFor…).
    ///
    /// ```
    /// let r: alexa_kit::model::ConnectionsResponseRequest = serde_json::from_str(
    ///     r#"{"requestId":"r","name":"Buy","status":{"code":"200"},"payload":{"purchaseResult":"ACCEPTED"},"token":"t"}"#)?;
    /// assert_eq!(r.name.as_deref(), Some("Buy"));
    /// assert_eq!(r.status.unwrap().code_number(), Some(200));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct ConnectionsResponseRequest {
        /// `Buy`, `Upsell`, `Cancel`, `AskFor`, …
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub name: Option<String>,
        /// The outcome's status.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub status: Option<Status>,
        /// The outcome.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub payload: Option<Value>,
        /// The token the skill sent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub token: Option<String>,
    }
}

request_struct! {
    /// `Messaging.MessageReceived`: a message sent to the skill through the Skill Messaging API.
    ///
    /// ```
    /// let r: alexa_kit::model::MessageReceivedRequest =
    ///     serde_json::from_str(r#"{"requestId":"r","message":{"score":3}}"#)?;
    /// assert_eq!(r.message["score"], 3);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct MessageReceivedRequest {
        /// The message, as sent.
        #[serde(default)]
        pub message: Value,
    }
}

request_struct! {
    /// An `AlexaSkillEvent.*` event (skill enabled, disabled, account linked, permissions…).
    ///
    /// ```
    /// use alexa_kit::model::{Request, RequestEnvelope};
    /// let env = RequestEnvelope::from_json(r#"{"request":{"type":"AlexaSkillEvent.SkillEnabled",
    ///     "requestId":"r","eventCreationTime":"2024-01-01T00:00:00Z"}}"#)?;
    /// let Request::SkillEvent(e) = &env.request else { panic!() };
    /// assert_eq!(e.event, "SkillEnabled");
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub struct SkillEventRequest {
        /// The part of `type` after `AlexaSkillEvent.`, e.g. `SkillPermissionAccepted`.
        #[serde(skip)]
        pub event: String,
        /// The full `type` as parsed; see [`SkillEventRequest::type_name`].
        #[serde(skip)]
        type_name: String,
        /// When the event was created.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub event_creation_time: Option<String>,
        /// When the event was published.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub event_publishing_time: Option<String>,
        /// The event's body (accepted permissions, access token, subscriptions…).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub body: Option<Value>,
    }
}

const SKILL_EVENT_TYPES: [&str; 7] = [
    "AlexaSkillEvent.SkillEnabled",
    "AlexaSkillEvent.SkillDisabled",
    "AlexaSkillEvent.SkillAccountLinked",
    "AlexaSkillEvent.SkillPermissionAccepted",
    "AlexaSkillEvent.SkillPermissionChanged",
    "AlexaSkillEvent.ProactiveSubscriptionChanged",
    "AlexaSkillEvent.NotificationSubscriptionChanged",
];

impl SkillEventRequest {
    /// A skill event with `event` as the part after `AlexaSkillEvent.`.
    ///
    /// ```
    /// let e = alexa_kit::model::SkillEventRequest::new("SkillDisabled");
    /// assert_eq!(e.event, "SkillDisabled");
    /// assert_eq!(e.type_name(), "AlexaSkillEvent.SkillDisabled");
    /// ```
    pub fn new(event: impl Into<String>) -> Self {
        let event = event.into();
        SkillEventRequest {
            type_name: format!("{SKILL_EVENT_PREFIX}{event}"),
            event,
            ..SkillEventRequest::default()
        }
    }

    /// The full `request.type`, e.g. `"AlexaSkillEvent.SkillEnabled"`.
    ///
    /// It is derived from [`event`](Self::event). If `event` was changed after
    /// parsing to a name alexa-kit does not know, this returns the bare
    /// `"AlexaSkillEvent"`; serialization always writes `AlexaSkillEvent.<event>`.
    ///
    /// ```
    /// use alexa_kit::model::{Request, RequestEnvelope};
    /// let env = RequestEnvelope::from_json(
    ///     r#"{"request":{"type":"AlexaSkillEvent.SkillAccountLinked","requestId":"r"}}"#)?;
    /// let Request::SkillEvent(e) = &env.request else { panic!() };
    /// assert_eq!(e.type_name(), "AlexaSkillEvent.SkillAccountLinked");
    /// assert_eq!(env.request.type_name(), "AlexaSkillEvent.SkillAccountLinked");
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn type_name(&self) -> &str {
        if self.type_name.strip_prefix(SKILL_EVENT_PREFIX) == Some(self.event.as_str()) {
            return &self.type_name;
        }
        SKILL_EVENT_TYPES
            .into_iter()
            .find(|t| t.strip_prefix(SKILL_EVENT_PREFIX) == Some(self.event.as_str()))
            .unwrap_or("AlexaSkillEvent")
    }
}

request_struct! {
    /// `Alexa.Presentation.APL.RuntimeError`: an APL document reported errors
    /// (for example a dynamic list that received bad data).
    ///
    /// ```
    /// let r: alexa_kit::model::AplRuntimeErrorRequest = serde_json::from_str(
    ///     r#"{"requestId":"r","token":"doc","errors":[{"type":"LIST_ERROR","reason":"INVALID_LIST_ID",
    ///     "listId":"l","message":"no such list"}]}"#)?;
    /// assert_eq!(r.errors[0].reason.as_deref(), Some("INVALID_LIST_ID"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct AplRuntimeErrorRequest {
        /// The token of the document that failed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub token: Option<String>,
        /// What went wrong.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub errors: Vec<AplRuntimeError>,
    }
}

/// One entry of an [`AplRuntimeErrorRequest`]'s `errors`.
///
/// ```
/// let e: alexa_kit::model::AplRuntimeError = serde_json::from_str(
///     r#"{"type":"LIST_ERROR","reason":"DUPLICATE_LIST_VERSION","listVersion":3,"operationIndex":0}"#)?;
/// assert_eq!(e.error_type, "LIST_ERROR");
/// assert_eq!(e.list_version, Some(3));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AplRuntimeError {
    /// The error class, e.g. `LIST_ERROR`.
    #[serde(rename = "type", default)]
    pub error_type: String,
    /// The specific reason, e.g. `INVALID_LIST_ID`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The list concerned, for list errors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_id: Option<String>,
    /// The list version concerned, for list errors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_version: Option<i64>,
    /// The failing operation's index, for `UpdateIndexListData` errors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation_index: Option<i64>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// A request of a type alexa-kit does not model: its `type` and the raw JSON.
///
/// ```
/// use alexa_kit::model::{Request, RequestEnvelope};
/// let env = RequestEnvelope::from_json(r#"{"request":{"type":"Reminders.ReminderCreated","requestId":"r","body":{"a":1}}}"#)?;
/// let Request::Unknown(u) = &env.request else { panic!() };
/// assert_eq!(u.type_name, "Reminders.ReminderCreated");
/// assert_eq!(u.raw["body"]["a"], 1);
/// # Ok::<(), alexa_kit::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct UnknownRequest {
    /// `request.type` as sent (empty if there was none).
    pub type_name: String,
    /// The whole `request` object.
    pub raw: Value,
}

/// `request`: one of the request types Alexa sends, tagged by `type`.
///
/// Anything alexa-kit does not model parses into [`Request::Unknown`] with
/// its raw JSON; a known type with a malformed field is an error naming the
/// field.
///
/// ```
/// use alexa_kit::model::Request;
/// let r: Request = serde_json::from_str(r#"{"type":"SessionEndedRequest","requestId":"r","reason":"USER_INITIATED"}"#)?;
/// assert_eq!(r.type_name(), "SessionEndedRequest");
/// assert_eq!(r.request_id(), "r");
/// // A known type with a bad field is an error, not `Unknown`;
/// // `RequestEnvelope::from_slice` names its path.
/// let bad = serde_json::from_str::<Request>(r#"{"type":"IntentRequest","intent":{"name":1}}"#);
/// assert!(bad.unwrap_err().to_string().contains("invalid type: integer `1`"));
/// let err = alexa_kit::model::RequestEnvelope::from_json(
///     r#"{"request":{"type":"IntentRequest","intent":{"name":1}}}"#).unwrap_err();
/// assert!(err.to_string().contains("at `request.intent.name`: invalid type"), "{err}");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Request {
    /// `LaunchRequest`.
    Launch(LaunchRequest),
    /// `IntentRequest`.
    Intent(IntentRequest),
    /// `SessionEndedRequest`.
    SessionEnded(SessionEndedRequest),
    /// `CanFulfillIntentRequest`.
    CanFulfillIntent(CanFulfillIntentRequest),
    /// `SessionResumedRequest`.
    SessionResumed(SessionResumedRequest),
    /// `System.ExceptionEncountered`.
    ExceptionEncountered(ExceptionEncounteredRequest),
    /// `AudioPlayer.*`.
    AudioPlayer(AudioPlayerRequest),
    /// `PlaybackController.*`.
    PlaybackController(PlaybackControllerRequest),
    /// `Alexa.Presentation.APL.UserEvent`.
    AplUserEvent(AplUserEventRequest),
    /// `Alexa.Presentation.APL.LoadIndexListData`.
    AplLoadIndexListData(AplLoadIndexListDataRequest),
    /// `Alexa.Presentation.APL.RuntimeError`.
    AplRuntimeError(AplRuntimeErrorRequest),
    /// `Display.ElementSelected`.
    DisplayElementSelected(DisplayElementSelectedRequest),
    /// `Connections.Response`.
    ConnectionsResponse(ConnectionsResponseRequest),
    /// `Messaging.MessageReceived`.
    MessageReceived(MessageReceivedRequest),
    /// `AlexaSkillEvent.*`.
    SkillEvent(SkillEventRequest),
    /// Any other type, kept as raw JSON.
    Unknown(UnknownRequest),
}

const SKILL_EVENT_PREFIX: &str = "AlexaSkillEvent.";

impl Request {
    /// The `request.type` string, e.g. `"IntentRequest"` or `"AudioPlayer.PlaybackStarted"`.
    ///
    /// ```
    /// use alexa_kit::model::{LaunchRequest, Request};
    /// assert_eq!(Request::Launch(LaunchRequest::default()).type_name(), "LaunchRequest");
    /// ```
    pub fn type_name(&self) -> &str {
        match self {
            Request::Launch(_) => "LaunchRequest",
            Request::Intent(_) => "IntentRequest",
            Request::SessionEnded(_) => "SessionEndedRequest",
            Request::CanFulfillIntent(_) => "CanFulfillIntentRequest",
            Request::SessionResumed(_) => "SessionResumedRequest",
            Request::ExceptionEncountered(_) => "System.ExceptionEncountered",
            Request::AudioPlayer(r) => r.event.type_name(),
            Request::PlaybackController(r) => r.command.type_name(),
            Request::AplUserEvent(_) => "Alexa.Presentation.APL.UserEvent",
            Request::AplLoadIndexListData(_) => "Alexa.Presentation.APL.LoadIndexListData",
            Request::DisplayElementSelected(_) => "Display.ElementSelected",
            Request::ConnectionsResponse(_) => "Connections.Response",
            Request::MessageReceived(_) => "Messaging.MessageReceived",
            Request::AplRuntimeError(_) => "Alexa.Presentation.APL.RuntimeError",
            Request::SkillEvent(r) => r.type_name(),
            Request::Unknown(u) => &u.type_name,
        }
    }

    /// `request.requestId` (empty if absent).
    ///
    /// ```
    /// use alexa_kit::model::{LaunchRequest, Request};
    /// assert_eq!(Request::Launch(LaunchRequest::default()).request_id(), "");
    /// ```
    pub fn request_id(&self) -> &str {
        self.common().0
    }

    /// `request.locale`, if sent.
    ///
    /// ```
    /// use alexa_kit::model::{LaunchRequest, Request};
    /// assert_eq!(Request::Launch(LaunchRequest::default()).locale(), None);
    /// ```
    pub fn locale(&self) -> Option<&str> {
        self.common().1
    }

    /// `request.timestamp`, if sent.
    ///
    /// ```
    /// use alexa_kit::model::{LaunchRequest, Request};
    /// assert!(Request::Launch(LaunchRequest::default()).timestamp().is_none());
    /// ```
    pub fn timestamp(&self) -> Option<&Timestamp> {
        self.common().2
    }

    /// The intent of an `IntentRequest` or `CanFulfillIntentRequest`.
    ///
    /// ```
    /// use alexa_kit::model::Request;
    /// let r: Request = serde_json::from_str(r#"{"type":"IntentRequest","intent":{"name":"X"}}"#)?;
    /// assert_eq!(r.intent().unwrap().name, "X");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn intent(&self) -> Option<&Intent> {
        match self {
            Request::Intent(r) => Some(&r.intent),
            Request::CanFulfillIntent(r) => Some(&r.intent),
            _ => None,
        }
    }

    /// The dialog state of an `IntentRequest`, if the skill has a dialog model.
    ///
    /// ```
    /// use alexa_kit::model::{DialogState, Request};
    /// let r: Request = serde_json::from_str(r#"{"type":"IntentRequest","dialogState":"COMPLETED","intent":{"name":"X"}}"#)?;
    /// assert_eq!(r.dialog_state(), Some(DialogState::Completed));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn dialog_state(&self) -> Option<DialogState> {
        match self {
            Request::Intent(r) => r.dialog_state.clone(),
            Request::CanFulfillIntent(r) => r.dialog_state.clone(),
            _ => None,
        }
    }

    /// Sets the fields every request shares (for request builders). On an
    /// unknown request they go into its raw JSON; `None` leaves a field alone.
    pub(crate) fn set_common(
        &mut self,
        request_id: Option<String>,
        timestamp: Option<Timestamp>,
        locale: Option<String>,
    ) {
        macro_rules! set {
            ($r:expr) => {{
                if let Some(id) = request_id {
                    $r.request_id = id;
                }
                if timestamp.is_some() {
                    $r.timestamp = timestamp;
                }
                if locale.is_some() {
                    $r.locale = locale;
                }
            }};
        }
        match self {
            Request::Launch(r) => set!(r),
            Request::Intent(r) => set!(r),
            Request::SessionEnded(r) => set!(r),
            Request::CanFulfillIntent(r) => set!(r),
            Request::SessionResumed(r) => set!(r),
            Request::ExceptionEncountered(r) => set!(r),
            Request::AudioPlayer(r) => set!(r),
            Request::PlaybackController(r) => set!(r),
            Request::AplUserEvent(r) => set!(r),
            Request::AplLoadIndexListData(r) => set!(r),
            Request::DisplayElementSelected(r) => set!(r),
            Request::ConnectionsResponse(r) => set!(r),
            Request::MessageReceived(r) => set!(r),
            Request::AplRuntimeError(r) => set!(r),
            Request::SkillEvent(r) => set!(r),
            Request::Unknown(u) => {
                if let Value::Object(m) = &mut u.raw {
                    if let Some(id) = request_id {
                        m.insert("requestId".to_owned(), Value::from(id));
                    }
                    if let Some(t) = timestamp {
                        m.insert("timestamp".to_owned(), Value::from(t.to_string()));
                    }
                    if let Some(l) = locale {
                        m.insert("locale".to_owned(), Value::from(l));
                    }
                }
            }
        }
    }

    fn common(&self) -> (&str, Option<&str>, Option<&Timestamp>) {
        macro_rules! c {
            ($r:expr) => {
                (
                    $r.request_id.as_str(),
                    $r.locale.as_deref(),
                    $r.timestamp.as_ref(),
                )
            };
        }
        match self {
            Request::Launch(r) => c!(r),
            Request::Intent(r) => c!(r),
            Request::SessionEnded(r) => c!(r),
            Request::CanFulfillIntent(r) => c!(r),
            Request::SessionResumed(r) => c!(r),
            Request::ExceptionEncountered(r) => c!(r),
            Request::AudioPlayer(r) => c!(r),
            Request::PlaybackController(r) => c!(r),
            Request::AplUserEvent(r) => c!(r),
            Request::AplLoadIndexListData(r) => c!(r),
            Request::DisplayElementSelected(r) => c!(r),
            Request::ConnectionsResponse(r) => c!(r),
            Request::MessageReceived(r) => c!(r),
            Request::AplRuntimeError(r) => c!(r),
            Request::SkillEvent(r) => c!(r),
            Request::Unknown(u) => (
                u.raw.get("requestId").and_then(Value::as_str).unwrap_or(""),
                u.raw.get("locale").and_then(Value::as_str),
                None,
            ),
        }
    }
}

impl<'de> Deserialize<'de> for Request {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_tagged(deserializer)
    }
}

impl Tagged for Request {
    const EXPECTING: &'static str = "an Alexa request object with a `type`";

    fn from_tagged<'de, A: MapAccess<'de>>(
        tag: Option<std::borrow::Cow<'de, str>>,
        rest: Rest<'de, A>,
    ) -> Result<Self, A::Error> {
        let Some(ty) = tag else {
            return Ok(Request::Unknown(UnknownRequest {
                type_name: String::new(),
                raw: rest.into_raw(None)?,
            }));
        };
        Ok(match &*ty {
            "IntentRequest" => Request::Intent(rest.parse()?),
            "LaunchRequest" => Request::Launch(rest.parse()?),
            "SessionEndedRequest" => Request::SessionEnded(rest.parse()?),
            "CanFulfillIntentRequest" => Request::CanFulfillIntent(rest.parse()?),
            "SessionResumedRequest" => Request::SessionResumed(rest.parse()?),
            "System.ExceptionEncountered" => Request::ExceptionEncountered(rest.parse()?),
            "Alexa.Presentation.APL.UserEvent" => Request::AplUserEvent(rest.parse()?),
            "Alexa.Presentation.APL.RuntimeError" => Request::AplRuntimeError(rest.parse()?),
            "Alexa.Presentation.APL.LoadIndexListData" => {
                Request::AplLoadIndexListData(rest.parse()?)
            }
            "Display.ElementSelected" => Request::DisplayElementSelected(rest.parse()?),
            "Connections.Response" => Request::ConnectionsResponse(rest.parse()?),
            "Messaging.MessageReceived" => Request::MessageReceived(rest.parse()?),
            t => {
                if let Some(event) = AudioPlayerEvent::from_type_name(t) {
                    let mut r: AudioPlayerRequest = rest.parse()?;
                    r.event = event;
                    Request::AudioPlayer(r)
                } else if let Some(command) = PlaybackCommand::from_type_name(t) {
                    let mut r: PlaybackControllerRequest = rest.parse()?;
                    r.command = command;
                    Request::PlaybackController(r)
                } else if let Some(event) = t.strip_prefix(SKILL_EVENT_PREFIX) {
                    let mut r: SkillEventRequest = rest.parse()?;
                    r.event = event.to_owned();
                    r.type_name = ty.into_owned();
                    Request::SkillEvent(r)
                } else {
                    Request::Unknown(UnknownRequest {
                        raw: rest.into_raw(Some(ty.clone()))?,
                        type_name: ty.into_owned(),
                    })
                }
            }
        })
    }
}

impl Serialize for Request {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Request::Launch(r) => with_type(self.type_name(), r, serializer),
            Request::Intent(r) => with_type(self.type_name(), r, serializer),
            Request::SessionEnded(r) => with_type(self.type_name(), r, serializer),
            Request::CanFulfillIntent(r) => with_type(self.type_name(), r, serializer),
            Request::SessionResumed(r) => with_type(self.type_name(), r, serializer),
            Request::ExceptionEncountered(r) => with_type(self.type_name(), r, serializer),
            Request::AudioPlayer(r) => with_type(self.type_name(), r, serializer),
            Request::PlaybackController(r) => with_type(self.type_name(), r, serializer),
            Request::AplUserEvent(r) => with_type(self.type_name(), r, serializer),
            Request::AplLoadIndexListData(r) => with_type(self.type_name(), r, serializer),
            Request::AplRuntimeError(r) => with_type(self.type_name(), r, serializer),
            Request::DisplayElementSelected(r) => with_type(self.type_name(), r, serializer),
            Request::ConnectionsResponse(r) => with_type(self.type_name(), r, serializer),
            Request::MessageReceived(r) => with_type(self.type_name(), r, serializer),
            Request::SkillEvent(r) => {
                with_type(&format!("{SKILL_EVENT_PREFIX}{}", r.event), r, serializer)
            }
            Request::Unknown(u) => u.raw.serialize(serializer),
        }
    }
}
