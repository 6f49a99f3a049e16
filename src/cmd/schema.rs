//! `kadr schema`: writes the JSON Schemas of the record files, for editors.

use std::path::PathBuf;

use super::{Exit, stdout_line};

#[derive(clap::Args)]
pub struct Args {
    /// Folder to write into
    #[arg(long, default_value = "schemas")]
    pub out: PathBuf,
}

pub fn run(args: Args) -> Exit {
    match kadr_review::schema::write_all(&args.out) {
        Ok(files) => {
            for file in files {
                stdout_line(&file.display().to_string());
            }
            Exit::Done
        }
        Err(e) => Exit::failed(format!("cannot write into {}: {e}", args.out.display())),
    }
}
