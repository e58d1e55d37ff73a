//! The loop itself: next → invoke → response / error, until SIGTERM.

use std::pin::Pin;
use std::time::{Duration, UNIX_EPOCH};

use tokio::time::{Instant, Sleep};
use tracing::Instrument;

use super::client::{Client, Endpoint, backoff};
use super::http::Response;
use super::{Invocation, Invoke, LambdaContext, MAX_RESPONSE_BYTES};
use crate::invocation::is_header_token;
use crate::{Error, ErrorKind, Result, Transport};

/// Consecutive failed `/next` calls tolerated before the loop gives up.
const MAX_NEXT_FAILURES: u32 = 5;

pub(crate) async fn run<H: Invoke>(handler: H) -> Result<()> {
    let endpoint = Endpoint::from_env()?;
    let mut client = Client::new(endpoint);
    let mut shutdown = Shutdown::install()?;
    // The posts' time limit: one timer for the whole loop, see `post_with_timeout`.
    let mut post_timer = std::pin::pin!(tokio::time::sleep(POST_TIMEOUT));
    tracing::debug!("Lambda runtime loop started");

    loop {
        let (invocation, event) = tokio::select! {
            biased;
            () = shutdown.wait() => {
                tracing::info!("SIGTERM received while idle; exiting");
                return Ok(());
            }
            next = next_with_retry(&mut client) => next?,
        };
        set_trace_env(invocation.trace_id());

        let span = tracing::info_span!(
            "invocation",
            request_id = %invocation.request_id(),
            xray_trace_id = %invocation.trace_id().unwrap_or(""),
        );
        let outcome = {
            let invoke = crate::panic::catch_panic(|| handler.invoke(&event, &invocation));
            let mut invoke = std::pin::pin!(invoke.instrument(span.clone()));
            // Keep serving the current invocation through a SIGTERM; note it.
            loop {
                tokio::select! {
                    biased;
                    outcome = &mut invoke => break outcome,
                    () = shutdown.wait(), if !shutdown.requested => {
                        tracing::info!(parent: &span, "SIGTERM received; finishing this invocation");
                        shutdown.requested = true;
                    }
                }
            }
        };
        drop(event);
        post_with_timeout(
            &mut client,
            &invocation,
            outcome,
            &mut shutdown,
            post_timer.as_mut(),
        )
        .instrument(span)
        .await;
        if shutdown.requested {
            tracing::info!("exiting after SIGTERM");
            return Ok(());
        }
    }
}

/// How long a post may wait for the Runtime API's answer (Lambda answers at
/// once; a post that hangs means the connection is broken).
const POST_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a post may still take once SIGTERM has arrived: Lambda kills the
/// process 300 to 500 ms after the signal.
const SHUTDOWN_GRACE: Duration = Duration::from_millis(250);

/// Posts the outcome, giving up after [`POST_TIMEOUT`], or [`SHUTDOWN_GRACE`]
/// after SIGTERM (noted in `shutdown`), so that an unanswered post never holds
/// the process. The connection of an abandoned post is dropped.
///
/// `timer` is the loop's one post timer, moved here to this post's deadline.
/// A timer made per post cost every warm invocation a syscall and the timer
/// wheel's lock twice: tokio registers a timer into an empty wheel by waking
/// its own driver (an eventfd `write`, seen with `strace -f`). Moving a timer
/// that has not fired yet to a later deadline is one atomic store, so
/// back-to-back invocations register nothing; only the first post after
/// `POST_TIMEOUT` of idleness (when the timer has fired) registers it again.
async fn post_with_timeout(
    client: &mut Client,
    invocation: &Invocation,
    outcome: Outcome,
    shutdown: &mut Shutdown,
    mut timer: Pin<&mut Sleep>,
) {
    let grace = |from: Instant| from + SHUTDOWN_GRACE;
    let start = Instant::now();
    let deadline = if shutdown.requested {
        grace(start)
    } else {
        start + POST_TIMEOUT
    };
    timer.as_mut().reset(deadline);
    let mut post = std::pin::pin!(post_outcome(client, invocation, outcome));
    loop {
        tokio::select! {
            biased;
            () = &mut post => return,
            () = shutdown.wait(), if !shutdown.requested => {
                tracing::info!("SIGTERM received while posting the result");
                shutdown.requested = true;
                let sooner = grace(Instant::now()).min(timer.deadline());
                timer.as_mut().reset(sooner);
            }
            () = &mut timer => {
                tracing::error!(
                    "the Runtime API did not answer the post for {} within {:?}; giving up on it",
                    invocation.request_id(),
                    Instant::now() - start,
                );
                return;
            }
        }
    }
}

/// What the handler produced, panics included.
type Outcome = std::result::Result<Result<Vec<u8>>, String>;

async fn post_outcome(client: &mut Client, invocation: &Invocation, outcome: Outcome) {
    let id = invocation.request_id();
    let (kind, message, header) = match outcome {
        Ok(Ok(body)) if body.len() <= MAX_RESPONSE_BYTES => {
            let resource = format!("invocation/{id}/response");
            let sent = client
                .send(
                    "POST",
                    &resource,
                    &[("Content-Type", "application/json")],
                    &body,
                )
                .await;
            // A 413 is not followed by an /error post: Lambda answers 403.
            check_post(sent, "response");
            return;
        }
        Ok(Ok(body)) => (
            ErrorKind::InvalidResponse,
            format!(
                "the response is {} bytes, over Lambda's limit of {MAX_RESPONSE_BYTES} bytes",
                body.len()
            ),
            "Function.InvalidResponse".to_owned(),
        ),
        Ok(Err(err)) => (
            err.kind(),
            err.to_string(),
            format!("Function.{}", err.kind().as_str()),
        ),
        Err(panic) => (
            ErrorKind::Panic,
            crate::bounded::message(format_args!("the handler panicked: {panic}")).to_string(),
            "Runtime.Panic".to_owned(),
        ),
    };
    tracing::error!(error_type = kind.as_str(), "invocation failed: {message}");
    let body = error_body(kind, &message);
    let resource = format!("invocation/{id}/error");
    let sent = client
        .send(
            "POST",
            &resource,
            &[
                ("Content-Type", "application/json"),
                ("Lambda-Runtime-Function-Error-Type", &header),
            ],
            &body,
        )
        .await;
    check_post(sent, "error");
}

/// Logs a post that was not accepted; the loop goes on either way.
fn check_post(sent: Result<Response>, what: &str) {
    match sent {
        Ok(r) if r.status == 202 => {}
        Ok(r) => tracing::error!(
            status = r.status,
            "the Runtime API refused the {what} (HTTP {}): {}",
            r.status,
            String::from_utf8_lossy(&r.body[..r.body.len().min(512)])
        ),
        Err(e) => tracing::error!("posting the {what} failed: {e}"),
    }
}

/// `{"errorType","errorMessage"}`.
pub(crate) fn error_body(kind: ErrorKind, message: &str) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({
        "errorType": kind.as_str(),
        "errorMessage": message,
    }))
    .unwrap_or_else(|_| br#"{"errorType":"Runtime","errorMessage":"unprintable error"}"#.to_vec())
}

/// Fetches the next event, retrying transport errors, non-200 answers and
/// unusable events with backoff, then giving up.
async fn next_with_retry(client: &mut Client) -> Result<(Invocation, Vec<u8>)> {
    let mut failures = 0;
    loop {
        let err = match client.send("GET", "invocation/next", &[], &[]).await {
            Ok(r) if r.status == 200 => match invocation_from(&r) {
                Ok(inv) => return Ok((inv, r.body)),
                Err(e) => e,
            },
            Ok(r) => Error::new(
                ErrorKind::Runtime,
                format!(
                    "GET invocation/next answered HTTP {}: {}",
                    r.status,
                    String::from_utf8_lossy(&r.body[..r.body.len().min(512)])
                ),
            ),
            Err(e) => e,
        };
        failures += 1;
        if failures >= MAX_NEXT_FAILURES {
            tracing::error!("giving up after {failures} failed attempts: {err}");
            return Err(Error::new(
                ErrorKind::Runtime,
                format!("the Runtime API failed {failures} times in a row; last error: {err}"),
            ));
        }
        let delay = backoff(failures);
        tracing::warn!("{err}; retrying in {delay:?}");
        tokio::time::sleep(delay).await;
    }
}

/// Builds the invocation from the `/next` headers.
pub(crate) fn invocation_from(r: &Response) -> Result<Invocation> {
    let request_id = r
        .header("lambda-runtime-aws-request-id")
        .filter(|id| !id.is_empty())
        .ok_or_else(|| {
            Error::new(
                ErrorKind::Runtime,
                "the Runtime API sent an event without Lambda-Runtime-Aws-Request-Id",
            )
        })?;
    if !is_header_token(request_id) || request_id.contains(['/', '?', '#', '%']) {
        return Err(Error::new(
            ErrorKind::Runtime,
            format!(
                "unusable request id {:?} ({} bytes)",
                crate::bounded::field(request_id),
                request_id.len()
            ),
        ));
    }
    let mut invocation = Invocation::new(Transport::Lambda).with_request_id(request_id);
    if let Some(d) = r.header("lambda-runtime-deadline-ms") {
        match d.parse::<u64>() {
            Ok(ms) => {
                let at = UNIX_EPOCH.checked_add(Duration::from_millis(ms));
                invocation = invocation.with_deadline_at(at.unwrap_or(UNIX_EPOCH));
            }
            Err(_) => tracing::warn!(
                "ignoring unparsable Lambda-Runtime-Deadline-Ms {:?}",
                crate::bounded::field(d)
            ),
        }
    }
    // `with_trace_id` keeps only a plain token (it goes into the environment,
    // every log line and outbound headers) and warns about anything else.
    if let Some(trace) = r.header("lambda-runtime-trace-id") {
        invocation = invocation.with_trace_id(trace);
    }
    let owned = |name: &str| r.header(name).map(str::to_owned);
    Ok(invocation.with_lambda(LambdaContext {
        invoked_function_arn: owned("lambda-runtime-invoked-function-arn"),
        client_context: owned("lambda-runtime-client-context"),
        cognito_identity: owned("lambda-runtime-cognito-identity"),
        tenant_id: owned("lambda-runtime-aws-tenant-id"),
    }))
}

/// Sets (or clears) `_X_AMZN_TRACE_ID` for the X-Ray SDK.
fn set_trace_env(trace_id: Option<&str>) {
    // SAFETY: `set_var` races with concurrent `getenv` in other threads. The
    // loop serves one invocation at a time on the current thread and touches
    // the variable only between invocations, as the Go and Rust peers do in
    // their single-concurrency mode; handlers read the id from `Invocation`.
    // `invocation_from` only keeps printable ASCII, so `set_var` cannot panic.
    unsafe {
        match trace_id.filter(|id| is_header_token(id)) {
            Some(id) => std::env::set_var("_X_AMZN_TRACE_ID", id),
            None => std::env::remove_var("_X_AMZN_TRACE_ID"),
        }
    }
}

/// Posts an init error; the caller exits non-zero afterwards.
pub(crate) async fn report_init_error(error: &Error) -> Result<()> {
    let mut client = Client::new(Endpoint::from_env()?);
    let body = error_body(error.kind(), &error.to_string());
    let r = client
        .send(
            "POST",
            "init/error",
            &[
                ("Content-Type", "application/json"),
                ("Lambda-Runtime-Function-Error-Type", "Runtime.InitError"),
            ],
            &body,
        )
        .await?;
    if r.status == 202 {
        Ok(())
    } else {
        Err(Error::new(
            ErrorKind::Runtime,
            format!("the Runtime API refused the init error (HTTP {})", r.status),
        ))
    }
}

/// SIGTERM, where the platform has it.
struct Shutdown {
    #[cfg(unix)]
    signal: tokio::signal::unix::Signal,
    requested: bool,
}

impl Shutdown {
    fn install() -> Result<Shutdown> {
        #[cfg(unix)]
        {
            let signal = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
                .map_err(|e| {
                    Error::new(ErrorKind::Runtime, "cannot install the SIGTERM handler")
                        .with_source(e)
                })?;
            Ok(Shutdown {
                signal,
                requested: false,
            })
        }
        #[cfg(not(unix))]
        Ok(Shutdown { requested: false })
    }

    async fn wait(&mut self) {
        #[cfg(unix)]
        {
            if self.signal.recv().await.is_none() {
                std::future::pending::<()>().await;
            }
        }
        #[cfg(not(unix))]
        std::future::pending::<()>().await;
    }
}
