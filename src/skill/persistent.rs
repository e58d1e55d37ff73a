//! Persistent attributes: what a skill remembers about a user between
//! sessions, loaded from a [`Store`] once per request.

use std::fmt;
use std::rc::Rc;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::attributes::{encode, encode_state, get, state};
use crate::model::RequestEnvelope;
use crate::store::{Attributes, Store, Version};
use crate::{Error, ErrorKind, Invocation, Result, Transport};

/// The persistent attributes of one user (or device, or person): read with
/// [`Input::persistent`](super::Input::persistent), which loads them from the
/// skill's [`Store`] on first use in a request.
///
/// The vocabulary is the ASK SDK's: typed [`get`](Self::get) and
/// [`set`](Self::set) as for session attributes, an explicit
/// [`save`](Self::save) (or the opt-in
/// [`save_persistent_attributes_on_success`](super::SkillBuilder::save_persistent_attributes_on_success)),
/// and [`delete`](Self::delete). Unlike the ASK adapters, a save is
/// conditional: if another session saved since these attributes were loaded,
/// [`save`](Self::save) fails with [`ErrorKind::Conflict`] and writes nothing;
/// [`reload`](Self::reload) and try again.
///
/// ```
/// use alexa_kit::prelude::*;
/// use serde::{Deserialize, Serialize};
///
/// #[derive(Serialize, Deserialize, Default)]
/// struct Progress { chapter: u32, page: u32 }
///
/// let skill = Skill::builder()
///     .intent("NextPageIntent", async |cx: &mut Input| {
///         let p = cx.persistent().await?;
///         let mut progress: Progress = p.state()?;
///         progress.page += 1;
///         p.set_state(&progress)?;
///         p.save().await?;
///         Ok(cx.say(format!("Page {}.", progress.page)))
///     })
///     .build()?;
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// let mut talk = alexa_kit::testing::Conversation::new(&skill);
/// assert_eq!(talk.intent("NextPageIntent").await?.speech(), "Page 1.");
/// talk.end_session().await?;
/// assert_eq!(talk.intent("NextPageIntent").await?.speech(), "Page 2.");
/// # Ok::<(), alexa_kit::Error>(())
/// # }).unwrap();
/// # Ok::<(), alexa_kit::Error>(())
/// ```
pub struct PersistentAttributes {
    store: Rc<dyn Store>,
    key: String,
    /// The request's context, which every store call runs within.
    invocation: Invocation,
    version: Version,
    map: Attributes,
    changed: bool,
}

impl fmt::Debug for PersistentAttributes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PersistentAttributes")
            .field("key", &self.key)
            .field("version", &self.version)
            .field("map", &self.map)
            .field("changed", &self.changed)
            .finish_non_exhaustive()
    }
}

impl PersistentAttributes {
    /// Loads the attributes of `key` from `store`, within `invocation` (the
    /// request's context: its deadline bounds this and every later store
    /// call of these attributes, and its X-Ray trace traces them).
    ///
    /// Handlers use [`Input::persistent`](super::Input::persistent) instead,
    /// which does this once per request with
    /// [`cx.invocation()`](super::Input::invocation).
    ///
    /// ```
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// use alexa_kit::skill::PersistentAttributes;
    /// use alexa_kit::{Invocation, Transport};
    /// let store = std::rc::Rc::new(alexa_kit::store::MemoryStore::new());
    /// let p = PersistentAttributes::load(store, "user", &Invocation::new(Transport::Test)).await?;
    /// assert!(p.raw().is_empty());
    /// # Ok::<(), alexa_kit::Error>(())
    /// # }).unwrap();
    /// ```
    pub async fn load(
        store: Rc<dyn Store>,
        key: impl Into<String>,
        invocation: &Invocation,
    ) -> Result<Self> {
        let key = key.into();
        let loaded = store.load(&key, invocation).await?;
        Ok(PersistentAttributes {
            store,
            key,
            invocation: invocation.clone(),
            version: loaded.version,
            map: loaded.attributes,
            changed: false,
        })
    }

    /// The key the attributes are stored under (the user id by default).
    ///
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     assert_eq!(cx.persistent().await?.key(), "amzn1.ask.account.test");
    ///     Ok(cx.response())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The stored version these attributes were loaded at (or last saved as).
    ///
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     let p = cx.persistent().await?;
    ///     assert_eq!(p.version(), alexa_kit::store::Version::NEW);
    ///     p.set("a", 1)?;
    ///     p.save().await?;
    ///     assert_eq!(p.version().get(), 1);
    ///     Ok(cx.response())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn version(&self) -> Version {
        self.version
    }

    /// Whether anything changed since the attributes were loaded or saved.
    ///
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     let p = cx.persistent().await?;
    ///     assert!(!p.is_changed());
    ///     p.set("a", 1)?;
    ///     assert!(p.is_changed());
    ///     Ok(cx.response())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn is_changed(&self) -> bool {
        self.changed
    }

    /// Reads and deserializes one attribute (`None` if absent).
    ///
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     let p = cx.persistent().await?;
    ///     p.set("name", "Ada")?;
    ///     assert_eq!(p.get::<String>("name")?.as_deref(), Some("Ada"));
    ///     assert!(p.get::<u32>("name").is_err(), "wrong type is an error, not None");
    ///     Ok(cx.response())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn get<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>> {
        get(Some(&self.map), key, "persistent")
    }

    /// Serializes and sets one attribute (saved by [`save`](Self::save)).
    ///
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     cx.persistent().await?.set("birthday", "2000-02-29")?;
    ///     Ok(cx.response())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn set<T: Serialize>(&mut self, key: &str, value: T) -> Result<()> {
        let value = encode(key, value, "persistent")?;
        self.map.insert(key.to_owned(), value);
        self.changed = true;
        Ok(())
    }

    /// Removes one attribute, returning its raw value.
    ///
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     let p = cx.persistent().await?;
    ///     p.set("a", 1)?;
    ///     assert_eq!(p.remove("a"), Some(serde_json::json!(1)));
    ///     Ok(cx.response())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let old = self.map.remove(key);
        self.changed |= old.is_some();
        old
    }

    /// Reads all attributes as one typed state (`T::default()` when empty).
    ///
    /// ```
    /// # use alexa_kit::prelude::*;
    /// #[derive(serde::Deserialize, Default)]
    /// struct Score { best: u32 }
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     assert_eq!(cx.persistent().await?.state::<Score>()?.best, 0);
    ///     Ok(cx.response())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn state<T: DeserializeOwned + Default>(&self) -> Result<T> {
        state(Some(&self.map), "persistent")
    }

    /// Replaces all attributes with one typed state (a JSON object).
    ///
    /// ```
    /// # use alexa_kit::prelude::*;
    /// #[derive(serde::Serialize)]
    /// struct Score { best: u32 }
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     let p = cx.persistent().await?;
    ///     p.set_state(&Score { best: 12 })?;
    ///     assert_eq!(p.raw()["best"], 12);
    ///     Ok(cx.response())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn set_state<T: Serialize>(&mut self, state: &T) -> Result<()> {
        self.map = encode_state(state, "persistent")?;
        self.changed = true;
        Ok(())
    }

    /// The raw JSON map.
    ///
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     assert!(cx.persistent().await?.raw().is_empty());
    ///     Ok(cx.response())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn raw(&self) -> &Attributes {
        &self.map
    }

    /// The raw JSON map, for direct edits (marks the attributes changed).
    ///
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     cx.persistent().await?.raw_mut().insert("k".into(), serde_json::json!([1, 2]));
    ///     Ok(cx.response())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn raw_mut(&mut self) -> &mut Attributes {
        self.changed = true;
        &mut self.map
    }

    /// Writes the attributes to the store, if they changed, on condition that
    /// nobody else saved since they were loaded.
    ///
    /// A conflict is an [`ErrorKind::Conflict`] error and writes nothing:
    /// [`reload`](Self::reload), apply the change again, save again. Left
    /// unhandled, it ends in the apology like any error.
    ///
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("ScoreIntent", async |cx: &mut Input| {
    ///     let p = cx.persistent().await?;
    ///     // Retry once if another session of the same user saved meanwhile.
    ///     let mut retried = false;
    ///     loop {
    ///         let games = p.get::<u32>("games")?.unwrap_or(0);
    ///         p.set("games", games + 1)?;
    ///         match p.save().await {
    ///             Err(e) if e.kind() == ErrorKind::Conflict && !retried => {
    ///                 retried = true;
    ///                 p.reload().await?;
    ///             }
    ///             other => break other?,
    ///         }
    ///     }
    ///     Ok(cx.say("Saved."))
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("ScoreIntent").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub async fn save(&mut self) -> Result<()> {
        if self.changed {
            self.version = self
                .store
                .save(&self.key, &self.map, self.version, &self.invocation)
                .await?;
            self.changed = false;
        }
        Ok(())
    }

    /// Deletes the stored attributes (if nobody saved since they were
    /// loaded) and empties these.
    ///
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("ForgetMeIntent", async |cx: &mut Input| {
    ///     cx.persistent().await?.delete().await?;
    ///     Ok(cx.say("Done, I forgot everything.").end_session())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("ForgetMeIntent").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub async fn delete(&mut self) -> Result<()> {
        self.store
            .delete(&self.key, Some(self.version), &self.invocation)
            .await?;
        self.map.clear();
        self.version = Version::NEW;
        self.changed = false;
        Ok(())
    }

    /// Reads the attributes again, dropping unsaved changes (the ASK SDK's
    /// `getPersistentAttributes(false)`).
    ///
    /// ```
    /// # use alexa_kit::prelude::*;
    /// let skill = Skill::builder().intent("I", async |cx: &mut Input| {
    ///     let p = cx.persistent().await?;
    ///     p.set("a", 1)?;
    ///     p.reload().await?;
    ///     assert!(p.get::<u32>("a")?.is_none());
    ///     Ok(cx.response())
    /// }).build()?;
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
    /// #     .block_on(skill.handle(alexa_kit::testing::intent("I").build()))?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub async fn reload(&mut self) -> Result<()> {
        let loaded = self.store.load(&self.key, &self.invocation).await?;
        self.map = loaded.attributes;
        self.version = loaded.version;
        self.changed = false;
        Ok(())
    }
}

/// Which id of the request persistent attributes are stored under (the ASK
/// SDK's partition key generators).
///
/// ```
/// use alexa_kit::skill::PersistenceKey;
/// use alexa_kit::testing::{self, Device};
/// let envelope = testing::launch().device(Device::new().user_id("u1").device_id("d1")).build();
/// assert_eq!(PersistenceKey::UserId.of(&envelope)?, "u1");
/// assert_eq!(PersistenceKey::DeviceId.of(&envelope)?, "d1");
/// // No recognised speaker: the person key falls back to the user id.
/// assert_eq!(PersistenceKey::PersonId.of(&envelope)?, "u1");
/// // A request without the id: a typed error.
/// let bare = alexa_kit::model::RequestEnvelope::from_slice(
///     br#"{"version":"1.0","request":{"type":"LaunchRequest"}}"#)?;
/// assert_eq!(PersistenceKey::DeviceId.of(&bare).unwrap_err().kind(), alexa_kit::ErrorKind::InvalidRequest);
/// let custom = PersistenceKey::custom(|e| e.user_id().map(|u| format!("game-1/{u}")));
/// assert_eq!(custom.of(&envelope)?, "game-1/u1");
/// # Ok::<(), alexa_kit::Error>(())
/// ```
#[derive(Clone, Default)]
#[non_exhaustive]
pub enum PersistenceKey {
    /// `context.System.user.userId` (the default): one record per Amazon
    /// account and skill.
    #[default]
    UserId,
    /// `context.System.device.deviceId`: one record per device.
    DeviceId,
    /// `context.System.person.personId` when a speaker was recognised, else
    /// the user id.
    PersonId,
    /// A key computed from the request; `None` makes the request fail.
    #[allow(clippy::type_complexity)]
    Custom(Rc<dyn Fn(&RequestEnvelope) -> Option<String>>),
}

impl fmt::Debug for PersistenceKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PersistenceKey::UserId => "UserId",
            PersistenceKey::DeviceId => "DeviceId",
            PersistenceKey::PersonId => "PersonId",
            PersistenceKey::Custom(_) => "Custom(..)",
        })
    }
}

impl PersistenceKey {
    /// A key computed by `f`.
    ///
    /// ```
    /// let key = alexa_kit::skill::PersistenceKey::custom(|e| e.user_id().map(str::to_owned));
    /// ```
    pub fn custom(f: impl Fn(&RequestEnvelope) -> Option<String> + 'static) -> Self {
        PersistenceKey::Custom(Rc::new(f))
    }

    /// The key of `envelope`; an [`ErrorKind::InvalidRequest`] error when the
    /// request lacks the id.
    ///
    /// ```
    /// use alexa_kit::testing::{self, Device};
    /// let envelope = testing::launch().device(Device::new().device_id("d1")).build();
    /// assert_eq!(alexa_kit::skill::PersistenceKey::DeviceId.of(&envelope)?, "d1");
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn of(&self, envelope: &RequestEnvelope) -> Result<String> {
        let (key, what) = match self {
            PersistenceKey::UserId => (envelope.user_id().map(str::to_owned), "a user id"),
            PersistenceKey::DeviceId => (envelope.device_id().map(str::to_owned), "a device id"),
            PersistenceKey::PersonId => (
                envelope
                    .person_id()
                    .or_else(|| envelope.user_id())
                    .map(str::to_owned),
                "a person id or a user id",
            ),
            PersistenceKey::Custom(f) => (f(envelope), "the custom persistence key"),
        };
        key.filter(|k| !k.is_empty()).ok_or_else(|| {
            Error::new(
                ErrorKind::InvalidRequest,
                format!("the request carries no {what}, so it has no persistent attributes"),
            )
        })
    }
}

/// The skill's persistence configuration.
#[derive(Default)]
pub(crate) struct Persistence {
    /// The store given to [`SkillBuilder::persistence`](super::SkillBuilder::persistence).
    pub(crate) store: Option<Rc<dyn Store>>,
    pub(crate) key: PersistenceKey,
    pub(crate) save_on_success: bool,
    /// Stores chosen by transport when none was given, made on first use.
    defaults: std::cell::RefCell<Vec<(Transport, Rc<dyn Store>)>>,
}

impl Persistence {
    /// Loads the persistent attributes of the request, within its invocation.
    pub(crate) async fn load(
        &self,
        envelope: &RequestEnvelope,
        invocation: &Invocation,
    ) -> Result<PersistentAttributes> {
        let key = self.key.of(envelope)?;
        PersistentAttributes::load(self.store(invocation.transport())?, key, invocation).await
    }

    fn store(&self, transport: Transport) -> Result<Rc<dyn Store>> {
        if let Some(store) = &self.store {
            return Ok(store.clone());
        }
        let mut defaults = self.defaults.borrow_mut();
        if let Some((_, store)) = defaults.iter().find(|(t, _)| *t == transport) {
            return Ok(store.clone());
        }
        let store: Rc<dyn Store> = match transport {
            Transport::Test => Rc::new(crate::store::MemoryStore::new()),
            Transport::Local => Rc::new(crate::store::FileStore::new(crate::store::LOCAL_DIR)),
            _ => default_production_store()?,
        };
        defaults.push((transport, store.clone()));
        Ok(store)
    }
}

#[cfg(feature = "dynamodb")]
fn default_production_store() -> Result<Rc<dyn Store>> {
    use crate::store::DynamoDbStore;
    match std::env::var(DynamoDbStore::TABLE_ENV) {
        Ok(table) if !table.trim().is_empty() => {
            Ok(Rc::new(DynamoDbStore::from_env(table.trim())?))
        }
        _ => Err(no_store()),
    }
}

#[cfg(not(feature = "dynamodb"))]
fn default_production_store() -> Result<Rc<dyn Store>> {
    Err(no_store())
}

fn no_store() -> Error {
    Error::new(
        ErrorKind::Config,
        "persistent attributes need a store: register one with `Skill::builder().persistence(…)`, \
         or build with the `dynamodb` feature and set ALEXA_TABLE",
    )
}
