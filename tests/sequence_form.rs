//! A struct is always a JSON object (design, *Serialised form*): the
//! positional (array) form that serde's derive would accept is refused by
//! [`from_deserializer`] with `invalid-document` and a path at the array,
//! for every document type, at every depth, in JSON and in TOML.
//!
//! The hand-picked cases come first; then every committed document (the
//! catalogues, the conformance suite, the fuzz seeds), and the reports and
//! cohort states scored from them, each with every object replaced, one at
//! a time, by the array of its values.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use assessment_model::cohort::CohortState;
use assessment_model::report::ReportDocument;
use assessment_model::{
    ActionPlan, Assessment, Framework, Issue, IssueKind, Localization, Mapping, PeerReview,
    Profile, from_deserializer,
};
use serde::de::DeserializeOwned;

/// The one issue that parsing `json` as a `T` reports.
fn json_issue<T: DeserializeOwned>(json: &str) -> Issue {
    let mut de = serde_json::Deserializer::from_str(json);
    let Err(err) = from_deserializer::<T, _>(&mut de) else {
        panic!("accepted: {json}")
    };
    assert_eq!(err.issues().len(), 1, "{err}");
    err.into_issues().remove(0)
}

fn toml_issue<T: DeserializeOwned>(text: &str) -> Issue {
    let Err(err) = from_deserializer::<T, _>(toml::Deserializer::parse(text).unwrap()) else {
        panic!("accepted: {text}")
    };
    assert_eq!(err.issues().len(), 1, "{err}");
    err.into_issues().remove(0)
}

/// Asserts that `issue` is `invalid-document` at `path` and that its
/// message says a sequence came where `expected` was expected (TOML puts
/// the source line before the message).
#[track_caller]
fn assert_sequence_refused(issue: &Issue, path: &str, expected: &str) {
    assert_eq!(
        (issue.code(), issue.path.as_str()),
        ("invalid-document", path)
    );
    let IssueKind::InvalidDocument { message } = &issue.kind else {
        panic!("{issue}")
    };
    assert!(
        message.contains(&format!("invalid type: sequence, expected {expected}")),
        "{message}"
    );
}

const TICK: &str = r#""scales": {"tick": {"type": "binary"}}"#;

// ----- the cases of the issue -----

#[test]
fn a_criterion_written_as_an_array() {
    // The array is the first element of `criteria`: the value that should
    // have been the criterion object.
    let issue = json_issue::<Framework>(&format!(
        r#"{{"id": "tiny", "version": "1.0.0", "title": "Tiny", {TICK},
            "criteria": [["a", "First", null, 1.0, true, false, {{}}, null, "tick"]]}}"#
    ));
    assert_sequence_refused(&issue, "/criteria/0", "struct Criterion");
}

#[test]
fn an_assessment_of_arrays() {
    // `framework` comes first in the document, so it is the one reported.
    let issue = json_issue::<Assessment>(
        r#"{"framework": ["tiny", "=1.0.0"], "subject": ["P"], "ratings": {"a": ["met"]}}"#,
    );
    assert_sequence_refused(&issue, "/framework", "struct FrameworkRef");
    let issue = json_issue::<Assessment>(
        r#"{"framework": {"id": "tiny", "version": "=1.0.0"}, "subject": ["P"]}"#,
    );
    assert_sequence_refused(&issue, "/subject", "struct Subject");
    let issue = json_issue::<Assessment>(
        r#"{"framework": {"id": "tiny", "version": "=1.0.0"}, "subject": {"name": "P"},
            "ratings": {"a": ["met"]}}"#,
    );
    assert_sequence_refused(&issue, "/ratings/a", "struct Rating");
}

#[test]
fn a_whole_document_written_as_an_array() {
    let issue = json_issue::<Framework>(r#"["tiny", "1.0.0", "Tiny"]"#);
    assert_sequence_refused(&issue, "", "struct Framework");
    let issue = json_issue::<Assessment>("[]");
    assert_sequence_refused(&issue, "", "struct Assessment");
}

#[test]
fn the_object_form_still_parses() {
    let mut de = serde_json::Deserializer::from_str(
        r#"{"framework": {"id": "tiny", "version": "=1.0.0"}, "subject": {"name": "P"},
            "ratings": {"a": {"value": "met"}, "b": {"value": {"level": 2}}}}"#,
    );
    let assessment: Assessment = from_deserializer(&mut de).unwrap();
    assert_eq!(assessment.ratings.len(), 2);
}

// ----- deeper, and the corners of serde -----

#[test]
fn nested_structs_at_any_depth() {
    let issue = json_issue::<Framework>(&format!(
        r#"{{"id": "t", "version": "1.0.0", "title": "T", {TICK},
            "criteria": [{{"id": "g", "title": "G", "children": [
                {{"id": "h", "title": "H", "children": [["a", "A"]]}}]}}]}}"#
    ));
    assert_sequence_refused(
        &issue,
        "/criteria/0/children/0/children/0",
        "struct Criterion",
    );
    // Through an `Option` (the rules' bands) and a struct with defaults.
    let issue = json_issue::<Framework>(
        r#"{"id": "t", "version": "1.0.0", "title": "T", "criteria": [],
            "rules": {"bands": [["low", "Low", 0.0]]}}"#,
    );
    assert_sequence_refused(&issue, "/rules/bands/0", "struct Band");
    let issue = json_issue::<Framework>(
        r#"{"id": "t", "version": "1.0.0", "title": "T", "criteria": [], "rules": []}"#,
    );
    assert_sequence_refused(&issue, "/rules", "struct ScoringRules");
    // Evidence inside a rating inside a map.
    let issue = json_issue::<Assessment>(
        r#"{"framework": {"id": "t", "version": "^1"}, "subject": {"name": "S"},
            "ratings": {"a": {"value": "met", "evidence": [["document", "Plan"]]}}}"#,
    );
    assert_sequence_refused(&issue, "/ratings/a/evidence/0", "struct Evidence");
}

#[test]
fn a_scale_written_as_an_array() {
    // A scale is read as the struct of every scale's fields, which serde
    // would take by position.
    let issue = json_issue::<Framework>(
        r#"{"id": "t", "version": "1.0.0", "title": "T", "criteria": [],
            "scales": {"tick": ["binary"]}}"#,
    );
    assert_sequence_refused(&issue, "/scales/tick", "struct Scale");
    let issue = json_issue::<Framework>(
        r#"{"id": "t", "version": "1.0.0", "title": "T", "criteria": [],
            "scales": {"grade": ["ordinal", null, null, [{"id": "lo", "value": 1, "label": "l"},
                {"id": "hi", "value": 2, "label": "h"}]]}}"#,
    );
    assert_sequence_refused(&issue, "/scales/grade", "struct Scale");
}

#[test]
fn a_level_written_as_an_array_inside_a_scale() {
    // A scale is read where it is, so the path goes down to the level.
    let issue = json_issue::<Framework>(
        r#"{"id": "t", "version": "1.0.0", "title": "T", "criteria": [],
            "scales": {"grade": {"type": "ordinal", "levels": [
                {"id": "lo", "value": 1, "label": "l"}, ["hi", 2, "h"]]}}}"#,
    );
    assert_sequence_refused(&issue, "/scales/grade/levels/1", "struct Level");
}

#[test]
fn an_issue_kind_written_as_an_array() {
    // Issues are internally tagged by their code.
    let issue = json_issue::<Vec<Issue>>(r#"[{"path": "", "kind": ["empty-group"]}]"#);
    assert_sequence_refused(&issue, "/0/kind", "internally tagged enum IssueKind");
    let issue = json_issue::<Vec<Issue>>(r#"[["", {"code": "empty-group"}]]"#);
    assert_sequence_refused(&issue, "/0", "struct Issue");
    let mut de = serde_json::Deserializer::from_str(
        r#"[{"path": "/criteria", "kind": {"code": "unknown-field", "field": "x"}}]"#,
    );
    let issues: Vec<Issue> = from_deserializer(&mut de).unwrap();
    assert_eq!(issues[0].code(), "unknown-field");
}

#[test]
fn the_counts_of_a_report_node_written_as_an_array() {
    // A node is read with its outcome's fields as one struct, so the path
    // goes down to the counts, as for the total's.
    let mut report = report_json();
    report["nodes"][0]["counts"] = serde_json::json!([1, 1, 0, 0]);
    let issue = json_issue::<ReportDocument>(&report.to_string());
    assert_sequence_refused(&issue, "/nodes/0/counts", "struct Counts");
    let mut report = report_json();
    report["total"]["counts"] = serde_json::json!([1, 1, 0, 0]);
    let issue = json_issue::<ReportDocument>(&report.to_string());
    assert_sequence_refused(&issue, "/total/counts", "struct Counts");
    let mut report = report_json();
    report["nodes"][0] = serde_json::json!(["a", "A", 1]);
    let issue = json_issue::<ReportDocument>(&report.to_string());
    assert_sequence_refused(&issue, "/nodes/0", "struct NodeDocument");
}

/// A small report, as JSON.
fn report_json() -> serde_json::Value {
    let framework: Framework = serde_json::from_str(&format!(
        r#"{{"id": "tiny", "version": "1.0.0", "title": "Tiny", {TICK},
            "criteria": [{{"id": "a", "title": "A", "scale": "tick"}}]}}"#
    ))
    .unwrap();
    let scorer = assessment_model::Scorer::new(&framework).unwrap();
    let mut assessment =
        Assessment::new(framework.exact_ref(), assessment_model::Subject::new("P"));
    assessment
        .rate("a", assessment_model::RatingValue::Met)
        .unwrap();
    let report = scorer.score(&assessment).unwrap();
    let value = serde_json::to_value(&report).unwrap();
    // The object form parses back to the same report.
    let back: ReportDocument = from_deserializer(&value).unwrap();
    assert_eq!(scorer.read_report(back).unwrap(), report);
    value
}

#[test]
fn in_toml() {
    let head =
        "id = 't'\nversion = '1.0.0'\ntitle = 'T'\nscales = { tick = { type = 'binary' } }\n";
    let issue = toml_issue::<Framework>(&format!("{head}criteria = [['a', 'A', 'tick']]\n"));
    assert_sequence_refused(&issue, "/criteria/0", "struct Criterion");
    let issue = toml_issue::<Framework>(
        "id = 't'\nversion = '1.0.0'\ntitle = 'T'\ncriteria = []\nscales = { tick = ['binary'] }\n",
    );
    assert_sequence_refused(&issue, "/scales/tick", "struct Scale");
    let issue = toml_issue::<Assessment>("framework = ['t', '^1']\n[subject]\nname = 'S'\n");
    assert_sequence_refused(&issue, "/framework", "struct FrameworkRef");
}

#[test]
fn other_documents() {
    let issue = json_issue::<Profile>(r#"["p", "1.0.0", "P"]"#);
    assert_sequence_refused(&issue, "", "struct Profile");
    let issue = json_issue::<Mapping>(r#"["m", "1.0.0"]"#);
    assert_sequence_refused(&issue, "", "struct Mapping");
    let issue = json_issue::<PeerReview>(r#"[]"#);
    assert_sequence_refused(&issue, "", "struct PeerReview");
    let issue = json_issue::<CohortState>(r#"["t", "1.0.0", {}]"#);
    assert_sequence_refused(&issue, "", "struct CohortState");
}

// ----- every committed document, every object -----

mod corpus;

use std::collections::{BTreeMap, BTreeSet};

use assessment_model::{Cohort, Scorer};
use serde_json::Value;

/// The pointers of every object in `value`, outermost first.
fn objects(value: &Value, at: &str, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            out.push(at.to_owned());
            for (key, v) in map {
                objects(v, &assessment_model::model::pointer(at, key), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                objects(v, &assessment_model::model::pointer(at, i), out);
            }
        }
        _ => {}
    }
}

/// What the sweep did, for the totals it asserts.
#[derive(Default)]
struct Sweep {
    /// Documents swept, by type.
    documents: BTreeSet<(&'static str, String)>,
    /// Objects replaced, by type.
    variants: BTreeMap<&'static str, usize>,
}

impl Sweep {
    /// Replaces each object of `doc` (a `T` that parses) in turn by the
    /// array of its values and asserts that parsing refuses it, at the
    /// object's own path. `doc` is left as it was.
    ///
    /// The modified document is parsed from the `serde_json::Value` itself
    /// (a deserializer too), not from its text: three times faster, and the
    /// text path is what the cases above take.
    fn run<T: DeserializeOwned>(&mut self, kind: &'static str, name: &str, doc: &mut Value) {
        let text = doc.to_string();
        if !self.documents.insert((kind, text.clone())) {
            return; // the same document under another name (seeds copy the suite)
        }
        if from_deserializer::<T, _>(&mut serde_json::Deserializer::from_str(&text)).is_err() {
            self.documents.remove(&(kind, text));
            return; // a document that does not parse today is not swept
        }
        let mut pointers = Vec::new();
        objects(doc, "", &mut pointers);
        for at in pointers {
            let slot = doc.pointer_mut(&at).unwrap();
            let Value::Object(map) = std::mem::take(slot) else {
                unreachable!()
            };
            let values: Vec<Value> = map.values().cloned().collect();
            *slot = Value::Array(values);
            let result = from_deserializer::<T, _>(&*doc);
            let Err(err) = result else {
                panic!("{kind} {name}: the object at {at:?} as an array is accepted")
            };
            let issue = &err.issues()[0];
            assert_eq!(err.issues().len(), 1, "{kind} {name} {at}");
            assert_eq!(
                issue.code(),
                "invalid-document",
                "{kind} {name} {at}: {issue}"
            );
            // Refused for being a sequence, not for what its elements are
            // (without the rule, most arrays would fail on an element of
            // the wrong type, the values being in key order, not field
            // order).
            let IssueKind::InvalidDocument { message } = &issue.kind else {
                unreachable!()
            };
            assert!(
                message.starts_with("invalid type: sequence, expected "),
                "{kind} {name} {at}: {message}"
            );
            assert!(
                doc.pointer(&issue.path).is_some(),
                "{kind} {name} {at}: {} does not resolve",
                issue.path
            );
            // At the object's own path: no document is read through
            // serde's buffering (a scale and a report's node are plain
            // structs), so nothing is reported above itself.
            assert_eq!(issue.path, at, "{kind} {name} {at}");
            *self.variants.entry(kind).or_default() += 1;
            *doc.pointer_mut(&at).unwrap() = Value::Object(map);
        }
    }
}

fn json(text: &[u8]) -> Option<Value> {
    serde_json::from_slice(text).ok()
}

fn parsed<T: DeserializeOwned>(value: &Value) -> Option<T> {
    from_deserializer(value).ok()
}

/// Reports and cohort states made from a framework and an assessment of
/// it, swept too: the crate writes them, and reads them back.
fn sweep_outputs(sweep: &mut Sweep, name: &str, framework: &Value, assessment: &Value) {
    let (Some(framework), Some(assessment)) = (
        parsed::<Framework>(framework),
        parsed::<Assessment>(assessment),
    ) else {
        return;
    };
    let Ok(scorer) = Scorer::new(&framework) else {
        return;
    };
    let Ok(report) = scorer.score(&assessment) else {
        return;
    };
    sweep.run::<ReportDocument>("report", name, &mut serde_json::to_value(&report).unwrap());
    let mut cohort = Cohort::new(&scorer);
    for attribute in assessment.subject.attributes.keys() {
        cohort = cohort.with_grouping(attribute.clone());
    }
    cohort.push(&report).unwrap();
    let mut state = serde_json::to_value(cohort.state()).unwrap();
    sweep.run::<CohortState>("cohort state", name, &mut state);
}

#[test]
fn every_object_of_every_committed_document_as_an_array_is_refused() {
    let mut sweep = Sweep::default();

    let catalogues = corpus::files("catalogs", ".json");
    let mut frameworks = Vec::new();
    for (name, text) in &catalogues {
        let mut doc = json(text).unwrap();
        if parsed::<Framework>(&doc).is_some() {
            sweep.run::<Framework>("framework", name, &mut doc);
            frameworks.push(doc);
        } else {
            assert!(parsed::<Assessment>(&doc).is_some(), "{name}");
            sweep.run::<Assessment>("assessment", name, &mut doc);
            for framework in &frameworks {
                sweep_outputs(&mut sweep, name, framework, &doc);
            }
        }
    }

    for (name, text) in corpus::files("tests/conformance/valid", ".json") {
        let mut envelope = json(&text).unwrap();
        sweep.run::<Framework>("framework", &name, &mut envelope["framework"]);
        sweep.run::<Assessment>("assessment", &name, &mut envelope["assessment"]);
        if envelope.get("localization").is_some() {
            sweep.run::<Localization>("localization", &name, &mut envelope["localization"]);
        }
        if envelope.get("action_plan").is_some() {
            sweep.run::<ActionPlan>("action plan", &name, &mut envelope["action_plan"]);
        }
        sweep_outputs(
            &mut sweep,
            &name,
            &envelope["framework"],
            &envelope["assessment"],
        );
    }

    for (name, text) in corpus::files("tests/conformance/invalid", ".json") {
        let mut envelope = json(&text).unwrap();
        if envelope.get("framework").is_some() {
            sweep.run::<Framework>("framework", &name, &mut envelope["framework"]);
        }
        let kind = envelope["kind"].as_str().unwrap().to_owned();
        let doc = &mut envelope["document"];
        match kind.as_str() {
            "framework" => sweep.run::<Framework>("framework", &name, doc),
            "assessment" => sweep.run::<Assessment>("assessment", &name, doc),
            "profile" => sweep.run::<Profile>("profile", &name, doc),
            "peer_review" => sweep.run::<PeerReview>("peer review", &name, doc),
            "localization" => sweep.run::<Localization>("localization", &name, doc),
            "action_plan" => sweep.run::<ActionPlan>("action plan", &name, doc),
            "mapping" | "translation" => {
                sweep.run::<Mapping>("mapping", &name, &mut doc["mapping"]);
                sweep.run::<Framework>("framework", &name, &mut doc["source"]);
                sweep.run::<Framework>("framework", &name, &mut doc["target"]);
                if doc.get("assessment").is_some() {
                    sweep.run::<Assessment>("assessment", &name, &mut doc["assessment"]);
                }
            }
            "composition" => {
                sweep.run::<Framework>("framework", &name, &mut doc["base"]);
                for module in doc["modules"].as_array_mut().unwrap() {
                    sweep.run::<Framework>("framework", &name, module);
                }
            }
            other => panic!("{name}: unknown kind {other}"),
        }
    }

    type Run = fn(&mut Sweep, &str, &mut Value);
    let seeds: [(&str, Run); 6] = [
        ("framework_json", |s, n, d| {
            s.run::<Framework>("framework", n, d)
        }),
        ("assessment_json", |s, n, d| {
            s.run::<Assessment>("assessment", n, d)
        }),
        ("profile_json", |s, n, d| s.run::<Profile>("profile", n, d)),
        ("mapping_json", |s, n, d| s.run::<Mapping>("mapping", n, d)),
        ("review_json", |s, n, d| {
            s.run::<PeerReview>("peer review", n, d)
        }),
        ("localization_json", |s, n, d| {
            s.run::<Localization>("localization", n, d)
        }),
    ];
    for (dir, run) in seeds {
        for (name, data) in corpus::files(&format!("tests/seeds/{dir}"), "") {
            if let Some(mut doc) = json(&data) {
                run(&mut sweep, &name, &mut doc);
            }
        }
    }

    // Every type was swept, with many objects each.
    println!(
        "{} documents; objects replaced: {:?}",
        sweep.documents.len(),
        sweep.variants
    );
    let kinds: Vec<&str> = sweep.variants.keys().copied().collect();
    assert_eq!(
        kinds,
        [
            "action plan",
            "assessment",
            "cohort state",
            "framework",
            "localization",
            "mapping",
            "peer review",
            "profile",
            "report"
        ]
    );
    for (kind, count) in &sweep.variants {
        assert!(*count >= 50, "{kind}: {count} objects");
    }
}
