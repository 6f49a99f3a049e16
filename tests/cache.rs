//! The cache on disk of parsed records (`.kadr-cache/`, see `src/load/cache.rs`): a
//! second run takes unchanged files from it, and whatever it takes, the outcome is the
//! same as reading every file again.

mod common;

use std::time::{Duration, SystemTime};

use common::{OPEN, Site, kadr, vacancy_file};

/// `kadr check` on `site` with the stage timings on: the outcome, and how many record
/// files came from the cache, of how many.
fn check(site: &Site, extra: &[&str]) -> (common::Outcome, (usize, usize)) {
    let args = [&["--format", "json"], extra].concat();
    let outcome = site.check_with_env(&args, &[("KADR_TIMINGS", "1")]);
    let reused = outcome
        .stderr
        .lines()
        .find_map(|l| {
            l.strip_prefix("timing: ")?
                .strip_suffix(" record files from the cache on disk")
        })
        .and_then(|s| {
            let (a, b) = s.split_once(" of ")?;
            Some((a.parse().ok()?, b.parse().ok()?))
        })
        .unwrap_or_else(|| panic!("no cache line\n{}", outcome.report()));
    (outcome, reused)
}

/// Dates every record file of the site to one instant long past: the cache leaves out
/// files modified in the last two seconds (they might change again unseen within the
/// clock's tick), and one instant keeps the stamps of files settled again unchanged.
fn settle(site: &Site) {
    let past = SystemTime::UNIX_EPOCH + Duration::from_secs(1_767_225_600); // 2026-01-01
    for entry in walkdir::WalkDir::new(site.path("content")) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            set_modified(entry.path(), past);
        }
    }
}

fn set_modified(path: &std::path::Path, time: SystemTime) {
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(time).unwrap();
}

/// `Site::edit`, then the file dated an hour back (a save that has settled).
fn edit(site: &Site, file: &str, from: &str, to: &str) {
    site.edit(file, from, to);
    set_modified(
        &site.path(file),
        SystemTime::now() - Duration::from_secs(3600),
    );
}

fn cache_file(site: &Site) -> std::path::PathBuf {
    site.path(".kadr-cache/records")
}

#[test]
fn a_second_check_takes_unchanged_files_from_the_cache_with_the_same_outcome() {
    let site = Site::new();
    settle(&site);
    edit(
        &site,
        &vacancy_file(OPEN),
        "ru: \"Начальник",
        "ru: \"начальник",
    );
    let (first, (reused, files)) = check(&site, &["--no-cache"]);
    assert_eq!(reused, 0);
    assert!(
        !site.path(".kadr-cache").exists(),
        "--no-cache writes nothing"
    );

    let (cold, (reused, _)) = check(&site, &[]);
    assert_eq!(reused, 0, "there is no cache yet");
    assert!(
        cache_file(&site).is_file(),
        "the first run writes the cache"
    );
    let ignore = std::fs::read_to_string(site.path(".kadr-cache/.gitignore")).unwrap();
    assert!(
        ignore.lines().any(|l| l == "*"),
        "the cache ignores itself in git"
    );

    let (warm, (reused, _)) = check(&site, &[]);
    assert_eq!(reused, files, "every record file is unchanged");
    for outcome in [&cold, &warm] {
        assert_eq!(outcome.code, first.code);
        assert_eq!(outcome.stdout, first.stdout, "the same diagnostics");
    }
}

#[test]
fn an_edited_file_is_read_again_and_every_rule_runs_on_every_run() {
    let site = Site::new();
    settle(&site);
    let (_, (_, files)) = check(&site, &[]);
    let (clean, (reused, _)) = check(&site, &[]);
    assert_eq!(reused, files);
    clean.assert_code(0);
    let file = vacancy_file(OPEN);

    // A file that reads but breaks a rule across records (its category does not
    // exist): read again once, then cached, and the rule still reports it each run.
    edit(&site, &file, "category: C-3", "category: C-33");
    for (run, expected) in [(0, files - 1), (1, files)] {
        let (broken, (reused, _)) = check(&site, &[]);
        assert_eq!(reused, expected, "run {run}");
        broken.assert_code(1);
        broken.assert_error(&file, site.line_of(&file, "category:"), None, "C-33");
    }

    // A file that does not read (an unknown field) is never cached: its problems come
    // from reading it, on every run.
    edit(
        &site,
        &file,
        "category: C-33",
        "category: C-3\ncategroy: C-3",
    );
    for run in 0..2 {
        let (broken, (reused, _)) = check(&site, &[]);
        assert_eq!(
            reused,
            files - 1,
            "run {run}: the broken file is read again"
        );
        broken.assert_code(1);
        broken.assert_error(&file, site.line_of(&file, "categroy:"), None, "categroy");
    }

    // Fixed: clean again, and cached again.
    edit(
        &site,
        &file,
        "category: C-3\ncategroy: C-3",
        "category: C-3",
    );
    let (fixed, (reused, _)) = check(&site, &[]);
    fixed.assert_code(0);
    assert_eq!(reused, files - 1);
    assert_eq!(check(&site, &[]).1, (files, files));
}

#[test]
fn a_damaged_or_foreign_cache_is_ignored_and_replaced() {
    let site = Site::new();
    settle(&site);
    let (expected, (_, files)) = check(&site, &[]);
    let good = std::fs::read(cache_file(&site)).unwrap();
    let mut wrong_header = good.clone();
    // The identity line names the kadr that wrote the cache.
    let at = good.windows(4).position(|w| w == b"kadr").unwrap() + 20;
    wrong_header[at] ^= 0x20;
    for damaged in [
        good[..good.len() / 2].to_vec(),
        good[..good.len() - 1].to_vec(),
        wrong_header,
        b"not a cache at all".to_vec(),
        Vec::new(),
    ] {
        std::fs::write(cache_file(&site), &damaged).unwrap();
        let (outcome, (reused, _)) = check(&site, &[]);
        assert_eq!(reused, 0, "a damaged cache is not used");
        assert_eq!(outcome.stdout, expected.stdout);
        assert_eq!(check(&site, &[]).1, (files, files), "and it is replaced");
    }
}

#[test]
fn a_build_from_the_cache_equals_a_build_without_it() {
    let site = Site::new();
    settle(&site);
    site.build_ok("warm-up");
    let cached = site.build_ok("cached").files();
    let root = site.root().to_string_lossy().into_owned();
    let out = site.path("uncached").to_string_lossy().into_owned();
    kadr(&[
        "build",
        "--root",
        &root,
        "--out",
        &out,
        "--today",
        common::TODAY,
        "--no-cache",
    ])
    .assert_code(0);
    let uncached = common::files_under(&site.path("uncached"));
    assert_eq!(
        cached.keys().collect::<Vec<_>>(),
        uncached.keys().collect::<Vec<_>>()
    );
    assert!(cached == uncached, "the pages differ");
}

/// Two saves of the same size within one tick of the file system's clock leave the same
/// stamp: a file modified in the last moments is therefore not cached, and read again.
#[test]
fn a_file_changed_just_now_is_read_again_even_if_it_changes_to_the_same_size() {
    let site = Site::new();
    settle(&site);
    let (_, (_, files)) = check(&site, &[]);
    let file = vacancy_file(OPEN);
    site.edit(&file, "category: C-3", "category: C-8");
    let (first, (reused, _)) = check(&site, &[]);
    assert_eq!(reused, files - 1);
    first.assert_error(&file, site.line_of(&file, "category:"), None, "C-8");
    // At once, to the same size and, on a coarse clock, the same modification time.
    let first_saved = std::fs::metadata(site.path(&file))
        .unwrap()
        .modified()
        .unwrap();
    site.edit(&file, "category: C-8", "category: C-9");
    set_modified(&site.path(&file), first_saved);
    let (second, (reused, _)) = check(&site, &[]);
    assert_eq!(reused, files - 1, "the file changed just now is read again");
    second.assert_error(&file, site.line_of(&file, "category:"), None, "C-9");
}

#[test]
fn temporary_files_of_killed_runs_are_removed_when_the_cache_is_written() {
    let site = Site::new();
    settle(&site);
    check(&site, &[]).0.assert_code(0);
    // As a run killed while writing leaves it.
    site.write(".kadr-cache/records.99999.tmp", "half a cache");
    edit(&site, &vacancy_file(OPEN), "status: open", "status: closed");
    check(&site, &[]).0.assert_code(0);
    assert!(!site.path(".kadr-cache/records.99999.tmp").exists());
}

#[test]
fn a_run_that_finds_the_cache_being_written_leaves_it_alone() {
    let site = Site::new();
    settle(&site);
    check(&site, &[]).0.assert_code(0);
    let before = std::fs::read(cache_file(&site)).unwrap();
    // Another run holds the cache's lock while it writes.
    let lock = std::fs::File::options()
        .write(true)
        .open(site.path(".kadr-cache/lock"))
        .unwrap();
    lock.lock().unwrap();
    edit(&site, &vacancy_file(OPEN), "status: open", "status: closed");
    let (outcome, _) = check(&site, &[]);
    outcome.assert_code(0);
    assert_eq!(std::fs::read(cache_file(&site)).unwrap(), before);
    drop(lock);
    check(&site, &[]).0.assert_code(0);
    assert_ne!(std::fs::read(cache_file(&site)).unwrap(), before);
}
