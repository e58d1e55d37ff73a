//! AWS X-Ray subsegments for outbound calls, sent over UDP to the X-Ray
//! daemon as the X-Ray SDKs do.
//!
//! With active tracing Lambda passes a trace header `Root=…;Parent=…;Sampled=1`
//! per invocation. Each outbound call of a sampled invocation then gets a
//! subsegment id, carries `Root=…;Parent=<subsegment>;Sampled=1` to the
//! service, and is reported when it ends as one UDP datagram to
//! `AWS_XRAY_DAEMON_ADDRESS` (default `127.0.0.1:2000`):
//! `{"format":"json","version":1}` a newline, and the subsegment document.
//! Nothing is sent for an invocation that is not sampled or has no header.

use std::hash::{BuildHasher, Hasher};
use std::net::UdpSocket;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use serde_json::{Value, json};

use super::{Request, Response};
use crate::Result;

/// One traced outbound call.
pub(super) struct Trace {
    root: String,
    parent: String,
    id: String,
    header: String,
    start: SystemTime,
}

impl Trace {
    /// A subsegment for a call within an invocation traced by `header`, if
    /// that invocation is sampled.
    pub(super) fn start(header: Option<&str>) -> Option<Trace> {
        let header = header?;
        let field = |name: &str| {
            header.split(';').find_map(|part| {
                let (k, v) = part.trim().split_once('=')?;
                (k == name).then(|| v.to_owned())
            })
        };
        if field("Sampled").as_deref() != Some("1") {
            return None;
        }
        let root = field("Root")?;
        let parent = field("Parent")?;
        let id = new_id();
        let header = format!("Root={root};Parent={id};Sampled=1");
        Some(Trace {
            root,
            parent,
            id,
            header,
            start: SystemTime::now(),
        })
    }

    /// The `X-Amzn-Trace-Id` value the call carries.
    pub(super) fn header(&self) -> &str {
        &self.header
    }

    /// Reports the call to the X-Ray daemon (best effort: a failure to send
    /// is logged and ignored).
    pub(super) fn finish(
        self,
        request: &Request,
        host: &str,
        started: Instant,
        result: &Result<Response>,
    ) {
        let document = self.document(request, host, started, result);
        let datagram = format!("{{\"format\":\"json\",\"version\":1}}\n{document}");
        if let Err(e) = send(datagram.as_bytes()) {
            tracing::debug!(error = %e, "could not send the X-Ray subsegment");
        }
    }

    fn document(
        &self,
        request: &Request,
        host: &str,
        started: Instant,
        result: &Result<Response>,
    ) -> Value {
        let start = seconds(self.start);
        let end = start + started.elapsed().as_secs_f64();
        let url = request.url.split('?').next().unwrap_or_default();
        let mut doc = json!({
            "name": host,
            "id": self.id,
            "trace_id": self.root,
            "parent_id": self.parent,
            "type": "subsegment",
            "namespace": "remote",
            "start_time": start,
            "end_time": end,
            "http": { "request": { "method": request.method.as_str(), "url": url } },
        });
        match result {
            Ok(response) => {
                doc["http"]["response"] = json!({
                    "status": response.status,
                    "content_length": response.body.len(),
                });
                match response.status {
                    429 => {
                        doc["throttle"] = json!(true);
                        doc["error"] = json!(true);
                    }
                    400..=499 => doc["error"] = json!(true),
                    500.. => doc["fault"] = json!(true),
                    _ => {}
                }
            }
            Err(e) => {
                doc["fault"] = json!(true);
                doc["cause"] = json!({ "exceptions": [{
                    "id": new_id(),
                    "type": e.kind().as_str(),
                    "message": e.to_string(),
                }]});
            }
        }
        doc
    }
}

fn seconds(t: SystemTime) -> f64 {
    t.duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs_f64()
}

/// A random 64-bit id as 16 hex digits (std's randomly keyed hasher over a
/// counter and the clock: unique enough for trace ids, no RNG crate).
fn new_id() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    static KEYS: OnceLock<std::hash::RandomState> = OnceLock::new();
    let mut hasher = KEYS.get_or_init(std::hash::RandomState::new).build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    hasher.write_u128(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos(),
    );
    format!("{:016x}", hasher.finish())
}

/// The daemon's UDP address: `AWS_XRAY_DAEMON_ADDRESS` is `host:port` or
/// `tcp:host:port udp:host:port`.
fn daemon_address() -> String {
    let value = std::env::var("AWS_XRAY_DAEMON_ADDRESS").unwrap_or_default();
    value
        .split_whitespace()
        .find_map(|part| part.strip_prefix("udp:"))
        .or_else(|| value.split_whitespace().find(|p| !p.starts_with("tcp:")))
        .unwrap_or("127.0.0.1:2000")
        .to_owned()
}

fn send(datagram: &[u8]) -> std::io::Result<()> {
    static SOCKET: OnceLock<std::io::Result<UdpSocket>> = OnceLock::new();
    let socket = SOCKET
        .get_or_init(|| UdpSocket::bind("0.0.0.0:0"))
        .as_ref()
        .map_err(|e| std::io::Error::new(e.kind(), e.to_string()))?;
    socket.send_to(datagram, daemon_address())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sampled_invocations_are_traced() {
        assert!(Trace::start(None).is_none());
        assert!(Trace::start(Some("Root=1-a-b;Parent=c;Sampled=0")).is_none());
        assert!(Trace::start(Some("Root=1-a-b;Parent=c")).is_none());
        let t = Trace::start(Some(
            "Root=1-5e1b4151-5ac6c58f3f0a0b1c2d3e4f50;Parent=53995c3f42cd8ad8;Sampled=1",
        ))
        .unwrap();
        assert_eq!(t.parent, "53995c3f42cd8ad8");
        assert_eq!(t.id.len(), 16);
        assert_eq!(
            t.header(),
            format!(
                "Root=1-5e1b4151-5ac6c58f3f0a0b1c2d3e4f50;Parent={};Sampled=1",
                t.id
            )
        );
        assert_ne!(new_id(), new_id());
    }
}
