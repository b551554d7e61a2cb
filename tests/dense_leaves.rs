//! `Scorer::bind_leaves` and `Scorer::bind_codes_into`: ratings by
//! position, and numbers standing for them, bind as the same ratings in an
//! assessment do (the Python binding's batch path relies on it).
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use assessment_model::{
    Assessment, DenseRatings, Framework, MissingPolicy, RatingValue, Scorer, Scratch, catalog,
};

/// The worked example's ratings in leaf order.
fn positional(framework: &Framework, assessment: &Assessment) -> Vec<Option<RatingValue>> {
    framework
        .leaves()
        .map(|c| assessment.ratings.get(&c.id).map(|r| r.value.clone()))
        .collect()
}

#[test]
fn positional_ratings_bind_as_the_assessment_does() {
    let mut framework = catalog::good_practice::criteria();
    // The first leaf marked not applicable by the framework (as a profile
    // marks it): it stays so, whatever its rating.
    framework.criteria[0].children[0].children[0].not_applicable = Some("tailored".into());
    let scorer = Scorer::new(&framework).unwrap();
    let mut worked = catalog::good_practice::worked_example();
    // One leaf unrated and one not applicable, to bind NaN and −1 too.
    let ids: Vec<_> = framework.leaves().map(|c| c.id.clone()).collect();
    worked.ratings.shift_remove(&ids[3]);
    worked.ratings.get_mut(&ids[5]).unwrap().value = RatingValue::NotApplicable;
    let by_id = scorer.bind(&worked).unwrap();
    let by_position = scorer
        .bind_leaves(&positional(&framework, &worked))
        .unwrap();
    let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(by_position.values()), bits(by_id.values()));
    assert!(by_position.values()[3].is_nan());
    assert!(by_position.is_not_applicable(5));
    assert!(by_position.is_not_applicable(0));
    let mut scratch = Scratch::new();
    assert_eq!(
        scorer.total_dense(&by_position, &mut scratch),
        scorer.score(&worked).unwrap().total().score()
    );
}

#[test]
fn problems_are_reported_by_leaf_index() {
    let framework: Framework = serde_json::from_str(
        r#"{
        "id": "t", "version": "1.0.0", "title": "T",
        "scales": { "tick": { "type": "binary" }, "n": { "type": "numeric", "min": 0, "max": 4 } },
        "rules": { "missing": "error" },
        "criteria": [
            { "id": "a", "title": "A", "scale": "tick" },
            { "id": "b", "title": "B", "scale": "n" },
            { "id": "c", "title": "C", "scale": "n" }
        ]
    }"#,
    )
    .unwrap();
    assert_eq!(framework.rules.missing, MissingPolicy::Error);
    let scorer = Scorer::new(&framework).unwrap();
    // As in `Scorer::bind`: an off-scale rating counts as no rating, so
    // under `missing: error` its leaf is also missing.
    let err = scorer
        .bind_leaves(&[Some(RatingValue::Met), Some(RatingValue::Number(5.0)), None])
        .unwrap_err();
    let got: Vec<(&str, &str)> = err
        .issues()
        .iter()
        .map(|i| (i.code(), i.path.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("rating-off-scale", "/1"),
            ("missing-rating", "/1"),
            ("missing-rating", "/2")
        ]
    );
    let err = scorer.bind_leaves(&[Some(RatingValue::NotMet), None, None]);
    assert_eq!(err.unwrap_err().issues().len(), 2);
    let err = scorer.bind_leaves(&[None]).unwrap_err();
    assert_eq!(
        (err.issues()[0].code(), err.issues()[0].path.as_str()),
        ("invalid-document", "")
    );
    // (2 - 0) / 4 on the numeric leaves, 1 on the tick: (1 + 0.5 + 0.25) / 3.
    let dense = scorer
        .bind_leaves(&[
            Some(RatingValue::Met),
            Some(RatingValue::Number(2.0)),
            Some(RatingValue::Number(1.0)),
        ])
        .unwrap();
    assert_eq!(dense.values(), [1.0, 0.5, 0.25]);
    assert_eq!(
        scorer.total_dense(&dense, &mut Scratch::new()),
        Some(1.75 / 3.0)
    );
}

/// A binary, an ordinal (levels 1, 2, 4) and a lower-is-better numeric
/// leaf, and one of each kind the framework marks not applicable.
fn three_scales() -> Framework {
    serde_json::from_str(
        r#"{
        "id": "t", "version": "1.0.0", "title": "T",
        "scales": {
            "tick": { "type": "binary" },
            "grid": { "type": "ordinal", "levels": [
                { "id": "low", "value": 1, "label": "low" },
                { "id": "mid", "value": 2, "label": "mid" },
                { "id": "top", "value": 4, "label": "top" }
            ] },
            "delay": { "type": "numeric", "min": 0, "max": 8, "direction": "lower_is_better" }
        },
        "criteria": [
            { "id": "a", "title": "A", "scale": "tick" },
            { "id": "b", "title": "B", "scale": "grid" },
            { "id": "c", "title": "C", "scale": "delay" },
            { "id": "off", "title": "Off", "not_applicable": "tailored", "children": [
                { "id": "d", "title": "D", "scale": "tick" },
                { "id": "e", "title": "E", "scale": "grid" }
            ] }
        ]
    }"#,
    )
    .unwrap()
}

const NA: f64 = f64::NEG_INFINITY;

#[test]
fn codes_bind_to_the_normalised_scores_they_stand_for() {
    let scorer = Scorer::new(&three_scales()).unwrap();
    let mut dense = DenseRatings::default();
    // a: met; b: level 2 of 1..4, (2 - 1) / 3; c: 2 weeks of 8, lower is
    // better, (8 - 2) / 8; d, e: marked not applicable, whatever rated.
    scorer
        .bind_codes_into(&[1.0, 2.0, 2.0, 0.0, 4.0], NA, &mut dense)
        .unwrap();
    assert_eq!(&dense.values()[..3], [1.0, 1.0 / 3.0, 0.75]);
    assert!(dense.is_not_applicable(3) && dense.is_not_applicable(4));
    let mut scratch = Scratch::new();
    assert_eq!(
        scorer.total_dense(&dense, &mut scratch),
        Some((1.0 + 1.0 / 3.0 + 0.75) / 3.0)
    );
    // NaN is no rating; the not-applicable code is not applicable.
    scorer
        .bind_codes_into(&[f64::NAN, NA, 8.0, f64::NAN, NA], NA, &mut dense)
        .unwrap();
    assert!(dense.values()[0].is_nan());
    assert!(dense.is_not_applicable(1));
    assert_eq!(dense.values()[2], 0.0);
    assert_eq!(scorer.total_dense(&dense, &mut scratch), Some(0.0));
}

#[test]
fn codes_bind_as_the_ratings_they_stand_for_bit_for_bit() {
    let framework = three_scales();
    let scorer = Scorer::new(&framework).unwrap();
    let scales: Vec<_> = framework
        .leaves()
        .map(|c| &framework.scales[c.scale.as_ref().unwrap()])
        .collect();
    // Every leaf given every code in turn: ratings on and off each scale,
    // no rating and not applicable.
    let codes = [
        0.0,
        1.0,
        2.0,
        3.0,
        4.0,
        0.5,
        7.25,
        8.0,
        -1.0,
        9.0,
        f64::NAN,
        NA,
    ];
    let (mut by_code, mut scratch) = (DenseRatings::default(), Scratch::new());
    for (k, &code) in codes.iter().enumerate() {
        for shift in 0..codes.len() {
            let row: Vec<f64> = (0..scales.len())
                .map(|leaf| codes[(k + leaf * shift) % codes.len()])
                .collect();
            let ratings: Vec<Option<RatingValue>> = row
                .iter()
                .zip(&scales)
                .map(|(&x, s)| match x {
                    x if x.is_nan() => None,
                    NA => Some(RatingValue::NotApplicable),
                    x => Some(s.rating_of_code(x)),
                })
                .collect();
            let coded = scorer.bind_codes_into(&row, NA, &mut by_code);
            match (coded, scorer.bind_leaves(&ratings)) {
                (Ok(()), Ok(by_rating)) => {
                    let bits = |d: &DenseRatings| {
                        d.values().iter().map(|x| x.to_bits()).collect::<Vec<_>>()
                    };
                    assert_eq!(bits(&by_code), bits(&by_rating), "row {row:?}");
                    assert_eq!(
                        scorer.total_dense(&by_code, &mut scratch).map(f64::to_bits),
                        scorer
                            .total_dense(&by_rating, &mut scratch)
                            .map(f64::to_bits)
                    );
                }
                (Err(a), Err(b)) => {
                    assert_eq!(a.issues(), b.issues(), "row {row:?} (code {code})");
                    assert!(by_code.values().is_empty());
                    assert_eq!(scorer.total_dense(&by_code, &mut scratch), None);
                }
                (a, b) => panic!("row {row:?}: codes {a:?}, ratings {:?}", b.err()),
            }
        }
    }
}

#[test]
fn an_off_scale_code_names_the_rating_it_stands_for() {
    let scorer = Scorer::new(&three_scales()).unwrap();
    let mut dense = DenseRatings::default();
    // 0.5 is no tick and no level; 3 is no level of 1, 2, 4; 9 is past the
    // range; on a leaf marked not applicable a code is still checked.
    let err = scorer
        .bind_codes_into(&[0.5, 3.0, 9.0, 2.0, 3.0], NA, &mut dense)
        .unwrap_err();
    let got: Vec<(&str, &str, String)> = err
        .issues()
        .iter()
        .map(|i| (i.code(), i.path.as_str(), i.kind.to_string()))
        .collect();
    let tick = "a binary scale admits met, not_met or not_applicable";
    let grid = "an ordinal scale admits the levels low = 1, mid = 2, top = 4, by id or by value, or not_applicable";
    let off = |path, text: String| ("rating-off-scale", path, text);
    assert_eq!(
        got,
        [
            off("/0", format!("rating 0.5 of `a` is not on scale `tick` ({tick})")),
            off("/1", format!("rating level 3 of `b` is not on scale `grid` ({grid})")),
            off(
                "/2",
                "rating 9 of `c` is not on scale `delay` (a numeric scale admits a number in [0, 8] or not_applicable)".to_string()
            ),
            off("/3", format!("rating 2 of `d` is not on scale `tick` ({tick})")),
            off("/4", format!("rating level 3 of `e` is not on scale `grid` ({grid})")),
        ]
    );
    // The not-applicable code is read first, even where it is a rating.
    scorer
        .bind_codes_into(&[0.0, 0.0, 0.0, 0.0, 0.0], 0.0, &mut dense)
        .unwrap();
    assert!((0..5).all(|leaf| dense.is_not_applicable(leaf)));
    assert!(dense.is_qualitative());
}
