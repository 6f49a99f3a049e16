//! Dates of a vacancy are consistent: it arose before it was published, was published
//! before its deadline, and was not updated before it was published or after today.
//! (How late it may be published is P4's, `rules::p4`; its competition link C2's.)

use jiff::civil::Date;

use kadr_diagnostic::Diagnostic;
use kadr_model::SiteData;

pub fn check_dates(data: &SiteData, today: Date, out: &mut Vec<Diagnostic>) {
    for v in &data.vacancies {
        if *v.published_on < *v.arose_on {
            out.push(
                Diagnostic::error("published-before-arose", v.file, v.published_on.pos)
                    .arg("published", v.published_on.to_string())
                    .arg("arose", v.arose_on.to_string()),
            );
        }
        if *v.deadline < *v.published_on {
            out.push(
                Diagnostic::error("deadline-before-published", v.file, v.deadline.pos)
                    .arg("deadline", v.deadline.to_string())
                    .arg("published", v.published_on.to_string()),
            );
        }
        if let Some(updated) = &v.updated_on {
            if **updated < *v.published_on {
                out.push(
                    Diagnostic::error("updated-before-published", v.file, updated.pos)
                        .arg("updated", updated.to_string())
                        .arg("published", v.published_on.to_string()),
                );
            }
            if **updated > today {
                out.push(
                    Diagnostic::error("updated-in-future", v.file, updated.pos)
                        .arg("updated", updated.to_string())
                        .arg("today", today.to_string()),
                );
            }
        }
    }
}
