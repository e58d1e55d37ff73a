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
use alexa_kit::prelude::*;
use alexa_kit::skill::SkillBuilder;
use alexa_kit::slots::{Month, Number, Ordinal};

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
                let speech = sentences(&cx.t("welcome-back"), &tell(cx, count));
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
        // Typed as Alexa sends them (AMAZON.Month in the user's language and any
        // case, AMAZON.Ordinal and AMAZON.FOUR_DIGIT_NUMBER as digits). A value
        // that does not fit is not an error here: it is asked for again.
        let month = cx.slot_as::<Month>("month").ok().flatten();
        let month = month.and_then(|m| i8::try_from(m.number()).ok());
        let day = cx.slot_as::<Ordinal>("day").ok().flatten();
        let day = day
            .and_then(|d| i8::try_from(d.0).ok())
            .filter(|d| (1..=31).contains(d));
        let year = cx.slot_as::<Number>("year").ok().flatten();
        let year = year
            .and_then(|y| i16::try_from(y.0).ok())
            .filter(|y| (1000..=9999).contains(y));
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
        let given = Birthday { month, day, year };
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
        let speech = sentences(&saved, &tell(cx, count));
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
        sentences(&text, &l.t("leap-day-note"))
    } else {
        text
    }
}

fn date_args(b: Birthday) -> alexa_kit::i18n::FluentArgs<'static> {
    args!["month" => b.month, "day" => b.day, "year" => b.year]
}

/// Two sentences in a row: a space between them, except after the full-width
/// punctuation of Japanese, which is written without one.
pub fn sentences(first: &str, second: &str) -> String {
    if first.ends_with(['。', '！', '？']) {
        format!("{first}{second}")
    } else {
        format!("{first} {second}")
    }
}
