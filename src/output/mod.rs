//! Pages → disk, atomically. The new site is written into a staging folder beside the
//! output folder and swapped in only when every file is written: a failed build leaves
//! the previous site exactly as it was, and a successful one leaves nothing stale.
//!
//! Creating files dominates build time on ext4 (BENCHMARKS.md), so a page whose bytes
//! equal the previous build's is hard-linked from the old site instead of written anew.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use crate::render::Page;

/// What happened, for the build's summary line.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub files: usize,
    /// Files whose bytes changed or that are new.
    pub changed: usize,
}

#[derive(Debug)]
pub struct OutputError(pub String);

impl std::fmt::Display for OutputError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn err(context: &str, path: &Path, e: io::Error) -> OutputError {
    OutputError(format!("{context} {}: {e}", path.display()))
}

/// A page path is relative, uses `/`, and has no `.`/`..` or empty components: nothing
/// can be written outside the output folder.
pub fn is_safe_path(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && path
            .split('/')
            .all(|c| !c.is_empty() && c != "." && c != "..")
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

/// Writes `pages` as the complete content of `out`.
pub fn write_site(out: &Path, pages: &[Page]) -> Result<Written, OutputError> {
    if let Some(bad) = pages.iter().find(|p| !is_safe_path(&p.path)) {
        return Err(OutputError(format!(
            "refusing to write outside the output folder: {}",
            bad.path
        )));
    }
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(|e| err("cannot create", &parent, e))?;
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| OutputError(format!("{} is not a folder name", out.display())))?;
    let staging = parent.join(format!(".{name}.kadr-new"));
    let retired = parent.join(format!(".{name}.kadr-old"));
    for leftover in [&staging, &retired] {
        if leftover.exists() {
            fs::remove_dir_all(leftover).map_err(|e| err("cannot remove", leftover, e))?;
        }
    }

    let result = stage(out, &staging, pages);
    let written = match result {
        Ok(w) => w,
        Err(e) => {
            let _ = fs::remove_dir_all(&staging);
            return Err(e);
        }
    };

    // Swap: the old site moves aside, the new one takes its name, the old one goes.
    let had_old = out.exists();
    if had_old {
        fs::rename(out, &retired).map_err(|e| {
            let _ = fs::remove_dir_all(&staging);
            err("cannot move aside", out, e)
        })?;
    }
    if let Err(e) = fs::rename(&staging, out) {
        if had_old {
            let _ = fs::rename(&retired, out);
        }
        let _ = fs::remove_dir_all(&staging);
        return Err(err("cannot move into place", out, e));
    }
    if had_old {
        fs::remove_dir_all(&retired).map_err(|e| err("cannot remove", &retired, e))?;
    }
    Ok(written)
}

fn stage(old: &Path, staging: &Path, pages: &[Page]) -> Result<Written, OutputError> {
    fs::create_dir(staging).map_err(|e| err("cannot create", staging, e))?;
    let dirs: BTreeSet<&str> = pages
        .iter()
        .filter_map(|p| p.path.rsplit_once('/').map(|(d, _)| d))
        .collect();
    for dir in dirs {
        let path = staging.join(dir);
        fs::create_dir_all(&path).map_err(|e| err("cannot create", &path, e))?;
    }
    let changed: Result<Vec<bool>, OutputError> = pages
        .par_iter()
        .map(|page| {
            let target = staging.join(&page.path);
            let previous = old.join(&page.path);
            if same_bytes(&previous, &page.bytes) && fs::hard_link(&previous, &target).is_ok() {
                return Ok(false);
            }
            fs::write(&target, &page.bytes).map_err(|e| err("cannot write", &target, e))?;
            Ok(true)
        })
        .collect();
    let changed = changed?;
    Ok(Written {
        files: pages.len(),
        changed: changed.iter().filter(|c| **c).count(),
    })
}

/// Whether the regular file at `path` holds exactly `bytes`.
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_file() && meta.len() == bytes.len() as u64 => {
            fs::read(path).is_ok_and(|old| old == bytes)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str, text: &str) -> Page {
        Page {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    fn tempdir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("kadr-output-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn refuses_paths_that_escape() {
        for bad in [
            "../x",
            "a/../../x",
            "/etc/passwd",
            "a//b",
            "./a",
            "a\\b",
            "",
        ] {
            assert!(!is_safe_path(bad), "{bad}");
        }
        assert!(is_safe_path("kk/kadr-sayasaty/index.html"));
    }

    #[test]
    fn replaces_the_whole_site_and_leaves_nothing_stale() {
        let dir = tempdir("stale");
        let out = dir.join("public");
        write_site(
            &out,
            &[page("a/index.html", "A"), page("b/index.html", "B")],
        )
        .unwrap();
        let w = write_site(&out, &[page("a/index.html", "A")]).unwrap();
        assert_eq!(
            w,
            Written {
                files: 1,
                changed: 0
            }
        );
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "A");
        assert!(!out.join("b").exists());
        let leftovers: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers, ["public"]);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_refused_write_leaves_the_old_site() {
        let dir = tempdir("refused");
        let out = dir.join("public");
        write_site(&out, &[page("a/index.html", "A")]).unwrap();
        assert!(write_site(&out, &[page("../evil", "x")]).is_err());
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "A");
        fs::remove_dir_all(&dir).unwrap();
    }
}
