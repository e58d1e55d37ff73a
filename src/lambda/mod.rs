//! The embedded Lambda Runtime API loop.
//!
//! A skill binary *is* its Lambda `bootstrap`: [`run`] fetches each event from
//! the [Runtime API], hands its bytes to an [`Invoke`] implementation (usually
//! the skill) and posts the result back.
//!
//! ```no_run
//! use alexa_kit::Invocation;
//! use alexa_kit::lambda::{self, Invoke};
//!
//! struct Echo;
//!
//! impl Invoke for Echo {
//!     async fn invoke(&self, event: &[u8], _inv: &Invocation) -> alexa_kit::Result<Vec<u8>> {
//!         Ok(event.to_vec())
//!     }
//! }
//!
//! #[tokio::main(flavor = "current_thread")]
//! async fn main() -> alexa_kit::Result<()> {
//!     lambda::init_logging();
//!     lambda::run(Echo).await
//! }
//! ```
//!
//! # What the loop does
//!
//! * Reads `AWS_LAMBDA_RUNTIME_API`, as `host:port` (Lambda, the AWS RIE) or as
//!   a URL with a path prefix such as `http://127.0.0.1:9000/.rt/my-fn`
//!   (`cargo lambda watch`).
//! * Keeps one HTTP/1.1 keep-alive connection and reconnects when it drops.
//!   A `/next` that fails (connection error, malformed HTTP, a status other
//!   than 200, an event without a request id) is retried with backoff, five
//!   times, after which [`run`] returns an error and `main` should exit
//!   non-zero rather than spin.
//! * Errors are posted as `{"errorType","errorMessage"}`, where `errorType` is
//!   the readable [`ErrorKind::as_str`](crate::ErrorKind::as_str) name
//!   (`InvalidRequest`, `Handler`, `Panic`…), with the header
//!   `Lambda-Runtime-Function-Error-Type: Function.<Kind>` (`Runtime.Panic`
//!   for panics), a form the Runtime API keeps instead of rewriting it to
//!   `Runtime.Unknown`.
//! * A response over Lambda's 6 MiB limit ([`MAX_RESPONSE_BYTES`]) is not
//!   sent; an `InvalidResponse` error is posted instead. A post that is not
//!   answered `202` is logged and the loop goes on.
//! * Each invocation runs inside a `tracing` span named `invocation` with the
//!   fields `request_id` and `xray_trace_id`; a [`Skill`](crate::Skill) opens
//!   an `alexa_request` span inside it with the request type, intent and locale.
//! * The trace id is kept on [`Invocation::trace_id`] and also exported as
//!   `_X_AMZN_TRACE_ID` for the X-Ray SDK, between invocations.
//! * SIGTERM: when idle, [`run`] returns `Ok(())` at once; during an
//!   invocation it finishes and posts that invocation first. Lambda only sends
//!   SIGTERM to functions that have an extension registered.
//!
//! # Panics need `panic = "unwind"`
//!
//! A panicking handler is caught, reported with `errorType` `Panic`, and the
//! loop serves the next event. That only works when the release profile
//! unwinds. `cargo lambda build --release` (and SAM's `rust-cargolambda`
//! builder) set `panic = "abort"` unless `Cargo.toml` says otherwise, so put
//! this in your skill's `Cargo.toml`:
//!
//! ```toml
//! [profile.release]
//! panic = "unwind"
//! ```
//!
//! With `abort`, a panic kills the process and Alexa only sees
//! `Runtime.ExitError`.
//!
//! # Init errors
//!
//! If setting up the skill fails (a bad `.ftl` file, missing configuration),
//! report it with [`report_init_error`] and exit with a non-zero status; Lambda
//! then shows the error for the first invocation instead of a bare exit code.
//!
//! # Footprint
//!
//! The loop speaks HTTP/1.1 through a small client of its own over tokio's
//! `TcpStream` (`Content-Length` and chunked bodies, keep-alive), not hyper:
//! the Runtime API is four plain endpoints on loopback. `cargo bench --bench
//! runtime` compares the `runtime_probe` example with a hello world on the
//! official `lambda_runtime` crate (hyper + hyper-util + tower), same release
//! profile, same emulator. On the development machine (x86_64, 30 cold starts,
//! 500 warm invocations): cold start 1.59 ms vs 1.80 ms (median), warm round
//! trip 29 µs vs 39 µs, peak RSS 3.0 MB vs 3.5 MB, stripped binary 1.39 MB vs
//! 2.04 MB — and the probe also parses the typed Alexa envelope.
//!
//! # Testing a bootstrap locally
//!
//! `emulator::Emulator`, behind the `emulator` feature (enable it in your
//! `[dev-dependencies]`, as tokio's `test-util`), is a Runtime API on
//! loopback: queue events, point `AWS_LAMBDA_RUNTIME_API` at it, and inspect
//! what your binary posts.
//!
//! [Runtime API]: https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html

use crate::{Error, Invocation, Result};
use std::future::Future;

mod client;
#[cfg(feature = "emulator")]
pub mod emulator;
mod http;
pub(crate) mod logging;
mod runtime;

pub use logging::init_logging;

/// Entry points for the cargo-fuzz targets in `fuzz/`, compiled only with
/// `--cfg fuzzing` (which `cargo fuzz` sets): not part of the API.
#[cfg(fuzzing)]
#[doc(hidden)]
pub mod fuzzing {
    /// Reads HTTP responses from `bytes` as the runtime's keep-alive
    /// connection would, through a read buffer of `buffer` bytes, until the
    /// first error; returns the status and body length of each.
    pub async fn read_responses(bytes: &[u8], buffer: usize) -> Vec<(u16, usize)> {
        let mut reader = tokio::io::BufReader::with_capacity(buffer.max(1), bytes);
        let mut read = Vec::new();
        while let Ok(r) = super::http::read_response(&mut reader, false).await {
            assert!(r.body.len() <= super::http::MAX_BODY);
            read.push((r.status, r.body.len()));
        }
        read
    }
}

/// Lambda's limit on a synchronous response: 6 MiB.
///
/// The loop posts an `InvalidResponse` error instead of a larger response.
///
/// ```
/// assert_eq!(alexa_kit::lambda::MAX_RESPONSE_BYTES, 6 * 1024 * 1024);
/// ```
pub const MAX_RESPONSE_BYTES: usize = 6 * 1024 * 1024;

/// Lambda's own extras about one invocation, beside the transport-neutral
/// [`Invocation`] (request id, deadline, trace id).
///
/// The fields come from the `Lambda-Runtime-*` headers of the `/next`
/// response. Reach them from a handler with `cx.invocation().lambda()`.
///
/// ```
/// let extras = alexa_kit::lambda::LambdaContext::default();
/// assert!(extras.invoked_function_arn.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct LambdaContext {
    /// `Lambda-Runtime-Invoked-Function-Arn`.
    pub invoked_function_arn: Option<String>,
    /// `Lambda-Runtime-Client-Context`: JSON, as sent.
    pub client_context: Option<String>,
    /// `Lambda-Runtime-Cognito-Identity`: JSON, as sent.
    pub cognito_identity: Option<String>,
    /// `Lambda-Runtime-Aws-Tenant-Id` (multi-tenant functions).
    pub tenant_id: Option<String>,
}

/// The environment variable Lambda sets to the Runtime API's address:
/// when it is set, [`Skill::run`](crate::Skill::run) serves Lambda.
///
/// ```
/// assert_eq!(alexa_kit::lambda::RUNTIME_API_ENV, "AWS_LAMBDA_RUNTIME_API");
/// ```
pub const RUNTIME_API_ENV: &str = "AWS_LAMBDA_RUNTIME_API";

/// Something the runtime loop can invoke: event bytes in, response bytes out.
///
/// [`Skill`](crate::skill::Skill) implements it. The future need not be
/// `Send`: the loop runs on tokio's current-thread runtime. Return `Err` to have the
/// loop post an invocation error; its [`kind`](crate::Error::kind) becomes the
/// `errorType`.
///
/// ```
/// use alexa_kit::Invocation;
/// use alexa_kit::lambda::Invoke;
/// use alexa_kit::{Error, ErrorKind};
///
/// struct RequireObject;
///
/// impl Invoke for RequireObject {
///     async fn invoke(&self, event: &[u8], _inv: &Invocation) -> alexa_kit::Result<Vec<u8>> {
///         if event.first() == Some(&b'{') {
///             Ok(br#"{"ok":true}"#.to_vec())
///         } else {
///             Err(Error::new(ErrorKind::InvalidRequest, "not a JSON object"))
///         }
///     }
/// }
/// # let inv = Invocation::default();
/// # let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
/// # assert!(rt.block_on(RequireObject.invoke(b"[]", &inv)).is_err());
/// ```
pub trait Invoke: 'static {
    /// Handles one event.
    fn invoke(
        &self,
        event: &[u8],
        invocation: &Invocation,
    ) -> impl Future<Output = Result<Vec<u8>>>;
}

/// A skill is what the loop usually invokes.
impl Invoke for crate::Skill {
    async fn invoke(&self, event: &[u8], invocation: &Invocation) -> Result<Vec<u8>> {
        self.handle_bytes(event, invocation).await
    }
}

/// Runs the Runtime API loop until SIGTERM (then `Ok(())`) or until the
/// Runtime API keeps failing (then `Err`; exit non-zero).
///
/// Call it from a current-thread tokio runtime. Without
/// `AWS_LAMBDA_RUNTIME_API` it returns an [`ErrorKind::Config`](crate::ErrorKind::Config)
/// error at once.
///
/// ```
/// use alexa_kit::Invocation;
/// use alexa_kit::lambda::{self, Invoke};
///
/// struct Hello;
/// impl Invoke for Hello {
///     async fn invoke(&self, _event: &[u8], _inv: &Invocation) -> alexa_kit::Result<Vec<u8>> {
///         Ok(b"{}".to_vec())
///     }
/// }
///
/// # let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
/// # // SAFETY: doc test, single thread.
/// # unsafe { std::env::remove_var("AWS_LAMBDA_RUNTIME_API") };
/// let err = rt.block_on(lambda::run(Hello)).unwrap_err();
/// assert_eq!(err.kind(), alexa_kit::ErrorKind::Config);
/// ```
pub async fn run<H: Invoke>(handler: H) -> Result<()> {
    runtime::run(handler).await
}

/// Posts an init error to `/runtime/init/error`.
///
/// The body is `{"errorType","errorMessage"}` as for invocation errors, with
/// the header `Lambda-Runtime-Function-Error-Type: Runtime.InitError`. The
/// caller must then exit with a non-zero status: Lambda treats the
/// environment as broken.
///
/// ```no_run
/// use alexa_kit::{Error, ErrorKind, lambda};
///
/// #[tokio::main(flavor = "current_thread")]
/// async fn main() {
///     let setup: alexa_kit::Result<()> = Err(Error::new(ErrorKind::Config, "no default locale"));
///     if let Err(err) = setup {
///         if let Err(post) = lambda::report_init_error(&err).await {
///             eprintln!("could not report the init error: {post}");
///         }
///         std::process::exit(1);
///     }
/// }
/// ```
pub async fn report_init_error(error: &Error) -> Result<()> {
    runtime::report_init_error(error).await
}
