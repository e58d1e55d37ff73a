//! The skill framework end to end: routing, defaults, interceptors, errors,
//! attributes and the skill id check, driven through the public API.

mod support;

use std::cell::RefCell;
use std::rc::Rc;
use support::block_on;

use alexa_kit::model::{CanFulfill, Request, RequestEnvelope, ShouldEndSession};
use alexa_kit::prelude::*;
use alexa_kit::testing::{self, Conversation, TEST_SKILL_ID};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Default, Debug, PartialEq)]
struct Order {
    drinks: Vec<String>,
}

fn cafe() -> Skill {
    Skill::builder()
        .on_launch(async |cx: &mut Input| {
            Ok(cx.ask(
                "Welcome to the café. What would you like?",
                "What would you like?",
            ))
        })
        .intent("OrderIntent", async |cx: &mut Input| {
            let drink = cx.slot_value("drink").unwrap_or("water").to_owned();
            let mut order: Order = cx.session().state()?;
            order.drinks.push(drink);
            cx.session_mut().set_state(&order)?;
            Ok(cx.ask(
                format!("That makes {} drinks.", order.drinks.len()),
                "Anything else?",
            ))
        })
        .intent("FailIntent", async |_cx: &mut Input| {
            Err(Error::handler("the coffee machine is broken"))
        })
        .intent(
            "PanicIntent",
            async |_cx: &mut Input| -> Result<ResponseBuilder> { panic!("boom") },
        )
        .build()
        .expect("skill builds")
}

#[test]
fn launch_intent_help_stop_conversation() {
    block_on(async {
        let skill = cafe();
        let mut talk = Conversation::new(&skill);
        talk.launch()
            .await
            .unwrap()
            .assert_open()
            .assert_says("Welcome to the café");
        let turn = talk
            .send(testing::intent("OrderIntent").slot("drink", "tea"))
            .await
            .unwrap();
        turn.assert_open().assert_says("That makes 1 drinks.");
        assert_eq!(turn.reprompt().as_deref(), Some("Anything else?"));
        talk.send(testing::intent("OrderIntent").slot("drink", "coffee"))
            .await
            .unwrap()
            .assert_says("That makes 2 drinks.");
        assert_eq!(
            talk.session_attributes().unwrap()["drinks"],
            serde_json::json!(["tea", "coffee"])
        );
        let help = talk.intent("AMAZON.HelpIntent").await.unwrap();
        help.assert_open();
        assert!(!help.speech().is_empty());
        assert!(help.reprompt().is_some());
        // Help kept the session and its attributes.
        assert_eq!(talk.session_attributes().unwrap()["drinks"][1], "coffee");
        talk.intent("AMAZON.StopIntent")
            .await
            .unwrap()
            .assert_ended();
        assert!(
            talk.session_attributes().is_none(),
            "a new session starts after stop"
        );
    });
}

#[test]
fn built_in_defaults() {
    block_on(async {
        let skill = Skill::builder().build().unwrap();
        let mut talk = Conversation::new(&skill);
        let welcome = talk.launch().await.unwrap();
        welcome.assert_open();
        assert!(welcome.reprompt().is_some());
        for intent in [
            "AMAZON.StopIntent",
            "AMAZON.CancelIntent",
            "AMAZON.NavigateHomeIntent",
        ] {
            let t = talk.intent(intent).await.unwrap();
            t.assert_ended();
            assert!(!t.speech().is_empty(), "{intent} says something");
        }
        for intent in [
            "AMAZON.HelpIntent",
            "AMAZON.FallbackIntent",
            "SomeUnknownIntent",
        ] {
            let t = talk.intent(intent).await.unwrap();
            t.assert_open();
            assert!(!t.speech().is_empty() && t.reprompt().is_some(), "{intent}");
        }
        // SessionEnded: no speech, no shouldEndSession, no card (Alexa allows none).
        let ended = skill
            .handle(testing::session_ended("ERROR").build())
            .await
            .unwrap();
        assert!(ended.response.output_speech.is_none());
        assert_eq!(ended.response.should_end_session, ShouldEndSession::Unset);
    });
}

#[test]
fn defaults_are_overridable_one_by_one() {
    block_on(async {
        let skill = Skill::builder()
            .intent("AMAZON.HelpIntent", async |cx: &mut Input| {
                Ok(cx.ask("Say order.", "Say order."))
            })
            .build()
            .unwrap();
        let mut talk = Conversation::new(&skill);
        talk.intent("AMAZON.HelpIntent")
            .await
            .unwrap()
            .assert_says("Say order.");
        // Stop still comes from the defaults.
        talk.intent("AMAZON.StopIntent")
            .await
            .unwrap()
            .assert_ended();
    });
}

#[test]
fn unknown_intent_and_unknown_request_type_fall_back() {
    block_on(async {
        let skill = cafe();
        let t = Conversation::new(&skill)
            .intent("NoSuchIntent")
            .await
            .unwrap();
        t.assert_open();
        let unknown: Request = serde_json::from_value(
            serde_json::json!({"type": "Alexa.NewThing.Happened", "requestId": "r"}),
        )
        .unwrap();
        let in_session = skill
            .handle(testing::request(unknown.clone()).build())
            .await
            .unwrap();
        assert_eq!(
            in_session.response.should_end_session,
            ShouldEndSession::KeepOpen
        );
        assert!(in_session.response.output_speech.is_some());
        let outside = skill
            .handle(testing::request(unknown).without_session().build())
            .await
            .unwrap();
        assert!(
            outside.response.output_speech.is_none(),
            "no speech outside a session"
        );
        assert!(outside.session_attributes.is_none());
    });
}

#[test]
fn handler_errors_and_panics_become_apologies_and_keep_nothing_half_done() {
    block_on(async {
        let skill = Skill::builder()
            .intent("FailAfterWrite", async |cx: &mut Input| {
                cx.session_mut().set("half", true)?;
                Err(Error::handler("database down"))
            })
            .intent(
                "PanicIntent",
                async |_cx: &mut Input| -> Result<ResponseBuilder> { panic!("boom") },
            )
            .build()
            .unwrap();
        let env = testing::intent("FailAfterWrite")
            .session_attribute("kept", 1)
            .build();
        let answer = skill.handle(env).await.unwrap();
        assert!(answer.response.output_speech.is_some());
        assert_eq!(
            answer.response.should_end_session,
            ShouldEndSession::KeepOpen
        );
        let attrs = answer.session_attributes.unwrap();
        assert_eq!(attrs["kept"], 1);
        assert!(
            attrs.get("half").is_none(),
            "the failed handler's write is rolled back"
        );

        let answer = skill
            .handle(testing::intent("PanicIntent").build())
            .await
            .unwrap();
        assert!(
            answer.response.output_speech.is_some(),
            "a panic is answered with an apology"
        );
    });
}

struct RecordKind(Rc<RefCell<Vec<String>>>);

#[async_trait(?Send)]
impl ErrorHandler for RecordKind {
    fn can_handle(&self, _cx: &Input, error: &Error) -> bool {
        error.kind() == ErrorKind::Handler
    }
    async fn handle(&self, cx: &mut Input, error: &Error) -> Result<ResponseBuilder> {
        self.0
            .borrow_mut()
            .push(format!("error:{}", error.message()));
        Ok(cx.say("Custom sorry.").end_session())
    }
}

#[test]
fn interceptor_order_on_success_and_on_errors() {
    block_on(async {
        let log = Rc::new(RefCell::new(Vec::<String>::new()));
        let (l1, l2, l3, l4, l5) = (
            log.clone(),
            log.clone(),
            log.clone(),
            log.clone(),
            log.clone(),
        );
        let skill = Skill::builder()
            .request_interceptor(async move |_cx: &mut Input| {
                l1.borrow_mut().push("req1".into());
                Ok(())
            })
            .request_interceptor(async move |_cx: &mut Input| {
                l2.borrow_mut().push("req2".into());
                Ok(())
            })
            .intent("OkIntent", async move |cx: &mut Input| {
                l3.borrow_mut().push("handler".into());
                Ok(cx.say("ok"))
            })
            .intent("FailIntent", async |_cx: &mut Input| {
                Err(Error::handler("nope"))
            })
            .response_interceptor(
                async move |_cx: &mut Input, _r: &mut alexa_kit::model::Response| {
                    l4.borrow_mut().push("resp1".into());
                    Ok(())
                },
            )
            .response_interceptor(
                async move |_cx: &mut Input, r: &mut alexa_kit::model::Response| {
                    l5.borrow_mut().push("resp2".into());
                    r.card = None;
                    Ok(())
                },
            )
            .error_handler(RecordKind(log.clone()))
            .build()
            .unwrap();
        skill
            .handle(testing::intent("OkIntent").build())
            .await
            .unwrap();
        assert_eq!(*log.borrow(), ["req1", "req2", "handler", "resp1", "resp2"]);
        log.borrow_mut().clear();
        let answer = skill
            .handle(testing::intent("FailIntent").build())
            .await
            .unwrap();
        assert_eq!(
            *log.borrow(),
            ["req1", "req2", "error:nope", "resp1", "resp2"]
        );
        assert_eq!(
            answer.response.output_speech.unwrap().text(),
            "<speak>Custom sorry.</speak>"
        );
    });
}

#[test]
fn a_failing_request_interceptor_goes_to_the_error_handlers() {
    block_on(async {
        let skill = Skill::builder()
            .request_interceptor(async |_cx: &mut Input| Err(Error::handler("profile store down")))
            .intent("OkIntent", async |cx: &mut Input| Ok(cx.say("never")))
            .build()
            .unwrap();
        let answer = skill
            .handle(testing::intent("OkIntent").build())
            .await
            .unwrap();
        let speech = answer.response.output_speech.unwrap();
        assert!(!speech.text().contains("never"));
    });
}

#[test]
fn a_response_alexa_would_reject_becomes_an_apology() {
    block_on(async {
        let skill = Skill::builder()
            .intent("LongIntent", async |cx: &mut Input| {
                Ok(cx.say("la ".repeat(5000)))
            })
            .build()
            .unwrap();
        let answer = skill
            .handle(testing::intent("LongIntent").build())
            .await
            .unwrap();
        let text = answer.response.output_speech.unwrap().text().to_owned();
        assert!(text.len() < 8000 && !text.contains("la la"), "{text}");
    });
}

#[test]
fn skill_id_mismatch_is_an_invocation_error() {
    block_on(async {
        let skill = Skill::builder().skill_id(TEST_SKILL_ID).build().unwrap();
        assert!(skill.handle(testing::launch().build()).await.is_ok());
        let err = skill
            .handle(
                testing::launch()
                    .skill_id("amzn1.ask.skill.someone-else")
                    .build(),
            )
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::SkillIdMismatch);
        assert!(err.to_string().contains("someone-else"));
        // Out-of-session requests carry the id in context.System only.
        let no_session = testing::launch().without_session().build();
        assert!(skill.handle(no_session).await.is_ok());
        let mut no_id = testing::launch().build();
        no_id.set_context(None);
        no_id.session = None;
        assert_eq!(
            skill.handle(no_id).await.unwrap_err().kind(),
            ErrorKind::SkillIdMismatch
        );
    });
}

#[test]
fn session_attributes_outside_a_session_do_not_panic() {
    block_on(async {
        let skill = Skill::builder()
            .on(RequestKind::AudioPlayer, async |cx: &mut Input| {
                assert!(!cx.session().in_session());
                assert!(cx.session_mut().set("x", 1).is_err());
                Ok(cx.response())
            })
            .build()
            .unwrap();
        let event: Request = serde_json::from_value(serde_json::json!({
            "type": "AudioPlayer.PlaybackStarted", "requestId": "r", "token": "t"
        }))
        .unwrap();
        let answer = skill
            .handle(testing::request(event).without_session().build())
            .await
            .unwrap();
        assert!(answer.session_attributes.is_none());
    });
}

#[test]
fn predicate_handlers_come_before_intent_routes() {
    struct Locked;
    #[async_trait(?Send)]
    impl RequestHandler for Locked {
        fn can_handle(&self, cx: &Input) -> bool {
            cx.session().get::<bool>("locked").ok().flatten() == Some(true)
        }
        async fn handle(&self, cx: &mut Input) -> Result<ResponseBuilder> {
            Ok(cx.say("Locked.").end_session())
        }
    }
    block_on(async {
        let skill = Skill::builder()
            .handler(Locked)
            .intent("OpenIntent", async |cx: &mut Input| Ok(cx.say("Open.")))
            .build()
            .unwrap();
        let open = skill
            .handle(testing::intent("OpenIntent").build())
            .await
            .unwrap();
        assert!(
            open.response
                .output_speech
                .unwrap()
                .text()
                .contains("Open.")
        );
        let locked = skill
            .handle(
                testing::intent("OpenIntent")
                    .session_attribute("locked", true)
                    .build(),
            )
            .await
            .unwrap();
        assert!(
            locked
                .response
                .output_speech
                .unwrap()
                .text()
                .contains("Locked.")
        );
    });
}

#[test]
fn can_fulfill_answers_from_the_registered_intents() {
    block_on(async {
        let skill = cafe();
        let ask = |name: &str| {
            let env: RequestEnvelope = serde_json::from_value(serde_json::json!({
                "version": "1.0",
                "request": {"type": "CanFulfillIntentRequest", "requestId": "r", "locale": "en-US",
                            "intent": {"name": name, "slots": {}}}
            }))
            .unwrap();
            env
        };
        let yes = skill.handle(ask("OrderIntent")).await.unwrap();
        assert_eq!(
            yes.response.can_fulfill_intent.unwrap().can_fulfill,
            CanFulfill::Yes
        );
        let no = skill.handle(ask("BookFlightIntent")).await.unwrap();
        assert_eq!(
            no.response.can_fulfill_intent.unwrap().can_fulfill,
            CanFulfill::No
        );
    });
}

#[test]
fn conflicting_registrations_fail_at_build() {
    let err = Skill::builder()
        .intent("A", async |cx: &mut Input| Ok(cx.say("1")))
        .intent("A", async |cx: &mut Input| Ok(cx.say("2")))
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Config);
    assert!(err.to_string().contains("`A`"));
}

#[test]
fn not_an_alexa_envelope_is_an_invocation_error() {
    block_on(async {
        let skill = cafe();
        let inv = alexa_kit::Invocation::default();
        for garbage in [
            &b"not json"[..],
            b"[]",
            b"{}",
            b"{\"request\":{\"type\":\"IntentRequest\",\"intent\":{\"name\":3}}}",
        ] {
            let err = skill.handle_bytes(garbage, &inv).await.unwrap_err();
            assert_eq!(
                err.kind(),
                ErrorKind::InvalidRequest,
                "{}",
                String::from_utf8_lossy(garbage)
            );
        }
    });
}

#[test]
fn every_request_fixture_dispatches_without_panicking_and_both_paths_agree() {
    block_on(async {
        let skill = cafe();
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/alexa-requests");
        let mut count = 0;
        for entry in std::fs::read_dir(&dir).expect("fixtures are present") {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let bytes = std::fs::read(&path).unwrap();
                let out = skill
                    .handle_bytes(&bytes, &alexa_kit::Invocation::default())
                    .await
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                let _: alexa_kit::model::ResponseEnvelope = serde_json::from_slice(&out).unwrap();
                // The bytes path writes its JSON from borrowed parts; the typed
                // path builds a ResponseEnvelope: the same answer, byte for byte.
                let typed = skill
                    .handle(RequestEnvelope::from_slice(&bytes).unwrap())
                    .await
                    .unwrap();
                let typed = alexa_kit::response::to_vec(&typed).unwrap();
                assert_eq!(
                    String::from_utf8_lossy(&out),
                    String::from_utf8_lossy(&typed),
                    "{}",
                    path.display()
                );
                count += 1;
            }
        }
        assert!(count >= 30, "only {count} fixtures found");
    });
}

#[test]
fn the_apology_is_spoken_even_when_the_incoming_session_attributes_fill_24_kb() {
    // One handler fails, one answers but its answer cannot fit beside the
    // attributes: both end in the apology, at every size up to and past the limit.
    let skill = Skill::builder()
        .intent(
            "FailIntent",
            async |_cx: &mut Input| -> Result<ResponseBuilder> {
                Err(Error::handler("the weather service is down"))
            },
        )
        .intent("TalkIntent", async |cx: &mut Input| {
            Ok(cx.ask("A fine answer. ".repeat(150), "What next?"))
        })
        .build()
        .unwrap();
    let inv = alexa_kit::Invocation::default();
    for intent in ["FailIntent", "TalkIntent"] {
        for size in (23_000..=25_000)
            .step_by(100)
            .chain([24_400, 24_500, 24_540])
        {
            let mut attributes = serde_json::Map::new();
            attributes.insert("history".into(), "x".repeat(size).into());
            let request = testing::intent(intent)
                .continuing_session(attributes)
                .build();
            let bytes = serde_json::to_vec(&request).unwrap();
            let answer = block_on(skill.handle_bytes(&bytes, &inv))
                .unwrap_or_else(|e| panic!("{intent}, {size} bytes of attributes: {e}"));
            assert!(
                answer.len() <= 24 * 1024,
                "{intent}, {size}: {} bytes",
                answer.len()
            );
            let json: serde_json::Value = serde_json::from_slice(&answer).unwrap();
            let speech = json["response"]["outputSpeech"]["ssml"].as_str().unwrap();
            assert!(speech.contains("Sorry"), "{intent}, {size}: {speech}");
            // Whatever fits is kept.
            if size < 23_500 {
                assert!(
                    json["sessionAttributes"]["history"].is_string(),
                    "{intent}, {size}"
                );
            }
        }
    }
}

#[test]
fn an_error_handler_answer_too_big_for_alexa_gives_way_to_the_built_in_apology() {
    struct Verbose;
    #[async_trait(?Send)]
    impl ErrorHandler for Verbose {
        fn can_handle(&self, _cx: &Input, _e: &Error) -> bool {
            true
        }
        async fn handle(&self, cx: &mut Input, _e: &Error) -> Result<ResponseBuilder> {
            let blob = serde_json::json!({"type": "Custom.Blob", "data": "z".repeat(30_000)});
            let directive: alexa_kit::model::Directive = serde_json::from_value(blob)?;
            Ok(cx.say("Oops.").add_directive(directive))
        }
    }
    let skill = Skill::builder()
        .intent(
            "FailIntent",
            async |_cx: &mut Input| -> Result<ResponseBuilder> { Err(Error::handler("down")) },
        )
        .error_handler(Verbose)
        .build()
        .unwrap();
    let bytes = serde_json::to_vec(&testing::intent("FailIntent").build()).unwrap();
    let inv = alexa_kit::Invocation::default();
    let answer = block_on(skill.handle_bytes(&bytes, &inv)).expect("an apology");
    assert!(answer.len() <= 24 * 1024);
    let json: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    let speech = json["response"]["outputSpeech"]["ssml"].as_str().unwrap();
    assert!(speech.contains("Sorry"), "{speech}");
}

/// `Input::raw_json` is the event exactly as received when it came as bytes
/// (fields the model does not know included), and the model serialized when
/// the envelope came typed, which its caller may have changed after parsing.
#[test]
fn raw_json_is_the_event_as_received_or_the_typed_envelope_as_given() {
    let skill = Skill::builder()
        .intent("EchoIntent", async |cx: &mut Input| {
            let raw = cx.raw_json()?;
            let said = format!(
                "{} {} {}",
                raw["somethingNew"],
                raw["request"]["intent"]["name"],
                raw["context"]["Future"]["x"]
            );
            Ok(cx
                .say(alexa_kit::response::ssml::escape(&said))
                .end_session())
        })
        .build()
        .expect("skill builds");
    let event = br#"{"version":"1.0","somethingNew":5,
        "context":{"Future":{"x":[1,"\u00e9"]},"System":{"application":{"applicationId":"a"}}},
        "request":{"type":"IntentRequest","requestId":"r","locale":"en-US",
            "intent":{"name":"EchoIntent","confirmationStatus":"NONE"}}}"#;
    let invocation = alexa_kit::Invocation::default();
    let answer = block_on(skill.handle_bytes(event, &invocation)).expect("answers");
    let answer: serde_json::Value = serde_json::from_slice(&answer).expect("JSON");
    assert_eq!(
        answer["response"]["outputSpeech"]["ssml"],
        "<speak>5 &quot;EchoIntent&quot; [1,&quot;é&quot;]</speak>"
    );

    // Parsed, then changed by the caller, then handled typed: the change shows.
    let mut envelope = RequestEnvelope::from_slice(event).expect("parses");
    if let Request::Intent(r) = &mut envelope.request {
        r.intent.name = "Changed".to_owned();
    }
    let skill = Skill::builder()
        .intent("Changed", async |cx: &mut Input| {
            let raw = cx.raw_json()?;
            let said = format!(
                "{} {}",
                raw["request"]["intent"]["name"], raw["somethingNew"]
            );
            Ok(cx
                .say(alexa_kit::response::ssml::escape(&said))
                .end_session())
        })
        .build()
        .expect("skill builds");
    let answer = block_on(skill.handle(envelope)).expect("answers");
    assert_eq!(
        answer.response.output_speech.expect("speech").text(),
        "<speak>&quot;Changed&quot; null</speak>"
    );
}
