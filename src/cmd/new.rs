//! `kadr new vacancy`: a new record with every field in place, for filling in.

use std::path::PathBuf;

use jiff::civil::Date;

use kadr_model::Authority;

use kadr_diagnostic::Message;
use kadr_review::new::NewError;

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
        Err(e) => Exit::failed_in(&messages, &new_message(&e)),
    }
}

fn new_message(e: &NewError) -> Message {
    let join = |list: &[String]| list.join(", ");
    match e {
        NewError::Load(e) => super::load_message(e),
        NewError::UnknownUnit { unit, known } => Message::new("new-unknown-unit")
            .arg("unit", unit.as_str())
            .arg("known", join(known)),
        NewError::UnknownCategory { code, leadership } => Message::new("new-unknown-category")
            .arg("code", code.as_str())
            .arg("known", join(leadership)),
        NewError::NotLeadership { code } => {
            Message::new("new-not-leadership").arg("code", code.as_str())
        }
        NewError::NoRequirement { code } => {
            Message::new("new-no-requirement").arg("code", code.as_str())
        }
        NewError::TerritorialHeadInCentral { unit } => {
            Message::new("new-territorial-head-in-central").arg("unit", unit.as_str())
        }
        NewError::AuthorityNeeded { unit } => {
            Message::new("new-authority-needed").arg("unit", unit.as_str())
        }
        NewError::DateOutOfRange(e) => {
            Message::new("new-date-out-of-range").arg("detail", e.to_string())
        }
        NewError::Io {
            action,
            path,
            error,
        } => super::io_message(action, path, error),
    }
}
