//! Every framework check of SPEC.md §6.2, with the exact
//! code, path and values, worked out by hand from the documents below.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use assessment_model::model::MAX_DEPTH;
use assessment_model::{
    Assessment, Criterion, Framework, FrameworkRef, Id, IssueKind, Mapping, Report, Scorer,
    Severity, Subject, ValidationError, compose,
};
use serde_json::{Value, json};

/// The framework in `doc` (a JSON value), parsed.
fn framework(doc: Value) -> Framework {
    serde_json::from_value(doc).expect("the test document parses")
}

/// `(code, path)` of every issue, after checking that every path resolves in
/// the serialised framework.
fn found(framework: &Framework) -> Vec<(&'static str, String)> {
    let serialised = serde_json::to_value(framework).unwrap();
    framework
        .issues()
        .into_iter()
        .map(|issue| {
            assert!(
                serialised.pointer(&issue.path).is_some(),
                "{} does not resolve in {serialised}",
                issue.path
            );
            (issue.code(), issue.path)
        })
        .collect()
}

fn pairs(expected: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    expected
        .iter()
        .map(|(c, p)| (*c, (*p).to_string()))
        .collect()
}

/// A framework with one binary scale `tick` and the given criteria.
fn with_criteria(criteria: Value) -> Value {
    json!({
        "id": "test", "version": "1.0.0", "title": "Test",
        "scales": { "tick": { "type": "binary" } },
        "criteria": criteria
    })
}

fn leaf(id: &str) -> Value {
    json!({ "id": id, "title": id, "scale": "tick" })
}

#[test]
fn a_valid_framework_has_no_issues() {
    let f = framework(json!({
        "id": "ok", "version": "1.2.3", "title": "OK",
        "scales": {
            "tick": { "type": "binary" },
            "grade": { "type": "ordinal", "levels": [
                { "id": "low", "value": 1, "label": "low" },
                { "id": "high", "value": 3, "label": "high" }
            ]},
            "share": { "type": "numeric", "min": 0.0, "max": 100.0, "unit": "%" }
        },
        "facets": { "who": { "title": "Who", "values": {
            "staff": { "title": "Staff" }, "users": { "title": "Users" }
        }}},
        "rules": {
            "min_coverage": 0.5,
            "bands": [
                { "id": "weak", "label": "weak", "from": 0.0 },
                { "id": "strong", "label": "strong", "from": 0.75 }
            ],
            "risk_below": 0.5, "strength_at": 1.0, "critical_caps_band": "weak"
        },
        "criteria": [
            { "id": "area", "title": "Area", "tags": { "who": "staff" }, "children": [
                { "id": "a-1", "title": "a1", "scale": "tick", "weight": 0.0 },
                { "id": "a-2", "title": "a2", "scale": "grade", "tags": { "who": "users" } }
            ]},
            { "id": "b", "title": "b", "scale": "share", "weight": 2.5 }
        ]
    }));
    assert_eq!(found(&f), []);
    assert_eq!(f.validate(), Ok(()));
}

#[test]
fn duplicate_criterion_ids_anywhere_in_the_tree() {
    let f = framework(with_criteria(json!([
        { "id": "g", "title": "g", "children": [leaf("x"), leaf("g")] },
        leaf("x"),
        { "id": "h", "title": "h", "children": [leaf("x")] }
    ])));
    assert_eq!(
        found(&f),
        pairs(&[
            ("duplicate-id", "/criteria/0/children/1/id"),
            ("duplicate-id", "/criteria/1/id"),
            ("duplicate-id", "/criteria/2/children/0/id"),
        ])
    );
    let issues = f.issues();
    assert_eq!(
        issues[0].kind,
        IssueKind::DuplicateId {
            id: "g".into(),
            first: "/criteria/0/id".into()
        }
    );
    for issue in &issues[1..] {
        assert_eq!(
            issue.kind,
            IssueKind::DuplicateId {
                id: "x".into(),
                first: "/criteria/0/children/0/id".into()
            }
        );
    }
}

#[test]
fn duplicate_criterion_ids_among_thousands() {
    // 3000 leaves in 30 groups of 100: `c-17-4` again at /criteria/29/children/99,
    // and `c-0-0` again at /criteria/12/children/50; every other id unique.
    let mut groups = Vec::new();
    for g in 0..30 {
        let children: Vec<Value> = (0..100)
            .map(|i| match (g, i) {
                (29, 99) => leaf("c-17-4"),
                (12, 50) => leaf("c-0-0"),
                _ => leaf(&format!("c-{g}-{i}")),
            })
            .collect();
        groups.push(json!({ "id": format!("g-{g}"), "title": "g", "children": children }));
    }
    let f = framework(with_criteria(Value::Array(groups)));
    assert_eq!(
        found(&f),
        pairs(&[
            ("duplicate-id", "/criteria/12/children/50/id"),
            ("duplicate-id", "/criteria/29/children/99/id"),
        ])
    );
    let firsts: Vec<IssueKind> = f.issues().into_iter().map(|i| i.kind).collect();
    assert_eq!(
        firsts,
        [
            IssueKind::DuplicateId {
                id: "c-0-0".into(),
                first: "/criteria/0/children/0/id".into()
            },
            IssueKind::DuplicateId {
                id: "c-17-4".into(),
                first: "/criteria/17/children/4/id".into()
            },
        ]
    );
}

#[test]
fn duplicate_level_ids_are_per_scale() {
    let f = framework(json!({
        "id": "t", "version": "1.0.0", "title": "T",
        "scales": {
            "one": { "type": "ordinal", "levels": [
                { "id": "low", "value": 1, "label": "l" },
                { "id": "high", "value": 2, "label": "h" },
                { "id": "low", "value": 3, "label": "l again" }
            ]},
            "two": { "type": "ordinal", "levels": [
                { "id": "low", "value": 1, "label": "l" },
                { "id": "high", "value": 2, "label": "h" }
            ]}
        },
        "criteria": [
            { "id": "a", "title": "a", "scale": "one" },
            { "id": "b", "title": "b", "scale": "two" }
        ]
    }));
    assert_eq!(
        found(&f),
        pairs(&[("duplicate-id", "/scales/one/levels/2/id")])
    );
    assert_eq!(
        f.issues()[0].kind,
        IssueKind::DuplicateId {
            id: "low".into(),
            first: "/scales/one/levels/0/id".into()
        }
    );
}

#[test]
fn duplicate_band_ids() {
    let mut doc = with_criteria(json!([leaf("a")]));
    doc["rules"] = json!({ "bands": [
        { "id": "weak", "label": "weak", "from": 0.0 },
        { "id": "weak", "label": "also weak", "from": 0.5 }
    ]});
    let f = framework(doc);
    assert_eq!(found(&f), pairs(&[("duplicate-id", "/rules/bands/1/id")]));
    assert_eq!(
        f.issues()[0].kind,
        IssueKind::DuplicateId {
            id: "weak".into(),
            first: "/rules/bands/0/id".into()
        }
    );
}

#[test]
fn unknown_scale() {
    let f = framework(with_criteria(json!([
        leaf("a"),
        { "id": "b", "title": "b", "scale": "tock" }
    ])));
    assert_eq!(found(&f), pairs(&[("unknown-scale", "/criteria/1/scale")]));
    assert_eq!(
        f.issues()[0].kind,
        IssueKind::UnknownScale {
            scale: "tock".into()
        }
    );
}

#[test]
fn unknown_facet_and_unknown_facet_value() {
    // From text: a `json!` map sorts its keys, and the order matters here.
    let f: Framework = serde_json::from_str(
        r#"{
        "id": "test", "version": "1.0.0", "title": "Test",
        "scales": { "tick": { "type": "binary" } },
        "facets": { "who": { "title": "Who", "values": { "staff": { "title": "Staff" } } } },
        "criteria": [
            { "id": "a", "title": "a", "scale": "tick",
              "tags": { "who": "staff", "where": "here", "when": "now" } },
            { "id": "b", "title": "b", "scale": "tick", "tags": { "who": "users" } }
        ]
    }"#,
    )
    .unwrap();
    assert_eq!(
        found(&f),
        pairs(&[
            ("unknown-facet", "/criteria/0/tags/where"),
            ("unknown-facet", "/criteria/0/tags/when"),
            ("unknown-facet-value", "/criteria/1/tags/who"),
        ])
    );
    let issues = f.issues();
    assert_eq!(
        issues[0].kind,
        IssueKind::UnknownFacet {
            facet: "where".into()
        }
    );
    assert_eq!(
        issues[2].kind,
        IssueKind::UnknownFacetValue {
            facet: "who".into(),
            value: "users".into()
        }
    );
}

#[test]
fn negative_nan_and_infinite_weights() {
    let mut f = framework(with_criteria(json!([
        { "id": "a", "title": "a", "scale": "tick", "weight": -0.5 },
        leaf("b"),
        leaf("c"),
        leaf("d"),
        { "id": "e", "title": "e", "scale": "tick", "weight": 0.0 }
    ])));
    f.criteria[1].weight = f64::NAN;
    f.criteria[2].weight = f64::INFINITY;
    f.criteria[3].weight = f64::NEG_INFINITY;
    assert_eq!(
        found(&f),
        pairs(&[
            ("invalid-weight", "/criteria/0/weight"),
            ("invalid-weight", "/criteria/1/weight"),
            ("invalid-weight", "/criteria/2/weight"),
            ("invalid-weight", "/criteria/3/weight"),
        ])
    );
    let weights: Vec<IssueKind> = f.issues().into_iter().map(|i| i.kind).collect();
    let expected: Vec<IssueKind> = ["-0.5", "NaN", "inf", "-inf"]
        .iter()
        .map(|w| IssueKind::InvalidWeight {
            weight: (*w).into(),
        })
        .collect();
    assert_eq!(weights, expected);
}

#[test]
fn empty_groups() {
    // A criterion with neither children nor a scale, at two depths.
    let f = framework(with_criteria(json!([
        { "id": "a", "title": "a" },
        { "id": "g", "title": "g", "children": [leaf("b"), { "id": "c", "title": "c" }] }
    ])));
    assert_eq!(
        found(&f),
        pairs(&[
            ("empty-group", "/criteria/0"),
            ("empty-group", "/criteria/1/children/1")
        ])
    );
    // A framework with no criteria (the scale is then unused, too).
    let f = framework(with_criteria(json!([])));
    assert_eq!(
        found(&f),
        pairs(&[
            ("unused-scale", "/scales/tick"),
            ("empty-group", "/criteria")
        ])
    );
    assert_eq!(f.issues()[1].kind, IssueKind::EmptyGroup);
}

#[test]
fn scale_on_group() {
    let f = framework(with_criteria(json!([
        { "id": "g", "title": "g", "scale": "tick", "children": [leaf("a")] },
        { "id": "h", "title": "h", "scale": "nope", "children": [leaf("b")] }
    ])));
    assert_eq!(
        found(&f),
        pairs(&[
            ("scale-on-group", "/criteria/0/scale"),
            ("unknown-scale", "/criteria/1/scale"),
            ("scale-on-group", "/criteria/1/scale"),
        ])
    );
}

#[test]
fn ordinal_scales_need_two_levels_with_distinct_values() {
    let f = framework(json!({
        "id": "t", "version": "1.0.0", "title": "T",
        "scales": {
            "none": { "type": "ordinal", "levels": [] },
            "one": { "type": "ordinal", "levels": [{ "id": "only", "value": 1, "label": "o" }] },
            "same": { "type": "ordinal", "levels": [
                { "id": "a", "value": 2, "label": "a" },
                { "id": "b", "value": 1, "label": "b" },
                { "id": "c", "value": 2, "label": "c" },
                { "id": "d", "value": 1, "label": "d" }
            ]}
        },
        "criteria": [
            { "id": "x", "title": "x", "scale": "none" },
            { "id": "y", "title": "y", "scale": "one" },
            { "id": "z", "title": "z", "scale": "same" }
        ]
    }));
    assert_eq!(
        found(&f),
        pairs(&[
            ("too-few-levels", "/scales/none/levels"),
            ("too-few-levels", "/scales/one/levels"),
            ("duplicate-level-value", "/scales/same/levels/2/value"),
            ("duplicate-level-value", "/scales/same/levels/3/value"),
        ])
    );
    let kinds: Vec<IssueKind> = f.issues().into_iter().map(|i| i.kind).collect();
    assert_eq!(
        kinds,
        [
            IssueKind::TooFewLevels { count: 0 },
            IssueKind::TooFewLevels { count: 1 },
            IssueKind::DuplicateLevelValue { value: 2 },
            IssueKind::DuplicateLevelValue { value: 1 },
        ]
    );
}

#[test]
fn numeric_ranges_must_be_finite_and_non_empty() {
    let mut f: Framework = serde_json::from_str(
        r#"{
        "id": "t", "version": "1.0.0", "title": "T",
        "scales": {
            "inverted": { "type": "numeric", "min": 10.0, "max": 0.0 },
            "empty": { "type": "numeric", "min": 5.0, "max": 5.0 },
            "nan-min": { "type": "numeric", "min": 0.0, "max": 1.0 },
            "inf-max": { "type": "numeric", "min": 0.0, "max": 1.0 }
        },
        "criteria": [
            { "id": "a", "title": "a", "scale": "inverted" },
            { "id": "b", "title": "b", "scale": "empty" },
            { "id": "c", "title": "c", "scale": "nan-min" },
            { "id": "d", "title": "d", "scale": "inf-max" }
        ]
    }"#,
    )
    .unwrap();
    if let Some(assessment_model::Scale::Numeric { min, .. }) = f.scales.get_mut("nan-min") {
        *min = f64::NAN;
    }
    if let Some(assessment_model::Scale::Numeric { max, .. }) = f.scales.get_mut("inf-max") {
        *max = f64::INFINITY;
    }
    assert_eq!(
        found(&f),
        pairs(&[
            ("invalid-range", "/scales/inverted"),
            ("invalid-range", "/scales/empty"),
            ("invalid-range", "/scales/nan-min/min"),
            ("invalid-range", "/scales/inf-max/max"),
        ])
    );
    assert_eq!(
        f.issues()[0].kind,
        IssueKind::InvalidRange {
            min: "10".into(),
            max: "0".into()
        }
    );
    assert_eq!(
        f.issues()[2].kind,
        IssueKind::InvalidRange {
            min: "NaN".into(),
            max: "1".into()
        }
    );
}

#[test]
fn thresholds_outside_the_unit_interval() {
    let mut doc = with_criteria(json!([leaf("a")]));
    doc["rules"] = json!({
        "min_coverage": 1.5,
        "bands": [
            { "id": "low", "label": "low", "from": -0.1 },
            { "id": "mid", "label": "mid", "from": 0.5 },
            { "id": "top", "label": "top", "from": 1.0 }
        ],
        "risk_below": 0.0,
        "strength_at": 2.0
    });
    let mut f = framework(doc);
    f.rules.risk_below = Some(f64::NAN);
    assert_eq!(
        found(&f),
        pairs(&[
            ("threshold-out-of-range", "/rules/min_coverage"),
            ("threshold-out-of-range", "/rules/bands/0/from"),
            ("threshold-out-of-range", "/rules/risk_below"),
            ("threshold-out-of-range", "/rules/strength_at"),
        ])
    );
    let values: Vec<IssueKind> = f.issues().into_iter().map(|i| i.kind).collect();
    let expected: Vec<IssueKind> = ["1.5", "-0.1", "NaN", "2"]
        .iter()
        .map(|v| IssueKind::ThresholdOutOfRange { value: (*v).into() })
        .collect();
    assert_eq!(values, expected);
}

#[test]
fn bands_must_ascend_strictly() {
    let mut doc = with_criteria(json!([leaf("a")]));
    doc["rules"] = json!({ "bands": [
        { "id": "a", "label": "a", "from": 0.2 },
        { "id": "b", "label": "b", "from": 0.2 },
        { "id": "c", "label": "c", "from": 0.6 },
        { "id": "d", "label": "d", "from": 0.4 },
        { "id": "e", "label": "e", "from": 0.9 }
    ]});
    let f = framework(doc);
    // b equals a; d is below c; e is above d (the previous band).
    assert_eq!(
        found(&f),
        pairs(&[
            ("unordered-bands", "/rules/bands/1/from"),
            ("unordered-bands", "/rules/bands/3/from"),
        ])
    );
}

#[test]
fn critical_caps_band_must_name_a_band() {
    let mut doc = with_criteria(json!([leaf("a")]));
    doc["rules"] = json!({
        "bands": [{ "id": "weak", "label": "weak", "from": 0.0 }],
        "critical_caps_band": "moderate"
    });
    let f = framework(doc);
    assert_eq!(
        found(&f),
        pairs(&[("unknown-band", "/rules/critical_caps_band")])
    );
    assert_eq!(
        f.issues()[0].kind,
        IssueKind::UnknownBand {
            band: "moderate".into()
        }
    );
}

/// A critical criterion can only be a risk below `risk_below` (§5.8):
/// without one, each critical criterion, group or leaf, is a warning at its
/// `critical` field, and the framework still validates.
#[test]
fn a_critical_criterion_without_risk_below_is_a_warning() {
    let doc = with_criteria(json!([
        { "id": "area", "title": "Area", "critical": true, "children": [
            { "id": "a", "title": "a", "scale": "tick", "critical": true },
            leaf("b")
        ]},
        leaf("c")
    ]));
    let f = framework(doc.clone());
    assert_eq!(
        found(&f),
        pairs(&[
            ("critical-without-threshold", "/criteria/0/critical"),
            (
                "critical-without-threshold",
                "/criteria/0/children/0/critical"
            ),
        ])
    );
    assert_eq!(
        f.issues()[0].kind,
        IssueKind::CriticalWithoutThreshold { id: "area".into() }
    );
    assert_eq!(f.issues()[0].severity(), Severity::Warning);
    assert_eq!(
        f.issues()[1].to_string(),
        "warning [critical-without-threshold] at /criteria/0/children/0/critical: `a` is \
         critical, but the rules set no `risk_below`, so it can never be a risk"
    );
    assert_eq!(f.validate(), Ok(()));

    // With a threshold, at any value (0 included), there is nothing to say.
    for risk_below in [0.0, 0.5] {
        let mut doc = doc.clone();
        doc["rules"] = json!({ "risk_below": risk_below });
        assert_eq!(found(&framework(doc)), pairs(&[]), "{risk_below}");
    }
    // Without critical criteria, nor.
    assert_eq!(
        found(&framework(with_criteria(json!([leaf("a")])))),
        pairs(&[])
    );
}

/// A chain of `depth` criteria: groups down to one leaf at the bottom.
fn chain(depth: usize) -> Criterion {
    let tick = Id::new("tick").unwrap();
    let mut node = Criterion::leaf(Id::new(format!("n{depth}")).unwrap(), "leaf", tick);
    for level in (1..depth).rev() {
        node = Criterion::group(Id::new(format!("n{level}")).unwrap(), "group", vec![node]);
    }
    node
}

fn chain_path(depth: usize) -> String {
    let mut path = "/criteria/0".to_string();
    for _ in 1..depth {
        path.push_str("/children/0");
    }
    path
}

#[test]
fn depth_up_to_max_depth_is_fine() {
    let mut f = framework(with_criteria(json!([])));
    f.criteria.push(chain(MAX_DEPTH));
    assert_eq!(found(&f), []);
}

#[test]
fn deeper_than_max_depth_is_reported_once_at_the_first_level_too_deep() {
    let mut f = framework(with_criteria(json!([])));
    f.criteria.push(chain(MAX_DEPTH + 3));
    // The only leaf is below the limit, yet it counts as using the scale.
    assert_eq!(
        found(&f),
        pairs(&[("too-deep", &chain_path(MAX_DEPTH + 1))])
    );
    assert_eq!(
        f.issues()[0].kind,
        IssueKind::TooDeep {
            depth: MAX_DEPTH + 3,
            max: MAX_DEPTH
        }
    );
    assert_eq!(
        chain_path(33),
        format!("/criteria/0{}", "/children/0".repeat(32))
    );
}

#[test]
fn warnings_do_not_fail_validation() {
    let mut doc = with_criteria(json!([
        { "id": "g", "title": "g", "tags": { "who": "staff" }, "children": [
            { "id": "a", "title": "a", "scale": "tick", "weight": 0.0 },
            { "id": "b", "title": "b", "scale": "tick", "weight": 0.0 }
        ]}
    ]));
    doc["scales"]["spare"] = json!({ "type": "binary" });
    doc["facets"] = json!({ "who": { "title": "Who", "values": {
        "staff": { "title": "Staff" }, "users": { "title": "Users" }
    }}});
    let f = framework(doc);
    assert_eq!(
        found(&f),
        pairs(&[
            ("unused-scale", "/scales/spare"),
            ("unused-facet-value", "/facets/who/values/users"),
            ("all-weights-zero", "/criteria/0/children"),
        ])
    );
    assert!(f.issues().iter().all(|i| i.severity() == Severity::Warning));
    assert_eq!(f.validate(), Ok(()));
    assert_eq!(
        f.issues()[1].kind,
        IssueKind::UnusedFacetValue {
            facet: "who".into(),
            value: "users".into()
        }
    );
}

#[test]
fn all_top_level_weights_zero() {
    let f = framework(with_criteria(json!([
        { "id": "a", "title": "a", "scale": "tick", "weight": 0.0 }
    ])));
    assert_eq!(found(&f), pairs(&[("all-weights-zero", "/criteria")]));
}

#[test]
fn a_scale_used_only_by_a_group_is_unused() {
    let mut doc = with_criteria(json!([
        { "id": "g", "title": "g", "scale": "other", "children": [leaf("a")] }
    ]));
    doc["scales"]["other"] = json!({ "type": "binary" });
    let f = framework(doc);
    assert_eq!(
        found(&f),
        pairs(&[
            ("unused-scale", "/scales/other"),
            ("scale-on-group", "/criteria/0/scale")
        ])
    );
}

#[test]
fn five_problems_in_five_places() {
    let doc = json!({
        "id": "five", "version": "1.0.0", "title": "Five problems",
        "scales": {
            "tick": { "type": "binary" },
            "grade": { "type": "ordinal", "levels": [
                { "id": "low", "value": 1, "label": "low" },
                { "id": "high", "value": 1, "label": "high" }
            ]}
        },
        "facets": { "who": { "title": "Who", "values": { "staff": { "title": "Staff" } } } },
        "rules": { "bands": [
            { "id": "weak", "label": "weak", "from": 0.0 },
            { "id": "strong", "label": "strong", "from": 1.2 }
        ]},
        "criteria": [
            { "id": "area-a", "title": "A", "children": [
                { "id": "a-1", "title": "a1", "scale": "tick", "tags": { "who": "staff" } },
                { "id": "a-2", "title": "a2", "scale": "tik" }
            ]},
            { "id": "area-b", "title": "B", "children": [
                { "id": "a-1", "title": "dup", "scale": "grade" },
                { "id": "b-2", "title": "b2", "scale": "tick", "weight": -2.0 }
            ]}
        ]
    });
    let f = framework(doc.clone());
    let err = f.validate().unwrap_err();
    let got: Vec<(&str, &str)> = err
        .issues()
        .iter()
        .map(|i| (i.code(), i.path.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("duplicate-level-value", "/scales/grade/levels/1/value"),
            ("threshold-out-of-range", "/rules/bands/1/from"),
            ("unknown-scale", "/criteria/0/children/1/scale"),
            ("duplicate-id", "/criteria/1/children/0/id"),
            ("invalid-weight", "/criteria/1/children/1/weight"),
        ]
    );
    // Each path resolves to the offending value, in the document as written
    // and in the serialised framework.
    let serialised = serde_json::to_value(&f).unwrap();
    let values = [
        json!(1),
        json!(1.2),
        json!("tik"),
        json!("a-1"),
        json!(-2.0),
    ];
    for (issue, value) in err.issues().iter().zip(values) {
        assert_eq!(doc.pointer(&issue.path), Some(&value), "{}", issue.path);
        assert_eq!(
            serialised.pointer(&issue.path),
            Some(&value),
            "{}",
            issue.path
        );
    }
    assert_eq!(
        err.issues()[3].kind,
        IssueKind::DuplicateId {
            id: "a-1".into(),
            first: "/criteria/0/children/0/id".into()
        }
    );
    assert_eq!(err.errors().count(), 5);
}

#[test]
fn issues_come_in_document_order() {
    let mut doc = with_criteria(json!([
        { "id": "a", "title": "a", "scale": "tick", "weight": -1.0, "tags": { "nope": "x" } },
        { "id": "g", "title": "g", "children": [
            { "id": "b", "title": "b", "scale": "nowhere" },
            { "id": "a", "title": "again" }
        ]}
    ]));
    doc["scales"]["spare"] = json!({ "type": "numeric", "min": 1.0, "max": 0.0 });
    doc["rules"] = json!({ "min_coverage": -1.0, "critical_caps_band": "x" });
    let f = framework(doc);
    assert_eq!(
        found(&f),
        pairs(&[
            ("unused-scale", "/scales/spare"),
            ("invalid-range", "/scales/spare"),
            ("threshold-out-of-range", "/rules/min_coverage"),
            ("unknown-band", "/rules/critical_caps_band"),
            ("invalid-weight", "/criteria/0/weight"),
            ("unknown-facet", "/criteria/0/tags/nope"),
            ("unknown-scale", "/criteria/1/children/0/scale"),
            ("empty-group", "/criteria/1/children/1"),
            ("duplicate-id", "/criteria/1/children/1/id"),
        ])
    );
}

#[test]
fn the_error_says_what_and_where() {
    let f = framework(with_criteria(
        json!([{ "id": "a", "title": "a", "scale": "tock" }]),
    ));
    let err = f.validate().unwrap_err();
    assert_eq!(
        err.to_string(),
        "1 error(s) and 1 warning(s)\n  \
         warning [unused-scale] at /scales/tick: scale `tick` is not used by any leaf\n  \
         error [unknown-scale] at /criteria/0/scale: no scale `tock` is defined"
    );
}

/// The design names three warnings of a framework (a scale that nothing
/// uses, a facet value that tags nothing, every weight of a group 0), and
/// SPEC §6.6 two of a localization (a translation of a text the framework
/// lacks, a text left untranslated); every other kind is an error.
#[test]
fn severities_are_as_documented() {
    let warnings = [
        "unused-scale",
        "unused-facet-value",
        "all-weights-zero",
        "critical-without-threshold",
        "no-source-text",
        "untranslated-text",
    ];
    for code in IssueKind::CODES {
        let expected = if warnings.contains(code) {
            Severity::Warning
        } else {
            Severity::Error
        };
        assert_eq!(IssueKind::severity_of(code), Some(expected), "{code}");
    }
    assert_eq!(
        IssueKind::UnusedScale { scale: "s".into() }.severity(),
        Severity::Warning
    );
    assert_eq!(IssueKind::EmptyGroup.severity(), Severity::Error);
}

/// Scoring, translating and composing fail with the one error type for a
/// list of issues: this function takes it, and each error is passed to it.
#[test]
fn scoring_translating_and_composing_fail_with_the_same_type() {
    fn pairs_of(err: ValidationError) -> Vec<(&'static str, String)> {
        err.into_issues()
            .into_iter()
            .map(|i| (i.code(), i.path))
            .collect()
    }
    let tiny = |id: &str| {
        framework(json!({
            "id": id, "version": "1.0.0", "title": id,
            "scales": { "tick": { "type": "binary" } },
            "criteria": [{ "id": "a", "title": "A", "scale": "tick" }]
        }))
    };
    let (old, new) = (tiny("old"), tiny("new"));
    // An assessment of `new` given to a scorer of `old`.
    let assessment = Assessment::new(new.exact_ref(), Subject::new("P"));
    let scored: Result<Report, ValidationError> = Scorer::new(&old).unwrap().score(&assessment);
    assert_eq!(
        pairs_of(scored.unwrap_err()),
        pairs(&[("framework-mismatch", "/framework")])
    );

    let mapping: Mapping = serde_json::from_value(json!({
        "id": "old-to-new", "title": "Old to new",
        "from": { "id": "old", "version": "^1" },
        "to": { "id": "new", "version": "^1" },
        "entries": [{ "from": ["a"], "to": "a", "relation": "equivalent", "rationale": "Same." }]
    }))
    .unwrap();
    let translated = mapping.translate(&assessment, &old, &new);
    assert_eq!(
        pairs_of(translated.unwrap_err()),
        pairs(&[("framework-mismatch", "/assessment/framework")])
    );

    let mut module = tiny("theme");
    module.requires.push(FrameworkRef {
        id: Id::new("core").unwrap(),
        version: "^1".parse().unwrap(),
    });
    let composed = compose(&old, &[&module]);
    assert_eq!(
        pairs_of(composed.unwrap_err()),
        pairs(&[
            ("unsatisfied-requirement", "/modules/0/requires/0"),
            ("duplicate-id", "/modules/0/criteria/0/id"),
        ])
    );
}
