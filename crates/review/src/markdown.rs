//! A [`Diff`] as Markdown, ready to paste into (or post as) a pull- or merge-request
//! comment: one section per kind of record, each changed vacancy linked to its preview
//! in both languages, each changed text shown with its Kazakh and Russian side by side.
//!
//! Every value from a record is escaped, so a text cannot break the table it is in or
//! smuggle markup into the comment.

use std::fmt::Write as _;

use crate::diff::{Change, Diff, FieldChange, RecordDiff, VacancyDiff};

/// More affected vacancies than this are summarised by their number.
const MAX_LISTED: usize = 20;
/// Longer cells are cut (the preview and the file show the whole text).
const MAX_CELL_CHARS: usize = 1500;

/// The diff as Markdown; `preview_url` is where `kadr serve` (or a deployed preview)
/// shows the site, e.g. `http://127.0.0.1:1111/`.
pub fn markdown(diff: &Diff, preview_url: &str) -> String {
    let mut out = String::new();
    let short: String = diff.base_commit.chars().take(10).collect();
    let _ = writeln!(
        out,
        "## kadr diff: postings since {} ({})\n",
        cell(&diff.base),
        code_span(&short)
    );
    if diff.is_empty() {
        out.push_str("No changes to vacancies, units, requirements, categories, site settings or the calendar.\n");
        return out;
    }
    let _ = writeln!(out, "{}\n", summary(diff));
    let link = |path: &str| format!("{}{path}", with_slash(preview_url));
    if !diff.vacancies.is_empty() {
        out.push_str("### Vacancies\n\n");
        for v in &diff.vacancies {
            vacancy(&mut out, v, &link);
        }
    }
    let lookup = |id: &str| diff.section_slugs.as_ref().map(|s| s.preview(id).kk);
    for (title, list) in [
        ("Units", &diff.units),
        ("Qualification requirements (P5)", &diff.requirements),
        ("Position categories", &diff.categories),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### {title}\n");
        for r in list {
            record(&mut out, r, &link, &lookup);
        }
    }
    if let Some(site) = &diff.site {
        out.push_str("### Site settings\n\n");
        let _ = writeln!(
            out,
            "`content/site.yaml` changed: this affects every page ({} vacancies).\n",
            site.affects.len()
        );
        fields(&mut out, &site.fields);
    }
    if !diff.calendar.entries.is_empty() {
        out.push_str("### Working-day calendar (P4)\n\n");
        out.push_str(
            "| year | entry | date | change | before | after |\n|---|---|---|---|---|---|\n",
        );
        for e in &diff.calendar.entries {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                e.year,
                e.entry.replace('_', " "),
                e.date,
                change_name(e.change),
                cell(e.before.as_deref().unwrap_or("")),
                cell(e.after.as_deref().unwrap_or("")),
            );
        }
        out.push('\n');
        if diff.calendar.affects.is_empty() {
            out.push_str("No vacancy's last allowed publication day moves.\n\n");
        } else {
            let _ = writeln!(
                out,
                "Moves the last allowed publication day of: {}\n",
                id_list(&diff.calendar.affects, &link, &lookup)
            );
        }
    }
    out
}

fn summary(diff: &Diff) -> String {
    let count = |c: Change| diff.vacancies.iter().filter(|v| v.change == c).count();
    let status_changes = diff
        .vacancies
        .iter()
        .filter(|v| v.change == Change::Changed && v.fields.iter().any(|f| f.field == "status"))
        .count();
    let mut parts = vec![format!(
        "**Vacancies:** {} new, {} changed ({} with a new status), {} removed",
        count(Change::Added),
        count(Change::Changed),
        status_changes,
        count(Change::Removed)
    )];
    if count(Change::Unreadable) > 0 {
        parts.push(format!(
            "**{} unreadable** (run `kadr check`)",
            count(Change::Unreadable)
        ));
    }
    for (name, n) in [
        ("units", diff.units.len()),
        ("requirements", diff.requirements.len()),
        ("categories", diff.categories.len()),
        ("calendar entries", diff.calendar.entries.len()),
    ] {
        if n > 0 {
            parts.push(format!("**{name}:** {n}"));
        }
    }
    if diff.site.is_some() {
        parts.push("**site settings**".into());
    }
    parts.join(" · ")
}

fn vacancy(out: &mut String, v: &VacancyDiff, link: &impl Fn(&str) -> String) {
    let title = v
        .position
        .as_ref()
        .map(|p| format!(" — {} / {}", cell(&p.kk), cell(&p.ru)))
        .unwrap_or_default();
    let status = v.fields.iter().find(|f| f.field == "status");
    let status = match (v.change, status) {
        (Change::Changed, Some(f)) => format!(
            " · status **{} → {}**",
            f.before.as_deref().unwrap_or("?"),
            f.after.as_deref().unwrap_or("?")
        ),
        (_, _) => v
            .status
            .as_ref()
            .map(|s| format!(" · status {s}"))
            .unwrap_or_default(),
    };
    let _ = writeln!(
        out,
        "#### {}: `{}`{title}{status}\n",
        change_title(v.change),
        code(&v.id)
    );
    let mut where_ = Vec::new();
    if let Some(p) = &v.preview {
        where_.push(format!(
            "preview [kk]({}) · [ru]({})",
            link(&p.kk),
            link(&p.ru)
        ));
    }
    where_.push(format!("`{}`", code(&v.file)));
    let _ = writeln!(out, "{}\n", where_.join(" · "));
    match v.change {
        Change::Unreadable => {
            out.push_str("This file cannot be read as a vacancy: `kadr check` says why. Do not approve it as it is.\n\n");
        }
        Change::Added | Change::Removed => {
            // The whole record is new (or gone): its short fields here, its texts in
            // the preview or the file.
            let short: Vec<&FieldChange> = v
                .fields
                .iter()
                .filter(|f| f.lang.is_none() && f.field != "id")
                .collect();
            out.push_str("| field | value |\n|---|---|\n");
            for f in short {
                let value = f.after.as_ref().or(f.before.as_ref());
                let _ = writeln!(out, "| {} | {} |", f.field, cell(value.map_or("", |s| s)));
            }
            out.push('\n');
        }
        Change::Changed => fields(out, &v.fields),
    }
}

fn record(
    out: &mut String,
    r: &RecordDiff,
    link: &impl Fn(&str) -> String,
    lookup: &impl Fn(&str) -> Option<String>,
) {
    let _ = writeln!(
        out,
        "#### {}: `{}` (`{}`)\n",
        change_title(r.change),
        code(&r.id),
        code(&r.file)
    );
    if r.affects.is_empty() {
        out.push_str("Affects no vacancy.\n\n");
    } else {
        let _ = writeln!(out, "Affects: {}\n", id_list(&r.affects, link, lookup));
    }
    if r.change == Change::Changed {
        fields(out, &r.fields);
    }
}

/// Vacancy ids, each linked to its preview when the diff knows it.
fn id_list(
    ids: &[String],
    link: &impl Fn(&str) -> String,
    lookup: &impl Fn(&str) -> Option<String>,
) -> String {
    let mut items: Vec<String> = ids
        .iter()
        .take(MAX_LISTED)
        .map(|id| match lookup(id) {
            Some(path) => format!("[`{}`]({})", code(id), link(&path)),
            None => format!("`{}`", code(id)),
        })
        .collect();
    if ids.len() > MAX_LISTED {
        items.push(format!("and {} more", ids.len() - MAX_LISTED));
    }
    items.join(", ")
}

/// The changed fields: the short ones in one before/after table, then each text in a
/// table of its own with the two languages side by side.
fn fields(out: &mut String, changes: &[FieldChange]) {
    let plain: Vec<&FieldChange> = changes.iter().filter(|c| c.lang.is_none()).collect();
    if !plain.is_empty() {
        out.push_str("| field | before | after |\n|---|---|---|\n");
        for c in plain {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                c.field,
                absent_or(c.before.as_deref()),
                absent_or(c.after.as_deref())
            );
        }
        out.push('\n');
    }
    let mut texts: Vec<&str> = Vec::new();
    for c in changes.iter().filter(|c| c.lang.is_some()) {
        if !texts.contains(&c.field.as_str()) {
            texts.push(&c.field);
        }
    }
    for field in texts {
        let of = |lang: &str| {
            changes
                .iter()
                .find(|c| c.field == field && c.lang == Some(lang))
        };
        let (kk, ru) = (of("kk"), of("ru"));
        let other = kk.or(ru).and_then(|c| c.other.as_deref());
        let (kk_cells, ru_cells) = (text_cells(kk, other), text_cells(ru, other));
        let _ = writeln!(out, "| {field} | kk | ru |\n|---|---|---|");
        let _ = writeln!(out, "| before | {} | {} |", kk_cells.0, ru_cells.0);
        let _ = writeln!(out, "| after | {} | {} |\n", kk_cells.1, ru_cells.1);
    }
}

/// The before and after cells of one language of a changed text: the whole text when
/// it is one line, the changed lines of a longer (Markdown) text. `change` is `None`
/// when this language did not change; `other` is then its text.
fn text_cells(change: Option<&FieldChange>, other: Option<&str>) -> (String, String) {
    let Some(c) = change else {
        return match other {
            Some(text) if !text.contains('\n') => (cell(text), cell(text)),
            _ => ("_unchanged_".into(), "_unchanged_".into()),
        };
    };
    let (before, after) = (c.before.as_deref(), c.after.as_deref());
    let multiline = before.is_some_and(|s| s.trim_end().contains('\n'))
        || after.is_some_and(|s| s.trim_end().contains('\n'));
    match (before, after) {
        (Some(b), Some(a)) if multiline => {
            let (removed, added) = changed_lines(b, a);
            (lines_cell(&removed, "−"), lines_cell(&added, "+"))
        }
        _ => (absent_or(before), absent_or(after)),
    }
}

fn lines_cell(lines: &[&str], mark: &str) -> String {
    if lines.is_empty() {
        return "_(no lines)_".into();
    }
    let text: Vec<String> = lines
        .iter()
        .map(|l| format!("{mark} {}", cell(l)))
        .collect();
    text.join("<br>")
}

fn absent_or(value: Option<&str>) -> String {
    match value {
        Some(v) => cell(v),
        None => "_(none)_".into(),
    }
}

/// The lines only in `before` and the lines only in `after`, by a longest common
/// subsequence of lines (texts are short: a few hundred lines at most).
pub(crate) fn changed_lines<'a>(before: &'a str, after: &'a str) -> (Vec<&'a str>, Vec<&'a str>) {
    let a: Vec<&str> = before.lines().collect();
    let b: Vec<&str> = after.lines().collect();
    if a.len().saturating_mul(b.len()) > 4_000_000 {
        return (a, b);
    }
    // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let (mut removed, mut added) = (Vec::new(), Vec::new());
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            i += 1;
            j += 1;
        } else if lcs[i + 1][j] >= lcs[i][j + 1] {
            removed.push(a[i]);
            i += 1;
        } else {
            added.push(b[j]);
            j += 1;
        }
    }
    removed.extend(&a[i..]);
    added.extend(&b[j..]);
    removed.retain(|l| !l.trim().is_empty());
    added.retain(|l| !l.trim().is_empty());
    (removed, added)
}

/// A value as the text of a table cell: Markdown and HTML in it are shown as written,
/// `|` cannot end the cell, line breaks become `<br>`, and very long text is cut.
pub(crate) fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (n, ch) in s.trim_end().chars().enumerate() {
        if n == MAX_CELL_CHARS {
            out.push('…');
            break;
        }
        match ch {
            '\n' => out.push_str("<br>"),
            '\r' => {}
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '#' | '!' => {
                out.push('\\');
                out.push(ch);
            }
            _ => out.push(ch),
        }
    }
    out
}

/// A value inside a code span: a backtick would end it, a `|` the table around it.
fn code(s: &str) -> String {
    s.replace('`', "'").replace('|', "¦")
}

fn code_span(s: &str) -> String {
    format!("`{}`", code(s))
}

fn with_slash(url: &str) -> String {
    if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    }
}

fn change_title(change: Change) -> &'static str {
    match change {
        Change::Added => "New",
        Change::Removed => "Removed",
        Change::Changed => "Changed",
        Change::Unreadable => "Unreadable",
    }
}

fn change_name(change: Change) -> &'static str {
    match change {
        Change::Added => "added",
        Change::Removed => "removed",
        Change::Changed => "changed",
        Change::Unreadable => "unreadable",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_cannot_break_its_table_or_carry_markup() {
        assert_eq!(
            cell("a | b <script>\n**c**"),
            "a \\| b &lt;script&gt;<br>\\*\\*c\\*\\*"
        );
    }

    #[test]
    fn changed_lines_keep_only_what_differs() {
        let before = "### Міндеттер\n\n- бірінші\n- екінші\n";
        let after = "### Міндеттер\n\n- бірінші\n- үшінші\n- екінші\n";
        assert_eq!(changed_lines(before, after), (vec![], vec!["- үшінші"]));
        assert_eq!(changed_lines("a\nb", "a\nc"), (vec!["b"], vec!["c"]));
    }

    #[test]
    fn an_empty_diff_says_so() {
        let diff = Diff {
            base: "HEAD".into(),
            base_commit: "0123456789abcdef".into(),
            ..Diff::default()
        };
        let md = markdown(&diff, "http://127.0.0.1:1111");
        assert!(md.contains("since HEAD (`0123456789`)"), "{md}");
        assert!(md.contains("No changes"), "{md}");
    }
}
