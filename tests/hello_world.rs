//! The hello-world example skill in every Alexa locale, compiled from the
//! example's own source with its real Fluent files and skill package.

mod support;

#[path = "../examples/hello_world/skill.rs"]
mod skill;

use alexa_kit::i18n::{ALEXA_LOCALES, BUILTIN_MESSAGE_IDS};
use alexa_kit::testing::Conversation;
use support::block_on;

/// What each language's greeting must be, exactly.
fn greeting(locale: &str) -> &'static str {
    match &locale[..2] {
        "ar" => "مرحباً بالعالم!",
        "de" => "Hallo Welt!",
        "en" => "Hello, world!",
        "es" => "¡Hola, mundo!",
        "fr" => "Bonjour le monde\u{202f}!",
        "hi" => "नमस्ते दुनिया!",
        "it" => "Ciao, mondo!",
        "ja" => "こんにちは、世界！",
        "nl" => "Hallo, wereld!",
        "pt" => "Olá, mundo!",
        other => panic!("no greeting for {other}"),
    }
}

/// A cheap language check: the script a language is written in.
fn in_script(locale: &str, text: &str) -> bool {
    let has =
        |range: std::ops::RangeInclusive<u32>| text.chars().any(|c| range.contains(&(c as u32)));
    match &locale[..2] {
        "ar" => has(0x0600..=0x06FF),
        "hi" => has(0x0900..=0x097F),
        "ja" => has(0x3040..=0x30FF) || has(0x4E00..=0x9FFF),
        _ => text.chars().any(|c| c.is_ascii_alphabetic()),
    }
}

#[test]
fn every_alexa_locale_gets_launch_hello_help_and_stop_in_its_language() {
    let skill = skill::builder().build().expect("the example builds");
    block_on(async {
        let english = {
            let mut talk = Conversation::new(&skill).locale("en-US");
            [
                talk.launch().await.unwrap().speech(),
                talk.intent("AMAZON.HelpIntent").await.unwrap().speech(),
                talk.intent("AMAZON.StopIntent").await.unwrap().speech(),
            ]
        };
        assert_eq!(ALEXA_LOCALES.len(), 17);
        for locale in ALEXA_LOCALES {
            let mut talk = Conversation::new(&skill).locale(locale);
            let welcome = talk.launch().await.unwrap();
            welcome.assert_open();
            let help = talk.intent("AMAZON.HelpIntent").await.unwrap();
            help.assert_open();
            let hello = talk.intent("HelloWorldIntent").await.unwrap();
            hello.assert_ended();
            assert_eq!(hello.speech(), greeting(locale), "{locale}");
            let stop = talk.intent("AMAZON.StopIntent").await.unwrap();
            stop.assert_ended();
            for (what, text, en) in [
                ("welcome", welcome.speech(), &english[0]),
                ("help", help.speech(), &english[1]),
                ("stop", stop.speech(), &english[2]),
            ] {
                assert!(!text.is_empty(), "{locale} {what}");
                assert!(in_script(locale, &text), "{locale} {what}: {text}");
                if !locale.starts_with("en") {
                    assert_ne!(&text, en, "{locale} {what} is still English");
                }
            }
        }
    });
}

#[test]
fn the_example_messages_are_complete_and_every_referenced_id_exists() {
    let locales = skill::locales().expect("the example's .ftl files load");
    locales
        .check_complete()
        .expect("every locale has every message");
    let mut ids = vec!["hello-world", "hello-name"];
    ids.extend(BUILTIN_MESSAGE_IDS);
    locales
        .check_ids(&ids)
        .expect("every id the skill uses exists");
    let missing = locales.check_ids(&["no-such-message"]).unwrap_err();
    assert!(missing.to_string().contains("no-such-message"), "{missing}");
    alexa_kit::i18n::Locales::builtin()
        .and_then(|l| l.check_complete())
        .expect("the built-in messages are complete in 17 locales");
}

#[cfg(feature = "simulator")]
#[test]
fn the_interaction_models_and_the_code_agree() {
    let skill = skill::builder().build().expect("the example builds");
    let package = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("skill-package");
    alexa_kit::local::check_skill_package(&skill, &package, &ALEXA_LOCALES)
        .expect("models and handlers agree");
    // And the check has teeth: a skill with an extra intent disagrees.
    let extra = skill::builder()
        .intent("GoodbyeWorldIntent", skill::HelloWorld)
        .build()
        .unwrap();
    let err = alexa_kit::local::check_skill_package(&extra, &package, &["de-DE"]).unwrap_err();
    assert!(err.to_string().contains("GoodbyeWorldIntent"), "{err}");
}

#[test]
fn ssml_cannot_be_injected_through_message_arguments() {
    let locales = skill::locales().unwrap();
    let l = locales.localizer(Some("en-US"));
    let said = l.t_args(
        "hello-name",
        &alexa_kit::args!["name" => r#"Tom & <audio src="https://evil.example/x.mp3"/>"#],
    );
    assert_eq!(
        said,
        "Hello, Tom &amp; &lt;audio src=&quot;https://evil.example/x.mp3&quot;/&gt;!"
    );
    // And the escaped text is valid speech.
    alexa_kit::response::ResponseBuilder::new()
        .speak(said)
        .build()
        .expect("escaped text is well-formed SSML");
}

#[test]
fn a_name_in_the_name_slot_is_greeted_in_every_locale() {
    let skill = skill::builder().build().expect("the example builds");
    let locales = skill::locales().unwrap();
    block_on(async {
        for locale in ALEXA_LOCALES {
            let mut talk = Conversation::new(&skill).locale(locale);
            let named = talk
                .send(alexa_kit::testing::intent("HelloWorldIntent").slot("name", "Ada"))
                .await
                .unwrap();
            named.assert_ended();
            let expected = locales
                .localizer(Some(locale))
                .t_args("hello-name", &alexa_kit::args!["name" => "Ada"]);
            assert_eq!(named.speech(), expected, "{locale}");
            assert!(named.speech().contains("Ada"), "{locale}");
            assert_ne!(named.speech(), greeting(locale), "{locale}");
            // An empty slot (Alexa sends the slot without a value) is the plain greeting.
            let plain = Conversation::new(&skill)
                .locale(locale)
                .send(alexa_kit::testing::intent("HelloWorldIntent").slot("name", " "))
                .await
                .unwrap();
            assert_eq!(plain.speech(), greeting(locale), "{locale}");
        }
    });
}
