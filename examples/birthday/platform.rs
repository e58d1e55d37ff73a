//! What the skill asks of the platform: where the birthday is kept, and which
//! day it is for the user.
//!
//! INTERIM (until issues 13 and 14 land on `main`): the birthday lives in the
//! session attributes, so it is remembered within a session only, and the
//! day is counted in UTC. The final version keeps it as persistent attributes
//! and reads the device's time zone from the Alexa settings API.

use alexa_kit::prelude::*;
use jiff::civil::Date;

use crate::countdown::{self, Birthday};

const KEY: &str = "birthday";

/// The birthday stored for this user, if any.
pub async fn stored_birthday(cx: &mut Input) -> Result<Option<Birthday>> {
    cx.session().get(KEY)
}

/// Keeps `birthday` for this user.
pub async fn store_birthday(cx: &mut Input, birthday: Birthday) -> Result<()> {
    cx.session_mut().set(KEY, birthday)
}

/// The user's date when they spoke: the request's timestamp (or the clock),
/// in UTC.
pub async fn today(cx: &mut Input) -> Date {
    let now =
        countdown::request_time(cx.request().timestamp()).unwrap_or_else(jiff::Timestamp::now);
    countdown::today_utc(now)
}
