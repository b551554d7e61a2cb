//! Bounds from missing ratings (SPEC.md §8.2): the crate's lower and upper
//! bound at every node against a brute force over every completion of the
//! missing ratings, scored by `Scorer::score` (an independent path: the
//! report of a fully rated assessment), on random small frameworks for
//! every aggregation and both `Exclude` and `Zero`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp)]
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

mod common;

use std::collections::BTreeMap;

use assessment_model::{
    Aggregation, Assessment, Bounds, Criterion, Framework, MissingPolicy, NoScore, RatingValue,
    Scorer, ScoringRules,
};
use common::*;
use proptest::prelude::*;

/// The ratings a brute force tries for a leaf on `scale`: every level,
/// both values of a tick, both ends (and the middle) of a numeric range.
fn completions_of(scale: &str) -> Vec<RatingValue> {
    match scale {
        "tick" => vec![Met, NotMet],
        "imp" => vec![L(1.into()), L(2.into()), L(3.into())],
        _ => vec![N(0.0), N(5.0), N(10.0)],
    }
}

/// Per node id (the total as `""`): the min and max score over every
/// completion of the missing leaves of `a`, each scored by `Scorer::score`,
/// with leaf `fixed` (if any) held at the given rating.
fn brute_force(
    scorer: &Scorer,
    fw: &Framework,
    a: &Assessment,
    fixed: Option<(&str, &RatingValue)>,
) -> BTreeMap<String, (f64, f64)> {
    let missing: Vec<(String, String)> = fw
        .leaves()
        .filter(|l| !a.ratings.contains_key(l.id.as_str()))
        .filter(|l| fixed.is_none_or(|(id, _)| id != l.id.as_str()))
        .map(|l| (l.id.to_string(), l.scale.as_ref().unwrap().to_string()))
        .collect();
    let options: Vec<Vec<RatingValue>> = missing.iter().map(|(_, s)| completions_of(s)).collect();
    let mut out: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    let mut pick = vec![0usize; missing.len()];
    loop {
        let mut full = a.clone();
        if let Some((id, v)) = fixed {
            full.rate(id, v.clone()).unwrap();
        }
        for ((id, _), (opts, &k)) in missing.iter().zip(options.iter().zip(&pick)) {
            full.rate(id, opts[k].clone()).unwrap();
        }
        let report = scorer.score(&full).unwrap();
        let mut seen = vec![(String::new(), report.total().score())];
        seen.extend(report.nodes().map(|n| (n.id().to_string(), n.score())));
        for (id, s) in seen {
            if let Some(s) = s {
                let e = out.entry(id).or_insert((s, s));
                e.0 = e.0.min(s);
                e.1 = e.1.max(s);
            }
        }
        // Next combination (odometer).
        let mut i = 0;
        while i < pick.len() {
            pick[i] += 1;
            if pick[i] < options[i].len() {
                break;
            }
            pick[i] = 0;
            i += 1;
        }
        if i == pick.len() {
            return out;
        }
    }
}

/// Every property of §8.2 that a brute force can check, on one assessment.
fn check(fw: &Framework, a: &Assessment) -> Bounds {
    let scorer = Scorer::new(fw).unwrap();
    let bounds = scorer.bounds(a).unwrap();
    let brute = brute_force(&scorer, fw, a, None);
    let mut all = vec![("".to_string(), &bounds.total)];
    all.extend(bounds.nodes.iter().map(|n| (n.criterion.to_string(), n)));
    for (id, b) in &all {
        let want = brute.get(id).copied();
        assert_eq!(
            b.lower.zip(b.upper),
            want,
            "node {id:?}: crate {b:?}, brute force {want:?}"
        );
    }
    // The current score is the report's, and lies inside the bounds
    // unless `min_coverage` cuts some node out.
    let report = scorer.score(a).unwrap();
    assert_eq!(bounds.total.current, report.total().score());
    let cut = report
        .nodes()
        .map(|n| n.outcome().no_score())
        .chain([report.total().no_score()])
        .any(|w| w == Some(NoScore::InsufficientCoverage));
    for (id, b) in &all {
        if !id.is_empty() {
            assert_eq!(b.current, report.node(id).unwrap().score(), "node {id}");
        }
        if let (Some(x), false) = (b.current, cut) {
            let (lo, hi) = (b.lower.unwrap(), b.upper.unwrap());
            assert!(
                lo - 1e-12 <= x && x <= hi + 1e-12,
                "{id}: {x} not in [{lo}, {hi}]"
            );
        }
    }
    // Leverage: the total's width minus the widest interval left over the
    // ratings of the leaf (every level; 17 evenly spaced points of a
    // numeric range, its ends included, rule 15).
    if let Some(width) = brute.get("").map(|(lo, hi)| hi - lo) {
        let got: BTreeMap<String, f64> = bounds
            .leverage
            .iter()
            .map(|l| (l.criterion.to_string(), l.leverage))
            .collect();
        let missing: Vec<_> = fw
            .leaves()
            .filter(|l| !a.ratings.contains_key(l.id.as_str()))
            .collect();
        assert_eq!(got.len(), missing.len());
        for leaf in missing {
            let scale = leaf.scale.as_ref().unwrap().as_str();
            let options = if scale == "num" {
                (0..=16).map(|k| N(f64::from(k) * 10.0 / 16.0)).collect()
            } else {
                completions_of(scale)
            };
            let widest = options
                .iter()
                .map(|r| {
                    let b = brute_force(&scorer, fw, a, Some((leaf.id.as_str(), r)));
                    let (lo, hi) = b[""];
                    hi - lo
                })
                .fold(f64::NEG_INFINITY, f64::max);
            // A what-if updates its path's running sums: within 1e-12 of
            // scoring every completion.
            let (got, want) = (got[leaf.id.as_str()], width - widest);
            assert!(
                (got - want).abs() <= 1e-12,
                "leverage of {}: {got} against {want}",
                leaf.id
            );
        }
    }
    bounds
}

#[derive(Debug, Clone)]
enum Tree {
    Leaf(u8, f64, bool),
    Group(f64, bool, Option<Aggregation>, Vec<Tree>),
}

fn weight() -> impl Strategy<Value = f64> {
    prop_oneof![1 => Just(0.0), 4 => Just(1.0), 2 => Just(2.0), 1 => Just(0.5)]
}

fn tree() -> impl Strategy<Value = Tree> {
    let leaf = (0u8..3, weight(), prop::bool::weighted(0.85))
        .prop_map(|(s, w, scored)| Tree::Leaf(s, w, scored));
    leaf.prop_recursive(2, 12, 3, |inner| {
        (
            weight(),
            prop::bool::weighted(0.85),
            prop::option::weighted(0.4, proptest::sample::select(Aggregation::ALL.to_vec())),
            prop::collection::vec(inner, 1..4),
        )
            .prop_map(|(w, scored, agg, children)| Tree::Group(w, scored, agg, children))
    })
}

const SCALES: [&str; 3] = ["tick", "imp", "num"];

fn build(trees: &[Tree], next: &mut usize) -> Vec<Criterion> {
    trees
        .iter()
        .map(|t| {
            let name = format!("n{next}");
            *next += 1;
            match t {
                Tree::Leaf(s, w, scored) => {
                    let mut c = leaf_on(&name, SCALES[*s as usize], *w);
                    c.scored = *scored;
                    c
                }
                Tree::Group(w, scored, agg, children) => {
                    let mut c = group(&name, *w, *agg, build(children, next));
                    c.scored = *scored;
                    c
                }
            }
        })
        .collect()
}

fn make(
    top: &[Tree],
    agg: Aggregation,
    missing: MissingPolicy,
    min_coverage: Option<f64>,
) -> Framework {
    let mut rules = ScoringRules::default();
    rules.aggregation = agg;
    rules.missing = missing;
    rules.min_coverage = min_coverage;
    framework(rules, build(top, &mut 0))
}

/// Ratings by `choices` per leaf: 0-2 missing (at most six), 3 not
/// applicable, else rated by the value.
fn rate(fw: &Framework, choices: &[(u8, u8)]) -> Assessment {
    let mut a = assess(fw, &[]);
    let mut missing = 0;
    for (i, leaf) in fw.leaves().enumerate() {
        let (kind, value) = choices[i % choices.len()];
        let scale = leaf.scale.as_ref().unwrap().as_str();
        if kind < 3 && missing < 6 {
            missing += 1;
            continue;
        }
        let v = if kind == 3 {
            NA
        } else {
            let options = completions_of(scale);
            options[value as usize % options.len()].clone()
        };
        a.rate(&leaf.id, v).unwrap();
    }
    a
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn bounds_are_the_brute_force_extremes(
        top in prop::collection::vec(tree(), 1..4),
        agg in proptest::sample::select(Aggregation::ALL.to_vec()),
        missing in prop_oneof![Just(MissingPolicy::Exclude), Just(MissingPolicy::Zero)],
        min_coverage in prop::option::weighted(0.3, prop_oneof![Just(0.25), Just(0.6)]),
        choices in prop::collection::vec((0u8..8, any::<u8>()), 40),
    ) {
        let fw = make(&top, agg, missing, min_coverage);
        check(&fw, &rate(&fw, &choices));
    }
}

/// A fixed tree with every scale, an unscored leaf, a weight-0 leaf and a
/// per-group override, for every aggregation and both policies.
#[test]
fn every_aggregation_and_policy() {
    let top = vec![
        Tree::Leaf(0, 2.0, true),
        Tree::Group(
            1.0,
            true,
            None,
            vec![
                Tree::Leaf(1, 1.0, true),
                Tree::Leaf(2, 3.0, true),
                Tree::Leaf(0, 1.0, false),
            ],
        ),
        Tree::Group(
            0.5,
            true,
            Some(Aggregation::GeometricMean),
            vec![Tree::Leaf(0, 1.0, true), Tree::Leaf(1, 0.0, true)],
        ),
    ];
    let patterns: [&[(u8, u8)]; 4] = [
        &[
            (0, 0),
            (5, 1),
            (0, 0),
            (5, 0),
            (0, 0),
            (5, 1),
            (0, 0),
            (5, 2),
        ],
        &[
            (5, 1),
            (0, 0),
            (5, 2),
            (0, 0),
            (3, 0),
            (0, 0),
            (5, 1),
            (0, 0),
        ],
        &[(0, 0); 8],
        &[
            (5, 1),
            (5, 2),
            (5, 0),
            (5, 1),
            (5, 0),
            (5, 1),
            (5, 1),
            (5, 2),
        ],
    ];
    for agg in Aggregation::ALL {
        for missing in [MissingPolicy::Exclude, MissingPolicy::Zero] {
            for pattern in patterns {
                let fw = make(&top, agg, missing, None);
                check(&fw, &rate(&fw, pattern));
            }
        }
    }
}

#[test]
fn fully_rated_has_lower_equal_upper_equal_score() {
    let fw = framework(
        rules(Aggregation::HarmonicMean),
        vec![
            tick("a", 1.0),
            group(
                "g",
                2.0,
                None,
                vec![leaf_on("b", "imp", 1.0), leaf_on("c", "num", 1.0)],
            ),
        ],
    );
    let a = assess(&fw, &[("a", Met), ("b", L(2.into())), ("c", N(2.5))]);
    let bounds = Scorer::new(&fw).unwrap().bounds(&a).unwrap();
    // g = 2 / (1/0.5 + 1/0.25) = 1/3; total = 3 / (1/1 + 2/(1/3)) = 3/7.
    let total = 3.0 / (1.0 + 2.0 / (2.0 / (1.0 / 0.5 + 1.0 / 0.25)));
    assert_eq!(bounds.total.current, Some(total));
    for b in bounds.nodes.iter().chain([&bounds.total]) {
        assert_eq!(b.lower, b.current, "{}", b.criterion);
        assert_eq!(b.upper, b.current, "{}", b.criterion);
        assert_eq!(b.width(), Some(0.0));
    }
    assert!(bounds.leverage.is_empty());
}

/// What a user sees where `min_coverage` cuts a node out: the report (and
/// `current`) has no score there, the bounds do, and the parent's current
/// score, which goes on without the node, may lie outside its bounds.
#[test]
fn a_node_cut_out_by_coverage_keeps_its_bounds() {
    let mut r = rules(Aggregation::WeightedMean);
    r.min_coverage = Some(0.5);
    let fw = framework(
        r,
        vec![
            tick("x", 1.0),
            group(
                "g",
                1.0,
                None,
                vec![tick("g1", 1.0), tick("g2", 1.0), tick("g3", 1.0)],
            ),
        ],
    );
    let a = assess(&fw, &[("x", Met), ("g1", NotMet)]);
    let bounds = Scorer::new(&fw).unwrap().bounds(&a).unwrap();
    let g = bounds.node("g").unwrap();
    // g: 1 of 3 rated (coverage 1/3 < 0.5), cut out now; 0 to 2/3 once rated.
    assert_eq!(
        (g.lower, g.upper, g.current),
        (Some(0.0), Some(2.0 / 3.0), None)
    );
    // The total (coverage 2/4) goes on without g: 1, above its upper
    // bound (1 + 2/3) / 2 = 5/6.
    let t = &bounds.total;
    assert_eq!(
        (t.lower, t.upper, t.current),
        (Some(0.5), Some((1.0 + 2.0 / 3.0) / 2.0), Some(1.0))
    );
}

#[test]
fn missing_ratings_are_bounded_under_the_error_policy() {
    let mut r = rules(Aggregation::WeightedMean);
    r.missing = MissingPolicy::Error;
    let fw = framework(r, vec![tick("a", 1.0), tick("b", 3.0)]);
    let a = assess(&fw, &[("a", Met)]);
    let scorer = Scorer::new(&fw).unwrap();
    assert!(scorer.score(&a).is_err());
    let bounds = scorer.bounds(&a).unwrap();
    assert_eq!(
        (bounds.total.lower, bounds.total.upper),
        (Some(0.25), Some(1.0))
    );
    assert_eq!(bounds.total.current, None);
    assert_eq!(bounds.node("a").unwrap().current, None);
}

#[test]
fn other_problems_are_still_errors() {
    let fw = framework(rules(Aggregation::WeightedMean), vec![tick("a", 1.0)]);
    let mut a = assess(&fw, &[]);
    a.rate("a", N(3.0)).unwrap();
    let err = Scorer::new(&fw).unwrap().bounds(&a).unwrap_err();
    assert_eq!(err.issues()[0].code(), "rating-off-scale");
    assert_eq!(err.issues()[0].path, "/ratings/a/value");
}

#[test]
fn serde_round_trip_and_display() {
    let fw = framework(
        rules(Aggregation::WeightedMean),
        vec![tick("a", 1.0), tick("b", 1.0)],
    );
    let a = assess(&fw, &[("a", Met)]);
    let bounds = Scorer::new(&fw).unwrap().bounds(&a).unwrap();
    let json = serde_json::to_value(&bounds).unwrap();
    assert_eq!(json["total"]["lower"], 0.5);
    assert_eq!(json["leverage"][0]["criterion"], "b");
    let back: Bounds = serde_json::from_value(json).unwrap();
    assert_eq!(back, bounds);
    let text = bounds.to_string();
    assert!(text.starts_with("bounds — test-fw 1.2.0\n"), "{text}");
    assert!(text.contains("TOTAL"), "{text}");
    assert!(
        text.contains("rate first: b (narrows the total by 50.0)"),
        "{text}"
    );
}
