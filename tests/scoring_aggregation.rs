//! Hand-computed tests of every aggregation method and its edge cases
//! (SPEC.md §5.1 to §5.6).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp)]

mod common;

use assessment_model::{Aggregation, MissingPolicy, NoScore, Scorer, ScoringRules};
use common::*;

/// Tolerance for results that go through `ln`/`exp` or a division whose
/// result is not a binary fraction.
const TOL: f64 = 1e-12;

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() <= TOL)
}

#[test]
fn leaf_normalisation_binary_ordinal_numeric() {
    let fw = framework(
        ScoringRules::default(),
        vec![
            tick("a", 1.0),
            leaf_on("b", "imp", 1.0),
            leaf_on("c", "num", 1.0),
            leaf_on("d", "delay", 1.0),
        ],
    );
    let s = Scorer::new(&fw).unwrap();
    let r = s
        .score(&assess(
            &fw,
            &[
                ("a", NotMet),
                ("b", L(2.into())),
                ("c", N(2.5)),
                ("d", N(2.5)),
            ],
        ))
        .unwrap();
    assert_eq!(r.node("a").unwrap().score(), Some(0.0));
    assert_eq!(r.node("b").unwrap().score(), Some(0.5));
    assert_eq!(r.node("c").unwrap().score(), Some(0.25));
    assert_eq!(r.node("d").unwrap().score(), Some(0.75));
    // (0 + 0.5 + 0.25 + 0.75) / 4
    assert_eq!(r.total().score(), Some(0.375));
}

#[test]
fn weighted_mean() {
    let fw = framework(
        rules(Aggregation::WeightedMean),
        vec![tick("a", 1.0), tick("b", 3.0)],
    );
    let s = Scorer::new(&fw).unwrap();
    assert_eq!(
        s.total(&assess(&fw, &[("a", NotMet), ("b", Met)])).unwrap(),
        Some(0.75)
    );
}

/// g1 (weight 5) = {a w1 = 1, b w2 = 0}; g2 (weight 1) = {c w1 = 1}.
fn nested(agg: Aggregation) -> (assessment_model::Framework, assessment_model::Assessment) {
    let fw = framework(
        rules(agg),
        vec![
            group("g1", 5.0, None, vec![tick("a", 1.0), tick("b", 2.0)]),
            group("g2", 1.0, None, vec![tick("c", 1.0)]),
        ],
    );
    let a = assess(&fw, &[("a", Met), ("b", NotMet), ("c", Met)]);
    (fw, a)
}

#[test]
fn nested_weighted_mean_respects_structure() {
    let (fw, a) = nested(Aggregation::WeightedMean);
    let r = Scorer::new(&fw).unwrap().score(&a).unwrap();
    assert!(close(r.node("g1").unwrap().score(), 1.0 / 3.0));
    // (5 · 1/3 + 1 · 1) / 6 = 4/9
    assert!(close(r.total().score(), 4.0 / 9.0));
}

#[test]
fn flat_ignores_groups_and_their_weights() {
    let (fw, a) = nested(Aggregation::Flat);
    let r = Scorer::new(&fw).unwrap().score(&a).unwrap();
    // (1·1 + 2·0 + 1·1) / (1 + 2 + 1)
    assert_eq!(r.total().score(), Some(0.5));
}

#[test]
fn flat_unweighted_counts_leaves() {
    let (fw, a) = nested(Aggregation::FlatUnweighted);
    let r = Scorer::new(&fw).unwrap().score(&a).unwrap();
    assert!(close(r.total().score(), 2.0 / 3.0));
}

/// Weights 1, 1, 2 over 0.1, 0.2, 0.3 (numeric 0-10 ratings 1, 2, 3): the
/// composite-indicator literature's weighted geometric and harmonic means
/// (OECD/JRC *Handbook on Constructing Composite Indicators*, 2008, §6).
fn literature(agg: Aggregation) -> Option<f64> {
    let fw = framework(
        rules(agg),
        vec![
            leaf_on("x", "num", 1.0),
            leaf_on("y", "num", 1.0),
            leaf_on("z", "num", 2.0),
        ],
    );
    let a = assess(&fw, &[("x", N(1.0)), ("y", N(2.0)), ("z", N(3.0))]);
    Scorer::new(&fw).unwrap().total(&a).unwrap()
}

#[test]
fn geometric_mean_literature_vector() {
    let expected = (0.1f64 * 0.2 * 0.3 * 0.3).powf(0.25);
    assert!(close(literature(Aggregation::GeometricMean), expected));
    // 0.0018^(1/4), computed independently (Python: (0.1*0.2*0.3*0.3)**0.25).
    assert!(close(
        literature(Aggregation::GeometricMean),
        0.205_976_714_390_711_8
    ));
}

#[test]
fn harmonic_mean_literature_vector() {
    // 4 / (1/0.1 + 1/0.2 + 2/0.3) = 4 / (65/3) = 12/65
    assert!(close(literature(Aggregation::HarmonicMean), 12.0 / 65.0));
}

#[test]
fn geometric_and_harmonic_with_a_zero_child_are_zero() {
    for agg in [Aggregation::GeometricMean, Aggregation::HarmonicMean] {
        let fw = framework(
            rules(agg),
            vec![tick("a", 1.0), tick("b", 1.0), tick("c", 5.0)],
        );
        let a = assess(&fw, &[("a", Met), ("b", NotMet), ("c", Met)]);
        assert_eq!(
            Scorer::new(&fw).unwrap().total(&a).unwrap(),
            Some(0.0),
            "{agg:?}"
        );
    }
}

#[test]
fn geometric_and_harmonic_ignore_a_zero_child_of_weight_zero() {
    for agg in [Aggregation::GeometricMean, Aggregation::HarmonicMean] {
        let fw = framework(
            rules(agg),
            vec![leaf_on("a", "num", 1.0), leaf_on("b", "num", 0.0)],
        );
        let a = assess(&fw, &[("a", N(4.0)), ("b", N(0.0))]);
        assert!(
            close(Scorer::new(&fw).unwrap().total(&a).unwrap(), 0.4),
            "{agg:?}"
        );
    }
}

#[test]
fn minimum_ignores_a_weight_zero_child() {
    let fw = framework(
        rules(Aggregation::Minimum),
        vec![
            leaf_on("a", "num", 1.0),
            leaf_on("b", "num", 0.0),
            leaf_on("c", "num", 1.0),
        ],
    );
    let a = assess(&fw, &[("a", N(5.0)), ("b", N(0.0)), ("c", N(8.0))]);
    let r = Scorer::new(&fw).unwrap().score(&a).unwrap();
    assert_eq!(r.total().score(), Some(0.5));
    // The weight-0 child is reported but does not count.
    assert_eq!(r.node("b").unwrap().score(), Some(0.0));
}

#[test]
fn all_is_one_only_when_every_child_is_one() {
    let fw = framework(
        rules(Aggregation::All),
        vec![leaf_on("a", "num", 1.0), leaf_on("b", "num", 1.0)],
    );
    let s = Scorer::new(&fw).unwrap();
    assert_eq!(
        s.total(&assess(&fw, &[("a", N(10.0)), ("b", N(9.0))]))
            .unwrap(),
        Some(0.0)
    );
    assert_eq!(
        s.total(&assess(&fw, &[("a", N(10.0)), ("b", N(10.0))]))
            .unwrap(),
        Some(1.0)
    );
}

#[test]
fn per_criterion_override_beats_framework_default() {
    let fw = framework(
        rules(Aggregation::WeightedMean),
        vec![
            group(
                "g",
                1.0,
                Some(Aggregation::Minimum),
                vec![leaf_on("a", "num", 1.0), leaf_on("b", "num", 1.0)],
            ),
            leaf_on("c", "num", 1.0),
        ],
    );
    let a = assess(&fw, &[("a", N(2.0)), ("b", N(10.0)), ("c", N(6.0))]);
    let r = Scorer::new(&fw).unwrap().score(&a).unwrap();
    assert_eq!(r.node("g").unwrap().score(), Some(0.2));
    // (0.2 + 0.6) / 2
    assert!(close(r.total().score(), 0.4));
}

#[test]
fn a_group_whose_children_are_all_not_applicable_is_not_applicable() {
    let fw = framework(
        ScoringRules::default(),
        vec![
            group("g1", 1.0, None, vec![tick("a", 1.0), tick("b", 1.0)]),
            group("g2", 1.0, None, vec![tick("c", 1.0)]),
        ],
    );
    let a = assess(&fw, &[("a", NA), ("b", NA), ("c", NotMet)]);
    let r = Scorer::new(&fw).unwrap().score(&a).unwrap();
    let g1 = r.node("g1").unwrap();
    assert_eq!(g1.score(), None);
    assert_eq!(g1.outcome().no_score(), Some(NoScore::NotApplicable));
    assert_eq!(g1.coverage(), None);
    assert_eq!(g1.counts().not_applicable, 2);
    // The parent goes on as if g1 were absent: only g2 counts.
    assert_eq!(r.total().score(), Some(0.0));
}

#[test]
fn every_leaf_not_applicable_gives_no_total() {
    let fw = framework(ScoringRules::default(), vec![tick("a", 1.0)]);
    let r = Scorer::new(&fw)
        .unwrap()
        .score(&assess(&fw, &[("a", NA)]))
        .unwrap();
    assert_eq!(r.total().score(), None);
    assert_eq!(r.total().no_score(), Some(NoScore::NotApplicable));
}

#[test]
fn all_weights_zero_gives_nothing_to_aggregate() {
    let fw = framework(
        ScoringRules::default(),
        vec![
            group("g1", 1.0, None, vec![tick("a", 0.0), tick("b", 0.0)]),
            group("g2", 1.0, None, vec![tick("c", 1.0)]),
        ],
    );
    let a = assess(&fw, &[("a", Met), ("b", Met), ("c", NotMet)]);
    let r = Scorer::new(&fw).unwrap().score(&a).unwrap();
    let g1 = r.node("g1").unwrap();
    assert_eq!(g1.score(), None);
    assert_eq!(g1.outcome().no_score(), Some(NoScore::NothingToAggregate));
    assert_eq!(r.node("a").unwrap().score(), Some(1.0));
    assert_eq!(r.total().score(), Some(0.0));
}

/// Rule 4 under every aggregation, not only the weighted mean: a group
/// whose rated leaves all weigh 0 has nothing to aggregate (no score, not
/// 0 and not 1), and the total goes on with the other group alone (c not
/// met: 0 under every aggregation).
#[test]
fn all_weights_zero_gives_nothing_to_aggregate_under_every_aggregation() {
    for aggregation in Aggregation::ALL {
        let fw = framework(
            rules(aggregation),
            vec![
                group("g1", 1.0, None, vec![tick("a", 0.0), tick("b", 0.0)]),
                group("g2", 1.0, None, vec![tick("c", 1.0)]),
            ],
        );
        let a = assess(&fw, &[("a", Met), ("b", NotMet), ("c", NotMet)]);
        let r = Scorer::new(&fw).unwrap().score(&a).unwrap();
        let g1 = r.node("g1").unwrap();
        assert_eq!(g1.score(), None, "{aggregation:?}");
        assert_eq!(
            g1.outcome().no_score(),
            Some(NoScore::NothingToAggregate),
            "{aggregation:?}"
        );
        assert_eq!(r.total().score(), Some(0.0), "{aggregation:?}");
    }
}

#[test]
fn unscored_criteria_are_reported_but_not_counted() {
    let mut b = tick("b", 1.0);
    b.scored = false;
    let fw = framework(ScoringRules::default(), vec![tick("a", 1.0), b]);
    let r = Scorer::new(&fw)
        .unwrap()
        .score(&assess(&fw, &[("a", Met), ("b", NotMet)]))
        .unwrap();
    assert_eq!(r.node("b").unwrap().score(), Some(0.0));
    assert!(!r.node("b").unwrap().is_scored());
    assert_eq!(r.total().score(), Some(1.0));
    // Coverage counts every leaf, scored or not.
    assert_eq!(r.total().counts().rated, 2);
}

#[test]
fn only_unscored_children_give_nothing_to_aggregate() {
    let mut a = tick("a", 1.0);
    a.scored = false;
    let fw = framework(ScoringRules::default(), vec![a]);
    let r = Scorer::new(&fw)
        .unwrap()
        .score(&assess(&fw, &[("a", Met)]))
        .unwrap();
    assert_eq!(r.total().score(), None);
    assert_eq!(r.total().no_score(), Some(NoScore::NothingToAggregate));
}

#[test]
fn min_coverage_cuts_a_node_out_and_the_parent_goes_on() {
    let fw = framework(
        {
            let mut built = ScoringRules::default();
            built.min_coverage = Some(0.6);
            built
        },
        vec![
            group(
                "g1",
                1.0,
                None,
                vec![tick("a", 1.0), tick("b", 1.0), tick("c", 1.0)],
            ),
            group(
                "g2",
                1.0,
                None,
                vec![tick("d", 1.0), tick("e", 1.0), tick("f", 1.0)],
            ),
        ],
    );
    let a = assess(&fw, &[("a", Met), ("d", NotMet), ("e", Met), ("f", Met)]);
    let r = Scorer::new(&fw).unwrap().score(&a).unwrap();
    let g1 = r.node("g1").unwrap();
    assert_eq!(g1.score(), None);
    assert_eq!(g1.outcome().no_score(), Some(NoScore::InsufficientCoverage));
    assert!(close(g1.coverage(), 1.0 / 3.0));
    // Total coverage 4/6 ≥ 0.6; the total is g2's 2/3 alone.
    assert!(close(r.total().coverage(), 4.0 / 6.0));
    assert!(close(r.total().score(), 2.0 / 3.0));
}

#[test]
fn min_coverage_can_cut_the_total() {
    let fw = framework(
        {
            let mut built = ScoringRules::default();
            built.min_coverage = Some(0.75);
            built
        },
        vec![tick("a", 1.0), tick("b", 1.0)],
    );
    let r = Scorer::new(&fw)
        .unwrap()
        .score(&assess(&fw, &[("a", Met)]))
        .unwrap();
    assert_eq!(r.total().score(), None);
    assert_eq!(r.total().no_score(), Some(NoScore::InsufficientCoverage));
    // A leaf keeps its own score: min_coverage applies to groups and the total.
    assert_eq!(r.node("a").unwrap().score(), Some(1.0));
}

#[test]
fn missing_policies() {
    let mk = |missing| {
        framework(
            {
                let mut built = ScoringRules::default();
                built.missing = missing;
                built
            },
            vec![tick("a", 1.0), tick("b", 1.0), tick("c", 1.0)],
        )
    };
    let fw = mk(MissingPolicy::Exclude);
    let r = Scorer::new(&fw)
        .unwrap()
        .score(&assess(&fw, &[("a", Met)]))
        .unwrap();
    assert_eq!(r.total().score(), Some(1.0));
    assert!(close(r.total().coverage(), 1.0 / 3.0));
    assert_eq!(
        r.node("b").unwrap().outcome().no_score(),
        Some(NoScore::Missing)
    );
    assert_eq!(r.total().counts().missing, 2);

    let fw = mk(MissingPolicy::Zero);
    let r = Scorer::new(&fw)
        .unwrap()
        .score(&assess(&fw, &[("a", Met)]))
        .unwrap();
    assert!(close(r.total().score(), 1.0 / 3.0));
    assert!(close(r.total().coverage(), 1.0 / 3.0));
    assert_eq!(r.node("b").unwrap().score(), Some(0.0));

    let fw = mk(MissingPolicy::Error);
    let err = Scorer::new(&fw)
        .unwrap()
        .score(&assess(&fw, &[("a", Met)]))
        .unwrap_err();
    let missing: Vec<(&str, String)> = err
        .issues()
        .iter()
        .map(|i| (i.code(), i.kind.to_string()))
        .collect();
    assert_eq!(
        missing,
        [
            ("missing-rating", "leaf `b` has no rating".to_string()),
            ("missing-rating", "leaf `c` has no rating".to_string())
        ]
    );
    assert!(err.issues().iter().all(|i| i.path == "/ratings"));
}

#[test]
fn not_applicable_set_by_a_profile_is_reported_with_its_reason() {
    let mut g = group("g", 1.0, None, vec![tick("a", 1.0), tick("b", 1.0)]);
    g.not_applicable = Some("The regional law makes this moot.".into());
    let fw = framework(ScoringRules::default(), vec![g, tick("c", 1.0)]);
    let r = Scorer::new(&fw)
        .unwrap()
        .score(&assess(&fw, &[("a", Met), ("c", NotMet)]))
        .unwrap();
    let g = r.node("g").unwrap();
    assert_eq!(g.outcome().no_score(), Some(NoScore::NotApplicable));
    assert_eq!(
        g.not_applicable(),
        Some("The regional law makes this moot.")
    );
    // The reason reaches the leaves below, and a rating there does not count.
    assert_eq!(
        r.node("a").unwrap().not_applicable(),
        Some("The regional law makes this moot.")
    );
    assert_eq!(r.node("a").unwrap().score(), None);
    assert_eq!(r.total().score(), Some(0.0));
}

#[test]
fn rated_not_applicable_gives_the_note() {
    let fw = framework(
        ScoringRules::default(),
        vec![tick("a", 1.0), tick("b", 1.0)],
    );
    let mut a = assess(&fw, &[("a", Met)]);
    let mut rating = assessment_model::Rating::new(NA);
    rating.note = Some("No employers in the area.".into());
    a.ratings.insert(id("b"), rating);
    let r = Scorer::new(&fw).unwrap().score(&a).unwrap();
    assert_eq!(
        r.node("b").unwrap().not_applicable(),
        Some("No employers in the area.")
    );
    assert_eq!(r.total().counts().not_applicable, 1);
    assert_eq!(r.total().coverage(), Some(1.0));
}

#[test]
fn flat_leaves_out_unscored_groups_but_not_weight_zero_groups() {
    // g1 unscored {a = 1}; g2 weight 0 {b = 0 (w 1), c = 1 (w 3)}; d = 0 (w 1).
    let mut g1 = group("g1", 1.0, None, vec![tick("a", 1.0)]);
    g1.scored = false;
    let criteria = vec![
        g1,
        group("g2", 0.0, None, vec![tick("b", 1.0), tick("c", 3.0)]),
        tick("d", 1.0),
    ];
    let ratings = [("a", Met), ("b", NotMet), ("c", Met), ("d", NotMet)];
    let fw = framework(rules(Aggregation::Flat), criteria.clone());
    let r = Scorer::new(&fw)
        .unwrap()
        .score(&assess(&fw, &ratings))
        .unwrap();
    // Group weights are ignored: (1·0 + 3·1 + 1·0) / (1 + 3 + 1)
    assert_eq!(r.total().score(), Some(0.6));
    assert_eq!(r.node("g1").unwrap().score(), Some(1.0));
    let fw = framework(rules(Aggregation::FlatUnweighted), criteria.clone());
    let r = Scorer::new(&fw)
        .unwrap()
        .score(&assess(&fw, &ratings))
        .unwrap();
    assert!(close(r.total().score(), 1.0 / 3.0));
    // The weighted mean, by contrast, leaves the weight-0 group out: d alone.
    let fw = framework(rules(Aggregation::WeightedMean), criteria);
    let r = Scorer::new(&fw)
        .unwrap()
        .score(&assess(&fw, &ratings))
        .unwrap();
    assert_eq!(r.total().score(), Some(0.0));
}

#[test]
fn flat_leaves_out_a_group_cut_by_min_coverage() {
    let fw = framework(
        {
            let mut built = ScoringRules::default();
            built.aggregation = Aggregation::Flat;
            built.min_coverage = Some(0.5);
            built
        },
        vec![
            group(
                "g1",
                1.0,
                None,
                vec![tick("a", 1.0), tick("b", 1.0), tick("c", 1.0)],
            ),
            group("g2", 1.0, None, vec![tick("d", 1.0), tick("e", 1.0)]),
            tick("f", 1.0),
        ],
    );
    // g1 has 1 of 3 rated: cut out, and its rated leaf a leaves the flat sum.
    let a = assess(&fw, &[("a", Met), ("d", NotMet), ("e", Met), ("f", NotMet)]);
    let r = Scorer::new(&fw).unwrap().score(&a).unwrap();
    assert_eq!(
        r.node("g1").unwrap().outcome().no_score(),
        Some(NoScore::InsufficientCoverage)
    );
    // Total coverage 4/6 ≥ 0.5; flat over d, e, f = 1/3.
    assert!(close(r.total().score(), 1.0 / 3.0));
}

/// Issue 13, item 1 (rule 5): `h` (weighted mean) holds only `k`, a group
/// of weight 0, so `h` has no score of its own; under a flat total the
/// leaf `a` below them still counts.
fn flat_through_a_group_without_score(agg: Aggregation) -> assessment_model::Framework {
    framework(
        rules(agg),
        vec![
            group(
                "h",
                1.0,
                Some(Aggregation::WeightedMean),
                vec![group("k", 0.0, None, vec![tick("a", 1.0)])],
            ),
            tick("b", 1.0),
        ],
    )
}

#[test]
fn flat_keeps_the_leaves_of_a_group_that_has_no_score() {
    for agg in [Aggregation::Flat, Aggregation::FlatUnweighted] {
        let fw = flat_through_a_group_without_score(agg);
        let scorer = Scorer::new(&fw).unwrap();
        let a = assess(&fw, &[("a", Met), ("b", NotMet)]);
        let r = scorer.score(&a).unwrap();
        // h has nothing to aggregate (k has weight 0) ...
        assert_eq!(
            r.node("h").unwrap().outcome().no_score(),
            Some(NoScore::NothingToAggregate),
            "{agg:?}"
        );
        // ... but the total is the mean over a and b: (1 + 0) / 2.
        assert_eq!(r.total().score(), Some(0.5), "{agg:?}");
        assert_eq!(scorer.total(&a).unwrap(), Some(0.5), "{agg:?}");
        // Raising b gives (1 + 1) / 2 = 1, a gain of 0.5 (not 1.0).
        let gains = scorer.priorities(&a).unwrap();
        assert_eq!(gains.len(), 1, "{agg:?}");
        assert_eq!(gains[0].criterion, "b");
        assert_eq!(gains[0].gain, 0.5, "{agg:?}");
    }
}

/// Issue 13, item 2 (rule 5, NISTIR 7275r4 §7.3.2.4): under
/// flat-unweighted a leaf of weight 0 does not count, at any depth.
#[test]
fn flat_unweighted_leaves_out_weight_zero_leaves() {
    let fw = framework(
        rules(Aggregation::FlatUnweighted),
        vec![
            group(
                "g",
                2.0,
                None,
                vec![tick("a", 0.0), tick("b", 3.0), tick("c", 1.0)],
            ),
            tick("d", 0.0),
            tick("e", 0.5),
        ],
    );
    // a and d (weight 0) are failed; b, c, e count as weight 1 each:
    // b = 1, c = 0, e = 1 → 2 / 3.
    let a = assess(
        &fw,
        &[
            ("a", NotMet),
            ("b", Met),
            ("c", NotMet),
            ("d", NotMet),
            ("e", Met),
        ],
    );
    let scorer = Scorer::new(&fw).unwrap();
    assert!(close(scorer.score(&a).unwrap().total().score(), 2.0 / 3.0));
    assert!(close(scorer.total(&a).unwrap(), 2.0 / 3.0));
    // Raising a weight-0 leaf changes nothing: gain 0.
    let gains = scorer.priorities(&a).unwrap();
    let gain = |id: &str| gains.iter().find(|p| p.criterion == id).unwrap().gain;
    assert_eq!(gain("a"), 0.0);
    assert_eq!(gain("d"), 0.0);
    assert!((gain("c") - 1.0 / 3.0).abs() <= TOL);
}

/// Issue 13, item 3 (rule 10): three numeric 0-1 leaves under `flat`,
/// rated 0.4, 0.7, 0.7. Raising x gives a gain of 0.6 / 3 = 0.2; raising y
/// or z gives 0.3 / 3 = 0.1 each, equal within 1e-12 though not in their
/// last bits, so y (defined first) comes before z.
#[test]
fn equal_gains_keep_definition_order() {
    let mut fw = framework(
        rules(Aggregation::Flat),
        vec![
            leaf_on("x", "unit", 1.0),
            leaf_on("y", "unit", 1.0),
            leaf_on("z", "unit", 1.0),
        ],
    );
    fw.scales
        .insert(id("unit"), assessment_model::Scale::numeric(0.0, 1.0));
    let a = assess(&fw, &[("x", N(0.4)), ("y", N(0.7)), ("z", N(0.7))]);
    let gains = Scorer::new(&fw).unwrap().priorities(&a).unwrap();
    let order: Vec<&str> = gains.iter().map(|p| p.criterion.as_str()).collect();
    assert_eq!(order, ["x", "y", "z"]);
    assert!((gains[0].gain - 0.2).abs() <= TOL);
    assert!((gains[1].gain - 0.1).abs() <= TOL);
    assert!((gains[2].gain - 0.1).abs() <= TOL);
}

/// Issue 13, item 6: a numeric rating of `-0.0` on a 0-10 scale scores
/// `0`, and the report writes `0`, never `-0`.
#[test]
fn negative_zero_rating_scores_positive_zero() {
    let fw = framework(
        rules(Aggregation::WeightedMean),
        vec![leaf_on("x", "num", 1.0)],
    );
    let r = Scorer::new(&fw)
        .unwrap()
        .score(&assess(&fw, &[("x", N(-0.0))]))
        .unwrap();
    let score = r.node("x").unwrap().score().unwrap();
    assert!(score == 0.0 && score.is_sign_positive());
    let total = r.total().score().unwrap();
    assert!(total == 0.0 && total.is_sign_positive());
    let json = serde_json::to_string(&r).unwrap();
    assert!(!json.contains("-0"), "{json}");
    let text = r.to_string();
    assert!(!text.contains("-0"), "{text}");
}
