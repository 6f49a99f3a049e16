//! The private candidate bank of `kadr` (RULES.md B2–B12, K19–K26, R9, C-score): the
//! departmental data bank of candidates who passed a competition, kept in one encrypted
//! SQLite (SQLCipher) file, with its key slots and head file beside it, that is never
//! part of the published site.
//!
//! The crate does not know how a site is loaded: what it needs of one (a vacancy's
//! category, whether a path lies inside a site root) reaches it through the [`Site`]
//! trait, which the `kadr` binary implements. Nothing of the site's build depends on
//! this crate, so no code path can carry a candidate's data into `public/`.
//!
//! The pieces, from the outside in:
//! - [`commands`]: what each `kadr bank …` command does, in the order every command
//!   opens the store (the `kadr` binary parses their flags);
//! - [`store`]: the encrypted store (schema, opening, every read and change, backups);
//! - [`audit`]: the append-only, hash-chained audit log inside the store, whose entries
//!   carry the rows they changed ([`state`]), and its head kept outside it ([`head`]);
//! - [`keys`], [`key`]: the key slots that each user's passphrase opens (Argon2id), and
//!   the keys, wiped from memory after use;
//! - [`candidate`], [`iin`], [`score`]: a candidate file, its validation (B3, B4, B6)
//!   and the competition-score formulas (C-score);
//! - [`eligibility`]: who may be appointed to a vacancy, and in which order (B9, B10);
//! - [`rules`]: the rules the commands enforce, one module per rule id (B5, B6, B9,
//!   B11, K20), each rule a function named by it;
//! - [`messages`]: the text of every message in English, Kazakh and Russian;
//! - [`form`]: the annex form of an approved list, as printable HTML and as CSV (B-form).

pub mod audit;
pub mod candidate;
pub mod commands;
pub mod eligibility;
pub mod error;
pub mod form;
pub mod head;
pub use kadr_common::iin;
pub mod key;
pub mod keys;
pub mod messages;
pub mod rules;
pub mod score;
pub mod site;
pub mod state;
pub mod store;

pub use error::{Error, Refusal};
pub use messages::MessageLang;
pub use site::{Site, VacancyInfo};
