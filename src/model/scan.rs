//! A structural scan of JSON text: where each value ends, without building it.
//!
//! [`RequestEnvelope::from_slice`](super::RequestEnvelope::from_slice) scans
//! the whole event once with this, then hands serde only the parts routing
//! needs (`version`, `session`, `request`) and keeps `context` as text until
//! it is read. The scan matches brackets and strings, checks the grammar
//! between them (commas, colons, keys) and the characters of numbers and
//! literals; whether a number or escape is well formed is left to serde when
//! the part is parsed.
//!
//! It also bounds what a parse can cost, whatever the event's shape: no more
//! than [`MAX_VALUES`] values (object keys count too) and no deeper than
//! [`MAX_DEPTH`]. Lambda events are at most 6 MB, and a 6 MB event of tiny
//! values (`[0,0,0,…]`, `[{"a":0},…]`) would take 50–100 times its size once
//! parsed into `serde_json::Value`s; with the cap, whatever the event, a parse
//! allocates a few tens of MB at most.

/// The most values (scalars, arrays, objects and object keys) an event may hold.
/// Alexa's events hold a few hundred; session attributes are bounded by the
/// 24 KB response that set them.
pub(crate) const MAX_VALUES: usize = 100_000;

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

    /// Moves past a number, `true`, `false` or `null`.
    fn scalar(&mut self) -> Result<(), ScanError> {
        let start = self.pos;
        while let Some(b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' | b'+' | b'-' | b'.') = self.peek() {
            self.pos += 1;
        }
        match self.bytes.get(start) {
            Some(b'0'..=b'9' | b'-' | b't' | b'f' | b'n') => self.count(),
            _ => {
                self.pos = start;
                self.syntax()
            }
        }
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

    /// [`Scanner::value`] for a value already `depth` containers deep.
    fn value_at_depth(&mut self, outer: usize) -> Result<&'a str, ScanError> {
        self.whitespace();
        let start = self.pos;
        // Bit i: whether the container at depth i is an object.
        let mut objects: u128 = 0;
        let mut depth = 0usize;
        loop {
            // A value.
            self.whitespace();
            match self.peek() {
                Some(open @ (b'{' | b'[')) => {
                    self.pos += 1;
                    self.count()?;
                    if outer + depth >= MAX_DEPTH {
                        return Err(ScanError::TooDeep);
                    }
                    let object = open == b'{';
                    objects = (objects & !(1 << depth)) | (u128::from(object) << depth);
                    depth += 1;
                    self.whitespace();
                    if self.peek() == Some(if object { b'}' } else { b']' }) {
                        self.pos += 1;
                        depth -= 1;
                    } else {
                        if object {
                            self.key()?;
                        }
                        continue;
                    }
                }
                Some(b'"') => {
                    self.string()?;
                }
                _ => self.scalar()?,
            }
            // After a value: the end of the scan, a comma or a closing bracket.
            loop {
                if depth == 0 {
                    // The value starts and ends on ASCII bytes, so on char boundaries.
                    return Ok(&self.text[start..self.pos]);
                }
                self.whitespace();
                let object = objects & (1 << (depth - 1)) != 0;
                match (self.peek(), object) {
                    (Some(b','), _) => {
                        self.pos += 1;
                        if object {
                            self.key()?;
                        }
                        break;
                    }
                    (Some(b'}'), true) | (Some(b']'), false) => {
                        self.pos += 1;
                        depth -= 1;
                    }
                    _ => return self.syntax(),
                }
            }
        }
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

/// The index of the first `"` or `\\` in `bytes` from `at` (or `bytes.len()`).
/// Eight bytes at a time: strings in events are mostly 10–100 bytes of ids,
/// too short for a SIMD search to pay for its set-up.
fn next_quote_or_backslash(bytes: &[u8], mut at: usize) -> usize {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    const QUOTES: u64 = u64::from_ne_bytes([b'"'; 8]);
    const SLASHES: u64 = u64::from_ne_bytes([b'\\'; 8]);
    // The high bit of each byte of `v` that is zero (exact for the lowest one).
    let zeros = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let hits = zeros(word ^ QUOTES) | zeros(word ^ SLASHES);
        if hits != 0 {
            return at + (hits.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while let Some(&b) = bytes.get(at) {
        if b == b'"' || b == b'\\' {
            break;
        }
        at += 1;
    }
    at
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
            ("\t[ 1 , { \"k\" : null } ]\n", 5),
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
                let text = format!("[\"{body}\",1]");
                assert_eq!(skip(&text), Ok((text.as_str(), 3)), "{text}");
                let open = format!("\"{body}");
                assert!(skip(&open).is_err(), "{open}");
            }
        }
    }

    #[test]
    fn refuses_broken_structure() {
        for text in [
            "",
            "[",
            "[1,]",
            "[1 2]",
            "{\"a\"}",
            "{\"a\":1,}",
            "{1:2}",
            "[}",
            "{]",
            "\"open",
            "\"ends in a backslash\\",
            "[1]]",
            "@",
            ",",
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
        assert_eq!(skip(&deeper), Err(ScanError::TooDeep));
        let many = format!("[{}0]", "0,".repeat(MAX_VALUES - 1));
        assert_eq!(skip(&many), Err(ScanError::TooManyValues));
        let just = format!("[{}0]", "0,".repeat(MAX_VALUES - 2));
        assert!(skip(&just).is_ok());
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
