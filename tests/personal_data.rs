//! B12 (RULES.md): no field that reaches the published site may hold a national ID
//! number (ИИН/ЖСН), however it is written. Each test puts the valid ИИН 900101300017,
//! in one disguise, into every field of the base site that reaches an output (pages,
//! feeds, `vacancies.json`, JSON-LD, the sitemap, file paths), one field at a time,
//! and asserts that `kadr check` fails with B12 at that field's line and that
//! `kadr build` writes nothing. Numbers a reader sees as separate (phones, dates,
//! order numbers, postcodes, tables) must stay clean, and so must a generated site.

mod common;

use common::{Site, kadr, vacancy_file};

/// 900101300017: a checksum-valid ИИН (born 1 January 1990).
const IIN: &str = "900101300017";

/// How a field is published, which decides the disguises that make sense in it.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// Human-readable text (Markdown where the field is): every disguise.
    Text,
    /// Published as written (ids, slugs, codes, phones, e-mails, addresses): no Markdown.
    Value,
}

/// One field: where it is and how to put a value into it.
struct Field {
    name: &'static str,
    kind: Kind,
    file: String,
    edit: Edit,
    /// Another edit the case needs (to make a vacancy file a partial record).
    also: Option<(&'static str, &'static str)>,
}

/// How a value is put into a field.
enum Edit {
    /// Replaces the one occurrence of `from` by `to`, where `{v}` stands for the value
    /// (written as the inside of a YAML double-quoted string); the field's line is the
    /// first that holds `line` once edited.
    Replace {
        from: &'static str,
        to: &'static str,
        line: &'static str,
    },
    /// Replaces the Kazakh text of the field `header` (a block scalar) by the value,
    /// double-quoted; the field's line is the one after the header.
    Kazakh { header: &'static str },
}

fn replace(
    name: &'static str,
    kind: Kind,
    file: &str,
    from: &'static str,
    to: &'static str,
    line: &'static str,
) -> Field {
    Field {
        name,
        kind,
        file: file.to_string(),
        edit: Edit::Replace { from, to, line },
        also: None,
    }
}

fn kazakh(name: &'static str, file: &str, header: &'static str) -> Field {
    Field {
        name,
        kind: Kind::Text,
        file: file.to_string(),
        edit: Edit::Kazakh { header },
        also: None,
    }
}

/// Every field of the base site that reaches an output. A text gets the value at its
/// start, followed by a blank line (so that a Markdown table in it stays a table) and
/// a word (the feeds join a table's last cell to the next paragraph).
fn fields() -> Vec<Field> {
    use Kind::{Text, Value};
    let site = "content/site.yaml";
    let categories = "content/categories.yaml";
    let unit = "content/units/dp-astana.yaml";
    let requirement = "content/requirements/directorate-heads.yaml";
    let calendar = "content/calendar/2026.yaml";
    let open = vacancy_file(common::OPEN);
    let open = open.as_str();
    let mut list = vec![
        replace(
            "site title",
            Text,
            site,
            "title: {kk: \"Қазақстан",
            "title: {kk: \"{v}\\n\\nҚазақстан",
            "title:",
        ),
        replace(
            "base_url",
            Value,
            site,
            "\"https://example.gov.kz/qriim\"",
            "\"https://example.gov.kz/{v}\"",
            "base_url:",
        ),
        replace(
            "section kk parent",
            Text,
            site,
            "parent: \"Ведомствоның",
            "parent: \"{v}\\n\\nВедомствоның",
            "kk: {parent",
        ),
        replace(
            "section kk title",
            Text,
            site,
            "title: \"Кадр саясаты\"",
            "title: \"{v}\\n\\nКадр саясаты\"",
            "kk: {parent",
        ),
        replace(
            "section kk slug",
            Value,
            site,
            "slug: \"kadr-sayasaty\"",
            "slug: \"kadr-{v}\"",
            "kk: {parent",
        ),
        replace(
            "section ru parent",
            Text,
            site,
            "parent: \"Деятельность",
            "parent: \"{v}\\n\\nДеятельность",
            "ru: {parent",
        ),
        replace(
            "section ru title",
            Text,
            site,
            "title: \"Кадровая политика\"",
            "title: \"{v}\\n\\nКадровая политика\"",
            "ru: {parent",
        ),
        replace(
            "section ru slug",
            Value,
            site,
            "slug: \"kadrovaya-politika\"",
            "slug: \"kadrovaya-{v}\"",
            "ru: {parent",
        ),
        replace(
            "category code",
            Value,
            categories,
            "- code: C-7",
            "- code: \"C-{v}\"",
            "- code: \"C-",
        ),
        replace(
            "category name",
            Text,
            categories,
            "{kk: \"Аға инспектор\"",
            "{kk: \"{v}\\n\\nАға инспектор\"",
            "Аға инспектор",
        ),
        replace(
            "unit id",
            Value,
            unit,
            "id: dp-astana",
            "id: \"dp-{v}\"",
            "id:",
        ),
        replace(
            "unit name",
            Text,
            unit,
            "name: {kk: \"Астана",
            "name: {kk: \"{v}\\n\\nАстана",
            "name:",
        ),
        replace(
            "unit address",
            Text,
            unit,
            "address: {kk: \"Сарыарқа",
            "address: {kk: \"{v}\\n\\nСарыарқа",
            "address:",
        ),
        replace(
            "unit postal_code",
            Value,
            unit,
            "postal_code: \"010000\"",
            "postal_code: \"{v}\"",
            "postal_code:",
        ),
        replace(
            "unit locality",
            Text,
            unit,
            "locality: {kk: \"Астана",
            "locality: {kk: \"{v}\\n\\nАстана",
            "locality:",
        ),
        replace(
            "unit region",
            Text,
            unit,
            "locality: {kk:",
            "region: {kk: \"{v}\\n\\nАқмола\", ru: \"Акмолинская\"}\nlocality: {kk:",
            "region:",
        ),
        replace(
            "unit contact officer",
            Text,
            unit,
            "person: {kk: \"Сұлтанова",
            "person: {kk: \"{v}\\n\\nСұлтанова",
            "contacts:",
        ),
        replace(
            "site emblem",
            Value,
            site,
            "publish_within_working_days: 3",
            "publish_within_working_days: 3\nemblem: \"static/{v}.svg\"",
            "emblem:",
        ),
        replace(
            "unit phone",
            Value,
            unit,
            "phone: \"+7 7172 00 21 45\"",
            "phone: \"{v}\"",
            "contacts:",
        ),
        replace(
            "unit email",
            Value,
            unit,
            "email: \"kadr-astana@",
            "email: \"kadr-{v}@",
            "contacts:",
        ),
        replace(
            "requirement id",
            Value,
            requirement,
            "id: directorate-heads",
            "id: \"heads-{v}\"",
            "id:",
        ),
        replace(
            "requirement categories",
            Value,
            requirement,
            "categories: [C-3, C-5]",
            "categories: [C-3, C-5, \"C-{v}\"]",
            "categories:",
        ),
        replace(
            "requirement source",
            Text,
            requirement,
            "kk: \"«Қазақстан Республикасы ішкі істер",
            "kk: \"{v}\\n\\n«Қазақстан Республикасы ішкі істер",
            "лауазымдарының санаттарына",
        ),
        replace(
            "requirement education",
            Text,
            requirement,
            "kk: \"Жоғары заң",
            "kk: \"{v}\\n\\nЖоғары заң",
            "Жоғары заң",
        ),
        replace(
            "requirement experience",
            Text,
            requirement,
            "kk: \"Кемінде 7 жыл",
            "kk: \"{v}\\n\\nКемінде 7 жыл",
            "Кемінде 7 жыл",
        ),
        kazakh("requirement other", requirement, "other:"),
        replace(
            "holiday name",
            Text,
            calendar,
            "{kk: \"Астана күні\"",
            "{kk: \"{v}\\n\\nАстана күні\"",
            "Астана күні",
        ),
        replace(
            "vacancy id",
            Value,
            open,
            "id: 2026-dp-almaty-0142",
            "id: \"2026-dp-{v}\"",
            "id:",
        ),
        replace(
            "vacancy unit",
            Value,
            open,
            "unit: dp-almaty",
            "unit: \"dp-{v}\"",
            "unit:",
        ),
        replace(
            "vacancy category",
            Value,
            open,
            "category: C-3",
            "category: \"C-{v}\"",
            "category:",
        ),
        replace(
            "vacancy requirements",
            Value,
            open,
            "requirements: directorate-heads",
            "requirements: \"heads-{v}\"",
            "requirements:",
        ),
        replace(
            "vacancy position",
            Text,
            open,
            "  kk: \"Патрульдік полиция басқармасының бастығы\"",
            "  kk: \"{v}\\n\\nПатрульдік полиция басқармасының бастығы\"",
            "Патрульдік полиция басқармасының бастығы",
        ),
        kazakh("vacancy duties", open, "duties:"),
        kazakh("vacancy conditions", open, "conditions:"),
        kazakh("vacancy documents", open, "documents:"),
        replace(
            "vacancy late_reason",
            Text,
            open,
            "deadline: 2026-12-08\n",
            "deadline: 2026-12-08\nlate_reason: {kk: \"{v}\\n\\nКешігу\", ru: \"{v}\\n\\nОпоздание\"}\n",
            "late_reason:",
        ),
        replace(
            "vacancy phone",
            Value,
            open,
            "phone: \"+7 727 000 31 26\"",
            "phone: \"{v}\"",
            "contacts:",
        ),
        replace(
            "vacancy email",
            Value,
            open,
            "email: \"kadr-almaty-patrol@",
            "email: \"kadr-{v}@",
            "contacts:",
        ),
        replace(
            "vacancy contact officer",
            Text,
            open,
            "person: {kk: \"Бекмұхамбетов",
            "person: {kk: \"{v}\\n\\nБекмұхамбетов",
            "contacts:",
        ),
        replace(
            "vacancy max_rank",
            Text,
            open,
            "max_rank: {kk: \"полиция",
            "max_rank: {kk: \"{v}\\n\\nполиция",
            "max_rank:",
        ),
        replace(
            "vacancy selection",
            Text,
            open,
            "max_rank: {kk:",
            "selection:\n  - {kk: \"{v}\\n\\nӘңгімелесу\", ru: \"Собеседование\"}\nmax_rank: {kk:",
            "  - {kk:",
        ),
        replace(
            "requirement selection",
            Text,
            requirement,
            "  - {kk: \"Қазақстан Республикасының заңнамасын",
            "  - {kk: \"{v}\\n\\nҚазақстан Республикасының заңнамасын",
            "заңнамасын білуге",
        ),
        replace(
            "vacancy competition_url",
            Value,
            open,
            "deadline: 2026-12-08\n",
            "deadline: 2026-12-08\ncompetition_url: \"https://eqyzmet.gov.kz/{v}\"\n",
            "competition_url:",
        ),
    ];
    // The fields of a vacancy file that is not a complete record are scanned too.
    let mut partial = replace(
        "id of a partial vacancy",
        Value,
        open,
        "id: 2026-dp-almaty-0142",
        "id: \"2026-dp-{v}\"",
        "id:",
    );
    partial.also = Some(("status: open", "status: opened"));
    list.push(partial);
    list
}

/// Replaces the Kazakh block text of the field `header` in `text` by `value` (already
/// escaped), double-quoted; returns the new text and the 1-based line of the value.
fn replace_kazakh_block(text: &str, header: &str, value: &str) -> (String, u64) {
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| *l == header)
        .unwrap_or_else(|| panic!("no line {header:?}"));
    assert!(
        lines[at + 1].starts_with("  kk: |"),
        "{header} has a Kazakh block text"
    );
    let end = (at + 2..lines.len())
        .find(|&i| !(lines[i].starts_with("    ") || lines[i].is_empty()))
        .unwrap_or(lines.len());
    let mut out: Vec<String> = lines[..=at].iter().map(|l| l.to_string()).collect();
    out.push(format!("  kk: \"{value}\""));
    out.extend(lines[end..].iter().map(|l| l.to_string()));
    (out.join("\n") + "\n", at as u64 + 2)
}

/// `value` as the inside of a YAML double-quoted string: everything but printable
/// ASCII and Cyrillic escaped, so that invisible characters survive the file.
fn yaml_escaped(value: &str) -> String {
    let mut out = String::new();
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            ' '..='~' | 'А'..='ӿ' => out.push(c),
            c if (c as u32) <= 0xFFFF => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push_str(&format!("\\U{:08X}", c as u32)),
        }
    }
    out
}

/// Puts `value` into `field` of a fresh base site; asserts that `kadr check` reports
/// B12 at the field's line and that `kadr build` fails and writes nothing. Returns
/// what went wrong, if anything, for one report over every field.
fn assert_flagged(field: &Field, disguise: &str, value: &str) -> Option<String> {
    let site = Site::new();
    let escaped = yaml_escaped(value);
    let line = match &field.edit {
        Edit::Replace { from, to, line } => {
            site.edit(&field.file, from, &to.replace("{v}", &escaped));
            site.line_of(&field.file, line)
        }
        Edit::Kazakh { header } => {
            let (text, line) = replace_kazakh_block(&site.read(&field.file), header, &escaped);
            site.write(&field.file, &text);
            line
        }
    };
    if let Some((from, to)) = field.also {
        site.edit(&field.file, from, to);
    }
    let at_line = |outcome: &common::Outcome| {
        outcome.diagnostics.iter().any(|d| {
            d["severity"] == "error"
                && d["rule"] == "B12"
                && d["file"] == field.file.as_str()
                && d["line"].as_u64() == Some(line)
        })
    };
    let check = site.check();
    if check.code != 1 || !at_line(&check) {
        return Some(format!(
            "{} ({disguise}): kadr check did not report B12 at {}:{line}\n{}",
            field.name,
            field.file,
            check.report()
        ));
    }
    // What a build leaves whatever its outcome: its cache and the output's lock file.
    let published = || {
        let mut entries = site.entries();
        entries.retain(|e| e != ".kadr-cache" && e != ".public.kadr-lock");
        entries
    };
    let before = published();
    let build = site.build("public");
    if build.code != 1 || !at_line(&build) || site.path("public").exists() || published() != before
    {
        return Some(format!(
            "{} ({disguise}): kadr build did not refuse, or wrote files\n{}",
            field.name,
            build.report()
        ));
    }
    None
}

/// Runs [`assert_flagged`] for every field the disguise applies to.
fn every_field(disguise: &str, value: &str, kinds: &[Kind]) {
    assert_ne!(value, "", "a disguise");
    let failures: Vec<String> = fields()
        .iter()
        .filter(|f| kinds.contains(&f.kind))
        .filter_map(|f| assert_flagged(f, disguise, value))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of the fields let the ИИН through:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

const ALL: &[Kind] = &[Kind::Text, Kind::Value];
const TEXTS: &[Kind] = &[Kind::Text];
const VALUES: &[Kind] = &[Kind::Value];

/// One test per disguise, over every field it applies to.
macro_rules! disguises {
    ($($name:ident: $value:expr, $kinds:expr;)*) => {$(
        #[test]
        fn $name() {
            every_field(stringify!($name), &$value, $kinds);
        }
    )*};
}

disguises! {
    b12_plain_iin_in_every_field: IIN, ALL;
    b12_iin_split_by_a_space_in_every_field: "900101 300017", ALL;
    b12_iin_in_groups_of_three_in_every_field: "900 101 300 017", ALL;
    b12_iin_split_by_a_no_break_space_in_every_field: "900101\u{A0}300017", ALL;
    b12_iin_split_by_a_narrow_no_break_space_in_every_field: "900101\u{202F}300017", ALL;
    b12_iin_split_by_a_thin_space_in_every_field: "900101\u{2009}300017", ALL;
    b12_iin_split_by_a_hyphen_in_every_field: "900101-300017", ALL;
    b12_iin_split_by_a_dot_in_every_field: "900101.300017", ALL;
    b12_iin_split_by_a_line_break_in_every_field: "900101\n300017", ALL;
    b12_iin_split_by_a_zero_width_space_in_every_field: "900101\u{200B}300017", ALL;
    b12_iin_split_by_a_zero_width_joiner_in_every_field: "9001\u{200D}01300017", ALL;
    b12_iin_split_by_a_word_joiner_in_every_field: "900101\u{2060}300017", ALL;
    b12_iin_split_by_a_soft_hyphen_in_every_field: "900101\u{AD}300017", ALL;
    b12_iin_in_fullwidth_digits_in_every_field: "９００１０１３０００１７", ALL;
    b12_iin_in_arabic_indic_digits_in_every_field: "٩٠٠١٠١٣٠٠٠١٧", ALL;
    b12_percent_encoded_iin_in_every_value: "%39%30%30%31%30%31%33%30%30%30%31%37", VALUES;
    b12_iin_behind_an_html_entity_in_every_text: "&#57;00101300017", TEXTS;
    b12_iin_half_in_bold_in_every_text: "900101**300017**", TEXTS;
    b12_iin_half_in_code_in_every_text: "`900101`300017", TEXTS;
    b12_iin_split_across_two_links_in_every_text: "[900101](https://x.kz)[300017](https://x.kz)", TEXTS;
    b12_iin_in_a_percent_encoded_link_target_in_every_text: "[ЖСН](https://x.kz/%39%30%30%31%30%31%33%30%30%30%31%37)", TEXTS;
    b12_iin_split_across_table_cells_in_every_text: "| 900101 | 300017 |\n|---|---|", TEXTS;
}

/// The texts of the open vacancy's documents in Russian, as a block of Markdown.
fn with_russian_documents(site: &Site, markdown: &str) {
    let file = vacancy_file(common::OPEN);
    let text = site.read(&file);
    let start = text.find("documents:\n").expect("documents");
    let ru = start
        + text[start..]
            .find("  ru: |\n")
            .expect("documents in Russian");
    let end = ru
        + text[ru..]
            .find("arose_on:")
            .expect("arose_on after the documents");
    let mut block = String::from("  ru: |\n");
    for line in markdown.lines() {
        block.push_str("    ");
        block.push_str(line);
        block.push('\n');
    }
    site.write(&file, &format!("{}{block}{}", &text[..ru], &text[end..]));
}

#[test]
fn b12_numbers_a_reader_sees_as_separate_are_not_an_iin() {
    let site = Site::new();
    with_russian_documents(
        &site,
        "Телефоны: +7 727 000 00 00, +7 (727) 254-40-00, 8 700 123 45 67.\n\
         Приказ № 11357 от 05.05.2015, регистрационный № 432; индекс 050000.\n\
         Приём с 27.11.2026 - 30.11.2026, 9:00–18:00; оклад 610 000–760 000 тенге, 640 000, 780 000.\n\
         Срок: 2026-12-08, до 23:59:59+05:00.\n\
         \n\
         | год | месяц | день | номер |\n\
         |---|---|---|---|\n\
         | 1990 | 01 | 01 | 300017 |\n\
         | 900101 | 300017 | 5 | 12 |\n\
         \n\
         Номера 900101 300017 5 и 1 900101 300017 — не одно число.",
    );
    let outcome = site.check();
    outcome.assert_code(0).assert_no_errors();
}

#[test]
fn b12_the_rule_id_and_the_line_are_reported_once_rendering_shows_the_number() {
    let site = Site::new();
    with_russian_documents(&site, "Первый абзац.\n\nКандидат: **900101**300017.");
    let outcome = site.check();
    outcome.assert_code(1);
    let file = vacancy_file(common::OPEN);
    outcome.assert_error(&file, site.line_of(&file, "**900101**"), Some("B12"), "ИИН");
}

#[test]
fn b12_a_generated_site_has_no_iin() {
    let dir = std::env::temp_dir().join(format!("kadr-generated-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = dir.to_string_lossy().into_owned();
    let from = common::crate_root().to_string_lossy().into_owned();
    kadr(&[
        "generate-site",
        "--vacancies",
        "300",
        "--out",
        &out,
        "--from",
        &from,
        "--today",
        common::TODAY,
    ])
    .assert_code(0);
    let outcome = kadr(&[
        "check",
        "--root",
        &out,
        "--today",
        common::TODAY,
        "--format",
        "json",
        "--no-cache",
    ]);
    let _ = std::fs::remove_dir_all(&dir);
    outcome.assert_code(0).assert_no_errors();
}
