//! The Kazakhstan working-day calendar (RULES.md P4): which days are days off, and how
//! many working days lie between two dates, for a five-day working week.
//!
//! A day is off when it is a Saturday or Sunday, a public holiday, a day off that never
//! carries over (7 January, the first day of Kurban Ait), or a weekday that a government
//! transfer made a day off; a transfer's weekend day is worked instead. A holiday that
//! falls on a Saturday or Sunday carries its day off to the next working day after it
//! (law on holidays, art. 5), which this module computes: the calendar files list only
//! what the law and the government say.
//!
//! Pure logic over the records `load` read from content/calendar/YEAR.yaml: no I/O, no
//! YAML. A date in a year that no record covers is an error ([`MissingYear`]), never a
//! guess. Checking a record's mistakes is [`problems`]; printing a year for an officer
//! to compare with the government's announcement is [`describe_year`].

mod describe;
#[cfg(test)]
mod test_support;
mod validate;

use std::fmt;

use jiff::civil::{Date, Weekday};

pub use describe::{describe_differences, describe_source, describe_sources, describe_year};
pub use validate::{Problem, problems};

use kadr_model::{CalendarYear, Text};

/// A date lies in a year that no loaded calendar record covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MissingYear(pub i16);

/// What P4 says of one posting: see [`Calendar::p4_term`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct P4Term {
    /// The last day the posting could be placed on.
    pub last_day: Date,
    /// Working days after `last_day` it was placed; 0 when on time.
    pub late_by: i64,
}

impl P4Term {
    pub fn is_late(&self) -> bool {
        self.late_by > 0
    }
}

impl fmt::Display for MissingYear {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "no working-day calendar for {}", self.0)
    }
}

impl std::error::Error for MissingYear {}

/// A day that differs from the plain five-day week, with why.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DayOff<'a> {
    pub date: Date,
    pub reason: Reason<'a>,
}

impl DayOff<'_> {
    /// False for a weekend day worked under a transfer; a holiday on a weekend is off.
    pub fn is_day_off(&self) -> bool {
        !matches!(self.reason, Reason::TransferWork { .. })
    }
}

/// Why a day is listed by [`Calendar::days_off`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reason<'a> {
    /// A public holiday (listed also when it falls on a weekend).
    Holiday(&'a Text),
    /// The day off of the holiday `name` on the weekend day `from`, carried over.
    CarriedOver { from: Date, name: &'a Text },
    /// A day off that never carries over (listed also when it falls on a weekend).
    DayOff(&'a Text),
    /// A weekday made a day off by a transfer; `work_on` is worked instead.
    TransferRest { work_on: Date },
    /// A weekend day worked under a transfer; `rest_on` is off instead.
    TransferWork { rest_on: Date },
}

/// The working-day calendar of the loaded years.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    first_year: i16,
    /// One slot per year from `first_year`; `None` for a year no record covers.
    years: Vec<Option<YearTable>>,
}

impl Calendar {
    /// Builds the calendar of the given records. Entries that [`problems`] objects to
    /// are left out, and of two records for the same year the first is used (`check`,
    /// which sees every file, reports the second).
    ///
    /// Carry-overs are resolved across the turn of the year when both years are loaded.
    /// A carry-over into a year that is not loaded is dropped; one from a year that is
    /// not loaded cannot be known. Kazakhstan's last holiday is 16 December, so with the
    /// statutory holidays neither happens.
    pub fn new(records: &[CalendarYear]) -> Calendar {
        let mut records: Vec<&CalendarYear> = records
            .iter()
            .filter(|record| validate::YEARS.contains(&record.year.value))
            .collect();
        records.sort_by_key(|record| record.year.value);
        records.dedup_by_key(|record| record.year.value);
        let (Some(first), Some(last)) = (records.first(), records.last()) else {
            return Calendar::default();
        };
        let first_year = first.year.value;
        let span = usize::from(last.year.value.abs_diff(first_year)) + 1;
        let mut calendar = Calendar {
            first_year,
            years: vec![None; span],
        };

        let mut holidays: Vec<(Date, &Text)> = Vec::new();
        for record in records {
            let Some(slot) = calendar.slot(record.year.value) else {
                continue;
            };
            let Ok(jan_1) = Date::new(record.year.value, 1, 1) else {
                continue;
            };
            let (accepted, _) = validate::review(record);
            let mut table = YearTable::five_day_week(jan_1);
            for day in accepted.holidays {
                table.set_off(day.date.value, true);
                table
                    .notes
                    .push((day.date.value, Note::Holiday(day.name.clone())));
                holidays.push((day.date.value, &day.name));
            }
            for day in accepted.days_off {
                table.set_off(day.date.value, true);
                table
                    .notes
                    .push((day.date.value, Note::DayOff(day.name.clone())));
            }
            for transfer in accepted.transfers {
                let (rest_on, work_on) = (transfer.rest_on.value, transfer.work_on.value);
                table.set_off(rest_on, true);
                table.set_off(work_on, false);
                table.notes.push((rest_on, Note::TransferRest { work_on }));
                table.notes.push((work_on, Note::TransferWork { rest_on }));
            }
            calendar.years[slot] = Some(table);
        }

        // In date order across years, so that an earlier holiday's carry-over takes the
        // first free day and a later one goes past it.
        holidays.sort_by_key(|&(date, _)| date);
        for (holiday, name) in holidays {
            if is_weekend(holiday) {
                calendar.carry_over(holiday, name);
            }
        }
        for table in calendar.years.iter_mut().flatten() {
            table.finish();
        }
        calendar
    }

    /// Marks off the first weekday after `holiday` that is not already off. A worked
    /// weekend day (a transfer's `work_on`) is skipped: the carry-over must not undo the
    /// government's transfer. If the search leaves the loaded years, the day off falls
    /// where the calendar knows nothing, and there is nothing to mark.
    fn carry_over(&mut self, holiday: Date, name: &Text) {
        let mut day = holiday;
        while let Ok(next) = day.tomorrow() {
            day = next;
            let Some(table) = self
                .slot(day.year())
                .and_then(|slot| self.years[slot].as_mut())
            else {
                return;
            };
            if !is_weekend(day) && !table.is_off(day) {
                table.set_off(day, true);
                let note = Note::CarriedOver {
                    from: holiday,
                    name: name.clone(),
                };
                table.notes.push((day, note));
                return;
            }
        }
    }

    fn slot(&self, year: i16) -> Option<usize> {
        let offset = usize::try_from(i32::from(year) - i32::from(self.first_year)).ok()?;
        (offset < self.years.len()).then_some(offset)
    }

    fn table(&self, year: i16) -> Result<&YearTable, MissingYear> {
        self.slot(year)
            .and_then(|slot| self.years[slot].as_ref())
            .ok_or(MissingYear(year))
    }

    /// Whether a record for `year` was loaded.
    pub fn covers(&self, year: i16) -> bool {
        self.table(year).is_ok()
    }

    pub fn is_working_day(&self, date: Date) -> Result<bool, MissingYear> {
        Ok(!self.table(date.year())?.is_off(date))
    }

    /// The `n`-th working day strictly after `date`; `date` itself when `n` is 0.
    pub fn add_working_days(&self, date: Date, n: u32) -> Result<Date, MissingYear> {
        let mut table = self.table(date.year())?;
        if n == 0 {
            return Ok(date);
        }
        let mut year = date.year();
        let mut counted = table.working_through(date);
        let mut remaining = n;
        loop {
            let left_in_year = table.working_days() - counted;
            if remaining <= left_in_year {
                return Ok(table.nth_working_day(counted + remaining));
            }
            remaining -= left_in_year;
            year += 1;
            table = self.table(year)?;
            counted = 0;
        }
    }

    /// The number of working days d with `a` < d ≤ `b`; when `b` is before `a`, minus
    /// the count from `b` to `a`. `working_days_between(a, add_working_days(a, n))` is n.
    pub fn working_days_between(&self, a: Date, b: Date) -> Result<i64, MissingYear> {
        if b < a {
            return self.working_days_between(b, a).map(|count| -count);
        }
        let start = self.table(a.year())?;
        if a.year() == b.year() {
            return Ok(i64::from(start.working_through(b)) - i64::from(start.working_through(a)));
        }
        let mut count = i64::from(start.working_days() - start.working_through(a));
        for year in a.year() + 1..b.year() {
            count += i64::from(self.table(year)?.working_days());
        }
        Ok(count + i64::from(self.table(b.year())?.working_through(b)))
    }

    /// P4 for one posting: the last day it could be placed on, and by how many working
    /// days `published_on` is later than that (0 when on time). `check` and `kadr report`
    /// both judge postings with this.
    pub fn p4_term(
        &self,
        arose_on: Date,
        published_on: Date,
        within: u32,
    ) -> Result<P4Term, MissingYear> {
        let last_day = self.last_day_to_publish(arose_on, within)?;
        let late_by = if published_on > last_day {
            self.working_days_between(last_day, published_on)?
        } else {
            0
        };
        Ok(P4Term { last_day, late_by })
    }

    /// P4: the last day a posting of a vacancy that arose on `arose_on` may be
    /// published. The period starts the day after `arose_on` and ends on the
    /// `within`-th working day after it.
    pub fn last_day_to_publish(&self, arose_on: Date, within: u32) -> Result<Date, MissingYear> {
        self.add_working_days(arose_on, within)
    }

    /// Every day of `year` that is off although it is not an ordinary Saturday or
    /// Sunday, every holiday or day off that falls on a weekend, and every weekend day
    /// worked under a transfer, in date order. `None` when no record covers `year`.
    pub fn days_off(&self, year: i16) -> Option<Vec<DayOff<'_>>> {
        let table = self.table(year).ok()?;
        Some(
            table
                .notes
                .iter()
                .map(|(date, note)| DayOff {
                    date: *date,
                    reason: note.reason(),
                })
                .collect(),
        )
    }

    /// The days of `year` that are working days in one calendar and days off in the
    /// other, in date order; `None` when either calendar lacks the year.
    pub fn differences(&self, other: &Calendar, year: i16) -> Option<Vec<Date>> {
        let (a, b) = (self.table(year).ok()?, other.table(year).ok()?);
        let mut day = a.jan_1;
        let mut out = Vec::new();
        while day.year() == year {
            if a.is_off(day) != b.is_off(day) {
                out.push(day);
            }
            day = day.tomorrow().ok()?;
        }
        Some(out)
    }

    /// The number of working days in `year`; `None` when no record covers it.
    pub fn working_days_in_year(&self, year: i16) -> Option<u32> {
        self.table(year).ok().map(YearTable::working_days)
    }
}

fn is_weekend(date: Date) -> bool {
    matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// One year's days off, precomputed so that a question about a day costs a bit lookup.
#[derive(Debug, Clone)]
struct YearTable {
    jan_1: Date,
    /// Bit `i` is set when day `i` of the year (0 = 1 January) is off.
    off: [u64; 6],
    /// `working_before[i]`: the working days among the first `i` days of the year; one
    /// entry more than the year has days, so the last is the year's total.
    working_before: Vec<u16>,
    /// Why days differ from the plain week, in date order once `finish`ed.
    notes: Vec<(Date, Note)>,
}

/// A [`Reason`] that owns its holiday's name.
#[derive(Debug, Clone)]
enum Note {
    Holiday(Text),
    CarriedOver { from: Date, name: Text },
    DayOff(Text),
    TransferRest { work_on: Date },
    TransferWork { rest_on: Date },
}

impl Note {
    fn reason(&self) -> Reason<'_> {
        match self {
            Note::Holiday(name) => Reason::Holiday(name),
            Note::CarriedOver { from, name } => Reason::CarriedOver { from: *from, name },
            Note::DayOff(name) => Reason::DayOff(name),
            Note::TransferRest { work_on } => Reason::TransferRest { work_on: *work_on },
            Note::TransferWork { rest_on } => Reason::TransferWork { rest_on: *rest_on },
        }
    }
}

impl YearTable {
    /// Saturdays and Sundays off, nothing else.
    fn five_day_week(jan_1: Date) -> YearTable {
        let mut table = YearTable {
            jan_1,
            off: [0; 6],
            working_before: Vec::new(),
            notes: Vec::new(),
        };
        let mut weekday = jan_1.weekday();
        for index in 0..usize::from(jan_1.days_in_year().unsigned_abs()) {
            if matches!(weekday, Weekday::Saturday | Weekday::Sunday) {
                table.off[index / 64] |= 1 << (index % 64);
            }
            weekday = weekday.next();
        }
        table
    }

    /// The index of `date` in its year; callers pass only dates of this year.
    fn index(date: Date) -> usize {
        usize::from(date.day_of_year().unsigned_abs()) - 1
    }

    fn is_off(&self, date: Date) -> bool {
        let index = Self::index(date);
        self.off[index / 64] & (1 << (index % 64)) != 0
    }

    fn set_off(&mut self, date: Date, off: bool) {
        let index = Self::index(date);
        if off {
            self.off[index / 64] |= 1 << (index % 64);
        } else {
            self.off[index / 64] &= !(1 << (index % 64));
        }
    }

    /// Counts the working days and puts the notes in date order; called once all days
    /// off are marked.
    fn finish(&mut self) {
        let days = usize::from(self.jan_1.days_in_year().unsigned_abs());
        self.working_before = Vec::with_capacity(days + 1);
        let mut working = 0;
        self.working_before.push(working);
        for index in 0..days {
            if self.off[index / 64] & (1 << (index % 64)) == 0 {
                working += 1;
            }
            self.working_before.push(working);
        }
        self.notes.sort_by_key(|(date, _)| *date);
    }

    fn working_days(&self) -> u32 {
        self.working_before.last().copied().map_or(0, u32::from)
    }

    /// The working days from 1 January up to and including `date`.
    fn working_through(&self, date: Date) -> u32 {
        u32::from(self.working_before[Self::index(date) + 1])
    }

    /// The `n`-th working day of the year, for 1 ≤ `n` ≤ [`Self::working_days`].
    fn nth_working_day(&self, n: u32) -> Date {
        // The first day through which `n` days are worked is the `n`-th working day.
        let through = self
            .working_before
            .partition_point(|&count| u32::from(count) < n);
        let index = i16::try_from(through).unwrap_or(i16::MAX);
        self.jan_1
            .with()
            .day_of_year(index)
            .build()
            .expect("n is at most the year's working days, so the day lies in the year")
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;
    use proptest::prelude::*;

    use super::test_support::{kazakhstan, kazakhstan_2025_to_2027, named, record, transfer};
    use super::*;

    fn sample() -> Calendar {
        Calendar::new(&kazakhstan_2025_to_2027())
    }

    fn off_days(calendar: &Calendar, from: Date, to: Date) -> Vec<Date> {
        from.series(jiff::Span::new().days(1))
            .take_while(|day| *day <= to)
            .filter(|day| calendar.is_working_day(*day) == Ok(false))
            .collect()
    }

    #[test]
    fn nauryz_2026_vacancy_arising_friday_20_march_may_be_published_until_monday_30_march() {
        assert_eq!(
            sample().last_day_to_publish(date(2026, 3, 20), 3),
            Ok(date(2026, 3, 30))
        );
    }

    #[test]
    fn nauryz_2026_posting_on_31_march_is_one_working_day_late() {
        assert_eq!(
            sample().working_days_between(date(2026, 3, 30), date(2026, 3, 31)),
            Ok(1)
        );
    }

    #[test]
    fn nauryz_2026_on_saturday_and_sunday_carries_to_tuesday_and_wednesday() {
        let calendar = sample();
        assert_eq!(
            off_days(&calendar, date(2026, 3, 20), date(2026, 3, 27)),
            [
                date(2026, 3, 21),
                date(2026, 3, 22),
                date(2026, 3, 23),
                date(2026, 3, 24),
                date(2026, 3, 25)
            ]
        );
    }

    #[test]
    fn kurban_ait_2026_vacancy_arising_monday_25_may_may_be_published_until_friday_29_may() {
        assert_eq!(
            sample().last_day_to_publish(date(2026, 5, 25), 3),
            Ok(date(2026, 5, 29))
        );
    }

    #[test]
    fn victory_day_on_saturday_9_may_2026_makes_monday_11_may_a_day_off() {
        let calendar = sample();
        assert_eq!(calendar.is_working_day(date(2026, 5, 11)), Ok(false));
        assert_eq!(calendar.is_working_day(date(2026, 5, 12)), Ok(true));
    }

    #[test]
    fn day_off_on_a_weekend_does_not_carry_over() {
        // Kurban Ait 2027 is expected on Sunday 16 May; Monday 17 May stays a working day.
        let calendar = sample();
        assert_eq!(calendar.is_working_day(date(2027, 5, 17)), Ok(true));
    }

    #[test]
    fn transfer_makes_rest_on_a_day_off_and_work_on_a_working_day() {
        // Monday 5 January 2026 rested, Saturday 10 January worked (a made-up decision).
        let year = record(
            2026,
            vec![],
            vec![],
            vec![transfer(date(2026, 1, 5), date(2026, 1, 10))],
        );
        let calendar = Calendar::new(&[year]);
        assert_eq!(calendar.is_working_day(date(2026, 1, 5)), Ok(false));
        assert_eq!(calendar.is_working_day(date(2026, 1, 10)), Ok(true));
        assert_eq!(calendar.working_days_in_year(2026), Some(261));
    }

    #[test]
    fn carry_over_skips_a_weekday_made_a_day_off_by_a_transfer() {
        // Sunday 8 March 2026 would carry to Monday 9 March; a transfer (a made-up one,
        // worked on Saturday 14 March) already rests on Monday, so it goes to Tuesday.
        let year = record(
            2026,
            vec![named(
                date(2026, 3, 8),
                "Халықаралық әйелдер күні",
                "Международный женский день",
            )],
            vec![],
            vec![transfer(date(2026, 3, 9), date(2026, 3, 14))],
        );
        let calendar = Calendar::new(&[year]);
        assert_eq!(
            off_days(&calendar, date(2026, 3, 7), date(2026, 3, 15)),
            [
                date(2026, 3, 7),
                date(2026, 3, 8),
                date(2026, 3, 9),
                date(2026, 3, 10),
                date(2026, 3, 15)
            ]
        );
    }

    #[test]
    fn carry_over_skips_a_weekend_day_worked_under_a_transfer() {
        // A made-up holiday on Saturday 7 March 2026 and a made-up transfer that works
        // Sunday 8 March for Friday 6 March: the carry-over goes to Monday 9 March, not to
        // the worked Sunday, which would undo the transfer.
        let year = record(
            2026,
            vec![named(
                date(2026, 3, 7),
                "Сынақ мерекесі",
                "Пробный праздник",
            )],
            vec![],
            vec![transfer(date(2026, 3, 6), date(2026, 3, 8))],
        );
        let calendar = Calendar::new(&[year]);
        assert_eq!(
            off_days(&calendar, date(2026, 3, 5), date(2026, 3, 10)),
            [date(2026, 3, 6), date(2026, 3, 7), date(2026, 3, 9)]
        );
    }

    #[test]
    fn counting_from_30_december_2026_runs_into_january_2027() {
        // 31 Dec is the 1st day; 1–2 Jan holidays, Saturday 2 Jan carried to Monday 4 Jan;
        // 5 and 6 Jan are the 2nd and 3rd.
        let calendar = sample();
        assert_eq!(
            calendar.last_day_to_publish(date(2026, 12, 30), 3),
            Ok(date(2027, 1, 6))
        );
        assert_eq!(
            calendar.working_days_between(date(2026, 12, 30), date(2027, 1, 6)),
            Ok(3)
        );
        assert_eq!(calendar.is_working_day(date(2027, 1, 4)), Ok(false));
    }

    #[test]
    fn new_year_on_saturday_and_sunday_carries_to_monday_and_tuesday() {
        // 1 and 2 January 2022 are Saturday and Sunday; 7 January a Friday.
        let calendar = Calendar::new(&[kazakhstan(2022, date(2022, 7, 9))]);
        assert_eq!(
            off_days(&calendar, date(2022, 1, 1), date(2022, 1, 10)),
            [
                date(2022, 1, 1),
                date(2022, 1, 2),
                date(2022, 1, 3),
                date(2022, 1, 4),
                date(2022, 1, 7),
                date(2022, 1, 8),
                date(2022, 1, 9)
            ]
        );
    }

    #[test]
    fn holiday_on_saturday_31_december_carries_into_the_next_loaded_year() {
        // A made-up holiday on Saturday 31 December 2022. 1 January 2023 is a Sunday and
        // 2 January a Monday, so 31 Dec carries to Tuesday 3 Jan and 1 Jan to Wednesday 4 Jan.
        let eve = named(date(2022, 12, 31), "Жаңа жыл қарсаңы", "Канун Нового года");
        let calendar = Calendar::new(&[
            record(2022, vec![eve], vec![], vec![]),
            kazakhstan(2023, date(2023, 6, 28)),
        ]);
        assert_eq!(
            off_days(&calendar, date(2022, 12, 30), date(2023, 1, 5)),
            [
                date(2022, 12, 31),
                date(2023, 1, 1),
                date(2023, 1, 2),
                date(2023, 1, 3),
                date(2023, 1, 4)
            ]
        );
        let days_off = calendar.days_off(2023).unwrap_or_default();
        assert!(matches!(
            days_off.iter().find(|day| day.date == date(2023, 1, 3)),
            Some(DayOff { reason: Reason::CarriedOver { from, .. }, .. }) if *from == date(2022, 12, 31)
        ));
        assert_eq!(
            calendar.last_day_to_publish(date(2022, 12, 30), 1),
            Ok(date(2023, 1, 5))
        );
    }

    #[test]
    fn carry_over_into_a_year_not_loaded_leaves_the_loaded_year_as_it_is() {
        let eve = named(date(2022, 12, 31), "Жаңа жыл қарсаңы", "Канун Нового года");
        let calendar = Calendar::new(&[record(2022, vec![eve], vec![], vec![])]);
        assert_eq!(calendar.working_days_in_year(2022), Some(260));
        assert_eq!(
            calendar.add_working_days(date(2022, 12, 30), 1),
            Err(MissingYear(2023))
        );
    }

    #[test]
    fn date_in_a_year_not_loaded_is_missing_year() {
        let calendar = sample();
        assert_eq!(
            calendar.is_working_day(date(2028, 1, 4)),
            Err(MissingYear(2028))
        );
        assert_eq!(
            calendar.is_working_day(date(2024, 12, 31)),
            Err(MissingYear(2024))
        );
        assert_eq!(
            calendar.add_working_days(date(2024, 12, 31), 0),
            Err(MissingYear(2024))
        );
        assert_eq!(
            calendar.add_working_days(date(2027, 12, 30), 3),
            Err(MissingYear(2028))
        );
        assert_eq!(
            calendar.last_day_to_publish(date(2028, 3, 1), 3),
            Err(MissingYear(2028))
        );
        assert_eq!(
            calendar.working_days_between(date(2027, 12, 1), date(2028, 1, 10)),
            Err(MissingYear(2028))
        );
        assert_eq!(calendar.days_off(2028), None);
        assert_eq!(
            Calendar::new(&[]).is_working_day(date(2026, 1, 5)),
            Err(MissingYear(2026))
        );
    }

    #[test]
    fn counting_through_a_year_not_loaded_is_missing_year() {
        let calendar = Calendar::new(&[
            kazakhstan(2025, date(2025, 6, 6)),
            kazakhstan(2027, date(2027, 5, 16)),
        ]);
        assert_eq!(
            calendar.working_days_between(date(2025, 12, 1), date(2027, 1, 10)),
            Err(MissingYear(2026))
        );
        assert_eq!(
            calendar.add_working_days(date(2025, 12, 30), 10),
            Err(MissingYear(2026))
        );
    }

    #[test]
    fn missing_year_says_which_calendar_is_missing() {
        assert_eq!(
            MissingYear(2028).to_string(),
            "no working-day calendar for 2028"
        );
    }

    #[test]
    fn adding_no_working_days_returns_the_date_itself() {
        assert_eq!(
            sample().add_working_days(date(2026, 3, 21), 0),
            Ok(date(2026, 3, 21))
        );
    }

    #[test]
    fn working_days_between_a_later_and_an_earlier_date_is_negative() {
        assert_eq!(
            sample().working_days_between(date(2026, 3, 30), date(2026, 3, 20)),
            Ok(-3)
        );
    }

    #[test]
    fn days_off_lists_holidays_carry_overs_and_transfers_in_date_order() {
        let calendar = sample();
        let days_off = calendar.days_off(2025).unwrap_or_default();
        let january: Vec<(Date, bool)> = days_off
            .iter()
            .filter(|day| day.date.month() == 1)
            .map(|day| (day.date, day.is_day_off()))
            .collect();
        assert_eq!(
            january,
            [
                (date(2025, 1, 1), true),
                (date(2025, 1, 2), true),
                (date(2025, 1, 3), true),
                (date(2025, 1, 5), false),
                (date(2025, 1, 7), true)
            ]
        );
        assert!(
            matches!(days_off[2].reason, Reason::TransferRest { work_on } if work_on == date(2025, 1, 5))
        );
        assert!(
            matches!(days_off[3].reason, Reason::TransferWork { rest_on } if rest_on == date(2025, 1, 3))
        );
        assert!(
            matches!(days_off[4].reason, Reason::DayOff(name) if name.ru.value == "Православное Рождество")
        );
        assert!(days_off.windows(2).all(|pair| pair[0].date < pair[1].date));
    }

    #[test]
    fn days_off_lists_a_holiday_on_a_weekend_and_its_carry_over() {
        let calendar = sample();
        let days_off = calendar.days_off(2026).unwrap_or_default();
        let march: Vec<String> = days_off
            .iter()
            .filter(|day| day.date.month() == 3 && day.date.day() > 20)
            .map(|day| match day.reason {
                Reason::Holiday(name) => format!("{} holiday {}", day.date, name.kk.value),
                Reason::CarriedOver { from, name } => {
                    format!("{} carried over from {from} {}", day.date, name.kk.value)
                }
                other => format!("{} {other:?}", day.date),
            })
            .collect();
        assert_eq!(
            march,
            [
                "2026-03-21 holiday Наурыз мейрамы",
                "2026-03-22 holiday Наурыз мейрамы",
                "2026-03-23 holiday Наурыз мейрамы",
                "2026-03-24 carried over from 2026-03-21 Наурыз мейрамы",
                "2026-03-25 carried over from 2026-03-22 Наурыз мейрамы",
            ]
        );
    }

    #[test]
    fn constitution_day_on_a_weekend_carries_over_like_the_other_holidays() {
        // 15 March 2031 is a Saturday: its day off moves to Monday 17 March.
        let calendar = Calendar::new(&[kazakhstan(2031, date(2031, 3, 25))]);
        assert_eq!(calendar.is_working_day(date(2031, 3, 17)), Ok(false));
        assert_eq!(calendar.is_working_day(date(2031, 3, 18)), Ok(true));
        assert_eq!(
            calendar.is_working_day(date(2031, 8, 30)),
            Ok(false),
            "a Saturday"
        );
        assert_eq!(
            calendar.is_working_day(date(2031, 9, 1)),
            Ok(true),
            "no carry-over"
        );
    }

    #[test]
    fn working_days_per_year_follow_the_statutory_calendar() {
        // Counted by hand: 261 weekdays each year, less the weekdays off (2025: 16, and
        // Sunday 5 January worked; 2026: 14, with no Constitution Day under the amended
        // law; 2027: 14, with Monday 15 March off and Monday 30 August worked).
        let calendar = sample();
        assert_eq!(
            [2025, 2026, 2027].map(|year| calendar.working_days_in_year(year)),
            [Some(246), Some(247), Some(247)]
        );
    }

    #[test]
    fn calendar_leaves_out_entries_with_problems_without_panicking() {
        let year = record(
            2026,
            vec![
                named(date(2027, 1, 1), "Жаңа жыл", "Новый год"),
                named(
                    date(2026, 3, 8),
                    "Халықаралық әйелдер күні",
                    "Международный женский день",
                ),
                named(
                    date(2026, 3, 8),
                    "Халықаралық әйелдер күні",
                    "Международный женский день",
                ),
            ],
            vec![],
            vec![transfer(date(2026, 1, 10), date(2026, 1, 12))],
        );
        let out_of_range = record(1999, vec![], vec![], vec![]);
        let calendar = Calendar::new(&[year, out_of_range]);
        assert_eq!(calendar.is_working_day(date(2026, 1, 12)), Ok(true));
        assert_eq!(calendar.is_working_day(date(2026, 3, 9)), Ok(false));
        assert_eq!(calendar.days_off(2026).map(|days| days.len()), Some(2));
        assert!(!calendar.covers(1999));
        assert!(!calendar.covers(2027));
    }

    #[test]
    fn the_first_of_two_records_for_a_year_is_used() {
        let calendar = Calendar::new(&[
            kazakhstan(2026, date(2026, 5, 27)),
            record(2026, vec![], vec![], vec![]),
        ]);
        assert_eq!(calendar.is_working_day(date(2026, 1, 1)), Ok(false));
    }

    fn sample_day() -> impl Strategy<Value = Date> {
        (0i16..1095).prop_map(|offset| {
            date(2025, 1, 1)
                .checked_add(jiff::Span::new().days(offset))
                .unwrap_or(date(2025, 1, 1))
        })
    }

    proptest! {
        #[test]
        fn add_working_days_and_working_days_between_agree(day in sample_day(), n in 0u32..400) {
            let calendar = sample();
            if let Ok(later) = calendar.add_working_days(day, n) {
                prop_assert_eq!(calendar.working_days_between(day, later), Ok(i64::from(n)));
                prop_assert_eq!(calendar.working_days_between(later, day), Ok(-i64::from(n)));
            }
        }

        #[test]
        fn add_working_days_lands_on_a_working_day(day in sample_day(), n in 1u32..400) {
            let calendar = sample();
            if let Ok(later) = calendar.add_working_days(day, n) {
                prop_assert_eq!(calendar.is_working_day(later), Ok(true));
                prop_assert!(later > day);
            }
        }

        #[test]
        fn add_working_days_grows_with_n(day in sample_day(), n in 0u32..400) {
            let calendar = sample();
            if let (Ok(earlier), Ok(later)) =
                (calendar.add_working_days(day, n), calendar.add_working_days(day, n + 1))
            {
                prop_assert!(earlier < later);
                prop_assert_eq!(calendar.working_days_between(earlier, later), Ok(1));
            }
        }

        #[test]
        fn working_days_between_counts_working_days_one_by_one(a in sample_day(), b in sample_day()) {
            let calendar = sample();
            let (from, to) = if a <= b { (a, b) } else { (b, a) };
            let counted = from
                .series(jiff::Span::new().days(1))
                .skip(1)
                .take_while(|day| *day <= to)
                .filter(|day| calendar.is_working_day(*day) == Ok(true))
                .count();
            prop_assert_eq!(calendar.working_days_between(from, to), Ok(counted as i64));
        }
    }
}
