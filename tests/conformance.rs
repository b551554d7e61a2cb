//! The conformance suite (`tests/conformance/`, see its README): every
//! valid document validates and scores to its expected total; every invalid
//! document gives exactly its expected issues (code and path, in any
//! order); every issue code appears in at least one invalid document.
//!
//! The documents are read from `tests/conformance/` when the tests run
//! (`tests/corpus`), so a new file is picked up without editing a list.
#![cfg(feature = "json")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use assessment_model::review::Consolidation;
use assessment_model::{
    ActionPlan, Assessment, Framework, Issue, IssueKind, Localization, Mapping, PeerReview,
    Profile, Scorer, compose, from_json_str,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

mod corpus;

fn valid() -> Vec<(String, String)> {
    corpus::texts("tests/conformance/valid", ".json")
}

fn invalid() -> Vec<(String, String)> {
    corpus::texts("tests/conformance/invalid", ".json")
}

/// The tolerance on expected totals (they are written to 16 significant
/// digits, and sums may differ in the last bit between orders of addition).
const TOLERANCE: f64 = 1e-12;

/// Parses `value` (as its JSON text, as a caller would) into a `T`; the one
/// parse issue on failure.
fn parse<T: DeserializeOwned>(value: &Value) -> Result<T, Vec<Issue>> {
    parse_text(&serde_json::to_string(value).unwrap())
}

/// Every problem of a document that does not parse, as a caller reading
/// its text gets them.
fn parse_text<T: DeserializeOwned>(text: &str) -> Result<T, Vec<Issue>> {
    from_json_str::<T>(text).map_err(|e| e.into_issues())
}

/// A part of a document that the suite requires to be well formed.
fn part<T: DeserializeOwned>(doc: &Value, key: &str, file: &str) -> T {
    parse(&doc[key]).unwrap_or_else(|e| panic!("{file}: `{key}` does not parse: {e:?}"))
}

/// The issues that checking the document of `envelope` gives.
fn issues_of(file: &str, envelope: &Value) -> Vec<Issue> {
    let mut doc = envelope.get("document").cloned().unwrap_or(Value::Null);
    if let Some(directives) = envelope.get("expand") {
        corpus::expand(&mut doc, directives.as_array().unwrap());
    }
    let text = envelope.get("document_text").and_then(Value::as_str);
    let framework = || -> Framework { part(envelope, "framework", file) };
    let parsed = |doc: &Value| match text {
        Some(text) => parse_text::<Framework>(text),
        None => parse::<Framework>(doc),
    };
    match envelope["kind"].as_str().unwrap() {
        "framework" => match parsed(&doc) {
            Ok(f) => f.issues(),
            Err(issues) => issues,
        },
        "assessment" => {
            let scorer = Scorer::new(&framework()).unwrap();
            match parse::<Assessment>(&doc) {
                Ok(a) => scorer
                    .validate(&a)
                    .err()
                    .map(assessment_model::ValidationError::into_issues)
                    .unwrap_or_default(),
                Err(issues) => issues,
            }
        }
        "profile" => match parse::<Profile>(&doc) {
            Ok(p) => p
                .apply(&framework())
                .err()
                .map_or_else(Vec::new, |e| e.issues().to_vec()),
            Err(issues) => issues,
        },
        "peer_review" => match parse::<PeerReview>(&doc) {
            Ok(r) if envelope.get("method").is_some() => {
                let method: Consolidation = part(envelope, "method", file);
                r.consolidate(&framework(), method)
                    .err()
                    .map_or_else(Vec::new, |e| e.issues().to_vec())
            }
            Ok(r) => r.issues_against(&framework()),
            Err(issues) => issues,
        },
        "mapping" | "translation" => {
            let mapping: Mapping = part(&doc, "mapping", file);
            let source: Framework = part(&doc, "source", file);
            let target: Framework = part(&doc, "target", file);
            let result = if doc.get("assessment").is_some() {
                let assessment: Assessment = part(&doc, "assessment", file);
                mapping.translate(&assessment, &source, &target).err()
            } else {
                mapping.check(&source, &target).err()
            };
            result.map_or_else(Vec::new, |e| e.issues().to_vec())
        }
        "localization" => match parse::<Localization>(&doc) {
            Ok(l) => l.issues_against(&framework()),
            Err(issues) => issues,
        },
        "action_plan" => match parse::<ActionPlan>(&doc) {
            Ok(plan) => {
                let scorer = Scorer::new(&framework()).unwrap();
                let assessment: Assessment = part(envelope, "assessment", file);
                plan.issues_against(&scorer.score(&assessment).unwrap())
            }
            Err(issues) => issues,
        },
        "composition" => {
            let base: Framework = part(&doc, "base", file);
            let modules: Vec<Framework> = part(&doc, "modules", file);
            let refs: Vec<&Framework> = modules.iter().collect();
            compose(&base, &refs)
                .err()
                .map_or_else(Vec::new, |e| e.issues().to_vec())
        }
        other => panic!("{file}: unknown kind {other}"),
    }
}

/// `(code, path)` pairs, sorted, so the comparison ignores order.
fn pairs<'a>(items: impl Iterator<Item = (&'a str, &'a str)>) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = items.map(|(c, p)| (c.to_owned(), p.to_owned())).collect();
    v.sort();
    v
}

#[test]
fn suite_sizes() {
    let (valid, invalid) = (valid().len(), invalid().len());
    assert!(valid >= 15, "{valid} valid documents");
    assert!(invalid >= 40, "{invalid} invalid documents");
}

#[test]
fn valid_documents_validate_and_score_as_expected() {
    for (file, text) in valid() {
        let (file, text) = (file.as_str(), text.as_str());
        let doc: Value = serde_json::from_str(text).unwrap();
        let framework: Framework = part(&doc, "framework", file);
        assert_eq!(framework.issues(), [], "{file}: framework issues");
        let scorer = Scorer::new(&framework).unwrap();
        let assessment: Assessment = part(&doc, "assessment", file);
        assert_eq!(
            scorer.validate(&assessment),
            Ok(()),
            "{file}: assessment issues"
        );
        let report = scorer.score(&assessment).unwrap();
        let total = report.total().score();
        match doc["expected_total"].as_f64() {
            Some(expected) => {
                let got = total.unwrap_or_else(|| panic!("{file}: no total"));
                assert!(
                    (got - expected).abs() <= TOLERANCE,
                    "{file}: total {got}, expected {expected}"
                );
            }
            None => {
                assert!(doc["expected_total"].is_null(), "{file}: expected_total");
                assert_eq!(total, None, "{file}: expected no total");
            }
        }
        if let Some(band) = doc.get("expected_band") {
            let got = report.band().map(|b| b.to_string());
            assert_eq!(got.as_deref(), band.as_str(), "{file}: band");
        }
        if doc.get("localization").is_some() {
            valid_localization(file, &doc, &framework, &assessment, &report);
        }
        if doc.get("action_plan").is_some() {
            valid_action_plan(file, &doc, &report);
        }
    }
}

/// A valid file's `action_plan`: no issue against the report, the same
/// document after a round trip, and `expected_draft` (each drafted action's
/// criteria, answer and expected gain, in order) from `ActionPlan::draft`
/// with as many top priorities as the list has actions without an answer.
fn valid_action_plan(file: &str, doc: &Value, report: &assessment_model::Report) {
    let plan: ActionPlan = part(doc, "action_plan", file);
    assert_eq!(
        plan.issues_against(report),
        [],
        "{file}: action plan issues"
    );
    assert_eq!(
        serde_json::to_value(&plan).unwrap(),
        doc["action_plan"],
        "{file}: the action plan's round trip"
    );
    let expected = doc["expected_draft"].as_array().unwrap();
    let top = expected
        .iter()
        .filter(|a| a.get("answers").is_none())
        .count();
    let owner = assessment_model::plan::Owner::Organisation("Org".into());
    let options = assessment_model::plan::Draft::new(owner, "2027-06-30".parse().unwrap()).top(top);
    let drafted = ActionPlan::draft(report, &options);
    let got: Vec<Value> = drafted
        .actions
        .iter()
        .map(|a| {
            let mut v = serde_json::Map::new();
            v.insert("criteria".into(), serde_json::json!(a.criteria));
            if let Some(answers) = &a.answers {
                v.insert("answers".into(), serde_json::to_value(answers).unwrap());
            }
            if let Some(gain) = a.expected_gain {
                v.insert("expected_gain".into(), gain.into());
            }
            Value::Object(v)
        })
        .collect();
    assert_eq!(&got, expected, "{file}: the draft");
    assert_eq!(
        drafted.issues_against(report),
        [],
        "{file}: the draft's issues"
    );
}

/// A valid file's `localization`: no errors, its only warnings the
/// untranslated texts (as many as `expected_coverage` leaves out), that
/// coverage exactly, and the localized framework scores the assessment to
/// the same report.
fn valid_localization(
    file: &str,
    doc: &Value,
    framework: &Framework,
    assessment: &Assessment,
    report: &assessment_model::Report,
) {
    let localization: Localization = part(doc, "localization", file);
    let coverage = localization
        .validate_for(framework)
        .unwrap_or_else(|e| panic!("{file}: localization: {e}"));
    let expected = &doc["expected_coverage"];
    let (translated, translatable) = (
        expected["translated"].as_u64().unwrap(),
        expected["translatable"].as_u64().unwrap(),
    );
    assert_eq!(
        (coverage.translated as u64, coverage.translatable as u64),
        (translated, translatable),
        "{file}: coverage"
    );
    let issues = localization.issues_against(framework);
    assert!(
        issues.iter().all(|i| i.code() == "untranslated-text"),
        "{file}: {issues:?}"
    );
    let left_out = translatable.checked_sub(translated).unwrap();
    assert_eq!(issues.len() as u64, left_out, "{file}");
    let localized = localization.apply(framework).unwrap();
    let again = Scorer::new(&localized).unwrap().score(assessment).unwrap();
    // The same report but for the titles (the framework's and the
    // nodes'), which are the localized ones.
    let untitled = |report: &assessment_model::Report| {
        let mut value = serde_json::to_value(report).unwrap();
        value
            .get_mut("framework")
            .and_then(Value::as_object_mut)
            .unwrap()
            .remove("title");
        let nodes = value.get_mut("nodes").and_then(Value::as_array_mut);
        for node in nodes.unwrap() {
            node.as_object_mut().unwrap().remove("title");
        }
        value
    };
    assert_eq!(
        untitled(&again),
        untitled(report),
        "{file}: the localized framework scores differently"
    );
}

#[test]
fn invalid_documents_give_exactly_their_issues() {
    let mut failures = Vec::new();
    for (file, text) in invalid() {
        let (file, text) = (file.as_str(), text.as_str());
        let envelope: Value = serde_json::from_str(text).unwrap();
        let expected = pairs(
            envelope["expected"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| (e["code"].as_str().unwrap(), e["path"].as_str().unwrap())),
        );
        assert!(!expected.is_empty(), "{file}: no expected issues");
        let issues = issues_of(file, &envelope);
        let got = pairs(issues.iter().map(|i| (i.code(), i.path.as_str())));
        if got != expected {
            failures.push(format!(
                "{file}:\n  got      {got:?}\n  expected {expected:?}"
            ));
        }
        assert!(
            issues
                .iter()
                .any(|i| i.severity() == assessment_model::Severity::Error),
            "{file}: no error, so the document is not invalid"
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The codes the suite has no document for, because the documents they are
/// about are not authored documents but the crate's own outputs, whose form
/// is not part of the suite: a `Report` pushed into a cohort
/// (`invalid-report`) and a `CohortState` rebuilt or merged
/// (`invalid-state`, `grouping-mismatch`). `tests/cohort.rs` checks each
/// with its exact code and path.
const NOT_IN_THE_SUITE: &[&str] = &["invalid-report", "invalid-state", "grouping-mismatch"];

#[test]
fn every_issue_code_has_an_invalid_document() {
    let mut covered = BTreeSet::new();
    for (_, text) in invalid() {
        let envelope: Value = serde_json::from_str(&text).unwrap();
        for e in envelope["expected"].as_array().unwrap() {
            covered.insert(e["code"].as_str().unwrap().to_owned());
        }
    }
    let missing: Vec<&str> = IssueKind::CODES
        .iter()
        .copied()
        .filter(|c| !covered.contains(*c) && !NOT_IN_THE_SUITE.contains(c))
        .collect();
    assert!(
        missing.is_empty(),
        "codes without an invalid document: {missing:?}"
    );
    let unknown: Vec<&String> = covered
        .iter()
        .filter(|c| !IssueKind::CODES.contains(&c.as_str()))
        .collect();
    assert!(
        unknown.is_empty(),
        "codes the crate does not define: {unknown:?}"
    );
    for code in NOT_IN_THE_SUITE {
        assert!(IssueKind::CODES.contains(code), "{code} is not a code");
        assert!(!covered.contains(*code), "{code} has a document now");
    }
}
