//! One `Diagnostic` type for every problem kadr reports, from a YAML syntax error to a
//! late posting (RULES.md P4). A diagnostic is a value: a severity, the rule id where
//! one applies, a place in a source file, and a message and hint by Fluent id, so that
//! the same problem prints in English, Kazakh or Russian (`--lang`).
//!
//! This module also keeps the table of source files ([`Sources`]) that diagnostics
//! point into, and prints diagnostics for people (rustc style), scripts (JSON) and CI.

pub mod messages;
mod print;

use std::sync::Arc;

pub use messages::Messages;
pub use print::{Format, print};

use kadr_i18n::Arg;
use kadr_model::{FileId, Loc, Pos};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A message by Fluent id with its arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    pub fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((name, value.into()));
        self
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The RULES.md id (P4, B9 …) when the problem breaks a legal rule.
    pub rule: Option<&'static str>,
    pub loc: Loc,
    pub message: Message,
    /// The message's `.hint` attribute is used unless this overrides it.
    pub hint: Option<Message>,
}

impl Diagnostic {
    /// An error with message `id`; its hint is the message's `.hint` attribute, if any.
    pub fn error(id: &'static str, file: FileId, pos: Pos) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            rule: None,
            loc: Loc { file, pos },
            message: Message::new(id),
            hint: None,
        }
    }

    pub fn warning(id: &'static str, file: FileId, pos: Pos) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(id, file, pos)
        }
    }

    pub fn rule(mut self, rule: &'static str) -> Diagnostic {
        self.rule = Some(rule);
        self
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Diagnostic {
        self.message.args.push((name, value.into()));
        self
    }

    /// A hint from another message than the default `.hint` attribute.
    pub fn hint(mut self, hint: Message) -> Diagnostic {
        self.hint = Some(hint);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// A source file: its path relative to the site root (with `/`), and its text when it is
/// kept in memory. The loader keeps the text only of files that had problems; for the
/// others `disk` says where to read it again should a later stage report one (a
/// 10,000-vacancy site would otherwise hold its whole source twice).
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub text: Option<Arc<str>>,
    pub disk: Option<std::path::PathBuf>,
}

impl SourceFile {
    /// The text, from memory or read again from disk.
    pub fn text(&self) -> Option<std::borrow::Cow<'_, str>> {
        if let Some(text) = &self.text {
            return Some(std::borrow::Cow::Borrowed(text));
        }
        let disk = self.disk.as_ref()?;
        // The loader read it once as a regular UTF-8 file of at most 1 MiB; a file that has
        // changed since into something else gives no snippet.
        let meta = std::fs::metadata(disk).ok()?;
        if !meta.is_file() || meta.len() > MAX_SNIPPET_SOURCE_BYTES {
            return None;
        }
        let text = std::fs::read_to_string(disk).ok()?;
        Some(std::borrow::Cow::Owned(
            text.strip_prefix('\u{feff}')
                .map(str::to_owned)
                .unwrap_or(text),
        ))
    }
}

/// A source file larger than this is not read again for a snippet (records are at most
/// 1 MiB, theme files 8 MiB).
const MAX_SNIPPET_SOURCE_BYTES: u64 = 8 * 1024 * 1024;

/// The known name closest to `name`, if it is close enough to be a likely typo: the
/// "did you mean" of an unknown field, reference or override.
pub fn did_you_mean<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(name, k), *k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// The table of files that diagnostics refer to by [`FileId`].
#[derive(Debug, Clone, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    pub fn add(&mut self, path: impl Into<String>, text: Option<Arc<str>>) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).unwrap_or(u32::MAX));
        self.files.push(SourceFile {
            path: path.into(),
            text,
            disk: None,
        });
        id
    }

    /// Adds a file whose text is not kept but can be read again from `disk`.
    pub fn add_on_disk(&mut self, path: impl Into<String>, disk: std::path::PathBuf) -> FileId {
        let id = self.add(path, None);
        if let Some(f) = self.files.last_mut() {
            f.disk = Some(disk);
        }
        id
    }

    pub fn get(&self, id: FileId) -> Option<&SourceFile> {
        self.files.get(id.0 as usize)
    }

    pub fn path(&self, id: FileId) -> &str {
        self.get(id).map_or("?", |f| f.path.as_str())
    }

    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(i as u32), f))
    }
}

/// Sorts diagnostics by file, line and column so that output is stable whatever order
/// the checks ran in (they run in parallel).
pub fn sort(diagnostics: &mut [Diagnostic], sources: &Sources) {
    diagnostics.sort_by(|a, b| {
        (
            sources.path(a.loc.file),
            a.loc.pos,
            a.severity,
            a.message.id,
        )
            .cmp(&(
                sources.path(b.loc.file),
                b.loc.pos,
                b.severity,
                b.message.id,
            ))
    });
}
