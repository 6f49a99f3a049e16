//! P4: every text exists in Kazakh and Russian, neither is empty, and in a vacancy the
//! two are not a copy of each other (an untranslated posting). Other records may read
//! the same in both languages: a proper name such as «Наурыз мейрамы» does.

use crate::check::{LANGS, all_vacancy_texts, public_texts};
use crate::diagnostic::Diagnostic;
use crate::model::SiteData;

pub fn check_texts(data: &SiteData, out: &mut Vec<Diagnostic>) {
    for (file, text) in public_texts(data) {
        for lang in LANGS {
            let s = text.spanned(lang);
            if s.trim().is_empty() {
                out.push(
                    Diagnostic::error("empty-text", file, s.pos)
                        .rule("P4")
                        .arg("lang", lang.code()),
                );
            }
        }
    }
    for (file, field, text) in all_vacancy_texts(data) {
        if !text.kk.trim().is_empty() && normalized(&text.kk) == normalized(&text.ru) {
            out.push(
                Diagnostic::error("untranslated-copy", file, text.ru.pos)
                    .rule("P4")
                    .arg("field", field),
            );
        }
    }
}

/// Whitespace differences do not make a translation.
fn normalized(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
