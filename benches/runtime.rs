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
//! BENCH_BASELINE=/tmp/hello_world-r1:/tmp/hello_world-main cargo bench --bench runtime   # + two
//! ```
//!
//! Figures: cold start = spawn → first response received by the emulator
//! (median and p90 of N, the binaries interleaved); warm = one invocation's
//! round trip from queueing the event to receiving the response (median and
//! p90 of M, all binaries running, invoked in turn, each round starting with
//! the next binary, in 5 sets of fresh processes); peak RSS = the largest
//! `VmHWM` after a set of warm invocations; size = the
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
/// Sets of fresh processes the warm invocations are split among.
const WARM_EPOCHS: usize = 5;

struct Subject {
    name: String,
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
    // Other builds to compare with in the same run, e.g. main's hello world:
    // a `:`-separated list of paths, each named after its file.
    if let Some(baselines) = std::env::var_os("BENCH_BASELINE") {
        for path in std::env::split_paths(&baselines) {
            let file = path.file_name().unwrap_or_default().to_string_lossy();
            let name = format!("baseline {file}");
            subjects.push(Subject::new(name, path));
        }
    }

    // Each round starts with the next binary: the first one started in a
    // round was measured slower than a copy of itself started last.
    let n = subjects.len();
    for round in 0..cold_n {
        for i in (0..n).map(|k| (k + round) % n) {
            let d = cold_start(&subjects[i].path);
            subjects[i].cold.push(d);
        }
    }
    // Warm: all binaries up at once, one invocation each in turn, so that the
    // machine's noise (other jobs) hits them alike instead of whichever ran
    // during a bad second. No binary may always come first: the one started
    // and invoked first was measured up to 16 µs slower at p50 than a copy of
    // itself started later (which core a process and its emulator's threads
    // land on stays for the process's life). So each round starts with the
    // next binary, and the invocations are split among `WARM_EPOCHS` sets of
    // fresh processes, each started from the next binary.
    let epochs = WARM_EPOCHS.min(warm_n.max(1));
    for epoch in 0..epochs {
        let rounds = warm_n / epochs + usize::from(epoch < warm_n % epochs);
        // Started in turn too, a different binary first in each set.
        let mut running: Vec<Option<(Emulator, Child)>> = (0..n).map(|_| None).collect();
        for i in (0..n).map(|k| (k + epoch) % n) {
            let emulator = Emulator::start().expect("emulator");
            let child = spawn(&subjects[i].path, &emulator);
            running[i] = Some((emulator, child));
        }
        let running: Vec<(Emulator, Child)> = running.into_iter().flatten().collect();
        for round in 0..rounds + 10 {
            for i in (0..n).map(|k| (k + round) % n) {
                let d = invoke(&running[i].0);
                if round >= 10 {
                    subjects[i].warm.push(d);
                }
            }
        }
        for (s, (_, mut child)) in subjects.iter_mut().zip(running) {
            s.rss_kb = s.rss_kb.max(peak_rss_kb(&child));
            let _ = child.kill();
            let _ = child.wait();
        }
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
    fn new(name: impl Into<String>, path: PathBuf) -> Subject {
        Subject {
            name: name.into(),
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
