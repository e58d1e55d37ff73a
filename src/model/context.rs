//! `context`: the state of the device, user and interfaces.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Application, User};
use super::{lenient, tagged};

/// `context`: what Alexa knows about the device, user and interfaces.
///
/// Keys are PascalCase or dotted on the wire (`System`, `AudioPlayer`,
/// `Alexa.Presentation.APL`), so each field is renamed one by one. Keys
/// alexa-kit does not model (`AppLink`, `Alexa.DataStore.PackageManager`…)
/// are ignored.
///
/// Normalisations when a parsed context is serialized again:
/// * the lower-case `experimentation` key some tools send is read as
///   `Experimentation` and written back under that name;
/// * numbers sent as numeric strings (`"arcMinuteWidth": "246"`) are written
///   back as numbers;
/// * the APLT viewport key `format` is written back as `characterFormat`;
/// * empty lists and maps are left out.
///
/// The larger interface states (`System`, `AudioPlayer`, `Viewport`,
/// `Geolocation`, `Extensions`, `Alexa.Presentation.APL`) are boxed: an
/// absent one costs nothing, and a `Context` stays small enough to move
/// cheaply (it went from 1,168 to 208 bytes).
///
/// ```
/// use alexa_kit::model::Context;
/// let c: Context = serde_json::from_str(r#"{"System":{"apiEndpoint":"https://api.amazonalexa.com"},
///     "AudioPlayer":{"playerActivity":"IDLE"},
///     "Viewport":{"shape":"ROUND","pixelWidth":480,"pixelHeight":480,"dpi":160},
///     "AppLink":{"future":"field"}}"#)?;
/// assert_eq!(c.system.unwrap().api_endpoint.as_deref(), Some("https://api.amazonalexa.com"));
/// assert_eq!(c.audio_player.unwrap().player_activity.as_deref(), Some("IDLE"));
/// assert_eq!(c.viewport.unwrap().pixel_width, Some(480));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Context {
    /// `System`: application, user, device, person and API access.
    #[serde(rename = "System", default, skip_serializing_if = "Option::is_none")]
    pub system: Option<Box<SystemState>>,
    /// `AudioPlayer`: the player's state.
    #[serde(
        rename = "AudioPlayer",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub audio_player: Option<Box<AudioPlayerState>>,
    /// `Viewport`: the screen, on devices that have one.
    #[serde(rename = "Viewport", default, skip_serializing_if = "Option::is_none")]
    pub viewport: Option<Box<Viewport>>,
    /// `Viewports`: typed viewport states (APL, APLT, or raw JSON for others).
    #[serde(rename = "Viewports", default, skip_serializing_if = "Option::is_none")]
    pub viewports: Option<Vec<ViewportState>>,
    /// `Geolocation`: the device's location, if the user granted it.
    #[serde(
        rename = "Geolocation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub geolocation: Option<Box<Geolocation>>,
    /// `Extensions`: available APL extensions.
    #[serde(
        rename = "Extensions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub extensions: Option<Box<Extensions>>,
    /// `Alexa.Presentation.APL`: the rendered APL document's state.
    #[serde(
        rename = "Alexa.Presentation.APL",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub apl: Option<Box<AplState>>,
    /// `Alexa.Presentation`: the state of every presentation on screen.
    #[serde(
        rename = "Alexa.Presentation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub presentation: Option<PresentationState>,
    /// `Display`: the legacy display template's state.
    #[serde(rename = "Display", default, skip_serializing_if = "Option::is_none")]
    pub display: Option<DisplayState>,
    /// `Automotive`: present (usually as `{}`) in a vehicle.
    #[serde(
        rename = "Automotive",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub automotive: Option<Value>,
    /// `Experimentation`: the A/B tests this request takes part in
    /// (also read from the lower-case `experimentation`).
    #[serde(
        rename = "Experimentation",
        alias = "experimentation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub experimentation: Option<Experimentation>,
    /// `Advertising`: the advertising id and ad-tracking preference.
    #[serde(
        rename = "Advertising",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub advertising: Option<Advertising>,
}

/// `context.System`.
///
/// ```
/// use alexa_kit::model::SystemState;
/// let s: SystemState = serde_json::from_str(r#"{"device":{"deviceId":"d","supportedInterfaces":{}},
///     "apiAccessToken":"t"}"#)?;
/// assert_eq!(s.device.unwrap().device_id.as_deref(), Some("d"));
/// assert_eq!(s.api_access_token.as_deref(), Some("t"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SystemState {
    /// The skill.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application: Option<Application>,
    /// The Amazon account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<User>,
    /// The device that sent the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<Device>,
    /// The recognised speaker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<Person>,
    /// The Alexa Smart Properties unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
    /// Base URL of the Alexa service APIs for this user's region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_endpoint: Option<String>,
    /// Bearer token for the Alexa service APIs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_access_token: Option<String>,
}

/// `context.System.device`.
///
/// ```
/// let d: alexa_kit::model::Device = serde_json::from_str("{}")?;
/// assert!(d.supported_interfaces.is_empty());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Device {
    /// The device id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_id: Option<String>,
    /// The persistent endpoint id, for Alexa-enabled endpoints.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persistent_endpoint_id: Option<String>,
    /// Interface name → its (usually empty) description; presence means support.
    #[serde(default)]
    pub supported_interfaces: HashMap<String, Value>,
}

/// `context.System.person`: the speaker Alexa recognised.
///
/// ```
/// let p: alexa_kit::model::Person = serde_json::from_str(r#"{"personId":"p"}"#)?;
/// assert_eq!(p.person_id.as_deref(), Some("p"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Person {
    /// The person id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_id: Option<String>,
    /// The person-level account-linking token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_token: Option<String>,
}

/// `context.System.unit` (Alexa Smart Properties).
///
/// ```
/// let u: alexa_kit::model::Unit = serde_json::from_str(r#"{"unitId":"u"}"#)?;
/// assert_eq!(u.unit_id.as_deref(), Some("u"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Unit {
    /// The unit id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_id: Option<String>,
    /// The persistent unit id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persistent_unit_id: Option<String>,
}

/// `context.AudioPlayer`.
///
/// ```
/// let a: alexa_kit::model::AudioPlayerState =
///     serde_json::from_str(r#"{"token":"t","offsetInMilliseconds":5,"playerActivity":"STOPPED"}"#)?;
/// assert_eq!(a.offset_in_milliseconds, Some(5));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AudioPlayerState {
    /// The token of the current stream.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// The playback position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset_in_milliseconds: Option<i64>,
    /// `IDLE`, `PAUSED`, `PLAYING`, `BUFFER_UNDERRUN`, `FINISHED` or `STOPPED`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub player_activity: Option<String>,
}

open_enum! {
    /// `Viewport.mode`: what kind of device the screen belongs to.
    ///
    /// ```
    /// use alexa_kit::model::ViewportMode;
    /// let m: ViewportMode = serde_json::from_str(r#""HUB""#)?;
    /// assert_eq!(m, ViewportMode::Hub);
    /// let new: ViewportMode = serde_json::from_str(r#""WATCH""#)?;
    /// assert_eq!(new.as_str(), "WATCH");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub enum ViewportMode {
        /// `AUTO`: a vehicle.
        Auto = "AUTO",
        /// `HUB`: a shared device such as an Echo Show.
        Hub = "HUB",
        /// `MOBILE`: a phone or tablet.
        Mobile = "MOBILE",
        /// `PC`: a desktop or laptop.
        Pc = "PC",
        /// `TV`: a television, seen from afar.
        Tv = "TV",
    }
}

open_enum! {
    /// `Viewport.shape`: `RECTANGLE` or `ROUND`.
    ///
    /// ```
    /// use alexa_kit::model::ViewportShape;
    /// let s: ViewportShape = serde_json::from_str(r#""ROUND""#)?;
    /// assert_eq!(s, ViewportShape::Round);
    /// assert_eq!(serde_json::to_string(&s)?, r#""ROUND""#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub enum ViewportShape {
        /// `RECTANGLE`.
        Rectangle = "RECTANGLE",
        /// `ROUND`, as on an Echo Spot.
        Round = "ROUND",
    }
}

/// `context.Viewport`: the screen of a device that has one.
///
/// Pixel sizes and `dpi` are read from numbers or numeric strings.
///
/// ```
/// use alexa_kit::model::{Viewport, ViewportMode, ViewportShape};
/// let v: Viewport = serde_json::from_str(r#"{"experiences":[{"arcMinuteWidth":"246",
///     "arcMinuteHeight":144,"canRotate":false,"canResize":false}],"mode":"HUB","shape":"RECTANGLE",
///     "pixelWidth":1024,"pixelHeight":600,"dpi":160,"currentPixelWidth":1024,
///     "currentPixelHeight":600,"touch":["SINGLE"],"keyboard":["DIRECTION"],
///     "video":{"codecs":["H_264_42"]}}"#)?;
/// assert_eq!(v.mode, Some(ViewportMode::Hub));
/// assert_eq!(v.shape, Some(ViewportShape::Rectangle));
/// assert_eq!((v.pixel_width, v.pixel_height, v.dpi), (Some(1024), Some(600), Some(160)));
/// assert_eq!(v.experiences[0].arc_minute_width, Some(246.0));
/// assert!(v.has_touch());
/// assert!(v.supports_video_codec("H_264_42"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Viewport {
    /// How the device can be used (distance, rotation, resizing).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub experiences: Vec<Experience>,
    /// What kind of device this is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<ViewportMode>,
    /// The screen's shape.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shape: Option<ViewportShape>,
    /// The screen's full width in pixels.
    #[serde(
        default,
        deserialize_with = "lenient::opt_u32",
        skip_serializing_if = "Option::is_none"
    )]
    pub pixel_width: Option<u32>,
    /// The screen's full height in pixels.
    #[serde(
        default,
        deserialize_with = "lenient::opt_u32",
        skip_serializing_if = "Option::is_none"
    )]
    pub pixel_height: Option<u32>,
    /// Pixel density.
    #[serde(
        default,
        deserialize_with = "lenient::opt_u32",
        skip_serializing_if = "Option::is_none"
    )]
    pub dpi: Option<u32>,
    /// The width currently available to the skill.
    #[serde(
        default,
        deserialize_with = "lenient::opt_u32",
        skip_serializing_if = "Option::is_none"
    )]
    pub current_pixel_width: Option<u32>,
    /// The height currently available to the skill.
    #[serde(
        default,
        deserialize_with = "lenient::opt_u32",
        skip_serializing_if = "Option::is_none"
    )]
    pub current_pixel_height: Option<u32>,
    /// Touch input, e.g. `["SINGLE"]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub touch: Vec<String>,
    /// Keyboard input, e.g. `["DIRECTION"]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keyboard: Vec<String>,
    /// Video playback support.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video: Option<VideoSupport>,
}

impl Viewport {
    /// Whether the screen accepts touch input.
    ///
    /// ```
    /// assert!(!alexa_kit::model::Viewport::default().has_touch());
    /// ```
    pub fn has_touch(&self) -> bool {
        !self.touch.is_empty()
    }

    /// Whether the device plays video in this codec, e.g. `"H_264_41"`.
    ///
    /// ```
    /// assert!(!alexa_kit::model::Viewport::default().supports_video_codec("H_264_41"));
    /// ```
    pub fn supports_video_codec(&self, codec: &str) -> bool {
        self.video
            .as_ref()
            .is_some_and(|v| v.codecs.iter().any(|c| c == codec))
    }
}

/// One entry of `Viewport.experiences`.
///
/// Arc minutes are read from numbers or numeric strings (one capture sends `"246"`).
///
/// ```
/// let e: alexa_kit::model::Experience =
///     serde_json::from_str(r#"{"arcMinuteWidth":"246","arcMinuteHeight":144.5,"canRotate":true}"#)?;
/// assert_eq!(e.arc_minute_width, Some(246.0));
/// assert_eq!(e.arc_minute_height, Some(144.5));
/// assert_eq!(e.can_rotate, Some(true));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Experience {
    /// The screen's width as seen by the user, in arc minutes.
    #[serde(
        default,
        deserialize_with = "lenient::opt_f64",
        skip_serializing_if = "Option::is_none"
    )]
    pub arc_minute_width: Option<f64>,
    /// The screen's height as seen by the user, in arc minutes.
    #[serde(
        default,
        deserialize_with = "lenient::opt_f64",
        skip_serializing_if = "Option::is_none"
    )]
    pub arc_minute_height: Option<f64>,
    /// Whether the device can be rotated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub can_rotate: Option<bool>,
    /// Whether the viewport can be resized.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub can_resize: Option<bool>,
}

/// `{"codecs": ["H_264_41", "H_264_42"]}`: the video codecs a device plays.
///
/// ```
/// let v: alexa_kit::model::VideoSupport = serde_json::from_str(r#"{"codecs":["H_264_41"]}"#)?;
/// assert_eq!(v.codecs, ["H_264_41"]);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VideoSupport {
    /// Codec names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codecs: Vec<String>,
}

/// One entry of `context.Viewports`, tagged by `type`.
///
/// `APL` and `APLT` are typed; any other type, or an entry without `type`, is
/// kept as raw JSON in [`ViewportState::Other`].
///
/// ```
/// use alexa_kit::model::ViewportState;
/// let v: Vec<ViewportState> = serde_json::from_str(r#"[
///     {"type":"APL","id":"main","shape":"RECTANGLE","dpi":160,"presentationType":"STANDARD",
///      "configuration":{"current":{"mode":"HUB","size":{"type":"DISCRETE","pixelWidth":1024,"pixelHeight":600}}}},
///     {"type":"APLT","id":"clock","lineLength":4,"lineCount":1,"characterFormat":"SEVEN_SEGMENT"},
///     {"mode":"HUB","shape":"ROUND"}]"#)?;
/// let ViewportState::Apl(apl) = &v[0] else { panic!() };
/// assert_eq!(apl.pixel_size(), Some((1024, 600)));
/// let ViewportState::Aplt(aplt) = &v[1] else { panic!() };
/// assert_eq!(aplt.line_length, Some(4));
/// assert!(matches!(&v[2], ViewportState::Other(raw) if raw["shape"] == "ROUND"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ViewportState {
    /// `APL`: a screen that renders APL.
    Apl(AplViewportState),
    /// `APLT`: a character display (e.g. an Echo Dot's clock).
    Aplt(ApltViewportState),
    /// Any other viewport, kept as sent.
    Other(Value),
}

impl ViewportState {
    /// The entry's `type` (`"APL"`, `"APLT"`, or the raw one; `""` if absent).
    ///
    /// ```
    /// use alexa_kit::model::{AplViewportState, ViewportState};
    /// assert_eq!(ViewportState::Apl(AplViewportState::default()).type_name(), "APL");
    /// ```
    pub fn type_name(&self) -> &str {
        match self {
            ViewportState::Apl(_) => "APL",
            ViewportState::Aplt(_) => "APLT",
            ViewportState::Other(v) => v.get("type").and_then(Value::as_str).unwrap_or(""),
        }
    }
}

impl<'de> Deserialize<'de> for ViewportState {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        tagged::deserialize_tagged(deserializer)
    }
}

impl tagged::Tagged for ViewportState {
    const EXPECTING: &'static str = "a viewport object";

    fn from_tagged<'de, A: serde::de::MapAccess<'de>>(
        tag: Option<std::borrow::Cow<'de, str>>,
        rest: tagged::Rest<'de, A>,
    ) -> Result<Self, A::Error> {
        Ok(match tag.as_deref() {
            Some("APL") => ViewportState::Apl(rest.parse()?),
            Some("APLT") => ViewportState::Aplt(rest.parse()?),
            _ => ViewportState::Other(rest.into_raw(tag)?),
        })
    }
}

impl Serialize for ViewportState {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ViewportState::Apl(v) => tagged::with_type("APL", v, serializer),
            ViewportState::Aplt(v) => tagged::with_type("APLT", v, serializer),
            ViewportState::Other(v) => v.serialize(serializer),
        }
    }
}

/// A `Viewports` entry of `type: "APL"`.
///
/// ```
/// let v: alexa_kit::model::AplViewportState = serde_json::from_str(r#"{"id":"main","dpi":213,
///     "canRotate":false,"configuration":{"current":{"video":{"codecs":["H_264_42"]},
///     "size":{"type":"CONTINUOUS","minPixelWidth":800,"maxPixelWidth":1280,
///     "minPixelHeight":480,"maxPixelHeight":800}}}}"#)?;
/// assert_eq!(v.dpi, Some(213));
/// let size = v.configuration.unwrap().current.unwrap().size.unwrap();
/// assert_eq!(size.size_type.as_deref(), Some("CONTINUOUS"));
/// assert_eq!(size.max_pixel_width, Some(1280));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AplViewportState {
    /// The viewport's id, e.g. `main`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The screen's shape.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shape: Option<ViewportShape>,
    /// Pixel density.
    #[serde(
        default,
        deserialize_with = "lenient::opt_u32",
        skip_serializing_if = "Option::is_none"
    )]
    pub dpi: Option<u32>,
    /// `STANDARD` or `OVERLAY`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presentation_type: Option<String>,
    /// Whether the device can be rotated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub can_rotate: Option<bool>,
    /// The viewport's current configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub configuration: Option<ViewportConfiguration>,
}

impl AplViewportState {
    /// `configuration.current.size` as `(width, height)` for a `DISCRETE` size.
    ///
    /// ```
    /// assert_eq!(alexa_kit::model::AplViewportState::default().pixel_size(), None);
    /// ```
    pub fn pixel_size(&self) -> Option<(u32, u32)> {
        let size = self
            .configuration
            .as_ref()?
            .current
            .as_ref()?
            .size
            .as_ref()?;
        Some((size.pixel_width?, size.pixel_height?))
    }
}

/// `configuration` of an APL viewport: `{current: {...}}`.
///
/// ```
/// let c = alexa_kit::model::ViewportConfiguration::default();
/// assert!(c.current.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ViewportConfiguration {
    /// The configuration in effect now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<CurrentViewportConfiguration>,
}

/// `configuration.current` of an APL viewport.
///
/// ```
/// let c: alexa_kit::model::CurrentViewportConfiguration =
///     serde_json::from_str(r#"{"mode":"TV","dialog":"SUPPORTED"}"#)?;
/// assert_eq!(c.mode, Some(alexa_kit::model::ViewportMode::Tv));
/// assert_eq!(c.dialog.as_deref(), Some("SUPPORTED"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CurrentViewportConfiguration {
    /// What kind of device this is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<ViewportMode>,
    /// Video playback support.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video: Option<VideoSupport>,
    /// The viewport's size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<ViewportSize>,
    /// `SUPPORTED` or `UNSUPPORTED`: whether voice dialog is possible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dialog: Option<String>,
}

/// An APL viewport's size: `DISCRETE` (fixed pixels) or `CONTINUOUS` (a range).
///
/// ```
/// let s: alexa_kit::model::ViewportSize =
///     serde_json::from_str(r#"{"type":"DISCRETE","pixelWidth":960,"pixelHeight":480}"#)?;
/// assert_eq!((s.pixel_width, s.pixel_height), (Some(960), Some(480)));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ViewportSize {
    /// `DISCRETE` or `CONTINUOUS`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub size_type: Option<String>,
    /// `DISCRETE`: the width.
    #[serde(
        default,
        deserialize_with = "lenient::opt_u32",
        skip_serializing_if = "Option::is_none"
    )]
    pub pixel_width: Option<u32>,
    /// `DISCRETE`: the height.
    #[serde(
        default,
        deserialize_with = "lenient::opt_u32",
        skip_serializing_if = "Option::is_none"
    )]
    pub pixel_height: Option<u32>,
    /// `CONTINUOUS`: the smallest width.
    #[serde(
        default,
        deserialize_with = "lenient::opt_u32",
        skip_serializing_if = "Option::is_none"
    )]
    pub min_pixel_width: Option<u32>,
    /// `CONTINUOUS`: the smallest height.
    #[serde(
        default,
        deserialize_with = "lenient::opt_u32",
        skip_serializing_if = "Option::is_none"
    )]
    pub min_pixel_height: Option<u32>,
    /// `CONTINUOUS`: the largest width.
    #[serde(
        default,
        deserialize_with = "lenient::opt_u32",
        skip_serializing_if = "Option::is_none"
    )]
    pub max_pixel_width: Option<u32>,
    /// `CONTINUOUS`: the largest height.
    #[serde(
        default,
        deserialize_with = "lenient::opt_u32",
        skip_serializing_if = "Option::is_none"
    )]
    pub max_pixel_height: Option<u32>,
}

/// A `Viewports` entry of `type: "APLT"`: a character display.
///
/// The key `characterFormat` is also read as `format`, which one capture uses.
///
/// ```
/// let v: alexa_kit::model::ApltViewportState = serde_json::from_str(r#"{"id":"main",
///     "supportedProfiles":["FOUR_CHARACTER_CLOCK"],"lineLength":4,"lineCount":1,
///     "format":"SEVEN_SEGMENT","interSegments":[{"x":2,"y":0,"characters":"':."}]}"#)?;
/// assert_eq!(v.character_format.as_deref(), Some("SEVEN_SEGMENT"));
/// assert_eq!(v.inter_segments[0].characters.as_deref(), Some("':."));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ApltViewportState {
    /// The viewport's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Profiles such as `FOUR_CHARACTER_CLOCK`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supported_profiles: Vec<String>,
    /// Characters per line.
    #[serde(
        default,
        deserialize_with = "lenient::opt_u32",
        skip_serializing_if = "Option::is_none"
    )]
    pub line_length: Option<u32>,
    /// Number of lines.
    #[serde(
        default,
        deserialize_with = "lenient::opt_u32",
        skip_serializing_if = "Option::is_none"
    )]
    pub line_count: Option<u32>,
    /// `SEVEN_SEGMENT`.
    #[serde(alias = "format", default, skip_serializing_if = "Option::is_none")]
    pub character_format: Option<String>,
    /// Extra segments between characters (a clock's colon).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inter_segments: Vec<InterSegment>,
}

/// An inter-character segment of an APLT display.
///
/// ```
/// let s: alexa_kit::model::InterSegment = serde_json::from_str(r#"{"x":2,"y":0,"characters":":"}"#)?;
/// assert_eq!(s.x, Some(2));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InterSegment {
    /// Column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<i64>,
    /// Row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y: Option<i64>,
    /// The characters it can show.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub characters: Option<String>,
}

/// `context.Geolocation`: where the device is, if the user granted access.
///
/// ```
/// let g: alexa_kit::model::Geolocation = serde_json::from_str(r#"{
///     "locationServices":{"status":"RUNNING","access":"ENABLED"},
///     "timestamp":"2019-07-15T22:44:21Z",
///     "coordinate":{"latitudeInDegrees":47.6,"longitudeInDegrees":-122.3,"accuracyInMeters":10.0},
///     "altitude":{"altitudeInMeters":32.6,"accuracyInMeters":10.0},
///     "heading":{"directionInDegrees":106.1},"speed":{"speedInMetersPerSecond":1.0}}"#)?;
/// let c = g.coordinate.unwrap();
/// assert_eq!((c.latitude_in_degrees, c.longitude_in_degrees), (47.6, -122.3));
/// assert!(g.location_services.unwrap().is_available());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Geolocation {
    /// Whether location services run and the skill may use them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_services: Option<LocationServices>,
    /// When the location was determined (ISO-8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
    /// Latitude and longitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinate: Option<Coordinate>,
    /// Altitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub altitude: Option<Altitude>,
    /// Direction of travel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<Heading>,
    /// Speed of travel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speed: Option<Speed>,
}

/// `Geolocation.locationServices`.
///
/// ```
/// let l: alexa_kit::model::LocationServices =
///     serde_json::from_str(r#"{"status":"STOPPED","access":"ENABLED"}"#)?;
/// assert!(!l.is_available());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LocationServices {
    /// `RUNNING` or `STOPPED`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `ENABLED`, `DISABLED` or `UNKNOWN`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access: Option<String>,
}

impl LocationServices {
    /// Whether location services are `RUNNING` and access is `ENABLED`.
    ///
    /// ```
    /// assert!(!alexa_kit::model::LocationServices::default().is_available());
    /// ```
    pub fn is_available(&self) -> bool {
        self.status.as_deref() == Some("RUNNING") && self.access.as_deref() == Some("ENABLED")
    }
}

/// `Geolocation.coordinate`.
///
/// ```
/// let c: alexa_kit::model::Coordinate =
///     serde_json::from_str(r#"{"latitudeInDegrees":48.1,"longitudeInDegrees":11.6}"#)?;
/// assert_eq!(c.accuracy_in_meters, None);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Coordinate {
    /// Latitude, −90 to 90.
    #[serde(default)]
    pub latitude_in_degrees: f64,
    /// Longitude, −180 to 180.
    #[serde(default)]
    pub longitude_in_degrees: f64,
    /// Accuracy radius.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accuracy_in_meters: Option<f64>,
}

/// `Geolocation.altitude`.
///
/// ```
/// let a: alexa_kit::model::Altitude = serde_json::from_str(r#"{"altitudeInMeters":520.0}"#)?;
/// assert_eq!(a.altitude_in_meters, Some(520.0));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Altitude {
    /// Altitude above sea level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub altitude_in_meters: Option<f64>,
    /// Accuracy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accuracy_in_meters: Option<f64>,
}

/// `Geolocation.heading`.
///
/// ```
/// let h: alexa_kit::model::Heading = serde_json::from_str(r#"{"directionInDegrees":90.0}"#)?;
/// assert_eq!(h.direction_in_degrees, Some(90.0));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Heading {
    /// Direction of travel, clockwise from north.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction_in_degrees: Option<f64>,
    /// Accuracy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accuracy_in_degrees: Option<f64>,
}

/// `Geolocation.speed`.
///
/// ```
/// let s: alexa_kit::model::Speed = serde_json::from_str(r#"{"speedInMetersPerSecond":13.9}"#)?;
/// assert_eq!(s.speed_in_meters_per_second, Some(13.9));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Speed {
    /// Speed over ground.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speed_in_meters_per_second: Option<f64>,
    /// Accuracy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accuracy_in_meters_per_second: Option<f64>,
}

/// `context.Extensions`: the APL extensions the device offers.
///
/// ```
/// let e: alexa_kit::model::Extensions =
///     serde_json::from_str(r#"{"available":{"aplext:backstack:10":{}}}"#)?;
/// assert!(e.is_available("aplext:backstack:10"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Extensions {
    /// Extension URI → its (usually empty) description.
    #[serde(default, skip_serializing_if = "HashMap::is_empty")]
    pub available: HashMap<String, Value>,
}

impl Extensions {
    /// Whether the extension with this URI is available.
    ///
    /// ```
    /// assert!(!alexa_kit::model::Extensions::default().is_available("aplext:backstack:10"));
    /// ```
    pub fn is_available(&self, uri: &str) -> bool {
        self.available.contains_key(uri)
    }
}

/// `context["Alexa.Presentation.APL"]`: the APL document on screen.
///
/// ```
/// let a: alexa_kit::model::AplState = serde_json::from_str(r#"{"token":"doc","version":"2024.1",
///     "componentsVisibleOnScreen":[{"id":"root","uid":":1000","type":"text",
///     "position":"1024x600+0+0:0","tags":{"viewport":{}},"children":[{"uid":":1002","type":"text"}]}]}"#)?;
/// assert_eq!(a.token.as_deref(), Some("doc"));
/// assert_eq!(a.components_visible_on_screen[0].children[0].uid.as_deref(), Some(":1002"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AplState {
    /// The token the skill gave the document in `RenderDocument`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// The renderer's APL version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Where the document is shown (widgets), e.g. `widget://...`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presentation_uri: Option<String>,
    /// The components the user can see.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components_visible_on_screen: Vec<ComponentState>,
    /// Data sources reported back by the renderer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_sources: Option<Value>,
}

/// A component in `componentsVisibleOnScreen`.
///
/// ```
/// let c: alexa_kit::model::ComponentState = serde_json::from_str(
///     r#"{"id":"btn","uid":":1","type":"text","position":"270x70+377+450:0","tags":{"clickable":true}}"#)?;
/// assert_eq!(c.component_type.as_deref(), Some("text"));
/// assert_eq!(c.tags.unwrap()["clickable"], true);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ComponentState {
    /// The component's `id` in the document, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The renderer's unique id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    /// The component's role, e.g. `text`, `image`, `video`, `mixed`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub component_type: Option<String>,
    /// `WxH+X+Y:Z` in pixels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// State tags (`checked`, `clickable`, `focused`, `viewport`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Value>,
    /// Child components.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<ComponentState>,
    /// Entities attached to the component.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<Value>,
    /// A transformation matrix, when transformed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transform: Option<Value>,
    /// Opacity from 0 to 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility: Option<f64>,
}

/// `context["Alexa.Presentation"]`: every presentation on screen.
///
/// ```
/// let p: alexa_kit::model::PresentationState = serde_json::from_str(
///     r#"{"contexts":[{"type":"Alexa.Presentation.APL","context":{"token":"doc"}}]}"#)?;
/// assert_eq!(p.contexts[0].context_type.as_deref(), Some("Alexa.Presentation.APL"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PresentationState {
    /// One entry per presentation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contexts: Vec<PresentationContext>,
}

/// One entry of `Alexa.Presentation.contexts`.
///
/// ```
/// let c = alexa_kit::model::PresentationContext::default();
/// assert!(c.context.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PresentationContext {
    /// The presentation's interface, e.g. `Alexa.Presentation.APL`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub context_type: Option<String>,
    /// Its state (for APL, the shape of [`AplState`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Value>,
}

/// `context.Display`: the legacy display template's state.
///
/// ```
/// let d: alexa_kit::model::DisplayState = serde_json::from_str(r#"{"token":"list-1"}"#)?;
/// assert_eq!(d.token.as_deref(), Some("list-1"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DisplayState {
    /// The token of the template on screen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
}

/// `context.Experimentation`: the A/B tests this request is part of.
///
/// ```
/// let e: alexa_kit::model::Experimentation = serde_json::from_str(
///     r#"{"activeExperiments":[{"id":"exp-1","treatmentId":"T1"}]}"#)?;
/// assert_eq!(e.treatment("exp-1"), Some("T1"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Experimentation {
    /// The experiments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub active_experiments: Vec<ActiveExperiment>,
}

impl Experimentation {
    /// The treatment (`C`, `T1`…) this user gets in the experiment `id`.
    ///
    /// ```
    /// assert_eq!(alexa_kit::model::Experimentation::default().treatment("x"), None);
    /// ```
    pub fn treatment(&self, id: &str) -> Option<&str> {
        self.active_experiments
            .iter()
            .find(|e| e.id.as_deref() == Some(id))
            .and_then(|e| e.treatment_id.as_deref())
    }
}

/// One entry of `Experimentation.activeExperiments`.
///
/// ```
/// let e = alexa_kit::model::ActiveExperiment::default();
/// assert!(e.id.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ActiveExperiment {
    /// The experiment id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `C` (control) or `T1` (treatment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub treatment_id: Option<String>,
}

/// `context.Advertising`.
///
/// ```
/// let a: alexa_kit::model::Advertising =
///     serde_json::from_str(r#"{"advertisingId":"ad-1","limitAdTracking":true}"#)?;
/// assert_eq!(a.limit_ad_tracking, Some(true));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Advertising {
    /// The customer's advertising id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advertising_id: Option<String>,
    /// Whether the customer opted out of interest-based ads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit_ad_tracking: Option<bool>,
}
