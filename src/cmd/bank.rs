//! `kadr bank …`: the bank crate does the work; this hands it the site (through
//! `crate::bank_site`, the one place that sees both) and its outcome back to `main`.

use super::{Exit, day};

pub type Args = kadr_bank::cli::BankArgs;

pub fn run(args: Args) -> Exit {
    let today = day(args.today);
    let site = crate::bank_site::SiteOnDisk::new(args.root.clone(), today);
    let lang = args.lang.unwrap_or_default();
    let mut out = std::io::stdout().lock();
    match kadr_bank::cli::run(args, today, &site, &mut out) {
        Ok(()) => Exit::Done,
        Err(e) => {
            eprintln!("{}", e.in_lang(lang));
            match e.exit_code() {
                1 => Exit::Problems,
                _ => Exit::Failed(None),
            }
        }
    }
}
