//! Builders of calendar records for the calendar's tests: the statutory Kazakhstan year
//! (as content/calendar/YEAR.yaml writes it) and small synthetic records.

use jiff::civil::{Date, date};

use kadr_model::{CalendarYear, FileId, NamedDay, Pos, Spanned, Text, Transfer};

pub fn text(kk: &str, ru: &str) -> Text {
    Text {
        kk: Spanned::new(kk.to_owned(), Pos::START),
        ru: Spanned::new(ru.to_owned(), Pos::START),
        pos: Pos::START,
    }
}

pub fn named(day: Date, kk: &str, ru: &str) -> NamedDay {
    NamedDay {
        date: Spanned::new(day, Pos::START),
        name: text(kk, ru),
    }
}

pub fn transfer(rest_on: Date, work_on: Date) -> Transfer {
    Transfer {
        rest_on: Spanned::new(rest_on, Pos::START),
        work_on: Spanned::new(work_on, Pos::START),
        pos: Pos::START,
    }
}

/// A record as the loader would make it, each entry on a line of its own (so that a
/// test can tell entries apart by position).
pub fn record(
    year: i16,
    mut holidays: Vec<NamedDay>,
    mut days_off: Vec<NamedDay>,
    mut transfers: Vec<Transfer>,
) -> CalendarYear {
    let mut line = 2;
    let mut next = || {
        line += 1;
        line
    };
    for day in holidays.iter_mut().chain(days_off.iter_mut()) {
        let line = next();
        day.date.pos = Pos::new(line, 11);
        day.name.pos = Pos::new(line, 35);
    }
    for t in &mut transfers {
        let line = next();
        t.pos = Pos::new(line, 5);
        t.rest_on.pos = Pos::new(line, 15);
        t.work_on.pos = Pos::new(line, 36);
    }
    CalendarYear {
        file: FileId(0),
        year: Spanned::new(year, Pos::new(1, 7)),
        holidays,
        days_off,
        transfers,
        sources: Vec::new(),
    }
}

/// The holidays and days off that Kazakhstan's law lists for `year`, with the first day
/// of Kurban Ait on `kurban_ait`, and no transfers. The law as amended with the new
/// Constitution (in force from 1 July 2026): Constitution Day is 30 August up to 2025,
/// not observed in 2026, and 15 March from 2027; Republic Day is «Қазақстан
/// Республикасы күні» / «День Республики Казахстан» from 2026.
pub fn kazakhstan(year: i16, kurban_ait: Date) -> CalendarYear {
    let constitution_day = match year {
        ..=2025 => Some(date(year, 8, 30)),
        2026 => None,
        _ => Some(date(year, 3, 15)),
    };
    let republic_day = if year <= 2025 {
        named(date(year, 10, 25), "Республика күні", "День Республики")
    } else {
        named(
            date(year, 10, 25),
            "Қазақстан Республикасы күні",
            "День Республики Казахстан",
        )
    };
    let mut holidays = vec![
        named(date(year, 1, 1), "Жаңа жыл", "Новый год"),
        named(date(year, 1, 2), "Жаңа жыл", "Новый год"),
        named(
            date(year, 3, 8),
            "Халықаралық әйелдер күні",
            "Международный женский день",
        ),
        named(date(year, 3, 21), "Наурыз мейрамы", "Наурыз мейрамы"),
        named(date(year, 3, 22), "Наурыз мейрамы", "Наурыз мейрамы"),
        named(date(year, 3, 23), "Наурыз мейрамы", "Наурыз мейрамы"),
        named(
            date(year, 5, 1),
            "Қазақстан халқының бірлігі мерекесі",
            "Праздник единства народа Казахстана",
        ),
        named(
            date(year, 5, 7),
            "Отан қорғаушы күні",
            "День защитника Отечества",
        ),
        named(date(year, 5, 9), "Жеңіс күні", "День Победы"),
        named(date(year, 7, 6), "Астана күні", "День столицы"),
        republic_day,
        named(date(year, 12, 16), "Тәуелсіздік күні", "День Независимости"),
    ];
    if let Some(day) = constitution_day {
        holidays.push(named(
            day,
            "Қазақстан Республикасының Конституциясы күні",
            "День Конституции Республики Казахстан",
        ));
    }
    holidays.sort_by_key(|h| h.date.value);
    let days_off = vec![
        named(
            date(year, 1, 7),
            "Православиелік Рождество",
            "Православное Рождество",
        ),
        named(
            kurban_ait,
            "Құрбан айттың бірінші күні",
            "Первый день Курбан айта",
        ),
    ];
    record(year, holidays, days_off, vec![])
}

/// 2025–2027 as the sample site's calendar files give them.
pub fn kazakhstan_2025_to_2027() -> Vec<CalendarYear> {
    let mut y2025 = kazakhstan(2025, date(2025, 6, 6));
    y2025
        .transfers
        .push(transfer(date(2025, 1, 3), date(2025, 1, 5)));
    vec![
        y2025,
        kazakhstan(2026, date(2026, 5, 27)),
        kazakhstan(2027, date(2027, 5, 16)),
    ]
}
