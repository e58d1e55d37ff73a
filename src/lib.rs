#![doc = include_str!("../README.md")]
#![warn(missing_docs)]

pub mod i18n;
pub mod lambda;
pub mod model;
pub mod response;

mod error;

pub use error::{Error, ErrorKind, Result};
