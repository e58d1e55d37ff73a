//! `RequestKind`: the route key for requests other than intents.

use crate::model::Request;

/// The kind of a request, used to route everything that is not an intent.
///
/// ```
/// use alexa_kit::model::{LaunchRequest, Request};
/// use alexa_kit::skill::RequestKind;
/// assert_eq!(RequestKind::of(&Request::Launch(LaunchRequest::default())), RequestKind::Launch);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RequestKind {
    /// `LaunchRequest`.
    Launch,
    /// `IntentRequest` (routed by intent name first).
    Intent,
    /// `SessionEndedRequest`.
    SessionEnded,
    /// `CanFulfillIntentRequest`.
    CanFulfillIntent,
    /// `SessionResumedRequest`.
    SessionResumed,
    /// `System.ExceptionEncountered`.
    ExceptionEncountered,
    /// Any `AudioPlayer.*` event.
    AudioPlayer,
    /// Any `PlaybackController.*` command.
    PlaybackController,
    /// `Alexa.Presentation.APL.UserEvent`.
    AplUserEvent,
    /// `Alexa.Presentation.APL.LoadIndexListData`.
    AplLoadIndexListData,
    /// `Alexa.Presentation.APL.RuntimeError`.
    AplRuntimeError,
    /// `Display.ElementSelected`.
    DisplayElementSelected,
    /// `Connections.Response`.
    ConnectionsResponse,
    /// `Messaging.MessageReceived`.
    MessageReceived,
    /// Any `AlexaSkillEvent.*`.
    SkillEvent,
    /// A request type alexa-kit does not model.
    Unknown,
}

impl RequestKind {
    /// How many kinds there are (`Unknown` is the last variant).
    pub(crate) const COUNT: usize = RequestKind::Unknown as usize + 1;

    /// The kind of `request`.
    ///
    /// ```
    /// use alexa_kit::model::Request;
    /// use alexa_kit::skill::RequestKind;
    /// let r: Request = serde_json::from_str(r#"{"type":"Foo.Bar"}"#).unwrap();
    /// assert_eq!(RequestKind::of(&r), RequestKind::Unknown);
    /// ```
    pub fn of(request: &Request) -> Self {
        match request {
            Request::Launch(_) => RequestKind::Launch,
            Request::Intent(_) => RequestKind::Intent,
            Request::SessionEnded(_) => RequestKind::SessionEnded,
            Request::CanFulfillIntent(_) => RequestKind::CanFulfillIntent,
            Request::SessionResumed(_) => RequestKind::SessionResumed,
            Request::ExceptionEncountered(_) => RequestKind::ExceptionEncountered,
            Request::AudioPlayer(_) => RequestKind::AudioPlayer,
            Request::PlaybackController(_) => RequestKind::PlaybackController,
            Request::AplUserEvent(_) => RequestKind::AplUserEvent,
            Request::AplLoadIndexListData(_) => RequestKind::AplLoadIndexListData,
            Request::AplRuntimeError(_) => RequestKind::AplRuntimeError,
            Request::DisplayElementSelected(_) => RequestKind::DisplayElementSelected,
            Request::ConnectionsResponse(_) => RequestKind::ConnectionsResponse,
            Request::MessageReceived(_) => RequestKind::MessageReceived,
            Request::SkillEvent(_) => RequestKind::SkillEvent,
            _ => RequestKind::Unknown,
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}
