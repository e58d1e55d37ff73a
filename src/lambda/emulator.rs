//! A Lambda Runtime API emulator on loopback, for testing a `bootstrap`.
//!
//! [`Emulator`] serves `GET /2018-06-01/runtime/invocation/next` from a queue
//! of [`Event`]s, records every `/response`, `/error` and `/init/error` post
//! (body and headers) as a [`Post`], and can inject [`Fault`]s into `/next`
//! ([`Emulator::inject`]) and into the answers to posts ([`Emulator::inject_post`]):
//! error statuses, dropped connections, delays, raw bytes, interim `1xx`
//! answers, floods without end of line, and answers that never come.
//! It behaves like Lambda where that matters for a runtime: `/next` blocks
//! until an event is queued, posts are answered `202`, a response over
//! 6 MiB + 100 bytes gets `413`, a post for an unknown request id gets `400`.
//!
//! It runs on its own threads with blocking sockets, so it needs no async
//! runtime and works from plain `#[test]`s. Use it to test your own binary:
//!
//! ```no_run
//! use std::process::Command;
//! use std::time::Duration;
//! use alexa_kit::lambda::emulator::{Emulator, PostKind};
//!
//! let emulator = Emulator::start()?;
//! let id = emulator.push(br#"{"version":"1.0","request":{"type":"LaunchRequest"}}"#.to_vec());
//! let mut child = Command::new("target/debug/bootstrap")
//!     .env("AWS_LAMBDA_RUNTIME_API", emulator.runtime_api())
//!     .spawn()?;
//! let post = emulator.wait_for_result(&id, Duration::from_secs(5)).expect("no answer");
//! assert_eq!(post.kind, PostKind::Response);
//! child.kill()?;
//! # Ok::<(), std::io::Error>(())
//! ```

use std::collections::{HashSet, VecDeque};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Lambda's payload limit as the AWS emulator enforces it: 6 MiB + 100 bytes.
const PAYLOAD_LIMIT: usize = 6 * 1024 * 1024 + 100;
/// The largest request body the emulator reads at all.
const READ_LIMIT: usize = 64 * 1024 * 1024;

/// An event to deliver through `/next`, with the headers that go with it.
///
/// ```
/// use std::time::Duration;
/// use alexa_kit::lambda::emulator::Event;
///
/// let event = Event::new(b"{}".to_vec())
///     .request_id("req-1")
///     .deadline_in(Duration::from_secs(3))
///     .trace_id("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1")
///     .header("Lambda-Runtime-Client-Context", r#"{"custom":{}}"#);
/// assert_eq!(event.body(), b"{}");
/// ```
#[derive(Debug, Clone)]
pub struct Event {
    body: Vec<u8>,
    request_id: Option<String>,
    deadline_in: Option<Duration>,
    trace_id: Option<String>,
    function_arn: String,
    headers: Vec<(String, String)>,
}

impl Event {
    /// An event with this body, a generated request id and a 30 s deadline.
    ///
    /// ```
    /// let e = alexa_kit::lambda::emulator::Event::new(b"{}".to_vec());
    /// assert_eq!(e.body(), b"{}");
    /// ```
    pub fn new(body: impl Into<Vec<u8>>) -> Event {
        Event {
            body: body.into(),
            request_id: None,
            deadline_in: Some(Duration::from_secs(30)),
            trace_id: None,
            function_arn: "arn:aws:lambda:us-east-1:012345678912:function:emulated".into(),
            headers: Vec::new(),
        }
    }

    /// Sets the request id (else one is generated).
    ///
    /// ```
    /// let e = alexa_kit::lambda::emulator::Event::new(b"{}".to_vec()).request_id("abc");
    /// # let _ = e;
    /// ```
    #[must_use]
    pub fn request_id(mut self, id: impl Into<String>) -> Event {
        self.request_id = Some(id.into());
        self
    }

    /// Sets `Lambda-Runtime-Deadline-Ms` to now + `d` when delivered; `None`
    /// leaves the header out.
    ///
    /// ```
    /// use std::time::Duration;
    /// let e = alexa_kit::lambda::emulator::Event::new(b"{}".to_vec()).deadline_in(Duration::from_millis(500));
    /// # let _ = e;
    /// ```
    #[must_use]
    pub fn deadline_in(mut self, d: impl Into<Option<Duration>>) -> Event {
        self.deadline_in = d.into();
        self
    }

    /// Sets `Lambda-Runtime-Trace-Id`.
    ///
    /// ```
    /// let e = alexa_kit::lambda::emulator::Event::new(b"{}".to_vec()).trace_id("Root=1-abc");
    /// # let _ = e;
    /// ```
    #[must_use]
    pub fn trace_id(mut self, trace: impl Into<String>) -> Event {
        self.trace_id = Some(trace.into());
        self
    }

    /// Adds any other header to the `/next` response.
    ///
    /// ```
    /// let e = alexa_kit::lambda::emulator::Event::new(b"{}".to_vec())
    ///     .header("Lambda-Runtime-Cognito-Identity", "{}");
    /// # let _ = e;
    /// ```
    #[must_use]
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Event {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// The event body.
    ///
    /// ```
    /// assert!(alexa_kit::lambda::emulator::Event::new(Vec::new()).body().is_empty());
    /// ```
    pub fn body(&self) -> &[u8] {
        &self.body
    }
}

impl From<Vec<u8>> for Event {
    fn from(body: Vec<u8>) -> Event {
        Event::new(body)
    }
}

impl From<&[u8]> for Event {
    fn from(body: &[u8]) -> Event {
        Event::new(body)
    }
}

impl From<String> for Event {
    fn from(body: String) -> Event {
        Event::new(body.into_bytes())
    }
}

impl From<&str> for Event {
    fn from(body: &str) -> Event {
        Event::new(body.as_bytes())
    }
}

/// A misbehaviour of the Runtime API: for an upcoming `GET /next` with
/// [`Emulator::inject`], applied before any event is served, or for the
/// answer to an upcoming post with [`Emulator::inject_post`] (the post itself
/// is recorded first).
///
/// ```
/// use alexa_kit::lambda::emulator::{Emulator, Fault};
/// let emulator = Emulator::start()?;
/// emulator.inject(Fault::Status(500));
/// emulator.inject(Fault::DropConnection);
/// emulator.inject(Fault::Preface(b"HTTP/1.1 100 Continue\r\n\r\n".to_vec()));
/// emulator.inject(Fault::Flood { prefix: b"HTTP/1.1 200 ".to_vec(), fill: b'A', len: 1 << 20 });
/// emulator.inject_post(Fault::Hang);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fault {
    /// Answer with this status and a small JSON error body (no event).
    Status(u16),
    /// Close the connection without answering.
    DropConnection,
    /// Wait this long, then answer normally.
    Delay(Duration),
    /// Write these bytes as the whole response, then close the connection
    /// (for malformed HTTP or missing headers).
    Raw(Vec<u8>),
    /// Write these bytes, then answer normally on the same connection (for
    /// interim `1xx` answers, or a stray extra response).
    Preface(Vec<u8>),
    /// Write `prefix`, then `len` copies of `fill`, then close the connection
    /// (a status line, header or body that does not end), stopping early when
    /// the runtime hangs up.
    Flood {
        /// The bytes written first, e.g. `HTTP/1.1 200 `.
        prefix: Vec<u8>,
        /// The byte repeated after them.
        fill: u8,
        /// How many times.
        len: usize,
    },
    /// Never answer: hold the connection open until the emulator is dropped.
    Hang,
}

/// Which endpoint a [`Post`] went to.
///
/// ```
/// use alexa_kit::lambda::emulator::PostKind;
/// assert_ne!(PostKind::Response, PostKind::Error);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PostKind {
    /// `POST /runtime/invocation/{id}/response`.
    Response,
    /// `POST /runtime/invocation/{id}/error`.
    Error,
    /// `POST /runtime/init/error`.
    InitError,
}

/// One post the runtime made, as received.
///
/// ```
/// # use alexa_kit::lambda::emulator::{Post, PostKind};
/// fn error_type(post: &Post) -> Option<String> {
///     (post.kind == PostKind::Error)
///         .then(|| post.json().ok()?.get("errorType")?.as_str().map(str::to_owned))
///         .flatten()
/// }
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Post {
    /// The endpoint.
    pub kind: PostKind,
    /// The request id from the path (`None` for init errors).
    pub request_id: Option<String>,
    /// Request headers, names as sent.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
    /// The status the emulator answered (202, or 400 / 413).
    pub status: u16,
    /// When the post was fully received.
    pub received_at: Instant,
}

impl Post {
    /// The first header called `name` (case-insensitive).
    ///
    /// ```
    /// # fn f(post: &alexa_kit::lambda::emulator::Post) {
    /// let error_type = post.header("Lambda-Runtime-Function-Error-Type");
    /// # let _ = error_type; }
    /// ```
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body parsed as JSON.
    ///
    /// ```
    /// # fn f(post: &alexa_kit::lambda::emulator::Post) -> serde_json::Result<()> {
    /// let message = post.json()?["errorMessage"].to_string();
    /// # let _ = message; Ok(()) }
    /// ```
    pub fn json(&self) -> serde_json::Result<serde_json::Value> {
        serde_json::from_slice(&self.body)
    }
}

#[derive(Default)]
struct State {
    events: VecDeque<Event>,
    faults: VecDeque<Fault>,
    post_faults: VecDeque<Fault>,
    pending: HashSet<String>,
    posts: Vec<Post>,
    connections: usize,
    next_calls: usize,
    generated: u64,
}

struct Shared {
    state: Mutex<State>,
    changed: Condvar,
    closed: AtomicBool,
    prefix: String,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic in a connection thread must not hide the recorded posts.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// A Runtime API on `127.0.0.1`, with an event queue and a record of posts.
///
/// Dropping it stops accepting connections and releases any `/next` that is
/// waiting (it is answered with a connection close).
///
/// ```
/// use std::io::{Read, Write};
/// use alexa_kit::lambda::emulator::Emulator;
///
/// let emulator = Emulator::start()?;
/// emulator.push(b"{\"hello\":1}".to_vec());
/// let mut sock = std::net::TcpStream::connect(emulator.addr())?;
/// write!(sock, "GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")?;
/// let mut reply = String::new();
/// sock.read_to_string(&mut reply)?;
/// assert!(reply.starts_with("HTTP/1.1 200 OK"));
/// assert!(reply.contains("Lambda-Runtime-Aws-Request-Id: "));
/// assert!(reply.ends_with("{\"hello\":1}"));
/// # Ok::<(), std::io::Error>(())
/// ```
pub struct Emulator {
    addr: SocketAddr,
    shared: Arc<Shared>,
}

impl Emulator {
    /// Starts an emulator on a free loopback port, serving at the root
    /// (`AWS_LAMBDA_RUNTIME_API=127.0.0.1:<port>`).
    ///
    /// ```
    /// let emulator = alexa_kit::lambda::emulator::Emulator::start()?;
    /// assert!(emulator.addr().ip().is_loopback());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn start() -> io::Result<Emulator> {
        Emulator::start_with_prefix("")
    }

    /// Starts an emulator whose routes live under `prefix`, like
    /// `cargo lambda watch` (`/.rt/<function>`); [`runtime_api`](Self::runtime_api)
    /// is then a URL.
    ///
    /// ```
    /// let emulator = alexa_kit::lambda::emulator::Emulator::start_with_prefix("/.rt/hello")?;
    /// assert!(emulator.runtime_api().starts_with("http://127.0.0.1:"));
    /// assert!(emulator.runtime_api().ends_with("/.rt/hello"));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn start_with_prefix(prefix: &str) -> io::Result<Emulator> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let addr = listener.local_addr()?;
        let prefix = prefix.trim_end_matches('/');
        let prefix = if prefix.is_empty() || prefix.starts_with('/') {
            prefix.to_owned()
        } else {
            format!("/{prefix}")
        };
        let shared = Arc::new(Shared {
            state: Mutex::new(State::default()),
            changed: Condvar::new(),
            closed: AtomicBool::new(false),
            prefix,
        });
        let accept_shared = Arc::clone(&shared);
        thread::Builder::new()
            .name("lambda-emulator".into())
            .spawn(move || accept_loop(listener, accept_shared))?;
        Ok(Emulator { addr, shared })
    }

    /// The listening address.
    ///
    /// ```
    /// let emulator = alexa_kit::lambda::emulator::Emulator::start()?;
    /// assert_ne!(emulator.addr().port(), 0);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The value for `AWS_LAMBDA_RUNTIME_API`: `127.0.0.1:<port>`, or
    /// `http://127.0.0.1:<port><prefix>` when started with a prefix.
    ///
    /// ```
    /// let emulator = alexa_kit::lambda::emulator::Emulator::start()?;
    /// assert_eq!(emulator.runtime_api(), emulator.addr().to_string());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn runtime_api(&self) -> String {
        if self.shared.prefix.is_empty() {
            self.addr.to_string()
        } else {
            format!("http://{}{}", self.addr, self.shared.prefix)
        }
    }

    /// Queues an event and returns its request id.
    ///
    /// ```
    /// use alexa_kit::lambda::emulator::{Emulator, Event};
    /// let emulator = Emulator::start()?;
    /// let id = emulator.push(Event::new(b"{}".to_vec()).request_id("r-1"));
    /// assert_eq!(id, "r-1");
    /// assert!(!emulator.push("{}").is_empty());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn push(&self, event: impl Into<Event>) -> String {
        let mut event = event.into();
        let mut state = self.shared.lock();
        let id = match &event.request_id {
            Some(id) => id.clone(),
            None => {
                state.generated += 1;
                let id = format!("8476a536-e9f4-11e8-9739-{:012x}", state.generated);
                event.request_id = Some(id.clone());
                id
            }
        };
        state.events.push_back(event);
        self.shared.changed.notify_all();
        id
    }

    /// Queues a fault for an upcoming `/next` (faults apply in order, one per
    /// `/next`, before events).
    ///
    /// ```
    /// use alexa_kit::lambda::emulator::{Emulator, Fault};
    /// let emulator = Emulator::start()?;
    /// emulator.inject(Fault::Delay(std::time::Duration::from_millis(10)));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn inject(&self, fault: Fault) {
        self.shared.lock().faults.push_back(fault);
        self.shared.changed.notify_all();
    }

    /// Queues a fault for the answer to an upcoming post (`/response`,
    /// `/error` or `/init/error`), one per post, in order. The post is
    /// recorded before the fault applies.
    ///
    /// ```
    /// use alexa_kit::lambda::emulator::{Emulator, Fault};
    /// let emulator = Emulator::start()?;
    /// emulator.inject_post(Fault::Hang);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn inject_post(&self, fault: Fault) {
        self.shared.lock().post_faults.push_back(fault);
        self.shared.changed.notify_all();
    }

    /// Every post received so far, in order.
    ///
    /// ```
    /// let emulator = alexa_kit::lambda::emulator::Emulator::start()?;
    /// assert!(emulator.posts().is_empty());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn posts(&self) -> Vec<Post> {
        self.shared.lock().posts.clone()
    }

    /// Waits until at least `n` posts have arrived or `timeout` passes, and
    /// returns the posts received by then.
    ///
    /// ```
    /// use std::time::Duration;
    /// let emulator = alexa_kit::lambda::emulator::Emulator::start()?;
    /// assert!(emulator.wait_for_posts(1, Duration::from_millis(10)).is_empty());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn wait_for_posts(&self, n: usize, timeout: Duration) -> Vec<Post> {
        let state = self.wait_until(timeout, |s| s.posts.len() >= n);
        state.posts.clone()
    }

    /// Waits for the response or error posted for `request_id`.
    ///
    /// ```
    /// use std::time::Duration;
    /// let emulator = alexa_kit::lambda::emulator::Emulator::start()?;
    /// assert!(emulator.wait_for_result("nope", Duration::from_millis(10)).is_none());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn wait_for_result(&self, request_id: &str, timeout: Duration) -> Option<Post> {
        let find = |s: &State| {
            s.posts
                .iter()
                .find(|p| {
                    p.kind != PostKind::InitError && p.request_id.as_deref() == Some(request_id)
                })
                .cloned()
        };
        let state = self.wait_until(timeout, |s| find(s).is_some());
        find(&state)
    }

    /// How many TCP connections the runtime opened.
    ///
    /// ```
    /// let emulator = alexa_kit::lambda::emulator::Emulator::start()?;
    /// assert_eq!(emulator.connections(), 0);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn connections(&self) -> usize {
        self.shared.lock().connections
    }

    /// How many `GET /next` requests arrived (faulted ones included).
    ///
    /// ```
    /// let emulator = alexa_kit::lambda::emulator::Emulator::start()?;
    /// assert_eq!(emulator.next_requests(), 0);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn next_requests(&self) -> usize {
        self.shared.lock().next_calls
    }

    fn wait_until(
        &self,
        timeout: Duration,
        done: impl Fn(&State) -> bool,
    ) -> MutexGuard<'_, State> {
        let deadline = Instant::now() + timeout;
        let mut state = self.shared.lock();
        while !done(&state) {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            state = match self.shared.changed.wait_timeout(state, left) {
                Ok((s, _)) => s,
                Err(e) => e.into_inner().0,
            };
        }
        state
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        self.shared.closed.store(true, Ordering::SeqCst);
        self.shared.changed.notify_all();
        // Wake the accept loop.
        let _ = TcpStream::connect(self.addr);
    }
}

fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    for stream in listener.incoming() {
        if shared.closed.load(Ordering::SeqCst) {
            return;
        }
        let Ok(stream) = stream else { continue };
        shared.lock().connections += 1;
        let conn_shared = Arc::clone(&shared);
        let _ = thread::Builder::new()
            .name("lambda-emulator-conn".into())
            .spawn(move || {
                let _ = serve_connection(stream, &conn_shared);
            });
    }
}

struct Request {
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    close: bool,
}

fn serve_connection(stream: TcpStream, shared: &Shared) -> io::Result<()> {
    stream.set_nodelay(true)?;
    let mut writer = stream.try_clone()?;
    let mut reader = BufReader::new(stream);
    loop {
        let Some(req) = read_request(&mut reader)? else {
            return Ok(());
        };
        let keep = route(req, shared, &mut writer)?;
        if !keep {
            let _ = writer.shutdown(Shutdown::Both);
            return Ok(());
        }
    }
}

fn read_request(reader: &mut BufReader<TcpStream>) -> io::Result<Option<Request>> {
    let mut line = String::new();
    if reader.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    let mut parts = line.split_whitespace();
    let (Some(method), Some(path)) = (parts.next(), parts.next()) else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "bad request line",
        ));
    };
    let (method, path) = (method.to_owned(), path.to_owned());
    let mut headers = Vec::new();
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((n, v)) = l.split_once(':') {
            headers.push((n.trim().to_owned(), v.trim().to_owned()));
        }
    }
    let get = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    };
    let close = get("connection").is_some_and(|c| c.eq_ignore_ascii_case("close"));
    let mut body = Vec::new();
    if get("transfer-encoding").is_some_and(|t| t.to_ascii_lowercase().contains("chunked")) {
        loop {
            line.clear();
            reader.read_line(&mut line)?;
            let size_text = line.trim().split(';').next().unwrap_or("");
            let size = usize::from_str_radix(size_text, 16)
                .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "bad chunk size"))?;
            if size == 0 {
                // Trailers up to the empty line.
                loop {
                    line.clear();
                    if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
                        break;
                    }
                }
                break;
            }
            if body.len() + size > READ_LIMIT {
                return Err(io::Error::new(io::ErrorKind::InvalidData, "body too large"));
            }
            let start = body.len();
            body.resize(start + size, 0);
            reader.read_exact(&mut body[start..])?;
            line.clear();
            reader.read_line(&mut line)?;
        }
    } else if let Some(len) = get("content-length") {
        let len: usize = len
            .parse()
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "bad Content-Length"))?;
        if len > READ_LIMIT {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "body too large"));
        }
        body = vec![0; len];
        reader.read_exact(&mut body)?;
    }
    Ok(Some(Request {
        method,
        path,
        headers,
        body,
        close,
    }))
}

fn reply(
    w: &mut TcpStream,
    status: u16,
    headers: &[(String, String)],
    body: &[u8],
) -> io::Result<()> {
    let reason = match status {
        200 => "OK",
        202 => "Accepted",
        400 => "Bad Request",
        404 => "Not Found",
        413 => "Request Entity Too Large",
        500 => "Internal Server Error",
        _ => "Status",
    };
    let mut head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (n, v) in headers {
        head.push_str(&format!("{n}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let mut out = head.into_bytes();
    out.extend_from_slice(body);
    w.write_all(&out)?;
    w.flush()
}

fn json_header() -> Vec<(String, String)> {
    vec![("Content-Type".into(), "application/json".into())]
}

/// Answers one request; returns whether to keep the connection.
fn route(req: Request, shared: &Shared, w: &mut TcpStream) -> io::Result<bool> {
    let Some(resource) = req
        .path
        .strip_prefix(shared.prefix.as_str())
        .and_then(|p| p.strip_prefix("/2018-06-01/runtime/"))
    else {
        reply(w, 404, &json_header(), br#"{"errorType":"NotFound"}"#)?;
        return Ok(!req.close);
    };
    let resource = resource.to_owned();
    match (req.method.as_str(), resource.as_str()) {
        ("GET", "invocation/next") => serve_next(shared, w, req.close),
        ("POST", "init/error") => record(shared, w, PostKind::InitError, None, req),
        ("POST", r) => {
            let parsed = r.strip_prefix("invocation/").and_then(|r| {
                r.strip_suffix("/response")
                    .map(|id| (PostKind::Response, id))
                    .or_else(|| r.strip_suffix("/error").map(|id| (PostKind::Error, id)))
            });
            match parsed {
                Some((kind, id)) if !id.is_empty() && !id.contains('/') => {
                    let id = id.to_owned();
                    record(shared, w, kind, Some(id), req)
                }
                _ => {
                    reply(w, 404, &json_header(), br#"{"errorType":"NotFound"}"#)?;
                    Ok(!req.close)
                }
            }
        }
        _ => {
            reply(w, 404, &json_header(), br#"{"errorType":"NotFound"}"#)?;
            Ok(!req.close)
        }
    }
}

fn serve_next(shared: &Shared, w: &mut TcpStream, close: bool) -> io::Result<bool> {
    let mut state = shared.lock();
    state.next_calls += 1;
    loop {
        if shared.closed.load(Ordering::SeqCst) {
            return Ok(false);
        }
        if let Some(fault) = state.faults.pop_front() {
            drop(state);
            if let Some(keep) = apply(fault, shared, w, close)? {
                return Ok(keep);
            }
            state = shared.lock();
            continue;
        }
        if let Some(event) = state.events.pop_front() {
            let id = event.request_id.clone().unwrap_or_default();
            state.pending.insert(id.clone());
            drop(state);
            let mut headers = json_header();
            headers.push(("Lambda-Runtime-Aws-Request-Id".into(), id));
            if let Some(d) = event.deadline_in {
                let deadline = SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .unwrap_or_default()
                    + d;
                headers.push((
                    "Lambda-Runtime-Deadline-Ms".into(),
                    deadline.as_millis().to_string(),
                ));
            }
            headers.push((
                "Lambda-Runtime-Invoked-Function-Arn".into(),
                event.function_arn,
            ));
            if let Some(t) = event.trace_id {
                headers.push(("Lambda-Runtime-Trace-Id".into(), t));
            }
            headers.extend(event.headers);
            reply(w, 200, &headers, &event.body)?;
            return Ok(!close);
        }
        state = match shared.changed.wait(state) {
            Ok(s) => s,
            Err(e) => e.into_inner(),
        };
    }
}

/// Applies `fault` to the answer due on `w`: `Some(keep the connection)` when
/// the fault was the whole answer, `None` when the normal answer follows.
fn apply(
    fault: Fault,
    shared: &Shared,
    w: &mut TcpStream,
    close: bool,
) -> io::Result<Option<bool>> {
    match fault {
        Fault::Status(status) => {
            reply(
                w,
                status,
                &json_header(),
                br#"{"errorType":"InjectedFault"}"#,
            )?;
            Ok(Some(!close))
        }
        Fault::DropConnection => Ok(Some(false)),
        Fault::Raw(bytes) => {
            w.write_all(&bytes)?;
            w.flush()?;
            Ok(Some(false))
        }
        Fault::Preface(bytes) => {
            w.write_all(&bytes)?;
            Ok(None)
        }
        Fault::Flood { prefix, fill, len } => {
            w.write_all(&prefix)?;
            let block = [fill; 64 * 1024];
            let mut left = len;
            while left > 0 {
                let n = left.min(block.len());
                // The runtime hanging up ends the flood (an error here).
                w.write_all(&block[..n])?;
                left -= n;
            }
            w.flush()?;
            Ok(Some(false))
        }
        Fault::Delay(d) => {
            thread::sleep(d);
            Ok(None)
        }
        Fault::Hang => {
            let mut state = shared.lock();
            while !shared.closed.load(Ordering::SeqCst) {
                state = match shared.changed.wait(state) {
                    Ok(s) => s,
                    Err(e) => e.into_inner(),
                };
            }
            Ok(Some(false))
        }
    }
}

fn record(
    shared: &Shared,
    w: &mut TcpStream,
    kind: PostKind,
    request_id: Option<String>,
    req: Request,
) -> io::Result<bool> {
    let (status, fault) = {
        let mut state = shared.lock();
        let known = match &request_id {
            Some(id) => state.pending.remove(id),
            None => true,
        };
        let fault = state.post_faults.pop_front();
        let status = if let Some(Fault::Status(status)) = fault {
            status
        } else if !known {
            400
        } else if kind == PostKind::Response && req.body.len() > PAYLOAD_LIMIT {
            413
        } else {
            202
        };
        state.posts.push(Post {
            kind,
            request_id,
            headers: req.headers,
            body: req.body,
            status,
            received_at: Instant::now(),
        });
        shared.changed.notify_all();
        (status, fault)
    };
    if let Some(fault) = fault
        && let Some(keep) = apply(fault, shared, w, req.close)?
    {
        return Ok(keep);
    }
    let body: &[u8] = match status {
        202 => br#"{"status":"OK"}"#,
        413 => br#"{"errorMessage":"Exceeded maximum allowed payload size","errorType":"RequestEntityTooLarge"}"#,
        _ => br#"{"errorMessage":"Invalid request ID","errorType":"InvalidRequestID"}"#,
    };
    reply(w, status, &json_header(), body)?;
    Ok(!req.close)
}
