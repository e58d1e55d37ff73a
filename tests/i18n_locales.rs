//! Loading, negotiating and formatting a skill's own Fluent files
//! (the real `.ftl` trees under `tests/i18n/`).

use std::path::PathBuf;

use alexa_kit::args;
use alexa_kit::i18n::{Locales, Localizer};
use alexa_kit::{Error, ErrorKind};

fn dir(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/i18n")
        .join(rel)
}

fn skill() -> Locales {
    match Locales::builder().directory(dir("skill")).build() {
        Ok(locales) => locales,
        Err(err) => panic!("the test skill must load: {err}"),
    }
}

fn build_err(builder: alexa_kit::i18n::LocalesBuilder) -> Error {
    match builder.build() {
        Ok(locales) => panic!("expected a start-up error, got {locales:?}"),
        Err(err) => err,
    }
}

fn english_welcome() -> String {
    Locales::builtin()
        .map(|l| l.localizer(Some("en-US")).t("welcome"))
        .unwrap_or_default()
}

#[test]
fn negotiation_walks_region_language_default() {
    let locales = skill();
    let cases = [
        // exact regional bundle
        (Some("en-GB"), "en-GB"),
        // Alexa locale of a language the skill has: its own bundle
        (Some("en-AU"), "en-AU"),
        (Some("de-DE"), "de-DE"),
        // region unknown to Alexa and the skill: the language folder
        (Some("de-AT"), "de"),
        (Some("en-NZ"), "en"),
        (Some("es-MX"), "es-MX"),
        (Some("es-ES"), "es-ES"),
        // a language the skill does not speak, garbage, nothing: default
        (Some("ja-JP"), "en-US"),
        (Some("fr-FR"), "en-US"),
        (Some("!!garbage!!"), "en-US"),
        (Some(""), "en-US"),
        (None, "en-US"),
    ];
    for (requested, expected) in cases {
        assert_eq!(
            locales.localizer(requested).locale(),
            expected,
            "request locale {requested:?}"
        );
    }
    // A case-insensitive request still finds its bundle.
    assert_eq!(locales.localizer(Some("EN-gb")).locale(), "en-GB");
}

#[test]
fn regional_folder_overrides_only_what_it_defines() {
    let locales = skill();
    let gb = locales.localizer(Some("en-GB"));
    let us = locales.localizer(Some("en-US"));
    assert_eq!(gb.t("colour"), "What's your favourite colour?");
    assert_eq!(us.t("colour"), "What's your favorite color?");
    // Everything else in en-GB comes from the `en` folder.
    assert_eq!(
        gb.t_args("greeting", &args!["name" => "Ann"]),
        "Hello, Ann!"
    );
    assert_eq!(gb.t("welcome"), us.t("welcome"));

    let es_es = locales.localizer(Some("es-ES"));
    let es_mx = locales.localizer(Some("es-MX"));
    assert_eq!(
        es_es.t("countdown"),
        r#"¿Preparado? <break time="1s"/> ¡Vamos!"#
    );
    assert_eq!(es_mx.t("countdown"), r#"¿Listo? <break time="1s"/> ¡Ya!"#);
    // The framework's regional variants layer the same way: Spain's help
    // differs from the Americas', the skill's `es` messages serve both.
    assert_ne!(es_es.t("help"), es_mx.t("help"));
    assert!(es_es.t("help").contains("apetece"), "{}", es_es.t("help"));
    assert_eq!(es_es.t("colour"), es_mx.t("colour"));
}

#[test]
fn a_skill_overrides_a_default_by_using_its_id() -> alexa_kit::Result<()> {
    let locales = skill();
    let en = locales.localizer(Some("en-US"));
    assert_eq!(
        en.t("welcome"),
        "Welcome to Fruit Facts! You can ask for a fruit fact, or say help."
    );
    assert_ne!(en.t("welcome"), english_welcome());
    // Ids the skill does not define keep the framework's text, in the right language.
    let builtin = Locales::builtin()?;
    let de = locales.localizer(Some("de-DE"));
    assert_eq!(de.t("help"), builtin.localizer(Some("de-DE")).t("help"));
    assert!(de.t("welcome").starts_with("Willkommen bei Obstfakten"));
    // A regional framework folder does not beat the skill's language folder.
    assert!(
        locales
            .localizer(Some("es-ES"))
            .t("welcome")
            .contains("Datos de Frutas")
    );
    Ok(())
}

#[test]
fn plural_and_select_use_the_locale_rules() {
    let locales = skill();
    let en = locales.localizer(Some("en-US"));
    let de = locales.localizer(Some("de-DE"));
    assert_eq!(
        en.t_args("basket", &args!["count" => 1, "name" => "Ann"]),
        "You have one apple, Ann."
    );
    assert_eq!(
        en.t_args("basket", &args!["count" => 5, "name" => "Ann"]),
        "You have 5 apples, Ann."
    );
    assert_eq!(
        de.t_args("basket", &args!["count" => 1, "name" => "Jo"]),
        "Du hast einen Apfel, Jo."
    );
    assert_eq!(
        de.t_args("basket", &args!["count" => 0, "name" => "Jo"]),
        "Du hast 0 Äpfel, Jo."
    );

    // Arabic has six plural categories; select on a string argument too.
    let ar = Locales::builder()
        .default_locale("ar-SA")
        .resource(
            "ar",
            "main.ftl",
            "items = { $n ->\n    [zero] zero\n    [one] one\n    [two] two\n    [few] few\n    [many] many\n   *[other] other\n}\n\
             pronoun = { $gender ->\n    [female] هي\n   *[other] هو\n}\n",
        )
        .build();
    let ar = match ar {
        Ok(locales) => locales.localizer(Some("ar-SA")),
        Err(err) => panic!("{err}"),
    };
    let forms: Vec<String> = [0, 1, 2, 3, 11, 100]
        .into_iter()
        .map(|n| ar.t_args("items", &args!["n" => n]))
        .collect();
    assert_eq!(forms, ["zero", "one", "two", "few", "many", "other"]);
    assert_eq!(ar.t_args("pronoun", &args!["gender" => "female"]), "هي");
    assert_eq!(ar.t_args("pronoun", &args!["gender" => "x"]), "هو");
}

#[test]
fn arguments_cannot_inject_ssml() {
    let locales = skill();
    let en = locales.localizer(Some("en-US"));
    let evil = r#"<audio src="https://evil/x.mp3"/>"#;
    let out = en.t_args("greeting", &args!["name" => evil]);
    assert_eq!(
        out,
        "Hello, &lt;audio src=&quot;https://evil/x.mp3&quot;/&gt;!"
    );
    assert!(!out.contains("<audio"));
    assert_eq!(
        en.t_args("greeting", &args!["name" => "Tom & Jerry's"]),
        "Hello, Tom &amp; Jerry&apos;s!"
    );
    // A select on an argument still matches its raw value.
    assert_eq!(
        en.t_args("basket", &args!["count" => 2, "name" => "<b>"]),
        "You have 2 apples, &lt;b&gt;."
    );
    // The author's own markup stays markup.
    assert_eq!(en.t("countdown"), r#"Ready? <break time="1s"/> Go!"#);
}

#[test]
fn output_has_no_bidi_isolation_marks() {
    let locales = skill();
    for locale in ["en-US", "de-DE", "es-MX"] {
        let l = locales.localizer(Some(locale));
        let out = l.t_args("fact", &args!["fruit" => "Banana", "calories" => 89]);
        assert!(
            !out.contains(['\u{2068}', '\u{2069}']),
            "{locale}: bidi marks in {out:?}"
        );
        assert!(out.starts_with("Banana") && out.contains("89"), "{out}");
    }
}

#[test]
fn numbers_use_the_locale_decimal_separator() {
    let locales = skill();
    let kg = |locale: &str| {
        locales
            .localizer(Some(locale))
            .t_args("weight", &args!["kg" => 2.5])
    };
    assert_eq!(kg("en-US"), "That weighs 2.5 kilograms.");
    assert_eq!(kg("de-DE"), "Das wiegt 2,5 Kilogramm.");
    assert_eq!(kg("es-ES"), "Eso pesa 2,5 kilogramos.");
    assert_eq!(kg("es-MX"), "Eso pesa 2.5 kilogramos.");
    // No grouping separators: text-to-speech reads 12000 unambiguously.
    assert_eq!(
        locales
            .localizer(Some("de-DE"))
            .t_args("weight", &args!["kg" => 12000]),
        "Das wiegt 12000 Kilogramm."
    );
}

#[test]
fn attributes_are_addressed_with_a_dot() {
    let locales = skill();
    let de = locales.localizer(Some("de-DE"));
    assert_eq!(de.t("card.title"), "Obst des Tages");
    assert_eq!(de.t("card"), "Obstfakten");
    assert!(de.has("card.title"));
    assert!(!de.has("card.subtitle"));
}

#[test]
fn missing_ids_do_not_crash_and_fall_back_to_the_default_locale() {
    let locales = match Locales::builder()
        .resource("en", "main.ftl", "only-english = Only in English.")
        .resource("de", "main.ftl", "hallo = Hallo!")
        .build()
    {
        Ok(locales) => locales,
        Err(err) => panic!("{err}"),
    };
    let de = locales.localizer(Some("de-DE"));
    assert_eq!(de.t("only-english"), "Only in English.");
    assert!(de.has("only-english"));
    assert_eq!(de.t("no-such-id"), "no-such-id");
    assert!(!de.has("no-such-id"));
    // A missing argument is visible, not a panic.
    assert_eq!(skill().localizer(None).t("greeting"), "Hello, {$name}!");
}

#[test]
fn check_ids_reports_every_unknown_id() {
    let locales = skill();
    assert!(
        locales
            .check_ids(&["welcome", "fact", "card.title", "help", "navigate-home"])
            .is_ok()
    );
    let err = match locales.check_ids(&["fact", "fcat", "card.text", "colour"]) {
        Ok(()) => panic!("typos must be reported"),
        Err(err) => err,
    };
    assert_eq!(err.kind(), ErrorKind::Localization);
    let msg = err.message();
    assert!(
        msg.contains("`fcat`") && msg.contains("`card.text`"),
        "{msg}"
    );
    assert!(msg.contains("en-US"), "{msg}");
    assert!(!msg.contains("`fact`"), "{msg}");
}

#[test]
fn completeness_passes_for_a_complete_skill() {
    if let Err(err) = skill().check_complete() {
        panic!("{err}");
    }
}

#[test]
fn completeness_reports_all_gaps_readably() {
    let locales = match Locales::builder().directory(dir("incomplete")).build() {
        Ok(locales) => locales,
        Err(err) => panic!("{err}"),
    };
    let err = match locales.check_complete() {
        Ok(()) => panic!("the incomplete set must fail the check"),
        Err(err) => err,
    };
    assert_eq!(err.kind(), ErrorKind::Localization);
    let msg = err.message();
    let expected = [
        "3 translation problem(s) against the default locale en-US",
        "de, de-DE: message `farewell` is missing",
        "de, de-DE: message `greeting` uses no variables but en-US uses {$name}",
        "fr, fr-CA, fr-FR: message `greeting` uses {$name, $title} but en-US uses {$name}",
    ];
    for line in expected {
        assert!(msg.contains(line), "missing {line:?} in:\n{msg}");
    }
    // `score` uses the same variables everywhere: not reported.
    assert!(!msg.contains("`score`"), "{msg}");
}

#[test]
fn syntax_error_names_file_line_and_column() {
    let err = build_err(Locales::builder().directory(dir("broken/syntax")));
    assert_eq!(err.kind(), ErrorKind::Localization);
    let msg = err.message();
    assert!(
        msg.contains("broken/syntax/en/main.ftl:2:"),
        "no file:line in {msg}"
    );
    assert!(msg.contains("this line is not a message"), "{msg}");
}

#[test]
fn duplicate_id_in_one_locale_is_an_error() {
    let err = build_err(Locales::builder().directory(dir("broken/duplicate")));
    assert_eq!(err.kind(), ErrorKind::Localization);
    let msg = err.message();
    assert!(
        msg.contains("duplicate/en/b.ftl:3: duplicate message id `hello` in locale `en`"),
        "{msg}"
    );
    assert!(msg.contains("first defined at"), "{msg}");
    assert!(msg.contains("duplicate/en/a.ftl:1"), "{msg}");
    // Within one file as well.
    let err = build_err(Locales::builder().resource("en", "one.ftl", "a = 1\nb = 2\na = 3\n"));
    assert!(
        err.message().contains(
            "en/one.ftl:3: duplicate message id `a` in locale `en` (first defined at en/one.ftl:1)"
        ),
        "{}",
        err.message()
    );
}

#[test]
fn missing_default_locale_is_an_error() {
    let err = build_err(Locales::builder().directory(dir("broken/no_default")));
    assert_eq!(err.kind(), ErrorKind::Localization);
    let msg = err.message();
    assert!(
        msg.contains("no messages for the default locale en-US"),
        "{msg}"
    );
    assert!(msg.contains("found: de"), "{msg}");
    // Configuring the default to the locale that exists fixes it.
    assert!(
        Locales::builder()
            .directory(dir("broken/no_default"))
            .default_locale("de-DE")
            .build()
            .is_ok()
    );
    let err = build_err(Locales::builder().default_locale("not a locale"));
    assert!(
        err.message().contains("`not a locale` is not a locale tag"),
        "{}",
        err.message()
    );
}

#[test]
fn unparsable_folder_name_is_an_error() {
    let err = build_err(Locales::builder().directory(dir("broken/bad_folder")));
    assert_eq!(err.kind(), ErrorKind::Localization);
    let msg = err.message();
    assert!(
        msg.contains("english/main.ftl: locale folder name `english` is not a locale tag"),
        "{msg}"
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let err = build_err(
        Locales::builder()
            .directory(dir("broken/syntax"))
            .directory(dir("broken/duplicate"))
            .directory(dir("does/not/exist")),
    );
    let msg = err.message();
    assert!(msg.contains("syntax/en/main.ftl:2:"), "{msg}");
    assert!(msg.contains("duplicate message id `hello`"), "{msg}");
    assert!(msg.contains("cannot read locale directory"), "{msg}");
}

#[test]
fn embedded_tree_needs_no_extra_dependency() {
    // This test crate depends on alexa-kit only (alexa-kit-macros is not a
    // dev-dependency): the macro must bring what it needs.
    let embedded = alexa_kit::include_locales!("$CARGO_MANIFEST_DIR/tests/i18n/skill");
    let locales = match Locales::builder().embedded(embedded).build() {
        Ok(locales) => locales,
        Err(err) => panic!("{err}"),
    };
    let from_disk = skill();
    for locale in ["en-GB", "de-DE", "es-ES", "es-MX"] {
        let a = locales.localizer(Some(locale));
        let b = from_disk.localizer(Some(locale));
        assert_eq!(a.locale(), b.locale());
        for id in ["welcome", "colour", "countdown", "card.title", "help"] {
            assert_eq!(a.t(id), b.t(id), "{locale} {id}");
        }
    }
    // A broken embedded tree does not compile: see the `compile_fail`
    // example of `include_locales!` and the tests of alexa-kit-macros.
}

#[test]
fn localizers_are_shared_across_threads() {
    let locales = skill();
    let handles: Vec<_> = ["en-GB", "de-DE", "es-MX", "es-ES"]
        .into_iter()
        .map(|locale| {
            let locales = locales.clone();
            std::thread::spawn(move || {
                let l: Localizer = locales.localizer(Some(locale));
                (0..200)
                    .map(|n| l.t_args("basket", &args!["count" => n, "name" => "x"]))
                    .collect::<Vec<String>>()
            })
        })
        .collect();
    for handle in handles {
        let outputs = handle.join().unwrap_or_default();
        assert_eq!(outputs.len(), 200);
        assert!(outputs[199].contains("199"), "{}", outputs[199]);
        assert_ne!(outputs[1], outputs[2], "plural forms differ");
    }
}
