//! `kadr report`: the P4 report on standard output; exit 0, 2 when the site cannot be
//! read or the unit asked for does not exist. Content errors do not stop it: they are
//! what it reports on.

use std::path::PathBuf;

use jiff::civil::Date;

use kadr_diagnostic::{Message, Messages, messages::MessageLang};

use super::{Exit, LangArg, day, exit_without_freeing, parse_date, stdout};

#[derive(clap::Args)]
pub struct Args {
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Postings placed on or after this day (YYYY-MM-DD)
    #[arg(long, value_parser = parse_date)]
    pub from: Option<Date>,
    /// Postings placed on or before this day (YYYY-MM-DD); default: today
    #[arg(long, value_parser = parse_date)]
    pub to: Option<Date>,
    /// One unit only (its id, a file name in content/units/)
    #[arg(long)]
    pub unit: Option<String>,
    #[arg(long, value_enum, default_value = "markdown")]
    pub format: ReportFormat,
    #[arg(long, value_enum, env = "KADR_LANG", default_value = "en")]
    pub lang: LangArg,
    /// The day the report is made (YYYY-MM-DD); default: today in Asia/Almaty
    #[arg(long, value_parser = parse_date)]
    pub today: Option<Date>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ReportFormat {
    Markdown,
    Csv,
    Html,
    Json,
}

pub fn run(args: Args) -> Exit {
    let scope = kadr_report::Scope {
        from: args.from,
        to: args.to,
        unit: args.unit,
        today: day(args.today),
    };
    let checked = match kadr_pipeline::check(&args.root, scope.today) {
        Ok(checked) => checked,
        Err(e) => return Exit::load_failed(&Messages::new(args.lang.into()), &e),
    };
    let data = &checked.loaded.data;
    if let Some(unit) = &scope.unit
        && !data.units.iter().any(|u| u.id.value == *unit)
    {
        let m = Message::new("report-no-such-unit").arg("unit", unit.as_str());
        return Exit::failed_in(&Messages::new(args.lang.into()), &m);
    }
    let report = kadr_report::report(data, &checked.diagnostics, checked.sources(), &scope);
    let lang = MessageLang::from(args.lang);
    let messages = Messages::new(lang);
    stdout(&match args.format {
        ReportFormat::Markdown => kadr_report::markdown(&report, &messages, lang),
        ReportFormat::Csv => kadr_report::csv(&report, &messages, lang),
        ReportFormat::Html => kadr_report::html(&report, &messages, lang),
        ReportFormat::Json => kadr_report::json(&report),
    });
    exit_without_freeing(checked);
    Exit::Done
}
