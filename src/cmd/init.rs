//! `kadr init [DIR]`: a new content repository that checks and builds at once; exit 0
//! with the files listed, 2 when the folder is not empty or cannot be written.

use std::path::PathBuf;

use jiff::civil::Date;

use kadr_diagnostic::Message;

use super::{Exit, LangFlag, day, parse_date, stdout_line};

#[derive(clap::Args)]
pub struct Args {
    /// The new repository's folder (created; must be empty if it exists)
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// The ministry's full name in Kazakh (else a ⟦…⟧ placeholder to fill in)
    #[arg(long)]
    pub title_kk: Option<String>,
    /// The ministry's full name in Russian (else a ⟦…⟧ placeholder to fill in)
    #[arg(long)]
    pub title_ru: Option<String>,
    /// Where the subsection is published, e.g. https://www.gov.kz/memleket/entities/qriim
    #[arg(long)]
    pub base_url: Option<String>,
    /// Which CI workflow to write
    #[arg(long, value_enum, default_value = "github")]
    pub ci: CiChoice,
    /// The date that picks the calendar years (YYYY-MM-DD); default: today in Asia/Almaty
    #[arg(long, value_parser = parse_date)]
    pub today: Option<Date>,
    #[command(flatten)]
    pub lang: LangFlag,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum CiChoice {
    Github,
    Gitlab,
    None,
}

pub fn run(args: Args) -> Exit {
    let request = kadr_init::Init {
        title_kk: args.title_kk,
        title_ru: args.title_ru,
        base_url: args.base_url,
        ci: match args.ci {
            CiChoice::Github => kadr_init::Ci::Github,
            CiChoice::Gitlab => kadr_init::Ci::Gitlab,
            CiChoice::None => kadr_init::Ci::None,
        },
        today: day(args.today),
        // The workflow pins the commit of kadr that wrote it, when it is known.
        kadr_commit: Some(env!("KADR_COMMIT"))
            .filter(|c| c.chars().all(|c| c.is_ascii_hexdigit()))
            .map(str::to_string),
    };
    let dir = &args.dir;
    let messages = args.lang.messages();
    match kadr_init::init(dir, &request) {
        Ok(written) => {
            for file in &written.files {
                stdout_line(file);
            }
            let years: Vec<String> = written.calendar_years.iter().map(i16::to_string).collect();
            let dir_name = dir.display().to_string();
            let wrote = if years.is_empty() {
                Message::new("init-wrote-no-calendar")
            } else {
                Message::new("init-wrote").arg("years", years.join(", "))
            };
            let wrote = wrote
                .arg("dir", dir_name.as_str())
                .arg("files", written.files.len() as i64);
            eprintln!("{}", messages.text(&wrote));
            let next = if written.placeholders {
                Message::new("init-fill-in").arg("dir", dir_name)
            } else {
                Message::new("init-next")
            };
            eprintln!("{}", messages.text(&next));
            Exit::Done
        }
        Err(e) => Exit::failed_in(&messages, &init_message(&e)),
    }
}

/// Why `init` or `theme eject` wrote nothing (or stopped), as a message.
pub fn init_message(e: &kadr_init::InitError) -> Message {
    match e {
        kadr_init::InitError::NotEmpty(dir) => {
            Message::new("init-not-empty").arg("dir", dir.display().to_string())
        }
        kadr_init::InitError::Io(path, error) => kadr_load::io_message("write", path, error),
    }
}
