//! `kadr bank init`, `user …` and `migrate`: the store and its authorised users (K20).

use std::io::Write;

use serde_json::{Value, json};

use super::Format;
use super::{Context, print_json, write_line};
use crate::error::Error;
use crate::key::{KdfParams, Passphrase};
use crate::messages::Text;
use crate::rules::k20;
use crate::store::records;
use crate::store::{self, Store, migrate};

pub fn init(ctx: &Context, admin: &str, retention_months: u32) -> Result<(), Error> {
    let path = ctx.bank_path()?;
    store::check_path(path, ctx.site, true)?;
    if let Some(problem) = records::user_name_problem(admin) {
        return Err(Error::usage(problem));
    }
    if retention_months == 0 {
        return Err(Error::usage(Text::new("usage-retention-at-least-one")));
    }
    let kdf = KdfParams::for_new_slot()?;
    let pass = Passphrase::obtain_for_new_store(ctx.lang)?;
    Store::create(path, admin, &pass, kdf, retention_months, ctx.lang)?;
    ctx.note(
        Text::new("init-done")
            .arg("path", path.display().to_string())
            .arg("admin", admin),
    );
    Ok(())
}

pub fn user_add(ctx: &Context, name: &str) -> Result<(), Error> {
    let mut s = ctx.session("user add", name)?;
    if let Some(problem) = records::user_name_problem(name) {
        return Err(Error::usage(problem));
    }
    k20::k20_not_yet_authorised(name, &records::user_slot(s.store.conn(), name)?)?;
    let pass = Passphrase::obtain_new(
        &Text::new("prompt-first-passphrase-for").arg("name", name),
        ctx.lang,
    )?;
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
    ctx.note(Text::new("user-added").arg("name", name));
    Ok(())
}

pub fn user_remove(ctx: &Context, name: &str) -> Result<(), Error> {
    let mut s = ctx.session("user remove", name)?;
    let slots = s.store.slots().without(name);
    s.store.act_on_slots("user remove", name, |tx| {
        records::remove_user(tx, name)?;
        Ok(((), name.to_string(), Some(slots)))
    })?;
    ctx.note(Text::new("user-removed").arg("name", name));
    Ok(())
}

pub fn user_passphrase(ctx: &Context) -> Result<(), Error> {
    let mut s = ctx.session("user passphrase", "own passphrase")?;
    let me = s.user.clone();
    let pass = Passphrase::obtain_new(&Text::new("prompt-your-new-passphrase"), ctx.lang)?;
    k20::k20_new_passphrase(&pass, &s.pass)?;
    let slot = s.store.new_slot(&me, &pass, false)?;
    let fingerprint = slot.fingerprint(s.store.salt());
    let slots = s.store.slots().with(slot);
    s.store.act_on_slots("user passphrase", &me, |tx| {
        records::set_user_slot(tx, &me, &fingerprint)?;
        Ok(((), me.clone(), Some(slots)))
    })?;
    ctx.note(Text::new("passphrase-changed"));
    Ok(())
}

pub fn user_list(ctx: &Context, format: Format, out: &mut dyn Write) -> Result<(), Error> {
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
                    "none" => Text::new("user-no-passphrase").in_lang(ctx.lang),
                    "first" => {
                        let by = s
                            .store
                            .slots()
                            .slot(&u.name)
                            .map_or("", |slot| slot.set_by.as_str());
                        Text::new("user-first-passphrase")
                            .arg("by", by)
                            .in_lang(ctx.lang)
                    }
                    _ => String::new(),
                };
                let line = Text::new("user-line")
                    .arg("name", u.name.as_str())
                    .arg("at", u.added_at.as_str())
                    .arg("by", u.added_by.as_str())
                    .arg("note", note);
                write_line(out, &line.in_lang(ctx.lang))?;
            }
            Ok(())
        }
    }
}

pub fn migrate_cmd(ctx: &Context) -> Result<(), Error> {
    let path = ctx.bank_path()?;
    store::check_path(path, ctx.site, true)?;
    let user = ctx.operator()?;
    let shared = Passphrase::obtain(ctx.lang)?;
    let kdf = KdfParams::for_format_1()?;
    let own = Passphrase::obtain_new(&Text::new("prompt-your-own-passphrase"), ctx.lang)?;
    let m = migrate::migrate(path, user, &shared, kdf, &own)?;
    ctx.note(Text::new("migrated").arg("path", path.display().to_string()));
    if !m.without_slot.is_empty() {
        ctx.note(Text::new("migrated-without-passphrase").arg("names", m.without_slot.join(", ")));
    }
    ctx.note(Text::new("migrated-old-backups"));
    ctx.note(store::audit_head(m.head.seq, &m.head.hash));
    Ok(())
}
