//! Is the bank what its audit log says (RULES.md K26, K20)? Two checks:
//!
//! - [`Store::quick_check`], before every command: the bank's state is the one its last
//!   audit entry records, that entry is intact, and the head file names it. Cheap: one
//!   pass over the rows, none over the log (unless something is wrong, when the log is
//!   replayed to name what).
//! - [`Store::full_check`], for `audit --verify`, `verify`, `restore`: SQLCipher's page
//!   check and SQLite's structure check, the whole chain, its replay against every row
//!   of the bank, the head file, and the key slots against the users table.
//!
//! Every problem found is a sentence that names what is wrong: which entry, which
//! table and record, which slot.

use crate::audit::{self, Entry, Holds};
use crate::error::{Error, Problem, Refusal};
use crate::head::{Head, Mark, Standing};
use crate::messages::Text;
use crate::state::State;
use crate::store::{Store, records};

/// What a full check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Each problem, in a sentence; none if the bank is intact.
    pub problems: Vec<Text>,
    /// The chain, if it holds.
    pub chain: Option<Holds>,
}

impl Report {
    /// The problems as one refusal citing K26, or the chain that holds.
    pub fn into_result(self) -> Result<Holds, Error> {
        match (self.problems.is_empty(), self.chain) {
            (true, Some(holds)) => Ok(holds),
            (_, _) => Err(refusal(self.problems)),
        }
    }
}

/// Problems as one refusal, each citing K26.
pub fn refusal(problems: Vec<Text>) -> Error {
    let mut problems: Vec<Problem> = problems
        .into_iter()
        .map(|p| Problem::new("K26", p))
        .collect();
    if problems.is_empty() {
        problems.push(Problem::new("K26", Text::new("k26-not-checked")));
    }
    Error::Refused(Refusal { problems })
}

impl Store {
    /// The cheap check every command makes before it acts; also settles a head file
    /// that a stopped command left with a pending entry. Returns the problems.
    pub fn quick_check(&mut self, writable: bool) -> Result<Vec<Text>, Error> {
        let mut problems = Vec::new();
        let Some(last) = audit::last(self.conn())? else {
            return Ok(vec![Text::new("k26-log-empty")]);
        };
        let state = State::read(self.conn())?;
        let intact_last = audit::verify_one(self.conn(), &last)?;
        if !intact_last || last.state.as_deref() != Some(state.digest().as_str()) {
            // Something is wrong: replay the log to say what.
            let entries = audit::read_all(self.conn())?;
            problems.extend(chain_problems(&entries, &state));
            if problems.is_empty() {
                problems.push(Text::new("k26-not-what-last-entry-says").arg("seq", last.seq));
            }
        }
        problems.extend(self.head_problems(&last)?);
        if problems.is_empty() && writable {
            self.settle_pending_head()?;
        }
        Ok(problems)
    }

    /// Everything that can be checked.
    pub fn full_check(&self) -> Result<Report, Error> {
        let mut problems = pages_and_structure(self)?;
        let entries = audit::read_all(self.conn())?;
        let chain = audit::verify(&entries).ok();
        let state = State::read(self.conn())?;
        problems.extend(chain_problems(&entries, &state));
        match entries.last() {
            None => problems.push("the audit log is empty".into()),
            Some(last) => problems.extend(self.head_problems(last)?),
        }
        problems.extend(self.slot_problems()?);
        Ok(Report { problems, chain })
    }

    fn head_problems(&self, last: &Entry) -> Result<Vec<Text>, Error> {
        let head_path = &self.paths().head;
        let head = match Head::read(head_path) {
            Ok(Some(h)) => h,
            Ok(None) => {
                return Ok(vec![
                    Text::new("k26-head-missing")
                        .arg("path", head_path.display().to_string())
                        .arg("hash", last.hash.as_str())
                        .arg("seq", last.seq),
                ]);
            }
            Err(e) => return Ok(e.texts()),
        };
        if head.store != *self.salt() {
            return Ok(vec![
                Text::new("k26-head-of-another-bank").arg("path", head_path.display().to_string()),
            ]);
        }
        let conn = self.conn();
        let find = |m: &Mark| {
            conn.query_row(
                "SELECT count(*) FROM audit WHERE seq = ?1 AND hash = ?2",
                rusqlite::params![m.seq, m.hash],
                |r| r.get::<_, i64>(0),
            )
            .is_ok_and(|n| n > 0)
        };
        Ok(match head.standing(Some(&last.mark()), find) {
            Standing::Agrees => Vec::new(),
            Standing::Disagrees(why) => vec![why],
        })
    }

    /// Every key slot belongs to an authorised user and is the one the users table
    /// recorded; every recorded slot is there (K20).
    fn slot_problems(&self) -> Result<Vec<Text>, Error> {
        let mut problems = Vec::new();
        let users = records::users(self.conn())?;
        let keys = self.paths().keys.display().to_string();
        for slot in &self.slots().slots {
            match users.iter().find(|u| u.name == slot.user) {
                None => problems.push(
                    Text::new("k20-found-slot-of-no-user")
                        .arg("keys", keys.as_str())
                        .arg("user", format!("{:?}", slot.user)),
                ),
                Some(u) if u.slot.as_deref() != Some(slot.fingerprint(self.salt()).as_str()) => {
                    problems.push(
                        Text::new("k20-found-slot-not-recorded")
                            .arg("keys", keys.as_str())
                            .arg("user", format!("{:?}", slot.user)),
                    )
                }
                Some(_) => {}
            }
        }
        for u in &users {
            if u.slot.is_some() && self.slots().slot(&u.name).is_none() {
                problems.push(
                    Text::new("k20-slot-missing")
                        .arg("keys", keys.as_str())
                        .arg("user", format!("{:?}", u.name)),
                );
            }
        }
        Ok(problems)
    }
}

/// The chain's own problems, then every row that is not what the replayed chain says.
fn chain_problems(entries: &[Entry], state: &State) -> Vec<Text> {
    if let Err(broken) = audit::verify(entries) {
        return vec![broken.text()];
    }
    match audit::replay(entries) {
        Err(broken) => vec![broken.text()],
        Ok(expected) => expected
            .differences(state)
            .iter()
            .map(crate::state::Difference::text)
            .collect(),
    }
}

/// SQLCipher's page check (every page's HMAC) and SQLite's structure check.
fn pages_and_structure(store: &Store) -> Result<Vec<Text>, Error> {
    let conn = store.conn();
    let path = store.path().display();
    let mut problems = Vec::new();
    let mut stmt = conn.prepare("PRAGMA cipher_integrity_check")?;
    let pages: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<Result<_, _>>()?;
    if !pages.is_empty() {
        problems.push(
            Text::new("k26-pages-fail")
                .arg("path", path.to_string())
                .arg("pages", pages.join("; ")),
        );
    }
    let result: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if result != "ok" {
        problems.push(
            Text::new("k26-structure-damaged")
                .arg("path", path.to_string())
                .arg("detail", result),
        );
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::{TempDir, new_store, pass};

    #[test]
    fn k26_an_untouched_store_passes_both_checks() {
        let dir = TempDir::new("intact");
        let path = dir.0.join("test.kadrbank");
        new_store(&path);
        let mut store = Store::open(&path, "aliya", &pass("the right key")).unwrap();
        assert_eq!(store.quick_check(true).unwrap(), Vec::<Text>::new());
        let report = store.full_check().unwrap();
        assert_eq!(report.problems, Vec::<Text>::new());
        assert!(report.into_result().is_ok());
    }

    #[test]
    fn k26_a_change_outside_kadr_and_a_cut_log_are_named() {
        let dir = TempDir::new("tampered");
        let path = dir.0.join("test.kadrbank");
        let mut store = new_store(&path);
        store.record("user list", "users", "ok").unwrap();
        store
            .conn()
            .execute_batch(
                "INSERT INTO users (name, added_at, added_by) VALUES ('mallory', 'x', 'mallory');
                 DROP TRIGGER audit_no_delete;
                 DELETE FROM audit WHERE seq = 2;",
            )
            .unwrap();
        let problems: Vec<String> = (store.quick_check(false).unwrap().iter())
            .map(|p| p.in_lang(crate::messages::MessageLang::En))
            .collect();
        let all = problems.join("\n");
        assert!(
            all.contains("users mallory was added outside kadr"),
            "{all}"
        );
        assert!(
            all.contains("schema trigger audit_no_delete was deleted outside kadr"),
            "{all}"
        );
        assert!(
            all.contains("the audit log ends at entry 1, but the head file records entry 2"),
            "{all}"
        );
        let full: Vec<String> = (store.full_check().unwrap().problems.iter())
            .map(|p| p.in_lang(crate::messages::MessageLang::En))
            .collect();
        let full = full.join("\n");
        assert!(full.contains("users mallory was added"), "{full}");
    }
}
