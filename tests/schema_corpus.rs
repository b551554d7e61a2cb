//! The committed schemas against every committed document, with a strict
//! draft 2020-12 validator (formats asserted, `tests/validator`):
//!
//! - every document the crate reads (catalogue exports, the documents of
//!   the conformance envelopes, the fuzz seeds) names its schema with
//!   `"$schema"`, validates against it, and is still read, keeping the
//!   name on a round trip;
//! - every conformance document (and fuzz seed) the crate rejects while
//!   parsing, its schema rejects too, but for those the conformance README
//!   lists as beyond what JSON Schema can express.
#![cfg(feature = "schema")]
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use assessment_model::{
    ActionPlan, Assessment, Framework, Issue, Localization, Mapping, PeerReview, Profile,
    from_deserializer,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

mod corpus;
mod validator;

/// The kinds of document the corpus holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Framework,
    Assessment,
    Profile,
    Mapping,
    PeerReview,
    Localization,
    ActionPlan,
}

impl Kind {
    fn stem(self) -> &'static str {
        match self {
            Kind::Framework => "framework",
            Kind::Assessment => "assessment",
            Kind::Profile => "profile",
            Kind::Mapping => "mapping",
            Kind::PeerReview => "peer-review",
            Kind::Localization => "localization",
            Kind::ActionPlan => "action-plan",
        }
    }

    /// Reads the JSON `text` as this kind through [`from_deserializer`]
    /// (trailing characters refused); the document serialised again.
    fn read(self, text: &str) -> Result<Value, Vec<Issue>> {
        fn read<T: DeserializeOwned + Serialize>(text: &str) -> Result<Value, Vec<Issue>> {
            let mut de = serde_json::Deserializer::from_str(text);
            let document: T = from_deserializer(&mut de).map_err(|e| e.into_issues())?;
            de.end().map_err(|e| vec![Issue::new("", invalid(e))])?;
            Ok(serde_json::to_value(&document).unwrap())
        }
        match self {
            Kind::Framework => read::<Framework>(text),
            Kind::Assessment => read::<Assessment>(text),
            Kind::Profile => read::<Profile>(text),
            Kind::Mapping => read::<Mapping>(text),
            Kind::PeerReview => read::<PeerReview>(text),
            Kind::Localization => read::<Localization>(text),
            Kind::ActionPlan => read::<ActionPlan>(text),
        }
    }
}

fn invalid(e: impl std::fmt::Display) -> assessment_model::IssueKind {
    assessment_model::IssueKind::InvalidDocument {
        message: e.to_string(),
    }
}

/// One committed document: where it is, what it is, its JSON text.
struct Document {
    origin: String,
    kind: Kind,
    text: String,
}

fn document(origin: String, kind: Kind, value: &Value) -> Document {
    Document {
        origin,
        kind,
        text: serde_json::to_string(value).unwrap(),
    }
}

/// The kind of the document of a conformance envelope of `kind`, where it
/// is a single document.
fn envelope_kind(kind: &str) -> Option<Kind> {
    match kind {
        "framework" => Some(Kind::Framework),
        "assessment" => Some(Kind::Assessment),
        "profile" => Some(Kind::Profile),
        "peer_review" => Some(Kind::PeerReview),
        "localization" => Some(Kind::Localization),
        "action_plan" => Some(Kind::ActionPlan),
        _ => None,
    }
}

/// The documents of a conformance envelope, the one under test included
/// (after its `expand` directives).
fn envelope_documents(file: &str, envelope: &Value) -> Vec<Document> {
    let mut out = Vec::new();
    let mut part = |key: &str, kind: Kind, value: &Value| {
        out.push(document(format!("{file} {key}"), kind, value));
    };
    for (key, kind) in [
        ("framework", Kind::Framework),
        ("assessment", Kind::Assessment),
        ("localization", Kind::Localization),
        ("action_plan", Kind::ActionPlan),
    ] {
        if let Some(value) = envelope.get(key) {
            part(key, kind, value);
        }
    }
    let kind = envelope
        .get("kind")
        .and_then(Value::as_str)
        .unwrap_or("valid");
    if let Some(text) = envelope.get("document_text").and_then(Value::as_str) {
        let kind = envelope_kind(kind).unwrap();
        out.push(Document {
            origin: format!("{file} document_text"),
            kind,
            text: text.to_owned(),
        });
        return out;
    }
    let Some(mut doc) = envelope.get("document").cloned() else {
        return out;
    };
    if let Some(directives) = envelope.get("expand") {
        corpus::expand(&mut doc, directives.as_array().unwrap());
    }
    if let Some(kind) = envelope_kind(kind) {
        part("document", kind, &doc);
        return out;
    }
    for (key, kind) in [
        ("mapping", Kind::Mapping),
        ("source", Kind::Framework),
        ("target", Kind::Framework),
        ("assessment", Kind::Assessment),
        ("base", Kind::Framework),
    ] {
        if let Some(value) = doc.get(key) {
            part(&format!("document/{key}"), kind, value);
        }
    }
    for (i, module) in doc["modules"].as_array().into_iter().flatten().enumerate() {
        part(&format!("document/modules/{i}"), Kind::Framework, module);
    }
    out
}

/// Every committed JSON document: catalogue exports, conformance
/// envelopes' documents, JSON fuzz seeds.
fn documents() -> Vec<Document> {
    let mut out = Vec::new();
    for (name, text) in corpus::texts("catalogs", ".json") {
        let value: Value = serde_json::from_str(&text).unwrap();
        let kind = if value.get("criteria").is_some() {
            Kind::Framework
        } else {
            Kind::Assessment
        };
        out.push(Document {
            origin: format!("catalogs/{name}"),
            kind,
            text,
        });
    }
    for dir in ["valid", "invalid"] {
        for (name, text) in corpus::texts(&format!("tests/conformance/{dir}"), ".json") {
            let envelope: Value = serde_json::from_str(&text).unwrap();
            out.extend(envelope_documents(
                &format!("conformance/{dir}/{name}"),
                &envelope,
            ));
        }
    }
    for (target, kind) in [
        ("framework_json", Kind::Framework),
        ("assessment_json", Kind::Assessment),
        ("profile_json", Kind::Profile),
        ("mapping_json", Kind::Mapping),
        ("review_json", Kind::PeerReview),
        ("localization_json", Kind::Localization),
    ] {
        for (name, data) in corpus::files(&format!("tests/seeds/{target}"), "") {
            let Ok(text) = String::from_utf8(data) else {
                continue;
            };
            out.push(Document {
                origin: format!("seeds/{target}/{name}"),
                kind,
                text,
            });
        }
    }
    out
}

/// The strict validator of each kind's committed schema.
fn validators() -> BTreeMap<Kind, jsonschema::Validator> {
    [
        Kind::Framework,
        Kind::Assessment,
        Kind::Profile,
        Kind::Mapping,
        Kind::PeerReview,
        Kind::Localization,
        Kind::ActionPlan,
    ]
    .into_iter()
    .map(|kind| (kind, validator::validator(kind.stem())))
    .collect()
}

/// `value` with `"$schema": id` added at its top level.
fn naming(value: &Value, id: &str) -> Value {
    let mut named = value.clone();
    if let Some(object) = named.as_object_mut() {
        object.insert("$schema".to_owned(), json!(id));
    }
    named
}

#[test]
fn every_document_the_crate_reads_names_its_schema_and_validates() {
    let validators = validators();
    let mut failures = Vec::new();
    let mut checked = BTreeMap::<Kind, usize>::new();
    for doc in documents() {
        if doc.kind.read(&doc.text).is_err() {
            continue;
        }
        let id = validator::id(doc.kind.stem());
        let value: Value = serde_json::from_str(&doc.text).unwrap();
        let named = naming(&value, &id);
        let errors = validator::errors(&validators[&doc.kind], &named);
        if !errors.is_empty() {
            failures.push(format!("{}: {errors:?}", doc.origin));
        }
        match doc.kind.read(&named.to_string()) {
            Ok(read) if read["$schema"] == json!(id) => {}
            Ok(_) => failures.push(format!("{}: \"$schema\" lost on a round trip", doc.origin)),
            Err(issues) => failures.push(format!("{}: with \"$schema\": {issues:?}", doc.origin)),
        }
        *checked.entry(doc.kind).or_default() += 1;
    }
    assert_eq!(failures, Vec::<String>::new());
    // The corpus holds documents of every kind (numbers as of writing,
    // rounded down, so that a corpus that shrinks by accident fails).
    for (kind, at_least) in [
        (Kind::Framework, 150),
        (Kind::Assessment, 60),
        (Kind::Profile, 10),
        (Kind::Mapping, 15),
        (Kind::PeerReview, 8),
        (Kind::Localization, 7),
        (Kind::ActionPlan, 2),
    ] {
        let n = checked.get(&kind).copied().unwrap_or(0);
        assert!(n >= at_least, "{n} {kind:?} documents checked");
    }
}

#[test]
fn every_toml_seed_the_crate_reads_names_its_schema_and_validates() {
    let validator = validator::validator("framework");
    let id = validator::id("framework");
    let mut failures = Vec::new();
    let mut checked = 0;
    for (name, text) in corpus::texts("tests/seeds/framework_toml", ".toml") {
        if from_deserializer::<Framework, _>(toml::Deserializer::parse(&text).unwrap()).is_err() {
            continue;
        }
        // Top-level keys come before the first table, so a first line is
        // at the top level.
        let named = format!("\"$schema\" = {id:?}\n{text}");
        match from_deserializer::<Framework, _>(toml::Deserializer::parse(&named).unwrap()) {
            Ok(framework) if framework.schema.as_deref() == Some(id.as_str()) => {}
            Ok(_) => failures.push(format!("{name}: \"$schema\" lost")),
            Err(e) => failures.push(format!("{name}: with \"$schema\": {e}")),
        }
        let value: toml::Value = toml::from_str(&named).unwrap();
        if !finite(&value) {
            // NaN and infinities, which TOML has and JSON has not: no JSON
            // Schema applies to such a document.
            assert_eq!(name, "nonfinite-bounds.toml");
            continue;
        }
        let errors = validator::errors(&validator, &serde_json::to_value(&value).unwrap());
        if !errors.is_empty() {
            failures.push(format!("{name}: {errors:?}"));
        }
        checked += 1;
    }
    assert_eq!(failures, Vec::<String>::new());
    assert!(checked >= 50, "{checked} TOML seeds checked");
}

/// Whether every float in `value` is finite.
fn finite(value: &toml::Value) -> bool {
    match value {
        toml::Value::Float(x) => x.is_finite(),
        toml::Value::Array(items) => items.iter().all(finite),
        toml::Value::Table(table) => table.values().all(finite),
        _ => true,
    }
}

/// The files the conformance README lists under "What a schema cannot
/// check": rejected by the crate while parsing, accepted by their schema.
fn inexpressible() -> BTreeSet<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let section = readme
        .split("\n## ")
        .find(|s| s.starts_with("What a schema cannot check"))
        .expect("the README has a section \"What a schema cannot check\"");
    section
        .lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .filter_map(|rest| rest.split_once('`'))
        .map(|(name, _)| name.to_owned())
        .collect()
}

#[test]
fn what_the_crate_rejects_while_parsing_its_schema_rejects() {
    let listed = inexpressible();
    let validators = validators();
    assert!(listed.contains("parse-duplicate-key.json"), "{listed:?}");
    let mut failures = Vec::new();
    let mut rejected = 0;
    let mut accepted_as_listed = BTreeSet::new();
    for doc in documents() {
        let Err(issues) = doc.kind.read(&doc.text) else {
            continue;
        };
        rejected += 1;
        let Ok(value) = serde_json::from_str::<Value>(&doc.text) else {
            // Not JSON: refused before any schema applies.
            continue;
        };
        let validator = &validators[&doc.kind];
        let file = doc
            .origin
            .split_once(' ')
            .map_or(doc.origin.as_str(), |(file, _)| file);
        let name = file.rsplit('/').next().unwrap_or(file);
        let conformance = file.starts_with("conformance/");
        match (
            validator.is_valid(&value),
            conformance && listed.contains(name),
        ) {
            (false, false) => {}
            (true, true) => {
                accepted_as_listed.insert(name.to_owned());
            }
            (true, false) => failures.push(format!(
                "{}: the crate rejects it ({issues:?}), the schema accepts it",
                doc.origin
            )),
            (false, true) => failures.push(format!(
                "{}: listed as beyond JSON Schema, but the schema rejects it",
                doc.origin
            )),
        }
    }
    assert_eq!(failures, Vec::<String>::new());
    // Every listed file was found, rejected by the crate, accepted by its
    // schema.
    assert_eq!(accepted_as_listed, listed);
    assert!(rejected >= 20, "only {rejected} rejected documents");
}

/// What `schemas/README.md` lists as the schemas' other gaps: documents
/// the crate rejects while parsing and the schema accepts.
#[test]
fn the_listed_gaps_are_real() {
    let base = json!({
        "id": "conf", "version": "1.0.0", "title": "Conformance",
        "scales": { "s": { "type": "ordinal", "levels": [
            { "id": "low", "value": 1, "label": "Low" },
            { "id": "high", "value": 2, "label": "High" }
        ]}},
        "criteria": [{ "id": "a", "title": "A", "scale": "s" }]
    });
    let validator = validator::validator("framework");
    assert!(validator.is_valid(&base));
    assert!(Kind::Framework.read(&base.to_string()).is_ok());

    // An integer written with a fraction part: to JSON Schema, 2.0 is the
    // integer 2.
    let mut fraction = base.clone();
    fraction["scales"]["s"]["levels"][1]["value"] = json!(2.0);
    assert_eq!(fraction.to_string().matches("2.0").count(), 1);
    // A version number past u64, which the pattern does not bound.
    let mut overflow = base.clone();
    overflow["version"] = json!("18446744073709551616.0.0");
    let mut largest = base;
    largest["version"] = json!("18446744073709551615.0.0");
    assert!(Kind::Framework.read(&largest.to_string()).is_ok());
    for gap in [fraction, overflow] {
        assert!(validator.is_valid(&gap), "{gap}");
        let issues = Kind::Framework.read(&gap.to_string()).unwrap_err();
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].code(), "invalid-document");
    }
}
