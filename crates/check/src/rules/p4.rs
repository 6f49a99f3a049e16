//! RULES.md P4: postings are placed within three working days from the day the vacancy
//! arose, in the state (Kazakh) and Russian languages.
//!
//! - The deadline: a posting is published within N working days of the day the
//!   vacancy arose (N = `publish_within_working_days`), counted on the working-day
//!   calendar, whose files must be sound ([`p4_calendar`], [`p4_deadline`]).
//! - Both languages: every text exists in Kazakh and Russian, neither is empty
//!   ([`p4_not_empty`]), and in a vacancy the two are not a copy of each other, an
//!   untranslated posting ([`p4_untranslated`]). Other records may read the same in
//!   both languages: a proper name such as «Наурыз мейрамы» does.
//! - Written, not a template: a placeholder left by `kadr new vacancy` is an error
//!   ([`p4_stubs`]). That command writes every text as an instruction between ⟦ and ⟧
//!   (a bracket no real text uses); any text of a vacancy that still holds one is
//!   reported, in each language, until it is replaced.

use kadr_calendar::{self as calendar, Calendar};
use kadr_diagnostic::Diagnostic;
use kadr_model::{CalendarYear, FileId, Lang, STUB_OPEN, SiteData, Spanned, Text};

use crate::{LANGS, all_vacancy_texts, pos_in_text};

/// P4's calendar: each year's file is sound, and no year has two.
pub fn p4_calendar(data: &SiteData, out: &mut Vec<Diagnostic>) {
    let mut years = std::collections::HashMap::new();
    for year in &data.calendar {
        p4_calendar_year(year, out);
        if let Some(first) = years.insert(year.year.value, year.file) {
            let _ = first;
            out.push(
                Diagnostic::error("calendar-duplicate-year", year.file, year.year.pos)
                    .arg("year", i64::from(year.year.value)),
            );
        }
    }
}

/// P4: the problems of one year's calendar (a day both off and worked, a transfer to
/// a day that is not a weekend …); `kadr calendar YEAR` reports the same.
pub fn p4_calendar_year(year: &CalendarYear, out: &mut Vec<Diagnostic>) {
    for (pos, problem) in calendar::problems(year) {
        out.push(
            Diagnostic::error("calendar-problem", year.file, pos)
                .rule("P4")
                .arg("detail", problem.to_string()),
        );
    }
}

/// P4: the last allowed publication date, and by how many working days a later one is
/// late. Late with a recorded `late_reason` is a warning; without, an error.
pub fn p4_deadline(data: &SiteData, out: &mut Vec<Diagnostic>) {
    let Some(site) = &data.site else { return };
    let within = site.publish_within_working_days.value;
    let cal = Calendar::new(&data.calendar);
    for v in &data.vacancies {
        if *v.published_on < *v.arose_on {
            continue; // reported by the date checks
        }
        let term = match cal.p4_term(*v.arose_on, *v.published_on, within) {
            Ok(term) => term,
            Err(missing) => {
                // The year the count runs into: the one of `arose_on`, else the later.
                let pos = if cal.covers(v.arose_on.year()) {
                    v.published_on.pos
                } else {
                    v.arose_on.pos
                };
                out.push(
                    Diagnostic::error("calendar-missing-year", v.file, pos)
                        .rule("P4")
                        .arg("year", i64::from(missing.0)),
                );
                continue;
            }
        };
        let (last, late_by) = (term.last_day, term.late_by);
        if !term.is_late() {
            if let Some(reason) = &v.late_reason {
                out.push(
                    Diagnostic::warning("late-reason-not-late", v.file, reason.pos)
                        .rule("P4")
                        .arg("last", last.to_string()),
                );
            }
            continue;
        }
        let d = if v.late_reason.is_some() {
            Diagnostic::warning("published-late-with-reason", v.file, v.published_on.pos)
        } else {
            Diagnostic::error("published-late", v.file, v.published_on.pos)
        };
        out.push(
            d.rule("P4")
                .arg("published", v.published_on.to_string())
                .arg("last", last.to_string())
                .arg("within", within)
                .arg("late", late_by)
                .arg("arose", v.arose_on.to_string()),
        );
    }
}

/// P4: a text is not empty in either language.
pub fn p4_not_empty(file: FileId, lang: Lang, s: &Spanned<String>, out: &mut Vec<Diagnostic>) {
    if s.trim().is_empty() {
        out.push(
            Diagnostic::error("empty-text", file, s.pos)
                .rule("P4")
                .arg("lang", lang.code()),
        );
    }
}

/// P4: a vacancy's kk and ru texts are not one and the same (whitespace aside).
pub fn p4_untranslated(file: FileId, field: &'static str, text: &Text, out: &mut Vec<Diagnostic>) {
    if !text.kk.trim().is_empty() && same_words(&text.kk, &text.ru) {
        out.push(
            Diagnostic::error("untranslated-copy", file, text.ru.pos)
                .rule("P4")
                .arg("field", field),
        );
    }
}

/// Whitespace differences do not make a translation.
fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// P4: no vacancy text, complete record or partial, still holds a placeholder.
pub fn p4_stubs(data: &SiteData, out: &mut Vec<Diagnostic>) {
    for (file, field, text) in all_vacancy_texts(data) {
        for lang in LANGS {
            let s = text.spanned(lang);
            if let Some(offset) = s.find(STUB_OPEN) {
                out.push(
                    Diagnostic::error("stub-text", file, pos_in_text(s, offset))
                        .rule("P4")
                        .arg("field", field)
                        .arg("lang", lang.code()),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use kadr_diagnostic::Severity;
    use kadr_model::Pos;
    use std::sync::Arc;

    /// The value of a diagnostic's message argument `name`.
    macro_rules! arg {
        ($d:expr, $name:expr) => {
            $d.message
                .args
                .iter()
                .find(|(k, _)| *k == $name)
                .map(|(_, v)| v.clone())
        };
    }

    /// The fixture's vacancy arose on Monday 12 January 2026 (the last day to publish is
    /// Thursday the 15th) and was published on `published_on`.
    fn published(published_on: jiff::civil::Date, late_reason: bool) -> Vec<Diagnostic> {
        let mut data = crate::fixture::site_with_every_field();
        let vacancy = Arc::make_mut(&mut data.vacancies[0]);
        vacancy.arose_on.value = date(2026, 1, 12);
        vacancy.published_on.value = published_on;
        if !late_reason {
            vacancy.late_reason = None;
        }
        let mut out = Vec::new();
        p4_deadline(&data, &mut out);
        out
    }

    #[test]
    fn p4_rejects_a_vacancy_published_three_working_days_late() {
        let out = published(date(2026, 1, 20), false);
        assert_eq!(out.len(), 1, "{out:?}");
        let d = &out[0];
        assert_eq!(
            (d.message.id, d.rule, d.severity),
            ("published-late", Some("P4"), Severity::Error)
        );
        assert_eq!(arg!(d, "last"), Some("2026-01-15".into()));
        assert_eq!(arg!(d, "late"), Some(3i64.into()));
    }

    #[test]
    fn p4_warns_of_a_late_vacancy_with_a_recorded_reason() {
        let out = published(date(2026, 1, 16), true);
        assert_eq!(out.len(), 1, "{out:?}");
        let d = &out[0];
        assert_eq!(
            (d.message.id, d.rule, d.severity),
            ("published-late-with-reason", Some("P4"), Severity::Warning)
        );
        assert_eq!(arg!(d, "late"), Some(1i64.into()));
    }

    #[test]
    fn p4_accepts_a_vacancy_published_on_the_last_working_day() {
        assert!(published(date(2026, 1, 15), false).is_empty());
        let with_reason = published(date(2026, 1, 15), true);
        let found: Vec<_> = with_reason.iter().map(|d| (d.message.id, d.rule)).collect();
        assert_eq!(found, [("late-reason-not-late", Some("P4"))]);
    }

    #[test]
    fn p4_rejects_a_year_the_calendar_does_not_cover() {
        let out = published(date(2027, 1, 20), false);
        let found: Vec<_> = out.iter().map(|d| (d.message.id, d.rule)).collect();
        assert_eq!(found, [("calendar-missing-year", Some("P4"))]);
        assert_eq!(arg!(&out[0], "year"), Some(2027i64.into()));
    }

    #[test]
    fn p4_rejects_an_empty_text_in_either_language() {
        let mut out = Vec::new();
        let empty = Spanned::new("  ".to_string(), Pos::new(3, 5));
        p4_not_empty(FileId(1), Lang::Ru, &empty, &mut out);
        p4_not_empty(
            FileId(1),
            Lang::Kk,
            &Spanned::new("Бастық".into(), Pos::START),
            &mut out,
        );
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!((out[0].message.id, out[0].rule), ("empty-text", Some("P4")));
        assert_eq!(out[0].loc.pos, empty.pos);
        assert_eq!(arg!(&out[0], "lang"), Some("ru".into()));
    }

    #[test]
    fn p4_rejects_an_untranslated_copy_whitespace_aside() {
        let text = |kk: &str, ru: &str| Text {
            kk: Spanned::new(kk.into(), Pos::new(1, 5)),
            ru: Spanned::new(ru.into(), Pos::new(2, 5)),
            pos: Pos::START,
        };
        let mut out = Vec::new();
        p4_untranslated(
            FileId(4),
            "duties",
            &text("Бөлім бастығы", "Начальник отдела"),
            &mut out,
        );
        assert!(out.is_empty(), "{out:?}");
        p4_untranslated(
            FileId(4),
            "duties",
            &text("Начальник  отдела", "Начальник\nотдела"),
            &mut out,
        );
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(
            (out[0].message.id, out[0].rule),
            ("untranslated-copy", Some("P4"))
        );
        assert_eq!(out[0].loc.pos, Pos::new(2, 5));
        assert_eq!(arg!(&out[0], "field"), Some("duties".into()));
    }

    #[test]
    fn p4_rejects_a_placeholder_left_in_a_vacancy_in_each_language() {
        let mut data = crate::fixture::site_with_every_field();
        let mut out = Vec::new();
        p4_stubs(&data, &mut out);
        assert!(out.is_empty(), "{out:?}");
        let vacancy = Arc::make_mut(&mut data.vacancies[0]);
        vacancy.duties.kk.value = format!("{STUB_OPEN}міндеттері⟧");
        vacancy.duties.ru.value = format!("{STUB_OPEN}обязанности⟧");
        p4_stubs(&data, &mut out);
        assert_eq!(out.len(), 2, "{out:?}");
        for (d, lang) in out.iter().zip(["kk", "ru"]) {
            assert_eq!((d.message.id, d.rule), ("stub-text", Some("P4")));
            assert_eq!(arg!(d, "field"), Some("duties".into()));
            assert_eq!(arg!(d, "lang"), Some(lang.into()));
        }
    }

    #[test]
    fn p4_rejects_a_second_file_for_one_calendar_year() {
        let mut data = crate::fixture::site_with_every_field();
        let mut second = data.calendar[0].clone();
        second.file = FileId(9);
        second.holidays.clear();
        second.days_off.clear();
        second.transfers.clear();
        data.calendar.push(second);
        let mut out = Vec::new();
        p4_calendar(&data, &mut out);
        let duplicate: Vec<_> = out
            .iter()
            .filter(|d| d.message.id == "calendar-duplicate-year")
            .map(|d| d.loc.file)
            .collect();
        assert_eq!(duplicate, [FileId(9)]);
    }
}
