//! The working-day calendar files are sound, and P4: a posting is published within N
//! working days of the day the vacancy arose (N = `publish_within_working_days`).

use kadr_calendar::{self as calendar, Calendar};
use kadr_diagnostic::Diagnostic;
use kadr_model::SiteData;

pub fn check_calendar(data: &SiteData, out: &mut Vec<Diagnostic>) {
    let mut years = std::collections::HashMap::new();
    for year in &data.calendar {
        for (pos, problem) in calendar::problems(year) {
            out.push(
                Diagnostic::error("calendar-problem", year.file, pos)
                    .rule("P4")
                    .arg("detail", problem.to_string()),
            );
        }
        if let Some(first) = years.insert(year.year.value, year.file) {
            let _ = first;
            out.push(
                Diagnostic::error("calendar-duplicate-year", year.file, year.year.pos)
                    .arg("year", i64::from(year.year.value)),
            );
        }
    }
}

/// P4: the last allowed publication date, and by how many working days a later one is
/// late. Late with a recorded `late_reason` is a warning; without, an error.
pub fn check_p4_deadline(data: &SiteData, out: &mut Vec<Diagnostic>) {
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
