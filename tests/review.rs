//! Review of postings in a pull or merge request (RULES.md K26): `kadr diff` on a
//! temporary git repository, `kadr check --format github|gitlab` for CI, and `kadr new
//! vacancy`, whose placeholders `kadr check` refuses until they are filled in.
//!
//! Each repository is the base site (`tests/fixtures/base/`) committed on `main`.

mod common;

use std::path::Path;
use std::process::Command;

use common::{CLOSED, DRAFT, EXPIRED, FILLED, FUTURE, OPEN, Site, TODAY, kadr, vacancy_file};
use serde_json::{Value, json};

/// The vacancy a review adds.
const NEW: &str = "2026-dp-almaty-0150";

/// Runs git in `dir` with a fixed identity and none of the machine's configuration.
fn git(dir: &Path, args: &[&str]) {
    let output = Command::new("git")
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@x",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .expect("cannot run git");
    assert!(
        output.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The base site committed on `main`.
fn repository() -> Site {
    let site = Site::new();
    git(site.root(), &["init", "-q", "-b", "main"]);
    git(site.root(), &["add", "-A"]);
    git(site.root(), &["commit", "-q", "-m", "base site"]);
    site
}

/// The review's changes: a new vacancy, the open one's deadline and Russian title,
/// and the expired one closed.
fn make_review_changes(site: &Site) {
    let open = vacancy_file(OPEN);
    site.write(
        &vacancy_file(NEW),
        &site.read(&open).replace(OPEN, NEW).replace(
            "Начальник управления патрульной полиции",
            "Заместитель начальника управления патрульной полиции",
        ),
    );
    site.edit(&open, "deadline: 2026-12-08", "deadline: 2026-12-15");
    site.edit(
        &open,
        "ru: \"Начальник управления патрульной полиции\"",
        "ru: \"Начальник управления патрульной полиции города Алматы\"",
    );
    site.edit(&vacancy_file(EXPIRED), "status: open", "status: closed");
}

fn diff(site: &Site, extra: &[&str]) -> common::Outcome {
    let root = site.root().to_string_lossy().into_owned();
    let mut args = vec!["diff", "--root", &root];
    args.extend_from_slice(extra);
    kadr(&args)
}

fn diff_json(site: &Site, extra: &[&str]) -> Value {
    let mut args = extra.to_vec();
    args.extend(["--format", "json"]);
    let outcome = diff(site, &args);
    outcome.assert_code(0);
    serde_json::from_str(&outcome.stdout)
        .unwrap_or_else(|e| panic!("kadr diff printed invalid JSON ({e})\n{}", outcome.report()))
}

/// The review's changes committed on a branch `review` off `main`.
fn reviewed_repository() -> Site {
    let site = repository();
    git(site.root(), &["checkout", "-q", "-b", "review"]);
    make_review_changes(&site);
    git(site.root(), &["add", "-A"]);
    git(site.root(), &["commit", "-q", "-m", "postings"]);
    site
}

fn assert_exactly_the_review_changes(diff: &Value) {
    let vacancies = diff["vacancies"].as_array().expect("vacancies");
    let ids: Vec<&str> = vacancies
        .iter()
        .map(|v| v["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [OPEN, NEW, EXPIRED], "{diff:#}");

    let open = &vacancies[0];
    assert_eq!(open["change"], "changed");
    assert_eq!(
        open["fields"],
        json!([
            {"field": "position", "lang": "ru",
             "before": "Начальник управления патрульной полиции",
             "after": "Начальник управления патрульной полиции города Алматы"},
            {"field": "deadline", "lang": null, "before": "2026-12-08", "after": "2026-12-15"},
        ]),
        "{diff:#}"
    );
    assert_eq!(open["file"], vacancy_file(OPEN));
    assert_eq!(
        open["preview"],
        json!({"kk": format!("kk/kadr-sayasaty/{OPEN}/"), "ru": format!("ru/kadrovaya-politika/{OPEN}/")})
    );

    let new = &vacancies[1];
    assert_eq!(new["change"], "added");
    assert_eq!(new["status"], "open");
    assert_eq!(
        new["position"]["ru"],
        "Заместитель начальника управления патрульной полиции"
    );
    assert!(
        new["fields"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["before"].is_null() && !f["after"].is_null()),
        "a new vacancy has only values after: {diff:#}"
    );

    let expired = &vacancies[2];
    assert_eq!(expired["change"], "changed");
    assert_eq!(
        expired["fields"],
        json!([{"field": "status", "lang": null, "before": "open", "after": "closed"}])
    );

    for kind in ["units", "requirements", "categories"] {
        assert_eq!(diff[kind], json!([]), "{kind}: {diff:#}");
    }
    assert_eq!(diff["site"], Value::Null);
    assert_eq!(diff["calendar"]["entries"], json!([]));
}

#[test]
fn diff_of_a_commit_names_exactly_its_changes_in_json() {
    let site = reviewed_repository();
    let diff = diff_json(&site, &["HEAD~1"]);
    assert_eq!(diff["base"], "HEAD~1");
    assert_eq!(diff["base_commit"].as_str().map(str::len), Some(40));
    assert_exactly_the_review_changes(&diff);
}

#[test]
fn diff_compares_with_the_merge_base_of_the_default_branch_by_default() {
    let site = reviewed_repository();
    let diff = diff_json(&site, &[]);
    assert_eq!(diff["base"], "merge base with main");
    assert_exactly_the_review_changes(&diff);
}

#[test]
fn diff_of_a_commit_in_markdown_shows_each_change_side_by_side() {
    let site = reviewed_repository();
    let outcome = diff(&site, &["HEAD~1", "--preview-url", "http://localhost:1111"]);
    outcome.assert_code(0);
    let md = &outcome.stdout;
    assert!(md.contains(&format!("#### New: `{NEW}` — ")), "{md}");
    assert!(
        md.contains(&format!("#### Changed: `{EXPIRED}`"))
            && md.contains("status **open → closed**"),
        "{md}"
    );
    assert!(md.contains(&format!("#### Changed: `{OPEN}`")), "{md}");
    assert!(
        md.contains("| deadline | 2026-12-08 | 2026-12-15 |"),
        "{md}"
    );
    // The title's table: Kazakh unchanged beside the Russian before and after.
    assert!(
        md.contains(
            "| position | kk | ru |\n|---|---|---|\n\
             | before | Патрульдік полиция басқармасының бастығы | Начальник управления патрульной полиции |\n\
             | after | Патрульдік полиция басқармасының бастығы | Начальник управления патрульной полиции города Алматы |"
        ),
        "{md}"
    );
    assert!(
        md.contains(&format!(
            "preview [kk](http://localhost:1111/kk/kadr-sayasaty/{OPEN}/) · [ru](http://localhost:1111/ru/kadrovaya-politika/{OPEN}/)"
        )),
        "{md}"
    );
    for untouched in [DRAFT, CLOSED, FILLED, FUTURE] {
        assert!(!md.contains(untouched), "{untouched} did not change\n{md}");
    }
    assert!(
        !md.contains("### Units") && !md.contains("### Working-day calendar"),
        "{md}"
    );
}

#[test]
fn diff_includes_uncommitted_changes_and_what_units_and_calendar_changes_affect() {
    let site = repository();
    site.edit(
        "content/units/dp-almaty.yaml",
        "phone: \"+7 727 000 31 18\"",
        "phone: \"+7 727 000 31 19\"",
    );
    // A transfer of Monday 23 November to Saturday the 28th moves the last day to publish
    // the open vacancy (arose on Friday 20 November) from the 25th to the 26th (P4).
    site.edit(
        "content/calendar/2026.yaml",
        "transfers: []",
        "transfers: [{rest_on: 2026-11-23, work_on: 2026-11-28}]",
    );
    let diff = diff_json(&site, &["HEAD"]);
    assert_eq!(diff["vacancies"], json!([]), "{diff:#}");
    assert_eq!(
        diff["units"],
        json!([{
            "id": "dp-almaty",
            "change": "changed",
            "file": "content/units/dp-almaty.yaml",
            "fields": [{"field": "contacts", "lang": null,
                        "before": "phone: +7 727 000 31 18, email: kadr-almaty@example.gov.kz",
                        "after": "phone: +7 727 000 31 19, email: kadr-almaty@example.gov.kz"}],
            "affects": [OPEN, DRAFT],
        }]),
        "{diff:#}"
    );
    assert_eq!(
        diff["calendar"]["entries"],
        json!([{"year": 2026, "entry": "transfer", "date": "2026-11-23", "change": "added",
                "before": null, "after": "rest on 2026-11-23, work on 2026-11-28"}])
    );
    let affects = diff["calendar"]["affects"].as_array().unwrap();
    assert!(affects.contains(&json!(OPEN)), "{diff:#}");
    assert!(!affects.contains(&json!(CLOSED)), "{diff:#}");
}

#[test]
fn diff_reports_a_vacancy_that_no_longer_reads_as_unreadable_not_removed() {
    let site = repository();
    site.edit(&vacancy_file(OPEN), "status: open\n", "");
    let diff = diff_json(&site, &["HEAD"]);
    assert_eq!(
        diff["vacancies"],
        json!([{"id": OPEN, "change": "unreadable", "file": vacancy_file(OPEN),
                "status": null, "position": null, "preview": null, "fields": []}]),
        "{diff:#}"
    );
}

#[test]
fn diff_without_changes_says_so() {
    let site = repository();
    let outcome = diff(&site, &[]);
    outcome.assert_code(0);
    assert!(
        outcome.stdout.contains("No changes"),
        "{}",
        outcome.report()
    );
}

#[test]
fn diff_outside_a_git_repository_is_a_usage_error() {
    let site = Site::new();
    let outcome = diff(&site, &[]);
    outcome.assert_code(2);
    assert!(
        outcome.stderr.contains("not in a git repository"),
        "{}",
        outcome.report()
    );
}

#[test]
fn diff_says_why_it_cannot_compare_in_the_language_asked_for() {
    let site = Site::new();
    let outcome = diff(&site, &["--lang", "kk"]);
    outcome.assert_code(2);
    let root = site.root().display().to_string();
    assert_eq!(
        outcome.stderr.trim(),
        format!("қате: {root} git репозиторийінде емес"),
        "{}",
        outcome.report()
    );
    let root_arg = site.root().to_string_lossy().into_owned();
    let outcome = common::kadr_with_env(&["diff", "--root", &root_arg], &[("KADR_LANG", "ru")]);
    outcome.assert_code(2);
    assert_eq!(
        outcome.stderr.trim(),
        format!("ошибка: {root} не находится в репозитории git"),
        "{}",
        outcome.report()
    );
}

#[test]
fn diff_of_an_unknown_revision_is_a_usage_error() {
    let site = repository();
    let outcome = diff(&site, &["no-such-branch"]);
    outcome.assert_code(2);
    assert!(
        outcome.stderr.contains("no-such-branch"),
        "{}",
        outcome.report()
    );
}

/// A site with one error in the open vacancy (an unknown unit) at a known place.
fn site_with_an_unknown_unit() -> (Site, String, u64) {
    let site = Site::new();
    let file = vacancy_file(OPEN);
    site.edit(&file, "unit: dp-almaty", "unit: dp-almata");
    let line = site.line_of(&file, "unit: dp-almata");
    (site, file, line)
}

#[test]
fn check_format_github_prints_workflow_commands() {
    let (site, file, line) = site_with_an_unknown_unit();
    let outcome = site.check_with(&["--format", "github"]);
    outcome.assert_code(1);
    // GitHub's syntax: ::error file={name},line={line},col={col},title={title}::{message}
    let lines: Vec<&str> = outcome.stdout.lines().collect();
    assert!(!lines.is_empty(), "{}", outcome.report());
    for l in &lines {
        let (command, message) = l[2..].split_once("::").expect("::command props::message");
        let (level, props) = command.split_once(' ').expect("a command with properties");
        assert!(l.starts_with("::"), "{l}");
        assert!(level == "error" || level == "warning", "{l}");
        let keys: Vec<&str> = props
            .split(',')
            .map(|p| p.split_once('=').unwrap().0)
            .collect();
        assert_eq!(keys, ["file", "line", "col", "title"], "{l}");
        assert!(!message.is_empty() && !message.contains('\n'), "{l}");
    }
    let expected = format!("::error file={file},line={line},col=7,title=kadr::");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with(&expected) && l.contains("dp-almata")),
        "expected a line starting {expected}\n{}",
        outcome.report()
    );
}

#[test]
fn check_format_gitlab_prints_a_code_quality_report_with_stable_fingerprints() {
    let (site, file, line) = site_with_an_unknown_unit();
    let run = || {
        let outcome = site.check_with(&["--format", "gitlab"]);
        outcome.assert_code(1);
        serde_json::from_str::<Vec<Value>>(&outcome.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e})\n{}", outcome.report()))
    };
    let (first, second) = (run(), run());
    assert_eq!(first, second, "the same problems give the same report");
    let issue = first
        .iter()
        .find(|i| i["location"]["path"] == file.as_str())
        .expect("an issue in the vacancy");
    assert_eq!(issue["location"]["lines"]["begin"], line);
    assert_eq!(issue["severity"], "major");
    assert!(issue["description"].as_str().unwrap().contains("dp-almata"));
    assert!(issue["check_name"].as_str().unwrap().starts_with("kadr/"));
    let fingerprints: std::collections::BTreeSet<&str> = first
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    assert_eq!(fingerprints.len(), first.len(), "fingerprints are unique");
    assert!(
        fingerprints
            .iter()
            .all(|f| f.len() == 32 && f.bytes().all(|b| b.is_ascii_hexdigit()))
    );
}

fn new_vacancy(site: &Site, extra: &[&str]) -> common::Outcome {
    let root = site.root().to_string_lossy().into_owned();
    let mut args = vec!["new", "vacancy", "--root", &root, "--today", TODAY];
    args.extend_from_slice(extra);
    kadr(&args)
}

#[test]
fn kadr_new_speaks_the_language_asked_for() {
    let site = Site::new();
    let outcome = new_vacancy(
        &site,
        &["--unit", "nowhere", "--category", "C-3", "--lang", "ru"],
    );
    outcome.assert_code(2);
    assert!(
        outcome
            .stderr
            .starts_with("ошибка: в content/units/ нет подразделения `nowhere` (есть: "),
        "{}",
        outcome.report()
    );
    let outcome = new_vacancy(
        &site,
        &[
            "--unit",
            "central-apparatus",
            "--category",
            "C-1",
            "--lang",
            "kk",
        ],
    );
    outcome.assert_code(2);
    assert!(
        outcome
            .stderr
            .contains("орталық аппарат: кім тағайындайтынын --authority minister"),
        "{}",
        outcome.report()
    );
    let outcome = new_vacancy(
        &site,
        &["--unit", "dp-almaty", "--category", "C-3", "--lang", "kk"],
    );
    outcome.assert_code(0);
    assert!(
        outcome.stderr.contains(&format!(
            "{} жазылды: екі тілдегі әрбір ⟦…⟧ орнына",
            vacancy_file(NEW)
        )),
        "{}",
        outcome.report()
    );
}

#[test]
fn a_new_vacancy_fails_check_until_its_placeholders_are_replaced() {
    let site = Site::new();
    let outcome = new_vacancy(&site, &["--unit", "dp-almaty", "--category", "C-3"]);
    outcome.assert_code(0);
    let file = vacancy_file(NEW);
    assert_eq!(
        outcome.stdout.trim(),
        file,
        "the next free id of dp-almaty in 2026"
    );
    let text = site.read(&file);
    assert!(
        text.starts_with("# yaml-language-server: $schema=../../../schemas/vacancy.schema.json\n"),
        "{text}"
    );
    for expected in [
        "status: draft",
        "requirements: directorate-heads",
        "appointing_authority: territorial_head",
        "arose_on: 2026-11-27",
        "published_on: 2026-11-27",
        "deadline: 2026-12-11",
        "contacts: {phone: \"+7 727 000 31 18\", email: \"kadr-almaty@example.gov.kz\", person: {kk: \"Бекмұхамбетов Ерлан Бақытұлы, кадр басқармасы бөлімінің бастығы\", ru: \"Бекмухамбетов Ерлан Бакытович, начальник отдела управления кадров\"}}",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }

    let outcome = site.check();
    outcome.assert_code(1);
    let errors = outcome.errors();
    assert_eq!(
        errors.len(),
        10,
        "five texts in two languages\n{}",
        outcome.report()
    );
    for e in &errors {
        assert_eq!(e["file"], file.as_str(), "{}", outcome.report());
        assert_eq!(e["rule"], "P4");
        assert!(
            e["message"].as_str().unwrap().contains("placeholder"),
            "{e}"
        );
    }
    outcome.assert_error(
        &file,
        site.line_of(&file, "  ru: \"⟦"),
        Some("P4"),
        "Russian (ru) text of `position`",
    );

    // Replace each placeholder, brackets included, with a text of its own.
    let mut filled = String::new();
    let mut n = 0;
    for line in text.lines() {
        match (line.find('⟦'), line.find('⟧')) {
            (Some(start), Some(end)) if !line.starts_with('#') => {
                n += 1;
                filled.push_str(&line[..start]);
                filled.push_str(&format!("Толтырылған мәтін {n}"));
                filled.push_str(&line[end + '⟧'.len_utf8()..]);
            }
            _ => filled.push_str(line),
        }
        filled.push('\n');
    }
    assert_eq!(n, 10);
    site.write(&file, &filled);
    let outcome = site.check();
    outcome.assert_code(0).assert_no_errors();
}

#[test]
fn a_second_new_vacancy_takes_the_next_id() {
    let site = Site::new();
    new_vacancy(&site, &["--unit", "dp-almaty", "--category", "C-3"]).assert_code(0);
    let outcome = new_vacancy(&site, &["--unit", "dp-almaty", "--category", "C-3"]);
    outcome.assert_code(0);
    assert_eq!(outcome.stdout.trim(), vacancy_file("2026-dp-almaty-0151"));
}

#[test]
fn a_new_central_vacancy_needs_its_appointing_authority() {
    let site = Site::new();
    let outcome = new_vacancy(&site, &["--unit", "central-apparatus", "--category", "C-1"]);
    outcome.assert_code(2);
    assert!(
        outcome.stderr.contains("--authority"),
        "{}",
        outcome.report()
    );
    let outcome = new_vacancy(
        &site,
        &[
            "--unit",
            "central-apparatus",
            "--category",
            "C-1",
            "--authority",
            "minister",
        ],
    );
    outcome.assert_code(0);
    let text = site.read(outcome.stdout.trim());
    assert!(text.contains("appointing_authority: minister"), "{text}");
}

#[test]
fn a_new_vacancy_refuses_an_unknown_unit_and_names_the_known_ones() {
    let site = Site::new();
    let outcome = new_vacancy(&site, &["--unit", "dp-almata", "--category", "C-3"]);
    outcome.assert_code(2);
    assert!(outcome.stderr.contains("dp-almaty"), "{}", outcome.report());
}
