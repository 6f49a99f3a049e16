//! The encrypted store (RULES.md B12): one SQLCipher file ending in `.kadrbank`, mode
//! 0600, outside every site root, that opens only with its key; `secure_delete` on,
//! so that a deleted candidate's data are overwritten and not left in free pages.
//!
//! [`Store::act`] is the one way to read or change the bank: it runs the action in a
//! transaction and writes the audit entry (B12, K20) in that same transaction, or, if
//! the action is refused, writes the refusal in a transaction of its own.
//!
//! The records (users, candidates, employees, lists) are read and written in
//! [`records`]; backups (K19) in [`backup`].

pub mod backup;
pub mod records;

use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::audit;
use crate::error::Error;
use crate::key::{Keyring, SALT_LEN, Salt, new_salt};
use crate::site::Site;

/// Every store's file name ends in `.kadrbank`, so that `kadr build` can recognise a
/// store without opening it (the same constant as `kadr::load::BANK_EXTENSION`).
pub const EXTENSION: &str = "kadrbank";

/// The schema version this code reads and writes.
pub const FORMAT_VERSION: &str = "1";

/// Default retention of a candidate's data after the competition (R9): one year, as
/// long as a candidate may be appointed without a new competition (B9).
pub const DEFAULT_RETENTION_MONTHS: u32 = 12;

const SCHEMA: &str = include_str!("schema.sql");

/// The message for every way a file can fail to open as a bank with this key; it does
/// not say which, so that it tells a guesser nothing.
pub const WRONG_KEY: &str = "wrong key or not a kadr bank";

/// An open store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    salt: Salt,
}

/// Checks a path that will hold a store, a backup or an export of personal data:
/// outside every site root (B12), and (for stores and backups) named `*.kadrbank`.
pub fn check_path(path: &Path, site: &dyn Site, store_file: bool) -> Result<(), Error> {
    if store_file && !has_bank_extension(path) {
        return Err(Error::usage(format!(
            "{}: a bank file's name must end in .{EXTENSION} (so that `kadr build` can recognise one inside a site)",
            path.display()
        )));
    }
    if let Some(root) = site.site_root_containing(path) {
        return Err(Error::refused(
            "B12",
            format!(
                "{} lies inside the site root {}: personal data must never be where the site is built from; keep the bank outside it",
                path.display(),
                root.display()
            ),
        ));
    }
    Ok(())
}

pub fn has_bank_extension(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case(EXTENSION))
}

impl Store {
    /// Creates a new store at `path` (which must not exist) with `admin` as its first
    /// authorised user (K20).
    pub fn create(
        path: &Path,
        keyring: &mut Keyring,
        admin: &str,
        retention_months: u32,
    ) -> Result<Store, Error> {
        if fs::symlink_metadata(path).is_ok() {
            return Err(Error::refused(
                "K19",
                format!(
                    "{} already exists; `kadr bank init` never overwrites a store",
                    path.display()
                ),
            ));
        }
        create_private_file(path)?;
        match Store::initialise(path, keyring, admin, retention_months) {
            Ok(store) => Ok(store),
            Err(e) => {
                // Leave no half-made store behind.
                let _ = fs::remove_file(path);
                let _ = fs::remove_file(journal_of(path));
                Err(e)
            }
        }
    }

    fn initialise(
        path: &Path,
        keyring: &mut Keyring,
        admin: &str,
        retention_months: u32,
    ) -> Result<Store, Error> {
        let salt = new_salt()?;
        let conn = connect(path, keyring, &salt, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            salt,
        };
        let tx = store
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(SCHEMA)?;
        records::set_meta(&tx, "format", "kadr-bank")?;
        records::set_meta(&tx, "version", FORMAT_VERSION)?;
        records::set_meta(&tx, "retention_months", &retention_months.to_string())?;
        records::add_user(&tx, admin, admin)?;
        audit::append(&tx, admin, "init", admin, "ok")?;
        tx.commit()?;
        // SQLCipher must have taken our salt as the file's own: the key of every later
        // opening is derived from what the header says.
        if read_salt(path)? != Some(salt) {
            return Err(Error::Io(
                "the new store does not carry its salt in its header; nothing was created".into(),
            ));
        }
        Ok(store)
    }

    /// Opens the store at `path` with the operator's key.
    pub fn open(path: &Path, keyring: &mut Keyring) -> Result<Store, Error> {
        Store::open_with(path, keyring, OpenFlags::SQLITE_OPEN_READ_WRITE)
    }

    fn open_with(path: &Path, keyring: &mut Keyring, flags: OpenFlags) -> Result<Store, Error> {
        let meta = match fs::metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::usage(format!(
                    "there is no bank at {}; create one with `kadr bank init --admin NAME`",
                    path.display()
                )));
            }
            Err(e) => return Err(Error::Io(format!("{}: {e}", path.display()))),
        };
        if !meta.is_file() {
            return Err(Error::usage(format!("{} is not a file", path.display())));
        }
        check_private(path, &meta)?;
        let Some(salt) = read_salt(path)? else {
            return Err(Error::refused("B12", WRONG_KEY));
        };
        let conn = connect(path, keyring, &salt, flags)?;
        let format: Result<String, _> =
            conn.query_row("SELECT value FROM meta WHERE key = 'format'", [], |r| {
                r.get(0)
            });
        match format {
            Ok(f) if f == "kadr-bank" => {}
            // A wrong key reads as "file is not a database"; a foreign database as a
            // missing table: the operator is told the same in both cases.
            _ => return Err(Error::refused("B12", WRONG_KEY)),
        }
        let version = records::meta(&conn, "version")?;
        if version.as_deref() != Some(FORMAT_VERSION) {
            return Err(Error::usage(format!(
                "{} is a bank of format version {}; this kadr reads version {FORMAT_VERSION}",
                path.display(),
                version.unwrap_or_default()
            )));
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            salt,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn salt(&self) -> &Salt {
        &self.salt
    }

    /// The connection, for reads that need no audit entry of their own (inside an
    /// action that writes one).
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs an action and records it: `f` returns its result and the audit entry's
    /// object (known only afterwards for a new record). The change and its entry commit
    /// together; a refused or failed action changes nothing and is recorded with the
    /// `object` given here.
    pub fn act<T>(
        &mut self,
        user: &str,
        action: &str,
        object: &str,
        f: impl FnOnce(&Transaction) -> Result<(T, String), Error>,
    ) -> Result<T, Error> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        match f(&tx) {
            Ok((value, object)) => {
                audit::append(&tx, user, action, &object, "ok")?;
                tx.commit()?;
                Ok(value)
            }
            Err(e) => {
                drop(tx); // rolls back
                // The refusal is recorded even if recording fails for another reason;
                // the operator still sees the refusal itself.
                let _ = self.record(user, action, object, &e.outcome());
                Err(e)
            }
        }
    }

    /// Checks that `user` is on the list of authorised users (K20); a refusal is
    /// recorded under the name given.
    pub fn authorise(&mut self, user: &str, action: &str, object: &str) -> Result<(), Error> {
        if records::is_user(&self.conn, user)? {
            return Ok(());
        }
        let e = Error::refused(
            "K20",
            format!(
                "{user:?} is not an authorised user of this bank; an authorised user can add them with `kadr bank user add`"
            ),
        );
        self.record(user, action, object, &e.outcome())?;
        Err(e)
    }

    /// Writes one audit entry in a transaction of its own.
    pub fn record(
        &mut self,
        user: &str,
        action: &str,
        object: &str,
        outcome: &str,
    ) -> Result<(), Error> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        audit::append(&tx, user, action, object, outcome)?;
        tx.commit()?;
        Ok(())
    }
}

/// Opens a SQLCipher connection with the key for `salt` and the bank's settings. The
/// file must exist: SQLite is never asked to create one.
fn connect(
    path: &Path,
    keyring: &mut Keyring,
    salt: &Salt,
    flags: OpenFlags,
) -> Result<Connection, Error> {
    let conn = Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|e| Error::Io(format!("{}: {e}", path.display())))?;
    // SQLCipher logs a wrong key's failed page check to stderr; the operator gets our
    // one message instead.
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
    let key = keyring.key_for(salt)?;
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

/// The first 16 bytes of the file (SQLCipher's salt), or `None` for a shorter file.
pub(crate) fn read_salt(path: &Path) -> Result<Option<Salt>, Error> {
    let mut file =
        fs::File::open(path).map_err(|e| Error::Io(format!("{}: {e}", path.display())))?;
    let mut salt = [0u8; SALT_LEN];
    match file.read_exact(&mut salt) {
        Ok(()) => Ok(Some(salt)),
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => Ok(None),
        Err(e) => Err(Error::Io(format!("{}: {e}", path.display()))),
    }
}

pub(crate) fn journal_of(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push("-journal");
    PathBuf::from(s)
}

/// Creates an empty file only its owner may read and write (B12).
pub(crate) fn create_private_file(path: &Path) -> Result<(), Error> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map(drop).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            Error::refused("K19", format!("{} already exists", path.display()))
        } else {
            Error::Io(format!("cannot create {}: {e}", path.display()))
        }
    })
}

/// Refuses a store that other users of the computer may read (B12).
fn check_private(path: &Path, meta: &fs::Metadata) -> Result<(), Error> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(Error::refused(
                "B12",
                format!(
                    "{} may be read by other users of this computer (mode {mode:o}); make it private with `chmod 600 {}`",
                    path.display(),
                    path.display()
                ),
            ));
        }
    }
    #[cfg(not(unix))]
    let _ = (path, meta);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::key::{KdfParams, Passphrase};

    const FAST: KdfParams = KdfParams {
        m_kib: 64,
        t: 1,
        p: 1,
    };

    /// A fresh folder under the system's temporary folder, removed on drop.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(name: &str) -> TempDir {
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

    fn keyring(pass: &str) -> Keyring {
        Keyring::new(Passphrase::new(pass.into()), FAST)
    }

    #[test]
    fn a_new_store_is_private_and_opens_only_with_its_key() {
        let dir = TempDir::new("open");
        let path = dir.0.join("test.kadrbank");
        Store::create(&path, &mut keyring("the right key"), "aliya", 12).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        let store = Store::open(&path, &mut keyring("the right key")).unwrap();
        assert!(records::is_user(store.conn(), "aliya").unwrap());
        let secure_delete: i64 = store
            .conn()
            .query_row("PRAGMA secure_delete", [], |r| r.get(0))
            .unwrap();
        assert_eq!(secure_delete, 1, "deleted records are overwritten");
        match Store::open(&path, &mut keyring("a wrong key!")) {
            Err(Error::Refused(r)) => assert_eq!(r.problems[0].message, WRONG_KEY),
            Err(e) => panic!("{e}"),
            Ok(_) => panic!("opened with a wrong key"),
        }
    }

    #[test]
    fn the_audit_log_refuses_updates_and_deletes() {
        let dir = TempDir::new("append-only");
        let path = dir.0.join("test.kadrbank");
        let store = Store::create(&path, &mut keyring("the right key"), "aliya", 12).unwrap();
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
        let mut store = Store::create(&path, &mut keyring("the right key"), "aliya", 12).unwrap();
        let result: Result<(), Error> = store.act("aliya", "user add", "bob", |tx| {
            records::add_user(tx, "bob", "aliya")?;
            Err(Error::refused("K20", "changed my mind"))
        });
        assert!(result.is_err());
        assert!(!records::is_user(store.conn(), "bob").unwrap());
        let log = audit::read_all(store.conn()).unwrap();
        assert_eq!(log.last().unwrap().outcome, "refused (K20)");
        assert!(audit::verify(&log).is_ok());
    }

    #[test]
    fn a_backup_opens_with_the_same_key_and_verifies() {
        let dir = TempDir::new("backup");
        let path = dir.0.join("test.kadrbank");
        let copy = dir.0.join("copy.kadrbank");
        let mut ring = keyring("the right key");
        let store = Store::create(&path, &mut ring, "aliya", 12).unwrap();
        store.backup_to(&copy, false, &mut ring).unwrap();
        let verified = backup::verify(&copy, &mut keyring("the right key"), "aliya").unwrap();
        assert_eq!(verified.audit.entries, 1);
        assert!(matches!(
            store.backup_to(&copy, false, &mut ring),
            Err(Error::Refused(_))
        ));
    }
}
