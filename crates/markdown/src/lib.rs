//! The Markdown dialect of records, in one place: its options, the policy for links
//! (which `check` reports on and the renderer enforces), and the renderer to safe HTML.
//!
//! Records are written by staff, but the site is public: raw HTML in a record is shown as text, never as markup; links keep only the
//! schemes SPEC.md allows (others become plain text); images become links, so that a
//! record cannot make readers' browsers load anything; headings are shifted down so a
//! record's `#` can never compete with the page's own `<h1>`/`<h2>`.

pub mod published;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

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
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
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
pub fn links_plainly_allowed(markdown: &str) -> bool {
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

/// The Markdown dialect of records; `check` parses with the same options.
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Renders `markdown` to HTML that contains no markup from the input other than what
/// Markdown itself produces.
pub fn to_html(markdown: &str) -> String {
    let mut link_dropped = Vec::new();
    let events = Parser::new_ext(markdown, options()).filter_map(|event| match event {
        // Raw HTML, block or inline, is published as the text it is.
        Event::Html(html) | Event::InlineHtml(html) => Some(Event::Text(html)),
        // A link keeps only an allowed address; an image becomes a link to it, showing the
        // alt text, so that a record cannot make readers' browsers load anything.
        Event::Start(
            Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }
            | Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            },
        ) => {
            let ok = allowed_link(&dest_url);
            link_dropped.push(!ok);
            ok.then_some(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        Event::End(TagEnd::Link | TagEnd::Image) => match link_dropped.pop() {
            Some(true) => None,
            _ => Some(Event::End(TagEnd::Link)),
        },
        Event::Start(Tag::Heading {
            level,
            id: _,
            classes: _,
            attrs: _,
        }) => Some(Event::Start(Tag::Heading {
            level: shift(level),
            id: None,
            classes: Vec::new(),
            attrs: Vec::new(),
        })),
        Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(shift(level)))),
        Event::Start(Tag::MetadataBlock(_)) | Event::End(TagEnd::MetadataBlock(_)) => None,
        other => Some(other),
    });
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// Record headings start at `<h3>`: the page has its `<h1>` and section `<h2>`s.
fn shift(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 | HeadingLevel::H2 | HeadingLevel::H3 => HeadingLevel::H3,
        HeadingLevel::H4 => HeadingLevel::H4,
        HeadingLevel::H5 => HeadingLevel::H5,
        HeadingLevel::H6 => HeadingLevel::H6,
    }
}

/// Plain text of `markdown`, for feeds and descriptions.
pub fn to_plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::Html(t) | Event::InlineHtml(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) => out.push(' '),
            _ => {}
        }
    }
    let _: Option<CowStr> = None;
    out.split_whitespace().collect::<Vec<_>>().join(" ")
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

    #[test]
    fn script_tags_are_shown_as_text() {
        let html = to_html("Hello <script>alert(1)</script>\n\n<script>alert(2)</script>\n");
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn event_handlers_never_become_attributes() {
        let html = to_html("<img src=x onerror=alert(1)>\n\ntext <b onclick=\"x()\">b</b>");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<b "), "{html}");
    }

    #[test]
    fn javascript_links_lose_their_link() {
        let html = to_html("[click](javascript:alert(1)) and [ok](https://egov.kz)");
        assert!(!html.to_lowercase().contains("javascript:"), "{html}");
        assert!(html.contains("click"));
        assert!(
            html.contains(r#"<a href="https://egov.kz">ok</a>"#),
            "{html}"
        );
    }

    #[test]
    fn autolinks_with_bad_schemes_are_dropped() {
        let html = to_html(
            "<javascript:alert(1)> [x](data:text/html;base64,PHNjcmlwdD4=) [y](JAVASCRIPT:x)",
        );
        assert!(!html.to_lowercase().contains("href=\"javascript"), "{html}");
        assert!(!html.contains("href=\"data:"), "{html}");
    }

    #[test]
    fn images_become_links_and_load_nothing() {
        let html = to_html("![scan](https://example.kz/a.png)");
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains(r#"<a href="https://example.kz/a.png">scan</a>"#),
            "{html}"
        );
    }

    #[test]
    fn headings_start_at_h3() {
        let html = to_html("# Міндеттері\n\n## Талаптар\n");
        assert!(html.contains("<h3>Міндеттері</h3>"), "{html}");
        assert!(!html.contains("<h1"), "{html}");
    }

    #[test]
    fn lists_and_emphasis_render() {
        let html = to_html("- **өтініш**\n- түйіндеме\n");
        assert!(html.contains("<li><strong>өтініш</strong></li>"), "{html}");
    }

    #[test]
    fn plain_text_flattens_markup() {
        assert_eq!(to_plain_text("### Бас\n\n- бір\n- екі"), "Бас бір екі");
    }
}
