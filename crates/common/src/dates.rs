//! Dates as a Kazakh and a Russian reader expects them: «2026 жылғы 8 желтоқсан»,
//! «8 декабря 2026 г.», and `08.12.2026` in the tables of official forms.

use jiff::civil::Date;

/// The months in Kazakh (nominative, as a date names them).
pub const KK_MONTHS: [&str; 12] = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
];

/// The months in Russian, in the genitive a date takes («8 декабря»).
pub const RU_MONTHS_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

fn month_index(date: Date) -> usize {
    usize::from(date.month().unsigned_abs()).saturating_sub(1) % 12
}

/// «2026 жылғы 8 желтоқсан».
pub fn kk_long_date(date: Date) -> String {
    format!(
        "{} жылғы {} {}",
        date.year(),
        date.day(),
        KK_MONTHS[month_index(date)]
    )
}

/// «8 декабря 2026 г.».
pub fn ru_long_date(date: Date) -> String {
    format!(
        "{} {} {} г.",
        date.day(),
        RU_MONTHS_GENITIVE[month_index(date)],
        date.year()
    )
}

/// `08.12.2026`, as official forms in both languages write dates in tables.
pub fn numeric_date(date: Date) -> String {
    format!("{:02}.{:02}.{}", date.day(), date.month(), date.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn kazakh_dates_put_the_year_first() {
        assert_eq!(kk_long_date(date(2026, 12, 8)), "2026 жылғы 8 желтоқсан");
        assert_eq!(kk_long_date(date(2026, 3, 21)), "2026 жылғы 21 наурыз");
    }

    #[test]
    fn russian_dates_use_the_genitive_month() {
        assert_eq!(ru_long_date(date(2026, 12, 8)), "8 декабря 2026 г.");
        assert_eq!(ru_long_date(date(2026, 5, 1)), "1 мая 2026 г.");
    }

    #[test]
    fn table_dates_are_day_month_year() {
        assert_eq!(numeric_date(date(2026, 10, 5)), "05.10.2026");
    }
}
