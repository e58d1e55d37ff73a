//! The Runtime API client: where the API is, and one reusable connection to it.

use std::time::Duration;

use super::RUNTIME_API_ENV;
use super::http::{Connection, Response, SendError};
use crate::{Error, ErrorKind, Result};

const USER_AGENT: &str = concat!("alexa-kit/", env!("CARGO_PKG_VERSION"));

/// Where the Runtime API lives: `host:port` plus an optional path prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Endpoint {
    /// `host:port`, used to connect and as the `Host` header.
    pub authority: String,
    /// Empty, or a path such as `/.rt/my-fn` without a trailing slash.
    pub prefix: String,
}

impl Endpoint {
    /// Reads and parses `AWS_LAMBDA_RUNTIME_API`.
    pub fn from_env() -> Result<Endpoint> {
        let value = std::env::var(RUNTIME_API_ENV).map_err(|_| {
            Error::new(
                ErrorKind::Config,
                format!(
                    "{RUNTIME_API_ENV} is not set: this binary must run under AWS Lambda or a \
                     Runtime API emulator (see alexa_kit::lambda::emulator)"
                ),
            )
        })?;
        Endpoint::parse(&value)
    }

    /// Accepts `host:port` (Lambda, the RIE) or `http://host:port/prefix`
    /// (`cargo lambda watch`).
    pub fn parse(value: &str) -> Result<Endpoint> {
        let bad = |why: &str| {
            Error::new(
                ErrorKind::Config,
                format!("{RUNTIME_API_ENV}={value:?} is not usable: {why}"),
            )
        };
        let v = value.trim();
        let rest = if let Some(rest) = v.strip_prefix("http://") {
            rest
        } else if v.starts_with("https://") {
            return Err(bad("https is not supported by the Runtime API"));
        } else if v.contains("://") {
            return Err(bad("only http:// URLs are supported"));
        } else {
            v
        };
        let (authority, prefix) = match rest.find('/') {
            Some(i) => (&rest[..i], rest[i..].trim_end_matches('/')),
            None => (rest, ""),
        };
        if authority.is_empty() {
            return Err(bad("no host"));
        }
        if authority.contains(['?', '#', '@', ' ']) || prefix.contains(['?', '#', ' ']) {
            return Err(bad("unexpected characters"));
        }
        // A port is present unless the text after the last ':' is not a
        // number (or there is none; IPv6 literals end in ']').
        let has_port = authority
            .rsplit_once(':')
            .is_some_and(|(_, p)| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
        let authority = if has_port {
            authority.to_owned()
        } else {
            format!("{authority}:80")
        };
        Ok(Endpoint {
            authority,
            prefix: prefix.to_owned(),
        })
    }

    /// The full path of a Runtime API resource, e.g. `invocation/next`.
    pub fn path(&self, resource: &str) -> String {
        format!("{}/2018-06-01/runtime/{resource}", self.prefix)
    }
}

/// A client holding at most one keep-alive connection.
pub(crate) struct Client {
    endpoint: Endpoint,
    conn: Option<Connection>,
}

impl Client {
    pub fn new(endpoint: Endpoint) -> Client {
        Client {
            endpoint,
            conn: None,
        }
    }

    /// Sends a request to `resource`, reconnecting once when a reused
    /// keep-alive connection turns out to be closed.
    pub async fn send(
        &mut self,
        method: &str,
        resource: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Result<Response> {
        let path = self.endpoint.path(resource);
        let mut all_headers = Vec::with_capacity(headers.len() + 1);
        all_headers.push(("User-Agent", USER_AGENT));
        all_headers.extend_from_slice(headers);
        for attempt in 0..2 {
            // The connection is taken out while in use and put back only after
            // a complete exchange: a send that is cancelled half-way (a post
            // given up on at SIGTERM) drops it instead of leaving it out of step.
            let reused = self.conn.is_some();
            let mut conn = match self.conn.take() {
                Some(conn) => conn,
                None => Connection::connect(&self.endpoint.authority)
                    .await
                    .map_err(|e| {
                        Error::new(
                            ErrorKind::Runtime,
                            format!(
                                "cannot connect to the Runtime API at {}",
                                self.endpoint.authority
                            ),
                        )
                        .with_source(e)
                    })?,
            };
            match conn
                .send(method, &self.endpoint.authority, &path, &all_headers, body)
                .await
            {
                Ok(response) => {
                    if response.keep_alive {
                        self.conn = Some(conn);
                    }
                    return Ok(response);
                }
                Err(SendError::Closed(_)) if reused && attempt == 0 => {
                    tracing::debug!("Runtime API connection was closed; reconnecting");
                }
                Err(e) => {
                    return Err(Error::new(
                        ErrorKind::Runtime,
                        format!("{method} {path} failed: {e}"),
                    ));
                }
            }
        }
        Err(Error::new(
            ErrorKind::Runtime,
            format!("{method} {path} failed twice on a fresh connection"),
        ))
    }
}

/// Delay before retry number `attempt` (1-based): 20 ms doubling, at most 1 s.
pub(crate) fn backoff(attempt: u32) -> Duration {
    Duration::from_millis(20u64.saturating_mul(1 << attempt.min(6)).min(1000))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoint_forms() {
        let e = Endpoint::parse("127.0.0.1:9001").unwrap();
        assert_eq!(
            (e.authority.as_str(), e.prefix.as_str()),
            ("127.0.0.1:9001", "")
        );
        assert_eq!(
            e.path("invocation/next"),
            "/2018-06-01/runtime/invocation/next"
        );

        let e = Endpoint::parse("http://127.0.0.1:9000/.rt/my-fn/").unwrap();
        assert_eq!(e.authority, "127.0.0.1:9000");
        assert_eq!(
            e.path("init/error"),
            "/.rt/my-fn/2018-06-01/runtime/init/error"
        );

        assert_eq!(
            Endpoint::parse("http://localhost").unwrap().authority,
            "localhost:80"
        );
        assert_eq!(
            Endpoint::parse("[::1]:9001").unwrap().authority,
            "[::1]:9001"
        );
        assert_eq!(Endpoint::parse("[::1]").unwrap().authority, "[::1]:80");

        for bad in [
            "",
            "http://",
            "https://x:1",
            "ftp://x:1",
            "/path-only",
            "a b:1",
        ] {
            let err = Endpoint::parse(bad).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Config, "{bad:?}");
            assert!(err.to_string().contains(RUNTIME_API_ENV));
        }
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        assert_eq!(backoff(1), Duration::from_millis(40));
        assert!(backoff(3) > backoff(2));
        assert_eq!(backoff(30), Duration::from_millis(1000));
    }
}
