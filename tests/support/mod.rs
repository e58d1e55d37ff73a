//! Shared by the integration tests: start a real bootstrap binary against
//! the Runtime API emulator, and read what it posted.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use alexa_kit::lambda::emulator::{Emulator, Post, PostKind};
use serde_json::Value;

pub const WAIT: Duration = Duration::from_secs(10);

/// Runs `f` on a current-thread runtime with timers and I/O, as a skill runs.
pub fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(f)
}

/// The compiled example `name` (`cargo test` builds examples), unless
/// `ALEXA_KIT_BOOTSTRAP` names another binary to test (e.g. a packaged
/// `bootstrap`).
pub fn bootstrap_path(name: &str) -> PathBuf {
    if let Some(p) = std::env::var_os("ALEXA_KIT_BOOTSTRAP") {
        return PathBuf::from(p);
    }
    example_path(name)
}

/// `target/<profile>/examples/<name>`, next to the running test.
pub fn example_path(name: &str) -> PathBuf {
    // target/debug/deps/<test>-xxxx → target/debug/examples/<name>
    let exe = std::env::current_exe().expect("test executable path");
    let dir = exe.parent().and_then(|d| d.parent()).expect("target dir");
    dir.join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX))
}

/// Runs `command` to its end with `input` on its stdin and its output
/// captured, as a local command (`AWS_LAMBDA_RUNTIME_API` unset).
pub fn run_with_input(command: &mut Command, input: &[u8]) -> Output {
    let program = command.get_program().to_owned();
    let mut child = command
        .env_remove("AWS_LAMBDA_RUNTIME_API")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", program.display()));
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write stdin");
    child.wait_with_output().expect("the command finishes")
}

/// The stdout of a command that must have succeeded; `what`, its stdout and
/// its stderr say why when it did not.
pub fn success_stdout(out: &Output, what: &str) -> String {
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{what}: {}\n{stdout}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// A running bootstrap; killed on drop; its output collected for diagnostics.
pub struct Bootstrap {
    pub child: Child,
    output: Arc<Mutex<Vec<u8>>>,
}

impl Bootstrap {
    /// Starts the runtime probe (or `ALEXA_KIT_BOOTSTRAP`).
    pub fn spawn(runtime_api: &str, env: &[(&str, &str)]) -> Bootstrap {
        Self::spawn_path(&bootstrap_path("runtime_probe"), runtime_api, env)
    }

    /// Starts the binary at `path` against `runtime_api`, through
    /// `ALEXA_KIT_BOOTSTRAP_RUNNER` (e.g. `qemu-aarch64`) when that is set.
    pub fn spawn_path(
        path: &std::path::Path,
        runtime_api: &str,
        env: &[(&str, &str)],
    ) -> Bootstrap {
        let mut cmd = match std::env::var("ALEXA_KIT_BOOTSTRAP_RUNNER") {
            Ok(runner) if !runner.trim().is_empty() => {
                let mut c = Command::new(runner.trim());
                c.arg(path);
                c
            }
            _ => Command::new(path),
        };
        cmd.env("AWS_LAMBDA_RUNTIME_API", runtime_api)
            .env("AWS_LAMBDA_LOG_LEVEL", "DEBUG")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", path.display()));
        let output = Arc::new(Mutex::new(Vec::new()));
        for mut pipe in [
            Box::new(child.stdout.take().expect("stdout")) as Box<dyn Read + Send>,
            Box::new(child.stderr.take().expect("stderr")),
        ] {
            let out = Arc::clone(&output);
            thread::spawn(move || {
                let mut buf = [0; 4096];
                while let Ok(n) = pipe.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    out.lock().unwrap().extend_from_slice(&buf[..n]);
                }
            });
        }
        Bootstrap { child, output }
    }

    pub fn log(&self) -> String {
        String::from_utf8_lossy(&self.output.lock().unwrap()).into_owned()
    }

    /// The output once it holds every needle, or after [`WAIT`]: the pipes
    /// are read by other threads, a little after the posts arrive.
    pub fn log_with(&self, needles: &[&str]) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let log = self.log();
            if needles.iter().all(|n| log.contains(n)) || Instant::now() >= deadline {
                return log;
            }
            thread::sleep(Duration::from_millis(10));
        }
    }

    /// The body of the init error the bootstrap posted to `emulator` before
    /// it exited unsuccessfully (within [`WAIT`]).
    pub fn init_error(&mut self, emulator: &Emulator) -> Value {
        let status = self
            .wait_exit(WAIT)
            .unwrap_or_else(|| panic!("bootstrap did not exit:\n{}", self.log()));
        assert!(!status.success());
        let posts = emulator.posts();
        let init = posts
            .iter()
            .find(|p| p.kind == PostKind::InitError)
            .unwrap_or_else(|| panic!("no init error posted:\n{}", self.log()));
        init.json().expect("JSON body")
    }

    /// Waits up to `timeout` for the process to exit.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            thread::sleep(Duration::from_millis(10));
        }
        None
    }

    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    pub fn sigterm(&self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success());
    }
}

impl Drop for Bootstrap {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn result(emulator: &Emulator, id: &str, bootstrap: &Bootstrap) -> Post {
    emulator
        .wait_for_result(id, WAIT)
        .unwrap_or_else(|| panic!("no result for {id}; bootstrap output:\n{}", bootstrap.log()))
}

pub fn assert_response(post: &Post, bootstrap: &Bootstrap) -> Value {
    assert_eq!(
        post.kind,
        PostKind::Response,
        "expected a response, got {:?}: {}\n{}",
        post.kind,
        String::from_utf8_lossy(&post.body),
        bootstrap.log()
    );
    assert_eq!(post.status, 202);
    let json = post.json().expect("response is JSON");
    assert_eq!(json["version"], "1.0");
    json
}

pub fn assert_error(post: &Post, error_type: &str, header: &str) -> String {
    assert_eq!(
        post.kind,
        PostKind::Error,
        "{}",
        String::from_utf8_lossy(&post.body)
    );
    assert_eq!(post.status, 202);
    let json = post.json().expect("error body is JSON");
    assert_eq!(json["errorType"], error_type, "{json}");
    assert_eq!(
        post.header("Lambda-Runtime-Function-Error-Type"),
        Some(header)
    );
    let message = json["errorMessage"]
        .as_str()
        .expect("errorMessage")
        .to_owned();
    assert!(!message.is_empty());
    message
}
