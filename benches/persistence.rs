//! Persistence benchmark: cold start to the first persisted answer.
//!
//! Subjects, built with the release profile and run against the same Runtime
//! API emulator and the same loopback DynamoDB endpoints:
//!
//! - `hello_world`: alexa-kit's hello world, no persistence (the baseline);
//! - `persistent_counter` (feature `dynamodb`): GetItem, then a conditional
//!   PutItem of the visit count, in the ASK layout;
//! - the same counter on `lambda_runtime` + `aws-sdk-dynamodb` (`benches/peer-dynamodb`).
//!
//! Endpoints: a stub in this process that answers GetItem and PutItem at
//! once (the framework's own share: start-up, credentials, signing,
//! serialization, connection), and `moto_server` (a real DynamoDB API, slow
//! Python); moto's own time for one GetItem + PutItem is measured apart, warm.
//!
//! ```text
//! make test-tools                                          # moto_server in .venv
//! cargo bench --features dynamodb --bench persistence      # BENCH_COLD=N (default 20)
//! BENCH_SKIP_PEER_ARM64=1 …                                 # don't build the peer for arm64
//! ```
//!
//! Zip sizes are those of `make package` (arm64), built first when missing:
//! `target/lambda/<example>/bootstrap-arm64.zip`.

mod common;
use common::{fmt, pct};

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use alexa_kit::lambda::emulator::{Emulator, PostKind};
use alexa_kit::store::{Attributes, DynamoDbStore, Store};
use alexa_kit::{Invocation, Transport};

const WAIT: Duration = Duration::from_secs(30);
const TABLE: &str = "bench-attributes";

fn event(user: &str) -> String {
    format!(
        r#"{{"version":"1.0","session":{{"new":true,"sessionId":"amzn1.echo-api.session.0","application":{{"applicationId":"amzn1.ask.skill.00000000-0000-0000-0000-000000000000"}},"user":{{"userId":"{user}"}}}},"context":{{"System":{{"application":{{"applicationId":"amzn1.ask.skill.00000000-0000-0000-0000-000000000000"}},"user":{{"userId":"{user}"}},"device":{{"deviceId":"amzn1.ask.device.B"}}}}}},"request":{{"type":"IntentRequest","requestId":"amzn1.echo-api.request.1","timestamp":"2026-01-01T12:00:00Z","locale":"en-US","intent":{{"name":"HelloWorldIntent","confirmationStatus":"NONE"}}}}}}"#
    )
}

struct Subject {
    name: &'static str,
    path: PathBuf,
    /// The endpoint it talks to (`None`: no persistence).
    endpoint: Option<String>,
    zip: Option<PathBuf>,
    cold: Vec<Duration>,
}

fn main() {
    let cold_n = std::env::var("BENCH_COLD")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());

    eprintln!("building the release examples and the aws-sdk-dynamodb peer…");
    run(Command::new(&cargo).current_dir(&root).args([
        "build",
        "--release",
        "--features",
        "dynamodb",
        "--example",
        "hello_world",
        "--example",
        "persistent_counter",
    ]));
    let peer_target = target.join("bench-peer-dynamodb");
    run(Command::new(&cargo)
        .current_dir(&root)
        .args([
            "build",
            "--release",
            "--manifest-path",
            "benches/peer-dynamodb/Cargo.toml",
            "--target-dir",
        ])
        .arg(&peer_target));

    eprintln!("arm64 zips…");
    let hello_zip = package(&root, &target, "hello_world", "");
    let counter_zip = package(&root, &target, "persistent_counter", "dynamodb");
    let peer_zip = package_peer(&root, &cargo, &peer_target);

    let stub = Stub::start();
    let moto = root.join(".venv/bin/moto_server");
    let moto = moto.exists().then(|| Moto::start(&root, &moto));
    if moto.is_none() {
        eprintln!("note: .venv/bin/moto_server is missing (make test-tools); moto runs skipped");
    }

    let hello = target.join("release/examples/hello_world");
    let counter = target.join("release/examples/persistent_counter");
    let peer = peer_target.join("release/dynamodb-peer");
    let mut subjects = vec![
        Subject::new("alexa-kit hello_world", hello, None, hello_zip),
        Subject::new(
            "alexa-kit counter, stub",
            counter.clone(),
            Some(stub.endpoint.clone()),
            counter_zip.clone(),
        ),
        Subject::new(
            "aws-sdk counter, stub",
            peer.clone(),
            Some(stub.endpoint.clone()),
            peer_zip.clone(),
        ),
    ];
    if let Some(moto) = &moto {
        subjects.push(Subject::new(
            "alexa-kit counter, moto",
            counter,
            Some(moto.endpoint.clone()),
            counter_zip,
        ));
        subjects.push(Subject::new(
            "aws-sdk counter, moto",
            peer,
            Some(moto.endpoint.clone()),
            peer_zip,
        ));
    }

    for round in 0..cold_n + 1 {
        for (i, s) in subjects.iter_mut().enumerate() {
            // A new user each time: GetItem finds nothing, PutItem creates the item.
            let d = cold_start(s, &format!("amzn1.ask.account.bench-{round}-{i}"));
            if round > 0 {
                s.cold.push(d);
            }
        }
    }

    // moto's own time for the same two calls, warm, from this process.
    let moto_own = moto.as_ref().map(|moto| {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        let store = DynamoDbStore::from_vars(TABLE, |name| match name {
            "AWS_REGION" => Some("eu-west-1".into()),
            "AWS_ACCESS_KEY_ID" | "AWS_SECRET_ACCESS_KEY" => Some("bench".into()),
            "AWS_ENDPOINT_URL_DYNAMODB" => Some(moto.endpoint.clone()),
            _ => None,
        })
        .expect("store");
        let inv = Invocation::new(Transport::Lambda);
        let mut times: Vec<Duration> = (0..cold_n.max(10) + 3)
            .map(|i| {
                rt.block_on(async {
                    let key = format!("amzn1.ask.account.own-{i}");
                    let start = Instant::now();
                    let loaded = store.load(&key, &inv).await.expect("GetItem");
                    let mut attributes = Attributes::new();
                    attributes.insert("visits".into(), 1.into());
                    store
                        .save(&key, &attributes, loaded.version, &inv)
                        .await
                        .expect("PutItem");
                    start.elapsed()
                })
            })
            .skip(3)
            .collect();
        pct(&mut times, 50)
    });

    println!();
    println!(
        "Cold start to the first persisted answer ({cold_n} cold starts each, interleaved; x86_64 host)"
    );
    println!(
        "{:<26} {:>10} {:>10} {:>14}",
        "subject", "cold p50", "cold p90", "arm64 zip"
    );
    let mut p50 = Vec::new();
    for s in &mut subjects {
        let zip = s
            .zip
            .as_ref()
            .and_then(|z| std::fs::metadata(z).ok())
            .map_or("n/a".to_owned(), |m| format!("{} B", m.len()));
        let median = pct(&mut s.cold, 50);
        p50.push(median);
        println!(
            "{:<26} {:>10} {:>10} {:>14}",
            s.name,
            fmt(median),
            fmt(pct(&mut s.cold, 90)),
            zip
        );
    }
    println!();
    println!(
        "stub endpoint: answers at once ({} requests served)",
        stub.served()
    );
    if let Some(own) = moto_own {
        println!(
            "moto's own time for GetItem + PutItem (warm, median): {}",
            fmt(own)
        );
    }
    let share = |i: usize| p50[i].saturating_sub(p50[0]);
    println!(
        "framework's own share of the first persisted answer (stub, p50 above hello_world): alexa-kit {}, aws-sdk {}",
        fmt(share(1)),
        fmt(share(2))
    );
}

impl Subject {
    fn new(
        name: &'static str,
        path: PathBuf,
        endpoint: Option<String>,
        zip: Option<PathBuf>,
    ) -> Self {
        Subject {
            name,
            path,
            endpoint,
            zip,
            cold: Vec::new(),
        }
    }
}

fn run(cmd: &mut Command) {
    let status = cmd.status().expect("run");
    assert!(status.success(), "{cmd:?} failed");
}

/// `make package` for arm64 (skipped when the zip is newer than the release binary's sources).
fn package(root: &Path, target: &Path, example: &str, features: &str) -> Option<PathBuf> {
    let zip = target.join(format!("lambda/{example}/bootstrap-arm64.zip"));
    let status = Command::new("make")
        .current_dir(root)
        .arg("--no-print-directory")
        .arg("package")
        .arg(format!("EXAMPLE={example}"))
        .arg(format!("FEATURES={features}"))
        .stdout(Stdio::null())
        .status();
    match status {
        Ok(s) if s.success() => Some(zip),
        _ => {
            eprintln!("note: make package EXAMPLE={example} failed; no zip size");
            None
        }
    }
}

/// The peer for aarch64-musl (its TLS crypto, aws-lc-rs, needs a C compiler:
/// Debian's clang, as for `ring`), zipped like ours.
fn package_peer(root: &Path, cargo: &std::ffi::OsStr, peer_target: &Path) -> Option<PathBuf> {
    let target = "aarch64-unknown-linux-musl";
    let binary = peer_target.join(format!("{target}/release/dynamodb-peer"));
    // BENCH_SKIP_PEER_ARM64=1: zip the binary a previous run built, if any, instead of building it (the
    // AWS SDK takes long to compile).
    let skip = std::env::var_os("BENCH_SKIP_PEER_ARM64").is_some();
    let built = if skip {
        binary.exists()
    } else {
        Command::new(cargo)
            .current_dir(root)
            .args(["build", "--release", "--target", target, "--manifest-path"])
            .arg("benches/peer-dynamodb/Cargo.toml")
            .arg("--target-dir")
            .arg(peer_target)
            .env("CARGO_TARGET_AARCH64_UNKNOWN_LINUX_MUSL_LINKER", "rust-lld")
            .env("CC_aarch64_unknown_linux_musl", "clang")
            .env(
                "CFLAGS_aarch64_unknown_linux_musl",
                "--target=aarch64-unknown-linux-musl",
            )
            .env("AR_aarch64_unknown_linux_musl", "llvm-ar")
            .status()
            .is_ok_and(|s| s.success())
    };
    if !built {
        eprintln!("note: the aws-sdk peer does not build for {target} here; no zip size");
        return None;
    }
    let zip = peer_target.join("bootstrap-arm64.zip");
    let zipped = Command::new("python3")
        .current_dir(root)
        .arg("scripts/zip_bootstrap.py")
        .arg(&binary)
        .arg(&zip)
        .status()
        .is_ok_and(|s| s.success());
    zipped.then_some(zip)
}

fn cold_start(s: &Subject, user: &str) -> Duration {
    let emulator = Emulator::start().expect("emulator");
    let id = emulator.push(event(user));
    let mut command = Command::new(&s.path);
    command
        .env("AWS_LAMBDA_FUNCTION_NAME", "bench")
        .env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")
        .env("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
        .env("AWS_LAMBDA_RUNTIME_API", emulator.runtime_api())
        .env("AWS_REGION", "eu-west-1")
        .env("AWS_ACCESS_KEY_ID", "AKIDBENCH")
        .env("AWS_SECRET_ACCESS_KEY", "bench-secret")
        .env("AWS_SESSION_TOKEN", "bench-token")
        .env("ALEXA_TABLE", TABLE)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if let Some(endpoint) = &s.endpoint {
        command.env("AWS_ENDPOINT_URL_DYNAMODB", endpoint);
    }
    let start = Instant::now();
    let mut child = command
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", s.path.display()));
    let post = emulator.wait_for_result(&id, WAIT).expect("no response");
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(
        post.kind,
        PostKind::Response,
        "{}",
        String::from_utf8_lossy(&post.body)
    );
    let body = String::from_utf8_lossy(&post.body);
    assert!(
        s.endpoint.is_none() || body.contains("Visit number 1"),
        "{}: {body}",
        s.name
    );
    post.received_at - start
}

/// A DynamoDB endpoint that answers GetItem (no item) and PutItem at once.
struct Stub {
    endpoint: String,
    served: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

impl Stub {
    fn start() -> Stub {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let endpoint = format!("http://{}", listener.local_addr().expect("addr"));
        let served = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = served.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let counter = counter.clone();
                std::thread::spawn(move || serve(stream, &counter));
            }
        });
        Stub { endpoint, served }
    }

    fn served(&self) -> usize {
        self.served.load(std::sync::atomic::Ordering::Relaxed)
    }
}

fn serve(stream: TcpStream, served: &std::sync::atomic::AtomicUsize) {
    let _ = stream.set_nodelay(true);
    let Ok(mut writer) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(stream);
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let mut length = 0;
        loop {
            line.clear();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = v.trim().parse().unwrap_or(0);
            }
            if line == "\r\n" {
                break;
            }
        }
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        served.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let answer = "{}";
        let _ = write!(
            writer,
            "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\nx-amzn-RequestId: stub\r\nContent-Length: {}\r\n\r\n{answer}",
            answer.len()
        );
    }
}

/// `moto_server` on a free loopback port with the bench's table; killed on drop.
struct Moto {
    child: Child,
    endpoint: String,
}

impl Moto {
    fn start(root: &Path, bin: &Path) -> Moto {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("port")
            .port();
        let child = Command::new(bin)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("moto_server");
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        let started = Instant::now();
        while TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_err() {
            assert!(started.elapsed() < WAIT, "moto_server did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        let endpoint = format!("http://127.0.0.1:{port}");
        run(Command::new(root.join(".venv/bin/python"))
            .arg(root.join("scripts/dynamodb_table.py"))
            .args([TABLE, "--endpoint", &endpoint, "--region", "eu-west-1"])
            .stdout(Stdio::null()));
        Moto { child, endpoint }
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
