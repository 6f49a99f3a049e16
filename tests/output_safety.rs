//! `kadr build` never destroys or corrupts what a user has (issue: what an adversarial
//! run found): an output that is, holds or lies in the sources is refused, so is a file
//! or a folder kadr did not build; two builds of one output never interleave; a build
//! killed at any moment leaves the whole old site or the whole new one; a symbolic link
//! to a web root is followed. Each case runs the real binary.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{Site, TODAY, kadr, kadr_with_env};

/// Every file below `dir` with its bytes (symbolic links not followed).
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = fs::read_dir(&d) else {
            continue;
        };
        for entry in entries {
            let entry = entry.unwrap();
            let path = entry.path();
            let kind = entry.file_type().unwrap();
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file() {
                out.insert(
                    path.strip_prefix(dir).unwrap().to_path_buf(),
                    fs::read(&path).unwrap(),
                );
            }
        }
    }
    out
}

fn build_into(site: &Site, out: &Path, extra: &[&str]) -> common::Outcome {
    let root = site.root().to_string_lossy().into_owned();
    let out = out.to_string_lossy().into_owned();
    let mut args = vec!["build", "--root", &root, "--out", &out, "--today", TODAY];
    args.extend_from_slice(extra);
    kadr(&args)
}

#[test]
fn an_output_that_is_holds_or_lies_in_the_sources_is_refused_and_nothing_is_touched() {
    let site = Site::new();
    site.write(".git/HEAD", "ref: refs/heads/main\n");
    site.copy_from_repository("themes/default/templates/list.html");
    site.write("locales/kk/site.ftl", "archive-title = Мұрағат\n");
    site.write("locales/ru/site.ftl", "archive-title = Архив\n");
    let parent = site.root().parent().unwrap().to_path_buf();
    let before = tree(site.root());
    for out in [
        site.root().to_path_buf(),
        site.path("content"),
        site.path("content/vacancies"),
        site.path("content/vacancies/2026"),
        site.path("themes"),
        site.path("themes/default"),
        site.path("locales"),
        site.path(".git"),
        site.path("public/../content"),
        parent,
    ] {
        for force in [&[][..], &["--force"][..]] {
            let outcome = build_into(&site, &out, force);
            outcome.assert_code(2);
            assert!(
                outcome.stderr.contains("sources"),
                "{}: {}",
                out.display(),
                outcome.stderr
            );
        }
    }
    assert!(
        tree(site.root()) == before,
        "a refused build changed the site"
    );
}

#[test]
fn a_folder_kadr_did_not_build_is_replaced_only_when_forced() {
    let site = Site::new();
    let home = site.path("../kadr-output-safety-home");
    let _ = fs::remove_dir_all(&home);
    fs::create_dir_all(home.join("Documents")).unwrap();
    fs::write(home.join("Documents/letter.txt"), "the officer's own file").unwrap();
    let outcome = build_into(&site, &home, &[]);
    outcome.assert_code(2);
    assert!(outcome.stderr.contains("--force"), "{}", outcome.stderr);
    assert_eq!(
        fs::read_to_string(home.join("Documents/letter.txt")).unwrap(),
        "the officer's own file"
    );
    // An empty folder, or one kadr built before, is fine; so is a foreign one when forced.
    build_into(&site, &home, &["--force"]).assert_code(0);
    assert!(home.join(".kadr-output").is_file() && !home.join("Documents").exists());
    build_into(&site, &home, &[]).assert_code(0);
    let _ = fs::remove_dir_all(&home);
    let _ = fs::remove_file(site.path("../.kadr-output-safety-home.kadr-lock"));
}

#[test]
fn a_file_named_as_the_output_is_refused_before_it_is_touched() {
    let site = Site::new();
    site.write("site.tar", "an archive the web team keeps");
    let outcome = build_into(&site, &site.path("site.tar"), &["--force"]);
    outcome.assert_code(2);
    assert!(outcome.stderr.contains("is a file"), "{}", outcome.stderr);
    assert_eq!(site.read("site.tar"), "an archive the web team keeps");
}

/// A site large enough that a build takes a while even in a debug build.
fn large_site(name: &str, vacancies: usize) -> (PathBuf, PathBuf) {
    let dir = std::env::temp_dir().join(format!("kadr-safety-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let root = dir.join("site");
    let from = common::crate_root().to_string_lossy().into_owned();
    kadr(&[
        "generate-site",
        "--vacancies",
        &vacancies.to_string(),
        "--out",
        &root.to_string_lossy(),
        "--from",
        &from,
        "--today",
        TODAY,
    ])
    .assert_code(0);
    (dir, root)
}

fn spawn_build(root: &Path, out: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_kadr"))
        .args(["build", "--no-cache", "--today", TODAY, "--root"])
        .arg(root)
        .arg("--out")
        .arg(out)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn builds_run_at_once_never_interleave_and_the_output_is_whole() {
    let (dir, root) = large_site("concurrent", 80);
    let reference = dir.join("reference");
    let status = spawn_build(&root, &reference).wait().unwrap();
    assert!(status.success());
    let expected = tree(&reference);
    let out = dir.join("public");
    for round in 0..2 {
        let children: Vec<_> = (0..4).map(|_| spawn_build(&root, &out)).collect();
        let mut succeeded = 0;
        for child in children {
            let output = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            match output.status.code() {
                Some(0) => succeeded += 1,
                Some(2) => assert!(stderr.contains("another kadr build is writing"), "{stderr}"),
                other => panic!("round {round}: exit {other:?}: {stderr}"),
            }
        }
        assert!(succeeded >= 1, "round {round}: no build finished");
        assert!(
            tree(&out) == expected,
            "round {round}: the output is not the whole site"
        );
    }
    let beside: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("kadr-new") || n.contains("kadr-old"))
        .collect();
    assert!(beside.is_empty(), "{beside:?}");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_build_killed_at_any_moment_leaves_the_whole_old_or_the_whole_new_site() {
    let (dir, root) = large_site("killed", 60);
    let out = dir.join("public");
    let site_yaml = root.join("content/site.yaml");
    let old_text = fs::read_to_string(&site_yaml).unwrap();
    // A change to every page: the new site differs from the old in every page.
    let new_text = old_text.replace("Кадровая политика", "Кадровая политика министерства");
    let reference = |text: &str, name: &str| {
        fs::write(&site_yaml, text).unwrap();
        let at = dir.join(name);
        assert!(spawn_build(&root, &at).wait().unwrap().success());
        tree(&at)
    };
    let (old, new) = (reference(&old_text, "old"), reference(&new_text, "new"));
    assert_ne!(old, new);
    for delay_ms in [0, 20, 60, 150, 300, 600] {
        fs::write(&site_yaml, &old_text).unwrap();
        assert!(spawn_build(&root, &out).wait().unwrap().success());
        fs::write(&site_yaml, &new_text).unwrap();
        let mut child = spawn_build(&root, &out);
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        let now = tree(&out);
        assert!(
            now == old || now == new,
            "after a kill at {delay_ms} ms the output is neither site"
        );
        // The next build recovers whatever the killed one left, and completes.
        assert!(
            spawn_build(&root, &out).wait().unwrap().success(),
            "after a kill at {delay_ms} ms"
        );
        assert!(tree(&out) == new, "after a kill at {delay_ms} ms");
    }
    let _ = fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn an_output_that_is_a_link_to_the_web_root_replaces_what_the_link_leads_to() {
    let site = Site::new();
    let web_root = site.path("../kadr-output-safety-www");
    let _ = fs::remove_dir_all(&web_root);
    build_into(&site, &web_root, &[]).assert_code(0);
    std::os::unix::fs::symlink(&web_root, site.path("public")).unwrap();
    site.edit(
        &common::vacancy_file(common::OPEN),
        "status: open",
        "status: cancelled",
    );
    let outcome = build_into(&site, &site.path("public"), &[]);
    outcome.assert_code(0);
    assert!(
        outcome.stderr.contains("→"),
        "says what was written: {}",
        outcome.stderr
    );
    assert!(
        fs::symlink_metadata(site.path("public"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let list = fs::read_to_string(web_root.join("ru/kadrovaya-politika/index.html")).unwrap();
    assert!(
        !list.contains(common::OPEN),
        "the web root has the new site"
    );
    let _ = fs::remove_dir_all(&web_root);
    let _ = fs::remove_file(site.path("../.kadr-output-safety-www.kadr-lock"));
}

/// Issue 16: the refusal and the build's last line follow `--lang` and `KADR_LANG`.
#[test]
fn a_refusal_and_the_last_line_are_in_the_language_asked_for() {
    let site = Site::new();
    let root = site.root().to_string_lossy().into_owned();
    let content = site.path("content").to_string_lossy().into_owned();
    let refused = kadr(&["build", "--root", &root, "--out", &content, "--lang", "kk"]);
    refused.assert_code(2);
    assert!(
        refused.stderr.starts_with("қате: сайт "),
        "{}",
        refused.stderr
    );
    assert!(
        refused.stderr.contains("бастапқы файлдарын"),
        "{}",
        refused.stderr
    );
    assert!(!refused.stderr.contains("refusing"), "{}", refused.stderr);

    let out = site.path("public").to_string_lossy().into_owned();
    let built = kadr_with_env(
        &["build", "--root", &root, "--out", &out, "--today", TODAY],
        &[("KADR_LANG", "ru")],
    );
    built.assert_code(0);
    assert!(
        built.stderr.contains("записано файлов:"),
        "{}",
        built.stderr
    );
    assert!(!built.stderr.contains("built "), "{}", built.stderr);
    // Without either, English, as before.
    let english = kadr(&["build", "--root", &root, "--out", &content]);
    assert!(
        english
            .stderr
            .starts_with("error: refusing to write the site into")
    );
}
