//! Directives: what the response asks the device to do.

use serde::de::MapAccess;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use super::Intent;
use super::tagged::{Rest, Tagged, deserialize_tagged, with_type};

/// Declares a directive payload struct (its fields, without `type`).
macro_rules! directive_struct {
    (
        $(#[$meta:meta])*
        pub struct $name:ident { $( $(#[$fmeta:meta])* pub $field:ident : $ty:ty, )* }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        #[serde(rename_all = "camelCase")]
        #[non_exhaustive]
        pub struct $name { $( $(#[$fmeta])* pub $field: $ty, )* }
    };
}

directive_struct! {
    /// `Dialog.Delegate`: let Alexa drive the dialog model's next turn.
    ///
    /// ```
    /// let d = alexa_kit::model::DialogDelegate::default();
    /// assert!(d.updated_intent.is_none());
    /// ```
    pub struct DialogDelegate {
        /// The intent with changed slot values.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub updated_intent: Option<Intent>,
    }
}

directive_struct! {
    /// `Dialog.ElicitSlot`: ask the user for one slot's value.
    ///
    /// ```
    /// let d: alexa_kit::model::DialogElicitSlot = serde_json::from_str(r#"{"slotToElicit":"city"}"#)?;
    /// assert_eq!(d.slot_to_elicit, "city");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct DialogElicitSlot {
        /// The slot to ask for.
        #[serde(default)]
        pub slot_to_elicit: String,
        /// The intent with changed slot values.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub updated_intent: Option<Intent>,
    }
}

directive_struct! {
    /// `Dialog.ConfirmSlot`: ask the user to confirm one slot's value.
    ///
    /// ```
    /// let d: alexa_kit::model::DialogConfirmSlot = serde_json::from_str(r#"{"slotToConfirm":"date"}"#)?;
    /// assert_eq!(d.slot_to_confirm, "date");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct DialogConfirmSlot {
        /// The slot to confirm.
        #[serde(default)]
        pub slot_to_confirm: String,
        /// The intent with changed slot values.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub updated_intent: Option<Intent>,
    }
}

directive_struct! {
    /// `Dialog.ConfirmIntent`: ask the user to confirm the whole intent.
    ///
    /// ```
    /// let d = alexa_kit::model::DialogConfirmIntent::default();
    /// assert!(d.updated_intent.is_none());
    /// ```
    pub struct DialogConfirmIntent {
        /// The intent with changed slot values.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub updated_intent: Option<Intent>,
    }
}

directive_struct! {
    /// `Dialog.UpdateDynamicEntities`: replace or clear slot values for this session.
    ///
    /// ```
    /// let d: alexa_kit::model::DialogUpdateDynamicEntities =
    ///     serde_json::from_str(r#"{"updateBehavior":"CLEAR"}"#)?;
    /// assert_eq!(d.update_behavior, "CLEAR");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct DialogUpdateDynamicEntities {
        /// `REPLACE` or `CLEAR`.
        #[serde(default)]
        pub update_behavior: String,
        /// The slot types and their values (for `REPLACE`).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub types: Vec<Value>,
    }
}

directive_struct! {
    /// `Dialog.DelegateRequest`: hand the conversation to Alexa Conversations or back.
    ///
    /// ```
    /// let d: alexa_kit::model::DialogDelegateRequest =
    ///     serde_json::from_str(r#"{"target":"AMAZON.Conversations","period":{"until":"EXPLICIT_RETURN"}}"#)?;
    /// assert_eq!(d.target, "AMAZON.Conversations");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct DialogDelegateRequest {
        /// `AMAZON.Conversations` or `skill`.
        #[serde(default)]
        pub target: String,
        /// `{"until": "EXPLICIT_RETURN" | "NEXT_TURN"}`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub period: Option<Value>,
        /// The request to hand over.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub updated_request: Option<Value>,
    }
}

directive_struct! {
    /// `AudioPlayer.Play`: play (or enqueue) an audio stream.
    ///
    /// ```
    /// let d: alexa_kit::model::AudioPlayerPlay = serde_json::from_str(r#"{"playBehavior":"REPLACE_ALL",
    ///   "audioItem":{"stream":{"url":"https://x/a.mp3","token":"t","offsetInMilliseconds":0}}}"#)?;
    /// assert_eq!(d.audio_item.stream.token, "t");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct AudioPlayerPlay {
        /// How this stream relates to the queue.
        #[serde(default = "default_play_behavior")]
        pub play_behavior: super::PlayBehavior,
        /// The stream and its metadata.
        #[serde(default)]
        pub audio_item: AudioItem,
    }
}

fn default_play_behavior() -> super::PlayBehavior {
    super::PlayBehavior::ReplaceAll
}

directive_struct! {
    /// `audioItem` of an `AudioPlayer.Play` directive.
    ///
    /// ```
    /// let a = alexa_kit::model::AudioItem::default();
    /// assert!(a.metadata.is_none());
    /// ```
    pub struct AudioItem {
        /// The stream.
        #[serde(default)]
        pub stream: AudioStream,
        /// Title, subtitle and art shown on screens.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub metadata: Option<Value>,
    }
}

directive_struct! {
    /// `audioItem.stream`.
    ///
    /// ```
    /// let s = alexa_kit::model::AudioStream::default();
    /// assert_eq!(s.offset_in_milliseconds, 0);
    /// ```
    pub struct AudioStream {
        /// HTTPS URL of the audio.
        #[serde(default)]
        pub url: String,
        /// The stream's token, echoed in AudioPlayer events.
        #[serde(default)]
        pub token: String,
        /// Required with `ENQUEUE`: the token of the stream playing now.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub expected_previous_token: Option<String>,
        /// Where to start.
        #[serde(default)]
        pub offset_in_milliseconds: i64,
        /// WebVTT captions.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub caption_data: Option<Value>,
    }
}

directive_struct! {
    /// `AudioPlayer.ClearQueue`.
    ///
    /// ```
    /// let d: alexa_kit::model::AudioPlayerClearQueue = serde_json::from_str(r#"{"clearBehavior":"CLEAR_ALL"}"#)?;
    /// assert_eq!(d.clear_behavior, "CLEAR_ALL");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct AudioPlayerClearQueue {
        /// `CLEAR_ENQUEUED` or `CLEAR_ALL`.
        #[serde(default)]
        pub clear_behavior: String,
    }
}

directive_struct! {
    /// `VideoApp.Launch`: play a video on a screen device.
    ///
    /// ```
    /// let d: alexa_kit::model::VideoAppLaunch =
    ///     serde_json::from_str(r#"{"videoItem":{"source":"https://x/v.mp4"}}"#)?;
    /// assert_eq!(d.video_item.source, "https://x/v.mp4");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct VideoAppLaunch {
        /// The video.
        #[serde(default)]
        pub video_item: VideoItem,
    }
}

directive_struct! {
    /// `videoItem` of a `VideoApp.Launch` directive.
    ///
    /// ```
    /// let v = alexa_kit::model::VideoItem::default();
    /// assert!(v.metadata.is_none());
    /// ```
    pub struct VideoItem {
        /// HTTPS URL of the video.
        #[serde(default)]
        pub source: String,
        /// `{title?, subtitle?}`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub metadata: Option<Value>,
    }
}

directive_struct! {
    /// `Alexa.Presentation.APL.RenderDocument`: show an APL document.
    ///
    /// ```
    /// let d: alexa_kit::model::AplRenderDocument =
    ///     serde_json::from_str(r#"{"token":"t","document":{"type":"APL","version":"2023.2"}}"#)?;
    /// assert_eq!(d.token, "t");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct AplRenderDocument {
        /// Names this document for later commands and events.
        #[serde(default)]
        pub token: String,
        /// The APL document, or a `Link` to a saved one.
        #[serde(default)]
        pub document: Value,
        /// Data bound into the document.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub datasources: Option<Value>,
        /// Additional sources.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub sources: Option<Value>,
        /// Packages to import.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub packages: Option<Value>,
    }
}

directive_struct! {
    /// `Alexa.Presentation.APL.ExecuteCommands`: run commands in a rendered document.
    ///
    /// ```
    /// let d: alexa_kit::model::AplExecuteCommands =
    ///     serde_json::from_str(r#"{"token":"t","commands":[{"type":"Idle"}]}"#)?;
    /// assert!(d.commands.is_array());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct AplExecuteCommands {
        /// The RenderDocument token.
        #[serde(default)]
        pub token: String,
        /// The commands (an array; APL also accepts a single object).
        #[serde(default)]
        pub commands: Value,
    }
}

directive_struct! {
    /// `Connections.SendRequest`: in-skill purchasing (`Buy`, `Upsell`, `Cancel`) and `AskFor`.
    ///
    /// ```
    /// let d: alexa_kit::model::ConnectionsSendRequest = serde_json::from_str(
    ///     r#"{"name":"Buy","payload":{"InSkillProduct":{"productId":"p"}},"token":"t"}"#)?;
    /// assert_eq!(d.name, "Buy");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct ConnectionsSendRequest {
        /// `Buy`, `Upsell`, `Cancel`, `AskFor`, …
        #[serde(default)]
        pub name: String,
        /// The request's payload.
        #[serde(default)]
        pub payload: Value,
        /// Echoed back in `Connections.Response`.
        #[serde(default)]
        pub token: String,
    }
}

directive_struct! {
    /// `Connections.StartConnection`: start a Skill Connections task.
    ///
    /// ```
    /// let d: alexa_kit::model::ConnectionsStartConnection = serde_json::from_str(
    ///     r#"{"uri":"connection://AMAZON.PrintPDF/1","onCompletion":"RESUME_SESSION","token":"t"}"#)?;
    /// assert_eq!(d.on_completion.as_deref(), Some("RESUME_SESSION"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct ConnectionsStartConnection {
        /// `connection://<provider>/<version>`.
        #[serde(default)]
        pub uri: String,
        /// `RESUME_SESSION` or `SEND_ERRORS_ONLY`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub on_completion: Option<String>,
        /// The task's input.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub input: Option<Value>,
        /// Echoed back in `SessionResumedRequest`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub token: Option<String>,
    }
}

/// A directive in `response.directives`, tagged by `type`.
///
/// Types alexa-kit does not model are kept as [`Directive::Raw`] JSON, both
/// when parsing and when a skill adds one to a
/// [`ResponseBuilder`](crate::response::ResponseBuilder) as raw JSON. A
/// directive without `type` is `Raw` too.
///
/// ```
/// use alexa_kit::model::Directive;
/// let d: Directive = serde_json::from_str(r#"{"type":"Dialog.ElicitSlot","slotToElicit":"city"}"#)?;
/// assert_eq!(d.type_name(), "Dialog.ElicitSlot");
/// let raw: Directive = serde_json::from_str(r#"{"type":"GadgetController.SetLight","version":1}"#)?;
/// assert!(matches!(raw, Directive::Raw(_)));
/// assert_eq!(serde_json::to_string(&raw)?, r#"{"type":"GadgetController.SetLight","version":1}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Directive {
    /// `Dialog.Delegate`.
    DialogDelegate(DialogDelegate),
    /// `Dialog.ElicitSlot`.
    DialogElicitSlot(DialogElicitSlot),
    /// `Dialog.ConfirmSlot`.
    DialogConfirmSlot(DialogConfirmSlot),
    /// `Dialog.ConfirmIntent`.
    DialogConfirmIntent(DialogConfirmIntent),
    /// `Dialog.UpdateDynamicEntities`.
    DialogUpdateDynamicEntities(DialogUpdateDynamicEntities),
    /// `Dialog.DelegateRequest`.
    DialogDelegateRequest(DialogDelegateRequest),
    /// `AudioPlayer.Play`.
    AudioPlayerPlay(AudioPlayerPlay),
    /// `AudioPlayer.Stop`.
    AudioPlayerStop,
    /// `AudioPlayer.ClearQueue`.
    AudioPlayerClearQueue(AudioPlayerClearQueue),
    /// `VideoApp.Launch`.
    VideoAppLaunch(VideoAppLaunch),
    /// `Alexa.Presentation.APL.RenderDocument`.
    AplRenderDocument(AplRenderDocument),
    /// `Alexa.Presentation.APL.ExecuteCommands`.
    AplExecuteCommands(AplExecuteCommands),
    /// `Connections.SendRequest`.
    ConnectionsSendRequest(ConnectionsSendRequest),
    /// `Connections.StartConnection`.
    ConnectionsStartConnection(ConnectionsStartConnection),
    /// Any other directive, kept as raw JSON (serialized exactly as given).
    Raw(Value),
}

impl Directive {
    /// The directive's `type` (for `Raw`, its `type` field, or `""`).
    ///
    /// ```
    /// assert_eq!(alexa_kit::model::Directive::AudioPlayerStop.type_name(), "AudioPlayer.Stop");
    /// ```
    pub fn type_name(&self) -> &str {
        match self {
            Directive::DialogDelegate(_) => "Dialog.Delegate",
            Directive::DialogElicitSlot(_) => "Dialog.ElicitSlot",
            Directive::DialogConfirmSlot(_) => "Dialog.ConfirmSlot",
            Directive::DialogConfirmIntent(_) => "Dialog.ConfirmIntent",
            Directive::DialogUpdateDynamicEntities(_) => "Dialog.UpdateDynamicEntities",
            Directive::DialogDelegateRequest(_) => "Dialog.DelegateRequest",
            Directive::AudioPlayerPlay(_) => "AudioPlayer.Play",
            Directive::AudioPlayerStop => "AudioPlayer.Stop",
            Directive::AudioPlayerClearQueue(_) => "AudioPlayer.ClearQueue",
            Directive::VideoAppLaunch(_) => "VideoApp.Launch",
            Directive::AplRenderDocument(_) => "Alexa.Presentation.APL.RenderDocument",
            Directive::AplExecuteCommands(_) => "Alexa.Presentation.APL.ExecuteCommands",
            Directive::ConnectionsSendRequest(_) => "Connections.SendRequest",
            Directive::ConnectionsStartConnection(_) => "Connections.StartConnection",
            Directive::Raw(v) => v.get("type").and_then(Value::as_str).unwrap_or(""),
        }
    }

    /// Whether this is one of the `Dialog.*` directives.
    ///
    /// ```
    /// use alexa_kit::model::{Directive, DialogDelegate};
    /// assert!(Directive::DialogDelegate(DialogDelegate::default()).is_dialog());
    /// ```
    pub fn is_dialog(&self) -> bool {
        self.type_name().starts_with("Dialog.")
    }
}

impl<'de> Deserialize<'de> for Directive {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_tagged(deserializer)
    }
}

impl Tagged for Directive {
    const EXPECTING: &'static str = "a directive object";

    fn from_tagged<'de, A: MapAccess<'de>>(
        tag: Option<std::borrow::Cow<'de, str>>,
        rest: Rest<'de, A>,
    ) -> Result<Self, A::Error> {
        let t = tag.as_deref().unwrap_or("");
        Ok(match t {
            "Dialog.Delegate" => Directive::DialogDelegate(rest.parse()?),
            "Dialog.ElicitSlot" => Directive::DialogElicitSlot(rest.parse()?),
            "Dialog.ConfirmSlot" => Directive::DialogConfirmSlot(rest.parse()?),
            "Dialog.ConfirmIntent" => Directive::DialogConfirmIntent(rest.parse()?),
            "Dialog.UpdateDynamicEntities" => Directive::DialogUpdateDynamicEntities(rest.parse()?),
            "Dialog.DelegateRequest" => Directive::DialogDelegateRequest(rest.parse()?),
            "AudioPlayer.Play" => Directive::AudioPlayerPlay(rest.parse()?),
            "AudioPlayer.Stop" => {
                // No fields of its own; anything else is dropped like unknown keys.
                rest.parse::<serde::de::IgnoredAny>()?;
                Directive::AudioPlayerStop
            }
            "AudioPlayer.ClearQueue" => Directive::AudioPlayerClearQueue(rest.parse()?),
            "VideoApp.Launch" => Directive::VideoAppLaunch(rest.parse()?),
            "Alexa.Presentation.APL.RenderDocument" => Directive::AplRenderDocument(rest.parse()?),
            "Alexa.Presentation.APL.ExecuteCommands" => {
                Directive::AplExecuteCommands(rest.parse()?)
            }
            "Connections.SendRequest" => Directive::ConnectionsSendRequest(rest.parse()?),
            "Connections.StartConnection" => Directive::ConnectionsStartConnection(rest.parse()?),
            _ => Directive::Raw(rest.into_raw(tag)?),
        })
    }
}

impl Serialize for Directive {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let t = self.type_name();
        match self {
            Directive::DialogDelegate(d) => with_type(t, d, serializer),
            Directive::DialogElicitSlot(d) => with_type(t, d, serializer),
            Directive::DialogConfirmSlot(d) => with_type(t, d, serializer),
            Directive::DialogConfirmIntent(d) => with_type(t, d, serializer),
            Directive::DialogUpdateDynamicEntities(d) => with_type(t, d, serializer),
            Directive::DialogDelegateRequest(d) => with_type(t, d, serializer),
            Directive::AudioPlayerPlay(d) => with_type(t, d, serializer),
            Directive::AudioPlayerStop => with_type(t, &(), serializer),
            Directive::AudioPlayerClearQueue(d) => with_type(t, d, serializer),
            Directive::VideoAppLaunch(d) => with_type(t, d, serializer),
            Directive::AplRenderDocument(d) => with_type(t, d, serializer),
            Directive::AplExecuteCommands(d) => with_type(t, d, serializer),
            Directive::ConnectionsSendRequest(d) => with_type(t, d, serializer),
            Directive::ConnectionsStartConnection(d) => with_type(t, d, serializer),
            Directive::Raw(v) => v.serialize(serializer),
        }
    }
}
