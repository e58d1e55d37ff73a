//! The offline stand-ins of Alexa's APIs: the simulator of the `time_zone`
//! example answers with values from its flags and file, with no network, and
//! `Conversation` serves the same APIs to a skill under test.

mod support;

use std::process::{Command, Stdio};
use std::time::Duration;

use alexa_kit::local::StandIn;
use alexa_kit::prelude::*;
use alexa_kit::services::{Address, ReminderRequest};
use alexa_kit::testing::{Conversation, intent};

fn simulate(args: &[&str], stdin: &str) -> String {
    let out = support::run_with_input(
        Command::new(support::example_path("time_zone"))
            .args(["--skill-package", "examples/time_zone/skill-package"])
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR")),
        stdin.as_bytes(),
    );
    support::success_stdout(&out, "time_zone")
}

#[test]
fn the_simulator_answers_a_settings_call_from_its_flags() {
    let text = simulate(
        &["--time-zone", "Pacific/Auckland"],
        "what is my time zone\n",
    );
    assert!(text.contains("[TimeZoneIntent]"), "{text}");
    assert!(
        text.contains("alexa> Your time zone is Pacific/Auckland."),
        "{text}"
    );
    // Unset: the API says "not set" (204) and the skill says so.
    let text = simulate(&[], "what is my time zone\n");
    assert!(
        text.contains("alexa> This device has no time zone set."),
        "{text}"
    );
}

#[test]
fn the_simulator_reads_a_values_file_and_speaks_progressive_responses() {
    let file = std::env::temp_dir().join(format!("alexa-kit-services-{}.json", std::process::id()));
    std::fs::write(
        &file,
        r#"{"timeZone":"Asia/Tokyo","denied":["alexa::alerts:reminders:skill:readwrite"]}"#,
    )
    .unwrap();
    let text = simulate(
        &["--services", file.to_str().unwrap()],
        "what is my time zone\nopen time zone helper\nremind me to stretch\n",
    );
    assert!(
        text.contains("alexa> Your time zone is Asia/Tokyo."),
        "{text}"
    );
    let progressive = text
        .find("alexa> One moment.  (progressive response)")
        .expect(&text);
    let consent = text.find("I need your permission for that.").expect(&text);
    assert!(progressive < consent, "{text}");
    assert!(text.contains(r#""type":"AskForPermissionsConsent","permissions":["alexa::alerts:reminders:skill:readwrite"]"#), "{text}");
    // Granted: the reminder is created.
    let text = simulate(&[], "remind me to stretch\n");
    assert!(
        text.contains("alexa> Okay, I'll remind you in ten minutes."),
        "{text}"
    );
    let _ = std::fs::remove_file(&file);
}

#[test]
fn a_bad_values_file_is_a_clear_error() {
    let path = support::example_path("time_zone");
    let out = Command::new(&path)
        .args(["--services", "/nonexistent/values.json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("AWS_LAMBDA_RUNTIME_API")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("/nonexistent/values.json: cannot read it"),
        "{err}"
    );
}

#[tokio::test]
async fn a_conversation_keeps_reminders_in_memory_and_serves_the_profile() {
    let skill = Skill::builder()
        .intent("Add", async |cx: &mut Input| {
            let r = ReminderRequest::after(Duration::from_secs(60), cx.locale(), "Tea!");
            let made = cx.services().reminders().create(&r).await?;
            Ok(cx.ask(made.alert_token.unwrap_or_default(), "More?"))
        })
        .intent("Change", async |cx: &mut Input| {
            let token = cx.slot_value("token").unwrap_or_default().to_owned();
            let r = ReminderRequest::at(
                "2026-12-24T18:00:00",
                Some("Europe/Berlin"),
                cx.locale(),
                "Gifts!",
            );
            let changed = cx.services().reminders().update(&token, &r).await?;
            let got = cx
                .services()
                .reminders()
                .get(&token)
                .await?
                .expect("stored");
            let text = got.alert_info.unwrap().spoken_info.content[0].text.clone();
            Ok(cx.ask(
                format!("{} {text}", changed.version.unwrap_or_default()),
                "More?",
            ))
        })
        .intent("Remove", async |cx: &mut Input| {
            let token = cx.slot_value("token").unwrap_or_default().to_owned();
            cx.services().reminders().delete(&token).await?;
            let left = cx.services().reminders().list().await?.alerts.len();
            Ok(cx.ask(format!("{left} left"), "More?"))
        })
        .intent("Where", async |cx: &mut Input| {
            let who = cx
                .services()
                .profile()
                .given_name()
                .await?
                .unwrap_or_default();
            let city = cx
                .services()
                .address()
                .full()
                .await?
                .and_then(|a| a.city)
                .unwrap_or_default();
            let postal = cx
                .services()
                .address()
                .country_and_postal_code()
                .await?
                .and_then(|c| c.postal_code);
            Ok(cx.ask(
                format!("{who} in {city} {}", postal.unwrap_or_default()),
                "More?",
            ))
        })
        .build()
        .unwrap();
    let home = Address {
        city: Some("Utrecht".into()),
        postal_code: Some("3511".into()),
        ..Default::default()
    };
    let stand_in = StandIn::new().given_name("Grace").address(home);
    let mut talk = Conversation::new(&skill)
        .locale("nl-NL")
        .services(stand_in.clone());
    let first = talk.intent("Add").await.unwrap().speech();
    let second = talk.intent("Add").await.unwrap().speech();
    assert_eq!(
        (first.as_str(), second.as_str()),
        ("local-reminder-1", "local-reminder-2")
    );
    assert_eq!(stand_in.reminders().len(), 2);
    talk.send(intent("Change").slot("token", &first))
        .await
        .unwrap()
        .assert_says("2 Gifts!");
    talk.send(intent("Remove").slot("token", &first))
        .await
        .unwrap()
        .assert_says("1 left");
    assert_eq!(stand_in.reminders()[0]["alertToken"], "local-reminder-2");
    talk.intent("Where")
        .await
        .unwrap()
        .assert_says("Grace in Utrecht 3511");
    // Deleting it again: the API's 404 is a service error, answered with the apology.
    let turn = talk
        .send(intent("Remove").slot("token", &first))
        .await
        .unwrap();
    assert!(
        turn.speech().starts_with("Sorry, er ging iets mis."),
        "{}",
        turn.speech()
    );
}
