//! The Settings API: `GET /v2/devices/{deviceId}/settings/System.*`.

use serde::Deserialize;

use super::Services;
use crate::Result;

/// The device's settings; reach it with [`Services::settings`]. No
/// permission is needed; a setting the user never made is `None`.
///
/// ```
/// use alexa_kit::prelude::*;
/// use alexa_kit::services::{DistanceUnits, TemperatureUnit};
/// let skill = Skill::builder()
///     .intent("I", async |cx: &mut Input| {
///         let settings = cx.services().settings();
///         let zone = settings.time_zone().await?;
///         let metric = settings.distance_units().await? == Some(DistanceUnits::Metric);
///         let celsius = settings.temperature_unit().await? == Some(TemperatureUnit::Celsius);
///         Ok(cx.say(format!("{zone:?} {metric} {celsius}")))
///     })
///     .build()?;
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// let stand_in = alexa_kit::local::StandIn::new()
///     .time_zone("Asia/Tokyo")
///     .distance_units(DistanceUnits::Metric);
/// let mut talk = alexa_kit::testing::Conversation::new(&skill).services(stand_in);
/// talk.intent("I").await?.assert_says(r#"Some("Asia/Tokyo") true false"#);
/// # Ok::<(), alexa_kit::Error>(())
/// # }).unwrap();
/// # Ok::<(), alexa_kit::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Settings<'a> {
    pub(super) api: Services<'a>,
}

impl Settings<'_> {
    /// The IANA time zone of the device, e.g. `Europe/Berlin`.
    pub async fn time_zone(self) -> Result<Option<String>> {
        self.get("System.timeZone").await
    }

    /// Metric or imperial distances.
    pub async fn distance_units(self) -> Result<Option<DistanceUnits>> {
        self.get("System.distanceUnits").await
    }

    /// Celsius or Fahrenheit.
    pub async fn temperature_unit(self) -> Result<Option<TemperatureUnit>> {
        self.get("System.temperatureUnit").await
    }

    async fn get<T: serde::de::DeserializeOwned>(self, name: &str) -> Result<Option<T>> {
        let path = self.api.device_path("v2", &format!("settings/{name}"))?;
        self.api.get(path, &[]).await
    }
}

/// `System.distanceUnits`.
///
/// ```
/// use alexa_kit::services::DistanceUnits;
/// let u: DistanceUnits = serde_json::from_str(r#""IMPERIAL""#)?;
/// assert_eq!(u, DistanceUnits::Imperial);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum DistanceUnits {
    /// Kilometres.
    Metric,
    /// Miles.
    Imperial,
}

/// `System.temperatureUnit`.
///
/// ```
/// use alexa_kit::services::TemperatureUnit;
/// let u: TemperatureUnit = serde_json::from_str(r#""FAHRENHEIT""#)?;
/// assert_eq!(u, TemperatureUnit::Fahrenheit);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum TemperatureUnit {
    /// Degrees Celsius.
    Celsius,
    /// Degrees Fahrenheit.
    Fahrenheit,
}
