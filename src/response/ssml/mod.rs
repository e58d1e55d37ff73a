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

/// Escapes text for use inside SSML: `&`, `<`, `>`, `"` and `'`, and drops
/// the characters XML does not allow at all (U+0000–U+0008, U+000B, U+000C,
/// U+000E–U+001F, U+FFFE, U+FFFF), which would make Alexa reject the whole
/// response.
///
/// ```
/// use alexa_kit::response::ssml::escape;
/// assert_eq!(escape(r#"Tom & "Jerry" <audio/>"#), "Tom &amp; &quot;Jerry&quot; &lt;audio/&gt;");
/// assert_eq!(escape("bell\u{7}\ttab\u{FFFF}"), "bell\ttab");
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    escape_into(text, &mut out);
    out
}

/// Appends `text` to `out`, escaped for SSML text and attribute values, without
/// the characters XML does not allow.
pub(crate) fn escape_into(text: &str, out: &mut String) {
    let b = text.as_bytes();
    let mut last = 0;
    let mut i = 0;
    while i < b.len() {
        let (rep, len) = match b[i] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\'' => ("&apos;", 1),
            c if c < 0x20 && !is_xml_char(char::from(c)) => ("", 1),
            0xEF if !is_xml_char(text[i..].chars().next().unwrap_or(' ')) => ("", 3),
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&text[last..i]);
        out.push_str(rep);
        i += len;
        last = i;
    }
    out.push_str(&text[last..]);
}

/// Whether XML 1.0 (and so SSML) allows the character `c` at all, even as
/// a character reference: tab, line feed, carriage return, U+0020–U+D7FF,
/// U+E000–U+FFFD and U+10000 on.
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// The byte offset and value of the first character of `text` that XML does
/// not allow. Only control bytes and the lead byte of U+FFFE/U+FFFF need a
/// closer look, so this is a fast byte scan.
pub(crate) fn first_non_xml_char(text: &str) -> Option<(usize, char)> {
    let b = text.as_bytes();
    let mut from = 0;
    loop {
        let at = next_suspect(b, from);
        if at == b.len() {
            return None;
        }
        let c = text[at..].chars().next()?;
        if !is_xml_char(c) {
            return Some((at, c));
        }
        from = at + 1;
    }
}

/// The index of the first byte from `from` that [`first_non_xml_char`]
/// looks closer at (or `bytes.len()`): a control byte (tab and line breaks
/// are fine) or 0xEF, which leads U+FFFE and U+FFFF.
fn next_suspect(bytes: &[u8], from: usize) -> usize {
    crate::model::control_or(bytes, from, 0xEF, 0xEF)
}

/// Wraps markup in `<speak>…</speak>` unless it already is.
///
/// ```
/// use alexa_kit::response::ssml::wrap_speak;
/// assert_eq!(wrap_speak("Hi".to_string()), "<speak>Hi</speak>");
/// assert_eq!(wrap_speak("<speak>Hi</speak>".to_string()), "<speak>Hi</speak>");
/// ```
pub fn wrap_speak(mut markup: String) -> String {
    let trimmed = markup.trim();
    if trimmed.starts_with("<speak") && trimmed.ends_with("</speak>") && is_speak_open(trimmed) {
        markup
    } else if markup.capacity() - markup.len() >= SPEAK_TAGS.len() {
        // In place when there is room, as in the messages the localizer writes.
        markup.insert_str(0, "<speak>");
        markup.push_str("</speak>");
        markup
    } else {
        let mut out = String::with_capacity(markup.len() + SPEAK_TAGS.len());
        out.push_str("<speak>");
        out.push_str(&markup);
        out.push_str("</speak>");
        out
    }
}

/// What [`wrap_speak`] adds: `<speak>` and `</speak>`.
pub(crate) const SPEAK_TAGS: &str = "<speak></speak>";

/// `<speak>` or `<speak ` (with attributes), but not `<speaker>`.
fn is_speak_open(s: &str) -> bool {
    matches!(
        s.as_bytes().get(6),
        Some(b'>' | b' ' | b'\t' | b'\n' | b'\r')
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scan_tests::Rng;

    #[test]
    fn finds_the_same_characters_as_a_char_loop() {
        let pieces = [
            "Hallo Welt! ",
            "\t",
            "\n",
            "\u{1}",
            "\u{1f}",
            "\u{fffe}",
            "\u{ffff}",
            "\u{fffd}",
            "ï",
            "日本",
        ];
        let mut rng = Rng(0x0bad_cafe);
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..rng.below(40) {
                // Mostly plain text, sometimes one of the others.
                let i = if rng.below(6) == 0 {
                    rng.below(pieces.len())
                } else {
                    0
                };
                text.push_str(pieces[i]);
            }
            let want = text.char_indices().find(|&(_, c)| !is_xml_char(c));
            assert_eq!(first_non_xml_char(&text), want, "{text:?}");
        }
    }
}
