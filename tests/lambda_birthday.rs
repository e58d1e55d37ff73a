//! The real birthday example binary: on Lambda (the Runtime API emulator on
//! loopback) it refuses to start without a table and keeps the birthday in
//! DynamoDB (`moto_server`) with one; run locally it keeps the birthday in the
//! embedded file store from one run to the next, and its whole dialog runs in
//! the simulator in every locale.
#![cfg(all(feature = "dynamodb", feature = "services"))]

#[path = "support/moto.rs"]
mod moto;
mod support;

use std::path::PathBuf;
use std::process::Command;

use alexa_kit::lambda::emulator::{Emulator, PostKind};
use serde_json::{Value, json};
use support::{Bootstrap, bootstrap_path, example_path, run_with_input, success_stdout};

#[test]
fn on_lambda_without_a_table_the_bootstrap_fails_at_init_and_says_why() {
    let emulator = Emulator::start().expect("emulator");
    let mut bootstrap = Bootstrap::spawn_path(
        &bootstrap_path("birthday"),
        &emulator.runtime_api(),
        &[("ALEXA_TABLE", "")],
    );
    let body = bootstrap.init_error(&emulator);
    assert_eq!(body["errorType"], "Config");
    let message = body["errorMessage"].as_str().unwrap_or_default();
    assert!(message.contains("ALEXA_TABLE"), "{message}");
    assert!(message.contains("/tmp"), "{message}");
    // It never asked for an event.
    let posts = emulator.posts();
    assert!(
        posts.iter().all(|p| p.kind == PostKind::InitError),
        "{posts:?}"
    );
}

/// One request envelope from the local user. Its `apiEndpoint` is a closed
/// loopback port: the settings call fails, and the skill counts in UTC.
fn request(request: Value) -> String {
    let user = json!({"userId": "amzn1.ask.account.LOCAL"});
    json!({
        "version": "1.0",
        "session": {"new": true, "sessionId": "s", "user": user},
        "context": {"System": {"user": user, "device": {"deviceId": "amzn1.ask.device.LOCAL"},
                               "apiEndpoint": "http://127.0.0.1:9"}},
        "request": request,
    })
    .to_string()
}

fn invoke(dir: &PathBuf, envelope: &str) -> String {
    let out = run_with_input(
        Command::new(example_path("birthday"))
            .args(["invoke", "-"])
            .current_dir(dir)
            .env_remove("ALEXA_TABLE"),
        envelope.as_bytes(),
    );
    success_stdout(&out, "birthday invoke")
}

#[test]
fn on_lambda_it_keeps_the_birthday_in_dynamodb_across_cold_starts() {
    let moto = moto::Moto::start(&[]);
    moto.create_table("birthdays", "id");
    let at = "2026-01-01T12:00:00Z";
    let capture = request(json!({
        "type": "IntentRequest", "requestId": "r1", "timestamp": at, "locale": "ja-JP",
        "dialogState": "IN_PROGRESS",
        "intent": {"name": "CaptureBirthdayIntent", "confirmationStatus": "NONE", "slots": {
            "month": {"name": "month", "value": "十一月", "confirmationStatus": "NONE"},
            "day": {"name": "day", "value": "6", "confirmationStatus": "NONE"},
            "year": {"name": "year", "value": "1990", "confirmationStatus": "NONE"}}}
    }));
    let launch = request(
        json!({"type": "LaunchRequest", "requestId": "r2", "timestamp": at,
                                "locale": "ja-JP"}),
    );
    // One process (a cold start) per call: what the second one says comes from the table.
    let answer = |event: &str| -> String {
        let emulator = Emulator::start().expect("emulator");
        let env = [
            ("ALEXA_TABLE", "birthdays"),
            ("AWS_REGION", "eu-west-1"),
            ("AWS_ACCESS_KEY_ID", "AKIDLOCAL"),
            ("AWS_SECRET_ACCESS_KEY", "secret"),
            ("AWS_SESSION_TOKEN", "token"),
            ("AWS_ENDPOINT_URL_DYNAMODB", moto.endpoint.as_str()),
        ];
        let bootstrap =
            Bootstrap::spawn_path(&bootstrap_path("birthday"), &emulator.runtime_api(), &env);
        let id = emulator.push(event);
        let post = support::result(&emulator, &id, &bootstrap);
        let json = support::assert_response(&post, &bootstrap);
        json["response"]["outputSpeech"]["ssml"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    let saved = answer(&capture);
    assert!(
        saved.contains("1990年11月6日") && saved.contains("あと309日"),
        "{saved}"
    );
    let welcome_back = answer(&launch);
    assert!(
        welcome_back.contains("おかえりなさい！お誕生日まで、あと309日です。36歳になりますね。"),
        "{welcome_back}"
    );
}

#[test]
fn run_locally_it_remembers_the_birthday_between_runs_in_files() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("birthday-local-runs");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let at = "2026-01-01T12:00:00Z";
    let capture = request(json!({
        "type": "IntentRequest", "requestId": "r1", "timestamp": at, "locale": "de-DE",
        "dialogState": "COMPLETED",
        "intent": {"name": "CaptureBirthdayIntent", "confirmationStatus": "NONE", "slots": {
            "month": {"name": "month", "value": "November", "confirmationStatus": "NONE"},
            "day": {"name": "day", "value": "6", "confirmationStatus": "NONE"},
            "year": {"name": "year", "value": "1990", "confirmationStatus": "NONE"}}}
    }));
    let saved = invoke(&dir, &capture);
    assert!(saved.contains("6. November 1990"), "{saved}");
    assert!(saved.contains("Noch 309 Tage"), "{saved}");

    let launch = request(
        json!({"type": "LaunchRequest", "requestId": "r2", "timestamp": at,
                                "locale": "de-DE"}),
    );
    let welcome_back = invoke(&dir, &launch);
    assert!(
        welcome_back.contains("Schön, dass du wieder da bist!"),
        "{welcome_back}"
    );
    assert!(
        welcome_back.contains("Noch 309 Tage bis zu deinem Geburtstag. Dann wirst du 36."),
        "{welcome_back}"
    );

    let file = dir.join(".alexa-kit/attributes/amzn1.ask.account.LOCAL.json");
    let stored: Value =
        serde_json::from_slice(&std::fs::read(&file).expect("the user's file")).expect("json");
    assert_eq!(
        stored["attributes"]["birthday"],
        json!({"month": 11, "day": 6, "year": 1990})
    );
}

#[cfg(feature = "simulator")]
/// What a user says in each locale: the whole date at once, then the same
/// date asked for slot by slot (a sample without slots, then the month, the
/// day and the year on their own).
const SPOKEN: [(&str, &str, [&str; 4]); 17] = [
    (
        "ar-SA",
        "ولدت في السادس من نوفمبر ألف وتسعمائة وتسعين",
        ["تذكري عيد ميلادي", "نوفمبر", "السادس", "ألف وتسعمائة وتسعين"],
    ),
    (
        "de-DE",
        "mein geburtstag ist am sechsten november neunzehnhundertneunzig",
        [
            "merk dir meinen geburtstag",
            "november",
            "am sechsten",
            "neunzehnhundertneunzig",
        ],
    ),
    (
        "en-AU",
        "i was born on the sixth of november nineteen ninety",
        [
            "remember my birthday",
            "november",
            "the sixth",
            "nineteen ninety",
        ],
    ),
    (
        "en-CA",
        "my birthday is november sixth nineteen ninety",
        [
            "save my birthday",
            "november",
            "the sixth",
            "nineteen ninety",
        ],
    ),
    (
        "en-GB",
        "i was born on the sixth of november nineteen ninety",
        [
            "remember my birthday",
            "in november",
            "on the sixth",
            "nineteen ninety",
        ],
    ),
    (
        "en-IN",
        "my birthday is on the sixth of november nineteen ninety",
        [
            "set my birthday",
            "november",
            "the sixth",
            "in nineteen ninety",
        ],
    ),
    (
        "en-US",
        "my birthday is november sixth nineteen ninety",
        [
            "remember my birthday",
            "november",
            "the sixth",
            "nineteen ninety",
        ],
    ),
    (
        "es-ES",
        "mi cumpleaños es el seis de noviembre de mil novecientos noventa",
        [
            "recuerda mi cumpleaños",
            "noviembre",
            "el seis",
            "mil novecientos noventa",
        ],
    ),
    (
        "es-MX",
        "nací el seis de noviembre de mil novecientos noventa",
        [
            "guarda mi cumpleaños",
            "en noviembre",
            "el seis",
            "mil novecientos noventa",
        ],
    ),
    (
        "es-US",
        "mi cumpleaños es el seis de noviembre de mil novecientos noventa",
        [
            "recuerda mi cumpleaños",
            "noviembre",
            "el día seis",
            "en mil novecientos noventa",
        ],
    ),
    (
        "fr-CA",
        "je suis née le six novembre mille neuf cent quatre-vingt-dix",
        [
            "retiens ma fête",
            "novembre",
            "le six",
            "mille neuf cent quatre-vingt-dix",
        ],
    ),
    (
        "fr-FR",
        "je suis né le six novembre mille neuf cent quatre-vingt-dix",
        [
            "retiens mon anniversaire",
            "novembre",
            "le six",
            "en mille neuf cent quatre-vingt-dix",
        ],
    ),
    (
        "hi-IN",
        "मेरा जन्म छह नवंबर उन्नीस सौ नब्बे को हुआ था",
        ["मेरा जन्मदिन याद रखो", "नवंबर", "छह तारीख", "उन्नीस सौ नब्बे"],
    ),
    (
        "it-IT",
        "sono nata il sei novembre millenovecentonovanta",
        [
            "ricorda il mio compleanno",
            "novembre",
            "il sei",
            "millenovecentonovanta",
        ],
    ),
    (
        "ja-JP",
        "誕生日は千九百九十年十一月六日",
        ["誕生日を覚えて", "十一月", "六日", "千九百九十年"],
    ),
    (
        "nl-NL",
        "ik ben geboren op zes november negentienhonderdnegentig",
        [
            "onthoud mijn verjaardag",
            "november",
            "op zes",
            "negentienhonderdnegentig",
        ],
    ),
    (
        "pt-BR",
        "eu nasci em seis de novembro de mil novecentos e noventa",
        [
            "lembra do meu aniversário",
            "novembro",
            "dia seis",
            "mil novecentos e noventa",
        ],
    ),
];

#[cfg(feature = "simulator")]
/// Talks to the birthday binary's simulator in `locale` on 1 January 2026, in
/// a scratch directory (its own file store).
fn simulate(locale: &str, dir: &PathBuf, lines: &[&str]) -> String {
    let package = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/birthday/skill-package"
    );
    let input: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let out = run_with_input(
        Command::new(example_path("birthday"))
            .args([
                "--locale",
                locale,
                "--skill-package",
                package,
                "--date",
                "2026-01-01",
            ])
            .current_dir(dir)
            .env_remove("ALEXA_TABLE"),
        input.as_bytes(),
    );
    success_stdout(&out, locale)
}

#[cfg(feature = "simulator")]
#[test]
fn the_whole_dialog_runs_in_the_simulator_in_every_locale() {
    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("birthday-simulator");
    for (locale, at_once, step_by_step) in SPOKEN {
        let filled = "day=6 month=";
        // All three slots in one utterance.
        let dir = root.join(format!("{locale}-at-once"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("dir");
        let out = simulate(locale, &dir, &[at_once]);
        assert!(
            out.contains("[CaptureBirthdayIntent ") && out.contains(filled),
            "{locale}: {out}"
        );
        assert!(out.contains("year=1990"), "{locale}: {out}");
        // 2026-01-01 → 2026-11-06.
        assert!(out.contains("309"), "{locale}: {out}");

        // Step by step: three prompts of the dialog model, then the same answer.
        let dir = root.join(format!("{locale}-step-by-step"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("dir");
        let out = simulate(locale, &dir, &step_by_step);
        assert_eq!(
            out.matches("(directive: Dialog.Delegate)").count(),
            3,
            "{locale}: {out}"
        );
        assert!(out.contains("IN_PROGRESS"), "{locale}: {out}");
        assert!(
            out.contains("year=1990") && out.contains("309"),
            "{locale}: {out}"
        );

        // The next run remembers: the launch counts down at once.
        let again = simulate(locale, &dir, &[]);
        assert!(
            again.contains("309") && again.contains("(session ended)"),
            "{locale}: {again}"
        );
    }
}
