//! SSML: escaping user text, a small markup builder, a well-formedness check
//! and a plain-text rendering.
//!
//! Alexa speaks SSML: XML inside a `<speak>` root with a fixed set of tags
//! (see [`SUPPORTED_TAGS`]). Text written by the skill author is trusted markup;
//! anything that comes from a user, a slot value or a web service must be
//! escaped, or a single `&` makes Alexa reject the whole response.
//!
//! ```
//! use alexa_kit::response::ssml::{self, Emphasis, Ssml};
//!
//! let city = "Bath & Wells"; // user data
//! let markup = Ssml::new()
//!     .text("Welcome to ")
//!     .emphasis(Emphasis::Strong, city)
//!     .pause_ms(300)
//!     .text("!");
//! let speech = markup.to_speak();
//! assert_eq!(speech,
//!     r#"<speak>Welcome to <emphasis level="strong">Bath &amp; Wells</emphasis><break time="300ms"/>!</speak>"#);
//! ssml::validate(&speech)?;
//! assert_eq!(ssml::to_plain_text(&speech), "Welcome to Bath & Wells !");
//! # Ok::<(), alexa_kit::Error>(())
//! ```

mod check;
mod markup;
mod plain;
mod scan;

pub use check::{MAX_BREAK_MS, SUPPORTED_TAGS, validate};
pub use markup::{
    Alphabet, BreakStrength, Domain, Emotion, Emphasis, Intensity, InterpretAs, Prosody, Ssml,
    SsmlContent,
};
pub use plain::to_plain_text;

/// Maximum characters of `outputSpeech` (text or SSML markup), and of a reprompt.
///
/// ```
/// assert_eq!(alexa_kit::response::ssml::MAX_SPEECH_CHARS, 8000);
/// ```
pub const MAX_SPEECH_CHARS: usize = 8000;

/// Escapes text for use inside SSML: `&`, `<`, `>`, `"` and `'`.
///
/// ```
/// use alexa_kit::response::ssml::escape;
/// assert_eq!(escape(r#"Tom & "Jerry" <audio/>"#), "Tom &amp; &quot;Jerry&quot; &lt;audio/&gt;");
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    escape_into(text, &mut out);
    out
}

/// Appends `text` to `out`, escaped for SSML text and attribute values.
pub(crate) fn escape_into(text: &str, out: &mut String) {
    let mut last = 0;
    for (i, b) in text.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&apos;",
            _ => continue,
        };
        out.push_str(&text[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&text[last..]);
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
    if trimmed.starts_with("<speak") && trimmed.ends_with("</speak>") && is_speak_open(trimmed) {
        markup
    } else {
        let mut out = String::with_capacity(markup.len() + 15);
        out.push_str("<speak>");
        out.push_str(&markup);
        out.push_str("</speak>");
        out
    }
}

/// `<speak>` or `<speak ` (with attributes), but not `<speaker>`.
fn is_speak_open(s: &str) -> bool {
    matches!(
        s.as_bytes().get(6),
        Some(b'>' | b' ' | b'\t' | b'\n' | b'\r')
    )
}
