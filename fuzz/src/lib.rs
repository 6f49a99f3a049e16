//! What the fuzz targets share: the sample site loaded once, the build date they use,
//! and the properties every rendered page must have (no markup from a record: no
//! script but the JSON-LD block, no event-handler attribute, no `javascript:` link).
//!
//! The targets themselves are in `fuzz_targets/`; README "Fuzzing" says how to run
//! them. Nothing here is part of kadr: it only looks at what kadr produced.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use jiff::civil::Date;
use kadr_diagnostic::{Diagnostic, Sources};
use kadr_load::Loaded;
use kadr_model::FileId;

/// The repository: `content/` is the sample site, `themes/` and `locales/` its theme.
pub fn repo_root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// The build date the targets use: the sample site checks clean on it.
pub fn today() -> Date {
    jiff::civil::date(2026, 11, 27)
}

/// The sample site in `content/`, loaded once per fuzzing process.
pub fn sample() -> &'static Loaded {
    static SAMPLE: OnceLock<Loaded> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let root: PathBuf = repo_root().to_path_buf();
        let loaded = kadr_load::load(&root).expect("the sample site loads");
        assert!(
            loaded.diagnostics.is_empty(),
            "the sample site must load cleanly"
        );
        loaded
    })
}

/// The minimal valid site of the integration tests (`tests/fixtures/base/`: three
/// units, six vacancies, one calendar year), loaded once: a small context in which the
/// load and calendar targets check one fuzzed file quickly. It has no theme.
pub fn minimal() -> &'static Loaded {
    static MINIMAL: OnceLock<Loaded> = OnceLock::new();
    MINIMAL.get_or_init(|| {
        let root = repo_root().join("tests/fixtures/base");
        let mut loaded = kadr_load::load(&root).expect("the base fixture loads");
        loaded.diagnostics.retain(|d| d.message.id != "missing-dir");
        assert!(
            loaded.diagnostics.is_empty(),
            "the base fixture must load cleanly"
        );
        loaded
    })
}

/// Every diagnostic points at a file in `sources`; every one about `file` (whose text
/// is `text`) points inside it: a line that exists, a column at most one past its end.
/// Lines end as YAML ends them: at `\n`, `\r\n` or a lone `\r`.
pub fn assert_located(diagnostics: &[Diagnostic], sources: &Sources, file: FileId, text: &str) {
    let lines: Vec<usize> = text
        .split('\n')
        .flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r'))
        .map(|l| l.chars().count())
        .collect();
    for d in diagnostics {
        assert!(
            sources.get(d.loc.file).is_some(),
            "diagnostic for an unknown file: {d:?}"
        );
        if d.loc.file != file {
            continue;
        }
        let (line, col) = (d.loc.pos.line as usize, d.loc.pos.col as usize);
        assert!(
            line >= 1 && line <= lines.len(),
            "line {line} outside the file ({} lines): {d:?}",
            lines.len()
        );
        assert!(
            col >= 1 && col <= lines[line - 1] + 1,
            "column {col} outside line {line} ({} characters): {d:?}",
            lines[line - 1]
        );
    }
}

/// The tags that Markdown in a record may produce (`render::markdown::to_html`).
pub const MARKDOWN_TAGS: &[&str] = &[
    "p",
    "a",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "br",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
];

/// The properties of one output file: valid UTF-8; HTML and XML without markup from
/// a record; JSON that parses.
pub fn assert_safe_page(path: &str, bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        panic!("{path} is not UTF-8");
    };
    if path.ends_with(".html") || path.ends_with(".xml") {
        if let Err(problem) = safe_markup(text, true, None) {
            panic!("{path}: {problem}");
        }
    } else if path.ends_with(".json")
        && let Err(e) = serde_json::from_str::<serde_json::Value>(text)
    {
        panic!("{path} is not JSON: {e}");
    }
}

/// Checks HTML (or XML) for markup that could run code: a `<script>` other than the
/// page's own (allowed only when `page`: the JSON-LD block, and the theme's script
/// file from the site's `assets/`, empty and deferred), an `on…` attribute, a URL
/// attribute with a `javascript:`, `vbscript:` or `data:` scheme, a tag outside
/// `allowed` (when given). The JSON-LD must parse as JSON and hold no `</script`,
/// `<!--` or `<script`.
pub fn safe_markup(html: &str, page: bool, allowed: Option<&[&str]>) -> Result<(), String> {
    let lower = html.to_ascii_lowercase();
    let mut i = 0;
    while let Some(offset) = html[i..].find('<') {
        let start = i + offset;
        let rest = &lower[start..];
        if rest.starts_with("<!--") {
            let end = lower[start + 4..]
                .find("-->")
                .ok_or_else(|| format!("unterminated comment at {start}"))?;
            i = start + 4 + end + 3;
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            let end = lower[start..]
                .find('>')
                .ok_or_else(|| format!("unterminated declaration at {start}"))?;
            i = start + end + 1;
            continue;
        }
        let Some(tag) = Tag::parse(html, start)? else {
            // A `<` that opens no tag is text to a browser.
            i = start + 1;
            continue;
        };
        i = tag.end;
        if let Some(allowed) = allowed
            && !allowed.contains(&tag.name.as_str())
        {
            return Err(format!("tag <{}> at {start}", tag.name));
        }
        for (name, value) in &tag.attributes {
            if name.starts_with("on") {
                return Err(format!("event-handler attribute {name}= at {start}"));
            }
            let url = match name.as_str() {
                "href" | "src" | "action" | "formaction" | "poster" | "xlink:href" | "data" => {
                    Some(value.as_str())
                }
                // <meta http-equiv="refresh" content="0; url=…">
                "content" => value
                    .to_ascii_lowercase()
                    .find("url=")
                    .map(|at| &value[at + 4..]),
                _ => None,
            };
            if let Some(url) = url
                && let Some(scheme) = dangerous_scheme(url)
            {
                return Err(format!("{scheme} URL in {name}= at {start}: {value:?}"));
            }
        }
        if tag.name == "script" {
            if tag.closing {
                return Err(format!("</script> without <script> at {start}"));
            }
            if page && tag.is_theme_script() {
                if !lower[tag.end..].starts_with("</script>") {
                    return Err(format!("the theme's script at {start} is not empty"));
                }
                i = tag.end + "</script>".len();
                continue;
            }
            if !page || &html[start..tag.end] != r#"<script type="application/ld+json">"# {
                return Err(format!("script at {start}: {}", &html[start..tag.end]));
            }
            let close = lower[tag.end..]
                .find("</script")
                .ok_or("JSON-LD script not closed")?;
            let json = &html[tag.end..tag.end + close];
            let json_lower = &lower[tag.end..tag.end + close];
            if json_lower.contains("<!--") || json_lower.contains("<script") {
                return Err(format!("markup inside the JSON-LD: {json}"));
            }
            serde_json::from_str::<serde_json::Value>(json)
                .map_err(|e| format!("JSON-LD does not parse ({e}): {json}"))?;
            let closing = tag.end + close;
            i = closing
                + lower[closing..]
                    .find('>')
                    .ok_or("JSON-LD script not closed")?
                + 1;
        }
    }
    Ok(())
}

/// A tag as a browser's tokenizer reads it.
struct Tag {
    name: String,
    closing: bool,
    /// Names lower-cased; values with character references decoded.
    attributes: Vec<(String, String)>,
    /// The byte after its `>`.
    end: usize,
}

impl Tag {
    /// `<script src="…/assets/NAME.HASH.js" defer>`: the theme's own script file.
    fn is_theme_script(&self) -> bool {
        let [(src, url), (defer, _)] = self.attributes.as_slice() else {
            return false;
        };
        let file = url.rsplit('/').next().unwrap_or_default();
        src == "src"
            && defer == "defer"
            && url.rsplit('/').nth(1) == Some("assets")
            && file.ends_with(".js")
            && file
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
    }

    /// The tag starting at `html[start] == '<'`, or `None` when the `<` opens none.
    fn parse(html: &str, start: usize) -> Result<Option<Tag>, String> {
        let bytes = html.as_bytes();
        let mut i = start + 1;
        let closing = bytes.get(i) == Some(&b'/');
        if closing {
            i += 1;
        }
        if !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
            return Ok(None);
        }
        let name_start = i;
        while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' && bytes[i] != b'/' {
            i += 1;
        }
        let name = html[name_start..i].to_ascii_lowercase();
        let mut attributes = Vec::new();
        loop {
            while i < bytes.len() && (is_space(bytes[i]) || bytes[i] == b'/') {
                i += 1;
            }
            match bytes.get(i) {
                None => return Err(format!("unterminated tag <{name} at {start}")),
                Some(b'>') => break,
                _ => {}
            }
            let attr_start = i;
            // The first character may be `=`; see the HTML tokenizer's attribute name state.
            i += 1;
            while i < bytes.len() && !is_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=')
            {
                i += 1;
            }
            let attr = html[attr_start..i].to_ascii_lowercase();
            while i < bytes.len() && is_space(bytes[i]) {
                i += 1;
            }
            let mut value = String::new();
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                while i < bytes.len() && is_space(bytes[i]) {
                    i += 1;
                }
                let raw = match bytes.get(i) {
                    Some(&quote @ (b'"' | b'\'')) => {
                        let end = html[i + 1..]
                            .find(quote as char)
                            .ok_or_else(|| format!("unterminated attribute value at {i}"))?;
                        let raw = &html[i + 1..i + 1 + end];
                        i += end + 2;
                        raw
                    }
                    _ => {
                        let from = i;
                        while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' {
                            i += 1;
                        }
                        &html[from..i]
                    }
                };
                value = decode_references(raw);
            }
            attributes.push((attr, value));
        }
        Ok(Some(Tag {
            name,
            closing,
            attributes,
            end: i + 1,
        }))
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Decodes numeric character references and the named ones that matter for URLs.
fn decode_references(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let body_end = rest[1..]
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '#')
            .map_or(rest.len(), |e| e + 1);
        let body = &rest[1..body_end];
        let decoded = if let Some(number) = body.strip_prefix('#') {
            let value = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => number.parse::<u32>().ok(),
            };
            value.map(|v| char::from_u32(v).unwrap_or('\u{fffd}'))
        } else {
            match body.to_ascii_lowercase().as_str() {
                "colon" => Some(':'),
                "tab" => Some('\t'),
                "newline" => Some('\n'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "lt" => Some('<'),
                "gt" => Some('>'),
                _ => None,
            }
        };
        match decoded {
            Some(c) if body_end > 1 => {
                out.push(c);
                let after = if rest[body_end..].starts_with(';') {
                    body_end + 1
                } else {
                    body_end
                };
                rest = &rest[after..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The scheme of `url` if a browser would run or load it as code: `javascript:`,
/// `vbscript:` or `data:`, whatever the case, with the tabs, line breaks and control
/// characters a browser ignores.
fn dangerous_scheme(url: &str) -> Option<&'static str> {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_control() && *c != ' ')
        .flat_map(char::to_lowercase)
        .collect();
    ["javascript:", "vbscript:", "data:"]
        .into_iter()
        .find(|scheme| cleaned.starts_with(scheme))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_it_must() {
        for bad in [
            "<script>alert(1)</script>",
            "<p onclick=x>",
            "<a href=\"jav&#x09;ascript:x\">",
            "<a href='&#106;avascript:x'>",
            "<a href=javascript&colon;x>",
            "<SCRIPT type=\"application/ld+json\">{}</script>",
            "<script type=\"application/ld+json\">{\"a\": 1</script>",
            "<meta http-equiv=refresh content=\"0; url=javascript:x\">",
            "<img/onerror=y>",
            "<img src=x/onerror=y/ onload=z>",
            "<script src=\"https://evil.example/x.js\" defer></script>",
            "<script src=\"../assets/kadr.1a2b.js\" defer>alert(1)</script>",
            "<script src=\"javascript:x\" defer></script>",
        ] {
            assert!(safe_markup(bad, true, None).is_err(), "{bad}");
        }
        for good in [
            "<p>a &lt;script&gt; b onclick=x</p>",
            "<a href=\"https://x.kz/javascript:\">x</a>",
            "<script type=\"application/ld+json\">{\"a\": \"\\u003c/script\"}</script>",
            "1 < 2",
            "<script src=\"../../assets/kadr.1a2b3c4d5e.js\" defer></script>",
        ] {
            assert!(safe_markup(good, true, None).is_ok(), "{good}");
        }
    }
}
