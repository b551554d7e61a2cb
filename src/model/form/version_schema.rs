//! The JSON Schema of the `semver` fields of the documents, given to
//! schemars with `schemars(with = "…")`: a version and a version
//! requirement as patterns that the `semver` crate's parsers accept.

use schemars::{JsonSchema, Schema, SchemaGenerator};

/// A numeric identifier of a semantic version: `0` or digits without a
/// leading zero.
const NUMBER: &str = "(?:0|[1-9][0-9]*)";
/// A pre-release: dot-separated identifiers, numeric ones without a
/// leading zero.
const PRE: &str = r"(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*))*";
/// Build metadata: dot-separated identifiers, leading zeros allowed.
const BUILD: &str = r"[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*";
/// A wildcard in a version requirement.
const WILDCARD: &str = "[*xX]";

/// The pattern of a semantic version (SemVer 2.0.0 as `semver::Version`
/// reads it), in `[0-9]` rather than `\d`, which some regex engines take
/// to mean any Unicode digit.
fn version_pattern() -> String {
    format!(r"^{NUMBER}\.{NUMBER}\.{NUMBER}(?:-{PRE})?(?:\+{BUILD})?$")
}

/// The pattern of a version requirement as `semver::VersionReq` reads it
/// (Cargo's syntax): `*` alone, or 1 to 32 comparators separated by commas,
/// each an optional operator and a version whose minor and patch may be
/// missing or wildcards; spaces (only U+0020) around them.
fn requirement_pattern() -> String {
    let comparator = format!(
        r"(?:=|>=?|<=?|~|\^)? *{NUMBER}(?:\.(?:{WILDCARD}(?:\.{WILDCARD})?|{NUMBER}(?:\.(?:{WILDCARD}|{NUMBER}(?:-{PRE})?(?:\+{BUILD})?))?))? *"
    );
    format!("^ *(?:{WILDCARD} *|{comparator}(?:, *{comparator}){{0,31}})$")
}

/// The schema of a `semver::Version` field (`schemars(with = …)`).
pub(crate) struct SemVer;

impl JsonSchema for SemVer {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Version".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        schemars::json_schema!({
            "description": "A semantic version (SemVer 2.0.0), such as `1.2.0` or `2.0.0-rc.1`.",
            "type": "string",
            "pattern": version_pattern()
        })
    }
}

/// The schema of a `semver::VersionReq` field (`schemars(with = …)`).
pub(crate) struct SemVerReq;

impl JsonSchema for SemVerReq {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "VersionReq".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        schemars::json_schema!({
            "description": "A version requirement in Cargo's syntax, such as `^1`, `=1.0.0`, `>=1.2, <2` or `*`.",
            "type": "string",
            "pattern": requirement_pattern()
        })
    }
}
