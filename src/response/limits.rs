//! Alexa's limits, checked before a response leaves the skill.
//!
//! [`ResponseBuilder::build`](super::ResponseBuilder::build) checks the
//! response itself (speech length, SSML, cards, session rules); the skill
//! framework checks the final envelope's size with [`to_vec`] or
//! [`check_envelope_size`], because session attributes count towards it.

use crate::model::{Card, Directive, OutputSpeech, PlayBehavior, Response, ResponseEnvelope};
use crate::{Error, ErrorKind, Result};

use super::ssml::{self, MAX_SPEECH_CHARS};

/// The largest response envelope Alexa accepts: 24 KB (24 576 bytes), session
/// attributes and directives included.
///
/// ```
/// assert_eq!(alexa_kit::response::MAX_RESPONSE_BYTES, 24 * 1024);
/// ```
pub const MAX_RESPONSE_BYTES: usize = 24 * 1024;

/// The most characters a card's title and content (or text) may have together.
///
/// ```
/// assert_eq!(alexa_kit::response::MAX_CARD_CHARS, 8000);
/// ```
pub const MAX_CARD_CHARS: usize = 8000;

/// Checks the size of a serialized response envelope against [`MAX_RESPONSE_BYTES`].
///
/// ```
/// use alexa_kit::response::check_envelope_size;
/// assert!(check_envelope_size(24 * 1024).is_ok());
/// let err = check_envelope_size(30_000).unwrap_err();
/// assert_eq!(err.kind(), alexa_kit::ErrorKind::InvalidResponse);
/// ```
pub fn check_envelope_size(len: usize) -> Result<()> {
    if len > MAX_RESPONSE_BYTES {
        return Err(invalid(format!(
            "the response is {len} bytes; Alexa accepts at most {MAX_RESPONSE_BYTES} \
             (24 KB, session attributes included)"
        )));
    }
    Ok(())
}

/// Serializes an envelope to JSON and checks it against [`MAX_RESPONSE_BYTES`].
///
/// ```
/// use alexa_kit::model::ResponseEnvelope;
/// use alexa_kit::response::{ResponseBuilder, to_vec};
///
/// let mut env = ResponseEnvelope::new(ResponseBuilder::new().speak("Hi").build()?);
/// assert!(to_vec(&env)?.starts_with(br#"{"version":"1.0""#));
///
/// let mut attrs = serde_json::Map::new();
/// attrs.insert("history".into(), "x".repeat(25_000).into());
/// env.session_attributes = Some(attrs);
/// assert!(to_vec(&env).unwrap_err().to_string().contains("24 KB"));
/// # Ok::<(), alexa_kit::Error>(())
/// ```
pub fn to_vec(envelope: &ResponseEnvelope) -> Result<Vec<u8>> {
    to_json(envelope)
}

/// [`to_vec`] for anything that serializes as a response envelope.
pub(crate) fn to_json(envelope: &impl serde::Serialize) -> Result<Vec<u8>> {
    // Most answers are a few hundred bytes: one allocation instead of serde_json's
    // 128-byte start and the reallocations after it.
    let mut bytes = Vec::with_capacity(1024);
    // alexa-kit's writer, or serde_json for what it leaves to it.
    super::json::to_writer(&mut bytes, envelope)
        .or_else(|_| {
            bytes.clear();
            serde_json::to_writer(&mut bytes, envelope)
        })
        .map_err(|e| {
            Error::new(
                ErrorKind::InvalidResponse,
                "the response could not be serialized",
            )
            .with_source(e)
        })?;
    check_envelope_size(bytes.len())?;
    Ok(bytes)
}

/// Checks a response against what Alexa would reject.
pub(crate) fn check_response(response: &Response) -> Result<()> {
    if let Some(speech) = &response.output_speech {
        check_speech("outputSpeech", speech)?;
    }
    if let Some(speech) = response
        .reprompt
        .as_ref()
        .and_then(|r| r.output_speech.as_ref())
    {
        check_speech("reprompt", speech)?;
    }
    if let Some(card) = &response.card {
        check_card(card)?;
    }
    for directive in &response.directives {
        check_directive(directive, response)?;
    }
    Ok(())
}

fn check_speech(field: &str, speech: &OutputSpeech) -> Result<()> {
    let text = speech.text();
    // Characters never outnumber bytes: only count when it can matter.
    if text.len() > MAX_SPEECH_CHARS {
        let n = text.chars().count();
        if n > MAX_SPEECH_CHARS {
            return Err(invalid(format!(
                "{field} has {n} characters; Alexa allows at most {MAX_SPEECH_CHARS}"
            )));
        }
    }
    match speech {
        OutputSpeech::Ssml { ssml, .. } => {
            ssml::validate(ssml).map_err(|e| invalid(format!("{field}: {}", e.message())))?;
        }
        // Alexa speaks plain text through the same XML pipeline.
        _ => {
            if let Some((at, c)) = ssml::first_non_xml_char(text) {
                return Err(invalid(format!(
                    "{field}: U+{:04X} at byte {at} is not a character Alexa can speak",
                    u32::from(c)
                )));
            }
        }
    }
    Ok(())
}

fn check_card(card: &Card) -> Result<()> {
    let (kind, title, body) = match card {
        Card::Simple { title, content } => ("Simple", title, content),
        Card::Standard { title, text, .. } => ("Standard", title, text),
        Card::AskForPermissionsConsent { permissions } if permissions.is_empty() => {
            return Err(invalid(
                "an AskForPermissionsConsent card needs at least one permission scope".into(),
            ));
        }
        _ => return Ok(()),
    };
    let len = |s: &Option<String>| s.as_deref().map_or(0, str::len);
    if len(title) + len(body) > MAX_CARD_CHARS {
        let count = |s: &Option<String>| s.as_deref().map_or(0, |s| s.chars().count());
        let n = count(title) + count(body);
        if n > MAX_CARD_CHARS {
            return Err(invalid(format!(
                "the {kind} card's title and text have {n} characters together; \
                 Alexa allows at most {MAX_CARD_CHARS}"
            )));
        }
    }
    Ok(())
}

fn check_directive(directive: &Directive, response: &Response) -> Result<()> {
    use crate::model::ShouldEndSession;
    match directive {
        Directive::AudioPlayerPlay(play) => {
            let stream = &play.audio_item.stream;
            let enqueue = play.play_behavior == PlayBehavior::Enqueue;
            match (enqueue, stream.expected_previous_token.is_some()) {
                (true, false) => {
                    return Err(invalid(format!(
                        "AudioPlayer.Play with ENQUEUE needs expectedPreviousToken \
                         (the token of the stream playing now) for stream `{}`",
                        stream.token
                    )));
                }
                (false, true) => {
                    return Err(invalid(format!(
                        "AudioPlayer.Play may carry expectedPreviousToken only with ENQUEUE \
                         (stream `{}`)",
                        stream.token
                    )));
                }
                _ => {}
            }
        }
        d if keeps_session_open(d) && response.should_end_session == ShouldEndSession::End => {
            return Err(invalid(format!(
                "{} needs an open session, but shouldEndSession is true; \
                 remove end_session()",
                d.type_name()
            )));
        }
        _ => {}
    }
    Ok(())
}

/// Directives whose response must keep the session open: the dialog turns.
/// Matched by `type`, so that raw directives follow the same rules.
pub(crate) fn keeps_session_open(directive: &Directive) -> bool {
    matches!(
        directive.type_name(),
        "Dialog.Delegate"
            | "Dialog.ElicitSlot"
            | "Dialog.ConfirmSlot"
            | "Dialog.ConfirmIntent"
            | "Dialog.DelegateRequest"
    )
}

fn invalid(message: String) -> Error {
    Error::new(ErrorKind::InvalidResponse, message)
}
