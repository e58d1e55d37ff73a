//! Localisation: Fluent message bundles, negotiated per request.
//!
//! A skill keeps its messages in [Fluent](https://projectfluent.org) files,
//! one folder per locale:
//!
//! ```text
//! locales/
//! ├── en/main.ftl        # English, every region
//! ├── en-GB/main.ftl     # only the messages that differ in Britain
//! └── de/main.ftl
//! ```
//!
//! and compiles them into its binary with one line, needing no dependency
//! besides alexa-kit:
//!
//! ```text
//! let locales = Locales::embedded(alexa_kit::include_locales!("$CARGO_MANIFEST_DIR/locales"))?;
//! ```
//!
//! (The runnable examples here embed alexa-kit's own `src/i18n/locales`.)
//! [`Locales::builder`] adds a default locale other than `en-US`, directories
//! read at run time and in-memory files:
//!
//! ```
//! use alexa_kit::{args, i18n::Locales, include_locales};
//!
//! let locales = Locales::builder()
//!     .embedded(include_locales!("$CARGO_MANIFEST_DIR/src/i18n/locales"))
//!     .resource("de", "skill.ftl", "hello = Hallo { $name }!")
//!     .resource("en", "skill.ftl", "hello = Hello { $name }!")
//!     .default_locale("en-GB")
//!     .build()?;
//! locales.check_ids(&["hello", "help"])?;
//!
//! let l = locales.localizer(Some("de-DE")); // per request: cheap
//! assert_eq!(l.t_args("hello", &args!["name" => "Eva"]), "Hallo Eva!");
//! assert!(l.t("goodbye").starts_with("Tschüss"));
//! # Ok::<(), alexa_kit::Error>(())
//! ```
//!
//! # When files are checked and parsed
//!
//! * **Embedded trees** ([`include_locales!`](crate::include_locales), and the
//!   framework's own messages) are checked when the skill *compiles*: a syntax
//!   error or a duplicate id fails the build. Start-up parses none of them.
//! * **Trees read at run time** ([`LocalesBuilder::directory`],
//!   [`LocalesBuilder::resource`]) are parsed and checked at start-up, in
//!   [`LocalesBuilder::build`], with the same checks and the same messages.
//! * Either way, each locale's **bundle** is assembled (and an embedded
//!   locale's files parsed) once, when the first request in that locale
//!   needs it; later requests only pick the bundle.
//!
//! Each bundle is layered, later layers overriding earlier ones by message id:
//!
//! 1. the framework's own messages for the language (`welcome`, `help`, …, see
//!    [`BUILTIN_MESSAGE_IDS`]), then its regional variant (e.g. `es-ES`);
//! 2. the skill's language folder (`en`), then its regional folder (`en-GB`).
//!
//! So a skill overrides a built-in message by defining the same id, and a
//! regional folder needs only the messages that differ. A skill speaks the
//! languages it has folders for (with no folders at all: every Alexa
//! language of the built-in messages).
//!
//! [`LocalesBuilder::build`] fails with [`ErrorKind::Localization`], listing
//! every problem with file, line and column: a Fluent syntax error or a
//! message defined twice in one locale (in trees read at run time), a folder
//! name that is not a locale tag, or no folder for the default locale. [`Locales::check_ids`] and
//! [`Locales::check_complete`] catch missing messages before a user does.
//!
//! # Negotiation
//!
//! The request's locale is matched with `fluent-langneg`: `en-GB` uses the
//! `en-GB` bundle if the skill or the framework has one, else `en`, else the
//! default locale (`en-US` unless [configured](LocalesBuilder::default_locale));
//! a missing or unparsable locale gets the default. A message missing from
//! the negotiated bundle is taken from the default locale.
//!
//! # Formatting for speech
//!
//! * Unicode bidi isolation marks are off: they would end up in SSML and cards.
//! * Message text is trusted author markup and may contain SSML
//!   (`<break time="1s"/>`); arguments are user data and are escaped for SSML.
//! * Plural and select expressions (`{ $count -> [one] … *[other] … }`) use the
//!   locale's CLDR plural rules.
//! * Numbers are written the way `fluent-bundle` writes them — no grouping
//!   separators (which suits text-to-speech), `minimumFractionDigits` honoured
//!   through `NUMBER()` — with a decimal comma where the locale uses one
//!   (German, French, Italian, Dutch, Portuguese, Spanish in Spain): `3,5`.
//!   Currency, percent and other `NUMBER()` styles are not applied by
//!   `fluent-bundle`; `DATETIME()` does not exist.

mod check;
mod format;
mod source;

use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

use fluent_bundle::FluentResource;
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;
use unic_langid::subtags::Language;

use crate::{Error, ErrorKind, Result};

pub use fluent_bundle::{FluentArgs, FluentValue};

/// One locale's compiled messages.
use std::sync::OnceLock;

type Bundle = fluent_bundle::concurrent::FluentBundle<Arc<FluentResource>>;

/// The 17 locales Alexa custom skills can be published in.
///
/// ```
/// assert!(alexa_kit::i18n::ALEXA_LOCALES.contains(&"pt-BR"));
/// assert_eq!(alexa_kit::i18n::ALEXA_LOCALES.len(), 17);
/// ```
pub const ALEXA_LOCALES: [&str; 17] = [
    "ar-SA", "de-DE", "en-AU", "en-CA", "en-GB", "en-IN", "en-US", "es-ES", "es-MX", "es-US",
    "fr-CA", "fr-FR", "hi-IN", "it-IT", "ja-JP", "nl-NL", "pt-BR",
];

/// The ids of the framework's own messages, present in every built-in locale.
///
/// `goodbye` answers Stop and Cancel, `error` is the apology spoken when a
/// handler fails, `navigate-home` answers `AMAZON.NavigateHomeIntent`,
/// `permission-consent` goes with the card that asks the user to grant a
/// permission (feature `services`). None of them takes variables.
///
/// ```
/// let l = alexa_kit::i18n::Locales::builtin()?.localizer(Some("it-IT"));
/// for id in alexa_kit::i18n::BUILTIN_MESSAGE_IDS {
///     assert!(l.has(id));
/// }
/// # Ok::<(), alexa_kit::Error>(())
/// ```
pub const BUILTIN_MESSAGE_IDS: [&str; 10] = [
    "welcome",
    "welcome-reprompt",
    "help",
    "help-reprompt",
    "goodbye",
    "fallback",
    "fallback-reprompt",
    "error",
    "navigate-home",
    "permission-consent",
];

/// The default locale when none is configured.
const DEFAULT_LOCALE: &str = "en-US";

/// A skill's `locales/` tree compiled into the binary by
/// [`include_locales!`](crate::include_locales).
///
/// ```
/// let tree: alexa_kit::i18n::EmbeddedLocales =
///     alexa_kit::include_locales!("$CARGO_MANIFEST_DIR/src/i18n/locales");
/// let locales = alexa_kit::i18n::Locales::builder().embedded(tree).build()?;
/// assert_eq!(locales.default_locale(), "en-US");
/// # Ok::<(), alexa_kit::Error>(())
/// ```
#[derive(Clone, Copy)]
pub struct EmbeddedLocales {
    label: &'static str,
    /// (folder, path for messages, text), checked by the macro.
    files: &'static [(&'static str, &'static str, &'static str)],
}

impl EmbeddedLocales {
    #[doc(hidden)]
    pub const fn __checked(
        label: &'static str,
        files: &'static [(&'static str, &'static str, &'static str)],
    ) -> Self {
        EmbeddedLocales { label, files }
    }
}

impl EmbeddedLocales {
    pub(crate) fn files(&self) -> &'static [(&'static str, &'static str, &'static str)] {
        self.files
    }
}

impl fmt::Debug for EmbeddedLocales {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EmbeddedLocales")
            .field("label", &self.label)
            .field("files", &self.files.len())
            .finish_non_exhaustive()
    }
}

#[doc(hidden)]
pub mod __private {
    pub use alexa_kit_macros::include_locales;
}

/// Compiles a `locales/<locale>/*.ftl` tree into the binary, and checks it
/// while the skill compiles.
///
/// The path is a string literal; start it with `$CARGO_MANIFEST_DIR` to make
/// it relative to the skill's `Cargo.toml` (environment variables written as
/// `$NAME` are expanded; a relative path is taken from there too). The files
/// are read when the crate compiles, so the binary needs no files at run
/// time, and the skill needs no dependency besides alexa-kit.
///
/// A Fluent syntax error, a message or term id defined twice in one locale,
/// or a `.ftl` file outside a locale folder fails the build, with file, line
/// and column. Because the tree is known to be sound, start-up parses nothing:
/// each locale's files are parsed when a request first needs them.
///
/// Cargo rebuilds when an embedded file changes, but on stable Rust it cannot
/// see a *new* file: after adding one, touch a source file or add a
/// `build.rs` with `println!("cargo:rerun-if-changed=locales");`.
///
/// ```
/// use alexa_kit::i18n::Locales;
///
/// let locales = Locales::builder()
///     .embedded(alexa_kit::include_locales!("$CARGO_MANIFEST_DIR/src/i18n/locales"))
///     .default_locale("en-GB")
///     .build()?;
/// assert_eq!(locales.localizer(None).locale(), "en-GB");
/// # Ok::<(), alexa_kit::Error>(())
/// ```
///
/// A broken file does not compile:
///
/// ```compile_fail
/// // tests/i18n/broken/syntax/en/main.ftl has `hello = {` on line 2.
/// let tree = alexa_kit::include_locales!("$CARGO_MANIFEST_DIR/tests/i18n/broken/syntax");
/// ```
#[macro_export]
macro_rules! include_locales {
    ($path:literal) => {
        $crate::i18n::__private::include_locales!($crate, $path)
    };
}

/// Builds [`FluentArgs`] for [`Localizer::t_args`]: `args!["name" => value, …]`.
///
/// Values may be strings or numbers (anything that converts into a
/// [`FluentValue`]).
///
/// ```
/// use alexa_kit::{args, i18n::Locales};
///
/// let locales = Locales::builder()
///     .resource("en", "main.ftl", "score = { $name } has { $points } points.")
///     .build()?;
/// let l = locales.localizer(Some("en-US"));
/// assert_eq!(l.t_args("score", &args!["name" => "Ann", "points" => 3]), "Ann has 3 points.");
/// # Ok::<(), alexa_kit::Error>(())
/// ```
#[macro_export]
macro_rules! args {
    () => {
        $crate::i18n::FluentArgs::new()
    };
    ($($name:expr => $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $( args.set($name, $value); )+
        args
    }};
}

/// Every message bundle of a skill, built once at start-up.
///
/// Cheap to clone (an `Arc`), `Send + Sync`.
///
/// ```
/// let locales = alexa_kit::i18n::Locales::builtin()?;
/// let l = locales.localizer(Some("en-GB"));
/// assert!(!l.t("help").is_empty());
/// # Ok::<(), alexa_kit::Error>(())
/// ```
#[derive(Clone)]
pub struct Locales {
    inner: Arc<Inner>,
}

struct Inner {
    bundles: Vec<LocaleBundle>,
    default: usize,
    /// Canonical tag (`en-GB`) → index into `bundles`.
    /// Looked up on every request: FxHash (its keys are the skill's own tags).
    by_tag: rustc_hash::FxHashMap<String, usize>,
    /// The tags of `bundles`, in the same order, for `fluent-langneg`.
    available: Vec<LanguageIdentifier>,
    builtin: &'static [source::Folder],
    skill: Vec<source::Folder>,
}

struct LocaleBundle {
    name: String,
    tag: LanguageIdentifier,
    /// Built on first use, by the first request in this locale (see "When
    /// files are checked and parsed" in the module docs), which keeps it off
    /// the Lambda cold start.
    bundle: OnceLock<Bundle>,
    /// The folders layered into this bundle, least specific first.
    layers: Vec<Layer>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Layer {
    Builtin(usize),
    Skill(usize),
}

impl Inner {
    /// The bundle of locale `index`, assembled on first use.
    fn bundle(&self, index: usize) -> &Bundle {
        let b = &self.bundles[index];
        b.bundle
            .get_or_init(|| new_bundle(&b.tag, &b.layers, self.builtin, &self.skill))
    }

    fn folder(&self, layer: Layer) -> &source::Folder {
        match layer {
            Layer::Builtin(i) => &self.builtin[i],
            Layer::Skill(i) => &self.skill[i],
        }
    }

    /// Every message id defined in a bundle.
    fn message_ids(&self, bundle: &LocaleBundle) -> BTreeSet<&str> {
        let mut ids = BTreeSet::new();
        for &layer in &bundle.layers {
            for resource in self.folder(layer).resources() {
                for entry in resource.entries() {
                    if let ast::Entry::Message(message) = entry {
                        ids.insert(message.id.name);
                    }
                }
            }
        }
        ids
    }

    fn negotiate(&self, requested: Option<&str>) -> usize {
        let Some(requested) = requested else {
            return self.default;
        };
        if let Some(&index) = self.by_tag.get(requested) {
            return index;
        }
        let Ok(tag) = requested.parse::<LanguageIdentifier>() else {
            tracing::debug!(
                locale = %crate::bounded::field(requested),
                "unparsable request locale; using the default"
            );
            return self.default;
        };
        let chosen = fluent_langneg::negotiate_languages(
            &[tag],
            &self.available,
            Some(&self.available[self.default]),
            fluent_langneg::NegotiationStrategy::Lookup,
        );
        chosen
            .first()
            .and_then(|tag| self.by_tag.get(&tag.to_string()))
            .copied()
            .unwrap_or(self.default)
    }
}

impl Locales {
    /// The framework's own messages only, in every Alexa locale.
    ///
    /// ```
    /// let locales = alexa_kit::i18n::Locales::builtin()?;
    /// assert!(locales.localizer(Some("ja-JP")).t("welcome").contains("ヘルプ"));
    /// assert_eq!(locales.locales().count(), 27); // 17 Alexa locales + language and regional folders
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn builtin() -> Result<Self> {
        Locales::builder().build()
    }

    /// A skill's embedded messages with the default locale `en-US`: the
    /// one-liner for [`include_locales!`](crate::include_locales).
    ///
    /// ```
    /// use alexa_kit::{i18n::Locales, include_locales};
    ///
    /// let locales = Locales::embedded(include_locales!("$CARGO_MANIFEST_DIR/src/i18n/locales"))?;
    /// assert!(locales.localizer(Some("pt-BR")).t("goodbye").starts_with("Tchau"));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn embedded(tree: EmbeddedLocales) -> Result<Self> {
        Locales::builder().embedded(tree).build()
    }

    /// Starts configuring a skill's messages.
    ///
    /// ```
    /// let locales = alexa_kit::i18n::Locales::builder()
    ///     .resource("en", "main.ftl", "hello = Hello!")
    ///     .resource("de", "main.ftl", "hello = Hallo!")
    ///     .build()?;
    /// assert_eq!(locales.localizer(Some("de-AT")).t("hello"), "Hallo!");
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn builder() -> LocalesBuilder {
        LocalesBuilder {
            default_locale: DEFAULT_LOCALE.to_owned(),
            files: Vec::new(),
            problems: Vec::new(),
        }
    }

    /// A localizer for a request's locale (`None` gets the default locale).
    ///
    /// Negotiation: the exact locale if there is a bundle for it, then its
    /// language, then the default locale. Creating a localizer allocates
    /// nothing but an `Arc` clone.
    ///
    /// ```
    /// let locales = alexa_kit::i18n::Locales::builtin()?;
    /// assert_eq!(locales.localizer(None).locale(), "en-US");
    /// assert_eq!(locales.localizer(Some("fr-CA")).locale(), "fr-CA");
    /// assert_eq!(locales.localizer(Some("not a locale!")).locale(), "en-US");
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn localizer(&self, locale: Option<&str>) -> Localizer {
        Localizer {
            index: self.inner.negotiate(locale),
            inner: Arc::clone(&self.inner),
        }
    }

    /// The default locale, e.g. `en-US`.
    ///
    /// ```
    /// assert_eq!(alexa_kit::i18n::Locales::builtin()?.default_locale(), "en-US");
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn default_locale(&self) -> &str {
        &self.inner.bundles[self.inner.default].name
    }

    /// The locales that have a bundle (folder tags and the Alexa locales of
    /// the skill's languages), default first.
    ///
    /// ```
    /// let locales = alexa_kit::i18n::Locales::builder()
    ///     .resource("de", "main.ftl", "hello = Hallo!")
    ///     .default_locale("de-DE")
    ///     .build()?;
    /// assert_eq!(locales.locales().collect::<Vec<_>>(), ["de-DE", "de"]);
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn locales(&self) -> impl Iterator<Item = &str> {
        self.inner.bundles.iter().map(|b| b.name.as_str())
    }

    /// Checks that every message id the skill uses exists in the default
    /// locale (`id` or `id.attribute`); reports all missing ids at once.
    ///
    /// Call it at start-up with the ids your handlers pass to
    /// [`Localizer::t`], so a typo fails the deployment rather than a
    /// conversation.
    ///
    /// ```
    /// let locales = alexa_kit::i18n::Locales::builder()
    ///     .resource("en", "main.ftl", "hello = Hello!\n    .title = Greeting")
    ///     .build()?;
    /// assert!(locales.check_ids(&["hello", "hello.title", "help"]).is_ok());
    /// let err = locales.check_ids(&["helo", "hello.text"]).unwrap_err();
    /// assert!(err.message().contains("`helo`") && err.message().contains("`hello.text`"));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn check_ids(&self, ids: &[&str]) -> Result<()> {
        let default = self.inner.bundle(self.inner.default);
        let missing: Vec<String> = ids
            .iter()
            .filter(|id| find_pattern(default, id).is_none())
            .map(|id| format!("`{id}`"))
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        Err(Error::new(
            ErrorKind::Localization,
            format!(
                "{} message id(s) used by the skill are missing from the default locale {}: {}",
                missing.len(),
                self.inner.bundles[self.inner.default].name,
                missing.join(", ")
            ),
        ))
    }

    /// Checks that every message of the default locale exists in every other
    /// locale, with the same variables; reports all problems at once.
    ///
    /// Meant for a skill's own tests:
    ///
    /// ```
    /// let locales = alexa_kit::i18n::Locales::builder()
    ///     .resource("en", "main.ftl", "hi = Hi { $name }!\nbye = Bye!")
    ///     .resource("de", "main.ftl", "hi = Hallo!")
    ///     .build()?;
    /// let err = locales.check_complete().unwrap_err();
    /// assert!(err.message().contains("message `bye` is missing"));
    /// assert!(err.message().contains("message `hi` uses no variables"));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn check_complete(&self) -> Result<()> {
        let inner = &*self.inner;
        let default = &inner.bundles[inner.default];
        let ids = inner.message_ids(default);

        // Each problem is listed once, with every locale that has it.
        let mut problems: Vec<(String, Vec<&str>)> = Vec::new();
        fn report<'a>(
            problems: &mut Vec<(String, Vec<&'a str>)>,
            problem: String,
            locale: &'a str,
        ) {
            match problems.iter_mut().find(|(p, _)| *p == problem) {
                Some((_, locales)) => locales.push(locale),
                None => problems.push((problem, vec![locale])),
            }
        }
        for (index, bundle) in inner.bundles.iter().enumerate() {
            if bundle.layers == default.layers {
                continue; // the default locale itself, under another tag
            }
            for id in &ids {
                if !inner.bundle(index).has_message(id) {
                    report(
                        &mut problems,
                        format!("message `{id}` is missing"),
                        &bundle.name,
                    );
                    continue;
                }
                let expected = check::message_variables(inner.bundle(inner.default), id);
                let found = check::message_variables(inner.bundle(index), id);
                if expected != found {
                    report(
                        &mut problems,
                        format!(
                            "message `{id}` uses {} but {} uses {}",
                            check::describe(&found),
                            default.name,
                            check::describe(&expected)
                        ),
                        &bundle.name,
                    );
                }
            }
        }
        let problems: Vec<String> = problems
            .into_iter()
            .map(|(problem, mut locales)| {
                locales.sort_unstable();
                format!("{}: {problem}", locales.join(", "))
            })
            .collect();
        if problems.is_empty() {
            return Ok(());
        }
        Err(Error::new(
            ErrorKind::Localization,
            format!(
                "{} translation problem(s) against the default locale {}:\n  {}",
                problems.len(),
                default.name,
                problems.join("\n  ")
            ),
        ))
    }
}

impl fmt::Debug for Locales {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Locales")
            .field("default_locale", &self.default_locale())
            .field("locales", &self.locales().collect::<Vec<_>>())
            .finish()
    }
}

/// Configures where a skill's messages come from; see [`Locales::builder`].
///
/// Sources add up: an embedded tree, directories and in-memory files may be
/// combined. Problems (unreadable directory, bad file) are reported together
/// by [`build`](LocalesBuilder::build).
///
/// ```
/// let locales = alexa_kit::i18n::Locales::builder()
///     .default_locale("en-GB")
///     .resource("en", "main.ftl", "colour = colour")
///     .build()?;
/// assert_eq!(locales.localizer(Some("en-AU")).t("colour"), "colour");
/// # Ok::<(), alexa_kit::Error>(())
/// ```
#[must_use]
pub struct LocalesBuilder {
    default_locale: String,
    files: Vec<source::RawFile>,
    problems: Vec<String>,
}

impl LocalesBuilder {
    /// The locale used when a request's locale has no match (default `en-US`).
    /// The skill must have a folder for it or for its language.
    ///
    /// ```
    /// let locales = alexa_kit::i18n::Locales::builder()
    ///     .resource("de", "main.ftl", "hello = Hallo!")
    ///     .default_locale("de-DE")
    ///     .build()?;
    /// assert_eq!(locales.localizer(Some("en-US")).t("hello"), "Hallo!");
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn default_locale(mut self, locale: &str) -> Self {
        locale.clone_into(&mut self.default_locale);
        self
    }

    /// Adds a tree compiled in with [`include_locales!`](crate::include_locales).
    ///
    /// ```
    /// let locales = alexa_kit::i18n::Locales::builder()
    ///     .embedded(alexa_kit::include_locales!("$CARGO_MANIFEST_DIR/src/i18n/locales"))
    ///     .build()?;
    /// assert!(locales.localizer(Some("nl-NL")).t("welcome").starts_with("Welkom"));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn embedded(mut self, tree: EmbeddedLocales) -> Self {
        source::read_embedded(tree, &mut self.files);
        self
    }

    /// Adds a `<locale>/**/*.ftl` tree read from disk now (handy in tests and
    /// during development).
    ///
    /// ```
    /// let dir = std::env::temp_dir().join(format!("alexa-kit-doc-{}", std::process::id()));
    /// std::fs::create_dir_all(dir.join("en"))?;
    /// std::fs::write(dir.join("en/main.ftl"), "hello = Hello from disk!")?;
    /// let locales = alexa_kit::i18n::Locales::builder().directory(&dir).build()?;
    /// assert_eq!(locales.localizer(None).t("hello"), "Hello from disk!");
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn directory(mut self, path: impl AsRef<Path>) -> Self {
        source::read_directory(path.as_ref(), &mut self.files, &mut self.problems);
        self
    }

    /// Adds one in-memory `.ftl` file for `locale`; `name` appears in error
    /// messages.
    ///
    /// ```
    /// let err = alexa_kit::i18n::Locales::builder()
    ///     .resource("en", "inline.ftl", "hello = Hello\noops")
    ///     .build()
    ///     .unwrap_err();
    /// assert!(err.message().contains("en/inline.ftl:2:"));
    /// ```
    pub fn resource(mut self, locale: &str, name: &str, ftl: impl Into<String>) -> Self {
        self.files.push(source::RawFile {
            folder: locale.to_owned(),
            path: format!("{locale}/{name}"),
            text: source::Text::Owned(ftl.into()),
        });
        self
    }

    /// Parses everything and builds one bundle per locale.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Localization`] listing every
    /// problem: unreadable files, syntax errors (file:line:column), duplicate
    /// ids in a locale, folder names that are not locale tags, a default
    /// locale that is not a tag or has no folder.
    ///
    /// ```
    /// let err = alexa_kit::i18n::Locales::builder()
    ///     .resource("de", "main.ftl", "hello = Hallo!")
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(err.kind(), alexa_kit::ErrorKind::Localization);
    /// assert!(err.message().contains("default locale en-US"));
    /// ```
    pub fn build(self) -> Result<Locales> {
        let mut problems = self.problems;
        let builtin = source::builtin_folders().map_err(|e| {
            Error::new(
                ErrorKind::Localization,
                format!("alexa-kit's built-in messages do not load (a bug in alexa-kit): {e}"),
            )
        })?;
        let skill = source::parse_folders(self.files, &mut problems);

        let default_tag = match source::parse_locale_tag(&self.default_locale) {
            Some(tag) => Some(tag),
            None => {
                problems.push(format!(
                    "default locale `{}` is not a locale tag (expected e.g. `en-US`)",
                    self.default_locale
                ));
                None
            }
        };

        // The skill's folders decide its languages; without any, the framework's do.
        let speaking: &[source::Folder] = if skill.is_empty() { builtin } else { &skill };
        let languages: Vec<Language> = speaking.iter().map(|f| f.tag.language).collect();

        if let Some(tag) = &default_tag
            && !speaking.iter().any(|f| f.applies_to(tag))
        {
            let mut found: Vec<String> = speaking.iter().map(|f| f.tag.to_string()).collect();
            found.dedup();
            problems.push(format!(
                    "no messages for the default locale {tag}: add a folder `{tag}` or `{}` (found: {})",
                    tag.language,
                    found.join(", ")
                ));
        }

        let default_tag = match default_tag {
            Some(tag) if problems.is_empty() => tag,
            _ => {
                return Err(Error::new(
                    ErrorKind::Localization,
                    format!(
                        "{} localisation problem(s):\n  {}",
                        problems.len(),
                        problems.join("\n  ")
                    ),
                ));
            }
        };

        let mut tags = vec![default_tag];
        let alexa = ALEXA_LOCALES.iter().filter_map(|t| t.parse().ok());
        let folder_tags = skill.iter().chain(builtin).map(|f| f.tag.clone());
        for tag in folder_tags.chain(alexa) {
            if languages.contains(&tag.language) && !tags.contains(&tag) {
                tags.push(tag);
            }
        }

        let bundles: Vec<LocaleBundle> = tags
            .iter()
            .map(|tag| LocaleBundle {
                name: tag.to_string(),
                tag: tag.clone(),
                bundle: OnceLock::new(),
                layers: layers_for(tag, builtin, &skill),
            })
            .collect();
        let by_tag = bundles
            .iter()
            .enumerate()
            .map(|(i, b)| (b.name.clone(), i))
            .collect();

        let locales = Locales {
            inner: Arc::new(Inner {
                bundles,
                default: 0,
                by_tag,
                available: tags,
                builtin,
                skill,
            }),
        };
        // The default locale serves every fallback: assemble it now.
        locales.inner.bundle(locales.inner.default);
        Ok(locales)
    }
}

impl fmt::Debug for LocalesBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LocalesBuilder")
            .field("default_locale", &self.default_locale)
            .field(
                "files",
                &self.files.iter().map(|f| &f.path).collect::<Vec<_>>(),
            )
            .finish_non_exhaustive()
    }
}

/// Built-in folders, then the skill's, each from general to specific.
fn layers_for(
    tag: &LanguageIdentifier,
    builtin: &[source::Folder],
    skill: &[source::Folder],
) -> Vec<Layer> {
    let pick = |folders: &[source::Folder], make: fn(usize) -> Layer| {
        let mut picked: Vec<(usize, usize)> = folders
            .iter()
            .enumerate()
            .filter(|(_, f)| f.applies_to(tag))
            .map(|(i, f)| (f.specificity(), i))
            .collect();
        picked.sort();
        picked.into_iter().map(move |(_, i)| make(i))
    };
    pick(builtin, Layer::Builtin)
        .chain(pick(skill, Layer::Skill))
        .collect()
}

fn new_bundle(
    tag: &LanguageIdentifier,
    layers: &[Layer],
    builtin: &[source::Folder],
    skill: &[source::Folder],
) -> Bundle {
    let mut bundle = Bundle::new_concurrent(vec![tag.clone()]);
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(format::formatter_for(tag)));
    // Fails only if a function of the same name was added before, which
    // cannot happen on a new bundle; NUMBER() would then be missing.
    if let Err(e) = bundle.add_builtins() {
        tracing::error!(locale = %tag, "cannot add Fluent's built-in functions: {e}");
    }
    for layer in layers {
        let folder = match *layer {
            Layer::Builtin(i) => &builtin[i],
            Layer::Skill(i) => &skill[i],
        };
        for resource in folder.resources() {
            bundle.add_resource_overriding(Arc::clone(resource));
        }
    }
    bundle
}

/// The pattern for `id` or `id.attribute`.
fn find_pattern<'b>(bundle: &'b Bundle, id: &str) -> Option<&'b ast::Pattern<&'b str>> {
    match id.split_once('.') {
        None => bundle.get_message(id)?.value(),
        Some((id, attribute)) => Some(bundle.get_message(id)?.get_attribute(attribute)?.value()),
    }
}

/// Formats messages in one request's negotiated locale.
///
/// Cheap to create and clone (an `Arc` and an index), `Send + Sync`.
///
/// ```
/// let l = alexa_kit::i18n::Locales::builtin()?.localizer(Some("en-US"));
/// assert!(l.t("goodbye").len() > 0);
/// # Ok::<(), alexa_kit::Error>(())
/// ```
#[derive(Clone)]
pub struct Localizer {
    inner: Arc<Inner>,
    index: usize,
}

impl Localizer {
    /// The negotiated locale: the tag of the bundle in use, e.g. `en-GB`,
    /// or `fr` for a request in `fr-BE`.
    ///
    /// ```
    /// let locales = alexa_kit::i18n::Locales::builtin()?;
    /// assert_eq!(locales.localizer(Some("en-US")).locale(), "en-US");
    /// assert_eq!(locales.localizer(Some("fr-BE")).locale(), "fr");
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn locale(&self) -> &str {
        &self.inner.bundles[self.index].name
    }

    /// The message `id` (or `id.attribute`), as SSML-safe markup.
    ///
    /// A message missing from this locale comes from the default locale; an
    /// id missing there too is returned as is, with a `tracing` warning
    /// (use [`Locales::check_ids`] at start-up so that never happens).
    ///
    /// ```
    /// let l = alexa_kit::i18n::Locales::builtin()?.localizer(None);
    /// assert!(l.t("welcome").contains("Welcome"));
    /// assert_eq!(l.t("no-such-message"), "no-such-message");
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn t(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with arguments, which are escaped for SSML.
    ///
    /// ```
    /// use alexa_kit::{args, i18n::Locales};
    ///
    /// let locales = Locales::builder()
    ///     .resource("en", "main.ftl", "apples = { $count ->\n    [one] one apple for { $who }\n   *[other] { $count } apples for { $who }\n}")
    ///     .build()?;
    /// let l = locales.localizer(None);
    /// assert_eq!(l.t_args("apples", &args!["count" => 1, "who" => "Tom & Jerry"]), "one apple for Tom &amp; Jerry");
    /// assert_eq!(l.t_args("apples", &args!["count" => 4, "who" => "me"]), "4 apples for me");
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn t_args(&self, id: &str, args: &FluentArgs<'_>) -> String {
        self.format(id, Some(args))
    }

    /// Whether [`t`](Localizer::t) finds `id` (or `id.attribute`) in this
    /// locale or the default locale.
    ///
    /// ```
    /// let l = alexa_kit::i18n::Locales::builtin()?.localizer(Some("de-DE"));
    /// assert!(l.has("help"));
    /// assert!(!l.has("no-such-message"));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn has(&self, id: &str) -> bool {
        self.find(id).is_some()
    }

    fn find(&self, id: &str) -> Option<(&Bundle, &ast::Pattern<&str>, bool)> {
        let own = self.inner.bundle(self.index);
        if let Some(pattern) = find_pattern(own, id) {
            return Some((own, pattern, false));
        }
        let default = self.inner.bundle(self.inner.default);
        find_pattern(default, id).map(|pattern| (default, pattern, true))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        let Some((bundle, pattern, fell_back)) = self.find(id) else {
            tracing::warn!(
                message_id = id,
                locale = self.locale(),
                "no such message in this locale nor the default locale; speaking its id"
            );
            return id.to_owned();
        };
        if fell_back {
            tracing::warn!(
                message_id = id,
                locale = self.locale(),
                default_locale = %self.inner.bundles[self.inner.default].name,
                "message missing in this locale; using the default locale's"
            );
        }
        // Most messages are plain text, which is what Fluent would write
        // (alexa-kit sets no transform): no resolver needed.
        // Either way, with room for the `<speak>` tags most messages get
        // when they are said (see `wrap_speak`): no second allocation.
        let room = crate::response::ssml::SPEAK_TAGS.len();
        if let [ast::PatternElement::TextElement { value }] = pattern.elements.as_slice() {
            let mut out = String::with_capacity(value.len() + room);
            out.push_str(value);
            return out;
        }
        let mut out = String::with_capacity(64);
        let mut errors = Vec::new();
        // Writing into a String cannot fail.
        let _ = bundle.write_pattern(&mut out, pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::warn!(
                message_id = id,
                locale = self.locale(),
                errors = ?errors,
                "message formatted with errors"
            );
        }
        out
    }
}

impl fmt::Debug for Localizer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Localizer")
            .field("locale", &self.locale())
            .finish()
    }
}

// Bundles are shared across requests and tasks.
const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Locales>();
    assert_send_sync::<Localizer>();
};
