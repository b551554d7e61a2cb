//! A struct is always a JSON object (design, *Serialised form*): the
//! positional (array) form that serde's derive would accept is refused by
//! [`from_deserializer`] with `invalid-document` and a path at the array,
//! for every document type, at every depth, in JSON and in TOML.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use assessment_model::{
    Assessment, CohortState, Framework, Issue, IssueKind, Mapping, PeerReview, Profile, Report,
    from_deserializer,
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
    let Err(err) = from_deserializer::<T, _>(toml::Deserializer::new(text)) else {
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
    // Scales are internally tagged: serde would take the tag from the
    // first element and the fields from the rest, by position.
    let issue = json_issue::<Framework>(
        r#"{"id": "t", "version": "1.0.0", "title": "T", "criteria": [],
            "scales": {"tick": ["binary"]}}"#,
    );
    assert_sequence_refused(&issue, "/scales/tick", "internally tagged enum Scale");
    let issue = json_issue::<Framework>(
        r#"{"id": "t", "version": "1.0.0", "title": "T", "criteria": [],
            "scales": {"grade": ["ordinal", null, null, [{"id": "lo", "value": 1, "label": "l"},
                {"id": "hi", "value": 2, "label": "h"}]]}}"#,
    );
    assert_sequence_refused(&issue, "/scales/grade", "internally tagged enum Scale");
}

#[test]
fn a_level_written_as_an_array_inside_a_scale() {
    // serde buffers a scale's content, so the path stops at the scale (as
    // for every problem inside a scale, see `from_deserializer`).
    let issue = json_issue::<Framework>(
        r#"{"id": "t", "version": "1.0.0", "title": "T", "criteria": [],
            "scales": {"grade": {"type": "ordinal", "levels": [
                {"id": "lo", "value": 1, "label": "l"}, ["hi", 2, "h"]]}}}"#,
    );
    assert_sequence_refused(&issue, "/scales/grade", "struct Level");
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
    // A node's outcome is flattened into it: serde buffers it, so the path
    // stops at the node.
    let mut report = report_json();
    report["nodes"][0]["counts"] = serde_json::json!([1, 1, 0, 0]);
    let issue = json_issue::<Report>(&report.to_string());
    assert_sequence_refused(&issue, "/nodes/0", "struct Counts");
    // Not flattened, the total's counts are reported where they are.
    let mut report = report_json();
    report["total"]["counts"] = serde_json::json!([1, 1, 0, 0]);
    let issue = json_issue::<Report>(&report.to_string());
    assert_sequence_refused(&issue, "/total/counts", "struct Counts");
    let mut report = report_json();
    report["nodes"][0] = serde_json::json!(["a", "A", 1]);
    let issue = json_issue::<Report>(&report.to_string());
    assert_sequence_refused(&issue, "/nodes/0", "struct NodeScore");
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
    assessment.rate("a".parse().unwrap(), assessment_model::RatingValue::Met);
    let report = scorer.score(&assessment).unwrap();
    let value = serde_json::to_value(&report).unwrap();
    // The object form parses back to the same report.
    let back: Report = from_deserializer(&value).unwrap();
    assert_eq!(back, report);
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
    assert_sequence_refused(&issue, "/scales/tick", "internally tagged enum Scale");
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

