//! Shared machinery for `type`-tagged unions with an unknown fallback.
//!
//! Both [`Request`](super::Request) and [`Directive`](super::Directive) read
//! the `type` tag first and then parse the matching struct, so that a known
//! type with a malformed field reports the real error (with its path) instead
//! of silently falling back to the unknown variant.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// Parses `value` as `T`, reporting errors with the path inside `value`.
pub(crate) fn parse_variant<T: DeserializeOwned, E: serde::de::Error>(
    type_name: &str,
    value: Value,
) -> Result<T, E> {
    serde_path_to_error::deserialize(value).map_err(|err| {
        let path = err.path().to_string();
        if path == "." {
            E::custom(format_args!("in {type_name}: {}", err.inner()))
        } else {
            E::custom(format_args!("in {type_name} at `{path}`: {}", err.inner()))
        }
    })
}

/// Reads the `type` field of a JSON object, returning it and the object.
pub(crate) fn split_type<E: serde::de::Error>(value: Value) -> Result<(String, Value), E> {
    match value {
        Value::Object(map) => {
            let ty = match map.get("type") {
                Some(Value::String(s)) => s.clone(),
                Some(other) => {
                    return Err(E::custom(format_args!(
                        "`type` must be a string, found {other}"
                    )));
                }
                None => String::new(),
            };
            Ok((ty, Value::Object(map)))
        }
        other => Err(E::custom(format_args!(
            "expected a JSON object, found {}",
            kind_of(&other)
        ))),
    }
}

/// Adds `"type": ty` in front of a serialized struct's fields.
pub(crate) fn with_type<S: serde::Serializer, T: serde::Serialize>(
    ty: &str,
    inner: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::Error as _;
    let mut map = Map::new();
    map.insert("type".to_owned(), Value::String(ty.to_owned()));
    match serde_json::to_value(inner).map_err(S::Error::custom)? {
        Value::Object(fields) => {
            for (k, v) in fields {
                if k != "type" {
                    map.insert(k, v);
                }
            }
        }
        Value::Null => {}
        other => return Err(S::Error::custom(format_args!("{ty} serialized as {other}"))),
    }
    serde::Serialize::serialize(&map, serializer)
}

pub(crate) fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
