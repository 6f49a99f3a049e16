//! Contact details (phone, e-mail) everywhere. (The rules of site.yaml are P2's and
//! P3's: `rules::p2`, `rules::p3`.)

use kadr_diagnostic::Diagnostic;
use kadr_model::{Contacts, FileId, SiteData};

/// Phone numbers and e-mail addresses of units and vacancies.
pub fn check_contacts(data: &SiteData, out: &mut Vec<Diagnostic>) {
    for u in &data.units {
        contacts(u.file, &u.contacts, true, out);
        if u.contacts.phone.is_none() && u.contacts.email.is_none() {
            out.push(Diagnostic::error("no-contacts", u.file, u.id.pos));
        }
    }
    for v in &data.vacancies {
        if let Some(c) = &v.contacts {
            contacts(v.file, c, false, out);
        }
    }
}

/// The contacts' formats. A unit's placeholder (`kadr init` writes them) is reported as
/// such instead (`check::stubs`); a vacancy's must be filled in.
fn contacts(file: FileId, c: &Contacts, unit: bool, out: &mut Vec<Diagnostic>) {
    let filled = |s: &str| !(unit && crate::stubs::is_placeholder(s));
    if let Some(phone) = &c.phone
        && filled(phone)
        && !is_phone(phone)
    {
        out.push(
            Diagnostic::error("bad-phone", file, phone.pos).arg("value", phone.value.as_str()),
        );
    }
    if let Some(email) = &c.email
        && filled(email)
        && !is_email(email)
    {
        out.push(
            Diagnostic::error("bad-email", file, email.pos).arg("value", email.value.as_str()),
        );
    }
}

/// A Kazakhstan number in international form: `+7` and ten more digits, grouped by
/// spaces, hyphens or parentheses.
pub fn is_phone(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("+7") else {
        return false;
    };
    rest.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')'))
        && rest.chars().filter(char::is_ascii_digit).count() == 10
}

/// A plain address `local@domain.tld`: ASCII, one `@`, a dotted domain of letters,
/// digits and hyphens. Not every RFC 5322 address, but every one a ministry uses.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._%+-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
    local_ok && domain_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_kazakhstan_phone_numbers() {
        assert!(is_phone("+7 7172 71 21 00"));
        assert!(is_phone("+7 (727) 254-40-00"));
        assert!(!is_phone("8 727 254 40 00"));
        assert!(!is_phone("+7 727 254 40"));
        assert!(!is_phone("+7 727 254 40 00 ext. 5"));
    }

    #[test]
    fn rejects_malformed_email() {
        assert!(is_email("kadr@example.gov.kz"));
        assert!(is_email("kadr.dp-almaty@example.gov.kz"));
        for bad in [
            "kadr@",
            "@example.kz",
            "kadr@example",
            "kadr example@x.kz",
            "kadr@@x.kz",
            "кадр@x.kz",
            "a..b@x.kz",
            "a@x.k",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }
}
