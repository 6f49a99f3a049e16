//! RULES.md B11: on appointment, the candidate's data move to the employees. One
//! command appoints, to a position that is still vacant on the site and that no one in
//! the bank was appointed to, a candidate who is not already an employee.

use crate::error::{Error, Problem};
use crate::messages::Text;
use crate::site::VacancyInfo;
use crate::store::records::{Person, person_id};

/// B11: the person is still a candidate, not an employee.
pub fn b11_not_appointed(p: &Person) -> Option<Problem> {
    p.appointment.as_ref().map(|a| {
        Problem::new(
            "B11",
            Text::new("b11-appointed")
                .arg("person", person_id(p.id))
                .arg("vacancy", &a.vacancy)
                .arg("order", &a.order_number)
                .arg("date", a.order_date.to_string()),
        )
    })
}

/// B11: the vacancy is still vacant on the site.
pub fn b11_vacant(v: &VacancyInfo) -> Result<(), Error> {
    if v.is_vacant() {
        return Ok(());
    }
    Err(Error::refused(
        "B11",
        Text::new("b11-vacant")
            .arg("vacancy", &v.id)
            .arg("status", &v.status),
    ))
}

/// B11: no one in the bank was appointed to the vacancy yet (`employee`: the one who
/// was, if any).
pub fn b11_not_yet_filled(v: &VacancyInfo, employee: Option<&Person>) -> Result<(), Error> {
    let Some(e) = employee else { return Ok(()) };
    let text = match &e.appointment {
        Some(a) => Text::new("b11-filled")
            .arg("order", &a.order_number)
            .arg("date", a.order_date.to_string()),
        None => Text::new("b11-filled-without-order"),
    };
    Err(Error::refused(
        "B11",
        text.arg("person", person_id(e.id)).arg("vacancy", &v.id),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixture::{candidate, vacancy};
    use crate::store::records::Appointment;
    use jiff::civil::date;

    fn appointed(id: i64) -> Person {
        let mut p = candidate(id);
        p.appointment = Some(Appointment {
            vacancy: "2026-dp-astana-0171".into(),
            order_number: "№ 123".into(),
            order_date: date(2026, 11, 25),
            appointed_by: "aliya".into(),
        });
        p
    }

    fn refusal(r: Result<(), Error>) -> Option<(&'static str, String)> {
        match r {
            Err(Error::Refused(r)) => Some((r.problems[0].rule, r.problems[0].message.clone())),
            _ => None,
        }
    }

    #[test]
    fn b11_refuses_a_candidate_who_is_already_an_employee() {
        assert!(b11_not_appointed(&candidate(1)).is_none());
        let p = b11_not_appointed(&appointed(1)).expect("refused");
        assert_eq!(
            (p.rule, p.message.as_str()),
            (
                "B11",
                "cand-0001 was appointed to 2026-dp-astana-0171 by order № 123 of 2026-11-25"
            )
        );
    }

    #[test]
    fn b11_refuses_to_appoint_to_a_filled_or_cancelled_vacancy() {
        assert!(b11_vacant(&vacancy("open")).is_ok());
        assert!(b11_vacant(&vacancy("closed")).is_ok());
        for status in ["filled", "cancelled"] {
            assert_eq!(
                refusal(b11_vacant(&vacancy(status))).map(|(rule, _)| rule),
                Some("B11")
            );
        }
    }

    #[test]
    fn b11_refuses_a_second_appointment_to_one_vacancy() {
        let v = vacancy("open");
        assert!(b11_not_yet_filled(&v, None).is_ok());
        assert_eq!(
            refusal(b11_not_yet_filled(&v, Some(&appointed(4)))),
            Some((
                "B11",
                "cand-0004 was appointed to 2026-dp-astana-0171 by order № 123 of 2026-11-25; mark it filled on the site".to_string()
            ))
        );
    }
}
