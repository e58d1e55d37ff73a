//! The checks of a Fluent (`.ftl`) locale tree that alexa-kit runs, written
//! once: syntax errors with file, line and column, and message or term ids
//! defined twice within one locale. `alexa-kit-macros` reports them as
//! compile errors for embedded trees; `alexa-kit` reports them at start-up
//! for trees read at run time. Both therefore say exactly the same thing.
//!
//! ```
//! use alexa_kit_ftl_check::{Definitions, duplicates, syntax_errors};
//!
//! let a = "hello = Hello\nbye = Bye\n";
//! let b = "hello = Hi again\n";
//! let (ra, rb) = (fluent_syntax::parser::parse(a).unwrap(), fluent_syntax::parser::parse(b).unwrap());
//! let files = [
//!     Definitions::new("locales/en/a.ftl", a, &ra.body),
//!     Definitions::new("locales/en/b.ftl", b, &rb.body),
//! ];
//! assert_eq!(
//!     duplicates("en", &files),
//!     ["locales/en/b.ftl:1: duplicate message id `hello` in locale `en` (first defined at locales/en/a.ftl:1)"]
//! );
//!
//! let broken = "hello = \n= oops\n";
//! let (_, errors) = fluent_syntax::parser::parse(broken).unwrap_err();
//! let problems = syntax_errors("locales/en/c.ftl", broken, &errors);
//! assert!(problems[0].starts_with("locales/en/c.ftl:"), "{}", problems[0]);
//! assert!(problems[0].contains(": syntax error: "), "{}", problems[0]);
//! ```

#![warn(missing_docs)]

use fluent_syntax::ast;
use fluent_syntax::parser::ParserError;

/// One readable line per syntax error: `path:line:column: syntax error: …`
/// followed by the offending line.
///
/// ```
/// let text = "x = 1\ny\n";
/// let (_, errors) = fluent_syntax::parser::parse(text).unwrap_err();
/// let problems = alexa_kit_ftl_check::syntax_errors("en/main.ftl", text, &errors);
/// assert!(problems[0].starts_with("en/main.ftl:2:"), "{}", problems[0]);
/// ```
pub fn syntax_errors(path: &str, source: &str, errors: &[ParserError]) -> Vec<String> {
    errors
        .iter()
        .map(|err| {
            let (line, col, text) = line_col(source, err.pos.start);
            format!(
                "{path}:{line}:{col}: syntax error: {}\n    | {}",
                err.kind,
                text.trim_end()
            )
        })
        .collect()
}

/// The problem of an `.ftl` file that sits directly in the tree's root
/// instead of a locale folder.
///
/// ```
/// assert_eq!(
///     alexa_kit_ftl_check::outside_locale_folder("locales", "main.ftl"),
///     "locales/main.ftl: .ftl files belong in a locale folder such as locales/en/main.ftl"
/// );
/// ```
pub fn outside_locale_folder(root: &str, name: &str) -> String {
    format!("{root}/{name}: .ftl files belong in a locale folder such as {root}/en/{name}")
}

/// The message and term ids one file defines, in file order.
///
/// ```
/// let text = "a = 1\n-t = T\n";
/// let resource = fluent_syntax::parser::parse(text).unwrap();
/// let defs = alexa_kit_ftl_check::Definitions::new("en/x.ftl", text, &resource.body);
/// assert_eq!(defs.path(), "en/x.ftl");
/// ```
#[derive(Debug, Clone)]
pub struct Definitions<'a> {
    path: &'a str,
    source: &'a str,
    /// `(is_term, id)`.
    ids: Vec<(bool, &'a str)>,
}

impl<'a> Definitions<'a> {
    /// Collects the ids of `entries`, parsed from `source`, read from `path`.
    ///
    /// ```
    /// let resource = fluent_syntax::parser::parse("a = 1\n").unwrap();
    /// let _ = alexa_kit_ftl_check::Definitions::new("en/x.ftl", "a = 1\n", &resource.body);
    /// ```
    pub fn new<'e>(
        path: &'a str,
        source: &'a str,
        entries: impl IntoIterator<Item = &'e ast::Entry<&'a str>>,
    ) -> Self
    where
        'a: 'e,
    {
        let ids = entries
            .into_iter()
            .filter_map(|entry| match entry {
                ast::Entry::Message(m) => Some((false, m.id.name)),
                ast::Entry::Term(t) => Some((true, t.id.name)),
                _ => None,
            })
            .collect();
        Definitions { path, source, ids }
    }

    /// The file's path as shown in problems.
    ///
    /// ```
    /// let d = alexa_kit_ftl_check::Definitions::new("p.ftl", "", &[]);
    /// assert_eq!(d.path(), "p.ftl");
    /// ```
    pub fn path(&self) -> &str {
        self.path
    }
}

/// Message or term ids defined twice within one locale folder: one line per
/// repeated definition, naming where it is and where the first one is.
///
/// ```
/// use alexa_kit_ftl_check::{Definitions, duplicates};
/// let text = "x = 1\nx = 2\n";
/// let resource = fluent_syntax::parser::parse(text).unwrap();
/// let files = [Definitions::new("en/a.ftl", text, &resource.body)];
/// assert_eq!(
///     duplicates("en", &files),
///     ["en/a.ftl:2: duplicate message id `x` in locale `en` (first defined at en/a.ftl:1)"]
/// );
/// ```
pub fn duplicates(folder: &str, files: &[Definitions<'_>]) -> Vec<String> {
    // Every definition as (is_term, id, file); sorted by id (stably, so file
    // and entry order stay), duplicates sit next to each other. No hashing,
    // and lines are looked up only for a report: this runs at start-up.
    let mut defs: Vec<(bool, &str, usize)> = Vec::new();
    for (i, file) in files.iter().enumerate() {
        defs.extend(file.ids.iter().map(|&(is_term, name)| (is_term, name, i)));
    }
    defs.sort_by_key(|&(is_term, name, _)| (is_term, name));
    // `nth` is which definition of that name it is within its file.
    let at = |i: usize, nth: usize, prefix: &str, name: &str| {
        let file = &files[i];
        match definition_line(file.source, prefix, name, nth) {
            Some(line) => format!("{}:{line}", file.path),
            None => file.path.to_owned(),
        }
    };
    let mut problems = Vec::new();
    for group in defs.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        let &[(is_term, name, first), ref again @ ..] = group else {
            continue;
        };
        let prefix = if is_term { "-" } else { "" };
        for (k, &(_, _, i)) in again.iter().enumerate() {
            let nth = group[..=k].iter().filter(|d| d.2 == i).count();
            problems.push(format!(
                "{}: duplicate {} id `{prefix}{name}` in locale `{folder}` (first defined at {})",
                at(i, nth, prefix, name),
                if is_term { "term" } else { "message" },
                at(first, 0, prefix, name),
            ));
        }
    }
    problems
}

/// One-based line and column (in characters) of a byte offset, and the
/// line's text.
///
/// ```
/// let src = "a = 1\nbé = x\n";
/// assert_eq!(alexa_kit_ftl_check::line_col(src, 0), (1, 1, "a = 1"));
/// // Columns count characters, not bytes.
/// assert_eq!(alexa_kit_ftl_check::line_col(src, src.rfind('=').unwrap()), (2, 4, "bé = x"));
/// ```
pub fn line_col(source: &str, offset: usize) -> (usize, usize, &str) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = source[offset..]
        .find('\n')
        .map_or(source.len(), |i| offset + i);
    let line = source[..offset].matches('\n').count() + 1;
    let col = source[start..offset].chars().count() + 1;
    (line, col, &source[start..end])
}

/// The line on which the `nth` (0-based) definition of `prefix name` starts.
fn definition_line(source: &str, prefix: &str, name: &str, nth: usize) -> Option<usize> {
    source
        .lines()
        .enumerate()
        .filter(|(_, line)| {
            line.strip_prefix(prefix)
                .and_then(|rest| rest.strip_prefix(name))
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .nth(nth)
        .map(|(i, _)| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definition_line_finds_the_nth_definition() {
        let src = "a = 1\n# a = comment\na=2\n-a = term\n";
        assert_eq!(definition_line(src, "", "a", 0), Some(1));
        assert_eq!(definition_line(src, "", "a", 1), Some(3));
        assert_eq!(definition_line(src, "-", "a", 0), Some(4));
        assert_eq!(definition_line(src, "", "a", 2), None);
    }
}
