//! Tools for the git-based review of postings (RULES.md K26: a second person checks a
//! posting before it goes live): `kadr diff` compares the working tree with a git
//! revision and prints what changed for a pull- or merge-request comment
//! ([`diff`], [`markdown`], [`git`]); `kadr schema` writes the JSON Schemas editors use
//! to complete and validate records as staff type ([`schema`]); `kadr new vacancy`
//! writes a new posting with every field in place ([`new`]).
//!
//! None of this is part of the build: it reads sites with the one loader and changes
//! nothing but the files it is asked to write.

pub mod diff;
pub mod git;
pub mod markdown;
pub mod new;
pub mod schema;
