//! The procedural half of `alexa_kit::include_locales!`: embeds a
//! `locales/<locale>/**/*.ftl` tree and checks it while the skill compiles.
//!
//! Use it through `alexa_kit::include_locales!`, which passes alexa-kit's own
//! path as the first argument. A syntax error, a duplicate message id in a
//! locale or a `.ftl` file outside a locale folder is a compile error naming
//! the file and line, so the skill's binary never has to parse every locale at
//! start-up to find them: each locale is parsed when a request first needs it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use proc_macro::{TokenStream, TokenTree};

mod check;

/// `include_locales!(<alexa-kit path>, "<dir>")`; see the crate docs.
#[proc_macro]
pub fn include_locales(input: TokenStream) -> TokenStream {
    match expand(input) {
        Ok(tokens) => tokens,
        Err(message) => format!("::core::compile_error!({message:?})")
            .parse()
            .expect("compile_error! tokens"),
    }
}

fn expand(input: TokenStream) -> Result<TokenStream, String> {
    let mut tokens = input.into_iter();
    // Everything up to the first top-level comma is the path of the alexa-kit crate.
    let mut krate = TokenStream::new();
    for token in tokens.by_ref() {
        match &token {
            TokenTree::Punct(p) if p.as_char() == ',' => break,
            _ => krate.extend([token]),
        }
    }
    let literal = match (tokens.next(), tokens.next()) {
        (Some(TokenTree::Literal(lit)), None) => lit.to_string(),
        (Some(TokenTree::Group(g)), None) => g.stream().to_string(),
        _ => return Err("include_locales! takes one string literal: a directory path".into()),
    };
    let written = unquote(&literal)
        .ok_or_else(|| format!("include_locales! takes a string literal, not {literal}"))?;
    let root = PathBuf::from(expand_env(&written)?);
    let label = root
        .components()
        .next_back()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .unwrap_or_default();

    let files = check::read_tree(&root, &label)?;
    let problems = check::problems(&files);
    if !problems.is_empty() {
        return Err(format!(
            "{} localisation problem(s) in {}:\n  {}",
            problems.len(),
            root.display(),
            problems.join("\n  ")
        ));
    }

    // `krate` is usually `$crate`, which only survives as the original token.
    let mut out = String::new();
    write!(out, "::i18n::EmbeddedLocales::__checked({label:?}, &[").unwrap();
    for file in &files {
        let absolute = file
            .absolute
            .to_str()
            .ok_or_else(|| format!("{}: the path is not UTF-8", file.absolute.display()))?;
        write!(
            out,
            "({:?}, {:?}, ::core::include_str!({absolute:?})),",
            file.folder, file.path
        )
        .unwrap();
    }
    out.push_str("])");
    let rest: TokenStream = out
        .parse()
        .map_err(|e| format!("include_locales! generated bad tokens: {e}"))?;
    krate.extend(rest);
    Ok(krate)
}

/// The contents of a plain (`"…"`) or raw (`r"…"`, `r#"…"#`) string literal.
fn unquote(literal: &str) -> Option<String> {
    if let Some(raw) = literal.strip_prefix('r') {
        let hashes = raw.len() - raw.trim_start_matches('#').len();
        let body = raw.get(hashes..raw.len().checked_sub(hashes)?)?;
        return Some(body.strip_prefix('"')?.strip_suffix('"')?.to_owned());
    }
    let body = literal.strip_prefix('"')?.strip_suffix('"')?;
    if body.contains('\\') {
        // Escapes in a path are rare; only the common ones are honoured.
        return Some(body.replace("\\\\", "\\").replace("\\\"", "\""));
    }
    Some(body.to_owned())
}

/// Expands `$NAME` (letters, digits, `_`) from the compiler's environment,
/// where Cargo sets `CARGO_MANIFEST_DIR` to the skill crate's directory.
fn expand_env(path: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = path;
    while let Some(at) = rest.find('$') {
        out.push_str(&rest[..at]);
        let name_len = rest[at + 1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len() - at - 1);
        let name = &rest[at + 1..at + 1 + name_len];
        let value = std::env::var(name)
            .map_err(|_| format!("include_locales!: ${name} is not set while compiling"))?;
        out.push_str(&value);
        rest = &rest[at + 1 + name_len..];
    }
    out.push_str(rest);
    if Path::new(&out).is_relative() {
        // Relative to the skill's Cargo.toml, like `$CARGO_MANIFEST_DIR/…`.
        let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
        return Ok(Path::new(&manifest)
            .join(out)
            .to_string_lossy()
            .into_owned());
    }
    Ok(out)
}
