//! `kadr check`: every problem SPEC.md and RULES.md name is reported, as an error (exit
//! code 1) at the file and line where it is, with its rule id where one applies.
//!
//! Each test starts from the valid base site (`tests/fixtures/base/`) and breaks one
//! thing, mostly in the open vacancy `2026-dp-almaty-0142`.

mod common;

use std::time::{Duration, Instant};

use common::{OPEN, Site, kadr, vacancy_file};

/// The record most tests break: an open vacancy of a territorial unit.
fn open_vacancy() -> String {
    vacancy_file(OPEN)
}

#[test]
fn the_base_fixture_is_a_valid_site() {
    let outcome = Site::new().check();
    outcome.assert_code(0);
    assert!(
        outcome.diagnostics.is_empty(),
        "the base fixture must be clean\n{}",
        outcome.report()
    );
}

#[test]
fn the_repository_sample_site_passes_check() {
    let root = common::crate_root().to_string_lossy().into_owned();
    let outcome = kadr(&[
        "check",
        "--root",
        &root,
        "--today",
        common::TODAY,
        "--format",
        "json",
    ]);
    outcome.assert_code(0).assert_no_errors();
}

#[test]
fn rejects_a_text_without_its_russian_translation() {
    let site = Site::new();
    let file = open_vacancy();
    site.edit(
        &file,
        "position:\n  kk: \"Патрульдік полиция басқармасының бастығы\"\n  ru: \"Начальник управления патрульной полиции\"\n",
        "position: {kk: \"Патрульдік полиция басқармасының бастығы\"}\n",
    );
    let outcome = site.check();
    outcome.assert_code(1);
    outcome.assert_error(
        &file,
        site.line_of(&file, "position:"),
        Some("P4"),
        "Russian (ru) text is missing",
    );
}

#[test]
fn rejects_an_unknown_field_and_suggests_the_known_one() {
    let site = Site::new();
    let file = open_vacancy();
    site.edit(&file, "deadline: 2026-12-08", "deadlin: 2026-12-08");
    let outcome = site.check();
    outcome.assert_code(1);
    let d = outcome.assert_error(
        &file,
        site.line_of(&file, "deadlin:"),
        None,
        "unknown field `deadlin`",
    );
    let hint = d["hint"].as_str().unwrap_or_default();
    assert!(hint.contains("did you mean `deadline`"), "hint: {hint}");
}

#[test]
fn rejects_a_vacancy_whose_unit_does_not_exist() {
    let site = Site::new();
    let file = open_vacancy();
    site.edit(&file, "unit: dp-almaty", "unit: dp-almata");
    let outcome = site.check();
    outcome.assert_code(1);
    let d = outcome.assert_error(
        &file,
        site.line_of(&file, "unit: dp-almata"),
        None,
        "dp-almata",
    );
    let hint = d["hint"].as_str().unwrap_or_default();
    assert!(hint.contains("dp-almaty"), "hint: {hint}");
}

#[test]
fn names_the_cyrillic_letter_in_a_category_code() {
    let site = Site::new();
    let file = open_vacancy();
    // "С-3" with U+0421 CYRILLIC CAPITAL LETTER ES, typed in the Russian layout.
    site.edit(&file, "category: C-3", "category: \u{0421}-3");
    let outcome = site.check();
    outcome.assert_code(1);
    let d = outcome.assert_error(&file, site.line_of(&file, "category:"), None, "Cyrillic");
    let message = d["message"].as_str().unwrap();
    assert!(
        message.contains('\u{0421}') || message.contains("U+0421"),
        "the message must name the Cyrillic letter: {message}"
    );
}

#[test]
fn names_the_cyrillic_letter_in_a_code_of_categories_yaml() {
    let site = Site::new();
    // Cyrillic Е (U+0415) and С (U+0421) in a new category's code.
    let file = add_category(&site, "\u{0421}-\u{0415}-1");
    let outcome = site.check();
    outcome.assert_code(1);
    outcome.assert_error(file, site.line_of(file, "- code: С-Е-1"), None, "Cyrillic");
}

/// Adds a leadership category with `code` to categories.yaml, just before `C-7`.
fn add_category(site: &Site, code: &str) -> &'static str {
    let file = "content/categories.yaml";
    site.edit(
        file,
        "- code: C-7\n",
        &format!(
            "- code: {code}\n  name: {{kk: \"Сарапшы\", ru: \"Эксперт\"}}\n  leadership: true\n- code: C-7\n"
        ),
    );
    file
}

#[test]
fn rejects_a_duplicate_key() {
    let site = Site::new();
    let file = open_vacancy();
    site.edit(
        &file,
        "unit: dp-almaty\n",
        "unit: dp-almaty\nstatus: closed\n",
    );
    let outcome = site.check();
    outcome.assert_code(1);
    outcome.assert_error(
        &file,
        site.line_of(&file, "status: closed"),
        None,
        "`status`",
    );
}

#[test]
fn rejects_kazakh_text_copied_into_the_russian_one() {
    let site = Site::new();
    let file = open_vacancy();
    site.edit(
        &file,
        "  ru: \"Начальник управления патрульной полиции\"",
        "  ru: \"Патрульдік полиция басқармасының бастығы\"",
    );
    let outcome = site.check();
    outcome.assert_code(1);
    let position_ru = site.line_of(&file, "position:") + 2;
    outcome.assert_error(&file, position_ru, Some("P4"), "identical");
}

#[test]
fn rejects_an_id_that_names_a_parent_folder() {
    let site = Site::new();
    let file = open_vacancy();
    site.edit(
        &file,
        "id: 2026-dp-almaty-0142",
        "id: ../2026-dp-almaty-0142",
    );
    let outcome = site.check();
    outcome.assert_code(1);
    outcome.assert_error(
        &file,
        site.line_of(&file, "id: "),
        None,
        "may contain only lower-case Latin letters, digits and hyphens",
    );
}

#[test]
fn rejects_a_file_name_that_differs_from_the_id() {
    let site = Site::new();
    let file = open_vacancy();
    site.edit(&file, "id: 2026-dp-almaty-0142", "id: 2026-dp-almaty-0143");
    let outcome = site.check();
    outcome.assert_code(1);
    outcome.assert_error(
        &file,
        site.line_of(&file, "id: "),
        None,
        "differs from the file name",
    );
}

#[test]
fn reports_a_yaml_syntax_error_on_its_line() {
    let site = Site::new();
    let file = open_vacancy();
    // An unquoted text with ": " in it: the most common YAML mistake in a record.
    site.edit(
        &file,
        "  ru: \"Начальник управления патрульной полиции\"",
        "  ru: Начальник управления: патрульная полиция",
    );
    let outcome = site.check();
    outcome.assert_code(1);
    outcome.assert_error(
        &file,
        site.line_of(&file, "Начальник управления: патрульная"),
        None,
        "YAML syntax error",
    );
}

#[test]
fn refuses_an_alias_bomb_quickly() {
    let site = Site::new();
    let file = "content/vacancies/2026/2026-dp-almaty-0150.yaml";
    // "Billion laughs": ten levels of nine aliases each expand to 9^10 strings.
    let mut bomb = String::from(
        "a0: &a0 [\"ха\", \"ха\", \"ха\", \"ха\", \"ха\", \"ха\", \"ха\", \"ха\", \"ха\"]\n",
    );
    for level in 1..10 {
        let previous = format!("*a{}", level - 1);
        let items = [previous.as_str(); 9].join(", ");
        bomb.push_str(&format!("a{level}: &a{level} [{items}]\n"));
    }
    site.write(file, &bomb);
    let started = Instant::now();
    let outcome = site.check();
    let took = started.elapsed();
    outcome.assert_code(1);
    let refused = outcome
        .errors()
        .into_iter()
        .any(|d| d["file"] == file && d["message"].as_str().unwrap().contains("alias"));
    assert!(
        refused,
        "the bomb must be refused as such\n{}",
        outcome.report()
    );
    assert!(
        took < Duration::from_secs(2),
        "an alias bomb must be refused quickly, took {took:?}"
    );
}

#[test]
fn rejects_a_file_that_is_not_utf8() {
    let site = Site::new();
    let file = open_vacancy();
    let text = site.read(&file);
    // The Russian position saved in Windows-1251 by an old editor: "Начальник" in cp1251.
    let cp1251_nachalnik: &[u8] = &[0xCD, 0xE0, 0xF7, 0xE0, 0xEB, 0xFC, 0xED, 0xE8, 0xEA];
    let utf8 = "Начальник управления патрульной полиции";
    let (before, after) = text.split_once(utf8).unwrap();
    let mut bytes = before.as_bytes().to_vec();
    bytes.extend_from_slice(cp1251_nachalnik);
    bytes.extend_from_slice(after.as_bytes());
    site.write_bytes(&file, &bytes);
    let line = before.lines().count() as u64;
    let outcome = site.check();
    outcome.assert_code(1);
    outcome.assert_error(&file, line, None, "not UTF-8");
}

#[test]
fn rejects_a_category_that_is_not_a_leadership_one() {
    let site = Site::new();
    let file = open_vacancy();
    site.edit(&file, "category: C-3", "category: C-7");
    let outcome = site.check();
    outcome.assert_code(1);
    outcome.assert_error(
        &file,
        site.line_of(&file, "category: C-7"),
        Some("P3"),
        "not a leadership category",
    );
}

#[test]
fn rejects_an_appointing_authority_outside_p3() {
    let site = Site::new();
    let file = open_vacancy();
    site.edit(
        &file,
        "appointing_authority: territorial_head",
        "appointing_authority: director",
    );
    let outcome = site.check();
    outcome.assert_code(1);
    outcome.assert_error(
        &file,
        site.line_of(&file, "appointing_authority:"),
        Some("P3"),
        "director",
    );
}

#[test]
fn rejects_a_territorial_head_appointing_in_the_central_apparatus() {
    let site = Site::new();
    let file = vacancy_file(common::FILLED);
    site.edit(
        &file,
        "appointing_authority: minister",
        "appointing_authority: territorial_head",
    );
    let outcome = site.check();
    outcome.assert_code(1);
    outcome.assert_error(
        &file,
        site.line_of(&file, "appointing_authority:"),
        Some("P3"),
        "central",
    );
}

#[test]
fn rejects_a_requirement_record_that_does_not_cover_the_category() {
    let site = Site::new();
    let file = open_vacancy();
    site.edit(
        &file,
        "requirements: directorate-heads",
        "requirements: department-heads",
    );
    let outcome = site.check();
    outcome.assert_code(1);
    outcome.assert_error(
        &file,
        site.line_of(&file, "requirements:"),
        Some("P5"),
        "does not cover category `C-3`",
    );
}

#[test]
fn rejects_a_deadline_before_publication() {
    let site = Site::new();
    let file = open_vacancy();
    site.edit(&file, "deadline: 2026-12-08", "deadline: 2026-11-20");
    let outcome = site.check();
    outcome.assert_code(1);
    outcome.assert_error(
        &file,
        site.line_of(&file, "deadline:"),
        None,
        "before publication",
    );
}

#[test]
fn rejects_a_malformed_email() {
    let site = Site::new();
    let file = open_vacancy();
    site.edit(
        &file,
        "email: \"kadr-almaty-patrol@example.gov.kz\"",
        "email: \"kadr-almaty-patrol@example\"",
    );
    let outcome = site.check();
    outcome.assert_code(1);
    outcome.assert_error(
        &file,
        site.line_of(&file, "contacts:"),
        None,
        "kadr-almaty-patrol@example",
    );
}

#[test]
fn rejects_a_national_id_number_in_public_text() {
    let site = Site::new();
    let file = vacancy_file(common::CLOSED);
    // 900101300017 is a checksum-valid ИИН (born 1 January 1990): personal data.
    site.edit(
        &file,
        "  kk: \"Өтініш, жеке парақ,",
        "  kk: \"Үлгі: Сейітқали Ержан, ЖСН 900101300017. Өтініш, жеке парақ,",
    );
    let outcome = site.check();
    outcome.assert_code(1);
    outcome.assert_error(
        &file,
        site.line_of(&file, "900101300017"),
        Some("B12"),
        "ИИН",
    );
}

#[test]
fn points_at_the_line_of_a_problem_inside_a_block_text() {
    let site = Site::new();
    let file = open_vacancy();
    site.edit(
        &file,
        "    - Патрульдік полиция басқармасының қызметіне басшылық жасау.",
        "    - Басқарманың қызметіне басшылық жасау (бұрынғы бастық, ЖСН 900101300017).",
    );
    let outcome = site.check();
    outcome.assert_code(1);
    outcome.assert_error(
        &file,
        site.line_of(&file, "900101300017"),
        Some("B12"),
        "ИИН",
    );
}

#[test]
fn rejects_a_link_with_a_javascript_address() {
    let site = Site::new();
    let file = vacancy_file(common::CLOSED);
    site.edit(
        &file,
        "  ru: \"Заявление, личный листок,",
        "  ru: \"[Заявление](javascript:alert(1)), личный листок,",
    );
    let outcome = site.check();
    outcome.assert_code(1);
    outcome.assert_error(
        &file,
        site.line_of(&file, "javascript:"),
        None,
        "javascript:alert(1)",
    );
}

#[test]
fn warns_about_raw_html_in_a_text_but_passes() {
    let site = Site::new();
    let file = vacancy_file(common::CLOSED);
    site.edit(
        &file,
        "  ru: \"Заявление, личный листок,",
        "  ru: \"<b>Заявление</b>, личный листок,",
    );
    let outcome = site.check();
    outcome.assert_code(0).assert_no_errors();
    outcome.assert_warning(&file, site.line_of(&file, "<b>"), None, "raw HTML");
}

#[test]
fn rejects_the_same_id_in_two_folders() {
    let site = Site::new();
    let file_2026 = open_vacancy();
    let file_2025 = format!("content/vacancies/2025/{OPEN}.yaml");
    site.write(&file_2025, &site.read(&file_2026));
    let outcome = site.check();
    outcome.assert_code(1);
    let duplicate = outcome.errors().into_iter().find(|d| {
        let message = d["message"].as_str().unwrap();
        (d["file"] == file_2026.as_str() && message.contains(&file_2025))
            || (d["file"] == file_2025.as_str() && message.contains(&file_2026))
    });
    let d = duplicate.unwrap_or_else(|| {
        panic!(
            "expected an error in one file naming the other\n{}",
            outcome.report()
        )
    });
    let id_line = site.line_of(&file_2026, "id: ");
    assert_eq!(d["line"], id_line, "the error points at the id: {d}");
}

/// A vacancy's page is `{section}/{id}/`; the archive and the filter pages are folders
/// of the same section, so their names cannot be vacancy ids.
#[test]
fn rejects_a_vacancy_named_after_a_folder_of_the_section() {
    for reserved in ["archive", "unit", "category", "embed"] {
        let site = Site::new();
        let text = site
            .read(&open_vacancy())
            .replace(&format!("id: {OPEN}"), &format!("id: {reserved}"));
        site.remove(&open_vacancy());
        let file = format!("content/vacancies/2026/{reserved}.yaml");
        site.write(&file, &text);
        let outcome = site.check();
        outcome.assert_code(1);
        outcome.assert_error(
            &file,
            site.line_of(&file, "id: "),
            None,
            &format!("may not have the id `{reserved}`"),
        );
    }
}

/// Filter pages are at `category/{code in lower case}/`: codes that differ only in case
/// would share one.
#[test]
fn rejects_category_codes_that_differ_only_in_case() {
    let site = Site::new();
    let file = add_category(&site, "c-7");
    let outcome = site.check();
    outcome.assert_code(1);
    outcome.assert_error(
        file,
        site.line_of(file, "- code: C-7"),
        None,
        "`C-7` differs from `c-7` only in case",
    );
}

#[test]
fn rejects_a_record_over_one_mebibyte() {
    let site = Site::new();
    let file = open_vacancy();
    let mut text = site.read(&file);
    // 6 MB of a YAML comment: valid YAML, but no record is that large.
    let line = format!("# {}\n", "ә".repeat(1000));
    while text.len() < 6_000_000 {
        text.push_str(&line);
    }
    site.write(&file, &text);
    let outcome = site.check();
    outcome.assert_code(1);
    outcome.assert_error(&file, 1, None, "at most 1 MiB");
}

#[test]
fn reports_a_missing_site_yaml_clearly() {
    let site = Site::new();
    site.remove("content/site.yaml");
    let outcome = site.check();
    outcome.assert_code(1);
    outcome.assert_error("content/site.yaml", 1, None, "content/site.yaml not found");
}

#[test]
fn rejects_vacancy_published_four_working_days_late() {
    let site = Site::new();
    let file = open_vacancy();
    // Arose on Friday 13 November: the last day to publish is Wednesday 18 November;
    // 19, 20, 23 and 24 November make publication on the 24th four working days late.
    site.edit(&file, "arose_on: 2026-11-20", "arose_on: 2026-11-13");
    let outcome = site.check();
    outcome.assert_code(1);
    outcome.assert_error(
        &file,
        site.line_of(&file, "published_on:"),
        Some("P4"),
        "4 working days",
    );
}

#[test]
fn accepts_a_late_posting_with_a_recorded_reason_as_a_warning() {
    let site = Site::new();
    let file = open_vacancy();
    site.edit(
        &file,
        "arose_on: 2026-11-20\n",
        "arose_on: 2026-11-13\nlate_reason:\n  kk: \"Кадр қызметінің бастығы іссапарда болды\"\n  ru: \"Начальник кадровой службы находился в командировке\"\n",
    );
    let outcome = site.check();
    outcome.assert_code(0).assert_no_errors();
    outcome.assert_warning(
        &file,
        site.line_of(&file, "published_on:"),
        Some("P4"),
        "4 working days",
    );
}

#[test]
fn counts_the_carried_over_nauryz_days_as_days_off() {
    let site = Site::new();
    let file = open_vacancy();
    // Arose on Friday 20 March. 21–23 March are Nauryz, and the Saturday and Sunday
    // holidays move to 24 and 25 March, so the three working days are 26, 27 and 30 March.
    site.edit(&file, "arose_on: 2026-11-20", "arose_on: 2026-03-20");
    site.edit(
        &file,
        "published_on: 2026-11-24",
        "published_on: 2026-03-30",
    );
    site.edit(&file, "deadline: 2026-12-08", "deadline: 2026-04-13");
    site.check().assert_code(0).assert_no_errors();

    site.edit(
        &file,
        "published_on: 2026-03-30",
        "published_on: 2026-03-31",
    );
    let outcome = site.check();
    outcome.assert_code(1);
    outcome.assert_error(
        &file,
        site.line_of(&file, "published_on:"),
        Some("P4"),
        "1 working day",
    );
}

#[test]
fn rejects_a_date_outside_every_calendar_file() {
    // 2031 is in no calendar: neither the site's nor one built into kadr.
    let site = Site::new();
    let file = open_vacancy();
    site.edit(&file, "arose_on: 2026-11-20", "arose_on: 2031-01-06");
    site.edit(
        &file,
        "published_on: 2026-11-24",
        "published_on: 2031-01-07",
    );
    site.edit(&file, "deadline: 2026-12-08", "deadline: 2031-01-20");
    let outcome = site.check();
    outcome.assert_code(1);
    outcome.assert_error(&file, site.line_of(&file, "arose_on:"), Some("P4"), "2031");
}

#[test]
fn reports_every_problem_of_one_file_at_once() {
    let site = Site::with_fixture("several-problems");
    let file = "content/vacancies/2026/2026-dp-almaty-0150.yaml";
    let outcome = site.check();
    outcome.assert_code(1);
    let line = |needle| site.line_of(file, needle);
    outcome.assert_error(file, line("unit: dp-almata"), None, "dp-almata");
    outcome.assert_error(file, line("category: C-7"), Some("P3"), "leadership");
    outcome.assert_error(file, line("900101300017"), Some("B12"), "ИИН");
    outcome.assert_error(file, line("deadline:"), None, "before publication");
    outcome.assert_error(file, line("contacts:"), None, "kadr-almaty@example");
}

#[test]
fn a_misspelt_field_does_not_hide_the_other_problems_of_its_record() {
    let site = Site::new();
    let file = open_vacancy();
    site.edit(&file, "deadline: 2026-12-08", "deadlin: 2026-12-08");
    site.edit(&file, "unit: dp-almaty", "unit: dp-almata");
    site.edit(&file, "category: C-3", "category: C-7");
    let outcome = site.check();
    outcome.assert_code(1);
    outcome.assert_error(&file, site.line_of(&file, "deadlin:"), None, "deadlin");
    outcome.assert_error(&file, site.line_of(&file, "unit:"), None, "dp-almata");
    outcome.assert_error(&file, site.line_of(&file, "category:"), Some("P3"), "C-7");
}

#[test]
fn reports_problems_of_several_files_in_one_run() {
    let site = Site::new();
    let open = open_vacancy();
    let closed = vacancy_file(common::CLOSED);
    site.edit(&open, "category: C-3", "category: C-7");
    site.edit(&closed, "unit: dp-astana", "unit: dp-astan");
    let outcome = site.check();
    outcome.assert_code(1);
    outcome.assert_error(&open, site.line_of(&open, "category:"), Some("P3"), "C-7");
    outcome.assert_error(&closed, site.line_of(&closed, "unit:"), None, "dp-astan");
}

#[test]
fn human_format_shows_file_line_column_and_rule() {
    let site = Site::new();
    let file = open_vacancy();
    site.edit(&file, "category: C-3", "category: C-7");
    let outcome = site.check_with(&["--format", "human"]);
    outcome.assert_code(1);
    let printed = format!("{}{}", outcome.stdout, outcome.stderr);
    let place = format!("{file}:{}:11", site.line_of(&file, "category:"));
    assert!(
        printed.contains(&place),
        "expected {place}\n{}",
        outcome.report()
    );
    assert!(
        printed.contains("P3"),
        "expected the rule id\n{}",
        outcome.report()
    );
}

fn has_cyrillic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

#[test]
fn lang_ru_prints_messages_in_russian() {
    let site = Site::new();
    let file = open_vacancy();
    site.edit(&file, "category: C-3", "category: C-7");
    let line = site.line_of(&file, "category:");
    let english = site.check();
    let russian = site.check_with(&["--format", "json", "--lang", "ru"]);
    russian.assert_code(1);
    let d = russian.assert_error(&file, line, Some("P3"), "C-7");
    let message = d["message"].as_str().unwrap();
    assert!(has_cyrillic(message), "not Russian: {message}");
    assert_ne!(
        d["message"],
        english.assert_error(&file, line, Some("P3"), "C-7")["message"]
    );
}

#[test]
fn lang_kk_prints_messages_in_kazakh() {
    let site = Site::new();
    let file = open_vacancy();
    site.edit(&file, "category: C-3", "category: C-7");
    let line = site.line_of(&file, "category:");
    let kazakh = site.check_with(&["--format", "json", "--lang", "kk"]);
    let russian = site.check_with(&["--format", "json", "--lang", "ru"]);
    kazakh.assert_code(1);
    let d = kazakh.assert_error(&file, line, Some("P3"), "C-7");
    let message = d["message"].as_str().unwrap();
    assert!(has_cyrillic(message), "not Kazakh: {message}");
    assert_ne!(
        d["message"],
        russian.assert_error(&file, line, Some("P3"), "C-7")["message"],
        "the Kazakh message must not be the Russian one"
    );
}

/// English words left in a human report once what the user wrote is set aside: the
/// source lines quoted under each problem, file names, `quoted` values and «quoted»
/// texts, rule ids and the field names of the YAML (which are English by design).
fn english_words(report: &str) -> Vec<String> {
    // The record fields come from the one field table; the rest are the words of a
    // YAML value or a rule id.
    const OTHER_NAMES: &[&str] = &[
        "kk", "ru", "min", "max", "true", "false", "YAML", "P2", "P3", "P4", "P5", "B12", "C2",
    ];
    let is_name = |w: &str| {
        kadr_model::fields::VACANCY_NAMES.contains(&w)
            || kadr_model::fields::UNIT_NAMES.contains(&w)
            || OTHER_NAMES.contains(&w)
    };
    let mut words = Vec::new();
    for line in report.lines() {
        let line = line.trim_start();
        // The quoted source: `48 | published_on: 12`, ` |   ^^`, and `--> file:line:col`.
        if line.starts_with('|')
            || line.starts_with("-->")
            || line
                .split_once(" |")
                .is_some_and(|(n, _)| n.trim().parse::<u32>().is_ok())
        {
            continue;
        }
        let mut rest = String::new();
        let mut quoted = None;
        for c in line.chars() {
            match (quoted, c) {
                (None, '`') => quoted = Some('`'),
                (None, '«') => quoted = Some('»'),
                (None, '"') => quoted = Some('"'),
                (Some(q), c) if c == q => quoted = None,
                (Some(_), _) => {}
                (None, c) => rest.push(c),
            }
        }
        // File names (`content/categories.yaml`) are names, not words.
        let rest: Vec<&str> = rest
            .split_whitespace()
            .filter(|t| !t.contains('/') && !t.contains(".yaml"))
            .collect();
        for word in rest
            .join(" ")
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        {
            let word = word.trim_matches('-');
            if word.chars().filter(char::is_ascii_alphabetic).count() >= 2 && !is_name(word) {
                words.push(word.to_string());
            }
        }
    }
    words
}

/// Issue 16: with `--lang kk` (or `ru`, or `KADR_LANG`), a broken site's report has no
/// English word: labels, type names, the YAML parser's detail and the summary are all in
/// the chosen language.
#[test]
fn a_broken_site_is_reported_without_english_in_kazakh_and_in_russian() {
    let site = Site::new();
    let file = open_vacancy();
    site.edit(&file, "category: C-3", "category: C-7");
    let text = site.read(&file);
    let published = text
        .lines()
        .find(|l| l.starts_with("published_on:"))
        .unwrap()
        .to_string();
    site.edit(&file, &published, "published_on: 12\nbogus_field: 1");
    site.write(
        "content/units/broken.yaml",
        "id: broken\nname: {kk: \"а\", ru: [\n",
    );
    site.write("content/units/tabbed.yaml", "id: tabbed\nname:\n\tkk: а\n");

    let english = site.check_with(&[]);
    english.assert_code(1);
    let report = format!("{}{}", english.stdout, english.stderr);
    assert!(
        report.contains("error:") && report.contains("help:"),
        "{report}"
    );
    assert!(
        !english_words(&report).is_empty(),
        "the English report has English words"
    );
    for (lang, label) in [("kk", "қате:"), ("ru", "ошибка:")] {
        let flag = site.check_with(&["--lang", lang]);
        let env = site.check_with_env(&[], &[("KADR_LANG", lang)]);
        for outcome in [&flag, &env] {
            outcome.assert_code(1);
            let report = format!("{}{}", outcome.stdout, outcome.stderr);
            assert!(report.contains(label), "{lang}: {report}");
            let words = english_words(&report);
            assert!(
                words.is_empty(),
                "{lang}: English words {words:?} in\n{report}"
            );
        }
    }
}
