//! The serve path reuses what it can from the previous build (records of unchanged
//! files, the compiled theme, vacancy pages with unchanged inputs). Whatever it reuses,
//! the result must equal a build from scratch: these tests edit a site step by step and
//! compare every page.

mod common;

use common::copy_dir;

use std::path::{Path, PathBuf};

use jiff::civil::date;
use kadr_pipeline::{self as pipeline, Session};
use kadr_render::Page;

fn sample_site(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kadr-incremental-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let repo = common::crate_root();
    for folder in ["content", "themes", "locales"] {
        copy_dir(&repo.join(folder), &dir.join(folder));
    }
    dir
}

/// The diagnostics of a build as comparable lines.
fn problems(checked: &pipeline::Checked) -> Vec<String> {
    checked
        .diagnostics
        .iter()
        .map(|d| {
            format!(
                "{}:{:?} {} {:?}",
                checked.sources().path(d.loc.file),
                d.loc.pos,
                d.message.id,
                d.message.args
            )
        })
        .collect()
}

fn full_build(root: &Path) -> (Vec<Page>, Vec<String>) {
    let today = date(2026, 11, 27);
    let mut checked = pipeline::check(root, today).unwrap();
    let pages = pipeline::render(&mut checked, today).expect("the site builds");
    (pages, problems(&checked))
}

fn incremental_build(root: &Path, session: &mut Session) -> (Vec<Page>, Vec<String>) {
    let today = date(2026, 11, 27);
    let mut checked = pipeline::check_in(root, today, session).unwrap();
    let pages = pipeline::render_in(&mut checked, today, session);
    assert!(
        !checked.has_errors(),
        "{:?}",
        checked
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .collect::<Vec<_>>()
    );
    (pages.expect("the site builds"), problems(&checked))
}

fn assert_same(
    (incremental, found): &(Vec<Page>, Vec<String>),
    (full, expected): &(Vec<Page>, Vec<String>),
    step: &str,
) {
    assert_eq!(found, expected, "{step}: the diagnostics differ");
    let paths = |pages: &[Page]| pages.iter().map(|p| p.path.clone()).collect::<Vec<_>>();
    let (incremental, full) = (incremental.as_slice(), full.as_slice());
    assert_eq!(
        paths(incremental),
        paths(full),
        "{step}: the sets of pages differ"
    );
    for (a, b) in incremental.iter().zip(full) {
        assert!(
            a.bytes == b.bytes,
            "{step}: {} differs from a full build",
            a.path
        );
    }
}

fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} lacks {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn incremental_rebuilds_equal_full_builds_after_each_kind_of_edit() {
    let root = sample_site("steps");
    let mut session = Session::default();
    assert_same(
        &incremental_build(&root, &mut session),
        &full_build(&root),
        "first build",
    );

    // One vacancy's title.
    edit(
        &root,
        "content/vacancies/2026/2026-dp-almaty-0142.yaml",
        "Начальник управления патрульной полиции",
        "Начальник управления патрульной полиции города",
    );
    assert_same(
        &incremental_build(&root, &mut session),
        &full_build(&root),
        "vacancy edit",
    );

    // A unit shown on several vacancy pages.
    edit(&root, "content/units/dp-almaty.yaml", "Алматы", "Алматы қ.");
    assert_same(
        &incremental_build(&root, &mut session),
        &full_build(&root),
        "unit edit",
    );

    // A requirement record shared by several vacancies.
    edit(
        &root,
        "content/requirements/directorate-heads.yaml",
        "Приказ",
        "Приказ Министра",
    );
    assert_same(
        &incremental_build(&root, &mut session),
        &full_build(&root),
        "requirement edit",
    );

    // A category name, and a UI string (the theme is recompiled).
    edit(
        &root,
        "content/categories.yaml",
        "Басқарма бастығы\"",
        "Басқарманың бастығы\"",
    );
    edit(
        &root,
        "locales/ru/main.ftl",
        "Последний день приёма документов",
        "Срок подачи документов",
    );
    assert_same(
        &incremental_build(&root, &mut session),
        &full_build(&root),
        "category and locale edit",
    );

    // A vacancy removed, another closed.
    std::fs::remove_file(root.join("content/vacancies/2026/2026-dp-astana-0207.yaml")).unwrap();
    edit(
        &root,
        "content/vacancies/2026/2026-dp-shymkent-0095.yaml",
        "status: open",
        "status: closed",
    );
    assert_same(
        &incremental_build(&root, &mut session),
        &full_build(&root),
        "removal and status change",
    );

    // A new vacancy (files after it in the sorted order get new file ids).
    let source = root.join("content/vacancies/2026/2026-dp-almaty-0142.yaml");
    let text = std::fs::read_to_string(&source).unwrap();
    std::fs::write(
        root.join("content/vacancies/2026/2026-dp-almaty-0143.yaml"),
        text.replace("2026-dp-almaty-0142", "2026-dp-almaty-0143")
            .replace("города", "области"),
    )
    .unwrap();
    assert_same(
        &incremental_build(&root, &mut session),
        &full_build(&root),
        "addition",
    );

    let _ = std::fs::remove_dir_all(root);
}

/// Whether `page` is a vacancy's own page or its fragment
/// (`{lang}/{section}/{id}/index.html`, `…/embed.html`; every id starts with its year).
fn is_vacancy_page(page: &Page) -> bool {
    let parts: Vec<&str> = page.path.split('/').collect();
    parts.len() == 4
        && parts[2].starts_with("20")
        && (parts[3] == "index.html" || parts[3] == "embed.html")
}

fn is_archive_page(page: &Page) -> bool {
    page.path.split('/').nth(2) == Some("archive")
}

/// Issue 7, the serve path: a rebuild renders again only the pages that show what
/// changed. (A cache key once used the "first" entry of a hash map, which differs from
/// one build to the next, so every archive page was rendered on every save.)
#[test]
fn a_rebuild_renders_again_only_the_pages_that_show_the_change() {
    let root = sample_site("reuse");
    let mut session = Session::default();
    let (pages, _) = incremental_build(&root, &mut session);
    let first = session.last_render();
    assert_eq!(first.pages, pages.len(), "every page is counted");
    assert_eq!(first.reused, 0, "the first build has nothing to reuse");

    let cacheable = pages
        .iter()
        .filter(|p| is_vacancy_page(p) || is_archive_page(p))
        .count();
    let archive = pages.iter().filter(|p| is_archive_page(p)).count();
    assert!(
        archive >= 2,
        "the sample site has an archive in both languages"
    );
    assert!(
        cacheable > archive + 20,
        "the sample site has vacancy pages"
    );

    // Nothing changed: every vacancy page and every archive page is reused.
    incremental_build(&root, &mut session);
    assert_eq!(session.last_render().reused, cacheable, "unchanged site");

    // An open vacancy's title: its page and its fragment in each language are rendered
    // again; the archive does not list it.
    edit(
        &root,
        "content/vacancies/2026/2026-dp-almaty-0142.yaml",
        "Начальник управления патрульной полиции",
        "Начальник управления патрульной полиции города",
    );
    incremental_build(&root, &mut session);
    assert_eq!(
        session.last_render().reused,
        cacheable - 4,
        "one open vacancy"
    );
}
