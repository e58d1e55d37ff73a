//! The rustls configuration: built once, on the first `https` call.

use std::sync::Arc;

use rustls::RootCertStore;
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;

use crate::{Error, ErrorKind, Result};

/// Mozilla's roots (compiled in) plus the certificates of `SSL_CERT_FILE`,
/// over the `ring` provider, TLS 1.2 and 1.3, ALPN `http/1.1`.
pub(super) fn config() -> Result<Arc<rustls::ClientConfig>> {
    let mut roots = RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    if let Some(path) = std::env::var_os("SSL_CERT_FILE").filter(|p| !p.is_empty()) {
        add_pem_file(&mut roots, std::path::Path::new(&path))?;
    }
    let mut config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| Error::new(ErrorKind::Config, "TLS set-up failed").with_source(e))?
    .with_root_certificates(roots)
    .with_no_client_auth();
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

/// Adds every certificate of a PEM file; a file that cannot be read, or that
/// holds no usable certificate, is a configuration error.
fn add_pem_file(roots: &mut RootCertStore, path: &std::path::Path) -> Result<()> {
    let bad = |why: &str| {
        Error::new(
            ErrorKind::Config,
            format!("SSL_CERT_FILE={}: {why}", path.display()),
        )
    };
    let certs = CertificateDer::pem_file_iter(path)
        .map_err(|e| bad("cannot read it").with_source(e))?
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| bad("not a PEM file").with_source(e))?;
    let (added, _ignored) = roots.add_parsable_certificates(certs);
    if added == 0 {
        return Err(bad("holds no usable certificate"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unreadable_or_empty_cert_file_is_a_config_error() {
        let mut roots = RootCertStore::empty();
        let missing = std::path::Path::new("/nonexistent/alexa-kit/ca.pem");
        let err = add_pem_file(&mut roots, missing).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Config);
        assert!(
            err.to_string()
                .starts_with("SSL_CERT_FILE=/nonexistent/alexa-kit/ca.pem: cannot read it")
        );
        let empty =
            std::env::temp_dir().join(format!("alexa-kit-empty-{}.pem", std::process::id()));
        std::fs::write(&empty, "no certificates here\n").unwrap();
        let err = add_pem_file(&mut roots, &empty).unwrap_err();
        assert!(
            err.to_string().ends_with("holds no usable certificate"),
            "{err}"
        );
        let _ = std::fs::remove_file(&empty);
    }
}
