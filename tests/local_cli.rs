//! The hello-world binary as a local command line: the dialog simulator with
//! piped input, `invoke`, `--help`, and the errors a newcomer can meet.

mod support;

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &str) -> Output {
    let path = support::example_path("hello_world");
    let mut child = Command::new(&path)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("AWS_LAMBDA_RUNTIME_API")
        .env_remove("ALEXA_SKILL_PACKAGE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", path.display()));
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("the binary finishes")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_simulator_talks_in_the_users_language() {
    let out = run(&["--locale", "fr-FR"], "bonjour\naide\narrête\n");
    let text = stdout(&out);
    assert!(
        out.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("alexa> Bienvenue"), "{text}");
    assert!(text.contains("[HelloWorldIntent]"), "{text}");
    assert!(text.contains("alexa> Bonjour le monde\u{202f}!"), "{text}");
    assert!(text.contains("[AMAZON.HelpIntent]"), "{text}");
    assert!(text.contains("[AMAZON.StopIntent]"), "{text}");
    assert!(text.contains("(session ended)"), "{text}");
}

#[test]
fn the_simulator_carries_the_session_and_understands_other_scripts() {
    let out = run(&["--locale", "ja-JP"], "ヘルプ\nこんにちは\n");
    let text = stdout(&out);
    assert!(out.status.success(), "{text}");
    // Help keeps the session open, so hello is answered in the same session.
    let help = text.find("[AMAZON.HelpIntent]").expect("help matched");
    let hello = text.find("こんにちは、世界！").expect("greeting");
    assert!(help < hello, "{text}");
    let out = run(&["--locale", "hi-IN"], "नमस्ते\n");
    assert!(stdout(&out).contains("नमस्ते दुनिया!"), "{}", stdout(&out));
}

#[test]
fn unmatched_words_reach_the_fallback_intent() {
    let out = run(&["--locale", "en-US"], "sing me a song about tractors\n");
    let text = stdout(&out);
    assert!(text.contains("[AMAZON.FallbackIntent]"), "{text}");
}

#[test]
fn a_locale_without_a_model_is_a_clear_error() {
    let out = run(&["--locale", "xx-YY"], "");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no interaction model for xx-YY"), "{err}");
    assert!(err.contains("--skill-package"), "{err}");
}

#[test]
fn invoke_answers_one_envelope_from_stdin() {
    let request = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/alexa-requests/jovo-framework__LaunchRequest.json"),
    )
    .expect("fixture");
    let out = run(&["invoke", "-"], &request);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON out");
    assert_eq!(json["version"], "1.0");
    assert!(json["response"]["outputSpeech"]["ssml"].is_string());

    let out = run(&["invoke", "-"], "{\"not\": \"alexa\"}");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not an Alexa request envelope"), "{err}");
}

#[test]
fn help_says_what_the_binary_does() {
    let out = run(&["--help"], "");
    let text = stdout(&out);
    assert!(out.status.success());
    for needle in [
        "--locale",
        "--skill-package",
        "invoke FILE|-",
        "AWS_LAMBDA_RUNTIME_API",
    ] {
        assert!(text.contains(needle), "--help lacks {needle}:\n{text}");
    }
    let out = run(&["--no-such-flag"], "");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown argument"));
}
