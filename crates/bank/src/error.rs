//! How a bank command can fail, as values: a refusal (a rule said no, a wrong key, an
//! unauthorised user: exit 1) names the rule it applies; a usage or I/O problem (a
//! missing file, a bad flag: exit 2) says what to fix. Nothing in the bank panics on
//! what a user typed or what the store holds.

use std::fmt;

/// One reason a rule refuses an action, with the rule's id from RULES.md.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub rule: &'static str,
    pub message: String,
}

impl Problem {
    pub fn new(rule: &'static str, message: impl Into<String>) -> Problem {
        Problem {
            rule,
            message: message.into(),
        }
    }
}

/// A refusal: every reason found, not only the first, so that one run of
/// `candidate add` lists every problem of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub problems: Vec<Problem>,
}

impl Refusal {
    pub fn new(rule: &'static str, message: impl Into<String>) -> Refusal {
        Refusal {
            problems: vec![Problem::new(rule, message)],
        }
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
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "refused (rule {}): {}", p.rule, p.message)?;
        }
        Ok(())
    }
}

/// Everything a bank command can end in besides success.
#[derive(Debug)]
pub enum Error {
    /// Exit 1: a rule, a wrong key or an unauthorised user said no.
    Refused(Refusal),
    /// Exit 2: a flag, a path or a file the user named is not usable as given.
    Usage(String),
    /// Exit 2: the disk or the store failed underneath us.
    Io(String),
}

impl Error {
    pub fn refused(rule: &'static str, message: impl Into<String>) -> Error {
        Error::Refused(Refusal::new(rule, message))
    }

    pub fn usage(message: impl Into<String>) -> Error {
        Error::Usage(message.into())
    }

    /// The process exit code SPEC.md gives this outcome.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Refused(_) => 1,
            Error::Usage(_) | Error::Io(_) => 2,
        }
    }

    /// What the audit log records as the outcome of a failed command.
    pub fn outcome(&self) -> String {
        match self {
            Error::Refused(r) => format!("refused ({})", r.rules()),
            Error::Usage(_) => "usage error".to_string(),
            Error::Io(_) => "failed".to_string(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Error::Refused(r) => r.fmt(f),
            Error::Usage(m) => write!(f, "error: {m}"),
            Error::Io(m) => write!(f, "error: {m}"),
        }
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
        Error::Io(format!("the store failed: {e}"))
    }
}
