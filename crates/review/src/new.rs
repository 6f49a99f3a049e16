//! `kadr new vacancy`: a new vacancy file with every field in place, so that an HR
//! officer fills in a form instead of copying another posting (and its leftovers). It
//! takes the next free id of the unit for the year, today's dates, the unit's contacts
//! and the qualification requirements that cover the category (P5); every text is an
//! instruction between ⟦ and ⟧ in its language, which `kadr check` refuses until it is
//! replaced (P4, `check::rules::p4::p4_stubs`). The new posting is a `draft`: checked,
//! not published.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use jiff::ToSpan;
use jiff::civil::Date;

use crate::schema;
use kadr_check::{p3_is_leadership, p3_may_appoint, p5_covers};
use kadr_diagnostic::{Message, Messages};
use kadr_load::{self as load, LoadError, Loaded};
use kadr_model::fields::{self, New, Refers, Shape};
use kadr_model::{Authority, Lookup, Requirement, UnitKind};
use kadr_model::{STUB_CLOSE, STUB_OPEN};

/// What `kadr new vacancy` was asked for.
#[derive(Debug, Clone)]
pub struct NewVacancy {
    pub unit: String,
    pub category: String,
    /// By default the head of a territorial unit; a central-apparatus position needs it
    /// named (the minister or a deputy minister, P3).
    pub authority: Option<Authority>,
    pub today: Date,
}

/// The authority named `name` (one of `Authority::NAMES`).
pub fn authority_named(name: &str) -> Option<Authority> {
    [
        Authority::Minister,
        Authority::DeputyMinister,
        Authority::TerritorialHead,
    ]
    .into_iter()
    .find(|a| a.name() == name)
}

/// The file written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub id: String,
    /// Relative to the site root, with `/`.
    pub path: String,
}

/// Why `kadr new vacancy` wrote nothing.
#[derive(Debug)]
pub enum NewError {
    Load(LoadError),
    /// No unit of that id; the ids there are.
    UnknownUnit {
        unit: String,
        known: Vec<String>,
    },
    /// No category of that code; the leadership ones there are.
    UnknownCategory {
        code: String,
        leadership: Vec<String>,
    },
    /// P3: only leadership positions are published.
    NotLeadership {
        code: String,
    },
    /// P5: no requirement record covers the category.
    NoRequirement {
        code: String,
    },
    /// P3: the head of a territorial unit does not appoint in the central apparatus.
    TerritorialHeadInCentral {
        unit: String,
    },
    /// P3: in the central apparatus, the minister or a deputy minister appoints, and
    /// which one must be said.
    AuthorityNeeded {
        unit: String,
    },
    /// A date the file would hold is beyond the calendar (`--today` near year 9999).
    DateOutOfRange(jiff::Error),
    /// The file or its folder cannot be written.
    Io {
        action: &'static str,
        path: PathBuf,
        error: std::io::Error,
    },
}

impl NewError {
    /// The reason as a message of the catalogue.
    pub fn message(&self) -> Message {
        let join = |list: &[String]| list.join(", ");
        match self {
            NewError::Load(e) => e.message(),
            NewError::UnknownUnit { unit, known } => Message::new("new-unknown-unit")
                .arg("unit", unit.as_str())
                .arg("known", join(known)),
            NewError::UnknownCategory { code, leadership } => Message::new("new-unknown-category")
                .arg("code", code.as_str())
                .arg("known", join(leadership)),
            NewError::NotLeadership { code } => {
                Message::new("new-not-leadership").arg("code", code.as_str())
            }
            NewError::NoRequirement { code } => {
                Message::new("new-no-requirement").arg("code", code.as_str())
            }
            NewError::TerritorialHeadInCentral { unit } => {
                Message::new("new-territorial-head-in-central").arg("unit", unit.as_str())
            }
            NewError::AuthorityNeeded { unit } => {
                Message::new("new-authority-needed").arg("unit", unit.as_str())
            }
            NewError::DateOutOfRange(e) => {
                Message::new("new-date-out-of-range").arg("detail", e.to_string())
            }
            NewError::Io {
                action,
                path,
                error,
            } => load::io_message(action, path, error),
        }
    }
}

impl std::fmt::Display for NewError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&Messages::english(&self.message()))
    }
}

impl std::error::Error for NewError {}

/// Writes the new vacancy into the site at `root`. An unknown unit or category, a
/// category that is not a leadership one, or one that no requirement covers, is refused
/// with the reason.
pub fn new_vacancy(root: &Path, request: &NewVacancy) -> Result<Written, NewError> {
    let loaded = load::load(root).map_err(NewError::Load)?;
    let text = vacancy_yaml(&loaded, request)?;
    let id = next_id(&loaded, request.today.year(), &request.unit);
    let rel = format!("content/vacancies/{}/{id}.yaml", request.today.year());
    let header = schema::header(schema::Kind::Vacancy, &rel);
    let path: PathBuf = root.join(&rel);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|error| NewError::Io {
            action: "create",
            path: dir.to_path_buf(),
            error,
        })?;
    }
    // `create_new`: never overwrite a posting, even one written a moment ago.
    let cannot_write = |error| NewError::Io {
        action: "write",
        path: PathBuf::from(&rel),
        error,
    };
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(cannot_write)?;
    file.write_all(format!("{header}\n{}", text.replace("{ID}", &id)).as_bytes())
        .map_err(cannot_write)?;
    Ok(Written { id, path: rel })
}

/// `{year}-{unit}-{NNNN}`, one above the highest number that unit used in that year,
/// in any vacancy file (a file that cannot be read still holds its number).
pub fn next_id(loaded: &Loaded, year: i16, unit: &str) -> String {
    let prefix = format!("{year}-{unit}-");
    let stems = loaded.sources.iter().filter_map(|(_, f)| {
        let name = f.path.strip_prefix("content/vacancies/")?;
        let name = name.rsplit('/').next()?;
        name.strip_suffix(".yaml").map(str::to_string)
    });
    let ids = loaded.data.vacancies.iter().map(|v| v.id.value.clone());
    let highest = stems
        .chain(ids)
        .filter_map(|s| {
            let number = s.strip_prefix(&prefix)?;
            (!number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()))
                .then(|| number.parse::<u64>().ok())
                .flatten()
        })
        .max()
        .unwrap_or(0);
    format!("{prefix}{:04}", highest + 1)
}

/// The record's text without its schema line, with `{ID}` for the id.
fn vacancy_yaml(loaded: &Loaded, request: &NewVacancy) -> Result<String, NewError> {
    let data = &loaded.data;
    let lookup = Lookup::new(data);
    let unit = lookup
        .unit(&request.unit)
        .ok_or_else(|| NewError::UnknownUnit {
            unit: request.unit.clone(),
            known: data.units.iter().map(|u| u.id.value.clone()).collect(),
        })?;
    let category = lookup
        .category(&request.category)
        .ok_or_else(|| NewError::UnknownCategory {
            code: request.category.clone(),
            leadership: data
                .categories
                .iter()
                .flat_map(|c| &c.list)
                .filter(|c| p3_is_leadership(c))
                .map(|c| c.code.value.clone())
                .collect(),
        })?;
    if !p3_is_leadership(category) {
        return Err(NewError::NotLeadership {
            code: request.category.clone(),
        });
    }
    let mut covering: Vec<&Requirement> = data
        .requirements
        .iter()
        .filter(|r| p5_covers(r, &request.category))
        .map(|r| &**r)
        .collect();
    covering.sort_by(|a, b| a.id.value.cmp(&b.id.value));
    let requirement = covering.first().ok_or_else(|| NewError::NoRequirement {
        code: request.category.clone(),
    })?;
    let authority = match (request.authority, *unit.kind) {
        (Some(a), kind) if !p3_may_appoint(a, kind) => {
            return Err(NewError::TerritorialHeadInCentral {
                unit: unit.id.value.clone(),
            });
        }
        (Some(a), _) => a,
        (None, UnitKind::Territorial) => Authority::TerritorialHead,
        (None, UnitKind::Central) => {
            return Err(NewError::AuthorityNeeded {
                unit: unit.id.value.clone(),
            });
        }
    };
    let within = data
        .site
        .as_ref()
        .map_or(3, |s| s.publish_within_working_days.value);
    let today = request.today;

    let mut y = String::new();
    let _ = writeln!(
        y,
        "# Written by `kadr new vacancy` on {today}. Replace every {STUB_OPEN}…{STUB_CLOSE} with the real text"
    );
    let _ = writeln!(
        y,
        "# in both languages: `kadr check` refuses the file until none is left."
    );
    // Every field of the vacancy's table, in its order, as the table says to write it.
    for field in fields::VACANCY {
        let name = field.name;
        match field.new {
            New::Id => y.push_str("id: {ID}\n"),
            New::Value(value, comment) => {
                let _ = writeln!(y, "{name}: {value}  # {comment}");
            }
            New::Given => {
                let value = match field.shape {
                    Shape::Ref(Refers::Unit) => unit.id.value.as_str(),
                    Shape::Ref(Refers::Category) => category.code.value.as_str(),
                    Shape::Ref(Refers::Requirement) => requirement.id.value.as_str(),
                    Shape::Choice(names) if names == Authority::NAMES => authority.name(),
                    _ => continue,
                };
                let _ = writeln!(y, "{name}: {value}");
            }
            New::Fill(kk, ru) => {
                let kk = kk.replace("{category}", &category.name.kk.value);
                let ru = ru.replace("{category}", &category.name.ru.value);
                match field.shape {
                    Shape::Markdown => block_text(&mut y, name, &kk, &ru),
                    _ => line_text(&mut y, name, &kk, &ru),
                }
            }
            New::Today(days, comment) => {
                let day = today
                    .checked_add(days.days())
                    .map_err(NewError::DateOutOfRange)?;
                let comment = comment.replace("{within}", &within.to_string());
                let _ = writeln!(y, "{name}: {day}  # {comment}");
            }
            New::UnitContacts => {
                let contacts: Vec<String> = [
                    ("phone", &unit.contacts.phone),
                    ("email", &unit.contacts.email),
                ]
                .into_iter()
                .filter_map(|(n, v)| Some(format!("{n}: {}", quoted(&v.as_ref()?.value))))
                .chain(unit.contacts.person.as_ref().map(|p| {
                    format!(
                        "person: {{kk: {}, ru: {}}}",
                        quoted(&p.kk.value),
                        quoted(&p.ru.value)
                    )
                }))
                .collect();
                if !contacts.is_empty() {
                    let _ = writeln!(
                        y,
                        "{name}: {{{}}}  # the unit's; change them if this posting has its own",
                        contacts.join(", ")
                    );
                }
            }
            New::Example(example) => {
                let _ = writeln!(y, "# {name}: {example}");
            }
            New::Omit => {}
        }
    }
    Ok(y)
}

fn stub(instruction: &str) -> String {
    format!("{STUB_OPEN}{instruction}{STUB_CLOSE}")
}

/// A YAML double-quoted scalar (JSON's string syntax is a subset of it).
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| unreachable!("a string always serialises"))
}

fn line_text(y: &mut String, field: &str, kk: &str, ru: &str) {
    let _ = writeln!(y, "{field}:");
    let _ = writeln!(y, "  kk: {}", quoted(&stub(kk)));
    let _ = writeln!(y, "  ru: {}", quoted(&stub(ru)));
}

fn block_text(y: &mut String, field: &str, kk: &str, ru: &str) {
    let _ = writeln!(y, "{field}:");
    let _ = writeln!(y, "  kk: |\n    {}", stub(kk));
    let _ = writeln!(y, "  ru: |\n    {}", stub(ru));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Loaded {
        load::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
            .expect("the sample site loads")
    }

    #[test]
    fn the_next_id_is_one_above_the_units_highest_that_year() {
        let loaded = sample();
        // content/vacancies/2026/ has dp-almaty-0142 and -0149.
        assert_eq!(next_id(&loaded, 2026, "dp-almaty"), "2026-dp-almaty-0150");
        assert_eq!(next_id(&loaded, 2027, "dp-almaty"), "2027-dp-almaty-0001");
        // `dp` is a prefix of other units' ids, not a unit with numbers of its own.
        assert_eq!(next_id(&loaded, 2026, "dp"), "2026-dp-0001");
    }

    #[test]
    fn a_central_position_needs_its_appointing_authority_named() {
        let loaded = sample();
        let request = NewVacancy {
            unit: "central-apparatus".into(),
            category: "C-1".into(),
            authority: None,
            today: Date::constant(2026, 11, 27),
        };
        let err = vacancy_yaml(&loaded, &request).unwrap_err();
        assert!(
            matches!(&err, NewError::AuthorityNeeded { unit } if unit == "central-apparatus"),
            "{err:?}"
        );
        assert!(err.to_string().contains("--authority"), "{err}");
    }

    #[test]
    fn every_text_is_a_placeholder_and_the_record_parses() {
        let loaded = sample();
        let request = NewVacancy {
            unit: "dp-almaty".into(),
            category: "C-3".into(),
            authority: None,
            today: Date::constant(2026, 11, 27),
        };
        let text = vacancy_yaml(&loaded, &request)
            .unwrap()
            .replace("{ID}", "x");
        assert!(kadr_load::yaml::parse(&text).is_ok(), "{text}");
        let stubs = text
            .lines()
            .filter(|l| !l.starts_with('#') && l.contains(STUB_OPEN))
            .count();
        assert_eq!(stubs, 10, "five texts in two languages\n{text}");
        assert!(text.contains("deadline: 2026-12-11"), "{text}");
        assert!(
            text.contains("appointing_authority: territorial_head"),
            "{text}"
        );
    }
}
