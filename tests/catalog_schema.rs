//! Every committed export under `catalogs/` validates against the committed
//! JSON Schema (`schemas/`) with an independent validator (the `jsonschema`
//! crate).
#![cfg(feature = "schema")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use serde_json::Value;

fn load(dir: &str, name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir).join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

fn check(schema: &str, export: &str) {
    let validator = jsonschema::validator_for(&load("schemas", schema)).unwrap();
    let doc = load("catalogs", export);
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "catalogs/{export}: {errors:#?}");
}

#[test]
fn framework_exports_validate_against_the_framework_schema() {
    for export in [
        "good-practice-criteria.json",
        "impart-core.json",
        "profint-io1.json",
        "profint-io2.json",
        "profint-learning-grid.json",
    ] {
        check("framework.schema.json", export);
    }
}

#[test]
fn worked_example_validates_against_the_assessment_schema() {
    check(
        "assessment.schema.json",
        "good-practice-worked-example.json",
    );
}

#[test]
fn the_schema_rejects_a_tampered_export() {
    let validator = jsonschema::validator_for(&load("schemas", "framework.schema.json")).unwrap();
    let mut doc = load("catalogs", "impart-core.json");
    doc["criteria"][0]["critcal"] = Value::Bool(true);
    assert!(!validator.is_valid(&doc));
}
