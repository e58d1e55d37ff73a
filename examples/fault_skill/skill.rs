//! The fault-injecting skill itself (see `main.rs`).

use alexa_kit::prelude::*;

/// Answers errors caused by a bad number with a specific apology.
struct BadNumber;

#[async_trait(?Send)]
impl ErrorHandler for BadNumber {
    fn can_handle(&self, _cx: &Input, error: &Error) -> bool {
        error.downcast_ref::<std::num::ParseIntError>().is_some()
    }
    async fn handle(&self, cx: &mut Input, _error: &Error) -> Result<ResponseBuilder> {
        Ok(cx.ask("That is not a number.", "Which number?"))
    }
}

fn panics_in(cx: &Input, place: &str) -> bool {
    cx.intent_name()
        .is_some_and(|n| n.strip_prefix("PanicIn") == Some(place))
}

/// The skill, for `main.rs` and for tests that include this file.
pub fn builder() -> alexa_kit::skill::SkillBuilder {
    Skill::builder()
        .request_interceptor(async |cx: &mut Input| {
            if let Some(name) = cx.intent_name().map(str::to_owned) {
                cx.session_mut().set("touched", name)?;
            }
            if panics_in(cx, "RequestInterceptor") {
                panic!("request interceptor failed on purpose");
            }
            Ok(())
        })
        .response_interceptor(
            async |cx: &mut Input, _r: &mut alexa_kit::model::Response| {
                if panics_in(cx, "ResponseInterceptor") {
                    panic!("response interceptor failed on purpose");
                }
                Ok(())
            },
        )
        .handler(
            when(
                |cx: &Input| {
                    if panics_in(cx, "CanHandle") {
                        panic!("can_handle failed on purpose");
                    }
                    false
                },
                async |cx: &mut Input| Ok(cx.response()),
            )
            .intents(&["PanicInCanHandle"]),
        )
        .intent(
            "PanicInHandler",
            async |_cx: &mut Input| -> Result<ResponseBuilder> {
                panic!("handler failed on purpose")
            },
        )
        .intent("ParseIntent", async |cx: &mut Input| {
            let n: u32 = cx.slot_value("number").unwrap_or("").parse()?;
            Ok(cx.say(format!("{n}")))
        })
        .intent("PanicInRequestInterceptor", async |cx: &mut Input| {
            Ok(cx.say("unreachable"))
        })
        .intent("PanicInResponseInterceptor", async |cx: &mut Input| {
            Ok(cx.ask("All good.", "More?"))
        })
        .intent("FineIntent", async |cx: &mut Input| {
            Ok(cx.ask("All good.", "More?"))
        })
        .error_handler(BadNumber)
}
