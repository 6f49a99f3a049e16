//! The harness of kadr's integration tests: a throw-away site on disk, the real `kadr`
//! binary run on it, and assertions on what it printed.
//!
//! A [`Site`] is a fresh folder under the system's temporary folder holding a copy of
//! `tests/fixtures/base/` (a small valid site of `content/` only: the theme, the UI
//! strings and the calendars it lacks are kadr's built-in ones), and optionally the
//! files of `tests/fixtures/<case>/` laid over it. A test then edits the
//! site in place (`write`, `edit`, `remove`), runs `check` or `build`, and asserts on the
//! [`Outcome`]. The folder is removed when the `Site` is dropped, also when a test fails.
//!
//! Every run fixes the date with `--today 2026-11-27` ([`TODAY`]), so results do not
//! depend on the day the tests run.

#![allow(dead_code)] // each test binary uses a different part of the harness

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

/// The build date of every run: a Friday on which the base site has an open vacancy, one
/// whose deadline has passed, and one whose publication date is still ahead.
pub const TODAY: &str = "2026-11-27";

/// The section's slugs in the base site's `site.yaml`.
pub const KK_SLUG: &str = "kadr-sayasaty";
pub const RU_SLUG: &str = "kadrovaya-politika";
pub const BASE_URL: &str = "https://example.gov.kz/qriim";

/// The vacancies of the base site, one per state a vacancy can be shown in on [`TODAY`].
pub const OPEN: &str = "2026-dp-almaty-0142";
pub const DRAFT: &str = "2026-dp-almaty-0149";
pub const CLOSED: &str = "2026-dp-astana-0171";
pub const FILLED: &str = "2026-central-apparatus-0240";
/// `status: open`, but its deadline (2026-11-18) has passed on [`TODAY`].
pub const EXPIRED: &str = "2026-dp-astana-0188";
/// `status: open`, `published_on: 2026-12-01`: after [`TODAY`].
pub const FUTURE: &str = "2026-central-apparatus-0325";

/// The record file of a base-site vacancy, relative to the site root.
pub fn vacancy_file(id: &str) -> String {
    format!("content/vacancies/2026/{id}.yaml")
}

/// The crate root: where `themes/`, `locales/`, the sample `content/` and `tests/` are.
pub fn crate_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the real `kadr` binary with `args`.
pub fn kadr(args: &[&str]) -> Outcome {
    kadr_with_env(args, &[])
}

/// Runs the real `kadr` binary with `args` and the environment variables `env`.
pub fn kadr_with_env(args: &[&str], env: &[(&str, &str)]) -> Outcome {
    let output = Command::new(env!("CARGO_BIN_EXE_kadr"))
        .args(args)
        .env("NO_COLOR", "1")
        .envs(env.iter().copied())
        .output()
        .expect("cannot run the kadr binary");
    Outcome::new(
        args,
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

static NEXT_SITE: AtomicUsize = AtomicUsize::new(0);

/// A site in a temporary folder, removed on drop.
pub struct Site {
    dir: PathBuf,
}

impl Site {
    /// The base site: valid, with one vacancy in every state.
    pub fn new() -> Site {
        let n = NEXT_SITE.fetch_add(1, Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("kadr-test-{}-{n}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir).expect("cannot clear an old test folder");
        }
        let site = Site { dir };
        copy_dir(&crate_root().join("tests/fixtures/base"), &site.dir);
        site
    }

    /// The base site with the files of `tests/fixtures/<case>/` added or replaced.
    pub fn with_fixture(case: &str) -> Site {
        let overlay = crate_root().join("tests/fixtures").join(case);
        assert!(overlay.is_dir(), "no fixture {}", overlay.display());
        let site = Site::new();
        copy_dir(&overlay, &site.dir);
        site
    }

    /// The site root (also the folder builds write into, see [`Site::build`]).
    pub fn root(&self) -> &Path {
        &self.dir
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.join(rel)
    }

    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("cannot read {rel}: {e}"))
    }

    pub fn write(&self, rel: &str, text: &str) {
        self.write_bytes(rel, text.as_bytes());
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) {
        let path = self.path(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(&path, bytes).unwrap_or_else(|e| panic!("cannot write {rel}: {e}"));
    }

    /// Copies the repository's file `rel` (such as `themes/default/templates/list.html`,
    /// the source of a built-in one) into the site, where it overrides the built-in file.
    pub fn copy_from_repository(&self, rel: &str) {
        let bytes = fs::read(crate_root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
        self.write_bytes(rel, &bytes);
    }

    /// Copies the repository's `themes/` and `locales/` into the site: every built-in
    /// file overridden by the same bytes.
    pub fn copy_repository_theme(&self) {
        copy_dir(&crate_root().join("themes"), &self.dir.join("themes"));
        copy_dir(&crate_root().join("locales"), &self.dir.join("locales"));
    }

    /// Replaces the one occurrence of `from` in file `rel` by `to`. Panics if `from`
    /// does not occur exactly once, so that an edit never silently does nothing.
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        let count = text.matches(from).count();
        assert_eq!(
            count, 1,
            "{rel} contains {from:?} {count} times, expected once"
        );
        self.write(rel, &text.replacen(from, to, 1));
    }

    pub fn remove(&self, rel: &str) {
        fs::remove_file(self.path(rel)).unwrap_or_else(|e| panic!("cannot remove {rel}: {e}"));
    }

    /// The 1-based number of the first line of `rel` that contains `needle`.
    pub fn line_of(&self, rel: &str, needle: &str) -> u64 {
        let text = self.read(rel);
        let index = text
            .lines()
            .position(|line| line.contains(needle))
            .unwrap_or_else(|| panic!("{rel} has no line containing {needle:?}"));
        index as u64 + 1
    }

    /// `kadr check --format json` on this site, on [`TODAY`].
    pub fn check(&self) -> Outcome {
        self.check_with(&["--format", "json"])
    }

    /// `kadr check` on this site, on [`TODAY`], with more arguments.
    pub fn check_with(&self, extra: &[&str]) -> Outcome {
        self.check_with_env(extra, &[])
    }

    /// [`Site::check_with`], with the environment variables `env`.
    pub fn check_with_env(&self, extra: &[&str], env: &[(&str, &str)]) -> Outcome {
        let root = self.dir.to_string_lossy().into_owned();
        let mut args = vec!["check", "--root", &root, "--today", TODAY];
        args.extend_from_slice(extra);
        kadr_with_env(&args, env)
    }

    /// `kadr build --format json` on [`TODAY`] into the folder `out` beside the site's
    /// records (`out` is relative to the site root, e.g. `"public"`).
    pub fn build(&self, out: &str) -> Outcome {
        let root = self.dir.to_string_lossy().into_owned();
        let out = self.path(out).to_string_lossy().into_owned();
        kadr(&[
            "build", "--root", &root, "--out", &out, "--today", TODAY, "--format", "json",
        ])
    }

    /// Builds into `out` and panics unless the build succeeded. The [`Output`] borrows
    /// the site, whose folder it lies in.
    pub fn build_ok(&self, out: &str) -> Output<'_> {
        let outcome = self.build(out);
        outcome.assert_code(0);
        Output {
            dir: self.path(out),
            _site: self,
        }
    }

    /// The names of the entries directly in the site's folder.
    pub fn entries(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(&self.dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// Copies the folder `from` into `to` (created if needed), replacing files that exist.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap_or_else(|e| panic!("cannot create {}: {e}", to.display()));
    for entry in fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display())) {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// What one run of `kadr` did: its exit code, the diagnostics it printed as JSON (when
/// it was run with `--format json`), and its raw output.
pub struct Outcome {
    pub args: String,
    pub code: i32,
    pub diagnostics: Vec<Value>,
    pub stdout: String,
    pub stderr: String,
}

impl Outcome {
    pub fn new(args: &[&str], code: i32, stdout: String, stderr: String) -> Outcome {
        let diagnostics = if stdout.trim_start().starts_with('[') {
            serde_json::from_str::<Vec<Value>>(&stdout)
                .unwrap_or_else(|e| panic!("kadr printed invalid JSON ({e}):\n{stdout}"))
        } else {
            Vec::new()
        };
        Outcome {
            args: args.join(" "),
            code,
            diagnostics,
            stdout,
            stderr,
        }
    }

    /// Everything kadr printed, for failure messages.
    pub fn report(&self) -> String {
        format!(
            "kadr {}\nexit code: {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.args, self.code, self.stdout, self.stderr
        )
    }

    pub fn assert_code(&self, expected: i32) -> &Self {
        assert_eq!(
            self.code,
            expected,
            "unexpected exit code\n{}",
            self.report()
        );
        self
    }

    pub fn errors(&self) -> Vec<&Value> {
        self.with_severity("error")
    }

    pub fn warnings(&self) -> Vec<&Value> {
        self.with_severity("warning")
    }

    fn with_severity(&self, severity: &str) -> Vec<&Value> {
        self.diagnostics
            .iter()
            .filter(|d| d["severity"] == severity)
            .collect()
    }

    /// The error at `file`:`line` whose message contains `message_contains`, and whose
    /// rule id is `rule` when `rule` is given (`None` leaves the rule unasserted).
    pub fn assert_error(
        &self,
        file: &str,
        line: u64,
        rule: Option<&str>,
        message_contains: &str,
    ) -> &Value {
        self.assert_diagnostic("error", file, line, rule, message_contains)
    }

    /// Like [`Outcome::assert_error`], for a warning.
    pub fn assert_warning(
        &self,
        file: &str,
        line: u64,
        rule: Option<&str>,
        message_contains: &str,
    ) -> &Value {
        self.assert_diagnostic("warning", file, line, rule, message_contains)
    }

    fn assert_diagnostic(
        &self,
        severity: &str,
        file: &str,
        line: u64,
        rule: Option<&str>,
        message_contains: &str,
    ) -> &Value {
        let found = self.diagnostics.iter().find(|d| {
            d["severity"] == severity
                && d["file"] == file
                && d["line"].as_u64() == Some(line)
                && rule.is_none_or(|r| d["rule"] == r)
                && d["message"]
                    .as_str()
                    .is_some_and(|m| m.contains(message_contains))
        });
        match found {
            Some(d) => d,
            None => panic!(
                "expected {severity} at {file}:{line}{} with a message containing {message_contains:?}\n{}",
                rule.map(|r| format!(" (rule {r})")).unwrap_or_default(),
                self.report()
            ),
        }
    }

    pub fn assert_no_errors(&self) -> &Self {
        assert!(
            self.errors().is_empty(),
            "expected no errors\n{}",
            self.report()
        );
        self
    }
}

/// A built site: the output folder of a successful `kadr build`.
pub struct Output<'s> {
    pub dir: PathBuf,
    /// The output lies in the site's folder, which is removed with the site.
    _site: &'s Site,
}

impl Output<'_> {
    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.join(rel)
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.path(rel).is_file()
    }

    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path(rel))
            .unwrap_or_else(|e| panic!("the build wrote no readable {rel}: {e}"))
    }

    /// Every file of the output with its bytes, by path relative to the output folder.
    pub fn files(&self) -> std::collections::BTreeMap<String, Vec<u8>> {
        files_under(&self.dir)
    }
}

/// The output folder's path of the list page of `lang` (`"kk"` or `"ru"`).
pub fn list_dir(lang: &str) -> String {
    format!("{lang}/{}/", slug(lang))
}

/// The path of one vacancy's page in `lang`.
pub fn vacancy_page(lang: &str, id: &str) -> String {
    format!("{}{id}/index.html", list_dir(lang))
}

pub fn slug(lang: &str) -> &'static str {
    match lang {
        "kk" => KK_SLUG,
        "ru" => RU_SLUG,
        other => panic!("no language {other}"),
    }
}

/// Every file under `dir` with its bytes, by path relative to `dir` (with `/`).
pub fn files_under(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut std::collections::BTreeMap<String, Vec<u8>>) {
        for entry in fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            let path = entry.path();
            if entry.file_type().unwrap().is_dir() {
                walk(base, &path, out);
            } else {
                let rel = path.strip_prefix(base).unwrap();
                let rel: Vec<String> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                out.insert(rel.join("/"), fs::read(&path).unwrap());
            }
        }
    }
    let mut out = std::collections::BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// An HTML start tag: its lower-case name and its attributes in order.
#[derive(Debug)]
pub struct Tag {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    /// Byte offset of the tag's `>` + 1 in the page.
    pub end: usize,
}

impl Tag {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The start tags of `html`. Minimal, but enough for kadr's output, in which every `<`
/// that is not markup is escaped: a `<` always opens a tag, a comment or a doctype.
/// Text inside `<script>` is skipped up to its `</script>`.
pub fn tags(html: &str) -> Vec<Tag> {
    let mut out = Vec::new();
    let mut i = 0;
    let bytes = html.as_bytes();
    while let Some(start) = html[i..].find('<').map(|o| i + o) {
        let rest = &html[start + 1..];
        if rest.starts_with('/') || rest.starts_with('!') || rest.starts_with('?') {
            i = start + 1 + rest.find('>').map_or(rest.len(), |e| e + 1);
            continue;
        }
        let name_len = rest
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(rest.len());
        let name = rest[..name_len].to_ascii_lowercase();
        let mut j = start + 1 + name_len;
        let mut attrs = Vec::new();
        loop {
            while j < bytes.len() && (bytes[j].is_ascii_whitespace() || bytes[j] == b'/') {
                j += 1;
            }
            if j >= bytes.len() || bytes[j] == b'>' {
                j += 1;
                break;
            }
            let name_end = html[j..]
                .find(|c: char| c.is_whitespace() || c == '=' || c == '>')
                .map_or(html.len(), |o| j + o);
            let attr = html[j..name_end].to_ascii_lowercase();
            j = name_end;
            let mut value = String::new();
            if j < bytes.len() && bytes[j] == b'=' {
                j += 1;
                if j < bytes.len() && (bytes[j] == b'"' || bytes[j] == b'\'') {
                    let quote = bytes[j] as char;
                    let close = html[j + 1..].find(quote).map_or(html.len(), |o| j + 1 + o);
                    value = html[j + 1..close].to_string();
                    j = close + 1;
                } else {
                    let end = html[j..]
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .map_or(html.len(), |o| j + o);
                    value = html[j..end].to_string();
                    j = end;
                }
            }
            attrs.push((attr, value));
        }
        let end = j.min(html.len());
        if name == "script" {
            i = html[end..]
                .find("</script>")
                .map_or(html.len(), |o| end + o);
        } else {
            i = end;
        }
        out.push(Tag { name, attrs, end });
    }
    out
}

/// The JSON-LD blocks of a page, parsed.
pub fn json_ld(html: &str) -> Vec<Value> {
    tags(html)
        .iter()
        .filter(|t| t.name == "script" && t.attr("type") == Some("application/ld+json"))
        .map(|t| {
            let body = &html[t.end..];
            let body = &body[..body.find("</script>").expect("an unclosed <script>")];
            serde_json::from_str(body)
                .unwrap_or_else(|e| panic!("JSON-LD is not JSON ({e}):\n{body}"))
        })
        .collect()
}

/// Resolves a relative link `href` found on the page at `page` (both relative to the
/// output folder) to a path relative to the output folder.
pub fn resolve(page: &str, href: &str) -> String {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop(); // the page's file name
    for segment in href.split('/') {
        match segment {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    let mut path = parts.join("/");
    if href.ends_with('/') {
        path.push('/');
    }
    path
}

/// A UI string of the theme's locale files, e.g. `ui_string("ru", "status-closed")`.
pub fn ui_string(lang: &str, key: &str) -> String {
    let dir = crate_root().join("locales").join(lang);
    for entry in fs::read_dir(&dir).unwrap() {
        let text = fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines() {
            if let Some((k, v)) = line.split_once('=')
                && k.trim() == key
            {
                return v.trim().to_string();
            }
        }
    }
    panic!("locales/{lang} has no {key}");
}
