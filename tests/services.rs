//! The Alexa service clients (`alexa_kit::services`) through the real HTTPS
//! client against a TLS server on loopback (certificate from a generated CA,
//! trusted through `SSL_CERT_FILE`) that plays Alexa's APIs: every client's
//! success path, "not set", refused permissions, throttling, retries,
//! deadlines and malformed answers.

#[path = "support/tls.rs"]
mod tls;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use alexa_kit::model::{Device, RequestEnvelope};
use alexa_kit::prelude::*;
use alexa_kit::response::ssml::escape;
use alexa_kit::services::{
    Address, DistanceUnits, PermissionRequired, PhoneNumber, ReminderRequest, TemperatureUnit,
};
use alexa_kit::testing;
use alexa_kit::{Invocation, Transport};
use serde_json::{Value, json};
use tls::{Reply, Server};

const TOKEN: &str = "token-for-this-request";
const DEVICE: &str = "amzn1.ask.device.AEXAMPLE";

/// A skill whose `Call` intent runs the operation named by slot `op` and
/// speaks its result (`Ok(…)` or `ERR kind: message`).
fn skill() -> Skill {
    Skill::builder()
        .intent("Call", async |cx: &mut Input| {
            let op = cx.slot_value("op").unwrap_or_default().to_owned();
            let s = cx.services();
            let result: alexa_kit::Result<String> = async {
                Ok(match op.as_str() {
                    "time_zone" => format!("{:?}", s.settings().time_zone().await?),
                    "distance" => format!("{:?}", s.settings().distance_units().await?),
                    "temperature" => format!("{:?}", s.settings().temperature_unit().await?),
                    "name" => format!("{:?}", s.profile().name().await?),
                    "given_name" => format!("{:?}", s.profile().given_name().await?),
                    "email" => format!("{:?}", s.profile().email().await?),
                    "mobile" => format!("{:?}", s.profile().mobile_number().await?),
                    "address" => format!("{:?}", s.address().full().await?),
                    "postal" => format!("{:?}", s.address().country_and_postal_code().await?),
                    "create" => {
                        let r = ReminderRequest::after(Duration::from_secs(60), "en-US", "Tea!");
                        format!("{:?}", s.reminders().create(&r).await?.alert_token)
                    }
                    "get" => format!("{:?}", s.reminders().get("tok/1").await?.map(|r| r.status)),
                    "update" => {
                        let r = ReminderRequest::at("2026-12-24T18:00:00", None, "en-US", "Gifts!");
                        format!("{:?}", s.reminders().update("tok/1", &r).await?.version)
                    }
                    "delete" => format!("{:?}", s.reminders().delete("tok/1").await?),
                    "list" => format!("{}", s.reminders().list().await?.alerts.len()),
                    "progressive" => {
                        s.progressive_response("Hold on.").await?;
                        "spoken".to_owned()
                    }
                    "progressive_bad" => {
                        s.progressive_response("<speak>Fish & Chips</speak>")
                            .await?;
                        "spoken".to_owned()
                    }
                    "progressive_many" => {
                        let mut n = 0;
                        while s.progressive_response(format!("Step {n}.")).await.is_ok() {
                            n += 1;
                        }
                        format!("{n}")
                    }
                    // `?` straight out of the handler: the built-in error handler answers.
                    "email_or_card" => {
                        let email = s.profile().email().await?;
                        return Ok(format!("{email:?}"));
                    }
                    other => format!("unknown op {other}"),
                })
            }
            .await;
            match result {
                Ok(text) => Ok(cx.say(escape(&text))),
                Err(e) if op == "email_or_card" => Err(e),
                Err(e) => {
                    let scopes = PermissionRequired::of(&e)
                        .map(|p| p.scopes.join(","))
                        .unwrap_or_default();
                    Ok(cx.say(escape(&format!("ERR {} [{scopes}]: {e}", e.kind()))))
                }
            }
        })
        .build()
        .expect("skill")
}

fn envelope(endpoint: &str, op: &str) -> RequestEnvelope {
    envelope_in(endpoint, op, "en-US")
}

fn envelope_in(endpoint: &str, op: &str, locale: &str) -> RequestEnvelope {
    let mut envelope = testing::intent("Call")
        .slot("op", op)
        .locale(locale)
        .build();
    edit_system(&mut envelope, |system| {
        system.api_endpoint = Some(endpoint.to_owned());
        system.api_access_token = Some(TOKEN.to_owned());
        system.device.get_or_insert_with(Device::default).device_id = Some(DEVICE.to_owned());
    });
    envelope
}

/// Changes `context.System` of `envelope`.
fn edit_system(
    envelope: &mut RequestEnvelope,
    edit: impl FnOnce(&mut alexa_kit::model::SystemState),
) {
    let mut context = envelope.context().cloned().unwrap_or_default();
    edit(context.system.get_or_insert_with(Default::default));
    envelope.set_context(Some(context));
}

async fn call_within(endpoint: &str, op: &str, invocation: &Invocation) -> Value {
    let bytes = serde_json::to_vec(&envelope(endpoint, op)).unwrap();
    let out = skill()
        .handle_bytes(&bytes, invocation)
        .await
        .expect("a response");
    serde_json::from_slice(&out).unwrap()
}

/// The speech of the answer to `op`, as plain text.
async fn call(endpoint: &str, op: &str) -> String {
    let response = call_within(endpoint, op, &Invocation::new(Transport::Test)).await;
    speech(&response)
}

fn speech(response: &Value) -> String {
    alexa_kit::response::ssml::to_plain_text(
        response["response"]["outputSpeech"]["ssml"]
            .as_str()
            .unwrap_or_default(),
    )
}

/// Alexa's APIs with fixed values for every call, as the real ones answer.
fn alexa(seen: &tls::Seen) -> Reply {
    let path = seen.path.as_str();
    let device = format!("/v2/devices/{DEVICE}/settings/");
    let address = format!("/v1/devices/{DEVICE}/settings/address");
    match (seen.method.as_str(), path) {
        ("GET", p) if p == format!("{device}System.timeZone") => {
            Reply::json(200, r#""Europe/Berlin""#)
        }
        ("GET", p) if p == format!("{device}System.distanceUnits") => {
            Reply::json(200, r#""IMPERIAL""#)
        }
        ("GET", p) if p == format!("{device}System.temperatureUnit") => {
            Reply::json(200, r#""CELSIUS""#)
        }
        ("GET", "/v2/accounts/~current/settings/Profile.name") => {
            Reply::json(200, r#""Ada Lovelace""#)
        }
        ("GET", "/v2/accounts/~current/settings/Profile.givenName") => Reply::json(200, r#""Ada""#),
        ("GET", "/v2/accounts/~current/settings/Profile.email") => {
            Reply::json(200, r#""ada@example.com""#)
        }
        ("GET", "/v2/accounts/~current/settings/Profile.mobileNumber") => {
            Reply::json(200, r#"{"countryCode":"+44","phoneNumber":"7700900123"}"#)
        }
        ("GET", p) if p == address => Reply::json(
            200,
            r#"{"addressLine1":"410 Terry Ave North","addressLine2":null,"city":"Seattle","stateOrRegion":"WA","countryCode":"US","postalCode":"98109"}"#,
        ),
        ("GET", p) if p == format!("{address}/countryAndPostalCode") => {
            Reply::json(200, r#"{"countryCode":"US","postalCode":"98109"}"#)
        }
        ("POST", "/v1/alerts/reminders") => Reply::json(
            201,
            r#"{"alertToken":"tok/1","createdTime":"2026-11-29T21:00:00.000Z","updatedTime":"2026-11-29T21:00:00.000Z","status":"ON","version":"1","href":"/v1/alerts/reminders/tok/1"}"#,
        ),
        ("GET", "/v1/alerts/reminders/tok%2F1") => {
            Reply::json(200, r#"{"alertToken":"tok/1","status":"ON","version":"1"}"#)
        }
        ("PUT", "/v1/alerts/reminders/tok%2F1") => {
            Reply::json(200, r#"{"alertToken":"tok/1","status":"ON","version":"2"}"#)
        }
        ("DELETE", "/v1/alerts/reminders/tok%2F1") => Reply::status(200, ""),
        ("GET", "/v1/alerts/reminders") => Reply::json(
            200,
            r#"{"totalCount":"2","alerts":[{"alertToken":"a","status":"ON"},{"alertToken":"b","status":"COMPLETED"}],"links":null}"#,
        ),
        ("POST", "/v1/directives") => Reply::status(204, ""),
        _ => Reply::json(404, r#"{"code":"NOT_FOUND"}"#),
    }
}

#[tokio::test]
async fn every_client_succeeds_against_the_apis() {
    let server = Server::start(alexa).await;
    let api = server.url("");
    let expect = [
        ("time_zone", r#"Some("Europe/Berlin")"#.to_owned()),
        ("distance", format!("{:?}", Some(DistanceUnits::Imperial))),
        ("temperature", format!("{:?}", Some(TemperatureUnit::Celsius))),
        ("name", r#"Some("Ada Lovelace")"#.to_owned()),
        ("given_name", r#"Some("Ada")"#.to_owned()),
        ("email", r#"Some("ada@example.com")"#.to_owned()),
        (
            "mobile",
            format!("{:?}", Some(PhoneNumber { country_code: "+44".into(), phone_number: "7700900123".into() })),
        ),
        (
            "address",
            format!(
                "{:?}",
                Some(Address {
                    address_line1: Some("410 Terry Ave North".into()),
                    city: Some("Seattle".into()),
                    state_or_region: Some("WA".into()),
                    country_code: Some("US".into()),
                    postal_code: Some("98109".into()),
                    ..Default::default()
                })
            ),
        ),
        ("postal", r#"Some(CountryAndPostalCode { country_code: Some("US"), postal_code: Some("98109") })"#.to_owned()),
        ("create", r#"Some("tok/1")"#.to_owned()),
        ("get", r#"Some(Some("ON"))"#.to_owned()),
        ("update", r#"Some("2")"#.to_owned()),
        ("delete", "()".to_owned()),
        ("list", "2".to_owned()),
        ("progressive", "spoken".to_owned()),
    ];
    for (op, want) in &expect {
        assert_eq!(&call(&api, op).await, want, "{op}");
    }
    let seen = server.seen();
    assert_eq!(
        seen.len(),
        expect.len(),
        "one call each, no retries: {seen:#?}"
    );
    for s in &seen {
        assert_eq!(
            s.header("authorization"),
            Some(format!("Bearer {TOKEN}").as_str()),
            "{}",
            s.path
        );
    }
    // All on one kept-alive connection of the process-wide client.
    assert_eq!(server.connections(), 1);
    let created: Value = serde_json::from_slice(&seen[9].body).unwrap();
    assert_eq!(
        created["trigger"],
        json!({"type": "SCHEDULED_RELATIVE", "offsetInSeconds": 60})
    );
    assert_eq!(
        created["alertInfo"]["spokenInfo"]["content"][0],
        json!({"locale": "en-US", "text": "Tea!"})
    );
    assert!(created["requestTime"].as_str().unwrap().starts_with("20"));
    let updated: Value = serde_json::from_slice(&seen[11].body).unwrap();
    assert_eq!(updated["trigger"]["scheduledTime"], "2026-12-24T18:00:00");
    let directive: Value = serde_json::from_slice(&seen[14].body).unwrap();
    assert_eq!(
        directive,
        json!({"header": {"requestId": "amzn1.echo-api.request.test"},
               "directive": {"type": "VoicePlayer.Speak", "speech": "<speak>Hold on.</speak>"}})
    );
    assert_eq!(seen[14].header("content-type"), Some("application/json"));
}

#[tokio::test]
async fn not_set_is_none() {
    let server = Server::start(|_| Reply::status(204, "")).await;
    for op in [
        "time_zone",
        "distance",
        "temperature",
        "name",
        "given_name",
        "email",
        "mobile",
        "address",
        "postal",
        "get",
    ] {
        assert_eq!(call(&server.url(""), op).await, "None", "{op}");
    }
    assert_eq!(call(&server.url(""), "list").await, "0");
}

#[tokio::test]
async fn refused_permissions_are_typed_and_answered_with_the_consent_card() {
    let server = Server::start(|seen| {
        if seen.path.starts_with("/v1/alerts") {
            Reply::json(401, r#"{"code":"UNAUTHORIZED","message":"Request is not authorized."}"#)
        } else {
            Reply::json(403, r#"{"code":"ACCESS_DENIED","message":"The authentication token does not have access to resource"}"#)
        }
    })
    .await;
    let api = server.url("");
    let cases = [
        ("name", "alexa::profile:name:read"),
        ("given_name", "alexa::profile:given_name:read"),
        ("email", "alexa::profile:email:read"),
        ("mobile", "alexa::profile:mobile_number:read"),
        ("address", "read::alexa:device:all:address"),
        (
            "postal",
            "read::alexa:device:all:address:country_and_postal_code",
        ),
        ("create", "alexa::alerts:reminders:skill:readwrite"),
        ("list", "alexa::alerts:reminders:skill:readwrite"),
    ];
    for (op, scope) in cases {
        let said = call(&api, op).await;
        assert!(
            said.starts_with(&format!("ERR PermissionDenied [{scope}]")),
            "{op}: {said}"
        );
    }
    // A handler that just uses `?` gets the card, in the user's language.
    let envelope = envelope_in(&api, "email_or_card", "de-DE");
    let bytes = serde_json::to_vec(&envelope).unwrap();
    let out = skill()
        .handle_bytes(&bytes, &Invocation::new(Transport::Test))
        .await
        .unwrap();
    let response: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(
        response["response"]["card"],
        json!({"type": "AskForPermissionsConsent", "permissions": ["alexa::profile:email:read"]})
    );
    assert!(
        speech(&response).contains("Erlaubnis"),
        "{}",
        speech(&response)
    );
    assert_eq!(response["response"]["shouldEndSession"], true);
}

#[tokio::test]
async fn throttling_server_errors_and_retries() {
    let throttled = Server::start(|_| Reply::Full {
        status: 429,
        headers: vec![("retry-after".into(), "60".into())],
        body: b"{}".to_vec(),
    })
    .await;
    assert!(
        call(&throttled.url(""), "time_zone")
            .await
            .starts_with("ERR Throttled")
    );

    let calls = AtomicUsize::new(0);
    let flaky = Server::start(move |seen| {
        if calls.fetch_add(1, Ordering::SeqCst) == 0 {
            Reply::status(503, "")
        } else {
            alexa(seen)
        }
    })
    .await;
    assert_eq!(
        call(&flaky.url(""), "time_zone").await,
        r#"Some("Europe/Berlin")"#
    );
    assert_eq!(flaky.seen().len(), 2, "a GET is retried after a 503");

    let broken = Server::start(|_| Reply::status(500, "oops")).await;
    let said = call(&broken.url(""), "create").await;
    assert!(
        said.starts_with("ERR Service") && said.contains("HTTP 500: oops"),
        "{said}"
    );
    assert_eq!(broken.seen().len(), 1, "creating a reminder is not retried");
}

#[tokio::test]
async fn a_slow_api_ends_at_the_request_deadline() {
    let slow = Server::start(|_| Reply::Delay(Duration::from_secs(30))).await;
    let invocation =
        Invocation::new(Transport::Lambda).with_deadline_in(Duration::from_millis(400));
    let response = call_within(&slow.url(""), "time_zone", &invocation).await;
    assert!(
        speech(&response).starts_with("ERR Timeout"),
        "{}",
        speech(&response)
    );
    let slow_body = Server::start(|_| Reply::SlowBody(Duration::from_secs(30))).await;
    let response = call_within(
        &slow_body.url(""),
        "name",
        &invocation
            .clone()
            .with_deadline_in(Duration::from_millis(400)),
    )
    .await;
    assert!(
        speech(&response).starts_with("ERR Timeout"),
        "{}",
        speech(&response)
    );
}

#[tokio::test]
async fn malformed_answers_are_service_errors() {
    let server = Server::start(
        |seen| match seen.path.rsplit('/').next().unwrap_or_default() {
            "System.timeZone" => Reply::json(200, "{"),
            "System.distanceUnits" => Reply::json(200, r#""LIGHTYEARS""#),
            "Profile.name" => Reply::json(200, "42"),
            "Profile.mobileNumber" => Reply::json(200, "[]"),
            "reminders" => Reply::json(200, r#"{"alerts":"nope"}"#),
            "address" => Reply::Truncated,
            _ => Reply::Huge(10 * 1024 * 1024),
        },
    )
    .await;
    for op in [
        "time_zone",
        "distance",
        "name",
        "mobile",
        "list",
        "address",
        "email",
    ] {
        let said = call(&server.url(""), op).await;
        assert!(said.starts_with("ERR Service"), "{op}: {said}");
    }
}

#[tokio::test]
async fn the_token_goes_only_to_the_requests_api_endpoint() {
    let server = Server::start(alexa).await;
    // A trailing slash on the endpoint, and a device id that tries to leave its path segment.
    let mut tricky = envelope(&format!("{}/", server.url("")), "time_zone");
    edit_system(&mut tricky, |system| {
        system.device.as_mut().unwrap().device_id = Some("../../../v1/alerts/reminders?x".into());
    });
    let bytes = serde_json::to_vec(&tricky).unwrap();
    skill()
        .handle_bytes(&bytes, &Invocation::new(Transport::Test))
        .await
        .unwrap();
    let seen = server.seen();
    assert_eq!(
        seen[0].path,
        "/v2/devices/..%2F..%2F..%2Fv1%2Falerts%2Freminders%3Fx/settings/System.timeZone"
    );

    // Plain http to a host that is not loopback is refused before anything is sent.
    let said = call("http://api.amazonalexa.com", "time_zone").await;
    assert!(
        said.starts_with("ERR Config") && said.contains("plain http"),
        "{said}"
    );
    // No endpoint or token: a clear error, no call.
    let mut tokenless = envelope(&server.url(""), "time_zone");
    edit_system(&mut tokenless, |system| system.api_access_token = None);
    let bytes = serde_json::to_vec(&tokenless).unwrap();
    let out = skill()
        .handle_bytes(&bytes, &Invocation::new(Transport::Test))
        .await
        .unwrap();
    let said = speech(&serde_json::from_slice(&out).unwrap());
    assert!(said.contains("apiAccessToken"), "{said}");
    assert_eq!(server.seen().len(), 1);
}

#[tokio::test]
async fn progressive_responses_are_checked_and_limited() {
    let server = Server::start(alexa).await;
    assert_eq!(call(&server.url(""), "progressive_many").await, "5");
    assert_eq!(server.seen().len(), 5);
    let said = call(&server.url(""), "progressive_bad").await;
    assert!(
        said.starts_with("ERR InvalidResponse") && said.contains("&amp;"),
        "{said}"
    );
    assert_eq!(server.seen().len(), 5, "bad SSML is not sent");
    // Outside Launch and Intent requests they are refused.
    let skill = Skill::builder()
        .on(
            alexa_kit::skill::RequestKind::SessionEnded,
            async |cx: &mut Input| {
                let err = cx
                    .services()
                    .progressive_response("Bye.")
                    .await
                    .unwrap_err();
                assert_eq!(err.kind(), ErrorKind::InvalidResponse);
                assert!(err.to_string().contains("SessionEndedRequest"), "{err}");
                Ok(cx.response())
            },
        )
        .build()
        .unwrap();
    let mut ended = testing::session_ended("USER_INITIATED").build();
    edit_system(&mut ended, |system| {
        system.api_access_token = Some(TOKEN.into())
    });
    skill.handle(ended).await.unwrap();
    assert_eq!(server.seen().len(), 5);
}
