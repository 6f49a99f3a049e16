//! Printing diagnostics: for people in the style of rustc (`human`), as the JSON array
//! SPEC.md defines (`json`), as GitHub Actions workflow commands (`github`), and as a
//! GitLab Code Quality report (`gitlab`).

use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

use crate::{Diagnostic, Messages, Severity, Sources};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
    Github,
    Gitlab,
}

/// Renders `diagnostics` in `format`; `color` applies to `human` only.
pub fn print(
    diagnostics: &[Diagnostic],
    sources: &Sources,
    messages: &Messages,
    format: Format,
    color: bool,
) -> String {
    match format {
        Format::Human => human(diagnostics, sources, messages, color),
        Format::Json => json(diagnostics, sources, messages),
        Format::Github => github(diagnostics, sources, messages),
        Format::Gitlab => gitlab(diagnostics, sources, messages),
    }
}

/// One issue of a GitLab Code Quality report (the subset GitLab reads).
#[derive(Serialize)]
struct CodeQualityIssue<'a> {
    description: String,
    check_name: String,
    fingerprint: String,
    severity: &'static str,
    location: CodeQualityLocation<'a>,
}

#[derive(Serialize)]
struct CodeQualityLocation<'a> {
    path: &'a str,
    lines: CodeQualityLines,
}

#[derive(Serialize)]
struct CodeQualityLines {
    begin: u32,
}

/// A GitLab Code Quality report: a JSON array of issues. The fingerprint, which GitLab
/// uses to tell a new problem from one it saw before, is a hash of the file, the line,
/// the column and the message id, so it stays the same from run to run.
fn gitlab(diagnostics: &[Diagnostic], sources: &Sources, messages: &Messages) -> String {
    use sha2::{Digest, Sha256};
    let items: Vec<CodeQualityIssue> = diagnostics
        .iter()
        .map(|d| {
            let path = sources.path(d.loc.file);
            let mut description = messages.text(&d.message);
            if let Some(hint) = messages.hint(&d.message, d.hint.as_ref()) {
                description.push_str(" (");
                description.push_str(&hint);
                description.push(')');
            }
            let key = format!(
                "{path}\0{}\0{}\0{}",
                d.loc.pos.line, d.loc.pos.col, d.message.id
            );
            let hash = Sha256::digest(key.as_bytes());
            let fingerprint: String = hash[..16].iter().map(|b| format!("{b:02x}")).collect();
            CodeQualityIssue {
                description,
                check_name: match d.rule {
                    Some(rule) => format!("kadr/{rule}/{}", d.message.id),
                    None => format!("kadr/{}", d.message.id),
                },
                fingerprint,
                severity: match d.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                },
                location: CodeQualityLocation {
                    path,
                    lines: CodeQualityLines {
                        begin: d.loc.pos.line.max(1),
                    },
                },
            }
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".to_string());
    out.push('\n');
    out
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: &'static str,
    rule: Option<&'static str>,
    file: &'a str,
    line: u32,
    column: u32,
    message: String,
    hint: Option<String>,
}

fn json(diagnostics: &[Diagnostic], sources: &Sources, messages: &Messages) -> String {
    let items: Vec<JsonDiagnostic> = diagnostics
        .iter()
        .map(|d| JsonDiagnostic {
            severity: d.severity.name(),
            rule: d.rule,
            file: sources.path(d.loc.file),
            line: d.loc.pos.line,
            column: d.loc.pos.col,
            message: messages.text(&d.message),
            hint: messages.hint(&d.message, d.hint.as_ref()),
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".to_string());
    out.push('\n');
    out
}

/// `::error file=…,line=…,col=…,title=…::message` — the workflow-command syntax
/// documented by GitHub; `%`, CR and LF are escaped in the message, and `,` and `:`
/// too in properties.
fn github(diagnostics: &[Diagnostic], sources: &Sources, messages: &Messages) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let mut text = messages.text(&d.message);
        if let Some(hint) = messages.hint(&d.message, d.hint.as_ref()) {
            text.push('\n');
            text.push_str(&hint);
        }
        let title = match d.rule {
            Some(rule) => format!("kadr rule {rule}"),
            None => "kadr".to_string(),
        };
        let _ = writeln!(
            out,
            "::{} file={},line={},col={},title={}::{}",
            d.severity.name(),
            escape_property(sources.path(d.loc.file)),
            d.loc.pos.line,
            d.loc.pos.col,
            escape_property(&title),
            escape_data(&text),
        );
    }
    out
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn human(
    diagnostics: &[Diagnostic],
    sources: &Sources,
    messages: &Messages,
    color: bool,
) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    // Each file's text and its lines, once: a file with thousands of problems would
    // otherwise be read (and its lines counted) once per problem.
    let mut lines_of: std::collections::HashMap<kadr_model::FileId, Vec<String>> =
        std::collections::HashMap::new();
    // The labels in the language of the messages: `қате:`, `ошибка:`, `error:`.
    let label = |key: &'static str| messages.text(&crate::Message::new(key));
    let (error, warning, help) = (
        label("label-error"),
        label("label-warning"),
        label("label-help"),
    );
    for d in diagnostics {
        let level = match d.severity {
            Severity::Error => Level::ERROR.with_name(error.as_str()),
            Severity::Warning => Level::WARNING.with_name(warning.as_str()),
        };
        // A value from a record is printed as written, but never as a control character
        // a terminal or a CI log would act on (a line feed starting `::error`, an escape).
        let message = visible(&messages.text(&d.message));
        let hint = messages
            .hint(&d.message, d.hint.as_ref())
            .map(|h| visible(&h));
        let path = sources.path(d.loc.file);
        let mut title = level.primary_title(message.as_str());
        if let Some(rule) = d.rule {
            title = title.id(rule);
        }
        let lines = lines_of.entry(d.loc.file).or_insert_with(|| {
            sources
                .get(d.loc.file)
                .and_then(|f| f.text())
                .map(|t| yaml_lines(&t).map(visible_in_place).collect())
                .unwrap_or_default()
        });
        let line_text = lines
            .get(d.loc.pos.line.saturating_sub(1) as usize)
            .map(String::as_str);
        let group = match line_text {
            Some(line) if d.loc.pos.line > 0 => {
                let span = token_span(line, d.loc.pos.col);
                title.element(
                    Snippet::source(line)
                        .line_start(d.loc.pos.line as usize)
                        .path(path)
                        .annotation(AnnotationKind::Primary.span(span)),
                )
            }
            _ => title.element(
                annotate_snippets::Origin::path(path)
                    .line(d.loc.pos.line.max(1) as usize)
                    .char_column(d.loc.pos.col.max(1) as usize),
            ),
        };
        let mut report = vec![group];
        if let Some(hint) = &hint {
            report.push(Group::with_title(
                Level::HELP
                    .with_name(help.as_str())
                    .secondary_title(hint.as_str()),
            ));
        }
        out.push_str(&renderer.render(&report));
        out.push_str("\n\n");
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    out.push_str(
        &messages.text(
            &crate::Message::new("summary")
                .arg("errors", errors)
                .arg("warnings", warnings),
        ),
    );
    out.push('\n');
    out
}

/// Whether a terminal or a CI log could act on `c` instead of showing it: a control
/// character (C0, DEL, C1) or a bidirectional override or isolate (which reorders what
/// is shown after it).
fn is_hidden(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with each such character written as an escape, `\u{A}`.
fn visible(text: &str) -> String {
    if !text.chars().any(is_hidden) {
        return text.to_string();
    }
    text.chars()
        .map(|c| {
            if is_hidden(c) {
                format!("\\u{{{:X}}}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A snippet line with each such character replaced by one visible one (U+FFFD), so
/// that character columns keep pointing where they did; a tab stays a tab.
fn visible_in_place(line: &str) -> String {
    line.chars()
        .map(|c| {
            if c != '\t' && is_hidden(c) {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

/// Lines as YAML (and so every position kadr reports) counts them: ended by `\n`,
/// `\r\n` or a lone `\r`.
fn yaml_lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n')
        .flat_map(|line| line.strip_suffix('\r').unwrap_or(line).split('\r'))
}

/// The byte range of the token that starts at 1-based character column `col` of
/// `line`: up to the end of a quoted string, or to the next delimiter.
fn token_span(line: &str, col: u32) -> std::ops::Range<usize> {
    let start = line
        .char_indices()
        .nth(col.saturating_sub(1) as usize)
        .map_or(line.len(), |(i, _)| i);
    let rest = &line[start..];
    let len = match rest.chars().next() {
        Some(q @ ('"' | '\'')) => rest[1..].find(q).map_or(rest.len(), |i| i + 2),
        Some(_) => rest
            .find(|c: char| {
                matches!(c, ',' | '}' | ']' | '#') || (c == ':' && !rest.starts_with("http"))
            })
            .unwrap_or(rest.len()),
        None => 0,
    };
    let end = start + rest[..len].trim_end().len();
    if end > start {
        start..end
    } else {
        start..(start + rest.chars().next().map_or(0, char::len_utf8))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_span_covers_a_quoted_string() {
        let line = "  kk: \"Бастық\", ru: x";
        let span = token_span(line, 7);
        assert_eq!(&line[span], "\"Бастық\"");
    }

    #[test]
    fn snippet_lines_end_where_yaml_lines_end() {
        let lines: Vec<&str> = yaml_lines("a: 1\r\nb: 2\rc: 3\nd: 4").collect();
        assert_eq!(lines, ["a: 1", "b: 2", "c: 3", "d: 4"]);
    }

    #[test]
    fn token_span_stops_at_a_delimiter() {
        let line = "unit: dp-almata # typo";
        assert_eq!(&line[token_span(line, 7)], "dp-almata");
    }

    #[test]
    fn human_output_shows_control_characters_instead_of_acting_on_them() {
        assert_eq!(
            visible("a\n::error::x\u{1b}[31m"),
            "a\\u{A}::error::x\\u{1B}[31m"
        );
        assert_eq!(visible("Қазақ тілі\t"), "Қазақ тілі\\u{9}");
        assert_eq!(
            visible_in_place("a\u{1b}b\u{202E}c\td"),
            "a\u{FFFD}b\u{FFFD}c\td"
        );
    }

    #[test]
    fn github_escapes_properties_and_data() {
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(escape_data("50%\nnext"), "50%25%0Anext");
    }
}
