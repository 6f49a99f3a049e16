//! `kadr report`: P4 compliance, what the head of HR shows an inspector. Per unit and
//! in total: how many postings were placed within the legal term (P4: within N working
//! days of the day the vacancy arose), how many late and by how many working days, with
//! the recorded reasons, and which late ones lack a reason; the postings whose record
//! misses a language (or still holds an untranslated copy or a placeholder); and those
//! still `open` although their deadline has passed.
//!
//! It reads the same records, calendars and diagnostics as `kadr check` (the P4 term is
//! [`Calendar::p4_term`], the one `check` judges with) and decides nothing of its own.
//! Printing is in `print`: Markdown, CSV, HTML and JSON, in kk, ru or en.

mod print;

pub use print::{Format, csv, html, json, markdown};

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Serialize;

use kadr_calendar::Calendar;
use kadr_diagnostic::{Diagnostic, Sources};
use kadr_model::{SiteData, Status, Text};

/// What the report covers.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// Postings placed on or after this day (`published_on`).
    pub from: Option<Date>,
    /// … and on or before this one.
    pub to: Option<Date>,
    /// One unit only (its id).
    pub unit: Option<String>,
    /// The day the report is made: what is placed after it is not counted yet, and an
    /// `open` posting whose deadline is before it is overdue.
    pub today: Date,
}

/// The counts of one unit, or of all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Postings placed in the period.
    pub placed: usize,
    pub on_time: usize,
    pub late: usize,
    /// Late, with a reason recorded (`late_reason`).
    pub late_with_reason: usize,
    /// Late, without one: a breach of P4 the record does not explain.
    pub late_without_reason: usize,
    /// Postings whose P4 term could not be counted (a year outside every calendar).
    pub not_counted: usize,
    /// Records that miss a language, or hold an untranslated copy or a placeholder.
    pub language_problems: usize,
    /// `open` records whose deadline has passed.
    pub open_past_deadline: usize,
}

/// One posting placed in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Posting {
    pub id: String,
    pub unit: String,
    pub file: String,
    pub arose_on: Date,
    pub published_on: Date,
    /// The last day it could be placed on (P4); `None` when no calendar covers the term.
    pub last_day: Option<Date>,
    /// Working days late; 0 when on time.
    pub late_by: i64,
    pub reason: Option<Reason>,
    pub status: Status,
}

/// A `late_reason` as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub kk: String,
    pub ru: String,
}

/// A record with a language problem (P4): what `check` found in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LanguageProblem {
    pub id: String,
    pub unit: Option<String>,
    pub file: String,
    /// Each problem as `line:column message-id`.
    pub problems: Vec<String>,
}

/// An `open` record past its deadline (the site shows it as closed; the record should say so).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Overdue {
    pub id: String,
    pub unit: String,
    pub file: String,
    pub deadline: Date,
}

/// The report: per unit (by id), the total, and the postings behind the counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub today: Date,
    pub unit: Option<String>,
    /// N of P4.
    pub within_working_days: u32,
    /// Unit id → (its name in kk and ru, its counts).
    pub units: BTreeMap<String, UnitCounts>,
    pub total: Counts,
    pub postings: Vec<Posting>,
    pub language_problems: Vec<LanguageProblem>,
    pub open_past_deadline: Vec<Overdue>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnitCounts {
    pub name_kk: String,
    pub name_ru: String,
    pub counts: Counts,
}

/// The diagnostics of `check` that mean a posting is not in both languages as it must
/// be (P4): a missing or empty text, an untranslated copy, a placeholder.
const LANGUAGE_PROBLEMS: &[&str] = &[
    "missing-translation",
    "empty-text",
    "untranslated-copy",
    "stub-text",
];

/// The report on `data` (whose problems `check` found: `diagnostics`, in `sources`).
pub fn report(
    data: &SiteData,
    diagnostics: &[Diagnostic],
    sources: &Sources,
    scope: &Scope,
) -> Report {
    let within = data
        .site
        .as_ref()
        .map_or(3, |s| s.publish_within_working_days.value);
    let calendar = Calendar::new(&data.calendar);
    let in_period = |day: Date| {
        scope.from.is_none_or(|from| day >= from)
            && scope.to.is_none_or(|to| day <= to)
            && day <= scope.today
    };
    let in_unit = |unit: &str| scope.unit.as_deref().is_none_or(|u| u == unit);

    let mut units: BTreeMap<String, UnitCounts> = BTreeMap::new();
    for u in data.units.iter().filter(|u| in_unit(&u.id)) {
        units.insert(
            u.id.value.clone(),
            UnitCounts {
                name_kk: u.name.kk.value.clone(),
                name_ru: u.name.ru.value.clone(),
                counts: Counts::default(),
            },
        );
    }

    let mut postings = Vec::new();
    let mut overdue = Vec::new();
    let mut vacancies: Vec<_> = data.vacancies.iter().collect();
    vacancies.sort_by(|a, b| {
        (&a.unit.value, a.published_on.value, &a.id.value).cmp(&(
            &b.unit.value,
            b.published_on.value,
            &b.id.value,
        ))
    });
    for v in vacancies {
        if v.status.value == Status::Draft || !in_unit(&v.unit) || !in_period(*v.published_on) {
            continue;
        }
        let term = calendar.p4_term(*v.arose_on, *v.published_on, within).ok();
        let counts = counts_of(&mut units, &v.unit);
        counts.placed += 1;
        match term {
            None => counts.not_counted += 1,
            Some(t) if t.is_late() => {
                counts.late += 1;
                if v.late_reason.is_some() {
                    counts.late_with_reason += 1;
                } else {
                    counts.late_without_reason += 1;
                }
            }
            Some(_) => counts.on_time += 1,
        }
        postings.push(Posting {
            id: v.id.value.clone(),
            unit: v.unit.value.clone(),
            file: sources.path(v.file).to_string(),
            arose_on: *v.arose_on,
            published_on: *v.published_on,
            last_day: term.map(|t| t.last_day),
            late_by: term.map_or(0, |t| t.late_by),
            reason: v.late_reason.as_ref().map(reason),
            status: v.status.value,
        });
        if v.status.value == Status::Open && *v.deadline < scope.today {
            counts.open_past_deadline += 1;
            overdue.push(Overdue {
                id: v.id.value.clone(),
                unit: v.unit.value.clone(),
                file: sources.path(v.file).to_string(),
                deadline: *v.deadline,
            });
        }
    }
    Report {
        from: scope.from,
        to: scope.to,
        today: scope.today,
        unit: scope.unit.clone(),
        within_working_days: within,
        total: units
            .values()
            .fold(Counts::default(), |t, u| add(t, &u.counts)),
        units,
        postings,
        language_problems: Vec::new(),
        open_past_deadline: overdue,
    }
    .with_language_problems(data, diagnostics, sources, &in_unit)
}

impl Report {
    /// Adds the records with language problems (complete or not: a record missing a
    /// language is one that did not load whole) of the units in scope.
    fn with_language_problems(
        mut self,
        data: &SiteData,
        diagnostics: &[Diagnostic],
        sources: &Sources,
        in_unit: &dyn Fn(&str) -> bool,
    ) -> Report {
        let mut by_file: BTreeMap<kadr_model::FileId, Vec<&Diagnostic>> = BTreeMap::new();
        for d in diagnostics {
            if LANGUAGE_PROBLEMS.contains(&d.message.id) {
                by_file.entry(d.loc.file).or_default().push(d);
            }
        }
        for (file, found) in by_file {
            let complete = data.vacancies.iter().find(|v| v.file == file);
            let partial = data.partial_vacancies.iter().find(|v| v.file == file);
            let (id, unit) = match (complete, partial) {
                (Some(v), _) => (v.id.value.clone(), Some(v.unit.value.clone())),
                (None, Some(p)) => (
                    p.id.as_ref()
                        .map_or_else(|| file_stem(sources.path(file)), |id| id.value.clone()),
                    p.unit.as_ref().map(|u| u.value.clone()),
                ),
                // Not a vacancy: a unit's or the site's text (not a posting).
                (None, None) => continue,
            };
            if let Some(unit) = &unit
                && !in_unit(unit)
            {
                continue;
            }
            if self.unit.is_some() && unit.is_none() {
                continue;
            }
            if let Some(unit) = &unit
                && let Some(u) = self.units.get_mut(unit)
            {
                u.counts.language_problems += 1;
            }
            self.total.language_problems += 1;
            self.language_problems.push(LanguageProblem {
                id,
                unit,
                file: sources.path(file).to_string(),
                problems: found
                    .iter()
                    .map(|d| format!("{}:{} {}", d.loc.pos.line, d.loc.pos.col, d.message.id))
                    .collect(),
            });
        }
        self
    }
}

/// The counts of `unit`; a unit the site has no record of (its vacancies are errors in
/// `check`) is counted under its id.
fn counts_of<'a>(units: &'a mut BTreeMap<String, UnitCounts>, unit: &str) -> &'a mut Counts {
    let entry = units.entry(unit.to_string()).or_insert_with(|| UnitCounts {
        name_kk: unit.to_string(),
        name_ru: unit.to_string(),
        counts: Counts::default(),
    });
    &mut entry.counts
}

fn add(mut total: Counts, c: &Counts) -> Counts {
    total.placed += c.placed;
    total.on_time += c.on_time;
    total.late += c.late;
    total.late_with_reason += c.late_with_reason;
    total.late_without_reason += c.late_without_reason;
    total.not_counted += c.not_counted;
    total.language_problems += c.language_problems;
    total.open_past_deadline += c.open_past_deadline;
    total
}

fn reason(t: &Text) -> Reason {
    Reason {
        kk: t.kk.value.clone(),
        ru: t.ru.value.clone(),
    }
}

fn file_stem(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.strip_suffix(".yaml").unwrap_or(name).to_string()
}
