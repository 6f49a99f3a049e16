//! The P4 report as Markdown (for a merge request or a note), CSV (per unit, for a
//! spreadsheet), HTML (a page to print for an inspector) and JSON (everything, for
//! scripts). Labels come from kadr's message catalogues, in the language asked for.

use std::fmt::Write as _;

use crate::{Counts, Report};
use kadr_diagnostic::{Message, Messages, messages::MessageLang};

/// How to print the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Csv,
    Html,
    Json,
}

/// A column of the per-unit table: its message, and the count it shows.
type Column = (&'static str, fn(&Counts) -> usize);

/// The columns of the per-unit table.
const COLUMNS: &[Column] = &[
    ("report-col-placed", |c| c.placed),
    ("report-col-on-time", |c| c.on_time),
    ("report-col-late", |c| c.late),
    ("report-col-late-with-reason", |c| c.late_with_reason),
    ("report-col-late-without-reason", |c| c.late_without_reason),
    ("report-col-not-counted", |c| c.not_counted),
    ("report-col-language", |c| c.language_problems),
    ("report-col-overdue", |c| c.open_past_deadline),
];

struct Labels<'a> {
    messages: &'a Messages,
    lang: MessageLang,
}

impl Labels<'_> {
    fn get(&self, id: &'static str) -> String {
        self.messages.text(&Message::new(id))
    }

    fn with(&self, message: Message) -> String {
        self.messages.text(&message)
    }

    fn unit_name<'r>(&self, report: &'r Report, id: &'r str) -> &'r str {
        match report.units.get(id) {
            Some(u) if self.lang == MessageLang::Kk => &u.name_kk,
            Some(u) => &u.name_ru,
            None => id,
        }
    }

    fn period(&self, report: &Report) -> String {
        let to = report.to.unwrap_or(report.today).to_string();
        match report.from {
            Some(from) => self.with(
                Message::new("report-period")
                    .arg("from", from.to_string())
                    .arg("to", to),
            ),
            None => self.with(Message::new("report-period-until").arg("to", to)),
        }
    }

    fn term(&self, report: &Report) -> String {
        self.with(Message::new("report-term").arg("within", report.within_working_days))
    }

    fn reason(&self, p: &crate::Posting) -> String {
        match &p.reason {
            Some(r) if self.lang == MessageLang::Kk => r.kk.clone(),
            Some(r) => r.ru.clone(),
            None => self.get("report-no-reason"),
        }
    }
}

/// The report as Markdown.
pub fn markdown(report: &Report, messages: &Messages, lang: MessageLang) -> String {
    let l = Labels { messages, lang };
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", l.get("report-title"));
    let _ = writeln!(out, "{}. {}\n", l.period(report), l.term(report));
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let mut header = format!("| {} |", l.get("report-col-unit"));
    let mut rule = String::from("|---|");
    for (id, _) in COLUMNS {
        let _ = write!(header, " {} |", l.get(id));
        rule.push_str("---:|");
    }
    let _ = writeln!(out, "{header}\n{rule}");
    for (id, unit) in &report.units {
        let _ = write!(out, "| {} |", cell(l.unit_name(report, id)));
        for (_, count) in COLUMNS {
            let _ = write!(out, " {} |", count(&unit.counts));
        }
        out.push('\n');
    }
    let _ = write!(out, "| **{}** |", l.get("report-total"));
    for (_, count) in COLUMNS {
        let _ = write!(out, " **{}** |", count(&report.total));
    }
    out.push_str("\n\n");

    let late: Vec<_> = report.postings.iter().filter(|p| p.late_by > 0).collect();
    let _ = writeln!(out, "## {}\n", l.get("report-late-heading"));
    if late.is_empty() {
        let _ = writeln!(out, "{}\n", l.get("report-none"));
    } else {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---:|---|",
            l.get("report-col-id"),
            l.get("report-col-unit"),
            l.get("report-col-arose"),
            l.get("report-col-published"),
            l.get("report-col-last-day"),
            l.get("report-col-late-by"),
            l.get("report-col-reason"),
        );
        for p in late {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                p.id,
                cell(l.unit_name(report, &p.unit)),
                p.arose_on,
                p.published_on,
                p.last_day.map_or_else(String::new, |d| d.to_string()),
                p.late_by,
                cell(&l.reason(p)),
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## {}\n", l.get("report-language-heading"));
    if report.language_problems.is_empty() {
        let _ = writeln!(out, "{}\n", l.get("report-none"));
    } else {
        for p in &report.language_problems {
            let _ = writeln!(out, "- {} (`{}`: {})", p.id, p.file, p.problems.join(", "));
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## {}\n", l.get("report-overdue-heading"));
    if report.open_past_deadline.is_empty() {
        let _ = writeln!(out, "{}", l.get("report-none"));
    } else {
        for o in &report.open_past_deadline {
            let _ = writeln!(
                out,
                "- {} ({}): {} {}",
                o.id,
                l.unit_name(report, &o.unit),
                l.get("report-col-deadline"),
                o.deadline
            );
        }
    }
    out
}

/// The per-unit counts as CSV: a header row, a row per unit, and the total.
pub fn csv(report: &Report, messages: &Messages, lang: MessageLang) -> String {
    let l = Labels { messages, lang };
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    let mut header = vec![l.get("report-col-unit-id"), l.get("report-col-unit")];
    header.extend(COLUMNS.iter().map(|(id, _)| l.get(id)));
    let _ = writer.write_record(&header);
    let row = |id: &str, name: &str, c: &Counts| {
        let mut row = vec![id.to_string(), name.to_string()];
        row.extend(COLUMNS.iter().map(|(_, count)| count(c).to_string()));
        row
    };
    for (id, unit) in &report.units {
        let _ = writer.write_record(row(id, l.unit_name(report, id), &unit.counts));
    }
    let _ = writer.write_record(row("", &l.get("report-total"), &report.total));
    writer
        .into_inner()
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default()
}

/// The report as a page to read or print.
pub fn html(report: &Report, messages: &Messages, lang: MessageLang) -> String {
    let l = Labels { messages, lang };
    let e = kadr_common::escape_html;
    let code = match lang {
        MessageLang::Kk => "kk",
        MessageLang::Ru => "ru",
        MessageLang::En => "en",
    };
    let title = l.get("report-title");
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>body{{font-family:system-ui,sans-serif;margin:2rem;color:#1b1f24}}table{{border-collapse:collapse;margin:1rem 0}}th,td{{border:1px solid #c9d1dc;padding:.3rem .6rem;text-align:left}}td.n{{text-align:right}}tfoot td{{font-weight:700}}@media print{{body{{margin:0}}}}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n<p>{}. {}</p>\n",
        e(&title),
        e(&title),
        e(&l.period(report)),
        e(&l.term(report)),
    );
    out.push_str("<table>\n<thead><tr>");
    let _ = write!(
        out,
        "<th scope=\"col\">{}</th>",
        e(&l.get("report-col-unit"))
    );
    for (id, _) in COLUMNS {
        let _ = write!(out, "<th scope=\"col\">{}</th>", e(&l.get(id)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (id, unit) in &report.units {
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th>",
            e(l.unit_name(report, id))
        );
        for (_, count) in COLUMNS {
            let _ = write!(out, "<td class=\"n\">{}</td>", count(&unit.counts));
        }
        out.push_str("</tr>\n");
    }
    let _ = write!(
        out,
        "</tbody>\n<tfoot><tr><th scope=\"row\">{}</th>",
        e(&l.get("report-total"))
    );
    for (_, count) in COLUMNS {
        let _ = write!(out, "<td class=\"n\">{}</td>", count(&report.total));
    }
    out.push_str("</tr></tfoot>\n</table>\n");
    let late: Vec<_> = report.postings.iter().filter(|p| p.late_by > 0).collect();
    let _ = writeln!(out, "<h2>{}</h2>", e(&l.get("report-late-heading")));
    if late.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", e(&l.get("report-none")));
    } else {
        out.push_str("<table>\n<thead><tr>");
        for id in [
            "report-col-id",
            "report-col-unit",
            "report-col-arose",
            "report-col-published",
            "report-col-last-day",
            "report-col-late-by",
            "report-col-reason",
        ] {
            let _ = write!(out, "<th scope=\"col\">{}</th>", e(&l.get(id)));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for p in late {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
                e(&p.id),
                e(l.unit_name(report, &p.unit)),
                p.arose_on,
                p.published_on,
                p.last_day.map_or_else(String::new, |d| d.to_string()),
                p.late_by,
                e(&l.reason(p)),
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    for (heading, items) in [
        (
            "report-language-heading",
            report
                .language_problems
                .iter()
                .map(|p| format!("{} ({}: {})", p.id, p.file, p.problems.join(", ")))
                .collect::<Vec<_>>(),
        ),
        (
            "report-overdue-heading",
            report
                .open_past_deadline
                .iter()
                .map(|o| {
                    format!(
                        "{} ({}): {} {}",
                        o.id,
                        l.unit_name(report, &o.unit),
                        l.get("report-col-deadline"),
                        o.deadline
                    )
                })
                .collect(),
        ),
    ] {
        let _ = writeln!(out, "<h2>{}</h2>", e(&l.get(heading)));
        if items.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", e(&l.get("report-none")));
        } else {
            out.push_str("<ul>\n");
            for item in items {
                let _ = writeln!(out, "<li>{}</li>", e(&item));
            }
            out.push_str("</ul>\n");
        }
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The whole report as JSON.
pub fn json(report: &Report) -> String {
    let mut text = serde_json::to_string_pretty(report).unwrap_or_else(|_| "{}".to_string());
    text.push('\n');
    text
}
