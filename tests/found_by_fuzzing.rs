//! Regressions found by the fuzz targets in `fuzz/` (README "Fuzzing"): each test is the
//! minimised input of one finding, named after the behaviour it guards.

mod in_memory;

use kadr_load::Kind;
use kadr_model::Pos;

use in_memory::Site;

/// The positions of the problems found in one unit file.
fn unit_problems(bytes: &[u8]) -> Vec<(&'static str, Pos)> {
    let mut site = Site::base();
    let file = site.put(Kind::Unit, "content/units/dp-almaty.yaml", bytes);
    site.check()
        .into_iter()
        .filter(|d| d.loc.file == file)
        .map(|d| (d.message.id, d.loc.pos))
        .collect()
}

/// `load` target: a lone carriage return ends a line for the YAML parser, which put a
/// syntax error on line 2; the loader's own positions (of a NUL byte, of bytes that are
/// not UTF-8) counted only `\n`, so the two disagreed about where line 2 is.
#[test]
fn a_lone_carriage_return_ends_a_line_in_every_position() {
    assert_eq!(
        unit_problems(b"id: dp-almaty\rkind: \x1a\n"),
        [("yaml-syntax", Pos::new(2, 7))]
    );
    assert_eq!(
        unit_problems(b"id: dp-almaty\rkind: \x00\n"),
        [("binary-file", Pos::new(2, 7))]
    );
    assert_eq!(
        unit_problems(b"id: dp-almaty\r\nkind: \xff\n"),
        [("not-utf8", Pos::new(2, 7))]
    );
}
