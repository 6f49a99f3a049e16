//! Build script: records the commit kadr is built from, for `kadr --version`.

use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=KADR_COMMIT");
    let commit = std::env::var("KADR_COMMIT")
        .ok()
        .filter(|c| !c.trim().is_empty())
        .or_else(git_commit)
        .unwrap_or_else(|| "unknown commit".to_string());
    println!("cargo:rustc-env=KADR_COMMIT={commit}");
}

/// The short hash of HEAD; `None` outside a git checkout or without git (built from a
/// source archive, only the version is known).
fn git_commit() -> Option<String> {
    let git_dir = git(&["rev-parse", "--git-dir"])?;
    // A new commit moves HEAD or the branch it names; both are watched.
    let git_dir = Path::new(&git_dir);
    println!("cargo:rerun-if-changed={}", git_dir.join("HEAD").display());
    // Branches live in the common folder (in a worktree, HEAD does not).
    let common = git(&["rev-parse", "--git-common-dir"]).unwrap_or_default();
    let common = Path::new(&common);
    if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
        println!("cargo:rerun-if-changed={}", common.join(branch).display());
    }
    println!(
        "cargo:rerun-if-changed={}",
        common.join("packed-refs").display()
    );
    git(&["rev-parse", "--short=12", "HEAD"])
}

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (!text.is_empty()).then_some(text)
}
