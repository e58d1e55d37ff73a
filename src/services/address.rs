//! The Device Address API: `GET /v1/devices/{deviceId}/settings/address[/countryAndPostalCode]`.

use serde::{Deserialize, Serialize};

use super::Services;
use crate::Result;

/// The address the user set for the device; reach it with
/// [`Services::address`]. Needs the permission
/// `read::alexa:device:all:address` (full address) or
/// `read::alexa:device:all:address:country_and_postal_code`.
///
/// ```
/// use alexa_kit::prelude::*;
/// use alexa_kit::services::Address;
/// let skill = Skill::builder()
///     .intent("I", async |cx: &mut Input| {
///         let a = cx.services().address();
///         let city = a.full().await?.and_then(|a| a.city);
///         let postal = a.country_and_postal_code().await?.and_then(|c| c.postal_code);
///         Ok(cx.say(format!("{city:?} {postal:?}")))
///     })
///     .build()?;
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// let home = Address { city: Some("Lyon".into()), postal_code: Some("69001".into()), country_code: Some("FR".into()), ..Address::default() };
/// let mut talk = alexa_kit::testing::Conversation::new(&skill)
///     .services(alexa_kit::local::StandIn::new().address(home));
/// talk.intent("I").await?.assert_says(r#"Some("Lyon") Some("69001")"#);
/// # Ok::<(), alexa_kit::Error>(())
/// # }).unwrap();
/// # Ok::<(), alexa_kit::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct DeviceAddress<'a> {
    pub(super) api: Services<'a>,
}

/// Scope of the full address.
const FULL: &str = "read::alexa:device:all:address";
/// Scope of the country and postal code.
const COUNTRY_AND_POSTAL_CODE: &str = "read::alexa:device:all:address:country_and_postal_code";

impl DeviceAddress<'_> {
    /// The full address (scope `read::alexa:device:all:address`).
    pub async fn full(self) -> Result<Option<Address>> {
        let path = self.path("")?;
        self.api.get(path, &[FULL]).await
    }

    /// Only the country and postal code (scope
    /// `read::alexa:device:all:address:country_and_postal_code`).
    pub async fn country_and_postal_code(self) -> Result<Option<CountryAndPostalCode>> {
        let path = self.path("/countryAndPostalCode")?;
        self.api.get(path, &[COUNTRY_AND_POSTAL_CODE]).await
    }

    fn path(self, tail: &str) -> Result<String> {
        self.api
            .device_path("v1", &format!("settings/address{tail}"))
    }
}

/// A full postal address; every field may be missing.
///
/// ```
/// let a: alexa_kit::services::Address = serde_json::from_str(
///     r#"{"addressLine1":"410 Terry Ave North","city":"Seattle","stateOrRegion":"WA","countryCode":"US","postalCode":"98109"}"#)?;
/// assert_eq!(a.address_line1.as_deref(), Some("410 Terry Ave North"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    /// First line.
    pub address_line1: Option<String>,
    /// Second line.
    pub address_line2: Option<String>,
    /// Third line.
    pub address_line3: Option<String>,
    /// City.
    pub city: Option<String>,
    /// State or region.
    pub state_or_region: Option<String>,
    /// District or county.
    pub district_or_county: Option<String>,
    /// ISO 3166 country code, e.g. `US`.
    pub country_code: Option<String>,
    /// Postal code.
    pub postal_code: Option<String>,
}

/// The country and postal code of the device's address.
///
/// ```
/// let c: alexa_kit::services::CountryAndPostalCode =
///     serde_json::from_str(r#"{"countryCode":"DE","postalCode":"10115"}"#)?;
/// assert_eq!(c.postal_code.as_deref(), Some("10115"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CountryAndPostalCode {
    /// ISO 3166 country code.
    pub country_code: Option<String>,
    /// Postal code.
    pub postal_code: Option<String>,
}
