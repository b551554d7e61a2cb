#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The committed schemas of `Profile` and `Mapping` accept the documents the
//! crate reads and reject misspelt fields and unknown relations.

use std::path::PathBuf;

use serde_json::{Value, json};

fn validator(name: &str) -> jsonschema::Validator {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("schemas")
        .join(format!("{name}.schema.json"));
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn profile() -> Value {
    json!({
        "id": "region-x", "title": "Region X",
        "framework": { "id": "impart-core", "version": "^1" },
        "include": [{ "id": "needs-assessment" }, { "id": "migrant-voice", "subtree": false }],
        "exclude": [{ "id": "migrant-voice-4" }],
        "weights": { "needs-assessment": 2.0 },
        "scored": { "migrant-voice-1": false },
        "not_applicable": { "needs-assessment-3": "No independent data exist in the region." }
    })
}

fn mapping() -> Value {
    json!({
        "id": "old-to-new", "title": "Old to new",
        "from": { "id": "old", "version": "^1" },
        "to": { "id": "new", "version": "^2" },
        "entries": [{ "from": ["a", "b"], "to": "x", "relation": "subset", "rationale": "Why." }],
        "unmapped_from": { "c": "Dropped." },
        "unmapped_to": { "y": "New." }
    })
}

#[test]
fn schemas_accept_the_documents_the_crate_reads() {
    let _: assessment_model::Profile = serde_json::from_value(profile()).unwrap();
    let _: assessment_model::Mapping = serde_json::from_value(mapping()).unwrap();
    assert!(validator("profile").is_valid(&profile()));
    assert!(validator("mapping").is_valid(&mapping()));
}

#[test]
fn schemas_reject_misspelt_fields_and_unknown_relations() {
    let mut doc = profile();
    doc["exclued"] = json!([]);
    assert!(!validator("profile").is_valid(&doc));
    assert!(serde_json::from_value::<assessment_model::Profile>(doc).is_err());

    let mut doc = profile();
    doc["include"][0]["subtre"] = json!(true);
    assert!(!validator("profile").is_valid(&doc));

    let mut doc = mapping();
    doc["entries"][0]["relation"] = json!("similar");
    assert!(!validator("mapping").is_valid(&doc));
    assert!(serde_json::from_value::<assessment_model::Mapping>(doc).is_err());

    let mut doc = mapping();
    doc["entries"][0]["to"] = json!("Not An Id");
    assert!(!validator("mapping").is_valid(&doc));
}
