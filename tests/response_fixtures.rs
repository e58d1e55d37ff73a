//! The builder reproduces real response JSON from other Alexa SDKs
//! (`tests/fixtures/alexa-responses`, see its SOURCES.md), compared as
//! `serde_json::Value`.

use alexa_kit::model::{
    CanFulfill, ConfirmationStatus, Intent, Response, ResponseEnvelope, ShouldEndSession,
};
use alexa_kit::response::{AudioPlay, EntityType, ResponseBuilder, ssml, to_vec};
use serde_json::{Map, Value, json};

fn fixture(name: &str) -> Value {
    let path = format!(
        "{}/tests/fixtures/alexa-responses/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn envelope(response: Response, attrs: Option<&Value>) -> Value {
    let mut env = ResponseEnvelope::new(response);
    env.session_attributes = attrs.and_then(Value::as_object).cloned();
    let bytes = to_vec(&env).expect("fits in 24 KB");
    serde_json::from_slice(&bytes).expect("valid JSON")
}

fn first_directive(response: &Response) -> Value {
    serde_json::to_value(&response.directives[0]).expect("serializes")
}

#[test]
fn dotnet_response_plain_text_and_simple_card() {
    let expected = fixture("alexa-skills-dotnet__Response.json");
    let response = ResponseBuilder::new()
        .speak_text(
            "Today will provide you a new learning opportunity. Stick with it and the \
             possibilities will be endless. Can I help you with anything else?",
        )
        .simple_card(
            "Horoscope",
            "Today will provide you a new learning opportunity. Stick with it and the \
             possibilities will be endless.",
        )
        .keep_session_open()
        .build()
        .unwrap();
    assert_eq!(
        envelope(response, Some(&expected["sessionAttributes"])),
        expected
    );
}

#[test]
fn rubykit_audio_only_response() {
    let expected = fixture("alexa-rubykit__response-sessionAudio.json");
    let response = ResponseBuilder::new()
        .play(AudioPlay::new("http://test/url.mp3", "token").offset_ms(100))
        .end_session()
        .build()
        .unwrap();
    assert_eq!(envelope(response, None), expected);
}

#[test]
fn rubykit_session_attributes_only() {
    let expected = fixture("alexa-rubykit__response-sessionAtt.json");
    let response = ResponseBuilder::new().end_session().build().unwrap();
    assert_eq!(
        envelope(response, Some(&expected["sessionAttributes"])),
        expected
    );
}

#[test]
fn jovo_link_account_card() {
    let expected = fixture("jovo-framework__LinkAccountCardAsk.json");
    let response = ResponseBuilder::new()
        .speak("Simple Ask")
        .reprompt("Simple Ask Reprompt")
        .link_account_card()
        .build()
        .unwrap();
    assert_eq!(envelope(response, Some(&json!({}))), expected);
}

#[test]
fn jovo_permissions_consent_card() {
    let expected = fixture("jovo-framework__CountryPostalCardAsk.json");
    let response = ResponseBuilder::new()
        .speak("Simple Ask")
        .reprompt("Simple Ask Reprompt")
        .ask_for_permissions_consent_card([
            "read::alexa:device:all:address:country_and_postal_code",
        ])
        .build()
        .unwrap();
    assert_eq!(envelope(response, Some(&json!({}))), expected);
}

#[test]
fn dotnet_experimentation() {
    let expected = fixture("alexa-skills-dotnet__ExperimentationResponse.json");
    let response = ResponseBuilder::new()
        .end_session()
        .trigger_experiment("Experiment Id from request payload")
        .build()
        .unwrap();
    assert_eq!(envelope(response, None), expected);
}

/// Jovo's sample mixes a legacy Display template, a directive without `type`,
/// AudioPlayer and VideoApp. The builder reproduces it except for
/// `shouldEndSession`, which it drops because `VideoApp.Launch` is present.
#[test]
fn jovo_mixed_directives_follow_the_video_rule() {
    let mut expected = fixture("jovo-framework__directives.json");
    let directives = expected["response"]["directives"]
        .as_array()
        .unwrap()
        .clone();
    let response = ResponseBuilder::new()
        .speak("Sample Text")
        .reprompt("What else can I do for you?")
        .add_raw_directive(directives[0].clone())
        .play_audio("www.sampleAudio.mp3", "someToken")
        .add_raw_directive(directives[2].clone())
        .launch_video_titled("www.sampleVideo.mp4", "Sample Video Title", None)
        .standard_card_with_image(
            "Standard Title",
            "Standard Text",
            "https://via.placeholder.com/720x480",
            "https://via.placeholder.com/1200x800",
        )
        .build()
        .unwrap();
    assert_eq!(response.should_end_session, ShouldEndSession::Unset);
    let actual = envelope(response, Some(&expected["sessionAttributes"]));
    let removed = expected["response"]
        .as_object_mut()
        .unwrap()
        .remove("shouldEndSession");
    assert_eq!(removed, Some(json!(false)));
    assert_eq!(actual, expected);
}

// ----- fragments -------------------------------------------------------------

fn zodiac_intent() -> Intent {
    let mut intent = Intent::new("GetZodiacHoroscopeIntent")
        .with_slot("ZodiacSign", "virgo")
        .with_slot("Date", "2015-11-25");
    intent.slots.get_mut("Date").unwrap().confirmation_status = ConfirmationStatus::Confirmed;
    intent
}

/// The model always writes `confirmationStatus` on an intent and its slots
/// (`NONE` by default), as Alexa's own requests do and as a Dialog
/// directive's `updatedIntent` expects. Fixtures that leave the default out
/// get it filled in before comparing; every other key must match exactly.
fn with_default_confirmations(mut directive: Value) -> Value {
    let intent = if directive.get("updatedIntent").is_some() {
        &mut directive["updatedIntent"]
    } else {
        &mut directive["updatedRequest"]["intent"]
    };
    let intent = intent.as_object_mut().expect("an intent");
    intent.entry("confirmationStatus").or_insert(json!("NONE"));
    if let Some(slots) = intent.get_mut("slots").and_then(Value::as_object_mut) {
        for slot in slots.values_mut() {
            slot.as_object_mut()
                .expect("a slot")
                .entry("confirmationStatus")
                .or_insert(json!("NONE"));
        }
    }
    directive
}

#[test]
fn dialog_delegate_fragment() {
    let expected = with_default_confirmations(fixture(
        "fragments/alexa-skills-dotnet__DialogDelegate.json",
    ));
    let r = ResponseBuilder::new()
        .delegate_dialog(zodiac_intent())
        .build()
        .unwrap();
    assert_eq!(first_directive(&r), expected);
    assert_eq!(r.should_end_session, ShouldEndSession::KeepOpen);
}

#[test]
fn dialog_elicit_slot_fragment() {
    let expected = with_default_confirmations(fixture(
        "fragments/alexa-skills-dotnet__DialogElicitSlot.json",
    ));
    let r = ResponseBuilder::new()
        .speak("Which sign?")
        .elicit_slot("ZodiacSign", zodiac_intent())
        .build()
        .unwrap();
    assert_eq!(first_directive(&r), expected);
}

#[test]
fn dialog_confirm_slot_fragment() {
    let expected = with_default_confirmations(fixture(
        "fragments/alexa-skills-dotnet__DialogConfirmSlot.json",
    ));
    let r = ResponseBuilder::new()
        .confirm_slot("Date", zodiac_intent())
        .build()
        .unwrap();
    assert_eq!(first_directive(&r), expected);
}

#[test]
fn dialog_confirm_intent_fragment() {
    let expected = with_default_confirmations(fixture(
        "fragments/alexa-skills-dotnet__DialogConfirmIntent.json",
    ));
    let mut intent = zodiac_intent();
    intent
        .slots
        .get_mut("ZodiacSign")
        .unwrap()
        .confirmation_status = ConfirmationStatus::Confirmed;
    let r = ResponseBuilder::new()
        .confirm_intent(intent)
        .build()
        .unwrap();
    assert_eq!(first_directive(&r), expected);
}

#[test]
fn updated_intent_drops_entity_resolution() {
    let slot_json = json!({"name": "ZodiacSign", "value": "virgo", "resolutions": {
        "resolutionsPerAuthority": [{"authority": "a", "status": {"code": "ER_SUCCESS_MATCH"},
            "values": [{"value": {"name": "Virgo", "id": "VIRGO"}}]}]}});
    let mut intent = Intent::new("GetZodiacHoroscopeIntent");
    intent.slots.insert(
        "ZodiacSign".into(),
        serde_json::from_value(slot_json).unwrap(),
    );
    assert!(intent.slots["ZodiacSign"].resolutions.is_some());
    let r = ResponseBuilder::new()
        .delegate_dialog(intent)
        .build()
        .unwrap();
    assert_eq!(
        first_directive(&r)["updatedIntent"]["slots"]["ZodiacSign"],
        json!({"name": "ZodiacSign", "value": "virgo", "confirmationStatus": "NONE"})
    );
}

#[test]
fn dynamic_entities_fragments() {
    let r = ResponseBuilder::new()
        .update_dynamic_entities([EntityType::new("AirportSlotType")
            .value("BOS", "Logan International Airport", ["Boston Logan"])
            .value("LGA", "LaGuardia Airport", ["New York"])])
        .build()
        .unwrap();
    assert_eq!(
        first_directive(&r),
        fixture("fragments/alexa-skills-dotnet__DialogDynamicEntity.json")
    );
    // Not a dialog turn: the session state is left alone.
    assert_eq!(r.should_end_session, ShouldEndSession::Unset);

    let r = ResponseBuilder::new()
        .update_dynamic_entities([EntityType::new("AirportSlotType").value(
            "LGA",
            "LaGuardia Airport",
            ["New York"],
        )])
        .build()
        .unwrap();
    assert_eq!(
        first_directive(&r),
        fixture(
            "fragments/amazon-alexa-php__directive_dialog_update_dynamic_entities_replace.json"
        )
    );
}

#[test]
fn delegate_request_fragment() {
    let intent = Intent::new("<intentName>")
        .with_slot("<slotName1>", "<slotValue1>")
        .with_slot("<slotName2>", "<slotValue2>");
    let r = ResponseBuilder::new()
        .delegate_to_skill(intent)
        .build()
        .unwrap();
    assert_eq!(
        first_directive(&r),
        with_default_confirmations(fixture(
            "fragments/Alexa.NET.Conversations__DialogDelegateRequest.json"
        ))
    );
    assert_eq!(r.should_end_session, ShouldEndSession::KeepOpen);
}

#[test]
fn audio_player_with_metadata_fragment() {
    let r = ResponseBuilder::new()
        .play(
            AudioPlay::new(
                "https://url-of-the-stream-to-play",
                "opaque token representing this stream",
            )
            .enqueue_after("opaque token representing the previous stream")
            .title(
                "title of the track to display",
                Some("subtitle of the track to display"),
            )
            .art("https://url-of-the-album-art-image.png")
            .background_image("https://url-of-the-background-image.png"),
        )
        .build()
        .unwrap();
    assert_eq!(
        first_directive(&r),
        fixture("fragments/alexa-skills-dotnet__AudioPlayerWithMetadata.json")
    );
}

#[test]
fn clear_queue_fragment() {
    let r = ResponseBuilder::new().clear_audio_queue().build().unwrap();
    assert_eq!(
        first_directive(&r),
        fixture("fragments/alexa-skills-dotnet__ClearQueueDirective.json")
    );
}

#[test]
fn video_app_fragment() {
    let r = ResponseBuilder::new()
        .launch_video_titled(
            "https://www.example.com/video/sample-video-1.mp4",
            "Title for Sample Video",
            Some("Secondary Title for Sample Video"),
        )
        .build()
        .unwrap();
    assert_eq!(
        first_directive(&r),
        fixture("fragments/alexa-skills-dotnet__VideoAppDirectiveWithMetadata.json")
    );
}

#[test]
fn apl_fragments() {
    let expected = fixture("fragments/Alexa.NET.APL__RenderDocumentDirective.json");
    let r = ResponseBuilder::new()
        .render_apl_with_data(
            "anydocument",
            expected["document"].clone(),
            expected["datasources"].clone(),
        )
        .build()
        .unwrap();
    assert_eq!(first_directive(&r), expected);

    let r = ResponseBuilder::new()
        .execute_apl_commands("[SkillProvidedToken]", json!({"type": "Idle"}))
        .build()
        .unwrap();
    assert_eq!(
        first_directive(&r),
        fixture("fragments/Alexa.NET.APL__ExecuteCommands.json")
    );
}

#[test]
fn connections_fragments() {
    let r = ResponseBuilder::new()
        .buy("amzn1.adg.product", "correlationToken")
        .build()
        .unwrap();
    assert_eq!(
        first_directive(&r),
        fixture("fragments/Alexa.NET.InSkillPricing__BuyDirective.json")
    );

    let r = ResponseBuilder::new()
        .ask_for_permission("alexa::alerts:reminders:skill:readwrite", "")
        .build()
        .unwrap();
    assert_eq!(
        first_directive(&r),
        fixture("fragments/alexa-skills-dotnet__AskForPermissionsConsentDirective.json")
    );
}

#[test]
fn api_response_fragment() {
    let expected = fixture("fragments/Alexa.NET.Conversations__ApiResponse.json");
    let r = ResponseBuilder::new()
        .api_response(expected["apiResponse"].clone())
        .build()
        .unwrap();
    assert_eq!(serde_json::to_value(&r).unwrap(), expected);
}

#[test]
fn can_fulfill_fragment() {
    let r = ResponseBuilder::new()
        .can_fulfill(CanFulfill::Yes)
        .can_fulfill_slot("slotName", CanFulfill::Yes, CanFulfill::No)
        .build()
        .unwrap();
    assert_eq!(
        serde_json::to_value(&r).unwrap()["canFulfillIntent"],
        fixture("fragments/alexa-skills-dotnet__CanFulfillResponse.json")
    );
}

#[test]
fn standard_card_fragment() {
    let r = ResponseBuilder::new()
        .standard_card_with_image(
            "Example Title",
            "Example Body Text",
            "https://example.com/smallImage.png",
            "https://example.com/largeImage.png",
        )
        .build()
        .unwrap();
    assert_eq!(
        serde_json::to_value(&r).unwrap()["card"],
        fixture("fragments/alexa-skills-dotnet__StandardCard.json")
    );
}

/// The .NET fragment carries SSML without `<speak>`, which Alexa rejects; the
/// builder wraps it, and `build()` refuses the unwrapped markup.
#[test]
fn ssml_play_behavior_fragment_is_wrapped() {
    let mut expected =
        fixture("fragments/alexa-skills-dotnet__SsmlOutputSpeechWithPlayBehavior.json");
    let r = ResponseBuilder::new()
        .speak("ssml content")
        .play_behavior(alexa_kit::model::PlayBehavior::ReplaceEnqueued)
        .build()
        .unwrap();
    assert!(ssml::validate(expected["ssml"].as_str().unwrap()).is_err());
    expected["ssml"] = json!("<speak>ssml content</speak>");
    assert_eq!(serde_json::to_value(&r).unwrap()["outputSpeech"], expected);

    let raw: Response = serde_json::from_value(json!({"outputSpeech":
        fixture("fragments/alexa-skills-dotnet__SsmlOutputSpeechWithPlayBehavior.json")}))
    .unwrap();
    let err = ResponseBuilder::from(raw).build().unwrap_err();
    assert!(err.to_string().contains("<speak>"), "{err}");
}

#[test]
fn should_end_session_three_states_round_trip() {
    for (state, expected) in [
        (ShouldEndSession::End, json!({"shouldEndSession": true})),
        (
            ShouldEndSession::KeepOpen,
            json!({"shouldEndSession": false}),
        ),
        (ShouldEndSession::Unset, json!({})),
    ] {
        let r = ResponseBuilder::new()
            .should_end_session(state)
            .build()
            .unwrap();
        let text = serde_json::to_string(&r).unwrap();
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), expected);
        let back: Response = serde_json::from_str(&text).unwrap();
        assert_eq!(back.should_end_session, state);
        assert_eq!(back, r);
        // And again through the builder, unchanged.
        assert_eq!(ResponseBuilder::from(back).build().unwrap(), r);
    }
}

#[test]
fn every_response_fixture_passes_the_checks_after_a_round_trip() {
    let dir = format!(
        "{}/tests/fixtures/alexa-responses",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let env: Map<String, Value> =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let response: Response = serde_json::from_value(env["response"].clone())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        ResponseBuilder::from(response)
            .build()
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        checked += 1;
    }
    assert_eq!(checked, 8);
}
