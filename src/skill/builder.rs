//! `SkillBuilder`: registering handlers, interceptors and configuration.

use std::collections::HashMap;

use super::defaults;
use super::handler::{
    ErrorHandler, Handler, RequestHandler, RequestInterceptor, ResponseInterceptor,
};
use super::persistent::{Persistence, PersistenceKey};
use super::{RequestAttributes, RequestKind, Skill, SkillInner};
use crate::i18n::Locales;
use crate::store::Store;
use crate::{Error, ErrorKind, Result};

/// Environment variable that sets the skill id to verify, when the builder
/// was not given one (the SAM template sets it from its `SkillId` parameter).
///
/// ```
/// assert_eq!(alexa_kit::skill::SKILL_ID_ENV, "ALEXA_SKILL_ID");
/// ```
pub const SKILL_ID_ENV: &str = "ALEXA_SKILL_ID";

/// Builds a [`Skill`]. Start with [`Skill::builder`].
///
/// ```
/// use alexa_kit::prelude::*;
///
/// let skill = Skill::builder()
///     .on_launch(async |cx: &mut Input| Ok(cx.ask("Hi! Say hello.", "Say hello.")))
///     .intent("HelloWorldIntent", async |cx: &mut Input| Ok(cx.say("Hello!").end_session()))
///     .skill_id("amzn1.ask.skill.00000000-0000-0000-0000-000000000000")
///     .build()?;
/// # Ok::<(), alexa_kit::Error>(())
/// ```
#[must_use = "a SkillBuilder does nothing until `build` or `run` is called"]
pub struct SkillBuilder {
    locales: Option<Result<Locales>>,
    intents: HashMap<String, Box<dyn Handler>>,
    kinds: Vec<(RequestKind, Box<dyn Handler>)>,
    predicates: Vec<Box<dyn RequestHandler>>,
    request_interceptors: Vec<Box<dyn RequestInterceptor>>,
    response_interceptors: Vec<Box<dyn ResponseInterceptor>>,
    error_handlers: Vec<Box<dyn ErrorHandler>>,
    skill_id: Option<String>,
    skill_id_from_env: bool,
    state: RequestAttributes,
    persistence: Persistence,
    problems: Vec<String>,
}

impl SkillBuilder {
    pub(crate) fn new() -> Self {
        SkillBuilder {
            locales: None,
            intents: HashMap::new(),
            kinds: Vec::new(),
            predicates: Vec::new(),
            request_interceptors: Vec::new(),
            response_interceptors: Vec::new(),
            error_handlers: Vec::new(),
            skill_id: None,
            skill_id_from_env: true,
            state: RequestAttributes::default(),
            persistence: Persistence::default(),
            problems: Vec::new(),
        }
    }

    /// The skill's messages (the built-in messages alone if never called).
    ///
    /// Takes a `Result` too, so that a bad `.ftl` file surfaces from
    /// [`build`](Self::build) (and, on Lambda, as an init error).
    /// ```
    /// use alexa_kit::i18n::Locales;
    /// let locales = Locales::builder()
    ///     .resource("en", "skill.ftl", "welcome = Hi! Say hello.")
    ///     .build();
    /// let skill = alexa_kit::Skill::builder().locales(locales).build()?;
    /// assert_eq!(skill.locales().localizer(Some("en-GB")).t("welcome"), "Hi! Say hello.");
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn locales(mut self, locales: impl Into<LocalesSource>) -> Self {
        self.locales = Some(locales.into().0);
        self
    }

    /// Handles the intent `name` with `handler`. Registering a built-in
    /// intent (`AMAZON.HelpIntent`…) replaces its default.
    /// ```
    /// use alexa_kit::prelude::*;
    /// let skill = Skill::builder()
    ///     .intent("AMAZON.HelpIntent", async |cx: &mut Input| Ok(cx.ask("Say hello.", "Say hello.")))
    ///     .build()?;
    /// assert!(skill.intent_names().contains(&"AMAZON.HelpIntent"));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn intent(mut self, name: impl Into<String>, handler: impl Handler) -> Self {
        let name = name.into();
        if self
            .intents
            .insert(name.clone(), Box::new(handler))
            .is_some()
        {
            self.problems
                .push(format!("intent `{name}` has two handlers"));
        }
        self
    }

    /// Handles every request of `kind` with `handler` (for intents, prefer
    /// [`intent`](Self::intent); a handler for [`RequestKind::Intent`] takes the
    /// intents that have no handler of their own, instead of the fallback).
    /// ```
    /// use alexa_kit::prelude::*;
    /// let skill = Skill::builder()
    ///     .on(RequestKind::AudioPlayer, async |cx: &mut Input| {
    ///         tracing::info!(event = cx.request().type_name(), "player event");
    ///         Ok(cx.response())
    ///     })
    ///     .build()?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn on(mut self, kind: RequestKind, handler: impl Handler) -> Self {
        if self.kinds.iter().any(|(k, _)| *k == kind) {
            self.problems
                .push(format!("request kind {kind:?} has two handlers"));
        }
        self.kinds.push((kind, Box::new(handler)));
        self
    }

    /// Handles `LaunchRequest` (replaces the built-in welcome).
    /// ```
    /// use alexa_kit::prelude::*;
    /// let skill = Skill::builder()
    ///     .on_launch(async |cx: &mut Input| Ok(cx.ask("Welcome back!", "What now?")))
    ///     .build()?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn on_launch(self, handler: impl Handler) -> Self {
        self.on(RequestKind::Launch, handler)
    }

    /// Handles `SessionEndedRequest` (replaces the built-in logging handler).
    /// Alexa ignores speech in this answer.
    /// ```
    /// use alexa_kit::prelude::*;
    /// let skill = Skill::builder()
    ///     .on_session_ended(async |cx: &mut Input| {
    ///         tracing::info!(user = cx.envelope().user_id(), "bye");
    ///         Ok(cx.response())
    ///     })
    ///     .build()?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn on_session_ended(self, handler: impl Handler) -> Self {
        self.on(RequestKind::SessionEnded, handler)
    }

    /// Handles `CanFulfillIntentRequest` (replaces the built-in answer, which
    /// says `YES` for the intents the skill routes).
    /// ```
    /// use alexa_kit::model::CanFulfill;
    /// use alexa_kit::prelude::*;
    /// let skill = Skill::builder()
    ///     .on_can_fulfill_intent(async |cx: &mut Input| Ok(cx.response().can_fulfill(CanFulfill::Maybe)))
    ///     .build()?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn on_can_fulfill_intent(self, handler: impl Handler) -> Self {
        self.on(RequestKind::CanFulfillIntent, handler)
    }

    /// Adds a predicate handler, asked before the routes (in registration order).
    /// ```
    /// use alexa_kit::prelude::*;
    /// struct Maintenance;
    /// #[async_trait(?Send)]
    /// impl RequestHandler for Maintenance {
    ///     fn can_handle(&self, _cx: &Input) -> bool { std::env::var_os("MAINTENANCE").is_some() }
    ///     async fn handle(&self, cx: &mut Input) -> Result<ResponseBuilder> {
    ///         Ok(cx.say("Back soon.").end_session())
    ///     }
    /// }
    /// let skill = Skill::builder().handler(Maintenance).build()?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn handler(mut self, handler: impl RequestHandler) -> Self {
        self.predicates.push(Box::new(handler));
        self
    }

    /// Adds a request interceptor (they run in registration order, before routing).
    /// ```
    /// use alexa_kit::prelude::*;
    /// let skill = Skill::builder()
    ///     .request_interceptor(async |cx: &mut Input| {
    ///         tracing::debug!(intent = cx.intent_name(), "in");
    ///         Ok(())
    ///     })
    ///     .build()?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn request_interceptor(mut self, interceptor: impl RequestInterceptor) -> Self {
        self.request_interceptors.push(Box::new(interceptor));
        self
    }

    /// Adds a response interceptor (they run in registration order, after the
    /// handler — or after the error handler on the error path).
    /// ```
    /// use alexa_kit::model::Response;
    /// use alexa_kit::prelude::*;
    /// let skill = Skill::builder()
    ///     .response_interceptor(async |_cx: &mut Input, r: &mut Response| {
    ///         tracing::debug!(speech = r.output_speech.is_some(), "out");
    ///         Ok(())
    ///     })
    ///     .build()?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn response_interceptor(mut self, interceptor: impl ResponseInterceptor) -> Self {
        self.response_interceptors.push(Box::new(interceptor));
        self
    }

    /// Adds an error handler, asked in registration order before the built-in apology.
    /// ```
    /// use alexa_kit::prelude::*;
    /// struct Sorry;
    /// #[async_trait(?Send)]
    /// impl ErrorHandler for Sorry {
    ///     fn can_handle(&self, _cx: &Input, e: &Error) -> bool { e.kind() == ErrorKind::Handler }
    ///     async fn handle(&self, cx: &mut Input, _e: &Error) -> Result<ResponseBuilder> {
    ///         Ok(cx.ask("That didn't work. Try again?", "Try again?"))
    ///     }
    /// }
    /// let skill = Skill::builder().error_handler(Sorry).build()?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn error_handler(mut self, handler: impl ErrorHandler) -> Self {
        self.error_handlers.push(Box::new(handler));
        self
    }

    /// Verifies that every request is for this skill id (read from
    /// `context.System.application`, then `session.application`). A mismatch is
    /// an invocation error, never an answer. Without this call, the id comes from
    /// the `ALEXA_SKILL_ID` environment variable when it is set.
    /// ```
    /// let skill = alexa_kit::Skill::builder()
    ///     .skill_id("amzn1.ask.skill.12345678-1234-1234-1234-123456789012")
    ///     .build()?;
    /// let err = alexa_kit::Skill::builder().skill_id("my-skill").build().unwrap_err();
    /// assert_eq!(err.kind(), alexa_kit::ErrorKind::Config);
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn skill_id(mut self, id: impl Into<String>) -> Self {
        self.skill_id = Some(id.into());
        self
    }

    /// Turns off the skill id check, even when `ALEXA_SKILL_ID` is set.
    /// ```
    /// let skill = alexa_kit::Skill::builder().without_skill_id_check().build()?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn without_skill_id_check(mut self) -> Self {
        self.skill_id = None;
        self.skill_id_from_env = false;
        self
    }

    /// Keeps persistent attributes in `store` (see [`Input::persistent`](super::Input::persistent)).
    ///
    /// Without a store, a skill uses a [`MemoryStore`](crate::store::MemoryStore)
    /// of its own in tests ([`Skill::handle`]), a [`FileStore`](crate::store::FileStore)
    /// under `.alexa-kit/attributes/` when run locally, and on Lambda (with the
    /// `dynamodb` feature) the DynamoDB table named by `ALEXA_TABLE`;
    /// otherwise reading persistent attributes on Lambda is an
    /// [`ErrorKind::Config`] error.
    /// ```
    /// use alexa_kit::prelude::*;
    /// let skill = Skill::builder()
    ///     .persistence(alexa_kit::store::FileStore::new("/tmp/my-skill"))
    ///     .build()?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn persistence(mut self, store: impl Store) -> Self {
        self.persistence.store = Some(std::rc::Rc::new(store));
        self
    }

    /// Which id persistent attributes are stored under (default: the user id).
    /// ```
    /// use alexa_kit::prelude::*;
    /// use alexa_kit::skill::PersistenceKey;
    /// let skill = Skill::builder().persistence_key(PersistenceKey::PersonId).build()?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn persistence_key(mut self, key: PersistenceKey) -> Self {
        self.persistence.key = key;
        self
    }

    /// Saves changed persistent attributes after every request that succeeds
    /// (after the response interceptors, once the response is known to be
    /// valid). A request that ends in the apology saves nothing; a failed
    /// save (a conflict, the store down) ends in the apology.
    /// ```
    /// use alexa_kit::prelude::*;
    /// let skill = Skill::builder()
    ///     .save_persistent_attributes_on_success()
    ///     .intent("I", async |cx: &mut Input| {
    ///         cx.persistent().await?.set("seen", true)?; // saved when the answer is ready
    ///         Ok(cx.say("Noted."))
    ///     })
    ///     .build()?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn save_persistent_attributes_on_success(mut self) -> Self {
        self.persistence.save_on_success = true;
        self
    }

    /// Checks the configuration and builds the skill.
    ///
    /// Fails with [`ErrorKind::Config`] on conflicting registrations, and with
    /// [`ErrorKind::Localization`] when the messages cannot be loaded.
    /// ```
    /// use alexa_kit::prelude::*;
    /// let err = Skill::builder()
    ///     .intent("A", async |cx: &mut Input| Ok(cx.say("one")))
    ///     .intent("A", async |cx: &mut Input| Ok(cx.say("two")))
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::Config);
    /// ```
    pub fn build(self) -> Result<Skill> {
        let SkillBuilder {
            locales,
            mut intents,
            kinds,
            predicates,
            request_interceptors,
            response_interceptors,
            error_handlers,
            skill_id,
            skill_id_from_env,
            state,
            persistence,
            problems,
        } = self;
        if !problems.is_empty() {
            return Err(Error::new(
                ErrorKind::Config,
                format!("the skill is misconfigured: {}", problems.join("; ")),
            ));
        }
        let locales = match locales {
            Some(result) => result?,
            None => Locales::builtin()?,
        };
        let skill_id = match skill_id {
            Some(id) => Some(id),
            None if skill_id_from_env => std::env::var(SKILL_ID_ENV)
                .ok()
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty()),
            None => None,
        };
        if let Some(id) = &skill_id {
            check_skill_id_format(id)?;
        }

        // Built-in intents, unless the skill handles them itself.
        let builtins: [(&str, Box<dyn Handler>); 5] = [
            (defaults::HELP, Box::new(defaults::HELP_ANSWER)),
            (defaults::STOP, Box::new(defaults::GOODBYE)),
            (defaults::CANCEL, Box::new(defaults::GOODBYE)),
            (defaults::FALLBACK, Box::new(defaults::FALLBACK_ANSWER)),
            (
                defaults::NAVIGATE_HOME,
                Box::new(defaults::NAVIGATE_HOME_ANSWER),
            ),
        ];
        for (name, handler) in builtins {
            intents.entry(name.to_owned()).or_insert(handler);
        }
        // Every intent the skill serves, by name or through a predicate
        // handler that declares it: one sorted list for `intent_names`, the
        // CanFulfillIntent default and the skill-package check.
        let mut routed: Vec<String> = intents
            .keys()
            .cloned()
            .chain(
                predicates
                    .iter()
                    .flat_map(|p| p.intents().iter().map(|n| (*n).to_owned())),
            )
            .collect();
        routed.sort_unstable();
        routed.dedup();

        let mut by_kind: Vec<Option<Box<dyn Handler>>> =
            (0..RequestKind::COUNT).map(|_| None).collect();
        for (kind, handler) in kinds {
            by_kind[kind.index()] = Some(handler);
        }
        let mut default = |kind: RequestKind, handler: Box<dyn Handler>| {
            let slot = &mut by_kind[kind.index()];
            if slot.is_none() {
                *slot = Some(handler);
            }
        };
        default(RequestKind::Launch, Box::new(defaults::WELCOME));
        default(RequestKind::Intent, Box::new(defaults::FALLBACK_ANSWER));
        default(RequestKind::SessionEnded, Box::new(defaults::SessionEnded));
        default(
            RequestKind::CanFulfillIntent,
            Box::new(defaults::CanFulfillFromRoutes),
        );
        for kind in [
            RequestKind::ExceptionEncountered,
            RequestKind::AplRuntimeError,
            RequestKind::AudioPlayer,
            RequestKind::PlaybackController,
            RequestKind::SkillEvent,
            RequestKind::MessageReceived,
        ] {
            default(kind, Box::new(defaults::Silent));
        }
        let by_kind = by_kind
            .into_iter()
            .map(|h| h.unwrap_or_else(|| Box::new(defaults::UnknownRequest)))
            .collect();

        let mut error_handlers = error_handlers;
        error_handlers.push(Box::new(defaults::Apology));

        Ok(Skill {
            inner: std::rc::Rc::new(SkillInner {
                locales,
                intents: intents.into_iter().collect(),
                by_kind,
                predicates,
                request_interceptors,
                response_interceptors,
                error_handlers,
                skill_id,
                state,
                persistence,
                routed,
            }),
        })
    }

    /// Registers a skill-wide value, built once at start-up: configuration, a
    /// client, a cache. Handlers and interceptors read it with
    /// [`Input::state`](super::Input::state); one value per type (a second
    /// registration of the same type replaces the first).
    ///
    /// ```
    /// use alexa_kit::prelude::*;
    /// use alexa_kit::testing::Conversation;
    ///
    /// struct Config { greeting: &'static str }
    ///
    /// let skill = Skill::builder()
    ///     .state(Config { greeting: "Howdy!" })
    ///     .intent("HelloWorldIntent", async |cx: &mut Input| {
    ///         Ok(cx.say(cx.state::<Config>()?.greeting).end_session())
    ///     })
    ///     .build()?;
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let mut talk = Conversation::new(&skill);
    /// assert_eq!(talk.intent("HelloWorldIntent").await?.speech(), "Howdy!");
    /// # Ok::<(), alexa_kit::Error>(())
    /// # }).unwrap();
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn state<T: 'static>(mut self, value: T) -> Self {
        self.state.insert(value);
        self
    }
}

/// A skill id looks like `amzn1.ask.skill.<uuid>` (or the older
/// `amzn1.echo-sdk-ams.app.<id>`); anything else is a configuration mistake
/// that would reject every request, so it fails the build.
fn check_skill_id_format(id: &str) -> Result<()> {
    let well_formed = ["amzn1.ask.skill.", "amzn1.echo-sdk-ams.app."]
        .iter()
        .any(|prefix| id.strip_prefix(prefix).is_some_and(|rest| !rest.is_empty()));
    if well_formed {
        Ok(())
    } else {
        Err(Error::new(
            ErrorKind::Config,
            format!(
                "`{id}` is not an Alexa skill id (expected amzn1.ask.skill.<uuid>); \
                 check the skill id given to the builder or in {SKILL_ID_ENV}"
            ),
        ))
    }
}

/// What [`SkillBuilder::locales`] accepts: [`Locales`] or `Result<Locales>`.
///
/// ```
/// use alexa_kit::i18n::Locales;
/// // Both forms work; an `Err` surfaces from `build()`.
/// let a = alexa_kit::Skill::builder().locales(Locales::builtin()).build()?;
/// let b = alexa_kit::Skill::builder().locales(Locales::builtin()?).build()?;
/// # Ok::<(), alexa_kit::Error>(())
/// ```
pub struct LocalesSource(Result<Locales>);

impl From<Locales> for LocalesSource {
    fn from(locales: Locales) -> Self {
        LocalesSource(Ok(locales))
    }
}

impl From<Result<Locales>> for LocalesSource {
    fn from(locales: Result<Locales>) -> Self {
        LocalesSource(locales)
    }
}
