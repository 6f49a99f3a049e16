//! The rules of RULES.md that the bank's commands enforce on top of the store, one
//! module per rule id, each rule a function named by that id (`b5_…`, `b9_…`), so
//! that `grep -rn "fn b9" crates/` finds every check of B9:
//!
//! - [`b5`]: a list names at least three candidates per vacant position, and an
//!   approved list does not change;
//! - [`b6`]: what an operator records is complete and accurate (no date in the future,
//!   no invisible character in a name, a candidate file that can be read);
//! - [`b9`]: who may be on a list for a vacancy, or be appointed to it, without a new
//!   competition (the dates and the ranking are [`crate::eligibility`]'s);
//! - [`b11`]: an appointment moves a candidate to the employees, once, to a vacant
//!   position;
//! - [`k20`]: each authorised user is listed once and opens the bank with a
//!   passphrase of their own.
//!
//! The checks of a candidate file (B2, B3, B4, B6) are [`crate::candidate`]'s; those of
//! the store (B12, K19, K26, and K20 when it opens) are [`crate::store`]'s.

pub mod b11;
pub mod b5;
pub mod b6;
pub mod b9;
pub mod k20;

#[cfg(test)]
pub(crate) mod fixture {
    //! A candidate and a vacancy for the rules' tests.

    use jiff::civil::date;

    use crate::site::VacancyInfo;
    use crate::store::records::Person;

    /// Candidate `id`, of category C-3, who passed the competition on 15 October 2026.
    pub fn candidate(id: i64) -> Person {
        Person {
            id,
            unit: "dp-astana".into(),
            surname: "Сейітов".into(),
            name: "Ержан".into(),
            patronymic: Some("Маратұлы".into()),
            birth_date: date(1990, 1, 1),
            iin: "900101300017".into(),
            education_kk: "2012, ҚазҰУ, заңгер".into(),
            education_ru: "2012, КазНУ, юрист".into(),
            category: "C-3".into(),
            decision: "№ 14".into(),
            competition_date: date(2026, 10, 15),
            indicator: 87.5,
            formula: None,
            components: None,
            appointment: None,
        }
    }

    /// An open vacancy of category C-3.
    pub fn vacancy(status: &str) -> VacancyInfo {
        VacancyInfo {
            id: "2026-dp-astana-0171".into(),
            category: "C-3".into(),
            unit: "dp-astana".into(),
            status: status.into(),
            file: "vacancies/2026-dp-astana-0171.yaml".into(),
            status_line: 3,
        }
    }
}
