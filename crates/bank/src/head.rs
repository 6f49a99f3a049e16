//! The head file (RULES.md K26): `NAME.kadrbank-head`, outside the database, records
//! the last entry of the store's audit log (its number and hash). Someone holding the
//! key can delete the newest entries inside the store and keep the chain whole; the
//! head file then names an entry the log no longer has, and verify says so. The same
//! hash is printed after every command, to be written down or witnessed elsewhere: the
//! head file can be rewritten by whoever can write the store, a hash on paper cannot.
//!
//! Each change writes the head file twice, both times while it holds the store's write
//! lock: before the commit with the new entry as `pending`, after it with the new entry
//! as the head. A crash in between leaves a pending entry that is either in the log (the
//! commit happened) or not (it did not): both are consistent, and the next command
//! settles it.

use serde::{Deserialize, Serialize};
use std::path::Path;

use crate::error::Error;
use crate::key::{SALT_LEN, Salt};
use crate::messages::Text;
use crate::store::files;

/// The first eight bytes of a head file: the same constant as
/// `kadr::load::BANK_HEAD_MAGIC`.
pub const HEAD_MAGIC: [u8; 8] = *b"\x89KADRBKH";

const FORMAT: &str = "kadr-bank head";
const VERSION: u32 = 1;
const MAX_FILE_BYTES: u64 = 64 * 1024;

/// An audit entry, as the head file names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub seq: i64,
    pub hash: String,
}

/// What a head file says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    /// The store's salt: a head file belongs to one store.
    pub store: Salt,
    /// The last entry committed.
    pub head: Mark,
    /// An entry being committed, if a command was stopped between its two writes.
    pub pending: Option<Mark>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Repr {
    format: String,
    version: u32,
    store: String,
    seq: i64,
    hash: String,
    pending: Option<Mark>,
}

/// How the log's last entry stands to the head file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// The log ends where the head file says (or at its pending entry).
    Agrees,
    /// The problem, in a sentence.
    Disagrees(Text),
}

impl Head {
    pub fn read(path: &Path) -> Result<Option<Head>, Error> {
        let Some(body) = files::read_padded(path, &HEAD_MAGIC, MAX_FILE_BYTES, "head")? else {
            return Ok(None);
        };
        let damaged =
            |why: String| Error::refused("K26", format!("{} is damaged: {why}", path.display()));
        let repr: Repr = serde_json::from_slice(&body).map_err(|e| damaged(e.to_string()))?;
        if repr.format != FORMAT || repr.version != VERSION {
            return Err(damaged(format!(
                "it is {:?} version {}, this kadr reads {FORMAT:?} version {VERSION}",
                repr.format, repr.version
            )));
        }
        let mut store = [0u8; SALT_LEN];
        hex::decode_to_slice(&repr.store, &mut store)
            .map_err(|_| damaged("its store id".into()))?;
        Ok(Some(Head {
            store,
            head: Mark {
                seq: repr.seq,
                hash: repr.hash,
            },
            pending: repr.pending,
        }))
    }

    pub fn write(&self, path: &Path) -> Result<(), Error> {
        let repr = Repr {
            format: FORMAT.to_string(),
            version: VERSION,
            store: hex::encode(self.store),
            seq: self.head.seq,
            hash: self.head.hash.clone(),
            pending: self.pending.clone(),
        };
        let body = serde_json::to_vec_pretty(&repr)
            .map_err(|e| Error::io(Text::new("io-cannot-write-the-head-file"), e))?;
        files::write_atomically(path, &files::padded(&HEAD_MAGIC, &body))
    }

    /// How a log whose last entry is `last` stands to this head file. `find` tells
    /// whether the log holds an entry with that number and hash.
    pub fn standing(&self, last: Option<&Mark>, find: impl Fn(&Mark) -> bool) -> Standing {
        let Some(last) = last else {
            return Standing::Disagrees(
                Text::new("k26-head-log-empty")
                    .arg("seq", self.head.seq)
                    .arg("hash", self.head.hash.as_str()),
            );
        };
        if *last == self.head || self.pending.as_ref() == Some(last) {
            return Standing::Agrees;
        }
        if last.seq < self.head.seq || !find(&self.head) {
            return Standing::Disagrees(
                Text::new("k26-head-log-shorter")
                    .arg("last", last.seq)
                    .arg("seq", self.head.seq)
                    .arg("hash", self.head.hash.as_str()),
            );
        }
        Standing::Disagrees(
            Text::new("k26-head-log-longer")
                .arg("seq", self.head.seq)
                .arg("from", self.head.seq + 1)
                .arg("to", last.seq),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::MessageLang;

    fn mark(seq: i64) -> Mark {
        Mark {
            seq,
            hash: format!("h{seq}"),
        }
    }

    fn head(seq: i64, pending: Option<i64>) -> Head {
        Head {
            store: [1; SALT_LEN],
            head: mark(seq),
            pending: pending.map(mark),
        }
    }

    #[test]
    fn k26_a_log_that_ends_before_the_head_is_named() {
        let h = head(7, None);
        assert_eq!(h.standing(Some(&mark(7)), |_| true), Standing::Agrees);
        let Standing::Disagrees(why) = h.standing(Some(&mark(5)), |m| m.seq <= 5) else {
            panic!("a cut log agrees");
        };
        assert!(
            why.in_lang(MessageLang::En).contains("ends at entry 5")
                && why.in_lang(MessageLang::En).contains("records entry 7"),
            "{why:?}"
        );
        assert!(matches!(
            h.standing(None, |_| false),
            Standing::Disagrees(_)
        ));
        // Same length, another chain: the log was replaced.
        assert!(matches!(
            h.standing(
                Some(&Mark {
                    seq: 7,
                    hash: "other".into()
                }),
                |_| false
            ),
            Standing::Disagrees(_)
        ));
    }

    #[test]
    fn k26_entries_after_the_head_are_named() {
        let h = head(7, None);
        let Standing::Disagrees(why) = h.standing(Some(&mark(9)), |_| true) else {
            panic!("a longer log agrees");
        };
        let why = why.in_lang(MessageLang::Kk);
        assert!(why.contains("8–9"), "{why}");
    }

    #[test]
    fn a_pending_entry_agrees_whether_or_not_it_was_committed() {
        let h = head(7, Some(8));
        assert_eq!(h.standing(Some(&mark(7)), |_| true), Standing::Agrees);
        assert_eq!(h.standing(Some(&mark(8)), |_| true), Standing::Agrees);
        assert!(matches!(
            h.standing(Some(&mark(6)), |m| m.seq <= 6),
            Standing::Disagrees(_)
        ));
    }
}
