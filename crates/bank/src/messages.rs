//! The text of the bank's messages in English, Kazakh and Russian (`kadr bank --lang`,
//! `KADR_LANG`), from the FTL files beside this module, compiled into the binary. A
//! message is a [`Text`]: an id of these files and its arguments (what a user typed, an
//! id, a date), formatted when it is printed. Text not yet in the files is kept as
//! written and printed so in every language.

use std::sync::OnceLock;

pub use kadr_i18n::Arg;
#[cfg(test)]
use kadr_i18n::Bundle;
use kadr_i18n::Catalogue;

const EN: &str = include_str!("messages/en.ftl");
const KK: &str = include_str!("messages/kk.ftl");
const RU: &str = include_str!("messages/ru.ftl");

/// The language of the bank's messages: the one of every kadr message.
pub use kadr_i18n::MessageLang;

/// One message: an id of the FTL files with its arguments, or text not in them.
#[derive(Debug, Clone, PartialEq)]
pub enum Text {
    Message {
        id: &'static str,
        args: Vec<(&'static str, Arg)>,
    },
    Verbatim(String),
}

// Arguments are text or integers, which compare as equals do.
impl Eq for Text {}

impl Text {
    pub fn new(id: &'static str) -> Text {
        Text::Message {
            id,
            args: Vec::new(),
        }
    }

    /// The message with argument `name` set to `value`.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Text {
        if let Text::Message { args, .. } = &mut self {
            args.push((name, value.into()));
        }
        self
    }

    /// The message in `lang`, or in English where a translation lacks it.
    pub fn in_lang(&self, lang: MessageLang) -> String {
        match self {
            Text::Verbatim(text) => text.clone(),
            Text::Message { id, args } => catalogue(lang)
                .format(id, args)
                .unwrap_or_else(|| id.to_string()),
        }
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        Text::Verbatim(text)
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text::Verbatim(text.to_string())
    }
}

fn catalogue(lang: MessageLang) -> &'static Catalogue {
    static CATALOGUES: [OnceLock<Catalogue>; 3] =
        [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let slot = match lang {
        MessageLang::En => &CATALOGUES[0],
        MessageLang::Kk => &CATALOGUES[1],
        MessageLang::Ru => &CATALOGUES[2],
    };
    let sources = kadr_i18n::Sources {
        en: EN,
        kk: KK,
        ru: RU,
    };
    slot.get_or_init(|| Catalogue::new(lang, sources))
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
        assert!(!en.is_empty());
        for (lang, ftl) in [("kk", KK), ("ru", RU)] {
            let ids = Bundle::message_ids(ftl);
            let missing: Vec<_> = en.iter().filter(|id| !ids.contains(id)).collect();
            let extra: Vec<_> = ids.iter().filter(|id| !en.contains(id)).collect();
            assert!(missing.is_empty(), "{lang}.ftl lacks {missing:?}");
            assert!(extra.is_empty(), "{lang}.ftl has unknown {extra:?}");
        }
    }

    /// The ids of the messages the crate's sources make with `Text::new`.
    fn ids_in_sources(dir: &std::path::Path, ids: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).expect("the crate's sources") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                ids_in_sources(&path, ids);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("a source file");
                for rest in text.split("Text::new(\"").skip(1) {
                    if let Some((id, _)) = rest.split_once('"') {
                        ids.push(id.to_string());
                    }
                }
            }
        }
    }

    #[test]
    fn every_message_the_code_names_is_in_the_english_file() {
        let mut used = Vec::new();
        ids_in_sources(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut used,
        );
        assert!(used.len() > 50, "{used:?}");
        let en = Bundle::message_ids(EN);
        let missing: Vec<_> = used.iter().filter(|id| !en.contains(id)).collect();
        assert!(missing.is_empty(), "en.ftl lacks {missing:?}");
    }

    #[test]
    fn a_message_is_formatted_in_the_language_asked_for() {
        let text = Text::new("refused").arg("rule", "B5").arg("message", "…");
        assert_eq!(text.in_lang(MessageLang::En), "refused (rule B5): …");
        assert_eq!(
            text.in_lang(MessageLang::Kk),
            "бас тартылды (B5 ережесі): …"
        );
        assert_eq!(text.in_lang(MessageLang::Ru), "отказано (правило B5): …");
    }

    #[test]
    fn text_not_in_the_files_is_printed_as_written_in_every_language() {
        let text = Text::from("as written");
        assert_eq!(text.in_lang(MessageLang::Kk), "as written");
    }

    #[test]
    fn the_passphrase_prompts_and_listing_lines_speak_each_language() {
        let again = |lang| {
            let what = Text::new("prompt-your-passphrase").in_lang(lang);
            Text::new("prompt-again").arg("what", what).in_lang(lang)
        };
        assert_eq!(again(MessageLang::En), "your passphrase again");
        assert_eq!(again(MessageLang::Kk), "сіздің құпиясөзіңіз, қайталаңыз");
        assert_eq!(again(MessageLang::Ru), "ваш пароль, ещё раз");
        let user = |lang| {
            Text::new("user-line")
                .arg("name", "aliya")
                .arg("at", "2026-11-27")
                .arg("by", "admin")
                .arg("note", Text::new("user-no-passphrase").in_lang(lang))
                .in_lang(lang)
        };
        assert_eq!(
            user(MessageLang::En),
            "aliya  (added 2026-11-27 by admin; no passphrase yet: `kadr bank user add` gives one)"
        );
        assert_eq!(
            user(MessageLang::Kk),
            "aliya  (2026-11-27 қосылды, қосқан: admin; құпиясөзі әлі жоқ: оны `kadr bank user add` береді)"
        );
    }
}
