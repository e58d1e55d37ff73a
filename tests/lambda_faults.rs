//! The real hello-world bootstrap against a Runtime API that misbehaves:
//! answers the HTTP client must survive without a panic, without unbounded
//! memory and without falling out of step on its keep-alive connection.
//!
//! Each test queues a fault, then a good event, and checks that the process
//! is still alive and answers that event.

mod support;

use std::time::Duration;

use alexa_kit::lambda::emulator::{Emulator, Event, Fault, PostKind};
use serde_json::json;
use support::{Bootstrap, WAIT, assert_response, bootstrap_path, result};

fn spawn(emulator: &Emulator) -> Bootstrap {
    Bootstrap::spawn_path(&bootstrap_path("hello_world"), &emulator.runtime_api(), &[])
}

fn hello() -> String {
    json!({
        "version": "1.0",
        "session": {"new": true, "sessionId": "amzn1.echo-api.session.1",
                    "application": {"applicationId": "amzn1.ask.skill.1"},
                    "user": {"userId": "amzn1.ask.account.1"}},
        "request": {"type": "IntentRequest", "requestId": "amzn1.echo-api.request.1",
                    "timestamp": "2026-01-01T00:00:00Z", "locale": "en-US",
                    "intent": {"name": "HelloWorldIntent", "confirmationStatus": "NONE"}}
    })
    .to_string()
}

/// A `/next` answer with a request id and the given framing and body.
fn next_head(extra: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\
         Lambda-Runtime-Aws-Request-Id: faulty-1\r\n{extra}"
    )
    .into_bytes()
}

/// Serves `faults` on `/next`, then a good event: it must be answered.
fn survives(faults: impl IntoIterator<Item = Fault>) -> (Emulator, Bootstrap) {
    let emulator = Emulator::start().expect("emulator");
    for fault in faults {
        emulator.inject(fault);
    }
    let id = emulator.push(hello());
    let mut bootstrap = spawn(&emulator);
    let json = assert_response(&result(&emulator, &id, &bootstrap), &bootstrap);
    assert_eq!(
        json["response"]["outputSpeech"]["ssml"],
        "<speak>Hello, world!</speak>"
    );
    assert!(bootstrap.is_running(), "{}", bootstrap.log());
    (emulator, bootstrap)
}

#[test]
fn chunk_sizes_that_overflow_are_refused_and_serving_goes_on() {
    // Sizes near u64::MAX, alone and after a first chunk (so that only the
    // sum overflows), and just over the body limit. Four faults: the loop
    // gives up after five failed `/next` calls in a row.
    let faults = [
        ("", "ffffffffffffffff"),
        ("2\r\n{}\r\n", "fffffffffffffffe"),
        ("2\r\n{}\r\n", "7ffffffffffffffe"),
        ("", "2000001"),
    ]
    .map(|(first, size)| {
        let mut raw = next_head("Transfer-Encoding: chunked\r\n\r\n");
        raw.extend_from_slice(format!("{first}{size}\r\n{{}}\r\n0\r\n\r\n").as_bytes());
        Fault::Raw(raw)
    });
    let (_emulator, bootstrap) = survives(faults);
    let log = bootstrap.log_with(&["chunked body exceeds"]);
    assert!(log.contains("chunked body exceeds"), "{log}");
}

/// Peak resident memory of `pid` in KB (Linux).
fn peak_rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn a_status_line_or_header_without_end_is_read_with_bounded_memory() {
    const FLOOD: usize = 200 * 1024 * 1024;
    let (_emulator, bootstrap) = survives([
        Fault::Flood {
            prefix: b"HTTP/1.1 200 ".to_vec(),
            fill: b'A',
            len: FLOOD,
        },
        Fault::Flood {
            prefix: next_head("X-Padding: "),
            fill: b'B',
            len: FLOOD,
        },
    ]);
    if let Some(kb) = peak_rss_kb(bootstrap.child.id()) {
        assert!(
            kb < 48 * 1024,
            "peak RSS {kb} KB after two 200 MB floods\n{}",
            bootstrap.log()
        );
    }
    let log = bootstrap.log_with(&["bytes left for it"]);
    assert!(log.contains("bytes left for it"), "{log}");
}

#[test]
fn interim_answers_keep_the_connection_in_step() {
    let emulator = Emulator::start().expect("emulator");
    emulator.inject(Fault::Preface(b"HTTP/1.1 100 Continue\r\n\r\n".to_vec()));
    let first = emulator.push(hello());
    emulator.inject(Fault::Preface(
        b"HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 102 Processing\r\n\r\n".to_vec(),
    ));
    let second = emulator.push(hello());
    emulator.inject_post(Fault::Preface(b"HTTP/1.1 100 Continue\r\n\r\n".to_vec()));
    let third = emulator.push(hello());
    let fourth = emulator.push(hello());
    let bootstrap = spawn(&emulator);
    for id in [&first, &second, &third, &fourth] {
        assert_response(&result(&emulator, id, &bootstrap), &bootstrap);
    }
    let log = bootstrap.log();
    assert!(!log.contains("retrying"), "{log}");
    assert!(!log.contains("refused"), "{log}");
    assert_eq!(emulator.connections(), 1, "{log}");
}

#[test]
fn trace_ids_with_control_characters_are_dropped_not_fatal() {
    let emulator = Emulator::start().expect("emulator");
    let bad = [
        "Root=1-5759e988-bd862e3fe1be46a9\0;Sampled=1",
        "Root=1-5759e988\r;Sampled=1",
        "Root=1-5759e988\u{1b}[2J",
        "Root=1-é",
        "Root=1 2",
    ];
    let mut ids: Vec<String> = bad
        .iter()
        .map(|t| emulator.push(Event::new(hello()).trace_id(*t)))
        .collect();
    let long = format!("Root=1-{}", "a".repeat(5000));
    ids.push(emulator.push(Event::new(hello()).trace_id(long)));
    let good =
        emulator.push(Event::new(hello()).trace_id("Root=1-5759e988-bd862e3fe1be46a994272793"));
    let mut bootstrap = spawn(&emulator);
    for id in ids.iter().chain([&good]) {
        assert_response(&result(&emulator, id, &bootstrap), &bootstrap);
    }
    assert!(bootstrap.is_running(), "{}", bootstrap.log());
    let log = bootstrap.log_with(&["ignoring a trace id"]);
    assert!(log.contains("ignoring a trace id"), "{log}");
    assert_eq!(log.matches("ignoring a trace id").count(), 6, "{log}");
    assert!(!log.contains('\0') && !log.contains('\u{1b}'), "{log}");
}

#[test]
fn sigterm_while_a_post_is_never_answered_exits_promptly() {
    let emulator = Emulator::start().expect("emulator");
    let id = emulator.push(hello());
    emulator.inject_post(Fault::Hang);
    let mut bootstrap = spawn(&emulator);
    let post = result(&emulator, &id, &bootstrap);
    assert_eq!(post.kind, PostKind::Response);
    std::thread::sleep(Duration::from_millis(100));
    assert!(bootstrap.is_running());
    let sent = std::time::Instant::now();
    bootstrap.sigterm();
    let status = bootstrap
        .wait_exit(WAIT)
        .unwrap_or_else(|| panic!("SIGTERM ignored during a hung post\n{}", bootstrap.log()));
    assert_eq!(status.code(), Some(0), "{}", bootstrap.log());
    // Lambda kills the process 300 to 500 ms after SIGTERM.
    assert!(
        sent.elapsed() < Duration::from_secs(2),
        "{:?}",
        sent.elapsed()
    );
}
