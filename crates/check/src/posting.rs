//! What a real posting states besides the form's texts: its pay (tenge a month before
//! tax, `max ≥ min`; a published posting without it is a warning, since announcements
//! must state it), and a unit's postcode (six digits) for the address the page and its
//! JSON-LD give.

use kadr_diagnostic::Diagnostic;
use kadr_model::{SiteData, Status};

pub fn check_posting(data: &SiteData, out: &mut Vec<Diagnostic>) {
    for v in &data.vacancies {
        match &v.salary {
            Some(salary) => {
                if let Some(max) = &salary.max
                    && max.value < salary.min.value
                {
                    out.push(
                        Diagnostic::error("salary-max-below-min", v.file, max.pos)
                            .arg("min", salary.min.value)
                            .arg("max", max.value),
                    );
                }
            }
            None if v.status.value != Status::Draft => {
                out.push(Diagnostic::warning("no-salary", v.file, v.id.pos));
            }
            None => {}
        }
    }
    for u in &data.units {
        if let Some(code) = &u.postal_code
            && !(code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()))
        {
            out.push(
                Diagnostic::error("bad-postal-code", u.file, code.pos)
                    .arg("value", code.value.as_str()),
            );
        }
    }
}
