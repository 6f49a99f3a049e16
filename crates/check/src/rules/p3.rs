//! RULES.md P3: only vacant leadership positions, appointed by the minister, a deputy
//! minister or the head of a territorial unit, are posted, in the subsection «Кадр
//! саясаты» / «Кадровая политика» of the section «Ведомствоның қызметі» /
//! «Деятельность ведомства», named in both languages. (An authority outside P3 is
//! refused when the file is read.)

use kadr_diagnostic::Diagnostic;
use kadr_model::{Authority, Category, Lookup, SiteData, UnitKind};

/// P3: a published position is a leadership one.
pub fn p3_leadership(data: &SiteData, lookup: &Lookup, out: &mut Vec<Diagnostic>) {
    // Complete and partial vacancy files alike, so one run shows every problem.
    for v in crate::vacancy_refs(data) {
        let Some(code) = v.category else { continue };
        if let Some(category) = lookup.category(code)
            && !p3_is_leadership(category)
        {
            out.push(
                Diagnostic::error("not-leadership", v.file, code.pos)
                    .rule("P3")
                    .arg("code", code.value.as_str()),
            );
        }
    }
}

/// P3: a territorial head appoints only in a territorial unit.
pub fn p3_territorial_head(data: &SiteData, lookup: &Lookup, out: &mut Vec<Diagnostic>) {
    for v in &data.vacancies {
        if let Some(unit) = lookup.unit(&v.unit)
            && !p3_may_appoint(*v.appointing_authority, *unit.kind)
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

/// P3: whether a position of `category` may be published at all (a leadership one).
/// `kadr new vacancy` asks the same before it writes a file.
pub fn p3_is_leadership(category: &Category) -> bool {
    *category.leadership
}

/// P3: whether `authority` appoints in a unit of `kind`: the head of a territorial
/// unit only in a territorial one; the minister and a deputy minister anywhere.
pub fn p3_may_appoint(authority: Authority, kind: UnitKind) -> bool {
    !(authority == Authority::TerritorialHead && kind == UnitKind::Central)
}

/// P3: the section and subsection of site.yaml are named in both languages, and each
/// language's slug is one that can be a folder name. Both languages live under their
/// own /kk/ and /ru/ folders, so the same slug in both works.
pub fn p3_section(data: &SiteData, out: &mut Vec<Diagnostic>) {
    let Some(site) = &data.site else { return };
    for lang in crate::LANGS {
        let names = site.section.get(lang);
        for s in [&names.parent, &names.title] {
            if s.trim().is_empty() {
                out.push(
                    Diagnostic::error("empty-text", site.file, s.pos)
                        .rule("P3")
                        .arg("lang", lang.code()),
                );
            }
        }
        if !crate::ids::is_slug(&names.slug) {
            out.push(
                Diagnostic::error("bad-slug", site.file, names.slug.pos)
                    .arg("value", names.slug.value.as_str()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn found(out: &[Diagnostic]) -> Vec<(&'static str, Option<&'static str>, kadr_model::Pos)> {
        out.iter()
            .map(|d| (d.message.id, d.rule, d.loc.pos))
            .collect()
    }

    #[test]
    fn p3_rejects_a_vacancy_of_a_category_that_is_not_leadership() {
        let mut data = crate::fixture::site_with_every_field();
        let code = data.categories.as_ref().expect("filled").list[0]
            .code
            .value
            .clone();
        let vacancy = Arc::make_mut(&mut data.vacancies[0]);
        vacancy.category.value = code;
        let at = vacancy.category.pos;
        let mut out = Vec::new();
        p3_leadership(&data, &Lookup::new(&data), &mut out);
        assert!(out.is_empty(), "{out:?}");
        Arc::make_mut(data.categories.as_mut().expect("filled")).list[0]
            .leadership
            .value = false;
        p3_leadership(&data, &Lookup::new(&data), &mut out);
        assert_eq!(found(&out), [("not-leadership", Some("P3"), at)]);
    }

    #[test]
    fn p3_rejects_a_territorial_head_appointing_in_the_central_apparatus() {
        let mut data = crate::fixture::site_with_every_field();
        let unit = data.units[0].id.value.clone();
        let vacancy = Arc::make_mut(&mut data.vacancies[0]);
        vacancy.unit.value = unit;
        vacancy.appointing_authority.value = Authority::TerritorialHead;
        let at = vacancy.appointing_authority.pos;
        let mut out = Vec::new();
        p3_territorial_head(&data, &Lookup::new(&data), &mut out);
        assert_eq!(
            found(&out),
            [("territorial-head-in-central", Some("P3"), at)]
        );
        Arc::make_mut(&mut data.units[0]).kind.value = UnitKind::Territorial;
        let mut out = Vec::new();
        p3_territorial_head(&data, &Lookup::new(&data), &mut out);
        assert!(out.is_empty(), "{out:?}");
    }

    #[test]
    fn p3_rejects_a_section_without_its_name_in_one_language() {
        let mut data = crate::fixture::site_with_every_field();
        let site = data.site.as_mut().expect("filled");
        site.section.kk.slug.value = "kadr-sayasaty".into();
        site.section.ru.slug.value = "kadrovaya-politika".into();
        let mut out = Vec::new();
        p3_section(&data, &mut out);
        assert!(out.is_empty(), "{out:?}");
        let site = data.site.as_mut().expect("filled");
        site.section.ru.title.value = " ".into();
        site.section.kk.slug.value = "Кадр саясаты".into();
        let (title, slug) = (site.section.ru.title.pos, site.section.kk.slug.pos);
        p3_section(&data, &mut out);
        assert_eq!(
            found(&out),
            [("bad-slug", None, slug), ("empty-text", Some("P3"), title)]
        );
    }
}
