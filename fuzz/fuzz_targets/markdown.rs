//! Arbitrary Markdown through the sanitizing renderer (`render::markdown::to_html`), as
//! a record's `duties` would be: no panic; the HTML holds no script, no `on…`
//! attribute, no `javascript:` link, and no tag Markdown itself does not make. The
//! check's view of the same text (`check::disallowed_links`) must not panic either.

#![no_main]

use kadr_fuzz::{MARKDOWN_TAGS, safe_markup};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|markdown: &str| {
    let html = kadr_markdown::to_html(markdown);
    if let Err(problem) = safe_markup(&html, false, Some(MARKDOWN_TAGS)) {
        panic!("{problem}\n--- markdown:\n{markdown}\n--- html:\n{html}");
    }
    let _ = kadr_markdown::to_plain_text(markdown);
    let _ = kadr_check::disallowed_links(markdown);
});
