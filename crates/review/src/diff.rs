//! `kadr diff`: what changed in the postings between two loaded sites (a git revision
//! and the working tree), for the second person who reviews a posting before it goes
//! live (RULES.md K26). Vacancies are reported as new, removed or changed, each change
//! field by field with its value before and after, and every text per language; changed
//! units, requirements, categories, site settings and calendar entries are reported with
//! the vacancies they affect.
//!
//! Both sites are read by the one loader; this module compares the typed records by
//! value (never by position, so moving a line is no change). Printing is in
//! [`crate::markdown`] and, for scripts, JSON (this module's types serialise).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Serialize;

use crate::git;
use kadr_calendar::Calendar;
use kadr_diagnostic::Sources;
use kadr_load::{self as load, Loaded};
use kadr_model::{
    CalendarYear, Category, Lang, Requirement, Site, SiteData, Text, Unit, Vacancy, fields,
};

/// How a record differs between the base revision and the working tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Added,
    Removed,
    Changed,
    /// The file is in the working tree but could not be read as a record: `kadr check`
    /// says why. Never approve a posting in this state.
    Unreadable,
}

/// One field whose value differs. A text reports each language on its own (`lang`), so
/// that a reviewer sees whether a change in one language was made in the other too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    pub field: String,
    pub lang: Option<&'static str>,
    pub before: Option<String>,
    pub after: Option<String>,
    /// For a text changed in one language only: the other language's (unchanged) text,
    /// printed beside the change for comparison. Not in JSON: it is not a change.
    #[serde(skip)]
    pub other: Option<String>,
}

/// The paths of a vacancy's page in both languages, relative to the site's root URL
/// (`{lang}/{slug}/{id}/`): where `kadr serve` and the published site show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Preview {
    pub kk: String,
    pub ru: String,
}

/// A text in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextPair {
    pub kk: String,
    pub ru: String,
}

impl TextPair {
    /// The preview paths of vacancy `id`, when `self` holds the section's slugs.
    pub fn preview(&self, id: &str) -> Preview {
        Preview {
            kk: format!("kk/{}/{id}/", self.kk),
            ru: format!("ru/{}/{id}/", self.ru),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VacancyDiff {
    pub id: String,
    pub change: Change,
    /// The record's file, relative to the site root.
    pub file: String,
    /// The status now (at the base revision for a removed vacancy).
    pub status: Option<String>,
    pub position: Option<TextPair>,
    /// `None` for a removed vacancy, which has no page any more.
    pub preview: Option<Preview>,
    /// Every field that differs; for a new or removed vacancy, every field it has.
    pub fields: Vec<FieldChange>,
}

/// A changed unit, requirement, category or the site settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordDiff {
    /// The unit's or requirement's id, the category's code, or `site`.
    pub id: String,
    pub change: Change,
    pub file: String,
    pub fields: Vec<FieldChange>,
    /// The vacancies (ids, as in the working tree) whose pages or checks this changes.
    pub affects: Vec<String>,
}

/// One entry of a working-day calendar file that was added, removed or renamed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CalendarEntryDiff {
    pub year: i16,
    /// `holiday`, `day_off` or `transfer` (dated by its `rest_on`).
    pub entry: &'static str,
    pub date: String,
    pub change: Change,
    pub before: Option<String>,
    pub after: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CalendarDiff {
    pub entries: Vec<CalendarEntryDiff>,
    /// Vacancies whose last allowed publication day (P4) the change moves.
    pub affects: Vec<String>,
}

/// Everything `kadr diff` reports.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Diff {
    /// The revision compared with, as given or found.
    pub base: String,
    pub base_commit: String,
    /// The section's URL slug per language (site.yaml, as in the working tree): a
    /// vacancy's page is `{lang}/{slug}/{id}/`.
    pub section_slugs: Option<TextPair>,
    pub vacancies: Vec<VacancyDiff>,
    pub units: Vec<RecordDiff>,
    pub requirements: Vec<RecordDiff>,
    pub categories: Vec<RecordDiff>,
    pub site: Option<RecordDiff>,
    pub calendar: CalendarDiff,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.vacancies.is_empty()
            && self.units.is_empty()
            && self.requirements.is_empty()
            && self.categories.is_empty()
            && self.site.is_none()
            && self.calendar.entries.is_empty()
    }
}

/// Why there is no diff: git, or one of the two sites, cannot be read.
#[derive(Debug)]
pub enum DiffError {
    Git(git::GitError),
    Load(load::LoadError),
}

impl DiffError {
    /// The reason as a message of the catalogue.
    pub fn message(&self) -> kadr_diagnostic::Message {
        match self {
            DiffError::Git(e) => e.message(),
            DiffError::Load(e) => e.message(),
        }
    }
}

impl std::fmt::Display for DiffError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&kadr_diagnostic::Messages::english(&self.message()))
    }
}

impl std::error::Error for DiffError {}

/// Compares the site at `root` (the working tree) with its `content/` at `rev` (by
/// default the merge base with the default branch, see [`git::resolve_base`]).
pub fn diff_working_tree(root: &Path, rev: Option<&str>) -> Result<Diff, DiffError> {
    let base = git::resolve_base(root, rev).map_err(DiffError::Git)?;
    let snapshot = git::snapshot(root, &base.commit).map_err(DiffError::Git)?;
    let before = load::load(snapshot.root()).map_err(DiffError::Load)?;
    let after = load::load(root).map_err(DiffError::Load)?;
    let mut diff = compare(&before, &after);
    diff.base = base.rev;
    diff.base_commit = base.commit;
    Ok(diff)
}

/// What changed from `before` to `after`. Diagnostics of either site are not repeated
/// here (that is `kadr check`'s job); a vacancy file that cannot be read in `after` is
/// reported as [`Change::Unreadable`].
pub fn compare(before: &Loaded, after: &Loaded) -> Diff {
    let (old, new) = (&before.data, &after.data);
    let slugs = new.site.as_ref().or(old.site.as_ref()).map(|s| TextPair {
        kk: s.section.kk.slug.value.clone(),
        ru: s.section.ru.slug.value.clone(),
    });
    let preview = |id: &str| slugs.as_ref().map(|s| s.preview(id));
    Diff {
        vacancies: vacancies(before, after, &preview),
        units: records(
            keyed(old.units.iter().map(|u| &**u), |u| &u.id.value),
            keyed(new.units.iter().map(|u| &**u), |u| &u.id.value),
            |u| before.sources.path(u.file).to_string(),
            |u| after.sources.path(u.file).to_string(),
            unit_fields,
            |id| affected(new, |v| v.unit.value == id),
        ),
        requirements: records(
            keyed(old.requirements.iter().map(|r| &**r), |r| &r.id.value),
            keyed(new.requirements.iter().map(|r| &**r), |r| &r.id.value),
            |r| before.sources.path(r.file).to_string(),
            |r| after.sources.path(r.file).to_string(),
            requirement_fields,
            |id| affected(new, |v| v.requirements.value == id),
        ),
        categories: records(
            keyed(categories_of(old).iter(), |c| &c.code.value),
            keyed(categories_of(new).iter(), |c| &c.code.value),
            |_| "content/categories.yaml".to_string(),
            |_| "content/categories.yaml".to_string(),
            category_fields,
            |code| affected(new, |v| v.category.value == code),
        ),
        site: site(before, after),
        calendar: calendar(old, new),
        section_slugs: slugs.clone(),
        ..Diff::default()
    }
}

fn categories_of(data: &SiteData) -> &[Category] {
    data.categories.as_ref().map_or(&[], |c| &c.list)
}

/// Records by key; the first of two with one key wins (a duplicate id is `check`'s
/// business).
fn keyed<'a, T>(
    list: impl Iterator<Item = &'a T>,
    key: impl Fn(&'a T) -> &'a String,
) -> BTreeMap<&'a str, &'a T> {
    let mut map = BTreeMap::new();
    for item in list {
        map.entry(key(item).as_str()).or_insert(item);
    }
    map
}

/// Ids of the working tree's vacancies that `refers` says refer to a record.
fn affected(new: &SiteData, refers: impl Fn(&Vacancy) -> bool) -> Vec<String> {
    let mut ids: Vec<String> = new
        .vacancies
        .iter()
        .filter(|v| refers(v))
        .map(|v| v.id.value.clone())
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

fn records<'a, T>(
    old: BTreeMap<&'a str, &'a T>,
    new: BTreeMap<&'a str, &'a T>,
    old_path: impl Fn(&T) -> String,
    new_path: impl Fn(&T) -> String,
    fields: impl Fn(&T) -> Fields,
    affects: impl Fn(&str) -> Vec<String>,
) -> Vec<RecordDiff> {
    let keys: BTreeSet<&str> = old.keys().chain(new.keys()).copied().collect();
    let mut out = Vec::new();
    for key in keys {
        let (b, a) = (old.get(key), new.get(key));
        let changes = diff_fields(b.map(|r| fields(r)).as_ref(), a.map(|r| fields(r)).as_ref());
        let change = match (b, a) {
            (None, Some(_)) => Change::Added,
            (Some(_), None) => Change::Removed,
            _ if changes.is_empty() => continue,
            _ => Change::Changed,
        };
        let file = match (a, b) {
            (Some(a), _) => new_path(a),
            (None, Some(b)) => old_path(b),
            (None, None) => continue,
        };
        out.push(RecordDiff {
            id: key.to_string(),
            change,
            file,
            fields: changes,
            affects: affects(key),
        });
    }
    out
}

fn vacancies(
    before: &Loaded,
    after: &Loaded,
    preview: &impl Fn(&str) -> Option<Preview>,
) -> Vec<VacancyDiff> {
    let old = keyed(before.data.vacancies.iter().map(|v| &**v), |v| &v.id.value);
    let new = keyed(after.data.vacancies.iter().map(|v| &**v), |v| &v.id.value);
    let old_broken = broken_vacancy_files(&before.data, &before.sources);
    let new_broken = broken_vacancy_files(&after.data, &after.sources);
    let mut out = Vec::new();
    let ids: BTreeSet<&str> = old.keys().chain(new.keys()).copied().collect();
    for id in ids {
        let (b, a) = (old.get(id), new.get(id));
        if b.is_some() && a.is_none() && new_broken.contains_key(id) {
            continue; // reported below, as unreadable
        }
        let fields = diff_fields(
            b.map(|v| vacancy_fields(v)).as_ref(),
            a.map(|v| vacancy_fields(v)).as_ref(),
        );
        let change = match (b, a) {
            (None, Some(_)) => Change::Added,
            (Some(_), None) => Change::Removed,
            _ if fields.is_empty() => continue,
            _ => Change::Changed,
        };
        let (shown, sources) = match (a, b) {
            (Some(a), _) => (*a, &after.sources),
            (None, Some(b)) => (*b, &before.sources),
            (None, None) => continue,
        };
        out.push(VacancyDiff {
            id: id.to_string(),
            change,
            file: sources.path(shown.file).to_string(),
            status: Some(shown.status.name().to_string()),
            position: Some(TextPair {
                kk: shown.position.kk.value.clone(),
                ru: shown.position.ru.value.clone(),
            }),
            preview: if a.is_some() { preview(id) } else { None },
            fields,
        });
    }
    // A file that cannot be read now is reported if it is new or its text changed:
    // an unchanged broken file is not this review's news.
    for (stem, (path, text)) in &new_broken {
        let unchanged = old_broken
            .get(stem)
            .is_some_and(|(old_path, old_text)| old_path == path && old_text == text);
        if unchanged {
            continue;
        }
        out.push(VacancyDiff {
            id: stem.to_string(),
            change: Change::Unreadable,
            file: path.clone(),
            status: None,
            position: None,
            preview: None,
            fields: Vec::new(),
        });
    }
    out.sort_by(|x, y| x.id.cmp(&y.id));
    out
}

/// Vacancy files that did not become a complete record, by file stem: (path, text).
fn broken_vacancy_files(
    data: &SiteData,
    sources: &Sources,
) -> BTreeMap<String, (String, Option<String>)> {
    let complete: BTreeSet<_> = data.vacancies.iter().map(|v| v.file).collect();
    sources
        .iter()
        .filter(|(id, f)| {
            f.path.starts_with("content/vacancies/")
                && f.path.ends_with(".yaml")
                && !complete.contains(id)
        })
        .map(|(_, f)| {
            let stem = f.path.rsplit('/').next().unwrap_or(&f.path);
            let stem = stem.trim_end_matches(".yaml").to_string();
            (stem, (f.path.clone(), f.text().map(|t| t.into_owned())))
        })
        .collect()
}

fn site(before: &Loaded, after: &Loaded) -> Option<RecordDiff> {
    let (b, a) = (before.data.site.as_ref(), after.data.site.as_ref());
    let fields = diff_fields(b.map(site_fields).as_ref(), a.map(site_fields).as_ref());
    if fields.is_empty() {
        return None;
    }
    let change = match (b, a) {
        (None, Some(_)) => Change::Added,
        (Some(_), None) => Change::Removed,
        _ => Change::Changed,
    };
    let mut affects: Vec<String> = after
        .data
        .vacancies
        .iter()
        .map(|v| v.id.value.clone())
        .collect();
    affects.sort();
    Some(RecordDiff {
        id: "site".into(),
        change,
        file: "content/site.yaml".into(),
        fields,
        affects,
    })
}

fn calendar(old: &SiteData, new: &SiteData) -> CalendarDiff {
    let (b, a) = (
        calendar_entries(&old.calendar),
        calendar_entries(&new.calendar),
    );
    let keys: BTreeSet<_> = b.keys().chain(a.keys()).copied().collect();
    let mut entries = Vec::new();
    for key in keys {
        let (before, after) = (b.get(&key).cloned(), a.get(&key).cloned());
        let change = match (&before, &after) {
            (None, Some(_)) => Change::Added,
            (Some(_), None) => Change::Removed,
            (Some(x), Some(y)) if x != y => Change::Changed,
            _ => continue,
        };
        let (year, entry, date) = key;
        entries.push(CalendarEntryDiff {
            year,
            entry,
            date: date.to_string(),
            change,
            before,
            after,
        });
    }
    let affects = if entries.is_empty() {
        Vec::new()
    } else {
        moved_p4_days(old, new)
    };
    CalendarDiff { entries, affects }
}

type CalendarKey = (i16, &'static str, jiff::civil::Date);

fn calendar_entries(years: &[CalendarYear]) -> BTreeMap<CalendarKey, String> {
    let mut map = BTreeMap::new();
    for y in years {
        let year = y.year.value;
        for (entry, days) in [("holiday", &y.holidays), ("day_off", &y.days_off)] {
            for d in days {
                map.insert((year, entry, d.date.value), pair(&d.name));
            }
        }
        for t in &y.transfers {
            map.insert(
                (year, "transfer", t.rest_on.value),
                format!("rest on {}, work on {}", t.rest_on.value, t.work_on.value),
            );
        }
    }
    map
}

/// Vacancies (of the working tree) whose last allowed publication day differs between
/// the two calendars: the P4 count, done by the one calendar code.
fn moved_p4_days(old: &SiteData, new: &SiteData) -> Vec<String> {
    let within = new
        .site
        .as_ref()
        .or(old.site.as_ref())
        .map_or(3, |s| s.publish_within_working_days.value);
    let (before, after) = (Calendar::new(&old.calendar), Calendar::new(&new.calendar));
    let mut ids: Vec<String> = new
        .vacancies
        .iter()
        .filter(|v| {
            before.last_day_to_publish(*v.arose_on, within).ok()
                != after.last_day_to_publish(*v.arose_on, within).ok()
        })
        .map(|v| v.id.value.clone())
        .collect();
    ids.sort();
    ids
}

/// A field's value, comparable without positions.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Value {
    Plain(String),
    Text { kk: String, ru: String },
}

/// Every field of a record kind in the order of its field table, with its value or
/// `None` when absent.
type Fields = Vec<(String, Option<Value>)>;

fn pair(t: &Text) -> String {
    format!("{} / {}", t.kk.value, t.ru.value)
}

/// A record's fields by its kind's field table (`kadr_model::fields`), in its order; a
/// value of parts (the site's section) becomes one field per part, `section.title`.
fn fields_of<R>(table: &[fields::Field<R>], record: &R) -> Fields {
    fn flatten(name: String, value: fields::Value, out: &mut Fields) {
        match value {
            fields::Value::Missing => out.push((name, None)),
            fields::Value::Plain(s) => out.push((name, Some(Value::Plain(s)))),
            fields::Value::Text { kk, ru } => out.push((name, Some(Value::Text { kk, ru }))),
            fields::Value::Parts(parts) => {
                for (part, value) in parts {
                    let full = if part.is_empty() {
                        name.clone()
                    } else {
                        format!("{name}.{part}")
                    };
                    flatten(full, value, out);
                }
            }
        }
    }
    let mut out = Vec::with_capacity(table.len());
    for field in table {
        flatten(field.name.to_string(), (field.value)(record), &mut out);
    }
    out
}

fn vacancy_fields(v: &Vacancy) -> Fields {
    fields_of(fields::VACANCY, v)
}

fn unit_fields(u: &Unit) -> Fields {
    fields_of(fields::UNIT, u)
}

fn category_fields(c: &Category) -> Fields {
    fields_of(fields::CATEGORY, c)
}

fn requirement_fields(r: &Requirement) -> Fields {
    fields_of(fields::REQUIREMENT, r)
}

fn site_fields(s: &Site) -> Fields {
    fields_of(fields::SITE, s)
}

/// The changes from `before` to `after` (either absent for a new or removed record).
fn diff_fields(before: Option<&Fields>, after: Option<&Fields>) -> Vec<FieldChange> {
    let names: Vec<String> = after
        .or(before)
        .map(|f| f.iter().map(|(n, _)| n.clone()).collect())
        .unwrap_or_default();
    let value = |fields: Option<&Fields>, name: &str| {
        fields
            .and_then(|f| f.iter().find(|(n, _)| *n == name))
            .and_then(|(_, v)| v.clone())
    };
    let mut out = Vec::new();
    for field in names.iter().map(String::as_str) {
        let (b, a) = (value(before, field), value(after, field));
        if b == a {
            continue;
        }
        match (b, a) {
            (Some(Value::Plain(b)), Some(Value::Plain(a))) => {
                out.push(change(field, None, Some(b), Some(a)))
            }
            (b @ (Some(Value::Plain(_)) | None), a @ (Some(Value::Plain(_)) | None)) => {
                let unwrap = |v: Option<Value>| match v {
                    Some(Value::Plain(s)) => Some(s),
                    _ => None,
                };
                out.push(change(field, None, unwrap(b), unwrap(a)))
            }
            (b, a) => {
                let lang_of = |v: &Option<Value>, lang: Lang| match v {
                    Some(Value::Text { kk, ru }) => Some(match lang {
                        Lang::Kk => kk.clone(),
                        Lang::Ru => ru.clone(),
                    }),
                    Some(Value::Plain(s)) => Some(s.clone()),
                    None => None,
                };
                let per_lang: Vec<_> = Lang::ALL
                    .into_iter()
                    .map(|lang| (lang, lang_of(&b, lang), lang_of(&a, lang)))
                    .collect();
                let changed = per_lang.iter().filter(|(_, x, y)| x != y).count();
                for (lang, x, y) in &per_lang {
                    if x == y {
                        continue;
                    }
                    let mut c = change(field, Some(lang.code()), x.clone(), y.clone());
                    if changed == 1 {
                        c.other = lang_of(&a, lang.other());
                    }
                    out.push(c);
                }
            }
        }
    }
    out
}

fn change(
    field: &str,
    lang: Option<&'static str>,
    before: Option<String>,
    after: Option<String>,
) -> FieldChange {
    FieldChange {
        field: field.to_string(),
        lang,
        before,
        after,
        other: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kadr_load::records;

    fn sample() -> Loaded {
        load::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
            .expect("the sample site loads")
    }

    /// The top-level field names (`contacts.person` is part of `contacts`).
    fn names(fields: &Fields) -> Vec<&str> {
        let mut names: Vec<&str> = fields
            .iter()
            .map(|(n, _)| n.split('.').next().unwrap_or(n))
            .collect();
        names.dedup();
        names
    }

    fn plain(s: &str) -> Option<Value> {
        Some(Value::Plain(s.to_string()))
    }

    /// Fields as a test writes them.
    fn fields(list: &[(&str, Option<Value>)]) -> Fields {
        list.iter()
            .map(|(n, v)| (n.to_string(), v.clone()))
            .collect()
    }

    #[test]
    fn compares_every_field_the_loader_reads() {
        let loaded = sample();
        let data = &loaded.data;
        for v in &data.vacancies {
            assert_eq!(names(&vacancy_fields(v)), records::VACANCY_FIELDS);
        }
        for u in &data.units {
            assert_eq!(names(&unit_fields(u)), records::UNIT_FIELDS);
        }
        for r in &data.requirements {
            assert_eq!(names(&requirement_fields(r)), records::REQUIREMENT_FIELDS);
        }
        for c in categories_of(data) {
            assert_eq!(names(&category_fields(c)), records::CATEGORY_FIELDS);
        }
        let site = data.site.as_ref().expect("site.yaml");
        let site_fields = site_fields(site);
        let mut top: Vec<&str> = names(&site_fields)
            .into_iter()
            .map(|n| n.split('.').next().unwrap_or(n))
            .collect();
        top.dedup();
        assert_eq!(top, records::SITE_FIELDS);
    }

    #[test]
    fn a_site_compared_with_itself_has_no_changes() {
        let (a, b) = (sample(), sample());
        assert!(compare(&a, &b).is_empty());
    }

    fn t(kk: &str, ru: &str) -> Option<Value> {
        Some(Value::Text {
            kk: kk.into(),
            ru: ru.into(),
        })
    }

    #[test]
    fn a_text_changed_in_one_language_names_that_language_and_shows_the_other() {
        let before = fields(&[("position", t("Бастық", "Начальник"))]);
        let after = fields(&[("position", t("Бастық", "Заместитель"))]);
        let changes = diff_fields(Some(&before), Some(&after));
        assert_eq!(
            changes,
            vec![FieldChange {
                field: "position".into(),
                lang: Some("ru"),
                before: Some("Начальник".into()),
                after: Some("Заместитель".into()),
                other: Some("Бастық".into()),
            }]
        );
    }

    #[test]
    fn an_added_optional_text_reports_both_languages() {
        let before = fields(&[("conditions", None), ("deadline", plain("2026-12-08"))]);
        let after = fields(&[
            ("conditions", t("Шарттар", "Условия")),
            ("deadline", plain("2026-12-08")),
        ]);
        let changes = diff_fields(Some(&before), Some(&after));
        let langs: Vec<_> = changes.iter().map(|c| (c.field.as_str(), c.lang)).collect();
        assert_eq!(
            langs,
            [("conditions", Some("kk")), ("conditions", Some("ru"))]
        );
        assert!(
            changes
                .iter()
                .all(|c| c.before.is_none() && c.other.is_none())
        );
    }

    #[test]
    fn a_plain_field_reports_before_and_after() {
        let before = fields(&[("deadline", plain("2026-12-08"))]);
        let after = fields(&[("deadline", plain("2026-12-15"))]);
        assert_eq!(
            diff_fields(Some(&before), Some(&after)),
            vec![change(
                "deadline",
                None,
                Some("2026-12-08".into()),
                Some("2026-12-15".into())
            )]
        );
    }
}
