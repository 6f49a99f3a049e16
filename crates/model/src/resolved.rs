//! A site whose references are resolved: what `check` hands the later stages once every
//! vacancy's unit, category and requirement exist, so that `render` (and whatever else
//! consumes it) never looks a reference up again nor has a case for one that dangles.
//!
//! [`Lookup`] is the one way to find a record by the key a reference names; `check`
//! judges the references with it and builds a [`ResolvedSite`] from it.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use serde::Serialize;

use crate::{Categories, Category, Requirement, Site, SiteData, Unit, Vacancy};

/// A record id as SPEC.md allows it: `[a-z0-9-]+`, neither starting nor ending with
/// `-`, at most 100 characters. Such an id can never name another path (no `/`, no
/// `.`), so a page's folder may be made from it.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A vacancy's id, valid by construction ([`is_slug`]): the only id an output path is
/// made from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct VacancyId(String);

impl VacancyId {
    /// `None` unless `id` is a valid record id.
    pub fn new(id: &str) -> Option<VacancyId> {
        is_slug(id).then(|| VacancyId(id.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for VacancyId {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for VacancyId {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The site's records by the key a reference names: units and requirements by id,
/// categories by code. Of two records with one key (an error `check` reports) the first
/// is found.
pub struct Lookup<'a> {
    units: HashMap<&'a str, &'a Arc<Unit>>,
    categories: HashMap<&'a str, usize>,
    category_list: &'a [Category],
    requirements: HashMap<&'a str, &'a Arc<Requirement>>,
}

impl<'a> Lookup<'a> {
    pub fn new(data: &'a SiteData) -> Lookup<'a> {
        let mut units = HashMap::with_capacity(data.units.len());
        for u in &data.units {
            units.entry(u.id.value.as_str()).or_insert(u);
        }
        let category_list = data.categories.as_ref().map_or(&[][..], |c| &c.list[..]);
        let mut categories = HashMap::with_capacity(category_list.len());
        for (i, c) in category_list.iter().enumerate() {
            categories.entry(c.code.value.as_str()).or_insert(i);
        }
        let mut requirements = HashMap::with_capacity(data.requirements.len());
        for r in &data.requirements {
            requirements.entry(r.id.value.as_str()).or_insert(r);
        }
        Lookup {
            units,
            categories,
            category_list,
            requirements,
        }
    }

    pub fn unit(&self, id: &str) -> Option<&'a Arc<Unit>> {
        self.units.get(id).copied()
    }

    pub fn category(&self, code: &str) -> Option<&'a Category> {
        self.category_index(code).map(|i| &self.category_list[i])
    }

    /// The position of the category in categories.yaml.
    pub fn category_index(&self, code: &str) -> Option<usize> {
        self.categories.get(code).copied()
    }

    pub fn requirement(&self, id: &str) -> Option<&'a Arc<Requirement>> {
        self.requirements.get(id).copied()
    }

    /// Every unit id, category code and requirement id, for a did-you-mean.
    pub fn unit_ids(&self) -> Vec<&'a str> {
        self.units.keys().copied().collect()
    }

    pub fn category_codes(&self) -> Vec<&'a str> {
        self.categories.keys().copied().collect()
    }

    pub fn requirement_ids(&self) -> Vec<&'a str> {
        self.requirements.keys().copied().collect()
    }
}

/// A vacancy with the records it refers to.
#[derive(Debug, Clone)]
pub struct ResolvedVacancy {
    pub id: VacancyId,
    pub record: Arc<Vacancy>,
    pub unit: Arc<Unit>,
    pub requirement: Arc<Requirement>,
    /// The position of its category in the categories record.
    category: usize,
}

impl std::ops::Deref for ResolvedVacancy {
    type Target = Vacancy;
    fn deref(&self) -> &Vacancy {
        &self.record
    }
}

/// A site whose every reference resolves, with its settings and categories present.
#[derive(Debug, Clone)]
pub struct ResolvedSite {
    pub site: Arc<Site>,
    pub categories: Arc<Categories>,
    pub units: Vec<Arc<Unit>>,
    pub requirements: Vec<Arc<Requirement>>,
    /// In the order of the records.
    pub vacancies: Vec<ResolvedVacancy>,
    unit_index: HashMap<String, usize>,
    requirement_index: HashMap<String, usize>,
    category_index: HashMap<String, usize>,
}

impl ResolvedSite {
    /// The site of `data` with every vacancy's references taken from `lookup`; `None`
    /// when the site settings or the categories are missing, a vacancy's id is not a
    /// valid one, or a reference dangles (each of which `check` reports).
    pub fn resolve(data: &SiteData, lookup: &Lookup) -> Option<ResolvedSite> {
        let site = Arc::new(data.site.clone()?);
        let categories = Arc::clone(data.categories.as_ref()?);
        let vacancies = data
            .vacancies
            .iter()
            .map(|v| {
                Some(ResolvedVacancy {
                    id: VacancyId::new(&v.id)?,
                    record: Arc::clone(v),
                    unit: Arc::clone(lookup.unit(&v.unit)?),
                    requirement: Arc::clone(lookup.requirement(&v.requirements)?),
                    category: lookup.category_index(&v.category)?,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(ResolvedSite {
            unit_index: first_index(data.units.iter().map(|u| u.id.value.as_str())),
            requirement_index: first_index(data.requirements.iter().map(|r| r.id.value.as_str())),
            category_index: first_index(categories.list.iter().map(|c| c.code.value.as_str())),
            site,
            categories,
            units: data.units.clone(),
            requirements: data.requirements.clone(),
            vacancies,
        })
    }

    /// The category a vacancy belongs to.
    pub fn category_of(&self, v: &ResolvedVacancy) -> &Category {
        &self.categories.list[v.category]
    }

    pub fn unit(&self, id: &str) -> Option<&Arc<Unit>> {
        self.unit_index.get(id).map(|&i| &self.units[i])
    }

    pub fn category(&self, code: &str) -> Option<&Category> {
        self.category_index
            .get(code)
            .map(|&i| &self.categories.list[i])
    }

    /// The position of a category in categories.yaml (highest rank first).
    pub fn category_rank(&self, code: &str) -> Option<usize> {
        self.category_index.get(code).copied()
    }

    pub fn requirement(&self, id: &str) -> Option<&Arc<Requirement>> {
        self.requirement_index
            .get(id)
            .map(|&i| &self.requirements[i])
    }
}

/// Each key with the position of its first occurrence.
fn first_index<'a>(keys: impl Iterator<Item = &'a str>) -> HashMap<String, usize> {
    let mut map = HashMap::new();
    for (i, key) in keys.enumerate() {
        map.entry(key.to_string()).or_insert(i);
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_vacancy_id_cannot_name_another_path() {
        for bad in [
            "",
            "a/b",
            "../x",
            "a.b",
            "-a",
            "a-",
            "A",
            "ә",
            &"a".repeat(101),
        ] {
            assert!(VacancyId::new(bad).is_none(), "{bad:?}");
        }
        let id = VacancyId::new("2026-almaty-0001").expect("valid");
        assert_eq!(id.as_str(), "2026-almaty-0001");
        assert_eq!(
            serde_json::to_string(&id).ok().as_deref(),
            Some("\"2026-almaty-0001\"")
        );
    }
}
