//! What the skill asks of the platform: where the birthday is kept, and which
//! day it is for the user.
//!
//! The birthday is a persistent attribute (saved by the framework once the
//! answer is ready, see `save_persistent_attributes_on_success` in
//! `skill.rs`).
//!
//! INTERIM (until the settings API of issue 13 lands on `main`): the day is
//! counted in UTC. The final version reads the device's time zone from the
//! Alexa settings API and falls back to UTC with a warning.

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

/// The user's date when they spoke: the request's timestamp (or the clock),
/// in UTC.
pub async fn today(cx: &mut Input) -> Date {
    let now =
        countdown::request_time(cx.request().timestamp()).unwrap_or_else(jiff::Timestamp::now);
    countdown::today_utc(now)
}
