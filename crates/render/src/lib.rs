//! Model → pages: every file SPEC.md lists under "What build writes", as bytes in
//! memory. Pure: no I/O (the `output` stage writes), and the same site and `today`
//! always give the same bytes.
//!
//! HTML pages come from the theme's tera templates; UI strings from the Fluent files in
//! `locales/` (templates call `t(key="…")`); feeds, JSON, the sitemap and the root
//! redirect are written here, since their formats are fixed by standards.

pub mod collate;
pub mod dates;
mod feeds;
mod filters;
pub use kadr_markdown as markdown;
mod views;

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use jiff::civil::Date;
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use tera::{Context, Kwargs, State, Tera, Value};

use collate::Collators;
use kadr_diagnostic::Message;
use kadr_i18n::{Arg, Bundle};
use kadr_model::Theme;
use kadr_model::{Category, Lang, Pos, Requirement, ResolvedSite, Site, Status, Unit, Vacancy};
pub use views::{Index, Shown};

/// One output file: its path below the output folder (with `/`) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub path: String,
    /// Shared: `serve` keeps unchanged pages from one build to the next without copying.
    pub bytes: Arc<[u8]>,
}

/// A problem of the theme or the UI strings, or a template that failed to render.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderProblem {
    /// The theme or locale file, relative to the site root (or a built-in file's name).
    pub file: String,
    /// Where in that file, when known (`Pos::START` otherwise).
    pub pos: Pos,
    pub message: Message,
}

impl RenderProblem {
    fn new(file: impl Into<String>, message: Message) -> RenderProblem {
        RenderProblem {
            file: file.into(),
            pos: Pos::START,
            message,
        }
    }

    fn at(mut self, pos: Pos) -> RenderProblem {
        self.pos = pos;
        self
    }
}

/// The templates every theme provides.
pub const TEMPLATES: &[&str] = &[
    "list.html",
    "vacancy.html",
    "archive.html",
    "filter.html",
    "404.html",
    "embed-list.html",
    "embed-vacancy.html",
];

/// UI strings the renderer itself uses (labels of statuses and authorities, plural
/// counts); the templates use more, and a missing one fails their render.
pub const UI_KEYS: &[&str] = &[
    "status-open",
    "status-closed",
    "status-filled",
    "status-cancelled",
    "authority-minister",
    "authority-deputy_minister",
    "authority-territorial_head",
    "placed-by-hr",
    "placed-by-information_unit",
    "days-left",
    "vacancies-count",
    "archive-title",
    "page-not-found",
    "feed-title",
];

/// Vacancy pages of the previous build, reused when nothing they show has changed: the
/// same vacancy, unit and requirement records (by address: `load::load_cached` keeps
/// the records of unchanged files), the same category, shown status and build date,
/// rendered by the same [`Renderer`] for the same site settings. `serve` keeps one, so
/// that saving one vacancy re-renders that vacancy's pages and the lists, not the site.
#[derive(Default)]
pub struct PageCache {
    renderer: u64,
    site: Option<Site>,
    entries: VacancyPages,
    /// Archive pages by path, with the identity of what they list (see `list_key`).
    lists: ListPages,
    /// What the last build made and what it took from here.
    last: Reuse,
}

/// How much of a build came from a [`PageCache`]: `serve` reports it, and the tests
/// prove with it that an unchanged page is not rendered again.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reuse {
    /// Every page and file of the build.
    pub pages: usize,
    /// Those taken unchanged from the previous build.
    pub reused: usize,
}

impl PageCache {
    /// What the last build that used this cache made and reused.
    pub fn last(&self) -> Reuse {
        self.last
    }
}

type VacancyPages = HashMap<(Lang, String), CachedPage>;
type ListPages = HashMap<String, (Vec<usize>, Page)>;

/// What an archive page shows, as identities: the build date, the page number and
/// count, the categories record, and each listed vacancy with its unit and status.
fn list_key(index: &Index, number: usize, total: usize, items: &[&Shown]) -> Vec<usize> {
    let mut key = Vec::with_capacity(4 + items.len() * 3);
    key.push(index.today.year() as usize * 1000 + index.today.day_of_year() as usize);
    key.push(number);
    key.push(total);
    key.push(index.categories_addr());
    for s in items {
        key.push(Arc::as_ptr(s.vacancy) as usize);
        key.push(Arc::as_ptr(s.unit) as usize);
        key.push(s.status as usize);
    }
    key
}

struct CachedPage {
    vacancy: Arc<Vacancy>,
    unit: Arc<Unit>,
    requirement: Arc<Requirement>,
    category: Category,
    status: Status,
    today: Date,
    page: Page,
    /// The vacancy's embeddable fragment (`embed.html`), for an open one.
    embed: Option<Page>,
}

impl CachedPage {
    fn fits(&self, v: &Shown, today: Date) -> bool {
        Arc::ptr_eq(&self.vacancy, v.vacancy)
            && Arc::ptr_eq(&self.unit, v.unit)
            && Arc::ptr_eq(&self.requirement, v.requirement)
            && self.category == *v.category
            && self.status == v.status
            && self.today == today
    }
}

static RENDERER_IDS: AtomicU64 = AtomicU64::new(1);

/// Everything that does not change from one build to the next while the theme stays the
/// same: the compiled templates, the UI strings, the collators and the static assets.
/// `serve` keeps one and re-renders with it.
pub struct Renderer {
    /// Tells page caches made by another renderer (another theme) apart.
    id: u64,
    tera: Tera,
    ui: Arc<UiStrings>,
    collators: Collators,
    /// Static files with their fingerprinted output paths.
    assets: Vec<Page>,
    /// Theme path (relative to `static/`) → output path.
    asset_paths: BTreeMap<String, String>,
    /// Template name → the file it came from (the site's override or the built-in one),
    /// for the location of a template's problems.
    origins: HashMap<String, String>,
}

/// The UI strings of both languages.
pub struct UiStrings {
    kk: Bundle,
    ru: Bundle,
}

impl UiStrings {
    pub fn bundle(&self, lang: Lang) -> &Bundle {
        match lang {
            Lang::Kk => &self.kk,
            Lang::Ru => &self.ru,
        }
    }

    /// A UI string; a missing key yields the key itself (the theme check reports it).
    pub fn text(&self, lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
        self.bundle(lang)
            .format(key, args)
            .unwrap_or_else(|| key.to_string())
    }
}

impl Renderer {
    /// Compiles the theme and the UI strings, reporting every problem found.
    pub fn new(theme: &Theme) -> Result<Renderer, Vec<RenderProblem>> {
        let mut problems = Vec::new();
        let ui = load_ui(theme, &mut problems).map(Arc::new);
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        // Functions must exist before templates are compiled: tera checks every call.
        let for_t = ui.clone();
        tera.register_function(
            "t",
            move |kwargs: Kwargs, state: &State| -> tera::TeraResult<String> {
                match &for_t {
                    Some(ui) => translate(ui, &kwargs, state),
                    None => Err(tera::Error::message("the UI strings have errors")),
                }
            },
        );
        let origins: HashMap<String, String> = theme
            .templates
            .iter()
            .map(|t| (t.name.clone(), t.origin.clone()))
            .collect();
        // All at once, so that a template may extend one that sorts after it.
        if let Err(e) = tera.add_raw_templates(
            theme
                .templates
                .iter()
                .map(|t| (t.name.as_str(), t.body.as_ref())),
        ) {
            problems.push(template_problem(&origins, None, &e));
        }
        for name in TEMPLATES {
            if theme.template(name).is_none() {
                problems.push(RenderProblem::new(
                    format!("themes/default/templates/{name}"),
                    Message::new("template-error")
                        .arg("detail", format!("the theme has no template {name}")),
                ));
            }
        }
        let (assets, asset_paths) = fingerprint(&theme.assets);
        let Some(ui) = ui else { return Err(problems) };
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Renderer {
            id: RENDERER_IDS.fetch_add(1, Ordering::Relaxed),
            tera,
            ui,
            collators: Collators::new(),
            assets,
            asset_paths,
            origins,
        })
    }

    pub fn ui(&self) -> &UiStrings {
        &self.ui
    }

    /// Renders the whole site into memory, pages sorted by path. `site` must have
    /// passed `check` without errors.
    pub fn render(
        &self,
        site: &ResolvedSite,
        today: Date,
    ) -> Result<Vec<Page>, Vec<RenderProblem>> {
        let pages = Mutex::new(Vec::new());
        self.render_with(
            site,
            today,
            &|page| {
                if let Ok(mut pages) = pages.lock() {
                    pages.push(page);
                }
            },
            None,
        )?;
        let mut pages = pages.into_inner().unwrap_or_else(|e| e.into_inner());
        pages.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(pages)
    }

    /// Renders the whole site, handing each page to `sink` as soon as it is made (from
    /// several threads), so that a large site never sits in memory whole.
    pub fn render_with(
        &self,
        site: &ResolvedSite,
        today: Date,
        sink: &(dyn Fn(Page) + Sync),
        cache: Option<&mut PageCache>,
    ) -> Result<(), Vec<RenderProblem>> {
        let index = Index::new(site, today);
        // The emblem site.yaml names is one of the theme's static files.
        if let Some(emblem) = &index.site.emblem
            && !self.asset_paths.contains_key(emblem.value.as_str())
        {
            return Err(vec![
                RenderProblem::new(
                    "content/site.yaml",
                    Message::new("emblem-missing").arg("path", emblem.value.as_str()),
                )
                .at(emblem.pos),
            ]);
        }
        // A cache from another theme or other site settings is of no use.
        let previous = match &cache {
            Some(c) if c.renderer == self.id && c.site.as_ref() == Some(index.site) => {
                Some(&c.entries)
            }
            _ => None,
        };
        let previous_lists = match &cache {
            Some(c) if previous.is_some() => Some(&c.lists),
            _ => None,
        };
        let emitted = AtomicUsize::new(0);
        let reused = AtomicUsize::new(0);
        let counted = |page: Page| {
            emitted.fetch_add(1, Ordering::Relaxed);
            sink(page);
        };
        let sink: &(dyn Fn(Page) + Sync) = &counted;
        let next = Mutex::new(HashMap::new());
        let next_lists = Mutex::new(HashMap::new());
        // Without a cache to fill (`kadr build`), pages are not kept: a large site never
        // sits in memory whole.
        let keep = cache.is_some().then_some((&next, &next_lists));
        let mut problems = Vec::new();
        for lang in Lang::ALL {
            problems.extend(self.render_language(
                &index,
                lang,
                sink,
                (previous, previous_lists),
                keep,
                &reused,
            ));
        }
        if problems.is_empty() {
            sink(feeds::root_redirect(&index));
            sink(feeds::sitemap(&index));
            sink(feeds::json_schema());
            for asset in &self.assets {
                sink(asset.clone());
            }
        }
        if let Some(cache) = cache {
            cache.renderer = self.id;
            cache.site = Some(index.site.clone());
            cache.entries = next.into_inner().unwrap_or_else(|e| e.into_inner());
            cache.lists = next_lists.into_inner().unwrap_or_else(|e| e.into_inner());
            cache.last = Reuse {
                pages: emitted.into_inner(),
                reused: reused.into_inner(),
            };
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(())
    }

    fn render_language(
        &self,
        index: &Index,
        lang: Lang,
        sink: &(dyn Fn(Page) + Sync),
        (previous, previous_lists): (Option<&VacancyPages>, Option<&ListPages>),
        keep: Option<(&Mutex<VacancyPages>, &Mutex<ListPages>)>,
        reused: &AtomicUsize,
    ) -> Vec<RenderProblem> {
        let site = views::SiteView::new(index, lang, &self.asset_paths);
        let site_value = Value::from_serializable(&site);
        let shown = index.published();
        let requirements = views::requirement_views(index, lang);

        let mut problems: Vec<RenderProblem> = shown
            .par_iter()
            .filter_map(|v| {
                let key = (lang, v.vacancy.id.value.clone());
                let cached = previous
                    .and_then(|p| p.get(&key))
                    .filter(|c| c.fits(v, index.today))
                    .map(|c| (c.page.clone(), c.embed.clone()))
                    .inspect(|(_, embed)| {
                        reused.fetch_add(1 + usize::from(embed.is_some()), Ordering::Relaxed);
                    });
                let (page, embed) = match cached {
                    Some(pages) => pages,
                    None => {
                        let page = views::PageView::vacancy(index, lang, v);
                        let requirement = requirements.get(v.requirement.id.value.as_str())?;
                        let logo = index
                            .site
                            .emblem
                            .as_ref()
                            .and_then(|e| self.asset_paths.get(e.value.as_str()))
                            .map(String::as_str);
                        let view =
                            views::VacancyView::new(index, lang, v, &self.ui, requirement, logo);
                        let mut ctx = self.context(&site_value, &page, lang);
                        ctx.insert("vacancy", &view);
                        let rendered = match self.render_template("vacancy.html", &ctx, &page.path)
                        {
                            Ok(p) => p,
                            Err(e) => return Some(e),
                        };
                        // The fragment for another site's page (the portal takes the open
                        // postings): the same view, its links absolute (`root` is the
                        // site's address).
                        if !v.is_open() {
                            (rendered, None)
                        } else {
                            let base = format!("{}/", index.base());
                            ctx.insert("root", &base);
                            let embed_path = format!("{}embed.html", index.vacancy_dir(lang, v.id));
                            match self.render_template("embed-vacancy.html", &ctx, &embed_path) {
                                Ok(embed) => (rendered, Some(embed)),
                                Err(e) => return Some(e),
                            }
                        }
                    }
                };
                if let Some(Ok(mut next)) = keep.map(|(next, _)| next.lock()) {
                    next.insert(
                        key,
                        CachedPage {
                            vacancy: Arc::clone(v.vacancy),
                            unit: Arc::clone(v.unit),
                            requirement: Arc::clone(v.requirement),
                            category: v.category.clone(),
                            status: v.status,
                            today: index.today,
                            page: page.clone(),
                            embed: embed.clone(),
                        },
                    );
                }
                sink(page);
                if let Some(embed) = embed {
                    sink(embed);
                }
                None
            })
            .collect();
        let mut emit = |r: Result<Page, RenderProblem>| match r {
            Ok(p) => sink(p),
            Err(e) => problems.push(e),
        };

        // The list of open vacancies, grouped by unit.
        let groups = views::unit_groups(index, lang, shown, &self.collators, &self.ui);
        let open_count: usize = groups.iter().map(|g| g.vacancies.len()).sum();
        let page = views::PageView::list(index, lang);
        let mut ctx = self.context(&site_value, &page, lang);
        ctx.insert("groups", &groups);
        // The filter pages (by unit, by category), and the list's menu that links them.
        ctx.insert(
            "filters",
            &filters::render(self, index, lang, shown, &site_value, &mut emit),
        );
        ctx.insert("count", &open_count);
        let count_text = self
            .ui
            .text(lang, "vacancies-count", &[("count", Arg::from(open_count))]);
        ctx.insert("count_text", &count_text);
        emit(self.render_template("list.html", &ctx, &page.path));

        // The list as a fragment for another site's page, its links absolute.
        let base = format!("{}/", index.base());
        let mut ctx = self.context(&site_value, &page, lang);
        ctx.insert("root", &base);
        ctx.insert(
            "groups",
            &views::unit_groups_with_root(index, lang, shown, &self.collators, &self.ui, &base),
        );
        ctx.insert("count_text", &count_text);
        let embed_path = format!("{}embed/index.html", index.list_dir(lang));
        emit(self.render_template("embed-list.html", &ctx, &embed_path));

        // The archive, 50 a page, rendered in parallel.
        let archived: Vec<&Shown> = shown.iter().filter(|v| !v.is_open()).collect();
        let pages = views::paginate(archived.len(), views::ARCHIVE_PAGE_SIZE);
        let archive: Vec<Result<Page, RenderProblem>> = (1..=pages)
            .into_par_iter()
            .map(|number| {
                let start = (number - 1) * views::ARCHIVE_PAGE_SIZE;
                let listed: Vec<&Shown> = archived
                    .iter()
                    .skip(start)
                    .take(views::ARCHIVE_PAGE_SIZE)
                    .copied()
                    .collect();
                let page = views::PageView::archive(index, lang, number);
                let key = list_key(index, number, pages, &listed);
                if let Some((_, cached)) = previous_lists
                    .and_then(|l| l.get(&page.path))
                    .filter(|(k, _)| *k == key)
                {
                    if let Some(Ok(mut next)) = keep.map(|(_, lists)| lists.lock()) {
                        next.insert(page.path.clone(), (key, cached.clone()));
                    }
                    reused.fetch_add(1, Ordering::Relaxed);
                    return Ok(cached.clone());
                }
                let root = views::archive_root(index, lang, number);
                let items: Vec<views::CardView> = listed
                    .iter()
                    .map(|v| views::CardView::new(index, lang, v, &self.ui, &root))
                    .collect();
                let mut ctx = self.context(&site_value, &page, lang);
                ctx.insert("vacancies", &items);
                ctx.insert(
                    "pagination",
                    &views::Pagination::new(index, lang, number, pages),
                );
                let rendered = self.render_template("archive.html", &ctx, &page.path)?;
                if let Some(Ok(mut next)) = keep.map(|(_, lists)| lists.lock()) {
                    next.insert(page.path.clone(), (key, rendered.clone()));
                }
                Ok(rendered)
            })
            .collect();
        for r in archive {
            emit(r);
        }

        let page = views::PageView::not_found(index, lang);
        let ctx = self.context(&site_value, &page, lang);
        emit(self.render_template("404.html", &ctx, &page.path));

        sink(feeds::atom(index, lang, shown, &self.ui));
        sink(feeds::json(index, lang, shown, &self.ui, &requirements));
        problems
    }

    fn context(&self, site: &Value, page: &views::PageView, lang: Lang) -> Context {
        let mut ctx = Context::new();
        ctx.insert_value("site", site.clone());
        ctx.insert("page", page);
        ctx.insert("lang", lang.code());
        ctx.insert("root", &page.root);
        ctx
    }

    fn render_template(
        &self,
        name: &str,
        ctx: &Context,
        path: &str,
    ) -> Result<Page, RenderProblem> {
        // Straight into bytes: `render` would validate the whole page as UTF-8 again.
        let mut bytes = Vec::with_capacity(32 * 1024);
        match self.tera.render_to(name, ctx, &mut bytes) {
            Ok(()) => Ok(Page {
                path: path.to_string(),
                bytes: bytes.into(),
            }),
            Err(e) => Err(template_problem(&self.origins, Some((name, path)), &e)),
        }
    }
}

/// A template's problem, located in the file the template came from: at the line and
/// column tera names when it names one (a syntax error, a failing expression), else at
/// the start of the template being compiled or rendered. `rendering` is the template
/// and the page it was rendering.
fn template_problem(
    origins: &HashMap<String, String>,
    rendering: Option<(&str, &str)>,
    e: &tera::Error,
) -> RenderProblem {
    let report = match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => Some(r),
        _ => None,
    };
    let template = report
        .map(|r| r.filename())
        .filter(|f| !f.is_empty())
        .or(rendering.map(|(name, _)| name));
    let file = template.map_or_else(
        || "themes/default/templates".to_string(),
        |t| {
            origins
                .get(t)
                .cloned()
                .unwrap_or_else(|| format!("themes/default/templates/{t}"))
        },
    );
    let detail = match report {
        Some(r) => r.message().split_whitespace().collect::<Vec<_>>().join(" "),
        None => tera_error(e),
    };
    let detail = match rendering {
        Some((_, page)) => format!("{page}: {detail}"),
        None => detail,
    };
    let problem = RenderProblem::new(file, Message::new("template-error").arg("detail", detail));
    match report {
        Some(r) => {
            let span = r.span();
            let line = u32::try_from(span.start_line).unwrap_or(u32::MAX).max(1);
            let col = u32::try_from(span.start_col + 1).unwrap_or(u32::MAX);
            problem.at(Pos::new(line, col))
        }
        None => problem,
    }
}

/// A tera error with its causes, on one line.
fn tera_error(e: &tera::Error) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `t(key="…", n=3, …)` in a template: the UI string `key` in the page's language.
fn translate(ui: &UiStrings, kwargs: &Kwargs, state: &State) -> tera::TeraResult<String> {
    let key: String = kwargs.must_get("key")?;
    let lang = state
        .get::<String>("lang")?
        .and_then(|l| Lang::from_code(&l))
        .ok_or_else(|| tera::Error::message("t(): the page has no `lang`"))?;
    let mut args: Vec<(String, Arg)> = Vec::new();
    for (k, v) in kwargs.iter() {
        let Some(name) = k.as_str() else { continue };
        if name == "key" {
            continue;
        }
        let arg = match (v.as_i64(), v.as_str()) {
            (Some(n), _) => Arg::Num(n),
            (None, Some(s)) => Arg::Str(s.to_string()),
            _ => Arg::Str(v.to_string()),
        };
        args.push((name.to_string(), arg));
    }
    let args: Vec<(&str, Arg)> = args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    ui.bundle(lang)
        .format(&key, &args)
        .ok_or_else(|| tera::Error::message(format!("no UI string `{key}` for {lang}")))
}

fn load_ui(theme: &Theme, problems: &mut Vec<RenderProblem>) -> Option<UiStrings> {
    let mut bundles = Vec::new();
    let mut ids: Vec<(Lang, Vec<String>)> = Vec::new();
    for lang in Lang::ALL {
        let files = theme.locale_files(lang);
        // The site's strings are laid over the built-in ones, key by key.
        let (base, overrides): (Vec<_>, Vec<_>) = files.iter().partition(|f| !f.from_site);
        let named = |files: Vec<&kadr_model::ThemeFile<std::borrow::Cow<'static, str>>>| {
            files
                .into_iter()
                .map(|f| (f.origin.clone(), f.body.to_string()))
                .collect::<Vec<_>>()
        };
        let mut lang_ids: Vec<String> = files
            .iter()
            .flat_map(|f| Bundle::message_ids(&f.body))
            .collect();
        lang_ids.sort();
        lang_ids.dedup();
        ids.push((lang, lang_ids));
        match Bundle::layered(lang.code(), &named(base), &named(overrides)) {
            Ok(b) => bundles.push(Some(b)),
            Err(errors) => {
                for e in errors {
                    problems.push(RenderProblem::new(
                        e.source_name,
                        Message::new("locale-error").arg("detail", e.message),
                    ));
                }
                bundles.push(None);
            }
        }
    }
    // A key in one language but not the other is an untranslated UI string (of the
    // strings as merged: an override in one language only is no gap).
    for (lang, lang_ids) in &ids {
        let (_, other) = ids.iter().find(|(l, _)| l != lang)?;
        for id in lang_ids {
            if other.binary_search(id).is_err() {
                problems.push(RenderProblem::new(
                    format!("locales/{}", lang.other().code()),
                    Message::new("locale-missing-key")
                        .arg("key", id.as_str())
                        .arg("lang", lang.other().code()),
                ));
            }
        }
    }
    for key in UI_KEYS {
        for (lang, lang_ids) in &ids {
            if lang_ids
                .binary_search_by(|id| id.as_str().cmp(key))
                .is_err()
            {
                problems.push(RenderProblem::new(
                    format!("locales/{}", lang.code()),
                    Message::new("locale-missing-key")
                        .arg("key", *key)
                        .arg("lang", lang.code()),
                ));
            }
        }
    }
    let ru = bundles.pop()??;
    let kk = bundles.pop()??;
    Some(UiStrings { kk, ru })
}

/// Static files get a content hash in their name (`style.css` → `assets/style.1a2b3c4d5e.css`)
/// so that browsers may cache them forever and still see every change.
fn fingerprint(
    assets: &[kadr_model::ThemeFile<std::borrow::Cow<'static, [u8]>>],
) -> (Vec<Page>, BTreeMap<String, String>) {
    let mut pages = Vec::new();
    let mut paths = BTreeMap::new();
    for asset in assets {
        let (rel, bytes) = (&asset.name, &asset.body);
        let hash = Sha256::digest(bytes);
        let hex: String = hash.iter().take(5).map(|b| format!("{b:02x}")).collect();
        let out = match rel.rsplit_once('.') {
            Some((stem, ext)) if !stem.is_empty() && !ext.contains('/') => {
                format!("assets/{stem}.{hex}.{ext}")
            }
            _ => format!("assets/{rel}.{hex}"),
        };
        paths.insert(rel.clone(), out.clone());
        pages.push(Page {
            path: out,
            bytes: Arc::from(bytes.as_ref()),
        });
    }
    (pages, paths)
}
