//! The seams every real skill stands on: `?` on any error, unknown enum
//! values, panics in any piece of skill code, app state, the request context,
//! the testing kit as a real device, predicate handlers that declare their
//! intents. In process through `Conversation`, and through the real
//! `fault_skill` binary on the Runtime API emulator and the local `invoke`.

#[path = "../examples/fault_skill/skill.rs"]
mod fault_skill;
mod support;

use std::cell::RefCell;
use std::collections::HashMap;
use std::process::Command;
use std::time::Duration;
use support::block_on;

use alexa_kit::lambda::emulator::{Emulator, Event};
use alexa_kit::prelude::*;
use alexa_kit::testing::{self, Conversation, Device};
use alexa_kit::{Invocation, Transport};
use serde_json::{Value, json};

const APOLOGY_EN: &str = "Sorry, something went wrong. Please try again.";
const APOLOGY_DE: &str =
    "Entschuldigung, da ist etwas schiefgelaufen. Bitte versuch es noch einmal.";

/// Opens a session, asks `FineIntent` (which leaves `touched` =
/// "FineIntent"), then `intent`, in `locale`.
async fn failing_turn(locale: &str, intent: &str) -> (Conversation, testing::Turn) {
    let skill = fault_skill::builder().build().expect("skill builds");
    let mut talk = Conversation::new(&skill).locale(locale);
    talk.launch().await.expect("launch");
    talk.intent("FineIntent").await.expect("fine").assert_open();
    let turn = talk
        .intent(intent)
        .await
        .expect("an apology, not an invocation error");
    (talk, turn)
}

#[test]
fn a_panic_in_any_piece_of_skill_code_is_an_apology_in_the_users_language() {
    block_on(async {
        for place in [
            "PanicInRequestInterceptor",
            "PanicInResponseInterceptor",
            "PanicInCanHandle",
            "PanicInHandler",
        ] {
            for (locale, apology) in [("en-US", APOLOGY_EN), ("de-DE", APOLOGY_DE)] {
                let (talk, turn) = failing_turn(locale, place).await;
                assert_eq!(turn.speech(), apology, "{place} in {locale}");
                turn.assert_open();
                // The session is rolled back to what the request carried: the
                // request interceptor's write of this intent's name is undone.
                let attributes = talk.session_attributes().expect("session open");
                assert_eq!(
                    attributes.get("touched"),
                    Some(&json!("FineIntent")),
                    "{place}: {attributes:?}"
                );
            }
        }
    });
}

#[test]
fn a_panicking_error_handler_can_handle_falls_through_to_the_apology() {
    struct Broken;
    #[async_trait(?Send)]
    impl ErrorHandler for Broken {
        fn can_handle(&self, _cx: &Input, _error: &Error) -> bool {
            panic!("broken error handler")
        }
        async fn handle(&self, cx: &mut Input, _error: &Error) -> Result<ResponseBuilder> {
            Ok(cx.say("never"))
        }
    }
    block_on(async {
        let skill = Skill::builder()
            .intent("I", async |_cx: &mut Input| Err(Error::handler("nope")))
            .error_handler(Broken)
            .build()
            .unwrap();
        let turn = Conversation::new(&skill).intent("I").await.unwrap();
        assert_eq!(turn.speech(), APOLOGY_EN);
    });
}

#[test]
fn question_mark_on_a_parse_error_reaches_the_error_handler_with_its_type() {
    block_on(async {
        let skill = fault_skill::builder().build().unwrap();
        let mut talk = Conversation::new(&skill);
        let turn = talk
            .send(testing::intent("ParseIntent").slot("number", "twelve"))
            .await
            .unwrap();
        assert_eq!(turn.speech(), "That is not a number.");
        assert_eq!(turn.reprompt().as_deref(), Some("Which number?"));
        let turn = talk
            .send(testing::intent("ParseIntent").slot("number", "12"))
            .await
            .unwrap();
        assert_eq!(turn.speech(), "12");
    });
}

#[test]
fn any_error_type_converts_and_keeps_its_chain() {
    #[derive(Debug)]
    struct Outer(std::io::Error);
    impl std::fmt::Display for Outer {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("the forecast service failed")
        }
    }
    impl std::error::Error for Outer {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            Some(&self.0)
        }
    }
    fn call() -> alexa_kit::Result<()> {
        Err(Outer(std::io::Error::other("connection reset")))?;
        Ok(())
    }
    let err = call().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Handler);
    assert_eq!(err.to_string(), "the forecast service failed");
    let chain: Vec<String> = err.chain().map(|e| e.to_string()).collect();
    assert_eq!(chain, ["the forecast service failed", "connection reset"]);
    assert!(err.downcast_ref::<std::io::Error>().is_some());
    // io errors keep their own kind.
    let io: Error = std::io::Error::other("disk").into();
    assert_eq!(io.kind(), ErrorKind::Io);
    // And an alexa-kit error still goes where a boxed std error is expected.
    let boxed: Box<dyn std::error::Error + Send + Sync> = Error::handler("x").into();
    assert_eq!(boxed.to_string(), "x");
}

#[test]
fn a_session_attribute_of_the_wrong_shape_names_the_key_and_the_type() {
    let mut session = alexa_kit::skill::SessionAttributes::new_session();
    session.set("score", "high").unwrap();
    let err = session.get::<u32>("score").unwrap_err();
    let message = err.to_string();
    assert!(message.contains("`score`"), "{message}");
    assert!(message.contains("u32"), "{message}");
    assert!(err.downcast_ref::<serde_json::Error>().is_some());
}

#[test]
fn unknown_dialog_and_confirmation_values_are_answered() {
    block_on(async {
        let skill = Skill::builder()
            .intent("BookIntent", async |cx: &mut Input| {
                let state = cx.dialog_state().map(|s| s.as_str().to_owned());
                let intent = cx.intent().unwrap();
                let slot = intent.slot("city").unwrap();
                Ok(cx.say(format!(
                    "{} {} {}",
                    state.unwrap_or_default(),
                    intent.confirmation_status.as_str(),
                    slot.confirmation_status.as_str()
                )))
            })
            .build()
            .unwrap();
        let event = json!({
            "version": "1.0",
            "request": {
                "type": "IntentRequest", "requestId": "r", "locale": "en-US",
                "dialogState": "PAUSED_FOR_LATER",
                "intent": {
                    "name": "BookIntent", "confirmationStatus": "MAYBE_LATER",
                    "slots": {"city": {"name": "city", "value": "Rome", "confirmationStatus": "SOMEHOW"}}
                }
            }
        });
        let bytes = serde_json::to_vec(&event).unwrap();
        let answer = skill
            .handle_bytes(&bytes, &Invocation::new(Transport::Test))
            .await
            .expect("answered");
        let answer: Value = serde_json::from_slice(&answer).unwrap();
        assert_eq!(
            answer["response"]["outputSpeech"]["ssml"],
            "<speak>PAUSED_FOR_LATER MAYBE_LATER SOMEHOW</speak>"
        );
    });
}

#[test]
fn app_state_reaches_handlers_and_interceptors_and_a_missing_type_is_named() {
    struct Greeting(&'static str);
    block_on(async {
        let skill = Skill::builder()
            .state(Greeting("Howdy"))
            .request_interceptor(async |cx: &mut Input| {
                let word = cx.state::<Greeting>()?.0;
                cx.attributes_mut().insert(word.len());
                Ok(())
            })
            .intent("HelloIntent", async |cx: &mut Input| {
                let len = *cx.attributes().get::<usize>().unwrap();
                Ok(cx.say(format!("{} ({len})", cx.state::<Greeting>()?.0)))
            })
            .intent("MissingIntent", async |cx: &mut Input| {
                let n = cx.state::<u64>()?;
                Ok(cx.say(format!("{n}")))
            })
            .build()
            .unwrap();
        let mut talk = Conversation::new(&skill);
        assert_eq!(
            talk.intent("HelloIntent").await.unwrap().speech(),
            "Howdy (5)"
        );
        assert_eq!(
            talk.intent("MissingIntent").await.unwrap().speech(),
            APOLOGY_EN
        );
        let err = skill.state::<u64>().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Config);
        assert!(err.to_string().contains("u64"), "{err}");
    });
}

#[test]
fn handlers_see_the_transport_neutral_request_context() {
    block_on(async {
        let skill = Skill::builder()
            .intent("ContextIntent", async |cx: &mut Input| {
                let inv = cx.invocation();
                let left = inv.remaining().map(|d| d.as_secs()).unwrap_or(0);
                Ok(cx.say(format!(
                    "{} {} {} {left}",
                    inv.transport().as_str(),
                    inv.request_id(),
                    inv.trace_id().unwrap_or("-"),
                )))
            })
            .build()
            .unwrap();
        let turn = Conversation::new(&skill)
            .intent("ContextIntent")
            .await
            .unwrap();
        assert_eq!(turn.speech(), "test - 0");
        let bytes = serde_json::to_vec(&testing::intent("ContextIntent").build()).unwrap();
        let inv = Invocation::new(Transport::Server)
            .with_request_id("req-7")
            .with_trace_id("Root=1-abc")
            .with_deadline_in(Duration::from_secs(30));
        let answer: Value =
            serde_json::from_slice(&skill.handle_bytes(&bytes, &inv).await.unwrap()).unwrap();
        let ssml = answer["response"]["outputSpeech"]["ssml"].as_str().unwrap();
        assert!(
            ssml.starts_with("<speak>server req-7 Root=1-abc 2"),
            "{ssml}"
        );
    });
}

#[test]
fn a_conversation_is_a_real_device_and_remembers_its_user_across_sessions() {
    // A skill that counts visits per user in app state (a stand-in for
    // persistence), and reads the device's details.
    type Visits = RefCell<HashMap<String, u32>>;
    block_on(async {
        let skill = Skill::builder()
            .state(Visits::default())
            .on_launch(async |cx: &mut Input| {
                let user = cx.envelope().user_id().unwrap_or_default().to_owned();
                let n = {
                    let mut visits = cx.state::<Visits>()?.borrow_mut();
                    let n = visits.entry(user).or_default();
                    *n += 1;
                    *n
                };
                Ok(cx.ask(format!("Visit {n}."), "Anything?"))
            })
            .intent("DeviceIntent", async |cx: &mut Input| {
                let env = cx.envelope();
                let text = format!(
                    "{} {} {} {} {} {} {}",
                    env.device_id().unwrap_or("-"),
                    env.person_id().unwrap_or("-"),
                    env.api_endpoint().unwrap_or("-"),
                    env.api_access_token().unwrap_or("-"),
                    env.has_permission("alexa::profile:given_name:read"),
                    env.supports_interface("Alexa.Presentation.APL"),
                    cx.is_new_session(),
                );
                Ok(cx.say(alexa_kit::response::ssml::escape(&text)))
            })
            .build()
            .unwrap();
        let ada = Device::new()
            .user_id("amzn1.ask.account.ada")
            .device_id("amzn1.ask.device.kitchen")
            .person_id("amzn1.ask.person.ada")
            .api_endpoint("http://127.0.0.1:1")
            .api_access_token("tok")
            .permission("alexa::profile:given_name:read")
            .interface("Alexa.Presentation.APL")
            .timestamp("2026-11-29T12:00:00Z");
        let mut talk = Conversation::new(&skill).device(ada);
        assert_eq!(talk.launch().await.unwrap().speech(), "Visit 1.");
        assert_eq!(
            talk.intent("DeviceIntent").await.unwrap().speech(),
            "amzn1.ask.device.kitchen amzn1.ask.person.ada http://127.0.0.1:1 tok true true false"
        );
        talk.end_session().await.unwrap();
        assert!(talk.session_attributes().is_none());
        assert_eq!(talk.launch().await.unwrap().speech(), "Visit 2.");
        // Another user starts from zero.
        let mut bob =
            Conversation::new(&skill).device(Device::new().user_id("amzn1.ask.account.bob"));
        assert_eq!(bob.launch().await.unwrap().speech(), "Visit 1.");
    });
}

#[test]
fn predicate_handlers_declare_their_intents_for_can_fulfill_and_the_package_check() {
    block_on(async {
        let skill = Skill::builder()
            .handler(
                when(
                    |cx: &Input| {
                        cx.request_kind() == RequestKind::Intent
                            && cx.intent_name() == Some("HelloWorldIntent")
                    },
                    async |cx: &mut Input| Ok(cx.say(cx.t("hello-world")).end_session()),
                )
                .intents(&["HelloWorldIntent"]),
            )
            .build()
            .unwrap();
        assert!(skill.routes("HelloWorldIntent"));
        // The hello world's skill package has exactly this one custom intent.
        #[cfg(feature = "simulator")]
        {
            let package = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("skill-package");
            alexa_kit::local::check_skill_package(&skill, &package, &["en-US", "de-DE"])
                .expect("a predicate handler counts as handling its declared intents");
        }
        let can: alexa_kit::model::Request = serde_json::from_value(json!({
            "type": "CanFulfillIntentRequest", "requestId": "r",
            "intent": {"name": "HelloWorldIntent"}
        }))
        .unwrap();
        let answer = skill.handle(testing::request(can).build()).await.unwrap();
        let can = serde_json::to_value(&answer.response.can_fulfill_intent).unwrap();
        assert_eq!(can["canFulfill"], "YES");
    });
}

#[test]
fn t_args_formats_a_message_in_one_call() {
    block_on(async {
        let locales = alexa_kit::i18n::Locales::builder()
            .resource(
                "en",
                "s.ftl",
                "score = { $name } has { $n ->\n    [one] one point\n   *[other] { $n } points\n}.",
            )
            .build();
        let skill = Skill::builder()
            .locales(locales)
            .intent("ScoreIntent", async |cx: &mut Input| {
                Ok(cx.say(cx.t_args("score", &alexa_kit::args!["name" => "<Ada>", "n" => 3])))
            })
            .build()
            .unwrap();
        let turn = Conversation::new(&skill)
            .intent("ScoreIntent")
            .await
            .unwrap();
        assert_eq!(
            turn.speech_markup(),
            Some("<speak>&lt;Ada&gt; has 3 points.</speak>")
        );
    });
}

// ----- the real binary -----

fn event(intent: &str, locale: &str) -> Vec<u8> {
    let mut env = serde_json::to_value(
        testing::intent(intent)
            .locale(locale)
            .session_attribute("touched", "before")
            .build(),
    )
    .unwrap();
    env["session"]["new"] = json!(false);
    serde_json::to_vec(&env).unwrap()
}

#[test]
fn panics_in_the_real_binary_on_lambda_are_spoken_apologies_and_serving_goes_on() {
    let emulator = Emulator::start().expect("emulator");
    let bootstrap = support::Bootstrap::spawn_path(
        &support::bootstrap_path("fault_skill"),
        &emulator.runtime_api(),
        &[],
    );
    for (i, place) in [
        "PanicInRequestInterceptor",
        "PanicInResponseInterceptor",
        "PanicInCanHandle",
        "PanicInHandler",
        "FineIntent",
    ]
    .iter()
    .enumerate()
    {
        let locale = if i % 2 == 0 { "de-DE" } else { "en-GB" };
        let id = emulator.push(Event::new(event(place, locale)));
        let post = support::result(&emulator, &id, &bootstrap);
        let json = support::assert_response(&post, &bootstrap);
        let ssml = json["response"]["outputSpeech"]["ssml"].as_str().unwrap();
        if *place == "FineIntent" {
            assert_eq!(ssml, "<speak>All good.</speak>");
            assert_eq!(json["sessionAttributes"]["touched"], "FineIntent");
        } else {
            let apology = if locale == "de-DE" {
                APOLOGY_DE
            } else {
                APOLOGY_EN
            };
            assert_eq!(ssml, format!("<speak>{apology}</speak>"), "{place}");
            assert_eq!(
                json["sessionAttributes"],
                json!({"touched": "before"}),
                "{place}"
            );
        }
    }
}

#[test]
fn panics_through_the_local_invoke_are_spoken_apologies() {
    let path = support::example_path("fault_skill");
    for place in [
        "PanicInRequestInterceptor",
        "PanicInResponseInterceptor",
        "PanicInCanHandle",
    ] {
        let out = support::run_with_input(
            Command::new(&path).args(["invoke", "-"]),
            &event(place, "de-DE"),
        );
        assert!(
            out.status.success(),
            "{place}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let json: Value = serde_json::from_slice(&out.stdout).expect("a response envelope");
        assert_eq!(
            json["response"]["outputSpeech"]["ssml"],
            format!("<speak>{APOLOGY_DE}</speak>"),
            "{place}"
        );
    }
}
