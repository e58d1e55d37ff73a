//! Shared machinery for `type`-tagged unions with an unknown fallback.
//!
//! [`Request`](super::Request), [`Directive`](super::Directive) and
//! [`ViewportState`](super::ViewportState) read the `type` tag first and then
//! parse the matching struct from the *same* input stream, so that
//!
//! * a known type with a malformed field reports the real error (and, under
//!   [`RequestEnvelope::from_slice`](super::RequestEnvelope::from_slice),
//!   its full path such as `request.intent.name`)
//!   instead of silently falling back to the unknown variant;
//! * the common case costs no intermediate `serde_json::Value`: Alexa puts
//!   `type` first, so the remaining keys stream straight into the struct.
//!
//! When `type` is not the first key, the keys before it are buffered as
//! `Value`s and replayed in front of the rest of the map.
//!
//! A second `type` key is an error (`duplicate field `type``), as a repeated
//! key of any struct field is with serde's derive: see
//! [`RequestEnvelope::from_slice`](super::RequestEnvelope::from_slice).

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{MapAccessDeserializer, StringDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A union whose variant is chosen by a `type` key.
pub(crate) trait Tagged: Sized {
    /// What the visitor says it expected, e.g. "an Alexa request object".
    const EXPECTING: &'static str;

    /// Builds the value for `tag` (`None` when the object has no `type`;
    /// borrowed from the input when it holds no escape) from the object's
    /// other keys.
    fn from_tagged<'de, A: MapAccess<'de>>(
        tag: Option<Cow<'de, str>>,
        rest: Rest<'de, A>,
    ) -> Result<Self, A::Error>;
}

/// Deserializes a [`Tagged`] union.
pub(crate) fn deserialize_tagged<'de, D: Deserializer<'de>, T: Tagged>(
    deserializer: D,
) -> Result<T, D::Error> {
    deserializer.deserialize_map(TaggedVisitor(PhantomData))
}

struct TaggedVisitor<T>(PhantomData<T>);

impl<'de, T: Tagged> Visitor<'de> for TaggedVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut buffered = Vec::new();
        let mut tag = None;
        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::Type => {
                    tag = Some(map.next_value::<TagValue>()?.0);
                    break;
                }
                Key::Other(name) => {
                    let value: Value = map.next_value()?;
                    buffered.push((name, value));
                }
            }
        }
        T::from_tagged(
            tag,
            Rest {
                buffered: buffered.into_iter(),
                pending: None,
                map,
                _de: PhantomData,
            },
        )
    }
}

/// The rest of a tagged object after its `type`: buffered keys first, then
/// whatever is still unread in the input.
pub(crate) struct Rest<'de, A> {
    buffered: std::vec::IntoIter<(String, Value)>,
    pending: Option<(String, Value)>,
    map: A,
    _de: PhantomData<&'de ()>,
}

impl<'de, A: MapAccess<'de>> Rest<'de, A> {
    /// The rest of an object whose first member, `type`, the caller has read from `map`.
    pub(crate) fn after_type(map: A) -> Self {
        Rest {
            buffered: Vec::new().into_iter(),
            pending: None,
            map,
            _de: PhantomData,
        }
    }

    /// Parses the rest of the object as the struct `T`.
    pub(crate) fn parse<T: Deserialize<'de>>(self) -> Result<T, A::Error> {
        T::deserialize(MapAccessDeserializer::new(self))
    }

    /// Collects the rest of the object, with `"type": tag` put back, as raw JSON.
    pub(crate) fn into_raw(self, tag: Option<Cow<'_, str>>) -> Result<Value, A::Error> {
        let mut raw: Map<String, Value> = self.parse()?;
        if let Some(tag) = tag {
            raw.insert("type".to_owned(), Value::String(tag.into_owned()));
        }
        Ok(Value::Object(raw))
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Rest<'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        if let Some((key, value)) = self.buffered.next() {
            let k = seed.deserialize(StringDeserializer::<A::Error>::new(key.clone()))?;
            self.pending = Some((key, value));
            return Ok(Some(k));
        }
        // `type` was read already: a second one is refused, not ignored.
        self.map.next_key_seed(NotType(seed))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        match self.pending.take() {
            // A buffered value (the rare case of `type` not coming first),
            // read from its `Value`. serde_json's position cannot point
            // inside it, so the message names the key;
            // `RequestEnvelope::from_slice` finds the full path by reading the
            // event again with `type` first (see `json_path::type_first`).
            Some((key, value)) => seed
                .deserialize(value)
                .map_err(|e| de::Error::custom(format_args!("at `{key}`: {e}"))),
            None => self.map.next_value_seed(seed),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        self.map
            .size_hint()
            .map(|n| n + self.buffered.len() + usize::from(self.pending.is_some()))
    }
}

/// A key seed that refuses `type`, for the keys after the tag.
struct NotType<K>(K);

impl<'de, K: DeserializeSeed<'de>> DeserializeSeed<'de> for NotType<K> {
    type Value = K::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<K::Value, D::Error> {
        self.0.deserialize(NotTypeKey(deserializer))
    }
}

/// A key deserializer whose visitor sees every key but `type`.
struct NotTypeKey<D>(D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for NotTypeKey<D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(NotTypeVisitor(visitor))
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_identifier(NotTypeVisitor(visitor))
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_str(NotTypeVisitor(visitor))
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_string(NotTypeVisitor(visitor))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct
        enum ignored_any
    }
}

struct NotTypeVisitor<V>(V);

impl<V> NotTypeVisitor<V> {
    fn check<E: de::Error>(key: &str) -> Result<(), E> {
        if key == "type" {
            Err(E::duplicate_field("type"))
        } else {
            Ok(())
        }
    }
}

impl<'de, V: Visitor<'de>> Visitor<'de> for NotTypeVisitor<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        Self::check(v)?;
        self.0.visit_str(v)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        Self::check(v)?;
        self.0.visit_borrowed_str(v)
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        Self::check(&v)?;
        self.0.visit_string(v)
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<V::Value, E> {
        Self::check(std::str::from_utf8(v).unwrap_or(""))?;
        self.0.visit_bytes(v)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<V::Value, E> {
        self.0.visit_u64(v)
    }
}

/// An object key: `type`, or any other key (kept only when buffering).
enum Key {
    Type,
    Other(String),
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key, E> {
                Ok(if v == "type" {
                    Key::Type
                } else {
                    Key::Other(v.to_owned())
                })
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key, E> {
                Ok(if v == "type" {
                    Key::Type
                } else {
                    Key::Other(v)
                })
            }
        }
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

/// The value of `type`, which must be a string: borrowed from the input
/// when it can be (no escapes), so that routing costs no allocation.
struct TagValue<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for TagValue<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TagVisitor;
        impl<'de> Visitor<'de> for TagVisitor {
            type Value = TagValue<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("`type` as a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<TagValue<'de>, E> {
                Ok(TagValue(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<TagValue<'de>, E> {
                Ok(TagValue(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<TagValue<'de>, E> {
                Ok(TagValue(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(TagVisitor)
    }
}

/// Serializes `inner`'s fields after `"type": ty`, without an intermediate `Value`.
pub(crate) fn with_type<S: serde::Serializer, T: Serialize>(
    ty: &str,
    inner: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct WithType<'a, T> {
        #[serde(rename = "type")]
        ty: &'a str,
        #[serde(flatten)]
        inner: &'a T,
    }
    WithType { ty, inner }.serialize(serializer)
}
