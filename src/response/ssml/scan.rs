//! A tiny single-pass tokenizer for SSML tags, shared by the checker and the
//! plain-text renderer. It works on bytes and only cuts at ASCII positions,
//! so every slice it hands out is valid UTF-8.

/// Whether a tag opens, closes or is self-closing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TagKind {
    Open,
    Close,
    SelfClosing,
}

/// One tag: `<name attrs>`, `</name>` or `<name attrs/>`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tag<'a> {
    pub name: &'a str,
    pub kind: TagKind,
    /// Everything between the name and `>` / `/>` (leading whitespace kept).
    pub attrs: &'a str,
    /// Byte index just past the closing `>`.
    pub end: usize,
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b':' | b'_' | b'.')
}

/// Reads the tag starting at `s[start] == b'<'`.
pub(super) fn read_tag(s: &str, start: usize) -> Result<Tag<'_>, String> {
    let b = s.as_bytes();
    let mut i = start + 1;
    let closing = b.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    if matches!(b.get(i), Some(b'!' | b'?')) {
        return Err("comments, CDATA sections and processing instructions are not allowed".into());
    }
    let name_start = i;
    while i < b.len() && is_name_byte(b[i]) {
        i += 1;
    }
    let name = &s[name_start..i];
    if name.is_empty() {
        return Err(
            "`<` must start a tag; write `&lt;` for a literal `<` (ssml::escape does this)".into(),
        );
    }
    let attrs_start = i;
    let mut quote: Option<u8> = None;
    loop {
        let Some(&c) = b.get(i) else {
            return Err(format!("the tag <{name}> is never closed with `>`"));
        };
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) if c == b'<' => {
                return Err(format!("`<` inside an attribute value of <{name}>"));
            }
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'<' => {
                return Err(format!("the tag <{name}> is never closed with `>`"));
            }
            None if c == b'>' => break,
            None => {}
        }
        i += 1;
    }
    let self_closing = i > attrs_start && b[i - 1] == b'/';
    let attrs_end = if self_closing { i - 1 } else { i };
    let attrs = &s[attrs_start..attrs_end];
    let kind = match (closing, self_closing) {
        (true, false) if attrs.trim().is_empty() => TagKind::Close,
        (true, _) => return Err(format!("malformed closing tag </{name}>")),
        (false, true) => TagKind::SelfClosing,
        (false, false) => TagKind::Open,
    };
    Ok(Tag {
        name,
        kind,
        attrs,
        end: i + 1,
    })
}

/// Iterates over `name="value"` pairs; values are returned still escaped.
pub(super) struct Attributes<'a> {
    rest: &'a str,
}

pub(super) fn attributes(attrs: &str) -> Attributes<'_> {
    Attributes { rest: attrs }
}

impl<'a> Iterator for Attributes<'a> {
    type Item = Result<(&'a str, &'a str), String>;

    fn next(&mut self) -> Option<Self::Item> {
        let trimmed = self.rest.trim_start();
        if trimmed.is_empty() {
            return None;
        }
        if trimmed.len() == self.rest.len() {
            self.rest = "";
            return Some(Err(format!(
                "expected whitespace before the attribute `{trimmed}`"
            )));
        }
        let b = trimmed.as_bytes();
        let mut i = 0;
        while i < b.len() && is_name_byte(b[i]) {
            i += 1;
        }
        let name = &trimmed[..i];
        let after = trimmed[i..].trim_start();
        let result = (|| {
            if name.is_empty() {
                return Err(format!("malformed attribute `{trimmed}`"));
            }
            let after = after
                .strip_prefix('=')
                .ok_or_else(|| format!("attribute `{name}` needs `=\"value\"`"))?
                .trim_start();
            let q = after
                .chars()
                .next()
                .filter(|c| *c == '"' || *c == '\'')
                .ok_or_else(|| format!("the value of attribute `{name}` must be quoted"))?;
            let body = &after[1..];
            let close = body
                .find(q)
                .ok_or_else(|| format!("the value of attribute `{name}` is not closed"))?;
            Ok(((name, &body[..close]), &body[close + 1..]))
        })();
        match result {
            Ok((pair, rest)) => {
                self.rest = rest;
                Some(Ok(pair))
            }
            Err(e) => {
                self.rest = "";
                Some(Err(e))
            }
        }
    }
}

/// The value of attribute `name`, if present and well-formed.
pub(super) fn attribute<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    attributes(attrs)
        .map_while(Result::ok)
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v)
}

/// Decodes the entity starting at `s[start] == b'&'`: the character and the
/// byte index just past `;`.
pub(super) fn read_entity(s: &str, start: usize) -> Option<(char, usize)> {
    let rest = &s[start + 1..];
    let semi = rest.as_bytes().iter().take(12).position(|&b| b == b';')?;
    let body = &rest[..semi];
    let c = match body {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let num = body.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse::<u32>().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((c, start + 1 + semi + 1))
}
