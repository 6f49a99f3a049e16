//! Personal data never reach the public site (RULES.md B12): a public text containing a
//! checksum-valid national ID number (ИИН/ЖСН) is an error. Such numbers belong in the
//! candidate bank only.

use crate::pos_in_text;
use kadr_diagnostic::Diagnostic;
use kadr_model::{FileId, SiteData, Spanned};

/// A public text contains no valid ИИН.
pub fn check_text(file: FileId, s: &Spanned<String>, out: &mut Vec<Diagnostic>) {
    if let Some(offset) = find_iin(s) {
        out.push(Diagnostic::error("personal-data", file, pos_in_text(s, offset)).rule("B12"));
    }
}

/// Nor does a unit's phone or e-mail.
pub fn check_unit_contacts(data: &SiteData, out: &mut Vec<Diagnostic>) {
    for u in &data.units {
        for s in [&u.contacts.phone, &u.contacts.email].into_iter().flatten() {
            if find_iin(s).is_some() {
                out.push(Diagnostic::error("personal-data", u.file, s.pos).rule("B12"));
            }
        }
    }
}

/// The byte offset of the first run of exactly twelve digits that is a valid ИИН: a
/// real birth date (YYMMDD), a century-and-sex digit 1–6, and the check digit of the
/// official algorithm. Business ids (БСН) fail the date test and are not flagged.
pub fn find_iin(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    loop {
        // Most of a text is letters: skip sixteen bytes at a time while none is a digit
        // (a fixed-size block, which the compiler checks with vector instructions).
        while let Some(block) = bytes
            .get(i..i + 16)
            .and_then(|b| <&[u8; 16]>::try_from(b).ok())
            && !block.iter().fold(false, |any, b| any | b.is_ascii_digit())
        {
            i += 16;
        }
        let start = i + bytes[i..].iter().position(u8::is_ascii_digit)?;
        let end = bytes[start..]
            .iter()
            .position(|b| !b.is_ascii_digit())
            .map_or(bytes.len(), |n| start + n);
        if end - start == 12 && is_valid_iin(&text[start..end]) {
            return Some(start);
        }
        i = end;
    }
}

/// Whether twelve ASCII digits form a valid ИИН.
pub fn is_valid_iin(s: &str) -> bool {
    let digits: Vec<u32> = s.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() != 12 || s.len() != 12 {
        return false;
    }
    let century = digits[6];
    let yy = digits[0] * 10 + digits[1];
    let month = (digits[2] * 10 + digits[3]) as i8;
    let day = (digits[4] * 10 + digits[5]) as i8;
    let base = match century {
        1 | 2 => 1800,
        3 | 4 => 1900,
        5 | 6 => 2000,
        _ => return false,
    };
    if jiff::civil::Date::new((base + yy) as i16, month, day).is_err() {
        return false;
    }
    checksum(&digits) == Some(digits[11])
}

/// The ИИН check digit: weights 1…11, and if the sum mod 11 is 10, weights 3…11,1,2;
/// a second 10 means the number is never issued.
fn checksum(d: &[u32]) -> Option<u32> {
    let sum1: u32 = (0..11).map(|i| d[i] * (i as u32 + 1)).sum();
    let c = sum1 % 11;
    if c != 10 {
        return Some(c);
    }
    let sum2: u32 = (0..11).map(|i| d[i] * ((i as u32 + 2) % 11 + 1)).sum();
    let c = sum2 % 11;
    (c != 10).then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_a_valid_iin() {
        // From SPEC.md's sample candidate: born 1990-01-01, a man of the 20th century.
        assert!(is_valid_iin("900101300017"));
    }

    #[test]
    fn rejects_a_wrong_check_digit() {
        assert!(!is_valid_iin("900101300018"));
    }

    #[test]
    fn rejects_an_impossible_birth_date() {
        assert!(!is_valid_iin("901301300017"));
    }

    #[test]
    fn finds_an_iin_inside_text_but_not_in_longer_numbers() {
        assert_eq!(find_iin("ЖСН: 900101300017, тел."), Some("ЖСН: ".len()));
        assert_eq!(find_iin("9001013000170"), None);
        assert_eq!(find_iin("+7 7172 71 21 00"), None);
    }

    /// The plain byte-by-byte search that `find_iin` must agree with.
    fn find_iin_naive(text: &str) -> Option<usize> {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            if i - start == 12 && is_valid_iin(&text[start..i]) {
                return Some(start);
            }
            i += usize::from(i == start);
        }
        None
    }

    #[test]
    fn finds_an_iin_on_either_side_of_a_sixteen_byte_block() {
        let iin = "900101300017";
        for before in 0..40 {
            for after in ["", " ", "0", "ә"] {
                let text = format!("{}{iin}{after}", "x".repeat(before));
                let expected = (after != "0").then_some(before);
                assert_eq!(find_iin(&text), expected, "{text:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_a_byte_by_byte_search(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "900101300017", "9001013000170", "1", "42", "қызмет ", "ru ", " ", "\n", "ӘҒҚ",
                ]),
                0..40,
            )
        ) {
            let text: String = parts.concat();
            proptest::prop_assert_eq!(find_iin(&text), find_iin_naive(&text));
        }
    }

    #[test]
    fn second_weights_are_three_to_eleven_then_one_two() {
        // weights for the second pass, position 0..11: 3,4,5,6,7,8,9,10,11,1,2
        let w: Vec<u32> = (0..11).map(|i| (i + 2) % 11 + 1).collect();
        assert_eq!(w, [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
    }
}
