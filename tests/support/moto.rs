//! `moto_server` (PyPI `moto[server]`, installed into `.venv` by
//! `scripts/install-test-tools.sh`, which `make test` runs): the real DynamoDB
//! API on a free loopback port, for the tests that need one.
#![allow(dead_code)]

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A `moto_server` process on a free loopback port, killed on drop.
pub struct Moto {
    child: Child,
    /// `http://127.0.0.1:<port>`.
    pub endpoint: String,
}

impl Moto {
    /// Starts one, with `extra_env` for moto itself.
    pub fn start(extra_env: &[(&str, &str)]) -> Moto {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let bin = root.join(".venv/bin/moto_server");
        assert!(
            bin.exists(),
            "{} is missing: run `make test-tools` (scripts/install-test-tools.sh)",
            bin.display()
        );
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let mut command = Command::new(bin);
        command
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        for (k, v) in extra_env {
            command.env(k, v);
        }
        let child = command.spawn().expect("spawn moto_server");
        let moto = Moto {
            child,
            endpoint: format!("http://127.0.0.1:{port}"),
        };
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        let started = Instant::now();
        while TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "moto_server did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        moto
    }

    /// Creates `table` with the documented command's script.
    pub fn create_table(&self, table: &str, key: &str) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let status = Command::new(root.join(".venv/bin/python"))
            .arg(root.join("scripts/dynamodb_table.py"))
            .args([
                table,
                "--endpoint",
                &self.endpoint,
                "--region",
                "eu-west-1",
                "--key",
                key,
            ])
            .stdout(Stdio::null())
            .status()
            .expect("run scripts/dynamodb_table.py");
        assert!(status.success(), "creating table {table} failed");
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
