//! The audit log (RULES.md B12, K20, K26): every read and change of the bank, one
//! entry each (time, user, action, object, outcome), in the store itself and written
//! in the same transaction as the change it records. Entries are chained: each one's
//! hash covers its fields and the previous entry's hash, so that editing, inserting
//! or removing an entry breaks the chain from there on, and [`verify`] names the first
//! entry that no longer fits. Triggers in the schema refuse UPDATE and DELETE on the
//! log; the chain catches what someone holding the key does around them.
//!
//! Objects are ids (`cand-0003`, `list-0001`, a vacancy id, a user name), never a
//! candidate's personal data.

use rusqlite::{Connection, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::Error;

/// The hash the first entry chains to.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One audit entry as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub seq: i64,
    /// UTC, RFC 3339, to the second.
    pub time: String,
    pub user: String,
    pub action: String,
    pub object: String,
    pub outcome: String,
    pub prev_hash: String,
    pub hash: String,
}

/// The hash of an entry: SHA-256 over a domain tag, the previous hash and each field
/// with its length in front, so that no two different entries share an encoding.
pub fn entry_hash(
    prev_hash: &str,
    seq: i64,
    time: &str,
    user: &str,
    action: &str,
    object: &str,
    outcome: &str,
) -> String {
    let mut h = Sha256::new();
    h.update(b"kadr-bank audit v1\0");
    let seq = seq.to_string();
    for field in [prev_hash, &seq, time, user, action, object, outcome] {
        h.update((field.len() as u64).to_le_bytes());
        h.update(field.as_bytes());
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Appends an entry chained to the last one. Call it inside the transaction of the
/// change it records: both commit or neither does.
pub fn append(
    conn: &Connection,
    user: &str,
    action: &str,
    object: &str,
    outcome: &str,
) -> Result<(), Error> {
    let last: Option<(i64, String)> = conn
        .query_row(
            "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map(Some)
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(None),
            e => Err(e),
        })?;
    let (seq, prev) = match last {
        Some((seq, hash)) => (seq + 1, hash),
        None => (1, GENESIS.to_string()),
    };
    let time = now();
    let hash = entry_hash(&prev, seq, &time, user, action, object, outcome);
    conn.execute(
        "INSERT INTO audit (seq, time, user, action, object, outcome, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![seq, time, user, action, object, outcome, prev, hash],
    )?;
    Ok(())
}

/// Every entry, oldest first.
pub fn read_all(conn: &Connection) -> Result<Vec<Entry>, Error> {
    let mut stmt = conn.prepare(
        "SELECT seq, time, user, action, object, outcome, prev_hash, hash
         FROM audit ORDER BY seq",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Entry {
            seq: r.get(0)?,
            time: r.get(1)?,
            user: r.get(2)?,
            action: r.get(3)?,
            object: r.get(4)?,
            outcome: r.get(5)?,
            prev_hash: r.get(6)?,
            hash: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// Where and how a chain breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    /// The first entry that does not fit (its sequence number).
    pub seq: i64,
    pub reason: &'static str,
}

/// A chain that holds: how many entries, and the last hash (worth writing down on
/// paper: a later log must still contain it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holds {
    pub entries: usize,
    pub head: String,
}

/// Recomputes the chain and names the first entry that breaks it.
pub fn verify(entries: &[Entry]) -> Result<Holds, Broken> {
    let mut prev = GENESIS;
    for (i, e) in entries.iter().enumerate() {
        let expected_seq = i as i64 + 1;
        if e.seq != expected_seq {
            return Err(Broken {
                seq: expected_seq,
                reason: "is missing (the sequence numbers skip it)",
            });
        }
        if e.prev_hash != prev {
            return Err(Broken {
                seq: e.seq,
                reason: "does not chain to the entry before it",
            });
        }
        let hash = entry_hash(
            prev, e.seq, &e.time, &e.user, &e.action, &e.object, &e.outcome,
        );
        if hash != e.hash {
            return Err(Broken {
                seq: e.seq,
                reason: "was changed after it was written (its hash does not match its contents)",
            });
        }
        prev = &e.hash;
    }
    Ok(Holds {
        entries: entries.len(),
        head: prev.to_string(),
    })
}

/// The current time, UTC, to the second.
pub(crate) fn now() -> String {
    jiff::Timestamp::now()
        .round(jiff::Unit::Second)
        .unwrap_or_else(|_| jiff::Timestamp::now())
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: i64) -> Vec<Entry> {
        let mut out: Vec<Entry> = Vec::new();
        for seq in 1..=n {
            let prev = out.last().map_or(GENESIS.to_string(), |e| e.hash.clone());
            let time = format!("2026-11-27T10:00:{seq:02}Z");
            let hash = entry_hash(
                &prev,
                seq,
                &time,
                "aliya",
                "candidate add",
                "cand-0001",
                "ok",
            );
            out.push(Entry {
                seq,
                time,
                user: "aliya".into(),
                action: "candidate add".into(),
                object: "cand-0001".into(),
                outcome: "ok".into(),
                prev_hash: prev,
                hash,
            });
        }
        out
    }

    #[test]
    fn an_untouched_chain_holds() {
        let entries = chain(4);
        let holds = verify(&entries).unwrap();
        assert_eq!(holds.entries, 4);
        assert_eq!(holds.head, entries[3].hash);
    }

    #[test]
    fn an_edited_entry_is_named() {
        let mut entries = chain(4);
        entries[2].outcome = "refused (K20)".into();
        assert_eq!(verify(&entries).unwrap_err().seq, 3);
    }

    #[test]
    fn a_rehashed_edit_breaks_the_next_link() {
        let mut entries = chain(4);
        let e = &mut entries[1];
        e.user = "someone".into();
        e.hash = entry_hash(
            &e.prev_hash,
            e.seq,
            &e.time,
            &e.user,
            &e.action,
            &e.object,
            &e.outcome,
        );
        assert_eq!(verify(&entries).unwrap_err().seq, 3);
    }

    #[test]
    fn a_removed_entry_is_named() {
        let mut entries = chain(4);
        entries.remove(1);
        assert_eq!(verify(&entries).unwrap_err().seq, 2);
    }

    #[test]
    fn fields_cannot_trade_characters() {
        let a = entry_hash(GENESIS, 1, "t", "ab", "c", "o", "ok");
        let b = entry_hash(GENESIS, 1, "t", "a", "bc", "o", "ok");
        assert_ne!(a, b);
    }
}
