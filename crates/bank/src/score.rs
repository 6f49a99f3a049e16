//! The final competition score from its components (RULES.md C-score; seed 003,
//! annex 3): for a leadership position `И = 0.4·О + 0.4·Э + 0.2·С`, for any other
//! `И = 0.3·О + 0.7·П`, where О is the assessment of personal qualities (0–5), Э the
//! essay (0–5), С the interview (С1 + С2, 0–10) and П the practical assessment
//! (П1 + П2, 0–10). The bank stores which formula gave an indicator, and its
//! components, beside the indicator itself (B4).

use serde::{Deserialize, Serialize};

use crate::error::Problem;
use crate::messages::Text;

/// Which of the two formulas of seed 003 applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Formula {
    Leadership,
    NonLeadership,
}

impl Formula {
    pub fn name(self) -> &'static str {
        match self {
            Formula::Leadership => "leadership",
            Formula::NonLeadership => "non_leadership",
        }
    }

    pub fn from_name(name: &str) -> Option<Formula> {
        match name {
            "leadership" => Some(Formula::Leadership),
            "non_leadership" => Some(Formula::NonLeadership),
            _ => None,
        }
    }

    /// The formula as the seed writes it, for listings and the audit of a record.
    pub fn text(self) -> &'static str {
        match self {
            Formula::Leadership => "И = 0.4·О + 0.4·Э + 0.2·С",
            Formula::NonLeadership => "И = 0.3·О + 0.7·П",
        }
    }
}

/// The components of a score as a candidate file gives them (`score:`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Components {
    pub formula: Formula,
    /// О: personal qualities, 0–5.
    pub personal_qualities: f64,
    /// Э: the essay, 0–5 (leadership only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub essay: Option<f64>,
    /// С: the interview, 0–10 (leadership only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interview: Option<f64>,
    /// П: the practical assessment, 0–10 (non-leadership only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub practical: Option<f64>,
}

/// The indicator computed from `c`, rounded to hundredths, or every problem with the
/// components (a missing one, one out of its range, one that the formula has no use
/// for).
pub fn indicator(c: &Components) -> Result<f64, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut component = |name: &str, value: Option<f64>, max: f64| -> f64 {
        match value {
            None => {
                problems.push(Problem::new(
                    "C-score",
                    Text::new("c-score-needs")
                        .arg("formula", c.formula.name())
                        .arg("name", name),
                ));
                0.0
            }
            Some(v) if !(0.0..=max).contains(&v) => {
                problems.push(Problem::new(
                    "C-score",
                    Text::new("c-score-range")
                        .arg("name", name)
                        .arg("value", v.to_string())
                        .arg("max", max.to_string()),
                ));
                0.0
            }
            Some(v) => v,
        }
    };
    let o = component("personal_qualities", Some(c.personal_qualities), 5.0);
    let (value, unused) = match c.formula {
        Formula::Leadership => {
            let e = component("essay", c.essay, 5.0);
            let s = component("interview", c.interview, 10.0);
            (
                0.4 * o + 0.4 * e + 0.2 * s,
                vec![("practical", c.practical)],
            )
        }
        Formula::NonLeadership => {
            let p = component("practical", c.practical, 10.0);
            (
                0.3 * o + 0.7 * p,
                vec![("essay", c.essay), ("interview", c.interview)],
            )
        }
    };
    for (name, v) in unused {
        if v.is_some() {
            problems.push(Problem::new(
                "C-score",
                Text::new("c-score-unused")
                    .arg("formula", c.formula.name())
                    .arg("text", c.formula.text())
                    .arg("name", name),
            ));
        }
    }
    if problems.is_empty() {
        Ok(round_hundredths(value))
    } else {
        Err(problems)
    }
}

/// Rounds half away from zero to two decimals, so that 0.4·4.5 + 0.4·4 + 0.2·8 is 5
/// and not 4.999….
pub fn round_hundredths(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leadership(o: f64, e: f64, s: f64) -> Components {
        Components {
            formula: Formula::Leadership,
            personal_qualities: o,
            essay: Some(e),
            interview: Some(s),
            practical: None,
        }
    }

    #[test]
    fn leadership_weighs_qualities_essay_and_interview_four_four_two() {
        assert_eq!(indicator(&leadership(4.5, 4.0, 8.0)), Ok(5.0));
        assert_eq!(indicator(&leadership(5.0, 5.0, 10.0)), Ok(6.0));
        assert_eq!(indicator(&leadership(3.3, 2.0, 7.0)), Ok(3.52));
    }

    #[test]
    fn non_leadership_weighs_qualities_and_practice_three_seven() {
        let c = Components {
            formula: Formula::NonLeadership,
            personal_qualities: 4.0,
            essay: None,
            interview: None,
            practical: Some(9.0),
        };
        assert_eq!(indicator(&c), Ok(7.5));
    }

    #[test]
    fn refuses_a_missing_component() {
        let mut c = leadership(4.0, 4.0, 8.0);
        c.interview = None;
        let problems = indicator(&c).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("needs `interview`"));
    }

    #[test]
    fn refuses_components_out_of_range() {
        let problems = indicator(&leadership(5.5, -1.0, 11.0)).unwrap_err();
        assert_eq!(problems.len(), 3);
    }

    #[test]
    fn refuses_a_component_the_formula_does_not_use() {
        let mut c = leadership(4.0, 4.0, 8.0);
        c.practical = Some(5.0);
        let problems = indicator(&c).unwrap_err();
        assert!(problems[0].message.contains("no `practical`"));
    }
}
