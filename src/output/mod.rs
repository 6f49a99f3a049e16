//! Pages → disk, atomically. The new site is written into a staging folder beside the
//! output folder and swapped in only when every file is written: a failed build leaves
//! the previous site exactly as it was, and a successful one leaves nothing stale.
//!
//! Creating files dominates build time on ext4 (BENCHMARKS.md), so a page whose bytes
//! equal the previous build's is hard-linked from the old site instead of written anew.
//! Pages arrive one by one from the render threads ([`Staging::write`]), so a large
//! site is never held in memory whole.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::render::Page;

/// What happened, for the build's summary line.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub files: usize,
    /// Files whose bytes changed or that are new.
    pub changed: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
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

/// A build in progress: pages go into a staging folder; [`Staging::commit`] swaps it in.
/// Dropped without a commit, it removes the staging folder and leaves the old site.
pub struct Staging {
    out: PathBuf,
    staging: PathBuf,
    retired: PathBuf,
    dirs: Mutex<HashSet<PathBuf>>,
    files: AtomicUsize,
    changed: AtomicUsize,
    /// The first write error; later pages are skipped and the commit fails with it.
    failed: Mutex<Option<OutputError>>,
    committed: bool,
}

impl Staging {
    /// Prepares a staging folder beside `out` (leftovers of a crashed build are removed).
    pub fn begin(out: &Path) -> Result<Staging, OutputError> {
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
        fs::create_dir(&staging).map_err(|e| err("cannot create", &staging, e))?;
        Ok(Staging {
            out: out.to_path_buf(),
            staging,
            retired,
            dirs: Mutex::new(HashSet::new()),
            files: AtomicUsize::new(0),
            changed: AtomicUsize::new(0),
            failed: Mutex::new(None),
            committed: false,
        })
    }

    /// Writes one page; safe to call from many threads at once.
    pub fn write(&self, page: &Page) {
        if self.failed.lock().map(|f| f.is_some()).unwrap_or(true) {
            return;
        }
        if let Err(e) = self.write_page(page)
            && let Ok(mut failed) = self.failed.lock()
        {
            failed.get_or_insert(e);
        }
    }

    fn write_page(&self, page: &Page) -> Result<(), OutputError> {
        if !is_safe_path(&page.path) {
            return Err(OutputError(format!(
                "refusing to write outside the output folder: {}",
                page.path
            )));
        }
        let target = self.staging.join(&page.path);
        if let Some(dir) = target.parent() {
            let known = self.dirs.lock().map(|d| d.contains(dir)).unwrap_or(false);
            if !known {
                fs::create_dir_all(dir).map_err(|e| err("cannot create", dir, e))?;
                if let Ok(mut dirs) = self.dirs.lock() {
                    dirs.insert(dir.to_path_buf());
                }
            }
        }
        self.files.fetch_add(1, Ordering::Relaxed);
        let previous = self.out.join(&page.path);
        if same_bytes(&previous, &page.bytes) && fs::hard_link(&previous, &target).is_ok() {
            return Ok(());
        }
        fs::write(&target, &page.bytes).map_err(|e| err("cannot write", &target, e))?;
        self.changed.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Swaps the staged site in: the old one moves aside, the new one takes its name,
    /// the old one is removed.
    pub fn commit(mut self) -> Result<Written, OutputError> {
        if let Some(e) = self.failed.lock().ok().and_then(|mut f| f.take()) {
            return Err(e);
        }
        let had_old = self.out.exists();
        if had_old {
            fs::rename(&self.out, &self.retired)
                .map_err(|e| err("cannot move aside", &self.out, e))?;
        }
        if let Err(e) = fs::rename(&self.staging, &self.out) {
            if had_old {
                let _ = fs::rename(&self.retired, &self.out);
            }
            return Err(err("cannot move into place", &self.out, e));
        }
        self.committed = true;
        if had_old {
            fs::remove_dir_all(&self.retired)
                .map_err(|e| err("cannot remove", &self.retired, e))?;
        }
        Ok(Written {
            files: self.files.load(Ordering::Relaxed),
            changed: self.changed.load(Ordering::Relaxed),
        })
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.staging);
        }
    }
}

/// Writes `pages` as the complete content of `out`.
pub fn write_site(out: &Path, pages: &[Page]) -> Result<Written, OutputError> {
    if let Some(bad) = pages.iter().find(|p| !is_safe_path(&p.path)) {
        return Err(OutputError(format!(
            "refusing to write outside the output folder: {}",
            bad.path
        )));
    }
    let staging = Staging::begin(out)?;
    use rayon::prelude::*;
    pages.par_iter().for_each(|p| staging.write(p));
    staging.commit()
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
            bytes: text.as_bytes().into(),
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

    #[test]
    fn an_abandoned_staging_leaves_no_trace() {
        let dir = tempdir("abandoned");
        let out = dir.join("public");
        write_site(&out, &[page("a/index.html", "A")]).unwrap();
        {
            let staging = Staging::begin(&out).unwrap();
            staging.write(&page("a/index.html", "B"));
        }
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "A");
        let leftovers: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers, ["public"]);
        fs::remove_dir_all(&dir).unwrap();
    }
}
