//! `kadr diff [REV]`: what changed in postings since REV, for a review (K26); exit 0 with
//! the report on standard output, 2 when git or the site cannot be read.

use std::path::PathBuf;

use kadr_diagnostic::Message;
use kadr_review::diff::DiffError;
use kadr_review::git::GitError;

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
        Err(e) => Exit::failed_in(&args.lang.messages(), &diff_message(&e)),
    }
}

fn diff_message(e: &DiffError) -> Message {
    match e {
        DiffError::Load(e) => super::load_message(e),
        DiffError::Git(e) => git_message(e),
    }
}

fn git_message(e: &GitError) -> Message {
    let detail = |e: &dyn std::fmt::Display| e.to_string();
    match e {
        GitError::CannotRun(e) => Message::new("git-cannot-run").arg("detail", detail(e)),
        GitError::Failed { command, stderr } => Message::new("git-failed")
            .arg("command", command.as_str())
            .arg("detail", stderr.as_str()),
        GitError::NotARepository(root) => {
            Message::new("git-not-a-repository").arg("root", root.display().to_string())
        }
        GitError::NoSuchCommit(rev) => Message::new("git-no-such-commit").arg("rev", rev.as_str()),
        GitError::NoCommit => Message::new("git-no-commit"),
        GitError::Io {
            action,
            path,
            error,
        } => super::io_message(action, path, error),
        GitError::UnsafePath(path) => Message::new("git-unsafe-path").arg("path", path.as_str()),
        GitError::CatFile(d) => Message::new("git-cat-file").arg("detail", d.as_str()),
    }
}
