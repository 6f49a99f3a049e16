//! The text of diagnostics in English, Kazakh and Russian, from the FTL files beside
//! this module (compiled into the binary: a user's site cannot break kadr's messages).

use crate::Message;
#[cfg(test)]
use kadr_i18n::Bundle;
use kadr_i18n::Catalogue;
pub use kadr_i18n::MessageLang;

const EN: &str = include_str!("messages/en.ftl");
const KK: &str = include_str!("messages/kk.ftl");
const RU: &str = include_str!("messages/ru.ftl");

const SOURCES: kadr_i18n::Sources = kadr_i18n::Sources {
    en: EN,
    kk: KK,
    ru: RU,
};

/// Formats diagnostic messages in one language, falling back to English for a message
/// a translation lacks.
pub struct Messages(Catalogue);

impl Messages {
    pub fn new(lang: MessageLang) -> Messages {
        Messages(Catalogue::new(lang, SOURCES))
    }

    pub fn text(&self, message: &Message) -> String {
        self.lookup(message.id, message)
            .unwrap_or_else(|| message.id.to_string())
    }

    /// The hint: an explicit one, or the message's `.hint` attribute.
    pub fn hint(&self, message: &Message, hint: Option<&Message>) -> Option<String> {
        match hint {
            Some(h) => Some(self.text(h)),
            None => {
                let id = format!("{}.hint", message.id);
                self.lookup(&id, message)
            }
        }
    }

    /// `message` in English: what an error's `Display` prints, so that the English
    /// text is written once, in en.ftl.
    pub fn english(message: &Message) -> String {
        Messages::new(MessageLang::En).text(message)
    }

    fn lookup(&self, id: &str, message: &Message) -> Option<String> {
        self.0.format(id, &message.args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_message_files_parse() {
        for (lang, ftl) in [("en", EN), ("kk", KK), ("ru", RU)] {
            if let Err(errors) = Bundle::new(lang, &[(lang.into(), ftl.into())]) {
                panic!("{lang}.ftl: {errors:?}");
            }
        }
    }

    #[test]
    fn kazakh_and_russian_translate_every_english_message() {
        let en = Bundle::message_ids(EN);
        for (lang, ftl) in [("kk", KK), ("ru", RU)] {
            let ids = Bundle::message_ids(ftl);
            let missing: Vec<_> = en.iter().filter(|id| !ids.contains(id)).collect();
            let extra: Vec<_> = ids.iter().filter(|id| !en.contains(id)).collect();
            assert!(missing.is_empty(), "{lang}.ftl lacks {missing:?}");
            assert!(extra.is_empty(), "{lang}.ftl has unknown {extra:?}");
        }
    }
}
