//! What the site and the bank share without sharing data (neither may depend on the
//! other): the ИИН algorithm, Kazakh and Russian dates as officials write them, and HTML
//! escaping. Small, pure, and free of any record type.

pub mod dates;
pub mod iin;

/// `s` as HTML text or a quoted attribute value: `& < > " '` as entities, the set tera's
/// templates escape, so that HTML kadr writes outside the templates reads the same.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_html_text_and_attributes_need() {
        assert_eq!(
            escape_html(r#"<a href="x" title='y'>Q&A</a>"#),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Q&amp;A&lt;/a&gt;"
        );
        assert_eq!(escape_html("Қазақ тілі"), "Қазақ тілі");
    }
}
