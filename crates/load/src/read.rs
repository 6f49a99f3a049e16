//! Reading YAML nodes into typed values, reporting every problem instead of stopping at
//! the first: a missing field, an unknown one (with a "did you mean"), a wrong type, an
//! impossible date. A reader returns `None` for a value it could not read and has then
//! already pushed a diagnostic.

use jiff::civil::Date;

use crate::yaml::{Node, Value};
use kadr_diagnostic::Diagnostic;
use kadr_model::{Contacts, FileId, Pos, Salary, Spanned, Text};

/// Where diagnostics go while one file is read.
pub struct Ctx<'d> {
    pub file: FileId,
    pub diagnostics: &'d mut Vec<Diagnostic>,
}

impl Ctx<'_> {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    pub fn error(&mut self, id: &'static str, pos: Pos) -> &mut Diagnostic {
        self.diagnostics.push(Diagnostic::error(id, self.file, pos));
        let last = self.diagnostics.len() - 1;
        &mut self.diagnostics[last]
    }

    fn wrong_type(&mut self, node: &Node, expected: &'static str) {
        let d = Diagnostic::error("wrong-type", self.file, node.pos)
            .arg("expected", expected)
            .arg("found", node.value.kind());
        self.push(d);
    }
}

/// The fields of one YAML mapping, with bookkeeping of which were read so that the
/// rest can be reported as unknown.
pub struct Fields<'n> {
    entries: Vec<(&'n str, &'n Node, &'n Node)>,
    used: Vec<bool>,
    known: &'static [&'static str],
    /// Where the mapping starts: missing fields are reported here.
    pub pos: Pos,
}

impl<'n> Fields<'n> {
    /// Opens `node` as a mapping whose fields are `known`; reports a wrong type otherwise.
    pub fn open(
        ctx: &mut Ctx,
        node: &'n Node,
        known: &'static [&'static str],
    ) -> Option<Fields<'n>> {
        let Value::Map(entries) = &node.value else {
            ctx.wrong_type(node, "mapping");
            return None;
        };
        let mut keyed = Vec::with_capacity(entries.len());
        for (key, value) in entries {
            match &key.value {
                Value::Str(name) => keyed.push((name.as_str(), key, value)),
                _ => {
                    ctx.wrong_type(key, "field name");
                }
            }
        }
        Some(Fields {
            used: vec![false; keyed.len()],
            entries: keyed,
            known,
            pos: node.pos,
        })
    }

    /// The value of field `name`, if present and not null.
    pub fn get(&mut self, name: &str) -> Option<&'n Node> {
        let i = self.entries.iter().position(|(k, _, _)| *k == name)?;
        self.used[i] = true;
        let node = self.entries[i].2;
        (node.value != Value::Null).then_some(node)
    }

    /// The value of a required field; reports it missing (or empty) otherwise.
    pub fn require(&mut self, ctx: &mut Ctx, name: &'static str) -> Option<&'n Node> {
        let present = self
            .entries
            .iter()
            .find(|(k, _, _)| *k == name)
            .map(|e| e.1.pos);
        match self.get(name) {
            Some(node) => Some(node),
            None => {
                let pos = present.unwrap_or(self.pos);
                let id = if present.is_some() {
                    "empty-field"
                } else {
                    "missing-field"
                };
                ctx.error(id, pos).message.args.push(("field", name.into()));
                None
            }
        }
    }

    /// Reports every field that was not read, with the nearest known name as a hint.
    pub fn finish(self, ctx: &mut Ctx) {
        for (i, (name, key, _)) in self.entries.iter().enumerate() {
            if self.used[i] {
                continue;
            }
            let mut d = Diagnostic::error("unknown-field", ctx.file, key.pos).arg("field", *name);
            let known = self.known.join(", ");
            match did_you_mean(name, self.known) {
                Some(best) => {
                    d = d.hint(
                        kadr_diagnostic::Message::new("unknown-field-did-you-mean")
                            .arg("suggestion", best)
                            .arg("known", known),
                    )
                }
                None => {
                    d = d.hint(
                        kadr_diagnostic::Message::new("unknown-field-known").arg("known", known),
                    )
                }
            }
            ctx.push(d);
        }
    }

    // Typed accessors: each reports its own problems and returns None on failure.

    pub fn req_str(&mut self, ctx: &mut Ctx, name: &'static str) -> Option<Spanned<String>> {
        let node = self.require(ctx, name)?;
        string(ctx, node)
    }

    pub fn opt_str(&mut self, ctx: &mut Ctx, name: &'static str) -> Option<Spanned<String>> {
        let node = self.get(name)?;
        string(ctx, node)
    }

    pub fn req_text(&mut self, ctx: &mut Ctx, name: &'static str) -> Option<Text> {
        let node = self.require(ctx, name)?;
        text(ctx, node)
    }

    /// An optional text: `None` when absent; `Some(None)` when present but unreadable.
    pub fn opt_text(&mut self, ctx: &mut Ctx, name: &'static str) -> Option<Option<Text>> {
        match self.get(name) {
            None => Some(None),
            Some(node) => text(ctx, node).map(Some),
        }
    }

    pub fn req_date(&mut self, ctx: &mut Ctx, name: &'static str) -> Option<Spanned<Date>> {
        let node = self.require(ctx, name)?;
        date(ctx, node)
    }

    pub fn opt_date(&mut self, ctx: &mut Ctx, name: &'static str) -> Option<Option<Spanned<Date>>> {
        match self.get(name) {
            None => Some(None),
            Some(node) => date(ctx, node).map(Some),
        }
    }

    /// One of `names`, returned as its index.
    pub fn req_choice(
        &mut self,
        ctx: &mut Ctx,
        name: &'static str,
        names: &'static [&'static str],
        rule: Option<&'static str>,
    ) -> Option<Spanned<usize>> {
        let node = self.require(ctx, name)?;
        choice(ctx, node, names, rule)
    }

    pub fn req_bool(&mut self, ctx: &mut Ctx, name: &'static str) -> Option<Spanned<bool>> {
        let node = self.require(ctx, name)?;
        match node.value {
            Value::Bool(b) => Some(Spanned::new(b, node.pos)),
            _ => {
                ctx.wrong_type(node, "bool");
                None
            }
        }
    }

    pub fn req_int(
        &mut self,
        ctx: &mut Ctx,
        name: &'static str,
        range: std::ops::RangeInclusive<i64>,
    ) -> Option<Spanned<i64>> {
        let node = self.require(ctx, name)?;
        match node.value {
            Value::Int(n) if range.contains(&n) => Some(Spanned::new(n, node.pos)),
            Value::Int(n) => {
                ctx.error("number-out-of-range", node.pos)
                    .message
                    .args
                    .extend([
                        ("value", n.into()),
                        ("min", (*range.start()).into()),
                        ("max", (*range.end()).into()),
                    ]);
                None
            }
            _ => {
                ctx.wrong_type(node, "integer");
                None
            }
        }
    }

    pub fn req_str_list(
        &mut self,
        ctx: &mut Ctx,
        name: &'static str,
    ) -> Option<Vec<Spanned<String>>> {
        let node = self.require(ctx, name)?;
        let items = seq(ctx, node)?;
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for item in items {
            match string(ctx, item) {
                Some(s) => out.push(s),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// A list of mappings read by `read`; `Some` only if every item was read.
    pub fn list_of<T>(
        &mut self,
        ctx: &mut Ctx,
        name: &'static str,
        required: bool,
        mut read: impl FnMut(&mut Ctx, &Node) -> Option<T>,
    ) -> Option<Vec<T>> {
        let node = if required {
            self.require(ctx, name)?
        } else {
            match self.get(name) {
                Some(node) => node,
                None => return Some(Vec::new()),
            }
        };
        let items = seq(ctx, node)?;
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for item in items {
            match read(ctx, item) {
                Some(v) => out.push(v),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// An optional list of texts in both languages (`[{kk, ru}, …]`): `None` when absent.
    pub fn opt_text_list(
        &mut self,
        ctx: &mut Ctx,
        name: &'static str,
    ) -> Option<Option<Vec<Text>>> {
        if self.get(name).is_none() {
            return Some(None);
        }
        self.list_of(ctx, name, false, text).map(Some)
    }

    /// The pay of a position: `{min: N, max: N}` in tenge a month, `max` optional; each a
    /// positive whole number. (`max ≥ min` is `check`'s to say.)
    pub fn opt_salary(&mut self, ctx: &mut Ctx, name: &'static str) -> Option<Option<Salary>> {
        let Some(node) = self.get(name) else {
            return Some(None);
        };
        let mut f = Fields::open(ctx, node, &["min", "max"])?;
        let min = f.req_int(ctx, "min", 1..=u32::MAX as i64);
        let max = match f.get("max") {
            None => Some(None),
            Some(_) => f.req_int(ctx, "max", 1..=u32::MAX as i64).map(Some),
        };
        f.finish(ctx);
        let as_u32 = |n: Spanned<i64>| Spanned::new(n.value as u32, n.pos);
        Some(Some(Salary {
            min: as_u32(min?),
            max: max?.map(as_u32),
            pos: node.pos,
        }))
    }

    pub fn contacts(
        &mut self,
        ctx: &mut Ctx,
        name: &'static str,
        required: bool,
    ) -> Option<Option<Contacts>> {
        let node = if required {
            Some(self.require(ctx, name)?)
        } else {
            self.get(name)
        };
        let Some(node) = node else { return Some(None) };
        let mut f = Fields::open(ctx, node, &["phone", "email", "person"])?;
        let phone = f.get("phone").map(|n| string(ctx, n));
        let email = f.get("email").map(|n| string(ctx, n));
        let person = f.opt_text(ctx, "person");
        f.finish(ctx);
        let person = person?;
        let phone = match phone {
            Some(None) => return None,
            Some(p) => p,
            None => None,
        };
        let email = match email {
            Some(None) => return None,
            Some(e) => e,
            None => None,
        };
        Some(Some(Contacts {
            phone,
            email,
            person,
        }))
    }
}

pub fn seq<'n>(ctx: &mut Ctx, node: &'n Node) -> Option<&'n [Node]> {
    match &node.value {
        Value::Seq(items) => Some(items),
        _ => {
            ctx.wrong_type(node, "list");
            None
        }
    }
}

pub fn string(ctx: &mut Ctx, node: &Node) -> Option<Spanned<String>> {
    match &node.value {
        Value::Str(s) => {
            if let Some((offset, c)) = first_forbidden_char(s) {
                let lines_before = s[..offset].matches('\n').count() as u32;
                let pos = if lines_before > 0 {
                    Pos::new(node.pos.line + lines_before, node.pos.col)
                } else {
                    node.pos
                };
                let d = Diagnostic::error("forbidden-character", ctx.file, pos)
                    .arg("char", format!("U+{:04X}", c as u32));
                ctx.push(d);
            }
            Some(Spanned::new(s.clone(), node.pos))
        }
        Value::Int(_) | Value::Float(_) | Value::Bool(_) => {
            let d = Diagnostic::error("wrong-type", ctx.file, node.pos)
                .arg("expected", "text")
                .arg("found", node.value.kind())
                .hint(kadr_diagnostic::Message::new("quote-it"));
            ctx.push(d);
            None
        }
        _ => {
            ctx.wrong_type(node, "text");
            None
        }
    }
}

/// The first character of `s` that a published page or feed may not hold, with its
/// byte offset: a control character other than tab, line feed and carriage return
/// (XML 1.0 forbids C0 controls, HTML forbids C1 ones and DEL), or a noncharacter
/// (U+FDD0–U+FDEF and the last two code points of every plane, U+FFFE and U+FFFF among
/// them). YAML's escapes (`"\u0001"`, `"\uFFFE"`) can write any of them.
pub fn first_forbidden_char(s: &str) -> Option<(usize, char)> {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Most text is ASCII letters or two-byte Cyrillic: one comparison each.
        let suspect = b < 0x20 || b == 0x7F || b == 0xC2 || b >= 0xEF;
        if suspect {
            let c = s[i..].chars().next()?;
            let forbidden = match c {
                '\t' | '\n' | '\r' => false,
                '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => true,
                '\u{FDD0}'..='\u{FDEF}' => true,
                c => (c as u32) & 0xFFFE == 0xFFFE,
            };
            if forbidden {
                return Some((i, c));
            }
            i += c.len_utf8();
        } else {
            i += 1;
        }
    }
    None
}

/// A `{kk: …, ru: …}` pair. A missing language is a P4 error: both languages are required.
pub fn text(ctx: &mut Ctx, node: &Node) -> Option<Text> {
    let mut f = Fields::open(ctx, node, &["kk", "ru"])?;
    let mut get = |f: &mut Fields, lang: &'static str| match f.get(lang) {
        Some(n) => string(ctx, n),
        None => {
            let d = Diagnostic::error("missing-translation", ctx.file, f.pos)
                .rule("P4")
                .arg("lang", lang);
            ctx.push(d);
            None
        }
    };
    let kk = get(&mut f, "kk");
    let ru = get(&mut f, "ru");
    f.finish(ctx);
    Some(Text {
        kk: kk?,
        ru: ru?,
        pos: node.pos,
    })
}

/// A calendar date written `YYYY-MM-DD`.
pub fn date(ctx: &mut Ctx, node: &Node) -> Option<Spanned<Date>> {
    let Value::Str(s) = &node.value else {
        ctx.wrong_type(node, "date");
        return None;
    };
    let well_formed = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !well_formed {
        ctx.error("bad-date-format", node.pos)
            .message
            .args
            .push(("value", s.into()));
        return None;
    }
    match s.parse::<Date>() {
        Ok(d) => Some(Spanned::new(d, node.pos)),
        Err(_) => {
            ctx.error("impossible-date", node.pos)
                .message
                .args
                .push(("value", s.into()));
            None
        }
    }
}

pub fn choice(
    ctx: &mut Ctx,
    node: &Node,
    names: &'static [&'static str],
    rule: Option<&'static str>,
) -> Option<Spanned<usize>> {
    let s = string(ctx, node)?;
    if let Some(i) = names.iter().position(|n| *n == s.value) {
        return Some(Spanned::new(i, s.pos));
    }
    let mut d = Diagnostic::error("unknown-choice", ctx.file, node.pos)
        .arg("value", s.value.as_str())
        .arg("allowed", names.join(", "));
    if let Some(rule) = rule {
        d = d.rule(rule);
    }
    if let Some(best) = did_you_mean(&s.value, names) {
        d = d.hint(
            kadr_diagnostic::Message::new("choice-did-you-mean")
                .arg("suggestion", best)
                .arg("allowed", names.join(", ")),
        );
    }
    ctx.push(d);
    None
}

pub use kadr_diagnostic::did_you_mean;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::parse;

    fn read<T>(yaml: &str, f: impl FnOnce(&mut Ctx, &Node) -> T) -> (T, Vec<&'static str>) {
        let node = parse(yaml).unwrap();
        let mut diagnostics = Vec::new();
        let mut ctx = Ctx {
            file: FileId(0),
            diagnostics: &mut diagnostics,
        };
        let out = f(&mut ctx, &node);
        (out, diagnostics.iter().map(|d| d.message.id).collect())
    }

    #[test]
    fn finds_the_characters_pages_and_feeds_may_not_hold() {
        for (text, at, c) in [
            ("a\u{1}b", 1, '\u{1}'),
            ("Ә\u{B}", 2, '\u{B}'),
            ("x\u{FFFE}", 1, '\u{FFFE}'),
            ("\u{FFFF}", 0, '\u{FFFF}'),
            ("к\u{85}", 2, '\u{85}'),
            ("\u{7F}", 0, '\u{7F}'),
            ("\u{FDD0}", 0, '\u{FDD0}'),
            ("\u{1FFFE}", 0, '\u{1FFFE}'),
            ("\u{10FFFF}", 0, '\u{10FFFF}'),
        ] {
            assert_eq!(first_forbidden_char(text), Some((at, c)), "{text:?}");
        }
        for fine in [
            "Қазақстан\tРеспубликасы\r\n",
            "€ ½ ﬁ \u{FFFD} \u{1F600} \u{FEFF}",
            "\u{A0}\u{202F}",
        ] {
            assert_eq!(first_forbidden_char(fine), None, "{fine:?}");
        }
    }

    #[test]
    fn suggests_the_nearest_field_name() {
        assert_eq!(
            did_you_mean("deadlin", &["deadline", "duties"]),
            Some("deadline")
        );
        assert_eq!(did_you_mean("zzz", &["deadline", "duties"]), None);
    }

    #[test]
    fn reports_every_problem_in_one_mapping() {
        let (_, ids) = read("a: 1\nsalary: x\nb: 2026-02-30\n", |ctx, node| {
            let mut f = Fields::open(ctx, node, &["a", "b", "c"]).unwrap();
            let a = f.req_str(ctx, "a");
            let b = f.req_date(ctx, "b");
            let c = f.req_str(ctx, "c");
            f.finish(ctx);
            (a, b, c)
        });
        assert_eq!(
            ids,
            [
                "wrong-type",
                "impossible-date",
                "missing-field",
                "unknown-field"
            ]
        );
    }

    #[test]
    fn a_text_without_russian_is_a_missing_translation() {
        let (text, ids) = read("kk: Бастық\n", text);
        assert!(text.is_none());
        assert_eq!(ids, ["missing-translation"]);
    }

    #[test]
    fn dates_must_be_iso() {
        let (d, ids) = read("8.12.2026", date);
        assert!(d.is_none());
        assert_eq!(ids, ["bad-date-format"]);
    }
}
