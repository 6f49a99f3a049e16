//! Candidate-bank files inside a site root (RULES.md B12): the build refuses to run
//! while one is there, because anything under the site root could reach the published
//! site. The site's code never depends on the bank crate; what it needs to recognise a
//! bank file is defined here.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

/// The file extension every candidate-bank store carries (`kadr bank` enforces it), so
/// that a store can be recognised without being opened.
pub const BANK_EXTENSION: &str = "kadrbank";

/// Candidate-bank stores (and their SQLite side files) inside the site root, and the
/// store named by `KADR_BANK` if it lies inside: personal data that must never be near
/// the published site (RULES.md B12). Build output folders and `.git` are not searched.
pub fn find_bank_stores(root: &Path, skip: &[&Path]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let is_store = |name: &str| {
        let base = name
            .strip_suffix("-wal")
            .or_else(|| name.strip_suffix("-journal"))
            .or_else(|| name.strip_suffix("-shm"))
            .unwrap_or(name);
        base.rsplit_once('.')
            .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case(BANK_EXTENSION))
    };
    let walker = WalkDir::new(root)
        .follow_links(false)
        .max_depth(12)
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            !(e.depth() > 0
                && e.file_type().is_dir()
                && (name == ".git" || name == "target" || skip.iter().any(|s| e.path() == *s)))
        });
    for entry in walker.filter_map(Result::ok) {
        if !entry.file_type().is_dir() && is_store(&entry.file_name().to_string_lossy()) {
            found.push(entry.path().to_path_buf());
        }
    }
    if let Some(env) = std::env::var_os("KADR_BANK") {
        let path = PathBuf::from(env);
        if let (Ok(store), Ok(site)) = (path.canonicalize(), root.canonicalize())
            && store.starts_with(&site)
            && !found
                .iter()
                .any(|f| f.canonicalize().is_ok_and(|f| f == store))
        {
            found.push(path);
        }
    }
    found.sort();
    found
}
