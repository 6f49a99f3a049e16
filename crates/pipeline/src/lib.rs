//! The one way to build: load → check → render → output. `kadr check`, `kadr build`
//! and `kadr serve` all run these functions; there is no second path to a site.

use std::path::Path;
use std::sync::Arc;

use jiff::civil::Date;

use kadr_diagnostic::{self as diagnostic, Diagnostic, Sources};
use kadr_load::{self as load, LoadError, Loaded, Theme};
use kadr_model::ResolvedSite;
use kadr_render::{Page, PageCache, RenderProblem, Renderer};

/// A loaded and checked site, with every diagnostic found, sorted.
pub struct Checked {
    pub loaded: Loaded,
    pub diagnostics: Vec<Diagnostic>,
    /// The site with its references resolved, when they all resolve (`check`'s).
    pub resolved: Option<ResolvedSite>,
    /// The compiled theme, when it had no problems.
    pub renderer: Option<Arc<Renderer>>,
    /// The cache on disk that could not be written, and why (not an error of the site:
    /// the command notes it in its reader's language).
    pub cache_not_written: Option<(std::path::PathBuf, std::io::Error)>,
}

/// What `serve` keeps from one build to the next so that a save costs what it changed:
/// the records of unchanged files, the compiled theme while it is unchanged, and the
/// vacancy pages whose inputs are unchanged. The result is always the same as a build
/// from scratch (tests/incremental.rs).
#[derive(Default)]
pub struct Session {
    load: load::LoadCache,
    theme: Option<(Theme, Arc<Renderer>)>,
    texts: kadr_check::TextCache,
    pages: PageCache,
}

impl Session {
    /// A session that starts from the cache on disk of the site at `root` (see
    /// `load::cache`): unchanged record files are not parsed again.
    pub fn from_disk_cache(root: &Path) -> Session {
        Session {
            load: load::LoadCache::from_disk(root),
            ..Session::default()
        }
    }

    /// Writes what the last load read into the cache on disk of the site at `root`.
    pub fn save_disk_cache(&mut self, root: &Path) -> std::io::Result<()> {
        self.load.save_to_disk(root)
    }

    /// How many pages the last render made, and how many of them it reused.
    pub fn last_render(&self) -> kadr_render::Reuse {
        self.pages.last()
    }
}

impl Checked {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    pub fn sources(&self) -> &Sources {
        &self.loaded.sources
    }
}

/// With `KADR_TIMINGS=1` in the environment, each stage prints how long it took (for
/// benchmarks and profiling; off by default).
pub fn timed<T>(stage: &str, f: impl FnOnce() -> T) -> T {
    if std::env::var_os("KADR_TIMINGS").is_none() {
        return f();
    }
    let start = std::time::Instant::now();
    let out = f();
    eprintln!(
        "timing: {stage} {:.1} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
    out
}

/// "Today" in Asia/Almaty (UTC+5, the whole of Kazakhstan since 2024).
pub fn today_in_almaty() -> Date {
    let offset = jiff::tz::Offset::constant(5);
    offset.to_datetime(jiff::Timestamp::now()).date()
}

/// Loads and checks the site at `root`, and compiles its theme.
pub fn check(root: &Path, today: Date) -> Result<Checked, LoadError> {
    check_in(root, today, &mut Session::default())
}

/// [`check`] with the cache on disk of the site (`.kadr-cache/`): read before, written
/// after, unless `use_cache` is false. A cache that cannot be written is not an error
/// of the site ([`Checked::cache_not_written`]).
pub fn check_with_disk_cache(
    root: &Path,
    today: Date,
    use_cache: bool,
) -> Result<Checked, LoadError> {
    if !use_cache {
        return check(root, today);
    }
    let mut session = Session::from_disk_cache(root);
    let mut checked = check_in(root, today, &mut session)?;
    if let Err(e) = timed("cache write", || session.save_disk_cache(root)) {
        checked.cache_not_written = Some((root.join(load::CACHE_DIR), e));
    }
    Ok(checked)
}

/// [`check`], reusing and updating what `session` kept of the previous build.
pub fn check_in(root: &Path, today: Date, session: &mut Session) -> Result<Checked, LoadError> {
    let mut loaded = timed("load", || load::load_cached(root, &mut session.load))?;
    if std::env::var_os("KADR_TIMINGS").is_some() {
        let (reused, of) = session.load.reused_from_disk();
        eprintln!("timing: {reused} of {of} record files from the cache on disk");
    }
    let mut diagnostics = std::mem::take(&mut loaded.diagnostics);
    let verdict = timed("check", || {
        kadr_check::check_cached(&loaded.data, &loaded.sources, today, &mut session.texts)
    });
    diagnostics.extend(verdict.diagnostics);
    let reusable = match &session.theme {
        Some((theme, renderer)) if *theme == loaded.theme => Some(Arc::clone(renderer)),
        _ => None,
    };
    let compiled = match reusable {
        Some(renderer) => Ok(renderer),
        None => timed("theme", || Renderer::new(&loaded.theme)).map(Arc::new),
    };
    let renderer = match compiled {
        Ok(r) => {
            session.theme = Some((loaded.theme.clone(), Arc::clone(&r)));
            Some(r)
        }
        Err(problems) => {
            diagnostics.extend(render_diagnostics(problems, &mut loaded.sources, root));
            None
        }
    };
    diagnostic::sort(&mut diagnostics, &loaded.sources);
    Ok(Checked {
        loaded,
        diagnostics,
        resolved: verdict.site,
        renderer,
        cache_not_written: None,
    })
}

/// Renders a checked site; `None` with the diagnostics added when it cannot be.
pub fn render(checked: &mut Checked, today: Date) -> Option<Vec<Page>> {
    render_in(checked, today, &mut Session::default())
}

/// [`render`], reusing the vacancy pages `session` kept whose inputs are unchanged.
pub fn render_in(checked: &mut Checked, today: Date, session: &mut Session) -> Option<Vec<Page>> {
    if checked.has_errors() {
        return None;
    }
    let renderer = checked.renderer.as_ref()?;
    let site = checked.resolved.as_ref()?;
    let pages = std::sync::Mutex::new(Vec::new());
    let rendered = timed("render", || {
        renderer.render_with(
            site,
            today,
            &|page| {
                if let Ok(mut pages) = pages.lock() {
                    pages.push(page);
                }
            },
            Some(&mut session.pages),
        )
    });
    let mut pages = pages.into_inner().unwrap_or_else(|e| e.into_inner());
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    match rendered.map(|()| pages) {
        Ok(pages) => Some(pages),
        Err(problems) => {
            let diagnostics =
                render_diagnostics(problems, &mut checked.loaded.sources, &checked.loaded.root);
            checked.diagnostics.extend(diagnostics);
            None
        }
    }
}

/// Renders a checked site straight into `out` through a staging folder: `Ok(None)` when
/// the site has errors (diagnostics added; `out` untouched), `Err` on I/O failure.
pub fn build(
    checked: &mut Checked,
    today: Date,
    out: &kadr_output::Output,
) -> Result<Option<kadr_output::Written>, kadr_output::OutputError> {
    if checked.has_errors() {
        return Ok(None);
    }
    let (Some(renderer), Some(site)) = (checked.renderer.as_ref(), checked.resolved.as_ref())
    else {
        return Ok(None);
    };
    let staging = out.begin()?;
    let rendered = timed("render+write", || {
        renderer.render_with(site, today, &|page| staging.write(&page), None)
    });
    match rendered {
        Ok(()) => timed("commit", || staging.commit()).map(Some),
        Err(problems) => {
            drop(staging);
            let diagnostics =
                render_diagnostics(problems, &mut checked.loaded.sources, &checked.loaded.root);
            checked.diagnostics.extend(diagnostics);
            Ok(None)
        }
    }
}

/// The theme's problems as diagnostics; a problem in one of the site's own files
/// (`root` is the site's) points into it, with a snippet.
fn render_diagnostics(
    problems: Vec<RenderProblem>,
    sources: &mut Sources,
    root: &Path,
) -> Vec<Diagnostic> {
    problems
        .into_iter()
        .map(|p| {
            let on_disk = root.join(&p.file);
            let file = if on_disk.is_file() {
                sources.add_on_disk(p.file, on_disk)
            } else {
                sources.add(p.file, None)
            };
            Diagnostic {
                severity: diagnostic::Severity::Error,
                rule: None,
                loc: kadr_model::Loc { file, pos: p.pos },
                message: p.message,
                hint: None,
            }
        })
        .collect()
}
