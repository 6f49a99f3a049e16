//! The encrypted store (RULES.md B12, K20, K26): a SQLCipher file ending in `.kadrbank`,
//! mode 0600, outside every site root, with its key slots and its head file beside it
//! ([`files`]). `secure_delete` is on, so that a deleted candidate's data are
//! overwritten and not left in free pages.
//!
//! The database is encrypted from its first page on; SQLCipher keeps only its 16-byte
//! salt in the clear, and a store's salt begins with the fixed [`STORE_MAGIC`] (its
//! other eight bytes are random) so that `kadr build` recognises a store, or any copy
//! of it, by its first bytes. The store key is random and reaches SQLCipher as a raw
//! key: the salt only feeds SQLCipher's derivation of the page HMAC key, where a
//! unique random key makes its randomness unnecessary.
//!
//! [`Store::open`] proves who the operator is (their key slot opens with their
//! passphrase, and is the slot the users table recorded for them, K20). [`Store::act`]
//! is the one way to read or change the bank: it checks that the bank is what the last
//! audit entry says, runs the action in a transaction, and writes the audit entry with
//! the rows the action changed in that same transaction (or, if the action is refused,
//! records the refusal in a transaction of its own), and moves the head file on.
//!
//! The records (users, candidates, employees, lists) are read and written in
//! [`records`]; integrity checks in [`integrity`]; backups (K19) in [`backup`]; the
//! migration of a store of format 1 (one shared key) in [`migrate`].

pub mod backup;
pub mod files;
pub mod integrity;
pub mod migrate;
pub mod records;

use std::fs;
use std::io::Read as _;
use std::path::Path;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::audit::{self, Entry};
use crate::error::Error;
use crate::head::{Head, Mark};
use crate::key::{FLOOR_APPLIES, KdfParams, Passphrase, RawKey, SALT_LEN, Salt, random_bytes};
use crate::keys::{KeySlots, Slot};
use crate::messages::{MessageLang, Text};
use crate::site::Site;
use crate::state::State;
pub use files::{FILE_GRANULE, Paths};

/// Every store's file name ends in `.kadrbank`, so that `kadr build` can recognise a
/// store without opening it (the same constant as `kadr::load::BANK_EXTENSION`).
pub const EXTENSION: &str = "kadrbank";

/// The first eight bytes of every store and backup of format 2: the fixed half of its
/// salt. The same constant as `kadr::load::BANK_STORE_MAGIC`.
pub const STORE_MAGIC: [u8; 8] = *b"\x89KADRBKD";

/// The schema version this code reads and writes.
pub const FORMAT_VERSION: &str = "2";
/// The format of stores made before key slots: one key shared by every user.
pub const FORMAT_1: &str = "1";

/// Default retention of a candidate's data after the competition (R9): one year, as
/// long as a candidate may be appointed without a new competition (B9).
pub const DEFAULT_RETENTION_MONTHS: u32 = 12;

const SCHEMA: &str = include_str!("schema.sql");

/// The message for every way a file can fail to open as a bank with this passphrase;
/// it does not say which, so that it tells a guesser nothing.
pub const WRONG_KEY: &str = "wrong key or not a kadr bank";

/// The refusal of a key that does not open the store (B12): [`WRONG_KEY`].
pub(crate) fn wrong_key() -> Error {
    Error::refused("B12", Text::new("b12-wrong-key"))
}

/// An open store and the operator it authenticated.
pub struct Store {
    conn: Connection,
    paths: Paths,
    salt: Salt,
    key: RawKey,
    slots: KeySlots,
    user: String,
    /// The language of the notes the store prints (the audit head).
    lang: MessageLang,
}

/// Checks a path that will hold a store, a backup or an export of personal data:
/// outside every site root (B12), and (for stores and backups) named `*.kadrbank`.
pub fn check_path(path: &Path, site: &dyn Site, store_file: bool) -> Result<(), Error> {
    if store_file && !has_bank_extension(path) {
        return Err(Error::usage(
            Text::new("usage-bank-extension")
                .arg("path", path.display().to_string())
                .arg("extension", EXTENSION),
        ));
    }
    if let Some(root) = site.site_root_containing(path) {
        return Err(Error::refused(
            "B12",
            Text::new("b12-inside-site")
                .arg("path", path.display().to_string())
                .arg("root", root.display().to_string()),
        ));
    }
    Ok(())
}

pub fn has_bank_extension(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case(EXTENSION))
}

/// The format of the store at `path`, from its first bytes and files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Key slots (format 2).
    Slots,
    /// One shared key (format 1): it opens only to be migrated.
    SharedKey,
}

/// Tells a store of format 2 from one of format 1, after checking that the file is
/// there and private.
pub fn format_of(paths: &Paths) -> Result<Format, Error> {
    let meta = match fs::metadata(&paths.db) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::usage(
                Text::new("usage-no-bank-at").arg("path", paths.db.display().to_string()),
            ));
        }
        Err(e) => return Err(Error::io(Text::from(paths.db.display().to_string()), e)),
    };
    if !meta.is_file() {
        return Err(Error::usage(
            Text::new("usage-not-a-file").arg("path", paths.db.display().to_string()),
        ));
    }
    check_private(&paths.db, &meta)?;
    let Some(salt) = read_salt(&paths.db)? else {
        return Err(wrong_key());
    };
    let has_keys = fs::symlink_metadata(&paths.keys).is_ok();
    if salt.starts_with(&STORE_MAGIC) {
        if !has_keys {
            return Err(Error::refused(
                "K26",
                Text::new("k26-key-slots-missing")
                    .arg("bank", paths.db.display().to_string())
                    .arg("keys", paths.keys.display().to_string()),
            ));
        }
        return Ok(Format::Slots);
    }
    // A store of format 1 begins with its random salt and is a whole number of pages;
    // a plain SQLite file, or anything else, is no bank.
    let format_1_shape = meta.len() >= 1024
        && meta.len() % FILE_GRANULE as u64 == 0
        && salt != *b"SQLite format 3\0";
    if !format_1_shape {
        return Err(wrong_key());
    }
    if has_keys {
        return Err(Error::refused(
            "K26",
            format!(
                "{} is a bank of format 1, but {} belongs to another store: a migration was interrupted? run `kadr bank migrate` again",
                paths.db.display(),
                paths.keys.display()
            ),
        ));
    }
    Ok(Format::SharedKey)
}

/// The refusal of a store of format 1 for anything but its migration (K20).
pub fn shared_key_refusal(path: &Path) -> Error {
    Error::refused(
        "K20",
        format!(
            "{} is not a bank of format 2; if it is one of format 1 (one key shared by every user, so that anyone holding it can act as any user), migrate it to a passphrase per user with `kadr bank migrate` (bank/README.md, \"Migrating\")",
            path.display()
        ),
    )
}

impl Store {
    /// Creates a new store at `path` (whose files must not exist) with `admin` as its
    /// first authorised user (K20), whose passphrase `pass` opens it; its notes are in
    /// `lang`.
    pub fn create(
        path: &Path,
        admin: &str,
        pass: &Passphrase,
        kdf: KdfParams,
        retention_months: u32,
        lang: MessageLang,
    ) -> Result<Store, Error> {
        let paths = Paths::of(path);
        for file in paths.all() {
            if fs::symlink_metadata(file).is_ok() {
                return Err(Error::refused(
                    "K19",
                    Text::new("k19-init-exists").arg("file", file.display().to_string()),
                ));
            }
        }
        files::create_private_file(&paths.db)?;
        match Store::initialise(&paths, admin, pass, kdf, retention_months, lang) {
            Ok(store) => Ok(store),
            Err(e) => {
                // Leave no half-made store behind.
                for file in paths.all() {
                    let _ = fs::remove_file(file);
                }
                let _ = fs::remove_file(files::journal_of(&paths.db));
                Err(e)
            }
        }
    }

    fn initialise(
        paths: &Paths,
        admin: &str,
        pass: &Passphrase,
        kdf: KdfParams,
        retention_months: u32,
        lang: MessageLang,
    ) -> Result<Store, Error> {
        let salt = new_store_salt()?;
        let key = RawKey::random()?;
        let slot = Slot::new(admin, pass, kdf, &salt, &key, false, admin)?;
        let slots = KeySlots::new(salt).with(slot.clone());
        let conn = connect(&paths.db, &key, &salt, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        let mut store = Store {
            conn,
            paths: paths.clone(),
            salt,
            key,
            slots,
            user: admin.to_string(),
            lang,
        };
        let tx = store
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(SCHEMA)?;
        records::set_meta(&tx, "format", "kadr-bank")?;
        records::set_meta(&tx, "version", FORMAT_VERSION)?;
        records::set_meta(&tx, "retention_months", &retention_months.to_string())?;
        records::add_user(&tx, admin, admin, Some(&slot.fingerprint(&salt)))?;
        let after = State::read(&tx)?;
        let changes = State::default().changes_to(&after);
        let entry = audit::append(&tx, [admin, "init", admin, "ok"], &changes, &after)?;
        store.slots.write(&store.paths.keys)?;
        tx.commit()?;
        store.write_head(&entry.mark(), None)?;
        // SQLCipher must have taken our salt as the file's own.
        if read_salt(&store.paths.db)? != Some(salt) {
            return Err(Error::failed(Text::new("io-the-new-store-does-not-carry")));
        }
        store.report_head(&entry);
        Ok(store)
    }

    /// Opens the store at `path` as `user`, whose passphrase `pass` must open their key
    /// slot (K20).
    pub fn open(path: &Path, user: &str, pass: &Passphrase) -> Result<Store, Error> {
        Store::open_with(path, user, pass, OpenFlags::SQLITE_OPEN_READ_WRITE)
    }

    /// Opens a store (a backup) without the possibility of changing it.
    pub fn open_read_only(path: &Path, user: &str, pass: &Passphrase) -> Result<Store, Error> {
        Store::open_with(path, user, pass, OpenFlags::SQLITE_OPEN_READ_ONLY)
    }

    fn open_with(
        path: &Path,
        user: &str,
        pass: &Passphrase,
        flags: OpenFlags,
    ) -> Result<Store, Error> {
        let paths = Paths::of(path);
        if format_of(&paths)? == Format::SharedKey {
            return Err(shared_key_refusal(path));
        }
        let Some(salt) = read_salt(&paths.db)? else {
            return Err(wrong_key());
        };
        let slots = KeySlots::read(&paths.keys)?.ok_or_else(|| {
            Error::refused(
                "K26",
                format!("the key slots {} are missing", paths.keys.display()),
            )
        })?;
        if slots.store != salt {
            return Err(Error::refused(
                "K26",
                format!(
                    "{} holds the key slots of another bank, not of {}",
                    paths.keys.display(),
                    path.display()
                ),
            ));
        }
        let slot = slots.slot(user).ok_or_else(|| not_a_user(user))?;
        slot.kdf.check_recorded(user, FLOOR_APPLIES)?;
        let key = slot.unwrap_key(pass, &salt)?.ok_or_else(wrong_key)?;
        let fingerprint = slot.fingerprint(&salt);
        let conn = connect(&paths.db, &key, &salt, flags)?;
        check_format(&conn, path, FORMAT_VERSION)?;
        let mut store = Store {
            conn,
            paths,
            salt,
            key,
            slots,
            user: user.to_string(),
            lang: MessageLang::default(),
        };
        match records::user_slot(&store.conn, user)? {
            Some(Some(recorded)) if recorded == fingerprint => Ok(store),
            found => {
                let e = Error::refused(
                    "K20",
                    match found {
                        None => Text::new("k20-slot-of-no-user"),
                        _ => Text::new("k20-slot-not-recorded"),
                    }
                    .arg("user", format!("{user:?}")),
                );
                if flags.contains(OpenFlags::SQLITE_OPEN_READ_WRITE) {
                    let _ = store.record("open", user, &e.outcome());
                }
                Err(e)
            }
        }
    }

    /// Prints the notes of what follows in `lang`.
    pub fn speak(&mut self, lang: MessageLang) {
        self.lang = lang;
    }

    /// Prints the new head of the audit log, to be written down or witnessed (K26).
    fn report_head(&self, entry: &Entry) {
        eprintln!("{}", audit_head(entry.seq, &entry.hash).in_lang(self.lang));
    }

    pub fn paths(&self) -> &Paths {
        &self.paths
    }

    pub fn path(&self) -> &Path {
        &self.paths.db
    }

    /// The authenticated operator.
    pub fn user(&self) -> &str {
        &self.user
    }

    /// Whether the operator's passphrase was set by another user, who knows it: they
    /// must set their own before anything else (K20).
    pub fn initial_passphrase(&self) -> Option<&str> {
        self.slots
            .slot(&self.user)
            .filter(|s| s.initial)
            .map(|s| s.set_by.as_str())
    }

    pub fn slots(&self) -> &KeySlots {
        &self.slots
    }

    pub(crate) fn salt(&self) -> &Salt {
        &self.salt
    }

    pub(crate) fn key(&self) -> &RawKey {
        &self.key
    }

    /// The connection, for reads that need no audit entry of their own (inside an
    /// action that writes one).
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// A new key slot for `user` in this store, opening with `pass`.
    pub fn new_slot(&self, user: &str, pass: &Passphrase, initial: bool) -> Result<Slot, Error> {
        let kdf = KdfParams::for_new_slot()?;
        Slot::new(user, pass, kdf, &self.salt, &self.key, initial, &self.user)
    }

    /// Runs an action and records it: `f` returns its result and the audit entry's
    /// object (known only afterwards for a new record). The change and its entry commit
    /// together; a refused or failed action changes nothing and is recorded with the
    /// `object` given here.
    pub fn act<T>(
        &mut self,
        action: &str,
        object: &str,
        f: impl FnOnce(&Transaction) -> Result<(T, String), Error>,
    ) -> Result<T, Error> {
        self.act_on_slots(action, object, |tx| f(tx).map(|(v, o)| (v, o, None)))
    }

    /// [`Store::act`] for an action that also changes the key slots: `f` returns the
    /// slots as they must be after it, written before the commit (and put back if the
    /// commit fails).
    pub fn act_on_slots<T>(
        &mut self,
        action: &str,
        object: &str,
        f: impl FnOnce(&Transaction) -> Result<(T, String, Option<KeySlots>), Error>,
    ) -> Result<T, Error> {
        let user = self.user.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (before, last) = settled(&tx)?;
        match f(&tx) {
            Ok((value, object, slots)) => {
                let after = State::read(&tx)?;
                let changes = before.changes_to(&after);
                let entry = audit::append(&tx, [&user, action, &object, "ok"], &changes, &after)?;
                let slots = commit_entry(
                    tx,
                    &self.paths,
                    &self.salt,
                    &self.slots,
                    &last,
                    &entry,
                    slots,
                )?;
                if let Some(slots) = slots {
                    self.slots = slots;
                }
                self.confirm_head(&entry);
                Ok(value)
            }
            Err(e) => {
                drop(tx); // rolls back
                // The refusal is recorded even if recording fails for another reason;
                // the operator still sees the refusal itself.
                let _ = self.record(action, object, &e.outcome());
                Err(e)
            }
        }
    }

    /// Writes one audit entry (a refusal, a check) in a transaction of its own.
    pub fn record(&mut self, action: &str, object: &str, outcome: &str) -> Result<(), Error> {
        let user = self.user.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (before, last) = settled(&tx)?;
        let entry = audit::append(&tx, [&user, action, object, outcome], &[], &before)?;
        commit_entry(
            tx,
            &self.paths,
            &self.salt,
            &self.slots,
            &last,
            &entry,
            None,
        )?;
        self.confirm_head(&entry);
        Ok(())
    }

    fn write_head(&self, head: &Mark, pending: Option<&Mark>) -> Result<(), Error> {
        write_head(&self.paths, &self.salt, head, pending)
    }

    /// Moves the head file on to `entry` once it is committed, holding the write lock
    /// so that no other command's head is overwritten with an older one.
    fn confirm_head(&mut self, entry: &Entry) {
        let paths = self.paths.clone();
        let salt = self.salt;
        let result = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(Error::from)
            .and_then(|tx| {
                if audit::last(&tx)?.map(|e| e.mark()) == Some(entry.mark()) {
                    write_head(&paths, &salt, &entry.mark(), None)?;
                }
                tx.commit().map_err(Error::from)
            });
        match result {
            Ok(()) => self.report_head(entry),
            Err(e) => eprintln!(
                "{}",
                Text::new("head-not-moved")
                    .arg("seq", entry.seq.to_string())
                    .arg("detail", e.in_lang(self.lang))
                    .in_lang(self.lang)
            ),
        }
    }

    /// Settles a head file left with a pending entry by a command that was stopped
    /// between its commit and its second write.
    pub(crate) fn settle_pending_head(&mut self) -> Result<(), Error> {
        let Some(head) = Head::read(&self.paths.head)? else {
            return Ok(());
        };
        let Some(pending) = &head.pending else {
            return Ok(());
        };
        let last = audit::last(&self.conn)?.map(|e| e.mark());
        if last.as_ref() == Some(pending) {
            self.write_head(pending, None)
        } else if last.as_ref() == Some(&head.head) {
            self.write_head(&head.head, None)
        } else {
            Ok(())
        }
    }
}

/// The bank's state, checked against its last audit entry: what every action starts
/// from. A bank changed outside kadr is not acted on, so that no new entry can hide
/// the change behind it (K26).
fn settled(tx: &Transaction) -> Result<(State, Mark), Error> {
    let last =
        audit::last(tx)?.ok_or_else(|| Error::refused("K26", Text::new("k26-audit-log-empty")))?;
    let before = State::read(tx)?;
    if last.state.as_deref() != Some(before.digest().as_str()) {
        return Err(Error::refused("K26", Text::new("k26-changed-outside-kadr")));
    }
    Ok((before, last.mark()))
}

/// Commits an entry: the head file names it as pending, the new key slots (if any) are
/// written, the transaction commits. Returns the slots now in force.
fn commit_entry(
    tx: Transaction,
    paths: &Paths,
    salt: &Salt,
    current: &KeySlots,
    last: &Mark,
    entry: &Entry,
    slots: Option<KeySlots>,
) -> Result<Option<KeySlots>, Error> {
    write_head(paths, salt, last, Some(&entry.mark()))?;
    if let Some(new) = &slots
        && let Err(e) = new.write(&paths.keys)
    {
        let _ = write_head(paths, salt, last, None);
        return Err(e);
    }
    if let Err(e) = tx.commit() {
        if slots.is_some() {
            let _ = current.write(&paths.keys);
        }
        let _ = write_head(paths, salt, last, None);
        return Err(e.into());
    }
    Ok(slots)
}

fn write_head(
    paths: &Paths,
    salt: &Salt,
    head: &Mark,
    pending: Option<&Mark>,
) -> Result<(), Error> {
    Head {
        store: *salt,
        head: head.clone(),
        pending: pending.cloned(),
    }
    .write(&paths.head)
}

/// `audit head: entry 6 …`, the line a user writes down.
pub(crate) fn audit_head(seq: impl std::fmt::Display, hash: &str) -> Text {
    Text::new("audit-head")
        .arg("seq", seq.to_string())
        .arg("hash", hash)
}

fn not_a_user(user: &str) -> Error {
    Error::refused(
        "K20",
        Text::new("k20-not-a-user").arg("user", format!("{user:?}")),
    )
}

/// The store's `format` and `version` settings, as this code needs them.
pub(crate) fn check_format(conn: &Connection, path: &Path, version: &str) -> Result<(), Error> {
    let format: Result<String, _> =
        conn.query_row("SELECT value FROM meta WHERE key = 'format'", [], |r| {
            r.get(0)
        });
    match format {
        Ok(f) if f == "kadr-bank" => {}
        // A wrong key reads as "file is not a database"; a foreign database as a
        // missing table: the operator is told the same in both cases.
        _ => return Err(wrong_key()),
    }
    let found = records::meta(conn, "version")?;
    if found.as_deref() != Some(version) {
        return Err(Error::usage(
            Text::new("usage-bank-version")
                .arg("path", path.display().to_string())
                .arg("found", found.unwrap_or_default())
                .arg("expected", version),
        ));
    }
    Ok(())
}

/// A new store's salt: [`STORE_MAGIC`], then eight random bytes.
fn new_store_salt() -> Result<Salt, Error> {
    let mut salt = [0u8; SALT_LEN];
    salt[..8].copy_from_slice(&STORE_MAGIC);
    salt[8..].copy_from_slice(&random_bytes::<8>()?);
    Ok(salt)
}

/// Opens a SQLCipher connection with `key` and `salt` and the bank's settings. The
/// file must exist: SQLite is never asked to create one.
pub(crate) fn connect(
    path: &Path,
    key: &RawKey,
    salt: &Salt,
    flags: OpenFlags,
) -> Result<Connection, Error> {
    let conn = Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|e| Error::io(Text::from(path.display().to_string()), e))?;
    // SQLCipher logs a wrong key's failed page check to stderr; the operator gets our
    // one message instead.
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
    let literal = key.sqlcipher_literal(salt);
    // The statement text holds the key: build it in a buffer that is wiped on drop.
    let mut sql = zeroize::Zeroizing::new(String::with_capacity(literal.len() + 20));
    sql.push_str("PRAGMA key = \"");
    sql.push_str(&literal);
    sql.push_str("\";");
    conn.execute_batch(&sql)?;
    // Per connection: secure_delete overwrites deleted records' bytes; temp_store
    // keeps sort and index scratch data in memory, never in a temporary file.
    conn.execute_batch(
        "PRAGMA secure_delete = ON; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;",
    )?;
    Ok(conn)
}

/// What [`open_raw`] returns: a plain SQLite (SQLCipher) connection.
pub type RawConnection = Connection;

/// A plain SQLCipher connection to the store at `path`, opened with the store key
/// from `user`'s slot and nothing else: what a stock SQLCipher client holding the key
/// sees, for investigating a store (and for the tests that tamper with one). kadr's
/// own commands never use it.
pub fn open_raw(path: &Path, user: &str, pass: &Passphrase) -> Result<Connection, Error> {
    let paths = Paths::of(path);
    let slots = KeySlots::read(&paths.keys)?.ok_or_else(|| not_a_user(user))?;
    let slot = slots.slot(user).ok_or_else(|| not_a_user(user))?;
    let key = slot.unwrap_key(pass, &slots.store)?.ok_or_else(wrong_key)?;
    connect(path, &key, &slots.store, OpenFlags::SQLITE_OPEN_READ_WRITE)
}

/// The first 16 bytes of the file (SQLCipher's salt), or `None` for a shorter file.
pub(crate) fn read_salt(path: &Path) -> Result<Option<Salt>, Error> {
    let mut file =
        fs::File::open(path).map_err(|e| Error::io(Text::from(path.display().to_string()), e))?;
    let mut salt = [0u8; SALT_LEN];
    match file.read_exact(&mut salt) {
        Ok(()) => Ok(Some(salt)),
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => Ok(None),
        Err(e) => Err(Error::io(Text::from(path.display().to_string()), e)),
    }
}

/// Refuses a store that other users of the computer may read (B12).
pub(crate) fn check_private(path: &Path, meta: &fs::Metadata) -> Result<(), Error> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(Error::refused(
                "B12",
                Text::new("b12-not-private")
                    .arg("path", path.display().to_string())
                    .arg("mode", format!("{mode:o}")),
            ));
        }
    }
    #[cfg(not(unix))]
    let _ = (path, meta);
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::path::PathBuf;

    pub(crate) const FAST: KdfParams = KdfParams {
        m_kib: 64,
        t: 1,
        p: 1,
    };

    /// A fresh folder under the system's temporary folder, removed on drop.
    pub(crate) struct TempDir(pub(crate) PathBuf);

    impl TempDir {
        pub(crate) fn new(name: &str) -> TempDir {
            let dir =
                std::env::temp_dir().join(format!("kadr-bank-unit-{}-{name}", std::process::id()));
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(&dir).unwrap();
            TempDir(dir)
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    pub(crate) fn pass(s: &str) -> Passphrase {
        Passphrase::new(s.into())
    }

    pub(crate) fn new_store(path: &Path) -> Store {
        Store::create(
            path,
            "aliya",
            &pass("the right key"),
            FAST,
            12,
            MessageLang::En,
        )
        .unwrap()
    }

    #[test]
    fn a_new_store_is_private_recognisable_and_opens_only_with_its_users_passphrase() {
        let dir = TempDir::new("open");
        let path = dir.0.join("test.kadrbank");
        new_store(&path);
        for file in Paths::of(&path).all() {
            let bytes = fs::read(file).unwrap();
            assert_eq!(bytes.len() % FILE_GRANULE, 0, "{}", file.display());
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = fs::metadata(file).unwrap().permissions().mode() & 0o777;
                assert_eq!(mode, 0o600, "{}", file.display());
            }
        }
        assert!(fs::read(&path).unwrap().starts_with(&STORE_MAGIC));
        let store = Store::open(&path, "aliya", &pass("the right key")).unwrap();
        assert!(records::is_user(store.conn(), "aliya").unwrap());
        let secure_delete: i64 = store
            .conn()
            .query_row("PRAGMA secure_delete", [], |r| r.get(0))
            .unwrap();
        assert_eq!(secure_delete, 1, "deleted records are overwritten");
        match Store::open(&path, "aliya", &pass("a wrong key!")) {
            Err(Error::Refused(r)) => assert_eq!(r.problems[0].message, WRONG_KEY),
            Err(e) => panic!("{e}"),
            Ok(_) => panic!("opened with a wrong key"),
        }
        match Store::open(&path, "bolat", &pass("the right key")) {
            Err(Error::Refused(r)) => assert_eq!(r.problems[0].rule, "K20"),
            Err(e) => panic!("{e}"),
            Ok(_) => panic!("opened as a user without a slot"),
        }
    }

    #[test]
    fn the_audit_log_refuses_updates_and_deletes() {
        let dir = TempDir::new("append-only");
        let path = dir.0.join("test.kadrbank");
        let store = new_store(&path);
        assert!(
            store
                .conn()
                .execute("UPDATE audit SET user = 'x'", [])
                .is_err()
        );
        assert!(store.conn().execute("DELETE FROM audit", []).is_err());
        assert_eq!(audit::read_all(store.conn()).unwrap().len(), 1);
    }

    #[test]
    fn a_refused_action_changes_nothing_and_is_recorded() {
        let dir = TempDir::new("refused");
        let path = dir.0.join("test.kadrbank");
        let mut store = new_store(&path);
        let result: Result<(), Error> = store.act("user add", "bob", |tx| {
            records::add_user(tx, "bob", "aliya", None)?;
            Err(Error::refused("K20", "changed my mind"))
        });
        assert!(result.is_err());
        assert!(!records::is_user(store.conn(), "bob").unwrap());
        let log = audit::read_all(store.conn()).unwrap();
        assert_eq!(log.last().unwrap().outcome, "refused (K20)");
        assert!(audit::verify(&log).is_ok());
    }

    #[test]
    fn k26_every_entry_carries_the_rows_it_changed_and_the_head_file_follows() {
        let dir = TempDir::new("changes");
        let path = dir.0.join("test.kadrbank");
        let mut store = new_store(&path);
        store
            .act("user add", "bob", |tx| {
                records::add_user(tx, "bob", "aliya", None)?;
                Ok(((), "bob".to_string()))
            })
            .unwrap();
        let log = audit::read_all(store.conn()).unwrap();
        let changes = log[1].parsed_changes().unwrap().unwrap();
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert_eq!(
            (changes[0].table.as_str(), changes[0].record.as_str()),
            ("users", "bob")
        );
        let head = Head::read(&store.paths().head).unwrap().unwrap();
        assert_eq!(head.head, log[1].mark());
        assert_eq!(head.pending, None);
        let replayed = audit::replay(&log).unwrap();
        assert_eq!(replayed, State::read(store.conn()).unwrap());
    }

    #[test]
    fn k26_a_bank_changed_outside_kadr_is_not_acted_on() {
        let dir = TempDir::new("outside");
        let path = dir.0.join("test.kadrbank");
        let mut store = new_store(&path);
        store
            .conn()
            .execute_batch("UPDATE meta SET value = '99' WHERE key = 'retention_months'")
            .unwrap();
        let entries = audit::read_all(store.conn()).unwrap().len();
        let result = store.act("user list", "users", |tx| {
            Ok((records::users(tx)?, "users".into()))
        });
        match result {
            Err(Error::Refused(r)) => assert_eq!(r.problems[0].rule, "K26"),
            other => panic!("acted on a changed bank: {:?}", other.map(|u| u.len())),
        }
        assert_eq!(
            audit::read_all(store.conn()).unwrap().len(),
            entries,
            "nothing recorded over the change"
        );
    }
}
