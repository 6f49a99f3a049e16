//! What kadr carries inside its binary, so that a site is only its `content/`: the
//! default theme (`themes/default/`: templates and static files), the kk/ru UI strings
//! (`locales/`) and the working-day calendars kadr knows (`calendars/YEAR.yaml`).
//!
//! The folders of this repository are their one source: they are compiled in as they
//! are (`build.rs` tells cargo to rebuild when they change). A site overrides a file by
//! a file at the same path (see `kadr_load::theme`), and a calendar year by its own
//! `content/calendar/YEAR.yaml`. Nothing here reads the disk.

use include_dir::{Dir, include_dir};

use kadr_model::Lang;

static THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../themes/default");
static LOCALES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../locales");
static CALENDARS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../calendars");

/// The theme's folder in a site (and in this repository), relative to the site root.
pub const THEME_DIR: &str = "themes/default";
/// Where a site keeps its UI strings, relative to the site root.
pub const LOCALES_DIR: &str = "locales";

/// How diagnostics name a built-in file: not a path in the site (there is no such file
/// to open), but recognisably kadr's own.
pub fn display_name(rel: &str) -> String {
    format!("(kadr built-in) {rel}")
}

/// The built-in templates as (name relative to `templates/`, text), sorted by name.
pub fn templates() -> Vec<(&'static str, &'static str)> {
    let mut out: Vec<_> = files_below(&THEME, "templates")
        .filter_map(|(rel, bytes)| Some((rel, std::str::from_utf8(bytes).ok()?)))
        .collect();
    out.sort();
    out
}

/// The built-in static files as (path relative to `static/`, bytes), sorted by path.
pub fn static_files() -> Vec<(&'static str, &'static [u8])> {
    let mut out: Vec<_> = files_below(&THEME, "static").collect();
    out.sort();
    out
}

/// The built-in UI strings of `lang` as (file name relative to `locales/LANG/`, FTL
/// text), sorted by name.
pub fn locale_files(lang: Lang) -> Vec<(&'static str, &'static str)> {
    let mut out: Vec<_> = files_below(&LOCALES, lang.code())
        .filter(|(rel, _)| rel.ends_with(".ftl"))
        .filter_map(|(rel, bytes)| Some((rel, std::str::from_utf8(bytes).ok()?)))
        .collect();
    out.sort();
    out
}

/// The built-in calendars as (year, YAML text), by year: every `calendars/YEAR.yaml`.
pub fn calendars() -> Vec<(i16, &'static str)> {
    let mut out: Vec<(i16, &'static str)> = CALENDARS
        .files()
        .filter_map(|f| {
            let name = f.path().file_name()?.to_str()?;
            let year = name.strip_suffix(".yaml")?.parse().ok()?;
            Some((year, f.contents_utf8()?))
        })
        .collect();
    out.sort();
    out
}

/// The built-in calendar of `year`, if kadr knows that year.
pub fn calendar(year: i16) -> Option<&'static str> {
    calendars()
        .into_iter()
        .find(|(y, _)| *y == year)
        .map(|(_, text)| text)
}

/// Every file below `dir/sub`, as (path relative to `sub` with `/`, bytes). Hidden and
/// editor files are not part of the theme (the loader skips them in a site too).
fn files_below(
    dir: &'static Dir<'static>,
    sub: &str,
) -> impl Iterator<Item = (&'static str, &'static [u8])> {
    let mut stack: Vec<&'static Dir<'static>> = dir.get_dir(sub).into_iter().collect();
    let mut files = Vec::new();
    while let Some(d) = stack.pop() {
        stack.extend(d.dirs());
        for f in d.files() {
            let Some(full) = f.path().to_str() else {
                continue;
            };
            let rel = full
                .strip_prefix(sub)
                .map_or(full, |r| r.trim_start_matches('/'));
            let hidden = rel.split('/').any(kadr_model::is_ignored_name);
            if !hidden {
                files.push((rel, f.contents()));
            }
        }
    }
    files.into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_theme_is_compiled_in() {
        let names: Vec<&str> = templates().iter().map(|(n, _)| *n).collect();
        for name in [
            "list.html",
            "vacancy.html",
            "archive.html",
            "filter.html",
            "404.html",
        ] {
            assert!(names.contains(&name), "{name} is not built in: {names:?}");
        }
        let assets: Vec<&str> = static_files().iter().map(|(n, _)| *n).collect();
        assert!(assets.contains(&"style.css") && assets.contains(&"kadr.js"));
    }

    #[test]
    fn both_languages_have_built_in_ui_strings() {
        for lang in Lang::ALL {
            let files = locale_files(lang);
            assert!(!files.is_empty(), "{lang:?}");
            assert!(files.iter().all(|(name, _)| !name.contains('/')));
        }
    }

    #[test]
    fn the_built_in_calendars_are_those_of_the_calendars_folder() {
        let years: Vec<i16> = calendars().iter().map(|(y, _)| *y).collect();
        let on_disk = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../calendars"))
            .unwrap()
            .filter_map(|e| {
                let name = e.ok()?.file_name().into_string().ok()?;
                name.strip_suffix(".yaml")?.parse::<i16>().ok()
            })
            .count();
        assert_eq!(years.len(), on_disk);
        assert!(years.windows(2).all(|w| w[0] < w[1]));
        assert!(calendar(2026).is_some_and(|t| t.contains("year: 2026")));
    }
}
