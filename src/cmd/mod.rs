//! One module per command: each parses its flags (a clap `Args` struct) and calls the
//! stage that does the work. What they share is here: the outcome every command ends
//! with ([`Exit`], which `main` alone turns into an exit code), printing diagnostics,
//! and the flags' value parsers.

pub mod bank;
pub mod build;
pub mod calendar;
pub mod check;
pub mod diff;
pub mod generate;
pub mod init;
pub mod new;
pub mod report;
pub mod schema;
pub mod serve;
pub mod theme;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use jiff::civil::Date;

use kadr_diagnostic::{Format, Message, Messages, messages::MessageLang};
use kadr_pipeline::Checked;

/// How a command ended (SPEC.md: exit 0 done, 1 content errors or refused, 2 usage or
/// I/O). `main` maps it to the process's exit code; nothing else does.
#[derive(Debug)]
pub enum Exit {
    /// Done.
    Done,
    /// The site has content errors (they were printed), or the bank refused.
    Problems,
    /// The command could not do its work: a usage error or I/O, with its message (or
    /// `None` when it has been printed already).
    Failed(Option<String>),
}

impl Exit {
    /// A failure with the message to print.
    pub fn failed(message: impl std::fmt::Display) -> Exit {
        Exit::Failed(Some(format!("error: {message}")))
    }

    /// A failure whose message is in the language of `messages`, with its label
    /// (`қате:`, `ошибка:`, `error:`).
    pub fn failed_in(messages: &Messages, message: &Message) -> Exit {
        let label = messages.text(&Message::new("label-error"));
        Exit::Failed(Some(format!("{label}: {}", messages.text(message))))
    }

    /// A site that cannot be read at all, in the language of `messages`.
    pub fn load_failed(messages: &Messages, e: &kadr_load::LoadError) -> Exit {
        Exit::failed_in(messages, &e.message())
    }

    pub fn code(&self) -> u8 {
        match self {
            Exit::Done => 0,
            Exit::Problems => 1,
            Exit::Failed(_) => 2,
        }
    }
}

/// `--lang` of the commands that have no other flags in common.
#[derive(clap::Args)]
pub struct LangFlag {
    /// Language of messages
    #[arg(long, value_enum, env = "KADR_LANG", default_value = "en")]
    pub lang: LangArg,
}

impl LangFlag {
    pub fn messages(&self) -> Messages {
        Messages::new(self.lang.into())
    }
}

/// The flags `check` and `build` share.
#[derive(clap::Args)]
pub struct Common {
    /// The site's root folder (the one holding content/)
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// The date to build for (YYYY-MM-DD); default: today in Asia/Almaty
    #[arg(long, value_parser = parse_date)]
    pub today: Option<Date>,
    /// Language of messages
    #[arg(long, value_enum, env = "KADR_LANG", default_value = "en")]
    pub lang: LangArg,
    /// How to print problems
    #[arg(long, value_enum, default_value = "human")]
    pub format: FormatArg,
    /// Read every record file again, and leave the cache (.kadr-cache/) alone
    #[arg(long)]
    pub no_cache: bool,
}

/// `--lang`: the language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    En,
    Kk,
    Ru,
}

impl From<LangArg> for MessageLang {
    fn from(lang: LangArg) -> MessageLang {
        match lang {
            LangArg::En => MessageLang::En,
            LangArg::Kk => MessageLang::Kk,
            LangArg::Ru => MessageLang::Ru,
        }
    }
}

/// `--format` of `check` and `build`: how problems are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    Human,
    Json,
    Github,
    Gitlab,
}

impl From<FormatArg> for Format {
    fn from(format: FormatArg) -> Format {
        match format {
            FormatArg::Human => Format::Human,
            FormatArg::Json => Format::Json,
            FormatArg::Github => Format::Github,
            FormatArg::Gitlab => Format::Gitlab,
        }
    }
}

pub fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>()
        .map_err(|e| format!("not a date (YYYY-MM-DD): {e}"))
}

/// The day of a command: `--today`, or today in Asia/Almaty.
pub fn day(today: Option<Date>) -> Date {
    today.unwrap_or_else(kadr_pipeline::today_in_almaty)
}

/// Writes to standard output; a closed pipe (`kadr … | head`) is not an error to report,
/// and never a panic as `println!` would make it.
pub fn stdout(text: &str) {
    let _ = std::io::stdout().write_all(text.as_bytes());
}

pub fn stdout_line(line: &str) {
    stdout(&format!("{line}\n"));
}

pub fn color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Prints diagnostics: human output to stderr, machine formats to stdout.
pub fn print_diagnostics(checked: &Checked, common: &Common) {
    let messages = Messages::new(common.lang.into());
    if let Some((cache, e)) = &checked.cache_not_written {
        let note = Message::new("cache-not-written")
            .arg("cache", cache.display().to_string())
            .arg("detail", e.to_string());
        eprintln!("{}", messages.text(&note));
    }
    let format = Format::from(common.format);
    let text = kadr_diagnostic::print(
        &checked.diagnostics,
        checked.sources(),
        &messages,
        format,
        color(),
    );
    match format {
        Format::Human => {
            let _ = std::io::stderr().write_all(text.as_bytes());
        }
        Format::Json | Format::Github | Format::Gitlab => stdout(&text),
    }
}

/// Whether a file could not be read (SPEC.md: I/O problems exit with 2, content ones
/// with 1).
pub fn has_io_errors(checked: &Checked) -> bool {
    checked
        .diagnostics
        .iter()
        .any(|d| d.is_error() && d.message.id == "io-error")
}

/// The process ends after this: the site's records (thousands of strings) are left for
/// the operating system to take back at once, instead of being freed one by one.
pub fn exit_without_freeing(checked: Checked) {
    std::mem::forget(checked);
}
