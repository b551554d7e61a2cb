//! The path `from_deserializer` gives an error, against an independent
//! oracle: `serde_path_to_error` (which the crate used before it recorded
//! paths itself) over serde_json, its segments turned into a JSON Pointer
//! by this file's own code. Every document of the catalogues and of the
//! conformance suite's valid files is broken in one place at a time, at
//! every value it has: a value replaced by one of the wrong type, an
//! object given an unknown field, a string replaced by a malformed id.
//! Each broken document must fail with the oracle's path and message.
//! Arrays are never put in, so the one rule the crate adds to serde (a
//! struct is never an array) plays no part.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
#![cfg(feature = "json")]

use assessment_model::{Assessment, Framework, IssueKind, from_deserializer, from_json_str};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use serde_path_to_error::Segment;

mod corpus;

/// The oracle's path and message for `text` as a `T`, or `None` when it
/// reads.
fn oracle<T: DeserializeOwned>(text: &str) -> Option<(String, String)> {
    let mut de = serde_json::Deserializer::from_str(text);
    let err = serde_path_to_error::deserialize::<_, T>(&mut de).err()?;
    let mut path = String::new();
    for segment in err.path() {
        let step = match segment {
            Segment::Seq { index } => index.to_string(),
            Segment::Map { key } | Segment::Enum { variant: key } => key.clone(),
            Segment::Unknown => break,
        };
        path.push('/');
        path.push_str(&step.replace('~', "~0").replace('/', "~1"));
    }
    Some((path, err.inner().to_string()))
}

/// Every pointer into `value`, the root's included.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let key = k.replace('~', "~0").replace('/', "~1");
                pointers(v, format!("{at}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                pointers(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

/// The breaks of the value at one pointer.
fn breaks(value: &Value) -> Vec<Value> {
    let mut out = vec![json!(true), json!({ "zz": 1 })];
    match value {
        Value::Object(map) => {
            let mut more = map.clone();
            more.insert("zz".into(), json!(1));
            out.push(Value::Object(more));
        }
        Value::String(_) => out.push(json!("Not An Id!")),
        Value::Bool(_) => out[0] = json!(7),
        _ => {}
    }
    out
}

/// Breaks `doc` at every value and compares each failure with the oracle.
/// Returns how many broken documents failed (and were compared).
fn compare<T: DeserializeOwned>(origin: &str, doc: &Value) -> usize {
    let mut at = Vec::new();
    pointers(doc, String::new(), &mut at);
    let mut compared = 0;
    for pointer in at {
        let original = doc.pointer(&pointer).unwrap().clone();
        for broken in breaks(&original) {
            let mut changed = doc.clone();
            *changed.pointer_mut(&pointer).unwrap() = broken.clone();
            let text = serde_json::to_string(&changed).unwrap();
            let Some((path, message)) = oracle::<T>(&text) else {
                // Still a document (an ignored value, a free text).
                continue;
            };
            let mut de = serde_json::Deserializer::from_str(&text);
            let Err(err) = from_deserializer::<T, _>(&mut de) else {
                panic!("{origin}: {broken} at {pointer} reads, but the oracle fails");
            };
            let issue = &err.issues()[0];
            // The crate adds an unknown field's or a duplicate key's name
            // when the oracle's path stops short of it (see `parse.rs`).
            let ours = issue.path.as_str();
            assert!(
                ours == path || ours.starts_with(&format!("{path}/")),
                "{origin}: {broken} at {pointer}: path {ours}, oracle {path} ({message})"
            );
            if let IssueKind::InvalidDocument { message: ours } = &issue.kind {
                assert_eq!(ours, message.trim(), "{origin}: {broken} at {pointer}");
            }
            // Reading every problem keeps this one first, exactly: code,
            // path and message.
            let Err(every) = from_json_str::<T>(&text) else {
                panic!("{origin}: {broken} at {pointer} reads as text");
            };
            assert_eq!(&every.issues()[0], issue, "{origin}: {broken} at {pointer}");
            compared += 1;
        }
    }
    compared
}

#[test]
fn every_break_of_every_document_fails_where_the_oracle_says() {
    let mut compared = 0;
    for name in [
        "good-practice-criteria.json",
        "impart-core.json",
        "profint-io1.json",
        "profint-io2.json",
        "profint-learning-grid.json",
    ] {
        let text = std::fs::read_to_string(format!("catalogs/{name}")).unwrap();
        compared += compare::<Framework>(name, &serde_json::from_str(&text).unwrap());
    }
    let worked = std::fs::read_to_string("catalogs/good-practice-worked-example.json").unwrap();
    compared += compare::<Assessment>("worked example", &serde_json::from_str(&worked).unwrap());
    for (file, text) in corpus::files("tests/conformance/valid", ".json") {
        let envelope: Value = serde_json::from_slice(&text).unwrap();
        compared += compare::<Framework>(&file, &envelope["framework"]);
        compared += compare::<Assessment>(&file, &envelope["assessment"]);
    }
    assert!(compared > 5_000, "{compared} broken documents compared");
}
