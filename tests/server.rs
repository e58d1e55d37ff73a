//! The self-hosted endpoint (feature `server`): Alexa's request verification
//! against certificates from a generated CA (served through the certificate
//! fetch seam), and the HTTP server on loopback: malformed HTTP, body limit,
//! many keep-alive connections, drain on shutdown and SIGTERM, TLS.

#[path = "support/http1.rs"]
mod http1;
#[path = "support/signing.rs"]
mod signing;
#[path = "../examples/hello_world/skill.rs"]
mod skill;
mod support;

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use alexa_kit::prelude::*;
use alexa_kit::server::{Server, Verifier, http};
use alexa_kit::{ErrorKind, Skill};
use rcgen::{CertificateParams, KeyPair};
use signing::{CERT_URL, Ca, Fetcher, iso, june_2030, launch_body, sign};
use tokio::io::BufReader;
use tokio::net::TcpStream;

fn headers(url: &str, signature: Option<&str>, sha1: Option<&str>) -> http::HeaderMap {
    let mut headers = http::HeaderMap::new();
    headers.insert("SignatureCertChainUrl", url.parse().unwrap());
    if let Some(s) = signature {
        headers.insert("Signature-256", s.parse().unwrap());
    }
    if let Some(s) = sha1 {
        headers.insert("Signature", s.parse().unwrap());
    }
    headers
}

/// Verifies a freshly signed launch request sent at `sent`, checked at `now`.
async fn verify_at(
    verifier: &Verifier,
    url: &str,
    sent: SystemTime,
    now: SystemTime,
) -> alexa_kit::Result<()> {
    let body = launch_body(&iso(sent));
    verifier
        .verify(&headers(url, Some(&sign(&body)), None), &body, now)
        .await
}

/// A fresh CA, its `echo-api.amazon.com` chain (valid 2030–2031) served at
/// [`CERT_URL`], and a verifier trusting that CA.
fn pki() -> (Ca, Arc<Fetcher>, Verifier) {
    let ca = Ca::new("Test");
    let fetcher = Fetcher::with(CERT_URL, ca.chain(&["echo-api.amazon.com"], 2030, 2031));
    let verifier = ca.verifier(fetcher.clone());
    (ca, fetcher, verifier)
}

fn reason(result: alexa_kit::Result<()>) -> String {
    let error = result.expect_err("should be refused");
    assert_eq!(error.kind(), ErrorKind::Verification, "{error}");
    error.message().to_owned()
}

// ---------------------------------------------------------------------------
// Verification rules, each passing and failing.

#[tokio::test]
async fn a_signed_request_with_a_trusted_chain_passes() {
    let (_, fetcher, verifier) = pki();
    verify_at(&verifier, CERT_URL, june_2030(), june_2030())
        .await
        .unwrap();
    // Other spellings normalise to the same URL, which is what is fetched (and cached).
    for url in [
        "HTTPS://S3.AmazonAWS.com:443/echo.api/echo-api-cert-test.pem",
        "https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert-test.pem",
        "https://s3.amazonaws.com/echo.api/./%65cho-api-cert-test.pem",
    ] {
        verify_at(&verifier, url, june_2030(), june_2030())
            .await
            .unwrap();
    }
    assert_eq!(fetcher.count(), 1, "one fetch, then the cache");
}

#[tokio::test]
async fn cert_urls_off_the_echo_api_bucket_are_refused_before_any_fetch() {
    let (_, fetcher, verifier) = pki();
    for (url, why) in [
        (
            "https://s3.amazonaws.com/echo.api/../other-bucket/echo-api-cert-test.pem",
            "/echo.api/",
        ),
        (
            "https://s3.amazonaws.com/echo.api/%2e%2e/other-bucket/x.pem",
            "/echo.api/",
        ),
        (
            "http://s3.amazonaws.com/echo.api/echo-api-cert-test.pem",
            "https",
        ),
        (
            "https://s3.amazonaws.com:563/echo.api/echo-api-cert-test.pem",
            "port 443",
        ),
        (
            "https://notamazon.com/echo.api/echo-api-cert-test.pem",
            "s3.amazonaws.com",
        ),
        (
            "https://s3.amazonaws.com/EcHo.aPi/echo-api-cert-test.pem",
            "/echo.api/",
        ),
        (
            "https://s3.amazonaws.com/invalid.path/echo-api-cert-test.pem",
            "/echo.api/",
        ),
    ] {
        let message = reason(verify_at(&verifier, url, june_2030(), june_2030()).await);
        assert!(message.contains(why), "{url}: {message}");
    }
    assert_eq!(fetcher.count(), 0);
}

#[tokio::test]
async fn chains_must_be_trusted_named_and_valid_now() {
    let ca = Ca::new("Test");
    let cases: [(&str, Vec<u8>, SystemTime, &str); 5] = [
        (
            "expired",
            ca.chain(&["echo-api.amazon.com"], 2028, 2029),
            june_2030(),
            "has expired",
        ),
        (
            "not yet valid",
            ca.chain(&["echo-api.amazon.com"], 2031, 2032),
            june_2030(),
            "not valid yet",
        ),
        (
            "wrong name",
            ca.chain(&["echo-api.amazon.com.evil.example"], 2030, 2031),
            june_2030(),
            "not for echo-api.amazon.com",
        ),
        (
            "untrusted root",
            Ca::new("Other").chain(&["echo-api.amazon.com"], 2030, 2031),
            june_2030(),
            "trusted root",
        ),
        ("not PEM", b"hello".to_vec(), june_2030(), "empty"),
    ];
    for (case, chain, now, why) in cases {
        let verifier = ca.verifier(Fetcher::with(CERT_URL, chain));
        let message = reason(verify_at(&verifier, CERT_URL, now, now).await);
        assert!(message.contains(why), "{case}: {message}");
    }
    // The same expired chain passes at a time when it was valid.
    let verifier = ca.verifier(Fetcher::with(
        CERT_URL,
        ca.chain(&["echo-api.amazon.com"], 2028, 2029),
    ));
    let mid_2028 = june_2030() - Duration::from_secs(2 * 365 * 86_400);
    verify_at(&verifier, CERT_URL, mid_2028, mid_2028)
        .await
        .unwrap();
}

#[tokio::test]
async fn the_signature_must_match_the_raw_body_and_be_sha256() {
    let (_, _, verifier) = pki();
    let body = launch_body(&iso(june_2030()));
    let signature = sign(&body);
    verifier
        .verify(
            &headers(CERT_URL, Some(&signature), None),
            &body,
            june_2030(),
        )
        .await
        .unwrap();
    // One byte changed (inside the JSON, still valid JSON).
    let altered = String::from_utf8(body.clone())
        .unwrap()
        .replace("en-US", "en-GB");
    let message = reason(
        verifier
            .verify(
                &headers(CERT_URL, Some(&signature), None),
                altered.as_bytes(),
                june_2030(),
            )
            .await,
    );
    assert!(message.contains("does not match"), "{message}");
    // Only the retired SHA-1 header.
    let message = reason(
        verifier
            .verify(
                &headers(CERT_URL, None, Some(&signature)),
                &body,
                june_2030(),
            )
            .await,
    );
    assert!(message.contains("SHA-1"), "{message}");
    // Garbage and missing headers.
    let message = reason(
        verifier
            .verify(&headers(CERT_URL, Some("%%%"), None), &body, june_2030())
            .await,
    );
    assert!(message.contains("base64"), "{message}");
    let message = reason(
        verifier
            .verify(&http::HeaderMap::new(), &body, june_2030())
            .await,
    );
    assert!(message.contains("SignatureCertChainUrl"), "{message}");
}

#[tokio::test]
async fn timestamps_may_be_150_seconds_off_either_way() {
    let (_, _, verifier) = pki();
    let now = june_2030();
    for ok in [
        now,
        now - Duration::from_secs(149),
        now + Duration::from_secs(149),
    ] {
        verify_at(&verifier, CERT_URL, ok, now).await.unwrap();
    }
    let message = reason(verify_at(&verifier, CERT_URL, now - Duration::from_secs(151), now).await);
    assert!(message.contains("old"), "{message}");
    let message = reason(verify_at(&verifier, CERT_URL, now + Duration::from_secs(151), now).await);
    assert!(message.contains("future"), "{message}");
    // Skill events may arrive up to an hour late.
    let body = format!(
        r#"{{"version":"1.0","request":{{"type":"AlexaSkillEvent.SkillEnabled","requestId":"r","timestamp":"{}"}}}}"#,
        iso(now - Duration::from_secs(1800))
    );
    verifier
        .verify(
            &headers(CERT_URL, Some(&sign(body.as_bytes())), None),
            body.as_bytes(),
            now,
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn cached_chains_are_checked_again_at_each_use() {
    let (ca, fetcher, verifier) = pki();
    verify_at(&verifier, CERT_URL, june_2030(), june_2030())
        .await
        .unwrap();
    assert_eq!(fetcher.count(), 1);
    let later = expires_at_2031(&verifier, &fetcher).await;
    // Amazon rotated the certificate at the same URL: the next request fetches the new one.
    fetcher.set(CERT_URL, ca.chain(&["echo-api.amazon.com"], 2031, 2032));
    verify_at(&verifier, CERT_URL, later, later).await.unwrap();
    assert_eq!(fetcher.count(), 3);
    verify_at(&verifier, CERT_URL, later, later).await.unwrap();
    assert_eq!(fetcher.count(), 3);
}

#[tokio::test]
async fn a_cached_chain_expires_with_its_first_certificate_to_expire() {
    // The leaf is valid until 2032, its intermediate only until 2031.
    let ca = Ca::with_intermediate_until("Short", 2031);
    let fetcher = Fetcher::with(CERT_URL, ca.chain(&["echo-api.amazon.com"], 2030, 2032));
    let verifier = ca.verifier(fetcher.clone());
    expires_at_2031(&verifier, &fetcher).await;
}

/// A chain valid until 2031-01-01T00:00:00Z, cached in June 2030, serves up
/// to that second without a fetch; one second later it is dropped, fetched
/// again and refused as expired. Returns that second.
async fn expires_at_2031(verifier: &Verifier, fetcher: &Fetcher) -> SystemTime {
    verify_at(verifier, CERT_URL, june_2030(), june_2030())
        .await
        .unwrap();
    let fetches = fetcher.count();
    let last_second = SystemTime::UNIX_EPOCH + Duration::from_secs(1_924_992_000);
    verify_at(verifier, CERT_URL, last_second, last_second)
        .await
        .unwrap();
    assert_eq!(fetcher.count(), fetches);
    let later = last_second + Duration::from_secs(1);
    let message = reason(verify_at(verifier, CERT_URL, later, later).await);
    assert!(message.contains("has expired"), "{message}");
    assert_eq!(fetcher.count(), fetches + 1);
    later
}

#[tokio::test]
async fn the_cache_is_bounded() {
    let ca = Ca::new("Test");
    let fetcher = Arc::new(Fetcher::default());
    let urls: Vec<String> = (0..6)
        .map(|i| format!("https://s3.amazonaws.com/echo.api/cert-{i}.pem"))
        .collect();
    for url in &urls {
        fetcher.set(url, ca.chain(&["echo-api.amazon.com"], 2030, 2031));
    }
    let verifier = ca.verifier(fetcher.clone());
    for url in &urls {
        verify_at(&verifier, url, june_2030(), june_2030())
            .await
            .unwrap();
    }
    assert_eq!(fetcher.count(), 6);
    // The newest entries are cached, the oldest were evicted.
    verify_at(&verifier, &urls[5], june_2030(), june_2030())
        .await
        .unwrap();
    assert_eq!(fetcher.count(), 6);
    verify_at(&verifier, &urls[0], june_2030(), june_2030())
        .await
        .unwrap();
    assert_eq!(fetcher.count(), 7);
}

// ---------------------------------------------------------------------------
// The HTTP server on loopback.

fn hello_world() -> alexa_kit::Result<Skill> {
    skill::builder().skill_id("amzn1.ask.skill.test").build()
}

fn start(server: Server) -> alexa_kit::server::Running {
    server
        .bind(([127, 0, 0, 1], 0).into())
        .workers(2)
        .start()
        .expect("server starts")
}

/// An unsigned launch request on `stream` gets the hello world's welcome.
async fn answers_a_launch<S>(stream: &mut BufReader<S>)
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
{
    let body = launch_body(&iso(SystemTime::now()));
    let ok = http1::send(stream, &http1::post(&[], &body)).await;
    assert_eq!(ok.status, 200, "{}", ok.text());
    assert!(ok.text().contains("Welcome"), "{}", ok.text());
}

async fn connect(running: &alexa_kit::server::Running) -> BufReader<TcpStream> {
    BufReader::new(
        TcpStream::connect(running.local_addr())
            .await
            .expect("connect"),
    )
}

#[tokio::test]
async fn the_server_verifies_then_checks_the_skill_id() {
    let ca = Ca::new("Test");
    let fetcher = Fetcher::with(CERT_URL, ca.chain(&["echo-api.amazon.com"], 2000, 2100));
    let running = start(Server::new(hello_world).verifier(ca.verifier(fetcher)));
    let mut stream = connect(&running).await;
    let body = launch_body(&iso(SystemTime::now()));
    let signature = sign(&body);
    let signed = [
        ("SignatureCertChainUrl", CERT_URL),
        ("Signature-256", signature.as_str()),
    ];
    let ok = http1::send(&mut stream, &http1::post(&signed, &body)).await;
    assert_eq!(ok.status, 200, "{}", ok.text());
    assert!(ok.text().contains("Welcome"), "{}", ok.text());
    // Unsigned: 400 with a short reason, no stack trace; the connection stays usable.
    let refused = http1::send(&mut stream, &http1::post(&[], &body)).await;
    assert_eq!(refused.status, 400);
    assert_eq!(
        refused.text(),
        "Verification: no SignatureCertChainUrl header\n"
    );
    // Verified, but for another skill.
    let other = String::from_utf8(body)
        .unwrap()
        .replace("amzn1.ask.skill.test", "amzn1.ask.skill.other");
    let signature = sign(other.as_bytes());
    let signed = [
        ("SignatureCertChainUrl", CERT_URL),
        ("Signature-256", signature.as_str()),
    ];
    let wrong = http1::send(&mut stream, &http1::post(&signed, other.as_bytes())).await;
    assert_eq!(wrong.status, 400);
    assert!(
        wrong.text().starts_with("SkillIdMismatch:"),
        "{}",
        wrong.text()
    );
    running.stop().await;
}

#[tokio::test]
async fn malformed_http_gets_400_and_the_server_carries_on() {
    let running = start(Server::new(hello_world).verify(false));
    for garbage in [
        &b"GARBAGE\r\n\r\n"[..],
        b"POST / HTTP/1.1\r\nhost: x\r\ncontent-length: nope\r\n\r\n",
        b"POST / HTTP/1.1\r\nbad header line\r\n\r\n",
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",
    ] {
        let mut stream = connect(&running).await;
        let answer = http1::send(&mut stream, garbage).await;
        assert_eq!(answer.status, 400, "{garbage:?}");
    }
    let mut stream = connect(&running).await;
    let get = http1::send(&mut stream, b"GET / HTTP/1.1\r\nhost: x\r\n\r\n").await;
    assert_eq!(get.status, 405);
    assert_eq!(get.header("allow"), Some("POST"));
    answers_a_launch(&mut stream).await;
    running.stop().await;
}

#[tokio::test]
async fn a_10_mb_body_gets_413() {
    let running = start(Server::new(hello_world).verify(false));
    let big = vec![b' '; 10 * 1024 * 1024];
    let mut chunked = b"POST / HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\n".to_vec();
    for chunk in big.chunks(1024 * 1024) {
        chunked.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        chunked.extend_from_slice(chunk);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    // With a declared length (refused before reading the body), then chunked
    // (refused once the limit is crossed). The server answers and closes while
    // the client is still writing, so write and read apart.
    for request in [http1::post(&[], &big), chunked] {
        let stream = TcpStream::connect(running.local_addr()).await.unwrap();
        let (read, mut write) = stream.into_split();
        let writer = tokio::spawn(async move {
            use tokio::io::AsyncWriteExt;
            let _ = write.write_all(&request).await;
        });
        let answer = http1::read_response(&mut BufReader::new(read))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(answer.status, 413);
        assert_eq!(answer.text(), "request body too large\n");
        writer.await.unwrap();
    }
    // The server carries on.
    let mut stream = connect(&running).await;
    answers_a_launch(&mut stream).await;
    running.stop().await;
}

#[tokio::test]
async fn a_thousand_concurrent_keep_alive_requests() {
    let running = start(Server::new(hello_world).verify(false));
    let addr = running.local_addr();
    let body = launch_body(&iso(SystemTime::now()));
    let request = Arc::new(http1::post(&[], &body));
    let clients: Vec<_> = (0..250)
        .map(|_| {
            let request = request.clone();
            tokio::spawn(async move {
                let mut stream = BufReader::new(TcpStream::connect(addr).await.unwrap());
                let mut ok = 0;
                for _ in 0..4 {
                    let answer = http1::send(&mut stream, &request).await;
                    ok += usize::from(answer.status == 200 && answer.text().contains("Welcome"));
                }
                ok
            })
        })
        .collect();
    let mut ok = 0;
    for client in clients {
        ok += client.await.unwrap();
    }
    assert_eq!(ok, 1000);
    running.stop().await;
}

/// Answers after 500 ms.
struct Slow;

#[async_trait(?Send)]
impl Handler for Slow {
    async fn handle(&self, cx: &mut Input) -> Result<ResponseBuilder> {
        tokio::time::sleep(Duration::from_millis(500)).await;
        Ok(cx.say("slow but done").end_session())
    }
}

#[tokio::test]
async fn stopping_lets_requests_in_flight_finish_and_refuses_new_connections() {
    let running = start(Server::new(|| Skill::builder().on_launch(Slow).build()).verify(false));
    let addr = running.local_addr();
    let body = launch_body(&iso(SystemTime::now()));
    let in_flight = tokio::spawn(async move {
        let mut stream = BufReader::new(TcpStream::connect(addr).await.unwrap());
        http1::exchange(&mut stream, &http1::post(&[], &body)).await
    });
    tokio::time::sleep(Duration::from_millis(100)).await;
    running.stop().await;
    let answer = in_flight.await.unwrap().unwrap().unwrap();
    assert_eq!(answer.status, 200);
    assert!(answer.text().contains("slow but done"));
    assert!(TcpStream::connect(addr).await.is_err(), "listener closed");
}

#[tokio::test]
async fn idle_keep_alive_connections_are_closed_after_the_header_timeout() {
    let running = start(
        Server::new(hello_world)
            .verify(false)
            .header_timeout(Duration::from_millis(300)),
    );
    let mut stream = connect(&running).await;
    answers_a_launch(&mut stream).await;
    let closed =
        tokio::time::timeout(Duration::from_secs(5), http1::read_response(&mut stream)).await;
    assert!(
        matches!(closed, Ok(Ok(None)) | Ok(Err(_))),
        "closed by the server: {closed:?}"
    );
    running.stop().await;
}

/// Starts `<example> serve ARGS`; returns the process, its address, its
/// further stderr lines and those up to the "listening" line.
#[allow(clippy::zombie_processes)] // the callers stop and wait for it
fn serve(
    example: &str,
    args: &[&str],
) -> (
    std::process::Child,
    String,
    std::sync::mpsc::Receiver<String>,
    Vec<String>,
) {
    use std::io::BufRead;
    let mut child = std::process::Command::new(support::example_path(example))
        .arg("serve")
        .args(args)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the example binary");
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr)
            .lines()
            .map_while(|l| l.ok())
        {
            let _ = tx.send(line);
        }
    });
    let mut lines = Vec::new();
    loop {
        let Ok(line) = rx.recv_timeout(Duration::from_secs(10)) else {
            panic!(
                "{example} serve did not start; is the example built with the feature \
                 (`cargo build --features server --example {example}`)? {lines:?}"
            );
        };
        lines.push(line.clone());
        if let Some(rest) = line.split("listening on http://").nth(1) {
            let addr = rest.split('/').next().unwrap().to_owned();
            return (child, addr, rx, lines);
        }
    }
}

/// `hello_world serve` answers, then SIGTERM stops it cleanly.
#[tokio::test]
async fn the_serve_command_answers_and_stops_on_sigterm() {
    let (mut child, addr, rx, lines) = serve(
        "hello_world",
        &["--no-verify", "--port", "0", "--workers", "2"],
    );
    assert!(
        lines
            .last()
            .unwrap()
            .contains("(2 worker(s), request verification OFF)"),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("WARN") && l.contains("verification is OFF")),
        "{lines:?}"
    );
    let mut stream = BufReader::new(TcpStream::connect(&addr).await.unwrap());
    answers_a_launch(&mut stream).await;
    let warned = rx
        .recv_timeout(Duration::from_secs(5))
        .expect("a per-request warning");
    assert!(
        warned.contains("WARN") && warned.contains("not checked"),
        "{warned}"
    );
    let status = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    // The idle keep-alive connection is closed and the process exits 0.
    let closed =
        tokio::time::timeout(Duration::from_secs(10), http1::read_response(&mut stream)).await;
    assert!(matches!(closed, Ok(Ok(None)) | Ok(Err(_))), "{closed:?}");
    let exit = tokio::task::spawn_blocking(move || child.wait())
        .await
        .unwrap()
        .unwrap();
    assert!(exit.success(), "{exit:?}");
}

/// A skill started with `SkillBuilder::run` (no factory) serves with one
/// worker; a panicking handler gets the skill's apology (the framework's
/// panic handling, as on Lambda), and the server carries on.
#[tokio::test]
async fn a_skill_without_a_factory_serves_on_one_worker_and_survives_a_panic() {
    let (child, addr, _rx, lines) = serve("fault_skill", &["--no-verify", "--port", "0"]);
    let child = KillOnDrop(child);
    assert!(lines.last().unwrap().contains("(1 worker(s)"), "{lines:?}");
    let intent = |name: &str| {
        format!(
            r#"{{"version":"1.0","session":{{"new":false,"sessionId":"s","application":{{"applicationId":"amzn1.ask.skill.test"}},"user":{{"userId":"u"}}}},"request":{{"type":"IntentRequest","requestId":"r","locale":"en-US","timestamp":"{}","intent":{{"name":"{name}","confirmationStatus":"NONE"}}}}}}"#,
            iso(SystemTime::now())
        )
    };
    let mut stream = BufReader::new(TcpStream::connect(&addr).await.unwrap());
    let failed = http1::send(
        &mut stream,
        &http1::post(&[], intent("PanicInHandler").as_bytes()),
    )
    .await;
    assert_eq!(failed.status, 200);
    assert!(
        failed.text().contains("Sorry, something went wrong"),
        "{}",
        failed.text()
    );
    let mut stream = BufReader::new(TcpStream::connect(&addr).await.unwrap());
    let fine = http1::send(
        &mut stream,
        &http1::post(&[], intent("FineIntent").as_bytes()),
    )
    .await;
    assert_eq!(fine.status, 200, "{}", fine.text());
    assert!(fine.text().contains("All good."), "{}", fine.text());
    drop(child);
}

/// Kills a served example when a test ends, passing or not.
struct KillOnDrop(std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn serves_https_with_a_certificate_and_key_file() {
    let ca = Ca::new("Local");
    let key = KeyPair::generate().unwrap();
    let cert = CertificateParams::new(vec!["localhost".to_owned()])
        .unwrap()
        .signed_by(&key, &ca.intermediate)
        .unwrap();
    let dir = std::env::temp_dir().join(format!("alexa-kit-tls-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (cert_file, key_file) = (dir.join("cert.pem"), dir.join("key.pem"));
    std::fs::write(
        &cert_file,
        format!("{}{}", cert.pem(), ca.intermediate.pem()),
    )
    .unwrap();
    std::fs::write(&key_file, key.serialize_pem()).unwrap();
    let running = start(
        Server::new(hello_world)
            .verify(false)
            .tls(&cert_file, &key_file),
    );

    let mut roots = tokio_rustls::rustls::RootCertStore::empty();
    roots.add(ca.root.der().clone()).unwrap();
    let config = tokio_rustls::rustls::ClientConfig::builder_with_provider(Arc::new(
        tokio_rustls::rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_root_certificates(roots)
    .with_no_client_auth();
    let connector = tokio_rustls::TlsConnector::from(Arc::new(config));
    let tcp = TcpStream::connect(running.local_addr()).await.unwrap();
    let tls = connector
        .connect("localhost".try_into().unwrap(), tcp)
        .await
        .expect("TLS handshake with the served certificate");
    let mut stream = BufReader::new(tls);
    answers_a_launch(&mut stream).await;
    answers_a_launch(&mut stream).await;
    let body = launch_body(&iso(SystemTime::now()));
    // Plain HTTP on the TLS port is not answered as HTTP.
    let mut plain = connect(&running).await;
    let answer = http1::exchange(&mut plain, &http1::post(&[], &body)).await;
    assert!(!matches!(answer, Ok(Some(_))), "{answer:?}");
    running.stop().await;
    // A missing key file is a clear configuration error.
    let error = Server::new(hello_world)
        .bind(([127, 0, 0, 1], 0).into())
        .tls(&cert_file, dir.join("missing.pem"))
        .start()
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Config);
    assert!(error.message().contains("TLS key"), "{error}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The production fetcher goes through the framework's HTTPS client (which
/// speaks plain HTTP to loopback only, as here).
#[tokio::test]
async fn the_https_fetcher_returns_the_body_and_refuses_failures() {
    use alexa_kit::server::{CertFetcher, HttpsFetcher};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let mut buf = vec![0; 4096];
            let n = stream.read(&mut buf).await.unwrap_or(0);
            let request = String::from_utf8_lossy(&buf[..n]).into_owned();
            let answer: &[u8] = if request.starts_with("GET /echo.api/chain.pem ") {
                b"HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nchain"
            } else {
                b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n"
            };
            let _ = stream.write_all(answer).await;
        }
    });
    let found = HttpsFetcher
        .fetch(&format!("http://{addr}/echo.api/chain.pem"))
        .await
        .unwrap();
    assert_eq!(found, b"chain");
    let missing = HttpsFetcher
        .fetch(&format!("http://{addr}/echo.api/missing.pem"))
        .await
        .unwrap_err();
    assert!(missing.to_string().contains("404"), "{missing}");
}
