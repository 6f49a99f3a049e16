//! References between records resolve: a vacancy's unit, category and requirement, a
//! requirement's categories. Category codes are ASCII, and a Cyrillic letter that looks
//! like a Latin one (С, А, Е, О …) is named as such, since that mistake is invisible.

use std::collections::HashMap;

use kadr_diagnostic::Diagnostic;
use kadr_diagnostic::did_you_mean;
use kadr_model::{FileId, Lookup, SiteData, Spanned};

/// Cyrillic letters that look like Latin ones, with the Latin letter they imitate.
const LOOK_ALIKES: &[(char, char)] = &[
    ('А', 'A'),
    ('В', 'B'),
    ('С', 'C'),
    ('Е', 'E'),
    ('Н', 'H'),
    ('І', 'I'),
    ('К', 'K'),
    ('М', 'M'),
    ('О', 'O'),
    ('Р', 'P'),
    ('Т', 'T'),
    ('Х', 'X'),
    ('У', 'Y'),
    ('а', 'a'),
    ('с', 'c'),
    ('е', 'e'),
    ('і', 'i'),
    ('о', 'o'),
    ('р', 'p'),
    ('х', 'x'),
    ('у', 'y'),
];

/// A category code: ASCII letters, digits and hyphens.
pub fn is_category_code(s: &str) -> bool {
    !s.is_empty() && s.len() <= 32 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// The first non-ASCII character of a code, as a diagnostic.
fn code_problem(file: FileId, code: &Spanned<String>) -> Option<Diagnostic> {
    if is_category_code(code) {
        return None;
    }
    let bad = code
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-'));
    let fixed: String = code
        .chars()
        .map(|c| {
            LOOK_ALIKES
                .iter()
                .find(|(cyr, _)| *cyr == c)
                .map_or(c, |(_, lat)| *lat)
        })
        .collect();
    let d = match bad.and_then(|c| LOOK_ALIKES.iter().find(|(cyr, _)| *cyr == c)) {
        Some((cyr, lat)) => Diagnostic::error("category-code-cyrillic", file, code.pos)
            .arg("code", code.value.as_str())
            .arg("letter", cyr.to_string())
            .arg("codepoint", format!("U+{:04X}", u32::from(*cyr)))
            .arg("latin", lat.to_string())
            .arg("fixed", fixed),
        None => Diagnostic::error("category-code-ascii", file, code.pos)
            .arg("code", code.value.as_str()),
    };
    Some(d)
}

pub fn check_category_codes(data: &SiteData, out: &mut Vec<Diagnostic>) {
    let Some(categories) = &data.categories else {
        return;
    };
    // A category's filter page is at `category/{code in lower case}/`: two codes that
    // differ only in case would share it.
    let mut seen: HashMap<String, &str> = HashMap::new();
    for c in &categories.list {
        if let Some(d) = code_problem(categories.file, &c.code) {
            out.push(d);
        }
        let code = c.code.value.as_str();
        match seen.get(&code.to_ascii_lowercase()) {
            Some(&earlier) if earlier == code => out.push(
                Diagnostic::error("duplicate-category", categories.file, c.code.pos)
                    .arg("code", code),
            ),
            Some(&earlier) => out.push(
                Diagnostic::error("category-case-clash", categories.file, c.code.pos)
                    .arg("code", code)
                    .arg("other", earlier)
                    .arg("path", format!("category/{}/", code.to_ascii_lowercase())),
            ),
            None => {
                seen.insert(code.to_ascii_lowercase(), code);
            }
        }
    }
}

pub fn check_references(data: &SiteData, lookup: &Lookup, out: &mut Vec<Diagnostic>) {
    let unit_names = lookup.unit_ids();
    let requirement_names = lookup.requirement_ids();
    let category_names = lookup.category_codes();

    let dangling = |kind: &'static str, file: FileId, r: &Spanned<String>, known: &[&str]| {
        let mut d = Diagnostic::error("dangling-reference", file, r.pos)
            .arg("kind", kind)
            .arg("value", r.value.as_str());
        if let Some(best) = did_you_mean(r, known) {
            d = d.hint(
                kadr_diagnostic::Message::new("reference-did-you-mean").arg("suggestion", best),
            );
        }
        d
    };
    let category_ref = |file: FileId, code: &Spanned<String>, out: &mut Vec<Diagnostic>| {
        if lookup.category(code).is_some()
            || data.broken_ids.categories_unreadable
            || data.categories.is_none()
        {
            return;
        }
        match code_problem(file, code) {
            Some(d) => out.push(d),
            None => out.push(dangling("category", file, code, &category_names)),
        }
    };

    for v in crate::vacancy_refs(data) {
        if let Some(unit) = v.unit
            && lookup.unit(unit).is_none()
            && !data.broken_ids.units.contains(&unit.value)
        {
            out.push(dangling("unit", v.file, unit, &unit_names));
        }
        if let Some(r) = v.requirements
            && lookup.requirement(r).is_none()
            && !data.broken_ids.requirements.contains(&r.value)
        {
            out.push(dangling("requirement", v.file, r, &requirement_names));
        }
        if let Some(code) = v.category {
            category_ref(v.file, code, out);
        }
    }
    for r in &data.requirements {
        for code in &r.categories {
            category_ref(r.file, code, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kadr_model::Pos;

    #[test]
    fn names_the_cyrillic_letter_in_a_category_code() {
        let code = Spanned::new("С-2".to_string(), Pos::START);
        let d = code_problem(FileId(0), &code).unwrap();
        assert_eq!(d.message.id, "category-code-cyrillic");
        assert!(
            d.message
                .args
                .iter()
                .any(|(k, v)| *k == "codepoint" && *v == "U+0421".into())
        );
        assert!(
            d.message
                .args
                .iter()
                .any(|(k, v)| *k == "fixed" && *v == "C-2".into())
        );
    }

    #[test]
    fn ascii_codes_pass() {
        assert!(code_problem(FileId(0), &Spanned::new("E-G-2".into(), Pos::START)).is_none());
    }
}

#[cfg(test)]
mod resolution {
    use std::sync::Arc;

    use kadr_model::{Lookup, ResolvedSite};

    /// The fixture with valid vacancy ids, every vacancy referring to the first unit,
    /// category and requirement.
    fn resolving() -> kadr_model::SiteData {
        let mut data = crate::fixture::site_with_every_field();
        let unit = data.units[0].id.value.clone();
        let category = data.categories.as_ref().expect("filled").list[0]
            .code
            .value
            .clone();
        let requirement = data.requirements[0].id.value.clone();
        for (i, v) in data.vacancies.iter_mut().enumerate() {
            let v = Arc::make_mut(v);
            v.id.value = format!("2026-vacancy-{i}");
            v.unit.value = unit.clone();
            v.category.value = category.clone();
            v.requirements.value = requirement.clone();
        }
        data
    }

    #[test]
    fn a_site_whose_references_resolve_hands_each_vacancy_its_records() {
        let data = resolving();
        let site = ResolvedSite::resolve(&data, &Lookup::new(&data)).expect("resolves");
        assert_eq!(site.vacancies.len(), data.vacancies.len());
        for (resolved, record) in site.vacancies.iter().zip(&data.vacancies) {
            assert!(Arc::ptr_eq(&resolved.record, record));
            assert_eq!(resolved.id.as_str(), record.id.value);
            assert_eq!(resolved.unit.id.value, record.unit.value);
            assert_eq!(resolved.requirement.id.value, record.requirements.value);
            assert_eq!(site.category_of(resolved).code.value, record.category.value);
        }
    }

    #[test]
    fn a_dangling_reference_or_an_id_that_names_a_path_resolves_to_nothing() {
        for spoil in [
            |v: &mut kadr_model::Vacancy| v.unit.value = "nowhere".into(),
            |v: &mut kadr_model::Vacancy| v.category.value = "Z-9".into(),
            |v: &mut kadr_model::Vacancy| v.requirements.value = "none".into(),
            |v: &mut kadr_model::Vacancy| v.id.value = "../etc".into(),
        ] {
            let mut data = resolving();
            assert!(ResolvedSite::resolve(&data, &Lookup::new(&data)).is_some());
            spoil(Arc::make_mut(&mut data.vacancies[0]));
            assert!(ResolvedSite::resolve(&data, &Lookup::new(&data)).is_none());
            let sources = kadr_diagnostic::Sources::default();
            let verdict = crate::check(&data, &sources, jiff::civil::date(2026, 11, 27));
            assert!(verdict.site.is_none());
            assert!(verdict.has_errors(), "{:?}", verdict.diagnostics);
        }
    }
}
