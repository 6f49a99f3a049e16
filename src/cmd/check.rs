//! `kadr check`: validate every record and print every problem.

use super::{Common, Exit, day, exit_without_freeing, has_io_errors, print_diagnostics};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub common: Common,
}

pub fn run(args: Args) -> Exit {
    let common = &args.common;
    match kadr_pipeline::check_with_disk_cache(&common.root, day(common.today), !common.no_cache) {
        Ok(checked) => {
            print_diagnostics(&checked, common);
            let exit = if has_io_errors(&checked) {
                Exit::Failed(None)
            } else if checked.has_errors() {
                Exit::Problems
            } else {
                Exit::Done
            };
            exit_without_freeing(checked);
            exit
        }
        Err(e) => Exit::load_failed(&kadr_diagnostic::Messages::new(common.lang.into()), &e),
    }
}
