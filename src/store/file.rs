//! `FileStore`: persistent attributes in local JSON files, the default for
//! local runs.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use super::{Attributes, Loaded, Store, Version, conflict};
use crate::{Error, ErrorKind, Invocation, Result};

/// Persistent attributes in local files: one JSON file per key, so the
/// simulator remembers a user between runs with no database to install.
///
/// - Each save writes a temporary file and renames it over the old one, so a
///   reader never sees half a file and a crash leaves the old version.
/// - Load-check-write runs under an advisory lock on `<dir>/.lock`
///   ([`File::lock`]), so the version check holds across processes: two
///   simulators (or a simulator and a test) sharing the directory never lose
///   an update.
/// - A file is `{"id": key, "version": n, "attributes": {…}}`, readable and
///   editable by hand. Keys are escaped into file names (`%XX` for anything
///   but ASCII letters, digits, `.`, `_` and `-`).
///
/// When a skill runs locally (the simulator, `invoke`) and was given no
/// store, it uses `FileStore::new(".alexa-kit/attributes")` in the working
/// directory.
///
/// ```
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// use alexa_kit::store::{FileStore, Store, Version};
///
/// let dir = std::env::temp_dir().join(format!("alexa-kit-doc-{}", std::process::id()));
/// let store = FileStore::new(&dir);
/// let mut attributes = alexa_kit::store::Attributes::new();
/// attributes.insert("city".into(), "Köln".into());
/// // The file store ignores the request context; other stores bound calls by it.
/// let inv = alexa_kit::Invocation::new(alexa_kit::Transport::Local);
/// let version = store.save("amzn1.ask.account.A", &attributes, Version::NEW, &inv).await?;
/// let loaded = store.load("amzn1.ask.account.A", &inv).await?;
/// assert_eq!((loaded.attributes, loaded.version), (attributes, version));
/// # std::fs::remove_dir_all(&dir).ok();
/// # Ok::<(), alexa_kit::Error>(())
/// # }).unwrap();
/// ```
#[derive(Debug, Clone)]
pub struct FileStore {
    dir: PathBuf,
}

/// One file's content.
#[derive(Serialize, Deserialize)]
struct Record {
    id: String,
    version: u64,
    attributes: Attributes,
}

/// The directory a locally run skill uses when it was given no store.
pub(crate) const LOCAL_DIR: &str = ".alexa-kit/attributes";

impl FileStore {
    /// A store in `dir` (created on the first save).
    ///
    /// ```
    /// let store = alexa_kit::store::FileStore::new(".alexa-kit/attributes");
    /// assert!(store.dir().ends_with("attributes"));
    /// ```
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        FileStore { dir: dir.into() }
    }

    /// The directory holding the files.
    ///
    /// ```
    /// let store = alexa_kit::store::FileStore::new("/tmp/x");
    /// assert_eq!(store.dir(), std::path::Path::new("/tmp/x"));
    /// ```
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file that holds `key`.
    ///
    /// ```
    /// let store = alexa_kit::store::FileStore::new("d");
    /// assert_eq!(store.path_of("a/b"), std::path::Path::new("d/a%2Fb.json"));
    /// ```
    pub fn path_of(&self, key: &str) -> PathBuf {
        self.dir.join(file_name(key))
    }

    /// Runs `op` with the directory's lock held, off the async thread.
    async fn locked<T: Send + 'static>(
        &self,
        key: &str,
        op: impl FnOnce(&Path, &str) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let dir = self.dir.clone();
        let key = key.to_owned();
        let work = move || {
            fs::create_dir_all(&dir).map_err(|e| io_error(&dir, "create", e))?;
            let lock_path = dir.join(".lock");
            let lock = OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&lock_path)
                .map_err(|e| io_error(&lock_path, "open", e))?;
            lock.lock().map_err(|e| io_error(&lock_path, "lock", e))?;
            // The lock is released when `lock` is dropped, after `op`.
            op(&dir, &key)
        };
        tokio::task::spawn_blocking(work).await.map_err(|e| {
            Error::new(ErrorKind::Storage, "the file store's worker failed").with_source(e)
        })?
    }
}

#[async_trait(?Send)]
impl Store for FileStore {
    async fn load(&self, key: &str, _invocation: &Invocation) -> Result<Loaded> {
        // Reads need no lock: files are only ever replaced whole, by rename.
        let path = self.path_of(key);
        match read(&path)? {
            Some(record) => Ok(Loaded {
                attributes: record.attributes,
                version: Version::new(record.version),
            }),
            None => Ok(Loaded::default()),
        }
    }

    async fn save(
        &self,
        key: &str,
        attributes: &Attributes,
        expected: Version,
        _invocation: &Invocation,
    ) -> Result<Version> {
        let attributes = attributes.clone();
        self.locked(key, move |dir, key| {
            let path = dir.join(file_name(key));
            let stored = read(&path)?.map_or(Version::NEW, |r| Version::new(r.version));
            if stored != expected {
                return Err(conflict(key));
            }
            let next = expected.next();
            let record = Record {
                id: key.to_owned(),
                version: next.get(),
                attributes,
            };
            write_atomically(&path, &record)?;
            Ok(next)
        })
        .await
    }

    async fn delete(
        &self,
        key: &str,
        expected: Option<Version>,
        _invocation: &Invocation,
    ) -> Result<()> {
        self.locked(key, move |dir, key| {
            let path = dir.join(file_name(key));
            let stored = read(&path)?.map_or(Version::NEW, |r| Version::new(r.version));
            if expected.is_some_and(|e| e != stored) {
                return Err(conflict(key));
            }
            match fs::remove_file(&path) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
                Err(e) => Err(io_error(&path, "remove", e)),
            }
        })
        .await
    }
}

fn read(path: &Path) -> Result<Option<Record>> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_error(path, "read", e)),
    };
    serde_json::from_slice(&bytes).map(Some).map_err(|e| {
        Error::new(
            ErrorKind::Storage,
            format!("{} is not a persistent-attributes file", path.display()),
        )
        .with_source(e)
    })
}

fn write_atomically(path: &Path, record: &Record) -> Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let json = serde_json::to_vec_pretty(record)?;
    let tmp = path.with_extension(format!(
        "tmp.{}.{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let written = File::create(&tmp).and_then(|mut f| {
        f.write_all(&json)?;
        f.sync_data()
    });
    if let Err(e) = written.and_then(|()| fs::rename(&tmp, path)) {
        let _ = fs::remove_file(&tmp);
        return Err(io_error(path, "write", e));
    }
    Ok(())
}

fn io_error(path: &Path, what: &str, e: io::Error) -> Error {
    Error::new(
        ErrorKind::Storage,
        format!("cannot {what} {}", path.display()),
    )
    .with_source(e)
}

/// `key` escaped into a file name; very long keys keep a prefix and a hash.
fn file_name(key: &str) -> String {
    let mut name = String::with_capacity(key.len() + 5);
    for b in key.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-') {
            name.push(char::from(b));
        } else {
            name.push_str(&format!("%{b:02X}"));
        }
    }
    if name.starts_with('.') {
        name.replace_range(..1, "%2E");
    }
    if name.len() > 200 {
        // FNV-1a: stable across Rust versions, unlike std's hasher.
        let hash = key.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        });
        name.truncate(180);
        name.push_str(&format!("~{hash:016x}"));
    }
    name.push_str(".json");
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_and_distinct() {
        assert_eq!(
            file_name("amzn1.ask.account.AB-c_1"),
            "amzn1.ask.account.AB-c_1.json"
        );
        assert_eq!(file_name("../x"), "%2E.%2Fx.json");
        assert_eq!(file_name("ü"), "%C3%BC.json");
        let long_a = "a".repeat(300);
        let long_b = format!("{}b", "a".repeat(299));
        assert!(file_name(&long_a).len() < 255);
        assert_ne!(file_name(&long_a), file_name(&long_b));
    }
}
