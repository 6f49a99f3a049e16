//! `kadr diff [REV]`: what changed in postings since REV, for a review (K26); exit 0 with
//! the report on standard output, 2 when git or the site cannot be read.

use std::path::PathBuf;

use super::{Exit, LangFlag, stdout};

#[derive(clap::Args)]
pub struct Args {
    /// The revision to compare with; default: the merge base with the default branch
    /// (origin/HEAD, origin/main, main, master), or HEAD when there is none
    pub rev: Option<String>,
    /// The site's root folder (inside a git repository)
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    #[arg(long, value_enum, default_value = "markdown")]
    pub format: DiffFormat,
    /// Where vacancy previews are served (kadr serve's address by default)
    #[arg(long, default_value = "http://127.0.0.1:1111/")]
    pub preview_url: String,
    #[command(flatten)]
    pub lang: LangFlag,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum DiffFormat {
    Markdown,
    Json,
}

pub fn run(args: Args) -> Exit {
    match kadr_review::diff::diff_working_tree(&args.root, args.rev.as_deref()) {
        Ok(diff) => {
            stdout(&match args.format {
                DiffFormat::Markdown => {
                    kadr_review::markdown::markdown(&diff, &args.preview_url, &args.lang.messages())
                }
                DiffFormat::Json => {
                    let mut json = serde_json::to_string_pretty(&diff).unwrap_or_default();
                    json.push('\n');
                    json
                }
            });
            Exit::Done
        }
        Err(e) => Exit::failed_in(&args.lang.messages(), &e.message()),
    }
}
