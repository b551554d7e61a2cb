//! Uncertainty and sensitivity (SPEC.md §8.3) on frameworks: nominal
//! scores and ranks, collapse without noise, indices of an input that
//! cannot change the total, determinism, errors, serde and `Display`.
//! (The estimators themselves are checked on analytic functions in
//! `src/analysis/sobol.rs`.)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp)]
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

mod common;

use assessment_model::analysis::{UncertainInput, UncertaintyReport};
use assessment_model::catalog::good_practice;
use assessment_model::{
    Aggregation, Assessment, Criterion, Framework, Scorer, Subject, Uncertainty, UncertaintySpec,
};
use common::*;

/// Ten projects against the good-practice criteria, each meeting a
/// different share of the checklist.
fn projects(fw: &Framework) -> Vec<Assessment> {
    (0..10)
        .map(|k| {
            let mut a = Assessment::new(fw.exact_ref(), Subject::new(format!("Project {k}")));
            for (i, leaf) in fw.leaves().enumerate() {
                let met = (i * 7 + k * 3) % 10 < 3 + k / 2;
                let v = if met { Met } else { NotMet };
                a.rate(&leaf.id, v).unwrap();
            }
            a
        })
        .collect()
}

fn run(
    scorer: &Scorer,
    spec: UncertaintySpec,
    seed: u64,
    n: usize,
    members: &[Assessment],
) -> UncertaintyReport {
    Uncertainty::new(scorer, spec)
        .seed(seed)
        .samples(n)
        .run(members)
        .unwrap()
}

#[test]
fn zero_noise_and_one_method_collapse_every_interval() {
    let fw = good_practice::criteria();
    let scorer = Scorer::new(&fw).unwrap();
    let members = projects(&fw);
    let spec = UncertaintySpec::new()
        .level(1, 0.0)
        .level(2, 0.0)
        .level(3, 0.0)
        .methods([Aggregation::WeightedMean]);
    let ua = run(&scorer, spec, 3, 200, &members);
    assert_eq!(ua.inputs.len(), 5 + 11 + 36 + 1);
    assert_eq!(ua.evaluations, 200 * (53 + 2));
    let totals: Vec<f64> = members
        .iter()
        .map(|a| scorer.score(a).unwrap().total().score().unwrap())
        .collect();
    for (m, &t) in ua.members.iter().zip(&totals) {
        // The nominal score is the report's; the nominal rank counts the
        // members scoring strictly more, plus one.
        assert_eq!(m.nominal_score, Some(t));
        let rank = 1 + totals.iter().filter(|&&o| o > t).count();
        assert_eq!(m.nominal_rank, Some(rank));
        let s = m.score.unwrap();
        assert_eq!((s.p05, s.median, s.p95), (t, t, t), "{}", m.subject);
        let r = m.rank.unwrap();
        assert_eq!(
            (r.p05, r.median, r.p95),
            (rank, rank, rank),
            "{}",
            m.subject
        );
        // Nothing varies: no indices.
        assert!(
            m.sensitivity
                .iter()
                .all(|s| s.first_order.is_none() && s.total_effect.is_none())
        );
    }
}

/// Where a sample changes only the upper groups (here the total alone),
/// the analysis re-scores only those: the intervals still collapse to the
/// very bits of the report.
#[test]
fn zero_noise_collapses_when_only_the_top_is_uncertain() {
    let fw = good_practice::criteria();
    let scorer = Scorer::new(&fw).unwrap();
    let members = projects(&fw);
    let spec = UncertaintySpec::new()
        .level(1, 0.0)
        .methods([Aggregation::WeightedMean])
        .method_levels([0]);
    let ua = run(&scorer, spec, 4, 100, &members);
    for (m, a) in ua.members.iter().zip(&members) {
        let t = scorer.score(a).unwrap().total().score().unwrap();
        let s = m.score.unwrap();
        assert_eq!((s.p05, s.median, s.p95), (t, t, t), "{}", m.subject);
    }
}

/// The two weighted groups of the method-level tests, under a weighted
/// mean, and their project: g1 (weight 1) = a met (1), b level 2 of 1-3
/// (2); g2 (weight 3) = c 4 of 0-10 (1), d not met (1).
fn two_groups() -> (Vec<Criterion>, Scorer, Assessment) {
    let groups = vec![
        group(
            "g1",
            1.0,
            None,
            vec![tick("a", 1.0), leaf_on("b", "imp", 2.0)],
        ),
        group(
            "g2",
            3.0,
            None,
            vec![leaf_on("c", "num", 1.0), tick("d", 1.0)],
        ),
    ];
    let fw = framework(rules(Aggregation::WeightedMean), groups.clone());
    let scorer = Scorer::new(&fw).unwrap();
    let p = assess(
        &fw,
        &[("a", Met), ("b", L(2.into())), ("c", N(4.0)), ("d", NotMet)],
    );
    (groups, scorer, p)
}

/// The method at level 0 only: the total aggregates the groups by the
/// chosen method, the groups keep theirs. The two totals a sample can give
/// are those of the framework rewritten so, scored by `Scorer::score`.
#[test]
fn a_method_at_one_level_matches_the_rewritten_framework() {
    let (groups, scorer, p) = two_groups();
    let spec = UncertaintySpec::new()
        .methods([Aggregation::WeightedMean, Aggregation::HarmonicMean])
        .method_levels([0]);
    let ua = run(&scorer, spec, 2, 500, std::slice::from_ref(&p));
    let mut harmonic = framework(
        rules(Aggregation::HarmonicMean),
        groups
            .into_iter()
            .map(|mut g| {
                g.aggregation = Some(Aggregation::WeightedMean);
                g
            })
            .collect(),
    );
    harmonic.rules.aggregation = Aggregation::HarmonicMean;
    let h = Scorer::new(&harmonic)
        .unwrap()
        .score(&p)
        .unwrap()
        .total()
        .score()
        .unwrap();
    let w = scorer.score(&p).unwrap().total().score().unwrap();
    // g1 = (1 + 2·0.5) / 3 = 2/3, g2 = (0.4 + 0) / 2 = 0.2: the weighted
    // total 0.3166…, the harmonic 4 / (1.5 + 15) = 0.2424…
    assert!(h < w);
    let s = ua.members[0].score.unwrap();
    assert_eq!((s.p05, s.p95), (h, w));
}

#[test]
fn ranks_tie_at_the_smallest() {
    let fw = framework(
        rules(Aggregation::WeightedMean),
        vec![tick("a", 1.0), tick("b", 1.0)],
    );
    let scorer = Scorer::new(&fw).unwrap();
    let members = [
        assess(&fw, &[("a", Met), ("b", NotMet)]),
        assess(&fw, &[("a", Met), ("b", Met)]),
        assess(&fw, &[("a", NotMet), ("b", Met)]),
        assess(&fw, &[("a", NotMet), ("b", NotMet)]),
    ];
    let ua = run(&scorer, UncertaintySpec::new(), 0, 10, &members);
    let ranks: Vec<_> = ua.members.iter().map(|m| m.nominal_rank).collect();
    assert_eq!(ranks, [Some(2), Some(1), Some(2), Some(4)]);
    assert_eq!(ua.evaluations, 10 * 2);
}

/// g has one child, c: g's score is c's whatever c's weight, so c's
/// weight cannot change any total; x's and g's weights can.
#[test]
fn a_weight_that_cannot_change_the_total_has_indices_zero() {
    let fw = framework(
        rules(Aggregation::WeightedMean),
        vec![
            tick("x", 1.0),
            group("g", 1.0, None, vec![leaf_on("c", "num", 1.3)]),
        ],
    );
    let scorer = Scorer::new(&fw).unwrap();
    let members = [
        assess(&fw, &[("x", Met), ("c", N(3.0))]),
        assess(&fw, &[("x", NotMet), ("c", N(7.0))]),
        assess(&fw, &[("x", Met), ("c", N(9.0))]),
    ];
    let spec = UncertaintySpec::new().level(1, 0.25).level(2, 0.25);
    let ua = run(&scorer, spec, 11, 2000, &members);
    let names: Vec<String> = ua
        .inputs
        .iter()
        .map(|i| match i {
            UncertainInput::Weight { criterion, .. } => criterion.to_string(),
            UncertainInput::Method { .. } => "method".into(),
        })
        .collect();
    assert_eq!(names, ["x", "g", "c"]);
    for m in &ua.members {
        let c = m.sensitivity[2];
        assert!(c.first_order.unwrap().abs() < 1e-12, "{}: {c:?}", m.subject);
        assert!(
            c.total_effect.unwrap().abs() < 1e-12,
            "{}: {c:?}",
            m.subject
        );
        // x and g share the variance (the total is w_x·x + w_g·c over
        // w_x + w_g): both matter.
        assert!(m.sensitivity[0].total_effect.unwrap() > 0.2, "{m:?}");
        assert!(m.sensitivity[1].total_effect.unwrap() > 0.2, "{m:?}");
    }
    let c = ua.rank_shift[2];
    assert!(c.total_effect.is_none_or(|s| s.abs() < 1e-12), "{c:?}");
}

#[test]
fn one_weight_alone_drives_everything() {
    // Only a's weight is uncertain: S = ST = 1 for every member whose total
    // moves. P = 2.25·(1 + u) / (2.25·(1 + u) + 1) with u in (−0.5, 0.5):
    // between 1.125/2.125 and 3.375/4.375.
    let fw = framework(
        rules(Aggregation::WeightedMean),
        vec![tick("a", 2.25), tick("b", 1.0)],
    );
    let scorer = Scorer::new(&fw).unwrap();
    let p = assess(&fw, &[("a", Met), ("b", NotMet)]);
    let spec = UncertaintySpec::new().criterion(id("a"), 0.5);
    let ua = run(&scorer, spec, 5, 4000, &[p]);
    let m = &ua.members[0];
    assert_eq!(m.sensitivity[0].first_order, Some(1.0));
    assert_eq!(m.sensitivity[0].total_effect, Some(1.0));
    let s = m.score.unwrap();
    let (lo, hi) = (1.125 / 2.125, 3.375 / 4.375);
    assert!(
        lo < s.p05 && s.p05 < s.median && s.median < s.p95 && s.p95 < hi,
        "{s:?}"
    );
    // The median weight factor is ≈ 1: the median score ≈ 2.25 / 3.25.
    assert!((s.median - 2.25 / 3.25).abs() < 0.01, "{s:?}");
}

#[test]
fn the_method_choice_picks_each_method() {
    // a = 1, b = 1/2 (level 2 of 1-3), equal weights: the weighted mean is
    // 3/4, the geometric mean √(1/2), the harmonic mean 2/3.
    let fw = framework(
        rules(Aggregation::WeightedMean),
        vec![tick("a", 1.0), leaf_on("b", "imp", 1.0)],
    );
    let scorer = Scorer::new(&fw).unwrap();
    let p = assess(&fw, &[("a", Met), ("b", L(2.into()))]);
    let spec = UncertaintySpec::new().methods([
        Aggregation::WeightedMean,
        Aggregation::GeometricMean,
        Aggregation::HarmonicMean,
    ]);
    let ua = run(&scorer, spec, 9, 3000, &[p]);
    let m = &ua.members[0];
    assert_eq!(m.nominal_score, Some(0.75));
    let s = m.score.unwrap();
    assert_eq!((s.p05, s.p95), (2.0 / 3.0, 0.75));
    // exp((ln 1 + ln ½) / 2), within an ulp or two of √½.
    assert!((s.median - 0.5f64.sqrt()).abs() < 1e-15, "{s:?}");
    assert_eq!(m.sensitivity[0].first_order, Some(1.0));
    assert_eq!(m.sensitivity[0].total_effect, Some(1.0));
}

/// The method at level 1 only: the groups take the chosen method and the
/// total, recomputed above them, keeps its weighted mean. g1 = (1·1 +
/// 2·½) / 3 under the mean, 3 / (1 + 4) = 0.6 harmonic; g2 = (0.4 + 0) / 2
/// = 0.2, harmonic 0 (a zero absorbs); the total (1·g1 + 3·g2) / 4 is
/// 0.15 with harmonic groups, never the harmonic total's 0.
#[test]
fn a_method_at_the_groups_leaves_the_total_its_own() {
    let (groups, scorer, p) = two_groups();
    let spec = UncertaintySpec::new()
        .methods([Aggregation::WeightedMean, Aggregation::HarmonicMean])
        .method_levels([1]);
    let ua = run(&scorer, spec, 2, 500, std::slice::from_ref(&p));
    let harmonic_groups = framework(
        rules(Aggregation::WeightedMean),
        groups
            .into_iter()
            .map(|mut g| {
                g.aggregation = Some(Aggregation::HarmonicMean);
                g
            })
            .collect(),
    );
    let h = Scorer::new(&harmonic_groups).unwrap().score(&p).unwrap();
    let h = h.total().score().unwrap();
    assert!((h - 0.15).abs() < 1e-15, "{h}");
    let w = scorer.score(&p).unwrap().total().score().unwrap();
    let s = ua.members[0].score.unwrap();
    assert_eq!((s.p05, s.p95), (h, w));
}

/// A flat method chosen by the analysis on a framework that is a nested
/// weighted mean: the flat sums are made for it (the framework itself
/// needs none) from each leaf's own weight. g1 (weight 3) = c met (weight
/// 2); g2 (weight 1) = a met, b not met (weights 1, 1). Nested: (3·1 +
/// 1·½) / 4 = 7/8; flat: (2·1 + 1·1 + 1·0) / 4 = 3/4.
#[test]
fn a_flat_method_choice_makes_its_own_flat_sums() {
    let fw = framework(
        rules(Aggregation::WeightedMean),
        vec![
            group("g1", 3.0, None, vec![tick("c", 2.0)]),
            group("g2", 1.0, None, vec![tick("a", 1.0), tick("b", 1.0)]),
        ],
    );
    let scorer = Scorer::new(&fw).unwrap();
    let p = assess(&fw, &[("a", Met), ("b", NotMet), ("c", Met)]);
    let spec = UncertaintySpec::new().methods([Aggregation::WeightedMean, Aggregation::Flat]);
    let ua = run(&scorer, spec, 9, 3000, &[p]);
    let m = &ua.members[0];
    assert_eq!(m.nominal_score, Some(0.875));
    let s = m.score.unwrap();
    assert_eq!((s.p05, s.p95), (0.75, 0.875));
}

#[test]
fn the_same_seed_gives_bit_identical_results() {
    let fw = good_practice::criteria();
    let scorer = Scorer::new(&fw).unwrap();
    let members = projects(&fw);
    let spec = UncertaintySpec::new()
        .level(1, 0.25)
        .level(2, 0.25)
        .methods([Aggregation::WeightedMean, Aggregation::GeometricMean]);
    let a = run(&scorer, spec.clone(), 7, 300, &members);
    let b = run(&scorer, spec.clone(), 7, 300, &members);
    assert_eq!(a, b);
    let (ja, jb) = (
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&b).unwrap(),
    );
    assert_eq!(ja, jb);
    let c = run(&scorer, spec, 8, 300, &members);
    assert_ne!(serde_json::to_string(&c).unwrap(), ja);
}

#[test]
fn bad_specs_and_assessments_are_errors_with_paths() {
    let fw = framework(
        rules(Aggregation::WeightedMean),
        vec![tick("a", 1.0), group("g", 1.0, None, vec![tick("b", 1.0)])],
    );
    let scorer = Scorer::new(&fw).unwrap();
    let spec = UncertaintySpec::new()
        .level(1, 1.5)
        .level(3, 0.1)
        .criterion(id("nope"), 0.1);
    let err = Uncertainty::new(&scorer, spec).run(&[]).unwrap_err();
    let got: Vec<_> = err
        .issues()
        .iter()
        .map(|i| (i.path.as_str(), i.code()))
        .collect();
    assert_eq!(
        got,
        [
            ("/levels/1", "threshold-out-of-range"),
            ("/levels/3", "too-deep"),
            ("/criteria/nope", "unknown-criterion"),
        ]
    );
    let good = assess(&fw, &[("a", Met)]);
    let mut bad = assess(&fw, &[]);
    bad.rate("b", N(2.0)).unwrap();
    let err = Uncertainty::new(&scorer, UncertaintySpec::new())
        .run(&[good, bad])
        .unwrap_err();
    assert_eq!(err.issues()[0].path, "/1/ratings/b/value");
    assert_eq!(err.issues()[0].code(), "rating-off-scale");
}

#[test]
fn serde_and_display() {
    let spec: UncertaintySpec = serde_json::from_str(
        r#"{ "levels": { "1": 0.25 }, "methods": ["weighted_mean", "harmonic_mean"] }"#,
    )
    .unwrap();
    assert_eq!(
        spec,
        UncertaintySpec::new()
            .level(1, 0.25)
            .methods([Aggregation::WeightedMean, Aggregation::HarmonicMean])
    );
    assert!(serde_json::from_str::<UncertaintySpec>(r#"{ "level": {} }"#).is_err());
    let fw = framework(
        rules(Aggregation::WeightedMean),
        vec![tick("a", 1.0), tick("b", 2.0)],
    );
    let scorer = Scorer::new(&fw).unwrap();
    let members = [
        assess(&fw, &[("a", Met), ("b", NotMet)]),
        assess(&fw, &[("a", NotMet), ("b", Met)]),
    ];
    let ua = run(&scorer, spec, 1, 100, &members);
    let json = serde_json::to_value(&ua).unwrap();
    assert_eq!(
        json["inputs"][0],
        serde_json::json!({ "input": "weight", "criterion": "a", "fraction": 0.25 })
    );
    assert_eq!(json["members"][1]["nominal_rank"], 1);
    let back: UncertaintyReport = serde_json::from_value(json).unwrap();
    assert_eq!(back, ua);
    let text = ua.to_string();
    assert!(text.starts_with("uncertainty — test-fw 1.2.0: 2 members, 3 inputs, 100 samples (500 scorings each), seed 1\n"), "{text}");
    assert!(
        text.contains("method: weighted_mean | harmonic_mean"),
        "{text}"
    );
}

#[test]
fn groups_no_input_reaches_give_the_numbers_of_a_run_of_every_group() {
    // Sampled: the areas' weights, one item's weight, and the total's
    // method. No input reaches the other questions, so the run evaluates
    // them once per member. Under `min_coverage` 0, which cuts nothing
    // (no coverage is below 0) but makes the totals read the coverage
    // counts, every group is run in every sample instead. Both runs must
    // give the same numbers, bit for bit.
    let fw = good_practice::criteria();
    let mut every = fw.clone();
    every.rules.min_coverage = Some(0.0);
    let item = fw.leaves().nth(5).unwrap().id.clone();
    let spec = || {
        UncertaintySpec::new()
            .level(1, 0.3)
            .criterion(item.clone(), 0.5)
            .methods([
                Aggregation::WeightedMean,
                Aggregation::GeometricMean,
                Aggregation::Minimum,
            ])
            .method_levels([0])
    };
    let folded = run(&Scorer::new(&fw).unwrap(), spec(), 11, 300, &projects(&fw));
    let whole = run(
        &Scorer::new(&every).unwrap(),
        spec(),
        11,
        300,
        &projects(&every),
    );
    let json = |r: &UncertaintyReport| {
        let members = serde_json::to_value(&r.members).unwrap();
        (members, serde_json::to_value(&r.rank_shift).unwrap())
    };
    assert_eq!(json(&folded), json(&whole));
    // The runs are not trivially equal: the sampled inputs move scores.
    let spread = folded.members[9].score.unwrap();
    assert!(spread.p05 < spread.p95, "{spread:?}");
}
