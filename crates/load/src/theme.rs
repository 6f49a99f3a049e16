//! The theme and the UI strings a site is rendered with: kadr's built-in ones
//! ([`kadr_builtin`]), with each file the site has at the same path laid over them.
//!
//! A site overrides one template by `themes/default/templates/NAME`, one static file by
//! `themes/default/static/PATH`, and one UI string by the same key in any
//! `locales/{kk,ru}/*.ftl` of its own; everything else is the built-in theme's. A file or
//! key of the site that overrides nothing and that no template names is reported as a
//! warning with a "did you mean" (most often a misspelt name). Problems of the merged
//! strings (kk↔ru parity) and of the templates are the renderer's to find.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::{MAX_RECORD_BYTES, MAX_THEME_FILE_BYTES, is_ignored_name, read_bytes, read_text};
use kadr_builtin::{self as builtin, LOCALES_DIR, THEME_DIR};
use kadr_diagnostic::{Diagnostic, Message, Sources};
use kadr_model::{Lang, Pos, Theme, ThemeFile};

/// The built-in theme alone, as a site without theme files is rendered.
pub fn built_in_theme() -> Theme {
    let templates = builtin::templates()
        .into_iter()
        .map(|(name, text)| built_in_file(name, &format!("templates/{name}"), text))
        .collect();
    let assets = builtin::static_files()
        .into_iter()
        .map(|(name, bytes)| ThemeFile {
            name: name.to_string(),
            body: Cow::Borrowed(bytes),
            origin: builtin::display_name(&format!("{THEME_DIR}/static/{name}")),
            from_site: false,
        })
        .collect();
    let locales = Lang::ALL
        .into_iter()
        .map(|lang| {
            let files = builtin::locale_files(lang)
                .into_iter()
                .map(|(name, text)| {
                    let rel = format!("{LOCALES_DIR}/{}/{name}", lang.code());
                    ThemeFile {
                        name: rel.clone(),
                        body: Cow::Borrowed(text),
                        origin: builtin::display_name(&rel),
                        from_site: false,
                    }
                })
                .collect();
            (lang, files)
        })
        .collect();
    Theme {
        templates,
        assets,
        locales,
    }
}

fn built_in_file(name: &str, rel: &str, text: &'static str) -> ThemeFile<Cow<'static, str>> {
    ThemeFile {
        name: name.to_string(),
        body: Cow::Borrowed(text),
        origin: builtin::display_name(&format!("{THEME_DIR}/{rel}")),
        from_site: false,
    }
}

/// The theme of the site at `root`: the built-in one with the site's files laid over it.
/// Unreadable files and overrides that override nothing become diagnostics.
pub fn load_theme(root: &Path, sources: &mut Sources, diagnostics: &mut Vec<Diagnostic>) -> Theme {
    let mut theme = built_in_theme();
    let theme_dir = root.join(THEME_DIR);
    let mut problem = |path: &Path, p: crate::FileProblem| {
        let rel = super::relative(root, path);
        let id = sources.add(rel.clone(), None);
        diagnostics.push(p.diagnostic(id, &rel));
    };

    let built_in_templates: Vec<String> = theme.templates.iter().map(|t| t.name.clone()).collect();
    for (name, path) in site_files(&theme_dir.join("templates")) {
        match read_text(&path, MAX_THEME_FILE_BYTES) {
            Ok(text) => lay_over(
                &mut theme.templates,
                ThemeFile {
                    name,
                    body: Cow::Owned(text),
                    origin: super::relative(root, &path),
                    from_site: true,
                },
            ),
            Err(p) => problem(&path, p),
        }
    }
    let built_in_assets: Vec<String> = theme.assets.iter().map(|a| a.name.clone()).collect();
    for (name, path) in site_files(&theme_dir.join("static")) {
        match read_bytes(&path, MAX_THEME_FILE_BYTES) {
            Ok(bytes) => lay_over(
                &mut theme.assets,
                ThemeFile {
                    name,
                    body: Cow::Owned(bytes),
                    origin: super::relative(root, &path),
                    from_site: true,
                },
            ),
            Err(p) => problem(&path, p),
        }
    }
    for (lang, files) in &mut theme.locales {
        let dir = root.join(LOCALES_DIR).join(lang.code());
        for (name, path) in site_files(&dir) {
            if !name.ends_with(".ftl") {
                continue;
            }
            match read_text(&path, MAX_RECORD_BYTES) {
                Ok(text) => {
                    let rel = super::relative(root, &path);
                    files.push(ThemeFile {
                        name: rel.clone(),
                        body: Cow::Owned(text),
                        origin: rel,
                        from_site: true,
                    });
                }
                Err(p) => problem(&path, p),
            }
        }
    }

    report_unused_overrides(
        root,
        &theme,
        &built_in_templates,
        &built_in_assets,
        sources,
        diagnostics,
    );
    theme
}

/// Replaces the file of the same name, or adds a new one, keeping the names sorted.
fn lay_over<T>(files: &mut Vec<ThemeFile<T>>, file: ThemeFile<T>) {
    match files.binary_search_by(|f| f.name.as_str().cmp(&file.name)) {
        Ok(i) => files[i] = file,
        Err(i) => files.insert(i, file),
    }
}

/// Warns of each file and UI string of the site that overrides nothing built in and
/// that no template names: kadr would never use it, and it is most often a misspelling.
fn report_unused_overrides(
    root: &Path,
    theme: &Theme,
    built_in_templates: &[String],
    built_in_assets: &[String],
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let named_by_a_template = |name: &str| {
        theme.templates.iter().any(|t| {
            t.name != name
                && (t.body.contains(&format!("\"{name}\""))
                    || t.body.contains(&format!("'{name}'")))
        })
    };
    let mut warn = |id: &'static str, origin: &str, pos: Pos, name: &str, known: &[&str]| {
        let file = sources.add_on_disk(origin.to_string(), root.join(origin));
        let mut d = Diagnostic::warning(id, file, pos).arg("name", name.to_string());
        if let Some(close) = kadr_diagnostic::did_you_mean(name, known) {
            d = d.hint(Message::new("reference-did-you-mean").arg("suggestion", close));
        }
        diagnostics.push(d);
    };
    let known_templates: Vec<&str> = built_in_templates.iter().map(String::as_str).collect();
    for t in theme.templates.iter().filter(|t| t.from_site) {
        if !known_templates.contains(&t.name.as_str()) && !named_by_a_template(&t.name) {
            warn(
                "theme-unknown-template",
                &t.origin,
                Pos::START,
                &t.name,
                &known_templates,
            );
        }
    }
    let known_assets: Vec<&str> = built_in_assets.iter().map(String::as_str).collect();
    for a in theme.assets.iter().filter(|a| a.from_site) {
        if !known_assets.contains(&a.name.as_str()) && !named_by_a_template(&a.name) {
            warn(
                "theme-unknown-static",
                &a.origin,
                Pos::START,
                &a.name,
                &known_assets,
            );
        }
    }
    for (_, files) in &theme.locales {
        let built_in_keys: Vec<String> = files
            .iter()
            .filter(|f| !f.from_site)
            .flat_map(|f| kadr_i18n::Bundle::message_ids(&f.body))
            .collect();
        let known_keys: Vec<&str> = built_in_keys.iter().map(String::as_str).collect();
        for f in files.iter().filter(|f| f.from_site) {
            for key in kadr_i18n::Bundle::message_ids(&f.body) {
                if !known_keys.contains(&key.as_str()) && !named_by_a_template(&key) {
                    let pos = line_of_message(&f.body, &key);
                    warn("locale-unknown-key", &f.origin, pos, &key, &known_keys);
                }
            }
        }
    }
}

/// Where message `id` is defined in an FTL text (`id =` at the start of a line).
fn line_of_message(ftl: &str, id: &str) -> Pos {
    ftl.lines()
        .position(|line| {
            line.strip_prefix(id)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(Pos::START, |i| Pos::new(i as u32 + 1, 1))
}

/// Regular files below `dir`, sorted, as (path relative to `dir` with `/`, full path).
/// Hidden and editor files are skipped, as in `content/`.
pub(crate) fn site_files(dir: &Path) -> Vec<(String, PathBuf)> {
    if !dir.is_dir() {
        return Vec::new();
    }
    WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored_name(&e.file_name().to_string_lossy()))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| (super::relative(dir, e.path()), e.path().to_path_buf()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_found_on_its_line() {
        let ftl = "# c\nfirst = a\n  .hint = b\nsecond=c\n";
        assert_eq!(line_of_message(ftl, "second"), Pos::new(4, 1));
        assert_eq!(line_of_message(ftl, "first"), Pos::new(2, 1));
        assert_eq!(line_of_message(ftl, "fir"), Pos::START);
    }

    #[test]
    fn an_override_replaces_the_file_of_its_name_and_keeps_the_order() {
        let file = |name: &str, body: &str| ThemeFile {
            name: name.to_string(),
            body: body.to_string(),
            origin: String::new(),
            from_site: false,
        };
        let mut files = vec![file("a.html", "1"), file("c.html", "3")];
        lay_over(&mut files, file("c.html", "new"));
        lay_over(&mut files, file("b.html", "2"));
        let got: Vec<(&str, &str)> = files
            .iter()
            .map(|f| (f.name.as_str(), f.body.as_str()))
            .collect();
        assert_eq!(got, [("a.html", "1"), ("b.html", "2"), ("c.html", "new")]);
    }
}
