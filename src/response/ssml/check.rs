//! The well-formedness check Alexa's SSML parser would otherwise do for us,
//! with a worse error message and a failed turn.

use super::scan::{TagKind, attributes, read_entity, read_tag};
use crate::{Error, ErrorKind, Result};

/// The SSML tags Alexa supports (Amazon's SSML reference).
///
/// Polly-only tags such as `amazon:breath`, `amazon:auto-breaths` and `mark`
/// are not in the list: Alexa rejects them.
///
/// ```
/// use alexa_kit::response::ssml::SUPPORTED_TAGS;
/// assert!(SUPPORTED_TAGS.contains(&"say-as"));
/// assert!(!SUPPORTED_TAGS.contains(&"amazon:breath"));
/// ```
pub const SUPPORTED_TAGS: &[&str] = &[
    "speak",
    "p",
    "s",
    "break",
    "emphasis",
    "lang",
    "phoneme",
    "prosody",
    "say-as",
    "sub",
    "voice",
    "w",
    "audio",
    "amazon:domain",
    "amazon:effect",
    "amazon:emotion",
];

/// The longest pause a `<break time="…"/>` may ask for, in milliseconds.
///
/// ```
/// assert_eq!(alexa_kit::response::ssml::MAX_BREAK_MS, 10_000);
/// ```
pub const MAX_BREAK_MS: u64 = 10_000;

/// Checks that `ssml` is markup Alexa accepts, in one linear pass:
///
/// * exactly one `<speak>` root, with only whitespace outside it;
/// * every tag is one of [`SUPPORTED_TAGS`], properly nested and closed;
/// * attributes are `name="value"` (or single quotes) with no `<` inside;
/// * every `&` starts an entity (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&#…;`);
/// * no character that XML forbids (U+0000–U+0008, U+000B, U+000C,
///   U+000E–U+001F, U+FFFE, U+FFFF), written or as a `&#…;` reference;
/// * `<break time>` is at most [`MAX_BREAK_MS`].
///
/// Errors are [`ErrorKind::InvalidResponse`] and say where (byte offset) and what.
///
/// ```
/// use alexa_kit::response::ssml::validate;
/// assert!(validate(r#"<speak>Hi <break time="1s"/> <emphasis>there</emphasis></speak>"#).is_ok());
/// let err = validate("<speak>Fish & Chips</speak>").unwrap_err();
/// assert!(err.to_string().contains("&amp;"), "{err}");
/// assert!(validate("<speak><b>bold</b></speak>").is_err());
/// assert!(validate("<speak><s>open</speak>").is_err());
/// assert!(validate("no root").is_err());
/// assert!(validate("<speak>bell\u{7}</speak>").is_err());
/// assert!(validate("<speak>&#x1F;</speak>").is_err());
/// ```
pub fn validate(ssml: &str) -> Result<()> {
    if let Some((at, c)) = super::first_non_xml_char(ssml) {
        return Err(invalid(at, &non_xml(c)));
    }
    // Most answers are one message of text in `<speak>`: no markup, no
    // entity, nothing else to check.
    if let Some(text) = ssml
        .strip_prefix("<speak>")
        .and_then(|s| s.strip_suffix("</speak>"))
        && memchr::memchr3(b'<', b'>', b'&', text.as_bytes()).is_none()
    {
        return Ok(());
    }
    let b = ssml.as_bytes();
    let mut stack = OpenTags::default();
    let mut root_done = false;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'<' => {
                let tag = read_tag(ssml, i).map_err(|m| invalid(i, &m))?;
                match tag.kind {
                    TagKind::Close => match stack.pop() {
                        Some(open) if open == tag.name => {
                            if stack.is_empty() {
                                root_done = true;
                            }
                        }
                        Some(open) => {
                            return Err(invalid(i, &format!("</{}> closes <{open}>", tag.name)));
                        }
                        None => {
                            return Err(invalid(
                                i,
                                &format!("</{}> has no matching opening tag", tag.name),
                            ));
                        }
                    },
                    TagKind::Open | TagKind::SelfClosing => {
                        check_open(tag.name, stack.is_empty(), root_done)
                            .map_err(|m| invalid(i, &m))?;
                        check_attributes(tag.name, tag.attrs).map_err(|m| invalid(i, &m))?;
                        if tag.kind == TagKind::Open {
                            stack.push(tag.name);
                        } else if tag.name == "speak" {
                            root_done = true;
                        }
                    }
                }
                i = tag.end;
            }
            b'&' => {
                if stack.is_empty() {
                    return Err(invalid(i, "text outside <speak>"));
                }
                i = entity(ssml, i).map_err(|m| invalid(i, &m))?;
            }
            c if stack.is_empty() => {
                if !c.is_ascii_whitespace() {
                    return Err(invalid(i, "text outside <speak>"));
                }
                i += 1;
            }
            _ => {
                // Inside an element: jump over plain text to the next markup byte.
                i += b[i..]
                    .iter()
                    .position(|&c| c == b'<' || c == b'&')
                    .unwrap_or(b.len() - i);
            }
        }
    }
    if let Some(open) = stack.last() {
        return Err(invalid(ssml.len(), &format!("<{open}> is never closed")));
    }
    if !root_done {
        return Err(invalid(0, "SSML must be wrapped in <speak>…</speak>"));
    }
    Ok(())
}

/// The open elements, innermost last. `<speak>` is kept out of the vector, so
/// that the usual answer (`<speak>` and plain text) allocates nothing.
#[derive(Default)]
struct OpenTags<'a> {
    speak: bool,
    inner: Vec<&'a str>,
}

impl<'a> OpenTags<'a> {
    fn is_empty(&self) -> bool {
        !self.speak && self.inner.is_empty()
    }

    fn push(&mut self, name: &'a str) {
        if self.is_empty() && name == "speak" {
            self.speak = true;
        } else {
            self.inner.push(name);
        }
    }

    fn pop(&mut self) -> Option<&'a str> {
        self.inner.pop().or_else(|| {
            let speak = std::mem::take(&mut self.speak);
            speak.then_some("speak")
        })
    }

    fn last(&self) -> Option<&'a str> {
        self.inner.last().copied().or(self.speak.then_some("speak"))
    }
}

fn check_open(name: &str, at_root: bool, root_done: bool) -> std::result::Result<(), String> {
    if root_done {
        return Err(format!("<{name}> after </speak>"));
    }
    if at_root && name != "speak" {
        return Err(format!(
            "<{name}> outside <speak>; the root must be <speak>"
        ));
    }
    if !at_root && name == "speak" {
        return Err("<speak> cannot be nested".into());
    }
    if !SUPPORTED_TAGS.contains(&name) {
        return Err(format!("<{name}> is not an SSML tag Alexa supports"));
    }
    Ok(())
}

fn check_attributes(tag: &str, attrs: &str) -> std::result::Result<(), String> {
    for attr in attributes(attrs) {
        let (name, value) = attr?;
        let mut j = 0;
        while let Some(p) = value[j..].find('&') {
            let at = j + p;
            j = match read_entity(value, at) {
                Some((c, end)) if super::is_xml_char(c) => end,
                Some((c, _)) => {
                    return Err(format!("attribute `{name}` of <{tag}>: {}", non_xml(c)));
                }
                None => return Err(format!("a bare `&` in attribute `{name}` of <{tag}>")),
            };
        }
        if tag == "break" && name == "time" {
            let ms = break_ms(value).ok_or_else(|| {
                format!("<break time=\"{value}\"> is not a duration like 500ms or 2s")
            })?;
            if ms > MAX_BREAK_MS as f64 {
                return Err(format!(
                    "<break time=\"{value}\"> is longer than Alexa's maximum of 10s"
                ));
            }
        }
    }
    Ok(())
}

/// The end of the entity at `s[at] == b'&'`, which must be well-formed and
/// stand for a character XML allows.
fn entity(s: &str, at: usize) -> std::result::Result<usize, String> {
    match read_entity(s, at) {
        Some((c, end)) if super::is_xml_char(c) => Ok(end),
        Some((c, _)) => Err(non_xml(c)),
        None => Err("a bare `&`; write `&amp;` (ssml::escape does this for user text)".into()),
    }
}

fn non_xml(c: char) -> String {
    format!(
        "U+{:04X} is not a character XML allows (ssml::escape drops it from user text)",
        u32::from(c)
    )
}

fn break_ms(value: &str) -> Option<f64> {
    let value = value.trim();
    let (num, factor) = match value.strip_suffix("ms") {
        Some(n) => (n, 1.0),
        None => (value.strip_suffix('s')?, 1000.0),
    };
    let n: f64 = num.trim().parse().ok()?;
    (n.is_finite() && n >= 0.0).then_some(n * factor)
}

fn invalid(at: usize, what: &str) -> Error {
    Error::new(
        ErrorKind::InvalidResponse,
        format!("invalid SSML at byte {at}: {what}"),
    )
}
