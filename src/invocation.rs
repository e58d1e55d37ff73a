//! The request context every transport fills: request id, deadline, trace id
//! and which transport delivered the request.
//!
//! Handlers reach it as [`Input::invocation`](crate::skill::Input::invocation).
//! Lambda fills it from the Runtime API's headers, the self-hosted endpoint
//! from the HTTP request, the local simulator and the testing kit with their
//! own values; the skill core never needs to know which.

use std::time::{Duration, Instant, SystemTime};

/// Which transport delivered a request.
///
/// ```
/// use alexa_kit::{Invocation, Transport};
/// assert_eq!(Invocation::new(Transport::Test).transport(), Transport::Test);
/// assert_eq!(Transport::Lambda.as_str(), "lambda");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Transport {
    /// The Lambda Runtime API loop.
    Lambda,
    /// The self-hosted HTTPS endpoint.
    Server,
    /// The local command line: the dialog simulator or `invoke`.
    Local,
    /// The testing kit ([`crate::testing`]) or a direct call of
    /// [`Skill::handle`](crate::Skill::handle).
    #[default]
    Test,
}

impl Transport {
    /// A short lowercase name: `lambda`, `server`, `local` or `test`.
    ///
    /// ```
    /// assert_eq!(alexa_kit::Transport::Server.as_str(), "server");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Transport::Lambda => "lambda",
            Transport::Server => "server",
            Transport::Local => "local",
            Transport::Test => "test",
        }
    }
}

/// One request's context, whatever delivered it: request id, deadline, trace
/// id and [`Transport`]. Lambda's own extras (function ARN, client context…)
/// are in [`Invocation::lambda`].
///
/// ```
/// use std::time::Duration;
/// use alexa_kit::{Invocation, Transport};
///
/// let inv = Invocation::new(Transport::Server)
///     .with_request_id("req-1")
///     .with_deadline_in(Duration::from_secs(8));
/// assert_eq!(inv.request_id(), "req-1");
/// assert!(inv.remaining().unwrap() <= Duration::from_secs(8));
/// assert!(inv.trace_id().is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Invocation {
    request_id: String,
    deadline: Option<Instant>,
    trace_id: Option<String>,
    transport: Transport,
    lambda: Option<Box<crate::lambda::LambdaContext>>,
}

impl Invocation {
    /// An empty context for `transport`: no request id, no deadline, no trace id.
    ///
    /// ```
    /// let inv = alexa_kit::Invocation::new(alexa_kit::Transport::Local);
    /// assert_eq!(inv.request_id(), "");
    /// assert!(inv.deadline().is_none());
    /// ```
    pub fn new(transport: Transport) -> Self {
        Invocation {
            transport,
            ..Invocation::default()
        }
    }

    /// Sets the transport's request id (Lambda's `Lambda-Runtime-Aws-Request-Id`).
    ///
    /// ```
    /// let inv = alexa_kit::Invocation::default().with_request_id("abc");
    /// assert_eq!(inv.request_id(), "abc");
    /// ```
    #[must_use]
    pub fn with_request_id(mut self, id: impl Into<String>) -> Self {
        self.request_id = id.into();
        self
    }

    /// Sets the deadline to `remaining` from now.
    ///
    /// ```
    /// use std::time::Duration;
    /// let inv = alexa_kit::Invocation::default().with_deadline_in(Duration::from_secs(3));
    /// assert!(inv.remaining().unwrap() > Duration::from_secs(2));
    /// ```
    #[must_use]
    pub fn with_deadline_in(mut self, remaining: Duration) -> Self {
        self.deadline = Instant::now().checked_add(remaining);
        self
    }

    /// Sets the deadline from a wall-clock time (Lambda's deadline is
    /// milliseconds since the Unix epoch). A time in the past leaves no time.
    ///
    /// ```
    /// use std::time::{Duration, SystemTime};
    /// let inv = alexa_kit::Invocation::default().with_deadline_at(SystemTime::UNIX_EPOCH);
    /// assert_eq!(inv.remaining(), Some(Duration::ZERO));
    /// ```
    #[must_use]
    pub fn with_deadline_at(self, deadline: SystemTime) -> Self {
        let remaining = deadline
            .duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO);
        self.with_deadline_in(remaining)
    }

    /// Sets the X-Ray trace header (`Root=…;Parent=…;Sampled=…`).
    ///
    /// The value ends up in the environment, in every log line and in
    /// outbound request headers, so only a plain token is kept: 1 to 1024
    /// bytes of printable ASCII without spaces. Anything else (a NUL, a line
    /// break, a megabyte) is dropped with a warning, whichever transport it
    /// came from.
    ///
    /// ```
    /// let inv = alexa_kit::Invocation::default().with_trace_id("Root=1-5e1b4151-5ac6c58f3f0a0b1c2d3e4f50");
    /// assert!(inv.trace_id().unwrap().starts_with("Root="));
    /// let forged = alexa_kit::Invocation::default().with_trace_id("Root=1\r\nX-Evil: 1");
    /// assert!(forged.trace_id().is_none());
    /// ```
    #[must_use]
    pub fn with_trace_id(mut self, trace_id: impl Into<String>) -> Self {
        let trace_id = trace_id.into();
        if is_header_token(&trace_id) {
            self.trace_id = Some(trace_id);
        } else {
            tracing::warn!(
                bytes = trace_id.len(),
                "ignoring a trace id that is empty, over {MAX_TOKEN} bytes or not printable ASCII"
            );
        }
        self
    }

    /// Attaches Lambda's extras (set by the Lambda transport).
    ///
    /// ```
    /// use alexa_kit::lambda::LambdaContext;
    /// let mut extras = LambdaContext::default();
    /// extras.invoked_function_arn = Some("arn:aws:lambda:eu-west-1:1:function:f".into());
    /// let inv = alexa_kit::Invocation::new(alexa_kit::Transport::Lambda).with_lambda(extras);
    /// assert!(inv.lambda().unwrap().invoked_function_arn.is_some());
    /// ```
    #[must_use]
    pub fn with_lambda(mut self, lambda: crate::lambda::LambdaContext) -> Self {
        self.lambda = Some(Box::new(lambda));
        self
    }

    /// The transport's request id; empty when the transport has none.
    ///
    /// ```
    /// assert_eq!(alexa_kit::Invocation::default().request_id(), "");
    /// ```
    pub fn request_id(&self) -> &str {
        &self.request_id
    }

    /// When the transport gives up on this request, if it has a deadline.
    ///
    /// ```
    /// assert!(alexa_kit::Invocation::default().deadline().is_none());
    /// ```
    pub fn deadline(&self) -> Option<Instant> {
        self.deadline
    }

    /// Time left before the deadline (`None` without a deadline, zero after it).
    ///
    /// ```
    /// use std::time::Duration;
    /// let inv = alexa_kit::Invocation::default().with_deadline_in(Duration::ZERO);
    /// assert_eq!(inv.remaining(), Some(Duration::ZERO));
    /// ```
    pub fn remaining(&self) -> Option<Duration> {
        self.deadline
            .map(|d| d.saturating_duration_since(Instant::now()))
    }

    /// The X-Ray trace header of this request, if tracing is on.
    ///
    /// ```
    /// assert!(alexa_kit::Invocation::default().trace_id().is_none());
    /// ```
    pub fn trace_id(&self) -> Option<&str> {
        self.trace_id.as_deref()
    }

    /// Which transport delivered the request.
    ///
    /// ```
    /// assert_eq!(alexa_kit::Invocation::default().transport(), alexa_kit::Transport::Test);
    /// ```
    pub fn transport(&self) -> Transport {
        self.transport
    }

    /// Lambda's extras, when the request came through the Lambda transport.
    ///
    /// ```
    /// assert!(alexa_kit::Invocation::default().lambda().is_none());
    /// ```
    pub fn lambda(&self) -> Option<&crate::lambda::LambdaContext> {
        self.lambda.as_deref()
    }
}

/// The longest request id or trace id accepted.
pub(crate) const MAX_TOKEN: usize = 1024;

/// 1 to [`MAX_TOKEN`] bytes of printable ASCII without spaces: what request
/// ids and X-Ray trace headers are made of.
pub(crate) fn is_header_token(value: &str) -> bool {
    (1..=MAX_TOKEN).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_graphic())
}
