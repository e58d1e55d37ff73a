//! The response envelope: speech, cards, reprompt, session end and directives.

use std::collections::HashMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use super::Directive;

/// What a skill answers: `version`, `sessionAttributes`, `userAgent` and `response`.
///
/// ```
/// use alexa_kit::model::{OutputSpeech, Response, ResponseEnvelope, ShouldEndSession};
/// let mut response = Response::default();
/// response.output_speech = Some(OutputSpeech::plain("Hello!"));
/// response.should_end_session = ShouldEndSession::End;
/// let env = ResponseEnvelope::new(response);
/// assert_eq!(serde_json::to_value(&env)?, serde_json::json!({
///     "version": "1.0",
///     "response": {"outputSpeech": {"type": "PlainText", "text": "Hello!"}, "shouldEndSession": true}
/// }));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ResponseEnvelope {
    /// Always `"1.0"`.
    #[serde(default)]
    pub version: String,
    /// Returned to the skill as `session.attributes` on the next turn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_attributes: Option<Map<String, Value>>,
    /// An SDK identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<String>,
    /// The response itself.
    #[serde(default)]
    pub response: Response,
}

impl ResponseEnvelope {
    /// Wraps a response, with version `"1.0"`.
    ///
    /// ```
    /// let env = alexa_kit::model::ResponseEnvelope::new(Default::default());
    /// assert_eq!(env.version, "1.0");
    /// ```
    pub fn new(response: Response) -> Self {
        ResponseEnvelope {
            version: "1.0".to_owned(),
            session_attributes: None,
            user_agent: None,
            response,
        }
    }
}

/// `response`: what Alexa says, shows and does.
///
/// Build one with [`ResponseBuilder`](crate::response::ResponseBuilder) rather than by hand.
///
/// ```
/// let r: alexa_kit::model::Response = serde_json::from_str(r#"{"shouldEndSession":false}"#)?;
/// assert_eq!(r.should_end_session, alexa_kit::model::ShouldEndSession::KeepOpen);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Response {
    /// The speech.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_speech: Option<OutputSpeech>,
    /// The card shown in the Alexa app.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card: Option<Card>,
    /// What Alexa says if the user does not answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reprompt: Option<Reprompt>,
    /// Directives to the device.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub directives: Vec<Directive>,
    /// Alexa Conversations: the answer to `Dialog.API.Invoked`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_response: Option<Value>,
    /// Whether the session ends: true, false, or absent.
    #[serde(default, skip_serializing_if = "ShouldEndSession::is_unset")]
    pub should_end_session: ShouldEndSession,
    /// The answer to a `CanFulfillIntentRequest`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub can_fulfill_intent: Option<CanFulfillIntent>,
    /// A/B testing: the experiments this response triggered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experimentation: Option<Value>,
}

/// `shouldEndSession` in its three states.
///
/// | variant | JSON | effect |
/// | --- | --- | --- |
/// | `End` | `true` | the session ends |
/// | `KeepOpen` | `false` (or `null` on input) | the session stays open, the microphone opens |
/// | `Unset` | key absent | device-dependent (screens stay open without listening) |
///
/// ```
/// use alexa_kit::model::{Response, ShouldEndSession};
/// for (state, json) in [
///     (ShouldEndSession::End, r#"{"shouldEndSession":true}"#),
///     (ShouldEndSession::KeepOpen, r#"{"shouldEndSession":false}"#),
///     (ShouldEndSession::Unset, "{}"),
/// ] {
///     let mut r = Response::default();
///     r.should_end_session = state;
///     assert_eq!(serde_json::to_string(&r)?, json);
///     assert_eq!(serde_json::from_str::<Response>(json)?.should_end_session, state);
/// }
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ShouldEndSession {
    /// `true`.
    End,
    /// `false`.
    KeepOpen,
    /// The key is absent.
    #[default]
    Unset,
}

impl ShouldEndSession {
    /// Whether the key is absent.
    ///
    /// ```
    /// assert!(alexa_kit::model::ShouldEndSession::Unset.is_unset());
    /// ```
    pub fn is_unset(&self) -> bool {
        *self == ShouldEndSession::Unset
    }
}

impl Serialize for ShouldEndSession {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ShouldEndSession::End => serializer.serialize_bool(true),
            ShouldEndSession::KeepOpen => serializer.serialize_bool(false),
            ShouldEndSession::Unset => serializer.serialize_none(),
        }
    }
}

impl<'de> Deserialize<'de> for ShouldEndSession {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match Option::<bool>::deserialize(deserializer)? {
            Some(true) => ShouldEndSession::End,
            Some(false) | None => ShouldEndSession::KeepOpen,
        })
    }
}

/// How new speech interacts with what is already queued: `playBehavior`.
///
/// ```
/// use alexa_kit::model::PlayBehavior;
/// assert_eq!(serde_json::to_string(&PlayBehavior::ReplaceAll)?, r#""REPLACE_ALL""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum PlayBehavior {
    /// Add to the end of the queue.
    Enqueue,
    /// Replace everything, including what is playing (the default).
    #[default]
    ReplaceAll,
    /// Replace what is queued, after what is playing.
    ReplaceEnqueued,
}

/// `outputSpeech`: plain text or SSML.
///
/// ```
/// use alexa_kit::model::OutputSpeech;
/// let s = OutputSpeech::ssml("<speak>Hi</speak>");
/// assert_eq!(serde_json::to_string(&s)?, r#"{"type":"SSML","ssml":"<speak>Hi</speak>"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
#[non_exhaustive]
pub enum OutputSpeech {
    /// `PlainText`.
    PlainText {
        /// The words.
        text: String,
        /// How it interacts with queued speech.
        #[serde(
            rename = "playBehavior",
            default,
            skip_serializing_if = "Option::is_none"
        )]
        play_behavior: Option<PlayBehavior>,
    },
    /// `SSML`, wrapped in `<speak>…</speak>`.
    #[serde(rename = "SSML")]
    Ssml {
        /// The markup.
        ssml: String,
        /// How it interacts with queued speech.
        #[serde(
            rename = "playBehavior",
            default,
            skip_serializing_if = "Option::is_none"
        )]
        play_behavior: Option<PlayBehavior>,
    },
}

impl OutputSpeech {
    /// Plain-text speech.
    ///
    /// ```
    /// let s = alexa_kit::model::OutputSpeech::plain("Hi");
    /// assert_eq!(s.text(), "Hi");
    /// ```
    pub fn plain(text: impl Into<String>) -> Self {
        OutputSpeech::PlainText {
            text: text.into(),
            play_behavior: None,
        }
    }

    /// SSML speech; `ssml` must already be wrapped in `<speak>`.
    ///
    /// ```
    /// let s = alexa_kit::model::OutputSpeech::ssml("<speak>Hi</speak>");
    /// assert_eq!(s.text(), "<speak>Hi</speak>");
    /// ```
    pub fn ssml(ssml: impl Into<String>) -> Self {
        OutputSpeech::Ssml {
            ssml: ssml.into(),
            play_behavior: None,
        }
    }

    /// The text or the SSML markup, as sent.
    ///
    /// ```
    /// assert_eq!(alexa_kit::model::OutputSpeech::plain("a").text(), "a");
    /// ```
    pub fn text(&self) -> &str {
        match self {
            OutputSpeech::PlainText { text, .. } => text,
            OutputSpeech::Ssml { ssml, .. } => ssml,
        }
    }
}

/// `reprompt`: what Alexa says if the user does not answer.
///
/// ```
/// use alexa_kit::model::{OutputSpeech, Reprompt};
/// let r = Reprompt::new(OutputSpeech::plain("Still there?"));
/// assert_eq!(serde_json::to_string(&r)?, r#"{"outputSpeech":{"type":"PlainText","text":"Still there?"}}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Reprompt {
    /// The speech.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_speech: Option<OutputSpeech>,
    /// APLA reprompts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub directives: Vec<Directive>,
}

impl Reprompt {
    /// A reprompt that says `speech`.
    ///
    /// ```
    /// let r = alexa_kit::model::Reprompt::new(alexa_kit::model::OutputSpeech::plain("?"));
    /// assert!(r.output_speech.is_some());
    /// ```
    pub fn new(speech: OutputSpeech) -> Self {
        Reprompt {
            output_speech: Some(speech),
            directives: Vec::new(),
        }
    }
}

/// `card`: what the Alexa app shows.
///
/// ```
/// use alexa_kit::model::Card;
/// let c = Card::Simple { title: Some("T".into()), content: Some("C".into()) };
/// assert_eq!(serde_json::to_string(&c)?, r#"{"type":"Simple","title":"T","content":"C"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
#[non_exhaustive]
pub enum Card {
    /// Title and text.
    Simple {
        /// The title.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        title: Option<String>,
        /// The text.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        content: Option<String>,
    },
    /// Title, text and an image.
    Standard {
        /// The title.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        title: Option<String>,
        /// The text (`text`, not `content`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        text: Option<String>,
        /// HTTPS image URLs.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        image: Option<CardImage>,
    },
    /// Asks the user to link their account.
    LinkAccount,
    /// Asks the user to grant permissions.
    AskForPermissionsConsent {
        /// Permission scopes, e.g. `read::alexa:device:all:address`.
        #[serde(default)]
        permissions: Vec<String>,
    },
}

/// `card.image`: small and large HTTPS image URLs.
///
/// ```
/// let i: alexa_kit::model::CardImage = serde_json::from_str(r#"{"smallImageUrl":"https://x/s.png"}"#)?;
/// assert!(i.large_image_url.is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CardImage {
    /// 720×480 recommended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub small_image_url: Option<String>,
    /// 1200×800 recommended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub large_image_url: Option<String>,
}

/// `YES`, `NO` or `MAYBE`.
///
/// ```
/// use alexa_kit::model::CanFulfill;
/// assert_eq!(serde_json::to_string(&CanFulfill::Maybe)?, r#""MAYBE""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum CanFulfill {
    /// Yes.
    Yes,
    /// No.
    No,
    /// Maybe.
    Maybe,
}

/// `canFulfillIntent`: the answer to a `CanFulfillIntentRequest`.
///
/// ```
/// use alexa_kit::model::{CanFulfill, CanFulfillIntent};
/// let c = CanFulfillIntent::new(CanFulfill::Yes);
/// assert_eq!(serde_json::to_string(&c)?, r#"{"canFulfill":"YES"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CanFulfillIntent {
    /// Whether the skill can fulfil the intent.
    pub can_fulfill: CanFulfill,
    /// Per slot: whether the skill understands and can fulfil it.
    #[serde(default, skip_serializing_if = "HashMap::is_empty")]
    pub slots: HashMap<String, CanFulfillSlot>,
}

impl CanFulfillIntent {
    /// An answer with no per-slot detail.
    ///
    /// ```
    /// let c = alexa_kit::model::CanFulfillIntent::new(alexa_kit::model::CanFulfill::No);
    /// assert!(c.slots.is_empty());
    /// ```
    pub fn new(can_fulfill: CanFulfill) -> Self {
        CanFulfillIntent {
            can_fulfill,
            slots: HashMap::new(),
        }
    }
}

/// One slot of a [`CanFulfillIntent`] answer.
///
/// ```
/// let s: alexa_kit::model::CanFulfillSlot = serde_json::from_str(r#"{"canUnderstand":"YES","canFulfill":"YES"}"#)?;
/// assert_eq!(s.can_understand, alexa_kit::model::CanFulfill::Yes);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CanFulfillSlot {
    /// Whether the skill understands the value.
    pub can_understand: CanFulfill,
    /// Whether the skill can act on the value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub can_fulfill: Option<CanFulfill>,
}
