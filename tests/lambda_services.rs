//! The `time_zone` example as a Lambda `bootstrap` that calls Alexa's
//! Settings API over real TLS: the Runtime API emulator delivers the events,
//! a loopback HTTPS server (certificate from a generated CA, trusted through
//! `SSL_CERT_FILE`) plays the API. One connection serves the warm
//! invocations, the Lambda deadline bounds a slow call, and a sampled trace
//! header produces an X-Ray subsegment.
//!
//! Set `ALEXA_KIT_SERVICES_BOOTSTRAP` to run this against a packaged
//! `bootstrap` (the deploy check does, for the x86_64 and arm64 zips, arm64
//! under `ALEXA_KIT_BOOTSTRAP_RUNNER=qemu-aarch64`).

mod support;
#[path = "support/tls.rs"]
mod tls;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use alexa_kit::lambda::emulator::{Emulator, Event};
use serde_json::{Value, json};
use support::{Bootstrap, assert_response, result};
use tls::{Reply, Seen, Server};

fn bootstrap() -> PathBuf {
    std::env::var_os("ALEXA_KIT_SERVICES_BOOTSTRAP")
        .map(PathBuf::from)
        .unwrap_or_else(|| support::example_path("time_zone"))
}

/// The Settings API on its own thread and runtime: `Europe/Berlin`, or a
/// 30 s stall for the token `slow`.
fn settings_api() -> (
    SocketAddr,
    Arc<Mutex<Vec<Seen>>>,
    Arc<std::sync::atomic::AtomicUsize>,
) {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let server = Server::start(|seen| {
                if seen.header("authorization") == Some("Bearer slow") {
                    Reply::Delay(Duration::from_secs(30))
                } else if seen.path.ends_with("/settings/System.timeZone") {
                    Reply::json(200, r#""Europe/Berlin""#)
                } else {
                    Reply::status(404, "")
                }
            })
            .await;
            tx.send((server.addr, server.seen.clone(), server.connections.clone()))
                .unwrap();
            std::future::pending::<()>().await
        })
    });
    rx.recv().unwrap()
}

fn event(port: u16, token: &str, id: &str) -> String {
    json!({
        "version": "1.0",
        "session": {"new": true, "sessionId": "amzn1.echo-api.session.1",
                    "application": {"applicationId": "amzn1.ask.skill.1"},
                    "user": {"userId": "amzn1.ask.account.1"}},
        "context": {"System": {"application": {"applicationId": "amzn1.ask.skill.1"},
                               "user": {"userId": "amzn1.ask.account.1"},
                               "device": {"deviceId": "amzn1.ask.device.1", "supportedInterfaces": {}},
                               "apiEndpoint": format!("https://localhost:{port}"),
                               "apiAccessToken": token}},
        "request": {"type": "IntentRequest", "requestId": id, "timestamp": "2026-01-01T00:00:00Z",
                    "locale": "en-US", "intent": {"name": "TimeZoneIntent", "confirmationStatus": "NONE"}}
    })
    .to_string()
}

fn speech(json: &Value) -> String {
    json["response"]["outputSpeech"]["ssml"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn a_packaged_skill_calls_the_settings_api_over_tls_across_warm_invocations() {
    // Sets SSL_CERT_FILE and AWS_XRAY_DAEMON_ADDRESS, which the bootstrap inherits.
    let daemon = tls::xray_daemon();
    let (addr, seen, connections) = settings_api();
    let emulator = Emulator::start().unwrap();
    let bootstrap = Bootstrap::spawn_path(&bootstrap(), &emulator.runtime_api(), &[]);

    let root = "1-6745f2a1-0123456789abcdef01234567";
    for (n, traced) in [(1, false), (2, true)] {
        let mut e = Event::new(event(addr.port(), "t", &format!("req-{n}")))
            .deadline_in(Duration::from_secs(30));
        if traced {
            e = e.trace_id(format!("Root={root};Parent=1234567890abcdef;Sampled=1"));
        }
        let id = emulator.push(e);
        let post = result(&emulator, &id, &bootstrap);
        let json = assert_response(&post, &bootstrap);
        assert_eq!(
            speech(&json),
            "<speak>Your time zone is Europe/Berlin.</speak>",
            "{}",
            bootstrap.log()
        );
    }
    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 2, "{}", bootstrap.log());
    assert_eq!(
        seen[0].path,
        "/v2/devices/amzn1.ask.device.1/settings/System.timeZone"
    );
    assert_eq!(seen[0].header("authorization"), Some("Bearer t"));
    assert_eq!(
        connections.load(std::sync::atomic::Ordering::SeqCst),
        1,
        "the warm invocation reused the connection"
    );
    assert!(seen[0].header("x-amzn-trace-id").is_none());
    let sent = seen[1]
        .header("x-amzn-trace-id")
        .expect("the traced call carries the header");

    let mut buf = vec![0; 65536];
    let (n, _) = daemon.recv_from(&mut buf).expect("a subsegment");
    let (head, doc) = std::str::from_utf8(&buf[..n])
        .unwrap()
        .split_once('\n')
        .unwrap();
    assert_eq!(head, r#"{"format":"json","version":1}"#);
    let doc: Value = serde_json::from_str(doc).unwrap();
    assert_eq!(
        (doc["trace_id"].as_str(), doc["parent_id"].as_str()),
        (Some(root), Some("1234567890abcdef"))
    );
    assert_eq!(
        sent,
        format!(
            "Root={root};Parent={};Sampled=1",
            doc["id"].as_str().unwrap()
        )
    );
    assert_eq!(doc["http"]["response"]["status"], 200);

    // A stalled API: the call gives up DEADLINE_MARGIN before the Lambda
    // deadline and the user hears the apology instead of the function timing out.
    let id = emulator.push(
        Event::new(event(addr.port(), "slow", "req-3")).deadline_in(Duration::from_millis(1500)),
    );
    let post = result(&emulator, &id, &bootstrap);
    let json = assert_response(&post, &bootstrap);
    assert!(
        speech(&json).contains("Sorry, something went wrong"),
        "{}",
        speech(&json)
    );
    // The log is read by another thread: give it a moment to arrive.
    let until = std::time::Instant::now() + Duration::from_secs(5);
    while !bootstrap.log().contains("Timeout") && std::time::Instant::now() < until {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(bootstrap.log().contains("Timeout"), "{}", bootstrap.log());
}
