//! The local command line: the same binary that is the Lambda `bootstrap`
//! runs the skill on your machine when `AWS_LAMBDA_RUNTIME_API` is unset.
//!
//! ```text
//! hello_world [--locale de-DE] [--skill-package DIR] [--json] [--date YYYY-MM-DD]   talk to the skill
//! hello_world invoke FILE|-                                     answer one request envelope
//! hello_world serve [--port 3000] ...                           self-hosted endpoint (feature `server`)
//! hello_world --help
//! ```
//!
//! The dialog simulator reads one utterance per line (a prompt on a
//! terminal, plain lines when piped), matches it against the skill's own
//! interaction model (`<skill package>/interactionModels/custom/<locale>.json`,
//! with typed slot values, entity resolution, the usual phrases of Alexa's
//! built-in intents and the dialog model), carries the session from turn to
//! turn and prints what Alexa would say. It calls the same skill core as
//! Lambda does. `Simulator` is the same dialog as a library, for tests.
//!
//! # The `simulator` feature
//!
//! The dialog simulator (`Simulator`, `Turn`, `SentRequest`,
//! `check_skill_package`, `SKILL_PACKAGE_ENV` and the dialog mode of the
//! command line; plain names here, so that these docs also build without it) is alexa-kit's one default feature, `simulator`: its language
//! understanding (slot types, numbers and ordinals in 10 languages, dates,
//! times and durations, the dialog model, per-script normalisation) is about
//! 167 KB of a stripped binary that a Lambda bootstrap never runs. Default
//! features are for your machine (`cargo run --example NAME` talks to the
//! skill); the deploy build leaves them out (`make package` builds with
//! `--no-default-features`), like tokio's `default-features = false`. Without
//! it, `invoke FILE|-`, `--help` and `serve` (feature `server`) still work,
//! and the dialog mode exits with a one-line error that says how to get it.
//! A skill crate that depends on alexa-kit with `default-features = false`
//! can turn it back on for development with `--features alexa-kit/simulator`.

#[cfg(feature = "simulator")]
mod builtin;
#[cfg(feature = "simulator")]
mod interaction_model;
#[cfg(feature = "simulator")]
mod lang;
#[cfg(feature = "simulator")]
mod numbers;
#[cfg(feature = "services")]
mod stand_in;
#[cfg(feature = "simulator")]
mod text;

#[cfg(feature = "services")]
pub use stand_in::StandIn;

use std::io::Write;
use std::path::PathBuf;
#[cfg(feature = "simulator")]
use std::{
    io::{BufRead, IsTerminal},
    path::Path,
};

#[cfg(feature = "simulator")]
use crate::model::{
    ConfirmationStatus, DialogState, Directive, Intent, IntentRequest, LaunchRequest, Request,
    RequestEnvelope, ResponseEnvelope, SessionEndedRequest, ShouldEndSession, Slot,
};
#[cfg(feature = "simulator")]
use crate::response::ssml;
use crate::skill::Skill;
use crate::slots::Day;
#[cfg(feature = "simulator")]
use crate::testing;
use crate::{Error, ErrorKind, Result};

#[cfg(feature = "simulator")]
use interaction_model::{InteractionModel, Opening, locale_tag};

#[cfg(feature = "simulator")]
/// Environment variable naming the skill package folder for the simulator
/// (`--skill-package` wins over it; `./skill-package` is the default).
///
/// ```
/// assert_eq!(alexa_kit::local::SKILL_PACKAGE_ENV, "ALEXA_SKILL_PACKAGE");
/// ```
pub const SKILL_PACKAGE_ENV: &str = "ALEXA_SKILL_PACKAGE";

const HELP: &str = "\
Run an Alexa skill on your machine.

USAGE:
    <skill> [OPTIONS]              talk to the skill (dialog simulator)
    <skill> invoke FILE|-          answer one request envelope (JSON) and print the response envelope
    <skill> serve [--help]         answer Alexa over HTTP(S) from this machine (feature `server`)

OPTIONS:
    --locale LOCALE          the user's locale, e.g. de-DE, ja-JP (default: en-US)
    --skill-package DIR      the skill package holding interactionModels/custom/<locale>.json
                             (default: $ALEXA_SKILL_PACKAGE, else ./skill-package)
    --json                   also print each response envelope as JSON
    --date YYYY-MM-DD        today, for relative dates such as \"tomorrow\" and the requests' timestamp
                             (default: today in UTC)
    -h, --help               print this help

THE SIMULATOR:
    Type what you would say to Alexa, one utterance per line. It is matched against the
    skill's interaction model for the locale, including slot values and the usual phrases
    of the built-in intents (help, stop, cancel, ...). The session, with its attributes,
    carries from turn to turn; after the skill ends it, the next line starts a new one
    (say the invocation name, e.g. \"open hello world\", to launch). End with Ctrl-D.
    Piped input works too: printf 'hello\\n' | <skill> --locale fr-FR

ON AWS LAMBDA:
    When AWS_LAMBDA_RUNTIME_API is set, the same binary serves the Lambda Runtime API instead.
";

/// The simulator's flags for Alexa's APIs (feature `services`).
#[cfg(all(feature = "simulator", feature = "services"))]
const SERVICES_HELP: &str = "\
ALEXA'S APIS (skills built with the `services` feature):
    The simulator serves the settings, customer profile, device address, reminders and
    progressive response APIs on loopback and points apiEndpoint at them. Unset values
    answer \"not set\" (HTTP 204), as Alexa does.
    --time-zone ZONE         the device's time zone, e.g. Europe/Berlin
    --name NAME              the account holder's full name
    --given-name NAME        the account holder's given name
    --email ADDRESS          the account holder's email address
    --deny SCOPE             act as if the user refused this permission (repeatable)
    --services FILE          all values from a JSON file (see README, \"Offline stand-ins\")
";

#[derive(Debug, Default)]
// Without the `simulator` feature, the dialog's flags are parsed (so that they get a clear error) but unused.
#[cfg_attr(not(feature = "simulator"), allow(dead_code))]
struct Options {
    locale: Option<String>,
    skill_package: Option<PathBuf>,
    json: bool,
    invoke: Option<String>,
    today: Option<Day>,
    help: bool,
    /// Values for the stand-in of Alexa's APIs: (flag, value) in order.
    #[cfg(feature = "services")]
    services: Vec<(String, String)>,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Options> {
    let mut options = Options::default();
    let mut args = args.into_iter();
    let usage = |message: String| Error::new(ErrorKind::Config, format!("{message} (see --help)"));
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| usage(format!("{name} needs a value")))
        };
        match flag.as_str() {
            "-h" | "--help" | "help" => options.help = true,
            "--locale" => options.locale = Some(value("--locale")?),
            "--skill-package" => {
                options.skill_package = Some(PathBuf::from(value("--skill-package")?))
            }
            "--json" => options.json = true,
            "--date" => {
                let value = value("--date")?;
                let day = value
                    .parse::<Day>()
                    .map_err(|e| usage(format!("--date: {e}")))?;
                options.today = Some(day);
            }
            "invoke" => options.invoke = Some(value("invoke")?),
            #[cfg(feature = "services")]
            "--time-zone" | "--name" | "--given-name" | "--email" | "--deny" | "--services" => {
                let v = value(&flag)?;
                options.services.push((flag, v));
            }
            other => return Err(usage(format!("unknown argument `{other}`"))),
        }
    }
    Ok(options)
}

/// Runs the local command line for `skill` with the process's arguments.
///
/// This is what [`Skill::run`] does when `AWS_LAMBDA_RUNTIME_API` is unset.
///
/// ```no_run
/// # async fn demo() -> alexa_kit::Result<()> {
/// let skill = alexa_kit::Skill::builder().build()?;
/// alexa_kit::local::run(skill).await
/// # }
/// ```
pub async fn run(skill: Skill) -> Result<()> {
    run_source(SkillSource::Built(skill)).await
}

/// Where the command line gets its skill: built already ([`Skill::run`]) or
/// from a factory ([`Skill::run_with`]), which `serve` calls once per worker.
pub(crate) enum SkillSource {
    Built(Skill),
    Factory(std::sync::Arc<dyn Fn() -> Result<Skill> + Send + Sync>),
}

pub(crate) async fn run_source(source: SkillSource) -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("serve") {
        return serve(source, &args[1..]).await;
    }
    let skill = match source {
        SkillSource::Built(skill) => skill,
        SkillSource::Factory(factory) => factory()?,
    };
    let options = parse_args(args)?;
    if options.help {
        #[cfg(all(feature = "simulator", feature = "services"))]
        let more = format!("\n{SERVICES_HELP}");
        #[cfg(all(feature = "simulator", not(feature = "services")))]
        let more = "";
        #[cfg(not(feature = "simulator"))]
        let more = format!("\nTHIS BUILD:\n    {NO_SIMULATOR}.\n");
        return print(format!("{HELP}{more}").as_bytes());
    }
    if let Some(file) = &options.invoke {
        return invoke(&skill, file).await;
    }
    #[cfg(feature = "simulator")]
    {
        let stdin = std::io::stdin();
        let interactive = stdin.is_terminal();
        let mut out = std::io::stdout().lock();
        simulate(&skill, &options, stdin.lock(), &mut out, interactive).await
    }
    #[cfg(not(feature = "simulator"))]
    Err(Error::new(ErrorKind::Config, NO_SIMULATOR))
}

/// What a build without the `simulator` feature says when asked for a dialog.
#[cfg(not(feature = "simulator"))]
const NO_SIMULATOR: &str = "the dialog simulator is not compiled into this build (it lacks alexa-kit's \
    default `simulator` feature); run the skill with default features, e.g. `cargo run --example NAME`";

#[cfg(feature = "server")]
async fn serve(source: SkillSource, args: &[String]) -> Result<()> {
    crate::server::serve_command(source, args).await
}

#[cfg(not(feature = "server"))]
async fn serve(_source: SkillSource, _args: &[String]) -> Result<()> {
    Err(Error::new(
        ErrorKind::Config,
        "`serve` needs alexa-kit's `server` feature: build with `--features alexa-kit/server` \
         (or `features = [\"server\"]` on the alexa-kit dependency)",
    ))
}

async fn invoke(skill: &Skill, file: &str) -> Result<()> {
    let bytes = if file == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)?;
        buf
    } else {
        std::fs::read(file)
            .map_err(|e| Error::new(ErrorKind::Io, format!("cannot read {file}")).with_source(e))?
    };
    let response = skill
        .handle_bytes(&bytes, &crate::Invocation::new(crate::Transport::Local))
        .await?;
    let value: serde_json::Value = serde_json::from_slice(&response)?;
    let mut pretty = serde_json::to_vec_pretty(&value)?;
    pretty.push(b'\n');
    print(&pretty)
}

/// Writes `bytes` to stdout. Unlike `print!`, a closed or full stdout is an
/// error (the command exits non-zero) rather than a panic.
fn print(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|e| Error::new(ErrorKind::Io, "cannot write to stdout").with_source(e))
}

#[cfg(feature = "simulator")]
fn skill_package(options: &Options) -> PathBuf {
    options
        .skill_package
        .clone()
        .or_else(|| std::env::var_os(SKILL_PACKAGE_ENV).map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("skill-package"))
}

#[cfg(feature = "simulator")]
/// The dialog simulator, over any input and output (tests drive it with buffers).
async fn simulate(
    skill: &Skill,
    options: &Options,
    input: impl BufRead,
    out: &mut impl Write,
    interactive: bool,
) -> Result<()> {
    let locale = options.locale.as_deref().unwrap_or("en-US");
    let mut sim = Simulator::new(skill, &skill_package(options), locale)?;
    if let Some(today) = options.today {
        sim = sim.today(today);
    }
    #[cfg(feature = "services")]
    {
        sim = sim.services(stand_in(&options.services)?);
    }
    writeln!(
        out,
        "alexa-kit simulator: {} ({}), model {}",
        sim.model.invocation_name,
        sim.locale,
        sim.model.path.display()
    )?;
    if interactive {
        writeln!(out, "Type what you would say to Alexa; Ctrl-D to quit.")?;
    }
    let turn = sim.launch().await?;
    print_turn(out, &turn, options.json)?;
    let mut input = input;
    let mut line = Vec::new();
    loop {
        if interactive {
            write!(out, "you> ")?;
            out.flush()?;
        }
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        let Ok(text) = std::str::from_utf8(&line) else {
            writeln!(out, "  (that line is not UTF-8 text; skipped)")?;
            continue;
        };
        let utterance = text.trim();
        if utterance.is_empty() {
            continue;
        }
        if !interactive {
            writeln!(out, "you> {utterance}")?;
        }
        let turn = sim.say(utterance).await?;
        print_turn(out, &turn, options.json)?;
    }
    sim.end().await?;
    if interactive {
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(feature = "simulator")]
fn print_turn(out: &mut impl Write, turn: &Turn, json: bool) -> Result<()> {
    for note in &turn.notes {
        writeln!(out, "  ({note})")?;
    }
    for sent in &turn.requests {
        if let Some(intent) = &sent.intent {
            let mut slots: Vec<String> = intent
                .slots
                .iter()
                .filter_map(|(k, v)| v.value().map(|value| format!("{k}={value}")))
                .collect();
            slots.sort_unstable();
            let mut line = intent.name.clone();
            for s in slots {
                line.push(' ');
                line.push_str(&s);
            }
            if let Some(state) = &sent.dialog_state {
                line.push_str(&format!(" ({})", state.as_str()));
            }
            if intent.confirmation_status != ConfirmationStatus::None {
                line.push_str(&format!(" intent {}", intent.confirmation_status.as_str()));
            }
            writeln!(out, "  [{line}]")?;
        }
    }
    #[cfg(feature = "services")]
    for spoken in &turn.progressive {
        writeln!(out, "alexa> {spoken}  (progressive response)")?;
    }
    match &turn.speech {
        Some(speech) => writeln!(out, "alexa> {speech}")?,
        None if turn.requests.is_empty() && turn.responses.is_empty() => {}
        None => writeln!(out, "alexa> (says nothing)")?,
    }
    if let Some(r) = turn.responses.last().map(|r| &r.response) {
        if let Some(speech) = r.reprompt.as_ref().and_then(|rp| rp.output_speech.as_ref()) {
            writeln!(out, "  (reprompt: {})", ssml::to_plain_text(speech.text()))?;
        }
        if let Some(card) = &r.card {
            writeln!(out, "  (card: {})", serde_json::to_string(card)?)?;
        }
        for directive in &r.directives {
            writeln!(out, "  (directive: {})", directive.type_name())?;
        }
    }
    if json {
        for response in &turn.responses {
            writeln!(out, "{}", serde_json::to_string_pretty(response)?)?;
        }
    }
    if !turn.session_open && !turn.responses.is_empty() {
        writeln!(out, "  (session ended)")?;
    }
    Ok(())
}

#[cfg(feature = "simulator")]
/// Checks that a skill package and the code agree, for each locale: every
/// custom intent of the interaction model has a handler, and every custom
/// intent the skill handles is in the model. Reports every problem at once.
///
/// Meant for a skill's own tests:
///
/// ```no_run
/// let skill = alexa_kit::Skill::builder()
///     .intent("HelloWorldIntent", async |cx: &mut alexa_kit::skill::Input| Ok(cx.say("Hi")))
///     .build()?;
/// alexa_kit::local::check_skill_package(&skill, "skill-package".as_ref(), &["en-US", "de-DE"])?;
/// # Ok::<(), alexa_kit::Error>(())
/// ```
pub fn check_skill_package(
    skill: &Skill,
    skill_package: &std::path::Path,
    locales: &[&str],
) -> Result<()> {
    let handled: Vec<&str> = skill
        .intent_names()
        .into_iter()
        .filter(|n| !n.starts_with("AMAZON."))
        .collect();
    let mut problems = Vec::new();
    for locale in locales {
        let model = match InteractionModel::load(skill_package, locale) {
            Ok(m) => m,
            Err(e) => {
                problems.push(e.to_string());
                continue;
            }
        };
        for intent in &model.custom_intents {
            if !handled.contains(&intent.as_str()) {
                problems.push(format!(
                    "{locale}: intent `{intent}` is in the interaction model but has no handler"
                ));
            }
        }
        for intent in &handled {
            if !model.custom_intents.iter().any(|i| i == intent) {
                problems.push(format!(
                    "{locale}: the skill handles `{intent}`, but the interaction model lacks it"
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::new(
            ErrorKind::Config,
            format!(
                "the skill package and the code disagree:\n  {}",
                problems.join("\n  ")
            ),
        ))
    }
}

/// The stand-in for Alexa's APIs, from the simulator's flags.
#[cfg(all(feature = "simulator", feature = "services"))]
fn stand_in(flags: &[(String, String)]) -> Result<StandIn> {
    let mut stand_in = match flags.iter().find(|(f, _)| f == "--services") {
        Some((_, file)) => StandIn::from_file(file.as_ref())?,
        None => StandIn::new(),
    };
    for (flag, value) in flags {
        stand_in = match flag.as_str() {
            "--time-zone" => stand_in.time_zone(value),
            "--name" => stand_in.name(value),
            "--given-name" => stand_in.given_name(value),
            "--email" => stand_in.email(value),
            "--deny" => stand_in.deny(value),
            _ => stand_in,
        };
    }
    Ok(stand_in)
}

#[cfg(feature = "simulator")]
/// A request the simulator sent to the skill.
///
/// ```
/// let sent = alexa_kit::local::SentRequest::default();
/// assert!(sent.intent.is_none() && !sent.new_session);
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct SentRequest {
    /// `LaunchRequest`, `IntentRequest` or `SessionEndedRequest`.
    pub request_type: &'static str,
    /// The intent of an `IntentRequest`, with its slots as sent.
    pub intent: Option<Intent>,
    /// The `dialogState` of an `IntentRequest` whose intent has a dialog model.
    pub dialog_state: Option<DialogState>,
    /// Whether the request opened a new session.
    pub new_session: bool,
}

#[cfg(feature = "simulator")]
/// What happened in one turn of the simulator.
///
/// ```
/// let turn = alexa_kit::local::Turn::default();
/// assert!(turn.requests.is_empty() && turn.speech.is_none());
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Turn {
    /// The requests sent to the skill, in order: none when the dialog model
    /// asked the question itself, two when the skill delegated and the
    /// dialog completed at once.
    pub requests: Vec<SentRequest>,
    /// The skill's responses, one per request.
    pub responses: Vec<ResponseEnvelope>,
    /// What Alexa said, as plain text: the skill's speech or a prompt of the dialog model.
    pub speech: Option<String>,
    /// Whether the session is still open after this turn.
    pub session_open: bool,
    /// What the simulator did on its own: a prompt of the dialog model, no match, a skill failure.
    pub notes: Vec<String>,
    /// The progressive responses the skill spoke in this turn, as plain text
    /// (feature `services`).
    #[cfg(feature = "services")]
    pub progressive: Vec<String>,
}

#[cfg(feature = "simulator")]
impl Turn {
    /// The intent of the last request sent to the skill, with its slots.
    ///
    /// ```
    /// assert!(alexa_kit::local::Turn::default().intent().is_none());
    /// ```
    pub fn intent(&self) -> Option<&Intent> {
        self.requests.iter().rev().find_map(|r| r.intent.as_ref())
    }

    /// The `dialogState` of the last intent request sent to the skill.
    ///
    /// ```
    /// assert!(alexa_kit::local::Turn::default().dialog_state().is_none());
    /// ```
    pub fn dialog_state(&self) -> Option<DialogState> {
        self.requests
            .iter()
            .rev()
            .find(|r| r.intent.is_some())
            .and_then(|r| r.dialog_state.clone())
    }
}

#[cfg(feature = "simulator")]
/// What the dialog waits for.
#[derive(Debug, Clone, PartialEq)]
enum Awaiting {
    Nothing,
    Slot(String),
    SlotConfirmation(String),
    IntentConfirmation,
}

#[cfg(feature = "simulator")]
#[derive(Debug)]
struct ActiveDialog {
    intent: Intent,
    awaiting: Awaiting,
    /// Whether the skill has seen this dialog yet (STARTED vs IN_PROGRESS).
    started: bool,
}

#[cfg(feature = "simulator")]
/// The next step of a delegated dialog.
enum Step {
    Ask(Awaiting, Option<String>),
    Complete,
}

#[cfg(feature = "simulator")]
/// The dialog simulator as a library: talk to a skill through its interaction
/// model, turn by turn, as the command line does. For a skill's own tests.
///
/// It matches each utterance against `<skill package>/interactionModels/custom/<locale>.json`
/// (samples, slot types, built-in intents), runs the dialog model (delegation,
/// elicitation, confirmation), carries the session, and calls [`Skill::handle`].
///
/// ```no_run
/// # async fn demo() -> alexa_kit::Result<()> {
/// use alexa_kit::local::Simulator;
/// let skill = alexa_kit::Skill::builder().build()?;
/// let mut sim = Simulator::new(&skill, "skill-package".as_ref(), "de-DE")?
///     .today(alexa_kit::slots::Day::new(2026, 11, 29).unwrap());
/// sim.launch().await?;
/// let turn = sim.say("hallo").await?;
/// assert_eq!(turn.intent().map(|i| i.name.as_str()), Some("HelloWorldIntent"));
/// # Ok(()) }
/// ```
pub struct Simulator<'a> {
    skill: &'a Skill,
    model: InteractionModel,
    locale: String,
    today: Day,
    /// Session attributes while a session is open.
    attributes: Option<serde_json::Map<String, serde_json::Value>>,
    dialog: Option<ActiveDialog>,
    turn: u32,
    sessions: u32,
    #[cfg(feature = "services")]
    stand_in: Option<StandIn>,
}

#[cfg(feature = "simulator")]
impl<'a> Simulator<'a> {
    /// A simulator for `skill` with the model of `locale` from `skill_package`.
    ///
    /// ```
    /// let skill = alexa_kit::Skill::builder().build()?;
    /// let err = alexa_kit::local::Simulator::new(&skill, "nowhere".as_ref(), "en-US").err().unwrap();
    /// assert!(err.to_string().contains("no interaction model for en-US"));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn new(skill: &'a Skill, skill_package: &Path, locale: &str) -> Result<Self> {
        let locale = locale_tag(locale)?;
        Ok(Simulator {
            skill,
            model: InteractionModel::load(skill_package, &locale)?,
            locale,
            today: Day::today_utc(),
            attributes: None,
            dialog: None,
            turn: 0,
            sessions: 0,
            #[cfg(feature = "services")]
            stand_in: None,
        })
    }

    /// Serves Alexa's APIs from `stand_in` (feature `services`): every
    /// request carries its endpoint, token and a device id; each [`Turn`]
    /// lists the progressive responses spoken in it. The command line always
    /// does this, with the values of its flags.
    ///
    /// ```no_run
    /// # let skill = alexa_kit::Skill::builder().build()?;
    /// let stand_in = alexa_kit::local::StandIn::new().time_zone("Europe/Vienna");
    /// let sim = alexa_kit::local::Simulator::new(&skill, "skill-package".as_ref(), "de-DE")?
    ///     .services(stand_in);
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    #[cfg(feature = "services")]
    #[must_use]
    pub fn services(mut self, stand_in: StandIn) -> Self {
        self.stand_in = Some(stand_in);
        self
    }

    /// Sets "today" for relative dates ("tomorrow", "next week"); UTC's today by default.
    ///
    /// ```no_run
    /// # let skill = alexa_kit::Skill::builder().build()?;
    /// let sim = alexa_kit::local::Simulator::new(&skill, "skill-package".as_ref(), "en-US")?
    ///     .today(alexa_kit::slots::Day::new(2026, 11, 29).unwrap());
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    #[must_use]
    pub fn today(mut self, today: Day) -> Self {
        self.today = today;
        self
    }

    /// Whether a session is open.
    ///
    /// ```
    /// # let dir = std::env::temp_dir().join("alexa-kit-doc-session-open/interactionModels/custom");
    /// # std::fs::create_dir_all(&dir).unwrap();
    /// # std::fs::write(dir.join("en-US.json"), r#"{"interactionModel":{"languageModel":{"invocationName":"x"}}}"#).unwrap();
    /// # let package = dir.parent().unwrap().parent().unwrap();
    /// let skill = alexa_kit::Skill::builder().build()?;
    /// let sim = alexa_kit::local::Simulator::new(&skill, package, "en-US")?;
    /// assert!(!sim.session_open());
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn session_open(&self) -> bool {
        self.attributes.is_some()
    }

    /// Opens the skill: a `LaunchRequest` in a new session.
    ///
    /// ```no_run
    /// # async fn demo(sim: &mut alexa_kit::local::Simulator<'_>) -> alexa_kit::Result<()> {
    /// let turn = sim.launch().await?;
    /// println!("{:?}", turn.speech);
    /// # Ok(()) }
    /// ```
    pub async fn launch(&mut self) -> Result<Turn> {
        self.attributes = None;
        self.dialog = None;
        let mut turn = Turn::default();
        self.send(&mut turn, Request::Launch(LaunchRequest::default()))
            .await?;
        Ok(turn)
    }

    /// Says `utterance` to Alexa: a launch phrase opens the skill (again),
    /// "ask … to …" opens it with a request, anything else is matched against
    /// the model in the open session (or in a new one).
    ///
    /// ```no_run
    /// # async fn demo(sim: &mut alexa_kit::local::Simulator<'_>) -> alexa_kit::Result<()> {
    /// let turn = sim.say("ask hello world to say hello").await?;
    /// assert!(turn.intent().is_some());
    /// # Ok(()) }
    /// ```
    pub async fn say(&mut self, utterance: &str) -> Result<Turn> {
        let utterance = self.model.strip_wake_word(utterance);
        match self.model.opening(&utterance) {
            Some(Opening::Launch { explicit }) if explicit || !self.session_open() => {
                return self.launch().await;
            }
            Some(Opening::OneShot(rest)) => {
                self.attributes = None;
                self.dialog = None;
                return self.understand(&rest).await;
            }
            _ => {}
        }
        self.understand(&utterance).await
    }

    /// Ends an open session as the user does by leaving (`SessionEndedRequest`, `USER_INITIATED`).
    ///
    /// ```no_run
    /// # async fn demo(sim: &mut alexa_kit::local::Simulator<'_>) -> alexa_kit::Result<()> {
    /// sim.end().await?;
    /// assert!(!sim.session_open());
    /// # Ok(()) }
    /// ```
    pub async fn end(&mut self) -> Result<()> {
        if self.session_open() {
            let ended = Request::SessionEnded(SessionEndedRequest {
                reason: Some("USER_INITIATED".to_owned()),
                ..Default::default()
            });
            self.send(&mut Turn::default(), ended).await?;
            self.attributes = None;
        }
        Ok(())
    }

    /// Matches an utterance inside the session and runs it.
    async fn understand(&mut self, utterance: &str) -> Result<Turn> {
        let mut turn = Turn::default();
        let global = self.model.match_utterance(utterance, self.today);
        if let Some(dialog) = self.dialog.take()
            && let Some(intent) = self.answer(&dialog, utterance, global.as_ref())
        {
            self.dialog = Some(ActiveDialog {
                intent,
                awaiting: Awaiting::Nothing,
                started: dialog.started,
            });
            self.advance(&mut turn).await?;
            turn.session_open = self.session_open();
            return Ok(turn);
        }
        let Some(intent) = global else {
            turn.notes.push(format!(
                "no intent of the {} model matches; the skill has no AMAZON.FallbackIntent",
                self.locale
            ));
            turn.session_open = self.session_open();
            return Ok(turn);
        };
        if self.model.dialog(&intent.name).is_some() {
            self.dialog = Some(ActiveDialog {
                intent,
                awaiting: Awaiting::Nothing,
                started: false,
            });
            self.advance(&mut turn).await?;
        } else {
            self.send_intent(&mut turn, intent, None).await?;
        }
        turn.session_open = self.session_open();
        Ok(turn)
    }

    /// The dialog's intent after the user's answer, or `None` when the
    /// utterance leaves the dialog (stop, help, another request).
    fn answer(
        &self,
        dialog: &ActiveDialog,
        utterance: &str,
        global: Option<&Intent>,
    ) -> Option<Intent> {
        let global_name = global.map(|g| g.name.as_str());
        let mut intent = dialog.intent.clone();
        let status = match global_name {
            Some("AMAZON.YesIntent") => ConfirmationStatus::Confirmed,
            _ => ConfirmationStatus::Denied,
        };
        match &dialog.awaiting {
            Awaiting::Slot(slot) => {
                // A built-in request (stop, help…) said in so many words leaves the dialog.
                if global_name
                    .is_some_and(|n| n.starts_with("AMAZON.") && n != "AMAZON.FallbackIntent")
                {
                    return None;
                }
                let answer =
                    self.model
                        .match_slot_answer(&intent.name, slot, utterance, self.today)?;
                for (name, value) in answer.slots {
                    if value.value.is_some() {
                        intent.slots.insert(name, value);
                    }
                }
                Some(intent)
            }
            Awaiting::SlotConfirmation(slot) => {
                if !matches!(global_name, Some("AMAZON.YesIntent" | "AMAZON.NoIntent")) {
                    return None;
                }
                if let Some(s) = intent.slots.get_mut(slot) {
                    s.confirmation_status = status;
                }
                Some(intent)
            }
            Awaiting::IntentConfirmation => {
                if !matches!(global_name, Some("AMAZON.YesIntent" | "AMAZON.NoIntent")) {
                    return None;
                }
                intent.confirmation_status = status;
                Some(intent)
            }
            Awaiting::Nothing => None,
        }
    }

    /// Runs the active dialog until it waits for the user: Alexa's own
    /// delegation (asking with the model's prompts, or completing) and the
    /// skill's turns, as long as the skill answers `Dialog.Delegate`.
    async fn advance(&mut self, turn: &mut Turn) -> Result<()> {
        let mut delegated = self.dialog.as_ref().is_some_and(|d| {
            self.model
                .dialog(&d.intent.name)
                .is_some_and(|m| m.auto_delegate)
        });
        loop {
            let Some(dialog) = self.dialog.as_mut() else {
                return Ok(());
            };
            let state = if delegated {
                match next_step(&self.model, &mut dialog.intent) {
                    Step::Ask(awaiting, prompt) => {
                        dialog.awaiting = awaiting;
                        let text = prompt.and_then(|id| self.model.prompt(&id, &dialog.intent));
                        match text {
                            Some(text) => {
                                turn.speech = Some(ssml::to_plain_text(&text));
                                turn.notes.push("a prompt of the dialog model".to_owned());
                            }
                            None => turn.notes.push(
                                "the dialog model has no prompt for this question; Alexa would not know what to ask"
                                    .to_owned(),
                            ),
                        }
                        if self.attributes.is_none() {
                            self.attributes = Some(Default::default());
                        }
                        return Ok(());
                    }
                    Step::Complete => DialogState::Completed,
                }
            } else if dialog.started {
                DialogState::InProgress
            } else {
                DialogState::Started
            };
            let intent = dialog.intent.clone();
            delegated = self.send_intent(turn, intent, Some(state)).await?;
            if !delegated {
                return Ok(());
            }
        }
    }

    /// Sends an intent; `true` when the skill answered `Dialog.Delegate`
    /// and the dialog model takes the next step.
    async fn send_intent(
        &mut self,
        turn: &mut Turn,
        intent: Intent,
        dialog_state: Option<DialogState>,
    ) -> Result<bool> {
        let completed = dialog_state == Some(DialogState::Completed);
        let request = Request::Intent(IntentRequest {
            intent,
            dialog_state,
            ..Default::default()
        });
        if let Some(d) = self.dialog.as_mut() {
            d.started = true;
        }
        if !self.send(turn, request).await? {
            return Ok(false);
        }
        // The skill's dialog directive says what the dialog waits for next.
        let directive = turn
            .responses
            .last()
            .and_then(|r| r.response.directives.iter().find(|d| d.is_dialog()));
        let (awaiting, updated) = match directive {
            Some(Directive::DialogDelegate(d)) => (None, d.updated_intent.clone()),
            Some(Directive::DialogElicitSlot(d)) => (
                Some(Awaiting::Slot(d.slot_to_elicit.clone())),
                d.updated_intent.clone(),
            ),
            Some(Directive::DialogConfirmSlot(d)) => (
                Some(Awaiting::SlotConfirmation(d.slot_to_confirm.clone())),
                d.updated_intent.clone(),
            ),
            Some(Directive::DialogConfirmIntent(d)) => {
                (Some(Awaiting::IntentConfirmation), d.updated_intent.clone())
            }
            _ => {
                self.dialog = None;
                return Ok(false);
            }
        };
        let Some(dialog) = self.dialog.as_mut() else {
            return Ok(false);
        };
        if let Some(intent) = updated {
            dialog.intent = self.model.with_all_slots(intent);
        }
        match awaiting {
            Some(a) => dialog.awaiting = a,
            None if completed => {
                turn.notes.push(
                    "Dialog.Delegate after COMPLETED: Alexa rejects this response".to_owned(),
                );
                self.dialog = None;
            }
            None => return Ok(true),
        }
        Ok(false)
    }

    /// The invocation context of the request just built: the local transport, no deadline.
    fn invocation(&self) -> crate::Invocation {
        crate::Invocation::new(crate::Transport::Local)
            .with_request_id(format!("local-{}", self.turn))
    }

    fn envelope(&mut self, request: Request) -> RequestEnvelope {
        self.turn += 1;
        // Sent "now": today (or --date) at the current UTC time of day, so that a
        // skill counting days from the request's timestamp counts from today.
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() % 86_400);
        let timestamp = format!(
            "{}T{:02}:{:02}:{:02}Z",
            self.today,
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        );
        let mut builder = testing::request(request)
            .locale(&self.locale)
            .device(testing::Device::new().timestamp(timestamp));
        if let Some(attributes) = self.attributes.take() {
            builder = builder.continuing_session(attributes);
        } else {
            self.sessions += 1;
        }
        let mut envelope = builder.build();
        if let Some(session) = envelope.session.as_mut() {
            session.session_id = Some(format!(
                "amzn1.echo-api.session.local-{}-{}",
                std::process::id(),
                self.sessions
            ));
        }
        envelope.request.set_common(
            Some(format!("amzn1.echo-api.request.local-{}", self.turn)),
            None,
            None,
        );
        envelope
    }

    /// Sends one request; records it, the response and the speech in `turn`.
    /// `false` when the skill failed.
    async fn send(&mut self, turn: &mut Turn, request: Request) -> Result<bool> {
        #[allow(unused_mut)]
        let mut envelope = self.envelope(request);
        #[cfg(feature = "services")]
        if let Some(stand_in) = &self.stand_in {
            stand_in.attach(&mut envelope).await?;
        }
        let (request_type, intent, dialog_state) = match &envelope.request {
            Request::Launch(_) => ("LaunchRequest", None, None),
            Request::Intent(r) => (
                "IntentRequest",
                Some(r.intent.clone()),
                r.dialog_state.clone(),
            ),
            _ => ("SessionEndedRequest", None, None),
        };
        turn.requests.push(SentRequest {
            request_type,
            intent,
            dialog_state,
            new_session: envelope.session.as_ref().is_some_and(|s| s.new),
        });
        let handled = self.skill.handle_from(envelope, self.invocation()).await;
        #[cfg(feature = "services")]
        if let Some(stand_in) = &self.stand_in {
            turn.progressive.extend(stand_in.take_spoken());
        }
        let response = match handled {
            Ok(r) => r,
            Err(e) => {
                turn.notes.push(format!("the skill failed: {e}"));
                self.attributes = None;
                self.dialog = None;
                turn.session_open = false;
                return Ok(false);
            }
        };
        let r = &response.response;
        turn.speech = r
            .output_speech
            .as_ref()
            .map(|s| ssml::to_plain_text(s.text()));
        self.attributes = match r.should_end_session {
            ShouldEndSession::End => None,
            _ => Some(response.session_attributes.clone().unwrap_or_default()),
        };
        if self.attributes.is_none() {
            self.dialog = None;
        }
        turn.session_open = self.session_open();
        turn.responses.push(response);
        Ok(true)
    }
}

#[cfg(feature = "simulator")]
/// What a delegated dialog does next, by the dialog model: elicit the first
/// required empty slot, confirm a slot or the intent, or complete.
fn next_step(model: &InteractionModel, intent: &mut Intent) -> Step {
    let Some(d) = model.dialog(&intent.name) else {
        return Step::Complete;
    };
    for s in &d.slots {
        let slot = intent.slots.entry(s.name.clone()).or_insert_with(|| Slot {
            name: s.name.clone(),
            ..Slot::default()
        });
        if slot.confirmation_status == ConfirmationStatus::Denied {
            // A denied value is asked for again.
            slot.value = None;
            slot.resolutions = None;
            slot.confirmation_status = ConfirmationStatus::None;
        }
        if s.elicitation_required && slot.value().is_none() {
            return Step::Ask(Awaiting::Slot(s.name.clone()), s.elicitation.clone());
        }
        if s.confirmation_required
            && slot.value().is_some()
            && slot.confirmation_status == ConfirmationStatus::None
        {
            return Step::Ask(
                Awaiting::SlotConfirmation(s.name.clone()),
                s.confirmation.clone(),
            );
        }
    }
    if d.confirmation_required && intent.confirmation_status == ConfirmationStatus::None {
        return Step::Ask(Awaiting::IntentConfirmation, d.confirmation.clone());
    }
    Step::Complete
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_arguments() {
        let o = parse_args(["--locale", "de-DE", "--json"].map(String::from)).unwrap();
        assert_eq!(o.locale.as_deref(), Some("de-DE"));
        assert!(o.json);
        let o = parse_args(["--locale=fr-FR", "invoke", "-"].map(String::from)).unwrap();
        assert_eq!(
            (o.locale.as_deref(), o.invoke.as_deref()),
            (Some("fr-FR"), Some("-"))
        );
        assert!(parse_args(["--bogus".to_owned()]).is_err());
        let o = parse_args(["--date", "2026-11-29"].map(String::from)).unwrap();
        assert_eq!(o.today, Day::new(2026, 11, 29));
        let err = parse_args(["--date", "tomorrow"].map(String::from)).unwrap_err();
        assert!(
            err.to_string().contains("is not an AMAZON.DATE value"),
            "{err}"
        );
        assert!(parse_args(["--locale".to_owned()]).is_err());
    }

    #[cfg(feature = "services")]
    #[test]
    fn parses_the_flags_of_the_stand_in() {
        let o = parse_args(["--time-zone", "Europe/Oslo", "--deny=x"].map(String::from)).unwrap();
        assert_eq!(
            o.services,
            [
                ("--time-zone".to_owned(), "Europe/Oslo".to_owned()),
                ("--deny".to_owned(), "x".to_owned())
            ]
        );
    }
}
