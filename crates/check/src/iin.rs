//! The national identification number (ИИН/ЖСН) as a reader sees it (RULES.md B12):
//! [`find_iin`] finds a checksum-valid ИИН in a text however it is written, and
//! [`scan`] also tells whether rendering the text as Markdown could show one that the
//! text as written does not (then `published` renders it and looks again). What is a
//! *field* and where its diagnostics go is `personal`'s business, not this module's.
//!
//! # What counts as one number
//!
//! The text is normalised character by character before its digits are read:
//!
//! - compatibility forms become what they stand for (NFKC, Unicode's data through
//!   ICU4X): fullwidth `９`, superscript `¹` and circled `①` are digits; the no-break,
//!   thin and narrow no-break spaces are spaces;
//! - a decimal digit of any script (Arabic-Indic `٩`, Devanagari `९` …) is that digit;
//! - what a reader does not see is removed: default-ignorable code points (zero-width
//!   space and joiners U+200B–U+200D, word joiner U+2060, the soft hyphen, U+FEFF,
//!   direction marks …), other format and control characters, and combining marks.
//!
//! Then a *group* is digits with nothing between them, and a *run* is groups with one
//! separator between each two and next to each other: one stretch of whitespace (any
//! spaces, tabs and line breaks, which browsers and feeds show as one space), or one of
//! `-` `.` `,` and the hyphens U+2010–U+2012 and U+2212. A *candidate* is
//!
//! 1. a group of exactly twelve digits (`ЖСН900101300017`), or
//! 2. a whole run of exactly twelve digits (`900101 300017`, `900-101-300-017`).
//!
//! and it is reported when it is a valid ИИН: a real birth date, a century digit 1–6 and
//! the check digit of the official algorithm ([`is_valid_iin`]).
//!
//! So that ordinary numbers are not read as one, a run is only ever taken whole:
//! «+7 727 000 00 00» is eleven digits; «27.11.2026 - 30.11.2026» and «640 000, 780 000»
//! are two runs (two separators in a row end a run); en and em dashes separate ranges
//! («610 000–760 000») and are not separators; `|` ends a run, so table cells are
//! separate numbers as written (what the renderer makes of a table, `published`
//! reads). The price: an ИИН glued by separators to more digits
//! («2026-900101-300017») is one longer run and is not reported, as it cannot be told
//! from a run of numbers; twelve digits with nothing between them always are.

use icu_normalizer::DecomposingNormalizerBorrowed;
use icu_properties::props::{DefaultIgnorableCodePoint, GeneralCategory, WhiteSpace};
use icu_properties::{CodePointMapData, CodePointSetData};

/// The byte offset of the first ИИН in `text`, read as described in the module doc.
pub fn find_iin(text: &str) -> Option<usize> {
    scan(text, false).found
}

/// What one pass over a text found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Scan {
    /// The byte offset of the first ИИН in the text as written.
    pub found: Option<usize>,
    /// Rendered as Markdown, the text could show an ИИН that it does not show as
    /// written: somewhere twelve or more digits stand with no letter between them
    /// together with markup that rendering removes or changes (emphasis, code, links,
    /// entities, list markers, blank lines …), or the text uses a construct that the
    /// pass does not follow (tables, fences, reference links, percent escapes). Always
    /// false unless the scan was asked about Markdown.
    pub rendering_may_differ: bool,
}

/// Scans `text` once; with `markdown`, also judges [`Scan::rendering_may_differ`].
pub(crate) fn scan(text: &str, markdown: bool) -> Scan {
    let bytes = text.as_bytes();
    let mut runs = Runs::default();
    let mut markup = markdown.then(Markup::default);
    let mut i = 0;
    // Where letters may be passed over again: after a block that could not be, the scan
    // reads its characters one at a time up to past what stopped it.
    let mut try_skip_at = 0;
    while i < bytes.len() {
        // Letters are passed over from the start of a word: elsewhere (between a number
        // and the next word) the next character is as cheap to read as to skip.
        if i >= try_skip_at
            && starts_letter(bytes, i)
            && runs.idle()
            && markup.as_ref().is_none_or(|m| m.idle(i))
        {
            match skip_letters(bytes, i) {
                Ok(next) => {
                    if let Some(m) = &mut markup {
                        m.breaker();
                    }
                    i = next;
                    continue;
                }
                Err(retry) => try_skip_at = retry,
            }
        }
        let b = bytes[i];
        if b.is_ascii_digit() {
            // A group of ASCII digits at once: the commonest run of characters that is
            // not letters.
            let len = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
            runs.digits(&bytes[i..i + len], i);
            if let Some(m) = &mut markup {
                m.digits(i, len);
            }
            i += len;
        } else if b.is_ascii() {
            let class = ascii_class(b, bytes.get(i + 1).copied());
            runs.step(class, i);
            if let Some(m) = &mut markup {
                m.step(bytes, i, Some(b), class);
            }
            i += 1;
        } else if cyrillic_letter(b, bytes.get(i + 1).copied()) {
            runs.step(Class::Other, i);
            if let Some(m) = &mut markup {
                m.breaker();
            }
            i += 2;
        } else {
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            classify(c, &mut |class| {
                runs.step(class, i);
                if let Some(m) = &mut markup {
                    m.step(bytes, i, None, class);
                }
            });
            i += c.len_utf8();
        }
        if runs.found.is_some() {
            return Scan {
                found: runs.found,
                rendering_may_differ: false,
            };
        }
    }
    runs.step(Class::Other, bytes.len());
    Scan {
        found: runs.found,
        rendering_may_differ: runs.found.is_none() && markup.is_some_and(Markup::finish),
    }
}

pub use kadr_common::iin::is_valid_iin;

/// Whether twelve digit values form a valid ИИН, by the one algorithm the site and the
/// bank share ([`kadr_common::iin`]). Business ids (БСН) fail its date test and are not
/// flagged.
fn valid_digits(d: &[u8; 12]) -> bool {
    let mut ascii = [0u8; 12];
    for (a, d) in ascii.iter_mut().zip(d) {
        *a = b'0' + d;
    }
    std::str::from_utf8(&ascii).is_ok_and(is_valid_iin)
}

/// What a character is to a reader of numbers, after normalisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Digit(u8),
    /// Whitespace; `line_break` for a line feed, a lone carriage return, U+0085,
    /// U+2028 and U+2029.
    Space {
        line_break: bool,
    },
    /// `-`, `.`, `,` and the hyphens: one of them may stand between two groups.
    Joiner,
    /// Not seen: removed before digits are read.
    Invisible,
    Other,
}

fn ascii_class(b: u8, next: Option<u8>) -> Class {
    match b {
        b'0'..=b'9' => Class::Digit(b - b'0'),
        b'\n' => Class::Space { line_break: true },
        // CR LF is one line break, counted at the LF.
        b'\r' => Class::Space {
            line_break: next != Some(b'\n'),
        },
        b' ' | b'\t' | 0x0B | 0x0C => Class::Space { line_break: false },
        b'-' | b'.' | b',' => Class::Joiner,
        0x00..=0x1F | 0x7F => Class::Invisible,
        _ => Class::Other,
    }
}

/// Passes the classes of non-ASCII `c` to `emit`: one, or one per character of its
/// compatibility decomposition (`⒛` is `2`, `0`, `.`).
pub(crate) fn classify(c: char, emit: &mut impl FnMut(Class)) {
    if let Some(class) = common_class(c) {
        emit(class);
        return;
    }
    let nfkd = DecomposingNormalizerBorrowed::new_nfkd();
    for d in nfkd.normalize_iter(std::iter::once(c)) {
        emit(decomposed_class(d));
    }
}

/// The classes of the non-ASCII characters most texts are made of, without looking
/// them up (a unit test holds them to [`decomposed_class`]).
fn common_class(c: char) -> Option<Class> {
    match c {
        // Cyrillic letters (U+0483–U+0489 are combining marks).
        '\u{0400}'..='\u{0482}' | '\u{048A}'..='\u{052F}' => Some(Class::Other),
        '«' | '»' | '–' | '—' | '№' | '…' | '‘' | '’' | '“' | '”' | '„' | '×' | '•' | '·' => {
            Some(Class::Other)
        }
        '\u{00A0}' | '\u{2009}' | '\u{202F}' => Some(Class::Space { line_break: false }),
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' => Some(Class::Invisible),
        _ => None,
    }
}

/// The class of a character that has no compatibility decomposition.
fn decomposed_class(d: char) -> Class {
    if d.is_ascii() {
        return ascii_class(d as u8, None);
    }
    if CodePointSetData::new::<WhiteSpace>().contains(d) {
        return Class::Space {
            line_break: matches!(d, '\u{0085}' | '\u{2028}' | '\u{2029}'),
        };
    }
    let category = CodePointMapData::<GeneralCategory>::new().get(d);
    if CodePointSetData::new::<DefaultIgnorableCodePoint>().contains(d)
        || matches!(
            category,
            GeneralCategory::Control
                | GeneralCategory::Format
                | GeneralCategory::NonspacingMark
                | GeneralCategory::EnclosingMark
        )
    {
        return Class::Invisible;
    }
    if category == GeneralCategory::DecimalNumber {
        return Class::Digit(digit_value(d));
    }
    if matches!(d, '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2212}') {
        return Class::Joiner;
    }
    Class::Other
}

/// The value of a decimal digit (general category Nd). Unicode assigns these only in
/// runs of ten consecutive code points from 0 to 9 (a stability guarantee), so the
/// value is the distance from the start of the run, modulo ten (a few runs hold several
/// sets of ten, as the mathematical digits do).
fn digit_value(d: char) -> u8 {
    let categories = CodePointMapData::<GeneralCategory>::new();
    let mut start = d as u32;
    while start > 0 && categories.get32(start - 1) == GeneralCategory::DecimalNumber {
        start -= 1;
    }
    ((d as u32 - start) % 10) as u8
}

/// Whether the character whose UTF-8 starts with `lead`, `second` is a letter of
/// U+0400–U+04FF (all but the combining marks U+0483–U+0489): most of a text.
fn cyrillic_letter(lead: u8, second: Option<u8>) -> bool {
    match lead {
        0xD0 | 0xD1 | 0xD3 => true,
        0xD2 => second.is_some_and(|b| !(0x83..=0x89).contains(&b)),
        _ => false,
    }
}

/// Whether a letter (ASCII or U+0400–U+04FF) starts at `i`.
fn starts_letter(bytes: &[u8], i: usize) -> bool {
    bytes
        .get(i)
        .is_some_and(|&b| b.is_ascii_alphabetic() || cyrillic_letter(b, bytes.get(i + 1).copied()))
}

/// Passes over letters: `Ok` with where the scan resumes when the bytes from `i` on, in
/// blocks of sixteen, hold nothing that can be or start a digit or start a construct
/// [`Markup`] follows, just after their last letter (whatever stands before a letter
/// cannot change what the scan finds after it); `Err` with where to try again when they
/// do not. Most of a text is letters; this is most of the speed of [`scan`].
fn skip_letters(bytes: &[u8], i: usize) -> Result<usize, usize> {
    let mut end = i;
    let mut stopped = false;
    // Seventeen bytes: whether a byte is plain may depend on the next one.
    while let Some(window) = bytes
        .get(end..end + 17)
        .and_then(|b| <&[u8; 17]>::try_from(b).ok())
    {
        // A fixed-size block folded without branches, which the compiler checks with
        // vector instructions; only a block that is not all plain is looked into.
        let plain = (0..16).fold(true, |ok, j| ok & plain_byte(window[j], window[j + 1]));
        if !plain {
            let special = (0..16).fold(0u16, |mask, j| {
                mask | (u16::from(!plain_byte(window[j], window[j + 1])) << j)
            });
            end += special.trailing_zeros() as usize;
            stopped = true;
            break;
        }
        end += 16;
    }
    let last_letter = (i..end).rev().find_map(|j| {
        let b = bytes[j];
        let after = match b {
            _ if b.is_ascii_alphabetic() => j + 1,
            _ if cyrillic_letter(b, bytes.get(j + 1).copied()) => j + 2,
            _ => return None,
        };
        (after <= bytes.len()).then_some(after)
    });
    // Without a letter, the characters up to and with the byte that stopped the blocks
    // are read one by one (or the rest of a text too short for a block).
    last_letter.ok_or(if stopped { end + 1 } else { bytes.len() })
}

/// A byte (with the byte after it) that neither is nor starts a character that can be
/// a digit, nor starts a construct [`Markup`] follows: not an ASCII digit, not `]` `&`
/// `|` `` ` `` `~` `%`, and not the lead byte of a character that may be a digit or
/// decompose into one (superscripts and fractions of U+00B2–U+00BE, the digits of
/// Arabic and N'Ko, anything of three or four bytes but the punctuation of
/// U+2000–U+203F and the letterlike symbols of U+2100–U+213F such as `№`).
fn plain_byte(b: u8, next: u8) -> bool {
    let special = (b.wrapping_sub(b'0') < 10)
        | (b == b']')
        | (b == b'&')
        | (b == b'|')
        | (b == b'`')
        | (b == b'~')
        | (b == b'%');
    let latin_digit = (b == 0xC2)
        & ((next == 0xB2) | (next == 0xB3) | (next == 0xB9) | (next.wrapping_sub(0xBC) < 3));
    let two_byte_digit = (b == 0xD9) | (b == 0xDB) | (b == 0xDF);
    let wide = (b >= 0xE0) & !((b == 0xE2) & ((next == 0x80) | (next == 0x84)));
    !(special | latin_digit | two_byte_digit | wide)
}

/// The twelve first digits of a group or run, and how many it has.
#[derive(Default, Clone, Copy)]
struct Digits {
    len: usize,
    first: [u8; 12],
}

impl Digits {
    fn push(&mut self, d: u8) {
        if let Some(slot) = self.first.get_mut(self.len) {
            *slot = d;
        }
        self.len += 1;
    }

    fn is_iin(&self) -> bool {
        self.len == 12 && valid_digits(&self.first)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Separator {
    Space,
    Joiner,
}

/// The groups and runs of the module doc, fed one class at a time.
#[derive(Default)]
struct Runs {
    in_run: bool,
    /// The separator after the last group, while no digit has followed it.
    pending: Option<Separator>,
    groups: u32,
    group_start: usize,
    group: Digits,
    run_start: usize,
    run: Digits,
    found: Option<usize>,
}

impl Runs {
    fn idle(&self) -> bool {
        !self.in_run
    }

    #[inline]
    fn step(&mut self, class: Class, at: usize) {
        match class {
            Class::Digit(d) => {
                if !self.in_run {
                    *self = Runs {
                        in_run: true,
                        groups: 1,
                        group_start: at,
                        run_start: at,
                        found: self.found,
                        ..Runs::default()
                    };
                } else if self.pending.take().is_some() {
                    self.groups += 1;
                    self.group_start = at;
                    self.group = Digits::default();
                }
                self.group.push(d);
                self.run.push(d);
            }
            Class::Space { .. } => self.separator(Separator::Space),
            Class::Joiner => self.separator(Separator::Joiner),
            Class::Invisible => {}
            Class::Other => {
                if self.in_run {
                    if self.pending.is_none() {
                        self.end_group();
                    }
                    self.end_run();
                }
            }
        }
    }

    /// [`Runs::step`] with each of the ASCII digits `digits`, the first at `at`.
    fn digits(&mut self, digits: &[u8], at: usize) {
        if let Some((first, rest)) = digits.split_first() {
            self.step(Class::Digit(first - b'0'), at);
            for d in rest {
                self.group.push(d - b'0');
                self.run.push(d - b'0');
            }
        }
    }

    fn separator(&mut self, separator: Separator) {
        if !self.in_run {
            return;
        }
        match self.pending {
            None => {
                self.end_group();
                self.pending = Some(separator);
            }
            // Whitespace is one separator however long it is.
            Some(Separator::Space) if separator == Separator::Space => {}
            Some(_) => self.end_run(),
        }
    }

    fn end_group(&mut self) {
        if self.found.is_none() && self.group.is_iin() {
            self.found = Some(self.group_start);
        }
    }

    fn end_run(&mut self) {
        if self.found.is_none() && self.groups >= 2 && self.run.is_iin() {
            self.found = Some(self.run_start);
        }
        self.in_run = false;
        self.pending = None;
    }
}

/// The longest link destination or label followed; a longer one counts as a construct
/// the scan does not follow (so that the look-ahead stays linear in the text).
const LOOKAHEAD: usize = 1024;

/// Whether Markdown could change what a text shows around its digits: the text is cut
/// into *clusters* at characters that every rendering shows as they are (letters, most
/// punctuation), and a cluster with twelve or more possible digits and any markup in it
/// makes the text worth rendering. Link destinations and entities are not visible
/// text: a cluster goes on across them. Constructs whose extent this does not follow
/// (tables, fences, reference definitions, percent escapes, unusual destinations) make
/// any text with twelve or more possible digits worth rendering.
#[derive(Default)]
struct Markup {
    /// Possible digits in the current cluster (an entity may stand for two: `&frac12;`).
    digits: u32,
    /// The current cluster has markup.
    active: bool,
    /// Only whitespace since the last line break (or the start).
    line_start: bool,
    /// Line breaks in the current stretch of whitespace.
    line_breaks: u32,
    /// The end of a link destination, label or entity being passed over.
    hidden_until: usize,
    irregular: bool,
    total: u32,
    differs: bool,
}

impl Markup {
    fn idle(&self, i: usize) -> bool {
        self.digits == 0 && i >= self.hidden_until
    }

    #[inline]
    fn step(&mut self, bytes: &[u8], i: usize, byte: Option<u8>, class: Class) {
        if i == 0 {
            self.line_start = true;
        }
        if i < self.hidden_until {
            if let Class::Digit(_) = class {
                self.total += 1;
            }
            return;
        }
        match class {
            Class::Digit(_) => {
                self.total += 1;
                self.digits += 1;
                // An ordered list marker's number is not shown as text.
                self.active |= self.line_start;
                self.visible();
            }
            Class::Space { line_break } => {
                if line_break {
                    self.line_breaks += 1;
                    self.line_start = true;
                    // A blank line ends a paragraph: a block edge on the page, a space
                    // in the feed.
                    self.active |= self.line_breaks >= 2;
                }
            }
            Class::Invisible => {}
            Class::Joiner => {
                // `-` opens a list item, a rule or a heading underline at a line start.
                self.active |= byte == Some(b'-') && self.line_start;
                self.visible();
            }
            Class::Other => match byte {
                Some(b) => self.ascii(bytes, i, b),
                None => self.breaker(),
            },
        }
    }

    /// [`Markup::step`] with `len` ASCII digits from `i` on (a group of digits lies
    /// wholly inside or outside a link destination or an entity, which end in `)`,
    /// `]` or `;`).
    fn digits(&mut self, i: usize, len: usize) {
        if i == 0 {
            self.line_start = true;
        }
        let len = len as u32;
        self.total += len;
        if i >= self.hidden_until {
            self.digits += len;
            self.active |= self.line_start;
            self.visible();
        }
    }

    /// Any character but whitespace: no longer at a line start.
    fn visible(&mut self) {
        self.line_start = false;
        self.line_breaks = 0;
    }

    fn ascii(&mut self, bytes: &[u8], i: usize, b: u8) {
        let next = bytes.get(i + 1).copied();
        match b {
            b'&' => match entity_end(bytes, i) {
                Some(end) => {
                    self.hidden_until = end;
                    self.digits += 2;
                    self.total += 2;
                    self.active = true;
                }
                None => return self.breaker(),
            },
            b']' => {
                match next {
                    Some(b'(') => match destination_end(bytes, i + 2) {
                        Some(Ok(end)) => self.hidden_until = end,
                        Some(Err(Irregular)) => self.irregular = true,
                        None => {}
                    },
                    Some(b'[') => match label_end(bytes, i + 2) {
                        Some(Ok(end)) => self.hidden_until = end,
                        Some(Err(Irregular)) => self.irregular = true,
                        None => {}
                    },
                    Some(b':') => self.irregular = true,
                    _ => {}
                }
                self.active = true;
            }
            b'`' | b'~' => {
                self.irregular |= next == Some(b) && bytes.get(i + 2) == Some(&b);
                self.active = true;
            }
            b'|' => {
                self.irregular = true;
                self.active = true;
            }
            b'%' if bytes
                .get(i + 1..i + 3)
                .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) =>
            {
                self.irregular = true;
                self.active = true;
            }
            b'*' | b'_' | b'[' | b'!' | b'\\' | b'<' | b'>' | b'#' | b'=' | b'+' | b')' => {
                self.active = true;
            }
            _ => return self.breaker(),
        }
        self.visible();
    }

    /// A character every rendering shows: the cluster ends here.
    fn breaker(&mut self) {
        self.differs |= self.digits >= 12 && self.active;
        self.digits = 0;
        self.active = false;
        self.visible();
    }

    fn finish(mut self) -> bool {
        self.breaker();
        self.differs || (self.irregular && self.total >= 12)
    }
}

/// A construct whose extent [`Markup`] does not follow.
struct Irregular;

/// The end (after `)`) of an inline link destination starting at `start` (after `](`):
/// `Some(Err)` for one with spaces, a title, quotes, escapes, entities, percent escapes
/// or `<…>`; `None` when no `)` closes it (then it is no link, and shown as written).
fn destination_end(bytes: &[u8], start: usize) -> Option<Result<usize, Irregular>> {
    let mut depth = 1u32;
    for (j, &b) in bytes.iter().enumerate().skip(start).take(LOOKAHEAD) {
        match b {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(Ok(j + 1));
                }
            }
            b'"' | b'\'' | b'<' | b'\\' | b'&' | b'%' => return Some(Err(Irregular)),
            _ if b.is_ascii_whitespace() || b.is_ascii_control() => {
                return Some(Err(Irregular));
            }
            _ => {}
        }
    }
    (bytes.len() > start + LOOKAHEAD).then_some(Err(Irregular))
}

/// The end (after `]`) of a reference label starting at `start` (after `][`).
fn label_end(bytes: &[u8], start: usize) -> Option<Result<usize, Irregular>> {
    for (j, &b) in bytes.iter().enumerate().skip(start).take(LOOKAHEAD) {
        match b {
            b']' => return Some(Ok(j + 1)),
            b'[' | b'\\' | b'&' => return Some(Err(Irregular)),
            _ => {}
        }
    }
    (bytes.len() > start + LOOKAHEAD).then_some(Err(Irregular))
}

/// The end (after `;`) of an HTML entity at `start` (`&name;`, `&#123;`, `&#x7B;`).
fn entity_end(bytes: &[u8], start: usize) -> Option<usize> {
    let body = bytes.get(start + 1..)?;
    let (digits, skip): (fn(&u8) -> bool, usize) = match body {
        [b'#', b'x' | b'X', ..] => (u8::is_ascii_hexdigit, 2),
        [b'#', ..] => (u8::is_ascii_digit, 1),
        [b, ..] if b.is_ascii_alphabetic() => (u8::is_ascii_alphanumeric, 0),
        _ => return None,
    };
    let name = body.get(skip..)?;
    let len = name.iter().take(32).take_while(|b| digits(b)).count();
    (len > 0 && name.get(len) == Some(&b';')).then_some(start + 1 + skip + len + 1)
}

/// The reading of the module doc written as plainly as possible, slowly, for tests to
/// hold the scanners to: the whole text normalised (NFKC) first, invisible characters
/// dropped, then the runs cut out one by one.
#[cfg(test)]
pub(crate) mod reference {
    use icu_normalizer::ComposingNormalizerBorrowed;
    use icu_properties::props::{DefaultIgnorableCodePoint, GeneralCategory};
    use icu_properties::{CodePointMapData, CodePointSetData};

    #[derive(Clone, Copy, PartialEq)]
    enum C {
        Digit(u8),
        Space,
        Joiner,
        Other,
    }

    pub(crate) fn find_iin(text: &str) -> bool {
        let categories = CodePointMapData::<GeneralCategory>::new();
        let ignorable = CodePointSetData::new::<DefaultIgnorableCodePoint>();
        let normalised = ComposingNormalizerBorrowed::new_nfkc().normalize(text);
        let mut chars = Vec::new();
        for c in normalised.chars() {
            let category = categories.get(c);
            let class = if c.is_whitespace() {
                C::Space
            } else if ignorable.contains(c)
                || matches!(
                    category,
                    GeneralCategory::Control
                        | GeneralCategory::Format
                        | GeneralCategory::NonspacingMark
                        | GeneralCategory::EnclosingMark
                )
            {
                continue;
            } else if category == GeneralCategory::DecimalNumber {
                let mut zero = c as u32;
                while categories.get32(zero - 1) == GeneralCategory::DecimalNumber {
                    zero -= 1;
                }
                C::Digit(((c as u32 - zero) % 10) as u8)
            } else if "-.,\u{2010}\u{2011}\u{2012}\u{2212}".contains(c) {
                C::Joiner
            } else {
                C::Other
            };
            chars.push(class);
        }
        let digit = |i: usize| match chars.get(i) {
            Some(C::Digit(d)) => Some(*d),
            _ => None,
        };
        let is_iin = |digits: &[u8]| {
            let text: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
            super::is_valid_iin(&text)
        };
        let mut i = 0;
        while i < chars.len() {
            if digit(i).is_none() {
                i += 1;
                continue;
            }
            let mut groups: Vec<Vec<u8>> = Vec::new();
            let mut j = i;
            loop {
                let mut group = Vec::new();
                while let Some(d) = digit(j) {
                    group.push(d);
                    j += 1;
                }
                groups.push(group);
                let mut k = j;
                if chars.get(k) == Some(&C::Space) {
                    while chars.get(k) == Some(&C::Space) {
                        k += 1;
                    }
                } else if chars.get(k) == Some(&C::Joiner) {
                    k += 1;
                }
                if k > j && digit(k).is_some() {
                    j = k;
                } else {
                    break;
                }
            }
            let all: Vec<u8> = groups.concat();
            if groups.iter().any(|g| g.len() == 12 && is_iin(g))
                || (groups.len() >= 2 && all.len() == 12 && is_iin(&all))
            {
                return true;
            }
            i = j;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const IIN: &str = "900101300017";

    #[test]
    fn recognises_a_valid_iin() {
        // From SPEC.md's sample candidate: born 1990-01-01, a man of the 20th century.
        assert!(is_valid_iin(IIN));
    }

    #[test]
    fn rejects_a_wrong_check_digit() {
        assert!(!is_valid_iin("900101300018"));
    }

    #[test]
    fn rejects_an_impossible_birth_date() {
        assert!(!is_valid_iin("901301300017"));
    }

    #[test]
    fn second_weights_are_three_to_eleven_then_one_two() {
        // weights for the second pass, position 0..11: 3,4,5,6,7,8,9,10,11,1,2
        let w: Vec<u32> = (0..11).map(|i| (i + 2) % 11 + 1).collect();
        assert_eq!(w, [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
    }

    #[test]
    fn b12_finds_an_iin_inside_text_but_not_in_longer_numbers() {
        assert_eq!(find_iin("ЖСН: 900101300017, тел."), Some("ЖСН: ".len()));
        assert_eq!(find_iin("ЖСН900101300017"), Some("ЖСН".len()));
        assert_eq!(find_iin("9001013000170"), None);
        assert_eq!(find_iin("+7 7172 71 21 00"), None);
    }

    #[test]
    fn b12_finds_an_iin_split_by_one_separator_between_groups() {
        for text in [
            "900101 300017",
            "900 101 300 017",
            "900101\u{A0}300017",
            "900101\u{202F}300017",
            "900101\u{2009}300017",
            "900101-300017",
            "900101.300017",
            "900,101,300,017",
            "900101\n300017",
            "900101\r\n300017",
            "900101  \n  300017",
            "900101\u{2010}300017",
            "900101\u{2212}300017",
            "90010 1300017",
        ] {
            assert_eq!(
                find_iin(&format!("ЖСН {text} берілген")),
                Some("ЖСН ".len()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn b12_finds_an_iin_with_invisible_characters_between_its_digits() {
        for hidden in [
            "\u{200B}", "\u{200D}", "\u{2060}", "\u{AD}", "\u{FEFF}", "\u{200E}", "\u{1}",
            "\u{301}",
        ] {
            let text = format!("ИИН 900101{hidden}300017");
            assert_eq!(find_iin(&text), Some("ИИН ".len()), "{hidden:?}");
            let text = format!("ИИН 9{hidden}0{hidden}0101 300017");
            assert_eq!(find_iin(&text), Some("ИИН ".len()), "{hidden:?}");
        }
    }

    #[test]
    fn b12_finds_an_iin_in_other_forms_of_digits() {
        assert!(find_iin("９００１０１３０００１７").is_some(), "fullwidth");
        assert!(find_iin("٩٠٠١٠١٣٠٠٠١٧").is_some(), "Arabic-Indic");
        assert!(find_iin("۹۰۰۱۰۱۳۰۰۰۱۷").is_some(), "Extended Arabic-Indic");
        assert!(find_iin("९००१०१३०००१७").is_some(), "Devanagari");
        assert!(find_iin("𝟗𝟎𝟎𝟏𝟎𝟏𝟑𝟎𝟎𝟎𝟏𝟕").is_some(), "mathematical bold");
        assert!(find_iin("⑨00101300017").is_some(), "circled");
        assert!(find_iin("9001013000¹⁷").is_some(), "superscript");
        assert!(find_iin("900101３00017").is_some(), "one fullwidth digit");
        assert!(
            find_iin("900⑩1300017").is_some(),
            "a circled ten is two digits"
        );
    }

    #[test]
    fn b12_finds_every_form_of_digits_between_long_stretches_of_letters() {
        let words = "Министерство внутренних дел Республики Казахстан";
        for iin in [
            IIN,
            "９００１０１３０００１７",
            "٩٠٠١٠١٣٠٠٠١٧",
            "۹۰۰۱۰۱۳۰۰۰۱۷",
            "९००१०१३०००१७",
            "9001013000¹⁷",
            "900⑩1300017",
            "900101\u{A0}300017",
            // 121212111111 (born 12 December 1812) in superscripts of Latin-1.
            "¹²¹²¹²¹¹¹¹¹¹",
        ] {
            for text in [
                format!("{words} {iin} {words}"),
                format!("{words}{iin}{words}"),
            ] {
                assert!(find_iin(&text).is_some(), "{text:?}");
                assert!(scan(&text, true).found.is_some(), "{text:?}");
            }
        }
    }

    #[test]
    fn b12_does_not_join_what_a_reader_sees_as_separate_numbers() {
        for text in [
            "+7 727 000 00 00",
            "+7 (727) 254-40-00, +7 (727) 254-40-01",
            "8 700 123 45 67",
            "27.11.2026 - 30.11.2026",
            "27.11.2026-30.11.2026",
            "2026-11-27T23:59:59+05:00",
            "№ 11357 от 05.05.2015",
            "010000, Астана қаласы, Тәуелсіздік даңғылы, 11",
            "610 000–760 000 теңге",
            "640 000, 780 000",
            "| 900101 | 300017 |",
            "900101 300017 5",
            "1 900101 300017",
            "900101 - 300017",
            "900101, 300017",
            "900101/300017",
            "900101:300017",
            "900101–300017",
            "2026-900101-300017",
        ] {
            assert_eq!(find_iin(text), None, "{text:?}");
        }
    }

    #[test]
    fn b12_still_finds_twelve_digits_with_nothing_between_them_next_to_other_numbers() {
        assert_eq!(find_iin("1 900101300017"), Some(2));
        assert_eq!(find_iin("900101300017 5"), Some(0));
        assert_eq!(find_iin("2026-900101300017-1"), Some(5));
    }

    #[test]
    fn b12_finds_an_iin_on_either_side_of_a_sixteen_byte_block() {
        for before in 0..40 {
            for filler in ["x", "ә", "қ", "ab", " ", "«", "—", "\u{A0}", "ё "] {
                for after in ["", " ", "0", "ә", "\u{200B}", " 5"] {
                    let prefix = filler.repeat(before);
                    let text = format!("{prefix}{IIN}{after}");
                    let expected = (!matches!(after, "0")).then_some(prefix.len());
                    assert_eq!(find_iin(&text), expected, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn the_common_classes_are_those_unicode_gives() {
        let listed = ('\u{0400}'..='\u{052F}')
            .chain("«»–—№…‘’“”„×•·\u{A0}\u{2009}\u{202F}\u{AD}\u{2060}\u{FEFF}".chars())
            .chain('\u{200B}'..='\u{200F}');
        for c in listed {
            let Some(common) = common_class(c) else {
                continue;
            };
            let mut slow = Vec::new();
            let nfkd = DecomposingNormalizerBorrowed::new_nfkd();
            for d in nfkd.normalize_iter(std::iter::once(c)) {
                slow.push(decomposed_class(d));
            }
            // To a reader of numbers a letter with a combining mark is the letter, `№`
            // ("No") one letter, and `…` ("...") ends a number as a letter does.
            if slow.len() > 1 {
                slow.retain(|class| *class != Class::Invisible);
            }
            if slow.len() > 1
                && slow
                    .iter()
                    .all(|c| matches!(c, Class::Other | Class::Joiner))
            {
                slow = vec![Class::Other];
            }
            assert_eq!(slow, [common], "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn digit_values_follow_unicode() {
        for (c, v) in [
            ('٠', 0),
            ('٩', 9),
            ('०', 0),
            ('७', 7),
            ('𝟗', 9),
            ('𝟶', 0),
            ('꧙', 9),
        ] {
            assert_eq!(decomposed_class(c), Class::Digit(v), "{c}");
        }
    }

    #[test]
    fn entities_are_recognised_by_their_shape() {
        assert_eq!(entity_end(b"&#57;x", 0), Some(5));
        assert_eq!(entity_end(b"&#x39;", 0), Some(6));
        assert_eq!(entity_end(b"&shy;", 0), Some(5));
        assert_eq!(entity_end(b"& x;", 0), None);
        assert_eq!(entity_end(b"&#;", 0), None);
        assert_eq!(entity_end(b"&amp", 0), None);
    }

    #[test]
    fn plain_texts_need_no_rendering_and_marked_up_numbers_do() {
        for plain in [
            "Анықтама телефоны: [+7 7252 00 41 07](tel:+77252004107).",
            "**640 000–780 000 теңге**, 30 күнтізбелік күн",
            "- Ішкі тіркеу нөмірі: 9999.\n- 2026 жылғы 9 желтоқсан",
            "900101 300017",
            "no digits at all",
        ] {
            assert!(!scan(plain, true).rendering_may_differ, "{plain:?}");
        }
        for marked in [
            "900101**300017**",
            "`900101`300017",
            "[900101](https://x.kz)300017",
            "&#57;00101300017",
            "900101&shy;300017",
            "- 900101\n- 300017",
            "1. 900101\n2. 300017",
            "900&#9321;1300017",
            "900101\n```x\n300017\n```",
            "Министерство внутренних дел &sup1;00101500002 Министерство внутренних дел",
            "900101 300017\n\n5",
            "| 900101 | 300017 |",
            "```\n900101\n```\n300017",
            "[a][r] 900101 300017 5\n\n[r]: https://x.kz",
            "[a](https://x.kz/%39%30%30%31%30%31%33%30%30%30%31%37)",
        ] {
            assert!(scan(marked, true).rendering_may_differ, "{marked:?}");
        }
    }

    /// Pieces of text around which numbers hide.
    fn pieces() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let listed = proptest::sample::select(vec![
            "900101",
            "300017",
            "900101300017",
            "900",
            "101",
            "9",
            "0",
            "1",
            "5",
            " ",
            "  ",
            "\n",
            "\r\n",
            "\n\n",
            "\t",
            "-",
            ".",
            ",",
            "–",
            "/",
            "|",
            "\u{A0}",
            "\u{202F}",
            "\u{2009}",
            "\u{200B}",
            "\u{200D}",
            "\u{2060}",
            "\u{AD}",
            "\u{301}",
            "\u{1}",
            "\u{2010}",
            "\u{2212}",
            "９",
            "٩",
            "۹",
            "९",
            "¹",
            "⑨",
            "⒛",
            "…",
            "№",
            "ЖСН ",
            "қ",
            "a",
            "«",
            "ё",
            "Қазақстан Республикасы ",
            "Министерство внутренних дел",
        ])
        .prop_map(str::to_string);
        prop_oneof![4 => listed, 1 => any::<char>().prop_map(String::from)]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// The fast scan reads numbers as the plain one does.
        #[test]
        fn b12_agrees_with_the_reference_reading(
            parts in proptest::collection::vec(pieces(), 0..24),
            filler in 0usize..40,
        ) {
            // Letters before the pieces move them across the sixteen-byte blocks.
            let text = format!("{}{}", "ә".repeat(filler / 2), parts.concat());
            proptest::prop_assert_eq!(find_iin(&text).is_some(), reference::find_iin(&text), "{:?}", text);
        }
    }
}
