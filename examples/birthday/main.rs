//! Birthday countdown: remembers the user's birthday and counts the days to it,
//! in every Alexa locale.
//!
//! Locally (no AWS account):
//! `cargo run --example birthday -- --skill-package examples/birthday/skill-package --locale de-DE`
//! On Lambda: the same binary is the `bootstrap` of a `provided.al2023` function.

mod countdown;
mod platform;
mod skill;

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::process::ExitCode {
    match skill::builder().run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("birthday: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
