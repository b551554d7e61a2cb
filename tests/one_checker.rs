#![allow(clippy::unwrap_used, clippy::expect_used)]
//! One checker: a bad rating gets the same issue (code and kind, so the
//! same text) from scoring, from a peer review and from a translation;
//! only the path differs, by where the assessment sits in the document.
//! The `expected` texts are `Scale::admits`' wording for the two scales.
#![allow(clippy::indexing_slicing)]

use assessment_model::model::Person;
use assessment_model::{
    Assessment, Framework, IssueKind, Mapping, PeerReview, RatingValue, Scorer, Subject,
};

fn framework() -> Framework {
    serde_json::from_str(
        r#"{
        "id": "one", "version": "1.0.0", "title": "One checker",
        "scales": {
            "tick": { "type": "binary" },
            "imp": { "type": "ordinal", "levels": [
                { "id": "low", "value": 1, "label": "Low" },
                { "id": "high", "value": 2, "label": "High" } ] }
        },
        "criteria": [
            { "id": "g", "title": "G", "children": [
                { "id": "a", "title": "A", "scale": "imp" },
                { "id": "b", "title": "B", "scale": "tick" } ] }
        ]
    }"#,
    )
    .unwrap()
}

#[test]
fn a_rating_off_scale_is_the_same_issue_from_every_entry_point() {
    let fw = framework();
    let mut bad = Assessment::new(fw.exact_ref(), Subject::new("P"));
    bad.rate("a", RatingValue::Level(7.into())).unwrap();
    bad.rate("b", RatingValue::Number(0.5)).unwrap();
    bad.rate("g", RatingValue::Met).unwrap();
    bad.rate("zz", RatingValue::Met).unwrap();

    let scoring = Scorer::new(&fw).unwrap().score(&bad).unwrap_err();

    let mut review = PeerReview::new(fw.compatible_ref(), Subject::new("P"));
    review
        .peers
        .insert("p1".parse().unwrap(), Person::default());
    review
        .assessments
        .insert("p1".parse().unwrap(), bad.clone());
    let reviewing = review.issues_against(&fw);

    let translating = Mapping::identity(&fw)
        .translate(&bad, &fw, &fw)
        .unwrap_err();

    let expected = [
        (
            "/ratings/a/value",
            IssueKind::RatingOffScale {
                id: "a".into(),
                value: "level 7".into(),
                scale: "imp".into(),
                expected: "an ordinal scale admits the levels low = 1, high = 2, by id or by value, or not_applicable"
                    .into(),
            },
        ),
        (
            "/ratings/b/value",
            IssueKind::RatingOffScale {
                id: "b".into(),
                value: "0.5".into(),
                scale: "tick".into(),
                expected: "a binary scale admits met, not_met or not_applicable".into(),
            },
        ),
        ("/ratings/g", IssueKind::RatingOnGroup { id: "g".into() }),
        ("/ratings/zz", IssueKind::UnknownCriterion { id: "zz".into() }),
    ];
    for (prefix, issues) in [
        ("", scoring.issues()),
        ("/assessments/p1", &reviewing[..]),
        ("/assessment", translating.issues()),
    ] {
        let got: Vec<(String, &IssueKind)> =
            issues.iter().map(|i| (i.path.clone(), &i.kind)).collect();
        let want: Vec<(String, &IssueKind)> = expected
            .iter()
            .map(|(path, kind)| (format!("{prefix}{path}"), kind))
            .collect();
        assert_eq!(got, want, "{prefix}");
    }
}
