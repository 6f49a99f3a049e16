//! The default theme's promises that need no browser: filter pages that work without
//! JavaScript (one per unit and per category with open vacancies, each listing only its
//! vacancies, linked from the list, with hreflang alternates and in the sitemap), the
//! fingerprinted stylesheet and script on every page, the low-vision switch and the
//! language switch on every page. What needs a browser (axe-core, the Nu HTML Checker,
//! low-vision mode and instant filtering at work) is in `tests/a11y/run.mjs`.
//!
//! The base site has one open vacancy on 2026-11-27 (OPEN: dp-almaty, C-3); most tests
//! also publish FUTURE (central-apparatus, C-3) that day, so that a unit and a category
//! differ in what they list.

mod common;

use common::{
    BASE_URL, CLOSED, DRAFT, EXPIRED, FILLED, FUTURE, OPEN, Output, Site, list_dir, resolve, tags,
    vacancy_file,
};

const LANGS: [&str; 2] = ["kk", "ru"];

/// The base site with FUTURE published on the build date: two open vacancies of
/// category C-3, in the units dp-almaty and central-apparatus.
fn site_with_two_open() -> Site {
    let site = Site::new();
    site.edit(
        &vacancy_file(FUTURE),
        "published_on: 2026-12-01",
        "published_on: 2026-11-27",
    );
    site
}

fn unit_page(lang: &str, unit: &str) -> String {
    format!("{}unit/{unit}/index.html", list_dir(lang))
}

fn category_page(lang: &str, code: &str) -> String {
    format!("{}category/{code}/index.html", list_dir(lang))
}

/// The vacancies a page links to, as paths of their pages relative to the output.
fn linked_vacancies(page: &str, html: &str) -> Vec<String> {
    tags(html)
        .into_iter()
        .filter(|t| t.name == "a")
        .filter_map(|t| t.attr("href").map(|h| resolve(page, h)))
        .filter(|p| p.contains("/20"))
        .collect()
}

fn links_to(page: &str, html: &str, id: &str) -> bool {
    linked_vacancies(page, html)
        .iter()
        .any(|p| p.ends_with(&format!("/{id}/")))
}

/// The `<link rel="alternate" hreflang>` of a page, as (hreflang, href).
fn alternates(html: &str) -> Vec<(String, String)> {
    tags(html)
        .into_iter()
        .filter(|t| t.name == "link" && t.attr("rel") == Some("alternate"))
        .filter_map(|t| Some((t.attr("hreflang")?.to_string(), t.attr("href")?.to_string())))
        .collect()
}

/// Every page of the site: not the root redirect, nor the fragments for the state portal
/// (`embed.html`, `embed/index.html`, which `tests/portal.rs` checks).
fn html_pages(output: &Output<'_>) -> Vec<(String, String)> {
    output
        .files()
        .into_iter()
        .filter(|(path, _)| {
            path.ends_with(".html")
                && path != "index.html"
                && !path.ends_with("/embed.html")
                && !path.ends_with("/embed/index.html")
        })
        .map(|(path, bytes)| (path, String::from_utf8(bytes).unwrap()))
        .collect()
}

#[test]
fn each_unit_and_category_with_open_vacancies_has_a_filter_page_in_both_languages() {
    let site = site_with_two_open();
    let output = site.build_ok("public");
    for lang in LANGS {
        for page in [
            unit_page(lang, "dp-almaty"),
            unit_page(lang, "central-apparatus"),
            category_page(lang, "c-3"),
        ] {
            assert!(output.exists(&page), "no filter page {page}");
        }
        // dp-astana has only archived vacancies (CLOSED, EXPIRED); C-2 only FILLED; C-5
        // only EXPIRED and the DRAFT.
        for page in [
            unit_page(lang, "dp-astana"),
            category_page(lang, "c-2"),
            category_page(lang, "c-5"),
            category_page(lang, "C-3"),
        ] {
            assert!(!output.exists(&page), "{page} should not exist");
        }
    }
}

#[test]
fn a_filter_page_lists_only_its_open_vacancies() {
    let site = site_with_two_open();
    let output = site.build_ok("public");
    for lang in LANGS {
        let page = unit_page(lang, "dp-almaty");
        let html = output.read(&page);
        assert!(links_to(&page, &html, OPEN), "{page} lacks {OPEN}");
        for other in [FUTURE, DRAFT, CLOSED, EXPIRED, FILLED] {
            assert!(!links_to(&page, &html, other), "{page} lists {other}");
        }

        let page = category_page(lang, "c-3");
        let html = output.read(&page);
        for id in [OPEN, FUTURE] {
            assert!(links_to(&page, &html, id), "{page} lacks {id}");
        }
        // CLOSED is of category C-3 too, but archived.
        for other in [CLOSED, DRAFT, EXPIRED, FILLED] {
            assert!(!links_to(&page, &html, other), "{page} lists {other}");
        }
        for link in linked_vacancies(&page, &html) {
            assert!(
                output.exists(&format!("{link}index.html")),
                "{page} links to a missing page {link}"
            );
        }
    }
}

#[test]
fn the_list_links_every_filter_page_with_its_count() {
    let site = site_with_two_open();
    let output = site.build_ok("public");
    for (lang, two, one) in [
        ("kk", "2 бос лауазым", "1 бос лауазым"),
        ("ru", "2 вакансии", "1 вакансия"),
    ] {
        let list = format!("{}index.html", list_dir(lang));
        let html = output.read(&list);
        let targets: Vec<String> = tags(&html)
            .into_iter()
            .filter(|t| t.name == "a")
            .filter_map(|t| t.attr("href").map(|h| resolve(&list, h)))
            .filter(|p| p.contains("/unit/") || p.contains("/category/"))
            .collect();
        for page in [
            unit_page(lang, "dp-almaty"),
            unit_page(lang, "central-apparatus"),
            category_page(lang, "c-3"),
        ] {
            let dir = page.trim_end_matches("index.html");
            assert!(
                targets.iter().any(|t| t == dir),
                "{lang} list does not link {dir}: {targets:?}"
            );
        }
        for target in &targets {
            assert!(
                output.exists(&format!("{target}index.html")),
                "{lang} list links a missing filter page {target}"
            );
        }
        assert!(
            html.contains(&format!("({two})")),
            "{lang}: no count {two:?} for C-3"
        );
        assert!(
            html.contains(&format!("({one})")),
            "{lang}: no count {one:?} for a unit"
        );
    }
}

#[test]
fn filter_pages_link_their_translation_and_are_in_the_sitemap() {
    let site = site_with_two_open();
    let output = site.build_ok("public");
    let sitemap = output.read("sitemap.xml");
    for (unit_or_category, kk, ru) in [
        (
            "unit",
            format!("{BASE_URL}/{}unit/dp-almaty/", list_dir("kk")),
            format!("{BASE_URL}/{}unit/dp-almaty/", list_dir("ru")),
        ),
        (
            "category",
            format!("{BASE_URL}/{}category/c-3/", list_dir("kk")),
            format!("{BASE_URL}/{}category/c-3/", list_dir("ru")),
        ),
    ] {
        let expected = [("kk", &kk), ("ru", &ru), ("x-default", &kk)];
        for (lang, own) in [("kk", &kk), ("ru", &ru)] {
            let page = own.trim_start_matches(&format!("{BASE_URL}/")).to_string() + "index.html";
            let html = output.read(&page);
            let found = alternates(&html);
            for (hreflang, href) in expected {
                assert!(
                    found.iter().any(|(l, h)| l == hreflang && h == href),
                    "{lang} {unit_or_category} page lacks hreflang {hreflang} → {href}: {found:?}"
                );
            }
            // The language switch leads to the same filter in the other language.
            let other = if lang == "kk" { &ru } else { &kk };
            let switch = tags(&html)
                .into_iter()
                .find(|t| t.name == "a" && t.attr("hreflang").is_some())
                .expect("no language switch");
            assert_eq!(
                format!(
                    "{BASE_URL}/{}",
                    resolve(&page, switch.attr("href").unwrap())
                ),
                *other
            );

            let entry = sitemap
                .split("<url>")
                .find(|e| e.contains(&format!("<loc>{own}</loc>")))
                .unwrap_or_else(|| panic!("no sitemap entry for {own}"));
            for (hreflang, href) in expected {
                assert!(
                    entry.contains(&format!(
                        "<xhtml:link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{href}\"/>"
                    )),
                    "sitemap entry {own} lacks {hreflang} → {href}"
                );
            }
        }
    }
}

#[test]
fn every_page_loads_the_fingerprinted_stylesheet_script_and_icon_of_the_theme() {
    let site = Site::new();
    let output = site.build_ok("public");
    for (path, html) in html_pages(&output) {
        for (tag, attr, stem, ext) in [
            ("link", "href", "assets/style.", ".css"),
            ("script", "src", "assets/kadr.", ".js"),
            ("link", "href", "assets/favicon.", ".svg"),
        ] {
            let href = tags(&html)
                .into_iter()
                .filter(|t| t.name == tag)
                .filter_map(|t| t.attr(attr).map(str::to_string))
                .find(|h| h.contains(stem) && h.ends_with(ext))
                .unwrap_or_else(|| panic!("{path} does not load {stem}…{ext}"));
            let file = match href.strip_prefix(&format!("{BASE_URL}/")) {
                Some(absolute) => absolute.to_string(), // the 404 pages
                None => resolve(&path, &href),
            };
            let hash = &file[file.find(stem).unwrap() + stem.len()..file.len() - ext.len()];
            assert!(
                hash.len() == 10 && hash.chars().all(|c| c.is_ascii_hexdigit()),
                "{path}: {file} is not fingerprinted"
            );
            assert!(output.exists(&file), "{path} loads a missing {file}");
        }
    }
}

#[test]
fn every_page_has_the_low_vision_switch_the_language_switch_and_one_h1() {
    let site = site_with_two_open();
    let output = site.build_ok("public");
    for (path, html) in html_pages(&output) {
        let tags = tags(&html);
        let lang = &path[..2];
        let other = if lang == "kk" { "ru" } else { "kk" };
        assert!(
            tags.iter().any(|t| t.name == "input"
                && t.attr("type") == Some("checkbox")
                && t.attr("id") == Some("low-vision")),
            "{path}: no low-vision switch"
        );
        assert!(
            tags.iter()
                .any(|t| t.name == "label" && t.attr("for") == Some("low-vision")),
            "{path}: the low-vision switch has no label"
        );
        assert!(
            tags.iter().any(|t| t.name == "a"
                && t.attr("lang") == Some(other)
                && t.attr("hreflang") == Some(other)),
            "{path}: no language switch labelled in {other}"
        );
        assert_eq!(
            tags.iter().filter(|t| t.name == "h1").count(),
            1,
            "{path}: not exactly one h1"
        );
        assert!(
            tags.iter()
                .any(|t| t.name == "a" && t.attr("href") == Some("#main")),
            "{path}: no skip link"
        );
    }
}

#[test]
fn every_page_has_a_description_for_search_engines() {
    let site = site_with_two_open();
    let output = site.build_ok("public");
    let mut seen = 0;
    for (path, html) in html_pages(&output) {
        if path == "index.html" {
            continue; // the redirect to the default language
        }
        let description = tags(&html)
            .into_iter()
            .find(|t| t.name == "meta" && t.attr("name") == Some("description"))
            .and_then(|t| t.attr("content").map(str::to_string))
            .unwrap_or_else(|| panic!("{path} has no description"));
        assert!(description.chars().count() > 20, "{path}: {description:?}");
        seen += 1;
    }
    assert!(seen > 10);
    // A vacancy's says what, where and until when.
    let page = output.read(&format!("{}{OPEN}/index.html", list_dir("ru")));
    let meta = tags(&page)
        .into_iter()
        .find(|t| t.name == "meta" && t.attr("name") == Some("description"))
        .and_then(|t| t.attr("content").map(str::to_string))
        .unwrap();
    for part in [
        "Начальник управления",
        "Департамент полиции города Алматы",
        "8 декабря 2026",
    ] {
        assert!(meta.contains(part), "{meta}");
    }
}

#[test]
fn the_filter_form_can_be_submitted_from_the_keyboard() {
    // WCAG 2 H32.2: a form has a submit button (the list filters as the choices change,
    // and the button applies them too).
    let site = site_with_two_open();
    let output = site.build_ok("public");
    for lang in LANGS {
        let html = output.read(&format!("{}index.html", list_dir(lang)));
        let form = &html[html.find("<form class=\"filter-form\"").unwrap()..];
        let form = &form[..form.find("</form>").unwrap()];
        assert!(form.contains("<button type=\"submit\""), "{form}");
    }
}
