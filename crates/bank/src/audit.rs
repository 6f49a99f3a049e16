//! The audit log (RULES.md B12, K20, K26): every read and change of the bank, one
//! entry each (time, user, action, object, outcome), in the store itself and written
//! in the same transaction as the change it records. Entries are chained: each one's
//! hash covers its fields and the previous entry's hash, so that editing, inserting
//! or removing an entry breaks the chain from there on, and [`verify`] names the first
//! entry that no longer fits. Triggers in the schema refuse UPDATE and DELETE on the
//! log; the chain catches what someone holding the key does around them.
//!
//! Since format 2 an entry also carries the rows its action changed (their digests
//! after it, see [`crate::state`]) and the digest of the whole bank after it, both
//! covered by its hash: [`replay`] follows the chain to the state the bank must be in,
//! so a change made outside kadr is found and named. Entries of format 1 (before a
//! store was migrated) have neither and are hashed as they were written.
//!
//! Objects are ids (`cand-0003`, `list-0001`, a vacancy id, a user name), never a
//! candidate's personal data.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::Error;
use crate::head::Mark;
use crate::messages::Text;
use crate::state::{Change, State};

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
    /// The rows the action changed, as JSON (format 2; `None` in entries of format 1).
    #[serde(serialize_with = "changes_as_json")]
    pub changes: Option<String>,
    /// The digest of the bank after the action (format 2).
    pub state: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

fn changes_as_json<S: serde::Serializer>(
    changes: &Option<String>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match changes
        .as_deref()
        .map(serde_json::from_str::<serde_json::Value>)
    {
        Some(Ok(v)) => v.serialize(s),
        Some(Err(_)) => changes.serialize(s),
        None => s.serialize_none(),
    }
}

impl Entry {
    pub fn mark(&self) -> Mark {
        Mark {
            seq: self.seq,
            hash: self.hash.clone(),
        }
    }

    /// The entry's changes, if it is of format 2 and they can be read.
    pub fn parsed_changes(&self) -> Option<Result<Vec<Change>, serde_json::Error>> {
        self.changes.as_deref().map(serde_json::from_str)
    }

    fn computed_hash(&self, prev: &str) -> String {
        match (&self.changes, &self.state) {
            (None, None) => entry_hash(
                prev,
                self.seq,
                &self.time,
                &self.user,
                &self.action,
                &self.object,
                &self.outcome,
            ),
            (changes, state) => entry_hash_v2(
                prev,
                self.seq,
                [
                    &self.time,
                    &self.user,
                    &self.action,
                    &self.object,
                    &self.outcome,
                ],
                changes.as_deref().unwrap_or(""),
                state.as_deref().unwrap_or(""),
            ),
        }
    }
}

/// The hash of an entry of format 1: SHA-256 over a domain tag, the previous hash and
/// each field with its length in front, so that no two different entries share an
/// encoding.
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
    hex::encode(h.finalize())
}

/// The hash of an entry of format 2: as [`entry_hash`], under its own tag, with the
/// changes and the state digest after the fields.
pub fn entry_hash_v2(
    prev_hash: &str,
    seq: i64,
    fields: [&str; 5],
    changes: &str,
    state: &str,
) -> String {
    let mut h = Sha256::new();
    h.update(b"kadr-bank audit v2\0");
    let seq = seq.to_string();
    let [time, user, action, object, outcome] = fields;
    for field in [
        prev_hash, &seq, time, user, action, object, outcome, changes, state,
    ] {
        h.update((field.len() as u64).to_le_bytes());
        h.update(field.as_bytes());
    }
    hex::encode(h.finalize())
}

/// The last entry, if any.
pub fn last(conn: &Connection) -> Result<Option<Entry>, Error> {
    let mut entries = read_where(conn, "WHERE seq = (SELECT max(seq) FROM audit)")?;
    Ok(entries.pop())
}

/// Appends an entry chained to the last one, with the rows the action changed and the
/// state after it. Call it inside the transaction of the change it records: both
/// commit or neither does.
pub fn append(
    conn: &Connection,
    fields: [&str; 4],
    changes: &[Change],
    after: &State,
) -> Result<Entry, Error> {
    let [user, action, object, outcome] = fields;
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
    let changes = serde_json::to_string(changes)
        .map_err(|e| Error::io(Text::new("io-cannot-record-the-changes"), e))?;
    let state = after.digest();
    let hash = entry_hash_v2(
        &prev,
        seq,
        [&time, user, action, object, outcome],
        &changes,
        &state,
    );
    conn.execute(
        "INSERT INTO audit (seq, time, user, action, object, outcome, prev_hash, hash, changes, state)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![seq, time, user, action, object, outcome, prev, hash, changes, state],
    )?;
    Ok(Entry {
        seq,
        time,
        user: user.to_string(),
        action: action.to_string(),
        object: object.to_string(),
        outcome: outcome.to_string(),
        changes: Some(changes),
        state: Some(state),
        prev_hash: prev,
        hash,
    })
}

/// Every entry, oldest first.
pub fn read_all(conn: &Connection) -> Result<Vec<Entry>, Error> {
    read_where(conn, "")
}

fn read_where(conn: &Connection, filter: &str) -> Result<Vec<Entry>, Error> {
    // Format 1 stores have no changes and state columns.
    let has_state: bool = conn.query_row(
        "SELECT count(*) FROM pragma_table_info('audit') WHERE name = 'state'",
        [],
        |r| r.get::<_, i64>(0).map(|n| n > 0),
    )?;
    let extra = if has_state {
        "changes, state"
    } else {
        "NULL, NULL"
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT seq, time, user, action, object, outcome, prev_hash, hash, {extra}
         FROM audit {filter} ORDER BY seq"
    ))?;
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
            changes: r.get(8)?,
            state: r.get(9)?,
        })
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// Whether an entry's hash matches its contents and it chains to the entry before it.
pub fn verify_one(conn: &Connection, e: &Entry) -> Result<bool, Error> {
    let prev: Option<String> = if e.seq == 1 {
        Some(GENESIS.to_string())
    } else {
        conn.query_row("SELECT hash FROM audit WHERE seq = ?1", [e.seq - 1], |r| {
            r.get(0)
        })
        .optional()?
    };
    Ok(prev.as_deref() == Some(e.prev_hash.as_str()) && e.computed_hash(&e.prev_hash) == e.hash)
}

/// Where and how a chain breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    /// The first entry that does not fit (its sequence number).
    pub seq: i64,
    pub reason: Reason,
}

/// How an entry breaks the chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The sequence numbers skip it.
    Missing,
    NotChained,
    /// An entry after the migration to format 2 without changes and state.
    LacksChanges,
    /// Its hash does not match its contents.
    Altered,
    UnreadableChanges,
    /// Its state digest does not follow from the changes recorded up to it.
    StateMismatch,
}

impl Reason {
    fn english(self) -> &'static str {
        match self {
            Reason::Missing => "is missing (the sequence numbers skip it)",
            Reason::NotChained => "does not chain to the entry before it",
            Reason::LacksChanges => {
                "lacks the changes and state that every entry after the migration carries"
            }
            Reason::Altered => {
                "was changed after it was written (its hash does not match its contents)"
            }
            Reason::UnreadableChanges => "holds changes that cannot be read",
            Reason::StateMismatch => {
                "does not describe the bank it leaves (its state digest does not follow from the changes recorded up to it)"
            }
        }
    }

    fn id(self) -> &'static str {
        match self {
            Reason::Missing => "k26-broken-missing",
            Reason::NotChained => "k26-broken-not-chained",
            Reason::LacksChanges => "k26-broken-lacks-changes",
            Reason::Altered => "k26-broken-altered",
            Reason::UnreadableChanges => "k26-broken-unreadable-changes",
            Reason::StateMismatch => "k26-broken-state",
        }
    }
}

impl Broken {
    /// The break in the bank's messages.
    pub fn text(&self) -> Text {
        Text::new(self.reason.id()).arg("seq", self.seq)
    }
}

impl std::fmt::Display for Broken {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(
            f,
            "the audit log is broken at entry {}: it {}",
            self.seq,
            self.reason.english()
        )
    }
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
    let mut format_2 = false;
    for (i, e) in entries.iter().enumerate() {
        let expected_seq = i as i64 + 1;
        if e.seq != expected_seq {
            return Err(Broken {
                seq: expected_seq,
                reason: Reason::Missing,
            });
        }
        if e.prev_hash != prev {
            return Err(Broken {
                seq: e.seq,
                reason: Reason::NotChained,
            });
        }
        let v2 = e.changes.is_some() || e.state.is_some();
        if format_2 && !v2 {
            return Err(Broken {
                seq: e.seq,
                reason: Reason::LacksChanges,
            });
        }
        format_2 |= v2;
        if e.computed_hash(prev) != e.hash {
            return Err(Broken {
                seq: e.seq,
                reason: Reason::Altered,
            });
        }
        prev = &e.hash;
    }
    Ok(Holds {
        entries: entries.len(),
        head: prev.to_string(),
    })
}

/// Follows the changes of a chain that [`verify`] accepted to the state the bank must
/// be in after its last entry, checking each entry's state digest on the way.
pub fn replay(entries: &[Entry]) -> Result<State, Broken> {
    let mut state = State::default();
    for e in entries {
        let Some(changes) = e.parsed_changes() else {
            continue;
        };
        let changes = changes.map_err(|_| Broken {
            seq: e.seq,
            reason: Reason::UnreadableChanges,
        })?;
        state.apply(&changes);
        if e.state.as_deref() != Some(state.digest().as_str()) {
            return Err(Broken {
                seq: e.seq,
                reason: Reason::StateMismatch,
            });
        }
    }
    Ok(state)
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
                changes: None,
                state: None,
                prev_hash: prev,
                hash,
            });
        }
        out
    }

    /// `chain(n)` followed by format-2 entries, each adding one row to the state.
    fn migrated_chain(n: i64, more: i64) -> Vec<Entry> {
        let mut out = chain(n);
        let mut state = State::default();
        for seq in n + 1..=n + more {
            let prev = out.last().map_or(GENESIS.to_string(), |e| e.hash.clone());
            let change = Change {
                table: "candidates".into(),
                record: format!("cand-{seq:04}"),
                digest: Some(format!("{seq:064x}")),
            };
            state.apply(std::slice::from_ref(&change));
            let changes = serde_json::to_string(&[change]).unwrap();
            let digest = state.digest();
            let time = format!("2026-11-27T11:00:{seq:02}Z");
            let fields = [time.as_str(), "aliya", "candidate add", "x", "ok"];
            let hash = entry_hash_v2(&prev, seq, fields, &changes, &digest);
            out.push(Entry {
                seq,
                time: time.clone(),
                user: "aliya".into(),
                action: "candidate add".into(),
                object: "x".into(),
                outcome: "ok".into(),
                changes: Some(changes),
                state: Some(digest),
                prev_hash: prev,
                hash,
            });
        }
        out
    }

    #[test]
    fn k26_a_migrated_chain_holds_and_replays_to_its_last_state() {
        let entries = migrated_chain(3, 3);
        assert_eq!(verify(&entries).unwrap().entries, 6);
        let state = replay(&entries).unwrap();
        assert_eq!(state.len(), 3);
        assert_eq!(Some(state.digest()), entries[5].state);
    }

    #[test]
    fn k26_an_entry_whose_state_does_not_follow_from_its_changes_is_named() {
        let mut entries = migrated_chain(1, 3);
        // Rewritten with a consistent hash, but claiming another state.
        let e = &mut entries[2];
        e.state = Some(GENESIS.into());
        e.hash = e.computed_hash(&e.prev_hash.clone());
        let next_prev = e.hash.clone();
        entries[3].prev_hash = next_prev.clone();
        entries[3].hash = entries[3].computed_hash(&next_prev);
        assert!(verify(&entries).is_ok());
        assert_eq!(replay(&entries).unwrap_err().seq, 3);
    }

    #[test]
    fn k26_an_entry_of_format_1_after_the_migration_is_refused() {
        let mut entries = migrated_chain(1, 2);
        let e = &mut entries[2];
        e.changes = None;
        e.state = None;
        e.hash = e.computed_hash(&e.prev_hash.clone());
        assert_eq!(verify(&entries).unwrap_err().seq, 3);
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
