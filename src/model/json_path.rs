//! The JSON path at a position in a document, for error messages.
//!
//! serde_json's errors carry a line and column. Walking the text up to that
//! point gives the path of the value being read (`request.intent.name`)
//! without compiling the whole model a second time with a path-tracking
//! deserializer, which would add about 180 KB to a Lambda package. Even
//! the values read before their object's `type` (the tagged unions buffer
//! them) are placed this way, by [`type_first`]: `serde_path_to_error` on
//! just those values cost the hello-world binary 73 KB.

/// One level of nesting.
enum Level {
    /// An object: its current key, and whether the reader is inside that key's value.
    Object { key: String, in_value: bool },
    /// An array: the index of the current element.
    Array { index: usize },
}

/// The path of the value at `line`:`column` (1-based, as serde_json reports
/// them) of `text`, e.g. `request.intent.name` or `request.values[2]`;
/// `"."` at the top level.
pub(crate) fn path_at(text: &str, line: usize, column: usize) -> String {
    render(&levels_before(text, offset_of(text, line, column)), false)
}

/// The path of the innermost object or array open just before `line`:`column`
/// (the position serde_json reports right after the closing brace of the
/// object it was reading).
pub(crate) fn container_at(text: &str, line: usize, column: usize) -> String {
    let offset = offset_of(text, line, column);
    let mut before = offset.saturating_sub(1);
    while !text.is_char_boundary(before) {
        before -= 1;
    }
    render(&levels_before(text, before), true)
}

/// The open levels after reading `text[..offset]`.
fn levels_before(text: &str, offset: usize) -> Vec<Level> {
    let mut stack: Vec<Level> = Vec::new();
    let mut chars = text[..offset].char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        match c {
            '{' => stack.push(Level::Object {
                key: String::new(),
                in_value: false,
            }),
            '[' => stack.push(Level::Array { index: 0 }),
            '}' | ']' => {
                stack.pop();
            }
            ':' => {
                if let Some(Level::Object { in_value, .. }) = stack.last_mut() {
                    *in_value = true;
                }
            }
            ',' => match stack.last_mut() {
                Some(Level::Object { in_value, .. }) => *in_value = false,
                Some(Level::Array { index }) => *index += 1,
                None => {}
            },
            '"' => {
                let mut s = String::new();
                let mut escaped = false;
                for (_, c) in chars.by_ref() {
                    match (escaped, c) {
                        (true, c) => {
                            s.push(c);
                            escaped = false;
                        }
                        (false, '\\') => escaped = true,
                        (false, '"') => break,
                        (false, c) => s.push(c),
                    }
                }
                if let Some(Level::Object { key, in_value }) = stack.last_mut()
                    && !*in_value
                {
                    *key = s;
                }
            }
            _ => {}
        }
    }
    stack
}

/// `a.b[2].c`; with `container`, the innermost object's current key is left out.
fn render(stack: &[Level], container: bool) -> String {
    let mut path = String::new();
    let last = stack.len().saturating_sub(1);
    for (depth, level) in stack.iter().enumerate() {
        match level {
            Level::Object { .. } if container && depth == last => {}
            Level::Object {
                key,
                in_value: true,
            } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Level::Object { .. } => {}
            Level::Array { index } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}

/// The byte offset of a 1-based line and column (columns count bytes, as
/// serde_json's do), clamped to the text and to a character boundary.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    let mut offset = (line_start + column).min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// `text`, a JSON value, with each object's `type` members moved before its
/// other members (the order otherwise kept); `None` for text the envelope
/// scan refuses.
///
/// For error messages: in `{"intent":…,"type":"IntentRequest"}`, `intent` is
/// read before its struct is known, buffered as a `Value` (see `tagged`), so
/// an error inside it has no position in the text. Read again in this
/// order, the same error has one, and [`path_at`] names the bad value.
pub(crate) fn type_first(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let end = reorder(text, skip_whitespace(text, 0), 0, &mut out)?;
    (skip_whitespace(text, end) == text.len()).then_some(out)
}

fn skip_whitespace(text: &str, mut at: usize) -> usize {
    while let Some(b' ' | b'\n' | b'\r' | b'\t') = text.as_bytes().get(at) {
        at += 1;
    }
    at
}

/// Writes the value at `at` (whitespace skipped) to `out`, its objects'
/// `type` members first; returns where the value ends in `text`.
fn reorder(text: &str, at: usize, depth: usize, out: &mut String) -> Option<usize> {
    let bytes = text.as_bytes();
    let close = match bytes.get(at)? {
        b'{' => b'}',
        b'[' => b']',
        _ => {
            let (end, _) = super::scan::value_end(text, at, depth, false).ok()?;
            out.push_str(&text[at..end]);
            return Some(end);
        }
    };
    if depth >= super::scan::MAX_DEPTH {
        return None;
    }
    // Each member (or element) as written, and whether its key is `type`.
    let mut parts: Vec<(bool, String)> = Vec::new();
    let mut pos = skip_whitespace(text, at + 1);
    if bytes.get(pos) != Some(&close) {
        loop {
            let mut part = String::new();
            let mut is_type = false;
            if close == b'}' {
                if bytes.get(pos) != Some(&b'"') {
                    return None;
                }
                let (key_end, _) = super::scan::value_end(text, pos, depth + 1, false).ok()?;
                let key = &text[pos..key_end];
                is_type = key == "\"type\""
                    || (key.contains('\\') && serde_json::from_str::<String>(key).ok()? == "type");
                part.push_str(key);
                pos = skip_whitespace(text, key_end);
                if bytes.get(pos) != Some(&b':') {
                    return None;
                }
                part.push(':');
                pos = skip_whitespace(text, pos + 1);
            }
            pos = skip_whitespace(text, reorder(text, pos, depth + 1, &mut part)?);
            parts.push((is_type, part));
            match bytes.get(pos)? {
                b',' => pos = skip_whitespace(text, pos + 1),
                &b if b == close => break,
                _ => return None,
            }
        }
    }
    out.push(char::from(bytes[at]));
    let types = parts.iter().filter(|(is_type, _)| *is_type);
    let others = parts.iter().filter(|(is_type, _)| !*is_type);
    for (i, (_, part)) in types.chain(others).enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(part);
    }
    out.push(char::from(close));
    Some(pos + 1)
}

#[cfg(test)]
mod tests {
    use super::path_at;

    fn path_of_error<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
        let err = serde_json::from_str::<T>(text).unwrap_err();
        path_at(text, err.line(), err.column())
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Outer {
        request: Inner,
    }
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Inner {
        #[serde(default)]
        note: String,
        intent: Intent,
        #[serde(default)]
        values: Vec<u32>,
    }
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Intent {
        name: String,
    }

    #[test]
    fn finds_the_path_of_the_bad_value() {
        let text = r#"{"request":{"note":"a \"quoted\" {tricky} [text]","intent":{"name":7}}}"#;
        assert_eq!(path_of_error::<Outer>(text), "request.intent.name");
        let text = "{\n  \"request\": {\n    \"intent\": {\"name\": \"x\"},\n    \"values\": [1, 2, \"three\"]\n  }\n}";
        assert_eq!(path_of_error::<Outer>(text), "request.values[2]");
        let text = r#"{"request":{"values":[]}}"#;
        // A missing field is reported at the end of its object.
        assert_eq!(path_of_error::<Outer>(text), "request");
        assert_eq!(path_at("[1", 1, 2), "[0]");
        assert_eq!(path_at("{}", 1, 2), ".");
        let text = r#"{"request":{"intent":{"name":7},"type":"T"}}"#;
        // serde_json reports it just past the closing brace of `request`.
        assert_eq!(super::container_at(text, 1, 43), "request");
    }

    #[test]
    fn moves_type_members_first() {
        use super::type_first;
        assert_eq!(
            type_first(r#" {"a":1, "b":{"x":[{"k":null,"type":"S"}],"type":"T"} ,"type":"R"} "#)
                .as_deref(),
            Some(r#"{"type":"R","a":1,"b":{"type":"T","x":[{"type":"S","k":null}]}}"#)
        );
        // Escaped keys are decoded to be compared; strings and scalars are kept as written.
        assert_eq!(
            type_first(r#"[{"n":"{\"type\":1}","\u0074ype":2},[],{},-1.5e3,true]"#).as_deref(),
            Some(r#"[{"\u0074ype":2,"n":"{\"type\":1}"},[],{},-1.5e3,true]"#)
        );
        assert_eq!(
            type_first(r#"{"a":1,"type":"T","type":"U"}"#).as_deref(),
            Some(r#"{"type":"T","type":"U","a":1}"#)
        );
        for bad in [
            r#"{"a":1"#,
            r#"{"a" 1}"#,
            r#"{"a":1,}"#,
            r#"[1 2]"#,
            r#"{1:2}"#,
            "[1] x",
            "",
        ] {
            assert_eq!(type_first(bad), None, "{bad}");
        }
    }
}
