//! JSON Schemas of the record files (`kadr schema`), so that an editor (VS Code with the
//! YAML extension, or any editor using yaml-language-server) completes field names and
//! flags a wrong field or value while HR staff type, before `kadr check` runs. Every
//! record file starts with a `# yaml-language-server: $schema=…` line naming its schema
//! ([`header`]).
//!
//! The schemas are derived (schemars) from schema-only mirror types below, not from the
//! model, whose values carry positions. The mirrors follow `load::records`' field lists
//! (a test keeps them equal) and the model's names of choices (`Status::NAMES` …). The
//! loader and `kadr check` stay the authority: a schema can only warn earlier.

use std::path::{Path, PathBuf};

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use kadr_model::{Authority, PlacedBy, Status, UnitKind};

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
    pub fn schema(self) -> Schema {
        let mut generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
        match self {
            Kind::Vacancy => generator.into_root_schema_for::<Vacancy>(),
            Kind::Unit => generator.into_root_schema_for::<Unit>(),
            Kind::Requirement => generator.into_root_schema_for::<Requirement>(),
            Kind::Categories => {
                let mut schema = generator.subschema_for::<Vec<Category>>();
                let defs = generator.take_definitions(true);
                schema.insert("$schema".into(), META_SCHEMA.into());
                schema.insert(
                    "title".into(),
                    "kadr position categories (content/categories.yaml)".into(),
                );
                schema.insert("$defs".into(), defs.into());
                schema
            }
            Kind::Site => generator.into_root_schema_for::<Site>(),
            Kind::Calendar => generator.into_root_schema_for::<CalendarYear>(),
        }
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

// The mirror types. Their doc comments become the descriptions an editor shows.

fn choice(names: &[&str], description: &str) -> Schema {
    json_schema!({ "type": "string", "enum": names, "description": description })
}

fn status(_: &mut SchemaGenerator) -> Schema {
    choice(
        Status::NAMES,
        "draft: checked, not published; open: published, accepting applications; closed, filled, cancelled: in the archive",
    )
}

fn authority(_: &mut SchemaGenerator) -> Schema {
    choice(
        Authority::NAMES,
        "Who appoints to the position (P3): the minister, a deputy minister, or the head of a territorial unit",
    )
}

fn placed_by(_: &mut SchemaGenerator) -> Schema {
    choice(
        PlacedBy::NAMES,
        "Who placed the posting (P4): the HR service, or the information unit on HR's recommendation",
    )
}

fn unit_kind(_: &mut SchemaGenerator) -> Schema {
    choice(UnitKind::NAMES, "central apparatus or territorial unit")
}

fn languages(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "array",
        "items": { "type": "string", "enum": ["kk", "ru"] },
        "minItems": 2,
        "maxItems": 2,
        "uniqueItems": true,
        "description": "The site's languages; the first is the default"
    })
}

/// Record ids: lower-case Latin letters, digits and hyphens (as `check::ids::is_slug`).
const SLUG: &str = r"^[a-z0-9]([a-z0-9-]{0,98}[a-z0-9])?$";
/// Category codes: ASCII letters, digits and hyphens (a Cyrillic look-alike is wrong).
const CODE: &str = r"^[A-Za-z0-9-]{1,32}$";

/// A text in both languages: Kazakh (`kk`) and Russian (`ru`), neither empty.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct Text {
    /// Kazakh, the state language
    #[schemars(length(min = 1))]
    kk: String,
    /// Russian
    #[schemars(length(min = 1))]
    ru: String,
}

/// A date written YYYY-MM-DD.
#[derive(JsonSchema)]
#[schemars(extend("format" = "date", "pattern" = r"^\d{4}-\d{2}-\d{2}$"))]
#[allow(dead_code)]
struct Date(String);

/// Phone and e-mail.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct Contacts {
    /// e.g. "+7 727 000 00 00"
    phone: Option<String>,
    email: Option<String>,
}

/// A vacant leadership position (content/vacancies/YEAR/ID.yaml).
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, title = "kadr vacancy")]
#[allow(dead_code)]
struct Vacancy {
    /// Equals the file name without .yaml, e.g. 2026-dp-almaty-0142
    #[schemars(regex(pattern = SLUG))]
    id: String,
    #[schemars(schema_with = "status")]
    status: String,
    /// A file name in content/units/ (without .yaml)
    #[schemars(regex(pattern = SLUG))]
    unit: String,
    /// A leadership category code from content/categories.yaml (P3)
    #[schemars(regex(pattern = CODE))]
    category: String,
    #[schemars(schema_with = "authority")]
    appointing_authority: String,
    #[schemars(schema_with = "placed_by")]
    placed_by: String,
    /// The position's title
    position: Text,
    /// A record in content/requirements/ that covers the category (P5)
    #[schemars(regex(pattern = SLUG))]
    requirements: String,
    /// Duties (Markdown)
    duties: Text,
    /// Salary and terms (Markdown)
    conditions: Option<Text>,
    /// What to submit and how (Markdown)
    documents: Text,
    /// The day the vacancy arose
    arose_on: Date,
    /// At most 3 working days after arose_on (P4)
    published_on: Date,
    /// The last change to a published posting
    updated_on: Option<Date>,
    /// Why the posting is late (P4); only when published_on is late
    late_reason: Option<Text>,
    /// The last day to apply (inclusive)
    deadline: Date,
    /// The unit's contacts when absent
    contacts: Option<Contacts>,
    /// A link to the competition on an external portal (C2), https only
    #[schemars(regex(pattern = r"^https://\S+$"))]
    competition_url: Option<String>,
}

/// An organisational unit (content/units/ID.yaml).
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, title = "kadr unit")]
#[allow(dead_code)]
struct Unit {
    /// Equals the file name without .yaml, e.g. dp-almaty
    #[schemars(regex(pattern = SLUG))]
    id: String,
    #[schemars(schema_with = "unit_kind")]
    kind: String,
    name: Text,
    address: Text,
    contacts: Contacts,
}

/// A position category.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct Category {
    /// ASCII letters, digits and hyphens, e.g. C-2
    #[schemars(regex(pattern = CODE))]
    code: String,
    name: Text,
    /// Only leadership categories may be published (P3)
    leadership: bool,
}

/// Qualification requirements for position categories (content/requirements/ID.yaml, P5).
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, title = "kadr qualification requirements")]
#[allow(dead_code)]
struct Requirement {
    /// Equals the file name without .yaml
    #[schemars(regex(pattern = SLUG))]
    id: String,
    /// The category codes this record covers
    categories: Vec<CategoryCode>,
    /// The legal act the requirements come from
    source: Text,
    education: Text,
    experience: Text,
    /// Further requirements (Markdown)
    other: Option<Text>,
}

/// A category code from content/categories.yaml.
#[derive(JsonSchema)]
#[schemars(extend("pattern" = CODE))]
#[allow(dead_code)]
struct CategoryCode(String);

/// The section and subsection names and URL slug in one language (P3).
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct SectionNames {
    parent: String,
    title: String,
    #[schemars(regex(pattern = SLUG))]
    slug: String,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct Section {
    kk: SectionNames,
    ru: SectionNames,
}

/// Site settings (content/site.yaml).
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, title = "kadr site settings")]
#[allow(dead_code)]
struct Site {
    title: Text,
    /// Absolute, e.g. https://example.gov.kz/qriim (P2)
    #[schemars(regex(pattern = r"^https?://[^/\s?#][^\s?#]*$"))]
    base_url: String,
    #[schemars(schema_with = "languages")]
    languages: Vec<String>,
    section: Section,
    /// How many working days after arose_on a posting may be published (P4)
    #[schemars(range(min = 1, max = 30))]
    publish_within_working_days: u32,
}

/// A day off with its name.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct NamedDay {
    date: Date,
    name: Text,
}

/// A government day transfer: rest_on (a weekday) is a day off, work_on (a weekend
/// day) a working day.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct Transfer {
    rest_on: Date,
    work_on: Date,
}

/// Kazakhstan's working-day calendar for one year (content/calendar/YEAR.yaml, P4).
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, title = "kadr working-day calendar")]
#[allow(dead_code)]
struct CalendarYear {
    #[schemars(range(min = 1900, max = 2200))]
    year: u16,
    /// Public holidays, each on its own date, also on a weekend (kadr carries the day off over)
    holidays: Vec<NamedDay>,
    /// Days off that never carry over (7 January, the first day of Kurban Ait)
    days_off: Option<Vec<NamedDay>>,
    transfers: Option<Vec<Transfer>>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use kadr_load::records;

    /// The property names of the record schema of `kind` (for categories: of one entry).
    fn properties(kind: Kind) -> Vec<String> {
        let schema = kind.schema().to_value();
        let object = match kind {
            Kind::Categories => &schema["$defs"]["Category"],
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
            let schema = kind.schema().to_value();
            let object = match kind {
                Kind::Categories => &schema["$defs"]["Category"],
                _ => &schema,
            };
            assert_eq!(object["additionalProperties"], false, "{kind:?}");
        }
    }

    #[test]
    fn choices_are_the_models_names() {
        let vacancy = Kind::Vacancy.schema().to_value();
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
