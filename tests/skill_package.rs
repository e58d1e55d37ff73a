//! Validates the data that ships with the example skills: the ask-cli skill
//! packages of the "Hello, world" skill (`skill-package/`) and of the birthday
//! countdown (`examples/birthday/skill-package/`, with its dialog model), the
//! built-in intents' phrases of the local dialog simulator
//! (`src/local/builtin_utterances.json`) and the hello world's Fluent messages
//! (`locales/`; the birthday's are checked in `tests/birthday.rs`).
//!
//! Everything is read from disk as shipped; the Fluent files are parsed and
//! formatted with the same crates the framework uses.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use fluent_syntax::ast;
use serde_json::Value;

/// The 17 locales an Alexa custom skill can support.
const ALEXA_LOCALES: [&str; 17] = [
    "ar-SA", "de-DE", "en-AU", "en-CA", "en-GB", "en-IN", "en-US", "es-ES", "es-MX", "es-US",
    "fr-CA", "fr-FR", "hi-IN", "it-IT", "ja-JP", "nl-NL", "pt-BR",
];

/// The skill packages, and the custom intent each one is about.
const PACKAGES: [(&str, &str); 2] = [
    ("skill-package", "HelloWorldIntent"),
    ("examples/birthday/skill-package", "CaptureBirthdayIntent"),
];

/// Language folders of `locales/` and the exact `hello-world` text of each.
const HELLO_WORLD: [(&str, &str); 10] = [
    ("ar", "مرحباً بالعالم!"),
    ("de", "Hallo Welt!"),
    ("en", "Hello, world!"),
    ("es", "¡Hola, mundo!"),
    ("fr", "Bonjour le monde\u{202f}!"),
    ("hi", "नमस्ते दुनिया!"),
    ("it", "Ciao, mondo!"),
    ("ja", "こんにちは、世界！"),
    ("nl", "Hallo, wereld!"),
    ("pt", "Olá, mundo!"),
];

/// Messages every language folder must define.
const SKILL_MESSAGES: [&str; 6] = [
    "welcome",
    "welcome-reprompt",
    "hello-world",
    "help",
    "help-reprompt",
    "hello-name",
];

/// Messages the framework ships and the example must leave alone.
const FRAMEWORK_ONLY: [&str; 4] = ["goodbye", "fallback", "error", "navigate-home"];

/// Built-in intents every interaction model declares.
const MODEL_BUILTINS: [&str; 5] = [
    "AMAZON.CancelIntent",
    "AMAZON.HelpIntent",
    "AMAZON.StopIntent",
    "AMAZON.NavigateHomeIntent",
    "AMAZON.FallbackIntent",
];

/// Built-in intents the local dialog simulator knows phrases for.
const SIMULATOR_BUILTINS: [&str; 10] = [
    "AMAZON.HelpIntent",
    "AMAZON.StopIntent",
    "AMAZON.CancelIntent",
    "AMAZON.NavigateHomeIntent",
    "AMAZON.YesIntent",
    "AMAZON.NoIntent",
    "AMAZON.RepeatIntent",
    "AMAZON.StartOverIntent",
    "AMAZON.PauseIntent",
    "AMAZON.ResumeIntent",
];

/// Words Alexa rejects in an invocation name (wake words, launch phrases).
const FORBIDDEN_INVOCATION_WORDS: [&str; 9] = [
    "alexa", "amazon", "echo", "computer", "skill", "app", "open", "launch", "ask",
];

/// Bidi controls that must never reach SSML or a card.
const BIDI_MARKS: [char; 11] = [
    '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}',
    '\u{2067}', '\u{2068}', '\u{2069}',
];

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> Result<String, Box<dyn std::error::Error>> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()).into())
}

fn read_json(path: &Path) -> Result<Value, Box<dyn std::error::Error>> {
    let text = read(path)?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()).into())
}

fn str_at<'a>(value: &'a Value, pointer: &str, file: &str) -> Result<&'a str, String> {
    value
        .pointer(pointer)
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
        .ok_or_else(|| format!("{file}: `{pointer}` must be a non-empty string"))
}

fn array_at<'a>(value: &'a Value, pointer: &str, file: &str) -> Result<&'a Vec<Value>, String> {
    value
        .pointer(pointer)
        .and_then(Value::as_array)
        .ok_or_else(|| format!("{file}: `{pointer}` must be an array"))
}

fn strings(values: &[Value], what: &str) -> Result<Vec<String>, String> {
    values
        .iter()
        .map(|v| {
            v.as_str()
                .map(str::to_owned)
                .ok_or_else(|| format!("{what}: {v} is not a string"))
        })
        .collect()
}

fn object_keys(value: &Value, pointer: &str, file: &str) -> Result<BTreeSet<String>, String> {
    value
        .pointer(pointer)
        .and_then(Value::as_object)
        .map(|o| o.keys().cloned().collect())
        .ok_or_else(|| format!("{file}: `{pointer}` must be an object"))
}

fn all_locales() -> BTreeSet<String> {
    ALEXA_LOCALES.iter().map(|l| (*l).to_owned()).collect()
}

/// True when a phrase is lower case and has no leading/trailing blanks or final
/// punctuation (ASCII, Arabic, Devanagari or full-width).
fn is_clean_phrase(phrase: &str) -> bool {
    !phrase.is_empty()
        && phrase == phrase.trim()
        && phrase == phrase.to_lowercase()
        && !phrase.contains("  ")
        && !phrase.ends_with(['.', '!', '?', ',', '。', '！', '？', '、', '।', '؟', '،'])
}

/// Alexa accepts letters, marks, spaces, apostrophes, hyphens and periods in a
/// sample utterance; `{slot}` braces are allowed too, digits are not.
fn is_valid_sample(sample: &str) -> bool {
    is_clean_phrase(sample)
        && sample.chars().all(|c| {
            c.is_alphabetic()
                || c == ' '
                || c == '\''
                || c == '-'
                || c == '.'
                || c == '{'
                || c == '}'
                || is_combining_mark(c)
        })
}

/// Devanagari vowel signs, virama and nukta are not `alphabetic` in every
/// Unicode table; Arabic harakat likewise.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0900}'..='\u{0903}' | '\u{093A}'..='\u{094F}' | '\u{0951}'..='\u{0957}'
        | '\u{0962}'..='\u{0963}' | '\u{064B}'..='\u{065F}' | '\u{0670}')
}

#[test]
fn skill_manifests_cover_every_locale() -> TestResult {
    for (package, _) in PACKAGES {
        check_manifest(package)?;
    }
    Ok(())
}

fn check_manifest(package: &str) -> TestResult {
    let file = &format!("{package}/skill.json");
    let json = read_json(&root().join(file))?;
    assert_eq!(str_at(&json, "/manifest/manifestVersion", file)?, "1.0");

    let publishing = "/manifest/publishingInformation";
    assert_eq!(
        object_keys(&json, &format!("{publishing}/locales"), file)?,
        all_locales(),
        "{file}: publishingInformation.locales must list exactly the 17 Alexa locales"
    );
    str_at(&json, &format!("{publishing}/category"), file)?;
    let worldwide = json
        .pointer(&format!("{publishing}/isAvailableWorldwide"))
        .and_then(Value::as_bool)
        .ok_or_else(|| format!("{file}: isAvailableWorldwide must be a boolean"))?;
    let countries = strings(
        array_at(&json, &format!("{publishing}/distributionCountries"), file)?,
        file,
    )?;
    assert!(
        worldwide || !countries.is_empty(),
        "{file}: a skill not available worldwide needs distributionCountries"
    );
    for country in &countries {
        assert!(
            country.len() == 2 && country.chars().all(|c| c.is_ascii_uppercase()),
            "{file}: `{country}` is not an ISO 3166-1 alpha-2 code"
        );
    }

    for locale in ALEXA_LOCALES {
        let base = format!("{publishing}/locales/{locale}");
        for field in ["name", "summary", "description"] {
            str_at(&json, &format!("{base}/{field}"), file)?;
        }
        let keywords = strings(array_at(&json, &format!("{base}/keywords"), file)?, file)?;
        assert!(!keywords.is_empty(), "{file}: {locale} has no keywords");

        // The first example phrase must launch the skill by its invocation name.
        let phrases = strings(
            array_at(&json, &format!("{base}/examplePhrases"), file)?,
            file,
        )?;
        assert!(
            (1..=3).contains(&phrases.len()),
            "{file}: {locale} needs 1 to 3 example phrases"
        );
        let invocation = invocation_name(package, locale)?;
        assert!(
            phrases[0].to_lowercase().contains(&invocation),
            "{file}: {locale}: first example phrase `{}` does not use the invocation name `{invocation}`",
            phrases[0]
        );

        let privacy = format!("/manifest/privacyAndCompliance/locales/{locale}");
        str_at(&json, &format!("{privacy}/privacyPolicyUrl"), file)?;
    }
    assert_eq!(
        object_keys(&json, "/manifest/privacyAndCompliance/locales", file)?,
        all_locales()
    );

    let endpoint = str_at(&json, "/manifest/apis/custom/endpoint/uri", file)?;
    assert!(
        endpoint.starts_with("arn:aws:lambda:") && endpoint.contains("REPLACE_WITH_FUNCTION_ARN"),
        "{file}: the endpoint must be the documented placeholder, found `{endpoint}`"
    );
    Ok(())
}

fn model_path(package: &str, locale: &str) -> PathBuf {
    root().join(format!("{package}/interactionModels/custom/{locale}.json"))
}

fn invocation_name(package: &str, locale: &str) -> Result<String, Box<dyn std::error::Error>> {
    let json = read_json(&model_path(package, locale))?;
    Ok(str_at(
        &json,
        "/interactionModel/languageModel/invocationName",
        locale,
    )?
    .to_owned())
}

/// Intent name → samples of one interaction model.
fn model_intents(
    package: &str,
    locale: &str,
) -> Result<BTreeMap<String, Vec<String>>, Box<dyn std::error::Error>> {
    let file = format!("{package}/interactionModels/custom/{locale}.json");
    let json = read_json(&model_path(package, locale))?;
    let mut intents = BTreeMap::new();
    for intent in array_at(&json, "/interactionModel/languageModel/intents", &file)? {
        let name = str_at(intent, "/name", &file)?.to_owned();
        let samples = strings(array_at(intent, "/samples", &file)?, &file)?;
        assert!(
            intents.insert(name.clone(), samples).is_none(),
            "{file}: intent {name} is declared twice"
        );
    }
    Ok(intents)
}

#[test]
fn interaction_models_exist_for_every_locale_and_are_valid() -> TestResult {
    for (package, intent) in PACKAGES {
        check_models(package, intent)?;
    }
    Ok(())
}

fn check_models(package: &str, main_intent: &str) -> TestResult {
    let dir = root().join(format!("{package}/interactionModels/custom"));
    let mut found = BTreeSet::new();
    for entry in fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        let locale = name
            .strip_suffix(".json")
            .ok_or_else(|| format!("{}: unexpected file {name}", dir.display()))?;
        found.insert(locale.to_owned());
    }
    assert_eq!(
        found,
        all_locales(),
        "one interaction model per Alexa locale"
    );

    for locale in ALEXA_LOCALES {
        let invocation = invocation_name(package, locale)?;
        assert_eq!(
            invocation,
            invocation.to_lowercase(),
            "{locale}: invocation names are lower case"
        );
        assert_eq!(invocation, invocation.trim(), "{locale}: stray blanks");
        // Japanese is written without spaces; every other locale needs two words.
        if locale != "ja-JP" {
            assert!(
                invocation.split_whitespace().count() >= 2,
                "{locale}: invocation name `{invocation}` needs at least two words"
            );
        }
        for word in invocation.split_whitespace() {
            assert!(
                !FORBIDDEN_INVOCATION_WORDS.contains(&word),
                "{locale}: invocation name `{invocation}` contains `{word}`"
            );
        }
        assert!(
            !invocation.chars().any(|c| c.is_ascii_digit()),
            "{locale}: spell numbers out in the invocation name"
        );

        let intents = model_intents(package, locale)?;
        let main = intents
            .get(main_intent)
            .ok_or_else(|| format!("{package} {locale}: no {main_intent}"))?;
        assert!(
            (8..=24).contains(&main.len()),
            "{package} {locale}: {main_intent} has {} samples, expected 8 to 24",
            main.len()
        );
        for builtin in MODEL_BUILTINS {
            assert!(
                intents.contains_key(builtin),
                "{locale}: {builtin} is missing"
            );
        }

        let mut seen = HashMap::new();
        for (intent, samples) in &intents {
            for sample in samples {
                assert!(
                    is_valid_sample(sample),
                    "{locale}: {intent}: sample `{sample}` has upper case, digits or punctuation"
                );
                if let Some(other) = seen.insert(sample.as_str(), intent.as_str()) {
                    panic!("{locale}: sample `{sample}` appears in {other} and {intent}");
                }
            }
        }
    }
    Ok(())
}

#[test]
fn simulator_phrases_cover_every_locale_and_builtin() -> TestResult {
    let file = "src/local/builtin_utterances.json";
    let json = read_json(&root().join(file))?;
    let locales = json
        .as_object()
        .ok_or_else(|| format!("{file}: the top level must be an object"))?;
    let found: BTreeSet<String> = locales.keys().cloned().collect();
    assert_eq!(found, all_locales(), "{file}: exactly the 17 Alexa locales");

    let expected: BTreeSet<&str> = SIMULATOR_BUILTINS.into_iter().collect();
    for (locale, intents) in locales {
        let intents = intents
            .as_object()
            .ok_or_else(|| format!("{file}: {locale} must be an object"))?;
        let names: BTreeSet<&str> = intents.keys().map(String::as_str).collect();
        assert_eq!(names, expected, "{file}: {locale} lists other intents");

        // A phrase must lead to one intent only, and never shadow a sample of
        // an example skill's own intent.
        let mut samples = BTreeSet::new();
        for (package, intent) in PACKAGES {
            samples.extend(
                model_intents(package, locale)?
                    .remove(intent)
                    .unwrap_or_default(),
            );
        }
        let mut seen = HashMap::new();
        for (intent, phrases) in intents {
            let phrases = strings(
                phrases
                    .as_array()
                    .ok_or_else(|| format!("{file}: {locale}/{intent} must be an array"))?,
                file,
            )?;
            assert!(
                (3..=8).contains(&phrases.len()),
                "{file}: {locale}/{intent} has {} phrases, expected 3 to 8",
                phrases.len()
            );
            for phrase in &phrases {
                assert!(
                    is_clean_phrase(phrase),
                    "{file}: {locale}/{intent}: `{phrase}` must be lower case without final punctuation"
                );
                assert!(
                    !samples.contains(phrase),
                    "{file}: {locale}/{intent}: `{phrase}` is also a sample of an example skill"
                );
                if let Some(other) = seen.insert(phrase.clone(), intent.clone()) {
                    panic!("{file}: {locale}: `{phrase}` is listed for {other} and {intent}");
                }
            }
        }
    }
    Ok(())
}

/// One `.ftl` file: its parsed message ids and the text of each.
struct FtlFile {
    path: PathBuf,
    source: String,
    ids: BTreeSet<String>,
}

fn load_ftl(path: &Path) -> Result<FtlFile, Box<dyn std::error::Error>> {
    let source = read(path)?;
    let resource = fluent_syntax::parser::parse(source.as_str())
        .map_err(|(_, errors)| format!("{}: Fluent syntax errors: {errors:?}", path.display()))?;
    let mut ids = BTreeSet::new();
    for entry in &resource.body {
        match entry {
            ast::Entry::Message(message) => {
                assert!(
                    ids.insert(message.id.name.to_owned()),
                    "{}: message `{}` is defined twice",
                    path.display(),
                    message.id.name
                );
            }
            ast::Entry::Junk { content } => {
                panic!("{}: unparsable Fluent: {content}", path.display())
            }
            _ => {}
        }
    }
    Ok(FtlFile {
        path: path.to_owned(),
        source,
        ids,
    })
}

/// Every `locales/<tag>/*.ftl` file, by folder name.
fn ftl_folders() -> Result<BTreeMap<String, Vec<FtlFile>>, Box<dyn std::error::Error>> {
    let dir = root().join("locales");
    let mut folders = BTreeMap::new();
    for entry in fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let entry = entry?;
        let tag = entry.file_name().to_string_lossy().into_owned();
        assert!(
            entry.file_type()?.is_dir(),
            "locales/{tag}: only folders belong here"
        );
        let mut files = Vec::new();
        for file in fs::read_dir(entry.path())? {
            let path = file?.path();
            assert_eq!(
                path.extension().and_then(|e| e.to_str()),
                Some("ftl"),
                "{}: only .ftl files belong in a locale folder",
                path.display()
            );
            files.push(load_ftl(&path)?);
        }
        assert!(!files.is_empty(), "locales/{tag} is empty");
        folders.insert(tag, files);
    }
    Ok(folders)
}

/// A bundle of one folder's files, formatted the way the framework does
/// (no bidi isolation marks).
fn bundle(files: &[FtlFile], tag: &str) -> Result<FluentBundle<FluentResource>, String> {
    let langid: unic_langid::LanguageIdentifier =
        tag.parse().map_err(|e| format!("locales/{tag}: {e}"))?;
    let mut bundle = FluentBundle::new(vec![langid]);
    bundle.set_use_isolating(false);
    for file in files {
        let resource = FluentResource::try_new(file.source.clone())
            .map_err(|(_, e)| format!("{}: {e:?}", file.path.display()))?;
        bundle
            .add_resource(resource)
            .map_err(|e| format!("{}: {e:?}", file.path.display()))?;
    }
    Ok(bundle)
}

fn format(
    bundle: &FluentBundle<FluentResource>,
    tag: &str,
    id: &str,
    args: Option<&FluentArgs>,
) -> Result<String, String> {
    let message = bundle
        .get_message(id)
        .ok_or_else(|| format!("locales/{tag}: no message `{id}`"))?;
    let pattern = message
        .value()
        .ok_or_else(|| format!("locales/{tag}: `{id}` has no value"))?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    if errors.is_empty() {
        Ok(text.into_owned())
    } else {
        Err(format!("locales/{tag}: `{id}`: {errors:?}"))
    }
}

#[test]
fn fluent_folders_are_known_tags_and_files_are_complete() -> TestResult {
    let folders = ftl_folders()?;
    let languages: BTreeSet<&str> = HELLO_WORLD.iter().map(|(l, _)| *l).collect();

    for (tag, files) in &folders {
        let language = tag.split('-').next().unwrap_or(tag);
        assert!(
            languages.contains(tag.as_str()) || ALEXA_LOCALES.contains(&tag.as_str()),
            "locales/{tag} is neither a language (ar de en …) nor an Alexa locale (de-DE …)"
        );
        assert!(
            folders.contains_key(language),
            "locales/{tag} needs its language folder locales/{language} to fall back on"
        );
        for file in files {
            assert!(
                !file.source.contains(BIDI_MARKS),
                "{}: contains invisible bidi marks",
                file.path.display()
            );
            for id in FRAMEWORK_ONLY {
                assert!(
                    !file.ids.contains(id),
                    "{}: `{id}` belongs to the framework; do not redefine it",
                    file.path.display()
                );
            }
            // A file either carries the greeting or is a partial regional
            // override of messages its language folder defines.
            if !file.ids.contains("hello-world") {
                assert!(
                    tag.contains('-'),
                    "{}: a language file must define `hello-world`",
                    file.path.display()
                );
                let base: BTreeSet<&String> =
                    folders[language].iter().flat_map(|f| &f.ids).collect();
                for id in &file.ids {
                    assert!(
                        base.contains(id),
                        "{}: `{id}` overrides nothing in locales/{language}",
                        file.path.display()
                    );
                }
            }
        }
    }
    // The default locale en-US negotiates to `en`, which must be complete.
    assert!(
        folders.contains_key("en"),
        "locales/en (default en-US) is missing"
    );
    Ok(())
}

#[test]
fn fluent_messages_format_in_every_language() -> TestResult {
    let folders = ftl_folders()?;
    for (language, greeting) in HELLO_WORLD {
        let files = folders
            .get(language)
            .ok_or_else(|| format!("locales/{language} is missing"))?;
        let bundle = bundle(files, language)?;
        for id in SKILL_MESSAGES {
            let mut args = FluentArgs::new();
            args.set("name", "Ada");
            let text = format(&bundle, language, id, Some(&args))?;
            assert!(
                !text.trim().is_empty(),
                "locales/{language}: `{id}` is empty"
            );
            assert_eq!(
                text,
                text.trim(),
                "locales/{language}: `{id}` has stray blanks"
            );
        }
        assert_eq!(format(&bundle, language, "hello-world", None)?, greeting);

        // `hello-name` takes the name as a placeable, not as literal text.
        let mut args = FluentArgs::new();
        args.set("name", "Ada & <Bob>");
        let named = format(&bundle, language, "hello-name", Some(&args))?;
        assert!(
            named.contains("Ada & <Bob>"),
            "locales/{language}: hello-name does not place $name: {named}"
        );
        let missing = format(&bundle, language, "hello-name", None);
        assert!(
            missing.is_err(),
            "locales/{language}: hello-name must use the $name variable"
        );
    }

    // Regional overrides must format on their own as well.
    for (tag, files) in folders.iter().filter(|(tag, _)| tag.contains('-')) {
        let bundle = bundle(files, tag)?;
        for id in files.iter().flat_map(|f| &f.ids) {
            let mut args = FluentArgs::new();
            args.set("name", "Ada");
            format(&bundle, tag, id, Some(&args))?;
        }
    }
    Ok(())
}

/// The `{slot}` names a sample or prompt refers to.
fn slot_refs(text: &str) -> Vec<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

#[test]
fn the_birthday_dialog_model_asks_for_every_slot_in_every_locale() -> TestResult {
    let package = "examples/birthday/skill-package";
    let expected_slots = [
        ("month", "AMAZON.Month"),
        ("day", "AMAZON.Ordinal"),
        ("year", "AMAZON.FOUR_DIGIT_NUMBER"),
    ];
    for locale in ALEXA_LOCALES {
        let file = &format!("{package} {locale}");
        let json = read_json(&model_path(package, locale))?;
        let intents = array_at(&json, "/interactionModel/languageModel/intents", file)?;
        let capture = intents
            .iter()
            .find(|i| i["name"] == "CaptureBirthdayIntent")
            .ok_or_else(|| format!("{file}: no CaptureBirthdayIntent"))?;
        let slots = array_at(capture, "/slots", file)?;
        let declared: Vec<(&str, &str)> = slots
            .iter()
            .map(|s| {
                (
                    s["name"].as_str().unwrap_or(""),
                    s["type"].as_str().unwrap_or(""),
                )
            })
            .collect();
        assert_eq!(declared, expected_slots, "{file}: slots and their types");

        // Samples with all three slots, with some, and with none; every
        // reference is a declared slot.
        let samples = strings(array_at(capture, "/samples", file)?, file)?;
        let mut counts = BTreeSet::new();
        for sample in &samples {
            let refs = slot_refs(sample);
            for name in &refs {
                assert!(
                    expected_slots.iter().any(|(s, _)| s == name),
                    "{file}: `{sample}` refers to an unknown slot `{name}`"
                );
            }
            counts.insert(refs.len().min(3));
        }
        for n in 0..=3 {
            assert!(counts.contains(&n), "{file}: no sample with {n} slots");
        }

        // Slot-only utterances for each slot, valid like any sample.
        for slot in slots {
            let name = str_at(slot, "/name", file)?;
            let only = strings(array_at(slot, "/samples", file)?, file)?;
            assert!(
                only.len() >= 3,
                "{file}: slot {name} needs slot-only utterances"
            );
            assert!(
                only.iter().any(|s| s == &format!("{{{name}}}")),
                "{file}: bare {{{name}}}"
            );
            for sample in &only {
                assert!(is_valid_sample(sample), "{file}: slot {name}: `{sample}`");
                assert!(
                    slot_refs(sample).contains(&name),
                    "{file}: slot {name}: `{sample}` does not fill it"
                );
            }
        }

        // The dialog model: every slot required, with an elicitation prompt
        // that exists and asks a question; delegation left to the skill.
        let dialog = &json["interactionModel"]["dialog"];
        assert_eq!(dialog["delegationStrategy"], "SKILL_RESPONSE", "{file}");
        let dialog_intent = array_at(dialog, "/intents", file)?
            .iter()
            .find(|i| i["name"] == "CaptureBirthdayIntent")
            .ok_or_else(|| format!("{file}: the dialog model lacks CaptureBirthdayIntent"))?;
        let prompts = array_at(&json, "/interactionModel/prompts", file)?;
        let dialog_slots = array_at(dialog_intent, "/slots", file)?;
        assert_eq!(dialog_slots.len(), 3, "{file}: dialog slots");
        for (slot, (name, kind)) in dialog_slots.iter().zip(expected_slots) {
            assert_eq!(
                (slot["name"].as_str(), slot["type"].as_str()),
                (Some(name), Some(kind))
            );
            assert_eq!(
                slot["elicitationRequired"], true,
                "{file}: {name} must be required"
            );
            let id = str_at(slot, "/prompts/elicitation", file)?;
            let prompt = prompts
                .iter()
                .find(|p| p["id"] == id)
                .ok_or_else(|| format!("{file}: prompt {id} is missing"))?;
            let variations = array_at(prompt, "/variations", file)?;
            assert!(
                !variations.is_empty(),
                "{file}: prompt {id} has no variations"
            );
            for variation in variations {
                assert_eq!(variation["type"], "PlainText", "{file}: {id}");
                let text = str_at(variation, "/value", file)?;
                assert!(
                    text.ends_with(['?', '？', '؟']),
                    "{file}: {id}: `{text}` must be a question"
                );
                // A prompt may name only slots elicited before it.
                let position = expected_slots
                    .iter()
                    .position(|(s, _)| *s == name)
                    .unwrap_or(0);
                for r in slot_refs(text) {
                    assert!(
                        expected_slots[..position].iter().any(|(s, _)| *s == r),
                        "{file}: {id}: `{text}` names {{{r}}} before it is known"
                    );
                }
                match locale {
                    "fr-FR" => assert!(
                        text.ends_with("\u{202f}?"),
                        "{file}: `{text}`: U+202F before ?"
                    ),
                    "fr-CA" => assert!(
                        !text.ends_with(" ?") && !text.ends_with("\u{202f}?"),
                        "{file}: `{text}`"
                    ),
                    _ => {}
                }
            }
        }
    }
    Ok(())
}
