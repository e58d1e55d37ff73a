//! A structural scan of JSON text: where each value ends, without building it.
//!
//! [`RequestEnvelope::from_slice`](super::RequestEnvelope::from_slice) scans
//! the whole event once with this, then hands serde only the parts routing
//! needs (`version`, `session`, `request`) and keeps `context` as text until
//! it is read. Below the top level, the scan only matches brackets and
//! strings: the rest of the grammar is checked by serde when a part is
//! parsed, so a part nobody reads costs one pass at a few bytes per
//! nanosecond.
//!
//! It also bounds what a parse can cost, whatever the event's shape: no more
//! than [`MAX_VALUES`] values (object keys count too) and no deeper than
//! [`MAX_DEPTH`]. Lambda events are at most 6 MB, and a 6 MB event of tiny
//! values (`[0,0,0,…]`, `[{"a":0},…]`) would take 50–100 times its size once
//! parsed into `serde_json::Value`s; with the cap, whatever the event, a parse
//! allocates a few tens of MB at most.

/// The most values an event may hold, counted as commas, colons and opening
/// brackets (so about one per value and one per object key).
/// Alexa's events hold a few hundred; session attributes are bounded by the
/// 24 KB response that set them. The worst shape at the bound, `[{"a":0},…]`
/// in session attributes, peaks at about 40 MB in the hello-world bootstrap
/// (`cargo bench --bench memory`); a one-key object costs a whole B-tree node.
pub(crate) const MAX_VALUES: usize = 50_000;

/// The deepest nesting accepted, the same as serde_json's recursion limit.
pub(crate) const MAX_DEPTH: usize = 128;

/// Why a scan stopped.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum ScanError {
    /// Not JSON, at this byte offset; serde's message says more.
    Syntax(usize),
    /// More than [`MAX_VALUES`] values.
    TooManyValues,
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
}

/// A position in JSON text, and the number of values passed so far.
pub(crate) struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    values: usize,
}

impl<'a> Scanner<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Scanner {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            values: 0,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn syntax<T>(&self) -> Result<T, ScanError> {
        Err(ScanError::Syntax(self.pos))
    }

    pub(crate) fn whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.pos += 1;
        }
    }

    /// Skips whitespace and expects `byte`.
    fn expect(&mut self, byte: u8) -> Result<(), ScanError> {
        self.whitespace();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            self.syntax()
        }
    }

    fn count(&mut self) -> Result<(), ScanError> {
        self.values += 1;
        if self.values > MAX_VALUES {
            return Err(ScanError::TooManyValues);
        }
        Ok(())
    }

    /// At a `"`: moves past the closing quote; returns the string with its
    /// quotes and whether it holds an escape.
    fn string(&mut self) -> Result<(&'a str, bool), ScanError> {
        if self.peek() != Some(b'"') {
            return self.syntax();
        }
        let start = self.pos;
        let mut at = start + 1;
        let mut escaped = false;
        loop {
            at = next_quote_or_backslash(self.bytes, at);
            match self.bytes.get(at) {
                Some(b'"') => {
                    self.pos = at + 1;
                    self.count()?;
                    // Both ends are ASCII quotes, so on char boundaries.
                    return Ok((&self.text[start..=at], escaped));
                }
                // A backslash escapes the next byte (`\"`, `\\`, `\uXXXX`…).
                Some(_) if at + 1 < self.bytes.len() => {
                    escaped = true;
                    at += 2;
                }
                _ => {
                    self.pos = self.bytes.len();
                    return self.syntax();
                }
            }
        }
    }

    /// Moves past a number, `true`, `false` or `null` (or anything else up to
    /// the next structural byte: serde checks scalars when the part is read).
    fn scalar(&mut self) -> Result<(), ScanError> {
        let start = self.pos;
        while let Some(&b) = self.bytes.get(self.pos) {
            if CLASS[usize::from(b)] != OTHER || matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
                break;
            }
            self.pos += 1;
        }
        if self.pos == start {
            return self.syntax();
        }
        self.count()
    }

    /// An object key and its colon.
    fn key(&mut self) -> Result<(&'a str, bool), ScanError> {
        self.whitespace();
        let key = self.string()?;
        self.expect(b':')?;
        Ok(key)
    }

    /// Skips whitespace and one value; returns the value's text.
    #[cfg(test)]
    fn value(&mut self) -> Result<&'a str, ScanError> {
        self.value_at_depth(0)
    }

    /// [`Scanner::value`] for a value already `outer` containers deep.
    ///
    /// Inside arrays and objects only brackets and strings are matched, and
    /// commas, colons and openings counted (at least one per value or key of
    /// valid JSON): one table look-up per byte outside strings, eight bytes
    /// at a time inside.
    fn value_at_depth(&mut self, outer: usize) -> Result<&'a str, ScanError> {
        self.whitespace();
        let start = self.pos;
        match self.peek() {
            Some(b'"') => {
                self.string()?;
                return Ok(&self.text[start..self.pos]);
            }
            Some(b'{' | b'[') => {}
            _ => {
                self.scalar()?;
                return Ok(&self.text[start..self.pos]);
            }
        }
        // The closing bracket expected at each depth.
        let mut closers = [0u8; MAX_DEPTH];
        let mut depth = 0usize;
        let bytes = self.bytes;
        let mut at = self.pos;
        while let Some(&b) = bytes.get(at) {
            at += 1;
            // Strings first: they are most of an event.
            if b == b'"' {
                at = next_quote_or_backslash(bytes, at);
                while bytes.get(at) == Some(&b'\\') {
                    at = next_quote_or_backslash(bytes, at + 2);
                }
                if at >= bytes.len() {
                    break;
                }
                at += 1;
                continue;
            }
            match CLASS[usize::from(b)] {
                OTHER => {}
                SEPARATOR => self.count()?,
                OPEN => {
                    self.count()?;
                    let Some(closer) = closers.get_mut(outer + depth) else {
                        self.pos = at;
                        return Err(ScanError::TooDeep);
                    };
                    *closer = if b == b'{' { b'}' } else { b']' };
                    depth += 1;
                }
                _ => {
                    if depth == 0 || closers[outer + depth - 1] != b {
                        self.pos = at - 1;
                        return self.syntax();
                    }
                    depth -= 1;
                    if depth == 0 {
                        self.pos = at;
                        // Both ends are ASCII brackets, so on char boundaries.
                        return Ok(&self.text[start..at]);
                    }
                }
            }
        }
        self.pos = bytes.len();
        self.syntax()
    }

    /// Walks the members of the object that starts here (after whitespace),
    /// calling `member(key, value_text)` for each; `key` is unescaped only
    /// when it holds an escape. Stops early when `member` returns `false`.
    pub(crate) fn members(
        &mut self,
        depth: usize,
        mut member: impl FnMut(std::borrow::Cow<'a, str>, &'a str) -> bool,
    ) -> Result<(), ScanError> {
        self.expect(b'{')?;
        self.count()?;
        self.whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            let (quoted, escaped) = self.key()?;
            let key = if escaped {
                // Escapes in keys are rare: let serde decode them.
                match serde_json::from_str::<String>(quoted) {
                    Ok(k) => std::borrow::Cow::Owned(k),
                    Err(_) => return self.syntax(),
                }
            } else {
                std::borrow::Cow::Borrowed(&quoted[1..quoted.len() - 1])
            };
            let value = self.value_at_depth(depth + 1)?;
            if !member(key, value) {
                return Ok(());
            }
            self.whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return self.syntax(),
            }
        }
    }

    /// Checks that only whitespace is left.
    pub(crate) fn end(&mut self) -> Result<(), ScanError> {
        self.whitespace();
        if self.pos == self.bytes.len() {
            Ok(())
        } else {
            self.syntax()
        }
    }
}

const OTHER: u8 = 0;
const SEPARATOR: u8 = 1;
const OPEN: u8 = 2;
const CLOSE: u8 = 3;

/// What each byte means to the scan outside strings.
static CLASS: [u8; 256] = {
    let mut class = [OTHER; 256];
    class[b',' as usize] = SEPARATOR;
    class[b':' as usize] = SEPARATOR;
    class[b'{' as usize] = OPEN;
    class[b'[' as usize] = OPEN;
    class[b'}' as usize] = CLOSE;
    class[b']' as usize] = CLOSE;
    class
};

/// The index of the first `"` or `\\` in `bytes` from `at` (or `bytes.len()`).
fn next_quote_or_backslash(bytes: &[u8], at: usize) -> usize {
    let rest = bytes.get(at..).unwrap_or_default();
    at + memchr::memchr2(b'"', b'\\', rest).unwrap_or(rest.len())
}

/// The raw text of the value at `path` (object keys) inside the JSON value
/// `text`, if every step is an object holding the key. The first of
/// duplicate keys wins.
pub(crate) fn find<'a>(text: &'a str, path: &[&str]) -> Option<&'a str> {
    let mut here = text;
    for step in path {
        let mut found = None;
        Scanner::new(here)
            .members(0, |key, value| {
                if key == *step {
                    found = Some(value);
                }
                found.is_none()
            })
            .ok()?;
        here = found?;
    }
    Some(here)
}

/// The string at `path`, borrowed from `text`, when it holds no escape.
/// `Err(())` when there is something at `path` that needs serde to read it.
pub(crate) fn find_plain_str<'a>(text: &'a str, path: &[&str]) -> Result<Option<&'a str>, ()> {
    match find(text, path) {
        None | Some("null") => Ok(None),
        Some(value) => match value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
            Some(inner) if !inner.contains('\\') => Ok(Some(inner)),
            _ => Err(()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skip(text: &str) -> Result<(&str, usize), ScanError> {
        let mut s = Scanner::new(text);
        let v = s.value()?;
        s.end()?;
        Ok((v, s.values))
    }

    #[test]
    fn finds_the_end_of_every_kind_of_value() {
        // (text, commas + colons + openings)
        for (text, values) in [
            ("0", 1),
            (" -1.5e+3 ", 1),
            ("true", 1),
            ("null", 1),
            (r#""a\"b\\""#, 1),
            ("[]", 1),
            ("{}", 1),
            (r#"[1,[2,{"a":[]}],"x"]"#, 8),
            (r#"{"a":{"b":"}"},"c":[{}]}"#, 8),
            ("\t[ 1 , { \"k\" : null } ]\n", 4),
        ] {
            let (v, n) = skip(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
            assert_eq!(v, text.trim(), "{text}");
            assert_eq!(n, values, "{text}");
        }
    }

    #[test]
    fn finds_string_ends_at_every_offset() {
        for len in 0..40 {
            for escape_at in 0..=len {
                let body: String = (0..len)
                    .map(|i| if i == escape_at { "\\\"" } else { "é" })
                    .collect();
                let text = format!("[\"{body}\",[\"]\"]]");
                assert_eq!(skip(&text), Ok((text.as_str(), 3)), "{text}");
                let open = format!("[\"{body}]");
                assert!(skip(&open).is_err(), "{open}");
            }
        }
    }

    #[test]
    fn refuses_unmatched_brackets_and_strings() {
        for text in [
            "",
            "[",
            "[[]",
            "[}",
            "{]",
            "[{]}",
            "\"open",
            "\"ends in a backslash\\",
            "[\"ends in a backslash\\]",
            "[1]]",
            ",",
            "]",
        ] {
            assert!(
                matches!(skip(text), Err(ScanError::Syntax(_))),
                "{text}: {:?}",
                skip(text)
            );
        }
    }

    #[test]
    fn bounds_depth_and_count() {
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(skip(&deep).is_ok());
        let deeper = format!("[{deep}]");
        assert_eq!(skip(&deeper).err(), Some(ScanError::TooDeep));
        // `[0,0,…]` with n zeros counts n: one opening, n - 1 commas.
        let just = format!("[{}0]", "0,".repeat(MAX_VALUES - 1));
        assert_eq!(skip(&just).map(|(_, n)| n), Ok(MAX_VALUES));
        let many = format!("[{}0]", "0,".repeat(MAX_VALUES));
        assert_eq!(skip(&many).err(), Some(ScanError::TooManyValues));
        let pairs = format!("{{{}\"k\":0}}", "\"k\":0,".repeat(MAX_VALUES / 2));
        assert_eq!(skip(&pairs).err(), Some(ScanError::TooManyValues));
    }

    #[test]
    fn finds_values_by_path() {
        let ctx = r#"{"Viewport":{"x":[1,{"System":2}]},"System":{"application":
            {"applicationId":"amzn1.ask.skill.1"},"user":{"userId":"a\"b"}},"k\u0065y":3}"#;
        assert_eq!(
            find_plain_str(ctx, &["System", "application", "applicationId"]),
            Ok(Some("amzn1.ask.skill.1"))
        );
        assert_eq!(find_plain_str(ctx, &["System", "user", "userId"]), Err(()));
        assert_eq!(
            find_plain_str(ctx, &["System", "device", "deviceId"]),
            Ok(None)
        );
        assert_eq!(find(ctx, &["key"]), Some("3"));
        assert_eq!(find(ctx, &["Viewport", "x", "System"]), None);
    }
}
