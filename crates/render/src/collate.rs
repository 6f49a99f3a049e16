//! Alphabetical order of each language (ICU4X): Kazakh order on kk pages (ә after а,
//! ғ after г, … і after ы), Russian order on ru pages.

use std::cmp::Ordering;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use icu_locale::locale;

use kadr_model::Lang;

pub struct Collators {
    kk: CollatorBorrowed<'static>,
    ru: CollatorBorrowed<'static>,
}

impl Collators {
    pub fn new() -> Collators {
        let make = |l: icu_locale::Locale| {
            Collator::try_new(l.into(), CollatorOptions::default())
                // The data is compiled into the binary; a failure here is a build error.
                .unwrap_or_else(|e| panic!("ICU collation data missing: {e}"))
        };
        Collators {
            kk: make(locale!("kk")),
            ru: make(locale!("ru")),
        }
    }

    pub fn compare(&self, lang: Lang, a: &str, b: &str) -> Ordering {
        match lang {
            Lang::Kk => self.kk.compare(a, b),
            Lang::Ru => self.ru.compare(a, b),
        }
    }
}

impl Default for Collators {
    fn default() -> Self {
        Collators::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_letters_follow_their_base_letters() {
        let c = Collators::new();
        let mut words = vec![
            "Бөлім",
            "Әкімшілік",
            "Ақтөбе",
            "Басқарма",
            "Ғылым",
            "Гүл",
            "Іскер",
            "Ырыс",
        ];
        words.sort_by(|a, b| c.compare(Lang::Kk, a, b));
        assert_eq!(
            words,
            [
                "Ақтөбе",
                "Әкімшілік",
                "Басқарма",
                "Бөлім",
                "Гүл",
                "Ғылым",
                "Ырыс",
                "Іскер"
            ]
        );
    }

    #[test]
    fn russian_order_treats_yo_as_ye() {
        let c = Collators::new();
        let mut words = vec!["Ёлка", "Жук", "Ель"];
        words.sort_by(|a, b| c.compare(Lang::Ru, a, b));
        assert_eq!(
            words,
            ["Ёлка", "Ель", "Жук"],
            "ё sorts as е, differing only at the second level"
        );
    }
}
