//! Hostile input in bounded time: Markdown nested 10,000 levels deep, a 1 MiB line,
//! 100,000 list items, YAML of deeply nested flow collections, records that refer to
//! themselves. Each is refused or rendered in under a second, without a stack overflow
//! (the tests run on the test harness's threads, whose stacks are smaller than a
//! program's main thread).

mod in_memory;

use std::time::{Duration, Instant};

use kadr_load::Kind;
use kadr_markdown::to_html;

use in_memory::Site;

/// The time any one of these inputs may take, loading, checking and rendering: a second
/// for kadr as it runs (optimised). An unoptimised test build is several times slower
/// (the 100,000-item vacancy builds in 0.3 s optimised, 2 s not), so it gets five: still
/// far below what quadratic work on these sizes would take.
const LIMIT: Duration = if cfg!(debug_assertions) {
    Duration::from_secs(5)
} else {
    Duration::from_secs(1)
};

/// The vacancy of the base fixture that is open on `today`, its path and text.
const OPEN: &str = "content/vacancies/2026/2026-dp-almaty-0142.yaml";

fn open_vacancy() -> String {
    std::fs::read_to_string(
        in_memory::crate_root()
            .join("tests/fixtures/base")
            .join(OPEN),
    )
    .expect("the base fixture's open vacancy")
}

/// Runs `f` and fails if it took longer than [`LIMIT`].
fn bounded<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    assert!(took < LIMIT, "{what} took {took:?}");
    out
}

/// The open vacancy with its Russian duties replaced by `markdown` (a block scalar).
fn with_duties(markdown: &str) -> String {
    let text = open_vacancy();
    let start = text
        .find("  ru: |\n    ### Основные")
        .expect("the duties in Russian");
    let end = text.find("conditions:").expect("the conditions");
    let mut block = String::from("  ru: |\n");
    for line in markdown.lines() {
        block.push_str("    ");
        block.push_str(line);
        block.push('\n');
    }
    format!("{}{block}{}", &text[..start], &text[end..])
}

/// Loads, checks and (when the check passes) renders the base site with the open
/// vacancy replaced by `yaml`; returns the errors and the vacancy's Russian page.
fn build_with_vacancy(yaml: &str) -> (Vec<String>, Option<String>) {
    let mut site = Site::base();
    site.put(Kind::Vacancy, OPEN, yaml.as_bytes());
    let errors = site.errors();
    if !errors.is_empty() {
        return (errors, None);
    }
    let pages = site.render().expect("a site that checks clean renders");
    let page = pages
        .into_iter()
        .find(|p| p.path == "ru/kadrovaya-politika/2026-dp-almaty-0142/index.html")
        .map(|p| String::from_utf8(p.bytes.to_vec()).expect("pages are UTF-8"));
    (errors, page)
}

#[test]
fn markdown_nested_ten_thousand_levels_deep_renders_in_bounded_time() {
    for (what, markdown) in [
        ("block quotes", "> ".repeat(10_000) + "x"),
        ("lists", "- ".repeat(10_000) + "x"),
        ("ordered lists", "1. ".repeat(10_000) + "x"),
        (
            "links",
            "[".repeat(10_000) + "x" + &"](https://egov.kz)".repeat(10_000),
        ),
        ("emphasis", "*".repeat(10_000) + "x" + &"*".repeat(10_000)),
        (
            "images",
            "![".repeat(10_000) + &"](https://egov.kz)".repeat(10_000),
        ),
        ("HTML", "<div>".repeat(10_000)),
    ] {
        let html = bounded(what, || to_html(&markdown));
        assert!(!html.contains("<div"), "{what}");
    }
}

#[test]
fn a_vacancy_with_markdown_nested_ten_thousand_levels_deep_is_built_in_bounded_time() {
    for markdown in ["> ".repeat(10_000) + "x", "- ".repeat(10_000) + "x"] {
        let yaml = with_duties(&markdown);
        let (errors, page) = bounded("a deep vacancy", || build_with_vacancy(&yaml));
        assert!(errors.is_empty() != page.is_none(), "{errors:?}");
    }
}

#[test]
fn a_one_mebibyte_line_renders_in_bounded_time() {
    let line = "Қызмет ".repeat(1024 * 1024 / "Қызмет ".len());
    let html = bounded("a 1 MiB line", || to_html(&line));
    assert!(html.len() >= line.len());
    let link = format!("[{}](https://egov.kz)", "a".repeat(1024 * 1024));
    bounded("a 1 MiB link text", || to_html(&link));
}

#[test]
fn a_vacancy_file_with_a_one_mebibyte_line_is_refused_as_too_large() {
    let yaml = with_duties(&"ж".repeat(512 * 1024));
    let mut site = Site::base();
    let file = bounded("a 1 MiB vacancy", || {
        site.put(Kind::Vacancy, OPEN, yaml.as_bytes())
    });
    let ids: Vec<&str> = site
        .check()
        .into_iter()
        .filter(|d| d.loc.file == file)
        .map(|d| d.message.id)
        .collect();
    assert_eq!(ids, ["file-too-large"]);
}

#[test]
fn a_vacancy_with_a_line_just_under_the_size_limit_is_built_in_bounded_time() {
    // 900 KiB of Cyrillic (two bytes a letter) on one line, the rest of the file beside it.
    let yaml = with_duties(&"ж".repeat(450 * 1024));
    assert!(yaml.len() < 1024 * 1024);
    let (errors, page) = bounded("a 900 KiB line", || build_with_vacancy(&yaml));
    assert_eq!(errors, Vec::<String>::new());
    assert!(page.is_some_and(|p| p.len() > 900 * 1024));
}

#[test]
fn a_hundred_thousand_list_items_render_in_bounded_time() {
    let markdown = "- ж\n".repeat(100_000);
    let html = bounded("100,000 list items", || to_html(&markdown));
    assert_eq!(html.matches("<li>").count(), 100_000);
}

#[test]
fn a_vacancy_with_a_hundred_thousand_list_items_is_built_in_bounded_time() {
    let yaml = with_duties(&"- ж\n".repeat(100_000));
    let (errors, page) = bounded("a vacancy of 100,000 items", || build_with_vacancy(&yaml));
    assert_eq!(errors, Vec::<String>::new());
    assert!(page.is_some_and(|p| p.matches("<li>").count() >= 100_000));
}

#[test]
fn deeply_nested_flow_collections_are_refused_in_bounded_time() {
    for (what, value) in [
        ("sequences", "[".repeat(100_000) + &"]".repeat(100_000)),
        (
            "mappings",
            "{a: ".repeat(50_000) + "x" + &"}".repeat(50_000),
        ),
        ("unclosed", "[{".repeat(100_000)),
        ("mixed", "[{a: ".repeat(30_000) + &"}]".repeat(30_000)),
    ] {
        let yaml = format!(
            "{}duties: {value}\n",
            open_vacancy().replace("duties:", "old:")
        );
        let mut site = Site::base();
        let file = bounded(what, || site.put(Kind::Vacancy, OPEN, yaml.as_bytes()));
        let errors: Vec<&str> = site
            .check()
            .into_iter()
            .filter(|d| d.loc.file == file && d.is_error())
            .map(|d| d.message.id)
            .collect();
        assert!(
            errors.contains(&"yaml-too-complex") || errors.contains(&"yaml-syntax"),
            "{what}: {errors:?}"
        );
    }
}

/// Regression (found by this file): 50 levels of mappings, within the parser's depth
/// limit of the time (64), overflowed the 2 MiB stack of the loader's worker threads in
/// a debug build and aborted `kadr check`. The limit is now low enough for any build.
#[test]
fn mappings_nested_to_the_depth_limit_fit_on_a_worker_threads_stack() {
    let text = open_vacancy().replace("duties:", "old:");
    let cases: Vec<(String, String)> = (20..=64)
        .flat_map(|depth| {
            let flow = format!("duties: {}x{}\n", "{a: ".repeat(depth), "}".repeat(depth));
            let mut block = String::from("duties:\n");
            for level in 1..=depth {
                block.push_str(&" ".repeat(level));
                block.push_str("a:\n");
            }
            block.push_str(&" ".repeat(depth + 1));
            block.push_str("x\n");
            [
                (format!("{depth} flow"), flow),
                (format!("{depth} block"), block),
            ]
        })
        .collect();
    // The stack rayon gives its worker threads, whatever RUST_MIN_STACK says.
    let worker = std::thread::Builder::new().stack_size(2 * 1024 * 1024);
    let refused = worker
        .spawn(move || {
            cases
                .into_iter()
                .filter(|(_, yaml)| {
                    let bytes = format!("{text}{yaml}").into_bytes();
                    let (_, outcome) =
                        kadr_load::read_record(Kind::Vacancy, bytes, kadr_model::FileId(0), OPEN);
                    outcome
                        .diagnostics
                        .iter()
                        .any(|d| d.message.id == "yaml-too-complex")
                })
                .map(|(what, _)| what)
                .collect::<Vec<String>>()
        })
        .expect("a thread")
        .join()
        .expect("no stack overflow");
    assert!(refused.contains(&"64 flow".to_string()), "{refused:?}");
    assert!(refused.contains(&"64 block".to_string()), "{refused:?}");
}

#[test]
fn deeply_nested_block_collections_are_refused_in_bounded_time() {
    let mut yaml = String::from("id: x\nduties:\n");
    for depth in 1..1_000 {
        yaml.push_str(&" ".repeat(depth));
        yaml.push_str("a:\n");
    }
    let mut site = Site::base();
    let file = bounded("deep block mappings", || {
        site.put(Kind::Vacancy, OPEN, yaml.as_bytes())
    });
    assert!(
        site.check()
            .iter()
            .any(|d| d.loc.file == file && d.message.id == "yaml-too-complex"),
        "{:?}",
        site.errors()
    );
}

#[test]
fn a_record_whose_yaml_refers_to_itself_is_refused() {
    for (what, value) in [
        ("alias to its own anchor", "&d {kk: *d, ru: *d}"),
        (
            "alias to an anchor not yet defined",
            "{kk: *later, ru: &later x}",
        ),
        ("alias of a list inside itself", "&l [a, *l]"),
    ] {
        let text = open_vacancy();
        let yaml = text.replacen(
            "position:\n",
            &format!("position: {value}\nold_position:\n"),
            1,
        );
        let mut site = Site::base();
        let file = bounded(what, || site.put(Kind::Vacancy, OPEN, yaml.as_bytes()));
        let errors: Vec<String> = site.errors();
        assert!(
            errors.iter().any(|e| e.starts_with(OPEN)),
            "{what}: {errors:?}"
        );
        assert!(site.sources.get(file).is_some());
    }
}

#[test]
fn a_vacancy_that_refers_to_itself_is_an_error_not_a_loop() {
    let id = "2026-dp-almaty-0142";
    for field in ["unit", "requirements", "category"] {
        let text = open_vacancy();
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("{field}:")))
            .expect("the field");
        let yaml = text.replacen(line, &format!("{field}: {id}"), 1);
        let (errors, _) = bounded(field, || build_with_vacancy(&yaml));
        assert!(
            errors.iter().any(|e| e.starts_with(OPEN)),
            "{field}: {errors:?}"
        );
    }
}

#[test]
fn twenty_thousand_unknown_fields_are_printed_for_people_in_bounded_time() {
    // One record with 20,000 misspelt fields: each is a problem with a snippet of its
    // own line. Finding each line by counting from the top made this quadratic (an
    // adversarial run measured 18.8 s for 40,000 in the human format).
    let mut text = open_vacancy();
    for i in 0..20_000 {
        text.push_str(&format!("extra_{i}: 1\n"));
    }
    assert!(text.len() < 1024 * 1024, "{} bytes", text.len());
    let mut site = Site::base();
    site.put(Kind::Vacancy, OPEN, text.into_bytes());
    let diagnostics = site.check();
    assert!(diagnostics.len() >= 20_000, "{}", diagnostics.len());
    let messages = kadr_diagnostic::Messages::new(kadr_diagnostic::messages::MessageLang::En);
    let printed = bounded("the human format of 20,000 problems", || {
        kadr_diagnostic::print(
            &diagnostics,
            &site.sources,
            &messages,
            kadr_diagnostic::Format::Human,
            false,
        )
    });
    assert!(printed.contains("extra_19999"));
}
