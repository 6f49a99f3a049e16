//! The bank's records as the store keeps them: authorised users (K20), candidates
//! (B3, B4, B6), employees (B11), lists (B5) and settings (R9). Every function takes a
//! connection, so it runs inside the caller's transaction, next to the audit entry
//! that records it. Values are always bound as parameters, never spliced into SQL.

use jiff::civil::Date;
use rusqlite::types::Type;
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::candidate::NewCandidate;
use crate::eligibility::Candidacy;
use crate::error::Error;
use crate::messages::Text;

/// How ids are written for people: `cand-0007`. Candidates keep their id when they
/// become employees (B11), so that a list names the same person before and after.
const PERSON_PREFIX: &str = "cand-";
const LIST_PREFIX: &str = "list-";

pub fn person_id(id: i64) -> String {
    format!("{PERSON_PREFIX}{id:04}")
}

pub fn list_id(id: i64) -> String {
    format!("{LIST_PREFIX}{id:04}")
}

/// Reads `cand-0007` (or `7`).
pub fn parse_person_id(s: &str) -> Option<i64> {
    parse_id(s, PERSON_PREFIX)
}

/// Reads `list-0002` (or `2`).
pub fn parse_list_id(s: &str) -> Option<i64> {
    parse_id(s, LIST_PREFIX)
}

fn parse_id(s: &str, prefix: &str) -> Option<i64> {
    let digits = s.trim().strip_prefix(prefix).unwrap_or(s.trim());
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|n| *n > 0)
}

/// A candidate, or an employee who was one.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub id: i64,
    pub unit: String,
    pub surname: String,
    pub name: String,
    pub patronymic: Option<String>,
    pub birth_date: Date,
    pub iin: String,
    pub education_kk: String,
    pub education_ru: String,
    pub category: String,
    pub decision: String,
    pub competition_date: Date,
    pub indicator: f64,
    /// The C-score formula the indicator was computed with, if it was.
    pub formula: Option<String>,
    /// Its components, as JSON.
    pub components: Option<String>,
    /// Set once the person is appointed (B11).
    pub appointment: Option<Appointment>,
}

impl Person {
    /// Surname, name and patronymic, as the annex form writes them.
    pub fn full_name(&self) -> String {
        let mut s = format!("{} {}", self.surname, self.name);
        if let Some(p) = &self.patronymic {
            s.push(' ');
            s.push_str(p);
        }
        s
    }
}

impl Candidacy for Person {
    fn id(&self) -> i64 {
        self.id
    }
    fn category(&self) -> &str {
        &self.category
    }
    fn competition_date(&self) -> Date {
        self.competition_date
    }
    fn indicator(&self) -> f64 {
        self.indicator
    }
}

/// B11: the order by which a candidate was appointed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appointment {
    pub vacancy: String,
    pub order_number: String,
    pub order_date: Date,
    pub appointed_by: String,
}

/// A list of candidates for a vacancy (B5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct List {
    pub id: i64,
    pub vacancy: String,
    pub category: String,
    pub created_by: String,
    pub approval: Option<Approval>,
    /// Member ids in the order of the list (B10 at the time it was made).
    pub members: Vec<i64>,
}

/// Who approved a list, as the head of the body signed it, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Approval {
    /// "position, rank, full name" of the approver.
    pub by: String,
    pub on: Date,
    /// The operator who recorded the approval in the bank.
    pub recorded_by: String,
}

/// An authorised user (K20).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct User {
    pub name: String,
    pub added_at: String,
    pub added_by: String,
    /// The fingerprint of the user's key slot; `None` for a user of a migrated store
    /// who has no passphrase yet.
    pub slot: Option<String>,
}

pub fn meta(conn: &Connection, key: &str) -> Result<Option<String>, Error> {
    Ok(conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
        .optional()?)
}

pub fn set_meta(conn: &Connection, key: &str, value: &str) -> Result<(), Error> {
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

/// R9: how many months after the competition a candidate's data are kept.
pub fn retention_months(conn: &Connection) -> Result<u32, Error> {
    let value = meta(conn, "retention_months")?;
    value
        .as_deref()
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| {
            Error::io(
                Text::new("io-retention-setting-unreadable"),
                format!("{value:?}"),
            )
        })
}

pub fn is_user(conn: &Connection, name: &str) -> Result<bool, Error> {
    Ok(conn
        .query_row("SELECT 1 FROM users WHERE name = ?1", [name], |_| Ok(()))
        .optional()?
        .is_some())
}

pub fn users(conn: &Connection) -> Result<Vec<User>, Error> {
    let mut stmt =
        conn.prepare("SELECT name, added_at, added_by, slot FROM users ORDER BY name")?;
    let rows = stmt.query_map([], |r| {
        Ok(User {
            name: r.get(0)?,
            added_at: r.get(1)?,
            added_by: r.get(2)?,
            slot: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The fingerprint of a user's key slot as the users table records it: `None` if the
/// user is not authorised, `Some(None)` if they have no slot yet.
pub fn user_slot(conn: &Connection, name: &str) -> Result<Option<Option<String>>, Error> {
    Ok(conn
        .query_row("SELECT slot FROM users WHERE name = ?1", [name], |r| {
            r.get(0)
        })
        .optional()?)
}

/// Records a user's new key slot.
pub fn set_user_slot(conn: &Connection, name: &str, slot: &str) -> Result<(), Error> {
    conn.execute(
        "UPDATE users SET slot = ?2 WHERE name = ?1",
        params![name, slot],
    )?;
    Ok(())
}

/// Adds an authorised user (K20) with the fingerprint of their key slot. A user name is
/// how the audit log names a person.
pub fn add_user(conn: &Connection, name: &str, by: &str, slot: Option<&str>) -> Result<(), Error> {
    if let Some(problem) = user_name_problem(name) {
        return Err(Error::usage(problem));
    }
    if is_user(conn, name)? {
        return Err(Error::refused(
            "K20",
            Text::new("k20-already-authorised").arg("name", format!("{name:?}")),
        ));
    }
    conn.execute(
        "INSERT INTO users (name, added_at, added_by, slot) VALUES (?1, ?2, ?3, ?4)",
        params![name, crate::audit::now(), by, slot],
    )?;
    Ok(())
}

/// Removes an authorised user, but never the last one: a bank nobody may open is lost.
pub fn remove_user(conn: &Connection, name: &str) -> Result<(), Error> {
    if !is_user(conn, name)? {
        return Err(Error::usage(
            Text::new("usage-not-a-user").arg("name", format!("{name:?}")),
        ));
    }
    let count: i64 = conn.query_row("SELECT count(*) FROM users", [], |r| r.get(0))?;
    if count <= 1 {
        return Err(Error::refused(
            "K20",
            Text::new("k20-last-user").arg("name", format!("{name:?}")),
        ));
    }
    conn.execute("DELETE FROM users WHERE name = ?1", [name])?;
    Ok(())
}

/// What is wrong with a user name, if anything.
pub fn user_name_problem(name: &str) -> Option<String> {
    if name.trim().is_empty() {
        return Some("a user name may not be empty".into());
    }
    if let Some(p) = crate::candidate::invisible_problem(&format!("the user name {name:?}"), name) {
        return Some(p);
    }
    if name != name.trim() || name.chars().any(char::is_control) || name.chars().count() > 100 {
        return Some(format!(
            "{name:?} is not a user name (no leading or trailing spaces, no control characters, at most 100)"
        ));
    }
    None
}

const PERSON_COLUMNS: &str = "id, unit, surname, name, patronymic, birth_date, iin, education_kk, \
     education_ru, category, decision, competition_date, indicator, formula, components";

/// Stores a validated candidate and returns its id. The same ИИН may not be in the
/// bank twice as a candidate (B6).
pub fn insert_candidate(conn: &Connection, c: &NewCandidate, by: &str) -> Result<i64, Error> {
    let existing: Option<i64> = conn
        .query_row("SELECT id FROM candidates WHERE iin = ?1", [&c.iin], |r| {
            r.get(0)
        })
        .optional()?;
    if let Some(id) = existing {
        return Err(Error::refused(
            "B6",
            Text::new("b6-iin-already-in-the-bank").arg("id", person_id(id)),
        ));
    }
    let (formula, components) =
        match &c.score {
            Some(s) => (
                Some(s.formula.name().to_string()),
                Some(serde_json::to_string(s).map_err(|e| {
                    Error::io(Text::new("io-cannot-record-the-score-components"), e)
                })?),
            ),
            None => (None, None),
        };
    conn.execute(
        &format!(
            "INSERT INTO candidates ({PERSON_COLUMNS}, added_by, added_at)
             VALUES (NULL, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"
        ),
        params![
            c.unit,
            c.surname,
            c.name,
            c.patronymic,
            c.birth_date.to_string(),
            c.iin,
            c.education_kk,
            c.education_ru,
            c.category,
            c.competition.decision,
            c.competition.date.to_string(),
            c.indicator,
            formula,
            components,
            by,
            crate::audit::now(),
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Candidates (not appointed), of one unit or all, by id.
pub fn candidates(conn: &Connection, unit: Option<&str>) -> Result<Vec<Person>, Error> {
    let sql = format!(
        "SELECT {PERSON_COLUMNS}, NULL, NULL, NULL, NULL FROM candidates
         WHERE ?1 IS NULL OR unit = ?1 ORDER BY id"
    );
    query_people(conn, &sql, params![unit])
}

/// Employees (appointed candidates), of one unit or all, by id.
pub fn employees(conn: &Connection, unit: Option<&str>) -> Result<Vec<Person>, Error> {
    let sql = format!(
        "SELECT {PERSON_COLUMNS}, vacancy, order_number, order_date, appointed_by FROM employees
         WHERE ?1 IS NULL OR unit = ?1 ORDER BY id"
    );
    query_people(conn, &sql, params![unit])
}

/// A candidate or employee by id; `None` if there is none (or it was purged).
pub fn person(conn: &Connection, id: i64) -> Result<Option<Person>, Error> {
    let sql = format!(
        "SELECT {PERSON_COLUMNS}, NULL, NULL, NULL, NULL FROM candidates WHERE id = ?1
         UNION ALL
         SELECT {PERSON_COLUMNS}, vacancy, order_number, order_date, appointed_by FROM employees WHERE id = ?1"
    );
    Ok(query_people(conn, &sql, params![id])?.into_iter().next())
}

/// The employee appointed to `vacancy`, if any.
pub fn employee_for_vacancy(conn: &Connection, vacancy: &str) -> Result<Option<Person>, Error> {
    let sql = format!(
        "SELECT {PERSON_COLUMNS}, vacancy, order_number, order_date, appointed_by FROM employees
         WHERE vacancy = ?1"
    );
    Ok(query_people(conn, &sql, params![vacancy])?
        .into_iter()
        .next())
}

fn query_people(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<Vec<Person>, Error> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map(params, person_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn person_from_row(r: &Row) -> rusqlite::Result<Person> {
    let vacancy: Option<String> = r.get(15)?;
    let appointment = match vacancy {
        None => None,
        Some(vacancy) => Some(Appointment {
            vacancy,
            order_number: r.get(16)?,
            order_date: date_column(r, 17)?,
            appointed_by: r.get(18)?,
        }),
    };
    Ok(Person {
        id: r.get(0)?,
        unit: r.get(1)?,
        surname: r.get(2)?,
        name: r.get(3)?,
        patronymic: r.get(4)?,
        birth_date: date_column(r, 5)?,
        iin: r.get(6)?,
        education_kk: r.get(7)?,
        education_ru: r.get(8)?,
        category: r.get(9)?,
        decision: r.get(10)?,
        competition_date: date_column(r, 11)?,
        indicator: r.get(12)?,
        formula: r.get(13)?,
        components: r.get(14)?,
        appointment,
    })
}

/// A `YYYY-MM-DD` column; anything else is a corrupt store, reported, not a panic.
fn date_column(r: &Row, i: usize) -> rusqlite::Result<Date> {
    let text: String = r.get(i)?;
    text.parse::<Date>()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, Type::Text, Box::new(e)))
}

/// B11: moves a candidate to the employees with the order's number and date, and out
/// of every list not yet approved. Approved lists keep the member: the annex form
/// shows the appointment in its "mark of appointment" column.
pub fn appoint(conn: &Connection, id: i64, a: &Appointment) -> Result<(), Error> {
    let moved = conn.execute(
        &format!(
            "INSERT INTO employees ({PERSON_COLUMNS}, added_by, added_at,
                 vacancy, order_number, order_date, appointed_by, appointed_at)
             SELECT {PERSON_COLUMNS}, added_by, added_at, ?2, ?3, ?4, ?5, ?6
             FROM candidates WHERE id = ?1"
        ),
        params![
            id,
            a.vacancy,
            a.order_number,
            a.order_date.to_string(),
            a.appointed_by,
            crate::audit::now()
        ],
    )?;
    if moved != 1 {
        return Err(Error::usage(
            Text::new("usage-not-a-candidate").arg("id", person_id(id)),
        ));
    }
    conn.execute("DELETE FROM candidates WHERE id = ?1", [id])?;
    leave_open_lists(conn, id)?;
    Ok(())
}

fn leave_open_lists(conn: &Connection, id: i64) -> Result<(), Error> {
    conn.execute(
        "DELETE FROM list_members WHERE person = ?1
         AND list IN (SELECT id FROM lists WHERE approved_on IS NULL)",
        [id],
    )?;
    Ok(())
}

/// R9: deletes the candidates whose retention period has ended on `today` (the
/// period counted from the competition) and returns their ids. With `secure_delete`
/// on, their bytes are overwritten in the file.
pub fn purge(conn: &Connection, today: Date, retention_months: u32) -> Result<Vec<i64>, Error> {
    let span = jiff::Span::new()
        .try_months(i64::from(retention_months))
        .map_err(|e| {
            Error::io(
                Text::new("io-retention-of").arg("months", retention_months),
                e,
            )
        })?;
    let mut expired = Vec::new();
    for c in candidates(conn, None)? {
        let ends = c.competition_date.checked_add(span).map_err(|e| {
            Error::io(
                Text::new("io-retention-end-of").arg("id", person_id(c.id)),
                e,
            )
        })?;
        if ends <= today {
            expired.push(c.id);
        }
    }
    for id in &expired {
        conn.execute("DELETE FROM candidates WHERE id = ?1", [id])?;
        leave_open_lists(conn, *id)?;
    }
    Ok(expired)
}

/// Creates a list for a vacancy with its members in order.
pub fn create_list(
    conn: &Connection,
    vacancy: &str,
    category: &str,
    members: &[i64],
    by: &str,
) -> Result<i64, Error> {
    conn.execute(
        "INSERT INTO lists (vacancy, category, created_by, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![vacancy, category, by, crate::audit::now()],
    )?;
    let list = conn.last_insert_rowid();
    for (position, person) in members.iter().enumerate() {
        conn.execute(
            "INSERT INTO list_members (list, position, person) VALUES (?1, ?2, ?3)",
            params![list, position as i64 + 1, person],
        )?;
    }
    Ok(list)
}

pub fn list(conn: &Connection, id: i64) -> Result<Option<List>, Error> {
    let row = conn
        .query_row(
            "SELECT vacancy, category, created_by, approved_by, approved_on, recorded_by
             FROM lists WHERE id = ?1",
            [id],
            |r| {
                let approved_on: Option<String> = r.get(4)?;
                let approved_on = match approved_on {
                    None => None,
                    Some(s) => Some(s.parse::<Date>().map_err(|e| {
                        rusqlite::Error::FromSqlConversionFailure(4, Type::Text, Box::new(e))
                    })?),
                };
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    approved_on,
                    r.get::<_, Option<String>>(5)?,
                ))
            },
        )
        .optional()?;
    let Some((vacancy, category, created_by, by, on, recorded_by)) = row else {
        return Ok(None);
    };
    let approval = match (by, on) {
        (Some(by), Some(on)) => Some(Approval {
            by,
            on,
            recorded_by: recorded_by.unwrap_or_default(),
        }),
        _ => None,
    };
    let mut stmt =
        conn.prepare("SELECT person FROM list_members WHERE list = ?1 ORDER BY position")?;
    let members = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<Result<Vec<i64>, _>>()?;
    Ok(Some(List {
        id,
        vacancy,
        category,
        created_by,
        approval,
        members,
    }))
}

/// Records a list's approval (B5, B7). The schema's triggers keep it as it is from
/// then on.
pub fn approve_list(conn: &Connection, id: i64, approval: &Approval) -> Result<(), Error> {
    conn.execute(
        "UPDATE lists SET approved_by = ?2, approved_on = ?3, recorded_by = ?4 WHERE id = ?1",
        params![
            id,
            approval.by,
            approval.on.to_string(),
            approval.recorded_by
        ],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_back_with_or_without_their_prefix() {
        assert_eq!(person_id(7), "cand-0007");
        assert_eq!(parse_person_id("cand-0007"), Some(7));
        assert_eq!(parse_person_id("7"), Some(7));
        assert_eq!(parse_person_id("cand-12345"), Some(12345));
        assert_eq!(parse_person_id("list-0007"), None);
        assert_eq!(parse_person_id("cand-0"), None);
        assert_eq!(parse_list_id("list-0002"), Some(2));
    }
}
