//! Snapshots of one vacancy page per language, to see in review every change to what a
//! citizen reads: `tests/snapshots/vacancy.kk.html` and `vacancy.ru.html` are the open
//! vacancy `2026-dp-almaty-0142` of the base site, built with `--today 2026-11-27`.
//!
//! When a change to the page is intended, write the new snapshots and review their diff:
//!
//! ```sh
//! KADR_UPDATE_SNAPSHOTS=1 cargo test --test snapshots
//! git diff tests/snapshots/
//! ```
//!
//! The content hash in the stylesheet's file name (`assets/style.<hash>.css`) is
//! replaced by `HASH`, so that a change to the CSS alone does not touch the snapshots.

mod common;

use std::fs;

use common::{OPEN, Site, crate_root, vacancy_page};

/// `assets/style.1a2b3c4d5e.css` → `assets/style.HASH.css`.
fn without_asset_hashes(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("assets/") {
        let (before, after) = rest.split_at(i);
        out.push_str(before);
        let end = after
            .find(|c: char| c == '"' || c == '\'' || c.is_whitespace())
            .unwrap_or(after.len());
        let path = &after[..end];
        let parts: Vec<&str> = path.rsplitn(3, '.').collect();
        match parts.as_slice() {
            [ext, hash, stem] if hash.len() >= 8 && hash.chars().all(|c| c.is_ascii_hexdigit()) => {
                out.push_str(&format!("{stem}.HASH.{ext}"));
            }
            _ => out.push_str(path),
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// A short unified-style diff of the first block of lines that differ, with three lines
/// of context around it and at most ten lines of each side.
fn first_difference(expected: &str, actual: &str) -> String {
    const CONTEXT: usize = 3;
    const MAX: usize = 10;
    let expected: Vec<&str> = expected.lines().collect();
    let actual: Vec<&str> = actual.lines().collect();
    let shorter = expected.len().min(actual.len());
    let first = (0..shorter)
        .find(|&i| expected[i] != actual[i])
        .unwrap_or(shorter);
    // Lines equal at the end, not overlapping the equal beginning.
    let suffix = (0..shorter - first)
        .take_while(|&i| expected[expected.len() - 1 - i] == actual[actual.len() - 1 - i])
        .count();
    let removed = &expected[first..expected.len() - suffix];
    let added = &actual[first..actual.len() - suffix];
    let from = first.saturating_sub(CONTEXT);
    let after = &expected[expected.len() - suffix..];
    let after = &after[..after.len().min(CONTEXT)];
    let mut out = format!(
        "@@ -{},{} +{},{} @@\n",
        from + 1,
        first - from + removed.len() + after.len(),
        from + 1,
        first - from + added.len() + after.len()
    );
    let mut push = |prefix: char, lines: &[&str]| {
        for line in lines.iter().take(MAX) {
            out.push_str(&format!("{prefix}{line}\n"));
        }
        if lines.len() > MAX {
            out.push_str(&format!("{prefix}… {} more lines\n", lines.len() - MAX));
        }
    };
    push(' ', &expected[from..first]);
    push('-', removed);
    push('+', added);
    push(' ', after);
    if removed.is_empty() && added.is_empty() {
        out.push_str(
            "(the lines are equal: the files differ in line endings or the final newline)\n",
        );
    }
    out
}

fn assert_snapshot(lang: &str) {
    let site = Site::new();
    let output = site.build_ok("public");
    let actual = without_asset_hashes(&output.read(&vacancy_page(lang, OPEN)));
    let path = crate_root().join(format!("tests/snapshots/vacancy.{lang}.html"));
    if std::env::var_os("KADR_UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {} ({e}); write it with KADR_UPDATE_SNAPSHOTS=1",
            path.display()
        )
    });
    if expected != actual {
        panic!(
            "the {lang} vacancy page differs from {}:\n{}\nIf the change is intended: \
             KADR_UPDATE_SNAPSHOTS=1 cargo test --test snapshots",
            path.display(),
            first_difference(&expected, &actual)
        );
    }
}

#[test]
fn kazakh_vacancy_page_matches_its_snapshot() {
    assert_snapshot("kk");
}

#[test]
fn russian_vacancy_page_matches_its_snapshot() {
    assert_snapshot("ru");
}
