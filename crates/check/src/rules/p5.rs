//! RULES.md P5: candidate requirements follow the qualification requirements of the
//! position categories (Order No. 432). A vacancy refers to a requirement record, and
//! a requirement that does not cover the vacancy's category is rejected.

use kadr_diagnostic::Diagnostic;
use kadr_model::{Lookup, Requirement, SiteData};

/// P5: the vacancy's qualification requirements cover its category.
pub fn p5_requirement_covers_category(data: &SiteData, lookup: &Lookup, out: &mut Vec<Diagnostic>) {
    for v in crate::vacancy_refs(data) {
        let (Some(requirement), Some(category)) = (v.requirements, v.category) else {
            continue;
        };
        let Some(r) = lookup.requirement(requirement) else {
            continue;
        };
        if !p5_covers(r, category) {
            let covered: Vec<&str> = r.categories.iter().map(|c| c.value.as_str()).collect();
            out.push(
                Diagnostic::error("requirement-not-covering", v.file, requirement.pos)
                    .rule("P5")
                    .arg("requirement", r.id.value.as_str())
                    .arg("code", category.value.as_str())
                    .arg("covered", covered.join(", ")),
            );
        }
    }
}

/// P5: whether the requirement record `r` covers the category `code`. `kadr new
/// vacancy` picks the requirement it writes by the same test.
pub fn p5_covers(r: &Requirement, code: &str) -> bool {
    r.categories.iter().any(|c| c.value == code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn p5_rejects_a_requirement_that_does_not_cover_the_vacancy_category() {
        let mut data = crate::fixture::site_with_every_field();
        let requirement = data.requirements[0].id.value.clone();
        let covered = data.requirements[0].categories[0].value.clone();
        let vacancy = Arc::make_mut(&mut data.vacancies[0]);
        vacancy.requirements.value = requirement.clone();
        vacancy.category.value = "C-2".into();
        let at = vacancy.requirements.pos;
        let mut out = Vec::new();
        p5_requirement_covers_category(&data, &Lookup::new(&data), &mut out);
        assert_eq!(out.len(), 1, "{out:?}");
        let d = &out[0];
        assert_eq!(
            (d.message.id, d.rule),
            ("requirement-not-covering", Some("P5"))
        );
        assert_eq!((d.loc.file, d.loc.pos), (data.vacancies[0].file, at));
        assert!(
            d.message
                .args
                .iter()
                .any(|(k, v)| *k == "covered" && *v == covered.as_str().into())
        );

        Arc::make_mut(&mut data.vacancies[0]).category.value = covered;
        let mut out = Vec::new();
        p5_requirement_covers_category(&data, &Lookup::new(&data), &mut out);
        assert!(out.is_empty(), "{out:?}");
    }
}
