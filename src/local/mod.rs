//! The local command line: the same binary that is the Lambda `bootstrap`
//! runs the skill on your machine when `AWS_LAMBDA_RUNTIME_API` is unset.
//!
//! ```text
//! hello_world [--locale de-DE] [--skill-package DIR] [--json]   talk to the skill
//! hello_world invoke FILE|-                                     answer one request envelope
//! hello_world --help
//! ```
//!
//! The dialog simulator reads one utterance per line (a prompt on a
//! terminal, plain lines when piped), matches it against the skill's own
//! interaction model (`<skill package>/interactionModels/custom/<locale>.json`,
//! with slot values, entity resolution and the usual phrases of Alexa's
//! built-in intents), carries the session from turn to turn and prints what
//! Alexa would say. It calls the very same [`Skill::handle`] as Lambda does.

mod interaction_model;

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

use crate::model::{
    IntentRequest, LaunchRequest, Request, RequestEnvelope, ResponseEnvelope, SessionEndedRequest,
    ShouldEndSession,
};
use crate::response::ssml;
use crate::skill::Skill;
use crate::testing;
use crate::{Error, ErrorKind, Result};

use interaction_model::{InteractionModel, locale_tag};

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

OPTIONS:
    --locale LOCALE          the user's locale, e.g. de-DE, ja-JP (default: en-US)
    --skill-package DIR      the skill package holding interactionModels/custom/<locale>.json
                             (default: $ALEXA_SKILL_PACKAGE, else ./skill-package)
    --json                   also print each response envelope as JSON
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

#[derive(Debug, Default)]
struct Options {
    locale: Option<String>,
    skill_package: Option<PathBuf>,
    json: bool,
    invoke: Option<String>,
    help: bool,
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
            "invoke" => options.invoke = Some(value("invoke")?),
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
    let options = parse_args(std::env::args().skip(1))?;
    if options.help {
        return print(HELP.as_bytes());
    }
    if let Some(file) = &options.invoke {
        return invoke(&skill, file).await;
    }
    let stdin = std::io::stdin();
    let interactive = stdin.is_terminal();
    let mut out = std::io::stdout().lock();
    simulate(&skill, &options, stdin.lock(), &mut out, interactive).await
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

fn skill_package(options: &Options) -> PathBuf {
    options
        .skill_package
        .clone()
        .or_else(|| std::env::var_os(SKILL_PACKAGE_ENV).map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("skill-package"))
}

/// The dialog simulator, over any input and output (tests drive it with buffers).
async fn simulate(
    skill: &Skill,
    options: &Options,
    input: impl BufRead,
    out: &mut impl Write,
    interactive: bool,
) -> Result<()> {
    let locale = locale_tag(options.locale.as_deref().unwrap_or("en-US"))?;
    let model = InteractionModel::load(&skill_package(options), &locale)?;
    let mut session = Simulation {
        skill,
        locale,
        json: options.json,
        attributes: None,
        turn: 0,
    };
    writeln!(
        out,
        "alexa-kit simulator: {} ({}), model {}",
        model.invocation_name,
        session.locale,
        model.path.display()
    )?;
    if interactive {
        writeln!(out, "Type what you would say to Alexa; Ctrl-D to quit.")?;
    }
    session.send(out, launch_request()).await?;
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
        if session.attributes.is_none() && model.is_launch_phrase(utterance) {
            session.send(out, launch_request()).await?;
            continue;
        }
        match model.match_utterance(utterance) {
            Some(intent) => {
                let slots: Vec<String> = {
                    let mut s: Vec<String> = intent
                        .slots
                        .iter()
                        .map(|(k, v)| format!("{k}={}", v.value.as_deref().unwrap_or("")))
                        .collect();
                    s.sort();
                    s
                };
                if slots.is_empty() {
                    writeln!(out, "  [{}]", intent.name)?;
                } else {
                    writeln!(out, "  [{} {}]", intent.name, slots.join(" "))?;
                }
                let request = Request::Intent(IntentRequest {
                    intent,
                    ..Default::default()
                });
                session.send(out, request).await?;
            }
            None => writeln!(
                out,
                "  (no intent of the {} model matches; the skill has no AMAZON.FallbackIntent)",
                session.locale
            )?,
        }
    }
    if session.attributes.is_some() {
        let ended = Request::SessionEnded(SessionEndedRequest {
            reason: Some("USER_INITIATED".to_owned()),
            ..Default::default()
        });
        session.send_quietly(ended).await?;
    }
    if interactive {
        writeln!(out)?;
    }
    Ok(())
}

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

fn launch_request() -> Request {
    Request::Launch(LaunchRequest::default())
}

struct Simulation<'a> {
    skill: &'a Skill,
    locale: String,
    json: bool,
    /// Session attributes while a session is open.
    attributes: Option<serde_json::Map<String, serde_json::Value>>,
    turn: u32,
}

impl Simulation<'_> {
    fn envelope(&mut self, request: Request) -> RequestEnvelope {
        self.turn += 1;
        let mut builder = testing::request(request).locale(&self.locale);
        if let Some(attributes) = self.attributes.take() {
            builder = builder.continuing_session(attributes);
        }
        let mut envelope = builder.build();
        if let Some(session) = envelope.session.as_mut() {
            session.session_id = Some(format!(
                "amzn1.echo-api.session.local-{}",
                std::process::id()
            ));
        }
        envelope.request.set_common(
            Some(format!("amzn1.echo-api.request.local-{}", self.turn)),
            None,
            None,
        );
        envelope
    }

    async fn send_quietly(&mut self, request: Request) -> Result<ResponseEnvelope> {
        let envelope = self.envelope(request);
        let response = self.skill.handle(envelope).await?;
        self.attributes = match response.response.should_end_session {
            ShouldEndSession::End => None,
            _ => Some(response.session_attributes.clone().unwrap_or_default()),
        };
        Ok(response)
    }

    async fn send(&mut self, out: &mut impl Write, request: Request) -> Result<()> {
        let response = match self.send_quietly(request).await {
            Ok(r) => r,
            Err(e) => {
                writeln!(out, "  (the skill failed: {e})")?;
                self.attributes = None;
                return Ok(());
            }
        };
        let r = &response.response;
        match &r.output_speech {
            Some(speech) => writeln!(out, "alexa> {}", ssml::to_plain_text(speech.text()))?,
            None => writeln!(out, "alexa> (says nothing)")?,
        }
        if let Some(speech) = r.reprompt.as_ref().and_then(|rp| rp.output_speech.as_ref()) {
            writeln!(out, "  (reprompt: {})", ssml::to_plain_text(speech.text()))?;
        }
        if let Some(card) = &r.card {
            writeln!(out, "  (card: {})", serde_json::to_string(card)?)?;
        }
        for directive in &r.directives {
            writeln!(out, "  (directive: {})", directive.type_name())?;
        }
        if self.json {
            writeln!(out, "{}", serde_json::to_string_pretty(&response)?)?;
        }
        if r.should_end_session == ShouldEndSession::End {
            writeln!(out, "  (session ended)")?;
        }
        Ok(())
    }
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
        assert!(parse_args(["--locale".to_owned()]).is_err());
    }
}
