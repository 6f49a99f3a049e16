//! Fluent message bundles, shared by the diagnostics (messages embedded in the binary)
//! and the site's UI strings (`locales/{kk,ru}/*.ftl`). A bundle is `Sync`, so one
//! instance per language serves every render thread.

use std::borrow::Cow;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// An argument of a message: text or a number (numbers select plural forms).
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Str(String),
    Num(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Str(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Str(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Str(s.clone())
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Num(n)
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Num(i64::from(n))
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Num(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// One language's messages.
pub struct Bundle {
    bundle: FluentBundle<FluentResource>,
}

/// What went wrong while building a bundle: a syntax error or a message defined twice.
#[derive(Debug, Clone, PartialEq)]
pub struct BundleError {
    pub source_name: String,
    pub message: String,
}

impl Bundle {
    /// Builds a bundle for `lang` (a BCP 47 tag such as "kk") from named FTL sources.
    pub fn new(lang: &str, sources: &[(String, String)]) -> Result<Bundle, Vec<BundleError>> {
        Bundle::layered(lang, sources, &[])
    }

    /// A bundle of kadr's own messages, compiled into the binary (`lang.ftl`). Those
    /// files are tested where they live; should one fail to parse, the bundle is empty
    /// and prints message ids rather than failing.
    pub fn embedded(lang: &str, ftl: &str) -> Bundle {
        Bundle::new(lang, &[(format!("{lang}.ftl"), ftl.to_string())]).unwrap_or_else(|_| {
            Bundle::new(lang, &[]).unwrap_or_else(|_| unreachable!("an empty bundle always builds"))
        })
    }

    /// Builds a bundle from `base` sources, in which a message may be defined once, and
    /// `overrides`, whose messages replace those of the same id (a site's own UI strings
    /// over kadr's built-in ones).
    pub fn layered(
        lang: &str,
        base: &[(String, String)],
        overrides: &[(String, String)],
    ) -> Result<Bundle, Vec<BundleError>> {
        let langid: LanguageIdentifier = lang.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // Unicode isolation marks would show up in terminals and in HTML attributes.
        bundle.set_use_isolating(false);
        let mut errors = Vec::new();
        let layers = base
            .iter()
            .map(|s| (s, false))
            .chain(overrides.iter().map(|s| (s, true)));
        for ((name, text), overriding) in layers {
            let resource = match FluentResource::try_new(text.clone()) {
                Ok(resource) => resource,
                Err((resource, parse_errors)) => {
                    for e in parse_errors {
                        let line = text[..e.pos.start.min(text.len())].matches('\n').count() + 1;
                        errors.push(BundleError {
                            source_name: name.clone(),
                            message: format!("line {line}: {}", e.kind),
                        });
                    }
                    resource
                }
            };
            if overriding {
                bundle.add_resource_overriding(resource);
            } else if let Err(add_errors) = bundle.add_resource(resource) {
                for e in add_errors {
                    errors.push(BundleError {
                        source_name: name.clone(),
                        message: e.to_string(),
                    });
                }
            }
        }
        if errors.is_empty() {
            Ok(Bundle { bundle })
        } else {
            Err(errors)
        }
    }

    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// Formats message `id` (or `id.attribute`) with `args`; `None` when it is missing.
    pub fn format(&self, id: &str, args: &[(&str, Arg)]) -> Option<String> {
        let (msg_id, attr) = match id.split_once('.') {
            Some((m, a)) => (m, Some(a)),
            None => (id, None),
        };
        let message = self.bundle.get_message(msg_id)?;
        let pattern = match attr {
            Some(a) => message.get_attribute(a)?.value(),
            None => message.value()?,
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Str(s) => fluent_args.set(*name, FluentValue::from(s.as_str())),
                Arg::Num(n) => fluent_args.set(*name, FluentValue::from(*n)),
            }
        }
        let mut errors = Vec::new();
        let text: Cow<str> = self
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors);
        Some(text.into_owned())
    }

    /// Ids of all messages in the given FTL source, for key-parity checks.
    pub fn message_ids(source: &str) -> Vec<String> {
        let resource = match FluentResource::try_new(source.to_string()) {
            Ok(r) | Err((r, _)) => r,
        };
        resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect()
    }
}

/// The languages kadr's own messages (diagnostics, notes, the bank's) are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MessageLang {
    #[default]
    En,
    Kk,
    Ru,
}

/// One catalogue of kadr's own messages, compiled in (a user's files cannot break it):
/// its English, Kazakh and Russian FTL sources.
#[derive(Debug, Clone, Copy)]
pub struct Sources {
    pub en: &'static str,
    pub kk: &'static str,
    pub ru: &'static str,
}

/// A catalogue's messages in one language, falling back to English for a message the
/// translation lacks.
pub struct Catalogue {
    primary: Bundle,
    english: Option<Bundle>,
}

impl Catalogue {
    pub fn new(lang: MessageLang, sources: Sources) -> Catalogue {
        let english = || Bundle::embedded("en", sources.en);
        match lang {
            MessageLang::En => Catalogue {
                primary: english(),
                english: None,
            },
            MessageLang::Kk => Catalogue {
                primary: Bundle::embedded("kk", sources.kk),
                english: Some(english()),
            },
            MessageLang::Ru => Catalogue {
                primary: Bundle::embedded("ru", sources.ru),
                english: Some(english()),
            },
        }
    }

    /// Message (or attribute, `id.attr`) `id` with `args`; `None` when neither the
    /// language nor English has it.
    pub fn format(&self, id: &str, args: &[(&str, Arg)]) -> Option<String> {
        self.primary
            .format(id, args)
            .or_else(|| self.english.as_ref()?.format(id, args))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle(lang: &str, ftl: &str) -> Bundle {
        Bundle::new(lang, &[("t.ftl".into(), ftl.into())]).unwrap()
    }

    #[test]
    fn a_catalogue_speaks_its_language_and_falls_back_to_english() {
        let sources = Sources {
            en: "built = built { $n } files\nonly-en = only in English\n",
            kk: "built = { $n } файл жазылды\n",
            ru: "built = записано файлов: { $n }\n",
        };
        let n = [("n", Arg::from(3_i64))];
        let kk = Catalogue::new(MessageLang::Kk, sources);
        assert_eq!(kk.format("built", &n).as_deref(), Some("3 файл жазылды"));
        assert_eq!(
            kk.format("only-en", &[]).as_deref(),
            Some("only in English")
        );
        assert_eq!(kk.format("nowhere", &[]), None);
        let ru = Catalogue::new(MessageLang::Ru, sources);
        assert_eq!(
            ru.format("built", &n).as_deref(),
            Some("записано файлов: 3")
        );
        let en = Catalogue::new(MessageLang::default(), sources);
        assert_eq!(en.format("built", &n).as_deref(), Some("built 3 files"));
    }

    #[test]
    fn russian_plurals_choose_one_few_many() {
        let b = bundle(
            "ru",
            "days = { $n ->\n    [one] { $n } день\n    [few] { $n } дня\n   *[many] { $n } дней\n}\n",
        );
        let f = |n: i64| b.format("days", &[("n", Arg::Num(n))]).unwrap();
        assert_eq!(f(1), "1 день");
        assert_eq!(f(3), "3 дня");
        assert_eq!(f(5), "5 дней");
        assert_eq!(f(21), "21 день");
        assert_eq!(f(12), "12 дней");
    }

    #[test]
    fn attributes_are_addressed_with_a_dot() {
        let b = bundle("kk", "m = Мән\n    .hint = Кеңес\n");
        assert_eq!(b.format("m.hint", &[]).as_deref(), Some("Кеңес"));
        assert_eq!(b.format("absent", &[]), None);
    }

    #[test]
    fn an_override_replaces_one_message_and_keeps_the_others() {
        let base = [("kadr.ftl".to_string(), "a = Бір\nb = Екі\n".to_string())];
        let site = [("site.ftl".to_string(), "b = Басқа\n".to_string())];
        let b = Bundle::layered("kk", &base, &site).unwrap();
        assert_eq!(b.format("a", &[]).as_deref(), Some("Бір"));
        assert_eq!(b.format("b", &[]).as_deref(), Some("Басқа"));
    }

    #[test]
    fn syntax_errors_are_reported_with_their_line() {
        let err = Bundle::new("kk", &[("bad.ftl".into(), "ok = 1\n= broken\n".into())])
            .err()
            .unwrap();
        assert!(err[0].message.contains("line 2"), "{err:?}");
    }
}
