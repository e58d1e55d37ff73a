//! A tiny Lambda handler for testing and benchmarking the runtime loop.
//!
//! It parses each event as an Alexa request envelope and answers a minimal
//! response, with a few intents that exercise the loop's failure paths:
//!
//! * `PanicIntent` panics (reported as errorType `Panic`);
//! * `HugeIntent` answers a 7 MB body (over Lambda's 6 MiB limit);
//! * `SlowIntent` takes 300 ms (for SIGTERM during an invocation);
//! * `EchoContextIntent` speaks the invocation's request id, trace id,
//!   `_X_AMZN_TRACE_ID` and remaining time.
//!
//! With `PROBE_INIT_FAIL=1` it reports an init error and exits 1.

use std::time::Duration;

use alexa_kit::Invocation;
use alexa_kit::lambda::{self, Invoke};
use alexa_kit::model::{
    OutputSpeech, RequestEnvelope, Response, ResponseEnvelope, ShouldEndSession,
};
use alexa_kit::{Error, ErrorKind};

struct Probe;

impl Invoke for Probe {
    async fn invoke(&self, event: &[u8], inv: &Invocation) -> alexa_kit::Result<Vec<u8>> {
        let envelope = RequestEnvelope::from_slice(event)?;
        let text = match envelope.intent_name() {
            Some("PanicIntent") => panic!("PanicIntent asked for a panic"),
            Some("HugeIntent") => "x".repeat(7_000_000),
            Some("SlowIntent") => {
                tokio::time::sleep(Duration::from_millis(300)).await;
                "slow".to_owned()
            }
            Some("EchoContextIntent") => format!(
                "id={} trace={} env={} remaining_ms={}",
                inv.request_id(),
                inv.trace_id().unwrap_or("-"),
                std::env::var("_X_AMZN_TRACE_ID").unwrap_or_else(|_| "-".into()),
                inv.remaining().map_or(-1, |d| d.as_millis() as i64),
            ),
            _ => "Hello from the probe.".to_owned(),
        };
        let mut response = Response::default();
        response.output_speech = Some(OutputSpeech::plain(text));
        response.should_end_session = ShouldEndSession::End;
        Ok(serde_json::to_vec(&ResponseEnvelope::new(response))?)
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    lambda::init_logging();
    if std::env::var("PROBE_INIT_FAIL").is_ok_and(|v| v == "1") {
        let err = Error::new(ErrorKind::Config, "PROBE_INIT_FAIL=1: refusing to start");
        if let Err(post) = lambda::report_init_error(&err).await {
            eprintln!("could not report the init error: {post}");
        }
        std::process::exit(1);
    }
    if let Err(err) = lambda::run(Probe).await {
        eprintln!("runtime loop failed: {err}");
        std::process::exit(1);
    }
}
