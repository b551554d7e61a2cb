//! The patterns the committed schemas give versions, version requirements
//! and dates accept exactly what the crate's parsers accept
//! (`semver::Version`, `semver::VersionReq`, `IsoDate`), checked against
//! those parsers on chosen strings and on generated ones, with an
//! independent regex engine (the `jsonschema` crate's); the pattern of
//! language tags (`LanguageTag`) on chosen strings.
//!
//! The one gap, listed in `schemas/README.md`: a number in a version past
//! 18446744073709551615 (`u64`), which the patterns do not bound. The
//! generated strings are too short to reach it.
#![cfg(feature = "schema")]
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use std::sync::LazyLock;

use assessment_model::model::{IsoDate, LanguageTag};
use proptest::prelude::*;
use serde_json::{Value, json};

mod validator;

/// A validator of strings against the `pattern` of `$defs/<def>` in the
/// committed schema `stem`.
fn pattern(stem: &str, def: &str) -> jsonschema::Validator {
    let schema = validator::committed(stem);
    let pattern = schema["$defs"][def]["pattern"].clone();
    assert!(pattern.is_string(), "{stem}: $defs/{def} has no pattern");
    validator::strict(&json!({ "type": "string", "pattern": pattern })).unwrap()
}

static VERSION: LazyLock<jsonschema::Validator> = LazyLock::new(|| pattern("framework", "Version"));
static REQUIREMENT: LazyLock<jsonschema::Validator> =
    LazyLock::new(|| pattern("framework", "VersionReq"));

fn agree(validator: &jsonschema::Validator, text: &str, parses: bool) -> Result<(), String> {
    let matches = validator.is_valid(&Value::from(text));
    if matches == parses {
        Ok(())
    } else {
        Err(format!("{text:?}: pattern {matches}, parser {parses}"))
    }
}

const VERSIONS: [(&str, bool); 22] = [
    ("0.0.0", true),
    ("1.2.3", true),
    ("10.20.30", true),
    ("1.0.0-alpha", true),
    ("1.0.0-alpha.1", true),
    ("1.0.0-0.3.7", true),
    ("1.0.0-x-y-z.--", true),
    ("1.0.0-0a", true),
    ("1.0.0+001", true),
    ("1.0.0-rc.1+build.1", true),
    ("1.0", false),
    ("1", false),
    ("01.0.0", false),
    ("1.0.0-01", false),
    ("1.0.0-", false),
    ("1.0.0+", false),
    ("1.0.0-a..b", false),
    ("1.0.0 ", false),
    (" 1.0.0", false),
    ("v1.0.0", false),
    ("1.0.0\n", false),
    ("١.0.0", false),
];

const REQUIREMENTS: [(&str, bool); 30] = [
    ("*", true),
    ("x", true),
    (" X ", true),
    ("1", true),
    ("^1", true),
    ("=1.0.0", true),
    ("~1.2", true),
    (">= 1.2, <2", true),
    ("1.*", true),
    ("1.*.*", true),
    ("1.2.x", true),
    ("^1.2.3-rc.1+b", true),
    ("<=1.2.3-0", true),
    ("> 0", true),
    ("1 ,2", true),
    ("", false),
    ("  ", false),
    ("1,", false),
    ("*, 1", false),
    ("1, *", false),
    ("1.*.2", false),
    ("1.*-rc", false),
    ("1.2-rc", false),
    ("> =1", false),
    ("=>1", false),
    ("v1", false),
    ("01", false),
    ("1 2", false),
    ("\t1", false),
    ("x.1", false),
];

/// Language tags (RFC 5646): the three forms of `Language-Tag`, either
/// case, and malformed ones. Not here: a variant or singleton given twice,
/// which the crate refuses and the pattern cannot (`schemas/README.md`).
const LANGUAGE_TAGS: [(&str, bool); 26] = [
    ("en", true),
    ("de-AT", true),
    ("sr-latn-rs", true),
    ("en-x-foo", true),
    ("x-private", true),
    ("X-A-12345678", true),
    ("i-klingon", true),
    ("I-KLINGON", true),
    ("en-GB-oed", true),
    ("en-gb-OED", true),
    ("sgn-CH-DE", true),
    ("i-default", true),
    ("zh-min-nan", true),
    ("art-lojban", true),
    ("x", false),
    ("x-", false),
    ("x-123456789", false),
    ("i-foo", false),
    ("i-klingon-x-a", false),
    ("en-GB-oed-x-a", false),
    ("sgn-BE-DE", false),
    ("a-bc", false),
    ("de_AT", false),
    ("engl", false),
    ("", false),
    ("i-klingo", false),
];

#[test]
fn language_tag_pattern_on_chosen_strings() {
    let validator = pattern("framework", "LanguageTag");
    let mut failures = Vec::new();
    for (text, expected) in LANGUAGE_TAGS {
        assert_eq!(LanguageTag::new(text).is_ok(), expected, "{text:?}");
        failures.extend(agree(&validator, text, expected).err());
    }
    assert_eq!(failures, Vec::<String>::new());
}

#[test]
fn version_pattern_on_chosen_strings() {
    let validator = &*VERSION;
    let mut failures = Vec::new();
    for (text, expected) in VERSIONS {
        assert_eq!(semver::Version::parse(text).is_ok(), expected, "{text:?}");
        failures.extend(agree(validator, text, expected).err());
    }
    assert_eq!(failures, Vec::<String>::new());
}

#[test]
fn requirement_pattern_on_chosen_strings() {
    let validator = &*REQUIREMENT;
    let mut failures = Vec::new();
    for (text, expected) in REQUIREMENTS {
        assert_eq!(
            semver::VersionReq::parse(text).is_ok(),
            expected,
            "{text:?}"
        );
        failures.extend(agree(validator, text, expected).err());
    }
    // 32 comparators are the most semver reads.
    let many = |n: usize| vec!["1"; n].join(",");
    for (text, expected) in [(many(32), true), (many(33), false)] {
        assert_eq!(semver::VersionReq::parse(&text).is_ok(), expected);
        failures.extend(agree(validator, &text, expected).err());
    }
    assert_eq!(failures, Vec::<String>::new());
}

/// Strings made of the pieces of versions and requirements, so that many
/// of them are valid and the rest are near misses.
fn pieces() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "0", "1", "9", "01", "12", ".", ".", "*", "x", "X", "-", "+", "a", "Z", "^", "~", "=", ">",
        "<", ",", " ", "1.2.3", "-rc.1", "+b.01", ".0",
    ]);
    prop::collection::vec(piece, 0..8).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn version_pattern_agrees_with_semver(text in pieces()) {
        let validator = &*VERSION;
        let parses = semver::Version::parse(&text).is_ok();
        prop_assert_eq!(agree(validator, &text, parses), Ok(()));
    }

    #[test]
    fn requirement_pattern_agrees_with_semver(text in pieces()) {
        let validator = &*REQUIREMENT;
        let parses = semver::VersionReq::parse(&text).is_ok();
        prop_assert_eq!(agree(validator, &text, parses), Ok(()));
    }
}

fn iso_date(text: &str) -> bool {
    text.parse::<IsoDate>().is_ok()
}

#[test]
fn date_pattern_agrees_with_iso_date() {
    let validator = &pattern("peer-review", "IsoDate");
    let mut failures = Vec::new();
    // Every month and day, and the edges around them, in years of every
    // leap rule: divisible by 400, by 100 only, by 4 only, by none.
    for year in [
        "0000", "0004", "0100", "0400", "1900", "2000", "2011", "2012", "9996", "9999",
    ] {
        for month in 0..=13 {
            for day in 0..=32 {
                let text = format!("{year}-{month:02}-{day:02}");
                failures.extend(agree(validator, &text, iso_date(&text)).err());
            }
        }
    }
    // 29 February of every year.
    for year in 0..=9999 {
        let text = format!("{year:04}-02-29");
        failures.extend(agree(validator, &text, iso_date(&text)).err());
    }
    for text in [
        "2011-1-01",
        "2011-01-1",
        "20110101",
        "2011/01/01",
        " 2011-01-01",
        "+2011-01-01",
    ] {
        failures.extend(agree(validator, text, false).err());
    }
    assert_eq!(failures, Vec::<String>::new());
    // Checked by hand: 2000 and 0000 are leap years, 1900 and 2100 are not.
    for (text, leap) in [
        ("2000-02-29", true),
        ("0000-02-29", true),
        ("1900-02-29", false),
        ("2100-02-29", false),
    ] {
        assert_eq!(validator.is_valid(&Value::from(text)), leap, "{text}");
    }
}
