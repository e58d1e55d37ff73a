//! Handler traits: what skill code implements.

use async_trait::async_trait;

use super::Input;
use crate::response::ResponseBuilder;
use crate::{Error, Result};

/// Handles one kind of request: an intent, a launch, a session end…
///
/// Implement it on a type, or pass a plain async closure
/// (`async |cx: &mut Input| { … }`), which implements it too.
///
/// ```
/// use alexa_kit::prelude::*;
///
/// struct HelloWorld;
///
/// #[async_trait(?Send)]
/// impl Handler for HelloWorld {
///     async fn handle(&self, cx: &mut Input) -> Result<ResponseBuilder> {
///         Ok(cx.say(cx.t("hello-world")).end_session())
///     }
/// }
///
/// let skill = Skill::builder()
///     .intent("HelloWorldIntent", HelloWorld)
///     .intent("GoodbyeIntent", async |cx: &mut Input| Ok(cx.say("Bye!").end_session()))
///     .build()?;
/// # Ok::<(), alexa_kit::Error>(())
/// ```
///
/// Handler futures need not be `Send`: a skill runs on one thread (the Lambda
/// loop and the local simulator use tokio's current-thread runtime), so
/// handlers may hold `Rc`s or `RefCell` borrows across `.await`.
#[async_trait(?Send)]
pub trait Handler: 'static {
    /// Answers the request.
    async fn handle(&self, input: &mut Input) -> Result<ResponseBuilder>;
}

#[async_trait(?Send)]
impl<F> Handler for F
where
    F: AsyncFn(&mut Input) -> Result<ResponseBuilder> + 'static,
{
    async fn handle(&self, input: &mut Input) -> Result<ResponseBuilder> {
        self(input).await
    }
}

/// A handler that decides for itself which requests it takes: `can_handle`
/// then `handle`, as in the official Alexa SDKs.
///
/// Predicate handlers are asked first, in registration order, before the
/// routes by intent name and request kind (see [`Skill`](super::Skill) for
/// the whole dispatch order).
///
/// ```
/// use alexa_kit::prelude::*;
///
/// /// Answers every intent while the game is over.
/// struct GameOver;
///
/// #[async_trait(?Send)]
/// impl RequestHandler for GameOver {
///     fn can_handle(&self, cx: &Input) -> bool {
///         cx.intent_name().is_some() && cx.session().get::<bool>("over").ok().flatten() == Some(true)
///     }
///     async fn handle(&self, cx: &mut Input) -> Result<ResponseBuilder> {
///         Ok(cx.say("The game is over.").end_session())
///     }
/// }
///
/// let skill = Skill::builder().handler(GameOver).build()?;
/// # Ok::<(), alexa_kit::Error>(())
/// ```
#[async_trait(?Send)]
pub trait RequestHandler: 'static {
    /// Whether this handler takes the request.
    fn can_handle(&self, input: &Input) -> bool;
    /// Answers the request.
    async fn handle(&self, input: &mut Input) -> Result<ResponseBuilder>;
    /// The intents this handler serves, if it serves intents: they count as
    /// routed for [`Skill::intent_names`](super::Skill::intent_names), the
    /// default `CanFulfillIntentRequest` answer and the skill-package check,
    /// exactly like intents registered by name. Empty by default.
    ///
    /// ```
    /// use alexa_kit::prelude::*;
    ///
    /// struct Answer;
    ///
    /// #[async_trait(?Send)]
    /// impl RequestHandler for Answer {
    ///     fn can_handle(&self, cx: &Input) -> bool {
    ///         cx.intent_name() == Some("AnswerIntent")
    ///     }
    ///     async fn handle(&self, cx: &mut Input) -> Result<ResponseBuilder> {
    ///         Ok(cx.say("Right!"))
    ///     }
    ///     fn intents(&self) -> &[&'static str] {
    ///         &["AnswerIntent"]
    ///     }
    /// }
    ///
    /// let skill = Skill::builder().handler(Answer).build()?;
    /// assert!(skill.intent_names().contains(&"AnswerIntent"));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    fn intents(&self) -> &[&'static str] {
        &[]
    }
}

/// A predicate handler from two closures: `can_handle` and `handle`. Build
/// one with [`when`].
///
/// ```
/// use alexa_kit::prelude::*;
/// use alexa_kit::skill::when;
///
/// let skill = Skill::builder()
///     .handler(
///         when(
///             |cx: &Input| cx.session().get::<bool>("quiz").ok().flatten() == Some(true),
///             async |cx: &mut Input| Ok(cx.ask("Next question: 2 + 2?", "2 + 2?")),
///         )
///         .intents(&["AnswerIntent"]),
///     )
///     .build()?;
/// assert!(skill.intent_names().contains(&"AnswerIntent"));
/// # Ok::<(), alexa_kit::Error>(())
/// ```
pub struct When<P, H> {
    predicate: P,
    handler: H,
    intents: &'static [&'static str],
}

/// A predicate handler: `handler` takes every request for which `predicate`
/// is true. Declare the intents it serves with [`When::intents`] so that the
/// skill-package check and `CanFulfillIntentRequest` know about them.
///
/// ```
/// use alexa_kit::prelude::*;
/// use alexa_kit::skill::when;
///
/// let skill = Skill::builder()
///     .handler(when(
///         |cx: &Input| cx.locale().starts_with("de"),
///         async |cx: &mut Input| Ok(cx.say("Hallo!")),
///     ))
///     .build()?;
/// # Ok::<(), alexa_kit::Error>(())
/// ```
pub fn when<P, H>(predicate: P, handler: H) -> When<P, H>
where
    P: Fn(&Input) -> bool + 'static,
    H: Handler,
{
    When {
        predicate,
        handler,
        intents: &[],
    }
}

impl<P, H> When<P, H> {
    /// Declares the intents this handler serves.
    ///
    /// ```
    /// use alexa_kit::prelude::*;
    /// let h = alexa_kit::skill::when(|_: &Input| true, async |cx: &mut Input| Ok(cx.response()))
    ///     .intents(&["YesIntent", "NoIntent"]);
    /// assert_eq!(RequestHandler::intents(&h), ["YesIntent", "NoIntent"]);
    /// ```
    #[must_use]
    pub fn intents(mut self, intents: &'static [&'static str]) -> Self {
        self.intents = intents;
        self
    }
}

#[async_trait(?Send)]
impl<P, H> RequestHandler for When<P, H>
where
    P: Fn(&Input) -> bool + 'static,
    H: Handler,
{
    fn can_handle(&self, input: &Input) -> bool {
        (self.predicate)(input)
    }

    async fn handle(&self, input: &mut Input) -> Result<ResponseBuilder> {
        self.handler.handle(input).await
    }

    fn intents(&self) -> &[&'static str] {
        self.intents
    }
}

/// Runs before routing; may read or change the input, or fail.
///
/// ```
/// use alexa_kit::prelude::*;
///
/// let skill = Skill::builder()
///     .request_interceptor(async |cx: &mut Input| {
///         let visits = cx.session().get::<u32>("visits")?.unwrap_or(0);
///         cx.session_mut().set("visits", visits + 1)
///     })
///     .build()?;
/// # Ok::<(), alexa_kit::Error>(())
/// ```
#[async_trait(?Send)]
pub trait RequestInterceptor: 'static {
    /// Processes the input before a handler sees it.
    async fn process(&self, input: &mut Input) -> Result<()>;
}

#[async_trait(?Send)]
impl<F> RequestInterceptor for F
where
    F: AsyncFn(&mut Input) -> Result<()> + 'static,
{
    async fn process(&self, input: &mut Input) -> Result<()> {
        self(input).await
    }
}

/// Runs after the handler (and after an error handler, on the error path);
/// may change the response, or fail.
///
/// ```
/// use alexa_kit::prelude::*;
/// use alexa_kit::model::Response;
///
/// let skill = Skill::builder()
///     .response_interceptor(async |cx: &mut Input, response: &mut Response| {
///         tracing::info!(locale = cx.locale(), ends = ?response.should_end_session, "answered");
///         Ok(())
///     })
///     .build()?;
/// # Ok::<(), alexa_kit::Error>(())
/// ```
#[async_trait(?Send)]
pub trait ResponseInterceptor: 'static {
    /// Processes the response before it is checked and sent.
    async fn process(&self, input: &mut Input, response: &mut crate::model::Response)
    -> Result<()>;
}

#[async_trait(?Send)]
impl<F> ResponseInterceptor for F
where
    F: AsyncFn(&mut Input, &mut crate::model::Response) -> Result<()> + 'static,
{
    async fn process(
        &self,
        input: &mut Input,
        response: &mut crate::model::Response,
    ) -> Result<()> {
        self(input, response).await
    }
}

/// Turns an error into an answer for the user.
///
/// Error handlers are asked in registration order; the built-in one, asked
/// last, apologises in the user's language (message id `error`) and keeps the
/// session open.
///
/// ```
/// use alexa_kit::prelude::*;
///
/// struct NotANumber;
///
/// #[async_trait(?Send)]
/// impl ErrorHandler for NotANumber {
///     fn can_handle(&self, _cx: &Input, error: &Error) -> bool {
///         // `?` kept the original error: find it by its type.
///         error.downcast_ref::<std::num::ParseIntError>().is_some()
///     }
///     async fn handle(&self, cx: &mut Input, _error: &Error) -> Result<ResponseBuilder> {
///         Ok(cx.ask("That is not a number. Which number?", "Which number?"))
///     }
/// }
///
/// let skill = Skill::builder()
///     .intent("GuessIntent", async |cx: &mut Input| {
///         let guess: u32 = cx.slot_value("number").unwrap_or("").parse()?;
///         Ok(cx.say(format!("You said {guess}.")))
///     })
///     .error_handler(NotANumber)
///     .build()?;
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let turn = alexa_kit::testing::Conversation::new(&skill)
///     .send(alexa_kit::testing::intent("GuessIntent").slot("number", "many"))
///     .await?;
/// assert_eq!(turn.speech(), "That is not a number. Which number?");
/// # Ok::<(), alexa_kit::Error>(())
/// # }).unwrap();
/// # Ok::<(), alexa_kit::Error>(())
/// ```
#[async_trait(?Send)]
pub trait ErrorHandler: 'static {
    /// Whether this handler takes the error.
    fn can_handle(&self, input: &Input, error: &Error) -> bool;
    /// Answers the user after the error.
    async fn handle(&self, input: &mut Input, error: &Error) -> Result<ResponseBuilder>;
}
