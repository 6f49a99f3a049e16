//! One term for one thing (docs/glossary.yaml): no variant the glossary avoids appears
//! in the UI strings, the theme, the sample content, the calendars kadr ships, kadr's
//! own messages, or the files `kadr init` writes.

mod common;

use std::path::Path;

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Term {
    en: String,
    kk: String,
    ru: String,
    #[serde(default)]
    avoid_kk: Vec<String>,
    #[serde(default)]
    avoid_ru: Vec<String>,
    source: String,
    #[serde(default, rename = "except")]
    exempt: Vec<String>,
}

fn glossary() -> Vec<Term> {
    let text = std::fs::read_to_string(common::crate_root().join("docs/glossary.yaml")).unwrap();
    serde_saphyr::from_str(&text).expect("docs/glossary.yaml is a list of terms")
}

/// Every text file below the places the glossary governs, relative to the crate root.
fn governed_files() -> Vec<(String, String)> {
    let root = common::crate_root();
    let mut out = Vec::new();
    for place in [
        "locales",
        "themes/default/templates",
        "content",
        "calendars",
        "crates/diagnostic/src/messages",
        "crates/bank/src",
        "crates/init/src/files",
        "tests/fixtures/base",
    ] {
        for entry in walkdir::WalkDir::new(root.join(place)) {
            let entry = entry.unwrap();
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry
                .path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                out.push((rel, text));
            }
        }
    }
    assert!(out.len() > 40, "the governed places were not found");
    out
}

#[test]
fn the_glossary_names_each_term_in_three_languages_with_its_source() {
    let terms = glossary();
    assert!(terms.len() >= 10);
    for t in &terms {
        assert!(
            !t.en.is_empty() && !t.kk.is_empty() && !t.ru.is_empty() && !t.source.is_empty(),
            "{}",
            t.en
        );
        for exempt in &t.exempt {
            assert!(
                Path::new(&common::crate_root().join(exempt)).is_file(),
                "{exempt}"
            );
        }
        // The term itself is not among the variants it avoids.
        for v in t.avoid_kk.iter().chain(&t.avoid_ru) {
            assert!(!t.kk.to_lowercase().contains(&v.to_lowercase()), "{v}");
            assert!(!t.ru.to_lowercase().contains(&v.to_lowercase()), "{v}");
        }
    }
}

#[test]
fn no_avoided_variant_appears_where_the_glossary_governs() {
    let terms = glossary();
    let files = governed_files();
    let mut found = Vec::new();
    for t in &terms {
        for variant in t.avoid_kk.iter().chain(&t.avoid_ru) {
            let needle = variant.to_lowercase();
            for (rel, text) in &files {
                if t.exempt.contains(rel) {
                    continue;
                }
                for (i, line) in text.lines().enumerate() {
                    if line.to_lowercase().contains(&needle) {
                        found.push(format!(
                            "{rel}:{}: «{variant}» (use «{}» / «{}»)",
                            i + 1,
                            t.kk,
                            t.ru
                        ));
                    }
                }
            }
        }
    }
    assert!(found.is_empty(), "avoided variants:\n{}", found.join("\n"));
}
