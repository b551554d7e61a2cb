//! Property tests of the whole pipeline (framework → validate → Scorer →
//! check → score → priorities) on generated frameworks, valid or not, and
//! generated assessments with ratings of leaves, groups, unknown ids, on and
//! off their scales:
//!
//! - nothing panics;
//! - scoring an assessment after a JSON or TOML round trip gives the
//!   bit-identical report;
//! - every rating that went in is accounted for: in the report as rated or
//!   not applicable, or, when scoring fails, listed as an issue at its path
//!   exactly when an independent oracle says it is bad (unknown id, a
//!   group, off its scale).
//!
//! `tests/scoring_properties.rs` covers the scoring rules themselves
//! (monotonicity, order, not applicable as deletion, determinism) and
//! `tests/roundtrip.rs` the documents' round trips; this file does not
//! repeat them.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use std::collections::HashSet;

use assessment_model::model::Direction;
use assessment_model::{
    Aggregation, Assessment, Criterion, Framework, Id, Level, LevelRef, MissingPolicy, RatingValue,
    Scale, Scorer, ScoringRules, Subject,
};
use indexmap::IndexMap;
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Shape {
    Leaf {
        scale: u8,
        weight: f64,
    },
    Group {
        children: Vec<Shape>,
        weight: f64,
        aggregation: Option<Aggregation>,
    },
}

fn weight() -> impl Strategy<Value = f64> {
    prop_oneof![
        40 => (0u8..5).prop_map(f64::from),
        4 => Just(0.5),
        1 => Just(-1.0),
    ]
}

fn aggregation() -> impl Strategy<Value = Aggregation> {
    proptest::sample::select(Aggregation::ALL.to_vec())
}

fn shape() -> impl Strategy<Value = Shape> {
    // Scale 3 is undefined: a leaf on it makes the framework invalid.
    let leaf = (prop_oneof![60 => 0u8..3, 1 => Just(3u8)], weight())
        .prop_map(|(scale, weight)| Shape::Leaf { scale, weight });
    leaf.prop_recursive(4, 40, 5, |inner| {
        (
            prop_oneof![
                40 => prop::collection::vec(inner, 1..5),
                1 => Just(Vec::new()),
            ],
            weight(),
            prop::option::of(aggregation()),
        )
            .prop_map(|(children, weight, aggregation)| Shape::Group {
                children,
                weight,
                aggregation,
            })
    })
}

const SCALES: [&str; 4] = ["tick", "five", "pct", "undefined"];

fn build(shapes: &[Shape], next: &mut usize) -> Vec<Criterion> {
    shapes
        .iter()
        .map(|shape| {
            let id = Id::new(format!("n{next}")).unwrap();
            *next += 1;
            match shape {
                Shape::Leaf { scale, weight } => {
                    let scale = Id::new(SCALES[usize::from(*scale)]).unwrap();
                    let mut c = Criterion::leaf(id, "Leaf", scale);
                    c.weight = *weight;
                    c
                }
                Shape::Group {
                    children,
                    weight,
                    aggregation,
                } => {
                    let mut c = Criterion::group(id, "Group", build(children, next));
                    c.weight = *weight;
                    c.aggregation = *aggregation;
                    c
                }
            }
        })
        .collect()
}

fn scales() -> IndexMap<Id, Scale> {
    let five = Scale::ordinal(
        (0..5).map(|v| Level::new(Id::new(format!("l{v}")).unwrap(), v, format!("{v}"))),
    );
    let pct = Scale::numeric(0.0, 100.0).with_direction(Direction::LowerIsBetter);
    let tick = Scale::binary();
    [("tick", tick), ("five", five), ("pct", pct)]
        .into_iter()
        .map(|(id, s)| (Id::new(id).unwrap(), s))
        .collect()
}

fn framework() -> impl Strategy<Value = Framework> {
    (
        prop_oneof![
            20 => prop::collection::vec(shape(), 1..5),
            1 => Just(Vec::new()),
        ],
        aggregation(),
        prop_oneof![
            Just(MissingPolicy::Exclude),
            Just(MissingPolicy::Zero),
            Just(MissingPolicy::Error),
        ],
        prop::option::of(prop_oneof![Just(0.0), Just(0.5), Just(1.0)]),
    )
        .prop_map(|(shapes, aggregation, missing, min_coverage)| {
            let mut next = 0;
            let criteria = build(&shapes, &mut next);
            let mut framework: Framework = serde_json::from_str(
                r#"{"id": "generated", "version": "1.2.3", "title": "Generated", "criteria": []}"#,
            )
            .unwrap();
            framework.criteria = criteria;
            framework.scales = scales();
            framework.rules = {
                let mut built = ScoringRules::default();
                built.aggregation = aggregation;
                built.missing = missing;
                built.min_coverage = min_coverage;
                built
            };
            framework
        })
}

fn value() -> impl Strategy<Value = RatingValue> {
    prop_oneof![
        Just(RatingValue::Met),
        Just(RatingValue::NotMet),
        Just(RatingValue::NotApplicable),
        (-1i32..6).prop_map(|v| RatingValue::Level(LevelRef::Value(v))),
        // Level ids `l0`..`l4` exist on `five`, `l5` and `l9` do not.
        prop_oneof![0i32..6, Just(9)]
            .prop_map(|v| RatingValue::Level(LevelRef::Id(Id::new(format!("l{v}")).unwrap()))),
        prop_oneof![(-10i32..110).prop_map(f64::from), -5.0..105.0f64]
            .prop_map(RatingValue::Number),
    ]
}

/// Ratings keyed `n<k>` (some are leaves, some groups, some unknown) and a
/// few never-defined ids.
fn ratings() -> impl Strategy<Value = Vec<(String, RatingValue)>> {
    prop::collection::vec(
        (
            prop_oneof![
                9 => (0usize..40).prop_map(|k| format!("n{k}")),
                1 => (0usize..3).prop_map(|k| format!("zz{k}")),
            ],
            value(),
        ),
        0..30,
    )
}

fn assessment(framework: &Framework, ratings: &[(String, RatingValue)]) -> Assessment {
    let mut a = Assessment::new(framework.compatible_ref(), Subject::new("Generated"));
    for (id, value) in ratings {
        a.rate(id.as_str(), value.clone()).unwrap();
    }
    a
}

/// The independent oracle: whether rating `id` with `value` is acceptable
/// in `framework` (a leaf, rated on its scale or not applicable).
fn acceptable(framework: &Framework, id: &str, value: &RatingValue) -> bool {
    let Some(c) = framework.criterion(id) else {
        return false;
    };
    if !c.children.is_empty() {
        return false;
    }
    match (c.scale.as_ref().map(Id::as_str), value) {
        (_, RatingValue::NotApplicable) => true,
        (Some("tick"), RatingValue::Met | RatingValue::NotMet) => true,
        (Some("five"), RatingValue::Level(LevelRef::Value(v))) => (0..5).contains(v),
        (Some("five"), RatingValue::Level(LevelRef::Id(id))) => {
            ["l0", "l1", "l2", "l3", "l4"].contains(&id.as_str())
        }
        (Some("pct"), RatingValue::Number(x)) => (0.0..=100.0).contains(x),
        _ => false,
    }
}

/// The generators are not vacuous: many frameworks are valid (so scoring
/// is exercised), some are not (so validation is).
#[test]
fn generated_frameworks_are_often_valid() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = framework();
    let valid = (0..300)
        .filter(|_| {
            let f = strategy.new_tree(&mut runner).unwrap().current();
            f.validate().is_ok()
        })
        .count();
    assert!((100..300).contains(&valid), "{valid} of 300 valid");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn the_pipeline_never_panics(framework in framework(), ratings in ratings()) {
        let _ = framework.issues();
        let a = assessment(&framework, &ratings);
        if let Ok(scorer) = Scorer::new(&framework) {
            let _ = scorer.validate(&a);
            let _ = scorer.score(&a);
            let _ = scorer.total(&a);
            let _ = scorer.priorities(&a);
        } else {
            prop_assert!(framework.validate().is_err());
        }
    }

    #[test]
    fn a_round_trip_gives_the_bit_identical_report(
        framework in framework(),
        ratings in ratings(),
    ) {
        let Ok(scorer) = Scorer::new(&framework) else { return Ok(()) };
        let a = assessment(&framework, &ratings);
        let direct = format!("{:?}", scorer.score(&a));
        let json: Assessment = serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
        prop_assert_eq!(&direct, &format!("{:?}", scorer.score(&json)));
        let toml: Assessment = toml::from_str(&toml::to_string(&a).unwrap()).unwrap();
        prop_assert_eq!(&direct, &format!("{:?}", scorer.score(&toml)));
        // The scorer compiled from the framework's own round trip agrees too.
        let f2: Framework = serde_json::from_str(&serde_json::to_string(&framework).unwrap()).unwrap();
        let scorer2 = Scorer::new(&f2).unwrap();
        prop_assert_eq!(&direct, &format!("{:?}", scorer2.score(&a)));
    }

    #[test]
    fn every_rating_is_accounted_for(framework in framework(), ratings in ratings()) {
        let Ok(scorer) = Scorer::new(&framework) else { return Ok(()) };
        let a = assessment(&framework, &ratings);
        match scorer.score(&a) {
            Ok(report) => {
                for (id, rating) in &a.ratings {
                    prop_assert!(acceptable(&framework, id.as_str(), &rating.value));
                    let node = report.node(id.as_str()).unwrap();
                    prop_assert_eq!(node.rating(), Some(&rating.value));
                    let counts = node.counts();
                    prop_assert_eq!((counts.leaves, counts.missing), (1, 0));
                    prop_assert_eq!(counts.rated + counts.not_applicable, 1);
                    prop_assert_eq!(
                        counts.not_applicable == 1,
                        rating.value == RatingValue::NotApplicable
                    );
                }
            }
            Err(err) => {
                let flagged: HashSet<&str> = err
                    .issues()
                    .iter()
                    .map(|i| i.path.strip_suffix("/value").unwrap_or(&i.path))
                    .filter_map(|p| p.strip_prefix("/ratings/"))
                    .collect();
                for (id, rating) in &a.ratings {
                    prop_assert_eq!(
                        flagged.contains(id.as_str()),
                        !acceptable(&framework, id.as_str(), &rating.value),
                        "rating of {}", id
                    );
                }
                // Whatever else failed is a missing leaf under the error policy.
                let bad_ratings = a
                    .ratings
                    .iter()
                    .any(|(id, r)| !acceptable(&framework, id.as_str(), &r.value));
                if !bad_ratings {
                    prop_assert_eq!(framework.rules.missing, MissingPolicy::Error);
                    prop_assert!(err.issues().iter().all(|i| i.code() == "missing-rating"));
                }
            }
        }
    }
}
