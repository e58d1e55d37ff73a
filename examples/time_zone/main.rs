//! A skill that calls Alexa's APIs (feature `services`): the Settings API for
//! the device's time zone, and the Reminders API with a progressive response.
//!
//! Offline, with the simulator's stand-in for Alexa's APIs (no network):
//!
//! ```text
//! cargo run --features services --example time_zone -- \
//!     --skill-package examples/time_zone/skill-package --time-zone Europe/Berlin
//! ```
//!
//! On Lambda it is the `bootstrap`: `make package EXAMPLE=time_zone FEATURES=services`.

use std::time::Duration;

use alexa_kit::prelude::*;
use alexa_kit::response::ssml::escape;
use alexa_kit::services::ReminderRequest;

/// "What is my time zone?": one call of the Settings API.
async fn time_zone(cx: &mut Input) -> Result<ResponseBuilder> {
    let speech = match cx.services().settings().time_zone().await? {
        Some(zone) => format!("Your time zone is {}.", escape(&zone)),
        None => "This device has no time zone set.".to_owned(),
    };
    Ok(cx.say(speech).end_session())
}

/// "Remind me to stretch": a progressive response, then a reminder in ten
/// minutes. Without the reminders permission the framework answers with the
/// consent card.
async fn remind(cx: &mut Input) -> Result<ResponseBuilder> {
    cx.services().progressive_response("One moment.").await?;
    let reminder =
        ReminderRequest::after(Duration::from_secs(600), cx.locale(), "Time to stretch!");
    cx.services().reminders().create(&reminder).await?;
    Ok(cx
        .say("Okay, I'll remind you in ten minutes.")
        .end_session())
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::process::ExitCode {
    let skill = Skill::builder()
        .intent("TimeZoneIntent", time_zone)
        .intent("RemindIntent", remind);
    match skill.run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("time_zone: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
