//! Stores for persistent attributes: the [`Store`] trait and its
//! implementations.
//!
//! | store | for | where the attributes live |
//! | --- | --- | --- |
//! | [`MemoryStore`] | tests | in the process; [`Skill::handle`](crate::Skill::handle) and [`Conversation`](crate::testing::Conversation) use one per skill by default |
//! | [`FileStore`] | local runs | one JSON file per key, under `.alexa-kit/attributes/` by default |
//! | `DynamoDbStore` (feature `dynamodb`) | production | a DynamoDB table with the ASK SDK's item layout |
//!
//! Every store keeps a **version** beside the attributes. [`Store::load`]
//! returns it; [`Store::save`] writes only if the stored version is still the
//! one loaded, and answers [`ErrorKind::Conflict`] otherwise. Two sessions of
//! the same user that save at once therefore never overwrite each other
//! silently: the second one learns that it must reload and retry.
//!
//! Skills rarely call a store directly: they register one with
//! [`SkillBuilder::persistence`](crate::skill::SkillBuilder::persistence) and
//! use [`Input::persistent`](crate::skill::Input::persistent).
//!
//! ```
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! use alexa_kit::store::{MemoryStore, Store, Version};
//! use alexa_kit::{ErrorKind, Invocation, Transport};
//!
//! let store = MemoryStore::new();
//! // The request's context: its deadline and X-Ray trace (handlers have `cx.invocation()`).
//! let inv = Invocation::new(Transport::Test);
//! let loaded = store.load("user-1", &inv).await?;
//! assert_eq!(loaded.version, Version::NEW);
//! let mut attributes = loaded.attributes;
//! attributes.insert("score".into(), 3.into());
//! let saved = store.save("user-1", &attributes, loaded.version, &inv).await?;
//! // A second save from the same stale version is a conflict.
//! let err = store.save("user-1", &attributes, loaded.version, &inv).await.unwrap_err();
//! assert_eq!(err.kind(), ErrorKind::Conflict);
//! assert_eq!(store.load("user-1", &inv).await?.version, saved);
//! # Ok::<(), alexa_kit::Error>(())
//! # }).unwrap();
//! ```

#[cfg(feature = "dynamodb")]
pub mod dynamodb;
mod file;
mod memory;

#[cfg(feature = "dynamodb")]
pub use dynamodb::DynamoDbStore;
pub use file::FileStore;
pub(crate) use file::LOCAL_DIR;
pub use memory::MemoryStore;

use async_trait::async_trait;
use serde_json::{Map, Value};

#[cfg(doc)]
use crate::ErrorKind;
use crate::{Invocation, Result};

/// The attributes of one key: a JSON object.
pub type Attributes = Map<String, Value>;

/// The version of a key's stored attributes: a counter that every save
/// increments.
///
/// [`Version::NEW`] (zero) stands for "nothing stored yet", and also for an
/// item written by an ASK SDK adapter, which keeps no version.
///
/// ```
/// use alexa_kit::store::Version;
/// assert_eq!(Version::NEW.get(), 0);
/// assert_eq!(Version::NEW.next(), Version::new(1));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Version(u64);

impl Version {
    /// Nothing stored yet (or an item without a version).
    pub const NEW: Version = Version(0);

    /// A version from its number.
    ///
    /// ```
    /// assert_eq!(alexa_kit::store::Version::new(7).get(), 7);
    /// ```
    pub const fn new(n: u64) -> Version {
        Version(n)
    }

    /// The version's number.
    ///
    /// ```
    /// assert_eq!(alexa_kit::store::Version::new(7).get(), 7);
    /// ```
    pub const fn get(self) -> u64 {
        self.0
    }

    /// The version a save writes after this one.
    ///
    /// ```
    /// assert_eq!(alexa_kit::store::Version::new(7).next().get(), 8);
    /// ```
    pub const fn next(self) -> Version {
        Version(self.0.saturating_add(1))
    }
}

/// What [`Store::load`] found: the attributes (empty for a new key) and their
/// version.
///
/// ```
/// let loaded = alexa_kit::store::Loaded::default();
/// assert!(loaded.attributes.is_empty());
/// assert_eq!(loaded.version, alexa_kit::store::Version::NEW);
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Loaded {
    /// The stored attributes; empty when nothing is stored.
    pub attributes: Attributes,
    /// Their version; [`Version::NEW`] when nothing is stored.
    pub version: Version,
}

/// Where persistent attributes are kept.
///
/// The contract, which every implementation keeps and the tests check for
/// each one:
///
/// - [`load`](Store::load) reads the latest saved attributes (a consistent
///   read) and their version; a key never saved gives empty attributes and
///   [`Version::NEW`].
/// - [`save`](Store::save) replaces the attributes **only if** the stored
///   version still equals `expected`, atomically, and returns the new version.
///   Otherwise it writes nothing and fails with [`ErrorKind::Conflict`].
/// - [`delete`](Store::delete) removes the key under the same condition
///   (`None`: whatever is stored). Deleting a missing key succeeds.
/// - A failure of the store itself (unreachable, missing table, credentials,
///   an item too large) is [`ErrorKind::Storage`], [`ErrorKind::Throttled`]
///   or [`ErrorKind::Timeout`], and leaves nothing half-written.
/// - Every operation runs within the request's [`Invocation`]: a store that
///   calls a service bounds the call by [`Invocation::deadline`] (so it never
///   runs past the request's remaining time) and traces it with
///   [`Invocation::trace_id`], as the HTTPS client's `Request::within` does
///   (feature `https`). A local store (memory, file) may ignore it.
///
/// The futures need not be `Send`: alexa-kit runs one request at a time on
/// tokio's current-thread runtime.
///
/// ```
/// use alexa_kit::store::{Attributes, Loaded, Store, Version};
/// use alexa_kit::prelude::*;
///
/// /// A store that remembers nothing (say, for a demo mode).
/// struct Forgetful;
///
/// #[async_trait(?Send)]
/// impl Store for Forgetful {
///     async fn load(&self, _key: &str, _inv: &Invocation) -> Result<Loaded> {
///         Ok(Loaded::default())
///     }
///     async fn save(
///         &self,
///         _key: &str,
///         _attributes: &Attributes,
///         expected: Version,
///         _inv: &Invocation,
///     ) -> Result<Version> {
///         Ok(expected.next())
///     }
///     async fn delete(&self, _key: &str, _expected: Option<Version>, _inv: &Invocation) -> Result<()> {
///         Ok(())
///     }
/// }
/// let skill = Skill::builder().persistence(Forgetful).build()?;
/// # Ok::<(), alexa_kit::Error>(())
/// ```
#[async_trait(?Send)]
pub trait Store: 'static {
    /// Reads the attributes of `key` and their version, within `invocation`.
    async fn load(&self, key: &str, invocation: &Invocation) -> Result<Loaded>;

    /// Replaces the attributes of `key` if their version is still `expected`;
    /// returns the new version. Runs within `invocation`.
    async fn save(
        &self,
        key: &str,
        attributes: &Attributes,
        expected: Version,
        invocation: &Invocation,
    ) -> Result<Version>;

    /// Removes `key` if its version is still `expected` (`None`:
    /// unconditionally). Runs within `invocation`.
    async fn delete(
        &self,
        key: &str,
        expected: Option<Version>,
        invocation: &Invocation,
    ) -> Result<()>;
}

/// The error every store reports when the stored version moved on.
pub(crate) fn conflict(key: &str) -> crate::Error {
    crate::Error::new(
        crate::ErrorKind::Conflict,
        format!(
            "the persistent attributes of `{key}` changed since they were loaded \
             (another session saved first); reload and retry"
        ),
    )
}
