//! The release profile must keep `panic = "unwind"`.
//!
//! The runtime loop catches a panicking handler and reports it to the Lambda Runtime API; with
//! `panic = "abort"` the process would die instead and Alexa would hear nothing useful. cargo-lambda (and so
//! SAM's `rust-cargolambda` build) silently switches to "abort" when `Cargo.toml` does not say otherwise,
//! so this test pins the setting where cargo reads it, and checks the build files do not override it.
//! `scripts/check_package.py` checks the built `bootstrap` itself.

use std::fs;
use std::path::Path;

/// Every `panic` setting of a profile found in a TOML file, as `(profile path, value)`.
///
/// Understands the forms cargo users write: `[profile.release]` + `panic = "..."`, dotted keys
/// (`profile.release.panic = ...`, or `release.panic = ...` under `[profile]`) and inline tables
/// (`release = { panic = "..." }`). Anything else mentioning `panic` inside a profile is reported as
/// unparsed so that the test fails loudly instead of passing by accident.
fn panic_settings(toml: &str) -> (Vec<(String, String)>, Vec<String>) {
    let mut table = String::new();
    let mut found = Vec::new();
    let mut unparsed = Vec::new();
    for raw in toml.lines() {
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        if let Some(header) = line.strip_prefix('[') {
            table = header
                .trim_matches(|c| c == '[' || c == ']')
                .replace(' ', "");
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let key = key.replace([' ', '"'], "");
        let full = if table.is_empty() {
            key
        } else {
            format!("{table}.{key}")
        };
        if !full.starts_with("profile.") || !line.contains("panic") {
            continue;
        }
        let value = value.trim();
        if let Some(profile) = full.strip_suffix(".panic") {
            found.push((profile.to_owned(), unquote(value)));
        } else if let Some(inner) = value.strip_prefix('{').and_then(|v| v.strip_suffix('}')) {
            let inline = inner
                .split(',')
                .filter_map(|kv| kv.split_once('='))
                .find(|(k, _)| k.trim() == "panic");
            match inline {
                Some((_, v)) => found.push((full, unquote(v.trim()))),
                None => unparsed.push(raw.to_owned()),
            }
        } else {
            unparsed.push(raw.to_owned());
        }
    }
    (found, unparsed)
}

fn strip_comment(line: &str) -> &str {
    // Good enough for build files: a `#` inside a quoted value is not expected near `panic`.
    line.split_once('#').map_or(line, |(code, _)| code)
}

fn unquote(value: &str) -> String {
    value
        .trim()
        .trim_matches(|c| c == '"' || c == '\'')
        .to_owned()
}

fn read(path: &Path) -> Option<String> {
    fs::read_to_string(path).ok()
}

#[test]
fn cargo_toml_release_profile_unwinds() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let text = read(&manifest).unwrap_or_else(|| panic!("cannot read {}", manifest.display()));
    let (found, unparsed) = panic_settings(&text);
    assert!(
        unparsed.is_empty(),
        "unrecognised panic settings in Cargo.toml: {unparsed:?}"
    );
    let release: Vec<_> = found
        .iter()
        .filter(|(p, _)| p == "profile.release")
        .collect();
    assert_eq!(
        release,
        [&("profile.release".to_owned(), "unwind".to_owned())],
        "Cargo.toml must set `panic = \"unwind\"` in [profile.release] exactly once (found {found:?})"
    );
    // Profiles that inherit from release (bench, custom ones) must not switch to abort either.
    let aborting: Vec<_> = found.iter().filter(|(_, v)| v != "unwind").collect();
    assert!(aborting.is_empty(), "profiles set to abort: {aborting:?}");
}

#[test]
fn cargo_config_does_not_override_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for name in [".cargo/config.toml", ".cargo/config"] {
        let Some(text) = read(&root.join(name)) else {
            continue;
        };
        let (found, unparsed) = panic_settings(&text);
        assert!(
            found.is_empty() && unparsed.is_empty(),
            "{name} overrides the panic strategy: {found:?} {unparsed:?}"
        );
        assert!(
            !text.contains("panic=abort"),
            "{name} passes -C panic=abort in rustflags"
        );
    }
}

#[test]
fn packaging_does_not_switch_to_abort() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let makefile =
        read(&root.join("Makefile")).unwrap_or_else(|| panic!("the Makefile is missing"));
    for needle in [
        "CARGO_PROFILE_RELEASE_PANIC",
        "panic=abort",
        "cargo lambda",
        "cargo-lambda",
    ] {
        assert!(
            !makefile.contains(needle),
            "the Makefile mentions `{needle}`, which can turn unwinding off"
        );
    }
}

#[test]
fn parser_sees_every_form_of_the_setting() {
    let (found, unparsed) = panic_settings(
        "[package]\nname = \"x\"\n[profile.release]\nopt-level = 3 # fast\npanic = 'abort'\n\
         [profile]\nbench.panic = \"unwind\"\ndev = { panic = \"abort\", debug = true }\n",
    );
    assert!(unparsed.is_empty(), "{unparsed:?}");
    assert_eq!(
        found,
        [
            ("profile.release".to_owned(), "abort".to_owned()),
            ("profile.bench".to_owned(), "unwind".to_owned()),
            ("profile.dev".to_owned(), "abort".to_owned()),
        ]
    );
    let (found, _) = panic_settings("profile.release.panic = \"unwind\"\n");
    assert_eq!(found, [("profile.release".to_owned(), "unwind".to_owned())]);
}
