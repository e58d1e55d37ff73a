//! Reading an interaction model and matching typed utterances against it.
//!
//! Matching works on words ([`text::words`]): a slot takes whole words, and
//! only words that fit its type (a number for AMAZON.NUMBER, a month name for
//! AMAZON.Month, a value or synonym of a custom type…), so adjacent slots
//! (`{month} {day} {year}`) split where the types say. Of all samples that
//! match, the most specific wins: the most literal words, then the most slots
//! filled by typed values, then the fewest words taken as free text.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::builtin::Language;
use super::text::{self, Word};
use crate::model::{
    Intent, Resolution, ResolutionStatus, ResolutionValueWrapper, Resolutions, ResolvedValue, Slot,
};
use crate::slots::Day;
use crate::{Error, ErrorKind, Result};

/// The usual phrases of Alexa's built-in intents, per locale.
const BUILTIN_UTTERANCES: &str = include_str!("builtin_utterances.json");

/// The string at `key`, or "".
fn str_at<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

/// The array at `key`, or an empty one.
fn list_at<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn flag_at(v: &Value, key: &str) -> bool {
    v.get(key).and_then(Value::as_bool).unwrap_or(false)
}

/// A string that may be absent or null.
fn opt_at(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_owned)
}

/// One piece of a sample utterance.
#[derive(Debug, Clone, PartialEq)]
enum Part {
    Word(String),
    Slot(String),
}

#[derive(Debug)]
struct Sample {
    intent: String,
    parts: Vec<Part>,
}

/// A slot of the dialog model.
#[derive(Debug, Clone)]
pub(crate) struct DialogSlot {
    pub name: String,
    pub elicitation_required: bool,
    pub confirmation_required: bool,
    pub elicitation: Option<String>,
    pub confirmation: Option<String>,
}

/// An intent of the dialog model.
#[derive(Debug, Clone)]
pub(crate) struct DialogIntent {
    /// Alexa runs the dialog itself (`ALWAYS`) instead of asking the skill.
    pub auto_delegate: bool,
    pub confirmation_required: bool,
    pub confirmation: Option<String>,
    pub slots: Vec<DialogSlot>,
}

/// What an utterance opens.
#[derive(Debug, PartialEq)]
pub(crate) enum Opening {
    /// "open hello world" (`explicit`), or just "hello world".
    Launch { explicit: bool },
    /// "ask hello world to say hello": the rest, to match as an intent.
    OneShot(String),
}

/// A value the words of a slot resolve to, and how specific that is.
struct Fill {
    value: String,
    resolutions: Option<Resolutions>,
    /// 2: a typed value or a custom value; 1: a custom type's unknown value; 0: free text.
    rank: u8,
}

/// Longer utterances fit no sample (Alexa's are short); this bounds the
/// matcher's work on whatever is typed or piped in.
const MAX_WORDS: usize = 64;

/// How well a sample matched: compared as a tuple, greater is better.
type Score = (usize, usize, i64);

/// A custom slot type's value: its folded phrases (value and synonyms), canonical value and id.
type TypeValue = (Vec<String>, String, Option<String>);

/// The best match so far: its score, sample and slot values.
type Best<'a> = Option<(Score, &'a Sample, Vec<(String, Fill)>)>;

/// An interaction model, ready to match utterances.
#[derive(Debug)]
pub(crate) struct InteractionModel {
    pub(crate) path: PathBuf,
    pub(crate) invocation_name: String,
    pub(crate) custom_intents: Vec<String>,
    pub(crate) language: Language,
    samples: Vec<Sample>,
    /// Slot elicitation samples per (intent, slot).
    slot_samples: HashMap<(String, String), Vec<Sample>>,
    /// Slot names of each intent, in model order.
    intent_slots: HashMap<String, Vec<String>>,
    slot_types: HashMap<(String, String), String>,
    /// Custom values per type: (folded phrases, canonical value, id).
    type_values: HashMap<String, Vec<TypeValue>>,
    has_fallback: bool,
    dialog: HashMap<String, DialogIntent>,
    prompts: HashMap<String, Vec<String>>,
    launch: Vec<Sample>,
    one_shot: Vec<Sample>,
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
                format!("{locale:?} is not a locale such as en-US or de-DE"),
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
        let invalid = |e: serde_json::Error| {
            Error::new(
                ErrorKind::Config,
                format!("{} is not a valid interaction model: {e}", path.display()),
            )
        };
        let mut file: Value = serde_json::from_str(&text).map_err(invalid)?;
        // Older "builder" files have no `interactionModel` wrapper.
        if let Some(inner) = file.get_mut("interactionModel") {
            file = inner.take();
        }
        if file
            .pointer("/languageModel/invocationName")
            .and_then(Value::as_str)
            .is_none()
        {
            return Err(Error::new(
                ErrorKind::Config,
                format!(
                    "{} is not a valid interaction model: it has no `interactionModel.languageModel.invocationName`",
                    path.display()
                ),
            ));
        }
        Ok(Self::from_json(path, locale, &file))
    }

    fn from_json(path: PathBuf, locale: &str, model: &Value) -> Self {
        let lm = model.get("languageModel").unwrap_or(&Value::Null);
        let mut samples = Vec::new();
        let mut slot_samples = HashMap::new();
        let mut intent_slots = HashMap::new();
        let mut slot_types = HashMap::new();
        let mut custom_intents = Vec::new();
        let mut has_fallback = false;
        let builtins = builtin_phrases(locale);
        for intent in list_at(lm, "intents") {
            let name = str_at(intent, "name");
            has_fallback |= name == "AMAZON.FallbackIntent";
            if !name.starts_with("AMAZON.") {
                custom_intents.push(name.to_owned());
            }
            let mut names = Vec::new();
            for slot in list_at(intent, "slots") {
                let slot_name = str_at(slot, "name");
                names.push(slot_name.to_owned());
                let key = (name.to_owned(), slot_name.to_owned());
                slot_types.insert(key.clone(), str_at(slot, "type").to_owned());
                let own = list_at(slot, "samples").iter().filter_map(Value::as_str);
                let implicit = format!("{{{slot_name}}}");
                let own = own.chain(std::iter::once(implicit.as_str()));
                slot_samples.insert(key, own.map(|s| Sample::parse(name, s)).collect());
            }
            intent_slots.insert(name.to_owned(), names);
            let phrases = builtins.get(name).into_iter().flatten().map(String::as_str);
            let own = list_at(intent, "samples").iter().filter_map(Value::as_str);
            for s in own.chain(phrases) {
                samples.push(Sample::parse(name, s));
            }
        }
        let type_values = list_at(lm, "types")
            .iter()
            .map(|t| {
                let values = list_at(t, "values")
                    .iter()
                    .map(|v| {
                        let name = v.get("name").unwrap_or(&Value::Null);
                        let value = str_at(name, "value");
                        let mut keys = vec![text::key(value)];
                        let synonyms = list_at(name, "synonyms").iter().filter_map(Value::as_str);
                        keys.extend(synonyms.map(text::key));
                        (keys, value.to_owned(), opt_at(v, "id"))
                    })
                    .collect();
                (str_at(t, "name").to_owned(), values)
            })
            .collect();
        let dialog_json = model.get("dialog").unwrap_or(&Value::Null);
        let default_auto = str_at(dialog_json, "delegationStrategy") != "SKILL_RESPONSE";
        let prompt_ref = |v: &Value, key: &str| v.get("prompts").and_then(|p| opt_at(p, key));
        let dialog = list_at(dialog_json, "intents")
            .iter()
            .map(|i| {
                let auto = match str_at(i, "delegationStrategy") {
                    "" => default_auto,
                    s => s == "ALWAYS",
                };
                let slots = list_at(i, "slots")
                    .iter()
                    .map(|s| DialogSlot {
                        name: str_at(s, "name").to_owned(),
                        elicitation_required: flag_at(s, "elicitationRequired"),
                        confirmation_required: flag_at(s, "confirmationRequired"),
                        elicitation: prompt_ref(s, "elicitation"),
                        confirmation: prompt_ref(s, "confirmation"),
                    })
                    .collect();
                let intent = DialogIntent {
                    auto_delegate: auto,
                    confirmation_required: flag_at(i, "confirmationRequired"),
                    confirmation: prompt_ref(i, "confirmation"),
                    slots,
                };
                (str_at(i, "name").to_owned(), intent)
            })
            .collect();
        let prompts = list_at(model, "prompts")
            .iter()
            .map(|p| {
                let variations = list_at(p, "variations").iter();
                let texts = variations.map(|v| str_at(v, "value").to_owned()).collect();
                (str_at(p, "id").to_owned(), texts)
            })
            .collect();
        let language = Language::new(locale);
        let name = str_at(lm, "invocationName");
        let patterns = |list: &[String]| -> Vec<Sample> {
            list.iter()
                .map(|p| Sample::parse("", &p.replace("{name}", name)))
                .collect()
        };
        let mut launch = patterns(&language.launch);
        launch.push(Sample::parse("bare", name));
        let one_shot = patterns(&language.one_shot);
        InteractionModel {
            path,
            invocation_name: name.to_owned(),
            custom_intents,
            language,
            samples,
            slot_samples,
            intent_slots,
            slot_types,
            type_values,
            has_fallback,
            dialog,
            prompts,
            launch,
            one_shot,
        }
    }

    /// The dialog model of an intent, if it has one.
    pub(crate) fn dialog(&self, intent: &str) -> Option<&DialogIntent> {
        self.dialog.get(intent)
    }

    /// A prompt of the dialog model with `{slot}` references filled in.
    pub(crate) fn prompt(&self, id: &str, intent: &Intent) -> Option<String> {
        let mut text = self.prompts.get(id)?.first()?.clone();
        for (name, slot) in &intent.slots {
            text = text.replace(&format!("{{{name}}}"), slot.value().unwrap_or(""));
        }
        Some(text)
    }

    /// The utterance without the wake word ("Alexa, …").
    pub(crate) fn strip_wake_word(&self, utterance: &str) -> String {
        let words = text::words(utterance);
        let skip = self
            .language
            .wake
            .iter()
            .find_map(|w| {
                let n = text::words(w).len();
                (n > 0 && n < words.len() && text::join_keys(&words[..n]) == *w).then_some(n)
            })
            .unwrap_or(0);
        if skip == 0 {
            utterance.to_owned()
        } else {
            text::join_texts(&words[skip..])
        }
    }

    /// Whether `utterance` opens the skill, or asks it something in one go.
    pub(crate) fn opening(&self, utterance: &str) -> Option<Opening> {
        let words = text::words(utterance);
        if words.len() > MAX_WORDS {
            return None;
        }
        for sample in &self.launch {
            if sample.parts.iter().all(|p| matches!(p, Part::Word(_)))
                && sample.parts.len() == words.len()
                && sample.matches_words(&words)
            {
                return Some(Opening::Launch {
                    explicit: sample.intent != "bare",
                });
            }
        }
        self.one_shot.iter().find_map(|sample| {
            let mut captures = Vec::new();
            let free = |_: &str, w: &[Word]| {
                Some(Fill {
                    value: text::join_texts(w),
                    resolutions: None,
                    rank: 0,
                })
            };
            match_parts(&sample.parts, &words, &mut captures, &free)
                .then(|| captures.pop().map(|(_, f)| Opening::OneShot(f.value)))
                .flatten()
        })
    }

    /// The intent (with slots) that `utterance` means, or the fallback intent.
    pub(crate) fn match_utterance(&self, utterance: &str, today: Day) -> Option<Intent> {
        let words = text::words(utterance);
        if words.is_empty() {
            return None;
        }
        let matched = if words.len() > MAX_WORDS {
            None
        } else {
            self.best(self.samples.iter(), &words, today, false)
        };
        match matched {
            Some(intent) => Some(intent),
            None if self.has_fallback => {
                Some(self.with_all_slots(Intent::new("AMAZON.FallbackIntent")))
            }
            None => None,
        }
    }

    /// What `utterance` says in answer to a question for `slot` of `intent`:
    /// the intent's own samples, the slot's samples, or the bare value.
    pub(crate) fn match_slot_answer(
        &self,
        intent: &str,
        slot: &str,
        utterance: &str,
        today: Day,
    ) -> Option<Intent> {
        let words = text::words(utterance);
        if words.len() > MAX_WORDS {
            return None;
        }
        let own = self.samples.iter().filter(|s| s.intent == intent).chain(
            self.slot_samples
                .get(&(intent.to_owned(), slot.to_owned()))
                .into_iter()
                .flatten(),
        );
        self.best(own, &words, today, true)
    }

    /// The best-scoring sample that matches, as an intent with its slots.
    fn best<'a>(
        &self,
        samples: impl Iterator<Item = &'a Sample>,
        words: &[Word],
        today: Day,
        answering: bool,
    ) -> Option<Intent> {
        let mut best: Best = None;
        for sample in samples {
            let fill = |slot: &str, w: &[Word]| self.fill(&sample.intent, slot, w, today);
            let mut captures = Vec::new();
            if !match_parts(&sample.parts, words, &mut captures, &fill) {
                continue;
            }
            let literal = sample
                .parts
                .iter()
                .filter(|p| matches!(p, Part::Word(_)))
                .count();
            // A sample of slots alone takes a custom type's unknown value only as an answer.
            if literal == 0 && !answering && captures.iter().any(|(_, f)| f.rank < 2) {
                continue;
            }
            let typed = captures.iter().filter(|(_, f)| f.rank == 2).count();
            let free_words: usize = captures
                .iter()
                .filter(|(_, f)| f.rank < 2)
                .map(|(_, f)| f.value.split(' ').count())
                .sum();
            let score = (literal, typed, -(free_words as i64));
            if best.as_ref().is_none_or(|(b, _, _)| score > *b) {
                best = Some((score, sample, captures));
            }
        }
        let (_, sample, captures) = best?;
        let mut intent = Intent::new(sample.intent.clone());
        for (name, fill) in captures {
            let mut slot = Slot::new(name.clone(), fill.value);
            slot.resolutions = fill.resolutions;
            intent.slots.insert(name, slot);
        }
        Some(self.with_all_slots(intent))
    }

    /// Adds the intent's unfilled slots, as Alexa sends them (a name and no value).
    pub(crate) fn with_all_slots(&self, mut intent: Intent) -> Intent {
        for name in self.intent_slots.get(&intent.name).into_iter().flatten() {
            intent.slots.entry(name.clone()).or_insert_with(|| Slot {
                name: name.clone(),
                ..Slot::default()
            });
        }
        intent
    }

    /// The value of `words` in `slot` of `intent`, if they fit its type.
    fn fill(&self, intent: &str, slot: &str, words: &[Word], today: Day) -> Option<Fill> {
        let slot_type = self
            .slot_types
            .get(&(intent.to_owned(), slot.to_owned()))
            .map_or("AMAZON.SearchQuery", String::as_str);
        let Some(values) = self.type_values.get(slot_type) else {
            let value = self.language.fill(slot_type, words, today)?;
            let rank = if Language::is_free_text(slot_type) {
                0
            } else {
                2
            };
            return Some(Fill {
                value,
                resolutions: None,
                rank,
            });
        };
        // A custom type (or an extended built-in one): entity resolution.
        let key = text::join_keys(words);
        let found = values.iter().find(|(keys, _, _)| keys.contains(&key));
        let authority = format!("amzn1.er-authority.echo-sdk.amzn1.ask.skill.local.{slot_type}");
        let (code, values, rank) = match found {
            Some((_, name, id)) => (
                "ER_SUCCESS_MATCH",
                vec![ResolutionValueWrapper {
                    value: ResolvedValue {
                        name: name.clone(),
                        id: id.clone(),
                    },
                }],
                2,
            ),
            None => ("ER_SUCCESS_NO_MATCH", Vec::new(), 1),
        };
        let value = if slot_type.starts_with("AMAZON.") {
            self.language.fill(slot_type, words, today)?
        } else {
            text::join_texts(words)
        };
        Some(Fill {
            value,
            resolutions: Some(Resolutions {
                resolutions_per_authority: vec![Resolution {
                    authority,
                    status: ResolutionStatus {
                        code: code.to_owned(),
                    },
                    values,
                }],
            }),
            rank,
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
        let push_words = |t: &str, parts: &mut Vec<Part>| {
            parts.extend(text::words(t).into_iter().map(|w| Part::Word(w.key)));
        };
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            push_words(&rest[..open], &mut parts);
            let slot = rest[open + 1..open + close].trim();
            parts.push(Part::Slot(slot.to_owned()));
            rest = &rest[open + close + 1..];
        }
        push_words(rest, &mut parts);
        Sample {
            intent: intent.to_owned(),
            parts,
        }
    }

    fn matches_words(&self, words: &[Word]) -> bool {
        self.parts
            .iter()
            .zip(words)
            .all(|(p, w)| matches!(p, Part::Word(k) if *k == w.key))
    }
}

/// Matches all `words` against `parts`; a slot takes one or more whole words
/// that `fill` accepts, shortest first.
fn match_parts(
    parts: &[Part],
    words: &[Word],
    captures: &mut Vec<(String, Fill)>,
    fill: &dyn Fn(&str, &[Word]) -> Option<Fill>,
) -> bool {
    match parts.split_first() {
        None => words.is_empty(),
        Some((Part::Word(k), rest)) => {
            words.first().is_some_and(|w| w.key == *k)
                && match_parts(rest, &words[1..], captures, fill)
        }
        Some((Part::Slot(name), rest)) => {
            // The words left must be at least the literal words still to come.
            let needed = rest.iter().filter(|p| matches!(p, Part::Word(_))).count()
                + rest.iter().filter(|p| matches!(p, Part::Slot(_))).count();
            for end in 1..=words.len().saturating_sub(needed) {
                let Some(f) = fill(name, &words[..end]) else {
                    continue;
                };
                captures.push((name.clone(), f));
                if match_parts(rest, &words[end..], captures, fill) {
                    return true;
                }
                captures.pop();
            }
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> InteractionModel {
        let m = serde_json::json!({"languageModel": {
            "invocationName": "coffee shop",
            "intents": [
                {"name": "OrderIntent", "slots": [{"name": "drink", "type": "DrinkType"}],
                 "samples": ["i want a {drink}", "{drink} please", "order {drink}", "{drink}"]},
                {"name": "CountIntent", "slots": [{"name": "n", "type": "AMAZON.NUMBER"}],
                 "samples": ["{n}", "give me {n}"]},
                {"name": "BirthdayIntent", "slots": [{"name": "month", "type": "AMAZON.Month"},
                    {"name": "day", "type": "AMAZON.Ordinal"}, {"name": "year", "type": "AMAZON.FOUR_DIGIT_NUMBER"}],
                 "samples": ["i was born on {month} {day} {year}", "i was born in {year}", "{month} {day}"]},
                {"name": "MenuIntent", "samples": ["what is on the menu", "menu", "what is on the {drink} menu"],
                 "slots": [{"name": "drink", "type": "DrinkType"}]},
                {"name": "AMAZON.HelpIntent", "samples": []},
                {"name": "AMAZON.FallbackIntent", "samples": []}
            ],
            "types": [{"name": "DrinkType", "values": [
                {"id": "TEA", "name": {"value": "tea", "synonyms": ["cuppa"]}}
            ]}]
        }});
        InteractionModel::from_json(PathBuf::from("x.json"), "en-US", &m)
    }

    fn today() -> Day {
        Day::new(2026, 11, 29).unwrap()
    }

    #[test]
    fn matches_samples_slots_and_resolutions() {
        let m = model();
        let i = m.match_utterance("I want a cuppa!", today()).unwrap();
        assert_eq!(i.name, "OrderIntent");
        assert_eq!(i.slot_value("drink"), Some("cuppa"));
        let r = i.resolved("drink").unwrap();
        assert_eq!((r.name.as_str(), r.id.as_deref()), ("tea", Some("TEA")));
        let i = m.match_utterance("flat white please", today()).unwrap();
        assert_eq!(i.slot_value("drink"), Some("flat white"));
        assert!(i.resolved("drink").is_none());
        let menu = m.match_utterance("What is on the menu?", today()).unwrap();
        assert_eq!(menu.name, "MenuIntent");
        assert_eq!(
            m.match_utterance("help", today()).unwrap().name,
            "AMAZON.HelpIntent"
        );
        assert_eq!(
            m.match_utterance("tea", today()).unwrap().name,
            "OrderIntent"
        );
        assert_eq!(
            m.match_utterance("sing me a song", today()).unwrap().name,
            "AMAZON.FallbackIntent"
        );
        let long = "tea ".repeat(10_000);
        let i = m.match_utterance(&long, today()).unwrap();
        assert_eq!(i.name, "AMAZON.FallbackIntent");
        let n = m.match_utterance("twenty five", today()).unwrap();
        assert_eq!(
            (n.name.as_str(), n.slot_value("n")),
            ("CountIntent", Some("25"))
        );
    }

    #[test]
    fn adjacent_slots_split_where_their_types_say() {
        let m = model();
        let i = m
            .match_utterance("I was born on November sixth nineteen ninety", today())
            .unwrap();
        assert_eq!(i.name, "BirthdayIntent");
        assert_eq!(i.slot_value("month"), Some("november"));
        assert_eq!(i.slot_value("day"), Some("6"));
        assert_eq!(i.slot_value("year"), Some("1990"));
        assert_eq!(
            m.match_utterance("I was born in November", today())
                .unwrap()
                .name,
            "AMAZON.FallbackIntent"
        );
        let two = m.match_utterance("november sixth", today()).unwrap();
        assert_eq!(two.slot_value("day"), Some("6"));
        assert!(two.slot("year").is_some_and(|s| s.value.is_none()));
        let answer = m
            .match_slot_answer("BirthdayIntent", "year", "nineteen ninety", today())
            .unwrap();
        assert_eq!(answer.slot_value("year"), Some("1990"));
    }

    #[test]
    fn launch_and_one_shot_phrases() {
        let m = model();
        assert_eq!(
            m.opening("open coffee shop"),
            Some(Opening::Launch { explicit: true })
        );
        assert_eq!(
            m.opening("Coffee shop"),
            Some(Opening::Launch { explicit: false })
        );
        assert_eq!(
            m.opening("ask coffee shop to order tea"),
            Some(Opening::OneShot("order tea".into()))
        );
        assert_eq!(m.opening("menu"), None);
        assert_eq!(
            m.strip_wake_word("Alexa, open coffee shop"),
            "open coffee shop"
        );
    }
}
