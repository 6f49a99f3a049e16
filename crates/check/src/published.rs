//! A record's Markdown as it is published, for the ИИН scan (RULES.md B12): rendering
//! decodes entities, removes emphasis, code and link markup, and turns block structure
//! into block edges (on the page) or spaces (in the feeds), so digits that are apart as
//! written can stand together once published, and the other way round.
//!
//! [`find_iin`] parses a text once, with the renderer's own options, into what a reader
//! sees of it: the text of the page (block edges break numbers, line breaks are spaces),
//! the text of the feeds (exactly what `render::markdown::to_plain_text` makes: a unit
//! test holds the two together), and the link targets and titles (also percent-decoded,
//! as a browser shows them). The scan of `iin` runs over each. Parsing costs; `personal`
//! calls this only for texts whose scan says rendering may differ.

use kadr_markdown::published::Published;

use crate::iin;

/// The byte offset, in `markdown`, of where the first ИИН that its published forms show
/// comes from (the start of the Markdown element that holds it).
pub fn find_iin(markdown: &str) -> Option<usize> {
    let published = Published::of(markdown);
    [&published.page, &published.feed]
        .into_iter()
        .find_map(|p| iin::find_iin(&p.text).map(|at| p.source_of(at)))
        .or_else(|| {
            published
                .attributes
                .iter()
                .find(|(_, value)| {
                    iin::find_iin(value).is_some()
                        || (value.contains('%') && iin::find_iin(&percent_decoded(value)).is_some())
                })
                .map(|(start, _)| *start)
        })
}

/// `value` with its percent escapes decoded, as a browser shows an address.
pub fn percent_decoded(value: &str) -> String {
    percent_encoding::percent_decode_str(value)
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn b12_finds_an_iin_that_only_rendering_puts_together() {
        for markdown in [
            "&#57;00101300017",
            "&#x39;00101300017",
            "900101**300017**",
            "`900101`300017",
            "[900101](https://x.kz)[300017](https://y.kz)",
            "![900101](https://x.kz/a.png)300017",
            "900101\\-300017",
            "- 900101\n- 300017",
            "1. 900101\n2. 300017",
            "900&#9321;1300017",
            "Министерство внутренних дел &sup1;00101500002 Министерство внутренних дел",
            "900101\n```x\n300017\n```",
            "900101\n\n300017",
            "# 900101\n300017",
            "| 900101 | 300017 |\n|---|---|",
            "900101 300017\n\n5",
            "[x](https://x.kz/%39%30%30%31%30%31%33%30%30%30%31%37)",
            "[x](https://x.kz \"900101300017\")",
            "<https://x.kz/900101>300017",
            "900101&shy;300017",
            "900101&nbsp;300017",
        ] {
            assert!(find_iin(markdown).is_some(), "{markdown:?}");
        }
    }

    #[test]
    fn b12_does_not_join_numbers_that_rendering_keeps_apart() {
        for markdown in [
            "| 900101 | 300017 | 5 |\n|---|---|---|",
            "<b>900101</b>300017",
            "900101\n\n300017 5",
            "[+7 727 000 31 26](tel:+77270003126), 30 күн",
        ] {
            assert_eq!(find_iin(markdown), None, "{markdown:?}");
        }
    }

    #[test]
    fn points_at_the_element_that_holds_the_number() {
        let markdown = "Бірінші абзац.\n\nЕкінші: **900101**300017.";
        let at = find_iin(markdown).expect("found");
        assert!(
            markdown[at..].starts_with("900101**"),
            "{}",
            &markdown[at..]
        );
    }
}
