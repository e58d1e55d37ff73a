//! The crate's one error type.
//!
//! Every fallible function in alexa-kit returns [`Result<T>`](crate::Result). An
//! [`Error`] carries a stable [`ErrorKind`] (for matching and for the
//! `errorType` reported to Lambda) and a message written for a person.

use std::error::Error as StdError;
use std::fmt;

/// A `Result` whose error is alexa-kit's [`Error`].
///
/// ```
/// fn parse(bytes: &[u8]) -> alexa_kit::Result<alexa_kit::model::RequestEnvelope> {
///     alexa_kit::model::RequestEnvelope::from_slice(bytes)
/// }
/// assert!(parse(b"not json").is_err());
/// ```
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong, as a stable category.
///
/// The name returned by [`ErrorKind::as_str`] is what the Lambda runtime
/// reports as `errorType`, so it stays the same across releases.
///
/// ```
/// use alexa_kit::{Error, ErrorKind};
/// let err = Error::new(ErrorKind::InvalidRequest, "missing request");
/// assert_eq!(err.kind(), ErrorKind::InvalidRequest);
/// assert_eq!(err.kind().as_str(), "InvalidRequest");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The event is not an Alexa request envelope, or a known field is malformed.
    InvalidRequest,
    /// A response that Alexa would reject (too long, malformed SSML, bad card).
    InvalidResponse,
    /// The request's skill id does not match the configured one.
    SkillIdMismatch,
    /// A handler or interceptor returned an error; also what `?` makes of any
    /// other error type.
    Handler,
    /// A handler, interceptor, `can_handle` or error handler panicked.
    Panic,
    /// A localisation problem: bad `.ftl` file, missing message or locale.
    Localization,
    /// The skill was configured incorrectly (found when it is built), or a
    /// handler asked for app state that was never registered.
    Config,
    /// The Lambda Runtime API misbehaved or could not be reached.
    Runtime,
    /// Reading or writing failed.
    Io,
    /// An outbound call (an Alexa service API, AWS) failed or answered
    /// something unusable.
    Service,
    /// An Alexa API refused the call because the user has not granted a
    /// permission (HTTP 401/403); the source names the scopes.
    PermissionDenied,
    /// An outbound call was throttled (HTTP 429, DynamoDB throughput).
    Throttled,
    /// An outbound call ran out of time (the request's deadline or its own
    /// timeout).
    Timeout,
    /// The persistence store failed: a missing table, bad credentials, an item
    /// too large.
    Storage,
    /// Persistent attributes changed since they were loaded (another session
    /// saved first); reload and retry.
    Conflict,
    /// A request to the self-hosted endpoint failed Alexa's request
    /// verification.
    Verification,
}

impl ErrorKind {
    /// The stable name of this kind, e.g. `"InvalidRequest"`.
    ///
    /// ```
    /// assert_eq!(alexa_kit::ErrorKind::Panic.as_str(), "Panic");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::InvalidRequest => "InvalidRequest",
            ErrorKind::InvalidResponse => "InvalidResponse",
            ErrorKind::SkillIdMismatch => "SkillIdMismatch",
            ErrorKind::Handler => "Handler",
            ErrorKind::Panic => "Panic",
            ErrorKind::Localization => "Localization",
            ErrorKind::Config => "Config",
            ErrorKind::Runtime => "Runtime",
            ErrorKind::Io => "Io",
            ErrorKind::Service => "Service",
            ErrorKind::PermissionDenied => "PermissionDenied",
            ErrorKind::Throttled => "Throttled",
            ErrorKind::Timeout => "Timeout",
            ErrorKind::Storage => "Storage",
            ErrorKind::Conflict => "Conflict",
            ErrorKind::Verification => "Verification",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

type BoxError = Box<dyn StdError + Send + Sync + 'static>;

/// alexa-kit's error: a [kind](ErrorKind), a readable message and the chain
/// of underlying causes.
///
/// Like `anyhow::Error`, it converts from **any** error type with `?`, so a
/// handler can call whatever it likes. The original error is kept as the
/// source: reach it with [`Error::downcast_ref`], walk the chain with
/// [`Error::chain`]. Because of that blanket conversion, `Error` itself does
/// not implement `std::error::Error`; it dereferences to one, and converts into
/// `Box<dyn std::error::Error + Send + Sync>` where that is needed.
///
/// ```
/// use alexa_kit::{Error, ErrorKind};
///
/// fn lookup(text: &str) -> alexa_kit::Result<u32> {
///     let n: u32 = text.parse()?; // ParseIntError converts by itself
///     Ok(n)
/// }
/// assert_eq!(lookup("42").unwrap(), 42);
/// let err = lookup("forty-two").unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Handler);
/// assert!(err.downcast_ref::<std::num::ParseIntError>().is_some());
/// assert_eq!(err.to_string(), "invalid digit found in string");
///
/// let err = Error::new(ErrorKind::Config, "no default locale");
/// assert_eq!(err.to_string(), "no default locale");
/// ```
pub struct Error {
    inner: Box<ErrorImpl>,
}

/// The boxed body of an [`Error`]: one pointer keeps `Result<T>` small.
struct ErrorImpl {
    kind: ErrorKind,
    message: String,
    source: Option<BoxError>,
}

impl Error {
    /// Creates an error of `kind` with a message for a person.
    ///
    /// ```
    /// let e = alexa_kit::Error::new(alexa_kit::ErrorKind::Io, "disk full");
    /// assert_eq!(e.message(), "disk full");
    /// ```
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            inner: Box::new(ErrorImpl {
                kind,
                message: message.into(),
                source: None,
            }),
        }
    }

    /// Shorthand for an [`ErrorKind::Handler`] error, the usual error of skill code.
    ///
    /// ```
    /// let e = alexa_kit::Error::handler("the weather service is down");
    /// assert_eq!(e.kind(), alexa_kit::ErrorKind::Handler);
    /// ```
    pub fn handler(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Handler, message)
    }

    /// Attaches the underlying cause (any error type, an alexa-kit `Error` too).
    ///
    /// ```
    /// let io = std::io::Error::other("boom");
    /// let e = alexa_kit::Error::new(alexa_kit::ErrorKind::Io, "read failed").with_source(io);
    /// assert_eq!(e.source().unwrap().to_string(), "boom");
    /// assert_eq!(e.to_string(), "read failed: boom");
    /// ```
    pub fn with_source(mut self, source: impl Into<BoxError>) -> Self {
        self.inner.source = Some(source.into());
        self
    }

    /// The same error with another kind, e.g. to mark a failure of a
    /// dependency as [`ErrorKind::Service`].
    ///
    /// ```
    /// use alexa_kit::{Error, ErrorKind};
    /// let e = Error::from(std::io::Error::other("reset")).with_kind(ErrorKind::Service);
    /// assert_eq!(e.kind(), ErrorKind::Service);
    /// ```
    pub fn with_kind(mut self, kind: ErrorKind) -> Self {
        self.inner.kind = kind;
        self
    }

    /// Wraps this error in a new one of the same kind that says what was
    /// being done, keeping this one as the source.
    ///
    /// ```
    /// let e = alexa_kit::Error::handler("timed out").context("loading the forecast");
    /// assert_eq!(e.to_string(), "loading the forecast: timed out");
    /// assert_eq!(e.kind(), alexa_kit::ErrorKind::Handler);
    /// ```
    pub fn context(self, message: impl Into<String>) -> Self {
        let kind = self.kind();
        Error::new(kind, message).with_source(self)
    }

    /// The stable category of this error.
    ///
    /// ```
    /// let e = alexa_kit::Error::handler("x");
    /// assert_eq!(e.kind().as_str(), "Handler");
    /// ```
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// The message, without the kind or the source (empty for an error that
    /// `?` converted: its text is the source's).
    ///
    /// ```
    /// assert_eq!(alexa_kit::Error::handler("x").message(), "x");
    /// ```
    pub fn message(&self) -> &str {
        &self.inner.message
    }

    /// The direct cause, if any.
    ///
    /// ```
    /// let e = alexa_kit::Error::handler("x");
    /// assert!(e.source().is_none());
    /// ```
    pub fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.inner.source()
    }

    /// This error and its causes, outermost first.
    ///
    /// ```
    /// let e = alexa_kit::Error::handler("saving failed").with_source(std::io::Error::other("disk full"));
    /// let texts: Vec<String> = e.chain().map(|e| e.to_string()).collect();
    /// assert_eq!(texts, ["saving failed: disk full", "disk full"]);
    /// ```
    pub fn chain(&self) -> impl Iterator<Item = &(dyn StdError + 'static)> {
        let first: &(dyn StdError + 'static) =
            match (&self.inner.source, self.inner.message.is_empty()) {
                // An error that `?` converted: the chain starts with that error itself.
                (Some(source), true) => &**source,
                _ => &*self.inner,
            };
        std::iter::successors(Some(first), |e| (*e).source())
    }

    /// The first error of type `E` in the chain, e.g. the `ParseIntError`
    /// that a handler's `?` converted, or a typed error of a service client.
    ///
    /// ```
    /// let e = alexa_kit::Error::from("x".parse::<u8>().unwrap_err());
    /// assert!(e.downcast_ref::<std::num::ParseIntError>().is_some());
    /// assert!(e.downcast_ref::<std::io::Error>().is_none());
    /// ```
    pub fn downcast_ref<E: StdError + 'static>(&self) -> Option<&E> {
        self.chain().find_map(|e| e.downcast_ref::<E>())
    }
}

impl fmt::Display for ErrorImpl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.source, self.message.is_empty()) {
            (Some(source), true) => write!(f, "{source}"),
            (Some(source), false) => write!(f, "{}: {source}", self.message),
            (None, _) => f.write_str(&self.message),
        }
    }
}

impl fmt::Debug for ErrorImpl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {self}", self.kind)
    }
}

impl StdError for ErrorImpl {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        let source = self.source.as_deref()?;
        // An error converted by `?` shows its text as this error's message;
        // report the next link so that a chain never prints a text twice.
        if self.message.is_empty() {
            source.source()
        } else {
            Some(source)
        }
    }
}

/// The message and its sources, at most 8 KB of them: serde's messages quote
/// the bad value whole, and a request can carry megabytes in one string.
/// Longer text is cut with a visible marker (`…[cut: N bytes in all]`);
/// [`message`](Error::message) and [`chain`](Error::chain) still give
/// everything.
///
/// ```
/// let e = alexa_kit::Error::handler("x".repeat(100_000));
/// let shown = e.to_string();
/// assert!(shown.len() < 9000);
/// assert!(shown.ends_with("…[cut: 100000 bytes in all]"));
/// ```
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::bounded::message(&*self.inner).fmt(f)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {self}", self.kind())?;
        let mut cause = self.source();
        while let Some(e) = cause {
            write!(f, "\n  caused by: {}", crate::bounded::message(e))?;
            cause = e.source();
        }
        Ok(())
    }
}

impl std::ops::Deref for Error {
    type Target = dyn StdError + Send + Sync + 'static;

    fn deref(&self) -> &Self::Target {
        &*self.inner
    }
}

impl AsRef<dyn StdError + Send + Sync + 'static> for Error {
    fn as_ref(&self) -> &(dyn StdError + Send + Sync + 'static) {
        &*self.inner
    }
}

/// `?` on any error: the kind is [`ErrorKind::Io`] for `std::io::Error`,
/// [`ErrorKind::Timeout`] for tokio's elapsed timer and [`ErrorKind::Handler`]
/// for everything else; the error itself is kept as the source.
impl<E: StdError + Send + Sync + 'static> From<E> for Error {
    fn from(err: E) -> Self {
        let any: &dyn std::any::Any = &err;
        let kind = if any.is::<std::io::Error>() {
            ErrorKind::Io
        } else if any.is::<tokio::time::error::Elapsed>() {
            ErrorKind::Timeout
        } else {
            ErrorKind::Handler
        };
        Error::new(kind, String::new()).with_source(err)
    }
}

impl From<Error> for Box<dyn StdError + Send + Sync + 'static> {
    fn from(err: Error) -> Self {
        let inner = *err.inner;
        match inner.source {
            // An error that `?` converted is handed on as itself, so that a
            // chain built from it can still find it by type.
            Some(source) if inner.message.is_empty() => source,
            source => Box::new(ErrorImpl { source, ..inner }),
        }
    }
}

impl From<Error> for Box<dyn StdError + 'static> {
    fn from(err: Error) -> Self {
        let boxed: Box<dyn StdError + Send + Sync + 'static> = err.into();
        boxed
    }
}
