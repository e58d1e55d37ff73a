//! `context`: the state of the device, user and interfaces.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Application, User};

/// `context`: what Alexa knows about the device, user and interfaces.
///
/// Keys are PascalCase or dotted on the wire (`System`, `AudioPlayer`,
/// `Alexa.Presentation.APL`), so each field is renamed one by one.
///
/// ```
/// use alexa_kit::model::Context;
/// let c: Context = serde_json::from_str(r#"{"System":{"apiEndpoint":"https://api.amazonalexa.com"},
///     "AudioPlayer":{"playerActivity":"IDLE"}}"#)?;
/// assert_eq!(c.system.unwrap().api_endpoint.as_deref(), Some("https://api.amazonalexa.com"));
/// assert_eq!(c.audio_player.unwrap().player_activity.as_deref(), Some("IDLE"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Context {
    /// `System`: application, user, device, person and API access.
    #[serde(rename = "System", default, skip_serializing_if = "Option::is_none")]
    pub system: Option<SystemState>,
    /// `AudioPlayer`: the player's state.
    #[serde(
        rename = "AudioPlayer",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub audio_player: Option<AudioPlayerState>,
    /// `Viewport`: the screen, on devices that have one.
    #[serde(rename = "Viewport", default, skip_serializing_if = "Option::is_none")]
    pub viewport: Option<Value>,
    /// `Viewports`: typed viewport states (APL, APLT).
    #[serde(rename = "Viewports", default, skip_serializing_if = "Option::is_none")]
    pub viewports: Option<Vec<Value>>,
    /// `Geolocation`: the device's location, if the user granted it.
    #[serde(
        rename = "Geolocation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub geolocation: Option<Value>,
    /// `Extensions`: available APL extensions.
    #[serde(
        rename = "Extensions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub extensions: Option<Value>,
    /// `Alexa.Presentation.APL`: the rendered APL document's state.
    #[serde(
        rename = "Alexa.Presentation.APL",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub apl: Option<Value>,
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
