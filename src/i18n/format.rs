//! How placeable values (the arguments a skill passes) are written into
//! speech: escaped for SSML, numbers with the locale's decimal separator.

use fluent_bundle::FluentValue;
use fluent_bundle::memoizer::MemoizerKind;
use unic_langid::LanguageIdentifier;

use crate::response::ssml::escape;

/// Formats an argument value: strings and custom values are user data and are
/// escaped for SSML; numbers keep Fluent's formatting, with a decimal comma
/// when `COMMA` is set. Returning `None` falls back to Fluent's own output.
fn format_value<M: MemoizerKind, const COMMA: bool>(
    value: &FluentValue<'_>,
    intls: &M,
) -> Option<String> {
    match value {
        FluentValue::String(text) => Some(escape(text)),
        FluentValue::Custom(custom) => Some(escape(&intls.stringify_value(&**custom))),
        FluentValue::Number(number) if COMMA => Some(number.as_string().replace('.', ",")),
        _ => None,
    }
}

/// The formatter for a bundle of `tag`.
pub(crate) fn formatter_for<M: MemoizerKind>(
    tag: &LanguageIdentifier,
) -> fn(&FluentValue<'_>, &M) -> Option<String> {
    if uses_decimal_comma(tag) {
        format_value::<M, true>
    } else {
        format_value::<M, false>
    }
}

/// Whether the locale writes `3,5` rather than `3.5` (CLDR decimal symbol).
///
/// Only the languages of Alexa locales are listed; Spanish uses a comma in
/// Spain but a point in Mexico and the United States (and so, by default, for
/// the Americas).
pub(crate) fn uses_decimal_comma(tag: &LanguageIdentifier) -> bool {
    match tag.language.as_str() {
        "de" | "fr" | "it" | "nl" | "pt" => true,
        "es" => tag.region.is_some_and(|r| r.as_str() == "ES"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(s: &str) -> LanguageIdentifier {
        s.parse().unwrap()
    }

    #[test]
    fn decimal_comma_follows_the_region_for_spanish() {
        assert!(uses_decimal_comma(&tag("de-DE")));
        assert!(uses_decimal_comma(&tag("es-ES")));
        assert!(!uses_decimal_comma(&tag("es-MX")));
        assert!(!uses_decimal_comma(&tag("es-US")));
        assert!(!uses_decimal_comma(&tag("en-GB")));
        assert!(!uses_decimal_comma(&tag("ja-JP")));
    }
}
