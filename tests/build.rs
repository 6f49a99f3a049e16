//! `kadr build`: what it writes (SPEC.md "What build writes"), what it never publishes,
//! and how it writes (atomically, reproducibly, nothing stale).
//!
//! The base site (`tests/fixtures/base/`) has, on 2026-11-27, one open vacancy (OPEN),
//! a draft, a closed and a filled one, an open one whose deadline has passed (EXPIRED)
//! and one whose publication date is still ahead (FUTURE).

mod common;

use serde_json::Value;

use common::{
    BASE_URL, CLOSED, DRAFT, EXPIRED, FILLED, FUTURE, OPEN, Output, Site, files_under, json_ld,
    list_dir, resolve, tags, ui_string, vacancy_file, vacancy_page,
};

const LANGS: [&str; 2] = ["kk", "ru"];

/// Ids of the vacancies in a `vacancies.json`.
fn json_ids(output: &Output<'_>, lang: &str) -> Vec<String> {
    let text = output.read(&format!("{}vacancies.json", list_dir(lang)));
    let feed: Value = serde_json::from_str(&text).expect("vacancies.json is not JSON");
    feed["vacancies"]
        .as_array()
        .expect("vacancies.json has no `vacancies` list")
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect()
}

/// The absolute address of a page folder.
fn absolute(dir: &str) -> String {
    format!("{BASE_URL}/{dir}")
}

fn vacancy_dir(lang: &str, id: &str) -> String {
    format!("{}{id}/", list_dir(lang))
}

/// The part of an archive or list page about one vacancy: from its link to the end of
/// its list item.
fn card<'a>(html: &'a str, id: &str) -> Option<&'a str> {
    let start = html.find(&format!("{id}/\""))?;
    let rest = &html[start..];
    Some(&rest[..rest.find("</li>").unwrap_or(rest.len())])
}

#[test]
fn writes_every_spec_path_for_both_languages() {
    let site = Site::new();
    let output = site.build_ok("public");
    let mut expected = vec!["index.html".to_string(), "sitemap.xml".to_string()];
    for lang in LANGS {
        let list = list_dir(lang);
        expected.push(format!("{list}index.html"));
        expected.push(format!("{list}archive/index.html"));
        expected.push(format!("{list}atom.xml"));
        expected.push(format!("{list}vacancies.json"));
        for id in [OPEN, CLOSED, FILLED, EXPIRED] {
            expected.push(vacancy_page(lang, id));
        }
    }
    let missing: Vec<&String> = expected.iter().filter(|p| !output.exists(p)).collect();
    assert!(
        missing.is_empty(),
        "missing {missing:?}; written: {:?}",
        output.files().keys()
    );
    for lang in LANGS {
        let page = output.read(&vacancy_page(lang, OPEN));
        assert!(
            page.contains(&format!("<html lang=\"{lang}\"")),
            "{lang} page without <html lang>"
        );
    }
}

#[test]
fn the_root_index_redirects_to_the_default_language() {
    let site = Site::new();
    let output = site.build_ok("public");
    let index = output.read("index.html");
    let refresh = tags(&index)
        .into_iter()
        .find(|t| t.name == "meta" && t.attr("http-equiv") == Some("refresh"))
        .expect("index.html has no meta refresh");
    let content = refresh.attr("content").unwrap();
    let target = content
        .split("url=")
        .nth(1)
        .expect("no url= in the refresh");
    assert_eq!(resolve("index.html", target), list_dir("kk"));
}

/// The theme's fingerprinted script (`../../assets/kadr.<hash>.js`, absolute on 404
/// pages): the only script a page may load.
fn is_theme_script(src: &str) -> bool {
    let Some((before, file)) = src.rsplit_once("assets/") else {
        return false;
    };
    let own_site = before.is_empty()
        || before.split('/').all(|s| s == ".." || s.is_empty())
        || before == format!("{BASE_URL}/");
    own_site && file.starts_with("kadr.") && file.ends_with(".js") && !file.contains('/')
}

#[test]
fn hostile_markup_in_a_record_never_reaches_a_page_as_markup() {
    let site = Site::with_fixture("hostile-markdown");
    let hostile = "2026-dp-almaty-0151";
    let output = site.build_ok("public");
    let pages: Vec<(String, String)> = output
        .files()
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| (path, String::from_utf8(bytes).unwrap()))
        .collect();
    assert!(
        pages.iter().any(|(p, _)| p.contains(hostile)),
        "the hostile vacancy must be published (raw HTML is a warning, not an error)"
    );
    for (path, html) in &pages {
        for tag in tags(html) {
            assert!(
                !(tag.name == "script"
                    && tag.attr("type") != Some("application/ld+json")
                    && !tag.attr("src").is_some_and(is_theme_script)),
                "{path}: a <script> element other than JSON-LD and the theme's own: {tag:?}"
            );
            assert!(
                !["img", "iframe", "svg", "object", "embed"].contains(&tag.name.as_str()),
                "{path}: a <{}> element from a record: {tag:?}",
                tag.name
            );
            for (name, value) in &tag.attrs {
                assert!(
                    !name.starts_with("on"),
                    "{path}: an event handler attribute: {tag:?}"
                );
                let value = value.trim().to_ascii_lowercase();
                assert!(
                    !value.starts_with("javascript:"),
                    "{path}: a javascript: address: {tag:?}"
                );
            }
        }
    }
    for lang in LANGS {
        let page = output.read(&vacancy_page(lang, hostile));
        assert!(
            page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "the author's text should show as text on the {lang} page"
        );
        // The fragment for the portal (checked with every page above) says the same.
        let fragment =
            output.read(&vacancy_page(lang, hostile).replace("index.html", "embed.html"));
        assert!(fragment.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        // Inside JSON-LD the text is data: the title keeps it literally.
        let posting = &json_ld(&page)[0];
        assert!(posting["title"].as_str().unwrap().contains("<script>"));
        let atom = output.read(&format!("{}atom.xml", list_dir(lang)));
        assert!(!atom.contains("<script"), "raw <script> in the {lang} feed");
    }
}

#[test]
fn a_javascript_link_fails_the_check_and_the_build_writes_nothing() {
    let site = Site::new();
    let file = vacancy_file(CLOSED);
    site.edit(
        &file,
        "  ru: \"Заявление, личный листок,",
        "  ru: \"[Заявление](javascript:alert(1)), личный листок,",
    );
    let outcome = site.build("public");
    outcome.assert_code(1);
    outcome.assert_error(
        &file,
        site.line_of(&file, "javascript:"),
        None,
        "javascript:alert(1)",
    );
    assert!(
        !site.path("public").exists(),
        "a failed build must not create the output folder"
    );
}

#[test]
fn a_failed_build_leaves_the_previous_site_byte_for_byte() {
    let site = Site::new();
    let before = files_under(&site.build_ok("public").dir);
    // A new version of the site with a content error: a non-leadership category (P3).
    site.edit(&vacancy_file(OPEN), "category: C-3", "category: C-7");
    site.remove(&vacancy_file(CLOSED));
    site.build("public").assert_code(1);
    assert_eq!(files_under(&site.path("public")), before);
}

#[test]
fn a_template_failing_while_rendering_leaves_the_previous_site() {
    let site = Site::new();
    let before = files_under(&site.build_ok("public").dir);
    // The content is valid; the theme refers to a value that does not exist, which
    // only shows when a vacancy page is rendered.
    site.copy_from_repository("themes/default/templates/vacancy.html");
    site.edit(
        "themes/default/templates/vacancy.html",
        "<h1>{{ vacancy.position }}</h1>",
        "<h1>{{ vacancy.position }}{{ vacancy.no_such_value.field }}</h1>",
    );
    let outcome = site.build("public");
    outcome.assert_code(1);
    assert_eq!(files_under(&site.path("public")), before);
}

#[test]
fn a_failed_build_leaves_no_staging_folder() {
    let site = Site::new();
    site.build_ok("public");
    let entries = site.entries();
    site.edit(&vacancy_file(OPEN), "category: C-3", "category: C-7");
    site.build("public").assert_code(1);
    assert_eq!(
        site.entries(),
        entries,
        "the build left something beside public/"
    );
}

#[test]
fn a_successful_build_leaves_nothing_beside_the_output() {
    let site = Site::new();
    let before = site.entries();
    site.build_ok("public");
    site.build_ok("public");
    let mut expected = before;
    // The output, its lock (kept: removing a lock file races with the next build), and
    // the cache of parsed records (tests/cache.rs).
    expected.push("public".to_string());
    expected.push(".public.kadr-lock".to_string());
    expected.push(".kadr-cache".to_string());
    expected.sort();
    assert_eq!(site.entries(), expected);
}

#[test]
fn a_removed_vacancy_leaves_no_stale_page() {
    let site = Site::new();
    site.build_ok("public");
    site.remove(&vacancy_file(CLOSED));
    let output = site.build_ok("public");
    for (path, bytes) in output.files() {
        assert!(!path.contains(CLOSED), "stale page {path}");
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains(CLOSED), "{path} still names {CLOSED}");
    }
}

#[test]
fn rebuilding_gives_byte_identical_output() {
    let site = Site::new();
    let first = site.build_ok("public-a").files();
    let second = site.build_ok("public-b").files();
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>(),
        "the two builds wrote different files"
    );
    for (path, bytes) in &first {
        assert!(second[path] == *bytes, "{path} differs between two builds");
    }
}

/// Asserts that vacancy `id` appears in no file of the output, under its id or title.
fn assert_not_published(site: &Site, output: &Output<'_>, id: &str) {
    let record = site.read(&vacancy_file(id));
    let title_ru = record
        .lines()
        .find_map(|l| l.strip_prefix("  ru: \""))
        .map(|t| t.trim_end_matches('"').to_string())
        .unwrap();
    for (path, bytes) in output.files() {
        assert!(!path.contains(id), "{id} has a page: {path}");
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains(id), "{path} names {id}");
        assert!(!text.contains(&title_ru), "{path} shows {title_ru:?}");
    }
}

#[test]
fn a_draft_is_never_published() {
    let site = Site::new();
    let output = site.build_ok("public");
    for lang in LANGS {
        assert!(!output.exists(&vacancy_page(lang, DRAFT)));
        assert!(!json_ids(&output, lang).contains(&DRAFT.to_string()));
    }
    assert_not_published(&site, &output, DRAFT);
}

#[test]
fn a_vacancy_published_after_today_is_not_published_yet() {
    let site = Site::new();
    let output = site.build_ok("public");
    for lang in LANGS {
        assert!(!output.exists(&vacancy_page(lang, FUTURE)));
    }
    assert_not_published(&site, &output, FUTURE);
}

#[test]
fn an_open_vacancy_past_its_deadline_is_archived_as_closed() {
    let site = Site::new();
    let output = site.build_ok("public");
    for lang in LANGS {
        let list = output.read(&format!("{}index.html", list_dir(lang)));
        assert!(card(&list, EXPIRED).is_none(), "{lang}: still in the list");
        assert!(!json_ids(&output, lang).contains(&EXPIRED.to_string()));
        let atom = output.read(&format!("{}atom.xml", list_dir(lang)));
        assert!(!atom.contains(EXPIRED), "{lang}: still in the feed");

        let archive = output.read(&format!("{}archive/index.html", list_dir(lang)));
        let card = card(&archive, EXPIRED).unwrap_or_else(|| panic!("{lang}: not archived"));
        let closed = ui_string(lang, "status-closed");
        assert!(
            card.contains(&closed),
            "{lang}: not marked {closed:?}: {card}"
        );

        let page = output.read(&vacancy_page(lang, EXPIRED));
        assert!(
            json_ld(&page).is_empty(),
            "{lang}: JobPosting on a closed vacancy"
        );
        assert!(
            page.contains("closed-notice"),
            "{lang}: the page does not say it is closed"
        );
    }
}

#[test]
fn a_vacancy_is_still_open_on_its_deadline_day() {
    let site = Site::new();
    let file = vacancy_file(OPEN);
    site.edit(&file, "deadline: 2026-12-08", "deadline: 2026-11-27");
    let output = site.build_ok("public");
    for lang in LANGS {
        assert_eq!(
            json_ids(&output, lang),
            [OPEN],
            "{lang}: the deadline is inclusive"
        );
        assert_eq!(json_ld(&output.read(&vacancy_page(lang, OPEN))).len(), 1);
    }
}

#[test]
fn a_vacancy_appears_on_its_publication_day() {
    let site = Site::new();
    let file = vacancy_file(FUTURE);
    site.edit(
        &file,
        "published_on: 2026-12-01",
        "published_on: 2026-11-27",
    );
    let output = site.build_ok("public");
    for lang in LANGS {
        assert!(
            output.exists(&vacancy_page(lang, FUTURE)),
            "{lang}: no page"
        );
        assert!(json_ids(&output, lang).contains(&FUTURE.to_string()));
    }
}

#[test]
fn closed_and_filled_vacancies_are_archived_with_their_status() {
    let site = Site::new();
    let output = site.build_ok("public");
    for lang in LANGS {
        let archive = output.read(&format!("{}archive/index.html", list_dir(lang)));
        for (id, status) in [(CLOSED, "status-closed"), (FILLED, "status-filled")] {
            let card = card(&archive, id).unwrap_or_else(|| panic!("{lang}: {id} not archived"));
            let label = ui_string(lang, status);
            assert!(card.contains(&label), "{lang}: {id} not marked {label:?}");
        }
        assert!(
            card(&archive, OPEN).is_none(),
            "{lang}: an open vacancy in the archive"
        );
    }
}

#[test]
fn job_posting_json_ld_is_on_open_vacancies_only() {
    let site = Site::new();
    let output = site.build_ok("public");
    let titles = [
        ("kk", "Патрульдік полиция басқармасының бастығы"),
        ("ru", "Начальник управления патрульной полиции"),
    ];
    let organisations = [
        ("kk", "Қазақстан Республикасы Ішкі істер министрлігі"),
        ("ru", "Министерство внутренних дел Республики Казахстан"),
    ];
    for (i, lang) in LANGS.into_iter().enumerate() {
        let page = output.read(&vacancy_page(lang, OPEN));
        let blocks = json_ld(&page);
        assert_eq!(
            blocks.len(),
            1,
            "{lang}: one JSON-LD block on an open vacancy"
        );
        let posting = &blocks[0];
        assert_eq!(posting["@type"], "JobPosting");
        assert_eq!(posting["title"], titles[i].1);
        assert_eq!(posting["datePosted"], "2026-11-24");
        let valid_through = posting["validThrough"].as_str().unwrap();
        assert!(valid_through.starts_with("2026-12-08"), "{valid_through}");
        assert_eq!(posting["hiringOrganization"]["name"], organisations[i].1);
        let identifier = &posting["identifier"];
        let id = identifier["value"].as_str().or(identifier.as_str());
        assert_eq!(id, Some(OPEN), "identifier: {identifier}");
        assert!(
            posting["description"]
                .as_str()
                .is_some_and(|d| !d.is_empty()),
            "a JobPosting needs a description"
        );

        for id in [CLOSED, FILLED, EXPIRED] {
            let page = output.read(&vacancy_page(lang, id));
            assert!(json_ld(&page).is_empty(), "{lang}: JobPosting on {id}");
        }
    }
}

/// The `<link rel="alternate" hreflang>` of a page, as (hreflang, href).
fn alternates(html: &str) -> Vec<(String, String)> {
    tags(html)
        .into_iter()
        .filter(|t| t.name == "link" && t.attr("rel") == Some("alternate"))
        .filter_map(|t| Some((t.attr("hreflang")?.to_string(), t.attr("href")?.to_string())))
        .collect()
}

#[test]
fn pages_link_their_translation_with_hreflang_both_ways() {
    let site = Site::new();
    let output = site.build_ok("public");
    let kk = absolute(&vacancy_dir("kk", OPEN));
    let ru = absolute(&vacancy_dir("ru", OPEN));
    for lang in LANGS {
        let found = alternates(&output.read(&vacancy_page(lang, OPEN)));
        for expected in [("kk", &kk), ("ru", &ru), ("x-default", &kk)] {
            assert!(
                found
                    .iter()
                    .any(|(l, h)| l == expected.0 && h == expected.1),
                "{lang} page lacks hreflang {} → {}; has {found:?}",
                expected.0,
                expected.1
            );
        }
    }
    let kk_list = absolute(&list_dir("kk"));
    let ru_list = absolute(&list_dir("ru"));
    for lang in LANGS {
        let found = alternates(&output.read(&format!("{}index.html", list_dir(lang))));
        assert!(
            found.contains(&("kk".into(), kk_list.clone())),
            "{lang} list: {found:?}"
        );
        assert!(
            found.contains(&("ru".into(), ru_list.clone())),
            "{lang} list: {found:?}"
        );
    }
}

#[test]
fn the_sitemap_lists_hreflang_alternates_both_ways() {
    let site = Site::new();
    let output = site.build_ok("public");
    let sitemap = output.read("sitemap.xml");
    let kk = absolute(&vacancy_dir("kk", OPEN));
    let ru = absolute(&vacancy_dir("ru", OPEN));
    for own in [&kk, &ru] {
        let entry = sitemap
            .split("<url>")
            .find(|e| e.contains(&format!("<loc>{own}</loc>")))
            .unwrap_or_else(|| panic!("no sitemap entry for {own}"));
        let links: Vec<(String, String)> = tags(entry)
            .into_iter()
            .filter(|t| t.name == "xhtml:link")
            .filter_map(|t| Some((t.attr("hreflang")?.to_string(), t.attr("href")?.to_string())))
            .collect();
        for expected in [("kk", &kk), ("ru", &ru), ("x-default", &kk)] {
            assert!(
                links
                    .iter()
                    .any(|(l, h)| l == expected.0 && h == expected.1),
                "sitemap entry {own} lacks {} → {}: {links:?}",
                expected.0,
                expected.1
            );
        }
    }
    for id in [DRAFT, FUTURE] {
        assert!(!sitemap.contains(id), "the sitemap lists unpublished {id}");
    }
}

#[test]
fn the_language_switch_points_at_the_same_vacancy_in_the_other_language() {
    let site = Site::new();
    let output = site.build_ok("public");
    for (lang, other) in [("kk", "ru"), ("ru", "kk")] {
        let page_path = vacancy_page(lang, OPEN);
        let page = output.read(&page_path);
        let switch = tags(&page)
            .into_iter()
            .find(|t| t.name == "a" && t.attr("hreflang") == Some(other))
            .unwrap_or_else(|| panic!("the {lang} page has no link to {other}"));
        let target = resolve(&page_path, switch.attr("href").unwrap());
        assert_eq!(target, vacancy_dir(other, OPEN), "the {lang} switch");
        assert!(output.exists(&format!("{target}index.html")));
    }
}

#[test]
fn open_vacancies_are_in_the_list_the_feed_and_the_json() {
    let site = Site::new();
    let output = site.build_ok("public");
    for lang in LANGS {
        let list = output.read(&format!("{}index.html", list_dir(lang)));
        assert!(
            card(&list, OPEN).is_some(),
            "{lang}: the open vacancy is not listed"
        );
        assert_eq!(json_ids(&output, lang), [OPEN]);
        let atom = output.read(&format!("{}atom.xml", list_dir(lang)));
        assert!(
            atom.contains(&absolute(&vacancy_dir(lang, OPEN))),
            "{lang} feed"
        );
    }
}
