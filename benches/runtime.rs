//! Runtime loop benchmark: the release hello-world example (the real skill:
//! Fluent bundles for 17 locales, routing, defaults) and alexa-kit's bare
//! `runtime_probe`, against a hello world on the official `lambda_runtime`
//! crate (`benches/peer`), all built with the same release profile and run
//! against the same Runtime API emulator.
//!
//! ```text
//! cargo bench --bench runtime            # N=30 cold starts, M=500 warm invocations
//! BENCH_COLD=50 BENCH_WARM=2000 cargo bench --bench runtime
//! BENCH_BASELINE=/tmp/hello_world-main cargo bench --bench runtime   # + another build
//! ```
//!
//! Figures: cold start = spawn → first response received by the emulator
//! (median and p90 of N, the binaries interleaved); warm = one invocation's
//! round trip from queueing the event to receiving the response (median and
//! p90 of M, all binaries running, invoked in turn); peak RSS = `VmHWM` after the warm run; size = the
//! stripped binary. The examples are built as `make package` builds them, with `--no-default-features`
//! (no local dialog simulator).

use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use alexa_kit::lambda::emulator::{Emulator, PostKind};

mod common;
use common::{build_examples, env_usize, fmt, pct, peak_rss_kb, run, spawn, target_dir};

const EVENT: &str = r#"{"version":"1.0","session":{"new":false,"sessionId":"amzn1.echo-api.session.0000","application":{"applicationId":"amzn1.ask.skill.00000000-0000-0000-0000-000000000000"},"attributes":{"count":3},"user":{"userId":"amzn1.ask.account.AAAA"}},"context":{"System":{"application":{"applicationId":"amzn1.ask.skill.00000000-0000-0000-0000-000000000000"},"user":{"userId":"amzn1.ask.account.AAAA"},"device":{"deviceId":"amzn1.ask.device.BBBB","supportedInterfaces":{"AudioPlayer":{}}},"apiEndpoint":"https://api.amazonalexa.com","apiAccessToken":"eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.e30.sig"}},"request":{"type":"IntentRequest","requestId":"amzn1.echo-api.request.1111","timestamp":"2024-05-01T12:00:00Z","locale":"en-US","intent":{"name":"HelloWorldIntent","confirmationStatus":"NONE","slots":{"name":{"name":"name","value":"Ada","confirmationStatus":"NONE"}}}}}"#;

const WAIT: Duration = Duration::from_secs(20);

struct Subject {
    name: &'static str,
    path: PathBuf,
    cold: Vec<Duration>,
    warm: Vec<Duration>,
    rss_kb: u64,
}

fn main() {
    let cold_n = env_usize("BENCH_COLD", 30);
    let warm_n = env_usize("BENCH_WARM", 500);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let target = target_dir();
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());

    eprintln!("building the release examples and the lambda_runtime peer…");
    build_examples(&["hello_world", "runtime_probe"]);
    let peer_target = target.join("bench-peer");
    run(Command::new(&cargo)
        .current_dir(&root)
        .args([
            "build",
            "--release",
            "--manifest-path",
            "benches/peer/Cargo.toml",
            "--target-dir",
        ])
        .arg(&peer_target));

    let mut subjects = vec![
        Subject::new(
            "alexa-kit hello_world",
            target.join("release/examples/hello_world"),
        ),
        Subject::new(
            "alexa-kit runtime_probe",
            target.join("release/examples/runtime_probe"),
        ),
        Subject::new(
            "lambda_runtime 1.x hello",
            peer_target.join("release/lambda-runtime-peer"),
        ),
    ];
    // Another build to compare with in the same run, e.g. main's hello world.
    if let Some(baseline) = std::env::var_os("BENCH_BASELINE") {
        subjects.push(Subject::new("baseline (BENCH_BASELINE)", baseline.into()));
    }

    for _ in 0..cold_n {
        for s in subjects.iter_mut() {
            let d = cold_start(&s.path);
            s.cold.push(d);
        }
    }
    // Warm: all binaries up at once, one invocation each in turn, so that the
    // machine's noise (other jobs, which core a process lands on) hits them
    // alike instead of whichever ran during a bad second.
    let running: Vec<(Emulator, Child)> = subjects
        .iter()
        .map(|s| {
            let emulator = Emulator::start().expect("emulator");
            let child = spawn(&s.path, &emulator);
            (emulator, child)
        })
        .collect();
    for round in 0..warm_n + 10 {
        for (s, (emulator, _)) in subjects.iter_mut().zip(&running) {
            let d = invoke(emulator);
            if round >= 10 {
                s.warm.push(d);
            }
        }
    }
    for (s, (_, mut child)) in subjects.iter_mut().zip(running) {
        s.rss_kb = peak_rss_kb(&child);
        let _ = child.kill();
        let _ = child.wait();
    }

    println!();
    println!(
        "Runtime loop benchmark ({cold_n} cold starts each, interleaved; {warm_n} warm invocations)"
    );
    println!(
        "{:<26} {:>12} {:>12} {:>12} {:>12} {:>12} {:>12}",
        "binary", "cold p50", "cold p90", "warm p50", "warm p90", "peak RSS", "size"
    );
    for s in &mut subjects {
        let size = std::fs::metadata(&s.path).map(|m| m.len()).unwrap_or(0);
        println!(
            "{:<26} {:>12} {:>12} {:>12} {:>12} {:>9} KB {:>10} B",
            s.name,
            fmt(pct(&mut s.cold, 50)),
            fmt(pct(&mut s.cold, 90)),
            fmt(pct(&mut s.warm, 50)),
            fmt(pct(&mut s.warm, 90)),
            s.rss_kb,
            size,
        );
    }
}

impl Subject {
    fn new(name: &'static str, path: PathBuf) -> Subject {
        Subject {
            name,
            path,
            cold: Vec::new(),
            warm: Vec::new(),
            rss_kb: 0,
        }
    }
}

fn cold_start(path: &Path) -> Duration {
    let emulator = Emulator::start().expect("emulator");
    let id = emulator.push(EVENT);
    let start = Instant::now();
    let mut child = spawn(path, &emulator);
    let post = emulator.wait_for_result(&id, WAIT).expect("no response");
    assert_eq!(
        post.kind,
        PostKind::Response,
        "{}",
        String::from_utf8_lossy(&post.body)
    );
    let _ = child.kill();
    let _ = child.wait();
    post.received_at - start
}

/// One invocation's round trip on a running binary.
fn invoke(emulator: &Emulator) -> Duration {
    let start = Instant::now();
    let id = emulator.push(EVENT);
    let post = emulator.wait_for_result(&id, WAIT).expect("no response");
    assert_eq!(post.kind, PostKind::Response);
    post.received_at - start
}
