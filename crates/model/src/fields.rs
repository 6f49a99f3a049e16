//! One field table per record kind: the fields a record file may have, in the order a
//! file writes them, each with its shape, whether it is required, what it means, what
//! `kadr new` writes for it, and how to read its value back from a record. The loader
//! takes its known field names from here (and suggests from them), `kadr schema` makes
//! the JSON Schemas from it, `kadr diff` compares records field by field with it, and
//! `kadr new vacancy` writes its template from it: adding a field is one edit here (and
//! the loader's reading of it, which a test holds to this table).

use crate::{
    Authority, CalendarYear, Category, Contacts, PlacedBy, Requirement, Site, Status, Text, Unit,
    UnitKind, Vacancy,
};

/// What a field holds, as a file writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// The record's id: lower-case Latin letters, digits and hyphens, equal to the file
    /// name.
    Id,
    /// A category code: ASCII letters, digits and hyphens.
    Code,
    /// The id of a record of another kind.
    Ref(Refers),
    /// One of fixed names.
    Choice(&'static [&'static str]),
    /// A text in both languages, one line.
    Text,
    /// A text in both languages, Markdown.
    Markdown,
    /// A date, `YYYY-MM-DD`.
    Date,
    /// A whole number within bounds.
    Int {
        min: i64,
        max: i64,
    },
    Bool,
    /// An `https:` address.
    HttpsUrl,
    /// The absolute address the site is served under.
    BaseUrl,
    /// `{phone, email, person: {kk, ru}}`.
    Contacts,
    /// `{min, max}`: tenge a month before tax, `max` optional.
    Salary,
    /// A list of texts in both languages, in order.
    TextList,
    /// A postcode: six digits.
    PostalCode,
    /// A file of the theme's static files (`themes/default/static/`).
    StaticFile,
    /// A list of category codes.
    Codes,
    /// The site's two languages, the default first.
    Languages,
    /// The section and subsection names and slugs per language (P3).
    Section,
    /// A list of named days `{date, name}`.
    NamedDays,
    /// A list of day transfers `{rest_on, work_on}`.
    Transfers,
    /// A calendar year.
    Year,
}

/// The kind of record a [`Shape::Ref`] names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refers {
    Unit,
    Category,
    Requirement,
}

/// What `kadr new vacancy` writes for a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum New {
    /// The new record's id.
    Id,
    /// A fixed value, with a comment.
    Value(&'static str, &'static str),
    /// The unit, category, requirement record or appointing authority the command was
    /// given or chose.
    Given,
    /// A text to fill in: the instruction in Kazakh and in Russian, written as a
    /// placeholder (⟦…⟧) that `check` refuses until it is replaced; `{category}` stands
    /// for the category's name in that language.
    Fill(&'static str, &'static str),
    /// The command's date plus this many days, with a comment (`{within}` stands for
    /// the site's number of working days of P4).
    Today(i64, &'static str),
    /// The unit's contacts, to change if the posting has its own.
    UnitContacts,
    /// A commented-out example line, for an optional field.
    Example(&'static str),
    /// Nothing: the field is for later (an update, a reason for lateness).
    Omit,
}

/// A field's value in a record, for comparing two versions of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Missing,
    Plain(String),
    Text {
        kk: String,
        ru: String,
    },
    /// A value made of named parts (each compared on its own, as `field.part`; a part
    /// named "" is the field itself).
    Parts(Vec<(&'static str, Value)>),
}

impl Value {
    fn text(t: &Text) -> Value {
        Value::Text {
            kk: t.kk.value.clone(),
            ru: t.ru.value.clone(),
        }
    }

    fn text_opt(t: &Option<Text>) -> Value {
        t.as_ref().map_or(Value::Missing, Value::text)
    }

    fn plain(s: impl ToString) -> Value {
        Value::Plain(s.to_string())
    }

    fn plain_opt<T: std::fmt::Display>(s: &Option<crate::Spanned<T>>) -> Value {
        s.as_ref()
            .map_or(Value::Missing, |s| Value::plain(&s.value))
    }

    fn contacts(c: &Contacts) -> Value {
        let plain: Vec<String> = [("phone", &c.phone), ("email", &c.email)]
            .into_iter()
            .filter_map(|(name, v)| Some(format!("{name}: {}", v.as_ref()?.value)))
            .collect();
        Value::Parts(vec![
            ("", Value::Plain(plain.join(", "))),
            ("person", Value::text_opt(&c.person)),
        ])
    }

    fn text_list(list: &[Text]) -> Value {
        if list.is_empty() {
            return Value::Missing;
        }
        let join = |lang: crate::Lang| {
            list.iter()
                .enumerate()
                .map(|(i, t)| format!("{}. {}", i + 1, t.get(lang)))
                .collect::<Vec<_>>()
                .join("\n")
        };
        Value::Text {
            kk: join(crate::Lang::Kk),
            ru: join(crate::Lang::Ru),
        }
    }

    fn salary(s: &Option<crate::Salary>) -> Value {
        match s {
            None => Value::Missing,
            Some(s) => Value::Plain(match &s.max {
                Some(max) => format!("{}–{}", s.min.value, max.value),
                None => format!("{}–", s.min.value),
            }),
        }
    }
}

/// One field of a record kind `R`.
pub struct Field<R> {
    pub name: &'static str,
    pub shape: Shape,
    pub required: bool,
    /// What the field means, for the officer (editors show it from the JSON Schema).
    pub doc: &'static str,
    pub new: New,
    /// The field's value in a record.
    pub value: fn(&R) -> Value,
}

/// The names of a table's fields, in order.
pub fn names<R>(fields: &[Field<R>]) -> Vec<&'static str> {
    fields.iter().map(|f| f.name).collect()
}

macro_rules! table {
    ($(#[$meta:meta])* $names:ident, $fields:ident: $record:ty {
        $($name:literal: $shape:expr, $required:expr, $new:expr, |$r:ident| $value:expr, $doc:literal;)*
    }) => {
        $(#[$meta])*
        pub const $fields: &[Field<$record>] = &[$(Field {
            name: $name,
            shape: $shape,
            required: $required,
            doc: $doc,
            new: $new,
            value: |$r: &$record| $value,
        }),*];
        /// The field names of the table of the same kind, in order.
        pub const $names: &[&str] = &[$($name),*];
    };
}

const REQUIRED: bool = true;
const OPTIONAL: bool = false;

table! {
    /// content/vacancies/**/ID.yaml
    VACANCY_NAMES, VACANCY: Vacancy {
        "id": Shape::Id, REQUIRED, New::Id, |v| Value::plain(&v.id.value),
            "Equals the file name without .yaml, e.g. 2026-dp-almaty-0142";
        "status": Shape::Choice(Status::NAMES), REQUIRED,
            New::Value("draft", "checked, not published; set to open when the posting is ready"),
            |v| Value::plain(v.status.name()),
            "draft: checked, not published; open: published, accepting documents; closed, filled, cancelled: in the archive";
        "unit": Shape::Ref(Refers::Unit), REQUIRED, New::Given, |v| Value::plain(&v.unit.value),
            "A file name in content/units/ (without .yaml)";
        "category": Shape::Ref(Refers::Category), REQUIRED, New::Given, |v| Value::plain(&v.category.value),
            "A leadership category code from content/categories.yaml (P3)";
        "appointing_authority": Shape::Choice(Authority::NAMES), REQUIRED, New::Given,
            |v| Value::plain(v.appointing_authority.name()),
            "Who appoints to the position (P3): the minister, a deputy minister, or the head of a territorial unit";
        "placed_by": Shape::Choice(PlacedBy::NAMES), REQUIRED,
            New::Value("hr", "or information_unit (P4)"),
            |v| Value::plain(v.placed_by.name()),
            "Who placed the posting (P4): the HR service, or the state-language and information unit on HR's recommendation";
        "position": Shape::Text, REQUIRED,
            New::Fill(
                "ТОЛТЫРЫҢЫЗ: лауазымның толық атауы (санаты: {category})",
                "ЗАПОЛНИТЕ: полное наименование должности (категория: {category})",
            ),
            |v| Value::text(&v.position),
            "The position's title";
        "requirements": Shape::Ref(Refers::Requirement), REQUIRED, New::Given,
            |v| Value::plain(&v.requirements.value),
            "A record in content/requirements/ that covers the category (P5)";
        "duties": Shape::Markdown, REQUIRED,
            New::Fill(
                "ТОЛТЫРЫҢЫЗ: лауазымдық міндеттер, Markdown тізімі ретінде (әр жол «- » белгісінен басталады)",
                "ЗАПОЛНИТЕ: должностные обязанности списком Markdown (каждая строка начинается с «- »)",
            ),
            |v| Value::text(&v.duties),
            "Duties (Markdown)";
        "conditions": Shape::Markdown, OPTIONAL,
            New::Fill(
                "ТОЛТЫРЫҢЫЗ: ақшалай ризық және қызмет өткеру шарттары",
                "ЗАПОЛНИТЕ: денежное довольствие и условия прохождения службы",
            ),
            |v| Value::text_opt(&v.conditions),
            "Pay and terms of service (Markdown)";
        "documents": Shape::Markdown, REQUIRED,
            New::Fill(
                "ТОЛТЫРЫҢЫЗ: тапсырылатын құжаттар тізбесі, оларды тапсыру тәртібі мен мекенжайы",
                "ЗАПОЛНИТЕ: перечень документов, порядок и адрес их подачи",
            ),
            |v| Value::text(&v.documents),
            "What to submit and how (Markdown)";
        "arose_on": Shape::Date, REQUIRED, New::Today(0, "the day the vacancy arose"),
            |v| Value::plain(v.arose_on.value),
            "The day the vacancy arose";
        "published_on": Shape::Date, REQUIRED,
            New::Today(0, "at most {within} working days after arose_on (P4)"),
            |v| Value::plain(v.published_on.value),
            "The day the posting is placed: at most N working days after arose_on (P4)";
        "updated_on": Shape::Date, OPTIONAL, New::Omit, |v| Value::plain_opt(&v.updated_on),
            "The last change to a published posting";
        "late_reason": Shape::Text, OPTIONAL, New::Omit, |v| Value::text_opt(&v.late_reason),
            "Why the posting is late (P4); only when published_on is late";
        "deadline": Shape::Date, REQUIRED, New::Today(14, "the last day documents are accepted, inclusive"),
            |v| Value::plain(v.deadline.value),
            "The last day documents are accepted (inclusive, Asia/Almaty)";
        "contacts": Shape::Contacts, OPTIONAL, New::UnitContacts,
            |v| v.contacts.as_ref().map_or(Value::Missing, Value::contacts),
            "The unit's contacts when absent";
        "competition_url": Shape::HttpsUrl, OPTIONAL,
            New::Example("\"https://…\"  # the competition on an external portal, if any (C2)"),
            |v| Value::plain_opt(&v.competition_url),
            "A link to the competition on an external portal (C2), https only";
        "salary": Shape::Salary, OPTIONAL,
            New::Example("{min: 640000, max: 780000}  # tenge a month, before tax; state it: announcements must"),
            |v| Value::salary(&v.salary),
            "The pay, in tenge a month before tax: {min: N, max: N} (max may be left out); announcements state it";
        "max_rank": Shape::Text, OPTIONAL,
            New::Fill(
                "ТОЛТЫРЫҢЫЗ: лауазым бойынша шекті арнаулы атақ",
                "ЗАПОЛНИТЕ: предельное специальное звание по должности",
            ),
            |v| Value::text_opt(&v.max_rank),
            "The highest special rank the position carries";
        "selection": Shape::TextList, OPTIONAL,
            New::Example("[{kk: \"…\", ru: \"…\"}]  # the selection stages, when they differ from the requirement record's"),
            |v| v.selection.as_deref().map_or(Value::Missing, Value::text_list),
            "The selection stages, in order, when they differ from those of the requirement record";
    }
}

table! {
    /// content/units/ID.yaml
    UNIT_NAMES, UNIT: Unit {
        "id": Shape::Id, REQUIRED, New::Id, |u| Value::plain(&u.id.value),
            "Equals the file name without .yaml, e.g. dp-almaty";
        "kind": Shape::Choice(UnitKind::NAMES), REQUIRED, New::Given,
            |u| Value::plain(UnitKind::NAMES[*u.kind as usize]),
            "central apparatus or territorial unit";
        "name": Shape::Text, REQUIRED, New::Given, |u| Value::text(&u.name),
            "The unit's name";
        "address": Shape::Text, REQUIRED, New::Given, |u| Value::text(&u.address),
            "The street address: street and building (the postcode and the town have fields of their own)";
        "postal_code": Shape::PostalCode, OPTIONAL, New::Given, |u| Value::plain_opt(&u.postal_code),
            "The postcode, six digits";
        "region": Shape::Text, OPTIONAL, New::Given, |u| Value::text_opt(&u.region),
            "The region (облыс / область), when the town is not a city of republican status";
        "locality": Shape::Text, OPTIONAL, New::Given, |u| Value::text_opt(&u.locality),
            "The town or city";
        "contacts": Shape::Contacts, REQUIRED, New::Given, |u| Value::contacts(&u.contacts),
            "Phone and e-mail of the unit's HR service";
    }
}

table! {
    /// One entry of content/categories.yaml
    CATEGORY_NAMES, CATEGORY: Category {
        "code": Shape::Code, REQUIRED, New::Given, |c| Value::plain(&c.code.value),
            "ASCII letters, digits and hyphens, e.g. C-2";
        "name": Shape::Text, REQUIRED, New::Given, |c| Value::text(&c.name),
            "The category's name";
        "leadership": Shape::Bool, REQUIRED, New::Given, |c| Value::plain(c.leadership.value),
            "Only leadership categories may be published (P3)";
    }
}

table! {
    /// content/requirements/ID.yaml (P5)
    REQUIREMENT_NAMES, REQUIREMENT: Requirement {
        "id": Shape::Id, REQUIRED, New::Id, |r| Value::plain(&r.id.value),
            "Equals the file name without .yaml";
        "categories": Shape::Codes, REQUIRED, New::Given,
            |r| Value::plain(r.categories.iter().map(|c| c.value.as_str()).collect::<Vec<_>>().join(", ")),
            "The category codes this record covers";
        "source": Shape::Text, REQUIRED, New::Given, |r| Value::text(&r.source),
            "The legal act the requirements come from, cited in full";
        "education": Shape::Text, REQUIRED, New::Given, |r| Value::text(&r.education),
            "Education";
        "experience": Shape::Text, REQUIRED, New::Given, |r| Value::text(&r.experience),
            "Length of service";
        "other": Shape::Markdown, OPTIONAL, New::Omit, |r| Value::text_opt(&r.other),
            "Further requirements (Markdown)";
        "selection": Shape::TextList, OPTIONAL, New::Omit, |r| Value::text_list(&r.selection),
            "The selection stages a candidate goes through, in order (testing on legislation, physical fitness, polygraph, special check, essay, interview …)";
    }
}

table! {
    /// content/site.yaml
    SITE_NAMES, SITE: Site {
        "title": Shape::Text, REQUIRED, New::Given, |s| Value::text(&s.title),
            "The ministry's full name";
        "base_url": Shape::BaseUrl, REQUIRED, New::Given, |s| Value::plain(&s.base_url.value),
            "Absolute, e.g. https://example.gov.kz/qriim (P2)";
        "languages": Shape::Languages, REQUIRED, New::Given,
            |s| Value::plain(s.languages.iter().map(|l| l.code()).collect::<Vec<_>>().join(", ")),
            "The site's languages; the first is the default";
        "section": Shape::Section, REQUIRED, New::Given,
            |s| Value::Parts(vec![
                ("parent", Value::Text { kk: s.section.kk.parent.value.clone(), ru: s.section.ru.parent.value.clone() }),
                ("title", Value::Text { kk: s.section.kk.title.value.clone(), ru: s.section.ru.title.value.clone() }),
                ("slug", Value::Text { kk: s.section.kk.slug.value.clone(), ru: s.section.ru.slug.value.clone() }),
            ]),
            "The section «Ведомствоның қызметі» and its subsection «Кадр саясаты» (P3), per language";
        "publish_within_working_days": Shape::Int { min: 1, max: 30 }, REQUIRED, New::Given,
            |s| Value::plain(s.publish_within_working_days.value),
            "How many working days after arose_on a posting may be placed (P4)";
        "emblem": Shape::StaticFile, OPTIONAL, New::Given, |s| Value::plain_opt(&s.emblem),
            "The ministry's emblem: a file in themes/default/static/ of the site (SVG or PNG), shown as the icon and named in the pages' data";
    }
}

table! {
    /// content/calendar/YEAR.yaml (P4)
    CALENDAR_NAMES, CALENDAR: CalendarYear {
        "year": Shape::Year, REQUIRED, New::Given, |c| Value::plain(c.year.value),
            "The calendar's year; the file is named after it";
        "holidays": Shape::NamedDays, REQUIRED, New::Given, |c| Value::plain(c.holidays.len()),
            "Public holidays, each on its own date, also on a weekend (kadr carries the day off over)";
        "days_off": Shape::NamedDays, OPTIONAL, New::Given, |c| Value::plain(c.days_off.len()),
            "Days off that never carry over (7 January, the first day of Kurban Ait)";
        "transfers": Shape::Transfers, OPTIONAL, New::Given, |c| Value::plain(c.transfers.len()),
            "Government day transfers: rest_on (a weekday) is a day off, work_on (a weekend day) a working day";
        "sources": Shape::TextList, OPTIONAL, New::Given, |c| Value::text_list(&c.sources),
            "The acts behind the year's days, with their dates: the law on holidays as it stands for the year, and the decision behind each transfer";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_tables() {
        assert_eq!(names(VACANCY), VACANCY_NAMES);
        assert_eq!(names(UNIT), UNIT_NAMES);
        assert_eq!(names(CATEGORY), CATEGORY_NAMES);
        assert_eq!(names(REQUIREMENT), REQUIREMENT_NAMES);
        assert_eq!(names(SITE), SITE_NAMES);
        assert_eq!(names(CALENDAR), CALENDAR_NAMES);
    }

    #[test]
    fn every_text_to_fill_in_is_given_in_both_languages() {
        for f in VACANCY {
            if let New::Fill(kk, ru) = f.new {
                assert!(!kk.is_empty() && !ru.is_empty() && kk != ru, "{}", f.name);
            }
        }
    }
}
