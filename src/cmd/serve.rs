//! `kadr serve`: the preview, rebuilt on every save.

use std::path::PathBuf;

use jiff::civil::Date;

use super::{Exit, LangFlag, parse_date};

#[derive(clap::Args)]
pub struct Args {
    /// The site's root folder
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Address to listen on (loopback by default: the preview is not for the network)
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Port; the next free one is taken if it is in use
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// The date to build for (YYYY-MM-DD); default: today in Asia/Almaty
    #[arg(long, value_parser = parse_date)]
    pub today: Option<Date>,
    /// Open the default language's list in a browser
    #[arg(long)]
    pub open: bool,
    /// Poll for changes instead of file-system events (network drives, WSL)
    #[arg(long)]
    pub poll: bool,
    /// Read every record file again, and leave the cache (.kadr-cache/) alone
    #[arg(long)]
    pub no_cache: bool,
    #[command(flatten)]
    pub lang: LangFlag,
}

pub fn run(args: Args) -> Exit {
    let options = kadr_serve::Options {
        root: args.root,
        bind: args.bind,
        port: args.port,
        today: args.today,
        open: args.open,
        poll: args.poll,
        no_cache: args.no_cache,
        lang: args.lang.lang.into(),
    };
    match kadr_serve::run(options) {
        Ok(()) => Exit::Done,
        Err(e) => Exit::failed_in(&args.lang.messages(), &e.message()),
    }
}
