//! RULES.md B5: the head of the body approves the list of candidates, at least three
//! persons per vacant position. A list with fewer cannot be made or approved, and an
//! approved list does not change (a new one is made instead).

use crate::error::{Error, Problem};
use crate::messages::Text;
use crate::store::records::{List, list_id};

/// B5: a new list names at least three persons.
pub fn b5_list_names_three(named: usize) -> Option<Problem> {
    (named < 3).then(|| Problem::new("B5", Text::new("b5-list-names-three").arg("named", named)))
}

/// B5: a list still names at least three candidates when it is approved: some may
/// have been appointed or purged (R9) since it was made.
pub fn b5_list_still_names_three(list: &List, present: usize) -> Option<Problem> {
    (present < 3).then(|| {
        Problem::new(
            "B5",
            Text::new("b5-list-still-names-three")
                .arg("list", list_id(list.id))
                .arg("present", present),
        )
    })
}

/// B5: an approved list is immutable.
pub fn b5_not_yet_approved(list: &List) -> Result<(), Error> {
    match &list.approval {
        Some(a) => Err(Error::refused(
            "B5",
            Text::new("b5-approved")
                .arg("list", list_id(list.id))
                .arg("on", a.on.to_string())
                .arg("by", &a.by),
        )),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::records::Approval;
    use jiff::civil::date;

    fn list(approval: Option<Approval>) -> List {
        List {
            id: 7,
            vacancy: "2026-dp-astana-0171".into(),
            category: "C-3".into(),
            created_by: "aliya".into(),
            approval,
            members: vec![1, 2, 3],
        }
    }

    #[test]
    fn b5_refuses_a_list_of_two_candidates() {
        let p = b5_list_names_three(2).expect("refused");
        assert_eq!(p.rule, "B5");
        assert!(p.message.ends_with("this one names 2"), "{}", p.message);
        assert!(b5_list_names_three(3).is_none());
    }

    #[test]
    fn b5_refuses_to_approve_a_list_that_names_two_candidates_now() {
        let p = b5_list_still_names_three(&list(None), 2).expect("refused");
        assert_eq!(
            (p.rule, p.message.as_str()),
            (
                "B5",
                "list-0007 names 2 candidates now; a list needs at least three per vacant position"
            )
        );
        assert!(b5_list_still_names_three(&list(None), 3).is_none());
    }

    #[test]
    fn b5_an_approved_list_is_immutable() {
        assert!(b5_not_yet_approved(&list(None)).is_ok());
        let approved = list(Some(Approval {
            by: "Департамент бастығы А. Б. Сәрсенов".into(),
            on: date(2026, 11, 20),
            recorded_by: "aliya".into(),
        }));
        match b5_not_yet_approved(&approved) {
            Err(Error::Refused(r)) => {
                assert_eq!(r.problems[0].rule, "B5");
                assert!(
                    r.problems[0]
                        .message
                        .starts_with("list-0007 was approved on 2026-11-20")
                );
            }
            other => panic!("{other:?}"),
        }
    }
}
