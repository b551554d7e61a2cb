#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Carrying assessments across frameworks with a mapping.
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use std::collections::HashSet;

use assessment_model::mapping::{NotCarriedReason, Relation};
use assessment_model::model::{DeclaredFinding, EvidenceKind, FindingKind};
use assessment_model::{
    Assessment, Evidence, Framework, IssueKind, Mapping, Rating, RatingValue, Subject,
};
use serde_json::json;

fn scales() -> serde_json::Value {
    json!({
        "tick": { "type": "binary" },
        "three": { "type": "ordinal", "levels": [
            { "id": "low", "value": 1, "label": "low" },
            { "id": "mid", "value": 2, "label": "mid" },
            { "id": "high", "value": 3, "label": "high" } ] },
        "skewed": { "type": "ordinal", "levels": [
            { "id": "none", "value": 0, "label": "none" },
            { "id": "some", "value": 1, "label": "some" },
            { "id": "full", "value": 5, "label": "full" } ] },
        "pct": { "type": "numeric", "min": 0.0, "max": 100.0 },
        "delay": { "type": "numeric", "min": 0.0, "max": 10.0, "direction": "lower_is_better" }
    })
}

/// The source: one leaf per scale, plus a group.
fn source() -> Framework {
    serde_json::from_value(json!({
        "id": "src", "version": "1.0.0", "title": "Source", "scales": scales(),
        "criteria": [
            { "id": "t1", "title": "T1", "scale": "tick" },
            { "id": "t2", "title": "T2", "scale": "tick" },
            { "id": "g", "title": "G", "children": [
                { "id": "o1", "title": "O1", "scale": "three" },
                { "id": "s1", "title": "S1", "scale": "skewed" },
                { "id": "n1", "title": "N1", "scale": "pct" }
            ] },
            { "id": "extra", "title": "Extra", "scale": "tick" }
        ]
    }))
    .unwrap()
}

/// The target: the same scales, one leaf per scale.
fn target() -> Framework {
    serde_json::from_value(json!({
        "id": "tgt", "version": "2.0.0", "title": "Target", "scales": scales(),
        "criteria": [
            { "id": "x-tick", "title": "X", "scale": "tick" },
            { "id": "x-three", "title": "X", "scale": "three" },
            { "id": "x-pct", "title": "X", "scale": "pct" },
            { "id": "x-delay", "title": "X", "scale": "delay" },
            { "id": "x-new", "title": "New", "scale": "tick" }
        ]
    }))
    .unwrap()
}

fn mapping(entries: serde_json::Value) -> Mapping {
    serde_json::from_value(json!({
        "id": "m", "title": "M",
        "from": { "id": "src", "version": "^1" },
        "to": { "id": "tgt", "version": "^2" },
        "entries": entries
    }))
    .unwrap()
}

fn entry(from: &[&str], to: &str) -> serde_json::Value {
    json!({ "from": from, "to": to, "relation": "equivalent", "rationale": "test" })
}

fn assessment(ratings: &[(&str, RatingValue)]) -> Assessment {
    let mut a = Assessment::new(source().exact_ref(), Subject::new("S"));
    for (id, v) in ratings {
        a.rate(id, v.clone()).unwrap();
    }
    a
}

/// Translates a single rating of `from` to target leaf `to`.
fn one(from: &str, value: RatingValue, to: &str) -> RatingValue {
    let m = mapping(json!([entry(&[from], to)]));
    let t = m
        .translate(&assessment(&[(from, value)]), &source(), &target())
        .unwrap();
    t.assessment.ratings[to].value.clone()
}

#[test]
fn binary_to_three_levels_on_every_level() {
    assert_eq!(
        one("t1", RatingValue::Met, "x-three"),
        RatingValue::Level(3.into())
    );
    assert_eq!(
        one("t1", RatingValue::NotMet, "x-three"),
        RatingValue::Level(1.into())
    );
}

#[test]
fn three_levels_to_binary_on_every_level() {
    // Normalised 0, 0.5, 1: met only at 1.
    assert_eq!(
        one("o1", RatingValue::Level(1.into()), "x-tick"),
        RatingValue::NotMet
    );
    assert_eq!(
        one("o1", RatingValue::Level(2.into()), "x-tick"),
        RatingValue::NotMet
    );
    assert_eq!(
        one("o1", RatingValue::Level(3.into()), "x-tick"),
        RatingValue::Met
    );
}

#[test]
fn ordinal_rounds_down_to_the_nearest_level() {
    // skewed: 0 → 0, 1 → 0.2, 5 → 1; on 1-3 (0, 0.5, 1): 0.2 rounds down to 1.
    assert_eq!(
        one("s1", RatingValue::Level(0.into()), "x-three"),
        RatingValue::Level(1.into())
    );
    assert_eq!(
        one("s1", RatingValue::Level(1.into()), "x-three"),
        RatingValue::Level(1.into())
    );
    assert_eq!(
        one("s1", RatingValue::Level(5.into()), "x-three"),
        RatingValue::Level(3.into())
    );
    // pct 49.9 → 0.499 → level 1; 50 → 0.5 → level 2; 99.9 → level 2.
    assert_eq!(
        one("n1", RatingValue::Number(49.9), "x-three"),
        RatingValue::Level(1.into())
    );
    assert_eq!(
        one("n1", RatingValue::Number(50.0), "x-three"),
        RatingValue::Level(2.into())
    );
    assert_eq!(
        one("n1", RatingValue::Number(99.9), "x-three"),
        RatingValue::Level(2.into())
    );
}

#[test]
fn numeric_targets_are_exact() {
    assert_eq!(
        one("o1", RatingValue::Level(2.into()), "x-pct"),
        RatingValue::Number(50.0)
    );
    // Lower is better on [0, 10]: score 0.5 → 5, 1 → 0, 0 → 10.
    assert_eq!(
        one("o1", RatingValue::Level(2.into()), "x-delay"),
        RatingValue::Number(5.0)
    );
    assert_eq!(
        one("t1", RatingValue::Met, "x-delay"),
        RatingValue::Number(0.0)
    );
    assert_eq!(
        one("t1", RatingValue::NotMet, "x-delay"),
        RatingValue::Number(10.0)
    );
    // Same scale: carried as it is.
    assert_eq!(
        one("n1", RatingValue::Number(37.5), "x-pct"),
        RatingValue::Number(37.5)
    );
}

#[test]
fn several_sources_take_the_mean_rounded_down() {
    let m = mapping(json!([
        entry(&["t1", "o1"], "x-three"),
        entry(&["t1", "t2", "o1"], "x-tick"),
        entry(&["t2", "o1"], "x-pct")
    ]));
    // t1 met (1), t2 not met (0), o1 level 2 (0.5).
    let a = assessment(&[
        ("t1", RatingValue::Met),
        ("t2", RatingValue::NotMet),
        ("o1", RatingValue::Level(2.into())),
    ]);
    let t = m.translate(&a, &source(), &target()).unwrap();
    // (1 + 0.5) / 2 = 0.75 → largest level not above: 2 (0.5).
    assert_eq!(
        t.assessment.ratings["x-three"].value,
        RatingValue::Level(2.into())
    );
    assert_eq!(t.carried[0].score, Some(0.75));
    // (1 + 0 + 0.5) / 3 = 0.5 → not met.
    assert_eq!(t.assessment.ratings["x-tick"].value, RatingValue::NotMet);
    // (0 + 0.5) / 2 = 0.25 → 25.
    assert_eq!(
        t.assessment.ratings["x-pct"].value,
        RatingValue::Number(25.0)
    );
    let a = assessment(&[
        ("t1", RatingValue::Met),
        ("o1", RatingValue::Level(3.into())),
    ]);
    let t = m.translate(&a, &source(), &target()).unwrap();
    assert_eq!(
        t.assessment.ratings["x-three"].value,
        RatingValue::Level(3.into())
    );
    // t2 missing: the mean of the rated ones, and the gap is recorded.
    assert_eq!(t.assessment.ratings["x-tick"].value, RatingValue::Met);
    assert_eq!(t.carried[1].missing, ["t2"]);
}

#[test]
fn not_applicable_sources() {
    let m = mapping(json!([
        entry(&["t1", "t2"], "x-tick"),
        entry(&["o1", "s1"], "x-three")
    ]));
    let a = assessment(&[
        ("t1", RatingValue::NotApplicable),
        ("t2", RatingValue::NotApplicable),
        ("o1", RatingValue::NotApplicable),
        ("s1", RatingValue::Level(5.into())),
    ]);
    let t = m.translate(&a, &source(), &target()).unwrap();
    // Every source not applicable: the target is not applicable.
    assert_eq!(
        t.assessment.ratings["x-tick"].value,
        RatingValue::NotApplicable
    );
    assert_eq!(t.carried[0].score, None);
    // One not applicable beside a rated one: left out of the mean, listed.
    assert_eq!(
        t.assessment.ratings["x-three"].value,
        RatingValue::Level(3.into())
    );
    assert_eq!(t.not_carried.len(), 1);
    assert_eq!(t.not_carried[0].from, "o1");
    assert_eq!(
        t.not_carried[0].reason,
        NotCarriedReason::NotApplicableBesideOthers {
            to: vec!["x-three".parse().unwrap()]
        }
    );
}

#[test]
fn every_source_rating_is_carried_or_listed_and_every_target_leaf_accounted_for() {
    let mut m = mapping(json!([
        entry(&["t1"], "x-tick"),
        { "from": ["o1", "t2"], "to": "x-three", "relation": "subset", "rationale": "r" },
        entry(&["n1"], "x-delay")
    ]));
    m.unmapped_from.insert(
        "extra".parse().unwrap(),
        "Dropped in the new version.".into(),
    );
    m.unmapped_to
        .insert("x-new".parse().unwrap(), "New in the target.".into());
    let a = assessment(&[
        ("t1", RatingValue::Met),
        ("o1", RatingValue::Level(1.into())),
        ("s1", RatingValue::Level(1.into())),
        ("extra", RatingValue::Met),
    ]);
    let t = m.translate(&a, &source(), &target()).unwrap();
    let carried: HashSet<&str> = t
        .carried
        .iter()
        .flat_map(|c| c.from.iter().map(|i| i.as_str()))
        .collect();
    let listed: HashSet<&str> = t.not_carried.iter().map(|n| n.from.as_str()).collect();
    for id in a.ratings.keys() {
        assert!(
            carried.contains(id.as_str()) ^ listed.contains(id.as_str()),
            "{id} must be carried or listed, not both"
        );
    }
    assert_eq!(carried, HashSet::from(["t1", "o1"]));
    assert_eq!(t.not_carried[0].from, "s1");
    assert_eq!(
        t.not_carried[0].reason,
        NotCarriedReason::NoEntry { rationale: None }
    );
    assert_eq!(
        t.not_carried[1].reason,
        NotCarriedReason::NoEntry {
            rationale: Some("Dropped in the new version.".into())
        }
    );
    let unrated: Vec<(&str, &str)> = t
        .unrated
        .iter()
        .map(|u| (u.id.as_str(), u.reason.as_str()))
        .collect();
    assert_eq!(
        unrated,
        [
            ("x-pct", "no entry maps to it"),
            ("x-delay", "no source of entry 2 is rated"),
            ("x-new", "no entry: New in the target."),
        ]
    );
    let weak: Vec<(&str, Relation)> = t
        .weaker_than_equivalent()
        .map(|c| (c.to.as_str(), c.relation))
        .collect();
    assert_eq!(weak, [("x-three", Relation::Subset)]);
    assert_eq!(t.assessment.framework, target().exact_ref());
}

#[test]
fn evidence_notes_narratives_and_findings_travel() {
    let m = mapping(json!([
        entry(&["t1", "t2"], "x-tick"),
        entry(&["o1"], "x-three")
    ]));
    let mut a = assessment(&[]);
    let ev = |d: &str| Evidence::new(EvidenceKind::Interview, d);
    a.ratings.insert("t1".parse().unwrap(), {
        let mut built = Rating::new(RatingValue::Met);
        built.evidence = vec![ev("first")];
        built.note = Some("n1".into());
        built
    });
    a.ratings.insert("t2".parse().unwrap(), {
        let mut built = Rating::new(RatingValue::Met);
        built.evidence = vec![ev("second")];
        built.note = Some("n2".into());
        built
    });
    a.ratings.insert("o1".parse().unwrap(), {
        let mut built = Rating::new(RatingValue::Level(2.into()));
        built.note = Some("only".into());
        built
    });
    a.narratives
        .insert("o1".parse().unwrap(), "Story of o1.".into());
    a.narratives
        .insert("g".parse().unwrap(), "Story of the group.".into());
    a.findings.push({
        let mut built = DeclaredFinding::new(FindingKind::Risk, "risk");
        built.criterion = Some("t2".parse().unwrap());
        built
    });
    a.findings
        .push(DeclaredFinding::new(FindingKind::Strength, "overall"));
    a.findings.push({
        let mut built = DeclaredFinding::new(FindingKind::Strength, "group");
        built.criterion = Some("g".parse().unwrap());
        built
    });
    let t = m.translate(&a, &source(), &target()).unwrap();
    let tick = &t.assessment.ratings["x-tick"];
    assert_eq!(tick.evidence, vec![ev("first"), ev("second")]);
    assert_eq!(tick.note.as_deref(), Some("t1: n1\nt2: n2"));
    assert_eq!(
        t.assessment.ratings["x-three"].note.as_deref(),
        Some("only")
    );
    // Of the group g (o1, s1, n1) only o1 is mapped, to the top-level
    // leaf x-three: the lowest target criterion containing every target of
    // g's leaves is x-three, so g's narrative and finding land there. Two
    // texts on one criterion: each prefixed, the group's first.
    assert_eq!(
        t.assessment.narratives["x-three"],
        "g: Story of the group.\no1: Story of o1."
    );
    assert_eq!(t.assessment.narratives.len(), 1);
    assert!(t.narratives_not_carried.is_empty());
    let about: Vec<Option<&str>> = t
        .assessment
        .findings
        .iter()
        .map(|f| f.criterion.as_ref().map(|c| c.as_str()))
        .collect();
    assert_eq!(about, [Some("x-tick"), None, Some("x-three")]);
    assert_eq!(t.assessment.findings[2].text, "group");
    assert!(t.findings_not_carried.is_empty());
}

#[test]
fn identity_mapping_is_the_identity() {
    let f = source();
    let mut a = Assessment::new(f.compatible_ref(), Subject::new("S"));
    a.rate("t1", RatingValue::Met)
        .unwrap()
        .rate("t2", RatingValue::NotApplicable)
        .unwrap()
        .rate("o1", RatingValue::Level(2.into()))
        .unwrap()
        .rate("s1", RatingValue::Level(1.into()))
        .unwrap()
        .rate("n1", RatingValue::Number(33.3))
        .unwrap();
    a.ratings.get_mut("o1").unwrap().note = Some("note".into());
    a.ratings.get_mut("o1").unwrap().evidence.push({
        let mut built = Evidence::new(EvidenceKind::Document, "plan");
        built.reference = Some("p. 3".into());
        built
    });
    a.narratives.insert("s1".parse().unwrap(), "text".into());
    let t = Mapping::identity(&f).translate(&a, &f, &f).unwrap();
    assert_eq!(t.assessment, a);
    assert!(t.not_carried.is_empty());
    assert_eq!(t.unrated.len(), 1); // `extra` was not rated
    assert_eq!(t.weaker_than_equivalent().count(), 0);
}

#[test]
fn problems_are_listed_with_paths() {
    let m = mapping(json!([
        entry(&["t1", "nope", "g"], "x-tick"),
        entry(&[], "x-tick"),
        entry(&["t2"], "missing")
    ]));
    let mut a = assessment(&[
        ("o1", RatingValue::Level(7.into())),
        ("zz", RatingValue::Met),
        ("g", RatingValue::Met),
    ]);
    a.framework.version = "^3".parse().unwrap();
    for about in [Some("g"), Some("nowhere"), None] {
        let mut finding = DeclaredFinding::new(FindingKind::Risk, "finding");
        finding.criterion = about.map(|id| id.parse().unwrap());
        a.findings.push(finding);
    }
    let err = m.translate(&a, &source(), &target()).unwrap_err();
    let got: Vec<(&str, &str)> = err
        .issues()
        .iter()
        .map(|i| (i.code(), i.path.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("unknown-criterion", "/mapping/entries/0/from/1"),
            ("not-a-leaf", "/mapping/entries/0/from/2"),
            ("invalid-document", "/mapping/entries/1/from"),
            ("duplicate-id", "/mapping/entries/1/to"),
            ("unknown-criterion", "/mapping/entries/2/to"),
            ("framework-mismatch", "/assessment/framework"),
            ("rating-off-scale", "/assessment/ratings/o1/value"),
            ("unknown-criterion", "/assessment/ratings/zz"),
            ("rating-on-group", "/assessment/ratings/g"),
            ("unknown-criterion", "/assessment/findings/1/criterion"),
        ]
    );
    assert_eq!(
        err.issues()[5].kind,
        IssueKind::FrameworkMismatch {
            required: "src ^3".into(),
            found: "src 1.0.0".into()
        }
    );
    // The mapping for other frameworks.
    let err = m
        .translate(&assessment(&[]), &target(), &source())
        .unwrap_err();
    assert_eq!(err.issues()[0].path, "/mapping/from");
    assert_eq!(err.issues()[1].path, "/mapping/to");
}

#[test]
fn mapping_documents_reject_unknown_fields_and_relations() {
    let bad = serde_json::from_value::<Mapping>(json!({
        "id": "m", "title": "M", "from": { "id": "a", "version": "^1" },
        "to": { "id": "b", "version": "^1" }, "entries": [], "extra": 1
    }));
    assert!(bad.is_err());
    let bad = serde_json::from_value::<Mapping>(json!({
        "id": "m", "title": "M", "from": { "id": "a", "version": "^1" },
        "to": { "id": "b", "version": "^1" },
        "entries": [{ "from": ["x"], "to": "y", "relation": "similar", "rationale": "" }]
    }));
    assert!(bad.is_err());
}
