//! Filter pages: the open vacancies of one unit (`{lang}/{slug}/unit/{id}/`) or of one
//! category (`{lang}/{slug}/category/{code}/`, the code lower-cased), pre-rendered so
//! that filtering works without JavaScript, and the filter menu that links them from the
//! list page. A unit or category has a page while it has an open vacancy; the theme's
//! script only enhances the list page with instant filtering, it is never needed.

use serde::Serialize;
use tera::Value;

use crate::views::{self, Index, PageView, Shown};
use crate::{Page, RenderProblem, Renderer};
use kadr_i18n::Arg;
use kadr_model::{Category, Lang, Unit};

/// What a filter page selects: the open vacancies of one unit or of one category.
#[derive(Clone, Copy)]
pub enum Filter<'a> {
    Unit(&'a Unit),
    Category(&'a Category),
}

impl Filter<'_> {
    /// The page's folder in `lang`, relative to the output root.
    pub fn dir(&self, index: &Index, lang: Lang) -> String {
        match self {
            Filter::Unit(u) => index.unit_filter_dir(lang, &u.id.value),
            Filter::Category(c) => index.category_filter_dir(lang, &c.code.value),
        }
    }

    pub(crate) fn matches(&self, s: &Shown) -> bool {
        match self {
            Filter::Unit(u) => s.unit.id.value == u.id.value,
            Filter::Category(c) => s.category.code.value == c.code.value,
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            Filter::Unit(_) => "unit",
            Filter::Category(_) => "category",
        }
    }

    /// The unit's id or the category's code.
    fn value(&self) -> &str {
        match self {
            Filter::Unit(u) => &u.id.value,
            Filter::Category(c) => &c.code.value,
        }
    }

    fn name(&self, lang: Lang) -> &str {
        match self {
            Filter::Unit(u) => u.name.get(lang),
            Filter::Category(c) => c.name.get(lang),
        }
    }

    fn same(&self, other: &Filter) -> bool {
        self.kind() == other.kind() && self.value() == other.value()
    }
}

/// Every filter page the site has, units first, then categories in the order of
/// categories.yaml: those with at least one open vacancy on the build date. The order
/// of units here is by id; menus sort them by name in each language.
pub fn filters<'a>(index: &Index<'a>) -> Vec<Filter<'a>> {
    let open: Vec<&Shown<'a>> = index.published().iter().filter(|s| s.is_open()).collect();
    let mut units: Vec<&'a Unit> = open.iter().map(|s| &**s.unit).collect();
    units.sort_by(|a, b| a.id.value.cmp(&b.id.value));
    units.dedup_by(|a, b| a.id.value == b.id.value);
    let mut categories: Vec<&'a Category> = open.iter().map(|s| s.category).collect();
    categories.sort_by(|a, b| {
        index
            .category_rank(&a.code.value)
            .cmp(&index.category_rank(&b.code.value))
            .then_with(|| a.code.value.cmp(&b.code.value))
    });
    categories.dedup_by(|a, b| a.code.value == b.code.value);
    units
        .into_iter()
        .map(Filter::Unit)
        .chain(categories.into_iter().map(Filter::Category))
        .collect()
}

/// One entry of the filter menu.
#[derive(Serialize)]
pub struct FilterLink {
    /// The unit's id or the category's code (the value of the instant filter's option).
    pub value: String,
    /// The category's code, shown before its name; `None` for a unit.
    pub code: Option<String>,
    pub name: String,
    pub count: usize,
    pub count_text: String,
    pub href: String,
    /// This is the page being shown.
    pub current: bool,
}

/// The filter menu of one page: links to every filter page, relative to that page.
#[derive(Serialize)]
pub struct FilterMenu {
    pub units: Vec<FilterLink>,
    pub categories: Vec<FilterLink>,
    /// All open vacancies: the list page.
    pub all_href: String,
    pub all_count_text: String,
    /// Texts of the vacancy count for the instant filter's plural forms (CLDR
    /// categories), each written for one example number that the script replaces.
    pub plural_examples: PluralExamples,
}

#[derive(Serialize)]
pub struct PluralExamples {
    pub zero: String,
    pub one: String,
    pub few: String,
    pub many: String,
    pub other: String,
}

/// What a filter page shows besides its vacancies.
#[derive(Serialize)]
struct FilterView<'a> {
    /// `unit` or `category`.
    kind: &'static str,
    value: &'a str,
    name: &'a str,
    count: usize,
    count_text: String,
}

/// The filter pages of one language, and what their menus are made from.
struct FilterSet<'a, 'i> {
    renderer: &'a Renderer,
    index: &'a Index<'i>,
    lang: Lang,
    open: Vec<Shown<'i>>,
    filters: Vec<Filter<'i>>,
}

impl FilterSet<'_, '_> {
    fn count_text(&self, n: usize) -> String {
        self.renderer
            .ui
            .text(self.lang, "vacancies-count", &[("count", Arg::from(n))])
    }

    /// The menu as seen from the page in folder `page_dir`, `current` marked.
    fn menu(&self, page_dir: &str, current: Option<&Filter>) -> FilterMenu {
        let root = views::root_of(page_dir);
        let (index, lang) = (self.index, self.lang);
        let link = |f: &Filter| {
            let count = self.open.iter().filter(|s| f.matches(s)).count();
            FilterLink {
                value: f.value().to_string(),
                code: matches!(f, Filter::Category(_)).then(|| f.value().to_string()),
                name: f.name(lang).to_string(),
                count,
                count_text: self.count_text(count),
                href: format!("{root}{}", f.dir(index, lang)),
                current: current.is_some_and(|c| c.same(f)),
            }
        };
        let mut units: Vec<(&Filter, FilterLink)> = self
            .filters
            .iter()
            .filter(|f| matches!(f, Filter::Unit(_)))
            .map(|f| (f, link(f)))
            .collect();
        units.sort_by(|a, b| {
            self.renderer
                .collators
                .compare(lang, &a.1.name, &b.1.name)
                .then_with(|| a.0.value().cmp(b.0.value()))
        });
        let categories = self
            .filters
            .iter()
            .filter(|f| matches!(f, Filter::Category(_)))
            .map(link)
            .collect();
        FilterMenu {
            units: units.into_iter().map(|(_, l)| l).collect(),
            categories,
            all_href: format!("{root}{}", index.list_dir(lang)),
            all_count_text: self.count_text(self.open.len()),
            plural_examples: PluralExamples {
                zero: self.count_text(0),
                one: self.count_text(1),
                few: self.count_text(2),
                many: self.count_text(5),
                other: self.count_text(5),
            },
        }
    }
}

/// Renders the filter pages of one language, handing each to `emit`, and returns the
/// list page's filter menu.
pub(super) fn render(
    renderer: &Renderer,
    index: &Index,
    lang: Lang,
    shown: &[Shown],
    site: &Value,
    emit: &mut dyn FnMut(Result<Page, RenderProblem>),
) -> FilterMenu {
    let set = FilterSet {
        renderer,
        index,
        lang,
        open: shown.iter().filter(|s| s.is_open()).copied().collect(),
        filters: filters(index),
    };
    for filter in &set.filters {
        let dir = filter.dir(index, lang);
        let matching: Vec<Shown> = set
            .open
            .iter()
            .filter(|s| filter.matches(s))
            .copied()
            .collect();
        let name = filter.name(lang);
        let crumb = match filter {
            Filter::Unit(_) => name.to_string(),
            Filter::Category(c) => format!("{} · {name}", c.code.value),
        };
        let page = PageView::filter(index, lang, |l| filter.dir(index, l), crumb.clone(), crumb);
        let groups = views::unit_groups_on(
            index,
            lang,
            &matching,
            &renderer.collators,
            &renderer.ui,
            &dir,
        );
        let mut ctx = renderer.context(site, &page, lang);
        ctx.insert(
            "filter",
            &FilterView {
                kind: filter.kind(),
                value: filter.value(),
                name,
                count: matching.len(),
                count_text: set.count_text(matching.len()),
            },
        );
        ctx.insert("groups", &groups);
        ctx.insert("filters", &set.menu(&dir, Some(filter)));
        emit(renderer.render_template("filter.html", &ctx, &page.path));
    }
    set.menu(&index.list_dir(lang), None)
}
