//! Properties of `check` and `render` over generated input (proptest), in memory on the
//! base fixture (see `in_memory`): a generated valid vacancy always passes the check;
//! two builds of the same site are byte-identical; and any single-field corruption of a
//! valid record yields at least one error in that record's file.
//!
//! Case counts are small so that the suite stays fast; the fuzz targets in `fuzz/`
//! search the same ground for much longer.

mod in_memory;

use jiff::ToSpan;
use kadr_calendar::Calendar;
use kadr_load::Kind;
use proptest::prelude::*;
use proptest::sample::select;

use in_memory::{Site, today};

// ---------------------------------------------------------------- valid vacancies

/// No word is shared with [`RU_WORDS`]: a kk text equal to its ru text is an
/// untranslated copy (P4).
const KK_WORDS: &[&str] = &[
    "басқарма",
    "бастығы",
    "қызмет",
    "тергеу",
    "тәртіп",
    "қауіпсіздік",
    "құжаттар",
    "өтініш",
    "жауапкершілік",
    "ұйымдастыру",
];
const RU_WORDS: &[&str] = &[
    "управление",
    "начальник",
    "служба",
    "полиция",
    "порядок",
    "безопасность",
    "документы",
    "заявление",
    "ответственность",
    "организация",
];

/// A few words, a line of text in one language.
fn words(list: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::collection::vec(select(list), 1..8).prop_map(|w| w.join(" "))
}

/// Markdown as staff write it: paragraphs, lists, emphasis and allowed links.
fn markdown(list: &'static [&'static str]) -> impl Strategy<Value = String> {
    let block = prop_oneof![
        words(list),
        prop::collection::vec(words(list), 1..5)
            .prop_map(|items| items.iter().map(|i| format!("- {i}\n")).collect::<String>()),
        words(list).prop_map(|w| format!("### {w}")),
        words(list).prop_map(|w| format!("**{w}** [{w}](https://egov.kz/kadr)")),
        words(list).prop_map(|w| format!("{w}: [kadr@example.gov.kz](mailto:kadr@example.gov.kz)")),
    ];
    prop::collection::vec(block, 1..4).prop_map(|blocks| blocks.join("\n\n"))
}

/// A `{kk, ru}` pair as YAML, on one line or as Markdown blocks.
fn text_yaml(name: &str, kk: &str, ru: &str) -> String {
    if kk.contains('\n') || ru.contains('\n') {
        let indent = |s: &str| {
            s.lines()
                .map(|l| {
                    if l.is_empty() {
                        "\n".to_string()
                    } else {
                        format!("    {l}\n")
                    }
                })
                .collect::<String>()
        };
        format!("{name}:\n  kk: |\n{}  ru: |\n{}", indent(kk), indent(ru))
    } else {
        format!("{name}: {{kk: \"{kk}\", ru: \"{ru}\"}}\n")
    }
}

/// A vacancy of the base fixture's site that breaks no rule on [`today`].
#[derive(Debug, Clone)]
struct Vacancy {
    id: String,
    yaml: String,
}

impl Vacancy {
    fn path(&self) -> String {
        format!("content/vacancies/2026/{}.yaml", self.id)
    }
}

/// Units of the base fixture with the categories and requirements that fit them: a
/// central unit is not appointed to by a territorial head (P3), and the requirements
/// cover the category (P5).
const PLACEMENTS: &[(&str, bool, &str, &str)] = &[
    ("dp-almaty", false, "C-3", "directorate-heads"),
    ("dp-almaty", false, "C-5", "directorate-heads"),
    ("dp-astana", false, "C-1", "department-heads"),
    ("dp-astana", false, "C-2", "department-heads"),
    ("central-apparatus", true, "C-3", "directorate-heads"),
    ("central-apparatus", true, "C-1", "department-heads"),
];
const STATUSES: &[&str] = &["draft", "open", "closed", "filled", "cancelled"];

fn valid_vacancy() -> impl Strategy<Value = Vacancy> {
    (
        0u32..10_000,
        select(PLACEMENTS),
        0usize..3,
        select(STATUSES),
        any::<bool>(),
        (0i64..320, 0u32..=3, 0i64..60),
        (words(KK_WORDS), words(RU_WORDS)),
        (markdown(KK_WORDS), markdown(RU_WORDS)),
        (markdown(KK_WORDS), markdown(RU_WORDS)),
        prop::option::of((markdown(KK_WORDS), markdown(RU_WORDS))),
        (any::<bool>(), any::<bool>()),
    )
        .prop_map(
            |(
                number,
                (unit, central, category, requirements),
                authority,
                status,
                hr,
                (arose_day, within, open_days),
                position,
                duties,
                documents,
                conditions,
                (with_contacts, with_url),
            )| {
                let id = format!("2026-gen-{number:04}");
                let authority = if central {
                    ["minister", "deputy_minister"][authority % 2]
                } else {
                    ["minister", "deputy_minister", "territorial_head"][authority]
                };
                let calendar = Calendar::new(&Site::base().data.calendar);
                let arose = jiff::civil::date(2026, 1, 5) + arose_day.days();
                let published = calendar
                    .add_working_days(arose, within)
                    .expect("the base fixture's calendar covers 2026");
                let deadline = published + open_days.days();
                let mut yaml = format!(
                    "id: {id}\nstatus: {status}\nunit: {unit}\ncategory: {category}\n\
                     appointing_authority: {authority}\nplaced_by: {}\n\
                     requirements: {requirements}\n",
                    if hr { "hr" } else { "information_unit" }
                );
                yaml.push_str(&text_yaml("position", &position.0, &position.1));
                yaml.push_str(&text_yaml("duties", &duties.0, &duties.1));
                yaml.push_str(&text_yaml("documents", &documents.0, &documents.1));
                if let Some((kk, ru)) = &conditions {
                    yaml.push_str(&text_yaml("conditions", kk, ru));
                }
                yaml.push_str(&format!(
                    "arose_on: {arose}\npublished_on: {published}\ndeadline: {deadline}\n"
                ));
                if published <= today() {
                    yaml.push_str(&format!("updated_on: {}\n", published.max(arose)));
                }
                if with_contacts {
                    yaml.push_str(
                        "contacts: {phone: \"+7 7172 71 00 00\", email: \"kadr@example.gov.kz\"}\n",
                    );
                }
                if with_url {
                    yaml.push_str(&format!(
                        "competition_url: \"https://egov.kz/competition/{number}\"\n"
                    ));
                }
                Vacancy { id, yaml }
            },
        )
}

/// One to four generated vacancies with distinct ids.
fn valid_vacancies() -> impl Strategy<Value = Vec<Vacancy>> {
    prop::collection::vec(valid_vacancy(), 1..5).prop_map(|mut list| {
        list.sort_by(|a, b| a.id.cmp(&b.id));
        list.dedup_by(|a, b| a.id == b.id);
        list
    })
}

fn site_with(vacancies: &[Vacancy]) -> Site {
    let mut site = Site::base();
    for v in vacancies {
        site.put(Kind::Vacancy, &v.path(), v.yaml.as_bytes());
    }
    site
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn generated_valid_vacancies_always_pass_the_check(vacancies in valid_vacancies()) {
        let site = site_with(&vacancies);
        prop_assert_eq!(
            site.data.vacancies.len(),
            Site::base().data.vacancies.len() + vacancies.len(),
            "every generated vacancy is read as a complete record"
        );
        let errors = site.errors();
        prop_assert!(errors.is_empty(), "{errors:#?}\n{}", vacancies[0].yaml);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]

    #[test]
    fn two_builds_of_the_same_site_are_byte_identical(vacancies in valid_vacancies()) {
        let first = site_with(&vacancies).render();
        let second = site_with(&vacancies).render();
        let (Ok(first), Ok(second)) = (first, second) else {
            panic!("a valid site does not render");
        };
        prop_assert_eq!(first.len(), second.len());
        for (a, b) in first.iter().zip(&second) {
            prop_assert_eq!(&a.path, &b.path);
            prop_assert!(a.bytes == b.bytes, "{} differs between two builds", a.path);
        }
    }
}

// ---------------------------------------------------------------- corruptions

/// The record files of the base fixture, with their kind.
const FILES: &[(Kind, &str)] = &[
    (Kind::Site, "content/site.yaml"),
    (Kind::Categories, "content/categories.yaml"),
    (Kind::Unit, "content/units/dp-almaty.yaml"),
    (Kind::Unit, "content/units/central-apparatus.yaml"),
    (
        Kind::Requirement,
        "content/requirements/directorate-heads.yaml",
    ),
    (
        Kind::Requirement,
        "content/requirements/department-heads.yaml",
    ),
    (Kind::Calendar, "content/calendar/2026.yaml"),
    (
        Kind::Vacancy,
        "content/vacancies/2026/2026-dp-almaty-0142.yaml",
    ),
    (
        Kind::Vacancy,
        "content/vacancies/2026/2026-dp-astana-0171.yaml",
    ),
    (
        Kind::Vacancy,
        "content/vacancies/2026/2026-central-apparatus-0325.yaml",
    ),
];

/// Whether leaving field `key` out of a record of `kind` is an error.
fn required(kind: Kind, key: &str) -> bool {
    let fields: &[&str] = match kind {
        Kind::Site => &[
            "title",
            "base_url",
            "languages",
            "section",
            "publish_within_working_days",
        ],
        Kind::Categories => &["code", "name", "leadership"],
        Kind::Unit => &["id", "kind", "name", "address", "contacts"],
        Kind::Requirement => &["id", "categories", "source", "education", "experience"],
        Kind::Calendar => &["year", "holidays"],
        Kind::Vacancy => &[
            "id",
            "status",
            "unit",
            "category",
            "appointing_authority",
            "placed_by",
            "position",
            "requirements",
            "duties",
            "documents",
            "arose_on",
            "published_on",
            "deadline",
        ],
    };
    fields.contains(&key)
}

/// A value that is wrong for the field, whatever the record.
fn bad_value(key: &str) -> Option<&'static str> {
    Some(match key {
        "id" => "\"Bad Id\"",
        "arose_on" | "published_on" | "deadline" | "updated_on" => "2026-02-30",
        "status" => "opened",
        "unit" => "no-such-unit",
        "category" => "C-99",
        "requirements" => "no-such-requirements",
        "appointing_authority" => "president",
        "placed_by" => "nobody",
        "competition_url" => "\"http://egov.kz/competition\"",
        "base_url" => "\"ftp://example.gov.kz\"",
        "languages" => "[kk, kk]",
        "publish_within_working_days" => "0",
        "year" => "1800",
        "kind" => "regional",
        "code" => "\"С-1\"", // a Cyrillic С
        "leadership" => "maybe",
        "categories" => "[C-99]",
        _ => return None,
    })
}

/// One field of a record file: the lines it spans and its key.
#[derive(Debug, Clone)]
struct Field {
    first: usize,
    end: usize,
    key: String,
    /// What stands before the key on its first line (`- ` for a list item's first).
    prefix: String,
}

/// The record's own fields: top-level keys, or the keys of each list item.
fn fields(text: &str) -> Vec<Field> {
    let lines: Vec<&str> = text.lines().collect();
    let list = lines.iter().any(|l| l.starts_with("- "));
    let mut out: Vec<Field> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let (prefix, rest) = if list {
            match line.strip_prefix("- ").or_else(|| line.strip_prefix("  ")) {
                Some(rest) if !rest.starts_with(' ') => (&line[..2], rest),
                _ => continue,
            }
        } else {
            ("", *line)
        };
        let Some((key, _)) = rest.split_once(':') else {
            continue;
        };
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            continue;
        }
        if let Some(last) = out.last_mut() {
            last.end = i;
        }
        out.push(Field {
            first: i,
            end: lines.len(),
            key: key.to_string(),
            prefix: prefix.to_string(),
        });
    }
    // A field ends before the comments and blank lines that follow it.
    for f in &mut out {
        while f.end > f.first + 1 && lines[f.end - 1].trim_start().starts_with('#') {
            f.end -= 1;
        }
    }
    out
}

#[derive(Debug, Clone, Copy)]
enum Corruption {
    /// The key misspelt: an unknown field.
    Rename,
    /// The field written twice.
    Duplicate,
    /// A value of a type no field has: a list of lists.
    WrongType,
    /// A required field left out.
    Remove,
    /// A value of the right type that breaks the field's rule.
    BadValue,
}

/// `text` with `field` corrupted, or `None` when the corruption does not apply to it.
fn corrupt(kind: Kind, text: &str, field: &Field, how: Corruption) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let before = &lines[..field.first];
    let own = &lines[field.first..field.end];
    let after = &lines[field.end..];
    let replaced: Vec<String> = match how {
        Corruption::Rename => {
            let mut own: Vec<String> = own.iter().map(|l| l.to_string()).collect();
            own[0] = own[0].replacen(&format!("{}:", field.key), &format!("{}x:", field.key), 1);
            own
        }
        Corruption::Duplicate => {
            let mut own: Vec<String> = own.iter().map(|l| l.to_string()).collect();
            let mut copy = own.clone();
            if field.prefix == "- " {
                copy[0] = format!("  {}", &copy[0][2..]);
            }
            own.extend(copy);
            own
        }
        Corruption::WrongType => vec![format!("{}{}: [[1]]", field.prefix, field.key)],
        Corruption::Remove => {
            if !required(kind, &field.key) {
                return None;
            }
            // A list item keeps its dash on the next field.
            if field.prefix == "- " {
                let next = after.first()?;
                let mut rest: Vec<String> = after.iter().map(|l| l.to_string()).collect();
                rest[0] = format!("- {}", next.strip_prefix("  ")?);
                let mut out: Vec<String> = before.iter().map(|l| l.to_string()).collect();
                out.extend(rest);
                return Some(out.join("\n") + "\n");
            }
            Vec::new()
        }
        Corruption::BadValue => vec![format!(
            "{}{}: {}",
            field.prefix,
            field.key,
            bad_value(&field.key)?
        )],
    };
    let mut out: Vec<String> = before.iter().map(|l| l.to_string()).collect();
    out.extend(replaced);
    out.extend(after.iter().map(|l| l.to_string()));
    Some(out.join("\n") + "\n")
}

fn corruption() -> impl Strategy<Value = Corruption> {
    select(
        &[
            Corruption::Rename,
            Corruption::Duplicate,
            Corruption::WrongType,
            Corruption::Remove,
            Corruption::BadValue,
        ][..],
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_single_field_corruption_is_an_error_in_that_file(
        file in select(FILES),
        field_index in any::<prop::sample::Index>(),
        how in corruption(),
    ) {
        let (kind, path) = file;
        let text = std::fs::read_to_string(in_memory::crate_root().join("tests/fixtures/base").join(path))
            .expect("a base fixture file");
        let fields = fields(&text);
        prop_assume!(!fields.is_empty());
        let field = field_index.get(&fields);
        let corrupted = corrupt(kind, &text, field, how);
        prop_assume!(corrupted.is_some());
        let corrupted = corrupted.unwrap_or_default();

        let mut site = Site::base();
        site.put(kind, path, corrupted.as_bytes());
        let errors = site.errors();
        prop_assert!(
            errors.iter().any(|e| e.starts_with(&format!("{path}:"))),
            "{how:?} of `{}` in {path} gave no error there: {errors:#?}\n{corrupted}",
            field.key
        );
    }
}

#[test]
fn every_base_record_has_fields_to_corrupt() {
    for (_, path) in FILES {
        let text = std::fs::read_to_string(
            in_memory::crate_root()
                .join("tests/fixtures/base")
                .join(path),
        )
        .unwrap();
        assert!(fields(&text).len() >= 2, "{path}");
    }
}

#[test]
fn the_base_site_is_valid_and_renders() {
    let site = Site::base();
    assert_eq!(site.errors(), Vec::<String>::new());
    assert!(site.render().is_ok());
}
