//! `kadr bank audit`: the audit log, and the check of its hash chain (B12, K26).

use std::io::Write;

use serde_json::json;

use super::Format;
use super::{Context, print_json, write_line};
use crate::error::Error;
use crate::messages::Text;
use crate::store::integrity;

pub fn audit(
    ctx: &Context,
    verify: bool,
    format: Format,
    out: &mut dyn Write,
) -> Result<(), Error> {
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
        ctx.note(Text::new("nothing-recorded"));
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
        (Some(h), Format::Human) => {
            let holds = Text::new("audit-holds")
                .arg("entries", h.entries)
                .arg("head", h.head.as_str());
            write_line(out, &holds.in_lang(ctx.lang))
        }
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
