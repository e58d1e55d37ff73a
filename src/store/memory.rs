//! `MemoryStore`: persistent attributes in the process, for tests.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use async_trait::async_trait;

use super::{Attributes, Loaded, Store, Version, conflict};
use crate::{Invocation, Result};

/// Persistent attributes kept in memory, for tests.
///
/// Clones share the same data, so a test can keep one clone to look into
/// what the skill saved. [`Skill::handle`](crate::Skill::handle) (and so
/// [`Conversation`](crate::testing::Conversation)) uses a memory store of its
/// own when the skill was given no store, so a conversation remembers a user
/// across sessions.
///
/// ```
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// use alexa_kit::prelude::*;
/// use alexa_kit::store::MemoryStore;
///
/// let store = MemoryStore::new();
/// let skill = Skill::builder()
///     .persistence(store.clone())
///     .intent("CountIntent", async |cx: &mut Input| {
///         let p = cx.persistent().await?;
///         let n = p.get::<u32>("count")?.unwrap_or(0) + 1;
///         p.set("count", n)?;
///         p.save().await?;
///         Ok(cx.say(format!("{n}")))
///     })
///     .build()?;
/// skill.handle(alexa_kit::testing::intent("CountIntent").build()).await?;
/// assert_eq!(store.get("amzn1.ask.account.test").unwrap()["count"], 1);
/// # Ok::<(), alexa_kit::Error>(())
/// # }).unwrap();
/// ```
#[derive(Debug, Clone, Default)]
pub struct MemoryStore {
    items: Rc<RefCell<HashMap<String, (Version, Attributes)>>>,
}

impl MemoryStore {
    /// An empty store.
    ///
    /// ```
    /// assert!(alexa_kit::store::MemoryStore::new().get("anyone").is_none());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// What is stored for `key`, if anything.
    ///
    /// ```
    /// assert!(alexa_kit::store::MemoryStore::new().get("anyone").is_none());
    /// ```
    pub fn get(&self, key: &str) -> Option<Attributes> {
        self.items.borrow().get(key).map(|(_, a)| a.clone())
    }
}

#[async_trait(?Send)]
impl Store for MemoryStore {
    async fn load(&self, key: &str, _invocation: &Invocation) -> Result<Loaded> {
        Ok(match self.items.borrow().get(key) {
            Some((version, attributes)) => Loaded {
                attributes: attributes.clone(),
                version: *version,
            },
            None => Loaded::default(),
        })
    }

    async fn save(
        &self,
        key: &str,
        attributes: &Attributes,
        expected: Version,
        _invocation: &Invocation,
    ) -> Result<Version> {
        let mut items = self.items.borrow_mut();
        let stored = items.get(key).map_or(Version::NEW, |(v, _)| *v);
        if stored != expected {
            return Err(conflict(key));
        }
        let next = expected.next();
        items.insert(key.to_owned(), (next, attributes.clone()));
        Ok(next)
    }

    async fn delete(
        &self,
        key: &str,
        expected: Option<Version>,
        _invocation: &Invocation,
    ) -> Result<()> {
        let mut items = self.items.borrow_mut();
        let stored = items.get(key).map_or(Version::NEW, |(v, _)| *v);
        if expected.is_some_and(|e| e != stored) {
            return Err(conflict(key));
        }
        items.remove(key);
        Ok(())
    }
}
