//! The error overlay of the preview: every problem of the latest build (file:line,
//! message, rule, hint) in the page's language, over the last good site, so an HR
//! officer sees what is wrong where she looks — in the browser.

use std::collections::HashMap;

use kadr_diagnostic::{Messages, Severity, messages::MessageLang};
use kadr_pipeline::Checked;

use kadr_common::escape_html as escape;

fn heading(lang: &str) -> &'static str {
    match lang {
        "ru" => {
            "В записях есть ошибки. Показана последняя собранная версия сайта; исправьте файл и сохраните его."
        }
        _ => {
            "Жазбаларда қателер бар. Сайттың соңғы жиналған нұсқасы көрсетілген; файлды түзетіп, сақтаңыз."
        }
    }
}

fn frame(lang: &str, items: &str) -> String {
    format!(
        "<div id=\"kadr-overlay\" role=\"alert\" lang=\"{lang}\" style=\"position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;\
         background:#fff8f8;color:#1b1f24;border-top:4px solid #b3261e;box-shadow:0 -4px 16px rgba(0,0,0,.25);padding:1rem 1.25rem;\
         font:15px/1.5 system-ui,sans-serif\"><p style=\"margin:0 0 .5rem;font-weight:700;color:#8a1c1c\">kadr: {}</p>\
         <ol style=\"margin:0;padding-left:1.25rem\">{items}</ol></div>",
        escape(heading(lang))
    )
}

/// The overlay in both languages for a build that had errors.
pub fn for_diagnostics(checked: &Checked) -> HashMap<&'static str, String> {
    let mut out = HashMap::new();
    for (lang, message_lang) in [("kk", MessageLang::Kk), ("ru", MessageLang::Ru)] {
        let messages = Messages::new(message_lang);
        let mut items = String::new();
        for d in checked
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
        {
            let path = checked.sources().path(d.loc.file);
            let rule = d.rule.map(|r| format!(" [{r}]")).unwrap_or_default();
            let hint = messages
                .hint(&d.message, d.hint.as_ref())
                .map(|h| format!("<br><span style=\"color:#4a5563\">{}</span>", escape(&h)))
                .unwrap_or_default();
            items.push_str(&format!(
                "<li style=\"margin:.25rem 0\"><code style=\"font-weight:600\">{}:{}:{}</code>{} {}{}</li>",
                escape(path),
                d.loc.pos.line,
                d.loc.pos.col,
                escape(&rule),
                escape(&messages.text(&d.message)),
                hint
            ));
        }
        out.insert(lang, frame(lang, &items));
    }
    out
}

/// The overlay when the site could not even be loaded (its root is gone, say).
pub fn for_load_error(message: &str) -> HashMap<&'static str, String> {
    ["kk", "ru"]
        .into_iter()
        .map(|lang| (lang, frame(lang, &format!("<li>{}</li>", escape(message)))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn load_errors_are_escaped() {
        let o = for_load_error("<script>x</script>");
        assert!(!o["kk"].contains("<script>x"));
        assert!(o["ru"].contains("&lt;script&gt;"));
    }
}
