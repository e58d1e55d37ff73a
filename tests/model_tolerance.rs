//! Hand-written envelopes for the cases the fixtures do not cover: unknown
//! fields everywhere, unknown types, missing pieces, odd values, and errors
//! that must name the path of the bad field.

use alexa_kit::ErrorKind;
use alexa_kit::model::*;
use serde_json::{Value, json};

fn parse(value: &Value) -> alexa_kit::Result<RequestEnvelope> {
    RequestEnvelope::from_slice(&serde_json::to_vec(value).expect("serialize test JSON"))
}

/// An IntentRequest with an unknown key added at every level Alexa may grow.
fn intent_request_with_unknown_fields() -> Value {
    json!({
        "version": "1.0",
        "futureTopLevel": {"a": [1, 2, 3]},
        "session": {
            "new": true,
            "sessionId": "amzn1.echo-api.session.1",
            "futureSessionKey": 1,
            "application": {"applicationId": "amzn1.ask.skill.1", "futureAppKey": true},
            "user": {"userId": "amzn1.ask.account.1", "futureUserKey": null,
                     "permissions": {"scopes": {"s": {"status": "GRANTED", "futureScopeKey": 1}}}},
            "attributes": {"count": 3}
        },
        "context": {
            "FutureInterface": {"x": 1},
            "System": {
                "application": {"applicationId": "amzn1.ask.skill.1"},
                "user": {"userId": "amzn1.ask.account.1"},
                "device": {"deviceId": "d1", "futureDeviceKey": "x",
                           "supportedInterfaces": {"AudioPlayer": {}, "FutureThing": {"v": 2}}},
                "person": {"personId": "p1", "futurePersonKey": 0},
                "apiEndpoint": "https://api.amazonalexa.com",
                "apiAccessToken": "token",
                "futureSystemKey": []
            },
            "AudioPlayer": {"playerActivity": "IDLE", "futurePlayerKey": 1},
            "Viewport": {"shape": "OVAL", "mode": "WATCH", "pixelWidth": 400, "futureViewportKey": 1,
                         "experiences": [{"canRotate": true, "futureExperienceKey": 1}]},
            "Viewports": [{"type": "APL", "id": "main", "futureAplKey": 1},
                          {"type": "HOLOGRAM", "depth": 3}],
            "Geolocation": {"coordinate": {"latitudeInDegrees": 1.5, "longitudeInDegrees": 2.5,
                                           "futureCoordinateKey": 1}}
        },
        "request": {
            "type": "IntentRequest",
            "requestId": "amzn1.echo-api.request.1",
            "timestamp": "2024-05-01T10:00:00.123Z",
            "locale": "ja-JP",
            "futureRequestKey": {"nested": true},
            "intent": {
                "name": "OrderIntent",
                "confirmationStatus": "NONE",
                "futureIntentKey": 1,
                "slots": {
                    "drink": {
                        "name": "drink", "value": "お茶", "futureSlotKey": 1, "source": "USER",
                        "resolutions": {"futureResolutionsKey": 1, "resolutionsPerAuthority": [{
                            "authority": "amzn1.er-authority.echo-sdk.amzn1.ask.skill.1.Drink",
                            "status": {"code": "ER_SUCCESS_MATCH", "futureStatusKey": 1},
                            "futureAuthorityKey": 1,
                            "values": [{"value": {"name": "緑茶", "id": "GREEN_TEA", "futureValueKey": 1}}]
                        }]}
                    }
                }
            }
        }
    })
}

#[test]
fn unknown_fields_at_every_level_are_ignored() {
    let env = parse(&intent_request_with_unknown_fields()).expect("parses");
    assert_eq!(env.intent_name(), Some("OrderIntent"));
    assert_eq!(env.locale(), Some("ja-JP"));
    assert_eq!(env.slot_value("drink"), Some("お茶"));
    assert_eq!(env.resolved_value("drink"), Some("緑茶"));
    assert_eq!(env.resolved_id("drink"), Some("GREEN_TEA"));
    assert!(env.is_new_session());
    assert_eq!(
        env.session_attributes().map(|a| a["count"].clone()),
        Some(json!(3))
    );
    assert_eq!(env.person_id(), Some("p1"));
    assert_eq!(env.device_id(), Some("d1"));
    assert!(env.supports_interface("FutureThing"));
    assert_eq!(env.api_access_token(), Some("token"));
    // Enum values alexa-kit does not know are kept, not rejected.
    let viewport = env.viewport().expect("Viewport");
    assert_eq!(viewport.shape, Some(ViewportShape::Other("OVAL".into())));
    assert_eq!(
        viewport.mode.as_ref().map(ViewportMode::as_str),
        Some("WATCH")
    );
    // An unknown viewport type is kept raw, with its `type`.
    let viewports = env
        .context()
        .and_then(|c| c.viewports.as_ref())
        .expect("Viewports");
    assert!(matches!(&viewports[0], ViewportState::Apl(a) if a.id.as_deref() == Some("main")));
    assert_eq!(
        viewports[1],
        ViewportState::Other(json!({"type": "HOLOGRAM", "depth": 3}))
    );
    assert_eq!(viewports[1].type_name(), "HOLOGRAM");

    // Unknown keys are dropped on output; unknown viewport types and enum values survive.
    let out = serde_json::to_value(&env).expect("serialize");
    assert!(out.get("futureTopLevel").is_none());
    assert!(out["request"].get("futureRequestKey").is_none());
    assert_eq!(
        out["context"]["Viewports"][1],
        json!({"type": "HOLOGRAM", "depth": 3})
    );
    assert_eq!(out["context"]["Viewport"]["shape"], "OVAL");
    assert_eq!(parse(&out).expect("re-parses"), env);
}

#[test]
fn unknown_request_type_keeps_raw_json_and_reserializes_identically() {
    let request = json!({
        "type": "Alexa.DataStore.PackageManager.UsagesInstalled",
        "requestId": "amzn1.echo-api.request.7",
        "timestamp": "2024-01-01T00:00:00Z",
        "locale": "fr-FR",
        "payload": {"packageId": "pkg", "usages": [{"instanceId": "i", "location": "FAVORITE"}]},
        "nothing": null
    });
    let input = json!({"version": "1.0", "request": request});
    let env = parse(&input).expect("parses");
    let Request::Unknown(unknown) = &env.request else {
        panic!("{:?}", env.request)
    };
    assert_eq!(
        unknown.type_name,
        "Alexa.DataStore.PackageManager.UsagesInstalled"
    );
    assert_eq!(unknown.raw, request);
    assert_eq!(
        env.request_type(),
        "Alexa.DataStore.PackageManager.UsagesInstalled"
    );
    assert_eq!(env.request_id(), "amzn1.echo-api.request.7");
    assert_eq!(env.locale(), Some("fr-FR"));
    assert_eq!(
        serde_json::to_value(&env.request).expect("serialize"),
        request
    );
    assert_eq!(serde_json::to_value(&env).expect("serialize"), input);
}

#[test]
fn type_need_not_come_first() {
    // Alexa sends `type` first, but other tools may not: both orders parse the same.
    let first = r#"{"request":{"type":"IntentRequest","requestId":"r","intent":{"name":"A","slots":{"s":{"name":"s","value":"v"}}}}}"#;
    let last = r#"{"request":{"requestId":"r","intent":{"name":"A","slots":{"s":{"name":"s","value":"v"}}},"type":"IntentRequest"}}"#;
    let a = RequestEnvelope::from_json(first).expect("type first");
    let b = RequestEnvelope::from_json(last).expect("type last");
    assert_eq!(a, b);
    assert_eq!(b.slot_value("s"), Some("v"));

    let unknown = r#"{"request":{"requestId":"r","body":[1],"type":"Reminders.ReminderStarted"}}"#;
    let env = RequestEnvelope::from_json(unknown).expect("parses");
    assert_eq!(
        serde_json::to_value(&env.request).expect("serialize"),
        json!({"type": "Reminders.ReminderStarted", "requestId": "r", "body": [1]})
    );
}

#[test]
fn request_without_type_is_unknown() {
    let env = RequestEnvelope::from_json(r#"{"request":{"requestId":"r"}}"#).expect("parses");
    let Request::Unknown(u) = &env.request else {
        panic!("{:?}", env.request)
    };
    assert_eq!(u.type_name, "");
    assert_eq!(u.raw, json!({"requestId": "r"}));
}

#[test]
fn no_session_no_context_no_locale() {
    let env = RequestEnvelope::from_json(
        r#"{"version":"1.0","request":{"type":"LaunchRequest","requestId":"r","timestamp":"2024-01-01T00:00:00Z"}}"#,
    )
    .expect("parses");
    assert!(env.session.is_none() && env.context().is_none());
    assert_eq!(env.locale(), None);
    assert!(!env.is_new_session());
    assert_eq!(env.user_id(), None);
    assert_eq!(env.application_id(), None);
    assert_eq!(env.session_attributes(), None);
    assert_eq!(env.viewport(), None);
    assert!(!env.supports_apl());
    assert_eq!(env.slot_value("x"), None);
    assert!(env.slot_values("x").is_empty());

    // `"locale": null` and `"session": {}` are accepted too.
    let env = RequestEnvelope::from_json(
        r#"{"session":{},"request":{"type":"LaunchRequest","locale":null}}"#,
    )
    .expect("parses");
    assert_eq!(env.locale(), None);
    assert!(env.session.is_some() && !env.is_new_session());
}

#[test]
fn epoch_number_timestamp() {
    for (json, ms) in [
        ("1500000000000", 1_500_000_000_000_i64),
        ("1.5e12", 1_500_000_000_000),
    ] {
        let text = format!(
            r#"{{"request":{{"type":"LaunchRequest","requestId":"r","timestamp":{json}}}}}"#
        );
        let env = RequestEnvelope::from_json(&text).expect("parses");
        assert_eq!(env.request.timestamp(), Some(&Timestamp::EpochMillis(ms)));
    }
    let env = RequestEnvelope::from_json(
        r#"{"request":{"type":"LaunchRequest","timestamp":1500000000000}}"#,
    )
    .expect("parses");
    assert_eq!(
        serde_json::to_value(&env).expect("serialize")["request"]["timestamp"],
        1_500_000_000_000_i64
    );
    let err =
        RequestEnvelope::from_json(r#"{"request":{"type":"LaunchRequest","timestamp":true}}"#)
            .unwrap_err();
    assert!(err.to_string().contains("request.timestamp"), "{err}");
}

#[test]
fn multi_value_slot_in_an_envelope() {
    let env = parse(&json!({
        "version": "1.0",
        "request": {"type": "IntentRequest", "requestId": "r", "locale": "en-US", "intent": {
            "name": "PizzaIntent", "confirmationStatus": "NONE",
            "slots": {"toppings": {"name": "toppings", "confirmationStatus": "NONE", "source": "USER",
                "slotValue": {"type": "List", "values": [
                    {"type": "Simple", "value": "olives", "resolutions": {"resolutionsPerAuthority": [
                        {"authority": "a", "status": {"code": "ER_SUCCESS_MATCH"},
                         "values": [{"value": {"name": "olive", "id": "OLIVE"}}]}]}},
                    {"type": "Simple", "value": "ham"}
                ]}}}
        }}
    }))
    .expect("parses");
    assert_eq!(env.slot_values("toppings"), ["olives", "ham"]);
    assert_eq!(env.slot_value("toppings"), None); // no single value for a list
    let slot = env.slot("toppings").expect("slot");
    let Some(SlotValue::List { values }) = &slot.slot_value else {
        panic!("{slot:?}")
    };
    assert_eq!(values.len(), 2);
}

#[test]
fn malformed_intent_names_the_path() {
    let cases = [
        (
            r#"{"request":{"type":"IntentRequest","intent":{"name":7}}}"#,
            "at `request.intent.name`: invalid type",
        ),
        (
            r#"{"request":{"type":"IntentRequest","intent":"Hello"}}"#,
            "at `request.intent`: invalid type",
        ),
        (
            r#"{"request":{"type":"IntentRequest"}}"#,
            "missing field `intent`",
        ),
        (
            r#"{"request":{"type":"IntentRequest","intent":{"name":"X","slots":{"a":{"name":"a","value":5}}}}}"#,
            "at `request.intent.slots.a.value`: invalid type",
        ),
        (
            // An unknown dialog state is kept (see `unknown_enum_values_are_kept`); a
            // value of the wrong JSON type is still an error with its path.
            r#"{"request":{"type":"IntentRequest","dialogState":7,"intent":{"name":"X"}}}"#,
            "at `request.dialogState`: invalid type",
        ),
        // `type` last: the keys before it are buffered, and the path is still named.
        (
            r#"{"request":{"intent":{"name":7},"type":"IntentRequest"}}"#,
            "at `request.intent.name`: invalid type",
        ),
        (
            r#"{"request":{"locale":"en-US","intent":{"slots":{"a":{"value":5,"name":"a"}},"name":"X"},"type":"IntentRequest"}}"#,
            "at `request.intent.slots.a.value`: invalid type",
        ),
        (
            r#"{"request":{"intent":{"name":"X"},"type":"IntentRequest","dialogState":[]}}"#,
            "at `request.dialogState`: invalid type",
        ),
        (
            r#"{"request":{"type":7}}"#,
            "at `request.type`: invalid type",
        ),
        (r#"{"request":[]}"#, "at `request`: invalid type: sequence"),
        (r#"{"version":"1.0"}"#, "missing field `request`"),
        (r#"{"request":{"type":"LaunchRequest"}"#, "EOF"),
        ("[1,2]", "invalid type"),
        ("", "EOF"),
    ];
    for (input, expected) in cases {
        let err = RequestEnvelope::from_json(input).expect_err(input);
        assert_eq!(err.kind(), ErrorKind::InvalidRequest, "{input}");
        let message = err.to_string();
        assert!(
            message.starts_with("not an Alexa request envelope"),
            "{message}"
        );
        assert!(
            message.contains(expected),
            "{input}\n  gave: {message}\n  want: {expected}"
        );
    }
    // A known type with a bad field never degrades into `Unknown`.
    let bad = serde_json::from_str::<Request>(r#"{"type":"LaunchRequest","requestId":5}"#);
    assert!(bad.is_err());
}

#[test]
fn invalid_utf8_is_an_error_not_a_panic() {
    let err = RequestEnvelope::from_slice(b"{\"request\":{\"type\":\"Launch\xff\"}}").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidRequest);
}

#[test]
fn skill_event_type_name_is_the_full_type() {
    let env = RequestEnvelope::from_json(
        r#"{"request":{"type":"AlexaSkillEvent.ProactiveSubscriptionChanged","requestId":"r",
            "body":{"subscriptions":[{"eventName":"AMAZON.MessageAlert.Activated"}]}}}"#,
    )
    .expect("parses");
    assert_eq!(
        env.request_type(),
        "AlexaSkillEvent.ProactiveSubscriptionChanged"
    );
    let Request::SkillEvent(e) = &env.request else {
        panic!("{:?}", env.request)
    };
    assert_eq!(e.event, "ProactiveSubscriptionChanged");
    let out = serde_json::to_value(&env.request).expect("serialize");
    assert_eq!(out["type"], "AlexaSkillEvent.ProactiveSubscriptionChanged");

    // A future skill event keeps its full type too.
    let env =
        RequestEnvelope::from_json(r#"{"request":{"type":"AlexaSkillEvent.SkillSomethingNew"}}"#)
            .expect("parses");
    assert_eq!(env.request_type(), "AlexaSkillEvent.SkillSomethingNew");

    let built = Request::SkillEvent(SkillEventRequest::new("SkillEnabled"));
    assert_eq!(built.type_name(), "AlexaSkillEvent.SkillEnabled");
    assert_eq!(
        serde_json::to_value(&built).expect("serialize")["type"],
        "AlexaSkillEvent.SkillEnabled"
    );
}

#[test]
fn apl_runtime_error_request() {
    let env = RequestEnvelope::from_json(
        r#"{"request":{"type":"Alexa.Presentation.APL.RuntimeError","requestId":"r","token":"doc",
            "errors":[{"type":"LIST_ERROR","reason":"MISSING_LIST_ITEMS","listId":"l","message":"m","extra":1}]}}"#,
    )
    .expect("parses");
    assert_eq!(env.request_type(), "Alexa.Presentation.APL.RuntimeError");
    let Request::AplRuntimeError(r) = &env.request else {
        panic!("{:?}", env.request)
    };
    assert_eq!(r.token.as_deref(), Some("doc"));
    assert_eq!(r.errors[0].reason.as_deref(), Some("MISSING_LIST_ITEMS"));
}

#[test]
fn lenient_numbers_in_the_viewport() {
    let env = RequestEnvelope::from_json(
        r#"{"context":{"Viewport":{"pixelWidth":"1280","pixelHeight":800.0,"dpi":null,
            "experiences":[{"arcMinuteWidth":"221.5","arcMinuteHeight":null}]}},
            "request":{"type":"LaunchRequest"}}"#,
    )
    .expect("parses");
    let v = env.viewport().expect("Viewport");
    assert_eq!(
        (v.pixel_width, v.pixel_height, v.dpi),
        (Some(1280), Some(800), None)
    );
    assert_eq!(v.experiences[0].arc_minute_width, Some(221.5));
    // `context` is parsed when first read: a bad field makes it read as
    // `None`, and `try_context` says why.
    let env = RequestEnvelope::from_json(
        r#"{"context":{"Viewport":{"pixelWidth":"wide"}},"request":{"type":"LaunchRequest"}}"#,
    )
    .expect("context is not parsed yet");
    assert!(env.viewport().is_none());
    let err = env.try_context().unwrap_err();
    assert!(
        err.to_string().contains("at `context.Viewport.pixelWidth`"),
        "{err}"
    );
    // The same inside a viewport state whose `type` comes last.
    let env = RequestEnvelope::from_json(
        r#"{"context":{"Viewports":[{"id":"v"},{"id":7,"type":"APL"}]},"request":{"type":"LaunchRequest"}}"#,
    )
    .expect("context is not parsed yet");
    let err = env.try_context().unwrap_err();
    assert!(
        err.to_string().contains("at `context.Viewports[1].id`"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------
// Responses and directives
// ---------------------------------------------------------------------------

#[test]
fn directive_without_type_is_kept_raw() {
    let input =
        json!({"document": {"type": "APL", "version": "1.0"}, "token": "t", "version": "1.0"});
    let d: Directive = serde_json::from_value(input.clone()).expect("parses");
    assert_eq!(d, Directive::Raw(input.clone()));
    assert_eq!(d.type_name(), "");
    assert_eq!(serde_json::to_value(&d).expect("serialize"), input);
}

#[test]
fn unknown_directive_is_kept_raw() {
    let input = json!({
        "type": "Alexa.Advertisement.InjectAds",
        "expectedPreviousToken": "t",
        "nested": {"deep": [1, {"x": null}]}
    });
    let d: Directive = serde_json::from_value(input.clone()).expect("parses");
    assert!(matches!(&d, Directive::Raw(_)));
    assert_eq!(d.type_name(), "Alexa.Advertisement.InjectAds");
    assert!(!d.is_dialog());
    assert_eq!(serde_json::to_value(&d).expect("serialize"), input);
}

#[test]
fn known_directive_with_a_bad_field_is_an_error() {
    let err = serde_json::from_value::<Directive>(
        json!({"type": "Dialog.ElicitSlot", "slotToElicit": 3}),
    )
    .unwrap_err();
    assert!(err.to_string().contains("invalid type"), "{err}");
}

#[test]
fn typed_directives_serialize_with_their_type_first_class() {
    let d = Directive::DialogElicitSlot(
        serde_json::from_value(json!({"slotToElicit": "city", "updatedIntent": {"name": "Trip"}}))
            .expect("parses"),
    );
    assert!(d.is_dialog());
    assert_eq!(
        serde_json::to_value(&d).expect("serialize"),
        json!({"type": "Dialog.ElicitSlot", "slotToElicit": "city",
               "updatedIntent": {"name": "Trip", "confirmationStatus": "NONE"}})
    );
    assert_eq!(
        serde_json::to_string(&Directive::AudioPlayerStop).expect("serialize"),
        r#"{"type":"AudioPlayer.Stop"}"#
    );
    let stop: Directive =
        serde_json::from_str(r#"{"type":"AudioPlayer.Stop","extra":1}"#).expect("parses");
    assert_eq!(stop, Directive::AudioPlayerStop);
}

#[test]
fn should_end_session_three_states_in_an_envelope() {
    for (json, state) in [
        (
            r#"{"version":"1.0","response":{"shouldEndSession":true}}"#,
            ShouldEndSession::End,
        ),
        (
            r#"{"version":"1.0","response":{"shouldEndSession":false}}"#,
            ShouldEndSession::KeepOpen,
        ),
        (
            r#"{"version":"1.0","response":{}}"#,
            ShouldEndSession::Unset,
        ),
    ] {
        let env: ResponseEnvelope = serde_json::from_str(json).expect("parses");
        assert_eq!(env.response.should_end_session, state);
        assert_eq!(serde_json::to_string(&env).expect("serialize"), json);
    }
    // `null` keeps the session open, like `false`.
    let env: ResponseEnvelope =
        serde_json::from_str(r#"{"version":"1.0","response":{"shouldEndSession":null}}"#)
            .expect("parses");
    assert_eq!(env.response.should_end_session, ShouldEndSession::KeepOpen);
}

#[test]
fn unknown_fields_in_a_response_are_ignored() {
    let env: ResponseEnvelope = serde_json::from_value(json!({
        "version": "1.0", "future": 1,
        "response": {"future": 2, "outputSpeech": {"type": "PlainText", "text": "hi", "future": 3},
                     "card": {"type": "Simple", "title": "t", "future": 4},
                     "reprompt": {"outputSpeech": {"type": "SSML", "ssml": "<speak>?</speak>"}, "future": 5}}
    }))
    .expect("parses");
    assert_eq!(
        env.response.output_speech.as_ref().map(OutputSpeech::text),
        Some("hi")
    );
    assert_eq!(
        serde_json::to_value(&env).expect("serialize"),
        json!({"version": "1.0", "response": {
            "outputSpeech": {"type": "PlainText", "text": "hi"},
            "card": {"type": "Simple", "title": "t"},
            "reprompt": {"outputSpeech": {"type": "SSML", "ssml": "<speak>?</speak>"}}}})
    );
}

/// Lambda's limit for a synchronous event is 6 MB; these shapes would take
/// 50–100 times that once parsed into `serde_json::Value`s. The scan refuses
/// them before anything is built (`cargo bench --bench memory` measures the
/// bootstrap's peak RSS on them).
#[test]
fn six_megabytes_of_tiny_values_are_refused_before_parsing() {
    let envelope = |attributes: String| {
        format!(
            r#"{{"session":{{"attributes":{attributes}}},"request":{{"type":"IntentRequest","intent":{{"name":"X"}}}}}}"#
        )
    };
    let n = 6_000_000 / 8;
    for (shape, event) in [
        (
            "zeros",
            envelope(format!("{{\"a\":[{}0]}}", "0,".repeat(3 * n))),
        ),
        (
            "one-key objects",
            envelope(format!("{{\"a\":[{}{{}}]}}", r#"{"a":0},"#.repeat(n))),
        ),
        (
            "many keys",
            envelope(format!("{{{}\"z\":0}}", r#""k":0,"#.repeat(n))),
        ),
        (
            "deep nesting",
            envelope(format!(
                "{{\"a\":{}{}}}",
                "[".repeat(3 * n),
                "]".repeat(3 * n)
            )),
        ),
    ] {
        let err = RequestEnvelope::from_slice(event.as_bytes()).unwrap_err();
        assert_eq!(err.kind(), alexa_kit::ErrorKind::InvalidRequest, "{shape}");
        let message = err.to_string();
        assert!(
            message.contains("more than 50000 JSON values") || message.contains("deeper than 128"),
            "{shape}: {message}"
        );
    }
    // Just under the bound is parsed (and stays small: 45,000 values).
    let event = envelope(format!("{{\"a\":[{}0]}}", "0,".repeat(45_000)));
    let env = RequestEnvelope::from_slice(event.as_bytes()).expect("under the bound");
    assert_eq!(
        env.session_attributes().unwrap()["a"]
            .as_array()
            .unwrap()
            .len(),
        45_001
    );
}

#[test]
fn a_repeated_key_of_the_typed_model_is_refused_wherever_it_is() {
    use alexa_kit::model::RequestEnvelope;
    // `type` tags (request, unknown request, slot value, viewport) in every
    // position, and ordinary typed fields: all refused, naming key and path.
    let cases = [
        (
            r#"{"request":{"type":"LaunchRequest","type":"IntentRequest","intent":{"name":"X"}}}"#,
            "request",
            "type",
        ),
        (
            r#"{"request":{"type":"IntentRequest","type":"LaunchRequest","intent":{"name":"X"}}}"#,
            "request",
            "type",
        ),
        (
            r#"{"request":{"type":"IntentRequest","type":"IntentRequest","intent":{"name":"X"}}}"#,
            "request",
            "type",
        ),
        (
            r#"{"request":{"requestId":"r","type":"IntentRequest","locale":"en-US","type":"LaunchRequest"}}"#,
            "request",
            "type",
        ),
        (
            r#"{"request":{"type":"Custom.Thing","a":1,"type":"Other.Thing"}}"#,
            "request",
            "type",
        ),
        (
            r#"{"request":{"a":1,"type":"Custom.Thing","type":"Other.Thing"}}"#,
            "request",
            "type",
        ),
        (
            r#"{"request":{"type":"IntentRequest","intent":{"name":"X","slots":{"s":{"name":"s","slotValue":{"type":"Simple","value":"a","type":"List"}}}}}}"#,
            "slotValue",
            "type",
        ),
        (
            r#"{"request":{"type":"IntentRequest","intent":{"name":"X","name":"Y"}}}"#,
            "request.intent",
            "name",
        ),
        (
            r#"{"request":{"type":"IntentRequest","locale":"de-DE","locale":"fr-FR","intent":{"name":"X"}}}"#,
            "request",
            "locale",
        ),
        (
            r#"{"version":"1.0","version":"2.0","request":{"type":"LaunchRequest"}}"#,
            "",
            "version",
        ),
        (
            r#"{"request":{"type":"LaunchRequest"},"request":{"type":"SessionEndedRequest"}}"#,
            "",
            "request",
        ),
        (
            r#"{"session":{"new":true,"new":false},"request":{"type":"LaunchRequest"}}"#,
            "session",
            "new",
        ),
    ];
    for (json, path, key) in cases {
        let err = RequestEnvelope::from_json(json).expect_err(json);
        assert_eq!(err.kind(), alexa_kit::ErrorKind::InvalidRequest, "{json}");
        let message = err.to_string();
        assert!(
            message.contains(&format!("duplicate field `{key}`")),
            "{json}: {message}"
        );
        assert!(message.contains(path), "{json}: {message}");
    }
    // `context` is parsed when first read: there the repeat makes it read as
    // `None`, and `try_context` names it.
    for json in [
        r#"{"context":{"Viewports":[{"type":"APL","id":"v","type":"APLT"}]},"request":{"type":"LaunchRequest"}}"#,
        r#"{"context":{"Viewports":[{"type":"Custom","type":"APL"}]},"request":{"type":"LaunchRequest"}}"#,
    ] {
        let env = RequestEnvelope::from_json(json).expect(json);
        assert!(env.context().is_none(), "{json}");
        let message = env.try_context().expect_err(json).to_string();
        assert!(
            message.contains("duplicate field `type`"),
            "{json}: {message}"
        );
        assert!(message.contains("Viewports"), "{json}: {message}");
    }
    // JSON kept as it is: serde_json's rule, the last value wins.
    let env = RequestEnvelope::from_json(
        r#"{"session":{"attributes":{"n":1,"n":2}},
            "request":{"type":"Custom.Thing","a":1,"a":2}}"#,
    )
    .unwrap();
    assert_eq!(env.session.unwrap().attributes.unwrap()["n"], 2);
    assert_eq!(env.request.type_name(), "Custom.Thing");
}
