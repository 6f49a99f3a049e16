//! The files of a store and how they are written. A store `NAME.kadrbank` (the
//! encrypted database) has two small files beside it: `NAME.kadrbank-keys`, its key
//! slots, and `NAME.kadrbank-head`, the last entry of its audit log. A backup is the
//! same three files under the backup's name.
//!
//! Every file is created only its owner may read (mode 0600), written under a temporary
//! name beside its target (still recognisable as a bank file if a crash leaves it
//! behind), flushed to disk and renamed into place, so that a reader sees the old file
//! or the new one, never half of one. The key-slot and head files begin with their own
//! eight-byte magic and are padded to a whole multiple of [`FILE_GRANULE`] bytes, like
//! the database, so that `kadr build` recognises all three by size and first bytes.

use std::fs;
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::messages::Text;

/// Every bank file's size is a whole multiple of this (SQLite's smallest page size):
/// the same constant as `kadr::load::BANK_FILE_GRANULE`.
pub const FILE_GRANULE: usize = 512;

/// The three files of a store (or a backup).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub db: PathBuf,
    pub keys: PathBuf,
    pub head: PathBuf,
}

impl Paths {
    pub fn of(db: &Path) -> Paths {
        Paths {
            db: db.to_path_buf(),
            keys: suffixed(db, "-keys"),
            head: suffixed(db, "-head"),
        }
    }

    /// The three files, the database first.
    pub fn all(&self) -> [&Path; 3] {
        [&self.db, &self.keys, &self.head]
    }
}

pub(crate) fn suffixed(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

pub(crate) fn journal_of(path: &Path) -> PathBuf {
    suffixed(path, "-journal")
}

/// `DIR/.NAME.partial-PID.kadrbank` for `DIR/NAME`: beside the target (so the rename
/// stays on one file system), hidden, and still recognisable as a bank file.
pub(crate) fn partial_path(target: &Path) -> Result<PathBuf, Error> {
    let name = target
        .file_name()
        .ok_or_else(|| Error::usage(format!("{} names no file", target.display())))?;
    let mut partial = std::ffi::OsString::from(".");
    partial.push(name);
    partial.push(format!(
        ".partial-{}.{}",
        std::process::id(),
        super::EXTENSION
    ));
    Ok(target.with_file_name(partial))
}

/// Creates an empty file only its owner may read and write (B12).
pub(crate) fn create_private_file(path: &Path) -> Result<fs::File, Error> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            Error::refused("K19", format!("{} already exists", path.display()))
        } else {
            Error::io(
                Text::new("io-cannot-create").arg("path", path.display().to_string()),
                e,
            )
        }
    })
}

/// Replaces `target` with `bytes`, atomically and privately.
pub(crate) fn write_atomically(target: &Path, bytes: &[u8]) -> Result<(), Error> {
    let partial = partial_path(target)?;
    let _ = fs::remove_file(&partial);
    let result = create_private_file(&partial).and_then(|mut file| {
        file.write_all(bytes)
            .and_then(|()| file.sync_all())
            .map_err(|e| {
                Error::io(
                    Text::new("io-cannot-write").arg("path", partial.display().to_string()),
                    e,
                )
            })?;
        drop(file);
        fs::rename(&partial, target).map_err(|e| {
            Error::io(
                Text::new("io-cannot-write").arg("path", target.display().to_string()),
                e,
            )
        })?;
        sync_folder_of(target);
        Ok(())
    });
    if result.is_err() {
        let _ = fs::remove_file(&partial);
    }
    result
}

/// Copies a file to `target` atomically and privately.
pub(crate) fn copy_atomically(source: &Path, target: &Path) -> Result<(), Error> {
    let bytes = fs::read(source).map_err(|e| {
        Error::io(
            Text::new("io-cannot-read").arg("path", source.display().to_string()),
            e,
        )
    })?;
    write_atomically(target, &bytes)
}

/// `magic`, then `body`, padded with spaces to a whole multiple of [`FILE_GRANULE`].
pub(crate) fn padded(magic: &[u8; 8], body: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(FILE_GRANULE + body.len());
    bytes.extend_from_slice(magic);
    bytes.extend_from_slice(body);
    bytes.push(b'\n');
    let len = bytes.len().div_ceil(FILE_GRANULE) * FILE_GRANULE;
    bytes.resize(len, b' ');
    bytes
}

/// The body of a file written by [`padded`] (`None` if there is no such file), at most
/// `max` bytes long; `what` names the kind of file in messages.
pub(crate) fn read_padded(
    path: &Path,
    magic: &[u8; 8],
    max: u64,
    what: &str,
) -> Result<Option<Vec<u8>>, Error> {
    let file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io(Text::from(path.display().to_string()), e)),
    };
    let mut bytes = Vec::new();
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(Text::from(path.display().to_string()), e))?;
    if bytes.len() as u64 > max || !bytes.starts_with(magic) {
        return Err(Error::refused(
            "K26",
            Text::new("k26-not-a-bank-file")
                .arg("path", path.display().to_string())
                .arg("what", what),
        ));
    }
    bytes.drain(..magic.len());
    Ok(Some(bytes))
}

/// Flushes a folder's entries (the rename just made), where the system allows it.
fn sync_folder_of(path: &Path) {
    #[cfg(unix)]
    if let Some(parent) = path.parent() {
        let parent = if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        };
        if let Ok(dir) = fs::File::open(parent) {
            let _ = dir.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

pub(crate) fn sync(path: &Path) -> Result<(), Error> {
    fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::io(Text::from(path.display().to_string()), e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padded_files_are_a_whole_number_of_granules_and_read_back() {
        let dir = std::env::temp_dir().join(format!("kadr-bank-files-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("x.kadrbank-head");
        for body in [&b"{}"[..], &[b'x'; 700][..]] {
            let bytes = padded(b"\x89KADRBKH", body);
            assert_eq!(bytes.len() % FILE_GRANULE, 0);
            write_atomically(&path, &bytes).unwrap();
            let back = read_padded(&path, b"\x89KADRBKH", 4096, "head")
                .unwrap()
                .unwrap();
            assert!(back.starts_with(body));
            assert!(back[body.len()..].iter().all(|b| b.is_ascii_whitespace()));
        }
        assert!(read_padded(&path, b"\x89KADRBKK", 4096, "keys").is_err());
        assert!(
            read_padded(&dir.join("none"), b"\x89KADRBKK", 4096, "keys")
                .unwrap()
                .is_none()
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        let _ = fs::remove_dir_all(&dir);
    }
}
