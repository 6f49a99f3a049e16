//! `kadr calendar YEAR`: the year's days off, and which calendar they come from (the
//! site's `content/calendar/YEAR.yaml` or kadr's built-in year). Reads the calendars
//! only; exit 1 when the year is unknown or its file has problems.

use std::io::Write as _;
use std::path::PathBuf;

use kadr_calendar::Calendar;
use kadr_diagnostic::{Diagnostic, Format, Messages, messages::MessageLang};
use kadr_model::Lang;

use super::{Exit, color, stdout, stdout_line};

#[derive(clap::Args)]
pub struct Args {
    pub year: i16,
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    #[arg(long, value_parser = parse_lang, default_value = "kk")]
    pub lang: Lang,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s).ok_or_else(|| "expected kk or ru".to_string())
}

pub fn run(args: Args) -> Exit {
    let (year, lang) = (args.year, args.lang);
    let loaded = match kadr_load::load_calendars(&args.root) {
        Ok(loaded) => loaded,
        Err(e) => return Exit::load_failed(&Messages::new(message_lang(lang)), &e),
    };
    let mut diagnostics = loaded.diagnostics.clone();
    let records: Vec<_> = loaded
        .data
        .calendar
        .iter()
        .filter(|c| c.year.value == year)
        .collect();
    for record in &records {
        kadr_check::p4_calendar_year(record, &mut diagnostics);
    }
    if !diagnostics.is_empty() {
        let messages = Messages::new(message_lang(lang));
        let text = kadr_diagnostic::print(
            &diagnostics,
            &loaded.sources,
            &messages,
            Format::Human,
            color(),
        );
        let _ = std::io::stderr().write_all(text.as_bytes());
        if diagnostics.iter().any(Diagnostic::is_error) {
            return Exit::Problems;
        }
    }
    let cal = Calendar::new(&loaded.data.calendar);
    let Some(text) = kadr_calendar::describe_year(&cal, year, lang) else {
        eprintln!(
            "error: kadr has no working-day calendar for {year}, and the site has none (content/calendar/{year}.yaml)"
        );
        return Exit::Problems;
    };
    stdout(&text);
    if let Some(record) = records.first() {
        let built_in = kadr_load::is_built_in_calendar(&loaded.sources, record);
        stdout_line(&kadr_calendar::describe_source(
            year,
            lang,
            (!built_in).then(|| loaded.sources.path(record.file)),
            env!("CARGO_PKG_VERSION"),
        ));
        let sources: Vec<&str> = record.sources.iter().map(|s| s.get(lang)).collect();
        stdout_line(&kadr_calendar::describe_sources(lang, &sources));
        if !built_in {
            let kadrs = kadr_load::built_in_calendar(year).map(|c| Calendar::new(&[c]));
            let changed = kadrs.and_then(|k| cal.differences(&k, year));
            if let Some(line) = kadr_calendar::describe_differences(lang, changed.as_deref()) {
                stdout_line(&line);
            }
        }
    }
    Exit::Done
}

/// `kadr calendar` speaks the language of the calendar it prints.
fn message_lang(lang: Lang) -> MessageLang {
    match lang {
        Lang::Kk => MessageLang::Kk,
        Lang::Ru => MessageLang::Ru,
    }
}
