//! `kadr init [DIR]`: a new content repository for a ministry's HR service, which
//! checks and builds at once with kadr's built-in theme, UI strings and calendars: the
//! site's settings, the leadership position categories, one unit, the qualification
//! requirements of Order No. 432, this year's and next year's calendars, the JSON
//! Schemas the records' editor headers point to, editor settings, a CI workflow, the
//! pre-commit hook and a short README for HR staff in Kazakh and Russian. It has no
//! vacancies.
//!
//! What only the ministry knows (its name, its site's address, the unit's address and
//! contacts) is given by flags or written as ⟦…⟧ placeholders, which `kadr check` names
//! one by one (`check::stubs`). `init` never overwrites anything: it refuses a folder
//! that is not empty.

use std::fs;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use kadr_review::schema::{self, Kind};

/// Which CI workflow to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ci {
    Github,
    Gitlab,
    None,
}

/// What `kadr init` was asked for.
#[derive(Debug, Clone)]
pub struct Init {
    pub title_kk: Option<String>,
    pub title_ru: Option<String>,
    pub base_url: Option<String>,
    pub ci: Ci,
    /// The day the repository is made: it picks the calendar years.
    pub today: Date,
    /// The commit of kadr that writes the repository, pinned in the CI workflow (when
    /// known).
    pub kadr_commit: Option<String>,
}

/// Why `init` wrote nothing.
#[derive(Debug)]
pub enum InitError {
    /// The folder holds files already.
    NotEmpty(PathBuf),
    /// The folder is a file, or cannot be read or written.
    Io(PathBuf, std::io::Error),
}

impl std::fmt::Display for InitError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            InitError::NotEmpty(dir) => write!(
                f,
                "{} is not empty: kadr init writes a new repository into an empty or new folder and never overwrites a file",
                dir.display()
            ),
            InitError::Io(path, e) => write!(f, "cannot write {}: {e}", path.display()),
        }
    }
}

/// What `init` wrote, and what is left for the ministry to fill in.
#[derive(Debug)]
pub struct Written {
    /// The files, relative to the new repository's root, in the order written.
    pub files: Vec<String>,
    /// The calendar years written (kadr's built-in ones for this year and the next that
    /// it knows).
    pub calendar_years: Vec<i16>,
    /// Whether a placeholder is left anywhere (then `kadr check` names each).
    pub placeholders: bool,
}

const SITE: &str = include_str!("files/site.yaml");
const UNIT: &str = include_str!("files/unit.yaml");
const README: &str = include_str!("files/README.md");
const GITIGNORE: &str = include_str!("files/gitignore");
const VSCODE_SETTINGS: &str = include_str!("files/vscode-settings.json");
const VSCODE_EXTENSIONS: &str = include_str!("files/vscode-extensions.json");
// The sample site's records and the CI and hook files of `docs/` are their one source.
const CATEGORIES: &str = include_str!("../../../content/categories.yaml");
const REQUIREMENTS: [(&str, &str); 5] = [
    (
        "department-heads",
        include_str!("../../../content/requirements/department-heads.yaml"),
    ),
    (
        "directorate-heads",
        include_str!("../../../content/requirements/directorate-heads.yaml"),
    ),
    (
        "division-heads",
        include_str!("../../../content/requirements/division-heads.yaml"),
    ),
    (
        "district-police-heads",
        include_str!("../../../content/requirements/district-police-heads.yaml"),
    ),
    (
        "operational-staff",
        include_str!("../../../content/requirements/operational-staff.yaml"),
    ),
];
const GITHUB_WORKFLOW: &str = include_str!("../../../docs/ci/github-actions.yml");
const GITLAB_CI: &str = include_str!("../../../docs/ci/gitlab-ci.yml");
const PRE_COMMIT: &str = include_str!("../../../docs/pre-commit");

const TITLE_KK: &str = "⟦Министрліктің толық атауы⟧";
const TITLE_RU: &str = "⟦Полное наименование министерства⟧";
const BASE_URL: &str = "⟦https://… сайттың мекенжайы · адрес сайта⟧";

/// Writes a new content repository into `dir` (created if it does not exist).
pub fn init(dir: &Path, request: &Init) -> Result<Written, InitError> {
    match fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(InitError::NotEmpty(dir.to_path_buf()));
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(InitError::Io(dir.to_path_buf(), e)),
    }
    let files = files(request);
    let placeholders = files
        .iter()
        .any(|(rel, text, _)| rel.starts_with("content/") && text.contains(kadr_model::STUB_OPEN));
    let calendar_years = calendar_years(request.today)
        .into_iter()
        .map(|(year, _)| year)
        .collect();
    let mut written = Vec::new();
    for (rel, text, executable) in &files {
        write_new(&dir.join(rel), text, *executable)?;
        written.push(rel.clone());
    }
    Ok(Written {
        files: written,
        calendar_years,
        placeholders,
    })
}

/// Every file of the new repository: (path relative to its root, text, executable).
fn files(request: &Init) -> Vec<(String, String, bool)> {
    let mut out: Vec<(String, String, bool)> = Vec::new();
    let title_kk = request.title_kk.as_deref().unwrap_or(TITLE_KK);
    let title_ru = request.title_ru.as_deref().unwrap_or(TITLE_RU);
    let site = SITE
        .replace("@TITLE_KK@", &yaml_quoted(title_kk))
        .replace("@TITLE_RU@", &yaml_quoted(title_ru))
        .replace(
            "@BASE_URL@",
            &yaml_quoted(request.base_url.as_deref().unwrap_or(BASE_URL)),
        );
    let mut record = |rel: String, kind: Kind, text: &str| {
        out.push((rel.clone(), with_header(kind, &rel, text), false));
    };
    record("content/site.yaml".into(), Kind::Site, &site);
    record(
        "content/categories.yaml".into(),
        Kind::Categories,
        CATEGORIES,
    );
    record(
        "content/units/central-apparatus.yaml".into(),
        Kind::Unit,
        UNIT,
    );
    for (id, text) in REQUIREMENTS {
        record(
            format!("content/requirements/{id}.yaml"),
            Kind::Requirement,
            text,
        );
    }
    for (year, text) in calendar_years(request.today) {
        record(
            format!("content/calendar/{year}.yaml"),
            Kind::Calendar,
            text,
        );
    }
    for kind in Kind::ALL {
        out.push((
            format!("schemas/{}", kind.file_name()),
            kind.schema_text(),
            false,
        ));
    }
    out.push((".gitignore".into(), GITIGNORE.into(), false));
    out.push((
        ".vscode/settings.json".into(),
        VSCODE_SETTINGS.into(),
        false,
    ));
    out.push((
        ".vscode/extensions.json".into(),
        VSCODE_EXTENSIONS.into(),
        false,
    ));
    let rev = request.kadr_commit.as_deref().unwrap_or("");
    match request.ci {
        Ci::Github => out.push((
            ".github/workflows/kadr.yml".into(),
            pin_kadr(GITHUB_WORKFLOW, "  KADR_REV: \"\"", rev),
            false,
        )),
        Ci::Gitlab => out.push((
            ".gitlab-ci.yml".into(),
            pin_kadr(GITLAB_CI, "  KADR_REV: \"\"", rev),
            false,
        )),
        Ci::None => {}
    }
    out.push((".githooks/pre-commit".into(), PRE_COMMIT.into(), true));
    let readme = README
        .replace("@TITLE_KK@", &markdown_plain(title_kk))
        .replace("@TITLE_RU@", &markdown_plain(title_ru))
        .replace("@YEAR@", &request.today.year().to_string());
    out.push(("README.md".into(), readme, false));
    out
}

/// kadr's built-in calendars of the year of `today` and the next, those it knows.
fn calendar_years(today: Date) -> Vec<(i16, &'static str)> {
    [today.year(), today.year().saturating_add(1)]
        .into_iter()
        .filter_map(|year| Some((year, kadr_builtin::calendar(year)?)))
        .collect()
}

/// `text` with its first line the schema header for a file at `rel` (a record that has
/// one gets it replaced: the sample's point to this repository's `schemas/`).
fn with_header(kind: Kind, rel: &str, text: &str) -> String {
    let body = match text.split_once('\n') {
        Some((first, rest)) if first.starts_with("# yaml-language-server:") => rest,
        _ => text,
    };
    format!("{}\n{body}", schema::header(kind, rel))
}

/// The workflow with `KADR_REV` set to `rev` (the line `line` is the template's).
fn pin_kadr(template: &str, line: &str, rev: &str) -> String {
    template.replacen(line, &format!("  KADR_REV: \"{rev}\""), 1)
}

/// A text as the inside of a double-quoted YAML scalar.
fn yaml_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// A title as plain Markdown text (no markup characters taken as such).
fn markdown_plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_{}[]<>#|".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Writes a file that must not exist yet (`create_new`: never overwrites).
fn write_new(path: &Path, text: &str, executable: bool) -> Result<(), InitError> {
    write_new_bytes(path, text.as_bytes(), executable)
}

fn write_new_bytes(path: &Path, bytes: &[u8], executable: bool) -> Result<(), InitError> {
    use std::io::Write as _;
    let fail = |e| InitError::Io(path.to_path_buf(), e);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(fail)?;
    }
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(fail)?;
    file.write_all(bytes).map_err(fail)?;
    #[cfg(unix)]
    if executable {
        use std::os::unix::fs::PermissionsExt as _;
        fs::set_permissions(path, fs::Permissions::from_mode(0o755)).map_err(fail)?;
    }
    #[cfg(not(unix))]
    let _ = executable;
    Ok(())
}

/// What `kadr theme eject` did: the files it wrote and those the site had already (its
/// own overrides, left as they are).
#[derive(Debug, Default)]
pub struct Ejected {
    pub written: Vec<String>,
    pub kept: Vec<String>,
}

/// Copies kadr's built-in theme (templates and static files) and UI strings into the
/// site at `root`, for the site to change: `themes/default/…` and `locales/{kk,ru}/…`.
/// A file the site has already is its own override and is kept. Afterwards the site
/// builds to the same bytes as before (each built-in file is replaced by its copy).
pub fn eject_theme(root: &Path) -> Result<Ejected, InitError> {
    use kadr_builtin::{self as builtin, LOCALES_DIR, THEME_DIR};
    if !root.is_dir() {
        return Err(InitError::Io(
            root.to_path_buf(),
            std::io::Error::new(std::io::ErrorKind::NotFound, "no such folder"),
        ));
    }
    let mut files: Vec<(String, &[u8])> = Vec::new();
    for (name, text) in builtin::templates() {
        files.push((format!("{THEME_DIR}/templates/{name}"), text.as_bytes()));
    }
    for (name, bytes) in builtin::static_files() {
        files.push((format!("{THEME_DIR}/static/{name}"), bytes));
    }
    for lang in kadr_model::Lang::ALL {
        for (name, text) in builtin::locale_files(lang) {
            files.push((
                format!("{LOCALES_DIR}/{}/{name}", lang.code()),
                text.as_bytes(),
            ));
        }
    }
    let mut ejected = Ejected::default();
    for (rel, bytes) in files {
        let path = root.join(&rel);
        if path.exists() || path.is_symlink() {
            ejected.kept.push(rel);
            continue;
        }
        write_new_bytes(&path, bytes, false)?;
        ejected.written.push(rel);
    }
    Ok(ejected)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> Init {
        Init {
            title_kk: None,
            title_ru: None,
            base_url: None,
            ci: Ci::Github,
            today: jiff::civil::date(2026, 12, 3),
            kadr_commit: Some("0123456789ab".into()),
        }
    }

    #[test]
    fn every_record_points_to_its_schema_from_where_it_lies() {
        for (rel, text, _) in files(&request()) {
            if let Some(kind) = Kind::of_path(&rel) {
                let first = text.lines().next().unwrap_or_default();
                assert_eq!(first, schema::header(kind, &rel), "{rel}");
            }
        }
    }

    #[test]
    fn the_calendars_of_this_year_and_the_next_are_written() {
        let names: Vec<String> = files(&request()).into_iter().map(|f| f.0).collect();
        assert!(names.contains(&"content/calendar/2026.yaml".to_string()));
        assert!(names.contains(&"content/calendar/2027.yaml".to_string()));
        assert!(!names.iter().any(|n| n.contains("2025")), "{names:?}");
    }

    #[test]
    fn the_workflow_pins_the_commit_of_kadr_that_wrote_it() {
        let workflow = files(&request())
            .into_iter()
            .find(|f| f.0 == ".github/workflows/kadr.yml")
            .unwrap()
            .1;
        assert!(
            workflow.contains("  KADR_REV: \"0123456789ab\""),
            "{workflow}"
        );
    }

    #[test]
    fn titles_are_quoted_for_yaml() {
        assert_eq!(yaml_quoted(r#"«А» "Б" \ В"#), r#"«А» \"Б\" \\ В"#);
    }
}
