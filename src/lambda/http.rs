//! A small HTTP/1.1 client for the Runtime API: one keep-alive connection,
//! `Content-Length` and chunked bodies, nothing else.
//!
//! The Runtime API is plain HTTP on loopback with four endpoints, so a general
//! client (hyper + hyper-util + tower) buys nothing but size and start-up
//! time; see the `lambda` module docs for the measurements.
//!
//! Whatever the peer sends, reading a response is bounded: the status line,
//! interim (`1xx`) heads and headers share `MAX_HEAD` bytes, a chunk-size
//! line is at most 1 KB, and a body (chunk sizes added up without overflow)
//! at most `MAX_BODY` bytes. Anything else is `SendError::Malformed`.

use std::io;

use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// Largest status line + headers we accept, interim `1xx` heads included.
const MAX_HEAD: usize = 64 * 1024;
/// Longest chunk-size line (hex size plus extensions).
const MAX_CHUNK_LINE: usize = 1024;
/// Largest body we accept (Lambda's event limit is 6 MiB; leave headroom).
pub(crate) const MAX_BODY: usize = 32 * 1024 * 1024;

/// Why a request failed.
#[derive(Debug)]
pub(crate) enum SendError {
    /// The connection was closed or reset before any byte of the response
    /// arrived; on a reused keep-alive connection this is safe to retry.
    Closed(io::Error),
    /// I/O failed in the middle of the exchange.
    Io(io::Error),
    /// The peer did not speak HTTP/1.1 as we understand it.
    Malformed(String),
}

impl std::fmt::Display for SendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SendError::Closed(e) => write!(f, "connection closed before the response: {e}"),
            SendError::Io(e) => write!(f, "I/O error: {e}"),
            SendError::Malformed(m) => write!(f, "malformed HTTP response: {m}"),
        }
    }
}

/// A parsed response.
#[derive(Debug)]
pub(crate) struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// False when the server asked to close, or the body ran to EOF.
    pub keep_alive: bool,
}

impl Response {
    /// The first header called `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// One HTTP/1.1 connection.
pub(crate) struct Connection {
    stream: BufReader<TcpStream>,
}

impl Connection {
    /// Connects to `authority` (`host:port`).
    pub async fn connect(authority: &str) -> io::Result<Connection> {
        let stream = TcpStream::connect(authority).await?;
        stream.set_nodelay(true)?;
        Ok(Connection {
            stream: BufReader::with_capacity(16 * 1024, stream),
        })
    }

    /// Sends one request and reads the whole response.
    pub async fn send(
        &mut self,
        method: &str,
        host: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Result<Response, SendError> {
        let mut head = String::with_capacity(256);
        head.push_str(method);
        head.push(' ');
        head.push_str(path);
        head.push_str(" HTTP/1.1\r\nHost: ");
        head.push_str(host);
        head.push_str("\r\n");
        for (name, value) in headers {
            head.push_str(name);
            head.push_str(": ");
            head.push_str(value);
            head.push_str("\r\n");
        }
        if method != "GET" || !body.is_empty() {
            head.push_str("Content-Length: ");
            head.push_str(&body.len().to_string());
            head.push_str("\r\n");
        }
        head.push_str("\r\n");

        // A write failure means the server went away (typically a keep-alive
        // connection it closed while we were idle): nothing was processed.
        let stream = self.stream.get_mut();
        if body.len() <= 16 * 1024 {
            let mut buf = head.into_bytes();
            buf.extend_from_slice(body);
            stream.write_all(&buf).await.map_err(SendError::Closed)?;
        } else {
            stream
                .write_all(head.as_bytes())
                .await
                .map_err(SendError::Closed)?;
            stream.write_all(body).await.map_err(SendError::Io)?;
        }
        stream.flush().await.map_err(SendError::Io)?;
        read_response(&mut self.stream, method == "HEAD").await
    }
}

/// Reads one response from `stream`: its head (after any interim `1xx`
/// answers, which are skipped) and its body.
///
/// Generic over the reader so that the fuzz targets can feed it bytes; the
/// runtime only ever instantiates it for `BufReader<TcpStream>`.
pub(crate) async fn read_response<R: AsyncBufRead + Unpin>(
    stream: &mut R,
    head_only: bool,
) -> Result<Response, SendError> {
    let mut line = Vec::with_capacity(128);
    let mut head_left = MAX_HEAD;
    let mut first = true;
    let (status, http10, headers) = loop {
        line.clear();
        let status_line = read_line_limited(stream, &mut line, head_left).await;
        // An immediate EOF or reset is a closed (keep-alive) connection.
        let n = match status_line {
            Err(SendError::Io(e)) if first && line.is_empty() => {
                return Err(SendError::Closed(e));
            }
            other => other?,
        };
        first = false;
        head_left -= n;
        let status_line = trim_crlf(&line);
        let status = parse_status_line(status_line)?;
        let http10 = status_line.starts_with(b"HTTP/1.0");
        let headers = read_headers(stream, &mut line, &mut head_left).await?;
        match status {
            // We never ask to switch protocols.
            101 => {
                return Err(SendError::Malformed(
                    "unexpected 101 Switching Protocols".into(),
                ));
            }
            // An interim answer (100 Continue, 103 Early Hints…): the final one follows.
            100..=199 => continue,
            _ => break (status, http10, headers),
        }
    };
    let mut response = Response {
        status,
        headers,
        body: Vec::new(),
        keep_alive: !http10,
    };
    if let Some(conn) = response.header("connection") {
        if conn.eq_ignore_ascii_case("close") {
            response.keep_alive = false;
        } else if conn.eq_ignore_ascii_case("keep-alive") {
            response.keep_alive = true;
        }
    }

    if head_only || status == 204 || status == 304 {
        return Ok(response);
    }
    let chunked = response
        .header("transfer-encoding")
        .is_some_and(|te| te.to_ascii_lowercase().contains("chunked"));
    if chunked {
        response.body = read_chunked(stream).await?;
    } else if let Some(len) = response.header("content-length") {
        let len = parse_decimal(len)
            .filter(|&len| len <= MAX_BODY)
            .ok_or_else(|| {
                SendError::Malformed(format!(
                    "Content-Length {:?} is not a number of at most {MAX_BODY} bytes",
                    bounded(len.as_bytes())
                ))
            })?;
        let mut body = vec![0; len];
        stream.read_exact(&mut body).await.map_err(SendError::Io)?;
        response.body = body;
    } else {
        // No framing: the body runs to EOF and the connection is spent.
        let mut body = Vec::new();
        (&mut *stream)
            .take(MAX_BODY as u64 + 1)
            .read_to_end(&mut body)
            .await
            .map_err(SendError::Io)?;
        if body.len() > MAX_BODY {
            return Err(SendError::Malformed("unframed body too large".into()));
        }
        response.body = body;
        response.keep_alive = false;
    }
    Ok(response)
}

/// Header lines up to the empty line, taking their bytes from `head_left`.
async fn read_headers<R: AsyncBufRead + Unpin>(
    stream: &mut R,
    line: &mut Vec<u8>,
    head_left: &mut usize,
) -> Result<Vec<(String, String)>, SendError> {
    let mut headers = Vec::new();
    loop {
        line.clear();
        *head_left -= read_line_limited(stream, line, *head_left).await?;
        let l = trim_crlf(line);
        if l.is_empty() {
            return Ok(headers);
        }
        let text = std::str::from_utf8(l)
            .map_err(|_| SendError::Malformed("header is not UTF-8".into()))?;
        let (name, value) = text.split_once(':').ok_or_else(|| {
            SendError::Malformed(format!("header without a colon: {:?}", bounded(l)))
        })?;
        let name = name.trim();
        if name.is_empty() || name.contains(' ') {
            return Err(SendError::Malformed(format!(
                "bad header name: {:?}",
                bounded(name.as_bytes())
            )));
        }
        headers.push((name.to_owned(), value.trim().to_owned()));
    }
}

async fn read_chunked<R: AsyncBufRead + Unpin>(stream: &mut R) -> Result<Vec<u8>, SendError> {
    let mut body = Vec::new();
    let mut line = Vec::with_capacity(32);
    loop {
        line.clear();
        read_line_limited(stream, &mut line, MAX_CHUNK_LINE).await?;
        let size_line = trim_crlf(&line);
        // `size [; extensions]`; the extensions are ignored.
        let size_text = size_line
            .split(|&b| b == b';')
            .next()
            .unwrap_or_default()
            .trim_ascii();
        let size = parse_hex(size_text).ok_or_else(|| {
            SendError::Malformed(format!("bad chunk size {:?}", bounded(size_text)))
        })?;
        if size == 0 {
            break;
        }
        // `size` may be anything up to u64::MAX: compare without adding.
        if size > (MAX_BODY - body.len()) as u64 {
            return Err(SendError::Malformed(format!(
                "chunked body exceeds the {MAX_BODY}-byte limit"
            )));
        }
        let start = body.len();
        body.resize(start + size as usize, 0);
        stream
            .read_exact(&mut body[start..])
            .await
            .map_err(SendError::Io)?;
        line.clear();
        read_line_limited(stream, &mut line, 2).await?;
        if !trim_crlf(&line).is_empty() {
            return Err(SendError::Malformed("chunk not followed by CRLF".into()));
        }
    }
    // Trailers, up to the empty line.
    let mut trailer_left = MAX_HEAD;
    loop {
        line.clear();
        trailer_left -= read_line_limited(stream, &mut line, trailer_left).await?;
        if trim_crlf(&line).is_empty() {
            return Ok(body);
        }
    }
}

/// Reads one `\n`-terminated line of at most `limit` bytes; EOF is an error.
async fn read_line_limited<R: AsyncBufRead + Unpin>(
    stream: &mut R,
    line: &mut Vec<u8>,
    limit: usize,
) -> Result<usize, SendError> {
    if limit == 0 {
        return Err(SendError::Malformed(format!(
            "response head longer than {MAX_HEAD} bytes"
        )));
    }
    let n = (&mut *stream)
        .take(limit as u64)
        .read_until(b'\n', line)
        .await
        .map_err(SendError::Io)?;
    if n == 0 {
        return Err(SendError::Io(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "connection closed in the middle of a response",
        )));
    }
    if line.last() != Some(&b'\n') {
        return Err(SendError::Malformed(if n >= limit {
            format!("response head line longer than the {limit} bytes left for it")
        } else {
            "truncated response head".into()
        }));
    }
    Ok(n)
}

/// At most 80 bytes of `bytes`, for an error message.
fn bounded(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(&bytes[..bytes.len().min(80)])
}

/// A decimal number made of ASCII digits only (no sign, no spaces).
fn parse_decimal(text: &str) -> Option<usize> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// A chunk size: hex digits only, at most 16 of them after leading zeros.
fn parse_hex(text: &[u8]) -> Option<u64> {
    if text.is_empty() || !text.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    let digits = &text[text.iter().take_while(|&&b| b == b'0').count()..];
    if digits.len() > 16 {
        return None;
    }
    digits.iter().try_fold(0u64, |n, &b| {
        Some(n << 4 | u64::from((b as char).to_digit(16)?))
    })
}

fn trim_crlf(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

fn parse_status_line(line: &[u8]) -> Result<u16, SendError> {
    let bad = || SendError::Malformed(format!("bad status line {:?}", bounded(line)));
    let rest = line
        .strip_prefix(b"HTTP/1.1 ")
        .or_else(|| line.strip_prefix(b"HTTP/1.0 "))
        .ok_or_else(bad)?;
    let code = rest.get(..3).ok_or_else(bad)?;
    if rest.get(3).is_some_and(|&b| b != b' ') || !code.iter().all(u8::is_ascii_digit) {
        return Err(bad());
    }
    std::str::from_utf8(code)
        .ok()
        .and_then(|c| c.parse().ok())
        .ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::net::TcpListener;

    /// Serves each canned reply on one accepted connection, in order, after
    /// reading one request head for each; returns the address.
    async fn serve(replies: Vec<&'static [u8]>) -> String {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap().to_string();
        tokio::spawn(async move {
            let (sock, _) = listener.accept().await.unwrap();
            let mut sock = BufReader::new(sock);
            for reply in replies {
                let mut content_length = 0usize;
                loop {
                    let mut line = String::new();
                    if sock.read_line(&mut line).await.unwrap() == 0 {
                        return;
                    }
                    let lower = line.to_ascii_lowercase();
                    if let Some(v) = lower.strip_prefix("content-length:") {
                        content_length = v.trim().parse().unwrap();
                    }
                    if line == "\r\n" {
                        break;
                    }
                }
                let mut body = vec![0; content_length];
                sock.read_exact(&mut body).await.unwrap();
                sock.get_mut().write_all(reply).await.unwrap();
            }
        });
        addr
    }

    async fn exchange(replies: Vec<&'static [u8]>, n: usize) -> Vec<Result<Response, SendError>> {
        let addr = serve(replies).await;
        let mut conn = Connection::connect(&addr).await.unwrap();
        let mut out = Vec::new();
        for _ in 0..n {
            out.push(conn.send("POST", &addr, "/x", &[], b"hello").await);
        }
        out
    }

    #[tokio::test]
    async fn content_length_and_chunked_on_one_connection() {
        let out = exchange(
            vec![
                b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A: b\r\n\r\nhello",
                b"HTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nTrailer: x\r\n\r\n",
                b"HTTP/1.1 204 No Content\r\n\r\n",
            ],
            3,
        )
        .await;
        let r: Vec<_> = out.into_iter().map(Result::unwrap).collect();
        assert_eq!((r[0].status, r[0].body.as_slice()), (200, &b"hello"[..]));
        assert_eq!(r[0].header("x-a"), Some("b"));
        assert_eq!((r[1].status, r[1].body.as_slice()), (202, &b"abcde"[..]));
        assert!(r[1].keep_alive);
        assert_eq!(r[2].status, 204);
    }

    #[tokio::test]
    async fn connection_close_and_unframed_body() {
        let out = exchange(
            vec![b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nall of it"],
            1,
        )
        .await;
        let r = out.into_iter().next().unwrap().unwrap();
        assert_eq!(r.body, b"all of it");
        assert!(!r.keep_alive);
    }

    #[tokio::test]
    async fn malformed_responses_are_errors() {
        for reply in [
            &b"garbage\r\n\r\n"[..],
            b"HTTP/1.1 2x0 OK\r\n\r\n",
            b"HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
            b"HTTP/1.1 200 OK\r\nContent-Length: many\r\n\r\n",
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
            b"HTTP/1.1 200 OK\r\nContent-Length: 99999999999\r\n\r\n",
        ] {
            let out = exchange(vec![reply], 1).await;
            let err = out.into_iter().next().unwrap().unwrap_err();
            assert!(
                matches!(err, SendError::Malformed(_)),
                "{reply:?} gave {err}"
            );
        }
    }

    /// Reads responses from `bytes` as one keep-alive connection would, until
    /// the first error; returns them, the error and how many bytes were consumed.
    async fn read_all(bytes: &[u8]) -> (Vec<Response>, SendError, usize) {
        let mut rest = bytes;
        let mut responses = Vec::new();
        loop {
            match read_response(&mut rest, false).await {
                Ok(r) => responses.push(r),
                Err(e) => return (responses, e, bytes.len() - rest.len()),
            }
        }
    }

    #[tokio::test]
    async fn chunk_sizes_past_the_limit_are_refused_without_overflow() {
        let head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
        let huge = [
            u64::MAX,
            u64::MAX - 1,
            u64::MAX - 4,
            (usize::MAX as u64) - 9,
            1 << 63,
            MAX_BODY as u64 + 1,
        ];
        for size in huge {
            // Alone, and after a first chunk (the sum is what must not wrap).
            for before in ["", "5\r\nhello\r\n"] {
                let input = format!("{head}{before}{size:x}\r\nabc\r\n0\r\n\r\n");
                let (ok, err, _) = read_all(input.as_bytes()).await;
                assert!(ok.is_empty());
                assert!(matches!(err, SendError::Malformed(_)), "{size:x}: {err}");
            }
        }
        // Two chunks each under the limit but together over it.
        let half = MAX_BODY / 2 + 1;
        let input = format!("{head}{half:x}\r\n");
        let mut bytes = input.into_bytes();
        bytes.extend(std::iter::repeat_n(b'a', half));
        bytes.extend_from_slice(format!("\r\n{half:x}\r\n").as_bytes());
        let (_, err, _) = read_all(&bytes).await;
        assert!(matches!(err, SendError::Malformed(_)), "{err}");
        // Sizes that are not plain hex, or longer than 16 digits.
        for size in ["+5", "-1", "0x5", " ", "", "1 2", "11111111111111111"] {
            let input = format!("{head}{size}\r\nhello\r\n0\r\n\r\n");
            let (_, err, _) = read_all(input.as_bytes()).await;
            assert!(matches!(err, SendError::Malformed(_)), "{size:?}: {err}");
        }
        // Leading zeros and extensions are fine.
        let input = format!("{head}00000000000000000005;x=y\r\nhello\r\n0\r\n\r\n");
        let (ok, _, _) = read_all(input.as_bytes()).await;
        assert_eq!(ok[0].body, b"hello");
    }

    #[tokio::test]
    async fn a_head_that_never_ends_is_read_within_the_limit() {
        let mut flood = b"HTTP/1.1 200 ".to_vec();
        flood.resize(4 * MAX_HEAD, b'A');
        // A status line, a header line, and many short header lines.
        let mut header = b"HTTP/1.1 200 OK\r\nX-Long: ".to_vec();
        header.resize(4 * MAX_HEAD, b'B');
        let mut many = b"HTTP/1.1 200 OK\r\n".to_vec();
        while many.len() < 4 * MAX_HEAD {
            many.extend_from_slice(b"X-A: b\r\n");
        }
        // Interim answers count towards the same limit.
        let interim = b"HTTP/1.1 100 Continue\r\n\r\n".repeat(4 * MAX_HEAD / 25);
        for input in [flood, header, many, interim] {
            let (ok, err, consumed) = read_all(&input).await;
            assert!(ok.is_empty());
            assert!(matches!(err, SendError::Malformed(_)), "{err}");
            assert!(consumed <= MAX_HEAD, "read {consumed} bytes of a head");
        }
        // Content-Length over the limit, or not a plain number.
        for len in [
            "99999999999",
            "+5",
            "-5",
            " ",
            "5 5",
            "0x10",
            "184467440737095516160",
        ] {
            let input = format!("HTTP/1.1 200 OK\r\nContent-Length: {len}\r\n\r\nhello");
            let (_, err, _) = read_all(input.as_bytes()).await;
            assert!(matches!(err, SendError::Malformed(_)), "{len:?}: {err}");
        }
    }

    #[tokio::test]
    async fn interim_answers_are_skipped_and_the_connection_stays_in_step() {
        let input = b"HTTP/1.1 100 Continue\r\n\r\n\
            HTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\n\
            HTTP/1.1 200 OK\r\nContent-Length: 3\r\nX-N: 1\r\n\r\none\
            HTTP/1.1 102 Processing\r\n\r\n\
            HTTP/1.1 202 Accepted\r\nContent-Length: 3\r\nX-N: 2\r\n\r\ntwo";
        let (ok, err, consumed) = read_all(input).await;
        assert!(matches!(err, SendError::Closed(_)), "{err}");
        assert_eq!(consumed, input.len());
        let got: Vec<_> = ok
            .iter()
            .map(|r| (r.status, r.header("x-n").unwrap(), r.body.as_slice()))
            .collect();
        assert_eq!(got, [(200, "1", &b"one"[..]), (202, "2", &b"two"[..])]);
        // 101 is never an interim answer here: nothing asked to switch.
        let (_, err, _) = read_all(b"HTTP/1.1 101 Switching Protocols\r\n\r\n").await;
        assert!(matches!(err, SendError::Malformed(_)), "{err}");
    }

    #[tokio::test]
    async fn truncated_body_and_closed_connection() {
        let out = exchange(
            vec![b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort"],
            2,
        )
        .await;
        let mut out = out.into_iter();
        assert!(matches!(out.next().unwrap(), Err(SendError::Io(_))));
        // The server is gone: the next request sees a closed connection.
        let second = out.next().unwrap().unwrap_err();
        assert!(
            matches!(second, SendError::Closed(_) | SendError::Io(_)),
            "{second}"
        );
    }
}
