//! `kadr theme eject`: the built-in theme and UI strings copied into the site.

use std::path::PathBuf;

use super::{Exit, stdout_line};

#[derive(clap::Subcommand)]
pub enum Args {
    /// Copy kadr's built-in theme and UI strings into the site, to change them there
    Eject {
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

pub fn run(args: Args) -> Exit {
    let Args::Eject { root } = args;
    match kadr_init::eject_theme(&root) {
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
            Exit::Done
        }
        Err(e) => Exit::failed(e),
    }
}
