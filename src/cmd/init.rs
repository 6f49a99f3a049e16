//! `kadr init [DIR]`: a new content repository that checks and builds at once; exit 0
//! with the files listed, 2 when the folder is not empty or cannot be written.

use std::path::PathBuf;

use jiff::civil::Date;

use super::{Exit, day, parse_date, stdout_line};

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
    match kadr_init::init(dir, &request) {
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
            Exit::Done
        }
        Err(e) => Exit::failed(e),
    }
}
