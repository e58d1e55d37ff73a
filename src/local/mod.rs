//! The local command line: dialog simulator and `invoke`. (Skeleton.)

use crate::skill::Skill;
use crate::{Error, ErrorKind, Result};

/// Runs the local command line for `skill`.
pub async fn run(_skill: Skill) -> Result<()> {
    Err(Error::new(
        ErrorKind::Config,
        "local CLI not implemented yet",
    ))
}
