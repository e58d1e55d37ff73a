//! What the skill asks of the platform: where the birthday is kept, and which
//! day it is for the user.
//!
//! The birthday is a persistent attribute (saved by the framework once the
//! answer is ready, see `save_persistent_attributes_on_success` in
//! `skill.rs`). The day is the device's: the request's timestamp in the time
//! zone the Alexa settings API gives (no customer permission needed). If that
//! call fails, the skill counts in UTC and logs a warning: the user still gets
//! an answer. Built without the `services` feature it always counts in UTC.

use alexa_kit::prelude::*;
use jiff::civil::Date;

use crate::countdown::{self, Birthday};

/// The persistent attribute that holds the birthday.
const KEY: &str = "birthday";

/// The birthday stored for this user, if any.
pub async fn stored_birthday(cx: &mut Input) -> Result<Option<Birthday>> {
    cx.persistent().await?.get(KEY)
}

/// Keeps `birthday` for this user; written when the answer is ready.
pub async fn store_birthday(cx: &mut Input, birthday: Birthday) -> Result<()> {
    cx.persistent().await?.set(KEY, birthday)
}

/// The user's date when they spoke: the request's timestamp (or the clock) in
/// the device's time zone, or in UTC when that zone is unknown.
pub async fn today(cx: &mut Input) -> Date {
    let now =
        countdown::request_time(cx.request().timestamp()).unwrap_or_else(jiff::Timestamp::now);
    if let Some(zone) = device_zone(cx).await {
        match countdown::today_in(&zone, now) {
            Ok(today) => return today,
            Err(error) => {
                tracing::warn!(%zone, %error, "unknown time zone from the settings API; counting in UTC")
            }
        }
    }
    countdown::today_utc(now)
}

/// The device's IANA time zone from the Alexa settings API.
#[cfg(feature = "services")]
async fn device_zone(cx: &mut Input) -> Option<String> {
    match cx.services().settings().time_zone().await {
        Ok(Some(zone)) => Some(zone),
        Ok(None) => {
            tracing::info!("the device has no time zone set; counting in UTC");
            None
        }
        Err(error) => {
            tracing::warn!(%error, "the settings API failed; counting in UTC");
            None
        }
    }
}

/// Without the `services` feature there is no settings client: UTC.
#[cfg(not(feature = "services"))]
async fn device_zone(_cx: &mut Input) -> Option<String> {
    None
}
