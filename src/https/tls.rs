//! The rustls configuration: built once, on the first `https` call.
//!
//! Trust comes from the platform: the first CA bundle found at the usual
//! places (Amazon Linux 2023, the Lambda image, has
//! `/etc/pki/tls/certs/ca-bundle.crt`; Debian and Ubuntu
//! `/etc/ssl/certs/ca-certificates.crt`), plus every certificate in the PEM
//! file named by `SSL_CERT_FILE`. Reading the bundle on first use instead of
//! compiling Mozilla's roots in (webpki-roots) keeps ~50 KB out of every zip
//! and costs about a millisecond once per process (figures in README.md).

use std::path::Path;
use std::sync::Arc;

use rustls::RootCertStore;
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;

use crate::{Error, ErrorKind, Result};

/// Where Linux distributions keep their CA bundle (the paths Go's
/// `crypto/x509` and `openssl-probe` look at).
pub(super) const PLATFORM_BUNDLES: [&str; 5] = [
    "/etc/pki/tls/certs/ca-bundle.crt",   // Amazon Linux, Fedora, RHEL
    "/etc/ssl/certs/ca-certificates.crt", // Debian, Ubuntu, Alpine
    "/etc/ssl/ca-bundle.pem",             // openSUSE
    "/etc/pki/tls/cacert.pem",            // OpenELEC
    "/etc/ssl/cert.pem",                  // Alpine, macOS
];

/// The platform's roots plus those of `SSL_CERT_FILE`, over the `ring`
/// provider, TLS 1.2 and 1.3, ALPN `http/1.1`.
pub(super) fn config() -> Result<Arc<rustls::ClientConfig>> {
    let mut roots = RootCertStore::empty();
    if let Some(bundle) = PLATFORM_BUNDLES.iter().map(Path::new).find(|p| p.is_file()) {
        add_pem_file(&mut roots, bundle, "the platform's CA bundle")?;
    }
    if let Some(path) = std::env::var_os("SSL_CERT_FILE").filter(|p| !p.is_empty()) {
        add_pem_file(&mut roots, Path::new(&path), "SSL_CERT_FILE")?;
    }
    if roots.is_empty() {
        return Err(Error::new(
            ErrorKind::Config,
            format!(
                "no root certificates: none of {} exists and SSL_CERT_FILE is not set",
                PLATFORM_BUNDLES.join(", ")
            ),
        ));
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
fn add_pem_file(roots: &mut RootCertStore, path: &Path, what: &str) -> Result<()> {
    let bad = |why: &str| {
        Error::new(
            ErrorKind::Config,
            format!("{what} {}: {why}", path.display()),
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
        let missing = Path::new("/nonexistent/alexa-kit/ca.pem");
        let err = add_pem_file(&mut roots, missing, "SSL_CERT_FILE").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Config);
        assert!(
            err.to_string()
                .starts_with("SSL_CERT_FILE /nonexistent/alexa-kit/ca.pem: cannot read it")
        );
        let empty =
            std::env::temp_dir().join(format!("alexa-kit-empty-{}.pem", std::process::id()));
        std::fs::write(&empty, "no certificates here\n").unwrap();
        let err = add_pem_file(&mut roots, &empty, "SSL_CERT_FILE").unwrap_err();
        assert!(
            err.to_string().ends_with("holds no usable certificate"),
            "{err}"
        );
        let _ = std::fs::remove_file(&empty);
    }

    #[test]
    fn the_platform_bundle_is_found_and_parsed() {
        // The build machines (Debian) and Lambda (Amazon Linux) have one.
        let bundle = PLATFORM_BUNDLES.iter().map(Path::new).find(|p| p.is_file());
        let bundle = bundle.expect("a CA bundle at one of the platform paths");
        let mut roots = RootCertStore::empty();
        add_pem_file(&mut roots, bundle, "bundle").unwrap();
        assert!(roots.len() > 50, "{} roots", roots.len());
    }
}
