//! Where `.ftl` text comes from (embedded tree, directory, memory, the
//! framework's own files) and how it becomes checked locale folders.
//!
//! Every problem found here is collected as a readable line (with file, line
//! and column where there is one) so that start-up reports all of them at once.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use alexa_kit_ftl_check::{Definitions, duplicates, outside_locale_folder, syntax_errors};
use fluent_bundle::FluentResource;
use unic_langid::LanguageIdentifier;

/// One `.ftl` file before parsing.
pub(crate) struct RawFile {
    /// The locale folder name as written, e.g. `en-GB`.
    pub(crate) folder: String,
    /// A path for messages, e.g. `locales/en-GB/main.ftl`.
    pub(crate) path: String,
    pub(crate) text: Text,
}

/// A file's contents: read or given at run time (checked at start-up), or
/// compiled in by `include_locales!` (checked while the skill compiled).
pub(crate) enum Text {
    Owned(String),
    Checked(&'static str),
}

impl Text {
    fn as_str(&self) -> &str {
        match self {
            Text::Owned(text) => text,
            Text::Checked(text) => text,
        }
    }
}

/// All files of one locale folder, parsed and free of duplicate ids.
///
/// A folder whose files were all checked when they were compiled in (the
/// framework's own, and trees from `include_locales!`) is parsed on first
/// use, which keeps locales nobody asks for off the Lambda cold start. Any
/// other folder is parsed and checked at start-up.
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
                    let text = file.text.as_str().to_owned();
                    // The macro parsed this text with the same parser when it compiled.
                    let resource = FluentResource::try_new(text).unwrap_or_else(|(partial, errors)| {
                        tracing::error!(path = %file.path, ?errors, "an embedded .ftl file has a syntax error after all");
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

/// Adds a tree compiled in (and checked) by [`include_locales!`](crate::include_locales).
pub(crate) fn read_embedded(tree: crate::i18n::EmbeddedLocales, out: &mut Vec<RawFile>) {
    out.extend(tree.files().iter().map(|&(folder, path, text)| RawFile {
        folder: folder.to_owned(),
        path: path.to_owned(),
        text: Text::Checked(text),
    }));
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
                    text: Text::Owned(text),
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
        problems.push(outside_locale_folder(root, name));
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
        let checked = files.iter().all(|f| matches!(f.text, Text::Checked(_)));
        if checked && !folders.iter().any(|f| f.tag == tag) {
            folders.push(Folder {
                tag,
                resources: OnceLock::new(),
                pending: files,
            });
            continue;
        }
        let mut parsed = Vec::with_capacity(files.len());
        for file in files {
            let text = match file.text {
                Text::Owned(text) => text,
                Text::Checked(text) => text.to_owned(),
            };
            if let Some(resource) = parse_file(text, &file.path, problems) {
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
            problems.extend(syntax_errors(path, resource.source(), &errors));
            None
        }
    }
}

fn check_duplicates(folder: &str, files: &[(String, FluentResource)], problems: &mut Vec<String>) {
    let definitions: Vec<Definitions<'_>> = files
        .iter()
        .map(|(path, resource)| Definitions::new(path, resource.source(), resource.entries()))
        .collect();
    problems.extend(duplicates(folder, &definitions));
}

/// The framework's own messages, checked when alexa-kit compiled.
static BUILTIN: crate::i18n::EmbeddedLocales =
    crate::include_locales!("$CARGO_MANIFEST_DIR/src/i18n/locales");

/// The framework's own messages, parsed once per process.
pub(crate) fn builtin_folders() -> Result<&'static [Folder], String> {
    static PARSED: OnceLock<Result<Vec<Folder>, String>> = OnceLock::new();
    PARSED
        .get_or_init(|| {
            let mut files = Vec::new();
            let mut problems = Vec::new();
            read_embedded(BUILTIN, &mut files);
            let folders = parse_folders(files, &mut problems);
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
        // `include_locales!` checked the framework's folders when alexa-kit
        // compiled, so at run time they are parsed lazily. The start-up
        // checker must agree: as run-time text, they parse with no problem.
        let mut files = Vec::new();
        let mut problems = Vec::new();
        read_embedded(BUILTIN, &mut files);
        let count = files.len();
        for file in &mut files {
            file.text = Text::Owned(file.text.as_str().to_owned());
        }
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
