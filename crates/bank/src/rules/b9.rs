//! RULES.md B9: within one year from passing the competition, a candidate who meets
//! the qualification requirements may be appointed, without a new competition, to a
//! position of the relevant category. Who may be on a list for a vacancy, or be
//! appointed to it: not yet appointed (B11), of the vacancy's category, and within the
//! year (`eligibility::within_a_year`, which the eligibility query also uses).

use jiff::civil::Date;

use crate::eligibility;
use crate::error::{Error, Problem};
use crate::messages::Text;
use crate::rules::b11::b11_not_appointed;
use crate::site::VacancyInfo;
use crate::store::records::{Person, person_id};

/// B9: why a person may not be on a list for, or be appointed to, vacancy `v` on
/// `day`; nothing more once they are appointed (B11).
pub fn b9_eligible(p: &Person, v: &VacancyInfo, day: Date) -> Vec<Problem> {
    if let Some(appointed) = b11_not_appointed(p) {
        return vec![appointed];
    }
    b9_category(p, v)
        .into_iter()
        .chain(b9_within_a_year(p, day))
        .collect()
}

/// B9: the person is recommended for the vacancy's category.
pub fn b9_category(p: &Person, v: &VacancyInfo) -> Option<Problem> {
    (p.category != v.category).then(|| {
        Problem::new(
            "B9",
            Text::new("b9-category")
                .arg("person", person_id(p.id))
                .arg("category", &p.category)
                .arg("vacancy", &v.id)
                .arg("vacancy_category", &v.category),
        )
    })
}

/// B9: the person passed the competition within the year before `day`.
pub fn b9_within_a_year(p: &Person, day: Date) -> Option<Problem> {
    (!eligibility::within_a_year(p.competition_date, day)).then(|| {
        Problem::new(
            "B9",
            Text::new("b9-within-a-year")
                .arg("person", person_id(p.id))
                .arg("date", p.competition_date.to_string())
                .arg("day", day.to_string()),
        )
    })
}

/// B9: a list is made for a vacant position.
pub fn b9_vacant(v: &VacancyInfo) -> Result<(), Error> {
    if v.is_vacant() {
        return Ok(());
    }
    Err(Error::refused(
        "B9",
        Text::new("b9-vacant")
            .arg("vacancy", &v.id)
            .arg("status", &v.status),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixture::{candidate, vacancy};
    use crate::store::records::Appointment;
    use jiff::civil::date;

    fn rules(problems: &[Problem]) -> Vec<&'static str> {
        problems.iter().map(|p| p.rule).collect()
    }

    #[test]
    fn b9_a_candidate_of_the_category_within_the_year_is_eligible() {
        assert!(b9_eligible(&candidate(1), &vacancy("open"), date(2026, 11, 27)).is_empty());
    }

    #[test]
    fn b9_refuses_a_competition_passed_a_year_ago_or_more() {
        let p = candidate(1);
        let problems = b9_eligible(&p, &vacancy("open"), date(2027, 10, 15));
        assert_eq!(rules(&problems), ["B9"]);
        assert_eq!(
            problems[0].message,
            "cand-0001 passed the competition on 2026-10-15, not within the year before 2027-10-15"
        );
        assert!(b9_within_a_year(&p, date(2027, 10, 14)).is_none());
    }

    #[test]
    fn b9_refuses_a_candidate_of_another_category() {
        let mut v = vacancy("open");
        v.category = "C-2".into();
        let problems = b9_eligible(&candidate(2), &v, date(2028, 1, 1));
        assert_eq!(rules(&problems), ["B9", "B9"]);
        assert!(problems[0].message.contains("recommended for category C-3"));
    }

    #[test]
    fn b9_an_appointed_candidate_is_refused_under_b11_only() {
        let mut p = candidate(3);
        p.appointment = Some(Appointment {
            vacancy: "2026-dp-astana-0150".into(),
            order_number: "№ 123".into(),
            order_date: date(2026, 11, 1),
            appointed_by: "aliya".into(),
        });
        p.category = "C-2".into();
        assert_eq!(
            rules(&b9_eligible(&p, &vacancy("open"), date(2026, 11, 27))),
            ["B11"]
        );
    }

    #[test]
    fn b9_a_list_is_for_a_vacant_position() {
        assert!(b9_vacant(&vacancy("open")).is_ok());
        match b9_vacant(&vacancy("filled")) {
            Err(Error::Refused(r)) => assert_eq!(r.problems[0].rule, "B9"),
            other => panic!("{other:?}"),
        }
    }
}
