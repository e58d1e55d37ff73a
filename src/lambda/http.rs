//! A small HTTP/1.1 client for the Runtime API: one keep-alive connection,
//! `Content-Length` and chunked bodies, nothing else.
//!
//! The Runtime API is plain HTTP on loopback with four endpoints, so a general
//! client (hyper + hyper-util + tower) buys nothing but size and start-up
//! time; see the `lambda` module docs for the measurements.

use std::io;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// Largest status line + headers we accept.
const MAX_HEAD: usize = 64 * 1024;
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
        self.read_response(method == "HEAD").await
    }

    async fn read_response(&mut self, head_only: bool) -> Result<Response, SendError> {
        let mut line = Vec::with_capacity(128);
        let mut head_len = 0;
        // Status line; an immediate EOF or reset is a closed connection.
        match self.stream.read_until(b'\n', &mut line).await {
            Ok(0) => {
                return Err(SendError::Closed(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "server closed the connection",
                )));
            }
            Ok(n) => head_len += n,
            Err(e) => return Err(SendError::Closed(e)),
        }
        let status_line = trim_crlf(&line);
        let status = parse_status_line(status_line)?;
        let http10 = status_line.starts_with(b"HTTP/1.0");

        let mut headers = Vec::new();
        loop {
            line.clear();
            let n = read_line_limited(&mut self.stream, &mut line, MAX_HEAD - head_len).await?;
            head_len += n;
            let l = trim_crlf(&line);
            if l.is_empty() {
                break;
            }
            let text = std::str::from_utf8(l)
                .map_err(|_| SendError::Malformed("header is not UTF-8".into()))?;
            let (name, value) = text
                .split_once(':')
                .ok_or_else(|| SendError::Malformed(format!("header without a colon: {text:?}")))?;
            let name = name.trim();
            if name.is_empty() || name.contains(' ') {
                return Err(SendError::Malformed(format!("bad header name: {name:?}")));
            }
            headers.push((name.to_owned(), value.trim().to_owned()));
        }
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

        if head_only || status == 204 || status == 304 || (100..200).contains(&status) {
            return Ok(response);
        }
        let chunked = response
            .header("transfer-encoding")
            .is_some_and(|te| te.to_ascii_lowercase().contains("chunked"));
        if chunked {
            response.body = self.read_chunked().await?;
        } else if let Some(len) = response.header("content-length") {
            let len: usize = len
                .parse()
                .map_err(|_| SendError::Malformed(format!("bad Content-Length {len:?}")))?;
            if len > MAX_BODY {
                return Err(SendError::Malformed(format!(
                    "body of {len} bytes exceeds the {MAX_BODY}-byte limit"
                )));
            }
            let mut body = vec![0; len];
            self.stream
                .read_exact(&mut body)
                .await
                .map_err(SendError::Io)?;
            response.body = body;
        } else {
            // No framing: the body runs to EOF and the connection is spent.
            let mut body = Vec::new();
            (&mut self.stream)
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

    async fn read_chunked(&mut self) -> Result<Vec<u8>, SendError> {
        let mut body = Vec::new();
        let mut line = Vec::with_capacity(32);
        loop {
            line.clear();
            read_line_limited(&mut self.stream, &mut line, 1024).await?;
            let size_text = std::str::from_utf8(trim_crlf(&line))
                .map_err(|_| SendError::Malformed("chunk size is not UTF-8".into()))?;
            let size_text = size_text.split(';').next().unwrap_or("").trim();
            let size = usize::from_str_radix(size_text, 16)
                .map_err(|_| SendError::Malformed(format!("bad chunk size {size_text:?}")))?;
            if size == 0 {
                break;
            }
            if body.len() + size > MAX_BODY {
                return Err(SendError::Malformed("chunked body too large".into()));
            }
            let start = body.len();
            body.resize(start + size, 0);
            self.stream
                .read_exact(&mut body[start..])
                .await
                .map_err(SendError::Io)?;
            line.clear();
            read_line_limited(&mut self.stream, &mut line, 2).await?;
            if !trim_crlf(&line).is_empty() {
                return Err(SendError::Malformed("chunk not followed by CRLF".into()));
            }
        }
        // Trailers, up to the empty line.
        let mut trailer_bytes = 0;
        loop {
            line.clear();
            trailer_bytes +=
                read_line_limited(&mut self.stream, &mut line, MAX_HEAD - trailer_bytes).await?;
            if trim_crlf(&line).is_empty() {
                return Ok(body);
            }
        }
    }
}

/// Reads one `\n`-terminated line of at most `limit` bytes; EOF is an error.
async fn read_line_limited(
    stream: &mut BufReader<TcpStream>,
    line: &mut Vec<u8>,
    limit: usize,
) -> Result<usize, SendError> {
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
        return Err(SendError::Malformed(
            "line too long or truncated response head".into(),
        ));
    }
    Ok(n)
}

fn trim_crlf(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

fn parse_status_line(line: &[u8]) -> Result<u16, SendError> {
    let bad = || {
        SendError::Malformed(format!(
            "bad status line {:?}",
            String::from_utf8_lossy(&line[..line.len().min(80)])
        ))
    };
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
