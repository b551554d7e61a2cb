//! The committed JSON Schemas (`schemas/`) read back and compiled by an
//! independent validator (the `jsonschema` crate) as strictly as draft
//! 2020-12 allows: formats asserted, an unknown format refused, and every
//! keyword checked against the draft's vocabularies.
#![allow(dead_code)]

use std::path::PathBuf;

use jsonschema::{Draft, Validator};
use serde_json::{Value, json};

/// The stems of the committed schemas (`schemas/<stem>.schema.json`).
pub const STEMS: [&str; 9] = [
    "framework",
    "assessment",
    "profile",
    "mapping",
    "peer-review",
    "report",
    "localization",
    "action-plan",
    "explanation",
];

/// The committed schema `schemas/<stem>.schema.json`.
pub fn committed(stem: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("schemas")
        .join(format!("{stem}.schema.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The `$id` of the committed schema `stem`.
pub fn id(stem: &str) -> String {
    committed(stem)["$id"]
        .as_str()
        .unwrap_or_else(|| panic!("{stem}.schema.json has no $id"))
        .to_owned()
}

/// Compiles `schema` as draft 2020-12 with format assertion on and unknown
/// formats refused.
///
/// # Errors
///
/// The compiler's message when the schema does not compile.
pub fn strict(schema: &Value) -> Result<Validator, String> {
    jsonschema::options()
        .with_draft(Draft::Draft202012)
        .should_validate_formats(true)
        .should_ignore_unknown_formats(false)
        .build(schema)
        .map_err(|e| e.to_string())
}

/// The strict validator of the committed schema `stem`.
pub fn validator(stem: &str) -> Validator {
    strict(&committed(stem)).unwrap_or_else(|e| panic!("{stem}.schema.json: {e}"))
}

/// Every error `validator` finds in `doc`, with where it is.
pub fn errors(validator: &Validator, doc: &Value) -> Vec<String> {
    validator
        .iter_errors(doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

/// The keywords of `schema`, at any depth, that no vocabulary of draft
/// 2020-12 defines: the draft's meta-schema with `unevaluatedProperties:
/// false` added, which its `$dynamicRef`s carry into every subschema (the
/// "strict" meta-schema the jsonschema crate documents).
pub fn unknown_keywords(schema: &Value) -> Vec<String> {
    let meta = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:assessment-model:test:strict-meta-schema",
        "$dynamicAnchor": "meta",
        "$ref": "https://json-schema.org/draft/2020-12/schema",
        "unevaluatedProperties": false
    });
    let meta = jsonschema::options()
        .with_draft(Draft::Draft202012)
        .build(&meta)
        .expect("the strict meta-schema compiles");
    errors(&meta, schema)
}
