//! Alexa's side of request verification, for the server tests and bench: a
//! generated PKI (root → intermediate → leaf with the fixture RSA key), a
//! certificate fetcher serving it (the verifier's test seam), and request
//! bodies signed as Alexa signs them.

#![allow(dead_code)]

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use alexa_kit::ErrorKind;
use alexa_kit::server::{CertFetcher, FetchFuture, Verifier};
use base64::Engine as _;
use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DnType, ExtendedKeyUsagePurpose, IsCa,
    KeyPair, KeyUsagePurpose,
};

pub const CERT_URL: &str = "https://s3.amazonaws.com/echo.api/echo-api-cert-test.pem";
const SIGNING_KEY: &str = include_str!("../fixtures/server/signing-key.pem");

pub struct Ca {
    pub root: CertifiedIssuer<'static, KeyPair>,
    pub intermediate: CertifiedIssuer<'static, KeyPair>,
}

fn ca_params(name: &str) -> CertificateParams {
    let mut params = CertificateParams::new(Vec::<String>::new()).expect("params");
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.distinguished_name.push(DnType::CommonName, name);
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    params
}

impl Ca {
    pub fn new(name: &str) -> Ca {
        Ca::with_intermediate_until(name, 4096)
    }

    /// A CA whose intermediate expires at the start of `year`.
    pub fn with_intermediate_until(name: &str, year: i32) -> Ca {
        let root = CertifiedIssuer::self_signed(
            ca_params(&format!("{name} Root")),
            KeyPair::generate().expect("key"),
        )
        .expect("root");
        let mut params = ca_params(&format!("{name} Intermediate"));
        params.not_after = rcgen::date_time_ymd(year, 1, 1);
        let intermediate =
            CertifiedIssuer::signed_by(params, KeyPair::generate().expect("key"), &root)
                .expect("intermediate");
        Ca { root, intermediate }
    }

    /// The PEM chain (leaf, intermediate) for `names`, valid from `from` to `to` (years).
    pub fn chain(&self, names: &[&str], from: i32, to: i32) -> Vec<u8> {
        let mut params =
            CertificateParams::new(names.iter().map(|n| n.to_string()).collect::<Vec<_>>())
                .expect("params");
        params.not_before = rcgen::date_time_ymd(from, 1, 1);
        params.not_after = rcgen::date_time_ymd(to, 1, 1);
        params.extended_key_usages = vec![
            ExtendedKeyUsagePurpose::ServerAuth,
            ExtendedKeyUsagePurpose::ClientAuth,
        ];
        let key = KeyPair::from_pkcs8_pem_and_sign_algo(SIGNING_KEY, &rcgen::PKCS_RSA_SHA256)
            .expect("fixture key");
        let leaf = params.signed_by(&key, &self.intermediate).expect("leaf");
        format!("{}{}", leaf.pem(), self.intermediate.pem()).into_bytes()
    }

    pub fn verifier(&self, fetcher: Arc<Fetcher>) -> Verifier {
        Verifier::new()
            .with_roots(&[self.root.der().clone()])
            .expect("root")
            .with_fetcher(fetcher)
    }
}

/// The test seam: serves chains from memory and counts fetches.
#[derive(Default)]
pub struct Fetcher {
    chains: Mutex<HashMap<String, Vec<u8>>>,
    fetches: AtomicUsize,
}

impl Fetcher {
    pub fn with(url: &str, pem: Vec<u8>) -> Arc<Fetcher> {
        let fetcher = Fetcher::default();
        fetcher.set(url, pem);
        Arc::new(fetcher)
    }

    pub fn set(&self, url: &str, pem: Vec<u8>) {
        self.chains.lock().unwrap().insert(url.to_owned(), pem);
    }

    pub fn count(&self) -> usize {
        self.fetches.load(Ordering::SeqCst)
    }
}

impl CertFetcher for Fetcher {
    fn fetch<'a>(&'a self, url: &'a str) -> FetchFuture<'a> {
        self.fetches.fetch_add(1, Ordering::SeqCst);
        let found = self.chains.lock().unwrap().get(url).cloned();
        Box::pin(async move {
            found.ok_or_else(|| alexa_kit::Error::new(ErrorKind::Service, format!("404 {url}")))
        })
    }
}

pub fn sign(body: &[u8]) -> String {
    let der = rustls_pem_der(SIGNING_KEY);
    let key = ring::signature::RsaKeyPair::from_pkcs8(&der).expect("pkcs8");
    let mut signature = vec![0; key.public().modulus_len()];
    key.sign(
        &ring::signature::RSA_PKCS1_SHA256,
        &ring::rand::SystemRandom::new(),
        body,
        &mut signature,
    )
    .expect("sign");
    base64::engine::general_purpose::STANDARD.encode(signature)
}

fn rustls_pem_der(pem: &str) -> Vec<u8> {
    let b64: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    base64::engine::general_purpose::STANDARD
        .decode(b64)
        .expect("pem")
}

/// 2030-06-01T00:00:00Z, inside the test certificates' 2030..2031 validity.
pub fn june_2030() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_906_502_400)
}

pub fn iso(time: SystemTime) -> String {
    let secs = time
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let day = alexa_kit::slots::Day::from_days_since_epoch(days);
    format!(
        "{day}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

pub fn launch_body(timestamp: &str) -> Vec<u8> {
    format!(
        r#"{{"version":"1.0","session":{{"new":true,"sessionId":"s1","application":{{"applicationId":"amzn1.ask.skill.test"}},"user":{{"userId":"u1"}}}},"request":{{"type":"LaunchRequest","requestId":"r1","timestamp":"{timestamp}","locale":"en-US"}}}}"#
    )
    .into_bytes()
}
