//! What the bank needs to know about a site, and nothing more: a vacancy's category,
//! unit, status and file (B9, B11), a category's name for the annex form, the site's
//! unit ids and category codes (to check a candidate against, B2, B6), and whether a
//! path lies inside a site root (B12). The `kadr` binary implements [`Site`] by
//! loading the site; the bank never reads site files itself, and the site's code never
//! sees the bank.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::messages::Text;

/// A vacancy of the site, as far as the bank is concerned. No personal data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VacancyInfo {
    pub id: String,
    /// The category code (`C-2`), compared with a candidate's category (B9).
    pub category: String,
    pub unit: String,
    /// `draft`, `open`, `closed`, `filled` or `cancelled` (SPEC.md).
    pub status: String,
    /// The vacancy's record file relative to the site root, with `/` separators.
    pub file: String,
    /// The 1-based line of its `status:` field, for the one-line change `appoint`
    /// prints (B11).
    pub status_line: u32,
}

impl VacancyInfo {
    /// Whether the position can still be filled (B9, B11).
    pub fn is_vacant(&self) -> bool {
        !matches!(self.status.as_str(), "filled" | "cancelled")
    }
}

/// A category's name in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryName {
    pub kk: String,
    pub ru: String,
}

/// The site's unit ids and category codes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalogue {
    pub units: BTreeSet<String>,
    pub categories: BTreeSet<String>,
}

/// Why the site given with `--root` cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SiteError {
    /// The folder has no `content/site.yaml`.
    NotASiteRoot(PathBuf),
    /// The folder is missing or not a folder.
    NotAFolder(PathBuf),
}

impl SiteError {
    /// The reason in the bank's messages.
    pub fn text(&self) -> Text {
        match self {
            SiteError::NotASiteRoot(root) => {
                Text::new("site-not-a-root").arg("root", root.display().to_string())
            }
            SiteError::NotAFolder(root) => {
                Text::new("site-not-a-folder").arg("root", root.display().to_string())
            }
        }
    }
}

/// The site as the bank sees it.
pub trait Site {
    /// The units and categories of the site given with `--root`; `Ok(None)` when
    /// `--root` is not a site root (no site given), `Err` when it cannot be loaded.
    fn catalogue(&self) -> Result<Option<Catalogue>, SiteError>;

    /// The vacancy with this id; `Err` when the site cannot be loaded at all.
    fn vacancy(&self, id: &str) -> Result<Option<VacancyInfo>, SiteError>;

    /// A category's name, when a site with that category can be loaded.
    fn category_name(&self, code: &str) -> Option<CategoryName>;

    /// The site root that `path` lies inside (or is), if any (B12). `path` need not
    /// exist yet.
    fn site_root_containing(&self, path: &Path) -> Option<PathBuf>;
}
