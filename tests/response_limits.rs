//! Every limit `build()` and `to_vec()` enforce produces its own clear error.

use alexa_kit::model::{Directive, OutputSpeech, Response, ResponseEnvelope};
use alexa_kit::response::{
    MAX_CARD_CHARS, MAX_RESPONSE_BYTES, ResponseBuilder, check_envelope_size, ssml, to_vec,
};
use alexa_kit::{Error, ErrorKind};
use serde_json::json;

#[track_caller]
fn rejected(builder: ResponseBuilder, needle: &str) -> Error {
    let err = builder.build().expect_err("build() should fail");
    assert_eq!(err.kind(), ErrorKind::InvalidResponse);
    assert!(
        err.to_string().contains(needle),
        "`{err}` does not mention `{needle}`"
    );
    err
}

#[test]
fn speech_at_most_8000_characters_wrapper_included() {
    let wrapper = "<speak></speak>".len();
    let ok = "a".repeat(ssml::MAX_SPEECH_CHARS - wrapper);
    assert!(ResponseBuilder::new().speak(ok.clone()).build().is_ok());
    rejected(
        ResponseBuilder::new().speak(ok + "a"),
        "outputSpeech has 8001 characters; Alexa allows at most 8000",
    );
}

#[test]
fn speech_limit_counts_characters_not_bytes() {
    let umlauts = "ä".repeat(8000); // 16 000 bytes
    assert!(
        ResponseBuilder::new()
            .speak_text(umlauts.clone())
            .build()
            .is_ok()
    );
    rejected(
        ResponseBuilder::new().speak_text(umlauts + "ä"),
        "8001 characters",
    );
}

#[test]
fn reprompt_at_most_8000_characters() {
    rejected(
        ResponseBuilder::new().reprompt_text("b".repeat(8001)),
        "reprompt has 8001 characters",
    );
    rejected(
        ResponseBuilder::new().reprompt("b".repeat(8000)),
        "reprompt has 8015 characters",
    );
}

#[test]
fn card_title_and_content_at_most_8000_characters() {
    let title = "T".repeat(100);
    let fits = "c".repeat(MAX_CARD_CHARS - 100);
    assert!(
        ResponseBuilder::new()
            .simple_card(title.clone(), fits.clone())
            .build()
            .is_ok()
    );
    rejected(
        ResponseBuilder::new().simple_card(title.clone(), fits.clone() + "c"),
        "Simple card's title and text have 8001 characters",
    );
    rejected(
        ResponseBuilder::new().standard_card(title, fits + "€"),
        "Standard card's title and text have 8001 characters",
    );
}

#[test]
fn permissions_card_needs_a_scope() {
    rejected(
        ResponseBuilder::new().ask_for_permissions_consent_card(Vec::<String>::new()),
        "at least one permission",
    );
}

#[test]
fn ssml_must_be_wrapped_in_speak() {
    let mut response = Response::default();
    response.output_speech = Some(OutputSpeech::ssml("Hello"));
    rejected(ResponseBuilder::from(response), "text outside <speak>");
    let mut response = Response::default();
    response.output_speech = Some(OutputSpeech::ssml(""));
    rejected(ResponseBuilder::from(response), "wrapped in <speak>");
}

#[test]
fn ssml_bare_ampersand() {
    rejected(
        ResponseBuilder::new().speak("Fish & Chips"),
        "outputSpeech: invalid SSML at byte 12: a bare `&`; write `&amp;`",
    );
    assert!(
        ResponseBuilder::new()
            .speak(format!("Fish {} Chips", ssml::escape("&")))
            .build()
            .is_ok()
    );
}

#[test]
fn ssml_unbalanced_tags() {
    rejected(
        ResponseBuilder::new().speak("<s>one"),
        "</speak> closes <s>",
    );
    rejected(
        ResponseBuilder::new().speak("one</s>"),
        "</s> closes <speak>",
    );
    rejected(
        ResponseBuilder::new().reprompt("<p><s>x</p></s>"),
        "reprompt: invalid SSML",
    );
}

#[test]
fn ssml_only_tags_alexa_supports() {
    rejected(
        ResponseBuilder::new().speak("<b>bold</b>"),
        "<b> is not an SSML tag Alexa supports",
    );
    // Polly-only tags are not Alexa tags.
    rejected(
        ResponseBuilder::new().speak("<amazon:breath/>x"),
        "<amazon:breath> is not an SSML tag Alexa supports",
    );
    rejected(
        ResponseBuilder::new().speak("<mark name=\"a\"/>x"),
        "<mark>",
    );
}

#[test]
fn ssml_break_at_most_10_seconds() {
    assert!(
        ResponseBuilder::new()
            .speak("<break time=\"10s\"/><break time=\"10000ms\"/>")
            .build()
            .is_ok()
    );
    rejected(
        ResponseBuilder::new().speak("<break time=\"10.5s\"/>"),
        "longer than Alexa's maximum of 10s",
    );
    rejected(
        ResponseBuilder::new().speak("<break time=\"soon\"/>"),
        "not a duration",
    );
}

#[test]
fn ssml_malformed_attributes_and_markup() {
    rejected(
        ResponseBuilder::new().speak("<break time=1s/>"),
        "must be quoted",
    );
    rejected(
        ResponseBuilder::new().speak("<audio src=\"https://x/a.mp3?a=1&b=2\"/>"),
        "bare `&` in attribute `src`",
    );
    rejected(ResponseBuilder::new().speak("<!-- note -->hi"), "comments");
    rejected(ResponseBuilder::new().speak("1 < 2"), "`&lt;`");
    rejected(
        ResponseBuilder::new().speak("<p><speak>nested</speak></p>"),
        "<speak> cannot be nested",
    );
}

#[test]
fn enqueue_needs_expected_previous_token() {
    let play: Directive = serde_json::from_value(json!({"type": "AudioPlayer.Play",
        "playBehavior": "ENQUEUE",
        "audioItem": {"stream": {"url": "https://x/b.mp3", "token": "b", "offsetInMilliseconds": 0}}}))
    .unwrap();
    rejected(
        ResponseBuilder::new().add_directive(play),
        "ENQUEUE needs expectedPreviousToken",
    );
    let play: Directive = serde_json::from_value(json!({"type": "AudioPlayer.Play",
        "playBehavior": "REPLACE_ALL",
        "audioItem": {"stream": {"url": "https://x/b.mp3", "token": "b",
            "expectedPreviousToken": "a", "offsetInMilliseconds": 0}}}))
    .unwrap();
    rejected(
        ResponseBuilder::new().add_directive(play),
        "expectedPreviousToken only with ENQUEUE",
    );
}

#[test]
fn dialog_directives_refuse_to_end_the_session_in_either_order() {
    rejected(
        ResponseBuilder::new()
            .end_session()
            .elicit_slot("city", None),
        "Dialog.ElicitSlot needs an open session",
    );
    rejected(
        ResponseBuilder::new().delegate_dialog(None).end_session(),
        "Dialog.Delegate needs an open session",
    );
    rejected(
        ResponseBuilder::new()
            .add_raw_directive(json!({"type": "Dialog.ConfirmIntent"}))
            .end_session(),
        "Dialog.ConfirmIntent needs an open session",
    );
}

#[test]
fn envelope_at_most_24_kb_with_session_attributes() {
    assert_eq!(MAX_RESPONSE_BYTES, 24_576);
    assert!(check_envelope_size(MAX_RESPONSE_BYTES).is_ok());
    let err = check_envelope_size(MAX_RESPONSE_BYTES + 1).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidResponse);
    assert!(err.to_string().contains("24577 bytes"), "{err}");

    let response = ResponseBuilder::new().speak("Hi").build().unwrap();
    let mut env = ResponseEnvelope::new(response);
    let small = to_vec(&env).unwrap();
    // Fill session attributes so that the envelope is exactly at the limit.
    let overhead = small.len() + r#","sessionAttributes":{"h":""}"#.len();
    let mut attrs = serde_json::Map::new();
    attrs.insert("h".into(), "x".repeat(MAX_RESPONSE_BYTES - overhead).into());
    env.session_attributes = Some(attrs.clone());
    assert_eq!(to_vec(&env).unwrap().len(), MAX_RESPONSE_BYTES);

    attrs.insert(
        "h".into(),
        "x".repeat(MAX_RESPONSE_BYTES - overhead + 1).into(),
    );
    env.session_attributes = Some(attrs);
    let err = to_vec(&env).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidResponse);
    assert!(
        err.to_string().contains("session attributes included"),
        "{err}"
    );
}
