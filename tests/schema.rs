//! The committed JSON Schemas under `schemas/` match the code, compile in a
//! strict draft 2020-12 validator, and that validator (the `jsonschema`
//! crate, formats asserted) accepts the crate's own example documents with
//! them and rejects misspelt fields.
//!
//! Regenerate the committed files with `BLESS=1 cargo test --test schema`.
#![cfg(feature = "schema")]
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use std::path::PathBuf;

use serde_json::{Value, json};
use validator::{errors, validator};

mod validator;

fn committed(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("schemas")
        .join(format!("{name}.schema.json"))
}

fn render(schema: &schemars::Schema) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap();
    text.push('\n');
    text
}

#[test]
fn committed_schemas_match_the_code() {
    let bless = std::env::var_os("BLESS").is_some();
    let mut stale = Vec::new();
    for (name, schema) in assessment_model::schema::all() {
        let path = committed(name);
        let fresh = render(&schema);
        if bless {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            // Write then rename, so tests reading the file never see half of it.
            let temporary = path.with_extension("json.tmp");
            std::fs::write(&temporary, &fresh).unwrap();
            std::fs::rename(&temporary, &path).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(fresh.as_str()) {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "the committed schemas differ from what the code generates: {}\n\
         regenerate them with `BLESS=1 cargo test --test schema` and review the diff",
        stale.join(", ")
    );
}

/// A framework using every kind of scale, facets, rules and nesting.
fn example_framework() -> Value {
    json!({
        "id": "example", "version": "1.0.0", "title": "Example",
        "description": "A framework that uses every part of the format.",
        "provenance": {
            "network": "Example network", "document": "Example guide", "year": "2009-12",
            "notes": ["Titles verbatim."],
            "derived_from": [{ "kind": "base", "id": "base", "version": "1.0.0" }]
        },
        "scales": {
            "tick": { "type": "binary", "title": "Met" },
            "importance": { "type": "ordinal", "levels": [
                { "id": "not-important", "value": 1, "label": "not important" },
                { "id": "important", "value": 2, "label": "important", "description": "matters" },
                { "id": "very-important", "value": 3, "label": "very important" }
            ]},
            "delay": { "type": "numeric", "min": 0.0, "max": 10.0,
                       "direction": "lower_is_better", "unit": "weeks" }
        },
        "facets": { "stakeholder": { "title": "Stakeholder", "values": {
            "beneficiaries": { "title": "Beneficiaries" },
            "partners": { "title": "Partners", "description": "Other organisations" }
        }}},
        "rules": {
            "aggregation": "weighted_mean", "missing": "exclude", "min_coverage": 0.5,
            "bands": [
                { "id": "weak", "label": "weak", "from": 0.0 },
                { "id": "strong", "label": "strong", "from": 0.75 }
            ],
            "risk_below": 0.5, "strength_at": 0.75, "critical_caps_band": "weak"
        },
        "requires": [{ "id": "base", "version": "^1" }],
        "criteria": [
            { "id": "area", "title": "Area", "critical": true, "aggregation": "minimum",
              "tags": { "stakeholder": "beneficiaries" }, "source": "p. 3",
              "children": [
                  { "id": "a-1", "title": "A1", "scale": "tick", "weight": 2.0 },
                  { "id": "a-2", "title": "A2", "scale": "importance", "scored": false,
                    "tags": { "stakeholder": "partners" } }
              ]},
            { "id": "b", "title": "B", "scale": "delay", "not_applicable": "Not in this region." }
        ]
    })
}

fn example_assessment() -> Value {
    json!({
        "framework": { "id": "example", "version": "=1.0.0" },
        "subject": { "name": "A project", "kind": "project",
                     "attributes": { "country": "FR", "theme": "employment" } },
        "assessors": [{ "name": "A. Peer", "organisation": "Org", "country": "DE" }],
        "ratings": {
            "a-1": { "value": "met", "evidence": [
                { "kind": "document", "description": "Annual report", "reference": "p. 4" },
                { "kind": "desk_review", "description": "Plans" }
            ], "note": "Clear." },
            "a-2": { "value": { "level": 2 } },
            "b": { "value": { "number": 3.5 } },
            "c": { "value": "not_applicable" },
            "d": { "value": "not_met" }
        },
        "narratives": { "area": "Strong on paper." },
        "findings": [
            { "kind": "risk", "criterion": "a-2", "text": "No partners yet." },
            { "kind": "strength", "text": "Committed staff." }
        ]
    })
}

#[test]
fn the_examples_are_documents_the_crate_reads() {
    let framework: assessment_model::Framework =
        serde_json::from_value(example_framework()).unwrap();
    assert_eq!(framework.issues(), []);
    let _: assessment_model::Assessment = serde_json::from_value(example_assessment()).unwrap();
}

#[test]
fn the_schemas_accept_the_examples() {
    assert_eq!(
        errors(&validator("framework"), &example_framework()),
        Vec::<String>::new()
    );
    assert_eq!(
        errors(&validator("assessment"), &example_assessment()),
        Vec::<String>::new()
    );
    // Serialised documents too (defaults omitted).
    let framework: assessment_model::Framework =
        serde_json::from_value(example_framework()).unwrap();
    let serialised = serde_json::to_value(&framework).unwrap();
    assert_eq!(
        errors(&validator("framework"), &serialised),
        Vec::<String>::new()
    );
}

#[test]
fn the_schemas_reject_a_misspelt_field() {
    let mut doc = example_framework();
    doc["criteria"][0]["children"][1]["titel"] = json!("typo");
    let found = errors(&validator("framework"), &doc);
    assert!(!found.is_empty());
    assert!(serde_json::from_value::<assessment_model::Framework>(doc).is_err());

    let mut doc = example_framework();
    doc["scales"]["tick"]["titel"] = json!("typo");
    assert!(!validator("framework").is_valid(&doc));

    let mut doc = example_assessment();
    doc["ratings"]["a-1"]["evidence"][0]["descripton"] = json!("typo");
    assert!(!validator("assessment").is_valid(&doc));
}

#[test]
fn the_schemas_reject_a_malformed_id_and_a_wrong_type() {
    let mut doc = example_framework();
    doc["criteria"][1]["id"] = json!("Not An Id");
    assert!(!validator("framework").is_valid(&doc));
    let mut doc = example_framework();
    doc["criteria"][1]["weight"] = json!("heavy");
    assert!(!validator("framework").is_valid(&doc));
    let mut doc = example_assessment();
    doc["ratings"]["a-1"]["value"] = json!("meet");
    assert!(!validator("assessment").is_valid(&doc));
    // A key of a map keyed by id: 64 bytes at most, as the crate reads it.
    for (len, valid) in [(64, true), (65, false)] {
        let mut doc = example_assessment();
        doc["narratives"]["a".repeat(len)] = json!("Long key.");
        assert_eq!(validator("assessment").is_valid(&doc), valid, "{len}");
        let read = serde_json::from_value::<assessment_model::Assessment>(doc);
        assert_eq!(read.is_ok(), valid, "{len}");
    }
}

#[test]
fn the_assessment_schema_takes_a_level_by_id_or_by_value() {
    let with_level = |level: Value| {
        let mut doc = example_assessment();
        doc["ratings"]["a-2"]["value"] = json!({ "level": level });
        doc
    };
    for level in [json!("important"), json!(2), json!(-7)] {
        let doc = with_level(level.clone());
        assert_eq!(
            errors(&validator("assessment"), &doc),
            Vec::<String>::new(),
            "{level}"
        );
        // The crate reads what the schema accepts.
        serde_json::from_value::<assessment_model::Assessment>(doc).unwrap();
    }
    for level in [json!("Important"), json!(2.5), json!(true), json!(null)] {
        let doc = with_level(level.clone());
        assert!(!validator("assessment").is_valid(&doc), "{level}");
        assert!(
            serde_json::from_value::<assessment_model::Assessment>(doc).is_err(),
            "{level}"
        );
    }
}

#[test]
fn doc_comments_become_descriptions() {
    let schema = serde_json::to_value(assessment_model::schema::framework()).unwrap();
    let description = schema["description"].as_str().unwrap();
    assert!(
        description.starts_with("A versioned definition of what is assessed"),
        "{description}"
    );
    assert_eq!(schema["additionalProperties"], json!(false));
    assert_eq!(
        schema["$defs"]["Criterion"]["additionalProperties"],
        json!(false)
    );
    let required: Vec<&str> = schema["$defs"]["Criterion"]["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(required, ["id", "title"]);
    assert_eq!(
        schema["$defs"]["Id"]["pattern"],
        json!("^[a-z0-9]+(-[a-z0-9]+)*$")
    );
}

#[test]
fn the_schemas_accept_every_catalogue_export_and_built_in_framework() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("catalogs");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let kind = if doc.get("criteria").is_some() {
            "framework"
        } else {
            "assessment"
        };
        assert_eq!(
            errors(&validator(kind), &doc),
            Vec::<String>::new(),
            "{}",
            path.display()
        );
        checked += 1;
    }
    assert!(checked >= 6, "only {checked} exports under catalogs/");
    let framework = validator("framework");
    for built_in in assessment_model::catalog::frameworks() {
        let doc = serde_json::to_value(&built_in).unwrap();
        assert_eq!(
            errors(&framework, &doc),
            Vec::<String>::new(),
            "{}",
            built_in.id
        );
    }
}

#[test]
fn every_schema_compiles_in_a_strict_draft_2020_12_validator() {
    let stems: Vec<&str> = assessment_model::schema::all()
        .iter()
        .map(|(stem, _)| *stem)
        .collect();
    assert_eq!(stems, validator::STEMS);
    for stem in validator::STEMS {
        let schema = validator::committed(stem);
        assert_eq!(
            schema["$schema"],
            json!("https://json-schema.org/draft/2020-12/schema"),
            "{stem}"
        );
        assert_eq!(
            schema["$id"],
            json!(format!("urn:assessment-model:schema:{stem}:1")),
            "{stem}"
        );
        if let Err(e) = validator::strict(&schema) {
            panic!("{stem}.schema.json does not compile strictly: {e}");
        }
        assert_eq!(
            validator::unknown_keywords(&schema),
            Vec::<String>::new(),
            "{stem}"
        );
    }
}

#[test]
fn the_strict_checks_can_fail() {
    // What the report schema had before: a format outside draft 2020-12.
    let uint = json!({ "type": "integer", "format": "uint", "minimum": 0 });
    assert!(validator::strict(&uint).is_err());
    // A keyword no vocabulary defines, deep inside (the parents of the
    // subschema that fails are reported too); without it, nothing.
    let mut typo = json!({
        "$defs": { "A": { "type": "object", "properties": { "x": { "type": "string", "minSize": 1 } } } }
    });
    let found = validator::unknown_keywords(&typo);
    assert!(
        found
            .iter()
            .any(|e| e.contains("'minSize' was unexpected")
                && e.ends_with("at /$defs/A/properties/x")),
        "{found:?}"
    );
    typo["$defs"]["A"]["properties"]["x"]
        .as_object_mut()
        .unwrap()
        .remove("minSize");
    assert_eq!(validator::unknown_keywords(&typo), Vec::<String>::new());
    // Formats are asserted: an impossible date is refused.
    let date = validator::strict(&json!({ "type": "string", "format": "date" })).unwrap();
    assert!(!date.is_valid(&json!("2011-02-29")));
    assert!(date.is_valid(&json!("2012-02-29")));
}

#[test]
fn no_schema_keeps_a_non_standard_number_format() {
    for (stem, schema) in assessment_model::schema::all() {
        let text = serde_json::to_string(&schema).unwrap();
        for format in ["uint", "int32", "double", "float", "int64"] {
            assert!(
                !text.contains(&format!("\"format\":\"{format}")),
                "{stem} keeps format {format}"
            );
        }
    }
    // u32 and usize fields keep their ranges as standard keywords.
    let report = serde_json::to_value(assessment_model::schema::report()).unwrap();
    assert_eq!(
        report["$defs"]["Counts"]["properties"]["leaves"],
        json!({
            "description": report["$defs"]["Counts"]["properties"]["leaves"]["description"],
            "type": "integer",
            "minimum": 0,
            "maximum": 18_446_744_073_709_551_615_u64
        })
    );
    let framework = serde_json::to_value(assessment_model::schema::framework()).unwrap();
    let value = &framework["$defs"]["Level"]["properties"]["value"];
    assert_eq!(value["minimum"], json!(-2_147_483_648_i64));
    assert_eq!(value["maximum"], json!(2_147_483_647));
}

#[test]
fn the_explanation_schema_accepts_every_explanation_and_rejects_a_misspelt_field() {
    // Every method, rating kind and reason to leave a child out, with
    // missing leaves counted as 0 and a group cut out by coverage.
    let framework: assessment_model::Framework = serde_json::from_value(json!({
        "id": "explained", "version": "1.0.0", "title": "Explained",
        "scales": {
            "tick": { "type": "binary" },
            "grade": { "type": "ordinal", "levels": [
                { "id": "low", "value": 1, "label": "low" },
                { "id": "high", "value": 3, "label": "high" }
            ]},
            "share": { "type": "numeric", "min": 0, "max": 10 }
        },
        "rules": { "aggregation": "minimum", "missing": "zero", "min_coverage": 0.5 },
        "criteria": [
            { "id": "g", "title": "G", "aggregation": "geometric_mean", "children": [
                { "id": "a", "title": "A", "scale": "tick" },
                { "id": "b", "title": "B", "scale": "grade" },
                { "id": "c", "title": "C", "scale": "share", "weight": 0 },
                { "id": "d", "title": "D", "scale": "tick", "scored": false }
            ]},
            { "id": "h", "title": "H", "aggregation": "flat", "children": [
                { "id": "e", "title": "E", "scale": "tick" },
                { "id": "f", "title": "F", "scale": "tick" },
                { "id": "i", "title": "I", "scale": "tick" }
            ]},
            { "id": "n", "title": "N", "scale": "tick" }
        ]
    }))
    .unwrap();
    let scorer = assessment_model::Scorer::new(&framework).unwrap();
    let mut assessment = assessment_model::Assessment::new(
        framework.exact_ref(),
        assessment_model::Subject::new("S"),
    );
    use assessment_model::RatingValue;
    assessment.rate("a", RatingValue::Met).unwrap();
    assessment
        .rate(
            "b",
            RatingValue::Level("high".parse::<assessment_model::Id>().unwrap().into()),
        )
        .unwrap();
    assessment.rate("c", RatingValue::Number(2.5)).unwrap();
    assessment.rate("e", RatingValue::NotMet).unwrap();
    assessment.rate("n", RatingValue::NotApplicable).unwrap();
    let report = scorer.score(&assessment).unwrap();
    let validator = validator("explanation");
    let mut explanations = vec![report.explain_total()];
    explanations.extend(report.nodes().map(|n| report.explain(n.id()).unwrap()));
    for explanation in &explanations {
        let doc = serde_json::to_value(explanation).unwrap();
        assert_eq!(errors(&validator, &doc), Vec::<String>::new(), "{doc}");
    }
    // Between them, they use every part of the form.
    let all = serde_json::to_string(&explanations).unwrap();
    for part in [
        "\"left_out\"",
        "\"missing_as_zero\"",
        "\"min_coverage\"",
        "\"rating\"",
        "\"decided_by\"",
    ] {
        assert!(all.contains(part), "{part} in {all}");
    }
    let mut doc = serde_json::to_value(report.explain_total()).unwrap();
    doc["scroe"] = json!(1.0);
    assert!(!validator.is_valid(&doc));
}
