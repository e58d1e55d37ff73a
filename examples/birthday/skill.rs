//! The birthday countdown skill itself, shared by `main.rs` and the tests.
//!
//! | request | answer |
//! | --- | --- |
//! | launch, no birthday stored | asks for it; the session stays open |
//! | launch, birthday stored | the days left (or happy birthday with the age); the session ends |
//! | `CaptureBirthdayIntent` | delegates the dialog until month, day and year are filled, stores them, confirms and counts |
//! | `AMAZON.CancelIntent` | its own goodbye |
//! | help, stop, fallback, navigate home | the framework's handlers with this skill's messages |

use alexa_kit::args;
use alexa_kit::i18n::Locales;
use alexa_kit::model::Intent;
use alexa_kit::prelude::*;
use alexa_kit::skill::SkillBuilder;

use crate::countdown::{self, Birthday, Countdown};
use crate::platform;

/// The intent of the interaction model that captures the birthday.
pub const CAPTURE: &str = "CaptureBirthdayIntent";

/// The skill's messages: `locales/<language>/birthday.ftl`, compiled in.
pub fn locales() -> Result<Locales> {
    Locales::embedded(alexa_kit::include_locales!(
        "$CARGO_MANIFEST_DIR/examples/birthday/locales"
    ))
}

/// The skill, ready to `build()` or `run()`. Without a store of its own it
/// uses the framework's default for the transport: a file store locally, a
/// memory store in tests (`main.rs` chooses DynamoDB where it must).
pub fn builder() -> SkillBuilder {
    Skill::builder()
        .locales(locales())
        // The birthday is written once the answer is ready, never after an error.
        .save_persistent_attributes_on_success()
        .on_launch(Launch)
        .intent(CAPTURE, Capture)
        .intent("AMAZON.CancelIntent", async |cx: &mut Input| {
            Ok(cx.say(cx.t("cancelled")).end_session())
        })
}

/// Welcome: ask for the birthday, or count down to the stored one.
pub struct Launch;

#[async_trait(?Send)]
impl Handler for Launch {
    async fn handle(&self, cx: &mut Input) -> Result<ResponseBuilder> {
        match platform::stored_birthday(cx).await? {
            None => Ok(cx.ask(cx.t("welcome"), cx.t("welcome-reprompt"))),
            Some(birthday) => {
                let today = platform::today(cx).await;
                let Some(count) = countdown::countdown(birthday, today) else {
                    // A stored date that no longer makes sense: ask again.
                    return Ok(cx.ask(cx.t("welcome"), cx.t("welcome-reprompt")));
                };
                let speech = format!("{} {}", cx.t("welcome-back"), tell(cx, count));
                Ok(cx.say(speech).end_session())
            }
        }
    }
}

/// `CaptureBirthdayIntent`: the dialog model asks for what is missing.
pub struct Capture;

#[async_trait(?Send)]
impl Handler for Capture {
    async fn handle(&self, cx: &mut Input) -> Result<ResponseBuilder> {
        let Some(intent) = cx.intent().cloned() else {
            return Ok(cx.ask(cx.t("help"), cx.t("help-reprompt")));
        };
        let (month, day, year) = (
            slot_month(cx, &intent),
            slot_number(&intent, "day", 1..=31),
            slot_number(&intent, "year", 1000..=9999),
        );
        let (Some(month), Some(day), Some(year)) = (month, day, year) else {
            // Let Alexa ask for the missing (or unusable) slots with the
            // dialog model's prompts; an unusable value is cleared first.
            let mut updated = intent;
            for (name, ok) in [
                ("month", month.is_some()),
                ("day", day.is_some()),
                ("year", year.is_some()),
            ] {
                if !ok && let Some(slot) = updated.slots.get_mut(name) {
                    slot.value = None;
                    slot.resolutions = None;
                }
            }
            return Ok(cx.response().delegate_dialog(updated));
        };
        let given = Birthday {
            month: month as i8,
            day: day as i8,
            year: year as i16,
        };
        let today = platform::today(cx).await;
        let (Some(birthday), Some(count)) =
            (given.checked(today), countdown::countdown(given, today))
        else {
            let date = date_args(given);
            let speech = cx.localizer().t_args("invalid-date", &date);
            return Ok(cx.ask(speech, cx.t("help-reprompt")));
        };
        platform::store_birthday(cx, birthday).await?;
        let saved = cx
            .localizer()
            .t_args("birthday-saved", &date_args(birthday));
        let speech = format!("{saved} {}", tell(cx, count));
        Ok(cx.say(speech).end_session())
    }
}

/// The countdown (or the birthday wishes) in the user's language.
fn tell(cx: &Input, count: Countdown) -> String {
    let l = cx.localizer();
    let (text, moved) = match count {
        Countdown::Today { age, moved } => {
            (l.t_args("happy-birthday", &args!["age" => age]), moved)
        }
        Countdown::Ahead { days, age, moved } => (
            l.t_args("countdown", &args!["days" => days, "age" => age]),
            moved,
        ),
    };
    if moved {
        format!("{text} {}", l.t("leap-day-note"))
    } else {
        text
    }
}

fn date_args(b: Birthday) -> alexa_kit::i18n::FluentArgs<'static> {
    args!["month" => b.month, "day" => b.day, "year" => b.year]
}

/// The `month` slot as Alexa sends AMAZON.Month: the month's name in the
/// user's language, in any case (or its number). The names are the ones the
/// skill's own `month-name` message speaks, so that they exist once.
fn slot_month(cx: &Input, intent: &Intent) -> Option<u32> {
    let value = intent.slot_value("month")?.trim().to_lowercase();
    if let Ok(n) = value.parse::<u32>() {
        return (1..=12).contains(&n).then_some(n);
    }
    let l = cx.localizer();
    (1..=12u32).find(|&m| l.t_args("month-name", &args!["month" => m]).to_lowercase() == value)
}

/// A numeric slot (AMAZON.Ordinal sends `6` for "sixth", AMAZON.FOUR_DIGIT_NUMBER
/// `1990`) within `range`; a trailing ordinal suffix such as `6th` or `6.` is
/// tolerated.
fn slot_number(intent: &Intent, name: &str, range: std::ops::RangeInclusive<u32>) -> Option<u32> {
    let value = intent.slot_value(name)?.trim();
    let digits = value
        .find(|c: char| !c.is_ascii_digit())
        .map_or(value, |end| &value[..end]);
    digits.parse().ok().filter(|n| range.contains(n))
}
