//! `kadr schema`: writes the JSON Schemas of the record files, for editors.

use std::path::PathBuf;

use kadr_diagnostic::Message;

use super::{Exit, LangFlag, stdout_line};

#[derive(clap::Args)]
pub struct Args {
    /// Folder to write into
    #[arg(long, default_value = "schemas")]
    pub out: PathBuf,
    #[command(flatten)]
    pub lang: LangFlag,
}

pub fn run(args: Args) -> Exit {
    match kadr_review::schema::write_all(&args.out) {
        Ok(files) => {
            for file in files {
                stdout_line(&file.display().to_string());
            }
            Exit::Done
        }
        Err(e) => {
            let m = Message::new("schema-cannot-write")
                .arg("out", args.out.display().to_string())
                .arg("detail", e.to_string())
                .arg("kind", kadr_load::IoKind::of(&e).name());
            Exit::failed_in(&args.lang.messages(), &m)
        }
    }
}
