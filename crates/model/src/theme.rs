//! The theme a site is rendered with, as data: templates, static files and UI strings,
//! each with where it comes from (the site's own file or kadr's built-in one). `load`
//! makes it; `render` compiles it.

use std::borrow::Cow;

use crate::Lang;

/// The theme's templates and static files, and the UI strings of both languages.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Theme {
    /// By name relative to `templates/`, sorted.
    pub templates: Vec<ThemeFile<Cow<'static, str>>>,
    /// By path relative to `static/`, sorted.
    pub assets: Vec<ThemeFile<Cow<'static, [u8]>>>,
    /// Per language, the built-in files first, then the site's (whose keys override).
    pub locales: Vec<(Lang, Vec<ThemeFile<Cow<'static, str>>>)>,
}

/// One file of the theme.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeFile<T> {
    /// The name templates and the renderer know it by (`vacancy.html`, `style.css`,
    /// `locales/kk/main.ftl`).
    pub name: String,
    pub body: T,
    /// Where it comes from, as diagnostics name it: the site's file relative to the
    /// site root, or the built-in file.
    pub origin: String,
    /// Whether the site has this file (an override), or it is kadr's own.
    pub from_site: bool,
}

impl Theme {
    /// The template `name`, if the theme has it.
    pub fn template(&self, name: &str) -> Option<&ThemeFile<Cow<'static, str>>> {
        self.templates.iter().find(|t| t.name == name)
    }

    /// The UI-string files of `lang`: built-in first, then the site's.
    pub fn locale_files(&self, lang: Lang) -> &[ThemeFile<Cow<'static, str>>] {
        self.locales
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or(&[], |(_, files)| files.as_slice())
    }
}
