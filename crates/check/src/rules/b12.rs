//! RULES.md B12, the bank's data are protected: personal data never reach the public
//! site. No field that is published
//! may hold a checksum-valid national ID number (ИИН/ЖСН), written plainly or in
//! disguise. Such numbers belong in the candidate bank only.
//!
//! What is published is not only what was written: a text is scanned as written and,
//! where Markdown could change what it shows, as rendered (`published`); addresses also
//! percent-decoded. How digits are read (normalisation, separators, which runs are one
//! number) is `iin`'s module doc.
//!
//! Every field a user writes that reaches an output (pages, feeds, `vacancies.json`,
//! JSON-LD, the sitemap, file paths) is scanned:
//!
//! - every [`Text`](kadr_model::Text) through `check::check_text` (titles, names,
//!   addresses, positions, duties, conditions, documents, requirements, holiday names …),
//!   with [`b12_text`];
//! - the site's base URL and section names and slugs, unit, category, requirement and
//!   vacancy ids and references, contacts and competition links, with [`b12_fields`].
//!
//! A new field that reaches an output belongs in one of the two lists (`check::
//! vacancy_texts`, `check::shared_texts`, or [`b12_fields`]); a unit test walks the
//! records of a site with every field filled and fails on a string that no list holds.

use crate::{iin, pos_in_text, published};
use kadr_diagnostic::Diagnostic;
use kadr_model::{Contacts, FileId, Pos, SiteData, Spanned};

/// B12: a candidate bank kept inside the site's folder could be published with it
/// (copied by a deploy, committed to git): each one the loader found is an error.
pub fn b12_bank_in_site(data: &SiteData, out: &mut Vec<Diagnostic>) {
    for (file, rel) in &data.bank_stores {
        out.push(
            Diagnostic::error("bank-in-site", *file, Pos::START)
                .rule("B12")
                .arg("path", rel.as_str()),
        );
    }
}

/// A human-readable public text (Markdown or not) contains no ИИН, as written or as
/// rendered.
pub fn b12_text(file: FileId, s: &Spanned<String>, out: &mut Vec<Diagnostic>) {
    if let Some(offset) = find_in_text(s) {
        out.push(personal_data(file, pos_in_text(s, offset)));
    }
}

/// Nor does any other published field: addresses, names of the section, ids and
/// references, contacts.
pub fn b12_fields(data: &SiteData, out: &mut Vec<Diagnostic>) {
    for (file, s, kind) in published_fields(data) {
        match kind {
            Field::Text => b12_text(file, s, out),
            Field::Value => {
                if find_in_value(s) {
                    out.push(personal_data(file, s.pos));
                }
            }
        }
    }
}

/// How a field is published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    /// Human-readable text in one language.
    Text,
    /// Published as written: an id, a slug, a code, a phone number, an address.
    Value,
}

/// Every published field that is not a [`Text`](kadr_model::Text) pair.
fn published_fields(data: &SiteData) -> Vec<(FileId, &Spanned<String>, Field)> {
    let mut out = Vec::new();
    if let Some(site) = &data.site {
        out.push((site.file, &site.base_url, Field::Value));
        if let Some(emblem) = &site.emblem {
            out.push((site.file, emblem, Field::Value));
        }
        for lang in crate::LANGS {
            let names = site.section.get(lang);
            out.push((site.file, &names.parent, Field::Text));
            out.push((site.file, &names.title, Field::Text));
            out.push((site.file, &names.slug, Field::Value));
        }
    }
    if let Some(categories) = &data.categories {
        out.extend(
            categories
                .list
                .iter()
                .map(|c| (categories.file, &c.code, Field::Value)),
        );
    }
    for u in &data.units {
        out.push((u.file, &u.id, Field::Value));
        if let Some(code) = &u.postal_code {
            out.push((u.file, code, Field::Value));
        }
        contacts(u.file, &u.contacts, &mut out);
    }
    for r in &data.requirements {
        out.push((r.file, &r.id, Field::Value));
        out.extend(r.categories.iter().map(|code| (r.file, code, Field::Value)));
    }
    for v in &data.vacancies {
        for s in [&v.id, &v.unit, &v.category, &v.requirements] {
            out.push((v.file, s, Field::Value));
        }
        if let Some(c) = &v.contacts {
            contacts(v.file, c, &mut out);
        }
        if let Some(url) = &v.competition_url {
            out.push((v.file, url, Field::Value));
        }
    }
    for v in &data.partial_vacancies {
        for s in [&v.id, &v.unit, &v.category, &v.requirements]
            .into_iter()
            .flatten()
        {
            out.push((v.file, s, Field::Value));
        }
    }
    out
}

fn contacts<'a>(
    file: FileId,
    c: &'a Contacts,
    out: &mut Vec<(FileId, &'a Spanned<String>, Field)>,
) {
    for s in [&c.phone, &c.email].into_iter().flatten() {
        out.push((file, s, Field::Value));
    }
}

fn personal_data(file: FileId, pos: kadr_model::Pos) -> Diagnostic {
    Diagnostic::error("personal-data", file, pos).rule("B12")
}

/// The offset of an ИИН in a text as written, or else as its Markdown renders.
fn find_in_text(text: &str) -> Option<usize> {
    let scan = iin::scan(text, true);
    match scan.found {
        Some(offset) => Some(offset),
        None if scan.rendering_may_differ => published::find_iin(text),
        None => None,
    }
}

/// Whether a value that is published as written (an id, a phone number, an address)
/// holds an ИИН, as written or percent-decoded (as a browser shows an address).
fn find_in_value(value: &str) -> bool {
    iin::find_iin(value).is_some()
        || (value.contains('%') && iin::find_iin(&published::percent_decoded(value)).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn b12_a_bank_the_loader_found_in_the_site_is_an_error_at_its_file() {
        let data = SiteData {
            bank_stores: vec![(FileId(9), "target/backup.kadrbank.bak".to_string())],
            ..SiteData::default()
        };
        let mut out = Vec::new();
        b12_bank_in_site(&data, &mut out);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].message.id, "bank-in-site");
        assert_eq!(out[0].rule, Some("B12"));
        assert!(out[0].is_error());
        assert_eq!(out[0].loc.file, FileId(9));
        let mut none = Vec::new();
        b12_bank_in_site(&SiteData::default(), &mut none);
        assert!(none.is_empty());
    }

    #[test]
    fn b12_reports_an_iin_in_a_text_where_it_stands() {
        let s = Spanned::new(
            "Байланыс: 900101300017".to_string(),
            kadr_model::Pos::new(7, 9),
        );
        let mut out = Vec::new();
        b12_text(FileId(4), &s, &mut out);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].message.id, "personal-data");
        assert_eq!(out[0].rule, Some("B12"));
        assert!(out[0].is_error());
        assert_eq!((out[0].loc.file, out[0].loc.pos), (FileId(4), s.pos));
    }

    #[test]
    fn b12_reports_an_iin_in_a_unit_id_and_a_percent_encoded_link() {
        let mut data = crate::fixture::site_with_every_field();
        let mut out = Vec::new();
        b12_fields(&data, &mut out);
        assert!(out.is_empty(), "{out:?}");
        let unit = std::sync::Arc::make_mut(&mut data.units[0]);
        unit.id.value = "900101300017".into();
        let unit_id = unit.id.pos;
        let vacancy = std::sync::Arc::make_mut(&mut data.vacancies[0]);
        let url = vacancy.competition_url.as_mut().expect("filled");
        url.value = "https://x.kz/%39%30%30%31%30%31%33%30%30%30%31%37".into();
        let url = url.pos;
        b12_fields(&data, &mut out);
        let found: Vec<_> = out
            .iter()
            .map(|d| (d.message.id, d.rule, d.loc.file, d.loc.pos))
            .collect();
        assert_eq!(
            found,
            [
                ("personal-data", Some("B12"), FileId(2), unit_id),
                ("personal-data", Some("B12"), FileId(4), url),
            ]
        );
    }

    #[test]
    fn b12_a_text_is_scanned_as_written_and_as_rendered() {
        assert_eq!(find_in_text("ЖСН 900101 300017."), Some("ЖСН ".len()));
        assert!(find_in_text("ЖСН **900101**300017.").is_some());
        assert_eq!(find_in_text("ЖСН **900101** 300017 5."), None);
    }

    #[test]
    fn b12_a_value_is_scanned_as_written_and_percent_decoded() {
        assert!(find_in_value("https://x.kz/900101300017"));
        assert!(find_in_value(
            "https://x.kz/%39%30%30%31%30%31%33%30%30%30%31%37"
        ));
        assert!(find_in_value("%3900101300017@example.gov.kz"));
        assert!(!find_in_value("https://x.kz/%D0%BA%D0%B0%D0%B4%D1%80"));
    }

    /// What readers see of `markdown`, read off what the renderer makes of it: the page's
    /// HTML with its tags taken out (block tags end a number, `<br>` is a line break),
    /// the attributes of its tags, and the feeds' plain text.
    fn reference_published(markdown: &str) -> Vec<String> {
        let html = kadr_markdown::to_html(markdown);
        let unescape = |s: &str| {
            s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&")
        };
        let mut page = String::new();
        let mut out = vec![markdown.to_string(), kadr_markdown::to_plain_text(markdown)];
        let mut rest = html.as_str();
        while let Some(open) = rest.find('<') {
            page.push_str(&unescape(&rest[..open]));
            let close = open + rest[open..].find('>').expect("tags are closed");
            let tag = &rest[open + 1..close];
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            match name.as_str() {
                "a" | "strong" | "em" | "del" | "code" => {}
                "br" => page.push('\n'),
                _ => page.push('|'),
            }
            for attribute in ["href=\"", "title=\""] {
                if let Some(at) = tag.find(attribute) {
                    let value = &tag[at + attribute.len()..];
                    let value = unescape(&value[..value.find('"').expect("quoted")]);
                    out.push(published::percent_decoded(&value));
                    out.push(value);
                }
            }
            rest = &rest[close + 1..];
        }
        page.push_str(&unescape(rest));
        out.push(page);
        out
    }

    fn markdown_pieces() -> impl proptest::strategy::Strategy<Value = &'static str> {
        proptest::sample::select(vec![
            "900101",
            "300017",
            "900101300017",
            "9",
            "0",
            "5",
            " ",
            "  ",
            "\n",
            "\n\n",
            "-",
            ".",
            ",",
            "–",
            "\u{A0}",
            "\u{200B}",
            "\u{AD}",
            "９",
            "٩",
            "**",
            "*",
            "_",
            "`",
            "~~",
            "\\",
            "[",
            "]",
            "](https://x.kz/",
            "](tel:+7",
            ")",
            "](https://x.kz \"",
            "\"",
            "<",
            ">",
            "<https://x.kz/",
            "&#57;",
            "&#x39;",
            "&shy;",
            "&nbsp;",
            "&amp;",
            "&sup1;",
            "%39",
            "%",
            "- ",
            "1. ",
            "# ",
            "> ",
            "|",
            "\n|---|---|\n",
            "---",
            "```",
            "```x\n",
            "===",
            "текст",
            "ЖСН ",
            "a",
            "!",
            "[r]",
            "Қазақстан Республикасы ",
            "Министерство внутренних дел",
            "\n[r]: https://x.kz/",
            "(",
            "&",
        ])
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// A text is flagged exactly when the plain reading finds an ИИН in what is
        /// published of it: the text as written, the page, the attributes, the feeds.
        #[test]
        fn b12_flags_a_text_when_what_is_published_of_it_shows_an_iin(
            parts in proptest::collection::vec(markdown_pieces(), 0..20)
        ) {
            let markdown = parts.concat();
            let expected = reference_published(&markdown)
                .iter()
                .any(|seen| iin::reference::find_iin(seen));
            proptest::prop_assert_eq!(find_in_text(&markdown).is_some(), expected, "{:?}", markdown);
        }
    }

    /// The strings `{"value": "…", "pos": …}` of a record, as its serialisation has them.
    fn spanned_strings(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                if let (Some(serde_json::Value::String(s)), Some(_)) =
                    (map.get("value"), map.get("pos"))
                {
                    out.push(s.clone());
                }
                map.values().for_each(|v| spanned_strings(v, out));
            }
            serde_json::Value::Array(list) => list.iter().for_each(|v| spanned_strings(v, out)),
            _ => {}
        }
    }

    /// Every string a user writes in a record is scanned: a field added to the model
    /// and to no list of `check` (texts) or of this module (values) fails here.
    #[test]
    fn b12_every_string_of_every_record_is_scanned() {
        let data = crate::fixture::site_with_every_field();
        let mut written = Vec::new();
        let records = [
            serde_json::to_value(data.site.as_ref()),
            serde_json::to_value(data.categories.as_deref()),
            serde_json::to_value(data.units.iter().map(|u| &**u).collect::<Vec<_>>()),
            serde_json::to_value(data.requirements.iter().map(|r| &**r).collect::<Vec<_>>()),
            serde_json::to_value(data.vacancies.iter().map(|v| &**v).collect::<Vec<_>>()),
            serde_json::to_value(&data.calendar),
        ];
        for record in records {
            spanned_strings(&record.expect("records serialise"), &mut written);
        }
        // PartialVacancy is not serialisable; its fields are those listed below.
        for v in &data.partial_vacancies {
            written.extend(
                [&v.id, &v.unit, &v.category, &v.requirements]
                    .into_iter()
                    .flatten()
                    .map(|s| s.value.clone()),
            );
            written.extend(
                v.texts
                    .iter()
                    .flat_map(|(_, t)| [t.kk.value.clone(), t.ru.value.clone()]),
            );
        }
        // Dates and the names of enumerations are typed: they cannot hold a number.
        written.retain(|s| s.starts_with("value "));
        let mut scanned: Vec<String> = published_fields(&data)
            .into_iter()
            .map(|(_, s, _)| s.value.clone())
            .collect();
        let texts = crate::shared_texts(&data)
            .into_iter()
            .map(|(_, t)| t)
            .chain(
                crate::all_vacancy_texts(&data)
                    .into_iter()
                    .map(|(_, _, t)| t),
            );
        for t in texts {
            scanned.push(t.kk.value.clone());
            scanned.push(t.ru.value.clone());
        }
        written.sort();
        scanned.sort();
        let missing: Vec<&String> = written.iter().filter(|s| !scanned.contains(s)).collect();
        assert!(missing.is_empty(), "not scanned: {missing:?}");
        // The walk saw every string the site was made with ("value 1" … "value N").
        let made: Vec<String> = (1..=written.len()).map(|n| format!("value {n}")).collect();
        let mut seen = written.clone();
        seen.dedup();
        assert_eq!(seen.len(), made.len(), "a string was seen twice");
        assert!(
            made.iter().all(|m| written.contains(m)),
            "the walk missed strings"
        );
    }
}
