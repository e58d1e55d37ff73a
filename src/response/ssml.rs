//! SSML: escaping user text, and the checks Alexa applies to speech.

use crate::model::Response;
use crate::{Error, ErrorKind, Result};

/// Maximum characters of `outputSpeech` (text or SSML markup).
pub const MAX_SPEECH_CHARS: usize = 8000;

/// Escapes text for use inside SSML: `&`, `<`, `>`, `"` and `'`.
///
/// ```
/// use alexa_kit::response::ssml::escape;
/// assert_eq!(escape(r#"Tom & "Jerry" <audio/>"#), "Tom &amp; &quot;Jerry&quot; &lt;audio/&gt;");
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Wraps markup in `<speak>…</speak>` unless it already is.
///
/// ```
/// use alexa_kit::response::ssml::wrap_speak;
/// assert_eq!(wrap_speak("Hi".to_string()), "<speak>Hi</speak>");
/// assert_eq!(wrap_speak("<speak>Hi</speak>".to_string()), "<speak>Hi</speak>");
/// ```
pub fn wrap_speak(markup: String) -> String {
    let trimmed = markup.trim();
    if trimmed.starts_with("<speak>") && trimmed.ends_with("</speak>") {
        markup
    } else {
        format!("<speak>{markup}</speak>")
    }
}

pub(crate) fn check_response(response: &Response) -> Result<()> {
    if let Some(speech) = &response.output_speech {
        let n = speech.text().chars().count();
        if n > MAX_SPEECH_CHARS {
            return Err(Error::new(
                ErrorKind::InvalidResponse,
                format!("outputSpeech has {n} characters; Alexa allows at most {MAX_SPEECH_CHARS}"),
            ));
        }
    }
    Ok(())
}

/// Speech as plain text: tags removed, entities unescaped. (Interim version.)
///
/// ```
/// assert_eq!(alexa_kit::response::ssml::to_plain_text("<speak>Tom &amp; Jerry</speak>"), "Tom & Jerry");
/// ```
pub fn to_plain_text(ssml: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in ssml.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}
