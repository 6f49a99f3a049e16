//! Files → model. This stage finds the site's files, reads each one safely (size limit,
//! UTF-8, no binary, no symbolic links out of the site), parses YAML (in [`yaml`], the
//! only place that does) and reads records (in [`records`]), in parallel but with a
//! stable order. It never stops at the first problem: every file is read and every
//! problem becomes a [`Diagnostic`].
//!
//! It also reads the theme (templates, static files) and the UI strings, laying the
//! site's own files over kadr's built-in ones ([`theme`]), and adds the built-in
//! calendar of each year the site has no `content/calendar/YEAR.yaml` for, so that the
//! later stages do no I/O.

mod bank_stores;
mod cache;
pub use bank_stores::{
    BANK_EXTENSION, BANK_FILE_GRANULE, BANK_HEAD_MAGIC, BANK_KEYS_MAGIC, BANK_STORE_MAGIC,
    find_bank_stores,
};
pub use cache::DIR as CACHE_DIR;
pub mod read;
pub mod records;
mod theme;
pub mod yaml;

pub use kadr_model::{Theme, ThemeFile};
pub use theme::{built_in_theme, load_theme};

use std::collections::HashMap;
use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use walkdir::WalkDir;

use kadr_diagnostic::{Diagnostic, Message, Sources};
use kadr_model::{FileId, Pos, SiteData};
use read::Ctx;

/// How many nested folders below `content/vacancies/` records are read from.
pub const MAX_VACANCY_DEPTH: usize = 32;

/// A record file may not be larger than this (SPEC.md).
pub const MAX_RECORD_BYTES: u64 = 1024 * 1024;
/// Theme files (templates, CSS, images) may be larger, but not unbounded.
pub const MAX_THEME_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// What kind of record a file under `content/` holds, from where it lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Site,
    Categories,
    Unit,
    Requirement,
    Vacancy,
    Calendar,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Site,
        Kind::Categories,
        Kind::Unit,
        Kind::Requirement,
        Kind::Vacancy,
        Kind::Calendar,
    ];
}

/// The loaded site: records, the source table diagnostics point into, the diagnostics
/// found so far, and the theme.
pub struct Loaded {
    /// The site root it was loaded from.
    pub root: PathBuf,
    pub data: SiteData,
    pub sources: Sources,
    pub diagnostics: Vec<Diagnostic>,
    pub theme: Theme,
}

/// A problem that is not about content (those are diagnostics): the site cannot be
/// read at all.
#[derive(Debug)]
pub enum LoadError {
    /// The site's root is missing or not a folder.
    NotAFolder(std::path::PathBuf),
}

impl LoadError {
    /// The reason as a message of the catalogue.
    pub fn message(&self) -> Message {
        match self {
            LoadError::NotAFolder(root) => {
                Message::new("root-not-a-folder").arg("root", root.display().to_string())
            }
        }
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&kadr_diagnostic::Messages::english(&self.message()))
    }
}

impl std::error::Error for LoadError {}

/// Loads the site at `root`.
pub fn load(root: &Path) -> Result<Loaded, LoadError> {
    load_cached(root, &mut LoadCache::default())
}

/// What `serve` keeps between builds: each record file's outcome with the size,
/// modification time and inode it had, so that an unchanged file is not read and parsed
/// again (a save usually touches one file of thousands).
#[derive(Default)]
pub struct LoadCache {
    files: HashMap<PathBuf, CachedFile>,
    /// The cache on disk (`.kadr-cache/`), consulted for files not in `files` by the
    /// first load only (it is dropped after it), and how many entries it had.
    disk: Option<cache::DiskCache>,
    disk_entries: Option<usize>,
    /// What the last load took from the cache on disk, and how many record files it
    /// looked at.
    from_disk: usize,
    record_files: usize,
}

impl LoadCache {
    /// A cache that starts from the cache on disk of the site at `root`, if it has one.
    pub fn from_disk(root: &Path) -> LoadCache {
        LoadCache {
            disk: cache::DiskCache::open(root),
            ..LoadCache::default()
        }
    }

    /// How many record files the last load took from the cache on disk, of how many.
    pub fn reused_from_disk(&self) -> (usize, usize) {
        (self.from_disk, self.record_files)
    }

    /// Writes what the last load read to the cache on disk of the site at `root`,
    /// unless the cache there already holds exactly that.
    pub fn save_to_disk(&mut self, root: &Path) -> std::io::Result<()> {
        let cacheable = self
            .files
            .values()
            .filter(|f| f.diagnostics.is_empty() && f.record.is_some())
            .count();
        let unchanged = self
            .disk_entries
            .is_some_and(|n| n == self.from_disk && self.from_disk == cacheable);
        if unchanged {
            return Ok(());
        }
        let mut entries: Vec<(&Path, Stamp, &Record)> = self
            .files
            .iter()
            .filter(|(_, f)| f.diagnostics.is_empty())
            .filter_map(|(path, f)| Some((path.as_path(), f.stamp, f.record.as_ref()?)))
            .collect();
        // In the order of the site's files, so that the same site gives the same cache.
        entries.sort_by(|a, b| a.0.cmp(b.0));
        cache::write(root, &entries)?;
        self.disk_entries = Some(entries.len());
        Ok(())
    }
}

struct CachedFile {
    stamp: Stamp,
    text: SourceText,
    record: Option<Record>,
    diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    inode: u64,
}

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = fs::symlink_metadata(path).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&meta);
    #[cfg(not(unix))]
    let inode = 0;
    Some(Stamp {
        len: meta.len(),
        modified: meta.modified().ok(),
        inode,
    })
}

/// Loads the site at `root`, reusing from `cache` what it knows of unchanged files and
/// leaving in it what this load read.
pub fn load_cached(root: &Path, cache: &mut LoadCache) -> Result<Loaded, LoadError> {
    if !root.is_dir() {
        return Err(LoadError::NotAFolder(root.to_path_buf()));
    }
    let mut sources = Sources::default();
    let mut diagnostics = Vec::new();
    let content = root.join("content");

    let mut files: Vec<(Kind, PathBuf)> = Vec::new();
    for (kind, name) in [
        (Kind::Site, "site.yaml"),
        (Kind::Categories, "categories.yaml"),
    ] {
        let path = content.join(name);
        if path.exists() || path.is_symlink() {
            files.push((kind, path));
        } else {
            let id = sources.add(format!("content/{name}"), None);
            let d = Diagnostic::error("missing-file", id, Pos::START)
                .arg("path", format!("content/{name}"));
            diagnostics.push(d);
        }
    }
    for (kind, dir, recursive) in [
        (Kind::Unit, "units", false),
        (Kind::Requirement, "requirements", false),
        (Kind::Vacancy, "vacancies", true),
        (Kind::Calendar, "calendar", false),
    ] {
        discover(
            root,
            &content.join(dir),
            kind,
            recursive,
            &mut files,
            &mut sources,
            &mut diagnostics,
        );
    }
    files.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));

    // Assign file ids in sorted order, then read and parse in parallel.
    let first = sources.iter().count() as u32;
    let previous = std::mem::take(&mut cache.files);
    let disk = cache.disk.as_ref();
    let from_disk = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<(SourceText, FileOutcome, Option<Stamp>)> = files
        .par_iter()
        .enumerate()
        .map(|(i, (kind, path))| {
            let id = FileId(first + i as u32);
            let stamp = stamp(path);
            if let (Some(now), Some(cached)) = (stamp, previous.get(path))
                && cached.stamp == now
            {
                let mut diagnostics = cached.diagnostics.clone();
                for d in &mut diagnostics {
                    d.loc.file = id;
                }
                let outcome = FileOutcome {
                    record: cached.record.as_ref().map(|r| r.in_file(id)),
                    diagnostics,
                };
                return (cached.text.clone(), outcome, stamp);
            }
            if let (Some(now), Some(disk)) = (stamp, disk)
                && let Some(record) = disk.record(path, now, *kind, id)
            {
                from_disk.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let outcome = FileOutcome {
                    record: Some(record),
                    diagnostics: Vec::new(),
                };
                return (None, outcome, stamp);
            }
            let (text, outcome) = read_record_file(root, path, *kind, id);
            (text, outcome, stamp)
        })
        .collect();
    cache.from_disk = from_disk.into_inner();
    cache.record_files = files.len();
    // Its records are in `cache.files` now: the bytes are not needed again.
    if let Some(disk) = cache.disk.take() {
        cache.disk_entries = Some(disk.len());
    }

    let mut data = SiteData::default();
    for ((kind, path), (text, outcome, stamp)) in files.iter().zip(results) {
        if let Some(stamp) = stamp {
            cache.files.insert(
                path.clone(),
                CachedFile {
                    stamp,
                    text: text.clone(),
                    record: outcome.record.clone(),
                    diagnostics: outcome.diagnostics.clone(),
                },
            );
        }
        // Keep the text of files with problems for snippets; the rest is read again on
        // demand.
        let rel = relative(root, path);
        if outcome.diagnostics.is_empty() {
            sources.add_on_disk(rel.as_str(), path.clone());
        } else {
            sources.add(rel.as_str(), text);
        }
        diagnostics.extend(outcome.diagnostics);
        add_record(&mut data, *kind, &rel, outcome.record);
    }

    let site_years: Vec<&str> = files
        .iter()
        .filter(|(kind, _)| *kind == Kind::Calendar)
        .filter_map(|(_, path)| path.file_stem()?.to_str())
        .collect();
    add_built_in_calendars(&site_years, &mut data, &mut sources, &mut diagnostics);
    let theme = load_theme(root, &mut sources, &mut diagnostics);
    // What could be a candidate bank inside the site (RULES.md B12; `check` judges it).
    // The default output folder is kadr's own and is not searched.
    for store in find_bank_stores(root, &[&root.join("public")]) {
        let rel = relative(root, &store);
        data.bank_stores
            .push((sources.add(rel.as_str(), None), rel));
    }
    Ok(Loaded {
        root: root.to_path_buf(),
        data,
        sources,
        diagnostics,
        theme,
    })
}

/// Adds kadr's built-in calendar of every year the site has no calendar file for (a
/// site's `content/calendar/YEAR.yaml` replaces the built-in year wholesale, even when it
/// has errors: those are reported, and the year is never quietly taken from elsewhere).
fn add_built_in_calendars(
    site_years: &[&str],
    data: &mut SiteData,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for (year, text) in kadr_builtin::calendars() {
        if site_years.contains(&year.to_string().as_str()) {
            continue;
        }
        let name = kadr_builtin::display_name(&format!("calendars/{year}.yaml"));
        let id = FileId(sources.iter().count() as u32);
        let (kept, outcome) = read_record(Kind::Calendar, text.as_bytes().to_vec(), id, &name);
        sources.add(name.as_str(), kept);
        diagnostics.extend(outcome.diagnostics);
        add_record(data, Kind::Calendar, &name, outcome.record);
    }
}

/// kadr's built-in calendar of `year` as a record, if kadr knows the year.
pub fn built_in_calendar(year: i16) -> Option<kadr_model::CalendarYear> {
    let text = kadr_builtin::calendar(year)?;
    let name = kadr_builtin::display_name(&format!("calendars/{year}.yaml"));
    match read_record(Kind::Calendar, text.as_bytes().to_vec(), FileId(0), &name)
        .1
        .record
    {
        Some(Record::Calendar(c)) => Some(*c),
        _ => None,
    }
}

/// Whether a calendar record is kadr's built-in one rather than the site's file.
pub fn is_built_in_calendar(sources: &Sources, year: &kadr_model::CalendarYear) -> bool {
    sources
        .path(year.file)
        .starts_with(&kadr_builtin::display_name(""))
}

/// Only the working-day calendars of the site at `root`, with kadr's built-in years it
/// does not replace (for `kadr calendar`, which needs nothing else of the site).
pub fn load_calendars(root: &Path) -> Result<Loaded, LoadError> {
    if !root.is_dir() {
        return Err(LoadError::NotAFolder(root.to_path_buf()));
    }
    let mut sources = Sources::default();
    let mut diagnostics = Vec::new();
    let mut files = Vec::new();
    let dir = root.join("content").join("calendar");
    discover(
        root,
        &dir,
        Kind::Calendar,
        false,
        &mut files,
        &mut sources,
        &mut diagnostics,
    );
    let mut data = SiteData::default();
    for (kind, path) in &files {
        let id = FileId(sources.iter().count() as u32);
        let (text, outcome) = read_record_file(root, path, *kind, id);
        let rel = relative(root, path);
        if outcome.diagnostics.is_empty() {
            sources.add_on_disk(rel.as_str(), path.clone());
        } else {
            sources.add(rel.as_str(), text);
        }
        diagnostics.extend(outcome.diagnostics);
        add_record(&mut data, *kind, &rel, outcome.record);
    }
    let site_years: Vec<&str> = files
        .iter()
        .filter_map(|(_, path)| path.file_stem()?.to_str())
        .collect();
    add_built_in_calendars(&site_years, &mut data, &mut sources, &mut diagnostics);
    Ok(Loaded {
        root: root.to_path_buf(),
        data,
        sources,
        diagnostics,
        theme: Theme::default(),
    })
}

type SourceText = Option<Arc<str>>;

/// One file's record, as [`read_record`] made it.
#[derive(Clone)]
pub enum Record {
    Site(Box<kadr_model::Site>),
    Categories(Arc<kadr_model::Categories>),
    Unit(Arc<kadr_model::Unit>),
    Requirement(Arc<kadr_model::Requirement>),
    Vacancy(Arc<kadr_model::Vacancy>),
    PartialVacancy(Box<kadr_model::PartialVacancy>),
    Calendar(Box<kadr_model::CalendarYear>),
}

impl Record {
    /// The record as it is when its file has id `file`: the same record (shared) when
    /// the id is unchanged, a copy otherwise (files were added or removed before it).
    fn in_file(&self, file: FileId) -> Record {
        fn moved<T: Clone>(r: &Arc<T>, same: bool, set: impl FnOnce(&mut T)) -> Arc<T> {
            if same {
                Arc::clone(r)
            } else {
                let mut copy = (**r).clone();
                set(&mut copy);
                Arc::new(copy)
            }
        }
        match self {
            Record::Site(s) => Record::Site(Box::new(kadr_model::Site {
                file,
                ..(**s).clone()
            })),
            Record::Categories(c) => {
                Record::Categories(moved(c, c.file == file, |c| c.file = file))
            }
            Record::Unit(u) => Record::Unit(moved(u, u.file == file, |u| u.file = file)),
            Record::Requirement(r) => {
                Record::Requirement(moved(r, r.file == file, |r| r.file = file))
            }
            Record::Vacancy(v) => Record::Vacancy(moved(v, v.file == file, |v| v.file = file)),
            Record::PartialVacancy(v) => {
                Record::PartialVacancy(Box::new(kadr_model::PartialVacancy {
                    file,
                    ..(**v).clone()
                }))
            }
            Record::Calendar(c) => Record::Calendar(Box::new(kadr_model::CalendarYear {
                file,
                ..(**c).clone()
            })),
        }
    }
}

/// What reading one record file gave: its record, if one could be made, and every
/// problem found in it.
pub struct FileOutcome {
    pub record: Option<Record>,
    pub diagnostics: Vec<Diagnostic>,
}

fn read_record_file(root: &Path, path: &Path, kind: Kind, id: FileId) -> (SourceText, FileOutcome) {
    // Each worker thread reads every file into one buffer: a fresh buffer per file
    // would touch fresh memory for each of thousands of files.
    thread_local! {
        static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let rel = relative(root, path);
    BUFFER.with_borrow_mut(
        |buffer| match read_bytes_into(path, MAX_RECORD_BYTES, buffer) {
            // Only a file with problems keeps its text in memory (for snippets); the text
            // of the others is read again if a later stage reports on them.
            Ok(()) => read_record_keeping(kind, buffer, id, &rel, KeepText::IfProblems),
            Err(problem) => (
                None,
                FileOutcome {
                    record: None,
                    diagnostics: vec![problem.diagnostic(id, &rel)],
                },
            ),
        },
    )
}

/// When [`read_record_keeping`] returns the file's text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum KeepText {
    Always,
    IfProblems,
}

/// Reads the bytes of one record file of `kind`, named `path` (relative to the site
/// root) in messages: its text, if it is text, and the outcome. [`load`] reads every
/// file on disk through this; fuzzing and tests call it on bytes in memory.
pub fn read_record(
    kind: Kind,
    bytes: Vec<u8>,
    id: FileId,
    path: &str,
) -> (SourceText, FileOutcome) {
    read_record_keeping(kind, &bytes, id, path, KeepText::Always)
}

fn read_record_keeping(
    kind: Kind,
    bytes: &[u8],
    id: FileId,
    path: &str,
    keep: KeepText,
) -> (SourceText, FileOutcome) {
    let mut diagnostics = Vec::new();
    let text = match record_text(bytes) {
        Ok(text) => text,
        Err(problem) => {
            diagnostics.push(problem.diagnostic(id, path));
            return (
                None,
                FileOutcome {
                    record: None,
                    diagnostics,
                },
            );
        }
    };
    let kept = |text: &str, diagnostics: &[Diagnostic]| {
        (keep == KeepText::Always || !diagnostics.is_empty()).then(|| Arc::from(text))
    };
    let node = match yaml::parse(text) {
        Ok(node) => node,
        Err(e) => {
            diagnostics.push(match e.kind {
                yaml::SyntaxKind::Syntax(detail) => Diagnostic::error("yaml-syntax", id, e.pos)
                    .arg("kind", yaml::syntax_kind(&detail))
                    .arg("detail", detail),
                yaml::SyntaxKind::DuplicateKey(key) => {
                    Diagnostic::error("duplicate-key", id, e.pos).arg("key", key)
                }
                yaml::SyntaxKind::TooComplex => Diagnostic::error("yaml-too-complex", id, e.pos),
                yaml::SyntaxKind::SecondDocument => {
                    Diagnostic::error("yaml-second-document", id, e.pos)
                }
            });
            return (
                kept(text, &diagnostics),
                FileOutcome {
                    record: None,
                    diagnostics,
                },
            );
        }
    };
    let mut ctx = Ctx {
        file: id,
        diagnostics: &mut diagnostics,
    };
    let record = match kind {
        Kind::Site => records::site(&mut ctx, &node).map(|r| Record::Site(Box::new(r))),
        Kind::Categories => {
            records::categories(&mut ctx, &node).map(|r| Record::Categories(Arc::new(r)))
        }
        Kind::Unit => records::unit(&mut ctx, &node).map(|r| Record::Unit(Arc::new(r))),
        Kind::Requirement => {
            records::requirement(&mut ctx, &node).map(|r| Record::Requirement(Arc::new(r)))
        }
        Kind::Vacancy => Some(match records::vacancy(&mut ctx, &node) {
            Ok(v) => Record::Vacancy(Arc::new(v)),
            Err(partial) => Record::PartialVacancy(partial),
        }),
        Kind::Calendar => {
            records::calendar_year(&mut ctx, &node).map(|r| Record::Calendar(Box::new(r)))
        }
    };
    (
        kept(text, &diagnostics),
        FileOutcome {
            record,
            diagnostics,
        },
    )
}

/// A record file's bytes as text: at most [`MAX_RECORD_BYTES`], UTF-8, no NUL.
fn record_text(bytes: &[u8]) -> Result<&str, FileProblem> {
    if bytes.len() as u64 > MAX_RECORD_BYTES {
        return Err(FileProblem::TooLarge(bytes.len() as u64));
    }
    text_of(bytes)
}

/// Adds what [`read_record`] made of the file at `path` (relative to the site root) to
/// the site. A file that gave no record leaves its id (its file name) among the broken
/// ones, so that references to it raise no second error.
pub fn add_record(data: &mut SiteData, kind: Kind, path: &str, record: Option<Record>) {
    match record {
        Some(Record::Site(s)) => data.site = Some(*s),
        Some(Record::Categories(c)) => data.categories = Some(c),
        Some(Record::Unit(u)) => data.units.push(u),
        Some(Record::Requirement(r)) => data.requirements.push(r),
        Some(Record::Vacancy(v)) => data.vacancies.push(v),
        Some(Record::PartialVacancy(v)) => data.partial_vacancies.push((*v).clone()),
        Some(Record::Calendar(c)) => data.calendar.push((*c).clone()),
        None => {
            let name = path.rsplit('/').next().unwrap_or(path);
            let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
            match kind {
                Kind::Unit => data.broken_ids.units.push(stem.to_string()),
                Kind::Requirement => data.broken_ids.requirements.push(stem.to_string()),
                Kind::Categories => data.broken_ids.categories_unreadable = true,
                _ => {}
            }
        }
    }
}

/// An I/O failure as the catalogue's `output-io` words it: the action, the path, and
/// the kind of error in the reader's language (the system's own text for English).
pub fn io_message(action: &'static str, path: &Path, error: &std::io::Error) -> Message {
    Message::new("output-io")
        .arg("action", action)
        .arg("path", path.display().to_string())
        .arg("detail", error.to_string())
        .arg("kind", IoKind::of(error).name())
}

/// What kind of I/O failure a message names in the reader's language (the OS's own
/// text, in English, is kept for `--lang en`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IoKind {
    NotFound,
    PermissionDenied,
    Other,
}

impl IoKind {
    pub fn of(e: &std::io::Error) -> IoKind {
        match e.kind() {
            std::io::ErrorKind::NotFound => IoKind::NotFound,
            std::io::ErrorKind::PermissionDenied => IoKind::PermissionDenied,
            _ => IoKind::Other,
        }
    }

    /// The selector the messages use.
    pub fn name(self) -> &'static str {
        match self {
            IoKind::NotFound => "not-found",
            IoKind::PermissionDenied => "permission-denied",
            IoKind::Other => "other",
        }
    }
}

/// Why a file could not be read as text.
#[derive(Debug)]
pub enum FileProblem {
    TooLarge(u64),
    NotUtf8 {
        pos: Pos,
    },
    Binary {
        pos: Pos,
    },
    Symlink,
    /// A FIFO, a device or a socket: reading one could block for ever.
    NotRegular,
    /// What went wrong, as the OS says it, and its kind for the message.
    Io(String, IoKind),
}

impl FileProblem {
    fn io(e: std::io::Error) -> FileProblem {
        FileProblem::Io(e.to_string(), IoKind::of(&e))
    }

    fn diagnostic(&self, id: FileId, rel: &str) -> Diagnostic {
        let rel = rel.to_string();
        match self {
            FileProblem::TooLarge(size) => Diagnostic::error("file-too-large", id, Pos::START)
                .arg("path", rel)
                .arg("size", format!("{:.1} MiB", *size as f64 / 1_048_576.0)),
            FileProblem::NotUtf8 { pos } => {
                Diagnostic::error("not-utf8", id, *pos).arg("path", rel)
            }
            FileProblem::Binary { pos } => {
                Diagnostic::error("binary-file", id, *pos).arg("path", rel)
            }
            FileProblem::Symlink => Diagnostic::error("symlink", id, Pos::START).arg("path", rel),
            FileProblem::NotRegular => {
                Diagnostic::error("not-a-regular-file", id, Pos::START).arg("path", rel)
            }
            FileProblem::Io(e, kind) => Diagnostic::error("io-error", id, Pos::START)
                .arg("path", rel)
                .arg("detail", e.as_str())
                .arg("kind", kind.name()),
        }
    }
}

/// Reads a regular file of at most `limit` bytes as UTF-8 text without a NUL byte.
/// A leading byte-order mark is dropped.
pub fn read_text(path: &Path, limit: u64) -> Result<String, FileProblem> {
    text_of(&read_bytes(path, limit)?).map(str::to_owned)
}

/// `bytes` as UTF-8 text without a NUL byte, a leading byte-order mark dropped.
///
/// Validation is SIMD (simdutf8): the site's text is mostly Cyrillic, where the
/// standard library's check leaves its ASCII fast path and was a tenth of `kadr check`.
fn text_of(bytes: &[u8]) -> Result<&str, FileProblem> {
    if let Some(i) = memchr::memchr(0, bytes) {
        return Err(FileProblem::Binary {
            pos: position_of(bytes, i),
        });
    }
    match simdutf8::compat::from_utf8(bytes) {
        Ok(text) => Ok(text.strip_prefix('\u{feff}').unwrap_or(text)),
        Err(e) => Err(FileProblem::NotUtf8 {
            pos: position_of(bytes, e.valid_up_to()),
        }),
    }
}

/// Reads a regular file (not a symbolic link) of at most `limit` bytes.
pub fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, FileProblem> {
    let mut bytes = Vec::new();
    read_bytes_into(path, limit, &mut bytes)?;
    Ok(bytes)
}

/// [`read_bytes`] into `bytes`, which it clears first (and whose capacity it reuses).
fn read_bytes_into(path: &Path, limit: u64, bytes: &mut Vec<u8>) -> Result<(), FileProblem> {
    bytes.clear();
    let meta = fs::symlink_metadata(path).map_err(FileProblem::io)?;
    if meta.file_type().is_symlink() {
        return Err(FileProblem::Symlink);
    }
    if !meta.is_file() {
        return Err(FileProblem::NotRegular);
    }
    if meta.len() > limit {
        return Err(FileProblem::TooLarge(meta.len()));
    }
    let file = open_regular(path)?;
    bytes.reserve(meta.len() as usize);
    // `take` guards against a file that grows between the size check and the read.
    file.take(limit + 1)
        .read_to_end(bytes)
        .map_err(FileProblem::io)?;
    if bytes.len() as u64 > limit {
        return Err(FileProblem::TooLarge(bytes.len() as u64));
    }
    Ok(())
}

/// Opens a regular file for reading. On Linux the file is opened without blocking and
/// checked again once open, so that a FIFO put in its place after the first look cannot
/// make kadr wait for a writer for ever.
fn open_regular(path: &Path) -> Result<fs::File, FileProblem> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let file = options.open(path).map_err(FileProblem::io)?;
    match file.metadata() {
        Ok(meta) if meta.is_file() => Ok(file),
        Ok(_) => Err(FileProblem::NotRegular),
        Err(e) => Err(FileProblem::io(e)),
    }
}

/// The 1-based line and character column of byte `offset` (valid UTF-8 before it).
fn position_of(bytes: &[u8], offset: usize) -> Pos {
    let before = &bytes[..offset.min(bytes.len())];
    // Lines end as YAML ends them (and so the positions the parser gives): at `\n`, at
    // `\r\n`, and at a `\r` alone.
    let line = before
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count()
        + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n' || b == b'\r')
        .map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    Pos::new(line as u32, col as u32)
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

pub use kadr_model::is_ignored_name;

fn discover(
    root: &Path,
    dir: &Path,
    kind: Kind,
    recursive: bool,
    files: &mut Vec<(Kind, PathBuf)>,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if !dir.is_dir() {
        return;
    }
    // Further than records are read, to report what lies there (bounded: a tree of
    // folders without end is not walked to its end).
    let max_depth = if recursive { 2 * MAX_VACANCY_DEPTH } else { 2 };
    // Depth counts the file too: a record in 32 nested folders is at depth 33.
    let read_depth = if recursive { MAX_VACANCY_DEPTH + 1 } else { 1 };
    let walker = WalkDir::new(dir)
        .follow_links(false)
        .max_depth(max_depth)
        .sort_by_file_name();
    let mut too_deep_reported = false;
    for entry in walker
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored_name(&e.file_name().to_string_lossy()))
    {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e
                    .path()
                    .map(|p| relative(root, p))
                    .unwrap_or_else(|| relative(root, dir));
                let id = sources.add(path.clone(), None);
                diagnostics.push(
                    Diagnostic::error("io-error", id, Pos::START)
                        .arg("path", path)
                        .arg("detail", e.to_string())
                        .arg(
                            "kind",
                            e.io_error().map_or(IoKind::Other, IoKind::of).name(),
                        ),
                );
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        let path = entry.path();
        if entry.file_type().is_dir() {
            continue;
        }
        let lower = name.to_lowercase();
        let yaml_like = lower.ends_with(".yaml") || lower.ends_with(".yml");
        if !yaml_like {
            continue;
        }
        let rel = relative(root, path);
        if entry.depth() > read_depth {
            if recursive && !too_deep_reported {
                too_deep_reported = true;
                let id = sources.add(rel.clone(), None);
                diagnostics.push(Diagnostic::error("too-deep", id, Pos::START).arg("path", rel));
            } else if !recursive && entry.depth() == 2 {
                let id = sources.add(rel.clone(), None);
                diagnostics.push(
                    Diagnostic::error("nested-record", id, Pos::START)
                        .arg("path", rel)
                        .arg("folder", relative(root, dir)),
                );
            }
            continue;
        }
        if !name.ends_with(".yaml") {
            // `.yml`, `.YAML`, `.Yaml`: a record the officer meant, which kadr would skip.
            let id = sources.add(rel.clone(), None);
            diagnostics.push(Diagnostic::error("yml-extension", id, Pos::START).arg("path", rel));
            continue;
        }
        // Symbolic links are reported when read (FileProblem::Symlink): nothing outside
        // the site is read through one.
        files.push((kind, path.to_path_buf()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_of_counts_characters_not_bytes() {
        let text = "a: 1\nб: ә\u{0}".as_bytes();
        let nul = text.iter().position(|&b| b == 0).unwrap();
        assert_eq!(position_of(text, nul), Pos::new(2, 5));
    }

    #[test]
    fn position_of_counts_lines_as_yaml_does() {
        let text = "a: 1\r\nb: 2\rc: \u{0}".as_bytes();
        let nul = text.iter().position(|&b| b == 0).unwrap();
        assert_eq!(position_of(text, nul), Pos::new(3, 4));
    }

    #[test]
    fn editor_files_are_ignored() {
        for name in [".x.yaml.swp", "#a.yaml#", "a.yaml~", ".hidden.yaml"] {
            assert!(is_ignored_name(name), "{name}");
        }
        assert!(!is_ignored_name("2026-dp-almaty-0142.yaml"));
    }
}
