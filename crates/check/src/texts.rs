//! P4: every text exists in Kazakh and Russian, neither is empty, and in a vacancy the
//! two are not a copy of each other (an untranslated posting). Other records may read
//! the same in both languages: a proper name such as «Наурыз мейрамы» does.

use kadr_diagnostic::Diagnostic;
use kadr_model::{FileId, Lang, Spanned, Text};

/// A text is not empty in either language.
pub fn check_not_empty(file: FileId, lang: Lang, s: &Spanned<String>, out: &mut Vec<Diagnostic>) {
    if s.trim().is_empty() {
        out.push(
            Diagnostic::error("empty-text", file, s.pos)
                .rule("P4")
                .arg("lang", lang.code()),
        );
    }
}

/// A vacancy's kk and ru texts are not one and the same (whitespace aside).
pub fn check_untranslated(
    file: FileId,
    field: &'static str,
    text: &Text,
    out: &mut Vec<Diagnostic>,
) {
    if !text.kk.trim().is_empty() && same_words(&text.kk, &text.ru) {
        out.push(
            Diagnostic::error("untranslated-copy", file, text.ru.pos)
                .rule("P4")
                .arg("field", field),
        );
    }
}

/// Whitespace differences do not make a translation.
fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}
