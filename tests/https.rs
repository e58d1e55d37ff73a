//! The outbound client (`alexa_kit::https`) against real TLS servers on
//! loopback whose certificates a generated CA signed; the client trusts that
//! CA through `SSL_CERT_FILE`.

#[path = "support/tls.rs"]
mod tls;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use alexa_kit::https::{Client, RETRY_BACKOFF, Request, StatusError};
use alexa_kit::{ErrorKind, Invocation, Transport};
use tls::{Ca, Reply, Server};

fn chain(err: &alexa_kit::Error) -> String {
    err.chain()
        .map(|e| e.to_string())
        .collect::<Vec<_>>()
        .join(" / ")
}

#[tokio::test]
async fn a_call_succeeds_and_the_connection_is_kept_for_the_next_ones() {
    let server = Server::start(|seen| Reply::status(200, format!("hello {}", seen.path))).await;
    let client = Client::new();
    for i in 0..3 {
        let r = client
            .request(Request::get(server.url(&format!("/n{i}"))))
            .await
            .unwrap();
        assert_eq!(
            (r.status, r.body),
            (200, format!("hello /n{i}").into_bytes())
        );
    }
    let seen = server.seen();
    assert_eq!(seen.len(), 3);
    assert!(seen.iter().all(|s| s.connection == 1), "{seen:?}");
    assert_eq!((server.connections(), client.connections_opened()), (1, 1));
    let host = format!("localhost:{}", server.addr.port());
    assert_eq!(seen[0].header("host"), Some(host.as_str()));
    assert!(
        seen[0]
            .header("user-agent")
            .unwrap()
            .starts_with("alexa-kit/")
    );
}

#[tokio::test]
async fn headers_and_body_of_a_post_arrive() {
    let server = Server::start(|seen| Reply::json(200, &String::from_utf8_lossy(&seen.body))).await;
    let r = Client::new()
        .request(
            Request::post(server.url("/items"), br#"{"a":1}"#.to_vec())
                .header("x-amz-target", "DynamoDB_20120810.GetItem")
                .header("content-type", "application/x-amz-json-1.0"),
        )
        .await
        .unwrap();
    assert_eq!(r.json::<serde_json::Value>().unwrap()["a"], 1);
    assert_eq!(r.header("Content-Type"), Some("application/json"));
    let seen = &server.seen()[0];
    assert_eq!(
        (seen.method.as_str(), seen.path.as_str()),
        ("POST", "/items")
    );
    assert_eq!(
        seen.header("x-amz-target"),
        Some("DynamoDB_20120810.GetItem")
    );
    assert_eq!(seen.header("content-length"), Some("7"));
}

#[tokio::test]
async fn a_closed_idle_connection_is_replaced() {
    // The server answers and closes after each request (Truncated closes too,
    // but here a complete answer with `connection: close`).
    let server = Server::start(|_| Reply::Full {
        status: 200,
        headers: vec![("connection".into(), "close".into())],
        body: b"ok".to_vec(),
    })
    .await;
    let client = Client::new();
    for _ in 0..2 {
        let r = client.request(Request::get(server.url("/"))).await.unwrap();
        assert_eq!(r.body, b"ok");
    }
    assert_eq!(server.connections(), 2);
}

#[tokio::test]
async fn idempotent_calls_are_retried_on_5xx_and_others_are_not() {
    let calls = AtomicUsize::new(0);
    let server = Server::start(move |_| {
        if calls.fetch_add(1, Ordering::SeqCst) < 2 {
            Reply::status(503, "busy")
        } else {
            Reply::status(200, "done")
        }
    })
    .await;
    let client = Client::new();
    let r = client
        .request(Request::get(server.url("/get")))
        .await
        .unwrap();
    assert_eq!((r.status, r.body.as_slice()), (200, &b"done"[..]));
    assert_eq!(server.seen().len(), 3);

    let always = Server::start(|_| Reply::status(500, "broken")).await;
    let r = client
        .request(Request::post(always.url("/post"), "x"))
        .await
        .unwrap();
    assert_eq!(r.status, 500);
    assert_eq!(always.seen().len(), 1, "a POST is not retried");
    let r = client
        .request(Request::get(always.url("/get")))
        .await
        .unwrap();
    assert_eq!(r.status, 500);
    assert_eq!(always.seen().len(), 4, "a GET is tried three times");
    let err = r.error_for_status().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Service);
    assert_eq!(err.downcast_ref::<StatusError>().unwrap().body, "broken");
    // A POST marked idempotent is retried too.
    let _ = client
        .request(Request::post(always.url("/put-like"), "x").idempotent(true))
        .await
        .unwrap();
    assert_eq!(always.seen().len(), 7);
}

#[tokio::test]
async fn throttled_calls_back_off_and_a_retry_after_beyond_the_deadline_is_not_awaited() {
    let calls = AtomicUsize::new(0);
    let server = Server::start(move |_| {
        if calls.fetch_add(1, Ordering::SeqCst) == 0 {
            Reply::Full {
                status: 429,
                headers: vec![("retry-after".into(), "0".into())],
                body: vec![],
            }
        } else {
            Reply::status(200, "ok")
        }
    })
    .await;
    let client = Client::new();
    let started = Instant::now();
    let r = client.request(Request::get(server.url("/"))).await.unwrap();
    assert_eq!(r.status, 200);
    assert_eq!(server.seen().len(), 2);
    assert!(
        started.elapsed() >= RETRY_BACKOFF,
        "waited at least the backoff"
    );

    let slow_down = Server::start(|_| Reply::Full {
        status: 429,
        headers: vec![("retry-after".into(), "60".into())],
        body: b"slow down".to_vec(),
    })
    .await;
    let r = client
        .request(Request::get(slow_down.url("/")).timeout(Duration::from_secs(2)))
        .await
        .unwrap();
    assert_eq!(r.status, 429);
    assert_eq!(slow_down.seen().len(), 1);
    assert_eq!(
        r.error_for_status().unwrap_err().kind(),
        ErrorKind::Throttled
    );
}

#[tokio::test]
async fn a_call_ends_at_its_timeout_or_the_invocation_deadline() {
    let server = Server::start(|_| Reply::Delay(Duration::from_secs(30))).await;
    let client = Client::new();
    let err = client
        .request(Request::get(server.url("/")).timeout(Duration::from_millis(300)))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout, "{err:?}");

    let invocation =
        Invocation::new(Transport::Lambda).with_deadline_in(Duration::from_millis(300));
    let err = client
        .request(Request::get(server.url("/")).within(&invocation))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout, "{err:?}");
    // An invocation already out of time makes no call at all.
    let spent = Invocation::new(Transport::Lambda).with_deadline_in(Duration::ZERO);
    let before = server.seen().len();
    let err = client
        .request(Request::get(server.url("/")).within(&spent))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout);
    assert_eq!(server.seen().len(), before);
}

#[tokio::test]
async fn slow_and_truncated_bodies_fail_cleanly() {
    let slow = Server::start(|_| Reply::SlowBody(Duration::from_secs(30))).await;
    let client = Client::new();
    let err = client
        .request(Request::get(slow.url("/")).timeout(Duration::from_millis(300)))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout, "{err:?}");

    let truncated = Server::start(|_| Reply::Truncated).await;
    let err = client
        .request(Request::post(truncated.url("/"), "x"))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Service, "{err:?}");
    assert!(
        chain(&err).contains("reading the answer"),
        "{}",
        chain(&err)
    );
    assert_eq!(truncated.seen().len(), 1);
    // An idempotent call is tried again on a new connection each time.
    let err = client
        .request(Request::get(truncated.url("/")))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Service);
    assert_eq!(truncated.seen().len(), 4);
    assert_eq!(truncated.connections(), 4);
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let client = Client::new();
    let announced = Server::start(|_| Reply::Huge(2 * 1024 * 1024)).await;
    let err = client
        .request(Request::post(announced.url("/"), ""))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Service);
    assert!(
        err.to_string().contains("larger than 1048576 bytes"),
        "{err}"
    );

    let chunked = Server::start(|_| Reply::HugeChunked(256 * 1024)).await;
    let err = client
        .request(Request::post(chunked.url("/"), "").max_body(64 * 1024))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("larger than 65536 bytes"), "{err}");
    let r = client
        .request(Request::post(chunked.url("/"), "").max_body(512 * 1024))
        .await
        .unwrap();
    assert_eq!(r.body.len(), 256 * 1024);
}

#[tokio::test]
async fn a_certificate_from_an_unknown_ca_or_for_another_name_is_refused() {
    let stranger = Ca::new("not trusted");
    let server = Server::start_with(stranger.server_config(&["localhost"]), |_| {
        Reply::status(200, "")
    })
    .await;
    let err = Client::new()
        .request(Request::get(server.url("/")))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Service);
    let text = chain(&err);
    assert!(
        text.contains("TLS handshake") && text.contains("UnknownIssuer"),
        "{text}"
    );
    assert!(server.seen().is_empty());

    let other_name =
        Server::start_with(tls::trusted_ca().server_config(&["other.example"]), |_| {
            Reply::status(200, "")
        })
        .await;
    let err = Client::new()
        .request(Request::get(other_name.url("/")))
        .await
        .unwrap_err();
    assert!(
        chain(&err).contains("not valid for name"),
        "{}",
        chain(&err)
    );
    // The certificate is for `localhost`, not for the IP address.
    let server = Server::start(|_| Reply::status(200, "")).await;
    assert!(
        Client::new()
            .request(Request::get(server.ip_url("/")))
            .await
            .is_err()
    );
}

#[tokio::test]
async fn plain_http_goes_only_to_loopback_or_an_explicit_override() {
    let server = Server::start_plain(|_| Reply::status(200, "plain")).await;
    let url = format!("http://127.0.0.1:{}/", server.addr.port());
    let r = Client::new().request(Request::get(&url)).await.unwrap();
    assert_eq!(r.body, b"plain");
    let err = Client::new()
        .request(Request::get("http://api.amazonalexa.com/v2/x"))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Config);
    assert!(err.to_string().contains("plain http"), "{err}");
}

#[tokio::test]
async fn traced_calls_carry_the_header_and_are_sent_to_the_xray_daemon() {
    let daemon = tls::xray_daemon();
    let server = Server::start(|_| Reply::status(200, "ok")).await;
    let client = Client::new();
    let root = "1-5e1b4151-5ac6c58f3f0a0b1c2d3e4f50";
    // Not sampled: no header, nothing sent.
    let off = Invocation::new(Transport::Lambda)
        .with_trace_id(format!("Root={root};Parent=1111111111111111;Sampled=0"));
    client
        .request(Request::get(server.url("/off")).within(&off))
        .await
        .unwrap();
    assert!(server.seen()[0].header("x-amzn-trace-id").is_none());
    let on = Invocation::new(Transport::Lambda)
        .with_trace_id(format!("Root={root};Parent=53995c3f42cd8ad8;Sampled=1"));
    client
        .request(Request::get(server.url("/on?q=secret")).within(&on))
        .await
        .unwrap();
    let sent = server.seen()[1]
        .header("x-amzn-trace-id")
        .unwrap()
        .to_owned();

    let mut buf = vec![0; 64 * 1024];
    let (n, _) = daemon.recv_from(&mut buf).expect("a subsegment within 5 s");
    let text = std::str::from_utf8(&buf[..n]).unwrap();
    let (header, doc) = text.split_once('\n').unwrap();
    assert_eq!(header, r#"{"format":"json","version":1}"#);
    let doc: serde_json::Value = serde_json::from_str(doc).unwrap();
    assert_eq!(doc["trace_id"], root);
    assert_eq!(
        doc["parent_id"], "53995c3f42cd8ad8",
        "the first datagram is the sampled call's"
    );
    assert_eq!(doc["type"], "subsegment");
    assert_eq!(doc["namespace"], "remote");
    assert_eq!(doc["name"], "localhost");
    assert_eq!(doc["http"]["request"]["method"], "GET");
    assert_eq!(doc["http"]["request"]["url"], server.url("/on"));
    assert_eq!(doc["http"]["response"]["status"], 200);
    assert!(doc["end_time"].as_f64().unwrap() >= doc["start_time"].as_f64().unwrap());
    let id = doc["id"].as_str().unwrap();
    assert_eq!(sent, format!("Root={root};Parent={id};Sampled=1"));
}
