#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Composition of a base framework and modules.

use assessment_model::compose::Composition;
use assessment_model::model::DerivationKind;
use assessment_model::{Framework, IssueKind, compose};
use serde_json::json;

fn framework(value: serde_json::Value) -> Framework {
    serde_json::from_value(value).unwrap()
}

fn core() -> Framework {
    framework(json!({
        "id": "impart-core", "version": "1.0.0", "title": "Core",
        "provenance": { "network": "IMPART", "notes": ["core note"] },
        "scales": { "tick": { "type": "binary" } },
        "facets": { "control": { "title": "Control", "values": {
            "inside": { "title": "Inside" }, "outside": { "title": "Outside" } } } },
        "criteria": [
            { "id": "a", "title": "A", "scale": "tick", "tags": { "control": "inside" } },
            { "id": "g", "title": "G", "children": [
                { "id": "b", "title": "B", "scale": "tick" },
                { "id": "c", "title": "C", "scale": "tick", "tags": { "control": "outside" } }
            ] }
        ]
    }))
}

fn module(id: &str, requires: &str, criteria: serde_json::Value) -> Framework {
    framework(json!({
        "id": id, "version": "1.1.0", "title": format!("Module {id}"),
        "provenance": { "notes": [format!("{id} note")] },
        "requires": [{ "id": "impart-core", "version": requires }],
        "criteria": criteria
    }))
}

#[test]
fn module_requiring_core_2_against_core_1_names_both_versions() {
    let m = module(
        "theme",
        "^2",
        json!([{ "id": "t", "title": "T", "scale": "tick" }]),
    );
    let err = compose(&core(), &[&m]).unwrap_err();
    assert_eq!(err.issues().len(), 1);
    let issue = &err.issues()[0];
    assert_eq!(issue.code(), "unsatisfied-requirement");
    assert_eq!(issue.path, "/modules/0/requires/0");
    assert_eq!(
        issue.kind,
        IssueKind::UnsatisfiedRequirement {
            required: "impart-core ^2".into(),
            found: "impart-core 1.0.0".into(),
        }
    );
    let text = err.to_string();
    assert!(
        text.contains("impart-core ^2") && text.contains("impart-core 1.0.0"),
        "{text}"
    );
}

#[test]
fn requirement_on_an_unknown_framework_names_the_base() {
    let mut m = module(
        "theme",
        "^1",
        json!([{ "id": "t", "title": "T", "scale": "tick" }]),
    );
    m.requires[0].id = "other".parse().unwrap();
    let err = compose(&core(), &[&m]).unwrap_err();
    assert_eq!(
        err.issues()[0].kind,
        IssueKind::UnsatisfiedRequirement {
            required: "other ^1".into(),
            found: "impart-core 1.0.0".into(),
        }
    );
}

#[test]
fn a_module_may_require_an_earlier_module() {
    let m1 = module(
        "theme",
        "^1",
        json!([{ "id": "t", "title": "T", "scale": "tick" }]),
    );
    let mut m2 = module(
        "sub",
        "^1",
        json!([{ "id": "s", "title": "S", "scale": "tick" }]),
    );
    m2.requires[0].id = "theme".parse().unwrap();
    assert!(compose(&core(), &[&m1, &m2]).is_ok());
    // In the other order the requirement is not met by anything before it.
    let err = compose(&core(), &[&m2, &m1]).unwrap_err();
    assert_eq!(err.issues()[0].path, "/modules/0/requires/0");
    assert_eq!(
        err.issues()[0].kind,
        IssueKind::UnsatisfiedRequirement {
            required: "theme ^1".into(),
            found: "impart-core 1.0.0".into()
        }
    );
}

#[test]
fn colliding_ids_are_all_listed() {
    let m1 = module(
        "one",
        "^1",
        json!([
            { "id": "b", "title": "B again", "scale": "tick" },
            { "id": "d", "title": "D", "scale": "tick" }
        ]),
    );
    let mut m2 = module(
        "two",
        "^1.0",
        json!([
            { "id": "h", "title": "H", "children": [
                { "id": "c", "title": "C again", "scale": "tick" } ] },
            { "id": "d", "title": "D again", "scale": "tick" },
            { "id": "e", "title": "E", "scale": "tick" }
        ]),
    );
    // A scale with the same id but another definition, and one identical.
    m2.scales.insert(
        "tick".parse().unwrap(),
        serde_json::from_value(json!({ "type": "binary", "title": "Tick" })).unwrap(),
    );
    let got: Vec<(String, String, IssueKind)> = compose(&core(), &[&m1, &m2])
        .unwrap_err()
        .issues()
        .iter()
        .map(|i| (i.code().to_string(), i.path.clone(), i.kind.clone()))
        .collect();
    let dup = |id: &str, first: &str| IssueKind::DuplicateId {
        id: id.into(),
        first: first.into(),
    };
    assert_eq!(
        got,
        vec![
            (
                "duplicate-id".into(),
                "/modules/0/criteria/0/id".into(),
                dup("b", "/base/criteria/1/children/0/id")
            ),
            (
                "duplicate-id".into(),
                "/modules/1/criteria/0/children/0/id".into(),
                dup("c", "/base/criteria/1/children/1/id")
            ),
            (
                "duplicate-id".into(),
                "/modules/1/criteria/1/id".into(),
                dup("d", "/modules/0/criteria/1/id")
            ),
            (
                "conflicting-definition".into(),
                "/modules/1/scales/tick".into(),
                IssueKind::ConflictingDefinition {
                    what: "scale".into(),
                    id: "tick".into(),
                    first: "/base/scales/tick".into()
                }
            ),
        ]
    );
}

#[test]
fn identical_scales_and_facets_merge_and_different_facets_conflict() {
    let mut m = module(
        "theme",
        "^1",
        json!([{ "id": "t", "title": "T", "scale": "tick" }]),
    );
    let base = core();
    m.scales = base.scales.clone();
    m.facets = base.facets.clone();
    let composed = compose(&base, &[&m]).unwrap();
    assert_eq!(composed.scales, base.scales);
    assert_eq!(composed.facets, base.facets);

    let mut other = base.facets.clone();
    other[0].title = "Another control".into();
    m.facets = other;
    let err = compose(&base, &[&m]).unwrap_err();
    assert_eq!(err.issues().len(), 1);
    assert_eq!(err.issues()[0].path, "/modules/0/facets/control");
    assert_eq!(err.issues()[0].code(), "conflicting-definition");
}

#[test]
fn module_rules_must_be_default_or_the_bases() {
    let mut m = module(
        "theme",
        "^1",
        json!([{ "id": "t", "title": "T", "scale": "tick" }]),
    );
    m.rules.risk_below = Some(0.5);
    let err = compose(&core(), &[&m]).unwrap_err();
    assert_eq!(err.issues()[0].path, "/modules/0/rules");
    assert_eq!(
        err.issues()[0].kind,
        IssueKind::ConflictingDefinition {
            what: "rules".into(),
            id: "theme".into(),
            first: "/base/rules".into()
        }
    );
}

#[test]
fn module_criteria_follow_the_base_in_module_order_and_provenance_lists_both() {
    let m1 = module(
        "one",
        "^1",
        json!([{ "id": "x", "title": "X", "scale": "tick" }]),
    );
    let m2 = module(
        "two",
        "1.0.0",
        json!([{ "id": "y", "title": "Y", "scale": "tick" }]),
    );
    let composed = compose(&core(), &[&m1, &m2]).unwrap();
    let top: Vec<&str> = composed.criteria.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(top, ["a", "g", "x", "y"]);
    // Default identity: the last module's.
    assert_eq!(composed.id, "two");
    assert_eq!(composed.version, semver::Version::new(1, 1, 0));
    assert_eq!(composed.title, "Module two");
    assert!(composed.requires.is_empty());
    let steps: Vec<(DerivationKind, &str, String)> = composed
        .provenance
        .derived_from
        .iter()
        .map(|d| {
            (
                d.kind,
                d.id.as_str(),
                d.version.as_ref().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        steps,
        [
            (DerivationKind::Base, "impart-core", "1.0.0".to_string()),
            (DerivationKind::Module, "one", "1.1.0".to_string()),
            (DerivationKind::Module, "two", "1.1.0".to_string()),
        ]
    );
    assert_eq!(
        composed.provenance.notes,
        ["core note", "one note", "two note"]
    );
    assert_eq!(composed.provenance.network.as_deref(), Some("IMPART"));
    composed.validate().unwrap();
}

#[test]
fn builder_sets_id_version_and_title() {
    let m = module(
        "theme",
        "^1",
        json!([{ "id": "t", "title": "T", "scale": "tick" }]),
    );
    let composed = Composition::new(&core())
        .module(&m)
        .id("impart-theme-benchmark".parse().unwrap())
        .version(semver::Version::new(2, 0, 0))
        .title("Benchmark")
        .build()
        .unwrap();
    assert_eq!(composed.id, "impart-theme-benchmark");
    assert_eq!(composed.version, semver::Version::new(2, 0, 0));
    assert_eq!(composed.title, "Benchmark");
    // No modules: the base's identity.
    let alone = compose(&core(), &[]).unwrap();
    assert_eq!(alone.id, "impart-core");
    assert_eq!(alone.criteria, core().criteria);
}

#[test]
fn composing_twice_gives_identical_frameworks() {
    let m1 = module(
        "one",
        "^1",
        json!([{ "id": "x", "title": "X", "scale": "tick" }]),
    );
    let m2 = module(
        "two",
        "^1",
        json!([{ "id": "y", "title": "Y", "scale": "tick" }]),
    );
    let first = compose(&core(), &[&m1, &m2]).unwrap();
    let second = compose(&core(), &[&m1, &m2]).unwrap();
    assert_eq!(first, second);
    assert_eq!(
        serde_json::to_string(&first).unwrap(),
        serde_json::to_string(&second).unwrap()
    );
}

#[test]
fn errors_of_the_result_point_back_into_the_module() {
    // An undefined scale and a duplicate inside one module: the validator's
    // issues on the composed framework are mapped back to the module.
    let m = module(
        "theme",
        "^1",
        json!([
            { "id": "t", "title": "T", "scale": "nowhere" },
            { "id": "u", "title": "U", "scale": "tick" },
            { "id": "u", "title": "U again", "scale": "tick" },
            { "id": "a", "title": "A again", "scale": "tick" }
        ]),
    );
    let err = compose(&core(), &[&m]).unwrap_err();
    let got: Vec<(&str, &str)> = err
        .issues()
        .iter()
        .map(|i| (i.code(), i.path.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            // Found by compose: a collision with the base.
            ("duplicate-id", "/modules/0/criteria/3/id"),
            // Found by validating the result, mapped back.
            ("unknown-scale", "/modules/0/criteria/0/scale"),
            ("duplicate-id", "/modules/0/criteria/2/id"),
        ]
    );
    assert_eq!(
        err.issues()[2].kind,
        IssueKind::DuplicateId {
            id: "u".into(),
            first: "/modules/0/criteria/1/id".into()
        }
    );
}

#[test]
fn composed_frameworks_validate() {
    let m = module(
        "theme",
        "^1",
        json!([{ "id": "t", "title": "T", "scale": "tick", "tags": { "control": "outside" } }]),
    );
    let composed = compose(&core(), &[&m]).unwrap();
    assert!(composed.issues().is_empty(), "{:?}", composed.issues());
}
