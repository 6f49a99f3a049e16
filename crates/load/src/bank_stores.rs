//! Candidate-bank files inside a site root (RULES.md B12): the build refuses to run
//! while one is there, because anything under the site root could reach the published
//! site or its repository. The site's code never depends on the bank crate; what it
//! needs to recognise a bank file is defined here, and `tests/bank.rs` proves that the
//! bank writes exactly these bytes.
//!
//! A bank file is recognised by its name (anything with `.kadrbank` in it: a store, its
//! key slots and head file, a backup, a renamed copy such as `x.kadrbank.bak`) and by
//! its content (the first eight bytes of a store, a backup, a key-slot file or a head
//! file of the current format), so that a copy under another name, a hard link and a
//! file behind a symbolic link are found too. The whole root is searched, `target/`,
//! `.git/` and every depth included; only the folders the caller names (the build's
//! own output) are left out.

use std::collections::HashSet;
use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::{DirEntry, WalkDir};

/// The file extension every candidate-bank store carries (`kadr bank` enforces it), so
/// that a store can be recognised without being opened.
pub const BANK_EXTENSION: &str = "kadrbank";

/// The first eight bytes of a bank store or backup (kadr-bank's `store::STORE_MAGIC`):
/// the fixed half of the SQLCipher salt, which SQLCipher keeps in the clear.
pub const BANK_STORE_MAGIC: [u8; 8] = *b"\x89KADRBKD";
/// The first eight bytes of a bank's key-slot file (kadr-bank's `keys::KEYS_MAGIC`).
pub const BANK_KEYS_MAGIC: [u8; 8] = *b"\x89KADRBKK";
/// The first eight bytes of a bank's head file (kadr-bank's `head::HEAD_MAGIC`).
pub const BANK_HEAD_MAGIC: [u8; 8] = *b"\x89KADRBKH";
/// Every bank file's size is a whole multiple of this: a store is a whole number of
/// SQLite pages (512 bytes is SQLite's smallest page), and the bank pads its key-slot
/// and head files to it (kadr-bank's `store::FILE_GRANULE`).
pub const BANK_FILE_GRANULE: u64 = 512;

/// Bank files under `root` (outside the folders in `skip`), and the store named by
/// `KADR_BANK` if it lies inside: personal data that must never be near the published
/// site (RULES.md B12). Sorted by path.
///
/// Cost: one directory read per folder and one `stat` per file (a few microseconds
/// each, spread over the cores); a file's first eight bytes are read only when its size
/// is a non-zero multiple of 512 bytes, which few files are (in a cargo `target/`
/// folder about two in a hundred). On a two-core machine a root holding a `target/` of
/// 50,000 files adds about 40 ms to `kadr check`. Folder links are followed; a folder
/// reached twice, through a loop or two links, is searched once.
pub fn find_bank_stores(root: &Path, skip: &[&Path]) -> Vec<PathBuf> {
    let env_store = std::env::var_os("KADR_BANK").map(PathBuf::from);
    // A hard link to the operator's store is the same file under another name, also
    // when the store is of the old format that has no recognisable first bytes.
    let env_store_id = env_store
        .as_deref()
        .and_then(|p| fs::metadata(p).ok())
        .and_then(|m| file_id(&m));
    let mut seen_folders = HashSet::new();
    let walker = WalkDir::new(root)
        .follow_links(true)
        .into_iter()
        .filter_entry(move |e| {
            if !e.file_type().is_dir() {
                return true;
            }
            if e.depth() > 0 && skip.contains(&e.path()) {
                return false;
            }
            match e.metadata().ok().and_then(|m| file_id(&m)) {
                Some(id) => seen_folders.insert(id),
                None => true,
            }
        });
    // Loops and unreadable folders come as errors: nothing in them can be read by the
    // build either.
    let mut found: Vec<PathBuf> = walker
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .par_bridge()
        .filter(|e| is_bank_file(e, env_store_id))
        .map(DirEntry::into_path)
        .collect();
    if let Some(path) = env_store
        && let (Ok(store), Ok(site)) = (path.canonicalize(), root.canonicalize())
        && store.starts_with(&site)
        && !found
            .iter()
            .any(|f| f.canonicalize().is_ok_and(|f| f == store))
    {
        found.push(path);
    }
    found.sort();
    found
}

/// Whether a regular file (after following links) is a bank file, by its name, by
/// being the operator's store, or by its first bytes.
fn is_bank_file(entry: &DirEntry, env_store_id: Option<(u64, u64)>) -> bool {
    if has_bank_name(&entry.file_name().to_string_lossy()) {
        return true;
    }
    let Ok(meta) = entry.metadata() else {
        return false;
    };
    if env_store_id.is_some() && file_id(&meta) == env_store_id {
        return true;
    }
    if meta.len() == 0 || meta.len() % BANK_FILE_GRANULE != 0 {
        return false;
    }
    starts_with_bank_magic(entry.path())
}

/// `x.kadrbank`, `x.kadrbank-keys`, `x.kadrbank-journal`, `x.kadrbank.bak`,
/// `.x.partial-7.kadrbank`: any name with `.kadrbank` in it, in any case.
fn has_bank_name(name: &str) -> bool {
    name.to_ascii_lowercase()
        .contains(&format!(".{BANK_EXTENSION}"))
}

fn starts_with_bank_magic(path: &Path) -> bool {
    let mut first = [0u8; 8];
    let read = fs::File::open(path).and_then(|mut f| f.read_exact(&mut first));
    read.is_ok() && [BANK_STORE_MAGIC, BANK_KEYS_MAGIC, BANK_HEAD_MAGIC].contains(&first)
}

/// The device and inode of a file: the same for every name and link of it.
#[cfg(unix)]
fn file_id(meta: &fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn file_id(_meta: &fs::Metadata) -> Option<(u64, u64)> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn b12_names_with_the_bank_extension_anywhere_are_bank_files() {
        for name in [
            "x.kadrbank",
            "X.KADRBANK",
            "x.kadrbank-keys",
            "x.kadrbank-head",
            "x.kadrbank-journal",
            "x.kadrbank.bak",
            ".x.partial-12.kadrbank",
        ] {
            assert!(has_bank_name(name), "{name}");
        }
        for name in ["kadrbank", "x.yaml", "kadrbank.md", "x.kadr"] {
            assert!(!has_bank_name(name), "{name}");
        }
    }
}
