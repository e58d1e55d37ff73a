//! SSML escaping, the markup builder, the checker and the plain-text rendering.

use alexa_kit::response::ResponseBuilder;
use alexa_kit::response::ssml::{
    self, Alphabet, BreakStrength, Domain, Emotion, Emphasis, Intensity, InterpretAs, Prosody,
    Ssml, escape, to_plain_text, validate, wrap_speak,
};

#[test]
fn user_text_with_an_audio_tag_is_spoken_not_played() {
    let user = r#"<audio src="https://evil.example/x.mp3"/>"#;
    let escaped = escape(user);
    assert_eq!(
        escaped,
        "&lt;audio src=&quot;https://evil.example/x.mp3&quot;/&gt;"
    );
    let r = ResponseBuilder::new()
        .speak(format!("You said {escaped}"))
        .build()
        .unwrap();
    let speech = r.output_speech.unwrap();
    validate(speech.text()).unwrap();
    assert_eq!(to_plain_text(speech.text()), format!("You said {user}"));
}

#[test]
fn ampersand_and_quotes_in_user_text() {
    assert_eq!(escape("Ben & Jerry's"), "Ben &amp; Jerry&apos;s");
    assert_eq!(
        escape("a&amp;b"),
        "a&amp;amp;b",
        "escaping is not idempotent on purpose"
    );
    assert_eq!(escape("plain"), "plain");
    assert_eq!(escape("Grüße <3"), "Grüße &lt;3");
    let markup = Ssml::new().text("Ben & Jerry's").to_speak();
    validate(&markup).unwrap();
    assert_eq!(to_plain_text(&markup), "Ben & Jerry's");
}

#[test]
fn builder_escapes_text_and_attribute_values() {
    let s = Ssml::new()
        .audio("https://x.test/a.mp3?a=1&b=\"2\"")
        .sub("R & B", "R&B")
        .lang("en-US", "<tag>");
    assert_eq!(
        s.as_str(),
        r#"<audio src="https://x.test/a.mp3?a=1&amp;b=&quot;2&quot;"/><sub alias="R &amp; B">R&amp;B</sub><lang xml:lang="en-US">&lt;tag&gt;</lang>"#
    );
    validate(&s.to_speak()).unwrap();
}

#[test]
fn every_builder_element_is_valid_alexa_ssml() {
    let inner = Ssml::new()
        .text("It is ")
        .say_as(InterpretAs::Ordinal, "3")
        .text(" and ")
        .say_as_date("dmy", "01-02-2024");
    let s = Ssml::new()
        .paragraph(Ssml::new().sentence(inner).sentence("Second & last"))
        .pause_ms(10_000)
        .pause(BreakStrength::XStrong)
        .emphasis(Emphasis::Moderate, "really")
        .prosody(
            Prosody::new().rate("90%").pitch("+5%").volume("-3dB"),
            Ssml::new().whisper("quiet"),
        )
        .phoneme(Alphabet::XSampa, "pI\"kA:n", "pecan")
        .voice("Kendra", "hello")
        .emotion(Emotion::Disappointed, Intensity::Low, "oh")
        .domain(Domain::Conversational, "so")
        .audio("https://x.test/a.mp3");
    let speech = s.to_speak();
    validate(&speech).unwrap();
    let r = ResponseBuilder::new().speak(s.clone()).build().unwrap();
    assert_eq!(r.output_speech.unwrap().text(), speech);
    assert_eq!(
        to_plain_text(&speech),
        "It is 3 and 01-02-2024 Second & last reallyquietpecanhelloohso",
        "adjacent inline elements are adjacent words, as in the markup"
    );
}

#[test]
fn wrap_speak_only_wraps_when_needed() {
    assert_eq!(wrap_speak("x".into()), "<speak>x</speak>");
    assert_eq!(
        wrap_speak(" <speak>x</speak> ".into()),
        " <speak>x</speak> "
    );
    assert_eq!(
        wrap_speak("<speaker>x</speak>".into()),
        "<speak><speaker>x</speak></speak>"
    );
}

#[test]
fn validate_reports_where() {
    let err = validate("<speak>ok <bad/></speak>").unwrap_err();
    assert_eq!(err.kind(), alexa_kit::ErrorKind::InvalidResponse);
    assert_eq!(
        err.to_string(),
        "invalid SSML at byte 10: <bad> is not an SSML tag Alexa supports"
    );
    assert!(validate("<speak>a</speak><speak>b</speak>").is_err());
    assert!(validate("<speak>a</speak> trailing").is_err());
    assert!(validate("<speak/>").is_ok());
    assert!(validate("<speak>&#233;&#xE9;&lt;</speak>").is_ok());
    assert!(validate("<speak>&nbsp;</speak>").is_err());
    assert!(validate("<speak><s>x</s ></speak>").is_ok());
    assert!(validate("<speak><break time='2s' /></speak>").is_ok());
    assert!(validate("<speak><break time=\"2s\"strength=\"weak\"/></speak>").is_err());
}

#[test]
fn plain_text_sub_yields_alias() {
    assert_eq!(
        to_plain_text(r#"<speak>Take <sub alias="vitamin C">C</sub> daily</speak>"#),
        "Take vitamin C daily"
    );
    // Without an alias the content is kept.
    assert_eq!(to_plain_text("<speak><sub>Mg</sub></speak>"), "Mg");
}

#[test]
fn plain_text_break_is_a_space_and_audio_is_nothing() {
    assert_eq!(
        to_plain_text(
            r#"<speak>one<break time="1s"/>two<audio src="https://x/a.mp3"/>three</speak>"#
        ),
        "one two three"
    );
    assert_eq!(
        to_plain_text(r#"<speak>a<audio src="https://x/a.mp3">fallback text</audio>b</speak>"#),
        "a b"
    );
}

#[test]
fn plain_text_unescapes_entities_and_collapses_whitespace() {
    assert_eq!(
        to_plain_text(
            "<speak>\n  Tom &amp; Jerry &lt;3 &quot;hi&quot; &apos;x&apos; &#233;t&#xE9;\n</speak>"
        ),
        "Tom & Jerry <3 \"hi\" 'x' été"
    );
    assert_eq!(
        to_plain_text("<speak><s>Hello.</s><s>World.</s></speak>"),
        "Hello. World."
    );
    assert_eq!(
        to_plain_text(
            r#"<speak><say-as interpret-as="digits">123</say-as> and <emphasis>more</emphasis></speak>"#
        ),
        "123 and more"
    );
}

#[test]
fn plain_text_is_tolerant_of_broken_markup() {
    assert_eq!(to_plain_text("1 < 2 & 3"), "1 < 2 & 3");
    assert_eq!(to_plain_text("no markup at all"), "no markup at all");
    assert_eq!(to_plain_text(""), "");
    assert_eq!(
        to_plain_text("<speak>unclosed <sub alias=\"x\">y"),
        "unclosed x"
    );
}

#[test]
fn supported_tags_cover_the_reference_list() {
    for tag in [
        "speak",
        "p",
        "s",
        "break",
        "emphasis",
        "lang",
        "phoneme",
        "prosody",
        "say-as",
        "sub",
        "voice",
        "w",
        "audio",
        "amazon:domain",
        "amazon:effect",
        "amazon:emotion",
    ] {
        assert!(ssml::SUPPORTED_TAGS.contains(&tag), "{tag}");
    }
    assert_eq!(ssml::SUPPORTED_TAGS.len(), 16);
}

/// Every character XML 1.0 forbids: they make Alexa reject the response.
fn non_xml_chars() -> Vec<char> {
    (0u32..0x20)
        .filter(|c| ![0x09, 0x0A, 0x0D].contains(c))
        .chain([0xFFFE, 0xFFFF])
        .filter_map(char::from_u32)
        .collect()
}

#[test]
fn characters_xml_forbids_are_dropped_from_user_text_and_refused_in_markup() {
    let locales = alexa_kit::i18n::Locales::builder()
        .resource("en", "main.ftl", "hi = Hello { $who }!")
        .build()
        .unwrap();
    let l = locales.localizer(None);
    for c in non_xml_chars() {
        let user = format!("Tom{c} & {c}Jerry{c}");
        // Escaped user text: dropped, wherever it goes.
        assert_eq!(escape(&user), "Tom &amp; Jerry", "U+{:04X}", c as u32);
        let built = Ssml::new()
            .text(&user)
            .sub(&user, &user)
            .say_as(InterpretAs::Characters, &user)
            .to_speak();
        validate(&built).unwrap_or_else(|e| panic!("U+{:04X}: {e}", c as u32));
        let spoken = l.t_args("hi", &alexa_kit::args!["who" => user.as_str()]);
        assert_eq!(spoken, "Hello Tom &amp; Jerry!", "U+{:04X}", c as u32);
        // Written into markup, raw or as a reference, in text or in an attribute: refused.
        for markup in [
            format!("<speak>Hi {c}</speak>"),
            format!("<speak>Hi &#{};</speak>", c as u32),
            format!("<speak>Hi &#x{:x};</speak>", c as u32),
            format!("<speak>Hi <sub alias=\"a{c}\">b</sub></speak>"),
            format!(
                "<speak>Hi <sub alias=\"&#x{:X};\">b</sub></speak>",
                c as u32
            ),
            format!("<speak{c}>Hi</speak>"),
            format!("{c}<speak>Hi</speak>"),
            format!("<speak>Hi</speak>{c}"),
        ] {
            let err = validate(&markup).expect_err(&format!("{markup:?} passed"));
            assert_eq!(err.kind(), alexa_kit::ErrorKind::InvalidResponse);
            // And a response carrying it, as SSML or plain text, is not built.
            assert!(
                ResponseBuilder::new()
                    .speak(markup.clone())
                    .build()
                    .is_err()
            );
        }
        let plain = ResponseBuilder::new()
            .speak_text(format!("Hi {c}"))
            .build()
            .unwrap_err();
        assert!(plain.to_string().contains("not a character"), "{plain}");
        let reprompt = ResponseBuilder::new()
            .speak("Hi")
            .reprompt(format!("Again{c}"))
            .build();
        assert!(reprompt.is_err());
    }
}

#[test]
fn every_other_character_survives_escaping_and_validation() {
    // All of Unicode's scalar values in one text: whatever escape() keeps is
    // valid SSML, and nothing XML allows is lost.
    let all: String = (0..=0x10FFFFu32).filter_map(char::from_u32).collect();
    let escaped = escape(&all);
    let speak = format!("<speak>{escaped}</speak>");
    validate(&speak).unwrap();
    let decoded = escaped
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
    let forbidden = non_xml_chars();
    let kept: String = all.chars().filter(|c| !forbidden.contains(c)).collect();
    assert_eq!(decoded.chars().count(), kept.chars().count());
    assert!(decoded == kept);
}
