//! A scripted HTTPS server on loopback with certificates from a generated CA,
//! for the tests of the outbound client (`https`) and of the Alexa service
//! clients. The CA is written to a PEM file that `SSL_CERT_FILE` names, so the
//! client under test trusts it exactly as a deployed skill trusts a corporate
//! CA.

#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, DnType, IsCa, KeyPair};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio_rustls::rustls::{self, ServerConfig};

/// A certificate authority of the tests.
pub struct Ca {
    issuer: CertifiedIssuer<'static, KeyPair>,
}

impl Ca {
    pub fn new(name: &str) -> Ca {
        let mut params = CertificateParams::new(Vec::<String>::new()).expect("CA params");
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.distinguished_name.push(DnType::CommonName, name);
        let key = KeyPair::generate().expect("CA key");
        Ca {
            issuer: CertifiedIssuer::self_signed(params, key).expect("CA certificate"),
        }
    }

    pub fn pem(&self) -> String {
        self.issuer.pem()
    }

    /// A server configuration whose certificate (for `names`) this CA signed.
    pub fn server_config(&self, names: &[&str]) -> Arc<ServerConfig> {
        let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        let params = CertificateParams::new(names).expect("leaf params");
        let key = KeyPair::generate().expect("leaf key");
        let leaf = params
            .signed_by(&key, &self.issuer)
            .expect("leaf certificate");
        let chain = vec![leaf.der().clone(), self.issuer.der().clone()];
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
        let config =
            ServerConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
                .with_safe_default_protocol_versions()
                .expect("protocol versions")
                .with_no_client_auth()
                .with_single_cert(chain, key)
                .expect("server certificate");
        Arc::new(config)
    }

    pub fn der(&self) -> CertificateDer<'static> {
        self.issuer.der().clone()
    }
}

/// The CA the client under test trusts through `SSL_CERT_FILE`; set up once
/// per test binary, before any client reads the variable.
pub fn trusted_ca() -> &'static Ca {
    static CA: OnceLock<Ca> = OnceLock::new();
    CA.get_or_init(|| {
        let ca = Ca::new("alexa-kit test CA");
        let dir = std::env::temp_dir().join(format!("alexa-kit-tls-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path: PathBuf = dir.join("ca.pem");
        std::fs::write(&path, ca.pem()).expect("write CA");
        // SAFETY: set once, inside this OnceLock, before any test of this binary
        // builds a TLS configuration (every test reaches the server through
        // `trusted_ca` first); nothing else in the test binary writes the environment.
        unsafe { std::env::set_var("SSL_CERT_FILE", &path) };
        let xray = std::net::UdpSocket::bind("127.0.0.1:0").expect("bind UDP");
        xray.set_read_timeout(Some(Duration::from_secs(5)))
            .expect("UDP timeout");
        // SAFETY: as above.
        unsafe {
            std::env::set_var(
                "AWS_XRAY_DAEMON_ADDRESS",
                xray.local_addr().expect("UDP addr").to_string(),
            )
        };
        XRAY.set(xray).expect("set once");
        ca
    })
}

static XRAY: OnceLock<std::net::UdpSocket> = OnceLock::new();

/// The UDP socket that `AWS_XRAY_DAEMON_ADDRESS` names: the tests' X-Ray daemon.
pub fn xray_daemon() -> &'static std::net::UdpSocket {
    trusted_ca();
    XRAY.get().expect("set by trusted_ca")
}

/// What the server saw of one request.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Which connection (1, 2, …) carried it.
    pub connection: usize,
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// How the server answers.
#[derive(Debug, Clone)]
pub enum Reply {
    /// A complete response (`Content-Length` set), connection kept.
    Full {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// Waits, then answers 200 `late`.
    Delay(Duration),
    /// Sends the head and half of a 10-byte body, then waits.
    SlowBody(Duration),
    /// Announces 10 bytes, sends 5 and closes the connection.
    Truncated,
    /// Announces `n` bytes of body.
    Huge(usize),
    /// Sends a body of `n` bytes in chunks, without a length.
    HugeChunked(usize),
}

impl Reply {
    pub fn status(status: u16, body: impl Into<Vec<u8>>) -> Reply {
        Reply::Full {
            status,
            headers: Vec::new(),
            body: body.into(),
        }
    }

    pub fn json(status: u16, body: &str) -> Reply {
        Reply::Full {
            status,
            headers: vec![("content-type".into(), "application/json".into())],
            body: body.as_bytes().to_vec(),
        }
    }
}

type Handler = dyn Fn(&Seen) -> Reply + Send + Sync;

/// A running server; stops with the test's runtime.
pub struct Server {
    pub addr: SocketAddr,
    pub connections: Arc<AtomicUsize>,
    pub seen: Arc<Mutex<Vec<Seen>>>,
}

impl Server {
    /// An HTTPS server on 127.0.0.1 with a certificate for `localhost` from
    /// the trusted CA.
    pub async fn start(handler: impl Fn(&Seen) -> Reply + Send + Sync + 'static) -> Server {
        Server::start_with(trusted_ca().server_config(&["localhost"]), handler).await
    }

    /// An HTTPS server with the given TLS configuration.
    pub async fn start_with(
        config: Arc<ServerConfig>,
        handler: impl Fn(&Seen) -> Reply + Send + Sync + 'static,
    ) -> Server {
        trusted_ca();
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let connections = Arc::new(AtomicUsize::new(0));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let acceptor = TlsAcceptor::from(config);
        let (c, s) = (connections.clone(), seen.clone());
        tokio::spawn(async move {
            while let Ok((tcp, _)) = listener.accept().await {
                // Without this, Nagle's algorithm holds the server's small TLS
                // records for the client's delayed ACK (40 ms on Linux).
                let _ = tcp.set_nodelay(true);
                let n = c.fetch_add(1, Ordering::SeqCst) + 1;
                let (acceptor, handler, seen) = (acceptor.clone(), handler.clone(), s.clone());
                tokio::spawn(async move {
                    if let Ok(tls) = acceptor.accept(tcp).await {
                        serve(tls, n, &*handler, &seen).await;
                    }
                });
            }
        });
        Server {
            addr,
            connections,
            seen,
        }
    }

    /// A plain HTTP server on 127.0.0.1.
    pub async fn start_plain(handler: impl Fn(&Seen) -> Reply + Send + Sync + 'static) -> Server {
        trusted_ca();
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let connections = Arc::new(AtomicUsize::new(0));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let (c, s) = (connections.clone(), seen.clone());
        tokio::spawn(async move {
            while let Ok((tcp, _)) = listener.accept().await {
                let n = c.fetch_add(1, Ordering::SeqCst) + 1;
                let (handler, seen) = (handler.clone(), s.clone());
                tokio::spawn(async move { serve(tcp, n, &*handler, &seen).await });
            }
        });
        Server {
            addr,
            connections,
            seen,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("https://localhost:{}{path}", self.addr.port())
    }

    /// The same server reached by its IP address (`https://127.0.0.1:port`).
    pub fn ip_url(&self, path: &str) -> String {
        format!("https://127.0.0.1:{}{path}", self.addr.port())
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }
}

async fn serve<S>(stream: S, connection: usize, handler: &Handler, seen: &Mutex<Vec<Seen>>)
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
{
    let mut stream = BufReader::new(stream);
    loop {
        let mut line = String::new();
        if stream.read_line(&mut line).await.unwrap_or(0) == 0 {
            return;
        }
        let mut parts = line.split_whitespace();
        let (method, path) = (
            parts.next().unwrap_or_default().to_owned(),
            parts.next().unwrap_or_default().to_owned(),
        );
        let mut headers = Vec::new();
        loop {
            let mut h = String::new();
            if stream.read_line(&mut h).await.unwrap_or(0) == 0 {
                return;
            }
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            if let Some((n, v)) = h.split_once(':') {
                headers.push((n.trim().to_ascii_lowercase(), v.trim().to_owned()));
            }
        }
        let length = headers
            .iter()
            .find(|(n, _)| n == "content-length")
            .and_then(|(_, v)| v.parse::<usize>().ok())
            .unwrap_or(0);
        let mut body = vec![0; length];
        if stream.read_exact(&mut body).await.is_err() {
            return;
        }
        let request = Seen {
            method,
            path,
            headers,
            body,
            connection,
        };
        seen.lock().unwrap().push(request.clone());
        let out = stream.get_mut();
        let head =
            |status: u16, extra: &str| format!("HTTP/1.1 {status} X\r\n{extra}\r\n").into_bytes();
        let ok = match handler(&request) {
            Reply::Full {
                status,
                headers,
                body,
            } => {
                let mut extra = format!("content-length: {}\r\n", body.len());
                for (n, v) in headers {
                    extra.push_str(&format!("{n}: {v}\r\n"));
                }
                let mut bytes = head(status, &extra);
                bytes.extend_from_slice(&body);
                out.write_all(&bytes).await.is_ok()
            }
            Reply::Delay(pause) => {
                tokio::time::sleep(pause).await;
                out.write_all(&head(200, "content-length: 4\r\n"))
                    .await
                    .is_ok()
                    && out.write_all(b"late").await.is_ok()
            }
            Reply::SlowBody(pause) => {
                let _ = out.write_all(&head(200, "content-length: 10\r\n")).await;
                let _ = out.write_all(b"12345").await;
                let _ = out.flush().await;
                tokio::time::sleep(pause).await;
                false
            }
            Reply::Truncated => {
                let _ = out.write_all(&head(200, "content-length: 10\r\n")).await;
                let _ = out.write_all(b"12345").await;
                let _ = out.shutdown().await;
                false
            }
            Reply::Huge(n) => {
                let _ = out
                    .write_all(&head(200, &format!("content-length: {n}\r\n")))
                    .await;
                let _ = out.write_all(&vec![b'x'; n.min(64 * 1024)]).await;
                false
            }
            Reply::HugeChunked(n) => {
                let _ = out
                    .write_all(&head(200, "transfer-encoding: chunked\r\n"))
                    .await;
                let chunk = vec![b'x'; 16 * 1024];
                let mut sent = 0;
                while sent < n {
                    let mut frame = format!("{:x}\r\n", chunk.len()).into_bytes();
                    frame.extend_from_slice(&chunk);
                    frame.extend_from_slice(b"\r\n");
                    if out.write_all(&frame).await.is_err() {
                        break;
                    }
                    sent += chunk.len();
                }
                let _ = out.write_all(b"0\r\n\r\n").await;
                true
            }
        };
        let _ = out.flush().await;
        if !ok {
            return;
        }
    }
}
