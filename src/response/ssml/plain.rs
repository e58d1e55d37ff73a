//! SSML → the words a person would read on a card or in the simulator.

use super::scan::{TagKind, attribute, read_entity, read_tag};

/// Renders SSML as plain text: what a card shows or the local simulator prints.
///
/// * Tags are removed and entities decoded (`&amp;` → `&`, `&#233;` → `é`).
/// * `<sub alias="…">` yields the alias, not its content (what Alexa says).
/// * `<break>` and the ends of `<p>` and `<s>` become a space.
/// * `<audio>` yields no words, only a word break (its fallback content is skipped too).
/// * Runs of whitespace collapse to one space; the result is trimmed. No-break
///   spaces (U+00A0, U+2007, U+202F) are kept: French puts them before `!` and `?`.
///
/// It never fails: malformed markup is rendered as well as it can be (a
/// stray `<` or `&` is kept as text). Use [`validate`](super::validate) to
/// check markup.
///
/// ```
/// use alexa_kit::response::ssml::to_plain_text;
/// assert_eq!(to_plain_text("<speak>Tom &amp; Jerry</speak>"), "Tom & Jerry");
/// assert_eq!(to_plain_text(r#"<speak><sub alias="aluminium">Al</sub> is light</speak>"#),
///     "aluminium is light");
/// assert_eq!(to_plain_text(r#"<speak>Wait<break time="1s"/>now<audio src="https://x/a.mp3"/></speak>"#),
///     "Wait now");
/// assert_eq!(to_plain_text("<speak><p>One.</p><p>Two.</p></speak>"), "One. Two.");
/// assert_eq!(to_plain_text("<speak>Bonjour\u{202F}!</speak>"), "Bonjour\u{202F}!");
/// ```
pub fn to_plain_text(ssml: &str) -> String {
    let mut out = Plain::with_capacity(ssml.len());
    let b = ssml.as_bytes();
    // While inside <sub alias> or <audio>: the tag name and its nesting depth.
    let mut skip: Option<(&str, usize)> = None;
    let mut i = 0;
    let mut text_start = 0;
    while i < b.len() {
        match b[i] {
            b'<' => {
                let Ok(tag) = read_tag(ssml, i) else {
                    i += 1;
                    continue;
                };
                if skip.is_none() {
                    out.text(&ssml[text_start..i]);
                }
                i = tag.end;
                text_start = i;
                if let Some((name, depth)) = skip.as_mut() {
                    if tag.name == *name {
                        match tag.kind {
                            TagKind::Open => *depth += 1,
                            TagKind::Close => *depth -= 1,
                            TagKind::SelfClosing => {}
                        }
                        if *depth == 0 {
                            skip = None;
                        }
                    }
                    continue;
                }
                match (tag.name, tag.kind) {
                    ("break", _) => out.space(),
                    ("p" | "s", _) => out.space(),
                    ("sub", TagKind::Open) => {
                        if let Some(alias) = attribute(tag.attrs, "alias") {
                            out.text(alias);
                            skip = Some(("sub", 1));
                        }
                    }
                    ("audio", TagKind::Open) => {
                        out.space();
                        skip = Some(("audio", 1));
                    }
                    ("audio", _) => out.space(),
                    _ => {}
                }
            }
            _ => i += 1,
        }
    }
    if skip.is_none() {
        out.text(&ssml[text_start..]);
    }
    out.finish()
}

/// An output buffer that decodes entities and collapses whitespace.
struct Plain {
    out: String,
    pending_space: bool,
}

impl Plain {
    fn with_capacity(n: usize) -> Self {
        Plain {
            out: String::with_capacity(n),
            pending_space: false,
        }
    }

    fn space(&mut self) {
        self.pending_space = true;
    }

    fn push(&mut self, c: char) {
        // No-break spaces are typography (French `!`, `?` and `« »`), not layout: kept as they are.
        if c.is_whitespace() && !matches!(c, '\u{00A0}' | '\u{2007}' | '\u{202F}') {
            self.pending_space = true;
        } else {
            if self.pending_space && !self.out.is_empty() {
                self.out.push(' ');
            }
            self.pending_space = false;
            self.out.push(c);
        }
    }

    /// Appends escaped text, decoding entities.
    fn text(&mut self, s: &str) {
        let mut i = 0;
        while i < s.len() {
            let rest = &s[i..];
            if rest.starts_with('&')
                && let Some((c, end)) = read_entity(s, i)
            {
                self.push(c);
                i = end;
                continue;
            }
            // `rest` is non-empty and starts at a char boundary.
            let Some(c) = rest.chars().next() else { break };
            self.push(c);
            i += c.len_utf8();
        }
    }

    fn finish(self) -> String {
        self.out
    }
}
