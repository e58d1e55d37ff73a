//! A skill that remembers each user between sessions: it counts their visits.
//!
//! Locally the visits go to `.alexa-kit/attributes/` (run it twice and it remembers):
//!
//! ```text
//! cargo run --example persistent_counter
//! ```
//!
//! On Lambda, built with the `dynamodb` feature, they go to the table `template.yml` declares
//! (`ALEXA_TABLE`):
//!
//! ```text
//! make package EXAMPLE=persistent_counter FEATURES=dynamodb
//! ```

use alexa_kit::prelude::*;

async fn visit(cx: &mut Input) -> Result<ResponseBuilder> {
    let p = cx.persistent().await?;
    let visits = p.get::<u64>("visits")?.unwrap_or(0) + 1;
    p.set("visits", visits)?;
    // Saved after the answer is ready (save_persistent_attributes_on_success), never after an error.
    Ok(cx.say(format!("Visit number {visits}.")).end_session())
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::process::ExitCode {
    let skill = Skill::builder()
        .save_persistent_attributes_on_success()
        .on_launch(async |cx: &mut Input| visit(cx).await)
        .intent("HelloWorldIntent", async |cx: &mut Input| visit(cx).await);
    match skill.run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("persistent_counter: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
