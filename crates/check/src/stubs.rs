//! Placeholders that `kadr init` writes. (Those of `kadr new vacancy` left in a
//! vacancy are errors under P4: `rules::p4::p4_stubs`.)
//!
//! `kadr init` writes placeholders for what only the ministry knows (its name, its
//! site's address, a unit's address and contacts). A new repository must build at
//! once, so those are warnings, each named, not errors; the format checks of such a
//! field (an address, a phone number) wait until it is filled in.

use crate::{LANGS, pos_in_text};
use kadr_diagnostic::Diagnostic;
use kadr_model::{FileId, SiteData, Spanned, Text};

use kadr_model::STUB_OPEN;

/// Whether a value is, or holds, a placeholder.
pub(crate) fn is_placeholder(value: &str) -> bool {
    value.contains(STUB_OPEN)
}

/// A warning for each placeholder left in the site's settings, the categories, a unit
/// or a requirement record (as `kadr init` writes them), naming the field.
pub fn check_init_placeholders(data: &SiteData, out: &mut Vec<Diagnostic>) {
    let mut warn = |file: FileId, field: String, s: &Spanned<String>| {
        if let Some(offset) = s.find(STUB_OPEN) {
            out.push(
                Diagnostic::warning("placeholder", file, pos_in_text(s, offset))
                    .arg("field", field),
            );
        }
    };
    let mut text = |file: FileId, field: &str, t: &Text| {
        for lang in LANGS {
            warn(file, format!("{field}.{}", lang.code()), t.spanned(lang));
        }
    };
    if let Some(site) = &data.site {
        text(site.file, "title", &site.title);
    }
    if let Some(categories) = &data.categories {
        for c in &categories.list {
            text(categories.file, "name", &c.name);
        }
    }
    for u in &data.units {
        text(u.file, "name", &u.name);
        text(u.file, "address", &u.address);
    }
    for r in &data.requirements {
        text(r.file, "source", &r.source);
        text(r.file, "education", &r.education);
        text(r.file, "experience", &r.experience);
        if let Some(other) = &r.other {
            text(r.file, "other", other);
        }
    }
    if let Some(site) = &data.site {
        warn(site.file, "base_url".into(), &site.base_url);
    }
    for u in &data.units {
        for (field, value) in [
            ("contacts.phone", &u.contacts.phone),
            ("contacts.email", &u.contacts.email),
        ] {
            if let Some(value) = value {
                warn(u.file, field.into(), value);
            }
        }
    }
}
