//! P4: a posting is published with its texts written in Kazakh and Russian, so a
//! placeholder left by `kadr new vacancy` is an error. That command writes every text as
//! an instruction between ⟦ and ⟧ (a bracket no real text uses); any text of a vacancy
//! that still holds one is reported, in each language, until it is replaced.

use crate::check::{LANGS, all_vacancy_texts, pos_in_text};
use crate::diagnostic::Diagnostic;
use crate::model::SiteData;

/// Opens a placeholder in a text written by `kadr new vacancy`.
pub(crate) const STUB_OPEN: char = '⟦';
/// Closes it.
pub(crate) const STUB_CLOSE: char = '⟧';

/// No vacancy text, complete record or partial, still holds a placeholder.
pub fn check_stubs(data: &SiteData, out: &mut Vec<Diagnostic>) {
    for (file, field, text) in all_vacancy_texts(data) {
        for lang in LANGS {
            let s = text.spanned(lang);
            if let Some(offset) = s.find(STUB_OPEN) {
                out.push(
                    Diagnostic::error("stub-text", file, pos_in_text(s, offset))
                        .rule("P4")
                        .arg("field", field)
                        .arg("lang", lang.code()),
                );
            }
        }
    }
}
