//! kadr as a tool a ministry installs: a site is only its `content/`; the theme, the UI
//! strings and the calendars are built into the binary; a site overrides them file by
//! file and key by key; `kadr init` writes a new repository that builds at once, and
//! `kadr theme eject` copies the built-in theme into a site.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Site, TODAY, copy_dir, crate_root, kadr};

/// Every file below `dir`, by path relative to it.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            let path = entry.path();
            if entry.file_type().unwrap().is_dir() {
                walk(base, &path, out);
            } else {
                let rel = path
                    .strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// A fresh temporary folder, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("kadr-install-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn build(root: &Path, out: &Path) {
    let (root, out) = (root.to_string_lossy(), out.to_string_lossy());
    kadr(&[
        "build",
        "--root",
        &root,
        "--out",
        &out,
        "--today",
        TODAY,
        "--no-cache",
    ])
    .assert_code(0);
}

#[test]
fn a_site_of_content_only_builds_as_one_with_the_repository_theme_beside_it() {
    let dir = TempDir::new("content-only");
    let (bare, full) = (dir.0.join("bare"), dir.0.join("full"));
    copy_dir(&crate_root().join("content"), &bare.join("content"));
    copy_dir(&crate_root().join("content"), &full.join("content"));
    for folder in ["themes", "locales"] {
        copy_dir(&crate_root().join(folder), &full.join(folder));
    }
    build(&bare, &dir.0.join("bare-out"));
    build(&full, &dir.0.join("full-out"));
    let (a, b) = (tree(&dir.0.join("bare-out")), tree(&dir.0.join("full-out")));
    assert!(a.contains_key("kk/kadr-sayasaty/index.html"));
    assert!(a.contains_key("ru/kadrovaya-politika/index.html"));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(b[path] == *bytes, "{path} differs");
    }
}

#[test]
fn overriding_one_template_one_stylesheet_and_one_ui_string_changes_exactly_those() {
    let site = Site::new();
    let before = tree(&site.build_ok("before").dir);
    // One template: the vacancy page's heading gets an attribute.
    site.copy_from_repository("themes/default/templates/vacancy.html");
    site.edit(
        "themes/default/templates/vacancy.html",
        "<h1>{{ vacancy.position }}</h1>",
        "<h1 class=\"ministry\">{{ vacancy.position }}</h1>",
    );
    // One static file: a rule more in the stylesheet.
    site.copy_from_repository("themes/default/static/style.css");
    let css = format!(
        "{}\n.ministry {{ letter-spacing: 0.01em; }}\n",
        site.read("themes/default/static/style.css")
    );
    site.write("themes/default/static/style.css", &css);
    // One UI string, in Russian only, in a file of the site's own.
    site.write(
        "locales/ru/ministry.ftl",
        "archive-title = Архив объявлений министерства\n",
    );
    let after = tree(&site.build_ok("after").dir);

    let old_css = before
        .keys()
        .find(|k| k.starts_with("assets/style."))
        .unwrap()
        .clone();
    let new_css = after
        .keys()
        .find(|k| k.starts_with("assets/style."))
        .unwrap()
        .clone();
    assert_ne!(
        old_css, new_css,
        "the stylesheet's fingerprint follows its bytes"
    );
    assert_eq!(after[&new_css], css.as_bytes());
    let mut expected_keys: Vec<&String> = before.keys().filter(|k| **k != old_css).collect();
    expected_keys.push(&new_css);
    expected_keys.sort();
    assert_eq!(after.keys().collect::<Vec<_>>(), expected_keys);

    let mut vacancy_pages = 0;
    for (path, old) in &before {
        if *path == old_css {
            continue;
        }
        // What the overrides change, applied to the page as it was.
        let mut expected = String::from_utf8(old.clone())
            .unwrap()
            .replace(&old_css, &new_css);
        // LANG/SLUG/ID/index.html, the archive's first page aside.
        let parts: Vec<&str> = path.split('/').collect();
        if parts.len() == 4 && parts[2] != "archive" && parts[3] == "index.html" {
            expected = expected.replacen("<h1>", "<h1 class=\"ministry\">", 1);
            vacancy_pages += 1;
        }
        if path.starts_with("ru/") {
            expected = expected.replace("Архив объявлений", "Архив объявлений министерства");
        }
        let got = String::from_utf8(after[path].clone()).unwrap();
        assert!(
            got == expected,
            "{path}: the overrides changed more (or less) than they should"
        );
    }
    assert!(
        vacancy_pages >= 8,
        "only {vacancy_pages} vacancy pages seen"
    );
}

#[test]
fn a_misspelt_override_is_a_warning_that_names_the_built_in_one() {
    let site = Site::new();
    site.write(
        "themes/default/templates/vacansy.html",
        "{% extends \"base.html\" %}\n",
    );
    site.write(
        "themes/default/static/stlye.css",
        "body { color: black; }\n",
    );
    site.write(
        "locales/kk/site.ftl",
        "archive-titel = Хабарландырулар мұрағаты\n",
    );
    site.write("locales/ru/site.ftl", "archive-titel = Архив\n");
    let outcome = site.check();
    outcome.assert_code(0);
    for (file, name, suggestion) in [
        (
            "themes/default/templates/vacansy.html",
            "vacansy.html",
            "vacancy.html",
        ),
        ("themes/default/static/stlye.css", "stlye.css", "style.css"),
        ("locales/kk/site.ftl", "archive-titel", "archive-title"),
        ("locales/ru/site.ftl", "archive-titel", "archive-title"),
    ] {
        let w = outcome
            .warnings()
            .into_iter()
            .find(|w| w["file"] == file)
            .unwrap_or_else(|| panic!("no warning for {file}: {}", outcome.report()));
        assert!(w["message"].as_str().unwrap().contains(name), "{w}");
        assert!(w["hint"].as_str().unwrap().contains(suggestion), "{w}");
    }
}

#[test]
fn a_template_or_key_of_the_sites_own_that_is_used_is_not_reported() {
    let site = Site::new();
    site.copy_from_repository("themes/default/templates/base.html");
    site.edit(
        "themes/default/templates/base.html",
        "</body>",
        "{% include \"ministry-footer.html\" %}</body>",
    );
    site.write(
        "themes/default/templates/ministry-footer.html",
        "<p>{{ t(key=\"ministry-note\") }}</p>\n",
    );
    site.write("locales/kk/site.ftl", "ministry-note = Министрлік\n");
    site.write("locales/ru/site.ftl", "ministry-note = Министерство\n");
    let outcome = site.check();
    outcome.assert_code(0);
    assert!(
        outcome
            .warnings()
            .iter()
            .all(|w| !w["file"].as_str().unwrap().starts_with("themes")
                && !w["file"].as_str().unwrap().starts_with("locales")),
        "{}",
        outcome.report()
    );
    let out = site.build_ok("public");
    assert!(
        out.read("ru/kadrovaya-politika/index.html")
            .contains("<p>Министерство</p>")
    );
}

#[test]
fn a_ui_string_overridden_in_one_language_only_keeps_the_other() {
    let site = Site::new();
    site.write(
        "locales/kk/site.ftl",
        "archive-title = Хабарландырулар мұрағаты (министрлік)\n",
    );
    let out = site.build_ok("public");
    assert!(
        out.read("kk/kadr-sayasaty/archive/index.html")
            .contains("Хабарландырулар мұрағаты (министрлік)")
    );
    assert!(
        out.read("ru/kadrovaya-politika/archive/index.html")
            .contains("Архив объявлений")
    );
}

#[test]
fn a_key_added_in_one_language_only_breaks_kk_ru_parity() {
    let site = Site::new();
    site.write("locales/kk/site.ftl", "ministry-note = Министрлік\n");
    let outcome = site.check();
    outcome.assert_code(1);
    assert!(
        outcome
            .errors()
            .iter()
            .any(|e| e["message"].as_str().unwrap().contains("ministry-note")),
        "{}",
        outcome.report()
    );
}

#[test]
fn a_broken_override_template_is_an_error_at_its_line_and_column() {
    let site = Site::new();
    site.write(
        "themes/default/templates/404.html",
        "{% extends \"base.html\" %}\n{% block main %}<h1>{{ t(key= }}</h1>{% endblock %}\n",
    );
    let outcome = site.check();
    outcome.assert_code(1);
    let e = outcome
        .errors()
        .into_iter()
        .find(|e| e["file"] == "themes/default/templates/404.html")
        .unwrap_or_else(|| panic!("{}", outcome.report()));
    assert_eq!(e["line"], 2, "{e}");
    assert!(e["column"].as_u64().unwrap() > 1, "{e}");
}

#[test]
fn eject_copies_the_built_in_theme_and_the_site_builds_to_the_same_bytes() {
    let site = Site::new();
    let before = tree(&site.build_ok("before").dir);
    site.write("locales/ru/main.ftl", "# the site's own file is kept\n");
    let root = site.root().to_string_lossy().into_owned();
    let outcome = kadr(&["theme", "eject", "--root", &root]);
    outcome.assert_code(0);
    assert!(
        outcome
            .stderr
            .contains("kept the site's own locales/ru/main.ftl"),
        "{}",
        outcome.stderr
    );
    assert_eq!(
        site.read("locales/ru/main.ftl"),
        "# the site's own file is kept\n"
    );
    site.remove("locales/ru/main.ftl");
    // Write the Russian strings too, then compare with the repository's theme.
    kadr(&["theme", "eject", "--root", &root]).assert_code(0);
    for (rel, bytes) in tree(&crate_root().join("themes")) {
        assert_eq!(
            fs::read(site.path(&format!("themes/{rel}"))).unwrap(),
            bytes,
            "{rel}"
        );
    }
    for (rel, bytes) in tree(&crate_root().join("locales")) {
        assert_eq!(
            fs::read(site.path(&format!("locales/{rel}"))).unwrap(),
            bytes,
            "{rel}"
        );
    }
    let outcome = site.check();
    outcome.assert_code(0);
    assert!(outcome.warnings().is_empty(), "{}", outcome.report());
    assert_eq!(tree(&site.build_ok("after").dir), before);
}

#[test]
fn a_sites_calendar_year_replaces_the_built_in_one_wholesale() {
    // The base site has its own 2026; 2027 is kadr's. A 2027 of the site's own with no
    // holiday at all: 7 January 2027 becomes a working day.
    let site = Site::new();
    let root = site.root().to_string_lossy().into_owned();
    let listing = kadr(&["calendar", "2027", "--root", &root, "--lang", "ru"]);
    listing.assert_code(0);
    assert!(listing.stdout.contains("2027-01-07"), "{}", listing.stdout);
    assert!(
        listing.stdout.contains("встроенный в kadr"),
        "{}",
        listing.stdout
    );
    site.write(
        "content/calendar/2027.yaml",
        "year: 2027\nholidays: []\ndays_off: []\ntransfers: []\n",
    );
    let listing = kadr(&["calendar", "2027", "--root", &root, "--lang", "ru"]);
    listing.assert_code(0);
    assert!(
        !listing.stdout.contains("2027-01-07  "),
        "{}",
        listing.stdout
    );
    assert!(
        listing.stdout.contains("content/calendar/2027.yaml"),
        "{}",
        listing.stdout
    );
    assert!(
        listing.stdout.contains("2027-01-01"),
        "the differing days are named: {}",
        listing.stdout
    );
    // The site's year is what P4 counts on. Arose on Wednesday 6 January 2027: with
    // 7 January off (kadr's year) the third working day after is Tuesday 12 January;
    // with 7 January worked (the site's year) it is Monday 11 January.
    let file = common::vacancy_file(common::OPEN);
    site.edit(&file, "arose_on: 2026-11-20", "arose_on: 2027-01-06");
    site.edit(
        &file,
        "published_on: 2026-11-24",
        "published_on: 2027-01-12",
    );
    site.edit(&file, "deadline: 2026-12-08", "deadline: 2027-01-25");
    let outcome = site.check();
    outcome.assert_code(1);
    outcome.assert_error(
        &file,
        site.line_of(&file, "published_on:"),
        Some("P4"),
        "2027-01-11",
    );
    site.remove("content/calendar/2027.yaml");
    site.check().assert_code(0);
}

#[test]
fn version_names_the_version_and_the_commit() {
    let outcome = kadr(&["--version"]);
    outcome.assert_code(0);
    let line = outcome.stdout.trim();
    assert!(
        line.starts_with(&format!("kadr {} (", env!("CARGO_PKG_VERSION"))),
        "{line}"
    );
    assert!(line.ends_with(')'), "{line}");
}

/// The kadr binary copied out of the build tree, so that nothing it does can lean on
/// this repository's folders.
fn installed_kadr(dir: &Path) -> PathBuf {
    let bin = dir.join("bin").join("kadr");
    fs::create_dir_all(bin.parent().unwrap()).unwrap();
    fs::copy(env!("CARGO_BIN_EXE_kadr"), &bin).unwrap();
    bin
}

fn run(bin: &Path, cwd: &Path, args: &[&str]) -> std::process::Output {
    Command::new(bin)
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

#[test]
fn init_writes_a_repository_that_builds_and_serves_with_an_installed_binary() {
    let dir = TempDir::new("init");
    let bin = installed_kadr(&dir.0);
    let elsewhere = dir.0.join("elsewhere");
    fs::create_dir_all(&elsewhere).unwrap();
    let site = dir.0.join("ministry");
    let site_arg = site.to_string_lossy().into_owned();

    let init = run(
        &bin,
        &elsewhere,
        &["init", &site_arg, "--today", "2026-12-03"],
    );
    assert_eq!(
        init.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&init.stderr)
    );
    for file in [
        "content/site.yaml",
        "content/categories.yaml",
        "content/units/central-apparatus.yaml",
        "content/requirements/department-heads.yaml",
        "content/calendar/2026.yaml",
        "content/calendar/2027.yaml",
        "schemas/vacancy.schema.json",
        ".gitignore",
        ".vscode/settings.json",
        ".vscode/extensions.json",
        ".github/workflows/kadr.yml",
        ".githooks/pre-commit",
        "README.md",
    ] {
        assert!(site.join(file).is_file(), "{file} was not written");
    }
    assert!(!site.join("content/vacancies").exists());
    let readme = fs::read_to_string(site.join("README.md")).unwrap();
    assert!(
        readme.contains("kadr new vacancy")
            && readme.contains("Күнделікті жұмыс")
            && readme.contains("Ежедневная работа")
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(site.join(".githooks/pre-commit"))
            .unwrap()
            .permissions()
            .mode();
        assert!(mode & 0o111 != 0, "the hook is executable");
    }

    // It checks with no error; each placeholder is named.
    let check = run(
        &bin,
        &elsewhere,
        &["check", "--root", &site_arg, "--format", "json"],
    );
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let diagnostics: Vec<serde_json::Value> = serde_json::from_slice(&check.stdout).unwrap();
    let placeholders: Vec<&str> = diagnostics
        .iter()
        .filter(|d| d["severity"] == "warning")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    for field in [
        "title.kk",
        "title.ru",
        "base_url",
        "contacts.phone",
        "contacts.email",
    ] {
        assert!(
            placeholders.iter().any(|m| m.contains(field)),
            "{field} not named: {placeholders:?}"
        );
    }

    let build = run(&bin, &elsewhere, &["build", "--root", &site_arg]);
    assert_eq!(
        build.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    let kk = fs::read_to_string(site.join("public/kk/kadr-sayasaty/index.html")).unwrap();
    let ru = fs::read_to_string(site.join("public/ru/kadrovaya-politika/index.html")).unwrap();
    assert!(
        kk.contains("лауазымдар жоқ"),
        "the kk list says there are none"
    );
    assert!(
        ru.contains("вакантных руководящих должностей нет"),
        "the ru list says there are none"
    );

    // And it serves.
    let mut child = Command::new(&bin)
        .args(["serve", "--port", "0", "--root", &site_arg])
        .current_dir(&elsewhere)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let mut lines = BufReader::new(stderr).lines();
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut port = None;
    while port.is_none() && Instant::now() < deadline {
        match lines.next() {
            Some(Ok(line)) => {
                port = line
                    .strip_prefix("serving http://127.0.0.1:")
                    .and_then(|rest| rest.split('/').next()?.parse::<u16>().ok());
            }
            _ => break,
        }
    }
    let port = port.expect("kadr serve did not start");
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    write!(stream, "GET /ru/kadrovaya-politika/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n").unwrap();
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    let _ = child.kill();
    let _ = child.wait();
    let response = String::from_utf8_lossy(&response);
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains("Кадровая политика"), "{response}");
}

#[test]
fn init_with_the_ministrys_names_checks_without_a_placeholder_in_its_settings() {
    let dir = TempDir::new("init-named");
    let site = dir.0.join("site");
    let site_arg = site.to_string_lossy().into_owned();
    kadr(&[
        "init",
        &site_arg,
        "--title-kk",
        "Қазақстан Республикасы Ішкі істер министрлігі",
        "--title-ru",
        "Министерство внутренних дел Республики Казахстан",
        "--base-url",
        "https://www.gov.kz/memleket/entities/qriim",
        "--ci",
        "gitlab",
    ])
    .assert_code(0);
    assert!(site.join(".gitlab-ci.yml").is_file() && !site.join(".github").exists());
    let outcome = kadr(&["check", "--root", &site_arg, "--format", "json"]);
    outcome.assert_code(0);
    let in_settings: Vec<_> = outcome
        .warnings()
        .into_iter()
        .filter(|w| w["file"] == "content/site.yaml")
        .collect();
    assert!(in_settings.is_empty(), "{}", outcome.report());
    let site_yaml = fs::read_to_string(site.join("content/site.yaml")).unwrap();
    assert!(
        site_yaml.contains("Ішкі істер министрлігі")
            && site_yaml.contains("https://www.gov.kz/memleket/entities/qriim")
    );
}

#[test]
fn init_refuses_a_folder_that_is_not_empty_and_writes_nothing() {
    let dir = TempDir::new("init-refused");
    fs::write(dir.0.join("notes.txt"), "the ministry's own file").unwrap();
    let outcome = kadr(&["init", &dir.0.to_string_lossy(), "--ci", "none"]);
    outcome.assert_code(2);
    assert!(outcome.stderr.contains("not empty"), "{}", outcome.stderr);
    assert_eq!(tree(&dir.0).len(), 1);
    assert_eq!(
        fs::read_to_string(dir.0.join("notes.txt")).unwrap(),
        "the ministry's own file"
    );
}

#[test]
fn init_and_theme_eject_speak_the_language_asked_for() {
    let dir = TempDir::new("init-lang");
    fs::write(dir.0.join("notes.txt"), "the ministry's own file").unwrap();
    let path = dir.0.to_string_lossy().into_owned();
    let outcome = kadr(&["init", &path, "--ci", "none", "--lang", "ru"]);
    outcome.assert_code(2);
    assert_eq!(
        outcome.stderr.trim(),
        format!(
            "ошибка: {path} не пуста: kadr init записывает новый репозиторий только в пустую или новую папку и никогда не перезаписывает файлы"
        )
    );

    let new = dir.0.join("site");
    let new_arg = new.to_string_lossy().into_owned();
    let outcome = common::kadr_with_env(
        &["init", &new_arg, "--ci", "none", "--today", "2026-12-03"],
        &[("KADR_LANG", "kk")],
    );
    outcome.assert_code(0);
    assert!(
        outcome
            .stderr
            .contains(&format!("{new_arg} ішіне жаңа сайт жазылды (")),
        "{}",
        outcome.stderr
    );
    assert!(
        outcome.stderr.contains("⟦ және ⟧ арасындағыны толтырыңыз"),
        "{}",
        outcome.stderr
    );

    let outcome = kadr(&["theme", "eject", "--root", &new_arg, "--lang", "kk"]);
    outcome.assert_code(0);
    assert!(
        outcome
            .stderr
            .contains("kadr-дың кіріктірілген тақырыбының"),
        "{}",
        outcome.stderr
    );
    assert!(!outcome.stderr.contains("wrote"), "{}", outcome.stderr);
}
