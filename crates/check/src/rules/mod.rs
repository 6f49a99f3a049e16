//! The legal rules of RULES.md that the site check enforces, one module per rule id,
//! each rule a function named by that id (`p4_deadline`, `c2_competition_url` …), so
//! that `grep -rn "fn p4" crates/` finds every check of P4:
//!
//! - [`p2`]: the site is the ministry's web resource, served under its base URL;
//! - [`p3`]: leadership positions only, appointed by whom P3 names, in its section;
//! - [`p4`]: published within N working days, in Kazakh and Russian, fully written;
//! - [`p5`]: the qualification requirements cover the vacancy's category;
//! - [`b12`]: no personal data (an ИИН) in anything published;
//! - [`c2`]: a competition link goes to an external portal over HTTPS.
//!
//! What is not a rule stays beside this module: ids, references, dates, contacts,
//! Markdown, and the ИИН scan (`iin`, `published`) that `b12` calls.

pub mod b12;
pub mod c2;
pub mod p2;
pub mod p3;
pub mod p4;
pub mod p5;
