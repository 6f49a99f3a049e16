//! Keys (RULES.md B12, K20). A store is encrypted with a random 256-bit store key that
//! nobody types: each authorised user's own passphrase unwraps it from their key slot
//! (see [`crate::keys`]). Argon2id turns a passphrase and the slot's random salt into
//! the key that opens the slot, with the cost the slot records, so the right passphrase
//! always opens it whatever the environment says.
//!
//! `KADR_BANK_ARGON2` sets the cost of new key slots (tests use a cheap one). A release
//! build never makes or opens a slot below [`KdfParams::FLOOR`]; a debug build (what
//! `cargo test` runs) may. Stores of format 1 (one key shared by every user, derived
//! from the passphrase and the store's salt) open with the cost the environment gives,
//! since they never recorded theirs, and only to be migrated.
//!
//! Passphrases and keys live in buffers that are zeroed when dropped ([`zeroize`]).

use zeroize::Zeroizing;

use crate::error::Error;
use crate::messages::{MessageLang, Text};

/// The length of a store's salt, SQLCipher's own.
pub const SALT_LEN: usize = 16;
pub type Salt = [u8; SALT_LEN];

/// The environment variable that holds the operator's passphrase (else it is asked for).
pub const KEY_ENV: &str = "KADR_BANK_KEY";
/// The environment variable that holds a new passphrase (a new user's first one, your
/// own new one, yours when a store is migrated), else it is asked for twice.
pub const NEW_KEY_ENV: &str = "KADR_BANK_NEW_KEY";
/// The environment variable that sets the Argon2id cost of new key slots, as
/// `m=KiB,t=N,p=N`.
pub const ARGON2_ENV: &str = "KADR_BANK_ARGON2";

/// A new passphrase must be at least this long (in characters).
pub const MIN_PASSPHRASE_CHARS: usize = 12;

/// Whether this build refuses Argon2id costs below [`KdfParams::FLOOR`]: every build
/// but a debug one.
pub const FLOOR_APPLIES: bool = !cfg!(debug_assertions);

/// Argon2id cost parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct KdfParams {
    /// Memory in KiB.
    #[serde(rename = "m")]
    pub m_kib: u32,
    /// Passes.
    pub t: u32,
    /// Lanes.
    pub p: u32,
}

impl KdfParams {
    /// OWASP's recommended Argon2id setting (password storage cheat sheet): 19 MiB,
    /// two passes, one lane.
    pub const RECOMMENDED: KdfParams = KdfParams {
        m_kib: 19 * 1024,
        t: 2,
        p: 1,
    };

    /// The least cost a release build accepts: at least 7 MiB, and memory times passes
    /// at least 35 MiB, which each of OWASP's five equivalent settings meets (46 MiB·1,
    /// 19·2, 12·3, 9·4, 7·5).
    pub const FLOOR: KdfParams = KdfParams {
        m_kib: 7 * 1024,
        t: 5,
        p: 1,
    };
    const FLOOR_WORK_KIB: u64 = 35 * 1024;

    /// The most a slot may ask for, so that a damaged or hostile key-slot file cannot
    /// make kadr allocate without bound: 1 GiB, 64 passes, 16 lanes.
    const MAX_M_KIB: u32 = 1024 * 1024;
    const MAX_T: u32 = 64;
    const MAX_P: u32 = 16;

    /// The cost of a new key slot: the recommended one, or the one `KADR_BANK_ARGON2`
    /// sets, refused below the floor where it applies.
    pub fn for_new_slot() -> Result<KdfParams, Error> {
        let params = KdfParams::from_env()?;
        params.check_new(FLOOR_APPLIES)?;
        Ok(params)
    }

    /// The cost with which a store of format 1 was made: it did not record it.
    pub fn for_format_1() -> Result<KdfParams, Error> {
        let params = KdfParams::from_env()?;
        match params.bound_problem() {
            Some(p) => Err(Error::usage(format!("{ARGON2_ENV}: {p}"))),
            None => Ok(params),
        }
    }

    fn from_env() -> Result<KdfParams, Error> {
        match std::env::var(ARGON2_ENV) {
            Err(_) => Ok(KdfParams::RECOMMENDED),
            Ok(s) => KdfParams::parse(&s).ok_or_else(|| {
                Error::usage(format!(
                    "{ARGON2_ENV}={s:?}: expected m=KiB,t=passes,p=lanes, e.g. m=19456,t=2,p=1"
                ))
            }),
        }
    }

    fn parse(s: &str) -> Option<KdfParams> {
        let mut params = KdfParams::RECOMMENDED;
        for part in s.split(',') {
            let (name, value) = part.trim().split_once('=')?;
            let value: u32 = value.trim().parse().ok()?;
            match name.trim() {
                "m" => params.m_kib = value,
                "t" => params.t = value,
                "p" => params.p = value,
                _ => return None,
            }
        }
        Some(params)
    }

    /// Whether the cost is below the floor.
    pub fn below_floor(self) -> bool {
        self.m_kib < KdfParams::FLOOR.m_kib
            || u64::from(self.m_kib) * u64::from(self.t) < KdfParams::FLOOR_WORK_KIB
    }

    /// What makes the cost unusable at all, whoever asks for it.
    pub fn bound_problem(self) -> Option<String> {
        if self.t == 0 || self.p == 0 || self.m_kib < 8 * self.p {
            return Some(format!(
                "{self} is not an Argon2id cost (at least one pass and one lane, 8 KiB per lane)"
            ));
        }
        if self.m_kib > KdfParams::MAX_M_KIB
            || self.t > KdfParams::MAX_T
            || self.p > KdfParams::MAX_P
        {
            return Some(format!(
                "{self} is more than kadr allows (at most m=1048576, t=64, p=16)"
            ));
        }
        None
    }

    /// Refuses a cost for a new key slot: out of bounds, or (where the floor applies)
    /// below the floor.
    pub fn check_new(self, floor_applies: bool) -> Result<(), Error> {
        if let Some(p) = self.bound_problem() {
            return Err(Error::usage(format!("{ARGON2_ENV}: {p}")));
        }
        if floor_applies && self.below_floor() {
            return Err(Error::refused(
                "B12",
                format!(
                    "{ARGON2_ENV}={self} is below the least cost a bank accepts (7 MiB, and memory times passes at least 35 MiB, e.g. {}); it is for tests in a debug build only",
                    KdfParams::RECOMMENDED
                ),
            ));
        }
        Ok(())
    }

    /// Refuses a cost a key slot records: out of bounds (a damaged file), or (where the
    /// floor applies) below the floor, that is made by a test build.
    pub fn check_recorded(self, user: &str, floor_applies: bool) -> Result<(), Error> {
        if let Some(p) = self.bound_problem() {
            return Err(Error::refused(
                "B12",
                Text::new("b12-key-slot-damaged")
                    .arg("user", format!("{user:?}"))
                    .arg("detail", p.to_string()),
            ));
        }
        if floor_applies && self.below_floor() {
            return Err(Error::refused(
                "B12",
                Text::new("b12-key-slot-test-cost")
                    .arg("user", format!("{user:?}"))
                    .arg("cost", self.to_string()),
            ));
        }
        Ok(())
    }
}

impl std::fmt::Display for KdfParams {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "m={},t={},p={}", self.m_kib, self.t, self.p)
    }
}

/// A passphrase.
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    pub fn new(text: String) -> Passphrase {
        Passphrase(Zeroizing::new(text))
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }

    /// The operator's passphrase: from `KADR_BANK_KEY`, else asked on the terminal.
    pub fn obtain(lang: MessageLang) -> Result<Passphrase, Error> {
        let pass = match std::env::var(KEY_ENV) {
            Ok(s) => Passphrase::new(s),
            Err(_) => prompt(&Text::new("prompt-passphrase").in_lang(lang))?,
        };
        if pass.0.is_empty() {
            return Err(Error::usage(
                Text::new("passphrase-empty").arg("env", KEY_ENV),
            ));
        }
        Ok(pass)
    }

    /// The first passphrase of a new store's first user: from `KADR_BANK_KEY`, else
    /// asked twice; at least [`MIN_PASSPHRASE_CHARS`] long.
    pub fn obtain_for_new_store(lang: MessageLang) -> Result<Passphrase, Error> {
        let pass = match std::env::var(KEY_ENV) {
            Ok(s) => Passphrase::new(s),
            Err(_) => prompt_twice(&Text::new("prompt-your-passphrase"), lang)?,
        };
        pass.long_enough()?;
        Ok(pass)
    }

    /// A new passphrase (`what` says whose): from `KADR_BANK_NEW_KEY`, else asked
    /// twice; at least [`MIN_PASSPHRASE_CHARS`] long.
    pub fn obtain_new(what: &Text, lang: MessageLang) -> Result<Passphrase, Error> {
        let pass = match std::env::var(NEW_KEY_ENV) {
            Ok(s) => Passphrase::new(s),
            Err(_) => prompt_twice(what, lang)?,
        };
        pass.long_enough()?;
        Ok(pass)
    }

    fn long_enough(&self) -> Result<(), Error> {
        if self.0.chars().count() < MIN_PASSPHRASE_CHARS {
            return Err(Error::refused(
                "B12",
                Text::new("b12-passphrase-too-short").arg("min", MIN_PASSPHRASE_CHARS),
            ));
        }
        Ok(())
    }

    pub(crate) fn same_as(&self, other: &Passphrase) -> bool {
        *self.0 == *other.0
    }
}

/// Asks on the terminal, after `what` and a colon.
fn prompt(what: &str) -> Result<Passphrase, Error> {
    rpassword::prompt_password(format!("{what}: "))
        .map(Passphrase::new)
        .map_err(|e| {
            Error::usage(
                Text::new("passphrase-no-terminal")
                    .arg("env", KEY_ENV)
                    .arg("new_env", NEW_KEY_ENV)
                    .arg("detail", e.to_string()),
            )
        })
}

fn prompt_twice(what: &Text, lang: MessageLang) -> Result<Passphrase, Error> {
    let what = what.in_lang(lang);
    let first = prompt(&what)?;
    let again = prompt(&Text::new("prompt-again").arg("what", what).in_lang(lang))?;
    if !first.same_as(&again) {
        return Err(Error::usage(Text::new("passphrases-differ")));
    }
    Ok(first)
}

/// A 256-bit key: a store key, or the key that opens a key slot.
pub struct RawKey(Zeroizing<[u8; 32]>);

impl RawKey {
    /// A fresh random key (a new store's key).
    pub fn random() -> Result<RawKey, Error> {
        let mut key = Zeroizing::new([0u8; 32]);
        getrandom::fill(&mut key[..])
            .map_err(|e| Error::io(Text::new("io-no-randomness-from-the-operating-system"), e))?;
        Ok(RawKey(key))
    }

    pub(crate) fn from_bytes(bytes: &[u8]) -> Option<RawKey> {
        let mut key = Zeroizing::new([0u8; 32]);
        if bytes.len() != key.len() {
            return None;
        }
        key.copy_from_slice(bytes);
        Some(RawKey(key))
    }

    pub(crate) fn bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// Argon2id(passphrase, salt) with the given cost.
    pub fn derive(pass: &Passphrase, salt: &[u8], params: KdfParams) -> Result<RawKey, Error> {
        if let Some(p) = params.bound_problem() {
            return Err(Error::usage(p));
        }
        let argon_params = argon2::Params::new(params.m_kib, params.t, params.p, Some(32))
            .map_err(|e| Error::usage(format!("Argon2id {params}: {e}")))?;
        let argon = argon2::Argon2::new(
            argon2::Algorithm::Argon2id,
            argon2::Version::V0x13,
            argon_params,
        );
        let mut key = Zeroizing::new([0u8; 32]);
        argon
            .hash_password_into(pass.as_bytes(), salt, &mut key[..])
            .map_err(|e| Error::io(Text::new("io-cannot-derive-the-key"), e))?;
        Ok(RawKey(key))
    }

    /// SQLCipher's literal for a raw key with an explicit salt: `x'` + 64 hex digits of
    /// key + 32 of salt + `'`. Given the salt, a new store takes it as its own.
    pub fn sqlcipher_literal(&self, salt: &Salt) -> Zeroizing<String> {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        // Sized up front so that the buffer never reallocates and leaves a copy behind.
        let mut s = Zeroizing::new(String::with_capacity(3 + 2 * (32 + SALT_LEN)));
        s.push_str("x'");
        for b in self.0.iter().chain(salt.iter()) {
            s.push(char::from(HEX[usize::from(b >> 4)]));
            s.push(char::from(HEX[usize::from(b & 0xf)]));
        }
        s.push('\'');
        s
    }
}

/// Random bytes from the operating system.
pub fn random_bytes<const N: usize>() -> Result<[u8; N], Error> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes)
        .map_err(|e| Error::io(Text::new("io-no-randomness-from-the-operating-system"), e))?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FAST: KdfParams = KdfParams {
        m_kib: 64,
        t: 1,
        p: 1,
    };

    #[test]
    fn the_same_passphrase_and_salt_give_the_same_key() {
        let pass = Passphrase::new("correct horse battery".into());
        let salt = [7u8; SALT_LEN];
        let a = RawKey::derive(&pass, &salt, FAST).unwrap();
        let b = RawKey::derive(&pass, &salt, FAST).unwrap();
        assert_eq!(*a.0, *b.0);
        let other = RawKey::derive(&pass, &[8u8; SALT_LEN], FAST).unwrap();
        assert_ne!(*a.0, *other.0);
    }

    #[test]
    fn the_sqlcipher_literal_is_raw_key_then_salt_in_hex() {
        let key = RawKey(Zeroizing::new([0xab; 32]));
        let lit = key.sqlcipher_literal(&[0x01; SALT_LEN]);
        assert_eq!(lit.len(), 2 + 64 + 32 + 1);
        assert!(lit.starts_with("x'ABAB"));
        assert!(lit.ends_with("0101'"));
    }

    #[test]
    fn reads_a_cost_override() {
        assert_eq!(KdfParams::parse("m=64,t=1,p=1"), Some(FAST),);
        assert_eq!(KdfParams::parse("m=64,x=1"), None);
        assert_eq!(KdfParams::parse("m=lots"), None);
    }

    #[test]
    fn b12_a_release_build_refuses_a_cost_below_the_floor() {
        for weak in [
            FAST,
            KdfParams {
                m_kib: 19456,
                t: 1,
                p: 1,
            },
            KdfParams {
                m_kib: 4096,
                t: 10,
                p: 1,
            },
        ] {
            assert!(weak.below_floor(), "{weak}");
            assert!(matches!(weak.check_new(true), Err(Error::Refused(_))));
            assert!(matches!(
                weak.check_recorded("aliya", true),
                Err(Error::Refused(_))
            ));
            // A debug build (the tests) may use it.
            assert!(weak.check_new(false).is_ok());
            assert!(weak.check_recorded("aliya", false).is_ok());
        }
        // Each of OWASP's five settings meets the floor.
        for (m_mib, t) in [(46, 1), (19, 2), (12, 3), (9, 4), (7, 5)] {
            let owasp = KdfParams {
                m_kib: m_mib * 1024,
                t,
                p: 1,
            };
            assert!(!owasp.below_floor(), "{owasp}");
            assert!(owasp.check_new(true).is_ok());
        }
        assert!(!KdfParams::RECOMMENDED.below_floor());
        assert!(!KdfParams::FLOOR.below_floor());
    }

    #[test]
    fn a_cost_out_of_bounds_is_refused_in_any_build() {
        for bad in [
            KdfParams {
                m_kib: 4 * 1024 * 1024,
                t: 2,
                p: 1,
            },
            KdfParams {
                m_kib: 19456,
                t: 0,
                p: 1,
            },
            KdfParams {
                m_kib: 19456,
                t: 1000,
                p: 1,
            },
        ] {
            assert!(bad.bound_problem().is_some(), "{bad}");
            assert!(bad.check_new(false).is_err());
            assert!(bad.check_recorded("aliya", false).is_err());
            let pass = Passphrase::new("correct horse battery".into());
            assert!(RawKey::derive(&pass, &[0; 16], bad).is_err());
        }
    }
}
