//! Key slots (RULES.md K20, B12), as LUKS keeps them: the store is encrypted with one
//! random store key, and each authorised user has a slot in `NAME.kadrbank-keys` that
//! holds the store key wrapped (XChaCha20-Poly1305) under a key derived from that
//! user's own passphrase (Argon2id, with the slot's own salt and the cost it records).
//! Whoever opens the bank proves who they are by opening their slot; removing a user
//! removes their slot.
//!
//! A slot is bound to its store, its user, its cost and whether its passphrase was set
//! by someone else (a new user's first passphrase, which they must replace): all of it
//! is authenticated with the wrapped key, so a slot renamed to another user, moved to
//! another store or edited no longer opens. The users table inside the store records
//! each slot's fingerprint, so a slot added or replaced outside kadr is refused too.

use chacha20poly1305::aead::{AeadInOut, KeyInit};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::Path;
use zeroize::Zeroizing;

use crate::error::Error;
use crate::key::{KdfParams, Passphrase, RawKey, SALT_LEN, Salt, random_bytes};
use crate::messages::Text;
use crate::store::files;

/// The first eight bytes of a key-slot file: the same constant as
/// `kadr::load::BANK_KEYS_MAGIC`.
pub const KEYS_MAGIC: [u8; 8] = *b"\x89KADRBKK";

const FORMAT: &str = "kadr-bank key slots";
const VERSION: u32 = 1;
/// A key-slot file is small: a thousand slots fit in well under this.
const MAX_FILE_BYTES: u64 = 1024 * 1024;
const MAX_SLOTS: usize = 1000;
const NONCE_LEN: usize = 24;
/// The store key (32 bytes) and the AEAD tag (16).
const WRAPPED_LEN: usize = 48;

/// The key slots of one store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeySlots {
    /// The store's salt (the first 16 bytes of its database file): the slots open that
    /// store only.
    pub store: Salt,
    pub slots: Vec<Slot>,
}

/// One user's slot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub user: String,
    pub kdf: KdfParams,
    salt: [u8; SALT_LEN],
    nonce: [u8; NONCE_LEN],
    wrapped: Vec<u8>,
    /// The passphrase was set by another user (`set_by`): the slot's user must set
    /// their own before doing anything else.
    pub initial: bool,
    pub set_by: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileRepr {
    format: String,
    version: u32,
    store: String,
    slots: Vec<SlotRepr>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SlotRepr {
    user: String,
    kdf: KdfParams,
    salt: String,
    nonce: String,
    wrapped: String,
    initial: bool,
    set_by: String,
}

impl Slot {
    /// A slot for `user` that opens with `pass`, wrapping `key` of the store `store`.
    pub fn new(
        user: &str,
        pass: &Passphrase,
        kdf: KdfParams,
        store: &Salt,
        key: &RawKey,
        initial: bool,
        set_by: &str,
    ) -> Result<Slot, Error> {
        let mut slot = Slot {
            user: user.to_string(),
            kdf,
            salt: random_bytes()?,
            nonce: random_bytes()?,
            wrapped: Vec::new(),
            initial,
            set_by: set_by.to_string(),
        };
        let kek = RawKey::derive(pass, &slot.salt, kdf)?;
        let cipher = cipher(&kek)?;
        let mut buffer = key.bytes().to_vec();
        cipher
            .encrypt_in_place(
                &XNonce::from(slot.nonce),
                &slot.associated_data(store),
                &mut buffer,
            )
            .map_err(|_| Error::failed(Text::new("io-cannot-wrap-the-store-key")))?;
        slot.wrapped = buffer;
        Ok(slot)
    }

    /// The store key, if `pass` opens this slot of the store `store`.
    pub fn unwrap_key(&self, pass: &Passphrase, store: &Salt) -> Result<Option<RawKey>, Error> {
        let kek = RawKey::derive(pass, &self.salt, self.kdf)?;
        let cipher = cipher(&kek)?;
        let mut buffer = Zeroizing::new(self.wrapped.clone());
        let opened = cipher.decrypt_in_place(
            &XNonce::from(self.nonce),
            &self.associated_data(store),
            &mut *buffer,
        );
        Ok(opened.ok().and_then(|()| RawKey::from_bytes(&buffer)))
    }

    /// What the wrapped key is bound to besides the passphrase.
    fn associated_data(&self, store: &Salt) -> Vec<u8> {
        let mut ad = b"kadr-bank key slot v1\0".to_vec();
        ad.extend_from_slice(store);
        for field in [self.user.as_bytes(), self.set_by.as_bytes()] {
            ad.extend_from_slice(&(field.len() as u64).to_le_bytes());
            ad.extend_from_slice(field);
        }
        for n in [self.kdf.m_kib, self.kdf.t, self.kdf.p] {
            ad.extend_from_slice(&n.to_le_bytes());
        }
        ad.push(u8::from(self.initial));
        ad
    }

    /// The slot's fingerprint, which the users table records (SHA-256 over everything
    /// the slot holds).
    pub fn fingerprint(&self, store: &Salt) -> String {
        let mut h = Sha256::new();
        h.update(self.associated_data(store));
        h.update(self.salt);
        h.update(self.nonce);
        h.update(&self.wrapped);
        hex::encode(h.finalize())
    }
}

fn cipher(kek: &RawKey) -> Result<XChaCha20Poly1305, Error> {
    XChaCha20Poly1305::new_from_slice(kek.bytes())
        .map_err(|_| Error::failed(Text::new("io-cannot-use-the-slot-key")))
}

impl KeySlots {
    pub fn new(store: Salt) -> KeySlots {
        KeySlots {
            store,
            slots: Vec::new(),
        }
    }

    pub fn slot(&self, user: &str) -> Option<&Slot> {
        self.slots.iter().find(|s| s.user == user)
    }

    /// These slots with `slot` in place of its user's old one, if any.
    pub fn with(&self, slot: Slot) -> KeySlots {
        let mut next = self.without(&slot.user);
        next.slots.push(slot);
        next.slots.sort_by(|a, b| a.user.cmp(&b.user));
        next
    }

    /// These slots without `user`'s.
    pub fn without(&self, user: &str) -> KeySlots {
        KeySlots {
            store: self.store,
            slots: self
                .slots
                .iter()
                .filter(|s| s.user != user)
                .cloned()
                .collect(),
        }
    }

    /// Reads the key-slot file at `path`; `None` if there is none.
    pub fn read(path: &Path) -> Result<Option<KeySlots>, Error> {
        let Some(body) = files::read_padded(path, &KEYS_MAGIC, MAX_FILE_BYTES, "key-slot")? else {
            return Ok(None);
        };
        let damaged = |why: &str| {
            Error::refused(
                "K26",
                Text::new("k26-damaged")
                    .arg("path", path.display().to_string())
                    .arg("detail", why),
            )
        };
        let repr: FileRepr = serde_json::from_slice(&body).map_err(|e| damaged(&e.to_string()))?;
        if repr.format != FORMAT || repr.version != VERSION {
            return Err(damaged(&format!(
                "it is {:?} version {}, this kadr reads {FORMAT:?} version {VERSION}",
                repr.format, repr.version
            )));
        }
        if repr.slots.len() > MAX_SLOTS {
            return Err(damaged("it holds too many slots"));
        }
        let store = from_hex::<SALT_LEN>(&repr.store).ok_or_else(|| damaged("its store id"))?;
        let mut slots = Vec::with_capacity(repr.slots.len());
        for s in repr.slots {
            let what = format!("the slot of {:?}", s.user);
            let slot = Slot {
                salt: from_hex(&s.salt).ok_or_else(|| damaged(&what))?,
                nonce: from_hex(&s.nonce).ok_or_else(|| damaged(&what))?,
                wrapped: from_hex::<WRAPPED_LEN>(&s.wrapped)
                    .ok_or_else(|| damaged(&what))?
                    .to_vec(),
                user: s.user,
                kdf: s.kdf,
                initial: s.initial,
                set_by: s.set_by,
            };
            if slots.iter().any(|o: &Slot| o.user == slot.user) {
                return Err(damaged(&format!("{what} is there twice")));
            }
            slots.push(slot);
        }
        Ok(Some(KeySlots { store, slots }))
    }

    /// Writes the key-slot file at `path`, atomically.
    pub fn write(&self, path: &Path) -> Result<(), Error> {
        let repr = FileRepr {
            format: FORMAT.to_string(),
            version: VERSION,
            store: hex::encode(self.store),
            slots: self
                .slots
                .iter()
                .map(|s| SlotRepr {
                    user: s.user.clone(),
                    kdf: s.kdf,
                    salt: hex::encode(s.salt),
                    nonce: hex::encode(s.nonce),
                    wrapped: hex::encode(&s.wrapped),
                    initial: s.initial,
                    set_by: s.set_by.clone(),
                })
                .collect(),
        };
        let body = serde_json::to_vec_pretty(&repr)
            .map_err(|e| Error::io(Text::new("io-cannot-write-the-key-slots"), e))?;
        files::write_atomically(path, &files::padded(&KEYS_MAGIC, &body))
    }
}

fn from_hex<const N: usize>(s: &str) -> Option<[u8; N]> {
    let mut out = [0u8; N];
    hex::decode_to_slice(s, &mut out).ok()?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FAST: KdfParams = KdfParams {
        m_kib: 64,
        t: 1,
        p: 1,
    };

    fn pass(s: &str) -> Passphrase {
        Passphrase::new(s.into())
    }

    #[test]
    fn k20_a_slot_opens_with_its_users_passphrase_only() {
        let store = [3u8; SALT_LEN];
        let key = RawKey::random().unwrap();
        let slot = Slot::new(
            "aliya",
            &pass("aliya's own phrase"),
            FAST,
            &store,
            &key,
            false,
            "aliya",
        )
        .unwrap();
        let opened = slot
            .unwrap_key(&pass("aliya's own phrase"), &store)
            .unwrap();
        assert_eq!(opened.unwrap().bytes(), key.bytes());
        assert!(
            slot.unwrap_key(&pass("bolat's phrase!"), &store)
                .unwrap()
                .is_none()
        );
        // Bound to its store.
        assert!(
            slot.unwrap_key(&pass("aliya's own phrase"), &[4u8; SALT_LEN])
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn k20_a_slot_renamed_to_another_user_or_edited_no_longer_opens() {
        let store = [3u8; SALT_LEN];
        let key = RawKey::random().unwrap();
        let slot = Slot::new(
            "bolat",
            &pass("bolat's first phrase"),
            FAST,
            &store,
            &key,
            true,
            "aliya",
        )
        .unwrap();
        let mut renamed = slot.clone();
        renamed.user = "mallory".into();
        assert!(
            renamed
                .unwrap_key(&pass("bolat's first phrase"), &store)
                .unwrap()
                .is_none()
        );
        let mut made_own = slot.clone();
        made_own.initial = false;
        assert!(
            made_own
                .unwrap_key(&pass("bolat's first phrase"), &store)
                .unwrap()
                .is_none()
        );
        assert_ne!(slot.fingerprint(&store), renamed.fingerprint(&store));
    }

    #[test]
    fn slots_write_and_read_back() {
        let dir = std::env::temp_dir().join(format!("kadr-bank-keys-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("x.kadrbank-keys");
        let store = [9u8; SALT_LEN];
        let key = RawKey::random().unwrap();
        let slots = KeySlots::new(store).with(
            Slot::new(
                "aliya",
                &pass("aliya's own phrase"),
                FAST,
                &store,
                &key,
                false,
                "aliya",
            )
            .unwrap(),
        );
        slots.write(&path).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(&KEYS_MAGIC));
        assert_eq!(bytes.len() % files::FILE_GRANULE, 0);
        let back = KeySlots::read(&path).unwrap().unwrap();
        assert_eq!(back, slots);
        assert!(KeySlots::read(&dir.join("none")).unwrap().is_none());
        std::fs::write(&path, b"\x89KADRBKK{not json").unwrap();
        assert!(matches!(KeySlots::read(&path), Err(Error::Refused(_))));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
