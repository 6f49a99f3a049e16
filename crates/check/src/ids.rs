//! Record ids: `[a-z0-9-]` only (so an id can never name another path), equal to the
//! file name, unique across folders, and a vacancy's not the name of a folder the site
//! itself has beside the vacancy pages.

use std::collections::HashMap;

use kadr_diagnostic::{Diagnostic, Sources};
use kadr_model::{FileId, SiteData, Spanned};

pub use kadr_model::RESERVED_VACANCY_IDS;

pub use kadr_model::resolved::is_slug;

pub fn check_ids(data: &SiteData, sources: &Sources, out: &mut Vec<Diagnostic>) {
    check_file_names(data, sources, out);
    let units: Vec<_> = data.units.iter().map(|u| (u.file, &u.id)).collect();
    let requirements: Vec<_> = data.requirements.iter().map(|r| (r.file, &r.id)).collect();
    let vacancies: Vec<_> = crate::vacancy_refs(data)
        .into_iter()
        .filter_map(|v| Some((v.file, v.id?)))
        .collect();
    for list in [&units, &requirements, &vacancies] {
        for (file, id) in list {
            if !is_slug(id) {
                out.push(
                    Diagnostic::error("bad-id", *file, id.pos).arg("value", id.value.as_str()),
                );
            }
        }
        duplicates(list, sources, out);
    }
    for (file, id) in &vacancies {
        if RESERVED_VACANCY_IDS.contains(&id.value.as_str()) {
            out.push(Diagnostic::error("reserved-id", *file, id.pos).arg("id", id.value.as_str()));
        }
    }
}

/// An id equals its file's name without `.yaml`.
fn check_file_names(data: &SiteData, sources: &Sources, out: &mut Vec<Diagnostic>) {
    let units = data.units.iter().map(|u| (u.file, &u.id));
    let requirements = data.requirements.iter().map(|r| (r.file, &r.id));
    let vacancies = crate::vacancy_refs(data)
        .into_iter()
        .filter_map(|v| Some((v.file, v.id?)));
    for (file, id) in units.chain(requirements).chain(vacancies) {
        let path = sources.path(file);
        let stem = path
            .rsplit('/')
            .next()
            .unwrap_or(path)
            .trim_end_matches(".yaml");
        // An id that is not a valid slug is reported as such; renaming the file after
        // it would be bad advice.
        if stem != id.value && is_slug(id) {
            out.push(
                Diagnostic::error("id-file-mismatch", file, id.pos)
                    .arg("id", id.value.as_str())
                    .arg("file", stem.to_string()),
            );
        }
    }
}

fn duplicates(list: &[(FileId, &Spanned<String>)], sources: &Sources, out: &mut Vec<Diagnostic>) {
    let mut first: HashMap<&str, FileId> = HashMap::new();
    for (file, id) in list {
        match first.get(id.value.as_str()) {
            Some(earlier) => out.push(
                Diagnostic::error("duplicate-id", *file, id.pos)
                    .arg("id", id.value.as_str())
                    .arg("other", sources.path(*earlier).to_string()),
            ),
            None => {
                first.insert(&id.value, *file);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_cannot_name_a_path() {
        assert!(is_slug("2026-dp-almaty-0142"));
        for bad in ["../etc", "a/b", "A-1", "", "-a", "a-", "дп-алматы", "a b"] {
            assert!(!is_slug(bad), "{bad}");
        }
    }
}
