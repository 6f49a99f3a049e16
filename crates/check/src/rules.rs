//! RULES.md P3 (only leadership positions, appointed by the minister, a deputy minister
//! or the head of a territorial unit) and P5 (the requirement covers the category).

use kadr_diagnostic::Diagnostic;
use kadr_model::{Authority, SiteData, UnitKind};

/// P3: a published position is a leadership one, and a territorial head appoints only
/// in a territorial unit. (An authority outside P3 is refused when the file is read.)
pub fn check_p3(data: &SiteData, out: &mut Vec<Diagnostic>) {
    // Complete and partial vacancy files alike, so one run shows every problem.
    for v in crate::vacancy_refs(data) {
        let Some(code) = v.category else { continue };
        let category = data
            .categories
            .iter()
            .flat_map(|c| &c.list)
            .find(|c| c.code.value == code.value);
        if let Some(category) = category
            && !*category.leadership
        {
            out.push(
                Diagnostic::error("not-leadership", v.file, code.pos)
                    .rule("P3")
                    .arg("code", code.value.as_str()),
            );
        }
    }
    for v in &data.vacancies {
        let unit = data.units.iter().find(|u| u.id.value == v.unit.value);
        if let Some(unit) = unit
            && *v.appointing_authority == Authority::TerritorialHead
            && *unit.kind == UnitKind::Central
        {
            out.push(
                Diagnostic::error(
                    "territorial-head-in-central",
                    v.file,
                    v.appointing_authority.pos,
                )
                .rule("P3")
                .arg("unit", unit.id.value.as_str()),
            );
        }
    }
}

/// P5: the vacancy's qualification requirements cover its category.
pub fn check_p5(data: &SiteData, out: &mut Vec<Diagnostic>) {
    for v in crate::vacancy_refs(data) {
        let (Some(requirement), Some(category)) = (v.requirements, v.category) else {
            continue;
        };
        let Some(r) = data
            .requirements
            .iter()
            .find(|r| r.id.value == requirement.value)
        else {
            continue;
        };
        if !r.categories.iter().any(|c| c.value == category.value) {
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
