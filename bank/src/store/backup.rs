//! Backups of the bank (RULES.md K19): an encrypted copy made with SQLCipher's own
//! export (same key, same salt, so the same passphrase opens it), a check that proves
//! a copy opens, is intact page by page and keeps an unbroken audit chain, and a
//! restore that refuses to overwrite a store unless told to.
//!
//! Files are written beside their target under a temporary name and renamed into
//! place, so a failed copy never leaves half a store where a store was.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, params};

use crate::audit;
use crate::error::Error;
use crate::key::Keyring;
use crate::store::{Store, create_private_file, journal_of, read_salt, records};

/// What [`verify`] found in a copy that holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub candidates: usize,
    pub employees: usize,
    pub lists: usize,
    pub audit: audit::Holds,
}

impl Store {
    /// Writes an encrypted copy of the store to `target` (replacing it only if
    /// `replace`).
    pub fn backup_to(
        &self,
        target: &Path,
        replace: bool,
        keyring: &mut Keyring,
    ) -> Result<(), Error> {
        if !replace && fs::symlink_metadata(target).is_ok() {
            return Err(Error::refused(
                "K19",
                format!("{} exists; add --force to replace it", target.display()),
            ));
        }
        let partial = partial_path(target)?;
        create_private_file(&partial)?;
        let result = self.export_into(&partial, keyring).and_then(|()| {
            if read_salt(&partial)? != Some(*self.salt()) {
                return Err(Error::Io("the copy does not carry the store's salt".into()));
            }
            sync(&partial)?;
            fs::rename(&partial, target).map_err(|e| {
                Error::Io(format!("cannot move the copy to {}: {e}", target.display()))
            })
        });
        if result.is_err() {
            let _ = fs::remove_file(&partial);
            let _ = fs::remove_file(journal_of(&partial));
        }
        result
    }

    fn export_into(&self, partial: &Path, keyring: &mut Keyring) -> Result<(), Error> {
        let path = partial.to_str().ok_or_else(|| {
            Error::usage(format!(
                "{}: the backup path must be valid UTF-8",
                partial.display()
            ))
        })?;
        // Same key and salt: the copy opens exactly as the store does.
        let key = keyring.key_for(self.salt())?.sqlcipher_literal(self.salt());
        let conn = self.conn();
        conn.execute(
            "ATTACH DATABASE ?1 AS backup KEY ?2",
            params![path, key.as_str()],
        )?;
        let exported = conn
            .query_row("SELECT sqlcipher_export('backup')", [], |_| Ok(()))
            .map_err(Error::from);
        let detached = conn
            .execute("DETACH DATABASE backup", [])
            .map_err(Error::from);
        exported.and(detached.map(drop))
    }
}

/// Opens a copy read-only and proves it: the key opens it, every page's HMAC and the
/// database structure check out, and its audit chain holds. `user` must be an
/// authorised user of the copy (K20).
pub fn verify(path: &Path, keyring: &mut Keyring, user: &str) -> Result<Verified, Error> {
    let store = Store::open_read_only(path, keyring)?;
    let conn = store.conn();
    if !records::is_user(conn, user)? {
        return Err(Error::refused(
            "K20",
            format!("{user:?} is not an authorised user of {}", path.display()),
        ));
    }
    check_integrity(conn, path)?;
    let entries = audit::read_all(conn)?;
    let holds = audit::verify(&entries).map_err(|b| {
        Error::refused(
            "K26",
            format!(
                "{}: the audit log is broken at entry {}: it {}",
                path.display(),
                b.seq,
                b.reason
            ),
        )
    })?;
    let count = |table: &str| -> Result<usize, Error> {
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    };
    Ok(Verified {
        candidates: count("candidates")?,
        employees: count("employees")?,
        lists: count("lists")?,
        audit: holds,
    })
}

/// SQLCipher's page check (every page's HMAC) and SQLite's structure check.
fn check_integrity(conn: &Connection, path: &Path) -> Result<(), Error> {
    let mut stmt = conn.prepare("PRAGMA cipher_integrity_check")?;
    let problems: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<Result<_, _>>()?;
    if !problems.is_empty() {
        return Err(Error::refused(
            "K26",
            format!(
                "{}: pages fail their check: {}",
                path.display(),
                problems.join("; ")
            ),
        ));
    }
    let result: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if result != "ok" {
        return Err(Error::refused(
            "K26",
            format!(
                "{}: the database structure is damaged: {result}",
                path.display()
            ),
        ));
    }
    Ok(())
}

/// Replaces (or creates) the store at `target` with the verified copy at `source`,
/// then records the restore in the restored store's audit log.
pub fn restore(
    source: &Path,
    target: &Path,
    replace: bool,
    keyring: &mut Keyring,
    user: &str,
) -> Result<Verified, Error> {
    let verified = verify(source, keyring, user)?;
    if !replace && fs::symlink_metadata(target).is_ok() {
        return Err(Error::refused(
            "K19",
            format!(
                "{} exists; restoring would replace it: add --force if that is what you want",
                target.display()
            ),
        ));
    }
    let partial = partial_path(target)?;
    create_private_file(&partial)?;
    let copied = fs::read(source)
        .and_then(|bytes| fs::write(&partial, bytes))
        .map_err(|e| Error::Io(format!("cannot copy {}: {e}", source.display())))
        .and_then(|()| sync(&partial))
        .and_then(|()| {
            // A journal left by a crash of the replaced store would be rolled into
            // the restored one.
            let _ = fs::remove_file(journal_of(target));
            fs::rename(&partial, target).map_err(|e| {
                Error::Io(format!("cannot move the copy to {}: {e}", target.display()))
            })
        });
    if let Err(e) = copied {
        let _ = fs::remove_file(&partial);
        return Err(e);
    }
    let mut store = Store::open(target, keyring)?;
    store.record(user, "restore", &source.display().to_string(), "ok")?;
    Ok(verified)
}

/// `DIR/.NAME.partial-PID.kadrbank`: beside the target (so the rename stays on one
/// file system), hidden, and still recognisable as a bank file.
fn partial_path(target: &Path) -> Result<PathBuf, Error> {
    let name = target
        .file_stem()
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

fn sync(path: &Path) -> Result<(), Error> {
    fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::Io(format!("{}: {e}", path.display())))
}

impl Store {
    /// Opens a store (a backup) without the possibility of changing it.
    pub fn open_read_only(path: &Path, keyring: &mut Keyring) -> Result<Store, Error> {
        Store::open_with(path, keyring, OpenFlags::SQLITE_OPEN_READ_ONLY)
    }
}
