//! Reading a locale tree and finding what would make it fail at run time.
//!
//! The messages match the ones alexa-kit gives at start-up for trees read at
//! run time (`Locales::builder().directory(…)`), so a problem reads the same
//! whichever way the files arrive.

use std::path::{Path, PathBuf};

use alexa_kit_ftl_check::{Definitions, duplicates, outside_locale_folder, syntax_errors};
use fluent_syntax::ast;

/// One `.ftl` file of the tree.
pub(crate) struct File {
    /// The locale folder, e.g. `en-GB`.
    pub(crate) folder: String,
    /// For messages: `locales/en-GB/main.ftl`.
    pub(crate) path: String,
    pub(crate) absolute: PathBuf,
    /// The text, or the whole problem line when it cannot be checked.
    text: Result<String, String>,
}

/// Every `.ftl` file under `root/<folder>/`, folders and files in name order,
/// and the problems found while reading (a `.ftl` outside any folder, a file
/// that is not UTF-8).
pub(crate) fn read_tree(root: &Path, label: &str) -> Result<Vec<File>, String> {
    let mut files = Vec::new();
    for entry in sorted(root)? {
        let name = entry
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if entry.is_dir() {
            walk(&entry, &name, &format!("{label}/{name}"), &mut files)?;
        } else if name.ends_with(".ftl") {
            files.push(File {
                folder: String::new(),
                path: format!("{label}/{name}"),
                absolute: entry.clone(),
                text: Err(outside_locale_folder(label, &name)),
            });
        }
    }
    Ok(files)
}

fn walk(dir: &Path, folder: &str, shown: &str, out: &mut Vec<File>) -> Result<(), String> {
    for entry in sorted(dir)? {
        let name = entry
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let path = format!("{shown}/{name}");
        if entry.is_dir() {
            walk(&entry, folder, &path, out)?;
        } else if name.ends_with(".ftl") {
            let text = std::fs::read(&entry)
                .map_err(|e| format!("cannot read {}: {e}", entry.display()))?;
            let text = String::from_utf8(text).map_err(|_| format!("{path}: not valid UTF-8"));
            out.push(File {
                folder: folder.to_owned(),
                path,
                absolute: entry,
                text,
            });
        }
    }
    Ok(())
}

fn sorted(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read locale directory {}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    Ok(paths)
}

/// Syntax errors and duplicate ids, one readable line each (the checks and
/// their wording are alexa-kit-ftl-check's, shared with alexa-kit's start-up).
pub(crate) fn problems(files: &[File]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut parsed: Vec<(&File, &str, ast::Resource<&str>)> = Vec::new();
    for file in files {
        let text = match &file.text {
            Ok(text) => text.as_str(),
            Err(problem) => {
                problems.push(problem.clone());
                continue;
            }
        };
        match fluent_syntax::parser::parse(text) {
            Ok(resource) => parsed.push((file, text, resource)),
            Err((_, errors)) => problems.extend(syntax_errors(&file.path, text, &errors)),
        }
    }
    for folder in parsed.chunk_by(|a, b| a.0.folder == b.0.folder) {
        let definitions: Vec<Definitions<'_>> = folder
            .iter()
            .map(|(file, text, resource)| Definitions::new(&file.path, text, &resource.body))
            .collect();
        problems.extend(duplicates(&folder[0].0.folder, &definitions));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems_of(tree: &str) -> Vec<String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/i18n")
            .join(tree);
        problems(&read_tree(&root, "tree").expect("readable tree"))
    }

    #[test]
    fn a_sound_tree_has_no_problem() {
        assert_eq!(problems_of("skill"), Vec::<String>::new());
        let builtin = Path::new(env!("CARGO_MANIFEST_DIR")).join("../src/i18n/locales");
        let files = read_tree(&builtin, "locales").expect("readable tree");
        assert!(files.len() >= 12);
        assert_eq!(problems(&files), Vec::<String>::new());
    }

    #[test]
    fn a_syntax_error_names_file_line_and_column() {
        let problems = problems_of("broken/syntax");
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert!(
            problems[0].starts_with("tree/en/main.ftl:2:"),
            "{}",
            problems[0]
        );
        assert!(problems[0].contains("syntax error"), "{}", problems[0]);
    }

    #[test]
    fn a_duplicate_id_names_both_definitions() {
        let problems = problems_of("broken/duplicate");
        assert!(!problems.is_empty());
        for p in &problems {
            assert!(
                p.contains("duplicate") && p.contains("first defined at tree/"),
                "{p}"
            );
        }
    }

    #[test]
    fn duplicates_count_definitions_within_a_file() {
        let dir = std::env::temp_dir().join(format!("alexa-kit-macros-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("en")).unwrap();
        std::fs::write(dir.join("en/a.ftl"), "x = 1\ny = 2\nx = 3\n-t = T\n").unwrap();
        std::fs::write(dir.join("en/b.ftl"), "# x = comment\n-t = again\n").unwrap();
        std::fs::write(dir.join("loose.ftl"), "z = 1\n").unwrap();
        let problems = problems(&read_tree(&dir, "locales").unwrap());
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(
            problems,
            [
                "locales/loose.ftl: .ftl files belong in a locale folder such as locales/en/loose.ftl",
                "locales/en/a.ftl:3: duplicate message id `x` in locale `en` (first defined at locales/en/a.ftl:1)",
                "locales/en/b.ftl:2: duplicate term id `-t` in locale `en` (first defined at locales/en/a.ftl:4)",
            ]
        );
    }
}
