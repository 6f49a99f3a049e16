//! Markdown of records → safe HTML. Records are written by staff, but the site is
//! public: raw HTML in a record is shown as text, never as markup; links keep only the
//! schemes SPEC.md allows (others become plain text); images become links, so that a
//! record cannot make readers' browsers load anything; headings are shifted down so a
//! record's `#` can never compete with the page's own `<h1>`/`<h2>`.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::check::allowed_link;

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
