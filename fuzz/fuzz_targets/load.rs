//! Arbitrary bytes as one more record file of a minimal valid site — a vacancy, or (by
//! the first byte) any other kind — through the real loader, the checker and the
//! diagnostic printers. No panic, no hang; every problem is a diagnostic inside the
//! file.

#![no_main]

use kadr_diagnostic::{Format, Messages, messages::MessageLang};
use kadr_load::{Kind, add_record, read_record};
use kadr_model::FileId;
use kadr_fuzz::{assert_located, minimal, today};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| {
    let Some((&selector, bytes)) = input.split_first() else {
        return;
    };
    // Mostly vacancies, the record staff write most.
    let kind = match selector % 8 {
        0 => Kind::Site,
        1 => Kind::Categories,
        2 => Kind::Unit,
        3 => Kind::Requirement,
        4 => Kind::Calendar,
        _ => Kind::Vacancy,
    };
    let path = match kind {
        Kind::Site => "content/site.yaml",
        Kind::Categories => "content/categories.yaml",
        Kind::Unit => "content/units/fuzz.yaml",
        Kind::Requirement => "content/requirements/fuzz.yaml",
        Kind::Vacancy => "content/vacancies/2026/fuzz.yaml",
        Kind::Calendar => "content/calendar/2030.yaml",
    };

    let base = minimal();
    let mut data = base.data.clone();
    let mut sources = base.sources.clone();
    let file = FileId(sources.iter().count() as u32);
    let (text, outcome) = read_record(kind, bytes.to_vec(), file, path);
    assert_eq!(sources.add(path, text.clone()), file);
    for d in &outcome.diagnostics {
        assert_eq!(d.loc.file, file, "a reading problem elsewhere: {d:?}");
    }
    let mut diagnostics = outcome.diagnostics;
    add_record(&mut data, kind, path, outcome.record);
    diagnostics.extend(kadr_check::check(&data, &sources, today()).diagnostics);
    kadr_diagnostic::sort(&mut diagnostics, &sources);

    // A file that is not text is reported at a place in its bytes.
    let shown = text.map_or_else(
        || String::from_utf8_lossy(bytes).into_owned(),
        |t| t.to_string(),
    );
    assert_located(&diagnostics, &sources, file, &shown);

    MESSAGES.with(|messages| {
        for format in [Format::Human, Format::Json, Format::Github] {
            let printed = kadr_diagnostic::print(&diagnostics, &sources, messages, format, false);
            if format == Format::Json {
                assert!(serde_json::from_str::<serde_json::Value>(&printed).is_ok());
            }
        }
    });
});

thread_local! {
    static MESSAGES: Messages = Messages::new(MessageLang::Ru);
}
