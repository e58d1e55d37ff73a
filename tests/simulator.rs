//! The dialog simulator in all 17 locales, driven through its library entry
//! point (`local::Simulator`) against a real skill and a real interaction
//! model per locale (written from the phrases below): spoken numbers and
//! ordinals, a date, a duration, two and three adjacent slots, a fallback,
//! a delegated dialog with elicitation and confirmation, an elicitation the
//! skill asks for, launch and one-shot phrases, per-script normalisation.

use std::path::{Path, PathBuf};

use alexa_kit::local::{Simulator, Turn};
use alexa_kit::model::{DialogState, Intent};
use alexa_kit::prelude::*;
use alexa_kit::slots::{Date, Day, Duration, Month, Number, Ordinal};
use serde_json::json;

const LOCALES: [&str; 17] = [
    "ar-SA", "de-DE", "en-AU", "en-CA", "en-GB", "en-IN", "en-US", "es-ES", "es-MX", "es-US",
    "fr-CA", "fr-FR", "hi-IN", "it-IT", "ja-JP", "nl-NL", "pt-BR",
];

/// One language's model phrases and what a user says.
struct Phrases {
    invocation: &'static str,
    /// CaptureBirthdayIntent: all three slots, two slots, the year alone.
    birthday: [&'static str; 3],
    /// Elicitation samples of month, day, year.
    slot_samples: [&'static str; 3],
    number: &'static str,
    number_one_shot: &'static str,
    date: &'static str,
    timer: &'static str,
    /// Said by the user.
    three_slots: &'static str,
    two_slots: &'static str,
    /// The two-slot utterance with punctuation and script variants.
    noisy: &'static str,
    year_alone: &'static str,
    month_answer: &'static str,
    day_answer: &'static str,
    year_answer: &'static str,
    yes: &'static str,
    /// (utterance, number) with a spoken number.
    pick: (&'static str, u64),
    /// Asks to be reminded tomorrow (today is Sunday 2026-11-29).
    remind_tomorrow: &'static str,
    /// Asks to be reminded without saying when.
    remind: &'static str,
    /// Answers "next Monday" (2026-11-30) or a date.
    when_answer: (&'static str, &'static str),
    /// A timer of five minutes.
    timer_five_minutes: &'static str,
    fallback: &'static str,
    open: &'static str,
    /// (one-shot utterance, number).
    one_shot: (&'static str, u64),
}

fn phrases(locale: &str) -> Phrases {
    match &locale[..2] {
        "en" => Phrases {
            invocation: "birthday notes",
            birthday: [
                "i was born on {month} {day} {year}",
                "my birthday's {month} {day}",
                "i was born in {year}",
            ],
            slot_samples: ["{month}", "the {day}", "in {year}"],
            number: "pick {count}",
            number_one_shot: "to pick {count}",
            date: "remind me {when}",
            timer: "set a timer for {length}",
            three_slots: "I was born on November sixth nineteen ninety",
            two_slots: "my birthday's november sixth",
            noisy: "My Birthday’s November, sixth!",
            year_alone: "I was born in nineteen ninety",
            month_answer: "november",
            day_answer: "the first",
            year_answer: "nineteen ninety",
            yes: "yes",
            pick: ("pick twenty five", 25),
            remind_tomorrow: "remind me tomorrow",
            remind: "remind me",
            when_answer: ("next monday", "2026-11-30"),
            timer_five_minutes: "set a timer for five minutes",
            fallback: "sing me a song about tractors",
            open: "open birthday notes",
            one_shot: ("ask birthday notes to pick forty two", 42),
        },
        "de" => Phrases {
            invocation: "geburtstag",
            birthday: [
                "ich bin am {day} {month} {year} geboren",
                "mein geburtstag ist am {day} {month}",
                "ich bin {year} geboren",
            ],
            slot_samples: ["{month}", "am {day}", "{year}"],
            number: "wähle {count}",
            number_one_shot: "{count}",
            date: "erinnere mich {when}",
            timer: "stelle einen timer für {length}",
            three_slots: "ich bin am sechsten november neunzehnhundertneunzig geboren",
            two_slots: "mein geburtstag ist am sechsten november",
            noisy: "Mein Geburtstag ist am sechsten November!",
            year_alone: "ich bin neunzehnhundertneunzig geboren",
            month_answer: "November",
            day_answer: "am ersten",
            year_answer: "neunzehnhundertneunzig",
            yes: "ja",
            pick: ("wähle zweiundvierzig", 42),
            remind_tomorrow: "erinnere mich morgen",
            remind: "erinnere mich",
            when_answer: ("nächsten montag", "2026-11-30"),
            timer_five_minutes: "stelle einen timer für fünf minuten",
            fallback: "sing mir ein lied über traktoren",
            open: "öffne geburtstag",
            one_shot: ("frag geburtstag wähle einundzwanzig", 21),
        },
        "es" => Phrases {
            invocation: "cumpleaños",
            birthday: [
                "nací el {day} de {month} de {year}",
                "mi cumpleaños es el {day} de {month}",
                "nací en {year}",
            ],
            slot_samples: ["{month}", "el {day}", "en {year}"],
            number: "elige {count}",
            number_one_shot: "elija {count}",
            date: "recuérdame {when}",
            timer: "pon un temporizador de {length}",
            three_slots: "nací el seis de noviembre de mil novecientos noventa",
            two_slots: "mi cumpleaños es el seis de noviembre",
            noisy: "¡Mi cumplean\u{303}os es el seis de noviembre!",
            year_alone: "nací en mil novecientos noventa",
            month_answer: "noviembre",
            day_answer: "el primero",
            year_answer: "mil novecientos noventa",
            yes: "sí",
            pick: ("elige veinticinco", 25),
            remind_tomorrow: "recuérdame mañana",
            remind: "recuérdame",
            when_answer: ("el próximo lunes", "2026-11-30"),
            timer_five_minutes: "pon un temporizador de cinco minutos",
            fallback: "cántame una canción sobre tractores",
            open: "abre cumpleaños",
            one_shot: ("pide a cumpleaños que elija cincuenta y cinco", 55),
        },
        "fr" => Phrases {
            invocation: "anniversaire",
            birthday: [
                "je suis né le {day} {month} {year}",
                "mon anniversaire est le {day} {month}",
                "je suis né en {year}",
            ],
            slot_samples: ["{month}", "le {day}", "en {year}"],
            number: "choisis {count}",
            number_one_shot: "choisir {count}",
            date: "rappelle-moi {when}",
            timer: "mets un minuteur de {length}",
            three_slots: "je suis né le six novembre mille neuf cent quatre-vingt-dix",
            two_slots: "mon anniversaire est le six novembre",
            noisy: "Mon anniversaire est le six novembre !",
            year_alone: "je suis né en mille neuf cent quatre-vingt-dix",
            month_answer: "novembre",
            day_answer: "le premier",
            year_answer: "mille neuf cent quatre-vingt-dix",
            yes: "oui",
            pick: ("choisis soixante-douze", 72),
            remind_tomorrow: "rappelle-moi demain",
            remind: "rappelle-moi",
            when_answer: ("lundi prochain", "2026-11-30"),
            timer_five_minutes: "mets un minuteur de cinq minutes",
            fallback: "chante-moi une chanson sur les tracteurs",
            open: "ouvre anniversaire",
            one_shot: (
                "demande à anniversaire de choisir quatre-vingt-dix-neuf",
                99,
            ),
        },
        "it" => Phrases {
            invocation: "compleanno",
            birthday: [
                "sono nato il {day} {month} {year}",
                "il mio compleanno è il {day} {month}",
                "sono nato nel {year}",
            ],
            slot_samples: ["{month}", "il {day}", "nel {year}"],
            number: "scegli {count}",
            number_one_shot: "scegliere {count}",
            date: "ricordamelo {when}",
            timer: "imposta un timer di {length}",
            three_slots: "sono nato il sei novembre millenovecentonovanta",
            two_slots: "il mio compleanno è il sei novembre",
            noisy: "Il mio compleanno e\u{300} il sei novembre.",
            year_alone: "sono nato nel millenovecentonovanta",
            month_answer: "novembre",
            day_answer: "il primo",
            year_answer: "millenovecentonovanta",
            yes: "sì",
            pick: ("scegli ventitré", 23),
            remind_tomorrow: "ricordamelo domani",
            remind: "ricordamelo",
            when_answer: ("lunedì prossimo", "2026-11-30"),
            timer_five_minutes: "imposta un timer di cinque minuti",
            fallback: "cantami una canzone sui trattori",
            open: "apri compleanno",
            one_shot: ("chiedi a compleanno di scegliere trentotto", 38),
        },
        "nl" => Phrases {
            invocation: "verjaardag",
            birthday: [
                "ik ben geboren op {day} {month} {year}",
                "mijn verjaardag is op {day} {month}",
                "ik ben geboren in {year}",
            ],
            slot_samples: ["{month}", "de {day}", "in {year}"],
            number: "kies {count}",
            number_one_shot: "{count} te kiezen",
            date: "herinner me {when}",
            timer: "zet een timer voor {length}",
            three_slots: "ik ben geboren op zes november negentienhonderdnegentig",
            two_slots: "mijn verjaardag is op zes november",
            noisy: "Mijn verjaardag is op zes november!",
            year_alone: "ik ben geboren in negentienhonderdnegentig",
            month_answer: "november",
            day_answer: "de eerste",
            year_answer: "negentienhonderdnegentig",
            yes: "ja",
            pick: ("kies tweeënveertig", 42),
            remind_tomorrow: "herinner me morgen",
            remind: "herinner me",
            when_answer: ("volgende maandag", "2026-11-30"),
            timer_five_minutes: "zet een timer voor vijf minuten",
            fallback: "zing een liedje over tractoren",
            open: "open verjaardag",
            one_shot: ("vraag verjaardag om zevenendertig te kiezen", 37),
        },
        "pt" => Phrases {
            invocation: "aniversário",
            birthday: [
                "eu nasci em {day} de {month} de {year}",
                "meu aniversário é {day} de {month}",
                "eu nasci em {year}",
            ],
            slot_samples: ["{month}", "dia {day}", "em {year}"],
            number: "escolha {count}",
            number_one_shot: "escolher {count}",
            date: "me lembre {when}",
            timer: "coloque um timer de {length}",
            three_slots: "eu nasci em seis de novembro de mil novecentos e noventa",
            two_slots: "meu aniversário é seis de novembro",
            noisy: "Meu aniversário é seis de novembro!",
            year_alone: "eu nasci em mil novecentos e noventa",
            month_answer: "novembro",
            day_answer: "dia primeiro",
            year_answer: "mil novecentos e noventa",
            yes: "sim",
            pick: ("escolha vinte e cinco", 25),
            remind_tomorrow: "me lembre amanhã",
            remind: "me lembre",
            when_answer: ("próxima segunda", "2026-11-30"),
            timer_five_minutes: "coloque um timer de cinco minutos",
            fallback: "cante uma música sobre tratores",
            open: "abra aniversário",
            one_shot: ("peça ao aniversário para escolher sessenta e um", 61),
        },
        "ja" => Phrases {
            invocation: "誕生日メモ",
            birthday: [
                "私は{year}年{month}{day}生まれです",
                "誕生日は{month}{day}です",
                "私は{year}年生まれです",
            ],
            slot_samples: ["{month}", "{day}です", "{year}年"],
            number: "{count}を選んで",
            number_one_shot: "{count}を選んで",
            date: "{when}に思い出させて",
            timer: "{length}のタイマーをセットして",
            three_slots: "私は千九百九十年十一月六日生まれです",
            two_slots: "誕生日は十一月六日です",
            noisy: "誕生日は、十一月六日です。",
            year_alone: "私は千九百九十年生まれです",
            month_answer: "十一月",
            day_answer: "一日です",
            year_answer: "千九百九十年",
            yes: "はい",
            pick: ("四十二を選んで", 42),
            remind_tomorrow: "明日に思い出させて",
            remind: "思い出させて",
            when_answer: ("十二月三日", "2026-12-03"),
            timer_five_minutes: "五分のタイマーをセットして",
            fallback: "トラクターの歌を歌って",
            open: "誕生日メモを開いて",
            one_shot: ("誕生日メモで二十六を選んで", 26),
        },
        "hi" => Phrases {
            invocation: "जन्मदिन",
            birthday: [
                "मेरा जन्म {day} {month} {year} को हुआ",
                "मेरा जन्मदिन {day} {month} को है",
                "मेरा जन्म {year} में हुआ",
            ],
            slot_samples: ["{month}", "{day} तारीख", "{year} में"],
            number: "{count} चुनो",
            number_one_shot: "{count} चुनो",
            date: "मुझे {when} याद दिलाना",
            timer: "{length} का टाइमर लगाओ",
            three_slots: "मेरा जन्म छह नवंबर उन्नीस सौ नब्बे को हुआ",
            two_slots: "मेरा जन्मदिन छह नवंबर को है",
            noisy: "मेरा जन्मदिन छह नवम्बर को है।",
            year_alone: "मेरा जन्म उन्नीस सौ नब्बे में हुआ",
            month_answer: "नवंबर",
            day_answer: "पहली तारीख",
            year_answer: "उन्नीस सौ नब्बे",
            yes: "हाँ",
            pick: ("पच्चीस चुनो", 25),
            remind_tomorrow: "मुझे कल याद दिलाना",
            remind: "मुझे याद दिलाना",
            when_answer: ("अगले सोमवार", "2026-11-30"),
            timer_five_minutes: "पाँच मिनट का टाइमर लगाओ",
            fallback: "ट्रैक्टर के बारे में गाना गाओ",
            open: "जन्मदिन खोलो",
            one_shot: ("जन्मदिन से चौंतीस चुनो", 34),
        },
        _ => Phrases {
            invocation: "عيد ميلادي",
            birthday: [
                "ولدت في {day} {month} {year}",
                "عيد ميلادي في {day} {month}",
                "ولدت عام {year}",
            ],
            slot_samples: ["{month}", "في {day}", "عام {year}"],
            number: "اختر {count}",
            number_one_shot: "{count}",
            date: "ذكرني {when}",
            timer: "اضبط مؤقتا لمدة {length}",
            three_slots: "ولدت في ستة نوفمبر ألف وتسعمائة وتسعين",
            two_slots: "عيد ميلادي في ستة نوفمبر",
            noisy: "عيدُ ميلادي في ستةٍ نوفمبر؟",
            year_alone: "ولدت عام ألف وتسعمائة وتسعين",
            month_answer: "نوفمبر",
            day_answer: "الأول",
            year_answer: "ألف وتسعمائة وتسعين",
            yes: "نعم",
            pick: ("اختر خمسة وعشرين", 25),
            remind_tomorrow: "ذكرني غدا",
            remind: "ذكرني",
            when_answer: ("الاثنين القادم", "2026-11-30"),
            timer_five_minutes: "اضبط مؤقتا لمدة خمس دقائق",
            fallback: "غن لي أغنية عن الجرارات",
            open: "افتح عيد ميلادي",
            one_shot: ("اسأل عيد ميلادي اختر ثلاثة وأربعين", 43),
        },
    }
}

/// Writes `<dir>/interactionModels/custom/<locale>.json` and returns `dir`.
fn skill_package(locale: &str) -> PathBuf {
    let p = phrases(locale);
    let dir = std::env::temp_dir().join(format!(
        "alexa-kit-simulator-{}-{locale}",
        std::process::id()
    ));
    let custom = dir.join("interactionModels").join("custom");
    std::fs::create_dir_all(&custom).unwrap();
    let slot =
        |name: &str, ty: &str, sample: &str| json!({"name": name, "type": ty, "samples": [sample]});
    let prompt = |id: &str, text: &str| json!({"id": id, "variations": [{"type": "PlainText", "value": text}]});
    let model = json!({"interactionModel": {
        "languageModel": {
            "invocationName": p.invocation,
            "intents": [
                {"name": "CaptureBirthdayIntent", "samples": p.birthday, "slots": [
                    slot("month", "AMAZON.Month", p.slot_samples[0]),
                    slot("day", "AMAZON.Ordinal", p.slot_samples[1]),
                    slot("year", "AMAZON.FOUR_DIGIT_NUMBER", p.slot_samples[2])]},
                {"name": "NumberIntent", "samples": [p.number, p.number_one_shot],
                 "slots": [{"name": "count", "type": "AMAZON.NUMBER"}]},
                {"name": "DateIntent", "samples": [p.date, p.remind],
                 "slots": [{"name": "when", "type": "AMAZON.DATE"}]},
                {"name": "TimerIntent", "samples": [p.timer],
                 "slots": [{"name": "length", "type": "AMAZON.DURATION"}]},
                {"name": "AMAZON.YesIntent", "samples": []},
                {"name": "AMAZON.NoIntent", "samples": []},
                {"name": "AMAZON.HelpIntent", "samples": []},
                {"name": "AMAZON.StopIntent", "samples": []},
                {"name": "AMAZON.CancelIntent", "samples": []},
                {"name": "AMAZON.FallbackIntent", "samples": []}
            ]
        },
        "dialog": {
            "delegationStrategy": "ALWAYS",
            "intents": [
                {"name": "CaptureBirthdayIntent", "confirmationRequired": true,
                 "prompts": {"confirmation": "Confirm.Intent"},
                 "slots": [
                    {"name": "month", "type": "AMAZON.Month", "elicitationRequired": true,
                     "confirmationRequired": false, "prompts": {"elicitation": "Elicit.Month"}},
                    {"name": "day", "type": "AMAZON.Ordinal", "elicitationRequired": true,
                     "confirmationRequired": false, "prompts": {"elicitation": "Elicit.Day"}},
                    {"name": "year", "type": "AMAZON.FOUR_DIGIT_NUMBER", "elicitationRequired": true,
                     "confirmationRequired": false, "prompts": {"elicitation": "Elicit.Year"}}]},
                {"name": "DateIntent", "delegationStrategy": "SKILL_RESPONSE", "confirmationRequired": false,
                 "prompts": {}, "slots": [{"name": "when", "type": "AMAZON.DATE",
                    "elicitationRequired": false, "confirmationRequired": false, "prompts": {}}]}
            ]
        },
        "prompts": [
            prompt("Elicit.Month", "PROMPT month?"),
            prompt("Elicit.Day", "PROMPT day of {month}?"),
            prompt("Elicit.Year", "PROMPT year?"),
            prompt("Confirm.Intent", "PROMPT confirm {month} {day} {year}?")
        ]
    }});
    std::fs::write(
        custom.join(format!("{locale}.json")),
        serde_json::to_string_pretty(&model).unwrap(),
    )
    .unwrap();
    dir
}

/// The skill under test: answers in ASCII with the typed slot values it read.
fn skill() -> Skill {
    Skill::builder()
        .on_launch(async |cx: &mut Input| Ok(cx.say("welcome").keep_session_open()))
        .intent("CaptureBirthdayIntent", async |cx: &mut Input| {
            assert_eq!(cx.dialog_state(), Some(DialogState::Completed));
            let month: Option<Month> = cx.slot_as("month")?;
            let day: Option<Ordinal> = cx.slot_as("day")?;
            let year: Option<Number> = cx.slot_as("year")?;
            let speech = format!(
                "birthday {} {} {}",
                month.map_or(0, |m| m.number()),
                day.map_or(0, |d| d.0),
                year.map_or(0, |y| y.0)
            );
            Ok(cx.say(speech).keep_session_open())
        })
        .intent("NumberIntent", async |cx: &mut Input| {
            let n: Option<Number> = cx.slot_as("count")?;
            Ok(cx
                .say(format!("number {}", n.map_or(-1, |n| n.0)))
                .keep_session_open())
        })
        .intent("DateIntent", async |cx: &mut Input| {
            match cx.slot_as::<Date>("when")? {
                Some(date) => Ok(cx.say(format!("date {date}")).keep_session_open()),
                None => Ok(cx.say("when").elicit_slot("when", None)),
            }
        })
        .intent("TimerIntent", async |cx: &mut Input| {
            let d: Option<Duration> = cx.slot_as("length")?;
            Ok(cx
                .say(format!(
                    "timer {}",
                    d.map(|d| d.to_string()).unwrap_or_default()
                ))
                .keep_session_open())
        })
        .build()
        .unwrap()
}

fn today() -> Day {
    Day::new(2026, 11, 29).unwrap()
}

async fn say(sim: &mut Simulator<'_>, locale: &str, utterance: &str) -> Turn {
    sim.say(utterance)
        .await
        .unwrap_or_else(|e| panic!("{locale}: `{utterance}` failed: {e}"))
}

fn speech(turn: &Turn) -> &str {
    turn.speech.as_deref().unwrap_or("")
}

fn intent_name(turn: &Turn) -> &str {
    turn.intent().map_or("", |i: &Intent| i.name.as_str())
}

async fn converse(locale: &str, package: &Path) {
    let skill = skill();
    let p = phrases(locale);
    let mut sim = Simulator::new(&skill, package, locale)
        .unwrap()
        .today(today());
    let ctx = |what: &str, turn: &Turn| {
        format!(
            "{locale} {what}: intent {:?}, notes {:?}",
            turn.intent(),
            turn.notes
        )
    };

    let turn = sim.launch().await.unwrap();
    assert_eq!(speech(&turn), "welcome", "{}", ctx("launch", &turn));

    // Three adjacent slots: spoken month, ordinal (or day number) and year; confirm, complete.
    let turn = say(&mut sim, locale, p.three_slots).await;
    assert!(
        turn.requests.is_empty(),
        "{}",
        ctx("auto-delegation asks first", &turn)
    );
    assert_eq!(
        speech(&turn),
        "PROMPT confirm {month} {day} {year}?"
            .replace("{month}", month_value(locale, p.three_slots).as_str())
            .replace("{day}", "6")
            .replace("{year}", "1990"),
        "{}",
        ctx("three slots", &turn)
    );
    let turn = say(&mut sim, locale, p.yes).await;
    assert_eq!(
        speech(&turn),
        "birthday 11 6 1990",
        "{}",
        ctx("three slots, confirmed", &turn)
    );
    assert_eq!(turn.dialog_state(), Some(DialogState::Completed));

    // Two adjacent slots, then the year is elicited with the model's prompt.
    for two in [p.two_slots, p.noisy] {
        let turn = say(&mut sim, locale, two).await;
        assert_eq!(speech(&turn), "PROMPT year?", "{}", ctx("two slots", &turn));
        let turn = say(&mut sim, locale, p.year_answer).await;
        assert!(
            speech(&turn).starts_with("PROMPT confirm"),
            "{}",
            ctx("year answer", &turn)
        );
        let turn = say(&mut sim, locale, p.yes).await;
        assert_eq!(
            speech(&turn),
            "birthday 11 6 1990",
            "{}",
            ctx("two slots, confirmed", &turn)
        );
    }

    // A full delegated dialog: year first, then month and day are asked for.
    let turn = say(&mut sim, locale, p.year_alone).await;
    assert_eq!(
        speech(&turn),
        "PROMPT month?",
        "{}",
        ctx("year alone", &turn)
    );
    let turn = say(&mut sim, locale, p.month_answer).await;
    assert!(
        speech(&turn).starts_with("PROMPT day of "),
        "{}",
        ctx("month answer", &turn)
    );
    let turn = say(&mut sim, locale, p.day_answer).await;
    assert!(
        speech(&turn).starts_with("PROMPT confirm"),
        "{}",
        ctx("day answer", &turn)
    );
    let turn = say(&mut sim, locale, p.yes).await;
    assert_eq!(
        speech(&turn),
        "birthday 11 1 1990",
        "{}",
        ctx("elicited dialog", &turn)
    );

    // Spoken numbers.
    let turn = say(&mut sim, locale, p.pick.0).await;
    assert_eq!(
        speech(&turn),
        format!("number {}", p.pick.1),
        "{}",
        ctx("number", &turn)
    );

    // A relative date, and an elicitation the skill asks for (Dialog.ElicitSlot).
    let turn = say(&mut sim, locale, p.remind_tomorrow).await;
    assert_eq!(speech(&turn), "date 2026-11-30", "{}", ctx("date", &turn));
    let turn = say(&mut sim, locale, p.remind).await;
    assert_eq!(
        turn.dialog_state(),
        Some(DialogState::Started),
        "{}",
        ctx("remind", &turn)
    );
    assert_eq!(speech(&turn), "when", "{}", ctx("remind", &turn));
    let turn = say(&mut sim, locale, p.when_answer.0).await;
    assert_eq!(
        turn.dialog_state(),
        Some(DialogState::InProgress),
        "{}",
        ctx("when", &turn)
    );
    assert_eq!(
        speech(&turn),
        format!("date {}", p.when_answer.1),
        "{}",
        ctx("when answer", &turn)
    );

    // A duration.
    let turn = say(&mut sim, locale, p.timer_five_minutes).await;
    assert_eq!(speech(&turn), "timer PT5M", "{}", ctx("duration", &turn));

    // Words that fit no sample.
    let turn = say(&mut sim, locale, p.fallback).await;
    assert_eq!(
        intent_name(&turn),
        "AMAZON.FallbackIntent",
        "{}",
        ctx("fallback", &turn)
    );

    // Relaunch in the middle of the session, then a one-shot request.
    let turn = say(&mut sim, locale, p.open).await;
    assert_eq!(speech(&turn), "welcome", "{}", ctx("relaunch", &turn));
    assert!(
        turn.requests[0].new_session,
        "{}",
        ctx("relaunch opens a new session", &turn)
    );
    let turn = say(&mut sim, locale, p.one_shot.0).await;
    assert_eq!(
        speech(&turn),
        format!("number {}", p.one_shot.1),
        "{}",
        ctx("one-shot", &turn)
    );
    sim.end().await.unwrap();
}

/// The month as the user said it, which AMAZON.Month sends as is.
fn month_value(locale: &str, utterance: &str) -> String {
    let lower = utterance.to_lowercase();
    let months = [
        "november",
        "noviembre",
        "novembre",
        "novembro",
        "十一月",
        "नवंबर",
        "نوفمبر",
    ];
    months
        .iter()
        .find(|m| lower.contains(*m))
        .map(|m| m.to_string())
        .unwrap_or_else(|| panic!("{locale}: no month in {utterance}"))
}

#[tokio::test(flavor = "current_thread")]
async fn the_simulator_understands_every_locale() {
    for locale in LOCALES {
        let package = skill_package(locale);
        converse(locale, &package).await;
        let _ = std::fs::remove_dir_all(&package);
    }
}

#[tokio::test(flavor = "current_thread")]
async fn the_hello_world_model_launches_with_each_languages_own_phrases() {
    let skill = Skill::builder()
        .on_launch(async |cx: &mut Input| Ok(cx.say("welcome").keep_session_open()))
        .intent("HelloWorldIntent", async |cx: &mut Input| {
            Ok(cx.say("hello").end_session())
        })
        .build()
        .unwrap();
    let package = Path::new(env!("CARGO_MANIFEST_DIR")).join("skill-package");
    let cases = [
        ("ja-JP", "ハローワールドを開いて", "こんにちは、世界！"),
        ("hi-IN", "नमस्ते दुनिया खोलो", "नमस्ते।"),
        ("ar-SA", "افتح مرحبا بالعالم", "مرحباً"),
        ("de-DE", "Alexa, öffne Hallo Welt", "Hallo!"),
        ("en-US", "open hello world", "say hello"),
    ];
    for (locale, open, hello) in cases {
        let mut sim = Simulator::new(&skill, &package, locale).unwrap();
        let turn = say(&mut sim, locale, open).await;
        assert_eq!(speech(&turn), "welcome", "{locale}: {turn:#?}");
        let turn = say(&mut sim, locale, hello).await;
        assert_eq!(
            intent_name(&turn),
            "HelloWorldIntent",
            "{locale}: {turn:#?}"
        );
        assert!(!turn.session_open);
    }
}

#[tokio::test(flavor = "current_thread")]
async fn confirmations_set_their_status_and_a_denied_slot_is_asked_again() {
    use alexa_kit::model::ConfirmationStatus;
    let dir = std::env::temp_dir().join(format!("alexa-kit-confirm-{}", std::process::id()));
    let custom = dir.join("interactionModels").join("custom");
    std::fs::create_dir_all(&custom).unwrap();
    let model = json!({"interactionModel": {
        "languageModel": {
            "invocationName": "trip planner",
            "intents": [
                {"name": "BookIntent", "samples": ["book a trip to {city}", "book a trip"],
                 "slots": [{"name": "city", "type": "City", "samples": ["to {city}"]}]},
                {"name": "PlanIntent", "samples": ["plan a trip to {city}"],
                 "slots": [{"name": "city", "type": "City"}]},
                {"name": "AMAZON.YesIntent", "samples": []},
                {"name": "AMAZON.NoIntent", "samples": []},
                {"name": "AMAZON.StopIntent", "samples": []}
            ],
            "types": [{"name": "City", "values": [
                {"id": "PAR", "name": {"value": "Paris", "synonyms": ["the city of light"]}},
                {"id": "ROM", "name": {"value": "Rome"}}]}]
        },
        "dialog": {"intents": [
            {"name": "BookIntent", "delegationStrategy": "SKILL_RESPONSE", "confirmationRequired": false,
             "prompts": {}, "slots": [{"name": "city", "type": "City", "elicitationRequired": true,
                "confirmationRequired": false, "prompts": {"elicitation": "Elicit.City"}}]},
            {"name": "PlanIntent", "delegationStrategy": "ALWAYS", "confirmationRequired": false,
             "prompts": {}, "slots": [{"name": "city", "type": "City", "elicitationRequired": true,
                "confirmationRequired": true,
                "prompts": {"elicitation": "Elicit.City", "confirmation": "Confirm.City"}}]}
        ]},
        "prompts": [
            {"id": "Elicit.City", "variations": [{"type": "PlainText", "value": "Which city?"}]},
            {"id": "Confirm.City", "variations": [{"type": "SSML", "value": "<speak>{city}, right?</speak>"}]}
        ]
    }});
    std::fs::write(custom.join("en-US.json"), model.to_string()).unwrap();

    // The skill drives BookIntent itself: Delegate, then ConfirmSlot, then ConfirmIntent.
    let skill = Skill::builder()
        .intent("BookIntent", async |cx: &mut Input| {
            let intent = cx.intent().cloned().unwrap();
            let city = intent.slot("city").cloned().unwrap_or_default();
            let id = cx
                .resolved("city")
                .and_then(|v| v.id.clone())
                .unwrap_or_default();
            Ok(
                match (
                    city.value.is_some(),
                    &city.confirmation_status,
                    &intent.confirmation_status,
                ) {
                    (false, _, _) => cx.response().delegate_dialog(None),
                    (true, ConfirmationStatus::None, _) => {
                        cx.say(format!("{id}?")).confirm_slot("city", None)
                    }
                    (true, ConfirmationStatus::Denied, _) => {
                        cx.say("where then").elicit_slot("city", None)
                    }
                    (true, _, ConfirmationStatus::None) => cx.say("book it?").confirm_intent(None),
                    (true, _, ConfirmationStatus::Confirmed) => {
                        cx.say(format!("booked {id}")).end_session()
                    }
                    (true, _, _) => cx.say("not booked").end_session(),
                },
            )
        })
        .intent("PlanIntent", async |cx: &mut Input| {
            let id = cx
                .resolved("city")
                .and_then(|v| v.id.clone())
                .unwrap_or_default();
            Ok(cx.say(format!("planned {id}")).end_session())
        })
        .build()
        .unwrap();
    let mut sim = Simulator::new(&skill, &dir, "en-US").unwrap();
    let script = [
        ("open trip planner", None, "The trip planner skill"),
        ("book a trip", Some(DialogState::Started), "Which city?"),
        (
            "to the city of light",
            Some(DialogState::InProgress),
            "PAR?",
        ),
        ("no", Some(DialogState::InProgress), "where then"),
        ("rome", Some(DialogState::InProgress), "ROM?"),
        ("yes", Some(DialogState::InProgress), "book it?"),
        ("yes", Some(DialogState::InProgress), "booked ROM"),
        // Alexa's own dialog: a confirmed slot; a denied one is asked for again.
        ("plan a trip to paris", None, "paris, right?"),
        ("no", None, "Which city?"),
        ("rome", None, "rome, right?"),
        ("yes", Some(DialogState::Completed), "planned ROM"),
    ];
    for (said, state, answer) in script {
        let turn = say(&mut sim, "en-US", said).await;
        if answer.starts_with("The trip") {
            assert_eq!(turn.requests[0].request_type, "LaunchRequest");
            continue;
        }
        assert_eq!(speech(&turn), answer, "`{said}`: {turn:?}");
        if state.is_some() {
            assert_eq!(turn.dialog_state(), state, "`{said}`: {turn:?}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
