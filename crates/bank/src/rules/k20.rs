//! RULES.md K20: access to personal data only for named staff whose duties need it,
//! on a list the head approves. Each authorised user is listed once and opens the bank
//! with a passphrase of their own: the first one, which whoever added them knows, is
//! replaced before anything else, and a passphrase is never shared with a colleague.

use crate::error::Error;
use crate::key::Passphrase;
use crate::messages::Text;

/// K20: the operator's passphrase is their own, not the first one `set_by` gave them
/// (`set_by`: who set it, while it is still the first); setting their own is allowed.
pub fn k20_own_passphrase(set_by: Option<&str>, action: &str) -> Result<(), Error> {
    match set_by {
        Some(by) if action != "user passphrase" => Err(Error::refused(
            "K20",
            Text::new("k20-own-passphrase").arg("by", by),
        )),
        _ => Ok(()),
    }
}

/// K20: `name` is not yet an authorised user with a passphrase (`slot`: the user's
/// listing, if any, and their key slot's fingerprint, if they have one).
pub fn k20_not_yet_authorised(name: &str, slot: &Option<Option<String>>) -> Result<(), Error> {
    if let Some(Some(_)) = slot {
        return Err(Error::refused(
            "K20",
            Text::new("k20-already-authorised").arg("name", format!("{name:?}")),
        ));
    }
    Ok(())
}

/// K20: a colleague's first passphrase is not the operator's own.
pub fn k20_first_passphrase_not_own(first: &Passphrase, own: &Passphrase) -> Result<(), Error> {
    if first.same_as(own) {
        return Err(Error::refused(
            "K20",
            Text::new("k20-first-passphrase-not-own"),
        ));
    }
    Ok(())
}

/// K20: a new passphrase is not the one the user has.
pub fn k20_new_passphrase(new: &Passphrase, old: &Passphrase) -> Result<(), Error> {
    if new.same_as(old) {
        return Err(Error::refused("K20", Text::new("k20-new-passphrase")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule_of(r: Result<(), Error>) -> Option<&'static str> {
        match r {
            Err(Error::Refused(r)) => Some(r.problems[0].rule),
            _ => None,
        }
    }

    fn pass(s: &str) -> Passphrase {
        Passphrase::new(s.to_string())
    }

    #[test]
    fn k20_refuses_every_command_but_setting_ones_own_on_a_first_passphrase() {
        assert_eq!(
            rule_of(k20_own_passphrase(Some("aliya"), "candidate list")),
            Some("K20")
        );
        assert!(k20_own_passphrase(Some("aliya"), "user passphrase").is_ok());
        assert!(k20_own_passphrase(None, "candidate list").is_ok());
    }

    #[test]
    fn k20_refuses_to_authorise_a_user_twice() {
        assert!(k20_not_yet_authorised("bolat", &None).is_ok());
        // Listed before the store was migrated, without a key slot: gets one now.
        assert!(k20_not_yet_authorised("bolat", &Some(None)).is_ok());
        assert_eq!(
            rule_of(k20_not_yet_authorised("bolat", &Some(Some("ab12".into())))),
            Some("K20")
        );
    }

    #[test]
    fn k20_a_passphrase_is_never_shared() {
        let own = pass("aliya's own words");
        assert_eq!(
            rule_of(k20_first_passphrase_not_own(
                &pass("aliya's own words"),
                &own
            )),
            Some("K20")
        );
        assert!(k20_first_passphrase_not_own(&pass("bolat's first"), &own).is_ok());
        assert_eq!(
            rule_of(k20_new_passphrase(&pass("aliya's own words"), &own)),
            Some("K20")
        );
        assert!(k20_new_passphrase(&pass("another one"), &own).is_ok());
    }
}
