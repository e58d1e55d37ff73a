//! The runtime loop, end to end: the real compiled probe binary against the
//! Runtime API emulator over real loopback sockets.
//!
//! The binary under test defaults to `target/<profile>/examples/runtime_probe`
//! (built by `cargo test`); set `ALEXA_KIT_BOOTSTRAP` to test another one.

mod support;

use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use alexa_kit::lambda::emulator::{Emulator, Event, Fault, PostKind};
use serde_json::Value;
use support::{Bootstrap, WAIT, assert_error, assert_response, bootstrap_path, result};

fn intent(name: &str) -> String {
    serde_json::json!({
        "version": "1.0",
        "session": {"new": true, "sessionId": "s1",
                    "application": {"applicationId": "amzn1.ask.skill.1"}, "user": {"userId": "u1"}},
        "request": {"type": "IntentRequest", "requestId": "amzn1.echo-api.request.1",
                    "timestamp": "2024-01-01T00:00:00Z", "locale": "en-US",
                    "intent": {"name": name, "confirmationStatus": "NONE"}}
    })
    .to_string()
}

#[test]
fn several_invocations_share_one_connection() {
    let emulator = Emulator::start().unwrap();
    let ids: Vec<String> = (0..5)
        .map(|_| emulator.push(intent("HelloIntent")))
        .collect();
    let bootstrap = Bootstrap::spawn(&emulator.runtime_api(), &[]);
    for id in &ids {
        let json = assert_response(&result(&emulator, id, &bootstrap), &bootstrap);
        assert_eq!(
            json["response"]["outputSpeech"]["text"],
            "Hello from the probe."
        );
        assert_eq!(json["response"]["shouldEndSession"], true);
    }
    assert_eq!(
        emulator.connections(),
        1,
        "keep-alive connection was not reused"
    );
    assert_eq!(emulator.posts().len(), 5);
}

#[test]
fn invocation_headers_reach_the_handler() {
    let emulator = Emulator::start().unwrap();
    let trace = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
    let id = emulator.push(
        Event::new(intent("EchoContextIntent"))
            .request_id("ctx-1")
            .trace_id(trace)
            .deadline_in(Duration::from_secs(20)),
    );
    let untraced = emulator.push(Event::new(intent("EchoContextIntent")).deadline_in(None));
    let bootstrap = Bootstrap::spawn(&emulator.runtime_api(), &[]);
    let json = assert_response(&result(&emulator, &id, &bootstrap), &bootstrap);
    let text = json["response"]["outputSpeech"]["text"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        text.starts_with(&format!("id=ctx-1 trace={trace} env={trace} remaining_ms=")),
        "{text}"
    );
    let remaining: i64 = text.rsplit('=').next().unwrap().parse().unwrap();
    assert!((1..=20_000).contains(&remaining), "{remaining}");

    let json = assert_response(&result(&emulator, &untraced, &bootstrap), &bootstrap);
    let text = json["response"]["outputSpeech"]["text"].as_str().unwrap();
    assert!(text.ends_with("trace=- env=- remaining_ms=-1"), "{text}");
}

#[test]
fn garbage_events_get_clean_errors_and_serving_goes_on() {
    let emulator = Emulator::start().unwrap();
    let full = intent("HelloIntent");
    let garbage: Vec<Vec<u8>> = vec![
        b"this is not json".to_vec(),
        b"[1, 2, 3]".to_vec(),
        b"\"a string\"".to_vec(),
        br#"{"version":"1.0","session":{}}"#.to_vec(),
        full.as_bytes()[..full.len() / 2].to_vec(),
        Vec::new(),
        vec![0xff, 0xfe, 0x00],
    ];
    let ids: Vec<String> = garbage.into_iter().map(|g| emulator.push(g)).collect();
    let good = emulator.push(full.clone());
    let bootstrap = Bootstrap::spawn(&emulator.runtime_api(), &[]);
    for id in &ids {
        let post = result(&emulator, id, &bootstrap);
        let message = assert_error(&post, "InvalidRequest", "Function.InvalidRequest");
        assert!(!message.contains("alexa_kit::"), "{message}");
    }
    assert_response(&result(&emulator, &good, &bootstrap), &bootstrap);
    assert_eq!(emulator.connections(), 1);
}

#[test]
fn five_megabyte_event_with_unknown_field_is_answered() {
    let emulator = Emulator::start().unwrap();
    let mut event: Value = serde_json::from_str(&intent("HelloIntent")).unwrap();
    event["someFutureField"] = Value::String("z".repeat(5 * 1024 * 1024));
    let body = serde_json::to_vec(&event).unwrap();
    assert!(body.len() > 5 * 1024 * 1024);
    let id = emulator.push(body);
    let after = emulator.push(intent("HelloIntent"));
    let bootstrap = Bootstrap::spawn(&emulator.runtime_api(), &[]);
    assert_response(&result(&emulator, &id, &bootstrap), &bootstrap);
    assert_response(&result(&emulator, &after, &bootstrap), &bootstrap);
}

#[test]
fn panic_is_reported_and_the_next_event_served() {
    let emulator = Emulator::start().unwrap();
    let boom = emulator.push(intent("PanicIntent"));
    let after = emulator.push(intent("HelloIntent"));
    let mut bootstrap = Bootstrap::spawn(&emulator.runtime_api(), &[]);
    let message = assert_error(
        &result(&emulator, &boom, &bootstrap),
        "Panic",
        "Runtime.Panic",
    );
    assert!(
        message.contains("PanicIntent asked for a panic"),
        "{message}"
    );
    assert_response(&result(&emulator, &after, &bootstrap), &bootstrap);
    assert!(bootstrap.is_running());
}

#[test]
fn oversized_response_becomes_an_error_post() {
    let emulator = Emulator::start().unwrap();
    let huge = emulator.push(intent("HugeIntent"));
    let after = emulator.push(intent("HelloIntent"));
    let bootstrap = Bootstrap::spawn(&emulator.runtime_api(), &[]);
    let post = result(&emulator, &huge, &bootstrap);
    let message = assert_error(&post, "InvalidResponse", "Function.InvalidResponse");
    assert!(message.contains("6291456"), "{message}");
    assert!(post.body.len() < 1024);
    assert_response(&result(&emulator, &after, &bootstrap), &bootstrap);
}

#[test]
fn init_error_is_posted_and_the_process_exits_non_zero() {
    let emulator = Emulator::start().unwrap();
    emulator.push(intent("HelloIntent"));
    let mut bootstrap = Bootstrap::spawn(&emulator.runtime_api(), &[("PROBE_INIT_FAIL", "1")]);
    let status = bootstrap.wait_exit(WAIT).expect("probe did not exit");
    assert_eq!(status.code(), Some(1), "{}", bootstrap.log());
    let posts = emulator.posts();
    assert_eq!(posts.len(), 1);
    let post = &posts[0];
    assert_eq!(post.kind, PostKind::InitError);
    assert_eq!(post.status, 202);
    assert_eq!(
        post.header("Lambda-Runtime-Function-Error-Type"),
        Some("Runtime.InitError")
    );
    let json = post.json().unwrap();
    assert_eq!(json["errorType"], "Config");
    assert!(
        json["errorMessage"]
            .as_str()
            .unwrap()
            .contains("PROBE_INIT_FAIL")
    );
    assert_eq!(
        emulator.next_requests(),
        0,
        "init failed, yet /next was called"
    );
}

#[test]
fn server_errors_on_next_are_retried() {
    let emulator = Emulator::start().unwrap();
    emulator.inject(Fault::Status(500));
    emulator.inject(Fault::Status(500));
    let id = emulator.push(intent("HelloIntent"));
    let bootstrap = Bootstrap::spawn(&emulator.runtime_api(), &[]);
    assert_response(&result(&emulator, &id, &bootstrap), &bootstrap);
    assert!(emulator.next_requests() >= 3);
}

#[test]
fn a_runtime_api_that_keeps_failing_ends_the_process_non_zero() {
    let emulator = Emulator::start().unwrap();
    for _ in 0..50 {
        emulator.inject(Fault::Status(500));
    }
    let mut bootstrap = Bootstrap::spawn(&emulator.runtime_api(), &[]);
    let status = bootstrap.wait_exit(WAIT).expect("probe kept spinning");
    assert!(!status.success(), "{}", bootstrap.log());
    let calls = emulator.next_requests();
    assert!((2..=10).contains(&calls), "{calls} calls to /next");
    assert!(bootstrap.log().contains("500"), "{}", bootstrap.log());
}

#[test]
fn an_unreachable_runtime_api_ends_the_process_non_zero() {
    // A port that was just free: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut bootstrap = Bootstrap::spawn(&format!("127.0.0.1:{port}"), &[]);
    let status = bootstrap.wait_exit(WAIT).expect("probe kept spinning");
    assert!(!status.success());
    assert!(
        bootstrap.log().contains("cannot connect"),
        "{}",
        bootstrap.log()
    );
}

#[test]
fn dropped_connections_are_reopened() {
    let emulator = Emulator::start().unwrap();
    let first = emulator.push(intent("HelloIntent"));
    let bootstrap = Bootstrap::spawn(&emulator.runtime_api(), &[]);
    assert_response(&result(&emulator, &first, &bootstrap), &bootstrap);
    // The loop is now waiting in /next; the next two /next calls are dropped.
    emulator.inject(Fault::DropConnection);
    emulator.inject(Fault::DropConnection);
    let second = emulator.push(intent("HelloIntent"));
    assert_response(&result(&emulator, &second, &bootstrap), &bootstrap);
    assert!(emulator.connections() >= 2);
}

#[test]
fn malformed_http_and_missing_request_id_are_survived() {
    let emulator = Emulator::start().unwrap();
    emulator.inject(Fault::Raw(b"SPDY/9 banana\r\n\r\n".to_vec()));
    emulator.inject(Fault::Raw(
        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nLambda-Runtime-Deadline-Ms: 1\r\n\r\n{}".to_vec(),
    ));
    emulator.inject(Fault::Raw(
        b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"trunc".to_vec(),
    ));
    let id = emulator.push(intent("HelloIntent"));
    let bootstrap = Bootstrap::spawn(&emulator.runtime_api(), &[]);
    assert_response(&result(&emulator, &id, &bootstrap), &bootstrap);
    let log = bootstrap.log();
    assert!(
        log.contains("without Lambda-Runtime-Aws-Request-Id"),
        "{log}"
    );
    assert!(log.contains("malformed HTTP response"), "{log}");
    assert!(!log.contains("panicked"), "{log}");
}

#[test]
fn delayed_next_is_waited_for() {
    let emulator = Emulator::start().unwrap();
    emulator.inject(Fault::Delay(Duration::from_millis(300)));
    let id = emulator.push(intent("HelloIntent"));
    let bootstrap = Bootstrap::spawn(&emulator.runtime_api(), &[]);
    assert_response(&result(&emulator, &id, &bootstrap), &bootstrap);
    assert_eq!(emulator.connections(), 1);
}

#[test]
fn url_form_with_path_prefix_works() {
    let emulator = Emulator::start_with_prefix("/.rt/runtime_probe").unwrap();
    let api = emulator.runtime_api();
    assert!(api.starts_with("http://") && api.ends_with("/.rt/runtime_probe"));
    let id = emulator.push(intent("HelloIntent"));
    let bootstrap = Bootstrap::spawn(&api, &[]);
    assert_response(&result(&emulator, &id, &bootstrap), &bootstrap);
    // The same emulator does not answer at the root: the prefix was used.
    assert!(emulator.posts().iter().all(|p| p.status == 202));
}

#[test]
fn missing_runtime_api_variable_is_a_clear_error() {
    let path = bootstrap_path("runtime_probe");
    let out = Command::new(&path)
        .env_remove("AWS_LAMBDA_RUNTIME_API")
        .output()
        .expect("run probe");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("AWS_LAMBDA_RUNTIME_API is not set"),
        "{stderr}"
    );
}

#[test]
fn sigterm_while_idle_exits_zero() {
    let emulator = Emulator::start().unwrap();
    let id = emulator.push(intent("HelloIntent"));
    let mut bootstrap = Bootstrap::spawn(&emulator.runtime_api(), &[]);
    assert_response(&result(&emulator, &id, &bootstrap), &bootstrap);
    // Wait until the loop is blocked in the next /next.
    let deadline = Instant::now() + WAIT;
    while emulator.next_requests() < 2 && Instant::now() < deadline {
        thread::sleep(Duration::from_millis(5));
    }
    bootstrap.sigterm();
    let status = bootstrap.wait_exit(WAIT).expect("probe ignored SIGTERM");
    assert_eq!(status.code(), Some(0), "{}", bootstrap.log());
}

#[test]
fn sigterm_during_an_invocation_finishes_it_first() {
    let emulator = Emulator::start().unwrap();
    let slow = emulator.push(intent("SlowIntent"));
    let never = emulator.push(intent("HelloIntent"));
    let mut bootstrap = Bootstrap::spawn(&emulator.runtime_api(), &[]);
    let deadline = Instant::now() + WAIT;
    while emulator.next_requests() < 1 && Instant::now() < deadline {
        thread::sleep(Duration::from_millis(5));
    }
    thread::sleep(Duration::from_millis(100));
    bootstrap.sigterm();
    let status = bootstrap.wait_exit(WAIT).expect("probe ignored SIGTERM");
    assert_eq!(status.code(), Some(0), "{}", bootstrap.log());
    let json = assert_response(&result(&emulator, &slow, &bootstrap), &bootstrap);
    assert_eq!(json["response"]["outputSpeech"]["text"], "slow");
    assert!(
        emulator
            .wait_for_result(&never, Duration::from_millis(50))
            .is_none()
    );
}
