//! Reports: bands, findings, band caps, facet views, scale-unit means,
//! qualitative assessments, priorities, checks, display and serde (SPEC.md
//! §5.7 to §5.13; §6.3, assessment checks).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp)]

mod common;

use assessment_model::model::{DeclaredFinding, FindingKind};
use assessment_model::{
    Aggregation, Band, Facet, FacetValue, Framework, LeafValue, MissingPolicy, NoScore, Scorer,
    ScoringRules,
};
use common::*;
use indexmap::IndexMap;

fn bands() -> Vec<Band> {
    vec![
        Band::new(id("weak"), "weak", 0.0),
        Band::new(id("moderate"), "moderate", 0.5),
        Band::new(id("strong"), "strong", 0.75),
    ]
}

/// a..d weight 1 each, c critical: total 0.8 when only c fails.
fn findings_framework(cap: Option<&str>) -> Framework {
    let mut c = tick("c", 1.0);
    c.critical = true;
    let g = group(
        "g",
        4.0,
        None,
        vec![tick("a", 1.0), tick("b", 1.0), tick("d", 2.0)],
    );
    framework(
        {
            let mut built = ScoringRules::default();
            built.bands = bands();
            built.risk_below = Some(0.5);
            built.strength_at = Some(1.0);
            built.critical_caps_band = cap.map(id);
            built
        },
        vec![g, c],
    )
}

#[test]
fn bands_by_ascending_thresholds() {
    let fw = framework(
        {
            let mut built = ScoringRules::default();
            built.bands = bands();
            built
        },
        vec![
            leaf_on("x", "num", 1.0),
            leaf_on("y", "num", 1.0),
            leaf_on("z", "num", 1.0),
        ],
    );
    let s = Scorer::new(&fw).unwrap();
    let r = s
        .score(&assess(&fw, &[("x", N(4.9)), ("y", N(5.0)), ("z", N(7.5))]))
        .unwrap();
    assert_eq!(r.node("x").unwrap().band().unwrap(), "weak");
    assert_eq!(r.node("y").unwrap().band().unwrap(), "moderate"); // 0.5 is moderate
    assert_eq!(r.node("z").unwrap().band().unwrap(), "strong"); // 0.75 is strong
}

#[test]
fn risks_strengths_and_declared_findings() {
    let fw = findings_framework(None);
    let mut a = assess(&fw, &[("a", Met), ("b", Met), ("c", NotMet), ("d", Met)]);
    a.findings.push({
        let mut built = DeclaredFinding::new(FindingKind::Risk, "Funding ends next year.");
        built.criterion = Some(id("c"));
        built
    });
    let r = Scorer::new(&fw).unwrap().score(&a).unwrap();
    assert_eq!(r.total().score(), Some(0.8));
    let risks: Vec<&str> = r.risks().iter().map(|f| f.criterion.as_str()).collect();
    assert_eq!(risks, ["c"]);
    let strengths: Vec<&str> = r.strengths().iter().map(|f| f.criterion.as_str()).collect();
    assert_eq!(strengths, ["g", "a", "b", "d"]);
    assert_eq!(r.findings(), a.findings.as_slice());
    assert_eq!(r.band().unwrap(), "strong");
    assert!(!r.band_capped());
}

#[test]
fn critical_caps_band_caps_the_band_not_the_score() {
    let fw = findings_framework(Some("moderate"));
    let r = Scorer::new(&fw)
        .unwrap()
        .score(&assess(
            &fw,
            &[("a", Met), ("b", Met), ("c", NotMet), ("d", Met)],
        ))
        .unwrap();
    assert_eq!(r.total().score(), Some(0.8));
    assert_eq!(r.total().band().unwrap(), "strong");
    assert_eq!(r.band().unwrap(), "moderate");
    assert!(r.band_capped());
    // Without the risk the band is not capped.
    let r = Scorer::new(&fw)
        .unwrap()
        .score(&assess(
            &fw,
            &[("a", Met), ("b", Met), ("c", Met), ("d", NotMet)],
        ))
        .unwrap();
    assert_eq!(r.band().unwrap(), "moderate"); // (1 + 1 + 0)/4·4/5 + 1/5 = 0.6
    assert!(!r.band_capped());
}

fn facet_framework() -> Framework {
    let mut a = tick("a", 1.0);
    a.tags.insert(id("s"), id("x"));
    let mut b = tick("b", 3.0);
    b.tags.insert(id("s"), id("y"));
    let mut d = tick("d", 1.0);
    d.tags.insert(id("s"), id("y"));
    let mut g2 = group("g2", 3.0, None, vec![tick("c", 1.0), d]);
    g2.tags.insert(id("s"), id("x"));
    let mut fw = framework(
        ScoringRules::default(),
        vec![group("g1", 1.0, None, vec![a, b]), g2],
    );
    let mut values = IndexMap::new();
    values.insert(id("x"), FacetValue::new("X"));
    values.insert(id("y"), FacetValue::new("Y"));
    values.insert(id("z"), FacetValue::new("Z"));
    fw.facets.insert(id("s"), {
        let mut built = Facet::new("Stakeholder");
        built.values = values;
        built
    });
    fw
}

#[test]
fn facet_views_use_inherited_tags_and_effective_weights() {
    // Effective weights: g1 1/4, g2 3/4; a 1/16, b 3/16, c 3/8, d 3/8.
    // x: a, c (c inherits x from g2); y: b, d (d overrides).
    let fw = facet_framework();
    let s = Scorer::new(&fw).unwrap();
    let r = s
        .score(&assess(
            &fw,
            &[("a", Met), ("b", NotMet), ("c", NotMet), ("d", Met)],
        ))
        .unwrap();
    let x = r.facet("s", "x").unwrap();
    assert!((x.score.unwrap() - 1.0 / 7.0).abs() < 1e-12); // (1/16) / (1/16 + 3/8)
    assert_eq!(x.counts.leaves, 2);
    let y = r.facet("s", "y").unwrap();
    assert!((y.score.unwrap() - 2.0 / 3.0).abs() < 1e-12); // (3/8) / (3/16 + 3/8)
    let z = r.facet("s", "z").unwrap();
    assert_eq!((z.score, z.counts.leaves), (None, 0));

    // Not applicable and missing leaves leave the view; effective weights
    // stay those of the framework.
    let r = s
        .score(&assess(&fw, &[("a", Met), ("b", NA), ("c", NotMet)]))
        .unwrap();
    assert_eq!(r.facet("s", "y").unwrap().score, None);
    assert_eq!(r.facet("s", "y").unwrap().counts.not_applicable, 1);
    assert_eq!(r.facet("s", "y").unwrap().counts.missing, 1);
    assert!((r.facet("s", "x").unwrap().score.unwrap() - 1.0 / 7.0).abs() < 1e-12);
}

#[test]
fn scale_unit_mean_where_leaves_share_a_scale() {
    let fw = framework(
        ScoringRules::default(),
        vec![
            group(
                "g",
                1.0,
                None,
                vec![
                    leaf_on("a", "imp", 1.0),
                    leaf_on("b", "imp", 1.0),
                    leaf_on("c", "imp", 1.0),
                ],
            ),
            group(
                "h",
                1.0,
                Some(Aggregation::Minimum),
                vec![leaf_on("d", "imp", 1.0), leaf_on("e", "imp", 3.0)],
            ),
            group("k", 1.0, None, vec![leaf_on("f", "delay", 1.0)]),
        ],
    );
    let r = Scorer::new(&fw)
        .unwrap()
        .score(&assess(
            &fw,
            &[
                ("a", L(3.into())),
                ("b", L(2.into())),
                ("c", L(2.into())),
                ("d", L(1.into())),
                ("e", L(3.into())),
                ("f", N(2.0)),
            ],
        ))
        .unwrap();
    let g = r.node("g").unwrap().outcome().scale_mean().unwrap();
    assert_eq!(g.scale, "imp");
    assert!((g.value - 7.0 / 3.0).abs() < 1e-12); // (3 + 2 + 2) / 3
    // Under Minimum the score is the weakest (0), the mean is (1 + 3·3) / 4.
    let h = r.node("h").unwrap();
    assert_eq!(h.score(), Some(0.0));
    assert!((h.outcome().scale_mean().unwrap().value - 2.5).abs() < 1e-12);
    // Lower is better: 2 weeks.
    assert!((r.node("k").unwrap().outcome().scale_mean().unwrap().value - 2.0).abs() < 1e-12);
    // Mixed scales: no mean at the total.
    assert_eq!(r.total().scale_mean(), None);
}

#[test]
fn binary_scales_have_no_unit_mean() {
    let fw = framework(ScoringRules::default(), vec![tick("a", 1.0)]);
    let r = Scorer::new(&fw)
        .unwrap()
        .score(&assess(&fw, &[("a", Met)]))
        .unwrap();
    assert_eq!(r.total().scale_mean(), None);
}

#[test]
fn qualitative_assessment_reports_findings_and_coverage_without_totals() {
    let fw = framework(
        {
            let mut built = ScoringRules::default();
            built.missing = MissingPolicy::Zero;
            built
        },
        vec![group("g", 1.0, None, vec![tick("a", 1.0), tick("b", 1.0)])],
    );
    let mut a = assess(&fw, &[]);
    a.narratives
        .insert(id("g"), "Peers heard strong migrant voices.".into());
    a.findings.push({
        let mut built = DeclaredFinding::new(FindingKind::Strength, "Migrant voice");
        built.criterion = Some(id("g"));
        built
    });
    let s = Scorer::new(&fw).unwrap();
    let r = s.score(&a).unwrap();
    assert!(r.is_qualitative());
    assert_eq!(r.total().score(), None);
    assert_eq!(r.total().no_score(), Some(NoScore::Qualitative));
    assert_eq!(r.node("a").unwrap().score(), None);
    assert_eq!(r.total().coverage(), Some(0.0));
    assert_eq!(r.findings().len(), 1);
    assert_eq!(s.total(&a).unwrap(), None);
    assert!(s.priorities(&a).unwrap().is_empty());

    // "Not applicable" marks alone rate nothing: still qualitative.
    let mut b = a.clone();
    b.rate(id("a"), NA).unwrap();
    let r = s.score(&b).unwrap();
    assert!(r.is_qualitative());
    assert_eq!(
        r.node("a").unwrap().outcome().no_score(),
        Some(NoScore::NotApplicable)
    );
    assert_eq!(
        r.node("b").unwrap().outcome().no_score(),
        Some(NoScore::Qualitative)
    );

    // Even under MissingPolicy::Error a qualitative assessment is scored.
    let mut fw2 = fw.clone();
    fw2.rules.missing = MissingPolicy::Error;
    assert!(
        Scorer::new(&fw2)
            .unwrap()
            .score(&a)
            .unwrap()
            .is_qualitative()
    );
}

#[test]
fn priorities_are_exact_gains_sorted_by_gain_then_definition_order() {
    // Total = (g1 + 2·g2) / 3 with g1 = mean(a, b), g2 = min(c, d).
    let fw = framework(
        ScoringRules::default(),
        vec![
            group(
                "g1",
                1.0,
                None,
                vec![leaf_on("a", "num", 1.0), leaf_on("b", "num", 1.0)],
            ),
            group(
                "g2",
                2.0,
                Some(Aggregation::Minimum),
                vec![leaf_on("c", "num", 1.0), leaf_on("d", "num", 1.0)],
            ),
        ],
    );
    let a = assess(
        &fw,
        &[("a", N(5.0)), ("b", N(10.0)), ("c", N(2.0)), ("d", N(4.0))],
    );
    let p = Scorer::new(&fw).unwrap().priorities(&a).unwrap();
    let got: Vec<(&str, f64)> = p.iter().map(|p| (p.criterion.as_str(), p.gain)).collect();
    // now: g1 = 0.75, g2 = 0.2, total = 1.15/3
    // a→10: g1 = 1 → +0.25/3; c→10: g2 = 0.4 → +0.4/3; d→10: g2 stays 0.2 → 0.
    assert_eq!(got.len(), 3);
    assert_eq!(got[0].0, "c");
    assert!((got[0].1 - 0.4 / 3.0).abs() < 1e-12);
    assert_eq!(got[1].0, "a");
    assert!((got[1].1 - 0.25 / 3.0).abs() < 1e-12);
    assert_eq!(got[2], ("d", 0.0));
    assert_eq!(p[0].best, N(10.0));
    assert_eq!(p[0].current, 0.2);
}

#[test]
fn dense_total_equals_the_report_total() {
    let fw = facet_framework();
    let s = Scorer::new(&fw).unwrap();
    let a = assess(&fw, &[("a", Met), ("b", NotMet), ("c", NA)]);
    let mut table = s.table(1);
    table.set_assessment(0, &a).unwrap();
    let mut totals = [None];
    s.totals(&table, &mut totals).unwrap();
    let report = s.score(&a).unwrap();
    assert_eq!(totals[0], report.total().score());
    assert_eq!(s.total(&a).unwrap(), report.total().score());
    // 1/4·(1·1 + 3·0)/4 + 3/4·(d missing: excluded; c N/A) → g2 none → total = g1 = 0.25
    assert_eq!(report.total().score(), Some(0.25));
    assert_eq!(table.value(0, s.leaf_count()), None);
    assert_eq!(table.value(0, 2), Some(LeafValue::NotApplicable));
    assert_eq!(table.value(0, 0), Some(LeafValue::Rated(1.0)));
}

#[test]
fn checks_collect_every_problem_with_paths() {
    let fw = framework(
        ScoringRules::default(),
        vec![group(
            "g",
            1.0,
            None,
            vec![
                leaf_on("a", "imp", 1.0),
                leaf_on("b", "num", 1.0),
                tick("c", 1.0),
            ],
        )],
    );
    let s = Scorer::new(&fw).unwrap();
    let mut a = assess(
        &fw,
        &[
            ("a", L(4.into())),
            ("b", N(11.0)),
            ("c", L(1.into())),
            ("g", Met),
            ("nope", Met),
        ],
    );
    a.framework.version = semver::VersionReq::parse("^2").unwrap();
    a.narratives.insert(id("ghost"), "text".into());
    let err = s.score(&a).unwrap_err();
    let got: Vec<(&str, &str)> = err
        .issues()
        .iter()
        .map(|i| (i.code(), i.path.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("framework-mismatch", "/framework"),
            ("rating-off-scale", "/ratings/a/value"),
            ("rating-off-scale", "/ratings/b/value"),
            ("rating-off-scale", "/ratings/c/value"),
            ("rating-on-group", "/ratings/g"),
            ("unknown-criterion", "/ratings/nope"),
            ("unknown-criterion", "/narratives/ghost"),
        ]
    );
    let messages: Vec<String> = err.issues().iter().map(|i| i.kind.to_string()).collect();
    assert_eq!(
        messages[0],
        "requires test-fw ^2, but the framework is test-fw 1.2.0"
    );
    assert_eq!(
        messages[1],
        "rating level 4 of `a` is not on scale `imp` (an ordinal scale admits the levels not-important = 1, important = 2, very-important = 3, by id or by value, or not_applicable)"
    );
    assert_eq!(
        messages[2],
        "rating 11 of `b` is not on scale `num` (a numeric scale admits a number in [0, 10] or not_applicable)"
    );
    let v = s.validate(&a).unwrap_err();
    assert_eq!(v.issues(), err.issues());
    // The same paths resolve in the serialised assessment.
    let json = serde_json::to_value(&a).unwrap();
    for issue in err.issues() {
        assert!(json.pointer(&issue.path).is_some(), "{}", issue.path);
    }
}

#[test]
fn the_order_of_the_ratings_does_not_change_the_report() {
    // g1 = (a, b, c), g2 = d; ratings given in framework order, reversed,
    // and shuffled with a repeated group between them.
    let fw = framework(
        ScoringRules::default(),
        vec![
            group(
                "g1",
                1.0,
                None,
                vec![tick("a", 1.0), tick("b", 1.0), tick("c", 2.0)],
            ),
            group("g2", 1.0, None, vec![tick("d", 1.0)]),
        ],
    );
    let s = Scorer::new(&fw).unwrap();
    let in_order = [("a", Met), ("b", NotMet), ("c", Met), ("d", NotMet)];
    let mut reversed = in_order.clone();
    reversed.reverse();
    let shuffled = [("c", Met), ("a", Met), ("d", NotMet), ("b", NotMet)];
    // g1 = (1 + 0 + 2) / 4 = 0.75, g2 = 0, total = 0.375.
    for ratings in [&in_order[..], &reversed[..], &shuffled[..]] {
        let report = s.score(&assess(&fw, ratings)).unwrap();
        assert_eq!(report.total().score(), Some(0.375), "{ratings:?}");
        assert_eq!(report.node("g1").unwrap().score(), Some(0.75));
        assert_eq!(report.node("b").unwrap().score(), Some(0.0));
        assert_eq!(report.node("c").unwrap().score(), Some(1.0));
    }
    // A group between leaves is still found (and refused), and the leaf
    // after it is still bound.
    let err = s
        .score(&assess(&fw, &[("a", Met), ("g2", Met), ("b", Met)]))
        .unwrap_err();
    let got: Vec<(&str, &str)> = err
        .issues()
        .iter()
        .map(|i| (i.code(), i.path.as_str()))
        .collect();
    assert_eq!(got, [("rating-on-group", "/ratings/g2")]);
}

#[test]
fn missing_rating_path_resolves() {
    let fw = framework(
        {
            let mut built = ScoringRules::default();
            built.missing = MissingPolicy::Error;
            built
        },
        vec![tick("a", 1.0), tick("b", 1.0)],
    );
    let a = assess(&fw, &[("a", Met)]);
    let err = Scorer::new(&fw).unwrap().score(&a).unwrap_err();
    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(err.issues().len(), 1);
    assert!(json.pointer(&err.issues()[0].path).is_some());
}

#[test]
fn nan_and_infinite_numbers_are_off_scale_not_clamped() {
    let fw = framework(ScoringRules::default(), vec![leaf_on("a", "num", 1.0)]);
    let s = Scorer::new(&fw).unwrap();
    for x in [f64::NAN, f64::INFINITY, -0.5, 10.000_001] {
        let err = s.score(&assess(&fw, &[("a", N(x))])).unwrap_err();
        assert_eq!(err.issues()[0].code(), "rating-off-scale", "{x}");
    }
}

#[test]
fn display_prints_an_indented_table() {
    let fw = findings_framework(Some("moderate"));
    let r = Scorer::new(&fw)
        .unwrap()
        .score(&assess(
            &fw,
            &[("a", Met), ("b", NotMet), ("c", NotMet), ("d", Met)],
        ))
        .unwrap();
    let text = r.to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[2].starts_with("Group g "), "{text}");
    assert!(lines[3].starts_with("  Leaf a "), "{text}");
    // g = (1 + 0 + 2)/4 = 75.0; total = 4/5 · 0.75 = 60.0
    assert!(lines[2].contains(" 75.0 "), "{text}");
    assert!(text.contains("TOTAL"), "{text}");
    assert!(text.contains("60.0"), "{text}");
    assert!(text.contains("risk: c scores 0.0, below 50.0"), "{text}");
}

#[test]
fn display_says_why_a_node_has_no_score() {
    let fw = findings_framework(None);
    let r = Scorer::new(&fw)
        .unwrap()
        .score(&assess(&fw, &[("a", Met), ("b", NotMet), ("c", NA)]))
        .unwrap();
    let text = r.to_string();
    let line = |leaf: &str| {
        let start = format!("Leaf {leaf} ");
        text.lines()
            .find(|l| l.trim_start().starts_with(&start))
            .unwrap()
    };
    assert!(line("c").ends_with("not applicable"), "{text}");
    assert!(line("d").ends_with("not rated"), "{text}");
}

#[test]
fn reports_round_trip_through_json_and_are_bit_identical() {
    let fw = facet_framework();
    let s = Scorer::new(&fw).unwrap();
    let a = assess(&fw, &[("a", Met), ("b", NotMet), ("c", NotMet), ("d", Met)]);
    let one = serde_json::to_string(&s.score(&a).unwrap()).unwrap();
    let two = serde_json::to_string(&s.clone().score(&a).unwrap()).unwrap();
    assert_eq!(one, two);
    let back = s.read_report(serde_json::from_str(&one).unwrap()).unwrap();
    assert_eq!(back, s.score(&a).unwrap());
}

/// The committed report schema accepts a real report (the `jsonschema`
/// crate as an independent validator).
#[cfg(feature = "schema")]
#[test]
fn committed_report_schema_accepts_a_report() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/report.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let fw = facet_framework();
    let mut fw = fw;
    fw.rules.bands = bands();
    fw.rules.strength_at = Some(0.5);
    let mut a = assess(&fw, &[("a", Met), ("b", NA), ("c", NotMet)]);
    a.findings
        .push(DeclaredFinding::new(FindingKind::Risk, "x"));
    let report = serde_json::to_value(Scorer::new(&fw).unwrap().score(&a).unwrap()).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&report)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        assessment_model::schema::report()
            .get("title")
            .and_then(|t| t.as_str()),
        Some("Report")
    );
}

#[test]
fn scorer_new_rejects_a_framework_it_cannot_compile() {
    let mut leaf = tick("a", 1.0);
    leaf.scale = Some(id("nowhere"));
    let fw = framework(
        ScoringRules::default(),
        vec![group("g", 1.0, None, vec![tick("b", 1.0), leaf])],
    );
    let err = Scorer::new(&fw).unwrap_err();
    assert!(
        err.issues()
            .iter()
            .any(|i| i.code() == "unknown-scale" && i.path == "/criteria/0/children/1/scale"),
        "{err}"
    );
}

#[test]
fn each_reason_for_no_score_says_what_it_is() {
    let phrases = [
        (NoScore::NotApplicable, "not applicable"),
        (NoScore::Missing, "not rated"),
        (NoScore::InsufficientCoverage, "insufficient coverage"),
        (NoScore::NothingToAggregate, "nothing to aggregate"),
        (NoScore::Qualitative, "qualitative assessment"),
    ];
    for (reason, phrase) in phrases {
        assert_eq!(reason.describe(), phrase);
    }
}

/// Under `all`, a child's score counts only if it is 1: raising the one
/// leaf below 1 to the top makes the harmonic mean 3 / (2/1 + 1/1) = 1
/// exactly, so `all` gives 1 and the total goes from 0 to 1, for every
/// starting rating (a what-if from running sums had missed 1 by rounding
/// and given the gain 0).
#[test]
fn a_priority_that_completes_an_all_group_gains_its_full_weight() {
    let fw: Framework = serde_json::from_str(
        r#"{
        "id": "all-test", "version": "1.0.0", "title": "All test",
        "scales": { "num": { "type": "numeric", "min": 0, "max": 10 }, "tick": { "type": "binary" } },
        "rules": { "aggregation": "harmonic_mean" },
        "criteria": [{ "id": "n0", "title": "All of it", "aggregation": "all", "children": [
            { "id": "n1", "title": "Mean", "children": [
                { "id": "n2", "title": "Number", "weight": 2.0, "scale": "num" },
                { "id": "n3", "title": "Tick", "scale": "tick" }
            ]}
        ]}]
    }"#,
    )
    .unwrap();
    let s = Scorer::new(&fw).unwrap();
    for tenths in 1..100 {
        let x = f64::from(tenths) / 10.0;
        let a = assess(&fw, &[("n2", N(x)), ("n3", Met)]);
        assert_eq!(s.total(&a).unwrap(), Some(0.0), "{x}");
        let priorities = s.priorities(&a).unwrap();
        let n2 = priorities
            .iter()
            .find(|p| p.criterion.as_str() == "n2")
            .unwrap();
        assert_eq!(n2.gain, 1.0, "from {x}");
    }
}
