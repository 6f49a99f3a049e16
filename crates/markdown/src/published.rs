//! A record's Markdown as readers see it once published: rendering decodes entities,
//! removes emphasis, code and link markup, and turns block structure into block edges (on
//! the page) or spaces (in the feeds), so that text apart as written can stand together
//! once published, and the other way round. The ИИН scan of `check` (RULES.md B12) runs
//! over these projections; each piece keeps the offset of the source it came from.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// Between two blocks of a page: a character that ends a number.
const BLOCK_EDGE: &str = "|";

/// What readers see of a Markdown text.
pub struct Published {
    /// The text of the page.
    pub page: Projection,
    /// The text of the feeds.
    pub feed: Projection,
    /// Link targets and titles, with the offset of their link.
    pub attributes: Vec<(usize, String)>,
}

impl Published {
    pub fn of(markdown: &str) -> Published {
        let mut page = Projection::default();
        let mut feed = Projection::default();
        let mut attributes = Vec::new();
        for (event, Range { start, .. }) in
            Parser::new_ext(markdown, crate::options()).into_offset_iter()
        {
            match event {
                Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                    page.push(&t, start);
                    feed.push(&t, start);
                }
                Event::SoftBreak | Event::HardBreak => {
                    page.push("\n", start);
                    feed.push(" ", start);
                }
                Event::Start(Tag::Link {
                    dest_url, title, ..
                })
                | Event::Start(Tag::Image {
                    dest_url, title, ..
                }) => {
                    attributes.push((start, dest_url.into_string()));
                    if !title.is_empty() {
                        attributes.push((start, title.into_string()));
                    }
                }
                Event::Start(tag) if inline(&tag) => {}
                Event::End(tag) if inline_end(tag) => {}
                Event::End(end) => {
                    page.push(BLOCK_EDGE, start);
                    if matches!(end, TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) {
                        feed.push(" ", start);
                    }
                }
                // Block starts, rules, and what the dialect does not enable.
                _ => page.push(BLOCK_EDGE, start),
            }
        }
        Published {
            page,
            feed,
            attributes,
        }
    }
}

/// Inline elements: their edges are not seen on the page.
fn inline(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn inline_end(tag: TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// Text made from a Markdown source, with where each piece came from.
#[derive(Default)]
pub struct Projection {
    pub text: String,
    /// (offset in `text`, offset in the source), in order.
    origins: Vec<(usize, usize)>,
}

impl Projection {
    fn push(&mut self, piece: &str, source: usize) {
        self.origins.push((self.text.len(), source));
        self.text.push_str(piece);
    }

    /// The source offset of the piece that holds `offset` of the text.
    pub fn source_of(&self, offset: usize) -> usize {
        let i = self.origins.partition_point(|(at, _)| *at <= offset);
        i.checked_sub(1)
            .and_then(|i| self.origins.get(i))
            .map_or(0, |(_, source)| *source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The feed projection is what the feeds publish: `to_plain_text`, whose
        /// whitespace is collapsed.
        #[test]
        fn the_feed_projection_is_the_feeds_text(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "900101", " ", "\n", "\n\n", "- ", "1. ", "# ", "**", "`", "| a | b |\n|---|---|\n",
                    "[x](https://x.kz)", "&#57;", "<b>", "> ", "текст", "```\ncode\n```\n", "\\", "  \n",
                ]),
                0..16,
            )
        ) {
            let markdown: String = parts.concat();
            let feed = Published::of(&markdown).feed;
            let collapsed = feed.text.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(collapsed, crate::to_plain_text(&markdown));
        }
    }

    #[test]
    fn a_piece_knows_its_source() {
        let markdown = "Бірінші абзац.\n\nЕкінші: **900101**300017.";
        let page = Published::of(markdown).page;
        let at = page.text.find("900101").unwrap();
        assert!(markdown[page.source_of(at)..].starts_with("900101**"));
    }
}
