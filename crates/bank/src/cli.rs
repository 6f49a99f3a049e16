//! The `kadr bank …` commands (SPEC.md, "The private bank"): flags, the order in
//! which every command opens the store, authenticates its operator by their own
//! passphrase (K20), checks that the bank is what its audit log says (K26) and acts
//! through [`Store::act`] so that the action and its audit entry go together, and what
//! each prints. Exit codes: 0 done, 1 refused (with the rule id), 2 usage or I/O.
//!
//! The `kadr` binary parses [`BankArgs`] as its `bank` subcommand and calls [`run`]
//! with the day to act on and its implementation of [`Site`].

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand, ValueEnum};
use jiff::civil::Date;
use serde_json::{Value, json};

use crate::candidate;
use crate::eligibility::{self, rank_eligible};
use crate::error::{Error, Refusal};
use crate::form::{self, Form};
use crate::key::{KdfParams, Passphrase};
use crate::rules::{b5, b6, b9, b11, k20};
use crate::site::{Site, VacancyInfo};
use crate::store::records::{self, Appointment, Approval, Person, list_id, person_id};
use crate::store::{self, Store, backup, integrity, migrate};

/// `kadr bank`: the private candidate bank.
#[derive(Args, Debug)]
pub struct BankArgs {
    /// The store: a file ending in .kadrbank, outside every site root
    #[arg(long, env = "KADR_BANK", global = true, value_name = "PATH")]
    pub bank: Option<PathBuf>,
    /// Who runs the command: an authorised user of the store (K20)
    #[arg(long, env = "KADR_BANK_USER", global = true, value_name = "NAME")]
    pub user: Option<String>,
    /// The day to act on (YYYY-MM-DD); default: today in Asia/Almaty
    #[arg(long, global = true, value_parser = parse_date, value_name = "DATE")]
    pub today: Option<Date>,
    /// The site root whose vacancies are meant
    #[arg(long, global = true, default_value = ".", value_name = "SITE")]
    pub root: PathBuf,
    #[command(subcommand)]
    pub command: BankCommand,
}

#[derive(Subcommand, Debug)]
pub enum BankCommand {
    /// Create a new store; NAME becomes its first authorised user (K20)
    Init {
        #[arg(long, value_name = "NAME")]
        admin: String,
        /// How long after the competition a candidate's data are kept (R9)
        #[arg(long, default_value_t = store::DEFAULT_RETENTION_MONTHS)]
        retention_months: u32,
    },
    /// Authorised users (K20)
    #[command(subcommand)]
    User(UserCommand),
    /// Candidates who passed a competition (B3, B4, B6)
    #[command(subcommand)]
    Candidate(CandidateCommand),
    /// Appointed candidates (B11)
    #[command(subcommand)]
    Employee(EmployeeCommand),
    /// Candidates who may be appointed to a vacancy, best first (B9, B10)
    Eligible {
        #[arg(long, value_name = "ID")]
        vacancy: String,
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Lists of candidates for a vacancy (B5)
    #[command(subcommand)]
    List(ListCommand),
    /// Appoint a candidate by order: the candidate becomes an employee (B11)
    Appoint {
        #[arg(value_name = "CANDIDATE")]
        candidate: String,
        #[arg(long, value_name = "ID")]
        vacancy: String,
        /// The order's number, as written on it ("№ 123")
        #[arg(long)]
        order: String,
        #[arg(long, value_parser = parse_date, value_name = "DATE")]
        order_date: Date,
    },
    /// Delete the candidates whose retention period has ended (R9)
    Purge,
    /// Show the audit log, or check its hash chain (B12, K26)
    Audit {
        #[arg(long)]
        verify: bool,
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Write an encrypted copy of the store (K19)
    Backup {
        file: PathBuf,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
    },
    /// Replace the store with a verified copy (K19)
    Restore {
        file: PathBuf,
        /// Replace the store if it exists
        #[arg(long)]
        force: bool,
    },
    /// Prove that a copy opens, is intact and keeps its audit chain (K19, K26)
    Verify { file: PathBuf },
    /// Move a bank of format 1 (one key shared by every user) to a passphrase per user
    /// (K20): KADR_BANK_KEY is the shared key, KADR_BANK_NEW_KEY your own passphrase
    Migrate,
}

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Authorise a user
    Add { name: String },
    /// Withdraw a user's authorisation and remove their key slot
    Remove { name: String },
    /// Set your own passphrase (KADR_BANK_NEW_KEY, else asked twice)
    Passphrase,
    /// The authorised users
    List {
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
}

#[derive(Subcommand, Debug)]
pub enum CandidateCommand {
    /// Add the candidate described in a YAML file; prints the new id
    Add { file: PathBuf },
    /// The candidates, of one unit or all (B2)
    List {
        #[arg(long, value_name = "UNIT")]
        unit: Option<String>,
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
}

#[derive(Subcommand, Debug)]
pub enum EmployeeCommand {
    /// The appointed candidates, of one unit or all
    List {
        #[arg(long, value_name = "UNIT")]
        unit: Option<String>,
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
}

#[derive(Subcommand, Debug)]
pub enum ListCommand {
    /// Make a list of at least three eligible candidates for a vacancy; prints its id
    Create {
        #[arg(long, value_name = "ID")]
        vacancy: String,
        #[arg(long, value_delimiter = ',', required = true, value_name = "ID,ID,ID")]
        candidates: Vec<String>,
    },
    /// Record the head's approval of a list; an approved list is immutable (B5, B7)
    Approve {
        #[arg(value_name = "LIST")]
        list: String,
        /// Who approved it: "position, rank, full name"
        #[arg(long)]
        by: String,
        /// The day it was approved; default: --today
        #[arg(long, value_parser = parse_date, value_name = "DATE")]
        on: Option<Date>,
    },
    /// Print the list in the annex form (B-form)
    Export {
        #[arg(value_name = "LIST")]
        list: String,
        #[arg(long, value_enum)]
        format: ExportFormat,
        #[arg(long, value_enum, default_value = "kk")]
        lang: form::Lang,
        /// Write to this file (outside every site root) instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Who compiled the list: "position, rank, full name" (else a blank line)
        #[arg(long)]
        compiled_by: Option<String>,
        /// The day it was compiled (else a blank date line)
        #[arg(long, value_parser = parse_date, value_name = "DATE")]
        compiled_on: Option<Date>,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Html,
    Csv,
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>()
        .map_err(|e| format!("not a date (YYYY-MM-DD): {e}"))
}

/// Runs a bank command. `today` is `--today` or the caller's idea of today; results
/// go to `out`, notes for the operator to standard error.
pub fn run(args: BankArgs, today: Date, site: &dyn Site, out: &mut dyn Write) -> Result<(), Error> {
    let ctx = Context {
        bank: args.bank,
        user: args.user,
        today,
        site,
    };
    match args.command {
        BankCommand::Init {
            admin,
            retention_months,
        } => init(&ctx, &admin, retention_months),
        BankCommand::User(UserCommand::Add { name }) => user_add(&ctx, &name),
        BankCommand::User(UserCommand::Remove { name }) => user_remove(&ctx, &name),
        BankCommand::User(UserCommand::Passphrase) => user_passphrase(&ctx),
        BankCommand::User(UserCommand::List { format }) => user_list(&ctx, format, out),
        BankCommand::Candidate(CandidateCommand::Add { file }) => candidate_add(&ctx, &file, out),
        BankCommand::Candidate(CandidateCommand::List { unit, format }) => {
            people_list(&ctx, "candidate list", unit.as_deref(), format, out)
        }
        BankCommand::Employee(EmployeeCommand::List { unit, format }) => {
            people_list(&ctx, "employee list", unit.as_deref(), format, out)
        }
        BankCommand::Eligible { vacancy, format } => eligible(&ctx, &vacancy, format, out),
        BankCommand::List(ListCommand::Create {
            vacancy,
            candidates,
        }) => list_create(&ctx, &vacancy, &candidates, out),
        BankCommand::List(ListCommand::Approve { list, by, on }) => {
            list_approve(&ctx, &list, &by, on.unwrap_or(today))
        }
        BankCommand::List(ListCommand::Export {
            list,
            format,
            lang,
            out: file,
            compiled_by,
            compiled_on,
            force,
        }) => {
            let request = ExportRequest {
                format,
                lang,
                file,
                compiled_by,
                compiled_on,
                force,
            };
            list_export(&ctx, &list, request, out)
        }
        BankCommand::Appoint {
            candidate,
            vacancy,
            order,
            order_date,
        } => appoint(&ctx, &candidate, &vacancy, &order, order_date, out),
        BankCommand::Purge => purge(&ctx, out),
        BankCommand::Audit { verify, format } => audit(&ctx, verify, format, out),
        BankCommand::Backup { file, force } => backup_cmd(&ctx, &file, force),
        BankCommand::Restore { file, force } => restore_cmd(&ctx, &file, force),
        BankCommand::Verify { file } => verify_cmd(&ctx, &file, out),
        BankCommand::Migrate => migrate_cmd(&ctx),
    }
}

/// What every command starts from.
struct Context<'a> {
    bank: Option<PathBuf>,
    user: Option<String>,
    today: Date,
    site: &'a dyn Site,
}

/// An open store and its authenticated operator.
struct Session {
    store: Store,
    user: String,
    pass: Passphrase,
    /// What the store's quick check found; empty unless the command only inspects.
    problems: Vec<String>,
}

impl Context<'_> {
    fn bank_path(&self) -> Result<&Path, Error> {
        self.bank
            .as_deref()
            .ok_or_else(|| Error::usage("name the store with --bank PATH or KADR_BANK"))
    }

    fn operator(&self) -> Result<&str, Error> {
        let user = self.user.as_deref().ok_or_else(|| {
            Error::usage("name yourself with --user NAME or KADR_BANK_USER (K20: every access names its user)")
        })?;
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
        let pass = Passphrase::obtain()?;
        let mut store = Store::open(path, &user, &pass)?;
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
            return Err(Error::usage(format!("{id:?} is not a vacancy id")));
        }
        match self.site.vacancy(id) {
            Err(e) => Err(Error::usage(format!("cannot load the site (--root): {e}"))),
            Ok(None) => Err(Error::usage(format!(
                "the site has no vacancy {id} (is --root the right site?)"
            ))),
            Ok(Some(v)) => Ok(v),
        }
    }
}

fn init(ctx: &Context, admin: &str, retention_months: u32) -> Result<(), Error> {
    let path = ctx.bank_path()?;
    store::check_path(path, ctx.site, true)?;
    if let Some(problem) = records::user_name_problem(admin) {
        return Err(Error::usage(problem));
    }
    if retention_months == 0 {
        return Err(Error::usage("--retention-months must be at least 1"));
    }
    let kdf = KdfParams::for_new_slot()?;
    let pass = Passphrase::obtain_for_new_store()?;
    Store::create(path, admin, &pass, kdf, retention_months)?;
    eprintln!(
        "created the bank {} with {admin} as its first authorised user; the passphrase is {admin}'s own: never share it, add each colleague with `kadr bank user add`",
        path.display()
    );
    Ok(())
}

fn user_add(ctx: &Context, name: &str) -> Result<(), Error> {
    let mut s = ctx.session("user add", name)?;
    if let Some(problem) = records::user_name_problem(name) {
        return Err(Error::usage(problem));
    }
    k20::k20_not_yet_authorised(name, &records::user_slot(s.store.conn(), name)?)?;
    let pass = Passphrase::obtain_new(&format!("first passphrase for {name}"))?;
    k20::k20_first_passphrase_not_own(&pass, &s.pass)?;
    let slot = s.store.new_slot(name, &pass, true)?;
    let fingerprint = slot.fingerprint(s.store.salt());
    let slots = s.store.slots().with(slot);
    let by = s.user.clone();
    s.store.act_on_slots("user add", name, |tx| {
        let listed = records::user_slot(tx, name)?;
        k20::k20_not_yet_authorised(name, &listed)?;
        if listed.is_some() {
            // Listed before the store was migrated: now they get a passphrase.
            records::set_user_slot(tx, name, &fingerprint)?;
        } else {
            records::add_user(tx, name, &by, Some(&fingerprint))?;
        }
        Ok(((), name.to_string(), Some(slots)))
    })?;
    eprintln!(
        "{name} may now use the bank with the passphrase you gave; before anything else they must set their own with `kadr bank user passphrase`"
    );
    Ok(())
}

fn user_remove(ctx: &Context, name: &str) -> Result<(), Error> {
    let mut s = ctx.session("user remove", name)?;
    let slots = s.store.slots().without(name);
    s.store.act_on_slots("user remove", name, |tx| {
        records::remove_user(tx, name)?;
        Ok(((), name.to_string(), Some(slots)))
    })?;
    eprintln!("{name} may no longer use the bank: their key slot is removed");
    Ok(())
}

fn user_passphrase(ctx: &Context) -> Result<(), Error> {
    let mut s = ctx.session("user passphrase", "own passphrase")?;
    let me = s.user.clone();
    let pass = Passphrase::obtain_new("your new passphrase")?;
    k20::k20_new_passphrase(&pass, &s.pass)?;
    let slot = s.store.new_slot(&me, &pass, false)?;
    let fingerprint = slot.fingerprint(s.store.salt());
    let slots = s.store.slots().with(slot);
    s.store.act_on_slots("user passphrase", &me, |tx| {
        records::set_user_slot(tx, &me, &fingerprint)?;
        Ok(((), me.clone(), Some(slots)))
    })?;
    eprintln!("your passphrase is changed; the old one no longer opens the bank");
    Ok(())
}

fn user_list(ctx: &Context, format: Format, out: &mut dyn Write) -> Result<(), Error> {
    let mut s = ctx.session("user list", "users")?;
    let users = s.store.act("user list", "users", |tx| {
        Ok((records::users(tx)?, "users".to_string()))
    })?;
    let passphrase = |u: &records::User| match (&u.slot, s.store.slots().slot(&u.name)) {
        (None, _) | (_, None) => "none",
        (Some(_), Some(slot)) if slot.initial => "first",
        (Some(_), Some(_)) => "own",
    };
    match format {
        Format::Json => {
            let rows: Vec<Value> = users
                .iter()
                .map(|u| {
                    json!({
                        "name": u.name,
                        "added_at": u.added_at,
                        "added_by": u.added_by,
                        "passphrase": passphrase(u),
                    })
                })
                .collect();
            print_json(out, &Value::Array(rows))
        }
        Format::Human => {
            for u in &users {
                let note = match passphrase(u) {
                    "none" => "; no passphrase yet: `kadr bank user add` gives one".to_string(),
                    "first" => format!(
                        "; first passphrase set by {}, not yet their own",
                        s.store
                            .slots()
                            .slot(&u.name)
                            .map_or("", |slot| slot.set_by.as_str())
                    ),
                    _ => String::new(),
                };
                write_line(
                    out,
                    &format!("{}  (added {} by {}{note})", u.name, u.added_at, u.added_by),
                )?;
            }
            Ok(())
        }
    }
}

fn migrate_cmd(ctx: &Context) -> Result<(), Error> {
    let path = ctx.bank_path()?;
    store::check_path(path, ctx.site, true)?;
    let user = ctx.operator()?;
    let shared = Passphrase::obtain()?;
    let kdf = KdfParams::for_format_1()?;
    let own = Passphrase::obtain_new("your own passphrase")?;
    let m = migrate::migrate(path, user, &shared, kdf, &own)?;
    eprintln!(
        "migrated {} to a passphrase per user; yours is set, the shared key no longer opens it",
        path.display()
    );
    if !m.without_slot.is_empty() {
        eprintln!(
            "no passphrase yet: {}; an authorised user gives each one with `kadr bank user add NAME`",
            m.without_slot.join(", ")
        );
    }
    eprintln!(
        "backups made before the migration still open with the shared key: destroy them, and make a new one with `kadr bank backup`"
    );
    eprintln!("audit head: entry {} {}", m.head.seq, m.head.hash);
    Ok(())
}

fn candidate_add(ctx: &Context, file: &Path, out: &mut dyn Write) -> Result<(), Error> {
    let object = file.display().to_string();
    let mut s = ctx.session("candidate add", &object)?;
    // B2, B6: the unit and the category must be the site's, when a site is given.
    let catalogue = ctx
        .site
        .catalogue()
        .map_err(|e| Error::usage(format!("cannot load the site (--root): {e}")))?;
    if catalogue.is_none() {
        eprintln!(
            "note: --root is not a site root: the candidate's unit and category are not checked against a site"
        );
    }
    let by = s.user.clone();
    let id = s.store.act("candidate add", &object, |tx| {
        let text = b6::b6_candidate_file(file)?;
        let c = candidate::parse(&text, ctx.today, catalogue.as_ref())?;
        let id = records::insert_candidate(tx, &c, &by)?;
        Ok((id, person_id(id)))
    })?;
    write_line(out, &person_id(id))
}

fn people_list(
    ctx: &Context,
    action: &str,
    unit: Option<&str>,
    format: Format,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let scope = unit.map_or("all units".to_string(), |u| format!("unit {u}"));
    let mut s = ctx.session(action, &scope)?;
    let employees = action == "employee list";
    let people = s.store.act(action, &scope, |tx| {
        let people = if employees {
            records::employees(tx, unit)?
        } else {
            records::candidates(tx, unit)?
        };
        let object = format!("{scope}: {}", ids(people.iter()));
        Ok((people, object))
    })?;
    match format {
        Format::Json => print_json(out, &Value::Array(people.iter().map(person_json).collect())),
        Format::Human => {
            for p in &people {
                write_line(out, &person_line(p))?;
            }
            if people.is_empty() {
                eprintln!("none");
            }
            Ok(())
        }
    }
}

fn eligible(
    ctx: &Context,
    vacancy: &str,
    format: Format,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let mut s = ctx.session("eligible", vacancy)?;
    let (v, ranked) = s.store.act("eligible", vacancy, |tx| {
        let v = ctx.vacancy(vacancy)?;
        let candidates = records::candidates(tx, None)?;
        let ranked: Vec<Person> = rank_eligible(&candidates, &v.category, ctx.today)
            .into_iter()
            .cloned()
            .collect();
        let object = format!("{vacancy}: {}", ids(ranked.iter()));
        Ok(((v, ranked), object))
    })?;
    match format {
        Format::Json => {
            let rows = ranked
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let mut j = person_json(p);
                    if let Value::Object(m) = &mut j {
                        m.insert("rank".into(), json!(i + 1));
                    }
                    j
                })
                .collect();
            print_json(out, &Value::Array(rows))
        }
        Format::Human => {
            eprintln!(
                "eligible for {} (category {}) on {}: {}",
                v.id,
                v.category,
                ctx.today,
                ranked.len()
            );
            for (i, p) in ranked.iter().enumerate() {
                write_line(out, &format!("{:>3}. {}", i + 1, person_line(p)))?;
            }
            Ok(())
        }
    }
}

fn list_create(
    ctx: &Context,
    vacancy: &str,
    requested: &[String],
    out: &mut dyn Write,
) -> Result<(), Error> {
    let mut s = ctx.session("list create", vacancy)?;
    let by = s.user.clone();
    let id = s.store.act("list create", vacancy, |tx| {
        let v = ctx.vacancy(vacancy)?;
        b9::b9_vacant(&v)?;
        let mut members: Vec<Person> = Vec::new();
        let mut problems = Vec::new();
        for text in requested {
            let Some(id) = records::parse_person_id(text) else {
                return Err(Error::usage(format!(
                    "{text:?} is not a candidate id (cand-0001)"
                )));
            };
            if members.iter().any(|m| m.id == id) {
                return Err(Error::usage(format!("{} is named twice", person_id(id))));
            }
            let Some(p) = records::person(tx, id)? else {
                return Err(Error::usage(format!(
                    "there is no candidate {} in the bank",
                    person_id(id)
                )));
            };
            problems.extend(b9::b9_eligible(&p, &v, ctx.today));
            members.push(p);
        }
        problems.extend(b5::b5_list_names_three(members.len()));
        if !problems.is_empty() {
            return Err(Refusal { problems }.into());
        }
        members.sort_by(eligibility::ranking);
        let member_ids: Vec<i64> = members.iter().map(|m| m.id).collect();
        let list = records::create_list(tx, &v.id, &v.category, &member_ids, &by)?;
        Ok((
            list,
            format!("{} for {}: {}", list_id(list), v.id, ids(members.iter())),
        ))
    })?;
    write_line(out, &list_id(id))
}

fn list_approve(ctx: &Context, list: &str, by: &str, on: Date) -> Result<(), Error> {
    let mut s = ctx.session("list approve", list)?;
    let recorded_by = s.user.clone();
    let count = s.store.act("list approve", list, |tx| {
        let l = find_list(tx, list)?;
        b5::b5_not_yet_approved(&l)?;
        let by = by.trim();
        b6::b6_visible("--by", by)?;
        if by.is_empty() {
            return Err(Error::usage(
                "--by names who approved the list: \"position, rank, full name\"",
            ));
        }
        if let Some(p) = b6::b6_not_in_future("approval", on, ctx.today) {
            return Err(Refusal { problems: vec![p] }.into());
        }
        let mut problems = Vec::new();
        let mut present = 0;
        for id in &l.members {
            match records::person(tx, *id)? {
                // Purged (R9) or appointed: no longer a candidate of this list.
                None => {}
                Some(p) if p.appointment.is_some() => {}
                Some(p) => {
                    present += 1;
                    problems.extend(b9::b9_within_a_year(&p, on));
                }
            }
        }
        problems.extend(b5::b5_list_still_names_three(&l, present));
        if !problems.is_empty() {
            return Err(Refusal { problems }.into());
        }
        records::approve_list(
            tx,
            l.id,
            &Approval {
                by: by.to_string(),
                on,
                recorded_by: recorded_by.clone(),
            },
        )?;
        Ok((present, format!("{} on {on}", list_id(l.id))))
    })?;
    eprintln!("approved {list} ({count} candidates) on {on}; it can no longer change");
    Ok(())
}

fn find_list(conn: &rusqlite::Connection, text: &str) -> Result<records::List, Error> {
    let id = records::parse_list_id(text)
        .ok_or_else(|| Error::usage(format!("{text:?} is not a list id (list-0001)")))?;
    records::list(conn, id)?
        .ok_or_else(|| Error::usage(format!("there is no list {} in the bank", list_id(id))))
}

struct ExportRequest {
    format: ExportFormat,
    lang: form::Lang,
    file: Option<PathBuf>,
    compiled_by: Option<String>,
    compiled_on: Option<Date>,
    force: bool,
}

fn list_export(
    ctx: &Context,
    list: &str,
    r: ExportRequest,
    out: &mut dyn Write,
) -> Result<(), Error> {
    if let Some(file) = &r.file {
        // B12: an export holds personal data; it may not land where the site is built.
        store::check_path(file, ctx.site, false)?;
    }
    if let Some(by) = r.compiled_by.as_deref() {
        b6::b6_visible("--compiled-by", by)?;
    }
    let mut s = ctx.session("list export", list)?;
    let target = r
        .file
        .as_ref()
        .map_or("standard output".to_string(), |f| f.display().to_string());
    let bytes = s.store.act("list export", list, |tx| {
        let l = find_list(tx, list)?;
        let mut rows = Vec::new();
        for id in &l.members {
            rows.push(records::person(tx, *id)?);
        }
        let form = Form {
            lang: r.lang,
            list: &l,
            rows,
            category_name: ctx.site.category_name(&l.category),
            compiled_by: r.compiled_by.clone(),
            compiled_on: r.compiled_on,
        };
        let bytes = match r.format {
            ExportFormat::Html => form::html(&form).into_bytes(),
            ExportFormat::Csv => form::csv(&form),
        };
        let object = format!(
            "{} ({}, {}) to {target}: {}",
            list_id(l.id),
            format_name(r.format),
            r.lang.code(),
            ids(form.rows.iter().flatten())
        );
        if let Some(file) = &r.file {
            write_private(file, &bytes, r.force)?;
        }
        Ok((bytes, object))
    })?;
    if r.file.is_none() {
        out.write_all(&bytes)
            .map_err(|e| Error::Io(format!("cannot write the export: {e}")))?;
    }
    Ok(())
}

fn format_name(f: ExportFormat) -> &'static str {
    match f {
        ExportFormat::Html => "html",
        ExportFormat::Csv => "csv",
    }
}

/// Writes a file only its owner may read; an existing file is replaced only if
/// `replace` (K19: an earlier export may be the signed one).
fn write_private(path: &Path, bytes: &[u8], replace: bool) -> Result<(), Error> {
    if replace {
        return store::files::write_atomically(path, bytes);
    }
    let mut file = store::files::create_private_file(path).map_err(|e| match e {
        Error::Refused(_) => Error::refused(
            "K19",
            format!("{} exists; add --force to replace it", path.display()),
        ),
        e => e,
    })?;
    file.write_all(bytes)
        .map_err(|e| Error::Io(format!("cannot write {}: {e}", path.display())))
}

fn appoint(
    ctx: &Context,
    candidate_text: &str,
    vacancy: &str,
    order: &str,
    order_date: Date,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let mut s = ctx.session("appoint", candidate_text)?;
    let by = s.user.clone();
    let v = s.store.act("appoint", candidate_text, |tx| {
        let id = records::parse_person_id(candidate_text).ok_or_else(|| {
            Error::usage(format!(
                "{candidate_text:?} is not a candidate id (cand-0001)"
            ))
        })?;
        let order = order.trim();
        if order.is_empty() {
            return Err(Error::usage(
                "--order is the order's number, as written on it (\"№ 123\")",
            ));
        }
        let v = ctx.vacancy(vacancy)?;
        b11::b11_vacant(&v)?;
        b11::b11_not_yet_filled(&v, records::employee_for_vacancy(tx, &v.id)?.as_ref())?;
        let p = records::person(tx, id)?.ok_or_else(|| {
            Error::usage(format!(
                "there is no candidate {} in the bank",
                person_id(id)
            ))
        })?;
        let mut problems = b9::b9_eligible(&p, &v, order_date);
        problems.extend(b6::b6_not_in_future("order", order_date, ctx.today));
        if !problems.is_empty() {
            return Err(Refusal { problems }.into());
        }
        records::appoint(
            tx,
            id,
            &Appointment {
                vacancy: v.id.clone(),
                order_number: order.to_string(),
                order_date,
                appointed_by: by.clone(),
            },
        )?;
        let object = format!(
            "{} to {} by order {order} of {order_date}",
            person_id(id),
            v.id
        );
        Ok((v, object))
    })?;
    eprintln!(
        "appointed {candidate_text} to {}: now an employee record, removed from every list not yet approved; mark the vacancy filled on the site:",
        v.id
    );
    // The one change to make in the site's repository; a vacancy record holds no
    // personal data and this line adds none (B11, B12).
    write_line(
        out,
        &format!(
            "{}:{}: status: {} -> status: filled",
            v.file, v.status_line, v.status
        ),
    )
}

fn purge(ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    let object = format!("retention ended by {}", ctx.today);
    let mut s = ctx.session("purge", &object)?;
    let purged = s.store.act("purge", &object, |tx| {
        let months = records::retention_months(tx)?;
        let purged = records::purge(tx, ctx.today, months)?;
        let object = format!(
            "retention of {months} months ended by {}: {}",
            ctx.today,
            purged
                .iter()
                .map(|id| person_id(*id))
                .collect::<Vec<_>>()
                .join(",")
        );
        Ok((purged, object))
    })?;
    eprintln!(
        "purged {} candidates whose retention period had ended (R9)",
        purged.len()
    );
    for id in purged {
        write_line(out, &person_id(id))?;
    }
    Ok(())
}

fn audit(ctx: &Context, verify: bool, format: Format, out: &mut dyn Write) -> Result<(), Error> {
    let action = if verify { "audit verify" } else { "audit" };
    let mut s = ctx.open(action, "audit log", true)?;
    if !s.problems.is_empty() {
        // A bank that fails its check is shown as it is, and nothing is recorded in
        // it: a new entry would chain on to what was changed and hide it.
        let problems = if verify {
            s.store.full_check()?.problems
        } else {
            print_entries(out, &crate::audit::read_all(s.store.conn())?, format)?;
            std::mem::take(&mut s.problems)
        };
        eprintln!("nothing was recorded in the bank: it fails its integrity check");
        return Err(integrity::refusal(problems));
    }
    let holds = if verify {
        let report = s.store.full_check()?;
        if !report.problems.is_empty() {
            let e = integrity::refusal(report.problems);
            let _ = s.store.record(action, "audit log", &e.outcome());
            return Err(e);
        }
        report.chain
    } else {
        None
    };
    let entries = s.store.act(action, "audit log", |tx| {
        let entries = crate::audit::read_all(tx)?;
        let object = format!("audit log: {} entries", entries.len());
        Ok((entries, object))
    })?;
    match (holds, format) {
        (Some(h), Format::Json) => print_json(
            out,
            &json!({"holds": true, "entries": h.entries, "head": h.head, "rows_accounted_for": true, "head_file_agrees": true}),
        ),
        (Some(h), Format::Human) => write_line(
            out,
            &format!(
                "the audit chain holds: {} entries, last hash {}; every row of the bank is accounted for by it, and the head file agrees (write the hash down: a later log must still contain it)",
                h.entries, h.head
            ),
        ),
        (None, _) => print_entries(out, &entries, format),
    }
}

fn print_entries(
    out: &mut dyn Write,
    entries: &[crate::audit::Entry],
    format: Format,
) -> Result<(), Error> {
    match format {
        Format::Json => print_json(out, &json!(entries)),
        Format::Human => {
            for e in entries {
                write_line(
                    out,
                    &format!(
                        "{:>5}  {}  {}  {}  {}  {}",
                        e.seq, e.time, e.user, e.action, e.object, e.outcome
                    ),
                )?;
            }
            Ok(())
        }
    }
}

fn backup_cmd(ctx: &Context, file: &Path, force: bool) -> Result<(), Error> {
    store::check_path(file, ctx.site, true)?;
    let mut s = ctx.session("backup", &file.display().to_string())?;
    if same_file(file, s.store.path()) {
        return Err(Error::usage("the backup would overwrite the store itself"));
    }
    let result = s.store.backup_to(file, force);
    let (object, outcome) = match &result {
        Ok(last) => (
            format!("{} (entry {} {})", file.display(), last.seq, last.hash),
            "ok".to_string(),
        ),
        Err(e) => (file.display().to_string(), e.outcome()),
    };
    s.store.record("backup", &object, &outcome)?;
    result?;
    eprintln!(
        "wrote an encrypted copy to {} (with its -keys and -head files beside it); check it with `kadr bank verify`",
        file.display()
    );
    Ok(())
}

fn verify_cmd(ctx: &Context, file: &Path, out: &mut dyn Write) -> Result<(), Error> {
    store::check_path(file, ctx.site, true)?;
    let user = ctx.operator()?;
    let pass = Passphrase::obtain()?;
    // A check never changes what it checks: the copy is opened read-only, and nothing
    // is written to its log.
    let v = backup::verify(file, user, &pass)?;
    write_line(out, &verified_line(file, &v))
}

fn restore_cmd(ctx: &Context, file: &Path, force: bool) -> Result<(), Error> {
    store::check_path(file, ctx.site, true)?;
    let target = ctx.bank_path()?;
    store::check_path(target, ctx.site, true)?;
    if same_file(file, target) {
        return Err(Error::usage("the copy and the store are the same file"));
    }
    let user = ctx.operator()?;
    let pass = Passphrase::obtain()?;
    let v = backup::restore(file, target, force, user, &pass)?;
    eprintln!(
        "restored {} from {}",
        target.display(),
        verified_line(file, &v)
    );
    Ok(())
}

fn verified_line(file: &Path, v: &backup::Verified) -> String {
    format!(
        "{}: opens, intact, audit chain holds ({} entries, last hash {}) and accounts for every row, head file agrees; {} candidates, {} employees, {} lists",
        file.display(),
        v.audit.entries,
        v.audit.head,
        v.candidates,
        v.employees,
        v.lists
    )
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
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

fn person_line(p: &Person) -> String {
    let mut line = format!(
        "{}  {}  {}  {}  indicator {}  competition {} {}",
        person_id(p.id),
        p.unit,
        p.category,
        p.full_name(),
        p.indicator,
        p.decision,
        p.competition_date
    );
    if let Some(a) = &p.appointment {
        line.push_str(&format!(
            "  appointed to {} by order {} of {}",
            a.vacancy, a.order_number, a.order_date
        ));
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
        .map_err(|e| Error::Io(format!("cannot write JSON: {e}")))?;
    write_line(out, &text)
}

fn write_line(out: &mut dyn Write, line: &str) -> Result<(), Error> {
    writeln!(out, "{line}").map_err(|e| Error::Io(format!("cannot write the output: {e}")))
}
