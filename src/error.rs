//! The crate's one error type.
//!
//! Every fallible function in alexa-kit returns [`Result<T>`](crate::Result). An
//! [`Error`] carries a stable [`ErrorKind`] (for matching and for the
//! `errorType` reported to Lambda) and a message written for a person.

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
    /// No handler could handle the request.
    Unhandled,
    /// A handler or interceptor returned an error.
    Handler,
    /// A handler panicked.
    Panic,
    /// A localisation problem: bad `.ftl` file, missing message or locale.
    Localization,
    /// The skill was configured incorrectly (found when it is built).
    Config,
    /// The Lambda Runtime API misbehaved or could not be reached.
    Runtime,
    /// Reading or writing failed.
    Io,
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
            ErrorKind::Unhandled => "Unhandled",
            ErrorKind::Handler => "Handler",
            ErrorKind::Panic => "Panic",
            ErrorKind::Localization => "Localization",
            ErrorKind::Config => "Config",
            ErrorKind::Runtime => "Runtime",
            ErrorKind::Io => "Io",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// alexa-kit's error: a [kind](ErrorKind), a readable message and an optional source.
///
/// Handlers return it through `?`: anything that implements
/// `std::error::Error` converts into an [`ErrorKind::Handler`] error.
///
/// ```
/// use alexa_kit::{Error, ErrorKind};
///
/// fn lookup() -> alexa_kit::Result<u32> {
///     let n: u32 = "42".parse().map_err(|e| Error::handler("bad number").with_source(e))?;
///     Ok(n)
/// }
/// assert_eq!(lookup().unwrap(), 42);
/// let err = Error::new(ErrorKind::Config, "no default locale");
/// assert_eq!(err.to_string(), "no default locale");
/// ```
pub struct Error {
    kind: ErrorKind,
    message: String,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
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
            kind,
            message: message.into(),
            source: None,
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

    /// Attaches the underlying cause.
    ///
    /// ```
    /// use std::error::Error as _;
    /// let io = std::io::Error::other("boom");
    /// let e = alexa_kit::Error::new(alexa_kit::ErrorKind::Io, "read failed").with_source(io);
    /// assert_eq!(e.source().unwrap().to_string(), "boom");
    /// ```
    pub fn with_source(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.source = Some(Box::new(source));
        self
    }

    /// The stable category of this error.
    ///
    /// ```
    /// let e = alexa_kit::Error::handler("x");
    /// assert_eq!(e.kind().as_str(), "Handler");
    /// ```
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The message, without the kind or the source.
    ///
    /// ```
    /// assert_eq!(alexa_kit::Error::handler("x").message(), "x");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// The message and its sources, at most 8 KB of them: serde's messages quote
/// the bad value whole, and a request can carry megabytes in one string.
/// Longer text is cut with a visible marker (`…[cut: N bytes in all]`);
/// [`message`](Error::message) and [`source`](std::error::Error::source)
/// still give everything.
///
/// ```
/// let e = alexa_kit::Error::handler("x".repeat(100_000));
/// let shown = e.to_string();
/// assert!(shown.len() < 9000);
/// assert!(shown.ends_with("…[cut: 100000 bytes in all]"));
/// ```
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::bounded::message(Chain(self)).fmt(f)
    }
}

/// The message and the source, unbounded.
struct Chain<'a>(&'a Error);

impl fmt::Display for Chain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.message)?;
        if let Some(source) = &self.0.source {
            write!(f, ": {source}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind, self)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|s| s as &(dyn std::error::Error + 'static))
    }
}

impl From<serde_json::Error> for Error {
    fn from(err: serde_json::Error) -> Self {
        Error::new(ErrorKind::Handler, "JSON (de)serialisation failed").with_source(err)
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Self {
        Error::new(ErrorKind::Io, "I/O failed").with_source(err)
    }
}
