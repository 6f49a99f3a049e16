//! Structure-aware: mutations of a valid site's typed records — texts, dates,
//! statuses, references, ids, contacts, calendar entries — then `check`, and when it
//! finds no error, `render` with the repository's theme. No panic; a site that checks
//! clean renders; every page is UTF-8 with no markup from a record
//! (`kadr_fuzz::assert_safe_page`).
//!
//! The site is the integration tests' minimal one (`tests/fixtures/base/`: a vacancy in
//! every state), not the larger sample in `content/`: rendering dominates each run, and
//! a third of the pages gives three times the runs for the same cases.

#![no_main]

use std::sync::Arc;

use arbitrary::Arbitrary;
use jiff::ToSpan;
use jiff::civil::Date;
use kadr_model::{
    Authority, Contacts, NamedDay, PlacedBy, Pos, SiteData, Spanned, Status, Text, Transfer,
    UnitKind,
};
use kadr_render::Renderer;
use kadr_fuzz::{assert_safe_page, minimal, sample, today};
use libfuzzer_sys::fuzz_target;

/// Fragments that tend to break HTML, Markdown, JSON, URLs and templates.
const DICTIONARY: &[&str] = &[
    "<script>alert(1)</script>",
    "</script>",
    "</SCRIPT ",
    "<script",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    " onclick=",
    "javascript:",
    "JaVaScRiPt:",
    "java\tscript:",
    "&#106;avascript:",
    "javascript&colon;",
    "vbscript:",
    "data:text/html,<script>",
    "[x](",
    "](",
    ")",
    "![i](",
    "<https://egov.kz>",
    "<javascript:alert(1)>",
    "[r]: javascript:x\n",
    "[r]",
    "https://egov.kz/",
    "mailto:a@b.kz",
    "tel:+77172000000",
    "\"",
    "'",
    "&",
    "&amp;",
    "<",
    ">",
    "<!--",
    "-->",
    "\n",
    "\n\n",
    "# ",
    "- ",
    "1. ",
    "> ",
    "```\n",
    "`",
    "*",
    "_",
    "| a | b |\n|---|---|\n| ",
    "{{ ",
    " }}",
    "{% ",
    " %}",
    "\\",
    "\\u003c",
    "\u{2028}",
    "\u{0}",
    "\u{feff}",
    "Патрульдік полиция",
    "Управление",
    "850101300019",
    "    ",
];

#[derive(Arbitrary, Debug)]
enum Piece {
    Word(u8),
    Raw(String),
}

/// A text built from dictionary words and arbitrary strings.
#[derive(Arbitrary, Debug)]
struct FuzzText(Vec<Piece>);

impl FuzzText {
    fn build(&self) -> String {
        let mut out = String::new();
        for piece in self.0.iter().take(64) {
            match piece {
                Piece::Word(i) => out.push_str(DICTIONARY[*i as usize % DICTIONARY.len()]),
                Piece::Raw(s) => out.push_str(s),
            }
        }
        out
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Lang {
    Kk,
    Ru,
}

#[derive(Arbitrary, Debug)]
enum DateValue {
    Shift(i16),
    Absolute { year: u16, month: u8, day: u8 },
}

impl DateValue {
    /// A date the loader could produce (`YYYY-MM-DD`), or `None`.
    fn apply(&self, from: Date) -> Option<Date> {
        let date = match *self {
            DateValue::Shift(days) => from.checked_add(i64::from(days).days()).ok()?,
            DateValue::Absolute { year, month, day } => {
                Date::new((year % 10_000) as i16, month as i8, day as i8).ok()?
            }
        };
        (0..=9999).contains(&date.year()).then_some(date)
    }
}

/// A reference: an id that exists in the site, or any text.
#[derive(Arbitrary, Debug)]
enum Reference {
    Unit(u8),
    Category(u8),
    Requirement(u8),
    Vacancy(u8),
    Text(FuzzText),
}

impl Reference {
    fn resolve(&self, data: &SiteData) -> String {
        fn pick<T>(list: &[T], i: u8, id: impl Fn(&T) -> String) -> String {
            list.get(i as usize % list.len().max(1))
                .map(id)
                .unwrap_or_default()
        }
        match self {
            Reference::Unit(i) => pick(&data.units, *i, |u| u.id.value.clone()),
            Reference::Category(i) => pick(
                data.categories.as_ref().map_or(&[][..], |c| &c.list),
                *i,
                |c| c.code.value.clone(),
            ),
            Reference::Requirement(i) => pick(&data.requirements, *i, |r| r.id.value.clone()),
            Reference::Vacancy(i) => pick(&data.vacancies, *i, |v| v.id.value.clone()),
            Reference::Text(t) => t.build(),
        }
    }
}

#[derive(Arbitrary, Debug)]
enum VacancyText {
    Position,
    Duties,
    Conditions,
    Documents,
    LateReason,
}

#[derive(Arbitrary, Debug)]
enum VacancyOptional {
    Conditions,
    LateReason,
    UpdatedOn,
    Contacts,
    CompetitionUrl,
}

#[derive(Arbitrary, Debug)]
enum VacancyDate {
    Arose,
    Published,
    Deadline,
    Updated,
}

#[derive(Arbitrary, Debug)]
enum VacancyRef {
    Unit,
    Category,
    Requirements,
    Id,
}

#[derive(Arbitrary, Debug)]
enum RequirementText {
    Source,
    Education,
    Experience,
    Other,
}

#[derive(Arbitrary, Debug)]
enum SectionField {
    Parent,
    Title,
    Slug,
}

#[derive(Arbitrary, Debug)]
enum Mutation {
    VacancyText {
        v: u8,
        field: VacancyText,
        lang: Lang,
        text: FuzzText,
    },
    VacancyDrop {
        v: u8,
        field: VacancyOptional,
    },
    VacancyDate {
        v: u8,
        field: VacancyDate,
        value: DateValue,
    },
    VacancyStatus {
        v: u8,
        status: u8,
    },
    VacancyAuthority {
        v: u8,
        authority: u8,
        placed_by: u8,
    },
    VacancyRef {
        v: u8,
        field: VacancyRef,
        value: Reference,
    },
    VacancyContacts {
        v: u8,
        phone: Option<FuzzText>,
        email: Option<FuzzText>,
    },
    VacancyCompetitionUrl {
        v: u8,
        url: FuzzText,
    },
    CloneVacancy {
        v: u8,
    },
    RemoveVacancy {
        v: u8,
    },
    UnitText {
        u: u8,
        address: bool,
        lang: Lang,
        text: FuzzText,
    },
    UnitContacts {
        u: u8,
        phone: Option<FuzzText>,
        email: Option<FuzzText>,
    },
    UnitKind {
        u: u8,
        central: bool,
    },
    UnitId {
        u: u8,
        value: Reference,
    },
    RemoveUnit {
        u: u8,
    },
    CategoryText {
        c: u8,
        lang: Lang,
        text: FuzzText,
    },
    CategoryLeadership {
        c: u8,
        leadership: bool,
    },
    CategoryCode {
        c: u8,
        value: Reference,
    },
    RequirementText {
        r: u8,
        field: RequirementText,
        lang: Lang,
        text: FuzzText,
    },
    RequirementCategories {
        r: u8,
        clear: bool,
        add: Reference,
    },
    RequirementId {
        r: u8,
        value: Reference,
    },
    SiteTitle {
        lang: Lang,
        text: FuzzText,
    },
    SiteBaseUrl {
        url: FuzzText,
    },
    SiteSection {
        lang: Lang,
        field: SectionField,
        text: FuzzText,
    },
    SiteWithin {
        days: u8,
    },
    SiteLanguagesSwap,
    CalendarDay {
        y: u8,
        holiday: bool,
        date: DateValue,
        name: FuzzText,
    },
    CalendarTransfer {
        y: u8,
        rest_on: DateValue,
        work_on: DateValue,
    },
    CalendarRemove {
        y: u8,
        entry: u8,
    },
    CalendarYear {
        y: u8,
        year: i16,
    },
    RemoveCalendarYear {
        y: u8,
    },
}

#[derive(Arbitrary, Debug)]
struct Input {
    mutations: Vec<Mutation>,
    today_shift: i16,
}

fn set(text: &mut Text, lang: Lang, value: String) {
    match lang {
        Lang::Kk => text.kk.value = value,
        Lang::Ru => text.ru.value = value,
    }
}

fn new_text(value: String) -> Text {
    Text {
        kk: Spanned::new(value.clone(), Pos::START),
        ru: Spanned::new(format!("{value} (ru)"), Pos::START),
        pos: Pos::START,
    }
}

fn spanned<T>(value: T) -> Spanned<T> {
    Spanned::new(value, Pos::START)
}

fn index(i: u8, len: usize) -> Option<usize> {
    (len > 0).then(|| i as usize % len)
}

fn contacts(phone: &Option<FuzzText>, email: &Option<FuzzText>) -> Contacts {
    Contacts {
        phone: phone.as_ref().map(|p| spanned(p.build())),
        email: email.as_ref().map(|e| spanned(e.build())),
    }
}

fn apply(data: &mut SiteData, mutation: &Mutation) {
    use Mutation as M;
    let (nv, nu, nr, ny) = (
        data.vacancies.len(),
        data.units.len(),
        data.requirements.len(),
        data.calendar.len(),
    );
    let nc = data.categories.as_ref().map_or(0, |c| c.list.len());
    match mutation {
        M::VacancyText {
            v,
            field,
            lang,
            text,
        } => {
            let Some(i) = index(*v, nv) else { return };
            let vacancy = Arc::make_mut(&mut data.vacancies[i]);
            let value = text.build();
            let target = match field {
                VacancyText::Position => &mut vacancy.position,
                VacancyText::Duties => &mut vacancy.duties,
                VacancyText::Documents => &mut vacancy.documents,
                VacancyText::Conditions => vacancy
                    .conditions
                    .get_or_insert_with(|| new_text("conditions".into())),
                VacancyText::LateReason => vacancy
                    .late_reason
                    .get_or_insert_with(|| new_text("late".into())),
            };
            set(target, *lang, value);
        }
        M::VacancyDrop { v, field } => {
            let Some(i) = index(*v, nv) else { return };
            let vacancy = Arc::make_mut(&mut data.vacancies[i]);
            match field {
                VacancyOptional::Conditions => vacancy.conditions = None,
                VacancyOptional::LateReason => vacancy.late_reason = None,
                VacancyOptional::UpdatedOn => vacancy.updated_on = None,
                VacancyOptional::Contacts => vacancy.contacts = None,
                VacancyOptional::CompetitionUrl => vacancy.competition_url = None,
            }
        }
        M::VacancyDate { v, field, value } => {
            let Some(i) = index(*v, nv) else { return };
            let vacancy = Arc::make_mut(&mut data.vacancies[i]);
            let target = match field {
                VacancyDate::Arose => &mut vacancy.arose_on,
                VacancyDate::Published => &mut vacancy.published_on,
                VacancyDate::Deadline => &mut vacancy.deadline,
                VacancyDate::Updated => vacancy
                    .updated_on
                    .get_or_insert_with(|| vacancy.published_on.clone()),
            };
            if let Some(date) = value.apply(target.value) {
                target.value = date;
            }
        }
        M::VacancyStatus { v, status } => {
            let Some(i) = index(*v, nv) else { return };
            Arc::make_mut(&mut data.vacancies[i]).status.value = [
                Status::Draft,
                Status::Open,
                Status::Closed,
                Status::Filled,
                Status::Cancelled,
            ][*status as usize % 5];
        }
        M::VacancyAuthority {
            v,
            authority,
            placed_by,
        } => {
            let Some(i) = index(*v, nv) else { return };
            let vacancy = Arc::make_mut(&mut data.vacancies[i]);
            vacancy.appointing_authority.value = [
                Authority::Minister,
                Authority::DeputyMinister,
                Authority::TerritorialHead,
            ][*authority as usize % 3];
            vacancy.placed_by.value =
                [PlacedBy::Hr, PlacedBy::InformationUnit][*placed_by as usize % 2];
        }
        M::VacancyRef { v, field, value } => {
            let Some(i) = index(*v, nv) else { return };
            let value = value.resolve(data);
            let vacancy = Arc::make_mut(&mut data.vacancies[i]);
            match field {
                VacancyRef::Unit => vacancy.unit.value = value,
                VacancyRef::Category => vacancy.category.value = value,
                VacancyRef::Requirements => vacancy.requirements.value = value,
                VacancyRef::Id => vacancy.id.value = value,
            }
        }
        M::VacancyContacts { v, phone, email } => {
            let Some(i) = index(*v, nv) else { return };
            Arc::make_mut(&mut data.vacancies[i]).contacts = Some(contacts(phone, email));
        }
        M::VacancyCompetitionUrl { v, url } => {
            let Some(i) = index(*v, nv) else { return };
            Arc::make_mut(&mut data.vacancies[i]).competition_url = Some(spanned(url.build()));
        }
        M::CloneVacancy { v } => {
            let Some(i) = index(*v, nv) else { return };
            let copy = data.vacancies[i].clone();
            data.vacancies.push(copy);
        }
        M::RemoveVacancy { v } => {
            let Some(i) = index(*v, nv) else { return };
            data.vacancies.remove(i);
        }
        M::UnitText {
            u,
            address,
            lang,
            text,
        } => {
            let Some(i) = index(*u, nu) else { return };
            let unit = Arc::make_mut(&mut data.units[i]);
            let target = if *address {
                &mut unit.address
            } else {
                &mut unit.name
            };
            set(target, *lang, text.build());
        }
        M::UnitContacts { u, phone, email } => {
            let Some(i) = index(*u, nu) else { return };
            Arc::make_mut(&mut data.units[i]).contacts = contacts(phone, email);
        }
        M::UnitKind { u, central } => {
            let Some(i) = index(*u, nu) else { return };
            Arc::make_mut(&mut data.units[i]).kind.value = if *central {
                UnitKind::Central
            } else {
                UnitKind::Territorial
            };
        }
        M::UnitId { u, value } => {
            let Some(i) = index(*u, nu) else { return };
            let value = value.resolve(data);
            Arc::make_mut(&mut data.units[i]).id.value = value;
        }
        M::RemoveUnit { u } => {
            let Some(i) = index(*u, nu) else { return };
            data.units.remove(i);
        }
        M::CategoryText { c, lang, text } => {
            let Some(i) = index(*c, nc) else { return };
            if let Some(categories) = &mut data.categories {
                set(
                    &mut Arc::make_mut(categories).list[i].name,
                    *lang,
                    text.build(),
                );
            }
        }
        M::CategoryLeadership { c, leadership } => {
            let Some(i) = index(*c, nc) else { return };
            if let Some(categories) = &mut data.categories {
                Arc::make_mut(categories).list[i].leadership.value = *leadership;
            }
        }
        M::CategoryCode { c, value } => {
            let Some(i) = index(*c, nc) else { return };
            let value = value.resolve(data);
            if let Some(categories) = &mut data.categories {
                Arc::make_mut(categories).list[i].code.value = value;
            }
        }
        M::RequirementText {
            r,
            field,
            lang,
            text,
        } => {
            let Some(i) = index(*r, nr) else { return };
            let requirement = Arc::make_mut(&mut data.requirements[i]);
            let target = match field {
                RequirementText::Source => &mut requirement.source,
                RequirementText::Education => &mut requirement.education,
                RequirementText::Experience => &mut requirement.experience,
                RequirementText::Other => requirement
                    .other
                    .get_or_insert_with(|| new_text("other".into())),
            };
            set(target, *lang, text.build());
        }
        M::RequirementCategories { r, clear, add } => {
            let Some(i) = index(*r, nr) else { return };
            let code = add.resolve(data);
            let requirement = Arc::make_mut(&mut data.requirements[i]);
            if *clear {
                requirement.categories.clear();
            }
            requirement.categories.push(spanned(code));
        }
        M::RequirementId { r, value } => {
            let Some(i) = index(*r, nr) else { return };
            let value = value.resolve(data);
            Arc::make_mut(&mut data.requirements[i]).id.value = value;
        }
        M::SiteTitle { lang, text } => {
            if let Some(site) = &mut data.site {
                set(&mut site.title, *lang, text.build());
            }
        }
        M::SiteBaseUrl { url } => {
            if let Some(site) = &mut data.site {
                site.base_url.value = url.build();
            }
        }
        M::SiteSection { lang, field, text } => {
            if let Some(site) = &mut data.site {
                let names = match lang {
                    Lang::Kk => &mut site.section.kk,
                    Lang::Ru => &mut site.section.ru,
                };
                let target = match field {
                    SectionField::Parent => &mut names.parent,
                    SectionField::Title => &mut names.title,
                    SectionField::Slug => &mut names.slug,
                };
                target.value = text.build();
            }
        }
        M::SiteWithin { days } => {
            // The loader accepts 1 to 30.
            if let Some(site) = &mut data.site {
                site.publish_within_working_days.value = u32::from(days % 30) + 1;
            }
        }
        M::SiteLanguagesSwap => {
            if let Some(site) = &mut data.site {
                site.languages.reverse();
            }
        }
        M::CalendarDay {
            y,
            holiday,
            date,
            name,
        } => {
            let Some(i) = index(*y, ny) else { return };
            let year = &mut data.calendar[i];
            let Some(jan_1) = Date::new(year.year.value, 1, 1).ok() else {
                return;
            };
            let Some(date) = date.apply(jan_1) else {
                return;
            };
            let day = NamedDay {
                date: spanned(date),
                name: new_text(name.build()),
            };
            if *holiday {
                year.holidays.push(day);
            } else {
                year.days_off.push(day);
            }
        }
        M::CalendarTransfer {
            y,
            rest_on,
            work_on,
        } => {
            let Some(i) = index(*y, ny) else { return };
            let year = &mut data.calendar[i];
            let Some(jan_1) = Date::new(year.year.value, 1, 1).ok() else {
                return;
            };
            let (Some(rest_on), Some(work_on)) = (rest_on.apply(jan_1), work_on.apply(jan_1))
            else {
                return;
            };
            year.transfers.push(Transfer {
                rest_on: spanned(rest_on),
                work_on: spanned(work_on),
                pos: Pos::START,
            });
        }
        M::CalendarRemove { y, entry } => {
            let Some(i) = index(*y, ny) else { return };
            let year = &mut data.calendar[i];
            let entry = *entry as usize;
            if entry < year.holidays.len() {
                year.holidays.remove(entry);
            } else if entry - year.holidays.len() < year.days_off.len() {
                year.days_off.remove(entry - year.holidays.len());
            } else if let Some(t) = index(*y, year.transfers.len()) {
                year.transfers.remove(t);
            }
        }
        M::CalendarYear { y, year } => {
            let Some(i) = index(*y, ny) else { return };
            // The loader accepts 1900 to 2200.
            data.calendar[i].year.value = 1900 + year.rem_euclid(301);
        }
        M::RemoveCalendarYear { y } => {
            let Some(i) = index(*y, ny) else { return };
            data.calendar.remove(i);
        }
    }
}

thread_local! {
    static RENDERER: Renderer = Renderer::new(&sample().theme)
        .unwrap_or_else(|_| panic!("the sample theme compiles"));
}

fuzz_target!(|input: Input| {
    let base = minimal();
    let mut data = base.data.clone();
    for mutation in input.mutations.iter().take(16) {
        apply(&mut data, mutation);
    }
    let Ok(today) = today().checked_add(i64::from(input.today_shift % 2000).days()) else {
        return;
    };
    let verdict = kadr_check::check(&data, &base.sources, today);
    let diagnostics = &verdict.diagnostics;
    for d in diagnostics {
        assert!(base.sources.get(d.loc.file).is_some(), "{d:?}");
    }
    if diagnostics.iter().any(|d| d.is_error()) {
        return;
    }
    let site = verdict
        .site
        .as_ref()
        .expect("a site that checks clean resolves");
    let pages = RENDERER.with(|renderer| renderer.render(site, today));
    let pages = match pages {
        Ok(pages) => pages,
        Err(problems) => panic!("a site that checks clean does not render: {problems:?}"),
    };
    for page in &pages {
        assert_safe_page(&page.path, &page.bytes);
    }
});
