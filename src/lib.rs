#![doc = include_str!("../README.md")]
#![warn(missing_docs)]

#[cfg(feature = "https")]
pub mod https;
pub mod i18n;
pub mod lambda;
pub mod local;
pub mod model;
pub mod response;
#[cfg(feature = "server")]
pub mod server;
#[cfg(feature = "services")]
pub mod services;
pub mod skill;
pub mod slots;
pub mod store;
pub mod testing;

mod bounded;
mod error;
mod invocation;
mod panic;
mod run;

pub use error::{Error, ErrorKind, Result};
pub use invocation::{Invocation, Transport};
pub use skill::Skill;

/// Re-exports for skill code: `use alexa_kit::prelude::*;`.
///
/// ```
/// use alexa_kit::prelude::*;
/// let skill: alexa_kit::Result<Skill> = Skill::builder().build();
/// assert!(skill.is_ok());
/// ```
pub mod prelude {
    pub use crate::i18n::{Locales, Localizer};
    pub use crate::response::ResponseBuilder;
    pub use crate::skill::{
        ErrorHandler, Handler, Input, RequestHandler, RequestInterceptor, RequestKind,
        ResponseInterceptor, when,
    };
    pub use crate::{Error, ErrorKind, Invocation, Result, Skill, args};
    pub use async_trait::async_trait;
}
