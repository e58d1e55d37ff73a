//! The embedded Lambda Runtime API loop. (Skeleton: replaced by the runtime implementation.)

use std::future::Future;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::{Error, ErrorKind, Result};

/// What Lambda says about one invocation: request id, deadline, ARN, trace id…
///
/// ```
/// let inv = alexa_kit::lambda::Invocation::default();
/// assert!(inv.remaining().is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Invocation {
    /// `Lambda-Runtime-Aws-Request-Id`.
    pub request_id: String,
    /// `Lambda-Runtime-Deadline-Ms`: milliseconds since the Unix epoch.
    pub deadline_ms: Option<u64>,
    /// `Lambda-Runtime-Invoked-Function-Arn`.
    pub invoked_function_arn: Option<String>,
    /// `Lambda-Runtime-Trace-Id`.
    pub trace_id: Option<String>,
    /// `Lambda-Runtime-Client-Context`.
    pub client_context: Option<String>,
    /// `Lambda-Runtime-Cognito-Identity`.
    pub cognito_identity: Option<String>,
}

impl Invocation {
    /// Time left before the deadline (`None` without a deadline).
    ///
    /// ```
    /// let mut inv = alexa_kit::lambda::Invocation::default();
    /// inv.deadline_ms = Some(0);
    /// assert_eq!(inv.remaining(), Some(std::time::Duration::ZERO));
    /// ```
    pub fn remaining(&self) -> Option<Duration> {
        let deadline = UNIX_EPOCH + Duration::from_millis(self.deadline_ms?);
        Some(
            deadline
                .duration_since(SystemTime::now())
                .unwrap_or(Duration::ZERO),
        )
    }
}

/// The environment variable Lambda sets to the Runtime API's address.
pub const RUNTIME_API_ENV: &str = "AWS_LAMBDA_RUNTIME_API";

/// Something the runtime loop can invoke: event bytes in, response bytes out.
///
/// [`Skill`](crate::skill::Skill) implements it.
pub trait Invoke: 'static {
    /// Handles one event.
    fn invoke(
        &self,
        event: &[u8],
        invocation: &Invocation,
    ) -> impl Future<Output = Result<Vec<u8>>>;
}

/// Runs the Runtime API loop until shutdown.
pub async fn run<H: Invoke>(_handler: H) -> Result<()> {
    Err(Error::new(
        ErrorKind::Runtime,
        "runtime loop not implemented yet",
    ))
}

/// Posts an init error to `/runtime/init/error`.
pub async fn report_init_error(_error: &Error) -> Result<()> {
    Err(Error::new(
        ErrorKind::Runtime,
        "runtime loop not implemented yet",
    ))
}
