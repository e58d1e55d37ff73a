//! "Hello, world" in every Alexa locale.
//!
//! Locally (no AWS account): `cargo run --example hello_world -- --locale fr-FR`
//! On Lambda: the same binary is the `bootstrap` of a `provided.al2023` function.

mod skill;

use std::io::Write;

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::process::ExitCode {
    match skill::builder().run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            // Not eprintln!, which panics when stderr is closed.
            let _ = writeln!(std::io::stderr(), "hello_world: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
