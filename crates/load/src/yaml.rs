//! The only place that parses YAML. It turns a file's text into a [`Node`] tree in which
//! every key and value knows its line and column, so that the record readers in
//! `load::records` can report *every* problem in a file, not just the first one serde
//! would stop at. Swapping the YAML crate means changing this file alone.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use kadr_model::Pos;

/// A YAML value with its position.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub pos: Pos,
    pub value: Value,
}

/// What a YAML node holds. Scalars keep the kind the YAML core schema gave them, so a
/// reader can say "expected a date, found a number".
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    /// Entries in file order; keys are scalars written as text.
    Map(Vec<(Node, Node)>),
}

impl Value {
    /// A short English name of the kind, used in messages ("a number", "a list").
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "bool",
            Value::Int(_) | Value::Float(_) => "number",
            Value::Str(_) => "text",
            Value::Seq(_) => "list",
            Value::Map(_) => "mapping",
        }
    }
}

/// A YAML parse failure with the position the parser gave, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub pos: Pos,
    pub kind: SyntaxKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SyntaxKind {
    /// The parser's own description of a syntax error.
    Syntax(String),
    /// A key written twice in one mapping (YAML forbids it; libyaml-based parsers let the
    /// last one win silently).
    DuplicateKey(String),
    /// Too deep, too many nodes, or aliases that expand too far (an "alias bomb").
    TooComplex,
    /// A second document (`---`) in the file: a record file holds one.
    SecondDocument,
}

/// Limits that keep a hostile file (an alias bomb, deep nesting, a huge flow collection)
/// from exhausting time or memory. Real records are a few hundred nodes and at most five
/// levels deep.
///
/// The depth limit also bounds the stack: the parser recurses once per level, and in a
/// debug build a level of mappings takes some 40 KiB of stack, so 64 levels overflowed
/// the 2 MiB of a worker thread (tests/pathological.rs). 24 levels take half of it.
fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        strict_booleans: true,
        leading_zero_numbers_as_strings: true,
        with_snippet: false,
        budget: serde_saphyr::budget! {
            max_depth: 24,
            max_documents: 1,
            max_nodes: 200_000,
            max_aliases: 1_000,
            max_anchors: 1_000,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: 20_000,
            max_replay_stack_depth: 16,
            max_alias_expansions_per_anchor: 100,
        },
    }
}

/// Parses one YAML document. An empty file yields a `Null` node at 1:1.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    match serde_saphyr::from_str_with_options::<Option<SpannedNode>>(text, options()) {
        Ok(Some(node)) => Ok(node.0),
        Ok(None) => Ok(Node {
            pos: Pos::START,
            value: Value::Null,
        }),
        Err(err) => {
            let pos = err
                .location()
                .filter(|l| l.line() > 0)
                .map(|l| Pos::new(l.line() as u32, l.column().max(1) as u32))
                .unwrap_or(Pos::START);
            Err(SyntaxError {
                pos,
                kind: classify(&err),
            })
        }
    }
}

fn classify(err: &serde_saphyr::Error) -> SyntaxKind {
    use serde_saphyr::Error as E;
    let mut err = err.without_snippet();
    while let E::AliasError { error, .. } = err {
        err = error.without_snippet();
    }
    match err {
        E::DuplicateMappingKey { key, .. } => {
            SyntaxKind::DuplicateKey(key.clone().unwrap_or_default())
        }
        E::Budget {
            breach: serde_saphyr::budget::BudgetBreach::Documents { .. },
            ..
        } => SyntaxKind::SecondDocument,
        E::Budget { .. }
        | E::AliasReplayCounterOverflow { .. }
        | E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. } => SyntaxKind::TooComplex,
        other => {
            let message = clean_message(&other.to_string());
            if message.contains("recursion limit") {
                SyntaxKind::TooComplex
            } else {
                SyntaxKind::Syntax(message)
            }
        }
    }
}

/// What a parser's message is about, for a message in the reader's language (the
/// parser writes English): `bracket`, `quote`, `indent`, `tab`, `colon`, or `other`.
pub fn syntax_kind(detail: &str) -> &'static str {
    let d = detail.to_ascii_lowercase();
    if d.contains("bracket") || d.contains("flow sequence") || d.contains("flow mapping") {
        "bracket"
    } else if d.contains("quote") || d.contains("quoted scalar") {
        "quote"
    } else if d.contains("tab ") || d.contains("tabs") || d.ends_with("tab") {
        "tab"
    } else if d.contains("indent") {
        "indent"
    } else if d.contains("simple key") || d.contains("mapping values") || d.contains("':'") {
        "colon"
    } else {
        "other"
    }
}

/// serde-saphyr appends " at line X column Y" to many messages; we print the position
/// ourselves, so drop it.
fn clean_message(message: &str) -> String {
    let message = message.trim();
    match message.rfind(" at line ") {
        Some(i) => message[..i].trim_end_matches(',').to_string(),
        None => message.to_string(),
    }
}

/// `Spanned<Node>` from serde-saphyr, converted into our own position type.
struct SpannedNode(Node);

impl<'de> Deserialize<'de> for SpannedNode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = serde_saphyr::Spanned::<RawValue>::deserialize(deserializer)?;
        let loc = spanned.referenced;
        let pos = if loc.line() == 0 {
            Pos::START
        } else {
            Pos::new(loc.line() as u32, loc.column().max(1) as u32)
        };
        Ok(SpannedNode(Node {
            pos,
            value: spanned.value.0,
        }))
    }
}

struct RawValue(Value);

impl<'de> Deserialize<'de> for RawValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor).map(RawValue)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(SpannedNode(node)) = seq.next_element()? {
            items.push(node);
        }
        Ok(Value::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(SpannedNode(key)) = map.next_key()? {
            let SpannedNode(value) = map.next_value()?;
            entries.push((key, value));
        }
        Ok(Value::Map(entries))
    }
}

#[cfg(test)]
mod tests {

    /// The parser's messages are English; what they are about is named for the
    /// reader's language.
    #[test]
    fn a_syntax_error_says_what_it_is_about() {
        let kind = |text: &str| match parse(text) {
            Err(SyntaxError {
                kind: SyntaxKind::Syntax(detail),
                ..
            }) => syntax_kind(&detail),
            other => panic!("{text:?}: {other:?}"),
        };
        assert_eq!(kind("name: {kk: a, ru: [\n"), "bracket");
        assert_eq!(kind("name: \"unclosed\n"), "quote");
        assert_eq!(kind("a:\n\t- b\n"), "tab");
        assert_eq!(syntax_kind("invalid indentation"), "indent");
        assert_eq!(syntax_kind("simple key expected ':'"), "colon");
        assert_eq!(syntax_kind("recursion limit exceeded"), "other");
    }

    use super::*;

    fn map_entries(node: &Node) -> &[(Node, Node)] {
        match &node.value {
            Value::Map(entries) => entries,
            other => panic!("expected a map, got {other:?}"),
        }
    }

    #[test]
    fn keys_and_values_carry_their_positions() {
        let node = parse("id: abc\nname:\n  kk: \"Ә\"\n  ru: Б\n").unwrap();
        let entries = map_entries(&node);
        assert_eq!(entries[0].0.pos, Pos::new(1, 1));
        assert_eq!(entries[0].1.pos, Pos::new(1, 5));
        assert_eq!(entries[1].0.pos, Pos::new(2, 1));
        let inner = map_entries(&entries[1].1);
        assert_eq!(inner[1].1.value, Value::Str("Б".into()));
        assert_eq!(inner[1].1.pos, Pos::new(4, 7));
    }

    #[test]
    fn dates_stay_text_and_numbers_stay_numbers() {
        let node = parse("d: 2026-03-21\nn: 3\nb: true\nz: 0142\nno: no\n").unwrap();
        let values: Vec<_> = map_entries(&node)
            .iter()
            .map(|(_, v)| v.value.clone())
            .collect();
        assert_eq!(values[0], Value::Str("2026-03-21".into()));
        assert_eq!(values[1], Value::Int(3));
        assert_eq!(values[2], Value::Bool(true));
        assert_eq!(values[3], Value::Str("0142".into()));
        assert_eq!(
            values[4],
            Value::Str("no".into()),
            "strict booleans: `no` is text"
        );
    }

    #[test]
    fn duplicate_keys_are_a_syntax_error_with_a_position() {
        let err = parse("id: a\nstatus: open\nid: b\n").unwrap_err();
        assert_eq!(err.kind, SyntaxKind::DuplicateKey("id".into()));
        assert_eq!(err.pos.line, 3);
    }

    #[test]
    fn alias_bomb_is_refused() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let prev = i - 1;
            text.push_str(&format!(
                "a{i}: &a{i} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"
            ));
        }
        assert_eq!(parse(&text).unwrap_err().kind, SyntaxKind::TooComplex);
    }

    #[test]
    fn deep_flow_nesting_is_refused_without_overflow() {
        let text = format!("x: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
        assert_eq!(parse(&text).unwrap_err().kind, SyntaxKind::TooComplex);
    }

    #[test]
    fn syntax_error_reports_line() {
        let err = parse("id: a\nname: {kk: \"x\"\n").unwrap_err();
        assert!(err.pos.line >= 2, "{err:?}");
    }

    #[test]
    fn empty_file_is_null() {
        assert_eq!(parse("").unwrap().value, Value::Null);
        assert_eq!(parse("# only a comment\n").unwrap().value, Value::Null);
    }
}
