//! Helpers shared by the benches that run release binaries against the
//! Runtime API emulator (`runtime`, `memory`), and the figures' percentiles and
//! formatting for every bench that prints times (`persistence`, `services` too).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use alexa_kit::lambda::emulator::Emulator;

/// The target directory (honours `CARGO_TARGET_DIR`).
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"))
}

/// Builds release examples of this package with the same cargo, as they are deployed: without default
/// features (the local dialog simulator), as `make package` builds them.
pub fn build_examples(names: &[&str]) {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).args([
        "build",
        "--release",
        "--no-default-features",
    ]);
    for name in names {
        cmd.args(["--example", name]);
    }
    run(&mut cmd);
}

/// A `usize` from the environment, or `default`.
pub fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Runs `cmd`; panics unless it succeeds.
pub fn run(cmd: &mut Command) {
    let status = cmd.status().expect("run the command");
    assert!(status.success(), "{cmd:?} failed");
}

/// Starts a bootstrap against `emulator`.
pub fn spawn(path: &Path, emulator: &Emulator) -> Child {
    Command::new(path)
        // lambda_runtime refuses to start without these three.
        .env("AWS_LAMBDA_FUNCTION_NAME", "bench")
        .env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")
        .env("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
        .env("AWS_LAMBDA_RUNTIME_API", emulator.runtime_api())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", path.display()))
}

/// `VmHWM`: the most memory the process has had resident.
pub fn peak_rss_kb(child: &Child) -> u64 {
    let status =
        std::fs::read_to_string(format!("/proc/{}/status", child.id())).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// The `p`th percentile of `v` (sorts it).
pub fn pct(v: &mut [Duration], p: usize) -> Duration {
    v.sort();
    v.get((v.len() * p / 100).min(v.len().saturating_sub(1)))
        .copied()
        .unwrap_or_default()
}

/// `1.23 ms` from a millisecond up, `456 µs` below.
pub fn fmt(d: Duration) -> String {
    if d >= Duration::from_millis(1) {
        format!("{:.2} ms", d.as_secs_f64() * 1e3)
    } else {
        format!("{:.0} µs", d.as_secs_f64() * 1e6)
    }
}
