//! Intents, slots and entity resolution.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::tagged;

/// An intent with its slots, as sent in `IntentRequest` and `CanFulfillIntentRequest`
/// and as returned in a Dialog directive's `updatedIntent`.
///
/// ```
/// use alexa_kit::model::Intent;
/// let i: Intent = serde_json::from_str(r#"{"name":"Book","confirmationStatus":"NONE",
///   "slots":{"city":{"name":"city","value":"Paris"}}}"#)?;
/// assert_eq!(i.slot_value("city"), Some("Paris"));
/// assert_eq!(i.slot_value("date"), None);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Intent {
    /// The intent's name, e.g. `AMAZON.HelpIntent`.
    pub name: String,
    /// Whether the user confirmed the intent (`NONE` when absent; always written,
    /// as Alexa expects it in a Dialog directive's `updatedIntent`).
    #[serde(default)]
    pub confirmation_status: ConfirmationStatus,
    /// Slot name → slot.
    #[serde(default, skip_serializing_if = "HashMap::is_empty")]
    pub slots: HashMap<String, Slot>,
}

impl Intent {
    /// An intent with this name and no slots.
    ///
    /// ```
    /// let i = alexa_kit::model::Intent::new("OrderIntent");
    /// assert_eq!(i.name, "OrderIntent");
    /// ```
    pub fn new(name: impl Into<String>) -> Self {
        Intent {
            name: name.into(),
            ..Intent::default()
        }
    }

    /// Adds (or replaces) a slot with a spoken value.
    ///
    /// ```
    /// let i = alexa_kit::model::Intent::new("OrderIntent").with_slot("drink", "tea");
    /// assert_eq!(i.slot_value("drink"), Some("tea"));
    /// ```
    pub fn with_slot(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        let name = name.into();
        let slot = Slot::new(name.clone(), value);
        self.slots.insert(name, slot);
        self
    }

    /// The slot of that name, if the intent has it.
    ///
    /// ```
    /// let i = alexa_kit::model::Intent::new("I").with_slot("s", "v");
    /// assert!(i.slot("s").is_some());
    /// ```
    pub fn slot(&self, name: &str) -> Option<&Slot> {
        self.slots.get(name)
    }

    /// The spoken value of a slot, if it was filled.
    ///
    /// ```
    /// let i = alexa_kit::model::Intent::new("I").with_slot("s", "v");
    /// assert_eq!(i.slot_value("s"), Some("v"));
    /// ```
    pub fn slot_value(&self, name: &str) -> Option<&str> {
        self.slot(name).and_then(Slot::value)
    }

    /// The first entity-resolution match of a slot (`ER_SUCCESS_MATCH`).
    ///
    /// ```
    /// use alexa_kit::model::Intent;
    /// let i: Intent = serde_json::from_str(r#"{"name":"I","slots":{"pet":{"name":"pet","value":"doggo",
    ///   "resolutions":{"resolutionsPerAuthority":[{"authority":"a","status":{"code":"ER_SUCCESS_MATCH"},
    ///   "values":[{"value":{"name":"dog","id":"DOG"}}]}]}}}}"#)?;
    /// let m = i.resolved("pet").unwrap();
    /// assert_eq!((m.name.as_str(), m.id.as_deref()), ("dog", Some("DOG")));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn resolved(&self, slot: &str) -> Option<&ResolvedValue> {
        self.slot(slot).and_then(Slot::resolved)
    }
}

open_enum! {
    /// `NONE`, `DENIED` or `CONFIRMED`.
    ///
    /// ```
    /// use alexa_kit::model::ConfirmationStatus;
    /// let s: ConfirmationStatus = serde_json::from_str(r#""CONFIRMED""#)?;
    /// assert_eq!(s, ConfirmationStatus::Confirmed);
    /// assert_eq!(ConfirmationStatus::default(), ConfirmationStatus::None);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Default)]
    pub enum ConfirmationStatus {
        /// Nothing was asked or answered yet.
        #[default]
        None = "NONE",
        /// The user said no.
        Denied = "DENIED",
        /// The user said yes.
        Confirmed = "CONFIRMED",
    }
}

open_enum! {
    /// `STARTED`, `IN_PROGRESS` or `COMPLETED`: where a dialog-model conversation
    /// is. A value Alexa adds later is kept in `Other` instead of failing.
    ///
    /// ```
    /// use alexa_kit::model::DialogState;
    /// let s: DialogState = serde_json::from_str(r#""IN_PROGRESS""#)?;
    /// assert_eq!(s, DialogState::InProgress);
    /// let new: DialogState = serde_json::from_str(r#""PAUSED""#)?;
    /// assert_eq!(new, DialogState::Other("PAUSED".into()));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub enum DialogState {
        /// The first turn of a dialog.
        Started = "STARTED",
        /// Slots are still being collected.
        InProgress = "IN_PROGRESS",
        /// Every required slot is filled and confirmed.
        Completed = "COMPLETED",
    }
}

/// A slot of an intent.
///
/// ```
/// use alexa_kit::model::Slot;
/// let s: Slot = serde_json::from_str(r#"{"name":"city","value":"Rome","source":"USER"}"#)?;
/// assert_eq!(s.value(), Some("Rome"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Slot {
    /// The slot's name (repeats the map key).
    #[serde(default)]
    pub name: String,
    /// What the user said; absent when the slot is unfilled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Whether the user confirmed this slot (`NONE` when absent; always written).
    #[serde(default)]
    pub confirmation_status: ConfirmationStatus,
    /// Entity resolution results.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolutions: Option<Resolutions>,
    /// The newer structured value: the only carrier of multi-value slots.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slot_value: Option<SlotValue>,
}

impl Slot {
    /// A filled slot.
    ///
    /// ```
    /// let s = alexa_kit::model::Slot::new("city", "Rome");
    /// assert_eq!(s.value(), Some("Rome"));
    /// ```
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> Self {
        Slot {
            name: name.into(),
            value: Some(value.into()),
            ..Slot::default()
        }
    }

    /// The spoken value: `value`, or the simple `slotValue.value`.
    ///
    /// ```
    /// let s: alexa_kit::model::Slot = serde_json::from_str(
    ///     r#"{"name":"x","slotValue":{"type":"Simple","value":"v"}}"#)?;
    /// assert_eq!(s.value(), Some("v"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn value(&self) -> Option<&str> {
        self.value.as_deref().or(match &self.slot_value {
            Some(SlotValue::Simple { value, .. }) => value.as_deref(),
            _ => None,
        })
    }

    /// Every spoken value: one for a simple slot, several for a multi-value slot.
    ///
    /// ```
    /// let s: alexa_kit::model::Slot = serde_json::from_str(r#"{"name":"x","slotValue":{"type":"List",
    ///   "values":[{"type":"Simple","value":"a"},{"type":"Simple","value":"b"}]}}"#)?;
    /// assert_eq!(s.values(), vec!["a", "b"]);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn values(&self) -> Vec<&str> {
        match &self.slot_value {
            Some(v) => v.values(),
            None => self.value.as_deref().into_iter().collect(),
        }
    }

    /// The first `ER_SUCCESS_MATCH` value of any authority.
    ///
    /// ```
    /// let s = alexa_kit::model::Slot::new("x", "y");
    /// assert!(s.resolved().is_none());
    /// ```
    pub fn resolved(&self) -> Option<&ResolvedValue> {
        self.resolutions
            .as_ref()
            .and_then(first_match)
            .or(match &self.slot_value {
                Some(SlotValue::Simple {
                    resolutions: Some(r),
                    ..
                }) => first_match(r),
                _ => None,
            })
    }
}

fn first_match(r: &Resolutions) -> Option<&ResolvedValue> {
    r.resolutions_per_authority
        .iter()
        .filter(|a| a.is_match())
        .find_map(|a| a.values.first().map(|v| &v.value))
}

/// `slotValue`: a simple value or a list of values (multi-value slots).
///
/// A `type` alexa-kit does not know is kept as raw JSON in [`SlotValue::Other`].
///
/// ```
/// use alexa_kit::model::SlotValue;
/// let v: SlotValue = serde_json::from_str(r#"{"type":"Simple","value":"x"}"#)?;
/// assert_eq!(v.values(), vec!["x"]);
/// let future: SlotValue = serde_json::from_str(r#"{"type":"Range","from":1,"to":3}"#)?;
/// assert!(matches!(future, SlotValue::Other(_)));
/// assert_eq!(serde_json::to_string(&future)?, r#"{"from":1,"to":3,"type":"Range"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type")]
#[non_exhaustive]
pub enum SlotValue {
    /// One value.
    Simple {
        /// What the user said.
        #[serde(skip_serializing_if = "Option::is_none")]
        value: Option<String>,
        /// Entity resolution of this value.
        #[serde(skip_serializing_if = "Option::is_none")]
        resolutions: Option<Resolutions>,
    },
    /// Several values.
    List {
        /// The values, each usually `Simple`.
        values: Vec<SlotValue>,
    },
    /// A slot value of another `type` (or none), kept as sent.
    #[serde(untagged)]
    Other(Value),
}

impl SlotValue {
    /// Every spoken value, flattened.
    ///
    /// ```
    /// use alexa_kit::model::SlotValue;
    /// let v = SlotValue::List { values: vec![] };
    /// assert!(v.values().is_empty());
    /// ```
    pub fn values(&self) -> Vec<&str> {
        match self {
            SlotValue::Simple { value, .. } => value.as_deref().into_iter().collect(),
            SlotValue::List { values } => values.iter().flat_map(SlotValue::values).collect(),
            SlotValue::Other(_) => Vec::new(),
        }
    }
}

impl<'de> Deserialize<'de> for SlotValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        tagged::deserialize_tagged(deserializer)
    }
}

impl tagged::Tagged for SlotValue {
    const EXPECTING: &'static str = "a slot value object";

    fn from_tagged<'de, A: serde::de::MapAccess<'de>>(
        tag: Option<std::borrow::Cow<'de, str>>,
        rest: tagged::Rest<'de, A>,
    ) -> Result<Self, A::Error> {
        #[derive(Deserialize)]
        struct SimpleFields {
            #[serde(default)]
            value: Option<String>,
            #[serde(default)]
            resolutions: Option<Resolutions>,
        }
        #[derive(Deserialize)]
        struct ListFields {
            #[serde(default)]
            values: Vec<SlotValue>,
        }
        Ok(match tag.as_deref() {
            Some("Simple") => {
                let f: SimpleFields = rest.parse()?;
                SlotValue::Simple {
                    value: f.value,
                    resolutions: f.resolutions,
                }
            }
            Some("List") => SlotValue::List {
                values: rest.parse::<ListFields>()?.values,
            },
            _ => SlotValue::Other(rest.into_raw(tag)?),
        })
    }
}

/// `resolutions`: entity-resolution results per authority.
///
/// ```
/// let r: alexa_kit::model::Resolutions = serde_json::from_str(r#"{"resolutionsPerAuthority":[]}"#)?;
/// assert!(r.resolutions_per_authority.is_empty());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Resolutions {
    /// One entry per authority (custom slot type, dynamic entities).
    #[serde(default)]
    pub resolutions_per_authority: Vec<Resolution>,
}

/// The result of one authority.
///
/// ```
/// let r: alexa_kit::model::Resolution = serde_json::from_str(
///     r#"{"authority":"a","status":{"code":"ER_SUCCESS_NO_MATCH"}}"#)?;
/// assert!(!r.is_match());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Resolution {
    /// `amzn1.er-authority.echo-sdk.<skillId>.<SlotType>`.
    #[serde(default)]
    pub authority: String,
    /// Match status.
    #[serde(default)]
    pub status: ResolutionStatus,
    /// The matched values (absent on `ER_SUCCESS_NO_MATCH`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<ResolutionValueWrapper>,
}

impl Resolution {
    /// Whether the status code is `ER_SUCCESS_MATCH`.
    ///
    /// ```
    /// let r = alexa_kit::model::Resolution::default();
    /// assert!(!r.is_match());
    /// ```
    pub fn is_match(&self) -> bool {
        self.status.code == "ER_SUCCESS_MATCH"
    }
}

/// `{"code": "ER_SUCCESS_MATCH" | "ER_SUCCESS_NO_MATCH" | "ER_ERROR_TIMEOUT" | "ER_ERROR_EXCEPTION"}`.
///
/// ```
/// let s: alexa_kit::model::ResolutionStatus = serde_json::from_str(r#"{"code":"ER_ERROR_TIMEOUT"}"#)?;
/// assert_eq!(s.code, "ER_ERROR_TIMEOUT");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResolutionStatus {
    /// The status code.
    #[serde(default)]
    pub code: String,
}

/// `{"value": {...}}` in a resolution's `values`.
///
/// ```
/// let w: alexa_kit::model::ResolutionValueWrapper =
///     serde_json::from_str(r#"{"value":{"name":"dog","id":"DOG"}}"#)?;
/// assert_eq!(w.value.name, "dog");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResolutionValueWrapper {
    /// The resolved entity.
    pub value: ResolvedValue,
}

/// A resolved entity: its canonical name and id.
///
/// ```
/// let v: alexa_kit::model::ResolvedValue = serde_json::from_str(r#"{"name":"LaGuardia","id":"LGA"}"#)?;
/// assert_eq!(v.id.as_deref(), Some("LGA"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResolvedValue {
    /// The canonical value.
    #[serde(default)]
    pub name: String,
    /// The entity id, if the slot type defines one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}
