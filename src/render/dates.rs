//! Dates as a Kazakh and a Russian reader expects them: «2026 жылғы 8 желтоқсан»,
//! «8 декабря 2026 г.».

use jiff::civil::Date;

use crate::model::Lang;

const KK_MONTHS: [&str; 12] = [
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
const RU_MONTHS_GENITIVE: [&str; 12] = [
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

pub fn long_date(date: Date, lang: Lang) -> String {
    let month = (date.month() - 1) as usize;
    match lang {
        Lang::Kk => format!("{} жылғы {} {}", date.year(), date.day(), KK_MONTHS[month]),
        Lang::Ru => format!(
            "{} {} {} г.",
            date.day(),
            RU_MONTHS_GENITIVE[month],
            date.year()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn kazakh_dates_put_the_year_first() {
        assert_eq!(
            long_date(date(2026, 12, 8), Lang::Kk),
            "2026 жылғы 8 желтоқсан"
        );
        assert_eq!(
            long_date(date(2026, 3, 21), Lang::Kk),
            "2026 жылғы 21 наурыз"
        );
    }

    #[test]
    fn russian_dates_use_the_genitive_month() {
        assert_eq!(long_date(date(2026, 12, 8), Lang::Ru), "8 декабря 2026 г.");
        assert_eq!(long_date(date(2026, 5, 1), Lang::Ru), "1 мая 2026 г.");
    }
}
