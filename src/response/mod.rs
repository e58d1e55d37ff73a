//! Building responses: [`ResponseBuilder`] and [`ssml`] helpers.

pub mod ssml;

mod builder;

pub use builder::ResponseBuilder;
