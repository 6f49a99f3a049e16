//! One reader per record kind of SPEC.md: a YAML node in, a model record out (or `None`
//! with diagnostics). The fields a kind has are its field table's
//! (`kadr_model::fields`); they are also what "did you mean" suggests from.

use crate::read::{self, Ctx, Fields};
use crate::yaml::Node;
use kadr_model::{
    Authority, CalendarYear, Categories, Category, Lang, NamedDay, PartialVacancy, PlacedBy,
    Requirement, Section, SectionNames, Site, Spanned, Status, Transfer, Unit, UnitKind, Vacancy,
};

// The known field names of each kind are its field table's (kadr_model::fields): the
// loader reports any other as unknown, with the nearest of these as "did you mean".
pub use kadr_model::fields::{
    CALENDAR_NAMES as CALENDAR_FIELDS, CATEGORY_NAMES as CATEGORY_FIELDS,
    REQUIREMENT_NAMES as REQUIREMENT_FIELDS, SITE_NAMES as SITE_FIELDS, UNIT_NAMES as UNIT_FIELDS,
    VACANCY_NAMES as VACANCY_FIELDS,
};

pub fn site(ctx: &mut Ctx, node: &Node) -> Option<Site> {
    let mut f = Fields::open(ctx, node, SITE_FIELDS)?;
    let title = f.req_text(ctx, "title");
    let base_url = f.req_str(ctx, "base_url");
    let languages = f
        .req_str_list(ctx, "languages")
        .and_then(|list| languages(ctx, &list));
    let section = f.require(ctx, "section").and_then(|n| section(ctx, n));
    let within = f
        .req_int(ctx, "publish_within_working_days", 1..=30)
        .map(|n| Spanned::new(n.value as u32, n.pos));
    let emblem = f.opt_str(ctx, "emblem");
    f.finish(ctx);
    Some(Site {
        file: ctx.file,
        title: title?,
        base_url: base_url?,
        languages: languages?,
        section: section?,
        publish_within_working_days: within?,
        emblem,
    })
}

fn languages(ctx: &mut Ctx, list: &[Spanned<String>]) -> Option<Vec<Lang>> {
    let mut out = Vec::new();
    for code in list {
        match Lang::from_code(code) {
            Some(lang) if !out.contains(&lang) => out.push(lang),
            Some(_) => {
                ctx.error("duplicate-language", code.pos)
                    .message
                    .args
                    .push(("lang", code.value.as_str().into()));
            }
            None => {
                ctx.error("unknown-language", code.pos)
                    .message
                    .args
                    .push(("lang", code.value.as_str().into()));
            }
        }
    }
    if out.len() == 2 {
        Some(out)
    } else {
        if list.iter().all(|c| Lang::from_code(c).is_some()) {
            ctx.error(
                "languages-both",
                list.first().map_or(Default::default(), |c| c.pos),
            )
            .rule = Some("P4");
        }
        None
    }
}

fn section(ctx: &mut Ctx, node: &Node) -> Option<Section> {
    let mut f = Fields::open(ctx, node, &["kk", "ru"])?;
    let mut one = |f: &mut Fields, lang| {
        let n = f.require(ctx, lang)?;
        let mut g = Fields::open(ctx, n, &["parent", "title", "slug"])?;
        let parent = g.req_str(ctx, "parent");
        let title = g.req_str(ctx, "title");
        let slug = g.req_str(ctx, "slug");
        g.finish(ctx);
        Some(SectionNames {
            parent: parent?,
            title: title?,
            slug: slug?,
        })
    };
    let kk = one(&mut f, "kk");
    let ru = one(&mut f, "ru");
    f.finish(ctx);
    Some(Section { kk: kk?, ru: ru? })
}

pub fn unit(ctx: &mut Ctx, node: &Node) -> Option<Unit> {
    let mut f = Fields::open(ctx, node, UNIT_FIELDS)?;
    let id = f.req_str(ctx, "id");
    let kind = f.req_choice(ctx, "kind", UnitKind::NAMES, None);
    let name = f.req_text(ctx, "name");
    let address = f.req_text(ctx, "address");
    let postal_code = f.opt_str(ctx, "postal_code");
    let locality = f.opt_text(ctx, "locality");
    let region = f.opt_text(ctx, "region");
    let contacts = f.contacts(ctx, "contacts", true);
    f.finish(ctx);
    let kind = kind?;
    Some(Unit {
        file: ctx.file,
        id: id?,
        kind: Spanned::new(
            if kind.value == 0 {
                UnitKind::Central
            } else {
                UnitKind::Territorial
            },
            kind.pos,
        ),
        name: name?,
        address: address?,
        postal_code,
        locality: locality?,
        region: region?,
        contacts: contacts??,
    })
}

pub fn categories(ctx: &mut Ctx, node: &Node) -> Option<Categories> {
    let items = read::seq(ctx, node)?;
    let mut list = Vec::with_capacity(items.len());
    let mut ok = true;
    for item in items {
        match category(ctx, item) {
            Some(c) => list.push(c),
            None => ok = false,
        }
    }
    // Keep the readable entries even if some are broken, so references to them resolve;
    // the broken ones have their own diagnostics.
    let _ = ok;
    Some(Categories {
        file: ctx.file,
        list,
    })
}

fn category(ctx: &mut Ctx, node: &Node) -> Option<Category> {
    let mut f = Fields::open(ctx, node, CATEGORY_FIELDS)?;
    let code = f.req_str(ctx, "code");
    let name = f.req_text(ctx, "name");
    let leadership = f.req_bool(ctx, "leadership");
    f.finish(ctx);
    Some(Category {
        code: code?,
        name: name?,
        leadership: leadership?,
    })
}

pub fn requirement(ctx: &mut Ctx, node: &Node) -> Option<Requirement> {
    let mut f = Fields::open(ctx, node, REQUIREMENT_FIELDS)?;
    let id = f.req_str(ctx, "id");
    let categories = f.req_str_list(ctx, "categories");
    let source = f.req_text(ctx, "source");
    let education = f.req_text(ctx, "education");
    let experience = f.req_text(ctx, "experience");
    let other = f.opt_text(ctx, "other");
    let selection = f.list_of(ctx, "selection", false, read::text);
    f.finish(ctx);
    Some(Requirement {
        file: ctx.file,
        id: id?,
        categories: categories?,
        source: source?,
        education: education?,
        experience: experience?,
        other: other?,
        selection: selection?,
    })
}

/// A vacancy, or what could be read of it when some field is missing or malformed.
pub fn vacancy(ctx: &mut Ctx, node: &Node) -> Result<Vacancy, Box<PartialVacancy>> {
    let Some(mut f) = Fields::open(ctx, node, VACANCY_FIELDS) else {
        return Err(Box::new(PartialVacancy {
            file: ctx.file,
            ..PartialVacancy::default()
        }));
    };
    let id = f.req_str(ctx, "id");
    let status = f.req_choice(ctx, "status", Status::NAMES, None);
    let unit = f.req_str(ctx, "unit");
    let category = f.req_str(ctx, "category");
    let authority = f.req_choice(ctx, "appointing_authority", Authority::NAMES, Some("P3"));
    let placed_by = f.req_choice(ctx, "placed_by", PlacedBy::NAMES, Some("P4"));
    let position = f.req_text(ctx, "position");
    let requirements = f.req_str(ctx, "requirements");
    let duties = f.req_text(ctx, "duties");
    let conditions = f.opt_text(ctx, "conditions");
    let documents = f.req_text(ctx, "documents");
    let arose_on = f.req_date(ctx, "arose_on");
    let published_on = f.req_date(ctx, "published_on");
    let updated_on = f.opt_date(ctx, "updated_on");
    let late_reason = f.opt_text(ctx, "late_reason");
    let deadline = f.req_date(ctx, "deadline");
    let contacts = f.contacts(ctx, "contacts", false);
    let competition_url = f.opt_str(ctx, "competition_url");
    let salary = f.opt_salary(ctx, "salary");
    let max_rank = f.opt_text(ctx, "max_rank");
    let selection = f.opt_text_list(ctx, "selection");
    f.finish(ctx);
    let complete = (|| {
        Some(Vacancy {
            file: ctx.file,
            id: id.clone()?,
            status: status.map(|s| {
                Spanned::new(
                    [
                        Status::Draft,
                        Status::Open,
                        Status::Closed,
                        Status::Filled,
                        Status::Cancelled,
                    ][s.value],
                    s.pos,
                )
            })?,
            unit: unit.clone()?,
            category: category.clone()?,
            appointing_authority: authority.map(|a| {
                Spanned::new(
                    [
                        Authority::Minister,
                        Authority::DeputyMinister,
                        Authority::TerritorialHead,
                    ][a.value],
                    a.pos,
                )
            })?,
            placed_by: placed_by
                .map(|p| Spanned::new([PlacedBy::Hr, PlacedBy::InformationUnit][p.value], p.pos))?,
            position: position.clone()?,
            requirements: requirements.clone()?,
            duties: duties.clone()?,
            conditions: conditions.clone()?,
            documents: documents.clone()?,
            arose_on: arose_on?,
            published_on: published_on?,
            updated_on: updated_on?,
            late_reason: late_reason.clone()?,
            deadline: deadline?,
            contacts: contacts.clone()?,
            competition_url: competition_url.clone(),
            salary: salary.clone()?,
            max_rank: max_rank.clone()?,
            selection: selection.clone()?,
        })
    })();
    match complete {
        Some(v) => Ok(v),
        None => {
            let texts = [
                ("position", position),
                ("duties", duties),
                ("conditions", conditions.flatten()),
                ("documents", documents),
                ("late_reason", late_reason.flatten()),
                ("max_rank", max_rank.flatten()),
            ]
            .into_iter()
            .filter_map(|(name, t)| Some((name, t?)))
            .collect();
            Err(Box::new(PartialVacancy {
                file: ctx.file,
                id,
                unit,
                category,
                requirements,
                texts,
            }))
        }
    }
}

pub fn calendar_year(ctx: &mut Ctx, node: &Node) -> Option<CalendarYear> {
    let mut f = Fields::open(ctx, node, CALENDAR_FIELDS)?;
    let year = f
        .req_int(ctx, "year", 1900..=2200)
        .map(|y| Spanned::new(y.value as i16, y.pos));
    let holidays = f.list_of(ctx, "holidays", true, named_day);
    let days_off = f.list_of(ctx, "days_off", false, named_day);
    let transfers = f.list_of(ctx, "transfers", false, transfer);
    let sources = f.list_of(ctx, "sources", false, read::text);
    f.finish(ctx);
    Some(CalendarYear {
        file: ctx.file,
        year: year?,
        holidays: holidays?,
        days_off: days_off?,
        transfers: transfers?,
        sources: sources?,
    })
}

fn named_day(ctx: &mut Ctx, node: &Node) -> Option<NamedDay> {
    let mut f = Fields::open(ctx, node, &["date", "name"])?;
    let date = f.req_date(ctx, "date");
    let name = f.req_text(ctx, "name");
    f.finish(ctx);
    Some(NamedDay {
        date: date?,
        name: name?,
    })
}

fn transfer(ctx: &mut Ctx, node: &Node) -> Option<Transfer> {
    let mut f = Fields::open(ctx, node, &["rest_on", "work_on"])?;
    let rest_on = f.req_date(ctx, "rest_on");
    let work_on = f.req_date(ctx, "work_on");
    f.finish(ctx);
    Some(Transfer {
        rest_on: rest_on?,
        work_on: work_on?,
        pos: node.pos,
    })
}
