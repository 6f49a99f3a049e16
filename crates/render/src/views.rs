//! What templates see: small, serialisable views of the model in one language. A page's
//! context holds only what that page shows (never the whole site), so that rendering
//! stays fast and lean on large archives.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use jiff::civil::Date;
use serde::Serialize;

use crate::UiStrings;
use crate::collate::Collators;
use crate::dates::long_date;
use kadr_i18n::Arg;
use kadr_markdown::{to_html, to_plain_text};
use kadr_model::{
    Category, Lang, Requirement, ResolvedSite, Salary, Site, Status, Unit, Vacancy, VacancyId,
};

pub const ARCHIVE_PAGE_SIZE: usize = 50;

/// A resolved site as the pages of one build date see it.
pub struct Index<'a> {
    pub site: &'a Site,
    pub today: Date,
    resolved: &'a ResolvedSite,
    /// Published vacancies, newest first.
    published: Vec<Shown<'a>>,
    /// `base_url` as every output writes it: the host in its ASCII (punycode) form and
    /// the path percent-encoded (sitemaps and feeds take ASCII addresses only), without
    /// a trailing slash.
    base: String,
}

/// A published vacancy with the status it is shown with on the build date.
#[derive(Clone, Copy)]
pub struct Shown<'a> {
    pub id: &'a VacancyId,
    pub vacancy: &'a Arc<Vacancy>,
    pub unit: &'a Arc<Unit>,
    pub category: &'a Category,
    pub requirement: &'a Arc<Requirement>,
    /// `Open` only while the deadline has not passed; an open vacancy past its deadline
    /// is shown as `Closed`.
    pub status: Status,
}

impl Shown<'_> {
    pub fn is_open(&self) -> bool {
        self.status == Status::Open
    }
}

impl<'a> Index<'a> {
    pub fn new(resolved: &'a ResolvedSite, today: Date) -> Index<'a> {
        let site = &*resolved.site;
        let mut published = Vec::new();
        for v in &resolved.vacancies {
            // SPEC.md: a draft is not published, nor a posting dated after the build date.
            if *v.status == Status::Draft || *v.published_on > today {
                continue;
            }
            let status = match *v.status {
                Status::Open if *v.deadline < today => Status::Closed,
                s => s,
            };
            published.push(Shown {
                id: &v.id,
                vacancy: &v.record,
                unit: &v.unit,
                category: resolved.category_of(v),
                requirement: &v.requirement,
                status,
            });
        }
        published.sort_by(|a, b| {
            b.vacancy
                .published_on
                .value
                .cmp(&a.vacancy.published_on.value)
                .then_with(|| a.id.cmp(b.id))
        });
        let base = match url::Url::parse(&site.base_url) {
            Ok(url) => url.as_str().trim_end_matches('/').to_string(),
            Err(_) => site.base_url.trim_end_matches('/').to_string(),
        };
        Index {
            base,
            site,
            today,
            resolved,
            published,
        }
    }

    /// The address of the categories record: a page cache's way to tell it unchanged.
    /// (Not the address of a category in `categories`: a map's order differs from one
    /// build to the next, and with it its "first" entry.)
    pub fn categories_addr(&self) -> usize {
        Arc::as_ptr(&self.resolved.categories) as usize
    }

    pub fn published(&self) -> &[Shown<'a>] {
        &self.published
    }

    pub fn slug(&self, lang: Lang) -> &str {
        &self.site.section.get(lang).slug
    }

    pub fn default_lang(&self) -> Lang {
        self.site.languages.first().copied().unwrap_or(Lang::Kk)
    }

    /// The base URL without a trailing slash, ASCII as addresses are written.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// Path (relative to the output root) of the list page's folder, ending in `/`.
    pub fn list_dir(&self, lang: Lang) -> String {
        format!("{}/{}/", lang.code(), self.slug(lang))
    }

    pub fn vacancy_dir(&self, lang: Lang, id: &VacancyId) -> String {
        format!("{}{}/", self.list_dir(lang), id)
    }

    pub fn archive_dir(&self, lang: Lang, page: usize) -> String {
        if page <= 1 {
            format!("{}archive/", self.list_dir(lang))
        } else {
            format!("{}archive/page/{page}/", self.list_dir(lang))
        }
    }

    /// The filter page of one unit's open vacancies.
    pub fn unit_filter_dir(&self, lang: Lang, unit: &str) -> String {
        format!("{}unit/{unit}/", self.list_dir(lang))
    }

    /// The filter page of one category's open vacancies; codes are ASCII
    /// (`[A-Za-z0-9-]`), lower-cased in addresses.
    pub fn category_filter_dir(&self, lang: Lang, code: &str) -> String {
        format!(
            "{}category/{}/",
            self.list_dir(lang),
            code.to_ascii_lowercase()
        )
    }

    /// The position of a category in categories.yaml, for ordering by rank.
    pub fn category_rank(&self, code: &str) -> usize {
        self.resolved.category_rank(code).unwrap_or(usize::MAX)
    }

    pub fn absolute(&self, dir: &str) -> String {
        format!("{}/{}", self.base(), dir)
    }

    pub fn unit(&self, id: &str) -> Option<&'a Unit> {
        self.resolved.unit(id).map(|u| &**u)
    }

    pub fn category(&self, code: &str) -> Option<&'a Category> {
        self.resolved.category(code)
    }

    pub fn requirement(&self, id: &str) -> Option<&'a Requirement> {
        self.resolved.requirement(id).map(|r| &**r)
    }
}

/// The number of pages needed for `n` items, at least one.
pub fn paginate(n: usize, per_page: usize) -> usize {
    n.div_ceil(per_page).max(1)
}

/// The output path of the site's icon: its emblem's, else the theme's `favicon.svg`.
pub fn icon_path(index: &Index, assets: &BTreeMap<String, String>) -> String {
    index
        .site
        .emblem
        .as_ref()
        .and_then(|e| assets.get(e.value.as_str()))
        .or_else(|| assets.get("favicon.svg"))
        .cloned()
        .unwrap_or_default()
}

/// The media type of an icon, from its name.
fn media_type(path: &str) -> &'static str {
    match path
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
    {
        Some(ext) if ext == "png" => "image/png",
        Some(ext) if ext == "ico" => "image/x-icon",
        Some(ext) if ext == "jpg" || ext == "jpeg" => "image/jpeg",
        _ => "image/svg+xml",
    }
}

/// The address of a unit as officials write it: postcode, region, town, street.
pub fn full_address(unit: &Unit, lang: Lang) -> String {
    let mut parts: Vec<&str> = Vec::new();
    if let Some(code) = &unit.postal_code {
        parts.push(code);
    }
    for t in [&unit.region, &unit.locality].into_iter().flatten() {
        parts.push(t.get(lang));
    }
    parts.push(unit.address.get(lang));
    parts.join(", ")
}

/// The pay as the page shows it: «640 000 – 780 000 теңге», «от 640 000 тенге».
pub fn salary_text(pay: &Salary, lang: Lang) -> String {
    let (min, max) = (
        tenge_amount(pay.min.value),
        pay.max.as_ref().map(|m| tenge_amount(m.value)),
    );
    match (max, lang) {
        (Some(max), Lang::Kk) => format!("{min} – {max} теңге"),
        (Some(max), Lang::Ru) => format!("{min} – {max} тенге"),
        (None, Lang::Kk) => format!("{min} теңгеден бастап"),
        (None, Lang::Ru) => format!("от {min} тенге"),
    }
}

/// An amount of tenge as officials write it: groups of three digits apart
/// («640 000»), with a no-break space so that a number never breaks across lines.
pub fn tenge_amount(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    out
}

/// `../` once per folder between a page and the output root.
pub(super) fn root_of(dir: &str) -> String {
    "../".repeat(dir.matches('/').count())
}

/// Site-wide values, the same on every page of a language. Paths are relative to the
/// output root; templates prefix them with the page's `root`.
#[derive(Serialize)]
pub struct SiteView {
    pub title: String,
    pub parent: String,
    pub section: String,
    pub lang: &'static str,
    pub other_lang: &'static str,
    pub base_url: String,
    pub list_path: String,
    pub archive_path: String,
    pub feed_path: String,
    pub json_path: String,
    pub assets: BTreeMap<String, String>,
    /// The icon: the ministry's emblem (site.yaml `emblem`), else the theme's favicon;
    /// a path below the output root.
    pub icon: String,
    /// Its media type.
    pub icon_type: &'static str,
    pub today: String,
}

impl SiteView {
    pub fn new(index: &Index, lang: Lang, assets: &BTreeMap<String, String>) -> SiteView {
        let names = index.site.section.get(lang);
        SiteView {
            title: index.site.title.get(lang).to_string(),
            parent: names.parent.value.clone(),
            section: names.title.value.clone(),
            lang: lang.code(),
            other_lang: lang.other().code(),
            base_url: index.base().to_string(),
            list_path: index.list_dir(lang),
            archive_path: index.archive_dir(lang, 1),
            feed_path: format!("{}atom.xml", index.list_dir(lang)),
            json_path: format!("{}vacancies.json", index.list_dir(lang)),
            assets: assets.clone(),
            icon: icon_path(index, assets),
            icon_type: media_type(&icon_path(index, assets)),
            today: long_date(index.today, lang),
        }
    }
}

#[derive(Serialize)]
pub struct Link {
    pub title: String,
    pub href: Option<String>,
}

#[derive(Serialize)]
pub struct Alternate {
    pub hreflang: &'static str,
    pub href: String,
}

#[derive(Serialize)]
pub struct OtherLanguage {
    pub code: &'static str,
    /// The language's own name, in that language.
    pub name: &'static str,
    pub href: String,
}

/// What every page has: where it is, its title, its translations, its breadcrumbs.
#[derive(Serialize)]
pub struct PageView {
    pub kind: &'static str,
    /// Output path of the file.
    pub path: String,
    /// Prefix that leads from this page to the output root.
    pub root: String,
    pub title: String,
    pub canonical: String,
    pub alternates: Vec<Alternate>,
    pub other: OtherLanguage,
    pub breadcrumbs: Vec<Link>,
}

impl PageView {
    fn new(
        index: &Index,
        lang: Lang,
        kind: &'static str,
        dir: impl Fn(Lang) -> String,
        title: String,
        crumb: Option<String>,
    ) -> PageView {
        let own = dir(lang);
        let root = root_of(&own);
        let names = index.site.section.get(lang);
        let mut breadcrumbs = vec![Link {
            title: names.parent.value.clone(),
            href: None,
        }];
        breadcrumbs.push(Link {
            title: names.title.value.clone(),
            href: (kind != "list").then(|| format!("{root}{}", index.list_dir(lang))),
        });
        if let Some(crumb) = crumb {
            breadcrumbs.push(Link {
                title: crumb,
                href: None,
            });
        }
        let mut alternates: Vec<Alternate> = Lang::ALL
            .iter()
            .map(|l| Alternate {
                hreflang: l.code(),
                href: index.absolute(&dir(*l)),
            })
            .collect();
        alternates.push(Alternate {
            hreflang: "x-default",
            href: index.absolute(&dir(index.default_lang())),
        });
        let other = lang.other();
        PageView {
            kind,
            path: format!("{own}index.html"),
            canonical: index.absolute(&own),
            other: OtherLanguage {
                code: other.code(),
                name: match other {
                    Lang::Kk => "Қазақша",
                    Lang::Ru => "Русский",
                },
                href: format!("{root}{}", dir(other)),
            },
            root,
            title,
            alternates,
            breadcrumbs,
        }
    }

    pub fn list(index: &Index, lang: Lang) -> PageView {
        let title = index.site.section.get(lang).title.value.clone();
        PageView::new(index, lang, "list", |l| index.list_dir(l), title, None)
    }

    pub fn vacancy(index: &Index, lang: Lang, v: &Shown) -> PageView {
        let title = v.vacancy.position.get(lang).to_string();
        let id = v.id;
        PageView::new(
            index,
            lang,
            "vacancy",
            |l| index.vacancy_dir(l, id),
            title.clone(),
            Some(title),
        )
    }

    pub fn archive(index: &Index, lang: Lang, page: usize) -> PageView {
        let title = index.site.section.get(lang).title.value.clone();
        let mut view = PageView::new(
            index,
            lang,
            "archive",
            |l| index.archive_dir(l, page),
            title,
            None,
        );
        view.title = String::new(); // the template composes "Archive — page N" from UI strings
        view
    }

    /// A filter page (see `filters.rs`): `dir` gives its folder in each language, `crumb`
    /// names the unit or category in the breadcrumbs.
    pub fn filter(
        index: &Index,
        lang: Lang,
        dir: impl Fn(Lang) -> String,
        title: String,
        crumb: String,
    ) -> PageView {
        PageView::new(index, lang, "filter", dir, title, Some(crumb))
    }

    /// A 404 page is served at any address, so its links are absolute.
    pub fn not_found(index: &Index, lang: Lang) -> PageView {
        let mut view = PageView::new(
            index,
            lang,
            "not-found",
            |l| index.list_dir(l),
            String::new(),
            None,
        );
        view.path = format!("{}/404.html", lang.code());
        view.root = format!("{}/", index.base());
        for crumb in &mut view.breadcrumbs {
            if crumb.href.is_some() {
                crumb.href = Some(index.absolute(&index.list_dir(lang)));
            }
        }
        view.other.href = index.absolute(&index.list_dir(lang.other()));
        view
    }
}

#[derive(Serialize)]
pub struct UnitView {
    pub id: String,
    pub name: String,
    pub address: String,
}

#[derive(Serialize)]
pub struct CategoryView {
    pub code: String,
    pub name: String,
}

#[derive(Serialize, Clone)]
pub struct RequirementView {
    pub id: String,
    pub source: String,
    pub education_html: String,
    pub experience_html: String,
    pub other_html: Option<String>,
    /// The selection stages, in order.
    pub selection: Vec<String>,
}

#[derive(Serialize)]
pub struct ContactsView {
    pub phone: Option<String>,
    pub phone_href: Option<String>,
    pub email: Option<String>,
    /// The officer to ask: name and position.
    pub person: Option<String>,
}

impl RequirementView {
    pub fn new(r: &Requirement, lang: Lang) -> RequirementView {
        RequirementView {
            id: r.id.value.clone(),
            source: r.source.get(lang).to_string(),
            education_html: to_html(r.education.get(lang)),
            experience_html: to_html(r.experience.get(lang)),
            other_html: r.other.as_ref().map(|t| to_html(t.get(lang))),
            selection: r
                .selection
                .iter()
                .map(|t| t.get(lang).to_string())
                .collect(),
        }
    }
}

/// The requirement records of a site rendered once per language: many vacancies share
/// one, and its Markdown need not be rendered for each.
pub fn requirement_views<'a>(index: &Index<'a>, lang: Lang) -> HashMap<&'a str, RequirementView> {
    index
        .resolved
        .requirements
        .iter()
        .map(|r| (r.id.value.as_str(), RequirementView::new(r, lang)))
        .collect()
}

/// Everything a vacancy page shows (P-form of RULES.md).
#[derive(Serialize)]
pub struct VacancyView<'r> {
    pub id: String,
    pub status: &'static str,
    pub status_label: String,
    pub is_open: bool,
    pub position: String,
    pub unit: UnitView,
    pub category: CategoryView,
    pub authority: String,
    pub placed_by: String,
    pub requirement: &'r RequirementView,
    pub duties_html: String,
    pub conditions_html: Option<String>,
    pub documents_html: String,
    pub published: String,
    pub published_iso: String,
    pub updated: Option<String>,
    pub updated_iso: Option<String>,
    pub deadline: String,
    pub deadline_iso: String,
    pub days_left: Option<i64>,
    pub days_left_text: Option<String>,
    pub contacts: ContactsView,
    pub competition_url: Option<String>,
    /// The pay as the page shows it («640 000 – 780 000 теңге»), if stated.
    pub salary: Option<String>,
    /// The highest special rank of the position.
    pub max_rank: Option<String>,
    /// The selection stages, in order: the vacancy's own, else its requirement record's.
    pub selection: Vec<String>,
    /// schema.org JobPosting, for open vacancies only; safe inside `<script>`.
    pub json_ld: Option<String>,
}

fn status_label(ui: &UiStrings, lang: Lang, status: Status) -> String {
    ui.text(lang, &format!("status-{}", status.name()), &[])
}

/// Days from `today` to the deadline inclusive of neither: 0 on the last day.
fn days_left(today: Date, deadline: Date) -> i64 {
    i64::from((deadline - today).get_days())
}

impl<'r> VacancyView<'r> {
    pub fn new(
        index: &Index,
        lang: Lang,
        s: &Shown,
        ui: &UiStrings,
        requirement: &'r RequirementView,
        logo: Option<&str>,
    ) -> VacancyView<'r> {
        let v = s.vacancy;
        let contacts = v.contacts.as_ref().unwrap_or(&s.unit.contacts);
        let phone = contacts.phone.as_ref().map(|p| p.value.clone());
        let days = s.is_open().then(|| days_left(index.today, *v.deadline));
        let duties_html = to_html(v.duties.get(lang));
        VacancyView {
            id: v.id.value.clone(),
            status: s.status.name(),
            status_label: status_label(ui, lang, s.status),
            is_open: s.is_open(),
            position: v.position.get(lang).to_string(),
            unit: UnitView {
                id: s.unit.id.value.clone(),
                name: s.unit.name.get(lang).to_string(),
                address: full_address(s.unit, lang),
            },
            category: CategoryView {
                code: s.category.code.value.clone(),
                name: s.category.name.get(lang).to_string(),
            },
            authority: ui.text(
                lang,
                &format!("authority-{}", v.appointing_authority.name()),
                &[],
            ),
            placed_by: ui.text(lang, &format!("placed-by-{}", v.placed_by.name()), &[]),
            requirement,
            duties_html: duties_html.clone(),
            conditions_html: v.conditions.as_ref().map(|t| to_html(t.get(lang))),
            documents_html: to_html(v.documents.get(lang)),
            published: long_date(*v.published_on, lang),
            published_iso: v.published_on.to_string(),
            updated: v.updated_on.as_ref().map(|d| long_date(**d, lang)),
            updated_iso: v.updated_on.as_ref().map(|d| d.to_string()),
            deadline: long_date(*v.deadline, lang),
            deadline_iso: v.deadline.to_string(),
            days_left: days,
            days_left_text: days.map(|n| ui.text(lang, "days-left", &[("n", Arg::Num(n))])),
            contacts: ContactsView {
                phone_href: phone.as_ref().map(|p| {
                    format!(
                        "tel:{}",
                        p.chars()
                            .filter(|c| *c == '+' || c.is_ascii_digit())
                            .collect::<String>()
                    )
                }),
                phone,
                email: contacts.email.as_ref().map(|e| e.value.clone()),
                person: contacts.person.as_ref().map(|p| p.get(lang).to_string()),
            },
            competition_url: v.competition_url.as_ref().map(|u| u.value.clone()),
            salary: v.salary.as_ref().map(|pay| salary_text(pay, lang)),
            max_rank: v.max_rank.as_ref().map(|t| t.get(lang).to_string()),
            selection: match &v.selection {
                Some(own) => own.iter().map(|t| t.get(lang).to_string()).collect(),
                None => requirement.selection.clone(),
            },
            json_ld: s
                .is_open()
                .then(|| job_posting(index, lang, s, &duties_html, requirement, logo)),
        }
    }
}

/// schema.org JobPosting as JSON, made safe to embed in `<script>`: `<`, `>` and `&`
/// are written as `\u003c` etc., so no text of a record can close the script element.
fn job_posting(
    index: &Index,
    lang: Lang,
    s: &Shown,
    duties_html: &str,
    r: &RequirementView,
    logo: Option<&str>,
) -> String {
    let v = s.vacancy;
    // What the posting says, as a search engine's reader needs it: duties, requirements,
    // the terms of service and the documents to submit.
    let mut description = String::with_capacity(4 * duties_html.len());
    description.push_str(duties_html);
    description.push_str(&r.education_html);
    description.push_str(&r.experience_html);
    if let Some(conditions) = &v.conditions {
        description.push_str(&to_html(conditions.get(lang)));
    }
    description.push_str(&to_html(v.documents.get(lang)));
    let mut organization = serde_json::json!({
        "@type": "GovernmentOrganization",
        "name": index.site.title.get(lang),
        "sameAs": index.base(),
    });
    if let Some(logo) = logo {
        organization["logo"] = format!("{}/{logo}", index.base()).into();
    }
    let mut address = serde_json::json!({
        "@type": "PostalAddress",
        "streetAddress": s.unit.address.get(lang),
        "addressCountry": "KZ",
    });
    if let Some(code) = &s.unit.postal_code {
        address["postalCode"] = code.value.clone().into();
    }
    if let Some(locality) = &s.unit.locality {
        address["addressLocality"] = locality.get(lang).into();
    }
    if let Some(region) = &s.unit.region {
        address["addressRegion"] = region.get(lang).into();
    }
    let mut posting = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": v.position.get(lang),
        "description": description,
        "identifier": {
            "@type": "PropertyValue",
            "name": index.site.title.get(lang),
            "value": v.id.value,
        },
        "datePosted": v.published_on.to_string(),
        "validThrough": format!("{}T23:59:59+05:00", v.deadline.value),
        "employmentType": "FULL_TIME",
        // Documents are submitted to the HR service, not on this page.
        "directApply": false,
        "hiringOrganization": organization,
        "jobLocation": {
            "@type": "Place",
            "name": s.unit.name.get(lang),
            "address": address,
        },
        "url": index.absolute(&index.vacancy_dir(lang, s.id)),
    });
    if let Some(pay) = &v.salary {
        let mut value = serde_json::json!({
            "@type": "QuantitativeValue",
            "minValue": pay.min.value,
            "unitText": "MONTH",
        });
        if let Some(max) = &pay.max {
            value["maxValue"] = max.value.into();
        }
        posting["baseSalary"] = serde_json::json!({
            "@type": "MonetaryAmount",
            "currency": "KZT",
            "value": value,
        });
    }
    escape_json_for_script(&posting.to_string())
}

pub fn escape_json_for_script(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// A vacancy in a list: the list of open ones and the archive.
#[derive(Serialize)]
pub struct CardView {
    pub id: String,
    pub href: String,
    pub position: String,
    pub unit: String,
    /// The unit's id and the category's code, for the list page's instant filter.
    pub unit_id: String,
    pub category: String,
    pub category_code: String,
    pub status: &'static str,
    pub status_label: String,
    pub published: String,
    pub published_iso: String,
    pub deadline: String,
    pub deadline_iso: String,
    pub days_left_text: Option<String>,
}

impl CardView {
    pub fn new(index: &Index, lang: Lang, s: &Shown, ui: &UiStrings, root: &str) -> CardView {
        let v = s.vacancy;
        CardView {
            id: v.id.value.clone(),
            href: format!("{root}{}", index.vacancy_dir(lang, s.id)),
            position: v.position.get(lang).to_string(),
            unit: s.unit.name.get(lang).to_string(),
            unit_id: s.unit.id.value.clone(),
            category: s.category.name.get(lang).to_string(),
            category_code: s.category.code.value.clone(),
            status: s.status.name(),
            status_label: status_label(ui, lang, s.status),
            published: long_date(*v.published_on, lang),
            published_iso: v.published_on.to_string(),
            deadline: long_date(*v.deadline, lang),
            deadline_iso: v.deadline.to_string(),
            days_left_text: s.is_open().then(|| {
                ui.text(
                    lang,
                    "days-left",
                    &[("n", Arg::Num(days_left(index.today, *v.deadline)))],
                )
            }),
        }
    }
}

#[derive(Serialize)]
pub struct UnitGroup {
    pub id: String,
    pub name: String,
    pub count_text: String,
    pub vacancies: Vec<CardView>,
}

/// Open vacancies grouped by unit: units in the language's alphabetical order, and in
/// each unit the newest first (ties in alphabetical order of the position).
pub fn unit_groups(
    index: &Index,
    lang: Lang,
    shown: &[Shown],
    collators: &Collators,
    ui: &UiStrings,
) -> Vec<UnitGroup> {
    unit_groups_on(index, lang, shown, collators, ui, &index.list_dir(lang))
}

/// [`unit_groups`] for a page in the folder `page_dir` (its links are relative to it).
pub fn unit_groups_on(
    index: &Index,
    lang: Lang,
    shown: &[Shown],
    collators: &Collators,
    ui: &UiStrings,
    page_dir: &str,
) -> Vec<UnitGroup> {
    unit_groups_with_root(index, lang, shown, collators, ui, &root_of(page_dir))
}

/// [`unit_groups`] whose links start with `root` (the site's address, for a fragment
/// shown on another site).
pub fn unit_groups_with_root(
    index: &Index,
    lang: Lang,
    shown: &[Shown],
    collators: &Collators,
    ui: &UiStrings,
    root: &str,
) -> Vec<UnitGroup> {
    let mut by_unit: BTreeMap<&str, Vec<&Shown>> = BTreeMap::new();
    for s in shown.iter().filter(|s| s.is_open()) {
        by_unit.entry(s.unit.id.value.as_str()).or_default().push(s);
    }
    let mut groups: Vec<(&Unit, Vec<&Shown>)> = by_unit
        .into_values()
        .map(|list| (&**list[0].unit, list))
        .collect();
    groups.sort_by(|a, b| {
        collators
            .compare(lang, a.0.name.get(lang), b.0.name.get(lang))
            .then_with(|| a.0.id.value.cmp(&b.0.id.value))
    });
    groups
        .into_iter()
        .map(|(unit, mut list)| {
            list.sort_by(|a, b| {
                b.vacancy
                    .published_on
                    .value
                    .cmp(&a.vacancy.published_on.value)
                    .then_with(|| {
                        collators.compare(
                            lang,
                            a.vacancy.position.get(lang),
                            b.vacancy.position.get(lang),
                        )
                    })
                    .then_with(|| a.vacancy.id.value.cmp(&b.vacancy.id.value))
            });
            UnitGroup {
                id: unit.id.value.clone(),
                name: unit.name.get(lang).to_string(),
                count_text: ui.text(lang, "vacancies-count", &[("count", Arg::from(list.len()))]),
                vacancies: list
                    .iter()
                    .map(|s| CardView::new(index, lang, s, ui, root))
                    .collect(),
            }
        })
        .collect()
}

#[derive(Serialize)]
pub struct PageLink {
    pub number: usize,
    pub href: String,
    pub current: bool,
    /// Pages were left out between the previous link and this one (shown as "…").
    pub gap: bool,
}

/// Page links shown around the current one; the first and the last are always shown.
const PAGE_LINKS_AROUND: usize = 2;

#[derive(Serialize)]
pub struct Pagination {
    pub current: usize,
    pub total: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub pages: Vec<PageLink>,
}

impl Pagination {
    pub fn new(index: &Index, lang: Lang, current: usize, total: usize) -> Pagination {
        let root = root_of(&index.archive_dir(lang, current));
        let href = |n: usize| format!("{root}{}", index.archive_dir(lang, n));
        Pagination {
            current,
            total,
            prev: (current > 1).then(|| href(current - 1)),
            next: (current < total).then(|| href(current + 1)),
            pages: (1..=total)
                .filter(|&n| n == 1 || n == total || n.abs_diff(current) <= PAGE_LINKS_AROUND)
                .scan(0, |previous, n| {
                    let gap = n > *previous + 1 && *previous > 0;
                    *previous = n;
                    Some(PageLink {
                        number: n,
                        href: href(n),
                        current: n == current,
                        gap,
                    })
                })
                .collect(),
        }
    }
}

/// Plain-text summary of a vacancy for feeds.
pub fn summary(s: &Shown, lang: Lang) -> String {
    let mut text = to_plain_text(s.vacancy.duties.get(lang));
    if text.chars().count() > 300 {
        text = text.chars().take(300).collect::<String>() + "…";
    }
    text
}

pub fn archive_root(index: &Index, lang: Lang, page: usize) -> String {
    root_of(&index.archive_dir(lang, page))
}
