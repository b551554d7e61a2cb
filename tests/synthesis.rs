#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Synthesis across consolidated peer reviews, checked by hand.

use assessment_model::cohort::Synthesis;
use assessment_model::model::Person;
use assessment_model::review::Consolidation;
use assessment_model::{Assessment, Framework, Id, PeerReview, RatingValue, Scorer, Subject};

use RatingValue::{Level, Met, NotMet};

fn framework() -> Framework {
    serde_json::from_str(
        r#"{
        "id": "synth", "version": "1.0.0", "title": "Synthesis fixture",
        "scales": {
            "imp": { "type": "ordinal", "levels": [
                { "id": "one", "value": 1, "label": "low" },
                { "id": "two", "value": 2, "label": "mid" },
                { "id": "three", "value": 3, "label": "high" } ] },
            "tick": { "type": "binary" }
        },
        "rules": { "risk_below": 0.5 },
        "criteria": [
            { "id": "g1", "title": "G1", "critical": true, "children": [
                { "id": "a1", "title": "A1", "scale": "imp" } ] },
            { "id": "g2", "title": "G2", "critical": true, "children": [
                { "id": "b1", "title": "B1", "scale": "tick" } ] }
        ]
    }"#,
    )
    .unwrap()
}

/// A review by two peers, each rating (a1, b1).
fn review(country: Option<&str>, peers: [(RatingValue, RatingValue); 2]) -> PeerReview {
    let fw = framework();
    let mut subject = Subject::new("Project");
    if let Some(c) = country {
        subject.attributes.insert("country".into(), c.into());
    }
    let mut r = PeerReview::new(fw.compatible_ref(), subject.clone());
    for (i, (a1, b1)) in peers.into_iter().enumerate() {
        let key = Id::new(format!("p{i}")).unwrap();
        r.peers
            .insert(key.clone(), Person::new(format!("Peer {i}")));
        let mut a = Assessment::new(fw.exact_ref(), subject.clone());
        a.rate("a1", a1).unwrap().rate("b1", b1).unwrap();
        r.assessments.insert(key, a);
    }
    r
}

#[test]
fn common_risks_across_reviews() {
    let fw = framework();
    let scorer = Scorer::new(&fw).unwrap();
    // Minimum: reviews 1-3 get a1 = 1 (g1 = 0, a risk) and b1 met; review 4
    // gets a1 = 3 and b1 not met (g2 = 0, a risk).
    let reviews: Vec<_> = [
        review(Some("FR"), [(Level(1.into()), Met), (Level(2.into()), Met)]),
        review(Some("FR"), [(Level(1.into()), Met), (Level(1.into()), Met)]),
        review(Some("DE"), [(Level(3.into()), Met), (Level(1.into()), Met)]),
        review(None, [(Level(3.into()), NotMet), (Level(3.into()), Met)]),
    ]
    .iter()
    .map(|r| r.consolidate(&fw, Consolidation::Minimum).unwrap())
    .collect();

    let s = Synthesis::new(&scorer, &reviews, &["country"], 0.5).unwrap();
    assert_eq!(s.stats.members, 4);
    assert_eq!(s.stats.nodes["g1"].mean, Some(0.25));
    assert_eq!(s.stats.nodes["g2"].mean, Some(0.75));
    let common: Vec<(&str, u64, f64)> = s
        .common_risks
        .iter()
        .map(|r| (r.criterion.as_str(), r.members, r.share))
        .collect();
    assert_eq!(common, [("g1", 3, 0.75)]);

    let s = Synthesis::new(&scorer, &reviews, &["country"], 0.25).unwrap();
    let ids: Vec<&str> = s
        .common_risks
        .iter()
        .map(|r| r.criterion.as_str())
        .collect();
    assert_eq!(ids, ["g1", "g2"]);
    let by_country = s.cohort.stats_by("country").unwrap();
    let sizes: Vec<(&str, u64)> = by_country
        .iter()
        .map(|(k, v)| (k.as_str(), v.members))
        .collect();
    assert_eq!(sizes, [("DE", 1), ("FR", 2), ("unspecified", 1)]);
    assert_eq!(by_country["FR"].nodes["g1"].risks, 2);

    let err = Synthesis::new(&scorer, &reviews, &[], -0.1).unwrap_err();
    let got: Vec<(&str, &str)> = err
        .issues()
        .iter()
        .map(|i| (i.code(), i.path.as_str()))
        .collect();
    assert_eq!(got, [("threshold-out-of-range", "/min_share")]);
}

#[test]
fn a_review_that_cannot_be_scored_is_named_by_its_index() {
    let fw = framework();
    let mut reviews: Vec<_> = [
        review(Some("FR"), [(Level(1.into()), Met), (Level(2.into()), Met)]),
        review(Some("DE"), [(Level(3.into()), Met), (Level(1.into()), Met)]),
    ]
    .iter()
    .map(|r| r.consolidate(&fw, Consolidation::Minimum).unwrap())
    .collect();
    // The second review was consolidated against another version.
    reviews[1].assessment.framework.version = "^2".parse().unwrap();
    let err = Synthesis::new(&Scorer::new(&fw).unwrap(), &reviews, &[], 0.5).unwrap_err();
    let got: Vec<(&str, &str)> = err
        .issues()
        .iter()
        .map(|i| (i.code(), i.path.as_str()))
        .collect();
    assert_eq!(
        got,
        [("framework-mismatch", "/reviews/1/assessment/framework")]
    );
}
