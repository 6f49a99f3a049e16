//! `kadr calendar YEAR`: a year's days off with their reasons, in Kazakh or Russian, to
//! compare with the government's announcement (RULES.md P4). Run on the repository's
//! own calendar files.

mod common;

use common::{Outcome, crate_root, kadr};

fn calendar(args: &[&str]) -> Outcome {
    let root = crate_root().to_string_lossy().into_owned();
    let mut all = vec!["calendar"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--root", &root]);
    kadr(&all)
}

/// The line of the listing about day `dd.mm` of 2026 (written `2026-mm-dd` or `dd.mm…`).
fn day<'a>(listing: &'a str, dd: &str, mm: &str) -> &'a str {
    let iso = format!("2026-{mm}-{dd}");
    let dotted = format!("{dd}.{mm}");
    listing
        .lines()
        .find(|l| l.trim_start().starts_with(&iso) || l.trim_start().starts_with(&dotted))
        .unwrap_or_else(|| panic!("no line for {dd}.{mm}:\n{listing}"))
}

#[test]
fn lists_the_carried_over_nauryz_and_victory_days_in_kazakh() {
    let outcome = calendar(&["2026", "--lang", "kk"]);
    outcome.assert_code(0);
    let listing = &outcome.stdout;
    // 21 and 22 March 2026 are a Saturday and a Sunday: their days off move to 24 and 25.
    for (dd, from) in [("24", "21.03"), ("25", "22.03")] {
        let line = day(listing, dd, "03");
        assert!(line.contains("Наурыз"), "{line}");
        assert!(
            line.contains(from),
            "24/25.03 should say which day moved: {line}"
        );
        assert!(line.contains("ауыстыр"), "not a Kazakh carry-over: {line}");
    }
    // 9 May (Victory Day) is a Saturday: the day off is Monday 11 May.
    let line = day(listing, "11", "05");
    assert!(
        line.contains("Жеңіс күні") && line.contains("09.05"),
        "{line}"
    );
    assert!(line.contains("дүйсенбі"), "11.05 is a Monday: {line}");
}

#[test]
fn lists_the_carried_over_days_in_russian() {
    let outcome = calendar(&["2026", "--lang", "ru"]);
    outcome.assert_code(0);
    let listing = &outcome.stdout;
    for (dd, from) in [("24", "21.03"), ("25", "22.03")] {
        let line = day(listing, dd, "03");
        assert!(line.contains("Наурыз") && line.contains(from), "{line}");
        assert!(line.contains("перенос"), "not a Russian carry-over: {line}");
    }
    let line = day(listing, "11", "05");
    assert!(
        line.contains("День Победы") && line.contains("понедельник"),
        "{line}"
    );
}

#[test]
fn a_year_without_a_calendar_file_fails() {
    let outcome = calendar(&["1999"]);
    outcome.assert_code(1);
    assert!(
        outcome.stderr.contains("1999"),
        "the error should name the year\n{}",
        outcome.report()
    );
}

// The law as it stands in 2026: with the new Constitution (in force from 1 July 2026)
// Constitution Day moved from 30 August to 15 March, and Republic Day is named
// «Қазақстан Республикасы күні» / «День Республики Казахстан». kadr's built-in years.

#[test]
fn in_2026_the_31st_of_august_is_a_working_day() {
    let outcome = calendar(&["2026", "--lang", "ru"]);
    outcome.assert_code(0);
    assert!(!outcome.stdout.contains("2026-08-3"), "{}", outcome.stdout);
    // The days listed (the acts cited below them say where the day went).
    let days = outcome.stdout.split("Правовые основания:").next().unwrap();
    assert!(!days.contains("Конституции"), "{}", outcome.stdout);
    assert!(
        outcome.stdout.contains("День Республики Казахстан"),
        "{}",
        outcome.stdout
    );
}

#[test]
fn in_2027_constitution_day_is_the_15th_of_march() {
    let outcome = calendar(&["2027", "--lang", "kk"]);
    outcome.assert_code(0);
    let line = outcome
        .stdout
        .lines()
        .find(|l| l.starts_with("2027-03-15"))
        .unwrap_or_else(|| panic!("{}", outcome.stdout));
    assert!(line.contains("Конституциясы күні"), "{line}");
    assert!(!outcome.stdout.contains("2027-08-30"), "{}", outcome.stdout);
    assert!(outcome.stdout.contains("Қазақстан Республикасы күні"));
}

#[test]
fn p4_counts_the_31st_of_august_2026_as_a_working_day() {
    // Arose on Thursday 27 August 2026: the third working day after is Tuesday
    // 1 September (28 August, 31 August, 1 September), not Wednesday 2 September.
    let site = common::Site::new();
    site.remove("content/calendar/2026.yaml"); // kadr's own year
    let file = common::vacancy_file(common::OPEN);
    site.edit(&file, "arose_on: 2026-11-20", "arose_on: 2026-08-27");
    site.edit(
        &file,
        "published_on: 2026-11-24",
        "published_on: 2026-09-02",
    );
    let outcome = site.check();
    outcome.assert_code(1);
    outcome.assert_error(
        &file,
        site.line_of(&file, "published_on:"),
        Some("P4"),
        "2026-09-01",
    );
    site.edit(
        &file,
        "published_on: 2026-09-02",
        "published_on: 2026-09-01",
    );
    site.check().assert_code(0);
}

/// Issue 16: a calendar names the acts behind its days (`sources:`), and `kadr calendar`
/// prints them, so that a reviewer can check the year against the official texts.
#[test]
fn the_year_names_the_acts_behind_its_days_in_each_language() {
    let kk = calendar(&["2026", "--lang", "kk"]);
    kk.assert_code(0);
    let tail = kk
        .stdout
        .split("Құқықтық негіздері:")
        .nth(1)
        .unwrap_or_else(|| panic!("{}", kk.stdout));
    assert!(
        tail.contains("мерекелер туралы") && tail.contains("№ 267-II"),
        "{tail}"
    );
    assert!(
        tail.contains("2026 жылғы 1 шілдеден"),
        "the law as amended: {tail}"
    );

    let ru = calendar(&["2025", "--lang", "ru"]);
    ru.assert_code(0);
    let tail = ru
        .stdout
        .split("Правовые основания:")
        .nth(1)
        .unwrap_or_else(|| panic!("{}", ru.stdout));
    assert!(
        tail.contains("«О праздниках в Республике Казахстан»"),
        "{tail}"
    );
    // The 2025 transfer has its decision.
    assert!(
        tail.contains("с воскресенья 5 января на пятницу 3 января 2025 года"),
        "{tail}"
    );
}

#[test]
fn a_site_calendar_that_cites_nothing_says_so() {
    let site = common::Site::new();
    let file = "content/calendar/2026.yaml";
    let text = kadr_builtin::calendars()
        .into_iter()
        .find(|(y, _)| *y == 2026)
        .map(|(_, t)| t.split("\nsources:").next().unwrap().to_string() + "\n")
        .unwrap();
    site.write(file, &text);
    let root = site.root().to_string_lossy().into_owned();
    let outcome = kadr(&["calendar", "2026", "--lang", "ru", "--root", &root]);
    outcome.assert_code(0);
    assert!(
        outcome
            .stdout
            .contains("Правовые основания не указаны (sources:)"),
        "{}",
        outcome.stdout
    );
}
