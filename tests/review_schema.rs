//! The committed `PeerReview` schema (checked for drift by `tests/schema.rs`)
//! accepts a full review document and rejects typos and malformed dates.
#![cfg(feature = "schema")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::{Value, json};

fn validator() -> jsonschema::Validator {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/peer-review.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn example() -> Value {
    json!({
        "framework": { "id": "impart-core", "version": "^1" },
        "subject": { "name": "Job coaching", "kind": "project", "attributes": { "country": "SE" } },
        "theme": "employer engagement",
        "module": { "id": "impart-employer-engagement", "version": "^1" },
        "peers": {
            "peer-de": { "name": "Anna", "organisation": "ESF agency", "country": "DE" },
            "peer-pl": { "name": "Piotr" }
        },
        "context": {
            "baseline": {
                "socio_economic_context": "High youth unemployment.",
                "policy_setting": "Introduction programme.",
                "funding_activity": "Three ESF projects."
            },
            "project_report": "Runs since 2010.",
            "desk_review": ["Plans are clear.", "No monitoring data."]
        },
        "visit": {
            "place": "Malmö", "start": "2011-10-12", "end": "2011-10-14",
            "counterparts": [{ "role": "project manager", "name": "E.", "organisation": "City" }]
        },
        "assessments": {
            "peer-de": {
                "framework": { "id": "impart-core", "version": "^1" },
                "subject": { "name": "Job coaching" },
                "ratings": { "needs-assessment-1": { "value": { "level": 2 }, "note": "Seen." } }
            }
        },
        "feedback": ["Keep the single contact person."],
        "findings": [{ "kind": "risk", "criterion": "monitoring-evaluation", "text": "No follow-up." }]
    })
}

#[test]
fn accepts_a_full_review_that_the_crate_reads() {
    let errors: Vec<String> = validator()
        .iter_errors(&example())
        .map(|e| e.to_string())
        .collect();
    assert_eq!(errors, Vec::<String>::new());
    let review: assessment_model::PeerReview = serde_json::from_value(example()).unwrap();
    assert!(review.issues().is_empty());
    let back = serde_json::to_value(&review).unwrap();
    assert!(validator().is_valid(&back));
}

#[test]
fn rejects_typos_and_malformed_dates() {
    let mut doc = example();
    doc["visit"]["plaec"] = json!("typo");
    assert!(!validator().is_valid(&doc));
    let mut doc = example();
    doc["context"]["baseline"]["policy"] = json!("typo");
    assert!(!validator().is_valid(&doc));
    let mut doc = example();
    doc["visit"]["start"] = json!("12/10/2011");
    assert!(!validator().is_valid(&doc));
    assert!(serde_json::from_value::<assessment_model::PeerReview>(doc).is_err());
    let mut doc = example();
    doc["peers"]["Peer DE"] = json!({ "name": "X" });
    assert!(serde_json::from_value::<assessment_model::PeerReview>(doc).is_err());
}
