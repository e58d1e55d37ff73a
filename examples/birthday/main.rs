//! Birthday countdown: remembers the user's birthday and counts the days to it,
//! in every Alexa locale.
//!
//! Locally (no AWS account, no database): the birthdays go to `.alexa-kit/attributes/`
//! `cargo run --example birthday --features dynamodb -- --skill-package examples/birthday/skill-package`
//!
//! On Lambda: the same binary is the `bootstrap` of a `provided.al2023` function, keeping the
//! birthdays in the DynamoDB table named by `ALEXA_TABLE` (`template.yml` sets it).
//! Without it the bootstrap refuses to start: data never lands silently in `/tmp`.

mod countdown;
mod platform;
mod skill;

use alexa_kit::skill::SkillBuilder;
use alexa_kit::store::DynamoDbStore;
use alexa_kit::{Error, ErrorKind};

/// Where the birthdays go: DynamoDB when a table is named (locally too, for a
/// DynamoDB Local or moto endpoint), the framework's file store locally, and
/// an init error on Lambda without a table.
fn with_store(builder: SkillBuilder) -> alexa_kit::Result<SkillBuilder> {
    let table = std::env::var(DynamoDbStore::TABLE_ENV).unwrap_or_default();
    let on_lambda = std::env::var_os(alexa_kit::lambda::RUNTIME_API_ENV).is_some();
    if !table.trim().is_empty() {
        Ok(builder.persistence(DynamoDbStore::from_env(table.trim())?))
    } else if on_lambda {
        Err(Error::new(
            ErrorKind::Config,
            format!(
                "{} is not set: on Lambda the birthday skill keeps birthdays in DynamoDB, \
                 so set it to the table's name (template.yml does); nothing is kept in /tmp",
                DynamoDbStore::TABLE_ENV
            ),
        ))
    } else {
        Ok(builder)
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::process::ExitCode {
    let run = match with_store(skill::builder()) {
        Ok(builder) => builder.run().await,
        Err(error) => {
            if std::env::var_os(alexa_kit::lambda::RUNTIME_API_ENV).is_some()
                && let Err(post) = alexa_kit::lambda::report_init_error(&error).await
            {
                eprintln!("birthday: could not report the init error: {post}");
            }
            Err(error)
        }
    };
    match run {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("birthday: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
