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
