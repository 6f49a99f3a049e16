//! Files a careless or hostile user leaves in a site: a FIFO named like a record,
//! characters no page or feed may hold, records kadr would skip without a word, a
//! second YAML document, an unreadable record, and values that would act on a terminal
//! or a CI log when printed. Each is a located problem, never a hang or silence.

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{OPEN, Site, TODAY, vacancy_file};

/// Runs `kadr ARGS` and fails if it has not ended within `limit` (then kills it).
fn within(limit: Duration, args: &[&str]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kadr"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let output = child.wait_with_output().unwrap();
            return (
                status.code().unwrap_or(-1),
                String::from_utf8_lossy(&output.stdout).into_owned(),
                String::from_utf8_lossy(&output.stderr).into_owned(),
            );
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("kadr {args:?} still ran after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_named_like_a_record_is_a_problem_not_a_hang() {
    let site = Site::new();
    let root = site.root().to_string_lossy().into_owned();
    for fifo in ["content/site.yaml", "content/units/dp-aktobe.yaml"] {
        let path = site.path(fifo);
        let _ = std::fs::remove_file(&path);
        let status = Command::new("mkfifo").arg(&path).status().unwrap();
        assert!(status.success());
    }
    let (code, stdout, _) = within(
        Duration::from_secs(20),
        &[
            "check", "--root", &root, "--today", TODAY, "--format", "json",
        ],
    );
    assert_eq!(code, 1, "{stdout}");
    for fifo in ["content/site.yaml", "content/units/dp-aktobe.yaml"] {
        assert!(
            stdout.contains(&format!("\"file\": \"{fifo}\""))
                && stdout.contains("not a regular file"),
            "{fifo}: {stdout}"
        );
    }
    let out = site.path("public").to_string_lossy().into_owned();
    let (code, _, _) = within(
        Duration::from_secs(20),
        &["build", "--root", &root, "--out", &out, "--today", TODAY],
    );
    assert_eq!(code, 1);
    assert!(!site.path("public").exists());
}

#[test]
fn characters_a_page_or_feed_may_not_hold_are_located_errors() {
    for (escape, shown) in [
        ("\\uFFFE", "U+FFFE"),
        ("\\uFFFF", "U+FFFF"),
        ("\\0", "U+0000"),
        ("\\x01", "U+0001"),
        ("\\x0b", "U+000B"),
        ("\\x85", "U+0085"),
    ] {
        let site = Site::new();
        let file = vacancy_file(OPEN);
        let line = site.line_of(&file, "ru: \"Начальник управления");
        let text = site.read(&file);
        let old = text.lines().nth(line as usize - 1).unwrap().to_string();
        let new = old.replacen("ru: \"Начальник", &format!("ru: \"Начальник{escape}"), 1);
        site.write(&file, &text.replacen(&old, &new, 1));
        let outcome = site.check();
        outcome.assert_code(1);
        outcome.assert_error(&file, line, None, shown);
        site.build("public").assert_code(1);
        assert!(!site.path("public").exists(), "{escape} reached a page");
    }
}

#[test]
fn records_kadr_would_skip_are_reported() {
    let site = Site::new();
    let record = site.read(&vacancy_file(OPEN));
    // An extension in capitals, and a record in a subfolder of units/.
    site.write("content/vacancies/2026/2026-dp-almaty-0300.YAML", &record);
    site.copy_from_repository("content/units/dp-aktobe.yaml");
    let aktobe = site.read("content/units/dp-aktobe.yaml");
    site.remove("content/units/dp-aktobe.yaml");
    site.write("content/units/old/dp-aktobe.yaml", &aktobe);
    // A vacancy 33 folders below content/vacancies/ (32 is the deepest read).
    let deep = (0..33)
        .map(|i| format!("d{i}"))
        .collect::<Vec<_>>()
        .join("/");
    let deep_file = format!("content/vacancies/{deep}/2026-dp-almaty-0301.yaml");
    site.write(&deep_file, &record.replace(OPEN, "2026-dp-almaty-0301"));
    let outcome = site.check();
    outcome.assert_code(1);
    outcome.assert_error(
        "content/vacancies/2026/2026-dp-almaty-0300.YAML",
        1,
        None,
        ".yaml",
    );
    outcome.assert_error("content/units/old/dp-aktobe.yaml", 1, None, "subfolder");
    outcome.assert_error(&deep_file, 1, None, "32 folders");
}

#[test]
fn a_second_yaml_document_is_named_as_such() {
    let site = Site::new();
    let file = vacancy_file(OPEN);
    let text = site.read(&file);
    site.write(&file, &format!("{text}---\nid: other\n"));
    let outcome = site.check();
    outcome.assert_code(1);
    let line = text.lines().count() as u64 + 1;
    outcome.assert_error(&file, line, None, "second YAML document");
}

/// `kadr ARGS` as a user without rights to the site's files: as root (which reads any
/// file), through setpriv as `nobody`.
#[cfg(unix)]
fn kadr_unprivileged(args: &[&str]) -> common::Outcome {
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    let output = if is_root {
        Command::new("setpriv")
            .args([
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                env!("CARGO_BIN_EXE_kadr"),
            ])
            .args(args)
            .env("NO_COLOR", "1")
            .output()
            .expect("setpriv (util-linux) runs kadr as nobody")
    } else {
        Command::new(env!("CARGO_BIN_EXE_kadr"))
            .args(args)
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    common::Outcome::new(
        args,
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[cfg(unix)]
#[test]
fn an_unreadable_record_is_an_io_problem_exit_2() {
    use std::os::unix::fs::PermissionsExt;
    let site = Site::new();
    let file = vacancy_file(OPEN);
    std::fs::set_permissions(site.path(&file), std::fs::Permissions::from_mode(0o000)).unwrap();
    let root = site.root().to_string_lossy().into_owned();
    let outcome = kadr_unprivileged(&[
        "check",
        "--root",
        &root,
        "--today",
        TODAY,
        "--format",
        "json",
        "--no-cache",
    ]);
    outcome.assert_code(2);
    outcome.assert_error(&file, 1, None, "");
    std::fs::set_permissions(site.path(&file), std::fs::Permissions::from_mode(0o644)).unwrap();
}

#[test]
fn a_value_with_a_line_break_cannot_inject_a_ci_command_into_the_human_output() {
    let site = Site::new();
    let file = vacancy_file(OPEN);
    // An unknown status whose value, printed raw, would start a line `::error …`.
    site.edit(
        &file,
        "status: open",
        "status: \"open\\n::error file=content/site.yaml::forged\\u001b[2J\"",
    );
    let outcome = site.check_with(&[]);
    outcome.assert_code(1);
    assert!(
        !outcome.stderr.lines().any(|l| l.starts_with("::")),
        "{}",
        outcome.stderr
    );
    assert!(
        !outcome.stderr.contains('\u{1b}'),
        "a terminal escape reached the output"
    );
    assert!(
        outcome.stderr.contains("\\u{A}::error"),
        "{}",
        outcome.stderr
    );
}
