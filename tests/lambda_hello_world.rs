//! The real hello-world example binary as a Lambda `bootstrap`, against the
//! Runtime API emulator on loopback: a conversation in several locales, bad
//! events answered with clean errors while the process keeps serving, a
//! 5 MB event, the skill id check and an init error.
//!
//! Set `ALEXA_KIT_BOOTSTRAP` to run these against a packaged `bootstrap`
//! (the deploy check does, for the x86_64 and arm64 zips).

mod support;

use std::time::Duration;

use alexa_kit::lambda::emulator::{Emulator, PostKind};
use serde_json::{Value, json};
use support::{Bootstrap, assert_error, assert_response, bootstrap_path, result};

const SKILL_ID: &str = "amzn1.ask.skill.11111111-2222-3333-4444-555555555555";

fn spawn(emulator: &Emulator, env: &[(&str, &str)]) -> Bootstrap {
    Bootstrap::spawn_path(&bootstrap_path("hello_world"), &emulator.runtime_api(), env)
}

fn envelope(request: Value, attributes: Option<Value>) -> String {
    json!({
        "version": "1.0",
        "session": {"new": attributes.is_none(), "sessionId": "amzn1.echo-api.session.1",
                    "application": {"applicationId": SKILL_ID},
                    "attributes": attributes.unwrap_or(json!({})),
                    "user": {"userId": "amzn1.ask.account.1"}},
        "context": {"System": {"application": {"applicationId": SKILL_ID},
                               "user": {"userId": "amzn1.ask.account.1"},
                               "apiEndpoint": "https://api.amazonalexa.com"}},
        "request": request
    })
    .to_string()
}

fn launch(locale: &str) -> String {
    envelope(
        json!({"type": "LaunchRequest", "requestId": "amzn1.echo-api.request.l",
               "timestamp": "2026-01-01T00:00:00Z", "locale": locale}),
        None,
    )
}

fn intent(name: &str, locale: &str, attributes: Value) -> String {
    envelope(
        json!({"type": "IntentRequest", "requestId": "amzn1.echo-api.request.i",
               "timestamp": "2026-01-01T00:00:00Z", "locale": locale,
               "intent": {"name": name, "confirmationStatus": "NONE"}}),
        Some(attributes),
    )
}

fn speech(json: &Value) -> &str {
    json["response"]["outputSpeech"]["ssml"]
        .as_str()
        .unwrap_or("")
}

#[test]
fn a_conversation_in_several_locales() {
    let emulator = Emulator::start().expect("emulator");
    let cases = [
        ("de-DE", "Hallo Welt!"),
        ("ja-JP", "こんにちは、世界！"),
        ("en-GB", "Hello, world!"),
        ("ar-SA", "مرحباً بالعالم!"),
        ("pt-BR", "Olá, mundo!"),
    ];
    let mut ids = Vec::new();
    for (locale, _) in cases {
        ids.push([
            emulator.push(launch(locale)),
            emulator.push(intent("AMAZON.HelpIntent", locale, json!({}))),
            emulator.push(intent("HelloWorldIntent", locale, json!({}))),
            emulator.push(intent("AMAZON.StopIntent", locale, json!({}))),
        ]);
    }
    let bootstrap = spawn(&emulator, &[("ALEXA_SKILL_ID", SKILL_ID)]);
    for ((locale, hello), [launch, help, greet, stop]) in cases.iter().zip(&ids) {
        let welcome = assert_response(&result(&emulator, launch, &bootstrap), &bootstrap);
        assert_eq!(welcome["response"]["shouldEndSession"], false, "{locale}");
        let help = assert_response(&result(&emulator, help, &bootstrap), &bootstrap);
        assert!(help["response"]["reprompt"].is_object(), "{locale}");
        let greet = assert_response(&result(&emulator, greet, &bootstrap), &bootstrap);
        assert_eq!(
            speech(&greet),
            format!("<speak>{hello}</speak>"),
            "{locale}"
        );
        assert_eq!(greet["response"]["shouldEndSession"], true);
        let stop = assert_response(&result(&emulator, stop, &bootstrap), &bootstrap);
        assert_eq!(stop["response"]["shouldEndSession"], true);
        assert!(!speech(&stop).is_empty());
        // Every answer is in the user's language: no two locales' welcomes share English text.
        if !locale.starts_with("en") {
            assert!(
                !speech(&welcome).contains("Welcome"),
                "{locale}: {}",
                speech(&welcome)
            );
        }
    }
    assert_eq!(emulator.connections(), 1, "one keep-alive connection");
}

#[test]
fn bad_events_get_clean_errors_and_the_process_keeps_serving() {
    let emulator = Emulator::start().expect("emulator");
    let garbage = [
        "this is not JSON".to_owned(),
        "[1, 2, 3]".to_owned(),
        r#"{"version": "1.0"}"#.to_owned(),
        launch("en-US")[..40].to_owned(),
        r#"{"version":"1.0","request":{"type":"IntentRequest","intent":{"name":42}}}"#.to_owned(),
    ];
    let ids: Vec<String> = garbage.iter().map(|g| emulator.push(g.clone())).collect();
    let good = emulator.push(launch("it-IT"));
    let mut bootstrap = spawn(&emulator, &[]);
    for id in &ids {
        let message = assert_error(
            &result(&emulator, id, &bootstrap),
            "InvalidRequest",
            "Function.InvalidRequest",
        );
        assert!(
            message.contains("not an Alexa request envelope"),
            "{message}"
        );
    }
    let json = assert_response(&result(&emulator, &good, &bootstrap), &bootstrap);
    assert!(speech(&json).contains("benvenuto"), "{}", speech(&json));
    assert!(bootstrap.is_running());
}

#[test]
fn a_5_mb_event_with_a_huge_unknown_field_is_answered() {
    let emulator = Emulator::start().expect("emulator");
    let mut event: Value = serde_json::from_str(&launch("nl-NL")).unwrap();
    event["context"]["Alexa.Future.Thing"] = json!({"blob": "x".repeat(5 * 1024 * 1024)});
    let id = emulator.push(event.to_string());
    let bootstrap = spawn(&emulator, &[]);
    let json = assert_response(&result(&emulator, &id, &bootstrap), &bootstrap);
    assert!(speech(&json).contains("Welkom"), "{}", speech(&json));
}

#[test]
fn a_request_for_another_skill_is_an_invocation_error() {
    let emulator = Emulator::start().expect("emulator");
    let id = emulator.push(launch("en-US"));
    let bootstrap = spawn(
        &emulator,
        &[(
            "ALEXA_SKILL_ID",
            "amzn1.ask.skill.99999999-0000-0000-0000-000000000000",
        )],
    );
    let message = assert_error(
        &result(&emulator, &id, &bootstrap),
        "SkillIdMismatch",
        "Function.SkillIdMismatch",
    );
    assert!(message.contains(SKILL_ID), "{message}");
}

#[test]
fn a_bad_configuration_is_an_init_error_and_a_non_zero_exit() {
    let emulator = Emulator::start().expect("emulator");
    let mut bootstrap = spawn(&emulator, &[("ALEXA_SKILL_ID", "my-skill")]);
    let status = bootstrap
        .wait_exit(Duration::from_secs(10))
        .unwrap_or_else(|| panic!("bootstrap did not exit:\n{}", bootstrap.log()));
    assert!(!status.success());
    let posts = emulator.posts();
    let init = posts
        .iter()
        .find(|p| p.kind == PostKind::InitError)
        .unwrap_or_else(|| panic!("no init error posted:\n{}", bootstrap.log()));
    let body = init.json().expect("JSON body");
    assert_eq!(body["errorType"], "Config");
    assert!(body["errorMessage"].as_str().unwrap().contains("my-skill"));
}
