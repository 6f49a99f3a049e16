//! JSON Schemas of the record files (`kadr schema`), so that an editor (VS Code with the
//! YAML extension, or any editor using yaml-language-server) completes field names and
//! flags a wrong field or value while HR staff type, before `kadr check` runs. Every
//! record file starts with a `# yaml-language-server: $schema=…` line naming its schema
//! ([`header`]).
//!
//! The schemas are made from the records' field tables (`kadr_model::fields`): their
//! fields, which are required, what each means, and each shape's constraints, which
//! express in JSON Schema whatever `kadr check` refuses and JSON Schema can say (a
//! non-blank text, an id's pattern and the ids the section's folders take, a phone or an
//! e-mail address, `https:`, a number's bounds, no placeholder ⟦…⟧ left in a vacancy).
//! They use only standard keywords (they compile in ajv's strict mode). The loader and
//! `kadr check` stay the authority: a schema can only warn earlier.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};

use kadr_model::fields::{self, Field, Refers, Shape};

/// The record kinds that have a schema, one file each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Vacancy,
    Unit,
    Requirement,
    Categories,
    Site,
    Calendar,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Vacancy,
        Kind::Unit,
        Kind::Requirement,
        Kind::Categories,
        Kind::Site,
        Kind::Calendar,
    ];

    /// The schema's file name, e.g. `vacancy.schema.json`.
    pub fn file_name(self) -> &'static str {
        match self {
            Kind::Vacancy => "vacancy.schema.json",
            Kind::Unit => "unit.schema.json",
            Kind::Requirement => "requirement.schema.json",
            Kind::Categories => "categories.schema.json",
            Kind::Site => "site.schema.json",
            Kind::Calendar => "calendar.schema.json",
        }
    }

    /// The kind of record a file holds, from its path relative to the site root (as
    /// the loader decides it: SPEC.md "A site on disk").
    pub fn of_path(rel: &str) -> Option<Kind> {
        let rest = rel.strip_prefix("content/")?;
        if !rest.ends_with(".yaml") {
            return None;
        }
        let flat = |dir: &str| rest.strip_prefix(dir).is_some_and(|f| !f.contains('/'));
        match rest {
            "site.yaml" => Some(Kind::Site),
            "categories.yaml" => Some(Kind::Categories),
            _ if flat("units/") => Some(Kind::Unit),
            _ if flat("requirements/") => Some(Kind::Requirement),
            _ if flat("calendar/") => Some(Kind::Calendar),
            _ if rest.starts_with("vacancies/") => Some(Kind::Vacancy),
            _ => None,
        }
    }

    /// The schema, as a JSON value.
    pub fn schema(self) -> Value {
        let (title, description, object) = match self {
            Kind::Vacancy => (
                "kadr vacancy",
                "A vacant leadership position (content/vacancies/YEAR/ID.yaml)",
                object(fields::VACANCY, Strictness::Posting),
            ),
            Kind::Unit => (
                "kadr unit",
                "An organisational unit (content/units/ID.yaml)",
                object(fields::UNIT, Strictness::Settings),
            ),
            Kind::Requirement => (
                "kadr qualification requirements",
                "Qualification requirements for position categories (content/requirements/ID.yaml, P5)",
                object(fields::REQUIREMENT, Strictness::Settings),
            ),
            Kind::Categories => (
                "kadr position categories",
                "The position categories (content/categories.yaml, P3)",
                json!({
                    "type": "array",
                    "items": object(fields::CATEGORY, Strictness::Settings),
                }),
            ),
            Kind::Site => (
                "kadr site settings",
                "Site settings (content/site.yaml)",
                object(fields::SITE, Strictness::Settings),
            ),
            Kind::Calendar => (
                "kadr working-day calendar",
                "Kazakhstan's working-day calendar for one year (content/calendar/YEAR.yaml, P4)",
                object(fields::CALENDAR, Strictness::Settings),
            ),
        };
        let mut schema = Map::new();
        schema.insert("$schema".into(), META_SCHEMA.into());
        schema.insert("title".into(), title.into());
        schema.insert("description".into(), description.into());
        if let Value::Object(object) = object {
            schema.extend(object);
        }
        Value::Object(schema)
    }

    /// The schema as the text of its file: pretty JSON and a final newline.
    pub fn schema_text(self) -> String {
        let mut text = serde_json::to_string_pretty(&self.schema())
            .unwrap_or_else(|_| unreachable!("a schema is plain JSON"));
        text.push('\n');
        text
    }
}

const META_SCHEMA: &str = "https://json-schema.org/draft/2020-12/schema";

/// Record ids: lower-case Latin letters, digits and hyphens (as `check::ids::is_slug`).
const SLUG: &str = r"^[a-z0-9]([a-z0-9-]{0,98}[a-z0-9])?$";
/// Category codes: ASCII letters, digits and hyphens (a Cyrillic look-alike is wrong).
const CODE: &str = r"^[A-Za-z0-9-]{1,32}$";
/// A Kazakhstan number: +7 and ten more digits, grouped by spaces, hyphens or brackets
/// (as `check::site::is_phone`).
const PHONE: &str = r"^\+7[ ()-]*([0-9][ ()-]*){10}$";
/// `local@domain.tld`, ASCII (as `check::site::is_email`).
const EMAIL: &str = r"^[A-Za-z0-9%+_-]+(\.[A-Za-z0-9%+_-]+)*@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$";
/// A placeholder `kadr init` writes: the whole value between ⟦ and ⟧.
const PLACEHOLDER: &str = r"^⟦[^⟧]*⟧$";
/// A date written YYYY-MM-DD.
const DATE: &str = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";
/// The ids that name folders of the section: no vacancy may take them.
use kadr_model::RESERVED_VACANCY_IDS as RESERVED_IDS;

/// How a record's texts are judged. A posting's placeholders (⟦…⟧, from `kadr new`) are
/// errors; the settings' (from `kadr init`) are warnings, so their schema accepts them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Strictness {
    Posting,
    Settings,
}

/// An object schema with a property for each field of `table`.
fn object<R>(table: &[Field<R>], strictness: Strictness) -> Value {
    let mut properties = Map::new();
    for f in table {
        let mut property = shape(f.shape, strictness);
        if let Value::Object(p) = &mut property {
            p.insert("description".into(), f.doc.into());
        }
        properties.insert(f.name.into(), property);
    }
    let required: Vec<&str> = table
        .iter()
        .filter(|f| f.required)
        .map(|f| f.name)
        .collect();
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": required,
        "properties": properties,
    })
}

/// A string that is not blank (and in a posting holds no placeholder).
fn words(strictness: Strictness) -> Value {
    match strictness {
        Strictness::Posting => json!({
            "type": "string",
            "pattern": r"\S",
            "not": { "pattern": "⟦" },
        }),
        Strictness::Settings => json!({ "type": "string", "pattern": r"\S" }),
    }
}

/// A text in both languages.
fn text(strictness: Strictness) -> Value {
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["kk", "ru"],
        "properties": {
            "kk": words(strictness),
            "ru": words(strictness),
        },
    })
}

fn pattern(p: &str) -> Value {
    json!({ "type": "string", "pattern": p })
}

/// A string of pattern `p`, or (in the settings) a placeholder to fill in.
fn or_placeholder(p: &str, strictness: Strictness) -> Value {
    match strictness {
        Strictness::Posting => pattern(p),
        Strictness::Settings => json!({ "type": "string", "anyOf": [
            { "pattern": p },
            { "pattern": PLACEHOLDER },
        ] }),
    }
}

fn shape(shape: Shape, strictness: Strictness) -> Value {
    match shape {
        Shape::Id => match strictness {
            Strictness::Posting => json!({
                "type": "string",
                "pattern": SLUG,
                "not": { "enum": RESERVED_IDS },
            }),
            Strictness::Settings => pattern(SLUG),
        },
        Shape::Code | Shape::Ref(Refers::Category) => pattern(CODE),
        Shape::Ref(Refers::Unit | Refers::Requirement) => pattern(SLUG),
        Shape::Choice(names) => json!({ "type": "string", "enum": names }),
        Shape::Text | Shape::Markdown => text(strictness),
        Shape::Date => pattern(DATE),
        Shape::Int { min, max } => json!({ "type": "integer", "minimum": min, "maximum": max }),
        Shape::Year => json!({ "type": "integer", "minimum": 2000, "maximum": 2100 }),
        Shape::Bool => json!({ "type": "boolean" }),
        Shape::HttpsUrl => pattern(r"^https://[^\s/?#][^\s]*$"),
        Shape::BaseUrl => or_placeholder(r"^https?://[^/\s?#][^\s?#]*$", strictness),
        Shape::Contacts => json!({
            "type": "object",
            "additionalProperties": false,
            "properties": {
                "phone": or_placeholder(PHONE, strictness),
                "email": or_placeholder(EMAIL, strictness),
                "person": text(strictness),
            },
        }),
        Shape::Salary => {
            let tenge = json!({ "type": "integer", "minimum": 1, "maximum": u32::MAX });
            json!({
                "type": "object",
                "additionalProperties": false,
                "required": ["min"],
                "properties": { "min": tenge.clone(), "max": tenge },
            })
        }
        Shape::TextList => json!({ "type": "array", "minItems": 1, "items": text(strictness) }),
        Shape::PostalCode => pattern(r"^[0-9]{6}$"),
        Shape::StaticFile => pattern(r"^[^/\\][^\\]*[^/\\]$|^[^/\\]$"),
        Shape::Codes => json!({
            "type": "array",
            "minItems": 1,
            "uniqueItems": true,
            "items": pattern(CODE),
        }),
        Shape::Languages => json!({
            "type": "array",
            "items": { "type": "string", "enum": ["kk", "ru"] },
            "minItems": 2,
            "maxItems": 2,
            "uniqueItems": true,
        }),
        Shape::Section => {
            let names = json!({
                "type": "object",
                "additionalProperties": false,
                "required": ["parent", "title", "slug"],
                "properties": {
                    "parent": words(strictness),
                    "title": words(strictness),
                    "slug": pattern(SLUG),
                },
            });
            json!({
                "type": "object",
                "additionalProperties": false,
                "required": ["kk", "ru"],
                "properties": { "kk": names.clone(), "ru": names },
            })
        }
        Shape::NamedDays => json!({
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": false,
                "required": ["date", "name"],
                "properties": { "date": pattern(DATE), "name": text(strictness) },
            },
        }),
        Shape::Transfers => json!({
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": false,
                "required": ["rest_on", "work_on"],
                "properties": { "rest_on": pattern(DATE), "work_on": pattern(DATE) },
            },
        }),
    }
}

/// The first line of a record file at `rel` (relative to the site root): the schema
/// comment for yaml-language-server, with the path from the file to `schemas/` at the
/// site root.
pub fn header(kind: Kind, rel: &str) -> String {
    let depth = rel.matches('/').count();
    format!(
        "# yaml-language-server: $schema={}schemas/{}",
        "../".repeat(depth),
        kind.file_name()
    )
}

/// Writes every schema into `dir` (created if needed); returns the files written.
pub fn write_all(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for kind in Kind::ALL {
        let path = dir.join(kind.file_name());
        std::fs::write(&path, kind.schema_text())?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kadr_load::records;
    use kadr_model::{Authority, Status};

    /// The property names of the record schema of `kind` (for categories: of one entry).
    fn properties(kind: Kind) -> Vec<String> {
        let schema = kind.schema();
        let object = match kind {
            Kind::Categories => &schema["items"],
            _ => &schema,
        };
        let mut names: Vec<String> = object["properties"]
            .as_object()
            .expect("properties")
            .keys()
            .cloned()
            .collect();
        names.sort();
        names
    }

    fn sorted(fields: &[&str]) -> Vec<String> {
        let mut names: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
        names.sort();
        names
    }

    #[test]
    fn schemas_name_exactly_the_fields_the_loader_reads() {
        assert_eq!(properties(Kind::Vacancy), sorted(records::VACANCY_FIELDS));
        assert_eq!(properties(Kind::Unit), sorted(records::UNIT_FIELDS));
        assert_eq!(
            properties(Kind::Requirement),
            sorted(records::REQUIREMENT_FIELDS)
        );
        assert_eq!(
            properties(Kind::Categories),
            sorted(records::CATEGORY_FIELDS)
        );
        assert_eq!(properties(Kind::Site), sorted(records::SITE_FIELDS));
        assert_eq!(properties(Kind::Calendar), sorted(records::CALENDAR_FIELDS));
    }

    #[test]
    fn schemas_refuse_unknown_fields() {
        for kind in Kind::ALL {
            let schema = kind.schema();
            let object = match kind {
                Kind::Categories => &schema["items"],
                _ => &schema,
            };
            assert_eq!(object["additionalProperties"], false, "{kind:?}");
        }
    }

    #[test]
    fn choices_are_the_models_names() {
        let vacancy = Kind::Vacancy.schema();
        assert_eq!(
            vacancy["properties"]["status"]["enum"],
            serde_json::json!(Status::NAMES)
        );
        assert_eq!(
            vacancy["properties"]["appointing_authority"]["enum"],
            serde_json::json!(Authority::NAMES)
        );
    }

    #[test]
    fn the_header_points_from_the_file_to_the_schemas_folder() {
        assert_eq!(
            header(
                Kind::Vacancy,
                "content/vacancies/2026/2026-dp-almaty-0142.yaml"
            ),
            "# yaml-language-server: $schema=../../../schemas/vacancy.schema.json"
        );
        assert_eq!(
            header(Kind::Site, "content/site.yaml"),
            "# yaml-language-server: $schema=../schemas/site.schema.json"
        );
    }

    #[test]
    fn kinds_follow_where_a_file_lies() {
        let cases = [
            ("content/site.yaml", Some(Kind::Site)),
            ("content/categories.yaml", Some(Kind::Categories)),
            ("content/units/dp-almaty.yaml", Some(Kind::Unit)),
            ("content/requirements/x.yaml", Some(Kind::Requirement)),
            ("content/calendar/2026.yaml", Some(Kind::Calendar)),
            ("content/vacancies/2026/a.yaml", Some(Kind::Vacancy)),
            ("content/units/sub/x.yaml", None),
            ("content/notes.txt", None),
            ("themes/default/x.yaml", None),
        ];
        for (path, kind) in cases {
            assert_eq!(Kind::of_path(path), kind, "{path}");
        }
    }
}
