//! Where `.ftl` text comes from (embedded tree, directory, memory, the
//! framework's own files) and how it becomes checked locale folders.
//!
//! Every problem found here is collected as a readable line (with file, line
//! and column where there is one) so that start-up reports all of them at once.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::{Arc, OnceLock};

use fluent_bundle::FluentResource;
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

/// One `.ftl` file before parsing.
pub(crate) struct RawFile {
    /// The locale folder name as written, e.g. `en-GB`.
    pub(crate) folder: String,
    /// A path for messages, e.g. `locales/en-GB/main.ftl`.
    pub(crate) path: String,
    pub(crate) text: String,
}

/// All files of one locale folder, parsed and free of duplicate ids.
///
/// A skill's folders are parsed and checked at start-up. The framework's own
/// are parsed on first use instead (their correctness is proven by
/// alexa-kit's tests, see `builtin_messages_parse_cleanly`), which keeps
/// locales nobody asks for off the Lambda cold start.
pub(crate) struct Folder {
    pub(crate) tag: LanguageIdentifier,
    resources: OnceLock<Vec<Arc<FluentResource>>>,
    /// Files not parsed yet (framework folders only).
    pending: Vec<RawFile>,
}

impl Folder {
    fn parsed(tag: LanguageIdentifier, resources: Vec<Arc<FluentResource>>) -> Self {
        Folder {
            tag,
            resources: OnceLock::from(resources),
            pending: Vec::new(),
        }
    }

    /// The folder's resources, parsed on first use for lazy folders.
    pub(crate) fn resources(&self) -> &[Arc<FluentResource>] {
        self.resources.get_or_init(|| {
            self.pending
                .iter()
                .map(|file| {
                    let resource = FluentResource::try_new(file.text.clone())
                        .unwrap_or_else(|(partial, errors)| {
                            tracing::error!(path = %file.path, ?errors, "alexa-kit's own messages have a syntax error");
                            partial
                        });
                    Arc::new(resource)
                })
                .collect()
        })
    }

    /// How specific the tag is: `en` < `en-GB` < `sr-Latn-RS`.
    pub(crate) fn specificity(&self) -> usize {
        usize::from(self.tag.script.is_some())
            + usize::from(self.tag.region.is_some())
            + self.tag.variants().len()
    }

    /// Whether this folder's messages apply to a bundle for `tag`: same
    /// language, and every subtag the folder names matches.
    pub(crate) fn applies_to(&self, tag: &LanguageIdentifier) -> bool {
        let own = &self.tag;
        own.language == tag.language
            && own.script.is_none_or(|s| Some(s) == tag.script)
            && own.region.is_none_or(|r| Some(r) == tag.region)
            && (own.variants().len() == 0 || own.variants().eq(tag.variants()))
    }
}

/// Reads an embedded tree (see [`include_locales!`](crate::include_locales)).
pub(crate) fn read_embedded(
    dir: &include_dir::Dir<'_>,
    root_label: &str,
    out: &mut Vec<RawFile>,
    problems: &mut Vec<String>,
) {
    for file in dir.files() {
        top_level_file(root_label, &file.path().to_string_lossy(), problems);
    }
    for locale_dir in dir.dirs() {
        let folder = locale_dir
            .path()
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        walk_embedded(locale_dir, &folder, root_label, out, problems);
    }
}

fn walk_embedded(
    dir: &include_dir::Dir<'_>,
    folder: &str,
    root_label: &str,
    out: &mut Vec<RawFile>,
    problems: &mut Vec<String>,
) {
    for file in dir.files() {
        let rel = file.path().to_string_lossy().replace('\\', "/");
        if !rel.ends_with(".ftl") {
            continue;
        }
        let path = format!("{root_label}/{rel}");
        match file.contents_utf8() {
            Some(text) => out.push(RawFile {
                folder: folder.to_owned(),
                path,
                text: text.to_owned(),
            }),
            None => problems.push(format!("{path}: not valid UTF-8")),
        }
    }
    for sub in dir.dirs() {
        walk_embedded(sub, folder, root_label, out, problems);
    }
}

/// Reads `root/<locale>/**/*.ftl` from the file system.
pub(crate) fn read_directory(root: &Path, out: &mut Vec<RawFile>, problems: &mut Vec<String>) {
    let entries = match sorted_entries(root) {
        Ok(entries) => entries,
        Err(err) => {
            problems.push(format!(
                "cannot read locale directory {}: {err}",
                root.display()
            ));
            return;
        }
    };
    for path in entries {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if path.is_dir() {
            walk_directory(&path, &name, out, problems);
        } else {
            top_level_file(&root.display().to_string(), &name, problems);
        }
    }
}

fn walk_directory(dir: &Path, folder: &str, out: &mut Vec<RawFile>, problems: &mut Vec<String>) {
    let entries = match sorted_entries(dir) {
        Ok(entries) => entries,
        Err(err) => {
            problems.push(format!("cannot read {}: {err}", dir.display()));
            return;
        }
    };
    for path in entries {
        if path.is_dir() {
            walk_directory(&path, folder, out, problems);
        } else if path.extension().is_some_and(|e| e == "ftl") {
            match std::fs::read_to_string(&path) {
                Ok(text) => out.push(RawFile {
                    folder: folder.to_owned(),
                    path: path.display().to_string(),
                    text,
                }),
                Err(err) => problems.push(format!("cannot read {}: {err}", path.display())),
            }
        }
    }
}

fn sorted_entries(dir: &Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut paths = std::fs::read_dir(dir)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<std::io::Result<Vec<_>>>()?;
    paths.sort();
    Ok(paths)
}

fn top_level_file(root: &str, name: &str, problems: &mut Vec<String>) {
    if name.ends_with(".ftl") {
        problems.push(format!(
            "{root}/{name}: .ftl files belong in a locale folder such as {root}/en/{name}"
        ));
    }
}

/// Parses raw files into folders, one per locale tag, in a stable order.
pub(crate) fn parse_folders(files: Vec<RawFile>, problems: &mut Vec<String>) -> Vec<Folder> {
    let mut by_folder: BTreeMap<String, Vec<RawFile>> = BTreeMap::new();
    for file in files {
        by_folder.entry(file.folder.clone()).or_default().push(file);
    }

    let mut folders: Vec<Folder> = Vec::new();
    for (name, mut files) in by_folder {
        let tag = match parse_folder_tag(&name) {
            Ok(tag) => tag,
            Err(msg) => {
                let path = files.first().map(|f| f.path.as_str()).unwrap_or("");
                problems.push(format!("{path}: {msg}"));
                continue;
            }
        };
        files.sort_by(|a, b| a.path.cmp(&b.path));
        let mut parsed = Vec::with_capacity(files.len());
        for file in files {
            if let Some(resource) = parse_file(file.text, &file.path, problems) {
                parsed.push((file.path, resource));
            }
        }
        check_duplicates(&name, &parsed, problems);
        let resources = parsed.into_iter().map(|(_, r)| Arc::new(r)).collect();
        // `en_GB` and `en-GB` are the same tag: merge rather than shadow.
        if let Some(existing) = folders.iter_mut().find(|f| f.tag == tag) {
            problems.push(format!(
                "locale folder `{name}` names the same locale as another folder (`{tag}`); use one folder per locale"
            ));
            let mut merged = existing.resources().to_vec();
            merged.extend::<Vec<_>>(resources);
            *existing = Folder::parsed(tag, merged);
        } else {
            folders.push(Folder::parsed(tag, resources));
        }
    }
    folders
}

fn parse_folder_tag(name: &str) -> Result<LanguageIdentifier, String> {
    parse_locale_tag(name).ok_or_else(|| {
        format!(
            "locale folder name `{name}` is not a locale tag (expected a BCP 47 tag such as `en`, `en-GB` or `es-MX`)"
        )
    })
}

/// Parses a locale tag such as `en` or `en-GB` (`en_GB` is accepted too).
pub(crate) fn parse_locale_tag(name: &str) -> Option<LanguageIdentifier> {
    let tag: LanguageIdentifier = name.parse().ok()?;
    // BCP 47 also allows 5–8 letter language subtags, but none is assigned:
    // accepting them would take folders like `english` or `common` for locales.
    (2..=3)
        .contains(&tag.language.as_str().len())
        .then_some(tag)
}

fn parse_file(text: String, path: &str, problems: &mut Vec<String>) -> Option<FluentResource> {
    match FluentResource::try_new(text) {
        Ok(resource) => Some(resource),
        Err((resource, errors)) => {
            let source = resource.source();
            for err in errors {
                let (line, col, line_text) = line_col(source, err.pos.start);
                problems.push(format!(
                    "{path}:{line}:{col}: syntax error: {}\n    | {}",
                    err.kind,
                    line_text.trim_end()
                ));
            }
            None
        }
    }
}

/// One-based line and column (in characters) of a byte offset, and the line's text.
pub(crate) fn line_col(source: &str, offset: usize) -> (usize, usize, &str) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[offset..]
        .find('\n')
        .map_or(source.len(), |i| offset + i);
    let line = source[..offset].matches('\n').count() + 1;
    let col = source[line_start..offset].chars().count() + 1;
    (line, col, &source[line_start..line_end])
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

fn check_duplicates(folder: &str, files: &[(String, FluentResource)], problems: &mut Vec<String>) {
    // Where a definition is: file, its source, and which definition of that
    // name it is in the file. Turned into `path:line` only for a report, so
    // that the common case (no duplicates) scans no lines at start-up.
    type Site<'a> = (&'a str, &'a str, usize);
    let at = |(path, source, nth): Site<'_>, prefix: &str, name: &str| match definition_line(
        source, prefix, name, nth,
    ) {
        Some(line) => format!("{path}:{line}"),
        None => path.to_owned(),
    };
    // (is_term, id) -> where it was first defined
    let mut first: HashMap<(bool, &str), Site<'_>> = HashMap::new();
    for (path, resource) in files {
        let mut seen_in_file: HashMap<(bool, &str), usize> = HashMap::new();
        for entry in resource.entries() {
            let (is_term, name) = match entry {
                ast::Entry::Message(m) => (false, m.id.name),
                ast::Entry::Term(t) => (true, t.id.name),
                _ => continue,
            };
            let nth = seen_in_file.entry((is_term, name)).or_insert(0);
            let here = (path.as_str(), resource.source(), *nth);
            *nth += 1;
            match first.get(&(is_term, name)) {
                Some(&earlier) => {
                    let prefix = if is_term { "-" } else { "" };
                    problems.push(format!(
                        "{}: duplicate {} id `{prefix}{name}` in locale `{folder}` (first defined at {})",
                        at(here, prefix, name),
                        if is_term { "term" } else { "message" },
                        at(earlier, prefix, name),
                    ));
                }
                None => {
                    first.insert((is_term, name), here);
                }
            }
        }
    }
}

/// Groups files into folders without parsing them (see [`Folder`]).
fn lazy_folders(files: Vec<RawFile>, problems: &mut Vec<String>) -> Vec<Folder> {
    let mut by_folder: BTreeMap<String, Vec<RawFile>> = BTreeMap::new();
    for file in files {
        by_folder.entry(file.folder.clone()).or_default().push(file);
    }
    let mut folders = Vec::new();
    for (name, mut pending) in by_folder {
        match parse_folder_tag(&name) {
            Ok(tag) => {
                pending.sort_by(|a, b| a.path.cmp(&b.path));
                folders.push(Folder {
                    tag,
                    resources: OnceLock::new(),
                    pending,
                });
            }
            Err(msg) => problems.push(format!("{name}: {msg}")),
        }
    }
    folders
}

static BUILTIN_DIR: include_dir::Dir<'static> =
    include_dir::include_dir!("$CARGO_MANIFEST_DIR/src/i18n/locales");

/// The framework's own messages, parsed once per process.
pub(crate) fn builtin_folders() -> Result<&'static [Folder], String> {
    static PARSED: OnceLock<Result<Vec<Folder>, String>> = OnceLock::new();
    PARSED
        .get_or_init(|| {
            let mut files = Vec::new();
            let mut problems = Vec::new();
            read_embedded(
                &BUILTIN_DIR,
                "alexa-kit/src/i18n/locales",
                &mut files,
                &mut problems,
            );
            let folders = lazy_folders(files, &mut problems);
            if problems.is_empty() {
                Ok(folders)
            } else {
                Err(problems.join("\n"))
            }
        })
        .as_ref()
        .map(Vec::as_slice)
        .map_err(Clone::clone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_messages_parse_cleanly() {
        // At run time the framework's folders are parsed lazily and not
        // checked; this is the check: no syntax error, no duplicate id.
        let mut files = Vec::new();
        let mut problems = Vec::new();
        read_embedded(&BUILTIN_DIR, "src/i18n/locales", &mut files, &mut problems);
        let count = files.len();
        let folders = parse_folders(files, &mut problems);
        assert!(problems.is_empty(), "{problems:#?}");
        assert!(count >= 12 && !folders.is_empty());
        let lazy = builtin_folders().expect("built-in folders");
        assert_eq!(lazy.len(), folders.len());
        for (lazy, eager) in lazy.iter().zip(&folders) {
            assert_eq!(lazy.tag, eager.tag);
            assert_eq!(lazy.resources().len(), eager.resources().len());
        }
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let src = "a = 1\nbé = x\n";
        assert_eq!(line_col(src, 0), (1, 1, "a = 1"));
        let off = src.rfind('=').unwrap();
        assert_eq!(line_col(src, off), (2, 4, "bé = x"));
    }

    #[test]
    fn definition_line_finds_the_nth_definition() {
        let src = "a = 1\n# a = comment\na=2\n-a = term\n";
        assert_eq!(definition_line(src, "", "a", 0), Some(1));
        assert_eq!(definition_line(src, "", "a", 1), Some(3));
        assert_eq!(definition_line(src, "-", "a", 0), Some(4));
        assert_eq!(definition_line(src, "", "a", 2), None);
    }

    #[test]
    fn folder_applies_to_its_regions_only() {
        let folder = |t: &str| Folder::parsed(t.parse().unwrap(), Vec::new());
        let en_gb: LanguageIdentifier = "en-GB".parse().unwrap();
        assert!(folder("en").applies_to(&en_gb));
        assert!(folder("en-GB").applies_to(&en_gb));
        assert!(!folder("en-US").applies_to(&en_gb));
        assert!(!folder("de").applies_to(&en_gb));
        assert!(folder("en-GB").specificity() > folder("en").specificity());
    }
}
