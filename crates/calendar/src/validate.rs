//! Checks one calendar record (content/calendar/YEAR.yaml) for the mistakes that would
//! make the count of working days wrong, and decides which of its entries
//! [`Calendar::new`](super::Calendar::new) may use. `check` turns the [`Problem`]s into
//! diagnostics; this module only finds them. Whether a holiday's name is well written is
//! not its business.

use std::collections::HashMap;
use std::fmt;
use std::ops::RangeInclusive;

use jiff::civil::Date;

use super::is_weekend;
use kadr_model::{CalendarYear, NamedDay, Pos, Transfer};

/// The years a calendar record may describe.
pub(super) const YEARS: RangeInclusive<i16> = 2000..=2100;

/// A mistake in a calendar record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// `year` is outside [`YEARS`].
    YearOutOfRange { year: i16 },
    /// A date that belongs in another year's file.
    DateOutsideYear { date: Date, year: i16 },
    /// The same date is listed a second time (in holidays, days_off or transfers).
    DuplicateDate { date: Date, first_listed: Pos },
    /// A transfer's `rest_on` is a Saturday or Sunday, already a day off.
    RestOnWeekend { rest_on: Date },
    /// A transfer's `work_on` is Monday to Friday, already a working day.
    WorkOnWeekday { work_on: Date },
}

impl Problem {
    /// What the officer should do about it.
    pub fn hint(&self) -> &'static str {
        match self {
            Problem::YearOutOfRange { .. } => {
                "write the calendar's year, e.g. `year: 2026`, and name the file after it"
            }
            Problem::DateOutsideYear { .. } => {
                "move the entry to the calendar file of its own year"
            }
            Problem::DuplicateDate { .. } => "keep one entry for each date",
            Problem::RestOnWeekend { .. } | Problem::WorkOnWeekday { .. } => {
                "copy both dates from the government's decision on the transfer: \
                 rest_on is the weekday made a day off, work_on the weekend day worked instead"
            }
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Problem::YearOutOfRange { year } => write!(
                f,
                "calendar year {year} is outside the supported years {}–{}",
                YEARS.start(),
                YEARS.end()
            ),
            Problem::DateOutsideYear { date, year } => {
                write!(f, "{date} is not in the calendar year {year}")
            }
            Problem::DuplicateDate { date, first_listed } => write!(
                f,
                "{date} is listed twice in this calendar (first at line {}, column {})",
                first_listed.line, first_listed.col
            ),
            Problem::RestOnWeekend { rest_on } => write!(
                f,
                "transfer rest_on {rest_on} is a {:?}, already a day off; rest_on must be a weekday",
                rest_on.weekday()
            ),
            Problem::WorkOnWeekday { work_on } => write!(
                f,
                "transfer work_on {work_on} is a {:?}, already a working day; \
                 work_on must be a Saturday or Sunday",
                work_on.weekday()
            ),
        }
    }
}

/// Every problem of a calendar record, each at the position of the value it is about.
pub fn problems(year: &CalendarYear) -> Vec<(Pos, Problem)> {
    review(year).1
}

/// The entries of a record that are free of problems, in file order.
pub(super) struct Accepted<'a> {
    pub holidays: Vec<&'a NamedDay>,
    pub days_off: Vec<&'a NamedDay>,
    pub transfers: Vec<&'a Transfer>,
}

/// Walks a record once: what [`problems`] reports and what the calendar uses come from
/// the same judgement, so they cannot disagree.
pub(super) fn review(record: &CalendarYear) -> (Accepted<'_>, Vec<(Pos, Problem)>) {
    let mut review = Review {
        // Against a year that is itself wrong every date would be "outside"; say it once.
        year: YEARS
            .contains(&record.year.value)
            .then_some(record.year.value),
        listed: HashMap::new(),
        problems: Vec::new(),
    };
    if review.year.is_none() {
        review.problems.push((
            record.year.pos,
            Problem::YearOutOfRange {
                year: record.year.value,
            },
        ));
    }
    let mut accepted = Accepted {
        holidays: Vec::new(),
        days_off: Vec::new(),
        transfers: Vec::new(),
    };
    for day in &record.holidays {
        if review.date(day.date.value, day.date.pos) {
            accepted.holidays.push(day);
        }
    }
    for day in &record.days_off {
        if review.date(day.date.value, day.date.pos) {
            accepted.days_off.push(day);
        }
    }
    for transfer in &record.transfers {
        let mut fine = review.date(transfer.rest_on.value, transfer.rest_on.pos);
        fine &= review.date(transfer.work_on.value, transfer.work_on.pos);
        if is_weekend(transfer.rest_on.value) {
            review.problems.push((
                transfer.rest_on.pos,
                Problem::RestOnWeekend {
                    rest_on: transfer.rest_on.value,
                },
            ));
            fine = false;
        }
        if !is_weekend(transfer.work_on.value) {
            review.problems.push((
                transfer.work_on.pos,
                Problem::WorkOnWeekday {
                    work_on: transfer.work_on.value,
                },
            ));
            fine = false;
        }
        // Half a transfer would change the year's count of working days.
        if fine {
            accepted.transfers.push(transfer);
        }
    }
    (accepted, review.problems)
}

struct Review {
    year: Option<i16>,
    listed: HashMap<Date, Pos>,
    problems: Vec<(Pos, Problem)>,
}

impl Review {
    /// Records that `date` is listed at `pos`; false if the entry must not be used.
    fn date(&mut self, date: Date, pos: Pos) -> bool {
        let mut fine = true;
        if let Some(year) = self.year
            && date.year() != year
        {
            self.problems
                .push((pos, Problem::DateOutsideYear { date, year }));
            fine = false;
        }
        if let Some(&first_listed) = self.listed.get(&date) {
            self.problems
                .push((pos, Problem::DuplicateDate { date, first_listed }));
            fine = false;
        } else {
            self.listed.insert(date, pos);
        }
        fine && self.year.is_some()
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::test_support::{kazakhstan, named, record, transfer};

    fn kinds(year: &CalendarYear) -> Vec<Problem> {
        problems(year)
            .into_iter()
            .map(|(_, problem)| problem)
            .collect()
    }

    #[test]
    fn statutory_2026_calendar_has_no_problems() {
        assert_eq!(problems(&kazakhstan(2026, date(2026, 5, 27))), vec![]);
    }

    #[test]
    fn finds_year_outside_2000_to_2100() {
        let year = record(
            1999,
            vec![named(date(1999, 1, 1), "Жаңа жыл", "Новый год")],
            vec![],
            vec![],
        );
        assert_eq!(kinds(&year), vec![Problem::YearOutOfRange { year: 1999 }]);
        assert_eq!(problems(&year)[0].0, year.year.pos);
    }

    #[test]
    fn finds_holiday_dated_in_another_year() {
        let year = record(
            2026,
            vec![named(date(2027, 1, 1), "Жаңа жыл", "Новый год")],
            vec![],
            vec![],
        );
        let found = problems(&year);
        assert_eq!(
            found,
            vec![(
                year.holidays[0].date.pos,
                Problem::DateOutsideYear {
                    date: date(2027, 1, 1),
                    year: 2026
                }
            )]
        );
    }

    #[test]
    fn finds_transfer_dated_in_another_year() {
        let year = record(
            2026,
            vec![],
            vec![],
            vec![transfer(date(2026, 1, 5), date(2025, 12, 27))],
        );
        assert_eq!(
            kinds(&year),
            vec![Problem::DateOutsideYear {
                date: date(2025, 12, 27),
                year: 2026
            }]
        );
    }

    #[test]
    fn finds_date_listed_as_holiday_and_day_off() {
        let year = record(
            2026,
            vec![named(date(2026, 1, 7), "Рождество", "Рождество")],
            vec![named(
                date(2026, 1, 7),
                "Православиелік Рождество",
                "Православное Рождество",
            )],
            vec![],
        );
        let first_listed = year.holidays[0].date.pos;
        assert_eq!(
            problems(&year),
            vec![(
                year.days_off[0].date.pos,
                Problem::DuplicateDate {
                    date: date(2026, 1, 7),
                    first_listed
                }
            )]
        );
    }

    #[test]
    fn finds_transfer_resting_on_a_day_that_is_already_a_holiday() {
        let year = record(
            2026,
            vec![named(date(2026, 1, 2), "Жаңа жыл", "Новый год")],
            vec![],
            vec![transfer(date(2026, 1, 2), date(2026, 1, 10))],
        );
        assert!(matches!(kinds(&year)[..], [Problem::DuplicateDate { .. }]));
    }

    #[test]
    fn finds_transfer_resting_on_a_weekend_day() {
        // 10 January 2026 is a Saturday.
        let year = record(
            2026,
            vec![],
            vec![],
            vec![transfer(date(2026, 1, 10), date(2026, 1, 11))],
        );
        assert_eq!(
            problems(&year),
            vec![(
                year.transfers[0].rest_on.pos,
                Problem::RestOnWeekend {
                    rest_on: date(2026, 1, 10)
                }
            )]
        );
    }

    #[test]
    fn finds_transfer_working_on_a_weekday() {
        // 5 and 6 January 2026 are Monday and Tuesday.
        let year = record(
            2026,
            vec![],
            vec![],
            vec![transfer(date(2026, 1, 5), date(2026, 1, 6))],
        );
        assert_eq!(
            problems(&year),
            vec![(
                year.transfers[0].work_on.pos,
                Problem::WorkOnWeekday {
                    work_on: date(2026, 1, 6)
                }
            )]
        );
    }

    #[test]
    fn problems_read_as_plain_english() {
        let messages: Vec<String> = [
            Problem::YearOutOfRange { year: 1999 },
            Problem::DateOutsideYear {
                date: date(2027, 1, 1),
                year: 2026,
            },
            Problem::DuplicateDate {
                date: date(2026, 1, 7),
                first_listed: Pos::new(4, 13),
            },
            Problem::RestOnWeekend {
                rest_on: date(2026, 1, 10),
            },
            Problem::WorkOnWeekday {
                work_on: date(2026, 1, 6),
            },
        ]
        .iter()
        .map(Problem::to_string)
        .collect();
        assert_eq!(
            messages,
            [
                "calendar year 1999 is outside the supported years 2000–2100",
                "2027-01-01 is not in the calendar year 2026",
                "2026-01-07 is listed twice in this calendar (first at line 4, column 13)",
                "transfer rest_on 2026-01-10 is a Saturday, already a day off; rest_on must be a weekday",
                "transfer work_on 2026-01-06 is a Tuesday, already a working day; \
                 work_on must be a Saturday or Sunday",
            ]
        );
    }
}
