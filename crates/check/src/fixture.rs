//! An in-memory site for the unit tests of the checks: every field of every record
//! kind filled, so that a test changes the one field it is about and asserts the
//! diagnostic that change brings.

use kadr_model::SiteData;

/// A site whose every field is filled, each string different and at its own line.
pub fn site_with_every_field() -> SiteData {
    use kadr_model::*;
    fn at<T>(value: T) -> Spanned<T> {
        Spanned::new(value, Pos::START)
    }
    let line = std::cell::Cell::new(0);
    let next = || {
        line.set(line.get() + 1);
        Spanned::new(format!("value {}", line.get()), Pos::new(line.get(), 1))
    };
    let text = || Text {
        kk: next(),
        ru: next(),
        pos: Pos::START,
    };
    let date = |d| at(jiff::civil::date(2026, 1, d));
    let site = Site {
        file: FileId(0),
        title: text(),
        base_url: next(),
        languages: vec![Lang::Kk, Lang::Ru],
        section: Section {
            kk: SectionNames {
                parent: next(),
                title: next(),
                slug: next(),
            },
            ru: SectionNames {
                parent: next(),
                title: next(),
                slug: next(),
            },
        },
        publish_within_working_days: at(3),
        emblem: Some(next()),
    };
    let categories = Categories {
        file: FileId(1),
        list: vec![Category {
            code: next(),
            name: text(),
            leadership: at(true),
        }],
    };
    let unit = Unit {
        file: FileId(2),
        id: next(),
        kind: at(UnitKind::Central),
        name: text(),
        address: text(),
        postal_code: Some(next()),
        locality: Some(text()),
        region: Some(text()),
        contacts: Contacts {
            phone: Some(next()),
            email: Some(next()),
            person: Some(text()),
        },
    };
    let requirement = Requirement {
        file: FileId(3),
        id: next(),
        categories: vec![next()],
        source: text(),
        education: text(),
        experience: text(),
        other: Some(text()),
        selection: vec![text()],
    };
    let vacancy = Vacancy {
        file: FileId(4),
        id: next(),
        status: at(Status::Open),
        unit: next(),
        category: next(),
        appointing_authority: at(Authority::Minister),
        placed_by: at(PlacedBy::Hr),
        position: text(),
        requirements: next(),
        duties: text(),
        conditions: Some(text()),
        documents: text(),
        arose_on: date(1),
        published_on: date(2),
        updated_on: Some(date(3)),
        late_reason: Some(text()),
        deadline: date(4),
        contacts: Some(Contacts {
            phone: Some(next()),
            email: Some(next()),
            person: Some(text()),
        }),
        competition_url: Some(next()),
        salary: Some(Salary {
            min: at(640_000),
            max: Some(at(780_000)),
            pos: Pos::START,
        }),
        max_rank: Some(text()),
        selection: Some(vec![text()]),
    };
    let calendar = CalendarYear {
        file: FileId(5),
        year: at(2026),
        holidays: vec![NamedDay {
            date: date(5),
            name: text(),
        }],
        days_off: vec![NamedDay {
            date: date(6),
            name: text(),
        }],
        transfers: vec![Transfer {
            rest_on: date(7),
            work_on: date(8),
            pos: Pos::START,
        }],
        sources: vec![text()],
    };
    let partial = PartialVacancy {
        file: FileId(6),
        id: Some(next()),
        unit: Some(next()),
        category: Some(next()),
        requirements: Some(next()),
        texts: vec![("position", text())],
    };
    SiteData {
        site: Some(site),
        categories: Some(std::sync::Arc::new(categories)),
        units: vec![std::sync::Arc::new(unit)],
        requirements: vec![std::sync::Arc::new(requirement)],
        vacancies: vec![std::sync::Arc::new(vacancy)],
        calendar: vec![calendar],
        partial_vacancies: vec![partial],
        broken_ids: BrokenIds::default(),
        // Found files, not fields: nothing of them is published.
        bank_stores: Vec::new(),
    }
}
