//! The hello-world binary as a local command line: the dialog simulator with
//! piped input, `invoke`, `--help`, and the errors a newcomer can meet.

mod support;

use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &str) -> Output {
    run_bytes(args, stdin.as_bytes())
}

fn run_bytes(args: &[&str], stdin: &[u8]) -> Output {
    support::run_with_input(
        Command::new(support::example_path("hello_world"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env_remove("ALEXA_SKILL_PACKAGE"),
        stdin,
    )
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[cfg(feature = "simulator")]
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

#[cfg(feature = "simulator")]
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

#[cfg(feature = "simulator")]
#[test]
fn unmatched_words_reach_the_fallback_intent() {
    let out = run(&["--locale", "en-US"], "sing me a song about tractors\n");
    let text = stdout(&out);
    assert!(text.contains("[AMAZON.FallbackIntent]"), "{text}");
}

#[cfg(feature = "simulator")]
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

/// Runs the binary with stdout going to `stdout` and stdin from a file.
fn run_to(args: &[&str], stdout: Stdio) -> Output {
    let path = support::example_path("hello_world");
    Command::new(&path)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("AWS_LAMBDA_RUNTIME_API")
        .env_remove("ALEXA_SKILL_PACKAGE")
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", path.display()))
}

#[test]
fn a_closed_or_full_stdout_is_an_error_exit_not_a_panic() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/alexa-requests/jovo-framework__LaunchRequest.json"
    );
    let commands: [&[&str]; 3] = [&["--help"], &["invoke", fixture], &["--locale", "de-DE"]];
    for args in commands {
        let closed = || {
            let (reader, writer) = std::io::pipe().expect("pipe");
            drop(reader);
            Stdio::from(writer)
        };
        let full = || Stdio::from(std::fs::File::create("/dev/full").expect("/dev/full"));
        for (what, stdout) in [("closed", closed()), ("full", full())] {
            let out = run_to(args, stdout);
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{args:?}, {what} stdout: {err}");
            assert!(!err.contains("panicked"), "{args:?}, {what} stdout: {err}");
        }
    }
}

#[cfg(feature = "simulator")]
#[test]
fn a_line_that_is_not_utf8_is_skipped_and_the_simulator_goes_on() {
    let out = run_bytes(
        &["--locale", "en-US"],
        b"help\n\xff\xfe hello \xc3\nhello\n\x80\n",
    );
    let text = stdout(&out);
    assert!(out.status.success(), "{text}");
    assert_eq!(text.matches("not UTF-8 text; skipped").count(), 2, "{text}");
    assert!(text.contains("[AMAZON.HelpIntent]"), "{text}");
    assert!(text.contains("alexa> Hello, world!"), "{text}");
}

#[cfg(feature = "simulator")]
#[test]
fn a_locale_is_checked_before_it_names_a_file() {
    // A model that a path-traversing "locale" would reach from the package.
    let dir = std::env::temp_dir().join(format!("alexa-kit-locale-{}", std::process::id()));
    let package = dir.join("package");
    std::fs::create_dir_all(package.join("interactionModels/custom")).unwrap();
    let model = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/skill-package/interactionModels/custom/en-US.json"
    ))
    .unwrap();
    std::fs::write(dir.join("outside.json"), &model).unwrap();
    std::fs::write(package.join("interactionModels/custom/en-US.json"), &model).unwrap();
    let package = package.to_str().unwrap();
    for locale in [
        "../../../outside",
        "en-US/../../../../outside",
        "/etc/passwd",
        "en-US\n",
        "",
        "en US",
        "x",
    ] {
        let out = run(&["--locale", locale, "--skill-package", package], "");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{locale:?}: {}", stdout(&out));
        assert!(err.contains("is not a locale"), "{locale:?}: {err}");
        assert!(!stdout(&out).contains("alexa>"), "{locale:?}");
    }
    // Any spelling of a real tag reaches the canonical file.
    let out = run(
        &["--locale", "en_us", "--skill-package", package],
        "hello\n",
    );
    assert!(
        stdout(&out).contains("alexa> Hello, world!"),
        "{}",
        stdout(&out)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `serve` exists only with the `server` feature; without it, it says which feature to enable.
#[test]
fn serve_names_its_feature() {
    let out = run(&["serve", "--help"], "");
    if cfg!(feature = "server") {
        assert!(out.status.success());
        let text = stdout(&out);
        for needle in ["--port", "--no-verify", "--tls-cert", "--workers"] {
            assert!(
                text.contains(needle),
                "serve --help lacks {needle}:\n{text}"
            );
        }
        let out = run(&["serve", "--port", "nope"], "");
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("`nope` is not a port"));
        let out = run(&["serve", "--tls-cert", "cert.pem"], "");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("--tls-cert and --tls-key go together")
        );
    } else {
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("`server` feature"), "{err}");
    }
}

/// The dialog simulator is a default feature; a build without it (the Lambda package) says so in one line.
#[cfg(not(feature = "simulator"))]
#[test]
fn without_the_simulator_the_dialog_says_how_to_get_it() {
    for args in [&[][..], &["--locale", "fr-FR"][..]] {
        let out = run(args, "");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains("dialog simulator is not compiled into this build")
                && err.contains("cargo run --example"),
            "{err}"
        );
        assert!(stdout(&out).is_empty(), "{}", stdout(&out));
    }
    let help = stdout(&run(&["--help"], ""));
    assert!(help.contains("not compiled into this build"), "{help}");
}
