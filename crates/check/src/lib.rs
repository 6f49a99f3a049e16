//! Validation of a loaded site against SPEC.md and the legal rules of RULES.md. The
//! legal rules are in `rules`, one module per rule id, each rule a function named by
//! it; the other modules check what SPEC.md asks besides. [`check`] runs them all and
//! returns every problem it finds, never just the first.
//!
//! The checks read the model only; they do no I/O and do not render anything.

mod contacts;
mod dates;
#[cfg(test)]
mod fixture;
mod ids;
mod iin;
mod markup;
mod posting;
mod published;
mod refs;
mod rules;

pub use rules::p3::{p3_is_leadership, p3_may_appoint};
pub use rules::p4::p4_calendar_year;
pub use rules::p5::p5_covers;
pub(crate) mod stubs;

use std::collections::HashMap;
use std::sync::Arc;

use jiff::civil::Date;
use rayon::prelude::*;

use kadr_diagnostic::{Diagnostic, Sources};
use kadr_model::{FileId, Lang, Lookup, ResolvedSite, SiteData, Spanned, Text, Vacancy};

pub use iin::{find_iin, is_valid_iin};
pub use kadr_markdown::{allowed_link, disallowed_links};

/// What `check` found: every problem, and the site with its references resolved
/// when they all resolve.
#[derive(Debug)]
pub struct Verdict {
    pub diagnostics: Vec<Diagnostic>,
    /// `None` when a reference dangles, an id is not a valid one, or the site settings
    /// or categories are missing; each of these is among the diagnostics. A site with
    /// other errors still resolves: whether it may be rendered is the diagnostics' say.
    pub site: Option<ResolvedSite>,
}

impl Verdict {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Validates everything; `today` is the build date (`--today`).
pub fn check(data: &SiteData, sources: &Sources, today: Date) -> Verdict {
    check_cached(data, sources, today, &mut TextCache::default())
}

/// The text checks of each vacancy record from the previous run, by the record's
/// address (`load::load_cached` keeps the record of an unchanged file, at the same file
/// id): reading every text of a large site is most of `check`'s work, and a save in
/// `serve` changes one file.
#[derive(Default)]
pub struct TextCache {
    by_vacancy: HashMap<usize, (Arc<Vacancy>, Vec<Diagnostic>)>,
}

/// [`check`], reusing the text checks of unchanged vacancy records from `cache`.
pub fn check_cached(
    data: &SiteData,
    sources: &Sources,
    today: Date,
    cache: &mut TextCache,
) -> Verdict {
    let lookup = Lookup::new(data);
    // The record-level checks are cheap; the checks that read every text (most of a
    // large site's bytes) run on all cores. The output is sorted later, so the order
    // in which checks finish does not matter.
    let (mut diagnostics, per_text) = rayon::join(
        || {
            let mut out = Vec::new();
            rules::p2::p2_base_url(data, &mut out);
            rules::p3::p3_section(data, &mut out);
            ids::check_ids(data, sources, &mut out);
            refs::check_category_codes(data, &mut out);
            refs::check_references(data, &lookup, &mut out);
            rules::p3::p3_leadership(data, &lookup, &mut out);
            rules::p3::p3_territorial_head(data, &lookup, &mut out);
            rules::p5::p5_requirement_covers_category(data, &lookup, &mut out);
            rules::p4::p4_stubs(data, &mut out);
            stubs::check_init_placeholders(data, &mut out);
            rules::b12::b12_fields(data, &mut out);
            rules::b12::b12_bank_in_site(data, &mut out);
            dates::check_dates(data, today, &mut out);
            rules::c2::c2_competition_url(data, &mut out);
            contacts::check_contacts(data, &mut out);
            posting::check_posting(data, &mut out);
            rules::p4::p4_calendar(data, &mut out);
            rules::p4::p4_deadline(data, &mut out);
            out
        },
        || {
            let previous = std::mem::take(&mut cache.by_vacancy);
            let vacancies: Vec<(Arc<Vacancy>, Vec<Diagnostic>)> = data
                .vacancies
                .par_iter()
                .map(|v| {
                    let found = previous.get(&(Arc::as_ptr(v) as usize));
                    let diagnostics = match found {
                        Some((cached, diagnostics)) if Arc::ptr_eq(cached, v) => {
                            diagnostics.clone()
                        }
                        _ => {
                            let mut out = Vec::new();
                            for (field, text) in vacancy_texts(v) {
                                check_text(v.file, field, text, true, &mut out);
                            }
                            out
                        }
                    };
                    (Arc::clone(v), diagnostics)
                })
                .collect();
            let mut out: Vec<Diagnostic> = shared_texts(data)
                .par_iter()
                .flat_map_iter(|(file, text)| {
                    let mut out = Vec::new();
                    check_text(*file, "", text, false, &mut out);
                    out
                })
                .collect();
            for v in &data.partial_vacancies {
                for (field, text) in &v.texts {
                    check_text(v.file, field, text, true, &mut out);
                }
            }
            for (v, diagnostics) in vacancies {
                out.extend(diagnostics.iter().cloned());
                cache
                    .by_vacancy
                    .insert(Arc::as_ptr(&v) as usize, (v, diagnostics));
            }
            out
        },
    );
    diagnostics.extend(per_text);
    Verdict {
        diagnostics,
        site: ResolvedSite::resolve(data, &lookup),
    }
}

/// Every check of one text: not empty (P4), no personal data (B12), safe Markdown, and
/// in a vacancy not an untranslated copy (P4).
fn check_text(
    file: FileId,
    field: &'static str,
    text: &Text,
    in_vacancy: bool,
    out: &mut Vec<Diagnostic>,
) {
    for lang in LANGS {
        let s = text.spanned(lang);
        rules::p4::p4_not_empty(file, lang, s, out);
        rules::b12::b12_text(file, s, out);
        markup::check_text(file, s, out);
    }
    if in_vacancy {
        rules::p4::p4_untranslated(file, field, text, out);
    }
}

/// Every text of a record with the name of the field it came from.
pub(crate) fn vacancy_texts(v: &kadr_model::Vacancy) -> Vec<(&'static str, &Text)> {
    let mut texts = vec![
        ("position", &v.position),
        ("duties", &v.duties),
        ("documents", &v.documents),
    ];
    if let Some(t) = &v.conditions {
        texts.push(("conditions", t));
    }
    if let Some(t) = &v.late_reason {
        texts.push(("late_reason", t));
    }
    if let Some(t) = &v.max_rank {
        texts.push(("max_rank", t));
    }
    for t in v.selection.iter().flatten() {
        texts.push(("selection", t));
    }
    if let Some(t) = v.contacts.as_ref().and_then(|c| c.person.as_ref()) {
        texts.push(("contacts.person", t));
    }
    texts
}

/// The id and references of every vacancy file, whether it became a complete record or
/// not (`PartialVacancy`), so that one run reports all of a file's problems.
pub(crate) struct VacancyRefs<'a> {
    pub file: FileId,
    pub id: Option<&'a Spanned<String>>,
    pub unit: Option<&'a Spanned<String>>,
    pub category: Option<&'a Spanned<String>>,
    pub requirements: Option<&'a Spanned<String>>,
}

pub(crate) fn vacancy_refs(data: &SiteData) -> Vec<VacancyRefs<'_>> {
    let complete = data.vacancies.iter().map(|v| VacancyRefs {
        file: v.file,
        id: Some(&v.id),
        unit: Some(&v.unit),
        category: Some(&v.category),
        requirements: Some(&v.requirements),
    });
    let partial = data.partial_vacancies.iter().map(|v| VacancyRefs {
        file: v.file,
        id: v.id.as_ref(),
        unit: v.unit.as_ref(),
        category: v.category.as_ref(),
        requirements: v.requirements.as_ref(),
    });
    complete.chain(partial).collect()
}

/// Every text of every vacancy file, complete or partial, with its field name.
pub(crate) fn all_vacancy_texts(data: &SiteData) -> Vec<(FileId, &'static str, &Text)> {
    let complete = data.vacancies.iter().flat_map(|v| {
        vacancy_texts(v)
            .into_iter()
            .map(move |(f, t)| (v.file, f, t))
    });
    let partial = data
        .partial_vacancies
        .iter()
        .flat_map(|v| v.texts.iter().map(move |(f, t)| (v.file, *f, t)));
    complete.chain(partial).collect()
}

/// The public texts that are not a vacancy's: the site's, the units', the
/// requirements', the categories' and the calendar's.
pub(crate) fn shared_texts(data: &SiteData) -> Vec<(kadr_model::FileId, &Text)> {
    let mut out = Vec::new();
    if let Some(site) = &data.site {
        out.push((site.file, &site.title));
    }
    if let Some(categories) = &data.categories {
        out.extend(categories.list.iter().map(|c| (categories.file, &c.name)));
    }
    for u in &data.units {
        out.push((u.file, &u.name));
        out.push((u.file, &u.address));
        for t in [&u.locality, &u.region, &u.contacts.person]
            .into_iter()
            .flatten()
        {
            out.push((u.file, t));
        }
    }
    for r in &data.requirements {
        for t in [
            Some(&r.source),
            Some(&r.education),
            Some(&r.experience),
            r.other.as_ref(),
        ]
        .into_iter()
        .flatten()
        .chain(&r.selection)
        {
            out.push((r.file, t));
        }
    }
    for c in &data.calendar {
        out.extend(
            c.holidays
                .iter()
                .chain(&c.days_off)
                .map(|d| (c.file, &d.name))
                .chain(c.sources.iter().map(|t| (c.file, t))),
        );
    }
    out
}

/// The position inside a text value of byte `offset`. A text with line breaks is a block
/// scalar (`|`), whose position is that of its first content line.
pub(crate) fn pos_in_text(s: &kadr_model::Spanned<String>, offset: usize) -> kadr_model::Pos {
    let before = &s.value[..offset.min(s.value.len())];
    if s.value.contains('\n') {
        let line = before.matches('\n').count() as u32;
        kadr_model::Pos::new(s.pos.line + line, s.pos.col)
    } else {
        s.pos
    }
}

/// The languages in their fixed order, for loops over a [`Text`].
pub(crate) const LANGS: [Lang; 2] = Lang::ALL;
