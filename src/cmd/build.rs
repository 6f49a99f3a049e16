//! `kadr build`: check, then render the site into the output folder, atomically.

use std::path::PathBuf;

use super::{Common, Exit, day, exit_without_freeing, has_io_errors, print_diagnostics};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub common: Common,
    /// Output folder; default: public/ in the site root
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Replace the output folder even if it holds files kadr did not build (never the
    /// site's sources)
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: Args) -> Exit {
    let common = &args.common;
    let today = day(common.today);
    let out = args.out.unwrap_or_else(|| common.root.join("public"));
    if !common.root.is_dir() {
        return Exit::failed(format!("{} is not a directory", common.root.display()));
    }
    // Before anything is read: an output that may not be written, or that another build
    // is writing, ends the build at once (and is locked for the whole build otherwise).
    let output = match kadr_output::Output::open(&common.root, &out, args.force) {
        Ok(output) => output,
        Err(e) => return Exit::failed(e),
    };
    let mut checked =
        match kadr_pipeline::check_with_disk_cache(&common.root, today, !common.no_cache) {
            Ok(c) => c,
            Err(e) => return Exit::failed(e),
        };
    let result = kadr_pipeline::build(&mut checked, today, &output);
    print_diagnostics(&checked, common);
    let io = has_io_errors(&checked);
    exit_without_freeing(checked);
    match result {
        Ok(Some(written)) => {
            eprintln!(
                "built {} files into {} ({} changed)",
                written.files,
                output.describe(),
                written.changed
            );
            if let Some((previous, why)) = &written.leftover {
                eprintln!(
                    "note: the new site is in place, but the previous one could not be removed from {} ({why}); the next build removes it",
                    previous.display()
                );
            }
            Exit::Done
        }
        Ok(None) => {
            eprintln!("build failed: {} was left as it was", output.describe());
            if io {
                Exit::Failed(None)
            } else {
                Exit::Problems
            }
        }
        Err(e) => Exit::failed(format!("{e}; {} was left as it was", output.describe())),
    }
}
