//! A candidate file (SPEC.md, "The private bank") and its validation: required fields,
//! the commission decision the candidate passed (B3), the competitiveness indicator or
//! its components (B4, C-score), the ИИН and its agreement with the birth date, an age
//! fit for service, names without invisible characters (B6), and, when a site is
//! given, a unit and a category the site has (B2, B6). Every problem of a file is
//! reported in one run, each with its rule id.

use jiff::civil::Date;
use serde::Deserialize;

use unicode_general_category::{GeneralCategory, get_general_category};

use crate::error::{Problem, Refusal};
use crate::messages::{MessageLang, Text};
use crate::score::{self, Components};
use crate::site::Catalogue;
use kadr_common::iin;

/// A candidate file may not be larger than a site record (SPEC.md: 1 MiB).
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// The highest competitiveness indicator the bank accepts. The seed gives no scale
/// for the indicator the head of a body approves; a percentage-like 0–100 covers both
/// the raw C-score results (at most 6 and 8.5) and scaled ones such as 87.5.
pub const MAX_INDICATOR: f64 = 100.0;

/// The youngest and the oldest a candidate may be on the day they enter the bank: an
/// adult, and not past the age limit of service (B6: a birth date outside these is a
/// typing error, such as 1850 or 2020).
pub const MIN_AGE: i16 = 18;
pub const MAX_AGE: i16 = 65;

/// A candidate as validated, ready to be stored.
#[derive(Debug, Clone, PartialEq)]
pub struct NewCandidate {
    pub unit: String,
    pub surname: String,
    pub name: String,
    pub patronymic: Option<String>,
    pub birth_date: Date,
    pub iin: String,
    pub education_kk: String,
    pub education_ru: String,
    pub category: String,
    pub competition: Competition,
    pub indicator: f64,
    /// The components and formula the indicator was computed from, when given.
    pub score: Option<Components>,
}

/// B3: the commission decision by which the candidate passed the competition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Competition {
    pub decision: String,
    pub date: Date,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CandidateFile {
    unit: Option<String>,
    surname: Option<String>,
    name: Option<String>,
    patronymic: Option<String>,
    birth_date: Option<Scalar>,
    iin: Option<Scalar>,
    education: Option<TextFile>,
    category: Option<String>,
    competition: Option<CompetitionFile>,
    indicator: Option<f64>,
    score: Option<Components>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TextFile {
    kk: Option<String>,
    ru: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CompetitionFile {
    decision: Option<Scalar>,
    date: Option<Scalar>,
}

/// A scalar written with or without quotes: an unquoted ИИН reads as a number, an
/// unquoted date as text.
#[derive(Deserialize)]
#[serde(untagged)]
enum Scalar {
    Text(String),
    Int(i64),
}

impl Scalar {
    fn into_text(self) -> String {
        match self {
            Scalar::Text(s) => s,
            Scalar::Int(n) => n.to_string(),
        }
    }
}

/// Parses and validates a candidate file's text. `today` is the day of entry: no date
/// may lie after it, and the candidate's age is taken on it. With a site's
/// `catalogue`, the unit and the category must be the site's.
pub fn parse(
    text: &str,
    today: Date,
    catalogue: Option<&Catalogue>,
) -> Result<NewCandidate, Refusal> {
    let file: CandidateFile =
        serde_saphyr::from_str_with_options(text, options()).map_err(|e| {
            Refusal::new(
                "B6",
                Text::new("b6-file-unreadable").arg("detail", e.to_string()),
            )
        })?;
    validate(file, today, catalogue)
}

/// Strict booleans and leading-zero numbers as text (an ИИН of someone born in the
/// 2000s starts with 0), with the same limits against hostile YAML as the site loader.
fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        strict_booleans: true,
        leading_zero_numbers_as_strings: true,
        with_snippet: false,
        budget: serde_saphyr::budget! {
            max_depth: 16,
            max_documents: 1,
            max_nodes: 10_000,
            max_aliases: 100,
            max_anchors: 100,
        },
    }
}

fn validate(
    file: CandidateFile,
    today: Date,
    catalogue: Option<&Catalogue>,
) -> Result<NewCandidate, Refusal> {
    let mut problems = Vec::new();
    let unit = file.unit.map(|s| s.trim().to_string());
    match &unit {
        None => problems.push(Problem::new("B2", required_field("unit"))),
        Some(u) if !is_id(u) => problems.push(Problem::new(
            "B2",
            Text::new("b2-not-a-unit-id").arg("unit", u),
        )),
        Some(u) => {
            if let Some(c) = catalogue
                && !c.units.contains(u)
            {
                problems.push(Problem::new(
                    "B2",
                    listing("b2-unit-not-of-site", &c.units).arg("unit", u),
                ));
            }
        }
    }
    let surname = person_name(&mut problems, "surname", file.surname, true);
    let name = person_name(&mut problems, "name", file.name, true);
    let patronymic = person_name(&mut problems, "patronymic", file.patronymic, false);

    let birth_date = date_field(&mut problems, "B6", "birth_date", file.birth_date, today);
    if let Some(b) = birth_date {
        let age = age_on(b, today);
        if !(MIN_AGE..=MAX_AGE).contains(&age) {
            problems.push(Problem::new(
                "B6",
                Text::new("b6-age")
                    .arg("birth_date", b.to_string())
                    .arg("age", i64::from(age))
                    .arg("today", today.to_string())
                    .arg("min", i64::from(MIN_AGE))
                    .arg("max", i64::from(MAX_AGE)),
            ));
        }
    }
    let iin = file
        .iin
        .map(Scalar::into_text)
        .map(|s| s.trim().to_string());
    match (&iin, birth_date) {
        (None, _) => problems.push(Problem::new("B6", required_field("iin"))),
        (Some(i), Some(b)) => {
            if let Err(p) = iin::check(i, b) {
                problems.push(Problem::new("B6", iin_problem(&p)));
            }
        }
        (Some(i), None) => {
            // Still check the number itself, so that a second run is not needed.
            if let Err(p) = iin::birth_date_of(i) {
                problems.push(Problem::new("B6", iin_problem(&p)));
            }
        }
    }

    let (education_kk, education_ru) = match file.education {
        None => {
            problems.push(Problem::new("B6", Text::new("b6-education-required")));
            (None, None)
        }
        Some(t) => (
            text_field(&mut problems, "education.kk", t.kk),
            text_field(&mut problems, "education.ru", t.ru),
        ),
    };

    let category = file.category.map(|s| s.trim().to_string());
    match &category {
        None => problems.push(Problem::new("B6", required_field("category"))),
        Some(c) => {
            if let Some(p) = category_problem(c) {
                problems.push(Problem::new("B6", p));
            } else if let Some(cat) = catalogue
                && !cat.categories.contains(c)
            {
                problems.push(Problem::new(
                    "B6",
                    listing("b6-category-not-of-site", &cat.categories).arg("category", c),
                ));
            }
        }
    }

    let competition = match file.competition {
        None => {
            problems.push(Problem::new("B3", Text::new("b3-competition-required")));
            None
        }
        Some(c) => {
            let decision = c
                .decision
                .map(Scalar::into_text)
                .map(|s| s.trim().to_string());
            let decision = match decision {
                Some(d) if !d.is_empty() => Some(d),
                _ => {
                    problems.push(Problem::new("B3", Text::new("b3-decision-required")));
                    None
                }
            };
            let date = date_field(&mut problems, "B3", "competition.date", c.date, today);
            if let (Some(d), Some(b)) = (date, birth_date)
                && d <= b
            {
                problems.push(Problem::new("B6", Text::new("b6-competition-before-birth")));
            }
            decision
                .zip(date)
                .map(|(decision, date)| Competition { decision, date })
        }
    };

    let indicator = indicator_field(&mut problems, file.indicator, file.score.as_ref());

    match (
        unit,
        surname,
        name,
        birth_date,
        iin,
        education_kk,
        education_ru,
        category,
        competition,
        indicator,
    ) {
        (
            Some(unit),
            Some(surname),
            Some(name),
            Some(birth_date),
            Some(iin),
            Some(education_kk),
            Some(education_ru),
            Some(category),
            Some(competition),
            Some(indicator),
        ) if problems.is_empty() => Ok(NewCandidate {
            unit,
            surname,
            name,
            patronymic,
            birth_date,
            iin,
            education_kk,
            education_ru,
            category,
            competition,
            indicator,
            score: file.score,
        }),
        _ => {
            // Every `None` above came with its problem; this only guards the invariant.
            if problems.is_empty() {
                problems.push(Problem::new("B6", Text::new("b6-incomplete")));
            }
            Err(Refusal { problems })
        }
    }
}

/// Full years from `birth` to `day`.
pub fn age_on(birth: Date, day: Date) -> i16 {
    let mut age = day.year() - birth.year();
    if (day.month(), day.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age
}

/// Message `id`, which ends "the site has a, b, c" (at most twelve named) or "the
/// site has none".
fn listing(id: &'static str, known: &std::collections::BTreeSet<String>) -> Text {
    if known.is_empty() {
        return Text::new(id).arg("names", "").arg("none", "none");
    }
    let mut names: Vec<&str> = known.iter().map(String::as_str).take(12).collect();
    if known.len() > names.len() {
        names.push("…");
    }
    Text::new(id)
        .arg("names", names.join(", "))
        .arg("none", "some")
}

/// "`field` is required".
fn required_field(field: &str) -> Text {
    Text::new("field-required").arg("field", field)
}

/// The first character of `text` that shows nothing (a bidirectional control, a
/// zero-width space or joiner, a soft hyphen, a variation selector, a filler): such
/// characters make one name look like another, or reorder a line, in lists and forms.
pub fn invisible_char(text: &str) -> Option<char> {
    text.chars().find(|&c| {
        get_general_category(c) == GeneralCategory::Format
            || matches!(
                c,
                '\u{034F}'
                    | '\u{115F}'
                    | '\u{1160}'
                    | '\u{3164}'
                    | '\u{FFA0}'
                    | '\u{FE00}'..='\u{FE0F}'
                    | '\u{E0100}'..='\u{E01EF}'
            )
    })
}

/// The problem of a name-like text that holds an invisible character, if it does.
pub fn invisible_problem(field: &str, text: &str) -> Option<String> {
    invisible_text(field, text).map(|t| t.in_lang(MessageLang::En))
}

/// [`invisible_problem`], to print in the operator's language.
pub fn invisible_text(field: &str, text: &str) -> Option<Text> {
    invisible_char(text).map(|c| {
        Text::new("b6-invisible")
            .arg("field", field)
            .arg("char", format!("U+{:04X}", u32::from(c)))
    })
}

/// A unit or vacancy id: `[a-z0-9-]`, not empty.
pub fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// What is wrong with a category code, if anything: codes are ASCII (C-cat), and a
/// Cyrillic look-alike (С, О, Е …) is the usual mistake.
pub fn category_problem(code: &str) -> Option<Text> {
    if code.is_empty() {
        return Some(Text::new("field-empty").arg("field", "category"));
    }
    if code.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)) {
        return Some(Text::new("b6-category-cyrillic").arg("category", code));
    }
    if !code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Some(Text::new("b6-not-a-category-code").arg("category", code));
    }
    None
}

fn person_name(
    problems: &mut Vec<Problem>,
    field: &str,
    value: Option<String>,
    required: bool,
) -> Option<String> {
    let value = value.map(|s| s.trim().to_string());
    match value {
        None if required => {
            problems.push(Problem::new("B6", required_field(field)));
            None
        }
        None => None,
        Some(v) if v.is_empty() => {
            if required {
                problems.push(Problem::new(
                    "B6",
                    Text::new("field-empty").arg("field", field),
                ));
            }
            None
        }
        Some(v) => {
            if let Some(p) = invisible_text(&format!("`{field}`"), &v) {
                problems.push(Problem::new("B6", p));
                return None;
            }
            // A digit in a name is a typing error or an ИИН in the wrong field.
            if v.chars().any(|c| c.is_control() || c.is_ascii_digit()) || v.chars().count() > 100 {
                problems.push(Problem::new(
                    "B6",
                    Text::new("b6-not-a-name").arg("field", field),
                ));
                None
            } else {
                Some(v)
            }
        }
    }
}

fn text_field(problems: &mut Vec<Problem>, field: &str, value: Option<String>) -> Option<String> {
    match value.map(|s| s.trim().to_string()) {
        Some(v) if !v.is_empty() => Some(v),
        _ => {
            problems.push(Problem::new("B6", required_field(field)));
            None
        }
    }
}

fn date_field(
    problems: &mut Vec<Problem>,
    rule: &'static str,
    field: &str,
    value: Option<Scalar>,
    today: Date,
) -> Option<Date> {
    let Some(value) = value else {
        problems.push(Problem::new(rule, required_field(field)));
        return None;
    };
    let text = value.into_text();
    match text.trim().parse::<Date>() {
        Err(_) => {
            problems.push(Problem::new(
                "B6",
                Text::new("field-not-a-date")
                    .arg("field", field)
                    .arg("text", text.as_str()),
            ));
            None
        }
        Ok(d) if d > today => {
            problems.push(Problem::new(
                "B6",
                Text::new("field-in-future")
                    .arg("field", field)
                    .arg("day", d.to_string())
                    .arg("today", today.to_string()),
            ));
            None
        }
        Ok(d) => Some(d),
    }
}

fn indicator_field(
    problems: &mut Vec<Problem>,
    indicator: Option<f64>,
    components: Option<&Components>,
) -> Option<f64> {
    let computed = match components.map(score::indicator) {
        None => None,
        Some(Ok(v)) => Some(v),
        Some(Err(ps)) => {
            problems.extend(ps);
            return None;
        }
    };
    match (indicator, computed) {
        (None, None) => {
            problems.push(Problem::new("B4", Text::new("b4-indicator-required")));
            None
        }
        (Some(i), _) if !i.is_finite() || !(0.0..=MAX_INDICATOR).contains(&i) => {
            problems.push(Problem::new(
                "B4",
                Text::new("b4-indicator-range")
                    .arg("indicator", i.to_string())
                    .arg("max", MAX_INDICATOR.to_string()),
            ));
            None
        }
        (Some(i), Some(c)) if score::round_hundredths(i) != c => {
            problems.push(Problem::new(
                "C-score",
                Text::new("c-score-disagrees")
                    .arg("indicator", i.to_string())
                    .arg("computed", c.to_string()),
            ));
            None
        }
        (Some(i), _) => Some(i),
        (None, Some(c)) => Some(c),
    }
}

/// Why the `iin` field is not the candidate's ИИН (B6), in the bank's messages.
fn iin_problem(p: &iin::IinProblem) -> Text {
    use iin::IinProblem as P;
    match p {
        P::NotTwelveDigits => Text::new("b6-iin-not-twelve-digits"),
        P::CenturyDigit(c) => Text::new("b6-iin-century-digit").arg("digit", c.to_string()),
        P::NoDate(d) => Text::new("b6-iin-no-date").arg("digits", d.as_str()),
        P::WrongCheckDigit => Text::new("b6-iin-check-digit"),
        P::NeverIssued => Text::new("b6-iin-never-issued"),
        P::BirthDateDisagrees { encoded, stated } => Text::new("b6-iin-birth-date")
            .arg("encoded", encoded.to_string())
            .arg("stated", stated.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const TODAY: Date = date(2026, 11, 27);

    const SAMPLE: &str = r#"
unit: dp-astana
surname: "Сейітқали"
name: "Ержан"
patronymic: "Маратұлы"
birth_date: 1990-01-01
iin: "900101300017"
education: {kk: "2012, Қазақ ұлттық университеті, заңгер", ru: "2012, Казахский национальный университет, юрист"}
category: C-3
competition: {decision: "№ 14", date: 2026-10-15}
indicator: 87.5
"#;

    fn rules_of(text: &str) -> Vec<&'static str> {
        parse(text, TODAY, None)
            .unwrap_err()
            .problems
            .iter()
            .map(|p| p.rule)
            .collect()
    }

    #[test]
    fn reads_the_spec_sample() {
        let c = parse(SAMPLE, TODAY, None).unwrap();
        assert_eq!(c.unit, "dp-astana");
        assert_eq!(c.iin, "900101300017");
        assert_eq!(c.competition.date, date(2026, 10, 15));
        assert_eq!(c.indicator, 87.5);
        assert_eq!(c.patronymic.as_deref(), Some("Маратұлы"));
    }

    #[test]
    fn accepts_an_unquoted_iin() {
        let text = SAMPLE.replace("\"900101300017\"", "900101300017");
        assert_eq!(parse(&text, TODAY, None).unwrap().iin, "900101300017");
    }

    #[test]
    fn reports_every_missing_field_with_its_rule() {
        let rules = rules_of("unit: dp-astana\n");
        for rule in ["B3", "B4", "B6"] {
            assert!(rules.contains(&rule), "{rules:?} lacks {rule}");
        }
        let refusal = parse("unit: dp-astana\n", TODAY, None).unwrap_err();
        assert!(refusal.problems.len() >= 7, "{refusal}");
    }

    #[test]
    fn refuses_an_iin_that_disagrees_with_the_birth_date() {
        let text = SAMPLE.replace("birth_date: 1990-01-01", "birth_date: 1991-01-01");
        let refusal = parse(&text, TODAY, None).unwrap_err();
        assert_eq!(refusal.problems.len(), 1);
        assert_eq!(refusal.problems[0].rule, "B6");
        assert!(
            refusal.problems[0]
                .message
                .contains("encodes the birth date 1990-01-01")
        );
    }

    #[test]
    fn refuses_a_competition_in_the_future() {
        let text = SAMPLE.replace("2026-10-15", "2026-11-28");
        let refusal = parse(&text, TODAY, None).unwrap_err();
        assert!(
            refusal.problems[0].message.contains("in the future"),
            "{refusal}"
        );
    }

    #[test]
    fn refuses_an_indicator_out_of_range() {
        let text = SAMPLE.replace("indicator: 87.5", "indicator: 187.5");
        assert_eq!(rules_of(&text), ["B4"]);
    }

    #[test]
    fn refuses_unknown_fields() {
        let text = format!("{SAMPLE}sex: m\n");
        let refusal = parse(&text, TODAY, None).unwrap_err();
        assert!(refusal.to_string().contains("sex"), "{refusal}");
    }

    #[test]
    fn refuses_a_cyrillic_category_code() {
        let text = SAMPLE.replace("category: C-3", "category: С-3");
        let refusal = parse(&text, TODAY, None).unwrap_err();
        assert!(refusal.problems[0].message.contains("Cyrillic"));
    }

    #[test]
    fn computes_the_indicator_from_score_components() {
        let text = SAMPLE.replace(
            "indicator: 87.5",
            "score: {formula: leadership, personal_qualities: 4.5, essay: 4, interview: 8}",
        );
        let c = parse(&text, TODAY, None).unwrap();
        assert_eq!(c.indicator, 5.0);
        assert_eq!(c.score.unwrap().formula, score::Formula::Leadership);
    }

    #[test]
    fn refuses_an_indicator_that_disagrees_with_its_components() {
        let text = SAMPLE.replace(
            "indicator: 87.5",
            "indicator: 6\nscore: {formula: leadership, personal_qualities: 4.5, essay: 4, interview: 8}",
        );
        assert_eq!(rules_of(&text), ["C-score"]);
    }

    #[test]
    fn b6_refuses_a_birth_date_of_an_implausible_age() {
        for (birth, age) in [
            ("1850-01-01", 176),
            ("2020-01-01", 6),
            ("2008-11-28", 17),
            ("1960-11-26", 66),
        ] {
            let text = SAMPLE.replace("birth_date: 1990-01-01", &format!("birth_date: {birth}"));
            let refusal = parse(&text, TODAY, None).unwrap_err();
            assert!(
                refusal
                    .problems
                    .iter()
                    .any(|p| p.rule == "B6"
                        && p.message.contains(&format!("would be {age} years old"))),
                "{birth}: {refusal}"
            );
        }
        // 18 today, and 65 until the day before the 66th birthday.
        assert_eq!(age_on(date(2008, 11, 27), TODAY), 18);
        assert_eq!(age_on(date(1960, 11, 28), TODAY), 65);
    }

    #[test]
    fn b6_refuses_bidi_and_zero_width_characters_in_names() {
        for invisible in [
            '\u{200F}', '\u{202E}', '\u{200B}', '\u{200D}', '\u{2066}', '\u{FEFF}', '\u{00AD}',
            '\u{FE0F}',
        ] {
            let text = SAMPLE.replace("Ержан", &format!("Ер{invisible}жан"));
            let refusal = parse(&text, TODAY, None).unwrap_err();
            assert_eq!(refusal.problems.len(), 1, "{refusal}");
            assert!(
                refusal.problems[0]
                    .message
                    .contains(&format!("U+{:04X}", u32::from(invisible))),
                "{refusal}"
            );
        }
        assert_eq!(invisible_char("Сейітқали Ержан Маратұлы-Әбу"), None);
    }

    #[test]
    fn b2_b6_refuses_a_unit_or_category_the_site_does_not_have() {
        let site = Catalogue {
            units: ["dp-almaty".to_string()].into(),
            categories: ["C-2".to_string(), "C-3".to_string()].into(),
        };
        let refusal = parse(&SAMPLE.replace("C-3", "C-9"), TODAY, Some(&site)).unwrap_err();
        let rules: Vec<&str> = refusal.problems.iter().map(|p| p.rule).collect();
        assert_eq!(rules, ["B2", "B6"], "{refusal}");
        assert!(
            refusal
                .to_string()
                .contains("unit `dp-astana` is not a unit of the site")
        );
        assert!(
            refusal
                .to_string()
                .contains("category `C-9` is not a category of the site")
        );
        let almaty = SAMPLE.replace("dp-astana", "dp-almaty");
        assert!(parse(&almaty, TODAY, Some(&site)).is_ok());
    }

    #[test]
    fn b6_an_iin_problem_is_told_in_each_language() {
        use crate::messages::MessageLang;
        let p = iin::IinProblem::WrongCheckDigit;
        assert_eq!(
            iin_problem(&p).in_lang(MessageLang::En),
            format!("iin: {p}"),
            "English as kadr-common words it"
        );
        assert_eq!(
            iin_problem(&p).in_lang(MessageLang::Kk),
            "iin: бақылау цифры (он екінші) қате: теру кезінде қате кеткен болар?"
        );
        let p = iin::IinProblem::NoDate("991399".into());
        assert_eq!(
            iin_problem(&p).in_lang(MessageLang::Ru),
            "iin: первые шесть цифр (991399) не являются датой (ГГММДД)"
        );
        assert_eq!(
            iin_problem(&p).in_lang(MessageLang::En),
            format!("iin: {p}")
        );
    }
}
