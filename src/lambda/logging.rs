//! Log output in the shape Lambda expects.

use tracing::level_filters::LevelFilter;

/// Installs a `tracing` subscriber that writes to stdout, where Lambda picks up
/// logs for CloudWatch.
///
/// * The level comes from `AWS_LAMBDA_LOG_LEVEL` (`TRACE`, `DEBUG`, `INFO`,
///   `WARN`, `ERROR`, `FATAL`; set by Lambda's advanced logging controls), else
///   from `RUST_LOG` when it is a plain level, else `INFO`.
/// * `AWS_LAMBDA_LOG_FORMAT=JSON` writes one JSON object per line, with
///   `timestamp`, `level`, `fields`, `target` and the current span (the
///   invocation's `request_id`), which is what Lambda's log-level filtering
///   needs. Anything else writes plain text without timestamps, since
///   CloudWatch adds its own.
///
/// Call it once, first thing in `main`. If a global subscriber is already
/// installed, it is left alone and this returns `false`.
///
/// ```
/// // In a test or a second call the subscriber may already be set: no panic.
/// let _first = alexa_kit::lambda::init_logging();
/// assert!(!alexa_kit::lambda::init_logging());
/// ```
pub fn init_logging() -> bool {
    let level = level_from(
        std::env::var("AWS_LAMBDA_LOG_LEVEL").ok().as_deref(),
        std::env::var("RUST_LOG").ok().as_deref(),
        LevelFilter::INFO,
    );
    let json =
        std::env::var("AWS_LAMBDA_LOG_FORMAT").is_ok_and(|f| f.trim().eq_ignore_ascii_case("json"));
    let builder = tracing_subscriber::fmt()
        .with_max_level(level)
        .with_ansi(false)
        .log_internal_errors(false)
        .with_writer(|| OneLine(std::io::stdout()));
    if json {
        builder
            .json()
            .with_current_span(true)
            .with_span_list(false)
            .try_init()
            .is_ok()
    } else {
        builder.without_time().try_init().is_ok()
    }
}

/// Log output for the local command line: plain text on stderr (stdout is
/// the conversation), WARN unless `RUST_LOG` or `AWS_LAMBDA_LOG_LEVEL` says
/// otherwise.
pub(crate) fn init_local_logging() -> bool {
    let level = level_from(
        std::env::var("AWS_LAMBDA_LOG_LEVEL").ok().as_deref(),
        std::env::var("RUST_LOG").ok().as_deref(),
        LevelFilter::WARN,
    );
    tracing_subscriber::fmt()
        .with_max_level(level)
        .with_ansi(false)
        .log_internal_errors(false)
        .without_time()
        .with_writer(|| OneLine(std::io::stderr()))
        .try_init()
        .is_ok()
}

/// A log writer that keeps each event on one line: `tracing-subscriber`
/// writes an event with a single `write_all` of the formatted line, whose
/// own control characters (all but the final newline) are escaped here.
/// JSON lines pass unchanged: serde has escaped them already.
struct OneLine<W>(W);

impl<W: std::io::Write> std::io::Write for OneLine<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let (line, end) = match buf.strip_suffix(b"\n") {
            Some(line) => (line, &b"\n"[..]),
            None => (buf, &b""[..]),
        };
        let is_control = |b: u8| (b < 0x20 && b != b'\t') || b == 0x7f;
        if !line.iter().copied().any(is_control) {
            self.0.write_all(buf)?;
            return Ok(buf.len());
        }
        let mut out = Vec::with_capacity(buf.len() + 16);
        for &b in line {
            match b {
                b'\n' => out.extend_from_slice(b"\\n"),
                b'\r' => out.extend_from_slice(b"\\r"),
                b if is_control(b) => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    out.extend_from_slice(&[
                        b'\\',
                        b'x',
                        HEX[usize::from(b >> 4)],
                        HEX[usize::from(b & 15)],
                    ]);
                }
                b => out.push(b),
            }
        }
        out.extend_from_slice(end);
        self.0.write_all(&out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// The level named by `AWS_LAMBDA_LOG_LEVEL`, then `RUST_LOG`, else `default`.
fn level_from(lambda: Option<&str>, rust_log: Option<&str>, default: LevelFilter) -> LevelFilter {
    let parse = |v: &str| match v.trim().to_ascii_uppercase().as_str() {
        "TRACE" => Some(LevelFilter::TRACE),
        "DEBUG" => Some(LevelFilter::DEBUG),
        "INFO" => Some(LevelFilter::INFO),
        "WARN" | "WARNING" => Some(LevelFilter::WARN),
        "ERROR" | "FATAL" => Some(LevelFilter::ERROR),
        "OFF" => Some(LevelFilter::OFF),
        _ => None,
    };
    lambda
        .and_then(parse)
        .or_else(|| rust_log.and_then(parse))
        .unwrap_or(default)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn one_line_escapes_control_characters_inside_an_event() {
        let written = |event: &[u8]| {
            let mut out = OneLine(Vec::new());
            out.write_all(event).unwrap();
            String::from_utf8(out.0).unwrap()
        };
        assert_eq!(written(b"INFO plain\tline\n"), "INFO plain\tline\n");
        assert_eq!(
            written(b"WARN intent=Foo\r\nERROR forged\x1b[2J\0\x7f\n"),
            "WARN intent=Foo\\r\\nERROR forged\\x1b[2J\\x00\\x7f\n"
        );
        assert_eq!(written("é\n\n".as_bytes()), "é\\n\n");
    }

    #[test]
    fn level_precedence() {
        let info = LevelFilter::INFO;
        assert_eq!(level_from(None, None, info), LevelFilter::INFO);
        assert_eq!(level_from(None, None, LevelFilter::WARN), LevelFilter::WARN);
        assert_eq!(
            level_from(Some("debug"), Some("error"), info),
            LevelFilter::DEBUG
        );
        assert_eq!(level_from(Some("FATAL"), None, info), LevelFilter::ERROR);
        assert_eq!(
            level_from(Some("nonsense"), Some("warn"), info),
            LevelFilter::WARN
        );
        assert_eq!(
            level_from(None, Some("my_crate=debug"), info),
            LevelFilter::INFO
        );
    }
}
