//! The birthday countdown example in every Alexa locale, compiled from the
//! example's own source with its real Fluent files and skill package.

mod support;

#[path = "../examples/birthday/countdown.rs"]
mod countdown;
#[path = "../examples/birthday/platform.rs"]
mod platform;
#[path = "../examples/birthday/skill.rs"]
mod skill;

use alexa_kit::args;
use alexa_kit::i18n::{ALEXA_LOCALES, BUILTIN_MESSAGE_IDS, Locales};
use alexa_kit::model::{Directive, Timestamp};
use alexa_kit::testing::{self, Conversation, Device, RequestBuilder};
use countdown::{Birthday, Countdown};
use jiff::civil::date;
use support::block_on;

/// Every message id the skill formats.
const MESSAGES: [&str; 15] = [
    "welcome",
    "welcome-reprompt",
    "welcome-back",
    "help",
    "help-reprompt",
    "month-name",
    "birthday-date",
    "birthday-saved",
    "countdown",
    "happy-birthday",
    "leap-day-note",
    "invalid-date",
    "goodbye",
    "cancelled",
    "fallback",
];

fn locales() -> Locales {
    skill::locales().expect("the example's .ftl files load")
}

#[test]
fn every_locale_has_every_message_with_the_same_variables() {
    let locales = locales();
    locales
        .check_complete()
        .expect("every locale has every message");
    let mut ids = MESSAGES.to_vec();
    ids.extend(BUILTIN_MESSAGE_IDS);
    locales
        .check_ids(&ids)
        .expect("every id the skill uses exists");
}

/// Formats `id` and checks that nothing was left unresolved.
fn format(locales: &Locales, locale: &str, id: &str, args: &alexa_kit::i18n::FluentArgs) -> String {
    let text = locales.localizer(Some(locale)).t_args(id, args);
    assert!(!text.is_empty(), "{locale} {id}");
    assert!(
        !text.contains(['{', '}']),
        "{locale} {id}: unresolved: {text}"
    );
    assert_eq!(text, text.trim(), "{locale} {id}: stray blanks");
    text
}

#[test]
fn plurals_follow_each_languages_rules_and_counts_are_digits() {
    let locales = locales();
    for locale in ALEXA_LOCALES {
        for days in [2, 3, 5, 11, 21, 100, 101, 102, 200, 365] {
            for age in [1, 2, 3, 11, 21, 36, 100] {
                let text = format(
                    &locales,
                    locale,
                    "countdown",
                    &args!["days" => days, "age" => age],
                );
                // Arabic says "two days" and "one year" as words (the dual); every
                // other count is spoken as digits.
                if !(locale == "ar-SA" && days == 2) {
                    assert!(text.contains(&days.to_string()), "{locale}: {text}");
                }
                if !(locale == "ar-SA" && age <= 2) {
                    assert!(text.contains(&age.to_string()), "{locale}: {text}");
                }
            }
        }
        let tomorrow = format(
            &locales,
            locale,
            "countdown",
            &args!["days" => 1, "age" => 30],
        );
        let later = format(
            &locales,
            locale,
            "countdown",
            &args!["days" => 30, "age" => 30],
        );
        assert_ne!(
            tomorrow, later,
            "{locale}: one day left is said differently"
        );
    }

    // Arabic has six plural forms; each one is its own wording.
    let forms: Vec<String> = [0, 1, 2, 3, 11, 100]
        .iter()
        .map(|&days| {
            format(
                &locales,
                "ar-SA",
                "countdown",
                &args!["days" => days, "age" => 30],
            )
        })
        .collect();
    let distinct: std::collections::BTreeSet<&String> = forms.iter().collect();
    assert_eq!(distinct.len(), 6, "{forms:#?}");
    assert!(forms[2].contains("يومان"), "dual: {}", forms[2]);
    assert!(forms[3].contains("3 أيام"), "few: {}", forms[3]);
    assert!(forms[4].contains("11 يوماً"), "many: {}", forms[4]);
    assert!(
        forms[5].ends_with(": 100. وستبلغ 30 عاماً."),
        "other: {}",
        forms[5]
    );
    let ages: std::collections::BTreeSet<String> = [0, 1, 2, 3, 11, 100]
        .iter()
        .map(|&age| format(&locales, "ar-SA", "happy-birthday", &args!["age" => age]))
        .collect();
    assert_eq!(ages.len(), 6, "{ages:#?}");

    // Where a language has a singular, a one-year-old is not "1 years".
    for (locale, one, many) in [
        ("es-MX", "1 año", "2 años"),
        ("fr-FR", "1 an", "2 ans"),
        ("it-IT", "1 anno", "2 anni"),
        ("pt-BR", "1 ano", "2 anos"),
    ] {
        let text = |age: i32| format(&locales, locale, "happy-birthday", &args!["age" => age]);
        assert!(
            text(1).contains(one) && !text(1).contains(many),
            "{locale}: {}",
            text(1)
        );
        assert!(text(2).contains(many), "{locale}: {}", text(2));
    }
}

#[test]
fn dates_are_said_in_each_languages_order_with_its_month_names() {
    let locales = locales();
    let date = |locale: &str, day: i32| {
        format(
            &locales,
            locale,
            "birthday-date",
            &args!["month" => 11, "day" => day, "year" => 1990],
        )
    };
    assert_eq!(date("en-US", 6), "November 6, 1990");
    assert_eq!(date("en-GB", 6), "6 November 1990");
    assert_eq!(date("en-IN", 6), "6 November 1990");
    assert_eq!(date("de-DE", 6), "6. November 1990");
    assert_eq!(date("es-ES", 6), "6 de noviembre de 1990");
    assert_eq!(date("fr-FR", 1), "1er novembre 1990");
    assert_eq!(date("fr-CA", 6), "6 novembre 1990");
    assert_eq!(date("it-IT", 1), "1º novembre 1990");
    assert_eq!(date("ja-JP", 6), "1990年11月6日");
    assert_eq!(date("nl-NL", 6), "6 november 1990");
    assert_eq!(date("pt-BR", 6), "6 de novembro de 1990");
    assert_eq!(date("hi-IN", 6), "6 नवंबर 1990");
    assert_eq!(date("ar-SA", 6), "6 نوفمبر 1990");
    // Italian elides the article before 8 and 11.
    let saved = |day: i32| {
        format(
            &locales,
            "it-IT",
            "birthday-saved",
            &args!["month" => 3, "day" => day, "year" => 1990],
        )
    };
    assert!(saved(8).contains("è l'8 marzo 1990"), "{}", saved(8));
    assert!(saved(6).contains("è il 6 marzo 1990"), "{}", saved(6));
}

#[test]
fn questions_end_what_keeps_the_session_open() {
    let locales = locales();
    for locale in ALEXA_LOCALES {
        for id in [
            "welcome",
            "welcome-reprompt",
            "help",
            "help-reprompt",
            "fallback",
            "fallback-reprompt",
        ] {
            let text = format(&locales, locale, id, &args![]);
            assert!(text.ends_with(['?', '？', '؟']), "{locale} {id}: {text}");
            if locale == "fr-FR" {
                assert!(
                    text.ends_with("\u{202f}?"),
                    "{locale} {id}: U+202F before ?"
                );
            }
        }
        let invalid = format(
            &locales,
            locale,
            "invalid-date",
            &args!["month" => 2, "day" => 30, "year" => 1990],
        );
        assert!(invalid.ends_with(['?', '？', '؟']), "{locale}: {invalid}");
    }
}

#[cfg(feature = "simulator")]
#[test]
fn the_interaction_models_and_the_code_agree() {
    let skill = skill::builder().build().expect("the example builds");
    let package =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/birthday/skill-package");
    alexa_kit::local::check_skill_package(&skill, &package, &ALEXA_LOCALES)
        .expect("models and handlers agree");
}

#[test]
fn the_countdown_counts_to_the_next_birthday() {
    let born = Birthday {
        month: 11,
        day: 6,
        year: 1990,
    };
    let count = |today| countdown::countdown(born, today);
    assert_eq!(
        count(date(2026, 11, 5)),
        Some(Countdown::Ahead {
            days: 1,
            age: 36,
            moved: false
        })
    );
    assert_eq!(
        count(date(2026, 11, 6)),
        Some(Countdown::Today {
            age: 36,
            moved: false
        })
    );
    assert_eq!(
        count(date(2026, 11, 7)),
        Some(Countdown::Ahead {
            days: 364,
            age: 37,
            moved: false
        })
    );
    // Across a leap day.
    assert_eq!(
        count(date(2027, 11, 7)),
        Some(Countdown::Ahead {
            days: 365,
            age: 38,
            moved: false
        })
    );

    // 29 February: 28 February in common years, 29 in leap years.
    let leap = Birthday {
        month: 2,
        day: 29,
        year: 2000,
    };
    let count = |today| countdown::countdown(leap, today);
    assert_eq!(
        count(date(2026, 1, 1)),
        Some(Countdown::Ahead {
            days: 58,
            age: 26,
            moved: true
        })
    );
    assert_eq!(
        count(date(2026, 2, 28)),
        Some(Countdown::Today {
            age: 26,
            moved: true
        })
    );
    assert_eq!(
        count(date(2026, 3, 1)),
        Some(Countdown::Ahead {
            days: 364,
            age: 27,
            moved: true
        })
    );
    assert_eq!(
        count(date(2027, 3, 1)),
        Some(Countdown::Ahead {
            days: 365,
            age: 28,
            moved: false
        })
    );
    assert_eq!(
        count(date(2028, 2, 29)),
        Some(Countdown::Today {
            age: 28,
            moved: false
        })
    );

    // Dates that do not exist or lie ahead are refused.
    let today = date(2026, 1, 1);
    assert!(
        Birthday {
            month: 2,
            day: 30,
            year: 1990
        }
        .checked(today)
        .is_none()
    );
    assert!(
        Birthday {
            month: 2,
            day: 29,
            year: 2001
        }
        .checked(today)
        .is_none()
    );
    assert!(
        Birthday {
            month: 1,
            day: 2,
            year: 2026
        }
        .checked(today)
        .is_none()
    );
    assert!(
        Birthday {
            month: 1,
            day: 1,
            year: 2026
        }
        .checked(today)
        .is_some()
    );
}

#[test]
fn today_depends_on_the_time_zone() {
    let now: jiff::Timestamp = "2026-01-01T03:00:00Z".parse().unwrap();
    assert_eq!(countdown::today_utc(now), date(2026, 1, 1));
    assert_eq!(
        countdown::today_in("Asia/Tokyo", now).unwrap(),
        date(2026, 1, 1)
    );
    assert_eq!(
        countdown::today_in("America/Los_Angeles", now).unwrap(),
        date(2025, 12, 31)
    );
    assert!(countdown::today_in("Mars/Olympus_Mons", now).is_err());
    // The request's timestamp is when the user spoke, in either format Alexa used.
    let iso = Timestamp::Iso("2026-01-01T03:00:00Z".to_owned());
    assert_eq!(countdown::request_time(Some(&iso)), Some(now));
    let millis = Timestamp::EpochMillis(now.as_millisecond());
    assert_eq!(countdown::request_time(Some(&millis)), Some(now));
    assert_eq!(
        countdown::request_time(Some(&Timestamp::Iso("yesterday".to_owned()))),
        None
    );
    assert_eq!(countdown::request_time(None), None);
}

/// The capture intent with all three slots, the month as Alexa sends it in
/// `locale` (its name in the skill's own words, upper-cased: any case works).
fn capture(locale: &str, month: i32, day: &str, year: &str) -> RequestBuilder {
    let name = locales()
        .localizer(Some(locale))
        .t_args("month-name", &args!["month" => month])
        .to_uppercase();
    testing::intent(skill::CAPTURE)
        .locale(locale)
        .slot("month", &name)
        .slot("day", day)
        .slot("year", year)
}

/// A conversation with `skill` whose Alexa APIs are answered offline by a
/// stand-in (with the `services` feature), never by Amazon.
fn offline(skill: &alexa_kit::Skill) -> Conversation {
    let talk = Conversation::new(skill);
    #[cfg(feature = "services")]
    let talk = talk.services(alexa_kit::local::StandIn::new());
    talk
}

/// A conversation in `locale` with a device whose requests are sent at `time`.
fn talk_at(skill: &alexa_kit::Skill, locale: &str, time: &str) -> Conversation {
    offline(skill)
        .locale(locale)
        .device(Device::new().timestamp(time))
}

/// What a person reads of `ssml` (the form `Turn::speech` gives).
fn plain(ssml: &str) -> String {
    alexa_kit::response::ssml::to_plain_text(ssml)
}

#[test]
fn a_first_launch_asks_for_the_birthday_and_keeps_the_session_open() {
    let skill = skill::builder().build().expect("the example builds");
    let locales = locales();
    block_on(async {
        for locale in ALEXA_LOCALES {
            let welcome = offline(&skill).locale(locale).launch().await.unwrap();
            welcome.assert_open();
            let l = locales.localizer(Some(locale));
            assert_eq!(welcome.speech(), l.t("welcome"), "{locale}");
            assert_eq!(
                welcome.reprompt(),
                Some(l.t("welcome-reprompt")),
                "{locale}"
            );
            let help = offline(&skill)
                .locale(locale)
                .intent("AMAZON.HelpIntent")
                .await
                .unwrap();
            help.assert_open();
            assert_eq!(help.speech(), l.t("help"), "{locale}");
            let stop = offline(&skill)
                .locale(locale)
                .intent("AMAZON.StopIntent")
                .await
                .unwrap();
            stop.assert_ended();
            assert_eq!(stop.speech(), l.t("goodbye"), "{locale}");
            let cancel = offline(&skill)
                .locale(locale)
                .intent("AMAZON.CancelIntent")
                .await
                .unwrap();
            cancel.assert_ended();
            assert_eq!(cancel.speech(), l.t("cancelled"), "{locale}");
            let fallback = offline(&skill)
                .locale(locale)
                .intent("AMAZON.FallbackIntent")
                .await
                .unwrap();
            fallback.assert_open();
            assert_eq!(fallback.speech(), l.t("fallback"), "{locale}");
        }
    });
}

#[test]
fn capture_stores_confirms_and_counts_in_every_locale() {
    let skill = skill::builder().build().expect("the example builds");
    let locales = locales();
    block_on(async {
        for locale in ALEXA_LOCALES {
            let l = locales.localizer(Some(locale));
            let date = args!["month" => 11, "day" => 6, "year" => 1990];
            // 2026-01-01 → 2026-11-06: 309 days, turning 36.
            let mut talk = talk_at(&skill, locale, "2026-01-01T12:00:00Z");
            let turn = talk.send(capture(locale, 11, "6", "1990")).await.unwrap();
            turn.assert_ended();
            let expected = skill::sentences(
                &l.t_args("birthday-saved", &date),
                &l.t_args("countdown", &args!["days" => 309, "age" => 36]),
            );
            assert_eq!(turn.speech(), plain(&expected), "{locale}");
            assert!(
                turn.speech().contains("309") && turn.speech().contains("36"),
                "{locale}"
            );

            // On the day itself: happy birthday with the age.
            let mut talk = talk_at(&skill, locale, "2026-11-06T12:00:00Z");
            let turn = talk.send(capture(locale, 11, "6", "1990")).await.unwrap();
            let wishes = l.t_args("happy-birthday", &args!["age" => 36]);
            assert!(
                turn.speech().ends_with(&plain(&wishes)),
                "{locale}: {}",
                turn.speech()
            );

            // Born on 29 February, counted to 28 February in 2026, with a word on why.
            let mut talk = talk_at(&skill, locale, "2026-01-01T12:00:00Z");
            let turn = talk.send(capture(locale, 2, "29", "2000")).await.unwrap();
            assert!(turn.speech().contains("58"), "{locale}: {}", turn.speech());
            assert!(
                turn.speech().ends_with(&plain(&l.t("leap-day-note"))),
                "{locale}"
            );
            // ... and on the day in a leap year, without the note.
            let mut talk = talk_at(&skill, locale, "2028-02-29T12:00:00Z");
            let turn = talk.send(capture(locale, 2, "29", "2000")).await.unwrap();
            let wishes = l.t_args("happy-birthday", &args!["age" => 28]);
            assert!(
                turn.speech().ends_with(&plain(&wishes)),
                "{locale}: {}",
                turn.speech()
            );
        }
    });
}

#[test]
fn missing_or_unusable_slots_are_delegated_to_the_dialog_model() {
    let skill = skill::builder().build().expect("the example builds");
    block_on(async {
        for locale in ALEXA_LOCALES {
            let request = testing::intent(skill::CAPTURE)
                .locale(locale)
                .slot("month", "smarch")
                .slot("day", "6")
                .dialog_state(alexa_kit::model::DialogState::Started);
            let turn = offline(&skill).locale(locale).send(request).await.unwrap();
            turn.assert_open();
            assert_eq!(
                turn.speech(),
                "",
                "{locale}: Dialog.Delegate carries no speech"
            );
            let [Directive::DialogDelegate(delegate)] = turn.directives() else {
                panic!(
                    "{locale}: expected one Dialog.Delegate, got {:?}",
                    turn.directives()
                );
            };
            let intent = delegate
                .updated_intent
                .as_ref()
                .expect("the updated intent");
            assert_eq!(
                intent.slot_value("month"),
                None,
                "{locale}: the unusable month is cleared"
            );
            assert_eq!(
                intent.slot_value("day"),
                Some("6"),
                "{locale}: the day is kept"
            );
        }
    });
}

#[test]
fn dates_that_do_not_exist_or_lie_ahead_are_asked_again() {
    let skill = skill::builder().build().expect("the example builds");
    let locales = locales();
    block_on(async {
        for locale in ALEXA_LOCALES {
            let l = locales.localizer(Some(locale));
            for (month, day, year) in [(2, 30, 1990), (2, 29, 2001), (6, 1, 2030)] {
                let mut talk = talk_at(&skill, locale, "2026-01-01T12:00:00Z");
                let turn = talk
                    .send(capture(locale, month, &day.to_string(), &year.to_string()))
                    .await
                    .unwrap();
                turn.assert_open();
                let expected = l.t_args(
                    "invalid-date",
                    &args!["month" => month, "day" => day, "year" => year],
                );
                assert_eq!(turn.speech(), plain(&expected), "{locale}");
            }
        }
    });
}

#[test]
fn a_relaunch_counts_down_and_wishes_happy_birthday_on_the_day_in_every_locale() {
    let skill = skill::builder().build().expect("the example builds");
    let locales = locales();
    block_on(async {
        for locale in ALEXA_LOCALES {
            let l = locales.localizer(Some(locale));
            let user = format!("amzn1.ask.account.{locale}");
            let device = |time: &str| Device::new().user_id(user.clone()).timestamp(time);
            let mut talk = offline(&skill)
                .locale(locale)
                .device(device("2026-01-01T12:00:00Z"));
            talk.launch().await.unwrap().assert_open();
            talk.send(capture(locale, 11, "6", "1990"))
                .await
                .unwrap()
                .assert_ended();

            // A new session, the same user: the birthday was kept.
            talk.end_session().await.unwrap();
            let turn = talk.launch().await.unwrap();
            turn.assert_ended();
            let countdown = l.t_args("countdown", &args!["days" => 309, "age" => 36]);
            let expected = skill::sentences(&l.t("welcome-back"), &countdown);
            assert_eq!(turn.speech(), plain(&expected), "{locale}");

            // On the day: happy birthday with the age; the day after: a year to go.
            let mut talk = talk.device(device("2026-11-06T08:00:00Z"));
            let turn = talk.launch().await.unwrap();
            let wishes = l.t_args("happy-birthday", &args!["age" => 36]);
            assert_eq!(
                turn.speech(),
                plain(&skill::sentences(&l.t("welcome-back"), &wishes)),
                "{locale}"
            );
            let mut talk = talk.device(device("2026-11-07T08:00:00Z"));
            let turn = talk.launch().await.unwrap();
            let countdown = l.t_args("countdown", &args!["days" => 364, "age" => 37]);
            assert_eq!(
                turn.speech(),
                plain(&skill::sentences(&l.t("welcome-back"), &countdown)),
                "{locale}"
            );

            // Another user on the same skill has no birthday yet.
            let mut stranger = offline(&skill)
                .locale(locale)
                .device(Device::new().user_id(format!("{user}.other")));
            stranger.launch().await.unwrap().assert_open();
        }
    });
}

#[test]
fn nothing_is_stored_when_the_date_is_refused() {
    let skill = skill::builder().build().expect("the example builds");
    block_on(async {
        let mut talk = offline(&skill).device(Device::new().timestamp("2026-01-01T12:00:00Z"));
        talk.send(capture("en-US", 2, "30", "1990"))
            .await
            .unwrap()
            .assert_open();
        talk.end_session().await.unwrap();
        // Still no birthday: the welcome asks for it again.
        let turn = talk.launch().await.unwrap();
        turn.assert_open();
        assert_eq!(
            turn.speech(),
            plain(&locales().localizer(Some("en-US")).t("welcome"))
        );
    });
}

#[cfg(feature = "services")]
#[test]
fn the_day_is_the_devices_day_from_the_settings_api_in_every_locale() {
    use alexa_kit::local::StandIn;
    let skill = skill::builder().build().expect("the example builds");
    let locales = locales();
    // 03:00 UTC on 1 January is still 31 December in Los Angeles.
    let at = "2026-01-01T03:00:00Z";
    block_on(async {
        for locale in ALEXA_LOCALES {
            let l = locales.localizer(Some(locale));
            let device = Device::new().timestamp(at);
            let said = |talk: Conversation| async move {
                let mut talk = talk.locale(locale);
                talk.send(capture(locale, 12, "31", "1990"))
                    .await
                    .unwrap()
                    .speech()
            };
            let zone = |zone: &str| {
                Conversation::new(&skill)
                    .device(device.clone())
                    .services(StandIn::new().time_zone(zone))
            };
            let wishes = plain(&l.t_args("happy-birthday", &args!["age" => 35]));
            let year_ahead = plain(&l.t_args("countdown", &args!["days" => 364, "age" => 36]));
            let in_la = said(zone("America/Los_Angeles")).await;
            assert!(in_la.ends_with(&wishes), "{locale}: {in_la}");
            let in_tokyo = said(zone("Asia/Tokyo")).await;
            assert!(in_tokyo.ends_with(&year_ahead), "{locale}: {in_tokyo}");
            // No zone set (204), or a settings API that cannot be reached: UTC, and still an answer.
            let unset = said(
                Conversation::new(&skill)
                    .device(device.clone())
                    .services(StandIn::new()),
            )
            .await;
            assert!(unset.ends_with(&year_ahead), "{locale}: {unset}");
            let unreachable =
                Conversation::new(&skill).device(device.clone().api_endpoint("http://127.0.0.1:9"));
            let unreachable = said(unreachable).await;
            assert!(
                unreachable.ends_with(&year_ahead),
                "{locale}: {unreachable}"
            );
        }
    });
}
