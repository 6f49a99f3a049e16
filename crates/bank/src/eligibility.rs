//! Who may be appointed to a vacancy without a new competition, and in which order
//! (RULES.md B9, B10): candidates whose competition was passed less than one year
//! before the day asked about, recommended for the vacancy's category, not yet
//! appointed; from any unit (B9 is about appointment "in another unit"). The highest
//! indicator comes first; ties go to the earlier competition, then to the lower id, so
//! that the same bank always gives the same order.

use std::cmp::Ordering;

use jiff::ToSpan;
use jiff::civil::Date;

/// What eligibility and ranking look at in a candidate.
pub trait Candidacy {
    fn id(&self) -> i64;
    fn category(&self) -> &str;
    fn competition_date(&self) -> Date;
    fn indicator(&self) -> f64;
}

/// B9: whether a competition passed on `competition` is less than one year old on
/// `on` (and not after it). One year after 29 February is 28 February.
pub fn within_a_year(competition: Date, on: Date) -> bool {
    match competition.checked_add(1.year()) {
        Ok(year_later) => competition <= on && on < year_later,
        Err(_) => false,
    }
}

/// The candidates (not appointed: the caller passes only those) eligible for a
/// vacancy of `category` on `today`, best first (B9, B10).
pub fn rank_eligible<'a, C: Candidacy>(
    candidates: &'a [C],
    category: &str,
    today: Date,
) -> Vec<&'a C> {
    let mut eligible: Vec<&C> = candidates
        .iter()
        .filter(|c| c.category() == category && within_a_year(c.competition_date(), today))
        .collect();
    eligible.sort_by(|a, b| ranking(*a, *b));
    eligible
}

/// B10's order: higher indicator, then earlier competition, then lower id.
pub fn ranking<C: Candidacy>(a: &C, b: &C) -> Ordering {
    b.indicator()
        .total_cmp(&a.indicator())
        .then(a.competition_date().cmp(&b.competition_date()))
        .then(a.id().cmp(&b.id()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    struct C(i64, &'static str, Date, f64);

    impl Candidacy for C {
        fn id(&self) -> i64 {
            self.0
        }
        fn category(&self) -> &str {
            self.1
        }
        fn competition_date(&self) -> Date {
            self.2
        }
        fn indicator(&self) -> f64 {
            self.3
        }
    }

    const TODAY: Date = date(2026, 11, 27);

    fn ids(ranked: Vec<&C>) -> Vec<i64> {
        ranked.iter().map(|c| c.0).collect()
    }

    #[test]
    fn a_competition_exactly_one_year_old_drops_out() {
        assert!(within_a_year(date(2025, 11, 28), TODAY));
        assert!(!within_a_year(date(2025, 11, 27), TODAY));
    }

    #[test]
    fn a_competition_after_the_day_asked_about_does_not_count_yet() {
        assert!(!within_a_year(date(2026, 11, 28), TODAY));
        assert!(within_a_year(TODAY, TODAY));
    }

    #[test]
    fn one_year_after_the_twenty_ninth_of_february_is_the_twenty_eighth() {
        assert!(within_a_year(date(2024, 2, 29), date(2025, 2, 27)));
        assert!(!within_a_year(date(2024, 2, 29), date(2025, 2, 28)));
    }

    #[test]
    fn keeps_only_the_vacancy_category_and_the_last_year() {
        let cs = [
            C(1, "C-2", date(2026, 10, 15), 80.0),
            C(2, "C-3", date(2026, 10, 15), 99.0),
            C(3, "C-2", date(2025, 10, 27), 95.0),
            C(4, "C-2", date(2026, 1, 10), 70.0),
        ];
        assert_eq!(ids(rank_eligible(&cs, "C-2", TODAY)), [1, 4]);
    }

    #[test]
    fn ranks_by_indicator_then_earlier_competition_then_id() {
        let cs = [
            C(5, "C-2", date(2026, 10, 15), 80.0),
            C(2, "C-2", date(2026, 10, 15), 80.0),
            C(3, "C-2", date(2026, 9, 1), 80.0),
            C(4, "C-2", date(2026, 11, 1), 90.5),
        ];
        assert_eq!(ids(rank_eligible(&cs, "C-2", TODAY)), [4, 3, 2, 5]);
    }
}
