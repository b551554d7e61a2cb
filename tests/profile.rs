#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Tailoring a framework with a profile.
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use assessment_model::model::DerivationKind;
use assessment_model::profile::ProfileError;
use assessment_model::{Framework, IssueKind, Profile};
use serde_json::json;

fn framework() -> Framework {
    serde_json::from_value(json!({
        "id": "tiny", "version": "1.2.0", "title": "Tiny",
        "scales": { "tick": { "type": "binary" } },
        "facets": { "side": { "title": "Side", "values": {
            "left": { "title": "Left" }, "right": { "title": "Right" } } } },
        "criteria": [
            { "id": "a", "title": "A", "scale": "tick" },
            { "id": "g", "title": "G", "weight": 3.0, "tags": { "side": "left" }, "children": [
                { "id": "b", "title": "B", "scale": "tick", "weight": 2.0 },
                { "id": "h", "title": "H", "children": [
                    { "id": "c", "title": "C", "scale": "tick", "tags": { "side": "right" } },
                    { "id": "d", "title": "D", "scale": "tick" }
                ] }
            ] },
            { "id": "e", "title": "E", "scale": "tick" }
        ]
    }))
    .unwrap()
}

fn profile(body: serde_json::Value) -> Profile {
    let mut value = json!({
        "id": "p", "title": "P",
        "framework": { "id": "tiny", "version": "^1.1" }
    });
    for (k, v) in body.as_object().unwrap() {
        value[k] = v.clone();
    }
    serde_json::from_value(value).unwrap()
}

fn ids(f: &Framework) -> Vec<(usize, String)> {
    f.walk().map(|(d, c)| (d, c.id.to_string())).collect()
}

fn codes_and_paths(err: &ProfileError) -> Vec<(String, String)> {
    err.issues()
        .iter()
        .map(|i| (i.code().to_string(), i.path.clone()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn empty_profile_is_the_identity_except_for_provenance() {
    let f = framework();
    let tailored = profile(json!({})).apply(&f).unwrap();
    assert_eq!(tailored.criteria, f.criteria);
    assert_eq!(tailored.scales, f.scales);
    assert_eq!(tailored.facets, f.facets);
    assert_eq!(tailored.rules, f.rules);
    assert_eq!((&tailored.id, &tailored.version), (&f.id, &f.version));
    let step = tailored.provenance.derived_from.last().unwrap();
    assert_eq!(
        (step.kind, step.id.as_str()),
        (DerivationKind::Profile, "p")
    );
    let mut back = tailored.clone();
    back.provenance = f.provenance.clone();
    assert_eq!(back, f);
}

#[test]
fn profile_for_another_framework_is_a_mismatch() {
    let mut p = profile(json!({}));
    p.framework.version = "^2".parse().unwrap();
    let err = p.apply(&framework()).unwrap_err();
    assert_eq!(
        codes_and_paths(&err),
        pairs(&[("framework-mismatch", "/framework")])
    );
    assert_eq!(
        err.issues()[0].kind,
        IssueKind::FrameworkMismatch {
            required: "tiny ^2".into(),
            found: "tiny 1.2.0".into()
        }
    );
    let mut p = profile(json!({}));
    p.framework.id = "other".parse().unwrap();
    assert_eq!(
        codes_and_paths(&p.apply(&framework()).unwrap_err()),
        pairs(&[("framework-mismatch", "/framework")])
    );
}

#[test]
fn unknown_ids_are_listed_with_their_paths() {
    let p = profile(json!({
        "include": [{ "id": "a" }, { "id": "zz" }],
        "exclude": [{ "id": "yy", "subtree": false }],
        "weights": { "xx": 1.0 },
        "scored": { "ww": false },
        "not_applicable": { "vv": "moot" }
    }));
    let err = p.apply(&framework()).unwrap_err();
    assert_eq!(
        codes_and_paths(&err),
        pairs(&[
            ("unknown-criterion", "/include/1/id"),
            ("unknown-criterion", "/exclude/0/id"),
            ("unknown-criterion", "/weights/xx"),
            ("unknown-criterion", "/scored/ww"),
            ("unknown-criterion", "/not_applicable/vv"),
        ])
    );
    assert_eq!(
        err.issues()[0].kind,
        IssueKind::UnknownCriterion { id: "zz".into() }
    );
}

#[test]
fn overrides_on_removed_criteria_are_errors() {
    let p = profile(json!({
        "exclude": [{ "id": "h" }, { "id": "g", "subtree": false }],
        "weights": { "c": 2.0, "b": 5.0 },
        "scored": { "g": false },
        "not_applicable": { "d": "moot" }
    }));
    let err = p.apply(&framework()).unwrap_err();
    assert_eq!(
        codes_and_paths(&err),
        pairs(&[
            ("override-on-removed", "/weights/c"),
            ("override-on-removed", "/scored/g"),
            ("override-on-removed", "/not_applicable/d"),
        ])
    );
    assert_eq!(
        err.issues()[1].kind,
        IssueKind::OverrideOnRemoved { id: "g".into() }
    );
}

#[test]
fn a_criterion_not_included_is_removed_too() {
    let p = profile(json!({ "include": [{ "id": "a" }], "weights": { "e": 2.0 } }));
    let err = p.apply(&framework()).unwrap_err();
    assert_eq!(
        codes_and_paths(&err),
        pairs(&[("override-on-removed", "/weights/e")])
    );
}

#[test]
fn emptying_a_group_is_an_error_at_the_entry_that_emptied_it() {
    let p = profile(json!({ "exclude": [{ "id": "a" }, { "id": "c" }, { "id": "d" }] }));
    let err = p.apply(&framework()).unwrap_err();
    assert_eq!(
        codes_and_paths(&err),
        pairs(&[("emptied-group", "/exclude/1")])
    );
    assert_eq!(
        err.issues()[0].kind,
        IssueKind::EmptiedGroup { id: "h".into() }
    );

    // Removing everything empties the framework itself.
    let p = profile(json!({ "exclude": [{ "id": "e" }, { "id": "g" }, { "id": "a" }] }));
    let err = p.apply(&framework()).unwrap_err();
    assert_eq!(
        codes_and_paths(&err),
        pairs(&[("emptied-group", "/exclude/2")])
    );
    assert_eq!(
        err.issues()[0].kind,
        IssueKind::EmptiedGroup { id: "tiny".into() }
    );

    // A group included alone, with none of its children, is empty.
    let p = profile(json!({ "include": [{ "id": "h", "subtree": false }] }));
    let err = p.apply(&framework()).unwrap_err();
    assert_eq!(
        codes_and_paths(&err),
        pairs(&[("emptied-group", "/include")])
    );
    assert_eq!(
        err.issues()[0].kind,
        IssueKind::EmptiedGroup { id: "h".into() }
    );
}

#[test]
fn bad_weights_and_blank_reasons_are_errors() {
    let mut p = profile(json!({ "not_applicable": { "a": "  " } }));
    p.weights.insert("b".parse().unwrap(), -1.0);
    p.weights.insert("e".parse().unwrap(), f64::NAN);
    let err = p.apply(&framework()).unwrap_err();
    assert_eq!(
        codes_and_paths(&err),
        pairs(&[
            ("invalid-weight", "/weights/b"),
            ("invalid-weight", "/weights/e"),
            ("missing-reason", "/not_applicable/a"),
        ])
    );
}

#[test]
fn include_keeps_ancestors_and_subtrees() {
    let p = profile(json!({ "include": [{ "id": "c" }, { "id": "e" }] }));
    let t = p.apply(&framework()).unwrap();
    let want: Vec<(usize, String)> = [(1, "g"), (2, "h"), (3, "c"), (1, "e")]
        .iter()
        .map(|(d, s)| (*d, s.to_string()))
        .collect();
    assert_eq!(ids(&t), want);

    let p = profile(json!({ "include": [{ "id": "g" }] }));
    let t = p.apply(&framework()).unwrap();
    let got: Vec<String> = ids(&t).into_iter().map(|(_, s)| s).collect();
    assert_eq!(got, ["g", "b", "h", "c", "d"]);
}

#[test]
fn exclude_without_subtree_lifts_children_with_the_groups_tags() {
    let p = profile(json!({ "exclude": [{ "id": "g", "subtree": false }] }));
    let t = p.apply(&framework()).unwrap();
    let want: Vec<(usize, String)> = [(1, "a"), (1, "b"), (1, "h"), (2, "c"), (2, "d"), (1, "e")]
        .iter()
        .map(|(d, s)| (*d, s.to_string()))
        .collect();
    assert_eq!(ids(&t), want);
    // b and h take over g's tag; c keeps its own, and d inherits it from h.
    assert_eq!(t.criteria[1].tags["side"], "left");
    assert_eq!(t.criteria[1].weight, 2.0);
    assert_eq!(t.criteria[2].tags["side"], "left");
    assert_eq!(t.criteria[2].children[0].tags["side"], "right");
    assert!(t.criteria[2].children[1].tags.is_empty());
}

#[test]
fn overrides_apply_to_kept_criteria() {
    let p = profile(json!({
        "exclude": [{ "id": "e" }],
        "weights": { "g": 0.5 },
        "scored": { "a": false },
        "not_applicable": { "d": "Regional law makes it moot." }
    }));
    let t = p.apply(&framework()).unwrap();
    assert_eq!(t.criterion("g").unwrap().weight, 0.5);
    assert!(!t.criterion("a").unwrap().scored);
    assert_eq!(
        t.criterion("d").unwrap().not_applicable.as_deref(),
        Some("Regional law makes it moot.")
    );
    assert!(t.criterion("e").is_none());
}

#[test]
fn unknown_fields_are_rejected() {
    let bad = serde_json::from_value::<Profile>(json!({
        "id": "p", "title": "P", "framework": { "id": "tiny", "version": "^1" }, "exclued": []
    }));
    assert!(bad.unwrap_err().to_string().contains("exclued"));
}

mod scoring {
    use super::*;
    use assessment_model::{Assessment, LevelRef, RatingValue, Report, Scorer, Subject};

    /// A framework with weights, an ordinal scale, a facet, bands and a
    /// critical group, so that every part of a report is exercised.
    fn rich() -> Framework {
        serde_json::from_value(json!({
            "id": "rich", "version": "1.0.0", "title": "Rich",
            "scales": {
                "tick": { "type": "binary" },
                "three": { "type": "ordinal", "levels": [
                    { "id": "low", "value": 1, "label": "low" },
                    { "id": "mid", "value": 2, "label": "mid" },
                    { "id": "high", "value": 3, "label": "high" } ] }
            },
            "facets": { "side": { "title": "Side", "values": {
                "left": { "title": "Left" }, "right": { "title": "Right" } } } },
            "rules": {
                "bands": [ { "id": "weak", "label": "weak", "from": 0.0 },
                           { "id": "strong", "label": "strong", "from": 0.75 } ],
                "risk_below": 0.5, "strength_at": 0.9
            },
            "criteria": [
                { "id": "g", "title": "G", "critical": true, "weight": 2.0,
                  "tags": { "side": "left" }, "children": [
                    { "id": "a", "title": "A", "scale": "three", "weight": 3.0 },
                    { "id": "b", "title": "B", "scale": "tick" },
                    { "id": "c", "title": "C", "scale": "three", "tags": { "side": "right" } }
                ] },
                { "id": "h", "title": "H", "children": [
                    { "id": "d", "title": "D", "scale": "tick" },
                    { "id": "e", "title": "E", "scale": "tick" }
                ] }
            ]
        }))
        .unwrap()
    }

    fn rated(f: &Framework, ratings: &[(&str, RatingValue)]) -> Assessment {
        let mut a = Assessment::new(f.exact_ref(), Subject::new("S"));
        for (id, v) in ratings {
            a.rate(id, v.clone()).unwrap();
        }
        a
    }

    /// Everything a report says about scores, without the ratings and
    /// not-applicable reasons themselves.
    fn scores(r: &Report) -> (String, String, String, String) {
        let nodes: Vec<_> = r
            .nodes()
            .map(|n| (n.id().to_string(), n.outcome()))
            .collect();
        (
            format!("{:?}", r.total()),
            format!("{nodes:?}"),
            format!("{:?}", r.facets()),
            format!("{:?} {:?}", r.risks(), r.strengths()),
        )
    }

    const BASE: [(&str, RatingValue); 4] = [
        ("a", RatingValue::Level(LevelRef::Value(2))),
        ("b", RatingValue::NotMet),
        ("c", RatingValue::Level(LevelRef::Value(3))),
        ("e", RatingValue::Met),
    ];

    #[test]
    fn not_applicable_under_a_profile_scores_as_if_rated_not_applicable() {
        let f = rich();
        let reason = "Regional law makes it moot.";
        for leaf in ["a", "b", "c", "d", "e"] {
            let mut p = Profile::new("p".parse().unwrap(), "P", f.compatible_ref());
            p.not_applicable
                .insert(leaf.parse().unwrap(), reason.into());
            let tailored = p.apply(&f).unwrap();

            let mut as_rated = rated(&f, &BASE);
            as_rated.rate(leaf, RatingValue::NotApplicable).unwrap();
            let expected = Scorer::new(&f).unwrap().score(&as_rated).unwrap();

            // Under the profile: whether the leaf is rated, unrated or rated
            // otherwise, it is not applicable.
            let scorer = Scorer::new(&tailored).unwrap();
            let mut other = rated(&tailored, &BASE);
            let value = if leaf == "a" || leaf == "c" {
                RatingValue::Level(1.into())
            } else {
                RatingValue::Met
            };
            other.rate(leaf, value).unwrap();
            for assessment in [rated(&tailored, &BASE), other] {
                let got = scorer.score(&assessment).unwrap();
                assert_eq!(scores(&got), scores(&expected), "leaf {leaf}");
                assert_eq!(got.node(leaf).unwrap().not_applicable(), Some(reason));
            }
        }
    }

    #[test]
    fn a_group_not_applicable_scores_as_if_all_its_leaves_were() {
        let f = rich();
        let mut p = Profile::new("p".parse().unwrap(), "P", f.compatible_ref());
        p.not_applicable
            .insert("g".parse().unwrap(), "Not offered here.".into());
        let tailored = p.apply(&f).unwrap();
        let mut as_rated = rated(&f, &BASE);
        for leaf in ["a", "b", "c"] {
            as_rated.rate(leaf, RatingValue::NotApplicable).unwrap();
        }
        let expected = Scorer::new(&f).unwrap().score(&as_rated).unwrap();
        let got = Scorer::new(&tailored)
            .unwrap()
            .score(&rated(&tailored, &BASE))
            .unwrap();
        assert_eq!(scores(&got), scores(&expected));
        // Only h is left, and in it only e is rated (met): the total is 1.
        assert_eq!(got.total().score(), Some(1.0));
        assert_eq!(
            got.node("b").unwrap().not_applicable(),
            Some("Not offered here.")
        );
    }

    #[test]
    fn an_empty_profile_scores_identically() {
        let f = rich();
        let tailored = Profile::new("p".parse().unwrap(), "P", f.compatible_ref())
            .apply(&f)
            .unwrap();
        let a = rated(&f, &BASE);
        let before = Scorer::new(&f).unwrap().score(&a).unwrap();
        let after = Scorer::new(&tailored).unwrap().score(&a).unwrap();
        assert_eq!(after, before);
    }
}
