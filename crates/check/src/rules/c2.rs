//! RULES.md C2: the general civil-service competition runs on the eqyzmet.gov.kz
//! portal. A vacancy may link to its competition on an external portal, and that link
//! is an `https` address.

use kadr_diagnostic::Diagnostic;
use kadr_model::SiteData;

/// C2: the competition runs on an external portal; link to it over HTTPS only.
pub fn c2_competition_url(data: &SiteData, out: &mut Vec<Diagnostic>) {
    for v in &data.vacancies {
        if let Some(url) = &v.competition_url {
            let ok = url
                .strip_prefix("https://")
                .is_some_and(|rest| !rest.is_empty() && !rest.contains(char::is_whitespace));
            if !ok {
                out.push(
                    Diagnostic::error("competition-url", v.file, url.pos)
                        .rule("C2")
                        .arg("url", url.value.as_str()),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    /// What [`c2_competition_url`] says of a vacancy whose competition link is `url`.
    fn competition_url(url: Option<&str>) -> Vec<Diagnostic> {
        let mut data = crate::fixture::site_with_every_field();
        let vacancy = Arc::make_mut(&mut data.vacancies[0]);
        match url {
            Some(url) => vacancy.competition_url.as_mut().expect("filled").value = url.into(),
            None => vacancy.competition_url = None,
        }
        let mut out = Vec::new();
        c2_competition_url(&data, &mut out);
        out
    }

    #[test]
    fn c2_accepts_an_https_link_to_the_portal_or_none() {
        let url = "https://eqyzmet.gov.kz/competitions/12345";
        assert!(competition_url(Some(url)).is_empty());
        assert!(competition_url(None).is_empty());
    }

    #[test]
    fn c2_rejects_a_competition_link_that_is_not_https() {
        for bad in [
            "http://eqyzmet.gov.kz/competitions/12345",
            "eqyzmet.gov.kz",
            "https://",
            "https://eqyzmet.gov.kz/a b",
        ] {
            let out = competition_url(Some(bad));
            assert_eq!(out.len(), 1, "{bad}: {out:?}");
            let d = &out[0];
            assert_eq!(
                (d.message.id, d.rule),
                ("competition-url", Some("C2")),
                "{bad}"
            );
            assert!(d.is_error());
            assert!(
                d.message
                    .args
                    .iter()
                    .any(|(k, v)| *k == "url" && *v == bad.into())
            );
        }
    }
}
