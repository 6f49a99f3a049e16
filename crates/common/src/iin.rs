//! The national identification number (ИИН/ЖСН), RULES.md B6 and B12: twelve digits,
//! the first six the birth date (YYMMDD), the seventh the century and sex (1–2: 19th
//! century, 3–4: 20th, 5–6: 21st), the twelfth a check digit. The bank validates a
//! candidate's number with it (and says what is wrong); the site's check finds numbers
//! that are valid ИИН in public text with [`is_valid_iin`]. One algorithm for both.

use jiff::civil::Date;

/// Whether twelve ASCII digits are a valid ИИН: a real birth date, a century digit 1–6
/// and the right check digit.
pub fn is_valid_iin(s: &str) -> bool {
    birth_date_of(s).is_ok()
}

/// Why a number is not the ИИН of a person born on a given date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IinProblem {
    NotTwelveDigits,
    /// The seventh digit is not 1–6.
    CenturyDigit(char),
    /// The first six digits are not a calendar date.
    NoDate(String),
    WrongCheckDigit,
    /// A number whose check digit comes out as 10 twice is never issued.
    NeverIssued,
    /// The number encodes another birth date (or century) than the one stated.
    BirthDateDisagrees {
        encoded: Date,
        stated: Date,
    },
}

impl std::fmt::Display for IinProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            IinProblem::NotTwelveDigits => f.write_str("an ИИН is exactly twelve digits"),
            IinProblem::CenturyDigit(c) => write!(
                f,
                "the seventh digit ({c}) must be 1–6 (century and sex: 1–2 born 1800–1899, 3–4 born 1900–1999, 5–6 born 2000–2099)"
            ),
            IinProblem::NoDate(d) => {
                write!(f, "the first six digits ({d}) are not a date (YYMMDD)")
            }
            IinProblem::WrongCheckDigit => {
                f.write_str("the check digit (the twelfth) is wrong: a typing error?")
            }
            IinProblem::NeverIssued => f.write_str(
                "no ИИН has these first eleven digits (the check digit cannot be computed)",
            ),
            IinProblem::BirthDateDisagrees { encoded, stated } => write!(
                f,
                "the ИИН encodes the birth date {encoded}, but birth_date is {stated}"
            ),
        }
    }
}

/// Checks that `iin` is a valid ИИН of a person born on `birth_date`.
pub fn check(iin: &str, birth_date: Date) -> Result<(), IinProblem> {
    let encoded = birth_date_of(iin)?;
    if encoded != birth_date {
        return Err(IinProblem::BirthDateDisagrees {
            encoded,
            stated: birth_date,
        });
    }
    Ok(())
}

/// The birth date a valid ИИН encodes.
pub fn birth_date_of(iin: &str) -> Result<Date, IinProblem> {
    if iin.len() != 12 || !iin.bytes().all(|b| b.is_ascii_digit()) {
        return Err(IinProblem::NotTwelveDigits);
    }
    let digits: Vec<u32> = iin.bytes().map(|b| u32::from(b - b'0')).collect();
    let century_base = match digits[6] {
        1 | 2 => 1800,
        3 | 4 => 1900,
        5 | 6 => 2000,
        _ => return Err(IinProblem::CenturyDigit(char::from(iin.as_bytes()[6]))),
    };
    let two = |i: usize| digits[i] * 10 + digits[i + 1];
    let year = century_base + two(0) as i16;
    let date = Date::new(year, two(2) as i8, two(4) as i8)
        .map_err(|_| IinProblem::NoDate(iin[..6].to_string()))?;
    match check_digit(&digits) {
        None => Err(IinProblem::NeverIssued),
        Some(c) if c != digits[11] => Err(IinProblem::WrongCheckDigit),
        Some(_) => Ok(date),
    }
}

/// The official algorithm: weights 1…11, sum mod 11; if that is 10, weights
/// 3…11, 1, 2; a second 10 means the number is never issued.
fn check_digit(d: &[u32]) -> Option<u32> {
    let first: u32 = (0..11).map(|i| d[i] * (i as u32 + 1)).sum::<u32>() % 11;
    if first != 10 {
        return Some(first);
    }
    let second: u32 = (0..11)
        .map(|i| d[i] * ((i as u32 + 2) % 11 + 1))
        .sum::<u32>()
        % 11;
    (second != 10).then_some(second)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn accepts_the_spec_sample_candidate() {
        assert_eq!(check("900101300017", date(1990, 1, 1)), Ok(()));
    }

    #[test]
    fn rejects_a_wrong_check_digit() {
        assert_eq!(
            check("900101300018", date(1990, 1, 1)),
            Err(IinProblem::WrongCheckDigit)
        );
    }

    #[test]
    fn rejects_a_birth_date_that_disagrees() {
        assert_eq!(
            check("900101300017", date(1990, 1, 2)),
            Err(IinProblem::BirthDateDisagrees {
                encoded: date(1990, 1, 1),
                stated: date(1990, 1, 2)
            })
        );
    }

    #[test]
    fn the_century_digit_decides_the_century() {
        // Same YYMMDD, century digit 5 (born 2000–2099): check digit recomputed.
        let iin = with_check_digit("9001015000");
        assert_eq!(birth_date_of(&iin), Ok(date(2090, 1, 1)));
        assert_eq!(
            check(&iin, date(1990, 1, 1)),
            Err(IinProblem::BirthDateDisagrees {
                encoded: date(2090, 1, 1),
                stated: date(1990, 1, 1)
            })
        );
    }

    #[test]
    fn rejects_a_century_digit_outside_one_to_six() {
        assert_eq!(
            birth_date_of("900101700017"),
            Err(IinProblem::CenturyDigit('7'))
        );
    }

    #[test]
    fn rejects_an_impossible_date() {
        assert_eq!(
            birth_date_of("900230300017"),
            Err(IinProblem::NoDate("900230".into()))
        );
    }

    #[test]
    fn rejects_other_lengths_and_non_digits() {
        for s in [
            "90010130001",
            "9001013000170",
            "90010130001a",
            "９００１０１３０００１７",
        ] {
            assert_eq!(birth_date_of(s), Err(IinProblem::NotTwelveDigits), "{s}");
        }
    }

    #[test]
    fn uses_the_second_weights_when_the_first_sum_gives_ten() {
        // Some eleven digits of a 1990-01-01 birth whose first pass gives 10.
        let digits = (0..1000)
            .map(|serial| {
                let s = format!("9001013{serial:04}");
                s.bytes().map(|b| u32::from(b - b'0')).collect::<Vec<u32>>()
            })
            .find(|d| (0..11).map(|i| d[i] * (i as u32 + 1)).sum::<u32>() % 11 == 10)
            .expect("one serial in a thousand gives 10");
        let second = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]
            .iter()
            .zip(&digits)
            .map(|(w, x)| w * x)
            .sum::<u32>()
            % 11;
        let expected = (second != 10).then_some(second);
        assert_eq!(check_digit(&digits), expected);
    }

    /// Appends the check digit to the first eleven digits (test helper; `ten` digits
    /// plus a serial digit `0` are completed to eleven).
    fn with_check_digit(ten: &str) -> String {
        let eleven = format!("{ten}0");
        let d: Vec<u32> = eleven.bytes().map(|b| u32::from(b - b'0')).collect();
        let c = check_digit(&d).expect("a number that is issued");
        format!("{eleven}{c}")
    }
}
