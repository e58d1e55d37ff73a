//! The wire models against every request and response fixture in `tests/fixtures/`.
//!
//! Requests: every full envelope parses, agrees with the raw JSON on the fields a
//! handler reads, and re-serializes to JSON that (a) parses back into an equal
//! envelope and (b) holds only keys the input had, with the same values, modulo
//! the normalisations documented in `alexa_kit::model` (see [`check_subset`]).
//!
//! Responses: every full envelope round-trips to the same JSON, minus `null`s.
//!
//! Fragments: each parses as its sub-type and re-serializes faithfully.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use alexa_kit::model::*;
use serde_json::Value;

fn fixture_dir(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// Every `*.json` file in a fixture folder, sorted, as (file name, bytes).
fn json_files(rel: &str) -> Vec<(String, Vec<u8>)> {
    let dir = fixture_dir(rel);
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let name = p
                .file_name()
                .expect("file name")
                .to_string_lossy()
                .into_owned();
            let bytes = fs::read(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()));
            (name, bytes)
        })
        .collect();
    files.sort();
    files
}

fn fixture(rel: &str) -> Vec<u8> {
    let path = fixture_dir(rel);
    fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn raw(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).expect("fixture is valid JSON")
}

/// Keys that the model writes under another spelling than some senders use:
/// (written, also read as).
const KEY_ALIASES: &[(&str, &str)] = &[
    ("Experimentation", "experimentation"),
    ("characterFormat", "format"),
];

/// A value the model writes for a key the input did not have (or had as
/// `null`): a type's default, such as `""`, `false`, `[]`, `{}`, or a missing
/// `confirmationStatus` written as `NONE`.
fn is_default_fill(key: &str, value: &Value) -> bool {
    match value {
        Value::String(s) => s.is_empty() || (key == "confirmationStatus" && s == "NONE"),
        Value::Bool(b) => !b,
        Value::Number(n) => n.as_f64() == Some(0.0),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        Value::Null => false,
    }
}

/// Checks that everything in `out` is in `input` with the same value.
///
/// Allowed normalisations: keys renamed per [`KEY_ALIASES`]; numbers compared
/// by value (`246` = `246.0` = `"246"`); defaults per [`is_default_fill`].
fn check_subset(out: &Value, input: &Value, path: &str) -> Result<(), String> {
    match (out, input) {
        (Value::Object(o), Value::Object(i)) => {
            for (key, value) in o {
                let found = i.get(key.as_str()).or_else(|| {
                    KEY_ALIASES
                        .iter()
                        .find(|(written, _)| written == key)
                        .and_then(|(_, read)| i.get(*read))
                });
                match found {
                    Some(iv) if !iv.is_null() => check_subset(value, iv, &format!("{path}.{key}"))?,
                    _ if is_default_fill(key, value) => {}
                    _ => {
                        return Err(format!(
                            "{path}.{key}: written as {value} but absent in the input"
                        ));
                    }
                }
            }
            Ok(())
        }
        (Value::Array(o), Value::Array(i)) => {
            if o.len() != i.len() {
                return Err(format!(
                    "{path}: {} items written, {} in the input",
                    o.len(),
                    i.len()
                ));
            }
            o.iter()
                .zip(i)
                .enumerate()
                .try_for_each(|(n, (a, b))| check_subset(a, b, &format!("{path}[{n}]")))
        }
        (Value::Number(o), Value::Number(i)) if o.as_f64() == i.as_f64() => Ok(()),
        (Value::Number(o), Value::String(i)) if i.trim().parse::<f64>().ok() == o.as_f64() => {
            Ok(())
        }
        (a, b) if a == b => Ok(()),
        (a, b) => Err(format!("{path}: written as {a}, input has {b}")),
    }
}

/// Removes `null` members of objects, recursively (the model never writes them).
fn strip_nulls(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), strip_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(strip_nulls).collect()),
        other => other.clone(),
    }
}

fn str_at<'a>(value: &'a Value, pointer: &str) -> Option<&'a str> {
    value.pointer(pointer).and_then(Value::as_str)
}

// ---------------------------------------------------------------------------
// Requests: full envelopes
// ---------------------------------------------------------------------------

#[test]
fn every_request_envelope_parses_and_round_trips() {
    let files = json_files("alexa-requests");
    assert_eq!(
        files.len(),
        34,
        "expected the 34 full request envelopes of SOURCES.md"
    );
    let mut failures = Vec::new();
    for (name, bytes) in &files {
        if let Err(why) = check_request_envelope(bytes) {
            failures.push(format!("{name}: {why}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixture(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn check_request_envelope(bytes: &[u8]) -> Result<(), String> {
    let input = raw(bytes);
    let env = RequestEnvelope::from_slice(bytes).map_err(|e| format!("parse: {e}"))?;

    // What a handler reads agrees with the raw JSON.
    let ty = str_at(&input, "/request/type").ok_or("fixture without request.type")?;
    if env.request_type() != ty {
        return Err(format!(
            "request_type() = {:?}, JSON has {ty:?}",
            env.request_type()
        ));
    }
    if let Request::Unknown(_) = env.request {
        return Err(format!("{ty} parsed as Unknown, but alexa-kit models it"));
    }
    if env.request_id() != str_at(&input, "/request/requestId").unwrap_or("") {
        return Err("request_id() differs".into());
    }
    if env.locale() != str_at(&input, "/request/locale") {
        return Err(format!("locale() = {:?}", env.locale()));
    }
    if env.session.is_some() != input.get("session").is_some_and(Value::is_object) {
        return Err("session presence differs".into());
    }
    let app_id = str_at(&input, "/context/System/application/applicationId")
        .or_else(|| str_at(&input, "/session/application/applicationId"));
    if env.application_id() != app_id {
        return Err(format!(
            "application_id() = {:?}, JSON has {app_id:?}",
            env.application_id()
        ));
    }
    let user_id = str_at(&input, "/context/System/user/userId")
        .or_else(|| str_at(&input, "/session/user/userId"));
    if env.user_id() != user_id {
        return Err(format!(
            "user_id() = {:?}, JSON has {user_id:?}",
            env.user_id()
        ));
    }
    if env.device_id() != str_at(&input, "/context/System/device/deviceId") {
        return Err("device_id() differs".into());
    }
    if env.api_access_token() != str_at(&input, "/context/System/apiAccessToken") {
        return Err("api_access_token() differs".into());
    }
    if let Some(interfaces) = input
        .pointer("/context/System/device/supportedInterfaces")
        .and_then(Value::as_object)
    {
        for interface in interfaces.keys() {
            if !env.supports_interface(interface) {
                return Err(format!("supports_interface({interface:?}) is false"));
            }
        }
    }
    if let Some(intent) = input.pointer("/request/intent") {
        if env.intent_name() != str_at(intent, "/name") {
            return Err(format!("intent_name() = {:?}", env.intent_name()));
        }
        for (slot, body) in intent
            .get("slots")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            if env.slot(slot).is_none() {
                return Err(format!("slot {slot:?} missing"));
            }
            let value = body.get("value").and_then(Value::as_str);
            if value.is_some() && env.slot_value(slot) != value {
                return Err(format!("slot_value({slot:?}) = {:?}", env.slot_value(slot)));
            }
        }
    }

    // Re-serializing keeps what the model knows and invents nothing.
    let out = serde_json::to_value(&env).map_err(|e| format!("serialize: {e}"))?;
    check_subset(&out, &input, "$")?;
    let again = serde_json::to_vec(&out).map_err(|e| e.to_string())?;
    let env2 = RequestEnvelope::from_slice(&again).map_err(|e| format!("re-parse: {e}"))?;
    if env2 != env {
        return Err(format!("re-parsed envelope differs:\n{env:#?}\n{env2:#?}"));
    }
    Ok(())
}

fn request(name: &str) -> RequestEnvelope {
    let bytes = fixture(&format!("alexa-requests/{name}"));
    RequestEnvelope::from_slice(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn intent_request_with_dialog_and_slots() {
    let env = request("alexa-app__intent_request_food_delivery_dialog_completed.json");
    assert_eq!(env.dialog_state(), Some(DialogState::Completed));
    let intent = env.intent().expect("an intent");
    assert_eq!(intent.confirmation_status, ConfirmationStatus::Confirmed);

    let env = request("alexa-app__intent_request_food_delivery_dialog_in_progress.json");
    assert_eq!(env.dialog_state(), Some(DialogState::InProgress));

    let env = request("alexa-app__intent_request_slot_synonyms.json");
    assert_eq!(env.dialog_state(), Some(DialogState::Started));
    let slot = env
        .intent()
        .and_then(|i| {
            i.slots
                .values()
                .find(|s| s.value.as_deref() == Some("doggo"))
        })
        .expect("the doggo slot");
    let resolved = slot.resolved().expect("a match");
    assert_eq!(resolved.name, "dog");

    let env = request("jovo-framework__IntentRequest.json");
    assert_eq!(env.dialog_state(), Some(DialogState::Completed));
    assert!(env.intent().expect("an intent").slots.is_empty());
}

#[test]
fn entity_resolution_match_and_no_match() {
    let env = request("alexa-app__intent_request_airport_info_resolutions.json");
    let intent = env.intent().expect("an intent");
    let (name, _) = intent
        .slots
        .iter()
        .find(|(_, s)| s.resolved().is_some())
        .expect("a resolved slot");
    assert!(env.resolved_value(name).is_some());
    assert!(env.resolved_id(name).is_some());

    let env = request("alexa-app__intent_request_airport_info_resolutions_not_found.json");
    let intent = env.intent().expect("an intent");
    let no_match: Vec<_> = intent
        .slots
        .values()
        .flat_map(|s| {
            s.resolutions
                .iter()
                .flat_map(|r| &r.resolutions_per_authority)
        })
        .filter(|r| r.status.code == "ER_SUCCESS_NO_MATCH")
        .collect();
    assert!(!no_match.is_empty());
    assert!(
        no_match
            .iter()
            .all(|r| r.values.is_empty() && !r.is_match())
    );
    assert!(
        intent
            .slots
            .keys()
            .all(|name| env.resolved_value(name).is_none())
    );
}

#[test]
fn de_de_slot_with_unknown_source_key() {
    let env = request("jovo-framework__IntentRequestWithSlotResolution.json");
    assert_eq!(env.locale(), Some("de-DE"));
    let input = raw(&fixture(
        "alexa-requests/jovo-framework__IntentRequestWithSlotResolution.json",
    ));
    let slots = input
        .pointer("/request/intent/slots")
        .and_then(Value::as_object)
        .expect("slots");
    for (name, body) in slots {
        assert_eq!(
            env.slot_value(name),
            body.get("value").and_then(Value::as_str)
        );
    }
}

#[test]
fn built_in_intent_names_and_dotted_slot_names() {
    let env = request("alexa-skills-dotnet__BuiltInIntentRequest.json");
    let name = env.intent_name().expect("an intent name");
    assert!(name.contains('<') && name.contains('@'), "{name}");
    assert!(
        env.intent()
            .expect("intent")
            .slots
            .keys()
            .any(|k| k.contains('.'))
    );
    // `context.System` without application and user.
    assert!(env.system().is_some());
    assert_eq!(
        env.application_id(),
        str_at(
            &raw(&fixture(
                "alexa-requests/alexa-skills-dotnet__BuiltInIntentRequest.json"
            )),
            "/session/application/applicationId"
        )
    );
    // Leading space in requestId is kept as sent.
    assert!(env.request_id().starts_with(' '));
}

#[test]
fn epoch_millisecond_timestamp() {
    let env = request("alexa-skills-dotnet__LaunchRequestWithEpochTimestamp.json");
    assert!(
        matches!(env.request.timestamp(), Some(Timestamp::EpochMillis(ms)) if *ms > 1_000_000_000_000)
    );
    assert!(env.context().is_none());
}

#[test]
fn requests_without_session_context_or_locale() {
    for name in [
        "alexa-app__playback_started.json",
        "alexa-app__playback_nearly_finished.json",
        "alexa-app__playback_failed.json",
        "jovo-framework__PlaybackController.PlayCommandIssued.json",
        "alexa-skills-dotnet__SkillEventPermissionChange.json",
        "Alexa.NET.SkillMessaging__SampleMessage.json",
    ] {
        let env = request(name);
        assert!(env.session.is_none(), "{name}");
        assert!(!env.is_new_session(), "{name}");
    }
    for name in [
        "alexa-app__session_ended_request.json",
        "alexa-skills-dotnet__LaunchRequest.json",
        "alexa-skills-dotnet__IntentRequest.json",
        "alexa-skills-dotnet__SessionEndedRequest.json",
    ] {
        assert!(request(name).context().is_none(), "{name}");
    }
    assert_eq!(
        request("alexa-app__intent_request_slot_synonyms.json").locale(),
        None
    );
}

#[test]
fn session_ended_without_reason() {
    let env = request("alexa-app__session_ended_request.json");
    let Request::SessionEnded(r) = &env.request else {
        panic!("{:?}", env.request)
    };
    assert!(r.reason.is_none());
}

#[test]
fn experimentation_lower_case_and_empty_session() {
    let env = request("alexa-skills-dotnet__ExperimentationRequest.json");
    assert_eq!(env.locale(), None); // "locale": null
    let session = env.session.as_ref().expect("session: {}");
    assert!(!session.new && session.session_id.is_none());
    let context = env.context().expect("context");
    assert!(context.system.is_none());
    let experiments = &context
        .experimentation
        .as_ref()
        .expect("experimentation")
        .active_experiments;
    assert_eq!(experiments[0].id.as_deref(), Some("Experiment ID"));
    // Written back under the documented key.
    let out = serde_json::to_value(&env).expect("serialize");
    assert!(out["context"].get("Experimentation").is_some());
}

#[test]
fn viewport_quirks_and_advertising() {
    let env = request("amazon-alexa-php__contextWithAPL.json");
    let context = env.context().expect("context");
    let viewport = env.viewport().expect("Viewport");
    assert_eq!(viewport.mode, Some(ViewportMode::Tv));
    assert_eq!(viewport.shape, Some(ViewportShape::Rectangle));
    assert_eq!(
        (viewport.pixel_width, viewport.pixel_height),
        (Some(1920), Some(1080))
    );
    assert_eq!(viewport.experiences[0].arc_minute_width, Some(246.0)); // sent as "246"
    assert_eq!(viewport.keyboard, ["DIRECTION"]);
    assert!(viewport.has_touch() && viewport.supports_video_codec("H_264_41"));
    // A Viewports entry without `type` is kept raw.
    let viewports = context.viewports.as_ref().expect("Viewports");
    assert!(matches!(&viewports[0], ViewportState::Other(v) if v["shape"] == "ROUND"));
    assert_eq!(viewports[0].type_name(), "");
    let advertising = context.advertising.as_ref().expect("Advertising");
    assert_eq!(
        advertising.advertising_id.as_deref(),
        Some("12345-advertising-id")
    );
    assert_eq!(advertising.limit_ad_tracking, Some(false));
    assert!(
        context
            .extensions
            .as_ref()
            .expect("Extensions")
            .is_available("aplext:backstack:10")
    );
    let apl = context.apl.as_ref().expect("APL state");
    assert_eq!(apl.token.as_deref(), Some("apl-token-123"));
    assert_eq!(
        apl.components_visible_on_screen[0].id.as_deref(),
        Some("main-container")
    );
}

#[test]
fn apl_and_aplt_viewports() {
    let env = request("Alexa.NET.APL__LaunchRequest.json");
    let context = env.context().expect("context");
    let viewports = context.viewports.as_ref().expect("Viewports");
    let ViewportState::Apl(apl) = &viewports[0] else {
        panic!("{:?}", viewports[0])
    };
    assert_eq!(apl.id.as_deref(), Some("main"));
    assert_eq!(apl.presentation_type.as_deref(), Some("STANDARD"));
    assert_eq!(apl.pixel_size(), Some((1024, 600)));
    let ViewportState::Aplt(aplt) = &viewports[1] else {
        panic!("{:?}", viewports[1])
    };
    assert_eq!(aplt.character_format.as_deref(), Some("SEVEN_SEGMENT")); // sent as `format`
    assert_eq!(aplt.supported_profiles, ["FOUR_CHARACTER_CLOCK"]);
    assert_eq!(aplt.inter_segments[0].x, Some(2));
    let state = context.apl.as_ref().expect("APL state");
    assert!(
        state
            .presentation_uri
            .as_deref()
            .is_some_and(|u| u.starts_with("widget://"))
    );
    assert_eq!(
        state.components_visible_on_screen[0].children[0]
            .id
            .as_deref(),
        Some("fadeHelloTextButton")
    );
    assert!(context.display.is_some());
    assert_eq!(env.viewport().and_then(|v| v.dpi), Some(160));
}

#[test]
fn geolocation_from_a_real_capture() {
    let env = request("alexa-skills-kit-sdk-for-nodejs__requestEnvelope.json");
    let geo = env.geolocation().expect("Geolocation");
    let c = geo.coordinate.as_ref().expect("coordinate");
    assert!((c.latitude_in_degrees - 47.616).abs() < 0.001);
    assert_eq!(c.accuracy_in_meters, Some(10.0));
    assert_eq!(
        geo.speed
            .as_ref()
            .and_then(|s| s.speed_in_meters_per_second),
        Some(1.0)
    );
    assert!(env.api_access_token().is_some());
    let Request::Launch(_) = env.request else {
        panic!("{:?}", env.request)
    };
}

#[test]
fn automotive_smart_properties_and_display() {
    let env = request("jovo-framework__AutomotiveLaunchRequest.json");
    assert!(env.context().and_then(|c| c.automotive.as_ref()).is_some());

    let env = request("alexa-skills-dotnet__SmartPropertiesIntentRequest.json");
    assert_eq!(env.locale(), Some("en-GB"));
    assert!(env.context().and_then(|c| c.extensions.as_ref()).is_some());

    let env = request("alexa-app__display_element_selected_request.json");
    let Request::DisplayElementSelected(r) = &env.request else {
        panic!("{:?}", env.request)
    };
    assert!(!r.token.is_empty());
}

#[test]
fn apl_requests_with_string_start_index() {
    let env = request("amazon-alexa-php__aplLoadIndexListData.json");
    let Request::AplLoadIndexListData(r) = &env.request else {
        panic!("{:?}", env.request)
    };
    assert_eq!(r.start_index(), Some(10));
    assert!(r.count().is_some());

    let env = request("amazon-alexa-php__aplUserEvent.json");
    let Request::AplUserEvent(r) = &env.request else {
        panic!("{:?}", env.request)
    };
    assert!(r.token.is_some() || !r.arguments.is_empty());
}

#[test]
fn connections_skill_events_messaging_audio_player() {
    let env = request("alexa-app__isp_response_request.json");
    let Request::ConnectionsResponse(r) = &env.request else {
        panic!("{:?}", env.request)
    };
    assert_eq!(r.name.as_deref(), Some("Upsell"));
    assert_eq!(r.status.as_ref().and_then(Status::code_number), Some(200)); // "200"

    let env = request("alexa-skills-dotnet__SkillEventPermissionChange.json");
    assert_eq!(
        env.request_type(),
        "AlexaSkillEvent.SkillPermissionAccepted"
    );
    let Request::SkillEvent(e) = &env.request else {
        panic!("{:?}", env.request)
    };
    assert_eq!(e.event, "SkillPermissionAccepted");
    assert!(e.body.is_some());

    let env = request("Alexa.NET.SkillMessaging__SampleMessage.json");
    let Request::MessageReceived(m) = &env.request else {
        panic!("{:?}", env.request)
    };
    assert!(m.message.is_object());

    let env = request("alexa-app__playback_failed.json");
    let Request::AudioPlayer(r) = &env.request else {
        panic!("{:?}", env.request)
    };
    assert_eq!(r.event, AudioPlayerEvent::PlaybackFailed);
    assert!(r.error.is_some());

    let env = request("jovo-framework__PlaybackController.PlayCommandIssued.json");
    let Request::PlaybackController(r) = &env.request else {
        panic!("{:?}", env.request)
    };
    assert_eq!(r.command, PlaybackCommand::Play);
    let player = env
        .context()
        .and_then(|c| c.audio_player.as_ref())
        .expect("AudioPlayer");
    assert_eq!(player.player_activity.as_deref(), Some("STOPPED"));

    let env = request("jovo-framework__CanFulfillIntentRequest.json");
    let Request::CanFulfillIntent(r) = &env.request else {
        panic!("{:?}", env.request)
    };
    assert!(!r.intent.name.is_empty());
}

// ---------------------------------------------------------------------------
// Requests: fragments
// ---------------------------------------------------------------------------

#[test]
fn every_request_fragment_parses_as_its_sub_type() {
    let files = json_files("alexa-requests/fragments");
    assert_eq!(files.len(), 9);
    for (name, bytes) in &files {
        let input = raw(bytes);
        let out = if name.ends_with("MultiValueSlot.json") {
            let slots: HashMap<String, Slot> =
                serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            serde_json::to_value(&slots).expect("serialize")
        } else {
            let r: Request =
                serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(Some(r.type_name()), str_at(&input, "/type"), "{name}");
            assert!(
                !matches!(r, Request::Unknown(_)),
                "{name} parsed as Unknown"
            );
            let out = serde_json::to_value(&r).expect("serialize");
            let back: Request = serde_json::from_value(out.clone()).expect("re-parse");
            assert_eq!(back, r, "{name}");
            out
        };
        check_subset(&out, &input, "$").unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn request_fragment_details() {
    let parse = |name: &str| -> Request {
        serde_json::from_slice(&fixture(&format!("alexa-requests/fragments/{name}")))
            .unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let Request::AplRuntimeError(r) = parse("Alexa.NET.APL__RuntimeError.json") else {
        panic!()
    };
    assert_eq!(r.errors[0].error_type, "LIST_ERROR");
    assert_eq!(r.errors[0].list_version, Some(3));

    let Request::SessionResumed(r) = parse("alexa-skills-dotnet__SessionResumedRequest.json")
    else {
        panic!()
    };
    let cause = r.cause.expect("cause");
    assert_eq!(
        cause.status.as_ref().and_then(Status::code_number),
        Some(200)
    ); // number
    assert_eq!(
        r.timestamp,
        Some(Timestamp::Iso("2019-07-03T00:00:00".into()))
    ); // no zone

    let Request::Launch(r) = parse("alexa-skills-dotnet__LaunchRequestWithTask.json") else {
        panic!()
    };
    let task = r.task.expect("task");
    assert_eq!(task.name, "AMAZON.PrintPDF");
    assert_eq!(
        task.input.as_ref().and_then(|i| i["@type"].as_str()),
        Some("PrintPDFRequest")
    );

    let Request::SessionEnded(r) =
        parse("alexa-skills-kit-sdk-for-java__SessionEndedRequest.withError.json")
    else {
        panic!()
    };
    assert_eq!(r.reason.as_deref(), Some("ERROR"));
    assert_eq!(r.error.expect("error").error_type, "INTERNAL_SERVICE_ERROR");
    assert_eq!(r.locale.as_deref(), Some("fr-CA"));
    assert!(r.timestamp.is_none());

    let Request::ExceptionEncountered(r) =
        parse("alexa-skills-kit-sdk-for-java__ExceptionEncounteredRequest.normal.json")
    else {
        panic!()
    };
    assert_eq!(
        r.cause.and_then(|c| c.request_id).as_deref(),
        Some("arbitraryCauseRequestId")
    );

    let Request::ConnectionsResponse(r) =
        parse("alexa-skills-dotnet__ConnectionsResponseRequest.json")
    else {
        panic!()
    };
    assert_eq!(r.payload.expect("payload")["status"], "DENIED");

    let Request::Intent(r) = parse("alexa-skills-dotnet__IntentWithResolution.json") else {
        panic!()
    };
    assert_eq!(r.intent.name, "GetMediaIntent");
    assert!(r.intent.resolved("MediaType").is_some());

    let slots: HashMap<String, Slot> = serde_json::from_slice(&fixture(
        "alexa-requests/fragments/alexa-skills-dotnet__MultiValueSlot.json",
    ))
    .expect("slots");
    let toppings = &slots["toppings"];
    assert!(toppings.value.is_none());
    assert!(toppings.values().len() >= 2, "{:?}", toppings.values());
    assert!(matches!(toppings.slot_value, Some(SlotValue::List { .. })));
}

// ---------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------

#[test]
fn every_response_envelope_round_trips() {
    let files = json_files("alexa-responses");
    assert_eq!(files.len(), 8);
    for (name, bytes) in &files {
        let input = raw(bytes);
        let env: ResponseEnvelope =
            serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let out = serde_json::to_value(&env).expect("serialize");
        assert_eq!(out, strip_nulls(&input), "{name} does not round-trip");

        let expected = match input.pointer("/response/shouldEndSession") {
            Some(Value::Bool(true)) => ShouldEndSession::End,
            Some(Value::Bool(false)) => ShouldEndSession::KeepOpen,
            None => ShouldEndSession::Unset,
            Some(other) => panic!("{name}: shouldEndSession {other}"),
        };
        assert_eq!(env.response.should_end_session, expected, "{name}");
    }
}

#[test]
fn response_envelope_details() {
    let parse = |name: &str| -> ResponseEnvelope {
        serde_json::from_slice(&fixture(&format!("alexa-responses/{name}"))).expect(name)
    };
    let env = parse("jovo-framework__directives.json");
    let types: Vec<_> = env
        .response
        .directives
        .iter()
        .map(Directive::type_name)
        .collect();
    assert_eq!(types[0], "Display.RenderTemplate");
    assert_eq!(types[1], "AudioPlayer.Play");
    assert_eq!(types[2], ""); // an APL document without `type`
    assert!(matches!(env.response.directives[0], Directive::Raw(_)));
    assert!(matches!(
        env.response.directives[1],
        Directive::AudioPlayerPlay(_)
    ));

    let env = parse("alexa-skills-dotnet__ModelSerilization_Response.json");
    assert!(env.response.reprompt.is_none()); // "reprompt": null

    let env = parse("jovo-framework__LinkAccountCardAsk.json");
    assert_eq!(env.response.card, Some(Card::LinkAccount));

    let env = parse("alexa-rubykit__response-sessionAudio.json");
    let Directive::AudioPlayerPlay(play) = &env.response.directives[0] else {
        panic!()
    };
    assert_eq!(play.audio_item.stream.offset_in_milliseconds, 100);
    assert!(env.response.output_speech.is_none());
}

#[test]
fn every_response_fragment_parses_as_its_sub_type() {
    let files = json_files("alexa-responses/fragments");
    assert_eq!(files.len(), 18);
    for (name, bytes) in &files {
        let input = raw(bytes);
        let out = if name.ends_with("__StandardCard.json") {
            let card: Card =
                serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(matches!(card, Card::Standard { .. }));
            serde_json::to_value(&card).expect("serialize")
        } else if name.ends_with("__SsmlOutputSpeechWithPlayBehavior.json") {
            let speech: OutputSpeech =
                serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(speech.text(), "ssml content"); // not wrapped in <speak>: kept as sent
            serde_json::to_value(&speech).expect("serialize")
        } else if name.ends_with("__CanFulfillResponse.json") {
            let answer: CanFulfillIntent =
                serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(answer.can_fulfill, CanFulfill::Yes);
            assert_eq!(answer.slots["slotName"].can_fulfill, Some(CanFulfill::No));
            serde_json::to_value(&answer).expect("serialize")
        } else if name.ends_with("__ApiResponse.json") {
            let response: Response =
                serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(
                response.api_response.as_ref().expect("apiResponse")["orderTime"],
                "14:00"
            );
            serde_json::to_value(&response).expect("serialize")
        } else {
            let directive: Directive =
                serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(
                Some(directive.type_name()),
                str_at(&input, "/type"),
                "{name}"
            );
            assert!(
                !matches!(directive, Directive::Raw(_)),
                "{name} is a modelled directive"
            );
            serde_json::to_value(&directive).expect("serialize")
        };
        // Nothing invented, nothing lost (except `NONE` filled in for a missing confirmationStatus).
        check_subset(&out, &input, "$").unwrap_or_else(|e| panic!("{name}: {e}"));
        check_subset(&strip_nulls(&input), &out, "$")
            .unwrap_or_else(|e| panic!("{name} lost data: {e}"));
    }
}

#[test]
fn response_fragment_details() {
    let directive = |name: &str| -> Directive {
        serde_json::from_slice(&fixture(&format!("alexa-responses/fragments/{name}"))).expect(name)
    };
    let Directive::AplExecuteCommands(d) = directive("Alexa.NET.APL__ExecuteCommands.json") else {
        panic!()
    };
    assert!(d.commands.is_object()); // a single command, not an array: kept as sent

    let Directive::DialogElicitSlot(d) = directive("alexa-skills-dotnet__DialogElicitSlot.json")
    else {
        panic!()
    };
    assert_eq!(d.slot_to_elicit, "ZodiacSign");
    let intent = d.updated_intent.expect("updatedIntent");
    assert_eq!(intent.slot_value("Date"), Some("2015-11-25"));
    assert_eq!(
        intent.slots["Date"].confirmation_status,
        ConfirmationStatus::Confirmed
    );

    let Directive::AudioPlayerPlay(d) =
        directive("alexa-skills-dotnet__AudioPlayerWithMetadata.json")
    else {
        panic!()
    };
    assert_eq!(d.play_behavior, PlayBehavior::Enqueue);
    assert!(d.audio_item.stream.expected_previous_token.is_some());

    let Directive::ConnectionsSendRequest(d) =
        directive("alexa-skills-dotnet__AskForPermissionsConsentDirective.json")
    else {
        panic!()
    };
    assert_eq!(d.name, "AskFor");
    assert_eq!(d.token, "");

    let Directive::DialogUpdateDynamicEntities(d) =
        directive("alexa-skills-dotnet__DialogDynamicEntity.json")
    else {
        panic!()
    };
    assert_eq!(d.update_behavior, "REPLACE");
    assert_eq!(d.types.len(), 1);

    let Directive::DialogDelegateRequest(d) =
        directive("Alexa.NET.Conversations__DialogDelegateRequest.json")
    else {
        panic!()
    };
    assert_eq!(d.target, "skill");
}
