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

/// The events timed, as `(name, JSON)`: the 0.9 KB IntentRequest this bench
/// always used, and a 4.4 KB Echo Show HelloWorldIntent with the visual
/// context a screen device sends (see `benches/events/README.md`).
const EVENTS: [(&str, &str); 2] = [
    ("small-hello.json", include_str!("events/small-hello.json")),
    (
        "echo-show-hello.json",
        include_str!("events/echo-show-hello.json"),
    ),
];

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

/// Runs the Node.js peer (`benches/node-peer`, the same skill on `ask-sdk-core`)
/// over the same event files, installing it with `npm ci` on first use.
/// Returns nanoseconds per request by file name, or why it could not run.
fn node_peer(iterations: u32, samples: usize) -> Result<Vec<(String, f64)>, String> {
    use std::process::Command;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/node-peer");
    let run = |cmd: &mut Command| -> Result<String, String> {
        let out = cmd
            .current_dir(&dir)
            .output()
            .map_err(|e| format!("{cmd:?}: {e}"))?;
        if !out.status.success() {
            return Err(format!("{cmd:?}: {}", String::from_utf8_lossy(&out.stderr)));
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    };
    if !dir.join("node_modules/ask-sdk-core").is_dir() {
        run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]))?;
    }
    let mut node = Command::new("node");
    node.arg("bench.js")
        .arg(iterations.to_string())
        .arg(samples.to_string());
    for (name, _) in EVENTS {
        node.arg(format!("../events/{name}"));
    }
    let out = run(&mut node)?;
    Ok(out
        .lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace().skip(1);
            let file = words.next()?.rsplit('/').next()?.to_owned();
            Some((file, words.next()?.parse().ok()?))
        })
        .collect())
}

fn main() {
    // The hello-world example itself: embedded Fluent messages, negotiation
    // de-DE → de, the framework's defaults, limit checks.
    let skill = skill::builder().build().expect("skill builds");
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime");
    let invocation = Invocation::default();

    // BENCH_ITERS=… BENCH_SAMPLES=… shorten the run (e.g. under valgrind or
    // perf); BENCH_NODE=0 skips the Node.js peer.
    let env = |name: &str, default: u32| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let iterations = env("BENCH_ITERS", 20_000);
    let samples = env("BENCH_SAMPLES", 9) as usize;
    let mut kit_times = Vec::new();
    // BENCH_EVENT=small times only the events whose file name contains it.
    let only = std::env::var("BENCH_EVENT").unwrap_or_default();
    for (name, json) in EVENTS.into_iter().filter(|(name, _)| name.contains(&*only)) {
        let event = json.as_bytes();
        println!("== {name} ({} bytes)", event.len());
        let check = rt
            .block_on(skill.handle_bytes(event, &invocation))
            .expect("answers");
        println!("alexa-kit answer: {}", String::from_utf8_lossy(&check));
        println!(
            "raw answer:       {}",
            String::from_utf8_lossy(&raw_value(event))
        );
        // Like the Lambda loop: requests are awaited inside one running
        // runtime, not one `block_on` per request.
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
                    alexa_kit::model::RequestEnvelope::from_slice(black_box(event))
                        .expect("parses"),
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
        println!(
            "alexa-kit / Value peer: {:.2}x; parsing is {:.0}% of alexa-kit's time",
            kit / raw,
            100.0 * parse / kit
        );
        println!();
        kit_times.push((name, kit));
    }

    if env("BENCH_NODE", 1) == 0 {
        return;
    }
    match node_peer(iterations, samples) {
        Ok(node) => {
            println!(
                "== Node.js peer: the same skill on ask-sdk-core (benches/node-peer), same run"
            );
            for (name, kit) in kit_times {
                match node.iter().find(|(file, _)| file == name) {
                    Some((_, ns)) => println!(
                        "{name:<22} ask-sdk-core {ns:>7.0} ns/request, alexa-kit {kit:>6.0}: {:.1}x faster",
                        ns / kit
                    ),
                    None => println!("{name:<22} no figure from the Node peer"),
                }
            }
        }
        Err(why) => println!("Node.js peer not run: {why}"),
    }
}
