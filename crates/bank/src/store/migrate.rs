//! Migrating a store of format 1 (one key shared by every user, derived from it with
//! the store's salt) to format 2 (a random store key in key slots, audit entries that
//! carry the rows they changed): RULES.md K20, K26.
//!
//! The store is opened with the shared key, its pages, structure and audit chain are
//! checked, and it is exported (SQLCipher's `sqlcipher_export`) to a new file under a
//! new random key and a recognisable salt; there the schema is upgraded and one audit
//! entry records the migration with every row of the bank as it stands, which is where
//! every later check starts from. The operator who migrates gets the first key slot,
//! with a passphrase of their own; the other users keep their names and get a slot
//! (and a passphrase to change) from an authorised user with `kadr bank user add`.
//! The new key slots and head file are written, then the new database replaces the old
//! one: a migration stopped half-way leaves the old store, and can be run again.

use std::fs;
use std::path::Path;

use rusqlite::{OpenFlags, TransactionBehavior, params};

use crate::audit;
use crate::error::Error;
use crate::head::Head;
use crate::key::{KdfParams, Passphrase, RawKey, Salt};
use crate::keys::{KeySlots, Slot};
use crate::messages::Text;
use crate::state::State;
use crate::store::files::{self, Paths};
use crate::store::{
    FORMAT_1, Format, check_format, connect, format_of, new_store_salt, read_salt, records,
};

const UPGRADE: &str = include_str!("upgrade-1-2.sql");

/// What a migration did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migrated {
    /// Users listed in the store who have no passphrase of their own yet.
    pub without_slot: Vec<String>,
    /// The audit entry that records the migration.
    pub head: crate::head::Mark,
}

/// Migrates the store at `path`, opened with the shared key `shared` (derived with the
/// cost `kdf`), for `user`, who must be on its list of users and whose own passphrase
/// from now on is `own`.
pub fn migrate(
    path: &Path,
    user: &str,
    shared: &Passphrase,
    kdf: KdfParams,
    own: &Passphrase,
) -> Result<Migrated, Error> {
    let paths = Paths::of(path);
    if format_of(&paths)? == Format::Slots {
        return Err(Error::usage(
            Text::new("usage-already-migrated").arg("path", path.display().to_string()),
        ));
    }
    if own.same_as(shared) {
        return Err(Error::refused("K20", Text::new("k20-own-not-shared")));
    }
    let old_salt: Salt = read_salt(path)?.ok_or_else(super::wrong_key)?;
    let old_key = RawKey::derive(shared, &old_salt, kdf)?;
    let old = connect(path, &old_key, &old_salt, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    check_format(&old, path, FORMAT_1)?;
    if !records::is_user(&old, user)? {
        return Err(Error::refused(
            "K20",
            Text::new("k20-migrated-by-a-user").arg("user", format!("{user:?}")),
        ));
    }
    // A broken store is not carried over as if it were whole.
    let mut problems = Vec::new();
    let pages: Vec<String> = old
        .prepare("PRAGMA cipher_integrity_check")?
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<Result<_, _>>()?;
    if !pages.is_empty() {
        problems.push(format!("pages fail their check: {}", pages.join("; ")));
    }
    let structure: String = old.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if structure != "ok" {
        problems.push(format!("the database structure is damaged: {structure}"));
    }
    if let Err(broken) = audit::verify(&audit::read_all(&old)?) {
        problems.push(broken.to_string());
    }
    if !problems.is_empty() {
        return Err(super::integrity::refusal(
            problems
                .into_iter()
                .map(|p| {
                    Text::from(format!(
                        "{}: {p}; restore a good backup before migrating",
                        path.display()
                    ))
                })
                .collect(),
        ));
    }

    let salt = new_store_salt()?;
    let key = RawKey::random()?;
    let slot = Slot::new(
        user,
        own,
        KdfParams::for_new_slot()?,
        &salt,
        &key,
        false,
        user,
    )?;
    let slots = KeySlots::new(salt).with(slot.clone());
    let partial = files::partial_path(path)?;
    let _ = fs::remove_file(&partial);
    drop(files::create_private_file(&partial)?);
    let result = (|| {
        export(&old, &partial, &key, &salt)?;
        drop(old);
        let migrated = upgrade(&partial, &key, &salt, user, &slot.fingerprint(&salt))?;
        slots.write(&paths.keys)?;
        Head {
            store: salt,
            head: migrated.head.clone(),
            pending: None,
        }
        .write(&paths.head)?;
        files::sync(&partial)?;
        let _ = fs::remove_file(files::journal_of(path));
        fs::rename(&partial, path).map_err(|e| {
            Error::io(
                Text::new("io-cannot-move-the-migrated-store-to")
                    .arg("path", path.display().to_string()),
                e,
            )
        })?;
        Ok(migrated)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&partial);
        let _ = fs::remove_file(files::journal_of(&partial));
        // The old store is still there, of format 1: files made for the new one go.
        if read_salt(path)
            .ok()
            .flatten()
            .is_some_and(|s| s == old_salt)
        {
            let _ = fs::remove_file(&paths.keys);
            let _ = fs::remove_file(&paths.head);
        }
    }
    result
}

/// Exports the old store into `partial` under the new key and salt.
fn export(
    old: &rusqlite::Connection,
    partial: &Path,
    key: &RawKey,
    salt: &Salt,
) -> Result<(), Error> {
    let target = partial.to_str().ok_or_else(|| {
        Error::usage(format!(
            "{}: the store's path must be valid UTF-8",
            partial.display()
        ))
    })?;
    let literal = key.sqlcipher_literal(salt);
    old.execute(
        "ATTACH DATABASE ?1 AS migrated KEY ?2",
        params![target, literal.as_str()],
    )?;
    let exported = old
        .query_row("SELECT sqlcipher_export('migrated')", [], |_| Ok(()))
        .map_err(Error::from);
    let detached = old
        .execute("DETACH DATABASE migrated", [])
        .map_err(Error::from);
    exported?;
    detached?;
    if read_salt(partial)? != Some(*salt) {
        return Err(Error::failed(Text::new(
            "io-the-migrated-store-does-not-carry",
        )));
    }
    Ok(())
}

/// Upgrades the exported store's schema and records the migration with every row.
fn upgrade(
    partial: &Path,
    key: &RawKey,
    salt: &Salt,
    user: &str,
    fingerprint: &str,
) -> Result<Migrated, Error> {
    let mut conn = connect(partial, key, salt, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    tx.execute_batch(UPGRADE)?;
    records::set_user_slot(&tx, user, fingerprint)?;
    let without_slot: Vec<String> = records::users(&tx)?
        .into_iter()
        .filter(|u| u.slot.is_none())
        .map(|u| u.name)
        .collect();
    let after = State::read(&tx)?;
    let changes = State::default().changes_to(&after);
    let object = format!(
        "format 1 to 2: a passphrase per user (key slots); {user} has one; {}",
        if without_slot.is_empty() {
            "every user has one".to_string()
        } else {
            format!("without one yet: {}", without_slot.join(","))
        }
    );
    let entry = audit::append(&tx, [user, "migrate", &object, "ok"], &changes, &after)?;
    tx.commit()?;
    Ok(Migrated {
        without_slot,
        head: entry.mark(),
    })
}
