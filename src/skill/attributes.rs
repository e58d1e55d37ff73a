//! Attributes: per-request values, and session attributes that travel with the conversation.

use std::any::{Any, TypeId};
use std::collections::HashMap;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::{Error, ErrorKind, Result};

/// Session attributes: read from `session.attributes`, written back into the
/// response's `sessionAttributes`, and so carried from one turn to the next.
///
/// Requests outside a session (AudioPlayer events, skill events…) have no
/// session attributes: reads return `None`, and writes are an
/// [`ErrorKind::Handler`] error rather than a silent loss.
///
/// ```
/// use alexa_kit::skill::SessionAttributes;
/// use serde::{Deserialize, Serialize};
///
/// #[derive(Serialize, Deserialize, Default, PartialEq, Debug)]
/// struct Game { score: u32 }
///
/// let mut session = SessionAttributes::new_session();
/// session.set("visits", 3)?;
/// assert_eq!(session.get::<u32>("visits")?, Some(3));
/// session.set_state(&Game { score: 7 })?;
/// assert_eq!(session.state::<Game>()?, Game { score: 7 });
///
/// let mut none = SessionAttributes::outside_session();
/// assert!(none.get::<u32>("visits")?.is_none());
/// assert!(none.set("visits", 1).is_err());
/// # Ok::<(), alexa_kit::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SessionAttributes {
    map: Option<Map<String, Value>>,
}

impl SessionAttributes {
    /// Attributes of a session (empty).
    ///
    /// ```
    /// assert!(alexa_kit::skill::SessionAttributes::new_session().in_session());
    /// ```
    pub fn new_session() -> Self {
        SessionAttributes {
            map: Some(Map::new()),
        }
    }

    /// No session: reads find nothing, writes fail.
    ///
    /// ```
    /// assert!(!alexa_kit::skill::SessionAttributes::outside_session().in_session());
    /// ```
    pub fn outside_session() -> Self {
        SessionAttributes { map: None }
    }

    pub(crate) fn from_request(in_session: bool, attributes: Option<&Map<String, Value>>) -> Self {
        if in_session {
            SessionAttributes {
                map: Some(attributes.cloned().unwrap_or_default()),
            }
        } else {
            Self::outside_session()
        }
    }

    /// Whether the request belongs to a session.
    ///
    /// ```
    /// assert!(alexa_kit::skill::SessionAttributes::new_session().in_session());
    /// ```
    pub fn in_session(&self) -> bool {
        self.map.is_some()
    }

    /// Reads and deserializes one attribute (`None` if absent or outside a session).
    ///
    /// ```
    /// let mut s = alexa_kit::skill::SessionAttributes::new_session();
    /// s.set("name", "Ada")?;
    /// assert_eq!(s.get::<String>("name")?.as_deref(), Some("Ada"));
    /// assert!(s.get::<u32>("name").is_err(), "wrong type is an error, not None");
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn get<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>> {
        get(self.map.as_ref(), key, "session")
    }

    /// Serializes and stores one attribute.
    ///
    /// ```
    /// let mut s = alexa_kit::skill::SessionAttributes::new_session();
    /// s.set("count", 1)?;
    /// assert_eq!(s.raw().unwrap()["count"], 1);
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn set<T: Serialize>(&mut self, key: &str, value: T) -> Result<()> {
        let value = encode(key, value, "session")?;
        self.map_mut()?.insert(key.to_owned(), value);
        Ok(())
    }

    /// Removes one attribute, returning its raw value.
    ///
    /// ```
    /// let mut s = alexa_kit::skill::SessionAttributes::new_session();
    /// s.set("a", 1)?;
    /// assert!(s.remove("a").is_some());
    /// assert!(s.remove("a").is_none());
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        self.map.as_mut().and_then(|m| m.remove(key))
    }

    /// Removes every attribute.
    ///
    /// ```
    /// let mut s = alexa_kit::skill::SessionAttributes::new_session();
    /// s.set("a", 1)?;
    /// s.clear();
    /// assert!(s.raw().unwrap().is_empty());
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn clear(&mut self) {
        if let Some(m) = self.map.as_mut() {
            m.clear();
        }
    }

    /// Reads all attributes as one typed state (`T::default()` when empty or outside a session).
    ///
    /// ```
    /// #[derive(serde::Deserialize, Default)]
    /// struct State { round: u8 }
    /// let s = alexa_kit::skill::SessionAttributes::new_session();
    /// assert_eq!(s.state::<State>()?.round, 0);
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn state<T: DeserializeOwned + Default>(&self) -> Result<T> {
        state(self.map.as_ref(), "session")
    }

    /// Replaces all attributes with one typed state (it must serialize as a JSON object).
    ///
    /// ```
    /// #[derive(serde::Serialize)]
    /// struct State { round: u8 }
    /// let mut s = alexa_kit::skill::SessionAttributes::new_session();
    /// s.set_state(&State { round: 2 })?;
    /// assert_eq!(s.raw().unwrap()["round"], 2);
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn set_state<T: Serialize>(&mut self, state: &T) -> Result<()> {
        let map = encode_state(state, "session")?;
        *self.map_mut()? = map;
        Ok(())
    }

    /// The raw JSON map (`None` outside a session).
    ///
    /// ```
    /// assert!(alexa_kit::skill::SessionAttributes::outside_session().raw().is_none());
    /// ```
    pub fn raw(&self) -> Option<&Map<String, Value>> {
        self.map.as_ref()
    }

    /// The raw JSON map, for direct edits.
    ///
    /// ```
    /// let mut s = alexa_kit::skill::SessionAttributes::new_session();
    /// s.raw_mut()?.insert("k".into(), serde_json::json!([1, 2]));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn raw_mut(&mut self) -> Result<&mut Map<String, Value>> {
        self.map_mut()
    }

    fn map_mut(&mut self) -> Result<&mut Map<String, Value>> {
        self.map.as_mut().ok_or_else(|| {
            Error::new(
                ErrorKind::Handler,
                "this request is not part of a session, so it has no session attributes",
            )
        })
    }
}

/// Reads and deserializes attribute `key` of `map`; `what` names the kind of
/// attributes in errors ("session", "persistent").
pub(super) fn get<T: DeserializeOwned>(
    map: Option<&Map<String, Value>>,
    key: &str,
    what: &str,
) -> Result<Option<T>> {
    match map.and_then(|m| m.get(key)) {
        None => Ok(None),
        Some(v) => T::deserialize(v).map(Some).map_err(|e| {
            Error::new(
                ErrorKind::Handler,
                format!(
                    "{what} attribute `{key}` does not deserialize as `{}`",
                    std::any::type_name::<T>()
                ),
            )
            .with_source(e)
        }),
    }
}

/// Serializes `value` for attribute `key`.
pub(super) fn encode<T: Serialize>(key: &str, value: T, what: &str) -> Result<Value> {
    serde_json::to_value(&value).map_err(|e| {
        Error::new(
            ErrorKind::Handler,
            format!("{what} attribute `{key}` cannot be serialized"),
        )
        .with_source(e)
    })
}

/// All attributes as one typed state (`T::default()` when empty).
pub(super) fn state<T: DeserializeOwned + Default>(
    map: Option<&Map<String, Value>>,
    what: &str,
) -> Result<T> {
    match map {
        Some(m) if !m.is_empty() => T::deserialize(Value::Object(m.clone())).map_err(|e| {
            Error::new(
                ErrorKind::Handler,
                format!(
                    "{what} attributes do not deserialize as the state `{}`",
                    std::any::type_name::<T>()
                ),
            )
            .with_source(e)
        }),
        _ => Ok(T::default()),
    }
}

/// A typed state as an attribute map (it must serialize as a JSON object).
pub(super) fn encode_state<T: Serialize>(state: &T, what: &str) -> Result<Map<String, Value>> {
    match serde_json::to_value(state) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(other) => Err(Error::new(
            ErrorKind::Handler,
            format!(
                "{what} state must serialize as a JSON object, not {}",
                crate::model::json_kind(&other)
            ),
        )),
        Err(e) => Err(Error::new(
            ErrorKind::Handler,
            format!("{what} state cannot be serialized"),
        )
        .with_source(e)),
    }
}

/// Values that live for one request: a map keyed by type.
///
/// Interceptors use it to hand things to handlers (a loaded user profile, a
/// timer…).
///
/// ```
/// use alexa_kit::skill::RequestAttributes;
///
/// struct Profile { name: String }
/// let mut attrs = RequestAttributes::default();
/// attrs.insert(Profile { name: "Ada".into() });
/// assert_eq!(attrs.get::<Profile>().unwrap().name, "Ada");
/// assert!(attrs.get::<u32>().is_none());
/// ```
#[derive(Default)]
pub struct RequestAttributes {
    map: HashMap<TypeId, Box<dyn Any>>,
}

impl RequestAttributes {
    /// Stores a value, returning the previous one of the same type.
    ///
    /// ```
    /// let mut a = alexa_kit::skill::RequestAttributes::default();
    /// assert!(a.insert(1u8).is_none());
    /// assert_eq!(a.insert(2u8), Some(1));
    /// ```
    pub fn insert<T: 'static>(&mut self, value: T) -> Option<T> {
        self.map
            .insert(TypeId::of::<T>(), Box::new(value))
            .and_then(|old| old.downcast().ok().map(|b| *b))
    }

    /// The value of type `T`, if stored.
    ///
    /// ```
    /// let mut a = alexa_kit::skill::RequestAttributes::default();
    /// a.insert("hello");
    /// assert_eq!(a.get::<&str>(), Some(&"hello"));
    /// ```
    pub fn get<T: 'static>(&self) -> Option<&T> {
        self.map.get(&TypeId::of::<T>())?.downcast_ref()
    }

    /// The value of type `T`, mutably.
    ///
    /// ```
    /// let mut a = alexa_kit::skill::RequestAttributes::default();
    /// a.insert(1u32);
    /// *a.get_mut::<u32>().unwrap() += 1;
    /// assert_eq!(a.get::<u32>(), Some(&2));
    /// ```
    pub fn get_mut<T: 'static>(&mut self) -> Option<&mut T> {
        self.map.get_mut(&TypeId::of::<T>())?.downcast_mut()
    }

    /// Removes and returns the value of type `T`.
    ///
    /// ```
    /// let mut a = alexa_kit::skill::RequestAttributes::default();
    /// a.insert(1u32);
    /// assert_eq!(a.remove::<u32>(), Some(1));
    /// ```
    pub fn remove<T: 'static>(&mut self) -> Option<T> {
        self.map
            .remove(&TypeId::of::<T>())
            .and_then(|b| b.downcast().ok().map(|b| *b))
    }
}

impl std::fmt::Debug for RequestAttributes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RequestAttributes")
            .field("len", &self.map.len())
            .finish()
    }
}
