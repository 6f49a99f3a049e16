//! The store key (RULES.md B12). The operator's passphrase comes from `KADR_BANK_KEY`
//! or a prompt; Argon2id turns it, with the store's own random salt, into the 256-bit
//! raw key SQLCipher encrypts every page with. The salt is the first 16 bytes of the
//! store file (SQLCipher keeps its salt there in the clear), so a store is one file
//! and a copy of it opens with the same passphrase.
//!
//! Passphrase, raw key and the key literal handed to SQLCipher live in buffers that
//! are zeroed when dropped ([`zeroize`]).

use zeroize::Zeroizing;

use crate::error::Error;

/// The length of a store's salt, SQLCipher's own.
pub const SALT_LEN: usize = 16;
pub type Salt = [u8; SALT_LEN];

/// The environment variable that holds the passphrase (else it is asked for).
pub const KEY_ENV: &str = "KADR_BANK_KEY";
/// The environment variable that overrides the Argon2id cost, as `m=KiB,t=N,p=N`:
/// for tests and very slow machines. A store opens only with the cost it was made with.
pub const ARGON2_ENV: &str = "KADR_BANK_ARGON2";

/// A new store's passphrase must be at least this long (in characters).
pub const MIN_PASSPHRASE_CHARS: usize = 12;

/// Argon2id cost parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdfParams {
    /// Memory in KiB.
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

    /// The recommended cost, or the one `KADR_BANK_ARGON2` sets.
    pub fn from_env() -> Result<KdfParams, Error> {
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
}

/// The operator's passphrase.
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    pub fn new(text: String) -> Passphrase {
        Passphrase(Zeroizing::new(text))
    }

    /// From `KADR_BANK_KEY`, else asked on the terminal; `new_store` asks twice and
    /// insists on a minimum length.
    pub fn obtain(new_store: bool) -> Result<Passphrase, Error> {
        let pass = match std::env::var(KEY_ENV) {
            Ok(s) => Passphrase::new(s),
            Err(_) => {
                let first = prompt("bank key: ")?;
                if new_store {
                    let again = prompt("bank key again: ")?;
                    if *first.0 != *again.0 {
                        return Err(Error::usage("the two keys differ; nothing was created"));
                    }
                }
                first
            }
        };
        if pass.0.is_empty() {
            return Err(Error::usage(format!(
                "an empty bank key: set {KEY_ENV} or type the key"
            )));
        }
        if new_store && pass.0.chars().count() < MIN_PASSPHRASE_CHARS {
            return Err(Error::refused(
                "B12",
                format!("a bank key needs at least {MIN_PASSPHRASE_CHARS} characters"),
            ));
        }
        Ok(pass)
    }
}

fn prompt(text: &str) -> Result<Passphrase, Error> {
    rpassword::prompt_password(text)
        .map(Passphrase::new)
        .map_err(|e| {
            Error::usage(format!(
                "no bank key: set {KEY_ENV} or run in a terminal ({e})"
            ))
        })
}

/// A store's 256-bit raw key.
pub struct RawKey(Zeroizing<[u8; 32]>);

impl RawKey {
    /// Argon2id(passphrase, salt).
    pub fn derive(pass: &Passphrase, salt: &Salt, params: KdfParams) -> Result<RawKey, Error> {
        let argon_params = argon2::Params::new(params.m_kib, params.t, params.p, Some(32))
            .map_err(|e| Error::usage(format!("{ARGON2_ENV}: {e}")))?;
        let argon = argon2::Argon2::new(
            argon2::Algorithm::Argon2id,
            argon2::Version::V0x13,
            argon_params,
        );
        let mut key = Zeroizing::new([0u8; 32]);
        argon
            .hash_password_into(pass.0.as_bytes(), salt, &mut key[..])
            .map_err(|e| Error::Io(format!("cannot derive the key: {e}")))?;
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

/// The passphrase and the keys derived from it so far, so that a command that opens
/// a store and its backup (made with the same salt) derives the key once.
pub struct Keyring {
    pass: Passphrase,
    params: KdfParams,
    derived: Vec<(Salt, RawKey)>,
}

impl Keyring {
    pub fn new(pass: Passphrase, params: KdfParams) -> Keyring {
        Keyring {
            pass,
            params,
            derived: Vec::new(),
        }
    }

    /// The key for a store with this salt.
    pub fn key_for(&mut self, salt: &Salt) -> Result<&RawKey, Error> {
        let index = match self.derived.iter().position(|(s, _)| s == salt) {
            Some(i) => i,
            None => {
                let key = RawKey::derive(&self.pass, salt, self.params)?;
                self.derived.push((*salt, key));
                self.derived.len() - 1
            }
        };
        Ok(&self.derived[index].1)
    }
}

/// A fresh random salt from the operating system.
pub fn new_salt() -> Result<Salt, Error> {
    let mut salt = [0u8; SALT_LEN];
    getrandom::fill(&mut salt)
        .map_err(|e| Error::Io(format!("no randomness from the operating system: {e}")))?;
    Ok(salt)
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
}
