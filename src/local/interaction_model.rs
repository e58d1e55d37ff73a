//! Reading an interaction model and matching typed utterances against it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::{
    Intent, Resolution, ResolutionStatus, ResolutionValueWrapper, Resolutions, ResolvedValue, Slot,
};
use crate::{Error, ErrorKind, Result};

/// The usual phrases of Alexa's built-in intents, per locale.
const BUILTIN_UTTERANCES: &str = include_str!("builtin_utterances.json");

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ModelFile {
    interaction_model: InteractionModelJson,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct InteractionModelJson {
    language_model: LanguageModel,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct LanguageModel {
    invocation_name: String,
    #[serde(default)]
    intents: Vec<IntentJson>,
    #[serde(default)]
    types: Vec<SlotTypeJson>,
}

#[derive(Debug, Deserialize)]
struct IntentJson {
    name: String,
    #[serde(default)]
    slots: Vec<SlotJson>,
    #[serde(default)]
    samples: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct SlotJson {
    name: String,
    #[serde(rename = "type")]
    slot_type: String,
}

#[derive(Debug, Deserialize)]
struct SlotTypeJson {
    name: String,
    #[serde(default)]
    values: Vec<SlotTypeValue>,
}

#[derive(Debug, Deserialize)]
struct SlotTypeValue {
    #[serde(default)]
    id: Option<String>,
    name: SlotTypeValueName,
}

#[derive(Debug, Deserialize)]
struct SlotTypeValueName {
    value: String,
    #[serde(default)]
    synonyms: Vec<String>,
}

/// One piece of a sample utterance.
#[derive(Debug, Clone, PartialEq)]
enum Part {
    Text(String),
    Slot(String),
}

#[derive(Debug)]
struct Sample {
    intent: String,
    parts: Vec<Part>,
    literal_len: usize,
}

/// An interaction model, ready to match utterances.
#[derive(Debug)]
pub(crate) struct InteractionModel {
    pub(crate) path: PathBuf,
    pub(crate) invocation_name: String,
    pub(crate) custom_intents: Vec<String>,
    samples: Vec<Sample>,
    slot_types: HashMap<(String, String), String>,
    type_values: HashMap<String, Vec<SlotTypeValue>>,
    has_fallback: bool,
}

/// The path of a locale's model inside a skill package.
pub(crate) fn model_path(skill_package: &Path, locale: &str) -> PathBuf {
    skill_package
        .join("interactionModels")
        .join("custom")
        .join(format!("{locale}.json"))
}

/// `locale` as a canonical locale tag (`en_us` → `en-US`), or a `Config`
/// error: the tag names a file, so nothing else may reach a path.
pub(crate) fn locale_tag(locale: &str) -> Result<String> {
    locale
        .parse::<unic_langid::LanguageIdentifier>()
        .ok()
        .filter(|tag| tag.language.as_str() != "und")
        .map(|tag| tag.to_string())
        .ok_or_else(|| {
            Error::new(
                ErrorKind::Config,
                format!(
                    "`{}` is not a locale such as en-US or de-DE",
                    crate::bounded::field(locale.escape_debug())
                ),
            )
        })
}

impl InteractionModel {
    /// Loads `skill_package/interactionModels/custom/<locale>.json`.
    pub(crate) fn load(skill_package: &Path, locale: &str) -> Result<Self> {
        let locale = &locale_tag(locale)?;
        let path = model_path(skill_package, locale);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            Error::new(
                ErrorKind::Config,
                format!(
                    "no interaction model for {locale} at {} ({e}); the simulator matches what you type \
                     against it. Run from the skill's folder, or pass --skill-package DIR",
                    path.display()
                ),
            )
        })?;
        let file: ModelFile = serde_json::from_str(&text).map_err(|e| {
            Error::new(
                ErrorKind::Config,
                format!("{} is not a valid interaction model: {e}", path.display()),
            )
        })?;
        Ok(Self::from_language_model(
            path,
            locale,
            file.interaction_model.language_model,
        ))
    }

    fn from_language_model(path: PathBuf, locale: &str, lm: LanguageModel) -> Self {
        let mut samples = Vec::new();
        let mut slot_types = HashMap::new();
        let mut custom_intents = Vec::new();
        let mut has_fallback = false;
        for intent in &lm.intents {
            if intent.name == "AMAZON.FallbackIntent" {
                has_fallback = true;
            }
            if !intent.name.starts_with("AMAZON.") {
                custom_intents.push(intent.name.clone());
            }
            for slot in &intent.slots {
                slot_types.insert(
                    (intent.name.clone(), slot.name.clone()),
                    slot.slot_type.clone(),
                );
            }
            for s in &intent.samples {
                samples.push(Sample::parse(&intent.name, s));
            }
        }
        let builtins = builtin_phrases(locale);
        for intent in &lm.intents {
            if let Some(phrases) = builtins.get(intent.name.as_str()) {
                for p in phrases {
                    samples.push(Sample::parse(&intent.name, p));
                }
            }
        }
        let type_values = lm.types.into_iter().map(|t| (t.name, t.values)).collect();
        InteractionModel {
            path,
            invocation_name: lm.invocation_name,
            custom_intents,
            samples,
            slot_types,
            type_values,
            has_fallback,
        }
    }

    /// Whether `utterance` opens the skill ("open hello world", or just the invocation name).
    pub(crate) fn is_launch_phrase(&self, utterance: &str) -> bool {
        let u = normalize(utterance);
        let name = normalize(&self.invocation_name);
        !name.is_empty() && (u == name || u.ends_with(&format!(" {name}")))
    }

    /// The intent (with slots) that `utterance` means, or the fallback intent.
    pub(crate) fn match_utterance(&self, utterance: &str) -> Option<Intent> {
        let text = normalize(utterance);
        if text.is_empty() {
            return None;
        }
        let mut best: Option<(&Sample, Vec<(String, String)>)> = None;
        for sample in &self.samples {
            if let Some(captures) = sample.matches(&text) {
                let better = match &best {
                    None => true,
                    Some((b, _)) => sample.literal_len > b.literal_len,
                };
                if better {
                    best = Some((sample, captures));
                }
            }
        }
        match best {
            Some((sample, captures)) => {
                let mut intent = Intent::new(sample.intent.clone());
                for (slot, value) in captures {
                    let resolved = self.resolve(&sample.intent, &slot, &value);
                    let mut s = Slot::new(slot.clone(), value);
                    s.resolutions = resolved;
                    intent.slots.insert(slot, s);
                }
                Some(intent)
            }
            None if self.has_fallback => Some(Intent::new("AMAZON.FallbackIntent")),
            None => None,
        }
    }

    fn resolve(&self, intent: &str, slot: &str, value: &str) -> Option<Resolutions> {
        let slot_type = self.slot_types.get(&(intent.to_owned(), slot.to_owned()))?;
        let values = self.type_values.get(slot_type)?;
        let wanted = normalize(value);
        let found = values.iter().find(|v| {
            normalize(&v.name.value) == wanted
                || v.name.synonyms.iter().any(|s| normalize(s) == wanted)
        });
        let authority = format!("amzn1.er-authority.echo-sdk.local.{slot_type}");
        let resolution = match found {
            Some(v) => Resolution {
                authority,
                status: ResolutionStatus {
                    code: "ER_SUCCESS_MATCH".to_owned(),
                },
                values: vec![ResolutionValueWrapper {
                    value: ResolvedValue {
                        name: v.name.value.clone(),
                        id: v.id.clone(),
                    },
                }],
            },
            None => Resolution {
                authority,
                status: ResolutionStatus {
                    code: "ER_SUCCESS_NO_MATCH".to_owned(),
                },
                values: Vec::new(),
            },
        };
        Some(Resolutions {
            resolutions_per_authority: vec![resolution],
        })
    }
}

fn builtin_phrases(locale: &str) -> HashMap<String, Vec<String>> {
    let all: HashMap<String, HashMap<String, Vec<String>>> =
        serde_json::from_str(BUILTIN_UTTERANCES).unwrap_or_default();
    let language = locale.split('-').next().unwrap_or(locale);
    all.get(locale)
        .or_else(|| {
            all.iter()
                .find(|(k, _)| k.split('-').next() == Some(language))
                .map(|(_, v)| v)
        })
        .cloned()
        .unwrap_or_default()
}

impl Sample {
    fn parse(intent: &str, sample: &str) -> Self {
        let mut parts = Vec::new();
        let mut rest = sample;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let text = normalize(&rest[..open]);
            if !text.is_empty() {
                parts.push(Part::Text(text));
            }
            let slot = rest[open + 1..open + close].trim();
            parts.push(Part::Slot(slot.to_owned()));
            rest = &rest[open + close + 1..];
        }
        let text = normalize(rest);
        if !text.is_empty() {
            parts.push(Part::Text(text));
        }
        let literal_len = parts
            .iter()
            .map(|p| match p {
                Part::Text(t) => t.chars().count(),
                Part::Slot(_) => 0,
            })
            .sum();
        Sample {
            intent: intent.to_owned(),
            parts,
            literal_len,
        }
    }

    /// Matches the whole normalized text; returns slot captures.
    fn matches(&self, text: &str) -> Option<Vec<(String, String)>> {
        let mut captures = Vec::new();
        if match_parts(&self.parts, text, &mut captures) {
            Some(captures)
        } else {
            None
        }
    }
}

fn match_parts(parts: &[Part], text: &str, captures: &mut Vec<(String, String)>) -> bool {
    let text = text.trim();
    match parts.split_first() {
        None => text.is_empty(),
        Some((Part::Text(t), rest)) => text
            .strip_prefix(t.as_str())
            .is_some_and(|after| match_parts(rest, after, captures)),
        Some((Part::Slot(name), rest)) => {
            // Try every non-empty prefix as the slot value, shortest first.
            let boundaries: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .skip(1)
                .chain(std::iter::once(text.len()))
                .collect();
            for end in boundaries {
                let value = text[..end].trim();
                if value.is_empty() {
                    continue;
                }
                let mark = captures.len();
                captures.push((name.clone(), value.to_owned()));
                if match_parts(rest, &text[end..], captures) {
                    return true;
                }
                captures.truncate(mark);
            }
            false
        }
    }
}

/// Lower case, punctuation removed, white space collapsed.
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '\'' || is_combining(c) {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        } else {
            space = true;
        }
    }
    out
}

/// Combining marks (Devanagari vowel signs, viramas…) are part of words.
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0900..=0x097F | 0x0610..=0x061A | 0x064B..=0x065F | 0x3099..=0x309A)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> InteractionModel {
        let lm: LanguageModel = serde_json::from_value(serde_json::json!({
            "invocationName": "coffee shop",
            "intents": [
                {"name": "OrderIntent", "slots": [{"name": "drink", "type": "DrinkType"}],
                 "samples": ["i want a {drink}", "{drink} please", "order {drink}"]},
                {"name": "MenuIntent", "samples": ["what is on the menu", "menu"]},
                {"name": "AMAZON.HelpIntent", "samples": []},
                {"name": "AMAZON.FallbackIntent", "samples": []}
            ],
            "types": [{"name": "DrinkType", "values": [
                {"id": "TEA", "name": {"value": "tea", "synonyms": ["cuppa"]}}
            ]}]
        }))
        .unwrap();
        InteractionModel::from_language_model(PathBuf::from("x.json"), "en-US", lm)
    }

    #[test]
    fn matches_samples_slots_and_resolutions() {
        let m = model();
        let i = m.match_utterance("I want a cuppa!").unwrap();
        assert_eq!(i.name, "OrderIntent");
        assert_eq!(i.slot_value("drink"), Some("cuppa"));
        let r = i.resolved("drink").unwrap();
        assert_eq!((r.name.as_str(), r.id.as_deref()), ("tea", Some("TEA")));
        let i = m.match_utterance("flat white please").unwrap();
        assert_eq!(i.slot_value("drink"), Some("flat white"));
        assert!(i.resolved("drink").is_none());
        assert_eq!(
            m.match_utterance("What is on the menu?").unwrap().name,
            "MenuIntent"
        );
        assert_eq!(m.match_utterance("help").unwrap().name, "AMAZON.HelpIntent");
        assert_eq!(
            m.match_utterance("sing a song").unwrap().name,
            "AMAZON.FallbackIntent"
        );
        assert!(m.is_launch_phrase("open coffee shop"));
        assert!(m.is_launch_phrase("Coffee shop"));
        assert!(!m.is_launch_phrase("menu"));
    }

    #[test]
    fn normalizes_scripts_without_spaces() {
        assert_eq!(normalize("¡Hola, Mundo!"), "hola mundo");
        assert_eq!(normalize("こんにちは、世界！"), "こんにちは 世界");
        assert_eq!(normalize("नमस्ते दुनिया!"), "नमस्ते दुनिया");
    }
}
