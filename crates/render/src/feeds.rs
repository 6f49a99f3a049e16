//! Files whose format a standard fixes: the Atom feed (RFC 4287), `vacancies.json`,
//! the sitemap with hreflang alternates, and the root redirect.

use std::collections::HashMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::dates::long_date;
use crate::filters::{Filter, filters};
use crate::views::{Index, RequirementView, Shown, salary_text, summary};
use crate::{Page, UiStrings};
use kadr_markdown::to_html;
use kadr_model::{Lang, VacancyId};

/// Escapes text for XML content and attribute values.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// Start of a day in Asia/Almaty, as RFC 3339.
fn day_start(date: jiff::civil::Date) -> String {
    format!("{date}T00:00:00+05:00")
}

/// `index.html` at the root: sends readers to the default language's list.
pub fn root_redirect(index: &Index) -> Page {
    let lang = index.default_lang();
    let target = index.list_dir(lang);
    let absolute = index.absolute(&target);
    let title = xml(&index.site.section.get(lang).title);
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n\
         <meta http-equiv=\"refresh\" content=\"0; url={target}\">\n<link rel=\"canonical\" href=\"{absolute}\">\n\
         </head>\n<body>\n<p><a href=\"{target}\">{title}</a></p>\n</body>\n</html>\n",
        code = lang.code(),
        target = xml(&target),
        absolute = xml(&absolute),
    );
    Page {
        path: "index.html".into(),
        bytes: html.into_bytes().into(),
    }
}

/// Atom feed of the open vacancies of one language, newest first.
pub fn atom(index: &Index, lang: Lang, shown: &[Shown], ui: &UiStrings) -> Page {
    let list = index.absolute(&index.list_dir(lang));
    let feed_url = format!("{list}atom.xml");
    let open: Vec<&Shown> = shown.iter().filter(|s| s.is_open()).collect();
    let updated = open
        .iter()
        .map(|s| {
            s.vacancy
                .updated_on
                .as_ref()
                .map_or(*s.vacancy.published_on, |d| **d)
        })
        .max()
        .unwrap_or(index.today);
    let mut out = String::new();
    let title = ui.text(
        lang,
        "feed-title",
        &[(
            "section",
            index.site.section.get(lang).title.value.as_str().into(),
        )],
    );
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n\
         <title>{title}</title>\n<subtitle>{org}</subtitle>\n<id>{list}</id>\n\
         <link rel=\"self\" type=\"application/atom+xml\" href=\"{feed}\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"{list}\"/>\n\
         <updated>{updated}</updated>\n<author><name>{org}</name></author>\n",
        lang = lang.code(),
        title = xml(&title),
        org = xml(index.site.title.get(lang)),
        list = xml(&list),
        feed = xml(&feed_url),
        updated = day_start(updated),
    );
    for s in open {
        let v = s.vacancy;
        let url = index.absolute(&index.vacancy_dir(lang, s.id));
        let entry_updated = v.updated_on.as_ref().map_or(*v.published_on, |d| **d);
        let summary = format!(
            "{} — {}. {}: {}. {}",
            v.position.get(lang),
            s.unit.name.get(lang),
            ui.text(lang, "deadline", &[]),
            long_date(*v.deadline, lang),
            summary(s, lang)
        );
        let _ = write!(
            out,
            "<entry>\n<title>{title}</title>\n<id>{url}</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>\n\
             <published>{published}</published>\n<updated>{updated}</updated>\n<category term=\"{category}\"/>\n\
             <summary>{summary}</summary>\n</entry>\n",
            title = xml(v.position.get(lang)),
            url = xml(&url),
            published = day_start(*v.published_on),
            updated = day_start(entry_updated),
            category = xml(&s.category.code),
            summary = xml(&summary),
        );
    }
    out.push_str("</feed>\n");
    Page {
        path: format!("{}atom.xml", index.list_dir(lang)),
        bytes: out.into_bytes().into(),
    }
}

/// The JSON Schema every `vacancies.json` meets (SPEC: `public/vacancies.schema.json`);
/// `tests/portal.rs` validates every build's files against it.
pub const VACANCIES_SCHEMA: &str = include_str!("vacancies.schema.json");

/// The address of `vacancies.schema.json` on the site.
pub const VACANCIES_SCHEMA_PATH: &str = "vacancies.schema.json";

/// `vacancies.json`: one language's open vacancies with every field the page shows,
/// for other systems (the state portal's importer). Ids are the records' ids, the same
/// in both languages; every address is absolute; texts are the page's sanitised HTML.
#[derive(Serialize)]
struct JsonFeed<'a> {
    #[serde(rename = "$schema")]
    schema: String,
    language: &'static str,
    section: &'a str,
    organization: &'a str,
    generated_on: String,
    url: String,
    /// The same list in the other language.
    translations: Vec<JsonLink>,
    vacancies: Vec<JsonVacancy<'a>>,
}

#[derive(Serialize)]
struct JsonLink {
    language: &'static str,
    url: String,
}

#[derive(Serialize)]
struct JsonVacancy<'a> {
    id: &'a str,
    url: String,
    /// The fragment for another site's page.
    embed_url: String,
    /// The same vacancy in the other language.
    translations: Vec<JsonLink>,
    status: &'static str,
    position: &'a str,
    unit: JsonUnit<'a>,
    category: JsonNamed<'a>,
    appointing_authority: &'static str,
    appointing_authority_name: String,
    placed_by: &'static str,
    placed_by_name: String,
    salary: Option<JsonSalary>,
    max_rank: Option<&'a str>,
    published_on: String,
    updated_on: Option<String>,
    deadline: String,
    duties_html: String,
    requirements: JsonRequirements<'a>,
    selection: Vec<&'a str>,
    conditions_html: Option<String>,
    documents_html: String,
    contact_person: Option<&'a str>,
    phone: Option<&'a str>,
    email: Option<&'a str>,
    competition_url: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonNamed<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct JsonUnit<'a> {
    id: &'a str,
    name: &'a str,
    address: &'a str,
    postal_code: Option<&'a str>,
    locality: Option<&'a str>,
    region: Option<&'a str>,
}

/// Tenge a month, before tax.
#[derive(Serialize)]
struct JsonSalary {
    min: u32,
    max: Option<u32>,
    currency: &'static str,
    period: &'static str,
    /// As the page shows it.
    text: String,
}

#[derive(Serialize)]
struct JsonRequirements<'a> {
    id: &'a str,
    source: &'a str,
    education_html: &'a str,
    experience_html: &'a str,
    other_html: Option<&'a str>,
}

/// `vacancies.json`: the open vacancies of one language, for other systems.
///
/// The requirement records' texts come from `requirements` (their views, rendered once
/// per language for the pages).
pub fn json(
    index: &Index,
    lang: Lang,
    shown: &[Shown],
    ui: &UiStrings,
    requirements: &HashMap<&str, RequirementView>,
) -> Page {
    let other = lang.other();
    let vacancies = shown
        .iter()
        .filter(|s| s.is_open())
        .filter_map(|s| {
            let v = s.vacancy;
            let unit = s.unit;
            let r = requirements.get(s.requirement.id.value.as_str())?;
            let contacts = v.contacts.as_ref().unwrap_or(&unit.contacts);
            let dir = index.vacancy_dir(lang, s.id);
            Some(JsonVacancy {
                id: &v.id,
                url: index.absolute(&dir),
                embed_url: index.absolute(&format!("{dir}embed.html")),
                translations: vec![JsonLink {
                    language: other.code(),
                    url: index.absolute(&index.vacancy_dir(other, s.id)),
                }],
                status: s.status.name(),
                position: v.position.get(lang),
                unit: JsonUnit {
                    id: &unit.id,
                    name: unit.name.get(lang),
                    address: unit.address.get(lang),
                    postal_code: unit.postal_code.as_ref().map(|c| c.value.as_str()),
                    locality: unit.locality.as_ref().map(|t| t.get(lang)),
                    region: unit.region.as_ref().map(|t| t.get(lang)),
                },
                category: JsonNamed {
                    id: &s.category.code,
                    name: s.category.name.get(lang),
                },
                appointing_authority: v.appointing_authority.name(),
                appointing_authority_name: ui.text(
                    lang,
                    &format!("authority-{}", v.appointing_authority.name()),
                    &[],
                ),
                placed_by: v.placed_by.name(),
                placed_by_name: ui.text(lang, &format!("placed-by-{}", v.placed_by.name()), &[]),
                salary: v.salary.as_ref().map(|pay| JsonSalary {
                    min: pay.min.value,
                    max: pay.max.as_ref().map(|m| m.value),
                    currency: "KZT",
                    period: "month",
                    text: salary_text(pay, lang),
                }),
                max_rank: v.max_rank.as_ref().map(|t| t.get(lang)),
                published_on: v.published_on.to_string(),
                updated_on: v.updated_on.as_ref().map(|d| d.to_string()),
                deadline: v.deadline.to_string(),
                duties_html: to_html(v.duties.get(lang)),
                requirements: JsonRequirements {
                    id: &r.id,
                    source: &r.source,
                    education_html: &r.education_html,
                    experience_html: &r.experience_html,
                    other_html: r.other_html.as_deref(),
                },
                selection: match &v.selection {
                    Some(own) => own.iter().map(|t| t.get(lang)).collect(),
                    None => r.selection.iter().map(String::as_str).collect(),
                },
                conditions_html: v.conditions.as_ref().map(|t| to_html(t.get(lang))),
                documents_html: to_html(v.documents.get(lang)),
                contact_person: contacts.person.as_ref().map(|p| p.get(lang)),
                phone: contacts.phone.as_ref().map(|p| p.value.as_str()),
                email: contacts.email.as_ref().map(|e| e.value.as_str()),
                competition_url: v.competition_url.as_ref().map(|u| u.value.as_str()),
            })
        })
        .collect();
    let feed = JsonFeed {
        schema: index.absolute(VACANCIES_SCHEMA_PATH),
        language: lang.code(),
        section: &index.site.section.get(lang).title,
        organization: index.site.title.get(lang),
        generated_on: index.today.to_string(),
        url: index.absolute(&index.list_dir(lang)),
        translations: vec![JsonLink {
            language: other.code(),
            url: index.absolute(&index.list_dir(other)),
        }],
        vacancies,
    };
    let mut text = serde_json::to_string_pretty(&feed).unwrap_or_else(|_| "{}".into());
    text.push('\n');
    Page {
        path: format!("{}vacancies.json", index.list_dir(lang)),
        bytes: text.into_bytes().into(),
    }
}

/// `vacancies.schema.json`, once for the site.
pub fn json_schema() -> Page {
    Page {
        path: VACANCIES_SCHEMA_PATH.to_string(),
        bytes: VACANCIES_SCHEMA.as_bytes().into(),
    }
}

/// The sitemap: every HTML page, each with its translations as hreflang alternates
/// and `x-default` pointing at the default language.
pub fn sitemap(index: &Index) -> Page {
    /// A page that exists in every language.
    enum Entry<'a> {
        List,
        Archive(usize),
        Filter(Filter<'a>),
        Vacancy(&'a VacancyId),
    }
    let dir = |entry: &Entry, lang: Lang| match entry {
        Entry::List => index.list_dir(lang),
        Entry::Archive(n) => index.archive_dir(lang, *n),
        Entry::Filter(f) => f.dir(index, lang),
        Entry::Vacancy(id) => index.vacancy_dir(lang, id),
    };
    // A page was last modified when the newest change of what it lists was made (a
    // vacancy's `updated_on`, else its `published_on`).
    let modified = |s: &crate::Shown| {
        s.vacancy
            .updated_on
            .as_ref()
            .map_or(*s.vacancy.published_on, |d| **d)
    };
    let newest = |listed: &mut dyn Iterator<Item = &crate::Shown>| listed.map(modified).max();
    let published = index.published();
    let archived: Vec<_> = published.iter().filter(|s| !s.is_open()).collect();
    let per_page = crate::views::ARCHIVE_PAGE_SIZE;
    let pages = crate::views::paginate(archived.len(), per_page);
    let mut entries = vec![(
        Entry::List,
        newest(&mut published.iter().filter(|s| s.is_open())),
    )];
    entries.extend((1..=pages).map(|n| {
        let listed = archived.iter().skip((n - 1) * per_page).take(per_page);
        (Entry::Archive(n), newest(&mut listed.copied()))
    }));
    entries.extend(filters(index).into_iter().map(|f| {
        let date = newest(&mut published.iter().filter(|s| s.is_open() && f.matches(s)));
        (Entry::Filter(f), date)
    }));
    for s in published {
        entries.push((Entry::Vacancy(s.id), Some(modified(s))));
    }
    let mut out = String::with_capacity(entries.len() * 1024);
    out.push_str(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let default = Lang::ALL
        .iter()
        .position(|l| *l == index.default_lang())
        .unwrap_or(0);
    for (entry, lastmod) in &entries {
        // Each address once per language, escaped once: a large site has 20,000 entries.
        let urls = Lang::ALL.map(|l| xml(&index.absolute(&dir(entry, l))));
        for (i, _) in Lang::ALL.iter().enumerate() {
            out.push_str("<url>\n<loc>");
            out.push_str(&urls[i]);
            out.push_str("</loc>\n");
            if let Some(m) = lastmod {
                let _ = writeln!(out, "<lastmod>{m}</lastmod>");
            }
            for (alt, url) in Lang::ALL.iter().zip(&urls) {
                let _ = writeln!(
                    out,
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{url}\"/>",
                    alt.code()
                );
            }
            let _ = write!(
                out,
                "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>\n</url>\n",
                urls[default]
            );
        }
    }
    out.push_str("</urlset>\n");
    Page {
        path: "sitemap.xml".into(),
        bytes: out.into_bytes().into(),
    }
}
