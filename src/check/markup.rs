//! Markdown in records: links may only be `https:`, `http:`, `mailto:` and `tel:`, and
//! raw HTML is not published as HTML (SPEC.md). The renderer enforces both whatever
//! the check says; the check tells the author before the page silently differs.

use pulldown_cmark::{Event, Parser, Tag};

use crate::check::pos_in_text;
use crate::diagnostic::Diagnostic;
use crate::model::{FileId, Spanned};

const SCHEMES: &[&str] = &["https:", "http:", "mailto:", "tel:"];

/// Whether a link target may be published: one of the allowed schemes, or a link
/// inside the page (`#…`). Relative paths are refused: a record cannot know the
/// site's layout.
pub fn allowed_link(url: &str) -> bool {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    url.starts_with('#')
        || SCHEMES
            .iter()
            .any(|s| lower.starts_with(s) && url.len() > s.len())
}

/// The targets of links and images in `markdown` that may not be published, with
/// their byte offsets, and whether raw HTML occurs (with its offset).
pub fn disallowed_links(markdown: &str) -> (Vec<(usize, String)>, Option<usize>) {
    let mut links = Vec::new();
    let mut html = None;
    for (event, range) in
        Parser::new_ext(markdown, crate::render::markdown::options()).into_offset_iter()
    {
        match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if !allowed_link(&dest_url) =>
            {
                links.push((range.start, dest_url.into_string()));
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                html.get_or_insert(range.start);
            }
            _ => {}
        }
    }
    (links, html)
}

/// Whether, without parsing `markdown`, it plainly has no raw HTML and no link but to
/// an allowed address: it has no `<` (no HTML, no autolink, no `<…>` destination) and no
/// `]:` (no link reference definition, without which `[text]` is no link), and the
/// destination right after every `](` is allowed as written. A link can be made in no
/// other way; anything less plain (a space, an escape, an entity before the scheme) is
/// left to the parser. Most texts with links are plain, and parsing was most of the
/// cost of this check.
fn links_plainly_allowed(markdown: &str) -> bool {
    !markdown.contains('<')
        && !markdown.contains("]:")
        && markdown.match_indices("](").all(|(i, _)| {
            let rest = &markdown[i + 2..];
            let end = rest
                .find(|c: char| c.is_whitespace() || c == ')')
                .unwrap_or(rest.len());
            let destination = &rest[..end];
            // `allowed_link` trims: a destination after spaces is not plain.
            !destination.is_empty() && allowed_link(destination)
        })
}

/// A Markdown text links only to allowed schemes and has no raw HTML.
pub fn check_text(file: FileId, s: &Spanned<String>, out: &mut Vec<Diagnostic>) {
    // Links, images, autolinks and HTML all need one of these; most texts have neither
    // and are not parsed at all.
    if memchr::memchr2(b'[', b'<', s.as_bytes()).is_none() || links_plainly_allowed(s) {
        return;
    }
    let (links, html) = disallowed_links(s);
    for (offset, url) in links {
        out.push(Diagnostic::error("bad-link", file, pos_in_text(s, offset)).arg("url", url));
    }
    if let Some(offset) = html {
        out.push(Diagnostic::warning(
            "raw-html",
            file,
            pos_in_text(s, offset),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_safe_schemes_are_allowed() {
        for ok in [
            "https://egov.kz",
            "http://x.kz",
            "mailto:kadr@x.kz",
            "tel:+77172000000",
            "#documents",
            "HTTPS://X.KZ",
        ] {
            assert!(allowed_link(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:x",
            "data:text/html,x",
            "vbscript:x",
            "file:///etc/passwd",
            "../secret",
            "https:",
        ] {
            assert!(!allowed_link(bad), "{bad}");
        }
    }

    #[test]
    fn plain_allowed_links_need_no_parse_and_the_rest_do() {
        for plain in [
            "no links at all",
            "[x](https://egov.kz) and ![map](https://x.kz/m.png)",
            "[kadr@x.kz](mailto:kadr@x.kz), [+7 727 000 31 18](tel:+77270003118)",
            "[see below](#documents)",
        ] {
            assert!(links_plainly_allowed(plain), "{plain}");
        }
        for parse in [
            "[x](javascript:alert(1))",
            "[x]( javascript:alert(1))",
            "[x](<javascript:alert(1)>)",
            "[x](&#106;avascript:alert(1))",
            "[x](\\javascript:alert(1))",
            "[x][r]\n\n[r]: javascript:alert(1)",
            "[x](https:)",
            "<b>bold</b>",
        ] {
            assert!(!links_plainly_allowed(parse), "{parse}");
        }
    }

    proptest::proptest! {
        /// What the shortcut lets through, the parser finds nothing wrong with.
        #[test]
        fn the_shortcut_never_hides_a_problem(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "[a](https://x.kz)", "[a](javascript:alert(1))", "![i](data:x)",
                    "[a](#s)", "[a](mailto:k@x.kz)", "[a]( javascript:x)", "[a](https:)",
                    "[a](&#106;avascript:x)", "[a](\\javascript:x)", "[a](tel:+7)",
                    "[", "]", "(", ")", "](", "]:", "!", "<", " ", "\n", "\\", "`", "*",
                    "javascript:x", "текст", "| a | b |\n|---|---|\n",
                ]),
                0..12,
            )
        ) {
            let text: String = parts.concat();
            if links_plainly_allowed(&text) {
                proptest::prop_assert_eq!(disallowed_links(&text), (Vec::new(), None));
            }
        }
    }

    #[test]
    fn finds_javascript_links_and_raw_html() {
        let (links, html) =
            disallowed_links("See [this](javascript:alert(1)) and <img src=x onerror=alert(1)>");
        assert_eq!(links.len(), 1);
        assert!(html.is_some());
    }
}
