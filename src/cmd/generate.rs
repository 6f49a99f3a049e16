//! `kadr generate-site` (hidden from help): a generator of large valid sites for
//! benchmarks. It copies the shared records (and the theme, UI strings and calendars, if the
//! site has its own) of a real site and writes
//! N vacancies built from that site's own texts, spread over units and two years, with
//! dates that obey P4 on the working-day calendar, so that `kadr check` passes.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use jiff::ToSpan;
use jiff::civil::Date;

use kadr_calendar::Calendar;
use kadr_model::{Authority, Status, Text, UnitKind, Vacancy};

use super::{Exit, parse_date};

#[derive(clap::Args)]
pub struct Args {
    /// How many vacancies
    #[arg(long)]
    pub vacancies: usize,
    /// The new site's folder (must not exist)
    #[arg(long)]
    pub out: std::path::PathBuf,
    /// The site whose records and texts are used
    #[arg(long, default_value = ".")]
    pub from: std::path::PathBuf,
    #[arg(long, value_parser = parse_date, default_value = "2026-11-27")]
    pub today: Date,
}

pub fn run(args: Args) -> Exit {
    match generate_site(&args.from, &args.out, args.vacancies, args.today) {
        Ok(()) => Exit::Done,
        Err(e) => Exit::failed(e),
    }
}

/// Writes a site with `n` vacancies into `to` (which must not exist), from `from`.
fn generate_site(from: &Path, to: &Path, n: usize, today: Date) -> Result<(), String> {
    if to.exists() {
        return Err(format!("{} exists; choose a new folder", to.display()));
    }
    let loaded = kadr_load::load(from).map_err(|e| e.to_string())?;
    let data = &loaded.data;
    let sources: Vec<&Vacancy> = data.vacancies.iter().map(|v| &**v).collect();
    if sources.is_empty() || data.units.is_empty() {
        return Err(format!(
            "{} has no vacancies or units to draw from",
            from.display()
        ));
    }
    // The theme, the UI strings and the calendars are built in: a site that has its
    // own keeps them.
    for (dir, required) in [
        ("content/units", true),
        ("content/requirements", true),
        ("content/calendar", false),
        ("themes", false),
        ("locales", false),
    ] {
        if required || from.join(dir).is_dir() {
            copy_dir(&from.join(dir), &to.join(dir)).map_err(|e| format!("copying {dir}: {e}"))?;
        }
    }
    for file in ["content/site.yaml", "content/categories.yaml"] {
        fs::copy(from.join(file), to.join(file)).map_err(|e| format!("copying {file}: {e}"))?;
    }
    let calendar = Calendar::new(&data.calendar);
    let within = data
        .site
        .as_ref()
        .map_or(3, |s| s.publish_within_working_days.value);
    let years: Vec<i16> = {
        let mut y: Vec<i16> = data
            .calendar
            .iter()
            .map(|c| c.year.value)
            .filter(|y| *y <= today.year())
            .collect();
        y.sort();
        y.into_iter().rev().take(2).collect()
    };
    if years.is_empty() {
        return Err("the calendar covers no year up to today".into());
    }
    let mut rng = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        // xorshift64*: deterministic, so the same N always gives the same site.
        rng ^= rng >> 12;
        rng ^= rng << 25;
        rng ^= rng >> 27;
        rng.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    for i in 0..n {
        let year = years[i % years.len()];
        let unit = &data.units[(next() as usize) % data.units.len()];
        let source = sources[(next() as usize) % sources.len()];
        let day_of_year = 10 + (next() % 330) as i16;
        let start = Date::new(year, 1, 1).map_err(|e| e.to_string())?;
        let mut arose = start
            .checked_add((day_of_year - 1).days())
            .map_err(|e| e.to_string())?;
        if arose > today {
            arose = today.checked_sub(20.days()).map_err(|e| e.to_string())?;
        }
        let published = calendar
            .add_working_days(arose, 1 + (next() % u64::from(within)) as u32)
            .map_err(|e| e.to_string())?;
        let deadline = published
            .checked_add(14.days())
            .map_err(|e| e.to_string())?;
        let status = if i % 97 == 0 {
            Status::Draft
        } else if deadline >= today {
            Status::Open
        } else {
            [
                Status::Closed,
                Status::Filled,
                Status::Cancelled,
                Status::Open,
            ][(next() % 4) as usize]
        };
        let authority = match (*unit.kind, *source.appointing_authority) {
            (UnitKind::Central, Authority::TerritorialHead) => Authority::DeputyMinister,
            (_, a) => a,
        };
        let id = format!("{year}-{}-{:05}", unit.id.value, i);
        let yaml = vacancy_yaml(
            &id, status, &unit.id, authority, source, i, arose, published, deadline,
        );
        let dir = to.join("content/vacancies").join(year.to_string());
        fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        fs::write(dir.join(format!("{id}.yaml")), yaml).map_err(|e| e.to_string())?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn vacancy_yaml(
    id: &str,
    status: Status,
    unit: &str,
    authority: Authority,
    v: &Vacancy,
    i: usize,
    arose: Date,
    published: Date,
    deadline: Date,
) -> String {
    let mut y = String::with_capacity(12_000);
    let _ = writeln!(
        y,
        "id: {id}\nstatus: {}\nunit: {unit}\ncategory: {}",
        status.name(),
        v.category.value
    );
    let _ = writeln!(
        y,
        "appointing_authority: {}\nplaced_by: {}",
        authority.name(),
        v.placed_by.name()
    );
    text(&mut y, "position", &v.position, None);
    let _ = writeln!(y, "requirements: {}", v.requirements.value);
    let note = (
        format!("\n\n- Ішкі тіркеу нөмірі: {i}."),
        format!("\n\n- Внутренний регистрационный номер: {i}."),
    );
    text(&mut y, "duties", &v.duties, Some(&note));
    if let Some(c) = &v.conditions {
        text(&mut y, "conditions", c, None);
    }
    text(&mut y, "documents", &v.documents, None);
    let _ = writeln!(
        y,
        "arose_on: {arose}\npublished_on: {published}\ndeadline: {deadline}"
    );
    // The pay and the rank, as real announcements state them (the source's own).
    if let Some(pay) = &v.salary {
        match &pay.max {
            Some(max) => {
                let _ = writeln!(y, "salary: {{min: {}, max: {}}}", pay.min.value, max.value);
            }
            None => {
                let _ = writeln!(y, "salary: {{min: {}}}", pay.min.value);
            }
        }
    }
    if let Some(rank) = &v.max_rank {
        text(&mut y, "max_rank", rank, None);
    }
    y
}

fn text(y: &mut String, field: &str, t: &Text, note: Option<&(String, String)>) {
    let _ = writeln!(y, "{field}:");
    for (lang, value, extra) in [
        ("kk", &t.kk.value, note.map(|n| &n.0)),
        ("ru", &t.ru.value, note.map(|n| &n.1)),
    ] {
        let mut value = value.trim_end().to_string();
        if let Some(extra) = extra {
            value.push_str(extra);
        }
        if value.contains('\n') {
            let _ = writeln!(y, "  {lang}: |");
            for line in value.lines() {
                if line.is_empty() {
                    y.push('\n');
                } else {
                    let _ = writeln!(y, "    {line}");
                }
            }
        } else {
            let _ = writeln!(
                y,
                "  {lang}: \"{}\"",
                value.replace('\\', "\\\\").replace('"', "\\\"")
            );
        }
    }
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}
