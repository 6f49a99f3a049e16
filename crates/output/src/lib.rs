//! Pages → disk, atomically, and never at the cost of what a user has.
//!
//! [`Output::open`] first decides whether the folder may be written at all: it may not
//! be, contain or lie inside the site's sources (`content/`, `themes/`, `locales/`,
//! `.git`, the site root itself), nor be a file, nor replace a non-empty folder that
//! is not an earlier kadr output (each output carries a [`MARKER`] file) unless the
//! user forces it. A symbolic link is followed: the folder it leads to (a web root) is
//! what gets replaced, and the link stays. It then takes an exclusive lock beside the
//! folder for the whole build (a second build exits, naming the holder) and clears what
//! a killed build left behind, putting back a previous site a crash had moved aside.
//!
//! The new site is written into a staging folder of this process's own beside the
//! output and swapped in only when every file is written: on Linux with one atomic
//! exchange of the two folders (`renameat2(RENAME_EXCHANGE)`), so that a complete site
//! is at the output's path at every moment; elsewhere with two renames, undone if the
//! second fails and repaired by the next build after a crash. A failed build leaves the
//! previous site exactly as it was, and a successful one leaves nothing stale.
//!
//! Creating files dominates build time on ext4 (BENCHMARKS.md), so a page whose bytes
//! equal the previous build's is hard-linked from the old site instead of written anew.
//! Pages arrive one by one from the render threads ([`Staging::write`]), so a large
//! site is never held in memory whole.

use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use kadr_render::Page;

/// The file every kadr output carries, so that a later build knows the folder is one it
/// may replace whole.
pub const MARKER: &str = ".kadr-output";
const MARKER_TEXT: &str = "This folder is a site built by kadr (kadr build replaces it whole).\n";

/// What happened, for the build's summary line.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Written {
    pub files: usize,
    /// Files whose bytes changed or that are new.
    pub changed: usize,
    /// The previous site, when it could not be removed after the new one took its
    /// place (the next build removes it), with the reason.
    pub leftover: Option<(PathBuf, String)>,
}

/// Why an output cannot be written, or a build could not finish writing it.
#[derive(Debug)]
pub enum OutputError {
    /// The output is, contains or lies inside the site's sources.
    Sources { out: PathBuf, source: PathBuf },
    /// The output exists and is not a folder.
    NotAFolder(PathBuf),
    /// The output is a non-empty folder without [`MARKER`]: not a kadr output.
    Foreign(PathBuf),
    /// Another build holds the output's lock.
    Locked { out: PathBuf, holder: String },
    /// A page's path would leave the output folder.
    UnsafePath(String),
    Io {
        action: &'static str,
        path: PathBuf,
        error: io::Error,
    },
}

impl fmt::Display for OutputError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            OutputError::Sources { out, source } => write!(
                f,
                "refusing to write the site into {}: it would replace the site's sources ({}); choose an output folder outside content/, themes/, locales/ and .git, such as public/",
                out.display(),
                source.display()
            ),
            OutputError::NotAFolder(out) => write!(
                f,
                "refusing to write the site into {}: it is a file, not a folder",
                out.display()
            ),
            OutputError::Foreign(out) => write!(
                f,
                "refusing to replace {}: it is a folder with files that kadr did not build (no {MARKER} in it); empty it, choose another --out, or pass --force to replace it whole",
                out.display()
            ),
            OutputError::Locked { out, holder } => write!(
                f,
                "another kadr build is writing {} ({holder}); wait for it to finish and build again",
                out.display()
            ),
            OutputError::UnsafePath(path) => {
                write!(f, "refusing to write outside the output folder: {path}")
            }
            OutputError::Io {
                action,
                path,
                error,
            } => write!(f, "cannot {action} {}: {error}", path.display()),
        }
    }
}

impl std::error::Error for OutputError {}

fn err(action: &'static str, path: &Path, error: io::Error) -> OutputError {
    OutputError::Io {
        action,
        path: path.to_path_buf(),
        error,
    }
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

/// An output folder, checked and locked for one build (the lock is released on drop).
#[derive(Debug)]
pub struct Output {
    /// The folder as the user named it.
    named: PathBuf,
    /// The folder written: `named`, or the folder its symbolic link leads to.
    real: PathBuf,
    /// `real`'s parent, where staging folders and the lock live, and `real`'s name.
    parent: PathBuf,
    name: String,
    _lock: fs::File,
}

impl Output {
    /// Checks `out` as the output of the site at `root` and locks it; see the module.
    /// `force` allows replacing a non-empty folder that kadr did not build (never the
    /// sources).
    pub fn open(root: &Path, out: &Path, force: bool) -> Result<Output, OutputError> {
        let named = std::path::absolute(out).map_err(|e| err("find", out, e))?;
        let real = resolve(&named)?;
        match fs::metadata(&real) {
            Ok(meta) if !meta.is_dir() => return Err(OutputError::NotAFolder(named)),
            _ => {}
        }
        refuse_sources(root, &named, &real)?;
        let parent = match real.parent() {
            Some(p) => p.to_path_buf(),
            None => {
                return Err(OutputError::Sources {
                    out: named,
                    source: real,
                });
            }
        };
        let name = real
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or_else(|| OutputError::NotAFolder(named.clone()))?;
        fs::create_dir_all(&parent).map_err(|e| err("create", &parent, e))?;
        let lock = lock(&parent.join(format!(".{name}.kadr-lock")), &named)?;
        let output = Output {
            named,
            real,
            parent,
            name,
            _lock: lock,
        };
        output.recover()?;
        if !force && is_foreign(&output.real) {
            return Err(OutputError::Foreign(output.named));
        }
        Ok(output)
    }

    /// The folder written (what a symbolic link leads to).
    pub fn path(&self) -> &Path {
        &self.real
    }

    /// The output as a message names it: `public`, or `public → /var/www/site`.
    pub fn describe(&self) -> String {
        if self.named == self.real {
            self.named.display().to_string()
        } else {
            format!("{} → {}", self.named.display(), self.real.display())
        }
    }

    /// Leftovers of killed builds beside the output: staging folders of this output and
    /// previous sites moved aside. The lock is held, so none belongs to a running
    /// build. A previous site moved aside while no site is in place is put back first.
    fn recover(&self) -> Result<(), OutputError> {
        let prefix_new = format!(".{}.kadr-new", self.name);
        let prefix_old = format!(".{}.kadr-old", self.name);
        let mut staged = Vec::new();
        let mut retired = Vec::new();
        let entries = fs::read_dir(&self.parent).map_err(|e| err("read", &self.parent, e))?;
        for entry in entries.flatten() {
            let file_name = entry.file_name().to_string_lossy().into_owned();
            if file_name.starts_with(&prefix_new) {
                staged.push(entry.path());
            } else if file_name.starts_with(&prefix_old) {
                retired.push(entry.path());
            }
        }
        if !self.real.exists() && !self.real.is_symlink() {
            // The newest site moved aside is the previous one (two-rename swap only).
            retired.sort_by_key(|p| fs::metadata(p).and_then(|m| m.modified()).ok());
            if let Some(previous) = retired.pop() {
                fs::rename(&previous, &self.real).map_err(|e| err("put back", &previous, e))?;
            }
        }
        for leftover in staged.iter().chain(&retired) {
            remove_tree(leftover).map_err(|e| err("remove the leftover", leftover, e))?;
        }
        Ok(())
    }

    /// Starts writing a new site into a staging folder of this process's own.
    pub fn begin(&self) -> Result<Staging<'_>, OutputError> {
        let unique = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let staging = self.parent.join(format!(
            ".{}.kadr-new-{}-{unique}",
            self.name,
            std::process::id()
        ));
        fs::create_dir(&staging).map_err(|e| err("create", &staging, e))?;
        let marker = staging.join(MARKER);
        if let Err(e) = fs::write(&marker, MARKER_TEXT) {
            let _ = fs::remove_dir_all(&staging);
            return Err(err("write", &marker, e));
        }
        Ok(Staging {
            output: self,
            staging,
            dirs: Mutex::new(HashSet::new()),
            files: AtomicUsize::new(0),
            changed: AtomicUsize::new(0),
            failed: Mutex::new(None),
            committed: false,
        })
    }
}

/// Where `named` leads: itself, or the end of its chain of symbolic links (which must
/// exist: a dangling link is not a place to build into).
fn resolve(named: &Path) -> Result<PathBuf, OutputError> {
    match fs::symlink_metadata(named) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(named).map_err(|e| err("follow the link", named, e))
        }
        Ok(_) => Ok(canonical_or_lexical(named)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(canonical_or_lexical(named)),
        Err(e) => Err(err("read", named, e)),
    }
}

/// `path` with its longest existing ancestor canonicalised (links and `..` resolved)
/// and the rest appended as written, without `.` and `..`.
fn canonical_or_lexical(path: &Path) -> PathBuf {
    let mut existing = path.to_path_buf();
    let mut rest = Vec::new();
    loop {
        if let Ok(canonical) = fs::canonicalize(&existing) {
            let mut out = canonical;
            for part in rest.iter().rev() {
                out.push(part);
            }
            return normalise(&out);
        }
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_os_string());
                existing = parent.to_path_buf();
            }
            _ => return normalise(path),
        }
    }
}

fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

/// Refuses an output that is, contains or lies inside the site root's sources.
fn refuse_sources(root: &Path, named: &Path, real: &Path) -> Result<(), OutputError> {
    let root = canonical_or_lexical(&std::path::absolute(root).map_err(|e| err("find", root, e))?);
    let refuse = |source: &Path| OutputError::Sources {
        out: named.to_path_buf(),
        source: source.to_path_buf(),
    };
    // The root itself, and any folder that holds it.
    if root.starts_with(real) {
        return Err(refuse(&root));
    }
    for folder in ["content", "themes", "locales", ".git"] {
        let source = canonical_or_lexical(&root.join(folder));
        if real.starts_with(&source) || source.starts_with(real) {
            return Err(refuse(&source));
        }
    }
    Ok(())
}

/// Takes the output's lock, or says who holds it. The lock file names its holder.
fn lock(path: &Path, out: &Path) -> Result<fs::File, OutputError> {
    use std::io::{Read as _, Seek as _, Write as _};
    let mut file = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(|e| err("open the lock", path, e))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(fs::TryLockError::WouldBlock) => {
            let mut holder = String::new();
            let _ = file.read_to_string(&mut holder);
            let holder = holder.trim();
            return Err(OutputError::Locked {
                out: out.to_path_buf(),
                holder: if holder.is_empty() {
                    "a process that has just started".to_string()
                } else {
                    holder.to_string()
                },
            });
        }
        Err(fs::TryLockError::Error(e)) => return Err(err("lock", path, e)),
    }
    let since = jiff::Timestamp::now()
        .round(jiff::Unit::Second)
        .unwrap_or(jiff::Timestamp::now());
    let _ = file.set_len(0);
    let _ = file.rewind();
    let _ = write!(
        file,
        "kadr build, process {}, since {since}",
        std::process::id()
    );
    let _ = file.flush();
    Ok(file)
}

/// A non-empty folder without [`MARKER`] (a home folder, a web root of hand-made
/// files) is not kadr's to replace.
fn is_foreign(dir: &Path) -> bool {
    match fs::read_dir(dir) {
        Ok(mut entries) => entries.next().is_some() && !dir.join(MARKER).is_file(),
        Err(_) => false,
    }
}

/// Removes a folder tree, making read-only folders writable first where that is what
/// stops it (a site copied with its permissions).
fn remove_tree(path: &Path) -> io::Result<()> {
    match fs::remove_dir_all(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            for entry in walkdir::WalkDir::new(path).into_iter().flatten() {
                if entry.file_type().is_dir()
                    && let Ok(meta) = entry.metadata()
                {
                    let mut perms = meta.permissions();
                    #[allow(clippy::permissions_set_readonly_false)]
                    perms.set_readonly(false);
                    let _ = fs::set_permissions(entry.path(), perms);
                }
            }
            fs::remove_dir_all(path)
        }
        Err(e) => Err(e),
    }
}

/// Swaps two folders in one step: afterwards each name holds the other's folder.
/// `Ok(false)` when the file system or OS cannot (then two renames do it).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => Ok(false),
        Err(e) => Err(io::Error::from_raw_os_error(e.raw_os_error())),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<bool> {
    Ok(false)
}

/// A build in progress: pages go into a staging folder; [`Staging::commit`] swaps it in.
/// Dropped without a commit, it removes the staging folder and leaves the old site.
pub struct Staging<'a> {
    output: &'a Output,
    staging: PathBuf,
    dirs: Mutex<HashSet<PathBuf>>,
    files: AtomicUsize,
    changed: AtomicUsize,
    /// The first write error; later pages are skipped and the commit fails with it.
    failed: Mutex<Option<OutputError>>,
    committed: bool,
}

/// How [`Staging::commit_as`] swaps; a crash between the two renames is what the
/// tests simulate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Swap {
    Exchange,
    #[cfg(test)]
    TwoRenames,
    /// The first rename of [`Swap::TwoRenames`] only, as if the process were killed.
    #[cfg(test)]
    KilledBetweenRenames,
}

impl Staging<'_> {
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
        if !is_safe_path(&page.path) || page.path == MARKER {
            return Err(OutputError::UnsafePath(page.path.clone()));
        }
        let target = self.staging.join(&page.path);
        if let Some(dir) = target.parent() {
            let known = self.dirs.lock().map(|d| d.contains(dir)).unwrap_or(false);
            if !known {
                fs::create_dir_all(dir).map_err(|e| err("create", dir, e))?;
                if let Ok(mut dirs) = self.dirs.lock() {
                    dirs.insert(dir.to_path_buf());
                }
            }
        }
        self.files.fetch_add(1, Ordering::Relaxed);
        let previous = self.output.real.join(&page.path);
        if same_bytes(&previous, &page.bytes) && fs::hard_link(&previous, &target).is_ok() {
            return Ok(());
        }
        fs::write(&target, &page.bytes).map_err(|e| err("write", &target, e))?;
        self.changed.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Puts the staged site in place of the output (see the module) and removes the
    /// previous one.
    pub fn commit(self) -> Result<Written, OutputError> {
        self.commit_as(Swap::Exchange, remove_tree)
    }

    /// [`Staging::commit`] with `swap`, removing the previous site with `remove`.
    fn commit_as(
        mut self,
        swap: Swap,
        remove: fn(&Path) -> io::Result<()>,
    ) -> Result<Written, OutputError> {
        if let Some(e) = self.failed.lock().ok().and_then(|mut f| f.take()) {
            return Err(e);
        }
        let out = &self.output.real;
        let mut written = Written {
            files: self.files.load(Ordering::Relaxed),
            changed: self.changed.load(Ordering::Relaxed),
            leftover: None,
        };
        let previous = if !out.exists() {
            fs::rename(&self.staging, out).map_err(|e| err("move into place", out, e))?;
            None
        } else if swap == Swap::Exchange
            && exchange(&self.staging, out).map_err(|e| err("swap in", out, e))?
        {
            // The staging folder's name now holds the previous site.
            Some(self.staging.clone())
        } else {
            let retired = self.output.parent.join(format!(
                ".{}.kadr-old-{}",
                self.output.name,
                std::process::id()
            ));
            fs::rename(out, &retired).map_err(|e| err("move aside", out, e))?;
            #[cfg(test)]
            if swap == Swap::KilledBetweenRenames {
                self.committed = true;
                return Ok(written);
            }
            if let Err(e) = fs::rename(&self.staging, out) {
                let _ = fs::rename(&retired, out);
                return Err(err("move into place", out, e));
            }
            Some(retired)
        };
        self.committed = true;
        if let Some(previous) = previous
            && let Err(e) = remove(&previous)
        {
            written.leftover = Some((previous, e.to_string()));
        }
        Ok(written)
    }
}

impl Drop for Staging<'_> {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.staging);
        }
    }
}

/// Writes `pages` as the complete content of `out` (of the site at `root`).
pub fn write_site(root: &Path, out: &Path, pages: &[Page]) -> Result<Written, OutputError> {
    if let Some(bad) = pages.iter().find(|p| !is_safe_path(&p.path)) {
        return Err(OutputError::UnsafePath(bad.path.clone()));
    }
    let output = Output::open(root, out, false)?;
    let staging = output.begin()?;
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

    /// A fresh folder holding a site root `site/` (with `content/`), for outputs beside
    /// or inside it.
    fn tempdir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("kadr-output-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("site/content/vacancies")).unwrap();
        dir
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
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
        let (root, out) = (dir.join("site"), dir.join("public"));
        write_site(
            &root,
            &out,
            &[page("a/index.html", "A"), page("b/index.html", "B")],
        )
        .unwrap();
        let w = write_site(&root, &out, &[page("a/index.html", "A")]).unwrap();
        assert_eq!((w.files, w.changed, w.leftover), (1, 0, None));
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "A");
        assert!(!out.join("b").exists());
        assert!(out.join(MARKER).is_file());
        assert_eq!(names(&dir), [".public.kadr-lock", "public", "site"]);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_refused_write_leaves_the_old_site() {
        let dir = tempdir("refused");
        let (root, out) = (dir.join("site"), dir.join("public"));
        write_site(&root, &out, &[page("a/index.html", "A")]).unwrap();
        assert!(write_site(&root, &out, &[page("../evil", "x")]).is_err());
        assert!(write_site(&root, &out, &[page(MARKER, "x")]).is_err());
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "A");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn an_abandoned_staging_leaves_no_trace() {
        let dir = tempdir("abandoned");
        let (root, out) = (dir.join("site"), dir.join("public"));
        write_site(&root, &out, &[page("a/index.html", "A")]).unwrap();
        {
            let output = Output::open(&root, &out, false).unwrap();
            let staging = output.begin().unwrap();
            staging.write(&page("a/index.html", "B"));
        }
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "A");
        assert_eq!(names(&dir), [".public.kadr-lock", "public", "site"]);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn refuses_an_output_that_is_contains_or_lies_in_the_sources() {
        let dir = tempdir("sources");
        let root = dir.join("site");
        fs::create_dir_all(root.join(".git")).unwrap();
        for out in [
            root.clone(),
            root.join("."),
            dir.clone(),
            root.join("content"),
            root.join("content/vacancies"),
            root.join("content/new-folder"),
            root.join("themes"),
            root.join("themes/default/static"),
            root.join("locales/kk"),
            root.join(".git"),
            root.join("public/../content"),
        ] {
            match Output::open(&root, &out, true) {
                Err(OutputError::Sources { .. }) => {}
                other => panic!("{}: {other:?}", out.display()),
            }
        }
        assert!(Output::open(&root, &root.join("public"), false).is_ok());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn refuses_a_file_and_a_folder_kadr_did_not_build_unless_forced() {
        let dir = tempdir("foreign");
        let root = dir.join("site");
        fs::write(dir.join("file"), "x").unwrap();
        assert!(matches!(
            Output::open(&root, &dir.join("file"), true),
            Err(OutputError::NotAFolder(_))
        ));
        assert_eq!(fs::read_to_string(dir.join("file")).unwrap(), "x");
        fs::create_dir_all(dir.join("home")).unwrap();
        fs::write(dir.join("home/notes.txt"), "mine").unwrap();
        assert!(matches!(
            Output::open(&root, &dir.join("home"), false),
            Err(OutputError::Foreign(_))
        ));
        fs::create_dir_all(dir.join("empty")).unwrap();
        assert!(Output::open(&root, &dir.join("empty"), false).is_ok());
        write_site(&root, &dir.join("empty"), &[page("a", "A")]).unwrap();
        assert!(
            Output::open(&root, &dir.join("empty"), false).is_ok(),
            "a kadr output"
        );
        assert!(Output::open(&root, &dir.join("home"), true).is_ok());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_second_build_of_the_same_output_is_refused_naming_the_first() {
        let dir = tempdir("locked");
        let (root, out) = (dir.join("site"), dir.join("public"));
        let first = Output::open(&root, &out, false).unwrap();
        match Output::open(&root, &out, false) {
            Err(OutputError::Locked { holder, .. }) => {
                assert!(holder.contains(&std::process::id().to_string()), "{holder}");
            }
            other => panic!("{other:?}"),
        }
        drop(first);
        assert!(Output::open(&root, &out, false).is_ok());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_build_killed_between_the_two_renames_is_repaired_by_the_next() {
        let dir = tempdir("killed");
        let (root, out) = (dir.join("site"), dir.join("public"));
        write_site(&root, &out, &[page("a/index.html", "old")]).unwrap();
        {
            let output = Output::open(&root, &out, false).unwrap();
            let staging = output.begin().unwrap();
            staging.write(&page("a/index.html", "new"));
            staging
                .commit_as(Swap::KilledBetweenRenames, remove_tree)
                .unwrap();
        }
        assert!(!out.exists(), "the crash left no site in place");
        // The next build puts the previous site back before anything else.
        let output = Output::open(&root, &out, false).unwrap();
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "old");
        let staging = output.begin().unwrap();
        staging.write(&page("a/index.html", "new"));
        staging.commit_as(Swap::TwoRenames, remove_tree).unwrap();
        drop(output);
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "new");
        assert_eq!(names(&dir), [".public.kadr-lock", "public", "site"]);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_previous_site_that_cannot_be_removed_is_reported_and_removed_next_time() {
        let dir = tempdir("unremovable");
        let (root, out) = (dir.join("site"), dir.join("public"));
        write_site(&root, &out, &[page("a", "old")]).unwrap();
        let written = {
            let output = Output::open(&root, &out, false).unwrap();
            let staging = output.begin().unwrap();
            staging.write(&page("a", "new"));
            let refuse = |_: &Path| Err(io::Error::from(io::ErrorKind::PermissionDenied));
            staging.commit_as(Swap::Exchange, refuse).unwrap()
        };
        assert_eq!(
            fs::read_to_string(out.join("a")).unwrap(),
            "new",
            "the new site is in place"
        );
        let (previous, why) = written.leftover.expect("the leftover is reported");
        assert!(previous.exists() && !why.is_empty());
        drop(Output::open(&root, &out, false).unwrap());
        assert!(!previous.exists(), "the next build removed it");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn leftovers_of_killed_builds_are_removed() {
        let dir = tempdir("leftovers");
        let (root, out) = (dir.join("site"), dir.join("public"));
        write_site(&root, &out, &[page("a", "A")]).unwrap();
        for leftover in [
            ".public.kadr-new",
            ".public.kadr-new-1-2",
            ".public.kadr-old-3",
        ] {
            fs::create_dir_all(dir.join(leftover).join("x")).unwrap();
        }
        drop(Output::open(&root, &out, false).unwrap());
        assert_eq!(names(&dir), [".public.kadr-lock", "public", "site"]);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_followed_and_its_folder_replaced_atomically() {
        let dir = tempdir("link");
        let root = dir.join("site");
        let web_root = dir.join("www/site");
        write_site(&root, &web_root, &[page("a", "old")]).unwrap();
        std::os::unix::fs::symlink(&web_root, root.join("public")).unwrap();
        let output = Output::open(&root, &root.join("public"), false).unwrap();
        assert!(output.describe().contains("→"), "{}", output.describe());
        let staging = output.begin().unwrap();
        staging.write(&page("a", "new"));
        staging.commit().unwrap();
        drop(output);
        assert!(
            fs::symlink_metadata(root.join("public"))
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(web_root.join("a")).unwrap(), "new");
        // A link into the sources is refused like the sources themselves.
        std::os::unix::fs::symlink(root.join("content"), dir.join("sneaky")).unwrap();
        assert!(matches!(
            Output::open(&root, &dir.join("sneaky"), true),
            Err(OutputError::Sources { .. })
        ));
        fs::remove_dir_all(&dir).unwrap();
    }
}
