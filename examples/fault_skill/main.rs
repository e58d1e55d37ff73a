//! A skill whose own code fails on purpose, for testing the framework's
//! error path through every transport (the real binary on the Runtime API
//! emulator, `invoke` on the local command line).
//!
//! The intent name says where it fails:
//!
//! * `PanicInRequestInterceptor`, `PanicInResponseInterceptor`,
//!   `PanicInCanHandle`, `PanicInHandler`: a panic there;
//! * `ParseIntent`: `?` on a `ParseIntError` from the `number` slot, which
//!   the skill's error handler answers with "That is not a number.";
//! * anything else: "All good." and the session stays open.
//!
//! A request interceptor first writes the intent's name into the session
//! attribute `touched`, so a test can see that a failed turn rolls it back.

mod skill;

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::process::ExitCode {
    match skill::builder().run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("fault_skill: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
