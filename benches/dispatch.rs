//! In-process cost of one request: parse → route → respond → serialize, for
//! the hello-world flow, beside the same work done by hand on
//! `serde_json::Value` in the same run.
//!
//! The skill is the hello-world example's own code, so the figure includes
//! locale negotiation and Fluent formatting.
//!
//! Run with `cargo bench --bench dispatch`. Prints nanoseconds per request
//! (median of several samples); no assertion, this machine is shared.

use std::hint::black_box;
use std::time::Instant;

#[path = "../examples/hello_world/skill.rs"]
mod skill;

use alexa_kit::Invocation;
use serde_json::{Value, json};

const HELLO_INTENT: &str = r#"{"version":"1.0","session":{"new":false,"sessionId":"amzn1.echo-api.session.0000","application":{"applicationId":"amzn1.ask.skill.0000"},"attributes":{},"user":{"userId":"amzn1.ask.account.AAAA"}},"context":{"System":{"application":{"applicationId":"amzn1.ask.skill.0000"},"user":{"userId":"amzn1.ask.account.AAAA"},"device":{"deviceId":"amzn1.ask.device.BBBB","supportedInterfaces":{}},"apiEndpoint":"https://api.eu.amazonalexa.com","apiAccessToken":"eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.e30.c2ln"}},"request":{"type":"IntentRequest","requestId":"amzn1.echo-api.request.1111","timestamp":"2026-01-01T00:00:00Z","locale":"de-DE","intent":{"name":"HelloWorldIntent","confirmationStatus":"NONE"}}}"#;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn measure(name: &str, iterations: u32, samples: usize, mut f: impl FnMut()) -> f64 {
    for _ in 0..iterations / 10 {
        f();
    }
    let per_request: Vec<f64> = (0..samples)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..iterations {
                f();
            }
            start.elapsed().as_nanos() as f64 / f64::from(iterations)
        })
        .collect();
    let m = median(per_request);
    println!("{name:<44} {m:>9.0} ns/request");
    m
}

/// [`measure`] for work that has to be awaited.
async fn measure_async(
    name: &str,
    iterations: u32,
    samples: usize,
    mut f: impl AsyncFnMut(),
) -> f64 {
    for _ in 0..iterations / 10 {
        f().await;
    }
    let mut per_request = Vec::with_capacity(samples);
    for _ in 0..samples {
        let start = Instant::now();
        for _ in 0..iterations {
            f().await;
        }
        per_request.push(start.elapsed().as_nanos() as f64 / f64::from(iterations));
    }
    let m = median(per_request);
    println!("{name:<44} {m:>9.0} ns/request");
    m
}

/// The same answer, written by hand on serde_json::Value.
fn raw_value(event: &[u8]) -> Vec<u8> {
    let v: Value = serde_json::from_slice(event).expect("valid JSON");
    let request = &v["request"];
    let speech = match (request["type"].as_str(), request["intent"]["name"].as_str()) {
        (Some("IntentRequest"), Some("HelloWorldIntent")) => match request["locale"].as_str() {
            Some(l) if l.starts_with("de") => "Hallo Welt!",
            _ => "Hello, world!",
        },
        _ => "Sorry.",
    };
    let response = json!({
        "version": "1.0",
        "sessionAttributes": v["session"]["attributes"].clone(),
        "response": {
            "outputSpeech": {"type": "SSML", "ssml": format!("<speak>{speech}</speak>")},
            "shouldEndSession": true
        }
    });
    serde_json::to_vec(&response).expect("serializable")
}

fn main() {
    // The hello-world example itself: embedded Fluent messages, negotiation
    // de-DE → de, the framework's defaults, limit checks.
    let skill = skill::builder().build().expect("skill builds");
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime");
    let event = HELLO_INTENT.as_bytes();
    let invocation = Invocation::default();

    let check = rt
        .block_on(skill.handle_bytes(event, &invocation))
        .expect("answers");
    println!("alexa-kit answer: {}", String::from_utf8_lossy(&check));
    println!(
        "raw answer:       {}",
        String::from_utf8_lossy(&raw_value(event))
    );
    println!();

    // BENCH_ITERS=… BENCH_SAMPLES=… shorten the run (e.g. under valgrind).
    let env = |name: &str, default: u32| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let iterations = env("BENCH_ITERS", 20_000);
    let samples = env("BENCH_SAMPLES", 9) as usize;
    // Like the Lambda loop: requests are awaited inside one running runtime,
    // not one `block_on` per request.
    let kit = rt.block_on(async {
        measure_async(
            "alexa-kit Skill::handle_bytes",
            iterations,
            samples,
            async || {
                let out = skill.handle_bytes(black_box(event), &invocation).await;
                black_box(out.expect("answers"));
            },
        )
        .await
    });
    let parse = measure(
        "  of which RequestEnvelope::from_slice",
        iterations,
        samples,
        || {
            black_box(
                alexa_kit::model::RequestEnvelope::from_slice(black_box(event)).expect("parses"),
            );
        },
    );
    let raw = measure(
        "peer: hand-written serde_json::Value",
        iterations,
        samples,
        || {
            black_box(raw_value(black_box(event)));
        },
    );
    println!();
    println!(
        "alexa-kit / Value peer: {:.2}x; parsing is {:.0}% of alexa-kit's time",
        kit / raw,
        100.0 * parse / kit
    );
}
