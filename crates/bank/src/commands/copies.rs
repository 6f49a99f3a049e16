//! `kadr bank backup`, `verify` and `restore`: copies of the store (K19, K26).

use std::io::Write;
use std::path::Path;

use super::{Context, write_line};
use crate::error::Error;
use crate::key::Passphrase;
use crate::messages::Text;
use crate::store::{self, backup};

pub fn backup_cmd(ctx: &Context, file: &Path, force: bool) -> Result<(), Error> {
    store::check_path(file, ctx.site, true)?;
    let mut s = ctx.session("backup", &file.display().to_string())?;
    if same_file(file, s.store.path()) {
        return Err(Error::usage(Text::new("usage-backup-is-the-store")));
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
    ctx.note(Text::new("backup-written").arg("file", file.display().to_string()));
    Ok(())
}

pub fn verify_cmd(ctx: &Context, file: &Path, out: &mut dyn Write) -> Result<(), Error> {
    store::check_path(file, ctx.site, true)?;
    let user = ctx.operator()?;
    let pass = Passphrase::obtain(ctx.lang)?;
    // A check never changes what it checks: the copy is opened read-only, and nothing
    // is written to its log.
    let v = backup::verify(file, user, &pass)?;
    write_line(out, &verified_line(file, &v).in_lang(ctx.lang))
}

pub fn restore_cmd(ctx: &Context, file: &Path, force: bool) -> Result<(), Error> {
    store::check_path(file, ctx.site, true)?;
    let target = ctx.bank_path()?;
    store::check_path(target, ctx.site, true)?;
    if same_file(file, target) {
        return Err(Error::usage(Text::new("usage-copy-is-the-store")));
    }
    let user = ctx.operator()?;
    let pass = Passphrase::obtain(ctx.lang)?;
    let v = backup::restore(file, target, force, user, &pass)?;
    ctx.note(
        Text::new("restored")
            .arg("target", target.display().to_string())
            .arg("verified", verified_line(file, &v).in_lang(ctx.lang)),
    );
    Ok(())
}

fn verified_line(file: &Path, v: &backup::Verified) -> Text {
    Text::new("verified")
        .arg("file", file.display().to_string())
        .arg("entries", v.audit.entries)
        .arg("head", v.audit.head.as_str())
        .arg("candidates", v.candidates)
        .arg("employees", v.employees)
        .arg("lists", v.lists)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
