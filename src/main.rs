//! The `kadr` command line: parses the command and hands it to its module in `cmd/`,
//! which calls the stage that does the work; `main` alone turns how it ended into the
//! exit code (SPEC.md: 0 done, 1 content errors or refused, 2 usage or I/O). The only
//! crate that sees both the site's stages and the bank.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod bank_site;
mod cmd;

use cmd::Exit;

// glibc's allocator serialises the render threads on their many small allocations;
// mimalloc keeps per-thread heaps (about 10% of a large build's time).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `kadr --version`: the version and the commit it was built from (build.rs).
const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (", env!("KADR_COMMIT"), ")");

#[derive(Parser)]
#[command(
    name = "kadr",
    version = VERSION,
    about = "Publishes a ministry's vacant leadership positions in Kazakh and Russian"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate every record and print every problem
    Check(cmd::check::Args),
    /// Check, then render the site into the output folder
    Build(cmd::build::Args),
    /// Build, serve and rebuild on every save, reloading the browser
    Serve(cmd::serve::Args),
    /// What changed in postings since a git revision, for a review comment (K26)
    Diff(cmd::diff::Args),
    /// Write the JSON Schemas of the record files, for editors
    Schema(cmd::schema::Args),
    /// Write a new record with every field in place, for filling in
    #[command(subcommand)]
    New(cmd::new::Args),
    /// The private candidate bank (RULES.md B2–B12): encrypted, audited, never published
    Bank(cmd::bank::BankArgs),
    /// Write a new content repository for a ministry's vacancies, which checks and
    /// builds at once
    Init(cmd::init::Args),
    /// The site's theme
    #[command(subcommand)]
    Theme(cmd::theme::Args),
    /// P4 compliance per unit and in total: postings placed on time and late, with their
    /// reasons, postings not in both languages, and open ones past their deadline
    Report(cmd::report::Args),
    /// Print a year's days off with their reasons, to compare with the official table
    Calendar(cmd::calendar::Args),
    /// Write a large valid site for benchmarks
    #[command(hide = true)]
    GenerateSite(cmd::generate::Args),
}

fn main() -> ExitCode {
    let exit = match Cli::parse().command {
        Command::Check(args) => cmd::check::run(args),
        Command::Build(args) => cmd::build::run(args),
        Command::Serve(args) => cmd::serve::run(args),
        Command::Diff(args) => cmd::diff::run(args),
        Command::Schema(args) => cmd::schema::run(args),
        Command::New(args) => cmd::new::run(args),
        Command::Bank(args) => cmd::bank::run(args),
        Command::Init(args) => cmd::init::run(args),
        Command::Theme(args) => cmd::theme::run(args),
        Command::Report(args) => cmd::report::run(args),
        Command::Calendar(args) => cmd::calendar::run(args),
        Command::GenerateSite(args) => cmd::generate::run(args),
    };
    if let Exit::Failed(Some(message)) = &exit {
        eprintln!("{message}");
    }
    ExitCode::from(exit.code())
}
