//! The framework's own messages in the 17 Alexa locales.

use alexa_kit::Result;
use alexa_kit::i18n::{ALEXA_LOCALES, BUILTIN_MESSAGE_IDS, Locales};

#[test]
fn every_alexa_locale_has_its_own_bundle_with_every_message() -> Result<()> {
    let locales = Locales::builtin()?;
    for locale in ALEXA_LOCALES {
        let l = locales.localizer(Some(locale));
        assert_eq!(l.locale(), locale);
        for id in BUILTIN_MESSAGE_IDS {
            let text = l.t(id);
            assert!(l.has(id), "{locale}: `{id}` missing");
            assert_ne!(text, id, "{locale}: `{id}` not translated");
            assert!(!text.trim().is_empty(), "{locale}: `{id}` is empty");
        }
    }
    Ok(())
}

#[test]
fn completeness_check_passes_for_the_builtin_messages() -> Result<()> {
    let locales = Locales::builtin()?;
    locales.check_complete()?;
    locales.check_ids(&BUILTIN_MESSAGE_IDS)?;
    // Also with another default locale.
    Locales::builder()
        .default_locale("ja-JP")
        .build()?
        .check_complete()
}

#[test]
fn welcome_is_in_the_language_of_the_locale() -> Result<()> {
    let locales = Locales::builtin()?;
    let english = locales.localizer(Some("en-US")).t("welcome");
    for locale in ALEXA_LOCALES {
        let welcome = locales.localizer(Some(locale)).t("welcome");
        if locale.starts_with("en-") {
            assert_eq!(welcome, english, "{locale}");
        } else {
            assert_ne!(welcome, english, "{locale} still speaks English");
        }
    }
    // Where a region differs, it is really different.
    let t = |locale: &str, id: &str| locales.localizer(Some(locale)).t(id);
    assert_ne!(t("es-ES", "welcome"), t("es-MX", "welcome"));
    assert_eq!(t("es-MX", "welcome"), t("es-US", "welcome"));
    assert_ne!(t("fr-CA", "goodbye"), t("fr-FR", "goodbye"));
    Ok(())
}

#[test]
fn welcome_and_fallback_tell_the_user_what_to_say() -> Result<()> {
    // The word for "help" each welcome names, as Alexa's built-in HelpIntent hears it.
    let help_word = [
        ("ar-SA", "مساعدة"),
        ("de-DE", "Hilfe"),
        ("en-US", "help"),
        ("es-ES", "ayuda"),
        ("es-MX", "ayuda"),
        ("fr-FR", "aide"),
        ("fr-CA", "aide"),
        ("hi-IN", "मदद"),
        ("it-IT", "aiuto"),
        ("ja-JP", "ヘルプ"),
        ("nl-NL", "help"),
        ("pt-BR", "ajuda"),
    ];
    let locales = Locales::builtin()?;
    for (locale, word) in help_word {
        let l = locales.localizer(Some(locale));
        for id in ["welcome", "fallback"] {
            assert!(l.t(id).contains(word), "{locale} {id}: {}", l.t(id));
        }
    }
    Ok(())
}

#[test]
fn builtin_messages_are_plain_ssml_safe_text() -> Result<()> {
    let locales = Locales::builtin()?;
    for locale in locales.locales() {
        let l = locales.localizer(Some(locale));
        for id in BUILTIN_MESSAGE_IDS {
            let text = l.t(id);
            assert!(
                !text.contains(['<', '>', '&', '{', '}', '\u{2068}', '\u{2069}']),
                "{locale} {id}: {text:?}"
            );
            assert_eq!(text, text.trim(), "{locale} {id}: stray whitespace");
        }
    }
    Ok(())
}

#[test]
fn a_skill_speaks_only_its_languages_but_keeps_the_defaults_in_them() -> Result<()> {
    let locales = Locales::builder()
        .resource("en", "main.ftl", "hello = Hello!")
        .resource("fr", "main.ftl", "hello = Bonjour !")
        .build()?;
    let names: Vec<&str> = locales.locales().collect();
    assert!(
        names.contains(&"fr-CA") && names.contains(&"en-IN"),
        "{names:?}"
    );
    assert!(!names.iter().any(|n| n.starts_with("de")), "{names:?}");
    // French requests get the framework's French (and Canadian French) defaults.
    let builtin = Locales::builtin()?;
    for locale in ["fr-FR", "fr-CA"] {
        assert_eq!(
            locales.localizer(Some(locale)).t("help"),
            builtin.localizer(Some(locale)).t("help")
        );
    }
    // German is not one of this skill's languages: the default locale answers.
    assert_eq!(locales.localizer(Some("de-DE")).locale(), "en-US");
    Ok(())
}
