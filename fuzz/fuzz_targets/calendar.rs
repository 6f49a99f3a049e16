//! Arbitrary working-day calendar files (written as YAML and read by the real loader)
//! and date pairs. No panic; `add_working_days` and `working_days_between` agree; and
//! the P4 verdict on a vacancy does not change when a day off between its dates is
//! listed twice in the input (the calendar must count it once, as it is one day).

#![no_main]

use std::fmt::Write as _;

use arbitrary::Arbitrary;
use jiff::ToSpan;
use jiff::civil::Date;
use kadr_calendar::{self as calendar, Calendar};
use kadr_diagnostic::Message;
use kadr_load::{Kind, Record, read_record};
use kadr_model::{CalendarYear, FileId, Lang};
use kadr_fuzz::{minimal, today};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug, Clone)]
struct YearInput {
    /// Mostly 2024–2028 (around the years sites have); any year the
    /// loader accepts when `raw`.
    year: u8,
    raw: bool,
    holidays: Vec<u16>,
    days_off: Vec<u16>,
    transfers: Vec<(u16, u16)>,
}

impl YearInput {
    fn year(&self) -> i16 {
        if self.raw {
            1900 + (i32::from(self.year) * 300 / 255) as i16
        } else {
            2024 + i16::from(self.year % 5)
        }
    }
}

/// A day near `year`: most in it, a few just after it (a mistake the check reports).
fn day(year: i16, offset: u16) -> Option<Date> {
    let jan_1 = Date::new(year, 1, 1).ok()?;
    jan_1.checked_add(i64::from(offset % 380).days()).ok()
}

/// Which entry of the input to list twice.
#[derive(Debug, Clone, Copy)]
enum Entry {
    Holiday(usize, usize),
    DayOff(usize, usize),
    Transfer(usize, usize),
}

#[derive(Arbitrary, Debug)]
struct Input {
    years: Vec<YearInput>,
    arose_year: u8,
    arose_day: u16,
    /// Calendar days from `arose_on` to `published_on`.
    published_after: u8,
    within: u8,
    n: u8,
    duplicate: u8,
}

/// The calendar file of `y` as staff would write it.
fn yaml(y: &YearInput) -> String {
    let year = y.year();
    let mut out = format!("year: {year}\nholidays:");
    let named = |out: &mut String, days: &[u16], what: &str| {
        out.push_str(if days.is_empty() { " []\n" } else { "\n" });
        for (i, offset) in days.iter().enumerate() {
            if let Some(date) = day(year, *offset) {
                let _ = writeln!(
                    out,
                    "  - {{date: {date}, name: {{kk: \"{what} {i}\", ru: \"{what} {i} ru\"}}}}"
                );
            }
        }
    };
    named(&mut out, &y.holidays, "мейрам");
    out.push_str("days_off:");
    named(&mut out, &y.days_off, "демалыс");
    out.push_str("transfers:");
    out.push_str(if y.transfers.is_empty() {
        " []\n"
    } else {
        "\n"
    });
    for (rest_on, work_on) in &y.transfers {
        if let (Some(rest_on), Some(work_on)) = (day(year, *rest_on), day(year, *work_on)) {
            let _ = writeln!(out, "  - {{rest_on: {rest_on}, work_on: {work_on}}}");
        }
    }
    out
}

/// Reads the calendar files through the loader.
fn records(years: &[YearInput]) -> Vec<CalendarYear> {
    let base = minimal();
    let first = base.sources.iter().count() as u32;
    let mut out = Vec::new();
    for (i, y) in years.iter().enumerate() {
        let text = yaml(y);
        let path = format!("content/calendar/{}.yaml", y.year());
        let (_, outcome) = read_record(
            Kind::Calendar,
            text.clone().into_bytes(),
            FileId(first + i as u32),
            &path,
        );
        match outcome.record {
            Some(Record::Calendar(c)) => out.push(*c),
            _ => panic!(
                "a well-formed calendar file is refused: {:?}\n{text}",
                outcome.diagnostics
            ),
        }
    }
    out
}

/// What P4 says about a vacancy that arose on `arose` and was published on
/// `published`, in the minimal site with this calendar.
fn p4_verdict(
    calendar: Vec<CalendarYear>,
    arose: Date,
    published: Date,
    within: u32,
) -> Vec<Message> {
    let base = minimal();
    let mut data = base.data.clone();
    let Some(site) = &mut data.site else {
        return Vec::new();
    };
    site.publish_within_working_days.value = within;
    let mut vacancy = (*data.vacancies[0]).clone();
    vacancy.arose_on.value = arose;
    vacancy.published_on.value = published;
    vacancy.deadline.value = published;
    vacancy.updated_on = None;
    vacancy.late_reason = None;
    let file = vacancy.file;
    data.vacancies = vec![std::sync::Arc::new(vacancy)];
    data.partial_vacancies.clear();
    data.calendar = calendar;
    let mut sources = base.sources.clone();
    for year in &data.calendar {
        while sources.get(year.file).is_none() {
            sources.add(format!("content/calendar/{}.yaml", year.year.value), None);
        }
    }
    kadr_check::check(&data, &sources, today())
        .diagnostics
        .into_iter()
        .filter(|d| d.loc.file == file && d.rule == Some("P4"))
        .map(|d| d.message)
        .collect()
}

fuzz_target!(|input: Input| {
    // Bounded, so that one input stays fast.
    let years: Vec<YearInput> = input
        .years
        .iter()
        .take(4)
        .map(|y| {
            let mut y = y.clone();
            y.holidays.truncate(40);
            y.days_off.truncate(40);
            y.transfers.truncate(10);
            y
        })
        .collect();
    if years.is_empty() {
        return;
    }
    let loaded = records(&years);
    let cal = Calendar::new(&loaded);
    for record in &loaded {
        let _ = calendar::problems(record);
        let year = record.year.value;
        let _ = cal.days_off(year);
        let _ = cal.working_days_in_year(year);
        for lang in Lang::ALL {
            let _ = calendar::describe_year(&cal, year, lang);
        }
    }

    let arose_year = years[input.arose_year as usize % years.len()].year();
    let Some(arose) = day(arose_year, input.arose_day) else {
        return;
    };
    let Ok(published) = arose.checked_add(i64::from(input.published_after).days()) else {
        return;
    };

    // add_working_days and working_days_between are inverses.
    let n = u32::from(input.n);
    if let Ok(d) = cal.add_working_days(arose, n) {
        assert!(d >= arose, "add({arose}, {n}) = {d}");
        assert_eq!(
            cal.working_days_between(arose, d),
            Ok(i64::from(n)),
            "add({arose}, {n}) = {d}"
        );
        if n > 0 {
            assert_eq!(cal.is_working_day(d), Ok(true), "add({arose}, {n}) = {d}");
        }
    }
    if let Ok(k) = cal.working_days_between(arose, published) {
        assert_eq!(cal.working_days_between(published, arose), Ok(-k));
        let k = u32::try_from(k).expect("published is not before arose");
        let d = cal.add_working_days(arose, k);
        assert!(
            d.is_ok_and(|d| d <= published),
            "between({arose}, {published}) = {k}, add = {d:?}"
        );
        if let Ok(after) = cal.add_working_days(arose, k + 1) {
            assert!(
                after > published,
                "between({arose}, {published}) = {k}, add(k + 1) = {after}"
            );
        }
    }

    // Listing a day off between the dates a second time changes nothing.
    let in_range =
        |offset: u16, year: i16| day(year, offset).is_some_and(|d| arose <= d && d <= published);
    let mut entries = Vec::new();
    for (y, year) in years.iter().enumerate() {
        let number = year.year();
        for (i, &d) in year.holidays.iter().enumerate() {
            if in_range(d, number) {
                entries.push(Entry::Holiday(y, i));
            }
        }
        for (i, &d) in year.days_off.iter().enumerate() {
            if in_range(d, number) {
                entries.push(Entry::DayOff(y, i));
            }
        }
        for (i, &(rest_on, _)) in year.transfers.iter().enumerate() {
            if in_range(rest_on, number) {
                entries.push(Entry::Transfer(y, i));
            }
        }
    }
    if entries.is_empty() {
        return;
    }
    let mut twice = years.clone();
    match entries[input.duplicate as usize % entries.len()] {
        Entry::Holiday(y, i) => twice[y].holidays.insert(i + 1, years[y].holidays[i]),
        Entry::DayOff(y, i) => twice[y].days_off.insert(i + 1, years[y].days_off[i]),
        Entry::Transfer(y, i) => twice[y].transfers.insert(i + 1, years[y].transfers[i]),
    }
    let within = u32::from(input.within % 30) + 1;
    let once = p4_verdict(loaded, arose, published, within);
    let again = p4_verdict(records(&twice), arose, published, within);
    assert_eq!(
        once, again,
        "listing a day off twice changed the P4 verdict"
    );
});
