//! Backups of the bank (RULES.md K19): a backup is a store of its own, the same three
//! files (`FILE`, `FILE-keys`, `FILE-head`): an encrypted copy made with SQLCipher's own
//! export (same key, same salt), the key slots as they are, and a head file naming the
//! copy's last audit entry. The same passphrases open it. [`verify`] proves that a copy
//! opens, is intact page by page, keeps an unbroken audit chain that accounts for every
//! row and agrees with its head file; [`restore`] puts a verified copy in the store's
//! place, refusing to overwrite a store unless told to.
//!
//! Files are written beside their target under a temporary name and renamed into
//! place, so a failed copy never leaves half a store where a store was.

use std::fs;
use std::path::Path;

use rusqlite::params;

use crate::audit;
use crate::error::Error;
use crate::head::{Head, Mark};
use crate::key::Passphrase;
use crate::messages::Text;
use crate::store::files::{self, Paths};
use crate::store::{Store, read_salt};

/// What [`verify`] found in a copy that holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub candidates: usize,
    pub employees: usize,
    pub lists: usize,
    pub audit: audit::Holds,
}

impl Store {
    /// Writes an encrypted copy of the store to `target` and its key slots and head
    /// file beside it (replacing them only if `replace`). Returns the copy's last entry.
    pub fn backup_to(&self, target: &Path, replace: bool) -> Result<Mark, Error> {
        let to = Paths::of(target);
        if !replace {
            for file in to.all() {
                if fs::symlink_metadata(file).is_ok() {
                    return Err(Error::refused(
                        "K19",
                        Text::new("k19-backup-exists").arg("file", file.display().to_string()),
                    ));
                }
            }
        }
        let partial = files::partial_path(target)?;
        let _ = fs::remove_file(&partial);
        drop(files::create_private_file(&partial)?);
        let result = self.export_into(&partial).and_then(|last| {
            if read_salt(&partial)? != Some(*self.salt()) {
                return Err(Error::failed(Text::new("io-the-copy-does-not-carry-the")));
            }
            files::sync(&partial)?;
            self.slots().write(&to.keys)?;
            Head {
                store: *self.salt(),
                head: last.clone(),
                pending: None,
            }
            .write(&to.head)?;
            fs::rename(&partial, target).map_err(|e| {
                Error::io(
                    Text::new("io-cannot-move-the-copy-to")
                        .arg("path", target.display().to_string()),
                    e,
                )
            })?;
            Ok(last)
        });
        if result.is_err() {
            let _ = fs::remove_file(&partial);
            let _ = fs::remove_file(files::journal_of(&partial));
        }
        result
    }

    /// Exports the store into `partial`; returns the copy's last audit entry.
    fn export_into(&self, partial: &Path) -> Result<Mark, Error> {
        let path = partial.to_str().ok_or_else(|| {
            Error::usage(format!(
                "{}: the backup path must be valid UTF-8",
                partial.display()
            ))
        })?;
        // Same key and salt: the copy opens exactly as the store does.
        let key = self.key().sqlcipher_literal(self.salt());
        let conn = self.conn();
        conn.execute(
            "ATTACH DATABASE ?1 AS backup KEY ?2",
            params![path, key.as_str()],
        )?;
        let exported = conn
            .query_row("SELECT sqlcipher_export('backup')", [], |_| Ok(()))
            .map_err(Error::from)
            .and_then(|()| {
                conn.query_row(
                    "SELECT seq, hash FROM backup.audit ORDER BY seq DESC LIMIT 1",
                    [],
                    |r| {
                        Ok(Mark {
                            seq: r.get(0)?,
                            hash: r.get(1)?,
                        })
                    },
                )
                .map_err(Error::from)
            });
        let detached = conn
            .execute("DETACH DATABASE backup", [])
            .map_err(Error::from);
        let last = exported?;
        detached?;
        Ok(last)
    }
}

/// Opens a copy read-only as `user` and proves it: their passphrase opens it, every
/// page's HMAC and the database structure check out, its audit chain holds and
/// accounts for every row, its head file agrees, its key slots are those the copy
/// recorded. Every problem is named.
pub fn verify(path: &Path, user: &str, pass: &Passphrase) -> Result<Verified, Error> {
    let store = Store::open_read_only(path, user, pass)?;
    let holds = store.full_check()?.into_result()?;
    let conn = store.conn();
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

/// Replaces (or creates) the store at `target` with the verified copy at `source`,
/// then records the restore, and the head of the store it replaced, in the restored
/// store's audit log.
pub fn restore(
    source: &Path,
    target: &Path,
    replace: bool,
    user: &str,
    pass: &Passphrase,
) -> Result<Verified, Error> {
    let verified = verify(source, user, pass)?;
    let from = Paths::of(source);
    let to = Paths::of(target);
    if !replace {
        for file in to.all() {
            if fs::symlink_metadata(file).is_ok() {
                return Err(Error::refused(
                    "K19",
                    Text::new("k19-restore-exists").arg("file", file.display().to_string()),
                ));
            }
        }
    }
    let replaced = match Head::read(&to.head) {
        Ok(Some(h)) => format!(
            "; it replaced a bank whose head was entry {} {}",
            h.head.seq, h.head.hash
        ),
        Ok(None) if fs::symlink_metadata(&to.db).is_ok() => {
            "; it replaced a bank without a head file".to_string()
        }
        Ok(None) => String::new(),
        Err(_) => "; it replaced a bank whose head file could not be read".to_string(),
    };
    // A journal left by a crash of the replaced store would be rolled into the
    // restored one.
    let _ = fs::remove_file(files::journal_of(target));
    files::copy_atomically(&from.keys, &to.keys)?;
    files::copy_atomically(&from.head, &to.head)?;
    files::copy_atomically(&from.db, &to.db)?;
    let mut store = Store::open(target, user, pass)?;
    let object = format!(
        "from {} (entry {} {}){replaced}",
        source.display(),
        verified.audit.entries,
        verified.audit.head
    );
    store.record("restore", &object, "ok")?;
    Ok(verified)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::{TempDir, new_store, pass};

    #[test]
    fn k19_a_backup_opens_with_the_same_passphrase_and_verifies() {
        let dir = TempDir::new("backup");
        let path = dir.0.join("test.kadrbank");
        let copy = dir.0.join("copy.kadrbank");
        let store = new_store(&path);
        let last = store.backup_to(&copy, false).unwrap();
        assert_eq!(last.seq, 1);
        let verified = verify(&copy, "aliya", &pass("the right key")).unwrap();
        assert_eq!(verified.audit.entries, 1);
        assert!(matches!(
            store.backup_to(&copy, false),
            Err(Error::Refused(_))
        ));
        for file in Paths::of(&copy).all() {
            assert!(file.exists(), "{}", file.display());
        }
    }

    #[test]
    fn k19_a_copy_without_its_head_file_or_with_a_changed_row_does_not_verify() {
        let dir = TempDir::new("backup-bad");
        let path = dir.0.join("test.kadrbank");
        let copy = dir.0.join("copy.kadrbank");
        let store = new_store(&path);
        store.backup_to(&copy, false).unwrap();
        fs::remove_file(Paths::of(&copy).head).unwrap();
        let e = verify(&copy, "aliya", &pass("the right key")).unwrap_err();
        assert!(e.to_string().contains("head file"), "{e}");
        store.backup_to(&copy, true).unwrap();
        crate::store::open_raw(&copy, "aliya", &pass("the right key"))
            .unwrap()
            .execute_batch("UPDATE meta SET value = '1200' WHERE key = 'retention_months'")
            .unwrap();
        let e = verify(&copy, "aliya", &pass("the right key")).unwrap_err();
        assert!(
            e.to_string()
                .contains("meta retention_months was changed outside kadr"),
            "{e}"
        );
        let target = dir.0.join("restored.kadrbank");
        assert!(restore(&copy, &target, false, "aliya", &pass("the right key")).is_err());
        assert!(!target.exists());
    }
}
