//! Localisation: Fluent message bundles negotiated per request.
//!
//! (Skeleton: the Fluent implementation replaces the English table below.)

use std::sync::Arc;

use crate::Result;

/// Every message bundle of a skill, built once at start-up.
///
/// ```
/// let locales = alexa_kit::i18n::Locales::builtin()?;
/// let l = locales.localizer(Some("en-GB"));
/// assert!(!l.t("help").is_empty());
/// # Ok::<(), alexa_kit::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Locales {
    default_locale: Arc<str>,
}

impl Locales {
    /// The framework's own messages only.
    ///
    /// ```
    /// assert!(alexa_kit::i18n::Locales::builtin().is_ok());
    /// ```
    pub fn builtin() -> Result<Self> {
        Ok(Locales {
            default_locale: Arc::from("en-US"),
        })
    }

    /// A localizer for a request's locale (`None` gets the default locale).
    ///
    /// ```
    /// let locales = alexa_kit::i18n::Locales::builtin()?;
    /// assert_eq!(locales.localizer(None).locale(), "en-US");
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn localizer(&self, locale: Option<&str>) -> Localizer {
        Localizer {
            locale: locale
                .map(Arc::from)
                .unwrap_or_else(|| self.default_locale.clone()),
        }
    }
}

/// Formats messages in one request's negotiated locale.
///
/// ```
/// let l = alexa_kit::i18n::Locales::builtin()?.localizer(Some("en-US"));
/// assert!(l.t("goodbye").len() > 0);
/// # Ok::<(), alexa_kit::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Localizer {
    locale: Arc<str>,
}

impl Localizer {
    /// The negotiated locale.
    ///
    /// ```
    /// let l = alexa_kit::i18n::Locales::builtin()?.localizer(Some("en-US"));
    /// assert_eq!(l.locale(), "en-US");
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn locale(&self) -> &str {
        &self.locale
    }

    /// The message `id`, as SSML-safe markup.
    ///
    /// ```
    /// let l = alexa_kit::i18n::Locales::builtin()?.localizer(None);
    /// assert!(l.t("welcome").contains("Welcome"));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn t(&self, id: &str) -> String {
        match id {
            "welcome" => "Welcome! You can say help to hear what I can do.",
            "welcome-reprompt" | "help-reprompt" | "fallback-reprompt" => {
                "What would you like to do?"
            }
            "help" => "You can ask me something, or say stop to leave.",
            "goodbye" => "Goodbye!",
            "fallback" => "Sorry, I didn't get that. You can say help to hear what I can do.",
            "error" => "Sorry, something went wrong. Please try again.",
            "navigate-home" => "Goodbye!",
            other => other,
        }
        .to_owned()
    }
}
