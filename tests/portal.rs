//! The site as the state portal takes it (issue 15): a `base_url` with a deep path, or
//! with letters beyond ASCII, gives working, ASCII addresses in every page, feed,
//! sitemap entry and JSON-LD; a `base_url` that cannot be the root of a site is refused
//! (P2); every sitemap entry says when it was last modified.

mod common;

use common::{BASE_URL, Site};

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
