//! A [`Diff`] as Markdown, ready to paste into (or post as) a pull- or merge-request
//! comment: one section per kind of record, each changed vacancy linked to its preview
//! in both languages, each changed text shown with its Kazakh and Russian side by side.
//!
//! Every value from a record is escaped, so a text cannot break the table it is in or
//! smuggle markup into the comment.

use std::fmt::Write as _;

use kadr_diagnostic::{Message, Messages};

use crate::diff::{Change, Diff, FieldChange, RecordDiff, VacancyDiff};

/// The words of the report, in the reader's language (`kadr diff --lang`).
struct Say<'a>(&'a Messages);

impl Say<'_> {
    fn t(&self, id: &'static str) -> String {
        self.0.text(&Message::new(id))
    }

    fn m(&self, message: Message) -> String {
        self.0.text(&message)
    }
}

/// More affected vacancies than this are summarised by their number.
const MAX_LISTED: usize = 20;
/// Longer cells are cut (the preview and the file show the whole text).
const MAX_CELL_CHARS: usize = 1500;

/// The diff as Markdown; `preview_url` is where `kadr serve` (or a deployed preview)
/// shows the site, e.g. `http://127.0.0.1:1111/`; `messages` the language of its words
/// (the records' own texts are shown as written).
pub fn markdown(diff: &Diff, preview_url: &str, messages: &Messages) -> String {
    let say = &Say(messages);
    let mut out = String::new();
    let short: String = diff.base_commit.chars().take(10).collect();
    let heading = Message::new("diff-heading")
        .arg("base", cell(&diff.base))
        .arg("commit", code_span(&short));
    let _ = writeln!(out, "## {}\n", say.m(heading));
    if diff.is_empty() {
        let _ = writeln!(out, "{}", say.t("diff-no-changes"));
        return out;
    }
    let _ = writeln!(out, "{}\n", summary(diff, say));
    let link = |path: &str| format!("{}{path}", with_slash(preview_url));
    if !diff.vacancies.is_empty() {
        let _ = writeln!(out, "### {}\n", say.t("diff-vacancies"));
        for v in &diff.vacancies {
            vacancy(&mut out, v, &link, say);
        }
    }
    let lookup = |id: &str| diff.section_slugs.as_ref().map(|s| s.preview(id).kk);
    for (title, list) in [
        ("diff-units", &diff.units),
        ("diff-requirements", &diff.requirements),
        ("diff-categories", &diff.categories),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### {}\n", say.t(title));
        for r in list {
            record(&mut out, r, &link, &lookup, say);
        }
    }
    if let Some(site) = &diff.site {
        let _ = writeln!(out, "### {}\n", say.t("diff-site-settings"));
        let changed = Message::new("diff-site-changed").arg("vacancies", site.affects.len() as i64);
        let _ = writeln!(out, "{}\n", say.m(changed));
        fields(&mut out, &site.fields, say);
    }
    if !diff.calendar.entries.is_empty() {
        let _ = writeln!(out, "### {}\n", say.t("diff-calendar"));
        let _ = writeln!(
            out,
            "{}\n|---|---|---|---|---|---|",
            say.t("diff-calendar-columns")
        );
        for e in &diff.calendar.entries {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                e.year,
                e.entry.replace('_', " "),
                e.date,
                say.t(change_name(e.change)),
                cell(e.before.as_deref().unwrap_or("")),
                cell(e.after.as_deref().unwrap_or("")),
            );
        }
        out.push('\n');
        if diff.calendar.affects.is_empty() {
            let _ = writeln!(out, "{}\n", say.t("diff-no-deadline-moves"));
        } else {
            let list = id_list(&diff.calendar.affects, &link, &lookup, say);
            let moves = Message::new("diff-deadline-moves").arg("list", list);
            let _ = writeln!(out, "{}\n", say.m(moves));
        }
    }
    out
}

fn summary(diff: &Diff, say: &Say) -> String {
    let count = |c: Change| diff.vacancies.iter().filter(|v| v.change == c).count();
    let status_changes = diff
        .vacancies
        .iter()
        .filter(|v| v.change == Change::Changed && v.fields.iter().any(|f| f.field == "status"))
        .count();
    let n = |c: Change| count(c) as i64;
    let mut parts = vec![
        say.m(Message::new("diff-summary-vacancies")
            .arg("new", n(Change::Added))
            .arg("changed", n(Change::Changed))
            .arg("status", status_changes as i64)
            .arg("removed", n(Change::Removed))),
    ];
    if count(Change::Unreadable) > 0 {
        parts.push(say.m(Message::new("diff-summary-unreadable").arg("n", n(Change::Unreadable))));
    }
    for (name, n) in [
        ("diff-count-units", diff.units.len()),
        ("diff-count-requirements", diff.requirements.len()),
        ("diff-count-categories", diff.categories.len()),
        ("diff-count-calendar", diff.calendar.entries.len()),
    ] {
        if n > 0 {
            parts.push(format!("**{}:** {n}", say.t(name)));
        }
    }
    if diff.site.is_some() {
        parts.push(format!("**{}**", say.t("diff-count-site")));
    }
    parts.join(" · ")
}

fn vacancy(out: &mut String, v: &VacancyDiff, link: &impl Fn(&str) -> String, say: &Say) {
    let title = v
        .position
        .as_ref()
        .map(|p| format!(" — {} / {}", cell(&p.kk), cell(&p.ru)))
        .unwrap_or_default();
    let status = v.fields.iter().find(|f| f.field == "status");
    let status = match (v.change, status) {
        (Change::Changed, Some(f)) => format!(
            " · {} **{} → {}**",
            say.t("diff-status"),
            f.before.as_deref().unwrap_or("?"),
            f.after.as_deref().unwrap_or("?")
        ),
        (_, _) => v
            .status
            .as_ref()
            .map(|s| format!(" · {} {s}", say.t("diff-status")))
            .unwrap_or_default(),
    };
    let _ = writeln!(
        out,
        "#### {}: `{}`{title}{status}\n",
        say.t(change_title(v.change)),
        code(&v.id)
    );
    let mut where_ = Vec::new();
    if let Some(p) = &v.preview {
        where_.push(format!(
            "{} [kk]({}) · [ru]({})",
            say.t("diff-preview"),
            link(&p.kk),
            link(&p.ru)
        ));
    }
    where_.push(format!("`{}`", code(&v.file)));
    let _ = writeln!(out, "{}\n", where_.join(" · "));
    match v.change {
        Change::Unreadable => {
            let _ = writeln!(out, "{}\n", say.t("diff-unreadable-file"));
        }
        Change::Added | Change::Removed => {
            // The whole record is new (or gone): its short fields here, its texts in
            // the preview or the file.
            let short: Vec<&FieldChange> = v
                .fields
                .iter()
                .filter(|f| f.lang.is_none() && f.field != "id")
                .collect();
            let _ = writeln!(out, "{}\n|---|---|", say.t("diff-field-value-columns"));
            for f in short {
                let value = f.after.as_ref().or(f.before.as_ref());
                let _ = writeln!(out, "| {} | {} |", f.field, cell(value.map_or("", |s| s)));
            }
            out.push('\n');
        }
        Change::Changed => fields(out, &v.fields, say),
    }
}

fn record(
    out: &mut String,
    r: &RecordDiff,
    link: &impl Fn(&str) -> String,
    lookup: &impl Fn(&str) -> Option<String>,
    say: &Say,
) {
    let _ = writeln!(
        out,
        "#### {}: `{}` (`{}`)\n",
        say.t(change_title(r.change)),
        code(&r.id),
        code(&r.file)
    );
    if r.affects.is_empty() {
        let _ = writeln!(out, "{}\n", say.t("diff-affects-none"));
    } else {
        let list = id_list(&r.affects, link, lookup, say);
        let _ = writeln!(
            out,
            "{}\n",
            say.m(Message::new("diff-affects").arg("list", list))
        );
    }
    if r.change == Change::Changed {
        fields(out, &r.fields, say);
    }
}

/// Vacancy ids, each linked to its preview when the diff knows it.
fn id_list(
    ids: &[String],
    link: &impl Fn(&str) -> String,
    lookup: &impl Fn(&str) -> Option<String>,
    say: &Say,
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
        let more = (ids.len() - MAX_LISTED) as i64;
        items.push(say.m(Message::new("diff-and-more").arg("n", more)));
    }
    items.join(", ")
}

/// The changed fields: the short ones in one before/after table, then each text in a
/// table of its own with the two languages side by side.
fn fields(out: &mut String, changes: &[FieldChange], say: &Say) {
    let plain: Vec<&FieldChange> = changes.iter().filter(|c| c.lang.is_none()).collect();
    if !plain.is_empty() {
        let _ = writeln!(out, "{}\n|---|---|---|", say.t("diff-field-columns"));
        for c in plain {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                c.field,
                absent_or(c.before.as_deref(), say),
                absent_or(c.after.as_deref(), say)
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
        let (kk_cells, ru_cells) = (text_cells(kk, other, say), text_cells(ru, other, say));
        let _ = writeln!(out, "| {field} | kk | ru |\n|---|---|---|");
        let (before, after) = (say.t("diff-before"), say.t("diff-after"));
        let _ = writeln!(out, "| {before} | {} | {} |", kk_cells.0, ru_cells.0);
        let _ = writeln!(out, "| {after} | {} | {} |\n", kk_cells.1, ru_cells.1);
    }
}

/// The before and after cells of one language of a changed text: the whole text when
/// it is one line, the changed lines of a longer (Markdown) text. `change` is `None`
/// when this language did not change; `other` is then its text.
fn text_cells(change: Option<&FieldChange>, other: Option<&str>, say: &Say) -> (String, String) {
    let Some(c) = change else {
        return match other {
            Some(text) if !text.contains('\n') => (cell(text), cell(text)),
            _ => {
                let unchanged = format!("_{}_", say.t("diff-unchanged"));
                (unchanged.clone(), unchanged)
            }
        };
    };
    let (before, after) = (c.before.as_deref(), c.after.as_deref());
    let multiline = before.is_some_and(|s| s.trim_end().contains('\n'))
        || after.is_some_and(|s| s.trim_end().contains('\n'));
    match (before, after) {
        (Some(b), Some(a)) if multiline => {
            let (removed, added) = changed_lines(b, a);
            (lines_cell(&removed, "−", say), lines_cell(&added, "+", say))
        }
        _ => (absent_or(before, say), absent_or(after, say)),
    }
}

fn lines_cell(lines: &[&str], mark: &str, say: &Say) -> String {
    if lines.is_empty() {
        return format!("_({})_", say.t("diff-no-lines"));
    }
    let text: Vec<String> = lines
        .iter()
        .map(|l| format!("{mark} {}", cell(l)))
        .collect();
    text.join("<br>")
}

fn absent_or(value: Option<&str>, say: &Say) -> String {
    match value {
        Some(v) => cell(v),
        None => format!("_({})_", say.t("diff-none")),
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
        Change::Added => "diff-title-added",
        Change::Removed => "diff-title-removed",
        Change::Changed => "diff-title-changed",
        Change::Unreadable => "diff-title-unreadable",
    }
}

fn change_name(change: Change) -> &'static str {
    match change {
        Change::Added => "diff-change-added",
        Change::Removed => "diff-change-removed",
        Change::Changed => "diff-change-changed",
        Change::Unreadable => "diff-change-unreadable",
    }
}

#[cfg(test)]
mod tests {
    fn english() -> Messages {
        Messages::new(kadr_diagnostic::messages::MessageLang::En)
    }

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
        let md = markdown(&diff, "http://127.0.0.1:1111", &english());
        assert!(md.contains("since HEAD (`0123456789`)"), "{md}");
        assert!(md.contains("No changes"), "{md}");
    }

    #[test]
    fn the_report_speaks_the_reader_s_language_and_keeps_the_records_texts() {
        use crate::diff::{Preview, VacancyDiff};
        let diff = Diff {
            base: "main".into(),
            base_commit: "0123456789abcdef".into(),
            vacancies: vec![VacancyDiff {
                id: "2026-dp-almaty-0001".into(),
                file: "content/vacancies/2026/2026-dp-almaty-0001.yaml".into(),
                change: Change::Added,
                position: Some(crate::diff::TextPair {
                    kk: "Басқарма басшысы".into(),
                    ru: "Начальник управления".into(),
                }),
                status: Some("open".into()),
                preview: Some(Preview {
                    kk: "kk/kadr-sayasaty/2026-dp-almaty-0001/".into(),
                    ru: "ru/kadrovaya-politika/2026-dp-almaty-0001/".into(),
                }),
                fields: Vec::new(),
            }],
            ..Diff::default()
        };
        let kk = markdown(
            &diff,
            "http://127.0.0.1:1111",
            &Messages::new(kadr_diagnostic::messages::MessageLang::Kk),
        );
        assert!(
            kk.starts_with("## kadr diff: main (`0123456789`) бері хабарландырулардағы өзгерістер"),
            "{kk}"
        );
        assert!(kk.contains("### Бос лауазымдар"), "{kk}");
        assert!(
            kk.contains("**Бос лауазымдар:** жаңасы 1, өзгергені 0"),
            "{kk}"
        );
        assert!(kk.contains("#### Жаңа: `2026-dp-almaty-0001` — Басқарма басшысы / Начальник управления · мәртебесі open"), "{kk}");
        assert!(
            kk.contains("алдын ала қарау [kk](http://127.0.0.1:1111/kk/"),
            "{kk}"
        );
        assert!(kk.contains("| өріс | мәні |"), "{kk}");
        let ru = markdown(
            &diff,
            "http://127.0.0.1:1111",
            &Messages::new(kadr_diagnostic::messages::MessageLang::Ru),
        );
        assert!(ru.contains("#### Добавлено: `2026-dp-almaty-0001`"), "{ru}");
        assert!(
            ru.contains("**Вакансии:** новых 1, изменённых 0 (с новым статусом: 0), удалённых 0"),
            "{ru}"
        );
        for english in ["Vacancies", "preview", "| field |", "New:"] {
            assert!(!kk.contains(english) && !ru.contains(english), "{english}");
        }
    }
}
