//! The JSON path at a position in a document, for error messages.
//!
//! serde_json's errors carry a line and column. Walking the text up to that
//! point gives the path of the value being read (`request.intent.name`)
//! without compiling the whole model a second time with a path-tracking
//! deserializer, which would add about 180 KB to a Lambda package.

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
}
