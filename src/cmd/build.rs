//! `kadr build`: check, then render the site into the output folder, atomically.

use std::path::PathBuf;

use kadr_diagnostic::{Message, Messages};
use kadr_output::OutputError;

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
    let messages = Messages::new(common.lang.into());
    let say = |m: Message| messages.text(&m);
    let today = day(common.today);
    let out = args.out.unwrap_or_else(|| common.root.join("public"));
    if !common.root.is_dir() {
        let m = Message::new("root-not-a-folder").arg("root", common.root.display().to_string());
        return Exit::failed_in(&messages, &m);
    }
    // Before anything is read: an output that may not be written, or that another build
    // is writing, ends the build at once (and is locked for the whole build otherwise).
    let output = match kadr_output::Output::open(&common.root, &out, args.force) {
        Ok(output) => output,
        Err(e) => return Exit::failed_in(&messages, &output_message(&e)),
    };
    let mut checked =
        match kadr_pipeline::check_with_disk_cache(&common.root, today, !common.no_cache) {
            Ok(c) => c,
            Err(e) => return Exit::load_failed(&messages, &e),
        };
    let result = kadr_pipeline::build(&mut checked, today, &output);
    print_diagnostics(&checked, common);
    let io = has_io_errors(&checked);
    exit_without_freeing(checked);
    match result {
        Ok(Some(written)) => {
            eprintln!(
                "{}",
                say(Message::new("built")
                    .arg("files", written.files as i64)
                    .arg("out", output.describe())
                    .arg("changed", written.changed as i64))
            );
            if let Some((previous, why)) = &written.leftover {
                eprintln!(
                    "{}",
                    say(Message::new("build-leftover")
                        .arg("previous", previous.display().to_string())
                        .arg("detail", why.to_string()))
                );
            }
            Exit::Done
        }
        Ok(None) => {
            eprintln!(
                "{}",
                say(Message::new("build-failed").arg("out", output.describe()))
            );
            if io {
                Exit::Failed(None)
            } else {
                Exit::Problems
            }
        }
        Err(e) => {
            let m = Message::new("output-left-as-it-was")
                .arg("error", messages.text(&output_message(&e)))
                .arg("out", output.describe());
            Exit::failed_in(&messages, &m)
        }
    }
}

/// Why the output could not be written, as a message in the reader's language.
fn output_message(e: &OutputError) -> Message {
    let path = |p: &std::path::Path| p.display().to_string();
    match e {
        OutputError::Sources { out, source } => Message::new("output-sources")
            .arg("out", path(out))
            .arg("source", path(source)),
        OutputError::NotAFolder(out) => Message::new("output-not-a-folder").arg("out", path(out)),
        OutputError::Foreign(out) => Message::new("output-foreign").arg("out", path(out)),
        OutputError::Locked { out, holder } => Message::new("output-locked")
            .arg("out", path(out))
            .arg("holder", holder.as_str()),
        OutputError::UnsafePath(p) => Message::new("output-unsafe-path").arg("path", p.as_str()),
        OutputError::Io {
            action,
            path: p,
            error,
        } => kadr_load::io_message(action, p, error),
    }
}
