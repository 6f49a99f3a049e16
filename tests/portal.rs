//! The site as the state portal takes it (issue 15): a `base_url` with a deep path, or
//! with letters beyond ASCII, gives working, ASCII addresses in every page, feed,
//! sitemap entry and JSON-LD; a `base_url` that cannot be the root of a site is refused
//! (P2); every sitemap entry says when it was last modified. The portal may also take
//! the postings as fragments (`embed.html`, `embed/index.html`) or as data
//! (`vacancies.json`, which meets the published `vacancies.schema.json`).

mod common;

use std::path::Path;

use common::{BASE_URL, OPEN, Site, kadr, slug, vacancy_page};
use serde_json::Value;

/// Every absolute address the output writes: `href`, `src`, `<loc>`, `"url"` … values
/// that start with a scheme.
fn absolute_addresses(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for scheme in ["https://", "http://"] {
        let mut rest = text;
        while let Some(i) = rest.find(scheme) {
            let tail = &rest[i..];
            let end = tail
                .find(|c: char| c == '"' || c == '<' || c == '\'' || c == ')' || c.is_whitespace())
                .unwrap_or(tail.len());
            out.push(tail[..end].to_string());
            rest = &tail[end..];
        }
    }
    out
}

#[test]
fn a_deep_base_url_is_the_root_of_every_address() {
    let base = "https://www.gov.kz/memleket/entities/qriim";
    let site = Site::new();
    site.edit("content/site.yaml", BASE_URL, base);
    let out = site.build_ok("public");
    let mut checked = 0;
    for file in [
        "sitemap.xml",
        "index.html",
        "kk/kadr-sayasaty/atom.xml",
        "ru/kadrovaya-politika/vacancies.json",
        "kk/kadr-sayasaty/index.html",
        "ru/kadrovaya-politika/2026-dp-almaty-0142/index.html",
        "ru/kadrovaya-politika/archive/index.html",
        "kk/kadr-sayasaty/embed/index.html",
        "ru/kadrovaya-politika/2026-dp-almaty-0142/embed.html",
    ] {
        let text = out.read(file);
        for address in absolute_addresses(&text) {
            if address.starts_with("https://schema.org")
                || address.starts_with("http://www.sitemaps.org")
                || address.starts_with("http://www.w3.org")
                || address.starts_with("https://www.w3.org")
            {
                continue;
            }
            // The ministry's site itself (the hiring organisation's `sameAs`), or a page.
            assert!(
                address == base
                    || address == format!("{base}/vacancies.schema.json")
                    || address.starts_with(&format!("{base}/assets/"))
                    || address.starts_with(&format!("{base}/kk/"))
                    || address.starts_with(&format!("{base}/ru/")),
                "{file}: {address}"
            );
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} addresses seen");
}

#[test]
fn addresses_are_ascii_however_the_base_url_is_written() {
    let site = Site::new();
    site.edit("content/site.yaml", BASE_URL, "https://мвд.kz/кадр саясаты");
    // A space is not an address; without it the Cyrillic path is one.
    site.check().assert_code(1);
    site.edit(
        "content/site.yaml",
        "https://мвд.kz/кадр саясаты",
        "https://мвд.kz/кадр",
    );
    let out = site.build_ok("public");
    let sitemap = out.read("sitemap.xml");
    assert!(
        sitemap
            .contains("<loc>https://xn--b1aew.kz/%D0%BA%D0%B0%D0%B4%D1%80/kk/kadr-sayasaty/</loc>"),
        "{sitemap}"
    );
    for file in [
        "sitemap.xml",
        "kk/kadr-sayasaty/atom.xml",
        "ru/kadrovaya-politika/vacancies.json",
    ] {
        for address in absolute_addresses(&out.read(file)) {
            assert!(address.is_ascii(), "{file}: {address}");
        }
    }
}

#[test]
fn a_base_url_that_cannot_be_a_sites_root_is_refused() {
    for bad in [
        "example.gov.kz/qriim",
        "https://example.gov.kz/qriim?lang=kk",
        "https://example.gov.kz/qriim#top",
        "ftp://example.gov.kz/qriim",
        "https://user:secret@example.gov.kz/qriim",
        "https:///qriim",
    ] {
        let site = Site::new();
        site.edit("content/site.yaml", BASE_URL, bad);
        let outcome = site.check();
        assert_eq!(outcome.code, 1, "{bad} was accepted");
        assert!(
            outcome.errors().iter().any(|e| e["rule"] == "P2"),
            "{bad}: {}",
            outcome.report()
        );
    }
}

#[test]
fn every_sitemap_entry_says_when_it_was_last_modified() {
    let site = Site::new();
    let sitemap = site.build_ok("public").read("sitemap.xml");
    let urls = sitemap.matches("<url>").count();
    assert!(urls > 10);
    assert_eq!(sitemap.matches("<lastmod>").count(), urls, "{sitemap}");
    // The list shows the open vacancy published on 2026-11-24 (the newest open one).
    let list = sitemap
        .split("<url>")
        .find(|u| u.contains("/kk/kadr-sayasaty/</loc>"))
        .unwrap();
    assert!(list.contains("<lastmod>2026-11-24</lastmod>"), "{list}");
}

/// Every `vacancies.json` of the output at `dir`, validated against the output's own
/// `vacancies.schema.json` by a JSON Schema (2020-12) validator, formats included.
/// Returns how many vacancies were checked.
fn validate_vacancies_json(dir: &Path) -> usize {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("vacancies.schema.json")).unwrap())
            .unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("vacancies.schema.json is not a valid schema: {e}"));
    let mut checked = 0;
    for lang in ["kk", "ru"] {
        let rel = format!("{lang}/{}/vacancies.json", slug(lang));
        let json: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join(&rel)).unwrap()).unwrap();
        let problems: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| format!("{rel}: {e} at {}", e.instance_path()))
            .collect();
        assert!(problems.is_empty(), "{problems:#?}");
        checked += json["vacancies"].as_array().unwrap().len();
    }
    checked
}

#[test]
fn vacancies_json_meets_its_published_schema_and_says_what_the_page_says() {
    let site = Site::new();
    let out = site.build_ok("public");
    let checked = validate_vacancies_json(&out.path(""));
    assert!(checked >= 2, "{checked}");

    let ru: Value =
        serde_json::from_str(&out.read("ru/kadrovaya-politika/vacancies.json")).unwrap();
    let kk: Value = serde_json::from_str(&out.read("kk/kadr-sayasaty/vacancies.json")).unwrap();
    assert_eq!(ru["$schema"], format!("{BASE_URL}/vacancies.schema.json"));
    // The same ids in both languages, in the same order: a portal pairs them by id.
    let ids = |v: &Value| -> Vec<String> {
        v["vacancies"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&ru), ids(&kk));
    let open = ru["vacancies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["id"] == OPEN)
        .unwrap();
    assert_eq!(
        open["url"],
        format!(
            "{BASE_URL}/{}",
            vacancy_page("ru", OPEN).trim_end_matches("index.html")
        )
    );
    assert_eq!(
        open["translations"][0]["url"],
        format!(
            "{BASE_URL}/{}",
            vacancy_page("kk", OPEN).trim_end_matches("index.html")
        )
    );
    // What the page shows is in the data: the pay, the texts, the stages, the contacts.
    let page = out.read(&vacancy_page("ru", OPEN));
    for field in ["position", "max_rank", "contact_person"] {
        let value = open[field]
            .as_str()
            .unwrap_or_else(|| panic!("{field}: {open:#}"));
        assert!(page.contains(value), "{field} {value:?} is not on the page");
    }
    let salary = open["salary"]["text"].as_str().unwrap();
    assert!(page.contains(salary), "{salary}");
    assert_eq!(open["salary"]["currency"], "KZT");
    for field in ["duties_html", "documents_html"] {
        let html = open[field].as_str().unwrap();
        assert!(page.contains(html.trim()), "{field} differs from the page");
    }
    let stages = open["selection"].as_array().unwrap();
    assert!(!stages.is_empty());
    for stage in stages {
        assert!(page.contains(stage.as_str().unwrap()));
    }
}

#[test]
fn a_generated_site_of_every_shape_meets_the_schema() {
    // A scratch folder that goes with the site; the generated site is written inside it.
    let scratch = Site::new();
    let dir = scratch.path("generated");
    let dir = dir.to_str().unwrap();
    let today = common::TODAY;
    kadr(&[
        "generate-site",
        "--vacancies",
        "300",
        "--out",
        dir,
        "--today",
        today,
    ])
    .assert_code(0);
    let out = format!("{dir}/public");
    kadr(&["build", "--root", dir, "--today", today, "--out", &out]).assert_code(0);
    let checked = validate_vacancies_json(Path::new(&out));
    assert!(checked >= 10, "{checked}");
}

/// The values of `attribute` in the start tags of `html`.
fn attribute_values(html: &str, attribute: &str) -> Vec<String> {
    common::tags(html)
        .iter()
        .filter_map(|t| t.attr(attribute).map(str::to_string))
        .collect()
}

#[test]
fn embeddable_fragments_are_the_page_content_alone_with_absolute_links() {
    let base = "https://www.gov.kz/memleket/entities/qriim";
    let site = Site::new();
    site.edit("content/site.yaml", BASE_URL, base);
    let out = site.build_ok("public");
    let mut fragments = Vec::new();
    for lang in ["kk", "ru"] {
        fragments.push((format!("{lang}/{}/embed/index.html", slug(lang)), None));
        fragments.push((
            vacancy_page(lang, OPEN).replace("index.html", "embed.html"),
            Some(vacancy_page(lang, OPEN)),
        ));
    }
    for (rel, page) in fragments {
        let html = out.read(&rel);
        for tag in [
            "<html", "<head", "<body", "<header", "<footer", "<script", "<nav", "<main",
        ] {
            assert!(!html.contains(tag), "{rel} has {tag}");
        }
        // One stylesheet, kadr's own, beside the fragments.
        let sheets = attribute_values(&html, "href")
            .into_iter()
            .filter(|h| h.ends_with(".css"))
            .collect::<Vec<_>>();
        assert_eq!(sheets.len(), 1, "{rel}");
        let sheet = sheets[0].strip_prefix(&format!("{base}/")).unwrap();
        assert!(out.read(sheet).contains(".kadr-embed"), "{sheet}");
        // Every class and id under one prefix, so that the host page's styles and these
        // do not meet.
        for attribute in ["class", "id", "aria-labelledby"] {
            for value in attribute_values(&html, attribute) {
                for name in value.split_whitespace() {
                    assert!(name.starts_with("kadr-"), "{rel}: {attribute}={name:?}");
                }
            }
        }
        // Links work from another site's page.
        for href in attribute_values(&html, "href") {
            assert!(
                href.starts_with(&format!("{base}/"))
                    || href.starts_with("https://")
                    || href.starts_with("mailto:")
                    || href.starts_with("tel:"),
                "{rel}: {href}"
            );
        }
        assert!(html.contains(&format!("lang=\"{}\"", &rel[..2])), "{rel}");
        // The same texts as the page, sanitised the same way.
        if let Some(page) = page {
            let page = out.read(&page);
            let duties = page.split("<h2 id=\"duties\">").nth(1).unwrap();
            let duties =
                &duties[duties.find('\n').unwrap() + 1..duties.find("</section>").unwrap()];
            assert!(
                html.contains(duties.trim()),
                "{rel}: the duties differ from the page"
            );
        }
    }
    // Every open vacancy has its fragment (the portal takes the open postings); an
    // archived one has none. The list's fragment links each open one.
    let list = out.read("ru/kadrovaya-politika/embed/index.html");
    assert!(list.contains(&format!("{base}/ru/kadrovaya-politika/{OPEN}/")));
    let mut open = 0;
    for (path, bytes) in out.files() {
        let vacancy = path
            .strip_suffix("/index.html")
            .filter(|d| d.matches('/').count() == 2)
            .filter(|d| !d.ends_with("/archive") && !d.ends_with("/embed"));
        if let Some(dir) = vacancy {
            let is_open = !String::from_utf8_lossy(&bytes).contains("class=\"closed-notice\"");
            open += usize::from(is_open);
            assert_eq!(out.exists(&format!("{dir}/embed.html")), is_open, "{dir}");
        }
    }
    assert!(open >= 2, "{open}");
}
