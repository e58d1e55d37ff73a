//! "Hello, world" in every Alexa locale.
//!
//! Locally (no AWS account): `cargo run --example hello_world -- --locale fr-FR`
//! Self-hosted: `cargo run --example hello_world --features server -- serve --help`
//! On Lambda: the same binary is the `bootstrap` of a `provided.al2023` function.

mod skill;

use std::io::Write;

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::process::ExitCode {
    match alexa_kit::Skill::run_with(|| skill::builder().build()).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            // Not eprintln!, which panics when stderr is closed.
            let _ = writeln!(std::io::stderr(), "hello_world: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
