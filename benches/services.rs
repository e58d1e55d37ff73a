//! What calling Alexa's APIs costs (feature `services`), beside the hello world:
//!
//! - the arm64 Lambda zip of the `time_zone` example (one Settings API call
//!   per request) and of the hello world (`make package`);
//! - start-up: exec until the binary asks the Runtime API for its first event
//!   (release builds for this host, interleaved, median and p90);
//! - the first call on loopback: a new client sets up TLS (reads the
//!   platform's CA bundle and the test CA of `SSL_CERT_FILE`, builds the
//!   rustls configuration), resolves `localhost`, connects, handshakes and
//!   sends one request to an HTTPS server on loopback;
//! - a warm call: the same request on the kept-alive connection.
//!
//! ```text
//! cargo bench --features services --bench services
//! BENCH_STARTS=50 BENCH_FIRST=50 BENCH_WARM=2000 BENCH_ZIP=0 cargo bench --features services --bench services
//! ```

#[path = "../tests/support/tls.rs"]
mod tls;

mod common;
use common::{fmt, pct, run};

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use alexa_kit::https::{Client, Request};
use alexa_kit::lambda::emulator::Emulator;

fn main() {
    let starts = env_usize("BENCH_STARTS", 30);
    let firsts = env_usize("BENCH_FIRST", 30);
    let warms = env_usize("BENCH_WARM", 500);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());

    let mut zips = Vec::new();
    if std::env::var("BENCH_ZIP").as_deref() != Ok("0") {
        eprintln!("packaging both skills for arm64 (make package)…");
        for (example, features) in [("hello_world", ""), ("time_zone", "services")] {
            run(Command::new("make")
                .current_dir(&root)
                .args(["--no-print-directory", "package", "ARCH=arm64"])
                .arg(format!("EXAMPLE={example}"))
                .arg(format!("FEATURES={features}")));
            let zip = target.join(format!("lambda/{example}/bootstrap-arm64.zip"));
            zips.push((
                example,
                std::fs::metadata(&zip).map(|m| m.len()).unwrap_or(0),
            ));
        }
    }

    eprintln!("building the release examples for this host…");
    run(Command::new(&cargo).current_dir(&root).args([
        "build",
        "--release",
        "--features",
        "services",
        "--example",
        "hello_world",
        "--example",
        "time_zone",
    ]));
    let binaries = [
        ("hello_world", target.join("release/examples/hello_world")),
        ("time_zone", target.join("release/examples/time_zone")),
    ];
    let mut start_up: Vec<Vec<Duration>> = vec![Vec::new(); binaries.len()];
    for _ in 0..starts {
        for (i, (_, path)) in binaries.iter().enumerate() {
            start_up[i].push(time_to_first_next(path));
        }
    }

    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let (first, warm) = rt.block_on(calls(firsts, warms));

    println!();
    println!("Alexa service calls: cost beside the hello world");
    if !zips.is_empty() {
        for (example, size) in &zips {
            println!("{:<44} {size:>10} B", format!("arm64 zip, {example}"));
        }
        let growth = zips[1].1 as f64 / zips[0].1 as f64 * 100.0 - 100.0;
        println!("{:<44} {growth:>+9.1} %", "time_zone zip vs hello_world");
    }
    for ((name, _), times) in binaries.iter().zip(start_up.iter_mut()) {
        println!(
            "{:<44} p50 {:>10}  p90 {:>10}",
            format!("start-up (exec → first /next), {name}"),
            fmt(pct(times, 50)),
            fmt(pct(times, 90))
        );
    }
    let (mut a, mut w) = (first, warm);
    println!(
        "{:<44} p50 {:>10}  p90 {:>10}",
        "first call (trust store, connect, TLS, GET)",
        fmt(pct(&mut a, 50)),
        fmt(pct(&mut a, 90))
    );
    println!(
        "{:<44} p50 {:>10}  p90 {:>10}",
        "warm call (kept-alive connection)",
        fmt(pct(&mut w, 50)),
        fmt(pct(&mut w, 90))
    );
}

/// First calls with a fresh client each (TLS set-up included), then warm
/// calls on one client.
async fn calls(firsts: usize, warms: usize) -> (Vec<Duration>, Vec<Duration>) {
    // Starting the server generates the test CA and points SSL_CERT_FILE at it.
    let server = tls::Server::start(|_| tls::Reply::json(200, r#""Europe/Berlin""#)).await;
    let url = server.url("/v2/devices/d/settings/System.timeZone");
    let mut first = Vec::new();
    for _ in 0..firsts {
        let client = Client::new();
        let start = Instant::now();
        let r = client
            .request(Request::get(url.clone()))
            .await
            .expect("first call");
        first.push(start.elapsed());
        assert_eq!(r.status, 200);
    }
    let client = Client::new();
    let mut warm = Vec::new();
    for i in 0..warms + 10 {
        let start = Instant::now();
        client
            .request(Request::get(url.clone()))
            .await
            .expect("warm call");
        if i >= 10 {
            warm.push(start.elapsed());
        }
    }
    assert_eq!(client.connections_opened(), 1);
    (first, warm)
}

/// Spawn → the binary's first `GET /runtime/invocation/next`.
fn time_to_first_next(path: &Path) -> Duration {
    let emulator = Emulator::start().expect("emulator");
    let start = Instant::now();
    let mut child: Child = Command::new(path)
        .env("AWS_LAMBDA_RUNTIME_API", emulator.runtime_api())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", path.display()));
    while emulator.next_requests() == 0 {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{} never asked for an event",
            path.display()
        );
        std::thread::sleep(Duration::from_micros(20));
    }
    let d = start.elapsed();
    let _ = child.kill();
    let _ = child.wait();
    d
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
