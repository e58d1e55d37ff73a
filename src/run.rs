//! Choosing the transport: `Skill::run` and `SkillBuilder::run`.
//!
//! This is the one place where the skill core meets the transports. The core
//! (`skill`, `i18n`, `model`, `response`) never calls a transport; the
//! transports (`lambda`, `local`, and the testing kit) call
//! [`Skill::handle_bytes`] or [`Skill::handle`], and this module picks one of
//! them at start-up.

use crate::skill::SkillBuilder;
use crate::{Result, Skill};

impl Skill {
    /// Runs the skill: the Lambda Runtime API loop when
    /// `AWS_LAMBDA_RUNTIME_API` is set, otherwise the local command line.
    ///
    /// Prefer [`SkillBuilder::run`], which also reports a build failure to
    /// Lambda as an init error.
    ///
    /// ```no_run
    /// # async fn demo() -> alexa_kit::Result<()> {
    /// let skill = alexa_kit::Skill::builder().build()?;
    /// skill.run().await
    /// # }
    /// ```
    pub async fn run(self) -> Result<()> {
        run_built(Ok(self)).await
    }

    /// Like [`SkillBuilder::run`], with a factory instead of one skill: the
    /// self-hosted `serve` command (feature `server`) then builds one skill
    /// per worker thread and uses every core; Lambda and the local command
    /// line build one.
    ///
    /// ```no_run
    /// # async fn demo() -> alexa_kit::Result<()> {
    /// alexa_kit::Skill::run_with(|| alexa_kit::Skill::builder().build()).await
    /// # }
    /// ```
    pub async fn run_with(
        factory: impl Fn() -> Result<Skill> + Send + Sync + 'static,
    ) -> Result<()> {
        if std::env::var_os(crate::lambda::RUNTIME_API_ENV).is_some() {
            return run_built(factory()).await;
        }
        crate::lambda::logging::init_local_logging();
        crate::local::run_source(crate::local::SkillSource::Factory(std::sync::Arc::new(
            factory,
        )))
        .await
    }
}

impl SkillBuilder {
    /// Builds the skill and runs it: on Lambda when `AWS_LAMBDA_RUNTIME_API`
    /// is set (a build failure is posted as an init error), else the local CLI.
    /// ```no_run
    /// #[tokio::main(flavor = "current_thread")]
    /// async fn main() -> alexa_kit::Result<()> {
    ///     alexa_kit::Skill::builder().run().await
    /// }
    /// ```
    pub async fn run(self) -> Result<()> {
        run_built(self.build()).await
    }
}

async fn run_built(skill: Result<Skill>) -> Result<()> {
    if std::env::var_os(crate::lambda::RUNTIME_API_ENV).is_some() {
        crate::lambda::init_logging();
        match skill {
            Ok(skill) => crate::lambda::run(skill).await,
            Err(error) => {
                crate::lambda::report_init_error(&error).await?;
                Err(error)
            }
        }
    } else {
        crate::lambda::logging::init_local_logging();
        crate::local::run(skill?).await
    }
}
