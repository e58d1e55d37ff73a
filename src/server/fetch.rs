//! A one-shot HTTPS GET for certificate chains.
//!
//! Stand-in until the framework's shared HTTPS client (`src/https`, feature
//! `https`) lands: the same stack (hyper's HTTP/1.1 client over tokio-rustls
//! with *ring* and Mozilla's roots), one connection per fetch. Chains are
//! fetched once and cached, so connection reuse does not matter here.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use http_body_util::{BodyExt, Empty, Limited};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;

use crate::{Error, ErrorKind, Result};

const FETCH_TIMEOUT: Duration = Duration::from_secs(5);

fn connector() -> Result<tokio_rustls::TlsConnector> {
    static CONFIG: OnceLock<Arc<rustls::ClientConfig>> = OnceLock::new();
    if let Some(config) = CONFIG.get() {
        return Ok(tokio_rustls::TlsConnector::from(config.clone()));
    }
    let roots = rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| Error::new(ErrorKind::Config, "TLS client setup failed").with_source(e))?
    .with_root_certificates(roots)
    .with_no_client_auth();
    Ok(tokio_rustls::TlsConnector::from(
        CONFIG.get_or_init(|| Arc::new(config)).clone(),
    ))
}

/// GETs `url` (`https://host/path`, already checked) and returns its body,
/// at most `max` bytes.
pub(super) async fn get(url: &str, max: usize) -> Result<Vec<u8>> {
    let fail = |what: &str| Error::new(ErrorKind::Service, format!("{what}: {url}"));
    let rest = url
        .strip_prefix("https://")
        .ok_or_else(|| fail("not an https URL"))?;
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let fetch = async {
        let tcp = tokio::net::TcpStream::connect((host, 443)).await?;
        let name = rustls_pki_types::ServerName::try_from(host.to_owned())
            .map_err(|e| fail("bad host name").with_source(e))?;
        let tls = connector()?.connect(name, tcp).await?;
        let (mut sender, connection) =
            hyper::client::conn::http1::handshake(TokioIo::new(tls)).await?;
        let request = http::Request::get(if path.is_empty() { "/" } else { path })
            .header(http::header::HOST, host)
            .body(Empty::<Bytes>::new())?;
        let exchange = async {
            let response = sender.send_request(request).await?;
            if !response.status().is_success() {
                return Err(fail(&format!("HTTP {}", response.status())));
            }
            let body = Limited::new(response.into_body(), max)
                .collect()
                .await
                .map_err(|e| fail("unreadable body").with_source(e))?;
            Ok(body.to_bytes().to_vec())
        };
        // The connection is driven beside the exchange (no spawned task, so
        // this works outside a LocalSet too).
        tokio::pin!(exchange, connection);
        tokio::select! {
            biased;
            result = &mut exchange => result,
            _ = &mut connection => exchange.await,
        }
    };
    tokio::time::timeout(FETCH_TIMEOUT, fetch)
        .await
        .map_err(|_| Error::new(ErrorKind::Timeout, format!("fetching {url} timed out")))?
}
