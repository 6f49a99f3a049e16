//! What the `kadr bank …` commands do (SPEC.md, "The private bank"), one module per
//! family of commands; the `kadr` binary parses the flags (src/cmd/bank.rs) and calls
//! them. Every command opens the
//! store in the same order: it authenticates its operator by their own passphrase
//! (K20), checks that the bank is what its audit log says (K26) and acts through
//! [`Store::act`] so that the action and its audit entry go together. The rules the
//! commands enforce are `crate::rules`'s; this module says what each command prints.

pub mod audit_log;
pub mod candidates;
pub mod copies;
pub mod lists;
pub mod users;

use std::io::Write;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde_json::{Value, json};

use crate::candidate;
use crate::error::Error;
use crate::key::Passphrase;
use crate::messages::{MessageLang, Text};
use crate::rules::k20;
use crate::site::{Site, VacancyInfo};
use crate::store::records::{self, Person, person_id};
use crate::store::{self, Store, integrity};

/// What every command starts from.
pub struct Context<'a> {
    /// The store (`--bank`, `KADR_BANK`).
    pub bank: Option<PathBuf>,
    /// Who runs the command (`--user`, `KADR_BANK_USER`), an authorised user (K20).
    pub user: Option<String>,
    /// The day to act on.
    pub today: Date,
    /// The site whose vacancies are meant.
    pub site: &'a dyn Site,
    /// The language of what the command prints (`--lang`).
    pub lang: MessageLang,
}

/// How a listing is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
}

/// The file format of a list in the annex form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Html,
    Csv,
}

/// An open store and its authenticated operator.
struct Session {
    store: Store,
    user: String,
    pass: Passphrase,
    /// What the store's quick check found; empty unless the command only inspects.
    problems: Vec<Text>,
}

impl Context<'_> {
    /// Prints a note for the operator (what was done, what to do next) to standard
    /// error, in their language.
    fn note(&self, text: Text) {
        eprintln!("{}", text.in_lang(self.lang));
    }

    fn bank_path(&self) -> Result<&Path, Error> {
        self.bank
            .as_deref()
            .ok_or_else(|| Error::usage(Text::new("usage-no-bank")))
    }

    fn operator(&self) -> Result<&str, Error> {
        let user = self
            .user
            .as_deref()
            .ok_or_else(|| Error::usage(Text::new("usage-no-user")))?;
        if let Some(problem) = records::user_name_problem(user) {
            return Err(Error::usage(problem));
        }
        Ok(user)
    }

    /// Opens the store as the operator, who must open their own key slot (K20), and
    /// refuses a bank that is not what its audit log says (K26); a refusal of the
    /// operator once the store is open is audited under `action` and `object`.
    fn session(&self, action: &str, object: &str) -> Result<Session, Error> {
        self.open(action, object, false)
    }

    /// [`Context::session`] for a command that only shows the bank: a bank that fails
    /// its check opens anyway, with the problems in the session, and nothing may be
    /// recorded in it.
    fn open(&self, action: &str, object: &str, inspect: bool) -> Result<Session, Error> {
        let path = self.bank_path()?;
        store::check_path(path, self.site, true)?;
        let user = self.operator()?.to_string();
        let pass = Passphrase::obtain(self.lang)?;
        let mut store = Store::open(path, &user, &pass)?;
        store.speak(self.lang);
        let problems = store.quick_check(true)?;
        if !problems.is_empty() {
            if inspect {
                return Ok(Session {
                    store,
                    user,
                    pass,
                    problems,
                });
            }
            return Err(integrity::refusal(problems));
        }
        if let Err(e) = k20::k20_own_passphrase(store.initial_passphrase(), action) {
            let _ = store.record(action, object, &e.outcome());
            return Err(e);
        }
        Ok(Session {
            store,
            user,
            pass,
            problems,
        })
    }

    /// The vacancy `id` of the site (B9, B11).
    fn vacancy(&self, id: &str) -> Result<VacancyInfo, Error> {
        if !candidate::is_id(id) {
            return Err(Error::usage(
                Text::new("usage-not-a-vacancy-id").arg("id", format!("{id:?}")),
            ));
        }
        match self.site.vacancy(id) {
            Err(e) => Err(Error::usage(
                Text::new("usage-site-unreadable").arg("detail", e.text().in_lang(self.lang)),
            )),
            Ok(None) => Err(Error::usage(
                Text::new("usage-no-such-vacancy").arg("id", id),
            )),
            Ok(Some(v)) => Ok(v),
        }
    }
}

fn ids<'a>(people: impl Iterator<Item = &'a Person>) -> String {
    let ids: Vec<String> = people.map(|p| person_id(p.id)).collect();
    if ids.is_empty() {
        "none".to_string()
    } else {
        ids.join(",")
    }
}

/// One person of a listing, in the operator's language (names, ids and dates as
/// stored).
fn person_line(p: &Person, lang: MessageLang) -> String {
    let mut line = Text::new("person-line")
        .arg("id", person_id(p.id))
        .arg("unit", p.unit.as_str())
        .arg("category", p.category.as_str())
        .arg("name", p.full_name())
        .arg("indicator", p.indicator.to_string())
        .arg("decision", p.decision.as_str())
        .arg("date", p.competition_date.to_string())
        .in_lang(lang);
    if let Some(a) = &p.appointment {
        let appointed = Text::new("person-appointed")
            .arg("vacancy", a.vacancy.as_str())
            .arg("order", a.order_number.as_str())
            .arg("date", a.order_date.to_string());
        line.push_str("  ");
        line.push_str(&appointed.in_lang(lang));
    }
    line
}

fn person_json(p: &Person) -> Value {
    let score = p.formula.as_ref().map(|f| {
        let components = p
            .components
            .as_deref()
            .and_then(|c| serde_json::from_str::<Value>(c).ok())
            .unwrap_or(Value::Null);
        json!({"formula": f, "components": components})
    });
    json!({
        "id": person_id(p.id),
        "unit": p.unit,
        "surname": p.surname,
        "name": p.name,
        "patronymic": p.patronymic,
        "birth_date": p.birth_date.to_string(),
        "iin": p.iin,
        "education": {"kk": p.education_kk, "ru": p.education_ru},
        "category": p.category,
        "competition": {"decision": p.decision, "date": p.competition_date.to_string()},
        "indicator": p.indicator,
        "score": score,
        "appointment": p.appointment.as_ref().map(|a| json!({
            "vacancy": a.vacancy,
            "order": a.order_number,
            "order_date": a.order_date.to_string(),
            "appointed_by": a.appointed_by,
        })),
    })
}

fn print_json(out: &mut dyn Write, value: &Value) -> Result<(), Error> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Error::io(Text::new("io-cannot-write-json"), e))?;
    write_line(out, &text)
}

fn write_line(out: &mut dyn Write, line: &str) -> Result<(), Error> {
    writeln!(out, "{line}").map_err(|e| Error::io(Text::new("io-cannot-write-the-output"), e))
}
