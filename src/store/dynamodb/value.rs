//! JSON values to DynamoDB attribute values and back, numbers exactly.
//!
//! DynamoDB numbers travel as decimal strings (`{"N": "…"}`). Integers that
//! fit `i64` or `u64` come back as those, so 2^63+1 or 12345678901234567890
//! survive; other numbers come back as `f64` when the `f64` holds the very
//! same decimal value when written back (`0.1`, `1.5e125`); a number beyond
//! that (more than 17 significant digits, say, written by a Python skill's
//! `Decimal`) comes back as a JSON string of its exact digits rather than
//! rounded.

use serde_json::{Map, Number, Value, json};

use crate::{Error, ErrorKind, Result};

/// A JSON value as a DynamoDB attribute value.
pub(crate) fn to_attribute(value: &Value) -> Value {
    match value {
        Value::Null => json!({ "NULL": true }),
        Value::Bool(b) => json!({ "BOOL": b }),
        Value::Number(n) => json!({ "N": n.to_string() }),
        Value::String(s) => json!({ "S": s }),
        Value::Array(items) => json!({ "L": items.iter().map(to_attribute).collect::<Vec<_>>() }),
        Value::Object(map) => json!({ "M": to_map(map) }),
    }
}

/// A JSON object as a map of attribute values.
pub(crate) fn to_map(map: &Map<String, Value>) -> Map<String, Value> {
    map.iter()
        .map(|(k, v)| (k.clone(), to_attribute(v)))
        .collect()
}

/// A DynamoDB attribute value as JSON. Sets become arrays, binary values
/// their base64 text.
pub(crate) fn from_attribute(attribute: &Value) -> Result<Value> {
    let malformed = || {
        Error::new(
            ErrorKind::Service,
            format!("DynamoDB sent an attribute value alexa-kit does not understand: {attribute}"),
        )
    };
    let Some((tag, inner)) = attribute
        .as_object()
        .filter(|m| m.len() == 1)
        .and_then(|m| m.iter().next())
    else {
        return Err(malformed());
    };
    Ok(match (tag.as_str(), inner) {
        ("S" | "B", Value::String(s)) => Value::String(s.clone()),
        ("N", Value::String(n)) => number(n).ok_or_else(malformed)?,
        ("BOOL", Value::Bool(b)) => Value::Bool(*b),
        ("NULL", _) => Value::Null,
        ("M", Value::Object(map)) => Value::Object(from_map(map)?),
        ("L", Value::Array(items)) => Value::Array(
            items
                .iter()
                .map(from_attribute)
                .collect::<Result<Vec<_>>>()?,
        ),
        ("SS" | "BS", Value::Array(items)) if items.iter().all(Value::is_string) => {
            Value::Array(items.clone())
        }
        ("NS", Value::Array(items)) => Value::Array(
            items
                .iter()
                .map(|n| n.as_str().and_then(number).ok_or_else(malformed))
                .collect::<Result<Vec<_>>>()?,
        ),
        _ => return Err(malformed()),
    })
}

/// A map of attribute values as a JSON object.
pub(crate) fn from_map(map: &Map<String, Value>) -> Result<Map<String, Value>> {
    map.iter()
        .map(|(k, v)| Ok((k.clone(), from_attribute(v)?)))
        .collect()
}

/// A DynamoDB number as exact JSON (see the module docs); `None` if `n` is
/// not a number at all.
pub(crate) fn number(n: &str) -> Option<Value> {
    let n = n.trim();
    if let Ok(i) = n.parse::<i64>() {
        return Some(Value::Number(i.into()));
    }
    if let Ok(u) = n.parse::<u64>() {
        return Some(Value::Number(u.into()));
    }
    let exact = canonical(n)?;
    let f = n.parse::<f64>().ok().filter(|f| f.is_finite())?;
    if canonical(&format!("{f:e}")) == Some(exact) {
        Number::from_f64(f).map(Value::Number)
    } else {
        Some(Value::String(n.to_owned()))
    }
}

/// A decimal as (negative, significant digits, exponent), so that equal
/// values compare equal however they are written.
fn canonical(n: &str) -> Option<(bool, String, i64)> {
    let (negative, rest) = match n.as_bytes().first()? {
        b'-' => (true, &n[1..]),
        b'+' => (false, &n[1..]),
        _ => (false, n),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], rest[i + 1..].parse::<i64>().ok()?),
        None => (rest, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if int.is_empty() && frac.is_empty()
        || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let digits = format!("{int}{frac}");
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        return Some((false, String::new(), 0));
    }
    let trimmed = digits.trim_end_matches('0');
    let exponent = exponent
        .checked_sub(i64::try_from(frac.len()).ok()?)?
        .checked_add(i64::try_from(digits.len() - trimmed.len()).ok()?)?;
    Some((negative, trimmed.to_owned(), exponent))
}

/// The size DynamoDB counts for an item: attribute names and values in bytes
/// (strings in UTF-8, numbers about one byte per two digits, one byte per
/// boolean or null, three bytes of overhead per map or list plus one per
/// element). Close enough to refuse an item over the 400 KB limit before
/// sending it.
pub(crate) fn item_size(item: &Map<String, Value>) -> usize {
    item.iter()
        .map(|(name, attribute)| name.len() + attribute_size(attribute))
        .sum()
}

fn attribute_size(attribute: &Value) -> usize {
    let Some((tag, inner)) = attribute.as_object().and_then(|m| m.iter().next()) else {
        return 0;
    };
    match (tag.as_str(), inner) {
        ("S" | "B", Value::String(s)) => s.len(),
        ("N", Value::String(n)) => n.len().div_ceil(2) + 1,
        ("M", Value::Object(map)) => 3 + map.len() + item_size(map),
        ("L", Value::Array(items)) => {
            3 + items.iter().map(|a| 1 + attribute_size(a)).sum::<usize>()
        }
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_come_back_exactly() {
        assert_eq!(
            number("9223372036854775809"),
            Some(json!(9223372036854775809_u64))
        );
        assert_eq!(
            number("12345678901234567890"),
            Some(json!(12345678901234567890_u64))
        );
        assert_eq!(number("-9223372036854775808"), Some(json!(i64::MIN)));
        assert_eq!(number("0.1"), Some(json!(0.1)));
        assert_eq!(number("1.5E+125"), Some(json!(1.5e125)));
        assert_eq!(
            number("150000000000000000000000000000"),
            Some(json!(1.5e29))
        );
        assert_eq!(number("100.0"), Some(json!(100.0)));
        // Beyond u64, and not what an f64 writes back: the exact digits, as a string
        // (2^64 is an f64, but one that would be saved as 18446744073709552000).
        assert_eq!(
            number("18446744073709551616"),
            Some(json!("18446744073709551616"))
        );
        assert_eq!(
            number("123456789012345678901234567890"),
            Some(json!("123456789012345678901234567890"))
        );
        assert_eq!(
            number("0.12345678901234567890123"),
            Some(json!("0.12345678901234567890123"))
        );
        assert_eq!(number("abc"), None);
        assert_eq!(number(""), None);
        assert_eq!(number("1e"), None);
    }

    #[test]
    fn every_json_value_round_trips() {
        let value = json!({"a": [1, -2, 2.5, "x", null, true, {"b": []}], "c": {}});
        assert_eq!(from_attribute(&to_attribute(&value)).unwrap(), value);
    }

    #[test]
    fn sets_and_binary_read_as_arrays_and_text() {
        let item =
            json!({"ss": {"SS": ["a", "b"]}, "ns": {"NS": ["1", "2.5"]}, "b": {"B": "AAE="}});
        let Value::Object(map) = item else {
            unreachable!()
        };
        assert_eq!(
            Value::Object(from_map(&map).unwrap()),
            json!({"ss": ["a", "b"], "ns": [1, 2.5], "b": "AAE="})
        );
        assert!(from_attribute(&json!({"X": 1})).is_err());
        assert!(from_attribute(&json!({"N": "not a number"})).is_err());
        assert!(from_attribute(&json!("bare")).is_err());
    }
}
