//! `kadr bank candidate …`, `employee list`, `eligible`, `appoint` and `purge`: the
//! candidates (B2–B4, B6), who may be appointed (B9, B10), the appointment (B11), and
//! the end of their retention period (R9).

use std::io::Write;
use std::path::Path;

use jiff::civil::Date;
use serde_json::{Value, json};

use super::Format;
use super::{Context, ids, person_json, person_line, print_json, write_line};
use crate::candidate;
use crate::eligibility::rank_eligible;
use crate::error::{Error, Refusal};
use crate::messages::Text;
use crate::rules::{b6, b9, b11};
use crate::store::records::{self, Appointment, Person, person_id};

pub fn candidate_add(ctx: &Context, file: &Path, out: &mut dyn Write) -> Result<(), Error> {
    let object = file.display().to_string();
    let mut s = ctx.session("candidate add", &object)?;
    // B2, B6: the unit and the category must be the site's, when a site is given.
    let catalogue = ctx.site.catalogue().map_err(|e| {
        Error::usage(Text::new("usage-site-unreadable").arg("detail", e.text().in_lang(ctx.lang)))
    })?;
    if catalogue.is_none() {
        ctx.note(Text::new("note-not-a-site"));
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

pub fn people_list(
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
                write_line(out, &person_line(p, ctx.lang))?;
            }
            if people.is_empty() {
                ctx.note(Text::new("none"));
            }
            Ok(())
        }
    }
}

pub fn eligible(
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
            ctx.note(
                Text::new("eligible-for")
                    .arg("vacancy", &v.id)
                    .arg("category", &v.category)
                    .arg("day", ctx.today.to_string())
                    .arg("count", ranked.len()),
            );
            for (i, p) in ranked.iter().enumerate() {
                write_line(out, &format!("{:>3}. {}", i + 1, person_line(p, ctx.lang)))?;
            }
            Ok(())
        }
    }
}

pub fn appoint(
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
            Error::usage(Text::new("usage-no-such-candidate").arg("id", person_id(id)))
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
    ctx.note(
        Text::new("appointed")
            .arg("candidate", candidate_text)
            .arg("vacancy", &v.id),
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

pub fn purge(ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
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
    ctx.note(Text::new("purged").arg("count", purged.len()));
    for id in purged {
        write_line(out, &person_id(id))?;
    }
    Ok(())
}
