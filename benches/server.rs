//! Self-hosted endpoint benchmark: requests per second and latency on
//! loopback of the hello world served by `alexa_kit::server` (verification
//! off; on, with the chain cached; one worker and one per core) beside the
//! same hello world on the official Node.js SDK behind
//! `ask-sdk-express-adapter` (benches/express-peer, installed with
//! `npm ci` on first run), in the same run with the same load.
//!
//! ```text
//! cargo bench --features server --bench server
//! BENCH_ROUNDS=5 BENCH_SECONDS=10 BENCH_CONNECTIONS=32 cargo bench --features server --bench server
//! ```
//!
//! The load: `BENCH_CONNECTIONS` keep-alive connections (default 50), each
//! sending a signed `LaunchRequest` as soon as the previous answer arrived,
//! for `BENCH_SECONDS` (default 4) after a one-second warm-up, from one
//! client thread; `BENCH_ROUNDS` rounds (default 3) with the subjects
//! interleaved, reporting the median round's throughput and the latency
//! percentiles over all rounds. Latency is one request's round trip as the client sees
//! it. Verification "on" uses a generated CA and the fixture signing key
//! through the verifier's certificate-fetch seam: the same work per request
//! as with Amazon's chain (chain re-validated at the time of use, RSA-2048
//! signature over the body, timestamp), no network. The Node adapter runs
//! with its checks off, then on with the same chain put in its certificate
//! cache beforehand (it would fetch Amazon's over the network otherwise).

#[path = "../tests/support/http1.rs"]
mod http1;
#[path = "../tests/support/signing.rs"]
mod signing;
#[path = "../examples/hello_world/skill.rs"]
mod skill;

use std::io::BufRead;
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use alexa_kit::server::Server;
use signing::{CERT_URL, Ca, Fetcher};
use tokio::io::BufReader;

/// One subject's figures over every round.
struct Figures {
    name: String,
    rps: Vec<f64>,
    errors: usize,
    latencies_us: Vec<u32>,
}

impl Figures {
    /// The median round's requests per second.
    fn rps(&self) -> f64 {
        let mut rps = self.rps.clone();
        rps.sort_by(f64::total_cmp);
        rps.get(rps.len() / 2).copied().unwrap_or(f64::NAN)
    }

    /// A latency percentile over all rounds' requests, in ms.
    fn percentile(&self, p: f64) -> f64 {
        if self.latencies_us.is_empty() {
            return f64::NAN;
        }
        let i = ((self.latencies_us.len() as f64 - 1.0) * p).round() as usize;
        f64::from(self.latencies_us[i]) / 1000.0
    }
}

/// What is measured: the endpoint in process, or the Node peer.
enum Subject {
    AlexaKit { workers: usize, verify: bool },
    Node { verify: bool },
}

const NODE_OFF: &str = "ask-sdk-express-adapter 2.14.0 on Node, checks off";
const NODE_ON: &str = "ask-sdk-express-adapter 2.14.0 on Node, checks on (cached chain)";

fn main() {
    let seconds = env_u64("BENCH_SECONDS", 4);
    let rounds = env_u64("BENCH_ROUNDS", 3);
    let connections = env_u64("BENCH_CONNECTIONS", 50) as usize;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "self-hosted endpoint on loopback: {connections} keep-alive connections from one client thread, \
         {rounds} rounds of {seconds} s per subject (after 1 s warm-up), subjects interleaved, {cores} core(s)"
    );
    let duration = Duration::from_secs(seconds);
    let ca = Ca::new("Bench");
    let chain = ca.chain(&["echo-api.amazon.com"], 2000, 2100);
    let fetcher = Fetcher::with(CERT_URL, chain.clone());
    let chain_file =
        std::env::temp_dir().join(format!("alexa-kit-bench-chain-{}.pem", std::process::id()));
    std::fs::write(&chain_file, &chain).expect("chain file");
    let chain_arg = chain_file.to_string_lossy().into_owned();

    let on_off = |verify: bool| if verify { "on (cached chain)" } else { "off" };
    let mut subjects: Vec<(String, Subject)> = Vec::new();
    for verify in [false, true] {
        for workers in [cores, 1] {
            let name = format!(
                "alexa-kit, verification {}, {workers} worker(s)",
                on_off(verify)
            );
            subjects.push((name, Subject::AlexaKit { workers, verify }));
        }
        let name = if verify { NODE_ON } else { NODE_OFF };
        subjects.push((name.to_owned(), Subject::Node { verify }));
    }
    let mut results: Vec<Figures> = subjects
        .iter()
        .map(|(name, _)| Figures {
            name: name.clone(),
            rps: Vec::new(),
            errors: 0,
            latencies_us: Vec::new(),
        })
        .collect();
    for _ in 0..rounds {
        for ((name, subject), figures) in subjects.iter().zip(&mut results) {
            let round = match subject {
                Subject::AlexaKit { workers, verify } => {
                    let mut server = Server::new(|| skill::builder().build())
                        .bind(([127, 0, 0, 1], 0).into())
                        .workers(*workers)
                        .verify(*verify);
                    if *verify {
                        server = server.verifier(ca.verifier(fetcher.clone()));
                    }
                    let running = server.start().expect("server starts");
                    let round = load(running.local_addr(), connections, duration);
                    block_on(running.stop());
                    round
                }
                Subject::Node { verify } => {
                    let args = if *verify {
                        vec![chain_arg.as_str(), CERT_URL]
                    } else {
                        vec![]
                    };
                    match node_peer(&args) {
                        Ok((mut child, addr)) => {
                            let round = load(addr, connections, duration);
                            let _ = child.kill();
                            let _ = child.wait();
                            round
                        }
                        Err(why) => {
                            println!("({name} skipped: {why})");
                            continue;
                        }
                    }
                }
            };
            println!("  {name}: {:.0} req/s", round.0);
            figures.rps.push(round.0);
            figures.errors += round.1;
            figures.latencies_us.extend(round.2);
        }
    }
    let _ = std::fs::remove_file(&chain_file);
    for figures in &mut results {
        figures.latencies_us.sort_unstable();
    }

    println!();
    println!(
        "{:<62} {:>10} {:>9} {:>9} {:>7}",
        "subject (req/s: median round; latency: all rounds)", "req/s", "p50 ms", "p99 ms", "errors"
    );
    for r in &results {
        println!(
            "{:<62} {:>10.0} {:>9.2} {:>9.2} {:>7}",
            r.name,
            r.rps(),
            r.percentile(0.50),
            r.percentile(0.99),
            r.errors
        );
    }
    println!();
    for r in results.iter().filter(|r| !r.name.contains("Node")) {
        let peer_name = if r.name.contains("verification on") {
            NODE_ON
        } else {
            NODE_OFF
        };
        if let Some(peer) = results
            .iter()
            .find(|p| p.name == peer_name && !p.rps.is_empty())
        {
            println!(
                "{}: {:.1}x the throughput of \"{}\", p99 {:.2} ms vs {:.2} ms",
                r.name,
                r.rps() / peer.rps(),
                peer.name,
                r.percentile(0.99),
                peer.percentile(0.99)
            );
        }
    }
}

/// Drives `connections` keep-alive connections for a warm-up second, then
/// for `duration`, from one client thread; signed requests, re-signed each
/// phase so that their timestamp stays fresh.
fn load(addr: SocketAddr, connections: usize, duration: Duration) -> (f64, usize, Vec<u32>) {
    let body = signing::launch_body(&signing::iso(SystemTime::now()));
    let signature = signing::sign(&body);
    let request = Arc::new(http1::post(
        &[
            ("SignatureCertChainUrl", CERT_URL),
            ("Signature-256", &signature),
        ],
        &body,
    ));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async move {
        let start = Instant::now();
        let measure_from = start + Duration::from_secs(1);
        let end = measure_from + duration;
        let tasks: Vec<_> = (0..connections)
            .map(|_| {
                let request = request.clone();
                tokio::spawn(async move {
                    let mut latencies = Vec::new();
                    let mut errors = 0;
                    let mut stream = None;
                    while Instant::now() < end {
                        if stream.is_none() {
                            match tokio::net::TcpStream::connect(addr).await {
                                Ok(s) => {
                                    let _ = s.set_nodelay(true);
                                    stream = Some(BufReader::new(s));
                                }
                                Err(_) => {
                                    errors += 1;
                                    tokio::time::sleep(Duration::from_millis(10)).await;
                                    continue;
                                }
                            }
                        }
                        let Some(s) = stream.as_mut() else { continue };
                        let sent = Instant::now();
                        match http1::exchange(s, &request).await {
                            Ok(Some(r)) if r.status == 200 => {
                                if sent >= measure_from {
                                    latencies.push(
                                        sent.elapsed().as_micros().min(u32::MAX as u128) as u32,
                                    );
                                }
                            }
                            _ => {
                                if sent >= measure_from {
                                    errors += 1;
                                }
                                stream = None;
                            }
                        }
                    }
                    (latencies, errors)
                })
            })
            .collect();
        let mut latencies_us = Vec::new();
        let mut errors = 0;
        for task in tasks {
            let (l, e) = task.await.expect("client task");
            latencies_us.extend(l);
            errors += e;
        }
        let rps = latencies_us.len() as f64 / duration.as_secs_f64();
        (rps, errors, latencies_us)
    })
}

/// Starts benches/express-peer (installing it first with `npm ci`); returns
/// the process and its address.
fn node_peer(args: &[&str]) -> Result<(std::process::Child, SocketAddr), String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/express-peer");
    if !dir.join("node_modules").exists() {
        println!("installing the Node peer (npm ci in {})", dir.display());
        let status = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&dir)
            .status()
            .map_err(|e| format!("npm: {e}"))?;
        if !status.success() {
            return Err(format!("npm ci failed: {status}"));
        }
    }
    let mut child = Command::new("node")
        .args(["index.js", "0"])
        .args(args)
        .current_dir(&dir)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("node: {e}"))?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let mut line = String::new();
    std::io::BufReader::new(stdout)
        .read_line(&mut line)
        .map_err(|e| e.to_string())?;
    let port: u16 = line
        .trim()
        .strip_prefix("listening on ")
        .and_then(|p| p.parse().ok())
        .ok_or_else(|| format!("unexpected first line {line:?}"))?;
    Ok((child, SocketAddr::from(([127, 0, 0, 1], port))))
}

fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(future)
}

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
