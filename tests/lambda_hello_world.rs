//! The real hello-world example binary as a Lambda `bootstrap`, against the
//! Runtime API emulator on loopback: a conversation in several locales, bad
//! events answered with clean errors while the process keeps serving, a
//! 5 MB event, the skill id check and an init error.
//!
//! Set `ALEXA_KIT_BOOTSTRAP` to run these against a packaged `bootstrap`
//! (the deploy check does, for the x86_64 and arm64 zips).

mod support;

use alexa_kit::lambda::emulator::Emulator;
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
    let body = bootstrap.init_error(&emulator);
    assert_eq!(body["errorType"], "Config");
    assert!(body["errorMessage"].as_str().unwrap().contains("my-skill"));
}

/// Lines of the bootstrap's output once every needle is in it.
fn log_lines(bootstrap: &Bootstrap, needles: &[&str]) -> Vec<String> {
    bootstrap
        .log_with(needles)
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn megabyte_bad_values_give_bounded_error_messages_and_log_lines() {
    // serde's messages quote the bad value whole: a 5 MB string in a field
    // that must be a boolean, the same made of escaped control characters
    // (which serde's message escapes again), a huge unknown request type
    // and a huge unknown intent name (both answered, and logged).
    let mut bad_bool: Value = serde_json::from_str(&launch("en-US")).unwrap();
    bad_bool["session"]["new"] = json!("A".repeat(5 * 1024 * 1024));
    let mut bad_controls = bad_bool.clone();
    bad_controls["session"]["new"] = json!("\u{1}\"\n".repeat(300_000));
    let huge_type = envelope(
        json!({"type": "X".repeat(5 * 1024 * 1024), "requestId": "r"}),
        Some(json!({})),
    );
    let huge_intent = intent(&"I".repeat(5 * 1024 * 1024), "en-US", json!({}));
    for format in ["Text", "JSON"] {
        let emulator = Emulator::start().expect("emulator");
        let errors = [&bad_bool, &bad_controls].map(|e| emulator.push(e.to_string()));
        let answered = [
            emulator.push(huge_type.clone()),
            emulator.push(huge_intent.clone()),
        ];
        let bootstrap = spawn(&emulator, &[("AWS_LAMBDA_LOG_FORMAT", format)]);
        for id in &errors {
            let post = result(&emulator, id, &bootstrap);
            assert!(post.body.len() < 16 * 1024, "{} bytes", post.body.len());
            let message = assert_error(&post, "InvalidRequest", "Function.InvalidRequest");
            assert!(message.contains("…[cut: "), "{message}");
            assert!(message.contains("session.new"), "{}", &message[..200]);
        }
        for id in &answered {
            assert_response(&result(&emulator, id, &bootstrap), &bootstrap);
        }
        let lines = log_lines(&bootstrap, &["IIII …[cut: ", "XXXX …[cut: "]);
        assert!(lines.len() > 2, "{format}: {lines:?}");
        for line in &lines {
            assert!(
                line.len() < 16 * 1024,
                "{format}: a {}-byte log line",
                line.len()
            );
        }
        assert!(lines.iter().any(|l| l.contains("IIII …[cut: ")), "{format}");
        assert!(lines.iter().any(|l| l.contains("XXXX …[cut: ")), "{format}");
    }
}

#[test]
fn line_breaks_in_request_values_cannot_forge_log_lines() {
    let forged = "\r\nERROR forged: the skill was hacked\n\u{1b}[2J";
    let mut bad_locale: Value = serde_json::from_str(&launch("en-US")).unwrap();
    bad_locale["request"]["locale"] = json!(format!("en-US{forged}"));
    let events = [
        intent(&format!("HelloWorldIntent{forged}"), "en-US", json!({})),
        envelope(
            json!({"type": format!("Alexa.Unknown{forged}"), "requestId": "r"}),
            Some(json!({})),
        ),
        envelope(
            json!({"type": "SessionEndedRequest", "requestId": "r", "reason": format!("ERROR{forged}"),
                   "error": {"type": format!("INVALID_RESPONSE{forged}"), "message": forged}}),
            Some(json!({})),
        ),
        bad_locale.to_string(),
        r#"{"version":"1.0","request":{"type":"IntentRequest","intent":{"name":"A\r\nERROR forged"},"locale":7}}"#.to_owned(),
    ];
    let emulator = Emulator::start().expect("emulator");
    let ids: Vec<String> = events.iter().map(|e| emulator.push(e.clone())).collect();
    let bootstrap = spawn(&emulator, &[]);
    for id in &ids {
        result(&emulator, id, &bootstrap);
    }
    let lines = log_lines(&bootstrap, &["INVALID_RESPONSE", "invocation failed"]);
    let log = lines.join("\n");
    assert!(log.contains("ERROR forged"), "{log}");
    for line in &lines {
        assert!(!line.starts_with("ERROR forged"), "forged line in:\n{log}");
        assert!(!line.contains('\u{1b}') && !line.contains('\r'), "{line:?}");
    }
}
