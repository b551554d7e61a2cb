//! Reference vectors: the XCCDF 1.2 scoring models as OpenSCAP implements
//! them (`src/XCCDF/result_scoring.c` in OpenSCAP, after NISTIR 7275r4
//! tables 40 and 41), and where the crate's policy differs.
//!
//! `oscap` below is an independent model of OpenSCAP's algorithm written
//! for this test (scores on OpenSCAP's 0-100 scale; flat models give a
//! score and a maximum). Our scores are in [0, 1]: default = score / 100,
//! flat = score / maximum. Tolerance: 1e-12.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp)]
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

mod common;

use assessment_model::{Aggregation, Criterion, NoScore, RatingValue, Scorer};
use common::*;

const TOL: f64 = 1e-12;

#[derive(Clone, Copy, PartialEq)]
enum Res {
    Pass,
    Fail,
    NotApplicable,
}

enum Item {
    Rule {
        name: &'static str,
        weight: f64,
        result: Res,
        unscored: bool,
    },
    Group {
        name: &'static str,
        weight: f64,
        children: Vec<Item>,
    },
}

fn rule(name: &'static str, result: Res) -> Item {
    Item::Rule {
        name,
        weight: 1.0,
        result,
        unscored: false,
    }
}

mod oscap {
    use super::{Item, Res};

    /// Default model: `(score, weight·score, counted)`, or `None` for an
    /// item that cannot be processed (unscored or not applicable rule).
    pub fn default(item: &Item) -> Option<(f64, f64, usize)> {
        match item {
            Item::Rule {
                weight,
                result,
                unscored,
                ..
            } => {
                if *unscored || *result == Res::NotApplicable {
                    return None;
                }
                let score = if *result == Res::Pass { 100.0 } else { 0.0 };
                Some((score, score * weight, 1))
            }
            Item::Group {
                weight, children, ..
            } => {
                let (mut score, mut count, mut accumulator) = (0.0, 0, 0.0);
                for child in children {
                    let Some((_, weighted, c)) = default(child) else {
                        continue;
                    };
                    if c == 0 {
                        continue;
                    }
                    score += weighted;
                    count += 1;
                    accumulator += child_weight(child);
                }
                if count > 0 && accumulator != 0.0 {
                    score /= accumulator;
                }
                Some((score, score * weight, count))
            }
        }
    }

    fn child_weight(item: &Item) -> f64 {
        match item {
            Item::Rule { weight, .. } | Item::Group { weight, .. } => *weight,
        }
    }

    /// Flat models: `(score, maximum)`.
    pub fn flat(item: &Item, unweighted: bool) -> Option<(f64, f64)> {
        match item {
            Item::Rule {
                weight,
                result,
                unscored,
                ..
            } => {
                if *unscored || *result == Res::NotApplicable {
                    return None;
                }
                let w = if unweighted { 1.0 } else { *weight };
                Some((if *result == Res::Pass { w } else { 0.0 }, w))
            }
            Item::Group { children, .. } => {
                let (mut score, mut max) = (0.0, 0.0);
                for child in children {
                    let Some((s, w)) = flat(child, unweighted) else {
                        continue;
                    };
                    if w == 0.0 {
                        continue;
                    }
                    score += s;
                    max += w;
                }
                Some((score, max))
            }
        }
    }

    /// Absolute model: 1 when the flat score equals its maximum.
    pub fn absolute(item: &Item) -> f64 {
        let (score, max) = flat(item, false).unwrap_or((0.0, 0.0));
        if score == max { 1.0 } else { 0.0 }
    }
}

/// The benchmark's top-level items as our criteria.
fn to_criteria(items: &[Item]) -> Vec<Criterion> {
    items
        .iter()
        .map(|item| match item {
            Item::Rule {
                name,
                weight,
                unscored,
                ..
            } => {
                let mut c = tick(name, *weight);
                c.scored = !unscored;
                c
            }
            Item::Group {
                name,
                weight,
                children,
            } => group(name, *weight, None, to_criteria(children)),
        })
        .collect()
}

fn ratings(items: &[Item], out: &mut Vec<(&'static str, RatingValue)>) {
    for item in items {
        match item {
            Item::Rule { name, result, .. } => out.push((
                name,
                match result {
                    Res::Pass => Met,
                    Res::Fail => NotMet,
                    Res::NotApplicable => NA,
                },
            )),
            Item::Group { children, .. } => ratings(children, out),
        }
    }
}

/// Our total under `agg` for a benchmark made of `items`.
fn ours(agg: Aggregation, items: &[Item]) -> Option<f64> {
    let fw = framework(rules(agg), to_criteria(items));
    let mut rs = Vec::new();
    ratings(items, &mut rs);
    Scorer::new(&fw).unwrap().total(&assess(&fw, &rs)).unwrap()
}

fn benchmark(items: Vec<Item>) -> Item {
    Item::Group {
        name: "benchmark",
        weight: 1.0,
        children: items,
    }
}

fn same_as_openscap(items: Vec<Item>) {
    let ours_default = ours(Aggregation::WeightedMean, &items).unwrap();
    let ours_flat = ours(Aggregation::Flat, &items).unwrap();
    let ours_unweighted = ours(Aggregation::FlatUnweighted, &items).unwrap();
    let ours_absolute = ours(Aggregation::All, &items).unwrap();
    let b = benchmark(items);
    let (d, _, _) = oscap::default(&b).unwrap();
    assert!(
        (ours_default - d / 100.0).abs() <= TOL,
        "default: {ours_default} vs {d}"
    );
    let (s, m) = oscap::flat(&b, false).unwrap();
    assert!(
        (ours_flat - s / m).abs() <= TOL,
        "flat: {ours_flat} vs {s}/{m}"
    );
    let (s, m) = oscap::flat(&b, true).unwrap();
    assert!(
        (ours_unweighted - s / m).abs() <= TOL,
        "flat-unweighted: {ours_unweighted} vs {s}/{m}"
    );
    assert_eq!(ours_absolute, oscap::absolute(&b), "absolute");
}

#[test]
fn one_pass_one_fail_default_is_50_of_100() {
    let items = || vec![rule("r1", Res::Pass), rule("r2", Res::Fail)];
    assert_eq!(oscap::default(&benchmark(items())).unwrap().0, 50.0);
    assert_eq!(ours(Aggregation::WeightedMean, &items()), Some(0.5));
    same_as_openscap(items());
}

#[test]
fn eight_passing_default_100_flat_8_of_8() {
    let names = ["r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8"];
    let items = || names.iter().map(|n| rule(n, Res::Pass)).collect::<Vec<_>>();
    assert_eq!(oscap::default(&benchmark(items())).unwrap().0, 100.0);
    assert_eq!(oscap::flat(&benchmark(items()), false), Some((8.0, 8.0)));
    assert_eq!(ours(Aggregation::WeightedMean, &items()), Some(1.0));
    assert_eq!(ours(Aggregation::Flat, &items()), Some(1.0));
    // "8 of 8": the report's counts give the flat model's maximum.
    let fw = framework(rules(Aggregation::Flat), to_criteria(&items()));
    let rs: Vec<_> = names.iter().map(|n| (*n, Met)).collect();
    let r = Scorer::new(&fw).unwrap().score(&assess(&fw, &rs)).unwrap();
    assert_eq!(
        (r.total().counts().rated, r.total().counts().leaves),
        (8, 8)
    );
    same_as_openscap(items());
}

#[test]
fn unscored_and_not_applicable_rules_are_left_out() {
    let items = || {
        vec![
            rule("r1", Res::Pass),
            Item::Rule {
                name: "r2",
                weight: 1.0,
                result: Res::Fail,
                unscored: true,
            },
            rule("r3", Res::NotApplicable),
        ]
    };
    assert_eq!(oscap::default(&benchmark(items())).unwrap().0, 100.0);
    assert_eq!(ours(Aggregation::WeightedMean, &items()), Some(1.0));
    same_as_openscap(items());
}

#[test]
fn nested_weighted_groups_match_openscap() {
    let items = || {
        vec![
            Item::Group {
                name: "g1",
                weight: 1.0,
                children: vec![rule("r1", Res::Pass), rule("r2", Res::Fail)],
            },
            Item::Group {
                name: "g2",
                weight: 2.0,
                children: vec![
                    Item::Rule {
                        name: "r3",
                        weight: 3.0,
                        result: Res::Pass,
                        unscored: false,
                    },
                    Item::Rule {
                        name: "r4",
                        weight: 1.0,
                        result: Res::Fail,
                        unscored: false,
                    },
                    rule("r5", Res::NotApplicable),
                ],
            },
            Item::Rule {
                name: "r6",
                weight: 0.5,
                result: Res::Pass,
                unscored: false,
            },
        ]
    };
    // default: g1 = 50, g2 = 75, total = (50 + 2·75 + 0.5·100) / 3.5
    let expected = (50.0 + 150.0 + 50.0) / 3.5 / 100.0;
    assert!((ours(Aggregation::WeightedMean, &items()).unwrap() - expected).abs() <= TOL);
    // flat: (1 + 0 + 3 + 0 + 0.5) / (1 + 1 + 3 + 1 + 0.5)
    assert!((ours(Aggregation::Flat, &items()).unwrap() - 4.5 / 6.5).abs() <= TOL);
    // flat-unweighted: 3 passing of 5 applicable
    assert!((ours(Aggregation::FlatUnweighted, &items()).unwrap() - 0.6).abs() <= TOL);
    assert_eq!(ours(Aggregation::All, &items()), Some(0.0));
    same_as_openscap(items());
}

/// Policy difference 3: a weight-0 rule under flat-unweighted. NISTIR
/// 7275r4 §7.3.2.4 says "items with weights of 0 remain 0 and do not
/// contribute"; OpenSCAP's code counts every rule as weight 1. The crate
/// follows the specification.
#[test]
fn difference_flat_unweighted_leaves_a_weight_zero_rule_out() {
    let items = || {
        vec![
            rule("r1", Res::Pass),
            Item::Rule {
                name: "r2",
                weight: 0.0,
                result: Res::Fail,
                unscored: false,
            },
        ]
    };
    // OpenSCAP: 1 passing of 2 rules, each of weight 1.
    assert_eq!(oscap::flat(&benchmark(items()), true), Some((1.0, 2.0)));
    // Here: r2 does not count, so r1 alone: 1 of 1.
    assert_eq!(ours(Aggregation::FlatUnweighted, &items()), Some(1.0));
    assert_eq!(ours(Aggregation::Flat, &items()), Some(1.0));
}

/// Policy difference 1: nothing to aggregate. OpenSCAP scores a benchmark
/// whose rules are all not applicable 0 (default) and 1 (absolute); the
/// crate gives no score (rule 4: never 0 and never 1).
#[test]
fn difference_nothing_to_aggregate_is_none_not_zero() {
    let items = || {
        vec![
            rule("r1", Res::NotApplicable),
            rule("r2", Res::NotApplicable),
        ]
    };
    assert_eq!(oscap::default(&benchmark(items())).unwrap().0, 0.0);
    assert_eq!(oscap::absolute(&benchmark(items())), 1.0);
    for agg in [
        Aggregation::WeightedMean,
        Aggregation::Flat,
        Aggregation::FlatUnweighted,
        Aggregation::All,
    ] {
        assert_eq!(ours(agg, &items()), None, "{agg:?}");
    }
    let fw = framework(rules(Aggregation::WeightedMean), to_criteria(&items()));
    let r = Scorer::new(&fw)
        .unwrap()
        .score(&assess(&fw, &[("r1", NA), ("r2", NA)]))
        .unwrap();
    assert_eq!(r.total().no_score(), Some(NoScore::NotApplicable));
}

/// Policy difference 2: a group whose counted children all have weight 0.
/// OpenSCAP's default model scores it 0 and still counts it in its parent;
/// the crate gives it no score and its parent goes on without it.
#[test]
fn difference_group_of_weight_zero_children_is_left_out() {
    let items = || {
        vec![
            Item::Group {
                name: "g1",
                weight: 1.0,
                children: vec![Item::Rule {
                    name: "r1",
                    weight: 0.0,
                    result: Res::Pass,
                    unscored: false,
                }],
            },
            Item::Group {
                name: "g2",
                weight: 1.0,
                children: vec![rule("r2", Res::Pass)],
            },
        ]
    };
    // OpenSCAP: g1 = 0 (not normalised: accumulator 0), total = (0 + 100) / 2.
    assert_eq!(oscap::default(&benchmark(items())).unwrap().0, 50.0);
    // Here: g1 has nothing to aggregate, the total is g2's alone.
    assert_eq!(ours(Aggregation::WeightedMean, &items()), Some(1.0));
}
