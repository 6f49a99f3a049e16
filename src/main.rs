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
        /// Replace the output folder even if it holds files kadr did not build (never
        /// the site's sources)
        #[arg(long)]
        force: bool,
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
    /// Write a new content repository for a ministry's vacancies, which checks and
    /// builds at once
    Init {
        /// The new repository's folder (created; must be empty if it exists)
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The ministry's full name in Kazakh (else a ⟦…⟧ placeholder to fill in)
        #[arg(long)]
        title_kk: Option<String>,
        /// The ministry's full name in Russian (else a ⟦…⟧ placeholder to fill in)
        #[arg(long)]
        title_ru: Option<String>,
        /// Where the subsection is published, e.g. https://www.gov.kz/memleket/entities/qriim
        #[arg(long)]
        base_url: Option<String>,
        /// Which CI workflow to write
        #[arg(long, value_enum, default_value = "github")]
        ci: CiChoice,
        /// The date that picks the calendar years (YYYY-MM-DD); default: today in Asia/Almaty
        #[arg(long, value_parser = parse_date)]
        today: Option<Date>,
    },
    /// The site's theme
    #[command(subcommand)]
    Theme(ThemeCommand),
    /// P4 compliance per unit and in total: postings placed on time and late, with their
    /// reasons, postings not in both languages, and open ones past their deadline
    Report {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Postings placed on or after this day (YYYY-MM-DD)
        #[arg(long, value_parser = parse_date)]
        from: Option<Date>,
        /// Postings placed on or before this day (YYYY-MM-DD); default: today
        #[arg(long, value_parser = parse_date)]
        to: Option<Date>,
        /// One unit only (its id, a file name in content/units/)
        #[arg(long)]
        unit: Option<String>,
        #[arg(long, value_enum, default_value = "markdown")]
        format: ReportFormat,
        #[arg(long, value_enum, default_value = "en")]
        lang: MessageLang,
        /// The day the report is made (YYYY-MM-DD); default: today in Asia/Almaty
        #[arg(long, value_parser = parse_date)]
        today: Option<Date>,
    },
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
enum ReportFormat {
    Markdown,
    Csv,
    Html,
    Json,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum CiChoice {
    Github,
    Gitlab,
    None,
}

#[derive(Subcommand)]
enum ThemeCommand {
    /// Copy kadr's built-in theme and UI strings into the site, to change them there
    Eject {
        #[arg(long, default_value = ".")]
        root: PathBuf,
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
        Command::Build { common, out, force } => build(&common, out, force),
        Command::Calendar { year, root, lang } => calendar(year, &root, lang),
        Command::Init {
            dir,
            title_kk,
            title_ru,
            base_url,
            ci,
            today,
        } => init(
            &dir,
            kadr::init::Init {
                title_kk,
                title_ru,
                base_url,
                ci: match ci {
                    CiChoice::Github => kadr::init::Ci::Github,
                    CiChoice::Gitlab => kadr::init::Ci::Gitlab,
                    CiChoice::None => kadr::init::Ci::None,
                },
                today: today.unwrap_or_else(pipeline::today_in_almaty),
                kadr_commit: Some(env!("KADR_COMMIT"))
                    .filter(|c| c.chars().all(|c| c.is_ascii_hexdigit()))
                    .map(str::to_string),
            },
        ),
        Command::Theme(ThemeCommand::Eject { root }) => eject(&root),
        Command::Report {
            root,
            from,
            to,
            unit,
            format,
            lang,
            today,
        } => p4_report(
            &root,
            kadr::report::Scope {
                from,
                to,
                unit,
                today: today.unwrap_or_else(pipeline::today_in_almaty),
            },
            format,
            lang,
        ),
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

/// Writes to standard output; a closed pipe (`kadr … | head`) is not an error to report,
/// and never a panic as `println!` would make it.
fn stdout(text: &str) {
    let _ = std::io::stdout().write_all(text.as_bytes());
}

fn stdout_line(line: &str) {
    stdout(&format!("{line}\n"));
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
            let code = if has_io_errors(&checked) {
                ExitCode::from(2)
            } else if checked.has_errors() {
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

fn build(common: &Common, out: Option<PathBuf>, force: bool) -> ExitCode {
    let today = common.today.unwrap_or_else(pipeline::today_in_almaty);
    let out = out.unwrap_or_else(|| common.root.join("public"));
    if !common.root.is_dir() {
        eprintln!("error: {} is not a directory", common.root.display());
        return ExitCode::from(2);
    }
    // Before anything is read: an output that may not be written, or that another build
    // is writing, ends the build at once (and locks it for the whole build otherwise).
    let output = match kadr::output::Output::open(&common.root, &out, force) {
        Ok(output) => output,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut checked = match pipeline::check_with_disk_cache(&common.root, today, !common.no_cache) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let result = pipeline::build(&mut checked, today, &output);
    report(&checked, common);
    let io = has_io_errors(&checked);
    exit_without_freeing(checked);
    match result {
        Ok(Some(written)) => {
            eprintln!(
                "built {} files into {} ({} changed)",
                written.files,
                output.describe(),
                written.changed
            );
            if let Some((previous, why)) = &written.leftover {
                eprintln!(
                    "note: the new site is in place, but the previous one could not be removed from {} ({why}); the next build removes it",
                    previous.display()
                );
            }
            ExitCode::SUCCESS
        }
        Ok(None) => {
            eprintln!("build failed: {} was left as it was", output.describe());
            ExitCode::from(if io { 2 } else { 1 })
        }
        Err(e) => {
            eprintln!("error: {e}; {} was left as it was", output.describe());
            ExitCode::from(2)
        }
    }
}

/// Whether a file could not be read (SPEC.md: I/O problems exit with 2, content ones
/// with 1).
fn has_io_errors(checked: &pipeline::Checked) -> bool {
    checked
        .diagnostics
        .iter()
        .any(|d| d.is_error() && d.message.id == "io-error")
}

/// The process ends after this: the site's records (thousands of strings) are left for
/// the operating system to take back at once, instead of being freed one by one.
fn exit_without_freeing(checked: pipeline::Checked) {
    std::mem::forget(checked);
}

/// `kadr calendar YEAR`: the year's days off, and which calendar they come from (the
/// site's `content/calendar/YEAR.yaml` or kadr's built-in year). Reads the calendars
/// only; exit 1 when the year is unknown or its file has problems.
fn calendar(year: i16, root: &std::path::Path, lang: Lang) -> ExitCode {
    let loaded = match kadr::load::load_calendars(root) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut diagnostics = loaded.diagnostics.clone();
    let records: Vec<_> = loaded
        .data
        .calendar
        .iter()
        .filter(|c| c.year.value == year)
        .collect();
    for record in &records {
        for (pos, problem) in kadr::calendar::problems(record) {
            diagnostics.push(
                diagnostic::Diagnostic::error("calendar-problem", record.file, pos)
                    .rule("P4")
                    .arg("detail", problem.to_string()),
            );
        }
    }
    if !diagnostics.is_empty() {
        let messages = Messages::new(match lang {
            Lang::Kk => MessageLang::Kk,
            Lang::Ru => MessageLang::Ru,
        });
        let text = diagnostic::print(
            &diagnostics,
            &loaded.sources,
            &messages,
            Format::Human,
            color(),
        );
        let _ = std::io::stderr().write_all(text.as_bytes());
        if diagnostics.iter().any(diagnostic::Diagnostic::is_error) {
            return ExitCode::from(1);
        }
    }
    let cal = kadr::calendar::Calendar::new(&loaded.data.calendar);
    let Some(text) = kadr::calendar::describe_year(&cal, year, lang) else {
        eprintln!(
            "error: kadr has no working-day calendar for {year}, and the site has none (content/calendar/{year}.yaml)"
        );
        return ExitCode::from(1);
    };
    stdout(&text);
    if let Some(record) = records.first() {
        let built_in = kadr::load::is_built_in_calendar(&loaded.sources, record);
        stdout_line(&kadr::calendar::describe_source(
            year,
            lang,
            (!built_in).then(|| loaded.sources.path(record.file)),
            env!("CARGO_PKG_VERSION"),
        ));
        if !built_in {
            let kadrs =
                kadr::load::built_in_calendar(year).map(|c| kadr::calendar::Calendar::new(&[c]));
            let changed = kadrs.and_then(|k| cal.differences(&k, year));
            if let Some(line) = kadr::calendar::describe_differences(lang, changed.as_deref()) {
                stdout_line(&line);
            }
        }
    }
    ExitCode::SUCCESS
}

/// `kadr report`: the P4 report on standard output; exit 0, 2 when the site cannot be
/// read or the unit asked for does not exist. Content errors do not stop it: they are
/// what it reports on.
fn p4_report(
    root: &std::path::Path,
    scope: kadr::report::Scope,
    format: ReportFormat,
    lang: MessageLang,
) -> ExitCode {
    let checked = match pipeline::check(root, scope.today) {
        Ok(checked) => checked,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let data = &checked.loaded.data;
    if let Some(unit) = &scope.unit
        && !data.units.iter().any(|u| u.id.value == *unit)
    {
        eprintln!("error: the site has no unit {unit} (content/units/{unit}.yaml)");
        return ExitCode::from(2);
    }
    let report = kadr::report::report(data, &checked.diagnostics, checked.sources(), &scope);
    let messages = Messages::new(lang);
    let text = match format {
        ReportFormat::Markdown => kadr::report::markdown(&report, &messages, lang),
        ReportFormat::Csv => kadr::report::csv(&report, &messages, lang),
        ReportFormat::Html => kadr::report::html(&report, &messages, lang),
        ReportFormat::Json => kadr::report::json(&report),
    };
    stdout(&text);
    exit_without_freeing(checked);
    ExitCode::SUCCESS
}

/// `kadr init`: exit 0 with the files listed, 2 when the folder is not empty or cannot
/// be written.
fn init(dir: &std::path::Path, request: kadr::init::Init) -> ExitCode {
    match kadr::init::init(dir, &request) {
        Ok(written) => {
            for file in &written.files {
                stdout_line(file);
            }
            let years: Vec<String> = written.calendar_years.iter().map(i16::to_string).collect();
            eprintln!(
                "wrote a new site into {} ({} files; calendars {}).",
                dir.display(),
                written.files.len(),
                if years.is_empty() {
                    "none: kadr knows neither this year nor the next".to_string()
                } else {
                    years.join(", ")
                }
            );
            if written.placeholders {
                eprintln!(
                    "Fill in what is between ⟦ and ⟧ (kadr check --root {} names each), then: kadr new vacancy, kadr serve.",
                    dir.display()
                );
            } else {
                eprintln!("Next: kadr new vacancy, kadr serve.");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

/// `kadr theme eject`: the built-in theme and UI strings copied into the site.
fn eject(root: &std::path::Path) -> ExitCode {
    match kadr::init::eject_theme(root) {
        Ok(ejected) => {
            for file in &ejected.written {
                stdout_line(file);
            }
            for file in &ejected.kept {
                eprintln!("kept the site's own {file}");
            }
            eprintln!(
                "wrote {} files of kadr's built-in theme into {}; edit any of them, and delete those you leave unchanged to keep getting kadr's",
                ejected.written.len(),
                root.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
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
                stdout_line(&file.display().to_string());
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
            stdout_line(&written.path);
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
