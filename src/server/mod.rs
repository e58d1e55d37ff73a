//! The self-hosted endpoint (feature `server`): the skill answers Alexa's
//! HTTPS `POST /` from your own machine, container or server instead of
//! Lambda, with Alexa's request verification.
//!
//! ```text
//! hello_world serve [--addr 127.0.0.1] [--port 3000] [--workers N] [--no-verify]
//!                   [--tls-cert FILE --tls-key FILE]
//! ```
//!
//! Underneath is hyper's HTTP/1.1 server: keep-alive, a body limit answered
//! with 413, a header-read timeout that also closes idle keep-alive
//! connections, a time limit for reading the body and answering, malformed
//! HTTP answered with 400, and on SIGTERM or Ctrl-C the listener closes while
//! requests in flight finish. The skill core is not `Send`, so the server runs
//! one thread per worker (by default one per core), each with a
//! current-thread tokio runtime and its own skill built by your factory; on
//! Linux each worker has its own `SO_REUSEPORT` listening socket, so that the
//! kernel spreads connections evenly.
//!
//! Every request goes through the same dispatch as on Lambda
//! ([`Skill::handle_bytes`]) with an [`Invocation`] of transport
//! [`Transport::Server`]. Verification ([`Verifier`]) is on unless turned
//! off; a refused request gets `400` with a short reason and a log line.
//!
//! ```no_run
//! use alexa_kit::server::Server;
//!
//! # async fn demo() -> alexa_kit::Result<()> {
//! Server::new(|| alexa_kit::Skill::builder().build())
//!     .bind("127.0.0.1:3000".parse().unwrap())
//!     .verify(true)
//!     .run()
//!     .await
//! # }
//! ```
//!
//! To answer Alexa from an existing server, build an [`Endpoint`] per thread
//! and call [`Endpoint::handle`] with the request's headers and raw body. In
//! a hyper 1 server (whose HTTP/1.1 connections need not be `Send`), on a
//! route of your own:
//!
//! ```no_run
//! use std::rc::Rc;
//! use alexa_kit::server::{Endpoint, http};
//! use http_body_util::{BodyExt, Full, Limited};
//! use hyper::body::{Bytes, Incoming};
//!
//! /// Serves one connection; call it from a task of a `LocalSet`
//! /// (`tokio::task::spawn_local`) on the thread that built `endpoint`.
//! async fn connection(stream: tokio::net::TcpStream, endpoint: Rc<Endpoint>) -> hyper::Result<()> {
//!     let service = hyper::service::service_fn(move |request: http::Request<Incoming>| {
//!         let endpoint = endpoint.clone();
//!         async move {
//!             let (parts, body) = request.into_parts();
//!             let response = match Limited::new(body, 256 * 1024).collect().await {
//!                 Ok(body) if parts.uri.path() == "/alexa" => {
//!                     endpoint.handle(&parts.headers, &body.to_bytes()).await
//!                 }
//!                 Ok(_) => http::Response::builder().status(404).body(Vec::new()).unwrap(),
//!                 Err(_) => http::Response::builder().status(413).body(Vec::new()).unwrap(),
//!             };
//!             Ok::<_, hyper::Error>(response.map(|body| Full::new(Bytes::from(body))))
//!         }
//!     });
//!     hyper::server::conn::http1::Builder::new()
//!         .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
//!         .await
//! }
//! ```
//!
//! Frameworks whose handlers must be `Send` (axum) cannot hold the skill
//! directly: keep one `Endpoint` per thread in a `thread_local!` and run the
//! call on a pinned local task (for example tokio-util's
//! `LocalPoolHandle::spawn_pinned`), or put [`Server`] on its own port behind
//! the same reverse proxy.

mod verify;

use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::sync::watch;

use crate::{Error, ErrorKind, Invocation, Result, Skill, Transport};

pub use http;
pub use verify::{
    ALEXA_CERT_NAME, CertFetcher, FetchFuture, HttpsFetcher, TIMESTAMP_TOLERANCE, Verifier,
};

/// Builds one skill per worker thread.
pub type SkillFactory = Arc<dyn Fn() -> Result<Skill> + Send + Sync>;

/// The largest request body accepted by default (Alexa's requests are a few KB).
pub const DEFAULT_BODY_LIMIT: usize = 256 * 1024;

/// The shared settings of every worker and connection.
#[derive(Debug, Clone)]
struct Limits {
    body: usize,
    header_timeout: Duration,
    request_timeout: Duration,
    drain_timeout: Duration,
}

/// The self-hosted endpoint: configure, then [`run`](Server::run) (until
/// SIGTERM or Ctrl-C) or [`start`](Server::start) (in the background).
///
/// ```no_run
/// use std::time::Duration;
/// use alexa_kit::server::Server;
///
/// # async fn demo() -> alexa_kit::Result<()> {
/// Server::new(|| alexa_kit::Skill::builder().build())
///     .bind(([0, 0, 0, 0], 8443).into())
///     .workers(4)
///     .tls("cert.pem", "key.pem")
///     .body_limit(128 * 1024)
///     .header_timeout(Duration::from_secs(5))
///     .run()
///     .await
/// # }
/// ```
pub struct Server {
    factory: SkillFactory,
    addr: SocketAddr,
    verifier: Option<Arc<Verifier>>,
    workers: usize,
    tls: Option<(PathBuf, PathBuf)>,
    limits: Limits,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server")
            .field("addr", &self.addr)
            .field("verify", &self.verifier.is_some())
            .field("workers", &self.workers)
            .field("tls", &self.tls)
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

impl Server {
    /// A server for the skills `factory` builds (one per worker), on
    /// `127.0.0.1:3000`, verifying requests, one worker per core.
    ///
    /// ```
    /// let server = alexa_kit::server::Server::new(|| alexa_kit::Skill::builder().build());
    /// # drop(server);
    /// ```
    pub fn new(factory: impl Fn() -> Result<Skill> + Send + Sync + 'static) -> Self {
        Server {
            factory: Arc::new(factory),
            addr: SocketAddr::from(([127, 0, 0, 1], 3000)),
            verifier: Some(Arc::new(Verifier::new())),
            workers: std::thread::available_parallelism().map_or(1, |n| n.get()),
            tls: None,
            limits: Limits {
                body: DEFAULT_BODY_LIMIT,
                header_timeout: Duration::from_secs(10),
                request_timeout: Duration::from_secs(8),
                drain_timeout: Duration::from_secs(10),
            },
        }
    }

    /// The address to listen on (port 0 picks a free one; see
    /// [`Running::local_addr`]).
    ///
    /// ```
    /// # let server = alexa_kit::server::Server::new(|| alexa_kit::Skill::builder().build());
    /// let server = server.bind(([127, 0, 0, 1], 0).into());
    /// # drop(server);
    /// ```
    #[must_use]
    pub fn bind(mut self, addr: SocketAddr) -> Self {
        self.addr = addr;
        self
    }

    /// Verifies that requests come from Alexa (the default). Turn it off only
    /// for local experiments: anyone who can reach the port can then talk to
    /// the skill. Each request then logs a warning.
    ///
    /// ```
    /// # let server = alexa_kit::server::Server::new(|| alexa_kit::Skill::builder().build());
    /// let server = server.verify(false);
    /// # drop(server);
    /// ```
    #[must_use]
    pub fn verify(mut self, on: bool) -> Self {
        self.verifier = on.then(|| self.verifier.take().unwrap_or_default());
        self
    }

    /// Verifies with this verifier (other roots or certificate fetcher).
    ///
    /// ```
    /// use alexa_kit::server::{Server, Verifier};
    /// # let server = Server::new(|| alexa_kit::Skill::builder().build());
    /// let server = server.verifier(Verifier::new());
    /// # drop(server);
    /// ```
    #[must_use]
    pub fn verifier(mut self, verifier: Verifier) -> Self {
        self.verifier = Some(Arc::new(verifier));
        self
    }

    /// How many worker threads (each with its own skill); default: one per core.
    ///
    /// ```
    /// # let server = alexa_kit::server::Server::new(|| alexa_kit::Skill::builder().build());
    /// let server = server.workers(2);
    /// # drop(server);
    /// ```
    #[must_use]
    pub fn workers(mut self, workers: usize) -> Self {
        self.workers = workers.max(1);
        self
    }

    /// Serves HTTPS with this PEM certificate chain and PEM private key
    /// (without it, plain HTTP for a TLS-terminating proxy or tunnel).
    ///
    /// ```
    /// # let server = alexa_kit::server::Server::new(|| alexa_kit::Skill::builder().build());
    /// let server = server.tls("/etc/skill/fullchain.pem", "/etc/skill/key.pem");
    /// # drop(server);
    /// ```
    #[must_use]
    pub fn tls(mut self, cert: impl Into<PathBuf>, key: impl Into<PathBuf>) -> Self {
        self.tls = Some((cert.into(), key.into()));
        self
    }

    /// The largest request body; larger ones get `413` (default 256 KiB).
    ///
    /// ```
    /// # let server = alexa_kit::server::Server::new(|| alexa_kit::Skill::builder().build());
    /// let server = server.body_limit(64 * 1024);
    /// # drop(server);
    /// ```
    #[must_use]
    pub fn body_limit(mut self, bytes: usize) -> Self {
        self.limits.body = bytes;
        self
    }

    /// How long a client may take to send a request's headers, also the
    /// longest a keep-alive connection may sit idle (default 10 s).
    ///
    /// ```
    /// # let server = alexa_kit::server::Server::new(|| alexa_kit::Skill::builder().build());
    /// let server = server.header_timeout(std::time::Duration::from_secs(5));
    /// # drop(server);
    /// ```
    #[must_use]
    pub fn header_timeout(mut self, timeout: Duration) -> Self {
        self.limits.header_timeout = timeout;
        self
    }

    /// How long reading a body and answering may take, the deadline of the
    /// [`Invocation`] (default 8 s, Alexa's own limit).
    ///
    /// ```
    /// # let server = alexa_kit::server::Server::new(|| alexa_kit::Skill::builder().build());
    /// let server = server.request_timeout(std::time::Duration::from_secs(6));
    /// # drop(server);
    /// ```
    #[must_use]
    pub fn request_timeout(mut self, timeout: Duration) -> Self {
        self.limits.request_timeout = timeout;
        self
    }

    /// How long a shutdown waits for requests in flight (default 10 s).
    ///
    /// ```
    /// # let server = alexa_kit::server::Server::new(|| alexa_kit::Skill::builder().build());
    /// let server = server.drain_timeout(std::time::Duration::from_secs(20));
    /// # drop(server);
    /// ```
    #[must_use]
    pub fn drain_timeout(mut self, timeout: Duration) -> Self {
        self.limits.drain_timeout = timeout;
        self
    }

    /// Serves until SIGTERM or Ctrl-C, then lets requests in flight finish.
    ///
    /// ```no_run
    /// # async fn demo() -> alexa_kit::Result<()> {
    /// alexa_kit::server::Server::new(|| alexa_kit::Skill::builder().build()).run().await
    /// # }
    /// ```
    pub async fn run(self) -> Result<()> {
        let running = self.start()?;
        shutdown_signal().await?;
        running.stop().await;
        Ok(())
    }

    /// Binds, builds every worker's skill and starts serving in the
    /// background; fails if the address, TLS files or a skill do.
    ///
    /// ```no_run
    /// # async fn demo() -> alexa_kit::Result<()> {
    /// let running = alexa_kit::server::Server::new(|| alexa_kit::Skill::builder().build())
    ///     .bind(([127, 0, 0, 1], 0).into())
    ///     .start()?;
    /// println!("listening on {}", running.local_addr());
    /// running.stop().await;
    /// # Ok(()) }
    /// ```
    pub fn start(self) -> Result<Running> {
        let listeners = listeners(self.addr, self.workers).map_err(|e| {
            Error::new(ErrorKind::Io, format!("cannot listen on {}", self.addr)).with_source(e)
        })?;
        let local_addr = listeners[0].local_addr()?;
        let shared = Arc::new(Shared {
            verifier: self.verifier,
            tls: self
                .tls
                .as_ref()
                .map(|(c, k)| tls_acceptor(c, k))
                .transpose()?,
            limits: self.limits,
        });
        warn_if_unverified(&shared);
        let (stop, stopped) = watch::channel(false);
        let (ready_tx, ready_rx) = std::sync::mpsc::channel();
        let mut done = Vec::with_capacity(self.workers);
        for (index, listener) in listeners.into_iter().enumerate() {
            let (factory, shared, stopped) =
                (self.factory.clone(), shared.clone(), stopped.clone());
            let ready = ready_tx.clone();
            let (done_tx, done_rx) = tokio::sync::oneshot::channel::<()>();
            done.push(done_rx);
            std::thread::Builder::new()
                .name(format!("alexa-server-{index}"))
                .spawn(move || {
                    let runtime = match tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                    {
                        Ok(runtime) => runtime,
                        Err(e) => return drop(ready.send(Err(Error::from(e)))),
                    };
                    let local = tokio::task::LocalSet::new();
                    local.block_on(&runtime, async move {
                        let started = factory().and_then(|skill| {
                            let listener = tokio::net::TcpListener::from_std(listener)?;
                            Ok((skill, listener))
                        });
                        match started {
                            Ok((skill, listener)) => {
                                let _ = ready.send(Ok(()));
                                worker(listener, skill, shared, stopped).await;
                            }
                            Err(e) => drop(ready.send(Err(e))),
                        }
                    });
                    drop(done_tx);
                })?;
        }
        drop(ready_tx);
        let running = Running {
            local_addr,
            stop,
            done,
            shared,
        };
        for _ in 0..self.workers {
            match ready_rx.recv() {
                Ok(Ok(())) => {}
                Ok(Err(e)) => {
                    let _ = running.stop.send(true);
                    return Err(e.context("a server worker could not start"));
                }
                Err(_) => {
                    let _ = running.stop.send(true);
                    return Err(Error::new(
                        ErrorKind::Runtime,
                        "a server worker stopped at start",
                    ));
                }
            }
        }
        Ok(running)
    }

    /// Serves `skill` on the current thread only (one worker), until SIGTERM
    /// or Ctrl-C: what `serve` does for a skill started with [`Skill::run`],
    /// which has no factory to build more.
    pub(crate) async fn run_one(self, skill: Skill) -> Result<()> {
        let listener = tokio::net::TcpListener::bind(self.addr)
            .await
            .map_err(|e| {
                Error::new(ErrorKind::Io, format!("cannot listen on {}", self.addr)).with_source(e)
            })?;
        let shared = Arc::new(Shared {
            verifier: self.verifier,
            tls: self
                .tls
                .as_ref()
                .map(|(c, k)| tls_acceptor(c, k))
                .transpose()?,
            limits: self.limits,
        });
        warn_if_unverified(&shared);
        announce(listener.local_addr()?, &shared, 1);
        let (stop, stopped) = watch::channel(false);
        let local = tokio::task::LocalSet::new();
        let serving = local.run_until(worker(listener, skill, shared, stopped));
        tokio::pin!(serving);
        tokio::select! {
            () = &mut serving => return Ok(()),
            signal = shutdown_signal() => signal?,
        }
        let _ = stop.send(true);
        serving.await;
        Ok(())
    }
}

/// One listening socket per worker, non-blocking. On Linux each worker gets
/// its own `SO_REUSEPORT` socket on the same address and the kernel spreads
/// new connections evenly over them; elsewhere the workers share one socket
/// (whichever is idle accepts first).
fn listeners(addr: SocketAddr, workers: usize) -> std::io::Result<Vec<std::net::TcpListener>> {
    let first = listen(addr)?;
    // With port 0 the first socket picked the port; the others join it.
    let addr = first.local_addr()?;
    let mut all = Vec::with_capacity(workers);
    all.push(first);
    for _ in 1..workers {
        let next = if cfg!(any(target_os = "linux", target_os = "android")) {
            listen(addr)?
        } else {
            all[0].try_clone()?
        };
        all.push(next);
    }
    Ok(all)
}

fn listen(addr: SocketAddr) -> std::io::Result<std::net::TcpListener> {
    let socket = socket2::Socket::new(
        socket2::Domain::for_address(addr),
        socket2::Type::STREAM,
        Some(socket2::Protocol::TCP),
    )?;
    #[cfg(unix)]
    socket.set_reuse_address(true)?;
    #[cfg(any(target_os = "linux", target_os = "android"))]
    socket.set_reuse_port(true)?;
    socket.bind(&addr.into())?;
    socket.listen(1024)?;
    socket.set_nonblocking(true)?;
    Ok(socket.into())
}

/// A server started by [`Server::start`].
pub struct Running {
    local_addr: SocketAddr,
    shared: Arc<Shared>,
    stop: watch::Sender<bool>,
    done: Vec<tokio::sync::oneshot::Receiver<()>>,
}

impl std::fmt::Debug for Running {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Running")
            .field("local_addr", &self.local_addr)
            .field("workers", &self.done.len())
            .finish_non_exhaustive()
    }
}

impl Running {
    /// The address the server listens on.
    ///
    /// ```no_run
    /// # fn demo() -> alexa_kit::Result<()> {
    /// let running = alexa_kit::server::Server::new(|| alexa_kit::Skill::builder().build())
    ///     .bind(([127, 0, 0, 1], 0).into())
    ///     .start()?;
    /// assert_ne!(running.local_addr().port(), 0);
    /// # Ok(()) }
    /// ```
    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// Stops accepting, lets requests in flight finish (up to the drain
    /// timeout) and waits for every worker.
    ///
    /// ```no_run
    /// # async fn demo(running: alexa_kit::server::Running) {
    /// running.stop().await;
    /// # }
    /// ```
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        for done in self.done {
            let _ = done.await;
        }
    }
}

struct Shared {
    verifier: Option<Arc<Verifier>>,
    tls: Option<tokio_rustls::TlsAcceptor>,
    limits: Limits,
}

fn warn_if_unverified(shared: &Shared) {
    if shared.verifier.is_none() {
        tracing::warn!(
            "request verification is OFF (--no-verify): anyone who reaches this port can call the skill; for local experiments only"
        );
    }
}

fn announce(addr: SocketAddr, shared: &Shared, workers: usize) {
    let scheme = if shared.tls.is_some() {
        "https"
    } else {
        "http"
    };
    let verify = if shared.verifier.is_some() {
        "on"
    } else {
        "OFF"
    };
    eprintln!(
        "alexa-kit: listening on {scheme}://{addr}/ ({workers} worker(s), request verification {verify})"
    );
}

async fn shutdown_signal() -> Result<()> {
    #[cfg(unix)]
    {
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
        tokio::select! {
            _ = term.recv() => {}
            ctrl_c = tokio::signal::ctrl_c() => ctrl_c?,
        }
    }
    #[cfg(not(unix))]
    tokio::signal::ctrl_c().await?;
    eprintln!("alexa-kit: shutting down, finishing requests in flight");
    Ok(())
}

fn tls_acceptor(cert: &PathBuf, key: &PathBuf) -> Result<tokio_rustls::TlsAcceptor> {
    use rustls_pki_types::pem::PemObject as _;
    use rustls_pki_types::{CertificateDer, PrivateKeyDer};
    let config_error = |what: &str, path: &PathBuf| {
        Error::new(
            ErrorKind::Config,
            format!("cannot read the TLS {what} {}", path.display()),
        )
    };
    let certs = CertificateDer::pem_file_iter(cert)
        .and_then(|certs| certs.collect::<std::result::Result<Vec<_>, _>>())
        .map_err(|e| config_error("certificate", cert).with_source(e))?;
    let key =
        PrivateKeyDer::from_pem_file(key).map_err(|e| config_error("key", key).with_source(e))?;
    let mut config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .and_then(|builder| builder.with_no_client_auth().with_single_cert(certs, key))
    .map_err(|e| Error::new(ErrorKind::Config, "unusable TLS certificate or key").with_source(e))?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(tokio_rustls::TlsAcceptor::from(Arc::new(config)))
}

/// One worker: accepts on its copy of the listener and serves each
/// connection as a local task, until told to stop; then drains.
async fn worker(
    listener: tokio::net::TcpListener,
    skill: Skill,
    shared: Arc<Shared>,
    mut stopped: watch::Receiver<bool>,
) {
    let endpoint = Rc::new(Endpoint {
        skill,
        verifier: shared.verifier.clone(),
        request_timeout: shared.limits.request_timeout,
    });
    let mut connections = tokio::task::JoinSet::new();
    let for_connections = stopped.clone();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    let _ = stream.set_nodelay(true);
                    connections.spawn_local(connection(stream, endpoint.clone(), shared.clone(), for_connections.clone()));
                }
                // Out of file descriptors and the like: back off instead of spinning.
                Err(e) => {
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
            _ = stopped.wait_for(|stop| *stop) => break,
        }
    }
    drop(listener);
    let drained = tokio::time::timeout(shared.limits.drain_timeout, async {
        while connections.join_next().await.is_some() {}
    })
    .await;
    if drained.is_err() {
        tracing::warn!(
            left = connections.len(),
            "drain timeout: closing connections still busy"
        );
    }
}

async fn connection(
    stream: tokio::net::TcpStream,
    endpoint: Rc<Endpoint>,
    shared: Arc<Shared>,
    stopped: watch::Receiver<bool>,
) {
    match &shared.tls {
        None => serve_http(stream, endpoint, &shared, stopped).await,
        Some(acceptor) => {
            match tokio::time::timeout(shared.limits.header_timeout, acceptor.accept(stream)).await
            {
                Ok(Ok(tls)) => serve_http(tls, endpoint, &shared, stopped).await,
                Ok(Err(e)) => tracing::debug!(error = %e, "TLS handshake failed"),
                Err(_) => tracing::debug!("TLS handshake timed out"),
            }
        }
    }
}

async fn serve_http<IO>(
    io: IO,
    endpoint: Rc<Endpoint>,
    shared: &Shared,
    mut stopped: watch::Receiver<bool>,
) where
    IO: AsyncRead + AsyncWrite + Unpin + 'static,
{
    let body_limit = shared.limits.body;
    let service = hyper::service::service_fn(move |request| {
        let endpoint = endpoint.clone();
        async move { Ok::<_, Infallible>(endpoint.serve(request, body_limit).await) }
    });
    let connection = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(shared.limits.header_timeout)
        .keep_alive(true)
        .serve_connection(TokioIo::new(io), service);
    tokio::pin!(connection);
    let outcome = tokio::select! {
        outcome = connection.as_mut() => outcome,
        _ = stopped.wait_for(|stop| *stop) => {
            connection.as_mut().graceful_shutdown();
            connection.await
        }
    };
    if let Err(e) = outcome {
        tracing::debug!(error = %e, "connection ended with an error");
    }
}

/// Answers Alexa's requests with one skill: verification, then the skill's
/// own dispatch. [`Server`] builds one per worker; build your own to answer
/// from an existing HTTP server (call [`handle`](Endpoint::handle) from the
/// thread that built it: the skill is not `Send`).
///
/// ```
/// use alexa_kit::server::{Endpoint, http};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> alexa_kit::Result<()> {
/// let endpoint = Endpoint::new(alexa_kit::Skill::builder().build()?).verify(false);
/// let body = br#"{"version":"1.0","request":{"type":"LaunchRequest","requestId":"r1",
///     "timestamp":"2024-01-01T00:00:00Z","locale":"en-US"}}"#;
/// let response = endpoint.handle(&http::HeaderMap::new(), body).await;
/// assert_eq!(response.status(), 200);
/// assert!(std::str::from_utf8(response.body()).unwrap().contains("outputSpeech"));
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct Endpoint {
    skill: Skill,
    verifier: Option<Arc<Verifier>>,
    request_timeout: Duration,
}

static REQUEST_COUNTER: AtomicU64 = AtomicU64::new(0);

impl Endpoint {
    /// An endpoint for `skill` that verifies requests with the default
    /// [`Verifier`].
    ///
    /// ```
    /// let endpoint = alexa_kit::server::Endpoint::new(alexa_kit::Skill::builder().build()?);
    /// # drop(endpoint);
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn new(skill: Skill) -> Self {
        Endpoint {
            skill,
            verifier: Some(Arc::new(Verifier::new())),
            request_timeout: Duration::from_secs(8),
        }
    }

    /// Turns verification off (`false`, local experiments only) or on.
    ///
    /// ```
    /// let endpoint = alexa_kit::server::Endpoint::new(alexa_kit::Skill::builder().build()?).verify(false);
    /// # drop(endpoint);
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    #[must_use]
    pub fn verify(mut self, on: bool) -> Self {
        self.verifier = on.then(|| self.verifier.take().unwrap_or_default());
        self
    }

    /// Verifies with `verifier`, which may be shared with other endpoints
    /// (it holds the certificate cache).
    ///
    /// ```
    /// use std::sync::Arc;
    /// use alexa_kit::server::{Endpoint, Verifier};
    /// let shared = Arc::new(Verifier::new());
    /// let endpoint = Endpoint::new(alexa_kit::Skill::builder().build()?).verifier(shared.clone());
    /// # drop(endpoint);
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    #[must_use]
    pub fn verifier(mut self, verifier: Arc<Verifier>) -> Self {
        self.verifier = Some(verifier);
        self
    }

    /// Answers one Alexa request given its headers and raw body: `200` with
    /// the response envelope, `400` with a short reason when verification or
    /// the request fails, `500` when the skill does.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> alexa_kit::Result<()> {
    /// use alexa_kit::server::{Endpoint, http};
    /// let endpoint = Endpoint::new(alexa_kit::Skill::builder().build()?);
    /// // Verification is on: an unsigned request is refused.
    /// let response = endpoint.handle(&http::HeaderMap::new(), b"{}").await;
    /// assert_eq!(response.status(), 400);
    /// # Ok(()) }
    /// ```
    pub async fn handle(&self, headers: &http::HeaderMap, body: &[u8]) -> http::Response<Vec<u8>> {
        let counter = REQUEST_COUNTER.fetch_add(1, Ordering::Relaxed);
        let request_id = format!("{:x}-{counter:x}", std::process::id());
        let invocation = Invocation::new(Transport::Server)
            .with_request_id(request_id)
            .with_deadline_in(self.request_timeout);
        let answer = async {
            match &self.verifier {
                Some(verifier) => verifier.verify(headers, body, SystemTime::now()).await?,
                None => warn_unverified(invocation.request_id()),
            }
            self.skill.handle_bytes(body, &invocation).await
        };
        match tokio::time::timeout(self.request_timeout, answer).await {
            Ok(Ok(envelope)) => response(http::StatusCode::OK, "application/json", envelope),
            Ok(Err(error)) => refused(&error, invocation.request_id()),
            Err(_) => {
                tracing::error!(
                    request_id = invocation.request_id(),
                    "the skill did not answer in time"
                );
                response(
                    http::StatusCode::SERVICE_UNAVAILABLE,
                    "text/plain",
                    b"timed out\n".to_vec(),
                )
            }
        }
    }

    /// The HTTP side: method, path and body limit, then [`handle`](Endpoint::handle).
    async fn serve(
        &self,
        request: http::Request<Incoming>,
        limit: usize,
    ) -> http::Response<Full<Bytes>> {
        let (parts, body) = request.into_parts();
        let plain = |status: http::StatusCode, text: &'static str| {
            response(status, "text/plain", text.as_bytes().to_vec())
        };
        let answer = if parts.uri.path() != "/" {
            plain(
                http::StatusCode::NOT_FOUND,
                "not found: Alexa requests go to POST /\n",
            )
        } else if parts.method != http::Method::POST {
            let mut answer = plain(
                http::StatusCode::METHOD_NOT_ALLOWED,
                "Alexa requests are POST\n",
            );
            answer
                .headers_mut()
                .insert(http::header::ALLOW, http::HeaderValue::from_static("POST"));
            answer
        } else {
            let declared = parts
                .headers
                .get(http::header::CONTENT_LENGTH)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse::<u64>().ok());
            if declared.is_some_and(|n| n > limit as u64) {
                plain(
                    http::StatusCode::PAYLOAD_TOO_LARGE,
                    "request body too large\n",
                )
            } else {
                let read = Limited::new(body, limit).collect();
                match tokio::time::timeout(self.request_timeout, read).await {
                    Ok(Ok(body)) => self.handle(&parts.headers, &body.to_bytes()).await,
                    Ok(Err(e)) if e.is::<http_body_util::LengthLimitError>() => plain(
                        http::StatusCode::PAYLOAD_TOO_LARGE,
                        "request body too large\n",
                    ),
                    Ok(Err(_)) => plain(http::StatusCode::BAD_REQUEST, "unreadable request body\n"),
                    Err(_) => plain(http::StatusCode::REQUEST_TIMEOUT, "request body too slow\n"),
                }
            }
        };
        answer.map(|body| Full::new(Bytes::from(body)))
    }
}

fn warn_unverified(request_id: &str) {
    tracing::warn!(
        request_id,
        "request verification is OFF: request not checked"
    );
}

fn response(
    status: http::StatusCode,
    content_type: &'static str,
    body: Vec<u8>,
) -> http::Response<Vec<u8>> {
    let mut response = http::Response::new(body);
    *response.status_mut() = status;
    response.headers_mut().insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static(content_type),
    );
    response
}

/// `400` with the error's short reason for a bad or unverified request,
/// `500` without details when the skill failed; a log line either way.
fn refused(error: &Error, request_id: &str) -> http::Response<Vec<u8>> {
    match error.kind() {
        ErrorKind::Verification | ErrorKind::InvalidRequest | ErrorKind::SkillIdMismatch => {
            tracing::warn!(
                request_id,
                kind = error.kind().as_str(),
                "request refused: {}",
                error.message()
            );
            let reason = format!("{}: {}\n", error.kind().as_str(), error.message());
            response(
                http::StatusCode::BAD_REQUEST,
                "text/plain",
                reason.into_bytes(),
            )
        }
        _ => {
            tracing::error!(
                request_id,
                kind = error.kind().as_str(),
                "the skill failed: {error}"
            );
            response(
                http::StatusCode::INTERNAL_SERVER_ERROR,
                "text/plain",
                b"the skill failed\n".to_vec(),
            )
        }
    }
}

const SERVE_HELP: &str = "\
Answer Alexa's requests over HTTP(S) from this machine (the self-hosted endpoint).

USAGE:
    <skill> serve [OPTIONS]

OPTIONS:
    --addr ADDR          address to listen on (default: 127.0.0.1; 0.0.0.0 for every interface)
    --port PORT          port to listen on (default: 3000; 0 picks a free one)
    --workers N          worker threads, each with its own skill (default: one per core)
    --tls-cert FILE      serve HTTPS with this PEM certificate chain (needs --tls-key)
    --tls-key FILE       the PEM private key of --tls-cert
    --no-verify          do NOT verify that requests come from Alexa: local experiments only
    -h, --help           print this help

Without --tls-cert the endpoint speaks plain HTTP, for a TLS-terminating reverse proxy or a
tunnel (see \"Hosting the skill on your own server\" in alexa-kit's README). SIGTERM or Ctrl-C
stops accepting and lets requests in flight finish.
";

/// `<skill> serve ...`: the command line of the self-hosted endpoint.
pub(crate) async fn serve_command(
    source: crate::local::SkillSource,
    args: &[String],
) -> Result<()> {
    let usage = |message: String| {
        Error::new(
            ErrorKind::Config,
            format!("serve: {message} (see serve --help)"),
        )
    };
    let mut ip: std::net::IpAddr = [127, 0, 0, 1].into();
    let mut port = 3000u16;
    let mut workers = None;
    let (mut cert, mut key, mut verify) = (None, None, true);
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_owned())),
            _ => (arg.as_str(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| args.next().cloned())
                .ok_or_else(|| usage(format!("{name} needs a value")))
        };
        match flag {
            "-h" | "--help" => {
                print!("{SERVE_HELP}");
                return Ok(());
            }
            "--addr" => {
                let v = value("--addr")?;
                ip = v
                    .parse()
                    .map_err(|_| usage(format!("`{v}` is not an IP address")))?;
            }
            "--port" => {
                let v = value("--port")?;
                port = v
                    .parse()
                    .map_err(|_| usage(format!("`{v}` is not a port")))?;
            }
            "--workers" => {
                let v = value("--workers")?;
                workers = Some(
                    v.parse()
                        .map_err(|_| usage(format!("`{v}` is not a number")))?,
                );
            }
            "--tls-cert" => cert = Some(value("--tls-cert")?),
            "--tls-key" => key = Some(value("--tls-key")?),
            "--no-verify" => verify = false,
            other => return Err(usage(format!("unknown argument `{other}`"))),
        }
    }
    let factory: SkillFactory = match &source {
        crate::local::SkillSource::Factory(factory) => factory.clone(),
        crate::local::SkillSource::Built(_) => Arc::new(|| {
            Err(Error::new(
                ErrorKind::Config,
                "no skill factory (started with Skill::run)",
            ))
        }),
    };
    let mut server = Server::new(move || factory())
        .bind(SocketAddr::new(ip, port))
        .verify(verify);
    if let Some(workers) = workers {
        server = server.workers(workers);
    }
    match (cert, key) {
        (Some(cert), Some(key)) => server = server.tls(cert, key),
        (None, None) => {}
        _ => return Err(usage("--tls-cert and --tls-key go together".into())),
    }
    match source {
        crate::local::SkillSource::Built(skill) => {
            if workers.is_some_and(|n: usize| n > 1) {
                return Err(usage(
                    "--workers needs a skill factory: start the skill with Skill::run_with".into(),
                ));
            }
            server.run_one(skill).await
        }
        crate::local::SkillSource::Factory(_) => {
            let workers = server.workers;
            let running = server.start()?;
            announce(running.local_addr(), &running.shared, workers);
            shutdown_signal().await?;
            running.stop().await;
            Ok(())
        }
    }
}
