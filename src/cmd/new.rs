//! `kadr new vacancy`: a new record with every field in place, for filling in.

use std::path::PathBuf;

use jiff::civil::Date;

use kadr_model::Authority;

use kadr_diagnostic::Message;

use super::{Exit, LangFlag, day, parse_date, stdout_line};

#[derive(clap::Subcommand)]
pub enum Args {
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
        #[command(flatten)]
        lang: LangFlag,
    },
}

pub fn run(args: Args) -> Exit {
    let Args::Vacancy {
        unit,
        category,
        authority,
        root,
        today,
        lang,
    } = args;
    let messages = lang.messages();
    let request = kadr_review::new::NewVacancy {
        unit,
        category,
        authority: authority
            .as_deref()
            .and_then(kadr_review::new::authority_named),
        today: day(today),
    };
    match kadr_review::new::new_vacancy(&root, &request) {
        Ok(written) => {
            stdout_line(&written.path);
            let wrote = Message::new("new-wrote").arg("path", written.path.as_str());
            eprintln!("{}", messages.text(&wrote));
            Exit::Done
        }
        Err(e) => Exit::failed_in(&messages, &e.message()),
    }
}
