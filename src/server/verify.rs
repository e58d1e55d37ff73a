//! Alexa request verification: is this request really from Alexa?
//!
//! The rules (Alexa's "Verify that the request was sent by Alexa", and where
//! the official SDKs fall short) in order:
//!
//! 1. `SignatureCertChainUrl` is normalised first (percent-decoding, `.` and
//!    `..` resolved), then it must be `https` (any case), host
//!    `s3.amazonaws.com` (any case), port 443 if a port is given, and its
//!    path must start with `/echo.api/` (exact case). The chain is fetched
//!    from the *normalised* URL.
//! 2. The PEM chain must lead to a trusted root (Mozilla's roots, from
//!    `webpki-roots`), its leaf must name `echo-api.amazon.com`, and every
//!    certificate must be valid *now*, also when the chain comes from the
//!    cache (a few entries; each use validates the chain again at the time
//!    of use, and an entry that fails is dropped and fetched once more).
//! 3. `Signature-256` (base64 RSA PKCS#1 v1.5 over SHA-256 of the raw body)
//!    must verify with the leaf's key. A request with only the retired SHA-1
//!    `Signature` header is refused.
//! 4. `request.timestamp` must be within 150 s of now, in either direction
//!    (one hour for `AlexaSkillEvent.*`, which Alexa may deliver late).
//!
//! The skill id check comes after, in the skill itself.

use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use base64::Engine as _;
use rustls_pki_types::pem::PemObject as _;
use rustls_pki_types::{
    CertificateDer, ServerName, SignatureVerificationAlgorithm, TrustAnchor, UnixTime,
};
use webpki::{EndEntityCert, KeyUsage};

use crate::{Error, ErrorKind, Result};

/// The name Alexa's signing certificate must carry.
pub const ALEXA_CERT_NAME: &str = "echo-api.amazon.com";

/// How far `request.timestamp` may be from now, either way.
pub const TIMESTAMP_TOLERANCE: Duration = Duration::from_secs(150);

/// The tolerance for `AlexaSkillEvent.*` requests, which Alexa may deliver late.
const SKILL_EVENT_TOLERANCE: Duration = Duration::from_secs(3600);

/// How many certificate chains the cache keeps (Alexa uses one URL at a time;
/// a few cover a rotation).
const CACHE_ENTRIES: usize = 4;

/// The largest chain accepted from the network.
const MAX_CHAIN_BYTES: usize = 64 * 1024;

/// How long fetching a chain may take (the request waits for it).
const FETCH_TIMEOUT: Duration = Duration::from_secs(3);

/// The signature algorithms a chain may use (what rustls accepts with *ring*).
static CHAIN_ALGS: &[&dyn SignatureVerificationAlgorithm] = &[
    webpki::ring::RSA_PKCS1_2048_8192_SHA256,
    webpki::ring::RSA_PKCS1_2048_8192_SHA384,
    webpki::ring::RSA_PKCS1_2048_8192_SHA512,
    webpki::ring::ECDSA_P256_SHA256,
    webpki::ring::ECDSA_P256_SHA384,
    webpki::ring::ECDSA_P384_SHA256,
    webpki::ring::ECDSA_P384_SHA384,
];

/// A future that fetches a certificate chain (need not be `Send`: the server
/// runs each worker on one thread).
pub type FetchFuture<'a> = Pin<Box<dyn Future<Output = Result<Vec<u8>>> + 'a>>;

/// Fetches the PEM certificate chain at a (normalised, checked) URL.
///
/// The production implementation is the framework's HTTPS client
/// ([`HttpsFetcher`]); tests plug in their own chain.
///
/// ```
/// use alexa_kit::server::{CertFetcher, FetchFuture};
///
/// /// Serves one PEM chain from memory, whatever the URL.
/// struct Fixed(Vec<u8>);
///
/// impl CertFetcher for Fixed {
///     fn fetch<'a>(&'a self, _url: &'a str) -> FetchFuture<'a> {
///         Box::pin(async move { Ok(self.0.clone()) })
///     }
/// }
/// let _fetcher: std::sync::Arc<dyn CertFetcher> = std::sync::Arc::new(Fixed(Vec::new()));
/// ```
pub trait CertFetcher: Send + Sync {
    /// Fetches the PEM bytes at `url`.
    fn fetch<'a>(&'a self, url: &'a str) -> FetchFuture<'a>;
}

/// Checks that requests come from Alexa. One verifier is shared by every
/// worker of a [`Server`](super::Server), with its certificate cache.
///
/// ```
/// use alexa_kit::server::Verifier;
/// let verifier = Verifier::new();
/// assert!(verifier.check_cert_url("https://s3.amazonaws.com/echo.api/echo-api-cert.pem").is_ok());
/// assert!(verifier.check_cert_url("http://s3.amazonaws.com/echo.api/echo-api-cert.pem").is_err());
/// ```
pub struct Verifier {
    roots: Vec<TrustAnchor<'static>>,
    fetcher: Arc<dyn CertFetcher>,
    cache: Mutex<VecDeque<Cached>>,
}

/// A validated chain, and the span of time (Unix seconds, inclusive) in
/// which it validates, when known.
struct Cached {
    url: String,
    chain: Arc<[CertificateDer<'static>]>,
    valid: Option<(u64, u64)>,
}

impl std::fmt::Debug for Verifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Verifier")
            .field("roots", &self.roots.len())
            .finish_non_exhaustive()
    }
}

impl Default for Verifier {
    fn default() -> Self {
        Verifier::new()
    }
}

impl Verifier {
    /// A verifier trusting Mozilla's roots that fetches chains with the
    /// framework's HTTPS client.
    ///
    /// ```
    /// let verifier = alexa_kit::server::Verifier::new();
    /// # drop(verifier);
    /// ```
    pub fn new() -> Self {
        Verifier {
            roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
            fetcher: Arc::new(HttpsFetcher),
            cache: Mutex::new(VecDeque::with_capacity(CACHE_ENTRIES)),
        }
    }

    /// Fetches chains with `fetcher` instead (the test seam).
    ///
    /// ```
    /// # use alexa_kit::server::{CertFetcher, FetchFuture, Verifier};
    /// # struct Never;
    /// # impl CertFetcher for Never {
    /// #     fn fetch<'a>(&'a self, _: &'a str) -> FetchFuture<'a> { Box::pin(async { Ok(Vec::new()) }) }
    /// # }
    /// let verifier = Verifier::new().with_fetcher(std::sync::Arc::new(Never));
    /// # drop(verifier);
    /// ```
    #[must_use]
    pub fn with_fetcher(mut self, fetcher: Arc<dyn CertFetcher>) -> Self {
        self.fetcher = fetcher;
        self
    }

    /// Trusts these roots (DER) instead of Mozilla's: for tests with a
    /// generated CA.
    ///
    /// ```
    /// // No roots at all: nothing can verify.
    /// let verifier = alexa_kit::server::Verifier::new().with_roots(&[])?;
    /// # drop(verifier);
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn with_roots(mut self, roots: &[CertificateDer<'_>]) -> Result<Self> {
        self.roots = roots
            .iter()
            .map(|der| {
                webpki::anchor_from_trusted_cert(der)
                    .map(|anchor| anchor.to_owned())
                    .map_err(|e| {
                        Error::new(ErrorKind::Config, "not a usable root certificate")
                            .with_source(e)
                    })
            })
            .collect::<Result<_>>()?;
        Ok(self)
    }

    /// Rule 1: the normalised certificate URL, or why it is refused.
    ///
    /// ```
    /// let v = alexa_kit::server::Verifier::new();
    /// assert_eq!(
    ///     v.check_cert_url("HTTPS://S3.Amazonaws.com:443/echo.api/../echo.api/cert.pem")?,
    ///     "https://s3.amazonaws.com/echo.api/cert.pem"
    /// );
    /// assert!(v.check_cert_url("https://s3.amazonaws.com/echo.api/../other/cert.pem").is_err());
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn check_cert_url(&self, url: &str) -> Result<String> {
        normalize_cert_url(url).map_err(|why| refuse(format!("certificate URL {why}")))
    }

    /// Verifies one request: its headers' `SignatureCertChainUrl` and
    /// `Signature-256`, the raw `body`, and its timestamp against `now`.
    /// Fails with [`ErrorKind::Verification`] and a short reason.
    ///
    /// ```no_run
    /// # async fn demo(headers: http::HeaderMap, body: &[u8]) -> alexa_kit::Result<()> {
    /// let verifier = alexa_kit::server::Verifier::new();
    /// verifier.verify(&headers, body, std::time::SystemTime::now()).await?;
    /// # Ok(()) }
    /// ```
    pub async fn verify(
        &self,
        headers: &http::HeaderMap,
        body: &[u8],
        now: SystemTime,
    ) -> Result<()> {
        let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
        let url = header("signaturecertchainurl")
            .ok_or_else(|| refuse("no SignatureCertChainUrl header".into()))?;
        let Some(signature) = header("signature-256") else {
            return Err(refuse(if headers.contains_key("signature") {
                "only a SHA-1 Signature header; Signature-256 is required".into()
            } else {
                "no Signature-256 header".into()
            }));
        };
        let signature = base64::engine::general_purpose::STANDARD
            .decode(signature.trim())
            .map_err(|_| refuse("Signature-256 is not base64".into()))?;
        let url = self.check_cert_url(url)?;
        let chain = self.chain(&url, now).await?;
        let leaf = EndEntityCert::try_from(&chain[0])
            .map_err(|e| refuse("unreadable signing certificate".into()).with_source(e))?;
        leaf.verify_signature(webpki::ring::RSA_PKCS1_2048_8192_SHA256, body, &signature)
            .map_err(|e| refuse("Signature-256 does not match the body".into()).with_source(e))?;
        check_timestamp(body, now)
    }

    /// A chain for `url` valid at `now`: from the cache when its entry is
    /// still valid, else fetched (once) and validated.
    async fn chain(&self, url: &str, now: SystemTime) -> Result<Arc<[CertificateDer<'static>]>> {
        let now = unix(now);
        let cached = self
            .cache()
            .iter()
            .find(|c| c.url == url)
            .map(|c| (c.chain.clone(), c.valid));
        if let Some((chain, span)) = cached {
            let valid = match span {
                Some((from, until)) => (from..=until).contains(&now.as_secs()),
                None => self.check(&chain, now).is_ok(),
            };
            if valid {
                return Ok(chain);
            }
            self.cache().retain(|c| c.url != url);
        }
        let pem = self.fetcher.fetch(url).await.map_err(|e| {
            refuse("cannot fetch the signing certificate chain".into()).with_source(e)
        })?;
        if pem.len() > MAX_CHAIN_BYTES {
            return Err(refuse("certificate chain too large".into()));
        }
        let chain: Arc<[CertificateDer<'static>]> = CertificateDer::pem_slice_iter(&pem)
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| refuse("certificate chain is not PEM".into()).with_source(e))?
            .into();
        self.check(&chain, now).map_err(|e| {
            let reason = match e {
                webpki::Error::CertNotValidForName(_) => {
                    format!("signing certificate is not for {ALEXA_CERT_NAME}")
                }
                _ if chain.is_empty() => "certificate chain is empty".to_owned(),
                webpki::Error::CertExpired { .. } => "signing certificate has expired".to_owned(),
                webpki::Error::CertNotValidYet { .. } => {
                    "signing certificate is not valid yet".to_owned()
                }
                webpki::Error::UnknownIssuer => {
                    "signing certificate does not lead to a trusted root".to_owned()
                }
                _ => format!("signing certificate not accepted ({e})"),
            };
            refuse(reason).with_source(e)
        })?;
        let entry = Cached {
            url: url.to_owned(),
            valid: self.valid_span(&chain),
            chain: chain.clone(),
        };
        let mut cache = self.cache();
        cache.retain(|c| c.url != url);
        if cache.len() == CACHE_ENTRIES {
            cache.pop_front();
        }
        cache.push_back(entry);
        Ok(chain)
    }

    /// Rule 2: the chain leads to a trusted root, every certificate in the
    /// path is valid at `time`, and the leaf is `echo-api.amazon.com`.
    fn check(
        &self,
        chain: &[CertificateDer<'static>],
        time: UnixTime,
    ) -> std::result::Result<(), webpki::Error> {
        let leaf = EndEntityCert::try_from(chain.first().ok_or(webpki::Error::BadDer)?)?;
        leaf.verify_for_usage(
            CHAIN_ALGS,
            &self.roots,
            &chain[1..],
            time,
            KeyUsage::server_auth(),
            None,
            None,
        )?;
        let name = ServerName::try_from(ALEXA_CERT_NAME).map_err(|_| webpki::Error::BadDer)?;
        leaf.verify_is_valid_for_subject_name(&name)
    }

    /// The span of time in which a chain that validates now keeps
    /// validating, from webpki's own answers: checked at the end of time it
    /// names the `notAfter` that fails first; checked there, the next one;
    /// until it validates (likewise for `notBefore`). Each later use of the
    /// cached chain then only compares the time; `None` (no answer in a few
    /// steps) means a full check on every use.
    fn valid_span(&self, chain: &[CertificateDer<'static>]) -> Option<(u64, u64)> {
        let bound = |mut probe: UnixTime| {
            for _ in 0..8 {
                match self.check(chain, probe) {
                    Ok(()) => return Some(probe.as_secs()),
                    Err(webpki::Error::CertExpired { not_after, .. }) => probe = not_after,
                    Err(webpki::Error::CertNotValidYet { not_before, .. }) => probe = not_before,
                    Err(_) => return None,
                }
            }
            None
        };
        // 9999-12-31T23:59:59Z, the last time a certificate can name.
        let until = bound(UnixTime::since_unix_epoch(Duration::from_secs(
            253_402_300_799,
        )))?;
        let from = bound(UnixTime::since_unix_epoch(Duration::ZERO))?;
        Some((from, until))
    }

    fn cache(&self) -> std::sync::MutexGuard<'_, VecDeque<Cached>> {
        // The lock is only held for a lookup or an insert: a poisoned lock
        // still holds a consistent queue.
        self.cache
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

fn unix(time: SystemTime) -> UnixTime {
    UnixTime::since_unix_epoch(
        time.duration_since(SystemTime::UNIX_EPOCH)
            .unwrap_or_default(),
    )
}

fn refuse(reason: String) -> Error {
    Error::new(ErrorKind::Verification, reason)
}

/// Normalises an Alexa certificate URL and checks scheme, host, port and
/// path prefix; returns the URL to fetch.
fn normalize_cert_url(url: &str) -> std::result::Result<String, &'static str> {
    let (scheme, rest) = url.split_once("://").ok_or("is not absolute")?;
    if !scheme.eq_ignore_ascii_case("https") {
        return Err("must use https");
    }
    let path_start = rest.find('/').ok_or("has no path")?;
    let (authority, path) = rest.split_at(path_start);
    if path.contains(['?', '#']) {
        return Err("must not have a query or fragment");
    }
    if authority.contains(['@', '[', '%', '\\']) {
        return Err("has an unexpected authority");
    }
    let host = match authority.split_once(':') {
        Some((host, port)) => {
            if port != "443" {
                return Err("must use port 443");
            }
            host
        }
        None => authority,
    };
    if !host.eq_ignore_ascii_case("s3.amazonaws.com") {
        return Err("must be on s3.amazonaws.com");
    }
    let path = remove_dot_segments(&percent_decode(path)?);
    if !path.starts_with("/echo.api/") {
        return Err("must be under /echo.api/");
    }
    Ok(format!("https://s3.amazonaws.com{path}"))
}

/// Decodes `%XX`; the result may hold only characters a certificate file
/// name needs, so that it can be fetched again without escaping.
fn percent_decode(path: &str) -> std::result::Result<String, &'static str> {
    let bytes = path.as_bytes();
    let mut out = String::with_capacity(path.len());
    let mut i = 0;
    while i < bytes.len() {
        let byte = if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3).ok_or("has a broken %-escape")?;
            let hex = std::str::from_utf8(hex).map_err(|_| "has a broken %-escape")?;
            i += 3;
            u8::from_str_radix(hex, 16).map_err(|_| "has a broken %-escape")?
        } else {
            i += 1;
            bytes[i - 1]
        };
        if !(byte.is_ascii_alphanumeric() || b"/._-~".contains(&byte)) {
            return Err("has unexpected characters");
        }
        out.push(char::from(byte));
    }
    Ok(out)
}

/// RFC 3986 §5.2.4, over a path starting with `/`.
fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *segment {
            "." => {
                if last {
                    out.push("");
                }
            }
            ".." => {
                out.pop();
                if last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let mut normalised = String::with_capacity(path.len());
    for segment in out {
        normalised.push('/');
        normalised.push_str(segment);
    }
    if normalised.is_empty() {
        normalised.push('/');
    }
    normalised
}

/// Rule 4: `request.timestamp` within the tolerance of `now`.
fn check_timestamp(body: &[u8], now: SystemTime) -> Result<()> {
    #[derive(serde::Deserialize)]
    struct Envelope {
        request: Request,
    }
    #[derive(serde::Deserialize)]
    struct Request {
        #[serde(rename = "type", default)]
        kind: String,
        timestamp: crate::model::Timestamp,
    }
    let envelope: Envelope = serde_json::from_slice(body)
        .map_err(|e| refuse("no readable request.timestamp".into()).with_source(e))?;
    let sent_ms = match &envelope.request.timestamp {
        crate::model::Timestamp::EpochMillis(ms) => Some(*ms),
        crate::model::Timestamp::Iso(iso) => iso8601_millis(iso),
    }
    .ok_or_else(|| refuse("request.timestamp is not a date".into()))?;
    let now_ms = match now.duration_since(SystemTime::UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_millis()).unwrap_or(i64::MAX),
        Err(e) => -i64::try_from(e.duration().as_millis()).unwrap_or(i64::MAX),
    };
    let tolerance = if envelope.request.kind.starts_with("AlexaSkillEvent.") {
        SKILL_EVENT_TOLERANCE
    } else {
        TIMESTAMP_TOLERANCE
    };
    let off = now_ms.saturating_sub(sent_ms).unsigned_abs();
    if u128::from(off) > tolerance.as_millis() {
        return Err(refuse(format!(
            "request.timestamp is {}s {} (at most {}s allowed)",
            off / 1000,
            if sent_ms > now_ms {
                "in the future"
            } else {
                "old"
            },
            tolerance.as_secs()
        )));
    }
    Ok(())
}

/// `YYYY-MM-DDTHH:MM:SS[.fff][Z|±HH:MM]` as milliseconds since the epoch.
fn iso8601_millis(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    let num = |range: std::ops::Range<usize>| -> Option<i64> {
        let digits = b.get(range)?;
        digits.iter().try_fold(0i64, |acc, d| {
            d.is_ascii_digit().then(|| acc * 10 + i64::from(d - b'0'))
        })
    };
    if b.len() < 19 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let mut i = 19;
    let mut millis = 0;
    if b.get(i) == Some(&b'.') {
        let start = i + 1;
        i = start;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        let frac = &s[start..i];
        if frac.is_empty() {
            return None;
        }
        millis = format!("{frac:0<3}")[..3].parse().ok()?;
    }
    let offset_min = match &s[i..] {
        "Z" | "z" => 0,
        tz if tz.len() == 6 && matches!(b[i], b'+' | b'-') && b[i + 3] == b':' => {
            let minutes = num(i + 1..i + 3)? * 60 + num(i + 4..i + 6)?;
            if b[i] == b'-' { -minutes } else { minutes }
        }
        _ => return None,
    };
    let days = crate::slots::days_from_civil(year as i32, month as u32, day as u32);
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset_min * 60;
    Some(seconds * 1000 + millis)
}

/// Fetches certificate chains with the framework's HTTPS client
/// ([`crate::https::Client::shared`]: keep-alive, a deadline, retries).
///
/// ```
/// use alexa_kit::server::{CertFetcher, HttpsFetcher};
/// let fetcher: &dyn CertFetcher = &HttpsFetcher;
/// # let _ = fetcher;
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct HttpsFetcher;

impl CertFetcher for HttpsFetcher {
    fn fetch<'a>(&'a self, url: &'a str) -> FetchFuture<'a> {
        Box::pin(async move {
            let request = crate::https::Request::get(url)
                .max_body(MAX_CHAIN_BYTES)
                .timeout(FETCH_TIMEOUT);
            let response = crate::https::Client::shared()
                .request(request)
                .await?
                .error_for_status()?;
            Ok(response.body)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_and_checks_cert_urls() {
        let ok = [
            (
                "https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
                "/echo.api/echo-api-cert.pem",
            ),
            (
                "HTTPS://s3.amazonaws.com/echo.api/echo-api-cert.pem",
                "/echo.api/echo-api-cert.pem",
            ),
            (
                "https://S3.AMAZONAWS.COM/echo.api/echo-api-cert.pem",
                "/echo.api/echo-api-cert.pem",
            ),
            (
                "https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem",
                "/echo.api/echo-api-cert.pem",
            ),
            (
                "https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert.pem",
                "/echo.api/echo-api-cert.pem",
            ),
            (
                "https://s3.amazonaws.com/echo.api/./x/../c.pem",
                "/echo.api/c.pem",
            ),
            (
                "https://s3.amazonaws.com/%65cho.api/c.pem",
                "/echo.api/c.pem",
            ),
            (
                "https://s3.amazonaws.com/echo.api/../../echo.api/c.pem",
                "/echo.api/c.pem",
            ),
        ];
        for (url, path) in ok {
            assert_eq!(
                normalize_cert_url(url),
                Ok(format!("https://s3.amazonaws.com{path}")),
                "{url}"
            );
        }
        let bad = [
            (
                "http://s3.amazonaws.com/echo.api/echo-api-cert.pem",
                "must use https",
            ),
            (
                "https://notamazon.com/echo.api/echo-api-cert.pem",
                "must be on s3.amazonaws.com",
            ),
            (
                "https://s3.amazonaws.com.evil.com/echo.api/c.pem",
                "must be on s3.amazonaws.com",
            ),
            (
                "https://s3.amazonaws.com@evil.com/echo.api/c.pem",
                "has an unexpected authority",
            ),
            (
                "https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem",
                "must be under /echo.api/",
            ),
            (
                "https://s3.amazonaws.com/invalid.path/echo-api-cert.pem",
                "must be under /echo.api/",
            ),
            (
                "https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem",
                "must use port 443",
            ),
            (
                "https://s3.amazonaws.com:/echo.api/echo-api-cert.pem",
                "must use port 443",
            ),
            (
                "https://s3.amazonaws.com/echo.api/../other-bucket/c.pem",
                "must be under /echo.api/",
            ),
            (
                "https://s3.amazonaws.com/echo.api/%2e%2e/other/c.pem",
                "must be under /echo.api/",
            ),
            (
                "https://s3.amazonaws.com/echo.api/%2E%2E/secret/c.pem",
                "must be under /echo.api/",
            ),
            (
                "https://s3.amazonaws.com/echo.api",
                "must be under /echo.api/",
            ),
            (
                "https://s3.amazonaws.com/echo.api/c.pem?x=1",
                "must not have a query or fragment",
            ),
            (
                "https://s3.amazonaws.com/echo.api/c%20d.pem",
                "has unexpected characters",
            ),
            (
                "https://s3.amazonaws.com/echo.api/c%2.pem",
                "has a broken %-escape",
            ),
            ("s3.amazonaws.com/echo.api/c.pem", "is not absolute"),
            ("https://s3.amazonaws.com", "has no path"),
        ];
        for (url, why) in bad {
            assert_eq!(normalize_cert_url(url), Err(why), "{url}");
        }
    }

    #[test]
    fn reads_iso_timestamps() {
        assert_eq!(iso8601_millis("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            iso8601_millis("2019-07-15T22:44:23Z"),
            Some(1_563_230_663_000)
        );
        assert_eq!(
            iso8601_millis("2019-07-15T22:44:23.5Z"),
            Some(1_563_230_663_500)
        );
        assert_eq!(
            iso8601_millis("2019-07-16T00:44:23+02:00"),
            Some(1_563_230_663_000)
        );
        assert_eq!(
            iso8601_millis("2024-02-29T12:00:00Z"),
            Some(1_709_208_000_000)
        );
        for bad in [
            "",
            "2019-07-15",
            "2019-13-15T22:44:23Z",
            "2019-07-15T22:44:23",
            "2019-07-15T22:44:23Zjunk",
        ] {
            assert_eq!(iso8601_millis(bad), None, "{bad}");
        }
    }
}
