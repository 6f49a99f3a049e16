//! The JSON Schemas in `schemas/` (what editors validate against while staff type) agree
//! with the loader: every sample record validates against its schema, every record file
//! names its schema on its first line, a record the loader refuses is refused by the
//! schema too, and `kadr schema` writes exactly the committed files.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use kadr_load::yaml::{self, Node};
use kadr_review::schema::Kind;
use serde_json::Value;

use common::{Site, crate_root, kadr};

/// A YAML node as the JSON value an editor's YAML language server sees.
fn to_json(node: &Node) -> Value {
    match &node.value {
        yaml::Value::Null => Value::Null,
        yaml::Value::Bool(b) => Value::Bool(*b),
        yaml::Value::Int(i) => Value::from(*i),
        yaml::Value::Float(f) => Value::from(*f),
        yaml::Value::Str(s) => Value::String(s.clone()),
        yaml::Value::Seq(items) => Value::Array(items.iter().map(to_json).collect()),
        yaml::Value::Map(entries) => Value::Object(
            entries
                .iter()
                .map(|(k, v)| {
                    let key = match &k.value {
                        yaml::Value::Str(s) => s.clone(),
                        other => format!("{other:?}"),
                    };
                    (key, to_json(v))
                })
                .collect(),
        ),
    }
}

fn validator(kind: Kind) -> jsonschema::Validator {
    let path = crate_root().join("schemas").join(kind.file_name());
    let schema: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{} is not a valid schema: {e}", path.display()))
}

/// The problems of the record file `rel` (relative to `site`) against its schema.
fn problems(site: &Path, rel: &str) -> Vec<String> {
    let kind = Kind::of_path(rel).unwrap_or_else(|| panic!("{rel} has no schema"));
    let text = fs::read_to_string(site.join(rel)).unwrap();
    let node = yaml::parse(&text).unwrap_or_else(|e| panic!("{rel}: {e:?}"));
    let value = to_json(&node);
    validator(kind)
        .iter_errors(&value)
        .map(|e| format!("{rel}: {} at {}", e, e.instance_path()))
        .collect()
}

/// Every record file under `site/content/`, relative to `site`.
fn record_files(site: &Path) -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "yaml") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&site.join("content"), &mut files);
    let mut rel: Vec<String> = files
        .iter()
        .map(|p| {
            p.strip_prefix(site)
                .unwrap()
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/")
        })
        .collect();
    rel.sort();
    rel
}

fn sample_sites() -> Vec<PathBuf> {
    vec![
        crate_root().to_path_buf(),
        crate_root().join("tests/fixtures/base"),
    ]
}

#[test]
fn every_sample_record_validates_against_its_schema() {
    let mut all = Vec::new();
    let mut count = 0;
    for site in sample_sites() {
        for rel in record_files(&site) {
            count += 1;
            all.extend(problems(&site, &rel));
        }
    }
    assert!(count > 40, "only {count} files found");
    assert!(all.is_empty(), "{}", all.join("\n"));
}

#[test]
fn every_sample_record_names_its_schema_on_its_first_line() {
    for site in sample_sites() {
        for rel in record_files(&site) {
            let kind = Kind::of_path(&rel).unwrap();
            let text = fs::read_to_string(site.join(&rel)).unwrap();
            let first = text.lines().next().unwrap_or_default();
            let target = first
                .strip_prefix("# yaml-language-server: $schema=")
                .unwrap_or_else(|| panic!("{rel} does not start with the schema line: {first}"));
            // The path resolves, from the file's folder, to the committed schema.
            let file = site.join(&rel);
            let resolved = file.parent().unwrap().join(target);
            assert!(
                resolved.is_file() && target.ends_with(kind.file_name()),
                "{}: {target} does not lead to schemas/{}",
                file.display(),
                kind.file_name()
            );
            assert_eq!(
                resolved.canonicalize().unwrap(),
                crate_root()
                    .join("schemas")
                    .join(kind.file_name())
                    .canonicalize()
                    .unwrap()
            );
        }
    }
}

#[test]
fn the_schema_refuses_what_the_loader_refuses() {
    let site = Site::new();
    let file = common::vacancy_file(common::OPEN);
    let cases = [
        ("status: open", "status: opened"),
        (
            "placed_by: information_unit",
            "placed_by: information_unit\npublished_by: hr",
        ),
        ("deadline: 2026-12-08", "deadline: 08.12.2026"),
        ("category: C-3", "category: С-3"), // a Cyrillic С
        ("  ru: \"Начальник управления патрульной полиции\"\n", ""),
    ];
    for (from, to) in cases {
        let original = site.read(&file);
        site.edit(&file, from, to);
        assert!(
            !problems(site.root(), &file).is_empty(),
            "the schema accepts {to:?}"
        );
        site.write(&file, &original);
    }
}

#[test]
fn kadr_schema_writes_the_committed_schemas() {
    let site = Site::new();
    let out = site.path("schemas-out");
    let out_arg = out.to_string_lossy().into_owned();
    kadr(&["schema", "--out", &out_arg]).assert_code(0);
    let read = |dir: &Path| -> BTreeMap<String, String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let path = e.unwrap().path();
                (
                    path.file_name().unwrap().to_string_lossy().into_owned(),
                    fs::read_to_string(&path).unwrap(),
                )
            })
            .collect()
    };
    let written = read(&out);
    let committed = read(&crate_root().join("schemas"));
    assert_eq!(
        written.keys().collect::<Vec<_>>(),
        committed.keys().collect::<Vec<_>>()
    );
    for (name, text) in &written {
        assert!(
            committed[name] == *text,
            "schemas/{name} is out of date: run `cargo run -- schema --out schemas`"
        );
    }
}

#[test]
fn a_new_vacancy_shows_exactly_its_placeholders_as_problems_in_the_editor() {
    let site = Site::new();
    let root = site.root().to_string_lossy().into_owned();
    let outcome = kadr(&[
        "new",
        "vacancy",
        "--root",
        &root,
        "--unit",
        "dp-almaty",
        "--category",
        "C-3",
        "--today",
        common::TODAY,
    ]);
    outcome.assert_code(0);
    let rel = outcome.stdout.trim();
    let found = problems(site.root(), rel);
    // As `kadr check` refuses them (P4), the schema flags each text still to fill in,
    // in each language, and nothing else.
    let mut at: Vec<&str> = found
        .iter()
        .map(|p| {
            assert!(
                p.contains("\"pattern\":\"⟦\""),
                "not a placeholder problem: {p}"
            );
            p.rsplit(" at ").next().unwrap()
        })
        .collect();
    at.sort();
    let expected = [
        "/conditions/kk",
        "/conditions/ru",
        "/documents/kk",
        "/documents/ru",
        "/duties/kk",
        "/duties/ru",
        "/max_rank/kk",
        "/max_rank/ru",
        "/position/kk",
        "/position/ru",
    ];
    assert_eq!(at, expected, "{}", found.join("\n"));
    // Filled in, it validates.
    let text = fs::read_to_string(site.path(rel)).unwrap();
    let filled = text.replace(['⟦', '⟧'], "");
    fs::write(site.path(rel), filled).unwrap();
    assert_eq!(problems(site.root(), rel), Vec::<String>::new());
}
