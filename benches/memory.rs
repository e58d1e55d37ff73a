//! Peak memory of the release hello-world bootstrap on the worst event shapes
//! we could construct, each up to Lambda's 6 MB event limit: one fresh
//! process per shape against the Runtime API emulator, one invocation, then
//! `VmHWM` (peak RSS) from `/proc`. Every shape must be answered or refused
//! with an invocation error, never kill the process.
//!
//! ```text
//! cargo bench --bench memory
//! ```
//!
//! `template.yml` gives the function 128 MB; the target is under 100 MB for
//! every shape.

use std::time::Duration;

use alexa_kit::lambda::emulator::{Emulator, PostKind};

mod common;
use common::{build_examples, peak_rss_kb, spawn, target_dir};

/// Just under Lambda's 6 MB (6,291,456-byte) limit for a synchronous event.
const SIZE: usize = 6_200_000;

/// The hello-world event around `attributes`, `context` and `request`.
fn envelope(attributes: &str, context: &str, request: &str) -> String {
    format!(
        r#"{{"version":"1.0","session":{{"new":false,"sessionId":"amzn1.echo-api.session.1","application":{{"applicationId":"amzn1.ask.skill.1"}},"attributes":{attributes},"user":{{"userId":"amzn1.ask.account.A"}}}},"context":{context},"request":{request}}}"#
    )
}

const CONTEXT: &str = r#"{"System":{"application":{"applicationId":"amzn1.ask.skill.1"},"device":{"deviceId":"d","supportedInterfaces":{}}}}"#;
const HELLO: &str = r#"{"type":"IntentRequest","requestId":"amzn1.echo-api.request.1","locale":"en-US","intent":{"name":"HelloWorldIntent","confirmationStatus":"NONE"}}"#;

/// `open` + `item` repeated (comma-separated, `item` may use `{i}`) + `close`,
/// as many items as fit in `budget` bytes, or `count` items if given.
fn repeat(open: &str, item: &str, close: &str, budget: usize, count: Option<usize>) -> String {
    let mut out = String::with_capacity(budget + 64);
    out.push_str(open);
    let mut i = 0;
    while count.map_or(out.len() + item.len() + 16 < budget, |n| i < n) {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&item.replace("{i}", &i.to_string()));
        i += 1;
    }
    out.push_str(close);
    out
}

/// Builds the shapes: (name, event).
fn shapes() -> Vec<(&'static str, String)> {
    let room = SIZE - envelope("{}", CONTEXT, HELLO).len();
    let attrs = |inner: String| envelope(&inner, CONTEXT, HELLO);
    // An IntentRequest with slots `s0`, `s1`… up to `count` or the room left.
    let slots = |count: Option<usize>| {
        let request = repeat(
            r#"{"type":"IntentRequest","requestId":"r","locale":"en-US","intent":{"name":"HelloWorldIntent","slots":{"#,
            r#""s{i}":{"name":"s{i}","value":"v"}"#,
            "}}}",
            room,
            count,
        );
        envelope("{}", CONTEXT, &request)
    };
    vec![
        (
            "attributes {\"a\":[0,0,0,…]}",
            attrs(repeat(r#"{"a":["#, "0", "]}", room, None)),
        ),
        (
            "attributes {\"a\":[{\"a\":0},…]}",
            attrs(repeat(r#"{"a":["#, r#"{"a":0}"#, "]}", room, None)),
        ),
        (
            "attributes {\"a\":[[],[],…]}",
            attrs(repeat(r#"{"a":["#, "[]", "]}", room, None)),
        ),
        (
            "attributes {\"k0\":0,\"k1\":0,…}",
            attrs(repeat("{", r#""k{i}":0"#, "}", room, None)),
        ),
        (
            "attributes {\"a\":[\"\",\"\",…]}",
            attrs(repeat(r#"{"a":["#, r#""""#, "]}", room, None)),
        ),
        (
            "attributes nested [[[…]]] 3 M deep",
            attrs(format!(
                r#"{{"a":{}{}}}"#,
                "[".repeat(room / 2 - 8),
                "]".repeat(room / 2 - 8)
            )),
        ),
        (
            "attributes one 6 MB string",
            attrs(format!(r#"{{"a":"{}"}}"#, "x".repeat(room - 16))),
        ),
        (
            "attributes 16,500 × {\"a\":0} (accepted)",
            attrs(repeat(r#"{"a":["#, r#"{"a":0}"#, "]}", room, Some(16_500))),
        ),
        ("intent with 6 MB of slots", slots(None)),
        ("intent with 8,000 slots (accepted)", slots(Some(8_000))),
        (
            "unknown request type, payload [0,0,…]",
            envelope(
                "{}",
                CONTEXT,
                &repeat(
                    r#"{"type":"Custom.Event","requestId":"r","payload":["#,
                    "0",
                    "]}",
                    room,
                    None,
                ),
            ),
        ),
        (
            "unknown request type, 24,000 × {} (accepted)",
            envelope(
                "{}",
                CONTEXT,
                &repeat(
                    r#"{"type":"Custom.Event","requestId":"r","payload":["#,
                    "{}",
                    "]}",
                    room,
                    Some(24_000),
                ),
            ),
        ),
        (
            "slot value one 6 MB string",
            envelope(
                "{}",
                CONTEXT,
                &format!(
                    r#"{{"type":"IntentRequest","requestId":"r","locale":"en-US","intent":{{"name":"HelloWorldIntent","slots":{{"s":{{"name":"s","value":"{}"}}}}}}}}"#,
                    "x".repeat(room - 140)
                ),
            ),
        ),
        (
            "context: 6 MB of APL components with long ids (accepted)",
            envelope(
                "{}",
                &repeat(
                    r#"{"System":{"application":{"applicationId":"amzn1.ask.skill.1"}},"Alexa.Presentation.APL":{"componentsVisibleOnScreen":["#,
                    &format!(r#"{{"id":"{}","children":[]}}"#, "c".repeat(2000)),
                    "]}}",
                    room,
                    None,
                ),
                HELLO,
            ),
        ),
        (
            "context: 6 MB of APL components",
            envelope(
                "{}",
                &repeat(
                    r#"{"System":{"application":{"applicationId":"amzn1.ask.skill.1"}},"Alexa.Presentation.APL":{"componentsVisibleOnScreen":["#,
                    r#"{"id":"c{i}","children":[]}"#,
                    "]}}",
                    room,
                    None,
                ),
                HELLO,
            ),
        ),
    ]
}

fn main() {
    eprintln!("building the release hello_world example…");
    build_examples(&["hello_world"]);
    let bootstrap = target_dir().join("release/examples/hello_world");

    println!("Peak RSS of the release hello_world bootstrap, one fresh process per event (VmHWM)");
    println!(
        "{:<58} {:>10} {:>10}  outcome",
        "event shape", "bytes", "peak RSS"
    );
    let mut worst = 0;
    for (name, event) in shapes() {
        let emulator = Emulator::start().expect("emulator");
        let id = emulator.push(event.as_bytes().to_vec());
        let mut child = spawn(&bootstrap, &emulator);
        let post = emulator.wait_for_result(&id, Duration::from_secs(60));
        // The process is still up, serving `/next`: its peak is final.
        let rss = peak_rss_kb(&child);
        let alive = child.try_wait().ok().flatten().is_none();
        let _ = child.kill();
        let _ = child.wait();
        let outcome = match post {
            Some(p) if p.kind == PostKind::Response => "answered".to_owned(),
            Some(p) if p.kind == PostKind::Error => {
                let body = String::from_utf8_lossy(&p.body);
                let msg: String = body.chars().take(90).collect();
                format!("refused: {msg}")
            }
            Some(p) => format!("{:?}", p.kind),
            None => "NO ANSWER (process died?)".to_owned(),
        };
        assert!(alive, "{name}: the bootstrap exited ({outcome})");
        worst = worst.max(rss);
        println!(
            "{name:<58} {:>10} {:>7} MB  {outcome}",
            event.len(),
            format!("{:.1}", rss as f64 / 1024.0)
        );
    }
    println!();
    println!(
        "worst peak RSS: {:.1} MB (the function has 128 MB)",
        worst as f64 / 1024.0
    );
}
