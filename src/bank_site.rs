//! The site as the candidate bank sees it: the binary's implementation of
//! [`kadr_bank::Site`]. It loads the site with the same pipeline as `kadr check` (only
//! when a command needs a vacancy, a category or the lists of units and categories)
//! and hands the bank a vacancy's id, category, unit, status and file, the units' ids
//! and the categories' codes and names, never more. The kadr library itself knows nothing
//! of the bank; only this binary links both.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use kadr_bank::site::{Catalogue, CategoryName, Site, SiteError, VacancyInfo};
use kadr_model::Lang;
use kadr_pipeline as pipeline;

/// A site on disk at `root`, loaded on first use.
pub struct SiteOnDisk {
    root: PathBuf,
    today: Date,
    loaded: OnceCell<Result<Lookup, SiteError>>,
}

/// What the bank may ask of a loaded site.
struct Lookup {
    vacancies: HashMap<String, VacancyInfo>,
    categories: HashMap<String, CategoryName>,
    units: Vec<String>,
}

impl SiteOnDisk {
    pub fn new(root: PathBuf, today: Date) -> SiteOnDisk {
        SiteOnDisk {
            root,
            today,
            loaded: OnceCell::new(),
        }
    }

    fn lookup(&self) -> Result<&Lookup, SiteError> {
        self.loaded
            .get_or_init(|| self.load())
            .as_ref()
            .map_err(Clone::clone)
    }

    fn load(&self) -> Result<Lookup, SiteError> {
        if !is_site_root(&self.root) {
            return Err(SiteError::NotASiteRoot(self.root.clone()));
        }
        // Content errors elsewhere do not hide a vacancy that was read: the bank only
        // needs its id, category and status, which the loader checked.
        let checked = pipeline::check(&self.root, self.today).map_err(|e| match e {
            kadr_load::LoadError::NotAFolder(root) => SiteError::NotAFolder(root),
        })?;
        let data = &checked.loaded.data;
        let vacancies = data
            .vacancies
            .iter()
            .map(|v| {
                let info = VacancyInfo {
                    id: v.id.value.clone(),
                    category: v.category.value.clone(),
                    unit: v.unit.value.clone(),
                    status: v.status.value.name().to_string(),
                    file: checked.loaded.sources.path(v.file).to_string(),
                    status_line: v.status.pos.line,
                };
                (info.id.clone(), info)
            })
            .collect();
        let categories = data
            .categories
            .iter()
            .flat_map(|c| &c.list)
            .map(|c| {
                let name = CategoryName {
                    kk: c.name.get(Lang::Kk).to_string(),
                    ru: c.name.get(Lang::Ru).to_string(),
                };
                (c.code.value.clone(), name)
            })
            .collect();
        let units = data.units.iter().map(|u| u.id.value.clone()).collect();
        Ok(Lookup {
            vacancies,
            categories,
            units,
        })
    }
}

impl Site for SiteOnDisk {
    fn catalogue(&self) -> Result<Option<Catalogue>, SiteError> {
        if !is_site_root(&self.root) {
            return Ok(None);
        }
        let lookup = self.lookup()?;
        Ok(Some(Catalogue {
            units: lookup.units.iter().cloned().collect(),
            categories: lookup.categories.keys().cloned().collect(),
        }))
    }

    fn vacancy(&self, id: &str) -> Result<Option<VacancyInfo>, SiteError> {
        Ok(self.lookup()?.vacancies.get(id).cloned())
    }

    fn category_name(&self, code: &str) -> Option<CategoryName> {
        self.lookup().ok()?.categories.get(code).cloned()
    }

    fn site_root_containing(&self, path: &Path) -> Option<PathBuf> {
        // A path that cannot be resolved is still checked as written.
        let path = resolve(path).or_else(|| std::path::absolute(path).ok())?;
        path.ancestors()
            .find(|dir| is_site_root(dir))
            .map(Path::to_path_buf)
    }
}

/// A site root is a folder with `content/site.yaml` (SPEC.md).
fn is_site_root(dir: &Path) -> bool {
    dir.join("content").join("site.yaml").is_file()
}

/// The absolute, symlink-free form of `path`; for a path that does not exist yet, that
/// of its nearest existing ancestor with the rest appended.
fn resolve(path: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(path).ok()?;
    let mut rest = Vec::new();
    let mut existing = absolute.as_path();
    loop {
        if let Ok(real) = existing.canonicalize() {
            let mut resolved = real;
            for part in rest.iter().rev() {
                resolved.push(part);
            }
            return Some(resolved);
        }
        rest.push(existing.file_name()?.to_os_string());
        existing = existing.parent()?;
    }
}
