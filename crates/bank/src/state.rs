//! What the bank holds, as digests (RULES.md K26): every row of every table (and every
//! table, index and trigger of the schema) has a digest, SHA-256 over its table, its
//! record id and each column's name, type and value. The state of the bank is the set
//! of these digests, and its digest the hash of that sorted set.
//!
//! Each audit entry carries the rows its action changed (their digests after it, or
//! that they were deleted) and the state digest after it. Replaying the chain gives the
//! digests the bank must have now; any row that differs from them was added, changed or
//! deleted outside kadr, and is named by its table and record (`candidates cand-0003`,
//! `users mallory`, `schema trigger audit_no_delete`).
//!
//! The audit log itself is not part of the state: the chain covers it.

use std::collections::BTreeMap;

use rusqlite::Connection;
use rusqlite::types::ValueRef;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::Error;

/// The tables whose rows make the state, each with the SQL of its record id.
const TABLES: &[(&str, &str)] = &[
    ("meta", "key"),
    ("users", "name"),
    ("candidates", "printf('cand-%04d', id)"),
    ("employees", "printf('cand-%04d', id)"),
    ("lists", "printf('list-%04d', id)"),
    (
        "list_members",
        "printf('list-%04d/cand-%04d', list, person)",
    ),
    // AUTOINCREMENT's counters: an id is never given twice.
    ("sqlite_sequence", "name"),
];

/// The state's rows: (table, record) → digest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    rows: BTreeMap<(String, String), String>,
}

/// One row an action changed: its digest after the action, or `None` if it deleted it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub table: String,
    pub record: String,
    pub digest: Option<String>,
}

/// A row that is not what the chain says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub table: String,
    pub record: String,
    pub kind: DifferenceKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DifferenceKind {
    Added,
    Changed,
    Deleted,
}

impl Difference {
    /// The difference in the bank's messages.
    pub fn text(&self) -> crate::messages::Text {
        let id = match self.kind {
            DifferenceKind::Added => "k26-row-added",
            DifferenceKind::Changed => "k26-row-changed",
            DifferenceKind::Deleted => "k26-row-deleted",
        };
        crate::messages::Text::new(id)
            .arg("table", self.table.as_str())
            .arg("record", self.record.as_str())
    }
}

impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let how = match self.kind {
            DifferenceKind::Added => "was added",
            DifferenceKind::Changed => "was changed",
            DifferenceKind::Deleted => "was deleted",
        };
        write!(
            f,
            "{} {} {how} outside kadr (no audit entry records it)",
            self.table, self.record
        )
    }
}

impl State {
    /// The current state of the store behind `conn`.
    pub fn read(conn: &Connection) -> Result<State, Error> {
        let mut state = State::default();
        let mut existing = Vec::new();
        {
            let mut stmt = conn.prepare(
                "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                let kind: String = row.get(0)?;
                let name: String = row.get(1)?;
                let record = format!("{kind} {name}");
                let digest = row_digest(
                    "schema",
                    &record,
                    row,
                    0,
                    &["type", "name", "tbl_name", "sql"],
                )?;
                if kind == "table" {
                    existing.push(name);
                }
                state.rows.insert(("schema".into(), record), digest);
            }
        }
        for (table, id) in TABLES {
            // A table dropped outside kadr shows as its schema entry deleted.
            if !existing.iter().any(|t| t == table) {
                continue;
            }
            let mut stmt = conn.prepare(&format!("SELECT {id}, * FROM {table}"))?;
            let names: Vec<String> = stmt.column_names().skip(1).map(|n| n.to_string()).collect();
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                let record: String = match row.get_ref(0)? {
                    ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                    other => format!("{other:?}"),
                };
                let digest = row_digest(table, &record, row, 1, &names)?;
                state.rows.insert(((*table).to_string(), record), digest);
            }
        }
        Ok(state)
    }

    /// The state's digest: SHA-256 over its rows in order.
    pub fn digest(&self) -> String {
        let mut h = Sha256::new();
        h.update(b"kadr-bank state v1\0");
        for ((table, record), digest) in &self.rows {
            for field in [table, record, digest] {
                h.update((field.len() as u64).to_le_bytes());
                h.update(field.as_bytes());
            }
        }
        hex::encode(h.finalize())
    }

    /// The rows that differ from `self` in `after`, in order.
    pub fn changes_to(&self, after: &State) -> Vec<Change> {
        let mut changes = Vec::new();
        for ((table, record), digest) in &after.rows {
            if self.rows.get(&(table.clone(), record.clone())) != Some(digest) {
                changes.push(Change {
                    table: table.clone(),
                    record: record.clone(),
                    digest: Some(digest.clone()),
                });
            }
        }
        for (table, record) in self.rows.keys() {
            if !after.rows.contains_key(&(table.clone(), record.clone())) {
                changes.push(Change {
                    table: table.clone(),
                    record: record.clone(),
                    digest: None,
                });
            }
        }
        changes.sort_by(|a, b| (&a.table, &a.record).cmp(&(&b.table, &b.record)));
        changes
    }

    /// Applies an entry's changes.
    pub fn apply(&mut self, changes: &[Change]) {
        for c in changes {
            let key = (c.table.clone(), c.record.clone());
            match &c.digest {
                Some(d) => {
                    self.rows.insert(key, d.clone());
                }
                None => {
                    self.rows.remove(&key);
                }
            }
        }
    }

    /// How `actual` differs from this state (what the chain says): every row named.
    pub fn differences(&self, actual: &State) -> Vec<Difference> {
        self.changes_to(actual)
            .into_iter()
            .map(|c| {
                let kind = match (
                    &c.digest,
                    self.rows.contains_key(&(c.table.clone(), c.record.clone())),
                ) {
                    (None, _) => DifferenceKind::Deleted,
                    (Some(_), true) => DifferenceKind::Changed,
                    (Some(_), false) => DifferenceKind::Added,
                };
                Difference {
                    table: c.table,
                    record: c.record,
                    kind,
                }
            })
            .collect()
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// The digest of one row: table, record id, and each column (from `first` on) with
/// its name, type and value, each length-prefixed so that no two rows share one.
fn row_digest(
    table: &str,
    record: &str,
    row: &rusqlite::Row,
    first: usize,
    names: &[&str],
) -> Result<String, Error> {
    let mut h = Sha256::new();
    h.update(b"kadr-bank row v1\0");
    let mut field = |bytes: &[u8]| {
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    };
    field(table.as_bytes());
    field(record.as_bytes());
    for (i, name) in names.iter().enumerate() {
        field(name.as_bytes());
        match row.get_ref(first + i)? {
            ValueRef::Null => field(b"n"),
            ValueRef::Integer(n) => {
                field(b"i");
                field(&n.to_le_bytes());
            }
            ValueRef::Real(x) => {
                field(b"r");
                field(&x.to_bits().to_le_bytes());
            }
            ValueRef::Text(t) => {
                field(b"t");
                field(t);
            }
            ValueRef::Blob(b) => {
                field(b"b");
                field(b);
            }
        }
    }
    Ok(hex::encode(h.finalize()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE users (name TEXT PRIMARY KEY, added_by TEXT) STRICT;
             CREATE TABLE candidates (id INTEGER PRIMARY KEY AUTOINCREMENT, indicator REAL) STRICT;
             INSERT INTO users VALUES ('aliya', 'aliya');
             INSERT INTO candidates (indicator) VALUES (87.5), (91.0);",
        )
        .unwrap();
        conn
    }

    #[test]
    fn k26_a_changed_row_is_named_by_table_and_record() {
        let conn = db();
        let before = State::read(&conn).unwrap();
        conn.execute_batch("UPDATE candidates SET indicator = 99.9 WHERE id = 2")
            .unwrap();
        let after = State::read(&conn).unwrap();
        assert_ne!(before.digest(), after.digest());
        let diff = before.differences(&after);
        assert_eq!(diff.len(), 1, "{diff:?}");
        assert_eq!(
            diff[0].to_string(),
            "candidates cand-0002 was changed outside kadr (no audit entry records it)"
        );
    }

    #[test]
    fn k26_added_deleted_rows_and_schema_changes_are_named() {
        let conn = db();
        let before = State::read(&conn).unwrap();
        conn.execute_batch(
            "INSERT INTO users VALUES ('mallory', 'mallory');
             DELETE FROM candidates WHERE id = 1;
             CREATE TRIGGER t AFTER INSERT ON users BEGIN SELECT 1; END;",
        )
        .unwrap();
        let after = State::read(&conn).unwrap();
        let named: Vec<String> = before
            .differences(&after)
            .iter()
            .map(|d| format!("{} {} {:?}", d.table, d.record, d.kind))
            .collect();
        assert_eq!(
            named,
            [
                "candidates cand-0001 Deleted",
                "schema trigger t Added",
                "users mallory Added"
            ]
        );
    }

    #[test]
    fn replaying_the_changes_gives_the_state_after() {
        let conn = db();
        let before = State::read(&conn).unwrap();
        conn.execute_batch("INSERT INTO candidates (indicator) VALUES (50); DELETE FROM users;")
            .unwrap();
        let after = State::read(&conn).unwrap();
        let mut replayed = before.clone();
        replayed.apply(&before.changes_to(&after));
        assert_eq!(replayed, after);
        assert_eq!(replayed.digest(), after.digest());
        assert!(replayed.differences(&after).is_empty());
    }

    #[test]
    fn a_value_of_another_type_is_another_row() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value); INSERT INTO meta VALUES ('v', '1');",
        )
        .unwrap();
        let text = State::read(&conn).unwrap();
        conn.execute_batch("UPDATE meta SET value = 1").unwrap();
        assert_ne!(text, State::read(&conn).unwrap());
    }
}
