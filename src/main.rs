//! The `kadr` command line: parses flags, calls a pipeline stage, maps the outcome to
//! an exit code (SPEC.md: 0 done, 1 content errors, 2 usage or I/O).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use jiff::civil::Date;

use kadr::diagnostic::{self, Format, Messages, messages::MessageLang};
use kadr::model::{Authority, Lang};
use kadr::pipeline;

mod bank_site;

// glibc's allocator serialises the render threads on their many small allocations;
// mimalloc keeps per-thread heaps (about 10% of a large build's time).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "kadr",
    version,
    about = "Publishes a ministry's vacant leadership positions in Kazakh and Russian"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct Common {
    /// The site's root folder (the one holding content/, themes/ and locales/)
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The date to build for (YYYY-MM-DD); default: today in Asia/Almaty
    #[arg(long, value_parser = parse_date)]
    today: Option<Date>,
    /// Language of messages
    #[arg(long, value_enum, default_value = "en")]
    lang: MessageLang,
    /// How to print problems
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Read every record file again, and leave the cache (.kadr-cache/) alone
    #[arg(long)]
    no_cache: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Validate every record and print every problem
    Check {
        #[command(flatten)]
        common: Common,
    },
    /// Check, then render the site into the output folder
    Build {
        #[command(flatten)]
        common: Common,
        /// Output folder; default: public/ in the site root
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Build, serve and rebuild on every save, reloading the browser
    Serve {
        /// The site's root folder
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Address to listen on (loopback by default: the preview is not for the network)
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Port; the next free one is taken if it is in use
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// The date to build for (YYYY-MM-DD); default: today in Asia/Almaty
        #[arg(long, value_parser = parse_date)]
        today: Option<Date>,
        /// Open the default language's list in a browser
        #[arg(long)]
        open: bool,
        /// Poll for changes instead of file-system events (network drives, WSL)
        #[arg(long)]
        poll: bool,
        /// Read every record file again, and leave the cache (.kadr-cache/) alone
        #[arg(long)]
        no_cache: bool,
    },
    /// Write a large valid site for benchmarks
    #[command(hide = true)]
    GenerateSite {
        /// How many vacancies
        #[arg(long)]
        vacancies: usize,
        /// The new site's folder (must not exist)
        #[arg(long)]
        out: PathBuf,
        /// The site whose records and texts are used
        #[arg(long, default_value = ".")]
        from: PathBuf,
        #[arg(long, value_parser = parse_date, default_value = "2026-11-27")]
        today: Date,
    },
    /// What changed in postings since a git revision, for a review comment (K26)
    Diff {
        /// The revision to compare with; default: the merge base with the default
        /// branch (origin/HEAD, origin/main, main, master), or HEAD when there is none
        rev: Option<String>,
        /// The site's root folder (inside a git repository)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, value_enum, default_value = "markdown")]
        format: DiffFormat,
        /// Where vacancy previews are served (kadr serve's address by default)
        #[arg(long, default_value = "http://127.0.0.1:1111/")]
        preview_url: String,
    },
    /// Write the JSON Schemas of the record files, for editors
    Schema {
        /// Folder to write into
        #[arg(long, default_value = "schemas")]
        out: PathBuf,
    },
    /// Write a new record with every field in place, for filling in
    #[command(subcommand)]
    New(NewRecord),
    /// The private candidate bank (RULES.md B2–B12): encrypted, audited, never published
    Bank(kadr_bank::cli::BankArgs),
    /// Print a year's days off with their reasons, to compare with the official table
    Calendar {
        year: i16,
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, value_parser = parse_lang, default_value = "kk")]
        lang: Lang,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum DiffFormat {
    Markdown,
    Json,
}

#[derive(Subcommand)]
enum NewRecord {
    /// A vacancy: content/vacancies/YEAR/ID.yaml with the unit's next free id
    Vacancy {
        /// The unit's id (a file name in content/units/)
        #[arg(long)]
        unit: String,
        /// The position category's code (content/categories.yaml)
        #[arg(long)]
        category: String,
        /// Who appoints (P3); default territorial_head, required for the central apparatus
        #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(Authority::NAMES))]
        authority: Option<String>,
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The date to write (YYYY-MM-DD); default: today in Asia/Almaty
        #[arg(long, value_parser = parse_date)]
        today: Option<Date>,
    },
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>()
        .map_err(|e| format!("not a date (YYYY-MM-DD): {e}"))
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s).ok_or_else(|| "expected kk or ru".to_string())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { common } => check(&common),
        Command::Build { common, out } => build(&common, out),
        Command::Calendar { year, root, lang } => calendar(year, &root, lang),
        Command::Bank(args) => bank(args),
        Command::Diff {
            rev,
            root,
            format,
            preview_url,
        } => diff(rev.as_deref(), &root, format, &preview_url),
        Command::Schema { out } => schema(&out),
        Command::New(NewRecord::Vacancy {
            unit,
            category,
            authority,
            root,
            today,
        }) => new_vacancy(&root, unit, category, authority, today),
        Command::GenerateSite {
            vacancies,
            out,
            from,
            today,
        } => match kadr::generate::generate_site(&from, &out, vacancies, today) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(2)
            }
        },
        Command::Serve {
            root,
            bind,
            port,
            today,
            open,
            poll,
            no_cache,
        } => match kadr::serve::run(kadr::serve::Options {
            root,
            bind,
            port,
            today,
            open,
            poll,
            no_cache,
        }) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(2)
            }
        },
    }
}

fn color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Prints diagnostics: human output to stderr, machine formats to stdout.
fn report(checked: &pipeline::Checked, common: &Common) {
    let messages = Messages::new(common.lang);
    let text = diagnostic::print(
        &checked.diagnostics,
        checked.sources(),
        &messages,
        common.format,
        color(),
    );
    match common.format {
        Format::Human => {
            let _ = std::io::stderr().write_all(text.as_bytes());
        }
        Format::Json | Format::Github | Format::Gitlab => {
            let _ = std::io::stdout().write_all(text.as_bytes());
        }
    }
}

fn check(common: &Common) -> ExitCode {
    let today = common.today.unwrap_or_else(pipeline::today_in_almaty);
    match pipeline::check_with_disk_cache(&common.root, today, !common.no_cache) {
        Ok(checked) => {
            report(&checked, common);
            let code = if checked.has_errors() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            };
            exit_without_freeing(checked);
            code
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn build(common: &Common, out: Option<PathBuf>) -> ExitCode {
    let today = common.today.unwrap_or_else(pipeline::today_in_almaty);
    let out = out.unwrap_or_else(|| common.root.join("public"));
    let mut checked = match pipeline::check_with_disk_cache(&common.root, today, !common.no_cache) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let result = pipeline::build(&mut checked, today, &out);
    report(&checked, common);
    exit_without_freeing(checked);
    match result {
        Ok(Some(written)) => {
            eprintln!(
                "built {} files into {} ({} changed)",
                written.files,
                out.display(),
                written.changed
            );
            ExitCode::SUCCESS
        }
        Ok(None) => {
            eprintln!("build failed: {} was left as it was", out.display());
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

/// The process ends after this: the site's records (thousands of strings) are left for
/// the operating system to take back at once, instead of being freed one by one.
fn exit_without_freeing(checked: pipeline::Checked) {
    std::mem::forget(checked);
}

fn calendar(year: i16, root: &std::path::Path, lang: Lang) -> ExitCode {
    let today = pipeline::today_in_almaty();
    let checked = match pipeline::check(root, today) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let cal = kadr::calendar::Calendar::new(&checked.loaded.data.calendar);
    match kadr::calendar::describe_year(&cal, year, lang) {
        Some(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        None => {
            eprintln!("error: no working-day calendar for {year} (content/calendar/{year}.yaml)");
            ExitCode::from(1)
        }
    }
}

/// `kadr bank …`: the bank crate does the work; this only hands it the site and maps
/// its outcome to an exit code (0 done, 1 refused, 2 usage or I/O).
fn bank(args: kadr_bank::cli::BankArgs) -> ExitCode {
    let today = args.today.unwrap_or_else(pipeline::today_in_almaty);
    let site = bank_site::SiteOnDisk::new(args.root.clone(), today);
    let mut out = std::io::stdout().lock();
    match kadr_bank::cli::run(args, today, &site, &mut out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(e.exit_code())
        }
    }
}

/// `kadr diff`: exit 0 with the report on stdout, 2 when git or the site cannot be read.
fn diff(
    rev: Option<&str>,
    root: &std::path::Path,
    format: DiffFormat,
    preview_url: &str,
) -> ExitCode {
    match kadr::review::diff::diff_working_tree(root, rev) {
        Ok(diff) => {
            let text = match format {
                DiffFormat::Markdown => kadr::review::markdown::markdown(&diff, preview_url),
                DiffFormat::Json => {
                    let mut json = serde_json::to_string_pretty(&diff).unwrap_or_default();
                    json.push('\n');
                    json
                }
            };
            let _ = std::io::stdout().write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn schema(out: &std::path::Path) -> ExitCode {
    match kadr::review::schema::write_all(out) {
        Ok(files) => {
            for file in files {
                println!("{}", file.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write into {}: {e}", out.display());
            ExitCode::from(2)
        }
    }
}

fn new_vacancy(
    root: &std::path::Path,
    unit: String,
    category: String,
    authority: Option<String>,
    today: Option<Date>,
) -> ExitCode {
    let request = kadr::review::new::NewVacancy {
        unit,
        category,
        authority: authority
            .as_deref()
            .and_then(kadr::review::new::authority_named),
        today: today.unwrap_or_else(pipeline::today_in_almaty),
    };
    match kadr::review::new::new_vacancy(root, &request) {
        Ok(written) => {
            println!("{}", written.path);
            eprintln!(
                "wrote {}: replace every ⟦…⟧ in both languages, then run kadr check",
                written.path
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
