//! Typed clients for Alexa's service APIs (feature `services`), one line
//! away in a handler: [`Input::services`].
//!
//! | client | calls | permission (scope) |
//! | --- | --- | --- |
//! | [`Services::progressive_response`] | `VoicePlayer.Speak` while the skill works | none |
//! | [`Services::settings`] | time zone, distance and temperature units | none |
//! | [`Services::profile`] | full name, given name, email, mobile number | `alexa::profile:…:read` |
//! | [`Services::address`] | full address, country and postal code | `read::alexa:device:all:address[…]` |
//! | [`Services::reminders`] | create, get, update, delete, list | `alexa::alerts:reminders:skill:readwrite` |
//!
//! Every call goes to the request's own `context.System.apiEndpoint` with its
//! `apiAccessToken` (the token goes nowhere else), through the framework's
//! HTTPS client ([`crate::https`]) within the request's deadline. Results are
//! typed; an answer that says "not set" (HTTP 204) is `None`.
//!
//! Errors:
//!
//! - 401/403: [`ErrorKind::PermissionDenied`] with a [`PermissionRequired`]
//!   source naming the scopes. A handler can just use `?`: the built-in error
//!   handler answers such an error with the `AskForPermissionsConsent` card and
//!   the localized `permission-consent` message. To answer it yourself, use
//!   [`PermissionRequired::answer`].
//! - 429: [`ErrorKind::Throttled`]; other failures: [`ErrorKind::Service`]
//!   (with an [`https::StatusError`](crate::https::StatusError) source); out of time: [`ErrorKind::Timeout`].
//!
//! ```
//! use alexa_kit::prelude::*;
//! use alexa_kit::local::StandIn;
//! use alexa_kit::testing::Conversation;
//!
//! let skill = Skill::builder()
//!     .intent("WhatTimeZoneIntent", async |cx: &mut Input| {
//!         let zone = cx.services().settings().time_zone().await?;
//!         Ok(cx.say(format!("You are in {}.", zone.as_deref().unwrap_or("an unknown time zone"))))
//!     })
//!     .build()?;
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! // Offline: the stand-in answers the settings API on loopback.
//! let mut talk = Conversation::new(&skill).services(StandIn::new().time_zone("Europe/Berlin"));
//! talk.intent("WhatTimeZoneIntent").await?.assert_says("You are in Europe/Berlin.");
//! # Ok::<(), alexa_kit::Error>(())
//! # }).unwrap();
//! # Ok::<(), alexa_kit::Error>(())
//! ```

mod address;
mod profile;
mod reminders;
mod settings;

use serde::de::DeserializeOwned;

pub use address::{Address, CountryAndPostalCode, DeviceAddress};
pub use profile::{PhoneNumber, Profile};
pub use reminders::{
    AlertInfo, PushNotification, Reminder, ReminderList, ReminderRequest, Reminders, SpokenText,
    Trigger,
};
pub use settings::{DistanceUnits, Settings, TemperatureUnit};

pub(crate) use reminders::iso8601;

use crate::https::{Client, Method, Request, Response, StatusError};
use crate::model::Request as AlexaRequest;
use crate::response::{ResponseBuilder, ssml};
use crate::skill::Input;
use crate::{Error, ErrorKind, Result};

/// How many progressive responses Alexa accepts per request (documented as
/// five).
pub const MAX_PROGRESSIVE_RESPONSES: u8 = 5;

impl Input {
    /// The Alexa service clients for this request.
    ///
    /// ```
    /// use alexa_kit::prelude::*;
    /// let skill = Skill::builder()
    ///     .intent("I", async |cx: &mut Input| {
    ///         let _settings = cx.services().settings();
    ///         Ok(cx.response())
    ///     })
    ///     .build()?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn services(&self) -> Services<'_> {
        Services { cx: self }
    }
}

/// The service clients of one request: see the [module docs](self).
#[derive(Debug, Clone, Copy)]
pub struct Services<'a> {
    cx: &'a Input,
}

impl<'a> Services<'a> {
    /// The Settings API: the device's time zone and units.
    ///
    /// ```
    /// # use alexa_kit::prelude::*;
    /// # async fn h(cx: &mut Input) -> Result<ResponseBuilder> {
    /// let zone: Option<String> = cx.services().settings().time_zone().await?;
    /// # Ok(cx.response()) }
    /// ```
    pub fn settings(self) -> Settings<'a> {
        Settings { api: self }
    }

    /// The Customer Profile API: name, given name, email, mobile number.
    ///
    /// ```
    /// # use alexa_kit::prelude::*;
    /// # async fn h(cx: &mut Input) -> Result<ResponseBuilder> {
    /// let name: Option<String> = cx.services().profile().given_name().await?;
    /// # Ok(cx.response()) }
    /// ```
    pub fn profile(self) -> Profile<'a> {
        Profile { api: self }
    }

    /// The Device Address API.
    ///
    /// ```
    /// # use alexa_kit::prelude::*;
    /// # async fn h(cx: &mut Input) -> Result<ResponseBuilder> {
    /// let postal = cx.services().address().country_and_postal_code().await?;
    /// # Ok(cx.response()) }
    /// ```
    pub fn address(self) -> DeviceAddress<'a> {
        DeviceAddress { api: self }
    }

    /// The Reminders API.
    ///
    /// ```
    /// # use alexa_kit::prelude::*;
    /// # async fn h(cx: &mut Input) -> Result<ResponseBuilder> {
    /// let all = cx.services().reminders().list().await?;
    /// # Ok(cx.response()) }
    /// ```
    pub fn reminders(self) -> Reminders<'a> {
        Reminders { api: self }
    }

    /// Speaks `ssml` now, while the skill keeps working on its answer (the
    /// Directive API's `VoicePlayer.Speak`). Allowed only while handling a
    /// `LaunchRequest` or `IntentRequest`, at most
    /// [`MAX_PROGRESSIVE_RESPONSES`] times per request; the speech is checked
    /// like any other (`<speak>` is added when missing). It does not extend
    /// the time Alexa waits for the answer.
    ///
    /// ```
    /// use alexa_kit::prelude::*;
    /// use alexa_kit::local::StandIn;
    /// let skill = Skill::builder()
    ///     .intent("SlowIntent", async |cx: &mut Input| {
    ///         cx.services().progressive_response("One moment, please.").await?;
    ///         Ok(cx.say("Done."))
    ///     })
    ///     .build()?;
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// let mut talk = alexa_kit::testing::Conversation::new(&skill).services(StandIn::new());
    /// let turn = talk.intent("SlowIntent").await?;
    /// assert_eq!(turn.progressive(), ["One moment, please."]);
    /// turn.assert_says("Done.");
    /// # Ok::<(), alexa_kit::Error>(())
    /// # }).unwrap();
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub async fn progressive_response(self, ssml: impl Into<String>) -> Result<()> {
        let refuse = |why: String| Error::new(ErrorKind::InvalidResponse, why);
        if !matches!(
            self.cx.request(),
            AlexaRequest::Launch(_) | AlexaRequest::Intent(_)
        ) {
            return Err(refuse(format!(
                "progressive responses are only allowed for LaunchRequest and IntentRequest, not {}",
                self.cx.request().type_name()
            )));
        }
        let sent = self.cx.progressive_sent.get();
        if sent >= MAX_PROGRESSIVE_RESPONSES {
            return Err(refuse(format!(
                "at most {MAX_PROGRESSIVE_RESPONSES} progressive responses per request"
            )));
        }
        let speech = ssml::wrap_speak(ssml.into());
        ssml::validate(&speech)?;
        let body = serde_json::json!({
            "header": { "requestId": self.cx.envelope().request_id() },
            "directive": { "type": "VoicePlayer.Speak", "speech": speech },
        });
        self.cx.progressive_sent.set(sent + 1);
        self.send(Method::POST, "/v1/directives".to_owned(), Some(&body), &[])
            .await?;
        Ok(())
    }

    /// `/{version}/devices/{deviceId}/{tail}`.
    fn device_path(self, version: &str, tail: &str) -> Result<String> {
        let device = self.cx.envelope().device_id().ok_or_else(|| {
            Error::new(
                ErrorKind::Service,
                "the request has no context.System.device.deviceId",
            )
        })?;
        Ok(format!(
            "/{version}/devices/{}/{tail}",
            encode_segment(device)
        ))
    }

    /// `GET path`, parsed as `T`; `None` for "not set" (204).
    async fn get<T: DeserializeOwned>(
        self,
        path: String,
        scopes: &[&'static str],
    ) -> Result<Option<T>> {
        match self.send(Method::GET, path, None, scopes).await? {
            Some(response) => response.json().map(Some),
            None => Ok(None),
        }
    }

    /// Sends one call to the request's API endpoint with its token and maps
    /// the status: `None` for 204, an error for anything but 2xx.
    async fn send(
        self,
        method: Method,
        path: String,
        body: Option<&serde_json::Value>,
        scopes: &[&'static str],
    ) -> Result<Option<Response>> {
        let envelope = self.cx.envelope();
        let (endpoint, token) = (envelope.api_endpoint(), envelope.api_access_token());
        let (Some(endpoint), Some(token)) = (endpoint, token) else {
            return Err(Error::new(
                ErrorKind::Service,
                "the request has no context.System.apiEndpoint and apiAccessToken to call Alexa's APIs with",
            ));
        };
        let url = format!("{}{path}", endpoint.trim_end_matches('/'));
        let mut request = Request::new(method, url)
            .header("authorization", format!("Bearer {token}"))
            .header("accept", "application/json")
            .max_body(256 * 1024)
            .within(self.cx.invocation());
        if let Some(body) = body {
            request = request
                .header("content-type", "application/json")
                .body(serde_json::to_vec(body)?);
        }
        let response = Client::shared().request(request).await?;
        check(response, scopes)
    }
}

/// Maps an API's status to the result of a call.
fn check(response: Response, scopes: &[&'static str]) -> Result<Option<Response>> {
    match response.status {
        204 => Ok(None),
        200..=299 => Ok(Some(response)),
        401 | 403 => {
            let status = StatusError::of(&response);
            Err(Error::new(
                ErrorKind::PermissionDenied,
                "Alexa refused the call: the user has not granted the permission",
            )
            .with_source(PermissionRequired {
                scopes: scopes.iter().map(|s| (*s).to_owned()).collect(),
                status: response.status,
                message: status.body,
            }))
        }
        _ => response.error_for_status().map(Some),
    }
}

/// The typed source of an [`ErrorKind::PermissionDenied`] error: the
/// permission scopes the call needs, which the user has not granted.
///
/// ```
/// use alexa_kit::services::PermissionRequired;
/// let p = PermissionRequired { scopes: vec!["alexa::profile:email:read".into()], status: 403, message: String::new() };
/// assert_eq!(p.to_string(), "HTTP 403: the call needs alexa::profile:email:read");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PermissionRequired {
    /// The scopes to ask for (empty when the API names none).
    pub scopes: Vec<String>,
    /// 401 or 403, as the API answered.
    pub status: u16,
    /// The start of the API's error body.
    pub message: String,
}

impl PermissionRequired {
    /// The permission error in `error`'s chain, if any.
    ///
    /// ```
    /// let e = alexa_kit::Error::handler("x");
    /// assert!(alexa_kit::services::PermissionRequired::of(&e).is_none());
    /// ```
    pub fn of(error: &Error) -> Option<&PermissionRequired> {
        error.downcast_ref()
    }

    /// The answer that asks the user for the permissions: the localized
    /// `permission-consent` message and an `AskForPermissionsConsent` card;
    /// the session ends (the user grants them in the Alexa app).
    ///
    /// ```
    /// use alexa_kit::prelude::*;
    /// use alexa_kit::services::PermissionRequired;
    /// use alexa_kit::local::StandIn;
    /// let skill = Skill::builder()
    ///     .intent("MailIntent", async |cx: &mut Input| {
    ///         match cx.services().profile().email().await {
    ///             Ok(email) => Ok(cx.say(format!("Got {}.", email.is_some()))),
    ///             Err(e) => match PermissionRequired::of(&e) {
    ///                 Some(p) => Ok(p.answer(cx)),
    ///                 None => Err(e),
    ///             },
    ///         }
    ///     })
    ///     .build()?;
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// let denied = StandIn::new().email("ada@example.com").deny("alexa::profile:email:read");
    /// let mut talk = alexa_kit::testing::Conversation::new(&skill).locale("de-DE").services(denied);
    /// let turn = talk.intent("MailIntent").await?;
    /// assert!(turn.speech().contains("Erlaubnis"));
    /// assert_eq!(serde_json::to_value(turn.card().unwrap())?["permissions"][0], "alexa::profile:email:read");
    /// # Ok::<(), alexa_kit::Error>(())
    /// # }).unwrap();
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn answer(&self, cx: &Input) -> ResponseBuilder {
        cx.say(cx.t("permission-consent"))
            .ask_for_permissions_consent_card(self.scopes.iter().cloned())
            .end_session()
    }
}

impl std::fmt::Display for PermissionRequired {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "HTTP {}: the call needs ", self.status)?;
        if self.scopes.is_empty() {
            f.write_str("a permission the API did not name")
        } else {
            f.write_str(&self.scopes.join(", "))
        }
    }
}

impl std::error::Error for PermissionRequired {}

/// Percent-encodes one path segment (device ids, alert tokens) so that a
/// value can never leave its segment of the API's path.
fn encode_segment(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_encoded() {
        assert_eq!(
            encode_segment("amzn1.ask.device.AB_c-1~"),
            "amzn1.ask.device.AB_c-1~"
        );
        assert_eq!(encode_segment("../x?y#z"), "..%2Fx%3Fy%23z");
    }

    #[test]
    fn statuses_map_to_results() {
        let r = |status| Response {
            status,
            headers: vec![],
            body: b"{\"message\":\"no\"}".to_vec(),
        };
        assert!(check(r(204), &[]).unwrap().is_none());
        assert!(check(r(200), &[]).unwrap().is_some());
        for status in [401, 403] {
            let e = check(r(status), &["alexa::profile:name:read"]).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::PermissionDenied);
            let p = PermissionRequired::of(&e).unwrap();
            assert_eq!(
                (p.status, p.scopes.as_slice()),
                (status, &["alexa::profile:name:read".to_owned()][..])
            );
        }
        assert_eq!(check(r(429), &[]).unwrap_err().kind(), ErrorKind::Throttled);
        let e = check(r(500), &[]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Service);
        assert_eq!(e.downcast_ref::<StatusError>().unwrap().status, 500);
    }
}
