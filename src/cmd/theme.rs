//! `kadr theme eject`: the built-in theme and UI strings copied into the site.

use std::path::PathBuf;

use kadr_diagnostic::Message;

use super::{Exit, LangFlag, stdout_line};

#[derive(clap::Subcommand)]
pub enum Args {
    /// Copy kadr's built-in theme and UI strings into the site, to change them there
    Eject {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[command(flatten)]
        lang: LangFlag,
    },
}

pub fn run(args: Args) -> Exit {
    let Args::Eject { root, lang } = args;
    let messages = lang.messages();
    match kadr_init::eject_theme(&root) {
        Ok(ejected) => {
            for file in &ejected.written {
                stdout_line(file);
            }
            for file in &ejected.kept {
                let kept = Message::new("eject-kept").arg("file", file.as_str());
                eprintln!("{}", messages.text(&kept));
            }
            let wrote = Message::new("eject-wrote")
                .arg("files", ejected.written.len() as i64)
                .arg("root", root.display().to_string());
            eprintln!("{}", messages.text(&wrote));
            Exit::Done
        }
        Err(e) => Exit::failed_in(&messages, &super::init::init_message(&e)),
    }
}
