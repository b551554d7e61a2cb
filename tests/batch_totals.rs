//! `Scorer::totals` over a `RatingsTable` gives each row the total its
//! report gives, bit for bit, whatever lane of a pass the row falls in;
//! and the leverage example of rule 15 where a rating inside a numeric
//! range leaves the widest interval.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use assessment_model::{Assessment, Framework, RatingValue, Scorer, Subject};

/// A loose leaf beside groups, a missing leaf, an unscored leaf, a
/// weight-0 leaf and a group whose leaves are all not applicable.
fn framework(rules: &str) -> Framework {
    serde_json::from_str(&format!(
        r#"{{
        "id": "mix", "version": "1.0.0", "title": "Mix",
        "scales": {{ "tick": {{ "type": "binary" }} }},
        "rules": {rules},
        "criteria": [
            {{ "id": "x", "title": "X", "scale": "tick", "weight": 2.0 }},
            {{ "id": "g", "title": "G", "children": [
                {{ "id": "g1", "title": "G1", "scale": "tick" }},
                {{ "id": "g2", "title": "G2", "scale": "tick", "weight": 3.0 }},
                {{ "id": "g3", "title": "G3", "scale": "tick", "scored": false }}
            ] }},
            {{ "id": "h", "title": "H", "children": [
                {{ "id": "h1", "title": "H1", "scale": "tick" }}
            ] }},
            {{ "id": "z", "title": "Z", "scale": "tick", "weight": 0.0 }}
        ]
    }}"#
    ))
    .unwrap()
}

fn assessment(fw: &Framework, ratings: &[(&str, RatingValue)]) -> Assessment {
    let mut a = Assessment::new(fw.exact_ref(), Subject::new("P"));
    for (id, v) in ratings {
        a.rate(id, v.clone()).unwrap();
    }
    a
}

/// The total of `ratings` three ways, which must agree bit for bit: the
/// report's, `Scorer::total`'s and a batch's (the row in lane 2 of a
/// pass whose other lanes hold other assessments).
fn total_of(fw: &Framework, ratings: &[(&str, RatingValue)]) -> Option<f64> {
    let scorer = Scorer::new(fw).unwrap();
    let a = assessment(fw, ratings);
    let report = scorer.score(&a).unwrap().total().score();
    assert_eq!(scorer.total(&a).unwrap(), report);
    let mut table = scorer.table(12);
    let others = [
        assessment(fw, &[("x", RatingValue::Met)]),
        assessment(fw, &[("g2", RatingValue::NotMet), ("h1", RatingValue::Met)]),
    ];
    for row in 0..12 {
        let which = if row == 2 { &a } else { &others[row % 2] };
        table.set_assessment(row, which).unwrap();
    }
    let mut totals = vec![None; 12];
    scorer.totals(&table, &mut totals).unwrap();
    assert_eq!(totals[2].map(f64::to_bits), report.map(f64::to_bits));
    report
}

fn usual() -> Vec<(&'static str, RatingValue)> {
    vec![
        ("x", RatingValue::NotMet),
        ("g1", RatingValue::Met),
        ("g3", RatingValue::NotMet),
        ("h1", RatingValue::NotApplicable),
        ("z", RatingValue::Met),
    ]
}

#[test]
fn excluded_missing_leaves_the_mean_of_the_rest() {
    // g = 1·1 / 1 = 1 (g2 missing, g3 unscored); h not applicable;
    // z weighs 0: total = (2·0 + 1·1) / 3.
    assert_eq!(total_of(&framework("{}"), &usual()), Some(1.0 / 3.0));
}

#[test]
fn every_leaf_rated() {
    use RatingValue::{Met, NotMet};
    let all = [
        ("x", Met),
        ("g1", NotMet),
        ("g2", Met),
        ("g3", Met),
        ("h1", Met),
        ("z", NotMet),
    ];
    // g = (1·0 + 3·1) / 4 (g3 unscored), h = 1, z weighs 0:
    // total = (2·1 + 1·0.75 + 1·1 + 0·0) / 4, with or without a coverage
    // threshold that every group meets.
    assert_eq!(total_of(&framework("{}"), &all), Some(0.9375));
    let threshold = framework(r#"{ "min_coverage": 0.25 }"#);
    assert_eq!(total_of(&threshold, &all), Some(0.9375));
}

#[test]
fn missing_counts_zero_under_zero_policy() {
    // g = (1·1 + 3·0) / 4 = 0.25; total = (2·0 + 1·0.25) / 3.
    let fw = framework(r#"{ "missing": "zero" }"#);
    assert_eq!(total_of(&fw, &usual()), Some(0.25 / 3.0));
}

#[test]
fn coverage_and_other_aggregations() {
    let fw = framework(r#"{ "min_coverage": 0.25 }"#);
    assert_eq!(total_of(&fw, &usual()), Some(1.0 / 3.0));
    // g = min(1) = 1 (g2 missing, g3 unscored); total = min(0, 1).
    let fw = framework(r#"{ "aggregation": "minimum" }"#);
    assert_eq!(total_of(&fw, &usual()), Some(0.0));
    // Coverage 1/3 at g is below 0.6, so g is cut out; the total's is
    // 4/6, and it is (2·1 + 1·1) / 3 over x and h (z weighs 0).
    let fw = framework(r#"{ "min_coverage": 0.6 }"#);
    let rated = ["x", "g1", "h1", "z"].map(|id| (id, RatingValue::Met));
    assert_eq!(total_of(&fw, &rated), Some(1.0));
}

#[test]
fn a_group_cut_out_by_coverage_is_cut_out_of_a_batch_too() {
    // g has 1 of 3 applicable leaves rated: 1/3 < 0.6, so g is cut out and
    // the total is (2·1 + 1·1) / 3 over x and h (z weighs 0). Kept, g's
    // score 0 (g1 not met) would make it (2·1 + 1·0 + 1·1) / 4 = 0.75.
    let fw = framework(r#"{ "min_coverage": 0.6 }"#);
    let mut rated = ["x", "h1", "z"].map(|id| (id, RatingValue::Met)).to_vec();
    rated.push(("g1", RatingValue::NotMet));
    assert_eq!(total_of(&fw, &rated), Some(1.0));
}

#[test]
fn flat_aggregations_pass_the_same_leaves_up_in_a_batch() {
    // Flat: every counted leaf below with its own weight, x (2·0) and g1
    // (1·1); g2 is missing, g3 unscored, h1 not applicable, z weighs 0:
    // 1 / 3. Unweighted: z does not count and the rest weigh 1: 1 / 2.
    let fw = framework(r#"{ "aggregation": "flat" }"#);
    assert_eq!(total_of(&fw, &usual()), Some(1.0 / 3.0));
    let fw = framework(r#"{ "aggregation": "flat_unweighted" }"#);
    assert_eq!(total_of(&fw, &usual()), Some(0.5));
    // g, cut out by coverage (1 of 3 applicable leaves rated), passes
    // none of its leaves up: (2·1 + 1·1) / 3 over x and h1 (z weighs 0).
    // Passed up, g1 would make it (2·1 + 1·0 + 1·1) / 4.
    let fw = framework(r#"{ "aggregation": "flat", "min_coverage": 0.6 }"#);
    let mut rated = ["x", "h1", "z"].map(|id| (id, RatingValue::Met)).to_vec();
    rated.push(("g1", RatingValue::NotMet));
    assert_eq!(total_of(&fw, &rated), Some(1.0));
}

#[test]
fn nothing_rated_has_no_total_under_the_zero_policy() {
    // Every leaf counts 0, so the root's score is 0, but with no rating
    // there is no total (rule 12), in a batch as in the report.
    let fw = framework(r#"{ "missing": "zero" }"#);
    assert_eq!(total_of(&fw, &[]), None);
    // One rating is enough: g = (1·1 + 3·0) / 4, total = (2·0 + 1·0.25 + 1·0) / 4.
    assert_eq!(total_of(&fw, &[("g1", RatingValue::Met)]), Some(0.0625));
}

#[test]
fn a_table_checks_its_sizes() {
    let fw = framework("{}");
    let scorer = Scorer::new(&fw).unwrap();
    let mut table = scorer.table(3);
    assert_eq!(table.rows(), 3);
    let err = table
        .set_assessment(3, &assessment(&fw, &usual()))
        .unwrap_err();
    assert_eq!(err.issues()[0].code(), "invalid-document");
    let err = scorer.totals(&table, &mut [None; 2]).unwrap_err();
    assert_eq!(err.issues()[0].code(), "invalid-document");
    table.resize(9);
    let mut totals = [Some(0.5); 9];
    scorer.totals(&table, &mut totals).unwrap();
    assert_eq!(totals, [None; 9]);
    // Resizing empties every row, those kept included: a row set before
    // has no total after.
    table.set_assessment(0, &assessment(&fw, &usual())).unwrap();
    scorer.totals(&table, &mut totals).unwrap();
    assert_eq!(totals[0], Some(1.0 / 3.0));
    table.resize(9);
    scorer.totals(&table, &mut totals).unwrap();
    assert_eq!(totals, [None; 9]);
    assert_eq!(
        table.value(0, 0),
        Some(assessment_model::LeafValue::NotApplicable)
    );
}

/// Rule 15's example from the design's issue: total = minimum(n, c),
/// n = geometric_mean(x, s), s = weighted_mean(m, d), every leaf numeric
/// on 0-1, d = c = 0.5, x and m missing. The total's interval is
/// [0, 0.5]; trying only the ends of x's range would leave no interval at
/// either end and overstate x's leverage as 0.5.
#[test]
fn leverage_tries_points_inside_a_numeric_range() {
    let fw: Framework = serde_json::from_str(
        r#"{
        "id": "lev", "version": "1.0.0", "title": "Leverage",
        "scales": { "unit": { "type": "numeric", "min": 0, "max": 1 } },
        "rules": { "aggregation": "minimum" },
        "criteria": [
            { "id": "n", "title": "N", "aggregation": "geometric_mean", "children": [
                { "id": "x", "title": "X", "scale": "unit" },
                { "id": "s", "title": "S", "aggregation": "weighted_mean", "children": [
                    { "id": "m", "title": "M", "scale": "unit" },
                    { "id": "d", "title": "D", "scale": "unit" }
                ] }
            ] },
            { "id": "c", "title": "C", "scale": "unit" }
        ]
    }"#,
    )
    .unwrap();
    let scorer = Scorer::new(&fw).unwrap();
    let a = assessment(
        &fw,
        &[
            ("d", RatingValue::Number(0.5)),
            ("c", RatingValue::Number(0.5)),
        ],
    );
    let bounds = scorer.bounds(&a).unwrap();
    // Lower: x = m = 0 gives n = 0; upper: x = m = 1 gives
    // n = √(1 · 0.75) > 0.5, so the total is c = 0.5.
    assert_eq!(bounds.total.lower, Some(0.0));
    assert_eq!(bounds.total.upper, Some(0.5));
    // Independently: with x rated t, the total's interval is
    // [min(√(t·0.25), 0.5), min(√(t·0.75), 0.5)] (m at 0 and at 1). Its
    // width over t = k/16 is widest where √(t·0.75) first reaches 0.5 or
    // beyond: computed here by brute force over the 17 points.
    let width = |t: f64| (t * 0.75).sqrt().min(0.5) - (t * 0.25).sqrt().min(0.5);
    let widest = (0..=16)
        .map(|k| width(f64::from(k) / 16.0))
        .fold(f64::NEG_INFINITY, f64::max);
    let x = bounds.leverage.iter().find(|l| l.criterion == "x").unwrap();
    assert!(
        (x.leverage - (0.5 - widest)).abs() <= 1e-12,
        "{}",
        x.leverage
    );
    // Over the continuous range the widest interval is at t = 1/3, where
    // √(0.75·t) reaches 0.5: 0.5 − 0.5·√(1/3), a leverage of 0.2887. Of the
    // 17 points rule 15 tries, t = 5/16 leaves the widest:
    // √(5/16)·(√0.75 − 0.5) = 0.204614, a leverage of 0.295386, where the
    // ends alone would say 0.5.
    let five_sixteenths = 0.5 - (5.0f64 / 16.0).sqrt() * (0.75f64.sqrt() - 0.5);
    assert!(
        (x.leverage - five_sixteenths).abs() <= 1e-12,
        "{}",
        x.leverage
    );
    assert!((x.leverage - 0.295386).abs() < 5e-7, "{}", x.leverage);
}
