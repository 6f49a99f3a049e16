//! Dates as a Kazakh and a Russian reader expects them, in the page's language (the
//! wording is `kadr_common::dates`, which the bank's forms use too).

use jiff::civil::Date;

use kadr_model::Lang;

pub fn long_date(date: Date, lang: Lang) -> String {
    match lang {
        Lang::Kk => kadr_common::dates::kk_long_date(date),
        Lang::Ru => kadr_common::dates::ru_long_date(date),
    }
}
