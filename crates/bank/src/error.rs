//! How a bank command can fail, as values: a refusal (a rule said no, a wrong key, an
//! unauthorised user: exit 1) names the rule it applies; a usage or I/O problem (a
//! missing file, a bad flag: exit 2) says what to fix. Nothing in the bank panics on
//! what a user typed or what the store holds. Each prints in English (`Display`) or in
//! the language of `--lang` (`in_lang`).

use std::fmt;

use crate::messages::{MessageLang, Text};

/// One reason a rule refuses an action, with the rule's id from RULES.md.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub rule: &'static str,
    /// The reason in English, as the audit log and the tests read it.
    pub message: String,
    /// The reason, to print in the operator's language.
    pub text: Text,
}

impl Problem {
    pub fn new(rule: &'static str, text: impl Into<Text>) -> Problem {
        let text = text.into();
        Problem {
            rule,
            message: text.in_lang(MessageLang::En),
            text,
        }
    }

    /// `refused (rule B5): …` in `lang`.
    pub fn in_lang(&self, lang: MessageLang) -> String {
        Text::new("refused")
            .arg("rule", self.rule)
            .arg("message", self.text.in_lang(lang))
            .in_lang(lang)
    }
}

/// A refusal: every reason found, not only the first, so that one run of
/// `candidate add` lists every problem of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub problems: Vec<Problem>,
}

impl Refusal {
    pub fn new(rule: &'static str, text: impl Into<Text>) -> Refusal {
        Refusal {
            problems: vec![Problem::new(rule, text)],
        }
    }

    /// Every reason, one a line, in `lang`.
    pub fn in_lang(&self, lang: MessageLang) -> String {
        let lines: Vec<String> = self.problems.iter().map(|p| p.in_lang(lang)).collect();
        lines.join("\n")
    }

    /// The rule ids cited, in order, without repeats (for the audit log).
    pub fn rules(&self) -> String {
        let mut rules: Vec<&str> = Vec::new();
        for p in &self.problems {
            if !rules.contains(&p.rule) {
                rules.push(p.rule);
            }
        }
        rules.join(",")
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.in_lang(MessageLang::En))
    }
}

/// Everything a bank command can end in besides success.
#[derive(Debug)]
pub enum Error {
    /// Exit 1: a rule, a wrong key or an unauthorised user said no.
    Refused(Refusal),
    /// Exit 2: a flag, a path or a file the user named is not usable as given.
    Usage(Text),
    /// Exit 2: the disk or the store failed underneath us: what failed, and the
    /// system's own detail (when it gave one).
    Io { what: Text, detail: Option<String> },
}

impl Error {
    pub fn refused(rule: &'static str, text: impl Into<Text>) -> Error {
        Error::Refused(Refusal::new(rule, text))
    }

    pub fn usage(message: impl Into<Text>) -> Error {
        Error::Usage(message.into())
    }

    /// The disk or the store failed doing `what`, and the system says `detail`.
    pub fn io(what: Text, detail: impl fmt::Display) -> Error {
        Error::Io {
            what,
            detail: Some(detail.to_string()),
        }
    }

    /// The store is not what it must be, without a system error to quote.
    pub fn failed(what: Text) -> Error {
        Error::Io { what, detail: None }
    }

    /// What went wrong as texts of the bank's messages: each reason of a refusal, or
    /// the one problem (a failure underneath as English, with the system's detail).
    pub fn texts(&self) -> Vec<Text> {
        match self {
            Error::Refused(r) => r.problems.iter().map(|p| p.text.clone()).collect(),
            Error::Usage(t) => vec![t.clone()],
            Error::Io { .. } => vec![Text::Verbatim(self.in_lang(MessageLang::En))],
        }
    }

    /// The process exit code SPEC.md gives this outcome.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Refused(_) => 1,
            Error::Usage(_) | Error::Io { .. } => 2,
        }
    }

    /// What the audit log records as the outcome of a failed command.
    pub fn outcome(&self) -> String {
        match self {
            Error::Refused(r) => format!("refused ({})", r.rules()),
            Error::Usage(_) => "usage error".to_string(),
            Error::Io { .. } => "failed".to_string(),
        }
    }

    /// What to print, in `lang`: the refusals, or `error: …`.
    pub fn in_lang(&self, lang: MessageLang) -> String {
        match self {
            Error::Refused(r) => r.in_lang(lang),
            Error::Usage(m) => Text::new("error")
                .arg("message", m.in_lang(lang))
                .in_lang(lang),
            Error::Io { what, detail } => {
                let mut message = what.in_lang(lang);
                if let Some(detail) = detail {
                    message = format!("{message}: {detail}");
                }
                Text::new("error").arg("message", message).in_lang(lang)
            }
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.in_lang(MessageLang::En))
    }
}

impl From<Refusal> for Error {
    fn from(r: Refusal) -> Error {
        Error::Refused(r)
    }
}

/// A store failure that is not a rule: the disk, a corrupt page, a full file system.
/// The message is SQLite's; it never contains a candidate's data because statements
/// bind values as parameters.
impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Error {
        Error::io(Text::new("io-the-store-failed"), e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_underneath_says_what_failed_in_the_operators_language() {
        let e = Error::io(
            Text::new("io-cannot-write").arg("path", "/srv/bank/test.kadrbank"),
            "No space left on device (os error 28)",
        );
        assert_eq!(e.exit_code(), 2);
        assert_eq!(
            e.to_string(),
            "error: cannot write /srv/bank/test.kadrbank: No space left on device (os error 28)"
        );
        assert_eq!(
            e.in_lang(MessageLang::Kk),
            "қате: /srv/bank/test.kadrbank жазу мүмкін болмады: No space left on device (os error 28)"
        );
        let e = Error::failed(Text::new("io-the-copy-does-not-carry-the"));
        assert_eq!(e.in_lang(MessageLang::Ru), "ошибка: в копии нет соли банка");
        assert_eq!(e.outcome(), "failed");
    }
}
