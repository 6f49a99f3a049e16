//! RULES.md B6: the head of the HR service answers for the completeness and accuracy
//! of the data. What an operator records on the command line is checked as a
//! candidate file is (`crate::candidate`): a date it records is not in the future, a
//! name holds no invisible character, and a candidate file is text that can be read.

use std::path::Path;

use jiff::civil::Date;

use crate::candidate;
use crate::error::{Error, Problem};
use crate::messages::Text;

/// B6: the day an act was signed on (`what`: "approval", "order") is not after today.
pub fn b6_not_in_future(what: &str, day: Date, today: Date) -> Option<Problem> {
    (day > today).then(|| {
        Problem::new(
            "B6",
            Text::new("b6-date-in-future")
                .arg("what", what)
                .arg("day", day.to_string())
                .arg("today", today.to_string()),
        )
    })
}

/// B6: a name given with `flag` holds no invisible character.
pub fn b6_visible(flag: &str, value: &str) -> Result<(), Error> {
    match candidate::invisible_text(flag, value) {
        Some(p) => Err(Error::refused("B6", p)),
        None => Ok(()),
    }
}

/// B6: a candidate file is UTF-8 text of at most 1 MiB; its text.
pub fn b6_candidate_file(file: &Path) -> Result<String, Error> {
    let meta =
        std::fs::metadata(file).map_err(|e| Error::usage(format!("{}: {e}", file.display())))?;
    if meta.len() > candidate::MAX_FILE_BYTES {
        return Err(Error::refused(
            "B6",
            Text::new("b6-file-too-large").arg("file", file.display().to_string()),
        ));
    }
    let bytes =
        std::fs::read(file).map_err(|e| Error::usage(format!("{}: {e}", file.display())))?;
    String::from_utf8(bytes).map_err(|_| {
        Error::refused(
            "B6",
            Text::new("b6-not-utf8").arg("file", file.display().to_string()),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn rule_of(r: Result<impl std::fmt::Debug, Error>) -> Option<&'static str> {
        match r {
            Err(Error::Refused(r)) => Some(r.problems[0].rule),
            _ => None,
        }
    }

    #[test]
    fn b6_refuses_an_order_dated_after_today() {
        let today = date(2026, 11, 27);
        let p = b6_not_in_future("order", date(2026, 11, 28), today).expect("refused");
        assert_eq!(
            (p.rule, p.message.as_str()),
            (
                "B6",
                "the order date 2026-11-28 is in the future (today is 2026-11-27)"
            )
        );
        assert!(b6_not_in_future("order", today, today).is_none());
    }

    #[test]
    fn b6_refuses_a_name_with_an_invisible_character() {
        assert!(b6_visible("--by", "Департамент бастығы А. Б. Сәрсенов").is_ok());
        assert_eq!(
            rule_of(b6_visible("--by", "А.\u{200B}Б. Сәрсенов")),
            Some("B6")
        );
    }

    #[test]
    fn b6_refuses_a_candidate_file_that_is_not_utf8_text() {
        let dir = std::env::temp_dir().join(format!("kadr-b6-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let file = dir.join("candidate.yaml");
        std::fs::write(&file, b"surname: \xff\xfe\n").expect("written");
        assert_eq!(rule_of(b6_candidate_file(&file)), Some("B6"));
        std::fs::write(&file, "surname: Сейітов\n").expect("written");
        assert_eq!(
            b6_candidate_file(&file).ok().as_deref(),
            Some("surname: Сейітов\n")
        );
        std::fs::remove_dir_all(&dir).expect("removed");
    }
}
