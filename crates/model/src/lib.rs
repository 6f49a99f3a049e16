//! The typed records of a site: what `load` produces, `check` validates and `render`
//! turns into pages. Every value a user wrote keeps its position ([`Pos`]) so that a
//! later stage can point at it; the file a record came from is its [`FileId`].
//!
//! These types say what a record *is*; whether its content obeys the rules (RULES.md)
//! is for `check`. Fields that the loader could not read do not produce a record at all.

pub mod fields;
pub mod resolved;
pub mod theme;

use std::fmt;
use std::sync::Arc;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

pub use resolved::{Lookup, ResolvedSite, ResolvedVacancy, VacancyId};
pub use theme::{Theme, ThemeFile};

/// Opens a placeholder: `kadr new vacancy` and `kadr init` write what only the officer
/// or the ministry knows as an instruction between ⟦ and ⟧ (a bracket no real text
/// uses), and `check` reports each one left.
pub const STUB_OPEN: char = '⟦';
/// Closes it.
pub const STUB_CLOSE: char = '⟧';

/// Folders of a language's section that are not vacancies (the archive, the filter
/// pages, the embeddable list): a vacancy of one of these ids would have its page where
/// they are. `check` refuses them and the JSON Schema excludes them.
pub const RESERVED_VACANCY_IDS: &[&str] = &["archive", "unit", "category", "embed"];

/// Editor backups, swap and lock files, and hidden files are not part of a site: not
/// records, not theme files (the loader, the watcher and the built-in theme skip them).
pub fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
}

/// A 1-based line and column in a source file (columns count characters).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

impl Pos {
    pub const START: Pos = Pos { line: 1, col: 1 };

    pub const fn new(line: u32, col: u32) -> Pos {
        Pos { line, col }
    }
}

/// A value with the position it was written at.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Spanned<T> {
    pub value: T,
    pub pos: Pos,
}

impl<T> Spanned<T> {
    pub fn new(value: T, pos: Pos) -> Spanned<T> {
        Spanned { value, pos }
    }
}

impl<T> std::ops::Deref for Spanned<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

/// Index of a source file in the loaded site's file table (`load::Sources`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct FileId(pub u32);

/// A place in a source file: what a diagnostic points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Loc {
    pub file: FileId,
    pub pos: Pos,
}

/// The two languages of the site. The order of the variants is the default order
/// (the state language first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Lang {
    Kk,
    Ru,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Kk, Lang::Ru];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "kk" => Some(Lang::Kk),
            "ru" => Some(Lang::Ru),
            _ => None,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Kk => Lang::Ru,
            Lang::Ru => Lang::Kk,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A human-readable text in both languages. It cannot be half-filled: the loader
/// refuses a pair that lacks one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub kk: Spanned<String>,
    pub ru: Spanned<String>,
    /// Where the pair itself starts.
    pub pos: Pos,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Kk => &self.kk.value,
            Lang::Ru => &self.ru.value,
        }
    }

    pub fn spanned(&self, lang: Lang) -> &Spanned<String> {
        match lang {
            Lang::Kk => &self.kk,
            Lang::Ru => &self.ru,
        }
    }
}

/// content/site.yaml
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Site {
    pub file: FileId,
    pub title: Text,
    /// Absolute, without a trailing slash.
    pub base_url: Spanned<String>,
    /// The first is the default language.
    pub languages: Vec<Lang>,
    pub section: Section,
    /// P4: how many working days after `arose_on` a posting may be published.
    pub publish_within_working_days: Spanned<u32>,
    /// The ministry's emblem: a file of the theme's static files (the site's own,
    /// `themes/default/static/`), shown as the icon and named in JSON-LD.
    pub emblem: Option<Spanned<String>>,
}

/// P3: the section and subsection the pages live in, per language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub kk: SectionNames,
    pub ru: SectionNames,
}

impl Section {
    pub fn get(&self, lang: Lang) -> &SectionNames {
        match lang {
            Lang::Kk => &self.kk,
            Lang::Ru => &self.ru,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionNames {
    pub parent: Spanned<String>,
    pub title: Spanned<String>,
    /// The URL path segment, `[a-z0-9-]`.
    pub slug: Spanned<String>,
}

/// Phone and e-mail of a unit or a vacancy, and the officer to ask (a name and a
/// position, in both languages: a public official's, never a candidate's).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Contacts {
    pub phone: Option<Spanned<String>>,
    pub email: Option<Spanned<String>>,
    pub person: Option<Text>,
}

/// The pay of a position, in tenge a month before tax: `min` alone, or `min`–`max`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Salary {
    pub min: Spanned<u32>,
    pub max: Option<Spanned<u32>>,
    pub pos: Pos,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum UnitKind {
    Central,
    Territorial,
}

impl UnitKind {
    pub const NAMES: &'static [&'static str] = &["central", "territorial"];
}

/// content/units/ID.yaml
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    pub file: FileId,
    pub id: Spanned<String>,
    pub kind: Spanned<UnitKind>,
    pub name: Text,
    /// The street address (street, building), without the postcode and the town.
    pub address: Text,
    /// The postcode, six digits.
    pub postal_code: Option<Spanned<String>>,
    /// The town or city.
    pub locality: Option<Text>,
    /// The region (облыс), when the locality is not a city of republican status.
    pub region: Option<Text>,
    pub contacts: Contacts,
}

/// One entry of content/categories.yaml.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Category {
    pub code: Spanned<String>,
    pub name: Text,
    /// P3: only leadership categories may be published.
    pub leadership: Spanned<bool>,
}

/// content/categories.yaml
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Categories {
    pub file: FileId,
    pub list: Vec<Category>,
}

/// content/requirements/ID.yaml (P5)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Requirement {
    pub file: FileId,
    pub id: Spanned<String>,
    pub categories: Vec<Spanned<String>>,
    pub source: Text,
    pub education: Text,
    pub experience: Text,
    pub other: Option<Text>,
    /// The selection stages a candidate goes through, in order (testing on legislation,
    /// physical fitness, polygraph, special check, essay, interview …).
    pub selection: Vec<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Status {
    Draft,
    Open,
    Closed,
    Filled,
    Cancelled,
}

impl Status {
    pub const NAMES: &'static [&'static str] = &["draft", "open", "closed", "filled", "cancelled"];

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// P3: who appoints to the position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Authority {
    Minister,
    DeputyMinister,
    TerritorialHead,
}

impl Authority {
    pub const NAMES: &'static [&'static str] = &["minister", "deputy_minister", "territorial_head"];

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// P4: who placed the posting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlacedBy {
    Hr,
    InformationUnit,
}

impl PlacedBy {
    pub const NAMES: &'static [&'static str] = &["hr", "information_unit"];

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// content/vacancies/**/ID.yaml
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Vacancy {
    pub file: FileId,
    pub id: Spanned<String>,
    pub status: Spanned<Status>,
    pub unit: Spanned<String>,
    pub category: Spanned<String>,
    pub appointing_authority: Spanned<Authority>,
    pub placed_by: Spanned<PlacedBy>,
    pub position: Text,
    pub requirements: Spanned<String>,
    pub duties: Text,
    pub conditions: Option<Text>,
    pub documents: Text,
    pub arose_on: Spanned<Date>,
    pub published_on: Spanned<Date>,
    /// The last change to a published posting, shown on its page (P-form).
    pub updated_on: Option<Spanned<Date>>,
    pub late_reason: Option<Text>,
    pub deadline: Spanned<Date>,
    /// The unit's contacts when absent.
    pub contacts: Option<Contacts>,
    pub competition_url: Option<Spanned<String>>,
    /// Tenge a month, before tax (real announcements state it).
    pub salary: Option<Salary>,
    /// The highest special rank the position carries.
    pub max_rank: Option<Text>,
    /// The selection stages, in order, when they differ from the requirement record's.
    pub selection: Option<Vec<Text>>,
}

/// A day in content/calendar/YEAR.yaml with its name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NamedDay {
    pub date: Spanned<Date>,
    pub name: Text,
}

/// A government day transfer: `rest_on` (a weekday) becomes a day off and `work_on`
/// (a weekend day) a working day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Transfer {
    pub rest_on: Spanned<Date>,
    pub work_on: Spanned<Date>,
    pub pos: Pos,
}

/// content/calendar/YEAR.yaml (P4)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CalendarYear {
    pub file: FileId,
    pub year: Spanned<i16>,
    /// Public holidays; one on a weekend carries its day off to the next working day.
    pub holidays: Vec<NamedDay>,
    /// Days off that never carry over (7 January, the first day of Kurban Ait).
    pub days_off: Vec<NamedDay>,
    pub transfers: Vec<Transfer>,
    /// The acts behind the year's days, each with its date: the law on holidays as it
    /// stands for the year, and the government's or a ministry's decision behind each
    /// transfer. `kadr calendar YEAR` prints them, so a reviewer can check the year.
    pub sources: Vec<Text>,
}

/// What could be read of a vacancy file that has errors elsewhere: enough to check its
/// id, its references and its texts in the same run, so that one `kadr check` lists
/// every problem of the file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PartialVacancy {
    pub file: FileId,
    pub id: Option<Spanned<String>>,
    pub unit: Option<Spanned<String>>,
    pub category: Option<Spanned<String>>,
    pub requirements: Option<Spanned<String>>,
    pub texts: Vec<(&'static str, Text)>,
}

/// Everything the loader read that was well-formed enough to become a record.
#[derive(Debug, Clone, Default)]
pub struct SiteData {
    pub site: Option<Site>,
    // Shared, so that `serve` can keep the records of unchanged files from one build to
    // the next, and a page cache can tell an unchanged record by its address.
    pub categories: Option<Arc<Categories>>,
    pub units: Vec<Arc<Unit>>,
    pub requirements: Vec<Arc<Requirement>>,
    pub vacancies: Vec<Arc<Vacancy>>,
    pub calendar: Vec<CalendarYear>,
    /// Vacancy files that could not become records, as far as they could be read.
    pub partial_vacancies: Vec<PartialVacancy>,
    /// Ids of records whose files exist but could not be read (named by their file
    /// stem), so that references to them do not raise a second, misleading error.
    pub broken_ids: BrokenIds,
    /// Files under the site root that are candidate banks (found by their content, not
    /// only by name; the loader looks, `check` judges them under RULES.md B12), each
    /// with its path relative to the root.
    pub bank_stores: Vec<(FileId, String)>,
}

#[derive(Debug, Clone, Default)]
pub struct BrokenIds {
    pub units: Vec<String>,
    pub requirements: Vec<String>,
    pub categories_unreadable: bool,
}
