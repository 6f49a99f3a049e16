//! `kadr bank …`: the private candidate bank (SPEC.md, "The private bank"). Its flags
//! are parsed here and each command calls its function of `kadr_bank::commands`, with
//! the site as `crate::bank_site` shows it (the one place that sees both); the bank
//! crate knows nothing of the command line. Exit codes: 0 done, 1 refused (with the
//! rule id), 2 usage or I/O.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};
use jiff::civil::Date;

use kadr_bank::Error;
use kadr_bank::commands::audit_log::audit;
use kadr_bank::commands::candidates::{appoint, candidate_add, eligible, people_list, purge};
use kadr_bank::commands::copies::{backup_cmd, restore_cmd, verify_cmd};
use kadr_bank::commands::lists::{ExportRequest, list_approve, list_create, list_export};
use kadr_bank::commands::users::{
    init, migrate_cmd, user_add, user_list, user_passphrase, user_remove,
};
use kadr_bank::commands::{Context, ExportFormat, Format};
use kadr_bank::form::Lang as FormLang;
use kadr_bank::messages::MessageLang;
use kadr_bank::{Site, store};

use super::{Exit, LangArg, day};

/// `kadr bank`: the private candidate bank.
#[derive(Args, Debug)]
pub struct BankArgs {
    /// The store: a file ending in .kadrbank, outside every site root
    #[arg(long, env = "KADR_BANK", global = true, value_name = "PATH")]
    pub bank: Option<PathBuf>,
    /// Who runs the command: an authorised user of the store (K20)
    #[arg(long, env = "KADR_BANK_USER", global = true, value_name = "NAME")]
    pub user: Option<String>,
    /// The day to act on (YYYY-MM-DD); default: today in Asia/Almaty
    #[arg(long, global = true, value_parser = super::parse_date, value_name = "DATE")]
    pub today: Option<Date>,
    /// The site root whose vacancies are meant
    #[arg(long, global = true, default_value = ".", value_name = "SITE")]
    pub root: PathBuf,
    /// Language of messages (default: en), and of the annex form `list export` prints
    /// (kk or ru; Kazakh, the state language, unless ru)
    #[arg(
        long,
        value_enum,
        env = "KADR_LANG",
        global = true,
        value_name = "LANG"
    )]
    pub lang: Option<LangArg>,
    #[command(subcommand)]
    pub command: BankCommand,
}

#[derive(Subcommand, Debug)]
pub enum BankCommand {
    /// Create a new store; NAME becomes its first authorised user (K20)
    Init {
        #[arg(long, value_name = "NAME")]
        admin: String,
        /// How long after the competition a candidate's data are kept (R9)
        #[arg(long, default_value_t = store::DEFAULT_RETENTION_MONTHS)]
        retention_months: u32,
    },
    /// Authorised users (K20)
    #[command(subcommand)]
    User(UserCommand),
    /// Candidates who passed a competition (B3, B4, B6)
    #[command(subcommand)]
    Candidate(CandidateCommand),
    /// Appointed candidates (B11)
    #[command(subcommand)]
    Employee(EmployeeCommand),
    /// Candidates who may be appointed to a vacancy, best first (B9, B10)
    Eligible {
        #[arg(long, value_name = "ID")]
        vacancy: String,
        #[arg(long, value_enum, default_value = "human")]
        format: FormatArg,
    },
    /// Lists of candidates for a vacancy (B5)
    #[command(subcommand)]
    List(ListCommand),
    /// Appoint a candidate by order: the candidate becomes an employee (B11)
    Appoint {
        #[arg(value_name = "CANDIDATE")]
        candidate: String,
        #[arg(long, value_name = "ID")]
        vacancy: String,
        /// The order's number, as written on it ("№ 123")
        #[arg(long)]
        order: String,
        #[arg(long, value_parser = super::parse_date, value_name = "DATE")]
        order_date: Date,
    },
    /// Delete the candidates whose retention period has ended (R9)
    Purge,
    /// Show the audit log, or check its hash chain (B12, K26)
    Audit {
        #[arg(long)]
        verify: bool,
        #[arg(long, value_enum, default_value = "human")]
        format: FormatArg,
    },
    /// Write an encrypted copy of the store (K19)
    Backup {
        file: PathBuf,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
    },
    /// Replace the store with a verified copy (K19)
    Restore {
        file: PathBuf,
        /// Replace the store if it exists
        #[arg(long)]
        force: bool,
    },
    /// Prove that a copy opens, is intact and keeps its audit chain (K19, K26)
    Verify { file: PathBuf },
    /// Move a bank of format 1 (one key shared by every user) to a passphrase per user
    /// (K20): KADR_BANK_KEY is the shared key, KADR_BANK_NEW_KEY your own passphrase
    Migrate,
}

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Authorise a user
    Add { name: String },
    /// Withdraw a user's authorisation and remove their key slot
    Remove { name: String },
    /// Set your own passphrase (KADR_BANK_NEW_KEY, else asked twice)
    Passphrase,
    /// The authorised users
    List {
        #[arg(long, value_enum, default_value = "human")]
        format: FormatArg,
    },
}

#[derive(Subcommand, Debug)]
pub enum CandidateCommand {
    /// Add the candidate described in a YAML file; prints the new id
    Add { file: PathBuf },
    /// The candidates, of one unit or all (B2)
    List {
        #[arg(long, value_name = "UNIT")]
        unit: Option<String>,
        #[arg(long, value_enum, default_value = "human")]
        format: FormatArg,
    },
}

#[derive(Subcommand, Debug)]
pub enum EmployeeCommand {
    /// The appointed candidates, of one unit or all
    List {
        #[arg(long, value_name = "UNIT")]
        unit: Option<String>,
        #[arg(long, value_enum, default_value = "human")]
        format: FormatArg,
    },
}

#[derive(Subcommand, Debug)]
pub enum ListCommand {
    /// Make a list of at least three eligible candidates for a vacancy; prints its id
    Create {
        #[arg(long, value_name = "ID")]
        vacancy: String,
        #[arg(long, value_delimiter = ',', required = true, value_name = "ID,ID,ID")]
        candidates: Vec<String>,
    },
    /// Record the head's approval of a list; an approved list is immutable (B5, B7)
    Approve {
        #[arg(value_name = "LIST")]
        list: String,
        /// Who approved it: "position, rank, full name"
        #[arg(long)]
        by: String,
        /// The day it was approved; default: --today
        #[arg(long, value_parser = super::parse_date, value_name = "DATE")]
        on: Option<Date>,
    },
    /// Print the list in the annex form (B-form)
    Export {
        #[arg(value_name = "LIST")]
        list: String,
        #[arg(long, value_enum)]
        format: ExportFormatArg,
        /// Write to this file (outside every site root) instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Who compiled the list: "position, rank, full name" (else a blank line)
        #[arg(long)]
        compiled_by: Option<String>,
        /// The day it was compiled (else a blank date line)
        #[arg(long, value_parser = super::parse_date, value_name = "DATE")]
        compiled_on: Option<Date>,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
    },
}

/// `--format` of a listing.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatArg {
    Human,
    Json,
}

impl From<FormatArg> for Format {
    fn from(format: FormatArg) -> Format {
        match format {
            FormatArg::Human => Format::Human,
            FormatArg::Json => Format::Json,
        }
    }
}

/// `--format` of `list export`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormatArg {
    Html,
    Csv,
}

impl From<ExportFormatArg> for ExportFormat {
    fn from(format: ExportFormatArg) -> ExportFormat {
        match format {
            ExportFormatArg::Html => ExportFormat::Html,
            ExportFormatArg::Csv => ExportFormat::Csv,
        }
    }
}

pub fn run(args: BankArgs) -> Exit {
    let today = day(args.today);
    let site = crate::bank_site::SiteOnDisk::new(args.root.clone(), today);
    let lang = args.lang.map(MessageLang::from).unwrap_or_default();
    let mut out = std::io::stdout().lock();
    match dispatch(args, today, &site, &mut out) {
        Ok(()) => Exit::Done,
        Err(e) => {
            eprintln!("{}", e.in_lang(lang));
            match e.exit_code() {
                1 => Exit::Problems,
                _ => Exit::Failed(None),
            }
        }
    }
}

/// Runs a bank command. `today` is `--today` or today in Asia/Almaty; results go to
/// `out`, notes for the operator to standard error.
fn dispatch(
    args: BankArgs,
    today: Date,
    site: &dyn Site,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let lang = args.lang.map(MessageLang::from).unwrap_or_default();
    let ctx = Context {
        bank: args.bank,
        user: args.user,
        today,
        site,
        lang,
    };
    match args.command {
        BankCommand::Init {
            admin,
            retention_months,
        } => init(&ctx, &admin, retention_months),
        BankCommand::User(UserCommand::Add { name }) => user_add(&ctx, &name),
        BankCommand::User(UserCommand::Remove { name }) => user_remove(&ctx, &name),
        BankCommand::User(UserCommand::Passphrase) => user_passphrase(&ctx),
        BankCommand::User(UserCommand::List { format }) => user_list(&ctx, format.into(), out),
        BankCommand::Candidate(CandidateCommand::Add { file }) => candidate_add(&ctx, &file, out),
        BankCommand::Candidate(CandidateCommand::List { unit, format }) => {
            people_list(&ctx, "candidate list", unit.as_deref(), format.into(), out)
        }
        BankCommand::Employee(EmployeeCommand::List { unit, format }) => {
            people_list(&ctx, "employee list", unit.as_deref(), format.into(), out)
        }
        BankCommand::Eligible { vacancy, format } => eligible(&ctx, &vacancy, format.into(), out),
        BankCommand::List(ListCommand::Create {
            vacancy,
            candidates,
        }) => list_create(&ctx, &vacancy, &candidates, out),
        BankCommand::List(ListCommand::Approve { list, by, on }) => {
            list_approve(&ctx, &list, &by, on.unwrap_or(today))
        }
        BankCommand::List(ListCommand::Export {
            list,
            format,
            out: file,
            compiled_by,
            compiled_on,
            force,
        }) => {
            let request = ExportRequest {
                format: format.into(),
                lang: match lang {
                    MessageLang::Ru => FormLang::Ru,
                    MessageLang::Kk | MessageLang::En => FormLang::Kk,
                },
                file,
                compiled_by,
                compiled_on,
                force,
            };
            list_export(&ctx, &list, request, out)
        }
        BankCommand::Appoint {
            candidate,
            vacancy,
            order,
            order_date,
        } => appoint(&ctx, &candidate, &vacancy, &order, order_date, out),
        BankCommand::Purge => purge(&ctx, out),
        BankCommand::Audit { verify, format } => audit(&ctx, verify, format.into(), out),
        BankCommand::Backup { file, force } => backup_cmd(&ctx, &file, force),
        BankCommand::Restore { file, force } => restore_cmd(&ctx, &file, force),
        BankCommand::Verify { file } => verify_cmd(&ctx, &file, out),
        BankCommand::Migrate => migrate_cmd(&ctx),
    }
}
