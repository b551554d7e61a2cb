//! `Scorer::bind_leaves`: ratings by position bind as the same ratings in
//! an assessment do (the Python binding's batch path relies on it).
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use assessment_model::{
    Assessment, Framework, MissingPolicy, RatingValue, Scorer, Scratch, catalog,
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
