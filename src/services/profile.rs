//! The Customer Profile API: `GET /v2/accounts/~current/settings/Profile.*`.

use serde::{Deserialize, Serialize};

use super::Services;
use crate::Result;

/// The account holder's contact details; reach it with
/// [`Services::profile`]. Each call needs its own permission in the skill
/// manifest and the user's consent; without it the call fails with
/// [`ErrorKind::PermissionDenied`](crate::ErrorKind::PermissionDenied).
///
/// ```
/// use alexa_kit::prelude::*;
/// use alexa_kit::services::PhoneNumber;
/// let skill = Skill::builder()
///     .intent("I", async |cx: &mut Input| {
///         let p = cx.services().profile();
///         let (name, given) = (p.name().await?, p.given_name().await?);
///         let phone = p.mobile_number().await?.map(|n| n.phone_number);
///         Ok(cx.say(format!("{name:?} {given:?} {:?} {phone:?}", p.email().await?)))
///     })
///     .build()?;
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// let stand_in = alexa_kit::local::StandIn::new()
///     .name("Ada Lovelace")
///     .given_name("Ada")
///     .mobile_number(PhoneNumber { country_code: "+44".into(), phone_number: "7700900123".into() });
/// let mut talk = alexa_kit::testing::Conversation::new(&skill).services(stand_in);
/// talk.intent("I").await?
///     .assert_says(r#"Some("Ada Lovelace") Some("Ada") None Some("7700900123")"#);
/// # Ok::<(), alexa_kit::Error>(())
/// # }).unwrap();
/// # Ok::<(), alexa_kit::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Profile<'a> {
    pub(super) api: Services<'a>,
}

impl Profile<'_> {
    /// The full name (scope `alexa::profile:name:read`).
    pub async fn name(self) -> Result<Option<String>> {
        self.get("Profile.name", "alexa::profile:name:read").await
    }

    /// The given name (scope `alexa::profile:given_name:read`).
    pub async fn given_name(self) -> Result<Option<String>> {
        self.get("Profile.givenName", "alexa::profile:given_name:read")
            .await
    }

    /// The email address (scope `alexa::profile:email:read`).
    pub async fn email(self) -> Result<Option<String>> {
        self.get("Profile.email", "alexa::profile:email:read").await
    }

    /// The mobile number (scope `alexa::profile:mobile_number:read`).
    pub async fn mobile_number(self) -> Result<Option<PhoneNumber>> {
        self.get("Profile.mobileNumber", "alexa::profile:mobile_number:read")
            .await
    }

    async fn get<T: serde::de::DeserializeOwned>(
        self,
        name: &str,
        scope: &'static str,
    ) -> Result<Option<T>> {
        let path = format!("/v2/accounts/~current/settings/{name}");
        self.api.get(path, &[scope]).await
    }
}

/// A phone number as the Customer Profile API gives it.
///
/// ```
/// let n: alexa_kit::services::PhoneNumber =
///     serde_json::from_str(r#"{"countryCode":"+1","phoneNumber":"2065550100"}"#)?;
/// assert_eq!(n.country_code, "+1");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneNumber {
    /// The country calling code, e.g. `+1`.
    pub country_code: String,
    /// The number without the country code.
    pub phone_number: String,
}
