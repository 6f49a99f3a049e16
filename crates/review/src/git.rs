//! A site as it was at a git revision, for `kadr diff`. The revision's `content/` is
//! copied out of git's objects (not checked out: the working tree and the index are
//! never touched) into a temporary folder, which the one loader (`load::load`) then
//! reads like any other site. This uses the `git` command line, which every reviewer's
//! machine and every CI runner has.

use kadr_diagnostic::{Message, Messages};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The branches whose merge base with `HEAD` is the default revision to compare with,
/// in order of preference.
const DEFAULT_BRANCHES: &[&str] = &[
    "origin/HEAD",
    "origin/main",
    "origin/master",
    "main",
    "master",
];

/// The revision a diff compares with: what it was called, and the commit it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Base {
    /// As the user gave it, or how it was found ("merge base with origin/main").
    pub rev: String,
    pub commit: String,
}

/// A problem with git itself: no repository, an unknown revision, git missing.
#[derive(Debug)]
pub enum GitError {
    /// git cannot be started.
    CannotRun(std::io::Error),
    /// A git command failed, with what it printed.
    Failed {
        command: String,
        stderr: String,
    },
    NotARepository(std::path::PathBuf),
    /// The revision given does not name a commit.
    NoSuchCommit(String),
    /// The repository has no commit yet.
    NoCommit,
    /// A file of the snapshot cannot be cleared, created or written.
    Io {
        action: &'static str,
        path: std::path::PathBuf,
        error: std::io::Error,
    },
    /// A path in the repository that would leave the snapshot's folder.
    UnsafePath(String),
    /// `git cat-file` answered what it should not have.
    CatFile(String),
}

impl GitError {
    /// The reason as a message of the catalogue.
    pub fn message(&self) -> Message {
        match self {
            GitError::CannotRun(e) => Message::new("git-cannot-run").arg("detail", e.to_string()),
            GitError::Failed { command, stderr } => Message::new("git-failed")
                .arg("command", command.as_str())
                .arg("detail", stderr.as_str()),
            GitError::NotARepository(root) => {
                Message::new("git-not-a-repository").arg("root", root.display().to_string())
            }
            GitError::NoSuchCommit(rev) => {
                Message::new("git-no-such-commit").arg("rev", rev.as_str())
            }
            GitError::NoCommit => Message::new("git-no-commit"),
            GitError::Io {
                action,
                path,
                error,
            } => kadr_load::io_message(action, path, error),
            GitError::UnsafePath(path) => {
                Message::new("git-unsafe-path").arg("path", path.as_str())
            }
            GitError::CatFile(d) => Message::new("git-cat-file").arg("detail", d.as_str()),
        }
    }
}

impl std::fmt::Display for GitError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&Messages::english(&self.message()))
    }
}

impl std::error::Error for GitError {}

fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> GitError {
    let path = path.to_path_buf();
    move |error| GitError::Io {
        action,
        path,
        error,
    }
}

/// Runs `git -C root ARGS` and returns its standard output.
fn git(root: &Path, args: &[&str]) -> Result<Vec<u8>, GitError> {
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(GitError::CannotRun)?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(GitError::Failed {
            command: args.join(" "),
            stderr: String::from_utf8_lossy(&output.stderr).trim().to_string(),
        })
    }
}

fn git_line(root: &Path, args: &[&str]) -> Result<String, GitError> {
    git(root, args).map(|out| String::from_utf8_lossy(&out).trim().to_string())
}

/// The commit `rev` names, if it names one.
fn commit_of(root: &Path, rev: &str) -> Option<String> {
    git_line(
        root,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    )
    .ok()
    .filter(|c| !c.is_empty())
}

/// Resolves `rev`, or by default the merge base of `HEAD` with the default branch (the
/// first of `origin/HEAD`, `origin/main`, `origin/master`, `main`, `master` that
/// exists), or `HEAD` when there is none.
pub fn resolve_base(root: &Path, rev: Option<&str>) -> Result<Base, GitError> {
    git_line(root, &["rev-parse", "--git-dir"])
        .map_err(|_| GitError::NotARepository(root.to_path_buf()))?;
    if let Some(rev) = rev {
        let commit = commit_of(root, rev).ok_or_else(|| GitError::NoSuchCommit(rev.to_string()))?;
        return Ok(Base {
            rev: rev.to_string(),
            commit,
        });
    }
    for branch in DEFAULT_BRANCHES {
        if commit_of(root, branch).is_none() {
            continue;
        }
        if let Ok(commit) = git_line(root, &["merge-base", "HEAD", branch])
            && !commit.is_empty()
        {
            return Ok(Base {
                rev: format!("merge base with {branch}"),
                commit,
            });
        }
    }
    let commit = commit_of(root, "HEAD").ok_or(GitError::NoCommit)?;
    Ok(Base {
        rev: "HEAD".into(),
        commit,
    })
}

/// A temporary folder holding a site's `content/` as it was at a commit; removed when
/// dropped.
pub struct Snapshot {
    dir: PathBuf,
}

impl Snapshot {
    /// The snapshot's site root, for `load::load`.
    pub fn root(&self) -> &Path {
        &self.dir
    }
}

impl Drop for Snapshot {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

static NEXT_SNAPSHOT: AtomicUsize = AtomicUsize::new(0);

/// Copies `content/` of the site at `root` as it was at `commit` into a new temporary
/// folder. `root` may be a folder inside the repository.
pub fn snapshot(root: &Path, commit: &str) -> Result<Snapshot, GitError> {
    let prefix = git_line(root, &["rev-parse", "--show-prefix"])?;
    let dir = std::env::temp_dir().join(format!(
        "kadr-diff-{}-{}",
        std::process::id(),
        NEXT_SNAPSHOT.fetch_add(1, Ordering::Relaxed)
    ));
    if dir.exists() {
        std::fs::remove_dir_all(&dir).map_err(io("clear", &dir))?;
    }
    std::fs::create_dir_all(&dir).map_err(io("create", &dir))?;
    let snapshot = Snapshot { dir };
    let blobs = list_blobs(root, commit, &prefix)?;
    write_blobs(root, &blobs, snapshot.root())?;
    Ok(snapshot)
}

/// (object id, path relative to the site root) of every regular file under `content/`
/// at `commit`. Symbolic links and submodules are left out, as the loader would refuse
/// them.
fn list_blobs(root: &Path, commit: &str, prefix: &str) -> Result<Vec<(String, PathBuf)>, GitError> {
    let out = git(
        root,
        &[
            "ls-tree",
            "-r",
            "-z",
            "--full-name",
            commit,
            "--",
            "content",
        ],
    )?;
    let mut blobs = Vec::new();
    for entry in out.split(|&b| b == 0).filter(|e| !e.is_empty()) {
        let entry = String::from_utf8_lossy(entry);
        let Some((meta, path)) = entry.split_once('\t') else {
            continue;
        };
        let mut meta = meta.split(' ');
        let (Some(mode), Some("blob"), Some(object)) = (meta.next(), meta.next(), meta.next())
        else {
            continue;
        };
        if mode != "100644" && mode != "100755" {
            continue;
        }
        let Some(rel) = path.strip_prefix(prefix) else {
            continue;
        };
        let rel = PathBuf::from(rel);
        // Git's trees cannot hold `..`, but a path from outside is checked before use.
        if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
            return Err(GitError::UnsafePath(path.to_string()));
        }
        blobs.push((object.to_string(), rel));
    }
    Ok(blobs)
}

/// Writes the blobs into `dir` with one `git cat-file --batch` (one process, however
/// many files).
fn write_blobs(root: &Path, blobs: &[(String, PathBuf)], dir: &Path) -> Result<(), GitError> {
    if blobs.is_empty() {
        return Ok(());
    }
    let mut child = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(GitError::CannotRun)?;
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| GitError::CatFile("git cat-file has no input".into()))?;
    let request: String = blobs.iter().map(|(id, _)| format!("{id}\n")).collect();
    // Written from a thread: git answers while it reads, and a full pipe either way
    // would otherwise stop both.
    let writer = std::thread::spawn(move || stdin.write_all(request.as_bytes()));
    let stdout = child
        .stdout
        .take()
        .ok_or_else(|| GitError::CatFile("git cat-file has no output".into()))?;
    let mut reader = BufReader::new(stdout);
    let mut result = Ok(());
    for (id, rel) in blobs {
        if let Err(e) = read_one(&mut reader, id, &dir.join(rel)) {
            result = Err(e);
            break;
        }
    }
    drop(reader);
    let _ = writer.join();
    let _ = child.wait();
    result
}

fn read_one(reader: &mut impl BufRead, id: &str, target: &Path) -> Result<(), GitError> {
    let mut header = String::new();
    reader
        .read_line(&mut header)
        .map_err(|e| GitError::CatFile(format!("reading git cat-file: {e}")))?;
    let mut parts = header.split_whitespace();
    let size = match (parts.next(), parts.next(), parts.next()) {
        (Some(got), Some("blob"), Some(size)) if got == id => size
            .parse::<u64>()
            .map_err(|_| GitError::CatFile(format!("git cat-file: bad header {header:?}")))?,
        _ => {
            return Err(GitError::CatFile(format!(
                "git cat-file: no blob {id}: {header:?}"
            )));
        }
    };
    let mut bytes = Vec::new();
    reader
        .by_ref()
        .take(size)
        .read_to_end(&mut bytes)
        .map_err(|e| GitError::CatFile(format!("reading git cat-file: {e}")))?;
    let mut newline = [0u8; 1];
    let _ = reader.read_exact(&mut newline);
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent).map_err(io("create", parent))?;
    }
    std::fs::write(target, bytes).map_err(io("write", target))
}
