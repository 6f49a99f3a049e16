//! The pipeline in memory, for property and pathological tests that run it hundreds of
//! times: the records of `tests/fixtures/base/` (a small valid site) and the
//! repository's theme are read from disk once; a test then adds or replaces record
//! files as text ([`Site::put`]), through the real loader (`kadr_load::read_record`),
//! and runs the real `check` and `render` on the result. Nothing is written to disk.

#![allow(dead_code)] // each test binary uses a different part

use std::path::Path;
use std::sync::OnceLock;

use jiff::civil::Date;
use kadr_diagnostic::{Diagnostic, Sources};
use kadr_load::{Kind, Theme, add_record, read_record};
use kadr_model::{FileId, SiteData};
use kadr_render::{Page, RenderProblem, Renderer};

/// The build date of every run, as in the binary's integration tests.
pub fn today() -> Date {
    jiff::civil::date(2026, 11, 27)
}

pub fn crate_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A site in memory: records, the source table, the problems found while reading.
#[derive(Clone)]
pub struct Site {
    pub data: SiteData,
    pub sources: Sources,
    /// Problems found while reading the files (the loader's diagnostics).
    pub read: Vec<Diagnostic>,
}

/// The base fixture's records, read once.
fn base_site() -> &'static Site {
    static BASE: OnceLock<Site> = OnceLock::new();
    BASE.get_or_init(|| {
        let loaded = kadr_load::load(&crate_root().join("tests/fixtures/base"))
            .expect("the base fixture loads");
        let read: Vec<Diagnostic> = loaded.diagnostics;
        assert!(read.is_empty(), "the base fixture reads cleanly: {read:?}");
        Site {
            data: loaded.data,
            sources: loaded.sources,
            read,
        }
    })
}

/// kadr's built-in theme (templates, static files, UI strings).
pub fn theme() -> &'static Theme {
    static THEME: OnceLock<Theme> = OnceLock::new();
    THEME.get_or_init(kadr_load::built_in_theme)
}

impl Site {
    /// The base fixture: valid, with one vacancy in every state on [`today`].
    pub fn base() -> Site {
        base_site().clone()
    }

    /// The file id of `path` (relative to the site root), if the site has it.
    pub fn file(&self, path: &str) -> Option<FileId> {
        self.sources
            .iter()
            .filter(|(_, f)| f.path == path)
            .map(|(id, _)| id)
            .last()
    }

    /// Adds the record file `path` of `kind` with `bytes`, replacing the record (and
    /// the reading problems) of a file of that path. Returns the new file's id.
    pub fn put(&mut self, kind: Kind, path: &str, bytes: impl Into<Vec<u8>>) -> FileId {
        if let Some(old) = self.file(path) {
            self.remove(old);
        }
        let id = FileId(self.sources.iter().count() as u32);
        let (text, outcome) = read_record(kind, bytes.into(), id, path);
        assert_eq!(self.sources.add(path, text), id);
        self.read.extend(outcome.diagnostics);
        add_record(&mut self.data, kind, path, outcome.record);
        id
    }

    /// Forgets the record of file `id` and the problems found in it.
    fn remove(&mut self, id: FileId) {
        let data = &mut self.data;
        if data.site.as_ref().is_some_and(|s| s.file == id) {
            data.site = None;
        }
        if data.categories.as_ref().is_some_and(|c| c.file == id) {
            data.categories = None;
        }
        data.units.retain(|r| r.file != id);
        data.requirements.retain(|r| r.file != id);
        data.vacancies.retain(|r| r.file != id);
        data.partial_vacancies.retain(|r| r.file != id);
        data.calendar.retain(|r| r.file != id);
        self.read.retain(|d| d.loc.file != id);
    }

    /// Every problem of the site on [`today`]: reading and checking.
    pub fn check(&self) -> Vec<Diagnostic> {
        let mut all = self.read.clone();
        all.extend(kadr_check::check(&self.data, &self.sources, today()).diagnostics);
        all
    }

    /// The errors among [`Site::check`], each as `path:line:col id`, for messages.
    pub fn errors(&self) -> Vec<String> {
        self.check()
            .iter()
            .filter(|d| d.is_error())
            .map(|d| {
                format!(
                    "{}:{}:{} {} {:?}",
                    self.sources.path(d.loc.file),
                    d.loc.pos.line,
                    d.loc.pos.col,
                    d.message.id,
                    d.message.args
                )
            })
            .collect()
    }

    /// Renders the site with a freshly compiled theme; the pages sorted by path. The
    /// site's references must resolve (see [`Site::errors`]).
    pub fn render(&self) -> Result<Vec<Page>, Vec<RenderProblem>> {
        let renderer = Renderer::new(theme())?;
        let verdict = kadr_check::check(&self.data, &self.sources, today());
        let site = verdict.site.unwrap_or_else(|| {
            panic!(
                "only a site whose references resolve renders: {:#?}",
                self.errors()
            )
        });
        let mut pages = renderer.render(&site, today())?;
        pages.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(pages)
    }
}
