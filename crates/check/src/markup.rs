//! Markdown in records: links may only be `https:`, `http:`, `mailto:` and `tel:`, and
//! raw HTML is not published as HTML (SPEC.md). The policy is `kadr_markdown`'s, which
//! the renderer enforces whatever the check says; the check tells the author before the
//! page silently differs.

use kadr_markdown::{disallowed_links, links_plainly_allowed};

use crate::pos_in_text;
use kadr_diagnostic::Diagnostic;
use kadr_model::{FileId, Spanned};

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
