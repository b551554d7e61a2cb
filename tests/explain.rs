//! Hand-computed explanations (SPEC.md §3.14): each aggregation method of
//! §5.5, each reason a child is left out, a missing leaf counted as 0,
//! leaves, the total, the serialised form and the localized line.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp)]
// Test code on fixed data: an index out of range is a failure of the test.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

mod common;

use assessment_model::localization::{Localized, TitledText};
use assessment_model::model::LanguageTag;
use assessment_model::report::{Exclusion, Explanation};
use assessment_model::{
    Aggregation, Criterion, Framework, Localization, MissingPolicy, NoScore, RatingValue, Report,
    Scorer, ScoringRules,
};
use common::*;

fn score(fw: &Framework, ratings: &[(&str, RatingValue)]) -> Report {
    Scorer::new(fw)
        .unwrap()
        .score(&assess(fw, ratings))
        .unwrap()
}

fn ids(e: &Explanation) -> (Vec<&str>, Vec<(&str, Exclusion)>) {
    let included = e.included.iter().map(|c| c.criterion.as_str()).collect();
    let left_out = e
        .left_out
        .iter()
        .map(|c| (c.criterion.as_str(), c.reason))
        .collect();
    (included, left_out)
}

fn contributions(e: &Explanation) -> Vec<Option<f64>> {
    e.included.iter().map(|c| c.contribution).collect()
}

fn unscored(mut c: Criterion) -> Criterion {
    c.scored = false;
    c
}

#[test]
fn weighted_mean_of_a_group() {
    // a = 1 (w 1), b = level 2 of 1-3 = 0.5 (w 3): (1 + 1.5) / 4 = 0.625.
    let fw = framework(
        rules(Aggregation::WeightedMean),
        vec![group(
            "g",
            1.0,
            None,
            vec![tick("a", 1.0), leaf_on("b", "imp", 3.0)],
        )],
    );
    let r = score(&fw, &[("a", Met), ("b", L(2.into()))]);
    let e = r.explain("g").unwrap();
    assert_eq!(e.score, Some(0.625));
    assert_eq!(e.score, r.node("g").unwrap().score());
    assert_eq!(e.method, Some(Aggregation::WeightedMean));
    assert_eq!(e.criterion.as_ref().map(|c| c.as_str()), Some("g"));
    assert_eq!(e.title, "Group g");
    assert_eq!(contributions(&e), [Some(0.25), Some(0.375)]);
    assert_eq!(
        e.included.iter().map(|c| c.weight).collect::<Vec<_>>(),
        [1.0, 3.0]
    );
    assert_eq!(
        e.to_string(),
        "Group g 0.625 = weighted mean of a 1.000 (w 1) and b 0.500 (w 3)"
    );
}

#[test]
fn the_total_is_explained_with_the_framework_title() {
    let fw = framework(
        rules(Aggregation::WeightedMean),
        vec![tick("a", 1.0), tick("b", 1.0), tick("c", 2.0)],
    );
    let r = score(&fw, &[("a", Met), ("b", NotMet), ("c", Met)]);
    let e = r.explain_total();
    assert_eq!(e.criterion, None);
    assert_eq!(e.score, Some(0.75));
    assert_eq!(contributions(&e), [Some(0.25), Some(0.0), Some(0.5)]);
    assert_eq!(
        e.to_string(),
        "Test framework 0.750 = weighted mean of a 1.000 (w 1), b 0.000 (w 1) and c 1.000 (w 2)"
    );
    assert!(r.explain("no-such-criterion").is_none());
}

/// g1 (weight 5) = {a w1 = 1, b w2 = 0}; g2 (weight 1) = {c w1 = 1, d w0 = 1}.
fn nested(agg: Aggregation) -> Report {
    let fw = framework(
        rules(agg),
        vec![
            group("g1", 5.0, None, vec![tick("a", 1.0), tick("b", 2.0)]),
            group("g2", 1.0, None, vec![tick("c", 1.0), tick("d", 0.0)]),
        ],
    );
    score(&fw, &[("a", Met), ("b", NotMet), ("c", Met), ("d", Met)])
}

#[test]
fn flat_lists_the_leaves_with_their_own_weights() {
    // (1·1 + 2·0 + 1·1) / 4 = 0.5; the groups' weights play no part.
    let r = nested(Aggregation::Flat);
    let e = r.explain_total();
    assert_eq!(e.score, Some(0.5));
    assert_eq!(
        ids(&e),
        (vec!["a", "b", "c"], vec![("d", Exclusion::ZeroWeight)])
    );
    assert_eq!(contributions(&e), [Some(0.25), Some(0.0), Some(0.25)]);
    assert_eq!(e.left_out[0].score, Some(1.0));
    assert_eq!(
        e.to_string(),
        "Test framework 0.500 = weighted mean of the leaves a 1.000 (w 1), b 0.000 (w 2) \
         and c 1.000 (w 1); left out: d (weight 0)"
    );
}

#[test]
fn flat_unweighted_takes_every_counted_leaf_as_weight_1() {
    // (1 + 0 + 1) / 3; d has weight 0 and does not count.
    let r = nested(Aggregation::FlatUnweighted);
    let e = r.explain_total();
    assert_eq!(e.score, Some(2.0 / 3.0));
    assert_eq!(
        e.included.iter().map(|c| c.weight).collect::<Vec<_>>(),
        [1.0, 1.0, 1.0]
    );
    assert_eq!(
        contributions(&e),
        [Some(1.0 / 3.0), Some(0.0), Some(1.0 / 3.0)]
    );
    assert_eq!(
        e.to_string(),
        "Test framework 0.667 = mean of the leaves a 1.000, b 0.000 and c 1.000; \
         left out: d (weight 0)"
    );
}

#[test]
fn flat_passes_up_the_leaves_of_a_group_without_a_score_and_withholds_the_rest() {
    // g has nothing to aggregate (its one child s has weight 0), yet passes
    // x up; the unscored group u withholds u1: (1·1 + 1·0) / 2 = 0.5.
    let fw = framework(
        rules(Aggregation::Flat),
        vec![
            tick("a", 1.0),
            unscored(group("u", 1.0, None, vec![tick("u1", 1.0)])),
            group(
                "g",
                1.0,
                Some(Aggregation::WeightedMean),
                vec![group("s", 0.0, None, vec![tick("x", 1.0)])],
            ),
            tick("b", 0.0),
            tick("n", 1.0),
        ],
    );
    let r = score(
        &fw,
        &[
            ("a", Met),
            ("u1", Met),
            ("x", NotMet),
            ("b", Met),
            ("n", NA),
        ],
    );
    assert_eq!(
        r.node("g").unwrap().outcome().no_score(),
        Some(NoScore::NothingToAggregate)
    );
    let e = r.explain_total();
    assert_eq!(e.score, Some(0.5));
    assert_eq!(
        ids(&e),
        (
            vec!["a", "x"],
            vec![
                ("u", Exclusion::Unscored),
                ("b", Exclusion::ZeroWeight),
                ("n", Exclusion::NotApplicable),
            ]
        )
    );
    assert_eq!(
        e.to_string(),
        "Test framework 0.500 = weighted mean of the leaves a 1.000 (w 1) and x 0.000 (w 1); \
         left out: u (unscored), b (weight 0), n (not applicable)"
    );
}

#[test]
fn a_geometric_mean_shows_its_factors() {
    // a = 2.5 on 0-10 = 0.25, b = 1: √(0.25 · 1) = 0.5; factors 0.5 and 1.
    let fw = framework(
        rules(Aggregation::GeometricMean),
        vec![leaf_on("a", "num", 1.0), tick("b", 1.0)],
    );
    let r = score(&fw, &[("a", N(2.5)), ("b", Met)]);
    let e = r.explain_total();
    assert_eq!(e.score, r.total().score());
    assert!((e.score.unwrap() - 0.5).abs() < 1e-15);
    assert_eq!(contributions(&e), [Some(0.5), Some(1.0)]);
    assert_eq!(e.decided_by, None);
    assert_eq!(
        e.to_string(),
        "Test framework 0.500 = geometric mean of a 0.250 (w 1) and b 1.000 (w 1): 0.500 × 1.000"
    );
    // A zero stays zero, and the explanation names the child at 0.
    let r = score(&fw, &[("a", N(0.0)), ("b", Met)]);
    let e = r.explain_total();
    assert_eq!(e.score, Some(0.0));
    assert_eq!(e.decided_by.as_ref().map(|c| c.as_str()), Some("a"));
    assert_eq!(
        e.to_string(),
        "Test framework 0.000 = geometric mean of a 0.000 (w 1) and b 1.000 (w 1): \
         0.000 × 1.000, 0 as a is 0"
    );
}

#[test]
fn a_harmonic_mean_gives_each_child_its_share_of_the_reciprocal() {
    // a = 0.5, b = 1, weights 1 and 1: 2 / (2 + 1) = 2/3; shares p/s = 1 and 0.5.
    let fw = framework(
        rules(Aggregation::HarmonicMean),
        vec![leaf_on("a", "imp", 1.0), tick("b", 1.0)],
    );
    let r = score(&fw, &[("a", L(2.into())), ("b", Met)]);
    let e = r.explain_total();
    assert_eq!(e.score, r.total().score());
    assert!((e.score.unwrap() - 2.0 / 3.0).abs() < 1e-15);
    assert_eq!(contributions(&e), [Some(1.0), Some(0.5)]);
    assert_eq!(
        e.to_string(),
        "Test framework 0.667 = harmonic mean of a 0.500 (w 1) and b 1.000 (w 1)"
    );
    // A child at 0 has no share (1/0), and makes the score 0.
    let r = score(&fw, &[("a", L(1.into())), ("b", Met)]);
    let e = r.explain_total();
    assert_eq!(e.score, Some(0.0));
    assert_eq!(contributions(&e), [None, Some(0.5)]);
    assert_eq!(
        e.to_string(),
        "Test framework 0.000 = harmonic mean of a 0.000 (w 1) and b 1.000 (w 1), 0 as a is 0"
    );
}

#[test]
fn minimum_names_the_child_that_set_it() {
    let fw = framework(
        rules(Aggregation::Minimum),
        vec![
            leaf_on("a", "imp", 2.0),
            tick("b", 1.0),
            unscored(tick("c", 1.0)),
            leaf_on("d", "imp", 1.0),
        ],
    );
    let r = score(
        &fw,
        &[
            ("a", L(2.into())),
            ("b", Met),
            ("c", NotMet),
            ("d", L(2.into())),
        ],
    );
    let e = r.explain_total();
    assert_eq!(e.score, Some(0.5));
    // a and d tie at 0.5: the first in definition order is named.
    assert_eq!(e.decided_by.as_ref().map(|c| c.as_str()), Some("a"));
    assert_eq!(contributions(&e), [None, None, None]);
    assert_eq!(e.left_out[0].score, Some(0.0));
    assert_eq!(
        e.to_string(),
        "Test framework 0.500 = minimum of a 0.500, b 1.000 and d 0.500, set by a; \
         left out: c (unscored)"
    );
}

#[test]
fn all_names_the_first_child_below_1() {
    let fw = framework(
        rules(Aggregation::All),
        vec![tick("a", 1.0), leaf_on("b", "imp", 1.0), tick("c", 1.0)],
    );
    let r = score(&fw, &[("a", Met), ("b", L(2.into())), ("c", NotMet)]);
    let e = r.explain_total();
    assert_eq!(e.score, Some(0.0));
    assert_eq!(e.decided_by.as_ref().map(|c| c.as_str()), Some("b"));
    assert_eq!(
        e.to_string(),
        "Test framework 0.000 = all or nothing of a 1.000, b 0.500 and c 0.000, b below 1"
    );
    let r = score(&fw, &[("a", Met), ("b", L(3.into())), ("c", Met)]);
    let e = r.explain_total();
    assert_eq!((e.score, e.decided_by.as_ref()), (Some(1.0), None));
    assert_eq!(
        e.to_string(),
        "Test framework 1.000 = all or nothing of a 1.000, b 1.000 and c 1.000"
    );
}

/// Every reason a child is left out, under `min_coverage` 0.5:
/// b not applicable, c unscored, d weight 0, e missing, g1 with a third of
/// its leaves rated, g2 whose children all weigh 0.
fn every_reason() -> Report {
    let mut rules = rules(Aggregation::WeightedMean);
    rules.min_coverage = Some(0.5);
    let fw = framework(
        rules,
        vec![
            tick("a", 1.0),
            tick("b", 1.0),
            unscored(tick("c", 1.0)),
            tick("d", 0.0),
            tick("e", 1.0),
            group(
                "g1",
                1.0,
                None,
                vec![tick("g1a", 1.0), tick("g1b", 1.0), tick("g1c", 1.0)],
            ),
            group("g2", 1.0, None, vec![tick("g2a", 0.0), tick("g2b", 0.0)]),
        ],
    );
    score(
        &fw,
        &[
            ("a", Met),
            ("b", NA),
            ("c", Met),
            ("d", Met),
            ("g1a", Met),
            ("g2a", Met),
            ("g2b", NotMet),
        ],
    )
}

#[test]
fn every_reason_for_leaving_a_child_out() {
    let r = every_reason();
    let e = r.explain_total();
    // Coverage 6 of 9 applicable leaves, above 0.5: a alone counts.
    assert_eq!(
        (e.score, e.coverage, e.min_coverage),
        (Some(1.0), Some(6.0 / 9.0), None)
    );
    assert_eq!(
        ids(&e),
        (
            vec!["a"],
            vec![
                ("b", Exclusion::NotApplicable),
                ("c", Exclusion::Unscored),
                ("d", Exclusion::ZeroWeight),
                ("e", Exclusion::Missing),
                ("g1", Exclusion::InsufficientCoverage),
                ("g2", Exclusion::NothingToAggregate),
            ]
        )
    );
    let scores: Vec<Option<f64>> = e.left_out.iter().map(|c| c.score).collect();
    assert_eq!(scores, [None, Some(1.0), Some(1.0), None, None, None]);
    assert_eq!(
        e.to_string(),
        "Test framework 1.000 = weighted mean of a 1.000 (w 1); left out: b (not applicable), \
         c (unscored), d (weight 0), e (not rated), g1 (insufficient coverage), \
         g2 (nothing to aggregate)"
    );
}

#[test]
fn a_group_without_a_score_says_why() {
    let r = every_reason();
    let g1 = r.explain("g1").unwrap();
    assert_eq!(g1.score, None);
    assert_eq!(g1.no_score, Some(NoScore::InsufficientCoverage));
    assert_eq!((g1.coverage, g1.min_coverage), (Some(1.0 / 3.0), Some(0.5)));
    // What would have counted is listed, without contributions.
    assert_eq!(
        ids(&g1),
        (
            vec!["g1a"],
            vec![("g1b", Exclusion::Missing), ("g1c", Exclusion::Missing)]
        )
    );
    assert_eq!(contributions(&g1), [None]);
    assert_eq!(
        g1.to_string(),
        "Group g1 no score: insufficient coverage (0.333, below min_coverage 0.500); \
         left out: g1b (not rated), g1c (not rated)"
    );
    let g2 = r.explain("g2").unwrap();
    assert_eq!(g2.no_score, Some(NoScore::NothingToAggregate));
    assert_eq!(g2.min_coverage, None);
    assert_eq!(
        g2.to_string(),
        "Group g2 no score: nothing to aggregate; left out: g2a (weight 0), g2b (weight 0)"
    );
}

#[test]
fn a_leaf_names_its_rating_or_why_it_has_no_score() {
    let r = every_reason();
    let a = r.explain("a").unwrap();
    assert_eq!(
        (a.method, a.rating.clone(), a.score),
        (None, Some(Met), Some(1.0))
    );
    assert!(a.included.is_empty() && a.left_out.is_empty());
    assert_eq!(a.to_string(), "Leaf a 1.000 = rating met");
    assert_eq!(
        r.explain("e").unwrap().to_string(),
        "Leaf e no score: not rated"
    );
    let b = r.explain("b").unwrap();
    assert_eq!(b.rating, Some(NA));
    assert_eq!(b.to_string(), "Leaf b no score: not applicable");
}

#[test]
fn a_missing_leaf_under_zero_is_included_at_0_and_says_so() {
    let mut rules = rules(Aggregation::WeightedMean);
    rules.missing = MissingPolicy::Zero;
    let fw = framework(rules, vec![tick("a", 1.0), tick("b", 1.0)]);
    let r = score(&fw, &[("a", Met)]);
    let e = r.explain_total();
    assert_eq!(e.score, Some(0.5));
    assert_eq!(
        e.included
            .iter()
            .map(|c| c.missing_as_zero)
            .collect::<Vec<_>>(),
        [false, true]
    );
    assert_eq!(
        e.to_string(),
        "Test framework 0.500 = weighted mean of a 1.000 (w 1) and b 0.000 (w 1, not rated, \
         counted as 0)"
    );
    let b = r.explain("b").unwrap();
    assert!(b.missing_as_zero);
    assert_eq!((b.rating.as_ref(), b.score), (None, Some(0.0)));
    assert_eq!(b.to_string(), "Leaf b 0.000 = not rated, counted as 0");
}

#[test]
fn a_qualitative_assessment_has_no_score_anywhere() {
    let fw = framework(
        rules(Aggregation::WeightedMean),
        vec![tick("a", 1.0), tick("b", 1.0)],
    );
    let r = score(&fw, &[("b", NA)]);
    let e = r.explain_total();
    assert_eq!(e.no_score, Some(NoScore::Qualitative));
    assert_eq!(
        e.to_string(),
        "Test framework no score: qualitative assessment; left out: a (qualitative \
         assessment), b (not applicable)"
    );
}

#[test]
fn the_serialised_form_is_plain_data_and_reads_back() {
    let mut rules = rules(Aggregation::WeightedMean);
    rules.missing = MissingPolicy::Zero;
    let fw = framework(
        rules,
        vec![
            tick("a", 1.0),
            tick("b", 3.0),
            unscored(leaf_on("c", "imp", 1.0)),
        ],
    );
    let r = score(&fw, &[("a", Met), ("c", L(2.into()))]);
    let e = r.explain_total();
    let json = serde_json::to_value(&e).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "title": "Test framework",
            "method": "weighted_mean",
            "included": [
                { "criterion": "a", "weight": 1.0, "score": 1.0, "contribution": 0.25 },
                { "criterion": "b", "weight": 3.0, "score": 0.0, "contribution": 0.0,
                  "missing_as_zero": true }
            ],
            "left_out": [{ "criterion": "c", "reason": "unscored", "score": 0.5 }],
            "score": 0.25,
            "coverage": 2.0 / 3.0
        })
    );
    let back: Explanation = serde_json::from_value(json).unwrap();
    assert_eq!(back, e);
    let leaf = serde_json::to_value(r.explain("c").unwrap()).unwrap();
    assert_eq!(
        leaf,
        serde_json::json!({
            "criterion": "c", "title": "Leaf c", "rating": { "level": 2 },
            "score": 0.5, "coverage": 1.0
        })
    );
    let unknown = serde_json::json!({ "title": "T", "scroe": 1.0 });
    assert!(serde_json::from_value::<Explanation>(unknown).is_err());
}

#[test]
fn the_localized_line_takes_the_title_from_the_texts() {
    let fw = framework(
        rules(Aggregation::WeightedMean),
        vec![group("g", 1.0, None, vec![tick("a", 1.0), tick("b", 1.0)])],
    );
    let r = score(&fw, &[("a", Met), ("b", NotMet)]);
    let mut de = Localization::new(id("test-de"), fw.compatible_ref(), "de".parse().unwrap());
    de.criteria.insert(id("g"), TitledText::title("Gruppe g"));
    let texts = Localized::new(&fw, &[&de], &LanguageTag::new("de").unwrap()).unwrap();
    let g = r.explain("g").unwrap();
    assert_eq!(
        g.display_in(&texts).to_string(),
        "Gruppe g 0.500 = weighted mean of a 1.000 (w 1) and b 0.000 (w 1)"
    );
    // The framework's title has no German text: it falls back, marked.
    assert_eq!(
        r.explain_total().display_in(&texts).to_string(),
        "Test framework [en] 0.500 = weighted mean of g 0.500 (w 1)"
    );
    assert_eq!(
        r.explain("a").unwrap().display_in(&texts).to_string(),
        "Leaf a [en] 1.000 = rating met"
    );
}

#[test]
fn an_ordinal_leaf_rated_by_level_id_shows_the_id() {
    let fw = framework(ScoringRules::default(), vec![leaf_on("a", "imp", 1.0)]);
    let r = score(&fw, &[("a", L(id("important").into()))]);
    assert_eq!(
        r.explain("a").unwrap().to_string(),
        "Leaf a 0.500 = rating level important"
    );
}
