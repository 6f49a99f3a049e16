//! `kadr bank list …`: lists of candidates for a vacancy, their approval (B5, B7) and
//! their export in the annex form (B-form).

use std::io::Write;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::ExportFormat;
use super::{Context, ids, write_line};
use crate::eligibility;
use crate::error::{Error, Refusal};
use crate::form::{self, Form};
use crate::messages::Text;
use crate::rules::{b5, b6, b9};
use crate::store;
use crate::store::records::{self, Approval, Person, list_id, person_id};

pub fn list_create(
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
                return Err(Error::usage(
                    Text::new("usage-no-such-candidate").arg("id", person_id(id)),
                ));
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

pub fn list_approve(ctx: &Context, list: &str, by: &str, on: Date) -> Result<(), Error> {
    let mut s = ctx.session("list approve", list)?;
    let recorded_by = s.user.clone();
    let count = s.store.act("list approve", list, |tx| {
        let l = find_list(tx, list)?;
        b5::b5_not_yet_approved(&l)?;
        let by = by.trim();
        b6::b6_visible("--by", by)?;
        if by.is_empty() {
            return Err(Error::usage(Text::new("usage-approved-by")));
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
    ctx.note(
        Text::new("list-approved")
            .arg("list", list)
            .arg("count", count)
            .arg("on", on.to_string()),
    );
    Ok(())
}

fn find_list(conn: &rusqlite::Connection, text: &str) -> Result<records::List, Error> {
    let id = records::parse_list_id(text).ok_or_else(|| {
        Error::usage(Text::new("usage-not-a-list-id").arg("id", format!("{text:?}")))
    })?;
    records::list(conn, id)?
        .ok_or_else(|| Error::usage(Text::new("usage-no-such-list").arg("id", list_id(id))))
}

pub struct ExportRequest {
    pub format: ExportFormat,
    pub lang: form::Lang,
    pub file: Option<PathBuf>,
    pub compiled_by: Option<String>,
    pub compiled_on: Option<Date>,
    pub force: bool,
}

pub fn list_export(
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
            .map_err(|e| Error::io(Text::new("io-cannot-write-the-export"), e))?;
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
    file.write_all(bytes).map_err(|e| {
        Error::io(
            Text::new("io-cannot-write").arg("path", path.display().to_string()),
            e,
        )
    })
}
