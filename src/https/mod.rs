//! The one outbound HTTPS client of the framework (feature `https`).
//!
//! The Alexa service clients (module `services`, feature `services`),
//! the DynamoDB store and the self-hosted endpoint's certificate fetch all go
//! through [`Client`]. It is hyper's HTTP/1.1 client connection over
//! tokio-rustls (crypto provider `ring`), with these rules:
//!
//! - **TLS on first use.** Nothing is set up at start-up: the root store and
//!   the rustls configuration are built by the first `https` call, so a skill
//!   that makes no call pays nothing.
//! - **One keep-alive connection per host**, kept across warm invocations by
//!   the process-wide [`Client::shared`]. A connection that the peer (or a
//!   finished runtime) closed is replaced on the next call.
//! - **Every call has a deadline**: the request's own
//!   ([`Request::deadline`], or [`Request::within`] an invocation, which takes
//!   the Lambda deadline), capped by [`DEFAULT_TIMEOUT`]. Running out is
//!   [`ErrorKind::Timeout`].
//! - **Only idempotent calls are retried** (`GET`, `PUT`, `DELETE`, `HEAD` or
//!   a request marked [`Request::idempotent`]): on 5xx, on 429 (with backoff,
//!   honouring `Retry-After`) and on a broken connection, at most
//!   [`MAX_ATTEMPTS`] times and never past the deadline.
//! - **Response bodies are limited** ([`DEFAULT_MAX_BODY`], or
//!   [`Request::max_body`]); a larger body is an [`ErrorKind::Service`] error.
//! - **Trust**: the platform's CA bundle (on Lambda's Amazon Linux 2023
//!   `/etc/pki/tls/certs/ca-bundle.crt`; the usual Linux paths are searched),
//!   read on first use, plus every certificate in the PEM file named by
//!   `SSL_CERT_FILE` (corporate proxies, tests, a container without a bundle).
//! - **Plain `http`** only to loopback hosts, or when a request explicitly
//!   [allows it](Request::allow_http) (an endpoint override).
//! - **X-Ray**: a request made [`within`](Request::within) a traced invocation
//!   (`Sampled=1`) carries the `X-Amzn-Trace-Id` header and is recorded as a
//!   subsegment sent to the X-Ray daemon, as the AWS X-Ray SDKs do.
//!
//! ```no_run
//! use alexa_kit::https::{Client, Request};
//!
//! # async fn demo() -> alexa_kit::Result<()> {
//! let response = Client::shared()
//!     .request(Request::get("https://example.com/").header("accept", "text/html"))
//!     .await?
//!     .error_for_status()?;
//! println!("{} bytes", response.body.len());
//! # Ok(())
//! # }
//! ```

mod tls;
mod xray;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Bytes;
use hyper::client::conn::http1::SendRequest;
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;

use crate::{Error, ErrorKind, Invocation, Result};

pub use hyper::Method;

/// The longest a call may take when the request has no earlier deadline.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(5);
/// The largest response body accepted unless a request says otherwise.
pub const DEFAULT_MAX_BODY: usize = 1024 * 1024;
/// How long before the invocation's deadline a call made
/// [`within`](Request::within) it gives up, so that the skill still has time
/// to answer (an apology rather than a Lambda timeout).
pub const DEADLINE_MARGIN: Duration = Duration::from_millis(250);
/// How many times an idempotent call is tried in all.
pub const MAX_ATTEMPTS: u32 = 3;
/// The first pause before a retry; it doubles with every further attempt.
pub const RETRY_BACKOFF: Duration = Duration::from_millis(25);

/// An outbound request. Build it with [`Request::get`], [`Request::post`] or
/// [`Request::new`] and the builder methods.
///
/// ```
/// use std::time::Duration;
/// use alexa_kit::https::{Method, Request};
///
/// let req = Request::post("https://dynamodb.eu-west-1.amazonaws.com/", br#"{"TableName":"t"}"#.to_vec())
///     .header("x-amz-target", "DynamoDB_20120810.GetItem")
///     .idempotent(true)
///     .timeout(Duration::from_secs(2));
/// assert_eq!(req.method, Method::POST);
/// assert!(req.idempotent);
/// assert_eq!(req.headers[0].0, "x-amz-target");
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Request {
    /// The HTTP method.
    pub method: Method,
    /// `https://host[:port]/path?query` (or `http://` to loopback).
    pub url: String,
    /// Header names and values, sent in this order after `host`,
    /// `user-agent` and `content-length`.
    pub headers: Vec<(String, String)>,
    /// The request body (empty for none).
    pub body: Vec<u8>,
    /// When the caller gives up; the call's deadline is the earlier of this
    /// and now + [`timeout`](Request::timeout).
    pub deadline: Option<Instant>,
    /// The longest this call may take ([`DEFAULT_TIMEOUT`]).
    pub timeout: Duration,
    /// Whether the call may be repeated safely (set for `GET`, `HEAD`,
    /// `PUT`, `DELETE` by the constructors).
    pub idempotent: bool,
    /// The largest response body accepted ([`DEFAULT_MAX_BODY`]).
    pub max_body: usize,
    /// Whether plain `http` is allowed to a host that is not loopback.
    pub allow_http: bool,
    /// The invocation's X-Ray trace header, set by [`Request::within`].
    pub trace_header: Option<String>,
}

impl Request {
    /// A request with `method` to `url`, no headers and no body.
    ///
    /// ```
    /// use alexa_kit::https::{Method, Request};
    /// let req = Request::new(Method::DELETE, "https://api.amazonalexa.com/v1/alerts/reminders/abc");
    /// assert!(req.idempotent);
    /// ```
    pub fn new(method: Method, url: impl Into<String>) -> Self {
        let idempotent = matches!(
            method,
            Method::GET | Method::HEAD | Method::PUT | Method::DELETE | Method::OPTIONS
        );
        Request {
            method,
            url: url.into(),
            headers: Vec::new(),
            body: Vec::new(),
            deadline: None,
            timeout: DEFAULT_TIMEOUT,
            idempotent,
            max_body: DEFAULT_MAX_BODY,
            allow_http: false,
            trace_header: None,
        }
    }

    /// A `GET` of `url`.
    ///
    /// ```
    /// let req = alexa_kit::https::Request::get("https://s3.amazonaws.com/echo.api/echo-api-cert.pem");
    /// assert_eq!(req.method, alexa_kit::https::Method::GET);
    /// ```
    pub fn get(url: impl Into<String>) -> Self {
        Request::new(Method::GET, url)
    }

    /// A `POST` of `body` to `url` (not idempotent unless marked so).
    ///
    /// ```
    /// let req = alexa_kit::https::Request::post("https://api.amazonalexa.com/v1/directives", b"{}".to_vec());
    /// assert!(!req.idempotent);
    /// ```
    pub fn post(url: impl Into<String>, body: impl Into<Vec<u8>>) -> Self {
        Request::new(Method::POST, url).body(body)
    }

    /// Adds a header.
    ///
    /// ```
    /// let req = alexa_kit::https::Request::get("https://example.com/").header("accept", "application/json");
    /// assert_eq!(req.headers, [("accept".to_owned(), "application/json".to_owned())]);
    /// ```
    #[must_use]
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Sets the body.
    ///
    /// ```
    /// let req = alexa_kit::https::Request::get("https://example.com/").body("x");
    /// assert_eq!(req.body, b"x");
    /// ```
    #[must_use]
    pub fn body(mut self, body: impl Into<Vec<u8>>) -> Self {
        self.body = body.into();
        self
    }

    /// Sets the caller's deadline (`None`: only the timeout applies).
    ///
    /// ```
    /// use std::time::{Duration, Instant};
    /// let at = Instant::now() + Duration::from_secs(1);
    /// let req = alexa_kit::https::Request::get("https://example.com/").deadline(Some(at));
    /// assert_eq!(req.deadline, Some(at));
    /// ```
    #[must_use]
    pub fn deadline(mut self, deadline: Option<Instant>) -> Self {
        self.deadline = deadline;
        self
    }

    /// Runs the call within an invocation: its deadline (Lambda's, or the
    /// server's) less [`DEADLINE_MARGIN`] bounds the call, and its X-Ray trace
    /// header traces it.
    ///
    /// ```
    /// use std::time::Duration;
    /// use alexa_kit::https::{DEADLINE_MARGIN, Request};
    /// use alexa_kit::{Invocation, Transport};
    /// let inv = Invocation::new(Transport::Lambda).with_deadline_in(Duration::from_secs(3));
    /// let req = Request::get("https://example.com/").within(&inv);
    /// assert_eq!(req.deadline, Some(inv.deadline().unwrap() - DEADLINE_MARGIN));
    /// ```
    #[must_use]
    pub fn within(mut self, invocation: &Invocation) -> Self {
        self.deadline = invocation
            .deadline()
            .map(|d| d.checked_sub(DEADLINE_MARGIN).unwrap_or(d));
        self.trace_header = invocation.trace_id().map(str::to_owned);
        self
    }

    /// Sets the longest the call may take (capped by the deadline).
    ///
    /// ```
    /// use std::time::Duration;
    /// let req = alexa_kit::https::Request::get("https://example.com/").timeout(Duration::from_millis(800));
    /// assert_eq!(req.timeout, Duration::from_millis(800));
    /// ```
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Marks the call as safe to repeat (or not).
    ///
    /// ```
    /// let req = alexa_kit::https::Request::get("https://example.com/").idempotent(false);
    /// assert!(!req.idempotent);
    /// ```
    #[must_use]
    pub fn idempotent(mut self, idempotent: bool) -> Self {
        self.idempotent = idempotent;
        self
    }

    /// Sets the largest response body accepted.
    ///
    /// ```
    /// let req = alexa_kit::https::Request::get("https://example.com/").max_body(64 * 1024);
    /// assert_eq!(req.max_body, 65536);
    /// ```
    #[must_use]
    pub fn max_body(mut self, bytes: usize) -> Self {
        self.max_body = bytes;
        self
    }

    /// Allows plain `http` to a host that is not loopback: for an explicit
    /// endpoint override, never for Alexa's or AWS's own endpoints.
    ///
    /// ```
    /// let req = alexa_kit::https::Request::get("http://dynamodb.internal:8000/").allow_http();
    /// assert!(req.allow_http);
    /// ```
    #[must_use]
    pub fn allow_http(mut self) -> Self {
        self.allow_http = true;
        self
    }
}

/// A response: status, headers and the whole (size-limited) body.
///
/// ```
/// let r = alexa_kit::https::Response {
///     status: 200,
///     headers: vec![("content-type".into(), "application/json".into())],
///     body: br#""Europe/Berlin""#.to_vec(),
/// };
/// assert_eq!(r.header("Content-Type"), Some("application/json"));
/// assert_eq!(r.json::<String>().unwrap(), "Europe/Berlin");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The HTTP status code.
    pub status: u16,
    /// Header names (lowercase) and values; values that are not UTF-8 are left out.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Response {
    /// The first header called `name` (case-insensitive).
    ///
    /// ```
    /// let r = alexa_kit::https::Response { status: 204, headers: vec![], body: vec![] };
    /// assert!(r.header("etag").is_none());
    /// ```
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body parsed as JSON; a body that does not parse is an
    /// [`ErrorKind::Service`] error.
    ///
    /// ```
    /// let r = alexa_kit::https::Response { status: 200, headers: vec![], body: b"{".to_vec() };
    /// assert_eq!(r.json::<serde_json::Value>().unwrap_err().kind(), alexa_kit::ErrorKind::Service);
    /// ```
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> Result<T> {
        serde_json::from_slice(&self.body).map_err(|e| {
            Error::new(ErrorKind::Service, "the service answered malformed JSON").with_source(e)
        })
    }

    /// This response if its status is 2xx; otherwise an error carrying a
    /// [`StatusError`]: [`ErrorKind::Throttled`] for 429,
    /// [`ErrorKind::Service`] for anything else.
    ///
    /// ```
    /// use alexa_kit::https::{Response, StatusError};
    /// let r = Response { status: 429, headers: vec![], body: b"slow down".to_vec() };
    /// let err = r.error_for_status().unwrap_err();
    /// assert_eq!(err.kind(), alexa_kit::ErrorKind::Throttled);
    /// assert_eq!(err.downcast_ref::<StatusError>().unwrap().status, 429);
    /// ```
    pub fn error_for_status(self) -> Result<Self> {
        if (200..300).contains(&self.status) {
            return Ok(self);
        }
        let kind = if self.status == 429 {
            ErrorKind::Throttled
        } else {
            ErrorKind::Service
        };
        Err(Error::new(kind, "the service refused the call").with_source(StatusError::of(&self)))
    }
}

/// A response whose status was not a success: the status and the start of
/// the body (at most 512 bytes, as text).
///
/// ```
/// let e = alexa_kit::https::StatusError { status: 503, body: "busy".into() };
/// assert_eq!(e.to_string(), "HTTP 503: busy");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusError {
    /// The HTTP status code.
    pub status: u16,
    /// The start of the body.
    pub body: String,
}

impl StatusError {
    /// The status and the start of the body of `response`.
    ///
    /// ```
    /// let r = alexa_kit::https::Response { status: 500, headers: vec![], body: vec![b'x'; 2000] };
    /// assert_eq!(alexa_kit::https::StatusError::of(&r).body.len(), 512);
    /// ```
    pub fn of(response: &Response) -> Self {
        let mut end = response.body.len().min(512);
        let text = loop {
            match std::str::from_utf8(&response.body[..end]) {
                Ok(text) => break text,
                Err(e) => end = e.valid_up_to(),
            }
        };
        StatusError {
            status: response.status,
            body: text.to_owned(),
        }
    }
}

impl std::fmt::Display for StatusError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "HTTP {}", self.status)?;
        if !self.body.is_empty() {
            write!(f, ": {}", self.body)?;
        }
        Ok(())
    }
}

impl std::error::Error for StatusError {}

/// Where a connection goes: scheme, host and port.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Origin {
    tls: bool,
    host: String,
    port: u16,
}

/// A parsed URL: its origin and the request target (`/path?query`).
struct Target {
    origin: Origin,
    path: String,
    /// The `host` header value (with the port when it is not the default).
    authority: String,
}

fn parse_url(url: &str, allow_http: bool) -> Result<Target> {
    let bad = |why: &str| Error::new(ErrorKind::Config, format!("bad URL {url:?}: {why}"));
    let uri: hyper::Uri = url.parse().map_err(|e| bad("not a URL").with_source(e))?;
    let tls = match uri.scheme_str() {
        Some("https") => true,
        Some("http") => false,
        _ => return Err(bad("the scheme must be https")),
    };
    let authority = uri.authority().ok_or_else(|| bad("no host"))?;
    let host = authority
        .host()
        .trim_start_matches('[')
        .trim_end_matches(']');
    if host.is_empty() {
        return Err(bad("no host"));
    }
    if !tls && !allow_http && !is_loopback(host) {
        return Err(bad(
            "plain http is only allowed to loopback or an explicit endpoint override",
        ));
    }
    let port = authority.port_u16().unwrap_or(if tls { 443 } else { 80 });
    Ok(Target {
        origin: Origin {
            tls,
            host: host.to_owned(),
            port,
        },
        path: uri
            .path_and_query()
            .map_or_else(|| "/".to_owned(), |p| p.as_str().to_owned()),
        authority: authority.as_str().to_owned(),
    })
}

fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

type Sender = SendRequest<Full<Bytes>>;

/// The outbound HTTPS client: TLS set up on first use, one idle keep-alive
/// connection kept per host. Use the process-wide [`Client::shared`].
///
/// ```
/// let client = alexa_kit::https::Client::shared();
/// assert!(std::ptr::eq(client, alexa_kit::https::Client::shared()));
/// ```
#[derive(Default)]
pub struct Client {
    /// The rustls configuration, built by the first `https` call.
    tls: OnceLock<std::result::Result<Arc<rustls::ClientConfig>, String>>,
    /// One idle connection per origin.
    idle: Mutex<HashMap<Origin, Sender>>,
    /// How many connections this client has opened (for tests and benches).
    opened: std::sync::atomic::AtomicU64,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("tls_ready", &self.tls.get().is_some())
            .field("connections_opened", &self.connections_opened())
            .finish()
    }
}

impl Client {
    /// The process-wide client: its connections outlive each request, so a
    /// warm invocation reuses the connection of the previous one.
    ///
    /// ```
    /// let client = alexa_kit::https::Client::shared();
    /// # let _ = client;
    /// ```
    pub fn shared() -> &'static Client {
        static SHARED: OnceLock<Client> = OnceLock::new();
        SHARED.get_or_init(Client::new)
    }

    /// A client of its own, with its own connections (tests, benches).
    ///
    /// ```
    /// let client = alexa_kit::https::Client::new();
    /// assert_eq!(client.connections_opened(), 0);
    /// ```
    pub fn new() -> Self {
        Client::default()
    }

    /// How many connections this client has opened so far.
    ///
    /// ```
    /// assert_eq!(alexa_kit::https::Client::new().connections_opened(), 0);
    /// ```
    pub fn connections_opened(&self) -> u64 {
        self.opened.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Sends `request` and reads the whole response, retrying an idempotent
    /// call on 5xx, 429 and broken connections while time is left.
    ///
    /// A response with any status is `Ok`; call
    /// [`Response::error_for_status`] to turn a failure status into an
    /// error. `Err` is [`ErrorKind::Timeout`] when the deadline passed,
    /// [`ErrorKind::Config`] for a bad URL or `SSL_CERT_FILE`, and
    /// [`ErrorKind::Service`] for anything else (refused connection, refused
    /// certificate, truncated or oversized body).
    ///
    /// ```no_run
    /// # async fn demo() -> alexa_kit::Result<()> {
    /// use alexa_kit::https::{Client, Request};
    /// let r = Client::shared().request(Request::get("https://example.com/")).await?;
    /// assert_eq!(r.status, 200);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn request(&self, request: Request) -> Result<Response> {
        let target = parse_url(&request.url, request.allow_http)?;
        let started = Instant::now();
        let mut deadline = started + request.timeout;
        if let Some(caller) = request.deadline {
            deadline = deadline.min(caller);
        }
        let trace = xray::Trace::start(request.trace_header.as_deref());
        let mut attempt = 1;
        let result = loop {
            let outcome = tokio::time::timeout_at(
                deadline.into(),
                self.attempt(&request, &target, trace.as_ref()),
            )
            .await
            .unwrap_or_else(|_| {
                Err(Error::new(
                    ErrorKind::Timeout,
                    format!(
                        "{} {} took longer than {:?}",
                        request.method,
                        request.url,
                        deadline - started
                    ),
                ))
            });
            let Some(pause) = retry_pause(&request, &outcome, attempt) else {
                break outcome;
            };
            if Instant::now() + pause >= deadline {
                break outcome;
            }
            tracing::debug!(url = %request.url, attempt, ?pause, "retrying");
            tokio::time::sleep(pause).await;
            attempt += 1;
        };
        if let Some(trace) = trace {
            trace.finish(&request, &target.origin.host, started, &result);
        }
        result
    }

    /// One try: a connection (idle or new), the request, the whole body.
    async fn attempt(
        &self,
        request: &Request,
        target: &Target,
        trace: Option<&xray::Trace>,
    ) -> Result<Response> {
        let idle = self.take_idle(&target.origin);
        let (mut sender, reused) = match idle {
            Some(sender) => (sender, true),
            None => (self.connect(&target.origin).await?, false),
        };
        let send_failed = |e: hyper::Error| {
            let what = if reused { "a reused" } else { "a new" };
            Error::new(
                ErrorKind::Service,
                format!(
                    "{} {} failed on {what} connection",
                    request.method, request.url
                ),
            )
            .with_source(e)
        };
        let http_request = build(request, target, trace)?;
        let response = match sender.send_request(http_request).await {
            Ok(response) => response,
            // The peer closed a kept-alive connection while it was idle and
            // the request never went out: safe to send again on a new one.
            Err(e) if reused && e.is_canceled() => {
                sender = self.connect(&target.origin).await?;
                sender
                    .send_request(build(request, target, trace)?)
                    .await
                    .map_err(send_failed)?
            }
            Err(e) => return Err(send_failed(e)),
        };
        let (parts, body) = response.into_parts();
        if let Some(length) = parts
            .headers
            .get(hyper::header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok()?.parse::<u64>().ok())
            && length > request.max_body as u64
        {
            return Err(too_large(request));
        }
        let body = Limited::new(body, request.max_body)
            .collect()
            .await
            .map_err(|e| {
                if e.is::<http_body_util::LengthLimitError>() {
                    too_large(request)
                } else {
                    Error::new(
                        ErrorKind::Service,
                        format!(
                            "reading the answer to {} {} failed",
                            request.method, request.url
                        ),
                    )
                    .with_source(e)
                }
            })?
            .to_bytes();
        self.put_idle(&target.origin, sender);
        Ok(Response {
            status: parts.status.as_u16(),
            headers: parts
                .headers
                .iter()
                .filter_map(|(n, v)| Some((n.as_str().to_owned(), v.to_str().ok()?.to_owned())))
                .collect(),
            body: body.to_vec(),
        })
    }

    fn take_idle(&self, origin: &Origin) -> Option<Sender> {
        let sender = self.idle.lock().ok()?.remove(origin)?;
        // A connection whose peer hung up, or whose runtime ended, is closed.
        (!sender.is_closed() && sender.is_ready()).then_some(sender)
    }

    fn put_idle(&self, origin: &Origin, sender: Sender) {
        if sender.is_closed() {
            return;
        }
        if let Ok(mut idle) = self.idle.lock() {
            idle.entry(origin.clone()).or_insert(sender);
        }
    }

    async fn connect(&self, origin: &Origin) -> Result<Sender> {
        let where_ = || format!("{}:{}", origin.host, origin.port);
        let tcp = TcpStream::connect((origin.host.as_str(), origin.port))
            .await
            .map_err(|e| {
                Error::new(
                    ErrorKind::Service,
                    format!("cannot connect to {}", where_()),
                )
                .with_source(e)
            })?;
        let _ = tcp.set_nodelay(true);
        self.opened
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if !origin.tls {
            return handshake(tcp).await;
        }
        let config = self
            .tls
            .get_or_init(|| tls::config().map_err(|e| e.to_string()))
            .clone()
            .map_err(|e| Error::new(ErrorKind::Config, e))?;
        let name = rustls::pki_types::ServerName::try_from(origin.host.clone()).map_err(|e| {
            Error::new(
                ErrorKind::Config,
                format!("bad host name {:?}", origin.host),
            )
            .with_source(e)
        })?;
        let stream = tokio_rustls::TlsConnector::from(config)
            .connect(name, tcp)
            .await
            .map_err(|e| {
                Error::new(
                    ErrorKind::Service,
                    format!("TLS handshake with {} failed", where_()),
                )
                .with_source(e)
            })?;
        handshake(stream).await
    }
}

/// HTTP/1.1 over an established stream; the connection is driven by a task
/// of the current runtime and ends with it.
async fn handshake<IO>(io: IO) -> Result<Sender>
where
    IO: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(io))
        .await
        .map_err(|e| Error::new(ErrorKind::Service, "HTTP handshake failed").with_source(e))?;
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            tracing::debug!(error = %e, "outbound connection ended");
        }
    });
    Ok(sender)
}

fn build(
    request: &Request,
    target: &Target,
    trace: Option<&xray::Trace>,
) -> Result<hyper::Request<Full<Bytes>>> {
    let mut builder = hyper::Request::builder()
        .method(request.method.clone())
        .uri(target.path.as_str())
        .header(hyper::header::HOST, target.authority.as_str())
        .header(
            hyper::header::USER_AGENT,
            concat!("alexa-kit/", env!("CARGO_PKG_VERSION")),
        );
    for (name, value) in &request.headers {
        builder = builder.header(name.as_str(), value.as_str());
    }
    if let Some(trace) = trace {
        builder = builder.header("x-amzn-trace-id", trace.header());
    }
    builder
        .body(Full::new(Bytes::from(request.body.clone())))
        .map_err(|e| {
            Error::new(ErrorKind::Config, format!("bad request to {}", request.url)).with_source(e)
        })
}

fn too_large(request: &Request) -> Error {
    Error::new(
        ErrorKind::Service,
        format!(
            "the answer to {} {} is larger than {} bytes",
            request.method, request.url, request.max_body
        ),
    )
}

/// How long to wait before trying `request` again, or `None` to stop.
fn retry_pause(request: &Request, outcome: &Result<Response>, attempt: u32) -> Option<Duration> {
    if !request.idempotent || attempt >= MAX_ATTEMPTS {
        return None;
    }
    let backoff = RETRY_BACKOFF * 2u32.pow(attempt - 1);
    match outcome {
        Ok(r) if r.status == 429 => {
            let asked = r
                .header("retry-after")
                .and_then(|s| s.trim().parse::<u64>().ok())
                .map(Duration::from_secs);
            Some(asked.map_or(backoff, |asked| asked.max(backoff)))
        }
        Ok(r) if r.status >= 500 => Some(backoff),
        Ok(_) => None,
        Err(e) if e.kind() == ErrorKind::Service => Some(backoff),
        Err(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_parsed_and_plain_http_limited_to_loopback() {
        let t = parse_url("https://api.amazonalexa.com/v2/x?y=1", false).unwrap();
        assert_eq!(
            (t.origin.tls, t.origin.host.as_str(), t.origin.port),
            (true, "api.amazonalexa.com", 443)
        );
        assert_eq!(
            (t.path.as_str(), t.authority.as_str()),
            ("/v2/x?y=1", "api.amazonalexa.com")
        );
        let t = parse_url("http://[::1]:8080", false).unwrap();
        assert_eq!(
            (t.origin.host.as_str(), t.origin.port, t.path.as_str()),
            ("::1", 8080, "/")
        );
        assert!(parse_url("http://localhost:1/", false).is_ok());
        assert!(parse_url("http://127.0.0.2/", false).is_ok());
        let err = parse_url("http://example.com/", false).err().unwrap();
        assert_eq!(err.kind(), ErrorKind::Config);
        assert!(parse_url("http://example.com/", true).is_ok());
        assert!(parse_url("ftp://example.com/", true).is_err());
        assert!(parse_url("not a url", true).is_err());
    }

    #[test]
    fn only_idempotent_calls_are_retried_and_backoff_grows() {
        let get = Request::get("https://h/");
        let status = |s| {
            Ok(Response {
                status: s,
                headers: vec![],
                body: vec![],
            })
        };
        assert_eq!(retry_pause(&get, &status(503), 1), Some(RETRY_BACKOFF));
        assert_eq!(retry_pause(&get, &status(500), 2), Some(RETRY_BACKOFF * 2));
        assert_eq!(retry_pause(&get, &status(500), MAX_ATTEMPTS), None);
        assert_eq!(retry_pause(&get, &status(404), 1), None);
        assert_eq!(
            retry_pause(&Request::post("https://h/", ""), &status(503), 1),
            None
        );
        let throttled = Ok(Response {
            status: 429,
            headers: vec![("retry-after".into(), "2".into())],
            body: vec![],
        });
        assert_eq!(
            retry_pause(&get, &throttled, 1),
            Some(Duration::from_secs(2))
        );
        let timeout = Err(Error::new(ErrorKind::Timeout, "t"));
        assert_eq!(retry_pause(&get, &timeout, 1), None);
    }
}
