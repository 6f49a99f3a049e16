//! References between records resolve: a vacancy's unit, category and requirement, a
//! requirement's categories. Category codes are ASCII, and a Cyrillic letter that looks
//! like a Latin one (С, А, Е, О …) is named as such, since that mistake is invisible.

use std::collections::{HashMap, HashSet};

use kadr_diagnostic::Diagnostic;
use kadr_diagnostic::did_you_mean;
use kadr_model::{FileId, SiteData, Spanned};

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

pub fn check_references(data: &SiteData, out: &mut Vec<Diagnostic>) {
    let units: HashSet<&str> = data.units.iter().map(|u| u.id.value.as_str()).collect();
    let requirements: HashSet<&str> = data
        .requirements
        .iter()
        .map(|r| r.id.value.as_str())
        .collect();
    let categories: HashMap<&str, ()> = data
        .categories
        .iter()
        .flat_map(|c| &c.list)
        .map(|c| (c.code.value.as_str(), ()))
        .collect();
    let unit_names: Vec<&str> = units.iter().copied().collect();
    let requirement_names: Vec<&str> = requirements.iter().copied().collect();
    let category_names: Vec<&str> = categories.keys().copied().collect();

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
        if categories.contains_key(code.value.as_str())
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
            && !units.contains(unit.value.as_str())
            && !data.broken_ids.units.contains(&unit.value)
        {
            out.push(dangling("unit", v.file, unit, &unit_names));
        }
        if let Some(r) = v.requirements
            && !requirements.contains(r.value.as_str())
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
