//! RULES.md P2: the departmental information-reference system is the ministry's
//! official web resource. The output is a static site served as it is, under the
//! base URL of site.yaml: an absolute `https` (a plain `http` one is a warning)
//! address with a host and nothing after its path, since every output address is made
//! by appending to it.

use kadr_diagnostic::Diagnostic;
use kadr_model::SiteData;

/// P2: the site is served under an absolute base URL.
pub fn p2_base_url(data: &SiteData, out: &mut Vec<Diagnostic>) {
    let Some(site) = &data.site else { return };
    let url = &site.base_url;
    // A placeholder `kadr init` wrote is reported as such (check::stubs).
    let url_is_placeholder = crate::stubs::is_placeholder(url);
    // An absolute http(s) address with a host, and nothing after the path: every
    // output address is made by appending to it.
    let parsed = url::Url::parse(url).ok().filter(|u| {
        matches!(u.scheme(), "http" | "https")
            && u.host_str().is_some_and(|h| !h.is_empty())
            && u.query().is_none()
            && u.fragment().is_none()
            && u.username().is_empty()
            && u.password().is_none()
            && !url.contains(char::is_whitespace)
            // `https:///x` parses with the host `x`: the address must name its host.
            && url
                .split_once("://")
                .is_some_and(|(_, rest)| !rest.is_empty() && !rest.starts_with('/'))
    });
    match parsed {
        _ if url_is_placeholder => {}
        Some(u) => {
            if u.scheme() == "http" {
                out.push(Diagnostic::warning("base-url-http", site.file, url.pos).rule("P2"));
            }
        }
        None => out.push(
            Diagnostic::error("bad-base-url", site.file, url.pos)
                .rule("P2")
                .arg("value", url.value.as_str()),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kadr_diagnostic::Severity;

    /// What [`p2_base_url`] says of a site whose base URL is `url`.
    fn base_url(url: &str) -> Vec<(&'static str, Option<&'static str>, Severity)> {
        let mut data = crate::fixture::site_with_every_field();
        let site = data.site.as_mut().expect("filled");
        site.base_url.value = url.into();
        let at = site.base_url.pos;
        let mut out = Vec::new();
        p2_base_url(&data, &mut out);
        assert!(out.iter().all(|d| d.loc.pos == at), "{out:?}");
        out.iter()
            .map(|d| (d.message.id, d.rule, d.severity))
            .collect()
    }

    #[test]
    fn p2_accepts_an_absolute_https_base_url() {
        assert_eq!(base_url("https://police.gov.kz/"), []);
        assert_eq!(base_url("https://police.gov.kz/kk/kadr"), []);
    }

    #[test]
    fn p2_warns_of_a_plain_http_base_url() {
        assert_eq!(
            base_url("http://police.gov.kz/"),
            [("base-url-http", Some("P2"), Severity::Warning)]
        );
    }

    #[test]
    fn p2_rejects_a_base_url_that_is_not_an_absolute_address() {
        for bad in [
            "police.gov.kz",
            "/kadr/",
            "https:///kadr",
            "https://police.gov.kz/?lang=kk",
            "https://police.gov.kz/#kadr",
            "ftp://police.gov.kz/",
        ] {
            assert_eq!(
                base_url(bad),
                [("bad-base-url", Some("P2"), Severity::Error)],
                "{bad}"
            );
        }
    }

    #[test]
    fn p2_leaves_a_placeholder_base_url_to_the_placeholder_warning() {
        assert_eq!(
            base_url(&format!("{}site address⟧", kadr_model::STUB_OPEN)),
            []
        );
    }
}
