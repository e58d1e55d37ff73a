//! The response builder.

use crate::Result;
use crate::model::{OutputSpeech, Reprompt, Response, ShouldEndSession};

/// Builds a [`Response`]: speech, reprompt, cards, directives and session end.
///
/// Text given to [`speak`](Self::speak) and [`reprompt`](Self::reprompt) is
/// SSML markup (trusted text written by the skill author); wrap user data in
/// [`ssml::escape`](super::ssml::escape) first. [`build`](Self::build)
/// checks what Alexa would reject and returns a typed error.
///
/// ```
/// use alexa_kit::response::ResponseBuilder;
/// let response = ResponseBuilder::new()
///     .speak("Hello <break time=\"1s\"/> world")
///     .reprompt("Still there?")
///     .build()?;
/// assert_eq!(response.output_speech.unwrap().text(), "<speak>Hello <break time=\"1s\"/> world</speak>");
/// # Ok::<(), alexa_kit::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use = "a ResponseBuilder does nothing until it is returned or built"]
pub struct ResponseBuilder {
    response: Response,
}

impl ResponseBuilder {
    /// An empty response (no speech, `shouldEndSession` absent).
    ///
    /// ```
    /// let r = alexa_kit::response::ResponseBuilder::new().build()?;
    /// assert!(r.output_speech.is_none());
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the speech: SSML markup, wrapped in `<speak>` if it is not already.
    ///
    /// ```
    /// let r = alexa_kit::response::ResponseBuilder::new().speak("Hi").build()?;
    /// assert_eq!(r.output_speech.unwrap().text(), "<speak>Hi</speak>");
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn speak(mut self, ssml: impl Into<String>) -> Self {
        self.response.output_speech =
            Some(OutputSpeech::ssml(super::ssml::wrap_speak(ssml.into())));
        self
    }

    /// Sets the reprompt and keeps the session open (Alexa needs an open session to reprompt).
    ///
    /// ```
    /// use alexa_kit::model::ShouldEndSession;
    /// let r = alexa_kit::response::ResponseBuilder::new().speak("Hi").reprompt("Hello?").build()?;
    /// assert_eq!(r.should_end_session, ShouldEndSession::KeepOpen);
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn reprompt(mut self, ssml: impl Into<String>) -> Self {
        self.response.reprompt = Some(Reprompt::new(OutputSpeech::ssml(super::ssml::wrap_speak(
            ssml.into(),
        ))));
        self.response.should_end_session = ShouldEndSession::KeepOpen;
        self
    }

    /// Ends the session after this response (`shouldEndSession: true`).
    ///
    /// ```
    /// use alexa_kit::model::ShouldEndSession;
    /// let r = alexa_kit::response::ResponseBuilder::new().end_session().build()?;
    /// assert_eq!(r.should_end_session, ShouldEndSession::End);
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn end_session(mut self) -> Self {
        self.response.should_end_session = ShouldEndSession::End;
        self
    }

    /// Keeps the session open and the microphone on (`shouldEndSession: false`).
    ///
    /// ```
    /// use alexa_kit::model::ShouldEndSession;
    /// let r = alexa_kit::response::ResponseBuilder::new().keep_session_open().build()?;
    /// assert_eq!(r.should_end_session, ShouldEndSession::KeepOpen);
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn keep_session_open(mut self) -> Self {
        self.response.should_end_session = ShouldEndSession::KeepOpen;
        self
    }

    /// The response as built so far, unchecked.
    ///
    /// ```
    /// let b = alexa_kit::response::ResponseBuilder::new().speak("Hi");
    /// assert!(b.response().output_speech.is_some());
    /// ```
    pub fn response(&self) -> &Response {
        &self.response
    }

    /// Checks the response against Alexa's limits and returns it.
    ///
    /// ```
    /// let long = "a".repeat(9000);
    /// let err = alexa_kit::response::ResponseBuilder::new().speak(long).build().unwrap_err();
    /// assert_eq!(err.kind(), alexa_kit::ErrorKind::InvalidResponse);
    /// ```
    pub fn build(self) -> Result<Response> {
        super::ssml::check_response(&self.response)?;
        Ok(self.response)
    }
}

impl From<Response> for ResponseBuilder {
    fn from(response: Response) -> Self {
        ResponseBuilder { response }
    }
}
