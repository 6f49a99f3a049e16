//! The text `kadr calendar YEAR --lang kk|ru` prints: a year's days off, one a line,
//! with weekday and reason in Kazakh or Russian, and the year's count of working days,
//! so that an HR officer can compare what kadr computed (carry-overs included) with
//! the government's announcement. Only words; the command decides where they go.

use jiff::civil::{Date, Weekday};

use super::{Calendar, Reason, is_weekend};
use kadr_model::Lang;

/// The year's days off as the officer reads them; `None` when no record covers `year`.
pub fn describe_year(cal: &Calendar, year: i16, lang: Lang) -> Option<String> {
    let days_off = cal.days_off(year)?;
    let working_days = cal.working_days_in_year(year)?;
    let width = Weekday::Monday
        .cycle_forward()
        .take(7)
        .map(|weekday| weekday_name(lang, weekday).chars().count())
        .max()
        .unwrap_or(0);

    let mut lines = vec![match lang {
        Lang::Kk => format!(
            "{year} жылғы мереке және демалыс күндері (кәдімгі сенбі мен жексенбіден басқа)"
        ),
        Lang::Ru => {
            format!("Праздничные и выходные дни {year} года (кроме обычных суббот и воскресений)")
        }
    }];
    lines.extend(days_off.iter().map(|day| {
        format!(
            "{}  {:<width$}  {}",
            day.date,
            weekday_name(lang, day.date.weekday()),
            reason(lang, day.date, &day.reason)
        )
    }));
    lines.push(match lang {
        Lang::Kk => {
            format!("{year} жылғы жұмыс күндерінің саны (бес күндік жұмыс аптасы): {working_days}")
        }
        Lang::Ru => {
            format!("Рабочих дней в {year} году (пятидневная рабочая неделя): {working_days}")
        }
    });
    let mut text = lines.join("\n");
    text.push('\n');
    Some(text)
}

/// Which calendar `kadr calendar` listed: the site's file `site_file` (which replaces
/// kadr's built-in year), or, when it is `None`, the year built into kadr `version`.
pub fn describe_source(year: i16, lang: Lang, site_file: Option<&str>, version: &str) -> String {
    match (site_file, lang) {
        (None, Lang::Kk) => {
            format!("Дереккөз: kadr {version} бағдарламасына кіріктірілген {year} жылғы күнтізбе")
        }
        (None, Lang::Ru) => {
            format!("Источник: календарь {year} года, встроенный в kadr {version}")
        }
        (Some(file), Lang::Kk) => format!(
            "Дереккөз: сайттың {file} файлы (kadr-ға кіріктірілген {year} жылғы күнтізбенің орнына)"
        ),
        (Some(file), Lang::Ru) => format!(
            "Источник: файл сайта {file} (вместо календаря {year} года, встроенного в kadr)"
        ),
    }
}

/// The acts the year's calendar cites (its `sources:`), one per line under a heading,
/// so that a reviewer can check the year against them; says so when it cites none.
pub fn describe_sources(lang: Lang, sources: &[&str]) -> String {
    if sources.is_empty() {
        return match lang {
            Lang::Kk => "Құқықтық негіздері көрсетілмеген (sources:)".to_string(),
            Lang::Ru => "Правовые основания не указаны (sources:)".to_string(),
        };
    }
    let mut out = match lang {
        Lang::Kk => "Құқықтық негіздері:".to_string(),
        Lang::Ru => "Правовые основания:".to_string(),
    };
    for source in sources {
        out.push_str("\n  - ");
        out.push_str(source);
    }
    out
}

/// How the site's year differs from kadr's built-in one: the days that are working days
/// in one and days off in the other. `None` when kadr has no such year to compare with.
pub fn describe_differences(lang: Lang, differing: Option<&[Date]>) -> Option<String> {
    let differing = differing?;
    let dates = || {
        differing
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    Some(match (differing.is_empty(), lang) {
        (true, Lang::Kk) => "kadr-ға кіріктірілген жылмен бірдей".to_string(),
        (true, Lang::Ru) => "совпадает с календарём, встроенным в kadr".to_string(),
        (false, Lang::Kk) => format!(
            "kadr-ға кіріктірілген жылдан айырмашылығы бар күндер (бірінде жұмыс күні, екіншісінде демалыс): {}",
            dates()
        ),
        (false, Lang::Ru) => format!(
            "отличается от календаря, встроенного в kadr, в эти дни (в одном рабочий, в другом выходной): {}",
            dates()
        ),
    })
}

fn reason(lang: Lang, date: Date, reason: &Reason) -> String {
    match (*reason, lang) {
        (Reason::Holiday(name), Lang::Kk) if is_weekend(date) => format!(
            "{} ({} түсті, демалыс күні келесі жұмыс күніне ауыстырылады)",
            name.kk.value,
            kk_dative(date.weekday())
        ),
        (Reason::Holiday(name), Lang::Ru) if is_weekend(date) => format!(
            "{} (приходится {}, выходной переносится на следующий рабочий день)",
            name.ru.value,
            ru_to(date.weekday())
        ),
        (Reason::DayOff(name), Lang::Kk) if is_weekend(date) => {
            format!(
                "{} ({} түсті, ауыстырылмайды)",
                name.kk.value,
                kk_dative(date.weekday())
            )
        }
        (Reason::DayOff(name), Lang::Ru) if is_weekend(date) => {
            format!(
                "{} (приходится {}, не переносится)",
                name.ru.value,
                ru_to(date.weekday())
            )
        }
        (Reason::Holiday(name) | Reason::DayOff(name), _) => name.get(lang).to_owned(),
        (Reason::CarriedOver { from, name }, Lang::Kk) => format!(
            "{} ({} {} түскен демалыс күнінің ауыстырылуы)",
            name.kk.value,
            short_date(from, date),
            kk_dative(from.weekday())
        ),
        (Reason::CarriedOver { from, name }, Lang::Ru) => format!(
            "перенос выходного {} {} ({})",
            ru_from(from.weekday()),
            short_date(from, date),
            name.ru.value
        ),
        (Reason::TransferRest { work_on }, Lang::Kk) => format!(
            "{} {} ауыстырылған демалыс күні",
            short_date(work_on, date),
            kk_ablative(work_on.weekday())
        ),
        (Reason::TransferRest { work_on }, Lang::Ru) => format!(
            "выходной, перенесённый {} {}",
            ru_from(work_on.weekday()),
            short_date(work_on, date)
        ),
        (Reason::TransferWork { rest_on }, Lang::Kk) => format!(
            "жұмыс күні (демалыс күні {} {} ауыстырылған)",
            short_date(rest_on, date),
            kk_dative(rest_on.weekday())
        ),
        (Reason::TransferWork { rest_on }, Lang::Ru) => format!(
            "рабочий день (выходной перенесён {} {})",
            ru_to(rest_on.weekday()),
            short_date(rest_on, date)
        ),
    }
}

/// `21.03`, or `31.12.2022` when `date` is in another year than the line's `listed` day.
fn short_date(date: Date, listed: Date) -> String {
    if date.year() == listed.year() {
        format!("{:02}.{:02}", date.day(), date.month())
    } else {
        format!("{:02}.{:02}.{}", date.day(), date.month(), date.year())
    }
}

fn weekday_name(lang: Lang, weekday: Weekday) -> &'static str {
    let names = match lang {
        Lang::Kk => [
            "дүйсенбі",
            "сейсенбі",
            "сәрсенбі",
            "бейсенбі",
            "жұма",
            "сенбі",
            "жексенбі",
        ],
        Lang::Ru => [
            "понедельник",
            "вторник",
            "среда",
            "четверг",
            "пятница",
            "суббота",
            "воскресенье",
        ],
    };
    names[weekday_index(weekday)]
}

/// «сенбіге» (onto Saturday).
fn kk_dative(weekday: Weekday) -> &'static str {
    [
        "дүйсенбіге",
        "сейсенбіге",
        "сәрсенбіге",
        "бейсенбіге",
        "жұмаға",
        "сенбіге",
        "жексенбіге",
    ][weekday_index(weekday)]
}

/// «сенбіден» (from Saturday).
fn kk_ablative(weekday: Weekday) -> &'static str {
    [
        "дүйсенбіден",
        "сейсенбіден",
        "сәрсенбіден",
        "бейсенбіден",
        "жұмадан",
        "сенбіден",
        "жексенбіден",
    ][weekday_index(weekday)]
}

/// «с субботы» (from Saturday).
fn ru_from(weekday: Weekday) -> &'static str {
    [
        "с понедельника",
        "со вторника",
        "со среды",
        "с четверга",
        "с пятницы",
        "с субботы",
        "с воскресенья",
    ][weekday_index(weekday)]
}

/// «на субботу» (onto Saturday; also after «приходится», falls on Saturday).
fn ru_to(weekday: Weekday) -> &'static str {
    [
        "на понедельник",
        "на вторник",
        "на среду",
        "на четверг",
        "на пятницу",
        "на субботу",
        "на воскресенье",
    ][weekday_index(weekday)]
}

fn weekday_index(weekday: Weekday) -> usize {
    usize::from(weekday.to_monday_zero_offset().unsigned_abs())
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::test_support::{kazakhstan, kazakhstan_2025_to_2027, named, record};

    fn described(year: i16, lang: Lang) -> String {
        describe_year(&Calendar::new(&kazakhstan_2025_to_2027()), year, lang).unwrap_or_default()
    }

    #[test]
    fn kazakh_description_names_the_carried_over_holiday_and_its_saturday() {
        let text = described(2026, Lang::Kk);
        assert!(
            text.contains("2026-03-24  сейсенбі  Наурыз мейрамы (21.03 сенбіге түскен демалыс күнінің ауыстырылуы)\n"),
            "{text}"
        );
        assert!(text.contains("2026-05-11  дүйсенбі  Жеңіс күні (09.05 сенбіге түскен демалыс күнінің ауыстырылуы)\n"), "{text}");
    }

    #[test]
    fn russian_description_names_the_carried_over_holiday_and_its_saturday() {
        let text = described(2026, Lang::Ru);
        assert!(
            text.contains(
                "2026-03-24  вторник      перенос выходного с субботы 21.03 (Наурыз мейрамы)\n"
            ),
            "{text}"
        );
        assert!(
            text.contains(
                "2026-03-25  среда        перенос выходного с воскресенья 22.03 (Наурыз мейрамы)\n"
            ),
            "{text}"
        );
    }

    #[test]
    fn description_shows_a_holiday_on_a_weekend_and_says_it_carries_over() {
        assert!(described(2026, Lang::Kk).contains(
            "2026-03-21  сенбі     Наурыз мейрамы (сенбіге түсті, демалыс күні келесі жұмыс күніне ауыстырылады)\n"
        ));
        assert!(described(2026, Lang::Ru).contains(
            "2026-05-09  суббота      День Победы (приходится на субботу, выходной переносится на следующий рабочий день)\n"
        ));
    }

    #[test]
    fn description_says_a_day_off_on_a_weekend_does_not_carry_over() {
        assert!(described(2027, Lang::Kk).contains(
            "2027-05-16  жексенбі  Құрбан айттың бірінші күні (жексенбіге түсті, ауыстырылмайды)\n"
        ));
        assert!(described(2027, Lang::Ru).contains(
            "2027-05-16  воскресенье  Первый день Курбан айта (приходится на воскресенье, не переносится)\n"
        ));
    }

    #[test]
    fn description_shows_both_days_of_a_transfer() {
        let kk = described(2025, Lang::Kk);
        assert!(
            kk.contains("2025-01-03  жұма      05.01 жексенбіден ауыстырылған демалыс күні\n"),
            "{kk}"
        );
        assert!(
            kk.contains(
                "2025-01-05  жексенбі  жұмыс күні (демалыс күні 03.01 жұмаға ауыстырылған)\n"
            ),
            "{kk}"
        );
        let ru = described(2025, Lang::Ru);
        assert!(
            ru.contains("2025-01-03  пятница      выходной, перенесённый с воскресенья 05.01\n"),
            "{ru}"
        );
        assert!(
            ru.contains(
                "2025-01-05  воскресенье  рабочий день (выходной перенесён на пятницу 03.01)\n"
            ),
            "{ru}"
        );
    }

    #[test]
    fn description_gives_the_year_of_a_carry_over_from_the_year_before() {
        let eve = named(date(2022, 12, 31), "Жаңа жыл қарсаңы", "Канун Нового года");
        let calendar = Calendar::new(&[
            record(2022, vec![eve], vec![], vec![]),
            kazakhstan(2023, date(2023, 6, 28)),
        ]);
        let text = describe_year(&calendar, 2023, Lang::Ru).unwrap_or_default();
        assert!(
            text.contains("2023-01-03  вторник      перенос выходного с субботы 31.12.2022 (Канун Нового года)\n"),
            "{text}"
        );
    }

    #[test]
    fn description_ends_with_the_years_working_days() {
        assert!(
            described(2026, Lang::Kk)
                .ends_with("\n2026 жылғы жұмыс күндерінің саны (бес күндік жұмыс аптасы): 247\n")
        );
        assert!(
            described(2026, Lang::Ru)
                .ends_with("\nРабочих дней в 2026 году (пятидневная рабочая неделя): 247\n")
        );
    }

    #[test]
    fn description_lists_days_in_date_order_after_a_heading() {
        let text = described(2026, Lang::Ru);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines.first().copied(),
            Some("Праздничные и выходные дни 2026 года (кроме обычных суббот и воскресений)")
        );
        assert_eq!(
            lines.get(1).copied(),
            Some("2026-01-01  четверг      Новый год")
        );
        let dates: Vec<&str> = lines[1..lines.len() - 1]
            .iter()
            .map(|line| &line[..10])
            .collect();
        assert!(dates.windows(2).all(|pair| pair[0] < pair[1]), "{dates:?}");
    }

    #[test]
    fn description_of_a_year_not_loaded_is_none() {
        assert_eq!(
            describe_year(&Calendar::new(&kazakhstan_2025_to_2027()), 2028, Lang::Kk),
            None
        );
    }
}
